//! What the content script reads off a LinkedIn page, and what that text means.
//!
//! The content script sends text exactly as the page showed it ("1,234",
//! "3.4K", "500+", "Connected 2 weeks ago", an `/in/<slug>/` href). This module
//! turns it into numbers, dates and identities, once, with tests, so no rule
//! about LinkedIn's wording lives in JavaScript. It never touches the DOM and
//! never reads a clock: relative dates are resolved against the time the
//! caller says the page was read.

use crate::intake::cldr;
use crate::intake::words::{self, month_from_name, Unit};
use crate::network::calendar::{CivilDate, TimeMs};
// The types a reading's text turns into belong to the network; they are
// re-exported here, where they are parsed.
pub use crate::network::calendar::{ConnectedDate, DatePrecision};
pub use crate::network::figure::{Figure, Precision};
pub use crate::network::model::PageKind;
pub use crate::network::text::clean_text;
use crate::network::text::collapse_whitespace;
use serde::{Deserialize, Serialize};
use std::fmt;

mod connected;
mod dates;
pub use connected::{parse_connected_text, parse_sent_text};

/// One reading of a page, as the content script sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageReading {
    /// The page the reading came from.
    pub page: Option<PageKind>,
    /// `location.href` when it was read.
    pub url: String,
    /// Whether the script recognised the page's markup.
    pub recognised: bool,
    /// The markup generation ("artdeco", "react-2025", "sdui-2026").
    #[serde(default)]
    pub generation: Option<String>,
    /// Why the page was not recognised.
    #[serde(default)]
    pub reason: Option<String>,
    /// The page's language, its `<html lang>` ("en", "de", "pt-BR", "ja"):
    /// dates and counts are read in it. Absent: English, as before.
    #[serde(default)]
    pub language: Option<String>,
    /// The count tokens the page showed.
    #[serde(default)]
    pub counts: CountTokens,
    /// The connection cards rendered when it was read.
    #[serde(default)]
    pub cards: Vec<Card>,
    /// The sent invitations page's cards rendered when it was read.
    #[serde(default)]
    pub invitations: Vec<InvitationCard>,
    /// The following page's people rendered when it was read.
    #[serde(default)]
    pub follows: Vec<FollowCard>,
    /// The followers page's people rendered when it was read.
    #[serde(default)]
    pub followers: Vec<FollowerCard>,
    /// The end of the list (sent invitations, following, followers) was on
    /// screen.
    #[serde(default)]
    pub list_end: bool,
}

/// One card of the sent invitations page as rendered.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvitationCard {
    /// The card's profile link, as written in the page.
    pub profile_url: String,
    /// The name shown.
    pub name: String,
    /// The headline shown, if any.
    #[serde(default)]
    pub headline: Option<String>,
    /// "Sent 3 months ago", "Sent today", if shown.
    #[serde(default)]
    pub sent_text: Option<String>,
    /// Whether the card shows a note; absent where the markup shows no sign.
    #[serde(default)]
    pub has_note: Option<bool>,
}

/// One person on the following page as rendered.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowCard {
    /// The row's profile link, as written in the page.
    pub profile_url: String,
    /// The name shown.
    pub name: String,
    /// The detail line shown, if any.
    #[serde(default)]
    pub headline: Option<String>,
}

/// One person on the followers page as rendered.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowerCard {
    /// The row's profile link, as written in the page.
    pub profile_url: String,
    /// The name shown.
    pub name: String,
    /// The detail line shown, if any.
    #[serde(default)]
    pub headline: Option<String>,
    /// The row's button: "Following" (the member follows them too) is
    /// true, "Follow" false; absent or null when it could not be told.
    #[serde(default)]
    pub follows_back: Option<bool>,
}

/// Count tokens as shown ("1,234", "3.4K", "500+"), each absent when the page
/// did not show it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CountTokens {
    /// The connections figure.
    #[serde(default)]
    pub connections: Option<String>,
    /// The followers figure.
    #[serde(default)]
    pub followers: Option<String>,
    /// The following figure.
    #[serde(default)]
    pub following: Option<String>,
    /// The sent invitations total ("People (1,100)").
    #[serde(default)]
    pub invitations: Option<String>,
}

