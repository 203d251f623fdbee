//! Plain number formatting for text the core writes (a band's steps, the CLI's reports, the native
//! fallback of the page's Intl formatting): one place for grouping thousands.

/// An amount with thousands separators and at most two decimals: "130,200", "1,234.5".
pub fn amount(value: f64) -> String {
    number(value, 2)
}

/// A factor with at least two decimals: "0.45", "1.00", "0.125".
pub fn factor(value: f64) -> String {
    let text = number(value, 4);
    match text.split_once('.') {
        None => format!("{text}.00"),
        Some((_, decimals)) if decimals.len() == 1 => format!("{text}0"),
        Some(_) => text,
    }
}

/// Grouped thousands, up to `decimals` decimals, trailing zeros trimmed: "1,234.5".
pub fn number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return fixed(value, decimals);
    }
    let fixed = fixed(value.abs(), decimals);
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let fraction = fraction.trim_end_matches('0');
    let sign = if value < 0.0 && (whole != "0" || !fraction.is_empty()) {
        "-"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{}", group_digits(whole))
    } else {
        format!("{sign}{}.{fraction}", group_digits(whole))
    }
}

/// Decimal places `fixed` writes at most: more than any figure here needs.
const MAX_DECIMALS: u32 = 9;

/// `value` with exactly `decimals` decimals (at most nine), a tie rounded to even: what `format!("{:.N}")`
/// writes (but "0.00", not "-0.00") for every figure up to 1.8e19, where it saturates, with integer
/// arithmetic only. The standard float formatting is about 16 KB of the wasm, and every figure the core
/// and the page write goes through here instead.
pub fn fixed(value: f64, decimals: usize) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() {
        return if value < 0.0 { "-inf" } else { "inf" }.into();
    }
    let decimals = (decimals as u32).min(MAX_DECIMALS);
    let scale = 10u64.pow(decimals);
    // The whole part and the fraction are each exact in a double; only the fraction is scaled and
    // rounded, a tie to the even last digit (the whole part's when there are no decimals).
    let magnitude = value.abs();
    let mut whole = magnitude.trunc() as u64;
    let odd = decimals == 0 && whole % 2 == 1;
    let mut part = round_scaled(magnitude - magnitude.trunc(), scale as f64, odd) as u64;
    if part >= scale {
        whole = whole.saturating_add(1);
        part -= scale;
    }
    let sign = if value < 0.0 && (whole > 0 || part > 0) {
        "-"
    } else {
        ""
    };
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        let width = decimals as usize;
        format!("{sign}{whole}.{part:0width$}")
    }
}

/// `fraction × scale` rounded to an integer as the exact product would round; a tie goes up when the
/// digit below is odd (`odd_below` stands for the whole part's parity when `scale` is 1). The product in
/// floating point can land on a tie the exact one is not at (0.45 × 10 is 4.5, while the double nearest
/// 0.45 is a little above it): the product's rounding error, exact by Dekker's method, says which way.
fn round_scaled(fraction: f64, scale: f64, odd_below: bool) -> f64 {
    let product = fraction * scale;
    let floor = product.floor();
    if product - floor != 0.5 {
        return product.round();
    }
    let split = |x: f64| {
        let big = x * 134_217_729.0; // 2^27 + 1
        let high = big - (big - x);
        (high, x - high)
    };
    let ((f_high, f_low), (s_high, s_low)) = (split(fraction), split(scale));
    let error = ((f_high * s_high - product) + f_high * s_low + f_low * s_high) + f_low * s_low;
    let odd = if scale == 1.0 {
        odd_below
    } else {
        floor % 2.0 == 1.0
    };
    if error > 0.0 || (error == 0.0 && odd) {
        floor + 1.0
    } else {
        floor
    }
}

