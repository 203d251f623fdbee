//! Pay-transparency rules: the rules file's located errors, each kind of rule against the shipped data,
//! the strictest combination for a posting open to several places, the offered range, and the exports.

use std::path::Path;

use paygrade_core::band::{band_for, Band, BandRequest, CurrencyChoice};
use paygrade_core::export::{ad_paragraphs, AdPlace, MoneyFormats};
use paygrade_core::model::{DataError, Dataset, Date, RuleSet};
use paygrade_core::parse::{parse_manifest, parse_pay_rules};
use paygrade_core::table::{filtered, rows_for, sorted, to_csv, Sort};
use paygrade_core::transparency::{
    check_ad, check_posting, covers, place_verdict, rules_for, AdCheck, BenefitsStatement,
    PostedBand, PostedRange, Posting, Verdict,
};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/pay-rules");
const TORONTO: &str = "canada/toronto-ontario";
const DENVER: &str = "united-states/denver-colorado";
const NEW_YORK: &str = "united-states/new-york-new-york";
const UPSTATE: &str = "united-states/everywhere-else-new-york";
const BERLIN: &str = "germany/berlin";
const LONDON: &str = "united-kingdom/london-england";

fn today() -> Option<Date> {
    Date::parse("2026-12-01")
}

fn shipped() -> Dataset {
    paygrade_core::parse::shipped_dataset()
}

fn band(data: &Dataset, grade: u8, location: &str, currency: CurrencyChoice) -> Band {
    band_for(
        data,
        &BandRequest {
            grade,
            location_id: location,
            role_midpoint: None,
            currency,
            today: today(),
        },
    )
    .unwrap()
}

fn check(data: &Dataset, grade: u8, places: &[&str], remote: bool) -> AdCheck {
    let band = band(data, grade, places[0], CurrencyChoice::Local);
    let locations: Vec<_> = places.iter().map(|id| data.location(id).unwrap()).collect();
    check_ad(data, &PostedBand::from(&band), &locations, remote, today())
}

fn ids(check: &AdCheck) -> Vec<&str> {
    check.rule_sets.iter().map(|c| c.rule.id.as_str()).collect()
}

/// The finding of a rule set whose requirement starts with `requirement`.
fn finding<'a>(
    check: &'a AdCheck,
    rule: &str,
    requirement: &str,
) -> &'a paygrade_core::transparency::Finding {
    check
        .rule_sets
        .iter()
        .find(|c| c.rule.id == rule)
        .unwrap_or_else(|| panic!("no rule set {rule} in {:?}", ids(check)))
        .findings
        .iter()
        .find(|f| f.requirement.starts_with(requirement))
        .unwrap_or_else(|| panic!("no finding {requirement} for {rule}"))
}

/// A rules file with one row, every optional column given, for rule-kind tests.
fn one_rule(columns: &str, values: &str) -> RuleSet {
    let text = format!(
        "id,name,country,area,citation,source,applies_from,reviewed,range,pay_period,benefits,pay_basis,summary{columns}\n\
         test,Test rule,United States,Colorado,Act,https://example.com,2020-01-01,2026-11-20,min-max,year-or-hour,no,base,S{values}\n"
    );
    let (rules, errors) = parse_pay_rules("pay-rules.csv", text.as_bytes());
    assert!(errors.is_empty(), "{errors:?}");
    rules.into_iter().next().unwrap()
}

fn posting(range: PostedRange) -> Posting {
    Posting {
        currency: "USD".into(),
        range,
        range_in_ad: true,
        hourly: None,
        benefits: BenefitsStatement::None,
        states_variable: false,
        variable: None,
        remote: false,
        ad_texts: Vec::new(),
    }
}

fn verdict_of(findings: &[paygrade_core::transparency::Finding], requirement: &str) -> Verdict {
    findings
        .iter()
        .find(|f| f.requirement.starts_with(requirement))
        .map(|f| f.verdict)
        .unwrap_or_else(|| panic!("no finding {requirement} in {findings:?}"))
}

