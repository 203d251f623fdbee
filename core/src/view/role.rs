//! A role's band and title as every front shows them, with the one rule for a role's own midpoint.

use crate::band::{
    band_figures, band_for, bands_for_grade_everywhere, Band, BandError, BandRequest,
    CurrencyChoice, RoleMidpoint,
};
use crate::model::{Dataset, Date, HireWay, IndexEntry, IndexLevel, Location};

/// A role's own midpoint (`midpoint` in its front matter) where it applies at `grade`.
///
/// The rule, in docs/data-format.md: a page's midpoint is set for the role's own grade, the grade of its
/// first level (the only level of a one-level page). It replaces that grade's midpoint for this role, in
/// every location; the role's other levels use their grades' midpoints from `grades.csv`, since one figure
/// cannot be the midpoint of two grades. The page, the table, the build's figures and `paygrade diff` all
/// ask this function.
pub fn own_midpoint_at(entry: &IndexEntry, grade: u8) -> Option<RoleMidpoint<'_>> {
    (entry.own_grade() == Some(grade))
        .then(|| RoleMidpoint::of_entry(entry))
        .flatten()
}

/// How much of a band to work out: the formula's steps too, or the figures alone (many bands, no formula).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    Explained,
    Figures,
}

/// One role's band at a grade and location (a grade's own band when there is no role).
pub fn role_band(
    data: &Dataset,
    entry: Option<&IndexEntry>,
    grade: u8,
    location_id: &str,
    currency: &CurrencyChoice,
    today: Option<Date>,
    detail: Detail,
) -> Result<Band, BandError> {
    let request = BandRequest {
        grade,
        location_id,
        role_midpoint: entry.and_then(|entry| own_midpoint_at(entry, grade)),
        currency: currency.clone(),
        today,
    };
    match detail {
        Detail::Explained => band_for(data, &request),
        Detail::Figures => band_figures(data, &request),
    }
}

/// A role's band at one grade in every location, in location order (the table, the build's figures,
/// `paygrade diff`).
pub fn role_bands_everywhere(
    data: &Dataset,
    entry: Option<&IndexEntry>,
    grade: u8,
    currency: &CurrencyChoice,
    today: Option<Date>,
) -> Vec<(String, Result<Band, BandError>)> {
    let own = entry.and_then(|entry| own_midpoint_at(entry, grade));
    bands_for_grade_everywhere(data, grade, own, currency, today)
}

/// The job title a level is advertised under: the level's title in a family of several levels, else the
/// role's; "Grade N" when the data has no roles.
pub fn job_title(entry: Option<&IndexEntry>, level: Option<&IndexLevel>, grade: u8) -> String {
    match (entry, level) {
        (Some(entry), Some(level)) if entry.levels.len() > 1 && !level.title.is_empty() => {
            level.title.clone()
        }
        (Some(entry), _) => entry.title.clone(),
        (None, _) => format!("Grade {grade}"),
    }
}

/// What a role page (or the compact widget) shows about pay: who, at which grade, where, and the band.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleView<'d> {
    pub entry: Option<&'d IndexEntry>,
    /// The level on screen, by position.
    pub level: Option<(usize, &'d IndexLevel)>,
    pub grade: u8,
    pub job_title: String,
    pub location: &'d Location,
    pub band: Result<Band, BandError>,
    /// The way to hire the band is for, when the data offers one there and the view chose it.
    pub contract: Option<HireWay>,
}

impl<'d> RoleView<'d> {
    /// The view for a role's level at a grade and place, in the chosen currency.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        data: &'d Dataset,
        entry: Option<&'d IndexEntry>,
        level: Option<(usize, &'d IndexLevel)>,
        grade: u8,
        location: &'d Location,
        currency: &CurrencyChoice,
        today: Option<Date>,
        detail: Detail,
        contract: Option<HireWay>,
    ) -> RoleView<'d> {
        let band = role_band(data, entry, grade, &location.id, currency, today, detail);
        // A way to hire the data offers here changes the band, with a step saying why.
        let adjusted = contract.and_then(|way| {
            let band = band.as_ref().ok()?;
            super::hire_adjusted(data, band, location, way)
        });
        RoleView {
            entry,
            level,
            grade,
            job_title: job_title(entry, level.map(|(_, level)| level), grade),
            location,
            contract: adjusted.as_ref().and(contract),
            band: adjusted.map_or(band, Ok),
        }
    }
}
