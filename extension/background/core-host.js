// @ts-check
// The core's host: loads the Rust core (WebAssembly), holds the one writable
// `Core` with what the background knows beside it (the network's owner, a
// kept-aside snapshot, what the queue waits on), restores the stored
// snapshot on wake, saves it (at once, or once after a burst of readings),
// keeps the toolbar badge in step, and runs every task that touches the core
// one at a time (`serially`), so a reading and a change from the review page
// never interleave their read-modify-write. It also reads the build flag:
// only a test build honours storage.local.devPacing.
import init, { Core, sleepMs } from "../core/netprune.js";
import { api } from "../lib/browser.js";
import {
  ACTIVE,
  REVISION_KEY,
  isNetworkRecord,
  readNetwork,
  removeNetwork,
  toBase64,
  writeNetwork,
} from "../lib/network-store.js";
import { TEST_BUILD } from "../build-flags.js";

// Page readings arrive about once a second while collecting; writing a
// 30,000-person snapshot for each would be wasteful. Changes the member makes
// (keep, import, restore) are written at once.
const PERSIST_DELAY_MS = 1_000;

/**
 * A stored snapshot kept aside: "unreadable" (damaged) or "newer" (made by a
 * newer netprune, which this version must not overwrite or call corrupt).
 * @typedef {{ keptAs: string, reason: string, atMs: number, kind: "unreadable" | "newer" }} CorruptNotice
 */

/**
 * `owner`: the profile slug of the LinkedIn member whose network is active
 * (null until a reading names one); `waitingOn`: what the queue waits for
 * before its next step, in words, or null; `revision`: the stored network's
 * revision (lib/network-store.js), moved by every save.
 * @type {{ core: Core, corrupt: CorruptNotice | null, owner: string | null,
 *   waitingOn: string | null, revision: number }}
 */
export const state = {
  core: /** @type {any} */ (null),
  corrupt: null,
  owner: null,
  waitingOn: null,
  revision: 0,
};

// A service worker may not use top-level await: start loading now, await inside handlers.
const ready = init().then(restore);

/**
 * Restores the network (the compact record in IndexedDB), keeping an
 * unreadable one aside (under `corruptSnapshots`) instead of dropping it, so
 * nothing the member had is lost. A JSON snapshot in storage.local.snapshot
 * (what earlier builds stored, or an earlier build wrote after a downgrade)
 * is newer than the record: it is read, stored compactly, and only then
 * removed. One that cannot be read is kept aside and the record is used.
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
  const record = await readNetwork(ACTIVE);
  state.revision = isNetworkRecord(record) ? record.revision : 0;

  /** @type {Core | null} */
  let core = null;
  let migrate = false;
  if (stored.snapshot !== undefined) {
    core = await keepAsideIfUnreadable(kept, "json", stored.snapshot, () => {
      if (typeof stored.snapshot !== "string") {
        throw new Error("saved network data unreadable: it is not a netprune snapshot");
      }
      return Core.restoreJson(stored.snapshot);
    });
    migrate = true;
  }
  if (!core && record !== undefined) {
    core = await keepAsideIfUnreadable(kept, "record", record, () => {
      if (!isNetworkRecord(record)) {
        throw new Error("saved network data unreadable: it is not a netprune snapshot");
      }
      return Core.restoreStored(record.bytes);
    });
  }
  state.core = core ?? new Core();
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
  if (migrate) {
    // Stored compactly (and committed) before the JSON goes: a worker
    // stopped between the two leaves both, and the next wake migrates again.
    await persistNow();
    await api.storage.local.remove("snapshot");
  }
}

/**
 * Reads a stored network with `read`. One that cannot be read is kept aside
 * under `corruptSnapshots` (a record's bytes as base64 text, anything else
 * as it was), removed from
 * where it was (`from`), and null is answered.
 * @param {any[]} kept corruptSnapshots, appended to
 * @param {"json" | "record"} from storage.local.snapshot, or the IndexedDB record
 * @param {unknown} raw what was stored there
 * @param {() => Core} read
 * @returns {Promise<Core | null>}
 */
async function keepAsideIfUnreadable(kept, from, raw, read) {
  try {
    return read();
  } catch (error) {
    const newer = error instanceof Error && error.name === "NetpruneNewerError";
    const entry = {
      keptAs: `corruptSnapshots[${kept.length}]`,
      reason: messageOf(error),
      atMs: Date.now(),
      kind: newer ? "newer" : "unreadable",
      ...(from === "record" && isNetworkRecord(raw)
        ? { raw: toBase64(raw.bytes), encoding: "base64" }
        : { raw: raw ?? null }),
    };
    kept.push(entry);
    // Write the copy aside before removing the original: a worker stopped
    // between the two calls leaves both, never neither.
    await api.storage.local.set({ corruptSnapshots: kept });
    if (from === "json") await api.storage.local.remove("snapshot");
    else await removeNetwork(ACTIVE);
    console.warn(`netprune: saved network data kept aside as ${entry.keptAs}: ${entry.reason}`);
    return null;
  }
}

/** @param {unknown} error */
export function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

export function summary() {
  return {
    ...state.core.summary(Date.now()),
    corrupt: state.corrupt,
    owner: state.owner,
    // The member's LinkedIn language and whether netprune removes in it.
    removal: state.core.removalLanguage(),
  };
}

// A save is due (persistSoon asked, persistNow has not run since).
let persistDue = false;

/** The member's offset from UTC in minutes, for quiet hours (east positive). */
export const utcOffset = () => -new Date().getTimezoneOffset();

export function queueView() {
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
export function pausedForPage(progress) {
  return progress.state === "paused" && progress.pause?.cause === "needsPage";
}

/**
 * Stores the network (IndexedDB, committed first), then in storage.local its
 * revision (which tells the pages), the summary the popup shows first,
 * collection and queue progress.
 */
export async function persistNow() {
  persistDue = false;
  const queue = queueView();
  state.revision += 1;
  await writeNetwork(ACTIVE, state.core.toStored(), state.revision);
  await api.storage.local.set({
    [REVISION_KEY]: state.revision,
    // Written with the network, so the two always agree.
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

export function persistSoon() {
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
export async function devDelayMs() {
  if (!TEST_BUILD) return null;
  const { devPacing } = await api.storage.local.get("devPacing");
  const delayMs = Number(devPacing?.delayMs);
  return Number.isFinite(delayMs) && delayMs > 0 ? Math.min(delayMs, 60_000) : null;
}

let queue = Promise.resolve();

/**
 * Runs `task` after every earlier message has been handled.
 * @template T
 * @param {() => Promise<T>} task
 * @returns {Promise<T>}
 */
export function serially(task) {
  const run = queue.then(() => ready).then(task);
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

// The rest of the background reaches the core through this module only.
export { Core, sleepMs };
