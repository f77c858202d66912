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
import init, { Core } from "./core/netprune.js";
import { api } from "./lib/browser.js";

const LINKEDIN_ORIGIN = "https://www.linkedin.com";
// Page readings arrive about once a second while collecting; writing a
// 30,000-person snapshot for each would be wasteful. Changes the member makes
// (keep, import, restore) are written at once.
const PERSIST_DELAY_MS = 1_000;
// Human pace for "collect all": each scroll waits about this long (the
// content script randomizes it), and the list must show nothing new for a
// full minute before a stall is taken for its end. LinkedIn stalls for tens
// of seconds mid-list.
const COLLECT_PACE = { delayMs: 2_500, stallMs: 60_000 };

// The queue runs only with the member's connections page open: steps act on
// that page and nowhere else.
const NO_TAB_REASON = "Open your LinkedIn connections page to continue";
// Waits shorter than this run on a timer while the worker is awake; every
// wait also has an alarm, which survives the worker being stopped.
const SHORT_WAIT_MS = 20_000;
const QUEUE_ALARM = "netprune-queue";

/**
 * A stored snapshot kept aside: "unreadable" (damaged) or "newer" (made by a
 * newer netprune, which this version must not overwrite or call corrupt).
 * @typedef {{ keptAs: string, reason: string, atMs: number, kind: "unreadable" | "newer" }} CorruptNotice
 */

/** @type {{ core: Core, corrupt: CorruptNotice | null }} */
const state = { core: /** @type {any} */ (null), corrupt: null };

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
  ]);
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
  // The queue's random delays need a seed nobody can predict; it is kept in
  // the snapshot, so this happens once per network.
  const seed = crypto.getRandomValues(new Uint32Array(2));
  state.core.seedQueue(seed[0], seed[1]);
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
  return { ...state.core.summary(Date.now()), corrupt: state.corrupt };
}

/** @type {ReturnType<typeof setTimeout> | null} */
let persistTimer = null;

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
  };
}

/**
 * Whether the queue is paused only for want of the connections page. The
 * core names the cause; a pause made before causes existed (or by a caller
 * still pausing as the member with NO_TAB_REASON) is recognised by its text.
 * @param {any} progress
 */
function pausedForPage(progress) {
  if (progress.state !== "paused") return false;
  return (
    progress.pauseCause === "needs-page" ||
    (progress.pauseCause === "member" && progress.reason === NO_TAB_REASON)
  );
}

