//! The order of a query's results: by connection date, name or company,
//! unknown values last both ways, ties by folded name then slug.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/roster.rs"]
mod roster;

use roster::*;

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
