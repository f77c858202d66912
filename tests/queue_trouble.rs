//! The queue's circuit breaker on a fake clock: trouble pauses at once,
//! two failures in a row pause, lost steps are verified before anything
//! else, stale reports are ignored, LinkedIn's warnings lock resuming for a
//! cool-down, and pause causes cross as an enum.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/queue.rs"]
mod support;

use support::*;

#[test]
fn removal_stops_on_checkpoint_url() {
    let mut q = queue_of(&["ana", "bo", "cy"]);
    let mut now = NOW;
    let (slug, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    assert_eq!(slug, "ana");
    now += 8 * SECOND_MS;
    let reported = q.report(
        attempt,
        trouble("checkpoint URL: https://www.linkedin.com/checkpoint/challenge/x"),
        now,
    );
    assert_eq!(
        reported,
        Reported::Applied {
            slug: "ana".into(),
            status: EntryStatus::Pending,
            paused: true
        }
    );
    // Paused at once, and it stays paused however long the clock runs.
    for later in [now, now + HOUR_MS, now + 30 * DAY_MS] {
        match q.poll(later, UTC) {
            Action::Paused { reason } => assert!(reason.contains("checkpoint"), "{reason}"),
            other => panic!("expected Paused, got {other:?}"),
        }
        assert_eq!(q.next_wake_ms(later, UTC), None);
    }
    assert_eq!(
        q.progress(now, UTC).reason.unwrap(),
        q.pause_info().unwrap().reason
    );
    // Only the member resumes; ana (back to pending, not failed) goes first.
    assert!(q.resume(now + DAY_MS, false).unwrap());
    now += DAY_MS;
    assert_eq!(remove_of(&next_step(&mut q, &mut now, UTC)).0, "ana");
}

#[test]
fn any_trouble_pauses_and_the_first_reason_is_kept() {
    for reason in [
        "login page: https://www.linkedin.com/login",
        "authwall",
        "captcha shown",
        "You've reached the weekly limit",
        "unexpected dialog: Premium upsell",
        "menu without Remove connection",
        "HTTP 999",
    ] {
        let mut q = queue_of(&["ana", "bo"]);
        let mut now = NOW;
        let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
        q.report(attempt, trouble(reason), now);
        assert!(matches!(q.poll(now + HOUR_MS, UTC), Action::Paused { .. }));
        // A later stale trouble does not overwrite the first.
        q.report(attempt, trouble("something else"), now);
        assert_eq!(q.pause_info().unwrap().reason, reason);
    }
}

#[test]
fn two_failures_in_a_row_pause_the_queue() {
    let mut q = queue_of(&["ana", "bo", "cy"]);
    let mut now = NOW;
    let (slug, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    q.report(attempt, failed("menu did not open"), now);
    assert_eq!(
        status(&q, &slug),
        EntryStatus::Failed {
            reason: "menu did not open".into()
        }
    );
    // One failure backs off (at least the 2-minute base) and carries on.
    match q.poll(now, UTC) {
        Action::Wait { until_ms, why } => {
            assert_eq!(why, WaitReason::Backoff);
            assert!(until_ms >= now + 2 * MINUTE_MS);
        }
        other => panic!("expected a backoff, got {other:?}"),
    }
    let (slug, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    assert_eq!(slug, "bo");
    let reported = q.report(attempt, failed("card not matched"), now);
    assert!(matches!(reported, Reported::Applied { paused: true, .. }));
    match q.poll(now + DAY_MS, UTC) {
        Action::Paused { reason } => {
            assert!(reason.contains("2 failures in a row"), "{reason}");
            assert!(reason.contains("card not matched"), "{reason}");
        }
        other => panic!("expected Paused, got {other:?}"),
    }
    // Resuming forgets the count: one more failure does not pause.
    q.resume(now, false).unwrap();
    let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    q.report(attempt, failed("menu did not open"), now);
    assert!(q.pause_info().is_none());
}

#[test]
fn a_success_between_failures_keeps_the_queue_running() {
    let mut q = queue_of(&["ana", "bo", "cy", "di"]);
    let mut now = NOW;
    for outcome in [failed("x"), StepOutcome::Removed, failed("y")] {
        let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
        q.report(attempt, outcome, now);
    }
    assert!(q.pause_info().is_none());
    assert_eq!(remove_of(&next_step(&mut q, &mut now, UTC)).0, "di");
}

#[test]
fn still_there_after_a_removal_step_is_a_failure() {
    let mut q = queue_of(&["ana"]);
    let mut now = NOW;
    let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    q.report(attempt, StepOutcome::StillThere, now);
    assert!(matches!(status(&q, "ana"), EntryStatus::Failed { .. }));
}

#[test]
fn worker_death_mid_removal_verifies_before_anything_else() {
    let mut q = queue_of(&["ana", "bo"]);
    let mut now = NOW;
    let (_, first) = remove_of(&next_step(&mut q, &mut now, UTC));
    // While the step is out, the wake-up is its timeout (an alarm that
    // survives the worker).
    assert_eq!(q.next_wake_ms(now, UTC), Some(now + STEP_TIMEOUT_MS));
    // The worker dies; a new one restores the stored queue and polls.
    let stored = serde_json::to_string(&q).unwrap();
    let mut q: RemovalQueue = serde_json::from_str::<RemovalQueue>(&stored)
        .unwrap()
        .validated()
        .unwrap();
    now += 5 * SECOND_MS;
    // A wake before the step's timeout hands out nothing.
    assert!(matches!(q.poll(now, UTC), Action::Wait { .. }));
    now += STEP_TIMEOUT_MS;
    let verify = q.poll(now, UTC);
    let Action::Verify { slug, attempt, .. } = verify else {
        panic!("expected a Verify, got {verify:?}");
    };
    assert_eq!(slug, "ana");
    assert!(attempt > first);
    // It dies again: still a Verify for ana, never a Remove, never bo.
    now += STEP_TIMEOUT_MS;
    let again = q.poll(now, UTC);
    let Action::Verify {
        slug,
        attempt: second,
        ..
    } = again
    else {
        panic!("expected a Verify, got {again:?}");
    };
    assert_eq!(slug, "ana");
    // The lost Remove's report, arriving late, is stale.
    assert_eq!(
        q.report(first, StepOutcome::Removed, now),
        Reported::Stale { paused: false }
    );
    assert_eq!(status(&q, "ana"), EntryStatus::InProgress);
    // The check finds her gone: the lost step removed her.
    q.report(second, StepOutcome::NotFound, now + 10 * SECOND_MS);
    assert_eq!(status(&q, "ana"), EntryStatus::Removed);
    assert_eq!(remove_of(&next_step(&mut q, &mut now, UTC)).0, "bo");
}

#[test]
fn still_connected_after_a_lost_step_goes_back_to_pending() {
    let mut q = queue_of(&["ana", "bo"]);
    let mut now = NOW;
    next_step(&mut q, &mut now, UTC);
    let Action::Verify { attempt, .. } = q.poll(now + STEP_TIMEOUT_MS, UTC) else {
        panic!("expected a Verify");
    };
    now += STEP_TIMEOUT_MS;
    q.report(attempt, StepOutcome::StillThere, now);
    assert_eq!(status(&q, "ana"), EntryStatus::Pending);
    assert_eq!(remove_of(&next_step(&mut q, &mut now, UTC)).0, "ana");
}

#[test]
fn a_failed_check_is_retried_after_backoff_before_anything_else() {
    let mut q = queue_of(&["ana", "bo"]);
    let mut now = NOW;
    next_step(&mut q, &mut now, UTC);
    now += STEP_TIMEOUT_MS;
    let Action::Verify { attempt, .. } = q.poll(now, UTC) else {
        panic!("expected a Verify");
    };
    q.report(attempt, failed("list did not load"), now);
    assert_eq!(status(&q, "ana"), EntryStatus::InProgress);
    match q.poll(now, UTC) {
        Action::Wait { why, .. } => assert_eq!(why, WaitReason::Backoff),
        other => panic!("expected a backoff, got {other:?}"),
    }
    let Action::Verify { slug, attempt, .. } = next_step(&mut q, &mut now, UTC) else {
        panic!("expected a Verify");
    };
    assert_eq!(slug, "ana");
    // Trouble while checking pauses and keeps her in progress: resuming
    // checks again rather than removing anyone.
    q.report(attempt, trouble("captcha"), now);
    assert_eq!(status(&q, "ana"), EntryStatus::InProgress);
    q.resume(now + HOUR_MS, false).unwrap();
    now += HOUR_MS;
    assert!(matches!(
        next_step(&mut q, &mut now, UTC),
        Action::Verify { .. }
    ));
}

#[test]
fn resume_after_pause_mid_step_verifies_first() {
    let mut q = queue_of(&["ana", "bo"]);
    let mut now = NOW;
    next_step(&mut q, &mut now, UTC);
    assert!(q.pause("", now));
    assert_eq!(q.pause_info().unwrap().reason, "paused by you");
    assert!(matches!(q.poll(now, UTC), Action::Paused { .. }));
    assert_eq!(q.next_wake_ms(now, UTC), None);
    q.resume(now + MINUTE_MS, false).unwrap();
    assert!(matches!(
        q.poll(now + MINUTE_MS, UTC),
        Action::Wait {
            why: WaitReason::StepInFlight,
            ..
        }
    ));
    let action = q.poll(now + STEP_TIMEOUT_MS, UTC);
    assert!(
        matches!(&action, Action::Verify { slug, .. } if slug == "ana"),
        "{action:?}"
    );
}

#[test]
fn a_report_arriving_while_paused_is_recorded() {
    let mut q = queue_of(&["ana", "bo"]);
    let mut now = NOW;
    let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    q.pause("lunch", now);
    q.report(attempt, StepOutcome::Removed, now + 5 * SECOND_MS);
    assert_eq!(status(&q, "ana"), EntryStatus::Removed);
    q.resume(now + HOUR_MS, false).unwrap();
    now += HOUR_MS;
    assert_eq!(remove_of(&next_step(&mut q, &mut now, UTC)).0, "bo");
}

#[test]
fn trouble_replaces_a_members_pause_but_not_the_reverse() {
    let mut q = queue_of(&["ana"]);
    let mut now = NOW;
    let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    q.pause("lunch", now);
    q.report(attempt, trouble("captcha"), now);
    assert_eq!(q.pause_info().unwrap().reason, "captcha");
    assert!(!q.pause("dinner", now));
    assert_eq!(q.pause_info().unwrap().reason, "captcha");
}

#[test]
fn stale_reports_are_ignored() {
    let mut q = queue_of(&["ana", "bo"]);
    let mut now = NOW;
    let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    let before = q.clone();
    for outcome in [
        StepOutcome::Removed,
        StepOutcome::NotFound,
        StepOutcome::StillThere,
        failed("x"),
    ] {
        assert_eq!(
            q.report(attempt + 1, outcome.clone(), now),
            Reported::Stale { paused: false }
        );
        assert_eq!(q.report(0, outcome, now), Reported::Stale { paused: false });
    }
    assert_eq!(q, before);
    q.report(attempt, StepOutcome::Removed, now);
    // Reporting the same attempt twice changes nothing the second time.
    let after = q.clone();
    assert_eq!(
        q.report(attempt, failed("dup"), now),
        Reported::Stale { paused: false }
    );
    assert_eq!(q, after);
}

#[test]
fn stale_trouble_still_pauses() {
    let mut q = queue_of(&["ana", "bo"]);
    let mut now = NOW;
    let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    q.report(attempt, StepOutcome::Removed, now);
    assert_eq!(
        q.report(attempt, trouble("captcha"), now),
        Reported::Stale { paused: true }
    );
    assert!(matches!(q.poll(now + DAY_MS, UTC), Action::Paused { .. }));
    assert_eq!(status(&q, "ana"), EntryStatus::Removed);
}

fn warning(reason: &str, kind: &str) -> StepOutcome {
    StepOutcome::Trouble {
        reason: reason.into(),
        trouble: Some(kind.into()),
    }
}

#[test]
fn a_linkedin_warning_locks_resuming_for_the_cooldown() {
    for kind in [
        "limit",
        "restricted",
        "checkpoint",
        "captcha",
        "login",
        "http-429",
        "new-kind",
    ] {
        let mut q = queue_of(&["ana", "bo"]);
        let mut now = NOW;
        let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
        q.report(
            attempt,
            warning("You've reached a temporary limit", kind),
            now,
        );
        let progress = q.progress(now, UTC);
        assert_eq!(progress.pause_cause, Some(PauseCause::Trouble));
        assert_eq!(progress.cooldown_until_ms, Some(now + DAY_MS), "{kind}");
        // Resuming is refused, and says until when and why.
        let refused = q.resume(now + HOUR_MS, false).unwrap_err().to_string();
        assert!(
            refused.contains("locked until") && refused.contains("temporary limit"),
            "{refused}"
        );
        assert!(matches!(q.poll(now + HOUR_MS, UTC), Action::Paused { .. }));
        // Only an explicit acknowledgement overrides it, and the log says so.
        assert!(q.resume(now + HOUR_MS, true).unwrap());
        assert_eq!(q.progress(now + HOUR_MS, UTC).cooldown_until_ms, None);
        let csv = q.log_csv();
        let line = csv
            .lines()
            .find(|l| l.contains("with the member's acknowledgement"))
            .unwrap();
        assert!(line.starts_with("(the whole queue),,"), "{line}");
    }
    // After the cool-down a plain resume works.
    let mut q = queue_of(&["ana"]);
    let mut now = NOW;
    let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
    q.report(attempt, warning("checkpoint", "checkpoint"), now);
    assert!(q.resume(now + DAY_MS, false).unwrap());
}

#[test]
fn netprunes_own_doubts_pause_without_a_cooldown() {
    for kind in [
        "unexpected-dialog",
        "unexpected-menu",
        "another-account",
        "unrecognised",
    ] {
        let mut q = queue_of(&["ana"]);
        let mut now = NOW;
        let (_, attempt) = remove_of(&next_step(&mut q, &mut now, UTC));
        q.report(attempt, warning("odd", kind), now);
        assert_eq!(
            q.progress(now, UTC).state,
            netprune::removal::queue::QueueState::Paused
        );
        assert_eq!(q.progress(now, UTC).cooldown_until_ms, None);
        assert!(q.resume(now + MINUTE_MS, false).unwrap());
    }
}

#[test]
fn the_cooldown_is_a_pacing_setting_with_a_floor() {
    let mut q = queue_of(&["ana"]);
    q.set_settings(PacingSettings {
        cooldown_ms: 48 * HOUR_MS as u32,
        ..PacingSettings::default()
    });
    // Trouble seen outside a step (the page's own warning) cools down too.
    q.pause_because(PauseCause::Trouble, "restricted", Some("restricted"), NOW);
    assert_eq!(
        q.progress(NOW, UTC).cooldown_until_ms,
        Some(NOW + 2 * DAY_MS)
    );
    let in_force = q.set_settings(PacingSettings {
        cooldown_ms: 1,
        ..PacingSettings::default()
    });
    assert_eq!(i64::from(in_force.cooldown_ms), 12 * HOUR_MS);
}

#[test]
fn pause_causes_cross_as_an_enum() {
    let mut q = queue_of(&["ana"]);
    q.pause_because(
        PauseCause::NeedsPage,
        "Open your LinkedIn connections page",
        None,
        NOW,
    );
    let json = serde_json::to_value(q.progress(NOW, UTC)).unwrap();
    assert_eq!(json["pauseCause"], "needsPage");
    assert_eq!(json["pause"]["cause"], "needsPage");
    assert_eq!(
        json["pause"]["message"],
        "Open your LinkedIn connections page"
    );
    assert_eq!(json["pause"]["atMs"], NOW);
    // A snapshot stored before the codes were camelCase still reads.
    let old: PauseCause = serde_json::from_str("\"needs-page\"").unwrap();
    assert_eq!(old, PauseCause::NeedsPage);
    // A member's pause does not replace it, trouble does.
    q.pause("", NOW);
    assert_eq!(q.pause_info().unwrap().cause, PauseCause::NeedsPage);
    q.pause_because(PauseCause::Trouble, "captcha", None, NOW);
    let json = serde_json::to_value(q.progress(NOW, UTC)).unwrap();
    assert_eq!(json["pauseCause"], "trouble");
    assert_eq!(json["pause"]["cause"], "trouble");
    assert!(json["cooldownUntilMs"].is_null());
}

#[test]
fn step_pauses_are_drawn_seconds_and_shrink_under_dev_pacing() {
    let mut q = capped_queue(42, 200, 30, 120);
    let mut now = NOW;
    let mut all: Vec<Vec<u32>> = Vec::new();
    for _ in 0..100 {
        let Action::Remove {
            attempt, pauses_ms, ..
        } = next_step(&mut q, &mut now, UTC)
        else {
            panic!("expected a Remove");
        };
        assert!(pauses_ms.len() >= 6);
        all.push(pauses_ms);
        now += 20 * SECOND_MS;
        q.report(attempt, StepOutcome::Removed, now);
    }
    // The first pause, after the list appears: a few seconds.
    assert!(all.iter().all(|p| (3_000..=6_000).contains(&p[0])));
    let mut rest: Vec<u32> = all.iter().flat_map(|p| p[1..].to_vec()).collect();
    rest.sort_unstable();
    let median = rest[rest.len() / 2];
    assert!((2_000..=3_000).contains(&median), "median {median}");
    assert!(rest[0] >= 1_000 && rest[rest.len() - 1] <= 8_000);
    assert!(
        rest[rest.len() * 3 / 4] - rest[rest.len() / 4] > 300,
        "not a fixed beat"
    );
    // Development pacing scales them down.
    q.set_dev_pacing(Some(450));
    let Action::Remove { pauses_ms, .. } = next_step(&mut q, &mut now, UTC) else {
        panic!("expected a Remove");
    };
    assert!(
        pauses_ms.iter().all(|&p| (10..=100).contains(&p)),
        "{pauses_ms:?}"
    );
}
