//! The shared CSV reader: header by name, located errors, blank lines skipped, and the
//! number/field rules every table uses.

use crate::model::{is_currency_code, DataError, Severity};

use super::decimal::{parse_decimal, DecimalError};

/// A table's columns: those it needs and those it may have.
pub(crate) struct Columns {
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
}

/// Unknown header names reported one by one; past this, one line counts the rest.
const MAX_UNKNOWN_REPORTED: usize = 10;

/// One data row: its 1-based line and its cells by column name (trimmed).
pub(crate) struct Row {
    pub line: usize,
    cells: Vec<(&'static str, String)>,
}

impl Row {
    /// The trimmed cell, or "" when the column is absent (optional columns).
    pub fn get(&self, column: &str) -> &str {
        self.cells
            .iter()
            .find(|(name, _)| *name == column)
            .map_or("", |(_, cell)| cell.as_str())
    }
}

/// How a table names its rows: the label a duplicate is reported by ("grade 12", "GBP", "\"france/paris\"")
/// and the field the report points at, if any.
pub(crate) struct Key<T> {
    pub label: fn(&T) -> String,
    pub field: Option<&'static str>,
}

/// Reads a table whose rows have a key: bad rows are reported and skipped, and of rows with the same key the
/// first is kept and each later one reported on its own line.
pub(crate) fn read_keyed<T>(
    file: &str,
    bytes: &[u8],
    columns: &Columns,
    parse_row: fn(&str, &Row) -> Result<T, DataError>,
    key: Key<T>,
) -> (Vec<T>, Vec<DataError>) {
    let (rows, mut errors) = read_table(file, bytes, columns);
    let mut values = Vec::with_capacity(rows.len());
    let mut first_line = std::collections::HashMap::with_capacity(rows.len());
    for row in rows {
        let value = match parse_row(file, &row) {
            Ok(value) => value,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        let label = (key.label)(&value);
        match first_line.get(&label) {
            Some(first) => errors.push(DataError {
                file: file.to_string(),
                line: Some(row.line),
                field: key.field.map(str::to_string),
                message: format!("{label} is already defined on line {first}; row skipped"),
                severity: Severity::Error,
            }),
            None => {
                first_line.insert(label, row.line);
                values.push(value);
            }
        }
    }
    (values, errors)
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
    let mut records = Records {
        reader: csv_core::Reader::new(),
        input: bytes,
        offset: 0,
    };
    let mut record = Record::default();

    // The header is the first non-blank record.
    loop {
        if !records.next(&mut record) {
            return (Vec::new(), vec![DataError::file(file, "is empty")]);
        }
        if !record.is_blank() {
            break;
        }
    }
    let header_line = lines.line_at(record.start);
    let mut index_of: Vec<(&'static str, usize)> = Vec::new();
    let mut unknown_columns = 0;
    let mut header_ok = true;
    for index in 0..record.len {
        let Ok(name) = std::str::from_utf8(record.field(index)) else {
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
            Some(known) if index_of.iter().any(|(seen, _)| seen == known) => {
                errors.push(DataError::field(
                    file,
                    Some(header_line),
                    known,
                    "column appears twice",
                ));
            }
            Some(known) => index_of.push((known, index)),
            None if name.is_empty() => {
                errors.push(DataError::line(
                    file,
                    header_line,
                    format!("column {} has no name", index + 1),
                ));
            }
            None if unknown_columns >= MAX_UNKNOWN_REPORTED => unknown_columns += 1,
            None => {
                unknown_columns += 1;
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
                let shown: String = name.chars().take(60).collect();
                errors.push(DataError::field(
                    file,
                    Some(header_line),
                    &shown,
                    format!("unknown column{hint}"),
                ));
            }
        }
    }
    if unknown_columns > MAX_UNKNOWN_REPORTED {
        errors.push(DataError::line(
            file,
            header_line,
            format!(
                "{} more unknown columns are ignored",
                unknown_columns - MAX_UNKNOWN_REPORTED
            ),
        ));
    }
    for required in columns.required {
        if !index_of.iter().any(|(seen, _)| seen == required) {
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

    let width = record.len;
    let mut rows = Vec::new();
    while records.next(&mut record) {
        if record.is_blank() {
            continue;
        }
        let line = lines.line_at(record.start);
        if record.len != width {
            errors.push(DataError::line(
                file,
                line,
                format!(
                    "has {} fields but the header has {width}; row skipped",
                    record.len
                ),
            ));
            continue;
        }
        let mut cells = Vec::with_capacity(index_of.len());
        // The first unreadable column by name, as the report has always named it.
        let mut unreadable: Option<&str> = None;
        for (name, index) in &index_of {
            match std::str::from_utf8(record.field(*index)) {
                Ok(text) => cells.push((*name, text.trim().to_string())),
                Err(_) if unreadable.is_some_and(|first| first < *name) => {}
                Err(_) => unreadable = Some(name),
            }
        }
        match unreadable {
            Some(name) => errors.push(DataError::field(
                file,
                Some(line),
                name,
                "is not valid UTF-8 text; row skipped",
            )),
            None => rows.push(Row { line, cells }),
        }
    }
    (rows, errors)
}

/// The bytes of a CSV file as records. csv-core does the quoting rules (RFC 4180, any of
/// CR, LF or CRLF ending a record, blank lines skipped) without std::io, which keeps the
/// wasm small; this loop only feeds it the input and grows the buffers.
struct Records<'a> {
    reader: csv_core::Reader,
    input: &'a [u8],
    offset: usize,
}

impl Records<'_> {
    /// Reads the next record into `record`; false at the end of the input.
    fn next(&mut self, record: &mut Record) -> bool {
        record.start = self.offset;
        let (mut written, mut ended) = (0, 0);
        loop {
            let (result, read, wrote, ends) = self.reader.read_record(
                self.input.get(self.offset..).unwrap_or_default(),
                record.bytes.get_mut(written..).unwrap_or_default(),
                record.ends.get_mut(ended..).unwrap_or_default(),
            );
            self.offset += read;
            written += wrote;
            ended += ends;
            match result {
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => {
                    record.bytes.resize(record.bytes.len().max(128) * 2, 0);
                }
                csv_core::ReadRecordResult::OutputEndsFull => {
                    record.ends.resize(record.ends.len().max(8) * 2, 0);
                }
                csv_core::ReadRecordResult::Record => {
                    record.len = ended;
                    return true;
                }
                csv_core::ReadRecordResult::End => return false,
            }
        }
    }
}

/// One record: its fields end to end, where each ends, and the byte offset reading began at.
#[derive(Default)]
struct Record {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    len: usize,
    start: usize,
}

impl Record {
    fn field(&self, index: usize) -> &[u8] {
        let start = match index.checked_sub(1) {
            Some(previous) => self.ends.get(previous).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(index).copied().unwrap_or(start);
        self.bytes.get(start..end).unwrap_or_default()
    }

    fn is_blank(&self) -> bool {
        (0..self.len).all(|index| self.field(index).iter().all(u8::is_ascii_whitespace))
    }
}

/// Line numbers from byte offsets: csv-core's own count drifts on CRLF blank lines, and a
/// record's start offset may point at the line ends and blank lines skipped before it. Records
/// come in order, so counting line breaks forward once keeps this linear.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: usize,
}

impl LineCounter<'_> {
    fn line_at(&mut self, start: usize) -> usize {
        let mut target = start.min(self.bytes.len()).max(self.offset);
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

/// The expected name closest to a misspelt one, if it is close enough to be a typo.
fn nearest<'a>(name: &str, expected: &[&'a str]) -> Option<&'a str> {
    let length = name.chars().count();
    expected
        .iter()
        // The distance is at least the difference in length: a header cell of garbage (a fuzzer's,
        // or a file that is not CSV) skips the quadratic comparison it could never pass.
        .filter(|candidate| length.abs_diff(candidate.len()) <= 2.max(candidate.len() / 3))
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
    /// Any finite number (an adjustment that may lower pay).
    Any,
}

/// A cell as an error message quotes it: in quotes, and cut short, so a 1 MB cell makes a short message.
pub(crate) fn quoted_cell(cell: &str) -> String {
    const MAX_CHARS: usize = 60;
    match cell.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("\"{}…\"", cell.get(..cut).unwrap_or(cell)),
        None => format!("\"{cell}\""),
    }
}

