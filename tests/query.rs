//! The filter language through its public API: parse a query, run it over
//! people built directly, and check what matched and in which order.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/reference_engine.rs"]
mod reference_engine;

use netprune::intake::reading::{ConnectedDate, DatePrecision};
use netprune::network::calendar::{CivilDate, TimeMs};
use netprune::network::model::{Person, Source};
use netprune::search::fold::fold;
use netprune::search::index::SearchIndex;
use netprune::search::query::{help, parse, Flags, Query, QueryError, SortOrder};
use proptest::prelude::*;
use reference_engine::{run, SearchKeys};
use std::collections::BTreeSet;

// 2026-11-21T12:00:00Z
const NOW: TimeMs = 1_795_262_400_000;

fn day(y: i32, m: u8, d: u8) -> CivilDate {
    CivilDate::new(y, m, d).unwrap()
}

/// A person as the model holds them; the builder methods fill the rest.
fn person(slug: &str, name: &str) -> Person {
    Person {
        slug: slug.into(),
        name: name.into(),
        headline: None,
        company: None,
        position: None,
        connected: None,
        source: Source::ConnectionsPage,
        first_seen_ms: NOW,
        last_seen_ms: NOW,
        kept: false,
        unmatched: false,
        last_run: 0,
        gone_since_ms: None,
        removed_at_ms: None,
    }
}

trait With {
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

#[derive(Debug)]
struct Roster {
    people: Vec<Person>,
    keys: Vec<SearchKeys>,
    flags: Vec<Flags>,
}

impl Roster {
    fn new(people: Vec<Person>) -> Self {
        let flags = vec![Flags::default(); people.len()];
        Self::with_flags(people, flags)
    }

    fn with_flags(people: Vec<Person>, flags: Vec<Flags>) -> Self {
        let keys = SearchKeys::for_people(&people);
        Self {
            people,
            keys,
            flags,
        }
    }

    /// The same people with keys built one at a time: sorted by text.
    fn unranked(&self) -> Self {
        Self {
            people: self.people.clone(),
            keys: self.people.iter().map(SearchKeys::new).collect(),
            flags: self.flags.clone(),
        }
    }

    /// The reference answer, checked against the search index the network
    /// uses (which must answer every query the same).
    fn indices(&self, text: &str) -> Vec<u32> {
        let query = parse(text, NOW).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let found = run(&query, &self.people, &self.keys, &self.flags);
        let indexed = SearchIndex::new(&self.people).run(&self.people, &query, &self.flags);
        assert_eq!(indexed, found, "the search index disagrees on {text:?}");
        found
    }

    /// The slugs found, in the query's order.
    fn find(&self, query: &str) -> Vec<&str> {
        self.indices(query)
            .into_iter()
            .map(|i| self.people[i as usize].slug.as_str())
            .collect()
    }

    /// The slugs found, as a set.
    fn set(&self, query: &str) -> BTreeSet<&str> {
        self.find(query).into_iter().collect()
    }
}

fn set<'a>(slugs: &[&'a str]) -> BTreeSet<&'a str> {
    slugs.iter().copied().collect()
}

fn error(query: &str) -> QueryError {
    match parse(query, NOW) {
        Ok(parsed) => panic!("{query:?} should be refused, parsed as {parsed:?}"),
        Err(e) => e,
    }
}

