//! Malformed queries: every error names the character position and what
//! was expected there, never a silent match-all; and the help line names
//! every construct.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/roster.rs"]
mod roster;

use roster::*;

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
            "at 0: unknown filter \"foo:\"; known: name:, company:, title:, before:, after:, sent-before:, sent-after:, is:, has:, messaged:, messages:, invited:, endorsed:, recommended:, sort:"
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
        (
            "is:",
            3,
            "expected kept, queued, removed, gone, connection, following, follower or invited",
        ),
        ("sent-before:", 12, "expected a date"),
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
        "expected kept, queued, removed, gone, connection, following, follower or invited after \"is:\", not \"deleted\""
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
        "-not",
        "OR",
        "sort:connected",
        "-connected",
        "name",
        "company",
    ]
    .iter()
    .chain(FLAG_TERMS)
    {
        assert!(text.contains(construct), "{construct}");
    }
}

#[test]
fn archive_terms_name_the_place_and_what_was_expected() {
    let e = error("acme messaged:sometime");
    assert_eq!(e.position, 14);
    assert!(
        e.message.starts_with(
            "expected never, before:<date or age> or after:<date or age> after \"messaged:\""
        ),
        "{e}"
    );
    assert!(e.message.ends_with("not \"sometime\""), "{e}");

    let e = error("messaged:before:yesterday");
    assert_eq!(e.position, 16);
    assert!(e.message.contains("expected a date"), "{e}");
    assert!(e.message.contains("after \"messaged:before:\""), "{e}");
    assert!(e.message.contains("\"yesterday\""), "{e}");
    assert_eq!(error("messaged:after:").position, 15);
    assert!(error("messaged:after:2024-02-30")
        .message
        .contains("is not a real date"));
    assert_eq!(error("messaged:").position, 9);

    for bad in [
        "messages:>x",
        "messages:>",
        "messages:-1",
        "messages:>=3",
        "messages:99999999999",
    ] {
        let e = error(bad);
        assert_eq!(e.position, 9, "{bad}");
        assert!(e.message.starts_with("expected >N, <N or N"), "{bad}: {e}");
    }

    let e = error("-invited:everyone");
    assert_eq!(e.position, 9);
    assert!(
        e.message.starts_with("expected me (they invited you) or them (you invited them) after \"invited:\", not \"everyone\""),
        "{e}"
    );
    assert!(error("endorsed:all").message.contains("expected any, me"));
    assert!(error("recommended:x").message.contains("\"recommended:\""));
    assert!(error("sort:contacts")
        .message
        .contains("contact or -contact"));
    assert!(error("-sort:contact").message.contains("sort:-contact"));
}
