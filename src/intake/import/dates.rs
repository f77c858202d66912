//! The dates a `Connections.csv` holds, in every style LinkedIn and
//! spreadsheets have written them.

use super::*;

/// Parses a Connections.csv date: `30 May 2024` (LinkedIn today), `1/8/18,
/// 6:14 PM` (US month/day/year with a time, in very old archives), `6-Feb-26`
/// (a spreadsheet's re-save) or `2024-05-30`. Two-digit years are 20xx; years
/// before 2003, when LinkedIn opened, are refused as misreads. Slash dates are
/// always month first, as LinkedIn wrote them; `13/1/18` is refused rather
/// than guessed.
pub fn parse_export_date(text: &str) -> Option<CivilDate> {
    let text = text.trim();
    let first = text.chars().next()?;
    if !first.is_ascii_digit() && !first.is_alphabetic() {
        return None;
    }
    if let Some(date) = iso_date(text) {
        return Some(date);
    }
    let date = if text.contains('/') {
        slash_date(text)?
    } else if text.contains('-') {
        dash_date(text)?
    } else {
        words_date(text)?
    };
    YEARS.contains(&date.year).then_some(date)
}

/// `2024-05-30`, optionally followed by a time after `T` or a space.
/// Month and day always have two digits.
pub(super) fn iso_date(text: &str) -> Option<CivilDate> {
    let date = text.split(['T', ' ']).next()?;
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    // Two-digit month and day, as ISO 8601 has them: "2024-05-3" is a file
    // cut short, not the 3rd of May.
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let date = CivilDate::new(
        digits(year)?.try_into().ok()?,
        small_number(month)?,
        small_number(day)?,
    )?;
    YEARS.contains(&date.year).then_some(date)
}

/// `1/8/18, 6:14 PM`: month/day/year, the year in two or four digits, and
/// an optional time after a comma or a space.
pub(super) fn slash_date(text: &str) -> Option<CivilDate> {
    let end = text.find([',', ' ']).unwrap_or(text.len());
    let (date, rest) = text.split_at(end);
    let rest = rest.trim_start_matches([',', ' ']);
    if !rest.is_empty() && !is_clock_time(rest) {
        return None;
    }
    let mut parts = date.split('/');
    let (month, day, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    CivilDate::new(year_number(year)?, small_number(month)?, small_number(day)?)
}

/// `6-Feb-26` or `06-Feb-2026`.
pub(super) fn dash_date(text: &str) -> Option<CivilDate> {
    let mut parts = text.split('-');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    CivilDate::new(
        year_number(year)?,
        month_from_name(month)?,
        small_number(day)?,
    )
}

/// `30 May 2024`, `30 May, 2024` or `May 30, 2024`.
pub(super) fn words_date(text: &str) -> Option<CivilDate> {
    let mut words = text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty());
    let (a, b, year) = (words.next()?, words.next()?, words.next()?);
    if words.next().is_some() || year.len() != 4 {
        return None;
    }
    let (day, month) = if a.starts_with(|c: char| c.is_ascii_digit()) {
        (a, b)
    } else {
        (b, a)
    };
    CivilDate::new(
        digits(year)?.try_into().ok()?,
        month_from_name(month)?,
        small_number(day)?,
    )
}

/// `6:14 PM`, `18:14`, `6:14:09 am`.
pub(super) fn is_clock_time(text: &str) -> bool {
    let upper = text.trim().to_ascii_uppercase();
    let (clock, twelve_hour) = match upper
        .strip_suffix("AM")
        .or_else(|| upper.strip_suffix("PM"))
    {
        Some(clock) => (clock.trim_end(), true),
        None => (upper.as_str(), false),
    };
    let parts: Vec<Option<u8>> = clock.split(':').map(small_number).collect();
    let hours = if twelve_hour { 1..=12 } else { 0..=23 };
    match parts.as_slice() {
        [Some(h), Some(m)] => hours.contains(h) && *m < 60,
        [Some(h), Some(m), Some(s)] => hours.contains(h) && *m < 60 && *s < 60,
        _ => false,
    }
}

pub(super) fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// One or two digits.
pub(super) fn small_number(text: &str) -> Option<u8> {
    if text.len() > 2 {
        return None;
    }
    digits(text).and_then(|n| u8::try_from(n).ok())
}

/// Two digits (20xx) or four.
pub(super) fn year_number(text: &str) -> Option<i32> {
    let n = i32::try_from(digits(text)?).ok()?;
    match text.len() {
        2 => Some(2000 + n),
        4 => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u8, d: u8) -> Option<CivilDate> {
        CivilDate::new(y, m, d)
    }

    #[test]
    fn every_date_style_linkedin_and_spreadsheets_write() {
        assert_eq!(parse_export_date("30 May 2024"), date(2024, 5, 30));
        assert_eq!(parse_export_date("05 Feb 2026"), date(2026, 2, 5));
        assert_eq!(parse_export_date("30 September 2019"), date(2019, 9, 30));
        assert_eq!(parse_export_date("May 30, 2024"), date(2024, 5, 30));
        assert_eq!(parse_export_date("1/8/18, 6:14 PM"), date(2018, 1, 8));
        assert_eq!(parse_export_date("12/31/17 18:02"), date(2017, 12, 31));
        assert_eq!(parse_export_date("1/8/2018"), date(2018, 1, 8));
        assert_eq!(parse_export_date("6-Feb-26"), date(2026, 2, 6));
        assert_eq!(parse_export_date("06-feb-2026"), date(2026, 2, 6));
        assert_eq!(parse_export_date("2024-05-30"), date(2024, 5, 30));
        assert_eq!(parse_export_date("2024-05-30T10:00:00Z"), date(2024, 5, 30));
        assert_eq!(parse_export_date("  29 Feb 2024 "), date(2024, 2, 29));
    }

    #[test]
    fn dates_that_are_not_real_days_or_not_dates_are_refused() {
        for bad in [
            "",
            "30 Feb 2024",
            "13/1/18",
            "1/8/18, 25:00",
            "1/8/18, lunch",
            "1/8/1",
            "30 May 24",
            "30 Mai 2024",
            "31-Apr-24",
            "2024-13-01",
            "1 Jan 1999",
            "1/1/02",
            "Connected On",
            "-1-Jan-24",
            "30 May 2024 extra",
            "=NOW()",
            "2024-05-3",
            "2024-5-30",
        ] {
            assert_eq!(parse_export_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn clock_times_are_validated() {
        for good in ["6:14 PM", "18:14", "6:14:09 am", "12:00AM"] {
            assert!(is_clock_time(good), "{good}");
        }
        for bad in ["13:00 PM", "0:10 AM", "6", "6:60", "6:14 XM", "::"] {
            assert!(!is_clock_time(bad), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn date_parsing_never_panics(text in "\\PC{0,30}") {
            let _ = parse_export_date(&text);
        }

        #[test]
        fn every_style_reads_back_the_same_day(days in 12_054i64..47_482) {
            // 2003-01-01 to 2099-12-31.
            let d = CivilDate::from_days(days);
            const MON: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            let mon = MON[usize::from(d.month) - 1];
            let yy = d.year % 100;
            for text in [
                format!("{:02} {mon} {}", d.day, d.year),
                format!("{}/{}/{yy:02}, 6:14 PM", d.month, d.day),
                format!("{}-{mon}-{yy:02}", d.day),
                d.to_string(),
            ] {
                prop_assert_eq!(parse_export_date(&text), Some(d), "{}", text);
            }
        }
    }
}