/// A number as a spreadsheet or a message writes it: no grouping, up to `decimals` decimals, no trailing
/// zeros.
pub fn plain(value: f64, decimals: usize) -> String {
    let text = fixed(value, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A figure from the data in an error message, as its file could have written it: every message that
/// quotes a number goes through here, since one `{}` of an `f64` links the standard float formatting
/// (about 16 KB) into the wasm.
pub fn in_message(value: f64) -> String {
    plain(value, 9)
}

/// A run of digits with a comma every three from the right: "1234567" → "1,234,567".
pub fn group_digits(digits: &str) -> String {
    let count = digits.chars().count();
    let mut grouped = String::with_capacity(count + count / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (count - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_writes_what_the_standard_formatting_writes() {
        let values = [
            0.0,
            1.0,
            0.5,
            0.125,
            0.375,
            2.5,
            1.005,
            0.45,
            0.785,
            1.15,
            0.1,
            0.3,
            123.456,
            99.995,
            130_200.0,
            245_700.49,
            1e15,
            999_999_999_999_999.0,
            7.0 / 3.0,
            -0.0,
            -2.5,
            -1_234.565,
            -0.0004,
            0.000_05,
            0.15,
            0.25,
            0.35,
            2.675,
            1.45,
            8.345,
            0.0625,
        ];
        for value in values {
            for decimals in 0..=4 {
                let standard = format!("{value:.decimals$}");
                // Unlike the standard formatting, a figure that rounds to zero has no sign.
                let zero = standard.bytes().all(|b| b"-0.".contains(&b));
                let expected = if zero {
                    standard.trim_start_matches('-')
                } else {
                    &standard
                };
                assert_eq!(
                    fixed(value, decimals),
                    expected,
                    "{value} to {decimals} decimals"
                );
            }
        }
        assert_eq!(fixed(f64::INFINITY, 1), "inf");
        assert_eq!(fixed(1.5, 30), "1.500000000");
        assert_eq!(fixed(1e300, 0), "18446744073709551615");
    }

    proptest::proptest! {
        /// Any figure a table can hold (15 significant digits, as `parse_decimal` reads them), scaled
        /// as the band formula scales it, is written as the standard formatting writes it.
        #[test]
        fn fixed_agrees_with_the_standard_formatting(
            digits in 0u64..1_000_000_000_000_000,
            places in 0usize..=12,
            factor in 1u32..2000,
            decimals in 0usize..=4,
        ) {
            let value = digits as f64 / 10f64.powi(places as i32) * (f64::from(factor) / 1000.0);
            let standard = format!("{value:.decimals$}");
            proptest::prop_assert_eq!(fixed(value, decimals), standard);
        }
    }

    #[test]
    fn plain_numbers_have_no_grouping_and_no_trailing_zeros() {
        assert_eq!(plain(130_200.0, 4), "130200");
        assert_eq!(plain(0.785, 4), "0.785");
        assert_eq!(plain(1.0, 4), "1");
        assert_eq!(plain(0.123_456, 4), "0.1235");
        assert_eq!(plain(-0.000_01, 9), "-0.00001");
        assert_eq!(plain(-2.5, 4), "-2.5");
    }

    #[test]
    fn numbers_are_grouped_and_trimmed() {
        assert_eq!(amount(130_200.0), "130,200");
        assert_eq!(amount(1_234.5), "1,234.5");
        assert_eq!(amount(999.0), "999");
        assert_eq!(amount(-1_000_000.0), "-1,000,000");
        assert_eq!(amount(-0.001), "0");
        assert_eq!(factor(0.45), "0.45");
        assert_eq!(factor(1.0), "1.00");
        assert_eq!(factor(0.5), "0.50");
        assert_eq!(factor(0.125), "0.125");
        assert_eq!(group_digits("10402"), "10,402");
        assert_eq!(number(f64::NAN, 2), "NaN");
        assert_eq!(number(f64::NEG_INFINITY, 2), "-inf");
        assert_eq!(group_digits(""), "");
    }
}
