// Shared helpers of the popup's tests: popup.html loaded into jsdom (which
// does not run its module script) with startPopup() driven in node, a stub
// extension API standing in for the background, storage.local and the
// browser's tab, window and side-panel APIs, canned Summary, collection and
// queue objects as the background stores them. Reading and driving the page
// (by data-testid, text, shown, settle, axe) is ../review/dom.mjs, shared
// with the review page's tests.
// The tests themselves are split by the part of the popup they prove:
// summary, ratio-chart, notices, collect-status, queue-panel, queue-controls
// and popup-main (the wiring).
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

import { startPopup } from "../../extension/popup/popup.js";
import { i18nFor } from "../i18n/messages.mjs";
import { byTestId } from "../review/dom.mjs";

export const POPUP_HTML = readFileSync(
  new URL("../../extension/popup/popup.html", import.meta.url),
  "utf8",
);

export const SECOND = 1000;
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const EXTENSION_ROOT = "chrome-extension://netprune-test-id/";
export const CONNECTIONS_PAGE = "https://www.linkedin.com/mynetwork/invite-connect/connections/";

export const GOALS = [
  { id: "thought-leader", label: "Thought leader / executive", low: 3, high: 5 },
  { id: "consultant", label: "Consultant / freelancer", low: 1.5, high: 2 },
  { id: "business-developer", label: "Business developer", low: 1, high: 1.5 },
  { id: "early-career", label: "Early career", low: 0.8, high: 1 },
];

/** A Summary with nothing read, as the background answers on a fresh install. */
export function emptySummary(overrides = {}) {
  return {
    connections: null,
    followers: null,
    following: null,
    peopleRead: 0,
    badge: { status: "unknown", connectionsNeeded: null },
    cap: { limit: 30000, headroom: null, atCap: false },
    goal: "consultant",
    goals: GOALS,
    ratio: null,
    consistency: { status: "empty", problems: [] },
    page: null,
    corrupt: null,
    relations: unreadRelations(),
    ...overrides,
  };
}

/** The core's `relations` before the sent invitations, following and followers pages were read. */
export function unreadRelations() {
  return {
    pendingInvitations: 0,
    oldestInvitationDays: null,
    invitationsOverAMonth: 0,
    followingPeople: 0,
    followingNotConnections: 0,
    invitationsReadMs: null,
    followingReadMs: null,
    followersListed: 0,
    followersListedNotConnections: 0,
    followersListReadMs: null,
    followersNotConnections: null,
    followersNotConnectionsPrecision: null,
  };
}

/**
 * 1,204 invitations pending, the oldest 95 days old; 56 of 312 followed are not connections;
 * 410 of the 987 followers the followers page lists are not connections;
 * 1,049 followers are not connections (fullSummary's 2,283 followers minus 1,234 connections).
 */
export function readRelations(overrides = {}) {
  return {
    pendingInvitations: 1204,
    oldestInvitationDays: 95,
    invitationsOverAMonth: 37,
    followingPeople: 312,
    followingNotConnections: 56,
    invitationsReadMs: Date.now() - 2 * HOUR,
    followingReadMs: Date.now() - 3 * HOUR,
    followersListed: 987,
    followersListedNotConnections: 410,
    followersListReadMs: Date.now() - 4 * HOUR,
    followersNotConnections: 1049,
    followersNotConnectionsPrecision: "exact",
    ...overrides,
  };
}

export function count(value, shown, source, precision = "exact", agoMs = 5 * MINUTE) {
  return { value, precision, shown, readAtMs: Date.now() - agoMs, source };
}

/** 1,234 connections, 2,283 followers, 312 following: ratio 1.85, within consultant. */
export function fullSummary(overrides = {}) {
  return emptySummary({
    connections: count(1234, "1,234", "connections-page"),
    followers: count(2283, "2,283", "followers-page"),
    following: count(312, "312", "following-page"),
    peopleRead: 40,
    badge: { status: "shows", connectionsNeeded: null },
    cap: { limit: 30000, headroom: 28766, atCap: false },
    ratio: {
      value: 2283 / 1234,
      approximate: false,
      low: 1.5,
      high: 2,
      position: "within",
      followersToBand: null,
      connectionsToBand: null,
    },
    consistency: { status: "consistent", problems: [] },
    relations: readRelations(),
    page: {
      page: "connections",
      status: "recognised",
      url: CONNECTIONS_PAGE,
      generation: "sdui-2026",
      language: "en",
      reason: null,
      atMs: Date.now() - MINUTE,
    },
    ...overrides,
  });
}

