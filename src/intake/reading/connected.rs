//! "Connected on August 7, 2024", "Connected 2 weeks ago": the line under
//! a connection card, read into a date with the precision it gives. The
//! English words come from `linkedin/words/en.json` ([`crate::intake::words`]);
//! the English grammar (prefix, then "on" and a date, or an amount, a unit
//! and "ago") is here. A line in the page's language is read by that
//! language's CLDR date patterns ([`super::dates`]).

use super::dates::find_date;
use super::*;
use crate::intake::cldr;

/// Parses a card's date line read at `read_at_ms` on a page in `language`
/// (its `<html lang>`, e.g. "de", "pt-BR"; `None` when the reading did not
/// say): the English "Connected on August 7, 2024", "Connected on 7 August
/// 2024" or "Connected 2 weeks ago" in any case, else a date in the
/// language's CLDR formats ("Bağlantı kurulma tarihi: 22 Ağustos 2024",
/// "2025年10月24日につながりました"). Relative ages are read in English only
/// (no other language's words are known). An unknown language, or a line
/// without such a date, leaves the date unknown.
pub fn parse_connected_text(
    text: &str,
    language: Option<&str>,
    read_at_ms: TimeMs,
) -> Result<ConnectedDate, TextError> {
    let english = parse_english(text, read_at_ms);
    let Some(language) = language.filter(|_| english.is_err()) else {
        return english;
    };
    let err = |why| TextError::new("connection date", text, why);
    let calendar = cldr::calendar(language)
        .ok_or_else(|| err("the page's language is not one netprune reads dates in"))?;
    let date = find_date(calendar, text, CivilDate::from_ms(read_at_ms))
        .ok_or_else(|| err("it holds no date in the page's language"))?;
    Ok(ConnectedDate {
        date,
        precision: DatePrecision::Day,
    })
}

/// A sent invitation's time line read at `read_at_ms`: "Sent today", "Sent
/// yesterday", "Sent 3 months ago", or artdeco's bare "1 month ago", in
/// English only (no other language's words for it are known: the date is
/// then left unknown, never guessed). Its precision is the unit's.
pub fn parse_sent_text(text: &str, read_at_ms: TimeMs) -> Result<ConnectedDate, TextError> {
    let err = |why| TextError::new("invitation date", text, why);
    let words = words::english();
    let lower = collapse_whitespace(text).to_lowercase();
    let rest = lower
        .strip_prefix(words.sent_prefix)
        .map_or(lower.as_str(), str::trim_start);
    relative_date(rest, CivilDate::from_ms(read_at_ms), &err)
}

/// The English line: "Connected on August 7, 2024", "Connected 2 weeks ago".
fn parse_english(text: &str, read_at_ms: TimeMs) -> Result<ConnectedDate, TextError> {
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
        if date.to_days() > CivilDate::from_ms(read_at_ms).to_days() + 1 {
            return Err(err("the date is after the day the page was read"));
        }
        return Ok(ConnectedDate {
            date,
            precision: DatePrecision::Day,
        });
    }
    relative_date(rest, CivilDate::from_ms(read_at_ms), &err)
}

