//! The handbook's Markdown subset, hand-written so we do not ship a full CommonMark parser
//! (pulldown-cmark would take ~60-70 KB of our 150 KB gzip budget).
//!
//! Blocks: ATX headings, paragraphs, `-`/`*`/`+` and `1.`/`1)` lists whose items may hold nested
//! lists and paragraphs (blank lines between items keep the list open), GFM pipe tables, thematic
//! breaks (dropped). Hugo pages also carry things that show nothing on the published page; they are
//! dropped: HTML comments (even over several lines), empty anchors (`<a name="x"></a>`), iframes
//! and shortcodes (`{{< … >}}`, `{{% … %}}`, never run). Inlines: `**strong**`, `__strong__`,
//! `*em*`, `_em_`, `` `code` ``, `[text](url)`, `<https://…>` autolinks and backslash escapes. Any
//! other raw HTML is never interpreted: it stays text. Only safe link targets survive. Nesting is
//! bounded by `MAX_DEPTH` and `MAX_LIST_DEPTH`, and every scan is cached so hostile input stays
//! linear-ish.

use std::collections::HashMap;

use crate::model::{Block, Inline, ListItem};

/// Deeper emphasis/link nesting than this is kept as literal text (protects the stack).
const MAX_DEPTH: usize = 16;

/// Lists nested deeper than this continue the deepest list (protects the stack when rendering).
const MAX_LIST_DEPTH: usize = 8;

/// A header row with more cells than this is no table: every row is padded to the header's width,
/// so a hostile header of a million pipes would otherwise multiply into every row.
const MAX_TABLE_COLUMNS: usize = 64;

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
    paragraph: Option<OpenParagraph>,
    /// The open lists, outermost first; each after the first is nested in its parent's last item.
    lists: Vec<OpenList>,
    /// A blank line was seen inside the open list: only an item or indented text continues it.
    blank_in_list: bool,
    table: Option<OpenTable>,
    /// What ends the HTML being dropped (`-->`, `</iframe>`), and whether a blank line ends it too.
    skipping: Option<(&'static str, bool)>,
}

struct OpenParagraph {
    line: usize,
    text: String,
    /// Where the last line starts in `text`, and its number: a table's header row, if a
    /// delimiter row follows.
    last_line_start: usize,
    last_line: usize,
}

struct OpenList {
    line: usize,
    indent: usize,
    ordered: bool,
    items: Vec<OpenItem>,
}

#[derive(Default)]
struct OpenItem {
    text: String,
    children: Vec<Block>,
    /// A paragraph indented under the item after a blank line, still being read.
    paragraph: Option<String>,
}

impl OpenItem {
    fn flush_paragraph(&mut self) {
        if let Some(text) = self.paragraph.take() {
            let inlines = parse_inlines(&text);
            if !is_blank(&inlines) {
                self.children.push(Block::Paragraph(inlines));
            }
        }
    }

    fn append(&mut self, text: &str) {
        let target = self.paragraph.as_mut().unwrap_or(&mut self.text);
        if !target.is_empty() {
            target.push(' ');
        }
        target.push_str(text);
    }
}

