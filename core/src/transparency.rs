//! Pay-transparency checks for a job ad: which laws take in the places a posting is open to, whether each
//! applies on the posting date to a company of this size, whether the ad as paygrade writes it meets each
//! law that applies, and, when the band is too wide, a compliant range inside it.
//!
//! Nothing about any law is written here: every requirement is a field of a `RuleSet` read from the rules
//! file. The checks are against the rules' summaries, which are not legal advice.

use crate::band::{round_up, Band};
use crate::format::amount;
use crate::model::{
    BenefitsRule, Content, Counted, Dataset, Date, JobAds, Location, PayBasis, PayRule, Reach,
    RuleKind, RuleSet, Transposition,
};

/// The figures of a band an ad states, in one currency: what the checks need from `Band`.
#[derive(Debug, Clone, PartialEq)]
pub struct PostedBand {
    pub currency: String,
    pub min: f64,
    pub mid: f64,
    pub max: f64,
    /// Target variable pay a year, when the grade has it.
    pub variable: Option<f64>,
}

impl From<&Band> for PostedBand {
    fn from(band: &Band) -> Self {
        PostedBand {
            currency: band.currency.clone(),
            min: band.min,
            mid: band.mid,
            max: band.max,
            variable: band.variable,
        }
    }
}

/// How an ad states its pay; the open-ended forms exist so the checks can say why they fail.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PostedRange {
    Between(f64, f64),
    Exactly(f64),
    From(f64),
    UpTo(f64),
}

impl PostedRange {
    /// The lowest and highest figure the ad states (an open end is the stated figure).
    fn ends(self) -> (f64, f64) {
        match self {
            PostedRange::Between(min, max) => (min, max),
            PostedRange::Exactly(value) | PostedRange::From(value) | PostedRange::UpTo(value) => {
                (value, value)
            }
        }
    }
}

/// What the ad says about benefits.
#[derive(Debug, Clone, PartialEq)]
pub enum BenefitsStatement {
    None,
    Text(String),
    Link(String),
}

/// A job ad's pay statement as it would be published: the thing each law is checked against.
#[derive(Debug, Clone, PartialEq)]
pub struct Posting {
    pub currency: String,
    /// Annual figures.
    pub range: PostedRange,
    /// Whether the range is written in the ad itself (not only behind a link).
    pub range_in_ad: bool,
    pub benefits: BenefitsStatement,
    /// Whether the ad states the target variable pay (or that there is none).
    pub states_variable: bool,
    pub variable: Option<f64>,
    /// A remote posting, open to applicants in its places.
    pub remote: bool,
    /// The sentences the ad carries because a law asks for them (from `job_ads.statements`).
    pub statements: Vec<(Content, String)>,
}

/// Whether a posting meets one requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Meets,
    /// Guidance the ad cannot show it follows (not asking for pay history), or an assumption made.
    Note,
    /// Something paygrade cannot check or write: data missing (a rate, a statement) or content only the
    /// hiring manager knows.
    CannotTell,
    Breaks,
}

/// One requirement of one law, checked, in plain words.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What the law asks: "A minimum and a maximum".
    pub requirement: String,
    pub verdict: Verdict,
    /// Why, in a sentence: "The ad states 100,000 CAD to 150,000 CAD."
    pub detail: String,
}

/// Where a law stands for this posting on its date, for this company.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleStatus {
    /// In force, taking in the posting, and the company is large enough: its findings count.
    Applies,
    /// Enacted, in force from this later date.
    Upcoming(Date),
    /// The company is smaller than the law's threshold (the law's minimum, the count used).
    BelowThreshold { minimum: u32, counted: u32 },
    /// The law exempts this posting, for the reason given.
    Exempt(String),
    /// No longer in force after this date.
    Lapsed(Date),
}

impl RuleStatus {
    /// The word pages and tests read (`data-rule-status`).
    pub fn word(&self) -> &'static str {
        match self {
            RuleStatus::Applies => "applies",
            RuleStatus::Upcoming(_) => "upcoming",
            RuleStatus::BelowThreshold { .. } => "below-threshold",
            RuleStatus::Exempt(_) => "exempt",
            RuleStatus::Lapsed(_) => "lapsed",
        }
    }

    /// The status in a sentence.
    pub fn explain(&self) -> String {
        match self {
            RuleStatus::Applies => "Applies to this posting.".to_string(),
            RuleStatus::Upcoming(date) => format!("Not yet in force: it applies to ads posted from {date}."),
            RuleStatus::BelowThreshold { minimum, counted } => format!(
                "Does not apply: it covers employers with {minimum} or more employees, and this company has {counted}."
            ),
            RuleStatus::Exempt(reason) => format!("Does not apply: {reason}"),
            RuleStatus::Lapsed(date) => format!("No longer in force: it ended on {date}."),
        }
    }
}

