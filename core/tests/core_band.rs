//! The band formula: worked examples with exact numbers, errors, and proptest properties.

use paygrade_core::band::{
    band_figures, band_for, bands_for_grade_everywhere, Band, BandError, BandRequest,
    CurrencyChoice, RoleMidpoint,
};
use paygrade_core::model::{
    CompaGroup, CurrencyRate, Dataset, Date, Grade, Location, Manifest, Policy, Reference, Role,
    Tables,
};
use proptest::prelude::*;

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn groups() -> Vec<CompaGroup> {
    [
        ("Learning", 0.80, 0.90),
        ("Growing", 0.90, 1.00),
        ("Thriving", 1.00, 1.10),
        ("Expert", 1.10, 1.20),
    ]
    .into_iter()
    .map(|(name, from, to)| CompaGroup {
        name: name.to_string(),
        from,
        to,
    })
    .collect()
}

fn location(id: &str, factor: f64, currency: Option<&str>, line: usize) -> Location {
    let (country, area) = id.split_once('/').unwrap();
    Location {
        id: id.to_string(),
        country: country.to_string(),
        area: area.to_string(),
        factor,
        currency: currency.map(str::to_string),
        zone: None,
        hiring: true,
        line,
    }
}

fn rate(code: &str, per_usd: f64, as_of: &str, line: usize) -> CurrencyRate {
    CurrencyRate {
        currency: code.to_string(),
        per_usd,
        as_of: date(as_of),
        line,
    }
}

/// Grade 12 at 210,000 USD, spread 0.40, variable 0.25; London at 0.62 in GBP at 0.79 per USD.
fn example() -> Dataset {
    Dataset {
        manifest: Manifest {
            organisation: "Example Co.".to_string(),
            as_of: date("2026-11-01"),
            reference: Reference {
                market: "San Francisco".to_string(),
                currency: "USD".to_string(),
            },
            tables: Tables {
                grades: "grades.csv".to_string(),
                locations: "locations.csv".to_string(),
                currencies: "currencies.csv".to_string(),
                pay_rules: None,
                equity: None,
                benefits: None,
                hiring: None,
                payments: None,
            },
            roles: vec![],
            index: None,
            policy: Policy {
                rounding: 100.0,
                location_floor: 0.45,
                rate_max_age_days: 365,
                compa_groups: groups(),
                move_policy: None,
                max_overlap: None,
                require_grade: false,
            },
            notice: None,
            feedback_url: None,
            job_ads: Default::default(),
            file: "paygrade.json".to_string(),
        },
        grades: vec![Grade {
            grade: 12,
            manager_titles: vec!["VP".to_string()],
            ic_titles: vec!["Fellow".to_string()],
            midpoint: 210_000.0,
            spread: 0.40,
            variable: Some(0.25),
            line: 10,
        }],
        locations: vec![
            location("united-kingdom/london-england", 0.62, Some("GBP"), 14),
            location("india/all", 0.30, Some("INR"), 20),
            location(
                "united-states/san-francisco-california",
                1.0,
                Some("USD"),
                2,
            ),
            location("atlantis/all", 0.5, Some("ATL"), 30),
        ],
        currencies: vec![
            rate("USD", 1.0, "2026-10-30", 2),
            rate("GBP", 0.79, "2026-10-30", 5),
            rate("EUR", 0.92, "2025-10-01", 6),
        ],
        roles: vec![Role {
            slug: "special".to_string(),
            file: "roles/special.md".to_string(),
            grade: Some(12),
            midpoint: Some(300_000.0),
            ..Role::default()
        }],
        index: Default::default(),
        pay_rules: vec![],
        equity: vec![],
        benefits: vec![],
        hiring: vec![],
        payments: vec![],
    }
}

fn request(location_id: &str, currency: CurrencyChoice) -> BandRequest<'_> {
    BandRequest {
        grade: 12,
        location_id,
        role_midpoint: None,
        currency,
        today: Some(date("2026-11-01")),
    }
}

