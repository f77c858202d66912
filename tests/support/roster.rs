//! What the query test files share: people built directly with a small
//! builder, a roster of them with the reference engine's keys and flags, and
//! helpers that run a query over it (checking the shipped index answers the
//! same). Included by `tests/query_*.rs` with `#[path]`.
#![allow(dead_code, unused_imports)]

#[path = "reference_engine.rs"]
pub mod reference_engine;

pub use netprune::intake::reading::{ConnectedDate, DatePrecision};
pub use netprune::network::calendar::{CivilDate, TimeMs};
pub use netprune::network::contact::{Interaction, InvitedBy};
pub use netprune::network::model::{Person, Source};
pub use netprune::search::fold::fold;
pub use netprune::search::index::SearchIndex;
pub use netprune::search::query::{help, parse, Flags, Query, QueryError, SortOrder};
pub use proptest::prelude::*;
pub use reference_engine::{run, SearchKeys};
pub use std::collections::BTreeSet;

// 2026-11-21T12:00:00Z
pub const NOW: TimeMs = 1_795_262_400_000;

pub fn day(y: i32, m: u8, d: u8) -> CivilDate {
    CivilDate::new(y, m, d).unwrap()
}

/// Every `is:` and `has:` filter the query language knows.
pub const FLAG_TERMS: &[&str] = &[
    "is:kept",
    "is:queued",
    "is:removed",
    "is:gone",
    "has:date",
    "has:headline",
];

/// A person as the model holds them; the builder methods fill the rest.
pub fn person(slug: &str, name: &str) -> Person {
    Person::new(slug.into(), name.into(), Source::ConnectionsPage, NOW)
}

pub trait With {
    fn headline(self, text: &str) -> Self;
    fn company(self, text: &str) -> Self;
    fn position(self, text: &str) -> Self;
    fn connected(self, date: CivilDate) -> Self;
}

impl With for Person {
    fn headline(mut self, text: &str) -> Self {
        self.headline = Some(text.into());
        self
    }
    fn company(mut self, text: &str) -> Self {
        self.company = Some(text.into());
        self
    }
    fn position(mut self, text: &str) -> Self {
        self.position = Some(text.into());
        self
    }
    fn connected(mut self, date: CivilDate) -> Self {
        self.connected = Some(ConnectedDate {
            date,
            precision: DatePrecision::Day,
        });
        self
    }
}

/// Gives `person` what a data archive says of them.
pub fn with_contact(mut person: Person, contact: Option<Interaction>) -> Person {
    person.relations_mut().contact = contact;
    person.tidy_relations();
    person
}

/// Every person's flags with their contact: `messages_known` when an
/// archive with messages was imported.
pub fn contact_flags(people: &[Person], flags: &[Flags], messages_known: bool) -> Vec<Flags> {
    people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            flags
                .get(i)
                .copied()
                .unwrap_or_default()
                .with_contact(p.contact(), messages_known)
        })
        .collect()
}

/// What an archive may say of someone: often nothing; message days around
/// 2019-2026 (days 18,000 to 20,800), sometimes none though counted.
pub fn arb_contact() -> impl Strategy<Value = Option<Interaction>> {
    proptest::option::weighted(
        0.6,
        (
            proptest::option::weighted(0.8, 18_000i32..20_800),
            0u32..4,
            0u32..4,
            proptest::option::of(any::<bool>()),
            any::<[bool; 4]>(),
        )
            .prop_map(
                |(last, sent, received, invited, [eg, er, rg, rr])| Interaction {
                    sent: if last.is_some() { sent } else { 0 },
                    received: if last.is_some() { received } else { 0 },
                    conversations: u32::from(last.is_some()),
                    first_message: last.map(|d| d - 100),
                    last_message: last,
                    invited_by: invited.map(|me| {
                        if me {
                            InvitedBy::Them
                        } else {
                            InvitedBy::Member
                        }
                    }),
                    invited_on: invited.map(|_| 17_000),
                    endorsements_given: u32::from(eg),
                    endorsements_received: u32::from(er),
                    recommendations_given: u32::from(rg),
                    recommendations_received: u32::from(rr),
                },
            ),
    )
}

