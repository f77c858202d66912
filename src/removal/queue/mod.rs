//! The removal queue: who the member asked to remove, where each of them
//! stands, what happened to them, and what the background should do next.
//!
//! It is a sans-IO state machine in the manner of quinn-proto. The caller
//! hands in `now_ms` (and the member's UTC offset for quiet hours); the
//! queue answers with one [`Action`] at a time ([`RemovalQueue::poll`]) and
//! with the next time it wants to be woken ([`RemovalQueue::next_wake_ms`]);
//! the caller reports each step's outcome ([`RemovalQueue::report`]). Its
//! random choices come from a seeded [`Prng`] kept in its serialized state,
//! so a queue restored from storage decides exactly as the original would
//! have. It never reads a clock, never touches the page or storage, and
//! never decides on its own that someone should be removed: only people the
//! member queued are ever attempted, kept people are refused by
//! [`crate::removal::people::queue_removals`], and a person verified removed is never
//! attempted again. Removal is final (since September 2024 it also ends the
//! follow both ways), so every doubt resolves towards stopping: trouble
//! pauses the whole queue at once, two failures in a row pause it, and a
//! step whose outcome was lost is verified on the page before anything else.
//!
//! States: the queue is *idle* when nobody is pending or in progress,
//! *running* otherwise, and *paused* (whatever it holds) from a pause until
//! [`RemovalQueue::resume`]. An entry moves:
//!
//! ```text
//! (enqueue)    ──────────────────────> Pending   also from Failed, Skipped, Cancelled;
//!                                                 never from Removed
//! Pending      ──poll: Remove────────> InProgress (the attempt counts toward the caps)
//! Pending      ──cancel / skip───────> Cancelled / Skipped{Kept, AlreadyGone, NotFound}
//! InProgress   ──Removed─────────────> Removed (final); in a dry run Skipped{DryRun}
//! InProgress   ──NotFound────────────> Skipped{AlreadyGone}
//! InProgress   ──Failed, StillThere──> Failed (backoff; the second in a row pauses)
//! InProgress   ──Trouble─────────────> Pending (the queue pauses at once)
//! InProgress   ──Unproven────────────> InProgress, and a Verify is handed out
//! InProgress   ──poll, step lost─────> InProgress, and a Verify is handed out
//! after Verify ──Removed, NotFound───> Removed (a dry run: Skipped{AlreadyGone})
//!              ──StillThere──────────> Pending
//!              ──Failed, Trouble─────> stays InProgress, verified again first
//!              ──Unproven (2nd)──────> Unconfirmed (final for the queue: never
//!                                       attempted again unless queued anew)
//! waiting check ──cancel─────────────> Cancelled (only while no step is out)
//! ```
//!
//! This file holds the queue's state and its read-only views; the calls
//! that change it are split by what they do: `entry` (the values it holds
//! and answers), `enqueue` (who is in it), `pause` (stopping and starting),
//! `steps` (poll, report, progress), `machine` (the private machinery
//! behind them) and `log` (the export log).

use crate::intake::reading::clean_text;
use crate::network::calendar::{CivilDate, TimeMs};
use crate::network::model::{ModelError, CONNECTION_CAP, UNMATCHED_PREFIX};
use crate::removal::language::{normal_tag, LearnedWords, MAX_TAUGHT_LANGUAGES};
use crate::removal::pacing::{
    attempts_within, Hold, PacingPolicy, PacingSettings, Prng, WaitReason, DAILY_CEILING, DAY_MS,
    HOUR_MS, MINUTE_MS, SECOND_MS,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

mod enqueue;
mod entry;
mod log;
mod machine;
mod pause;
mod steps;

pub use entry::*;
use log::iso_utc;
pub use log::LogRecord;
use machine::{is_profile_slug, reason_text};

/// A step with no report after this long is taken as lost: the next wake
/// polls, and the poll asks for a [`Action::Verify`]. A removal step takes
/// seconds, but LinkedIn stalls mid-list for tens of seconds.
pub const STEP_TIMEOUT_MS: i64 = 3 * MINUTE_MS;
/// The step timeout under development pacing (test builds), where a step's
/// pauses are milliseconds: a lost step is verified within a test's time.
pub const DEV_STEP_TIMEOUT_MS: i64 = 20 * SECOND_MS;
/// Failures in a row that pause the queue.
pub const FAILURES_BEFORE_PAUSE: u32 = 2;
/// Checks that prove nothing either way (see [`StepOutcome::Unproven`])
/// before a person whose removal may have been confirmed ends
/// [`EntryStatus::Unconfirmed`]: one person never holds the queue forever.
pub const UNPROVEN_CHECKS: u32 = 2;
/// What the member reads about an unconfirmed person.
pub const UNCONFIRMED_WORDS: &str = "netprune pressed Remove connection but LinkedIn's page gave \
     no proof; check your connections page";
/// The seed of a queue nobody seeded; [`crate::removal::people::queue_removals`] mixes the
/// time into it before the first removal.
pub const DEFAULT_SEED: u64 = 0x6e65_7470_7275_6e65;
/// Log records kept; past this the oldest records of anything but a removal
/// are dropped (removals are kept so the member can reconnect later).
const MAX_LOG_RECORDS: usize = 100_000;
/// Pending people at most: no member has more connections than this.
pub(crate) const MAX_PENDING: usize = CONNECTION_CAP as usize;
const MAX_NAME_CHARS: usize = 300;
const MAX_REASON_CHARS: usize = 300;
pub(crate) const MAX_SLUG_CHARS: usize = 200;
/// Attempt times kept for the rolling caps: the caps only ever look at the
/// last `cap` attempts, and no cap exceeds the daily ceiling.
const ATTEMPTS_KEPT: usize = DAILY_CEILING as usize;

/// Which kind of step is out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum StepKind {
    Remove,
    Verify,
}

