//! `paygrade check DIR`: every problem the page would report, for a handbook's CI.

use std::path::Path;
use std::process::ExitCode;

use crate::folder::read_data_folder;
use crate::report::{problem_line, problems_json, summary, Format};
use crate::{write_stdout, CliError};

/// Prints the folder's problems on stdout and the count on stderr; exit 1 on any error.
pub fn run(dir: &Path, format: Format) -> Result<ExitCode, CliError> {
    let folder = read_data_folder(dir)?;
    let text = match format {
        Format::Text => folder
            .problems
            .iter()
            .map(|problem| problem_line(dir, problem) + "\n")
            .collect::<String>(),
        Format::Json => problems_json(dir, &folder.problems),
    };
    write_stdout(&text)?;
    eprintln!("{}", summary(&folder.problems, folder.files_read));
    Ok(exit_for(&folder.problems))
}

/// 1 when any problem is an error, else 0: warnings inform, they do not fail CI.
pub fn exit_for(problems: &[paygrade_core::model::DataError]) -> ExitCode {
    if problems.iter().any(|problem| problem.is_error()) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
