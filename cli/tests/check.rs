//! `paygrade check`: problem lines, exit codes, JSON, and the folder and argument errors.

mod support;

use support::{
    files_in, handbook_folder, manifest, page, paygrade, small_folder, workspace, TempFolder,
};

#[test]
fn the_shipped_data_has_no_problems() {
    let run = paygrade(&["check", "data"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "");
    let files = files_in(&workspace().join("data"));
    assert_eq!(
        run.stderr,
        format!("0 errors, 0 warnings in {files} files\n")
    );
}

#[test]
fn a_factor_typed_0_0_5_is_an_error_on_its_line() {
    let folder = small_folder("factor");
    folder.write(
        "locations.csv",
        "country,area,factor,currency\nAldoria,All,1.0,USD\nBrevia,All,0.0.5,EUR\n",
    );
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stdout_lines(),
        [format!(
            "{}:3: error: factor: \"0.0.5\" is not a number",
            folder.shown("locations.csv")
        )]
    );
    assert_eq!(run.stderr, "1 error, 0 warnings in 5 files\n");
}

#[test]
fn the_shipped_table_with_a_typo_is_caught_at_the_right_line() {
    let folder = TempFolder::copy_from(&workspace().join("data"), "shipped-typo");
    let shipped = folder.read("locations.csv");
    let typo = shipped.replacen(
        "United Kingdom,\"London, England\",0.78",
        "United Kingdom,\"London, England\",0.0.5",
        1,
    );
    assert_ne!(typo, shipped);
    let line = typo
        .lines()
        .position(|line| line.contains("0.0.5"))
        .unwrap()
        + 1;
    folder.write("locations.csv", &typo);
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        format!(
            "{}:{line}: error: factor: \"0.0.5\" is not a number\n",
            folder.shown("locations.csv")
        )
    );
}

#[test]
fn problems_without_a_line_or_field_drop_those_parts() {
    let folder = small_folder("no-line");
    folder.write(
        "roles/engineer.md",
        "---\ntitle: Engineer\n---\n\nNo grade here.\n",
    );
    folder.write("grades.csv", "");
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 1);
    let lines = run.stdout_lines();
    assert!(
        lines.contains(&format!("{}: error: is empty", folder.shown("grades.csv")).as_str()),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|line| line.starts_with(&format!(
            "{}: warning: grade: the page gives no job grade",
            folder.shown("roles/engineer.md")
        ))),
        "{lines:?}"
    );
}

/// Executive pages that publish no grade are a warning, so a real handbook passes CI; a team that wants
/// every page graded says so in the manifest.
#[test]
fn a_page_without_a_grade_is_a_warning_unless_the_manifest_requires_one() {
    let folder = small_folder("ungraded");
    folder.write(
        "roles/engineer.md",
        "---\ntitle: Chief Engineer\n---\n\nNo grade is published.\n",
    );
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.starts_with("0 errors, 1 warning"),
        "{}",
        run.stderr
    );
    folder.write(
        "paygrade.json",
        &folder.read("paygrade.json").replace(
            "\"compa_groups\": []",
            "\"compa_groups\": [], \"require_grade\": true",
        ),
    );
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout
            .contains("error: grade: the page gives no job grade"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_output_is_an_array_of_located_problems() {
    let folder = small_folder("json");
    folder.write(
        "locations.csv",
        "country,area,factor,currency\nAldoria,All,1.0,USD\nBrevia,All,0.0.5,EUR\nCarmin,All,0.5,XXX\n",
    );
    let run = paygrade(&["check", "--format", "json", folder.arg()]);
    assert_eq!(run.code, 1);
    let problems: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let problems = problems.as_array().unwrap();
    assert_eq!(problems.len(), 2, "{problems:?}");
    for problem in problems {
        let mut keys: Vec<&str> = problem
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort();
        assert_eq!(keys, ["field", "file", "line", "message", "severity"]);
    }
    assert_eq!(
        problems[0],
        serde_json::json!({
            "file": folder.shown("locations.csv"),
            "line": 3,
            "field": "factor",
            "severity": "error",
            "message": "\"0.0.5\" is not a number",
        })
    );
    assert_eq!(problems[1]["line"], 4);
    assert_eq!(problems[1]["field"], "currency");
    assert_eq!(run.stderr, "2 errors, 0 warnings in 5 files\n");
}

#[test]
fn json_output_of_clean_data_is_an_empty_array() {
    let run = paygrade(&["check", "data", "--format", "json"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "[]\n");
}

#[cfg(unix)]
#[test]
fn warnings_alone_exit_zero() {
    use std::os::unix::ffi::OsStrExt;
    let folder = handbook_folder("warnings");
    assert_eq!(paygrade(&["index", folder.arg()]).code, 0);
    // A file name that is not UTF-8 cannot be a role id: skipped with a warning.
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    std::fs::write(folder.path.join("roles/sales").join(name), page("Cafe", 6)).unwrap();
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        format!(
            "{}: warning: roles[0]: roles/sales/caf\u{fffd}.md has a name that is not UTF-8 and is skipped\n",
            folder.shown("paygrade.json")
        )
    );
    assert_eq!(run.stderr, "0 errors, 1 warning in 10 files\n");
}

#[test]
fn a_handbook_folder_is_walked_skipping_hidden_files() {
    let folder = handbook_folder("walk");
    let run = paygrade(&["check", folder.arg()]);
    // No index yet: that is the only problem, and it says how to fix it.
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        format!(
            "{}: error: was not found; run `paygrade index {}` to write it\n",
            folder.shown("index.json"),
            folder.arg()
        )
    );
    // The manifest, three tables and five pages; .DS_Store, .draft.md and .git/ are not read.
    assert_eq!(run.stderr, "1 error, 0 warnings in 9 files\n");
    assert_eq!(paygrade(&["index", folder.arg()]).code, 0);
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stderr, "0 errors, 0 warnings in 10 files\n");
}

