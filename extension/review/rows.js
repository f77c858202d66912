// @ts-check
// One row of the review list: its markup (built once, refilled as the list
// scrolls), its initials, badges and work line, its height, and the profile
// link built from the stored slug.

import { t } from "../lib/i18n.js";

/** @typedef {import("./types.js").Connected} Connected */
/** @typedef {import("./types.js").Row} Row */
/** @typedef {import("./types.js").Collect} Collect */
/** @typedef {import("./types.js").ImportReport} ImportReport */
/** @typedef {import("./types.js").Histogram} Histogram */
/** @typedef {import("./types.js").QueueProgress} QueueProgress */
/** @typedef {import("./types.js").PacingSettings} PacingSettings */
/** @typedef {import("./types.js").QueueStore} QueueStore */
/** @typedef {import("./types.js").Refusal} Refusal */
/** @typedef {import("./types.js").SavedQuery} SavedQuery */
/** @typedef {import("./types.js").SuggestedQuery} SuggestedQuery */
/** @typedef {import("./types.js").Replica} Replica */
/** @typedef {import("./types.js").CoreClass} CoreClass */

/**
 * Every row is this tall (review/list.css draws two lines in it: the name
 * with its badges, then the headline); the list is a spacer of n × this.
 */
export const ROW_HEIGHT = 64;

/** Rows rendered above and below the visible ones, so a fast scroll shows no gap. */
export const OVERSCAN = 6;

/** The list's height when the page has not been laid out (a hidden side panel). */
export const FALLBACK_VIEWPORT_PX = 600;

/** @type {Uint32Array} */
export const EMPTY = new Uint32Array(0);

/**
 * The row's badges: the flag, and the message keys of its word and meaning.
 *
 * The follower badge is the one relation a row shows: LinkedIn offers no
 * action on followers, so it is there to be seen, not selected for anything.
 *
 * @type {{ key: keyof Row & ("kept" | "queued" | "removed" | "gone" | "unmatched" | "follower"), word: string, meaning: string }[]}
 */
export const BADGES = [
  { key: "kept", word: "badgeKept", meaning: "badgeKeptMeaning" },
  { key: "queued", word: "badgeQueued", meaning: "badgeQueuedMeaning" },
  { key: "removed", word: "badgeRemoved", meaning: "badgeRemovedMeaning" },
  { key: "gone", word: "badgeGone", meaning: "badgeGoneMeaning" },
  { key: "unmatched", word: "badgeUnmatched", meaning: "badgeUnmatchedMeaning" },
  { key: "follower", word: "badgeFollower", meaning: "badgeFollowerMeaning" },
];

/**
 * Where a person came from, as message keys.
 *
 * @type {Record<Row["source"], string>}
 */
export const SOURCE_PHRASES = {
  "connections-page": "sourceConnectionsPage",
  export: "sourceExport",
  "followers-page": "sourceFollowersPage",
};

/** Where every profile link starts. */
const PROFILE_PREFIX = "https://www.linkedin.com/in/";

/**
 * What a stored slug may hold to become a link: letters (any script), their
 * marks, digits, "-" and "_", as LinkedIn's public profile addresses do.
 * Anything else (a "/", "?", "#", "%", a space, a control) is not a slug this
 * page trusts in an href.
 */
const SLUG = /^[\p{L}\p{M}\p{N}_-]{1,200}$/u;

/**
 * The row's profile link, `https://www.linkedin.com/in/<slug>/`, built only
 * from the stored slug (percent-encoded as the core's view.rs encodes it), or
 * null: for a person from the export not yet seen on the page (their slug is
 * not LinkedIn's) and for a slug that is not one.
 *
 * @param {Pick<Row, "slug" | "unmatched">} row
 */
export function profileLinkOf(row) {
  const slug = row.slug;
  if (row.unmatched || typeof slug !== "string" || !SLUG.test(slug)) return null;
  return `${PROFILE_PREFIX}${encodeURIComponent(slug)}/`;
}

/**
 * Up to two initials of a name, for the row's circle: the first letter of
 * the first and of the last word ("Ada Lovelace" -> "AL"), whole graphemes
 * in any script; "?" when the name has no letter.
 *
 * @param {string | null | undefined} name
 */
export function initialsOf(name) {
  const words = String(name ?? "")
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ""))
    .filter(Boolean);
  if (words.length === 0) return "?";
  const first = (/** @type {string} */ word) =>
    /** @type {string} */ (/^\p{L}\p{M}*|^\p{N}/u.exec(word)?.[0] ?? "");
  const picked = words.length === 1 ? [words[0]] : [words[0], words[words.length - 1]];
  return picked.map(first).join("").toLocaleUpperCase() || "?";
}

/** A row's DOM identity: its slug, or its index when it has none. @param {Row} row */
export function rowKey(row) {
  return row.slug ? `s:${row.slug}` : `i:${row.index}`;
}

/**
 * @param {Document} doc
 * @param {Row} row
 */
export function badgesFor(doc, row) {
  const badges = BADGES.filter(({ key }) => row[key]).map(({ key, word, meaning }) => {
    const badge = doc.createElement("span");
    badge.className = `badge badge-${key}`;
    badge.title = t(meaning);
    badge.textContent = t(word);
    return badge;
  });
  // A namesake netprune would not merge with (no profile link, no clear
  // fit by name and company): the member decides whether it is one person.
  if (row.possiblySameAs) {
    const marker = doc.createElement("span");
    marker.className = "badge badge-namesake";
    marker.setAttribute("data-testid", "possibly-same");
    marker.dir = "auto";
    marker.textContent = t("possiblySameAs", row.possiblySameAs);
    marker.title = marker.textContent;
    badges.push(marker);
  }
  return badges;
}

/**
 * A row: the check box; the initials circle; the name with its badges and
 * one line of headline (a button that opens the details); the last contact
 * (from the data archive); the connection date over the profile link (a new
 * tab, opened only by the member).
 *
 * @param {Document} doc
 */
export function createRow(doc) {
  const span = (/** @type {string} */ className, auto = false) => {
    const element = doc.createElement("span");
    element.className = className;
    if (auto) element.dir = "auto";
    return element;
  };
  const row = doc.createElement("div");
  row.className = "person-row";
  row.setAttribute("role", "listitem");
  row.setAttribute("data-testid", "person-row");

  const check = doc.createElement("label");
  check.className = "row-check";
  const box = doc.createElement("input");
  box.type = "checkbox";
  box.className = "row-select";
  check.append(box);

  const initials = span("row-initials");
  initials.setAttribute("aria-hidden", "true");

  const main = doc.createElement("button");
  main.type = "button";
  main.className = "row-main";
  const title = span("row-line row-title");
  const name = span("row-name", true);
  name.dataset.testid = "person-name";
  title.append(name, span("badges"));
  const headline = span("row-line row-headline", true);
  headline.dataset.testid = "person-headline";
  // What the stylesheet shows in an empty headline (content: attr(data-missing)).
  headline.dataset.missing = t("noHeadline");
  main.append(title, headline);

  const link = doc.createElement("a");
  link.className = "row-profile";
  link.dataset.testid = "person-profile";
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  // "Profile" shows; readers hear whose, and that it opens a new tab.
  const whose = span("visually-hidden");
  link.append(t("rowProfile"), " ", whose);
  const meta = span("row-meta");
  meta.append(span("row-date"), link);
  // Last contact, from the data archive: empty (and taking no room) without one.
  const contact = span("row-contact");
  contact.dataset.testid = "row-last-contact";
  row.append(check, initials, main, contact, meta);
  return row;
}
