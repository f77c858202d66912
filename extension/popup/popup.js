// @ts-check
// The toolbar popup. It owns no state: it draws the Summary the background
// last cached in storage.local at once, asks the background for a fresh one
// (docs/ARCHITECTURE.md), draws that into the skeleton in popup.html, and
// asks again whenever the background writes the snapshot. Collection
// progress comes straight from storage.local.collect, and the removal queue
// from storage.local.queue; the queue's controls are messages to the
// background (queue-pause, queue-resume, queue-cancel, queue-cancel-one,
// removal-log), whose effect comes back as a new storage.local.queue. It never parses
// LinkedIn's text and never computes counts, badge or cap itself; the core
// did that. The only arithmetic here is turning the ratio band into "about N
// more followers" phrasing and placing history points on a chart.
//
// Exports: `render(doc, summary, nowMs)` draws one Summary (pure DOM work),
// `renderCollect(doc, collect, nowMs)` draws collection progress,
// `renderQueue(doc, queue, nowMs)` draws the removal queue,
// `renderError(doc, message)` shows the background-unreachable state, and
// `startPopup(doc, extension)` wires messages, storage and controls. The
// bootstrap at the bottom runs `startPopup` only inside the popup's own page.

import { api, sendMessage, BACKGROUND_UNREACHABLE } from "../lib/browser.js";
import { csvParts, localDate, saveFile } from "../lib/download.js";

/**
 * @typedef {"thought-leader" | "consultant" | "business-developer" | "early-career"} GoalId
 * @typedef {"connections-page" | "followers-page" | "following-page" | "profile"} CountSource
 * @typedef {{ value: number, precision: "exact" | "approximate" | "at-least", shown: string,
 *   readAtMs: number, source: CountSource }} Count
 * @typedef {{ id: GoalId, label: string, low: number, high: number }} Goal
 * @typedef {{ value: number, approximate: boolean, low: number, high: number,
 *   position: "below" | "within" | "above" }} Ratio
 * @typedef {{ page: "connections" | "followers" | "following" | "profile",
 *   status: "recognised" | "unrecognised", url: string, generation: string | null,
 *   reason: string | null, atMs: number }} PageReading
 * @typedef {{ atMs: number, value: number, precision: "exact" | "approximate" | "at-least" }}
 *   HistoryPoint
 * @typedef {{ connections: HistoryPoint[], followers: HistoryPoint[] }} History
 * @typedef {{ running: boolean, startedAtMs: number, endedAtMs: number | null, seen: number,
 *   target: number | null, outcome: null | "complete" | "ended" | "stopped" | "interrupted",
 *   reason: string | null, gone: number }} Collect
 * @typedef {{
 *   connections: Count | null, followers: Count | null, following: Count | null,
 *   peopleRead: number,
 *   badge: { status: "shows" | "not-yet" | "unknown", connectionsNeeded: number | null },
 *   cap: { limit: number, headroom: number | null, atCap: boolean },
 *   goal: GoalId, goals: Goal[], ratio: Ratio | null,
 *   consistency: { status: "empty" | "consistent" | "partial", problems: string[] },
 *   page: PageReading | null,
 *   corrupt: { keptAs: string, reason: string, atMs: number, kind?: "unreadable" | "newer" } | null,
 *   history?: History, owner?: string | null,
 * }} Summary
 * @typedef {"pacing" | "breather" | "hourly-cap" | "daily-cap" | "quiet-hours" | "backoff"
 *   | "step-in-flight" | "tab-hidden" | "tab-busy" | "another-account" | "no-list"} WaitReason
 * @typedef {{
 *   state: "idle" | "running" | "paused", reason: string | null, pausedAtMs: number | null,
 *   pauseCause: "needs-page" | "trouble" | "member" | "failures" | "account" | null,
 *   cooldownUntilMs: number | null, cooldownReason: string | null,
 *   pending: number, inProgress: number, removed: number, failed: number, skipped: number,
 *   cancelled: number, removedToday: number, attemptsThisHour: number, attemptsToday: number,
 *   hourlyCap: number | null, dailyCap: number | null, nextActionAtMs: number | null,
 *   waitingFor: WaitReason | null, etaMs: number | null, dryRunLeft: number, devPacing: boolean,
 *   unconfirmed?: number, checkWaiting?: string | null,
 * }} QueueProgress the core's QueueProgress (src/queue.rs), as the background stores it
 * @typedef {{ kind: "pending" | "in-progress" | "removed" | "cancelled" | "failed" | "skipped"
 *   | "unconfirmed", reason?: string, why?: string }} EntryStatus
 * @typedef {{ slug: string, name: string, queuedAtMs: number, status: EntryStatus,
 *   attempts: number, dryRun?: boolean }} QueueEntry
 * @typedef {{ progress: QueueProgress | null, entries: QueueEntry[], needsPage?: boolean,
 *   waitingOn?: string | null }}
 *   QueueStore storage.local.queue, written by the background on every queue change;
 *   `needsPage`: paused only until the connections page is open again; `waitingOn`: what
 *   the background waits for before the next step (the tab to be visible, the account)
 */

/** The member's own pages the content script reads, by figure. */
export const PAGE_URLS = Object.freeze({
  connections: "https://www.linkedin.com/mynetwork/invite-connect/connections/",
  followers: "https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/",
  following: "https://www.linkedin.com/mynetwork/network-manager/people-follow/following/",
});

/** The storage.local keys the background writes that change the Summary. */
const WATCHED_KEYS = ["snapshot", "corruptSnapshots", "corruptNoticeDismissed"];

/** Where the review page lives, relative to the extension's root. */
const REVIEW_PAGE = "review.html";

/** Below this many connections left, the cap line is drawn as a warning. */
const CAP_WARNING_HEADROOM = 1000;

/** Relative times ("5 minutes ago") go stale while the popup stays open. */
const CLOCK_REFRESH_MS = 30_000;

/** The queue's "next in 43 s" counts down while the popup stays open. */
const QUEUE_CLOCK_MS = 1_000;

/** Waiting people listed by name; the rest are counted ("and 120 more"). */
const QUEUE_LIST_LIMIT = 50;

/**
 * What the queue waits for, in words, before "next in …". Plain pacing
 * needs no words.
 *
 * @type {Record<WaitReason, string>}
 */
const WAIT_PHRASES = {
  pacing: "",
  breather: "breather",
  "hourly-cap": "hourly cap reached",
  "daily-cap": "daily cap reached",
  "quiet-hours": "quiet hours",
  backoff: "backing off after a failure",
  "step-in-flight": "waiting for the step under way",
  "tab-hidden": "waiting for the connections tab to be visible",
  "tab-busy": "waiting for the connections tab to be free",
  "another-account": "waiting for your own account's page",
  "no-list": "waiting for the connections list to show",
};

/** @type {Record<CountSource, string>} */
const SOURCE_PHRASES = {
  "connections-page": "your connections page",
  "followers-page": "your followers page",
  "following-page": "your following page",
  profile: "your profile",
};

/** @type {Record<PageReading["page"], string>} */
const PAGE_PHRASES = {
  connections: "your connections page",
  followers: "your followers page",
  following: "your following page",
  profile: "your profile",
};

/**
 * LinkedIn's markups of the connections page (DESIGN.md), in words.
 * @type {Record<string, string>}
 */
const DESIGN_PHRASES = {
  artdeco: "LinkedIn's classic design",
  "react-2025": "LinkedIn's 2025 design",
  "sdui-2026": "LinkedIn's 2026 design",
};

/** @type {Record<"connections" | "followers" | "following", string>} */
const FIGURE_SELECTORS = {
  connections: '[data-figure="connections"]',
  followers: '[data-figure="followers"]',
  following: '[data-figure="following"]',
};

// ---------------------------------------------------------------------------
// Rendering: Summary -> DOM. No messages, no storage, no timers.

/**
 * Draws one Summary into the popup skeleton. Updates elements in place
 * rather than rebuilding them, so a live update does not steal focus from the
 * goal select or a button the member is on.
 *
 * @param {Document} doc the popup document (popup.html)
 * @param {Summary} summary
 * @param {number} [nowMs] the time relative times are measured from
 */