#[test]
fn a_stale_index_fails_the_check() {
    let folder = handbook_folder("stale");
    assert_eq!(paygrade(&["index", folder.arg()]).code, 0);
    folder.write("roles/sales/manager.md", &page("Sales Manager", 8));
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 1);
    let expected = format!("{}: error: is out of date", folder.shown("index.json"));
    assert!(run.stdout.starts_with(&expected), "{run:?}");
    assert!(run.stdout.contains("paygrade index"), "{run:?}");
}

#[test]
fn an_index_entry_whose_page_is_gone_is_named() {
    let folder = handbook_folder("gone");
    assert_eq!(paygrade(&["index", folder.arg()]).code, 0);
    std::fs::remove_file(folder.path.join("roles/sales/associate.md")).unwrap();
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout_lines().contains(
            &format!(
                "{}: error: roles: lists the page \"roles/sales/associate.md\" (role sales/associate), which was not found; run `paygrade index {}`",
                folder.shown("index.json"),
                folder.arg()
            )
            .as_str()
        ),
        "{run:?}"
    );
    // Even with no page left in the folder, which the core cannot tell from a page fetched later.
    std::fs::remove_dir_all(folder.path.join("roles")).unwrap();
    std::fs::create_dir(folder.path.join("roles")).unwrap();
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 1);
    let listed = run
        .stdout_lines()
        .iter()
        .filter(|line| line.contains(": error: roles: lists the page"))
        .count();
    assert_eq!(listed, 5, "{run:?}");
}

#[test]
fn a_folder_entry_without_an_index_is_an_error_the_page_would_hit() {
    let folder = handbook_folder("no-index");
    folder.write("paygrade.json", &manifest("\"roles/\"", None));
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout_lines().len(), 1, "{run:?}");
    assert!(
        run.stdout.starts_with(&format!(
            "{}: error: roles[0]: names the folder \"roles/\" but the manifest has no \"index\"",
            folder.shown("paygrade.json")
        )),
        "{run:?}"
    );
}

#[test]
fn a_missing_roles_folder_and_a_missing_page_are_data_problems() {
    let folder = small_folder("missing-parts");
    folder.write(
        "paygrade.json",
        &manifest(
            "\"roles/engineer.md\", \"roles/gone.md\", \"teams/\"",
            Some("index.json"),
        ),
    );
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 1);
    let manifest_file = folder.shown("paygrade.json");
    let lines = run.stdout_lines();
    assert!(
        lines.contains(
            &format!("{manifest_file}: error: roles[1]: the page \"roles/gone.md\" was not found")
                .as_str()
        ),
        "{lines:?}"
    );
    assert!(
        lines.contains(
            &format!("{manifest_file}: error: roles[2]: the folder \"teams/\" was not found")
                .as_str()
        ),
        "{lines:?}"
    );
}

#[test]
fn a_page_named_without_its_final_slash_says_so() {
    let folder = handbook_folder("slash");
    folder.write("paygrade.json", &manifest("\"roles/sales\"", None));
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("is a folder; write \"roles/sales/\" in the manifest"),
        "{run:?}"
    );
}

#[test]
fn a_broken_manifest_is_reported_with_its_line() {
    let folder = small_folder("bad-manifest");
    folder.write(
        "paygrade.json",
        "{\n  \"organisation\": \"X\",\n  \"oops\": 1\n}\n",
    );
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 1);
    let line = run.stdout.lines().next().unwrap();
    assert!(
        line.starts_with(&format!("{}:", folder.shown("paygrade.json"))),
        "{line}"
    );
    assert!(line.contains(": error: "), "{line}");
    assert_eq!(run.stderr, "1 error, 0 warnings in 1 file\n");
}

