//! LinkedIn's data archive merged into the network: who a digest's
//! counterparts are (by link, by a name one connection has, never the
//! member), what a later or an older archive changes, the query terms and
//! sort over the contact, the rows, the histogram, the CSV, and storage.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/network.rs"]
mod network;

use netprune::intake::archive::{ArchiveDigest, Counterpart, FileKind, Owner};
use netprune::network::contact::{Interaction, InvitedBy};
use network::*;

/// 2026-11-21, as a day.
const TODAY: i32 = 20_778;

fn counterpart(slug: Option<&str>, name: &str, interaction: Interaction) -> Counterpart {
    Counterpart {
        slug: slug.map(str::to_string),
        name: name.to_string(),
        interaction,
    }
}

fn messaged(sent: u32, received: u32, first: i32, last: i32) -> Interaction {
    Interaction {
        conversations: 1,
        sent,
        received,
        first_message: Some(first),
        last_message: Some(last),
        ..Interaction::default()
    }
}

fn digest(day: i32, kinds: &[FileKind], counterparts: Vec<Counterpart>) -> ArchiveDigest {
    ArchiveDigest {
        archive_day: Some(day),
        kinds: kinds.to_vec(),
        owner: Some(Owner {
            slug: Some("me-0".into()),
            name: "Me Member".into(),
        }),
        counterparts,
        ..ArchiveDigest::default()
    }
}

fn contact<'a>(net: &'a Snapshot, slug: &str) -> Option<&'a Interaction> {
    net.network.person(slug).unwrap().contact()
}

fn find(net: &mut Snapshot, query: &str) -> Vec<String> {
    net.query(query, NOW)
        .unwrap_or_else(|e| panic!("{query}: {e}"))
        .into_iter()
        .map(|i| net.network.people[i as usize].slug.clone())
        .collect()
}

#[test]
fn counterparts_match_by_link_then_by_a_name_one_connection_has() {
    // "ann-1" and "ann-2" are both "Ann Example".
    let mut net = network_of(&["ana-1", "bob-2", "ann-1", "ann-2", "cy-3"]);
    let report = net
        .merge_archive(
            digest(
                TODAY - 30,
                &[FileKind::Messages],
                vec![
                    counterpart(Some("ana-1"), "Ana Renamed", messaged(2, 1, 19_000, 20_000)),
                    counterpart(None, "BOB example", messaged(1, 0, 19_500, 19_500)),
                    counterpart(None, "Ann Example", messaged(5, 5, 19_000, 20_700)),
                    counterpart(None, "Nobody Here", messaged(1, 1, 20_000, 20_001)),
                    // A link the network does not hold is nobody, even when
                    // a connection has the name.
                    counterpart(
                        Some("cy-other"),
                        "Cy Example",
                        messaged(1, 1, 20_000, 20_001),
                    ),
                    // The member is never their own contact.
                    counterpart(Some("me-0"), "Me Member", messaged(9, 9, 19_000, 20_700)),
                    counterpart(None, "Me Member", messaged(9, 9, 19_000, 20_700)),
                ],
            ),
            NOW,
        )
        .unwrap();
    assert_eq!(report.counterparts, 5);
    assert_eq!(report.matched_by_link, 1);
    assert_eq!(report.matched_by_name, 1);
    assert_eq!(report.ambiguous, 1);
    assert_eq!(report.unmatched, 2);
    assert_eq!(report.unmatched_names, vec!["Nobody Here", "Cy Example"]);
    assert_eq!(report.people_with_contact, 2);
    assert_eq!(report.archive_day.as_deref(), Some("2026-10-22"));
    assert_eq!(report.previous_archive_day, None);
    assert!(!report.older_than_stored);
    assert_eq!(contact(&net, "ana-1").unwrap().messages(), 3);
    assert_eq!(contact(&net, "bob-2").unwrap().messages(), 1);
    assert_eq!(contact(&net, "ann-1"), None);
    assert_eq!(contact(&net, "cy-3"), None);
    // The name stays the page's.
    assert_eq!(net.network.person("ana-1").unwrap().name, "Ana Example");
}