export function render(doc, summary, nowMs = Date.now()) {
  const text = formatters(doc);
  show(byId(doc, "loading-state"), false);
  show(byId(doc, "summary-view"), true);

  renderCorruptNotice(doc, summary);
  show(byTestId(doc, "empty-state"), isEmpty(summary));
  for (const figure of /** @type {const} */ (["connections", "followers", "following"])) {
    renderFigure(doc, figure, summary[figure], text, nowMs);
  }
  renderConsistency(doc, summary);
  renderBadge(doc, summary, text);
  renderCap(doc, summary, text);
  renderGoals(doc, summary, text);
  renderRatio(doc, summary, text);
  renderHistory(doc, summary.history, text, nowMs);
  renderPageStatus(doc, summary);
  renderOwner(doc, summary);
  byId(doc, "review-lead").textContent = isEmpty(summary)
    ? "Or import LinkedIn's export of your connections on the review page."
    : "See everyone in one list, filter them, and choose who to keep.";
}

/**
 * Shows that the background could not answer. A popup with no Summary yet
 * shows only this; one that already has a Summary keeps it visible below.
 *
 * @param {Document} doc
 * @param {string} message a sentence a member can read
 */
export function renderError(doc, message) {
  byId(doc, "error-message").textContent = message || BACKGROUND_UNREACHABLE;
  show(byId(doc, "error-state"), true);
  show(byId(doc, "loading-state"), false);
}

/** @param {Document} doc */
function hideError(doc) {
  show(byId(doc, "error-state"), false);
}

/**
 * Nothing has been read from any page yet: the member has not visited one
 * since installing, so the popup explains where the numbers come from.
 *
 * @param {Summary} summary
 */
function isEmpty(summary) {
  return (
    summary.consistency?.status === "empty" &&
    !summary.connections &&
    !summary.followers &&
    !summary.following &&
    !summary.peopleRead
  );
}

/**
 * @param {Document} doc
 * @param {Summary} summary
 */
function renderCorruptNotice(doc, summary) {
  const notice = byTestId(doc, "corrupt-notice");
  const corrupt = summary.corrupt;
  show(notice, Boolean(corrupt));
  byId(doc, "corrupt-message").textContent = !corrupt
    ? ""
    : corrupt.kind === "newer"
      ? `Your saved network data was made by a newer netprune (${trimSentence(corrupt.reason)}). ` +
        "It was kept aside, never overwritten: download it, or update netprune to open it."
      : `Your saved network data could not be read (${trimSentence(corrupt.reason)}). ` +
        "It was kept aside, not deleted.";
}

/**
 * One of the three figures. The data-testid element holds only the digits an
 * acceptance test parses; what kind of number it is (about, at least) sits
 * next to it so the digits are never mixed with words.
 *
 * @param {Document} doc
 * @param {"connections" | "followers" | "following"} figure
 * @param {Count | null} count
 * @param {Formatters} text
 * @param {number} nowMs
 */
function renderFigure(doc, figure, count, text, nowMs) {
  const item = query(doc, FIGURE_SELECTORS[figure]);
  const number = query(item, "[data-testid]");
  const marker = query(item, '[data-part="marker"]');
  const note = query(item, '[data-part="note"]');
  const meta = query(item, '[data-part="meta"]');
  const hint = query(item, '[data-part="hint"]');
  const hintText = query(item, '[data-part="hint-text"]');

  // "500+" is a floor, not a figure: writing 500 in the count would be a
  // wrong number, so the count stays empty and the note says what is known.
  const atLeast = count?.precision === "at-least";
  number.textContent = count && !atLeast ? text.number.format(count.value) : "";

  marker.textContent = count?.precision === "approximate" ? "about" : "";
  show(marker, count?.precision === "approximate");

  if (count && atLeast) {
    note.textContent = `${count.shown} (from ${SOURCE_PHRASES[count.source] ?? "LinkedIn"})`;
  } else if (count?.precision === "approximate") {
    note.textContent = `(LinkedIn shows ${count.shown})`;
  } else {
    note.textContent = "";
  }
  show(note, note.textContent !== "");
  note.classList.toggle("is-floor", atLeast);

  meta.textContent = count
    ? `read ${relativeTime(text, count.readAtMs, nowMs)} from ${SOURCE_PHRASES[count.source] ?? "LinkedIn"}`
    : "";
  show(meta, Boolean(count));

  if (!count) {
    hintText.textContent = "Not read yet.";
  } else if (atLeast) {
    hintText.textContent = "For the exact count:";
  }
  show(hint, !count || atLeast);
}

/**
 * @param {Document} doc
 * @param {Summary} summary
 */
function renderConsistency(doc, summary) {
  const warning = byTestId(doc, "consistency-warning");
  const partial = summary.consistency?.status === "partial";
  show(warning, partial);
  const list = byId(doc, "consistency-problems");
  const problems = partial ? (summary.consistency.problems ?? []) : [];
  list.replaceChildren(
    ...problems.map((problem) => {
      const item = doc.createElement("li");
      item.textContent = problem;
      return item;
    }),
  );
  show(list, problems.length > 0);
}

/**
 * @param {Document} doc
 * @param {Summary} summary
 * @param {Formatters} text
 */
function renderBadge(doc, summary, text) {
  const badge = summary.badge;
  let sentence = "Badge status unknown until your connections are read";
  if (badge?.status === "shows") {
    sentence = "500+ badge shows";
  } else if (badge?.status === "not-yet") {
    const needed = badge.connectionsNeeded;
    sentence =
      typeof needed === "number"
        ? `500+ badge not yet: ${text.number.format(needed)} more ${plural(needed, "connection", "connections")}`
        : "500+ badge not yet";
  }
  byTestId(doc, "badge-status").textContent = sentence;
}

/**
 * @param {Document} doc
 * @param {Summary} summary
 * @param {Formatters} text
 */
function renderCap(doc, summary, text) {
  const cap = summary.cap;
  const limit = text.number.format(cap?.limit ?? 30000);
  const headroom = typeof cap?.headroom === "number" ? cap.headroom : null;
  const atCap = Boolean(cap?.atCap) || (headroom !== null && headroom <= 0);
  const nearCap = !atCap && headroom !== null && headroom < CAP_WARNING_HEADROOM;

  byTestId(doc, "cap-headroom").textContent =
    headroom === null ? "" : text.number.format(Math.max(0, headroom));
  byId(doc, "cap-label").textContent =
    headroom === null
      ? `Room left before the ${limit} cap is unknown until your connections page gives the exact count.`
      : `left before the ${limit} cap`;

  const note = byId(doc, "cap-note");
  if (atCap) {
    note.textContent = "At the cap, no new connection can be made; people can still follow you.";
  } else if (nearCap) {
    note.textContent = `Close to the cap: fewer than ${text.number.format(CAP_WARNING_HEADROOM)} new connections can still be made.`;
  } else {
    note.textContent = "";
  }
  show(note, atCap || nearCap);
  byId(doc, "cap").classList.toggle("is-warning", atCap || nearCap);
}

/**
 * Fills the goal select. Options are rebuilt only when the goals change, so
 * an open or focused select is not disturbed by a live update.
 *
 * @param {Document} doc
 * @param {Summary} summary
 * @param {Formatters} text
 */
function renderGoals(doc, summary, text) {
  const select = /** @type {HTMLSelectElement} */ (byTestId(doc, "goal-select"));
  const goals = Array.isArray(summary.goals) ? summary.goals : [];
  const labels = goals.map((goal) => `${goal.label} (${band(text, goal.low, goal.high)})`);
  const signature = JSON.stringify(goals.map((goal, index) => [goal.id, labels[index]]));
  if (select.dataset.goals !== signature) {
    select.replaceChildren(
      ...goals.map((goal, index) => {
        const option = doc.createElement("option");
        option.value = goal.id;
        option.textContent = labels[index];
        return option;
      }),
    );
    select.dataset.goals = signature;
  }
  select.value = summary.goal;
  select.disabled = goals.length === 0;
}

/**
 * The ratio and where it stands against the chosen band, phrased as what
 * would move it, never as a judgement of the member's network.
 *
 * @param {Document} doc
 * @param {Summary} summary
 * @param {Formatters} text
 */