struct OpenTable {
    line: usize,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl BlockBuilder {
    fn line(&mut self, number: usize, line: &str) {
        if let Some((closer, ends_at_blank)) = self.skipping {
            if ends_at_blank && line.trim().is_empty() {
                self.skipping = None;
            } else {
                if let Some(at) = find_ascii_case_insensitive(line, closer) {
                    self.skipping = None;
                    let rest = line.get(at + closer.len()..).unwrap_or_default();
                    if !rest.trim().is_empty() {
                        self.content_line(number, rest.trim_start());
                    }
                }
                return;
            }
        }
        if line.trim().is_empty() {
            self.close_paragraph();
            self.close_table();
            if let Some(item) = self.deepest_item() {
                item.flush_paragraph();
            }
            self.blank_in_list = !self.lists.is_empty();
            return;
        }
        self.content_line(number, line);
    }

    fn content_line(&mut self, number: usize, line: &str) {
        let mut indent = indent_width(line);
        let mut content = line.trim_start();
        if indent < 4 {
            match self.strip_dropped_html(content) {
                Some(rest) if rest.len() < content.len() => {
                    content = rest;
                    indent = 0;
                }
                Some(_) => {}
                None => return,
            }
            if let Some((level, text)) = atx_heading(content) {
                self.close_all();
                let text = parse_inlines(text);
                if !is_blank(&text) {
                    self.blocks.push((number, Block::Heading { level, text }));
                }
                return;
            }
            if is_thematic_break(content) {
                self.close_all();
                return;
            }
        }
        if self.table_line(content) {
            return;
        }
        if let Some((ordered, rest)) = list_marker(content) {
            self.list_item(number, indent, ordered, rest.trim());
            return;
        }
        if !self.lists.is_empty() {
            if !self.blank_in_list {
                // A lazy continuation of the deepest open item.
                if let Some(item) = self.deepest_item() {
                    item.append(content.trim());
                }
                return;
            }
            let outer = self.lists.first().map_or(0, |list| list.indent);
            if indent >= outer + 2 {
                // A paragraph indented under an item after a blank line belongs to that item.
                while self.lists.len() > 1 && self.lists.last().is_some_and(|l| l.indent >= indent)
                {
                    self.close_top_list();
                }
                self.blank_in_list = false;
                if let Some(item) = self.deepest_item() {
                    item.flush_paragraph();
                    item.paragraph = Some(content.trim().to_string());
                }
                return;
            }
            self.close_lists();
        }
        match &mut self.paragraph {
            Some(paragraph) => {
                paragraph.text.push(' ');
                paragraph.last_line_start = paragraph.text.len();
                paragraph.last_line = number;
                paragraph.text.push_str(content.trim());
            }
            None => {
                self.paragraph = Some(OpenParagraph {
                    line: number,
                    text: content.trim().to_string(),
                    last_line_start: 0,
                    last_line: number,
                })
            }
        }
    }

    /// Drops the HTML that shows nothing on the published page from the start of a line
    /// (comments, empty anchors, iframes) and returns what is left, `None` when nothing is;
    /// everything else stays text. A loop, not recursion: a line of a million comments is fine.
    fn strip_dropped_html<'a>(&mut self, mut content: &'a str) -> Option<&'a str> {
        loop {
            let (opener, closer, ends_at_blank) = if content.starts_with("<!--") {
                ("<!--", "-->", false)
            } else if starts_with_ascii_case_insensitive(content, "<iframe") {
                ("<iframe", "</iframe>", true)
            } else if is_empty_anchors(content) {
                return None;
            } else {
                return Some(content);
            };
            self.close_paragraph();
            let rest = content.get(opener.len()..).unwrap_or_default();
            let Some(at) = find_ascii_case_insensitive(rest, closer) else {
                self.skipping = Some((closer, ends_at_blank));
                return None;
            };
            content = rest
                .get(at + closer.len()..)
                .unwrap_or_default()
                .trim_start();
            if content.is_empty() {
                return None;
            }
        }
    }

    /// A table's rows, or its start: a paragraph's last line with pipes, then a delimiter row.
    fn table_line(&mut self, content: &str) -> bool {
        if let Some(table) = &mut self.table {
            if content.contains('|') {
                let mut cells = split_cells(content);
                cells.resize(table.header.len(), String::new());
                table.rows.push(cells);
                return true;
            }
            self.close_table();
            return false;
        }
        let Some(paragraph) = &self.paragraph else {
            return false;
        };
        if !self.lists.is_empty() || !is_delimiter_row(content) {
            return false;
        }
        let header_line = paragraph
            .text
            .get(paragraph.last_line_start..)
            .unwrap_or_default();
        let header = split_cells(header_line);
        if !header_line.contains('|')
            || header.len() > MAX_TABLE_COLUMNS
            || header.len() != split_cells(content).len()
        {
            return false;
        }
        let header_number = paragraph.last_line;
        if let Some(mut paragraph) = self.paragraph.take() {
            paragraph.text.truncate(paragraph.last_line_start);
            let before = paragraph.text.trim_end().to_string();
            if !before.is_empty() {
                paragraph.text = before;
                self.paragraph = Some(paragraph);
                self.close_paragraph();
            }
        }
        self.table = Some(OpenTable {
            line: header_number,
            header,
            rows: Vec::new(),
        });
        true
    }

    fn list_item(&mut self, number: usize, indent: usize, ordered: bool, text: &str) {
        self.close_paragraph();
        self.close_table();
        self.blank_in_list = false;
        while self.lists.last().is_some_and(|list| indent < list.indent) {
            self.close_top_list();
        }
        let depth = self.lists.len();
        let item = OpenItem {
            text: text.to_string(),
            ..OpenItem::default()
        };
        if let Some(top) = self.lists.last_mut() {
            let nested = indent >= top.indent + 2;
            if nested && depth < MAX_LIST_DEPTH {
                if let Some(parent) = top.items.last_mut() {
                    parent.flush_paragraph();
                }
            } else if top.ordered == ordered || nested {
                if let Some(previous) = top.items.last_mut() {
                    previous.flush_paragraph();
                }
                top.items.push(item);
                return;
            } else {
                // Another kind of list at the same depth: the open one ends here.
                self.close_top_list();
            }
        }
        self.lists.push(OpenList {
            line: number,
            indent,
            ordered,
            items: vec![item],
        });
    }

    fn deepest_item(&mut self) -> Option<&mut OpenItem> {
        self.lists.last_mut().and_then(|list| list.items.last_mut())
    }

    fn close_paragraph(&mut self) {
        if let Some(paragraph) = self.paragraph.take() {
            let inlines = parse_inlines(&paragraph.text);
            if !is_blank(&inlines) {
                self.blocks
                    .push((paragraph.line, Block::Paragraph(inlines)));
            }
        }
    }

    /// Closes the innermost list into its parent's last item, or into the page.
    fn close_top_list(&mut self) {
        let Some(list) = self.lists.pop() else {
            return;
        };
        let items = list
            .items
            .into_iter()
            .map(|mut item| {
                item.flush_paragraph();
                ListItem {
                    content: parse_inlines(&item.text),
                    children: item.children,
                }
            })
            .collect();
        let block = Block::List {
            ordered: list.ordered,
            items,
        };
        match self
            .lists
            .last_mut()
            .and_then(|parent| parent.items.last_mut())
        {
            Some(parent) => parent.children.push(block),
            None => self.blocks.push((list.line, block)),
        }
    }

    fn close_lists(&mut self) {
        while !self.lists.is_empty() {
            self.close_top_list();
        }
        self.blank_in_list = false;
    }

    fn close_table(&mut self) {
        if let Some(table) = self.table.take() {
            let cells = |row: &[String]| row.iter().map(|cell| parse_inlines(cell)).collect();
            let block = Block::Table {
                header: cells(&table.header),
                rows: table.rows.iter().map(|row| cells(row)).collect(),
            };
            self.blocks.push((table.line, block));
        }
    }

    fn close_all(&mut self) {
        self.close_paragraph();
        self.close_table();
        self.close_lists();
    }

    fn finish(mut self) -> Vec<(usize, Block)> {
        self.close_all();
        self.blocks
    }
}