#[test]
fn the_shipped_rules_load_with_sources_and_dates() {
    let data = shipped();
    let names: Vec<&str> = data.pay_rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        names,
        [
            "eu-2023-970",
            "colorado",
            "new-york-city",
            "new-york-state",
            "california",
            "washington",
            "illinois",
            "massachusetts",
            "ontario",
            "british-columbia"
        ]
    );
    for rule in &data.pay_rules {
        assert!(rule.source.starts_with("https://"), "{}", rule.id);
        assert!(
            rule.summary.ends_with("Summary, not legal advice."),
            "{}",
            rule.id
        );
        assert!(!rule.review_stale(today(), 365), "{}", rule.id);
    }
    let eu = &data.pay_rules[0];
    assert_eq!(eu.countries.len(), 27);
    // Every EU country is spelt as locations.csv spells it, so each has at least one location.
    for country in &eu.countries {
        assert!(
            data.locations.iter().any(|l| &l.country == country),
            "{country} has no location"
        );
    }
    assert_eq!(data.manifest.job_ads.hours_per_year, Some(2080.0));
}

#[test]
fn bad_rule_rows_are_reported_with_file_line_and_field() {
    let bytes = std::fs::read(Path::new(FIXTURES).join("bad.csv")).unwrap();
    let (rules, errors) = parse_pay_rules("pay-rules.csv", &bytes);
    assert_eq!(rules.len(), 1, "{rules:?}");
    assert_eq!(rules[0].id, "good");
    assert_eq!(rules[0].width_cap, Some(50_000.0));
    // The short row is found while reading, before any row is parsed; by line they read in order.
    let mut located: Vec<(Option<usize>, Option<&str>)> = errors
        .iter()
        .map(|e| (e.line, e.field.as_deref()))
        .collect();
    located.sort();
    assert_eq!(
        located,
        [
            (Some(3), Some("id")),
            (Some(4), Some("source")),
            (Some(5), Some("applies_from")),
            (Some(6), Some("range")),
            (Some(7), Some("pay_period")),
            (Some(8), Some("benefits")),
            (Some(9), Some("width_cap")),
            (Some(10), Some("cap_currency")),
            (Some(11), Some("area")),
            (Some(12), Some("remote")),
            (Some(13), Some("summary")),
            (Some(14), Some("id")),
            (Some(15), None),
        ],
        "{errors:#?}"
    );
    assert!(errors.iter().all(|e| e.file == "pay-rules.csv"));
    let on_line = |line: usize| {
        errors
            .iter()
            .find(|e| e.line == Some(line))
            .map(DataError::to_string)
            .unwrap()
    };
    assert_eq!(
        on_line(6),
        "pay-rules.csv line 6, field \"range\": \"from\" must be one of min-max, min-max-or-single"
    );
    assert_eq!(
        on_line(11),
        "pay-rules.csv line 11, field \"area\": an area needs exactly one country, but the row names 2"
    );
    assert_eq!(
        on_line(14),
        "pay-rules.csv line 14, field \"id\": rule set \"good\" is already defined on line 2; row skipped"
    );
    assert_eq!(
        on_line(15),
        "pay-rules.csv line 15: has 2 fields but the header has 17; row skipped"
    );
}

#[test]
fn a_misspelt_required_column_loses_the_file_and_says_where() {
    let bytes = std::fs::read(Path::new(FIXTURES).join("missing-column.csv")).unwrap();
    let (rules, errors) = parse_pay_rules("pay-rules.csv", &bytes);
    assert!(rules.is_empty());
    let text: Vec<String> = errors.iter().map(DataError::to_string).collect();
    assert_eq!(
        text,
        [
            "pay-rules.csv line 1, field \"pay_bassis\": unknown column; did you mean \"pay_basis\"?",
            "pay-rules.csv line 1, field \"pay_basis\": required column is missing",
        ]
    );
}

