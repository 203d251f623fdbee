//! The total-rewards tables, each optional: `equity.csv` (grants by grade and zone), `benefits.csv` (items
//! with a yearly value by country), `hiring.csv` (ways to hire by country with their pay adjustment) and
//! `payments.csv` (salary payments a year by country). Read with the same located errors as the other
//! tables; their columns are in docs/data-format.md.

use crate::model::{
    Benefit, DataError, Date, EquityGrant, EquityKind, HireWay, PaymentSchedule, WayToHire,
};

use super::csv_table::{currency_code, number, read_keyed, text, Columns, Key, Row, Sign};

const EQUITY: Columns = Columns {
    required: &[
        "grade",
        "kind",
        "shares",
        "price",
        "currency",
        "valuation_date",
        "vesting_years",
    ],
    optional: &["zone", "strike", "cliff_months"],
};

/// Reads `equity.csv`: one grant per grade and zone.
pub fn parse_equity(file: &str, bytes: &[u8]) -> (Vec<EquityGrant>, Vec<DataError>) {
    let key = Key {
        label: |grant: &EquityGrant| {
            format!(
                "the grant for grade {} in {}",
                grant.grade,
                grant.zone.as_deref().unwrap_or("every zone")
            )
        },
        field: Some("grade"),
    };
    read_keyed(file, bytes, &EQUITY, equity_row, key)
}

fn equity_row(file: &str, row: &Row) -> Result<EquityGrant, DataError> {
    let bad = |field: &str, message: String| DataError::field(file, Some(row.line), field, message);
    let raw_grade = row.get("grade");
    let grade = raw_grade
        .trim()
        .parse::<u8>()
        .map_err(|_| bad("grade", format!("\"{raw_grade}\" is not a grade number")))?;
    let kind = match row.get("kind").trim().to_ascii_lowercase().as_str() {
        "options" => EquityKind::Options,
        "shares" | "units" | "rsu" => EquityKind::Shares,
        other => {
            return Err(bad(
                "kind",
                format!("\"{other}\" must be one of options, shares, units"),
            ))
        }
    };
    let strike = match row.get("strike").trim() {
        "" => None,
        _ => Some(number(file, row, "strike", Sign::NonNegative)?),
    };
    if kind == EquityKind::Options && strike.is_none() {
        return Err(bad(
            "strike",
            "is empty; options need the strike price their holder pays per share".to_string(),
        ));
    }
    if kind == EquityKind::Shares && strike.is_some() {
        return Err(bad(
            "strike",
            "is set for shares or units, which have no strike price".to_string(),
        ));
    }
    let raw_date = row.get("valuation_date");
    let valuation_date = Date::parse(raw_date).ok_or_else(|| {
        bad(
            "valuation_date",
            format!("\"{raw_date}\" is not a date in the form YYYY-MM-DD"),
        )
    })?;
    let vesting_years = number(file, row, "vesting_years", Sign::Positive)?;
    let cliff_months = match row.get("cliff_months").trim() {
        "" => 0,
        raw => raw.parse::<u32>().map_err(|_| {
            bad(
                "cliff_months",
                format!("\"{raw}\" is not a whole number of months"),
            )
        })?,
    };
    if f64::from(cliff_months) > vesting_years * 12.0 {
        return Err(bad(
            "cliff_months",
            format!(
                "{cliff_months} months is longer than the {}-year vesting",
                crate::format::in_message(vesting_years)
            ),
        ));
    }
    let shares = number(file, row, "shares", Sign::Positive)?;
    let price = number(file, row, "price", Sign::NonNegative)?;
    let currency = currency_code(file, row, "currency", true)?.unwrap_or_default();
    Ok(EquityGrant {
        grade,
        zone: Some(row.get("zone").trim().to_string()).filter(|zone| !zone.is_empty()),
        kind,
        shares,
        price,
        strike,
        currency: currency.to_string(),
        valuation_date,
        vesting_years,
        cliff_months,
        line: row.line,
    })
}

