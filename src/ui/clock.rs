//! Today's date, decided in one place: every staleness and date check in the app reads it.
//!
//! In the browser it is the reader's local calendar date, since offers, rates and laws are dated by the
//! local day. Natively (the pre-renderer) it is the build machine's UTC date, which the pre-rendered page
//! states in its footer.

use crate::model::Date;

/// Today's calendar date, or `None` when no clock can be read.
pub fn today() -> Option<Date> {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        let month = u8::try_from(now.get_month() + 1).ok()?;
        let day = u8::try_from(now.get_date()).ok()?;
        let year = i32::try_from(now.get_full_year()).ok()?;
        Some(Date { year, month, day })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Date::today_utc()
    }
}
