//! Factors as people mistype them in a spreadsheet: each is an error on its own line and field, the
//! row is skipped, and the rows around it still load (what `paygrade check` reports in CI).

use paygrade_core::parse::{parse_decimal, parse_locations, DecimalError};

#[test]
fn a_factor_typed_0_0_5_is_not_a_number() {
    assert_eq!(parse_decimal("0.0.5"), Err(DecimalError::NotANumber));
    let table = "country,area,factor\nAldoria,All,0.8\nBrevia,All,0.0.5\nCarmin,All,0.5\n";
    let (locations, errors) = parse_locations("locations.csv", table.as_bytes());
    let ids: Vec<&str> = locations.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["aldoria/all", "carmin/all"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = &errors[0];
    assert_eq!(
        (error.file.as_str(), error.line, error.field.as_deref()),
        ("locations.csv", Some(3), Some("factor"))
    );
    assert_eq!(error.message, "\"0.0.5\" is not a number");
    assert!(error.is_error());
}

#[test]
fn other_spreadsheet_typos_are_caught_too() {
    for typo in ["0,78", "78%", "0..5", "1e-1", "0.7.8", "O.8", "0.8x", "."] {
        let table = format!("country,area,factor\nAldoria,All,\"{typo}\"\n");
        let (locations, errors) = parse_locations("locations.csv", table.as_bytes());
        assert!(locations.is_empty(), "{typo} was read as a factor");
        assert!(
            errors
                .iter()
                .any(|e| e.line == Some(2) && e.field.as_deref() == Some("factor")),
            "{typo}: {errors:?}"
        );
    }
}
