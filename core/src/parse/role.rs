//! Job-family pages: front matter, then the handbook's sections mapped onto `Role`, the levels the
//! page describes (each with its grade and, where the page gives them, its own sections) and its
//! hiring steps.

use std::collections::{HashMap, HashSet};

use crate::model::{
    plain_text, slug, total_minutes, Block, DataError, HiringStep, Inline, ItemGroup, Level, Link,
    ListItem, Role, Section, StepKind,
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
    let mut front_grade = None;
    for (line, key, value) in &front {
        match key.as_str() {
            "title" => role.title = value.clone(),
            "description" => role.description = value.clone(),
            "slug" => role.slug = slug(value),
            "grade" => match value.parse::<u8>() {
                Ok(grade) if grade > 0 => front_grade = Some((*line, grade)),
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
            // Hugo's own keys (layout, weight, canonical_path, extra_js …) mean nothing here.
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
    let found = find_levels(file, &role.title, &blocks, &mut warnings);
    role.levels = found.levels;
    settle_grade(file, &mut role, front_grade, &mut warnings);
    fill_sections(
        file,
        &mut role,
        blocks,
        &found.level_headings,
        &found.statement_blocks,
        &mut warnings,
    );
    Ok((role, warnings))
}

/// The front matter's grade against the page's levels; `role.grade` is the first level's.
fn settle_grade(
    file: &str,
    role: &mut Role,
    front_grade: Option<(usize, u8)>,
    warnings: &mut Vec<DataError>,
) {
    match (front_grade, role.levels.as_mut_slice()) {
        (Some((line, grade)), []) => role.levels.push(Level {
            title: role.title.clone(),
            slug: slug(&role.title),
            grade: Some(grade),
            line,
            ..Level::default()
        }),
        (Some((line, front)), [only]) => {
            if let Some(grade) = only.grade.filter(|grade| *grade != front) {
                warnings.push(
                    DataError::field(
                        file,
                        Some(only.line),
                        "grade",
                        format!("the Job Grade section says grade {grade} but the front matter says {front}; using {front}"),
                    )
                    .warning(),
                );
            }
            // The grade used is the front matter's, so that is where a problem with it is.
            only.grade = Some(front);
            only.line = line;
        }
        (Some((line, front)), [first, ..]) => {
            if first.grade != Some(front) {
                warnings.push(
                    DataError::field(
                        file,
                        Some(line),
                        "grade",
                        format!(
                            "the front matter says grade {front} but the page's first level, {}, is a grade {}; using the levels",
                            first.title,
                            first.grade.map_or_else(|| "?".to_string(), |g| g.to_string())
                        ),
                    )
                    .warning(),
                );
            }
        }
        (None, _) => {}
    }
    role.grade = role.levels.first().and_then(|level| level.grade);
}

type FrontMatter = Vec<(usize, String, String)>;

/// Splits `---` front matter from the body; returns the body's first line. Only top-level
/// `key: value` lines are read (with `|`/`>` block scalars); lists, nested maps and anything else
/// YAML allows are skipped, never an error.
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
    let mut front: FrontMatter = Vec::new();
    // A block scalar being read: its entry in `front`, and whether lines join with newlines.
    let mut block_scalar: Option<(usize, bool)> = None;
    for (index, line) in lines.enumerate() {
        let number = index + 2;
        offset += line.len();
        let content = line.trim_end();
        if content == "---" || content == "..." {
            return Ok((front, text.get(offset..).unwrap_or_default(), number + 1));
        }
        if let Some((entry, literal)) = block_scalar {
            if content.is_empty() || content.starts_with([' ', '\t']) {
                if let Some((_, _, value)) = front.get_mut(entry) {
                    if !value.is_empty() {
                        value.push(if literal { '\n' } else { ' ' });
                    }
                    value.push_str(content.trim());
                }
                continue;
            }
            if let Some((_, _, value)) = front.get_mut(entry) {
                *value = value.trim_end().to_string();
            }
            block_scalar = None;
        }
        let Some((key, value)) = content.split_once(':') else {
            continue;
        };
        if key.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let value = value.trim();
        if matches!(value, "|" | "|-" | "|+" | ">" | ">-" | ">+") {
            block_scalar = Some((front.len(), value.starts_with('|')));
            front.push((number, key.trim().to_ascii_lowercase(), String::new()));
            continue;
        }
        front.push((number, key.trim().to_ascii_lowercase(), unquote(value)));
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

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
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

fn heading_name(heading: &str) -> String {
    heading
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_ascii_lowercase()
}

fn classify(heading: &str) -> Part {
    let name = heading_name(heading);
    match name.as_str() {
        "job grade" | "job grades" | "grade" | "grades" => Part::JobGrade,
        "responsibilities" => Part::Responsibilities,
        "requirements" => Part::Requirements,
        "performance indicators" => Part::PerformanceIndicators,
        "career ladder" => Part::CareerLadder,
        "hiring process" => Part::HiringProcess,
        "relevant links" | "links" => Part::RelevantLinks,
        _ if grade_heading_prefix(heading).is_some() => Part::JobGrade,
        _ if name.starts_with("job grade")
            && name.get(9..).is_some_and(|rest| {
                rest.trim_start_matches([':', ' '])
                    .starts_with(|c: char| c.is_ascii_digit())
            }) =>
        {
            Part::JobGrade
        }
        _ => Part::Other,
    }
}

/// "Senior Backend Engineer Job Grade" → "Senior Backend Engineer": a grade heading naming its level.
fn grade_heading_prefix(heading: &str) -> Option<&str> {
    let trimmed = heading.trim().trim_end_matches(':').trim_end();
    let lower = trimmed.to_ascii_lowercase();
    [" job grade", " job grades"].iter().find_map(|suffix| {
        lower
            .ends_with(suffix)
            .then(|| trimmed.get(..trimmed.len() - suffix.len()))
            .flatten()
            .map(str::trim)
            .filter(|prefix| !prefix.is_empty())
    })
}

/// "Levels", "Backend Engineer Levels": a heading that holds levels and is none itself.
fn is_levels_container(heading: &str) -> bool {
    let name = heading_name(heading);
    name == "levels" || name.ends_with(" levels") || name.starts_with("levels ")
}

/// What a page's grade statements say: its levels in page order, which heading opens each, and the
/// blocks that only state a grade (left out of a level's own overview).
struct FoundLevels {
    levels: Vec<Level>,
    /// Block index of a level's heading → its index in `levels`.
    level_headings: HashMap<usize, usize>,
    statement_blocks: HashSet<usize>,
}

/// One "… is a grade N": who it is about (`key` is the level's slug) and where it was read.
struct Statement {
    key: String,
    title: String,
    grade: u8,
    line: usize,
    heading: Option<usize>,
    block: usize,
}

struct OpenHeading {
    depth: u8,
    index: usize,
    kind: Part,
    text: String,
}

/// A heading that could open a level: an unknown one, not inside a known section, not a "Levels"
/// container and not the page's own title.
#[derive(Clone)]
struct Candidate {
    index: usize,
    depth: u8,
    text: String,
}

/// What a statement's place on the page says about whom it is about.
struct Scope<'a> {
    stack: &'a [OpenHeading],
    /// The Job Grade heading the statement sits under (or is), with its depth.
    grade_heading: Option<(&'a str, u8)>,
    /// The latest heading that could open a level: "### Senior X" before "### Senior Job Grade".
    previous_candidate: Option<&'a Candidate>,
    page_title: &'a str,
}

fn can_be_level(depth: u8, text: &str, page_title: &str) -> bool {
    !is_levels_container(text) && (depth >= 2 || !text.eq_ignore_ascii_case(page_title))
}

/// First pass over the page: every grade statement, attributed to the level it is about.
fn find_levels(
    file: &str,
    page_title: &str,
    blocks: &[(usize, Block)],
    warnings: &mut Vec<DataError>,
) -> FoundLevels {
    let mut statements = Vec::new();
    let mut stack: Vec<OpenHeading> = Vec::new();
    // Headings that could open a level, for levels whose grades are stated elsewhere.
    let mut candidates: Vec<Candidate> = Vec::new();
    for (index, (line, block)) in blocks.iter().enumerate() {
        if let Block::Heading { level, text } = block {
            while stack.last().is_some_and(|open| open.depth >= *level) {
                stack.pop();
            }
            let text = plain_text(text);
            let kind = classify(&text);
            if kind == Part::JobGrade {
                // "### Job Grade: 8" states it in the heading itself.
                let after_label = heading_name(&text)
                    .strip_prefix("job grade")
                    .map(str::to_string);
                if let Some(grade) = after_label.as_deref().and_then(leading_grade) {
                    let scope = Scope {
                        stack: &stack,
                        grade_heading: Some((&text, *level)),
                        previous_candidate: candidates.last(),
                        page_title,
                    };
                    statements.push(statement(&scope, None, grade, *line, index));
                }
            }
            let inside_section = stack
                .iter()
                .any(|open| !matches!(open.kind, Part::Other | Part::JobGrade | Part::Overview));
            if kind == Part::Other && !inside_section && can_be_level(*level, &text, page_title) {
                candidates.push(Candidate {
                    index,
                    depth: *level,
                    text: text.clone(),
                });
            }
            stack.push(OpenHeading {
                depth: *level,
                index,
                kind,
                text,
            });
            continue;
        }
        let section = stack.last().map_or(Part::Overview, |open| open.kind);
        if matches!(section, Part::HiringProcess | Part::RelevantLinks) {
            continue;
        }
        let found = match block {
            Block::Table { header, rows } => {
                for (title, grade) in table_levels(header, rows) {
                    statements.push(Statement {
                        key: slug(&title),
                        title,
                        grade,
                        line: *line,
                        heading: None,
                        block: index,
                    });
                }
                continue;
            }
            Block::Paragraph(inlines) => {
                grade_statements(&plain_text(inlines), section == Part::JobGrade)
            }
            // "- The Intermediate X is a grade 6" / "- The Senior X is a grade 7": one each.
            Block::List { items, .. } if section == Part::JobGrade => items
                .iter()
                .flat_map(|item| grade_statements(&plain_text(&item.content), true))
                .collect(),
            _ => continue,
        };
        let scope = Scope {
            stack: &stack,
            grade_heading: stack
                .last()
                .filter(|open| open.kind == Part::JobGrade)
                .map(|open| (open.text.as_str(), open.depth)),
            previous_candidate: candidates.last(),
            page_title,
        };
        add_statements(&mut statements, &scope, found, *line, index);
    }
    let candidates: Vec<(usize, String)> = candidates
        .into_iter()
        .map(|candidate| (candidate.index, slug(&candidate.text)))
        .collect();
    collect_levels(file, page_title, statements, &candidates, warnings)
}

/// A block's statements: under a level's heading only its first counts (the rest of the block
/// is about something else); elsewhere each names its own level by its subject.
fn add_statements(
    statements: &mut Vec<Statement>,
    scope: &Scope,
    found: Vec<(Option<String>, u8)>,
    line: usize,
    block: usize,
) {
    for (position, (subject, grade)) in found.into_iter().enumerate() {
        let found = statement(scope, subject, grade, line, block);
        let owned = found.heading.is_some();
        if position == 0 || !owned {
            statements.push(found);
        }
        if owned {
            break;
        }
    }
}

/// Whom a statement is about: the innermost heading that can be a level (not a known section, not
/// inside one, not a "Levels" container, not the page's own title), else the level a grade
/// heading names ("Senior Job Grade", the heading just before it at its depth if that names it
/// too), else the sentence's subject ("The Associate level … is a grade 5"), else the page itself.
fn statement(
    scope: &Scope,
    subject: Option<String>,
    grade: u8,
    line: usize,
    block: usize,
) -> Statement {
    let page_title = scope.page_title;
    let mut owner = None;
    let mut inside_section = false;
    for open in scope.stack {
        match open.kind {
            Part::Other if !inside_section && can_be_level(open.depth, &open.text, page_title) => {
                owner = Some((open.text.as_str(), open.index))
            }
            Part::Other | Part::JobGrade | Part::Overview => {}
            _ => inside_section = true,
        }
    }
    let named_by_grade_heading = scope.grade_heading.and_then(|(heading, depth)| {
        let prefix = grade_heading_prefix(heading)?;
        let lower_prefix = prefix.to_ascii_lowercase();
        let sibling = scope.previous_candidate.filter(|candidate| {
            candidate.depth == depth && candidate.text.to_ascii_lowercase().contains(&lower_prefix)
        });
        Some(match sibling {
            Some(candidate) => (candidate.text.as_str(), Some(candidate.index)),
            None => (prefix, None),
        })
    });
    let (title, heading) = match owner {
        Some((text, index)) => (text.to_string(), Some(index)),
        None => match named_by_grade_heading {
            Some((text, index)) => (text.to_string(), index),
            None => (subject.unwrap_or_default(), None),
        },
    };
    let about_the_page = title.is_empty()
        || title.eq_ignore_ascii_case(page_title)
        || matches!(
            title.to_ascii_lowercase().as_str(),
            "this"
                | "this role"
                | "this position"
                | "the role"
                | "the position"
                | "this job"
                | "it"
        );
    let key = if about_the_page {
        String::new()
    } else {
        slug(&title)
    };
    Statement {
        key,
        title: if about_the_page {
            page_title.to_string()
        } else {
            title
        },
        grade,
        line,
        heading,
        block,
    }
}

/// Statements → levels in page order: one per level, a second statement of another grade is a
/// warning (the first wins). A page with one level names it like the page and keeps every
/// section on the role.
fn collect_levels(
    file: &str,
    page_title: &str,
    statements: Vec<Statement>,
    candidates: &[(usize, String)],
    warnings: &mut Vec<DataError>,
) -> FoundLevels {
    let mut levels: Vec<Level> = Vec::new();
    let mut keys: HashMap<String, usize> = HashMap::new();
    let mut level_headings = HashMap::new();
    let mut statement_blocks = HashSet::new();
    for found in statements {
        let index = match keys.get(&found.key).copied() {
            Some(index) => {
                if let Some(level) = levels.get(index) {
                    if level.grade != Some(found.grade) {
                        warnings.push(
                            DataError::field(
                                file,
                                Some(found.line),
                                "grade",
                                format!(
                                    "{} is stated as grade {} here but as grade {} on line {}; using grade {}",
                                    level.title,
                                    found.grade,
                                    level.grade.unwrap_or_default(),
                                    level.line,
                                    level.grade.unwrap_or_default()
                                ),
                            )
                            .warning(),
                        );
                    }
                }
                index
            }
            None => {
                keys.insert(found.key.clone(), levels.len());
                levels.push(Level {
                    slug: slug(&found.title),
                    title: found.title.clone(),
                    grade: Some(found.grade),
                    line: found.line,
                    ..Level::default()
                });
                levels.len() - 1
            }
        };
        if let Some(heading) = found.heading {
            level_headings.entry(heading).or_insert(index);
            statement_blocks.insert(found.block);
        }
    }
    // "## Job Grades" listing every level, then a heading per level: the heading named like a
    // level opens it.
    let mut with_heading: HashSet<usize> = level_headings.values().copied().collect();
    for (heading, key) in candidates {
        if let Some(&index) = keys.get(key).filter(|_| !key.is_empty()) {
            if !level_headings.contains_key(heading) && with_heading.insert(index) {
                level_headings.insert(*heading, index);
            }
        }
    }
    if let [only] = levels.as_mut_slice() {
        only.title = page_title.to_string();
        only.slug = slug(page_title);
        level_headings.clear();
    }
    FoundLevels {
        levels,
        level_headings,
        statement_blocks,
    }
}

/// A levels table's rows as (title, grade): the first column headed Level, Title, Role or
/// Position, and the first headed Grade.
fn table_levels(header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) -> Vec<(String, u8)> {
    let names: Vec<String> = header
        .iter()
        .map(|cell| plain_text(cell).trim().to_ascii_lowercase())
        .collect();
    let grade_column = names.iter().position(|name| name.contains("grade"));
    let title_column = names.iter().position(|name| {
        !name.contains("grade")
            && ["level", "title", "role", "position", "job"]
                .iter()
                .any(|word| {
                    name.split(|c: char| !c.is_alphanumeric())
                        .any(|w| w == *word)
                })
    });
    let (Some(grade_column), Some(title_column)) = (grade_column, title_column) else {
        return Vec::new();
    };
    rows.iter()
        .filter_map(|row| {
            let title = plain_text(row.get(title_column)?).trim().to_string();
            let cell = plain_text(row.get(grade_column)?);
            let grade = grade_in_text(&cell).or_else(|| leading_grade(&cell))?;
            (!title.is_empty()).then_some((title, grade))
        })
        .collect()
}

/// A grade written first (after an optional colon): "8", ": 8", " 8 (…)".
fn leading_grade(text: &str) -> Option<u8> {
    let rest = text.trim_start().trim_start_matches(':').trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse::<u8>().ok().filter(|grade| *grade > 0)
}

type SectionTargets<'a> = (
    &'a mut Vec<Block>,
    &'a mut Vec<ItemGroup>,
    &'a mut Vec<Vec<Inline>>,
);

/// Where the current block's overview, responsibilities and requirements go: the open level's
/// own, or the page's.
fn targets(role: &mut Role, level: Option<usize>) -> SectionTargets<'_> {
    match level.and_then(|index| role.levels.get_mut(index)) {
        Some(level) => (
            &mut level.overview,
            &mut level.responsibilities,
            &mut level.requirements,
        ),
        None => (
            &mut role.overview,
            &mut role.responsibilities,
            &mut role.requirements,
        ),
    }
}

/// Second pass: every block to its section, on the open level or on the role.
fn fill_sections(
    file: &str,
    role: &mut Role,
    blocks: Vec<(usize, Block)>,
    level_headings: &HashMap<usize, usize>,
    statement_blocks: &HashSet<usize>,
    warnings: &mut Vec<DataError>,
) {
    let mut part = Part::Overview;
    // The level of the heading that opened the current known section: deeper unknown headings
    // stay inside it as blocks.
    let mut part_level = 0u8;
    let mut part_heading: Vec<Inline> = Vec::new();
    // The open level's heading depth and its index in `role.levels`.
    let mut level: Option<(u8, usize)> = None;
    for (index, (line, block)) in blocks.into_iter().enumerate() {
        if let Block::Heading { level: depth, text } = &block {
            if level.is_some_and(|(open, _)| *depth <= open) {
                level = None;
            }
            if let Some(&level_index) = level_headings.get(&index) {
                // A "Levels" heading with nothing of its own before its first level shows nothing.
                if part == Part::Other
                    && role
                        .other_sections
                        .last()
                        .is_some_and(|section| section.blocks.is_empty())
                {
                    role.other_sections.pop();
                }
                level = Some((*depth, level_index));
                part = Part::Overview;
                part_level = *depth;
                continue;
            }
            let kind = classify(&plain_text(text));
            let nested = kind == Part::Other
                && part != Part::Overview
                && part != Part::Other
                && *depth > part_level;
            if !nested {
                part_level = *depth;
                part_heading = text.clone();
                if kind == Part::Other && level.is_some() {
                    // An unknown sub-heading of a level is part of that level's own text.
                    part = Part::Overview;
                    targets(role, level.map(|(_, index)| index)).0.push(block);
                    continue;
                }
                part = kind;
                if kind == Part::Other {
                    role.other_sections.push(Section {
                        heading: text.clone(),
                        blocks: Vec::new(),
                    });
                }
                continue;
            }
        }
        let level_index = level.map(|(_, index)| index);
        match part {
            Part::Overview => {
                if level_index.is_some()
                    && statement_blocks.contains(&index)
                    && is_one_sentence(&block)
                {
                    continue;
                }
                targets(role, level_index).0.push(block);
            }
            Part::Other => {
                if let Some(section) = role.other_sections.last_mut() {
                    section.blocks.push(block);
                }
            }
            Part::JobGrade => {
                // The sentence became the level's grade; a levels table is still worth showing.
                if matches!(block, Block::Table { .. }) {
                    role.other_sections.push(Section {
                        heading: part_heading.clone(),
                        blocks: vec![block],
                    });
                }
            }
            Part::Responsibilities => add_responsibility(targets(role, level_index).1, block),
            Part::Requirements => add_requirements(targets(role, level_index).2, block),
            Part::PerformanceIndicators => role.performance_indicators.push(block),
            Part::CareerLadder => role.career_ladder.push(block),
            Part::HiringProcess => add_hiring(file, line, role, block, warnings),
            Part::RelevantLinks => collect_links(&block, &mut role.links),
        }
    }
}

/// A paragraph that is one sentence: a level's "The Senior X is a grade 7." and nothing more.
fn is_one_sentence(block: &Block) -> bool {
    match block {
        Block::Paragraph(inlines) => {
            let text = plain_text(inlines);
            let text = text.trim().trim_end_matches('.');
            !text.contains(". ")
        }
        _ => false,
    }
}

/// The N of the first "grade N" (or "grade: N") in a sentence.
fn grade_in_text(text: &str) -> Option<u8> {
    grade_mentions(text).next().map(|(_, grade)| grade)
}

/// Every "grade N" / "grade: N" in a text, with the byte offset of "grade" (ASCII folding keeps
/// offsets, so they index `text` too).
fn grade_mentions(text: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(found) = lower.get(from..).and_then(|rest| rest.find("grade")) {
            let at = from + found;
            from = at + 5;
            let after = lower.get(at + 5..).unwrap_or_default();
            let previous_is_letter = lower
                .get(..at)
                .and_then(|before| before.chars().next_back())
                .is_some_and(char::is_alphanumeric);
            if previous_is_letter || !after.starts_with([' ', ':', '\u{a0}']) {
                continue;
            }
            if let Some(grade) = leading_grade(after) {
                return Some((at, grade));
            }
        }
        None
    })
}

