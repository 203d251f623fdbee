//! `pay-rules.csv`: pay-transparency rule sets, one per row, read with the same located errors as the
//! other tables. Each cell's allowed words are listed in docs/data-format.md.

use crate::model::{BenefitsRule, DataError, Date, PayBasis, PeriodRule, RangeRule, RuleSet};

use super::csv_table::{currency_code, number, read_keyed, text, Columns, Key, Row, Sign};

const COLUMNS: Columns = Columns {
    required: &[
        "id",
        "name",
        "country",
        "citation",
        "source",
        "applies_from",
        "reviewed",
        "range",
        "pay_period",
        "benefits",
        "pay_basis",
        "summary",
    ],
    optional: &[
        "area",
        "range_by_link",
        "width_cap",
        "cap_exempt_above",
        "cap_currency",
        "remote",
        "pay_history_ban",
        "ad_text",
    ],
};

/// Reads the rules table; bad rows and later duplicate ids are reported and skipped.
pub fn parse_pay_rules(file: &str, bytes: &[u8]) -> (Vec<RuleSet>, Vec<DataError>) {
    let key = Key {
        label: |rule: &RuleSet| format!("rule set \"{}\"", rule.id),
        field: Some("id"),
    };
    read_keyed(file, bytes, &COLUMNS, rule_row, key)
}

fn rule_row(file: &str, row: &Row) -> Result<RuleSet, DataError> {
    let bad = |field: &str, message: String| DataError::field(file, Some(row.line), field, message);
    let id = text(file, row, "id")?;
    if crate::model::slug(&id) != id {
        return Err(bad(
            "id",
            format!("\"{id}\" must be lower-case letters, digits and single dashes"),
        ));
    }
    let name = text(file, row, "name")?;
    let countries: Vec<String> = text(file, row, "country")?
        .split(';')
        .map(str::trim)
        .filter(|country| !country.is_empty())
        .map(str::to_string)
        .collect();
    if countries.is_empty() {
        return Err(bad("country", "names no country".to_string()));
    }
    let area = Some(row.get("area").to_string()).filter(|area| !area.is_empty());
    if area.is_some() && countries.len() > 1 {
        return Err(bad(
            "area",
            format!(
                "an area needs exactly one country, but the row names {}",
                countries.len()
            ),
        ));
    }
    let citation = text(file, row, "citation")?;
    let source = text(file, row, "source")?;
    if !(source.starts_with("https://") || source.starts_with("http://")) {
        return Err(bad(
            "source",
            format!("\"{source}\" must be an http or https address"),
        ));
    }
    let date = |field: &str| {
        let raw = row.get(field);
        Date::parse(raw).ok_or_else(|| {
            bad(
                field,
                format!("\"{raw}\" is not a date in the form YYYY-MM-DD"),
            )
        })
    };
    let applies_from = date("applies_from")?;
    let reviewed = date("reviewed")?;
    let range = word(
        file,
        row,
        "range",
        &[
            ("min-max", RangeRule::Bounded),
            ("min-max-or-single", RangeRule::BoundedOrSingle),
        ],
    )?;
    let pay_period = word(
        file,
        row,
        "pay_period",
        &[
            ("year-or-hour", PeriodRule::YearOrHour),
            ("year-and-hour", PeriodRule::YearAndHour),
        ],
    )?;
    let benefits = word(
        file,
        row,
        "benefits",
        &[
            ("no", BenefitsRule::NotRequired),
            ("text", BenefitsRule::Text),
            ("text-or-link", BenefitsRule::TextOrLink),
        ],
    )?;
    let pay_basis = word(
        file,
        row,
        "pay_basis",
        &[
            ("base", PayBasis::Base),
            ("base-and-variable", PayBasis::BaseAndVariable),
        ],
    )?;
    let yes_no = |field: &str| {
        word(
            file,
            row,
            field,
            &[("", false), ("no", false), ("yes", true)],
        )
    };
    let range_by_link = yes_no("range_by_link")?;
    let remote = yes_no("remote")?;
    let pay_history_ban = yes_no("pay_history_ban")?;
    let amount = |field: &str| match row.get(field) {
        "" => Ok(None),
        _ => number(file, row, field, Sign::Positive).map(Some),
    };
    let width_cap = amount("width_cap")?;
    let cap_exempt_above = amount("cap_exempt_above")?;
    let cap_currency = currency_code(file, row, "cap_currency", false)?;
    if (width_cap.is_some() || cap_exempt_above.is_some()) && cap_currency.is_none() {
        return Err(bad(
            "cap_currency",
            "is empty; width_cap and cap_exempt_above need the currency they are written in"
                .to_string(),
        ));
    }
    if cap_exempt_above.is_some() && width_cap.is_none() {
        return Err(bad(
            "cap_exempt_above",
            "is set but width_cap is empty; there is no cap to exempt from".to_string(),
        ));
    }
    let ad_text = Some(row.get("ad_text").to_string()).filter(|text| !text.is_empty());
    let summary = text(file, row, "summary")?;
    Ok(RuleSet {
        id,
        name,
        countries,
        area,
        citation,
        source,
        applies_from,
        reviewed,
        range,
        range_by_link,
        pay_period,
        benefits,
        pay_basis,
        width_cap,
        cap_exempt_above,
        cap_currency,
        remote,
        pay_history_ban,
        ad_text,
        summary,
        line: row.line,
    })
}

/// A cell that must be one of a few words (ASCII case ignored); the error lists them.
fn word<T: Copy>(
    file: &str,
    row: &Row,
    field: &str,
    allowed: &[(&str, T)],
) -> Result<T, DataError> {
    let cell = row.get(field).to_ascii_lowercase();
    allowed
        .iter()
        .find(|(name, _)| *name == cell)
        .map(|(_, value)| *value)
        .ok_or_else(|| {
            let names: Vec<&str> = allowed
                .iter()
                .map(|(name, _)| *name)
                .filter(|name| !name.is_empty())
                .collect();
            DataError::field(
                file,
                Some(row.line),
                field,
                format!(
                    "{} must be one of {}",
                    super::csv_table::quoted_cell(row.get(field)),
                    names.join(", ")
                ),
            )
        })
}