#[test]
fn a_missing_folder_is_a_usage_error() {
    let run = paygrade(&["check", "no/such/folder"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "paygrade: the data folder no/such/folder does not exist\n"
    );
}

#[test]
fn a_folder_without_a_manifest_is_a_usage_error() {
    let folder = TempFolder::new("no-manifest");
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!(
            "paygrade: {} was not found; a data folder starts with its manifest (see docs/data-format.md)\n",
            folder.shown("paygrade.json")
        )
    );
}

#[test]
fn a_file_instead_of_a_folder_is_a_usage_error() {
    let run = paygrade(&["check", "data/grades.csv"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "paygrade: data/grades.csv is a file, not a data folder; name the folder that holds paygrade.json\n"
    );
}

#[test]
fn wrong_arguments_exit_two_with_clap_usage() {
    let run = paygrade(&["check", "--format", "yaml", "data"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("invalid value 'yaml' for '--format <FORMAT>'"),
        "{run:?}"
    );
    let run = paygrade(&["frobnicate"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unrecognized subcommand 'frobnicate'"),
        "{run:?}"
    );
    let run = paygrade(&["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("<DIR>"), "{run:?}");
    let run = paygrade(&["diff", "data", "data", "--fail-over", "lots"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is not a percentage"), "{run:?}");
}

#[test]
fn every_subcommand_has_help_and_the_command_a_version() {
    for (command, words) in [
        ("check", "FILE:LINE: SEVERITY: FIELD: MESSAGE"),
        ("index", "--check"),
        ("diff", "--fail-over"),
    ] {
        let run = paygrade(&[command, "--help"]);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(
            run.stdout.contains(&format!("Usage: paygrade {command}")),
            "{run:?}"
        );
        assert!(run.stdout.contains(words), "{command}: {run:?}");
    }
    let run = paygrade(&["--version"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        format!("paygrade {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[cfg(unix)]
#[test]
fn a_file_that_exists_but_cannot_be_read_is_a_usage_error() {
    use std::os::unix::fs::PermissionsExt;
    let folder = small_folder("unreadable");
    let grades = folder.path.join("grades.csv");
    std::fs::set_permissions(&grades, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&grades).is_ok() {
        // Running as root, permissions do not stop a read; on Linux a file that always fails to read
        // (reading address 0 of a process's memory gives EIO) stands in for it.
        std::fs::remove_file(&grades).unwrap();
        if std::os::unix::fs::symlink("/proc/self/mem", &grades).is_err()
            || std::fs::read(&grades).is_ok()
        {
            eprintln!("skipped: no file here fails to read for this user");
            return;
        }
    }
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.starts_with(&format!(
            "paygrade: cannot read {}: ",
            folder.shown("grades.csv")
        )),
        "{run:?}"
    );
}

/// A handbook as Hugo writes it: a family's `_index.md` overview (no grade of its own, the hiring process
/// written once) with its levels as sibling leaf pages, an executive page that publishes no grade, TOML
/// front matter, and a "Job Grade" line under "Reports to". `paygrade check` passes with warnings only.
#[test]
fn a_real_handbook_shape_passes_with_warnings_only() {
    let folder = support::TempFolder::new("real-handbook");
    folder
        .write("paygrade.json", &support::manifest("\"roles/\"", Some("index.json")))
        .write("grades.csv", support::GRADES)
        .write("locations.csv", support::LOCATIONS)
        .write("currencies.csv", support::CURRENCIES)
        .write(
            "roles/design/_index.md",
            "---\ntitle: Product Design\n---\n\nDesigners shape what customers use.\n\n## Hiring Process\n\n1. A 30 minute screening call with a recruiter\n2. A 60 minute interview with the design manager and a 45 minute interview with a designer\n",
        )
        .write(
            "roles/design/senior.md",
            "+++\ntitle = \"Senior Product Designer\"\n+++\n\nReports to: Design Manager\nJob Grade: 7\n\nLeads projects.\n",
        )
        .write(
            "roles/design/staff.md",
            "---\ntitle: Staff Product Designer\n---\n\nReports to: Director\nJob Grade: 8\n\nSets direction.\n",
        )
        .write("roles/chief-design-officer.md", "---\ntitle: Chief Design Officer\n---\n\nLeads design.\n");
    let index = paygrade(&["index", folder.arg()]);
    assert_eq!(index.code, 0, "{index:?}");
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 0, "{run:?}");
    // Only the executive page's missing grade is reported, as a warning; the overview states none and
    // needs none.
    assert_eq!(run.stdout_lines().len(), 1, "{:?}", run.stdout_lines());
    assert!(
        run.stdout
            .contains("chief-design-officer.md: warning: grade"),
        "{}",
        run.stdout
    );
    let index: serde_json::Value = serde_json::from_str(&folder.read("index.json")).unwrap();
    let senior = index["roles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["id"] == "design/senior")
        .unwrap();
    assert_eq!(senior["family"], "design");
    assert_eq!(senior["levels"][0]["grade"], 7);
}
