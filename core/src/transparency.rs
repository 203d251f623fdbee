//! Pay-transparency checks for a job ad: which rule sets of `pay-rules.csv` apply to the places a posting
//! is open to, whether the band as paygrade would post it meets each of them, and, when the band is too
//! wide, a compliant range inside it with the reason it was chosen.
//!
//! Nothing about any law is written here: every requirement is a field of a `RuleSet` read from the data.
//! The checks are against the data's summaries, which are not legal advice.

use crate::band::{amount, round_up, Band};
use crate::model::{
    BenefitsRule, Dataset, Date, Location, PayBasis, PeriodRule, RangeRule, RuleSet,
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

/// How an ad states its pay range; the open-ended forms exist so the checks can say why they fail.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PostedRange {
    Between(f64, f64),
    Exactly(f64),
    From(f64),
    UpTo(f64),
}

/// What the ad says about benefits.
#[derive(Debug, Clone, PartialEq)]
pub enum BenefitsStatement {
    None,
    Text(String),
    Link(String),
}

/// A job ad's pay statement as it would be published: the thing each rule set is checked against.
#[derive(Debug, Clone, PartialEq)]
pub struct Posting {
    pub currency: String,
    /// Annual figures.
    pub range: PostedRange,
    /// Whether the range is written in the ad itself (not only behind a link).
    pub range_in_ad: bool,
    /// The gross hourly figures that match the annual ones, and the hours a year used.
    pub hourly: Option<HourlyRange>,
    pub benefits: BenefitsStatement,
    /// Whether the ad states the target variable pay (or that there is none).
    pub states_variable: bool,
    pub variable: Option<f64>,
    /// A remote posting, open to applicants in its places.
    pub remote: bool,
    /// Sentences the ad carries because a rule set asks for them.
    pub ad_texts: Vec<String>,
}

/// Annual figures divided by the organisation's hours a year, to the cent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HourlyRange {
    pub min: f64,
    pub max: f64,
    pub hours_per_year: f64,
}

/// Whether a posting meets one requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Meets,
    /// Guidance the ad cannot show it follows (e.g. not asking for pay history).
    Note,
    /// The data needed to check is missing (no exchange rate for the cap's currency).
    CannotTell,
    Breaks,
}

/// One requirement of one rule set, checked, in plain words.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What the rule asks: "A minimum and a maximum".
    pub requirement: String,
    pub verdict: Verdict,
    /// Why, in a sentence: "The ad states CA$100,000 to CA$150,000."
    pub detail: String,
}

/// One rule set with the places it applies to and every finding for the posting.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSetCheck {
    pub rule: RuleSet,
    /// Names of the places of the posting this rule set covers.
    pub places: Vec<String>,
    /// Reviewed longer ago than `job_ads.rules_max_age_days`.
    pub stale: bool,
    pub in_force: bool,
    pub findings: Vec<Finding>,
}

impl RuleSetCheck {
    /// The worst finding: one break makes the posting break the rule set.
    pub fn verdict(&self) -> Verdict {
        overall(&self.findings)
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

/// The rule sets one place of the posting falls under, and those left out because the posting is remote.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRules {
    pub location_id: String,
    pub name: String,
    pub rule_ids: Vec<String>,
    /// Rule sets for this place whose summary does not cover remote roles.
    pub not_remote: Vec<String>,
}

/// The strictest combination of everything the applying rule sets ask, so one ad meets them all.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Needs {
    /// A minimum and a maximum (some rule set forbids a single figure).
    pub min_and_max: bool,
    /// The range must be in the ad, not behind a link.
    pub range_in_ad: bool,
    pub hourly: bool,
    pub benefits: Option<BenefitsRule>,
    pub variable: bool,
    /// The narrowest width cap that applies to this band, in the posting's currency, and whose it is.
    pub width_cap: Option<(f64, String)>,
    pub pay_history_ban: bool,
    pub ad_texts: Vec<String>,
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

/// Everything the job-ad section shows: the places, the rule sets and their findings, the strictest needs,
/// the ad as paygrade writes it, and, if the band breaks a rule, a compliant range with its findings.
#[derive(Debug, Clone, PartialEq)]
pub struct AdCheck {
    pub places: Vec<PlaceRules>,
    /// Findings for the whole band as posted.
    pub rule_sets: Vec<RuleSetCheck>,
    pub needs: Needs,
    pub posting: Posting,
    pub offered: Option<OfferedRange>,
    /// The same rule sets checked against the offered range's posting.
    pub offered_rule_sets: Vec<RuleSetCheck>,
}

impl AdCheck {
    /// The band as posted: meets every rule set, breaks one, or cannot be checked.
    pub fn verdict(&self) -> Verdict {
        self.rule_sets
            .iter()
            .map(RuleSetCheck::verdict)
            .max()
            .unwrap_or(Verdict::Meets)
    }

