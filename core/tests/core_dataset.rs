//! The manifest, path rules and assembling a dataset across files with cross-checks.

use std::path::Path;

use paygrade_core::model::{DataError, Dataset, JobAds};
use paygrade_core::parse::{load_dataset, parse_manifest, resolve_data_path, FetchedFiles};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/mini");

/// The files the issue's manifest names, in the order it names them.
const ISSUE_MANIFEST_FILES: [&str; 4] = [
    "grades.csv",
    "locations.csv",
    "currencies.csv",
    "roles/vp-strategy-developer-relations.md",
];

fn read_from(folder: &str) -> impl Fn(&str) -> Result<Vec<u8>, String> + '_ {
    move |path: &str| {
        std::fs::read(Path::new(folder).join(path))
            .map_err(|_| "could not be fetched (not found)".to_string())
    }
}

fn fixture() -> (Option<Dataset>, Vec<DataError>) {
    let manifest = std::fs::read(Path::new(FIXTURE).join("paygrade.json")).unwrap();
    load_dataset("paygrade.json", &manifest, &read_from(FIXTURE))
}

fn errors_for<'a>(errors: &'a [DataError], file: &str) -> Vec<&'a DataError> {
    errors.iter().filter(|e| e.file == file).collect()
}

const MANIFEST: &str = r#"{ "organisation": "Example Co.", "as_of": "2026-11-01",
  "reference": { "market": "San Francisco", "currency": "USD" },
  "tables": { "grades": "grades.csv", "locations": "locations.csv", "currencies": "currencies.csv" },
  "roles": ["roles/vp-strategy-developer-relations.md"],
  "policy": { "rounding": 100, "location_floor": 0.45, "rate_max_age_days": 365,
    "compa_groups": [ {"name": "Learning", "from": 0.80, "to": 0.90}, {"name": "Growing", "from": 0.90, "to": 1.00},
                      {"name": "Thriving", "from": 1.00, "to": 1.10}, {"name": "Expert", "from": 1.10, "to": 1.20} ] } }"#;

#[test]
fn the_issue_manifest_parses() {
    let manifest = parse_manifest("paygrade.json", MANIFEST.as_bytes()).unwrap();
    assert_eq!(manifest.organisation, "Example Co.");
    assert_eq!(manifest.as_of.to_string(), "2026-11-01");
    assert_eq!(manifest.reference.currency, "USD");
    assert_eq!(manifest.policy.compa_groups.len(), 4);
    assert_eq!(manifest.notice, None);
    let (files, errors) = manifest.files();
    assert!(errors.is_empty());
    assert_eq!(files, ISSUE_MANIFEST_FILES);
}

#[test]
fn manifest_unknown_field_is_an_error_with_its_line() {
    let text = MANIFEST.replace(
        "\"as_of\": \"2026-11-01\",",
        "\"as_of\": \"2026-11-01\",\n \"colour\": 1,",
    );
    let errors = parse_manifest("paygrade.json", text.as_bytes()).unwrap_err();
    assert_eq!(errors[0].line, Some(2));
    assert_eq!(errors[0].field.as_deref(), Some("colour"));
    assert!(
        errors[0]
            .message
            .starts_with("unknown field; expected one of organisation, as_of,"),
        "{}",
        errors[0]
    );
}

#[test]
fn manifest_duplicate_field_is_an_error() {
    let text = MANIFEST.replace(
        "\"organisation\": \"Example Co.\",",
        "\"organisation\": \"A\", \"organisation\": \"B\",",
    );
    let errors = parse_manifest("paygrade.json", text.as_bytes()).unwrap_err();
    assert_eq!(errors[0].field.as_deref(), Some("organisation"));
    assert!(
        errors[0].message.contains("field appears twice"),
        "{}",
        errors[0]
    );
}