#[test]
fn the_manifest_names_the_rules_and_checks_the_job_ad_facts() {
    let manifest = |job_ads: &str| {
        format!(
            r#"{{ "organisation": "X", "as_of": "2026-11-01",
  "reference": {{ "market": "San Francisco", "currency": "USD" }},
  "tables": {{ "grades": "g.csv", "locations": "l.csv", "currencies": "c.csv", "pay_rules": "rules/pay.csv" }},
  "job_ads": {job_ads},
  "policy": {{ "rounding": 100 }} }}"#
        )
    };
    let good = parse_manifest(
        "paygrade.json",
        manifest(r#"{ "hours_per_year": 1720, "benefits_url": "https://example.com/b" }"#)
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(good.job_ads.hours_per_year, Some(1720.0));
    assert!(good.manifest_files_include("rules/pay.csv"));

    let errors = parse_manifest(
        "paygrade.json",
        manifest(
            r#"{ "hours_per_year": -5, "benefits_url": "javascript:alert(1)", "benefits": " " }"#,
        )
        .as_bytes(),
    )
    .unwrap_err();
    let fields: Vec<&str> = errors.iter().filter_map(|e| e.field.as_deref()).collect();
    assert_eq!(
        fields,
        [
            "job_ads.hours_per_year",
            "job_ads.benefits_url",
            "job_ads.benefits"
        ]
    );
    let unknown = parse_manifest(
        "paygrade.json",
        manifest("{\n \"hours_per_yer\": 1720 }").as_bytes(),
    )
    .unwrap_err();
    assert_eq!(unknown[0].line, Some(5), "{unknown:?}");
    assert!(unknown[0].message.contains("hours_per_yer"), "{unknown:?}");
}

trait FilesInclude {
    fn manifest_files_include(&self, path: &str) -> bool;
}

impl FilesInclude for paygrade_core::model::Manifest {
    fn manifest_files_include(&self, path: &str) -> bool {
        self.files().0.iter().any(|file| file == path)
    }
}

#[test]
fn places_match_by_country_and_by_area_or_the_region_it_lies_in() {
    let data = shipped();
    let applying = |id: &str, remote: bool| -> Vec<String> {
        rules_for(&data, data.location(id).unwrap(), remote)
            .iter()
            .map(|r| r.id.clone())
            .collect()
    };
    assert_eq!(
        applying(NEW_YORK, false),
        ["new-york-city", "new-york-state"]
    );
    assert_eq!(applying(UPSTATE, false), ["new-york-state"]);
    assert_eq!(applying(DENVER, false), ["colorado"]);
    assert_eq!(applying(TORONTO, false), ["ontario"]);
    assert_eq!(
        applying("canada/vancouver-british-columbia", false),
        ["british-columbia"]
    );
    assert_eq!(applying(BERLIN, false), ["eu-2023-970"]);
    assert!(applying(LONDON, false).is_empty());
    // Remote: only rule sets whose summary covers remote roles.
    assert_eq!(
        applying(NEW_YORK, true),
        ["new-york-city", "new-york-state"]
    );
    assert_eq!(applying(DENVER, true), ["colorado"]);
    assert!(applying(TORONTO, true).is_empty());
    let washington_dc = data
        .location("united-states/washington-district-of-columbia")
        .unwrap();
    let washington_state = data
        .pay_rules
        .iter()
        .find(|r| r.id == "washington")
        .unwrap();
    assert!(!covers(washington_state, washington_dc));
    assert!(covers(
        washington_state,
        data.location("united-states/seattle-washington").unwrap()
    ));
}

#[test]
fn toronto_grade_7_is_wider_than_ontarios_cap_and_gets_a_centred_range() {
    let data = shipped();
    let band = band(&data, 7, TORONTO, CurrencyChoice::Local);
    assert_eq!(
        (band.min, band.mid, band.max),
        (128_800.0, 161_000.0, 193_200.0)
    );
    let check = check(&data, 7, &[TORONTO], false);
    assert_eq!(ids(&check), ["ontario"]);
    let width = finding(&check, "ontario", "Width");
    assert_eq!(width.verdict, Verdict::Breaks);
    assert_eq!(
        width.detail,
        "The range is 64,400 CAD wide, more than the cap of 50,000 CAD."
    );
    assert_eq!(check.verdict(), Verdict::Breaks);
    let offered = check.offered.as_ref().expect("an offered range");
    assert_eq!((offered.min, offered.max), (136_000.0, 186_000.0));
    assert!(offered.min >= band.min && offered.max <= band.max);
    assert!(
        offered
            .reason
            .starts_with("Centred on the midpoint (161,000)"),
        "{}",
        offered.reason
    );
    assert!(
        offered.reason.contains("Growing and Thriving compa groups"),
        "{}",
        offered.reason
    );
    // The offered range meets every rule set.
    assert!(check
        .offered_rule_sets
        .iter()
        .all(|c| c.verdict() == Verdict::Meets));
    assert_eq!(
        check.final_posting().range,
        PostedRange::Between(136_000.0, 186_000.0)
    );
}

#[test]
fn the_cap_is_converted_into_the_currency_the_ad_uses() {
    let data = shipped();
    let band = band(&data, 7, TORONTO, CurrencyChoice::Reference);
    let toronto = data.location(TORONTO).unwrap();
    let check = check_ad(&data, &PostedBand::from(&band), &[toronto], false, today());
    let width = finding(&check, "ontario", "Width");
    assert_eq!(width.verdict, Verdict::Breaks);
    // 50,000 CAD at 1.38 CAD per USD.
    assert!(
        width.detail.ends_with("the cap of 36,231.88 USD."),
        "{}",
        width.detail
    );
    let offered = check.offered.unwrap();
    assert!(offered.max - offered.min <= 50_000.0 / 1.38);
}

#[test]
fn the_cap_does_not_apply_above_its_threshold() {
    let data = shipped();
    let check = check(&data, 12, &[TORONTO], false);
    let width = finding(&check, "ontario", "Width");
    assert_eq!(width.verdict, Verdict::Meets);
    assert_eq!(
        width.detail,
        "The cap is not applied: the top of the range is above 200,000 CAD."
    );
    assert!(check.offered.is_none());
    assert_eq!(check.needs.width_cap, None);
}

#[test]
fn denver_needs_benefits_text_or_a_link_and_says_what_is_missing() {
    let mut data = shipped();
    let check_denver = |data: &Dataset| check(data, 8, &[DENVER], false);
    let with_text = check_denver(&data);
    assert_eq!(ids(&with_text), ["colorado"]);
    assert_eq!(
        finding(&with_text, "colorado", "A description of benefits").verdict,
        Verdict::Meets
    );
    assert!(matches!(
        with_text.posting.benefits,
        BenefitsStatement::Text(_)
    ));
    // Base plus variable: the grade's target variable pay is stated.
    let variable = finding(&with_text, "colorado", "Base pay with variable pay");
    assert_eq!(variable.verdict, Verdict::Meets);
    assert!(
        variable
            .detail
            .starts_with("The ad states target variable pay of"),
        "{}",
        variable.detail
    );

    data.manifest.job_ads.benefits = None;
    let with_link = check_denver(&data);
    let benefits = finding(&with_link, "colorado", "A description of benefits");
    assert_eq!(benefits.verdict, Verdict::Meets);
    assert_eq!(
        benefits.detail,
        "The ad links to the benefits page https://example.com/benefits, which this rule allows."
    );
    // Washington wants the text itself.
    let seattle = check(&data, 8, &["united-states/seattle-washington"], false);
    assert_eq!(
        finding(&seattle, "washington", "A description of benefits").verdict,
        Verdict::Breaks
    );

    data.manifest.job_ads.benefits_url = None;
    let with_nothing = check_denver(&data);
    assert_eq!(
        finding(&with_nothing, "colorado", "A description of benefits").verdict,
        Verdict::Breaks
    );
    assert_eq!(with_nothing.verdict(), Verdict::Breaks);
    // No range can fix missing benefits, so none is offered.
    assert!(with_nothing.offered.is_none());
}

#[test]
fn open_ended_ranges_break_min_max_rules_and_one_figure_passes_where_allowed() {
    let data = shipped();
    let city = data
        .pay_rules
        .iter()
        .find(|r| r.id == "new-york-city")
        .unwrap();
    let state = data
        .pay_rules
        .iter()
        .find(|r| r.id == "new-york-state")
        .unwrap();
    let places = ["New York, New York (United States)".to_string()];
    for open in [PostedRange::From(100_000.0), PostedRange::UpTo(150_000.0)] {
        for rule in [city, state] {
            let findings = check_posting(&data, rule, &posting(open), &places, today());
            assert_eq!(
                verdict_of(&findings, "A minimum and a maximum"),
                Verdict::Breaks,
                "{}",
                rule.id
            );
        }
    }
    let single = posting(PostedRange::Exactly(120_000.0));
    let in_city = check_posting(&data, city, &single, &places, today());
    assert_eq!(
        verdict_of(&in_city, "A minimum and a maximum"),
        Verdict::Breaks
    );
    let in_state = check_posting(&data, state, &single, &places, today());
    assert_eq!(
        verdict_of(&in_state, "A minimum and a maximum, or one figure"),
        Verdict::Meets
    );
    let both = posting(PostedRange::Between(100_000.0, 150_000.0));
    assert_eq!(
        verdict_of(
            &check_posting(&data, city, &both, &places, today()),
            "A minimum"
        ),
        Verdict::Meets
    );
    // California does not accept a link in place of the range.
    let california = data
        .pay_rules
        .iter()
        .find(|r| r.id == "california")
        .unwrap();
    let linked = Posting {
        range_in_ad: false,
        ..both
    };
    assert_eq!(
        verdict_of(
            &check_posting(&data, california, &linked, &places, today()),
            "The range in the ad itself"
        ),
        Verdict::Breaks
    );
}

#[test]
fn a_remote_new_york_posting_is_covered_by_city_and_state_and_says_so() {
    let data = shipped();
    let check = check(&data, 12, &[NEW_YORK], true);
    assert_eq!(ids(&check), ["new-york-city", "new-york-state"]);
    let remote = finding(&check, "new-york-city", "Remote roles");
    assert_eq!(remote.verdict, Verdict::Meets);
    assert!(remote.detail.contains("New York, New York (United States)"));
    assert_eq!(
        check.needs.remote_scope,
        ["New York, New York (United States)"]
    );
    assert!(check.needs.min_and_max);
    assert!(check.posting.remote);
    assert_eq!(check.verdict(), Verdict::Meets);
}

#[test]
fn berlin_states_gross_annual_and_hourly_pay_from_the_hours_in_the_data() {
    let mut data = shipped();
    let check_berlin = |data: &Dataset| check(data, 12, &[BERLIN], false);
    let check = check_berlin(&data);
    assert_eq!(ids(&check), ["eu-2023-970"]);
    let hourly = check.posting.hourly.expect("hourly figures");
    // 202,300 and 303,500 EUR a year over 2,080 hours.
    assert_eq!((hourly.min, hourly.max), (97.26, 145.91));
    let period = finding(&check, "eu-2023-970", "Gross annual and gross hourly pay");
    assert_eq!(period.verdict, Verdict::Meets);
    assert_eq!(
        period.detail,
        "The ad states the annual range and 97.26 EUR to 145.91 EUR an hour (at 2,080 hours a year)."
    );
    assert_eq!(
        finding(&check, "eu-2023-970", "No questions about pay history").verdict,
        Verdict::Note
    );
    assert_eq!(
        finding(&check, "eu-2023-970", "A statement in the ad").verdict,
        Verdict::Meets
    );
    assert!(check.needs.pay_history_ban);
    assert_eq!(check.verdict(), Verdict::Meets);

    data.manifest.job_ads.hours_per_year = None;
    let without_hours = check_berlin(&data);
    let period = finding(
        &without_hours,
        "eu-2023-970",
        "Gross annual and gross hourly pay",
    );
    assert_eq!(period.verdict, Verdict::Breaks);
    assert!(period.detail.contains("job_ads.hours_per_year"));
}

#[test]
fn london_has_no_rule_and_the_ad_is_the_plain_sentence() {
    let data = shipped();
    let check = check(&data, 12, &[LONDON], false);
    assert!(check.no_rules());
    assert_eq!(check.verdict(), Verdict::Meets);
    assert_eq!(check.places[0].name, "London, England (United Kingdom)");
    assert!(check.places[0].rule_ids.is_empty());
    let plain = |value: f64, code: &str| format!("{code} {value}");
    let formats = MoneyFormats {
        whole: &plain,
        cents: &plain,
    };
    let place = AdPlace {
        locality: "London, England".into(),
        country: "United Kingdom".into(),
        whole_country: false,
    };
    assert_eq!(
        ad_paragraphs(&check.final_posting(), &[place], &formats),
        ["The base salary for this role in London, England is GBP 196600 to GBP 294900 a year."]
    );
    let band = band(&data, 12, LONDON, CurrencyChoice::Local);
    let verdict = place_verdict(
        &data,
        &PostedBand::from(&band),
        data.location(LONDON).unwrap(),
        today(),
    );
    assert_eq!(verdict.verdict, None);
}

#[test]
fn several_places_get_the_strictest_combination_of_their_rules() {
    let data = shipped();
    let check = check(&data, 7, &[TORONTO, DENVER, BERLIN], false);
    // In file order, whatever order the places were given in.
    assert_eq!(ids(&check), ["eu-2023-970", "colorado", "ontario"]);
    let needs = &check.needs;
    assert!(!needs.min_and_max, "all three allow one figure");
    assert!(needs.hourly, "the EU wants the hourly figure");
    assert_eq!(
        needs.benefits,
        Some(paygrade_core::model::BenefitsRule::TextOrLink)
    );
    assert!(needs.variable);
    assert!(needs.pay_history_ban);
    assert_eq!(
        needs.width_cap.as_ref().map(|(cap, _)| *cap),
        Some(50_000.0)
    );
    assert!(check.posting.hourly.is_some());
    assert!(check.posting.states_variable);
    // Every rule set is checked against the same posted range.
    for rule in ["eu-2023-970", "colorado"] {
        assert_eq!(finding(&check, rule, "A minimum").verdict, Verdict::Meets);
    }
    assert_eq!(finding(&check, "ontario", "Width").verdict, Verdict::Breaks);
    let offered = check.offered.as_ref().unwrap();
    assert!(offered.max - offered.min <= 50_000.0);
    assert!(check
        .offered_rule_sets
        .iter()
        .all(|c| c.verdict() == Verdict::Meets));
    // The offered range's hourly figures follow it: 136,000 and 186,000 CAD over 2,080 hours.
    let eu_offered = check
        .offered_rule_sets
        .iter()
        .find(|c| c.rule.id == "eu-2023-970")
        .unwrap();
    assert!(eu_offered
        .findings
        .iter()
        .any(|f| f.detail.contains("65.38 CAD to 89.42 CAD an hour")));
    assert_eq!(check.places.len(), 3);

    // New York City joins: now one figure will not do.
    let with_new_york = self::check(&data, 7, &[TORONTO, NEW_YORK], false);
    assert!(with_new_york.needs.min_and_max);

    // Remote: Ontario's summary does not cover remote roles, so it is listed as left out.
    let remote = self::check(&data, 7, &[NEW_YORK, TORONTO, DENVER], true);
    assert_eq!(
        ids(&remote),
        ["colorado", "new-york-city", "new-york-state"]
    );
    assert_eq!(remote.places[1].not_remote, ["ontario"]);
    assert!(
        remote.offered.is_none(),
        "no cap applies to the remote posting"
    );
}

#[test]
fn the_narrowest_applying_cap_wins() {
    let mut data = shipped();
    let mut tighter = one_rule(",width_cap,cap_currency", ",30000,USD");
    tighter.countries = vec!["Canada".into()];
    tighter.area = None;
    tighter.line = 99;
    data.pay_rules.push(tighter);
    let check = check(&data, 7, &[TORONTO], false);
    assert_eq!(ids(&check), ["ontario", "test"]);
    let (cap, whose) = check.needs.width_cap.clone().unwrap();
    // 30,000 USD is 41,400 CAD, narrower than Ontario's 50,000.
    assert!((cap - 41_400.0).abs() < 1e-6, "{cap}");
    assert_eq!(whose, "Test rule");
    let offered = check.offered.unwrap();
    assert!(offered.max - offered.min <= 41_400.0);
    assert!(offered.reason.contains("Test rule"));
}

#[test]
fn a_cap_in_a_currency_without_a_rate_cannot_be_checked() {
    let mut data = shipped();
    let mut rule = one_rule(",width_cap,cap_currency", ",30000,XYZ");
    rule.countries = vec!["Canada".into()];
    rule.area = None;
    data.pay_rules = vec![rule];
    let check = check(&data, 7, &[TORONTO], false);
    let width = finding(&check, "test", "Width");
    assert_eq!(width.verdict, Verdict::CannotTell);
    assert!(width.detail.contains("no exchange rate for XYZ"));
    assert_eq!(check.verdict(), Verdict::CannotTell);
}

#[test]
fn a_rule_set_past_its_review_is_flagged_and_one_not_yet_in_force_says_when() {
    let mut data = shipped();
    let mut rule = one_rule("", "");
    rule.reviewed = Date::parse("2025-06-30").unwrap();
    rule.applies_from = Date::parse("2027-01-01").unwrap();
    data.pay_rules = vec![rule];
    let check = check(&data, 8, &[DENVER], false);
    let rule_set = &check.rule_sets[0];
    assert!(rule_set.stale);
    assert!(!rule_set.in_force);
    let note = finding(&check, "test", "In force");
    assert_eq!(note.verdict, Verdict::Note);
    assert_eq!(
        note.detail,
        "Applies from 2027-01-01; checked already so the ad is ready."
    );
    data.manifest.job_ads.rules_max_age_days = 1000;
    assert!(!self::check(&data, 8, &[DENVER], false).rule_sets[0].stale);
}

#[test]
fn the_table_and_its_csv_say_where_the_band_as_posted_complies() {
    let data = shipped();
    let rows = rows_for(&data, None, 7, &CurrencyChoice::Local, today());
    let row = |id: &str| rows.iter().find(|r| r.id == id).unwrap();
    assert_eq!(row(TORONTO).ad.verdict, Some(Verdict::Breaks));
    assert_eq!(row(DENVER).ad.verdict, Some(Verdict::Meets));
    assert_eq!(row(LONDON).ad.verdict, None);
    let order = sorted(&rows, Sort::default());
    let shown = filtered(&rows, &order, "toronto", false);
    let csv = to_csv(&rows, &shown);
    assert_eq!(
        csv,
        "id,country,area,zone,hiring,factor,currency,min,mid,max,pay_rules,as_posted,ad_needs,ad_problem\n\
         canada/toronto-ontario,Canada,\"Toronto, Ontario\",Americas,yes,0.72,CAD,128800,161000,193200,\
         Ontario Employment Standards Act: pay in job postings,does not comply,\
         \"a range or one figure; base plus variable; width at most 50,000 CAD\",\
         \"The range is 64,400 CAD wide, more than the cap of 50,000 CAD.\"\n"
    );
    let denver = to_csv(&rows, &filtered(&rows, &order, "denver", false));
    assert!(
        denver.ends_with(",Colorado Equal Pay for Equal Work Act,complies,a range or one figure; benefits text or link; base plus variable,\n"),
        "{denver}"
    );
    // Sorting by the ad column puts the breaks first.
    let by_ad = sorted(&rows, Sort::parse("ad").unwrap());
    assert_eq!(rows[by_ad[0]].ad.verdict, Some(Verdict::Breaks));
}
