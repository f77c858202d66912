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

use crate::intake::reading::clean_text;
use crate::network::calendar::{CivilDate, TimeMs};
use crate::network::model::{ModelError, CONNECTION_CAP, UNMATCHED_PREFIX};
use crate::removal::pacing::{
    attempts_within, Hold, PacingPolicy, PacingSettings, Prng, WaitReason, DAILY_CEILING, DAY_MS,
    HOUR_MS, MINUTE_MS, SECOND_MS,
};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet, VecDeque};

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

/// Why a queued person was set aside without a removal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    /// Put on the keep-list after being queued: never removed.
    Kept,
    /// No longer on the connections list (searched and not found, or
    /// missing from a complete collection): nothing to remove.
    AlreadyGone,
    /// No longer in the network netprune holds (e.g. after restoring an
    /// older backup): nobody to check the removal against.
    NotFound,
    /// A dry run walked up to the confirm button without pressing it.
    DryRun,
}

impl SkipReason {
    fn words(self) -> &'static str {
        match self {
            Self::Kept => "on the keep-list",
            Self::AlreadyGone => "already gone",
            Self::NotFound => "not in the network",
            Self::DryRun => "dry run: would remove",
        }
    }
}

/// Where a queued person stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum EntryStatus {
    /// Waiting for their turn.
    Pending,
    /// A step for them was handed out and its outcome is not known yet.
    InProgress,
    /// Removed, and verified: the card left the list. Final.
    Removed,
    /// A step failed in a recognised way; they may be queued again.
    Failed {
        /// What failed, as the content script said it.
        reason: String,
    },
    /// Set aside without a removal.
    Skipped {
        /// Why.
        why: SkipReason,
    },
    /// The member cancelled them before their turn (or while a check of
    /// their step waited).
    Cancelled,
    /// netprune pressed "Remove connection" (or may have: the outcome was
    /// lost), and neither the step nor [`UNPROVEN_CHECKS`] checks found
    /// proof either way. Never attempted again automatically; the member
    /// checks their connections page.
    Unconfirmed {
        /// The last thing the page showed.
        reason: String,
    },
}

impl EntryStatus {
    /// The status without its detail.
    pub fn stage(&self) -> Stage {
        match self {
            Self::Pending => Stage::Pending,
            Self::InProgress => Stage::InProgress,
            Self::Removed => Stage::Removed,
            Self::Failed { .. } => Stage::Failed,
            Self::Skipped { .. } => Stage::Skipped,
            Self::Cancelled => Stage::Cancelled,
            Self::Unconfirmed { .. } => Stage::Unconfirmed,
        }
    }
}

/// An entry's status without its detail, as the log records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Waiting.
    Pending,
    /// A step is out.
    InProgress,
    /// Removed (verified).
    Removed,
    /// Failed.
    Failed,
    /// Skipped.
    Skipped,
    /// Cancelled.
    Cancelled,
    /// Remove pressed, no proof either way.
    Unconfirmed,
}

impl Stage {
    /// The stage as a word for the CSV.
    pub fn word(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::InProgress => "in progress",
            Self::Removed => "removed",
            Self::Failed => "failed",
            Self::Skipped => "skipped",
            Self::Cancelled => "cancelled",
            Self::Unconfirmed => "unconfirmed",
        }
    }
}

/// One person in the queue. Each person has one entry; queuing them again
/// after a failure reuses it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// The profile slug (`/in/<slug>/`): the identity the content script
    /// checks on the card before each click.
    pub slug: String,
    /// The name, for the search box and the member.
    pub name: String,
    /// When they were (last) queued.
    pub queued_at_ms: TimeMs,
    /// Where they stand.
    pub status: EntryStatus,
    /// Removal steps handed out for them since they were (last) queued.
    pub attempts: u32,
    /// Queued as a dry run: their step walks to the confirm button and
    /// never presses it. Each person keeps the mode they were queued with.
    #[serde(default)]
    pub dry_run: bool,
}

/// One transition of one entry, kept for the member's export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogRecord {
    /// The profile slug.
    pub slug: String,
    /// The name at the time.
    pub name: String,
    /// When.
    pub at_ms: TimeMs,
    /// The stage before (`None` when first queued).
    pub from: Option<Stage>,
    /// The stage after.
    pub to: Stage,
    /// What happened, in words.
    pub detail: String,
}

impl LogRecord {
    /// `https://www.linkedin.com/in/<slug>/`, so the member can find the
    /// person again.
    pub fn profile_url(&self) -> String {
        if self.slug.is_empty() {
            // A record about the whole queue (a cool-down overridden).
            return String::new();
        }
        crate::report::view::profile_url_of(&self.slug)
    }
}

/// Who or what paused the queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PauseCause {
    /// The member pressed pause.
    Member,
    /// The circuit breaker: the page showed something unexpected.
    Trouble,
    /// Failures in a row.
    Failures,
    /// The connections page is not open: opening it resumes the queue.
    NeedsPage,
    /// The LinkedIn tab belongs to another account than the network's.
    Account,
}

impl PauseCause {
    /// Pauses the member lifts by acting (pressing resume, opening the page),
    /// which any pause for trouble or failures replaces.
    fn is_soft(self) -> bool {
        matches!(self, Self::Member | Self::NeedsPage)
    }
}

/// Why a tab refused a step before doing anything: not a failure, the queue
/// waits with this reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotTaken {
    /// The connections tab is not visible.
    Hidden,
    /// The tab is busy with another step.
    Busy,
    /// The tab shows another LinkedIn account.
    AnotherAccount,
    /// The connections list is not on the page.
    NoList,
}

impl NotTaken {
    /// The reason by its id ("hidden", "busy", "another-account", "no-list").
    pub fn from_id(id: &str) -> Option<Self> {
        match id {
            "hidden" => Some(Self::Hidden),
            "busy" => Some(Self::Busy),
            "another-account" => Some(Self::AnotherAccount),
            "no-list" => Some(Self::NoList),
            _ => None,
        }
    }

    fn wait_reason(self) -> WaitReason {
        match self {
            Self::Hidden => WaitReason::TabHidden,
            Self::Busy => WaitReason::TabBusy,
            Self::AnotherAccount => WaitReason::AnotherAccount,
            Self::NoList => WaitReason::NoList,
        }
    }
}

