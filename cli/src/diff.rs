//! `paygrade diff OLD NEW`: what a data change does to pay, band by band, for the reviewer who approves
//! a factor or midpoint change. Every figure comes from the core's band formula on each folder; this
//! module only pairs the bands up, measures the moves and sorts them.

use std::path::Path;
use std::process::ExitCode;

use paygrade_core::band::amount;
use paygrade_core::diff::{compare, relative, BandChange, BandKey, PayDiff, RuleChange};
use paygrade_core::model::Dataset;
use serde_json::{json, Value};

use crate::folder::{read_data_folder, DataFolder};
use crate::report::{count, grouped, problem_line, Format};
use crate::{write_stdout, CliError};

/// Compares two data folders and prints the report; exit 0 unless `fail_over` is exceeded.
pub fn run(
    old_dir: &Path,
    new_dir: &Path,
    format: Format,
    fail_over: Option<f64>,
    top: Option<usize>,
) -> Result<ExitCode, CliError> {
    let old_folder = read_data_folder(old_dir)?;
    let new_folder = read_data_folder(new_dir)?;
    let (Some(old), Some(new)) = (
        usable(&old_folder, "OLD", old_dir),
        usable(&new_folder, "NEW", new_dir),
    ) else {
        return Ok(ExitCode::FAILURE);
    };
    let diff = compare(old, new);
    let shown = top.unwrap_or(diff.changes.len()).min(diff.changes.len());
    let text = match format {
        Format::Text => text_report(&diff, shown),
        Format::Json => format!("{:#}\n", json_report(&diff, shown, old, new)),
    };
    write_stdout(&text)?;
    eprintln!("{}", summary(&diff, old, new));

    if let (Some(limit), Some(largest)) = (fail_over, diff.changes.first()) {
        let percent = largest.relative().abs() * 100.0;
        if percent > limit {
            eprintln!(
                "paygrade: {} moves by {}, more than --fail-over {limit}%",
                largest.key.describe(),
                percent_text(largest.relative())
            );
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The folder's dataset, after saying on stderr what is wrong with it; `None` when its manifest is
/// unusable (then there is nothing to compare).
fn usable<'a>(folder: &'a DataFolder, side: &str, dir: &Path) -> Option<&'a Dataset> {
    let errors = folder
        .problems
        .iter()
        .filter(|problem| problem.is_error())
        .count();
    match &folder.dataset {
        None => {
            for problem in &folder.problems {
                eprintln!("{}", problem_line(dir, problem));
            }
            eprintln!(
                "paygrade: cannot compare: the manifest of {side} ({}) has errors",
                dir.display()
            );
            None
        }
        Some(dataset) => {
            if errors > 0 {
                eprintln!(
                    "note: {side} ({}) has {}; rows with errors are left out of the comparison (see `paygrade check {}`)",
                    dir.display(),
                    count(errors, "error", "errors"),
                    dir.display()
                );
            }
            Some(dataset)
        }
    }
}

/// "+4.00%", "-0.52%".
fn percent_text(fraction: f64) -> String {
    format!("{:+.2}%", fraction * 100.0)
}

/// "+7,800", "-1,200", "0".
fn signed_amount(change: f64) -> String {
    if change > 0.0 {
        format!("+{}", amount(change))
    } else {
        amount(change)
    }
}

fn figure_text(name: &str, old: f64, new: f64) -> String {
    if old == new {
        format!("{name} {} (unchanged)", amount(new))
    } else {
        format!(
            "{name} {} → {} ({})",
            amount(old),
            amount(new),
            signed_amount(new - old)
        )
    }
}

/// `+4.00% grade 12 in united-kingdom/london-england (GBP): min 196,600 → 204,500 (+7,900), …`
fn change_line(change: &BandChange) -> String {
    format!(
        "{} {} ({}): {}, {}, {}",
        percent_text(change.relative()),
        change.key.describe(),
        change.currency,
        figure_text("min", change.old.min, change.new.min),
        figure_text("mid", change.old.mid, change.new.mid),
        figure_text("max", change.old.max, change.new.max),
    )
}

fn text_report(diff: &PayDiff, shown: usize) -> String {
    let mut out = String::new();
    for change in diff.changes.iter().take(shown) {
        out.push_str(&change_line(change));
        out.push('\n');
    }
    if shown < diff.changes.len() {
        let hidden = diff.changes.len() - shown;
        let noun = if hidden == 1 { "band" } else { "bands" };
        out.push_str(&format!(
            "… and {} more {noun} (without --top to see them all)\n",
            grouped(hidden)
        ));
    }
    for (location, old, new) in &diff.currency_changes {
        out.push_str(&format!(
            "currency changed in {location}: {old} → {new} (its bands are not compared)\n"
        ));
    }
    for (role, level, old, new) in &diff.level_grades {
        out.push_str(&format!(
            "level grade changed: {role}, {level}: {} → {}\n",
            grade_text(*old),
            grade_text(*new)
        ));
    }
    for lost in &diff.lost {
        out.push_str(&format!(
            "no longer shown: {}: {}\n",
            lost.key.describe(),
            lost.reason
        ));
    }
    for gained in &diff.gained {
        out.push_str(&format!("now shown: {}\n", gained.key.describe()));
    }
    let lists: [(&str, Vec<String>); 6] = [
        ("location added", diff.locations_added.clone()),
        ("location removed", diff.locations_removed.clone()),
        (
            "grade added",
            diff.grades_added.iter().map(u8::to_string).collect(),
        ),
        (
            "grade removed",
            diff.grades_removed.iter().map(u8::to_string).collect(),
        ),
        ("role added", diff.roles_added.clone()),
        ("role removed", diff.roles_removed.clone()),
    ];
    for (label, items) in lists {
        for item in items {
            out.push_str(&format!("{label}: {item}\n"));
        }
    }
    for change in &diff.rules {
        out.push_str(&rule_line(change));
        out.push('\n');
    }
    for (table, key, old, new) in &diff.rewards {
        out.push_str(&match (old.is_empty(), new.is_empty()) {
            (true, _) => format!("{table} added: {key}: {new}\n"),
            (_, true) => format!("{table} removed: {key}: {old}\n"),
            _ => format!("{table} changed: {key}: {old} → {new}\n"),
        });
    }
    out
}

/// `rule changed: us-colorado: employees_min 1 → 5; in_force_from 2021-01-01 → 2021-02-01`.
fn rule_line(change: &RuleChange) -> String {
    match change {
        RuleChange::Added(id) => format!("rule added: {id}"),
        RuleChange::Removed(id) => format!("rule removed: {id}"),
        RuleChange::Changed(id, fields) => format!(
            "rule changed: {id}: {}",
            fields
                .iter()
                .map(|(field, old, new)| format!("{field} {} → {}", shown(old), shown(new)))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    }
}

fn shown(value: &str) -> &str {
    if value.is_empty() {
        "(none)"
    } else {
        value
    }
}

fn grade_text(grade: Option<u8>) -> String {
    grade.map_or_else(|| "no grade".to_string(), |grade| format!("grade {grade}"))
}

fn figure_json(old: f64, new: f64) -> Value {
    json!({ "old": old, "new": new, "change": new - old, "relative_change": relative(old, new) })
}

fn json_report(diff: &PayDiff, shown: usize, old: &Dataset, new: &Dataset) -> Value {
    let key_json =
        |key: &BandKey| json!({ "grade": key.grade, "role": key.role, "location": key.location });
    json!({
        "reference_currency": {
            "old": old.manifest.reference.currency,
            "new": new.manifest.reference.currency,
        },
        "compared": diff.compared,
        "moved": diff.changes.len(),
        "changes": diff.changes.iter().take(shown).map(|change| {
            let mut value = key_json(&change.key);
            if let Some(object) = value.as_object_mut() {
                object.insert("currency".into(), json!(change.currency));
                object.insert("relative_change".into(), json!(change.relative()));
                object.insert("min".into(), figure_json(change.old.min, change.new.min));
                object.insert("mid".into(), figure_json(change.old.mid, change.new.mid));
                object.insert("max".into(), figure_json(change.old.max, change.new.max));
            }
            value
        }).collect::<Vec<_>>(),
        "currency_changes": diff.currency_changes.iter().map(|(location, old, new)| {
            json!({ "location": location, "old": old, "new": new })
        }).collect::<Vec<_>>(),
        "level_grade_changes": diff.level_grades.iter().map(|(role, level, old, new)| {
            json!({ "role": role, "level": level, "old": old, "new": new })
        }).collect::<Vec<_>>(),
        "no_longer_shown": diff.lost.iter().map(|lost| {
            let mut value = key_json(&lost.key);
            if let Some(object) = value.as_object_mut() {
                object.insert("reason".into(), json!(lost.reason));
            }
            value
        }).collect::<Vec<_>>(),
        "now_shown": diff.gained.iter().map(|gained| key_json(&gained.key)).collect::<Vec<_>>(),
        "locations_added": diff.locations_added,
        "locations_removed": diff.locations_removed,
        "grades_added": diff.grades_added,
        "grades_removed": diff.grades_removed,
        "roles_added": diff.roles_added,
        "roles_removed": diff.roles_removed,
        "rewards": diff.rewards.iter().map(|(table, key, old, new)| {
            json!({ "table": table, "row": key, "old": old, "new": new })
        }).collect::<Vec<_>>(),
        "rules": diff.rules.iter().map(|change| match change {
            RuleChange::Added(id) => json!({ "rule": id, "change": "added" }),
            RuleChange::Removed(id) => json!({ "rule": id, "change": "removed" }),
            RuleChange::Changed(id, fields) => json!({
                "rule": id,
                "change": "changed",
                "fields": fields.iter().map(|(field, old, new)| json!({ "field": field, "old": old, "new": new })).collect::<Vec<_>>(),
            }),
        }).collect::<Vec<_>>(),
    })
}

/// "12 of 2,475 bands move, the largest by +4.00% (grade 12 in united-kingdom/london-england, GBP);
/// locations: 1 added, 0 removed; grades: 0 added, 0 removed".
fn summary(diff: &PayDiff, old: &Dataset, new: &Dataset) -> String {
    let moves = match diff.changes.first() {
        Some(largest) => format!(
            "{} of {} move, the largest by {} ({}, {})",
            grouped(diff.changes.len()),
            count(diff.compared, "band", "bands"),
            percent_text(largest.relative()),
            largest.key.describe(),
            largest.currency
        ),
        None => format!(
            "no band moves ({} compared)",
            count(diff.compared, "band", "bands")
        ),
    };
    let mut parts = vec![
        moves,
        format!(
            "locations: {} added, {} removed",
            grouped(diff.locations_added.len()),
            grouped(diff.locations_removed.len())
        ),
        format!(
            "grades: {} added, {} removed",
            grouped(diff.grades_added.len()),
            grouped(diff.grades_removed.len())
        ),
    ];
    if !diff.currency_changes.is_empty() {
        parts.push(format!(
            "{} changed currency",
            count(diff.currency_changes.len(), "location", "locations")
        ));
    }
    if !diff.lost.is_empty() {
        parts.push(format!(
            "{} no longer shown",
            count(diff.lost.len(), "band", "bands")
        ));
    }
    if old.manifest.reference.currency != new.manifest.reference.currency {
        parts.push(format!(
            "reference currency {} → {}",
            old.manifest.reference.currency, new.manifest.reference.currency
        ));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use paygrade_core::parse::{parse_manifest, FetchedFiles};

    const MANIFEST: &str = r#"{
      "organisation": "T", "as_of": "2026-11-01",
      "reference": { "market": "Here", "currency": "USD" },
      "tables": { "grades": "grades.csv", "locations": "locations.csv", "currencies": "currencies.csv" },
      "roles": ["roles/a.md"],
      "policy": { "rounding": 100, "location_floor": 0.45, "compa_groups": [] }
    }"#;

    fn dataset(locations: &str, page: &str) -> Dataset {
        let manifest = parse_manifest("paygrade.json", MANIFEST.as_bytes()).unwrap();
        let file = |text: &str| Ok(text.as_bytes().to_vec());
        let files = FetchedFiles::from([
            (
                "grades.csv".to_string(),
                file("grade,manager_titles,ic_titles,midpoint,spread,variable\n6,,E,100000,0.4,\n7,,S,130000,0.4,\n"),
            ),
            ("locations.csv".to_string(), file(locations)),
            (
                "currencies.csv".to_string(),
                file("currency,per_usd,as_of\nUSD,1,2026-10-30\nEUR,0.9,2026-10-30\n"),
            ),
            ("roles/a.md".to_string(), file(page)),
        ]);
        let (data, errors) = Dataset::assemble(manifest, &files);
        assert!(errors.iter().all(|e| !e.is_error()), "{errors:?}");
        data
    }

    const LOCATIONS: &str =
        "country,area,factor,currency\nA,All,1.0,USD\nB,All,0.8,EUR\nC,All,0.3,EUR\n";
    const PAGE: &str = "---\ntitle: A\ngrade: 7\nmidpoint: 150000\n---\n";

    #[test]
    fn a_roles_own_midpoint_is_compared_at_its_own_grade_only() {
        const LEVELS: &str = "---\ntitle: A\nmidpoint: 150000\n---\n## Senior\nJob Grade: 6\n\n## Staff\nJob Grade: 7\n";
        let old = dataset(LOCATIONS, LEVELS);
        let new = dataset(LOCATIONS, &LEVELS.replace("150000", "160000"));
        let diff = compare(&old, &new);
        let mut keys: Vec<String> = diff.changes.iter().map(|c| c.key.describe()).collect();
        keys.sort();
        // The midpoint belongs to the first level's grade (6); grade 7 keeps the grade's midpoint.
        assert_eq!(
            keys,
            [
                "role a at grade 6 in a/all",
                "role a at grade 6 in b/all",
                "role a at grade 6 in c/all"
            ]
        );
    }

    #[test]
    fn changes_are_sorted_by_relative_move_and_say_their_currency() {
        let old = dataset(LOCATIONS, PAGE);
        let new = dataset(
            "country,area,factor,currency\nA,All,1.0,USD\nB,All,0.88,EUR\nC,All,0.3,EUR\nD,All,1,USD\n",
            PAGE,
        );
        let diff = compare(&old, &new);
        assert_eq!(diff.locations_added, ["d/all"]);
        // Only b/all moves: at grades 6 and 7, and for the role with its own midpoint.
        let mut keys: Vec<String> = diff.changes.iter().map(|c| c.key.describe()).collect();
        let relatives: Vec<f64> = diff.changes.iter().map(|c| c.relative().abs()).collect();
        assert!(relatives.windows(2).all(|w| w[0] >= w[1]), "{relatives:?}");
        keys.sort();
        assert_eq!(
            keys,
            [
                "grade 6 in b/all",
                "grade 7 in b/all",
                "role a at grade 7 in b/all"
            ]
        );
        // 100,000 × 0.8 × 0.9 EUR per USD = 72,000 EUR; × 0.88 instead = 79,200 EUR.
        let grade_6 = diff
            .changes
            .iter()
            .find(|c| c.key.grade == 6 && c.key.role.is_none())
            .unwrap();
        assert_eq!((grade_6.old.mid, grade_6.new.mid), (72_000.0, 79_200.0));
        assert!(diff.changes.iter().all(|c| c.currency == "EUR"));
        // The largest move is min: 57,600 → 63,360, rounded up to 63,400.
        assert_eq!((grade_6.old.min, grade_6.new.min), (57_600.0, 63_400.0));
        assert!((grade_6.relative() - 5_800.0 / 57_600.0).abs() < 1e-12);
    }
}
