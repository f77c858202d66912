//! The reference search engine's own rules (its keys keep fields apart,
//! its ranks are permutations, its fingerprints tell lists apart), and the
//! shipped search index held to it on arbitrary people and queries.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/roster.rs"]
mod roster;

use netprune::network::calendar::{CivilDate, ConnectedDate, DatePrecision};
use netprune::search::query::TextField;
use roster::reference_engine::{sort_hits, ORDERS};
use roster::*;

#[test]
fn search_keys_keep_the_fields_apart() {
    let mut p = person("jose", "José García");
    p.company = Some("Acme".into());
    p.position = Some("Head of Sales".into());
    let keys = SearchKeys::new(&p);
    assert_eq!(keys.name(), "jose garcia");
    assert_eq!(keys.company(), "acme");
    assert_eq!(keys.headline(), "");
    assert_eq!(keys.position(), "head of sales");
    assert!(!keys.has_headline());
    assert_eq!(keys.span(TextField::Title), "\nhead of sales");
    // "garcia acme" spans two fields: no bare-word match.
    assert!(!parse("\"garcia acme\"", NOW)
        .unwrap()
        .matches(&keys, Flags::default()));
    assert!(parse("\"garcia\"", NOW)
        .unwrap()
        .matches(&keys, Flags::default()));
}

#[test]
fn sort_entries_put_unknown_dates_last_both_ways() {
    let people = vec![
        person("a", "A"),
        person("b", "B").connected(day(2020, 1, 1)),
        person("c", "C").connected(day(2010, 1, 1)),
    ];
    let keys: Vec<SearchKeys> = people.iter().map(SearchKeys::new).collect();
    let mut hits = vec![0, 1, 2];
    sort_hits(&mut hits, SortOrder::Connected, &people, &keys);
    assert_eq!(hits, vec![2, 1, 0]);
    sort_hits(&mut hits, SortOrder::ConnectedDescending, &people, &keys);
    assert_eq!(hits, vec![1, 2, 0]);
}

#[test]
fn places_under_every_order_are_a_permutation() {
    let people = vec![
        person("b", "Ana").connected(day(2020, 1, 1)),
        person("a", "Ana"),
        person("c", "Álvaro").connected(day(2020, 1, 1)),
        person("d", "Zoë").connected(day(2010, 5, 5)),
    ];
    let keys = SearchKeys::for_people(&people);
    for slot in 0..ORDERS {
        let mut places: Vec<u32> = keys.iter().map(|k| k.ranks.unwrap().place[slot]).collect();
        places.sort_unstable();
        assert_eq!(places, vec![0, 1, 2, 3], "slot {slot}");
    }
    // Name order: alvaro, ana (slug a), ana (slug b), zoe.
    let name_places: Vec<u32> = keys.iter().map(|k| k.ranks.unwrap().place[0]).collect();
    assert_eq!(name_places, vec![2, 1, 0, 3]);
}

#[test]
fn lists_that_differ_in_anything_placed_have_different_fingerprints() {
    let base = vec![
        person("a", "Ana").connected(day(2020, 1, 1)),
        person("b", "Bo"),
    ];
    let fingerprint = |people: &[Person]| SearchKeys::for_people(people)[0].ranks.unwrap().batch;
    let mut redated = base.clone();
    redated[1] = person("b", "Bo").connected(day(2021, 1, 1));
    let mut renamed = base.clone();
    renamed[1].name = "Bö".into();
    let mut reordered = base.clone();
    reordered.swap(0, 1);
    let mut employed = base.clone();
    employed[0].company = Some("Acme".into());
    let mut headlined = base.clone();
    headlined[0].headline = Some("Engineer".into());
    assert_ne!(fingerprint(&base), fingerprint(&redated));
    assert_ne!(fingerprint(&base), fingerprint(&reordered));
    assert_ne!(fingerprint(&base), fingerprint(&employed));
    // "Bö" folds to "bo": same places, same fingerprint.
    assert_eq!(fingerprint(&base), fingerprint(&renamed));
    // Headlines are searched but never sorted by.
    assert_eq!(fingerprint(&base), fingerprint(&headlined));
}

