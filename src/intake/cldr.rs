//! LinkedIn's UI languages as Unicode CLDR writes them: month names, the
//! long and medium date patterns (the order of day, month and year and the
//! literal text between them, "d. MMMM y", "y年M月d日", "d 'de' MMMM 'de' y"),
//! the digits, decimal and group symbols, and the short compact suffixes
//! ("mil", "万"), plus the words each `linkedin/words/<lang>.json`
//! knows around a card's date ("Bağlantı kurulma tarihi:", "につながりました").
//!
//! `tools/cldr-tables.mjs` writes `linkedin/cldr/dates.json` from CLDR's npm
//! packages; `build.rs` turns it into the static table included here, with
//! every word folded as [`crate::search::fold`] folds the page's text. A
//! table of the wrong shape fails the build; nothing is parsed at run time.

/// One UI language's calendar and number words.
#[derive(Debug, PartialEq, Eq)]
pub struct Calendar {
    /// The language code, lower case ("de", "pt", "zh-hant").
    pub language: &'static str,
    /// The month names, folded, without a final dot: each month's names
    /// separated by `|`, the months (January first) by `;`; an abbreviation
    /// that starts the month's first name is written as its length, one
    /// character below a space (read through [`Calendar::months`]).
    pub months: &'static str,
    /// Date patterns, separated by `|`: [`DAY`], [`MONTH_NAME`],
    /// [`MONTH_NUMBER`] and [`YEAR`] stand for the fields, anything else is
    /// folded literal text, a space standing for any space (or none).
    pub dates: &'static str,
    /// The decimal symbol.
    pub decimal: char,
    /// The digit group symbol.
    pub group: char,
    /// Compact suffixes, folded, without a final dot, with the power of ten
    /// they multiply by ("k", 3), ("万", 4).
    pub compact: &'static [(&'static str, u8)],
}

/// The day of the month in [`Calendar::dates`].
pub const DAY: char = '\u{1}';
/// A month's name.
pub const MONTH_NAME: char = '\u{2}';
/// A month's number.
pub const MONTH_NUMBER: char = '\u{3}';
/// The year.
pub const YEAR: char = '\u{4}';

include!(concat!(env!("OUT_DIR"), "/cldr.rs"));

/// The calendar of a page's language (`<html lang>`: "de", "pt-BR",
/// "zh-TW", "in"): the whole tag, its alias, or its language part.
pub fn calendar(tag: &str) -> Option<&'static Calendar> {
    let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
    let find = |code: &str| {
        let code = ALIASES
            .iter()
            .find(|(alias, _)| *alias == code)
            .map_or(code, |&(_, language)| language);
        CALENDARS.iter().find(|c| c.language == code)
    };
    find(&tag).or_else(|| find(tag.split('-').next().unwrap_or("")))
}

/// Every language's table.
pub fn calendars() -> &'static [Calendar] {
    CALENDARS
}

/// The value of a digit in any of the digit sets LinkedIn's languages use
/// (ASCII, Arabic-Indic, Devanagari, Thai, full-width, …).
pub fn digit_value(c: char) -> Option<u8> {
    let code = u32::from(c);
    ZEROS.iter().find_map(|&zero| {
        let d = code.checked_sub(u32::from(zero))?;
        u8::try_from(d).ok().filter(|d| *d <= 9)
    })
}

