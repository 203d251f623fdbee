//! Job-family pages: the acceptance page from the handbook, front matter and section rules.

use paygrade_core::model::{plain_text, Block, Inline, StepKind};
use paygrade_core::parse::parse_role;

const ACCEPTANCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/reference/job-family-vp-strategy-developer-relations.md"
);

fn acceptance() -> paygrade_core::model::Role {
    let bytes = std::fs::read(ACCEPTANCE).unwrap();
    let (role, warnings) = parse_role(
        "roles/job-family-vp-strategy-developer-relations.md",
        &bytes,
    )
    .unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    role
}

#[test]
fn acceptance_page_front_matter_slug_and_grade() {
    let role = acceptance();
    assert_eq!(
        role.title,
        "Vice President of Strategy & Developer Relations"
    );
    assert_eq!(
        role.description,
        "Job description fo the Vice President of Strategy & Developer Relations."
    );
    assert_eq!(role.slug, "job-family-vp-strategy-developer-relations");
    assert_eq!(role.grade, Some(12));
    assert_eq!(role.midpoint, None);
    assert_eq!(role.overview.len(), 1);
    assert!(plain_text(match &role.overview[0] {
        Block::Paragraph(p) => p,
        other => panic!("{other:?}"),
    })
    .starts_with("The VP, Strategy & Developer Relations is responsible"));
}

#[test]
fn acceptance_page_responsibilities_and_requirements() {
    let role = acceptance();
    let groups: Vec<(Option<&str>, usize)> = role
        .responsibilities
        .iter()
        .map(|g| (g.name.as_deref(), g.items.len()))
        .collect();
    assert_eq!(
        groups,
        vec![(Some("Strategy"), 12), (Some("Developer Advocacy"), 6)]
    );
    assert!(plain_text(&role.responsibilities[1].items[5]).starts_with("Own the community"));
    assert_eq!(role.requirements.len(), 14);
    assert!(plain_text(&role.requirements[13]).contains("marketing funnel"));
}

#[test]
fn acceptance_page_hiring_steps() {
    let role = acceptance();
    let steps: Vec<(StepKind, Option<u32>, Option<&str>)> = role
        .hiring_steps
        .iter()
        .map(|s| (s.kind, s.minutes, s.with.as_deref()))
        .collect();
    assert_eq!(
        steps,
        vec![
            (
                StepKind::Screening,
                Some(30),
                Some("one of our Global Recruiters")
            ),
            (
                StepKind::Interview,
                Some(45),
                Some("Chief Marketing Officer")
            ),
            (
                StepKind::Interview,
                Some(30),
                Some("Senior Director of Strategic Marketing")
            ),
            (
                StepKind::Interview,
                Some(30),
                Some("Senior Director of Corporate Marketing")
            ),
            (
                StepKind::Interview,
                Some(30),
                Some("Marketing People Business Partner")
            ),
            (StepKind::Offer, None, None),
        ]
    );
    assert_eq!(role.hiring_minutes(), 165);
    // The screening sentence keeps its link; the intro paragraph is not a step.
    assert!(role.hiring_steps[0].text.iter().any(|i| matches!(i, Inline::Link { href, .. } if href.starts_with("/handbook/hiring/interviewing/"))));
    assert_eq!(role.hiring_intro.len(), 1);
    assert!(plain_text(match &role.hiring_intro[0] {
        Block::Paragraph(p) => p,
        other => panic!("{other:?}"),
    })
    .starts_with("Candidates for this position"));
}

#[test]
fn acceptance_page_links_ladder_and_indicators() {
    let role = acceptance();
    assert_eq!(role.links.len(), 1);
    assert_eq!(
        (role.links[0].text.as_str(), role.links[0].href.as_str()),
        ("Marketing Handbook", "/handbook/marketing/")
    );
    assert_eq!(role.career_ladder.len(), 1);
    assert!(plain_text(match &role.career_ladder[0] {
        Block::Paragraph(p) => p,
        other => panic!("{other:?}"),
    })
    .contains("not yet defined"));
    assert!(role.performance_indicators.is_empty());
    assert!(role.other_sections.is_empty());
}

#[test]
fn acceptance_page_with_crlf_and_bom_reads_the_same() {
    let text = std::fs::read_to_string(ACCEPTANCE).unwrap();
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let (role, warnings) = parse_role(
        "roles/job-family-vp-strategy-developer-relations.md",
        crlf.as_bytes(),
    )
    .unwrap();
    assert!(warnings.is_empty());
    assert_eq!(role, acceptance());
}

const SMALL: &str = "---\ntitle: 'Data Engineer'\ndescription: \"Builds \\\"pipelines\\\"\"\ngrade: 7\nslug: Data Eng\nmidpoint: 150000\ncolour: blue\n---\nIntro.\n\n## Job Grade\n\nThis is a grade 8.\n\n### Responsibilities\n\n- Build things\n- Fix things\n\n## Team Rituals\n\nWe meet on Mondays.\n\n## Hiring Process\n\n1. A 30-min call with the hiring manager\n2. A technical interview with two engineers, about forty minutes\n3. A 60-minute interview with the VP of Data\n";

