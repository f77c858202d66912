// @ts-check
// netprune's background: the single owner and only writer of state.
//
// It hosts the Rust core (WebAssembly), merges what the content script reads
// into the persisted snapshot, drives "collect all" on the member's
// connections tab, and answers the popup and the review page. The worker can
// be stopped at any moment (Chrome stops idle service workers; Firefox
// suspends event pages), so state lives in storage.local and is restored on
// wake; listeners are registered synchronously at top level so a wake-up
// event is never missed. Messages are handled one at a time, so a reading and
// a change from the review page never interleave their read-modify-write.
import init, { Core, sleepMs } from "./core/netprune.js";
import { api } from "./lib/browser.js";
import { TEST_BUILD } from "./build-flags.js";

const LINKEDIN_ORIGIN = "https://www.linkedin.com";
// Page readings arrive about once a second while collecting; writing a
// 30,000-person snapshot for each would be wasteful. Changes the member makes
// (keep, import, restore) are written at once.
const PERSIST_DELAY_MS = 1_000;
// The queue runs only with the member's connections page open: steps act on
// that page and nowhere else.
const NO_TAB_REASON = "Open your LinkedIn connections page to continue";
// Waits shorter than this run on the core's timer (sleepMs, under the alarm
// minimum) while the worker is awake; every wait also has an alarm, which
// survives the worker being stopped.
const SHORT_WAIT_MS = 20_000;
const QUEUE_ALARM = "netprune-queue";
// A step belongs to the tab it was sent to, under its attempt number, until
// its outcome arrives or the core's `rules().step.timeoutMs` has passed;
// storage.session.stepInFlight records it, so a worker stopped mid-step
// still knows.
// Steps act only on a page the member can see, of the account that owns
// this network; otherwise the queue waits (it does not pause), saying why,
// and looks again on the tab's events or after RECHECK_MS.
const HIDDEN_WAIT = "Waiting for your LinkedIn connections tab to be visible";
const MEMBER_WAIT = "Waiting to see which LinkedIn account your connections tab is signed in to";
// What the queue waits for after the tab did not take a step, by its answer.
const NOT_TAKEN_WAITS = {
  hidden: HIDDEN_WAIT,
  busy: "Waiting for your LinkedIn connections tab to finish what it is doing",
  "another-account": "Waiting for your LinkedIn connections tab to show this network's account",
  "no-list": "Waiting for your LinkedIn connections tab to show your connections list",
};
const RECHECK_MS = 30_000;
const COLLECT_WAIT = "Waiting for netprune to finish reading your connections list";
// The pause netprune makes when the connections tab shows another account.
const ACCOUNT_REASON = "LinkedIn is signed in to another account";
// Each LinkedIn account's network: the active one is storage.local.snapshot,
// the others are parked under this prefix and the owner's profile slug.
const NETWORK_KEY = "network:";

/**
 * A stored snapshot kept aside: "unreadable" (damaged) or "newer" (made by a
 * newer netprune, which this version must not overwrite or call corrupt).
 * @typedef {{ keptAs: string, reason: string, atMs: number, kind: "unreadable" | "newer" }} CorruptNotice
 */

/**
 * `owner`: the profile slug of the LinkedIn member whose network is active
 * (null until a reading names one); `waitingOn`: what the queue waits for
 * before its next step, in words, or null.
 * @type {{ core: Core, corrupt: CorruptNotice | null, owner: string | null,
 *   waitingOn: string | null }}
 */
const state = { core: /** @type {any} */ (null), corrupt: null, owner: null, waitingOn: null };

// A service worker may not use top-level await: start loading now, await inside handlers.
const ready = init().then(restore);

/**
 * Restores the snapshot, keeping an unreadable one aside (under
 * `corruptSnapshots`) instead of dropping it, so nothing the member had is lost.
 */
