//! The queue's pacing on a fake clock: quiet hours, development pacing,
//! settings clamped to their ceilings, hourly and daily caps, and breathers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/queue.rs"]
mod support;

use support::*;

#[test]
fn quiet_hours_hold_removals() {
    let mut q = queue_of(&["ana", "bo"]);
    q.set_settings(PacingSettings {
        quiet_start_minute: Some(22 * 60),
        quiet_end_minute: Some(7 * 60),
        ..PacingSettings::default()
    });
    // 21:30 UTC is 22:30 in Paris in winter (UTC+1): quiet until 06:00 UTC.
    let cet = 60;
    let evening = NOW + 9 * HOUR_MS + 30 * MINUTE_MS;
    let morning = NOW + 18 * HOUR_MS;
    // The wait ends after quiet hours by a drawn gap, not on the minute.
    let Action::Wait {
        until_ms: start,
        why: WaitReason::QuietHours,
    } = q.poll(evening, cet)
    else {
        panic!("expected quiet hours");
    };
    assert!(start >= morning + 20 * SECOND_MS && start < morning + 11 * MINUTE_MS);
    assert_eq!(q.next_wake_ms(evening, cet), Some(start));
    assert!(matches!(
        q.poll(morning, cet),
        Action::Wait {
            why: WaitReason::QuietHours,
            ..
        }
    ));
    assert!(matches!(q.poll(start, cet), Action::Remove { .. }));
    // The same instant is not quiet for a member in New York (16:30 local).
    let mut q = queue_of(&["ana"]);
    q.set_settings(PacingSettings {
        quiet_start_minute: Some(22 * 60),
        quiet_end_minute: Some(7 * 60),
        ..PacingSettings::default()
    });
    assert!(matches!(q.poll(evening, -300), Action::Remove { .. }));
}