#[test]
fn counterparts_landing_on_one_person_are_added_up() {
    let mut net = network_of(&["ana-1"]);
    let invited_late = Interaction {
        invited_by: Some(InvitedBy::Them),
        invited_on: Some(19_900),
        endorsements_received: 1,
        ..messaged(1, 0, 19_800, 19_900)
    };
    let invited_early = Interaction {
        invited_by: Some(InvitedBy::Member),
        invited_on: Some(18_000),
        endorsements_received: 2,
        ..messaged(2, 3, 19_000, 19_100)
    };
    net.merge_archive(
        digest(
            TODAY,
            &[
                FileKind::Messages,
                FileKind::Invitations,
                FileKind::EndorsementsReceived,
            ],
            vec![
                counterpart(Some("ana-1"), "Ana", invited_late),
                counterpart(None, "Ana Example", invited_early),
            ],
        ),
        NOW,
    )
    .unwrap();
    let c = contact(&net, "ana-1").unwrap();
    assert_eq!((c.sent, c.received, c.conversations), (3, 3, 2));
    assert_eq!(
        (c.first_message, c.last_message),
        (Some(19_000), Some(19_900))
    );
    assert_eq!(
        (c.invited_by, c.invited_on),
        (Some(InvitedBy::Them), Some(19_900))
    );
    assert_eq!(c.endorsements_received, 3);
}

#[test]
fn the_archives_connections_are_merged_first() {
    let mut net = network_of(&["ana-1"]);
    let mut archive = digest(
        TODAY,
        &[FileKind::Connections, FileKind::Messages],
        vec![counterpart(
            Some("dee-4"),
            "Dee Four",
            messaged(1, 1, 20_000, 20_100),
        )],
    );
    archive.connections = Some(
        read_connections_csv(&csv(&[
            "Dee,Four,https://www.linkedin.com/in/dee-4,,Initech,CTO,07 Aug 2024",
        ]))
        .unwrap(),
    );
    let report = net.merge_archive(archive, NOW).unwrap();
    let connections = report.connections.unwrap();
    assert_eq!((connections.added, connections.rows), (1, 1));
    assert_eq!(report.matched_by_link, 1);
    assert_eq!(contact(&net, "dee-4").unwrap().messages(), 2);
}

#[test]
fn a_digest_with_nothing_to_merge_is_refused_and_changes_nothing() {
    let mut net = network_of(&["ana-1"]);
    let before = net.to_json();
    let empty = ArchiveDigest {
        counterparts: vec![counterpart(Some("ana-1"), "Ana", messaged(1, 1, 1, 2))],
        ..ArchiveDigest::default()
    };
    assert!(matches!(
        net.merge_archive(empty, NOW),
        Err(ModelError::BadInput(_))
    ));
    assert_eq!(net.to_json(), before);
}

#[test]
fn a_later_archive_replaces_counts_for_whom_it_names_and_loses_nothing() {
    let mut net = network_of(&["ana-1", "bob-2", "cy-3"]);
    net.network.set_kept(&["ana-1".to_string()], true);
    let first = Interaction {
        invited_by: Some(InvitedBy::Member),
        invited_on: Some(18_000),
        endorsements_given: 2,
        ..messaged(4, 4, 19_000, 19_500)
    };
    net.merge_archive(
        digest(
            20_000,
            &[
                FileKind::Messages,
                FileKind::Invitations,
                FileKind::EndorsementsGiven,
            ],
            vec![
                counterpart(Some("ana-1"), "Ana", first.clone()),
                counterpart(Some("bob-2"), "Bob", messaged(1, 0, 19_100, 19_100)),
            ],
        ),
        NOW - 1_000,
    )
    .unwrap();

    // The later archive holds messages only: Ana's count is its own, her
    // first message stays the earlier one, her invitation and
    // endorsements stay; Bob, not named, keeps his.
    let report = net
        .merge_archive(
            digest(
                20_400,
                &[FileKind::Messages],
                vec![
                    counterpart(Some("ana-1"), "Ana", messaged(1, 1, 19_200, 20_300)),
                    counterpart(Some("cy-3"), "Cy", messaged(0, 2, 20_350, 20_390)),
                ],
            ),
            NOW,
        )
        .unwrap();
    assert_eq!(report.previous_archive_day.as_deref(), Some("2024-10-04"));
    assert!(!report.older_than_stored);
    let ana = contact(&net, "ana-1").unwrap();
    assert_eq!((ana.sent, ana.received, ana.conversations), (1, 1, 1));
    assert_eq!(
        (ana.first_message, ana.last_message),
        (Some(19_000), Some(20_300))
    );
    assert_eq!(ana.invited_by, Some(InvitedBy::Member));
    assert_eq!(ana.endorsements_given, 2);
    assert_eq!(contact(&net, "bob-2").unwrap().messages(), 1);
    assert_eq!(contact(&net, "cy-3").unwrap().received, 2);
    assert!(net.network.person("ana-1").unwrap().kept);
    let info = net.network.archive.as_ref().unwrap();
    assert_eq!(info.archive_day, Some(20_400));
    assert_eq!(info.imported_ms, NOW);
    let kinds: Vec<FileKind> = info.kinds.iter().map(|k| k.kind).collect();
    assert_eq!(
        kinds,
        vec![
            FileKind::Messages,
            FileKind::Invitations,
            FileKind::EndorsementsGiven
        ]
    );
    assert_eq!(
        info.kind(FileKind::Invitations).unwrap().archive_day,
        Some(20_000)
    );
}

