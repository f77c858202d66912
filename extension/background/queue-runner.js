// @ts-check
// The removal queue's runner. The core decides (what next, and when); this
// code only carries its decisions out: it hands one step at a time to the
// acting connections tab, records the step out (storage.session.stepInFlight)
// until its outcome or its timeout, says what the queue waits on when the tab
// may not take a step (hidden, another account, no evidence of the account,
// removal off on the page, a collection first), takes the outcomes back to
// the core, stops everything at the first sign of trouble, and wakes up when
// the core asks: by alarm (which survives the worker stopping) and, for short
// waits, by the core's timer.
import { api } from "../lib/browser.js";
import {
  Core,
  devDelayMs,
  messageOf,
  persistNow,
  serially,
  sleepMs,
  state,
  utcOffset,
} from "./core-host.js";
import {
  ACTION_PAGES,
  PAGE_OF_KIND,
  actingTab,
  actionOffIn,
  connectionsTab,
  linkedinTabs,
  sameMember,
  tabShown,
} from "./tabs.js";
import { driveCollection, haltCollection, listCollects, stopListCollects } from "./collect.js";
import { ACCOUNT_REASON } from "./accounts.js";

// The queue runs only with the member's connections page open: steps act on
// that page and nowhere else.
const NO_TAB_REASON = "Open your LinkedIn connections page to continue";
// Waits shorter than this run on the core's timer (sleepMs, under the alarm
// minimum) while the worker is awake; every wait also has an alarm, which
// survives the worker being stopped.
const SHORT_WAIT_MS = 20_000;
export const QUEUE_ALARM = "netprune-queue";
// The backstop: a one-shot alarm is used up when it fires, and the worker
// can be stopped before its listener arms the next one (Chrome stops
// workers at any moment). While the queue has work a periodic alarm stays
// armed too, so a stop at the wrong moment costs at most its period, never
// the queue. Cleared with the queue idle or paused. 30 s is the shortest
// period Chrome allows a packed extension.
export const QUEUE_BACKSTOP_ALARM = "netprune-queue-backstop";
const BACKSTOP_MINUTES = 0.5;
// A step belongs to the tab it was sent to, under its attempt number, until
// its outcome arrives or the core's `rules().step.timeoutMs` has passed;
// storage.session.stepInFlight records it, so a worker stopped mid-step
// still knows.
// Steps act only on a page the member can see, of the account that owns
// this network; otherwise the queue waits (it does not pause), saying why,
// and looks again on the tab's events or after RECHECK_MS.
// Each page's name in the queue's words.
const PAGE_WORDS = {
  connections: "connections",
  invitations: "sent invitations",
  following: "following",
};
// The message each kind of step is sent to its tab as.
const STEP_MESSAGES = {
  remove: "remove-step",
  withdraw: "withdraw-step",
  unfollow: "unfollow-step",
};
/**
 * What the queue waits for on `page`'s tab: while it cannot be seen
 * (`hidden`), or does not yet show whose it is (`member`), and after the
 * tab did not take a step, by its answer.
 * @param {string} page one of ACTION_PAGES
 */
function waitsOf(page) {
  const name = PAGE_WORDS[/** @type {keyof typeof PAGE_WORDS} */ (page)] ?? page;
  const tab = `your LinkedIn ${name} tab`;
  return {
    hidden: `Waiting for ${tab} to be visible`,
    member: `Waiting to see which LinkedIn account ${tab} is signed in to`,
    busy: `Waiting for ${tab} to finish what it is doing`,
    "another-account": `Waiting for ${tab} to show this network's account`,
    "no-list":
      page === "connections"
        ? `Waiting for ${tab} to show your connections list`
        : `Waiting for your LinkedIn ${name} page: open it in a tab`,
    searched: `Waiting for the name search on your LinkedIn ${name} page to be cleared: it shows nobody`,
  };
}
const RECHECK_MS = 30_000;
const COLLECT_WAIT = "Waiting for netprune to finish reading your connections list";

// Each wake asked for supersedes the earlier ones: a short wait that ends
// after a later scheduleWake finds its number stale and does nothing.
let wakeNumber = 0;