/// Trouble kinds that pause without a cool-down: netprune's own doubt about
/// the page, not a warning from LinkedIn. Every other kind ("limit",
/// "restricted", "checkpoint", "captcha", "login", "http-429", and any kind
/// this version does not know: in doubt, wait) locks resuming for the
/// cool-down.
pub const TROUBLE_WITHOUT_COOLDOWN: [&str; 4] = [
    "unexpected-dialog",
    "unexpected-menu",
    "another-account",
    "unrecognised",
];

/// Whether trouble of this kind locks resuming for the cool-down. A report
/// without a kind (an older content script) pauses without one.
pub fn trouble_cools_down(kind: Option<&str>) -> bool {
    kind.is_some_and(|k| !TROUBLE_WITHOUT_COOLDOWN.contains(&k))
}

/// The lock on resuming after a LinkedIn warning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cooldown {
    /// Resuming needs an acknowledgement until then.
    pub until_ms: TimeMs,
    /// The warning, for the member.
    pub reason: String,
    /// Its trouble kind.
    pub trouble: String,
}

/// A pause: it holds until [`RemovalQueue::resume`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pause {
    /// Why, for the member.
    pub reason: String,
    /// When.
    pub at_ms: TimeMs,
    /// Who or what.
    pub cause: PauseCause,
}

/// What the background should do next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum Action {
    /// Nobody is pending: nothing to do until people are queued.
    Idle,
    /// Paused: nothing to do until the member resumes.
    Paused {
        /// Why, for the member.
        reason: String,
    },
    /// Nothing before `until_ms`; poll again then.
    Wait {
        /// When to poll again.
        until_ms: TimeMs,
        /// Why.
        why: WaitReason,
    },
    /// Remove this person: find their card on the connections list, check
    /// its `/in/<slug>/` link, open its menu, choose "Remove connection"
    /// and confirm, then check the card left the list. In a dry run, stop
    /// at the confirm button without pressing it. The attempt time already
    /// counts toward the caps. Report with `attempt`.
    Remove {
        /// The profile slug to match on the card.
        slug: String,
        /// The name to search for.
        name: String,
        /// The id to report the outcome with.
        attempt: u64,
        /// Walk to the confirm button but do not press it: this person
        /// was queued as a dry run.
        dry_run: bool,
        /// The pauses before and between the step's actions, in ms, drawn
        /// by the pacing generator (the first before the first action).
        pauses_ms: Vec<u32>,
    },
    /// A step for this person was handed out and its outcome was lost (the
    /// worker stopped mid-removal, or a check failed): look for them on the
    /// connections list, click nothing, and report `Removed` or `NotFound`
    /// (not on the list) or `StillThere`, or `Unproven` when the search
    /// finished without an answer. Nothing else happens until then.
    /// It clicks nothing, so it is neither counted toward the caps nor held
    /// by quiet hours.
    Verify {
        /// The profile slug to look for.
        slug: String,
        /// The name to search for.
        name: String,
        /// The id to report the outcome with.
        attempt: u64,
        /// The person was queued as a dry run.
        dry_run: bool,
        /// The pauses before and between the step's actions, in ms.
        pauses_ms: Vec<u32>,
    },
}

/// What the content script saw, reported for one attempt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum StepOutcome {
    /// The card left the list after confirming (in a dry run: the confirm
    /// button for the right person was reached); after a `Verify`, the
    /// person is no longer on the list.
    Removed,
    /// Searched, and they are not on the list: already gone. After a
    /// `Verify`, the same as `Removed`.
    NotFound,
    /// After a `Verify`: still connected, so the lost step did not remove
    /// them; they go back to pending. After a `Remove`: a failure.
    StillThere,
    /// The page gave no proof either way: after a `Remove`, the confirm
    /// was pressed and then neither the card leaving a list that still
    /// shows others, nor a finished name search leaving them out, nor the
    /// stated total dropping by one was seen; after a `Verify`, the search
    /// finished without an answer (it showed nobody, or more than it could
    /// read). Checked again; after [`UNPROVEN_CHECKS`] such checks the
    /// person ends [`EntryStatus::Unconfirmed`]. Never a plain failure.
    Unproven {
        /// What the page showed.
        reason: String,
    },
    /// A step failed in a recognised way (menu did not open, card not
    /// matched...), before anything was confirmed. Backs off; two in a row
    /// pause the queue.
    Failed {
        /// What failed.
        reason: String,
    },
    /// The circuit breaker: a checkpoint, login or authwall URL, a captcha,
    /// a limit or unusual-activity warning, an unexpected dialog or menu,
    /// anything unrecognised. The queue pauses at once.
    Trouble {
        /// What was seen.
        reason: String,
        /// Its kind ("limit", "checkpoint", "unexpected-dialog"...): a
        /// warning from LinkedIn locks resuming for the cool-down.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        trouble: Option<String>,
    },
}

/// What a report changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum Reported {
    /// The attempt id is not the step out: nothing changed, except that a
    /// stale `Trouble` still pauses the queue (stopping is always safe).
    Stale {
        /// Whether this report paused the queue.
        paused: bool,
    },
    /// The entry moved to `status`.
    Applied {
        /// Whose entry.
        slug: String,
        /// Their status now.
        status: EntryStatus,
        /// Whether the queue is paused now.
        paused: bool,
    },
}

/// Why a person was not queued.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefuseReason {
    /// On the keep-list: never queued.
    Kept,
    /// Known only from an export row without a profile link.
    Unmatched,
    /// No longer a connection.
    Gone,
    /// Not in the network.
    Unknown,
    /// Already pending or in progress.
    AlreadyQueued,
    /// Already removed (verified): never attempted twice.
    AlreadyRemoved,
    /// Not a profile slug.
    BadSlug,
    /// 30,000 people are pending already.
    QueueFull,
}

/// A person not queued, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Refusal {
    /// Who.
    pub slug: String,
    /// Why.
    pub why: RefuseReason,
}

/// What queuing did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnqueueReport {
    /// People newly pending.
    pub queued: u32,
    /// People not queued, each with the reason.
    pub refused: Vec<Refusal>,
}

/// What cancelling one person did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CancelOutcome {
    /// They were pending and are cancelled.
    Cancelled,
    /// A step for them is out on the page: it cannot be cancelled
    /// mid-step; its outcome will be recorded. (A check that is waiting,
    /// not out, can be cancelled.)
    InProgress,
    /// They are not pending (never queued, or already done).
    NotPending,
}

/// What cancelling everyone did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CancelAllReport {
    /// Pending people cancelled (and a person whose check was waiting).
    pub cancelled: u32,
    /// The person whose step is out, who cannot be cancelled mid-step.
    pub in_progress: Option<String>,
}

