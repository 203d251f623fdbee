//! A data folder as bytes, and the reader's own files laid over it: the same parsing and checks either way.

use crate::model::{DataError, Dataset, Manifest};

use super::{parse_manifest, FetchedFiles};

/// The manifest's fixed name inside every data folder.
pub const MANIFEST: &str = "paygrade.json";

/// A parsed manifest and the files it names, as fetched or as opened from disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Sources {
    pub manifest: Manifest,
    pub files: FetchedFiles,
    /// The maintained pay-transparency rules that ship with paygrade (`rules/pay-rules.csv`), as fetched
    /// from the site or built into a native program; `None` uses the folder's own rules alone.
    pub maintained_rules: Option<Result<Vec<u8>, String>>,
}

impl Sources {
    /// A folder's files with the maintained rules that native programs carry built in.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_built_in_rules(manifest: Manifest, files: FetchedFiles) -> Sources {
        Sources {
            manifest,
            files,
            maintained_rules: Some(Ok(super::MAINTAINED_RULES_CSV.as_bytes().to_vec())),
        }
    }

    /// Parses and cross-checks everything, reporting bad manifest paths as well, with the folder's own
    /// rules laid over the maintained ones.
    pub fn assemble(&self) -> (Dataset, Vec<DataError>) {
        let (_, mut errors) = self.manifest.files();
        let (mut dataset, more) = Dataset::assemble(self.manifest.clone(), &self.files);
        errors.extend(more);
        if let Some(maintained) = &self.maintained_rules {
            let maintained = maintained.as_ref().map(Vec::as_slice).map_err(Clone::clone);
            errors.extend(super::with_maintained_rules(&mut dataset, maintained));
        }
        (dataset, errors)
    }
}

/// What the reader's files did, so the page can say plainly whose data is showing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LocalReport {
    /// A whole data folder (it had its own manifest): nothing published is shown.
    pub whole_folder: bool,
    /// Published files a local file stands in for.
    pub replaced: Vec<String>,
    /// Local role pages added to the published roles.
    pub added: Vec<String>,
    /// Local files that matched nothing and were not used.
    pub ignored: Vec<String>,
}

/// Lays `local` (path → bytes; a folder's paths relative to it) over the `published` data.
///
/// With a `paygrade.json` among them, the local files are a whole data folder on their own. Otherwise each
/// table replaces the published table of the same file name, and a role page replaces the published page
/// of the same name or is added as a new role.
pub fn overlay(
    published: Option<&Sources>,
    local: &crate::names::Names<Vec<u8>>,
) -> Result<(Sources, LocalReport), Vec<DataError>> {
    if let Some(manifest_bytes) = local.get(MANIFEST) {
        let manifest = parse_manifest(MANIFEST, manifest_bytes)?;
        let files = local
            .iter()
            .filter(|(path, _)| path.as_str() != MANIFEST)
            .map(|(path, bytes)| (path.clone(), Ok(bytes.clone())))
            .collect();
        let report = LocalReport {
            whole_folder: true,
            ..LocalReport::default()
        };
        let maintained_rules = published.and_then(|published| published.maintained_rules.clone());
        return Ok((
            Sources {
                manifest,
                files,
                maintained_rules,
            },
            report,
        ));
    }
    let Some(published) = published else {
        return Err(vec![DataError::file(
            MANIFEST,
            "is needed: the published data could not be loaded, so open a whole data folder with its paygrade.json",
        )]);
    };
    let mut sources = published.clone();
    let mut report = LocalReport::default();
    // Pages an index lists are not fetched up front, but a local page of the same name still stands in for one.
    let (mut published_paths, _) = published.manifest.files();
    published_paths.extend(published.manifest.named_pages());
    for (path, bytes) in local {
        let name = file_name(path);
        let same_name = published_paths.iter().find(|p| file_name(p) == name);
        if let Some(target) = same_name {
            sources.files.insert(target.clone(), Ok(bytes.clone()));
            report.replaced.push(target.clone());
        } else if name.ends_with(".md") {
            let added = format!("local/{name}");
            sources.manifest.roles.push(added.clone());
            sources.files.insert(added, Ok(bytes.clone()));
            report.added.push(name.to_string());
        } else {
            report.ignored.push(path.clone());
        }
    }
    Ok((sources, report))
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published() -> Sources {
        let manifest = br#"{ "organisation": "Example Co.", "as_of": "2026-11-01",
            "reference": { "market": "San Francisco", "currency": "USD" },
            "tables": { "grades": "grades.csv", "locations": "locations.csv", "currencies": "currencies.csv" },
            "roles": ["roles/a.md"], "policy": { "rounding": 100 } }"#;
        let manifest = parse_manifest(MANIFEST, manifest).unwrap();
        let files = [
            "grades.csv",
            "locations.csv",
            "currencies.csv",
            "roles/a.md",
        ]
        .into_iter()
        .map(|p| (p.to_string(), Ok(p.as_bytes().to_vec())))
        .collect();
        Sources {
            manifest,
            files,
            maintained_rules: None,
        }
    }

    #[test]
    fn a_single_table_replaces_the_published_one_of_the_same_name() {
        let local = crate::names::Names::from([("locations.csv".to_string(), b"mine".to_vec())]);
        let (sources, report) = overlay(Some(&published()), &local).unwrap();
        assert_eq!(
            sources.files.get("locations.csv"),
            Some(&Ok(b"mine".to_vec()))
        );
        assert_eq!(
            sources.files.get("grades.csv"),
            Some(&Ok(b"grades.csv".to_vec()))
        );
        assert_eq!(report.replaced, vec!["locations.csv"]);
        assert!(!report.whole_folder);
    }

    #[test]
    fn role_pages_replace_by_name_or_are_added_and_strangers_are_ignored() {
        let local = crate::names::Names::from([
            ("a.md".to_string(), b"new a".to_vec()),
            ("b.md".to_string(), b"b".to_vec()),
            ("notes.txt".to_string(), b"?".to_vec()),
        ]);
        let (sources, report) = overlay(Some(&published()), &local).unwrap();
        assert_eq!(
            sources.files.get("roles/a.md"),
            Some(&Ok(b"new a".to_vec()))
        );
        assert_eq!(sources.manifest.roles, vec!["roles/a.md", "local/b.md"]);
        assert_eq!(report.added, vec!["b.md"]);
        assert_eq!(report.ignored, vec!["notes.txt"]);
    }

    #[test]
    fn a_folder_with_its_own_manifest_stands_alone() {
        let manifest = br#"{ "organisation": "Mine", "as_of": "2026-01-01",
            "reference": { "market": "Here", "currency": "EUR" },
            "tables": { "grades": "g.csv", "locations": "l.csv", "currencies": "c.csv" }, "policy": {} }"#;
        let local = crate::names::Names::from([
            (MANIFEST.to_string(), manifest.to_vec()),
            ("g.csv".to_string(), b"g".to_vec()),
        ]);
        let (sources, report) = overlay(None, &local).unwrap();
        assert!(report.whole_folder);
        assert_eq!(sources.manifest.organisation, "Mine");
        assert_eq!(sources.files.len(), 1);
        let (_, errors) = sources.assemble();
        assert!(errors.iter().any(|e| e.file == "l.csv"), "{errors:?}");
    }

    #[test]
    fn single_files_without_published_data_ask_for_a_folder() {
        let local = crate::names::Names::from([("locations.csv".to_string(), b"x".to_vec())]);
        let errors = overlay(None, &local).unwrap_err();
        assert!(errors[0].to_string().contains("open a whole data folder"));
    }
}