function renderRatio(doc, summary, text) {
  const container = byTestId(doc, "ratio");
  const note = byId(doc, "ratio-note");
  const ratio = summary.ratio;

  if (!ratio) {
    // Hidden and emptied, so nothing that looks like a ratio is left on
    // screen; the note beside it says why there is none.
    show(container, false);
    byId(doc, "ratio-value").textContent = "";
    byId(doc, "ratio-position").textContent = "";
    note.textContent = missingRatioReason(summary);
    show(note, true);
    return;
  }

  show(container, true);
  show(note, false);
  note.textContent = "";
  byId(doc, "ratio-value").textContent =
    `${ratio.approximate ? "≈ " : ""}${text.ratio.format(ratio.value)} : 1`;
  byId(doc, "ratio-position").textContent = ratioPosition(summary, ratio, text);

  // The bar's scale leaves room past the band's top; a ratio far above it
  // pins the marker to the end rather than shrinking the band to a sliver.
  const scaleMax = Math.max(ratio.high * 1.5, Math.min(ratio.value * 1.1, ratio.high * 3));
  const percent = (/** @type {number} */ x) =>
    `${Math.min(100, Math.max(0, (x / scaleMax) * 100))}%`;
  const bandEl = byId(doc, "ratio-band");
  bandEl.style.left = percent(ratio.low);
  bandEl.style.width = `calc(${percent(ratio.high)} - ${percent(ratio.low)})`;
  const marker = byId(doc, "ratio-marker");
  marker.style.left = percent(ratio.value);
  container.dataset.position = ratio.position;
}

/**
 * @param {Summary} summary
 * @param {Ratio} ratio
 * @param {Formatters} text
 */
function ratioPosition(summary, ratio, text) {
  const bandText = band(text, ratio.low, ratio.high);
  if (ratio.position === "within") return `within your band (${bandText})`;

  // A "500+" floor is not a count to do arithmetic on: "about 1,200 more
  // connections" from 500 would be invented, so the levers are left out.
  const exactEnough = (/** @type {Count | null} */ c) =>
    c && c.precision !== "at-least" ? c.value : null;
  const followers = exactEnough(summary.followers);
  const connections = exactEnough(summary.connections);
  const known = typeof followers === "number" && typeof connections === "number";

  if (ratio.position === "below") {
    if (!known) return `below your band (${bandText})`;
    // Either raise followers to low x connections, or bring connections down
    // to followers / low. Nudge for float error so 1.5 x 1000 stays 1500.
    const moreFollowers = Math.max(1, Math.ceil(ratio.low * connections - followers - 1e-9));
    const fewerConnections = Math.max(1, connections - Math.floor(followers / ratio.low + 1e-9));
    return (
      `below your band (${bandText}): about ${text.number.format(moreFollowers)} more ` +
      `${plural(moreFollowers, "follower", "followers")} or ${text.number.format(fewerConnections)} ` +
      `fewer ${plural(fewerConnections, "connection", "connections")} would reach ` +
      `${text.band.format(ratio.low)}:1`
    );
  }

  if (!known) return `above your band (${bandText})`;
  // Above the band the lever that fits is more connections: followers / high.
  const moreConnections = Math.max(1, Math.ceil(followers / ratio.high - connections - 1e-9));
  return (
    `above your band (${bandText}): about ${text.number.format(moreConnections)} more ` +
    `${plural(moreConnections, "connection", "connections")} would bring it to ` +
    `${text.band.format(ratio.high)}:1`
  );
}

/** @param {Summary} summary */
function missingRatioReason(summary) {
  if (summary.consistency?.status === "partial") {
    return "The ratio is not shown while the readings above do not add up.";
  }
  if (!summary.followers || !summary.connections) {
    return "The ratio appears once both your followers and your connections are read.";
  }
  if (summary.connections.value === 0) {
    return "The ratio appears once you have at least one connection.";
  }
  return "The ratio is not available for these readings.";
}

/**
 * @param {Document} doc
 * @param {Summary} summary
 */
function renderPageStatus(doc, summary) {
  const status = byTestId(doc, "page-status");
  const page = summary.page;
  status.classList.toggle("is-warning", page?.status === "unrecognised");
  if (!page) {
    status.textContent = "No LinkedIn page read yet.";
    return;
  }
  if (page.status === "unrecognised") {
    // A clear "read nothing", never a half-read count.
    status.textContent = page.reason
      ? `Page not recognised: ${trimSentence(page.reason)}. netprune read nothing from it.`
      : "Page not recognised. netprune read nothing from it.";
    return;
  }
  let sentence = `Read ${PAGE_PHRASES[page.page] ?? "a LinkedIn page"}`;
  // The layout id stays, verbatim and in its own brackets: it is what a bug
  // report needs, and the end-to-end tests look for "(<id> layout)".
  if (page.generation) {
    const design = DESIGN_PHRASES[page.generation];
    sentence += `${design ? ` in ${design}` : ""} (${page.generation} layout)`;
  }
  if (page.page === "connections") {
    const people = summary.peopleRead ?? 0;
    sentence += `, ${formatters(doc).number.format(people)} ${plural(people, "person", "people")} so far`;
  }
  status.textContent = sentence;
}

/**
 * Whose network this is: the LinkedIn member whose own-profile link the
 * pages showed (the background keeps one network per account).
 *
 * @param {Document} doc
 * @param {Summary} summary
 */
function renderOwner(doc, summary) {
  const owner = typeof summary.owner === "string" && summary.owner ? summary.owner : null;
  byTestId(doc, "network-owner").textContent = owner
    ? `Network of linkedin.com/in/${owner}`
    : "Account not identified yet: it shows once a LinkedIn page names your profile.";
}

/**
 * Collection progress, from storage.local.collect (the `Collect` type). The
 * digits are the core's; this only phrases them. Hidden when there has never
 * been a run.
 *
 * @param {Document} doc
 * @param {Collect | null | undefined} collect
 * @param {number} [nowMs] decides whether a date needs its year
 */
export function renderCollect(doc, collect, nowMs = Date.now()) {
  const box = byTestId(doc, "collect-status");
  const line = byId(doc, "collect-text");
  const bar = /** @type {HTMLProgressElement} */ (byId(doc, "collect-progress"));
  const goneLine = byId(doc, "collect-gone");
  const present = Boolean(collect) && typeof collect === "object";
  show(box, present);
  if (!collect || !present) {
    line.textContent = "";
    goneLine.textContent = "";
    show(bar, false);
    show(goneLine, false);
    return;
  }

  const text = formatters(doc);
  const seen = Math.max(0, Number(collect.seen) || 0);
  const target = typeof collect.target === "number" ? collect.target : null;
  const tally =
    target === null
      ? `${text.number.format(seen)} ${plural(seen, "person", "people")}`
      : `${text.number.format(seen)} of ${text.number.format(target)}`;
  const reason = collect.reason ? `: ${trimSentence(collect.reason)}` : "";

  if (collect.running) {
    line.textContent = target === null ? `Collecting: ${tally} so far` : `Collecting: ${tally}`;
  } else if (collect.outcome === "complete") {
    const date = shortDate(text, collect.endedAtMs ?? collect.startedAtMs, nowMs);
    line.textContent = `Collected ${tally} on ${date}`;
  } else if (collect.outcome === "ended") {
    line.textContent = `Ended short at ${tally}${reason}`;
  } else if (collect.outcome === "stopped") {
    line.textContent = `Stopped at ${tally}${reason}`;
  } else if (collect.outcome === "interrupted") {
    line.textContent = `Interrupted at ${tally}${reason}`;
  } else {
    line.textContent = `Last collection read ${tally}`;
  }

  show(bar, Boolean(collect.running));
  if (target !== null && target > 0) {
    bar.max = target;
    bar.value = Math.min(seen, target);
  } else {
    // No stated total yet: an indeterminate bar rather than a made-up share.
    bar.removeAttribute("value");
  }

  // Only a complete run proves absence (docs/ARCHITECTURE.md); after a run
  // that ended short the count belongs to an older run and is not repeated.
  const gone = Math.max(0, Number(collect.gone) || 0);
  const showGone = !collect.running && collect.outcome === "complete" && gone > 0;
  goneLine.textContent = showGone
    ? `${text.number.format(gone)} ${
        gone === 1 ? "person is no longer your connection" : "people are no longer your connections"
      }`
    : "";
  show(goneLine, showGone);
}

