//! The handbook's Markdown subset, hand-written so we do not ship a full CommonMark parser
//! (pulldown-cmark would take ~60-70 KB of our 150 KB gzip budget).
//!
//! Blocks: ATX headings, paragraphs, `-`/`*`/`+` and `1.`/`1)` lists (nested items are
//! flattened), thematic breaks (dropped). Inlines: `**strong**`, `__strong__`, `*em*`, `_em_`,
//! `` `code` ``, `[text](url)`, `<https://…>` autolinks and backslash escapes. Raw HTML is never
//! interpreted: it stays text. Only safe link targets survive. Nesting is bounded by
//! `MAX_DEPTH` and every scan is cached so hostile input stays linear-ish.

use std::collections::HashMap;

use crate::model::{Block, Inline};

/// Deeper emphasis/link nesting than this is kept as literal text (protects the stack).
const MAX_DEPTH: usize = 16;

/// Parses Markdown text (no front matter) into blocks.
pub fn parse_markdown(text: &str) -> Vec<Block> {
    parse_blocks(text)
        .into_iter()
        .map(|(_, block)| block)
        .collect()
}

/// Blocks with the 1-based line each starts on, so role warnings can be located.
pub(crate) fn parse_blocks(text: &str) -> Vec<(usize, Block)> {
    let mut builder = BlockBuilder::default();
    for (index, line) in text.lines().enumerate() {
        builder.line(index + 1, line.strip_suffix('\r').unwrap_or(line));
    }
    builder.finish()
}

#[derive(Default)]
struct BlockBuilder {
    blocks: Vec<(usize, Block)>,
    paragraph: Option<(usize, String)>,
    list: Option<OpenList>,
}

struct OpenList {
    line: usize,
    ordered: bool,
    items: Vec<String>,
}

impl BlockBuilder {
    fn line(&mut self, number: usize, line: &str) {
        if line.trim().is_empty() {
            self.close_paragraph();
            self.close_list();
            return;
        }
        let indent = line.len() - line.trim_start().len();
        let content = line.trim_start();
        if indent < 4 {
            if let Some((level, text)) = atx_heading(content) {
                self.close_paragraph();
                self.close_list();
                self.blocks.push((
                    number,
                    Block::Heading {
                        level,
                        text: parse_inlines(text),
                    },
                ));
                return;
            }
            if is_thematic_break(content) {
                self.close_paragraph();
                self.close_list();
                return;
            }
        }
        if let Some((ordered, rest)) = list_marker(content) {
            // An indented marker inside a list is a nested item: flattened into the list.
            let same_list =
                matches!(&self.list, Some(list) if list.ordered == ordered || indent >= 2);
            self.close_paragraph();
            if !same_list {
                self.close_list();
            }
            let list = self.list.get_or_insert_with(|| OpenList {
                line: number,
                ordered,
                items: Vec::new(),
            });
            list.items.push(rest.trim().to_string());
            return;
        }
        // A plain line continues the open list item, else the open paragraph.
        if let Some(item) = self.list.as_mut().and_then(|list| list.items.last_mut()) {
            item.push(' ');
            item.push_str(content.trim());
            return;
        }
        match &mut self.paragraph {
            Some((_, text)) => {
                text.push(' ');
                text.push_str(content.trim());
            }
            None => self.paragraph = Some((number, content.trim().to_string())),
        }
    }

    fn close_paragraph(&mut self) {
        if let Some((line, text)) = self.paragraph.take() {
            self.blocks
                .push((line, Block::Paragraph(parse_inlines(&text))));
        }
    }

    fn close_list(&mut self) {
        if let Some(list) = self.list.take() {
            let items = list.items.iter().map(|item| parse_inlines(item)).collect();
            self.blocks.push((
                list.line,
                Block::List {
                    ordered: list.ordered,
                    items,
                },
            ));
        }
    }

    fn finish(mut self) -> Vec<(usize, Block)> {
        self.close_paragraph();
        self.close_list();
        self.blocks
    }
}

