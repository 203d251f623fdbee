//! The pay band formula and its breakdown. Pure arithmetic over a `Dataset`; the UI only
//! formats what this returns.
//!
//! midpoint (role front matter, else grade) × max(location factor, policy floor) = mid in the
//! reference currency; min/max = mid × (1 ∓ spread/2); converted at per_usd[target] /
//! per_usd[reference]; each amount rounded up to `policy.rounding` in the target currency.

use std::fmt;

use crate::model::{CurrencyRate, Dataset, Date, Grade, IndexEntry, Location, Role};

/// Which currency to show a band in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CurrencyChoice {
    /// The location's own currency (the reference currency when it has none).
    Local,
    /// The manifest's reference currency.
    Reference,
    /// Any currency with a rate, e.g. "EUR".
    Code(String),
}

/// What the UI asks for: one grade at one location, optionally for a role.
#[derive(Debug, Clone, PartialEq)]
pub struct BandRequest<'a> {
    pub grade: u8,
    pub location_id: &'a str,
    /// The role's own midpoint, which replaces the grade's (from its page or the index, so a band never
    /// waits for the page).
    pub role_midpoint: Option<RoleMidpoint<'a>>,
    pub currency: CurrencyChoice,
    /// Today's date, to flag stale rates; `None` skips the check.
    pub today: Option<Date>,
}

/// A role's own midpoint (its page's front matter), which replaces the grade's, and the page that set it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoleMidpoint<'a> {
    pub amount: f64,
    /// The page's file, named in the band's breakdown.
    pub file: &'a str,
}

impl<'a> RoleMidpoint<'a> {
    /// A parsed role's midpoint, if its page sets one.
    pub fn of(role: &'a Role) -> Option<RoleMidpoint<'a>> {
        role.midpoint.map(|amount| RoleMidpoint {
            amount,
            file: &role.file,
        })
    }

    /// An indexed role's midpoint, if its page sets one: known before the page is fetched.
    pub fn of_entry(entry: &'a IndexEntry) -> Option<RoleMidpoint<'a>> {
        entry.midpoint.map(|amount| RoleMidpoint {
            amount,
            file: &entry.file,
        })
    }
}

/// Why a band could not be computed, as a sentence for the UI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BandError {
    UnknownGrade(u8),
    UnknownLocation(String),
    /// The requested currency code is not in the rate table.
    UnknownCurrency(String),
    /// A currency the band needs (the location's or the reference) has no rate.
    MissingRate(String),
}

impl fmt::Display for BandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BandError::UnknownGrade(grade) => {
                write!(f, "There is no grade {grade} in the grade table.")
            }
            BandError::UnknownLocation(id) => write!(f, "There is no location \"{id}\"."),
            BandError::UnknownCurrency(code) => write!(f, "There is no exchange rate for {code}."),
            BandError::MissingRate(code) => {
                write!(
                    f,
                    "The band needs a rate for {code}, but the currency table has none."
                )
            }
        }
    }
}

impl std::error::Error for BandError {}

/// A named sub-range of the band, in the band's currency.
#[derive(Debug, Clone, PartialEq)]
pub struct CompaRange {
    pub name: String,
    pub from: f64,
    pub to: f64,
}

/// One line of the formula as the UI shows it: the factor, where it came from, the sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub label: String,
    pub value: String,
    pub source: String,
    pub arithmetic: String,
}

/// A computed pay band with everything needed to explain it.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub grade: u8,
    pub location_id: String,
    pub currency: String,
    pub min: f64,
    pub mid: f64,
    pub max: f64,
    pub compa_ranges: Vec<CompaRange>,
    /// Target variable pay as an amount, when the grade has a variable fraction.
    pub variable: Option<f64>,
    /// mid + variable.
    pub total_target_cash: f64,
    /// The older of the dates of the rates used.
    pub rate_as_of: Date,
    pub rate_stale: bool,
    pub breakdown: Vec<Step>,
}

impl Band {
    /// Pay as a fraction of the midpoint (1.0 = at the midpoint).
    pub fn compa_ratio(&self, amount: f64) -> f64 {
        if self.mid > 0.0 {
            amount / self.mid
        } else {
            0.0
        }
    }

