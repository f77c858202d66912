//! The three kinds of step in one queue: removing a connection,
//! withdrawing a sent invitation, unfollowing. Each needs its relation,
//! each has its caps inside one daily ceiling, and a simulated month of a
//! mixed queue never exceeds any of them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/queue.rs"]
mod support;

use netprune::intake::reading::{FollowCard, InvitationCard};
use netprune::network::calendar::DatePrecision;
use netprune::removal::queue::ActionKind;
use support::*;

const SENT_URL: &str = "https://www.linkedin.com/mynetwork/invitation-manager/sent/";
const FOLLOWING_URL: &str =
    "https://www.linkedin.com/mynetwork/network-manager/people-follow/following/";

/// The sent invitations page listing `slugs`, each sent `sent` ago.
fn sent_page(slugs: &[String], sent: &str) -> PageReading {
    PageReading {
        page: Some(PageKind::Invitations),
        url: SENT_URL.into(),
        recognised: true,
        generation: Some("react-2025".into()),
        invitations: slugs
            .iter()
            .map(|s| InvitationCard {
                profile_url: format!("/in/{s}/"),
                name: name_of(s),
                headline: None,
                sent_text: Some(sent.into()),
                has_note: Some(false),
            })
            .collect(),
        ..Default::default()
    }
}

/// The following page listing `slugs`.
fn following_page(slugs: &[String]) -> PageReading {
    PageReading {
        page: Some(PageKind::Following),
        url: FOLLOWING_URL.into(),
        recognised: true,
        follows: slugs
            .iter()
            .map(|s| FollowCard {
                profile_url: format!("/in/{s}/"),
                name: name_of(s),
                headline: None,
            })
            .collect(),
        ..Default::default()
    }
}

/// Connections c0.., invitations to i0.. and follows of f0.., and the
/// connection c0 followed too.
fn mixed_network(count: usize) -> Snapshot {
    let named =
        |prefix: &str| -> Vec<String> { (0..count).map(|i| format!("{prefix}{i}")).collect() };
    let mut n = Snapshot::default();
    n.ingest(page(&named("c")), NOW).unwrap();
    n.ingest(sent_page(&named("i"), "Sent 2 months ago"), NOW)
        .unwrap();
    let mut follows = named("f");
    follows.push("c0".into());
    n.ingest(following_page(&follows), NOW).unwrap();
    n.queue = RemovalQueue::new(42);
    n
}

fn refusals(n: &mut Snapshot, slugs: &[&str], kind: ActionKind) -> Vec<(String, RefuseReason)> {
    let report = n.queue_actions(&strings(slugs), kind, NOW, false).unwrap();
    report
        .refused
        .into_iter()
        .map(|r| (r.slug, r.why))
        .collect()
}

/// Polls with the fake clock until a step is handed out.
fn step(n: &mut Snapshot, now: &mut i64) -> Action {
    for _ in 0..10_000 {
        match n.poll_removals(*now, UTC) {
            Action::Wait { until_ms, .. } => *now = until_ms,
            action => return action,
        }
    }
    panic!("the queue waited 10,000 times in a row");
}

#[test]
fn the_sent_page_adds_invitations_to_people_who_are_not_connections() {
    let n = mixed_network(2);
    let invited = n.network.person("i0").unwrap();
    assert!(!invited.is_connection());
    let invitation = invited.invitation().unwrap();
    assert_eq!(invitation.sent.unwrap().precision, DatePrecision::Month);
    assert_eq!(invitation.has_note, Some(false));
    assert!(n.network.person("c0").unwrap().is_connection());
    assert!(n.network.person("c0").unwrap().follows());
    assert!(!n.network.person("f0").unwrap().is_connection());
    // People who are not connections are not counted as read connections.
    assert_eq!(n.summary(NOW).people_read, 2);
}

#[test]
fn an_accepted_invitation_makes_a_connection_and_ends_the_invitation() {
    let mut n = mixed_network(1);
    n.ingest(page(&strings(&["c0", "i0"])), NOW + HOUR_MS)
        .unwrap();
    let person = n.network.person("i0").unwrap();
    assert!(person.is_connection());
    assert!(person.invitation().is_none());
    assert!(
        person.relations.is_none(),
        "nothing but a connection is left"
    );
}

