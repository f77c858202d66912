//! The member's followers read person by person off the followers page
//! (which lists only about the newest 1,000): the follower relation, what
//! the end of that list may prove, the compact snapshot, the summary, the
//! query language, the review rows, and that no step is ever offered for a
//! follower.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/queue.rs"]
mod support;

use netprune::intake::reading::{FollowCard, FollowerCard};
use netprune::intake::relations::MAX_RELATIONS_PER_READING;
use netprune::network::model::{ModelError, Source};
use netprune::removal::queue::ActionKind;
use netprune::search::query::SUGGESTED;
use netprune::storage::compact::COMPACT_VERSION;
use support::*;

const FOLLOWERS_URL: &str =
    "https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/";
const MINUTE: i64 = 60_000;

fn follower(slug: &str, follows_back: Option<bool>) -> FollowerCard {
    FollowerCard {
        profile_url: format!("/in/{slug}/"),
        name: name_of(slug),
        headline: Some(format!("Headline of {slug}")),
        follows_back,
    }
}

/// The followers page showing the followers figure `figure` (if any) and
/// `cards`.
fn followers_page(figure: Option<&str>, cards: Vec<FollowerCard>) -> PageReading {
    PageReading {
        page: Some(PageKind::Followers),
        url: FOLLOWERS_URL.into(),
        recognised: true,
        generation: Some("sdui-2026".into()),
        counts: CountTokens {
            followers: figure.map(Into::into),
            ..Default::default()
        },
        followers: cards,
        ..Default::default()
    }
}

/// The following page listing `slug` alone.
fn following_page(slug: &str) -> PageReading {
    PageReading {
        page: Some(PageKind::Following),
        url: "https://www.linkedin.com/mynetwork/network-manager/people-follow/following/".into(),
        recognised: true,
        follows: vec![FollowCard {
            profile_url: format!("/in/{slug}/"),
            name: name_of(slug),
            headline: None,
        }],
        ..Default::default()
    }
}

fn followers_of(slugs: &[&str]) -> Vec<FollowerCard> {
    slugs.iter().map(|s| follower(s, None)).collect()
}

/// Connections c0 and c1, c1 followed by the member; followers c0 (who the
/// member follows back, as the row says), r0 and r1 (not connections), all
/// read at NOW.
fn network() -> Snapshot {
    let mut n = network_of(&["c0", "c1"]);
    n.ingest(following_page("c1"), NOW).unwrap();
    n.ingest(
        followers_page(
            None,
            vec![
                follower("c0", Some(true)),
                follower("r0", Some(false)),
                follower("r1", None),
            ],
        ),
        NOW,
    )
    .unwrap();
    n
}

#[test]
fn the_followers_page_adds_followers_and_keeps_connections_connections() {
    let n = network();
    let r0 = n.network.person("r0").unwrap();
    assert!(!r0.is_connection());
    assert_eq!(r0.source, Source::FollowersPage);
    assert_eq!(r0.headline.as_deref(), Some("Headline of r0"));
    let f = r0.follower().unwrap();
    assert_eq!((f.first_read_ms, f.read_ms, f.last_run), (NOW, NOW, 0));
    assert_eq!(f.follows_back, Some(false));
    assert_eq!(
        n.network
            .person("r1")
            .unwrap()
            .follower()
            .unwrap()
            .follows_back,
        None
    );
    let c0 = n.network.person("c0").unwrap();
    assert!(c0.is_connection());
    assert_eq!(c0.source, Source::ConnectionsPage);
    assert_eq!(c0.follower().unwrap().follows_back, Some(true));
    // The row's "Following" button says nothing to the following list.
    assert!(!c0.follows());
    // Followers are not connections read.
    assert_eq!(n.summary(NOW).people_read, 2);
}

#[test]
fn a_followers_reading_never_sets_or_clears_a_follow() {
    let mut n = network();
    n.ingest(
        followers_page(None, vec![follower("c1", Some(false))]),
        NOW + MINUTE,
    )
    .unwrap();
    let c1 = n.network.person("c1").unwrap();
    assert!(c1.follows(), "the following list owns the follow");
    assert_eq!(c1.follower().unwrap().follows_back, Some(false));
}

