//! Reading a data folder from disk the way the page fetches it over HTTP: the manifest, every file it
//! names, and every page under a folder entry of `roles` (which a static host cannot list, so the page
//! relies on the index and this command walks the folder itself).
//!
//! A file the manifest names that does not exist is a data problem (the page would get a 404 and report
//! it); a folder or manifest that is missing, or a file that exists but cannot be read, is an IO problem
//! and stops the command.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use paygrade_core::model::{DataError, Dataset, Date, RuleSet};
use paygrade_core::parse::{
    parse_manifest, resolve_data_path, with_maintained_rules, FetchedFiles, MAINTAINED_RULES,
    MAINTAINED_RULES_CSV, MANIFEST,
};

/// How deep a folder entry of `roles` is walked; deeper folders are reported, never followed (a
/// symlink loop must not hang CI).
const MAX_DEPTH: usize = 32;

/// A data folder as read from disk: the dataset when the manifest could be read, and every problem the
/// page would report.
#[derive(Debug)]
pub struct DataFolder {
    /// `None` when the manifest itself is unusable (its problems are in `problems`).
    pub dataset: Option<Dataset>,
    /// Problems in the data, in the order the core found them.
    pub problems: Vec<DataError>,
    /// How many files were read, the manifest included.
    pub files_read: usize,
    /// The index file's path relative to the folder, when the manifest names one.
    pub index_file: Option<String>,
}

/// Why a data folder could not be read at all: the command stops with exit code 2.
#[derive(Debug)]
pub enum FolderError {
    /// The folder does not exist.
    MissingFolder(PathBuf),
    /// The path exists but is a file.
    NotAFolder(PathBuf),
    /// The folder has no `paygrade.json`.
    MissingManifest(PathBuf),
    /// A file or folder exists but reading it failed (permissions, a device error).
    Unreadable { path: PathBuf, source: io::Error },
}

