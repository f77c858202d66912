//! Collection runs: reading the whole connections list, and what a complete
//! reading proves.
//!
//! A run counts the distinct people read since it started against the
//! page's stated total. It survives the worker and the tab going away (it is
//! part of the serialized network), and ends complete when the total is
//! reached, or short with a reason. Only a complete run proves absence: the
//! people it did not see are marked gone (no longer connections). A run that
//! ended short proves nothing, because LinkedIn stalls mid-list. This module
//! never drives the page; the background and content script do.

use crate::intake::reading::clean_text;
use crate::network::calendar::TimeMs;
use crate::network::model::Network;
use serde::{Deserialize, Serialize};

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Every person the page counts was read.
    Complete,
    /// The list ended or stalled before the stated total.
    Ended,
    /// The member stopped it.
    Stopped,
}

impl Outcome {
    /// The outcome named by the background ("complete", "ended", "stopped").
    pub fn from_id(id: &str) -> Option<Self> {
        match id {
            "complete" => Some(Self::Complete),
            "ended" => Some(Self::Ended),
            "stopped" => Some(Self::Stopped),
            _ => None,
        }
    }
}

/// The current or last collection run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Collection {
    /// The run's number, from 1; people carry the last run that saw them.
    pub run: u32,
    /// Still collecting.
    pub running: bool,
    /// When it started.
    pub started_at_ms: TimeMs,
    /// When it ended.
    pub ended_at_ms: Option<TimeMs>,
    /// Distinct people read in this run.
    pub seen: u32,
    /// The page's stated total, once read.
    pub target: Option<u64>,
    /// How it ended.
    pub outcome: Option<Outcome>,
    /// Why it ended short, in words.
    pub reason: Option<String>,
    /// People missing since the last complete run.
    pub gone: u32,
}

/// What the review page and popup show of a run (docs/ARCHITECTURE.md, `Collect`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Still collecting.
    pub running: bool,
    /// When it started.
    pub started_at_ms: TimeMs,
    /// When it ended.
    pub ended_at_ms: Option<TimeMs>,
    /// Distinct people read in this run.
    pub seen: u32,
    /// The page's stated total.
    pub target: Option<u64>,
    /// Whether the content script can stop: the total is reached.
    pub done: bool,
    /// How it ended.
    pub outcome: Option<Outcome>,
    /// Why it ended short.
    pub reason: Option<String>,
    /// People missing since the last complete run.
    pub gone: u32,
}

impl Collection {
    /// The run as the UI shows it.
    pub fn progress(&self) -> Progress {
        Progress {
            running: self.running,
            started_at_ms: self.started_at_ms,
            ended_at_ms: self.ended_at_ms,
            seen: self.seen,
            target: self.target,
            done: self.target.is_some_and(|t| u64::from(self.seen) >= t),
            outcome: self.outcome,
            reason: self.reason.clone(),
            gone: self.gone,
        }
    }
}

/// Starts a run, or answers the one already running (a second "collect
/// all" resumes it rather than starting over).
pub fn start(collection: &mut Option<Collection>, network: &Network, now_ms: TimeMs) -> Progress {
    if let Some(c) = collection.as_ref().filter(|c| c.running) {
        return c.progress();
    }
    let previous = collection.as_ref();
    let run = Collection {
        run: previous.map_or(1, |c| c.run + 1),
        running: true,
        started_at_ms: now_ms,
        ended_at_ms: None,
        seen: 0,
        target: network.stated_connections(),
        outcome: None,
        reason: None,
        gone: previous.map_or(0, |c| c.gone),
    };
    let progress = run.progress();
    *collection = Some(run);
    progress
}

/// Ends the running run. A run that reached the stated total is complete
/// whatever the caller says; one that did not cannot be complete. A
/// complete run marks everyone it did not see gone.
pub fn finish(
    collection: &mut Option<Collection>,
    network: &mut Network,
    outcome: Outcome,
    reason: Option<&str>,
    now_ms: TimeMs,
) -> Option<Progress> {
    let run = collection.as_mut().filter(|c| c.running)?;
    let reached = run.target.is_some_and(|t| u64::from(run.seen) >= t);
    let outcome = match outcome {
        Outcome::Stopped => Outcome::Stopped,
        _ if reached => Outcome::Complete,
        _ => Outcome::Ended,
    };
    run.running = false;
    run.ended_at_ms = Some(now_ms);
    run.outcome = Some(outcome);
    run.reason = match outcome {
        Outcome::Complete => None,
        _ => reason.map(|r| clean_text(r, 300)).filter(|r| !r.is_empty()),
    };
    if outcome == Outcome::Complete {
        let number = run.run;
        let mut gone = 0;
        for person in network
            .people
            .iter_mut()
            .filter(|p| !p.unmatched && p.is_connection())
        {
            if person.last_run != number {
                person.gone_since_ms.get_or_insert(now_ms);
                gone += 1;
            }
        }
        run.gone = gone;
    }
    collection.as_ref().map(Collection::progress)
}

/// Counts person `i` as read in the running run.
pub(crate) fn note_seen(collection: &mut Option<Collection>, network: &mut Network, i: usize) {
    let Some(c) = collection.as_mut().filter(|c| c.running) else {
        return;
    };
    let person = &mut network.people[i];
    if person.last_run != c.run {
        person.last_run = c.run;
        c.seen += 1;
    }
}

/// Updates the running run's target from the newest stated total, and
/// completes the run once it is reached.
pub(crate) fn update(collection: &mut Option<Collection>, network: &mut Network, now_ms: TimeMs) {
    let target = network.stated_connections();
    let Some(c) = collection.as_mut().filter(|c| c.running) else {
        return;
    };
    if target.is_some() {
        c.target = target;
    }
    if c.target.is_some_and(|t| u64::from(c.seen) >= t) {
        finish(collection, network, Outcome::Complete, None, now_ms);
    }
}
