//! `paygrade index`: the file the page lists roles from, byte for byte the same for the same pages.

mod support;

use support::{handbook_folder, page, paygrade, small_folder};

#[test]
fn writes_a_sorted_pretty_index_with_ids_from_paths() {
    let folder = handbook_folder("write");
    let run = paygrade(&["index", folder.arg()]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!("wrote {} (5 roles)\n", folder.shown("index.json"))
    );
    let text = folder.read("index.json");
    assert!(text.ends_with("}\n") && !text.ends_with("\n\n"));
    assert!(text.starts_with("{\n  \"version\": 1,\n  \"roles\": [\n"));
    let index: serde_json::Value = serde_json::from_str(&text).unwrap();
    let ids: Vec<&str> = index["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["id"].as_str().unwrap())
        .collect();
    // Sorted by id; the two associate.md pages do not collide; _index.md names its folder.
    assert_eq!(
        ids,
        [
            "engineering",
            "engineering/backend",
            "engineering/frontend-engineer",
            "sales/associate",
            "support/associate"
        ]
    );
    let backend = &index["roles"][1];
    assert_eq!(backend["file"], "roles/engineering/backend/_index.md");
    assert_eq!(backend["title"], "Backend Engineer");
    assert_eq!(backend["department"], "Engineering");
    assert_eq!(backend["slug"], "backend");
    assert_eq!(backend["levels"][0]["grade"], 7);
    assert_eq!(index["roles"][3]["department"], "Sales");
}

#[test]
fn the_same_pages_give_the_same_bytes() {
    let first = handbook_folder("same-a");
    let second = handbook_folder("same-b");
    assert_eq!(paygrade(&["index", first.arg()]).code, 0);
    let written = first.read("index.json");
    assert_eq!(paygrade(&["index", first.arg()]).code, 0);
    assert_eq!(first.read("index.json"), written, "rerun changed the file");
    assert_eq!(paygrade(&["index", second.arg()]).code, 0);
    assert_eq!(second.read("index.json"), written, "another folder differs");
    let stdout = paygrade(&["index", first.arg(), "--output", "-"]);
    assert_eq!(stdout.code, 0);
    assert_eq!(stdout.stdout, written);
}

#[test]
fn check_passes_when_current_and_fails_when_stale_or_missing() {
    let folder = handbook_folder("check");
    let missing = paygrade(&["index", "--check", folder.arg()]);
    assert_eq!(missing.code, 1);
    assert_eq!(
        missing.stderr,
        format!(
            "{}: error: does not exist; run `paygrade index {}`\n",
            folder.shown("index.json"),
            folder.arg()
        )
    );
    assert_eq!(paygrade(&["index", folder.arg()]).code, 0);
    let current = paygrade(&["index", "--check", folder.arg()]);
    assert_eq!(current.code, 0, "{current:?}");
    assert_eq!(
        current.stderr,
        format!("{} is up to date (5 roles)\n", folder.shown("index.json"))
    );
    folder.write("roles/sales/associate.md", &page("Sales Associate", 7));
    let before = folder.read("index.json");
    let stale = paygrade(&["index", "--check", folder.arg()]);
    assert_eq!(stale.code, 1);
    assert_eq!(
        stale.stderr,
        format!(
            "{}: error: is out of date: it does not list the pages as they are; run `paygrade index {}`\n",
            folder.shown("index.json"),
            folder.arg()
        )
    );
    assert_eq!(folder.read("index.json"), before, "--check wrote the file");
}

#[test]
fn output_goes_where_asked_and_problems_go_to_stderr() {
    let folder = small_folder("output");
    folder.write("roles/engineer.md", &page("Engineer", 13));
    let target = folder.path.join("elsewhere.json");
    let run = paygrade(&["index", folder.arg(), "-o", target.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{run:?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{}:9: error: grade: grade 13 is not in grades.csv",
                folder.shown("roles/engineer.md")
            ),
            "1 error, 0 warnings in 5 files".to_string(),
            format!("wrote {} (1 role)", target.display()),
        ]
    );
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(index["roles"][0]["id"], "engineer");
    assert!(!folder.path.join("index.json").exists());
}

#[test]
fn check_cannot_compare_stdout() {
    let run = paygrade(&["index", "data", "--check", "-o", "-"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("cannot be used with --output -"),
        "{run:?}"
    );
}

#[test]
fn a_write_into_a_missing_folder_names_the_path() {
    let run = paygrade(&["index", "data", "-o", "no/such/folder/index.json"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("paygrade: cannot write no/such/folder/index.json: "),
        "{run:?}"
    );
}

#[test]
fn the_shipped_data_indexes_to_stdout_with_every_named_page() {
    let run = paygrade(&["index", "data", "--output", "-"]);
    assert_eq!(run.code, 0, "{run:?}");
    let index: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(support::workspace().join("data/paygrade.json")).unwrap(),
    )
    .unwrap();
    let named = manifest["roles"].as_array().unwrap().len();
    assert_eq!(index["roles"].as_array().unwrap().len(), named);
    assert!(index["roles"]
        .as_array()
        .unwrap()
        .iter()
        .any(|entry| entry["id"] == "vp-strategy-developer-relations"
            && entry["levels"][0]["grade"] == 12));
    // Written to stdout only: no "wrote …" line, nothing in the shipped folder.
    assert_eq!(run.stderr, "");
}