/// One law with the places of the posting it takes in, its status and, where it applies, its findings.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSetCheck {
    pub rule: RuleSet,
    /// Names of the places of the posting this law takes in (or, for a remote role, is open to).
    pub places: Vec<String>,
    pub status: RuleStatus,
    /// Checked longer ago than `job_ads.rules_max_age_days`.
    pub stale: bool,
    /// Findings, only when the law applies.
    pub findings: Vec<Finding>,
}

impl RuleSetCheck {
    /// The worst finding: one break makes the posting break the law. A law that does not apply has none.
    pub fn verdict(&self) -> Verdict {
        overall(&self.findings)
    }

    pub fn applies(&self) -> bool {
        self.status == RuleStatus::Applies
    }
}

fn overall(findings: &[Finding]) -> Verdict {
    let worst = findings
        .iter()
        .map(|finding| finding.verdict)
        .max()
        .unwrap_or(Verdict::Meets);
    if worst == Verdict::Note {
        Verdict::Meets
    } else {
        worst
    }
}

/// The laws one place of the posting falls under.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRules {
    pub location_id: String,
    pub name: String,
    /// Ids of the laws taking in this place (whatever their status).
    pub rule_ids: Vec<String>,
}

/// The strictest combination of everything the applying laws ask, so one ad meets them all.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Needs {
    /// A minimum and a maximum (some law refuses a single figure).
    pub min_and_max: bool,
    /// The range must be in the ad, not behind a link.
    pub range_in_ad: bool,
    pub benefits: Option<BenefitsRule>,
    pub variable: bool,
    /// The narrowest width cap that applies to this band, in the posting's currency, and whose it is.
    pub width_cap: Option<(f64, String)>,
    pub pay_history_ban: bool,
    /// Other content the ad must carry.
    pub content: Vec<Content>,
    /// Where applicants may be, for a remote posting.
    pub remote_scope: Vec<String>,
    /// The currency the ad states its figures in (and `width_cap` is converted to).
    pub currency: String,
}

/// A range inside the band that meets the cap, and how it was chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferedRange {
    pub min: f64,
    pub max: f64,
    pub reason: String,
}

/// Everything the job-ad section shows: the places, every law that takes them in with its status and
/// findings, the EU Directive's context where a member state has not put it into force, the strictest
/// needs, the ad as paygrade writes it, and, if the band breaks a law, a compliant range with its findings.
#[derive(Debug, Clone, PartialEq)]
pub struct AdCheck {
    pub places: Vec<PlaceRules>,
    /// The date the ad is checked for (`None`: unknown, every law in force counts).
    pub posted: Option<Date>,
    /// Every law taking in the posting, in file order, whatever its status.
    pub rule_sets: Vec<RuleSetCheck>,
    /// Context rows (the Directive in a member state whose act is not in force): notices, never checks.
    pub notices: Vec<RuleSet>,
    pub needs: Needs,
    pub posting: Posting,
    pub offered: Option<OfferedRange>,
    /// The applying laws checked against the offered range's posting.
    pub offered_rule_sets: Vec<RuleSetCheck>,
}

impl AdCheck {
    /// The band as posted: meets every law that applies, breaks one, or cannot be checked.
    pub fn verdict(&self) -> Verdict {
        worst_of(&self.rule_sets)
    }

    /// The offered range's verdict over every applying law, when a range was offered.
    pub fn offered_verdict(&self) -> Option<Verdict> {
        self.offered
            .as_ref()
            .map(|_| worst_of(&self.offered_rule_sets))
    }

    /// The posting to publish: the offered range when the band breaks a law, else the band.
    pub fn final_posting(&self) -> Posting {
        match &self.offered {
            Some(offered) => Posting {
                range: PostedRange::Between(offered.min, offered.max),
                ..self.posting.clone()
            },
            None => self.posting.clone(),
        }
    }