/// Every grade a text states, as (subject, grade) in order: "The Senior X is a grade 7", "… is
/// grade 6", or "Job Grade: 8" at the start. In a Job Grade section any "grade N" counts when
/// nothing is stated that way ("Grade 9 (see the table)").
fn grade_statements(text: &str, in_grade_section: bool) -> Vec<(Option<String>, u8)> {
    // ASCII folding keeps byte offsets, so `at` indexes `text` and `lower` alike.
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut first = None;
    for (at, grade) in grade_mentions(text) {
        first.get_or_insert(grade);
        let head = lower.get(..at).unwrap_or_default().trim_end();
        if head.is_empty() || head == "job" || head == "the job" {
            found.push((None, grade));
            continue;
        }
        let stated = [
            " is a", " is", " is at", " is at a", " are", " are a", " are at",
        ]
        .iter()
        .any(|ending| head.ends_with(ending));
        if stated {
            found.push((grade_subject(text, &lower, at), grade));
        }
    }
    if found.is_empty() && in_grade_section {
        if let Some(grade) = first {
            found.push((None, grade));
        }
    }
    found
}

/// The first statement of a sentence outside Job Grade sections, for tests and single answers.
#[cfg(test)]
fn grade_sentence(text: &str) -> Option<(Option<String>, u8)> {
    grade_statements(text, false).into_iter().next()
}

