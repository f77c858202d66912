//! The compact snapshot (the form the background stores): it holds
//! everything the JSON snapshot holds, reads back equal, migrates a JSON
//! snapshot of the old format losing nothing, and refuses damaged or newer
//! bytes with the right kind of error, never panicking on any input.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/queue.rs"]
mod queue;

use netprune::network::calendar::{CivilDate, ConnectedDate, DatePrecision};
use netprune::network::contact::{Interaction, InvitedBy};
use netprune::network::model::{
    Follow, Follower, Invitation, ModelError, Person, Relations, Source,
};
use netprune::storage::compact::{ByteSource, COMPACT_VERSION};
use queue::*;

/// A JSON snapshot as the builds before the compact form stored it
/// (storage.local.snapshot), written by hand in their field names and
/// order: a connection read from the page with an estimated date, one from
/// the export with company and position, kept; one gone, one removed by
/// netprune and logged; readings, the last page, a saved query, a finished
/// collection run, and a queue with its settings, pacing state and log.
const OLD_JSON: &str = r#"{"version":1,"people":[{"slug":"ana-lima-1","name":"Ana Lima","headline":"Recruiter at Acme","connected":{"date":{"year":2021,"month":3,"day":14},"precision":"month"},"source":"connections-page","firstSeenMs":1795262400000,"lastSeenMs":1795262460000,"lastRun":2},{"slug":"bo-öberg","name":"Bo \"Bobby\" Öberg, Jr. 🚀","company":"=cmd|' /C calc'!A0","position":"Engineer","connected":{"date":{"year":2016,"month":2,"day":29},"precision":"day"},"source":"export","firstSeenMs":1795262400000,"lastSeenMs":1795262400000,"kept":true},{"slug":"unmatched:carla-diaz","name":"Carla Díaz","source":"export","firstSeenMs":1795262400000,"lastSeenMs":1795262400000,"unmatched":true},{"slug":"dan-gone","name":"Dan","source":"connections-page","firstSeenMs":1795000000000,"lastSeenMs":1795100000000,"lastRun":1,"goneSinceMs":1795262400000},{"slug":"eve-removed","name":"يوسف","source":"connections-page","firstSeenMs":1795000000000,"lastSeenMs":1795100000000,"lastRun":1,"removedAtMs":1795262500000}],"readings":[{"kind":"connections","figure":{"value":1234,"precision":"exact","shown":"1,234","low":1234,"high":1234},"source":"connections-page","firstReadMs":1795262400000,"readMs":1795262460000}],"goal":"consultant","lastPage":{"page":"connections","status":"recognised","url":"https://www.linkedin.com/mynetwork/invite-connect/connections/","generation":"sdui-2026","language":"pt-BR","reason":null,"atMs":1795262460000},"collection":{"run":2,"running":false,"startedAtMs":1795262400000,"endedAtMs":1795262460000,"seen":3,"target":1234,"outcome":"ended","reason":"the list ended","gone":0},"savedQueries":[{"name":"old recruiters","query":"recruiter before:5y"}],"queue":{"settings":{"minDelayMs":20000,"medianDelayMs":45000,"breatherEveryMin":4,"breatherEveryMax":8,"breatherMinMs":180000,"breatherMaxMs":600000,"hourlyCap":10,"dailyCap":40,"quietStartMinute":1320,"quietEndMinute":420,"backoffBaseMs":120000,"backoffCapMs":3600000,"cooldownMs":86400000},"entries":[{"slug":"ana-lima-1","name":"Ana Lima","queuedAtMs":1795262400000,"status":{"kind":"pending"},"attempts":0,"dryRun":false}],"log":[{"slug":"ana-lima-1","name":"Ana Lima","atMs":1795262400000,"from":null,"to":"pending","detail":"queued"}],"paused":null,"step":null,"nextAttempt":1,"attempts":[],"hold":null,"untilBreather":5,"consecutiveFailures":0,"cooldown":null,"taught":[],"rng":"9e3779b97f4a7c3f","seeded":true}}"#;

