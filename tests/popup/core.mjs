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

export const SENT_PAGE = "https://www.linkedin.com/mynetwork/invitation-manager/sent/";
export const FOLLOWING_PAGE = PAGES.following;

/** A slug for a name, as the tests' profile links use ("Ana One" -> "ana-one"). */
export const slugOf = (name) => name.toLowerCase().replace(/\W+/g, "-");

/**
 * A core that has read `connections` (names) on the connections page,
 * `invitations` (`[name, sentText]`) on the sent invitations page and
 * `follows` (names) on the following page, each only when given, a minute
 * before `nowMs`.
 *
 * @param {{ connections?: string[], invitations?: [string, string][], follows?: string[],
 *   nowMs?: number }} options
 */
export function coreWithRelations({ connections = [], invitations, follows, nowMs = Date.now() }) {
  const core = new Core();
  const readAt = nowMs - 60_000;
  if (connections.length) {
    const reading = countsReading("connections", { connections: String(connections.length) });
    reading.cards = connections.map((name) => ({
      profileUrl: `/in/${slugOf(name)}/`,
      name,
      headline: null,
      connectedText: "Connected on August 7, 2024",
    }));
    core.ingest(reading, readAt);
  }
  const page = (kind, url) => ({
    page: kind,
    url,
    recognised: true,
    generation: "sdui-2026",
    reason: null,
    counts: {},
    cards: [],
  });
  if (invitations) {
    core.ingest(
      {
        ...page("invitations", SENT_PAGE),
        invitations: invitations.map(([name, sentText]) => ({
          profileUrl: `/in/${slugOf(name)}/`,
          name,
          headline: "Engineer",
          sentText,
          hasNote: false,
        })),
      },
      readAt,
    );
  }
  if (follows) {
    core.ingest(
      {
        ...page("following", FOLLOWING_PAGE),
        follows: follows.map((name) => ({ profileUrl: `/in/${slugOf(name)}/`, name })),
      },
      readAt,
    );
  }
  return core;
}

/**
 * storage.local.queue of a core holding every kind of step: `remove`
 * (connections), `withdraw` (invitations sent two months ago) and `unfollow`
 * (people followed who are not connections), each queued with the core's own
 * rules. `devPacing` sets the core's development pacing (no caps) first.
 *
 * @param {{ remove?: string[], withdraw?: string[], unfollow?: string[], nowMs?: number,
 *   devPacing?: number }} options
 * @returns {{ core: any, store: () => { progress: any, entries: any[] } }} the core (to take
 *   steps) and its queue as the background stores it, at `nowMs`
 */
export function coreActionQueue({
  remove = [],
  withdraw = [],
  unfollow = [],
  nowMs = Date.now(),
  devPacing,
}) {
  const core = coreWithRelations({
    connections: remove,
    invitations: withdraw.map((name) => [name, "Sent 2 months ago"]),
    follows: unfollow,
    nowMs,
  });
  if (devPacing !== undefined) core.setDevPacing(devPacing);
  const queue = (slugs, kind) => {
    if (!slugs.length) return;
    const answer =
      kind === "remove"
        ? core.queueRemovals(slugs.map(slugOf), nowMs, false)
        : core.queueActions(slugs.map(slugOf), kind, nowMs, false);
    if (answer.queued !== slugs.length) {
      throw new Error(`the core refused ${kind}: ${JSON.stringify(answer)}`);
    }
  };
  queue(remove, "remove");
  queue(withdraw, "withdraw");
  queue(unfollow, "unfollow");
  return {
    core,
    store: (atMs = nowMs) => ({
      progress: core.queueProgress(atMs, 0),
      entries: core.queueEntries(),
    }),
  };
}
