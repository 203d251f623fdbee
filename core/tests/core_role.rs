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

// ---- Whole handbooks: the fixtures under tests/fixtures/handbook/roles/, one per way of writing levels.

/// Parses a fixture page as the data folder names it (`roles/<department>/…`).
fn fixture(
    path: &str,
) -> (
    paygrade_core::model::Role,
    Vec<paygrade_core::model::DataError>,
) {
    let full = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/handbook/");
    let bytes = std::fs::read(format!("{full}{path}")).unwrap();
    parse_role(path, &bytes).unwrap()
}

/// A role's levels as (title, slug, grade).
fn levels(role: &paygrade_core::model::Role) -> Vec<(&str, &str, Option<u8>)> {
    role.levels
        .iter()
        .map(|level| (level.title.as_str(), level.slug.as_str(), level.grade))
        .collect()
}

fn texts(items: &[Vec<Inline>]) -> Vec<String> {
    items.iter().map(|item| plain_text(item)).collect()
}

#[test]
fn level_headings_with_job_grade_headings_in_every_spelling() {
    let (role, warnings) = fixture("roles/engineering/backend-engineer.md");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(role.id, "engineering/backend-engineer");
    assert_eq!(
        levels(&role),
        vec![
            (
                "Intermediate Backend Engineer",
                "intermediate-backend-engineer",
                Some(6)
            ),
            (
                "Senior Backend Engineer",
                "senior-backend-engineer",
                Some(7)
            ),
            ("Staff Backend Engineer", "staff-backend-engineer", Some(8)),
        ]
    );
    assert_eq!(role.grade, Some(6));
    let lines: Vec<usize> = role.levels.iter().map(|level| level.line).collect();
    assert_eq!(lines, vec![26, 43, 65]);
    // The empty "Levels" heading that only holds the levels is no section of its own.
    assert!(role.other_sections.is_empty(), "{:?}", role.other_sections);
}

#[test]
fn each_level_keeps_its_own_sections_and_the_page_keeps_the_common_ones() {
    let (role, _) = fixture("roles/engineering/backend-engineer.md");
    assert_eq!(
        texts(&role.responsibilities[0].items),
        vec![
            "Ship reliable services in small, reviewed increments",
            "Take part in the on-call rotation for the services you own"
        ]
    );
    assert_eq!(role.responsibilities.len(), 1);
    assert_eq!(role.requirements.len(), 2);
    let [intermediate, senior, staff] = role.levels.as_slice() else {
        panic!("{:?}", role.levels)
    };
    assert_eq!(
        texts(&intermediate.responsibilities[0].items),
        vec![
            "Deliver scoped features with guidance from a senior teammate",
            "Write tests alongside every change"
        ]
    );
    assert_eq!(
        texts(&intermediate.requirements),
        vec!["Two years of building production services"]
    );
    assert!(
        intermediate.overview.is_empty(),
        "the grade sentence is not overview"
    );
    assert_eq!(senior.overview.len(), 1);
    assert_eq!(
        plain_text(match &senior.overview[0] {
            Block::Paragraph(p) => p,
            other => panic!("{other:?}"),
        }),
        "An experienced engineer who shapes how a service grows."
    );
    let groups: Vec<(Option<&str>, usize)> = senior
        .responsibilities
        .iter()
        .map(|g| (g.name.as_deref(), g.items.len()))
        .collect();
    assert_eq!(
        groups,
        vec![(Some("Technical direction"), 2), (Some("Mentoring"), 1)]
    );
    assert_eq!(senior.requirements.len(), 2);
    assert_eq!(staff.responsibilities[0].items.len(), 1);
    assert!(
        staff.requirements.is_empty(),
        "the page's requirements apply"
    );
}

