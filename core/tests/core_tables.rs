//! The three CSV tables: good input, and every kind of bad input the issue lists.

use paygrade_core::model::DataError;
use paygrade_core::parse::{parse_currencies, parse_grades, parse_locations};

fn has_error(errors: &[DataError], line: Option<usize>, field: Option<&str>, needle: &str) -> bool {
    errors
        .iter()
        .any(|e| e.line == line && e.field.as_deref() == field && e.message.contains(needle))
}

const GRADES: &str = "grade,manager_titles,ic_titles,midpoint,spread,variable\n\
    4,,Intern,62000,0.40,\n\
    12,VP,Fellow;Distinguished Engineer,210000,0.40,0.25\n";

#[test]
fn grades_parse_titles_numbers_and_lines() {
    let (grades, errors) = parse_grades("grades.csv", GRADES.as_bytes());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(grades.len(), 2);
    let vp = &grades[1];
    assert_eq!(vp.grade, 12);
    assert_eq!(vp.manager_titles, vec!["VP"]);
    assert_eq!(vp.ic_titles, vec!["Fellow", "Distinguished Engineer"]);
    assert_eq!(
        (vp.midpoint, vp.spread, vp.variable, vp.line),
        (210_000.0, 0.40, Some(0.25), 3)
    );
    assert!(grades[0].manager_titles.is_empty());
    assert_eq!(grades[0].variable, None);
}

#[test]
fn columns_are_found_by_name_in_any_order() {
    let text = "midpoint,grade,spread,ic_titles,manager_titles\n100000,7,0.4,Senior,Lead\n";
    let (grades, errors) = parse_grades("grades.csv", text.as_bytes());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!((grades[0].grade, grades[0].midpoint), (7, 100_000.0));
}

#[test]
fn missing_required_column_is_reported_on_line_one() {
    let text = "grade,manager_titles,ic_titles,spread\n4,,Intern,0.4\n";
    let (grades, errors) = parse_grades("grades.csv", text.as_bytes());
    assert!(grades.is_empty());
    assert!(
        has_error(
            &errors,
            Some(1),
            Some("midpoint"),
            "required column is missing"
        ),
        "{errors:?}"
    );
}

#[test]
fn misnamed_column_suggests_the_nearest_name() {
    let text = "grade,manager_titles,ic_titles,midpiont,spread\n4,,Intern,62000,0.4\n";
    let (_, errors) = parse_grades("grades.csv", text.as_bytes());
    assert!(
        has_error(
            &errors,
            Some(1),
            Some("midpiont"),
            "did you mean \"midpoint\""
        ),
        "{errors:?}"
    );
    assert!(
        has_error(&errors, Some(1), Some("midpoint"), "missing"),
        "{errors:?}"
    );
}

#[test]
fn extra_column_is_reported_and_the_rows_still_load() {
    let text = "country,area,factor,colour\nFrance,Paris,0.7,blue\n";
    let (locations, errors) = parse_locations("locations.csv", text.as_bytes());
    assert_eq!(locations.len(), 1);
    assert!(
        has_error(&errors, Some(1), Some("colour"), "unknown column"),
        "{errors:?}"
    );
}

#[test]
fn duplicate_column_is_reported() {
    let text = "country,area,factor,factor\nFrance,Paris,0.7,0.8\n";
    let (_, errors) = parse_locations("locations.csv", text.as_bytes());
    assert!(
        has_error(&errors, Some(1), Some("factor"), "appears twice"),
        "{errors:?}"
    );
}

