//! The plan of a removal batch: it must say exactly what queuing then does
//! (the same refusals, the same people, the queue's own finish estimate),
//! the connection count after, and whether the 500+ badge is crossed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use netprune::intake::reading::Precision;
use netprune::removal::language::{Availability, LearnedWords};
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
    read_from(total, slugs, None)
}

/// `slugs` read from a connections page stating `total`, in `language`.
fn read_from(total: &str, slugs: &[String], language: Option<&str>) -> Snapshot {
    let mut n = Snapshot::default();
    let cards = slugs
        .iter()
        .map(|s| linked_card(s, format!("{s} Example")))
        .collect();
    let mut page = connections_page(total, cards);
    page.language = language.map(str::to_string);
    n.ingest(page, NOW).unwrap();
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

/// The network of `people` read from a connections page that says its
/// language is `language`.
fn network_in(language: &str, people: &[String]) -> Snapshot {
    read_from(&people.len().to_string(), people, Some(language))
}

fn german_words() -> LearnedWords {
    LearnedWords {
        language: "de-DE".into(),
        menu_item: "Kontakt entfernen".into(),
        confirm: "Kontakt entfernen".into(),
        menu_button: Some("Weitere Aktionen für {name}".into()),
        item_role: "menuitem".into(),
        dialog_tag: "dialog".into(),
        dialog_says_item: true,
        learned_at_ms: 0,
    }
}

#[test]
fn nobody_is_queued_while_linkedin_is_in_a_language_without_removal_words() {
    let people = slugs(3);
    let mut n = network_in("de-DE", &people);
    assert_eq!(n.removal_language().removal, Availability::Unavailable);
    let plan = n.plan_removals(&people, NOW, UTC).unwrap();
    assert!(plan.queueable.is_empty());
    assert!(plan
        .excluded
        .iter()
        .all(|e| e.reason == RefuseReason::Language && e.message.contains("teach")));
    let report = n.queue_removals(&people, NOW, false).unwrap();
    assert_eq!(report.queued, 0);
    assert_eq!(report.refused.len(), 3);
    assert!(report
        .refused
        .iter()
        .all(|r| r.why == RefuseReason::Language));
}

#[test]
fn taught_words_make_that_language_removable_and_no_other() {
    let people = slugs(2);
    let mut n = network_in("de-DE", &people);
    let kept = n.queue.teach(german_words(), NOW).unwrap();
    assert_eq!(kept.language, "de-de");
    assert_eq!(kept.learned_at_ms, NOW);
    assert_eq!(n.removal_language().removal, Availability::Learned);
    assert_eq!(n.queue_removals(&people, NOW, false).unwrap().queued, 2);
    // Read again in Swedish: the German words do not serve it.
    let mut sv = network_in("sv", &people);
    sv.queue.teach(german_words(), NOW).unwrap();
    assert_eq!(sv.removal_language().removal, Availability::Unavailable);
    assert!(sv.queue.forget_taught("DE_de"));
    // Words taught survive a save and a restore.
    let stored = serde_json::to_string(&n).unwrap();
    let back: Snapshot = serde_json::from_str::<Snapshot>(&stored)
        .unwrap()
        .validated()
        .unwrap();
    assert_eq!(back.queue.taught(), n.queue.taught());
}

#[test]
fn turkish_and_english_remove_from_the_tables_and_cannot_be_taught() {
    for language in ["tr", "tr-TR", "en", "en-GB"] {
        let mut n = network_in(language, &slugs(1));
        assert_eq!(
            n.removal_language().removal,
            Availability::Known,
            "{language}"
        );
        let mut words = german_words();
        words.language = language.into();
        assert!(n.queue.teach(words, NOW).is_err(), "{language}");
    }
}