/// The queue's state as the popup names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QueueState {
    /// Nobody pending or in progress.
    Idle,
    /// People pending or in progress, not paused.
    Running,
    /// Paused until the member resumes.
    Paused,
}

/// Everything the popup shows of the queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QueueProgress {
    /// "idle", "running" or "paused".
    pub state: QueueState,
    /// Why it is paused.
    pub reason: Option<String>,
    /// Who or what paused it, for the pages to switch on.
    pub pause_cause: Option<PauseCause>,
    /// Resuming is locked until then after a LinkedIn warning (unless the
    /// member acknowledges the risk).
    pub cooldown_until_ms: Option<TimeMs>,
    /// The warning behind the cool-down.
    pub cooldown_reason: Option<String>,
    /// Since when.
    pub paused_at_ms: Option<TimeMs>,
    /// People waiting.
    pub pending: u32,
    /// People with a step out (0 or 1).
    pub in_progress: u32,
    /// People removed (verified).
    pub removed: u32,
    /// People whose step failed.
    pub failed: u32,
    /// People set aside (kept, gone, dry run).
    pub skipped: u32,
    /// People cancelled.
    pub cancelled: u32,
    /// People netprune pressed Remove for without proof either way.
    pub unconfirmed: u32,
    /// Whose check of an earlier step waits its turn (after a failed or
    /// unproven check): nothing is out on the page, so the member may
    /// cancel them.
    pub check_waiting: Option<String>,
    /// Verified removals in the last 24 hours.
    pub removed_today: u32,
    /// Removal attempts in the last hour (what the hourly cap counts).
    pub attempts_this_hour: u32,
    /// Removal attempts in the last 24 hours (what the daily cap counts).
    pub attempts_today: u32,
    /// The hourly cap (none under development pacing).
    pub hourly_cap: Option<u32>,
    /// The daily cap (none under development pacing).
    pub daily_cap: Option<u32>,
    /// When the background will next poll (none when idle or paused).
    pub next_action_at_ms: Option<TimeMs>,
    /// Why it waits until then, if it waits.
    pub waiting_for: Option<WaitReason>,
    /// When the last of the people left should be reached, at the median
    /// pace with breathers, caps and quiet hours (as if resumed now, when
    /// paused).
    pub eta_ms: Option<TimeMs>,
    /// People left (pending or in progress) queued as a dry run.
    pub dry_run_left: u32,
    /// Development pacing is on.
    pub dev_pacing: bool,
}

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
            log: Vec::new(),
            paused: None,
            step: None,
            next_attempt: 1,
            attempts: VecDeque::new(),
            hold: None,
            until_breather,
            consecutive_failures: 0,
            cooldown: None,
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

    /// Queues `people` (slug, name) in order. The caller has already refused
    /// kept, unmatched and gone people ([`crate::removal::people::queue_removals`] does);
    /// the queue refuses people pending or in progress, people already
    /// removed (never attempted twice), and keys that are not profile slugs.
    /// People who failed, were skipped or cancelled are queued again, at the
    /// back. Each person keeps `dry_run` as queued: a later batch never
    /// changes an earlier one's mode.
    pub fn enqueue(
        &mut self,
        people: Vec<(String, String)>,
        now_ms: TimeMs,
        dry_run: bool,
    ) -> EnqueueReport {
        self.ensure_index();
        let mut report = EnqueueReport::default();
        let mut pending = self
            .entries
            .iter()
            .filter(|e| e.status == EntryStatus::Pending)
            .count();
        let mut taken: HashSet<String> = HashSet::new();
        let mut moved: HashSet<usize> = HashSet::new();
        let mut added: Vec<Entry> = Vec::new();
        for (slug, name) in people {
            let refuse = |why| Refusal {
                slug: clean_text(&slug, MAX_SLUG_CHARS),
                why,
            };
            if !is_profile_slug(&slug) {
                report.refused.push(refuse(RefuseReason::BadSlug));
                continue;
            }
            if taken.contains(&slug) {
                report.refused.push(refuse(RefuseReason::AlreadyQueued));
                continue;
            }
            let existing = self.index.0.get(&slug).copied();
            let from = match existing.map(|i| &self.entries[i].status) {
                Some(EntryStatus::Pending | EntryStatus::InProgress) => {
                    report.refused.push(refuse(RefuseReason::AlreadyQueued));
                    continue;
                }
                Some(EntryStatus::Removed) => {
                    report.refused.push(refuse(RefuseReason::AlreadyRemoved));
                    continue;
                }
                Some(status) => Some(status.stage()),
                None => None,
            };
            if pending >= MAX_PENDING {
                report.refused.push(refuse(RefuseReason::QueueFull));
                continue;
            }
            let name = clean_text(&name, MAX_NAME_CHARS);
            self.push_log(LogRecord {
                slug: slug.clone(),
                name: name.clone(),
                at_ms: now_ms,
                from,
                to: Stage::Pending,
                detail: match (from.is_some(), dry_run) {
                    (false, false) => "queued",
                    (true, false) => "queued again",
                    (false, true) => "queued as a dry run",
                    (true, true) => "queued again as a dry run",
                }
                .into(),
            });
            if let Some(i) = existing {
                moved.insert(i);
            }
            taken.insert(slug.clone());
            added.push(Entry {
                slug,
                name,
                queued_at_ms: now_ms,
                status: EntryStatus::Pending,
                attempts: 0,
                dry_run,
            });
            pending += 1;
            report.queued += 1;
        }
        if !moved.is_empty() {
            // People queued again go to the back, in the order asked.
            let mut i = 0;
            self.entries.retain(|_| {
                i += 1;
                !moved.contains(&(i - 1))
            });
        }
        self.entries.extend(added);
        self.rebuild_index();
        report
    }

    /// Sets a pending person aside without a removal (e.g. put on the
    /// keep-list after being queued). Answers whether they were pending.
    pub fn skip(&mut self, slug: &str, why: SkipReason, now_ms: TimeMs) -> bool {
        self.ensure_index();
        match self.find(slug) {
            Some(i) if self.entries[i].status == EntryStatus::Pending => {
                self.settle(i, EntryStatus::Skipped { why }, why.words().into(), now_ms);
                true
            }
            _ => false,
        }
    }

    /// Cancels a pending person. A person whose step is out cannot be
    /// cancelled mid-step: the answer says so, and their outcome will still
    /// be recorded.
    pub fn cancel(&mut self, slug: &str, now_ms: TimeMs) -> CancelOutcome {
        self.ensure_index();
        match self.find(slug).map(|i| (i, &self.entries[i].status)) {
            Some((i, EntryStatus::Pending)) => {
                self.settle(i, EntryStatus::Cancelled, "cancelled".into(), now_ms);
                CancelOutcome::Cancelled
            }
            Some((i, EntryStatus::InProgress)) if self.check_waiting(slug) => {
                self.cancel_waiting_check(i, now_ms);
                CancelOutcome::Cancelled
            }
            Some((_, EntryStatus::InProgress)) => CancelOutcome::InProgress,
            _ => CancelOutcome::NotPending,
        }
    }

    /// Cancels everyone pending; the person whose step is out (if any)
    /// cannot be cancelled mid-step and is named in the answer.
    pub fn cancel_all(&mut self, now_ms: TimeMs) -> CancelAllReport {
        self.ensure_index();
        let pending: Vec<usize> = (0..self.entries.len())
            .filter(|&i| self.entries[i].status == EntryStatus::Pending)
            .collect();
        for &i in &pending {
            self.settle(i, EntryStatus::Cancelled, "cancelled".into(), now_ms);
        }
        let mut cancelled = pending.len() as u32;
        let waiting = self
            .step
            .as_ref()
            .filter(|s| !s.in_flight)
            .and_then(|s| self.find(&s.slug));
        if let Some(i) = waiting {
            self.cancel_waiting_check(i, now_ms);
            cancelled += 1;
        }
        CancelAllReport {
            cancelled,
            in_progress: self.step.as_ref().map(|s| s.slug.clone()),
        }
    }

    /// Pauses the queue with the member's reason. Answers whether it was
    /// running before (a pause already in force keeps its reason). A step
    /// already out still reports, and its outcome is recorded.
    pub fn pause(&mut self, reason: &str, now_ms: TimeMs) -> bool {
        self.pause_because(PauseCause::Member, reason, None, now_ms)
    }

    /// Pauses with `cause`: the member, the page missing, another account,
    /// or trouble the page reported outside a step (`trouble` its kind: a
    /// warning from LinkedIn also starts the cool-down). Answers whether it
    /// was running before.
    pub fn pause_because(
        &mut self,
        cause: PauseCause,
        reason: &str,
        trouble: Option<&str>,
        now_ms: TimeMs,
    ) -> bool {
        if cause == PauseCause::Trouble {
            let was_running = self.paused.is_none();
            self.trouble_seen(reason, trouble, now_ms);
            return was_running;
        }
        let reason = clean_text(reason, MAX_REASON_CHARS);
        let reason = if reason.is_empty() {
            "paused by you".to_string()
        } else {
            reason
        };
        let was_running = self.paused.is_none();
        self.pause_for(cause, reason, now_ms);
        was_running
    }

    /// Resumes a paused queue and forgets the failures in a row. Answers
    /// whether it was paused. A person whose step was out when it paused is
    /// verified before anything else (once the step's timeout has passed),
    /// never removed a second time. During the cool-down after a LinkedIn
    /// warning it refuses, unless `acknowledge_cooldown` says the member
    /// accepts the risk; the override is logged.
    pub fn resume(
        &mut self,
        now_ms: TimeMs,
        acknowledge_cooldown: bool,
    ) -> Result<bool, ModelError> {
        if let Some(cooldown) = self.cooldown_at(now_ms) {
            if !acknowledge_cooldown {
                return Err(ModelError::BadInput(format!(
                    "resuming is locked until {} (UTC) after LinkedIn's warning: {}. \
                     Resume earlier only if you accept the risk to your account.",
                    iso_utc(cooldown.until_ms),
                    cooldown.reason
                )));
            }
            let detail = format!(
                "resumed during the cool-down (until {}) with the member's acknowledgement",
                iso_utc(cooldown.until_ms)
            );
            self.push_log(LogRecord {
                slug: String::new(),
                name: "(the whole queue)".into(),
                at_ms: now_ms,
                from: None,
                to: Stage::Pending,
                detail,
            });
        }
        self.cooldown = None;
        self.consecutive_failures = 0;
        Ok(self.paused.take().is_some())
    }

    /// How long a step may stay out before it is taken as lost:
    /// [`STEP_TIMEOUT_MS`], or [`DEV_STEP_TIMEOUT_MS`] under development
    /// pacing.
    pub fn step_timeout_ms(&self) -> i64 {
        if self.settings.dev_delay_ms.is_some() {
            DEV_STEP_TIMEOUT_MS
        } else {
            STEP_TIMEOUT_MS
        }
    }

    /// The cool-down in force at `now_ms`.
    pub fn cooldown_at(&self, now_ms: TimeMs) -> Option<&Cooldown> {
        self.cooldown.as_ref().filter(|c| c.until_ms > now_ms)
    }

    /// Trouble seen outside a step (or the step's own): pauses at once and,
    /// for a warning from LinkedIn, locks resuming for the cool-down.
    fn trouble_seen(&mut self, reason: &str, trouble: Option<&str>, now_ms: TimeMs) {
        let reason = reason_text(reason);
        if trouble_cools_down(trouble) {
            let until_ms = now_ms + i64::from(self.settings.cooldown_ms);
            if self.cooldown.as_ref().is_none_or(|c| c.until_ms < until_ms) {
                self.cooldown = Some(Cooldown {
                    until_ms,
                    reason: reason.clone(),
                    trouble: clean_text(trouble.unwrap_or_default(), MAX_SLUG_CHARS),
                });
            }
        }
        self.pause_for(PauseCause::Trouble, reason, now_ms);
    }

    /// The tab refused step `attempt` before doing anything (hidden, busy,
    /// another account, no list): no failure is counted, the attempt does
    /// not count toward the caps, the person goes back to pending (a
    /// verify stays due), and the queue waits with that reason. Any other
    /// attempt is stale and changes nothing.
    pub fn step_not_taken(&mut self, attempt: u64, why: NotTaken, now_ms: TimeMs) -> Reported {
        self.ensure_index();
        let step = match self.step.as_ref() {
            Some(s) if s.in_flight && s.attempt == attempt => s.clone(),
            _ => return Reported::Stale { paused: false },
        };
        let Some(i) = self.find(&step.slug) else {
            self.step = None;
            return Reported::Stale { paused: false };
        };
        let detail = format!(
            "the tab did not take step {attempt}: {}",
            why.wait_reason().words()
        );
        match step.kind {
            StepKind::Remove => {
                self.entries[i].attempts = self.entries[i].attempts.saturating_sub(1);
                if let Some(at) = self.attempts.iter().rposition(|&a| a == step.issued_at_ms) {
                    self.attempts.remove(at);
                }
                self.until_breather += 1;
                self.settle(i, EntryStatus::Pending, detail, now_ms);
            }
            StepKind::Verify => self.verify_unsettled(i, detail, now_ms),
        }
        let policy = self.policy();
        self.hold = Some(Hold {
            until_ms: now_ms + policy.delay_ms(&mut self.rng),
            why: why.wait_reason(),
        });
        Reported::Applied {
            slug: step.slug,
            status: self.entries[i].status.clone(),
            paused: self.paused.is_some(),
        }
    }

    /// What to do now. A `Remove` marks the person in progress and counts
    /// the attempt toward the caps; a `Verify` is handed out whenever a
    /// step's outcome was lost, before anything else.
    pub fn poll(&mut self, now_ms: TimeMs, utc_offset_minutes: i32) -> Action {
        self.ensure_index();
        while self.attempts.front().is_some_and(|&a| now_ms - a >= DAY_MS) {
            self.attempts.pop_front();
        }
        match self.decide(now_ms, utc_offset_minutes) {
            Decision::Idle => Action::Idle,
            Decision::Paused(reason) => Action::Paused { reason },
            Decision::Wait(first) => {
                // A drawn gap may end in quiet hours or under a cap: draw
                // again from there, so the wait answered is the one kept.
                let mut hold = self.drawn(first);
                for _ in 0..8 {
                    match self.decide(now_ms, utc_offset_minutes) {
                        Decision::Wait(next) if next != hold => hold = self.drawn(next),
                        _ => break,
                    }
                }
                Action::Wait {
                    until_ms: hold.until_ms,
                    why: hold.why,
                }
            }
            Decision::Remove(i) => self.hand_out_remove(i, now_ms),
            Decision::VerifyLost(i) => {
                self.hand_out_verify(i, "its outcome was lost: checking the list first", now_ms)
            }
            Decision::VerifyAgain(i) => self.hand_out_verify(i, "checking the list again", now_ms),
        }
    }

    /// Takes in the history of `backup` (a queue restored from a file) and
    /// keeps everything that makes removals safe as it is here: the step in
    /// flight, the attempt times behind the caps, the pacing generator and
    /// holds, the failures in a row, the pause, the cool-down, the settings.
    /// The file's log records are merged in by time; the file's verified
    /// removals are kept (never attempted again); the file's pending people
    /// are not queued again. Answers how many of the file's people were
    /// waiting and are not queued again.
    pub fn absorb_history(&mut self, backup: RemovalQueue) -> u32 {
        self.ensure_index();
        let mut not_requeued = 0;
        let mut added = false;
        for entry in backup.entries {
            let stage = entry.status.stage();
            let here = self
                .find(&entry.slug)
                .map(|i| self.entries[i].status.stage());
            match (stage, here) {
                (Stage::Pending | Stage::InProgress, here) if here != Some(stage) => {
                    not_requeued += 1;
                }
                // Someone here (mid-step, pending or done) stays as they
                // are: a step reports, and a removal is verified.
                (Stage::Removed, None) => {
                    self.entries.push(entry);
                    added = true;
                }
                _ => {}
            }
        }
        if added {
            self.rebuild_index();
        }
        // The file's records the log here lacks (the same record in both
        // came from the same history before the file was written).
        let here: HashSet<(TimeMs, &str, Stage, &str)> = self
            .log
            .iter()
            .map(|r| (r.at_ms, r.slug.as_str(), r.to, r.detail.as_str()))
            .collect();
        let missing: Vec<LogRecord> = backup
            .log
            .into_iter()
            .filter(|r| !here.contains(&(r.at_ms, r.slug.as_str(), r.to, r.detail.as_str())))
            .collect();
        self.log.extend(missing);
        // Stable: records of the same instant keep their order.
        self.log.sort_by_key(|r| r.at_ms);
        self.trim_log();
        let mut attempts: Vec<TimeMs> = self.attempts.iter().copied().collect();
        attempts.extend(backup.attempts);
        attempts.sort_unstable();
        attempts.dedup();
        self.attempts = attempts.into_iter().collect();
        while self.attempts.len() > ATTEMPTS_KEPT {
            self.attempts.pop_front();
        }
        self.next_attempt = self.next_attempt.max(backup.next_attempt);
        not_requeued
    }

    /// When the caller should poll next: `None` when idle or paused, the
    /// step's timeout while a step is out, otherwise the end of the current
    /// wait (or `now_ms` when something can be done now).
    pub fn next_wake_ms(&self, now_ms: TimeMs, utc_offset_minutes: i32) -> Option<TimeMs> {
        if let Some(step) = self.step.as_ref().filter(|s| s.in_flight) {
            if self.paused.is_some() {
                return None;
            }
            return Some((step.issued_at_ms + self.step_timeout_ms()).max(now_ms));
        }
        match self.decide(now_ms, utc_offset_minutes) {
            Decision::Idle | Decision::Paused(_) => None,
            Decision::Wait(hold) => Some(hold.until_ms),
            _ => Some(now_ms),
        }
    }

    /// Records the outcome of step `attempt`. A report for any other attempt
    /// is stale and changes nothing, except that stale `Trouble` still
    /// pauses the queue.
    pub fn report(&mut self, attempt: u64, outcome: StepOutcome, now_ms: TimeMs) -> Reported {
        self.ensure_index();
        let step = match self.step.as_ref() {
            Some(s) if s.in_flight && s.attempt == attempt => s.clone(),
            _ => {
                if let StepOutcome::Trouble { reason, trouble } = &outcome {
                    let reason = format!("{} (reported by an earlier step)", reason_text(reason));
                    self.trouble_seen(&reason, trouble.as_deref(), now_ms);
                    return Reported::Stale { paused: true };
                }
                return Reported::Stale { paused: false };
            }
        };
        let Some(i) = self.find(&step.slug) else {
            // validated() rules this out; drop the step rather than panic.
            self.step = None;
            return Reported::Stale { paused: false };
        };
        match (step.kind, outcome) {
            (StepKind::Remove, StepOutcome::Removed) if step.dry_run => {
                self.succeed(
                    i,
                    EntryStatus::Skipped {
                        why: SkipReason::DryRun,
                    },
                    "dry run: would remove (stopped at the confirm button)",
                    now_ms,
                );
            }
            (StepKind::Remove, StepOutcome::Removed) => {
                self.succeed(
                    i,
                    EntryStatus::Removed,
                    "removed: the card left the list",
                    now_ms,
                );
            }
            (StepKind::Remove, StepOutcome::NotFound) => {
                self.succeed(
                    i,
                    EntryStatus::Skipped {
                        why: SkipReason::AlreadyGone,
                    },
                    "not on the connections list when searched",
                    now_ms,
                );
            }
            (StepKind::Remove, StepOutcome::StillThere) => {
                let reason = "still on the list after the removal step".to_string();
                self.settle_failed(i, reason, now_ms);
            }
            (StepKind::Remove, StepOutcome::Failed { reason }) => {
                let reason = reason_text(&reason);
                self.settle_failed(i, reason, now_ms);
            }
            (StepKind::Remove, StepOutcome::Unproven { reason }) if step.dry_run => {
                // A dry run never presses the confirm: nothing to prove.
                let reason = reason_text(&reason);
                self.settle_failed(i, reason, now_ms);
            }
            (StepKind::Remove, StepOutcome::Unproven { reason }) => {
                let reason = reason_text(&reason);
                self.verify_unsettled(
                    i,
                    format!(
                        "pressed Remove connection, no proof yet ({reason}): checking the list"
                    ),
                    now_ms,
                );
                self.schedule(now_ms);
            }
            (StepKind::Remove, StepOutcome::Trouble { reason, trouble }) => {
                let reason = reason_text(&reason);
                self.settle(
                    i,
                    EntryStatus::Pending,
                    format!("stopped: {reason}"),
                    now_ms,
                );
                self.trouble_seen(&reason, trouble.as_deref(), now_ms);
                self.schedule(now_ms);
            }
            (StepKind::Verify, StepOutcome::Removed | StepOutcome::NotFound) if step.dry_run => {
                // A dry run never confirms: if they are gone, someone else did it.
                self.succeed(
                    i,
                    EntryStatus::Skipped {
                        why: SkipReason::AlreadyGone,
                    },
                    "not on the list when checked after an interrupted dry run",
                    now_ms,
                );
            }
            (StepKind::Verify, StepOutcome::Removed | StepOutcome::NotFound) => {
                self.succeed(
                    i,
                    EntryStatus::Removed,
                    "removed: not on the list when checked after an interrupted step",
                    now_ms,
                );
            }
            (StepKind::Verify, StepOutcome::StillThere) => {
                self.settle(
                    i,
                    EntryStatus::Pending,
                    "still connected after an interrupted step: will try again".into(),
                    now_ms,
                );
                self.schedule(now_ms);
            }
            (StepKind::Verify, StepOutcome::Failed { reason }) => {
                let reason = reason_text(&reason);
                self.verify_unsettled(i, format!("check failed: {reason}"), now_ms);
                self.fail(&reason, now_ms);
            }
            (StepKind::Verify, StepOutcome::Unproven { reason }) => {
                let reason = reason_text(&reason);
                let checks = step.unproven_checks + 1;
                if checks < UNPROVEN_CHECKS {
                    self.verify_unsettled(i, format!("check proved nothing: {reason}"), now_ms);
                    if let Some(step) = self.step.as_mut() {
                        step.unproven_checks = checks;
                    }
                    self.schedule(now_ms);
                } else if step.dry_run {
                    // A dry run pressed nothing: it failed, it removed nobody.
                    let reason =
                        format!("dry run interrupted, and the check proved nothing: {reason}");
                    self.settle_failed(i, reason, now_ms);
                } else {
                    let detail =
                        format!("{UNCONFIRMED_WORDS} (after {checks} checks; the last: {reason})");
                    self.settle(i, EntryStatus::Unconfirmed { reason }, detail, now_ms);
                    // Counts toward the failures in a row: if no removal
                    // can be proven, the second pauses the queue.
                    self.fail("LinkedIn's page gave no proof of a removal", now_ms);
                }
            }
            (StepKind::Verify, StepOutcome::Trouble { reason, trouble }) => {
                let reason = reason_text(&reason);
                self.verify_unsettled(i, format!("check stopped: {reason}"), now_ms);
                self.trouble_seen(&reason, trouble.as_deref(), now_ms);
                self.schedule(now_ms);
            }
        }
        Reported::Applied {
            slug: step.slug,
            status: self.entries[i].status.clone(),
            paused: self.paused.is_some(),
        }
    }

    /// Counts, caps, the next action and an estimate of when the people
    /// left will be done, as of `now_ms`.
    pub fn progress(&self, now_ms: TimeMs, utc_offset_minutes: i32) -> QueueProgress {
        let mut counts = [0u32; 7];
        for entry in &self.entries {
            counts[entry.status.stage() as usize] += 1;
        }
        let [pending, in_progress, removed, failed, skipped, cancelled, unconfirmed] = counts;
        let removed_today = self
            .log
            .iter()
            .rev()
            .take_while(|r| now_ms - r.at_ms < DAY_MS)
            .filter(|r| r.to == Stage::Removed)
            .count() as u32;
        let policy = self.policy();
        let decision = self.decide(now_ms, utc_offset_minutes);
        let left = pending + in_progress;
        let eta_ms = (left > 0).then(|| {
            let start = policy
                .next_start(now_ms, utc_offset_minutes, self.hold, &self.attempts)
                .map_or(now_ms, |h| h.until_ms);
            policy.estimate_finish(
                left,
                start,
                utc_offset_minutes,
                &self.attempts,
                self.until_breather,
            )
        });
        QueueProgress {
            state: self.state(),
            reason: self.paused.as_ref().map(|p| p.reason.clone()),
            pause_cause: self.paused.as_ref().map(|p| p.cause),
            cooldown_until_ms: self.cooldown_at(now_ms).map(|c| c.until_ms),
            cooldown_reason: self.cooldown_at(now_ms).map(|c| c.reason.clone()),
            paused_at_ms: self.paused.as_ref().map(|p| p.at_ms),
            pending,
            in_progress,
            removed,
            failed,
            skipped,
            cancelled,
            unconfirmed,
            check_waiting: self
                .step
                .as_ref()
                .filter(|s| !s.in_flight)
                .map(|s| s.slug.clone()),
            removed_today,
            attempts_this_hour: attempts_within(&self.attempts, now_ms, HOUR_MS),
            attempts_today: attempts_within(&self.attempts, now_ms, DAY_MS),
            hourly_cap: policy.hourly_cap(),
            daily_cap: policy.daily_cap(),
            next_action_at_ms: self.next_wake_ms(now_ms, utc_offset_minutes),
            waiting_for: match decision {
                Decision::Wait(hold) => Some(hold.why),
                _ => None,
            },
            eta_ms,
            dry_run_left: self
                .entries
                .iter()
                .filter(|e| {
                    e.dry_run && matches!(e.status, EntryStatus::Pending | EntryStatus::InProgress)
                })
                .count() as u32,
            dev_pacing: policy.is_dev(),
        }
    }

    /// The log as CSV (RFC 4180, header first, no BOM): name, profile URL,
    /// time in ISO 8601 UTC, stage before and after, and what happened. Safe
    /// to open in a spreadsheet: a cell that would run as a formula starts
    /// with an apostrophe.
    pub fn log_csv(&self) -> String {
        let mut out = String::from("Name,Profile URL,When (UTC),From,Outcome,Detail\r\n");
        for record in &self.log {
            let fields = [
                record.name.as_str(),
                &record.profile_url(),
                &iso_utc(record.at_ms),
                record.from.map_or("", Stage::word),
                record.to.word(),
                &record.detail,
            ];
            for (n, field) in fields.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                crate::report::view::push_csv_field(&mut out, field);
            }
            out.push_str("\r\n");
        }
        out
    }
}

