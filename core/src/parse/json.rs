//! Strict JSON (RFC 8259) for the two JSON files paygrade reads, the manifest and the role index: one
//! non-generic parser into a tree that keeps each value's line, and field readers over it that refuse
//! unknown, repeated, missing and mistyped fields.
//!
//! serde_json's deserializer and the derived visitors cost about 47 KB of the wasm for two small files;
//! this is a few KB, and every problem it reports is a `DataError` naming the file, the line and the
//! field path (`policy.compa_groups[1].from`).

use crate::model::{DataError, Date};

use super::decimal::{MAX_DIGITS, POWERS_OF_TEN};

/// Arrays and objects nested deeper than this are refused: the parser recurses, and hostile input must
/// not exhaust the stack. paygrade's files nest four deep.
pub(crate) const MAX_DEPTH: usize = 64;

/// One JSON value and the line it starts on, so a reader's error can point at it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Value<'a> {
    pub(crate) line: usize,
    pub(crate) kind: Kind<'a>,
}

/// What a JSON value is; numbers stay as written until a reader knows which type the field wants.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind<'a> {
    Null,
    Bool(bool),
    Number(&'a str),
    String(String),
    Array(Vec<Value<'a>>),
    /// Members in document order, repeated keys kept: `Fields` refuses them with their line.
    Object(Vec<(String, Value<'a>)>),
}

/// Parses a whole document (a leading byte-order mark skipped): one value, nothing after it but
/// whitespace. Any problem is "is not valid JSON: …" on the line where it was found.
pub(crate) fn parse<'a>(file: &str, bytes: &'a [u8]) -> Result<Value<'a>, DataError> {
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let before = bytes.get(..error.valid_up_to()).unwrap_or_default();
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        DataError::line(file, line, "is not valid JSON: this line is not UTF-8 text")
    })?;
    let mut parser = Parser {
        file,
        text,
        at: 0,
        line: 1,
        depth: 0,
    };
    let value = parser.value()?;
    parser.skip_space();
    if parser.peek().is_some() {
        return parser.fail("trailing characters after the end of the document's value");
    }
    Ok(value)
}

struct Parser<'f, 'a> {
    file: &'f str,
    text: &'a str,
    at: usize,
    line: usize,
    depth: usize,
}

