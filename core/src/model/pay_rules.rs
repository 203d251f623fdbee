//! One row of the pay-transparency rules (`rules/pay-rules.csv`, maintained with paygrade, extended or
//! overridden by a data folder's own file): what one law asks of a job ad, where, from when, and of whom.
//!
//! Every fact about a law lives in the data, never in code: the check in `transparency` only reads these
//! fields, and each row cites its law and the sources it was checked against.

use super::{Date, Location};

/// What a row is: a law that binds employers, or context that binds no one (the EU Directive in one
/// member state, shown as a notice while its national act is not in force).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    Law,
    DirectiveContext,
}

/// Where a law holds: a country, a state or province in it, a city (or county) in that.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Jurisdiction {
    pub country: String,
    pub region: Option<String>,
    pub city: Option<String>,
}

impl Jurisdiction {
    /// Whether this jurisdiction takes in `location`: the same country and, where the row is narrower, the
    /// location's state (the last part of its area) and city (the first part of an area of two or more).
    pub fn takes_in(&self, location: &Location) -> bool {
        if !self.country.eq_ignore_ascii_case(location.country.trim()) {
            return false;
        }
        // Checked for every law at every location of a table: no allocation here.
        let (first, last, count) = location.area_ends();
        let region_ok = self
            .region
            .as_deref()
            .is_none_or(|region| last.is_some_and(|last| last.eq_ignore_ascii_case(region)));
        let city_ok = self.city.as_deref().is_none_or(|city| {
            count >= 2 && first.is_some_and(|first| first.eq_ignore_ascii_case(city))
        });
        region_ok && city_ok
    }

    /// Whether this jurisdiction lies inside the area `location` stands for, so that a remote role open to
    /// all of that area is open to it: a whole country takes in its states and cities; a state-wide row
    /// (`Everywhere else, Texas`) its cities.
    pub fn lies_within(&self, location: &Location) -> bool {
        if !self.country.eq_ignore_ascii_case(location.country.trim()) {
            return false;
        }
        if location.whole_country() {
            return true;
        }
        // `Everywhere else, Texas`: the rest of a state takes in the cities of that state.
        match (location.is_rest_of_region(), location.area_ends()) {
            (true, (Some(state), _, 1)) => {
                self.city.is_some()
                    && self
                        .region
                        .as_deref()
                        .is_some_and(|region| region.eq_ignore_ascii_case(state))
            }
            _ => false,
        }
    }

    /// "Ontario, Canada", "New York, New York, United States": how a reader names it.
    pub fn name(&self) -> String {
        [
            self.city.as_deref(),
            self.region.as_deref(),
            Some(&self.country),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// Whose employees a size threshold counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// All the employer's employees, wherever they work.
    Anywhere,
    /// Only those working in the jurisdiction.
    InJurisdiction,
}

/// How the ad must state pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayRule {
    /// A minimum and a maximum; one figure is not accepted.
    Range,
    /// A range, or one figure where the pay is fixed.
    RangeOrSingle,
    /// A minimum alone is enough (e.g. Austria's collectively agreed minimum).
    Minimum,
    /// The pay or its range must reach applicants before the interview (or on request), not necessarily in
    /// the ad.
    BeforeInterview,
}

/// What the ad says about benefits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BenefitsRule {
    NotRequired,
    /// A general description, or a link to one.
    TextOrLink,
    /// A description in the ad itself.
    Text,
}

/// What the stated pay must cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayBasis {
    Base,
    /// Base pay with bonuses, commission and other compensation.
    BaseAndVariable,
}

/// Whether a law reaches something (remote roles, internal postings), as far as its sources say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    Yes,
    No,
    /// The sources are silent or disagree; the check assumes it does, and says so.
    Unclear,
}

/// Something else an ad must carry, from a closed list so the check and the docs can name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Content {
    ApplicationDeadline,
    JobDescription,
    AiScreening,
    VacancyStatus,
    CollectiveAgreement,
    PayCriteria,
    GenderNeutral,
}

impl Content {
    /// Every word, as the rules file and `job_ads.statements` write it.
    pub const ALL: [Content; 7] = [
        Content::ApplicationDeadline,
        Content::JobDescription,
        Content::AiScreening,
        Content::VacancyStatus,
        Content::CollectiveAgreement,
        Content::PayCriteria,
        Content::GenderNeutral,
    ];

