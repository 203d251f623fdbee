//! The whole offer, worked out once: base, variable, equity a year, benefits and their total; how pay is
//! paid; a way to hire's adjustment; a move between places; a promotion; and where adjacent grades' bands
//! overlap. The explorer and the compact widget only lay these out.

use crate::band::{round_up, Band, Step};
use crate::format::{amount, factor};
use crate::model::{
    Benefit, Dataset, EquityGrant, EquityKind, HireWay, Location, MovePolicy, PaymentSchedule,
    WayToHire,
};

/// A year of equity from a grant, at a valuation the reader may change (1× is the stated one).
#[derive(Debug, Clone, PartialEq)]
pub struct EquityYear {
    pub kind: EquityKind,
    /// The valuation multiplier applied to the stated share price (0, 1, 3 …).
    pub multiplier: f64,
    /// The grant's whole value at that valuation, in the band's currency.
    pub grant_value: f64,
    /// `grant_value` over the vesting years.
    pub per_year: f64,
    /// The vesting and cliff in words: "vests over 4 years; nothing before 12 months, then a quarter at once".
    pub vesting: String,
    /// The arithmetic, step by step, like the band's.
    pub steps: Vec<Step>,
}

/// How salary is paid: how many payments a year and what one is.
#[derive(Debug, Clone, PartialEq)]
pub struct Payments {
    pub per_year: u8,
    /// The midpoint over the payments, in the band's currency.
    pub per_payment: f64,
    /// What the extra payments are, from the data.
    pub note: String,
}

/// The whole offer at the band's midpoint, a year, in the band's currency.
#[derive(Debug, Clone, PartialEq)]
pub struct TotalRewards {
    pub currency: String,
    pub base_min: f64,
    pub base_mid: f64,
    pub base_max: f64,
    /// Target variable pay (0 when the grade has none).
    pub variable: f64,
    pub equity: Option<EquityYear>,
    /// Each benefit with its yearly value converted into the band's currency.
    pub benefits: Vec<(Benefit, f64)>,
    pub benefits_value: f64,
    /// Why there are no benefits though the country has some (a contractor gets no employee benefits).
    pub benefits_note: Option<String>,
    /// base_mid + variable + equity a year + benefits.
    pub total: f64,
    pub payments: Option<Payments>,
}

/// The grant for a grade at a location: the row for its zone, else the grade's row for every zone.
pub fn grant_for<'d>(data: &'d Dataset, grade: u8, location: &Location) -> Option<&'d EquityGrant> {
    let for_grade = || data.equity.iter().filter(move |grant| grant.grade == grade);
    for_grade()
        .find(|grant| {
            grant.zone.as_deref().is_some_and(|zone| {
                location
                    .zone
                    .as_deref()
                    .is_some_and(|here| here.eq_ignore_ascii_case(zone))
            })
        })
        .or_else(|| for_grade().find(|grant| grant.zone.is_none()))
}

/// A grant's value a year at `multiplier` × the stated valuation, in `currency`, with no explanation: what
/// the every-location table needs 10,000 times. `None` without a rate.
pub fn equity_per_year(
    data: &Dataset,
    grant: &EquityGrant,
    multiplier: f64,
    currency: &str,
) -> Option<f64> {
    let conversion = data.conversion(&grant.currency, currency)?;
    let price = grant.price * multiplier;
    let per_share = match grant.kind {
        EquityKind::Options => (price - grant.strike.unwrap_or(0.0)).max(0.0),
        EquityKind::Shares => price,
    };
    Some(grant.shares * per_share * conversion / grant.vesting_years)
}

/// The benefits' value a year at a location, in `currency`, for a way to hire (none for a contractor).
pub fn benefits_per_year(
    data: &Dataset,
    location: &Location,
    currency: &str,
    way: Option<HireWay>,
) -> f64 {
    if way == Some(HireWay::Contractor) {
        return 0.0;
    }
    data.benefits
        .iter()
        .filter(|benefit| benefit.country.eq_ignore_ascii_case(&location.country))
        .filter_map(|benefit| {
            data.conversion(&benefit.currency, currency)
                .map(|conversion| benefit.value * conversion)
        })
        .fold(0.0, |total, value| total + value)
}

/// The whole offer's figures at the midpoint, a year, without the explanations the page shows:
/// `[variable, equity, benefits, total]`, for the every-location table and its CSV.
pub fn rewards_figures(data: &Dataset, band: &Band, location: &Location) -> [f64; 4] {
    let variable = band.variable.unwrap_or(0.0);
    let equity = grant_for(data, band.grade, location)
        .and_then(|grant| equity_per_year(data, grant, 1.0, &band.currency))
        .unwrap_or(0.0);
    let benefits = benefits_per_year(data, location, &band.currency, None);
    [
        variable,
        equity,
        benefits,
        band.mid + variable + equity + benefits,
    ]
}