/// Parses a required finite number with the given sign rule, naming the field on failure.
pub(crate) fn number(file: &str, row: &Row, column: &str, sign: Sign) -> Result<f64, DataError> {
    let cell = row.get(column);
    let fail = |message: String| Err(DataError::field(file, Some(row.line), column, message));
    if cell.is_empty() {
        return fail("is empty; a number is required".to_string());
    }
    let raw = &quoted_cell(cell);
    let value = match parse_decimal(cell) {
        Ok(value) => value,
        Err(DecimalError::NotANumber) => return fail(format!("{raw} is not a number")),
        Err(DecimalError::NotFinite) => return fail(format!("{raw} is not a finite number")),
        Err(DecimalError::TooPrecise) => {
            return fail(format!(
                "{raw} has more digits than a table figure needs (at most 15 significant, 22 decimal places)"
            ))
        }
    };
    if value < 0.0 && !matches!(sign, Sign::Any) {
        return fail(format!("{raw} must not be negative"));
    }
    if matches!(sign, Sign::Positive) && value == 0.0 {
        return fail(format!("{raw} must be greater than zero"));
    }
    Ok(value)
}

/// A required, non-empty text cell, borrowed: a row reader makes its strings once every cell is checked,
/// so a bad cell returns without dropping the strings made before it (that cleanup, repeated for each
/// check of each table, was much of the tables' wasm).
pub(crate) fn text<'r>(file: &str, row: &'r Row, column: &str) -> Result<&'r str, DataError> {
    match row.get(column) {
        "" => Err(DataError::field(file, Some(row.line), column, "is empty")),
        value => Ok(value),
    }
}

