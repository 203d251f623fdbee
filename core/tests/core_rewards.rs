//! Total rewards: equity a year (shares and options with a strike, at a chosen valuation), benefits,
//! payments a year, ways to hire, each move policy, promotions, overlapping and non-monotonic grades, and
//! located errors on bad rows of every new table.

mod support;
use support::band;

use paygrade_core::band::Band;
use paygrade_core::model::{Dataset, EquityKind, HireWay, MovePolicy};
use paygrade_core::parse::{
    load_dataset, parse_benefits, parse_equity, parse_hiring, parse_payments, shipped_dataset,
};
use paygrade_core::view::{
    equity_year, grant_for, hire_adjusted, move_pay, next_grade, overlaps, promotion, total_rewards,
};

fn shipped() -> Dataset {
    shipped_dataset()
}

const LISBON: &str = "portugal/lisbon";
const BERLIN: &str = "germany/berlin";
const SAN_FRANCISCO: &str = "united-states/san-francisco-california";

#[test]
fn units_are_worth_the_share_price_spread_over_the_vesting_years() {
    let data = shipped();
    let sf = data.location(SAN_FRANCISCO).unwrap();
    // Grade 12 in the Americas: 18,000 units at 24.00 USD, over 4 years with a 12-month cliff.
    let grant = grant_for(&data, 12, sf).unwrap();
    assert_eq!(grant.kind, EquityKind::Shares);
    let year = equity_year(&data, grant, 1.0, "USD").unwrap();
    assert_eq!(year.grant_value, 432_000.0);
    assert_eq!(year.per_year, 108_000.0);
    assert_eq!(
        year.vesting,
        "Vests over 4 years: nothing before 12 months (the cliff), then 25% at once and the rest evenly."
    );
    // 3× the valuation triples it; 0× is nothing.
    assert_eq!(
        equity_year(&data, grant, 3.0, "USD").unwrap().per_year,
        324_000.0
    );
    assert_eq!(equity_year(&data, grant, 0.0, "USD").unwrap().per_year, 0.0);
}

#[test]
fn options_are_worth_the_price_above_the_strike_and_nothing_below_it() {
    let data = shipped();
    let sf = data.location(SAN_FRANCISCO).unwrap();
    // Grade 7: 6,000 options, strike 6.00, price 24.00: (24 − 6) × 6,000 = 108,000 over 4 years.
    let grant = grant_for(&data, 7, sf).unwrap();
    assert_eq!(grant.kind, EquityKind::Options);
    let year = equity_year(&data, grant, 1.0, "USD").unwrap();
    assert_eq!(year.grant_value, 108_000.0);
    assert_eq!(year.per_year, 27_000.0);
    assert!(
        year.steps
            .iter()
            .any(|s| s.arithmetic == "max(24 − 6, 0) = 18"),
        "{:?}",
        year.steps
    );
    // At 0.2× the share is 4.80, below the strike: the options are worth nothing.
    assert_eq!(equity_year(&data, grant, 0.2, "USD").unwrap().per_year, 0.0);
}

#[test]
fn a_zone_row_replaces_the_grades_row_for_every_zone() {
    let data = shipped();
    let berlin = data.location(BERLIN).unwrap();
    assert_eq!(grant_for(&data, 12, berlin).unwrap().shares, 15_000.0);
    // In euros: the grant is converted at the rate table's EUR per USD.
    let year = equity_year(&data, grant_for(&data, 12, berlin).unwrap(), 1.0, "EUR").unwrap();
    let eur = data.conversion("USD", "EUR").unwrap();
    assert!((year.grant_value - 360_000.0 * eur).abs() < 1e-6);
    assert!(year.steps.iter().any(|s| s.label == "In EUR"));
}

#[test]
fn total_rewards_add_base_variable_equity_and_benefits_at_the_midpoint() {
    let data = shipped();
    let sf = data.location(SAN_FRANCISCO).unwrap();
    let band = band(&data, 12, SAN_FRANCISCO);
    let total = total_rewards(&data, &band, sf, 1.0, None);
    assert_eq!(total.base_mid, band.mid);
    assert_eq!(total.variable, band.variable.unwrap());
    // Health 14,000 + retirement 4,000 + learning 1,500.
    assert_eq!(total.benefits_value, 19_500.0);
    assert_eq!(
        total.total,
        band.mid + total.variable + 108_000.0 + 19_500.0
    );
    // Paid every other week in the United States.
    let payments = total.payments.unwrap();
    assert_eq!(payments.per_year, 26);
    assert_eq!(payments.per_payment, band.mid / 26.0);
}

#[test]
fn lisbon_is_paid_in_fourteen_and_a_place_without_a_row_shows_no_schedule() {
    let data = shipped();
    let lisbon = data.location(LISBON).unwrap();
    let band = band(&data, 7, LISBON);
    let payments = total_rewards(&data, &band, lisbon, 1.0, None)
        .payments
        .unwrap();
    assert_eq!(payments.per_year, 14);
    assert_eq!(payments.per_payment, band.mid / 14.0);
    let tokyo = data.location("japan/tokyo").unwrap();
    let tokyo_band = self::band(&data, 7, "japan/tokyo");
    assert!(total_rewards(&data, &tokyo_band, tokyo, 1.0, None)
        .payments
        .is_none());
}