    /// The laws that apply, in file order.
    pub fn applying(&self) -> impl Iterator<Item = &RuleSetCheck> {
        self.rule_sets.iter().filter(|check| check.applies())
    }

    /// True when no law in the data takes in any place of the posting.
    pub fn no_rules(&self) -> bool {
        self.rule_sets.is_empty()
    }

    /// Names of the places no law takes in: the ad is unchecked there.
    pub fn places_without_rule(&self) -> Vec<&str> {
        self.places
            .iter()
            .filter(|place| place.rule_ids.is_empty())
            .map(|place| place.name.as_str())
            .collect()
    }
}

fn worst_of(checks: &[RuleSetCheck]) -> Verdict {
    checks
        .iter()
        .filter(|check| check.applies())
        .map(RuleSetCheck::verdict)
        .max()
        .unwrap_or(Verdict::Meets)
}

/// The posting's circumstances besides its band: where, remote or not, and when.
#[derive(Debug, Clone, Copy)]
pub struct PostingFacts<'a> {
    /// Where the job is, the location the band was computed for first.
    pub places: &'a [&'a Location],
    pub remote: bool,
    /// The date the ad goes out; `None`: unknown (every law in force on any date counts).
    pub posted: Option<Date>,
    /// Today, for the rows' review age.
    pub today: Option<Date>,
}

/// How a law reaches a place of the posting: the law's jurisdiction takes in the place, or (for a remote
/// role) the law lies inside the area the role is open to and covers remote roles, as far as its sources say.
pub fn reaches(rule: &RuleSet, place: &Location, remote: bool) -> bool {
    rule.jurisdiction.takes_in(place)
        || (remote && rule.may_cover_remote() && rule.jurisdiction.lies_within(place))
}

/// Checks the band for a posting against every law that reaches its places: the strictest combination.
pub fn check_ad(data: &Dataset, band: &PostedBand, facts: PostingFacts) -> AdCheck {
    check_with(data, band, facts, true)
}

/// `check_ad`, with or without working out a compliant range (the table only needs the verdict).
fn check_with(data: &Dataset, band: &PostedBand, facts: PostingFacts, offer: bool) -> AdCheck {
    let mut place_rules = Vec::new();
    let mut reaching: Vec<(&RuleSet, Vec<String>)> = Vec::new();
    let mut notices: Vec<RuleSet> = Vec::new();
    for location in facts.places {
        let name = location.name();
        let mut rule_ids = Vec::new();
        for rule in data
            .pay_rules
            .iter()
            .filter(|rule| reaches(rule, location, facts.remote))
        {
            if rule.kind == RuleKind::DirectiveContext {
                if rule.transposition != Some(Transposition::InForce)
                    && !notices.iter().any(|seen| seen.id == rule.id)
                {
                    notices.push(rule.clone());
                }
                continue;
            }
            rule_ids.push(rule.id.clone());
            match reaching.iter_mut().find(|(seen, _)| seen.id == rule.id) {
                Some((_, names)) => {
                    if !names.contains(&name) {
                        names.push(name.clone());
                    }
                }
                None => reaching.push((rule, vec![name.clone()])),
            }
        }
        place_rules.push(PlaceRules {
            location_id: location.id.clone(),
            name,
            rule_ids,
        });
    }
    // File order, so the list reads the same whichever place was picked first.
    crate::order::sort_by(&mut reaching, |(a, _), (b, _)| {
        a.file.cmp(&b.file).then(a.line.cmp(&b.line))
    });

    let ads = &data.manifest.job_ads;
    let statuses: Vec<RuleStatus> = reaching
        .iter()
        .map(|(rule, _)| status(data, rule, band, facts.posted, ads))
        .collect();
    let applying: Vec<&RuleSet> = reaching
        .iter()
        .zip(&statuses)
        .filter(|(_, status)| **status == RuleStatus::Applies)
        .map(|((rule, _), _)| *rule)
        .collect();
    let needs = combine(data, band, &applying, facts);
    let posting = posting_for(data, band, &needs, facts.remote);
    let max_age = ads.rules_max_age_days;
    let checks_for = |posting: &Posting| -> Vec<RuleSetCheck> {
        reaching
            .iter()
            .zip(&statuses)
            .map(|((rule, names), status)| RuleSetCheck {
                rule: (*rule).clone(),
                places: names.clone(),
                status: status.clone(),
                stale: rule.review_stale(facts.today, max_age),
                findings: if *status == RuleStatus::Applies {
                    check_posting(data, rule, posting, names, facts.posted)
                } else {
                    Vec::new()
                },
            })
            .collect()
    };
    let rule_sets = checks_for(&posting);
    // The narrowest cap is the one a width finding breaks first: the band is too wide for some law
    // exactly when it is wider than that one.
    let offered = match &needs.width_cap {
        Some((cap, whose)) if offer && band.max - band.min > cap + WIDTH_SLACK => {
            Some(centred_range(data, band, *cap, whose))
        }
        _ => None,
    };
    let offered_rule_sets = match &offered {
        Some(offered) => checks_for(&Posting {
            range: PostedRange::Between(offered.min, offered.max),
            ..posting.clone()
        }),
        None => Vec::new(),
    };
    AdCheck {
        places: place_rules,
        posted: facts.posted,
        rule_sets,
        notices,
        needs,
        posting,
        offered,
        offered_rule_sets,
    }
}

