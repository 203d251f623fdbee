//! Job-family pages: front matter, then the handbook's sections mapped onto `Role`, the levels the
//! page describes (each with its grade and, where the page gives them, its own sections) and its
//! hiring steps.
//!
//! `parse_role` ties the grammars together: `front_matter` splits the page, `levels` reads every
//! grade statement first (it needs `headings` to know what each heading opens), then `sections`
//! puts each block where it belongs, handing a Hiring Process section's blocks to `hiring`.

mod front_matter;
mod headings;
mod hiring;
mod levels;
mod sections;

use crate::model::{plain_text, slug, Block, DataError, Role};

use super::markdown::parse_blocks;
use front_matter::split_front_matter;
use levels::{find_levels, settle_grade};
use sections::fill_sections;

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