    /// The compa range an amount falls in: `from` inclusive, `to` exclusive, except the last.
    pub fn compa_group(&self, amount: f64) -> Option<&CompaRange> {
        let last = self.compa_ranges.len().checked_sub(1)?;
        self.compa_ranges
            .iter()
            .enumerate()
            .find_map(|(index, range)| {
                let inside = amount >= range.from
                    && (amount < range.to || (index == last && amount <= range.to));
                inside.then_some(range)
            })
    }

    /// Where an amount sits between min (0) and max (1), clamped, for drawing a marker.
    pub fn position(&self, amount: f64) -> f64 {
        let width = self.max - self.min;
        if width.is_nan() || width <= 0.0 || !amount.is_finite() {
            return 0.5;
        }
        ((amount - self.min) / width).clamp(0.0, 1.0)
    }
}

/// Computes one band with its breakdown.
pub fn band_for(data: &Dataset, request: &BandRequest) -> Result<Band, BandError> {
    band_with(data, request, true)
}

/// The same band without its breakdown, for views that show figures only (the grade ladder, compare):
/// formatting the steps is most of a band's cost.
pub fn band_figures(data: &Dataset, request: &BandRequest) -> Result<Band, BandError> {
    band_with(data, request, false)
}

fn band_with(data: &Dataset, request: &BandRequest, explain: bool) -> Result<Band, BandError> {
    let grade = data
        .grade(request.grade)
        .ok_or(BandError::UnknownGrade(request.grade))?;
    let location = data
        .location(request.location_id)
        .ok_or_else(|| BandError::UnknownLocation(request.location_id.to_string()))?;
    let role_midpoint = request
        .role_midpoint
        .map(|own| (own.amount, format!("{} front matter (midpoint)", own.file)));
    compute(
        data,
        grade,
        location,
        role_midpoint,
        &request.currency,
        request.today,
        explain,
    )
}

/// Every location's band for one grade (the manager table), in location order, without the breakdown
/// (`band_for` gives one band with its steps).
pub fn bands_for_grade_everywhere(
    data: &Dataset,
    grade: u8,
    currency: &CurrencyChoice,
    today: Option<Date>,
) -> Vec<(String, Result<Band, BandError>)> {
    let Some(grade_row) = data.grade(grade) else {
        return data
            .locations
            .iter()
            .map(|location| (location.id.clone(), Err(BandError::UnknownGrade(grade))))
            .collect();
    };
    data.locations
        .iter()
        .map(|location| {
            (
                location.id.clone(),
                compute(data, grade_row, location, None, currency, today, false),
            )
        })
        .collect()
}

/// Adds a step to the breakdown only when one is wanted; the table computes thousands of bands and shows
/// no formula, and formatting the steps is most of a band's cost.
macro_rules! explain {
    ($breakdown:ident, $step:expr) => {
        if let Some(steps) = $breakdown.as_mut() {
            steps.push($step);
        }
    };
}