/// An optional currency code cell: empty is `None`, otherwise three upper-case letters (borrowed, like
/// `text`).
pub(crate) fn currency_code<'r>(
    file: &str,
    row: &'r Row,
    column: &str,
    required: bool,
) -> Result<Option<&'r str>, DataError> {
    match row.get(column) {
        "" if !required => Ok(None),
        "" => Err(DataError::field(
            file,
            Some(row.line),
            column,
            "is empty; a currency code is required",
        )),
        code if is_currency_code(code) => Ok(Some(code)),
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

    fn cells(text: &[u8]) -> (Vec<(usize, String, String)>, Vec<DataError>) {
        let columns = Columns {
            required: &["a", "b"],
            optional: &[],
        };
        let (rows, errors) = read_table("t.csv", text, &columns);
        let rows = rows
            .iter()
            .map(|row| (row.line, row.get("a").to_string(), row.get("b").to_string()))
            .collect();
        (rows, errors)
    }

    #[test]
    fn reads_quotes_line_ends_and_a_last_line_without_one() {
        let (rows, errors) = cells(b"a,b\r1,\"x \"\"y\"\"\"\r\n\r\n\n2,\"p\rq\"\n\n3,z");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            rows,
            vec![
                (2, "1".to_string(), "x \"y\"".to_string()),
                (5, "2".to_string(), "p\rq".to_string()),
                (8, "3".to_string(), "z".to_string()),
            ]
        );
    }

    #[test]
    fn names_the_first_unreadable_column_by_name() {
        let (rows, errors) = cells(b"b,a\n\xff,\xfe\n");
        assert!(rows.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field.as_deref(), Some("a"));
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            nearest("midpiont", &["grade", "midpoint"]),
            Some("midpoint")
        );
        assert_eq!(nearest("colour", &["grade", "midpoint"]), None);
        assert_eq!(nearest("midpoint-and-then-some", &["midpoint"]), None);
        assert_eq!(nearest(&"x".repeat(1 << 20), &["midpoint"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
