//! The pay band formula and its breakdown. Pure arithmetic over a `Dataset`; the UI only
//! formats what this returns.
//!
//! midpoint (role front matter, else grade) × max(location factor, policy floor) = mid in the
//! reference currency; min/max = mid × (1 ∓ spread/2); converted at per_usd[target] /
//! per_usd[reference]; each amount rounded up to `policy.rounding` in the target currency.

use std::fmt;

pub use crate::format::amount;
use crate::format::{factor, number};
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
    // `f64::clamp`'s panic message would link the float formatting into the wasm (clippy.toml).
    #[allow(clippy::manual_clamp)]
    pub fn position(&self, amount: f64) -> f64 {
        let width = self.max - self.min;
        if width.is_nan() || width <= 0.0 || !amount.is_finite() {
            return 0.5;
        }
        ((amount - self.min) / width).max(0.0).min(1.0)
    }
}

/// Computes one band with its breakdown.
pub fn band_for(data: &Dataset, request: &BandRequest) -> Result<Band, BandError> {
    band_with(data, request, explain)
}

/// The same band without its breakdown, for views that show figures only (the grade ladder, compare):
/// formatting the steps is most of a band's cost.
pub fn band_figures(data: &Dataset, request: &BandRequest) -> Result<Band, BandError> {
    band_with(data, request, |_, _, _, _| Vec::new())
}

/// The steps a band carries: its explanation, or none.
type Steps = fn(&Dataset, &Grade, &Location, &Figures) -> Vec<Step>;

fn band_with(data: &Dataset, request: &BandRequest, steps: Steps) -> Result<Band, BandError> {
    let grade = data
        .grade(request.grade)
        .ok_or(BandError::UnknownGrade(request.grade))?;
    let location = data
        .location(request.location_id)
        .ok_or_else(|| BandError::UnknownLocation(request.location_id.to_string()))?;
    let figures = Figures::compute(
        data,
        grade,
        location,
        request.role_midpoint,
        &request.currency,
    )?;
    let breakdown = steps(data, grade, location, &figures);
    Ok(figures.into_band(data, grade, location, request.today, breakdown))
}

/// Every location's band for one grade (the manager table, `paygrade diff`, the build's figures), in
/// location order, without the breakdown; `role_midpoint` is the role's own, where it applies at this grade
/// (`view::own_midpoint_at`).
pub fn bands_for_grade_everywhere(
    data: &Dataset,
    grade: u8,
    role_midpoint: Option<RoleMidpoint>,
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
            let band = Figures::compute(data, grade_row, location, role_midpoint, currency)
                .map(|figures| figures.into_band(data, grade_row, location, today, Vec::new()));
            (location.id.clone(), band)
        })
        .collect()
}

/// Every number the formula produces on the way to a band, before any is explained: the arithmetic alone.
#[derive(Debug, Clone)]
struct Figures<'d> {
    /// The midpoint used and, for a role's own, the page that set it.
    midpoint: f64,
    midpoint_file: Option<&'d str>,
    applied_factor: f64,
    mid_reference: f64,
    min_reference: f64,
    max_reference: f64,
    /// Reference → target; 1 when they are the same.
    conversion: f64,
    /// The rates used (reference, target), empty when no conversion happened.
    rates: Vec<&'d CurrencyRate>,
    rate_as_of: Date,
    target: &'d str,
    min: f64,
    mid: f64,
    max: f64,
    /// mid before rounding, in the target currency.
    mid_exact: f64,
    variable: Option<f64>,
}

impl<'d> Figures<'d> {
    fn compute(
        data: &'d Dataset,
        grade: &Grade,
        location: &'d Location,
        role_midpoint: Option<RoleMidpoint<'d>>,
        currency: &'d CurrencyChoice,
    ) -> Result<Figures<'d>, BandError> {
        let manifest = &data.manifest;
        let policy = &manifest.policy;
        let reference = manifest.reference.currency.as_str();
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
        let (conversion, rate_as_of, rates) =
            match (target == reference, reference_rate, target_rate) {
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
        let (midpoint, midpoint_file) = match role_midpoint {
            Some(own) => (own.amount, Some(own.file)),
            None => (grade.midpoint, None),
        };
        let applied_factor = location.factor.max(policy.location_floor);
        let mid_reference = midpoint * applied_factor;
        let half = grade.spread / 2.0;
        let round = |value: f64| round_up(value, policy.rounding);
        let mid_exact = mid_reference * conversion;
        let mid = round(mid_exact);
        Ok(Figures {
            midpoint,
            midpoint_file,
            applied_factor,
            mid_reference,
            min_reference: mid_reference * (1.0 - half),
            max_reference: mid_reference * (1.0 + half),
            conversion,
            rates,
            rate_as_of,
            target,
            min: round(mid_reference * (1.0 - half) * conversion),
            mid,
            max: round(mid_reference * (1.0 + half) * conversion),
            mid_exact,
            variable: grade.variable.map(|fraction| round(mid_exact * fraction)),
        })
    }

