//! The manager's table: every location's band for one grade, sorted and filtered as plain data.
//!
//! Rows are computed once per grade and currency; sorting and filtering work on indices, so a keystroke
//! over 10,000 locations touches no strings but the precomputed search keys.

use crate::format::plain;
use std::cmp::Ordering;
use std::collections::HashMap;

use crate::band::CurrencyChoice;
use crate::model::{Dataset, Date, IndexEntry};
use crate::transparency::{place_verdict, PlaceVerdict, PostedBand, Verdict};
use crate::view::{rewards_figures, role_bands_everywhere};

/// One location's band, flattened for the table and the CSV export.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub id: String,
    pub country: String,
    pub area: String,
    pub zone: String,
    pub hiring: bool,
    pub factor: f64,
    /// The location's line in its table, for a report link.
    pub line: usize,
    /// The factor after the policy's floor: within one grade, pay in the reference currency is proportional
    /// to it, so amount columns sort by it and stay comparable across currencies.
    pay_factor: f64,
    /// The band in the chosen currency, or why it could not be computed.
    pub band: Result<Figures, String>,
    /// Whether the band posted on site here meets this place's pay-transparency rules.
    pub ad: PlaceVerdict,
    /// The rest of the offer at the midpoint, a year, in the band's currency: variable, equity (at the
    /// stated valuation), benefits and the total.
    pub rewards: Option<[f64; 4]>,
}

/// What a reader typed to find places: every word must appear, in any field, ignoring ASCII case.
/// Shared by the table's filter and the location picker, so both find the same places.
pub struct Query(Vec<String>);

impl Query {
    pub fn new(text: &str) -> Query {
        Query(
            text.split(|c: char| c.is_whitespace() || c == ',')
                .filter(|word| !word.is_empty())
                .map(str::to_ascii_lowercase)
                .collect(),
        )
    }

    /// True when each word is inside one of `fields`; no allocation, so it runs per row per keystroke.
    pub fn matches(&self, fields: &[&str]) -> bool {
        self.0.iter().all(|word| {
            fields
                .iter()
                .any(|field| contains_ignoring_case(field, word))
        })
    }
}

/// `haystack` contains `needle` (already lower case), comparing ASCII letters without case.
fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    needle.is_empty()
        || haystack
            .windows(needle.len())
            .any(|window| window.eq_ignore_ascii_case(needle))
}

/// The figures a row shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    pub min: f64,
    pub mid: f64,
    pub max: f64,
    pub currency: [u8; 3],
}

impl Figures {
    /// The ISO code as text (codes are validated ASCII upper case).
    pub fn currency(&self) -> &str {
        std::str::from_utf8(&self.currency).unwrap_or("???")
    }
}

/// The columns a reader can sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Country,
    Area,
    Zone,
    Factor,
    Min,
    Mid,
    Max,
    Hiring,
    /// Whether the band as posted meets the place's pay-transparency rules.
    Ad,
}

impl Column {
    /// In the order shown: the amounts next to the place, so a phone shows them before it scrolls.
    pub const ALL: [Column; 9] = [
        Column::Country,
        Column::Area,
        Column::Min,
        Column::Mid,
        Column::Max,
        Column::Factor,
        Column::Zone,
        Column::Hiring,
        Column::Ad,
    ];

    /// The name used in links (`sort=max-desc`) and as the column heading's key.
    pub fn key(self) -> &'static str {
        match self {
            Column::Country => "country",
            Column::Area => "area",
            Column::Zone => "zone",
            Column::Factor => "factor",
            Column::Min => "min",
            Column::Mid => "mid",
            Column::Max => "max",
            Column::Hiring => "hiring",
            Column::Ad => "ad",
        }
    }

    pub fn heading(self) -> &'static str {
        match self {
            Column::Country => "Country",
            Column::Area => "Area",
            Column::Zone => "Zone",
            Column::Factor => "Factor",
            Column::Min => "Minimum",
            Column::Mid => "Midpoint",
            Column::Max => "Maximum",
            Column::Hiring => "Hiring",
            Column::Ad => "Job ad as posted",
        }
    }
}

/// A column and a direction, as a link carries it: `country`, `max-desc`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            column: Column::Country,
            descending: false,
        }
    }
}