/// `## Title ##` → (2, "Title").
fn atx_heading(content: &str) -> Option<(u8, &str)> {
    let hashes = content.bytes().take_while(|b| *b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = content.get(hashes..)?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let mut text = rest.trim();
    // An optional closing run of '#' preceded by a space.
    let without_closing = text.trim_end_matches('#');
    if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        text = without_closing.trim_end();
    }
    Some((u8::try_from(hashes).ok()?, text))
}

/// A marker must be followed by a space, a tab or the end of the line (`**bold**` is no list).
fn after_marker(rest: &str) -> Option<&str> {
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some(rest)
}

/// `---`, `***`, `___` (three or more, spaces allowed).
fn is_thematic_break(content: &str) -> bool {
    let compact: Vec<char> = content.chars().filter(|c| !c.is_whitespace()).collect();
    match compact.first() {
        Some(first @ ('-' | '*' | '_')) => compact.len() >= 3 && compact.iter().all(|c| c == first),
        _ => false,
    }
}

/// `- item`, `* item`, `+ item`, `1. item`, `1) item` → (ordered, rest).
fn list_marker(content: &str) -> Option<(bool, &str)> {
    if let Some(rest) = content.strip_prefix(['-', '*', '+']) {
        return after_marker(rest).map(|rest| (false, rest));
    }
    let digits = content.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = content.get(digits..)?;
        let rest = rest.strip_prefix(['.', ')'])?;
        return after_marker(rest).map(|rest| (true, rest));
    }
    None
}

/// Parses one paragraph's (or heading's, or item's) inline content.
pub(crate) fn parse_inlines(text: &str) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    let mut parser = InlineParser {
        chars: &chars,
        failed: HashMap::new(),
        code_runs: None,
    };
    parser.parse(0, chars.len(), 0, false)
}

/// What a failed search looked for, so an identical later search can be skipped.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Needle {
    Strong(char),
    Emphasis(char),
}

struct InlineParser<'a> {
    chars: &'a [char],
    /// Searches that found nothing, by (needle, scope end) → the earliest start that failed. A
    /// later search for the same needle from further on within the same scope cannot succeed
    /// either; this keeps parsing linear. A map, not a list: every emphasis span is a scope of its
    /// own, and scanning a list of them for each search was quadratic (`*__a* ` × 100,000).
    failed: HashMap<(Needle, usize), usize>,
    /// Every maximal backtick run as (length, start), sorted, built at the first backtick: a
    /// code span's closer is then a binary search. Scanning for it was quadratic when a page held
    /// runs of many different lengths (`` ` `` `` `` `` ``` ``…).
    code_runs: Option<Vec<(usize, usize)>>,
}

