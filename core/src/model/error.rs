//! The one error type of the data layer: every problem names its file, line and field.

use std::fmt;

/// A located data problem, shown to the person who maintains the data; never a panic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

impl DataError {
    /// A problem with a whole file (missing, empty, not UTF-8).
    pub fn file(file: &str, message: impl Into<String>) -> DataError {
        DataError {
            file: file.to_string(),
            line: None,
            field: None,
            message: message.into(),
        }
    }

    /// A problem on one line, not tied to a column.
    pub fn line(file: &str, line: usize, message: impl Into<String>) -> DataError {
        DataError {
            file: file.to_string(),
            line: Some(line),
            field: None,
            message: message.into(),
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
        }
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