    fn into_band(
        self,
        data: &Dataset,
        grade: &Grade,
        location: &Location,
        today: Option<Date>,
        breakdown: Vec<Step>,
    ) -> Band {
        let policy = &data.manifest.policy;
        let compa_ranges = policy
            .compa_groups
            .iter()
            .map(|group| CompaRange {
                name: group.name.clone(),
                from: round_up(self.mid_exact * group.from, policy.rounding),
                to: round_up(self.mid_exact * group.to, policy.rounding),
            })
            .collect();
        let rate_stale = self
            .rates
            .iter()
            .any(|rate| rate.as_of.older_than(policy.rate_max_age_days, today));
        Band {
            grade: grade.grade,
            location_id: location.id.clone(),
            currency: self.target.to_string(),
            min: self.min,
            mid: self.mid,
            max: self.max,
            compa_ranges,
            variable: self.variable,
            total_target_cash: self.mid + self.variable.unwrap_or(0.0),
            rate_as_of: self.rate_as_of,
            rate_stale,
            breakdown,
        }
    }
}

/// The formula's steps as a reader checks them, each with its source line: reads the figures, computes
/// nothing new.
fn explain(data: &Dataset, grade: &Grade, location: &Location, figures: &Figures) -> Vec<Step> {
    let manifest = &data.manifest;
    let policy = &manifest.policy;
    let tables = &manifest.tables;
    let reference = manifest.reference.currency.as_str();
    let target = figures.target;
    let grade_source = format!(
        "{} line {} (grade {})",
        tables.grades, grade.line, grade.grade
    );
    let mut steps = vec![
        Step {
            label: format!("Midpoint at {} ({reference})", manifest.reference.market),
            value: amount(figures.midpoint),
            source: match figures.midpoint_file {
                Some(file) => format!("{file} front matter (midpoint)"),
                None => grade_source.clone(),
            },
            arithmetic: String::new(),
        },
        Step {
            label: "Location factor".to_string(),
            value: factor(location.factor),
            source: format!(
                "{} line {} ({})",
                tables.locations, location.line, location.id
            ),
            arithmetic: String::new(),
        },
    ];
    if figures.applied_factor > location.factor {
        steps.push(Step {
            label: "Location floor".to_string(),
            value: factor(policy.location_floor),
            source: "policy.location_floor".to_string(),
            arithmetic: format!(
                "max({}, {}) = {}",
                factor(location.factor),
                factor(policy.location_floor),
                factor(figures.applied_factor)
            ),
        });
    }
    steps.push(Step {
        label: format!("Midpoint here ({reference})"),
        value: amount(figures.mid_reference),
        source: "midpoint × factor".to_string(),
        arithmetic: format!(
            "{} × {} = {}",
            amount(figures.midpoint),
            factor(figures.applied_factor),
            amount(figures.mid_reference)
        ),
    });
    steps.push(Step {
        label: "Spread".to_string(),
        value: factor(grade.spread),
        source: grade_source.clone(),
        arithmetic: format!(
            "min = {m} × (1 − {s} / 2) = {min}; max = {m} × (1 + {s} / 2) = {max}",
            m = amount(figures.mid_reference),
            s = factor(grade.spread),
            min = amount(figures.min_reference),
            max = amount(figures.max_reference)
        ),
    });
    if target != reference {
        let rate_source = figures
            .rates
            .iter()
            .map(|rate| {
                format!(
                    "{} line {} ({} {})",
                    tables.currencies, rate.line, rate.currency, rate.as_of
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let (from_per_usd, to_per_usd) = match figures.rates.as_slice() {
            [from, to] => (from.per_usd, to.per_usd),
            _ => (1.0, figures.conversion),
        };
        steps.push(Step {
            label: format!("Exchange rate ({reference} → {target})"),
            value: number(figures.conversion, 6),
            source: rate_source,
            arithmetic: format!(
                "{} {target} per USD ÷ {} {reference} per USD = {}; mid {} × {} = {}",
                number(to_per_usd, 6),
                number(from_per_usd, 6),
                number(figures.conversion, 6),
                amount(figures.mid_reference),
                number(figures.conversion, 6),
                amount(figures.mid_exact)
            ),
        });
    }
    if policy.rounding > 0.0 {
        steps.push(Step {
            label: format!("Rounding ({target})"),
            value: amount(policy.rounding),
            source: "policy.rounding".to_string(),
            arithmetic: format!(
                "rounded up to the next {}: min {} → {}; mid {} → {}; max {} → {}",
                amount(policy.rounding),
                amount(figures.min_reference * figures.conversion),
                amount(figures.min),
                amount(figures.mid_exact),
                amount(figures.mid),
                amount(figures.max_reference * figures.conversion),
                amount(figures.max)
            ),
        });
    }
    if let (Some(fraction), Some(variable)) = (grade.variable, figures.variable) {
        let exact = figures.mid_exact * fraction;
        let mut arithmetic = format!(
            "{} × {} = {}",
            amount(figures.mid_exact),
            factor(fraction),
            amount(exact)
        );
        if amount(exact) != amount(variable) {
            arithmetic.push_str(&format!(" → {}", amount(variable)));
        }
        steps.push(Step {
            label: "Target variable pay".to_string(),
            value: factor(fraction),
            source: grade_source,
            arithmetic,
        });
    }
    steps
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
}
