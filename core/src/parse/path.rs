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

/// A role's id from its page's path in the data folder: folders and file name slugged, the extension
/// dropped, `_index`/`index` naming their folder (Hugo's convention) and a leading `roles/` left out, so
/// `roles/engineering/backend/_index.md` is `engineering/backend`. Two pages never share an id unless
/// their paths differ only in case, punctuation or extension (reported as a collision).
pub fn role_id(path: &str) -> String {
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if let Some(last) = segments.pop() {
        let stem = match last.rfind('.') {
            Some(dot) if dot > 0 => last.get(..dot).unwrap_or(last),
            _ => last,
        };
        // Hugo's `page.html.md` is the page `page`.
        let stem = stem
            .strip_suffix(".html")
            .filter(|rest| !rest.is_empty())
            .unwrap_or(stem);
        if !matches!(stem, "_index" | "index") || segments.is_empty() {
            segments.push(stem);
        }
    }
    if segments.len() > 1 && segments.first() == Some(&"roles") {
        segments.remove(0);
    }
    let slugs: Vec<String> = segments
        .iter()
        .map(|segment| crate::model::slug(segment))
        .filter(|slug| !slug.is_empty())
        .collect();
    slugs.join("/")
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

    #[test]
    fn role_ids_come_from_paths_so_same_names_never_collide() {
        assert_eq!(
            role_id("roles/vp-strategy-developer-relations.md"),
            "vp-strategy-developer-relations"
        );
        assert_eq!(
            role_id("roles/engineering/backend/_index.md"),
            "engineering/backend"
        );
        assert_eq!(role_id("roles/sales/associate.md"), "sales/associate");
        assert_eq!(
            role_id("roles/marketing/associate.md"),
            "marketing/associate"
        );
        assert_eq!(
            role_id("Job Families/Engineering/index.html.md"),
            "job-families/engineering"
        );
        assert_eq!(
            role_id("engineering/STAFF_ENGINEER"),
            "engineering/staff-engineer"
        );
        assert_eq!(role_id("roles/_index.md"), "roles");
    }
}