#[test]
fn london_in_pounds_worked_example() {
    let band = band_for(
        &example(),
        &request("united-kingdom/london-england", CurrencyChoice::Local),
    )
    .unwrap();
    // 210,000 × 0.62 = 130,200 USD; × 0.79 = 102,858 GBP → 102,900.
    // min 130,200 × 0.8 = 104,160 USD → 82,286.4 GBP → 82,300; max 156,240 → 123,429.6 → 123,500.
    assert_eq!(band.currency, "GBP");
    assert_eq!(
        (band.min, band.mid, band.max),
        (82_300.0, 102_900.0, 123_500.0)
    );
    let ranges: Vec<(&str, f64, f64)> = band
        .compa_ranges
        .iter()
        .map(|r| (r.name.as_str(), r.from, r.to))
        .collect();
    assert_eq!(
        ranges,
        vec![
            ("Learning", 82_300.0, 92_600.0),
            ("Growing", 92_600.0, 102_900.0),
            ("Thriving", 102_900.0, 113_200.0),
            ("Expert", 113_200.0, 123_500.0),
        ]
    );
    // variable: 102,858 × 0.25 = 25,714.5 → 25,800; total 102,900 + 25,800.
    assert_eq!(band.variable, Some(25_800.0));
    assert_eq!(band.total_target_cash, 128_700.0);
    assert_eq!(band.rate_as_of, date("2026-10-30"));
    assert!(!band.rate_stale);
}

#[test]
fn breakdown_names_every_factor_its_row_and_the_arithmetic() {
    let band = band_for(
        &example(),
        &request("united-kingdom/london-england", CurrencyChoice::Local),
    )
    .unwrap();
    let find = |label: &str| {
        band.breakdown
            .iter()
            .find(|step| step.label.starts_with(label))
            .unwrap()
    };
    assert_eq!(find("Midpoint at").value, "210,000");
    assert_eq!(find("Midpoint at").source, "grades.csv line 10 (grade 12)");
    assert_eq!(find("Location factor").value, "0.62");
    assert_eq!(
        find("Location factor").source,
        "locations.csv line 14 (united-kingdom/london-england)"
    );
    assert_eq!(find("Midpoint here").arithmetic, "210,000 × 0.62 = 130,200");
    assert!(find("Spread")
        .arithmetic
        .contains("min = 130,200 × (1 − 0.40 / 2) = 104,160"));
    assert!(find("Exchange rate")
        .source
        .contains("currencies.csv line 5 (GBP 2026-10-30)"));
    assert!(find("Exchange rate")
        .arithmetic
        .contains("0.79 GBP per USD ÷ 1 USD per USD = 0.79"));
    assert_eq!(find("Rounding").source, "policy.rounding");
    assert!(find("Rounding")
        .arithmetic
        .contains("mid 102,858 → 102,900"));
    assert_eq!(
        find("Target variable pay").arithmetic,
        "102,858 × 0.25 = 25,714.5 → 25,800"
    );
    assert!(band
        .breakdown
        .iter()
        .all(|step| step.label != "Location floor"));
}

#[test]
fn figures_only_bands_match_the_explained_ones_without_the_steps() {
    let data = example();
    for currency in [CurrencyChoice::Local, CurrencyChoice::Reference] {
        let request = request("united-kingdom/london-england", currency);
        let explained = band_for(&data, &request).unwrap();
        let figures = band_figures(&data, &request).unwrap();
        assert!(!explained.breakdown.is_empty());
        assert!(figures.breakdown.is_empty());
        assert_eq!(
            Band {
                breakdown: Vec::new(),
                ..explained
            },
            figures
        );
    }
}

#[test]
fn floor_raises_low_factors() {
    let band = band_for(&example(), &request("india/all", CurrencyChoice::Reference)).unwrap();
    // max(0.30, 0.45) = 0.45; 210,000 × 0.45 = 94,500; min 75,600; max 113,400 (USD, already round).
    assert_eq!(
        (band.min, band.mid, band.max),
        (75_600.0, 94_500.0, 113_400.0)
    );
    assert_eq!(band.currency, "USD");
    let floor = band
        .breakdown
        .iter()
        .find(|step| step.label == "Location floor")
        .unwrap();
    assert_eq!(
        (floor.value.as_str(), floor.source.as_str()),
        ("0.45", "policy.location_floor")
    );
    assert_eq!(floor.arithmetic, "max(0.30, 0.45) = 0.45");
}

#[test]
fn role_midpoint_overrides_the_grade() {
    let data = example();
    let mut req = request(
        "united-states/san-francisco-california",
        CurrencyChoice::Local,
    );
    req.role_midpoint = data.role("special").and_then(RoleMidpoint::of);
    let band = band_for(&data, &req).unwrap();
    assert_eq!(
        (band.min, band.mid, band.max),
        (240_000.0, 300_000.0, 360_000.0)
    );
    assert_eq!(
        band.breakdown[0].source,
        "roles/special.md front matter (midpoint)"
    );
}