#[test]
fn rounds_hold_their_interviews_and_counts_multiply() {
    let (role, _) = fixture("roles/engineering/backend-engineer.md");
    let outline: Vec<(StepKind, Option<u32>, u32, usize)> = role
        .hiring_steps
        .iter()
        .map(|s| (s.kind, s.minutes, s.count, s.substeps.len()))
        .collect();
    assert_eq!(
        outline,
        vec![
            (StepKind::Screening, Some(30), 1, 0),
            (StepKind::Other, None, 1, 2),
            (StepKind::Other, None, 1, 2),
            (StepKind::Offer, None, 1, 0),
        ]
    );
    assert_eq!(plain_text(&role.hiring_steps[1].text), "Technical round");
    let team: Vec<(StepKind, Option<u32>, u32, u32)> = role.hiring_steps[2]
        .substeps
        .iter()
        .map(|s| (s.kind, s.minutes, s.count, s.total_minutes()))
        .collect();
    assert_eq!(
        team,
        vec![
            (StepKind::Interview, Some(30), 2, 60),
            (StepKind::Other, Some(60), 1, 60),
        ]
    );
    assert_eq!(
        role.hiring_steps[1].substeps[0].with.as_deref(),
        Some("two backend engineers")
    );
    assert_eq!(role.hiring_steps[1].total_minutes(), 105);
    assert_eq!(role.hiring_minutes(), 30 + 105 + 120);
    assert_eq!(role.hiring_intro.len(), 1);
}

#[test]
fn grade_headings_after_the_levels_content_and_hugo_front_matter() {
    let (role, warnings) = fixture("roles/engineering/site-reliability/_index.md");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(role.id, "engineering/site-reliability");
    assert_eq!(role.slug, "site-reliability");
    assert_eq!(
        role.description,
        "Site Reliability Engineers keep Tallowmere's platform fast and available."
    );
    assert_eq!(
        levels(&role),
        vec![
            (
                "Site Reliability Engineer",
                "site-reliability-engineer",
                Some(6)
            ),
            (
                "Senior Site Reliability Engineer",
                "senior-site-reliability-engineer",
                Some(7)
            ),
        ]
    );
    let [first, senior] = role.levels.as_slice() else {
        panic!()
    };
    assert_eq!(first.responsibilities[0].items.len(), 2);
    assert_eq!(
        texts(&senior.responsibilities[0].items),
        vec![
            "Lead incident reviews that end in fixes, not blame",
            "Plan capacity a year ahead"
        ]
    );
    assert_eq!(senior.requirements.len(), 1);
    assert!(role.responsibilities.is_empty());
    // The shortcode pair is dropped, its text kept; the anchor shows nothing.
    assert_eq!(role.overview.len(), 1);
    assert_eq!(
        plain_text(match &role.overview[0] {
            Block::Paragraph(p) => p,
            other => panic!("{other:?}"),
        })
        .trim(),
        "This family is hiring in every region."
    );
    let steps: Vec<(Option<u32>, u32)> = role
        .hiring_steps
        .iter()
        .map(|s| (s.minutes, s.count))
        .collect();
    assert_eq!(
        steps,
        vec![(Some(30), 1), (Some(90), 1), (Some(30), 3), (None, 1)]
    );
    assert_eq!(role.hiring_minutes(), 210);
}

#[test]
fn grade_sentences_without_links_with_absolute_links_and_hugo_refs() {
    let (role, warnings) = fixture("roles/product/product-designer.md");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        levels(&role),
        vec![
            ("Product Designer", "product-designer", Some(6)),
            (
                "Senior Product Designer",
                "senior-product-designer",
                Some(7)
            ),
            ("Staff Product Designer", "staff-product-designer", Some(8)),
            ("Design Manager", "design-manager", Some(8)),
        ],
        "two levels may share a grade"
    );
    // The level's list is its own overview; the grade sentence is not repeated there.
    assert!(matches!(
        role.levels[0].overview.as_slice(),
        [Block::List { .. }]
    ));
    // A link whose target is a Hugo ref keeps its text and is no link.
    assert!(role.levels[2].overview.is_empty());
    assert!(role.links.is_empty());
    assert_eq!(role.hiring_minutes(), 90);
}