/// Whether a law applies to this posting on its date, for this company: lapsed, not yet in force, below
/// the size threshold, exempt above a pay ceiling, or applying.
pub fn status(
    data: &Dataset,
    rule: &RuleSet,
    band: &PostedBand,
    posted: Option<Date>,
    ads: &JobAds,
) -> RuleStatus {
    if let (Some(posted), Some(until)) = (posted, rule.in_force_until) {
        if posted > until {
            return RuleStatus::Lapsed(until);
        }
    }
    if posted.is_some_and(|posted| posted < rule.in_force_from) {
        return RuleStatus::Upcoming(rule.in_force_from);
    }
    if let (Some(minimum), Some(counted)) = (rule.employees_min, headcount(ads, rule)) {
        if counted < minimum {
            return RuleStatus::BelowThreshold { minimum, counted };
        }
    }
    if let (Some(ceiling), Some(currency)) = (rule.duty_exempt_above, rule.cap_currency.as_deref())
    {
        if let Some(conversion) = data.conversion(currency, &band.currency) {
            if band.max > ceiling * conversion + WIDTH_SLACK {
                return RuleStatus::Exempt(format!(
                    "the pay's top, {} {}, is above {} {currency}, where this law's pay disclosure lapses.",
                    amount(band.max),
                    band.currency,
                    amount(ceiling)
                ));
            }
        }
    }
    RuleStatus::Applies
}

/// The headcount a law's threshold is compared with: the count in its jurisdiction when the law counts
/// only those and the data gives it, else the company's total (a total below the threshold is below it
/// in any part too). `None`: the data does not say, and the law is assumed to apply.
fn headcount(ads: &JobAds, rule: &RuleSet) -> Option<u32> {
    let local = || {
        let jurisdiction = &rule.jurisdiction;
        [
            jurisdiction.city.as_deref(),
            jurisdiction.region.as_deref(),
            Some(jurisdiction.country.as_str()),
        ]
        .into_iter()
        .flatten()
        .find_map(|name| {
            ads.employees_in
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(name))
                .map(|(_, count)| *count)
        })
    };
    match rule.employees_counted {
        Counted::InJurisdiction => local().or(ads.employees),
        Counted::Anywhere => ads.employees,
    }
}

/// What the ad must state for an applying law, in a short list for the table and the CSV.
pub fn needs_summary(needs: &Needs) -> String {
    let mut parts = vec![if needs.min_and_max {
        "min and max".to_string()
    } else {
        "a range or one figure".to_string()
    }];
    match needs.benefits {
        Some(BenefitsRule::Text) => parts.push("benefits text".to_string()),
        Some(BenefitsRule::TextOrLink) => parts.push("benefits text or link".to_string()),
        _ => {}
    }
    parts.push(if needs.variable {
        "base plus variable".to_string()
    } else {
        "base pay".to_string()
    });
    if let Some((cap, _)) = &needs.width_cap {
        parts.push(format!("width at most {} {}", amount(*cap), needs.currency));
    }
    parts.extend(
        needs
            .content
            .iter()
            .map(|content| content.word().to_string()),
    );
    if !needs.remote_scope.is_empty() {
        parts.push(format!("remote: {}", needs.remote_scope.join("; ")));
    }
    parts.join("; ")
}

/// How far past a width cap a range may be before it breaks it: a rounding error, not a wider range.
const WIDTH_SLACK: f64 = 1e-6;

