// @ts-check
// netprune's background: the single owner and only writer of state.
//
// It hosts the Rust core (WebAssembly), merges what the content script reads
// into the persisted snapshot, and answers the popup. The worker can be
// stopped at any moment (Chrome stops idle service workers; Firefox suspends
// event pages), so state lives in storage.local and is restored on wake;
// listeners are registered synchronously at top level so a wake-up event is
// never missed. Messages are handled one at a time, so a reading and a goal
// change never interleave their read-modify-write of the snapshot.
import init, { Core } from "./core/netprune.js";
import { api } from "./lib/browser.js";

const LINKEDIN_ORIGIN = "https://www.linkedin.com";

/** @typedef {{ keptAs: string, reason: string, atMs: number }} CorruptNotice */

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
      state.core = Core.restore(stored.snapshot);
    } catch (error) {
      const atMs = Date.now();
      const entry = {
        keptAs: `corruptSnapshots[${kept.length}]`,
        reason: messageOf(error),
        atMs,
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
  const newest = kept.at(-1);
  const dismissed = Number(stored.corruptNoticeDismissed) || 0;
  state.corrupt =
    newest && newest.atMs > dismissed
      ? { keptAs: newest.keptAs, reason: newest.reason, atMs: newest.atMs }
      : null;
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

async function persist() {
  await api.storage.local.set({ snapshot: state.core.toStored() });
}

function summary() {
  return { ...state.core.summary(Date.now()), corrupt: state.corrupt };
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

/** @type {Record<string, { from: string, handle: (message: any) => Promise<unknown> }>} */
const handlers = {
  "page-reading": {
    from: "linkedin-tab",
    async handle(message) {
      const report = state.core.ingest(message.reading, Date.now());
      await persist();
      return { report };
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
      await persist();
      return { summary: summary() };
    },
  },
  "dismiss-corrupt": {
    from: "extension-page",
    async handle() {
      if (state.corrupt) {
        await api.storage.local.set({ corruptNoticeDismissed: state.corrupt.atMs });
        state.corrupt = null;
      }
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
  const run = queue.then(task);
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = handlers[message?.type];
  if (!handler || origin(sender) !== handler.from) return false;
  serially(async () => {
    await ready;
    return handler.handle(message);
  }).then(
    (answer) => sendResponse({ ok: true, ...answer }),
    (error) => {
      console.warn(`netprune: ${message.type} failed:`, error);
      sendResponse({ ok: false, error: messageOf(error) });
    },
  );
  // Keep the channel open for the asynchronous answer (Chrome and Firefox alike).
  return true;
});
