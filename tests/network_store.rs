//! What the network keeps and shows: the keep-list, the CSV export and the
//! histogram of the review page, saved queries, and the stored and backup
//! forms.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/network.rs"]
mod network;

use network::*;

#[test]
fn keep_list_sets_and_clears_and_ignores_unknown_slugs() {
    let mut n = network_of(&["ana", "bo"]);
    let slugs = vec!["ana".to_string(), "nobody".to_string()];
    assert_eq!(n.network.set_kept(&slugs, true), 1);
    assert_eq!(n.network.set_kept(&slugs, true), 0);
    assert!(n.network.person("ana").unwrap().kept);
    assert!(!n.network.person("bo").unwrap().kept);
    assert_eq!(n.network.set_kept(&slugs, false), 1);
    assert!(!n.network.person("ana").unwrap().kept);
}

#[test]
fn export_csv_is_formula_safe_and_quoted() {
    let mut n = Snapshot::default();
    let mut reading = page("2", &[]);
    reading.cards = vec![
        Card {
            profile_url: "/in/f/".into(),
            name: "=HYPERLINK(\"http://x\",\"y\")".into(),
            headline: None,
            connected_text: None,
        },
        Card {
            profile_url: "/in/jos%C3%A9-1/".into(),
            name: "José \"Pepe\", Jr.".into(),
            headline: Some("+44 consultant".into()),
            connected_text: Some("Connected on August 7, 2024".into()),
        },
    ];
    n.ingest(reading, NOW).unwrap();
    let text = n.export_csv(&[0, 1]);
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("Name,Profile URL,Headline,Company,Position,Connected On,Date Precision,Kept,Status,Last contact,Messages,Relations")
    );
    assert_eq!(lines.next(), Some("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",https://www.linkedin.com/in/f/,,,,,,,connected,,,connection"));
    assert_eq!(
        lines.next(),
        Some("\"José \"\"Pepe\"\", Jr.\",https://www.linkedin.com/in/jos%C3%A9-1/,\"'+44 consultant\",,,2024-08-07,day,,connected,,,connection")
    );
}

#[test]
fn histogram_counts_years_with_gaps_and_unknowns() {
    let mut n = Snapshot::default();
    let mut reading = page("3", &[]);
    for (slug, text) in [
        ("a", Some("Connected on May 1, 2019")),
        ("b", Some("Connected on June 1, 2021")),
        ("c", None),
    ] {
        reading.cards.push(Card {
            profile_url: format!("/in/{slug}/"),
            name: slug.into(),
            headline: None,
            connected_text: text.map(Into::into),
        });
    }
    n.ingest(reading, NOW).unwrap();
    let h = n.histogram(&[0, 1, 2]);
    let years: Vec<(i32, u32)> = h.years.iter().map(|y| (y.year, y.count)).collect();
    assert_eq!(years, vec![(2019, 1), (2020, 0), (2021, 1)]);
    assert_eq!(h.unknown, 1);
}

#[test]
fn backup_round_trips_and_refuses_what_it_cannot_restore() {
    let mut n = network_of(&["ana", "bo"]);
    n.network.set_kept(&["bo".to_string()], true);
    n.save_query("old", "before:5y", NOW).unwrap();
    let text = n.to_backup_json(NOW);
    assert!(text.contains("\"format\": \"netprune-backup\""));
    assert_eq!(Snapshot::from_backup_json(&text).unwrap(), n);
    // Version 2 since followers: a build that reads only version 1 (and
    // would drop them) refuses the file as newer. Version 1 still restores.
    assert!(text.contains("\"version\": 2"), "{text}");
    let older = text.replace("\"version\": 2", "\"version\": 1");
    assert_eq!(Snapshot::from_backup_json(&older).unwrap(), n);

    let cases = [
        ("{}", "not a netprune backup"),
        ("[1,2]", "not a netprune backup"),
        (&text[..text.len() / 2], "cut short"),
        (
            &text.replace("\"version\": 2", "\"version\": 9"),
            "newer netprune",
        ),
        (
            "{\"format\":\"netprune-backup\",\"version\":1}",
            "holds no network",
        ),
    ];
    for (bad, why) in cases {
        let err = Snapshot::from_backup_json(bad).unwrap_err();
        assert!(matches!(err, ModelError::BadInput(_)));
        assert!(err.to_string().contains(why), "{err} should say {why}");
    }
}

#[test]
fn saved_queries_replace_by_name_and_refuse_empty_ones() {
    let mut n = Snapshot::default();
    n.save_query("Old", "before:5y", NOW).unwrap();
    n.save_query("Old", "before:3y", NOW).unwrap();
    n.save_query("Recruiters", "title:recruiter", NOW).unwrap();
    assert_eq!(n.network.saved_queries.len(), 2);
    assert_eq!(n.network.saved_queries[0].query, "before:3y");
    assert!(n.save_query("  ", "x", NOW).is_err());
    assert!(n.save_query("x", "  ", NOW).is_err());
    n.network.delete_query("Old");
    assert_eq!(n.network.saved_queries.len(), 1);
}

#[test]
fn snapshot_json_round_trips_with_everything() {
    let mut n = network_of(&["ana", "bo"]);
    n.network.set_kept(&["ana".to_string()], true);
    n.start_collection(NOW);
    let back = Snapshot::from_json(&n.to_json()).unwrap();
    assert_eq!(back, n);
    assert!(Snapshot::from_json("{\"version\":1").is_err());
}

#[test]
fn a_saved_query_is_stored_whole_or_refused_never_cut() {
    let mut n = Snapshot::default();
    // Exactly at the limit, ending in a negation: stored as typed.
    let at_limit = format!("{}-name:bob", "title:x ".repeat(61));
    assert_eq!(at_limit.chars().count(), 497);
    n.save_query("long", &at_limit, NOW).unwrap();
    assert_eq!(n.network.saved_queries[0].query, at_limit);
    // Past the limit: refused with the limit named, nothing stored or cut.
    let past = format!("{}-name:bob", "title:x ".repeat(63));
    let err = n.save_query("longer", &past, NOW).unwrap_err().to_string();
    assert!(err.contains("500 characters"), "{err}");
    assert_eq!(n.network.saved_queries.len(), 1);
    // Replacing one keeps the old query when the new one is refused.
    assert!(n.save_query("long", &past, NOW).is_err());
    assert_eq!(n.network.saved_queries[0].query, at_limit);
    // A name past its limit is refused too, not cut.
    let err = n
        .save_query(&"n".repeat(61), "before:1y", NOW)
        .unwrap_err()
        .to_string();
    assert!(err.contains("60 characters"), "{err}");
    // Spacing inside the query is kept as typed (a quoted phrase).
    n.save_query("phrase", "name:\"ana  maria\"", NOW).unwrap();
    assert_eq!(n.network.saved_queries[1].query, "name:\"ana  maria\"");
}