#[test]
fn an_older_archive_only_widens_dates() {
    let mut net = network_of(&["ana-1", "bob-2"]);
    let newer = Interaction {
        invited_by: Some(InvitedBy::Them),
        invited_on: Some(19_000),
        ..messaged(5, 5, 19_500, 20_300)
    };
    net.merge_archive(
        digest(
            20_400,
            &[FileKind::Messages, FileKind::Invitations],
            vec![counterpart(Some("ana-1"), "Ana", newer)],
        ),
        NOW,
    )
    .unwrap();
    let older = Interaction {
        invited_by: Some(InvitedBy::Member),
        invited_on: Some(18_000),
        ..messaged(1, 0, 18_500, 19_800)
    };
    let report = net
        .merge_archive(
            digest(
                20_000,
                &[FileKind::Messages, FileKind::Invitations],
                vec![
                    counterpart(Some("ana-1"), "Ana", older),
                    counterpart(Some("bob-2"), "Bob", messaged(1, 1, 18_000, 18_100)),
                ],
            ),
            NOW + 1,
        )
        .unwrap();
    assert!(report.older_than_stored);
    assert_eq!(report.previous_archive_day.as_deref(), Some("2025-11-08"));
    let ana = contact(&net, "ana-1").unwrap();
    assert_eq!((ana.sent, ana.received), (5, 5));
    assert_eq!(
        (ana.first_message, ana.last_message),
        (Some(18_500), Some(20_300))
    );
    assert_eq!(
        (ana.invited_by, ana.invited_on),
        (Some(InvitedBy::Them), Some(19_000))
    );
    // Someone the newer archive did not name gets the older one's dates.
    assert_eq!(contact(&net, "bob-2").unwrap().last_message, Some(18_100));
    let info = net.network.archive.as_ref().unwrap();
    assert_eq!(info.archive_day, Some(20_400));
    assert_eq!(
        info.kind(FileKind::Messages).unwrap().archive_day,
        Some(20_400)
    );
}