const BENEFITS: Columns = Columns {
    required: &["country", "item", "value", "currency"],
    optional: &["description"],
};

/// Reads `benefits.csv`: items by country, each with its yearly value.
pub fn parse_benefits(file: &str, bytes: &[u8]) -> (Vec<Benefit>, Vec<DataError>) {
    let key = Key {
        label: |benefit: &Benefit| format!("\"{}\" in {}", benefit.item, benefit.country),
        field: Some("item"),
    };
    read_keyed(file, bytes, &BENEFITS, benefit_row, key)
}

fn benefit_row(file: &str, row: &Row) -> Result<Benefit, DataError> {
    let country = text(file, row, "country")?;
    let item = text(file, row, "item")?;
    let value = number(file, row, "value", Sign::NonNegative)?;
    let currency = currency_code(file, row, "currency", true)?.unwrap_or_default();
    Ok(Benefit {
        country: country.to_string(),
        item: item.to_string(),
        value,
        currency: currency.to_string(),
        description: row.get("description").trim().to_string(),
        line: row.line,
    })
}

const HIRING: Columns = Columns {
    required: &["country", "way", "reason"],
    optional: &["factor", "amount", "currency"],
};

/// Reads `hiring.csv`: the ways to hire in each country and what each does to pay.
pub fn parse_hiring(file: &str, bytes: &[u8]) -> (Vec<WayToHire>, Vec<DataError>) {
    let key = Key {
        label: |way: &WayToHire| format!("{} in {}", way.way.word(), way.country),
        field: Some("way"),
    };
    read_keyed(file, bytes, &HIRING, hiring_row, key)
}

fn hiring_row(file: &str, row: &Row) -> Result<WayToHire, DataError> {
    let bad = |field: &str, message: String| DataError::field(file, Some(row.line), field, message);
    let word = row.get("way").trim().to_ascii_lowercase();
    let way = HireWay::from_word(&word).ok_or_else(|| {
        bad(
            "way",
            format!("\"{word}\" must be one of employee, employer-of-record, contractor"),
        )
    })?;
    let factor = match row.get("factor").trim() {
        "" => 1.0,
        _ => number(file, row, "factor", Sign::Positive)?,
    };
    let amount = match row.get("amount").trim() {
        "" => None,
        _ => Some(number(file, row, "amount", Sign::Any)?),
    };
    let currency = currency_code(file, row, "currency", false)?;
    if amount.is_some() && currency.is_none() {
        return Err(bad(
            "currency",
            "is empty; an amount needs the currency it is written in".to_string(),
        ));
    }
    let country = text(file, row, "country")?;
    let reason = text(file, row, "reason")?;
    Ok(WayToHire {
        country: country.to_string(),
        way,
        factor,
        amount,
        currency: currency.map(str::to_string),
        reason: reason.to_string(),
        line: row.line,
    })
}

const PAYMENTS: Columns = Columns {
    required: &["country", "payments"],
    optional: &["note"],
};

/// Reads `payments.csv`: salary payments a year by country.
pub fn parse_payments(file: &str, bytes: &[u8]) -> (Vec<PaymentSchedule>, Vec<DataError>) {
    let key = Key {
        label: |schedule: &PaymentSchedule| schedule.country.clone(),
        field: Some("country"),
    };
    read_keyed(file, bytes, &PAYMENTS, payments_row, key)
}

fn payments_row(file: &str, row: &Row) -> Result<PaymentSchedule, DataError> {
    let raw = row.get("payments").trim();
    let payments = raw
        .parse::<u8>()
        .ok()
        .filter(|count| (1..=52).contains(count))
        .ok_or_else(|| {
            DataError::field(
                file,
                Some(row.line),
                "payments",
                format!("\"{raw}\" must be a whole number of payments from 1 to 52"),
            )
        })?;
    Ok(PaymentSchedule {
        country: text(file, row, "country")?.to_string(),
        payments,
        note: row.get("note").trim().to_string(),
        line: row.line,
    })
}
