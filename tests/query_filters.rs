//! The filter language through its public API, what each filter matches:
//! words and phrases (folded, never across two fields), `name:`,
//! `company:`, `title:`, dates and ages, `has:`, `is:`, negation, AND and OR.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/roster.rs"]
mod roster;

use roster::*;

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
