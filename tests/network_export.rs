//! LinkedIn's export merged into the network: rows match by link, or by
//! name and company only when exactly one person fits; linkless rows never
//! pass their keep to a namesake; re-imports add no duplicates.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/network.rs"]
mod network;

use netprune::intake::merge::ImportReport;
use network::*;

/// Reads `csv` as LinkedIn's export and merges it at `at_ms`.
fn merge(n: &mut Snapshot, csv: &[u8], at_ms: i64) -> ImportReport {
    n.merge_export(read_connections_csv(csv).unwrap(), at_ms)
}

/// The rows the merge matched, added and left unmatched, in that order.
fn tally(report: &ImportReport) -> (usize, usize, usize) {
    (report.matched, report.added, report.unmatched)
}

fn position<'a>(n: &'a Snapshot, slug: &str) -> Option<&'a str> {
    n.network.person(slug).unwrap().position.as_deref()
}

#[test]
fn export_rows_match_by_slug_and_fill_company_position_and_exact_date() {
    let mut n = network_of(&["ana", "bo"]);
    let report = merge(
        &mut n,
        &csv(&[
            "Ana,Example,https://www.linkedin.com/in/ana,,Acme Corp,CTO,07 Aug 2024",
            "Dee,New,https://www.linkedin.com/in/dee-new,,Initech,Analyst,01 Jan 2019",
        ]),
        NOW,
    );
    assert_eq!(report.rows, 2);
    assert_eq!(tally(&report), (1, 1, 0), "{report:?}");
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
    let report = merge(
        &mut n,
        b"First Name,Last Name,Email Address,Company,Position,Connected On\n\
          Bo,Example,,Acme,Engineer,01 Jan 2020\n\
          Sam,Example,,Acme,Engineer,01 Jan 2020\n\
          Zed,Unknown,,Nowhere,Chief,01 Jan 2020\n",
        NOW,
    );
    // Bo matches; the Sam row fits two people (the page shows no company to
    // tell them apart), so it stays unmatched rather than guessed; Zed fits
    // no one.
    assert_eq!(tally(&report), (1, 0, 2), "{report:?}");
    assert_eq!(position(&n, "bo"), Some("Engineer"));
    let unmatched: Vec<_> = n.network.people.iter().filter(|p| p.unmatched).collect();
    assert_eq!(unmatched.len(), 2);
    assert!(unmatched.iter().all(|p| p.slug.starts_with("export:")));
    assert!(n.rows(&[n.network.index_of(&unmatched[0].slug).unwrap() as u32])[0].unmatched);
}

#[test]
fn reimporting_the_same_export_adds_no_duplicates() {
    let mut n = network_of(&["ana"]);
    let bytes = b"First Name,Last Name,Email Address,Company,Position,Connected On\nZed,Unknown,,Nowhere,Chief,01 Jan 2020\nZed,Unknown,,Nowhere,Chief,01 Jan 2020\n";
    merge(&mut n, bytes, NOW);
    let count = n.network.people.len();
    merge(&mut n, bytes, NOW + MINUTE);
    assert_eq!(n.network.people.len(), count);
    assert_eq!(count, 3, "two identical rows are two people");
}

/// A network holding one kept export row without a profile link (`row`:
/// first and last name, email, company, position, connected on). Answers
/// it and the row's key.
fn kept_linkless(row: &str) -> (Snapshot, String) {
    let mut n = Snapshot::default();
    let file = format!("First Name,Last Name,Email Address,Company,Position,Connected On\n{row}\n");
    merge(&mut n, file.as_bytes(), NOW);
    let key = keep_the_unmatched(&mut n);
    (n, key)
}

/// Keeps the one export row without a profile link; answers its key.
fn keep_the_unmatched(n: &mut Snapshot) -> String {
    let row = n.network.people.iter().find(|p| p.unmatched).unwrap();
    let key = row.slug.clone();
    n.network.set_kept(std::slice::from_ref(&key), true);
    key
}

/// Zed Example, Chief at Nowhere, kept and known from the export alone.
fn kept_linkless_zed() -> (Snapshot, String) {
    kept_linkless("Zed,Example,,Nowhere,Chief,05 Mar 2019")
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
    let report = merge(
        &mut n,
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
          Ana,New,https://www.linkedin.com/in/ana-new,,Acme,CTO,01 Jan 2020\n\
          Ana,New,,,Acme,CEO,02 Jan 2020\n",
        NOW,
    );
    assert_eq!(tally(&report), (1, 1, 0), "{report:?}");
    assert_eq!(position(&n, "ana-new"), Some("CEO"));
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
    merge(&mut n, without.as_bytes(), NOW);
    keep_the_unmatched(&mut n);
    let report = merge(&mut n, with.as_bytes(), NOW + MINUTE);
    assert_eq!((report.added, report.unmatched), (1, 0));
    assert_eq!(n.network.people.len(), 2);
    assert!(n.network.person("zed-7").unwrap().kept);
    assert!(n.network.people.iter().all(|p| !p.unmatched));
    // Within one file: the row without a link first, then with it.
    let mut n = network_of(&["bo"]);
    let both = format!(
        "{without}Zed,Example,https://www.linkedin.com/in/zed-7,,Nowhere,Chief,05 Mar 2019\n"
    );
    let report = merge(&mut n, both.as_bytes(), NOW);
    assert_eq!((report.unmatched, report.added), (1, 1), "{report:?}");
    assert_eq!(n.network.people.len(), 2);
    assert!(n.network.person("zed-7").is_some());
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
        let report = merge(&mut n, csv.as_bytes(), NOW);
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
    let kept_row = || kept_linkless("John,Smith,,Acme,Engineer,05 Mar 2019");
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
    let report = merge(
        &mut n,
        b"First Name,Last Name,Email Address,Company,Position,Connected On\nJohn,Smith,,Acme,Engineer,05 Mar 2019\n",
        NOW,
    );
    assert_eq!(report.unmatched, 1, "{report:?}");
    let key = keep_the_unmatched(&mut n);
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