#[test]
fn a_follower_read_again_is_refreshed_and_an_unsaid_follow_back_kept() {
    let mut n = network();
    let later = NOW + MINUTE;
    let mut card = follower("r0", None);
    card.name = "  <b>Rita</b> \u{0}\u{200b}Zero\n ".into();
    card.headline = Some("New headline".into());
    n.ingest(followers_page(None, vec![card]), later).unwrap();
    let r0 = n.network.person("r0").unwrap();
    // Cleaned as every name is: kept as text, never markup.
    assert_eq!(r0.name, "<b>Rita</b> Zero");
    assert_eq!(r0.headline.as_deref(), Some("New headline"));
    let f = r0.follower().unwrap();
    assert_eq!((f.first_read_ms, f.read_ms), (NOW, later));
    assert_eq!(f.follows_back, Some(false));
    n.ingest(
        followers_page(None, vec![follower("r0", Some(true))]),
        later,
    )
    .unwrap();
    assert_eq!(
        n.network
            .person("r0")
            .unwrap()
            .follower()
            .unwrap()
            .follows_back,
        Some(true)
    );
}

#[test]
fn followers_come_only_from_the_followers_page_and_within_the_cap() {
    let mut n = network();
    let mut wrong = followers_page(None, followers_of(&["x0"]));
    wrong.page = Some(PageKind::Following);
    assert!(matches!(
        n.ingest(wrong, NOW),
        Err(ModelError::BadReading(why)) if why.contains("followers page")
    ));
    let many: Vec<String> = (0..=MAX_RELATIONS_PER_READING)
        .map(|i| format!("x{i}"))
        .collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    assert!(matches!(
        n.ingest(followers_page(None, followers_of(&many)), NOW),
        Err(ModelError::BadReading(_))
    ));
    assert!(n.network.person("x0").is_none());
    // Cards without a link or a name are skipped with their reason.
    let report = n
        .ingest(
            followers_page(
                None,
                vec![
                    FollowerCard {
                        profile_url: "/company/acme/".into(),
                        name: "Acme".into(),
                        ..Default::default()
                    },
                    FollowerCard {
                        profile_url: "/in/nameless/".into(),
                        name: " \u{200b} ".into(),
                        ..Default::default()
                    },
                ],
            ),
            NOW,
        )
        .unwrap();
    assert_eq!(report.skipped.len(), 2, "{:?}", report.skipped);
    assert!(n.network.person("nameless").is_none());
}

#[test]
fn a_followers_reading_from_the_content_script_json_reads() {
    let json = r#"{"page":"followers","url":"https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/",
        "recognised":true,"listEnd":true,"counts":{"followers":"3"},
        "followers":[{"profileUrl":"/in/ana/","name":"Ana","headline":"CTO","followsBack":true},
                     {"profileUrl":"/in/bo/","name":"Bo","followsBack":null},
                     {"profileUrl":"/in/cy/","name":"Cy"}]}"#;
    let reading: PageReading = serde_json::from_str(json).unwrap();
    assert!(reading.list_end);
    assert_eq!(reading.followers.len(), 3);
    assert_eq!(reading.followers[0].follows_back, Some(true));
    assert_eq!(reading.followers[1].follows_back, None);
    assert_eq!(reading.followers[2].headline, None);
    // Older readings, without the field, read as no followers.
    let old: PageReading =
        serde_json::from_str(r#"{"page":"followers","url":"u","recognised":true}"#).unwrap();
    assert!(old.followers.is_empty());
}

// ---------------------------------------------------------------------------
// The end of the followers list.

/// `network()` with the followers figure `figure` read at NOW, then a run
/// begun a minute later that read `read` to the list's end.
fn run_to_the_end(figure: Option<&str>, read: &[&str]) -> (Snapshot, i64) {
    let mut n = network();
    if let Some(figure) = figure {
        n.ingest(followers_page(Some(figure), Vec::new()), NOW)
            .unwrap();
    }
    let started = NOW + MINUTE;
    n.ingest(followers_page(None, followers_of(read)), started + 1_000)
        .unwrap();
    (n, started)
}

#[test]
fn the_whole_followers_list_read_to_its_end_drops_who_stopped_following() {
    // Two followers, exactly: the run read both of them.
    let (mut n, started) = run_to_the_end(Some("2"), &["c0", "r1"]);
    let end = n.end_of_list(PageKind::Followers, started, started + 2_000);
    assert_eq!((end.read, end.no_longer_listed), (2, 1));
    assert_eq!(end.incomplete, None);
    let r0 = n.network.person("r0").unwrap();
    assert!(r0.follower().is_none());
    assert_eq!(r0.gone_since_ms, Some(started + 2_000));
    assert!(r0.relations.as_ref().is_some_and(|r| r.not_connection));
    assert!(n.network.person("r1").unwrap().follower().is_some());
    let json = serde_json::to_value(&end).unwrap();
    assert_eq!(json["noLongerListed"], 1);
    assert!(json["incomplete"].is_null());
}

