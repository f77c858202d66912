//! Which language netprune removes in. LinkedIn shows each member the
//! account's display language; a removal clicks only by words seen on
//! LinkedIn in that language (`linkedin/words/<lang>.json`, every entry
//! citing its evidence in docs/LINKEDIN.md) or by the words the member
//! taught netprune in it (the review page's teach flow). In any other
//! language netprune reads everything and queues nobody.
//!
//! The tables' rule (a language removes when its table has the menu item
//! and the menu button naming its person) is applied by build.rs here and
//! by `removesIn` in extension/content/words.js there; a content test holds
//! the two lists together.

use crate::network::calendar::TimeMs;
use crate::network::text::clean_text;
use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/removal.rs"));

/// Longest word netprune keeps from a taught label.
const MAX_TAUGHT_CHARS: usize = 200;
/// Languages taught at most: LinkedIn ships about 36.
pub const MAX_TAUGHT_LANGUAGES: usize = 40;

/// A language tag as the tables compare it: lower-cased, "_" as "-"
/// ("pt_BR" and "pt-BR" are both "pt-br"); "" for none.
pub fn normal_tag(tag: &str) -> String {
    tag.trim().to_lowercase().replace('_', "-")
}

/// Whether netprune's own tables remove in `tag` (its own table, else its
/// primary language's: "pt-br" by "pt"); a page stating no language is
/// read as English, and so removes by English words.
pub fn tables_remove_in(tag: &str) -> bool {
    let normal = normal_tag(tag);
    if normal.is_empty() {
        return REMOVAL_LANGUAGES.contains(&"en");
    }
    let primary = normal.split('-').next().unwrap_or_default();
    REMOVAL_LANGUAGES.contains(&normal.as_str()) || REMOVAL_LANGUAGES.contains(&primary)
}

/// What the member taught netprune in one language: the words on the
/// menu item and the confirm button they pressed, and where each stood.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LearnedWords {
    /// The page's `<html lang>` when it was learned.
    pub language: String,
    /// The menu item's whole visible text.
    pub menu_item: String,
    /// The confirm button's accessible name.
    pub confirm: String,
    /// The card menu button's label with the person's name as "{name}",
    /// or null when it did not name them.
    #[serde(default)]
    pub menu_button: Option<String>,
    /// The menu item's role ("menuitem", "button", ...).
    pub item_role: String,
    /// "dialog" (native) or the dialog's role.
    pub dialog_tag: String,
    /// Whether the dialog repeated the menu item's words.
    pub dialog_says_item: bool,
    /// When the member confirmed them.
    #[serde(default)]
    pub learned_at_ms: TimeMs,
}

impl LearnedWords {
    /// The words made safe to keep, or why they cannot be.
    pub fn cleaned(self) -> Result<Self, String> {
        let word = |text: &str, what: &str| {
            let cleaned = clean_text(text, MAX_TAUGHT_CHARS);
            if cleaned.is_empty() {
                Err(format!("no {what} was recorded"))
            } else {
                Ok(cleaned)
            }
        };
        let language = normal_tag(&word(&self.language, "page language")?);
        if tables_remove_in(&language) {
            return Err(format!(
                "netprune already knows LinkedIn's removal words in {language}"
            ));
        }
        let menu_button = match self.menu_button {
            Some(label) if !clean_text(&label, MAX_TAUGHT_CHARS).is_empty() => {
                Some(clean_text(&label, MAX_TAUGHT_CHARS))
            }
            _ => None,
        };
        Ok(Self {
            language,
            menu_item: word(&self.menu_item, "menu item")?,
            confirm: word(&self.confirm, "confirm button")?,
            menu_button,
            item_role: word(&self.item_role, "menu item's place")?,
            dialog_tag: word(&self.dialog_tag, "dialog's place")?,
            dialog_says_item: self.dialog_says_item,
            learned_at_ms: self.learned_at_ms,
        })
    }
}

/// Whether netprune can remove in the member's LinkedIn language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Availability {
    /// Its own tables know the words.
    Known,
    /// The member taught them.
    Learned,
    /// Neither: netprune reads, and queues nobody.
    Unavailable,
    /// No LinkedIn page has been read yet.
    NotRead,
}

/// The member's LinkedIn language and whether netprune removes in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RemovalLanguage {
    /// The last page's `<html lang>`, as it said it; null when no page has
    /// been read or it said none (read as English).
    pub language: Option<String>,
    /// Whether removal is available in it.
    pub removal: Availability,
}

/// The removal language of a member whose last page read said `page`
/// (`None`: no page read; `Some(None)`: a page without `<html lang>`).
pub fn removal_language(page: Option<Option<&str>>, taught: &[LearnedWords]) -> RemovalLanguage {
    let Some(stated) = page else {
        return RemovalLanguage {
            language: None,
            removal: Availability::NotRead,
        };
    };
    let tag = stated.unwrap_or_default();
    let removal = if tables_remove_in(tag) {
        Availability::Known
    } else if taught.iter().any(|w| w.language == normal_tag(tag)) {
        Availability::Learned
    } else {
        Availability::Unavailable
    };
    RemovalLanguage {
        language: stated.map(str::to_string),
        removal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taught(language: &str) -> LearnedWords {
        LearnedWords {
            language: language.into(),
            menu_item: "Kontakt entfernen".into(),
            confirm: "Entfernen".into(),
            menu_button: Some("Weitere Aktionen für {name}".into()),
            item_role: "menuitem".into(),
            dialog_tag: "dialog".into(),
            dialog_says_item: true,
            learned_at_ms: 1,
        }
    }

    #[test]
    fn english_and_pages_without_a_language_remove_by_the_tables() {
        assert!(tables_remove_in("en"));
        assert!(tables_remove_in("en-GB"));
        assert!(tables_remove_in(""));
        assert_eq!(
            removal_language(Some(None), &[]).removal,
            Availability::Known
        );
    }

    #[test]
    fn a_language_without_table_words_is_unavailable_until_taught() {
        let page = Some(Some("sv-SE"));
        assert_eq!(
            removal_language(page, &[]).removal,
            Availability::Unavailable
        );
        assert_eq!(
            removal_language(page, &[taught("sv-se")]).removal,
            Availability::Learned
        );
        assert_eq!(
            removal_language(page, &[taught("da")]).removal,
            Availability::Unavailable
        );
        assert_eq!(removal_language(None, &[]).removal, Availability::NotRead);
    }

    #[test]
    fn taught_words_are_cleaned_and_never_replace_the_tables() {
        let cleaned = taught("SV_se").cleaned().unwrap();
        assert_eq!(cleaned.language, "sv-se");
        assert!(taught("en-US").cleaned().is_err());
        let mut blank = taught("sv");
        blank.confirm = " \u{200b} ".into();
        assert!(blank.cleaned().is_err());
    }
}