impl InlineParser<'_> {
    fn at(&self, index: usize) -> Option<char> {
        self.chars.get(index).copied()
    }

    fn parse(&mut self, start: usize, end: usize, depth: usize, in_link: bool) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut text = String::new();
        let mut i = start;
        while i < end {
            let Some(c) = self.at(i) else { break };
            match c {
                '\\' => match self
                    .at(i + 1)
                    .filter(|next| i + 1 < end && next.is_ascii_punctuation())
                {
                    Some(escaped) => {
                        text.push(escaped);
                        i += 2;
                    }
                    None => {
                        text.push('\\');
                        i += 1;
                    }
                },
                '`' => {
                    let run = self.run_length(i, end, '`');
                    match self.find_code_close(i + run, end, run) {
                        Some(close) => {
                            let code: String = self
                                .chars
                                .get(i + run..close)
                                .unwrap_or_default()
                                .iter()
                                .collect();
                            flush(&mut text, &mut out);
                            out.push(Inline::Code(trim_code(&code)));
                            i = close + run;
                        }
                        None => {
                            text.extend(std::iter::repeat_n('`', run));
                            i += run;
                        }
                    }
                }
                '*' | '_' if depth < MAX_DEPTH && self.can_open(i, end, c) => {
                    let run = self.run_length(i, end, c);
                    if run >= 2 {
                        if let Some(close) = self.find_strong_close(i + 2, end, c) {
                            flush(&mut text, &mut out);
                            out.push(Inline::Strong(self.parse(i + 2, close, depth + 1, in_link)));
                            i = close + 2;
                            continue;
                        }
                    }
                    if let Some(close) = self.find_emphasis_close(i + 1, end, c) {
                        flush(&mut text, &mut out);
                        out.push(Inline::Emphasis(self.parse(
                            i + 1,
                            close,
                            depth + 1,
                            in_link,
                        )));
                        i = close + 1;
                        continue;
                    }
                    text.extend(std::iter::repeat_n(c, run));
                    i += run;
                }
                '[' if depth < MAX_DEPTH && !in_link => match self.link_at(i, end) {
                    Some(link) => {
                        flush(&mut text, &mut out);
                        let children = self.parse(i + 1, link.text_end, depth + 1, true);
                        match safe_href(&link.href) {
                            Some(href) => out.push(Inline::Link { href, children }),
                            None => out.extend(children),
                        }
                        i = link.end;
                    }
                    None => {
                        text.push('[');
                        i += 1;
                    }
                },
                '<' if !in_link => match self.autolink_at(i, end) {
                    Some((href, next)) => {
                        flush(&mut text, &mut out);
                        out.push(Inline::Link {
                            href: href.clone(),
                            children: vec![Inline::Text(href)],
                        });
                        i = next;
                    }
                    None => {
                        text.push('<');
                        i += 1;
                    }
                },
                _ => {
                    text.push(c);
                    i += 1;
                }
            }
        }
        flush(&mut text, &mut out);
        merge_text(out)
    }

    fn run_length(&self, from: usize, end: usize, c: char) -> usize {
        (from..end)
            .take_while(|&index| self.at(index) == Some(c))
            .count()
    }

    /// An opener is followed by non-space; `_` must also not follow a letter or digit.
    fn can_open(&self, index: usize, end: usize, c: char) -> bool {
        let run = self.run_length(index, end, c);
        let next = if index + run < end {
            self.at(index + run)
        } else {
            None
        };
        let previous = index.checked_sub(1).and_then(|p| self.at(p));
        let next_ok = next.is_some_and(|n| !n.is_whitespace());
        let previous_ok = c != '_' || !previous.is_some_and(char::is_alphanumeric);
        next_ok && previous_ok
    }

    /// A closer run follows non-space; `_` must also not precede a letter or digit.
    fn can_close(&self, run_start: usize, run_end: usize, end: usize, c: char) -> bool {
        let previous = run_start.checked_sub(1).and_then(|p| self.at(p));
        let next = if run_end < end {
            self.at(run_end)
        } else {
            None
        };
        let previous_ok = previous.is_some_and(|p| !p.is_whitespace());
        let next_ok = c != '_' || !next.is_some_and(char::is_alphanumeric);
        previous_ok && next_ok
    }

    fn already_failed(&self, needle: Needle, from: usize, end: usize) -> bool {
        self.failed
            .get(&(needle, end))
            .is_some_and(|&failed_from| from >= failed_from)
    }

    fn remember_failure(&mut self, needle: Needle, from: usize, end: usize) {
        let earliest = self.failed.entry((needle, end)).or_insert(from);
        *earliest = (*earliest).min(from);
    }

    /// The start of a closing `**`/`__` run (the last two of a longer run), after some content.
    fn find_strong_close(&mut self, from: usize, end: usize, c: char) -> Option<usize> {
        self.find_close(Needle::Strong(c), from, end, c)
    }

    /// A closing single `*`/`_`: a run of one, or of three or more (not a `**` pair).
    fn find_emphasis_close(&mut self, from: usize, end: usize, c: char) -> Option<usize> {
        self.find_close(Needle::Emphasis(c), from, end, c)
    }

    /// The first run of `c` in `from..end` that can close `needle`, remembering a failed search so the
    /// same search is never run twice (what keeps nested emphasis linear).
    fn find_close(&mut self, needle: Needle, from: usize, end: usize, c: char) -> Option<usize> {
        if self.already_failed(needle, from, end) {
            return None;
        }
        let mut index = from;
        while index < end {
            if self.at(index) == Some(c) {
                let run = self.run_length(index, end, c);
                let fits = match needle {
                    Needle::Strong(_) => run >= 2,
                    Needle::Emphasis(_) => run != 2,
                };
                if index > from && fits && self.can_close(index, index + run, end, c) {
                    return Some(match needle {
                        Needle::Strong(_) => index + run - 2,
                        Needle::Emphasis(_) => index,
                    });
                }
                index += run;
            } else {
                index += 1;
            }
        }
        self.remember_failure(needle, from, end);
        None
    }

    /// The start of the first backtick run of exactly `run` characters in `from..end`. `from`
    /// follows a whole opening run and no scope ends on a backtick, so the runs in between are
    /// the document's maximal runs.
    fn find_code_close(&mut self, from: usize, end: usize, run: usize) -> Option<usize> {
        let chars = self.chars;
        let runs = self.code_runs.get_or_insert_with(|| {
            let mut runs = Vec::new();
            let mut index = 0;
            while index < chars.len() {
                let length = chars
                    .get(index..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|c| **c == '`')
                    .count();
                if length > 0 {
                    runs.push((length, index));
                }
                index += length.max(1);
            }
            runs.sort_unstable();
            runs
        });
        let first = runs.partition_point(|&entry| entry < (run, from));
        runs.get(first)
            .filter(|&&(length, start)| length == run && start < end)
            .map(|&(_, start)| start)
    }

    /// `[text](destination "optional title")` starting at `open`. Link text may not contain `[`
    /// or `]` (keeps the scan bounded by the next bracket).
    fn link_at(&self, open: usize, end: usize) -> Option<LinkSpan> {
        let mut index = open + 1;
        let text_end = loop {
            match self.at(index).filter(|_| index < end)? {
                ']' => break index,
                '[' => return None,
                '\\' => index += 2,
                _ => index += 1,
            }
        };
        if self.at(text_end + 1) != Some('(') || text_end + 1 >= end {
            return None;
        }
        let mut index = text_end + 2;
        let mut href = String::new();
        let mut parens = 0usize;
        // The destination: no spaces, balanced parentheses, never past another link opener.
        loop {
            let c = self.at(index).filter(|_| index < end)?;
            match c {
                '(' => {
                    parens += 1;
                    href.push(c);
                }
                ')' if parens == 0 => break,
                ')' => {
                    parens -= 1;
                    href.push(c);
                }
                '[' | '<' | '>' => return None,
                '\\' if self.at(index + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                    index += 1;
                    href.extend(self.at(index));
                }
                c if c.is_whitespace() => break,
                c => href.push(c),
            }
            index += 1;
        }
        // An optional title, which we drop: the UI shows no tooltips.
        while self.at(index).is_some_and(char::is_whitespace) && index < end {
            index += 1;
        }
        if let Some(quote @ ('"' | '\'')) = self.at(index) {
            index += 1;
            while self.at(index).filter(|_| index < end)? != quote {
                index += 1;
            }
            index += 1;
            while self.at(index).is_some_and(char::is_whitespace) && index < end {
                index += 1;
            }
        }
        if self.at(index) != Some(')') || index >= end {
            return None;
        }
        Some(LinkSpan {
            text_end,
            href,
            end: index + 1,
        })
    }

    /// `<https://example.com>` or `<mailto:a@b.c>`: returns the URL and the index after `>`.
    fn autolink_at(&self, open: usize, end: usize) -> Option<(String, usize)> {
        let mut url = String::new();
        let mut index = open + 1;
        loop {
            let c = self.at(index).filter(|_| index < end)?;
            match c {
                '>' => break,
                '<' => return None,
                c if c.is_whitespace() || c.is_control() => return None,
                c => url.push(c),
            }
            index += 1;
        }
        let lower = url.to_ascii_lowercase();
        let absolute = ["http://", "https://", "mailto:"]
            .iter()
            .any(|scheme| lower.starts_with(scheme));
        (absolute && url.len() > 7).then_some((url, index + 1))
    }
}

