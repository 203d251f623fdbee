//! Hiring steps: a Hiring Process section's sentences and list items read as steps with a kind,
//! a length ("30-minute", "1.5 hours", "an hour"), a count ("two 60 minute interviews") and whom
//! they are with; nested items become a round's substeps. Free text is guessed at here, so the
//! guessing, and the warnings when it fails, stay in one place.

use crate::model::{
    plain_text, total_minutes, Block, DataError, HiringStep, Inline, ListItem, Role, StepKind,
};

pub(super) fn add_hiring(
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
    if let Some(step) = several_in_one(&text) {
        return Some((step, false));
    }
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

/// One sentence holding two or more timed meetings ("a 45 minute interview with the hiring manager and a
/// 30 minute interview with a peer"): a step whose substeps are each meeting, so both count.
fn several_in_one(text: &str) -> Option<HiringStep> {
    let mut parts: Vec<String> = Vec::new();
    for piece in text.split(" and ") {
        match parts.last_mut() {
            // A piece with no length of its own belongs to the meeting before it ("… with Sales and Ops").
            Some(last) if duration_in(&piece.to_ascii_lowercase()).is_none() => {
                last.push_str(" and ");
                last.push_str(piece);
            }
            _ => parts.push(piece.to_string()),
        }
    }
    let meetings: Vec<HiringStep> = parts
        .iter()
        .filter_map(|part| {
            let lower = part.to_ascii_lowercase();
            let duration = duration_in(&lower)?;
            let kind = if lower.contains("screening") {
                StepKind::Screening
            } else if lower.contains("interview") {
                StepKind::Interview
            } else {
                return None;
            };
            Some(HiringStep {
                kind,
                minutes: Some(duration.minutes),
                count: count_before(&lower, duration.start).unwrap_or(1),
                substeps: Vec::new(),
                with: with_whom(part),
                text: vec![Inline::Text(part.trim().to_string())],
            })
        })
        .collect();
    (meetings.len() >= 2 && meetings.len() == parts.len()).then(|| HiringStep {
        kind: meetings
            .first()
            .map_or(StepKind::Interview, |step| step.kind),
        minutes: None,
        count: 1,
        substeps: meetings,
        with: None,
        text: vec![Inline::Text(text.to_string())],
    })
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
    fn one_sentence_with_two_timed_interviews_is_two_meetings() {
        let text = "Candidates then have a 45 minute interview with the hiring manager and a 30 minute interview with a peer";
        let (step, unclear) = read_step(&[Inline::Text(text.to_string())], false).unwrap();
        assert!(!unclear);
        assert_eq!(step.substeps.len(), 2);
        assert_eq!(step.total_minutes(), 75);
        let minutes: Vec<Option<u32>> = step.substeps.iter().map(|s| s.minutes).collect();
        assert_eq!(minutes, [Some(45), Some(30)]);
        assert_eq!(step.substeps[0].with.as_deref(), Some("the hiring manager"));
        // One meeting with two people stays one step.
        let (one, _) = read_step(
            &[Inline::Text(
                "A 60 minute interview with Sales and Ops".to_string(),
            )],
            false,
        )
        .unwrap();
        assert!(one.substeps.is_empty());
        assert_eq!(one.total_minutes(), 60);
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
}