impl fmt::Display for FolderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FolderError::MissingFolder(path) => {
                write!(f, "the data folder {} does not exist", path.display())
            }
            FolderError::NotAFolder(path) => write!(
                f,
                "{} is a file, not a data folder; name the folder that holds {MANIFEST}",
                path.display()
            ),
            FolderError::MissingManifest(path) => write!(
                f,
                "{} was not found; a data folder starts with its manifest (see docs/data-format.md)",
                path.display()
            ),
            FolderError::Unreadable { path, source } => {
                write!(f, "cannot read {}: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for FolderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FolderError::Unreadable { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Reads `dir/paygrade.json` and everything it names, then assembles the dataset as the page does.
pub fn read_data_folder(dir: &Path) -> Result<DataFolder, FolderError> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(FolderError::NotAFolder(dir.to_path_buf())),
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Err(FolderError::MissingFolder(dir.to_path_buf()))
        }
        Err(source) => {
            return Err(FolderError::Unreadable {
                path: dir.to_path_buf(),
                source,
            })
        }
    }
    let manifest_path = dir.join(MANIFEST);
    let manifest_bytes = match fs::read(&manifest_path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Err(FolderError::MissingManifest(manifest_path))
        }
        Err(source) => {
            return Err(FolderError::Unreadable {
                path: manifest_path,
                source,
            })
        }
    };
    let manifest = match parse_manifest(MANIFEST, &manifest_bytes) {
        Ok(manifest) => manifest,
        Err(problems) => {
            return Ok(DataFolder {
                dataset: None,
                problems,
                files_read: 1,
                index_file: None,
            })
        }
    };

    // Bad paths are reported once, by the core, exactly as the page reports them.
    let (_, mut problems) = manifest.files();
    let resolve = |path: &str| resolve_data_path(MANIFEST, path).ok();
    let tables: Vec<String> = manifest
        .tables
        .paths()
        .into_iter()
        .filter_map(|path| resolve(path))
        .collect();
    let index_file = manifest.index.as_deref().and_then(resolve);

    // Files a folder walk must not take for role pages.
    let mut not_pages: BTreeSet<String> = tables.iter().cloned().collect();
    not_pages.insert(MANIFEST.to_string());
    not_pages.extend(index_file.iter().cloned());

    let mut reader = Reader {
        dir,
        files: FetchedFiles::new(),
        files_read: 1,
    };
    for table in &tables {
        reader.read(table)?;
    }
    if let Some(index) = &index_file {
        if reader.read(index)?.is_some() {
            reader.files.insert(
                index.clone(),
                Err(format!(
                    "was not found; run `paygrade index {}` to write it",
                    dir.display()
                )),
            );
        }
    }
    for (position, entry) in manifest.roles.iter().enumerate() {
        let Some(resolved) = resolve(entry) else {
            continue;
        };
        let field = format!("roles[{position}]");
        if !entry.ends_with('/') {
            if let Some(reason) = reader.read(&resolved)? {
                if manifest.index.is_some() {
                    // With an index the page fetches pages one by one, so a missing one is reported here,
                    // with its entry, and taken out of `files` so the core does not report it again
                    // (without an index the core reports it, from the entry left in `files`).
                    problems.push(DataError::field(
                        MANIFEST,
                        None,
                        &field,
                        format!("the page \"{resolved}\" {reason}"),
                    ));
                    reader.files.remove(&resolved);
                }
            }
            continue;
        }
        let mut pages = Vec::new();
        walk(
            dir,
            &resolved,
            0,
            &not_pages,
            &field,
            &mut pages,
            &mut problems,
        )?;
        if manifest.index.is_none() && !pages.is_empty() {
            // This command can list the folder; the page cannot, and without an index shows none of it.
            // (A folder with no pages at all is reported by the core.)
            problems.push(DataError::field(
                MANIFEST,
                None,
                &field,
                format!(
                    "names the folder \"{entry}\" but the manifest has no \"index\", so the page cannot \
                     list it and shows none of its {} pages; run `paygrade index` on the data folder and add \
                     \"index\": \"index.json\"",
                    pages.len()
                ),
            ));
        }
        for page in &pages {
            reader.read(page)?;
        }
    }
    let Reader {
        files, files_read, ..
    } = reader;

    let (mut dataset, assembled) = Dataset::assemble(manifest, &files);
    problems.extend(assembled);
    // The maintained rules built into this binary, with the folder's own laid over them, as on the page.
    problems.extend(with_maintained_rules(
        &mut dataset,
        Ok(MAINTAINED_RULES_CSV.as_bytes()),
    ));
    problems.extend(stale_rules(&dataset, Date::today_utc()));
    if let Some(index) = &index_file {
        problems.extend(pages_the_index_lacks(dir, index, &dataset, &files));
    }
    Ok(DataFolder {
        dataset: Some(dataset),
        problems,
        files_read,
        index_file,
    })
}

/// Entries of a readable index whose page is not there: the page would list the role and fail to open it.
/// (The core says the index is out of date; this says which entry, even when no page was read at all.)
fn pages_the_index_lacks(
    dir: &Path,
    index: &str,
    dataset: &Dataset,
    files: &FetchedFiles,
) -> Vec<DataError> {
    if !matches!(files.get(index), Some(Ok(_))) {
        return Vec::new();
    }
    let mut problems = Vec::new();
    for entry in &dataset.index.roles {
        match resolve_data_path(index, &entry.file) {
            Ok(page) if matches!(files.get(&page), Some(Ok(_))) => {}
            Ok(page) => problems.push(DataError::field(
                index,
                None,
                "roles",
                format!(
                    "lists the page \"{page}\" (role {}), which was not found; run `paygrade index {}`",
                    entry.id,
                    dir.display()
                ),
            )),
            Err(problem) => problems.push(problem),
        }
    }
    problems
}

/// Collects the files read so far, each read once.
struct Reader<'a> {
    dir: &'a Path,
    files: FetchedFiles,
    files_read: usize,
}

impl Reader<'_> {
    /// Reads a file into `files` unless it is there already; returns why it is missing, if it is.
    fn read(&mut self, relative: &str) -> Result<Option<String>, FolderError> {
        if let Some(fetched) = self.files.get(relative) {
            return Ok(fetched.as_ref().err().cloned());
        }
        let fetched = read_named_file(self.dir, relative)?;
        if fetched.is_ok() {
            self.files_read += 1;
        }
        let missing = fetched.as_ref().err().cloned();
        self.files.insert(relative.to_string(), fetched);
        Ok(missing)
    }
}