fn arbitrary_person() -> impl Strategy<Value = Person> {
    let text = "[a-cé ]{0,6}";
    (
        "[a-c]{1,2}",
        text,
        proptest::option::of(text),
        proptest::option::of(text),
        proptest::option::of(text),
        proptest::option::of(0i64..40),
        arb_contact(),
    )
        .prop_map(|(slug, name, headline, company, position, day, contact)| {
            let mut p = with_contact(person(&slug, &name), contact);
            p.headline = headline;
            p.company = company;
            p.position = position;
            p.connected = day.map(|d| ConnectedDate {
                date: CivilDate::from_days(18_000 + d),
                precision: DatePrecision::Day,
            });
            p
        })
}

const QUERIES: [&str; 42] = [
    // The index's own fast paths: leading date bounds scanned on the days
    // column, a first clause of text terms scanned per field column.
    "after:2019-04-20 before:2019-05-10",
    "before:2019-05-10 after:2019-04-20 a sort:-connected",
    "after:2019-05-01 -b",
    "company:a OR company:b",
    "-company:a OR -title:b",
    "-title:a",
    "name:\"a b\" OR c after:2019-04-16",
    "",
    "a",
    "b c",
    "\"a b\"",
    "name:a",
    "company:b OR title:c",
    "-a sort:-name",
    "after:2019-04-15 sort:connected",
    "-before:2019-04-20 sort:-connected",
    "has:headline sort:company",
    "-has:date sort:-company",
    "is:kept",
    "-is:gone é",
    "sort:connected",
    "is:invited sent-before:2024-06",
    "-is:connection is:following OR sent-after:2023",
    "is:follower -is:connection",
    "-is:follower OR is:following a",
    "-sent-before:2025 é",
    "sort:-company",
    "title:\"c a\" OR is:queued sort:-name",
    // The data archive's terms, with and without an archive's messages.
    "messaged:never",
    "-messaged:never sort:contact",
    "messaged:before:2021 sort:-contact",
    "-messaged:after:2022-06 a",
    "messages:>2 OR invited:me",
    "messages:<3 -invited:them",
    "messages:0 sort:contact",
    "endorsed:any",
    "-endorsed:me OR recommended:them",
    "recommended:any sort:-contact",
    "sort:contact",
    "sort:-contact",
    "invited:me messaged:never",
    "after:2019-04-20 messaged:before:5y sort:contact",
];

proptest! {
    #[test]
    fn the_index_answers_as_the_reference_does(
        people in proptest::collection::vec(arbitrary_person(), 0..40),
        flag_bits in proptest::collection::vec(any::<u8>(), 0..40),
        sent_days in proptest::collection::vec(proptest::option::of(19_000i64..21_000), 0..40),
        messages_known in any::<bool>(),
    ) {
        let flags: Vec<Flags> = flag_bits
            .iter()
            .enumerate()
            .map(|(i, bits)| Flags {
                kept: bits & 1 != 0,
                queued: bits & 2 != 0,
                removed: bits & 4 != 0,
                gone: bits & 8 != 0,
                connection: bits & 16 != 0,
                following: bits & 32 != 0,
                invited: bits & 64 != 0,
                follower: bits & 128 != 0,
                sent_day: sent_days.get(i).copied().flatten(),
                ..Flags::default()
            })
            .collect();
        let flags = contact_flags(&people, &flags, messages_known);
        let ranked = SearchKeys::for_people(&people);
        let mut index = SearchIndex::new(&people);
        // Built whole before the first query, as the pages do while idle.
        let mut prepared = SearchIndex::new(&people);
        prepared.prepare(&people);
        for text in QUERIES {
            let query = parse(text, NOW).unwrap();
            let expected = run(&query, &people, &ranked, &flags);
            prop_assert_eq!(&index.run(&people, &query, &flags), &expected, "{}", text);
            prop_assert_eq!(&prepared.run(&people, &query, &flags), &expected, "prepared: {}", text);
        }
    }
}