/// The step for the one entry in progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Step {
    attempt: u64,
    slug: String,
    kind: StepKind,
    /// The removal it belongs to was a dry run.
    dry_run: bool,
    issued_at_ms: TimeMs,
    /// Handed out and not reported. False after a verify failed: the entry
    /// waits (backoff) for another verify.
    in_flight: bool,
    /// Checks of this step that proved nothing either way.
    #[serde(default)]
    unproven_checks: u32,
}

/// Slug to entry index; rebuilt on demand, never stored. Derived data, so
/// two queues are equal whatever their indices hold.
#[derive(Clone, Debug, Default)]
struct SlugIndex(HashMap<String, usize>);

impl PartialEq for SlugIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The removal queue. Serialize it with the network; after deserializing,
/// call [`RemovalQueue::validated`] ([`crate::Snapshot::validated`] does).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemovalQueue {
    /// The pacing settings (clamped).
    #[serde(default)]
    settings: PacingSettings,
    /// Before dry runs were per person, the whole queue was one; an old
    /// snapshot's flag passes to its people left on restore. Never written.
    #[serde(default, rename = "dryRun", skip_serializing)]
    legacy_dry_run: bool,
    /// Everyone ever queued, in queue order.
    #[serde(default)]
    entries: Vec<Entry>,
    #[serde(skip)]
    index: SlugIndex,
    /// The kind of step whose page the acting tab shows, as the
    /// background last said: that kind goes first when several may start.
    /// Not stored: the background says it again at every wake.
    #[serde(skip)]
    shown: Option<ActionKind>,
    /// Every transition, oldest first.
    #[serde(default)]
    log: Vec<LogRecord>,
    #[serde(default)]
    paused: Option<Pause>,
    /// The step for the entry in progress, if any.
    #[serde(default)]
    step: Option<Step>,
    /// The id of the next step handed out.
    #[serde(default = "first_attempt")]
    next_attempt: u64,
    /// Times of recent removal attempts, oldest first, for the caps.
    #[serde(default)]
    attempts: VecDeque<TimeMs>,
    /// Times of recent attempts of the other kinds (withdraw, unfollow),
    /// oldest first, for their caps and the overall ceiling.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    other_attempts: BTreeMap<ActionKind, VecDeque<TimeMs>>,
    /// The pacing, breather or backoff hold on the next step.
    #[serde(default)]
    hold: Option<Hold>,
    /// Removals left before the next breather.
    #[serde(default)]
    until_breather: u32,
    /// Failures in a row.
    #[serde(default)]
    consecutive_failures: u32,
    /// The lock on resuming after a LinkedIn warning.
    #[serde(default)]
    cooldown: Option<Cooldown>,
    /// The removal words the member taught, one entry per language
    /// ([`crate::removal::language`]).
    #[serde(default)]
    taught: Vec<LearnedWords>,
    rng: Prng,
    /// Whether the caller seeded the generator.
    #[serde(default)]
    seeded: bool,
}

fn first_attempt() -> u64 {
    1
}

impl Default for RemovalQueue {
    /// An empty queue seeded with [`DEFAULT_SEED`] and marked unseeded.
    fn default() -> Self {
        let mut queue = Self::new(DEFAULT_SEED);
        queue.seeded = false;
        queue
    }
}

