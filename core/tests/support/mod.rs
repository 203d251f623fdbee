//! What the core's integration tests share.

use paygrade_core::band::{Band, CurrencyChoice};
use paygrade_core::model::Dataset;
use paygrade_core::view::{role_band, Detail};

/// A grade's band at a location in its local currency, figures only, as the view model gives it.
pub fn band(data: &Dataset, grade: u8, location: &str) -> Band {
    role_band(
        data,
        None,
        grade,
        location,
        &CurrencyChoice::Local,
        None,
        Detail::Figures,
    )
    .unwrap()
}
