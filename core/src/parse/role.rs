//! Job-family pages: front matter, then the handbook's sections mapped onto `Role`.

use crate::model::{
    plain_text, slug, Block, DataError, HiringStep, Inline, ItemGroup, Level, Link, Role, Section,
    StepKind,
};

use super::markdown::parse_blocks;

/// Reads a job-family page. `Err` only when the page cannot be used at all (not UTF-8, empty,
/// no title); otherwise the role and any warnings (e.g. a hiring step whose minutes are unclear).
pub fn parse_role(file: &str, bytes: &[u8]) -> Result<(Role, Vec<DataError>), Vec<DataError>> {
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let line = bytes
            .get(..error.valid_up_to())
            .map_or(1, |valid| valid.iter().filter(|b| **b == b'\n').count() + 1);
        vec![DataError::line(file, line, "is not valid UTF-8 text")]
    })?;
    if text.trim().is_empty() {
        return Err(vec![DataError::file(file, "is empty")]);
    }
    let mut warnings = Vec::new();
    let (front, body, body_first_line) = split_front_matter(file, text)?;
    let mut role = Role {
        file: file.to_string(),
        ..Role::default()
    };
    for (line, key, value) in &front {
        match key.as_str() {
            "title" => role.title = value.clone(),
            "description" => role.description = value.clone(),
            "slug" => role.slug = slug(value),
            "grade" => match value.parse::<u8>() {
                Ok(grade) if grade > 0 => role.grade = Some(grade),
                _ => warnings.push(DataError::field(
                    file,
                    Some(*line),
                    "grade",
                    format!("\"{value}\" is not a whole number from 1 to 255"),
                )),
            },
            "midpoint" => match super::parse_decimal(value) {
                Ok(midpoint) if midpoint.is_finite() && midpoint > 0.0 => {
                    role.midpoint = Some(midpoint)
                }
                _ => warnings.push(DataError::field(
                    file,
                    Some(*line),
                    "midpoint",
                    format!("\"{value}\" is not a positive number"),
                )),
            },
            _ => {}
        }
    }
    role.id = super::role_id(file);
    if role.slug.is_empty() {
        role.slug = role.id.rsplit('/').next().unwrap_or_default().to_string();
    }
    let blocks: Vec<(usize, Block)> = parse_blocks(body)
        .into_iter()
        .map(|(line, block)| (line + body_first_line - 1, block))
        .collect();
    if role.title.is_empty() {
        role.title = blocks
            .iter()
            .find_map(|(_, block)| match block {
                Block::Heading { level: 1, text } => Some(plain_text(text)),
                _ => None,
            })
            .ok_or_else(|| {
                vec![DataError::field(
                    file,
                    None,
                    "title",
                    "the front matter has no title",
                )]
            })?;
    }
    fill_sections(file, &mut role, blocks, &mut warnings);
    if role.levels.is_empty() && role.grade.is_some() {
        role.levels.push(Level {
            title: role.title.clone(),
            slug: slug(&role.title),
            grade: role.grade,
            ..Level::default()
        });
    }
    Ok((role, warnings))
}

type FrontMatter = Vec<(usize, String, String)>;

/// Splits `---` front matter (key: value lines) from the body; returns the body's first line.
fn split_front_matter<'a>(
    file: &str,
    text: &'a str,
) -> Result<(FrontMatter, &'a str, usize), Vec<DataError>> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != "---" {
        return Ok((Vec::new(), text, 1));
    }
    let mut offset = first.len();
    let mut front = Vec::new();
    for (index, line) in lines.enumerate() {
        let number = index + 2;
        offset += line.len();
        let content = line.trim_end();
        if content == "---" || content == "..." {
            return Ok((front, text.get(offset..).unwrap_or_default(), number + 1));
        }
        let Some((key, value)) = content.split_once(':') else {
            continue;
        };
        if key.starts_with([' ', '\t', '#']) {
            continue;
        }
        front.push((
            number,
            key.trim().to_ascii_lowercase(),
            unquote(value.trim()),
        ));
    }
    Err(vec![DataError::line(
        file,
        1,
        "the front matter starting here has no closing \"---\" line",
    )])
}