/// The machinery behind the public calls.
impl RemovalQueue {
    fn decide(&self, now_ms: TimeMs, utc_offset_minutes: i32) -> Decision {
        if let Some(p) = &self.paused {
            return Decision::Paused(p.reason.clone());
        }
        if let Some(step) = &self.step {
            let Some(i) = self.find(&step.slug) else {
                return Decision::Idle;
            };
            if step.in_flight {
                // The step belongs to its attempt until it reports or times
                // out: a wake in between hands out nothing.
                let timeout = step.issued_at_ms + self.step_timeout_ms();
                if now_ms < timeout {
                    return Decision::Wait(Hold {
                        until_ms: timeout,
                        why: WaitReason::StepInFlight,
                    });
                }
                return Decision::VerifyLost(i);
            }
            // A verify failed: back off, but check before anything else.
            return match self.hold.filter(|h| h.until_ms > now_ms) {
                Some(hold) => Decision::Wait(hold),
                None => Decision::VerifyAgain(i),
            };
        }
        let Some(i) = self
            .entries
            .iter()
            .position(|e| e.status == EntryStatus::Pending)
        else {
            return Decision::Idle;
        };
        match self
            .policy()
            .next_start(now_ms, utc_offset_minutes, self.hold, &self.attempts)
        {
            Some(hold) => Decision::Wait(hold),
            None => Decision::Remove(i),
        }
    }