/** @param {number | null} atMs */
export async function scheduleWake(atMs) {
  const number = (wakeNumber += 1);
  if (atMs === null) {
    await api.alarms.clear(QUEUE_ALARM);
    await api.alarms.clear(QUEUE_BACKSTOP_ALARM);
    return;
  }
  // Armed once and left alone: creating it again would push its first
  // firing back every time.
  if (!(await api.alarms.get(QUEUE_BACKSTOP_ALARM))) {
    await api.alarms.create(QUEUE_BACKSTOP_ALARM, { periodInMinutes: BACKSTOP_MINUTES });
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
export function pumpQueue() {
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
  // The pages the waiting steps act on, and the tab acting on each.
  const tabs = await actingTabs(progress);
  const chosen = await preferredTab(tabs);
  if (chosen === null) {
    state.waitingOn = null;
    state.core.pauseQueue(noTabReason(tabs), now, "needsPage");
    await persistNow();
    return;
  }
  const hold = await stepHold(chosen.tabId, chosen.page);
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
  // The core prefers the kind whose page is shown; another kind goes first
  // only when this one's caps hold it back.
  state.core.showingPage(chosen.page);
  const action = state.core.pollRemovals(now, utcOffset());
  let notTaken = false;
  if (action.kind === "remove" || action.kind === "verify") {
    const kind = /** @type {keyof typeof PAGE_OF_KIND} */ (
      action.action in PAGE_OF_KIND ? action.action : "remove"
    );
    const page = PAGE_OF_KIND[kind];
    const target = page === chosen.page ? chosen.tabId : (tabs.get(page) ?? null);
    // Another kind's page: held back there as the chosen page would be.
    const refusal =
      target === null
        ? { notTaken: "no-list", wait: waitsOf(page)["no-list"] }
        : target === chosen.tabId
          ? null
          : await heldBack(target, page);
    if (refusal) {
      notTaken = true;
      state.waitingOn = refusal.wait;
      state.core.stepNotTaken(action.attempt, refusal.notTaken, Date.now());
      await persistNow();
    } else {
      notTaken = await sendStep(action, kind, page, /** @type {number} */ (target), rules, now);
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
 * Hands one step to the tab acting on its page, recording it as the step
 * out. A tab that refuses before doing anything (busy, hidden, another
 * account, no list) is not a failure: the person goes back to waiting and
 * the queue waits for what the tab named.
 * @param {any} action the core's `remove` or `verify`
 * @param {keyof typeof PAGE_OF_KIND} kind
 * @param {string} page
 * @param {number} tabId
 * @param {any} rules the core's rules (`rules.step`, the step's limits)
 * @param {number} now
 * @returns {Promise<boolean>} whether the tab did not take it
 */
async function sendStep(action, kind, page, tabId, rules, now) {
  await api.storage.session.set({
    stepInFlight: { attempt: action.attempt, tabId, sentAtMs: now },
  });
  await persistNow();
  const step = {
    type: STEP_MESSAGES[kind],
    attempt: action.attempt,
    slug: action.slug,
    name: action.name,
    // A removal's modes predate the other kinds' "act".
    mode: action.kind === "verify" ? "verify" : kind === "remove" ? "remove" : "act",
    dryRun: Boolean(action.dryRun),
    pausesMs: action.pausesMs,
    // The account the step is for: the page refuses it under another one.
    member: state.owner,
    // How long each of the step's waits may last.
    rules: rules.step,
    // The removal words the member taught netprune (by language): the
    // page clicks by its own language's words only.
    taught: state.core.taughtWords(),
  };
  let accepted;
  try {
    accepted = await api.tabs.sendMessage(tabId, step);
  } catch (error) {
    accepted = { ok: false, error: messageOf(error) };
  }
  if (!accepted?.ok && typeof accepted?.notTaken === "string") {
    const waits = waitsOf(page);
    const why = accepted.notTaken in waits ? accepted.notTaken : "busy";
    state.waitingOn = waits[/** @type {keyof typeof waits} */ (why)];
    state.core.stepNotTaken(action.attempt, why, Date.now());
    await api.storage.session.remove("stepInFlight");
    await persistNow();
    return true;
  }
  if (!accepted?.ok) {
    // The step never started: say so, and let the core's backoff decide.
    await api.storage.session.remove("stepInFlight");
    state.core.reportRemoval(
      action.attempt,
      {
        kind: "failed",
        reason: `the ${PAGE_WORDS[/** @type {keyof typeof PAGE_WORDS} */ (page)]} tab did not take the step (${accepted?.error ?? "no answer"})`,
      },
      Date.now(),
    );
    await persistNow();
  }
  return false;
}

/**
 * The tab acting on each page that waiting steps act on (a page with
 * nobody waiting for it is left out).
 * @param {any} progress the core's queueProgress
 * @returns {Promise<Map<string, number | null>>}
 */
async function actingTabs(progress) {
  const kinds = Array.isArray(progress.kinds) ? progress.kinds : [];
  const needed = new Set(
    kinds
      .filter((k) => Number(k?.pending) > 0)
      .map((k) => PAGE_OF_KIND[/** @type {keyof typeof PAGE_OF_KIND} */ (k.kind)])
      .filter(Boolean),
  );
  // Nothing known waiting (a verification, a core without kinds): the
  // connections page, as before kinds.
  if (needed.size === 0) needed.add("connections");
  /** @type {Map<string, number | null>} */
  const tabs = new Map();
  for (const page of ACTION_PAGES) if (needed.has(page)) tabs.set(page, await actingTab(page));
  return tabs;
}

/**
 * The tab to act in now: one the member can see first, the connections tab
 * first among equals; null when no page a waiting step needs is open.
 * @param {Map<string, number | null>} tabs
 * @returns {Promise<{ page: string, tabId: number } | null>}
 */
async function preferredTab(tabs) {
  /** @type {{ page: string, tabId: number } | null} */
  let first = null;
  for (const [page, tabId] of tabs) {
    if (tabId === null) continue;
    first ??= { page, tabId };
    if (await tabShown(tabId)) return { page, tabId };
  }
  return first;
}

/**
 * Why the queue pauses with no page open: the page (or pages) its waiting
 * steps need.
 * @param {Map<string, number | null>} tabs
 */
function noTabReason(tabs) {
  const pages = [...tabs.keys()];
  if (pages.length === 1 && pages[0] === "connections") return NO_TAB_REASON;
  const names = pages.map((page) => PAGE_WORDS[/** @type {keyof typeof PAGE_WORDS} */ (page)]);
  const listed =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  return `Open your LinkedIn ${listed} page to continue`;
}

/**
 * A step for `page`'s tab when another tab was chosen: held back there by
 * the same checks, as a refusal the core counts as not taken.
 * @param {number} tabId
 * @param {string} page
 * @returns {Promise<{ notTaken: string, wait: string } | null>}
 */
async function heldBack(tabId, page) {
  const hold = await stepHold(tabId, page);
  if (!hold) return null;
  const waits = waitsOf(page);
  if (hold.pause) return { notTaken: "another-account", wait: waits["another-account"] };
  return { notTaken: "busy", wait: hold.wait ?? waits.busy };
}

/**
 * The step out, if any: `{ attempt, tabId, sentAtMs }`.
 * @returns {Promise<{ attempt: number, tabId: number, sentAtMs: number } | null>}
 */
export async function stepInFlight() {
  const { stepInFlight: out } = await api.storage.session.get("stepInFlight");
  return out && typeof out.attempt === "number" && typeof out.tabId === "number" ? out : null;
}

/**
 * Why `page`'s acting tab may not take a step now: `{ pause }` (the member
 * must act) or `{ wait }` (it resumes by itself), or null when it may.
 * @param {number} tabId
 * @param {string} page
 * @returns {Promise<{ pause?: string, wait?: string } | null>}
 */
async function stepHold(tabId, page) {
  const tab = (await linkedinTabs())[tabId];
  const member = tab?.member ?? null;
  // What the page check found missing (a menu, the search box, the total):
  // no step runs there until a reading says the page is whole again.
  if (page === "connections" && typeof tab?.removalOff === "string") {
    return { wait: `Removal is off on your LinkedIn connections page: ${tab.removalOff}` };
  }
  // The page in a language without its step's words: steps wait (they
  // would only fail there) until a reading says it can take them again.
  const off = actionOffIn(page, tab);
  if (off !== null) return { wait: off };
  // No evidence of the account on this page. Once netprune knows whose
  // network this is, such a page is read for counts but never acted on; while
  // no page has ever named an account (LinkedIn's navigation unreadable
  // everywhere so far) there is nothing to check against, and steps go on
  // (the popup says the account is not identified).
  if (member === null)
    return state.owner === null ? visibleHold(tabId, tab, page) : { wait: waitsOf(page).member };
  if (!sameMember(member, state.owner)) {
    return {
      pause: `${ACCOUNT_REASON} (${member}); this network is ${state.owner ?? "unknown"}'s`,
    };
  }
  return visibleHold(tabId, tab, page);
}

/**
 * Waits while `page`'s tab cannot be seen; null when it can.
 * @param {number} tabId
 * @param {{ visible?: boolean } | undefined} tab what the tab last said of itself
 * @param {string} page
 */
async function visibleHold(tabId, tab, page) {
  if (tab?.visible === false || !(await tabShown(tabId))) return { wait: waitsOf(page).hidden };
  return null;
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
  const runs = await listCollects();
  if (Object.values(runs).some((run) => run?.running)) {
    await haltCollection();
    await stopListCollects(`stopped at a LinkedIn warning: ${reason}`);
  }
  await persistNow();
}

/**
 * Trouble a tab reported (`{ reason, trouble }`: trouble's kind, when
 * LinkedIn showed a warning): stops everything.
 * @param {any} report
 * @param {string} [where] appended to the reason, e.g. " (<the page's URL>)"
 */
export function troubleReported(report, where = "") {
  return stopForTrouble(
    `${String(report.reason ?? "LinkedIn showed a warning")}${where}`,
    report.trouble,
  );
}

/**
 * A step's outcome from tab `tabId`, taken to the core if it is the step
 * out (that tab, that attempt); any other is ignored, except that trouble
 * anywhere still stops everything.
 * @param {any} message `{ attempt, outcome }`
 * @param {number | undefined} tabId
 */
export async function takeOutcome(message, tabId) {
  const attempt = Number(message.attempt);
  const out = await stepInFlight();
  if (!out || out.attempt !== attempt || out.tabId !== tabId) {
    // Not the step out (another tab, an earlier attempt): ignored,
    // except that trouble anywhere still stops everything.
    if (message.outcome?.kind === "trouble") await troubleReported(message.outcome);
    return { reported: { kind: "ignored" } };
  }
  await api.storage.session.remove("stepInFlight");
  const reported = state.core.reportRemoval(attempt, message.outcome, Date.now());
  if (message.outcome?.kind === "trouble" && state.core.collection()?.running) {
    await troubleReported(message.outcome);
  }
  await persistNow();
  pumpQueue();
  return { reported };
}