#[test]
fn the_archive_terms_find_the_right_people() {
    let mut net = network_of(&["ana-1", "bob-2", "cy-3", "dee-4"]);
    // Before an archive with messages, message terms match nobody, negated
    // or not; the others read what is known.
    net.merge_archive(
        digest(
            TODAY,
            &[FileKind::Invitations],
            vec![counterpart(
                Some("dee-4"),
                "Dee",
                Interaction {
                    invited_by: Some(InvitedBy::Them),
                    invited_on: Some(18_000),
                    ..Interaction::default()
                },
            )],
        ),
        NOW,
    )
    .unwrap();
    for query in [
        "messaged:never",
        "-messaged:never",
        "messages:0",
        "-messages:>3",
        "messaged:before:1y",
        "-messaged:after:2020",
    ] {
        assert!(find(&mut net, query).is_empty(), "{query}");
    }
    assert_eq!(find(&mut net, "invited:me"), vec!["dee-4"]);
    assert_eq!(find(&mut net, "-invited:me").len(), 3);

    let endorsed = Interaction {
        endorsements_given: 1,
        recommendations_received: 1,
        ..messaged(3, 4, 19_000, TODAY - 400)
    };
    net.merge_archive(
        digest(
            TODAY,
            &[
                FileKind::Messages,
                FileKind::EndorsementsGiven,
                FileKind::RecommendationsReceived,
            ],
            vec![
                counterpart(Some("ana-1"), "Ana", endorsed),
                counterpart(Some("bob-2"), "Bob", messaged(1, 0, 17_000, TODAY - 2_000)),
            ],
        ),
        NOW,
    )
    .unwrap();
    // Cy and Dee, not named by the messages, were never messaged.
    assert_eq!(find(&mut net, "messaged:never"), vec!["cy-3", "dee-4"]);
    assert_eq!(find(&mut net, "-messaged:never"), vec!["ana-1", "bob-2"]);
    assert_eq!(find(&mut net, "invited:me messaged:never"), vec!["dee-4"]);
    assert_eq!(find(&mut net, "messaged:before:5y"), vec!["bob-2"]);
    assert_eq!(find(&mut net, "messaged:after:5y"), vec!["ana-1"]);
    // Someone never messaged matches neither, even negated.
    assert_eq!(find(&mut net, "-messaged:before:5y"), vec!["ana-1"]);
    assert_eq!(find(&mut net, "messages:>5"), vec!["ana-1"]);
    assert_eq!(
        find(&mut net, "messages:<2"),
        vec!["bob-2", "cy-3", "dee-4"]
    );
    assert_eq!(find(&mut net, "messages:7"), vec!["ana-1"]);
    assert_eq!(
        find(&mut net, "-messages:7"),
        vec!["bob-2", "cy-3", "dee-4"]
    );
    assert_eq!(find(&mut net, "endorsed:any"), vec!["ana-1"]);
    assert_eq!(find(&mut net, "endorsed:them"), vec!["ana-1"]);
    assert!(find(&mut net, "endorsed:me").is_empty());
    assert_eq!(find(&mut net, "recommended:me"), vec!["ana-1"]);
    assert!(find(&mut net, "recommended:them").is_empty());
    assert_eq!(find(&mut net, "invited:them"), Vec::<String>::new());
    // Never messaged last, both ways.
    assert_eq!(
        find(&mut net, "sort:contact"),
        vec!["bob-2", "ana-1", "cy-3", "dee-4"]
    );
    assert_eq!(
        find(&mut net, "sort:-contact"),
        vec!["ana-1", "bob-2", "cy-3", "dee-4"]
    );
    assert_eq!(
        find(&mut net, "messaged:before:5y sort:contact"),
        vec!["bob-2"]
    );
}

#[test]
fn rows_histogram_and_csv_show_the_contact() {
    let mut net = network_of(&["ana-1", "bob-2", "cy-3"]);
    let everyone = [0, 1, 2];
    let unknown = net.contact_histogram(&everyone, NOW);
    assert_eq!((unknown.unknown, unknown.never), (3, 0));
    assert!(unknown.years.iter().all(|bar| bar.count == 0));
    assert_eq!(net.rows(&[0])[0].contact, None);

    net.merge_archive(
        digest(
            TODAY,
            &[FileKind::Messages],
            vec![
                // 2026-11-20: under a year.
                counterpart(Some("ana-1"), "Ana", messaged(2, 1, 19_000, TODAY - 1)),
                // 2011: ten years or more.
                counterpart(Some("bob-2"), "Bob", messaged(1, 0, 15_000, 15_000)),
            ],
        ),
        NOW,
    )
    .unwrap();
    let histogram = net.contact_histogram(&everyone, NOW);
    assert_eq!((histogram.unknown, histogram.never), (0, 1));
    let counts: Vec<(u32, u32)> = histogram.years.iter().map(|b| (b.years, b.count)).collect();
    assert_eq!(counts.len(), 11);
    assert_eq!(counts[0], (0, 1));
    assert_eq!(counts[10], (10, 1));

    let index = net.network.index_of("ana-1").unwrap() as u32;
    let row = net.rows(&[index]).remove(0);
    let c = row.contact.unwrap();
    assert_eq!(c.last_message.as_deref(), Some("2026-11-20"));
    assert_eq!((c.messages, c.sent, c.received), (3, 2, 1));

    let csv = net.export_csv(&everyone);
    let mut lines = csv.split("\r\n");
    assert!(lines
        .next()
        .unwrap()
        .ends_with(",Status,Last contact,Messages,Relations"));
    let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    assert!(
        rows.iter()
            .any(|l| l.ends_with(",connected,2026-11-20,3,connection")),
        "{csv}"
    );
    assert!(
        rows.iter().any(|l| l.ends_with(",connected,,0,connection")),
        "{csv}"
    );
}

