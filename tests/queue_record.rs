//! What the queue keeps and shows: the log as formula-safe CSV, progress
//! with caps and an estimate, the JSON actions and outcomes cross as, the
//! queue inside the stored snapshot, and what a restore keeps.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/queue.rs"]
mod support;

use support::*;

#[test]
fn log_csv_keeps_every_transition_and_is_formula_safe() {
    let mut q = RemovalQueue::new(5);
    q.enqueue(
        vec![
            ("ana".into(), "=HYPERLINK(\"http://x\",\"y\")".into()),
            ("bo".into(), "Bo, MSc".into()),
        ],
        NOW,
        false,
    );
    let mut now = NOW;
    let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    q.report(attempt, StepOutcome::Removed, now + 1_500);
    let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    q.report(attempt, failed("@menu missing"), now);
    let csv = q.log_csv();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Name,Profile URL,When (UTC),From,Outcome,Detail,Action"
    );
    assert_eq!(
        lines[1],
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",https://www.linkedin.com/in/ana/,2026-11-21T12:00:00Z,,pending,queued,remove"
    );
    assert!(lines[4].contains(",in progress,removed,removed: the card left the list,remove"));
    assert!(lines.iter().any(|l| l.contains("\"Bo, MSc\"")));
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with(",failed,\"'@menu missing\",remove")),
        "{csv}"
    );
    // Queued twice, handed out twice, settled twice: six records.
    assert_eq!(q.log().len(), 6);
    assert_eq!(lines.len(), 8);
    assert_eq!(q.log().iter().filter(|r| r.to == Stage::Removed).count(), 1);
}

#[test]
fn progress_counts_caps_and_an_eta() {
    let slugs: Vec<String> = (0..130).map(|i| format!("p{i}")).collect();
    let mut q = RemovalQueue::new(9);
    q.enqueue(
        slugs.iter().map(|s| (s.clone(), s.clone())).collect(),
        NOW,
        false,
    );
    let progress = q.progress(NOW, UTC);
    assert_eq!(progress.pending, 130);
    assert_eq!(
        progress.state,
        netprune::removal::queue::QueueState::Running
    );
    assert_eq!(
        (progress.hourly_cap, progress.daily_cap),
        (Some(15), Some(60))
    );
    // 130 people at 60 a day: the estimate is past two days.
    let eta = progress.eta_ms.unwrap();
    assert!(
        eta - NOW > 2 * DAY_MS && eta - NOW < 3 * DAY_MS,
        "{}",
        eta - NOW
    );
    let mut now = NOW;
    for _ in 0..3 {
        let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
        q.report(attempt, StepOutcome::Removed, now);
    }
    let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    q.report(attempt, StepOutcome::NotFound, now);
    let progress = q.progress(now, UTC);
    assert_eq!(
        (progress.pending, progress.removed, progress.skipped),
        (126, 3, 1)
    );
    assert_eq!(progress.removed_today, 3);
    assert_eq!(progress.attempts_today, 4);
    assert!(progress.next_action_at_ms.unwrap() > now);
    assert!(progress.waiting_for.is_some());
    assert_eq!(q.progress(now + DAY_MS, UTC).removed_today, 0);
    let json = serde_json::to_value(&progress).unwrap();
    assert_eq!(json["state"], "running");
    assert!(json.get("removedToday").is_some() && json.get("etaMs").is_some());
}