/// "The Associate level of this family is a grade 5" → "Associate"; "The Senior X is a …" →
/// "Senior X": the words before " is"/" are" in the sentence of the "grade" at `at`, without
/// "The" or "level …".
fn grade_subject(text: &str, lower: &str, at: usize) -> Option<String> {
    // A subject is a few words: looking further back would make a page of statements quadratic.
    let mut start = at.saturating_sub(200);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let before = text.get(start..at)?;
    let lower_before = lower.get(start..at)?;
    let verb = [" is ", " are "]
        .iter()
        .filter_map(|verb| lower_before.rfind(verb))
        .max()?;
    let subject = before.get(..verb)?;
    let clause_start = [". ", "; ", ": ", "! ", "? ", ") "]
        .iter()
        .filter_map(|mark| subject.rfind(mark).map(|at| at + mark.len()))
        .max()
        .unwrap_or(0);
    let mut subject = subject.get(clause_start..)?.trim();
    let lower_subject = subject.to_ascii_lowercase();
    if lower_subject.contains(" is ") || lower_subject.contains(" are ") {
        // Another clause ran into this one: no subject we can trust.
        return None;
    }
    for article in ["The ", "the ", "An ", "an ", "A ", "a "] {
        if let Some(rest) = subject.strip_prefix(article) {
            subject = rest;
            break;
        }
    }
    if let Some(level_at) = subject.to_ascii_lowercase().find(" level") {
        subject = subject.get(..level_at)?;
    }
    let subject = subject.trim().trim_end_matches(',').trim();
    let words = subject.split_whitespace().count();
    (1..=8).contains(&words).then(|| subject.to_string())
}