/// A small network with one of everything.
fn sample() -> Roster {
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

#[test]
fn empty_query_matches_everyone_in_name_order() {
    let net = sample();
    let everyone = vec!["anon", "jose", "lukasz", "zoe", "wang"];
    assert_eq!(net.find(""), everyone);
    assert_eq!(net.find(" \t\n "), everyone);
    assert!(parse("   ", NOW).unwrap().matches_everyone());
}

#[test]
fn jose_finds_josé() {
    let net = sample();
    assert_eq!(net.find("jose"), vec!["jose"]);
    assert_eq!(net.find("JOSE"), vec!["jose"]);
    assert_eq!(net.find("garcia"), vec!["jose"]);
}

#[test]
fn accented_queries_find_plain_and_accented_text_alike() {
    let net = Roster::new(vec![
        person("plain", "Jose Garcia"),
        person("accented", "José García"),
        person("decomposed", "Jose\u{301} Garci\u{301}a"),
    ]);
    let all = set(&["plain", "accented", "decomposed"]);
    assert_eq!(net.set("jose"), all);
    assert_eq!(net.set("JOSÉ"), all);
    assert_eq!(net.set("\"josé garcía\""), all);
}

#[test]
fn letters_without_a_decomposition_still_fold() {
    let net = sample();
    assert_eq!(net.find("zoe"), vec!["zoe"]);
    assert_eq!(net.find("orsted"), vec!["zoe"]);
    assert_eq!(net.find("lukasz"), vec!["lukasz"]);
    assert_eq!(net.find("strasse"), vec!["lukasz"]);
    assert_eq!(net.find("STRAẞE"), vec!["lukasz"]);
}

#[test]
fn other_scripts_are_searched_as_written() {
    let net = sample();
    assert_eq!(net.find("小明"), vec!["wang"]);
    assert_eq!(net.find("字节"), vec!["wang"]);
}

#[test]
fn bare_words_search_name_headline_company_and_position() {
    let net = Roster::new(vec![
        person("by-name", "Acme Person"),
        person("by-headline", "B").headline("Works at Acme"),
        person("by-company", "C").company("Acme"),
        person("by-position", "D").position("Acme liaison"),
        person("none", "E").headline("Globex"),
    ]);
    assert_eq!(
        net.set("acme"),
        set(&["by-name", "by-headline", "by-company", "by-position"])
    );
}

#[test]
fn bare_words_never_match_across_two_fields() {
    let net = Roster::new(vec![person("p", "Jane Doe").company("Acme")]);
    assert!(net.find("\"doe acme\"").is_empty());
    assert!(net.find("doeacme").is_empty());
    assert_eq!(net.find("doe acme"), vec!["p"]);
}

#[test]
fn quoted_phrase_matches_as_one_substring() {
    let net = Roster::new(vec![
        person("together", "A").headline("Head of Sales"),
        person("apart", "B").headline("Sales, head office"),
    ]);
    assert_eq!(net.find("\"head of sales\""), vec!["together"]);
    assert_eq!(net.set("head sales"), set(&["together", "apart"]));
    assert_eq!(net.find("\"head   of  sales\""), vec!["together"]);
}

#[test]
fn name_field_searches_only_the_name() {
    let net = Roster::new(vec![
        person("named", "Jane Acme"),
        person("employed", "Bob").company("Acme"),
    ]);
    assert_eq!(net.find("name:acme"), vec!["named"]);
    assert_eq!(net.find("NAME:acme"), vec!["named"]);
}

#[test]
fn company_field_takes_a_quoted_value() {
    let net = Roster::new(vec![
        person("corp", "A").company("Acme Corp"),
        person("inc", "B").company("Acme Inc"),
        person("headline-only", "C").headline("Acme Corp alumnus"),
    ]);
    assert_eq!(net.find("company:\"Acme Corp\""), vec!["corp"]);
    assert_eq!(net.set("company:acme"), set(&["corp", "inc"]));
}

#[test]
fn title_means_headline_or_position() {
    let net = Roster::new(vec![
        person("headline", "A").headline("CTO at Acme"),
        person("position", "B").position("CTO"),
        person("company", "C").company("CTO Partners"),
        person("name", "Cto Smith"),
    ]);
    assert_eq!(net.set("title:cto"), set(&["headline", "position"]));
    assert_eq!(net.find("title:\"cto at\""), vec!["headline"]);
}

fn dated() -> Roster {
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

#[test]
fn before_and_after_the_same_period_partition_every_known_date() {
    let net = dated();
    for period in ["2020", "2020-06", "2020-06-15", "5y", "18m", "30d"] {
        let before = net.set(&format!("before:{period}"));
        let after = net.set(&format!("after:{period}"));
        assert!(before.is_disjoint(&after), "{period}");
        let known = net.set("has:date");
        assert_eq!(
            before.union(&after).copied().collect::<BTreeSet<_>>(),
            known,
            "{period}"
        );
    }
}

#[test]
fn periods_start_on_their_first_day() {
    let net = dated();
    assert_eq!(net.find("before:2020"), vec!["d2019"]);
    assert_eq!(net.set("before:2020-06"), set(&["d2019", "d2020"]));
    assert_eq!(
        net.set("before:2020-06-15"),
        set(&["d2019", "d2020", "d2020-06-14"])
    );
    assert!(net.set("after:2020").contains("d2020"));
    assert!(net.set("after:2020-06-15").contains("d2020-06-15"));
    assert!(!net.set("after:2020-06-15").contains("d2020-06-14"));
}

#[test]
fn before_5y_means_connected_more_than_five_years_ago() {
    // Today is 2026-11-21: five years back is 2021-11-21.
    let net = dated();
    let before = net.set("before:5y");
    assert!(
        before.contains("d2021"),
        "2021-11-20 is more than 5 years ago"
    );
    assert!(!before.contains("d5y"), "2021-11-21 is exactly 5 years ago");
    assert_eq!(
        before,
        set(&["d2019", "d2020", "d2020-06-14", "d2020-06-15", "d2021"])
    );
}

#[test]
fn after_30d_means_on_or_after_thirty_days_ago() {
    // 2026-11-21 minus 30 days is 2026-10-22.
    let net = dated();
    assert_eq!(net.find("after:30d"), vec!["d30d-in"]);
    assert_eq!(net.set("after:18m"), set(&["d30d-out", "d30d-in"]));
}

#[test]
fn relative_dates_count_back_from_the_now_given_to_parse() {
    let net = dated();
    let a_year_later = NOW + 365 * 86_400_000;
    let query = parse("after:30d", a_year_later).unwrap();
    assert!(run(&query, &net.people, &net.keys, &net.flags).is_empty());
}

#[test]
fn unknown_dates_never_match_a_date_filter_even_negated() {
    let net = dated();
    for query in [
        "before:2020",
        "-before:2020",
        "after:2020",
        "-after:2020",
        "before:5y",
        "-before:5y",
        "-after:30d",
        "before:9999",
        "after:0000",
    ] {
        assert!(!net.set(query).contains("unknown"), "{query}");
    }
    assert_eq!(
        net.set("-before:5y"),
        set(&["d5y", "d30d-out", "d30d-in"]),
        "-before:5y is: known and not before"
    );
}

#[test]
fn has_date_and_its_negation_split_known_from_unknown() {
    let net = dated();
    assert_eq!(net.find("-has:date"), vec!["unknown"]);
    assert_eq!(net.set("has:date").len(), net.people.len() - 1);
}

#[test]
fn has_headline_needs_a_headline_that_is_not_blank() {
    let net = Roster::new(vec![
        person("some", "A").headline("Engineer"),
        person("blank", "B").headline("   "),
        person("none", "C"),
    ]);
    assert_eq!(net.find("has:headline"), vec!["some"]);
    assert_eq!(net.set("-has:headline"), set(&["blank", "none"]));
}

#[test]
fn is_flags_match_the_flags_passed_in() {
    let people = vec![
        person("kept", "A"),
        person("queued", "B"),
        person("removed", "C"),
        person("gone", "D"),
        person("plain", "E"),
    ];
    let flags = vec![
        Flags {
            kept: true,
            ..Flags::default()
        },
        Flags {
            queued: true,
            ..Flags::default()
        },
        Flags {
            removed: true,
            ..Flags::default()
        },
        Flags {
            gone: true,
            ..Flags::default()
        },
        Flags::default(),
    ];
    let net = Roster::with_flags(people, flags);
    for flag in ["kept", "queued", "removed", "gone"] {
        assert_eq!(net.find(&format!("is:{flag}")), vec![flag]);
        assert_eq!(net.find(&format!("IS:{}", flag.to_uppercase())), vec![flag]);
    }
    assert_eq!(
        net.find("-is:kept -is:queued -is:removed -is:gone"),
        vec!["plain"]
    );
}

#[test]
fn negation_applies_to_words_fields_flags_and_phrases() {
    let net = sample();
    let everyone: BTreeSet<&str> = net.set("");
    for query in [
        "acme",
        "\"head of\"",
        "company:globex",
        "title:engineer",
        "name:zoe",
        "has:headline",
        "is:kept",
    ] {
        let hit = net.set(query);
        let miss = net.set(&format!("-{query}"));
        assert!(hit.is_disjoint(&miss), "{query}");
        assert_eq!(
            hit.union(&miss).copied().collect::<BTreeSet<_>>(),
            everyone,
            "{query}"
        );
    }
    assert_eq!(net.set("-engineer"), set(&["jose", "zoe", "anon"]));
}

#[test]
fn terms_are_anded() {
    let net = sample();
    assert_eq!(net.find("engineer globex"), vec!["lukasz"]);
    assert!(net.find("engineer acme").is_empty());
    assert_eq!(net.find("engineer -globex"), vec!["wang"]);
}

#[test]
fn or_binds_tighter_than_and() {
    // a b OR c d = a AND (b OR c) AND d
    let net = Roster::new(vec![
        person("abd", "a b d"),
        person("acd", "a c d"),
        person("ab", "a b"),
        person("bcd", "b c d"),
        person("a", "a"),
    ]);
    assert_eq!(
        net.set("name:a name:b OR name:c name:d"),
        set(&["abd", "acd"])
    );
    let q = parse("name:a name:b OR name:c name:d", NOW).unwrap();
    let shape: Vec<usize> = q.clauses().iter().map(|c| c.terms.len()).collect();
    assert_eq!(shape, vec![1, 2, 1]);
}

#[test]
fn or_chains_and_negated_alternatives_are_allowed() {
    let net = sample();
    assert_eq!(
        net.set("name:jose OR name:zoe OR name:lukasz"),
        set(&["jose", "zoe", "lukasz"])
    );
    assert_eq!(net.set("is:kept OR -has:date"), set(&["wang", "anon"]));
}

#[test]
fn lowercase_or_is_an_ordinary_word() {
    let net = Roster::new(vec![person("p", "Orla Or"), person("q", "Bob")]);
    assert_eq!(net.find("or"), vec!["p"]);
    assert_eq!(net.find("\"OR\""), vec!["p"]);
    assert_eq!(net.find("-OR"), vec!["q"]);
}

#[test]
fn sort_connected_is_oldest_first_with_unknown_dates_last() {
    let net = sample();
    assert_eq!(
        net.find("sort:connected"),
        vec!["jose", "lukasz", "zoe", "anon", "wang"]
    );
}

#[test]
fn sort_minus_connected_is_newest_first_with_unknown_dates_still_last() {
    let net = sample();
    assert_eq!(
        net.find("sort:-connected"),
        vec!["zoe", "lukasz", "jose", "anon", "wang"]
    );
}

#[test]
fn sort_name_and_its_reverse() {
    let net = sample();
    assert_eq!(
        net.find("sort:name"),
        vec!["anon", "jose", "lukasz", "zoe", "wang"]
    );
    assert_eq!(
        net.find("sort:-name"),
        vec!["wang", "zoe", "lukasz", "jose", "anon"]
    );
}

#[test]
fn sort_company_puts_people_without_a_company_last() {
    let net = sample();
    assert_eq!(
        net.find("sort:company"),
        vec!["jose", "lukasz", "anon", "zoe", "wang"]
    );
    assert_eq!(
        net.find("sort:-company"),
        vec!["lukasz", "jose", "anon", "zoe", "wang"]
    );
}

#[test]
fn ties_break_by_folded_name_then_slug() {
    let net = Roster::new(vec![
        person("z-slug", "Ana").connected(day(2020, 1, 1)),
        person("a-slug", "Ana").connected(day(2020, 1, 1)),
        person("b", "Álvaro").connected(day(2020, 1, 1)),
        person("c", "ANA BELÉN").connected(day(2020, 1, 1)),
    ]);
    let expected = vec!["b", "a-slug", "z-slug", "c"];
    assert_eq!(net.find(""), expected);
    assert_eq!(net.find("sort:connected"), expected);
    assert_eq!(net.find("sort:-connected"), expected);
    assert_eq!(net.find("sort:company"), expected);
}

#[test]
fn keys_built_one_at_a_time_sort_like_ranked_keys() {
    for net in [sample(), dated()] {
        let unranked = net.unranked();
        for sort in [
            "",
            "sort:-name",
            "sort:connected",
            "sort:-connected",
            "sort:company",
            "sort:-company",
        ] {
            assert_eq!(net.find(sort), unranked.find(sort), "{sort}");
        }
    }
}

#[test]
fn keys_from_different_lists_still_sort_correctly() {
    let mut net = sample();
    let expected = vec!["zoe", "lukasz", "jose", "anon", "wang"];
    assert_eq!(net.find("sort:-connected"), expected);
    // One person re-keyed on their own, another keyed in a list of one: the
    // ranks no longer come from one list, so the text decides.
    net.keys[0] = SearchKeys::new(&net.people[0]);
    assert_eq!(net.find("sort:-connected"), expected);
    net.keys[1] = SearchKeys::for_people(&net.people[1..2]).remove(0);
    assert_eq!(net.find("sort:-connected"), expected);
    assert_eq!(net.find(""), vec!["anon", "jose", "lukasz", "zoe", "wang"]);
}

#[test]
fn sort_is_the_same_wherever_it_is_written() {
    let net = sample();
    assert_eq!(
        net.find("sort:connected has:date"),
        net.find("has:date sort:connected")
    );
    assert_eq!(
        parse("SORT:-Connected", NOW).unwrap().sort(),
        SortOrder::ConnectedDescending
    );
}

#[test]
fn malformed_query_names_position_and_expectation() {
    let e = error("before:");
    assert_eq!(e.position, 7);
    assert_eq!(
        e.to_string(),
        "at 7: expected a date (YYYY, YYYY-MM, YYYY-MM-DD) or an age (5y, 18m, 30d) after \"before:\""
    );
    let e = error("acme after:yesterday");
    assert_eq!(e.position, 11);
    assert!(e.message.contains("expected a date"), "{e}");
    assert!(e.message.contains("\"yesterday\""), "{e}");
}

#[test]
fn unknown_filter_lists_the_known_ones() {
    let e = error("foo:bar");
    assert_eq!(e.position, 0);
    assert!(
        e.to_string().starts_with(
            "at 0: unknown filter \"foo:\"; known: name:, company:, title:, before:, after:, is:, has:, sort:"
        ),
        "{e}"
    );
    assert_eq!(error("acme -foo:bar").position, 6);
    assert!(error("Https://x")
        .message
        .starts_with("unknown filter \"Https:\""));
    // Quoting searches for the text itself.
    let net = Roster::new(vec![person("p", "A").headline("re:Invent speaker")]);
    assert_eq!(net.find("\"re:invent\""), vec!["p"]);
}

#[test]
fn unterminated_quote_is_an_error_at_the_quote() {
    let e = error("acme \"head of");
    assert_eq!(e.position, 5);
    assert!(e.message.contains("unterminated quote"), "{e}");
    assert_eq!(error("company:\"acme").position, 8);
    assert_eq!(error("-\"x").position, 1);
}

#[test]
fn stray_quotes_are_errors() {
    assert_eq!(error("o\"brien").position, 1);
    assert_eq!(error("\"acme\"corp").position, 6);
    assert!(error("\"acme\"corp")
        .message
        .contains("space after the closing quote"));
}

#[test]
fn or_at_start_or_end_or_doubled_is_an_error() {
    let e = error("OR acme");
    assert_eq!(e.position, 0);
    assert!(e.message.contains("before it"), "{e}");
    let e = error("acme OR");
    assert_eq!(e.position, 5);
    assert!(e.message.contains("after it"), "{e}");
    let e = error("acme OR OR globex");
    assert_eq!(e.position, 8);
    assert!(e.message.contains("cannot follow \"OR\""), "{e}");
    assert_eq!(error("OR").position, 0);
    assert_eq!(error("sort:name OR acme").position, 10);
    assert_eq!(error("acme OR sort:name").position, 8);
}

#[test]
fn empty_values_are_errors() {
    for (query, position, expected) in [
        ("name:", 5, "expected text to search for after \"name:\""),
        ("company: acme", 8, "after \"company:\""),
        ("title:\"\"", 6, "after \"title:\""),
        ("company:\"  \"", 8, "after \"company:\""),
        ("is:", 3, "expected kept, queued, removed or gone"),
        ("has:", 4, "expected date or headline"),
        ("sort:", 5, "expected connected, -connected"),
        ("after:", 6, "expected a date"),
        ("\"\"", 0, "empty quoted phrase"),
        ("-", 0, "expected a term after \"-\""),
        ("acme - globex", 5, "expected a term after \"-\""),
    ] {
        let e = error(query);
        assert_eq!(e.position, position, "{query}: {e}");
        assert!(e.message.contains(expected), "{query}: {e}");
    }
}

#[test]
fn impossible_dates_are_errors() {
    for (query, shown) in [
        ("before:2024-02-30", "\"2024-02-30\" is not a real date"),
        ("after:2023-02-29", "\"2023-02-29\" is not a real date"),
        ("after:2024-13", "\"2024-13\" is not a real date"),
        ("before:2024-00-10", "\"2024-00-10\" is not a real date"),
    ] {
        let e = error(query);
        assert!(e.message.contains(shown), "{query}: {e}");
    }
    assert!(parse("before:2024-02-29", NOW).is_ok());
    for shape in [
        "before:24",
        "before:2024/01",
        "after:5w",
        "after:99999d",
        "before:-5y",
    ] {
        assert!(error(shape).message.contains("expected a date"), "{shape}");
    }
}

#[test]
fn unknown_is_has_and_sort_values_are_errors() {
    let e = error("is:deleted");
    assert_eq!(e.position, 3);
    assert_eq!(
        e.message,
        "expected kept, queued, removed or gone after \"is:\", not \"deleted\""
    );
    assert!(error("has:photo")
        .message
        .contains("expected date or headline"));
    assert!(error("sort:age")
        .message
        .contains("expected connected, -connected, name"));
}

#[test]
fn only_one_sort_term_and_it_cannot_be_negated() {
    let e = error("sort:name acme sort:connected");
    assert_eq!(e.position, 15);
    assert!(e.message.contains("only one sort:"), "{e}");
    assert!(e.message.contains("at 0"), "{e}");
    let e = error("-sort:name");
    assert_eq!(e.position, 0);
    assert!(e.message.contains("sort:-name"), "{e}");
}

#[test]
fn errors_count_positions_in_characters_not_bytes() {
    // "Zoë" is three characters but four bytes.
    assert_eq!(error("Zoë foo:x").position, 4);
    assert_eq!(error("王小明 before:x").position, 11);
}

#[test]
fn words_that_fold_to_nothing_are_errors_not_match_alls() {
    let e = error("\u{301}");
    assert_eq!(e.position, 0);
    assert!(e.message.contains("nothing to search for"), "{e}");
    assert!(error("name:\u{200b}").message.contains("after \"name:\""));
}

#[test]
fn text_with_colons_that_is_not_a_filter_is_a_word() {
    let net = Roster::new(vec![person("p", "A").headline("Meet 10:30 C++:dev")]);
    assert_eq!(net.find("10:30"), vec!["p"]);
    assert_eq!(net.find("c++:dev"), vec!["p"]);
}

#[test]
fn run_considers_only_people_with_keys_and_treats_missing_flags_as_unset() {
    let net = sample();
    let query = parse("-is:kept", NOW).unwrap();
    let found = run(&query, &net.people, &net.keys[..2], &[]);
    assert_eq!(found, vec![0, 1]);
    assert!(run(&query, &[], &net.keys, &net.flags).is_empty());
}

#[test]
fn help_mentions_every_construct() {
    let text = help();
    assert!(!text.contains('\n'));
    for construct in [
        "\"phrases\"",
        "name:",
        "company:",
        "title:",
        "before:",
        "after:",
        "5y",
        "18m",
        "30d",
        "is:kept",
        "is:queued",
        "is:removed",
        "is:gone",
        "has:date",
        "has:headline",
        "-not",
        "OR",
        "sort:connected",
        "-connected",
        "name",
        "company",
    ] {
        assert!(text.contains(construct), "{construct}");
    }
}

// Properties over generated networks and queries.

const NAMES: &[&str] = &[
    "José García",
    "Jose Garcia",
    "Zoë Ørsted",
    "Łukasz Nowak",
    "Anna Straße",
    "anna strasse",
    "Nguyễn Văn An",
    "王小明",
    "Ana",
    "Or Cohen",
];
const COMPANIES: &[&str] = &["Acme Corp", "Globex", "Initech", "Acme", "字节跳动"];
const HEADLINES: &[&str] = &[
    "Head of Sales",
    "Recruiter at Acme",
    "Engineer",
    "CTO | Advisor",
    "Ingénieur",
];

fn arb_person() -> impl Strategy<Value = Person> {
    (
        0..NAMES.len(),
        0u32..50,
        proptest::option::of(0..COMPANIES.len()),
        proptest::option::of(0..HEADLINES.len()),
        proptest::option::of(0..HEADLINES.len()),
        proptest::option::of(-3_000i64..1_000),
    )
        .prop_map(|(name, slug, company, headline, position, days)| {
            let mut p = person(&format!("slug-{slug}"), NAMES[name]);
            p.company = company.map(|i| COMPANIES[i].to_string());
            p.headline = headline.map(|i| HEADLINES[i].to_string());
            p.position = position.map(|i| HEADLINES[i].to_string());
            if let Some(days) = days {
                // Around today, 2026-11-21 (day 20,778).
                p = p.connected(CivilDate::from_days(20_000 + days));
            }
            p
        })
}

fn arb_roster() -> impl Strategy<Value = Roster> {
    proptest::collection::vec((arb_person(), any::<[bool; 4]>()), 0..40).prop_map(|rows| {
        let (people, flags) = rows
            .into_iter()
            .map(|(p, [kept, queued, removed, gone])| {
                (
                    p,
                    Flags {
                        kept,
                        queued,
                        removed,
                        gone,
                    },
                )
            })
            .unzip();
        Roster::with_flags(people, flags)
    })
}

/// Terms that are never about a connection date.
const NON_DATE_TERMS: &[&str] = &[
    "jose",
    "josé",
    "ANNA",
    "strasse",
    "acme",
    "\"head of\"",
    "\"acme corp\"",
    "小明",
    "name:ana",
    "name:\"jose garcia\"",
    "company:acme",
    "company:\"Acme Corp\"",
    "title:engineer",
    "title:cto",
    "is:kept",
    "is:queued",
    "is:removed",
    "is:gone",
    "has:date",
    "has:headline",
    "or",
];
const DATE_TERMS: &[&str] = &[
    "before:2025",
    "after:2024-06",
    "before:2025-03-15",
    "before:5y",
    "after:18m",
    "after:30d",
    "before:0d",
];
const SORTS: &[&str] = &[
    "sort:connected",
    "sort:-connected",
    "sort:name",
    "sort:-name",
    "sort:company",
    "sort:-company",
];

fn arb_term() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop_oneof![
            proptest::sample::select(NON_DATE_TERMS),
            proptest::sample::select(DATE_TERMS)
        ],
    )
        .prop_map(|(negated, term)| format!("{}{term}", if negated { "-" } else { "" }))
}

