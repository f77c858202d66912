//! What the queue holds and answers: an entry and its status, why someone
//! was skipped or refused, pause causes and cool-downs, the next action,
//! a step's reported outcome, and the progress the popup shows.

use super::*;

/// What a queued step does to its person: each kind has its own step on
/// its own page, its own caps inside one daily ceiling, and the same stop
/// at the first sign of trouble.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum ActionKind {
    /// Remove a connection (the connections page). Removing a connection
    /// also ends following both ways.
    #[default]
    Remove,
    /// Withdraw a pending invitation (the sent invitations page). LinkedIn
    /// does not let the member invite that person again for up to three
    /// weeks.
    Withdraw,
    /// Unfollow someone (the following page). A connection stays one.
    Unfollow,
}

impl ActionKind {
    /// Every kind, in the order the pages list them.
    pub const ALL: [Self; 3] = [Self::Remove, Self::Withdraw, Self::Unfollow];

    /// The kind by its id ("remove", "withdraw", "unfollow").
    pub fn from_id(id: &str) -> Option<Self> {
        match id {
            "remove" => Some(Self::Remove),
            "withdraw" => Some(Self::Withdraw),
            "unfollow" => Some(Self::Unfollow),
            _ => None,
        }
    }

    /// Its id.
    pub fn id(self) -> &'static str {
        match self {
            Self::Remove => "remove",
            Self::Withdraw => "withdraw",
            Self::Unfollow => "unfollow",
        }
    }

    /// What its step did, for the log ("removed", "withdrawn", "unfollowed").
    pub fn done_word(self) -> &'static str {
        match self {
            Self::Remove => "removed",
            Self::Withdraw => "withdrawn",
            Self::Unfollow => "unfollowed",
        }
    }

    pub(crate) fn is_remove(&self) -> bool {
        *self == Self::Remove
    }
}

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
    pub(super) fn words(self) -> &'static str {
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
    /// What their step does (an earlier build's entries are removals).
    #[serde(default, skip_serializing_if = "ActionKind::is_remove")]
    pub action: ActionKind,
}

/// Who or what paused the queue: the code the pages switch on (camelCase;
/// a snapshot stored with the older "needs-page" still reads).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PauseCause {
    /// The member pressed pause.
    Member,
    /// The circuit breaker: the page showed something unexpected.
    Trouble,
    /// Failures in a row.
    Failures,
    /// The connections page is not open: opening it resumes the queue.
    #[serde(alias = "needs-page")]
    NeedsPage,
    /// The LinkedIn tab belongs to another account than the network's.
    Account,
}

impl PauseCause {
    /// Pauses the member lifts by acting (pressing resume, opening the page),
    /// which any pause for trouble or failures replaces.
    pub(super) fn is_soft(self) -> bool {
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
    /// The page's own name search (left by the member) shows nobody.
    Searched,
}

impl NotTaken {
    /// The reason by its id ("hidden", "busy", "another-account", "no-list",
    /// "searched").
    pub fn from_id(id: &str) -> Option<Self> {
        match id {
            "hidden" => Some(Self::Hidden),
            "busy" => Some(Self::Busy),
            "another-account" => Some(Self::AnotherAccount),
            "no-list" => Some(Self::NoList),
            "searched" => Some(Self::Searched),
            _ => None,
        }
    }

    /// What a step of `kind` the tab did not take waits for: a page that
    /// shows no list waits for the kind's own page.
    pub(super) fn wait_reason_for(self, kind: ActionKind) -> WaitReason {
        match (self, kind) {
            (Self::NoList, ActionKind::Withdraw) => WaitReason::SentList,
            (Self::NoList, ActionKind::Unfollow) => WaitReason::FollowingList,
            _ => self.wait_reason(),
        }
    }

