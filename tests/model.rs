//! The relationship model through its public API, on a fake clock: readings in,
//! summary out, and the snapshot through serialization and back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use netprune::intake::reading::{
    Card, CountTokens, DatePrecision, PageKind, PageReading, Precision,
};
use netprune::network::model::{
    FigureKind, Goal, ModelError, PageOutcome, Source, SNAPSHOT_VERSION,
};
use netprune::report::summary::{
    BadgeStatus, BandPosition, ConsistencyStatus, DifferencePrecision,
};
use netprune::Snapshot;
use pages::connections_page;
use proptest::prelude::*;

#[path = "support/pages.rs"]
mod pages;

// 2026-11-21T12:00:00Z
const NOW: i64 = 1_795_262_400_000;
const HOUR: i64 = 3_600_000;

fn counts_page(page: PageKind, counts: CountTokens) -> PageReading {
    PageReading {
        page: Some(page),
        url: "https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/".into(),
        recognised: true,
        counts,
        ..Default::default()
    }
}

/// The member's profile showing "500+" connections and nothing else.
fn profile_500_plus() -> PageReading {
    counts_page(
        PageKind::Profile,
        CountTokens {
            connections: Some("500+".into()),
            ..Default::default()
        },
    )
}

fn followers(token: &str) -> PageReading {
    counts_page(
        PageKind::Followers,
        CountTokens {
            followers: Some(token.into()),
            ..Default::default()
        },
    )
}

fn card(slug: &str, name: &str, connected: Option<&str>) -> Card {
    Card {
        profile_url: format!("/in/{slug}/"),
        name: name.into(),
        headline: Some(format!("Headline of {name}")),
        connected_text: connected.map(Into::into),
    }
}

#[test]
fn empty_network_summary_says_nothing_is_known() {
    let s = Snapshot::default().summary(NOW);
    assert_eq!(s.consistency.status, ConsistencyStatus::Empty);
    assert!(s.connections.is_none() && s.followers.is_none() && s.following.is_none());
    assert_eq!(s.badge.status, BadgeStatus::Unknown);
    assert_eq!(s.cap.headroom, None);
    assert!(s.ratio.is_none());
    assert_eq!(s.people_read, 0);
}

#[test]
fn connections_page_gives_exact_count_badge_and_headroom() {
    let mut n = Snapshot::default();
    let report = n
        .ingest(
            connections_page(
                "1,234",
                vec![
                    card("ana", "Ana", Some("Connected on August 7, 2024")),
                    card("bo", "Bo", None),
                ],
            ),
            NOW,
        )
        .unwrap();
    assert_eq!((report.added, report.updated), (2, 0));
    assert_eq!(report.figures, vec![FigureKind::Connections]);
    let s = n.summary(NOW);
    let c = s.connections.unwrap();
    assert_eq!(
        (c.value, c.precision, c.source, c.read_at_ms),
        (1234, Precision::Exact, Source::ConnectionsPage, NOW)
    );
    assert_eq!(s.badge.status, BadgeStatus::Shows);
    assert_eq!(s.cap.headroom, Some(30_000 - 1234));
    assert!(!s.cap.at_cap);
    assert_eq!(s.people_read, 2);
    let page = s.page.unwrap();
    assert_eq!(page.status, PageOutcome::Recognised);
    assert_eq!(page.generation.as_deref(), Some("sdui-2026"));
    let ana = n.network.person("ana").unwrap();
    assert_eq!(ana.connected.unwrap().date.to_string(), "2024-08-07");
    assert_eq!(ana.connected.unwrap().precision, DatePrecision::Day);
}

#[test]
fn badge_not_yet_says_how_many_connections_are_missing() {
    let mut n = Snapshot::default();
    n.ingest(connections_page("463", vec![]), NOW).unwrap();
    let s = n.summary(NOW);
    assert_eq!(s.badge.status, BadgeStatus::NotYet);
    assert_eq!(s.badge.connections_needed, Some(37));
}

#[test]
fn badge_threshold_is_exactly_500() {
    for (total, status) in [
        ("499", BadgeStatus::NotYet),
        ("500", BadgeStatus::Shows),
        ("501", BadgeStatus::Shows),
    ] {
        let mut n = Snapshot::default();
        n.ingest(connections_page(total, vec![]), NOW).unwrap();
        assert_eq!(n.summary(NOW).badge.status, status, "{total}");
    }
}