/// One connection card as rendered.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    /// The card's profile link, as written in the page.
    pub profile_url: String,
    /// The name shown.
    pub name: String,
    /// The headline shown, if any.
    #[serde(default)]
    pub headline: Option<String>,
    /// "Connected 2 weeks ago", "Connected on August 7, 2024", if shown.
    #[serde(default)]
    pub connected_text: Option<String>,
}

/// Text the core could not make sense of, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextError {
    what: &'static str,
    text: String,
    why: &'static str,
}

impl TextError {
    fn new(what: &'static str, text: &str, why: &'static str) -> Self {
        let mut shown: String = text.chars().take(80).collect();
        if shown.len() < text.len() {
            shown.push('…');
        }
        Self {
            what,
            text: shown,
            why,
        }
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:?} not understood: {}",
            self.what, self.text, self.why
        )
    }
}

impl std::error::Error for TextError {}

fn is_group_separator(c: char) -> bool {
    matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\'' | '’')
}

/// Parses a count token: "1,234", "1.234", "1 234", "3.4K", "3,4K", "1.2M",
/// "500+". Bounds keep a stale or mangled token from becoming a wrong count.
pub fn parse_count(token: &str) -> Result<Figure, TextError> {
    parse_count_in(token, None)
}

/// [`parse_count`] on a page in `language` (`<html lang>`): its digits
/// ("١٬٢١٧", "１,２１７"), its CLDR group symbol and its short compact
/// suffixes ("3,4 mil", "1.2万", "5 тыс.") are read as well.
pub fn parse_count_in(token: &str, language: Option<&str>) -> Result<Figure, TextError> {
    let err = |why| TextError::new("count", token, why);
    let shown = token.trim();
    if shown.is_empty() {
        return Err(err("it is empty"));
    }
    if shown.chars().count() > 24 {
        return Err(err("it is too long to be a count"));
    }
    let calendar = language.and_then(cldr::calendar);
    // Every digit as ASCII, bidi marks dropped, folded (lower case, one
    // space for any space), the language's group and decimal symbols as the
    // separators read below.
    let plain: String = cldr::normalise(shown)
        .chars()
        .map(|c| match calendar {
            Some(l) if l.group == c && !is_group_separator(c) => ',',
            Some(l) if l.decimal == c && !is_group_separator(c) => '.',
            _ => c,
        })
        .collect();
    let (body, at_least) = match plain.strip_suffix('+') {
        Some(rest) => (rest.trim_end(), true),
        None => (plain.as_str(), false),
    };
    let compact = calendar.and_then(|l| compact_suffix(l, body));
    let (body, multiplier) = match (compact, body.chars().last().map(|c| c.to_ascii_uppercase())) {
        (Some((rest, power)), _) => (rest, 10u64.pow(u32::from(power))),
        (None, Some('K')) => (&body[..body.len() - 1], 1_000u64),
        (None, Some('M')) => (&body[..body.len() - 1], 1_000_000u64),
        (None, Some('B')) => (&body[..body.len() - 1], 1_000_000_000u64),
        _ => (body, 1u64),
    };
    let body = body.trim_end();
    if body.is_empty() || !body.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(err("it does not start with a digit"));
    }
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || is_group_separator(c))
    {
        return Err(err("it holds characters that are not digits"));
    }

    if multiplier > 1 {
        // An abbreviation: one decimal separator at most, and it is a decimal
        // point whichever of '.' or ',' the locale uses.
        let parts: Vec<&str> = body.split(['.', ',']).collect();
        let (whole, frac) = match parts.as_slice() {
            [whole] => (*whole, ""),
            [whole, frac] if !frac.is_empty() && frac.len() <= 3 => (*whole, *frac),
            _ => {
                return Err(err(
                    "an abbreviated count has one decimal separator at most",
                ))
            }
        };
        if !whole.chars().all(|c| c.is_ascii_digit()) || whole.len() > 4 {
            return Err(err("an abbreviated count has at most four whole digits"));
        }
        let whole: u64 = whole
            .parse()
            .map_err(|_| err("the digits do not form a number"))?;
        let scale = 10u64.pow(frac.len() as u32);
        let frac_value: u64 = if frac.is_empty() {
            0
        } else {
            frac.parse()
                .map_err(|_| err("the digits do not form a number"))?
        };
        let unit = multiplier / scale;
        let value = whole * multiplier + frac_value * unit;
        let (low, high) = if at_least {
            (value, None)
        } else {
            (value.saturating_sub(unit / 2), Some(value + (unit - 1) / 2))
        };
        let precision = if at_least {
            Precision::AtLeast
        } else {
            Precision::Approximate
        };
        return Ok(Figure {
            value,
            precision,
            shown: shown.to_string(),
            low,
            high,
        });
    }

    // Plain digits with optional group separators: every group after the
    // first has three digits, so "1.2" (a decimal, not a count) is refused.
    let groups: Vec<&str> = body.split(is_group_separator).collect();
    let first_ok = groups
        .first()
        .is_some_and(|g| (1..=3).contains(&g.len()) || groups.len() == 1);
    if !first_ok || groups.iter().skip(1).any(|g| g.len() != 3) {
        return Err(err("its digit groups are not thousands"));
    }
    let digits: String = groups.concat();
    if digits.len() > 12 {
        return Err(err("it is too large to be a count"));
    }
    let value: u64 = digits
        .parse()
        .map_err(|_| err("the digits do not form a number"))?;
    let (precision, high) = if at_least {
        (Precision::AtLeast, None)
    } else {
        (Precision::Exact, Some(value))
    };
    Ok(Figure {
        value,
        precision,
        shown: shown.to_string(),
        low: value,
        high,
    })
}

