//! Who the queue may hold: kept, unmatched, gone and unknown people are
//! refused; a person verified removed is never attempted again; people kept
//! or gone since queuing are skipped at their turn; cancelling, dry runs,
//! and the removed mark on the person and in queries.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/queue.rs"]
mod support;

use support::*;

#[test]
fn verified_person_is_never_attempted_again() {
    let mut n = network_of(&["ana", "bo"]);
    n.queue_removals(&strings(&["ana", "bo"]), NOW, false)
        .unwrap();
    let mut now = NOW;
    let (slug, attempt) = remove_of(&next_step_in(&mut n, &mut now, UTC));
    assert_eq!(slug, "ana");
    n.report_removal(attempt, StepOutcome::Removed, now);
    assert_eq!(n.network.person("ana").unwrap().removed_at_ms, Some(now));
    // Neither the network nor the bare queue takes her again.
    let report = n.queue_removals(&strings(&["ana"]), now, false).unwrap();
    assert_eq!(report.queued, 0);
    assert_eq!(report.refused[0].why, RefuseReason::AlreadyRemoved);
    let report = n.queue.enqueue(people(&["ana"]), now, false);
    assert_eq!(report.refused[0].why, RefuseReason::AlreadyRemoved);
    // Drive everything out, queuing both again after every step: nobody
    // but bo is ever attempted.
    let mut rounds = 0;
    loop {
        match next_step_in(&mut n, &mut now, UTC) {
            Action::Remove { slug, attempt, .. } => {
                assert_eq!(slug, "bo");
                rounds += 1;
                let outcome = if rounds == 1 {
                    failed("x")
                } else {
                    StepOutcome::Removed
                };
                n.report_removal(attempt, outcome, now);
                n.queue_removals(&strings(&["ana", "bo"]), now, false)
                    .unwrap();
            }
            Action::Idle => break,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(rounds, 2);
}

#[test]
fn kept_person_is_never_queued() {
    let mut n = network_of(&["ana", "bo"]);
    n.network.set_kept(&strings(&["ana"]), true);
    let report = n
        .queue_removals(&strings(&["ana", "bo"]), NOW, false)
        .unwrap();
    assert_eq!(report.queued, 1);
    assert_eq!(report.refused.len(), 1);
    assert_eq!(report.refused[0].slug, "ana");
    assert_eq!(report.refused[0].why, RefuseReason::Kept);
    assert!(n.queue.entry("ana").is_none());
    assert!(!n.queue.is_queued("ana"));
}

#[test]
fn person_kept_after_queuing_is_skipped_at_their_turn() {
    let mut n = network_of(&["ana", "bo"]);
    n.queue_removals(&strings(&["ana", "bo"]), NOW, false)
        .unwrap();
    n.network.set_kept(&strings(&["ana"]), true);
    let mut now = NOW;
    assert_eq!(remove_of(&next_step_in(&mut n, &mut now, UTC)).0, "bo");
    assert_eq!(
        status(&n.queue, "ana"),
        EntryStatus::Skipped {
            why: SkipReason::Kept
        }
    );
}

#[test]
fn unmatched_gone_and_unknown_people_are_refused() {
    let mut n = network_of(&["ana", "bo", "cy", "di"]);
    let bo = n.network.index_of("bo").unwrap();
    n.network.people[bo].gone_since_ms = Some(NOW);
    let cy = n.network.index_of("cy").unwrap();
    n.network.people[cy].unmatched = true;
    let report = n
        .queue_removals(
            &strings(&["ana", "bo", "cy", "zed", "di", "di"]),
            NOW,
            false,
        )
        .unwrap();
    assert_eq!(report.queued, 2);
    let refused: HashMap<String, RefuseReason> = report
        .refused
        .iter()
        .map(|r| (r.slug.clone(), r.why))
        .collect();
    assert_eq!(refused["bo"], RefuseReason::Gone);
    assert_eq!(refused["cy"], RefuseReason::Unmatched);
    assert_eq!(refused["zed"], RefuseReason::Unknown);
    assert_eq!(refused["di"], RefuseReason::AlreadyQueued);
    // The bare queue refuses keys that cannot be profile slugs.
    let report = n
        .queue
        .enqueue(people(&["export:ana example", "", "a b"]), NOW, false);
    assert!(report
        .refused
        .iter()
        .all(|r| r.why == RefuseReason::BadSlug));
}

#[test]
fn each_refusal_carries_the_words_the_review_page_shows() {
    let mut n = network_of(&["ana", "bo", "cy", "di", "ed"]);
    n.network.set_kept(&strings(&["ana"]), true);
    let bo = n.network.index_of("bo").unwrap();
    n.network.people[bo].gone_since_ms = Some(NOW);
    let cy = n.network.index_of("cy").unwrap();
    n.network.people[cy].unmatched = true;
    let ed = n.network.index_of("ed").unwrap();
    n.network.people[ed].removed_at_ms = Some(NOW);
    n.queue_removals(&strings(&["di"]), NOW, false).unwrap();
    let report = n
        .queue_removals(
            &strings(&["ana", "bo", "cy", "zed", "di", "ed"]),
            NOW,
            false,
        )
        .unwrap();
    let json = serde_json::to_value(&report.refused).unwrap();
    let said: Vec<(&str, &str, &str)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["slug"].as_str().unwrap(),
                r["why"].as_str().unwrap(),
                r["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        said,
        vec![
            ("ana", "kept", "on your keep-list"),
            ("bo", "gone", "no longer in your connections"),
            ("cy", "unmatched", "from your export without a profile link"),
            ("zed", "unknown", "not in your network as netprune holds it"),
            ("ed", "alreadyRemoved", "already removed"),
            ("di", "alreadyQueued", "already in the removal queue"),
        ]
    );
    // The queue's own refusals carry theirs, from the same words.
    let report = n.queue.enqueue(people(&["a b"]), NOW, false);
    assert_eq!(
        report.refused[0].message,
        "not a profile link netprune can use"
    );
    assert_eq!(
        RefuseReason::QueueFull.words(),
        "the queue is full (30,000 people waiting)"
    );
}

#[test]
fn gone_since_queuing_is_skipped_not_attempted() {
    let mut n = network_of(&["ana", "bo"]);
    n.queue_removals(&strings(&["ana", "bo"]), NOW, false)
        .unwrap();
    let ana = n.network.index_of("ana").unwrap();
    n.network.people[ana].gone_since_ms = Some(NOW + 1);
    let mut now = NOW;
    assert_eq!(remove_of(&next_step_in(&mut n, &mut now, UTC)).0, "bo");
    assert_eq!(
        status(&n.queue, "ana"),
        EntryStatus::Skipped {
            why: SkipReason::AlreadyGone
        }
    );
}

#[test]
fn failed_cancelled_and_skipped_people_can_be_queued_again_at_the_back() {
    let mut q = queue_of(&["ana", "bo", "cy"]);
    let mut now = NOW;
    let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    q.report(attempt, failed("x"), now);
    assert_eq!(q.cancel("bo", now), CancelOutcome::Cancelled);
    let report = q.enqueue(people(&["cy", "ana", "bo"]), now, false);
    assert_eq!(report.queued, 2);
    assert_eq!(report.refused[0].why, RefuseReason::AlreadyQueued);
    let order: Vec<&str> = q.queued_slugs().collect();
    assert_eq!(order, ["cy", "ana", "bo"]);
    assert_eq!(q.entry("ana").unwrap().attempts, 0);
}

#[test]
fn cancel_pending_and_refuse_mid_step() {
    let mut q = queue_of(&["ana", "bo", "cy"]);
    let mut now = NOW;
    let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    assert_eq!(q.cancel("ana", now), CancelOutcome::InProgress);
    assert_eq!(q.cancel("bo", now), CancelOutcome::Cancelled);
    assert_eq!(q.cancel("bo", now), CancelOutcome::NotPending);
    assert_eq!(q.cancel("zed", now), CancelOutcome::NotPending);
    let report = q.cancel_all(now);
    assert_eq!(report.cancelled, 1);
    assert_eq!(report.in_progress.as_deref(), Some("ana"));
    // The step out still reports, and then the queue is idle.
    q.report(attempt, StepOutcome::Removed, now);
    assert_eq!(status(&q, "ana"), EntryStatus::Removed);
    assert_eq!(q.poll(now + HOUR_MS, UTC), Action::Idle);
    assert_eq!(q.next_wake_ms(now, UTC), None);
}

#[test]
fn dry_run_never_counts_as_removed() {
    let mut n = network_of(&["ana", "bo"]);
    n.queue_removals(&strings(&["ana"]), NOW, true).unwrap();
    let mut now = NOW;
    let action = next_step_in(&mut n, &mut now, UTC);
    assert!(matches!(action, Action::Remove { dry_run: true, .. }));
    let (_, attempt) = remove_of(&action);
    // The mode is the person's own, fixed when they were queued.
    n.report_removal(attempt, StepOutcome::Removed, now);
    assert_eq!(
        status(&n.queue, "ana"),
        EntryStatus::Skipped {
            why: SkipReason::DryRun
        }
    );
    assert_eq!(n.network.person("ana").unwrap().removed_at_ms, None);
    assert!(n.query("is:removed", now).unwrap().is_empty());
    let progress = n.queue.progress(now, UTC);
    assert_eq!((progress.removed, progress.skipped), (0, 1));
    assert!(n.queue.log_csv().contains("dry run: would remove"));
    // For real this time.
    n.queue_removals(&strings(&["ana"]), now, false).unwrap();
    let action = next_step_in(&mut n, &mut now, UTC);
    assert!(matches!(action, Action::Remove { dry_run: false, .. }));
}

#[test]
fn removed_outcome_marks_the_person_and_query_flags() {
    let mut n = network_of(&["ana", "bo", "cy"]);
    n.queue_removals(&strings(&["ana", "bo"]), NOW, false)
        .unwrap();
    let slugs_of = |n: &mut Snapshot, q: &str| -> Vec<String> {
        let indices = n.query(q, NOW).unwrap();
        n.rows(&indices)
            .iter()
            .map(|r| r.slug.to_string())
            .collect()
    };
    assert_eq!(slugs_of(&mut n, "is:queued sort:name"), ["ana", "bo"]);
    assert!(slugs_of(&mut n, "is:removed").is_empty());
    let mut now = NOW;
    let (_, attempt) = remove_of(&next_step_in(&mut n, &mut now, UTC));
    n.report_removal(attempt, StepOutcome::Removed, now);
    assert_eq!(slugs_of(&mut n, "is:removed"), ["ana"]);
    assert_eq!(slugs_of(&mut n, "is:queued"), ["bo"]);
    let all = n.query("sort:name", NOW).unwrap();
    let rows = n.rows(&all);
    assert!(rows[0].removed && !rows[0].queued);
    assert!(rows[1].queued && !rows[1].removed);
    assert!(!rows[2].queued && !rows[2].removed);
    assert!(n.export_csv(&all).contains("removed by netprune"));
}

#[test]
fn too_many_people_at_once_is_an_error() {
    let mut n = network_of(&["ana"]);
    let slugs = vec!["ana".to_string(); 30_001];
    assert!(n.queue_removals(&slugs, NOW, false).is_err());
}
