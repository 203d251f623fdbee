//! `currencies.csv`: dated exchange rates against the US dollar.

use crate::model::{CurrencyRate, DataError, Date};

use super::csv_table::{currency_code, number, read_table, Columns, Row, Sign};

const COLUMNS: Columns = Columns {
    required: &["currency", "per_usd", "as_of"],
    optional: &[],
};

/// Reads the rate table; bad rows and later duplicate currencies are reported and skipped.
pub fn parse_currencies(file: &str, bytes: &[u8]) -> (Vec<CurrencyRate>, Vec<DataError>) {
    let (rows, mut errors) = read_table(file, bytes, &COLUMNS);
    let mut rates: Vec<CurrencyRate> = Vec::new();
    for row in rows {
        match rate_row(file, &row) {
            Ok(rate) => match rates.iter().find(|seen| seen.currency == rate.currency) {
                Some(first) => errors.push(DataError::field(
                    file,
                    Some(row.line),
                    "currency",
                    format!(
                        "{} is already defined on line {}; row skipped",
                        rate.currency, first.line
                    ),
                )),
                None => rates.push(rate),
            },
            Err(error) => errors.push(error),
        }
    }
    (rates, errors)
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
        currency,
        per_usd,
        as_of,
        line: row.line,
    })
}