    fn hand_out_remove(&mut self, i: usize, now_ms: TimeMs) -> Action {
        let attempt = self.take_attempt_id();
        let dry_run = self.entries[i].dry_run;
        let pauses_ms = self.policy().step_pauses_ms(&mut self.rng);
        let entry = &mut self.entries[i];
        entry.attempts += 1;
        let detail = if dry_run {
            format!("dry run: walking to the confirm button (step {attempt})")
        } else {
            format!("removing (step {attempt}, try {})", entry.attempts)
        };
        let (slug, name) = (entry.slug.clone(), entry.name.clone());
        self.settle(i, EntryStatus::InProgress, detail, now_ms);
        self.attempts.push_back(now_ms);
        if self.attempts.len() > ATTEMPTS_KEPT {
            self.attempts.pop_front();
        }
        self.until_breather = self.until_breather.saturating_sub(1);
        self.hold = None;
        self.step = Some(Step {
            attempt,
            slug: slug.clone(),
            kind: StepKind::Remove,
            dry_run,
            issued_at_ms: now_ms,
            in_flight: true,
            unproven_checks: 0,
        });
        Action::Remove {
            slug,
            name,
            attempt,
            dry_run,
            pauses_ms,
        }
    }

    fn hand_out_verify(&mut self, i: usize, detail: &str, now_ms: TimeMs) -> Action {
        let attempt = self.take_attempt_id();
        let (slug, name) = (self.entries[i].slug.clone(), self.entries[i].name.clone());
        let pauses_ms = self.policy().step_pauses_ms(&mut self.rng);
        let mut dry_run = self.entries[i].dry_run;
        self.push_log(LogRecord {
            slug: slug.clone(),
            name: name.clone(),
            at_ms: now_ms,
            from: Some(Stage::InProgress),
            to: Stage::InProgress,
            detail: format!("{detail} (step {attempt})"),
        });
        if let Some(step) = self.step.as_mut() {
            step.attempt = attempt;
            step.kind = StepKind::Verify;
            step.issued_at_ms = now_ms;
            step.in_flight = true;
            dry_run = step.dry_run;
        }
        Action::Verify {
            slug,
            name,
            attempt,
            dry_run,
            pauses_ms,
        }
    }