#[test]
fn the_plan_of_each_kind_offers_exactly_whom_queueing_takes() {
    // The review page's confirmation asks the plan; queueing must agree,
    // person for person, or the dialog names people who are then refused.
    let asked = strings(&["c0", "c1", "i0", "i1", "f0", "c0", "nobody"]);
    for kind in ActionKind::ALL {
        let mut n = mixed_network(2);
        let plan = n.plan_actions(&asked, kind, NOW, UTC).unwrap();
        let report = n.queue_actions(&asked, kind, NOW, false).unwrap();
        assert_eq!(plan.queueable.len(), report.queued as usize, "{kind:?}");
        assert!(!plan.queueable.is_empty(), "{kind:?}");
        let mut excluded: Vec<(String, RefuseReason)> = plan
            .excluded
            .iter()
            .map(|e| (e.slug.clone(), e.reason))
            .collect();
        let mut refused: Vec<(String, RefuseReason)> = report
            .refused
            .iter()
            .map(|r| (r.slug.clone(), r.why))
            .collect();
        excluded.sort_by_key(|(slug, why)| (slug.clone(), format!("{why:?}")));
        refused.sort_by_key(|(slug, why)| (slug.clone(), format!("{why:?}")));
        assert_eq!(excluded, refused, "{kind:?}");
        for slug in &plan.queueable {
            let entry = n.queue.entry(slug).expect("planned, so queued");
            assert_eq!(entry.action, kind, "{slug}");
        }
    }
}

#[test]
fn only_a_removal_plan_changes_the_connection_count() {
    let mut n = mixed_network(3);
    let before = n
        .plan_actions(&strings(&["c0"]), ActionKind::Remove, NOW, UTC)
        .unwrap();
    let withdraw = n
        .plan_actions(&strings(&["i0", "i1"]), ActionKind::Withdraw, NOW, UTC)
        .unwrap();
    assert_eq!(withdraw.queueable.len(), 2);
    assert_eq!(withdraw.connections_after, withdraw.connections_before);
    assert!(withdraw.finish_at_ms.is_none());
    assert_eq!(
        before.connections_after,
        before.connections_before.map(|b| b - 1)
    );
    // Withdrawals already waiting do not count as removals waiting.
    n.queue_actions(&strings(&["i0"]), ActionKind::Withdraw, NOW, false)
        .unwrap();
    let again = n
        .plan_actions(&strings(&["c0"]), ActionKind::Remove, NOW, UTC)
        .unwrap();
    assert_eq!(again.already_waiting, 0);
    assert_eq!(again.connections_after, before.connections_after);
}

#[test]
fn each_kind_needs_its_relation() {
    let mut n = mixed_network(2);
    assert_eq!(
        refusals(&mut n, &["i0", "f0"], ActionKind::Remove),
        vec![
            ("i0".into(), RefuseReason::NotConnection),
            ("f0".into(), RefuseReason::NotConnection)
        ]
    );
    assert_eq!(
        refusals(&mut n, &["c1", "f0", "nobody"], ActionKind::Withdraw),
        vec![
            ("c1".into(), RefuseReason::NoInvitation),
            ("f0".into(), RefuseReason::NoInvitation),
            ("nobody".into(), RefuseReason::Unknown)
        ]
    );
    assert_eq!(
        refusals(&mut n, &["c1", "i0"], ActionKind::Unfollow),
        vec![
            ("c1".into(), RefuseReason::NotFollowed),
            ("i0".into(), RefuseReason::NotFollowed)
        ]
    );
    n.network.set_kept(&strings(&["i1", "f1"]), true);
    assert_eq!(
        refusals(&mut n, &["i1"], ActionKind::Withdraw),
        vec![("i1".into(), RefuseReason::Kept)]
    );
    assert_eq!(
        refusals(&mut n, &["f1"], ActionKind::Unfollow),
        vec![("f1".into(), RefuseReason::Kept)]
    );
    // The right relation queues, each with its kind.
    assert!(refusals(&mut n, &["i0"], ActionKind::Withdraw).is_empty());
    assert!(refusals(&mut n, &["f0", "c0"], ActionKind::Unfollow).is_empty());
    assert_eq!(n.queue.entry("i0").unwrap().action, ActionKind::Withdraw);
    assert_eq!(n.queue.entry("c0").unwrap().action, ActionKind::Unfollow);
    // Someone queued for one kind is refused for another until it is done.
    assert_eq!(
        refusals(&mut n, &["c0"], ActionKind::Remove),
        vec![("c0".into(), RefuseReason::QueuedOtherwise)]
    );
}