#[test]
fn manifest_syntax_missing_fields_dates_and_policy() {
    let broken = parse_manifest("paygrade.json", b"{ \"organisation\": ").unwrap_err();
    assert!(
        broken[0].message.starts_with("is not valid JSON"),
        "{}",
        broken[0]
    );
    let missing = parse_manifest("paygrade.json", br#"{"organisation": "x"}"#).unwrap_err();
    assert_eq!(
        missing[0].to_string(),
        "paygrade.json line 1, field \"as_of\": required field is missing"
    );
    let bad_date = parse_manifest(
        "paygrade.json",
        MANIFEST.replace("2026-11-01", "1 Nov").as_bytes(),
    )
    .unwrap_err();
    assert!(
        bad_date[0].message.contains("\"1 Nov\" is not a date"),
        "{}",
        bad_date[0]
    );
    let bad_policy = MANIFEST
        .replace("\"rounding\": 100", "\"rounding\": -1")
        .replace("\"to\": 0.90", "\"to\": 0.70");
    let errors = parse_manifest("paygrade.json", bad_policy.as_bytes()).unwrap_err();
    let fields: Vec<_> = errors.iter().filter_map(|e| e.field.as_deref()).collect();
    assert_eq!(fields, vec!["policy.rounding", "policy.compa_groups[0]"]);
    let bad_currency = parse_manifest(
        "paygrade.json",
        MANIFEST.replace("\"USD\"", "\"usd\"").as_bytes(),
    )
    .unwrap_err();
    assert_eq!(bad_currency[0].field.as_deref(), Some("reference.currency"));
    assert_eq!(
        parse_manifest("paygrade.json", b"  ").unwrap_err()[0].message,
        "is empty"
    );
}

#[test]
fn manifest_paths_must_stay_inside_the_data_folder() {
    let text = MANIFEST.replace(
        "\"roles/vp-strategy-developer-relations.md\"",
        "\"../secret.md\", \"https://evil.example/x.md\"",
    );
    let manifest = parse_manifest("paygrade.json", text.as_bytes()).unwrap();
    let (files, errors) = manifest.files();
    assert_eq!(files.len(), 3);
    assert_eq!(errors.len(), 2);
    assert!(errors.iter().all(|e| e.file == "paygrade.json"));
    assert_eq!(
        resolve_data_path("paygrade.json", "./roles/x.md").unwrap(),
        "roles/x.md"
    );
}

#[test]
fn fixture_loads_with_cross_file_checks() {
    let (dataset, errors) = fixture();
    let data = dataset.unwrap();
    assert_eq!(
        (
            data.grades.len(),
            data.locations.len(),
            data.currencies.len()
        ),
        (2, 3, 3)
    );
    assert_eq!(data.roles.len(), 3);
    assert_eq!(
        data.location("united-kingdom/london-england")
            .unwrap()
            .factor,
        0.62
    );
    assert_eq!(data.rate("GBP").unwrap().per_usd, 0.79);
    assert_eq!(data.grade(12).unwrap().manager_titles, vec!["VP"]);
    assert_eq!(data.role("engineer").unwrap().grade, Some(6));
    assert!(
        data.grade(13).is_none()
            && data.location("x/y").is_none()
            && data.rate("XXX").is_none()
            && data.role("x").is_none()
    );

    // A location currency with no rate.
    let jpy = errors_for(&errors, "locations.csv");
    assert_eq!(jpy.len(), 1, "{errors:?}");
    assert_eq!(
        (jpy[0].line, jpy[0].field.as_deref()),
        (Some(3), Some("currency"))
    );
    assert!(jpy[0].message.starts_with("JPY has no rate"));
    // A role with no grade, and one whose grade is not in the table.
    assert!(errors_for(&errors, "roles/ungraded.md")[0]
        .message
        .contains("no job grade"));
    assert_eq!(
        errors_for(&errors, "roles/off-ladder.md")[0].message,
        "grade 13 is not in grades.csv"
    );
    // A manifest naming a file that is missing.
    let missing = errors_for(&errors, "roles/missing.md");
    assert_eq!(
        missing[0].to_string(),
        "roles/missing.md: could not be fetched (not found)"
    );
    assert_eq!(errors.len(), 4, "{errors:?}");
}

#[test]
fn reference_currency_without_a_rate_is_reported() {
    let manifest = parse_manifest("paygrade.json", MANIFEST.as_bytes()).unwrap();
    let mut files = FetchedFiles::new();
    files.insert(
        "grades.csv".to_string(),
        Ok(b"grade,manager_titles,ic_titles,midpoint,spread\n12,VP,,210000,0.4\n".to_vec()),
    );
    files.insert(
        "locations.csv".to_string(),
        Ok(b"country,area,factor\nFrance,All,0.7\n".to_vec()),
    );
    files.insert(
        "currencies.csv".to_string(),
        Ok(b"currency,per_usd,as_of\nEUR,0.92,2026-10-30\n".to_vec()),
    );
    files.insert(
        "roles/vp-strategy-developer-relations.md".to_string(),
        Err("could not be fetched (the server answered 404 Not Found)".to_string()),
    );
    let (data, errors) = Dataset::assemble(manifest, &files);
    assert_eq!(data.grades.len(), 1);
    assert!(
        errors
            .iter()
            .any(|e| e.file == "paygrade.json" && e.field.as_deref() == Some("reference.currency")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.file == "roles/vp-strategy-developer-relations.md"
                && e.message.contains("404"))
    );
}

#[test]
fn missing_tables_leave_an_empty_but_usable_dataset() {
    let (dataset, errors) = load_dataset("paygrade.json", MANIFEST.as_bytes(), &|_| {
        Err("could not be fetched (offline)".to_string())
    });
    let data = dataset.unwrap();
    assert!(data.grades.is_empty() && data.locations.is_empty() && data.roles.is_empty());
    let files: Vec<&str> = errors.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(files, ISSUE_MANIFEST_FILES);
}

#[test]
fn an_unreadable_manifest_gives_no_dataset() {
    let (dataset, errors) = load_dataset("paygrade.json", b"\xff\xfe", &|_| Ok(Vec::new()));
    assert!(dataset.is_none());
    assert_eq!(errors.len(), 1);
}

#[test]
fn pages_with_the_same_name_in_different_folders_both_load() {
    let text = MANIFEST.replace(
        "\"roles/vp-strategy-developer-relations.md\"",
        "\"roles/sales/associate.md\", \"roles/marketing/associate.md\"",
    );
    let manifest = parse_manifest("paygrade.json", text.as_bytes()).unwrap();
    let page = b"---\ntitle: Associate\ngrade: 5\n---\n".to_vec();
    let files = FetchedFiles::from([
        ("roles/sales/associate.md".to_string(), Ok(page.clone())),
        ("roles/marketing/associate.md".to_string(), Ok(page)),
    ]);
    let (data, errors) = Dataset::assemble(manifest, &files);
    assert!(
        errors.iter().all(|e| e.field.as_deref() != Some("id")),
        "{errors:?}"
    );
    let ids: Vec<&str> = data.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["sales/associate", "marketing/associate"]);
    // The old `?role=associate` is ambiguous now, so it finds neither; the ids find each.
    assert!(data.role("associate").is_none());
    assert_eq!(
        data.role("sales/associate").map(|r| r.file.as_str()),
        Some("roles/sales/associate.md")
    );
    assert_eq!(data.index.roles.len(), 2);
    assert_eq!(data.index.roles[0].department.as_deref(), Some("Marketing"));
}

