//! Reviewing the whole network on a fake clock: collection runs, the
//! keep-list, the export merged in, what the review page shows, and the
//! stored and backup forms.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use netprune::intake::collect::Outcome;
use netprune::intake::import::read_connections_csv;
use netprune::intake::reading::{Card, CountTokens, DatePrecision, PageKind, PageReading};
use netprune::network::model::ModelError;
use netprune::Snapshot;

const NOW: i64 = 1_795_262_400_000;
const MINUTE: i64 = 60_000;

fn page(total: &str, slugs: &[&str]) -> PageReading {
    PageReading {
        page: Some(PageKind::Connections),
        url: "https://www.linkedin.com/mynetwork/invite-connect/connections/".into(),
        recognised: true,
        generation: Some("sdui-2026".into()),
        counts: CountTokens {
            connections: Some(total.into()),
            ..Default::default()
        },
        cards: slugs
            .iter()
            .map(|s| Card {
                profile_url: format!("/in/{s}/"),
                name: name_of(s),
                headline: Some(format!("Engineer at {}", company_of(s))),
                connected_text: None,
            })
            .collect(),
        ..Default::default()
    }
}

fn name_of(slug: &str) -> String {
    let mut name = slug.split('-').next().unwrap_or(slug).to_string();
    if let Some(first) = name.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    format!("{name} Example")
}

fn company_of(slug: &str) -> &'static str {
    if slug.len() % 2 == 0 {
        "Acme"
    } else {
        "Globex"
    }
}

fn network_of(slugs: &[&str]) -> Snapshot {
    let mut n = Snapshot::default();
    n.ingest(page(&slugs.len().to_string(), slugs), NOW)
        .unwrap();
    n
}