    pub(super) fn wait_reason(self) -> WaitReason {
        match self {
            Self::Hidden => WaitReason::TabHidden,
            Self::Busy => WaitReason::TabBusy,
            Self::AnotherAccount => WaitReason::AnotherAccount,
            Self::NoList => WaitReason::NoList,
            Self::Searched => WaitReason::SearchHidesList,
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
        /// What the step does (and so which page and step file).
        action: ActionKind,
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
        /// What the lost step did.
        action: ActionKind,
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

/// Why a person was not queued (camelCase codes, as the pages switch on).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
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
    /// The member's LinkedIn is in a language netprune knows no removal
    /// words in, neither its own nor taught ([`crate::removal::language`]).
    Language,
    /// Not a connection (someone invited or followed): nothing to remove.
    NotConnection,
    /// No pending invitation to them on the sent page: nothing to withdraw.
    NoInvitation,
    /// Not on the following page: nothing to unfollow.
    NotFollowed,
    /// Queued already for another kind of step.
    QueuedOtherwise,
}

impl RefuseReason {
    /// The reason in the words the review page shows beside the people
    /// queuing refused ("Refused 2: 2 people on your keep-list: ...").
    pub fn words(self) -> &'static str {
        match self {
            Self::Kept => "on your keep-list",
            Self::Unmatched => "from your export without a profile link",
            Self::Gone => "no longer in your connections",
            Self::Unknown => "not in your network as netprune holds it",
            Self::AlreadyQueued => "already in the removal queue",
            Self::AlreadyRemoved => "already removed",
            Self::BadSlug => "not a profile link netprune can use",
            Self::QueueFull => "the queue is full (30,000 people waiting)",
            Self::Language => "LinkedIn is in a language netprune cannot remove in yet",
            Self::NotConnection => "not one of your connections",
            Self::NoInvitation => "no pending invitation from you",
            Self::NotFollowed => "not someone you follow",
            Self::QueuedOtherwise => "already queued for something else",
        }
    }
}

/// A person not queued, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Refusal {
    /// Who.
    pub slug: String,
    /// Why.
    pub why: RefuseReason,
    /// Why, in the words the review page shows ([`RefuseReason::words`]).
    pub message: &'static str,
}

impl Refusal {
    /// `slug` refused for `why`, with the words for it.
    pub fn new(slug: String, why: RefuseReason) -> Self {
        Self {
            slug,
            why,
            message: why.words(),
        }
    }
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

/// One kind of step in the queue, as the popup shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KindProgress {
    /// Which kind.
    pub kind: ActionKind,
    /// Waiting or in progress.
    pub pending: u32,
    /// Verified done (removed, withdrawn, unfollowed), ever.
    pub done: u32,
    /// Verified done in the last 24 hours.
    pub done_today: u32,
    /// Attempts in the last hour (what its hourly cap counts).
    pub attempts_this_hour: u32,
    /// Attempts in the last 24 hours (what its daily cap counts).
    pub attempts_today: u32,
    /// Its hourly cap in force (null under development pacing).
    pub hourly_cap: Option<u32>,
    /// Its daily cap in force (null under development pacing).
    pub daily_cap: Option<u32>,
}

/// Everything the popup shows of the queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QueueProgress {
    /// "idle", "running" or "paused".
    pub state: QueueState,
    /// Why it is paused.
    pub reason: Option<String>,
    /// Who or what paused it (the same as `pause.cause`).
    pub pause_cause: Option<PauseCause>,
    /// The pause, if paused: its cause for the pages to switch on, and the
    /// sentence to show.
    pub pause: Option<PauseView>,
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
    /// Each kind of step: what waits, what is done, and today's count
    /// against its caps.
    pub kinds: Vec<KindProgress>,
    /// Attempts of every kind in the last 24 hours (what the overall
    /// ceiling counts).
    pub overall_today: u32,
    /// The overall daily ceiling in force (null under development pacing).
    pub overall_daily_cap: Option<u32>,
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

/// A pause as the pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PauseView {
    /// Who or what paused the queue.
    pub cause: PauseCause,
    /// Why, in words.
    pub message: String,
    /// Since when.
    pub at_ms: TimeMs,
}