fn arb_filter_query() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::collection::vec(arb_term(), 1..3).prop_map(|alts| alts.join(" OR ")),
        0..4,
    )
    .prop_map(|clauses| clauses.join(" "))
}

/// Query-shaped soup: real tokens, broken tokens and arbitrary text.
fn arb_soup() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        arb_term(),
        proptest::sample::select(SORTS).prop_map(str::to_string),
        proptest::sample::select(
            &[
                "OR",
                "-",
                "\"",
                "\"\"",
                ":",
                "foo:",
                "name:",
                "before:",
                "after:2024-02-30",
                "is:",
                "sort:",
                "-sort:name",
                "\u{301}",
                "  ",
            ][..]
        )
        .prop_map(str::to_string),
        "\\PC{0,8}",
    ];
    proptest::collection::vec(token, 0..8).prop_map(|tokens| tokens.join(" "))
}

fn indices(query: &Query, net: &Roster) -> Vec<u32> {
    run(query, &net.people, &net.keys, &net.flags)
}

fn index_set(query: &str, net: &Roster) -> BTreeSet<u32> {
    indices(&parse(query, NOW).unwrap(), net)
        .into_iter()
        .collect()
}

proptest! {
    #[test]
    fn parsing_arbitrary_strings_never_panics(text in "\\PC{0,60}", now in 0i64..8_640_000_000_000_000) {
        let _ = parse(&text, now);
    }

    #[test]
    fn any_query_either_errors_or_returns_distinct_indices_in_range(
        net in arb_roster(),
        query in arb_soup(),
    ) {
        if let Ok(parsed) = parse(&query, NOW) {
            let found = indices(&parsed, &net);
            let distinct: BTreeSet<u32> = found.iter().copied().collect();
            prop_assert_eq!(distinct.len(), found.len());
            prop_assert!(found.iter().all(|&i| (i as usize) < net.people.len()));
        }
    }

    #[test]
    fn negating_a_non_date_term_gives_exactly_the_complement(
        net in arb_roster(),
        term in proptest::sample::select(NON_DATE_TERMS),
    ) {
        let hit = index_set(term, &net);
        let miss = index_set(&format!("-{term}"), &net);
        prop_assert!(hit.is_disjoint(&miss));
        prop_assert_eq!(hit.len() + miss.len(), net.people.len());
    }

    #[test]
    fn negating_a_date_term_gives_the_complement_among_known_dates(
        net in arb_roster(),
        term in proptest::sample::select(DATE_TERMS),
    ) {
        let hit = index_set(term, &net);
        let miss = index_set(&format!("-{term}"), &net);
        let known = index_set("has:date", &net);
        prop_assert!(hit.is_disjoint(&miss));
        prop_assert_eq!(hit.union(&miss).copied().collect::<BTreeSet<_>>(), known);
    }

    #[test]
    fn a_sorted_result_is_a_permutation_of_the_unsorted_one(
        net in arb_roster(),
        filter in arb_filter_query(),
        sort in proptest::sample::select(SORTS),
    ) {
        let mut plain = indices(&parse(&filter, NOW).unwrap(), &net);
        let mut sorted = indices(&parse(&format!("{filter} {sort}"), NOW).unwrap(), &net);
        plain.sort_unstable();
        sorted.sort_unstable();
        prop_assert_eq!(plain, sorted);
    }

    #[test]
    fn a_or_b_is_the_union_of_a_and_b(net in arb_roster(), a in arb_term(), b in arb_term()) {
        let union: BTreeSet<u32> = index_set(&a, &net).union(&index_set(&b, &net)).copied().collect();
        prop_assert_eq!(index_set(&format!("{a} OR {b}"), &net), union);
    }

    #[test]
    fn a_and_b_is_the_intersection_of_a_and_b(net in arb_roster(), a in arb_term(), b in arb_term()) {
        let both: BTreeSet<u32> = index_set(&a, &net).intersection(&index_set(&b, &net)).copied().collect();
        prop_assert_eq!(index_set(&format!("{a} {b}"), &net), both);
    }

    #[test]
    fn a_bare_word_matches_exactly_where_a_folded_field_contains_it(
        net in arb_roster(),
        word in "[a-zéøœß ]{1,6}",
    ) {
        let needle = fold(&word);
        prop_assume!(!needle.is_empty());
        let query = format!("\"{word}\"");
        let expected: BTreeSet<u32> = net.people.iter().enumerate().filter(|(_, p)| {
            [Some(&p.name), p.headline.as_ref(), p.company.as_ref(), p.position.as_ref()]
                .into_iter()
                .flatten()
                .any(|field| fold(field).contains(&needle))
        }).map(|(i, _)| i as u32).collect();
        prop_assert_eq!(index_set(&query, &net), expected);
    }

    #[test]
    fn ranked_and_unranked_keys_give_the_same_list(
        net in arb_roster(),
        filter in arb_filter_query(),
        sort in proptest::sample::select(SORTS),
    ) {
        let query = parse(&format!("{filter} {sort}"), NOW).unwrap();
        prop_assert_eq!(indices(&query, &net), indices(&query, &net.unranked()));
    }

    #[test]
    fn results_are_in_the_documented_order(net in arb_roster(), sort in proptest::sample::select(SORTS)) {
        let found = indices(&parse(sort, NOW).unwrap(), &net);
        let key = |i: u32| {
            let p = &net.people[i as usize];
            let k = &net.keys[i as usize];
            let date = p.connected.map(|c| c.date.to_days());
            (date, k.company().to_string(), k.name().to_string(), p.slug.clone())
        };
        for pair in found.windows(2) {
            let (a, b) = (key(pair[0]), key(pair[1]));
            let name_then_slug = (&a.2, &a.3).cmp(&(&b.2, &b.3));
            let in_order = match sort {
                "sort:name" => name_then_slug.is_le(),
                "sort:-name" => b.2.cmp(&a.2).then(a.3.cmp(&b.3)).is_le(),
                "sort:connected" | "sort:-connected" => match (a.0, b.0) {
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => name_then_slug.is_le(),
                    (Some(x), Some(y)) if sort == "sort:connected" => x.cmp(&y).then(name_then_slug).is_le(),
                    (Some(x), Some(y)) => y.cmp(&x).then(name_then_slug).is_le(),
                },
                _ => match (a.1.is_empty(), b.1.is_empty()) {
                    (false, true) => true,
                    (true, false) => false,
                    (true, true) => name_then_slug.is_le(),
                    _ if sort == "sort:company" => a.1.cmp(&b.1).then(name_then_slug).is_le(),
                    _ => b.1.cmp(&a.1).then(name_then_slug).is_le(),
                },
            };
            prop_assert!(in_order, "{} before {} under {}", pair[0], pair[1], sort);
        }
    }
}