    /// A hold nobody drew (a cap, quiet hours) gets a drawn gap on top and
    /// is kept, so the next start never falls exactly an hour or a day
    /// after an earlier attempt, or on the minute quiet hours end.
    fn drawn(&mut self, hold: Hold) -> Hold {
        let undrawn = matches!(
            hold.why,
            WaitReason::HourlyCap | WaitReason::DailyCap | WaitReason::QuietHours
        );
        if !undrawn || self.hold.is_some_and(|h| h.until_ms >= hold.until_ms) {
            return hold;
        }
        let gap = self.policy().delay_ms(&mut self.rng);
        let drawn = Hold {
            until_ms: hold.until_ms + gap,
            why: hold.why,
        };
        self.hold = Some(drawn);
        drawn
    }

    fn take_attempt_id(&mut self) -> u64 {
        let id = self.next_attempt;
        self.next_attempt += 1;
        id
    }

    /// Moves entry `i` to `status`, logs it, and drops the step unless the
    /// entry is (still) in progress.
    fn settle(&mut self, i: usize, status: EntryStatus, detail: String, now_ms: TimeMs) {
        let entry = &mut self.entries[i];
        let from = entry.status.stage();
        entry.status = status;
        let record = LogRecord {
            slug: entry.slug.clone(),
            name: entry.name.clone(),
            at_ms: now_ms,
            from: Some(from),
            to: entry.status.stage(),
            detail,
        };
        if record.to != Stage::InProgress
            && self.step.as_ref().is_some_and(|s| s.slug == record.slug)
        {
            self.step = None;
        }
        self.push_log(record);
    }