struct LinkSpan {
    text_end: usize,
    href: String,
    end: usize,
}

fn flush(text: &mut String, out: &mut Vec<Inline>) {
    if !text.is_empty() {
        out.push(Inline::Text(std::mem::take(text)));
    }
}

/// Joins neighbouring text nodes (left behind when a link was unwrapped to its text).
fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match (out.last_mut(), inline) {
            (Some(Inline::Text(previous)), Inline::Text(next)) => previous.push_str(&next),
            (_, inline) => out.push(inline),
        }
    }
    out
}

/// A code span's content loses one surrounding space on each side when both are present.
fn trim_code(code: &str) -> String {
    match code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
        Some(inner) if !inner.trim().is_empty() => inner.to_string(),
        _ => code.to_string(),
    }
}

/// The href to emit, or `None` when the target is not http(s), mailto or relative.
/// Conservative: whitespace and control characters are removed before looking for a scheme
/// (browsers ignore them: `java\tscript:`), and anything before the first `/` or `?` that holds a
/// `:`, `&` (an entity such as `&colon;`) or `%` is refused.
pub(crate) fn safe_href(href: &str) -> Option<String> {
    let cleaned: String = href
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    let lower = cleaned.to_ascii_lowercase();
    if ["http:", "https:", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
    {
        return Some(cleaned);
    }
    let head_end = cleaned.find(['/', '?']).unwrap_or(cleaned.len());
    let head = cleaned.get(..head_end).unwrap_or(&cleaned);
    if head.contains([':', '&', '%', '\\']) {
        return None;
    }
    Some(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the hostile corpus: 2 MB of backtick runs of every length took 100 s, and
    /// `*__a* ` repeated took seconds per 100 KB; both are now linear-ish.
    #[test]
    fn many_run_lengths_and_many_spans_stay_fast() {
        let mut runs = String::new();
        let mut length = 1;
        while runs.len() < 1 << 20 {
            runs.push_str(&"`".repeat(length));
            runs.push(' ');
            length += 1;
        }
        let spans = "*__a* ".repeat(100_000);
        let started = std::time::Instant::now();
        assert!(matches!(parse_inlines(&runs).as_slice(), [Inline::Text(_)]));
        assert_eq!(parse_inlines(&spans).len(), 200_000);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "took {:?}",
            started.elapsed()
        );
    }

    #[test]
    fn code_spans_close_on_a_run_of_the_same_length_only() {
        assert_eq!(
            parse_inlines("a ``b ` c`` d `e` ``` f"),
            vec![
                Inline::Text("a ".into()),
                Inline::Code("b ` c".into()),
                Inline::Text(" d ".into()),
                Inline::Code("e".into()),
                Inline::Text(" ``` f".into()),
            ]
        );
        assert_eq!(
            parse_inlines(r"*`x*` \``y``"),
            vec![
                Inline::Emphasis(vec![Inline::Text("`x".into())]),
                Inline::Text("` ``y``".into()),
            ]
        );
    }

    #[test]
    fn safe_href_allows_web_mail_and_relative_only() {
        for good in [
            "https://a.example/x",
            "HTTP://a",
            "mailto:x@y.z",
            "/handbook/",
            "./x",
            "#top",
            "x.html",
            "?q=1",
        ] {
            assert!(safe_href(good).is_some(), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:x",
            "java\tscript:x",
            "java\nscript:x",
            "java\u{0}script:x",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
            "javascript&colon;x",
            "java&#x09;script:x",
            "%6aavascript:x",
            "\u{a0}javascript:x",
            "",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
    }
}