// Timing, for the lead: `cargo test --release --test query -- --ignored --nocapture`.

/// A deterministic generator, so every run times the same network.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

fn generated_roster(count: usize) -> Roster {
    const FIRST: &[&str] = &[
        "José",
        "María",
        "Zoë",
        "Łukasz",
        "Anna",
        "Christopher",
        "Alexandra",
        "Muhammad",
        "Nguyễn",
        "Søren",
        "François",
        "Jane",
        "John",
        "Priya",
        "Wei",
        "Olúwaseun",
        "Emma",
        "Liam",
        "Noah",
        "Sofía",
        "Mateus",
        "Ingrid",
        "Björn",
        "Aylin",
        "Şebnem",
        "Kenji",
    ];
    const LAST: &[&str] = &[
        "García",
        "Smith",
        "Nowak",
        "Straße",
        "Ørsted",
        "Müller",
        "Johnson",
        "Kowalski",
        "Pereira",
        "Dubois",
        "Tanaka",
        "Okafor",
        "Patel",
        "Chen",
        "Andersson",
        "Yılmaz",
        "Rossi",
        "Novák",
        "O'Brien",
        "van der Berg",
    ];
    const COMPANY: &[&str] = &[
        "Acme Corp",
        "Globex",
        "Initech",
        "Umbrella",
        "Hooli",
        "Stark Industries",
        "Wayne Enterprises",
        "Soylent",
        "Massive Dynamic",
        "Cyberdyne",
        "Vandelay Industries",
    ];
    const ROLE: &[&str] = &[
        "Software Engineer",
        "Senior Recruiter",
        "Head of Sales",
        "Product Manager",
        "CTO",
        "Data Scientist",
        "Account Executive",
        "Talent Acquisition Partner",
        "Founder",
        "Marketing Lead",
        "Ingénieur logiciel",
        "Consultant",
    ];
    let mut rng = SplitMix(0x6E65_7470_7275_6E65);
    let mut people = Vec::with_capacity(count);
    let mut flags = Vec::with_capacity(count);
    for i in 0..count {
        let first = rng.pick(FIRST);
        let last = rng.pick(LAST);
        let company = rng.pick(COMPANY);
        let role = rng.pick(ROLE);
        let mut p = person(
            &format!("{}-{i:x}", fold(first)),
            &format!("{first} {last}"),
        )
        .headline(&format!("{role} at {company} | helping teams grow"));
        if rng.next() % 2 == 0 {
            p = p.company(company).position(role);
        }
        if rng.next() % 10 < 8 {
            // 2008-01-01 to 2026-11-21.
            p = p.connected(CivilDate::from_days(13_879 + (rng.next() % 6_900) as i64));
        }
        people.push(p);
        let bits = rng.next();
        flags.push(Flags {
            kept: bits % 20 == 0,
            queued: bits % 50 == 1,
            removed: bits % 100 == 2,
            gone: bits % 200 == 3,
        });
    }
    Roster::with_flags(people, flags)
}