/**
 * The removal queue, from storage.local.queue (`{ progress, entries }`). The
 * figures are the core's; this only phrases them. Updates in place, and when
 * the control that had focus disappears (Pause becomes Resume, a cancelled
 * person leaves the list) focus moves to the nearest sensible control rather
 * than falling to the page.
 *
 * @param {Document} doc
 * @param {QueueStore | null | undefined} queue
 * @param {number} [nowMs] the time "next in …" and "… left" are measured from
 */
export function renderQueue(doc, queue, nowMs = Date.now()) {
  const section = /** @type {HTMLElement} */ (byId(doc, "queue-heading").parentElement);
  const focused = doc.activeElement;
  const focusedHere =
    focused !== null && focused !== doc.body && section.contains(focused) && "focus" in focused;
  const focusedEntry = focusedHere
    ? /** @type {HTMLElement | null} */ (focused.closest('[data-testid="queue-entry"]'))
    : null;
  const focusedPosition = focusedEntry
    ? [...byId(doc, "queue-list").children].indexOf(focusedEntry)
    : -1;

  drawQueue(doc, queue, nowMs);

  if (focusedHere && !isVisibleIn(/** @type {HTMLElement} */ (focused), section)) {
    const pause = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-pause"));
    const resume = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-resume"));
    const openPage = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-open-page"));
    const buttons = [
      ...byId(doc, "queue-list").querySelectorAll('[data-testid="queue-cancel-one"]'),
    ].filter((button) => !(/** @type {HTMLButtonElement} */ (button).disabled));
    /** @type {HTMLElement | undefined} */
    let target;
    if (focusedPosition >= 0 && buttons.length) {
      target = /** @type {HTMLElement} */ (buttons[Math.min(focusedPosition, buttons.length - 1)]);
    } else if (focused === pause && !resume.hidden) target = resume;
    else if (focused === pause && !openPage.hidden) target = openPage;
    else if (focused === resume && !pause.hidden) target = pause;
    (target ?? byId(doc, "queue-heading")).focus();
  }
}

/**
 * @param {Document} doc
 * @param {QueueStore | null | undefined} queue
 * @param {number} nowMs
 */
function drawQueue(doc, queue, nowMs) {
  const text = formatters(doc);
  const progress =
    queue && typeof queue === "object" && queue.progress && typeof queue.progress === "object"
      ? queue.progress
      : null;
  const entries = (Array.isArray(queue?.entries) ? queue.entries : []).filter(
    (entry) => entry && typeof entry.slug === "string" && entry.status,
  );
  const count = (/** @type {unknown} */ n) => Math.max(0, Number(n) || 0);
  const pending = count(progress?.pending);
  const inProgress = count(progress?.inProgress);
  const removed = count(progress?.removed);
  const others = {
    failed: count(progress?.failed),
    skipped: count(progress?.skipped),
    cancelled: count(progress?.cancelled),
    unconfirmed: count(progress?.unconfirmed),
  };
  const everQueued =
    pending +
      inProgress +
      removed +
      others.failed +
      others.skipped +
      others.cancelled +
      others.unconfirmed >
      0 || entries.length > 0;

  const stateLine = byTestId(doc, "queue-state");
  byTestId(doc, "queue-count").textContent = text.number.format(pending + inProgress);
  byTestId(doc, "removed-count").textContent = text.number.format(removed);
  show(byId(doc, "queue-view"), Boolean(progress) && everQueued);
  if (!progress || !everQueued) {
    stateLine.dataset.state = "idle";
    stateLine.classList.remove("is-warning");
    show(byId(doc, "queue-dry-run"), false);
    show(byTestId(doc, "queue-cooldown"), false);
    stateLine.textContent =
      "Queue idle: nobody is queued for removal. Choose people on the review page, then " +
      "press “Remove selected…”.";
    showCancelConfirm(doc, false);
    byId(doc, "queue-list").replaceChildren();
    return;
  }

  const state =
    progress.state === "running" || progress.state === "paused" ? progress.state : "idle";
  stateLine.dataset.state = state;
  const reason = trimSentence(progress.reason ?? "");
  stateLine.textContent =
    state === "paused"
      ? reason
        ? `Queue paused: ${reason}.`
        : "Queue paused."
      : state === "running"
        ? `Queue running: one person at a time, at ${progress.devPacing ? "development" : "a human"} pace.`
        : "Queue idle: nobody is waiting.";
  stateLine.classList.toggle("is-warning", state === "paused");
  const dryRunLeft = count(progress.dryRunLeft);
  const dryRunNote = byId(doc, "queue-dry-run");
  dryRunNote.textContent =
    dryRunLeft === pending + inProgress
      ? "Dry run: nobody waiting is actually removed."
      : `Dry run for ${text.number.format(dryRunLeft)} of the people waiting (marked “dry run”): ` +
        "they are not actually removed.";
  show(dryRunNote, dryRunLeft > 0);
  renderCooldown(doc, progress, nowMs);

  byId(doc, "queue-count-words").textContent = "still to remove";
  byTestId(doc, "removed-today").textContent =
    typeof progress.dailyCap === "number"
      ? `${text.number.format(count(progress.removedToday))} of ${text.number.format(progress.dailyCap)} today`
      : `${text.number.format(count(progress.removedToday))} today`;

  const inProgressEntry = entries.find((entry) => entry.status.kind === "in-progress");
  // What the background waits for before the next step (the connections tab
  // to be visible, the account it is signed in to) says more than a countdown.
  const waitingOn = state === "running" && typeof queue?.waitingOn === "string" && queue.waitingOn;
  byTestId(doc, "queue-next").textContent =
    waitingOn || nextAction(text, state, progress, inProgressEntry, nowMs);
  const eta = byTestId(doc, "queue-eta");
  const left =
    state !== "idle" && typeof progress.etaMs === "number" ? timeLeft(progress.etaMs - nowMs) : "";
  eta.textContent = left && state === "paused" ? `${left} once resumed` : left;
  show(eta, left !== "");

  const otherWords = [
    others.failed ? `${text.number.format(others.failed)} failed` : "",
    others.skipped ? `${text.number.format(others.skipped)} set aside` : "",
    others.cancelled ? `${text.number.format(others.cancelled)} cancelled` : "",
    others.unconfirmed
      ? `${text.number.format(others.unconfirmed)} without proof of removal (listed below: check your connections page)`
      : "",
  ].filter(Boolean);
  const otherLine = byId(doc, "queue-other");
  otherLine.textContent = otherWords.length ? `Also ${otherWords.join(", ")}.` : "";
  show(otherLine, otherWords.length > 0);

  // Paused for want of the connections page: the way on is to open it (the
  // queue then resumes by itself); Resume alone would only pause again.
  const needsPage =
    state === "paused" && (queue?.needsPage === true || progress.pauseCause === "needs-page");
  show(byTestId(doc, "queue-open-page"), needsPage);
  show(byTestId(doc, "queue-pause"), state === "running");
  show(byTestId(doc, "queue-resume"), state === "paused" && !needsPage);
  show(byTestId(doc, "queue-cancel"), pending > 0);
  if (pending === 0) showCancelConfirm(doc, false);
  byId(doc, "queue-cancel-question").textContent =
    `Cancel the ${text.number.format(pending)} ${plural(pending, "person", "people")} still ` +
    `waiting? Nobody already removed comes back${inProgress ? ", and the removal under way finishes first" : ""}.`;

  renderQueueList(doc, entries, text, progress.checkWaiting ?? null);
}

/**
 * The cool-down after a LinkedIn warning: until when and why, and the
 * acknowledgement without which Resume stays disabled.
 *
 * @param {Document} doc
 * @param {QueueProgress} progress
 * @param {number} nowMs
 */
function renderCooldown(doc, progress, nowMs) {
  const box = byTestId(doc, "queue-cooldown");
  const until = progress.cooldownUntilMs;
  const cooling = typeof until === "number" && until > nowMs;
  const ack = /** @type {HTMLInputElement} */ (byTestId(doc, "queue-cooldown-ack"));
  if (!cooling) ack.checked = false;
  show(box, cooling);
  byId(doc, "queue-cooldown-text").textContent = cooling
    ? `LinkedIn showed a warning (${trimSentence(progress.cooldownReason ?? "no reason given")}). ` +
      `To let your account cool down, resuming is locked until ` +
      `${new Date(until).toLocaleString()} (in ${countdown(until - nowMs)}).`
    : "";
  const resume = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-resume"));
  resume.disabled = cooling && !ack.checked;
}