#[test]
fn no_rounding_when_the_policy_has_none() {
    let mut data = example();
    data.manifest.policy.rounding = 0.0;
    let band = band_for(
        &data,
        &request("united-kingdom/london-england", CurrencyChoice::Local),
    )
    .unwrap();
    assert!((band.mid - 102_858.0).abs() < 1e-6);
    assert!((band.variable.unwrap() - 25_714.5).abs() < 1e-6);
    assert!(band
        .breakdown
        .iter()
        .all(|step| !step.label.starts_with("Rounding")));
}

#[test]
fn old_rates_are_flagged_stale() {
    let data = example();
    let band = band_for(
        &data,
        &request(
            "united-kingdom/london-england",
            CurrencyChoice::Code("EUR".into()),
        ),
    )
    .unwrap();
    assert_eq!(band.currency, "EUR");
    assert_eq!(band.rate_as_of, date("2025-10-01"));
    assert!(band.rate_stale, "396 days old against a 365-day limit");
    let mut req = request(
        "united-kingdom/london-england",
        CurrencyChoice::Code("EUR".into()),
    );
    req.today = None;
    assert!(!band_for(&data, &req).unwrap().rate_stale);
}

#[test]
fn errors_are_plain_sentences() {
    let data = example();
    let mut req = request("united-kingdom/london-england", CurrencyChoice::Local);
    req.grade = 13;
    assert_eq!(band_for(&data, &req), Err(BandError::UnknownGrade(13)));
    assert_eq!(
        BandError::UnknownGrade(13).to_string(),
        "There is no grade 13 in the grade table."
    );
    assert_eq!(
        band_for(&data, &request("nowhere/all", CurrencyChoice::Local)),
        Err(BandError::UnknownLocation("nowhere/all".into()))
    );
    assert_eq!(
        band_for(
            &data,
            &request("india/all", CurrencyChoice::Code("XYZ".into()))
        ),
        Err(BandError::UnknownCurrency("XYZ".into()))
    );
    assert_eq!(
        band_for(&data, &request("india/all", CurrencyChoice::Local)),
        Err(BandError::MissingRate("INR".into()))
    );
    assert_eq!(
        band_for(&data, &request("atlantis/all", CurrencyChoice::Local)),
        Err(BandError::MissingRate("ATL".into()))
    );
    let mut no_usd = example();
    no_usd.currencies.retain(|rate| rate.currency != "USD");
    assert_eq!(
        band_for(
            &no_usd,
            &request("united-kingdom/london-england", CurrencyChoice::Local)
        ),
        Err(BandError::MissingRate("USD".into()))
    );
    // Reference currency needs no rate to show a band in itself.
    assert!(band_for(&no_usd, &request("india/all", CurrencyChoice::Reference)).is_ok());
}

#[test]
fn compa_helpers_place_amounts() {
    let band = band_for(
        &example(),
        &request("united-kingdom/london-england", CurrencyChoice::Local),
    )
    .unwrap();
    assert_eq!(band.compa_group(92_600.0).unwrap().name, "Growing");
    assert_eq!(band.compa_group(92_599.0).unwrap().name, "Learning");
    assert_eq!(band.compa_group(123_500.0).unwrap().name, "Expert");
    assert!(band.compa_group(123_501.0).is_none());
    assert!(band.compa_group(80_000.0).is_none());
    assert!((band.compa_ratio(102_900.0) - 1.0).abs() < 1e-12);
    assert_eq!(band.position(0.0), 0.0);
    assert_eq!(band.position(1e9), 1.0);
    assert!(
        (band.position(102_900.0) - (102_900.0 - 82_300.0) / (123_500.0 - 82_300.0)).abs() < 1e-12
    );
}

#[test]
fn batch_covers_every_location() {
    let data = example();
    let all = bands_for_grade_everywhere(&data, 12, None, &CurrencyChoice::Reference, None);
    assert_eq!(all.len(), data.locations.len());
    assert!(all.iter().all(|(_, band)| band.is_ok()));
    assert_eq!(all[0].1.as_ref().unwrap().mid, 130_200.0);
    let local = bands_for_grade_everywhere(&data, 12, None, &CurrencyChoice::Local, None);
    assert_eq!(local[1].1, Err(BandError::MissingRate("INR".into())));
    assert!(
        bands_for_grade_everywhere(&data, 99, None, &CurrencyChoice::Local, None)
            .iter()
            .all(|(_, b)| b.is_err())
    );
}