#[test]
fn job_grade_lines_comments_anchors_and_iframes() {
    let (role, warnings) = fixture("roles/security/analyst.html.md");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(role.id, "security/analyst");
    assert_eq!(
        levels(&role),
        vec![
            ("Security Analyst", "security-analyst", Some(6)),
            (
                "Senior Security Analyst",
                "senior-security-analyst",
                Some(7)
            ),
            (
                "Principal Security Analyst",
                "principal-security-analyst",
                Some(8)
            ),
        ]
    );
    assert_eq!(role.overview.len(), 1, "{:?}", role.overview);
    assert!(role.levels.iter().all(|level| level.overview.is_empty()));
    assert_eq!(role.responsibilities[0].items.len(), 2);
    let steps: Vec<(StepKind, Option<u32>, u32)> = role
        .hiring_steps
        .iter()
        .map(|s| (s.kind, s.minutes, s.count))
        .collect();
    assert_eq!(
        steps,
        vec![
            (StepKind::Interview, Some(60), 1),
            (StepKind::Interview, Some(45), 2)
        ]
    );
    assert_eq!(role.hiring_minutes(), 150);
}

#[test]
fn a_levels_table_and_a_file_without_extension() {
    let (role, warnings) = fixture("roles/sales/account-executive");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(role.id, "sales/account-executive");
    assert_eq!(
        levels(&role),
        vec![
            ("Account Executive", "account-executive", Some(6)),
            (
                "Senior Account Executive",
                "senior-account-executive",
                Some(7)
            ),
            (
                "Strategic Account Executive",
                "strategic-account-executive",
                Some(7)
            ),
            ("Regional Sales Lead", "regional-sales-lead", Some(8)),
        ]
    );
    // The table stays visible under its heading.
    let [levels_section] = role.other_sections.as_slice() else {
        panic!("{:?}", role.other_sections)
    };
    assert_eq!(plain_text(&levels_section.heading), "Levels");
    match levels_section.blocks.as_slice() {
        [Block::Table { header, rows }] => {
            assert_eq!(header.len(), 3);
            assert_eq!(rows.len(), 4);
        }
        other => panic!("{other:?}"),
    }
    let steps: Vec<(Option<u32>, u32)> = role
        .hiring_steps
        .iter()
        .map(|s| (s.minutes, s.count))
        .collect();
    assert_eq!(steps, vec![(Some(30), 1), (Some(60), 2), (Some(60), 1)]);
    assert_eq!(role.hiring_minutes(), 210);
}

#[test]
fn an_introductory_level_stated_in_a_sentence_only() {
    let (role, warnings) = fixture("roles/sales/associate.md");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(role.id, "sales/associate");
    assert_eq!(
        levels(&role),
        vec![
            ("Associate", "associate", Some(5)),
            (
                "Sales Development Representative",
                "sales-development-representative",
                Some(6)
            ),
            (
                "Senior Sales Development Representative",
                "senior-sales-development-representative",
                Some(7)
            ),
        ]
    );
    assert_eq!(role.grade, Some(5));
    assert_eq!(role.levels[1].responsibilities[0].items.len(), 1);
    assert_eq!(
        role.overview.len(),
        1,
        "the sentence stays in the page's overview"
    );
}

#[test]
fn same_file_names_in_two_folders_are_two_roles_and_one_level_pages_work_as_before() {
    let (sales, _) = fixture("roles/sales/associate.md");
    let (marketing, warnings) = fixture("roles/marketing/associate.md");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(marketing.id, "marketing/associate");
    assert_ne!(sales.id, marketing.id);
    assert_eq!(
        sales.slug, marketing.slug,
        "the old slug is the file name's"
    );
    assert_eq!(
        levels(&marketing),
        vec![("Marketing Associate", "marketing-associate", Some(5))]
    );
    assert_eq!(marketing.grade, Some(5));
    assert_eq!(marketing.responsibilities[0].items.len(), 2);
    assert!(marketing.levels[0].responsibilities.is_empty());
    assert_eq!(marketing.hiring_minutes(), 75);

    let (recruiter, warnings) = fixture("roles/people/recruiter.md");
    assert!(
        warnings.is_empty(),
        "front matter and page agree: {warnings:?}"
    );
    assert_eq!(
        levels(&recruiter),
        vec![("Recruiter", "recruiter", Some(7))]
    );
    assert_eq!(
        recruiter.levels[0].line, 3,
        "the front matter's grade is the one used"
    );
}