#[test]
fn the_archive_and_contacts_survive_storage_and_older_snapshots_read() {
    let mut net = network_of(&["ana-1", "bob-2"]);
    let older_json = net.to_json();
    assert!(!older_json.contains("archive"));
    let restored = Snapshot::from_json(&older_json).unwrap();
    assert_eq!(restored.network.archive, None);

    net.merge_archive(
        digest(
            TODAY,
            &[FileKind::Messages, FileKind::Invitations],
            vec![counterpart(
                Some("ana-1"),
                "Ana",
                Interaction {
                    invited_by: Some(InvitedBy::Them),
                    invited_on: Some(18_000),
                    ..messaged(2, 1, 19_000, 20_000)
                },
            )],
        ),
        NOW,
    )
    .unwrap();
    let from_json = Snapshot::from_json(&net.to_json()).unwrap();
    assert_eq!(from_json, net);
    let from_compact = Snapshot::from_compact(&net.to_compact()).unwrap();
    assert_eq!(from_compact, net);
    assert_eq!(contact(&from_compact, "ana-1"), contact(&net, "ana-1"));
    assert!(from_compact
        .network
        .archive
        .as_ref()
        .unwrap()
        .has_messages());
    // A backup carries them too.
    let backup = Snapshot::from_backup_json(&net.to_backup_json(NOW)).unwrap();
    assert_eq!(contact(&backup, "ana-1"), contact(&net, "ana-1"));
    assert_eq!(backup.network.archive, net.network.archive);
}

#[test]
fn each_contact_bar_holds_what_its_query_finds() {
    let slugs: Vec<String> = (0..24).map(|i| format!("p{i}-x")).collect();
    let slug_refs: Vec<&str> = slugs.iter().map(String::as_str).collect();
    let mut net = network_of(&slug_refs);
    // Last messages on and around each year's boundary, and far back.
    let ages = [
        0, 1, 364, 365, 366, 367, 730, 731, 1_095, 1_096, 1_461, 1_826, 2_191, 2_556, 2_922, 3_287,
        3_652, 3_653, 3_654, 5_000, 9_000, 20, 400,
    ];
    let counterparts = slugs
        .iter()
        .zip(ages)
        .map(|(slug, age)| counterpart(Some(slug), "X", messaged(1, 1, TODAY - age, TODAY - age)))
        .collect();
    net.merge_archive(digest(TODAY, &[FileKind::Messages], counterparts), NOW)
        .unwrap();
    let everyone: Vec<u32> = (0..slugs.len() as u32).collect();
    let histogram = net.contact_histogram(&everyone, NOW);
    assert_eq!(histogram.never, 1);
    for bar in &histogram.years {
        let query = match bar.years {
            0 => "messaged:after:1y".to_string(),
            10 => "messaged:before:10y".to_string(),
            n => format!("messaged:before:{n}y messaged:after:{}y", n + 1),
        };
        assert_eq!(find(&mut net, &query).len() as u32, bar.count, "{query}");
    }
}

#[test]
fn a_linkless_export_row_keeps_its_contact_when_the_page_shows_who_it_is() {
    let mut net = Snapshot::default();
    net.merge_export(
        read_connections_csv(&csv(&["Dee,Four,,,Initech,CTO,07 Aug 2024"])).unwrap(),
        NOW,
    );
    let report = net
        .merge_archive(
            digest(
                TODAY,
                &[FileKind::Messages],
                vec![counterpart(
                    None,
                    "Dee Four",
                    messaged(2, 2, 19_000, 20_000),
                )],
            ),
            NOW,
        )
        .unwrap();
    assert_eq!(report.matched_by_name, 1);
    // The connections page shows her, with a link and a headline naming
    // the export row's company: the row becomes her, contact and all.
    let card = Card {
        headline: Some("CTO at Initech".into()),
        ..linked_card("dee-4", "Dee Four".into())
    };
    net.ingest(connections_page("1", vec![card]), NOW).unwrap();
    assert_eq!(net.network.people.len(), 1);
    assert_eq!(contact(&net, "dee-4").unwrap().messages(), 4);
    // And an export row that later comes with its link keeps it too.
    let mut net = Snapshot::default();
    net.merge_export(
        read_connections_csv(&csv(&["Eve,Five,,,Globex,CEO,07 Aug 2024"])).unwrap(),
        NOW,
    );
    net.merge_archive(
        digest(
            TODAY,
            &[FileKind::Messages],
            vec![counterpart(
                None,
                "Eve Five",
                messaged(1, 0, 19_000, 20_000),
            )],
        ),
        NOW,
    )
    .unwrap();
    net.merge_export(
        read_connections_csv(&csv(&[
            "Eve,Five,https://www.linkedin.com/in/eve-5,,Globex,CEO,07 Aug 2024",
        ]))
        .unwrap(),
        NOW,
    );
    assert_eq!(net.network.people.len(), 1);
    assert_eq!(contact(&net, "eve-5").unwrap().messages(), 1);
}

