//! What the whole-network test files share: a fake clock, connections-page
//! readings of named people, and small exports. Included by
//! `tests/network_*.rs` with `#[path]`.
#![allow(dead_code, unused_imports)]

pub use netprune::intake::collect::Outcome;
pub use netprune::intake::import::read_connections_csv;
pub use netprune::intake::reading::{Card, CountTokens, DatePrecision, PageKind, PageReading};
pub use netprune::network::model::ModelError;
pub use netprune::Snapshot;

pub const NOW: i64 = 1_795_262_400_000;
pub const MINUTE: i64 = 60_000;

#[path = "pages.rs"]
mod pages;
pub use pages::*;

pub fn page(total: &str, slugs: &[&str]) -> PageReading {
    let cards = slugs
        .iter()
        .map(|s| Card {
            headline: Some(format!("Engineer at {}", company_of(s))),
            ..linked_card(s, name_of(s))
        })
        .collect();
    connections_page(total, cards)
}

pub fn name_of(slug: &str) -> String {
    let mut name = slug.split('-').next().unwrap_or(slug).to_string();
    if let Some(first) = name.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    format!("{name} Example")
}

pub fn company_of(slug: &str) -> &'static str {
    if slug.len() % 2 == 0 {
        "Acme"
    } else {
        "Globex"
    }
}

pub fn network_of(slugs: &[&str]) -> Snapshot {
    let mut n = Snapshot::default();
    n.ingest(page(&slugs.len().to_string(), slugs), NOW)
        .unwrap();
    n
}

pub fn csv(rows: &[&str]) -> Vec<u8> {
    let mut text = String::from("Notes:\n\"Some notes, with commas.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text.into_bytes()
}
