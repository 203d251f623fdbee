//! Any bytes as each CSV table (the pay-transparency rules too): never a panic, every problem located in the file it came from.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paygrade_core::model::DataError;
use paygrade_core::parse::{parse_currencies, parse_grades, parse_locations, parse_pay_rules};

fn check_located(file: &str, errors: &[DataError]) {
    for error in errors {
        assert_eq!(error.file, file, "{error}");
        assert!(error.line.is_none_or(|line| line >= 1), "{error}");
        assert!(!error.message.is_empty(), "{error:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let (grades, errors) = parse_grades("grades.csv", data);
    check_located("grades.csv", &errors);
    for grade in &grades {
        assert!(grade.midpoint.is_finite() && grade.midpoint > 0.0);
        assert!((0.0..2.0).contains(&grade.spread));
        assert!(grade.variable.is_none_or(|v| v.is_finite() && v >= 0.0));
    }

    let (locations, errors) = parse_locations("locations.csv", data);
    check_located("locations.csv", &errors);
    let mut ids: Vec<&str> = locations.iter().map(|l| l.id.as_str()).collect();
    ids.sort_unstable();
    let count = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), count, "duplicate location ids survived");
    for location in &locations {
        assert!(location.factor.is_finite() && location.factor > 0.0);
    }

    let (rates, errors) = parse_currencies("currencies.csv", data);
    check_located("currencies.csv", &errors);
    for rate in &rates {
        assert!(rate.per_usd.is_finite() && rate.per_usd > 0.0);
    }

    let (rules, errors) = parse_pay_rules("pay-rules.csv", data);
    check_located("pay-rules.csv", &errors);
    for rule in &rules {
        assert!(!rule.countries.is_empty());
        assert!(rule.area.is_none() || rule.countries.len() == 1);
        assert!(rule.width_cap.is_none_or(|cap| cap.is_finite() && cap > 0.0));
        assert!(rule.width_cap.is_none() || rule.cap_currency.is_some());
    }
});