/// A year of a grant at `multiplier` × the stated valuation, in `currency`; `None` without a rate.
pub fn equity_year(
    data: &Dataset,
    grant: &EquityGrant,
    multiplier: f64,
    currency: &str,
) -> Option<EquityYear> {
    let conversion = data.conversion(&grant.currency, currency)?;
    let price = grant.price * multiplier;
    let per_share = match grant.kind {
        EquityKind::Options => (price - grant.strike.unwrap_or(0.0)).max(0.0),
        EquityKind::Shares => price,
    };
    let value_in_grant_currency = grant.shares * per_share;
    let grant_value = value_in_grant_currency * conversion;
    let per_year = grant_value / grant.vesting_years;
    let code = &grant.currency;
    let what = match grant.kind {
        EquityKind::Options => "options",
        EquityKind::Shares => "shares or units",
    };
    let mut steps = vec![Step {
        label: "Grant".to_string(),
        value: format!("{} {what}", amount(grant.shares)),
        source: format!(
            "{} line {} (grade {})",
            data.manifest
                .tables
                .equity
                .as_deref()
                .unwrap_or("equity.csv"),
            grant.line,
            grant.grade
        ),
        arithmetic: String::new(),
    }];
    steps.push(Step {
        label: format!(
            "Share price at {}× the valuation of {}",
            factor(multiplier),
            grant.valuation_date
        ),
        value: format!("{} {code}", amount(price)),
        source: "the stated price × the valuation you chose".to_string(),
        arithmetic: format!(
            "{} × {} = {}",
            amount(grant.price),
            factor(multiplier),
            amount(price)
        ),
    });
    if let (EquityKind::Options, Some(strike)) = (grant.kind, grant.strike) {
        steps.push(Step {
            label: "Above the strike price".to_string(),
            value: format!("{} {code}", amount(per_share)),
            source: "an option is worth what the share is above its strike, or nothing".to_string(),
            arithmetic: format!(
                "max({} − {}, 0) = {}",
                amount(price),
                amount(strike),
                amount(per_share)
            ),
        });
    }
    steps.push(Step {
        label: "The grant's value".to_string(),
        value: format!("{} {code}", amount(value_in_grant_currency)),
        source: String::new(),
        arithmetic: format!(
            "{} × {} = {}",
            amount(grant.shares),
            amount(per_share),
            amount(value_in_grant_currency)
        ),
    });
    if code != currency {
        steps.push(Step {
            label: format!("In {currency}"),
            value: format!("{} {currency}", amount(grant_value)),
            source: "currencies.csv".to_string(),
            arithmetic: format!(
                "{} × {} = {}",
                amount(value_in_grant_currency),
                crate::format::number(conversion, 6),
                amount(grant_value)
            ),
        });
    }
    steps.push(Step {
        label: "A year of it".to_string(),
        value: format!("{} {currency}", amount(per_year)),
        source: format!("vesting over {} years", amount(grant.vesting_years)),
        arithmetic: format!(
            "{} ÷ {} = {}",
            amount(grant_value),
            amount(grant.vesting_years),
            amount(per_year)
        ),
    });
    Some(EquityYear {
        kind: grant.kind,
        multiplier,
        grant_value,
        per_year,
        vesting: vesting_words(grant),
        steps,
    })
}

/// "Vests over 4 years, evenly; nothing before 12 months, then 25% at once."
fn vesting_words(grant: &EquityGrant) -> String {
    let years = amount(grant.vesting_years);
    if grant.cliff_months == 0 {
        return format!("Vests over {years} years, evenly, from the start.");
    }
    let share = f64::from(grant.cliff_months) / (grant.vesting_years * 12.0) * 100.0;
    format!(
        "Vests over {years} years: nothing before {} months (the cliff), then {}% at once and the rest evenly.",
        grant.cliff_months,
        amount((share * 10.0).round() / 10.0)
    )
}