    /// The word in the rules file.
    pub fn word(self) -> &'static str {
        match self {
            Content::ApplicationDeadline => "application-deadline",
            Content::JobDescription => "job-description",
            Content::AiScreening => "ai-screening",
            Content::VacancyStatus => "vacancy-status",
            Content::CollectiveAgreement => "collective-agreement",
            Content::PayCriteria => "pay-criteria",
            Content::GenderNeutral => "gender-neutral",
        }
    }

    /// What the ad must say, in plain words.
    pub fn requirement(self) -> &'static str {
        match self {
            Content::ApplicationDeadline => {
                "The date applications close, or that they are taken on a rolling basis"
            }
            Content::JobDescription => "The job description",
            Content::AiScreening => {
                "Whether artificial intelligence is used to screen, assess or select applicants"
            }
            Content::VacancyStatus => "Whether the posting is for an existing vacancy",
            Content::CollectiveAgreement => {
                "The collective agreement that applies, with its minimum pay"
            }
            Content::PayCriteria => "The criteria the pay is set by",
            Content::GenderNeutral => "A gender-neutral job title and wording",
        }
    }

    pub fn from_word(word: &str) -> Option<Content> {
        Content::ALL
            .into_iter()
            .find(|content| content.word() == word)
    }
}

/// How far the EU Directive's national act has come in one member state (context rows only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transposition {
    InForce,
    /// In force for part of the employers or duties only.
    Partial,
    Enacted,
    Draft,
    NoneKnown,
}

/// One law's demands on a job ad (or one context row). A summary for a check, not legal advice.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSet {
    pub kind: RuleKind,
    /// Stable id, unique across the maintained rules and a folder's own (`us-colorado`, `ca-ontario`).
    pub id: String,
    pub name: String,
    pub jurisdiction: Jurisdiction,
    pub citation: String,
    /// An official page where one was found, else the best page read (its `sources_note` says which).
    pub source: String,
    pub second_source: Option<String>,
    /// The day the duty on job ads starts.
    pub in_force_from: Date,
    /// The day after which it no longer applies (lapsed or superseded).
    pub in_force_until: Option<Date>,
    /// When penalties start, where that is later than `in_force_from`.
    pub enforced_from: Option<Date>,
    /// The smallest employer covered; `None`: every employer.
    pub employees_min: Option<u32>,
    pub employees_counted: Counted,
    pub pay: PayRule,
    /// Whether a link to the pay may stand in for the figures in the ad.
    pub pay_by_link: bool,
    pub pay_basis: PayBasis,
    pub benefits: BenefitsRule,
    /// The widest allowed gap between minimum and maximum, in `cap_currency`.
    pub width_cap: Option<f64>,
    /// The cap stops applying above this maximum, in `cap_currency`.
    pub cap_exempt_above: Option<f64>,
    /// The whole pay-disclosure duty lapses when the pay (the range's top) is above this, in `cap_currency`.
    pub duty_exempt_above: Option<f64>,
    pub cap_currency: Option<String>,
    pub remote: Reach,
    pub internal: Reach,
    pub other_content: Vec<Content>,
    pub pay_history_ban: bool,
    /// Context rows: how far the member state's act has come.
    pub transposition: Option<Transposition>,
    /// Who or what the law leaves out, in plain words.
    pub exemptions: String,
    pub summary: String,
    /// What was read, and where sources conflict or are thin.
    pub sources_note: String,
    /// The day the row was last checked against its sources.
    pub reviewed: Date,
    /// The file and line the row came from, for reports.
    pub file: String,
    pub line: usize,
}

impl RuleSet {
    /// Whether the row was last checked more than `max_age_days` before `today`.
    pub fn review_stale(&self, today: Option<Date>, max_age_days: u32) -> bool {
        self.reviewed.older_than(max_age_days, today)
    }

    /// Whether it is a law (not context) that covers remote roles that could be filled from its place, as
    /// far as the sources say (an unclear reach counts: the check would rather ask too much than too little).
    pub fn may_cover_remote(&self) -> bool {
        self.kind == RuleKind::Law && self.remote != Reach::No
    }
}
