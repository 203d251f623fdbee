//! One row of `grades.csv`.

/// A job grade: its titles and pay shape at the reference market.
#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    pub grade: u8,
    pub manager_titles: Vec<String>,
    pub ic_titles: Vec<String>,
    /// Annual base pay at the reference market, in the reference currency.
    pub midpoint: f64,
    /// Band width as a fraction of the midpoint (0.40: min = 0.8 × mid, max = 1.2 × mid).
    pub spread: f64,
    /// Target variable pay as a fraction of base, if the grade has any.
    pub variable: Option<f64>,
    /// Where the row came from, for the band's breakdown.
    pub line: usize,
}
