//! The generated handbook (`scripts/gen_handbook.py`): many families in department folders, indexed
//! and checked clean, as the bench runs it at 400 families and 10,000 locations.

mod support;

use std::process::Command;

use support::{paygrade, workspace, TempFolder};

#[test]
fn a_generated_handbook_indexes_and_checks_clean() {
    let folder = TempFolder::new("generated");
    let script = workspace().join("scripts/gen_handbook.py");
    let generated = Command::new("python3")
        .arg(&script)
        .arg(&folder.path)
        .args(["--families", "60", "--locations", "2000", "--seed", "3"])
        .output()
        .expect("python3 runs scripts/gen_handbook.py (the bench needs it too)");
    assert!(generated.status.success(), "{generated:?}");

    let index = paygrade(&["index", folder.arg()]);
    assert_eq!(index.code, 0, "{index:?}");
    assert_eq!(
        index.stderr,
        format!("wrote {} (60 roles)\n", folder.shown("index.json"))
    );
    let check = paygrade(&["check", folder.arg()]);
    assert_eq!(check.code, 0, "{check:?}");
    assert_eq!(check.stdout, "");
    // The manifest, three tables, four total-rewards tables, the index and 60 pages (the maintained rules
    // are built in).
    assert_eq!(check.stderr, "0 errors, 0 warnings in 69 files\n");

    let index: serde_json::Value = serde_json::from_str(&folder.read("index.json")).unwrap();
    let roles = index["roles"].as_array().unwrap();
    let departments: std::collections::BTreeSet<&str> = roles
        .iter()
        .filter_map(|role| role["department"].as_str())
        .collect();
    assert!(departments.len() >= 3, "{departments:?}");
    assert!(roles.iter().all(|role| {
        let levels = role["levels"].as_array().unwrap().len();
        (1..=4).contains(&levels)
    }));

    // The same seed gives the same folder, so the same index.
    let again = TempFolder::new("generated-again");
    let status = Command::new("python3")
        .arg(&script)
        .arg(&again.path)
        .args(["--families", "60", "--locations", "2000", "--seed", "3"])
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(paygrade(&["index", again.arg()]).code, 0);
    assert_eq!(again.read("index.json"), folder.read("index.json"));
}
