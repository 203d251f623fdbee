//! One row of `currencies.csv`.

use super::Date;

/// A dated exchange rate, quoted as units of the currency per US dollar.
#[derive(Debug, Clone, PartialEq)]
pub struct CurrencyRate {
    pub currency: String,
    pub per_usd: f64,
    pub as_of: Date,
    /// Where the row came from, for the band's breakdown.
    pub line: usize,
}
