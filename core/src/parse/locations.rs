//! `locations.csv`: areas with their pay factor, currency and hiring status.

use crate::model::{slug, DataError, Location};

use super::csv_table::{currency_code, number, read_keyed, text, Columns, Key, Row, Sign};

const COLUMNS: Columns = Columns {
    required: &["country", "area", "factor"],
    optional: &["currency", "zone", "hiring"],
};

/// Reads the location table; bad rows and later duplicate ids are reported and skipped.
pub fn parse_locations(file: &str, bytes: &[u8]) -> (Vec<Location>, Vec<DataError>) {
    let key = Key {
        label: |location: &Location| format!("location \"{}\"", location.id),
        field: None,
    };
    read_keyed(file, bytes, &COLUMNS, location_row, key)
}

fn location_row(file: &str, row: &Row) -> Result<Location, DataError> {
    let country = text(file, row, "country")?;
    let area = text(file, row, "area")?;
    let (country_slug, area_slug) = (slug(country), slug(area));
    if country_slug.is_empty() {
        return Err(DataError::field(
            file,
            Some(row.line),
            "country",
            "needs at least one ASCII letter or digit for its id",
        ));
    }
    if area_slug.is_empty() {
        return Err(DataError::field(
            file,
            Some(row.line),
            "area",
            "needs at least one ASCII letter or digit for its id",
        ));
    }
    let factor = number(file, row, "factor", Sign::Positive)?;
    let currency = currency_code(file, row, "currency", false)?;
    let hiring = match row.get("hiring").to_ascii_lowercase().as_str() {
        "" | "yes" => true,
        "no" => false,
        other => {
            return Err(DataError::field(
                file,
                Some(row.line),
                "hiring",
                format!("\"{other}\" must be yes or no"),
            ))
        }
    };
    Ok(Location {
        id: format!("{country_slug}/{area_slug}"),
        country: country.to_string(),
        area: area.to_string(),
        factor,
        currency: currency.map(str::to_string),
        zone: Some(row.get("zone").to_string()).filter(|zone| !zone.is_empty()),
        hiring,
        line: row.line,
    })
}