/// The total rewards for a band at a location, with equity at `multiplier` × the stated valuation, for a
/// way to hire (a contractor gets no employee benefits: their rate carries them).
pub fn total_rewards(
    data: &Dataset,
    band: &Band,
    location: &Location,
    multiplier: f64,
    way: Option<HireWay>,
) -> TotalRewards {
    let currency = band.currency.clone();
    let equity = grant_for(data, band.grade, location)
        .and_then(|grant| equity_year(data, grant, multiplier, &currency));
    let benefits: Vec<(Benefit, f64)> = data
        .benefits
        .iter()
        .filter(|benefit| benefit.country.eq_ignore_ascii_case(&location.country))
        .filter(|_| way != Some(HireWay::Contractor))
        .filter_map(|benefit| {
            data.conversion(&benefit.currency, &currency)
                .map(|conversion| (benefit.clone(), benefit.value * conversion))
        })
        .collect();
    // Folded from 0.0: an empty `sum` of floats is -0.0, which a data attribute would show.
    let benefits_value = benefits.iter().fold(0.0, |total, (_, value)| total + value);
    let benefits_note = (way == Some(HireWay::Contractor)
        && data
            .benefits
            .iter()
            .any(|benefit| benefit.country.eq_ignore_ascii_case(&location.country)))
    .then(|| {
        "A contractor gets no employee benefits: the contractor's rate is set to cover them."
            .to_string()
    });
    let variable = band.variable.unwrap_or(0.0);
    let equity_value = equity.as_ref().map_or(0.0, |equity| equity.per_year);
    TotalRewards {
        currency,
        base_min: band.min,
        base_mid: band.mid,
        base_max: band.max,
        variable,
        total: band.mid + variable + equity_value + benefits_value,
        equity,
        benefits,
        benefits_value,
        benefits_note,
        payments: payments_for(data, location).map(|schedule| Payments {
            per_year: schedule.payments,
            per_payment: band.mid / f64::from(schedule.payments),
            note: schedule.note.clone(),
        }),
    }
}

/// How many salary payments a year a location's country has, when the data says.
pub fn payments_for<'d>(data: &'d Dataset, location: &Location) -> Option<&'d PaymentSchedule> {
    data.payments
        .iter()
        .find(|schedule| schedule.country.eq_ignore_ascii_case(&location.country))
}

/// The ways to hire the data offers in a location's country, in the order employee, EOR, contractor.
pub fn ways_to_hire<'d>(data: &'d Dataset, location: &Location) -> Vec<&'d WayToHire> {
    let mut ways: Vec<&WayToHire> = data
        .hiring
        .iter()
        .filter(|way| way.country.eq_ignore_ascii_case(&location.country))
        .collect();
    crate::order::sort_by_key(&mut ways, |way| way.way);
    ways
}

/// The band for a way to hire: each figure × its factor, plus its amount (converted, rounded as the band
/// is), with a step saying why. `None` when the data has no such way there.
pub fn hire_adjusted(
    data: &Dataset,
    band: &Band,
    location: &Location,
    way: HireWay,
) -> Option<Band> {
    let row = ways_to_hire(data, location)
        .into_iter()
        .find(|row| row.way == way)?;
    let added = match (row.amount, row.currency.as_deref()) {
        (Some(value), Some(code)) => value * data.conversion(code, &band.currency)?,
        _ => 0.0,
    };
    let rounding = data.manifest.policy.rounding;
    let adjust = |value: f64| round_up(value * row.factor + added, rounding);
    let mut adjusted = band.clone();
    adjusted.min = adjust(band.min);
    adjusted.mid = adjust(band.mid);
    adjusted.max = adjust(band.max);
    adjusted.variable = band
        .variable
        .map(|variable| round_up(variable * row.factor, rounding));
    adjusted.total_target_cash = adjusted.mid + adjusted.variable.unwrap_or(0.0);
    for range in &mut adjusted.compa_ranges {
        range.from = adjust(range.from);
        range.to = adjust(range.to);
    }
    let mut arithmetic = format!(
        "mid {} × {} = {}",
        amount(band.mid),
        factor(row.factor),
        amount(band.mid * row.factor)
    );
    if added != 0.0 {
        arithmetic.push_str(&format!(
            " {} {}",
            if added > 0.0 { "+" } else { "−" },
            amount(added.abs())
        ));
    }
    arithmetic.push_str(&format!(" → {}", amount(adjusted.mid)));
    adjusted.breakdown.push(Step {
        label: format!("Way to hire: {}", way.label()),
        value: factor(row.factor),
        source: format!(
            "{} line {}: {}",
            data.manifest
                .tables
                .hiring
                .as_deref()
                .unwrap_or("hiring.csv"),
            row.line,
            row.reason
        ),
        arithmetic,
    });
    Some(adjusted)
}

/// What a move pays, and how it was worked out.
#[derive(Debug, Clone, PartialEq)]
pub struct MoveResult {
    pub amount: f64,
    pub currency: String,
    /// The position (compa ratio) the salary has in the old band.
    pub position: f64,
    pub steps: Vec<Step>,
}

