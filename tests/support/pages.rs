//! The page readings the whole-core test files build: a connections page
//! with its total and cards, and a card with a profile link. Included with
//! `#[path]` by tests/model.rs, tests/plan.rs and the other support files.
#![allow(dead_code)]

use netprune::intake::reading::{Card, CountTokens, PageKind, PageReading};

/// The connections page showing `total` and `cards`.
pub fn connections_page(total: &str, cards: Vec<Card>) -> PageReading {
    PageReading {
        page: Some(PageKind::Connections),
        url: "https://www.linkedin.com/mynetwork/invite-connect/connections/".into(),
        recognised: true,
        generation: Some("sdui-2026".into()),
        counts: CountTokens {
            connections: Some(total.into()),
            ..Default::default()
        },
        cards,
        ..Default::default()
    }
}

/// A card linking to `/in/<slug>/` under `name`, with nothing else read.
pub fn linked_card(slug: &str, name: String) -> Card {
    Card {
        profile_url: format!("/in/{slug}/"),
        name,
        headline: None,
        connected_text: None,
    }
}
