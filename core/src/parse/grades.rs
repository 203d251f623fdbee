//! `grades.csv`: the job-grade ladder.

use crate::model::{DataError, Grade};

use super::csv_table::{number, read_keyed, Columns, Key, Row, Sign};

const COLUMNS: Columns = Columns {
    required: &["grade", "manager_titles", "ic_titles", "midpoint", "spread"],
    optional: &["variable"],
};

/// Reads the grade table; bad rows are reported and skipped, the first of duplicate grades kept.
pub fn parse_grades(file: &str, bytes: &[u8]) -> (Vec<Grade>, Vec<DataError>) {
    let key = Key {
        label: |grade: &Grade| format!("grade {}", grade.grade),
        field: Some("grade"),
    };
    read_keyed(file, bytes, &COLUMNS, grade_row, key)
}

fn grade_row(file: &str, row: &Row) -> Result<Grade, DataError> {
    let raw = row.get("grade");
    let grade = match raw.parse::<u8>() {
        Ok(grade) if grade > 0 => grade,
        _ => {
            return Err(DataError::field(
                file,
                Some(row.line),
                "grade",
                format!("\"{raw}\" is not a whole number from 1 to 255"),
            ))
        }
    };
    let midpoint = number(file, row, "midpoint", Sign::Positive)?;
    let spread = number(file, row, "spread", Sign::NonNegative)?;
    if spread >= 2.0 {
        return Err(DataError::field(
            file,
            Some(row.line),
            "spread",
            format!(
                "\"{}\" must be less than 2 (the band minimum would not be positive)",
                row.get("spread")
            ),
        ));
    }
    let variable = match row.get("variable") {
        "" => None,
        _ => Some(number(file, row, "variable", Sign::NonNegative)?),
    };
    let manager_titles = titles(row.get("manager_titles"));
    let ic_titles = titles(row.get("ic_titles"));
    Ok(Grade {
        grade,
        manager_titles,
        ic_titles,
        midpoint,
        spread,
        variable,
        line: row.line,
    })
}

fn titles(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|title| !title.is_empty())
        .map(str::to_string)
        .collect()
}