#[test]
fn a_connection_who_stopped_following_stays_a_connection() {
    let (mut n, started) = run_to_the_end(Some("2"), &["r0", "r1"]);
    let end = n.end_of_list(PageKind::Followers, started, started + 2_000);
    assert_eq!((end.read, end.no_longer_listed), (2, 1));
    let c0 = n.network.person("c0").unwrap();
    assert!(c0.follower().is_none() && c0.is_connection());
    assert_eq!(c0.gone_since_ms, None);
    assert!(c0.relations.is_none(), "nothing but a connection is left");
}

#[test]
fn a_follower_also_followed_is_not_gone_when_they_stop_following() {
    let mut n = network();
    n.ingest(following_page("r0"), NOW).unwrap();
    n.ingest(followers_page(Some("2"), Vec::new()), NOW)
        .unwrap();
    let started = NOW + MINUTE;
    n.ingest(followers_page(None, followers_of(&["c0", "r1"])), started)
        .unwrap();
    let end = n.end_of_list(PageKind::Followers, started, started + 1);
    assert_eq!(end.no_longer_listed, 1);
    let r0 = n.network.person("r0").unwrap();
    assert!(r0.follower().is_none() && r0.follows());
    assert_eq!(r0.gone_since_ms, None);
}

#[test]
fn the_followers_list_ending_short_of_an_inexact_figure_drops_nobody() {
    for (figure, says) in [
        (None, "not known"),
        (Some("3.4K"), "not exact"),
        (Some("500+"), "not exact"),
        (Some("3"), "2 followers read of 3"),
        (Some("1,500"), "2 followers read of 1,500"),
    ] {
        let (mut n, started) = run_to_the_end(figure, &["c0", "r1"]);
        let before = n.to_json();
        let end = n.end_of_list(PageKind::Followers, started, started + 2_000);
        assert_eq!((end.read, end.no_longer_listed), (2, 0), "{figure:?}");
        let why = end.incomplete.clone().expect("a reason");
        assert!(why.contains(says), "{figure:?}: {why}");
        assert!(why.contains("1,000"), "{why}");
        assert_eq!(n.to_json(), before, "{figure:?}");
        assert!(serde_json::to_value(&end).unwrap()["incomplete"].is_string());
    }
}

#[test]
fn a_followers_run_that_read_nobody_changes_nothing() {
    let mut n = network();
    n.ingest(followers_page(Some("3"), Vec::new()), NOW)
        .unwrap();
    let before = n.to_json();
    let started = NOW + MINUTE;
    let end = n.end_of_list(PageKind::Followers, started, started + 2_000);
    assert_eq!((end.read, end.no_longer_listed), (0, 0));
    assert_eq!(end.incomplete, None);
    assert_eq!(n.to_json(), before);
}

#[test]
fn other_lists_ending_never_touch_followers() {
    let mut n = network();
    let started = NOW + MINUTE;
    // The following list read to its end without c1: c1's follow ends,
    // and r0, a follower only, is no one's business there.
    n.ingest(following_page("z0"), started).unwrap();
    let end = n.end_of_list(PageKind::Following, started, started + 1);
    assert_eq!(end.no_longer_listed, 1);
    assert!(n.network.person("r0").unwrap().follower().is_some());
    assert_eq!(n.network.person("r0").unwrap().gone_since_ms, None);
}

// ---------------------------------------------------------------------------
// Storage.

#[test]
fn followers_survive_the_compact_form() {
    let n = network();
    let bytes = n.to_compact();
    assert_eq!(bytes[6], COMPACT_VERSION);
    assert_eq!(COMPACT_VERSION, 3);
    let read = Snapshot::from_compact(&bytes).unwrap();
    assert_eq!(read, n);
    assert_eq!(
        read.network
            .person("r0")
            .unwrap()
            .follower()
            .unwrap()
            .follows_back,
        Some(false)
    );
    // And the JSON snapshot and backup carry them too.
    let json = Snapshot::from_json(&n.to_json()).unwrap();
    assert_eq!(json, n);
}

/// A build of version 2 wrote the same records, with relations that never
/// held a follower: they read as they were.
#[test]
fn a_version_2_compact_snapshot_reads_without_followers() {
    let mut n = network_of(&["ana", "ben"]);
    n.ingest(following_page("ben"), NOW).unwrap();
    let mut bytes = n.to_compact();
    bytes[6] = 2;
    let read = Snapshot::from_compact(&bytes).unwrap();
    assert_eq!(read, n);
    assert!(read.network.people.iter().all(|p| p.follower().is_none()));
    // Written again, it is version 3.
    assert_eq!(read.to_compact()[6], 3);
}