fn combine(data: &Dataset, band: &PostedBand, applying: &[&RuleSet], facts: PostingFacts) -> Needs {
    let mut needs = Needs {
        currency: band.currency.clone(),
        ..Needs::default()
    };
    for rule in applying {
        needs.min_and_max |= rule.pay == PayRule::Range;
        needs.range_in_ad |= !rule.pay_by_link;
        if rule.benefits != BenefitsRule::NotRequired {
            needs.benefits = needs.benefits.max(Some(rule.benefits));
        }
        needs.variable |= rule.pay_basis == PayBasis::BaseAndVariable;
        needs.pay_history_ban |= rule.pay_history_ban;
        for content in &rule.other_content {
            if !needs.content.contains(content) {
                needs.content.push(*content);
            }
        }
        if let Some(Ok(Some(cap))) = cap_here(data, rule, band) {
            if needs.width_cap.as_ref().is_none_or(|(seen, _)| cap < *seen) {
                needs.width_cap = Some((cap, rule.name.clone()));
            }
        }
    }
    crate::order::sort_by(&mut needs.content, Ord::cmp);
    if facts.remote {
        needs.remote_scope = facts
            .places
            .iter()
            .map(|location| location.name())
            .collect();
    }
    needs
}

/// A law's width cap in the band's currency: `None` when it has no cap, `Ok(None)` when the band is above
/// its exemption, `Err` when an exchange rate is missing.
fn cap_here(
    data: &Dataset,
    rule: &RuleSet,
    band: &PostedBand,
) -> Option<Result<Option<f64>, String>> {
    let cap = rule.width_cap?;
    let currency = rule.cap_currency.as_deref().unwrap_or(&band.currency);
    let Some(conversion) = data.conversion(currency, &band.currency) else {
        let missing = if data.rate(currency).is_none() {
            currency
        } else {
            band.currency.as_str()
        };
        return Some(Err(missing.to_string()));
    };
    let exempt = rule
        .cap_exempt_above
        .is_some_and(|threshold| band.max > threshold * conversion);
    Some(Ok((!exempt).then_some(cap * conversion)))
}

/// The ad as paygrade writes it for these needs: every statement the data lets it make.
fn posting_for(data: &Dataset, band: &PostedBand, needs: &Needs, remote: bool) -> Posting {
    let ads = &data.manifest.job_ads;
    let range = if band.min == band.max {
        PostedRange::Exactly(band.min)
    } else {
        PostedRange::Between(band.min, band.max)
    };
    let benefits = match (needs.benefits, &ads.benefits, &ads.benefits_url) {
        (None, _, _) => BenefitsStatement::None,
        (Some(_), Some(text), _) => BenefitsStatement::Text(text.clone()),
        (Some(_), None, Some(url)) => BenefitsStatement::Link(url.clone()),
        (Some(_), None, None) => BenefitsStatement::None,
    };
    let statements = needs
        .content
        .iter()
        .filter_map(|content| {
            ads.statements
                .get(content.word())
                .map(|text| (*content, text.clone()))
        })
        .collect();
    Posting {
        currency: band.currency.clone(),
        range,
        range_in_ad: true,
        benefits,
        states_variable: needs.variable,
        variable: band.variable,
        remote,
        statements,
    }
}

/// A range centred on the midpoint as wide as the cap allows, kept inside the band and rounded inward.
fn centred_range(data: &Dataset, band: &PostedBand, cap: f64, whose: &str) -> OfferedRange {
    let step = data.manifest.policy.rounding;
    // The band is wider than the cap here, so `band.max - cap` is above `band.min`.
    let low = (band.mid - cap / 2.0).min(band.max - cap).max(band.min);
    let high = (low + cap).min(band.max);
    // Inward: up for the minimum, down for the maximum, so rounding never widens past the cap.
    let low = round_up(low, step).min(high);
    let high = (-round_up(-high, step)).max(low);
    let groups: Vec<&str> = data
        .manifest
        .policy
        .compa_groups
        .iter()
        .filter(|group| {
            round_up(band.mid * group.from, step) >= low
                && round_up(band.mid * group.to, step) <= high
        })
        .map(|group| group.name.as_str())
        .collect();
    let mut reason = format!(
        "Centred on the midpoint ({}) and as wide as the narrowest cap allows ({} {}, {}), inside the band {} to {}",
        amount(band.mid),
        amount(cap),
        band.currency,
        whose,
        amount(band.min),
        amount(band.max)
    );
    if step > 0.0 {
        reason.push_str(&format!(", rounded inward to {}", amount(step)));
    }
    reason.push('.');
    if !groups.is_empty() {
        reason.push_str(&format!(
            " It covers the {} compa group{} in full.",
            groups.join(" and "),
            if groups.len() == 1 { "" } else { "s" }
        ));
    }
    OfferedRange {
        min: low,
        max: high,
        reason,
    }
}