impl<'a> Parser<'_, 'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn skip_space(&mut self) {
        while let Some(byte) = self.peek() {
            match byte {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => return,
            }
            self.at += 1;
        }
    }

    fn fail<T>(&self, expected: &str) -> Result<T, DataError> {
        let message = if self.peek().is_none() {
            format!("is not valid JSON: the file ends too soon ({expected})")
        } else {
            format!("is not valid JSON: {expected}")
        };
        Err(DataError::line(self.file, self.line, message))
    }

    fn value(&mut self) -> Result<Value<'a>, DataError> {
        self.skip_space();
        let line = self.line;
        let kind = match self.peek() {
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Kind::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b't') => self.word("true", Kind::Bool(true))?,
            Some(b'f') => self.word("false", Kind::Bool(false))?,
            Some(b'n') => self.word("null", Kind::Null)?,
            _ => {
                return self.fail(
                    "expected a value: a string in double quotes, a number, an object, an array, true, false or null",
                )
            }
        };
        Ok(Value { line, kind })
    }

    fn word(&mut self, word: &str, kind: Kind<'a>) -> Result<Kind<'a>, DataError> {
        let rest = self.text.get(self.at..).unwrap_or_default();
        if !rest.starts_with(word) {
            return self.fail(
                "expected a value: a string in double quotes, a number, an object, an array, true, false or null",
            );
        }
        self.at += word.len();
        Ok(kind)
    }

    /// Called on an opening bracket: counts the depth and steps over it.
    fn enter(&mut self) -> Result<(), DataError> {
        if self.depth >= MAX_DEPTH {
            return Err(DataError::line(
                self.file,
                self.line,
                format!("nests arrays and objects more than {MAX_DEPTH} deep, which paygrade does not read"),
            ));
        }
        self.depth += 1;
        self.at += 1;
        Ok(())
    }

    fn array(&mut self) -> Result<Kind<'a>, DataError> {
        self.enter()?;
        let mut items = Vec::new();
        self.skip_space();
        if !self.eat(b']') {
            loop {
                items.push(self.value()?);
                self.skip_space();
                if self.eat(b']') {
                    break;
                }
                if !self.eat(b',') {
                    return self.fail("expected `,` or `]` after an array's item");
                }
            }
        }
        self.depth -= 1;
        Ok(Kind::Array(items))
    }

    fn object(&mut self) -> Result<Kind<'a>, DataError> {
        self.enter()?;
        let mut members = Vec::new();
        self.skip_space();
        if !self.eat(b'}') {
            loop {
                self.skip_space();
                if self.peek() != Some(b'"') {
                    return self.fail("expected a field name in double quotes");
                }
                let key = self.string()?;
                self.skip_space();
                if !self.eat(b':') {
                    return self.fail("expected `:` after a field name");
                }
                members.push((key, self.value()?));
                self.skip_space();
                if self.eat(b'}') {
                    break;
                }
                if !self.eat(b',') {
                    return self.fail("expected `,` or `}` after a field's value");
                }
            }
        }
        self.depth -= 1;
        Ok(Kind::Object(members))
    }

    /// Called on the opening quote.
    fn string(&mut self) -> Result<String, DataError> {
        self.at += 1;
        let mut text = String::new();
        loop {
            let start = self.at;
            while self
                .peek()
                .is_some_and(|byte| byte != b'"' && byte != b'\\' && byte >= 0x20)
            {
                self.at += 1;
            }
            // Stops only at ASCII bytes, so both ends are character boundaries.
            text.push_str(self.text.get(start..self.at).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(text);
                }
                Some(b'\\') => {
                    self.at += 1;
                    text.push(self.escape()?);
                }
                Some(_) => {
                    return self.fail(
                        "a string holds a line break or another control character (write \\n, \\t or \\u00XX)",
                    )
                }
                None => return self.fail("a string is not closed"),
            }
        }
    }

    /// Called after the backslash.
    fn escape(&mut self) -> Result<char, DataError> {
        let byte = self.peek();
        self.at += 1;
        Ok(match byte {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    let second = if self.eat(b'\\') && self.eat(b'u') {
                        self.hex4()?
                    } else {
                        0
                    };
                    if !(0xDC00..0xE000).contains(&second) {
                        return self.fail(
                            "a \\u escape of a leading surrogate is not followed by a trailing one",
                        );
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                match char::from_u32(code) {
                    Some(character) => character,
                    None => return self.fail("a \\u escape is a lone trailing surrogate"),
                }
            }
            _ => {
                return self.fail(
                    "unknown escape in a string (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)",
                )
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, DataError> {
        let digits = self
            .text
            .get(self.at..self.at.saturating_add(4))
            .filter(|digits| digits.bytes().all(|b| b.is_ascii_hexdigit()));
        match digits.and_then(|digits| u32::from_str_radix(digits, 16).ok()) {
            Some(code) => {
                self.at += 4;
                Ok(code)
            }
            None => self.fail("\\u must be followed by four hexadecimal digits"),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Kind<'a>, DataError> {
        let start = self.at;
        self.eat(b'-');
        if self.eat(b'0') {
            if self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
                return self.fail("a number starts with 0 and another digit");
            }
        } else if self.digits() == 0 {
            return self.fail("a number has no digits after its minus sign");
        }
        if self.eat(b'.') && self.digits() == 0 {
            return self.fail("a number has no digits after its decimal point");
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if self.digits() == 0 {
                return self.fail("a number has no digits in its exponent");
            }
        }
        Ok(Kind::Number(
            self.text.get(start..self.at).unwrap_or_default(),
        ))
    }
}

/// A value with the file and field path it sits at, so every reader's error is located.
pub(crate) struct At<'v, 'a> {
    file: &'v str,
    path: String,
    value: &'v Value<'a>,
}

impl<'v, 'a> At<'v, 'a> {
    /// The document's top value.
    pub(crate) fn root(file: &'v str, value: &'v Value<'a>) -> Self {
        At {
            file,
            path: String::new(),
            value,
        }
    }

    /// A problem with this value, at its line and path.
    pub(crate) fn error(&self, message: impl Into<String>) -> DataError {
        let field = (!self.path.is_empty()).then_some(self.path.as_str());
        DataError {
            field: field.map(str::to_string),
            ..DataError::line(self.file, self.value.line, message)
        }
    }

    fn expected(&self, what: &str) -> DataError {
        let found = match &self.value.kind {
            Kind::Null => "null".to_string(),
            Kind::Bool(flag) => flag.to_string(),
            Kind::Number(text) => format!("the number {text}"),
            Kind::String(text) if text.chars().count() > 40 => "a string".to_string(),
            Kind::String(text) => format!("the string \"{text}\""),
            Kind::Array(_) => "an array".to_string(),
            Kind::Object(_) => "an object".to_string(),
        };
        self.error(format!("must be {what}, not {found}"))
    }

    /// A string, owned: the model keeps it after the tree is dropped.
    pub(crate) fn string(&self) -> Result<String, DataError> {
        match &self.value.kind {
            Kind::String(text) => Ok(text.clone()),
            _ => Err(self.expected("a string")),
        }
    }

    /// `true` or `false`; no other value stands for a flag.
    pub(crate) fn flag(&self) -> Result<bool, DataError> {
        match self.value.kind {
            Kind::Bool(flag) => Ok(flag),
            _ => Err(self.expected("true or false")),
        }
    }

    /// A `YYYY-MM-DD` string.
    pub(crate) fn date(&self) -> Result<Date, DataError> {
        let text = self.string()?;
        Date::parse(&text)
            .ok_or_else(|| self.error(format!("\"{text}\" is not a date in the form YYYY-MM-DD")))
    }

    /// Any JSON number up to 15 significant digits, read exactly (see `exact_number`).
    pub(crate) fn number(&self) -> Result<f64, DataError> {
        match self.value.kind {
            Kind::Number(text) => {
                exact_number(text).map_err(|reason| self.error(format!("{text} {reason}")))
            }
            _ => Err(self.expected("a number")),
        }
    }

    /// A whole number from 0 to `max` written without a fraction or exponent, as serde read integers.
    pub(crate) fn whole(&self, max: u32) -> Result<u32, DataError> {
        let Kind::Number(text) = self.value.kind else {
            return Err(self.expected("a whole number"));
        };
        text.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| text.parse::<u32>().ok())
            .flatten()
            .filter(|number| *number <= max)
            .ok_or_else(|| self.error(format!("{text} must be a whole number from 0 to {max}")))
    }

    /// The items of an array, each at `path[i]`.
    pub(crate) fn items(&self) -> Result<Vec<At<'v, 'a>>, DataError> {
        let Kind::Array(items) = &self.value.kind else {
            return Err(self.expected("an array"));
        };
        Ok(items
            .iter()
            .enumerate()
            .map(|(index, value)| At {
                file: self.file,
                path: format!("{}[{index}]", self.path),
                value,
            })
            .collect())
    }

    /// An array of strings.
    pub(crate) fn strings(&self) -> Result<Vec<String>, DataError> {
        self.items()?.iter().map(At::string).collect()
    }

    /// An object read as a map: every member, in document order, each key at most once.
    pub(crate) fn entries(&self) -> Result<Vec<(&'v str, At<'v, 'a>)>, DataError> {
        let Kind::Object(members) = &self.value.kind else {
            return Err(self.expected("an object"));
        };
        let mut entries: Vec<(&'v str, At<'v, 'a>)> = Vec::with_capacity(members.len());
        let mut keys = std::collections::HashSet::new();
        for (key, value) in members {
            let at = self.member(key, value);
            if !keys.insert(key.as_str()) {
                return Err(at.error("field appears twice; keep one"));
            }
            entries.push((key.as_str(), at));
        }
        Ok(entries)
    }

    /// An object with these fields only, each at most once.
    pub(crate) fn fields(&self, known: &[&str]) -> Result<Fields<'v, 'a>, DataError> {
        let Kind::Object(members) = &self.value.kind else {
            return Err(self.expected("an object"));
        };
        for (position, (key, value)) in members.iter().enumerate() {
            let at = self.member(key, value);
            if !known.contains(&key.as_str()) {
                return Err(at.error(format!(
                    "unknown field; expected one of {}",
                    known.join(", ")
                )));
            }
            // Every earlier member is a different known field, so this looks at a handful at most.
            if members
                .iter()
                .take(position)
                .any(|(earlier, _)| earlier == key)
            {
                return Err(at.error("field appears twice; keep one"));
            }
        }
        Ok(Fields {
            file: self.file,
            path: self.path.clone(),
            line: self.value.line,
            members,
        })
    }

    /// The file this value is in.
    pub(crate) fn file(&self) -> &'v str {
        self.file
    }

    /// A member by name when this is an object, before `fields` checks the others: for a field that
    /// decides how the rest is read (the index's version).
    pub(crate) fn member_named(&self, name: &str) -> Option<At<'v, 'a>> {
        let Kind::Object(members) = &self.value.kind else {
            return None;
        };
        members
            .iter()
            .find(|(key, _)| key == name)
            .map(|(key, value)| self.member(key, value))
    }

    fn member(&self, key: &str, value: &'v Value<'a>) -> At<'v, 'a> {
        At {
            file: self.file,
            path: join(&self.path, key),
            value,
        }
    }
}

/// The first problem a struct reader met. The readers go on with defaults after it and give it back at
/// the end, so each field is read as a plain value: an early return (`?`) from a struct literal drops
/// every field read before it, and that cleanup, once per field, was most of the manifest reader's wasm.
#[derive(Default)]
pub(crate) struct FirstError(std::cell::Cell<Option<DataError>>);

impl FirstError {
    /// The value, or its type's default with the error kept when it is the first.
    pub(crate) fn keep<T: Default>(&self, result: Result<T, DataError>) -> T {
        result.unwrap_or_else(|error| {
            self.note(error);
            T::default()
        })
    }

    fn note(&self, error: DataError) {
        let first = self.0.take().unwrap_or(error);
        self.0.set(Some(first));
    }

    /// What was read, unless a problem was met on the way.
    pub(crate) fn finish<T>(self, value: T) -> Result<T, DataError> {
        match self.0.into_inner() {
            Some(error) => Err(error),
            None => Ok(value),
        }
    }
}

/// An object's members once `At::fields` has checked them: each read by name, missing ones by default.
/// Its default has no members, what a reader goes on with after `fields` failed (see `FirstError`).
#[derive(Default)]
pub(crate) struct Fields<'v, 'a> {
    file: &'v str,
    path: String,
    line: usize,
    members: &'v [(String, Value<'a>)],
}