#[test]
fn actions_and_outcomes_cross_as_tagged_camel_case_json() {
    let mut q = queue_of(&["ana"]);
    let mut action = serde_json::to_value(q.poll(NOW, UTC)).unwrap();
    let pauses = action["pausesMs"].take();
    assert_eq!(
        action,
        serde_json::json!({ "kind": "remove", "slug": "ana", "name": "Ana Example", "attempt": 1, "dryRun": false, "action": "remove", "pausesMs": null })
    );
    assert!(pauses.as_array().unwrap().iter().all(|p| p.is_u64()));
    let outcome: StepOutcome =
        serde_json::from_str(r#"{ "kind": "trouble", "reason": "limit", "trouble": "limit" }"#)
            .unwrap();
    assert_eq!(
        outcome,
        StepOutcome::Trouble {
            reason: "limit".into(),
            trouble: Some("limit".into())
        }
    );
    let outcome: StepOutcome =
        serde_json::from_str(r#"{ "kind": "trouble", "reason": "captcha" }"#).unwrap();
    assert_eq!(outcome, trouble("captcha"));
    let outcome: StepOutcome = serde_json::from_str(r#"{ "kind": "not-found" }"#).unwrap();
    assert_eq!(outcome, StepOutcome::NotFound);
    let wait = serde_json::to_value(Action::Wait {
        until_ms: 5,
        why: WaitReason::HourlyCap,
    })
    .unwrap();
    assert_eq!(
        wait,
        serde_json::json!({ "kind": "wait", "untilMs": 5, "why": "hourly-cap" })
    );
}

#[test]
fn network_snapshot_keeps_the_queue_and_old_snapshots_load() {
    let mut n = network_of(&["ana", "bo"]);
    n.queue_removals(&strings(&["ana", "bo"]), NOW, false)
        .unwrap();
    let mut now = NOW;
    next_step_in(&mut n, &mut now, UTC);
    let mut back = Snapshot::from_json(&n.to_json()).unwrap();
    assert_eq!(back, n);
    // The restored network verifies the step that was out, once its
    // timeout has passed.
    assert!(matches!(
        back.poll_removals(now, UTC),
        Action::Wait {
            why: WaitReason::StepInFlight,
            ..
        }
    ));
    assert!(matches!(
        back.poll_removals(now + STEP_TIMEOUT_MS, UTC),
        Action::Verify { .. }
    ));
    // A snapshot from before the queue existed loads with an empty queue.
    let mut value = serde_json::to_value(network_of(&["ana"])).unwrap();
    value.as_object_mut().unwrap().remove("queue");
    let old = Snapshot::from_json(&value.to_string()).unwrap();
    assert!(old.queue.entries().is_empty());
    // An unseeded queue gets the time mixed in on first use.
    let mut fresh = Snapshot::default();
    fresh.ingest(page(&strings(&["ana"])), NOW).unwrap();
    assert!(!fresh.queue.is_seeded());
    fresh
        .queue_removals(&strings(&["ana"]), NOW, false)
        .unwrap();
    assert!(fresh.queue.is_seeded());
}

#[test]
fn a_restore_keeps_the_log_the_caps_the_pacing_and_who_is_removed_or_in_flight() {
    let mut n = network_of(&["ana", "bo", "cy", "di"]);
    n.queue.set_settings(PacingSettings {
        hourly_cap: 2,
        ..PacingSettings::default()
    });
    // The backup: cy and di queued, nobody attempted yet.
    n.queue_removals(&strings(&["cy", "di"]), NOW, false)
        .unwrap();
    n.queue.cancel_all(NOW);
    n.queue_removals(&strings(&["cy", "di"]), NOW, false)
        .unwrap();
    let backup = n.to_backup_json(NOW);
    n.queue.cancel_all(NOW);
    // Since then: ana removed, bo's step in flight, the hourly cap reached.
    n.queue_removals(&strings(&["ana", "bo"]), NOW, false)
        .unwrap();
    let mut now = NOW;
    let (_, first) = remove_of(&next_step_in(&mut n, &mut now, UTC));
    n.report_removal(first, StepOutcome::Removed, now);
    let (bo, second) = remove_of(&next_step_in(&mut n, &mut now, UTC));
    assert_eq!(bo, "bo");
    let live = n.queue.clone();
    let report = n.restore_backup(&backup, now).unwrap();
    // Nobody from the file is queued again without a new confirmation.
    assert_eq!(report.not_requeued, 2);
    assert_eq!(report.in_flight.as_deref(), Some("bo"));
    assert!(!n.queue.is_queued("cy") && !n.queue.is_queued("di"));
    // Removed stays removed; the step in flight stays in flight.
    assert!(n.network.person("ana").unwrap().removed_at_ms.is_some());
    assert_eq!(status(&n.queue, "ana"), EntryStatus::Removed);
    assert_eq!(status(&n.queue, "bo"), EntryStatus::InProgress);
    assert!(matches!(
        n.poll_removals(now + SECOND_MS, UTC),
        Action::Wait { .. }
    ));
    // The log and the counts survive, and the generator goes on as it was.
    assert!(n
        .queue
        .log_csv()
        .contains("removed: the card left the list,remove"));
    let progress = n.queue.progress(now, UTC);
    assert_eq!(progress.attempts_this_hour, 2);
    assert_eq!(progress.removed, 1);
    let mut a = live.clone();
    let mut b = n.queue.clone();
    a.report(second, StepOutcome::Removed, now);
    b.report(second, StepOutcome::Removed, now);
    assert_eq!(a.hold(), b.hold(), "the pacing generator was rolled back");
    // The late report of bo's step is still recorded.
    let reported = n.report_removal(second, StepOutcome::Removed, now);
    assert!(matches!(reported, Reported::Applied { .. }), "{reported:?}");
    assert!(n.network.person("bo").unwrap().removed_at_ms.is_some());
    // A later restore of the same file keeps bo removed.
    n.restore_backup(&backup, now).unwrap();
    assert!(n.network.person("bo").unwrap().removed_at_ms.is_some());
    assert_eq!(n.queue.enqueue(people(&["bo"]), now, false).queued, 0);
}

#[test]
fn under_test_pacing_a_lost_step_is_verified_after_the_short_timeout() {
    let mut q = queue_of(&["ana", "bo"]);
    q.set_dev_pacing(Some(200));
    let mut now = NOW;
    remove_of(&next_step(&mut q, &mut now, UTC));
    assert_eq!(
        q.step_timeout_ms(),
        netprune::removal::queue::DEV_STEP_TIMEOUT_MS
    );
    assert_eq!(q.next_wake_ms(now, UTC), Some(now + 20 * SECOND_MS));
    assert!(matches!(
        q.poll(now + 19 * SECOND_MS, UTC),
        Action::Wait { .. }
    ));
    assert!(matches!(
        q.poll(now + 20 * SECOND_MS, UTC),
        Action::Verify { .. }
    ));
}