/// Every requirement of one applying law, checked against one posting: for the ad paygrade writes, for
/// ads written by hand (an open-ended "from $X", one figure), and for tests of each kind of law. Each
/// requirement is its own function, so a new column of the rules file is a new function here.
pub fn check_posting(
    data: &Dataset,
    rule: &RuleSet,
    posting: &Posting,
    places: &[String],
    posted: Option<Date>,
) -> Vec<Finding> {
    let money = |value: f64| format!("{} {}", amount(value), posting.currency);
    let mut out = vec![pay_statement(rule, posting, &money)];
    out.extend(pay_in_ad(rule, posting));
    out.push(pay_basis(rule, posting, &money));
    out.extend(benefits(rule, posting));
    out.extend(width_cap(data, rule, posting, &money));
    out.extend(other_content(rule, posting));
    out.extend(remote_reach(rule, posting, places));
    out.extend(company_size(rule, &data.manifest.job_ads));
    out.extend(enforcement(rule, posted));
    out.extend(pay_history(rule));
    out
}

fn finding(requirement: &str, verdict: Verdict, detail: String) -> Finding {
    Finding {
        requirement: requirement.to_string(),
        verdict,
        detail,
    }
}

/// The pay as the law wants it stated: a range, a range or one figure, a minimum, or pay before the interview.
fn pay_statement(rule: &RuleSet, posting: &Posting, money: &dyn Fn(f64) -> String) -> Finding {
    let (requirement, single_ok, open_ok) = match rule.pay {
        PayRule::Range => ("A minimum and a maximum", false, false),
        PayRule::RangeOrSingle => ("A range, or one figure for a fixed pay", true, false),
        PayRule::Minimum => ("The minimum pay, and whether more may be paid", true, true),
        PayRule::BeforeInterview => ("The pay or its range before the interview", true, true),
    };
    let stated = match posting.range {
        PostedRange::Between(min, max) => {
            format!("The ad states {} to {}.", money(min), money(max))
        }
        PostedRange::Exactly(value) => format!("The ad states one figure, {}.", money(value)),
        PostedRange::From(value) => format!("The ad states \"from {}\".", money(value)),
        PostedRange::UpTo(value) => format!("The ad states \"up to {}\".", money(value)),
    };
    let (verdict, detail) = match (posting.range, rule.pay) {
        (PostedRange::Between(..), PayRule::BeforeInterview) => (
            Verdict::Meets,
            format!("{stated} Stating it in the ad gives it to applicants before any interview, which this law accepts."),
        ),
        (PostedRange::Between(..), PayRule::Minimum) => (
            Verdict::Meets,
            format!("{stated} Its lower end is the minimum; the upper end says more may be paid."),
        ),
        (PostedRange::Between(..), _) => (Verdict::Meets, stated),
        (PostedRange::Exactly(_), _) if single_ok => {
            (Verdict::Meets, format!("{stated} This law accepts one figure."))
        }
        (PostedRange::Exactly(_), _) => (
            Verdict::Breaks,
            format!("{stated} This law asks for a minimum and a maximum."),
        ),
        (PostedRange::From(_), _) if open_ok => (Verdict::Meets, stated),
        (PostedRange::From(_), _) => (
            Verdict::Breaks,
            format!("{stated} That is open-ended; the ad needs a maximum too."),
        ),
        (PostedRange::UpTo(_), PayRule::BeforeInterview) => (Verdict::Meets, stated),
        (PostedRange::UpTo(_), _) => (
            Verdict::Breaks,
            format!("{stated} That is open-ended; the ad needs a minimum too."),
        ),
    };
    finding(requirement, verdict, detail)
}

