//! A simulated month of removals, checked against every rule as it runs,
//! a restored queue deciding exactly as the original, and the shape of the
//! drawn delays.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/queue.rs"]
mod support;

use support::*;

// ---------------------------------------------------------------------------
// Property tests: a simulated month.

/// One simulated month: what the queue did, and the rules checked as it ran.
struct Month {
    trace: Vec<String>,
    removes: Vec<i64>,
}

#[derive(Clone, Debug)]
struct Setup {
    seed: u64,
    driver_seed: u64,
    hourly: u32,
    daily: u32,
    quiet: Option<(u16, u16)>,
    offset: i32,
    round_trips: Vec<usize>,
}

fn setup() -> impl Strategy<Value = Setup> {
    (
        any::<u64>(),
        any::<u64>(),
        1u32..40,
        1u32..150,
        proptest::option::of((0u16..1440, 0u16..1440)),
        -720i32..=840,
        proptest::collection::vec(0usize..3000, 0..4),
    )
        .prop_map(
            |(seed, driver_seed, hourly, daily, quiet, offset, round_trips)| Setup {
                seed,
                driver_seed,
                hourly,
                daily,
                quiet,
                offset,
                round_trips,
            },
        )
}

/// Drives a network's queue through 30 days: queues people in batches
/// (kept, removed and gone ones among them), reports random outcomes
/// (including lost steps, failures and trouble), pauses and resumes, keeps
/// and un-keeps people, and checks every rule at each step.
fn simulate_month(setup: &Setup) -> Month {
    let mut driver = Prng::new(setup.driver_seed);
    let mut n = Snapshot::default();
    n.queue = RemovalQueue::new(setup.seed);
    n.queue.set_settings(PacingSettings {
        hourly_cap: setup.hourly,
        daily_cap: setup.daily,
        quiet_start_minute: setup.quiet.map(|q| q.0),
        quiet_end_minute: setup.quiet.map(|q| q.1),
        ..PacingSettings::default()
    });
    let policy = PacingPolicy::new(n.queue.settings().clone());
    let mut next_person = 0;
    let mut now = NOW;
    let end = NOW + 30 * DAY_MS;
    let mut month = Month {
        trace: Vec::new(),
        removes: Vec::new(),
    };
    let mut verified: HashSet<String> = HashSet::new();
    let mut stopped = false;
    let mut lost: Option<String> = None;
    let mut step = 0;
    while now < end {
        step += 1;
        assert!(step < 200_000, "the month never ends");
        if setup.round_trips.contains(&step) {
            n = Snapshot::from_json(&n.to_json()).unwrap();
        }
        // Now and then the member keeps or un-keeps someone.
        if driver.between(0, 99) < 2 && !n.network.people.is_empty() {
            let i = driver.between(0, n.network.people.len() as u64 - 1) as usize;
            let kept = !n.network.people[i].kept;
            let slug = n.network.people[i].slug.clone();
            n.network.set_kept(&[slug], kept);
        }
        // Now and then the member pauses.
        if driver.between(0, 999) < 3 {
            n.queue.pause("member pause", now);
            stopped = true;
        }
        let action = n.poll_removals(now, setup.offset);
        month.trace.push(format!("{now} {action:?}"));
        if let Some(slug) = lost.take() {
            if let Action::Wait {
                why: WaitReason::StepInFlight,
                until_ms,
            } = action
            {
                // Nothing until the lost step's timeout.
                assert!(until_ms > now);
                lost = Some(slug);
                now = until_ms;
                continue;
            }
            if !stopped {
                assert!(
                    matches!(&action, Action::Verify { slug: s, .. } if *s == slug),
                    "after a lost step the next action must verify {slug}, got {action:?}"
                );
            }
        }
        match action {
            Action::Idle => {
                // More people read from the page, then a batch queued from
                // everyone known: kept, removed and gone people included.
                let fresh: Vec<String> = (next_person..next_person + 30)
                    .map(|i| format!("p{i}"))
                    .collect();
                next_person += 30;
                n.ingest(page(&fresh), now).unwrap();
                if let Some(i) = (driver.between(0, 9) == 0)
                    .then(|| driver.between(0, n.network.people.len() as u64 - 1) as usize)
                {
                    n.network.people[i].gone_since_ms = Some(now);
                }
                let batch: Vec<String> = n
                    .network
                    .people
                    .iter()
                    .filter(|_| driver.between(0, 2) > 0)
                    .map(|p| p.slug.clone())
                    .collect();
                let kept_before: HashMap<String, Option<EntryStatus>> = n
                    .network
                    .people
                    .iter()
                    .filter(|p| p.kept)
                    .map(|p| {
                        (
                            p.slug.clone(),
                            n.queue.entry(&p.slug).map(|e| e.status.clone()),
                        )
                    })
                    .collect();
                let report = n.queue_removals(&batch, now, false).unwrap();
                for (slug, before) in &kept_before {
                    let after = n.queue.entry(slug).map(|e| e.status.clone());
                    assert_eq!(&after, before, "kept {slug} was queued");
                }
                for refusal in &report.refused {
                    if kept_before.contains_key(&refusal.slug) {
                        assert_eq!(refusal.why, RefuseReason::Kept);
                    }
                }
                if report.queued == 0 {
                    now += 6 * HOUR_MS;
                }
            }
            Action::Paused { .. } => {
                assert!(n.queue.pause_info().is_some());
                now += driver.between(10 * MINUTE_MS as u64, 6 * HOUR_MS as u64) as i64;
                n.queue.resume(now, false).unwrap();
                stopped = false;
            }
            Action::Wait { until_ms, .. } => {
                assert!(until_ms > now);
                assert_eq!(n.queue.next_wake_ms(now, setup.offset), Some(until_ms));
                now = until_ms;
            }
            Action::Remove { slug, attempt, .. } => {
                assert!(
                    !stopped,
                    "Remove for {slug} while paused after trouble or a pause"
                );
                assert!(
                    !n.network.person(&slug).unwrap().kept,
                    "kept {slug} attempted"
                );
                assert!(!verified.contains(&slug), "{slug} attempted after removal");
                assert_eq!(
                    policy.quiet_until(now, setup.offset),
                    None,
                    "removal started in quiet hours"
                );
                month.removes.push(now);
                now += driver.between(3_000, 40_000) as i64;
                let roll = driver.between(0, 99);
                if roll < 3 {
                    lost = Some(slug);
                    continue;
                }
                let outcome = match roll {
                    0..=67 => StepOutcome::Removed,
                    68..=77 => StepOutcome::NotFound,
                    78..=89 => failed("menu did not open"),
                    90..=94 => trouble("captcha"),
                    _ => StepOutcome::StillThere,
                };
                settle(&mut n, attempt, outcome, now, &mut verified, &mut stopped);
                // A stale duplicate changes nothing.
                if driver.between(0, 19) == 0 {
                    let before = n.queue.clone();
                    let r = n.report_removal(attempt, StepOutcome::Removed, now);
                    assert_eq!(r, Reported::Stale { paused: false });
                    assert_eq!(n.queue, before);
                }
            }
            Action::Verify { slug, attempt, .. } => {
                assert_eq!(
                    n.queue.entry(&slug).unwrap().status,
                    EntryStatus::InProgress
                );
                now += driver.between(2_000, 20_000) as i64;
                let outcome = match driver.between(0, 99) {
                    0..=39 => StepOutcome::Removed,
                    40..=59 => StepOutcome::NotFound,
                    60..=84 => StepOutcome::StillThere,
                    85..=94 => failed("list did not load"),
                    _ => trouble("unusual activity warning"),
                };
                settle(&mut n, attempt, outcome, now, &mut verified, &mut stopped);
            }
        }
    }
    // The caps held over every rolling window.
    let hourly = policy.settings().hourly_cap as usize;
    let daily = policy.settings().daily_cap as usize;
    for w in month.removes.windows(hourly + 1) {
        assert!(w[hourly] - w[0] >= HOUR_MS, "more than {hourly} in an hour");
    }
    for w in month.removes.windows(daily + 1) {
        assert!(w[daily] - w[0] >= DAY_MS, "more than {daily} in a day");
    }
    // Every verified removal is marked on the person.
    for slug in &verified {
        assert!(n.network.person(slug).unwrap().removed_at_ms.is_some());
    }
    month
}

