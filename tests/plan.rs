//! The plan of a removal batch: it must say exactly what queuing then does
//! (the same refusals, the same people, the queue's own finish estimate),
//! the connection count after, and whether the 500+ badge is crossed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use netprune::intake::reading::Precision;
use netprune::removal::queue::{RefuseReason, RemovalQueue};
use netprune::Snapshot;
use pages::{connections_page, linked_card};
use proptest::prelude::*;

#[path = "support/pages.rs"]
mod pages;

/// 2026-11-21T12:00:00Z.
const NOW: i64 = 1_795_262_400_000;
const UTC: i32 = 0;

fn network_of(total: &str, slugs: &[String]) -> Snapshot {
    let mut n = Snapshot::default();
    let cards = slugs
        .iter()
        .map(|s| linked_card(s, format!("{s} Example")))
        .collect();
    n.ingest(connections_page(total, cards), NOW).unwrap();
    n.queue = RemovalQueue::new(42);
    n
}

fn slugs(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("p-{i}")).collect()
}

#[test]
fn the_plan_names_every_refusal_with_words_and_the_name() {
    let people = slugs(5);
    let mut n = network_of("5", &people);
    n.network.set_kept(&people[..1], true);
    let gone = n.network.index_of("p-1").unwrap();
    n.network.people[gone].gone_since_ms = Some(NOW);
    n.queue_removals(&people[2..3], NOW, false).unwrap();
    let asked = vec![
        "p-0".to_string(),
        "p-1".into(),
        "p-2".into(),
        "p-3".into(),
        "p-3".into(),
        "zed".into(),
        "p-4".into(),
    ];
    let plan = n.plan_removals(&asked, NOW, UTC).unwrap();
    assert_eq!(plan.queueable, vec!["p-3".to_string(), "p-4".into()]);
    let why: Vec<(&str, RefuseReason, &str)> = plan
        .excluded
        .iter()
        .map(|e| (e.slug.as_str(), e.reason, e.name.as_str()))
        .collect();
    assert_eq!(
        why,
        vec![
            ("p-0", RefuseReason::Kept, "p-0 Example"),
            ("p-1", RefuseReason::Gone, "p-1 Example"),
            ("p-2", RefuseReason::AlreadyQueued, "p-2 Example"),
            ("p-3", RefuseReason::AlreadyQueued, "p-3 Example"),
            ("zed", RefuseReason::Unknown, ""),
        ]
    );
    assert!(plan.excluded[0].message.contains("keep-list"));
    // Five connections, one already waiting and two more: two left.
    assert_eq!(plan.connections_before, Some(5));
    assert_eq!(plan.already_waiting, 1);
    assert_eq!(plan.connections_after, Some(2));
    assert_eq!(plan.connections_precision, Some(Precision::Exact));
    assert!(!plan.crosses_badge);
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["excluded"][2]["reason"], "alreadyQueued");
    assert!(json["finishAtMs"].as_i64().unwrap() > NOW);
    // Planning changed nothing.
    assert_eq!(n.queue.progress(NOW, UTC).pending, 1);
}

#[test]
fn the_plan_warns_when_the_badge_would_go() {
    let people = slugs(3);
    for (total, count, crosses, precision) in [
        ("502", 3, true, Precision::Exact),
        ("503", 3, false, Precision::Exact),
        ("500+", 1, true, Precision::AtLeast),
    ] {
        let mut n = network_of(total, &people);
        let plan = n.plan_removals(&people[..count], NOW, UTC).unwrap();
        assert_eq!(plan.crosses_badge, crosses, "{total} less {count}");
        assert_eq!(plan.connections_precision, Some(precision));
    }
    // Nobody queueable: nothing crosses, nothing to finish.
    let mut n = network_of("500", &people);
    n.network.set_kept(&people, true);
    let plan = n.plan_removals(&people, NOW, UTC).unwrap();
    assert!(plan.queueable.is_empty());
    assert!(!plan.crosses_badge);
    assert_eq!((plan.finish_at_ms, plan.duration_ms), (None, None));
    assert_eq!(plan.connections_after, Some(500));
}

proptest! {
    /// Whatever the network holds, the plan is what queuing then does, and
    /// its finish is the queue's estimate afterwards.
    #[test]
    fn the_plan_is_what_queuing_does(
        kept in proptest::collection::vec(any::<bool>(), 8),
        gone in proptest::collection::vec(any::<bool>(), 8),
        earlier in proptest::collection::vec(0usize..10, 0..4),
        asked in proptest::collection::vec(0usize..10, 0..12),
    ) {
        let people = slugs(8);
        let mut n = network_of("1,000", &people);
        for (i, slug) in people.iter().enumerate() {
            if kept[i] {
                n.network.set_kept(std::slice::from_ref(slug), true);
            }
            if gone[i] {
                let at = n.network.index_of(slug).unwrap();
                n.network.people[at].gone_since_ms = Some(NOW);
            }
        }
        let name = |i: &usize| format!("p-{i}");
        let earlier: Vec<String> = earlier.iter().map(name).collect();
        n.queue_removals(&earlier, NOW, false).unwrap();
        let asked: Vec<String> = asked.iter().map(name).collect();
        let plan = n.plan_removals(&asked, NOW, UTC).unwrap();
        let report = n.queue_removals(&asked, NOW, false).unwrap();
        prop_assert_eq!(plan.queueable.len() as u32, report.queued);
        let mut planned: Vec<(String, RefuseReason)> =
            plan.excluded.iter().map(|e| (e.slug.clone(), e.reason)).collect();
        let mut refused: Vec<(String, RefuseReason)> =
            report.refused.iter().map(|r| (r.slug.clone(), r.why)).collect();
        planned.sort_by(|a, b| a.0.cmp(&b.0));
        refused.sort_by(|a, b| a.0.cmp(&b.0));
        prop_assert_eq!(planned, refused);
        for slug in &plan.queueable {
            prop_assert!(n.queue.is_queued(slug));
        }
        prop_assert_eq!(plan.finish_at_ms, if plan.queueable.is_empty() {
            None
        } else {
            n.queue.progress(NOW, UTC).eta_ms
        });
    }
}
