//! The second pass over a page: each block to its section (overview, responsibilities,
//! requirements, performance indicators, career ladder, hiring, links, or another section), on
//! the open level or on the role. It owns how a section's blocks become the model's lists.

use std::collections::HashMap;

use crate::model::{
    plain_text, Block, DataError, Inline, ItemGroup, Link, ListItem, Role, Section,
};

use super::headings::{classify, Part};
use super::hiring::add_hiring;

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
pub(super) fn fill_sections(
    file: &str,
    role: &mut Role,
    blocks: Vec<(usize, Block)>,
    level_headings: &HashMap<usize, usize>,
    statement_blocks: &[usize],
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
                    && statement_blocks.binary_search(&index).is_ok()
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
