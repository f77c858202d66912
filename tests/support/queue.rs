//! What every queue test file shares: a fake clock, queues and networks of
//! named people, and helpers that drive a queue to its next step. Included
//! by `tests/queue_*.rs` with `#[path]`; each uses what it needs.
#![allow(dead_code, unused_imports)]

pub use netprune::intake::reading::{Card, CountTokens, PageKind, PageReading};
pub use netprune::removal::pacing::{
    PacingPolicy, PacingSettings, Prng, WaitReason, DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS,
};
pub use netprune::removal::queue::{
    Action, CancelOutcome, EntryStatus, NotTaken, PauseCause, RefuseReason, RemovalQueue, Reported,
    SkipReason, Stage, StepOutcome, STEP_TIMEOUT_MS,
};
pub use netprune::Snapshot;
pub use proptest::prelude::*;
pub use std::collections::{HashMap, HashSet};

/// 2026-11-21T12:00:00Z.
pub const NOW: i64 = 1_795_262_400_000;
pub const UTC: i32 = 0;

pub fn people(slugs: &[&str]) -> Vec<(String, String)> {
    slugs.iter().map(|s| (s.to_string(), name_of(s))).collect()
}

pub fn name_of(slug: &str) -> String {
    let mut name = slug.to_string();
    if let Some(first) = name.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    format!("{name} Example")
}

pub fn queue_of(slugs: &[&str]) -> RemovalQueue {
    let mut q = RemovalQueue::new(42);
    let report = q.enqueue(people(slugs), NOW, false);
    assert_eq!(report.queued as usize, slugs.len(), "{report:?}");
    q
}

/// A queue of `count` people (`p0`...) with the given caps, seeded `seed`.
pub fn capped_queue(seed: u64, count: usize, hourly_cap: u32, daily_cap: u32) -> RemovalQueue {
    let mut q = RemovalQueue::new(seed);
    q.set_settings(PacingSettings {
        hourly_cap,
        daily_cap,
        ..PacingSettings::default()
    });
    let people = (0..count)
        .map(|i| (format!("p{i}"), format!("p{i}")))
        .collect();
    q.enqueue(people, NOW, false);
    q
}

#[path = "pages.rs"]
mod pages;
pub use pages::*;

pub fn page(slugs: &[String]) -> PageReading {
    let cards = slugs.iter().map(|s| linked_card(s, name_of(s))).collect();
    connections_page(&slugs.len().to_string(), cards)
}

pub fn network_of(slugs: &[&str]) -> Snapshot {
    let mut n = Snapshot::default();
    let slugs: Vec<String> = slugs.iter().map(|s| s.to_string()).collect();
    n.ingest(page(&slugs), NOW).unwrap();
    n.queue = RemovalQueue::new(42);
    n
}

/// The slugs `query` finds, sorted.
pub fn sorted_slugs(n: &mut Snapshot, query: &str) -> Vec<String> {
    let found = n.query(query, NOW).unwrap();
    let mut slugs: Vec<String> = found
        .iter()
        .map(|&i| n.network.people[i as usize].slug.clone())
        .collect();
    slugs.sort();
    slugs
}

pub fn strings(slugs: &[&str]) -> Vec<String> {
    slugs.iter().map(|s| s.to_string()).collect()
}

/// Polls, advancing the fake clock to the end of each wait, until the queue
/// asks for something other than waiting.
pub fn next_step(q: &mut RemovalQueue, now: &mut i64, offset: i32) -> Action {
    for _ in 0..10_000 {
        match q.poll(*now, offset) {
            Action::Wait { until_ms, .. } => {
                assert!(until_ms > *now, "a wait must end in the future");
                assert_eq!(q.next_wake_ms(*now, offset), Some(until_ms));
                *now = until_ms;
            }
            action => return action,
        }
    }
    panic!("the queue waited 10,000 times in a row");
}

pub fn next_step_in(n: &mut Snapshot, now: &mut i64, offset: i32) -> Action {
    for _ in 0..10_000 {
        match n.poll_removals(*now, offset) {
            Action::Wait { until_ms, .. } => *now = until_ms,
            action => return action,
        }
    }
    panic!("the queue waited 10,000 times in a row");
}

pub fn remove_of(action: &Action) -> (String, u64) {
    match action {
        Action::Remove { slug, attempt, .. } => (slug.clone(), *attempt),
        other => panic!("expected a Remove, got {other:?}"),
    }
}

pub fn status(q: &RemovalQueue, slug: &str) -> EntryStatus {
    q.entry(slug).unwrap().status.clone()
}

pub fn trouble(reason: &str) -> StepOutcome {
    StepOutcome::Trouble {
        reason: reason.into(),
        trouble: None,
    }
}

pub fn failed(reason: &str) -> StepOutcome {
    StepOutcome::Failed {
        reason: reason.into(),
    }
}