#[test]
fn followers_never_count_toward_the_badge() {
    let mut n = Snapshot::default();
    n.ingest(connections_page("120", vec![]), NOW).unwrap();
    n.ingest(followers("9,999"), NOW).unwrap();
    assert_eq!(n.summary(NOW).badge.status, BadgeStatus::NotYet);
}

#[test]
fn cap_headroom_is_zero_and_flagged_at_30000() {
    let mut n = Snapshot::default();
    n.ingest(connections_page("30,000", vec![]), NOW).unwrap();
    let s = n.summary(NOW);
    assert_eq!(s.cap.headroom, Some(0));
    assert!(s.cap.at_cap);
}

#[test]
fn a_count_above_the_cap_is_not_recorded() {
    let mut n = Snapshot::default();
    let report = n.ingest(connections_page("31,000", vec![]), NOW).unwrap();
    assert!(report.figures.is_empty());
    assert!(report.skipped[0].contains("30,000"), "{:?}", report.skipped);
    assert!(n.summary(NOW).connections.is_none());
}

#[test]
fn profile_500_plus_shows_badge_but_no_headroom() {
    let mut n = Snapshot::default();
    n.ingest(
        counts_page(
            PageKind::Profile,
            CountTokens {
                connections: Some("500+".into()),
                followers: Some("1,234".into()),
                following: None,
                invitations: None,
            },
        ),
        NOW,
    )
    .unwrap();
    let s = n.summary(NOW);
    let c = s.connections.unwrap();
    assert_eq!(
        (c.value, c.precision, c.source),
        (500, Precision::AtLeast, Source::Profile)
    );
    assert_eq!(s.badge.status, BadgeStatus::Shows);
    assert_eq!(
        s.cap.headroom, None,
        "500+ says nothing exact about the cap"
    );
    let r = s.ratio.unwrap();
    assert!(r.approximate);
}

#[test]
fn a_vaguer_newer_reading_does_not_hide_an_exact_one_it_agrees_with() {
    let mut n = Snapshot::default();
    n.ingest(connections_page("1,234", vec![]), NOW).unwrap();
    n.ingest(profile_500_plus(), NOW + HOUR).unwrap();
    let c = n.summary(NOW + HOUR).connections.unwrap();
    assert_eq!((c.value, c.precision), (1234, Precision::Exact));
}

#[test]
fn a_newer_reading_that_contradicts_an_older_exact_one_wins() {
    let mut n = Snapshot::default();
    n.ingest(connections_page("480", vec![]), NOW).unwrap();
    n.ingest(profile_500_plus(), NOW + HOUR).unwrap();
    let s = n.summary(NOW + HOUR);
    assert_eq!(s.connections.unwrap().precision, Precision::AtLeast);
    assert_eq!(s.badge.status, BadgeStatus::Shows);
}

#[test]
fn abbreviated_followers_keep_their_precision() {
    let mut n = Snapshot::default();
    n.ingest(followers("3.4K"), NOW).unwrap();
    let f = n.summary(NOW).followers.unwrap();
    assert_eq!(
        (f.value, f.precision, f.shown.as_str()),
        (3400, Precision::Approximate, "3.4K")
    );
}

#[test]
fn followers_below_connections_is_partial_and_hides_the_ratio() {
    let mut n = Snapshot::default();
    n.ingest(connections_page("1,234", vec![]), NOW).unwrap();
    n.ingest(followers("120"), NOW).unwrap();
    let s = n.summary(NOW);
    assert_eq!(s.consistency.status, ConsistencyStatus::Partial);
    assert!(
        s.consistency.problems[0].contains("fewer than connections"),
        "{:?}",
        s.consistency.problems
    );
    assert!(s.ratio.is_none(), "an inconsistent snapshot shows no ratio");
    // The figures are still shown, each with when and where it was read.
    assert_eq!(s.followers.unwrap().value, 120);
}

