//! LinkedIn's words as data: the English words of a connection card's date
//! line ("Connected on August 7, 2024", "Connected 2 weeks ago") and the
//! month names the export's dates use, read from the `connected` block of
//! `linkedin/words/en.json` at the top of the repository, the same file the
//! content script bundles. Supporting another language is adding its table
//! there, not editing this code.
//!
//! The `connected` block is turned into a Rust table when the crate is
//! built (`build.rs`): the .wasm carries these few words, not the whole
//! file and the code that would parse it. A table without the shape read here fails
//! the build; nothing is parsed, and nothing can fail, at run time.

/// What a relative date's unit counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Seconds, minutes, hours: the day the page was read.
    Today,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

/// The words of the connection date line, lower case, as the table holds
/// them.
#[derive(Debug, PartialEq, Eq)]
pub struct ConnectedWords {
    /// The line's first word ("connected").
    pub prefix: &'static str,
    /// The sent invitation line's first word ("sent"), followed by the
    /// same words as a connection's relative date.
    pub sent_prefix: &'static str,
    /// The word before an absolute date ("on").
    pub absolute_marker: &'static str,
    /// The word after a relative amount ("ago").
    pub ago_suffix: &'static str,
    /// Whole lines (after the prefix) that mean the day it was read.
    pub today: &'static [&'static str],
    /// Whole lines (after the prefix) that mean the day before.
    pub yesterday: &'static [&'static str],
    /// Words that stand for the amount 1 ("a", "an", "one").
    pub one: &'static [&'static str],
    /// Each unit word, singular, with what it counts in.
    pub units: &'static [(&'static str, Unit)],
    /// For each month in order, its name and abbreviations.
    pub months: &'static [&'static [&'static str]],
}

impl ConnectedWords {
    /// What the unit word `name` (singular) counts in.
    pub fn unit(&self, name: &str) -> Option<Unit> {
        self.units.iter().find(|(w, _)| *w == name).map(|&(_, u)| u)
    }
}

include!(concat!(env!("OUT_DIR"), "/words_en.rs"));

/// The English connection words.
pub fn english() -> &'static ConnectedWords {
    &ENGLISH
}

/// The month number for an English month name or its abbreviation
/// ("August", "Aug", "aug.", "Sept"), from the table.
pub fn month_from_name(name: &str) -> Option<u8> {
    let name = name.trim_end_matches('.').to_lowercase();
    english()
        .months
        .iter()
        .position(|names| names.contains(&name.as_str()))
        .and_then(|i| u8::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The month names as the Rust list held them before the table.
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];

    /// The month lookup as it was written in Rust before the words moved
    /// to the table: the table must answer exactly as it did.
    fn month_before_the_table(name: &str) -> Option<u8> {
        let name = name.trim_end_matches('.').to_lowercase();
        if name == "sept" {
            return Some(9);
        }
        MONTHS
            .iter()
            .position(|m| *m == name || (name.len() == 3 && m.starts_with(&name)))
            .map(|i| i as u8 + 1)
    }

    #[test]
    fn the_english_table_holds_every_word_the_core_reads() {
        let words = english();
        assert_eq!(words.prefix, "connected");
        assert_eq!(words.absolute_marker, "on");
        assert_eq!(words.ago_suffix, "ago");
        assert_eq!(words.today, ["today", "just now"]);
        assert_eq!(words.yesterday, ["yesterday"]);
        assert_eq!(words.one, ["a", "an", "one"]);
        let unit = |w: &str| words.unit(w);
        for w in ["second", "minute", "hour"] {
            assert_eq!(unit(w), Some(Unit::Today), "{w}");
        }
        assert_eq!(unit("day"), Some(Unit::Day));
        assert_eq!(unit("week"), Some(Unit::Week));
        assert_eq!(unit("month"), Some(Unit::Month));
        assert_eq!(unit("year"), Some(Unit::Year));
        assert_eq!(words.units.len(), 7);
        assert_eq!(words.months.len(), 12);
        // Lower case, as the lookups compare.
        let all = words
            .months
            .iter()
            .flat_map(|m| m.iter())
            .chain(words.today)
            .chain(words.yesterday)
            .chain(words.one)
            .chain(words.units.iter().map(|(w, _)| w));
        for word in all {
            assert_eq!(*word, word.to_lowercase());
        }
    }

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_from_name("August"), Some(8));
        assert_eq!(month_from_name("aug"), Some(8));
        assert_eq!(month_from_name("Sept."), Some(9));
        assert_eq!(month_from_name("Ma"), None);
        assert_eq!(month_from_name("Augustus"), None);
    }

    #[test]
    fn months_from_the_table_answer_as_the_rust_list_did() {
        let mut names: Vec<String> = Vec::new();
        for full in MONTHS {
            for cut in 1..=full.len() {
                let part = &full[..cut];
                names.push(part.to_string());
                names.push(format!("{part}."));
                names.push(part.to_uppercase());
                names.push(format!("{part}x"));
            }
        }
        names.extend(
            [
                "sept", "Sept.", "SEPT", "septe", "", ".", "may.", "mai", "dez", "12",
            ]
            .map(String::from),
        );
        for name in &names {
            assert_eq!(
                month_from_name(name),
                month_before_the_table(name),
                "{name:?}"
            );
        }
    }
}
