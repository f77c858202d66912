//! Civil dates in UTC, as days since 1970-01-01.
//!
//! This module owns the arithmetic between epoch milliseconds (what the
//! background hands the core as `now_ms`) and calendar dates (what LinkedIn
//! shows). It never reads a clock: every function takes the instant it needs.

use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch, as JavaScript's `Date.now()` gives them.
pub type TimeMs = i64;

const MS_PER_DAY: i64 = 86_400_000;

/// A calendar date (proleptic Gregorian, UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CivilDate {
    /// The year, e.g. 2024.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
}

impl CivilDate {
    /// The date, if `year`, `month` and `day` name a real day.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// The UTC date of an instant.
    pub fn from_ms(ms: TimeMs) -> Self {
        Self::from_days(ms.div_euclid(MS_PER_DAY))
    }

    /// The same day `months` months earlier, clamped to the month's last day.
    pub fn months_before(self, months: u32) -> Self {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 - i64::from(months);
        let year = total.div_euclid(12) as i32;
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Self { year, month, day }
    }
}

impl std::fmt::Display for CivilDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// How precisely a connection date is known.
/// Ordered from the most to the least precise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DatePrecision {
    /// "Connected on August 7, 2024", or "3 days ago".
    Day,
    /// "2 weeks ago".
    Week,
    /// "3 months ago".
    Month,
    /// "4 years ago".
    Year,
}

/// When a connection was made, with the precision the page gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectedDate {
    /// The date, or its best estimate for a relative text.
    pub date: CivilDate,
    /// How far the estimate may be off.
    pub precision: DatePrecision,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn epoch_is_day_zero() {
        assert_eq!(CivilDate::new(1970, 1, 1).map(CivilDate::to_days), Some(0));
        assert_eq!(
            CivilDate::from_days(0),
            CivilDate {
                year: 1970,
                month: 1,
                day: 1
            }
        );
    }

    #[test]
    fn leap_days_are_real_and_others_are_not() {
        assert!(CivilDate::new(2024, 2, 29).is_some());
        assert!(CivilDate::new(2023, 2, 29).is_none());
        assert!(CivilDate::new(1900, 2, 29).is_none());
        assert!(CivilDate::new(2000, 2, 29).is_some());
        assert!(CivilDate::new(2024, 13, 1).is_none());
        assert!(CivilDate::new(2024, 4, 31).is_none());
    }

    #[test]
    fn from_ms_uses_utc_days() {
        // 2024-08-07T23:59:59.999Z and the next millisecond.
        let end = CivilDate::new(2024, 8, 7).map(|d| d.to_days() * MS_PER_DAY + MS_PER_DAY - 1);
        assert_eq!(end.map(CivilDate::from_ms), CivilDate::new(2024, 8, 7));
        assert_eq!(
            end.map(|e| CivilDate::from_ms(e + 1)),
            CivilDate::new(2024, 8, 8)
        );
    }

    #[test]
    fn months_before_clamps_to_month_end() {
        let may31 = CivilDate::new(2024, 5, 31);
        assert_eq!(
            may31.map(|d| d.months_before(3)),
            CivilDate::new(2024, 2, 29)
        );
        assert_eq!(
            may31.map(|d| d.months_before(17)),
            CivilDate::new(2022, 12, 31)
        );
    }

    proptest! {
        #[test]
        fn days_round_trip(days in -1_000_000i64..1_000_000) {
            let date = CivilDate::from_days(days);
            prop_assert_eq!(date.to_days(), days);
            prop_assert_eq!(CivilDate::new(date.year, date.month, date.day), Some(date));
        }
    }
}