fn csv(rows: &[&str]) -> Vec<u8> {
    let mut text = String::from("Notes:\n\"Some notes, with commas.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text.into_bytes()
}

#[test]
fn a_complete_collection_reaches_the_stated_total_and_completes_itself() {
    let mut n = Snapshot::default();
    n.ingest(page("3", &[]), NOW).unwrap();
    let p = n.start_collection(NOW);
    assert!(p.running);
    assert_eq!((p.seen, p.target), (0, Some(3)));
    let r = n.ingest(page("3", &["ana", "bo"]), NOW + MINUTE).unwrap();
    let c = r.collect.unwrap();
    assert_eq!((c.seen, c.done, c.running), (2, false, true));
    // Seeing someone twice in a run counts once.
    let r = n
        .ingest(page("3", &["bo", "cy"]), NOW + 2 * MINUTE)
        .unwrap();
    let c = r.collect.unwrap();
    assert_eq!((c.seen, c.done, c.running), (3, true, false));
    assert_eq!(c.outcome, Some(Outcome::Complete));
    assert_eq!(c.ended_at_ms, Some(NOW + 2 * MINUTE));
}

#[test]
fn a_complete_collection_marks_who_is_gone_and_a_short_one_does_not() {
    let mut n = network_of(&["ana", "bo", "cy"]);
    // Bo removed the member; the page now says 2.
    n.start_collection(NOW + MINUTE);
    n.ingest(page("2", &["ana"]), NOW + MINUTE).unwrap();
    let short = n
        .finish_collection(
            Outcome::Ended,
            Some("LinkedIn stopped loading"),
            NOW + 2 * MINUTE,
        )
        .unwrap();
    assert_eq!(short.outcome, Some(Outcome::Ended));
    assert_eq!(short.reason.as_deref(), Some("LinkedIn stopped loading"));
    assert_eq!(short.gone, 0, "a list that ended short proves no absence");
    assert!(n.network.person("bo").unwrap().gone_since_ms.is_none());

    n.start_collection(NOW + 3 * MINUTE);
    let done = n
        .ingest(page("2", &["ana", "cy"]), NOW + 4 * MINUTE)
        .unwrap()
        .collect
        .unwrap();
    assert_eq!(done.outcome, Some(Outcome::Complete));
    assert_eq!(done.gone, 1);
    assert_eq!(
        n.network.person("bo").unwrap().gone_since_ms,
        Some(NOW + 4 * MINUTE)
    );
    assert!(n.network.person("ana").unwrap().gone_since_ms.is_none());
    assert!(n.rows(&[n.network.index_of("bo").unwrap() as u32])[0].gone);

    // Bo reconnects and shows up again: no longer gone.
    n.ingest(page("3", &["bo"]), NOW + 5 * MINUTE).unwrap();
    assert!(n.network.person("bo").unwrap().gone_since_ms.is_none());
}

#[test]
fn starting_while_running_resumes_the_same_run() {
    let mut n = Snapshot::default();
    n.ingest(page("3", &[]), NOW).unwrap();
    n.start_collection(NOW);
    n.ingest(page("3", &["ana"]), NOW + MINUTE).unwrap();
    let again = n.start_collection(NOW + 2 * MINUTE);
    assert_eq!(
        (again.seen, again.started_at_ms, again.running),
        (1, NOW, true)
    );
}

#[test]
fn collection_survives_serialization_mid_run() {
    let mut n = Snapshot::default();
    n.ingest(page("3", &[]), NOW).unwrap();
    n.start_collection(NOW);
    n.ingest(page("3", &["ana", "bo"]), NOW + MINUTE).unwrap();
    let mut back = Snapshot::from_json(&n.to_json()).unwrap();
    let c = back
        .ingest(page("3", &["bo", "cy"]), NOW + 2 * MINUTE)
        .unwrap()
        .collect
        .unwrap();
    assert_eq!((c.seen, c.outcome), (3, Some(Outcome::Complete)));
}

#[test]
fn stopping_is_recorded_as_stopped_even_past_the_total() {
    let mut n = Snapshot::default();
    n.ingest(page("5", &[]), NOW).unwrap();
    n.start_collection(NOW);
    let p = n
        .finish_collection(Outcome::Stopped, None, NOW + MINUTE)
        .unwrap();
    assert_eq!((p.outcome, p.running), (Some(Outcome::Stopped), false));
    assert!(
        n.finish_collection(Outcome::Stopped, None, NOW + MINUTE)
            .is_none(),
        "nothing is running"
    );
}

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
fn export_rows_match_by_slug_and_fill_company_position_and_exact_date() {
    let mut n = network_of(&["ana", "bo"]);
    let file = read_connections_csv(&csv(&[
        "Ana,Example,https://www.linkedin.com/in/ana,,Acme Corp,CTO,07 Aug 2024",
        "Dee,New,https://www.linkedin.com/in/dee-new,,Initech,Analyst,01 Jan 2019",
    ]))
    .unwrap();
    let report = n.merge_export(file, NOW);
    assert_eq!(
        (report.rows, report.matched, report.added, report.unmatched),
        (2, 1, 1, 0)
    );
    let ana = n.network.person("ana").unwrap();
    assert_eq!(ana.company.as_deref(), Some("Acme Corp"));
    assert_eq!(ana.position.as_deref(), Some("CTO"));
    let date = ana.connected.unwrap();
    assert_eq!(
        (date.date.to_string(), date.precision),
        ("2024-08-07".into(), DatePrecision::Day)
    );
    assert_eq!(ana.name, "Ana Example", "the page's name stays");
    let dee = n.network.person("dee-new").unwrap();
    assert!(!dee.unmatched);
}

#[test]
fn rows_without_a_link_match_by_name_and_company_only_when_unambiguous() {
    // "bo" works at Acme (even length), "cy" at Globex; two "Sam Example"s.
    let mut n = network_of(&["bo", "cy", "sam-1", "sam-2"]);
    let file = read_connections_csv(
        b"First Name,Last Name,Email Address,Company,Position,Connected On\n\
          Bo,Example,,Acme,Engineer,01 Jan 2020\n\
          Sam,Example,,Acme,Engineer,01 Jan 2020\n\
          Zed,Unknown,,Nowhere,Chief,01 Jan 2020\n",
    )
    .unwrap();
    let report = n.merge_export(file, NOW);
    // Bo matches; the Sam row fits two people (the page shows no company to
    // tell them apart), so it stays unmatched rather than guessed; Zed fits
    // no one.
    assert_eq!(
        (report.matched, report.unmatched, report.added),
        (1, 2, 0),
        "{report:?}"
    );
    assert_eq!(
        n.network.person("bo").unwrap().position.as_deref(),
        Some("Engineer")
    );
    let unmatched: Vec<_> = n.network.people.iter().filter(|p| p.unmatched).collect();
    assert_eq!(unmatched.len(), 2);
    assert!(unmatched.iter().all(|p| p.slug.starts_with("export:")));
    assert!(n.rows(&[n.network.index_of(&unmatched[0].slug).unwrap() as u32])[0].unmatched);
}

#[test]
fn reimporting_the_same_export_adds_no_duplicates() {
    let mut n = network_of(&["ana"]);
    let bytes = b"First Name,Last Name,Email Address,Company,Position,Connected On\nZed,Unknown,,Nowhere,Chief,01 Jan 2020\nZed,Unknown,,Nowhere,Chief,01 Jan 2020\n";
    n.merge_export(read_connections_csv(bytes).unwrap(), NOW);
    let count = n.network.people.len();
    n.merge_export(read_connections_csv(bytes).unwrap(), NOW + MINUTE);
    assert_eq!(n.network.people.len(), count);
    assert_eq!(count, 3, "two identical rows are two people");
}

/// A network holding one kept export row without a profile link: Zed
/// Example, Chief at Nowhere. Answers it and the row's key.
fn kept_linkless_zed() -> (Snapshot, String) {
    let mut n = Snapshot::default();
    let file = read_connections_csv(
        b"First Name,Last Name,Email Address,Company,Position,Connected On\nZed,Example,,Nowhere,Chief,05 Mar 2019\n",
    )
    .unwrap();
    n.merge_export(file, NOW);
    let key = n.network.people[0].slug.clone();
    n.network.set_kept(std::slice::from_ref(&key), true);
    (n, key)
}

#[test]
fn an_unmatched_row_becomes_the_person_when_the_page_shows_them() {
    let (mut n, _key) = kept_linkless_zed();
    // Name and company fit (the headline names the row's company), and
    // only one row fits.
    n.ingest(
        card_page(&[("zed-42", "Zed Example", "Chief at Nowhere")]),
        NOW + MINUTE,
    )
    .unwrap();
    assert_eq!(n.network.people.len(), 1);
    let zed = n.network.person("zed-42").unwrap();
    assert!(!zed.unmatched);
    assert!(zed.kept, "the keep carries over");
    assert_eq!(zed.company.as_deref(), Some("Nowhere"));
    assert_eq!(zed.connected.unwrap().date.to_string(), "2019-03-05");
}

#[test]
fn rows_without_a_link_match_people_added_earlier_in_the_same_file() {
    let mut n = network_of(&["bo"]);
    let file = read_connections_csv(
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
          Ana,New,https://www.linkedin.com/in/ana-new,,Acme,CTO,01 Jan 2020\n\
          Ana,New,,,Acme,CEO,02 Jan 2020\n",
    )
    .unwrap();
    let report = n.merge_export(file, NOW);
    assert_eq!(
        (report.added, report.matched, report.unmatched),
        (1, 1, 0),
        "{report:?}"
    );
    assert_eq!(
        n.network.person("ana-new").unwrap().position.as_deref(),
        Some("CEO")
    );
}

#[test]
fn a_linked_row_replaces_the_unmatched_row_kept_before_it() {
    const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    let without = format!("{HEADER}Zed,Example,,,Nowhere,Chief,05 Mar 2019\n");
    let with = format!(
        "{HEADER}Zed,Example,https://www.linkedin.com/in/zed-7,,Nowhere,Chief,05 Mar 2019\n"
    );
    // Across two imports, the keep carrying over.
    let mut n = network_of(&["bo"]);
    n.merge_export(read_connections_csv(without.as_bytes()).unwrap(), NOW);
    let key = n
        .network
        .people
        .iter()
        .find(|p| p.unmatched)
        .unwrap()
        .slug
        .clone();
    n.network.set_kept(&[key], true);
    let report = n.merge_export(read_connections_csv(with.as_bytes()).unwrap(), NOW + MINUTE);
    assert_eq!((report.added, report.unmatched), (1, 0));
    assert_eq!(n.network.people.len(), 2);
    assert!(n.network.person("zed-7").unwrap().kept);
    assert!(n.network.people.iter().all(|p| !p.unmatched));
    // Within one file: the row without a link first, then with it.
    let mut n = network_of(&["bo"]);
    let both = format!(
        "{without}Zed,Example,https://www.linkedin.com/in/zed-7,,Nowhere,Chief,05 Mar 2019\n"
    );
    let report = n.merge_export(read_connections_csv(both.as_bytes()).unwrap(), NOW);
    assert_eq!((report.unmatched, report.added), (1, 1), "{report:?}");
    assert_eq!(n.network.people.len(), 2);
    assert!(n.network.person("zed-7").is_some());
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
        Some("Name,Profile URL,Headline,Company,Position,Connected On,Date Precision,Kept,Status")
    );
    assert_eq!(lines.next(), Some("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",https://www.linkedin.com/in/f/,,,,,,,connected"));
    assert_eq!(
        lines.next(),
        Some("\"José \"\"Pepe\"\", Jr.\",https://www.linkedin.com/in/jos%C3%A9-1/,\"'+44 consultant\",,,2024-08-07,day,,connected")
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

    let cases = [
        ("{}", "not a netprune backup"),
        ("[1,2]", "not a netprune backup"),
        (&text[..text.len() / 2], "cut short"),
        (
            &text.replace("\"version\": 1", "\"version\": 9"),
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

fn card_page(cards: &[(&str, &str, &str)]) -> PageReading {
    let mut reading = page(&cards.len().to_string(), &[]);
    reading.cards = cards
        .iter()
        .map(|(slug, name, headline)| Card {
            profile_url: format!("/in/{slug}/"),
            name: name.to_string(),
            headline: Some(headline.to_string()),
            connected_text: None,
        })
        .collect();
    reading
}

#[test]
fn a_kept_linkless_row_never_passes_its_keep_to_a_namesake_of_another_company() {
    let (mut n, key) = kept_linkless_zed();
    // Nobody of that name yet (and the view's name groups are built now).
    assert_eq!(n.rows(&[0])[0].possibly_same_as, None);
    // The page shows a Zed Example who works elsewhere.
    n.ingest(
        card_page(&[("zed-42", "Zed Example", "Engineer at Acme")]),
        NOW + MINUTE,
    )
    .unwrap();
    assert_eq!(n.network.people.len(), 2, "they stay apart");
    let zed = n.network.person("zed-42").unwrap();
    assert!(!zed.kept, "the keep did not pass to a namesake");
    assert_eq!(zed.connected, None);
    assert!(n.network.person(&key).unwrap().kept && n.network.person(&key).unwrap().unmatched);
    // The view marks both as possibly the same person.
    let rows = n.rows(&[0, 1]);
    assert!(
        rows.iter().all(|r| r.possibly_same_as.is_some()),
        "{rows:?}"
    );
    let linked = rows.iter().find(|r| r.slug == "zed-42").unwrap();
    assert!(linked
        .possibly_same_as
        .as_deref()
        .unwrap()
        .contains("Nowhere"));
    let row = rows.iter().find(|r| r.unmatched).unwrap();
    assert!(row
        .possibly_same_as
        .as_deref()
        .unwrap()
        .contains("Engineer at Acme"));
}

#[test]
fn a_linkless_row_without_a_company_never_merges_into_a_namesake() {
    // Ana read on the page (working at Acme), then an export row for Ana.
    let ana_and_row = |row: &str| {
        let mut n = Snapshot::default();
        n.ingest(
            card_page(&[("ana-9", "Ana Example", "Engineer at Acme")]),
            NOW,
        )
        .unwrap();
        let csv =
            format!("First Name,Last Name,Email Address,Company,Position,Connected On\n{row}\n");
        let report = n.merge_export(read_connections_csv(csv.as_bytes()).unwrap(), NOW);
        (n, report)
    };
    let (n, report) = ana_and_row("Ana,Example,,,,05 Mar 2012");
    assert_eq!((report.matched, report.unmatched), (0, 1), "{report:?}");
    assert_eq!(
        n.network.person("ana-9").unwrap().connected,
        None,
        "no 2012 date for a new contact"
    );
    assert_eq!(n.network.people.len(), 2);
    assert!(n.rows(&[0, 1]).iter().all(|r| r.possibly_same_as.is_some()));
    // Name and company, one candidate: they merge.
    let (n, report) = ana_and_row("Ana,Example,,Acme,Engineer,05 Mar 2012");
    assert_eq!(report.matched, 1);
    assert_eq!(n.network.people.len(), 1);
    assert_eq!(n.rows(&[0])[0].possibly_same_as, None);
}

/// Review finding 6: a kept linkless "John Smith, Acme" row and two John
/// Smiths at Acme on the page. Whether both arrive in one reading or one
/// was read before, the row fits two people: it merges into neither, and
/// all three carry the "possibly the same" hint, so neither can inherit the
/// keep (or escape the hint and be queued unawares).
#[test]
fn a_linkless_row_merges_only_when_exactly_one_person_fits_it() {
    let kept_row = || {
        let mut n = Snapshot::default();
        let file = read_connections_csv(
            b"First Name,Last Name,Email Address,Company,Position,Connected On\nJohn,Smith,,Acme,Engineer,05 Mar 2019\n",
        )
        .unwrap();
        n.merge_export(file, NOW);
        let key = n.network.people[0].slug.clone();
        n.network.set_kept(std::slice::from_ref(&key), true);
        (n, key)
    };
    let check = |n: &Snapshot, key: &str| {
        assert_eq!(n.network.people.len(), 3, "they stay apart");
        for slug in ["john-1", "john-2"] {
            let john = n.network.person(slug).unwrap();
            assert!(!john.kept, "{slug} inherited the keep");
            assert_eq!(john.connected, None, "{slug} inherited the date");
        }
        assert!(n.network.person(key).unwrap().unmatched);
        let rows = n.rows(&[0, 1, 2]);
        assert!(
            rows.iter().all(|r| r.possibly_same_as.is_some()),
            "{rows:?}"
        );
    };
    // Both in the same reading.
    let (mut n, key) = kept_row();
    n.ingest(
        card_page(&[
            ("john-1", "John Smith", "Engineer at Acme"),
            ("john-2", "John Smith", "Sales at Acme"),
        ]),
        NOW + MINUTE,
    )
    .unwrap();
    check(&n, &key);
    // Two read before the row is imported (so it stays apart), then a
    // third at Acme: the row fits three people, and merges into none.
    let mut n = Snapshot::default();
    n.ingest(
        card_page(&[
            ("john-1", "John Smith", "Engineer at Acme"),
            ("john-2", "John Smith", "Sales at Acme"),
        ]),
        NOW,
    )
    .unwrap();
    let file = read_connections_csv(
        b"First Name,Last Name,Email Address,Company,Position,Connected On\nJohn,Smith,,Acme,Engineer,05 Mar 2019\n",
    )
    .unwrap();
    let report = n.merge_export(file, NOW);
    assert_eq!(report.unmatched, 1, "{report:?}");
    let key = n
        .network
        .people
        .iter()
        .find(|p| p.unmatched)
        .unwrap()
        .slug
        .clone();
    n.network.set_kept(std::slice::from_ref(&key), true);
    n.ingest(
        card_page(&[("john-3", "John Smith", "Manager at Acme")]),
        NOW + MINUTE,
    )
    .unwrap();
    assert_eq!(n.network.people.len(), 4, "they stay apart");
    let john = n.network.person("john-3").unwrap();
    assert!(!john.kept, "john-3 inherited the keep");
    assert!(n.network.person(&key).unwrap().unmatched);
}