#[test]
fn a_verified_withdrawal_ends_the_invitation_and_is_never_repeated() {
    let mut n = mixed_network(1);
    n.queue_actions(&strings(&["i0"]), ActionKind::Withdraw, NOW, false)
        .unwrap();
    let mut now = NOW;
    let Action::Remove {
        slug,
        attempt,
        action,
        ..
    } = step(&mut n, &mut now)
    else {
        panic!("no step");
    };
    assert_eq!((slug.as_str(), action), ("i0", ActionKind::Withdraw));
    n.report_removal(attempt, StepOutcome::Removed, now);
    let person = n.network.person("i0").unwrap();
    assert!(person.invitation().is_none());
    assert_eq!(
        person.relations.as_ref().unwrap().withdrawn_at_ms,
        Some(now)
    );
    assert_eq!(person.removed_at_ms, None, "a withdrawal removes nobody");
    assert_eq!(
        refusals(&mut n, &["i0"], ActionKind::Withdraw),
        vec![("i0".into(), RefuseReason::NoInvitation)]
    );
}

#[test]
fn a_verified_unfollow_keeps_the_connection() {
    let mut n = mixed_network(1);
    n.queue_actions(&strings(&["c0"]), ActionKind::Unfollow, NOW, false)
        .unwrap();
    let mut now = NOW;
    let Action::Remove {
        attempt, action, ..
    } = step(&mut n, &mut now)
    else {
        panic!("no step");
    };
    assert_eq!(action, ActionKind::Unfollow);
    n.report_removal(attempt, StepOutcome::Removed, now);
    let person = n.network.person("c0").unwrap();
    assert!(person.is_connection());
    assert!(!person.follows());
    assert_eq!(person.removed_at_ms, None);
    // Done unfollowing, they may still be removed as a connection.
    assert!(refusals(&mut n, &["c0"], ActionKind::Remove).is_empty());
}

#[test]
fn an_invitation_found_gone_by_its_step_is_no_longer_pending() {
    let mut n = mixed_network(1);
    n.queue_actions(&strings(&["i0"]), ActionKind::Withdraw, NOW, false)
        .unwrap();
    let mut now = NOW;
    let Action::Remove { attempt, .. } = step(&mut n, &mut now) else {
        panic!("no step");
    };
    n.report_removal(attempt, StepOutcome::NotFound, now);
    assert!(n.network.person("i0").unwrap().invitation().is_none());
}

#[test]
fn a_kind_at_its_cap_lets_another_kind_go_first() {
    let mut n = mixed_network(5);
    n.queue.set_settings(PacingSettings {
        withdraw_hourly_cap: 1,
        ..PacingSettings::default()
    });
    n.queue_actions(&strings(&["i0", "i1"]), ActionKind::Withdraw, NOW, false)
        .unwrap();
    n.queue_actions(&strings(&["f0"]), ActionKind::Unfollow, NOW, false)
        .unwrap();
    let mut now = NOW;
    let mut order = Vec::new();
    for _ in 0..3 {
        let Action::Remove { slug, attempt, .. } = step(&mut n, &mut now) else {
            panic!("no step");
        };
        order.push((slug, now));
        n.report_removal(attempt, StepOutcome::Removed, now);
    }
    let slugs: Vec<&str> = order.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(slugs, ["i0", "f0", "i1"]);
    assert!(order[2].1 - order[0].1 >= HOUR_MS, "the withdraw cap held");
    assert!(
        order[1].1 - order[0].1 < HOUR_MS,
        "the unfollow did not wait for it"
    );
}

#[test]
fn relation_queries_find_exactly_their_people() {
    let mut n = mixed_network(2);
    // i2 was invited yesterday, i3 without a readable date.
    n.ingest(sent_page(&strings(&["i2"]), "Sent yesterday"), NOW)
        .unwrap();
    n.ingest(sent_page(&strings(&["i3"]), "Envoyée il y a 3 mois"), NOW)
        .unwrap();
    let mut slugs = |q: &str| sorted_slugs(&mut n, q);
    assert_eq!(slugs("is:connection"), ["c0", "c1"]);
    assert_eq!(slugs("is:invited"), ["i0", "i1", "i2", "i3"]);
    assert_eq!(slugs("is:invited sent-before:30d"), ["i0", "i1"]);
    assert_eq!(slugs("sent-after:7d"), ["i2"]);
    // An unknown date matches no date filter, negated or not.
    assert_eq!(slugs("is:invited -sent-before:30d"), ["i2"]);
    assert_eq!(slugs("is:following"), ["c0", "f0", "f1"]);
    assert_eq!(slugs("is:following -is:connection"), ["f0", "f1"]);
    assert!(n.query("sent-before:", NOW).is_err());
}

// ---------------------------------------------------------------------------
// A simulated month of a mixed queue.