/** Writes the snapshot, the summary the popup shows first, collection and queue progress. */
async function persistNow() {
  if (persistTimer !== null) clearTimeout(persistTimer);
  persistTimer = null;
  const queue = queueView();
  await api.storage.local.set({
    snapshot: state.core.toStoredJson(),
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

/** @type {ReturnType<typeof setTimeout> | null} */
let wakeTimer = null;

/** @param {number | null} atMs */
async function scheduleWake(atMs) {
  if (wakeTimer !== null) clearTimeout(wakeTimer);
  wakeTimer = null;
  if (atMs === null) {
    await api.alarms.clear(QUEUE_ALARM);
    return;
  }
  const delay = Math.max(0, atMs - Date.now());
  await api.alarms.create(QUEUE_ALARM, { when: Date.now() + Math.max(delay, 1_000) });
  if (delay <= SHORT_WAIT_MS) {
    wakeTimer = setTimeout(() => {
      wakeTimer = null;
      pumpQueue();
    }, delay);
  }
}

/** Runs the queue's next decision (serially with every message). */
function pumpQueue() {
  serially(runQueueStep).catch((error) => console.warn("netprune: queue step failed:", error));
}

async function runQueueStep() {
  const now = Date.now();
  const progress = state.core.queueProgress(now, utcOffset());
  if (progress.state === "idle") {
    await scheduleWake(null);
    return;
  }
  if (progress.state === "paused") {
    await scheduleWake(null);
    await persistNow();
    return;
  }
  if (state.core.collection()?.running) {
    // One thing at a time on the page: collecting first.
    await scheduleWake(now + 5_000);
    return;
  }
  const tabId = await connectionsTab();
  if (tabId === null) {
    state.core.pauseQueue(NO_TAB_REASON, now);
    await persistNow();
    return;
  }
  const dev = await devDelayMs();
  state.core.setDevPacing(dev === null ? undefined : dev);
  const action = state.core.pollRemovals(now, utcOffset());
  if (action.kind === "remove" || action.kind === "verify") {
    await persistNow();
    const step = {
      type: "remove-step",
      attempt: action.attempt,
      slug: action.slug,
      name: action.name,
      mode: action.kind,
      dryRun: Boolean(action.dryRun),
    };
    let accepted;
    try {
      accepted = await api.tabs.sendMessage(tabId, step);
    } catch (error) {
      accepted = { ok: false, error: messageOf(error) };
    }
    if (!accepted?.ok) {
      // The step never started: say so, and let the core's backoff decide.
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
  // While a step runs, the core's wake time is its timeout: if the outcome
  // never comes back (the worker died), the next poll verifies first.
  await scheduleWake(state.core.nextWakeMs(Date.now(), utcOffset()) ?? null);
}

function persistSoon() {
  persistTimer ??= setTimeout(() => {
    persistTimer = null;
    serially(persistNow).catch((error) => console.warn("netprune: saving failed:", error));
  }, PERSIST_DELAY_MS);
}

/**
 * The development pacing delay, or null. In a development install (unpacked
 * in Chrome, temporary in Firefox) a `devPacing` object in storage shortens
 * the human waits so tests and the demo finish in seconds; a store install
 * ignores it.
 */
async function devDelayMs() {
  const self = await api.management.getSelf();
  if (self.installType !== "development") return null;
  const { devPacing } = await api.storage.local.get("devPacing");
  const delayMs = Number(devPacing?.delayMs);
  return Number.isFinite(delayMs) && delayMs > 0 ? Math.min(delayMs, 60_000) : null;
}

/** The collection pace: human, unless devPacing applies. */
async function collectPace() {
  const delayMs = await devDelayMs();
  return delayMs === null ? COLLECT_PACE : { delayMs, stallMs: Math.max(3_000, delayMs * 20) };
}

/** The tab that last showed the member's connections page, if it is still open. */
async function connectionsTab() {
  const { connectionsTab: tabId } = await api.storage.session.get("connectionsTab");
  if (typeof tabId !== "number") return null;
  try {
    await api.tabs.get(tabId);
    return tabId;
  } catch {
    return null;
  }
}

/**
 * Asks the connections tab to collect (idempotent on its side: a page already
 * collecting just carries on). A tab that cannot be reached is not an error:
 * the run waits, and resumes when the page next sends a reading.
 * @param {number} tabId
 */
async function driveCollection(tabId) {
  const pace = await collectPace();
  try {
    await api.tabs.sendMessage(tabId, { type: "collect-run", ...pace });
  } catch (error) {
    console.info("netprune: the connections tab is not ready to collect yet:", messageOf(error));
  }
}

/** @param {number | null} tabId */
async function haltCollection(tabId) {
  if (tabId === null) return;
  try {
    await api.tabs.sendMessage(tabId, { type: "collect-halt" });
  } catch {
    // Nothing is collecting there: the halt is already true.
  }
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
      const report = state.core.ingest(reading, Date.now());
      const tabId = sender.tab?.id;
      if (reading?.page === "connections" && reading.recognised && typeof tabId === "number") {
        await api.storage.session.set({ connectionsTab: tabId });
        if (report.collect?.running) await driveCollection(tabId);
        // Only the pause netprune made for want of this page lifts by itself;
        // a pause for trouble or by the member waits for the member.
        const queue = state.core.queueProgress(Date.now(), utcOffset());
        if (pausedForPage(queue)) {
          state.core.resumeQueue(Date.now(), {});
          pumpQueue();
        }
      }
      if (report.collect?.done) await persistNow();
      else persistSoon();
      return { report, collect: report.collect ?? null };
    },
  },
  "removal-outcome": {
    from: "linkedin-tab",
    async handle(message) {
      const reported = state.core.reportRemoval(
        Number(message.attempt),
        message.outcome,
        Date.now(),
      );
      await persistNow();
      pumpQueue();
      return { reported };
    },
  },
  trouble: {
    from: "linkedin-tab",
    async handle(message) {
      const progress = state.core.queueProgress(Date.now(), utcOffset());
      if (progress.state === "running") {
        const where = typeof message.url === "string" ? ` (${message.url})` : "";
        // Paused as trouble (not as the member): a warning from LinkedIn
        // (its kind in `trouble`) also locks resuming for the cool-down.
        state.core.pauseQueue(
          `${String(message.reason ?? "LinkedIn showed a warning")}${where}`,
          Date.now(),
          "trouble",
          typeof message.trouble === "string" ? message.trouble : undefined,
        );
        await persistNow();
        await scheduleWake(null);
      }
      return {};
    },
  },
  "queue-removals": {
    from: "extension-page",
    async handle(message) {
      const slugs = Array.isArray(message.slugs) ? message.slugs.map(String) : [];
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
    async handle(message) {
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
      // page"); read-only, it changes nothing.
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
      return { check: answer.check };
    },
  },
  "collect-stop": {
    from: "extension-page",
    async handle() {
      const collect = state.core.finishCollection("stopped", null, Date.now());
      await persistNow();
      await haltCollection(await connectionsTab());
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
  }).catch(() => undefined);
});
