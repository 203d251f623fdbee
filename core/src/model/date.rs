//! A calendar date without time zones: the manifest's `as_of` and each rate's date.

use std::fmt;

/// A plain civil date, because rates and the dataset are dated by day, never by instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses strict `YYYY-MM-DD` (what the data files use); anything else is `None`.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = text.get(range)?;
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let year = i32::try_from(digits(0..4)?).ok()?;
        let month = u8::try_from(digits(5..7)?).ok()?;
        let day = u8::try_from(digits(8..10)?).ok()?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01, so rate ages are a subtraction (Howard Hinnant's algorithm).
    pub fn days_since_epoch(&self) -> i64 {
        let month = i64::from(self.month);
        let day = i64::from(self.day);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let shifted_month = (month + 9) % 12;
        let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01 (the inverse of `days_since_epoch`), for clocks that count days.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let shifted = days + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// Today's date in UTC from the system clock: the build's and the CLI's "today" (the page uses the
    /// reader's local date, `ui::clock`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today_utc() -> Option<Date> {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs();
        Some(Date::from_days_since_epoch(
            i64::try_from(seconds / 86_400).ok()?,
        ))
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(&self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// Whether this date lies more than `max_age_days` before `today`: the one staleness test for rates and
    /// rules. An unknown today is never stale.
    pub fn older_than(&self, max_age_days: u32, today: Option<Date>) -> bool {
        today.is_some_and(|today| self.days_until(today) > i64::from(max_age_days))
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays_round_trip() {
        let date = Date::parse("2026-11-01").unwrap();
        assert_eq!(
            date,
            Date {
                year: 2026,
                month: 11,
                day: 1
            }
        );
        assert_eq!(date.to_string(), "2026-11-01");
    }

    #[test]
    fn rejects_impossible_dates_and_other_shapes() {
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "",
            "2026-01-0x",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }

    #[test]
    fn counts_days_from_the_epoch() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(
            Date::parse("2000-03-01").unwrap().days_since_epoch(),
            11_017
        );
        assert_eq!(Date::parse("1969-12-31").unwrap().days_since_epoch(), -1);
        let a = Date::parse("2025-11-01").unwrap();
        let b = Date::parse("2026-11-01").unwrap();
        assert_eq!(b.days_since_epoch() - a.days_since_epoch(), 365);
    }

    #[test]
    fn days_turn_back_into_dates() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2026-12-02",
            "1969-12-31",
            "2100-03-01",
        ] {
            let date = Date::parse(text).unwrap();
            assert_eq!(Date::from_days_since_epoch(date.days_since_epoch()), date);
        }
    }

    #[test]
    fn staleness_counts_whole_days() {
        let rate = Date::parse("2025-12-01").unwrap();
        assert!(!rate.older_than(365, Date::parse("2026-12-01")));
        assert!(rate.older_than(365, Date::parse("2026-12-02")));
        assert!(!rate.older_than(365, None));
    }
}