#[derive(Clone, Debug)]
struct Setup {
    seed: u64,
    driver_seed: u64,
    caps: [(u32, u32); 3],
    overall: u32,
}

fn setup() -> impl Strategy<Value = Setup> {
    let caps = (1u32..40, 1u32..150);
    (
        any::<u64>(),
        any::<u64>(),
        [caps.clone(), caps.clone(), caps],
        1u32..250,
    )
        .prop_map(|(seed, driver_seed, caps, overall)| Setup {
            seed,
            driver_seed,
            caps,
            overall,
        })
}

/// No `cap + 1` of `times` (sorted) fall inside one window.
fn within_cap(times: &[i64], cap: u32, window: i64) -> Result<(), String> {
    let cap = cap as usize;
    for w in times.windows(cap + 1) {
        if w[cap] - w[0] < window {
            return Err(format!("{} steps within {window} ms (cap {cap})", cap + 1));
        }
    }
    Ok(())
}

fn simulate_mixed_month(setup: &Setup) -> Result<BTreeCount, String> {
    let mut driver = Prng::new(setup.driver_seed);
    let mut n = mixed_network(0);
    n.queue = RemovalQueue::new(setup.seed);
    let [remove, withdraw, unfollow] = setup.caps;
    n.queue.set_settings(PacingSettings {
        hourly_cap: remove.0,
        daily_cap: remove.1,
        withdraw_hourly_cap: withdraw.0,
        withdraw_daily_cap: withdraw.1,
        unfollow_hourly_cap: unfollow.0,
        unfollow_daily_cap: unfollow.1,
        overall_daily_cap: setup.overall,
        ..PacingSettings::default()
    });
    let settings = n.queue.settings().clone();
    let mut times: HashMap<ActionKind, Vec<i64>> = HashMap::new();
    let mut all: Vec<i64> = Vec::new();
    let mut done: HashSet<(String, ActionKind)> = HashSet::new();
    let mut next = 0usize;
    let mut now = NOW;
    let end = NOW + 30 * DAY_MS;
    let mut steps = 0;
    while now < end {
        steps += 1;
        if steps > 200_000 {
            return Err("the month never ends".into());
        }
        match n.poll_removals(now, UTC) {
            Action::Idle => {
                // New people on each page, and a batch of each kind.
                let fresh = |p: &str, next: usize| -> Vec<String> {
                    (next..next + 20).map(|i| format!("{p}{i}")).collect()
                };
                n.ingest(page(&fresh("c", next)), now).unwrap();
                n.ingest(sent_page(&fresh("i", next), "Sent 5 weeks ago"), now)
                    .unwrap();
                n.ingest(following_page(&fresh("f", next)), now).unwrap();
                for (p, kind) in [
                    ("c", ActionKind::Remove),
                    ("i", ActionKind::Withdraw),
                    ("f", ActionKind::Unfollow),
                ] {
                    let batch: Vec<String> = fresh(p, next)
                        .into_iter()
                        .filter(|_| driver.between(0, 2) > 0)
                        .collect();
                    n.queue_actions(&batch, kind, now, false).unwrap();
                }
                next += 20;
            }
            Action::Paused { .. } => {
                now += driver.between(10 * MINUTE_MS as u64, 6 * HOUR_MS as u64) as i64;
                n.queue.resume(now, true).unwrap();
            }
            Action::Wait { until_ms, .. } => {
                if until_ms <= now {
                    return Err("a wait that ends in the past".into());
                }
                now = until_ms;
            }
            Action::Remove {
                slug,
                attempt,
                action,
                ..
            } => {
                let person = n.network.person(&slug).unwrap();
                let allowed = match action {
                    ActionKind::Remove => person.is_connection(),
                    ActionKind::Withdraw => person.invitation().is_some(),
                    ActionKind::Unfollow => person.follows(),
                };
                if !allowed || person.kept {
                    return Err(format!(
                        "{action:?} handed out for {slug} without its relation"
                    ));
                }
                if done.contains(&(slug.clone(), action)) {
                    return Err(format!("{action:?} of {slug} handed out twice"));
                }
                times.entry(action).or_default().push(now);
                all.push(now);
                now += driver.between(3_000, 40_000) as i64;
                let outcome = match driver.between(0, 99) {
                    0..=74 => StepOutcome::Removed,
                    75..=84 => StepOutcome::NotFound,
                    85..=96 => failed("the button did not answer"),
                    _ => trouble("checkpoint"),
                };
                if let Reported::Applied {
                    status: EntryStatus::Removed,
                    ..
                } = n.report_removal(attempt, outcome, now)
                {
                    done.insert((slug, action));
                }
            }
            Action::Verify { attempt, .. } => {
                now += 5_000;
                n.report_removal(attempt, StepOutcome::NotFound, now);
            }
        }
    }
    for kind in ActionKind::ALL {
        let (hourly, daily) = match kind {
            ActionKind::Remove => (settings.hourly_cap, settings.daily_cap),
            ActionKind::Withdraw => (settings.withdraw_hourly_cap, settings.withdraw_daily_cap),
            ActionKind::Unfollow => (settings.unfollow_hourly_cap, settings.unfollow_daily_cap),
        };
        let own = times.get(&kind).map(Vec::as_slice).unwrap_or_default();
        within_cap(own, hourly, HOUR_MS).map_err(|e| format!("{kind:?} hourly: {e}"))?;
        within_cap(own, daily, DAY_MS).map_err(|e| format!("{kind:?} daily: {e}"))?;
    }
    within_cap(&all, settings.overall_daily_cap, DAY_MS).map_err(|e| format!("overall: {e}"))?;
    Ok(ActionKind::ALL.map(|k| times.get(&k).map_or(0, Vec::len)))
}

