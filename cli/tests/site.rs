//! `paygrade site`: the whole static site for a data folder, from the app's built files.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use support::{manifest, page, paygrade, small_folder, workspace, Run, TempFolder};

/// The app's files as `cargo xtask build` leaves them, without building the wasm: the repository's own
/// pages, scripts, styles and rules, and a stand-in package.
fn app_folder() -> TempFolder {
    let app = TempFolder::new("app");
    for entry in [
        "index.html",
        "boot.js",
        "main.js",
        "widget.js",
        "frame.js",
        "embed.html",
    ] {
        app.write(entry, &fs::read_to_string(workspace().join(entry)).unwrap());
    }
    app.write(
        "styles/paygrade.css",
        &fs::read_to_string(workspace().join("styles/paygrade.css")).unwrap(),
    )
    .write(
        "rules/pay-rules.csv",
        &fs::read_to_string(workspace().join("rules/pay-rules.csv")).unwrap(),
    )
    .write("pkg/paygrade.js", "export default function init() {}\n")
    .write_bytes("pkg/paygrade_bg.wasm", b"\0asm\x01\0\0\0")
    .write(
        "pkg/snippets/paygrade-0123/inline0.js",
        "export function noop() {}\n",
    )
    // A built dist/ holds its own copies; the site writes its own.
    .write("index.html.br", "stale");
    app
}

/// Where the site goes: a folder that does not exist yet, inside one removed after the test.
fn out_folder(name: &str) -> (TempFolder, PathBuf) {
    let parent = TempFolder::new(name);
    let out = parent.path.join("public");
    (parent, out)
}

fn site(data: &str, app: &TempFolder, out: &Path) -> Run {
    paygrade(&[
        "site",
        data,
        "--app",
        app.arg(),
        "--out",
        out.to_str().unwrap(),
    ])
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file under `dir`, relative to it.
fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        for entry in fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(
                    path.strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    out.sort();
    out
}

fn assert_summary(run: &Run, out: &Path, pages: usize) {
    let last = run.stderr.lines().last().unwrap_or("");
    let start = format!("wrote {}: {pages} pages, ", out.display());
    assert!(
        last.starts_with(&start)
            && last.contains(" bytes (")
            && last.ends_with(" s of it on the pages)"),
        "{last:?} should start {start:?}"
    );
}

#[test]
fn writes_the_app_the_data_with_its_index_the_pages_and_compressed_copies() {
    let data = small_folder("site-small");
    let app = app_folder();
    let (_parent, out) = out_folder("site-small-out");
    let run = site(data.arg(), &app, &out);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "");
    assert_summary(&run, &out, 2);

    let files = listing(&out);
    for file in [
        "index.html",
        "boot.js",
        "main.js",
        "widget.js",
        "frame.js",
        "embed.html",
        "styles/paygrade.css",
        "pkg/paygrade.js",
        "pkg/paygrade_bg.wasm",
        "pkg/snippets/paygrade-0123/inline0.js",
        "rules/pay-rules.csv",
        "data/paygrade.json",
        "data/grades.csv",
        "data/roles/engineer.md",
        "data/index.json",
        "roles/engineer/index.html",
        "data/figures/index.json",
    ] {
        assert!(files.contains(&file.to_string()), "no {file} in {files:?}");
        // Every file here is text or wasm: each has both copies.
        for ending in ["br", "gz"] {
            let copy = format!("{file}.{ending}");
            assert!(files.contains(&copy), "no {copy}");
        }
    }
    assert!(!files
        .iter()
        .any(|f| f.ends_with(".br.br") || f.ends_with(".gz.br")));
    assert_ne!(fs::read(out.join("index.html.br")).unwrap(), b"stale");

    // The same index `paygrade index` writes, byte for byte.
    let index = paygrade(&["index", data.arg(), "--output", "-"]);
    assert_eq!(read(&out.join("data/index.json")), index.stdout);
    // The root is pre-rendered over the app's index.html (with one role, it opens on that role).
    let root = read(&out.join("index.html"));
    assert!(root.contains("data-pg-prerendered"), "{root}");
    assert!(root.contains("Engineer"), "{root}");
    let role = read(&out.join("roles/engineer/index.html"));
    assert!(
        role.contains("<script type=\"application/ld+json\">"),
        "{role}"
    );
    assert!(role.contains("\"JobPosting\""), "{role}");
    assert!(role.contains("data-pg-data=\"../../data/\""), "{role}");
    // The band's figures: one file per grade of the data, the role page preloading its own grade's.
    let grades = files
        .iter()
        .filter(|f| f.starts_with("data/figures/grade-") && f.ends_with(".json"))
        .count();
    assert!(grades > 0, "{files:?}");
    assert_eq!(
        read(&out.join("data/grades.csv"))
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .count(),
        grades
    );
    assert!(!files.iter().any(|f| f.ends_with("bands.json")));
    assert!(
        role.contains("href=\"../../data/figures/grade-") && role.contains("data-pg-figures"),
        "{role}"
    );
}

