//! The manager table over the shipped data: sorting across currencies, filtering, and the CSV export.

use paygrade_core::band::CurrencyChoice;
use paygrade_core::model::Dataset;
use paygrade_core::table::{filtered, rows_for, sorted, to_csv, Column, Sort};

fn shipped() -> Dataset {
    paygrade_core::parse::shipped_dataset()
}

#[test]
fn amount_columns_sort_by_pay_in_the_reference_currency_not_by_local_numbers() {
    let data = shipped();
    let rows = rows_for(&data, None, 12, &CurrencyChoice::Local, None, None);
    let order = sorted(&rows, Sort::parse("max-desc").unwrap());
    let first = &rows[order[0]];
    let top_factor = data.locations.iter().map(|l| l.factor).fold(0.0, f64::max);
    assert_eq!(first.factor, top_factor, "{}", first.id);
    // Yen figures are the largest numbers in the table but not the best pay.
    let tokyo = order
        .iter()
        .position(|&i| rows[i].id == "japan/tokyo")
        .unwrap();
    assert!(tokyo > 3, "Tokyo sorted at {tokyo}");
    let ascending = sorted(
        &rows,
        Sort {
            column: Column::Max,
            descending: false,
        },
    );
    let factors: Vec<f64> = ascending
        .iter()
        .map(|&i| rows[i].factor.max(0.45))
        .collect();
    assert!(factors.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn filter_matches_every_word_and_hiring_only_drops_closed_locations() {
    let data = shipped();
    let rows = rows_for(&data, None, 12, &CurrencyChoice::Reference, None, None);
    let order = sorted(&rows, Sort::default());
    let all = filtered(&rows, &order, "", false);
    assert_eq!(all.len(), data.locations.len());
    let london = filtered(&rows, &order, "kingdom LOND", false);
    assert_eq!(london.len(), 1);
    assert_eq!(rows[london[0]].id, "united-kingdom/london-england");
    let china = filtered(&rows, &order, "china", false);
    assert!(!china.is_empty());
    assert!(filtered(&rows, &order, "china", true).is_empty());
    let emea = filtered(&rows, &order, "emea", false);
    assert!(emea.iter().all(|&i| rows[i].zone == "EMEA"));
}

#[test]
fn csv_export_lists_the_shown_rows_with_quoted_areas() {
    let data = shipped();
    let rows = rows_for(&data, None, 12, &CurrencyChoice::Local, None, None);
    let order = sorted(&rows, Sort::default());
    let shown = filtered(&rows, &order, "london", false);
    let csv = to_csv(&rows, &shown);
    // Variable 245,700 × 0.25 = 61,425 → 61,500; equity 15,000 units × 24 USD × 0.75 GBP ÷ 4 years =
    // 67,500; benefits 6,000 + 1,200; total 245,700 + 61,500 + 67,500 + 7,200 = 381,900.
    assert_eq!(
        csv,
        "id,country,area,zone,hiring,factor,currency,min,mid,max,variable,equity_year,benefits_year,total_year,pay_rules,as_posted,ad_needs,ad_problem\n\
         united-kingdom/london-england,United Kingdom,\"London, England\",EMEA,yes,0.78,GBP,196600,245700,294900,61500,67500,7200,381900,,no rule,,\n"
    );
}