/// Whether a link may stand in for the figures.
fn pay_in_ad(rule: &RuleSet, posting: &Posting) -> Option<Finding> {
    if rule.pay_by_link || rule.pay == PayRule::BeforeInterview {
        return None;
    }
    Some(if posting.range_in_ad {
        finding(
            "The pay in the ad itself",
            Verdict::Meets,
            "The pay is written in the ad, not behind a link.".to_string(),
        )
    } else {
        finding(
            "The pay in the ad itself",
            Verdict::Breaks,
            "A link to the pay does not replace the figures in the ad under this law.".to_string(),
        )
    })
}

/// Base pay only, or base with bonuses, commission and other pay.
fn pay_basis(rule: &RuleSet, posting: &Posting, money: &dyn Fn(f64) -> String) -> Finding {
    match rule.pay_basis {
        PayBasis::Base => finding(
            "Base pay",
            Verdict::Meets,
            "The ad says the figures are base salary.".to_string(),
        ),
        PayBasis::BaseAndVariable if posting.states_variable => finding(
            "Base pay with other compensation",
            Verdict::Meets,
            match posting.variable {
                Some(variable) => format!(
                    "The ad states target variable pay of {} a year.",
                    money(variable)
                ),
                None => "The ad says the role has no variable pay.".to_string(),
            },
        ),
        PayBasis::BaseAndVariable => finding(
            "Base pay with other compensation",
            Verdict::Breaks,
            "The ad does not say what variable pay (bonus, commission) comes on top of base."
                .to_string(),
        ),
    }
}

/// A description of benefits, or a link where the law accepts one.
fn benefits(rule: &RuleSet, posting: &Posting) -> Option<Finding> {
    let requirement = match rule.benefits {
        BenefitsRule::NotRequired => return None,
        BenefitsRule::TextOrLink => "A description of benefits, or a link to it",
        BenefitsRule::Text => "A description of benefits",
    };
    Some(match (rule.benefits, &posting.benefits) {
        (_, BenefitsStatement::Text(_)) => finding(
            requirement,
            Verdict::Meets,
            "The ad includes the benefits text from paygrade.json.".to_string(),
        ),
        (BenefitsRule::TextOrLink, BenefitsStatement::Link(url)) => finding(
            requirement,
            Verdict::Meets,
            format!("The ad links to the benefits page {url}, which this law accepts."),
        ),
        (_, BenefitsStatement::Link(_)) => finding(
            requirement,
            Verdict::Breaks,
            "A link is not enough here: add job_ads.benefits (the text) to paygrade.json."
                .to_string(),
        ),
        (_, BenefitsStatement::None) => finding(
            requirement,
            Verdict::Breaks,
            "The ad has no benefits description: add job_ads.benefits to paygrade.json."
                .to_string(),
        ),
    })
}

/// The widest range the law allows, converted into the ad's currency.
fn width_cap(
    data: &Dataset,
    rule: &RuleSet,
    posting: &Posting,
    money: &dyn Fn(f64) -> String,
) -> Option<Finding> {
    let cap = rule.width_cap?;
    let code = &posting.currency;
    let cap_currency = rule.cap_currency.as_deref().unwrap_or(code);
    let requirement = format!("A range at most {} {cap_currency} wide", amount(cap));
    let (min, max) = posting.range.ends();
    let band = PostedBand {
        currency: code.clone(),
        min,
        mid: (min + max) / 2.0,
        max,
        variable: None,
    };
    Some(match cap_here(data, rule, &band)? {
        Err(missing) => finding(
            &requirement,
            Verdict::CannotTell,
            format!("There is no exchange rate for {missing} to compare the width with the cap."),
        ),
        Ok(None) => finding(
            &requirement,
            Verdict::Meets,
            format!(
                "The cap is not applied: the top of the range is above {} {cap_currency}.",
                amount(rule.cap_exempt_above.unwrap_or(0.0))
            ),
        ),
        Ok(Some(limit)) if max - min <= limit + WIDTH_SLACK => finding(
            &requirement,
            Verdict::Meets,
            format!(
                "The range is {} wide; the cap is {} here.",
                money(max - min),
                money(limit)
            ),
        ),
        Ok(Some(limit)) => finding(
            &requirement,
            Verdict::Breaks,
            format!(
                "The range is {} wide, more than the cap of {}.",
                money(max - min),
                money(limit)
            ),
        ),
    })
}

