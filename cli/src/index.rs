//! `paygrade index DIR`: the role index the page lists and opens roles from, written so it diffs cleanly
//! in review (sorted by id, pretty JSON, a final newline, the same bytes for the same pages).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use paygrade_core::model::{DataError, Dataset, RoleIndex};

use crate::folder::{read_data_folder, DataFolder};
use crate::report::{count, problem_line, summary};
use crate::{write_stdout, CliError};

/// The index file's name when the manifest names none.
pub const DEFAULT_INDEX: &str = "index.json";

/// Where the index goes.
enum Target {
    Stdout,
    File(PathBuf),
}

/// Writes (or with `check`, compares) the index; data problems are reported on stderr.
pub fn run(dir: &Path, output: Option<&Path>, check: bool) -> Result<ExitCode, CliError> {
    let (folder, index_file, _) = read_for_index(dir)?;
    let Some(dataset) = folder.dataset else {
        eprintln!(
            "paygrade: cannot index {}: its manifest has errors",
            dir.display()
        );
        return Ok(ExitCode::FAILURE);
    };

    let (index, text) = index_for(&dataset)?;
    let target = match output {
        Some(path) if path == Path::new("-") => Target::Stdout,
        Some(path) => Target::File(path.to_path_buf()),
        None => Target::File(dir.join(&index_file)),
    };
    let roles = count(index.roles.len(), "role", "roles");

    if check {
        let Target::File(path) = target else {
            eprintln!(
                "paygrade: --check compares the index file, so it cannot be used with --output -"
            );
            return Ok(ExitCode::from(2));
        };
        let how_to_fix = format!("run `paygrade index {}`", dir.display());
        return Ok(match fs::read(&path) {
            Ok(existing) if existing == text.as_bytes() => {
                eprintln!("{} is up to date ({roles})", path.display());
                ExitCode::SUCCESS
            }
            Ok(_) => {
                eprintln!(
                    "{}: error: is out of date: it does not list the pages as they are; {how_to_fix}",
                    path.display()
                );
                ExitCode::FAILURE
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                eprintln!("{}: error: does not exist; {how_to_fix}", path.display());
                ExitCode::FAILURE
            }
            Err(source) => {
                return Err(CliError::Read {
                    target: path.display().to_string(),
                    source,
                })
            }
        });
    }

    match target {
        Target::Stdout => write_stdout(&text)?,
        Target::File(path) => {
            fs::write(&path, &text).map_err(|source| CliError::Write {
                target: path.display().to_string(),
                source,
            })?;
            eprintln!("wrote {} ({roles})", path.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Where the folder's index goes, relative to it: the file its manifest names, else `index.json`.
pub fn index_file(folder: &DataFolder) -> String {
    folder
        .index_file
        .clone()
        .unwrap_or_else(|| DEFAULT_INDEX.to_string())
}

/// The folder read for writing its index (`index`, `site`): its problems but those of the index about to be
/// written, reported on stderr with a count, and the index's file name.
pub fn read_for_index(dir: &Path) -> Result<(DataFolder, String, Vec<DataError>), CliError> {
    let mut folder = read_data_folder(dir)?;
    let index_file = index_file(&folder);
    let problems = problems_besides_index(std::mem::take(&mut folder.problems), &index_file);
    for problem in &problems {
        eprintln!("{}", problem_line(dir, problem));
    }
    if !problems.is_empty() {
        eprintln!("{}", summary(&problems, folder.files_read));
    }
    Ok((folder, index_file, problems))
}

/// The folder's problems but those with its current index: writing the index is what fixes them.
pub fn problems_besides_index(problems: Vec<DataError>, index_file: &str) -> Vec<DataError> {
    problems
        .into_iter()
        .filter(|problem| problem.file != index_file)
        .collect()
}

/// The index of the dataset's pages and its text as written; `paygrade site` writes the same bytes.
pub fn index_for(dataset: &Dataset) -> Result<(RoleIndex, String), CliError> {
    let index = RoleIndex::from_roles(&dataset.roles);
    let text = index_json(&index)?;
    Ok((index, text))
}

/// The index as written: pretty JSON (two-space indent, fields in declaration order) and a final newline.
pub fn index_json(index: &RoleIndex) -> Result<String, CliError> {
    serde_json::to_string_pretty(index)
        .map(|text| text + "\n")
        .map_err(|error| CliError::Write {
            target: "the index".to_string(),
            source: io::Error::other(error),
        })
}