#[test]
fn dev_pacing_is_fast_and_uncapped() {
    let slugs: Vec<String> = (0..200).map(|i| format!("p{i}")).collect();
    let mut q = RemovalQueue::new(7);
    q.set_settings(PacingSettings {
        quiet_start_minute: Some(0),
        quiet_end_minute: Some(1439),
        ..PacingSettings::default()
    });
    q.set_dev_pacing(Some(1_000));
    q.enqueue(
        slugs.iter().map(|s| (s.clone(), s.clone())).collect(),
        NOW,
        false,
    );
    let mut now = NOW;
    let mut last = now;
    let mut failures = 0;
    loop {
        match q.poll(now, UTC) {
            Action::Wait { until_ms, why } => {
                assert!(matches!(why, WaitReason::Pacing | WaitReason::Backoff));
                assert!(until_ms - now <= 1_500 * 2, "{}", until_ms - now);
                now = until_ms;
            }
            Action::Remove { attempt, .. } => {
                let gap = now - last;
                assert!(gap <= 1_500, "{gap}");
                last = now;
                // An occasional failure backs off by the dev delay, not minutes.
                let outcome = if attempt % 50 == 0 {
                    failures += 1;
                    failed("x")
                } else {
                    StepOutcome::Removed
                };
                q.report(attempt, outcome, now);
            }
            Action::Idle => break,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(failures, 4);
    // 200 removals in under five minutes: far past any cap, no breather,
    // and quiet hours all day ignored.
    assert!(now - NOW < 5 * MINUTE_MS, "{}", now - NOW);
    let progress = q.progress(now, UTC);
    assert_eq!(progress.removed, 196);
    assert!(progress.dev_pacing);
    assert_eq!(progress.daily_cap, None);
}

#[test]
fn settings_above_the_ceiling_are_clamped() {
    let mut q = RemovalQueue::new(1);
    let in_force = q.set_settings(PacingSettings {
        min_delay_ms: 0,
        median_delay_ms: 1,
        breather_every_min: 0,
        breather_every_max: 1_000,
        breather_min_ms: 0,
        breather_max_ms: u32::MAX,
        hourly_cap: 1_000,
        daily_cap: 100_000,
        withdraw_hourly_cap: 0,
        withdraw_daily_cap: 1_000,
        unfollow_hourly_cap: 31,
        unfollow_daily_cap: 0,
        overall_daily_cap: 1_000,
        quiet_start_minute: Some(1_500),
        quiet_end_minute: Some(u16::MAX),
        backoff_base_ms: 0,
        backoff_cap_ms: u32::MAX,
        dev_delay_ms: Some(1),
        cooldown_ms: 0,
    });
    assert_eq!(in_force.hourly_cap, 30);
    assert_eq!(in_force.cooldown_ms, 12 * HOUR_MS as u32);
    assert_eq!(in_force.daily_cap, 120);
    assert_eq!(
        (in_force.withdraw_hourly_cap, in_force.withdraw_daily_cap),
        (1, 120)
    );
    assert_eq!(
        (in_force.unfollow_hourly_cap, in_force.unfollow_daily_cap),
        (30, 1)
    );
    assert_eq!(in_force.overall_daily_cap, 200);
    assert_eq!(in_force.min_delay_ms, 15_000);
    assert_eq!(in_force.median_delay_ms, 30_000);
    assert_eq!(in_force.breather_every_min, 2);
    assert_eq!(in_force.breather_every_max, 20);
    assert_eq!(in_force.breather_min_ms, 60_000);
    assert_eq!(in_force.breather_max_ms, 2 * 3_600_000);
    assert_eq!(in_force.quiet_start_minute, Some(60));
    assert_eq!(in_force.quiet_end_minute, Some(u16::MAX % 1440));
    assert_eq!(in_force.backoff_base_ms, 30_000);
    assert_eq!(in_force.backoff_cap_ms, 6 * 3_600_000);
    // A settings object can never switch development pacing on.
    assert_eq!(in_force.dev_delay_ms, None);
    assert_eq!(q.settings(), &in_force);
    // Ranges given backwards are put in order, and caps of zero become one.
    let in_force = q.set_settings(PacingSettings {
        min_delay_ms: 120_000,
        median_delay_ms: 40_000,
        hourly_cap: 0,
        daily_cap: 0,
        ..PacingSettings::default()
    });
    assert_eq!(in_force.median_delay_ms, 125_000);
    assert_eq!((in_force.hourly_cap, in_force.daily_cap), (1, 1));
}

#[test]
fn silly_stored_settings_are_clamped_on_restore() {
    let q = RemovalQueue::new(1);
    let mut value = serde_json::to_value(&q).unwrap();
    value["settings"] = serde_json::json!({ "hourlyCap": 9999, "dailyCap": 5000, "minDelayMs": 1 });
    let q = serde_json::from_value::<RemovalQueue>(value)
        .unwrap()
        .validated()
        .unwrap();
    assert_eq!(q.settings().hourly_cap, 30);
    assert_eq!(q.settings().daily_cap, 120);
    assert_eq!(q.settings().min_delay_ms, 15_000);
    assert_eq!(q.settings().median_delay_ms, 45_000);
}

#[test]
fn hourly_cap_makes_the_queue_wait() {
    let slugs: Vec<String> = (0..10).map(|i| format!("p{i}")).collect();
    let mut q = RemovalQueue::new(3);
    q.set_settings(PacingSettings {
        hourly_cap: 3,
        ..PacingSettings::default()
    });
    q.enqueue(
        slugs.iter().map(|s| (s.clone(), s.clone())).collect(),
        NOW,
        false,
    );
    let mut now = NOW;
    let mut times = Vec::new();
    let mut capped = false;
    while times.len() < 7 {
        match q.poll(now, UTC) {
            Action::Wait { until_ms, why } => {
                if why == WaitReason::HourlyCap {
                    capped = true;
                    assert!(until_ms > times[times.len() - 3] + HOUR_MS);
                }
                now = until_ms;
            }
            Action::Remove { attempt, .. } => {
                times.push(now);
                q.report(attempt, StepOutcome::Removed, now + 10 * SECOND_MS);
                now += 10 * SECOND_MS;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(capped);
    for w in times.windows(4) {
        assert!(w[3] - w[0] >= HOUR_MS);
    }
    assert_eq!(q.progress(now, UTC).hourly_cap, Some(3));
}

#[test]
fn breathers_come_every_four_to_eight_removals() {
    let mut q = capped_queue(11, 600, 30, 120);
    let mut now = NOW;
    let mut removals = 0;
    let mut breathers = Vec::new();
    while let Action::Remove { attempt, .. } = next_step(&mut q, &mut now, UTC) {
        removals += 1;
        now += 10 * SECOND_MS;
        q.report(attempt, StepOutcome::Removed, now);
        let hold = q.hold().unwrap();
        if hold.why == WaitReason::Breather {
            let length = hold.until_ms - now;
            assert!(
                (3 * MINUTE_MS..=10 * MINUTE_MS).contains(&length),
                "{length}"
            );
            breathers.push(removals);
        }
    }
    assert_eq!(removals, 600);
    let gaps: Vec<i32> = breathers.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(gaps.iter().all(|g| (4..=8).contains(g)), "{gaps:?}");
    let mean = gaps.iter().sum::<i32>() as f64 / gaps.len() as f64;
    assert!((5.5..=6.5).contains(&mean), "{mean}");
}