/// Content beyond pay: carried when `job_ads.statements` gives the sentence, else left to the manager.
fn other_content(rule: &RuleSet, posting: &Posting) -> Vec<Finding> {
    rule.other_content
        .iter()
        .map(|content| {
            match posting.statements.iter().find(|(carried, _)| carried == content) {
                Some((_, text)) => finding(
                    content.requirement(),
                    Verdict::Meets,
                    format!("The ad carries: \"{text}\""),
                ),
                None => finding(
                    content.requirement(),
                    Verdict::CannotTell,
                    format!(
                        "paygrade does not write this: add it to the ad by hand, or set job_ads.statements.{} in paygrade.json.",
                        content.word()
                    ),
                ),
            }
        })
        .collect()
}

/// A remote posting: whether the law reaches remote roles, as far as its sources say.
fn remote_reach(rule: &RuleSet, posting: &Posting, places: &[String]) -> Option<Finding> {
    if !posting.remote {
        return None;
    }
    let where_ = places.join("; ");
    Some(match rule.remote {
        Reach::Yes | Reach::No => finding(
            "Remote roles",
            Verdict::Meets,
            format!("The posting is remote and open to applicants in {where_}, which this law covers."),
        ),
        Reach::Unclear => finding(
            "Remote roles",
            Verdict::Note,
            format!(
                "The posting is open to applicants in {where_}. Whether this law reaches remote roles is unclear in its sources, so it is checked as if it does."
            ),
        ),
    })
}

/// A threshold the data cannot settle: the law is assumed to apply, and the finding says so.
fn company_size(rule: &RuleSet, ads: &JobAds) -> Option<Finding> {
    let minimum = rule.employees_min?;
    if headcount(ads, rule).is_some() {
        return None;
    }
    let counted = match rule.employees_counted {
        Counted::Anywhere => "employees",
        Counted::InJurisdiction => "employees working there",
    };
    Some(finding(
        "Company size",
        Verdict::Note,
        format!(
            "This law covers employers with {minimum} or more {counted}. paygrade.json does not give the company's size (job_ads.employees), so it is assumed to apply."
        ),
    ))
}

/// A law in force whose penalties start later: it still applies, and the finding gives the date.
fn enforcement(rule: &RuleSet, posted: Option<Date>) -> Option<Finding> {
    let from = rule.enforced_from?;
    posted.is_none_or(|posted| posted < from).then(|| {
        finding(
            "Enforcement",
            Verdict::Note,
            format!(
                "In force since {}; enforced from {from}. Meet it now all the same.",
                rule.in_force_from
            ),
        )
    })
}

/// Guidance no ad can show it follows.
fn pay_history(rule: &RuleSet) -> Option<Finding> {
    rule.pay_history_ban.then(|| {
        finding(
            "No questions about pay history",
            Verdict::Note,
            "Do not ask applicants what they were paid before.".to_string(),
        )
    })
}

/// The table's short answer for one location: the laws that apply on the posting date for the company's
/// size and whether the band as posted complies.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceVerdict {
    /// Names of the laws that apply.
    pub rule_names: Vec<String>,
    /// `None` when no law applies.
    pub verdict: Option<Verdict>,
    /// What an ad here must state ("min and max; benefits text or link; base plus variable").
    pub needs: String,
    /// The first break or doubt in a sentence; empty when the band as posted complies.
    pub problem: String,
}

impl PlaceVerdict {
    /// A place no law applies to.
    pub fn no_rule() -> PlaceVerdict {
        PlaceVerdict {
            rule_names: Vec::new(),
            verdict: None,
            needs: String::new(),
            problem: String::new(),
        }
    }
}

/// One location's verdict for the every-location table: the band posted on site there, on `posted`.
pub fn place_verdict(
    data: &Dataset,
    band: &PostedBand,
    location: &Location,
    posted: Option<Date>,
) -> PlaceVerdict {
    let places = [location];
    let facts = PostingFacts {
        places: &places,
        remote: false,
        posted,
        today: None,
    };
    let check = check_with(data, band, facts, false);
    if check.applying().next().is_none() {
        return PlaceVerdict::no_rule();
    }
    let first_problem = check
        .applying()
        .flat_map(|rule_set| rule_set.findings.iter())
        .filter(|finding| finding.verdict >= Verdict::CannotTell)
        .max_by_key(|finding| finding.verdict)
        .map(|finding| finding.detail.clone());
    PlaceVerdict {
        rule_names: check.applying().map(|c| c.rule.name.clone()).collect(),
        verdict: Some(check.verdict()),
        needs: needs_summary(&check.needs),
        problem: first_problem.unwrap_or_default(),
    }
}