fn with(midpoint: f64, spread: f64, factor: f64, per_usd: f64, rounding: f64) -> Dataset {
    let mut data = example();
    data.grades[0].midpoint = midpoint;
    data.grades[0].spread = spread;
    data.locations[0].factor = factor;
    data.currencies[1].per_usd = per_usd;
    data.manifest.policy.rounding = rounding;
    data
}

const LONDON: &str = "united-kingdom/london-england";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn min_mid_max_are_ordered(midpoint in 1_000.0..2_000_000.0f64, spread in 0.0..1.99f64, factor in 0.01..3.0f64,
                               per_usd in 0.001..20_000.0f64, rounding in prop_oneof![Just(0.0), Just(1.0), Just(100.0), Just(1_000.0)]) {
        let band = band_for(&with(midpoint, spread, factor, per_usd, rounding), &request(LONDON, CurrencyChoice::Local)).unwrap();
        prop_assert!(band.min <= band.mid && band.mid <= band.max, "{band:?}");
        prop_assert!(band.min > 0.0);
    }

    #[test]
    fn monotonic_in_factor(midpoint in 1_000.0..2_000_000.0f64, a in 0.01..3.0f64, b in 0.01..3.0f64) {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let lower = band_for(&with(midpoint, 0.4, low, 0.79, 100.0), &request(LONDON, CurrencyChoice::Local)).unwrap();
        let higher = band_for(&with(midpoint, 0.4, high, 0.79, 100.0), &request(LONDON, CurrencyChoice::Local)).unwrap();
        prop_assert!(lower.min <= higher.min && lower.mid <= higher.mid && lower.max <= higher.max);
    }

    #[test]
    fn monotonic_in_midpoint(a in 1_000.0..2_000_000.0f64, b in 1_000.0..2_000_000.0f64, factor in 0.01..3.0f64) {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let lower = band_for(&with(low, 0.4, factor, 0.79, 100.0), &request(LONDON, CurrencyChoice::Local)).unwrap();
        let higher = band_for(&with(high, 0.4, factor, 0.79, 100.0), &request(LONDON, CurrencyChoice::Local)).unwrap();
        prop_assert!(lower.min <= higher.min && lower.mid <= higher.mid && lower.max <= higher.max);
    }

    #[test]
    fn contiguous_compa_groups_tile_the_range(midpoint in 1_000.0..2_000_000.0f64, factor in 0.01..3.0f64,
                                              start in 0.5..1.0f64, widths in proptest::collection::vec(0.01..0.3f64, 1..6),
                                              rounding in prop_oneof![Just(0.0), Just(100.0)]) {
        let mut data = with(midpoint, 0.4, factor, 0.79, rounding);
        let mut from = start;
        data.manifest.policy.compa_groups = widths.iter().enumerate().map(|(index, width)| {
            let group = CompaGroup { name: format!("g{index}"), from, to: from + width };
            from += width;
            group
        }).collect();
        let band = band_for(&data, &request(LONDON, CurrencyChoice::Local)).unwrap();
        for range in &band.compa_ranges {
            prop_assert!(range.from <= range.to);
        }
        for pair in band.compa_ranges.windows(2) {
            prop_assert_eq!(pair[0].to, pair[1].from, "no gap, no overlap");
        }
        // Every amount inside the tiled span belongs to exactly one group.
        let (first, last) = (band.compa_ranges[0].from, band.compa_ranges[band.compa_ranges.len() - 1].to);
        for step in 0..=20 {
            let amount = (first + (last - first) * f64::from(step) / 20.0).min(last);
            let count = band.compa_ranges.iter().enumerate().filter(|(index, r)| {
                amount >= r.from && (amount < r.to || (*index == band.compa_ranges.len() - 1 && amount <= r.to))
            }).count();
            prop_assert_eq!(count, 1, "amount {}", amount);
            prop_assert!(band.compa_group(amount).is_some());
        }
    }

    #[test]
    fn conversion_round_trips_within_the_rounding(midpoint in 1_000.0..2_000_000.0f64, factor in 0.01..3.0f64,
                                                  per_usd in 0.01..20_000.0f64, rounding in prop_oneof![Just(0.0), Just(1.0), Just(100.0)]) {
        let data = with(midpoint, 0.4, factor, per_usd, rounding);
        let local = band_for(&data, &request(LONDON, CurrencyChoice::Local)).unwrap();
        let reference = band_for(&data, &request(LONDON, CurrencyChoice::Reference)).unwrap();
        let back = local.mid / per_usd;
        let tolerance = rounding + rounding / per_usd + 1e-6 * reference.mid;
        prop_assert!((back - reference.mid).abs() <= tolerance, "{} vs {}", back, reference.mid);
    }
}