#[test]
#[ignore = "timing for the lead; run with --release -- --ignored --nocapture"]
fn timing_30000_people() {
    use std::time::{Duration, Instant};
    const PEOPLE: usize = 30_000;
    const ROUNDS: usize = 50;

    let net = generated_roster(PEOPLE);
    let started = Instant::now();
    let ranked = SearchKeys::for_people(&net.people);
    let ranking = started.elapsed();
    let started = Instant::now();
    let unranked: Vec<SearchKeys> = net.people.iter().map(SearchKeys::new).collect();
    let folding = started.elapsed();
    assert_eq!(ranked, net.keys);
    println!("{PEOPLE} people");
    println!("SearchKeys::for_people (fold and rank): {ranking:?}");
    println!("SearchKeys::new for each (fold only):   {folding:?}");
    let started = Instant::now();
    let mut index = SearchIndex::new(&net.people);
    let names = started.elapsed();
    let started = Instant::now();
    index.run(&net.people, &parse("a", NOW).unwrap(), &[]);
    let rest = started.elapsed();
    println!("SearchIndex::new (names, order): {names:?}; first search (the rest): {rest:?}");
    println!(
        "{:<68} {:>6} {:>8} {:>9} {:>9} {:>9} {:>9}",
        "query", "hits", "parse", "median", "max", "unranked", "index"
    );
    for query in [
        "",
        "jose",
        "a",
        "\"head of sales\"",
        "company:acme",
        "title:recruiter",
        "after:2020 before:2023",
        "before:5y",
        "-is:kept",
        "-recruiter",
        "sort:connected",
        "sort:-connected",
        "sort:company",
        "sort:-name",
        "recruiter OR \"talent acquisition\" -is:kept before:5y sort:connected",
        "zzzz",
    ] {
        let started = Instant::now();
        let parsed = parse(query, NOW).unwrap();
        let parse_time = started.elapsed();
        let time = |keys: &[SearchKeys]| {
            let mut times: Vec<Duration> = (0..ROUNDS)
                .map(|_| {
                    let started = Instant::now();
                    let found = run(&parsed, &net.people, keys, &net.flags);
                    let took = started.elapsed();
                    std::hint::black_box(found);
                    took
                })
                .collect();
            times.sort_unstable();
            times
        };
        let times = time(&net.keys);
        let unranked_times = time(&unranked);
        let mut index_times: Vec<Duration> = (0..ROUNDS)
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(index.run(&net.people, &parsed, &net.flags));
                started.elapsed()
            })
            .collect();
        index_times.sort_unstable();
        let hits = run(&parsed, &net.people, &net.keys, &net.flags).len();
        println!(
            "{:<68} {hits:>6} {:>8.1?} {:>9.1?} {:>9.1?} {:>9.1?} {:>9.1?}",
            format!("{query:?}"),
            parse_time,
            times[ROUNDS / 2],
            times[ROUNDS - 1],
            unranked_times[ROUNDS / 2],
            index_times[ROUNDS / 2],
        );
    }
    println!(
        "(median and max of {ROUNDS} runs with ranked keys; unranked: median with SearchKeys::new keys; \
         index: median with the SearchIndex the network uses)"
    );
}