/**
 * A stub of `chrome` (or `browser`) as the popup uses it. `answer(message)`
 * plays the background: it returns the reply (or a promise of it) or throws
 * like runtime.sendMessage does. `stored` is storage.local; `readStorage`
 * can delay its answer. `sideView` picks which way of opening the review page
 * beside LinkedIn exists: Chrome's sidePanel, Firefox's sidebarAction, or
 * neither. Every call to those APIs is written to `calls`. `language` is the
 * _locales folder the pages are shown in (English unless a test says).
 */
export function stubExtension(
  answer,
  {
    stored = {},
    readStorage = async (keys) => keys,
    sideView = "side-panel",
    language = "en",
  } = {},
) {
  const sent = [];
  const opened = [];
  const calls = [];
  const listeners = new Set();
  const extension = {
    sent,
    opened,
    calls,
    listeners,
    i18n: i18nFor(language),
    runtime: {
      async sendMessage(message) {
        sent.push(message);
        return answer(message);
      },
      getURL: (path) => `${EXTENSION_ROOT}${path}`,
    },
    tabs: {
      async create(options) {
        opened.push(options.url);
        return { id: 1 };
      },
    },
    windows: {
      async getCurrent() {
        calls.push("windows.getCurrent");
        return { id: 7 };
      },
    },
    storage: {
      local: {
        async get(keys) {
          await readStorage(keys);
          return Object.fromEntries(keys.filter((key) => key in stored).map((k) => [k, stored[k]]));
        },
      },
      onChanged: {
        addListener: (listener) => listeners.add(listener),
        removeListener: (listener) => listeners.delete(listener),
      },
    },
    fireStorageChange(changes, area) {
      for (const listener of listeners) listener(changes, area);
    },
  };
  if (sideView === "side-panel") {
    extension.sidePanel = {
      async open(options) {
        calls.push(["sidePanel.open", options]);
      },
    };
  } else if (sideView === "sidebar") {
    extension.sidebarAction = {
      async open() {
        calls.push(["sidebarAction.open"]);
      },
    };
  }
  return extension;
}

/** A promise the test settles by hand: a background (or storage) that answers late. */
export function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Always answers with `summary` (a value or a function of the message). */
export function backgroundWith(summary, options) {
  return stubExtension(
    (message) => ({
      ok: true,
      summary: typeof summary === "function" ? summary(message) : summary,
    }),
    options,
  );
}

/**
 * Loads popup.html and starts the popup on it. `closed()` counts the
 * popup's window.close() calls. Waits for the background's first answer
 * unless told not to.
 */
export async function openPopup(t, extension, { waitForBackground = true } = {}) {
  const dom = new JSDOM(POPUP_HTML, { runScripts: "outside-only" });
  const doc = dom.window.document;
  const closeWindow = dom.window.close.bind(dom.window);
  let closes = 0;
  dom.window.close = () => {
    closes += 1;
  };
  const popup = startPopup(doc, extension);
  t.after(() => {
    popup.stop();
    closeWindow();
  });
  if (waitForBackground) await popup.ready;
  return { dom, doc, popup, extension, closed: () => closes };
}

// ---------------------------------------------------------------------------
// Canned collection progress and removal queue.

/** A Collect as the background mirrors it into storage (docs/ARCHITECTURE.md). */
export function collectRun(overrides = {}) {
  return {
    running: true,
    startedAtMs: Date.now() - 10 * MINUTE,
    endedAtMs: null,
    seen: 3140,
    target: 8012,
    outcome: null,
    reason: null,
    gone: 0,
    ...overrides,
  };
}

