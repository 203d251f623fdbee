//! Amounts for the reader's locale: Intl.NumberFormat in the browser, a plain grouped form natively.

/// An amount in whole currency units, with the currency's symbol as the reader's locale writes it.
pub fn money(amount: f64, currency: &str) -> String {
    imp::money(amount, currency)
}

/// An amount to the cent (hourly pay), with the currency's symbol as the reader's locale writes it.
pub fn money_cents(amount: f64, currency: &str) -> String {
    imp::money_cents(amount, currency)
}

/// A whole number grouped for the reader's locale (e.g. a count of rows).
pub fn count(value: usize) -> String {
    imp::count(value)
}

/// A figure for a `data-` attribute or an option, in full: the shortest text that reads back as the same
/// number. The browser's own number-to-text writes it, so the wasm links no float formatting; natively
/// (the pre-renderer) the standard formatting writes the same digits.
pub fn exact(value: f64) -> String {
    imp::exact(value)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use paygrade_core::names::Names;
    use std::cell::RefCell;

    use js_sys::Intl::{NumberFormat, NumberFormatOptions, NumberFormatStyle};
    use js_sys::{Array, Function};
    use wasm_bindgen::JsValue;

    thread_local! {
        /// Building a formatter costs far more than using one; the manager table formats thousands.
        /// By currency and digits: a page uses a handful, so the core's small map, not a hash table.
        static FORMATTERS: RefCell<Names<Function>> = const { RefCell::new(Names::new()) };
    }

    fn formatter(key: &str, options: impl FnOnce() -> NumberFormatOptions) -> Function {
        FORMATTERS.with(|cache| {
            if let Some(format) = cache.borrow().get(key) {
                return format.clone();
            }
            let format = NumberFormat::new(&Array::new(), &options()).format();
            cache.borrow_mut().insert(key.to_string(), format.clone());
            format
        })
    }

    fn apply(format: &Function, value: f64) -> Option<String> {
        format
            .call1(&JsValue::NULL, &JsValue::from_f64(value))
            .ok()?
            .as_string()
    }

    /// Intl's formatter for `currency` with `digits` decimals, made once per pair.
    fn currency(currency: &str, digits: u8) -> Function {
        formatter(&format!("{currency}#{digits}"), || {
            let options = NumberFormatOptions::new();
            options.set_style(NumberFormatStyle::Currency);
            options.set_currency(currency);
            options.set_maximum_fraction_digits(digits);
            options.set_minimum_fraction_digits(digits);
            options
        })
    }

    pub fn money(amount: f64, currency_code: &str) -> String {
        apply(&currency(currency_code, 0), amount)
            .unwrap_or_else(|| super::plain_money(amount, currency_code))
    }

    pub fn money_cents(amount: f64, currency_code: &str) -> String {
        apply(&currency(currency_code, 2), amount)
            .unwrap_or_else(|| super::plain_cents(amount, currency_code))
    }

    pub fn count(value: usize) -> String {
        let format = formatter("#count", NumberFormatOptions::new);
        apply(&format, value as f64).unwrap_or_else(|| super::grouped(value as f64))
    }

    pub fn exact(value: f64) -> String {
        js_sys::Number::from(value)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_else(|_| crate::figures_text::plain(value, 9))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn money(amount: f64, currency: &str) -> String {
        super::plain_money(amount, currency)
    }

    pub fn money_cents(amount: f64, currency: &str) -> String {
        super::plain_cents(amount, currency)
    }

    pub fn count(value: usize) -> String {
        super::grouped(value as f64)
    }

    pub fn exact(value: f64) -> String {
        value.to_string()
    }
}

/// `€97.26`: hourly figures natively and the browser's fallback, written as en-US Intl writes them.
fn plain_cents(amount: f64, currency: &str) -> String {
    let cents = (amount * 100.0).round();
    let whole = (cents / 100.0).trunc();
    format!(
        "{}{}.{:02}",
        prefix(currency),
        grouped(whole),
        (cents - whole * 100.0).abs() as u64
    )
}

/// What en-US Intl writes before an amount in `currency`: its symbol, or its code and a no-break space.
fn prefix(currency: &str) -> String {
    match EN_US_SYMBOLS.iter().find(|(code, _)| *code == currency) {
        Some((_, symbol)) => symbol.to_string(),
        None => format!("{currency}\u{a0}"),
    }
}

/// Currencies Intl's `en-US` writes with a symbol (CLDR, as Chromium 2026 and Node print them; every other
/// code is written `CODE\u{a0}1,234`), as native rendering writes them too.
const EN_US_SYMBOLS: &[(&str, &str)] = &[
    ("USD", "$"),
    ("EUR", "€"),
    ("GBP", "£"),
    ("JPY", "¥"),
    ("CNY", "CN¥"),
    ("INR", "₹"),
    ("KRW", "₩"),
    ("CAD", "CA$"),
    ("AUD", "A$"),
    ("NZD", "NZ$"),
    ("HKD", "HK$"),
    ("MXN", "MX$"),
    ("BRL", "R$"),
    ("TWD", "NT$"),
    ("ILS", "₪"),
    ("VND", "₫"),
    ("PHP", "₱"),
    ("XCD", "EC$"),
    ("XAF", "FCFA\u{a0}"),
    ("XOF", "F\u{202f}CFA\u{a0}"),
    ("XPF", "CFPF\u{a0}"),
    ("XCG", "Cg.\u{a0}"),
];

/// An amount as Intl's `en-US` writes it (`$245,700`, `CHF 245,700` with a no-break space): what native
/// renders (tests, the pre-rendered pages) and the browser's fallback. Written the way the live page
/// writes it for an en-US reader, a pre-rendered table keeps its columns' widths through the takeover.
fn plain_money(amount: f64, currency: &str) -> String {
    let sign = if amount.round() < 0.0 { "-" } else { "" };
    format!("{sign}{}{}", prefix(currency), grouped(amount.abs()))
}

/// Rounded to a whole number, thousands separated by commas.
pub fn grouped(value: f64) -> String {
    crate::figures_text::number(value.round(), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_separates_thousands_and_keeps_the_sign() {
        assert_eq!(grouped(0.0), "0");
        assert_eq!(grouped(999.4), "999");
        assert_eq!(grouped(1000.0), "1,000");
        assert_eq!(grouped(245_700.0), "245,700");
        assert_eq!(grouped(-1_234_567.0), "-1,234,567");
    }

    #[test]
    fn native_money_writes_amounts_as_en_us_intl_does() {
        assert_eq!(money(245_700.0, "GBP"), "£245,700");
        assert_eq!(money(245_700.0, "CHF"), "CHF\u{a0}245,700");
        assert_eq!(money(-1_500.0, "USD"), "-$1,500");
    }
}
