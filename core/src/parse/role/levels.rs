//! Levels and grades: every grade a page states ("Job Grade: 8", "The Senior X is a grade 7", a
//! Level/Grade table, a "Senior X Job Grade" heading), attributed to the level it is about, and the
//! front matter's grade settled against them. It is the first pass over a page; its result tells
//! the second (`sections`) which headings open a level.

use std::collections::HashMap;

use crate::model::{plain_text, slug, Block, DataError, Inline, Level, Role};

use super::headings::{can_be_level, classify, grade_heading_prefix, heading_name, Part};

/// The front matter's grade against the page's levels; `role.grade` is the first level's.
pub(super) fn settle_grade(
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

/// What a page's grade statements say: its levels in page order, which heading opens each, and the
/// blocks that only state a grade (left out of a level's own overview).
pub(super) struct FoundLevels {
    pub(super) levels: Vec<Level>,
    /// Block index of a level's heading → its index in `levels`.
    pub(super) level_headings: HashMap<usize, usize>,
    /// Block indexes of the statements under a level heading, sorted (a binary search; a `HashSet`
    /// of its own cost the wasm another hash table).
    pub(super) statement_blocks: Vec<usize>,
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

/// First pass over the page: every grade statement, attributed to the level it is about.
pub(super) fn find_levels(
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
    // The same map type as `read_keyed`'s first lines, so the wasm holds one copy of its code.
    let mut keys: HashMap<String, usize> = HashMap::new();
    let mut level_headings = HashMap::new();
    let mut statement_blocks = Vec::new();
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
            statement_blocks.push(found.block);
        }
    }
    crate::order::sort_by(&mut statement_blocks, |a, b| a.cmp(b));
    statement_blocks.dedup();
    // "## Job Grades" listing every level, then a heading per level: the heading named like a
    // level opens it.
    let mut with_heading = vec![false; levels.len()];
    for &index in level_headings.values() {
        if let Some(flag) = with_heading.get_mut(index) {
            *flag = true;
        }
    }
    for (heading, key) in candidates {
        let Some(&index) = keys.get(key) else {
            continue;
        };
        if key.is_empty() || level_headings.contains_key(heading) {
            continue;
        }
        // A level heading opens one level only: the first heading named like it.
        if let Some(flag) = with_heading.get_mut(index).filter(|flag| !**flag) {
            *flag = true;
            level_headings.insert(*heading, index);
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
        // "Job Grade: 8" states the job's grade wherever it stands, also on the line after
        // "Reports to: …" in the same paragraph ("Reports to: VP Job Grade: 8" once the lines join).
        let labelled = (head.ends_with(" job") || head.ends_with("\njob"))
            && lower
                .get(at + 5..)
                .is_some_and(|after| after.trim_start().starts_with(':'));
        if head.is_empty() || head == "job" || head == "the job" || labelled {
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

#[cfg(test)]
mod tests {
    use super::*;

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
        // On the line under "Reports to: …" in one paragraph, the lines joined by a space or not.
        assert_eq!(
            grade_sentence("Reports to: VP of Engineering Job Grade: 8"),
            Some((None, 8))
        );
        assert_eq!(
            grade_sentence("Reports to: Director\nJob Grade: 9"),
            Some((None, 9))
        );
        // Not a label: "the job grade 8 band" is no statement.
        assert_eq!(grade_sentence("Compare the job grade 8 band"), None);
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
}