/** storage.local.queue as the background writes it: the core's QueueProgress and entries. */
export function queueStore(progress = {}, entries = []) {
  return {
    progress: {
      state: "running",
      reason: null,
      pausedAtMs: null,
      pending: 11,
      inProgress: 1,
      removed: 34,
      failed: 0,
      skipped: 0,
      cancelled: 0,
      unconfirmed: 0,
      checkWaiting: null,
      removedToday: 12,
      attemptsThisHour: 3,
      attemptsToday: 12,
      hourlyCap: 15,
      dailyCap: 60,
      nextActionAtMs: null,
      waitingFor: null,
      etaMs: null,
      dryRunLeft: 0,
      pauseCause: null,
      pause: null,
      cooldownUntilMs: null,
      cooldownReason: null,
      devPacing: false,
      kinds: [
        kindLine("remove", { pending: 12, done: 34, doneToday: 12, attemptsToday: 12 }),
        kindLine("withdraw"),
        kindLine("unfollow"),
      ],
      overallToday: 12,
      overallDailyCap: 100,
      ...progress,
    },
    entries,
  };
}

/** The core's caps by kind (src/removal/pacing), hourly and daily. */
export const KIND_CAPS = { remove: [15, 60], withdraw: [10, 40], unfollow: [15, 60] };

/** One kind's line of `progress.kinds`, nothing waiting or done unless told. */
export function kindLine(kind, counts = {}) {
  const [hourlyCap, dailyCap] = KIND_CAPS[kind];
  return {
    kind,
    pending: 0,
    done: 0,
    doneToday: 0,
    attemptsThisHour: 0,
    attemptsToday: 0,
    hourlyCap,
    dailyCap,
    ...counts,
  };
}

/**
 * A paused QueueProgress as the core answers it: the cause the popup
 * switches on and the sentence it shows (`reason` and `pauseCause` repeat them).
 */
export function paused(cause, message, overrides = {}) {
  const atMs = Date.now() - MINUTE;
  return {
    state: "paused",
    reason: message,
    pausedAtMs: atMs,
    pauseCause: cause,
    pause: { cause, message, atMs },
    ...overrides,
  };
}

export function entry(slug, name, kind = "pending") {
  return {
    slug,
    name,
    queuedAtMs: Date.now() - HOUR,
    status: { kind },
    attempts: 0,
    dryRun: false,
  };
}

/** One person being removed, three waiting, one already removed (not listed). */
export const ENTRIES = [
  entry("ada-removed", "Ada Removed", "removed"),
  entry("bob-builder", "Bob Builder", "in-progress"),
  entry("cara-jones", "Cara Jones"),
  entry("dan-o-neil", "Dan O'Neil"),
  entry("eve-adams", "Eve Adams"),
];

/**
 * Opens the popup with `queue` in storage.local. `answerFor(message)` plays
 * the background for the queue's messages (get-summary is answered too).
 */
export async function popupWithQueue(t, queue, answerFor = () => ({ ok: true })) {
  const stored = { summary: fullSummary() };
  if (queue !== undefined) stored.queue = queue;
  const extension = stubExtension(
    (message) =>
      message.type === "get-summary" ? { ok: true, summary: fullSummary() } : answerFor(message),
    { stored },
  );
  const opened = await openPopup(t, extension);
  await opened.popup.cached;
  const { doc } = opened;
  const queueMessages = () => extension.sent.filter((m) => m.type !== "get-summary");
  return { ...opened, queueMessages, part: (id) => byTestId(doc, id) };
}

// ---------------------------------------------------------------------------
// Connections and followers over time.

export const YEAR = new Date().getFullYear();
/** Local noon on a day of this year (month from 0), so dates read the same in any time zone. */
export const on = (month, day, year = YEAR) => new Date(year, month, day, 12).getTime();
export const point = (atMs, value, precision = "exact") => ({ atMs, value, precision });

/** Connections 1,180 -> 1,234 in four readings, followers 2,010 -> 2,470 in three. */
export function withHistory(history) {
  return fullSummary({
    history: history ?? {
      connections: [
        point(on(0, 3), 1180),
        point(on(3, 10), 1195),
        point(on(7, 1), 1210),
        point(on(10, 21), 1234),
      ],
      followers: [point(on(0, 3), 2010), point(on(5, 15), 2200), point(on(10, 21), 2470)],
    },
  });
}
