//! The shared CSV reader: header by name, located errors, blank lines skipped, and the
//! number/field rules every table uses.

use std::collections::BTreeMap;

use crate::model::{is_currency_code, DataError};

/// A table's columns: those it needs and those it may have.
pub(crate) struct Columns {
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
}

/// One data row: its 1-based line and its cells by column name (trimmed).
pub(crate) struct Row {
    pub line: usize,
    cells: BTreeMap<&'static str, String>,
}

impl Row {
    /// The trimmed cell, or "" when the column is absent (optional columns).
    pub fn get(&self, column: &str) -> &str {
        self.cells.get(column).map(String::as_str).unwrap_or("")
    }
}

/// Reads the rows of a CSV file, reporting header problems and unreadable rows.
/// Rows are returned only if every required column is present.
pub(crate) fn read_table(
    file: &str,
    bytes: &[u8],
    columns: &Columns,
) -> (Vec<Row>, Vec<DataError>) {
    let mut errors = Vec::new();
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return (Vec::new(), vec![DataError::file(file, "is empty")]);
    }
    let mut lines = LineCounter {
        bytes,
        offset: 0,
        line: 1,
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.byte_records();

    // The header is the first non-blank record.
    let (header_line, header) = loop {
        match records.next() {
            None => return (Vec::new(), vec![DataError::file(file, "is empty")]),
            Some(Err(error)) => return (Vec::new(), vec![csv_error(file, &error)]),
            Some(Ok(record)) if is_blank(&record) => continue,
            Some(Ok(record)) => break (lines.line_of(&record), record),
        }
    };
    let mut index_of: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut header_ok = true;
    for (index, raw) in header.iter().enumerate() {
        let Ok(name) = std::str::from_utf8(raw) else {
            errors.push(DataError::line(
                file,
                header_line,
                "the header is not valid UTF-8 text",
            ));
            return (Vec::new(), errors);
        };
        let name = name.trim().to_ascii_lowercase();
        let known = columns
            .required
            .iter()
            .chain(columns.optional)
            .find(|known| **known == name);
        match known {
            Some(known) if index_of.contains_key(known) => {
                errors.push(DataError::field(
                    file,
                    Some(header_line),
                    known,
                    "column appears twice",
                ));
            }
            Some(known) => {
                index_of.insert(known, index);
            }
            None if name.is_empty() => {
                errors.push(DataError::line(
                    file,
                    header_line,
                    format!("column {} has no name", index + 1),
                ));
            }
            None => {
                let expected: Vec<&str> = columns
                    .required
                    .iter()
                    .chain(columns.optional)
                    .copied()
                    .collect();
                let hint = match nearest(&name, &expected) {
                    Some(near) => format!("; did you mean \"{near}\"?"),
                    None => format!("; expected columns are {}", expected.join(", ")),
                };
                errors.push(DataError::field(
                    file,
                    Some(header_line),
                    &name,
                    format!("unknown column{hint}"),
                ));
            }
        }
    }
    for required in columns.required {
        if !index_of.contains_key(required) {
            header_ok = false;
            errors.push(DataError::field(
                file,
                Some(header_line),
                required,
                "required column is missing",
            ));
        }
    }
    if !header_ok {
        return (Vec::new(), errors);
    }

    let width = header.len();
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                errors.push(csv_error(file, &error));
                continue;
            }
        };
        if is_blank(&record) {
            continue;
        }
        let line = lines.line_of(&record);
        if record.len() != width {
            errors.push(DataError::line(
                file,
                line,
                format!(
                    "has {} fields but the header has {width}; row skipped",
                    record.len()
                ),
            ));
            continue;
        }
        let mut cells = BTreeMap::new();
        let mut readable = true;
        for (name, index) in &index_of {
            let raw = record.get(*index).unwrap_or_default();
            match std::str::from_utf8(raw) {
                Ok(text) => {
                    cells.insert(*name, text.trim().to_string());
                }
                Err(_) => {
                    errors.push(DataError::field(
                        file,
                        Some(line),
                        name,
                        "is not valid UTF-8 text; row skipped",
                    ));
                    readable = false;
                    break;
                }
            }
        }
        if readable {
            rows.push(Row { line, cells });
        }
    }
    (rows, errors)
}