async function restore() {
  const stored = await api.storage.local.get([
    "snapshot",
    "corruptSnapshots",
    "corruptNoticeDismissed",
    "networkOwner",
  ]);
  state.owner = typeof stored.networkOwner === "string" ? stored.networkOwner : null;
  const kept = Array.isArray(stored.corruptSnapshots) ? stored.corruptSnapshots : [];
  if (stored.snapshot === undefined) {
    state.core = new Core();
  } else {
    try {
      if (typeof stored.snapshot !== "string") {
        throw new Error("saved network data unreadable: it is not a netprune snapshot");
      }
      state.core = Core.restoreJson(stored.snapshot);
    } catch (error) {
      const atMs = Date.now();
      const newer = error instanceof Error && error.name === "NetpruneNewerError";
      const entry = {
        keptAs: `corruptSnapshots[${kept.length}]`,
        reason: messageOf(error),
        atMs,
        kind: newer ? "newer" : "unreadable",
        raw: stored.snapshot,
      };
      kept.push(entry);
      // Write the copy aside before removing the original: a worker stopped
      // between the two calls leaves both, never neither.
      await api.storage.local.set({ corruptSnapshots: kept });
      await api.storage.local.remove("snapshot");
      state.core = new Core();
      console.warn(`netprune: saved network data kept aside as ${entry.keptAs}: ${entry.reason}`);
    }
  }
  // The queue's random delays need a seed nobody can predict: the core's web
  // adapter takes it from crypto.getRandomValues. It is kept in the
  // snapshot, so this happens once per network.
  state.core.seedQueueFromCrypto();
  const newest = kept.at(-1);
  const dismissed = Number(stored.corruptNoticeDismissed) || 0;
  state.corrupt =
    newest && newest.atMs > dismissed
      ? {
          keptAs: newest.keptAs,
          reason: newest.reason,
          atMs: newest.atMs,
          kind: newest.kind === "newer" ? "newer" : "unreadable",
        }
      : null;
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

function summary() {
  return { ...state.core.summary(Date.now()), corrupt: state.corrupt, owner: state.owner };
}

// A save is due (persistSoon asked, persistNow has not run since).
let persistDue = false;

/** The member's offset from UTC in minutes, for quiet hours (east positive). */
const utcOffset = () => -new Date().getTimezoneOffset();

function queueView() {
  const now = Date.now();
  const progress = state.core.queueProgress(now, utcOffset());
  return {
    progress,
    entries: state.core.queueEntries(),
    settings: state.core.queueSettings(),
    // Paused only for want of the connections page: opening it is all the
    // member has to do (the popup offers to), and the queue resumes itself.
    needsPage: pausedForPage(progress),
    waitingOn: progress.state === "running" ? state.waitingOn : null,
  };
}

/**
 * Whether the queue is paused only for want of the connections page (the
 * core names the cause).
 * @param {any} progress
 */
function pausedForPage(progress) {
  return progress.state === "paused" && progress.pause?.cause === "needsPage";
}

/** Writes the snapshot, the summary the popup shows first, collection and queue progress. */
async function persistNow() {
  persistDue = false;
  const queue = queueView();
  await api.storage.local.set({
    snapshot: state.core.toStoredJson(),
    // Written with the snapshot, so the two always agree.
    networkOwner: state.owner,
    summary: summary(),
    collect: state.core.collection(),
    queue,
  });
  await showBadge(queue.progress);
}

/**
 * The toolbar badge: "||" on red while paused (the member must look), the
 * number left while running, nothing when idle.
 * @param {any} progress
 */
async function showBadge(progress) {
  const left = progress.pending + progress.inProgress;
  if (progress.state === "paused") {
    await api.action.setBadgeBackgroundColor({ color: "#b3261e" });
    await api.action.setBadgeText({ text: "||" });
    await api.action.setTitle({ title: `netprune: removals paused. ${progress.reason ?? ""}` });
  } else if (progress.state === "running" && left > 0) {
    await api.action.setBadgeBackgroundColor({ color: "#0e5e6f" });
    await api.action.setBadgeText({ text: left > 999 ? "999+" : String(left) });
    await api.action.setTitle({ title: `netprune: ${left} removals queued` });
  } else {
    await api.action.setBadgeText({ text: "" });
    await api.action.setTitle({ title: "netprune" });
  }
}

// ---------------------------------------------------------------------------
// The removal queue. The core decides (what next, and when); this code only
// carries its decisions out: it hands one step at a time to the connections
// tab and wakes up when the core asks, by alarm (which survives the worker
// stopping) and, for short waits, by timer.

// Each wake asked for supersedes the earlier ones: a short wait that ends
// after a later scheduleWake finds its number stale and does nothing.
let wakeNumber = 0;

/** @param {number | null} atMs */
async function scheduleWake(atMs) {
  const number = (wakeNumber += 1);
  if (atMs === null) {
    await api.alarms.clear(QUEUE_ALARM);
    return;
  }
  const delay = Math.max(0, atMs - Date.now());
  await api.alarms.create(QUEUE_ALARM, { when: Date.now() + Math.max(delay, 1_000) });
  if (delay <= SHORT_WAIT_MS) {
    // The core's web adapter (gloo-timers) runs the short wait.
    sleepMs(delay).then(() => {
      if (number === wakeNumber) pumpQueue();
    });
  }
}

/** Runs the queue's next decision (serially with every message). */
function pumpQueue() {
  serially(runQueueStep).catch((error) => console.warn("netprune: queue step failed:", error));
}

async function runQueueStep() {
  const now = Date.now();
  // Before anything reads the progress, so it says which pacing is in force.
  const dev = await devDelayMs();
  state.core.setDevPacing(dev === null ? undefined : dev);
  // Every timing the page follows comes from the core (shrunk in a test
  // build with devPacing); the step's ownership timeout among them.
  const rules = Core.rules(dev);
  const timeoutMs = rules.step.timeoutMs;
  const progress = state.core.queueProgress(now, utcOffset());
  if (progress.state === "idle" || progress.state === "paused") {
    state.waitingOn = null;
    await scheduleWake(null);
    if (progress.state === "paused") await persistNow();
    return;
  }
  // A step out belongs to its tab until its outcome or its timeout: a wake
  // in between (queueing more, resuming, a settings change, an alarm)
  // changes nothing, so nobody is handed out twice.
  const out = await stepInFlight();
  if (out && now - out.sentAtMs < timeoutMs) {
    await scheduleWake(out.sentAtMs + timeoutMs);
    return;
  }
  // Timed out: the core verifies the step before anything else.
  if (out) await api.storage.session.remove("stepInFlight");
  const tabId = await connectionsTab();
  if (tabId !== null && state.core.collection()?.running) {
    // One thing at a time on the page: collecting first. The acting tab is
    // asked again each time (a running collection just carries on there):
    // a run it refused while a step was out, or one whose page was
    // reloaded, starts now instead of leaving the queue waiting on nothing.
    if (state.waitingOn !== COLLECT_WAIT) {
      state.waitingOn = COLLECT_WAIT;
      await persistNow();
    }
    await driveCollection(tabId);
    await scheduleWake(now + 5_000);
    return;
  }
  if (tabId === null) {
    state.waitingOn = null;
    state.core.pauseQueue(NO_TAB_REASON, now, "needsPage");
    await persistNow();
    return;
  }
  const hold = await stepHold(tabId);
  if (hold?.pause) {
    state.waitingOn = null;
    state.core.pauseQueue(hold.pause, now, "account");
    await persistNow();
    await scheduleWake(null);
    return;
  }
  if (hold?.wait) {
    state.waitingOn = hold.wait;
    await persistNow();
    await scheduleWake(now + RECHECK_MS);
    return;
  }
  state.waitingOn = null;
  const action = state.core.pollRemovals(now, utcOffset());
  let notTaken = false;
  if (action.kind === "remove" || action.kind === "verify") {
    await api.storage.session.set({
      stepInFlight: { attempt: action.attempt, tabId, sentAtMs: now },
    });
    await persistNow();
    const step = {
      type: "remove-step",
      attempt: action.attempt,
      slug: action.slug,
      name: action.name,
      mode: action.kind,
      dryRun: Boolean(action.dryRun),
      pausesMs: action.pausesMs,
      // The account the step is for: the page refuses it under another one.
      member: state.owner,
      // How long each of the step's waits may last.
      rules: rules.step,
    };
    let accepted;
    try {
      accepted = await api.tabs.sendMessage(tabId, step);
    } catch (error) {
      accepted = { ok: false, error: messageOf(error) };
    }
    if (!accepted?.ok && typeof accepted?.notTaken === "string") {
      // The tab refused before doing anything (busy, hidden, another
      // account, no list): not a failure. The queue waits and asks again.
      notTaken = true;
      state.waitingOn =
        NOT_TAKEN_WAITS[/** @type {keyof NOT_TAKEN_WAITS} */ (accepted.notTaken)] ??
        NOT_TAKEN_WAITS.busy;
      // The tab did nothing: no failure is counted, the person goes back to
      // waiting, and the queue waits for what the tab named.
      const why = accepted.notTaken in NOT_TAKEN_WAITS ? accepted.notTaken : "busy";
      state.core.stepNotTaken(action.attempt, why, Date.now());
      await api.storage.session.remove("stepInFlight");
      await persistNow();
    } else if (!accepted?.ok) {
      // The step never started: say so, and let the core's backoff decide.
      await api.storage.session.remove("stepInFlight");
      state.core.reportRemoval(
        action.attempt,
        {
          kind: "failed",
          reason: `the connections tab did not take the step (${accepted?.error ?? "no answer"})`,
        },
        Date.now(),
      );
      await persistNow();
    }
  } else {
    await persistNow();
  }
  const still = await stepInFlight();
  if (still) {
    // If the outcome never comes back (the worker died, the tab closed),
    // the next poll after the timeout verifies first.
    await scheduleWake(still.sentAtMs + timeoutMs);
    return;
  }
  const wake = state.core.nextWakeMs(Date.now(), utcOffset()) ?? null;
  // A refused step is asked again after a breath, never in a tight loop.
  await scheduleWake(notTaken ? Math.max(wake ?? 0, Date.now() + 5_000) : wake);
}

/**
 * The step out, if any: `{ attempt, tabId, sentAtMs }`.
 * @returns {Promise<{ attempt: number, tabId: number, sentAtMs: number } | null>}
 */
async function stepInFlight() {
  const { stepInFlight: out } = await api.storage.session.get("stepInFlight");
  return out && typeof out.attempt === "number" && typeof out.tabId === "number" ? out : null;
}

/**
 * Why the connections tab may not take a step now: `{ pause }` (the member
 * must act) or `{ wait }` (it resumes by itself), or null when it may.
 * @param {number} tabId
 * @returns {Promise<{ pause?: string, wait?: string } | null>}
 */
async function stepHold(tabId) {
  const tab = (await linkedinTabs())[tabId];
  const member = tab?.member ?? null;
  // What the page check found missing (a menu, the search box, the total):
  // no step runs there until a reading says the page is whole again.
  if (typeof tab?.removalOff === "string") {
    return { wait: `Removal is off on your LinkedIn connections page: ${tab.removalOff}` };
  }
  // No evidence of the account on this page. Once netprune knows whose
  // network this is, such a page is read for counts but never acted on; while
  // no page has ever named an account (LinkedIn's navigation unreadable
  // everywhere so far) there is nothing to check against, and steps go on
  // (the popup says the account is not identified).
  if (member === null)
    return state.owner === null ? visibleHold(tabId, tab) : { wait: MEMBER_WAIT };
  if (!sameMember(member, state.owner)) {
    return {
      pause: `${ACCOUNT_REASON} (${member}); this network is ${state.owner ?? "unknown"}'s`,
    };
  }
  return visibleHold(tabId, tab);
}

/**
 * Waits while the connections tab cannot be seen; null when it can.
 * @param {number} tabId
 * @param {{ visible?: boolean } | undefined} tab what the tab last said of itself
 */
async function visibleHold(tabId, tab) {
  if (tab?.visible === false || !(await tabShown(tabId))) return { wait: HIDDEN_WAIT };
  return null;
}

/**
 * Whether a tab is the one shown in its window and the window is not
 * minimized (the page's own `page-visibility` reports are checked apart).
 * @param {number} tabId
 */
async function tabShown(tabId) {
  try {
    const tab = await api.tabs.get(tabId);
    if (!tab.active) return false;
    const window = await api.windows.get(tab.windowId);
    return window.state !== "minimized";
  } catch {
    return false;
  }
}

function persistSoon() {
  if (persistDue) return;
  persistDue = true;
  // A save made in between (persistNow) leaves nothing due.
  sleepMs(PERSIST_DELAY_MS).then(() => {
    if (!persistDue) return;
    serially(persistNow).catch((error) => console.warn("netprune: saving failed:", error));
  });
}

/**
 * The development pacing delay, or null. Only a test build (`./build.sh
 * testbuild`, whose build-flags.js says TEST_BUILD) honours a `devPacing`
 * object in storage, which shortens the human waits so tests finish in
 * seconds; dist/chrome and dist/firefox ignore it, whatever the install type.
 */
async function devDelayMs() {
  if (!TEST_BUILD) return null;
  const { devPacing } = await api.storage.local.get("devPacing");
  const delayMs = Number(devPacing?.delayMs);
  return Number.isFinite(delayMs) && delayMs > 0 ? Math.min(delayMs, 60_000) : null;
}

/** The core's collection rules: human, unless devPacing applies. */
async function collectRules() {
  return Core.rules(await devDelayMs()).collect;
}

/**
 * What the background knows of each LinkedIn tab that sent a reading, from
 * storage.session: the page it last showed, the member its navigation named
 * (null: not found), whether the page said it is visible, and what its page
 * check found missing (removalOff; null: nothing).
 * @returns {Promise<Record<string, { page: string | null, member: string | null,
 *   visible?: boolean, removalOff?: string | null, atMs: number }>>}
 */
async function linkedinTabs() {
  const { linkedinTabs: tabs } = await api.storage.session.get("linkedinTabs");
  return tabs && typeof tabs === "object" ? tabs : {};
}

/**
 * @param {number} tabId
 * @param {object} change
 */
async function noteTab(tabId, change) {
  const tabs = await linkedinTabs();
  tabs[tabId] = { page: null, member: null, ...tabs[tabId], ...change, atMs: Date.now() };
  await api.storage.session.set({ linkedinTabs: tabs });
}

/**
 * The one tab that acts (takes removal steps and collects): the tab that
 * last took the role, for as long as it is open and shows the connections
 * page. Any other connections tab stays read-only. When the role is free it
 * goes to the connections tab read last, one of this network's owner first.
 */
async function connectionsTab() {
  const { connectionsTab: current } = await api.storage.session.get("connectionsTab");
  const tabs = await linkedinTabs();
  if (typeof current === "number" && tabs[current]?.page === "connections") {
    if (await tabOpen(current)) return current;
  }
  const candidates = Object.entries(tabs)
    .filter(([, tab]) => tab.page === "connections")
    .sort(
      ([, a], [, b]) =>
        Number(sameMember(b.member, state.owner)) - Number(sameMember(a.member, state.owner)) ||
        b.atMs - a.atMs,
    );
  for (const [id] of candidates) {
    const tabId = Number(id);
    if (await tabOpen(tabId)) {
      await api.storage.session.set({ connectionsTab: tabId });
      return tabId;
    }
  }
  await api.storage.session.remove("connectionsTab");
  return null;
}

/** @param {number} tabId */
async function tabOpen(tabId) {
  try {
    await api.tabs.get(tabId);
    return true;
  } catch {
    return false;
  }
}

/**
 * Asks the connections tab to collect (idempotent on its side: a page already
 * collecting just carries on). A tab that cannot be reached is not an error:
 * the run waits, and resumes when the page next sends a reading.
 * @param {number} tabId
 */
async function driveCollection(tabId) {
  const rules = await collectRules();
  try {
    // `delayMs` and `stallMs` also at the top, for a content script that
    // predates `rules`.
    await api.tabs.sendMessage(tabId, {
      type: "collect-run",
      delayMs: rules.delayMs,
      stallMs: rules.stallMs,
      rules,
    });
  } catch (error) {
    console.info("netprune: the connections tab is not ready to collect yet:", messageOf(error));
  }
}

/** Halts collecting in every LinkedIn tab netprune knows (halting is always safe). */
async function haltCollection() {
  for (const id of Object.keys(await linkedinTabs())) {
    try {
      await api.tabs.sendMessage(Number(id), { type: "collect-halt" });
    } catch {
      // Nothing is collecting there: the halt is already true.
    }
  }
}

/**
 * The first sign of trouble stops everything: the queue pauses with the
 * reason and a running collection ends.
 * @param {string} reason
 */
async function stopForTrouble(reason, kind) {
  const now = Date.now();
  // Whatever the queue's state: a queue paused by the member or for want of
  // the page, or idle, is often paused exactly because LinkedIn is
  // throttling, and the warning is shown once. Paused as trouble (the core
  // keeps an earlier trouble pause and replaces a softer one); a warning from
  // LinkedIn (its kind) also locks resuming for the cool-down.
  state.waitingOn = null;
  state.core.pauseQueue(reason, now, "trouble", typeof kind === "string" ? kind : undefined);
  await scheduleWake(null);
  if (state.core.collection()?.running) {
    state.core.finishCollection("stopped", `stopped at a LinkedIn warning: ${reason}`, now);
    await haltCollection();
  }
  await persistNow();
}

/**
 * What the page check of a reading says of removal on that page (the check
 * rides on some readings only: a reading without one changes nothing).
 * @param {any} reading
 * @returns {{ removalOff?: string | null }}
 */
function checkOf(reading) {
  const check = reading?.check;
  if (!check || typeof check !== "object") return {};
  if (check.removalOff !== true) return { removalOff: null };
  const missing = Array.isArray(check.missing) ? check.missing.map(String) : [];
  return {
    removalOff: missing.length > 0 ? missing.join("; ") : "something netprune needs is missing",
  };
}

/**
 * Why removal is off on the acting connections page ("Check this page" on
 * the review page lists it), or null.
 */
async function removalOffReason() {
  const tabId = await connectionsTab();
  if (tabId === null) return null;
  const off = (await linkedinTabs())[tabId]?.removalOff;
  return typeof off === "string"
    ? `Removal is off on your LinkedIn connections page: ${off}.`
    : null;
}

/**
 * The member a reading names (the own-profile slug in LinkedIn's
 * navigation, as read), or null when the page did not show it.
 * @param {any} reading
 */
function memberOf(reading) {
  const member = reading?.member;
  return typeof member === "string" && member.trim() !== "" ? member.trim() : null;
}

/**
 * Whether two profile slugs name the same member: LinkedIn's profile paths
 * are case-insensitive.
 * @param {string | null | undefined} a
 * @param {string | null | undefined} b
 */
function sameMember(a, b) {
  return typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();
}

/** @param {string} member where that member's network is parked */
const parkedKey = (member) => `${NETWORK_KEY}${member.toLowerCase()}`;

/**
 * Makes `member`'s network the active one: the current one is parked under
 * `network:<owner>` (its queue paused if it had work), `member`'s is taken
 * from its parking place, or started empty. Never mixes, never drops: the
 * parked copy is written before the active one changes. Returns false, and
 * changes nothing, when `member`'s parked network cannot be read.
 * @param {string} member
 */
async function switchNetwork(member) {
  const now = Date.now();
  const key = parkedKey(member);
  const { [key]: parked } = await api.storage.local.get(key);
  let next;
  try {
    next = typeof parked === "string" ? Core.restoreJson(parked) : new Core();
  } catch (error) {
    console.warn(`netprune: the saved network of ${member} is unreadable:`, messageOf(error));
    return false;
  }
  const leaving = state.core;
  const progress = leaving.queueProgress(now, utcOffset());
  // A queue paused only for want of the page (the tab was reloading into the
  // other account) is paused again for the account, which is the reason.
  const working = progress.state === "running" || pausedForPage(progress);
  if (working && progress.pending + progress.inProgress > 0) {
    leaving.pauseQueue(
      `${ACCOUNT_REASON} (${member}); this network is ${state.owner}'s`,
      now,
      "account",
    );
  }
  if (leaving.collection()?.running) {
    leaving.finishCollection("stopped", `${ACCOUNT_REASON} (${member})`, now);
    await haltCollection();
  }
  if (state.owner !== null) {
    await api.storage.local.set({ [parkedKey(state.owner)]: leaving.toStoredJson() });
  }
  // A step out belongs to the network it came from; its outcome, if it
  // comes, is not this network's. That network verifies it on its return.
  await api.storage.session.remove("stepInFlight");
  next.seedQueueFromCrypto();
  state.core = next;
  state.owner = member;
  state.waitingOn = null;
  await persistNow();
  await api.storage.local.remove(key);
  return true;
}

/**
 * Decodes a base64 string to bytes.
 * @param {string} base64
 */
function bytesOf(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Whether a message really comes from this extension, and from where.
 * @param {chrome.runtime.MessageSender} sender
 * @returns {"linkedin-tab" | "extension-page" | null}
 */
function origin(sender) {
  if (sender.id !== api.runtime.id) return null;
  const url = sender.url ?? sender.tab?.url ?? "";
  if (sender.tab && url.startsWith(`${LINKEDIN_ORIGIN}/`)) return "linkedin-tab";
  if (url.startsWith(api.runtime.getURL(""))) return "extension-page";
  return null;
}

/**
 * @typedef {object} Handler
 * @property {"linkedin-tab" | "extension-page"} from
 * @property {(message: any, sender: chrome.runtime.MessageSender) => Promise<object>} handle
 */

/** @type {Record<string, Handler>} */
const handlers = {
  "page-reading": {
    from: "linkedin-tab",
    async handle(message, sender) {
      const reading = message.reading;
      const tabId = sender.tab?.id;
      const member = memberOf(reading);
      const page = reading?.recognised ? (reading.page ?? null) : null;
      // An unrecognised reading (a page still loading) changes only the member.
      if (typeof tabId === "number") {
        // A reading says whether its page is visible: a reloaded page is
        // visible from its start and never reports a visibilitychange, while
        // the page it replaced said "hidden" as it unloaded.
        const seen = typeof reading?.visible === "boolean" ? { visible: reading.visible } : {};
        await noteTab(
          tabId,
          reading?.recognised
            ? { page, member, ...checkOf(reading), ...seen }
            : { member, ...seen },
        );
      }
      // Whose network this is: learnt from the first reading that names a
      // member; a reading of another account switches to that account's own
      // network (this one is parked, never mixed). A reading naming nobody
      // is read for counts into the active network, but lets no step run.
      if (member !== null && state.owner === null) {
        state.owner = member;
      } else if (
        member !== null &&
        !sameMember(member, state.owner) &&
        !(await switchNetwork(member))
      ) {
        return { report: null, collect: null, readOnly: true };
      }
      const report = state.core.ingest(reading, Date.now());
      let collect = report.collect ?? null;
      if (page === "connections" && typeof tabId === "number") {
        const acting = (await connectionsTab()) === tabId;
        // Only the acting tab collects; any other stops if it was.
        if (acting && report.collect?.running) await driveCollection(tabId);
        if (!acting && collect?.running) collect = { ...collect, running: false };
        // Only the pauses netprune made for want of this page, or of this
        // account, lift by themselves; a pause for trouble or by the member
        // waits for the member.
        const queue = state.core.queueProgress(Date.now(), utcOffset());
        // Never during a cool-down: that takes the member's acknowledgement.
        const cooling =
          typeof queue.cooldownUntilMs === "number" && queue.cooldownUntilMs > Date.now();
        const lifts =
          !cooling &&
          (pausedForPage(queue) ||
            (queue.state === "paused" &&
              queue.pause?.cause === "account" &&
              sameMember(member, state.owner)));
        if (acting && lifts) {
          state.core.resumeQueue(Date.now(), {});
          pumpQueue();
        }
      }
      if (report.collect?.done) await persistNow();
      else persistSoon();
      return { report, collect };
    },
  },
  "page-visibility": {
    from: "linkedin-tab",
    async handle(message, sender) {
      const tabId = sender.tab?.id;
      if (typeof tabId === "number") await noteTab(tabId, { visible: message.visible === true });
      // A queue waiting for the page to be seen carries on.
      if (message.visible === true) pumpQueue();
      return {};
    },
  },
  "removal-outcome": {
    from: "linkedin-tab",
    async handle(message, sender) {
      const attempt = Number(message.attempt);
      const out = await stepInFlight();
      if (!out || out.attempt !== attempt || out.tabId !== sender.tab?.id) {
        // Not the step out (another tab, an earlier attempt): ignored,
        // except that trouble anywhere still stops everything.
        if (message.outcome?.kind === "trouble") {
          await stopForTrouble(
            String(message.outcome.reason ?? "LinkedIn showed a warning"),
            message.outcome.trouble,
          );
        }
        return { reported: { kind: "ignored" } };
      }
      await api.storage.session.remove("stepInFlight");
      const reported = state.core.reportRemoval(attempt, message.outcome, Date.now());
      if (message.outcome?.kind === "trouble" && state.core.collection()?.running) {
        await stopForTrouble(
          String(message.outcome.reason ?? "LinkedIn showed a warning"),
          message.outcome.trouble,
        );
      }
      await persistNow();
      pumpQueue();
      return { reported };
    },
  },
  trouble: {
    from: "linkedin-tab",
    async handle(message) {
      const where = typeof message.url === "string" ? ` (${message.url})` : "";
      await stopForTrouble(
        `${String(message.reason ?? "LinkedIn showed a warning")}${where}`,
        message.trouble,
      );
      return {};
    },
  },
  "queue-removals": {
    from: "extension-page",
    async handle(message) {
      const slugs = Array.isArray(message.slugs) ? message.slugs.map(String) : [];
      // The page open now lacks what a removal needs: say so before anyone
      // is queued, rather than queue people who would only wait.
      const off = await removalOffReason();
      if (off !== null) throw new Error(`${off} Nobody was queued; "Check this page" says more.`);
      // The dry run belongs to this batch's people: an earlier batch keeps its own.
      const report = state.core.queueRemovals(slugs, Date.now(), Boolean(message.dryRun));
      await persistNow();
      pumpQueue();
      return report;
    },
  },
  "queue-pause": {
    from: "extension-page",
    async handle() {
      state.core.pauseQueue("Paused by you", Date.now());
      await persistNow();
      await scheduleWake(null);
      return { queue: queueView() };
    },
  },
  "queue-resume": {
    from: "extension-page",
    async handle(message) {
      // During the cool-down after a LinkedIn warning the core refuses (the
      // error says until when) unless the member ticked the acknowledgement.
      state.core.resumeQueue(Date.now(), {
        acknowledgeCooldown: message.acknowledgeCooldown === true,
      });
      await persistNow();
      pumpQueue();
      return { queue: queueView() };
    },
  },
  "queue-cancel": {
    from: "extension-page",
    async handle() {
      const result = state.core.cancelAll(Date.now());
      await persistNow();
      return { result, queue: queueView() };
    },
  },
  "queue-cancel-one": {
    from: "extension-page",
    async handle(message) {
      const result = state.core.cancelRemoval(String(message.slug ?? ""), Date.now());
      await persistNow();
      return { result, queue: queueView() };
    },
  },
  "queue-settings": {
    from: "extension-page",
    async handle(message) {
      // The core clamps every value to its hard ceilings: what comes back is
      // what is in force, which the page shows.
      const settings = state.core.setQueueSettings(message.settings ?? {});
      await persistNow();
      pumpQueue();
      return { settings };
    },
  },
  "removal-log": {
    from: "extension-page",
    async handle() {
      return { csv: state.core.removalLogCsv() };
    },
  },
  "collect-ended": {
    from: "linkedin-tab",
    async handle(message, sender) {
      // Only the tab that collects ends the run; another tab's end (it was
      // told to stop) says nothing about the list.
      if (sender.tab?.id !== (await connectionsTab())) return { collect: state.core.collection() };
      // A halt is the answer to our own stop (or to the member leaving the
      // page, which keeps the run waiting for the page to come back).
      if (message.outcome === "end-of-list" || message.outcome === "stalled") {
        state.core.finishCollection("ended", String(message.reason ?? ""), Date.now());
        await persistNow();
      }
      return { collect: state.core.collection() };
    },
  },
  "collect-start": {
    from: "extension-page",
    async handle() {
      const tabId = await connectionsTab();
      if (tabId === null) {
        throw new Error(
          "Open your LinkedIn connections page in a tab first: netprune collects from it.",
        );
      }
      const collect = state.core.startCollection(Date.now());
      await persistNow();
      await driveCollection(tabId);
      return { collect };
    },
  },
  "page-check": {
    from: "extension-page",
    async handle() {
      // What the connections tab's reader recognises (issue 10, "Check this
      // page"). It clicks nothing; what it finds is the tab's latest word on
      // whether removal can run there.
      const tabId = await connectionsTab();
      if (tabId === null) {
        throw new Error("Open your LinkedIn connections page in a tab first: netprune checks it.");
      }
      /** @type {any} */
      let answer;
      try {
        answer = await api.tabs.sendMessage(tabId, { type: "page-check" });
      } catch (error) {
        throw new Error(`The connections tab did not answer (${messageOf(error)}); reload it.`, {
          cause: error,
        });
      }
      if (!answer?.ok)
        throw new Error(String(answer?.error ?? "The connections tab did not answer."));
      await noteTab(tabId, checkOf({ check: answer.check }));
      pumpQueue();
      return { check: answer.check };
    },
  },
  "collect-stop": {
    from: "extension-page",
    async handle() {
      const collect = state.core.finishCollection("stopped", null, Date.now());
      await persistNow();
      await haltCollection();
      return { collect };
    },
  },
  "get-summary": {
    from: "extension-page",
    async handle() {
      return { summary: summary() };
    },
  },
  "set-goal": {
    from: "extension-page",
    async handle(message) {
      state.core.setGoal(String(message.goal));
      await persistNow();
      return { summary: summary() };
    },
  },
  "set-kept": {
    from: "extension-page",
    async handle(message) {
      const slugs = Array.isArray(message.slugs) ? message.slugs.map(String) : [];
      const changed = state.core.setKept(slugs, Boolean(message.kept));
      await persistNow();
      return { changed };
    },
  },
  "import-csv": {
    from: "extension-page",
    async handle(message) {
      if (typeof message.base64 !== "string") throw new Error("No file was sent.");
      const report = state.core.importCsv(bytesOf(message.base64), Date.now());
      await persistNow();
      return { report };
    },
  },
  "restore-backup": {
    from: "extension-page",
    async handle(message) {
      // The core validates the whole file first: a refusal changes nothing.
      // A restore replaces the people, keep-list and saved queries, but never
      // undoes safety: the removal log, the attempt counts behind the caps,
      // the pacing generator, the pause and cool-down and the step in flight
      // stay as they are, anyone removed stays removed, and nobody is queued
      // (the file's waiting removals are not queued again, the ones waiting
      // now are cancelled; the log keeps them all).
      const report = state.core.restoreBackup(String(message.text ?? ""), Date.now());
      await persistNow();
      pumpQueue();
      return { summary: summary(), report };
    },
  },
  "save-query": {
    from: "extension-page",
    async handle(message) {
      state.core.saveQuery(String(message.name ?? ""), String(message.query ?? ""), Date.now());
      await persistNow();
      return { savedQueries: state.core.savedQueries() };
    },
  },
  "delete-query": {
    from: "extension-page",
    async handle(message) {
      state.core.deleteQuery(String(message.name ?? ""));
      await persistNow();
      return { savedQueries: state.core.savedQueries() };
    },
  },
  "kept-snapshot": {
    from: "extension-page",
    async handle(message) {
      // The kept-aside copy's text, for the member to download (never sent
      // anywhere else). `keptAs` names one entry of corruptSnapshots.
      const { corruptSnapshots } = await api.storage.local.get("corruptSnapshots");
      const kept = Array.isArray(corruptSnapshots) ? corruptSnapshots : [];
      const entry = kept.find((k) => k?.keptAs === String(message.keptAs ?? ""));
      if (!entry) throw new Error("That kept-aside copy is no longer stored.");
      const raw = typeof entry.raw === "string" ? entry.raw : JSON.stringify(entry.raw ?? null);
      return { raw, kind: entry.kind === "newer" ? "newer" : "unreadable", atMs: entry.atMs };
    },
  },
  "dismiss-corrupt": {
    from: "extension-page",
    async handle() {
      if (state.corrupt) {
        await api.storage.local.set({ corruptNoticeDismissed: state.corrupt.atMs });
        state.corrupt = null;
      }
      await persistNow();
      return { summary: summary() };
    },
  },
};

let queue = Promise.resolve();

/**
 * Runs `task` after every earlier message has been handled.
 * @template T
 * @param {() => Promise<T>} task
 * @returns {Promise<T>}
 */
function serially(task) {
  const run = queue.then(() => ready).then(task);
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = handlers[message?.type];
  if (!handler || origin(sender) !== handler.from) return false;
  serially(() => handler.handle(message, sender)).then(
    (answer) => sendResponse({ ok: true, ...answer }),
    (error) => {
      console.warn(`netprune: ${message.type} failed:`, error);
      sendResponse({ ok: false, error: messageOf(error) });
    },
  );
  // Keep the channel open for the asynchronous answer (Chrome and Firefox alike).
  return true;
});

// The queue's durable wake-up, and a restart of the browser: carry on where
// the stored queue says (a step whose outcome was lost is verified first).
api.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === QUEUE_ALARM) pumpQueue();
});
api.runtime.onStartup.addListener(() => pumpQueue());