#[test]
fn approximate_followers_that_may_equal_connections_are_consistent() {
    let mut n = Snapshot::default();
    n.ingest(connections_page("3,440", vec![]), NOW).unwrap();
    n.ingest(followers("3.4K"), NOW).unwrap();
    assert_eq!(
        n.summary(NOW).consistency.status,
        ConsistencyStatus::Consistent
    );
}

#[test]
fn ratio_against_each_goal_band() {
    let mut n = Snapshot::default();
    n.ingest(connections_page("1,000", vec![]), NOW).unwrap();
    n.ingest(followers("1,800"), NOW).unwrap();
    let cases = [
        (
            Goal::ThoughtLeader,
            BandPosition::Below,
            Some(1200),
            Some(400),
        ),
        (Goal::Consultant, BandPosition::Within, Some(0), Some(0)),
        (
            Goal::BusinessDeveloper,
            BandPosition::Above,
            None,
            Some(200),
        ),
        (Goal::EarlyCareer, BandPosition::Above, None, Some(800)),
    ];
    for (goal, position, followers_to_band, connections_to_band) in cases {
        n.network.set_goal(goal);
        let r = n.summary(NOW).ratio.unwrap();
        assert_eq!(r.value, 1.8);
        assert!(!r.approximate);
        assert_eq!(r.position, position, "{goal:?}");
        assert_eq!(r.followers_to_band, followers_to_band, "{goal:?}");
        assert_eq!(r.connections_to_band, connections_to_band, "{goal:?}");
        assert_eq!((r.low, r.high), goal.band());
    }
}

#[test]
fn ratio_band_figures_are_absent_for_a_floor() {
    // "500+" is a floor: "about 250 more followers" from it would be invented.
    let mut n = Snapshot::default();
    n.ingest(followers("600"), NOW).unwrap();
    n.ingest(connections_page("500+", vec![]), NOW).unwrap();
    n.network.set_goal(Goal::ThoughtLeader);
    let r = n.summary(NOW).ratio.unwrap();
    assert_eq!(r.position, BandPosition::Below);
    assert_eq!((r.followers_to_band, r.connections_to_band), (None, None));
}

#[test]
fn ratio_band_figures_survive_float_error() {
    // 1.5 x 1,000 is 1,500 however the float rounds: 1,499 followers need one more.
    let mut n = Snapshot::default();
    n.ingest(connections_page("1,000", vec![]), NOW).unwrap();
    n.ingest(followers("1,499"), NOW).unwrap();
    n.network.set_goal(Goal::Consultant);
    let r = n.summary(NOW).ratio.unwrap();
    assert_eq!(r.position, BandPosition::Below);
    assert_eq!(
        (r.followers_to_band, r.connections_to_band),
        (Some(1), Some(1))
    );
}

/// Followers minus connections, and how far it holds, after reading
/// `connections` on the connections page and `followers` on the followers
/// page (each only when given).
fn followers_not_connections(
    connections: Option<&str>,
    followers_token: Option<&str>,
) -> (Option<u64>, Option<DifferencePrecision>) {
    let mut n = Snapshot::default();
    if let Some(token) = connections {
        n.ingest(connections_page(token, vec![]), NOW).unwrap();
    }
    if let Some(token) = followers_token {
        n.ingest(followers(token), NOW).unwrap();
    }
    let r = n.summary(NOW).relations;
    (
        r.followers_not_connections,
        r.followers_not_connections_precision,
    )
}

#[test]
fn followers_not_connections_is_followers_minus_connections() {
    use DifferencePrecision::{Approximate, AtMost, Exact};
    assert_eq!(
        followers_not_connections(Some("1,234"), Some("2,283")),
        (Some(1049), Some(Exact))
    );
    // An abbreviated figure makes the difference approximate.
    assert_eq!(
        followers_not_connections(Some("1,234"), Some("3.4K")),
        (Some(2166), Some(Approximate))
    );
    // Followers minus a floor ("500+") is the most there can be.
    assert_eq!(
        followers_not_connections(Some("500+"), Some("1,234")),
        (Some(734), Some(AtMost))
    );
    // Followers read fewer than connections: one is stale; 0, not a wrap.
    assert_eq!(
        followers_not_connections(Some("1,234"), Some("120")),
        (Some(0), Some(Approximate))
    );
}

