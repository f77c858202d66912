// Scenario pieces both browsers share: counting sites, reading the
// connections page, the networks and hostile names the tests use.

import { PATHS, createMockSite } from "../../mock-site/site.mjs";
import { parseCount } from "./base.mjs";

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
  const page = await session.openLinkedIn(PATHS.connections);
  await session.waitForPopup(
    (p) => parseCount(p.text["connection-count"]) === site.stated.connections,
    { what: `the stated total of ${site.stated.connections}`, timeout: 30_000 },
  );
  return page;
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