#[test]
fn a_page_without_a_grade_has_no_levels() {
    let (role, warnings) = fixture("roles/finance/controller.md");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(role.levels.is_empty());
    assert_eq!(role.grade, None);
    assert_eq!(role.responsibilities[0].items.len(), 1);
}

#[test]
fn acceptance_page_has_one_level_titled_like_the_page() {
    let role = acceptance();
    assert_eq!(
        levels(&role),
        vec![(
            "Vice President of Strategy & Developer Relations",
            "vice-president-of-strategy-developer-relations",
            Some(12)
        )]
    );
    assert_eq!(role.levels[0].line, 10);
}

#[test]
fn a_grade_stated_twice_is_a_warning_and_the_first_wins() {
    let page = "---\ntitle: Analyst\n---\n## Analyst\n### Job Grade\nThe Analyst is a grade 6.\n## Senior Analyst\nThe Senior Analyst is a grade 7.\n### Job Grade\nThe Senior Analyst is a grade 8.\n";
    let (role, warnings) = parse_role("r.md", page.as_bytes()).unwrap();
    assert_eq!(
        levels(&role),
        vec![
            ("Analyst", "analyst", Some(6)),
            ("Senior Analyst", "senior-analyst", Some(7))
        ]
    );
    let [warning] = warnings.as_slice() else {
        panic!("{warnings:?}")
    };
    assert_eq!(
        (warning.line, warning.field.as_deref()),
        (Some(10), Some("grade"))
    );
    assert!(!warning.is_error());
    assert!(
        warning.message.contains("grade 8") && warning.message.contains("line 8"),
        "{}",
        warning.message
    );
}

#[test]
fn the_same_grade_stated_twice_is_no_warning() {
    let page = "---\ntitle: X\n---\n## Senior X\nThe Senior X is a grade 7.\n### Job Grade\nThe Senior X is a grade 7.\n## Staff X\nJob Grade: 8\n";
    let (role, warnings) = parse_role("r.md", page.as_bytes()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        levels(&role),
        vec![
            ("Senior X", "senior-x", Some(7)),
            ("Staff X", "staff-x", Some(8))
        ]
    );
}

#[test]
fn front_matter_grade_against_several_levels_is_a_warning_and_the_levels_win() {
    let page = "---\ntitle: X\ngrade: 9\n---\n## Senior X\nThe Senior X is a grade 7.\n## Staff X\nJob Grade: 8\n";
    let (role, warnings) = parse_role("r.md", page.as_bytes()).unwrap();
    assert_eq!(role.grade, Some(7));
    let [warning] = warnings.as_slice() else {
        panic!("{warnings:?}")
    };
    assert_eq!(warning.line, Some(3));
    assert!(!warning.is_error());
}

#[test]
fn front_matter_lists_maps_and_block_scalars_never_break_parsing() {
    let page = "---\ntitle: |\n  Data\n  Steward\nlayout: x\nextra_js:\n- a.js\n- b.js\nnested:\n  title: Not this\n  deeper:\n    - name: y\ntags: [a, b]\n---\n## Job Grade\nThe Data Steward is a grade 6.\n";
    let (role, warnings) = parse_role("r.md", page.as_bytes()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(role.title, "Data\nSteward");
    assert_eq!(role.grade, Some(6));
}

#[test]
fn unclear_durations_and_round_lengths_are_warnings() {
    let page = "---\ntitle: X\n---\n## Hiring Process\n- A panel interview, 2 hours\n  - A 60 minute interview with A\n  - A 30 minute interview with B\n- An interview of some minutes\n";
    let (role, warnings) = parse_role("r.md", page.as_bytes()).unwrap();
    assert_eq!(
        role.hiring_minutes(),
        90,
        "the steps count, not the round's own length"
    );
    assert_eq!(role.hiring_steps[0].minutes, None);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings.iter().all(|w| !w.is_error()));
    assert!(
        warnings[0].message.contains("120 minutes"),
        "{}",
        warnings[0].message
    );
    assert!(warnings[1].message.contains("could not be read"));
}