/// `text` with every digit written as ASCII and format characters (bidi
/// marks) dropped, then folded as search folds it.
pub fn normalise(text: &str) -> String {
    let plain: String = text
        .chars()
        .filter(|c| {
            !matches!(c, '\u{200b}'..='\u{200f}' | '\u{061c}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
        })
        .map(|c| match digit_value(c) {
            Some(d) => char::from(b'0' + d),
            None => c,
        })
        .collect();
    crate::search::fold::fold(&plain)
}

impl Calendar {
    /// The date patterns (see [`Calendar::dates`]).
    pub fn patterns(&self) -> std::str::Split<'static, char> {
        self.dates.split('|')
    }

    /// The words known to stand before and after a card's date in this
    /// language (`connected.before`/`after` of its word table, evidence only).
    pub fn date_words(&self) -> (&'static [&'static str], &'static [&'static str]) {
        DATE_WORDS
            .iter()
            .find(|(language, _, _)| *language == self.language)
            .map_or((&[], &[]), |&(_, before, after)| (before, after))
    }

    /// Each month (1–12) with its names.
    pub fn months(&self) -> impl Iterator<Item = (u8, impl Iterator<Item = &'static str>)> {
        (1u8..).zip(self.months.split(';').map(|names| {
            let first = names.split('|').next().unwrap_or("");
            // A one-character name below a space is the length of an
            // abbreviation that starts the first name (build.rs).
            names
                .split('|')
                .filter_map(move |name| match name.as_bytes() {
                    [len] if *len < b' ' => first.get(..usize::from(*len)),
                    _ => Some(name),
                })
        }))
    }

    /// The month whose name `text` starts with, and the name's length in
    /// bytes: the longest name that is not followed by another letter.
    pub fn month_at(&self, text: &str) -> Option<(u8, usize)> {
        let mut best: Option<(u8, usize)> = None;
        for (month, names) in self.months() {
            for name in names {
                let Some(rest) = text.strip_prefix(name) else {
                    continue;
                };
                let ends_word = name.chars().last().is_some_and(char::is_alphabetic);
                if ends_word && rest.starts_with(char::is_alphabetic) {
                    continue;
                }
                if best.is_none_or(|(_, len)| name.len() > len) {
                    best = Some((month, name.len()));
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_found_by_tag_alias_or_language() {
        assert_eq!(calendar("de").map(|c| c.language), Some("de"));
        assert_eq!(calendar("pt-BR").map(|c| c.language), Some("pt"));
        assert_eq!(calendar("zh-TW").map(|c| c.language), Some("zh-hant"));
        assert_eq!(calendar("zh-CN").map(|c| c.language), Some("zh"));
        assert_eq!(calendar("in").map(|c| c.language), Some("id"));
        assert_eq!(calendar("no_NO").map(|c| c.language), Some("nb"));
        assert_eq!(calendar("xx"), None);
        assert_eq!(calendar(""), None);
    }

    #[test]
    fn the_brief_s_languages_are_all_there() {
        for language in [
            "en", "de", "es", "fr", "it", "nl", "pl", "pt", "tr", "ja", "sv", "da", "nb", "ru",
            "zh", "ko", "cs", "ro", "id", "ms", "th", "ar", "hi",
        ] {
            let c = calendar(language).unwrap();
            assert_eq!(c.months().count(), 12, "{language}");
            assert!(c.patterns().count() >= 1, "{language}");
        }
    }

    #[test]
    fn month_names_come_from_cldr_folded() {
        let de = calendar("de").unwrap();
        assert_eq!(de.month_at("marz 2024"), Some((3, 4)));
        assert_eq!(de.month_at("okt"), Some((10, 3)));
        assert_eq!(de.month_at("oktopus"), None);
        let tr = calendar("tr").unwrap();
        assert_eq!(tr.month_at("mayis"), Some((5, 5)));
        assert_eq!(tr.month_at("may"), Some((5, 3)));
        assert_eq!(
            calendar("ru").unwrap().month_at("мая").map(|m| m.0),
            Some(5)
        );
        assert_eq!(
            calendar("ru").unwrap().month_at("май").map(|m| m.0),
            Some(5)
        );
    }

    #[test]
    fn digits_of_other_scripts_read_as_ascii() {
        assert_eq!(normalise("١٬٢١٧"), "1٬217");
        assert_eq!(normalise("２０２５年"), "2025年");
        assert_eq!(normalise("\u{200f}24 Okt."), "24 okt.");
        assert_eq!(digit_value('x'), None);
    }
}
