//! `paygrade rules`: the laws in effect for a folder, and the documentation page generated from them.

mod support;

use support::{paygrade, small_folder, workspace};

/// docs/pay-transparency-laws.md is the command's output, so the page cannot drift from the rules file.
/// After changing rules/pay-rules.csv, regenerate it with
/// `cargo run -p paygrade-cli -- rules --format markdown > docs/pay-transparency-laws.md`.
#[test]
fn the_documentation_page_is_generated_from_the_rules_file() {
    let run = paygrade(&["rules", "--format", "markdown"]);
    assert_eq!(run.code, 0, "{run:?}");
    let page = std::fs::read_to_string(workspace().join("docs/pay-transparency-laws.md")).unwrap();
    assert!(
        run.stdout == page,
        "docs/pay-transparency-laws.md is out of date: regenerate it (see this test's comment)"
    );
    for needle in [
        "| Ontario | ",
        "2011-03-01",
        "## The EU Pay Transparency Directive",
        "| Germany | none found |",
    ] {
        assert!(page.contains(needle), "{needle}");
    }
}

#[test]
fn a_folders_own_rules_replace_the_maintained_row_with_the_same_id() {
    let folder = small_folder("rules-own");
    folder.with_own_rules(
        "id,name,country,region,citation,source,in_force_from,pay,pay_basis,benefits,summary,reviewed\n\
us-colorado,Colorado as our counsel reads it,United States,Colorado,C.R.S. 8-5-201,https://example.com/co,2021-01-01,range,base,no,Ours.,2026-11-30\n",
    );
    let run = paygrade(&["rules", folder.arg()]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("us-colorado: Colorado as our counsel reads it (Colorado, United States)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("us-california: "), "{}", run.stdout);
}

#[test]
fn check_reports_an_old_format_rules_file_by_line_and_says_what_to_change() {
    let folder = small_folder("rules-old");
    folder.with_own_rules(
        &std::fs::read_to_string(workspace().join("tests/fixtures/pay-rules/old-format.csv"))
            .unwrap(),
    );
    let run = paygrade(&["check", folder.arg()]);
    assert_eq!(run.code, 1, "{run:?}");
    let line = run
        .stdout
        .lines()
        .find(|line| line.contains("pay-rules.csv:1: error"))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(
        line.contains("applies_from: rename it in_force_from"),
        "{line}"
    );
}