#[test]
fn paths_that_differ_only_in_case_collide_and_keep_the_first() {
    let text = MANIFEST.replace(
        "\"roles/vp-strategy-developer-relations.md\"",
        "\"a/x.md\", \"a/X.md\"",
    );
    let manifest = parse_manifest("paygrade.json", text.as_bytes()).unwrap();
    let page = b"---\ntitle: X\ngrade: 12\n---\n".to_vec();
    let files = FetchedFiles::from([
        ("a/x.md".to_string(), Ok(page.clone())),
        ("a/X.md".to_string(), Ok(page)),
    ]);
    let (data, errors) = Dataset::assemble(manifest, &files);
    assert_eq!(data.roles.len(), 1);
    assert!(
        errors
            .iter()
            .any(|e| e.file == "a/X.md" && e.message.contains("already used by a/x.md")),
        "{errors:?}"
    );
}

#[test]
fn a_folder_of_pages_is_read_whole_and_its_index_checked() {
    let text = MANIFEST.replace("\"roles/vp-strategy-developer-relations.md\"", "\"roles/\"");
    let manifest = parse_manifest("paygrade.json", text.as_bytes()).unwrap();
    let page = |title: &str| format!("---\ntitle: {title}\ngrade: 6\n---\n").into_bytes();
    let mut files = FetchedFiles::from([
        (
            "roles/eng/backend/_index.md".to_string(),
            Ok(page("Backend Engineer")),
        ),
        (
            "roles/eng/frontend".to_string(),
            Ok(page("Frontend Engineer")),
        ),
        ("roles/.DS_Store".to_string(), Ok(b"\x00\x01".to_vec())),
        ("other/notes.md".to_string(), Ok(page("Not a role"))),
    ]);
    let (data, errors) = Dataset::assemble(manifest.clone(), &files);
    let ids: Vec<&str> = data.index.roles.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["eng/backend", "eng/frontend"]);
    assert!(
        errors.iter().all(|e| !e.file.starts_with("roles/")),
        "{errors:?}"
    );

    // With an index named, a current one passes and a stale one is an error naming it.
    let indexed = text.replace("\"roles\": [", "\"index\": \"index.json\", \"roles\": [");
    let manifest = parse_manifest("paygrade.json", indexed.as_bytes()).unwrap();
    let current = serde_json::to_vec(&data.index).unwrap();
    files.insert("index.json".to_string(), Ok(current));
    let (_, errors) = Dataset::assemble(manifest.clone(), &files);
    assert!(errors.iter().all(|e| e.file != "index.json"), "{errors:?}");
    files.insert("roles/eng/qa.md".to_string(), Ok(page("QA Engineer")));
    let (_, errors) = Dataset::assemble(manifest, &files);
    assert!(
        errors
            .iter()
            .any(|e| e.file == "index.json" && e.message.contains("out of date")),
        "{errors:?}"
    );
}