/// A list's items and everything nested under them, in order: responsibilities and requirements
/// are flat lists of sentences.
fn flat_items(items: Vec<ListItem>, out: &mut Vec<Vec<Inline>>) {
    for item in items {
        out.push(item.content);
        for child in item.children {
            match child {
                Block::List { items, .. } => flat_items(items, out),
                Block::Paragraph(inlines) => out.push(inlines),
                Block::Heading { .. } | Block::Table { .. } => {}
            }
        }
    }
}

fn add_requirements(requirements: &mut Vec<Vec<Inline>>, block: Block) {
    match block {
        Block::List { items, .. } => flat_items(items, requirements),
        Block::Paragraph(inlines) => requirements.push(inlines),
        Block::Heading { .. } | Block::Table { .. } => {}
    }
}

/// A bold-only paragraph or a sub-heading opens a group; list items and other paragraphs
/// join the current group.
fn add_responsibility(groups: &mut Vec<ItemGroup>, block: Block) {
    let group_name = match &block {
        Block::Heading { text, .. } => Some(plain_text(text)),
        Block::Paragraph(inlines) => bold_only(inlines),
        Block::List { .. } | Block::Table { .. } => None,
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
        Block::List { items, .. } => flat_items(items, &mut group.items),
        Block::Paragraph(inlines) => group.items.push(inlines),
        Block::Heading { .. } | Block::Table { .. } => {}
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
                match list_step(file, line, &item, warnings) {
                    Some(step) => role.hiring_steps.push(step),
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
        other @ (Block::Heading { .. } | Block::Table { .. }) => role.hiring_intro.push(other),
    }
}

/// A list item as a hiring step, with the items nested under it as its substeps (a round and its
/// interviews). Under a round every item is a step, even one that names no kind or length; an item
/// with nothing step-like in or under it stays introduction text.
fn list_step(
    file: &str,
    line: usize,
    item: &ListItem,
    warnings: &mut Vec<DataError>,
) -> Option<HiringStep> {
    let mut any_step = false;
    let substeps: Vec<HiringStep> = item
        .children
        .iter()
        .filter_map(|child| match child {
            Block::List { items, .. } => Some(items),
            _ => None,
        })
        .flatten()
        .map(|sub| match list_step(file, line, sub, warnings) {
            Some(step) => {
                any_step = true;
                step
            }
            None => HiringStep {
                kind: StepKind::Other,
                minutes: None,
                count: 1,
                substeps: Vec::new(),
                with: with_whom(&plain_text(&sub.content)),
                text: sub.content.clone(),
            },
        })
        .collect();
    let step = match read_step(&item.content, true) {
        Some((step, unclear)) => {
            if unclear {
                warnings.push(unclear_minutes(file, line, &item.content));
            }
            step
        }
        // A round: an item that is no step itself, with steps under it.
        None if any_step => HiringStep {
            kind: StepKind::Other,
            minutes: None,
            count: 1,
            substeps: Vec::new(),
            with: None,
            text: item.content.clone(),
        },
        None => return None,
    };
    Some(with_substeps(file, line, step, substeps, warnings))
}

/// A round's own length would count twice next to its steps'; the steps win, and a round whose
/// stated length differs from theirs is a warning.
fn with_substeps(
    file: &str,
    line: usize,
    mut step: HiringStep,
    substeps: Vec<HiringStep>,
    warnings: &mut Vec<DataError>,
) -> HiringStep {
    let inner = total_minutes(&substeps);
    if inner > 0 {
        if let Some(minutes) = step.minutes.take() {
            let own = minutes.saturating_mul(step.count.max(1));
            if own != inner {
                warnings.push(
                    DataError::line(
                        file,
                        line,
                        format!(
                            "the hiring step \"{}\" says {own} minutes but the steps under it add up to {inner}; counting the steps",
                            plain_text(&step.text)
                        ),
                    )
                    .warning(),
                );
            }
            step.count = 1;
        }
    }
    step.substeps = substeps;
    step
}

fn unclear_minutes(file: &str, line: usize, inlines: &[Inline]) -> DataError {
    DataError::line(
        file,
        line,
        format!("the length of the hiring step \"{}\" could not be read; write it as e.g. \"30 minute\"", plain_text(inlines)),
    )
    .warning()
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
    let duration = duration_in(&lower);
    let mentions_minutes = words.iter().any(|w| {
        let unit = w.trim_start_matches(|c: char| c.is_ascii_digit());
        matches!(
            unit,
            "minute" | "minutes" | "min" | "mins" | "hour" | "hours" | "hr" | "hrs"
        )
    });
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
        StepKind::Other => duration.is_some(),
        StepKind::Screening | StepKind::Interview => {
            duration.is_some() || mentions_minutes || in_list
        }
    };
    if !is_step {
        return None;
    }
    let with = match kind {
        StepKind::Offer => None,
        _ => with_whom(&text),
    };
    let unclear = duration.is_none() && mentions_minutes;
    let count = duration
        .and_then(|found| count_before(&lower, found.start))
        .or_else(|| counted_noun(&words))
        .unwrap_or(1);
    Some((
        HiringStep {
            kind,
            minutes: duration.map(|found| found.minutes),
            count,
            substeps: Vec::new(),
            with,
            text: inlines.to_vec(),
        },
        unclear,
    ))
}