#[test]
fn followers_not_connections_is_unknown_without_both_figures() {
    assert_eq!(followers_not_connections(None, None), (None, None));
    assert_eq!(followers_not_connections(Some("1,234"), None), (None, None));
    assert_eq!(followers_not_connections(None, Some("2,283")), (None, None));
    // Two floors: "500+" minus "500+" says nothing either way.
    assert_eq!(
        followers_not_connections(Some("500+"), Some("500+")),
        (None, None)
    );
}

#[test]
fn followers_from_a_floor_give_the_least_there_can_be() {
    assert_eq!(
        followers_not_connections(Some("120"), Some("500+")),
        (Some(380), Some(DifferencePrecision::AtLeast))
    );
}

#[test]
fn followers_not_connections_is_serialized_camel_case_with_kebab_precision() {
    let mut n = Snapshot::default();
    n.ingest(connections_page("500+", vec![]), NOW).unwrap();
    n.ingest(followers("1,234"), NOW).unwrap();
    let json = serde_json::to_value(n.summary(NOW)).unwrap();
    assert_eq!(json["relations"]["followersNotConnections"], 734);
    assert_eq!(
        json["relations"]["followersNotConnectionsPrecision"],
        "at-most"
    );
    let empty = serde_json::to_value(Snapshot::default().summary(NOW)).unwrap();
    assert!(empty["relations"]["followersNotConnections"].is_null());
    assert!(empty["relations"]["followersNotConnectionsPrecision"].is_null());
}

#[test]
fn ratio_is_absent_with_zero_connections() {
    let mut n = Snapshot::default();
    n.ingest(connections_page("0", vec![]), NOW).unwrap();
    n.ingest(followers("12"), NOW).unwrap();
    assert!(n.summary(NOW).ratio.is_none());
}

#[test]
fn goal_ids_round_trip_and_unknown_ids_are_refused() {
    for goal in Goal::ALL {
        assert_eq!(Goal::from_id(goal.id()), Ok(goal));
    }
    let err = Goal::from_id("influencer").unwrap_err();
    assert!(matches!(err, ModelError::UnknownGoal(_)));
    assert!(err.to_string().contains("consultant"));
}

#[test]
fn unrecognised_page_changes_no_count_and_says_why() {
    let mut n = Snapshot::default();
    n.ingest(
        connections_page("1,234", vec![card("ana", "Ana", None)]),
        NOW,
    )
    .unwrap();
    let mut unknown = connections_page("9,999", vec![card("zed", "Zed", None)]);
    unknown.recognised = false;
    unknown.reason = Some("no connections list found after 15 s".into());
    n.ingest(unknown, NOW + HOUR).unwrap();
    let s = n.summary(NOW + HOUR);
    assert_eq!(s.connections.unwrap().value, 1234);
    assert_eq!(s.people_read, 1);
    let page = s.page.unwrap();
    assert_eq!(page.status, PageOutcome::Unrecognised);
    assert_eq!(
        page.reason.as_deref(),
        Some("no connections list found after 15 s")
    );
}

#[test]
fn readings_from_outside_linkedin_are_refused() {
    let mut n = Snapshot::default();
    for url in [
        "https://evil.example/",
        "https://www.linkedin.com.evil.example/",
        "http://www.linkedin.com/",
    ] {
        let mut r = connections_page("5", vec![]);
        r.url = url.into();
        assert!(
            matches!(n.ingest(r, NOW), Err(ModelError::BadReading(_))),
            "{url}"
        );
    }
    assert_eq!(n, Snapshot::default());
}

#[test]
fn cards_only_come_from_the_connections_page() {
    let mut n = Snapshot::default();
    let mut r = followers("10");
    r.cards = vec![card("ana", "Ana", None)];
    assert!(n.ingest(r, NOW).is_err());
    assert_eq!(n, Snapshot::default());
}