    /// The posting to publish: the offered range when the band breaks a rule, else the band.
    pub fn final_posting(&self) -> Posting {
        match &self.offered {
            Some(offered) => Posting {
                range: PostedRange::Between(offered.min, offered.max),
                ..self.posting.clone()
            },
            None => self.posting.clone(),
        }
    }

    /// True when no place of the posting has a rule set.
    pub fn no_rules(&self) -> bool {
        self.rule_sets.is_empty()
    }
}

/// Whether a rule set covers a location: the country is one of its countries and, when it names an area,
/// the location's area is that area or lies in it (its last comma part: `Denver, Colorado` is in `Colorado`).
pub fn covers(rule: &RuleSet, location: &Location) -> bool {
    let country = rule
        .countries
        .iter()
        .any(|country| country.eq_ignore_ascii_case(location.country.trim()));
    country
        && match &rule.area {
            None => true,
            Some(area) => {
                let whole = location.area.trim();
                let region = whole.rsplit(',').next().unwrap_or(whole).trim();
                area.eq_ignore_ascii_case(whole) || area.eq_ignore_ascii_case(region)
            }
        }
}

/// The rule sets that apply to a posting at `location`; a remote posting only gets those covering remote roles.
pub fn rules_for<'a>(data: &'a Dataset, location: &Location, remote: bool) -> Vec<&'a RuleSet> {
    data.pay_rules
        .iter()
        .filter(|rule| covers(rule, location) && (!remote || rule.remote))
        .collect()
}

/// Checks the band for a posting open to `places` (the first is where the band was computed) against every
/// rule set that applies to any of them: the strictest combination.
pub fn check_ad(
    data: &Dataset,
    band: &PostedBand,
    places: &[&Location],
    remote: bool,
    today: Option<Date>,
) -> AdCheck {
    check_with(data, band, places, remote, today, true)
}

/// `check_ad`, with or without working out a compliant range (the table only needs the verdict).
fn check_with(
    data: &Dataset,
    band: &PostedBand,
    places: &[&Location],
    remote: bool,
    today: Option<Date>,
    offer: bool,
) -> AdCheck {
    let mut place_rules = Vec::new();
    let mut applying: Vec<(&RuleSet, Vec<String>)> = Vec::new();
    for location in places {
        let name = location.name();
        let mut rule_ids = Vec::new();
        let mut not_remote = Vec::new();
        for rule in data.pay_rules.iter().filter(|rule| covers(rule, location)) {
            if remote && !rule.remote {
                not_remote.push(rule.id.clone());
                continue;
            }
            rule_ids.push(rule.id.clone());
            match applying.iter_mut().find(|(seen, _)| seen.id == rule.id) {
                Some((_, names)) => names.push(name.clone()),
                None => applying.push((rule, vec![name.clone()])),
            }
        }
        place_rules.push(PlaceRules {
            location_id: location.id.clone(),
            name,
            rule_ids,
            not_remote,
        });
    }
    // File order, so the list reads the same whichever place was picked first.
    applying.sort_by_key(|(rule, _)| rule.line);

    let needs = combine(data, band, &applying, places, remote);
    let posting = posting_for(data, band, &needs, remote);
    let max_age = data.manifest.job_ads.rules_max_age_days;
    let checks_for = |posting: &Posting| -> Vec<RuleSetCheck> {
        applying
            .iter()
            .map(|(rule, names)| RuleSetCheck {
                rule: (*rule).clone(),
                places: names.clone(),
                stale: rule.review_stale(today, max_age),
                in_force: rule.in_force(today),
                findings: check_posting(data, rule, posting, names, today),
            })
            .collect()
    };
    let rule_sets = checks_for(&posting);
    // The narrowest cap is the one a width finding breaks first: the band is too wide for some rule set
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
            hourly: posting
                .hourly
                .map(|hourly| hourly_range(offered.min, offered.max, hourly.hours_per_year)),
            ..posting.clone()
        }),
        None => Vec::new(),
    };
    AdCheck {
        places: place_rules,
        rule_sets,
        needs,
        posting,
        offered,
        offered_rule_sets,
    }
}

/// The table's short answer for one location: the rule sets' names and whether the band as posted complies.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceVerdict {
    pub rule_names: Vec<String>,
    /// `None` when no rule set covers the place.
    pub verdict: Option<Verdict>,
    /// What an ad here must state ("min and max; benefits text or link; base plus variable").
    pub needs: String,
    /// The first break or doubt in a sentence; empty when the band as posted complies.
    pub problem: String,
}

