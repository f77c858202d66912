// @ts-check
// The pages the content script reads, and one reader for each: the
// connections list (cards and stated total), the followers/following pages
// (totals), the member's own profile header (totals). Each answers what the
// page shows now, or null while it shows nothing readable.

import { decodeSlug, hrefOf, mainScope } from "../lib/dom.js";
import { MARKUPS, cardKey, detectGeneration } from "../markups/index.js";
import { findCounts } from "./counts.js";
import { FOLLOWING_MARKUPS, followingGeneration, followingListEnd } from "../markups/following.js";
import { FOLLOWERS_MARKUPS, followersGeneration, followersListEnd } from "../markups/followers.js";

/** @typedef {import("../markups/types.js").Target} Target */
/** @typedef {import("../markups/types.js").PageContent} PageContent */
/** @typedef {import("../markups/types.js").Card} Card */

export const REASONS = {
  connections: "no connections list found after 15 s",
  followers: "no followers list or count found after 15 s",
  following: "no following count found after 15 s",
  invitations: "no sent invitations list found after 15 s",
};

const PAGES = [
  { page: "connections", path: /^\/mynetwork\/invite-connect\/connections\/?$/ },
  { page: "followers", path: /^\/mynetwork\/network-manager\/people-follow\/followers\/?$/ },
  { page: "following", path: /^\/mynetwork\/network-manager\/people-follow\/following\/?$/ },
  { page: "profile", path: /^\/in\/([^/]+)\/?$/ },
  // Any query string: ?invitationType=CONNECTION, ?page=2 (artdeco's pages).
  { page: "invitations", path: /^\/mynetwork\/invitation-manager\/sent\/?$/ },
];

/**
 * @param {Location} where
 * @returns {Target | null}
 */
export function targetFor(where) {
  for (const { page, path } of PAGES) {
    const match = path.exec(where.pathname);
    if (match) {
      const pathname = where.pathname.endsWith("/") ? where.pathname : `${where.pathname}/`;
      return {
        page: /** @type {Target["page"]} */ (page),
        key: `${page} ${decodeSlug(pathname)}`,
        slug: match[1] ?? null,
      };
    }
  }
  return null;
}

/**
 * @param {(key: string) => boolean} known cards already sent or captured on this page view
 * @returns {PageContent | null}
 */
export function readConnectionsPage(known) {
  const generation = detectGeneration();
  if (generation === null) return null;
  const markup = MARKUPS[generation];
  /** @type {Card[]} */
  const cards = [];
  let cardsOnPage = 0;
  for (const element of markup.cardsWithin(document.documentElement)) {
    const key = cardKey(element);
    if (key === null) continue;
    cardsOnPage += 1;
    // Thousands of cards may be loaded; a known one costs one lookup.
    if (known(key)) continue;
    const card = markup.read(element);
    if (card) cards.push(card);
  }
  const { connections } = findCounts(mainScope(), ["connections"], markup.skip);
  // A list shell with neither cards nor a total is a loading skeleton.
  if (cardsOnPage === 0 && connections === null) return null;
  return { generation, counts: { connections, followers: null, following: null }, cards };
}

/** @returns {PageContent | null} */
export function readFollowPage() {
  // The totals live in the Following / Followers tabs; searching there
  // first keeps people's headlines out of it.
  const tablist = mainScope().querySelector('[role="tablist"]');
  let counts = tablist ? findCounts(tablist, ["followers", "following"], null) : null;
  if (!counts || (counts.followers === null && counts.following === null)) {
    counts = findCounts(mainScope(), ["followers", "following"], "li, article");
  }
  if (counts.followers === null && counts.following === null) return null;
  return { generation: null, counts, cards: [] };
}

/**
 * A list of people on the following or followers page: the totals as the
 * tabs show them, the people it lists (members only, those not `known`
 * yet) and whether the end of the list is on screen.
 * @param {(key: string) => boolean} known people already sent or captured on this page view
 * @param {string | null} generation the list's generation on show, if any
 * @param {Record<string, import("../markups/types.js").ListMarkup>} markups
 * @param {(markup: import("../markups/types.js").ListMarkup, peopleOnShow: number, counts: import("../markups/types.js").Counts) => boolean} listEnd
 */
function readPeopleList(known, generation, markups, listEnd) {
  const totals = readFollowPage();
  const counts = totals?.counts ?? { connections: null, followers: null, following: null };
  if (generation === null) return totals && { totals, people: [], listEnd: false, generation };
  const markup = markups[generation];
  const people = [];
  let peopleOnShow = 0;
  for (const row of markup.cardsWithin(document.documentElement)) {
    const key = cardKey(row);
    if (key === null) continue;
    peopleOnShow += 1;
    if (known(key)) continue;
    const read = markup.read(row);
    if (read) people.push(read);
  }
  if (totals === null && peopleOnShow === 0) return null;
  return {
    totals: { generation, counts, cards: [] },
    people,
    listEnd: listEnd(markup, peopleOnShow, counts),
    generation,
  };
}

/**
 * The following page: its totals as the followers/following tabs show them,
 * and the people it lists (`follows`, members only, those not `known`
 * yet), with whether the end of the list is on screen.
 * @param {(key: string) => boolean} known people already sent or captured on this page view
 * @returns {PageContent | null}
 */
export function readFollowingPage(known) {
  const list = readPeopleList(
    known,
    followingGeneration(),
    FOLLOWING_MARKUPS,
    (markup, on, counts) => followingListEnd(markup, on, counts.following),
  );
  if (list === null) return null;
  const follows = /** @type {import("../markups/types.js").FollowCard[]} */ (list.people);
  return { ...list.totals, follows, listEnd: list.listEnd };
}

/**
 * The followers page: its totals as the tabs show them, if they do (no
 * source shows a total on the page itself), and the people it lists
 * (`followers`, members only, those not `known` yet, with whether the member
 * follows each back), with whether the end of the list is on screen.
 * @param {(key: string) => boolean} known people already sent or captured on this page view
 * @returns {PageContent | null}
 */
export function readFollowersPage(known) {
  const list = readPeopleList(known, followersGeneration(), FOLLOWERS_MARKUPS, followersListEnd);
  if (list === null) return null;
  const followers = /** @type {import("../markups/types.js").Follower[]} */ (list.people);
  return { ...list.totals, followers, listEnd: list.listEnd };
}

/**
 * The member's own profile shows an edit link to /in/<their slug>/edit/.
 * Matching the slug in the URL, not just any edit control, keeps a stale
 * own-profile DOM from being read as someone else's during SPA navigation.
 *
 * @param {string} slug the /in/<slug>/ segment of the current URL
 */
function isOwnProfile(slug) {
  const own = decodeSlug(slug);
  for (const anchor of document.querySelectorAll('a[href*="/edit/"]')) {
    const match = /\/in\/([^/?#]+)\/edit\//.exec(hrefOf(anchor));
    if (match && decodeSlug(match[1]) === own) return true;
  }
  return false;
}

/**
 * @param {string} slug
 * @returns {PageContent | null}
 */
export function readOwnProfile(slug) {
  if (!isOwnProfile(slug)) return null;
  // Only the top card: the Interests section lists companies' follower
  // counts, which are not the member's.
  const topCard = document.querySelector("main h1")?.closest("section");
  if (!topCard) return null;
  const { followers, connections } = findCounts(topCard, ["followers", "connections"], null);
  if (followers === null && connections === null) return null;
  return { generation: null, counts: { connections, followers, following: null }, cards: [] };
}
