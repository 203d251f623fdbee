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
        return value.to_string();
    }
    let fixed = format!("{:.*}", decimals, value.abs());
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
        assert_eq!(group_digits(""), "");
    }
}