#[test]
fn a_contractor_in_germany_is_paid_the_band_times_its_factor_with_the_reason_in_the_formula() {
    let data = shipped();
    let berlin = data.location(BERLIN).unwrap();
    let band = band(&data, 7, BERLIN);
    let contractor = hire_adjusted(&data, &band, berlin, HireWay::Contractor).unwrap();
    assert_eq!(contractor.mid, (band.mid * 1.3 / 100.0).ceil() * 100.0);
    let step = contractor.breakdown.last().unwrap();
    assert_eq!(step.label, "Way to hire: Contractor");
    assert!(
        step.source.contains("pays their own pension"),
        "{}",
        step.source
    );
    // A contractor's rate carries the benefits an employee gets.
    let rewards = total_rewards(&data, &contractor, berlin, 1.0, Some(HireWay::Contractor));
    assert_eq!(rewards.benefits_value, 0.0);
    assert!(rewards.benefits_note.is_some());
    assert_eq!(
        total_rewards(&data, &band, berlin, 1.0, None).benefits_value,
        3_700.0
    );
    // No employer of record in Germany in the data.
    assert!(hire_adjusted(&data, &band, berlin, HireWay::EmployerOfRecord).is_none());
}

#[test]
fn each_move_policy_gives_its_own_answer() {
    let data = shipped();
    let sf = band(&data, 7, SAN_FRANCISCO);
    let berlin = band(&data, 7, BERLIN);
    // 10% above the San Francisco midpoint.
    let salary = sf.mid * 1.1;
    let keep = move_pay(&data, &sf, &berlin, salary, MovePolicy::KeepPosition).unwrap();
    assert_eq!(keep.currency, "EUR");
    assert!((keep.position - 1.1).abs() < 1e-12);
    assert_eq!(keep.amount, (berlin.mid * 1.1 / 100.0).ceil() * 100.0);
    // Never lower: the San Francisco salary converted is more than 1.1 × Berlin's midpoint, so it wins.
    let converted = salary * data.conversion("USD", "EUR").unwrap();
    let never = move_pay(&data, &sf, &berlin, salary, MovePolicy::NeverLower).unwrap();
    assert_eq!(
        never.amount,
        (converted.max(keep.amount) / 100.0).ceil() * 100.0
    );
    assert!(never.amount >= keep.amount);
    // Clamped: the converted salary is above Berlin's maximum, so the maximum.
    let clamp = move_pay(&data, &sf, &berlin, salary, MovePolicy::ClampToBand).unwrap();
    assert_eq!(clamp.amount, berlin.max);
    // A move the other way, keeping position, from a salary below the Berlin minimum.
    let low = move_pay(
        &data,
        &berlin,
        &sf,
        berlin.min * 0.9,
        MovePolicy::ClampToBand,
    )
    .unwrap();
    assert_eq!(low.amount, sf.min);
    assert!(move_pay(&data, &sf, &berlin, 0.0, MovePolicy::KeepPosition).is_none());
}

#[test]
fn a_promotion_keeping_the_salary_lands_in_the_next_grades_band_with_the_raise_to_its_minimum() {
    let data = shipped();
    assert_eq!(next_grade(&data, 12), Some(14));
    assert_eq!(next_grade(&data, 15), None);
    let seven = band(&data, 7, SAN_FRANCISCO);
    let eight = band(&data, 8, SAN_FRANCISCO);
    let low = promotion(eight.clone(), seven.min);
    assert_eq!(low.to_grade, 8);
    assert_eq!(low.raise_to_minimum, eight.min - seven.min);
    let high = promotion(eight.clone(), seven.max);
    assert_eq!(high.raise_to_minimum, 0.0);
    assert!((high.compa_ratio - seven.max / eight.mid).abs() < 1e-12);
}

#[test]
fn overlaps_are_measured_against_the_lower_bands_width() {
    let data = shipped();
    let bands: Vec<Band> = data
        .grades
        .iter()
        .map(|g| band(&data, g.grade, SAN_FRANCISCO))
        .collect();
    let found = overlaps(&bands);
    // Grade 7 (129,600–194,400) and grade 8 (156,800–235,200) overlap by 37,600 of grade 7's 64,800.
    let seven = found.iter().find(|o| o.lower == 7).unwrap();
    assert_eq!(seven.upper, 8);
    assert_eq!(seven.amount, 194_400.0 - 156_800.0);
    assert!((seven.fraction - 37_600.0 / 64_800.0).abs() < 1e-12);
}

