// @ts-check
// The shapes the popup draws, as JSDoc types: the core's Summary, collection
// progress and removal queue as the background stores them in storage.local
// (docs/ARCHITECTURE.md). Only types live here; every other popup module
// imports them with `import("./types.js")`. Nothing here runs.

/**
 * @typedef {"thought-leader" | "consultant" | "business-developer" | "early-career"} GoalId
 * @typedef {"connections-page" | "followers-page" | "following-page" | "profile"} CountSource
 * @typedef {{ value: number, precision: "exact" | "approximate" | "at-least", shown: string,
 *   readAtMs: number, source: CountSource }} Count
 * @typedef {{ id: GoalId, label: string, low: number, high: number }} Goal
 * @typedef {{ value: number, approximate: boolean, low: number, high: number,
 *   position: "below" | "within" | "above", followersToBand?: number | null,
 *   connectionsToBand?: number | null }} Ratio `followersToBand`: followers to gain (below);
 *   `connectionsToBand`: connections to remove (below) or add (above); the core's figures,
 *   null or 0 where no such move reaches the band
 * @typedef {{ page: "connections" | "followers" | "following" | "profile",
 *   status: "recognised" | "unrecognised", url: string, generation: string | null,
 *   reason: string | null, atMs: number }} PageReading
 * @typedef {{ atMs: number, value: number, precision: "exact" | "approximate" | "at-least" }}
 *   HistoryPoint
 * @typedef {{ connections: HistoryPoint[], followers: HistoryPoint[] }} History
 * @typedef {{ running: boolean, startedAtMs: number, endedAtMs: number | null, seen: number,
 *   target: number | null, outcome: null | "complete" | "ended" | "stopped" | "interrupted",
 *   reason: string | null, gone: number }} Collect
 * @typedef {{ language: string | null, removal: "known" | "learned" | "unavailable" | "not-read" }}
 *   RemovalLanguage the member's LinkedIn language (the last page's `<html lang>`) and whether
 *   netprune removes in it (the core's `removalLanguage`)
 * @typedef {{ pendingInvitations: number, oldestInvitationDays: number | null,
 *   invitationsOverAMonth: number, followingPeople: number, followingNotConnections: number,
 *   invitationsReadMs: number | null, followingReadMs: number | null,
 *   followersNotConnections?: number | null,
 *   followersNotConnectionsPrecision?: "exact" | "approximate" | "at-most" | "at-least" | null,
 *   followersListed?: number, followersListedNotConnections?: number,
 *   followersListReadMs?: number | null
 *   }} Relations the member's other relations as the core counted the people read on the sent
 *   invitations and following pages (a null read time: that page was never read), and the
 *   followers who are not connections, estimated as followers minus connections (null unless
 *   both figures are known; absent from a Summary cached by an older netprune); the followers
 *   read on the followers page, how many of them are not connections, and when (absent
 *   before the core reads that page person by person)
 * @typedef {{
 *   connections: Count | null, followers: Count | null, following: Count | null,
 *   peopleRead: number, relations?: Relations,
 *   badge: { status: "shows" | "not-yet" | "unknown", connectionsNeeded: number | null },
 *   cap: { limit: number, headroom: number | null, atCap: boolean },
 *   goal: GoalId, goals: Goal[], ratio: Ratio | null,
 *   consistency: { status: "empty" | "consistent" | "partial", problems: string[] },
 *   page: PageReading | null,
 *   corrupt: { keptAs: string, reason: string, atMs: number, kind?: "unreadable" | "newer" } | null,
 *   history?: History, owner?: string | null,
 *   removal?: RemovalLanguage,
 * }} Summary
 * @typedef {"pacing" | "breather" | "hourly-cap" | "daily-cap" | "quiet-hours" | "backoff"
 *   | "step-in-flight" | "tab-hidden" | "tab-busy" | "another-account" | "no-list"
 *   | "search-hides-list" | "sent-list" | "following-list"} WaitReason
 * @typedef {{
 *   state: "idle" | "running" | "paused", reason: string | null, pausedAtMs: number | null,
 *   pause: { cause: PauseCause, message: string, atMs: number } | null,
 *   pauseCause: PauseCause | null,
 *   cooldownUntilMs: number | null, cooldownReason: string | null,
 *   pending: number, inProgress: number, removed: number, failed: number, skipped: number,
 *   cancelled: number, removedToday: number, attemptsThisHour: number, attemptsToday: number,
 *   hourlyCap: number | null, dailyCap: number | null, nextActionAtMs: number | null,
 *   waitingFor: WaitReason | null, etaMs: number | null, dryRunLeft: number, devPacing: boolean,
 *   unconfirmed?: number, checkWaiting?: string | null,
 *   kinds?: KindProgress[], overallToday?: number, overallDailyCap?: number | null,
 * }} QueueProgress the core's QueueProgress, as the background stores it: `pause` says why
 *   it is paused (`reason` and `pauseCause` repeat it)
 * @typedef {"remove" | "withdraw" | "unfollow"} ActionKind a queued step's kind
 * @typedef {{ kind: ActionKind, pending: number, done: number, doneToday: number,
 *   attemptsThisHour: number, attemptsToday: number, hourlyCap: number | null,
 *   dailyCap: number | null }} KindProgress one kind's share of the queue (null caps under
 *   development pacing); `removed` and `removedToday` count removals only
 * @typedef {"needsPage" | "trouble" | "member" | "failures" | "account"} PauseCause the
 *   core's pause cause codes; the popup switches on them, never on the reason's words
 * @typedef {{ cause: PauseCause | "unknown", message: string }} QueuePause why the queue
 *   is paused: `message` is the sentence shown, `cause` what the popup decides on
 * @typedef {{ kind: "pending" | "in-progress" | "removed" | "cancelled" | "failed" | "skipped"
 *   | "unconfirmed", reason?: string, why?: string }} EntryStatus
 * @typedef {{ slug: string, name: string, queuedAtMs: number, status: EntryStatus,
 *   attempts: number, dryRun?: boolean, action?: "withdraw" | "unfollow" }} QueueEntry
 *   `action` absent: a removal
 * @typedef {{ progress: QueueProgress | null, entries: QueueEntry[], needsPage?: boolean,
 *   waitingOn?: string | null }}
 *   QueueStore storage.local.queue, written by the background on every queue change;
 *   `needsPage`: paused only until the connections page is open again (the popup goes by
 *   `progress.pause.cause`); `waitingOn`: what
 *   the background waits for before the next step (the tab to be visible, the account)
 */

export {};
