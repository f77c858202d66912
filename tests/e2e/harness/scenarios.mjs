// Scenario pieces both browsers share: counting sites, development pacing,
// reading the connections page, a page's count reaching the popup, waiting
// for a collection run or the queue, the networks and hostile names the
// tests use.

import assert from "node:assert/strict";

import { PATHS, createMockSite } from "../../mock-site/site.mjs";
import { CONNECTION_CAP, formatCount, parseCount, waitFor } from "./base.mjs";
import { badgePattern } from "./pages.mjs";

/**
 * A mock site that also counts the removals its backend received per slug,
 * so a test can prove nobody was removed twice (`site.posts`).
 * @param {Parameters<typeof createMockSite>[0]} options
 */
export function countingSite(options) {
  const site = /** @type {any} */ (createMockSite(options));
  const posts = new Map();
  const handle = site.handle.bind(site);
  site.handle = (url, request = {}) => {
    if (request.method === "POST" && new URL(url).pathname.startsWith("/__mock__/remove")) {
      const slug = String(request.body ?? "");
      posts.set(slug, (posts.get(slug) ?? 0) + 1);
    }
    return handle(url, request);
  };
  site.posts = posts;
  return site;
}

/**
 * Opens the mock connections page in a session (Chromium or Firefox) and
 * waits until the popup shows its stated total: from then on the background
 * knows the tab.
 *
 * @param {any} session a Chromium session
 * @param {{ stated: { connections: number } }} site
 */
export async function readConnectionsPage(session, site) {
  const { tab } = await popupCountFrom(session, PATHS.connections, {
    "connection-count": site.stated.connections,
    what: `the stated total of ${site.stated.connections}`,
    timeout: 30_000,
  });
  return tab;
}

/**
 * Opens `path` on LinkedIn (in `tab`, else a new one; Chromium) and waits
 * until the open popup shows each count asked for (`"follower-count":
 * 1234`, ...): the page's reading has landed.
 *
 * @param {any} session either browser's
 * @param {string} path
 * @param {Record<string, number | string | undefined> & { what?: string, timeout?: number, tab?: any }} expected
 * @returns {Promise<{ popup: any, tab: any }>} what the popup showed, and the LinkedIn tab
 */
export async function popupCountFrom(session, path, { what, timeout, tab: into, ...counts }) {
  const tab = await session.openLinkedIn(path, into);
  const popup = await session.waitForPopup(
    (p) => Object.entries(counts).every(([testid, count]) => parseCount(p.text[testid]) === count),
    {
      what:
        what ??
        Object.entries(counts)
          .map(([testid, count]) => `${testid} ${formatCount(Number(count))}`)
          .join(" and "),
      timeout,
    },
  );
  return { popup, tab };
}

/** storage.local's development pacing (test builds only): waits shrunk around `delayMs`. */
export const devPacing = (delayMs) => ({ devPacing: { delayMs } });

/**
 * Opens the popup, sets development pacing at `delayMs`, then reads the
 * connections page (readConnectionsPage); answers its tab.
 */
export async function fastConnectionsPage(session, site, delayMs) {
  await session.openPopup();
  await session.setStorage(devPacing(delayMs));
  return readConnectionsPage(session, site);
}

/**
 * Waits until the stored collection run has ended (and, with `after`, is a
 * later run than that one), and returns it.
 * @param {any} session either browser's
 * @param {{ timeout: number, interval?: number, what?: string, after?: { startedAtMs: number } }} options
 */
export function collectionEnded(
  session,
  { timeout, interval, what = "the collection run to end", after },
) {
  return waitFor(
    async () => {
      const { collect } = await session.storage();
      if (!collect || collect.running || !collect.outcome) return null;
      return !after || collect.startedAtMs > after.startedAtMs ? collect : null;
    },
    { timeout, interval, what, describe: async () => (await session.storage()).collect },
  );
}

/** Sends `message` to the background from an extension page (Chromium). */
export const ask = (page, message) =>
  page.evaluate((m) => globalThis.chrome.runtime.sendMessage(m), message);

/** The removal queue's progress as storage holds it, or null. */
export async function queueProgress(session) {
  const { queue } = await session.storage();
  return queue?.progress ?? null;
}

/**
 * Waits until the queue has removed `removed` people and has nobody waiting
 * or under way, and returns its progress.
 * @param {any} session either browser's
 * @param {number} removed
 * @param {{ what: string, timeout?: number, interval?: number }} options
 */
export function queueRemoved(session, removed, { what, timeout, interval = 500 }) {
  return waitFor(
    async () => {
      const p = await queueProgress(session);
      return p && p.removed === removed && p.pending === 0 && p.inProgress === 0 ? p : null;
    },
    { what, timeout, interval, describe: () => queueProgress(session) },
  );
}

// ---------------------------------------------------------------------------
// Scenario pieces both browsers share.

/**
 * The networks the connection-count scenarios read, per generation: one
 * below the 500+ badge and one at or above it (500 exactly, for the
 * boundary). `count` people exist; the page states `count` as its total.
 */