fn folder(grades: &str, policy: &str) -> (Option<Dataset>, Vec<String>) {
    let manifest = format!(
        r#"{{ "organisation": "T", "as_of": "2026-11-01", "reference": {{ "market": "Here", "currency": "USD" }},
  "tables": {{ "grades": "grades.csv", "locations": "locations.csv", "currencies": "currencies.csv" }},
  "policy": {{ "rounding": 100, "location_floor": 0.45, "compa_groups": []{policy} }} }}"#
    );
    let files = [
        ("grades.csv", grades),
        (
            "locations.csv",
            "country,area,factor,currency\nA,All,1.0,USD\n",
        ),
        (
            "currencies.csv",
            "currency,per_usd,as_of\nUSD,1,2026-11-01\n",
        ),
    ];
    let (data, problems) = load_dataset("paygrade.json", manifest.as_bytes(), &|path| {
        files
            .iter()
            .find(|(name, _)| *name == path)
            .map(|(_, text)| text.as_bytes().to_vec())
            .ok_or_else(|| "missing".to_string())
    });
    (data, problems.iter().map(ToString::to_string).collect())
}

#[test]
fn a_grade_paying_less_than_the_one_below_is_an_error_naming_both_lines() {
    let (_, problems) = folder(
        "grade,manager_titles,ic_titles,midpoint,spread,variable\n7,,S,130000,0.4,\n8,,T,120000,0.4,\n",
        "",
    );
    assert_eq!(
        problems,
        ["grades.csv line 3, field \"midpoint\": grade 8's midpoint 120,000 is not above grade 7's 130,000 (line 2): a promotion would not pay more"]
    );
}

#[test]
fn an_overlap_wider_than_the_policy_allows_is_a_warning() {
    let grades = "grade,manager_titles,ic_titles,midpoint,spread,variable\n7,,S,100000,0.4,\n8,,T,110000,0.4,\n";
    // 7: 80,000–120,000; 8 from 88,000: 32,000 of 40,000 = 80%.
    let (_, none) = folder(grades, "");
    assert!(none.is_empty(), "{none:?}");
    let (_, warned) = folder(grades, r#", "max_overlap": 0.5"#);
    assert_eq!(
        warned,
        ["grades.csv line 3, field \"midpoint\": grade 8's band overlaps grade 7's by 80% of its width, more than policy.max_overlap (50%)"]
    );
}

#[test]
fn bad_rows_in_the_rewards_tables_are_located_and_skipped() {
    let (grants, errors) = parse_equity(
        "equity.csv",
        b"grade,kind,shares,price,strike,currency,valuation_date,vesting_years,cliff_months\n\
7,options,100,10,,USD,2026-01-01,4,12\n\
8,shares,100,10,2,USD,2026-01-01,4,12\n\
9,bonds,100,10,,USD,2026-01-01,4,\n\
10,shares,100,10,,USD,2026-01-01,4,60\n\
11,shares,100,10,,USD,2026-01-01,4,12\n",
    );
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "equity.csv line 2, field \"strike\": is empty; options need the strike price their holder pays per share",
            "equity.csv line 3, field \"strike\": is set for shares or units, which have no strike price",
            "equity.csv line 4, field \"kind\": \"bonds\" must be one of options, shares, units",
            "equity.csv line 5, field \"cliff_months\": 60 months is longer than the 4-year vesting",
        ]
    );
    assert_eq!(grants.len(), 1);

    let (_, errors) = parse_benefits(
        "benefits.csv",
        b"country,item,value,currency\nA,Health,-5,USD\nA,Gym,100,usd\n",
    );
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        messages[0]
            .starts_with("benefits.csv line 2, field \"value\": \"-5\" must not be negative"),
        "{messages:?}"
    );
    assert!(
        messages[1].starts_with("benefits.csv line 3, field \"currency\""),
        "{messages:?}"
    );

    let (ways, errors) = parse_hiring("hiring.csv", b"country,way,factor,amount,currency,reason\nA,freelancer,1.2,,,x\nA,contractor,1.2,500,,y\nA,contractor,1.2,-500,USD,z\n");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "hiring.csv line 2, field \"way\": \"freelancer\" must be one of employee, employer-of-record, contractor",
            "hiring.csv line 3, field \"currency\": is empty; an amount needs the currency it is written in",
        ]
    );
    assert_eq!(ways[0].amount, Some(-500.0));

    let (_, errors) = parse_payments("payments.csv", b"country,payments\nA,0\nB,twelve\nC,13\n");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "payments.csv line 2, field \"payments\": \"0\" must be a whole number of payments from 1 to 52",
            "payments.csv line 3, field \"payments\": \"twelve\" must be a whole number of payments from 1 to 52",
        ]
    );
}

/// docs/data-format.md's worked example, from grant to a year, holds.
#[test]
fn the_documented_worked_example_holds() {
    let data = shipped();
    let berlin = data.location(BERLIN).unwrap();
    let grant = grant_for(&data, 7, berlin).unwrap();
    let year = equity_year(&data, grant, 1.0, "EUR").unwrap();
    assert!(
        (year.grant_value - 92_880.0).abs() < 1e-6,
        "{}",
        year.grant_value
    );
    assert!((year.per_year - 23_220.0).abs() < 1e-6);
    let three = equity_year(&data, grant, 3.0, "EUR").unwrap();
    assert!((three.per_year - 85_140.0).abs() < 1e-6);
}