impl<'v, 'a> Fields<'v, 'a> {
    /// The field when it is given (even as `null`).
    pub(crate) fn get(&self, name: &str) -> Option<At<'v, 'a>> {
        self.members
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| At {
                file: self.file,
                path: join(&self.path, name),
                value,
            })
    }

    /// The field when it is given and not `null`: what an optional field (`Option`) reads.
    pub(crate) fn optional(&self, name: &str) -> Option<At<'v, 'a>> {
        self.get(name)
            .filter(|at| !matches!(at.value.kind, Kind::Null))
    }

    /// A field that must be given; its absence is reported at the object's line.
    pub(crate) fn required(&self, name: &str) -> Result<At<'v, 'a>, DataError> {
        self.get(name).ok_or_else(|| {
            DataError::field(
                self.file,
                Some(self.line),
                &join(&self.path, name),
                "required field is missing",
            )
        })
    }

    /// A required string.
    pub(crate) fn string(&self, name: &str) -> Result<String, DataError> {
        self.required(name)?.string()
    }

    /// An optional string.
    pub(crate) fn optional_string(&self, name: &str) -> Result<Option<String>, DataError> {
        self.optional(name).map(|at| at.string()).transpose()
    }

    /// An optional number.
    pub(crate) fn optional_number(&self, name: &str) -> Result<Option<f64>, DataError> {
        self.optional(name).map(|at| at.number()).transpose()
    }

    /// A number that is 0 when not given.
    pub(crate) fn number_or_zero(&self, name: &str) -> Result<f64, DataError> {
        self.get(name).map_or(Ok(0.0), |at| at.number())
    }

    /// A flag that is false when not given.
    pub(crate) fn flag(&self, name: &str) -> Result<bool, DataError> {
        self.get(name).map_or(Ok(false), |at| at.flag())
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A JSON number as an f64, exactly as the standard parser reads it, for up to 15 significant digits
/// scaled by at most 10^22 either way (then the digits and the power of ten are both exact f64s and one
/// correctly rounded operation joins them). `str::parse::<f64>` handles the rest of the range too, but
/// costs about 13 KB of wasm (see `decimal`); no figure in paygrade's files needs more.
fn exact_number(text: &str) -> Result<f64, &'static str> {
    const OUT_OF_RANGE: &str =
        "is out of range: too large or too small for paygrade to read exactly";
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits, exponent) = body.split_once(['e', 'E']).unwrap_or((body, "0"));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut mantissa: u64 = 0;
    let mut count = 0;
    let mut pending_zeros: usize = 0;
    for digit in whole.bytes().chain(fraction.bytes()) {
        if digit == b'0' {
            // Leading zeros are dropped; others wait until a later digit shows they are not trailing.
            pending_zeros += usize::from(mantissa != 0);
            continue;
        }
        count += pending_zeros + 1;
        if count > MAX_DIGITS {
            return Err("has more than 15 significant digits, more than paygrade reads exactly");
        }
        for _ in 0..pending_zeros {
            mantissa *= 10;
        }
        mantissa = mantissa * 10 + u64::from(digit - b'0');
        pending_zeros = 0;
    }
    if mantissa == 0 {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    let exponent: i64 = exponent.parse().map_err(|_| OUT_OF_RANGE)?;
    let scale = exponent
        .saturating_add(i64::try_from(pending_zeros).unwrap_or(i64::MAX))
        .saturating_sub(i64::try_from(fraction.len()).unwrap_or(i64::MAX));
    let power = |scale: i64| {
        usize::try_from(scale)
            .ok()
            .and_then(|scale| POWERS_OF_TEN.get(scale))
            .ok_or(OUT_OF_RANGE)
    };
    let value = if scale >= 0 {
        mantissa as f64 * power(scale)?
    } else {
        mantissa as f64 / power(scale.saturating_neg())?
    };
    Ok(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Value<'_>, DataError> {
        parse("test.json", text.as_bytes())
    }

    fn string_of(json: &str) -> String {
        match parsed(json).unwrap().kind {
            Kind::String(text) => text,
            other => panic!("{other:?}"),
        }
    }

    fn number_of(json: &str) -> Result<f64, DataError> {
        At::root("test.json", &parsed(json).unwrap()).number()
    }

    fn whole_of(json: &str, max: u32) -> Result<u32, DataError> {
        At::root("test.json", &parsed(json).unwrap()).whole(max)
    }

    fn syntax_error(text: &str) -> DataError {
        parsed(text).unwrap_err()
    }

    #[test]
    fn reads_every_escape_and_surrogate_pairs() {
        assert_eq!(
            string_of(r#""a\"b\\c\/d\be\ff\ng\rh\ti""#),
            "a\"b\\c/d\u{8}e\u{c}f\ng\rh\ti"
        );
        assert_eq!(string_of(r#""\u00e9\u20AC\u0000""#), "é€\0");
        assert_eq!(string_of(r#""\ud83d\ude00 \uD834\uDD1E""#), "😀 𝄞");
        assert_eq!(string_of("\"plain ü 😀\""), "plain ü 😀");
    }

    #[test]
    fn refuses_bad_strings_with_their_line() {
        for (text, fragment) in [
            ("\"\\ud83d\"", "leading surrogate"),
            ("\"\\ud83d\\u0041\"", "leading surrogate"),
            ("\"\\ude00\"", "lone trailing surrogate"),
            ("\"\\u12\"", "four hexadecimal digits"),
            ("\"\\u+123\"", "four hexadecimal digits"),
            ("\"\\x41\"", "unknown escape"),
            ("\"a\tb\"", "control character"),
            ("\n\n\"a\nb\"", "control character"),
            ("\"open", "is not closed"),
        ] {
            let error = syntax_error(text);
            assert!(
                error.message.starts_with("is not valid JSON"),
                "{text}: {error}"
            );
            assert!(error.message.contains(fragment), "{text}: {error}");
        }
        assert_eq!(syntax_error("\n\n\"a\nb\"").line, Some(3));
    }

    #[test]
    fn reads_numbers_exactly_as_the_standard_parser() {
        for text in [
            "0",
            "-0",
            "100",
            "0.45",
            "1.05",
            "-3",
            "1e3",
            "1E+3",
            "2.5e-3",
            "123456789012345",
            "0.000000000000000000001",
            "1000000000000000000000",
            "420000.0",
            "1.5e16",
            "7e-22",
        ] {
            assert_eq!(
                number_of(text).unwrap(),
                text.parse::<f64>().unwrap(),
                "{text}"
            );
        }
    }

    #[test]
    fn refuses_numbers_out_of_range_or_too_precise() {
        for text in ["1e999", "1e-30", "-1e38", "1e99999999999999999999"] {
            let error = number_of(text).unwrap_err();
            assert!(error.message.contains("is out of range"), "{text}: {error}");
        }
        let error = number_of("0.12345678901234567").unwrap_err();
        assert!(error.message.contains("15 significant digits"), "{error}");
        assert_eq!(number_of("0e99999999999999999999").unwrap(), 0.0);
    }

    #[test]
    fn whole_numbers_have_no_fraction_sign_or_overflow() {
        assert_eq!(whole_of("365", u32::MAX).unwrap(), 365);
        assert_eq!(whole_of("4294967295", u32::MAX).unwrap(), u32::MAX);
        assert_eq!(whole_of("255", 255).unwrap(), 255);
        for (text, max) in [
            ("4294967296", u32::MAX),
            ("99999999999999999999", u32::MAX),
            ("256", 255),
            ("-1", 255),
            ("3.0", 255),
            ("1e2", 255),
        ] {
            let error = whole_of(text, max).unwrap_err();
            assert!(
                error.message.contains("must be a whole number from 0 to"),
                "{text}: {error}"
            );
        }
        let error = whole_of("\"12\"", 255).unwrap_err();
        assert_eq!(
            error.message,
            "must be a whole number, not the string \"12\""
        );
    }

    #[test]
    fn refuses_malformed_numbers_and_words() {
        for text in [
            "01", "-", "1.", ".5", "1e", "1e+", "+1", "NaN", "Infinity", "tru", "nul", "1.2.3",
        ] {
            assert!(
                syntax_error(text).message.starts_with("is not valid JSON"),
                "{text}"
            );
        }
    }

    #[test]
    fn nests_arrays_and_objects_up_to_the_limit_only() {
        let deep = |depth: usize| "[".repeat(depth) + &"]".repeat(depth);
        assert!(parsed(&deep(MAX_DEPTH)).is_ok());
        let error = syntax_error(&deep(MAX_DEPTH + 1));
        assert!(error.message.contains("more than 64 deep"), "{error}");
        let error = syntax_error(&"{\"a\":".repeat(100_000));
        assert!(error.message.contains("more than 64 deep"), "{error}");
        let nested = parsed(r#"{"a": [1, {"b": [true, false, null]}], "c": {}}"#).unwrap();
        let Kind::Object(members) = nested.kind else {
            panic!("not an object")
        };
        assert_eq!(members.len(), 2);
    }

    #[test]
    fn refuses_trailing_characters_and_structural_slips_on_their_line() {
        for (text, line, fragment) in [
            ("{}\n\n{}", 3, "trailing characters"),
            ("{} x", 1, "trailing characters"),
            ("{\"a\": 1,\n}", 2, "field name in double quotes"),
            ("[1,\n2,]", 2, "expected a value"),
            ("{\"a\" 1}", 1, "`:`"),
            ("{\"a\": 1 \"b\": 2}", 1, "`,` or `}`"),
            ("[1 2]", 1, "`,` or `]`"),
            ("{'a': 1}", 1, "field name in double quotes"),
            ("{\n\"a\": ", 2, "ends too soon"),
            ("", 1, "ends too soon"),
        ] {
            let error = syntax_error(text);
            assert_eq!(error.line, Some(line), "{text}: {error}");
            assert!(error.message.contains(fragment), "{text}: {error}");
        }
    }

    #[test]
    fn skips_a_byte_order_mark_and_refuses_other_bytes_that_are_not_utf8() {
        assert!(parse("test.json", b"\xEF\xBB\xBF{}").is_ok());
        let error = parse("test.json", b"{\n\"a\": \"\xff\"}").unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("not UTF-8"), "{error}");
    }

    #[test]
    fn fields_refuse_unknown_repeated_missing_and_mistyped_members_by_path() {
        let value = parsed("{\"a\": {\"b\": [{\"c\": 1},\n {\"c\": \"x\"}]}}").unwrap();
        let root = At::root("test.json", &value);
        let a = root.fields(&["a"]).unwrap().required("a").unwrap();
        let items = a
            .fields(&["b"])
            .unwrap()
            .required("b")
            .unwrap()
            .items()
            .unwrap();
        let second = items[1].fields(&["c"]).unwrap();
        let error = second.required("c").unwrap().number().unwrap_err();
        assert_eq!(error.field.as_deref(), Some("a.b[1].c"));
        assert_eq!(error.line, Some(2));
        assert_eq!(error.message, "must be a number, not the string \"x\"");
        let error = second.required("d").err().unwrap();
        assert_eq!(error.field.as_deref(), Some("a.b[1].d"));
        assert_eq!(error.message, "required field is missing");

        let value = parsed("{\"a\": 1,\n \"b\": 2}").unwrap();
        let error = At::root("test.json", &value).fields(&["a"]).err().unwrap();
        assert_eq!((error.line, error.field.as_deref()), (Some(2), Some("b")));
        assert_eq!(error.message, "unknown field; expected one of a");

        let value = parsed("{\"a\": 1,\n \"a\": 2}").unwrap();
        let error = At::root("test.json", &value).fields(&["a"]).err().unwrap();
        assert_eq!((error.line, error.field.as_deref()), (Some(2), Some("a")));
        assert!(error.message.contains("appears twice"), "{error}");
        let error = At::root("test.json", &value).entries().err().unwrap();
        assert!(error.message.contains("appears twice"), "{error}");
    }
}