#[test]
fn bad_numbers_name_the_field_and_skip_only_their_row() {
    let cases = [
        ("abc", "is not a number"),
        ("-0.5", "must not be negative"),
        ("0", "must be greater than zero"),
        ("NaN", "not a finite number"),
        ("inf", "not a finite number"),
        ("-inf", "not a finite number"),
        ("", "is empty"),
    ];
    for (value, message) in cases {
        let text =
            format!("country,area,factor\nFrance,Paris,0.7\nFrance,Lyon,{value}\nSpain,All,0.6\n");
        let (locations, errors) = parse_locations("locations.csv", text.as_bytes());
        assert_eq!(locations.len(), 2, "{value}");
        assert_eq!(errors.len(), 1, "{value}: {errors:?}");
        assert!(
            has_error(&errors, Some(3), Some("factor"), message),
            "{value}: {errors:?}"
        );
    }
}

#[test]
fn display_locates_the_problem_in_one_sentence() {
    let text = "country,area,factor\nFrance,Paris,abc\n";
    let (_, errors) = parse_locations("locations.csv", text.as_bytes());
    assert_eq!(
        errors[0].to_string(),
        "locations.csv line 2, field \"factor\": \"abc\" is not a number"
    );
}

#[test]
fn grade_number_rules() {
    let header = "grade,manager_titles,ic_titles,midpoint,spread,variable\n";
    let cases = [
        ("x,,A,1000,0.4,", "grade", "whole number"),
        ("0,,A,1000,0.4,", "grade", "whole number"),
        ("4,,A,0,0.4,", "midpoint", "greater than zero"),
        ("4,,A,-1000,0.4,", "midpoint", "must not be negative"),
        ("4,,A,1000,2,", "spread", "less than 2"),
        ("4,,A,1000,-0.1,", "spread", "must not be negative"),
        ("4,,A,1000,0.4,-0.1", "variable", "must not be negative"),
        ("4,,A,1000,0.4,NaN", "variable", "finite"),
    ];
    for (row, field, message) in cases {
        let (grades, errors) = parse_grades("grades.csv", format!("{header}{row}\n").as_bytes());
        assert!(grades.is_empty(), "{row}");
        assert!(
            has_error(&errors, Some(2), Some(field), message),
            "{row}: {errors:?}"
        );
    }
    let (grades, errors) =
        parse_grades("grades.csv", format!("{header}4,,A,1000,0,0\n").as_bytes());
    assert!(
        errors.is_empty(),
        "zero spread and zero variable are legal: {errors:?}"
    );
    assert_eq!(grades[0].variable, Some(0.0));
}

#[test]
fn duplicate_grade_keeps_the_first() {
    let text = format!("{GRADES}12,VP2,,999,0.4,\n");
    let (grades, errors) = parse_grades("grades.csv", text.as_bytes());
    assert_eq!(grades.len(), 2);
    assert_eq!(grades[1].manager_titles, vec!["VP"]);
    assert!(
        has_error(&errors, Some(4), Some("grade"), "already defined on line 3"),
        "{errors:?}"
    );
}

#[test]
fn locations_read_quoted_commas_ids_and_optional_columns() {
    let text = "country,area,factor,currency,zone,hiring\n\
        United Kingdom,\"London, England\",0.62,GBP,EMEA,yes\n\
        United States,Everywhere else (Texas),0.8,USD,,NO\n\
        Germany,All,0.7,,,\n";
    let (locations, errors) = parse_locations("locations.csv", text.as_bytes());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(locations[0].id, "united-kingdom/london-england");
    assert_eq!(locations[0].area, "London, England");
    assert_eq!(locations[0].currency.as_deref(), Some("GBP"));
    assert_eq!(locations[0].zone.as_deref(), Some("EMEA"));
    assert!(locations[0].hiring);
    assert_eq!(locations[1].id, "united-states/everywhere-else-texas");
    assert!(!locations[1].hiring);
    assert_eq!(
        (
            locations[2].currency.clone(),
            locations[2].zone.clone(),
            locations[2].hiring
        ),
        (None, None, true)
    );
    assert_eq!(locations[2].line, 4);
}