#[test]
fn a_folder_without_an_index_or_pages_says_how_to_list_it() {
    let text = MANIFEST.replace("\"roles/vp-strategy-developer-relations.md\"", "\"roles/\"");
    let manifest = parse_manifest("paygrade.json", text.as_bytes()).unwrap();
    let (files, errors) = manifest.files();
    assert!(errors.is_empty());
    assert_eq!(files, ["grades.csv", "locations.csv", "currencies.csv"]);
    let (_, errors) = Dataset::assemble(manifest, &FetchedFiles::new());
    assert!(
        errors
            .iter()
            .any(|e| e.field.as_deref() == Some("roles") && e.message.contains("paygrade index")),
        "{errors:?}"
    );
}

#[test]
fn with_an_index_the_page_fetches_tables_and_index_only() {
    let text = MANIFEST.replace("\"roles\": [", "\"index\": \"index.json\", \"roles\": [");
    let manifest = parse_manifest("paygrade.json", text.as_bytes()).unwrap();
    let (files, _) = manifest.files();
    assert_eq!(
        files,
        [
            "grades.csv",
            "locations.csv",
            "currencies.csv",
            "index.json"
        ]
    );
    let bad = FetchedFiles::from([(
        "index.json".to_string(),
        Ok(b"{\"version\": 9, \"roles\": []}".to_vec()),
    )]);
    let (_, errors) = Dataset::assemble(manifest, &bad);
    assert!(
        errors
            .iter()
            .any(|e| e.file == "index.json" && e.field.as_deref() == Some("version")),
        "{errors:?}"
    );
}

#[test]
fn a_manifest_that_is_not_an_object_says_so() {
    for text in ["[\"grades.csv\"]", "\"paygrade\"", "42", "  null"] {
        let errors = parse_manifest("paygrade.json", text.as_bytes()).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].message.contains("must be a JSON object"),
            "{text}: {errors:?}"
        );
    }
}

