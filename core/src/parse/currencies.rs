//! `currencies.csv`: dated exchange rates against the US dollar.

use crate::model::{CurrencyRate, DataError, Date};

use super::csv_table::{currency_code, number, read_keyed, Columns, Key, Row, Sign};

const COLUMNS: Columns = Columns {
    required: &["currency", "per_usd", "as_of"],
    optional: &[],
};

/// Reads the rate table; bad rows and later duplicate currencies are reported and skipped.
pub fn parse_currencies(file: &str, bytes: &[u8]) -> (Vec<CurrencyRate>, Vec<DataError>) {
    let key = Key {
        label: |rate: &CurrencyRate| rate.currency.clone(),
        field: Some("currency"),
    };
    read_keyed(file, bytes, &COLUMNS, rate_row, key)
}

fn rate_row(file: &str, row: &Row) -> Result<CurrencyRate, DataError> {
    let currency = currency_code(file, row, "currency", true)?.unwrap_or_default();
    let per_usd = number(file, row, "per_usd", Sign::Positive)?;
    let raw_date = row.get("as_of");
    let as_of = Date::parse(raw_date).ok_or_else(|| {
        DataError::field(
            file,
            Some(row.line),
            "as_of",
            format!("\"{raw_date}\" is not a date in the form YYYY-MM-DD"),
        )
    })?;
    Ok(CurrencyRate {
        currency: currency.to_string(),
        per_usd,
        as_of,
        line: row.line,
    })
}