type BTreeCount = [usize; 3];

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Over a simulated month of a queue mixing the three kinds, no kind
    /// ever exceeds its hourly or daily cap, all kinds together never
    /// exceed the overall daily ceiling, and no step is handed out for
    /// someone without its relation or done twice. Every kind gets turns.
    #[test]
    fn a_mixed_month_never_exceeds_any_cap(setup in setup()) {
        let counts = simulate_mixed_month(&setup);
        prop_assert!(counts.is_ok(), "{:?}", counts);
        let counts = counts.unwrap();
        prop_assert!(counts.iter().all(|&c| c > 0), "a kind never ran: {:?}", counts);
    }
}

#[test]
fn a_sent_list_read_to_its_end_drops_the_invitations_it_no_longer_shows() {
    let mut n = mixed_network(3);
    // A run over the whole list, begun a minute later, reads i0 and i2 only.
    let started = NOW + 60_000;
    n.ingest(
        sent_page(&strings(&["i0", "i2"]), "Sent 2 months ago"),
        started + 1_000,
    )
    .unwrap();
    let end = n.end_of_list(PageKind::Invitations, started, started + 2_000);
    assert_eq!((end.read, end.no_longer_listed), (2, 1));
    let i1 = n.network.person("i1").unwrap();
    assert!(i1.invitation().is_none());
    assert_eq!(i1.gone_since_ms, Some(started + 2_000));
    assert!(n.network.person("i0").unwrap().invitation().is_some());
    assert_eq!(
        n.queue_actions(&strings(&["i1"]), ActionKind::Withdraw, NOW, false)
            .unwrap()
            .queued,
        0
    );
    // Listed again later: no longer gone, the invitation back.
    n.ingest(
        sent_page(&strings(&["i1"]), "Sent 1 week ago"),
        started + 9_000,
    )
    .unwrap();
    let i1 = n.network.person("i1").unwrap();
    assert!(i1.invitation().is_some() && i1.gone_since_ms.is_none());
}

#[test]
fn a_following_list_read_to_its_end_drops_follows_and_keeps_connections() {
    let mut n = mixed_network(2);
    let started = NOW + 60_000;
    n.ingest(following_page(&strings(&["f1"])), started + 1_000)
        .unwrap();
    let end = n.end_of_list(PageKind::Following, started, started + 2_000);
    // f0 and the connection c0 were followed and are no longer listed.
    assert_eq!((end.read, end.no_longer_listed), (1, 2));
    let f0 = n.network.person("f0").unwrap();
    assert!(!f0.follows() && f0.gone_since_ms.is_some());
    let c0 = n.network.person("c0").unwrap();
    assert!(!c0.follows() && c0.gone_since_ms.is_none() && c0.is_connection());
    assert!(n.network.person("f1").unwrap().follows());
}

#[test]
fn a_list_read_with_nobody_on_it_proves_nothing_and_changes_nothing() {
    let mut n = mixed_network(2);
    let before = n.to_json();
    let started = NOW + 60_000;
    let end = n.end_of_list(PageKind::Invitations, started, started + 2_000);
    assert_eq!((end.read, end.no_longer_listed), (0, 0));
    let end = n.end_of_list(PageKind::Connections, NOW - 1, started);
    assert_eq!(end.no_longer_listed, 0);
    assert_eq!(n.to_json(), before);
}