/// A family's `_index.md` is the overview of the leaf pages beside it: the directory groups the leaves
/// under its title, and a leaf without a hiring process shows the overview's.
#[test]
fn a_section_page_is_the_overview_of_its_leaves() {
    use paygrade_core::directory::directory;
    use paygrade_core::model::RoleIndex;
    use paygrade_core::parse::parse_role;

    let overview = parse_role(
        "roles/design/_index.md",
        b"---\ntitle: Product Design\n---\n\n## Hiring Process\n\n1. A 30 minute screening call with a recruiter\n",
    )
    .unwrap()
    .0;
    let mut leaf = parse_role(
        "roles/design/senior.md",
        b"---\ntitle: Senior Product Designer\ngrade: 7\n---\n\nLeads projects.\n",
    )
    .unwrap()
    .0;
    let index = RoleIndex::from_roles(&[overview.clone(), leaf.clone()]);
    assert_eq!(
        index.find("design/senior").unwrap().family.as_deref(),
        Some("design")
    );
    assert!(index.is_overview("design"));
    let groups = directory(&index, "");
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].department, "Product Design");
    assert_eq!(groups[0].roles.len(), 1);
    assert_eq!(groups[0].roles[0].id, "design/senior");
    assert!(leaf.hiring_steps.is_empty());
    leaf.inherit_from(&overview);
    assert_eq!(leaf.hiring_steps.len(), 1);
}

/// A department's `_index.md` that states a grade of its own is a role, not an overview: the directory
/// lists it beside the pages under it.
#[test]
fn a_graded_section_page_is_listed_as_a_role() {
    use paygrade_core::directory::directory;
    use paygrade_core::model::RoleIndex;
    use paygrade_core::parse::parse_role;

    let head = parse_role(
        "roles/design/_index.md",
        b"---\ntitle: Head of Design\ngrade: 10\n---\n\nRuns design.\n",
    )
    .unwrap()
    .0;
    assert!(head.is_section_page());
    assert!(!head.is_overview_page());
    let leaf = parse_role(
        "roles/design/senior.md",
        b"---\ntitle: Senior Product Designer\ngrade: 7\n---\n\nLeads projects.\n",
    )
    .unwrap()
    .0;
    let index = RoleIndex::from_roles(&[head, leaf]);
    assert!(!index.is_overview("design"));
    let ids: Vec<&str> = directory(&index, "")
        .iter()
        .flat_map(|group| group.roles.iter().map(|role| role.id.as_str()))
        .collect();
    assert!(ids.contains(&"design"), "{ids:?}");
    assert!(ids.contains(&"design/senior"), "{ids:?}");
}

#[test]
fn of_several_problems_the_manifest_reports_the_first_it_meets_and_reads_on_past_none() {
    // A wrong type in `tables` (line 3) and another in `policy` (line 5): the reader goes on with defaults
    // after the first, so it must give back that one, not the last and not a default's complaint.
    let text = MANIFEST
        .replace("\"grades\": \"grades.csv\"", "\"grades\": 12")
        .replace("\"rounding\": 100", "\"rounding\": \"100\"");
    let errors = parse_manifest("paygrade.json", text.as_bytes()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].to_string(),
        "paygrade.json line 3, field \"tables.grades\": must be a string, not the number 12"
    );
    // With the first mended, the second is the one reported.
    let text = text.replace("\"grades\": 12", "\"grades\": \"grades.csv\"");
    let errors = parse_manifest("paygrade.json", text.as_bytes()).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "paygrade.json line 5, field \"policy.rounding\": must be a number, not the string \"100\""
    );
}

