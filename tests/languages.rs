//! Readings in the page's language through the whole core: a card's date
//! line and the stated total read in Turkish, Japanese, German, French and
//! Portuguese (docs/LINKEDIN.md, "Languages: dates and totals"), the
//! language kept as the last page's, and an unknown language or a reading
//! that names none leaving dates as English alone reads them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use netprune::intake::reading::{Card, DatePrecision, PageReading, Precision};
use netprune::Snapshot;
use pages::connections_page;

#[path = "support/pages.rs"]
mod pages;

// 2026-11-21T12:00:00Z
const NOW: i64 = 1_795_262_400_000;

fn card(slug: &str, connected: &str) -> Card {
    Card {
        profile_url: format!("/in/{slug}/"),
        name: format!("Person {slug}"),
        headline: None,
        connected_text: Some(connected.into()),
    }
}

fn page_in(language: Option<&str>, total: &str, cards: Vec<Card>) -> PageReading {
    PageReading {
        language: language.map(Into::into),
        ..connections_page(total, cards)
    }
}

/// The date read for `slug`, as YYYY-MM-DD, if any.
fn date_of(n: &Snapshot, slug: &str) -> Option<String> {
    let person = n.network.person(slug).unwrap();
    person.connected.map(|c| {
        assert_eq!(c.precision, DatePrecision::Day);
        c.date.to_string()
    })
}

#[test]
fn a_page_in_each_language_gives_its_dates_and_total() {
    let cases = [
        (
            "tr",
            "1.217",
            "Bağlantı kurulma tarihi: 22 Ağustos 2024",
            "2024-08-22",
        ),
        (
            "ja",
            "1,217",
            "2025年10月24日につながりました",
            "2025-10-24",
        ),
        ("de", "1.217", "24. Oktober 2025", "2025-10-24"),
        ("fr", "1\u{202f}217", "24 avr. 2025", "2025-04-24"),
        ("pt-BR", "1.217", "24 de outubro de 2025", "2025-10-24"),
        ("en", "1,217", "Connected on June 24, 2026", "2026-06-24"),
    ];
    for (language, total, line, want) in cases {
        let mut n = Snapshot::default();
        let report = n
            .ingest(page_in(Some(language), total, vec![card("ana", line)]), NOW)
            .unwrap();
        assert!(
            report.skipped.is_empty(),
            "{language}: {:?}",
            report.skipped
        );
        assert_eq!(date_of(&n, "ana").as_deref(), Some(want), "{language}");
        let s = n.summary(NOW);
        let c = s.connections.unwrap();
        assert_eq!(
            (c.value, c.precision),
            (1217, Precision::Exact),
            "{language}"
        );
        let page = s.page.unwrap();
        assert_eq!(page.language.as_deref(), Some(language));
        let json = serde_json::to_value(&page).unwrap();
        assert_eq!(json["language"], language);
    }
}

#[test]
fn without_a_language_english_alone_is_read_and_the_summary_says_null() {
    let mut n = Snapshot::default();
    let report = n
        .ingest(
            page_in(
                None,
                "1,217",
                vec![
                    card("ana", "Connected on 8 September 2026"),
                    card("bo", "Bağlantı kurulma tarihi: 22 Ağustos 2024"),
                ],
            ),
            NOW,
        )
        .unwrap();
    assert_eq!(date_of(&n, "ana").as_deref(), Some("2026-09-08"));
    assert_eq!(date_of(&n, "bo"), None);
    assert_eq!(report.skipped.len(), 1, "{:?}", report.skipped);
    let page = n.summary(NOW).page.unwrap();
    assert_eq!(page.language, None);
    assert!(serde_json::to_value(&page).unwrap()["language"].is_null());
}

#[test]
fn an_unknown_or_malformed_language_leaves_foreign_dates_unknown() {
    for language in ["xx", "de<script>", ""] {
        let mut n = Snapshot::default();
        n.ingest(
            page_in(
                Some(language),
                "1,217",
                vec![card("ana", "24. Oktober 2025")],
            ),
            NOW,
        )
        .unwrap();
        assert_eq!(date_of(&n, "ana"), None, "{language:?}");
        let kept = n.summary(NOW).page.unwrap().language;
        let want = (language == "xx").then(|| "xx".to_string());
        assert_eq!(kept, want, "{language:?}");
    }
}

#[test]
fn the_language_survives_the_snapshot() {
    let mut n = Snapshot::default();
    n.ingest(page_in(Some("tr"), "1.217", vec![]), NOW).unwrap();
    let stored = n.to_json();
    let back = Snapshot::from_json(&stored).unwrap();
    assert_eq!(
        back.summary(NOW).page.unwrap().language.as_deref(),
        Some("tr")
    );
}
