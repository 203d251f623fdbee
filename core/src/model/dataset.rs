//! Everything one data folder holds, after parsing and cross-validation.

use super::{CurrencyRate, Grade, Location, Manifest, Role};

/// The loaded data the band formula and the UI read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub manifest: Manifest,
    pub grades: Vec<Grade>,
    pub locations: Vec<Location>,
    pub currencies: Vec<CurrencyRate>,
    pub roles: Vec<Role>,
}

impl Dataset {
    /// The grade row with this number.
    pub fn grade(&self, number: u8) -> Option<&Grade> {
        self.grades.iter().find(|grade| grade.grade == number)
    }

    /// The location with this `country/area` id.
    pub fn location(&self, id: &str) -> Option<&Location> {
        self.locations.iter().find(|location| location.id == id)
    }

    /// The rate for this currency code (codes are upper case).
    pub fn rate(&self, code: &str) -> Option<&CurrencyRate> {
        self.currencies.iter().find(|rate| rate.currency == code)
    }

    /// The role with this slug.
    pub fn role(&self, slug: &str) -> Option<&Role> {
        self.roles.iter().find(|role| role.slug == slug)
    }
}