#[test]
fn a_json_snapshot_of_the_old_format_migrates_losing_nothing() {
    let old = match Snapshot::from_json(OLD_JSON) {
        Ok(old) => old,
        // The fixture is hand-written: say which part of it no longer reads.
        Err(e) => panic!("the old-format fixture does not read: {e}"),
    };
    assert_eq!(old.network.people.len(), 5);
    let bytes = old.to_compact();
    let migrated = Snapshot::from_compact(&bytes).unwrap();
    assert_eq!(migrated, old, "the compact form lost or changed something");
    // What the new form holds, written back as JSON, is what the old form
    // held: every person, reading, saved query and the goal, field for field.
    let mut as_json: serde_json::Value = serde_json::from_str(&migrated.to_json()).unwrap();
    let original: serde_json::Value = serde_json::from_str(OLD_JSON).unwrap();
    // Settings added since (the caps of the other kinds of step) take
    // their defaults; everything the old form held is unchanged.
    let settings = as_json["queue"]["settings"].as_object_mut().unwrap();
    for (key, default) in [
        ("withdrawHourlyCap", 10),
        ("withdrawDailyCap", 40),
        ("unfollowHourlyCap", 15),
        ("unfollowDailyCap", 60),
        ("overallDailyCap", 100),
    ] {
        assert_eq!(settings.remove(key), Some(default.into()), "{key}");
    }
    assert_eq!(as_json, original, "the network changed in the migration");
}

#[test]
fn a_snapshot_with_a_busy_queue_reads_back_equal() {
    let mut n = network_of(&["ana", "bo", "cy", "di", "ed"]);
    n.network.set_kept(&strings(&["ed"]), true);
    n.start_collection(NOW);
    n.queue_removals(&strings(&["ana", "bo", "cy"]), NOW, false)
        .unwrap();
    let mut now = NOW;
    let action = next_step_in(&mut n, &mut now, UTC);
    assert!(matches!(action, Action::Remove { .. }), "{action:?}");
    n.save_query("old", "before:5y", NOW).unwrap();
    let bytes = n.to_compact();
    assert_eq!(Snapshot::from_compact(&bytes).unwrap(), n);
    // The JSON form, read and stored compactly, is the same network too.
    let via_json = Snapshot::from_json(&n.to_json()).unwrap();
    assert_eq!(Snapshot::from_compact(&via_json.to_compact()).unwrap(), n);
}

#[test]
fn the_compact_form_is_under_half_the_json() {
    let slugs: Vec<String> = (0..2_000).map(|i| format!("person-{i}-a1b2c3")).collect();
    let refs: Vec<&str> = slugs.iter().map(String::as_str).collect();
    let n = network_of(&refs);
    let (json, compact) = (n.to_json().len(), n.to_compact().len());
    assert!(compact * 2 < json, "compact {compact} bytes, JSON {json}");
}

/// A source that records every read, as the bindings' `Uint8Array` would be read.
struct Counted<'a> {
    bytes: &'a [u8],
    reads: Vec<usize>,
}

impl ByteSource for Counted<'_> {
    fn size(&self) -> usize {
        self.bytes.len()
    }

    fn read_at(&mut self, at: usize, into: &mut [u8]) {
        self.reads.push(into.len());
        into.copy_from_slice(&self.bytes[at..at + into.len()]);
    }
}

#[test]
fn a_large_network_is_read_a_window_at_a_time_never_whole() {
    let slugs: Vec<String> = (0..2_000).map(|i| format!("person-{i}-a1b2c3")).collect();
    let refs: Vec<&str> = slugs.iter().map(String::as_str).collect();
    let mut n = network_of(&refs);
    // One headline longer than any window (64 KiB): read whole all the same.
    n.network.people[1_000].headline = Some("é".repeat(40_000));
    let bytes = n.to_compact();
    let mut source = Counted {
        bytes: &bytes,
        reads: Vec::new(),
    };
    let back = Snapshot::from_compact_source(&mut source).unwrap();
    assert_eq!(back, n);
    assert!(source.reads.len() > 2, "{:?}", source.reads);
    assert_eq!(
        source.reads.iter().sum::<usize>(),
        bytes.len(),
        "a byte was read twice"
    );
    let largest = source.reads.iter().max().copied().unwrap_or(0);
    assert!(
        largest < bytes.len() / 2,
        "read {largest} of {} bytes at once",
        bytes.len()
    );
}

