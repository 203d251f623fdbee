//! Any bytes as `paygrade.json`, then the paths it names: never a panic, and no path that is
//! fetched can leave the data folder.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paygrade_core::parse::{parse_manifest, resolve_data_path};

/// What a fetched path may never be: absolute, schemed, escaped, or climbing out.
fn assert_inside_data_folder(path: &str) {
    assert!(!path.is_empty());
    assert!(!path.starts_with('/'), "{path:?}");
    assert!(!path.contains([':', '\\', '%', '?', '#']), "{path:?}");
    assert!(!path.chars().any(char::is_control), "{path:?}");
    assert!(
        path.split('/')
            .all(|segment| !segment.is_empty() && segment != "." && segment != ".."),
        "{path:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    if let Ok(manifest) = parse_manifest("paygrade.json", data) {
        let (files, errors) = manifest.files();
        for file in &files {
            assert_inside_data_folder(file);
        }
        for error in &errors {
            assert_eq!(error.file, "paygrade.json");
        }
    }
    // The path rule on its own, with the raw input as a path.
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(path) = resolve_data_path("paygrade.json", text) {
            assert_inside_data_folder(&path);
        }
    }
});