#[test]
fn the_shipped_data_gets_a_page_with_json_ld_per_role_and_level() {
    let app = app_folder();
    let (_parent, out) = out_folder("site-shipped");
    let run = site("data", &app, &out);
    assert_eq!(run.code, 0, "{run:?}");
    let index: serde_json::Value =
        serde_json::from_str(&read(&out.join("data/index.json"))).unwrap();
    let roles = index["roles"].as_array().unwrap();
    assert!(roles.len() > 2, "{roles:?}");
    let mut pages = 1;
    for role in roles {
        let id = role["id"].as_str().unwrap();
        let mut folders = vec![format!("roles/{id}/")];
        let levels = role["levels"].as_array().unwrap();
        if levels.len() > 1 {
            folders.extend(
                levels
                    .iter()
                    .map(|level| format!("roles/{id}/{}/", level["slug"].as_str().unwrap())),
            );
        }
        for folder in folders {
            let html = read(&out.join(&folder).join("index.html"));
            assert!(html.contains("application/ld+json"), "{folder}");
            assert!(
                out.join(&folder).join("index.html.br").is_file(),
                "{folder}"
            );
            assert!(
                out.join(&folder).join("index.html.gz").is_file(),
                "{folder}"
            );
            pages += 1;
        }
    }
    assert_summary(&run, &out, pages);
}

#[test]
fn a_folder_with_an_error_exits_1_and_still_writes_its_pages() {
    let data = small_folder("site-error");
    data.write(
        "locations.csv",
        &format!("{}Dovel,All,0.0.5,USD,Americas,yes\n", support::LOCATIONS),
    );
    let app = app_folder();
    let (_parent, out) = out_folder("site-error-out");
    let run = site(data.arg(), &app, &out);
    assert_eq!(run.code, 1, "{run:?}");
    let line = format!("{}:5: error: factor:", data.shown("locations.csv"));
    assert!(run.stderr.contains(&line), "{}", run.stderr);
    assert!(
        run.stderr.contains("1 error, 0 warnings in"),
        "{}",
        run.stderr
    );
    assert!(out.join("roles/engineer/index.html").is_file());
    assert_summary(&run, &out, 2);
}

#[test]
fn a_manifest_with_errors_writes_nothing_and_exits_1() {
    let data = small_folder("site-manifest");
    data.write("paygrade.json", "{ \"organisation\": ");
    let app = app_folder();
    let (_parent, out) = out_folder("site-manifest-out");
    let run = site(data.arg(), &app, &out);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("cannot build a site"), "{}", run.stderr);
    assert!(!out.exists());
}

#[test]
fn a_missing_app_folder_exits_2_naming_the_flag() {
    let data = small_folder("site-no-app");
    let (parent, out) = out_folder("site-no-app-out");
    let missing = parent.path.join("dist");
    let run = paygrade(&[
        "site",
        data.arg(),
        "--app",
        missing.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.starts_with("paygrade: "), "{}", run.stderr);
    assert!(run.stderr.contains(&missing.display().to_string()));
    assert!(run.stderr.contains("--app DIR"), "{}", run.stderr);
    assert!(!out.exists());

    // Without --app, ./dist is looked for, and the message says so.
    let output = Command::new(env!("CARGO_BIN_EXE_paygrade"))
        .args(["site", data.arg(), "--out", out.to_str().unwrap()])
        .current_dir(&parent.path)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("no --app was given, so ./dist was used"),
        "{stderr}"
    );
    assert!(stderr.contains("--app DIR"), "{stderr}");
}

#[test]
fn an_app_folder_without_the_wasm_names_what_is_missing() {
    let data = small_folder("site-part-app");
    let app = app_folder();
    fs::remove_file(app.path.join("pkg/paygrade_bg.wasm")).unwrap();
    let (_parent, out) = out_folder("site-part-app-out");
    let run = site(data.arg(), &app, &out);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("pkg/paygrade_bg.wasm missing"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--app"), "{}", run.stderr);
}

#[test]
fn replaces_its_own_site_but_not_another_folder() {
    let data = TempFolder::new("site-again");
    data.write(
        "paygrade.json",
        &manifest("\"roles/engineer.md\", \"roles/writer.md\"", None),
    )
    .write("grades.csv", support::GRADES)
    .write("locations.csv", support::LOCATIONS)
    .write("currencies.csv", support::CURRENCIES)
    .write("roles/engineer.md", &page("Engineer", 6))
    .write("roles/writer.md", &page("Writer", 7));
    let app = app_folder();
    let (_parent, out) = out_folder("site-again-out");
    assert_eq!(site(data.arg(), &app, &out).code, 0);
    assert!(out.join("roles/writer/index.html").is_file());

    // The writer's page is gone from the data: the next site has no stale page for it.
    data.write("paygrade.json", &manifest("\"roles/engineer.md\"", None));
    fs::remove_file(data.path.join("roles/writer.md")).unwrap();
    let run = site(data.arg(), &app, &out);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!out.join("roles/writer").exists());
    assert!(!out.join("data/roles/writer.md").exists());

    // A folder holding anything else is left alone.
    let other = TempFolder::new("site-other");
    other.write("notes.txt", "mine");
    let run = site(data.arg(), &app, &other.path);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("is not empty"), "{}", run.stderr);
    assert_eq!(other.read("notes.txt"), "mine");
}
