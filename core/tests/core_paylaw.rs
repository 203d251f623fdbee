//! Pay-transparency laws: the maintained rules file read cleanly, a table of jurisdictions each checked in
//! force, before its date, below its size threshold, for a remote role, with one figure, and the
//! exemptions; the rules file's located errors; the strictest combination, the offered range and the table.

mod support;
use support::band;

use paygrade_core::band::CurrencyChoice;
use paygrade_core::model::{Dataset, Date, PayRule, RuleKind, RuleSet};
use paygrade_core::parse::{
    load_dataset, merge_rules, parse_pay_rules, MAINTAINED_RULES, MAINTAINED_RULES_CSV,
};
use paygrade_core::table::rows_for;
use paygrade_core::transparency::{
    check_ad, check_posting, AdCheck, PostedBand, PostedRange, Posting, PostingFacts, RuleStatus,
    Verdict,
};

/// A small company's folder, in our own words: one place in every jurisdiction the table below names.
const LOCATIONS: &str = "country,area,factor,currency
United States,\"Lakeview, California\",1.0,USD
United States,\"Ridge, Colorado\",0.8,USD
United States,\"Harbor, Washington\",0.9,USD
United States,\"Prairie, Illinois\",0.8,USD
United States,\"Bay, Massachusetts\",0.9,USD
United States,\"Albany, New York\",0.8,USD
United States,\"New York, New York\",1.0,USD
United States,\"Ithaca, New York\",0.8,USD
United States,\"Island, Hawaii\",0.85,USD
United States,\"Harbour, Maryland\",0.8,USD
United States,\"Lakes, Minnesota\",0.8,USD
United States,\"Shore, New Jersey\",0.85,USD
United States,\"Jersey City, New Jersey\",0.9,USD
United States,\"Green, Vermont\",0.75,USD
United States,\"Washington, District of Columbia\",0.9,USD
United States,\"Dover, Delaware\",0.8,USD
United States,\"Cleveland, Ohio\",0.75,USD
United States,\"Columbus, Ohio\",0.75,USD
United States,\"Hills, Texas\",0.8,USD
United States,Everywhere else,0.7,USD
Canada,\"Coast, British Columbia\",0.7,CAD
Canada,\"Lake, Ontario\",0.7,CAD
Canada,\"Charlottetown, Prince Edward Island\",0.6,CAD
Canada,\"Plains, Alberta\",0.65,CAD
Austria,All,0.7,EUR
Lithuania,All,0.45,EUR
Slovakia,All,0.45,EUR
Poland,All,0.45,PLN
Germany,All,0.8,EUR
";

const GRADES: &str = "grade,manager_titles,ic_titles,midpoint,spread,variable
5,,Associate,80000,0.3,
6,,Engineer,100000,0.4,0.1
7,,Fixed,120000,0,
9,,Executive,300000,0.4,
";

const CURRENCIES: &str = "currency,per_usd,as_of
USD,1,2026-11-01
CAD,1.4,2026-11-01
EUR,0.92,2026-11-01
PLN,4.0,2026-11-01
";

fn manifest(job_ads: &str) -> String {
    format!(
        r#"{{ "organisation": "T", "as_of": "2026-11-01",
  "reference": {{ "market": "Lakeview", "currency": "USD" }},
  "tables": {{ "grades": "grades.csv", "locations": "locations.csv", "currencies": "currencies.csv" }},
  "policy": {{ "rounding": 100, "location_floor": 0.45, "compa_groups": [] }},
  "job_ads": {{ "benefits": "Health cover and a pension.", "benefits_url": "https://example.com/benefits"{job_ads} }} }}"#
    )
}