#[test]
fn factor_above_one_is_legal() {
    let (locations, errors) =
        parse_locations("l.csv", b"country,area,factor\nSwitzerland,Zurich,1.15\n");
    assert!(errors.is_empty());
    assert_eq!(locations[0].factor, 1.15);
}

#[test]
fn location_field_rules() {
    let header = "country,area,factor,currency,zone,hiring\n";
    let cases = [
        ("France,Paris,0.7,eur,,", "currency", "not a currency code"),
        ("France,Paris,0.7,EURO,,", "currency", "not a currency code"),
        ("France,Paris,0.7,EUR,,maybe", "hiring", "yes or no"),
        (",Paris,0.7,EUR,,", "country", "is empty"),
        ("France,,0.7,EUR,,", "area", "is empty"),
        ("France,???,0.7,EUR,,", "area", "ASCII letter"),
    ];
    for (row, field, message) in cases {
        let (locations, errors) =
            parse_locations("locations.csv", format!("{header}{row}\n").as_bytes());
        assert!(locations.is_empty(), "{row}");
        assert!(
            has_error(&errors, Some(2), Some(field), message),
            "{row}: {errors:?}"
        );
    }
}

#[test]
fn duplicate_location_ids_keep_the_first() {
    let text = "country,area,factor\nFrance,Paris,0.7\nFRANCE,paris!,0.9\n";
    let (locations, errors) = parse_locations("locations.csv", text.as_bytes());
    assert_eq!(locations.len(), 1);
    assert_eq!(locations[0].factor, 0.7);
    assert!(
        has_error(
            &errors,
            Some(3),
            None,
            "\"france/paris\" is already defined on line 2"
        ),
        "{errors:?}"
    );
}

#[test]
fn currencies_parse_and_validate() {
    let text = "currency,per_usd,as_of\nUSD,1,2026-10-30\nGBP,0.79,2026-10-30\neur,0.9,2026-10-30\nJPY,0,2026-10-30\nCHF,0.88,30/10/2026\nGBP,0.8,2026-10-30\n";
    let (rates, errors) = parse_currencies("currencies.csv", text.as_bytes());
    assert_eq!(rates.len(), 2);
    assert_eq!(rates[1].per_usd, 0.79);
    assert_eq!(rates[1].as_of.to_string(), "2026-10-30");
    assert!(
        has_error(&errors, Some(4), Some("currency"), "not a currency code"),
        "{errors:?}"
    );
    assert!(
        has_error(&errors, Some(5), Some("per_usd"), "greater than zero"),
        "{errors:?}"
    );
    assert!(
        has_error(&errors, Some(6), Some("as_of"), "YYYY-MM-DD"),
        "{errors:?}"
    );
    assert!(
        has_error(
            &errors,
            Some(7),
            Some("currency"),
            "already defined on line 3"
        ),
        "{errors:?}"
    );
    assert_eq!(errors.len(), 4);
}

#[test]
fn empty_files_are_one_error() {
    for text in ["", "  \n\n", "\u{feff}"] {
        let (rows, errors) = parse_currencies("currencies.csv", text.as_bytes());
        assert!(rows.is_empty());
        assert_eq!(errors, vec![DataError::file("currencies.csv", "is empty")]);
    }
}

#[test]
fn header_only_file_has_no_rows_and_no_errors() {
    let (rows, errors) = parse_currencies("c.csv", b"currency,per_usd,as_of\n");
    assert!(rows.is_empty() && errors.is_empty());
}

#[test]
fn bom_crlf_and_blank_lines_are_fine() {
    let text =
        "\u{feff}currency,per_usd,as_of\r\nUSD,1,2026-10-30\r\n\r\n   \r\nGBP,0.79,2026-10-30\r\n";
    let (rates, errors) = parse_currencies("c.csv", text.as_bytes());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(rates.len(), 2);
    assert_eq!(rates[1].line, 5);
}

