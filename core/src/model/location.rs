//! One row of `locations.csv`.

/// A country-wide area or a metro region with its pay factor.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    /// `slug(country)/slug(area)`, stable for URLs.
    pub id: String,
    pub country: String,
    pub area: String,
    /// Multiple of the reference market (1.0 = reference).
    pub factor: f64,
    /// Local currency code; `None` means pay is quoted in the reference currency.
    pub currency: Option<String>,
    pub zone: Option<String>,
    pub hiring: bool,
    /// Where the row came from, for the band's breakdown.
    pub line: usize,
}