#[test]
fn manifest_errors_name_the_line_and_the_field_path() {
    let cases = [
        (
            MANIFEST.replace("\"from\": 0.90, \"to\": 1.00", "\"from\": \"0.90\", \"to\": 1.00"),
            "paygrade.json line 6, field \"policy.compa_groups[1].from\": must be a number, not the string \"0.90\"",
        ),
        (
            MANIFEST.replace("\"grades\": \"grades.csv\", ", ""),
            "paygrade.json line 3, field \"tables.grades\": required field is missing",
        ),
        (
            MANIFEST.replace("\"rate_max_age_days\": 365", "\"rate_max_age_days\": 36.5"),
            "paygrade.json line 5, field \"policy.rate_max_age_days\": 36.5 must be a whole number from 0 to 4294967295",
        ),
        (
            MANIFEST.replace("\"rate_max_age_days\": 365", "\"rate_max_age_days\": -1"),
            "paygrade.json line 5, field \"policy.rate_max_age_days\": -1 must be a whole number from 0 to 4294967295",
        ),
        (
            MANIFEST.replace("\"rounding\": 100", "\"rounding\": 1e999"),
            "paygrade.json line 5, field \"policy.rounding\": 1e999 is out of range: too large or too small for paygrade to read exactly",
        ),
        (
            MANIFEST.replace("\"policy\": {", "\"policy\": { \"move\": 1,"),
            "paygrade.json line 5, field \"policy.move\": must be a string, not the number 1",
        ),
        (
            MANIFEST.replace("2026-11-01", "1 Nov"),
            "paygrade.json line 1, field \"as_of\": \"1 Nov\" is not a date in the form YYYY-MM-DD",
        ),
        (
            MANIFEST.replace("\"policy\": {", "\"job_ads\": { \"statements\": { \"ai-screening\": \"a\", \"ai-screening\": \"b\" } },\n\"policy\": {"),
            "paygrade.json line 5, field \"job_ads.statements.ai-screening\": field appears twice; keep one",
        ),
        (
            MANIFEST.replace("\"policy\": {", "\"job_ads\": { \"employees_in\": { \"US-CA\": 12.5 } },\n\"policy\": {"),
            "paygrade.json line 5, field \"job_ads.employees_in.US-CA\": 12.5 must be a whole number from 0 to 4294967295",
        ),
        (
            MANIFEST.replace("\"roles\": [", "\"roles\": [ null, "),
            "paygrade.json line 4, field \"roles[0]\": must be a string, not null",
        ),
        (
            MANIFEST.replace("\"policy\": {", "\"policy\": {\n \"move\": \"keep-position\", \"move\": \"never-lower\","),
            "paygrade.json line 6, field \"policy.move\": field appears twice; keep one",
        ),
    ];
    for (text, expected) in cases {
        let errors = parse_manifest("paygrade.json", text.as_bytes()).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].to_string(), expected);
    }
}

#[test]
fn manifest_defaults_nulls_and_the_move_field_read_as_before() {
    let manifest = parse_manifest("paygrade.json", MANIFEST.as_bytes()).unwrap();
    assert_eq!(manifest.job_ads, JobAds::default());
    assert_eq!(manifest.job_ads.rules_max_age_days, 365);
    assert_eq!(manifest.policy.move_policy, None);
    assert!(!manifest.policy.require_grade);
    let text = MANIFEST.replace(
        "\"policy\": {",
        r#""index": null, "notice": "Illustrative \u00e9\ud83d\ude00",
        "job_ads": { "employees": 40, "employees_in": { "US-CA": 12 }, "state_equity": true,
                     "statements": { "ai-screening": "We use no \"AI\"." }, "benefits_url": null },
        "policy": { "move": "never-lower", "max_overlap": 0.5, "require_grade": true,"#,
    );
    let manifest = parse_manifest("paygrade.json", text.as_bytes()).unwrap();
    assert_eq!(manifest.index, None);
    assert_eq!(manifest.notice.as_deref(), Some("Illustrative é😀"));
    assert_eq!(manifest.policy.move_policy.as_deref(), Some("never-lower"));
    assert_eq!(manifest.policy.max_overlap, Some(0.5));
    assert!(manifest.policy.require_grade);
    let ads = &manifest.job_ads;
    assert_eq!(ads.employees, Some(40));
    assert_eq!(ads.employees_in.get("US-CA"), Some(&12));
    assert!(ads.state_equity);
    assert_eq!(ads.rules_max_age_days, 365);
    assert_eq!(
        ads.statements.get("ai-screening").map(String::as_str),
        Some("We use no \"AI\".")
    );
    assert_eq!(manifest.file, "paygrade.json");
}
