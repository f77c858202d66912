// @ts-check
// Which LinkedIn tab is which: what each tab that sent a reading last said of
// itself (storage.session.linkedinTabs: its page, the member its navigation
// named, whether it is visible, what its page check found missing), the one
// tab that acts on each page steps act on (connections, sent invitations,
// following: it takes that page's steps and collects its list; followers:
// it collects that list), whether a
// tab is open and shown, and what a reading says of its member and its page
// check.
import { api } from "../lib/browser.js";
import { state } from "./core-host.js";

/**
 * What the background knows of each LinkedIn tab that sent a reading, from
 * storage.session: the page it last showed, the member its navigation named
 * (null: not found), whether the page said it is visible, and what its page
 * check found missing (removalOff; null: nothing), and why its steps'
 * words are missing in its language (actionOff; the sent invitations and
 * following pages; null: none).
 * @returns {Promise<Record<string, { page: string | null, member: string | null,
 *   visible?: boolean, removalOff?: string | null, actionOff?: string | null, atMs: number }>>}
 */
export async function linkedinTabs() {
  const { linkedinTabs: tabs } = await api.storage.session.get("linkedinTabs");
  return tabs && typeof tabs === "object" ? tabs : {};
}

/**
 * @param {number} tabId
 * @param {object} change
 */
export async function noteTab(tabId, change) {
  const tabs = await linkedinTabs();
  tabs[tabId] = { page: null, member: null, ...tabs[tabId], ...change, atMs: Date.now() };
  await api.storage.session.set({ linkedinTabs: tabs });
}

/**
 * Forgets a closed tab: what it said, and any acting role it had.
 * @param {number} tabId
 */
export async function forgetTab(tabId) {
  for (const page of ROLE_PAGES) {
    const key = roleKey(page);
    const { [key]: current } = await api.storage.session.get(key);
    if (current === tabId) await api.storage.session.remove(key);
  }
  const tabs = await linkedinTabs();
  if (tabId in tabs) {
    delete tabs[tabId];
    await api.storage.session.set({ linkedinTabs: tabs });
  }
}

/**
 * A tab started loading a new document: nothing the old page said (its
 * account, that it was the connections page, its page check) holds until
 * the new page reads.
 * @param {number} tabId
 */
export async function newDocument(tabId) {
  const tabs = await linkedinTabs();
  if (tabs[tabId]) await noteTab(tabId, { member: null, page: null, removalOff: null });
}

/**
 * A tab brought to the front is shown, whatever its page said before (a
 * page reloaded while hidden never reports becoming visible).
 * @param {number} tabId
 */
export async function broughtToFront(tabId) {
  const tabs = await linkedinTabs();
  if (tabs[tabId]?.visible === false) await noteTab(tabId, { visible: true });
}

/**
 * The page each kind of step acts on (the core's ActionKind ids): a removal
 * on the connections list, a withdrawal on the sent invitations list, an
 * unfollow on the following list.
 */
export const PAGE_OF_KIND = /** @type {const} */ ({
  remove: "connections",
  withdraw: "invitations",
  unfollow: "following",
});

/** The pages steps act on, connections first. */
export const ACTION_PAGES = /** @type {const} */ (["connections", "invitations", "following"]);

/** @typedef {typeof ACTION_PAGES[number]} ActionPage */

/**
 * The pages whose tab takes a role: the pages steps act on, and the
 * followers page, whose list is only collected (nothing acts there).
 */
export const ROLE_PAGES = /** @type {const} */ ([...ACTION_PAGES, "followers"]);

/**
 * Where the acting role for `page` is kept in storage.session (the
 * connections page's key predates the other pages).
 * @param {string} page
 */
const roleKey = (page) => (page === "connections" ? "connectionsTab" : `actingTab:${page}`);

/**
 * The one tab that acts on `page` (takes its steps and collects its list):
 * the tab that last took the role, for as long as it is open and shows that
 * page. Any other tab showing it stays read-only. When the role is free it
 * goes to the tab of that page read last, one of this network's owner first.
 * @param {string} page one of ROLE_PAGES
 * @returns {Promise<number | null>}
 */