fn settle(
    n: &mut Snapshot,
    attempt: u64,
    outcome: StepOutcome,
    now: i64,
    verified: &mut HashSet<String>,
    stopped: &mut bool,
) {
    let trouble = matches!(outcome, StepOutcome::Trouble { .. });
    match n.report_removal(attempt, outcome, now) {
        Reported::Applied {
            slug,
            status,
            paused,
        } => {
            if status == EntryStatus::Removed {
                verified.insert(slug);
            }
            if trouble {
                assert!(paused, "trouble did not pause");
            }
            *stopped |= paused;
        }
        Reported::Stale { .. } => panic!("a live report was taken as stale"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn a_simulated_month_keeps_every_rule(setup in setup()) {
        let month = simulate_month(&Setup { round_trips: Vec::new(), ..setup });
        prop_assert!(!month.removes.is_empty());
    }

    #[test]
    fn a_restored_queue_decides_exactly_as_the_original(setup in setup()) {
        let with_round_trips = simulate_month(&setup);
        let without = simulate_month(&Setup { round_trips: Vec::new(), ..setup });
        prop_assert_eq!(with_round_trips.trace, without.trace);
    }

    #[test]
    fn delay_distribution_matches_its_parameters(
        seed in any::<u64>(),
        min_s in 15u32..60,
        above_s in 5u32..120,
    ) {
        let settings = PacingSettings {
            min_delay_ms: min_s * 1000,
            median_delay_ms: (min_s + above_s).max(30) * 1000,
            ..PacingSettings::default()
        };
        let policy = PacingPolicy::new(settings);
        let min = i64::from(policy.settings().min_delay_ms);
        let median = policy.settings().median_delay_ms as f64;
        let mut rng = Prng::new(seed);
        let mut samples: Vec<i64> = (0..10_000).map(|_| policy.delay_ms(&mut rng)).collect();
        samples.sort_unstable();
        prop_assert!(samples[0] >= min);
        let sample_median = samples[5_000] as f64;
        prop_assert!((sample_median - median).abs() <= median * 0.1, "median {sample_median} vs {median}");
        let mean = samples.iter().sum::<i64>() as f64 / samples.len() as f64;
        prop_assert!(mean > sample_median, "no right skew: mean {mean}, median {sample_median}");
        // Not a fixed beat: a wide spread between the quartiles.
        prop_assert!(samples[7_500] - samples[2_500] > (median as i64 - min) / 2);
        let mut every: Vec<u32> = (0..10_000).map(|_| policy.breather_every(&mut rng)).collect();
        every.sort_unstable();
        prop_assert!(every[0] == 4 && every[9_999] == 8);
        let mean_every = every.iter().sum::<u32>() as f64 / 10_000.0;
        prop_assert!((mean_every - 6.0).abs() < 0.1, "{mean_every}");
    }
}

#[test]
fn default_delays_have_the_documented_shape() {
    let policy = PacingPolicy::default();
    let mut rng = Prng::new(2024);
    let mut samples: Vec<i64> = (0..10_000).map(|_| policy.delay_ms(&mut rng)).collect();
    samples.sort_unstable();
    assert!(samples[0] >= 20_000);
    let median = samples[5_000];
    assert!((40_500..=49_500).contains(&median), "{median}");
    let p95 = samples[9_500];
    assert!((2 * MINUTE_MS..=3 * MINUTE_MS).contains(&p95), "p95 {p95}");
    assert!(samples[9_999] <= 11 * MINUTE_MS, "{}", samples[9_999]);
}
