//! Paths named by the manifest: relative, inside the data folder, nothing a URL parser could
//! read as another origin or a parent directory.

use crate::model::DataError;

/// Checks a manifest path and returns it normalised (`./a//b.csv` → `a/b.csv`).
pub fn resolve_data_path(file: &str, relative: &str) -> Result<String, DataError> {
    let reject = |why: &str| {
        Err(DataError::file(
            file,
            format!(
                "path \"{relative}\" {why}; paths must be relative and stay inside the data folder"
            ),
        ))
    };
    if relative.trim().is_empty() {
        return reject("is empty");
    }
    if relative.starts_with('/') {
        return reject("starts with '/'");
    }
    if relative.contains('\\') {
        return reject("contains '\\'");
    }
    if relative.contains(':') {
        return reject("has a scheme or drive (':')");
    }
    if relative.contains('?') || relative.contains('#') {
        return reject("has a query or fragment");
    }
    if relative.contains('%') {
        return reject("contains '%' escapes");
    }
    if relative.chars().any(|c| c.is_control()) {
        return reject("contains control characters");
    }
    let mut segments = Vec::new();
    for segment in relative.split('/') {
        match segment {
            "" | "." => {}
            ".." => return reject("contains a '..' segment"),
            other if other.trim() != other => {
                return reject("has a segment with surrounding spaces")
            }
            other => segments.push(other),
        }
    }
    if segments.is_empty() {
        return reject("names no file");
    }
    Ok(segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_plain_relative_paths_and_normalises_dots() {
        assert_eq!(resolve_data_path("m", "grades.csv").unwrap(), "grades.csv");
        assert_eq!(
            resolve_data_path("m", "./roles//vp.md").unwrap(),
            "roles/vp.md"
        );
    }

    #[test]
    fn rejects_anything_that_could_leave_the_folder() {
        for bad in [
            "",
            "/etc/passwd",
            "//evil.example/x.csv",
            "https://evil.example/x.csv",
            "c:x.csv",
            "a\\b.csv",
            "../x.csv",
            "roles/../../x.csv",
            "x.csv?y=1",
            "x.csv#f",
            "%2e%2e/x.csv",
            "./",
            "a/\tb.csv",
            " x.csv",
        ] {
            let error = resolve_data_path("paygrade.json", bad).unwrap_err();
            assert_eq!(error.file, "paygrade.json", "{bad}");
        }
    }
}
