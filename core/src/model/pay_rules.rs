//! One row of the pay-transparency rules file (`pay-rules.csv`): what a place's law asks of a job ad.
//!
//! Every fact about a law lives in the data, never in code: a company replaces or extends the file,
//! and the check in `transparency` only reads these fields.

use super::Date;

/// One law's demands on a job ad, for the places it covers. A summary for a check, not legal advice.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSet {
    /// Stable id, unique in the file (`colorado`, `eu-2023-970`).
    pub id: String,
    /// What a reader calls it: "Colorado Equal Pay for Equal Work Act".
    pub name: String,
    /// The countries it covers, as `locations.csv` writes them.
    pub countries: Vec<String>,
    /// A narrower area inside the one country (a state, province or city), matched against location areas.
    pub area: Option<String>,
    /// The law's citation, e.g. "C.R.S. 8-5-201".
    pub citation: String,
    /// Where to read it (http or https).
    pub source: String,
    /// The day the rule starts to apply.
    pub applies_from: Date,
    /// The day someone last checked this row against its source.
    pub reviewed: Date,
    /// Whether a posting needs a minimum and a maximum.
    pub range: RangeRule,
    /// Whether a link may stand in for the range in the ad itself.
    pub range_by_link: bool,
    /// Annual or hourly figures, or both.
    pub pay_period: PeriodRule,
    /// Whether the ad must describe benefits, and whether a link will do.
    pub benefits: BenefitsRule,
    /// Whether the range is base pay only, or must be stated with variable pay.
    pub pay_basis: PayBasis,
    /// The widest allowed gap between minimum and maximum, in `cap_currency`.
    pub width_cap: Option<f64>,
    /// The cap is not applied when the range's maximum is above this, in `cap_currency`.
    pub cap_exempt_above: Option<f64>,
    /// The currency `width_cap` and `cap_exempt_above` are written in.
    pub cap_currency: Option<String>,
    /// Whether it covers remote roles that could be done in its place.
    pub remote: bool,
    /// Whether employers may not ask applicants about their pay history.
    pub pay_history_ban: bool,
    /// A sentence the ad or the page should carry when this rule set applies.
    pub ad_text: Option<String>,
    /// The rule in plain words, as the data's author summarised it.
    pub summary: String,
    /// Where the row came from, for reports.
    pub line: usize,
}

/// How a posting states its pay range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeRule {
    /// A minimum and a maximum; "from $X" or "up to $Y" does not comply.
    Bounded,
    /// A minimum and a maximum, or one exact figure.
    BoundedOrSingle,
}

/// Which pay periods the range is stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodRule {
    /// Annual or hourly, either will do.
    YearOrHour,
    /// Gross annual pay with the matching gross hourly figure.
    YearAndHour,
}

/// What the ad says about benefits and other compensation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BenefitsRule {
    /// Nothing required.
    NotRequired,
    /// A description, or a link to one.
    TextOrLink,
    /// A description in the ad itself.
    Text,
}

/// What the stated range must cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayBasis {
    /// Base pay; the ad says the range is base pay only.
    Base,
    /// Base pay stated together with target variable pay (bonus, commission).
    BaseAndVariable,
}

impl RuleSet {
    /// Whether this row is past its review: reviewed more than `max_age_days` before `today`.
    pub fn review_stale(&self, today: Option<Date>, max_age_days: u32) -> bool {
        today.is_some_and(|today| {
            today.days_since_epoch() - self.reviewed.days_since_epoch() > i64::from(max_age_days)
        })
    }

    /// Whether it is in force on `today` (unknown today counts as in force).
    pub fn in_force(&self, today: Option<Date>) -> bool {
        today.is_none_or(|today| today >= self.applies_from)
    }
}