/**
 * "next in 43 s", "breather: next in 6 min", or what the queue is doing.
 *
 * @param {Formatters} text
 * @param {"idle" | "running" | "paused"} state
 * @param {QueueProgress} progress
 * @param {QueueEntry | undefined} inProgress
 * @param {number} nowMs
 */
function nextAction(text, state, progress, inProgress, nowMs) {
  if (state === "paused") return "Nothing happens until you resume.";
  if (state === "idle") return "Nothing left to do.";
  const at = progress.nextActionAtMs;
  if (typeof at !== "number" || at <= nowMs || progress.waitingFor === "step-in-flight") {
    if (inProgress) {
      const who = inProgress.name?.trim() || "one person";
      return inProgress.dryRun ? `dry run on ${who} now` : `removing ${who} now`;
    }
    return "next any moment";
  }
  const why = progress.waitingFor ? (WAIT_PHRASES[progress.waitingFor] ?? "") : "";
  const next = `next in ${countdown(at - nowMs)}`;
  return why ? `${why}: ${next}` : next;
}

/**
 * A wait to the second while short: "43 s", "6 min", "2 h 5 min".
 *
 * @param {number} ms
 */
function countdown(ms) {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/**
 * A rough time left: "about 3 h left", never more precise than the estimate.
 *
 * @param {number} ms
 */
function timeLeft(ms) {
  if (!Number.isFinite(ms)) return "";
  const minutes = ms / 60_000;
  if (minutes < 1) return "less than a minute left";
  if (minutes < 60) return `about ${Math.round(minutes)} min left`;
  const hours = minutes / 60;
  if (hours < 48) return `about ${Math.round(hours)} h left`;
  return `about ${Math.round(hours / 24)} days left`;
}

/**
 * The people still waiting: the one being removed first, then the queue's
 * order. Rows are kept by slug, so a button that stays keeps its focus.
 *
 * @param {Document} doc
 * People netprune pressed Remove connection for without proof either way
 * follow, so the member can look for them.
 *
 * @param {QueueEntry[]} entries
 * @param {Formatters} text
 * @param {string | null} checkWaiting whose check waits (it can be cancelled)
 */
function renderQueueList(doc, entries, text, checkWaiting) {
  const list = byId(doc, "queue-list");
  const waiting = [
    ...entries.filter((entry) => entry.status.kind === "in-progress"),
    ...entries.filter((entry) => entry.status.kind === "pending"),
  ];
  const unconfirmed = entries
    .filter((entry) => entry.status.kind === "unconfirmed")
    .slice(0, QUEUE_LIST_LIMIT);
  const shown = [...waiting.slice(0, QUEUE_LIST_LIMIT), ...unconfirmed];
  show(byId(doc, "queue-waiting"), waiting.length > 0);
  const more = byId(doc, "queue-more");
  const hidden = waiting.length - shown.length;
  more.textContent = hidden > 0 ? `and ${text.number.format(hidden)} more waiting` : "";
  show(more, hidden > 0);

  /** @type {Map<string, HTMLElement>} */
  const existing = new Map();
  for (const child of list.children) {
    existing.set(
      /** @type {HTMLElement} */ (child).dataset.slug ?? "",
      /** @type {HTMLElement} */ (child),
    );
  }
  const items = shown.map((entry) => {
    const item = existing.get(entry.slug) ?? createQueueEntry(doc);
    fillQueueEntry(item, entry, entry.slug === checkWaiting);
    return item;
  });
  const keep = new Set(items);
  for (const child of [...list.children])
    if (!keep.has(/** @type {HTMLElement} */ (child))) child.remove();
  // Remove first, then insert only what moved: an entry that stays is never
  // detached, so its focused button keeps focus.
  items.forEach((item, i) => {
    const at = list.children[i] ?? null;
    if (at !== item) list.insertBefore(item, at);
  });
}

/** @param {Document} doc */
function createQueueEntry(doc) {
  const item = doc.createElement("li");
  item.className = "queue-entry";
  item.setAttribute("data-testid", "queue-entry");
  const name = doc.createElement("span");
  name.className = "queue-name";
  name.dir = "auto";
  const note = doc.createElement("span");
  note.className = "queue-note";
  // A dry-run entry says so: its step stops at the confirm button.
  const badge = doc.createElement("span");
  badge.className = "queue-badge";
  badge.setAttribute("data-testid", "queue-entry-dry-run");
  const cancel = doc.createElement("button");
  cancel.type = "button";
  cancel.className = "button button-small";
  cancel.setAttribute("data-testid", "queue-cancel-one");
  // The name is part of the button's text (hidden visually), so each of
  // many "Cancel" buttons says whom it cancels.
  const whom = doc.createElement("span");
  whom.className = "visually-hidden";
  cancel.append("Cancel", whom);
  // Spaces between the parts, so they read as words and not "Bob Buildercancel".
  item.append(name, " ", badge, " ", note, " ", cancel);
  return item;
}

/**
 * @param {HTMLElement} item
 * @param {QueueEntry} entry
 * @param {boolean} checkWaits its check waits its turn: nothing is out on the page
 */
function fillQueueEntry(item, entry, checkWaits) {
  const name = entry.name?.trim() ? entry.name : entry.slug;
  const unconfirmed = entry.status.kind === "unconfirmed";
  const underWay = entry.status.kind === "in-progress" && !checkWaits;
  item.dataset.slug = entry.slug;
  item.dataset.status = entry.status.kind;
  item.dataset.dryRun = entry.dryRun ? "true" : "false";
  query(item, ".queue-name").textContent = name;
  const note = query(item, ".queue-note");
  note.textContent = unconfirmed
    ? "netprune pressed Remove connection but LinkedIn’s page gave no proof; check your connections page"
    : checkWaits
      ? "waiting to check the list again"
      : underWay
        ? entry.dryRun
          ? "dry run now"
          : "being removed now"
        : "";
  show(note, underWay || checkWaits || unconfirmed);
  const badge = query(item, ".queue-badge");
  badge.textContent = entry.dryRun ? "dry run" : "";
  show(badge, Boolean(entry.dryRun));
  const cancel = /** @type {HTMLButtonElement} */ (query(item, '[data-testid="queue-cancel-one"]'));
  cancel.dataset.slug = entry.slug;
  // A step under way cannot be stopped halfway; its outcome is recorded. A
  // check waiting its turn can (the log says a removal may have happened).
  cancel.disabled = underWay;
  show(cancel, !unconfirmed);
  query(cancel, ".visually-hidden").textContent = underWay
    ? ` (not possible: ${name} is being removed now)`
    : checkWaits
      ? ` checking ${name}`
      : ` removing ${name}`;
}

/**
 * @param {Document} doc
 * @param {boolean} visible
 */
function showCancelConfirm(doc, visible) {
  show(byId(doc, "queue-cancel-confirm"), visible);
  byTestId(doc, "queue-cancel").setAttribute("aria-expanded", String(visible));
}

/**
 * Whether `element` is shown: connected, and neither it nor an ancestor up
 * to `root` is hidden or disabled.
 *
 * @param {HTMLElement} element
 * @param {HTMLElement} root
 */
function isVisibleIn(element, root) {
  if (!element.isConnected || !root.contains(element)) return false;
  if (/** @type {HTMLButtonElement} */ (element).disabled) return false;
  for (
    let node = /** @type {HTMLElement | null} */ (element);
    node && node !== root;
    node = node.parentElement
  ) {
    if (node.hidden) return false;
  }
  return true;
}

/** The chart's drawing box, in SVG user units (it scales to the popup's width). */
const CHART = Object.freeze({ width: 320, height: 132, left: 48, right: 8, top: 8, bottom: 22 });
const SVG_NS = "http://www.w3.org/2000/svg";
/** @type {readonly ("connections" | "followers")[]} */
const SERIES = Object.freeze(["connections", "followers"]);

/**
 * Connections and followers over time as a small line chart, or a one-line
 * hint while there is no line to draw. Approximate and "at least" readings
 * are hollow points, so a "3.4K" or a "500+" never passes for an exact count.
 *
 * @param {Document} doc
 * @param {History | undefined} history
 * @param {Formatters} text
 * @param {number} nowMs
 */
function renderHistory(doc, history, text, nowMs) {
  const figure = byTestId(doc, "history-chart");
  const hint = byTestId(doc, "history-hint");
  const series = {
    connections: chartablePoints(history?.connections),
    followers: chartablePoints(history?.followers),
  };
  // A line needs two readings at different times, for each figure.
  const drawable = SERIES.every((name) => new Set(series[name].map((p) => p.atMs)).size >= 2);
  figure.querySelector("svg")?.remove();
  show(figure, drawable);
  show(hint, !drawable);
  if (!drawable) return;

  figure.prepend(drawChart(doc, series, text, nowMs));
  const hollow = SERIES.some((name) => series[name].some((p) => p.precision !== "exact"));
  show(byId(doc, "legend-hollow"), hollow);
}

/**
 * The points worth drawing, oldest first: anything without a finite time and
 * value (an older cached Summary, a damaged one) is left out.
 *
 * @param {unknown} points
 * @returns {HistoryPoint[]}
 */
function chartablePoints(points) {
  if (!Array.isArray(points)) return [];
  return points
    .filter((p) => p && Number.isFinite(p.atMs) && Number.isFinite(p.value))
    .sort((a, b) => a.atMs - b.atMs);
}

/**
 * @param {Document} doc
 * @param {Record<"connections" | "followers", HistoryPoint[]>} series each with two times or more
 * @param {Formatters} text
 * @param {number} nowMs
 * @returns {SVGSVGElement}
 */
function drawChart(doc, series, text, nowMs) {
  const all = [...series.connections, ...series.followers];
  const firstMs = Math.min(...all.map((p) => p.atMs));
  const lastMs = Math.max(...all.map((p) => p.atMs));
  const low = Math.min(...all.map((p) => p.value));
  const high = Math.max(...all.map((p) => p.value));
  // One shared scale: followers >= connections is part of what the chart
  // shows. A margin above and below keeps points off the frame.
  const margin = high > low ? (high - low) * 0.1 : Math.max(1, high * 0.05);
  const bottom = Math.max(0, low - margin);
  const top = high + margin;

  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const baseline = CHART.top + plotHeight;
  const x = (/** @type {number} */ ms) =>
    round1(CHART.left + ((ms - firstMs) / (lastMs - firstMs)) * plotWidth);
  const y = (/** @type {number} */ value) =>
    round1(CHART.top + ((top - value) / (top - bottom)) * plotHeight);

  const svg = /** @type {SVGSVGElement} */ (
    svgElement(doc, "svg", {
      viewBox: `0 0 ${CHART.width} ${CHART.height}`,
      class: "chart",
      role: "img",
      "aria-label": describeHistory(series, text, firstMs, lastMs, nowMs),
    })
  );

  // The lowest and highest readings, as guides with their values.
  for (const value of high > low ? [high, low] : [high]) {
    svg.append(
      svgElement(doc, "line", {
        class: "chart-grid",
        x1: CHART.left,
        x2: CHART.width - CHART.right,
        y1: y(value),
        y2: y(value),
      }),
      svgElement(
        doc,
        "text",
        {
          class: "chart-label",
          x: CHART.left - 6,
          y: y(value),
          "text-anchor": "end",
          dy: "0.35em",
        },
        text.number.format(value),
      ),
    );
  }
  svg.append(
    svgElement(doc, "line", {
      class: "chart-axis",
      x1: CHART.left,
      x2: CHART.width - CHART.right,
      y1: baseline,
      y2: baseline,
    }),
  );

  // The x axis spans the first reading to the last; its ends carry the dates.
  const withYear = yearOf(firstMs) !== yearOf(lastMs) || yearOf(lastMs) !== yearOf(nowMs);
  const labelY = CHART.height - 6;
  svg.append(
    svgElement(
      doc,
      "text",
      { class: "chart-label", x: CHART.left, y: labelY, "text-anchor": "start" },
      formatDay(text, firstMs, withYear),
    ),
    svgElement(
      doc,
      "text",
      { class: "chart-label", x: CHART.width - CHART.right, y: labelY, "text-anchor": "end" },
      formatDay(text, lastMs, withYear),
    ),
  );

  for (const name of SERIES) {
    const points = series[name];
    const path = points
      .map((p, index) => `${index === 0 ? "M" : "L"}${x(p.atMs)} ${y(p.value)}`)
      .join(" ");
    svg.append(
      svgElement(doc, "path", { class: `chart-line chart-${name}`, "data-series": name, d: path }),
    );
    const dots = svgElement(doc, "g", { class: `chart-points chart-${name}`, "data-series": name });
    for (const p of points) {
      const exact = p.precision === "exact";
      dots.append(
        svgElement(doc, "circle", {
          class: exact ? "chart-point" : "chart-point is-hollow",
          "data-precision": p.precision,
          cx: x(p.atMs),
          cy: y(p.value),
          r: exact ? 2.5 : 3,
        }),
      );
    }
    svg.append(dots);
  }
  return svg;
}

/**
 * The chart's text alternative: where each figure started and ended, and
 * over which dates, e.g. "Connections 1,180 → 1,234 and followers
 * 2,010 → 2,470 between Jan 3 and Nov 21".
 *
 * @param {Record<"connections" | "followers", HistoryPoint[]>} series
 * @param {Formatters} text
 * @param {number} firstMs
 * @param {number} lastMs
 * @param {number} nowMs
 */
function describeHistory(series, text, firstMs, lastMs, nowMs) {
  const reading = (/** @type {HistoryPoint} */ p) => {
    const digits = text.number.format(p.value);
    if (p.precision === "approximate") return `about ${digits}`;
    if (p.precision === "at-least") return `at least ${digits}`;
    return digits;
  };
  const span = (/** @type {HistoryPoint[]} */ points) =>
    `${reading(points[0])} → ${reading(/** @type {HistoryPoint} */ (points.at(-1)))}`;
  const withYear = yearOf(firstMs) !== yearOf(lastMs) || yearOf(lastMs) !== yearOf(nowMs);
  return (
    `Connections ${span(series.connections)} and followers ${span(series.followers)} ` +
    `between ${formatDay(text, firstMs, withYear)} and ${formatDay(text, lastMs, withYear)}`
  );
}

/**
 * Creates one SVG element with its attributes and, for <text>, its words
 * (as textContent: data never becomes markup).
 *
 * @param {Document} doc
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {string} [words]
 * @returns {SVGElement}
 */
function svgElement(doc, tag, attributes, words) {
  const element = /** @type {SVGElement} */ (doc.createElementNS(SVG_NS, tag));
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  if (words !== undefined) element.textContent = words;
  return element;
}

/** @param {number} n */
function round1(n) {
  return Math.round(n * 10) / 10;
}

// ---------------------------------------------------------------------------
// Wiring: messages to the background, storage updates, controls.

/**
 * Starts the popup on `doc`: draws the cached Summary and collection progress
 * from storage at once, asks the background for a fresh Summary, re-asks when
 * the background writes storage, and connects the controls.
 *
 * @param {Document} doc the popup document (popup.html)
 * @param {any} extension the extension API (`browser` or `chrome`)
 * @returns {{ ready: Promise<void>, cached: Promise<void>, refresh: () => Promise<void>,
 *   stop: () => void }}
 *   `ready` settles once the background's first answer (or failure) is drawn;
 *   `cached` once what storage held has been drawn (or found missing).
 */
export function startPopup(doc, extension) {
  /** @type {Summary | null} */
  let summary = null;
  // Only the answer to the newest request is drawn, so a slow get-summary
  // cannot overwrite what a later set-goal answered.
  let latest = 0;
  // Once the background has answered, the cached copy is older than what is
  // on screen and is never drawn over it.
  let answered = false;
  // Likewise a `collect` change seen live is newer than the initial read.
  let collectSeen = false;
  /** @type {QueueStore | null} */
  let queue = null;
  let queueSeen = false;
  /** Revocations of download URLs still to come, run at once when the popup stops. */
  /** @type {Map<ReturnType<typeof setTimeout>, () => void>} */
  const pending = new Map();

  /** @param {() => void} callback @param {number} ms */
  function later(callback, ms) {
    const timer = setTimeout(() => {
      pending.delete(timer);
      callback();
    }, ms);
    pending.set(timer, callback);
  }

  /** @param {object} message */
  async function ask(message) {
    const ticket = ++latest;
    try {
      const answer = await sendMessage(message, extension);
      if (ticket !== latest) return;
      if (!answer.summary || typeof answer.summary !== "object") {
        throw new Error("netprune's background answered without a summary; try again.");
      }
      summary = answer.summary;
      answered = true;
      hideError(doc);
      render(doc, /** @type {Summary} */ (summary));
    } catch (error) {
      if (ticket !== latest) return;
      renderError(doc, error instanceof Error ? error.message : String(error));
      // Put the select back on the goal the background actually holds, and
      // keep the last figures (cached or answered) visible under the notice.
      if (summary) render(doc, summary);
    }
  }

  const refresh = () => ask({ type: "get-summary" });

  /**
   * The background can take seconds to wake (restoring a 30,000-person
   * snapshot), so what it cached last time is drawn first. A cache that
   * cannot be read or drawn is skipped: the background's answer follows.
   */
  async function drawCached() {
    let stored;
    try {
      stored = await extension?.storage?.local?.get?.(["summary", "collect", "queue"]);
    } catch (error) {
      console.warn("netprune: could not read the cached summary:", error);
      return;
    }
    if (!collectSeen) renderCollect(doc, stored?.collect ?? null);
    if (!queueSeen) {
      queue = stored?.queue ?? null;
      renderQueue(doc, queue);
    }
    const cached = stored?.summary;
    if (answered || !cached || typeof cached !== "object") return;
    try {
      render(doc, cached);
      summary = cached;
    } catch (error) {
      // Half-drawn figures would read as real ones: back to "Reading…".
      console.warn("netprune: the cached summary could not be drawn:", error);
      show(byId(doc, "summary-view"), false);
      show(byId(doc, "loading-state"), byId(doc, "error-state").hidden);
    }
  }

  /** Closes the popup once it has handed the member to another view. */
  const closePopup = () => doc.defaultView?.close();

  /** @param {string} what @param {unknown} error */
  const failed = (what, error) =>
    renderError(doc, `${what}: ${error instanceof Error ? error.message : String(error)}`);

  /** @param {string} url */
  async function openTab(url) {
    try {
      await extension.tabs.create({ url });
    } catch (error) {
      failed("Could not open a new tab", error);
    }
  }

  async function openReview() {
    try {
      await extension.tabs.create({ url: extension.runtime.getURL(REVIEW_PAGE) });
      closePopup();
    } catch (error) {
      failed("Could not open the review page", error);
    }
  }

  // Chrome's side panel and Firefox's sidebar both show review.html beside
  // the LinkedIn tab (manifest.json). Either opens only inside a user
  // gesture, and an await before the call can end the gesture, so Chrome's
  // window id is fetched now rather than on click.
  const sideView = extension?.sidePanel?.open
    ? "side-panel"
    : extension?.sidebarAction?.open
      ? "sidebar"
      : null;
  /** @type {number | null} */
  let windowId = null;
  const windowKnown =
    sideView === "side-panel"
      ? Promise.resolve()
          .then(() => extension.windows.getCurrent())
          .then((/** @type {{ id?: number }} */ win) => {
            if (typeof win?.id === "number") windowId = win.id;
          })
          .catch((/** @type {unknown} */ error) =>
            console.warn("netprune: could not find this window for the side panel:", error),
          )
      : Promise.resolve();

  function openSideView() {
    /** @type {Promise<unknown>} */
    let opening;
    try {
      if (sideView === "sidebar") {
        opening = Promise.resolve(extension.sidebarAction.open());
      } else if (windowId !== null) {
        opening = Promise.resolve(extension.sidePanel.open({ windowId }));
      } else {
        // Clicked before the window id arrived: worth a try, though Chrome
        // may refuse it as no longer inside the click.
        opening = windowKnown.then(() => {
          if (windowId === null) throw new Error("this browser window was not found");
          return extension.sidePanel.open({ windowId });
        });
      }
    } catch (error) {
      opening = Promise.reject(error);
    }
    opening.then(closePopup, (error) => failed("Could not open netprune beside LinkedIn", error));
  }

  // When the button the member just used disappears (Dismiss, Try again),
  // focus would fall to <body>; put it at the start of the content instead.
  const focusMain = () => byId(doc, "popup").focus();

  byId(doc, "retry-button").addEventListener("click", async () => {
    await refresh();
    if (byId(doc, "error-state").hidden) focusMain();
  });
  byTestId(doc, "kept-snapshot-download").addEventListener("click", async () => {
    const keptAs = summary?.corrupt?.keptAs;
    if (!keptAs) return;
    try {
      const answer = await sendMessage({ type: "kept-snapshot", keptAs }, extension);
      if (typeof answer?.raw !== "string") throw new Error("the background sent no copy");
      const name = `netprune-kept-${answer.kind === "newer" ? "newer" : "unreadable"}-snapshot-${localDate(Date.now())}.json`;
      saveFile(doc, [answer.raw], "application/json", name, later);
      byId(doc, "corrupt-message").textContent += ` Saved ${name}.`;
    } catch (error) {
      byId(doc, "corrupt-message").textContent +=
        ` Could not download it: ${error instanceof Error ? error.message : String(error)}`;
    }
  });
  byId(doc, "dismiss-corrupt").addEventListener("click", async () => {
    await ask({ type: "dismiss-corrupt" });
    if (byTestId(doc, "corrupt-notice").hidden) focusMain();
  });
  byTestId(doc, "goal-select").addEventListener("change", (event) => {
    const goal = /** @type {HTMLSelectElement} */ (event.currentTarget).value;
    ask({ type: "set-goal", goal });
  });
  byId(doc, "open-connections").addEventListener("click", () => openTab(PAGE_URLS.connections));
  byTestId(doc, "open-review").addEventListener("click", openReview);
  const sideButton = byTestId(doc, "open-side-panel");
  show(sideButton, sideView !== null);
  sideButton.addEventListener("click", openSideView);
  for (const link of doc.querySelectorAll('[data-part="hint-link"]')) {
    // Real links (so they read as links and show their address), opened
    // through tabs.create because a popup's own navigation would replace it.
    link.addEventListener("click", (event) => {
      event.preventDefault();
      openTab(/** @type {HTMLAnchorElement} */ (link).href);
    });
  }

  // The removal queue's controls. Each is one message; what it changed comes
  // back as a new storage.local.queue, drawn by onStorageChanged.
  const queueStatus = byId(doc, "queue-status");

  /** @param {string} words @param {boolean} [isError] */
  function setQueueStatus(words, isError = false) {
    queueStatus.textContent = words;
    queueStatus.classList.toggle("is-error", isError);
  }

  /** Requests out, by what they ask, so a double click sends one. */
  const inFlight = new Set();

  /**
   * Buttons are not disabled while a request is out: a focused button that
   * becomes disabled loses focus in some browsers. A repeat is ignored instead.
   *
   * @param {{ type: string, slug?: string, acknowledgeCooldown?: boolean }} message
   * @param {string} failure what did not happen, e.g. "Could not pause"
   * @returns {Promise<any>} the answer, or null (already out, or failed and said so)
   */
  async function askQueue(message, failure) {
    const key = `${message.type} ${message.slug ?? ""}`;
    if (inFlight.has(key)) return null;
    inFlight.add(key);
    setQueueStatus("");
    try {
      const answer = await sendMessage(message, extension);
      // An answer that carries the queue is drawn at once; the storage
      // change that follows draws the same again.
      if (answer?.queue && typeof answer.queue === "object") {
        queue = answer.queue;
        renderQueue(doc, queue);
      }
      return answer;
    } catch (error) {
      setQueueStatus(`${failure}: ${error instanceof Error ? error.message : String(error)}`, true);
      return null;
    } finally {
      inFlight.delete(key);
    }
  }

  const pauseButton = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-pause"));
  const resumeButton = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-resume"));
  const cancelButton = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-cancel"));
  const cancelYes = /** @type {HTMLButtonElement} */ (byId(doc, "queue-cancel-yes"));
  const logButton = /** @type {HTMLButtonElement} */ (byTestId(doc, "removal-log-export"));

  byTestId(doc, "queue-open-page").addEventListener("click", () => openTab(PAGE_URLS.connections));
  pauseButton.addEventListener("click", () => askQueue({ type: "queue-pause" }, "Could not pause"));
  const cooldownAck = /** @type {HTMLInputElement} */ (byTestId(doc, "queue-cooldown-ack"));
  resumeButton.addEventListener("click", () =>
    askQueue(
      cooldownAck.checked && !byTestId(doc, "queue-cooldown").hidden
        ? { type: "queue-resume", acknowledgeCooldown: true }
        : { type: "queue-resume" },
      "Could not resume",
    ),
  );
  cooldownAck.addEventListener("change", () => {
    resumeButton.disabled = !cooldownAck.checked && !byTestId(doc, "queue-cooldown").hidden;
  });
  cancelButton.addEventListener("click", () => {
    showCancelConfirm(doc, true);
    // The safe answer has focus first.
    byId(doc, "queue-cancel-no").focus();
  });
  byId(doc, "queue-cancel-no").addEventListener("click", () => {
    showCancelConfirm(doc, false);
    cancelButton.focus();
  });
  byId(doc, "queue-cancel-confirm").addEventListener("keydown", (event) => {
    if (event.key === "Escape") byId(doc, "queue-cancel-no").click();
  });
  cancelYes.addEventListener("click", async () => {
    const answer = await askQueue({ type: "queue-cancel" }, "Could not cancel");
    if (!answer) return;
    showCancelConfirm(doc, false);
    const cancelled = Number(answer.cancelled);
    setQueueStatus(
      Number.isFinite(cancelled)
        ? `Cancelled ${formatters(doc).number.format(cancelled)} waiting ${plural(cancelled, "removal", "removals")}.`
        : "Cancelled the waiting removals.",
    );
    byId(doc, "queue-heading").focus();
  });
  byId(doc, "queue-list").addEventListener("click", (event) => {
    const button = /** @type {Element} */ (event.target).closest(
      '[data-testid="queue-cancel-one"]',
    );
    const slug = /** @type {HTMLElement | null} */ (button)?.dataset.slug;
    if (!button || !slug) return;
    if (/** @type {HTMLButtonElement} */ (button).disabled) return;
    askQueue({ type: "queue-cancel-one", slug }, "Could not cancel");
  });
  logButton.addEventListener("click", async () => {
    const answer = await askQueue({ type: "removal-log" }, "Could not export the log");
    if (!answer) return;
    if (typeof answer.csv !== "string") {
      setQueueStatus("Could not export the log: the background sent no CSV.", true);
      return;
    }
    const name = `netprune-removal-log-${localDate(Date.now())}.csv`;
    saveFile(doc, csvParts(answer.csv), "text/csv;charset=utf-8", name, later);
    setQueueStatus(`Saved ${name}.`);
  });

  /**
   * @param {Record<string, { newValue?: unknown }>} changes
   * @param {string} area
   */
  const onStorageChanged = (changes, area) => {
    if (area !== "local") return;
    if ("collect" in changes) {
      collectSeen = true;
      renderCollect(doc, /** @type {Collect | null} */ (changes.collect?.newValue ?? null));
    }
    if ("queue" in changes) {
      queueSeen = true;
      queue = /** @type {QueueStore | null} */ (changes.queue?.newValue ?? null);
      renderQueue(doc, queue);
    }
    if (WATCHED_KEYS.some((key) => key in changes)) refresh();
  };
  extension?.storage?.onChanged?.addListener(onStorageChanged);

  const clock = setInterval(() => {
    if (summary) render(doc, summary);
  }, CLOCK_REFRESH_MS);
  // "next in 43 s" and "about 3 h left" move while the popup is open.
  const queueClock = setInterval(() => {
    const state = queue?.progress?.state;
    if (state === "running" || state === "paused") renderQueue(doc, queue);
  }, QUEUE_CLOCK_MS);

  // The request goes first: it starts waking the background while storage is read.
  const ready = refresh();
  const cached = drawCached();

  return {
    ready,
    cached,
    refresh,
    stop() {
      clearInterval(clock);
      clearInterval(queueClock);
      for (const [timer, callback] of pending) {
        clearTimeout(timer);
        callback();
      }
      pending.clear();
      extension?.storage?.onChanged?.removeListener(onStorageChanged);
    },
  };
}

// ---------------------------------------------------------------------------
// Small helpers.

/**
 * @typedef {{ number: Intl.NumberFormat, ratio: Intl.NumberFormat,
 *   band: Intl.NumberFormat, relative: Intl.RelativeTimeFormat,
 *   day: Intl.DateTimeFormat, dayWithYear: Intl.DateTimeFormat }} Formatters
 */

/** @type {Map<string, Formatters>} */
const formatterCache = new Map();

/**
 * Numbers follow the page's language (lang="en"), not the browser's, so a
 * figure never reads "1.234" inside an English sentence; when the popup is
 * translated its lang changes and the numbers follow.
 *
 * @param {Document} doc
 * @returns {Formatters}
 */
function formatters(doc) {
  const locale = doc.documentElement.lang || "en";
  let cached = formatterCache.get(locale);
  if (!cached) {
    cached = {
      number: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      ratio: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      band: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: "auto" }),
      day: new Intl.DateTimeFormat(locale, { month: "short", day: "numeric" }),
      dayWithYear: new Intl.DateTimeFormat(locale, {
        month: "short",
        day: "numeric",
        year: "numeric",
      }),
    };
    formatterCache.set(locale, cached);
  }
  return cached;
}