/// The folder with the maintained rules; `job_ads` adds fields (", \"employees\": 12").
fn data_with(job_ads: &str) -> Dataset {
    let manifest = manifest(job_ads);
    let files = [
        ("grades.csv", GRADES),
        ("locations.csv", LOCATIONS),
        ("currencies.csv", CURRENCIES),
    ];
    let (dataset, problems) = load_dataset("paygrade.json", manifest.as_bytes(), &|path| {
        files
            .iter()
            .find(|(name, _)| *name == path)
            .map(|(_, text)| text.as_bytes().to_vec())
            .ok_or_else(|| "missing".to_string())
    });
    assert!(problems.is_empty(), "{problems:?}");
    let mut dataset = dataset.unwrap();
    let errors = paygrade_core::parse::with_maintained_rules(
        &mut dataset,
        Ok(MAINTAINED_RULES_CSV.as_bytes()),
    );
    assert!(errors.is_empty(), "{errors:?}");
    dataset
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn check(data: &Dataset, grade: u8, places: &[&str], remote: bool, posted: &str) -> AdCheck {
    let band = band(data, grade, places[0]);
    let locations: Vec<_> = places.iter().map(|id| data.location(id).unwrap()).collect();
    check_ad(
        data,
        &PostedBand::from(&band),
        PostingFacts {
            places: &locations,
            remote,
            posted: Date::parse(posted),
            today: Date::parse("2026-12-02"),
        },
    )
}

fn status_of<'a>(check: &'a AdCheck, rule: &str) -> Option<&'a RuleStatus> {
    check
        .rule_sets
        .iter()
        .find(|c| c.rule.id == rule)
        .map(|c| &c.status)
}

/// One jurisdiction: its law's id, a place in it, the facts the issue and the sources agree on (the
/// smallest employer covered, the date ads must comply from), and whether one figure is accepted.
struct Case {
    rule: &'static str,
    place: &'static str,
    employees_min: Option<u32>,
    from: &'static str,
    one_figure_ok: bool,
}

const CASES: &[Case] = &[
    Case {
        rule: "us-california",
        place: "united-states/lakeview-california",
        employees_min: Some(15),
        from: "2023-01-01",
        one_figure_ok: true,
    },
    Case {
        rule: "us-colorado",
        place: "united-states/ridge-colorado",
        employees_min: Some(1),
        from: "2021-01-01",
        one_figure_ok: true,
    },
    Case {
        rule: "us-washington",
        place: "united-states/harbor-washington",
        employees_min: Some(15),
        from: "2023-01-01",
        one_figure_ok: true,
    },
    Case {
        rule: "us-illinois",
        place: "united-states/prairie-illinois",
        employees_min: Some(15),
        from: "2025-01-01",
        one_figure_ok: true,
    },
    Case {
        rule: "us-massachusetts",
        place: "united-states/bay-massachusetts",
        employees_min: Some(25),
        from: "2025-10-29",
        one_figure_ok: false,
    },
    Case {
        rule: "us-new-york",
        place: "united-states/albany-new-york",
        employees_min: Some(4),
        from: "2023-09-17",
        one_figure_ok: true,
    },
    Case {
        rule: "us-ny-new-york-city",
        place: "united-states/new-york-new-york",
        employees_min: Some(4),
        from: "2022-11-01",
        one_figure_ok: true,
    },
    Case {
        rule: "us-ny-ithaca",
        place: "united-states/ithaca-new-york",
        employees_min: Some(4),
        from: "2022-09-01",
        one_figure_ok: true,
    },
    Case {
        rule: "us-hawaii",
        place: "united-states/island-hawaii",
        employees_min: Some(50),
        from: "2024-01-01",
        one_figure_ok: true,
    },
    Case {
        rule: "us-maryland",
        place: "united-states/harbour-maryland",
        employees_min: None,
        from: "2024-10-01",
        one_figure_ok: true,
    },
    Case {
        rule: "us-minnesota",
        place: "united-states/lakes-minnesota",
        employees_min: Some(30),
        from: "2025-01-01",
        one_figure_ok: true,
    },
    Case {
        rule: "us-new-jersey",
        place: "united-states/shore-new-jersey",
        employees_min: Some(10),
        from: "2025-06-01",
        one_figure_ok: true,
    },
    Case {
        rule: "us-nj-jersey-city",
        place: "united-states/jersey-city-new-jersey",
        employees_min: Some(5),
        from: "2022-04-13",
        one_figure_ok: false,
    },
    Case {
        rule: "us-vermont",
        place: "united-states/green-vermont",
        employees_min: Some(5),
        from: "2025-07-01",
        one_figure_ok: true,
    },
    Case {
        rule: "us-district-of-columbia",
        place: "united-states/washington-district-of-columbia",
        employees_min: Some(1),
        from: "2024-06-30",
        one_figure_ok: false,
    },
    Case {
        rule: "us-delaware",
        place: "united-states/dover-delaware",
        employees_min: Some(26),
        from: "2027-09-26",
        one_figure_ok: true,
    },
    Case {
        rule: "us-oh-cleveland",
        place: "united-states/cleveland-ohio",
        employees_min: Some(15),
        from: "2025-10-27",
        one_figure_ok: false,
    },
    Case {
        rule: "us-oh-columbus",
        place: "united-states/columbus-ohio",
        employees_min: Some(15),
        from: "2025-12-03",
        one_figure_ok: false,
    },
    Case {
        rule: "ca-british-columbia",
        place: "canada/coast-british-columbia",
        employees_min: None,
        from: "2023-11-01",
        one_figure_ok: true,
    },
    Case {
        rule: "ca-ontario",
        place: "canada/lake-ontario",
        employees_min: Some(25),
        from: "2026-01-01",
        one_figure_ok: true,
    },
    Case {
        rule: "ca-prince-edward-island",
        place: "canada/charlottetown-prince-edward-island",
        employees_min: None,
        from: "2022-06-01",
        one_figure_ok: true,
    },
    Case {
        rule: "at-equal-treatment-act-9-2",
        place: "austria/all",
        employees_min: None,
        from: "2011-03-01",
        one_figure_ok: true,
    },
    Case {
        rule: "lt-labour-code-25",
        place: "lithuania/all",
        employees_min: None,
        from: "2019-07-27",
        one_figure_ok: true,
    },
    Case {
        rule: "sk-employment-services-act-62",
        place: "slovakia/all",
        employees_min: None,
        from: "2018-05-01",
        one_figure_ok: true,
    },
    Case {
        rule: "pl-labour-code-183ca",
        place: "poland/all",
        employees_min: None,
        from: "2025-12-24",
        one_figure_ok: true,
    },
];

