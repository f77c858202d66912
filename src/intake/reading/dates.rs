//! A date written in a page's language, found in a card's "Connected …"
//! line by that language's CLDR date patterns ([`crate::intake::cldr`]):
//! "24. Oktober 2025", "24 de outubro de 2025", "2025年10月24日",
//! "22 Ağustos 2024". The words known around the date in that language
//! are taken off first; where none are known, a date in the language's
//! formats anywhere in the line is still read, because a date reading is
//! harmless. Nothing is guessed: a line that holds no date in the
//! language's patterns, or a day that does not exist, or one after the day
//! the page was read, leaves the date unknown.

use crate::intake::cldr::{normalise, Calendar, DAY, MONTH_NAME, MONTH_NUMBER, YEAR};
use crate::network::calendar::CivilDate;

/// Longer lines are not a card's date line.
const MAX_CHARS: usize = 200;

/// The first date in `text` written in one of `calendar`'s patterns, not
/// after `today` (one day's grace for time zones) nor before LinkedIn
/// opened (2003).
pub fn find_date(calendar: &Calendar, text: &str, today: CivilDate) -> Option<CivilDate> {
    if text.chars().count() > MAX_CHARS {
        return None;
    }
    let mut line = normalise(text);
    let (befores, afters) = calendar.date_words();
    for before in befores {
        if let Some(rest) = line.strip_prefix(before) {
            line = rest.trim_start().to_string();
        }
    }
    for after in afters {
        if let Some(rest) = line.strip_suffix(after) {
            line = rest.trim_end().to_string();
        }
    }
    let latest = today.to_days() + 1;
    for (start, _) in line.char_indices() {
        let previous = line[..start].chars().last();
        for pattern in calendar.patterns() {
            let Some(date) = match_at(calendar, pattern, &line[start..], previous) else {
                continue;
            };
            if (2003..=9999).contains(&date.year) && date.to_days() <= latest {
                return Some(date);
            }
        }
    }
    None
}

/// The date `pattern` reads at the start of `text` (`previous` is the
/// character before it, which must not run into the first field).
fn match_at(
    calendar: &Calendar,
    pattern: &str,
    text: &str,
    previous: Option<char>,
) -> Option<CivilDate> {
    let first = pattern.chars().next()?;
    let joins = |c: Option<char>| match first {
        MONTH_NAME => c.is_some_and(char::is_alphabetic),
        DAY | MONTH_NUMBER | YEAR => c.is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    if joins(previous) {
        return None;
    }
    let (mut day, mut month, mut year) = (None, None, None);
    let mut rest = text;
    let mut fields = pattern.chars().peekable();
    while let Some(field) = fields.next() {
        match field {
            DAY | MONTH_NUMBER | YEAR => {
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let fits = if field == YEAR {
                    digits == 4
                } else {
                    (1..=2).contains(&digits)
                };
                if !fits {
                    return None;
                }
                let value: u16 = rest[..digits].parse().ok()?;
                rest = &rest[digits..];
                match field {
                    DAY => day = u8::try_from(value).ok(),
                    YEAR => year = Some(i32::from(value)),
                    _ => month = u8::try_from(value).ok(),
                }
            }
            MONTH_NAME => {
                let (m, len) = calendar.month_at(rest)?;
                month = Some(m);
                rest = &rest[len..];
                // An abbreviation's dot ("avr.", "Okt.") when the pattern
                // does not write one itself.
                if fields.peek() != Some(&'.') {
                    rest = rest.strip_prefix('.').unwrap_or(rest);
                }
            }
            ' ' => rest = rest.strip_prefix(' ').unwrap_or(rest),
            literal => rest = rest.strip_prefix(literal)?,
        }
    }
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    CivilDate::new(year?, month?, day?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::cldr::calendar;

    fn read(language: &str, text: &str) -> Option<String> {
        let today = CivilDate::new(2026, 11, 21)?;
        find_date(calendar(language)?, text, today).map(|d| d.to_string())
    }

    #[test]
    fn dates_in_each_language_s_cldr_formats() {
        let cases = [
            ("de", "24. Oktober 2025", "2025-10-24"),
            ("de", "Verbunden am 24. Okt. 2025", "2025-10-24"),
            ("de", "24.10.2025", "2025-10-24"),
            ("fr", "24 avr. 2025", "2025-04-24"),
            ("fr", "24 avril 2025", "2025-04-24"),
            ("fr", "1 février 2024", "2024-02-01"),
            ("pt", "24 de outubro de 2025", "2025-10-24"),
            ("es", "24 de octubre de 2025", "2025-10-24"),
            ("it", "24 ottobre 2025", "2025-10-24"),
            ("nl", "24 oktober 2025", "2025-10-24"),
            ("pl", "24 października 2025", "2025-10-24"),
            ("ru", "24 октября 2025 г.", "2025-10-24"),
            ("cs", "24. října 2025", "2025-10-24"),
            ("sv", "24 oktober 2025", "2025-10-24"),
            ("da", "24. oktober 2025", "2025-10-24"),
            ("nb", "24. oktober 2025", "2025-10-24"),
            ("ro", "24 octombrie 2025", "2025-10-24"),
            ("id", "24 Oktober 2025", "2025-10-24"),
            ("ms", "24 Oktober 2025", "2025-10-24"),
            ("ja", "2025年10月24日", "2025-10-24"),
            ("zh", "2025年10月24日", "2025-10-24"),
            ("zh-TW", "2025年10月24日", "2025-10-24"),
            ("ko", "2025년 10월 24일", "2025-10-24"),
            ("tr", "22 Ağustos 2024", "2024-08-22"),
            ("tr", "3 Mayıs 2023", "2023-05-03"),
            ("hi", "24 अक्तूबर 2025", "2025-10-24"),
            ("ar", "٢٤ أكتوبر ٢٠٢٥", "2025-10-24"),
            ("th", "24 ต.ค. 2025", "2025-10-24"),
            ("en", "June 24, 2026", "2026-06-24"),
            ("en", "8 September 2026", "2026-09-08"),
        ];
        for (language, text, want) in cases {
            assert_eq!(
                read(language, text).as_deref(),
                Some(want),
                "{language} {text:?}"
            );
        }
    }

    #[test]
    fn no_date_no_reading() {
        for (language, text) in [
            ("de", "vor 2 Wochen"),
            ("de", "30. Februar 2024"),
            ("de", "24. Oktober 1999"),
            ("de", "24. Oktober 2027"),
            ("fr", "24 avrilx 2025"),
            ("ja", "12025年10月24日"),
            ("ja", "2025年13月24日"),
            ("en", "June 244, 2026"),
            ("tr", "Bağlantı kurulma tarihi:"),
        ] {
            assert_eq!(read(language, text), None, "{language} {text:?}");
        }
    }
}