impl PlaceVerdict {
    /// A place no rule set covers.
    pub fn no_rule() -> PlaceVerdict {
        PlaceVerdict {
            rule_names: Vec::new(),
            verdict: None,
            needs: String::new(),
            problem: String::new(),
        }
    }
}

/// One location's verdict for the every-location table: the band posted on site there.
pub fn place_verdict(
    data: &Dataset,
    band: &PostedBand,
    location: &Location,
    today: Option<Date>,
) -> PlaceVerdict {
    if !data.pay_rules.iter().any(|rule| covers(rule, location)) {
        return PlaceVerdict::no_rule();
    }
    let check = check_with(data, band, &[location], false, today, false);
    let verdict = check.verdict();
    let first_problem = check
        .rule_sets
        .iter()
        .flat_map(|rule_set| rule_set.findings.iter())
        .filter(|finding| finding.verdict >= Verdict::CannotTell)
        .max_by_key(|finding| finding.verdict)
        .map(|finding| finding.detail.clone());
    PlaceVerdict {
        rule_names: check
            .rule_sets
            .iter()
            .map(|c| c.rule.name.clone())
            .collect(),
        verdict: Some(verdict),
        needs: needs_summary(&check.needs),
        problem: first_problem.unwrap_or_default(),
    }
}

/// What an ad must state, as a short list for the table and the CSV: "min and max; hourly; benefits text".
pub fn needs_summary(needs: &Needs) -> String {
    let mut parts = Vec::new();
    if needs.min_and_max {
        parts.push("min and max".to_string());
    } else {
        parts.push("a range or one figure".to_string());
    }
    if needs.hourly {
        parts.push("annual and hourly".to_string());
    }
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
    if !needs.remote_scope.is_empty() {
        parts.push(format!("remote: {}", needs.remote_scope.join("; ")));
    }
    parts.join("; ")
}

/// How far past a width cap a range may be before it breaks it: a rounding error, not a wider range.
const WIDTH_SLACK: f64 = 1e-6;

fn combine(
    data: &Dataset,
    band: &PostedBand,
    applying: &[(&RuleSet, Vec<String>)],
    places: &[&Location],
    remote: bool,
) -> Needs {
    let mut needs = Needs {
        currency: band.currency.clone(),
        ..Needs::default()
    };
    for (rule, _) in applying {
        needs.min_and_max |= rule.range == RangeRule::Bounded;
        needs.range_in_ad |= !rule.range_by_link;
        needs.hourly |= rule.pay_period == PeriodRule::YearAndHour;
        if rule.benefits != BenefitsRule::NotRequired {
            needs.benefits = needs.benefits.max(Some(rule.benefits));
        }
        needs.variable |= rule.pay_basis == PayBasis::BaseAndVariable;
        needs.pay_history_ban |= rule.pay_history_ban;
        if let Some(text) = &rule.ad_text {
            if !needs.ad_texts.contains(text) {
                needs.ad_texts.push(text.clone());
            }
        }
        if let Some(Ok(Some(cap))) = cap_here(data, rule, band) {
            if needs.width_cap.as_ref().is_none_or(|(seen, _)| cap < *seen) {
                needs.width_cap = Some((cap, rule.name.clone()));
            }
        }
    }
    if remote {
        needs.remote_scope = places.iter().map(|location| location.name()).collect();
    }
    needs
}