/// `"a \"b\""` → `a "b"`; `'x'` → `x`; bare values are kept as written.
fn unquote(value: &str) -> String {
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match (c, chars.clone().next()) {
                ('\\', Some(next @ ('"' | '\\'))) => {
                    out.push(next);
                    chars.next();
                }
                _ => out.push(c),
            }
        }
        return out;
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    value.to_string()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Overview,
    JobGrade,
    Responsibilities,
    Requirements,
    PerformanceIndicators,
    CareerLadder,
    HiringProcess,
    RelevantLinks,
    Other,
}

fn classify(heading: &str) -> Part {
    let name = heading
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_ascii_lowercase();
    match name.as_str() {
        "job grade" | "job grades" | "grade" => Part::JobGrade,
        "responsibilities" => Part::Responsibilities,
        "requirements" => Part::Requirements,
        "performance indicators" => Part::PerformanceIndicators,
        "career ladder" => Part::CareerLadder,
        "hiring process" => Part::HiringProcess,
        "relevant links" | "links" => Part::RelevantLinks,
        _ => Part::Other,
    }
}

fn fill_sections(
    file: &str,
    role: &mut Role,
    blocks: Vec<(usize, Block)>,
    warnings: &mut Vec<DataError>,
) {
    let mut part = Part::Overview;
    // The level of the heading that opened the current known section: deeper unknown headings
    // stay inside it as blocks.
    let mut part_level = 0u8;
    let mut section_grade: Option<(usize, u8)> = None;
    for (line, block) in blocks {
        if let Block::Heading { level, text } = &block {
            let kind = classify(&plain_text(text));
            let nested = kind == Part::Other
                && part != Part::Overview
                && part != Part::Other
                && *level > part_level;
            if !nested {
                part = kind;
                part_level = *level;
                if kind == Part::Other {
                    role.other_sections.push(Section {
                        heading: text.clone(),
                        blocks: Vec::new(),
                    });
                }
                continue;
            }
        }
        match part {
            Part::Overview => role.overview.push(block),
            Part::Other => {
                if let Some(section) = role.other_sections.last_mut() {
                    section.blocks.push(block);
                }
            }
            Part::JobGrade => {
                if section_grade.is_none() {
                    section_grade = grade_in_text(&block_text(&block)).map(|grade| (line, grade));
                }
            }
            Part::Responsibilities => add_responsibility(&mut role.responsibilities, block),
            Part::Requirements => match block {
                Block::List { items, .. } => role.requirements.extend(items),
                Block::Paragraph(inlines) => role.requirements.push(inlines),
                Block::Heading { .. } => {}
            },
            Part::PerformanceIndicators => role.performance_indicators.push(block),
            Part::CareerLadder => role.career_ladder.push(block),
            Part::HiringProcess => add_hiring(file, line, role, block, warnings),
            Part::RelevantLinks => collect_links(&block, &mut role.links),
        }
    }
    match (role.grade, section_grade) {
        (None, Some((_, grade))) => role.grade = Some(grade),
        (Some(front), Some((line, grade))) if front != grade => warnings.push(DataError::field(
            file,
            Some(line),
            "grade",
            format!("the Job Grade section says grade {grade} but the front matter says {front}; using {front}"),
        )),
        _ => {}
    }
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Heading { text, .. } | Block::Paragraph(text) => plain_text(text),
        Block::List { items, .. } => items
            .iter()
            .map(|item| plain_text(item))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The N of the first "grade N" in a sentence.
fn grade_in_text(text: &str) -> Option<u8> {
    let lower = text.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("grade") {
        let after = rest.get(at + 5..).unwrap_or_default();
        let digits: String = after
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if after.starts_with(char::is_whitespace) {
            if let Ok(grade) = digits.parse::<u8>() {
                return Some(grade);
            }
        }
        rest = after;
    }
    None
}

/// A bold-only paragraph or a sub-heading opens a group; list items and other paragraphs
/// join the current group.
fn add_responsibility(groups: &mut Vec<ItemGroup>, block: Block) {
    let group_name = match &block {
        Block::Heading { text, .. } => Some(plain_text(text)),
        Block::Paragraph(inlines) => bold_only(inlines),
        Block::List { .. } => None,
    };
    if let Some(name) = group_name {
        groups.push(ItemGroup {
            name: Some(name.trim().to_string()),
            items: Vec::new(),
        });
        return;
    }
    if groups.is_empty() {
        groups.push(ItemGroup {
            name: None,
            items: Vec::new(),
        });
    }
    let Some(group) = groups.last_mut() else {
        return;
    };
    match block {
        Block::List { items, .. } => group.items.extend(items),
        Block::Paragraph(inlines) => group.items.push(inlines),
        Block::Heading { .. } => {}
    }
}

/// The text of a paragraph that is nothing but one bold span (e.g. `**Strategy**`).
fn bold_only(inlines: &[Inline]) -> Option<String> {
    let mut strong = None;
    for inline in inlines {
        match inline {
            Inline::Strong(children) if strong.is_none() => strong = Some(plain_text(children)),
            Inline::Text(text) if text.trim().is_empty() => {}
            _ => return None,
        }
    }
    strong.filter(|name| !name.trim().is_empty())
}

fn add_hiring(
    file: &str,
    line: usize,
    role: &mut Role,
    block: Block,
    warnings: &mut Vec<DataError>,
) {
    match block {
        Block::Paragraph(inlines) => match read_step(&inlines, false) {
            Some((step, unclear)) => {
                if unclear {
                    warnings.push(unclear_minutes(file, line, &inlines));
                }
                role.hiring_steps.push(step);
            }
            None => role.hiring_intro.push(Block::Paragraph(inlines)),
        },
        Block::List { ordered, items } => {
            let mut rest = Vec::new();
            for item in items {
                match read_step(&item, true) {
                    Some((step, unclear)) => {
                        if unclear {
                            warnings.push(unclear_minutes(file, line, &item));
                        }
                        role.hiring_steps.push(step);
                    }
                    None => rest.push(item),
                }
            }
            if !rest.is_empty() {
                role.hiring_intro.push(Block::List {
                    ordered,
                    items: rest,
                });
            }
        }
        heading @ Block::Heading { .. } => role.hiring_intro.push(heading),
    }
}

fn unclear_minutes(file: &str, line: usize, inlines: &[Inline]) -> DataError {
    DataError::line(
        file,
        line,
        format!("the length of the hiring step \"{}\" could not be read; write it as e.g. \"30 minute\"", plain_text(inlines)),
    )
}

/// Reads a hiring step from a sentence. Paragraphs must state a duration or be an offer;
/// list items are steps when they name a kind or a duration. The flag says "mentions minutes
/// but no number we could read".
fn read_step(inlines: &[Inline], in_list: bool) -> Option<(HiringStep, bool)> {
    let text = plain_text(inlines);
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |word: &str| words.iter().any(|w| w.starts_with(word));
    let minutes = minutes_in(&lower);
    let mentions_minutes = words
        .iter()
        .any(|w| matches!(*w, "minute" | "minutes" | "min" | "mins"));
    let kind = if has("screening") {
        StepKind::Screening
    } else if has("interview") {
        StepKind::Interview
    } else if words.contains(&"offer") {
        StepKind::Offer
    } else {
        StepKind::Other
    };
    let is_step = match kind {
        StepKind::Offer => in_list || words.len() <= 30,
        StepKind::Other => minutes.is_some(),
        StepKind::Screening | StepKind::Interview => {
            minutes.is_some() || mentions_minutes || in_list
        }
    };
    if !is_step {
        return None;
    }
    let with = match kind {
        StepKind::Offer => None,
        _ => with_whom(&text),
    };
    let unclear = minutes.is_none() && mentions_minutes;
    Some((
        HiringStep {
            kind,
            minutes,
            count: 1,
            substeps: Vec::new(),
            with,
            text: inlines.to_vec(),
        },
        unclear,
    ))
}

/// "30 minute", "30-minute", "30 min", "30 minutes" → 30.
fn minutes_in(lower: &str) -> Option<u32> {
    let chars: Vec<char> = lower.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        if chars.get(index).is_some_and(char::is_ascii_digit)
            && (index == 0 || !chars.get(index - 1).is_some_and(|c| c.is_alphanumeric()))
        {
            let start = index;
            while chars.get(index).is_some_and(char::is_ascii_digit) {
                index += 1;
            }
            let number: String = chars.get(start..index).unwrap_or_default().iter().collect();
            let mut after = index;
            while chars
                .get(after)
                .is_some_and(|c| *c == ' ' || *c == '-' || *c == '\u{a0}')
            {
                after += 1;
            }
            let word: String = chars
                .get(after..)
                .unwrap_or_default()
                .iter()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if matches!(word.as_str(), "minute" | "minutes" | "min" | "mins") {
                return number.parse().ok();
            }
        } else {
            index += 1;
        }
    }
    None
}