/**
 * @param {Formatters} text
 * @param {number} low
 * @param {number} high
 */
function band(text, low, high) {
  return `${text.band.format(low)}–${text.band.format(high)}:1`;
}

/**
 * "5 minutes ago", "yesterday". A reading stamped in the future (the clock
 * moved) reads as just now rather than "in 3 minutes".
 *
 * @param {Formatters} text
 * @param {number} thenMs
 * @param {number} nowMs
 */
function relativeTime(text, thenMs, nowMs) {
  const seconds = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (!Number.isFinite(seconds) || seconds < 60) return "just now";
  if (seconds < 3600) return text.relative.format(-Math.floor(seconds / 60), "minute");
  if (seconds < 86400) return text.relative.format(-Math.floor(seconds / 3600), "hour");
  return text.relative.format(-Math.floor(seconds / 86400), "day");
}

/**
 * "Nov 21", or "Nov 21, 2025" when `withYear`.
 *
 * @param {Formatters} text
 * @param {number} ms
 * @param {boolean} withYear
 */
function formatDay(text, ms, withYear) {
  return (withYear ? text.dayWithYear : text.day).format(ms);
}

/**
 * A day in the member's calendar, with its year only when it is not this year's.
 *
 * @param {Formatters} text
 * @param {number} ms
 * @param {number} nowMs
 */