/// What the queue would do now, without doing it.
enum Decision {
    Idle,
    Paused(String),
    Wait(Hold),
    Remove(usize),
    /// A step is in flight and the caller polled: its outcome was lost.
    VerifyLost(usize),
    /// A verify failed earlier and its backoff is over.
    VerifyAgain(usize),
}

impl RemovalQueue {
    /// An empty queue with default pacing, seeded with `seed` (the
    /// background draws it from `crypto.getRandomValues`).
    pub fn new(seed: u64) -> Self {
        let settings = PacingSettings::default();
        let mut rng = Prng::new(seed);
        let until_breather = PacingPolicy::new(settings.clone()).breather_every(&mut rng);
        Self {
            settings,
            legacy_dry_run: false,
            entries: Vec::new(),
            index: SlugIndex::default(),
            shown: None,
            log: Vec::new(),
            paused: None,
            step: None,
            next_attempt: 1,
            attempts: VecDeque::new(),
            other_attempts: BTreeMap::new(),
            hold: None,
            until_breather,
            consecutive_failures: 0,
            cooldown: None,
            taught: Vec::new(),
            rng,
            seeded: true,
        }
    }

    /// Reseeds the generator (e.g. with fresh entropy on first run).
    pub fn reseed(&mut self, seed: u64) {
        self.rng = Prng::new(seed);
        self.seeded = true;
    }

    /// Whether the caller seeded the generator.
    pub fn is_seeded(&self) -> bool {
        self.seeded
    }

    /// The removal words the member taught, by language.
    pub fn taught(&self) -> &[LearnedWords] {
        &self.taught
    }

    /// Keeps what the member taught in one language (cleaned), replacing
    /// what was taught in it before. Refuses words netprune's own tables
    /// already have, and a language past [`MAX_TAUGHT_LANGUAGES`].
    pub fn teach(&mut self, words: LearnedWords, now_ms: TimeMs) -> Result<LearnedWords, String> {
        let mut words = words.cleaned()?;
        words.learned_at_ms = now_ms;
        self.taught.retain(|w| w.language != words.language);
        if self.taught.len() >= MAX_TAUGHT_LANGUAGES {
            return Err(format!(
                "netprune keeps words for at most {MAX_TAUGHT_LANGUAGES} languages"
            ));
        }
        self.taught.push(words.clone());
        Ok(words)
    }

    /// Forgets what was taught in `language`; whether there was anything.
    pub fn forget_taught(&mut self, language: &str) -> bool {
        let language = normal_tag(language);
        let before = self.taught.len();
        self.taught.retain(|w| w.language != language);
        self.taught.len() != before
    }

    /// Checks a queue just deserialized from storage: rebuilds the slug
    /// index, clamps the settings, and refuses a queue whose entries
    /// contradict each other (a slug twice, or a step that does not match
    /// the one entry in progress).
    pub fn validated(mut self) -> Result<Self, ModelError> {
        let bad = |why: String| ModelError::BadSnapshot(format!("removal queue: {why}"));
        self.settings = self.settings.clamped();
        if std::mem::take(&mut self.legacy_dry_run) {
            for entry in &mut self.entries {
                if matches!(entry.status, EntryStatus::Pending | EntryStatus::InProgress) {
                    entry.dry_run = true;
                }
            }
        }
        self.index = SlugIndex(HashMap::with_capacity(self.entries.len()));
        for (i, entry) in self.entries.iter().enumerate() {
            if entry.slug.is_empty() {
                return Err(bad(format!("entry {} has no profile key", i + 1)));
            }
            if self.index.0.insert(entry.slug.clone(), i).is_some() {
                return Err(bad(format!("{:?} is queued twice", entry.slug)));
            }
        }
        let in_progress: Vec<&str> = self
            .entries
            .iter()
            .filter(|e| e.status == EntryStatus::InProgress)
            .map(|e| e.slug.as_str())
            .collect();
        match (&self.step, in_progress.as_slice()) {
            (None, []) => {}
            (Some(step), [slug]) if step.slug == *slug => {
                self.next_attempt = self.next_attempt.max(step.attempt + 1);
            }
            _ => {
                return Err(bad(
                    "the step in progress does not match the entries in progress".into(),
                ))
            }
        }
        self.next_attempt = self.next_attempt.max(1);
        self.attempts.make_contiguous().sort_unstable();
        while self.attempts.len() > ATTEMPTS_KEPT {
            self.attempts.pop_front();
        }
        self.until_breather = self.until_breather.min(self.settings.breather_every_max);
        // Stored words are cleaned again: a hand-edited backup teaches
        // nothing malformed, and nothing the tables already know.
        self.taught = std::mem::take(&mut self.taught)
            .into_iter()
            .filter_map(|w| w.cleaned().ok())
            .take(MAX_TAUGHT_LANGUAGES)
            .collect();
        self.trim_log();
        Ok(self)
    }

