//! Any bytes as a job-family page and any text as Markdown: never a panic, and every link
//! that survives is http(s), mailto or relative.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paygrade_core::model::{Block, HiringStep, Inline, Role};
use paygrade_core::parse::{parse_markdown, parse_role};

#[path = "../../tests/support/inert.rs"]
mod inert;

/// Every link the parser kept is inert (`tests/support/inert.rs`).
fn assert_inert_href(href: &str) {
    assert!(inert::is_inert_href(href), "unsafe link kept: {href:?}");
}

fn inlines(content: &[Inline]) {
    for inline in content {
        match inline {
            Inline::Link { href, children } => {
                assert_inert_href(href);
                inlines(children);
            }
            Inline::Strong(children) | Inline::Emphasis(children) => inlines(children),
            Inline::Text(_) | Inline::Code(_) => {}
        }
    }
}

fn blocks(content: &[Block]) {
    for block in content {
        match block {
            Block::Heading { text, .. } | Block::Paragraph(text) => inlines(text),
            Block::List { items, .. } => items.iter().for_each(|item| {
                inlines(&item.content);
                blocks(&item.children);
            }),
            Block::Table { header, rows } => header
                .iter()
                .chain(rows.iter().flatten())
                .for_each(|cell| inlines(cell)),
        }
    }
}

fn role(role: &Role) {
    blocks(&role.overview);
    for group in &role.responsibilities {
        group.items.iter().for_each(|item| inlines(item));
    }
    role.requirements.iter().for_each(|item| inlines(item));
    blocks(&role.performance_indicators);
    blocks(&role.career_ladder);
    blocks(&role.hiring_intro);
    fn steps(list: &[HiringStep]) {
        for step in list {
            inlines(&step.text);
            steps(&step.substeps);
        }
    }
    steps(&role.hiring_steps);
    for level in &role.levels {
        blocks(&level.overview);
        for group in &level.responsibilities {
            group.items.iter().for_each(|item| inlines(item));
        }
        level.requirements.iter().for_each(|item| inlines(item));
    }
    // The page's first level's grade is the role's.
    assert_eq!(role.grade, role.levels.first().and_then(|level| level.grade));
    role.links
        .iter()
        .for_each(|link| assert_inert_href(&link.href));
    for section in &role.other_sections {
        inlines(&section.heading);
        blocks(&section.blocks);
    }
    let _ = role.hiring_minutes();
}

fuzz_target!(|data: &[u8]| {
    match parse_role("roles/fuzz.md", data) {
        Ok((parsed, warnings)) => {
            role(&parsed);
            assert!(warnings.iter().all(|w| w.file == "roles/fuzz.md"));
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            assert!(errors.iter().all(|e| e.file == "roles/fuzz.md"));
        }
    }
    blocks(&parse_markdown(&String::from_utf8_lossy(data)));
});