export const NETWORKS = [
  { generation: "artdeco", count: 60, seed: 11 },
  { generation: "artdeco", count: 1234, seed: 12 },
  { generation: "react-2025", count: 137, seed: 21 },
  { generation: "react-2025", count: 500, seed: 22 },
  { generation: "sdui-2026", count: 60, seed: 31 },
  { generation: "sdui-2026", count: 2026, seed: 32 },
];

/** The hostile display names the mock site's first page always carries. */
export const HOSTILE_NAMES = [
  '<img src=x onerror="window.__pwned=1">',
  "</script><script>window.__pwned=1</script>",
];

/**
 * The popup line for a connection count LinkedIn stated exactly: the count,
 * the badge sentence and the cap headroom.
 * @param {PopupState} popup
 */
export function countLine(popup) {
  return {
    connections: parseCount(popup.text["connection-count"]),
    badge: popup.text["badge-status"],
    headroom: parseCount(popup.text["cap-headroom"]),
  };
}

/**
 * Waits until the popup says the connections page is not recognised (or a
 * count showed up), and checks that no count was read from the unknown
 * layout. The reader waits 15 s before it says so.
 * @param {any} session either browser's
 */
export async function popupSaysUnrecognised(session) {
  // Also stops at a count, so reading a count from it fails as exactly that.
  const popup = await session.waitForPopup(
    (p) => /not recognised/i.test(p.text["page-status"]) || p.text["connection-count"] !== "",
    {
      what: "page-status saying the page is not recognised (the reader waits 15 s)",
      timeout: 30_000,
    },
  );
  assert.equal(popup.text["connection-count"], "", "a count was read from an unknown layout");
  assert.match(popup.text["page-status"], /not recognised/i);
  assert.equal(popup.text["cap-headroom"], "");
  assert.doesNotMatch(popup.text["badge-status"], /shows|not yet/);
  return popup;
}

/**
 * Opens the popup, then the connections page; waits for the first count the
 * popup shows, which must be the stated total.
 * @param {any} session either browser's
 * @param {number} total
 */
export async function firstConnectionCount(session, total) {
  await session.openPopup();
  const linkedin = await session.openLinkedIn(PATHS.connections);
  const popup = await session.waitForPopup((p) => p.text["connection-count"] !== "", {
    what: `a connection count (${formatCount(total)} stated)`,
  });
  assert.equal(parseCount(popup.text["connection-count"]), total, "connection-count");
  return { linkedin, popup };
}

/**
 * firstConnectionCount for one of the NETWORKS, and the popup's line for it:
 * the count, the cap headroom, the badge sentence and the layout read.
 * @param {any} session either browser's
 * @param {{ generation: string, count: number }} network
 */
export async function popupShowsNetwork(session, { generation, count }) {
  const read = await firstConnectionCount(session, count);
  const line = countLine(read.popup);
  assert.equal(line.connections, count);
  assert.equal(line.headroom, CONNECTION_CAP - count);
  assert.match(line.badge, badgePattern(count));
  assertPlainDesign(read.popup.text["page-status"], generation);
  return read;
}

/**
 * How the English popup names each of LinkedIn's markups: in plain words,
 * never by the code name a bug report uses (issue 16).
 */
export const DESIGN_WORDS = {
  artdeco: "LinkedIn's classic design",
  "react-2025": "LinkedIn's 2025 design",
  "sdui-2026": "LinkedIn's 2026 design",
};

/**
 * The popup's page-status names `generation`'s design in plain words, and no
 * layout's code name.
 * @param {string} pageStatus
 * @param {string} generation
 */
export function assertPlainDesign(pageStatus, generation) {
  assert.ok(pageStatus.includes(DESIGN_WORDS[generation]), `${pageStatus} / ${generation}`);
  assert.doesNotMatch(pageStatus, /artdeco|react-2025|sdui-2026|layout/);
}

/**
 * Waits until the queue pauses for something else than want of the
 * connections page (which lifts once the page is read), and returns its
 * progress.
 * @param {any} session either browser's
 * @param {string} what
 */
export function queuePaused(session, what) {
  return waitFor(
    async () => {
      const p = await queueProgress(session);
      // Not the pause for want of the page, which lifts once it is read.
      return p?.state === "paused" && !/connections page to continue/.test(p.reason ?? "")
        ? p
        : null;
    },
    { what, timeout: 60_000, describe: () => queueProgress(session) },
  );
}

/**
 * The name of a NETWORKS count test: the generation, the count, which side
 * of the 500 badge it is on, and the cap headroom the popup must show.
 * @param {{ generation: string, count: number }} network
 */
export function countTestName({ generation, count }) {
  const side = count >= 500 ? "at or above 500" : "below 500";
  return (
    `${generation}: ${formatCount(count)} connections (${side}) fill connection-count, ` +
    `badge-status and cap-headroom (${formatCount(CONNECTION_CAP - count)})`
  );
}