#[test]
fn a_list_with_nothing_step_like_in_it_stays_introduction() {
    let page = "---\ntitle: X\n---\n## Hiring Process\n- What we look for:\n  - Curiosity\n  - Care\n- A 30 minute screening call\n  - Bring questions\n";
    let (role, _) = parse_role("r.md", page.as_bytes()).unwrap();
    assert_eq!(role.hiring_steps.len(), 1);
    assert_eq!(
        role.hiring_steps[0].substeps.len(),
        1,
        "under a step, every item is a substep"
    );
    match role.hiring_intro.as_slice() {
        [Block::List { items, .. }] => {
            assert_eq!(plain_text(&items[0].content), "What we look for:");
            assert_eq!(items[0].children.len(), 1);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(role.hiring_minutes(), 30);
}

#[test]
fn grades_listed_in_one_section_and_a_heading_per_level() {
    let (role, warnings) = fixture("roles/engineering/frontend-engineer.md");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        levels(&role),
        vec![
            (
                "Intermediate Frontend Engineer",
                "intermediate-frontend-engineer",
                Some(6)
            ),
            (
                "Senior Frontend Engineer",
                "senior-frontend-engineer",
                Some(7)
            ),
        ]
    );
    // The headings named like the levels open them, so each keeps its own responsibilities.
    assert_eq!(role.levels[0].responsibilities[0].items.len(), 1);
    assert_eq!(role.levels[1].responsibilities[0].items.len(), 2);
    assert!(role.responsibilities.is_empty());
    assert!(role.other_sections.is_empty(), "{:?}", role.other_sections);
}

#[test]
fn pages_of_statements_and_level_headings_parse_in_linear_ish_time() {
    let started = std::time::Instant::now();
    let mut page = String::from("---\ntitle: Many\n---\n");
    page.push_str(&"The x is a grade 5. ".repeat(50_000));
    page.push_str("\n\n## Job Grade\n");
    page.push_str(&"grade 5 ".repeat(100_000));
    page.push('\n');
    for index in 0..20_000 {
        page.push_str(&format!(
            "## Level {index}\nJob Grade: {}\n",
            index % 200 + 1
        ));
    }
    page.push_str("\n\n## Hiring Process\n");
    page.push_str(&"- two 30 minute interviews 1-hour an hour\n".repeat(20_000));
    let (role, _) = parse_role("r.md", page.as_bytes()).unwrap();
    assert_eq!(role.levels.len(), 20_002);
    let first: Vec<(&str, Option<u8>)> = role.levels[..3]
        .iter()
        .map(|level| (level.title.as_str(), level.grade))
        .collect();
    assert_eq!(
        first,
        vec![("x", Some(5)), ("Many", Some(5)), ("Level 0", Some(1))]
    );
    assert_eq!(role.hiring_minutes(), 20_000 * 60);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_grade_heading_beside_its_level_heading_after_the_levels_content() {
    let page = "---\ntitle: Data Engineer\n---\n### Data Engineer\n#### Responsibilities\n- Build pipelines\n### Data Engineer Job Grade\nThe Data Engineer is a grade 6.\n### Senior Data Engineer\n#### Responsibilities\n- Own the warehouse\n- Review schemas\n### Senior Job Grade\nThe Senior Data Engineer is a grade 7.\n";
    let (role, warnings) = parse_role("r.md", page.as_bytes()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        levels(&role),
        vec![
            ("Data Engineer", "data-engineer", Some(6)),
            ("Senior Data Engineer", "senior-data-engineer", Some(7))
        ]
    );
    assert_eq!(role.levels[0].responsibilities[0].items.len(), 1);
    assert_eq!(role.levels[1].responsibilities[0].items.len(), 2);
    assert!(role.responsibilities.is_empty());
}

#[test]
fn level_headings_may_be_top_level_headings() {
    let page = "---\ntitle: Writer\n---\n# Writer\nIntro.\n# Technical Writer\nThe Technical Writer is a grade 5.\n# Senior Technical Writer\n## Job Grade\nThe Senior Technical Writer is a grade 6.\n## Requirements\n- Has edited a large manual\n";
    let (role, warnings) = parse_role("r.md", page.as_bytes()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        levels(&role),
        vec![
            ("Technical Writer", "technical-writer", Some(5)),
            (
                "Senior Technical Writer",
                "senior-technical-writer",
                Some(6)
            )
        ]
    );
    assert_eq!(role.levels[1].requirements.len(), 1);
    assert_eq!(
        role.other_sections.len(),
        1,
        "the page's own # title stays a section"
    );
}

#[test]
fn the_shipped_sample_pages_read_with_their_levels() {
    let read = |path: &str| {
        let full = format!("{}/../data/{path}", env!("CARGO_MANIFEST_DIR"));
        parse_role(path, &std::fs::read(full).unwrap()).unwrap()
    };
    let (backend, warnings) = read("roles/engineering/backend-engineer.md");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        levels(&backend),
        vec![
            (
                "Intermediate Backend Engineer",
                "intermediate-backend-engineer",
                Some(6)
            ),
            (
                "Senior Backend Engineer",
                "senior-backend-engineer",
                Some(7)
            ),
            ("Staff Backend Engineer", "staff-backend-engineer", Some(8)),
        ]
    );
    for level in &backend.levels {
        assert_eq!(level.overview.len(), 1, "{}", level.title);
        assert_eq!(level.responsibilities[0].items.len(), 3, "{}", level.title);
        assert_eq!(level.requirements.len(), 2, "{}", level.title);
    }
    assert!(backend.responsibilities.is_empty() && backend.requirements.is_empty());
    assert_eq!(backend.overview.len(), 1);
    assert_eq!(backend.performance_indicators.len(), 1);
    assert_eq!(backend.hiring_minutes(), 135);

    let (sales, warnings) = read("roles/sales/account-executive.md");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        levels(&sales),
        vec![
            ("Account Executive", "account-executive", Some(6)),
            (
                "Senior Account Executive",
                "senior-account-executive",
                Some(7)
            ),
        ]
    );
    // The common sections after the levels belong to the page, not to the last level.
    assert_eq!(sales.responsibilities[0].items.len(), 3);
    assert_eq!(sales.requirements.len(), 2);
    assert!(sales.levels[1].responsibilities.is_empty());
    assert_eq!(sales.hiring_minutes(), 135);
}