#[test]
fn someone_connected_after_the_archive_was_made_is_unknown_not_never_messaged() {
    // Both read today; "old-1" connected in 2019 (the export says so), "new-2"
    // has no date and was first read after the archive's day.
    let mut net = network_of(&["old-1", "new-2", "ana-3"]);
    net.merge_export(
        read_connections_csv(&csv(&[
            "Old,Example,https://www.linkedin.com/in/old-1,,,,03 Mar 2019",
        ]))
        .unwrap(),
        NOW,
    );
    net.merge_archive(
        digest(
            TODAY - 30,
            &[FileKind::Messages],
            vec![counterpart(
                Some("ana-3"),
                "Ana",
                messaged(1, 1, 20_000, 20_001),
            )],
        ),
        NOW,
    )
    .unwrap();
    assert_eq!(find(&mut net, "messaged:never"), vec!["old-1"]);
    assert_eq!(find(&mut net, "messages:<1"), vec!["old-1"]);
    assert!(find(&mut net, "-messaged:never").contains(&"ana-3".to_string()));
    assert!(!find(&mut net, "-messaged:never").contains(&"new-2".to_string()));
    let all: Vec<u32> = (0..net.network.people.len() as u32).collect();
    let histogram = net.contact_histogram(&all, NOW);
    assert_eq!((histogram.never, histogram.unknown), (1, 1));
    let index = net.network.index_of("new-2").unwrap() as u32;
    assert!(net.rows(&[index])[0].contact.is_none());
    let index = net.network.index_of("old-1").unwrap() as u32;
    assert_eq!(
        net.rows(&[index])[0].contact.as_ref().map(|c| c.messages),
        Some(0)
    );
}

#[test]
fn an_archive_without_one_readable_date_never_replaces_a_dated_one() {
    let mut net = network_of(&["ana-1"]);
    net.merge_archive(
        digest(
            TODAY,
            &[FileKind::Messages],
            vec![counterpart(
                Some("ana-1"),
                "Ana",
                messaged(4, 4, 20_000, 20_500),
            )],
        ),
        NOW,
    )
    .unwrap();
    let undated = ArchiveDigest {
        archive_day: None,
        ..digest(
            TODAY,
            &[FileKind::Messages],
            vec![counterpart(
                Some("ana-1"),
                "Ana",
                Interaction {
                    conversations: 1,
                    sent: 1,
                    ..Interaction::default()
                },
            )],
        )
    };
    net.merge_archive(undated, NOW).unwrap();
    assert_eq!(contact(&net, "ana-1").unwrap().messages(), 8);
}

#[test]
fn a_later_archive_without_messages_does_not_make_a_newer_connection_never_messaged() {
    // Connected (first read) after the messages archive's day; a later
    // archive of endorsements alone names them.
    let mut net = network_of(&["ana-1", "new-2"]);
    net.merge_archive(
        digest(
            TODAY - 30,
            &[FileKind::Messages],
            vec![counterpart(
                Some("ana-1"),
                "Ana",
                messaged(1, 1, 20_000, 20_001),
            )],
        ),
        NOW,
    )
    .unwrap();
    net.merge_archive(
        digest(
            TODAY,
            &[FileKind::EndorsementsReceived],
            vec![counterpart(
                Some("new-2"),
                "New",
                Interaction {
                    endorsements_received: 2,
                    ..Interaction::default()
                },
            )],
        ),
        NOW,
    )
    .unwrap();
    assert!(find(&mut net, "messaged:never").is_empty());
    assert!(find(&mut net, "messages:0").is_empty());
    assert_eq!(find(&mut net, "endorsed:me"), vec!["new-2"]);
}