/// A length read from a sentence, and the byte offset where its number starts.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Duration {
    minutes: u32,
    start: usize,
}

/// "30 minute", "30-minute", "30min", "60 Minute", "90 minutes", "1 hour", "1-hour", "1.5 hours",
/// "an hour" → minutes (the sentence is lower-cased ASCII-wise first).
fn duration_in(lower: &str) -> Option<Duration> {
    let bytes = lower.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        let starts_number = bytes.get(index).is_some_and(u8::is_ascii_digit)
            && (index == 0
                || !bytes
                    .get(index - 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.'));
        if !starts_number {
            index += 1;
            continue;
        }
        let start = index;
        while bytes.get(index).is_some_and(u8::is_ascii_digit) {
            index += 1;
        }
        let Some(whole) = lower
            .get(start..index)
            .and_then(|digits| digits.parse::<u32>().ok())
        else {
            continue;
        };
        // One decimal place, for "1.5 hours".
        let mut tenths = 0;
        if bytes.get(index) == Some(&b'.') && bytes.get(index + 1).is_some_and(u8::is_ascii_digit) {
            tenths = u32::from(bytes.get(index + 1).copied().unwrap_or(b'0') - b'0');
            index += 2;
            while bytes.get(index).is_some_and(u8::is_ascii_digit) {
                index += 1;
            }
        }
        let unit_at = skip_separators(lower, index);
        if let Some(per_unit) = unit_minutes(lower.get(unit_at..).unwrap_or_default()) {
            let minutes = whole
                .saturating_mul(per_unit)
                .saturating_add(tenths.saturating_mul(per_unit) / 10);
            return Some(Duration { minutes, start });
        }
    }
    for phrase in [
        "half an hour",
        "half-hour",
        "an hour",
        "one hour",
        "one-hour",
    ] {
        if let Some(at) = find_word(lower, phrase) {
            let minutes = if phrase.starts_with("half") { 30 } else { 60 };
            return Some(Duration { minutes, start: at });
        }
    }
    None
}

/// Spaces, hyphens and no-break spaces between a number and its unit.
fn skip_separators(text: &str, mut index: usize) -> usize {
    while let Some(c) = text.get(index..).and_then(|rest| rest.chars().next()) {
        if c == ' ' || c == '-' || c == '\u{a0}' {
            index += c.len_utf8();
        } else {
            break;
        }
    }
    index
}

/// The minutes in one of the unit a word starts with: 1 for minutes, 60 for hours.
fn unit_minutes(rest: &str) -> Option<u32> {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    match word.as_str() {
        "minute" | "minutes" | "min" | "mins" => Some(1),
        "hour" | "hours" | "hr" | "hrs" => Some(60),
        _ => None,
    }
}

/// Where a phrase occurs as whole words.
fn find_word(text: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find(phrase)) {
        let at = from + found;
        let end = at + phrase.len();
        let bounded_before = text
            .get(..at)
            .and_then(|before| before.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric());
        let bounded_after = text
            .get(end..)
            .and_then(|after| after.chars().next())
            .is_none_or(|c| !c.is_alphanumeric());
        if bounded_before && bounded_after {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// "two", "Three", "4" → 4: how many times a step happens.
fn count_word(word: &str) -> Option<u32> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    if let Some(position) = WORDS.iter().position(|w| *w == word) {
        return u32::try_from(position + 1).ok();
    }
    word.parse::<u32>()
        .ok()
        .filter(|count| (1..=20).contains(count))
}

/// The count right before a length: "two 60 minute interviews", "3 x 30-minute calls", "2× 45 min".
fn count_before(lower: &str, number_start: usize) -> Option<u32> {
    let before = lower.get(..number_start)?.trim_end();
    let before = before
        .strip_suffix('x')
        .or_else(|| before.strip_suffix('×'))
        .filter(|rest| rest.ends_with(|c: char| c.is_whitespace() || c.is_ascii_digit()))
        .unwrap_or(before)
        .trim_end();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    count_word(&word)
}

/// A count before a plural step noun, one adjective allowed between: "two technical interviews".
fn counted_noun(words: &[&str]) -> Option<u32> {
    const NOUNS: [&str; 8] = [
        "interviews",
        "calls",
        "conversations",
        "sessions",
        "chats",
        "meetings",
        "rounds",
        "screens",
    ];
    words.iter().enumerate().find_map(|(index, word)| {
        let count = count_word(word).filter(|count| *count > 1)?;
        let next = words.get(index + 1..index + 3).unwrap_or_default();
        next.iter()
            .any(|noun| NOUNS.contains(noun))
            .then_some(count)
    })
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
        Block::List { items, .. } => {
            for item in items {
                collect_inline_links(&item.content, links);
                for child in &item.children {
                    collect_links(child, links);
                }
            }
        }
        Block::Table { header, rows } => header
            .iter()
            .chain(rows.iter().flatten())
            .for_each(|cell| collect_inline_links(cell, links)),
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

    fn minutes_in(text: &str) -> Option<u32> {
        duration_in(&text.to_ascii_lowercase()).map(|found| found.minutes)
    }

    #[test]
    fn reads_minutes_in_every_spelling() {
        for (text, minutes) in [
            ("a 30 minute call", 30),
            ("a 30-minute call", 30),
            ("45 min", 45),
            ("20 minutes", 20),
            ("a 60 mins chat", 60),
            ("a 30min chat", 30),
            ("a 60 Minute interview", 60),
            ("a 1-hour panel", 60),
            ("1 hour with the team", 60),
            ("90 minutes of pairing", 90),
            ("a 1.5 hours exercise", 90),
            ("2 hrs", 120),
            ("about an hour with the lead", 60),
            ("half an hour", 30),
        ] {
            assert_eq!(minutes_in(text), Some(minutes), "{text}");
        }
        assert_eq!(minutes_in("a30 minute"), None);
        assert_eq!(minutes_in("forty minutes"), None);
        assert_eq!(minutes_in("step 2 of 3"), None);
        assert_eq!(minutes_in("99999999999999 minutes"), None);
        assert_eq!(minutes_in("a channel"), None, "no \"an hour\" inside words");
    }

    #[test]
    fn counts_in_words_or_digits_multiply() {
        for (text, count, minutes) in [
            ("Two 60 minute interviews with engineers", 2, 60),
            ("three 30-minute calls", 3, 30),
            ("2 x 45 minute interviews", 2, 45),
            ("Two technical interviews of 50 minutes", 2, 50),
            ("A 45 minute interview with two engineers", 1, 45),
            (
                "Schedule a 30 minute call with one of our recruiters",
                1,
                30,
            ),
        ] {
            let (step, unclear) = read_step(&[Inline::Text(text.into())], true).unwrap();
            assert_eq!(
                (step.count, step.minutes, unclear),
                (count, Some(minutes), false),
                "{text}"
            );
        }
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
        assert_eq!(grade_in_text("Job Grade: 8"), Some(8));
        assert_eq!(grade_in_text("no grades here"), None);
        assert_eq!(grade_in_text("upgrade 7"), None);
    }

    #[test]
    fn grade_sentences_name_their_subject() {
        assert_eq!(
            grade_sentence("The Senior Backend Engineer is a grade 7."),
            Some((Some("Senior Backend Engineer".to_string()), 7))
        );
        assert_eq!(
            grade_sentence("The Associate level of this job family is a grade 5."),
            Some((Some("Associate".to_string()), 5))
        );
        assert_eq!(grade_sentence("Job Grade: 8"), Some((None, 8)));
        assert_eq!(
            grade_sentence("We hire often; the Staff X is a grade 8"),
            Some((Some("Staff X".to_string()), 8))
        );
        assert_eq!(
            grade_statements("the x is a grade 5 the y is a grade 6", false),
            vec![(Some("x".to_string()), 5), (None, 6)],
            "a subject that runs into another clause is none"
        );
        assert_eq!(
            grade_sentence("Mentors engineers up to grade 8 and beyond."),
            None,
            "a grade mentioned in passing states no level"
        );
    }

    #[test]
    fn grade_headings_name_their_level() {
        assert_eq!(
            grade_heading_prefix("Senior Backend Engineer Job Grade"),
            Some("Senior Backend Engineer")
        );
        assert_eq!(grade_heading_prefix("Job Grade"), None);
        assert_eq!(classify("Senior Job Grade"), Part::JobGrade);
        assert_eq!(classify("Job Grade: 8"), Part::JobGrade);
        assert_eq!(classify("Senior Backend Engineer"), Part::Other);
    }
}
