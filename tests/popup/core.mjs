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
