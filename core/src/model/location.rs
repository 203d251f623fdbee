//! One row of `locations.csv`.

/// A country-wide area or a metro region with its pay factor.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    /// `slug(country)/slug(area)`, stable for URLs.
    pub id: String,
    pub country: String,
    pub area: String,
    /// Multiple of the reference market (1.0 = reference).
    pub factor: f64,
    /// Local currency code; `None` means pay is quoted in the reference currency.
    pub currency: Option<String>,
    pub zone: Option<String>,
    pub hiring: bool,
    /// Where the row came from, for the band's breakdown.
    pub line: usize,
}

/// The `area` of a row that stands for a whole country.
pub const WHOLE_COUNTRY: &str = "All";
/// The `area` of a row for the rest of a country (or of a region: `Everywhere else, Texas`).
pub const EVERYWHERE_ELSE: &str = "Everywhere else";

impl Location {
    /// Whether the row is a country-wide one (`All` or `Everywhere else`), which an ad names by country.
    pub fn whole_country(&self) -> bool {
        matches!(self.area.as_str(), WHOLE_COUNTRY | EVERYWHERE_ELSE)
    }

    /// How a person names the place: "London, England (United Kingdom)", "Germany", "Everywhere else in
    /// Germany". The one naming every front uses (the page, the table, the ad's checks, the CLI).
    pub fn name(&self) -> String {
        match self.area.as_str() {
            WHOLE_COUNTRY => self.country.clone(),
            EVERYWHERE_ELSE => format!("Everywhere else in {}", self.country),
            area => format!("{area} ({})", self.country),
        }
    }

    /// Whether the row stands for the rest of a state or province (`Everywhere else, Texas`).
    pub fn is_rest_of_region(&self) -> bool {
        self.area
            .strip_prefix(EVERYWHERE_ELSE)
            .is_some_and(|rest| rest.trim_start().starts_with(','))
    }

    /// The place as a job ad states it: the area, or the country for a country-wide row.
    pub fn locality(&self) -> &str {
        if self.whole_country() {
            &self.country
        } else {
            &self.area
        }
    }

    /// The area as a picker lists it under its country: "Everywhere" for the whole country.
    pub fn area_label(&self) -> &str {
        match self.area.as_str() {
            WHOLE_COUNTRY => "Everywhere",
            area => area,
        }
    }

    /// The area's first (narrowest) and last (widest) parts and how many there are, without allocating
    /// (asked for every law at every location): `Seattle, Washington` → (`Seattle`, `Washington`, 2);
    /// `Everywhere else, Texas` → (`Texas`, `Texas`, 1); a country-wide row has none.
    pub fn area_ends(&self) -> (Option<&str>, Option<&str>, usize) {
        if self.area == WHOLE_COUNTRY || self.area == EVERYWHERE_ELSE {
            return (None, None, 0);
        }
        let parts = || {
            self.area
                .split(',')
                .map(str::trim)
                .filter(|part| !part.is_empty() && *part != EVERYWHERE_ELSE)
        };
        (parts().next(), parts().next_back(), parts().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(country: &str, area: &str) -> Location {
        Location {
            id: String::new(),
            country: country.into(),
            area: area.into(),
            factor: 1.0,
            currency: None,
            zone: None,
            hiring: true,
            line: 2,
        }
    }

    #[test]
    fn names_places_as_people_do() {
        assert_eq!(at("Germany", "All").name(), "Germany");
        assert_eq!(
            at("Germany", "Everywhere else").name(),
            "Everywhere else in Germany"
        );
        assert_eq!(
            at("United Kingdom", "London, England").name(),
            "London, England (United Kingdom)"
        );
        assert_eq!(at("Germany", "Everywhere else").locality(), "Germany");
        assert_eq!(at("Germany", "Berlin").locality(), "Berlin");
        assert_eq!(at("Germany", "All").area_label(), "Everywhere");
    }

    #[test]
    fn area_parts_go_from_narrow_to_wide() {
        assert_eq!(
            at("United States", "Seattle, Washington").area_ends(),
            (Some("Seattle"), Some("Washington"), 2)
        );
        assert_eq!(
            at("United States", "Everywhere else, Texas").area_ends(),
            (Some("Texas"), Some("Texas"), 1)
        );
        assert_eq!(at("Canada", "Everywhere else").area_ends(), (None, None, 0));
    }
}
