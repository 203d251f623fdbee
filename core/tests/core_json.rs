//! The JSON files (manifest and role index) as the hand-written reader takes them: the index round-trips
//! through serde_json's writer, errors name line and field, and no input makes either parser panic.

use paygrade_core::model::{IndexEntry, IndexLevel, RoleIndex, INDEX_VERSION};
use paygrade_core::parse::{parse_index, parse_manifest};
use proptest::prelude::*;

fn level(title: &str, grade: Option<u8>) -> IndexLevel {
    IndexLevel {
        title: title.to_string(),
        slug: title.to_lowercase(),
        grade,
    }
}

fn entry(id: &str, midpoint: Option<f64>) -> IndexEntry {
    IndexEntry {
        id: id.to_string(),
        file: format!("roles/{id}.md"),
        title: format!("Title of \"{id}\" — ü 😀 \u{1}"),
        department: id.split_once('/').map(|(folder, _)| folder.to_string()),
        description: String::new(),
        slug: id.rsplit('/').next().unwrap_or(id).to_string(),
        midpoint,
        levels: vec![level("Senior", Some(7)), level("Staff", None)],
        family: None,
    }
}

#[test]
fn an_index_written_by_serde_json_reads_back_equal() {
    let mut index = RoleIndex {
        version: INDEX_VERSION,
        roles: vec![
            entry("eng/backend", Some(420_000.0)),
            entry("eng/frontend", Some(1.5e16)),
            entry("vp", None),
        ],
    };
    index.roles[2].description = "Leads \\ everything\n".to_string();
    index.roles[2].family = Some("eng".to_string());
    for text in [
        serde_json::to_vec(&index).unwrap(),
        serde_json::to_vec_pretty(&index).unwrap(),
    ] {
        assert_eq!(parse_index("index.json", &text), Ok(index.clone()));
    }
}

#[test]
fn index_errors_name_the_line_and_the_field_path() {
    // serde_json::Value sorts keys: `roles` comes first, each entry opens on line 3.
    let pretty = |json: serde_json::Value| serde_json::to_string_pretty(&json).unwrap();
    let good = serde_json::to_value(RoleIndex {
        version: INDEX_VERSION,
        roles: vec![entry("eng/backend", None)],
    })
    .unwrap();

    let mut bad = good.clone();
    bad["roles"][0]["levels"][1]["colour"] = "red".into();
    let errors = parse_index("index.json", pretty(bad).as_bytes()).unwrap_err();
    assert_eq!(
        errors[0].field.as_deref(),
        Some("roles[0].levels[1].colour")
    );
    assert!(errors[0]
        .message
        .starts_with("unknown field; expected one of title, slug, grade"));

    let mut bad = good.clone();
    bad["roles"][0]["levels"][0]["grade"] = 256.into();
    let errors = parse_index("index.json", pretty(bad).as_bytes()).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "index.json line 9, field \"roles[0].levels[0].grade\": 256 must be a whole number from 0 to 255"
    );

    let mut bad = good.clone();
    bad["roles"][0].as_object_mut().unwrap().remove("slug");
    let errors = parse_index("index.json", pretty(bad).as_bytes()).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "index.json line 3, field \"roles[0].slug\": required field is missing"
    );

    // A newer index is named as such even when its fields are new too.
    let mut newer = good.clone();
    newer["version"] = 2.into();
    newer["generator"] = "paygrade 9".into();
    let errors = parse_index("index.json", pretty(newer).as_bytes()).unwrap_err();
    assert_eq!(errors[0].field.as_deref(), Some("version"));
    assert!(errors[0]
        .message
        .starts_with("is 2, but this paygrade reads version 1"));

    let errors = parse_index("index.json", b"{\"roles\": []}").unwrap_err();
    assert_eq!(errors[0].field.as_deref(), Some("version"));
    assert_eq!(errors[0].message, "required field is missing");
    let errors = parse_index("index.json", b"{\"version\": 1, \"roles\": [] ").unwrap_err();
    assert!(errors[0]
        .message
        .starts_with("is not valid JSON: the file ends too soon"));
}

/// Bytes that are mostly JSON's own, so the generator reaches deep into the grammar.
fn json_like() -> impl Strategy<Value = Vec<u8>> {
    let alphabet =
        b"{}[]\":,. \n\\/0123456789-+eEtrufalsn\xC3\xA9\xF0\x9F\x98\x80\xEF\xBB\xBFx".to_vec();
    proptest::collection::vec(proptest::sample::select(alphabet), 0..200)
}

fn manifest_with(value: &str) -> String {
    format!(
        r#"{{"organisation": {value}, "as_of": "2026-11-01", "reference": {{"market": "X", "currency": "USD"}},
            "tables": {{"grades": "g.csv", "locations": "l.csv", "currencies": "c.csv"}}, "policy": {{}} }}"#
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_manifest("paygrade.json", &bytes);
        let _ = parse_index("index.json", &bytes);
    }

    #[test]
    fn json_like_bytes_never_panic(bytes in json_like()) {
        let mut manifest = b"{\"organisation\": ".to_vec();
        manifest.extend_from_slice(&bytes);
        let _ = parse_manifest("paygrade.json", &manifest);
        let _ = parse_index("index.json", &bytes);
    }

    #[test]
    fn any_string_reads_back_as_serde_json_wrote_it(text in any::<String>()) {
        let json = manifest_with(&serde_json::to_string(&text).unwrap());
        let manifest = parse_manifest("paygrade.json", json.as_bytes()).unwrap();
        prop_assert_eq!(manifest.organisation, text);
    }

    #[test]
    fn figures_read_back_exactly_as_serde_json_wrote_them(cents in 0u64..100_000_000_000_000, scale in 0i32..12) {
        let midpoint = cents as f64 / 10f64.powi(scale);
        let index = RoleIndex { version: INDEX_VERSION, roles: vec![entry("vp", Some(midpoint))] };
        let text = serde_json::to_vec(&index).unwrap();
        prop_assert_eq!(parse_index("index.json", &text), Ok(index));
    }
}
