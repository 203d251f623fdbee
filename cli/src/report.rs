//! Problems as a terminal, an editor or a CI log reads them: one line each in the compiler convention
//! (`FILE:LINE: error: field: message`), or a JSON array for tools, and a closing count.

use std::path::Path;

use paygrade_core::model::{DataError, Severity};
use serde_json::json;

/// Output format shared by the subcommands that print reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per problem or change, for people, editors and CI logs.
    Text,
    /// One JSON document, for tools.
    Json,
}

/// The problem's file as the user can open it: joined onto the folder as they named it, so a path
/// relative to the current directory stays relative and editors and CI logs link it.
pub fn display_path(dir: &Path, file: &str) -> String {
    dir.join(file).display().to_string()
}

/// `error` or `warning`, as the line and the JSON say it.
pub fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// One problem on one line: `FILE:LINE: SEVERITY: FIELD: MESSAGE`, dropping `LINE` or `FIELD` when the
/// problem has none. Line breaks in a message become spaces so one problem is always one line.
pub fn problem_line(dir: &Path, problem: &DataError) -> String {
    let mut line = display_path(dir, &problem.file);
    if let Some(number) = problem.line {
        line.push(':');
        line.push_str(&number.to_string());
    }
    line.push_str(": ");
    line.push_str(severity_word(problem.severity));
    line.push_str(": ");
    if let Some(field) = &problem.field {
        line.push_str(field);
        line.push_str(": ");
    }
    line.push_str(&one_line(&problem.message));
    line
}

/// The problems as `check --format json` prints them: a pretty array of objects whose keys keep the
/// order `file, line, field, severity, message` (serde_json's own maps would sort them), and a final
/// newline.
pub fn problems_json(dir: &Path, problems: &[DataError]) -> String {
    if problems.is_empty() {
        return "[]\n".to_string();
    }
    let objects: Vec<String> = problems
        .iter()
        .map(|problem| {
            let fields = [
                ("file", json!(display_path(dir, &problem.file))),
                ("line", json!(problem.line)),
                ("field", json!(problem.field)),
                ("severity", json!(severity_word(problem.severity))),
                ("message", json!(problem.message)),
            ];
            let lines: Vec<String> = fields
                .iter()
                .map(|(key, value)| format!("    \"{key}\": {value}"))
                .collect();
            format!("  {{\n{}\n  }}", lines.join(",\n"))
        })
        .collect();
    format!("[\n{}\n]\n", objects.join(",\n"))
}

/// "3 errors, 1 warning in 402 files".
pub fn summary(problems: &[DataError], files: usize) -> String {
    let errors = problems.iter().filter(|problem| problem.is_error()).count();
    let warnings = problems.len() - errors;
    format!(
        "{}, {} in {}",
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings"),
        count(files, "file", "files")
    )
}

/// "1 error", "0 errors", "10,000 locations".
pub fn count(number: usize, one: &str, many: &str) -> String {
    let word = if number == 1 { one } else { many };
    format!("{} {word}", grouped(number))
}

/// A whole number with thousands separators: "10,000".
pub fn grouped(number: usize) -> String {
    paygrade_core::format::group_digits(&number.to_string())
}

fn one_line(text: &str) -> String {
    if text.contains(['\n', '\r']) {
        text.split(['\n', '\r'])
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_reads_as_a_compiler_line() {
        let dir = Path::new("data");
        let with_all = DataError::field(
            "locations.csv",
            Some(12),
            "factor",
            "\"0.0.5\" is not a number",
        );
        assert_eq!(
            problem_line(dir, &with_all),
            "data/locations.csv:12: error: factor: \"0.0.5\" is not a number"
        );
        let no_line = DataError::field("roles/x.md", None, "grade", "no grade").warning();
        assert_eq!(
            problem_line(dir, &no_line),
            "data/roles/x.md: warning: grade: no grade"
        );
        let bare = DataError::file("grades.csv", "is empty\nreally");
        assert_eq!(
            problem_line(dir, &bare),
            "data/grades.csv: error: is empty really"
        );
    }

    #[test]
    fn json_keeps_the_documented_key_order_and_parses_back() {
        let problems = [
            DataError::field(
                "locations.csv",
                Some(3),
                "factor",
                "\"0.0.5\" is not a number",
            ),
            DataError::file("grades.csv", "is empty").warning(),
        ];
        let text = problems_json(Path::new("data"), &problems);
        assert_eq!(
            text,
            r#"[
  {
    "file": "data/locations.csv",
    "line": 3,
    "field": "factor",
    "severity": "error",
    "message": "\"0.0.5\" is not a number"
  },
  {
    "file": "data/grades.csv",
    "line": null,
    "field": null,
    "severity": "warning",
    "message": "is empty"
  }
]
"#
        );
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed[1]["severity"], "warning");
        assert_eq!(problems_json(Path::new("data"), &[]), "[]\n");
    }

    #[test]
    fn summary_counts_errors_warnings_and_files() {
        let problems = vec![
            DataError::file("a", "x"),
            DataError::file("a", "y"),
            DataError::file("a", "z").warning(),
        ];
        assert_eq!(summary(&problems, 1), "2 errors, 1 warning in 1 file");
        assert_eq!(summary(&[], 10_402), "0 errors, 0 warnings in 10,402 files");
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