    /// A step that went as it should: the failures in a row end.
    fn succeed(&mut self, i: usize, status: EntryStatus, detail: &str, now_ms: TimeMs) {
        self.settle(i, status, detail.into(), now_ms);
        self.consecutive_failures = 0;
        self.schedule(now_ms);
    }

    /// Whether `slug`'s step is a check waiting for its turn (not out on
    /// the page).
    fn check_waiting(&self, slug: &str) -> bool {
        self.step
            .as_ref()
            .is_some_and(|s| s.slug == slug && !s.in_flight)
    }

    /// The member cancels a person whose check waits: nothing is out on
    /// the page, but a removal may have been confirmed, so the log says so.
    fn cancel_waiting_check(&mut self, i: usize, now_ms: TimeMs) {
        let detail = if self.step.as_ref().is_some_and(|s| s.dry_run) {
            "cancelled while a check of the interrupted dry run waited".to_string()
        } else {
            "cancelled while a check waited: netprune may have pressed Remove connection; \
             check your connections page"
                .to_string()
        };
        self.settle(i, EntryStatus::Cancelled, detail, now_ms);
    }

    /// A verify that did not settle: the entry stays in progress and is
    /// verified again (after the hold) before anything else.
    fn verify_unsettled(&mut self, i: usize, detail: String, now_ms: TimeMs) {
        self.settle(i, EntryStatus::InProgress, detail, now_ms);
        if let Some(step) = self.step.as_mut() {
            step.in_flight = false;
        }
    }