/// Leading whitespace, a tab counting as four spaces.
fn indent_width(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// Text that shows nothing: no inlines, or only whitespace (a paragraph that held only shortcodes).
fn is_blank(inlines: &[Inline]) -> bool {
    inlines
        .iter()
        .all(|inline| matches!(inline, Inline::Text(text) if text.trim().is_empty()))
}

fn starts_with_ascii_case_insensitive(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// The byte offset of `needle` (ASCII) in `text`, ignoring ASCII case.
fn find_ascii_case_insensitive(text: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    text.as_bytes()
        .windows(needle.len().max(1))
        .position(|window| window.eq_ignore_ascii_case(needle))
}

/// A line of nothing but empty anchors, `<a name="senior"></a>`: link targets for the handbook's
/// own table of contents, invisible on its page.
fn is_empty_anchors(content: &str) -> bool {
    let mut rest = content.trim();
    let mut found = false;
    while !rest.is_empty() {
        if !(starts_with_ascii_case_insensitive(rest, "<a ")
            || starts_with_ascii_case_insensitive(rest, "<a\t"))
        {
            return false;
        }
        let Some(close) = rest.find('>') else {
            return false;
        };
        let after = rest.get(close + 1..).unwrap_or_default().trim_start();
        if !starts_with_ascii_case_insensitive(after, "</a>") {
            return false;
        }
        rest = after.get(4..).unwrap_or_default().trim_start();
        found = true;
    }
    found
}

/// `| :--- | ---: |`: pipes and cells of dashes with optional alignment colons.
fn is_delimiter_row(content: &str) -> bool {
    content.contains('|')
        && split_cells(content).iter().all(|cell| {
            let dashes = cell.trim_start_matches(':').trim_end_matches(':');
            !dashes.is_empty() && dashes.bytes().all(|b| b == b'-')
        })
}

/// A table row's cells: outer pipes optional, `\|` is a literal pipe, cells trimmed.
fn split_cells(row: &str) -> Vec<String> {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = match row.strip_suffix('|') {
        Some(inner) if !inner.ends_with('\\') => inner,
        _ => row,
    };
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell).trim().to_string()),
            c => cell.push(c),
        }
    }
    cells.push(cell.trim().to_string());
    cells
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
    let shortcodes = if text.contains("{{") {
        shortcode_spans(&chars)
    } else {
        HashMap::new()
    };
    let mut parser = InlineParser {
        chars: &chars,
        failed: HashMap::new(),
        code_runs: None,
        shortcodes,
    };
    parser.parse(0, chars.len(), 0, false)
}