/// The pay in `to` for someone earning `salary` (in `from`'s band currency) in `from`, under `policy`.
pub fn move_pay(
    data: &Dataset,
    from: &Band,
    to: &Band,
    salary: f64,
    policy: MovePolicy,
) -> Option<MoveResult> {
    if from.mid <= 0.0 || !salary.is_finite() || salary <= 0.0 {
        return None;
    }
    let rounding = data.manifest.policy.rounding;
    let position = salary / from.mid;
    let same_position = round_up(to.mid * position, rounding);
    let converted = salary * data.conversion(&from.currency, &to.currency)?;
    let mut steps = vec![
        Step {
            label: "Position in the current band".to_string(),
            value: factor(position),
            source: format!(
                "{} ÷ the midpoint {} {}",
                amount(salary),
                amount(from.mid),
                from.currency
            ),
            arithmetic: format!(
                "{} ÷ {} = {}",
                amount(salary),
                amount(from.mid),
                factor(position)
            ),
        },
        Step {
            label: "The same position in the new band".to_string(),
            value: format!("{} {}", amount(same_position), to.currency),
            source: format!("the new midpoint {} {}", amount(to.mid), to.currency),
            arithmetic: format!(
                "{} × {} = {} → {}",
                amount(to.mid),
                factor(position),
                amount(to.mid * position),
                amount(same_position)
            ),
        },
    ];
    let amount_now = match policy {
        MovePolicy::KeepPosition => same_position,
        MovePolicy::NeverLower => {
            steps.push(Step {
                label: "Never lower".to_string(),
                value: format!("{} {}", amount(converted), to.currency),
                source: "policy.move = never-lower: the current pay, converted, is the floor"
                    .to_string(),
                arithmetic: format!(
                    "max({}, {}) = {}",
                    amount(same_position),
                    amount(converted),
                    amount(same_position.max(converted))
                ),
            });
            round_up(same_position.max(converted), rounding)
        }
        MovePolicy::ClampToBand => {
            let clamped = converted.min(to.max).max(to.min);
            steps.truncate(0);
            steps.push(Step {
                label: "The current pay, converted".to_string(),
                value: format!("{} {}", amount(converted), to.currency),
                source: "currencies.csv".to_string(),
                arithmetic: String::new(),
            });
            steps.push(Step {
                label: "Kept inside the new band".to_string(),
                value: format!("{} {}", amount(clamped), to.currency),
                source: "policy.move = clamp-to-band".to_string(),
                arithmetic: format!(
                    "min(max({}, {}), {}) = {}",
                    amount(converted),
                    amount(to.min),
                    amount(to.max),
                    amount(clamped)
                ),
            });
            round_up(clamped, rounding)
        }
    };
    Some(MoveResult {
        amount: amount_now,
        currency: to.currency.clone(),
        position,
        steps,
    })
}

/// A salary taken to the next grade's band, as a promotion keeping the salary would.
#[derive(Debug, Clone, PartialEq)]
pub struct Promotion {
    pub to_grade: u8,
    pub band: Band,
    /// The salary over the new midpoint.
    pub compa_ratio: f64,
    /// What it takes to reach the new band's minimum (0 when already inside or above).
    pub raise_to_minimum: f64,
}

/// The next grade's band at the same place, for a salary (in the band's currency).
pub fn promotion(next: Band, salary: f64) -> Promotion {
    Promotion {
        to_grade: next.grade,
        compa_ratio: next.compa_ratio(salary),
        raise_to_minimum: (next.min - salary).max(0.0),
        band: next,
    }
}

/// The grade above `grade` in the grade table (the next higher number), for a promotion.
pub fn next_grade(data: &Dataset, grade: u8) -> Option<u8> {
    data.grades
        .iter()
        .map(|row| row.grade)
        .filter(|number| *number > grade)
        .min()
}

/// How far two adjacent grades' bands overlap.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlap {
    pub lower: u8,
    pub upper: u8,
    /// The lower band's maximum above the upper band's minimum, in the bands' currency.
    pub amount: f64,
    /// `amount` over the lower band's width.
    pub fraction: f64,
}

/// Where each grade's band overlaps the next one's, from bands in grade order (the ladder's).
pub fn overlaps(bands: &[Band]) -> Vec<Overlap> {
    bands
        .windows(2)
        .filter_map(|pair| match pair {
            [lower, upper] if lower.max > upper.min => {
                let width = lower.max - lower.min;
                Some(Overlap {
                    lower: lower.grade,
                    upper: upper.grade,
                    amount: lower.max - upper.min,
                    fraction: if width > 0.0 {
                        (lower.max - upper.min) / width
                    } else {
                        1.0
                    },
                })
            }
            _ => None,
        })
        .collect()
}
