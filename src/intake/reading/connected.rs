//! "Connected on August 7, 2024", "Connected 2 weeks ago": the line under
//! a connection card, read into a date with the precision it gives. The
//! words come from `linkedin/words/en.json` ([`crate::intake::words`]); the
//! grammar (prefix, then "on" and a date, or an amount, a unit and "ago")
//! is here.

use super::*;

/// Parses "Connected on August 7, 2024", "Connected on 7 August 2024" or a
/// relative "Connected 2 weeks ago" read at `read_at_ms`.
pub fn parse_connected_text(text: &str, read_at_ms: TimeMs) -> Result<ConnectedDate, TextError> {
    let err = |why| TextError::new("connection date", text, why);
    let words = words::english();
    let lower = collapse_whitespace(text).to_lowercase();
    let rest = lower
        .strip_prefix(words.prefix)
        .ok_or_else(|| err("it does not start with \"Connected\""))?
        .trim_start();
    let absolute = rest
        .strip_prefix(words.absolute_marker)
        .and_then(|r| r.strip_prefix(' '));
    if let Some(absolute) = absolute {
        let date =
            parse_absolute_date(absolute).ok_or_else(|| err("the date is not a real day"))?;
        return Ok(ConnectedDate {
            date,
            precision: DatePrecision::Day,
        });
    }
    let today = CivilDate::from_ms(read_at_ms);
    let days_before = |n: i64| CivilDate::from_days(today.to_days() - n);
    if words.today.contains(&rest) {
        return Ok(ConnectedDate {
            date: today,
            precision: DatePrecision::Day,
        });
    }
    if words.yesterday.contains(&rest) {
        return Ok(ConnectedDate {
            date: days_before(1),
            precision: DatePrecision::Day,
        });
    }
    let relative = rest
        .strip_suffix(words.ago_suffix)
        .and_then(|r| r.strip_suffix(' '))
        .ok_or_else(|| err("it is neither a date nor \"… ago\""))?;
    let (amount, unit) = relative
        .split_once(' ')
        .ok_or_else(|| err("it has no time unit"))?;
    let amount: i64 = if words.one.contains(&amount) {
        1
    } else {
        amount
            .parse()
            .map_err(|_| err("the amount is not a number"))?
    };
    if !(0..=100).contains(&amount) {
        return Err(err("the amount is out of range"));
    }
    // English plurals ("2 weeks"): the table holds each unit singular.
    let unit = unit.trim_end_matches('s');
    let (date, precision) = match words.unit(unit) {
        Some(Unit::Today) => (today, DatePrecision::Day),
        Some(Unit::Day) => (days_before(amount), DatePrecision::Day),
        Some(Unit::Week) => (days_before(amount * 7), DatePrecision::Week),
        Some(Unit::Month) => (today.months_before(amount as u32), DatePrecision::Month),
        Some(Unit::Year) => (today.months_before(amount as u32 * 12), DatePrecision::Year),
        None => return Err(err("the time unit is not known")),
    };
    Ok(ConnectedDate { date, precision })
}

fn parse_absolute_date(text: &str) -> Option<CivilDate> {
    let cleaned = text.replace(',', " ");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let (month, day, year) = match words.as_slice() {
        [m, d, y] if m.starts_with(|c: char| c.is_alphabetic()) => (*m, *d, *y),
        [d, m, y] => (*m, *d, *y),
        _ => return None,
    };
    let month = month_from_name(month)?;
    let day: u8 = day.parse().ok()?;
    let year: i32 = year.parse().ok()?;
    if !(2003..=9999).contains(&year) {
        // LinkedIn opened in 2003: an earlier year is a misread.
        return None;
    }
    CivilDate::new(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(text: &str, now: TimeMs) -> (String, DatePrecision) {
        let d = parse_connected_text(text, now).unwrap();
        (d.date.to_string(), d.precision)
    }

    // 2026-11-21T12:00:00Z
    const NOW: TimeMs = 1_795_262_400_000;

    #[test]
    fn absolute_dates_are_exact_days() {
        assert_eq!(
            date("Connected on August 7, 2024", NOW),
            ("2024-08-07".into(), DatePrecision::Day)
        );
        assert_eq!(
            date("Connected on 7 August 2024", NOW),
            ("2024-08-07".into(), DatePrecision::Day)
        );
        assert_eq!(
            date("  Connected  on Feb 29, 2024 ", NOW),
            ("2024-02-29".into(), DatePrecision::Day)
        );
    }

    #[test]
    fn connected_dates_as_the_2026_pages_print_them() {
        // docs/LINKEDIN.md: "Connected on June 24, 2026" (month first) and
        // "Connected on 8 September 2026" (day first).
        assert_eq!(
            date("Connected on June 24, 2026", NOW),
            ("2026-06-24".into(), DatePrecision::Day)
        );
        assert_eq!(
            date("Connected on 8 September 2026", NOW),
            ("2026-09-08".into(), DatePrecision::Day)
        );
    }

    #[test]
    fn relative_dates_carry_their_precision() {
        assert_eq!(CivilDate::from_ms(NOW).to_string(), "2026-11-21");
        assert_eq!(
            date("Connected 3 days ago", NOW),
            ("2026-11-18".into(), DatePrecision::Day)
        );
        assert_eq!(
            date("Connected 2 weeks ago", NOW),
            ("2026-11-07".into(), DatePrecision::Week)
        );
        assert_eq!(
            date("Connected 1 month ago", NOW),
            ("2026-10-21".into(), DatePrecision::Month)
        );
        assert_eq!(
            date("Connected a year ago", NOW),
            ("2025-11-21".into(), DatePrecision::Year)
        );
        assert_eq!(
            date("Connected 5 hours ago", NOW),
            ("2026-11-21".into(), DatePrecision::Day)
        );
        assert_eq!(
            date("Connected yesterday", NOW),
            ("2026-11-20".into(), DatePrecision::Day)
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "Connected on February 30, 2024",
            "Connected on August 7, 1999",
            "Connected 2 fortnights ago",
            "Connected -2 days ago",
            "Joined 2 weeks ago",
            "Connected recently",
        ] {
            assert!(
                parse_connected_text(bad, NOW).is_err(),
                "{bad:?} should be refused"
            );
        }
    }

    proptest! {
        #[test]
        fn connected_text_never_panics(text in "\\PC{0,40}", now in 0i64..4_000_000_000_000) {
            let _ = parse_connected_text(&text, now);
        }
    }
}
