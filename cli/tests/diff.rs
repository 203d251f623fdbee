//! `paygrade diff`: the bands a data change moves, with figures, currencies and order.

mod support;

use support::{paygrade, small_folder, GRADES};

#[test]
fn identical_folders_move_nothing() {
    let run = paygrade(&["diff", "data", "data"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "");
    // 11 grades × 225 locations.
    assert_eq!(
        run.stderr,
        "no band moves (2,475 bands compared); locations: 0 added, 0 removed; grades: 0 added, 0 removed\n"
    );
}

#[test]
fn a_factor_change_lists_each_grade_largest_first_in_local_currency() {
    let old = small_folder("old");
    let new = old.copy_of("new");
    // Brevia 0.8 → 0.88 (+10 %), Carmin 0.5 → 0.52 (+4 %), a new location, grade 8 gone.
    new.write(
        "locations.csv",
        "country,area,factor,currency,zone,hiring
Aldoria,All,1.0,USD,Americas,yes
Brevia,\"Port Sel, Coast\",0.88,EUR,EMEA,yes
Carmin,All,0.52,GBP,EMEA,yes
Dovel,All,0.7,USD,Americas,yes
",
    );
    new.write(
        "grades.csv",
        GRADES
            .lines()
            .take(3)
            .collect::<Vec<_>>()
            .join("\n")
            .as_str(),
    );
    let run = paygrade(&["diff", old.arg(), new.arg()]);
    assert_eq!(run.code, 0, "{run:?}");
    // Grade 6 in Brevia: 100,000 × 0.8 × 0.9 EUR per USD = 72,000 EUR mid; × 0.88 = 79,200. Rounding up
    // to 100 EUR makes min, mid and max move by slightly different fractions: grade 7's mid goes from
    // 93,600 (93,600 exactly) to 103,000 (102,960 rounded up), +10.04 %; Carmin's grade 7 min from
    // 39,000 to 40,600 (40,560 rounded up), +4.10 %. Lines are ordered by that largest move.
    assert_eq!(
        run.stdout_lines(),
        [
            "+10.07% grade 6 in brevia/port-sel-coast (EUR): min 57,600 → 63,400 (+5,800), mid 72,000 → 79,200 (+7,200), max 86,400 → 95,100 (+8,700)",
            "+10.04% grade 7 in brevia/port-sel-coast (EUR): min 74,900 → 82,400 (+7,500), mid 93,600 → 103,000 (+9,400), max 112,400 → 123,600 (+11,200)",
            "+4.10% grade 7 in carmin/all (GBP): min 39,000 → 40,600 (+1,600), mid 48,800 → 50,700 (+1,900), max 58,500 → 60,900 (+2,400)",
            "+4.00% grade 6 in carmin/all (GBP): min 30,000 → 31,200 (+1,200), mid 37,500 → 39,000 (+1,500), max 45,000 → 46,800 (+1,800)",
            "location added: dovel/all",
            "grade removed: 8",
        ]
    );
    assert_eq!(
        run.stderr,
        "4 of 6 bands move, the largest by +10.07% (grade 6 in brevia/port-sel-coast, EUR); locations: 1 added, 0 removed; grades: 0 added, 1 removed\n"
    );
}

#[test]
fn json_lists_every_change_with_old_new_and_change() {
    let old = small_folder("json-old");
    let new = old.copy_of("json-new");
    new.write(
        "grades.csv",
        &GRADES.replace("6,,Engineer,100000", "6,,Engineer,90000"),
    );
    let run = paygrade(&["diff", "--format", "json", old.arg(), new.arg()]);
    assert_eq!(run.code, 0, "{run:?}");
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["compared"], 9);
    assert_eq!(report["moved"], 3);
    let changes = report["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 3);
    let aldoria = changes
        .iter()
        .find(|change| change["location"] == "aldoria/all")
        .unwrap();
    assert_eq!(aldoria["grade"], 6);
    assert_eq!(aldoria["role"], serde_json::Value::Null);
    assert_eq!(aldoria["currency"], "USD");
    assert_eq!(
        aldoria["mid"],
        serde_json::json!({ "old": 100000.0, "new": 90000.0, "change": -10000.0, "relative_change": -0.1 })
    );
    assert_eq!(aldoria["relative_change"], -0.1);
    for list in [
        "locations_added",
        "locations_removed",
        "grades_added",
        "grades_removed",
        "roles_added",
        "roles_removed",
        "currency_changes",
        "no_longer_shown",
    ] {
        assert_eq!(report[list], serde_json::json!([]), "{list}");
    }
}

#[test]
fn fail_over_fails_ci_only_above_the_limit() {
    let old = small_folder("fail-old");
    let new = old.copy_of("fail-new");
    new.write(
        "locations.csv",
        &support::LOCATIONS.replace("Carmin,All,0.5", "Carmin,All,0.52"),
    );
    // Grade 8 there: min 48,000 → 50,000 (49,920 rounded up), +4.17 %, the largest move.
    let within = paygrade(&["diff", old.arg(), new.arg(), "--fail-over", "5"]);
    assert_eq!(within.code, 0, "{within:?}");
    let over = paygrade(&["diff", old.arg(), new.arg(), "--fail-over", "4%"]);
    assert_eq!(over.code, 1, "{over:?}");
    assert!(
        over.stderr.ends_with(
            "paygrade: grade 8 in carmin/all moves by +4.17%, more than --fail-over 4%\n"
        ),
        "{over:?}"
    );
}

#[test]
fn a_new_currency_is_listed_not_compared_and_a_lost_rate_is_named() {
    let old = small_folder("currency-old");
    let new = old.copy_of("currency-new");
    new.write(
        "locations.csv",
        &support::LOCATIONS
            .replace(
                "Brevia,\"Port Sel, Coast\",0.8,EUR",
                "Brevia,\"Port Sel, Coast\",0.8,GBP",
            )
            .replace("Carmin,All,0.5,GBP", "Carmin,All,0.5,JPY"),
    );
    let run = paygrade(&["diff", old.arg(), new.arg()]);
    assert_eq!(run.code, 0, "{run:?}");
    let lines = run.stdout_lines();
    assert!(
        lines.contains(
            &"currency changed in brevia/port-sel-coast: EUR → GBP (its bands are not compared)"
        ),
        "{lines:?}"
    );
    // JPY has no rate in NEW: its row is still loaded, but its bands cannot be computed.
    assert!(
        lines
            .iter()
            .any(|line| line.starts_with("no longer shown: grade 6 in carmin/all: ")),
        "{lines:?}"
    );
    assert!(run.stderr.contains("note: NEW ("), "{run:?}");
}

#[test]
fn roles_with_their_own_midpoint_and_level_grade_changes_are_reported() {
    let old = small_folder("role-old");
    old.write(
        "roles/engineer.md",
        "---\ntitle: Engineer\ngrade: 6\nmidpoint: 110000\n---\n",
    );
    let new = old.copy_of("role-new");
    new.write(
        "roles/engineer.md",
        "---\ntitle: Engineer\ngrade: 7\nmidpoint: 121000\n---\n",
    );
    let run = paygrade(&["diff", old.arg(), new.arg()]);
    assert_eq!(run.code, 0, "{run:?}");
    let lines = run.stdout_lines();
    assert!(
        lines.contains(&"level grade changed: engineer, Engineer: grade 6 → grade 7"),
        "{lines:?}"
    );
    // No grade in common between old (6) and new (7), so no role band is compared: only the level change.
    assert!(
        lines.iter().all(|line| !line.contains("role engineer")),
        "{lines:?}"
    );

    new.write(
        "roles/engineer.md",
        "---\ntitle: Engineer\ngrade: 6\nmidpoint: 121000\n---\n",
    );
    let run = paygrade(&["diff", old.arg(), new.arg()]);
    let lines = run.stdout_lines();
    assert_eq!(lines.len(), 3, "{lines:?}");
    // Brevia: 110,000 × 0.8 × 0.9 = 79,200 EUR; 121,000 × 0.8 × 0.9 = 87,120, rounded up to 87,200.
    assert_eq!(
        lines[0],
        "+10.10% role engineer at grade 6 in brevia/port-sel-coast (EUR): min 63,400 → 69,700 (+6,300), mid 79,200 → 87,200 (+8,000), max 95,100 → 104,600 (+9,500)"
    );
    assert_eq!(
        lines[2],
        "+10.00% role engineer at grade 6 in aldoria/all (USD): min 88,000 → 96,800 (+8,800), mid 110,000 → 121,000 (+11,000), max 132,000 → 145,200 (+13,200)"
    );
}

#[test]
fn top_limits_the_lines_not_the_count() {
    let old = small_folder("top-old");
    let new = old.copy_of("top-new");
    new.write(
        "grades.csv",
        &GRADES.replace("6,,Engineer,100000", "6,,Engineer,90000"),
    );
    let run = paygrade(&["diff", old.arg(), new.arg(), "--top", "1"]);
    assert_eq!(run.code, 0);
    let lines = run.stdout_lines();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(
        lines[1],
        "… and 2 more bands (without --top to see them all)"
    );
    assert!(run.stderr.starts_with("3 of 9 bands move"), "{run:?}");
}

#[test]
fn a_missing_side_is_a_usage_error() {
    let run = paygrade(&["diff", "data", "no/such/folder"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "paygrade: the data folder no/such/folder does not exist\n"
    );
}

/// What `paygrade diff` reports for a role with its own midpoint is what the page shows, level by level:
/// the page's band is `view::RoleView` (the explorer and the compact widget render it), so the diff's new
/// figures must equal it wherever it lists the role, and every other level must show the grade's own band.
#[test]
fn diff_and_page_agree_on_every_level_of_a_role_with_its_own_midpoint() {
    use paygrade_core::band::CurrencyChoice;
    use paygrade_core::parse::load_dataset;
    use paygrade_core::view::{Detail, RoleView};

    let two_levels = "---\ntitle: Engineer\n---\n\n## Senior Engineer\n\nJob Grade: 6\n\n## Staff Engineer\n\nJob Grade: 7\n";
    let old = small_folder("agree-old");
    old.write("roles/engineer.md", two_levels);
    let new = old.copy_of("agree-new");
    new.write(
        "roles/engineer.md",
        &two_levels.replace("title: Engineer", "title: Engineer\nmidpoint: 120000"),
    );
    let run = paygrade(&["diff", "--format", "json", old.arg(), new.arg()]);
    assert_eq!(run.code, 0, "{run:?}");
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let changes = report["changes"].as_array().unwrap();

    let root = std::path::Path::new(new.arg()).to_path_buf();
    let manifest = std::fs::read(root.join("paygrade.json")).unwrap();
    let (data, _) = load_dataset("paygrade.json", &manifest, &|path| {
        std::fs::read(root.join(path)).map_err(|e| e.to_string())
    });
    let data = data.unwrap();
    let entry = data.index.find("engineer").unwrap();
    assert_eq!(entry.levels.len(), 2);
    let mut role_changes = 0;
    for (position, level) in entry.levels.iter().enumerate() {
        let grade = level.grade.unwrap();
        for location in &data.locations {
            let page = RoleView::new(
                &data,
                Some(entry),
                Some((position, level)),
                grade,
                location,
                &CurrencyChoice::Local,
                None,
                Detail::Figures,
                None,
            )
            .band
            .unwrap();
            let listed = changes.iter().find(|change| {
                change["role"] == "engineer"
                    && change["grade"] == grade
                    && change["location"] == location.id.as_str()
            });
            match listed {
                Some(change) => {
                    role_changes += 1;
                    assert_eq!(
                        change["mid"]["new"], page.mid,
                        "{} {}",
                        level.title, location.id
                    );
                    assert_eq!(
                        change["min"]["new"], page.min,
                        "{} {}",
                        level.title, location.id
                    );
                    assert_eq!(
                        change["max"]["new"], page.max,
                        "{} {}",
                        level.title, location.id
                    );
                }
                None => {
                    // Not listed: the page shows the grade's own band there, which did not move.
                    let grade_only = RoleView::new(
                        &data,
                        None,
                        None,
                        grade,
                        location,
                        &CurrencyChoice::Local,
                        None,
                        Detail::Figures,
                        None,
                    )
                    .band
                    .unwrap();
                    assert_eq!(page, grade_only, "{} {}", level.title, location.id);
                }
            }
        }
    }
    // The midpoint is the first level's (grade 6): one role change per location, none at grade 7.
    assert_eq!(role_changes, data.locations.len());
}

/// A rule's date, threshold or requirement changing is part of what a reviewer approves.
#[test]
fn rule_changes_are_listed_by_field() {
    let rules = "id,name,country,region,citation,source,in_force_from,employees_min,pay,pay_basis,benefits,summary,reviewed\n\
us-colorado,Colorado as we read it,United States,Colorado,C.R.S. 8-5-201,https://example.com/co,2021-01-01,1,range,base,no,Ours.,2026-11-30\n";
    let old = small_folder("rules-diff-old");
    old.with_own_rules(rules);
    let new = old.copy_of("rules-diff-new");
    new.write(
        "pay-rules.csv",
        &format!(
            "{}xx-new,A new law,Atlantis,,Act 1,https://example.com/a,2026-01-01,,range,base,no,New.,2026-11-30\n",
            rules.replace(",1,range,", ",5,range,")
        ),
    );
    let run = paygrade(&["diff", old.arg(), new.arg()]);
    assert_eq!(run.code, 0, "{run:?}");
    let lines = run.stdout_lines();
    assert!(
        lines.contains(&"rule changed: us-colorado: employees_min 1 → 5"),
        "{lines:?}"
    );
    assert!(lines.contains(&"rule added: xx-new"), "{lines:?}");
}

/// Equity, benefits, payments and ways to hire are part of the offer a reviewer approves.
#[test]
fn total_rewards_changes_are_listed_by_table_and_row() {
    let old = small_folder("rewards-diff-old");
    old.write(
        "paygrade.json",
        &old.read("paygrade.json").replace(
            "\"currencies\": \"currencies.csv\"",
            "\"currencies\": \"currencies.csv\", \"payments\": \"payments.csv\"",
        ),
    );
    old.write(
        "payments.csv",
        "country,payments,note\nAldoria,12,\nBrevia,14,Two extra months.\n",
    );
    let new = old.copy_of("rewards-diff-new");
    new.write("payments.csv", "country,payments,note\nAldoria,13,\n");
    let run = paygrade(&["diff", old.arg(), new.arg()]);
    assert_eq!(run.code, 0, "{run:?}");
    let lines = run.stdout_lines();
    assert!(
        lines.contains(&"payments changed: Aldoria: 12 a year → 13 a year"),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"payments removed: Brevia: 14 a year"),
        "{lines:?}"
    );
}
