// The ground every e2e part stands on: where the builds are, the testids
// both pages expose, bounded waits, and temporary directories and processes
// released even when a test dies early.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export { createMockSite, GENERATIONS, PATHS } from "../../mock-site/site.mjs";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
// The builds under test: the test builds (`./build.sh testbuild`), the only
// ones that honour storage.local.devPacing. The variables point the suite at
// another build (an older release, or a deliberately broken copy to see a
// test fail).
export const CHROME_DIR = process.env.NETPRUNE_CHROME_DIR || join(ROOT, "dist/test/chrome");
export const FIREFOX_ZIP =
  process.env.NETPRUNE_FIREFOX_ZIP || join(ROOT, "dist/test/netprune-firefox.zip");
/** The member's builds, which never honour devPacing. */
export const RELEASE_CHROME_DIR = join(ROOT, "dist/chrome");
export const RELEASE_FIREFOX_ZIP = join(ROOT, "dist/netprune-firefox.zip");
export const LINKEDIN = "https://www.linkedin.com";
export const FIREFOX_ADDON_ID = "netprune@netprune.dev";

/** The popup's test hooks (docs/ARCHITECTURE.md, "UI test hooks"). */
export const TESTIDS = [
  "connection-count",
  "follower-count",
  "following-count",
  "badge-status",
  "cap-headroom",
  "goal-select",
  "ratio",
  "page-status",
  "empty-state",
  "consistency-warning",
  "corrupt-notice",
  "network-owner",
];

export const CONNECTION_CAP = 30_000;
export const BADGE_THRESHOLD = 500;

export const CHROMIUM_BINARY = "/usr/bin/chromium";
export const FIREFOX_BINARY = "/usr/bin/firefox-esr";
/** What this closed network needs Chromium started with (the bench uses them too). */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// ---------------------------------------------------------------------------
// Waiting and small helpers.

/**
 * Polls `check` until it returns something truthy and returns that. A check
 * that throws counts as "not yet". Gives up after `timeout` ms with an error
 * that says what was awaited and what was last seen.
 *
 * @template T
 * @param {() => T | Promise<T>} check
 * @param {{ timeout?: number, interval?: number, what: string, describe?: () => unknown }} options
 * @returns {Promise<NonNullable<T>>}
 */
export async function waitFor(check, { timeout = 15_000, interval = 100, what, describe }) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await check();
      lastError = undefined;
      if (last) return /** @type {NonNullable<T>} */ (last);
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      let seen;
      try {
        seen = describe ? JSON.stringify(await describe(), null, 2) : "";
      } catch (error) {
        seen = `(could not describe the state: ${error})`;
      }
      const cause = lastError ? `; the last check threw: ${lastError.message ?? lastError}` : "";
      throw new Error(
        `Timed out after ${timeout} ms waiting for ${what}${cause}${seen ? `\nLast seen: ${seen}` : ""}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Resolves `promise`, or rejects after `ms` with a message naming `what`.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The number in a count the popup shows: digits, optionally grouped by
 * thousands separators ("29,940", "1 234"). Empty means unknown (null);
 * anything else (words, decimals, "500+") is NaN so an assertion fails on it.
 *
 * @param {string} text
 * @returns {number | null}
 */
export function parseCount(text) {
  const trimmed = String(text ?? "").trim();
  if (trimmed === "") return null;
  if (!/^(?:\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+)$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(/\D/g, ""));
}

/** 1234 -> "1,234", the way the English popup and LinkedIn write counts. */
export const formatCount = (n) => n.toLocaleString("en-US");

/** Temporary directories and browser processes to release if the process exits early. */
export const leftovers = { dirs: new Set(), pids: new Set() };
process.once("exit", () => {
  for (const pid of leftovers.pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  for (const dir of leftovers.dirs) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  leftovers.dirs.add(dir);
  return dir;
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  leftovers.dirs.delete(dir);
}

/**
 * Runs every cleanup step even when one fails, then reports the first failure.
 * @param {(() => unknown)[]} steps
 */
export async function cleanUp(steps) {
  let first = null;
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      first ??= error;
    }
  }
  if (first) throw first;
}

/**
 * Runs `body` with a fresh session from `launch(options)` and always closes
 * it, even when the body fails.
 * @template S, T
 * @param {(options: any) => Promise<S & { close(): Promise<void> }>} launch
 * @param {any} options
 * @param {(session: S) => Promise<T>} body
 * @returns {Promise<T>}
 */
export async function withSession(launch, options, body) {
  const session = await launch(options);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}