#[derive(Debug)]
pub struct Roster {
    pub people: Vec<Person>,
    pub keys: Vec<SearchKeys>,
    pub flags: Vec<Flags>,
}

impl Roster {
    pub fn new(people: Vec<Person>) -> Self {
        let flags = vec![Flags::default(); people.len()];
        Self::with_flags(people, flags)
    }

    pub fn with_flags(people: Vec<Person>, flags: Vec<Flags>) -> Self {
        let keys = SearchKeys::for_people(&people);
        Self {
            people,
            keys,
            flags,
        }
    }

    /// The same people with keys built one at a time: sorted by text.
    pub fn unranked(&self) -> Self {
        Self {
            people: self.people.clone(),
            keys: self.people.iter().map(SearchKeys::new).collect(),
            flags: self.flags.clone(),
        }
    }

    /// The reference answer, checked against the search index the network
    /// uses (which must answer every query the same).
    pub fn indices(&self, text: &str) -> Vec<u32> {
        let query = parse(text, NOW).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let found = run(&query, &self.people, &self.keys, &self.flags);
        let indexed = SearchIndex::new(&self.people).run(&self.people, &query, &self.flags);
        assert_eq!(indexed, found, "the search index disagrees on {text:?}");
        found
    }

    /// The slugs found, in the query's order.
    pub fn find(&self, query: &str) -> Vec<&str> {
        self.indices(query)
            .into_iter()
            .map(|i| self.people[i as usize].slug.as_str())
            .collect()
    }

    /// The slugs found, as a set.
    pub fn set(&self, query: &str) -> BTreeSet<&str> {
        self.find(query).into_iter().collect()
    }
}

pub fn set<'a>(slugs: &[&'a str]) -> BTreeSet<&'a str> {
    slugs.iter().copied().collect()
}

pub fn error(query: &str) -> QueryError {
    match parse(query, NOW) {
        Ok(parsed) => panic!("{query:?} should be refused, parsed as {parsed:?}"),
        Err(e) => e,
    }
}

/// A small network with one of everything.
pub fn sample() -> Roster {
    Roster::new(vec![
        person("jose", "José García")
            .headline("Head of Sales at Acme Corp")
            .company("Acme Corp")
            .position("Head of Sales")
            .connected(day(2015, 3, 10)),
        person("zoe", "Zoë Ørsted")
            .headline("Recruiter")
            .connected(day(2024, 1, 1)),
        person("lukasz", "Łukasz Straße")
            .company("Globex")
            .position("Engineer")
            .connected(day(2023, 12, 31)),
        person("wang", "王小明").headline("Engineer at 字节跳动"),
        person("anon", "Anon Ymous"),
    ])
}

pub fn dated() -> Roster {
    Roster::new(vec![
        person("d2019", "A").connected(day(2019, 12, 31)),
        person("d2020", "B").connected(day(2020, 1, 1)),
        person("d2020-06-14", "C").connected(day(2020, 6, 14)),
        person("d2020-06-15", "D").connected(day(2020, 6, 15)),
        person("d2021", "E").connected(day(2021, 11, 20)),
        person("d5y", "F").connected(day(2021, 11, 21)),
        person("d30d-out", "G").connected(day(2026, 10, 21)),
        person("d30d-in", "H").connected(day(2026, 10, 22)),
        person("unknown", "I"),
    ])
}

pub fn indices(query: &Query, net: &Roster) -> Vec<u32> {
    run(query, &net.people, &net.keys, &net.flags)
}

pub fn index_set(query: &str, net: &Roster) -> BTreeSet<u32> {
    indices(&parse(query, NOW).unwrap(), net)
        .into_iter()
        .collect()
}