#[test]
fn bad_cards_are_skipped_with_reasons_and_good_ones_kept() {
    let mut n = Snapshot::default();
    let cards = vec![
        card("ana", "Ana", Some("Connected sometime")),
        Card {
            profile_url: "/company/acme/".into(),
            name: "Acme".into(),
            ..Default::default()
        },
        Card {
            profile_url: "/in/nameless/".into(),
            name: "  \n ".into(),
            ..Default::default()
        },
    ];
    let report = n.ingest(connections_page("3", cards), NOW).unwrap();
    assert_eq!(report.added, 1);
    assert_eq!(report.skipped.len(), 3, "{:?}", report.skipped);
    assert!(
        n.network.person("ana").unwrap().connected.is_none(),
        "an unreadable date stays unknown"
    );
}

#[test]
fn hostile_names_are_kept_verbatim_as_text() {
    let mut n = Snapshot::default();
    let hostile = "<img src=x onerror=\"window.__pwned=1\"> Robert \"Bobby\" O'Neil";
    let formula = "=HYPERLINK(\"http://x\",\"y\")";
    n.ingest(
        connections_page(
            "2",
            vec![card("bob", hostile, None), card("f", formula, None)],
        ),
        NOW,
    )
    .unwrap();
    assert_eq!(n.network.person("bob").unwrap().name, hostile);
    assert_eq!(n.network.person("f").unwrap().name, formula);
}

#[test]
fn duplicate_names_with_different_slugs_are_different_people() {
    let mut n = Snapshot::default();
    n.ingest(
        connections_page(
            "2",
            vec![
                card("sam-lee-1", "Sam Lee", None),
                card("sam-lee-2", "Sam Lee", None),
            ],
        ),
        NOW,
    )
    .unwrap();
    assert_eq!(n.summary(NOW).people_read, 2);
}

#[test]
fn reading_a_person_again_updates_them_and_keeps_the_exact_date() {
    let mut n = Snapshot::default();
    n.ingest(
        connections_page(
            "1",
            vec![card("ana", "Ana", Some("Connected on August 7, 2024"))],
        ),
        NOW,
    )
    .unwrap();
    let report = n
        .ingest(
            connections_page(
                "1",
                vec![card("ANA", "Ana Silva", Some("Connected 2 years ago"))],
            ),
            NOW + HOUR,
        )
        .unwrap();
    assert_eq!((report.added, report.updated), (0, 1));
    let ana = n.network.person("ana").unwrap();
    assert_eq!(ana.name, "Ana Silva");
    assert_eq!(ana.connected.unwrap().date.to_string(), "2024-08-07");
    assert_eq!((ana.first_seen_ms, ana.last_seen_ms), (NOW, NOW + HOUR));
}

#[test]
fn equal_readings_fold_into_one_history_entry() {
    let mut n = Snapshot::default();
    n.ingest(connections_page("10", vec![]), NOW).unwrap();
    n.ingest(connections_page("10", vec![]), NOW + HOUR)
        .unwrap();
    n.ingest(connections_page("11", vec![]), NOW + 2 * HOUR)
        .unwrap();
    assert_eq!(n.network.readings.len(), 2);
    assert_eq!(
        (
            n.network.readings[0].first_read_ms,
            n.network.readings[0].read_ms
        ),
        (NOW, NOW + HOUR)
    );
}

#[test]
fn history_keeps_each_value_with_when_it_was_first_and_last_read() {
    let mut n = Snapshot::default();
    n.ingest(connections_page("10", vec![]), NOW).unwrap();
    n.ingest(connections_page("10", vec![]), NOW + HOUR)
        .unwrap();
    n.ingest(followers("30"), NOW + HOUR).unwrap();
    n.ingest(connections_page("12", vec![]), NOW + 2 * HOUR)
        .unwrap();
    let h = n.summary(NOW + 2 * HOUR).history;
    let c: Vec<(i64, u64)> = h.connections.iter().map(|p| (p.at_ms, p.value)).collect();
    assert_eq!(c, vec![(NOW, 10), (NOW + HOUR, 10), (NOW + 2 * HOUR, 12)]);
    assert_eq!(h.followers.len(), 1);
    assert_eq!(h.followers[0].precision, Precision::Exact);
}

