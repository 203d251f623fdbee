//! The manifest (`paygrade.json`): what to load and the pay policy to apply.

use crate::names::Names;

use super::Date;

/// The entry point of a data folder: names the tables and roles and carries the policy. Read by
/// `parse_manifest`, which knows each field's name in the file and its default.
#[derive(Debug, Clone, PartialEq)]
pub struct Manifest {
    pub organisation: String,
    pub as_of: Date,
    pub reference: Reference,
    pub tables: Tables,
    /// Job-family pages, or folders of them (ending in `/`): a folder is listed by `paygrade index`,
    /// since a static host cannot list it for the page.
    pub roles: Vec<String>,
    /// The role index `paygrade index` writes (`index.json`): with it, the page lists every role from
    /// one file and fetches only the page a reader opens.
    pub index: Option<String>,
    pub policy: Policy,
    /// Free text shown with every band, e.g. "Illustrative figures, not real pay".
    pub notice: Option<String>,
    /// Where readers report a wrong figure: an issue tracker's "new issue" address with placeholders
    /// (`{title}`, `{body}`, `{location}`, `{factor}`, `{file}`, `{line}`, `{as_of}`, …), filled per band.
    pub feedback_url: Option<String>,
    /// What job ads say beyond the band: benefits, hours per year, the rules' notice.
    pub job_ads: JobAds,
    /// The manifest's own file name, so later errors (bad paths) can name it.
    pub file: String,
}

/// The market and currency every midpoint is quoted in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub market: String,
    pub currency: String,
}

/// Paths of the three tables, relative to the data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tables {
    pub grades: String,
    pub locations: String,
    pub currencies: String,
    /// The folder's own pay-transparency rules, laid over the maintained ones that ship with paygrade
    /// (a row with a maintained row's id replaces it; others are added).
    pub pay_rules: Option<String>,
    /// Equity grants by grade (and zone).
    pub equity: Option<String>,
    /// Benefits by country, with their value a year.
    pub benefits: Option<String>,
    /// Ways to hire by country, each with its pay adjustment.
    pub hiring: Option<String>,
    /// Salary payments a year by country.
    pub payments: Option<String>,
}

/// The organisation's facts that pay-transparency rules ask a job ad to state.
#[derive(Debug, Clone, PartialEq)]
pub struct JobAds {
    /// A description of benefits and other compensation, for rules that want it in the ad.
    pub benefits: Option<String>,
    /// A page describing them, for rules that accept a link instead.
    pub benefits_url: Option<String>,
    /// No longer used (an older format stated an hourly figure); accepted with a warning so older
    /// manifests still load.
    pub hours_per_year: Option<f64>,
    /// A rule set reviewed longer ago than this is flagged, like a stale rate.
    pub rules_max_age_days: u32,
    /// Shown with the rules, e.g. that they are summaries and not legal advice.
    pub rules_notice: Option<String>,
    /// The company's headcount, everywhere: laws cover employers from a size up. Unknown: every law is
    /// assumed to apply, and the check says so.
    pub employees: Option<u32>,
    /// Headcounts in one jurisdiction (a country, state, province or city, as the rules name it), for
    /// laws that count only employees there.
    pub employees_in: Names<u32>,
    /// Whether the ad states the grade's equity grant (some laws ask for other compensation to be described;
    /// some companies want it said anyway).
    pub state_equity: bool,
    /// Sentences an ad carries where a law asks for them, keyed by the rules file's content words
    /// (`ai-screening`, `vacancy-status`, `application-deadline`, …).
    pub statements: Names<String>,
}

impl Default for JobAds {
    fn default() -> Self {
        JobAds {
            benefits: None,
            benefits_url: None,
            hours_per_year: None,
            rules_max_age_days: DEFAULT_MAX_AGE_DAYS,
            rules_notice: None,
            employees: None,
            employees_in: Names::default(),
            state_equity: false,
            statements: Names::default(),
        }
    }
}

/// The organisation's rules for turning a midpoint into a band.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// Amounts are rounded up to a multiple of this, in the target currency; 0 = no rounding.
    pub rounding: f64,
    /// The lowest location factor ever applied (low factors are raised to it).
    pub location_floor: f64,
    /// A rate older than this (against `today`) is flagged as stale.
    pub rate_max_age_days: u32,
    /// Named sub-ranges of the band, as fractions of the midpoint.
    pub compa_groups: Vec<CompaGroup>,
    /// How pay changes on a move between places: `keep-position` (the default), `never-lower` or
    /// `clamp-to-band`. Written `move` in the file.
    pub move_policy: Option<String>,
    /// The widest overlap between adjacent grades' bands `paygrade check` accepts without a warning, as a
    /// fraction of the lower band's width; none by default.
    pub max_overlap: Option<f64>,
    /// Whether a page that publishes no grade is an error (for teams that want every page graded); by
    /// default it is a warning and the page is listed with no published grade.
    pub require_grade: bool,
}

impl Policy {
    /// The move policy the manifest names (the default when it names none or an unknown one, which
    /// `parse_manifest` reports).
    pub fn move_policy(&self) -> super::MovePolicy {
        self.move_policy
            .as_deref()
            .and_then(super::MovePolicy::from_word)
            .unwrap_or_default()
    }
}

/// How old a rate or a rule set may be before it is flagged, when the manifest does not say: a year.
pub(crate) const DEFAULT_MAX_AGE_DAYS: u32 = 365;

/// One compa-ratio group, e.g. "Growing" from 0.90 to 1.00 of the midpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct CompaGroup {
    pub name: String,
    pub from: f64,
    pub to: f64,
}