fn the_rule(data: &Dataset, id: &str) -> RuleSet {
    data.pay_rules
        .iter()
        .find(|rule| rule.id == id)
        .unwrap_or_else(|| panic!("no rule {id}"))
        .clone()
}

#[test]
fn the_maintained_rules_read_cleanly_and_every_law_cites_two_sources_and_a_note() {
    let (rules, errors) = parse_pay_rules(MAINTAINED_RULES, MAINTAINED_RULES_CSV.as_bytes());
    assert!(errors.is_empty(), "{errors:?}");
    let laws: Vec<&RuleSet> = rules.iter().filter(|r| r.kind == RuleKind::Law).collect();
    assert!(laws.len() >= 30, "{} laws", laws.len());
    for law in &laws {
        assert!(
            law.source.starts_with("https://") || law.source.starts_with("http://"),
            "{}",
            law.id
        );
        assert!(
            law.second_source.is_some(),
            "{} has no second source",
            law.id
        );
        assert!(
            !law.sources_note.is_empty(),
            "{} says nothing of its sources",
            law.id
        );
        assert!(
            law.summary.ends_with("Summary, not legal advice."),
            "{}",
            law.id
        );
    }
    // The Directive binds states, not employers: every member state has a context row, none a law row
    // named after the Directive.
    let context = rules
        .iter()
        .filter(|r| r.kind == RuleKind::DirectiveContext)
        .count();
    assert_eq!(context, 27);
    assert!(laws
        .iter()
        .all(|law| !law.citation.starts_with("Directive (EU)")));
}