/// "today", "yesterday", "2 weeks ago", "a month ago": a date before
/// `today` with the unit's precision.
fn relative_date(
    rest: &str,
    today: CivilDate,
    err: &dyn Fn(&'static str) -> TextError,
) -> Result<ConnectedDate, TextError> {
    let words = words::english();
    let days_before = |n: i64| CivilDate::from_days(today.to_days() - n);
    let day = |date| ConnectedDate {
        date,
        precision: DatePrecision::Day,
    };
    if words.today.contains(&rest) {
        return Ok(day(today));
    }
    if words.yesterday.contains(&rest) {
        return Ok(day(days_before(1)));
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
        let d = parse_connected_text(text, None, now).unwrap();
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
                parse_connected_text(bad, None, NOW).is_err(),
                "{bad:?} should be refused"
            );
        }
    }

    fn in_language(language: &str, text: &str) -> Option<String> {
        parse_connected_text(text, Some(language), NOW)
            .ok()
            .map(|d| d.date.to_string())
    }

    #[test]
    fn lines_in_the_page_s_language() {
        // docs/LINKEDIN.md, "Languages: dates and totals": language, the
        // card's line, the day it gives.
        let cases = [
            "en|Connected on June 24, 2026|2026-06-24",
            "en-GB|Connected on 8 September 2026|2026-09-08",
            "tr|Bağlantı kurulma tarihi: 22 Ağustos 2024|2024-08-22",
            "tr|Bağlantı kurulma tarihi: 3 Mayıs 2023|2023-05-03",
            "tr|1 Aralık 2019|2019-12-01",
            "ja|2025年10月24日につながりました|2025-10-24",
            "ja-JP|２０２５年１０月２４日につながりました|2025-10-24",
            "de|Verbunden am 24. Oktober 2025|2025-10-24",
            "fr|Connecté le 24 avr. 2025|2025-04-24",
            "fr|24 avril 2025|2025-04-24",
            "pt-BR|Conectado em 24 de outubro de 2025|2025-10-24",
            "es|24 de octubre de 2025|2025-10-24",
            "pl|24 października 2025|2025-10-24",
            // An English line on a page that says another language is still
            // read by the English words.
            "de|Connected on March 5, 2026|2026-03-05",
        ];
        for case in cases {
            let [language, text, want] = case.splitn(3, '|').collect::<Vec<_>>()[..] else {
                panic!("{case}");
            };
            assert_eq!(in_language(language, text).as_deref(), Some(want), "{case}");
        }
    }

    #[test]
    fn unknown_languages_and_unreadable_lines_leave_the_date_unknown() {
        for (language, text) in [
            ("xx", "24. Oktober 2025"),
            ("de", "Vor 2 Wochen verbunden"),
            ("tr", "Bağlantı kurulma tarihi: 31 Şubat 2024"),
            ("ja", "2025年10月24日"),
            ("ja", "12/2025"),
            ("fr", "Connecté il y a 2 semaines"),
            ("en", "Connected on June 24, 2099"),
        ] {
            let reading = in_language(language, text);
            if language == "ja" && text == "2025年10月24日" {
                // A bare date is harmless to read.
                assert_eq!(reading.as_deref(), Some("2025-10-24"));
                continue;
            }
            assert_eq!(reading, None, "{language} {text:?}");
        }
        assert_eq!(
            date("Connected on June 24, 2026", NOW),
            ("2026-06-24".into(), DatePrecision::Day)
        );
        assert!(parse_connected_text("Connected on June 24, 2099", None, NOW).is_err());
    }

    proptest! {
        #[test]
        fn connected_text_never_panics(text in "\\PC{0,40}", now in 0i64..4_000_000_000_000) {
            let _ = parse_connected_text(&text, None, now);
        }

        #[test]
        fn any_line_in_any_language_is_a_real_past_day_or_unknown(
            text in "(\\PC|[0-9年月日. ,]){0,40}",
            language in "(en|de|fr|tr|ja|ar|hi|ru|es|pt-BR|ko|zh-TW|th|xx|)",
            now in 0i64..4_000_000_000_000,
        ) {
            if let Ok(d) = parse_connected_text(&text, Some(&language), now) {
                let today = CivilDate::from_ms(now).to_days();
                prop_assert!(d.date.to_days() <= today + 1);
                prop_assert!(CivilDate::new(d.date.year, d.date.month, d.date.day).is_some());
            }
        }

        #[test]
        fn cldr_dates_read_back_in_every_language(
            day in 1u8..=28,
            month in 1u8..=12,
            year in 2003i32..=2025,
        ) {
            // Each language's own long format, written from the table.
            for calendar in crate::intake::cldr::calendars() {
                let name = calendar.months().nth(usize::from(month - 1)).and_then(|(_, mut n)| n.next());
                let Some(name) = name else { continue };
                let Some(pattern) = calendar.patterns().next() else { continue };
                let text: String = pattern.chars().map(|c| match c {
                    cldr::DAY => day.to_string(),
                    cldr::MONTH_NAME => name.to_string(),
                    cldr::MONTH_NUMBER => month.to_string(),
                    cldr::YEAR => year.to_string(),
                    c => c.to_string(),
                }).collect();
                let read = parse_connected_text(&text, Some(calendar.language), NOW)
                    .map(|d| d.date.to_string());
                prop_assert_eq!(read, Ok(format!("{year}-{month:02}-{day:02}")), "{} {:?}", calendar.language, text);
            }
        }
    }
}