#[test]
fn every_cut_of_a_compact_snapshot_is_refused_as_damaged() {
    let mut n = network_of(&["ana", "bo", "cy"]);
    n.queue_removals(&strings(&["ana"]), NOW, false).unwrap();
    let bytes = n.to_compact();
    for len in 0..bytes.len() {
        match Snapshot::from_compact(&bytes[..len]) {
            Err(ModelError::BadSnapshot(_)) => {}
            other => panic!("{len} of {} bytes: {other:?}", bytes.len()),
        }
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(matches!(
        Snapshot::from_compact(&longer),
        Err(ModelError::BadSnapshot(why)) if why.contains("after its last person")
    ));
}

/// An earlier build wrote version 1: the same records without relations.
/// Its networks read as connections and nothing else.
#[test]
fn a_version_1_compact_snapshot_reads_as_connections_only() {
    let n = network_of(&["ana"]);
    let mut bytes = n.to_compact();
    assert_eq!(bytes[6], COMPACT_VERSION);
    // The one record's last byte is its empty relations (length 0).
    assert_eq!(bytes.pop(), Some(0));
    bytes[6] = 1;
    let read = Snapshot::from_compact(&bytes).unwrap();
    assert_eq!(read, n);
    assert!(read.network.people[0].is_connection());
    // The same bytes as version 2 or 3 are cut short.
    for version in [2, 3] {
        bytes[6] = version;
        assert!(Snapshot::from_compact(&bytes).is_err());
    }
}

/// A person's relations (an invitation, a follow, not a connection) are
/// stored and read back; damaged relations are refused as damage.
#[test]
fn relations_survive_the_compact_form_and_damage_in_them_is_refused() {
    let mut n = network_of(&["ana", "ben"]);
    let r = n.network.people[1].relations_mut();
    r.not_connection = true;
    r.invitation = Some(Invitation {
        sent: None,
        has_note: Some(true),
        first_read_ms: 5,
        read_ms: 6,
        last_run: 0,
    });
    let bytes = n.to_compact();
    let read = Snapshot::from_compact(&bytes).unwrap();
    assert_eq!(read, n);
    assert!(!read.network.people[1].is_connection());
    let at = bytes
        .windows(5)
        .position(|w| w == b"{\"not")
        .expect("the relations' JSON");
    let mut damaged = bytes.clone();
    damaged[at] = b'[';
    assert!(matches!(
        Snapshot::from_compact(&damaged),
        Err(ModelError::BadSnapshot(why)) if why.contains("damaged relations")
    ));
}

#[test]
fn a_newer_compact_snapshot_is_refused_as_newer_and_junk_as_damaged() {
    let mut bytes = network_of(&["ana"]).to_compact();
    bytes[6] = COMPACT_VERSION + 1;
    assert!(matches!(
        Snapshot::from_compact(&bytes),
        Err(ModelError::NewerVersion(_))
    ));
    // A newer network version inside this format's header is newer too.
    let mut n = network_of(&["ana"]);
    n.network.version = 99;
    assert!(matches!(
        Snapshot::from_compact(&n.to_compact()),
        Err(ModelError::NewerVersion(_))
    ));
    for junk in [&b""[..], b"{\"version\":1}", b"NPSNAP", b"NPSNAP\x00\x00"] {
        assert!(
            matches!(
                Snapshot::from_compact(junk),
                Err(ModelError::BadSnapshot(_))
            ),
            "{junk:?}"
        );
    }
}

#[test]
fn a_person_listed_twice_is_refused_as_it_is_in_json() {
    let mut n = network_of(&["ana", "bo"]);
    n.network.people[1].slug = "ana".into();
    assert!(matches!(
        Snapshot::from_compact(&n.to_compact()),
        Err(ModelError::BadSnapshot(why)) if why.contains("listed twice")
    ));
}

fn precision() -> impl Strategy<Value = DatePrecision> {
    prop_oneof![
        Just(DatePrecision::Day),
        Just(DatePrecision::Week),
        Just(DatePrecision::Month),
        Just(DatePrecision::Year),
    ]
}

fn source() -> impl Strategy<Value = Source> {
    prop_oneof![
        Just(Source::ConnectionsPage),
        Just(Source::FollowersPage),
        Just(Source::FollowingPage),
        Just(Source::Profile),
        Just(Source::Export),
        Just(Source::InvitationsPage),
    ]
}

fn relations() -> impl Strategy<Value = Option<Box<Relations>>> {
    let invitation = proptest::option::of(
        (
            proptest::option::of((-200_000i64..200_000, precision())),
            proptest::option::of(any::<bool>()),
            any::<i64>(),
            any::<i64>(),
            any::<u32>(),
        )
            .prop_map(
                |(sent, has_note, first_read_ms, read_ms, last_run)| Invitation {
                    sent: sent.map(|(days, precision)| ConnectedDate {
                        date: CivilDate::from_days(days),
                        precision,
                    }),
                    has_note,
                    first_read_ms,
                    read_ms,
                    last_run,
                },
            ),
    );
    let follow = proptest::option::of((any::<i64>(), any::<i64>(), any::<u32>()).prop_map(
        |(first_read_ms, read_ms, last_run)| Follow {
            first_read_ms,
            read_ms,
            last_run,
        },
    ));
    let follower = proptest::option::of(
        (
            any::<i64>(),
            any::<i64>(),
            any::<u32>(),
            proptest::option::of(any::<bool>()),
        )
            .prop_map(
                |(first_read_ms, read_ms, last_run, follows_back)| Follower {
                    first_read_ms,
                    read_ms,
                    last_run,
                    follows_back,
                },
            ),
    );
    let times = (
        proptest::option::of(any::<i64>()),
        proptest::option::of(any::<i64>()),
    );
    // What a data archive says of them: any counts and days.
    let contact = proptest::option::of(
        (
            any::<[u32; 7]>(),
            any::<[Option<i32>; 3]>(),
            proptest::option::of(any::<bool>()),
        )
            .prop_map(|(counts, [first, last, invited_on], by)| Interaction {
                conversations: counts[0],
                sent: counts[1],
                received: counts[2],
                first_message: first,
                last_message: last,
                invited_by: by.map(|them| {
                    if them {
                        InvitedBy::Them
                    } else {
                        InvitedBy::Member
                    }
                }),
                invited_on,
                endorsements_given: counts[3],
                endorsements_received: counts[4],
                recommendations_given: counts[5],
                recommendations_received: counts[6],
            }),
    );
    proptest::option::of(
        (any::<bool>(), invitation, follow, follower, times, contact).prop_map(
            |(
                not_connection,
                invitation,
                following,
                follower,
                (withdrawn_at_ms, unfollowed_at_ms),
                contact,
            )| {
                Box::new(Relations {
                    not_connection,
                    invitation,
                    following,
                    follower,
                    withdrawn_at_ms,
                    unfollowed_at_ms,
                    contact,
                })
            },
        ),
    )
}

fn person() -> impl Strategy<Value = Person> {
    let texts = (
        "\\PC{1,12}",
        "\\PC{0,40}",
        proptest::option::of("\\PC{0,60}"),
        proptest::option::of("\\PC{0,20}"),
        proptest::option::of("\\PC{0,20}"),
    );
    let date = proptest::option::of((-200_000i64..200_000, precision()));
    let times = (
        any::<i64>(),
        any::<i64>(),
        proptest::option::of(any::<i64>()),
        proptest::option::of(any::<i64>()),
        any::<u32>(),
    );
    (
        texts,
        date,
        source(),
        times,
        (any::<bool>(), any::<bool>()),
        relations(),
    )
        .prop_map(
            |(
                (slug, name, headline, company, position),
                date,
                source,
                times,
                (kept, unmatched),
                relations,
            )| {
                let (first_seen_ms, last_seen_ms, gone_since_ms, removed_at_ms, last_run) = times;
                Person {
                    slug,
                    name,
                    headline,
                    company,
                    position,
                    connected: date.map(|(days, precision)| ConnectedDate {
                        date: CivilDate::from_days(days),
                        precision,
                    }),
                    source,
                    first_seen_ms,
                    last_seen_ms,
                    kept,
                    unmatched,
                    last_run,
                    gone_since_ms,
                    removed_at_ms,
                    relations,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any people at all (any text, any time, every field present or not)
    /// read back exactly as they were written.
    #[test]
    fn any_people_read_back_equal(people in proptest::collection::vec(person(), 0..40)) {
        let mut n = Snapshot::default();
        let mut seen = HashSet::new();
        n.network.people = people.into_iter().filter(|p| seen.insert(p.slug.clone())).collect();
        let n = n.validated().unwrap();
        prop_assert_eq!(Snapshot::from_compact(&n.to_compact()).unwrap(), n);
    }

    /// Any bytes at all, and any one byte of a good snapshot changed, give a
    /// snapshot or an error: never a panic.
    #[test]
    fn no_bytes_make_it_panic(
        junk in proptest::collection::vec(any::<u8>(), 0..200),
        at in any::<prop::sample::Index>(),
        to in any::<u8>(),
    ) {
        let _ = Snapshot::from_compact(&junk);
        let mut prefixed = b"NPSNAP\x01\x00".to_vec();
        prefixed.extend_from_slice(&junk);
        let _ = Snapshot::from_compact(&prefixed);
        let mut good = network_of(&["ana", "bo"]).to_compact();
        let i = at.index(good.len());
        good[i] = to;
        let _ = Snapshot::from_compact(&good);
    }
}
