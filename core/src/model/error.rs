//! The one error type of the data layer: every problem names its file, line and field.

use std::fmt;

/// A located data problem, shown to the person who maintains the data; never a panic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub message: String,
    /// Whether the data is still usable as written (a warning) or something was skipped (an error).
    /// `paygrade check` exits 1 on any error and 0 when there are only warnings.
    pub severity: Severity,
}

/// How bad a data problem is: CI fails on errors, and shows warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Severity {
    /// Something could not be used: a row, a page or a value was skipped or replaced.
    #[default]
    Error,
    /// Used as written, but probably not what was meant (an unclear duration, a grade stated twice).
    Warning,
}

impl DataError {
    /// A problem with a whole file (missing, empty, not UTF-8).
    pub fn file(file: &str, message: impl Into<String>) -> DataError {
        DataError {
            file: file.to_string(),
            line: None,
            field: None,
            message: message.into(),
            severity: Severity::Error,
        }
    }

    /// A problem on one line, not tied to a column.
    pub fn line(file: &str, line: usize, message: impl Into<String>) -> DataError {
        DataError {
            file: file.to_string(),
            line: Some(line),
            field: None,
            message: message.into(),
            severity: Severity::Error,
        }
    }

    /// A problem in one field of one line: the most precise location we can give.
    pub fn field(
        file: &str,
        line: Option<usize>,
        field: &str,
        message: impl Into<String>,
    ) -> DataError {
        DataError {
            file: file.to_string(),
            line,
            field: Some(field.to_string()),
            message: message.into(),
            severity: Severity::Error,
        }
    }

    /// The same problem, marked as a warning: the data is used as written.
    pub fn warning(mut self) -> DataError {
        self.severity = Severity::Warning;
        self
    }

    /// Whether this problem should fail a handbook's CI.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, " line {line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field \"{field}\"")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for DataError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_reads_as_a_sentence_with_its_location() {
        let error = DataError::field(
            "locations.csv",
            Some(14),
            "factor",
            "\"abc\" is not a number",
        );
        assert_eq!(
            error.to_string(),
            "locations.csv line 14, field \"factor\": \"abc\" is not a number"
        );
        assert_eq!(
            DataError::file("grades.csv", "is empty").to_string(),
            "grades.csv: is empty"
        );
        assert_eq!(
            DataError::line("grades.csv", 3, "x").to_string(),
            "grades.csv line 3: x"
        );
    }
}