/// A rule's width cap in the band's currency: `None` when it has no cap, `Ok(None)` when the band is above
/// its exemption, `Err` when an exchange rate is missing.
fn cap_here(
    data: &Dataset,
    rule: &RuleSet,
    band: &PostedBand,
) -> Option<Result<Option<f64>, String>> {
    let cap = rule.width_cap?;
    let currency = rule.cap_currency.as_deref().unwrap_or(&band.currency);
    let Some(conversion) = conversion(data, currency, &band.currency) else {
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

/// The factor that turns an amount in `from` into `to`, from the rate table.
fn conversion(data: &Dataset, from: &str, to: &str) -> Option<f64> {
    if from == to {
        return Some(1.0);
    }
    let (from, to) = (data.rate(from)?, data.rate(to)?);
    (from.per_usd > 0.0).then(|| to.per_usd / from.per_usd)
}

fn hourly_range(min: f64, max: f64, hours_per_year: f64) -> HourlyRange {
    let cents = |value: f64| (value / hours_per_year * 100.0).round() / 100.0;
    HourlyRange {
        min: cents(min),
        max: cents(max),
        hours_per_year,
    }
}

/// The ad as paygrade writes it for these needs: every statement the data lets it make.
fn posting_for(data: &Dataset, band: &PostedBand, needs: &Needs, remote: bool) -> Posting {
    let ads = &data.manifest.job_ads;
    let range = if band.min == band.max {
        PostedRange::Exactly(band.min)
    } else {
        PostedRange::Between(band.min, band.max)
    };
    let hourly = match (needs.hourly, ads.hours_per_year) {
        (true, Some(hours)) => Some(hourly_range(band.min, band.max, hours)),
        _ => None,
    };
    let benefits = match (needs.benefits, &ads.benefits, &ads.benefits_url) {
        (None, _, _) => BenefitsStatement::None,
        (Some(_), Some(text), _) => BenefitsStatement::Text(text.clone()),
        (Some(_), None, Some(url)) => BenefitsStatement::Link(url.clone()),
        (Some(_), None, None) => BenefitsStatement::None,
    };
    Posting {
        currency: band.currency.clone(),
        range,
        range_in_ad: true,
        hourly,
        benefits,
        states_variable: needs.variable,
        variable: band.variable,
        remote,
        ad_texts: needs.ad_texts.clone(),
    }
}

/// A range centred on the midpoint as wide as the cap allows, kept inside the band and rounded inward.
fn centred_range(data: &Dataset, band: &PostedBand, cap: f64, whose: &str) -> OfferedRange {
    let step = data.manifest.policy.rounding;
    // The band is wider than the cap here, so `band.max - cap` is above `band.min`.
    let low = (band.mid - cap / 2.0).clamp(band.min, (band.max - cap).max(band.min));
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

/// Every requirement of one rule set, checked against one posting: for the ad paygrade writes, for ads
/// written by hand (an open-ended "from $X", one figure), and for tests of each kind of rule.
pub fn check_posting(
    data: &Dataset,
    rule: &RuleSet,
    posting: &Posting,
    places: &[String],
    today: Option<Date>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |requirement: &str, verdict: Verdict, detail: String| {
        out.push(Finding {
            requirement: requirement.to_string(),
            verdict,
            detail,
        })
    };
    let code = &posting.currency;
    let money = |value: f64| format!("{} {code}", amount(value));
    if !rule.in_force(today) {
        push(
            "In force",
            Verdict::Note,
            format!(
                "Applies from {}; checked already so the ad is ready.",
                rule.applies_from
            ),
        );
    }

    // The range's shape.
    let (requirement, single_ok) = match rule.range {
        RangeRule::Bounded => ("A minimum and a maximum", false),
        RangeRule::BoundedOrSingle => ("A minimum and a maximum, or one figure", true),
    };
    match posting.range {
        PostedRange::Between(min, max) => push(
            requirement,
            Verdict::Meets,
            format!("The ad states {} to {}.", money(min), money(max)),
        ),
        PostedRange::Exactly(value) if single_ok => push(
            requirement,
            Verdict::Meets,
            format!(
                "The ad states one figure, {}, which this rule allows.",
                money(value)
            ),
        ),
        PostedRange::Exactly(value) => push(
            requirement,
            Verdict::Breaks,
            format!(
                "The ad states only {}; this rule asks for a minimum and a maximum.",
                money(value)
            ),
        ),
        PostedRange::From(value) => push(
            requirement,
            Verdict::Breaks,
            format!(
                "\"From {}\" is open-ended; the ad needs a maximum too.",
                money(value)
            ),
        ),
        PostedRange::UpTo(value) => push(
            requirement,
            Verdict::Breaks,
            format!(
                "\"Up to {}\" is open-ended; the ad needs a minimum too.",
                money(value)
            ),
        ),
    }
    if !rule.range_by_link {
        if posting.range_in_ad {
            push(
                "The range in the ad itself",
                Verdict::Meets,
                "The range is written in the ad, not behind a link.".to_string(),
            );
        } else {
            push(
                "The range in the ad itself",
                Verdict::Breaks,
                "A link to the pay does not replace the range in the ad here.".to_string(),
            );
        }
    }

    // Annual or hourly.
    match (rule.pay_period, posting.hourly) {
        (PeriodRule::YearOrHour, _) => push(
            "Annual or hourly pay",
            Verdict::Meets,
            "The range is stated as annual pay, which this rule accepts.".to_string(),
        ),
        (PeriodRule::YearAndHour, Some(hourly)) => push(
            "Gross annual and gross hourly pay",
            Verdict::Meets,
            format!(
                "The ad states the annual range and {} to {} an hour (at {} hours a year).",
                money(hourly.min),
                money(hourly.max),
                amount(hourly.hours_per_year)
            ),
        ),
        (PeriodRule::YearAndHour, None) => push(
            "Gross annual and gross hourly pay",
            Verdict::Breaks,
            "The hourly figure is missing: set job_ads.hours_per_year in paygrade.json so it can be stated."
                .to_string(),
        ),
    }

    // Benefits.
    match (rule.benefits, &posting.benefits) {
        (BenefitsRule::NotRequired, _) => {}
        (_, BenefitsStatement::Text(_)) => push(
            "A description of benefits",
            Verdict::Meets,
            "The ad includes the benefits text from paygrade.json.".to_string(),
        ),
        (BenefitsRule::TextOrLink, BenefitsStatement::Link(url)) => push(
            "A description of benefits, or a link to it",
            Verdict::Meets,
            format!("The ad links to the benefits page {url}, which this rule allows."),
        ),
        (BenefitsRule::Text, BenefitsStatement::Link(_)) => push(
            "A description of benefits",
            Verdict::Breaks,
            "A link is not enough here: add job_ads.benefits (the text) to paygrade.json."
                .to_string(),
        ),
        (_, BenefitsStatement::None) => push(
            "A description of benefits",
            Verdict::Breaks,
            "The ad has no benefits description: add job_ads.benefits to paygrade.json."
                .to_string(),
        ),
    }

    // Base or base plus variable.
    match rule.pay_basis {
        PayBasis::Base => push(
            "Base pay",
            Verdict::Meets,
            "The ad says the range is base salary.".to_string(),
        ),
        PayBasis::BaseAndVariable if posting.states_variable => push(
            "Base pay with variable pay",
            Verdict::Meets,
            match posting.variable {
                Some(variable) => format!(
                    "The ad states target variable pay of {} a year.",
                    money(variable)
                ),
                None => "The ad says the role has no variable pay.".to_string(),
            },
        ),
        PayBasis::BaseAndVariable => push(
            "Base pay with variable pay",
            Verdict::Breaks,
            "The ad does not say what variable pay comes on top of base.".to_string(),
        ),
    }

    // The width cap.
    if let Some(cap) = rule.width_cap {
        let cap_currency = rule.cap_currency.as_deref().unwrap_or(code);
        let requirement = format!("Width at most {} {cap_currency}", amount(cap));
        let (min, max) = match posting.range {
            PostedRange::Between(min, max) => (min, max),
            PostedRange::Exactly(value) => (value, value),
            PostedRange::From(value) | PostedRange::UpTo(value) => (value, value),
        };
        let band = PostedBand {
            currency: code.clone(),
            min,
            mid: (min + max) / 2.0,
            max,
            variable: None,
        };
        match cap_here(data, rule, &band) {
            Some(Err(missing)) => push(
                &requirement,
                Verdict::CannotTell,
                format!(
                    "There is no exchange rate for {missing} to compare the width with the cap."
                ),
            ),
            Some(Ok(None)) => push(
                &requirement,
                Verdict::Meets,
                format!(
                    "The cap is not applied: the top of the range is above {} {cap_currency}.",
                    amount(rule.cap_exempt_above.unwrap_or(0.0))
                ),
            ),
            Some(Ok(Some(limit))) if max - min <= limit + WIDTH_SLACK => push(
                &requirement,
                Verdict::Meets,
                format!(
                    "The range is {} wide; the cap is {} here.",
                    money(max - min),
                    money(limit)
                ),
            ),
            Some(Ok(Some(limit))) => push(
                &requirement,
                Verdict::Breaks,
                format!(
                    "The range is {} wide, more than the cap of {}.",
                    money(max - min),
                    money(limit)
                ),
            ),
            None => {}
        }
    }

    // Remote roles.
    if posting.remote {
        push(
            "Remote roles that could be done here",
            Verdict::Meets,
            format!(
                "The posting is remote and open to applicants in {}, which this rule covers.",
                places.join("; ")
            ),
        );
    }
    if rule.pay_history_ban {
        push(
            "No questions about pay history",
            Verdict::Note,
            "Do not ask applicants what they were paid before.".to_string(),
        );
    }
    if let Some(text) = &rule.ad_text {
        let carried = posting.ad_texts.contains(text);
        push(
            "A statement in the ad",
            if carried {
                Verdict::Meets
            } else {
                Verdict::Breaks
            },
            if carried {
                format!("The ad carries: \"{text}\"")
            } else {
                format!("The ad should carry: \"{text}\"")
            },
        );
    }
    out
}
