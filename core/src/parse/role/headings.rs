//! What a heading says about the text under it: which known section it opens (Responsibilities,
//! Job Grade, …), whether it names a level's grade ("Senior X Job Grade") or holds levels
//! ("Levels"), and whether it could open a level at all. Both passes over a page read headings
//! the same way, so the classification has one home.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Part {
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

pub(super) fn heading_name(heading: &str) -> String {
    heading
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_ascii_lowercase()
}

pub(super) fn classify(heading: &str) -> Part {
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
pub(super) fn grade_heading_prefix(heading: &str) -> Option<&str> {
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

pub(super) fn can_be_level(depth: u8, text: &str, page_title: &str) -> bool {
    !is_levels_container(text) && (depth >= 2 || !text.eq_ignore_ascii_case(page_title))
}

#[cfg(test)]
mod tests {
    use super::*;

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