#[test]
fn each_jurisdiction_applies_from_its_date_to_a_company_its_size() {
    let data = data_with(r#", "employees": 500"#);
    for case in CASES {
        let rule = the_rule(&data, case.rule);
        assert_eq!(
            rule.employees_min, case.employees_min,
            "{}: threshold",
            case.rule
        );
        assert_eq!(
            rule.in_force_from,
            date(case.from),
            "{}: in force from",
            case.rule
        );
        // In force: on its first day, and on the day of this review.
        for posted in [case.from, "2027-12-31"] {
            let on = check(&data, 6, &[case.place], false, posted);
            assert_eq!(
                status_of(&on, case.rule),
                Some(&RuleStatus::Applies),
                "{} on {posted}",
                case.rule
            );
        }
        // The day before its date: upcoming, with the date, and no findings.
        let before =
            Date::from_days_since_epoch(date(case.from).days_since_epoch() - 1).to_string();
        let early = check(&data, 6, &[case.place], false, &before);
        let early_check = early
            .rule_sets
            .iter()
            .find(|c| c.rule.id == case.rule)
            .unwrap();
        assert_eq!(
            early_check.status,
            RuleStatus::Upcoming(date(case.from)),
            "{}",
            case.rule
        );
        assert!(early_check.findings.is_empty(), "{}", case.rule);
    }
}

#[test]
fn a_company_below_a_threshold_is_told_the_law_does_not_bind_it() {
    for case in CASES {
        let Some(minimum) = case.employees_min.filter(|minimum| *minimum > 1) else {
            continue;
        };
        let small = data_with(&format!(r#", "employees": {}"#, minimum - 1));
        let on = check(&small, 6, &[case.place], false, "2027-12-31");
        assert_eq!(
            status_of(&on, case.rule),
            Some(&RuleStatus::BelowThreshold {
                minimum,
                counted: minimum - 1
            }),
            "{}",
            case.rule
        );
        let large = data_with(&format!(r#", "employees": {minimum}"#));
        let on = check(&large, 6, &[case.place], false, "2027-12-31");
        assert_eq!(
            status_of(&on, case.rule),
            Some(&RuleStatus::Applies),
            "{}",
            case.rule
        );
    }
}

#[test]
fn an_unknown_company_size_is_assumed_to_be_covered_and_said() {
    let data = data_with("");
    let on = check(
        &data,
        6,
        &["united-states/lakeview-california"],
        false,
        "2026-12-02",
    );
    assert_eq!(status_of(&on, "us-california"), Some(&RuleStatus::Applies));
    let size = on.rule_sets[0]
        .findings
        .iter()
        .find(|f| f.requirement == "Company size")
        .unwrap();
    assert_eq!(size.verdict, Verdict::Note);
    assert!(size.detail.contains("15 or more"), "{}", size.detail);
}

#[test]
fn a_law_counting_only_local_staff_reads_the_local_headcount() {
    // Massachusetts counts employees in the state: 300 in all, 10 there.
    let data = data_with(r#", "employees": 300, "employees_in": { "Massachusetts": 10 }"#);
    let on = check(
        &data,
        6,
        &["united-states/bay-massachusetts"],
        false,
        "2026-12-02",
    );
    assert_eq!(
        status_of(&on, "us-massachusetts"),
        Some(&RuleStatus::BelowThreshold {
            minimum: 25,
            counted: 10
        })
    );
}

#[test]
fn a_remote_role_open_to_a_whole_country_meets_every_law_there_that_reaches_remote_roles() {
    let data = data_with(r#", "employees": 500"#);
    let remote = check(
        &data,
        6,
        &["united-states/everywhere-else"],
        true,
        "2026-12-02",
    );
    for case in CASES
        .iter()
        .filter(|case| case.place.starts_with("united-states/"))
    {
        let rule = the_rule(&data, case.rule);
        let listed = status_of(&remote, case.rule).is_some();
        assert_eq!(listed, rule.may_cover_remote(), "{}", case.rule);
    }
    // An office role at the same country-wide row is under no state's law.
    let office = check(
        &data,
        6,
        &["united-states/everywhere-else"],
        false,
        "2026-12-02",
    );
    assert!(
        office.no_rules(),
        "{:?}",
        office
            .rule_sets
            .iter()
            .map(|c| &c.rule.id)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_remote_role_based_in_a_covered_state_keeps_its_states_law() {
    let data = data_with(r#", "employees": 500"#);
    let remote = check(
        &data,
        6,
        &["united-states/harbor-washington"],
        true,
        "2026-12-02",
    );
    assert_eq!(
        status_of(&remote, "us-washington"),
        Some(&RuleStatus::Applies)
    );
    let washington = remote
        .rule_sets
        .iter()
        .find(|c| c.rule.id == "us-washington")
        .unwrap();
    // Washington asks for the benefits described in the ad: the remote ad still carries them.
    assert!(washington
        .findings
        .iter()
        .any(|f| f.requirement == "A description of benefits" && f.verdict == Verdict::Meets));
    assert!(remote.final_posting().remote);
}

#[test]
fn one_figure_is_accepted_where_the_law_accepts_it() {
    let data = data_with(r#", "employees": 500"#);
    for case in CASES {
        // Grade 7 has no spread: one fixed figure.
        let fixed = check(&data, 7, &[case.place], false, "2027-12-31");
        assert!(matches!(fixed.posting.range, PostedRange::Exactly(_)));
        let rule = fixed
            .rule_sets
            .iter()
            .find(|c| c.rule.id == case.rule)
            .unwrap();
        let pay = &rule.findings[0];
        let expected = if case.one_figure_ok {
            Verdict::Meets
        } else {
            Verdict::Breaks
        };
        assert_eq!(pay.verdict, expected, "{}: {}", case.rule, pay.detail);
    }
}

#[test]
fn ontarios_whole_duty_lapses_above_200000_cad_and_its_cap_applies_below() {
    let data = data_with(r#", "employees": 500"#);
    // Grade 9: 300,000 USD × 0.7 × 1.4 CAD = a top of 352,800 CAD, above the ceiling.
    let high = check(&data, 9, &["canada/lake-ontario"], false, "2026-12-02");
    match status_of(&high, "ca-ontario") {
        Some(RuleStatus::Exempt(reason)) => assert!(reason.contains("200,000 CAD"), "{reason}"),
        other => panic!("{other:?}"),
    }
    assert!(high.offered.is_none());
    // Grade 6: 98,000 CAD mid, 78,400 to 117,600: 39,200 wide, under the 50,000 cap.
    let low = check(&data, 6, &["canada/lake-ontario"], false, "2026-12-02");
    assert_eq!(status_of(&low, "ca-ontario"), Some(&RuleStatus::Applies));
    let ontario = low
        .rule_sets
        .iter()
        .find(|c| c.rule.id == "ca-ontario")
        .unwrap();
    assert!(ontario
        .findings
        .iter()
        .any(|f| f.requirement.starts_with("A range at most 50,000 CAD")
            && f.verdict == Verdict::Meets));
    // Without statements for AI use and the vacancy, those cannot be checked; with them, the ad carries them.
    assert!(ontario.findings.iter().any(|f| f
        .requirement
        .starts_with("Whether artificial intelligence")
        && f.verdict == Verdict::CannotTell));
    let stated = data_with(
        r#", "employees": 500, "statements": { "ai-screening": "No AI screens applicants.", "vacancy-status": "An existing vacancy." }"#,
    );
    let with = check(&stated, 6, &["canada/lake-ontario"], false, "2026-12-02");
    assert_eq!(with.verdict(), Verdict::Meets);
    assert!(with
        .posting
        .statements
        .iter()
        .any(|(_, text)| text == "No AI screens applicants."));
}

#[test]
fn a_superseded_law_is_listed_as_lapsed() {
    let data = data_with(r#", "employees": 500"#);
    let mut hartford = data.clone();
    hartford.locations[0].area = "Hartford, Connecticut".into();
    hartford.locations[0].id = "united-states/hartford-connecticut".into();
    let on = check(
        &hartford,
        6,
        &["united-states/hartford-connecticut"],
        false,
        "2026-12-02",
    );
    assert_eq!(
        status_of(&on, "us-connecticut-2021"),
        Some(&RuleStatus::Lapsed(date("2026-09-30")))
    );
    assert_eq!(status_of(&on, "us-connecticut"), Some(&RuleStatus::Applies));
    let before = check(
        &hartford,
        6,
        &["united-states/hartford-connecticut"],
        false,
        "2026-09-01",
    );
    assert_eq!(
        status_of(&before, "us-connecticut-2021"),
        Some(&RuleStatus::Applies)
    );
}

#[test]
fn columbus_applies_with_its_enforcement_date_noted() {
    let data = data_with(r#", "employees": 500"#);
    let on = check(
        &data,
        6,
        &["united-states/columbus-ohio"],
        false,
        "2026-12-02",
    );
    let columbus = on
        .rule_sets
        .iter()
        .find(|c| c.rule.id == "us-oh-columbus")
        .unwrap();
    assert!(columbus.applies());
    assert!(columbus
        .findings
        .iter()
        .any(|f| f.requirement == "Enforcement" && f.detail.contains("2027-01-01")));
}

#[test]
fn austria_accepts_a_minimum_and_poland_pay_before_the_interview() {
    let data = data_with(r#", "employees": 500"#);
    let austria = the_rule(&data, "at-equal-treatment-act-9-2");
    assert_eq!(austria.pay, PayRule::Minimum);
    let from = Posting {
        currency: "EUR".into(),
        range: PostedRange::From(50_000.0),
        range_in_ad: true,
        benefits: paygrade_core::transparency::BenefitsStatement::None,
        states_variable: false,
        variable: None,
        remote: false,
        statements: Vec::new(),
    };
    let findings = check_posting(&data, &austria, &from, &[], Date::parse("2026-12-02"));
    assert_eq!(findings[0].verdict, Verdict::Meets, "{:?}", findings[0]);
    let poland = the_rule(&data, "pl-labour-code-183ca");
    assert_eq!(poland.pay, PayRule::BeforeInterview);
    let findings = check_posting(&data, &poland, &from, &[], Date::parse("2026-12-02"));
    assert_eq!(findings[0].verdict, Verdict::Meets);
    // New York City refuses an open-ended "from".
    let nyc = the_rule(&data, "us-ny-new-york-city");
    let findings = check_posting(
        &data,
        &nyc,
        &Posting {
            currency: "USD".into(),
            ..from
        },
        &[],
        None,
    );
    assert_eq!(findings[0].verdict, Verdict::Breaks);
}

#[test]
fn an_eu_state_without_an_act_in_force_gets_the_directive_as_a_notice_not_a_check() {
    let data = data_with(r#", "employees": 500"#);
    let germany = check(&data, 6, &["germany/all"], false, "2026-12-02");
    assert!(germany.no_rules());
    assert_eq!(germany.notices.len(), 1);
    assert_eq!(germany.notices[0].jurisdiction.country, "Germany");
    assert_eq!(germany.verdict(), Verdict::Meets);
    // Austria: its own 2011 law applies, and the Directive is still only context there.
    let austria = check(&data, 6, &["austria/all"], false, "2026-12-02");
    assert_eq!(
        status_of(&austria, "at-equal-treatment-act-9-2"),
        Some(&RuleStatus::Applies)
    );
    assert_eq!(austria.notices.len(), 1);
    // Lithuania's act is in force: no notice, its law applies.
    let lithuania = check(&data, 6, &["lithuania/all"], false, "2026-12-02");
    assert!(lithuania.notices.is_empty());
    assert_eq!(
        status_of(&lithuania, "lt-labour-code-25"),
        Some(&RuleStatus::Applies)
    );
}

#[test]
fn a_place_with_no_law_is_named_and_the_rest_are_still_checked() {
    let data = data_with(r#", "employees": 500"#);
    let both = check(
        &data,
        6,
        &["united-states/hills-texas", "united-states/ridge-colorado"],
        false,
        "2026-12-02",
    );
    assert_eq!(both.places_without_rule(), ["Hills, Texas (United States)"]);
    assert_eq!(status_of(&both, "us-colorado"), Some(&RuleStatus::Applies));
}

#[test]
fn the_table_names_the_laws_that_apply_on_the_posting_date() {
    let data = data_with(r#", "employees": 20"#);
    let rows = rows_for(
        &data,
        None,
        6,
        &CurrencyChoice::Local,
        None,
        Date::parse("2026-12-02"),
    );
    let row = |id: &str| rows.iter().find(|row| row.id == id).unwrap();
    assert!(row("united-states/lakeview-california")
        .ad
        .rule_names
        .iter()
        .any(|name| name.contains("California")));
    // 20 employees: below Massachusetts's 25, so nothing applies there.
    assert!(row("united-states/bay-massachusetts")
        .ad
        .rule_names
        .is_empty());
    // Delaware's law is not in force until 2027-09-26.
    assert!(row("united-states/dover-delaware").ad.rule_names.is_empty());
    let later = rows_for(
        &data,
        None,
        6,
        &CurrencyChoice::Local,
        None,
        Date::parse("2027-10-01"),
    );
    let dover = later
        .iter()
        .find(|row| row.id == "united-states/dover-delaware")
        .unwrap();
    // 20 employees is still below Delaware's 26.
    assert!(dover.ad.rule_names.is_empty());
}

#[test]
fn a_folders_own_rules_override_the_maintained_ones_by_id_and_add_new_ones() {
    let (maintained, _) = parse_pay_rules(MAINTAINED_RULES, MAINTAINED_RULES_CSV.as_bytes());
    let own = "id,name,country,region,citation,source,second_source,in_force_from,employees_min,pay,pay_basis,benefits,summary,sources_note,reviewed
us-colorado,Colorado (company's reading),United States,Colorado,C.R.S. 8-5-201,https://example.com/co,https://example.com/co2,2021-01-01,1,range,base,no,Our lawyers' reading.,Checked by counsel.,2026-11-30
xx-test,Test law,Atlantis,,Act 1,https://example.com/a,,2020-01-01,,range,base,no,A test law.,Invented for this test.,2026-11-30
";
    let (own, errors) = parse_pay_rules("pay-rules.csv", own.as_bytes());
    assert!(errors.is_empty(), "{errors:?}");
    let count = maintained.len();
    let merged = merge_rules(maintained, own);
    assert_eq!(merged.len(), count + 1);
    let colorado = merged.iter().find(|r| r.id == "us-colorado").unwrap();
    assert_eq!(colorado.name, "Colorado (company's reading)");
    assert_eq!(colorado.file, "pay-rules.csv");
    assert_eq!(merged.last().unwrap().id, "xx-test");
}

#[test]
fn a_rules_file_in_the_old_format_gets_one_error_saying_what_to_change() {
    let old = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/pay-rules/old-format.csv"
    ))
    .unwrap();
    let (rules, errors) = parse_pay_rules("pay-rules.csv", &old);
    assert!(rules.is_empty());
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = errors[0].to_string();
    assert!(
        message.starts_with("pay-rules.csv line 1: is in the old rules format"),
        "{message}"
    );
    for hint in [
        "applies_from: rename it in_force_from",
        "area: split it into region",
        "range: replace it with pay",
    ] {
        assert!(message.contains(hint), "{message}");
    }
}

#[test]
fn bad_rows_get_located_errors_and_the_rest_are_read() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/pay-rules/bad.csv"
    ))
    .unwrap();
    let (rules, errors) = parse_pay_rules("pay-rules.csv", &bytes);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let expect = |needle: &str| {
        assert!(
            messages.iter().any(|m| m.contains(needle)),
            "no error with {needle:?} in {messages:#?}"
        );
    };
    expect("pay-rules.csv line 3, field \"pay\": \"min-max\" must be one of range, range-or-single, minimum, before-interview");
    expect("pay-rules.csv line 4, field \"in_force_until\": 2020-01-01 is before in_force_from 2024-01-01");
    expect("pay-rules.csv line 5, field \"employees_min\": \"fifteen\" is not a whole number of employees");
    expect("pay-rules.csv line 6, field \"source\": is empty");
    expect("pay-rules.csv line 7, field \"other_content\": \"dress-code\" must be one of application-deadline");
    expect("pay-rules.csv line 8, field \"remote\": \"sometimes\" must be one of unclear, yes, no");
    expect("pay-rules.csv line 9, field \"pay\": is empty; a law's row must say it");
    assert_eq!(
        rules.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["good"]
    );
}

#[test]
fn the_offered_range_meets_the_cap_it_was_made_for() {
    // A large grade in Ontario just under the ceiling: wider than 50,000 CAD, so a range is offered.
    let mut data = data_with(r#", "employees": 500"#);
    data.grades[1].midpoint = 140_000.0;
    let on = check(&data, 6, &["canada/lake-ontario"], false, "2026-12-02");
    let offered = on.offered.as_ref().expect("a narrower range");
    assert!(offered.max - offered.min <= 50_000.0 + 1e-6, "{offered:?}");
    let ontario = on
        .offered_rule_sets
        .iter()
        .find(|c| c.rule.id == "ca-ontario")
        .unwrap();
    assert!(ontario
        .findings
        .iter()
        .any(|f| f.requirement.starts_with("A range at most") && f.verdict == Verdict::Meets));
    assert_eq!(on.verdict(), Verdict::Breaks);
}