/// A level's "Job Grade: 8" written on the line under "Reports to: …", in the same paragraph.
#[test]
fn a_job_grade_line_under_reports_to_is_read_for_its_level() {
    let page = "---\ntitle: Product Designer\n---\n\n## Levels\n\n### Senior Product Designer\n\nReports to: Design Manager\nJob Grade: 7\n\nShapes the product.\n\n### Staff Product Designer\n\nReports to: Director of Design\nJob Grade: 8\n\nSets direction.\n";
    let (role, warnings) = parse_role("design/product-designer.md", page.as_bytes()).unwrap();
    let grades: Vec<(String, Option<u8>)> = role
        .levels
        .iter()
        .map(|level| (level.title.clone(), level.grade))
        .collect();
    assert_eq!(
        grades,
        [
            ("Senior Product Designer".to_string(), Some(7)),
            ("Staff Product Designer".to_string(), Some(8))
        ],
        "{warnings:?}"
    );
}

/// Hugo's TOML front matter reads like YAML's.
#[test]
fn toml_front_matter_gives_the_title_and_grade() {
    let page = "+++\ntitle = \"Support Engineer\"\ngrade = 6\n+++\n\nHelps customers.\n";
    let (role, _) = parse_role("support.md", page.as_bytes()).unwrap();
    assert_eq!(role.title, "Support Engineer");
    assert_eq!(role.grade, Some(6));
}