/// One file the manifest names: its bytes, or (as the page would see a 404) why it is not there.
fn read_named_file(dir: &Path, relative: &str) -> Result<Result<Vec<u8>, String>, FolderError> {
    let path = dir.join(relative);
    match fs::read(&path) {
        Ok(bytes) => Ok(Ok(bytes)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            Ok(Err("was not found".to_string()))
        }
        Err(_) if path.is_dir() => Ok(Err(format!(
            "is a folder; write \"{relative}/\" in the manifest to load every page in it"
        ))),
        Err(source) => Err(FolderError::Unreadable { path, source }),
    }
}

/// Lists every file under `folder` (relative to `dir`), sorted, depth first, skipping hidden names and
/// the files in `skip`. A missing folder or a non-UTF-8 name is a data problem, reported against the
/// manifest field that named the folder.
fn walk(
    dir: &Path,
    folder: &str,
    depth: usize,
    skip: &BTreeSet<String>,
    field: &str,
    pages: &mut Vec<String>,
    problems: &mut Vec<DataError>,
) -> Result<(), FolderError> {
    let path = dir.join(folder);
    let entries = match fs::read_dir(&path) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            problems.push(DataError::field(
                MANIFEST,
                None,
                field,
                format!("the folder \"{folder}/\" was not found"),
            ));
            return Ok(());
        }
        Err(_) if path.is_file() => {
            problems.push(DataError::field(
                MANIFEST,
                None,
                field,
                format!("\"{folder}/\" is a file, not a folder; name it without the final '/'"),
            ));
            return Ok(());
        }
        Err(source) => return Err(FolderError::Unreadable { path, source }),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| FolderError::Unreadable {
            path: path.clone(),
            source,
        })?;
        names.push(entry.file_name());
    }
    names.sort();
    for name in names {
        let Some(name) = name.to_str() else {
            problems.push(
                DataError::field(
                    MANIFEST,
                    None,
                    field,
                    format!(
                        "{}/{} has a name that is not UTF-8 and is skipped",
                        folder,
                        name.to_string_lossy()
                    ),
                )
                .warning(),
            );
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let relative = format!("{folder}/{name}");
        if skip.contains(&relative) {
            continue;
        }
        let full = dir.join(&relative);
        let meta = fs::metadata(&full).map_err(|source| FolderError::Unreadable {
            path: full.clone(),
            source,
        })?;
        if meta.is_dir() {
            if depth + 1 >= MAX_DEPTH {
                problems.push(
                    DataError::field(
                        MANIFEST,
                        None,
                        field,
                        format!("{relative}/ is more than {MAX_DEPTH} folders deep and is skipped"),
                    )
                    .warning(),
                );
                continue;
            }
            walk(dir, &relative, depth + 1, skip, field, pages, problems)?;
        } else {
            pages.push(relative);
        }
    }
    Ok(())
}

/// Rules last checked longer ago than the manifest's review age (`job_ads.rules_max_age_days`): one
/// warning per row of the folder's own file, and one for the maintained rules (updating paygrade fixes them).
fn stale_rules(dataset: &Dataset, today: Option<Date>) -> Vec<DataError> {
    let max_age = dataset.manifest.job_ads.rules_max_age_days;
    let stale: Vec<&RuleSet> = dataset
        .pay_rules
        .iter()
        .filter(|rule| rule.review_stale(today, max_age))
        .collect();
    let (maintained, own): (Vec<&RuleSet>, Vec<&RuleSet>) = stale
        .into_iter()
        .partition(|rule| rule.file == MAINTAINED_RULES);
    let mut warnings: Vec<DataError> = own
        .iter()
        .map(|rule| {
            DataError::field(
                &rule.file,
                Some(rule.line),
                "reviewed",
                format!(
                    "rule \"{}\" was last checked against its sources on {}, more than {max_age} days ago (job_ads.rules_max_age_days)",
                    rule.id, rule.reviewed
                ),
            )
            .warning()
        })
        .collect();
    if let Some(oldest) = maintained.iter().map(|rule| rule.reviewed).min() {
        warnings.push(
            DataError::file(
                MAINTAINED_RULES,
                format!(
                    "{} of the maintained rules were last checked before {} (the oldest on {oldest}), more than {max_age} days ago: update paygrade for newer ones",
                    maintained.len(),
                    today.map(|t| t.to_string()).unwrap_or_default()
                ),
            )
            .warning(),
        );
    }
    warnings
}