    /// The hold after a step: a breather when one is due, else a gap.
    fn schedule(&mut self, now_ms: TimeMs) {
        let policy = self.policy();
        let hold = if policy.takes_breathers() && self.until_breather == 0 {
            self.until_breather = policy.breather_every(&mut self.rng);
            Hold {
                until_ms: now_ms + policy.breather_ms(&mut self.rng),
                why: WaitReason::Breather,
            }
        } else {
            Hold {
                until_ms: now_ms + policy.delay_ms(&mut self.rng),
                why: WaitReason::Pacing,
            }
        };
        self.hold = Some(hold);
    }

    /// Entry `i` ends failed for `reason`, which counts as a failure.
    fn settle_failed(&mut self, i: usize, reason: String, now_ms: TimeMs) {
        self.settle(
            i,
            EntryStatus::Failed {
                reason: reason.clone(),
            },
            reason.clone(),
            now_ms,
        );
        self.fail(&reason, now_ms);
    }

    /// A failure: back off, and pause after two in a row.
    fn fail(&mut self, reason: &str, now_ms: TimeMs) {
        self.consecutive_failures += 1;
        let policy = self.policy();
        let gap = policy
            .delay_ms(&mut self.rng)
            .max(policy.backoff_ms(self.consecutive_failures));
        self.hold = Some(Hold {
            until_ms: now_ms + gap,
            why: WaitReason::Backoff,
        });
        if self.consecutive_failures >= FAILURES_BEFORE_PAUSE {
            self.pause_for(
                PauseCause::Failures,
                format!(
                    "{} failures in a row; the last: {reason}",
                    self.consecutive_failures
                ),
                now_ms,
            );
        }
    }

    /// Pauses; trouble or failures replace a member's pause (they say more),
    /// but never each other: the first sign of trouble is the one to read.
    fn pause_for(&mut self, cause: PauseCause, reason: String, now_ms: TimeMs) {
        let replace = match &self.paused {
            None => true,
            Some(p) => p.cause.is_soft() && !cause.is_soft(),
        };
        if replace {
            self.paused = Some(Pause {
                reason,
                at_ms: now_ms,
                cause,
            });
        }
    }

    fn push_log(&mut self, record: LogRecord) {
        self.log.push(record);
        if self.log.len() > MAX_LOG_RECORDS {
            self.trim_log();
        }
    }

    /// Drops the oldest records that are not removals, down to 90% of the
    /// limit, so trimming is rare.
    fn trim_log(&mut self) {
        if self.log.len() <= MAX_LOG_RECORDS {
            return;
        }
        let mut excess = self.log.len() - MAX_LOG_RECORDS * 9 / 10;
        self.log.retain(|r| {
            // Removals and unconfirmed removals stay: the member may need
            // them to reconnect.
            if excess > 0 && !matches!(r.to, Stage::Removed | Stage::Unconfirmed) {
                excess -= 1;
                false
            } else {
                true
            }
        });
    }

    fn find(&self, slug: &str) -> Option<usize> {
        if self.index.0.len() == self.entries.len() {
            self.index.0.get(slug).copied()
        } else {
            // Not validated yet: slower, same answer.
            self.entries.iter().position(|e| e.slug == slug)
        }
    }

    fn ensure_index(&mut self) {
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

fn reason_text(reason: &str) -> String {
    let reason = clean_text(reason, MAX_REASON_CHARS);
    if reason.is_empty() {
        "no reason given".into()
    } else {
        reason
    }
}

/// Whether `slug` can be a decoded `/in/<slug>/` key (not an unmatched
/// export row's synthetic key).
fn is_profile_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.chars().count() <= MAX_SLUG_CHARS
        && !slug.starts_with(UNMATCHED_PREFIX)
        && !slug
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '/')
}

/// `YYYY-MM-DDTHH:MM:SSZ`.
fn iso_utc(ms: TimeMs) -> String {
    let seconds = ms.rem_euclid(DAY_MS) / 1000;
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        CivilDate::from_ms(ms),
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_time_is_utc_to_the_second() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(
            iso_utc(1_795_262_400_000 + 3_723_999),
            "2026-11-21T13:02:03Z"
        );
    }

    #[test]
    fn synthetic_and_malformed_keys_are_not_profile_slugs() {
        assert!(is_profile_slug("ana-example-1a2b"));
        assert!(is_profile_slug("josé"));
        assert!(!is_profile_slug(""));
        assert!(!is_profile_slug("export:ana example"));
        assert!(!is_profile_slug("a/b"));
        assert!(!is_profile_slug("a b"));
        assert!(!is_profile_slug(&"x".repeat(201)));
    }

    #[test]
    fn log_trimming_keeps_every_removal() {
        let mut queue = RemovalQueue::new(1);
        for n in 0..MAX_LOG_RECORDS + 1 {
            queue.log.push(LogRecord {
                slug: format!("p{n}"),
                name: String::new(),
                at_ms: n as i64,
                from: None,
                to: if n % 1000 == 0 {
                    Stage::Removed
                } else {
                    Stage::Pending
                },
                detail: String::new(),
            });
        }
        queue.trim_log();
        assert!(queue.log.len() <= MAX_LOG_RECORDS * 9 / 10 + 101);
        assert_eq!(
            queue.log.iter().filter(|r| r.to == Stage::Removed).count(),
            MAX_LOG_RECORDS / 1000 + 1
        );
    }

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