function shortDate(text, ms, nowMs) {
  return formatDay(text, ms, yearOf(ms) !== yearOf(nowMs));
}

/** The calendar year in the member's time zone. @param {number} ms */
function yearOf(ms) {
  return new Date(ms).getFullYear();
}

/**
 * @param {number} n
 * @param {string} one
 * @param {string} many
 */
function plural(n, one, many) {
  return n === 1 ? one : many;
}

/** Reasons come as sentences; they are quoted mid-sentence here. @param {string} s */
function trimSentence(s) {
  return String(s ?? "")
    .trim()
    .replace(/[.\s]+$/, "");
}

/**
 * @param {Element} element
 * @param {boolean} visible
 */
function show(element, visible) {
  /** @type {HTMLElement} */ (element).hidden = !visible;
}

/**
 * @param {Document} doc
 * @param {string} id
 * @returns {HTMLElement}
 */
function byId(doc, id) {
  return query(doc, `#${id}`);
}

/**
 * @param {Document} doc
 * @param {string} testId
 * @returns {HTMLElement}
 */
function byTestId(doc, testId) {
  return query(doc, `[data-testid="${testId}"]`);
}

/**
 * A missing element is a broken popup.html, not a state to render around.
 *
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement}
 */
function query(root, selector) {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`popup.html has no ${selector}`);
  return /** @type {HTMLElement} */ (element);
}

// ---------------------------------------------------------------------------
// Bootstrap: only in the popup's own page. Imported elsewhere (node, another
// page), this module only defines functions. Without the extension API the
// popup still starts, and says the background is unavailable rather than
// staying blank.
if (typeof document !== "undefined" && document.querySelector("[data-popup-root]")) {
  startPopup(document, api);
}