#[test]
fn snapshot_survives_serialization() {
    let mut n = Snapshot::default();
    n.ingest(
        connections_page(
            "1,234",
            vec![card("jos%C3%A9", "José", Some("Connected 2 weeks ago"))],
        ),
        NOW,
    )
    .unwrap();
    n.ingest(followers("3.4K"), NOW).unwrap();
    n.network.set_goal(Goal::Consultant);
    let json = serde_json::to_string(&n).unwrap();
    let back: Snapshot = serde_json::from_str::<Snapshot>(&json)
        .unwrap()
        .validated()
        .unwrap();
    assert_eq!(back, n);
    assert!(back.network.person("josé").is_some());
}

#[test]
fn snapshot_from_a_newer_version_is_refused_with_the_reason() {
    let mut value = serde_json::to_value(Snapshot::default()).unwrap();
    value["version"] = (SNAPSHOT_VERSION + 1).into();
    let err = serde_json::from_value::<Snapshot>(value)
        .unwrap()
        .validated()
        .unwrap_err();
    assert!(err.to_string().contains("newer netprune"), "{err}");
}

#[test]
fn snapshot_listing_a_person_twice_is_refused() {
    let mut n = Snapshot::default();
    n.ingest(connections_page("1", vec![card("ana", "Ana", None)]), NOW)
        .unwrap();
    let mut value = serde_json::to_value(&n).unwrap();
    let ana = value["people"][0].clone();
    value["people"].as_array_mut().unwrap().push(ana);
    let err = serde_json::from_value::<Snapshot>(value)
        .unwrap()
        .validated()
        .unwrap_err();
    assert!(matches!(err, ModelError::BadSnapshot(_)));
    assert!(err.to_string().contains("listed twice"), "{err}");
}

proptest! {
    /// Whatever order readings arrive in, the summary never contradicts the
    /// domain: badge iff connections >= 500, headroom = cap - exact count,
    /// and no ratio unless followers >= connections.
    #[test]
    fn summary_invariants_hold_for_any_readings(
        readings in proptest::collection::vec((0u64..40_000, 0u64..100_000, 0i64..1_000), 1..20)
    ) {
        let mut n = Snapshot::default();
        for (connections, followers_count, t) in readings {
            let _ = n.ingest(connections_page(&connections.to_string(), vec![]), NOW + t * HOUR);
            let _ = n.ingest(followers(&followers_count.to_string()), NOW + t * HOUR);
            let s = n.summary(NOW + t * HOUR);
            if let Some(c) = &s.connections {
                prop_assert!(c.value <= 30_000);
                prop_assert_eq!(s.badge.status == BadgeStatus::Shows, c.value >= 500);
                prop_assert_eq!(s.cap.headroom, Some(30_000 - c.value));
            }
            if let (Some(r), Some(c), Some(f)) = (&s.ratio, &s.connections, &s.followers) {
                prop_assert!(f.value >= c.value);
                prop_assert!(r.value >= 1.0 - 1e-9);
            }
        }
    }

    #[test]
    fn ingest_never_panics_on_arbitrary_cards(
        urls in proptest::collection::vec("\\PC{0,40}", 0..10),
        names in proptest::collection::vec("\\PC{0,40}", 10),
        total in "\\PC{0,12}",
    ) {
        let cards = urls
            .iter()
            .zip(&names)
            .map(|(u, name)| Card { profile_url: u.clone(), name: name.clone(), headline: None, connected_text: Some(name.clone()) })
            .collect();
        let mut n = Snapshot::default();
        let _ = n.ingest(connections_page(&total, cards), NOW);
        let _ = n.summary(NOW);
    }
}

#[test]
fn a_newer_snapshot_is_made_by_a_newer_netprune_not_unreadable() {
    // Even when its shape has changed past what this version can parse.
    let mut value = serde_json::to_value(Snapshot::default()).unwrap();
    value["version"] = (SNAPSHOT_VERSION + 1).into();
    value["people"] = "a shape this version does not know".into();
    let err = Snapshot::from_json(&value.to_string()).unwrap_err();
    assert!(matches!(err, ModelError::NewerVersion(_)), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("made by a newer netprune"), "{message}");
    assert!(!message.contains("unreadable"), "{message}");
    // A damaged snapshot is still unreadable.
    let err = Snapshot::from_json("{\"version\":1,\"people\":7}").unwrap_err();
    assert!(matches!(err, ModelError::BadSnapshot(_)), "{err:?}");
}