#[test]
fn front_matter_values_override_and_unknown_keys_are_ignored() {
    let (role, warnings) = parse_role("roles/data.md", SMALL.as_bytes()).unwrap();
    assert_eq!(role.title, "Data Engineer");
    assert_eq!(role.description, "Builds \"pipelines\"");
    assert_eq!(role.slug, "data-eng");
    assert_eq!(role.midpoint, Some(150_000.0));
    assert_eq!(
        role.grade,
        Some(7),
        "front matter wins over the Job Grade section"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.field.as_deref() == Some("grade") && w.line == Some(13)),
        "{warnings:?}"
    );
}

#[test]
fn ungrouped_responsibilities_unknown_sections_and_unclear_minutes() {
    let (role, warnings) = parse_role("roles/data.md", SMALL.as_bytes()).unwrap();
    assert_eq!(role.responsibilities.len(), 1);
    assert_eq!(role.responsibilities[0].name, None);
    assert_eq!(role.responsibilities[0].items.len(), 2);
    assert_eq!(role.other_sections.len(), 1);
    assert_eq!(plain_text(&role.other_sections[0].heading), "Team Rituals");
    let steps: Vec<(StepKind, Option<u32>)> = role
        .hiring_steps
        .iter()
        .map(|s| (s.kind, s.minutes))
        .collect();
    assert_eq!(
        steps,
        vec![
            (StepKind::Other, Some(30)),
            (StepKind::Interview, None),
            (StepKind::Interview, Some(60))
        ]
    );
    assert_eq!(
        role.hiring_steps[0].with.as_deref(),
        Some("the hiring manager")
    );
    assert_eq!(role.hiring_minutes(), 90);
    let unclear: Vec<_> = warnings
        .iter()
        .filter(|w| w.message.contains("could not be read"))
        .collect();
    assert_eq!(unclear.len(), 1, "{warnings:?}");
    assert_eq!(unclear[0].file, "roles/data.md");
}

#[test]
fn grade_from_section_and_slug_from_file_name() {
    let page = "---\ntitle: X\n---\n## Job Grade\nThe X is a grade 9.\n";
    let (role, _) = parse_role("roles/some-role.md", page.as_bytes()).unwrap();
    assert_eq!((role.grade, role.slug.as_str()), (Some(9), "some-role"));
}

#[test]
fn title_falls_back_to_the_first_heading() {
    let (role, _) = parse_role("r.md", b"# Heading Title\n\ntext\n").unwrap();
    assert_eq!(role.title, "Heading Title");
}

#[test]
fn bad_front_matter_values_are_warnings() {
    let page = "---\ntitle: X\ngrade: twelve\nmidpoint: -5\n---\n";
    let (role, warnings) = parse_role("r.md", page.as_bytes()).unwrap();
    assert_eq!((role.grade, role.midpoint), (None, None));
    assert!(warnings
        .iter()
        .any(|w| w.line == Some(3) && w.field.as_deref() == Some("grade")));
    assert!(warnings
        .iter()
        .any(|w| w.line == Some(4) && w.field.as_deref() == Some("midpoint")));
}

#[test]
fn unusable_pages_are_errors() {
    let empty = parse_role("r.md", b"  \n").unwrap_err();
    assert_eq!(empty[0].message, "is empty");
    let binary = parse_role("r.md", b"---\ntitle: X\n---\nok\n\xff\xfe").unwrap_err();
    assert_eq!(
        (binary[0].line, binary[0].message.as_str()),
        (Some(5), "is not valid UTF-8 text")
    );
    let unclosed = parse_role("r.md", b"---\ntitle: X\n\nbody").unwrap_err();
    assert!(unclosed[0].message.contains("no closing"));
    let untitled = parse_role("r.md", b"just text").unwrap_err();
    assert_eq!(untitled[0].field.as_deref(), Some("title"));
}

#[test]
fn sub_headings_stay_inside_known_sections_and_open_groups() {
    let page = "---\ntitle: X\n---\n## Responsibilities\n### Craft\n- a\n## Career Ladder\n### Next step\nBecome Y.\n## Performance Indicators\n- [MR rate](https://x.example/mr)\n";
    let (role, _) = parse_role("r.md", page.as_bytes()).unwrap();
    assert_eq!(role.responsibilities[0].name.as_deref(), Some("Craft"));
    assert_eq!(role.career_ladder.len(), 2);
    assert!(matches!(
        role.career_ladder[0],
        Block::Heading { level: 3, .. }
    ));
    assert_eq!(role.performance_indicators.len(), 1);
}
