//! The dates the archive's files write, each file its own way, read into
//! [`Day`]s.

use super::Day;
use crate::intake::import::parse_export_date;
use crate::network::calendar::CivilDate;

/// Parses a date from any of the archive's files, to the day (UTC where the
/// file says so; Invitations and Recommendations give no time zone, I5/E6,
/// and are taken as written):
///
/// - `messages.csv`: `2023-07-08 08:39:28 UTC` (M1), and plain ISO dates;
/// - `Invitations.csv`: `7/1/23, 9:56 AM`, no padding (I5);
/// - `Recommendations_*.csv`: `04/15/24, 09:25 PM`, padded (E6, E8);
/// - `Endorsement_*_Info.csv`: `2022/09/03 18:14:39 UTC`, year first with
///   slashes (E1);
/// - and every style [`parse_export_date`] reads for `Connections.csv`.
///
/// Years outside 2003 (LinkedIn's opening) to 2099 are refused as misreads.
pub fn parse_archive_date(text: &str) -> Option<Day> {
    let text = text.trim();
    let date = year_first_slash_date(text).or_else(|| parse_export_date(text))?;
    Day::try_from(date.to_days()).ok()
}

/// `2022/09/03 18:14:39 UTC` (E1): the time, if any, is not checked beyond
/// being separated by a space, as only the day is kept.
fn year_first_slash_date(text: &str) -> Option<CivilDate> {
    let date = text.split(' ').next()?;
    let mut parts = date.split('/');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() > 2 || day.len() > 2 {
        return None;
    }
    let number = |s: &str| -> Option<u32> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    let year = i32::try_from(number(year)?).ok()?;
    if !(2003..=2099).contains(&year) {
        return None;
    }
    CivilDate::new(
        year,
        u8::try_from(number(month)?).ok()?,
        u8::try_from(number(day)?).ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> Option<Day> {
        CivilDate::new(y, m, d).map(|c| c.to_days() as Day)
    }

    #[test]
    fn every_files_style_reads_to_its_day() {
        assert_eq!(
            parse_archive_date("2023-07-08 08:39:28 UTC"),
            day(2023, 7, 8)
        );
        assert_eq!(parse_archive_date("2023-07-08"), day(2023, 7, 8));
        assert_eq!(parse_archive_date("2023-07-08T08:39:28Z"), day(2023, 7, 8));
        assert_eq!(parse_archive_date("7/1/23, 9:56 AM"), day(2023, 7, 1));
        assert_eq!(parse_archive_date("11/29/21, 12:36 PM"), day(2021, 11, 29));
        assert_eq!(parse_archive_date("04/15/24, 09:25 PM"), day(2024, 4, 15));
        assert_eq!(
            parse_archive_date("2022/09/03 18:14:39 UTC"),
            day(2022, 9, 3)
        );
        assert_eq!(parse_archive_date(" 2022/9/3 "), day(2022, 9, 3));
        assert_eq!(parse_archive_date("09 Mar 2026"), day(2026, 3, 9));
    }

    #[test]
    fn misreads_are_refused_not_guessed() {
        for text in [
            "",
            "UTC",
            "2022/13/03 18:14:39 UTC",
            "1999/09/03",
            "13/1/23, 9:56 AM",
            "2023-7-8 08:39:28 UTC",
            "yesterday",
            "2022/09/03/01",
        ] {
            assert_eq!(parse_archive_date(text), None, "{text}");
        }
    }
}