// ---------------------------------------------------------------------------
// The summary, the query language and the rows.

#[test]
fn the_summary_counts_the_followers_listed() {
    let n = network();
    let counts = n.summary(NOW + MINUTE).relations;
    assert_eq!(counts.followers_listed, 3);
    assert_eq!(counts.followers_listed_not_connections, 2);
    assert_eq!(counts.followers_list_read_ms, Some(NOW));
    let json = serde_json::to_value(n.summary(NOW)).unwrap();
    assert_eq!(json["relations"]["followersListed"], 3);
    assert_eq!(json["relations"]["followersListedNotConnections"], 2);
    assert_eq!(json["relations"]["followersListReadMs"], NOW);
    // The estimate from the figures is as it was.
    assert!(json["relations"]["followersNotConnections"].is_null());
    let empty = serde_json::to_value(Snapshot::default().summary(NOW)).unwrap();
    assert_eq!(empty["relations"]["followersListed"], 0);
    assert!(empty["relations"]["followersListReadMs"].is_null());
}

#[test]
fn is_follower_finds_exactly_the_followers_listed() {
    let mut n = network();
    assert_eq!(sorted_slugs(&mut n, "is:follower"), ["c0", "r0", "r1"]);
    assert_eq!(
        sorted_slugs(&mut n, "IS:Follower -is:connection"),
        ["r0", "r1"]
    );
    assert_eq!(sorted_slugs(&mut n, "-is:follower"), ["c1"]);
    assert_eq!(
        sorted_slugs(&mut n, "is:follower is:following"),
        Vec::<String>::new()
    );
    let err = n.query("is:followers", NOW).unwrap_err().to_string();
    assert!(err.contains("follower or invited"), "{err}");
}

#[test]
fn followers_who_are_not_connections_is_a_suggested_query() {
    let mut n = network();
    let suggestion = SUGGESTED
        .iter()
        .find(|s| s.query == "is:follower -is:connection")
        .expect("suggested");
    assert_eq!(suggestion.label, "Followers who are not connections");
    assert_eq!(sorted_slugs(&mut n, suggestion.query), ["r0", "r1"]);
    assert!(netprune::search::query::help().contains("is:follower"));
}

#[test]
fn rows_say_who_follows_and_whether_the_member_follows_back() {
    let mut n = network();
    let all = n.query("", NOW).unwrap();
    let rows = serde_json::to_value(n.rows(&all)).unwrap();
    let row = |slug: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["slug"] == slug)
            .unwrap()
            .clone()
    };
    assert_eq!(row("c0")["follower"], true);
    assert_eq!(row("c0")["followsBack"], true);
    assert_eq!(row("r0")["followsBack"], false);
    assert_eq!(row("r0")["source"], "followers-page");
    assert_eq!(row("r0")["connection"], false);
    assert!(row("r1")["followsBack"].is_null());
    assert_eq!(row("c1")["follower"], false);
    assert!(row("c1")["followsBack"].is_null());
}

// ---------------------------------------------------------------------------
// No step for a follower.

#[test]
fn a_follower_only_person_is_offered_no_step_and_refused_every_kind() {
    let mut n = network();
    n.queue = RemovalQueue::new(42);
    let asked = strings(&["r0", "r1"]);
    for kind in ActionKind::ALL {
        let plan = n.plan_actions(&asked, kind, NOW, UTC).unwrap();
        assert!(plan.queueable.is_empty(), "{kind:?}");
        assert_eq!(plan.excluded.len(), 2, "{kind:?}");
        let report = n.queue_actions(&asked, kind, NOW, false).unwrap();
        assert_eq!(report.queued, 0, "{kind:?}");
        let expected = match kind {
            ActionKind::Remove => RefuseReason::NotConnection,
            ActionKind::Withdraw => RefuseReason::NoInvitation,
            ActionKind::Unfollow => RefuseReason::NotFollowed,
        };
        assert!(
            report.refused.iter().all(|r| r.why == expected),
            "{kind:?}: {:?}",
            report.refused
        );
    }
    assert!(netprune::removal::people::action_counts(&n.network, &asked)
        .iter()
        .all(|(_, count)| *count == 0));
    // A follower who is a connection is removable as any connection is.
    let report = n
        .queue_actions(&strings(&["c0"]), ActionKind::Remove, NOW, false)
        .unwrap();
    assert_eq!(report.queued, 1);
}