impl Sort {
    pub fn parse(text: &str) -> Option<Sort> {
        let (key, descending) = match text.strip_suffix("-desc") {
            Some(key) => (key, true),
            None => (text.strip_suffix("-asc").unwrap_or(text), false),
        };
        let column = Column::ALL.into_iter().find(|c| c.key() == key)?;
        Some(Sort { column, descending })
    }

    pub fn to_param(self) -> String {
        if self.descending {
            format!("{}-desc", self.column.key())
        } else {
            self.column.key().to_string()
        }
    }
}

/// Every location's row for `grade`, in table order: the role's band (its own midpoint where it applies, as
/// the page's Pay section shows it), and the laws that apply there to an ad posted on `posted` by a company
/// of the size `job_ads` gives.
pub fn rows_for(
    data: &Dataset,
    entry: Option<&IndexEntry>,
    grade: u8,
    currency: &CurrencyChoice,
    today: Option<Date>,
    posted: Option<Date>,
) -> Vec<TableRow> {
    let bands = role_bands_everywhere(data, entry, grade, currency, today);
    // Whether any rule set names a country, asked once per country: most places have no rule, and the
    // table is computed for every location.
    let mut country_has_rules: HashMap<&str, bool> = HashMap::new();
    data.locations
        .iter()
        .zip(bands)
        .map(|(location, (_, band))| {
            let zone = location.zone.clone().unwrap_or_default();
            let has_rules = *country_has_rules
                .entry(location.country.as_str())
                .or_insert_with(|| {
                    data.pay_rules.iter().any(|rule| {
                        rule.jurisdiction
                            .country
                            .eq_ignore_ascii_case(location.country.trim())
                    })
                });
            let rewards = band
                .as_ref()
                .ok()
                .map(|band| rewards_figures(data, band, location));
            let ad = match &band {
                Ok(band) if has_rules => {
                    place_verdict(data, &PostedBand::from(band), location, posted)
                }
                _ => PlaceVerdict::no_rule(),
            };
            TableRow {
                id: location.id.clone(),
                country: location.country.clone(),
                area: location.area.clone(),
                zone,
                hiring: location.hiring,
                factor: location.factor,
                line: location.line,
                pay_factor: location.factor.max(data.manifest.policy.location_floor),
                band: band
                    .map(|band| Figures {
                        min: band.min,
                        mid: band.mid,
                        max: band.max,
                        currency: currency_bytes(&band.currency),
                    })
                    .map_err(|e| e.to_string()),
                ad,
                rewards,
            }
        })
        .collect()
}

fn currency_bytes(code: &str) -> [u8; 3] {
    let mut out = *b"???";
    for (slot, byte) in out.iter_mut().zip(code.bytes()) {
        *slot = byte;
    }
    out
}

/// Row indices in `sort` order; rows without a band sort last whatever the direction. Amount columns
/// order by what the pay is worth in the reference currency, not by the local number (¥ and £ mix).
pub fn sorted(rows: &[TableRow], sort: Sort) -> Vec<usize> {
    crate::order::positions(rows.len(), &|a, b| {
        let (Some(x), Some(y)) = (rows.get(a), rows.get(b)) else {
            return Ordering::Equal;
        };
        let by_pay = || x.pay_factor.total_cmp(&y.pay_factor);
        let ordering = match sort.column {
            Column::Country => x.country.cmp(&y.country).then_with(|| x.area.cmp(&y.area)),
            Column::Area => x.area.cmp(&y.area).then_with(|| x.country.cmp(&y.country)),
            Column::Zone => x.zone.cmp(&y.zone).then_with(|| x.country.cmp(&y.country)),
            Column::Factor => x.factor.total_cmp(&y.factor),
            Column::Min | Column::Mid | Column::Max => by_pay(),
            Column::Hiring => y
                .hiring
                .cmp(&x.hiring)
                .then_with(|| x.country.cmp(&y.country)),
            Column::Ad => ad_rank(&x.ad)
                .cmp(&ad_rank(&y.ad))
                .then_with(|| x.country.cmp(&y.country)),
        };
        let missing_last = x.band.is_err().cmp(&y.band.is_err());
        missing_last.then(if sort.descending {
            ordering.reverse()
        } else {
            ordering
        })
    })
}