    /// The pacing policy in force.
    pub fn policy(&self) -> PacingPolicy {
        PacingPolicy::new(self.settings.clone())
    }

    /// The pacing settings in force (clamped).
    pub fn settings(&self) -> &PacingSettings {
        &self.settings
    }

    /// Replaces the member's pacing settings, clamped to the floors and
    /// ceilings, and answers what is in force. Development pacing is kept
    /// as it was: only [`RemovalQueue::set_dev_pacing`] changes it, so a
    /// settings object from a page can never turn it on.
    pub fn set_settings(&mut self, settings: PacingSettings) -> PacingSettings {
        self.settings = PacingSettings {
            dev_delay_ms: self.settings.dev_delay_ms,
            ..settings
        }
        .clamped();
        self.until_breather = self.until_breather.min(self.settings.breather_every_max);
        self.settings.clone()
    }

    /// Turns development pacing on (gaps around `delay_ms`, no breathers,
    /// caps or quiet hours) or off. Only for unpacked or temporary installs.
    pub fn set_dev_pacing(&mut self, delay_ms: Option<u32>) {
        self.settings = PacingSettings {
            dev_delay_ms: delay_ms,
            ..self.settings.clone()
        }
        .clamped();
    }

    /// Says which kind of step the acting tab's page takes (the
    /// connections page removals, the sent invitations page withdrawals,
    /// the following page unfollows; `None`: none of them), so that kind
    /// goes first when several may start.
    pub fn set_shown(&mut self, kind: Option<ActionKind>) {
        self.shown = kind;
    }

    /// Everyone ever queued, in queue order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry for `slug`.
    pub fn entry(&self, slug: &str) -> Option<&Entry> {
        self.find(slug).map(|i| &self.entries[i])
    }

    /// Whether `slug` is pending or in progress.
    pub fn is_queued(&self, slug: &str) -> bool {
        self.entry(slug)
            .is_some_and(|e| matches!(e.status, EntryStatus::Pending | EntryStatus::InProgress))
    }

    /// The slugs of everyone pending or in progress, in queue order.
    pub fn queued_slugs(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .filter(|e| matches!(e.status, EntryStatus::Pending | EntryStatus::InProgress))
            .map(|e| e.slug.as_str())
    }

    /// The next pending person in queue order: who a `Remove` would name.
    pub fn next_pending(&self) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.status == EntryStatus::Pending)
    }

    /// Every transition so far, oldest first.
    pub fn log(&self) -> &[LogRecord] {
        &self.log
    }

    /// The pacing, breather or backoff hold set by the last report: the
    /// earliest the next step may start, before caps and quiet hours.
    pub fn hold(&self) -> Option<Hold> {
        self.hold
    }

    /// The pause in force.
    pub fn pause_info(&self) -> Option<&Pause> {
        self.paused.as_ref()
    }

    /// Idle, running or paused.
    pub fn state(&self) -> QueueState {
        if self.paused.is_some() {
            QueueState::Paused
        } else if self.step.is_some() || self.next_pending().is_some() {
            QueueState::Running
        } else {
            QueueState::Idle
        }
    }
}

/// Finding entries by slug.
impl RemovalQueue {
    fn find(&self, slug: &str) -> Option<usize> {
        if self.index.0.len() == self.entries.len() {
            self.index.0.get(slug).copied()
        } else {
            // Not validated yet: slower, same answer.
            self.entries.iter().position(|e| e.slug == slug)
        }
    }

    pub(crate) fn ensure_index(&mut self) {
        if self.index.0.len() != self.entries.len() {
            self.rebuild_index();
        }
    }

    fn rebuild_index(&mut self) {
        self.index.0 = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.slug.clone(), i))
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_queue_with_a_stray_step_is_refused() {
        let mut queue = RemovalQueue::new(1);
        queue.enqueue(vec![("ana".into(), "Ana".into())], 0, false);
        assert!(matches!(queue.poll(0, 0), Action::Remove { .. }));
        let mut value = serde_json::to_value(&queue).unwrap();
        value["entries"][0]["status"] = serde_json::json!({ "kind": "pending" });
        let back: RemovalQueue = serde_json::from_value(value).unwrap();
        assert!(matches!(back.validated(), Err(ModelError::BadSnapshot(_))));
    }
}