fn is_blank(record: &csv::ByteRecord) -> bool {
    record
        .iter()
        .all(|field| field.iter().all(u8::is_ascii_whitespace))
}

/// Line numbers from byte offsets: csv's own count drifts on CRLF blank lines, and its record
/// position may point at the line ends and blank lines it skipped before the record. Records come
/// in order, so counting line breaks forward once keeps this linear.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: usize,
}

impl LineCounter<'_> {
    fn line_of(&mut self, record: &csv::ByteRecord) -> usize {
        let mut target = record
            .position()
            .map_or(self.offset, |p| {
                usize::try_from(p.byte()).unwrap_or(usize::MAX)
            })
            .min(self.bytes.len())
            .max(self.offset);
        while matches!(self.bytes.get(target), Some(b'\r' | b'\n')) {
            target += 1;
        }
        for index in self.offset..target {
            let previous = index.checked_sub(1).and_then(|p| self.bytes.get(p));
            match self.bytes.get(index) {
                Some(b'\r') => self.line += 1,
                Some(b'\n') if previous != Some(&b'\r') => self.line += 1,
                _ => {}
            }
        }
        self.offset = target;
        self.line
    }
}

fn csv_error(file: &str, error: &csv::Error) -> DataError {
    let line = error
        .position()
        .and_then(|position| usize::try_from(position.line()).ok());
    DataError {
        file: file.to_string(),
        line,
        field: None,
        message: format!("could not be read as CSV: {error}"),
    }
}

/// The expected name closest to a misspelt one, if it is close enough to be a typo.
fn nearest<'a>(name: &str, expected: &[&'a str]) -> Option<&'a str> {
    expected
        .iter()
        .map(|candidate| (edit_distance(name, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let delete = previous.get(j + 1).copied().unwrap_or(0) + 1;
            let insert = current.get(j).copied().unwrap_or(0) + 1;
            current.push(substitute.min(delete).min(insert));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

/// What a number must be, beyond finite.
#[derive(Clone, Copy)]
pub(crate) enum Sign {
    /// Strictly greater than zero (midpoint, factor, per_usd).
    Positive,
    /// Zero allowed (variable pay).
    NonNegative,
}

/// Parses a required finite number with the given sign rule, naming the field on failure.
pub(crate) fn number(file: &str, row: &Row, column: &str, sign: Sign) -> Result<f64, DataError> {
    let raw = row.get(column);
    let fail = |message: String| Err(DataError::field(file, Some(row.line), column, message));
    if raw.is_empty() {
        return fail("is empty; a number is required".to_string());
    }
    let Ok(value) = raw.parse::<f64>() else {
        return fail(format!("\"{raw}\" is not a number"));
    };
    if !value.is_finite() {
        return fail(format!("\"{raw}\" is not a finite number"));
    }
    if value < 0.0 {
        return fail(format!("\"{raw}\" must not be negative"));
    }
    if matches!(sign, Sign::Positive) && value == 0.0 {
        return fail(format!("\"{raw}\" must be greater than zero"));
    }
    Ok(value)
}

/// A required, non-empty text cell.
pub(crate) fn text(file: &str, row: &Row, column: &str) -> Result<String, DataError> {
    match row.get(column) {
        "" => Err(DataError::field(file, Some(row.line), column, "is empty")),
        value => Ok(value.to_string()),
    }
}

/// An optional currency code cell: empty is `None`, otherwise three upper-case letters.
pub(crate) fn currency_code(
    file: &str,
    row: &Row,
    column: &str,
    required: bool,
) -> Result<Option<String>, DataError> {
    match row.get(column) {
        "" if !required => Ok(None),
        "" => Err(DataError::field(
            file,
            Some(row.line),
            column,
            "is empty; a currency code is required",
        )),
        code if is_currency_code(code) => Ok(Some(code.to_string())),
        code => Err(DataError::field(
            file,
            Some(row.line),
            column,
            format!("\"{code}\" is not a currency code (three upper-case letters, e.g. EUR)"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            nearest("midpiont", &["grade", "midpoint"]),
            Some("midpoint")
        );
        assert_eq!(nearest("colour", &["grade", "midpoint"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
