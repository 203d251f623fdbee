//! Plain decimals as the tables write them ("0.78", "420000", "-3"), read exactly.
//!
//! `str::parse::<f64>` accepts far more (exponents, "inf", "NaN", 800-digit inputs) and costs about 13 KB of
//! gzip in the wasm for that generality. A table figure has at most 15 significant digits and no exponent,
//! and for those the fast path is exact: the digits fit in an f64 mantissa, the power of ten too, so one
//! correctly rounded division gives the same f64 as the standard parser.

/// Why a cell is not a plain decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalError {
    /// Not of the form `[+-]digits[.digits]`.
    NotANumber,
    /// "NaN", "inf", "infinity": named so the message can say why they are refused.
    NotFinite,
    /// More than 15 significant digits, or more than 22 decimal places.
    TooPrecise,
}

pub(super) const MAX_DIGITS: usize = 15;
pub(super) const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads `[+-]digits[.digits]` (digits on at least one side of the point) exactly.
pub fn parse_decimal(text: &str) -> Result<f64, DecimalError> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if ["nan", "inf", "infinity"]
        .iter()
        .any(|word| body.eq_ignore_ascii_case(word))
    {
        return Err(DecimalError::NotFinite);
    }
    let (whole, fraction) = body.split_once('.').unwrap_or((body, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
        return Err(DecimalError::NotANumber);
    }
    let fraction = fraction.trim_end_matches('0');
    let digits = whole
        .bytes()
        .chain(fraction.bytes())
        .skip_while(|&b| b == b'0');
    let mut mantissa: u64 = 0;
    let mut count = 0;
    for digit in digits {
        count += 1;
        if count > MAX_DIGITS {
            return Err(DecimalError::TooPrecise);
        }
        mantissa = mantissa * 10 + u64::from(digit - b'0');
    }
    let scale = POWERS_OF_TEN
        .get(fraction.len())
        .ok_or(DecimalError::TooPrecise)?;
    let value = mantissa as f64 / scale;
    Ok(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_decimals_read_exactly_as_the_standard_parser_reads_them() {
        for text in [
            "0",
            "1",
            "0.78",
            "420000",
            "0.45",
            "1.05",
            "0.1",
            "0.3",
            "123.456",
            "007.50",
            ".5",
            "5.",
            "999999999999999",
            "0.000000000000000000001",
            "1234567.891",
            "+2",
            "-0.25",
        ] {
            assert_eq!(
                parse_decimal(text),
                Ok(text.parse::<f64>().unwrap()),
                "{text}"
            );
        }
    }

    #[test]
    fn everything_else_is_refused_with_a_reason() {
        for text in [
            "", ".", "-", "abc", "1e5", "1,5", " 1", "1 ", "0x10", "1.2.3", "--1", "١٢",
        ] {
            assert_eq!(parse_decimal(text), Err(DecimalError::NotANumber), "{text}");
        }
        for text in ["NaN", "inf", "-Infinity", "+INF"] {
            assert_eq!(parse_decimal(text), Err(DecimalError::NotFinite), "{text}");
        }
        for text in ["1234567890123456", "0.00000000000000000000001"] {
            assert_eq!(parse_decimal(text), Err(DecimalError::TooPrecise), "{text}");
        }
    }

    #[test]
    fn every_three_decimal_factor_matches_the_standard_parser() {
        for n in 0..=5000u32 {
            let text = format!("{}.{:03}", n / 1000, n % 1000);
            assert_eq!(
                parse_decimal(&text),
                Ok(text.parse::<f64>().unwrap()),
                "{text}"
            );
        }
    }
}