export async function actingTab(page) {
  const key = roleKey(page);
  const { [key]: current } = await api.storage.session.get(key);
  const tabs = await linkedinTabs();
  if (typeof current === "number" && tabs[current]?.page === page) {
    if (await tabOpen(current)) return current;
  }
  const candidates = Object.entries(tabs)
    .filter(([, tab]) => tab.page === page)
    .sort(
      ([, a], [, b]) =>
        Number(sameMember(b.member, state.owner)) - Number(sameMember(a.member, state.owner)) ||
        b.atMs - a.atMs,
    );
  for (const [id] of candidates) {
    const tabId = Number(id);
    if (await tabOpen(tabId)) {
      await api.storage.session.set({ [key]: tabId });
      return tabId;
    }
  }
  await api.storage.session.remove(key);
  return null;
}

/** The one connections tab that acts (see actingTab). */
export function connectionsTab() {
  return actingTab("connections");
}

/** @param {number} tabId */
async function tabOpen(tabId) {
  try {
    await api.tabs.get(tabId);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a tab is the one shown in its window and the window is not
 * minimized (the page's own `page-visibility` reports are checked apart).
 * @param {number} tabId
 */
export async function tabShown(tabId) {
  try {
    const tab = await api.tabs.get(tabId);
    if (!tab.active) return false;
    const window = await api.windows.get(tab.windowId);
    return window.state !== "minimized";
  } catch {
    return false;
  }
}

/**
 * What the page check of a reading says of removal on that page (the check
 * rides on some readings only: a reading without one changes nothing).
 * @param {any} reading
 * @returns {{ removalOff?: string | null }}
 */
export function checkOf(reading) {
  const check = reading?.check;
  if (!check || typeof check !== "object") return {};
  if (check.removalOff !== true) return { removalOff: null };
  const missing = Array.isArray(check.missing) ? check.missing.map(String) : [];
  return {
    removalOff: missing.length > 0 ? missing.join("; ") : "something netprune needs is missing",
  };
}

/**
 * What a reading of the sent invitations or following page says of its
 * steps' words in its language (`actionOff`, the content script's sentence,
 * or none): another page's reading changes nothing.
 * @param {any} reading
 * @param {string | null} page
 * @returns {{ actionOff?: string | null }}
 */
export function actionOffOf(reading, page) {
  if (page !== "invitations" && page !== "following") return {};
  const off = reading?.actionOff;
  return { actionOff: typeof off === "string" && off !== "" ? off.slice(0, 400) : null };
}

/** What is off on each page besides removal, in words. */
const ACTION_OFF_WORDS = {
  invitations: "Withdrawing is off on your LinkedIn sent invitations page",
  following: "Unfollowing is off on your LinkedIn following page",
};

/**
 * Why `page`'s steps cannot run in its acting tab (its language has no
 * words netprune may click by), or null.
 * @param {string} page
 * @param {{ actionOff?: string | null } | undefined} tab what the tab last said of itself
 */
export function actionOffIn(page, tab) {
  const words = ACTION_OFF_WORDS[/** @type {keyof typeof ACTION_OFF_WORDS} */ (page)];
  return words && typeof tab?.actionOff === "string" ? `${words}: ${tab.actionOff}.` : null;
}

/**
 * Why `page`'s acting tab cannot take its steps now, or null (no such tab,
 * or nothing off there).
 * @param {string} page
 */
export async function actionOffReason(page) {
  const tabId = await actingTab(page);
  if (tabId === null) return null;
  return actionOffIn(page, (await linkedinTabs())[tabId]);
}

/**
 * Why removal is off on the acting connections page ("Check this page" on
 * the review page lists it), or null.
 */
export async function removalOffReason() {
  const tabId = await connectionsTab();
  if (tabId === null) return null;
  const off = (await linkedinTabs())[tabId]?.removalOff;
  return typeof off === "string"
    ? `Removal is off on your LinkedIn connections page: ${off}.`
    : null;
}

/**
 * The member a reading names (the own-profile slug in LinkedIn's
 * navigation, as read), or null when the page did not show it.
 * @param {any} reading
 */
export function memberOf(reading) {
  const member = reading?.member;
  return typeof member === "string" && member.trim() !== "" ? member.trim() : null;
}

/**
 * Whether two profile slugs name the same member: LinkedIn's profile paths
 * are case-insensitive.
 * @param {string | null | undefined} a
 * @param {string | null | undefined} b
 */
export function sameMember(a, b) {
  return typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();
}