/// What a failed search looked for, so an identical later search can be skipped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Needle {
    Strong(char),
    Emphasis(char),
}

impl Needle {
    /// This needle searched for up to `end`, as one number: the failures are then a
    /// `HashMap<usize, usize>` like the shortcodes (and a role's level headings), one copy of the
    /// hash table's code in the wasm instead of one more for a key of its own. The delimiter is `*`
    /// or `_`, so four kinds per scope end; `end` is below the length of a `Vec<char>`, so the
    /// product cannot overflow.
    fn key(self, end: usize) -> usize {
        let kind = match self {
            Needle::Strong('*') => 0,
            Needle::Strong(_) => 1,
            Needle::Emphasis('*') => 2,
            Needle::Emphasis(_) => 3,
        };
        end * 4 + kind
    }
}

struct InlineParser<'a> {
    chars: &'a [char],
    /// Searches that found nothing, by (needle, scope end) as `Needle::key` → the earliest start
    /// that failed. A later search for the same needle from further on within the same scope cannot
    /// succeed either; this keeps parsing linear. A map, not a list: every emphasis span is a scope of its
    /// own, and scanning a list of them for each search was quadratic (`*__a* ` × 100,000).
    failed: HashMap<usize, usize>,
    /// Every maximal backtick run as (length, start), sorted, built at the first backtick: a
    /// code span's closer is then a binary search. Scanning for it was quadratic when a page held
    /// runs of many different lengths (`` ` `` `` `` `` ``` ``…).
    code_runs: Option<Vec<(usize, usize)>>,
    /// Hugo shortcodes, start → index after the closer. Dropped from text; a link whose target
    /// holds one (`{{% ref "…" %}}`, a page we cannot resolve) keeps its text only.
    shortcodes: HashMap<usize, usize>,
}

/// Every `{{< … >}}` and `{{% … %}}` in one pass: when a closer is missing, later openers of that
/// kind cannot find one either, so each kind is searched for at most once past any point.
fn shortcode_spans(chars: &[char]) -> HashMap<usize, usize> {
    let mut spans = HashMap::new();
    let mut closer_missing = [false, false];
    let mut index = 0;
    while index + 2 < chars.len() {
        let kind = match chars.get(index..index + 3) {
            Some(['{', '{', '<']) => 0,
            Some(['{', '{', '%']) => 1,
            _ => {
                index += 1;
                continue;
            }
        };
        let closer = if kind == 0 { '>' } else { '%' };
        let missing = closer_missing.get(kind).copied().unwrap_or(true);
        let close = if missing {
            None
        } else {
            (index + 3..chars.len().saturating_sub(2))
                .find(|&at| chars.get(at..at + 3) == Some(&[closer, '}', '}'][..]))
        };
        match close {
            Some(at) => {
                spans.insert(index, at + 3);
                index = at + 3;
            }
            None => {
                if let Some(flag) = closer_missing.get_mut(kind) {
                    *flag = true;
                }
                index += 1;
            }
        }
    }
    spans
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
                        match safe_href(&link.href).filter(|_| !link.through_shortcode) {
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
                '{' if self.shortcodes.get(&i).is_some_and(|&after| after <= end) => {
                    i = self.shortcodes.get(&i).copied().unwrap_or(i + 1);
                }
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
            .get(&needle.key(end))
            .is_some_and(|&failed_from| from >= failed_from)
    }

    fn remember_failure(&mut self, needle: Needle, from: usize, end: usize) {
        let earliest = self.failed.entry(needle.key(end)).or_insert(from);
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
            crate::order::sort_by(&mut runs, Ord::cmp);
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
        let mut through_shortcode = false;
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
                '{' if self
                    .shortcodes
                    .get(&index)
                    .is_some_and(|&after| after < end) =>
                {
                    through_shortcode = true;
                    index = self.shortcodes.get(&index).copied().unwrap_or(index + 1);
                    continue;
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
            through_shortcode,
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
    /// The target holds a shortcode: a page only Hugo can resolve, so the text stays, unlinked.
    through_shortcode: bool,
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