fn compute(
    data: &Dataset,
    grade: &Grade,
    location: &Location,
    role_midpoint: Option<(f64, String)>,
    currency: &CurrencyChoice,
    today: Option<Date>,
    explain: bool,
) -> Result<Band, BandError> {
    let manifest = &data.manifest;
    let policy = &manifest.policy;
    let reference = manifest.reference.currency.as_str();
    let tables = &manifest.tables;
    let target = match currency {
        CurrencyChoice::Local => location.currency.as_deref().unwrap_or(reference),
        CurrencyChoice::Reference => reference,
        CurrencyChoice::Code(code) => code.as_str(),
    };
    let target_rate = data.rate(target);
    if target_rate.is_none() && target != reference {
        return Err(match currency {
            CurrencyChoice::Code(code) => BandError::UnknownCurrency(code.clone()),
            _ => BandError::MissingRate(target.to_string()),
        });
    }
    let reference_rate = data.rate(reference);
    let (conversion, rate_as_of, rates) = match (target == reference, reference_rate, target_rate) {
        (true, reference_rate, _) => (
            1.0,
            reference_rate.map_or(manifest.as_of, |r| r.as_of),
            Vec::new(),
        ),
        (false, Some(from), Some(to)) => (
            to.per_usd / from.per_usd,
            from.as_of.min(to.as_of),
            vec![from, to],
        ),
        (false, _, _) => return Err(BandError::MissingRate(reference.to_string())),
    };
    let rate_stale = match today {
        Some(today) => rates.iter().any(|rate| {
            today.days_since_epoch() - rate.as_of.days_since_epoch()
                > i64::from(policy.rate_max_age_days)
        }),
        None => false,
    };

    let mut breakdown = explain.then(Vec::new);
    let grade_source = || {
        format!(
            "{} line {} (grade {})",
            tables.grades, grade.line, grade.grade
        )
    };
    let (midpoint, midpoint_source) = match role_midpoint {
        Some((midpoint, source)) => (midpoint, Some(source)),
        None => (grade.midpoint, None),
    };
    explain!(
        breakdown,
        Step {
            label: format!("Midpoint at {} ({reference})", manifest.reference.market),
            value: amount(midpoint),
            source: midpoint_source.unwrap_or_else(grade_source),
            arithmetic: String::new(),
        }
    );
    explain!(
        breakdown,
        Step {
            label: "Location factor".to_string(),
            value: factor(location.factor),
            source: format!(
                "{} line {} ({})",
                tables.locations, location.line, location.id
            ),
            arithmetic: String::new(),
        }
    );
    let applied_factor = location.factor.max(policy.location_floor);
    if applied_factor > location.factor {
        explain!(
            breakdown,
            Step {
                label: "Location floor".to_string(),
                value: factor(policy.location_floor),
                source: "policy.location_floor".to_string(),
                arithmetic: format!(
                    "max({}, {}) = {}",
                    factor(location.factor),
                    factor(policy.location_floor),
                    factor(applied_factor)
                ),
            }
        );
    }
    let mid_reference = midpoint * applied_factor;
    explain!(
        breakdown,
        Step {
            label: format!("Midpoint here ({reference})"),
            value: amount(mid_reference),
            source: "midpoint × factor".to_string(),
            arithmetic: format!(
                "{} × {} = {}",
                amount(midpoint),
                factor(applied_factor),
                amount(mid_reference)
            ),
        }
    );
    let half = grade.spread / 2.0;
    let min_reference = mid_reference * (1.0 - half);
    let max_reference = mid_reference * (1.0 + half);
    explain!(
        breakdown,
        Step {
            label: "Spread".to_string(),
            value: factor(grade.spread),
            source: grade_source(),
            arithmetic: format!(
                "min = {m} × (1 − {s} / 2) = {min}; max = {m} × (1 + {s} / 2) = {max}",
                m = amount(mid_reference),
                s = factor(grade.spread),
                min = amount(min_reference),
                max = amount(max_reference)
            ),
        }
    );
    if target != reference {
        let rate_source = rates
            .iter()
            .map(|rate: &&CurrencyRate| {
                format!(
                    "{} line {} ({} {})",
                    tables.currencies, rate.line, rate.currency, rate.as_of
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let (from_per_usd, to_per_usd) = match rates.as_slice() {
            [from, to] => (from.per_usd, to.per_usd),
            _ => (1.0, conversion),
        };
        explain!(
            breakdown,
            Step {
                label: format!("Exchange rate ({reference} → {target})"),
                value: number(conversion, 6),
                source: rate_source,
                arithmetic: format!(
                    "{} {target} per USD ÷ {} {reference} per USD = {}; mid {} × {} = {}",
                    number(to_per_usd, 6),
                    number(from_per_usd, 6),
                    number(conversion, 6),
                    amount(mid_reference),
                    number(conversion, 6),
                    amount(mid_reference * conversion)
                ),
            }
        );
    }
    let round = |value: f64| round_up(value, policy.rounding);
    let mid_target = mid_reference * conversion;
    let (min, mid, max) = (
        round(min_reference * conversion),
        round(mid_target),
        round(max_reference * conversion),
    );
    if policy.rounding > 0.0 {
        explain!(
            breakdown,
            Step {
                label: format!("Rounding ({target})"),
                value: amount(policy.rounding),
                source: "policy.rounding".to_string(),
                arithmetic: format!(
                    "rounded up to the next {}: min {} → {}; mid {} → {}; max {} → {}",
                    amount(policy.rounding),
                    amount(min_reference * conversion),
                    amount(min),
                    amount(mid_target),
                    amount(mid),
                    amount(max_reference * conversion),
                    amount(max)
                ),
            }
        );
    }
    let compa_ranges = policy
        .compa_groups
        .iter()
        .map(|group| CompaRange {
            name: group.name.clone(),
            from: round(mid_target * group.from),
            to: round(mid_target * group.to),
        })
        .collect();
    let variable = grade.variable.map(|fraction| round(mid_target * fraction));
    if let (Some(fraction), Some(variable_amount)) = (grade.variable, variable) {
        explain!(
            breakdown,
            Step {
                label: "Target variable pay".to_string(),
                value: factor(fraction),
                source: grade_source(),
                arithmetic: {
                    let exact = mid_target * fraction;
                    let mut text = format!(
                        "{} × {} = {}",
                        amount(mid_target),
                        factor(fraction),
                        amount(exact)
                    );
                    if amount(exact) != amount(variable_amount) {
                        text.push_str(&format!(" → {}", amount(variable_amount)));
                    }
                    text
                },
            }
        );
    }
    let total_target_cash = mid + variable.unwrap_or(0.0);
    Ok(Band {
        grade: grade.grade,
        location_id: location.id.clone(),
        currency: target.to_string(),
        min,
        mid,
        max,
        compa_ranges,
        variable,
        total_target_cash,
        rate_as_of,
        rate_stale,
        breakdown: breakdown.unwrap_or_default(),
    })
}

/// Rounds up to a multiple of `step` (0 or less = unchanged). A value already a multiple, give or
/// take float noise (130,200.000000001), stays put rather than jumping a whole step.
pub fn round_up(value: f64, step: f64) -> f64 {
    if step.is_nan() || step <= 0.0 || !value.is_finite() {
        return value;
    }
    let quotient = value / step;
    let nearest = quotient.round();
    if (quotient - nearest).abs() <= 1e-9 * nearest.abs().max(1.0) {
        nearest * step
    } else {
        quotient.ceil() * step
    }
}

/// An amount with thousands separators and at most two decimals: "130,200", "1,234.5".
pub fn amount(value: f64) -> String {
    number(value, 2)
}

/// A factor with at least two decimals: "0.45", "1.00", "0.125".
fn factor(value: f64) -> String {
    let text = number(value, 4);
    match text.split_once('.') {
        None => format!("{text}.00"),
        Some((_, decimals)) if decimals.len() == 1 => format!("{text}0"),
        Some(_) => text,
    }
}

/// Plain formatting: grouped thousands, up to `decimals` decimals, trailing zeros trimmed.
fn number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let fixed = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let fraction = fraction.trim_end_matches('0');
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if value < 0.0 && (whole != "0" || !fraction.is_empty()) {
        "-"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_goes_up_but_ignores_float_noise() {
        assert_eq!(round_up(130_200.000_000_01, 100.0), 130_200.0);
        assert_eq!(round_up(130_201.0, 100.0), 130_300.0);
        assert_eq!(round_up(130_201.0, 0.0), 130_201.0);
        assert_eq!(round_up(210_000.0 * 0.62, 100.0), 130_200.0);
    }

    #[test]
    fn numbers_are_grouped_and_trimmed() {
        assert_eq!(amount(130_200.0), "130,200");
        assert_eq!(amount(1_234.5), "1,234.5");
        assert_eq!(amount(999.0), "999");
        assert_eq!(amount(-1_000_000.0), "-1,000,000");
        assert_eq!(factor(0.45), "0.45");
        assert_eq!(factor(1.0), "1.00");
        assert_eq!(factor(0.5), "0.50");
        assert_eq!(factor(0.125), "0.125");
    }
}