// The member closing the connections tab leaves a running collection
// waiting: it resumes when the page sends its next reading.
api.tabs.onRemoved.addListener((tabId) => {
  serially(async () => {
    const { connectionsTab: current } = await api.storage.session.get("connectionsTab");
    if (current === tabId) await api.storage.session.remove("connectionsTab");
    const tabs = await linkedinTabs();
    if (tabId in tabs) {
      delete tabs[tabId];
      await api.storage.session.set({ linkedinTabs: tabs });
    }
  }).catch(() => undefined);
});

// A LinkedIn tab that loads a new document (a reload, a sign-in as someone
// else) shows nobody's network until its page reads again: no step goes to
// it on the strength of what the previous document said.
api.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status !== "loading") return;
  serially(async () => {
    const tabs = await linkedinTabs();
    // A new document: nothing the old page said (its account, that it was
    // the connections page, its page check) holds until the new page reads.
    if (tabs[tabId]) await noteTab(tabId, { member: null, page: null, removalOff: null });
  }).catch(() => undefined);
});

// A queue waiting for its tab to be visible looks again when the member
// switches tabs or windows (the page also reports page-visibility). A look
// never dispatches a second step: runQueueStep leaves a step out alone.
// A tab just brought to the front is shown, whatever its page said before
// (a page reloaded while hidden never reports becoming visible).
api.tabs.onActivated.addListener(({ tabId }) => {
  serially(async () => {
    const tabs = await linkedinTabs();
    if (tabs[tabId]?.visible === false) await noteTab(tabId, { visible: true });
  })
    .then(pumpQueue)
    .catch(() => undefined);
});
api.windows?.onFocusChanged.addListener(() => pumpQueue());