/// `body` (folded) without the language's compact suffix it ends with
/// ("3,4 mil", "1.2万", "5 тыс."), and the suffix's power of ten; the
/// longest suffix wins, and one that is the end of a longer word does not
/// count.
fn compact_suffix<'a>(calendar: &cldr::Calendar, body: &'a str) -> Option<(&'a str, u8)> {
    let body = body.trim_end().trim_end_matches('.');
    let mut best: Option<(&str, u8, usize)> = None;
    for &(suffix, power) in calendar.compact {
        let Some(rest) = body.strip_suffix(suffix) else {
            continue;
        };
        let joined = suffix.starts_with(char::is_alphabetic) && rest.ends_with(char::is_alphabetic);
        if !joined && best.is_none_or(|(_, _, len)| suffix.len() > len) {
            best = Some((rest.trim_end(), power, suffix.len()));
        }
    }
    best.map(|(rest, power, _)| (rest, power))
}

/// The profile slug of an `/in/<slug>/` link, decoded and lower-cased, so the
/// same person read from the page and from the export gets the same key.
/// Accepts a path or an absolute linkedin.com URL, with or without a query.
pub fn slug_from_profile_url(url: &str) -> Result<String, TextError> {
    let err = |why| TextError::new("profile link", url, why);
    let trimmed = url.trim();
    let path = if let Some(rest) = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
    {
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let host = host.to_ascii_lowercase();
        if host != "linkedin.com" && !host.ends_with(".linkedin.com") {
            return Err(err("it is not a linkedin.com link"));
        }
        path
    } else {
        trimmed
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    let rest = path
        .strip_prefix("/in/")
        .ok_or_else(|| err("it is not an /in/<name>/ profile link"))?;
    let raw = rest.trim_end_matches('/');
    if raw.is_empty() || raw.contains('/') {
        return Err(err("it is not an /in/<name>/ profile link"));
    }
    let decoded = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .map_err(|_| err("its percent-encoding is not UTF-8"))?;
    if decoded.is_ascii() {
        // The same checks, a byte at a time (most slugs are ASCII).
        if decoded.len() > 200 {
            return Err(err("the profile name is too long"));
        }
        if decoded
            .bytes()
            .any(|b| b.is_ascii_control() || b == b' ' || b == b'/')
        {
            return Err(err("the profile name holds spaces or control characters"));
        }
        return Ok(decoded.to_ascii_lowercase());
    }
    if decoded.chars().count() > 200 {
        return Err(err("the profile name is too long"));
    }
    if decoded
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '/')
    {
        return Err(err("the profile name holds spaces or control characters"));
    }
    Ok(decoded.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn figure(token: &str) -> (u64, Precision, u64, Option<u64>) {
        let f = parse_count(token).unwrap();
        (f.value, f.precision, f.low, f.high)
    }

    #[test]
    fn exact_counts_with_any_thousands_separator() {
        assert_eq!(figure("1,234"), (1234, Precision::Exact, 1234, Some(1234)));
        assert_eq!(figure("1.234"), (1234, Precision::Exact, 1234, Some(1234)));
        assert_eq!(
            figure("1\u{202f}234"),
            (1234, Precision::Exact, 1234, Some(1234))
        );
        assert_eq!(
            figure("30,000"),
            (30000, Precision::Exact, 30000, Some(30000))
        );
        assert_eq!(figure("0"), (0, Precision::Exact, 0, Some(0)));
        assert_eq!(figure(" 12 "), (12, Precision::Exact, 12, Some(12)));
    }

    #[test]
    fn abbreviated_counts_keep_only_the_precision_shown() {
        assert_eq!(
            figure("3.4K"),
            (3400, Precision::Approximate, 3350, Some(3449))
        );
        assert_eq!(
            figure("3,4K"),
            (3400, Precision::Approximate, 3350, Some(3449))
        );
        assert_eq!(
            figure("12K"),
            (12000, Precision::Approximate, 11500, Some(12499))
        );
        assert_eq!(
            figure("1.2M"),
            (
                1_200_000,
                Precision::Approximate,
                1_150_000,
                Some(1_249_999)
            )
        );
    }

    #[test]
    fn plus_is_a_floor() {
        assert_eq!(figure("500+"), (500, Precision::AtLeast, 500, None));
        assert_eq!(figure("10K+"), (10_000, Precision::AtLeast, 10_000, None));
    }

    #[test]
    fn tokens_that_are_not_counts_are_refused() {
        for bad in [
            "",
            "abc",
            "1.2",
            "12,34",
            "1,2345",
            "-5",
            "1e5",
            "K",
            "3.4.5K",
            "1,234 connections",
        ] {
            assert!(parse_count(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn follow_totals_in_every_phrasing_the_evidence_shows() {
        // docs/LINKEDIN.md, "Totals": the page reader sends the figure of
        // "You are following 4 people" and of the German "7.892 Follower:innen",
        // whose dot groups thousands.
        assert_eq!(figure("4"), (4, Precision::Exact, 4, Some(4)));
        assert_eq!(figure("7.892"), (7892, Precision::Exact, 7892, Some(7892)));
        assert_eq!(figure("1.217"), (1217, Precision::Exact, 1217, Some(1217)));
        assert_eq!(figure("1 217"), (1217, Precision::Exact, 1217, Some(1217)));
    }

    #[test]
    fn count_error_names_the_token_and_reason() {
        let message = parse_count("1.2").unwrap_err().to_string();
        assert!(message.contains("\"1.2\""), "{message}");
        assert!(message.contains("thousands"), "{message}");
    }

    #[test]
    fn profile_links_in_every_form_give_one_slug() {
        for url in [
            "/in/jane-doe-1a2b3c/",
            "/in/jane-doe-1a2b3c",
            "https://www.linkedin.com/in/jane-doe-1a2b3c/",
            "https://www.linkedin.com/in/Jane-Doe-1A2B3C?miniProfileUrn=x",
            "http://linkedin.com/in/jane-doe-1a2b3c#top",
        ] {
            assert_eq!(
                slug_from_profile_url(url).unwrap(),
                "jane-doe-1a2b3c",
                "{url}"
            );
        }
    }

    #[test]
    fn percent_encoded_unicode_slugs_are_decoded() {
        assert_eq!(
            slug_from_profile_url("/in/jos%C3%A9-garc%C3%ADa-4b1a2c/").unwrap(),
            "josé-garcía-4b1a2c"
        );
    }

    #[test]
    fn links_that_are_not_profiles_are_refused() {
        for url in [
            "/company/acme/",
            "https://evil.example/in/jane/",
            "/in/",
            "/in/jane/detail/",
            "/in/%FF%FE/",
            "/in/a%20b/",
            "javascript:alert(1)",
        ] {
            assert!(
                slug_from_profile_url(url).is_err(),
                "{url} should be refused"
            );
        }
    }

    #[test]
    fn clean_text_keeps_markup_as_text_and_drops_controls() {
        assert_eq!(
            clean_text(
                "  <img src=x onerror=\"alert(1)\">\n\t Bob\u{0}\u{200b} ",
                300
            ),
            "<img src=x onerror=\"alert(1)\"> Bob"
        );
        assert_eq!(clean_text("مرحبا  עולם 👋", 300), "مرحبا עולם 👋");
        assert_eq!(clean_text("abcdef", 3), "abc");
    }

    fn figure_in(language: &str, token: &str) -> (u64, Precision) {
        let f = parse_count_in(token, Some(language)).unwrap();
        (f.value, f.precision)
    }

    #[test]
    fn stated_totals_in_each_language_s_grouping() {
        // docs/LINKEDIN.md, Totals: tr "1.217 bağlantı", de "7.892
        // Follower:innen", fr "1 217 relations" (no-break or narrow no-break
        // space), en "1,217", de-CH "1’217"; CLDR's group symbols otherwise.
        let exact = Precision::Exact;
        assert_eq!(figure_in("tr", "1.217"), (1217, exact));
        assert_eq!(figure_in("de", "7.892"), (7892, exact));
        assert_eq!(figure_in("fr", "1\u{a0}217"), (1217, exact));
        assert_eq!(figure_in("fr", "1\u{202f}217"), (1217, exact));
        assert_eq!(figure_in("en", "1,217"), (1217, exact));
        assert_eq!(figure_in("de-CH", "1’217"), (1217, exact));
        assert_eq!(figure_in("ru", "12\u{a0}345"), (12345, exact));
        assert_eq!(figure_in("pt-BR", "1.217"), (1217, exact));
        assert_eq!(figure_in("ar", "١٬٢١٧"), (1217, exact));
        assert_eq!(figure_in("ar", "\u{200f}١٬٢١٧"), (1217, exact));
        assert_eq!(figure_in("hi", "१,२१७"), (1217, exact));
        assert_eq!(figure_in("ja", "１,２１７"), (1217, exact));
        assert_eq!(figure_in("xx", "1,217"), (1217, exact));
        assert!(parse_count_in("1.2", Some("de")).is_err());
        assert!(parse_count_in("١٫٢", Some("ar")).is_err());
    }

    #[test]
    fn abbreviated_totals_in_each_language_s_compact_forms() {
        let approx = Precision::Approximate;
        assert_eq!(figure_in("en", "3.4K"), (3400, approx));
        assert_eq!(figure_in("de", "3,4K"), (3400, approx));
        assert_eq!(figure_in("fr", "3,4\u{a0}k"), (3400, approx));
        assert_eq!(figure_in("es", "3,4 mil"), (3400, approx));
        assert_eq!(figure_in("pt", "3,4 mil"), (3400, approx));
        assert_eq!(figure_in("de", "1,2 Mio."), (1_200_000, approx));
        assert_eq!(figure_in("ru", "5 тыс."), (5000, approx));
        assert_eq!(figure_in("ja", "1.2万"), (12_000, approx));
        assert_eq!(figure_in("ko", "3.4천"), (3400, approx));
        assert_eq!(figure_in("tr", "3,4 B"), (3400, approx));
        assert_eq!(figure_in("hi", "1.2 लाख"), (120_000, approx));
        assert_eq!(figure_in("ar", "٣٫٤ ألف"), (3400, approx));
        assert_eq!(figure_in("es", "10 mil+"), (10_000, Precision::AtLeast));
        assert!(parse_count_in("3,4 milhas", Some("pt")).is_err());
        assert!(parse_count_in("3,4 mil", None).is_err());
    }

    proptest! {
        #[test]
        fn parse_count_never_panics(token in "\\PC{0,30}") {
            let _ = parse_count(&token);
        }

        #[test]
        fn parse_count_in_any_language_never_panics(
            token in "\\PC{0,30}",
            language in "(en|de|fr|tr|ja|ar|hi|ru|es|pt-BR|ko|zh-TW|xx|)",
        ) {
            let _ = parse_count_in(&token, Some(&language));
        }

        #[test]
        fn exact_counts_round_trip_through_grouping(n in 0u64..1_000_000_000) {
            let digits = n.to_string();
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            let f = parse_count(&grouped).unwrap();
            prop_assert_eq!(f.value, n);
            prop_assert_eq!(f.precision, Precision::Exact);
        }

        #[test]
        fn approximate_range_contains_value(whole in 1u64..999, tenth in 0u64..10) {
            let f = parse_count(&format!("{whole}.{tenth}K")).unwrap();
            prop_assert!(f.low <= f.value && Some(f.value) <= f.high);
        }

        #[test]
        fn slug_parsing_never_panics(url in "\\PC{0,60}") {
            let _ = slug_from_profile_url(&url);
        }
    }
}