#[test]
fn header_names_are_trimmed_and_case_insensitive() {
    let (rates, errors) =
        parse_currencies("c.csv", b" Currency , PER_USD ,as_of\nUSD,1,2026-10-30\n");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(rates.len(), 1);
}

#[test]
fn rows_with_the_wrong_number_of_fields_are_skipped() {
    let text = "currency,per_usd,as_of\nUSD,1\nGBP,0.79,2026-10-30,extra\nEUR,0.9,2026-10-30\n";
    let (rates, errors) = parse_currencies("c.csv", text.as_bytes());
    assert_eq!(rates.len(), 1);
    assert!(
        has_error(&errors, Some(2), None, "has 2 fields"),
        "{errors:?}"
    );
    assert!(
        has_error(&errors, Some(3), None, "has 4 fields"),
        "{errors:?}"
    );
}

#[test]
fn non_utf8_bytes_are_located_and_only_that_row_is_lost() {
    let mut bytes = b"country,area,factor\nFrance,Paris,0.7\nFrance,".to_vec();
    bytes.extend([0xff, 0xfe]);
    bytes.extend(b",0.8\nSpain,All,0.6\n");
    let (locations, errors) = parse_locations("locations.csv", &bytes);
    assert_eq!(locations.len(), 2);
    assert!(
        has_error(&errors, Some(3), Some("area"), "not valid UTF-8"),
        "{errors:?}"
    );
}

#[test]
fn non_utf8_header_is_an_error() {
    let (rows, errors) =
        parse_currencies("c.csv", b"curr\xffency,per_usd,as_of\nUSD,1,2026-10-30\n");
    assert!(rows.is_empty());
    assert!(
        has_error(&errors, Some(1), None, "not valid UTF-8"),
        "{errors:?}"
    );
}

#[test]
fn a_five_megabyte_file_parses() {
    let mut text = String::from("country,area,factor,currency,zone,hiring\n");
    let mut count = 0;
    while text.len() < 5 * 1024 * 1024 {
        text.push_str(&format!(
            "Country {count},\"Area {count}, Region\",0.{:02},EUR,Zone,yes\n",
            count % 90 + 10
        ));
        count += 1;
    }
    let started = std::time::Instant::now();
    let (locations, errors) = parse_locations("locations.csv", text.as_bytes());
    assert!(errors.is_empty(), "{:?}", errors.first());
    assert_eq!(locations.len(), count);
    assert!(started.elapsed().as_secs() < 20);
}

#[test]
fn line_numbers_count_quoted_line_breaks() {
    let text = "country,area,factor\nFrance,\"Paris,\nÎle-de-France\",0.7\nSpain,All,x\n";
    let (locations, errors) = parse_locations("locations.csv", text.as_bytes());
    assert_eq!(locations[0].area, "Paris,\nÎle-de-France");
    assert!(
        has_error(&errors, Some(4), Some("factor"), "not a number"),
        "{errors:?}"
    );
}

#[test]
fn a_huge_bad_cell_is_quoted_short_in_its_error() {
    let text = format!(
        "country,area,factor\nFrance,All,{}x\n",
        "9".repeat(1_000_000)
    );
    let (_, errors) = parse_locations("locations.csv", text.as_bytes());
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = errors[0].to_string();
    assert!(message.len() < 200, "{} bytes", message.len());
    assert!(message.contains("…\" is not a number"), "{message}");
}

#[test]
fn a_flood_of_unknown_columns_is_counted_not_listed() {
    let header: Vec<String> = (0..500).map(|i| format!("extra{i}")).collect();
    let text = format!(
        "country,area,factor,{}\nFrance,All,0.7{}\n",
        header.join(","),
        ",x".repeat(500)
    );
    let (locations, errors) = parse_locations("locations.csv", text.as_bytes());
    assert_eq!(locations.len(), 1);
    assert_eq!(errors.len(), 11, "{errors:?}");
    assert!(errors[10]
        .to_string()
        .contains("490 more unknown columns are ignored"));
}
