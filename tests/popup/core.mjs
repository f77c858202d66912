// The real core for the popup's tests: the compiled wasm of the test build
// (dist/test/chrome/core, written by ./build.sh testbuild) loaded in node, and
// `coreSummary(...)`, a Summary the core computes from page readings, so the
// popup is shown what the core really answers rather than a hand-made copy.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const CORE_DIR = new URL("../../dist/test/chrome/core/", import.meta.url);
const WASM = new URL("netprune_bg.wasm", CORE_DIR);
if (!existsSync(fileURLToPath(WASM))) {
  throw new Error("dist/test/chrome has no compiled core: run ./build.sh testbuild first");
}
const { default: init, Core } = await import(new URL("netprune.js", CORE_DIR).href);
await init({ module_or_path: readFileSync(WASM) });

export { Core };

/** Where each figure is read: the reading's page and its URL. */
const PAGES = {
  connections: "https://www.linkedin.com/mynetwork/invite-connect/connections/",
  followers: "https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/",
  following: "https://www.linkedin.com/mynetwork/network-manager/people-follow/following/",
  profile: "https://www.linkedin.com/in/me/",
};

/**
 * A page reading as the content script sends it, with no cards: only the
 * counts LinkedIn showed (their text, e.g. "1,234", "3.4K", "500+").
 *
 * @param {keyof typeof PAGES} page
 * @param {{ connections?: string, followers?: string, following?: string }} counts
 */
export function countsReading(page, counts) {
  return {
    page,
    url: PAGES[page],
    recognised: true,
    generation: page === "profile" ? null : "sdui-2026",
    reason: null,
    counts: { connections: null, followers: null, following: null, ...counts },
    cards: [],
  };
}

/**
 * The core's Summary after reading `connections` on the connections page and
 * `followers` on the followers page (or both on the profile, with
 * `fromProfile`), for `goal`.
 *
 * @param {{ connections?: string, followers?: string, fromProfile?: boolean,
 *   goal?: string, nowMs?: number }} options
 * @returns {{ summary: any, core: any }} the Summary, and the core (to change the goal)
 */
export function coreSummary({
  connections,
  followers,
  fromProfile = false,
  goal = "consultant",
  nowMs = Date.now(),
}) {
  const core = new Core();
  const readAt = nowMs - 5 * 60_000;
  if (fromProfile) {
    core.ingest(countsReading("profile", { connections, followers }), readAt);
  } else {
    if (connections) core.ingest(countsReading("connections", { connections }), readAt);
    if (followers) core.ingest(countsReading("followers", { followers }), readAt);
  }
  core.setGoal(goal);
  return { summary: core.summary(nowMs), core };
}

/**
 * storage.local.queue as the core answers it, before the background adds its
 * own flags: `people` (names) read on the connections page and queued for
 * removal, then, with `pause`, the queue paused with that reason and cause
 * (the cause as `Core.pauseQueue` takes it).
 *
 * @param {{ people?: string[], pause?: { reason: string, cause: string }, nowMs?: number }} options
 * @returns {{ progress: any, entries: any[] }}
 */
export function coreQueue({ people = ["Ana One", "Bob Two"], pause, nowMs = Date.now() } = {}) {
  const core = new Core();
  const slugs = people.map((name) => name.toLowerCase().replace(/\W+/g, "-"));
  const reading = countsReading("connections", { connections: String(people.length) });
  reading.cards = people.map((name, i) => ({
    profileUrl: `/in/${slugs[i]}/`,
    name,
    headline: null,
    connectedText: "Connected on August 7, 2024",
  }));
  core.ingest(reading, nowMs - 60_000);
  const queued = core.queueRemovals(slugs, nowMs, false);
  if (queued.queued !== slugs.length)
    throw new Error(`the core refused: ${JSON.stringify(queued)}`);
  if (pause && !core.pauseQueue(pause.reason, nowMs, pause.cause)) {
    throw new Error("the core did not pause the queue");
  }
  return { progress: core.queueProgress(nowMs, 0), entries: core.queueEntries() };
}