/// The person or team after " with ", up to the end of the sentence.
fn with_whom(text: &str) -> Option<String> {
    // ASCII case-folding keeps byte offsets, so `at` indexes `text` too (and needs no
    // Unicode case tables in the wasm).
    let lower = text.to_ascii_lowercase();
    let at = lower.find(" with ")?;
    let rest = text.get(at + 6..)?;
    let end = rest.find(". ").unwrap_or(rest.len());
    let who = rest
        .get(..end)?
        .trim()
        .trim_end_matches(['.', ';', ':', ','])
        .trim();
    (!who.is_empty()).then(|| who.to_string())
}

fn collect_links(block: &Block, links: &mut Vec<Link>) {
    match block {
        Block::Heading { text, .. } | Block::Paragraph(text) => collect_inline_links(text, links),
        Block::List { items, .. } => items
            .iter()
            .for_each(|item| collect_inline_links(item, links)),
    }
}

fn collect_inline_links(inlines: &[Inline], links: &mut Vec<Link>) {
    for inline in inlines {
        match inline {
            Inline::Link { href, children } => links.push(Link {
                text: plain_text(children),
                href: href.clone(),
            }),
            Inline::Strong(children) | Inline::Emphasis(children) => {
                collect_inline_links(children, links)
            }
            Inline::Text(_) | Inline::Code(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_minutes_in_every_spelling() {
        for (text, minutes) in [
            ("a 30 minute call", 30),
            ("a 30-minute call", 30),
            ("45 min", 45),
            ("20 minutes", 20),
            ("a 60 mins chat", 60),
        ] {
            assert_eq!(minutes_in(text), Some(minutes), "{text}");
        }
        assert_eq!(minutes_in("a30 minute"), None);
        assert_eq!(minutes_in("forty minutes"), None);
    }

    #[test]
    fn finds_whom_after_with_whatever_comes_before() {
        assert_eq!(
            with_whom("A 30 minute call WITH the Hiring Manager. Then more."),
            Some("the Hiring Manager".to_string())
        );
        // 'Ⱥ' lower-cases to a longer UTF-8 sequence; the offset must still fit `text`.
        assert_eq!(with_whom("Ⱥ with Bob"), Some("Bob".to_string()));
    }

    #[test]
    fn finds_grade_in_a_sentence() {
        assert_eq!(
            grade_in_text("The VP is a grade 12. (/x/#gitlab-job-grades)"),
            Some(12)
        );
        assert_eq!(grade_in_text("no grades here"), None);
    }
}