/// Places whose ad breaks a rule first, then those that cannot be checked, those that comply, and no rule.
fn ad_rank(ad: &PlaceVerdict) -> u8 {
    match ad.verdict {
        Some(Verdict::Breaks) => 0,
        Some(Verdict::CannotTell) => 1,
        Some(Verdict::Meets | Verdict::Note) => 2,
        None => 3,
    }
}

/// How the table and the CSV word a place's verdict.
pub fn ad_label(ad: &PlaceVerdict) -> &'static str {
    match ad.verdict {
        None => "no rule",
        Some(Verdict::Meets | Verdict::Note) => "complies",
        Some(Verdict::CannotTell) => "cannot tell",
        Some(Verdict::Breaks) => "does not comply",
    }
}

/// The indices of `order` whose row matches every word of `filter` and, if asked, is hiring.
pub fn filtered(rows: &[TableRow], order: &[usize], filter: &str, hiring_only: bool) -> Vec<usize> {
    let query = Query::new(filter);
    order
        .iter()
        .copied()
        .filter(|&index| {
            rows.get(index).is_some_and(|row| {
                (!hiring_only || row.hiring) && query.matches(&[&row.country, &row.area, &row.zone])
            })
        })
        .collect()
}

/// The table as CSV, in the order shown. Cells a spreadsheet would run as a formula are escaped.
pub fn to_csv(rows: &[TableRow], shown: &[usize]) -> String {
    let mut out = String::from(
        "id,country,area,zone,hiring,factor,currency,min,mid,max,variable,equity_year,benefits_year,total_year,pay_rules,as_posted,ad_needs,ad_problem\n",
    );
    for row in shown.iter().filter_map(|&i| rows.get(i)) {
        let (currency, min, mid, max) = match &row.band {
            Ok(f) => (
                f.currency().to_string(),
                plain(f.min, 4),
                plain(f.mid, 4),
                plain(f.max, 4),
            ),
            Err(_) => Default::default(),
        };
        let [variable, equity, benefits, total] = row
            .rewards
            .map(|figures| figures.map(|figure| plain(figure, 4)))
            .unwrap_or_default();
        let cells = [
            row.id.as_str(),
            row.country.as_str(),
            row.area.as_str(),
            row.zone.as_str(),
            if row.hiring { "yes" } else { "no" },
            &plain(row.factor, 4),
            &currency,
            &min,
            &mid,
            &max,
            &variable,
            &equity,
            &benefits,
            &total,
            &row.ad.rule_names.join("; "),
            ad_label(&row.ad),
            &row.ad.needs,
            &row.ad.problem,
        ];
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_csv_cell(&mut out, cell);
        }
        out.push('\n');
    }
    out
}

/// Quotes where CSV needs it, and defuses text a spreadsheet would run as a formula
/// (a leading `=`, `+`, `-`, `@`, tab or carriage return) by prefixing a `'`. Our own figures are never
/// negative, so only text from the data can start that way.
pub fn push_csv_cell(out: &mut String, cell: &str) {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let needs_quotes = risky || cell.contains([',', '"', '\n', '\r']);
    if needs_quotes {
        out.push('"');
    }
    if risky {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if needs_quotes {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> String {
        let mut out = String::new();
        push_csv_cell(&mut out, text);
        out
    }

    #[test]
    fn formula_like_cells_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "\"'+1\"");
        assert_eq!(cell("245700"), "245700");
        assert_eq!(cell("-cmd"), "\"'-cmd\"");
        assert_eq!(cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(cell("London, England"), "\"London, England\"");
        assert_eq!(cell("plain"), "plain");
    }

    #[test]
    fn a_query_needs_every_word_in_some_field_whatever_the_case() {
        let query = Query::new("kingdom, LOND");
        assert!(query.matches(&["United Kingdom", "London, England"]));
        assert!(!query.matches(&["United Kingdom", "Manchester"]));
        assert!(Query::new("  ").matches(&["anything"]));
        assert!(!Query::new("x").matches(&[]));
    }

    #[test]
    fn sort_params_round_trip() {
        for text in ["country", "max-desc", "hiring", "factor-desc"] {
            assert_eq!(Sort::parse(text).unwrap().to_param(), text);
        }
        assert_eq!(Sort::parse("max-asc").unwrap().to_param(), "max");
        assert_eq!(Sort::parse("salary"), None);
    }
}
