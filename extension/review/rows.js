// @ts-check
// One row of the review list: its markup (built once, refilled as the list
// scrolls), its badges and work line, its height, and the profile link.

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

/** Every row is this tall (review/list.css draws four lines in it); the list is a spacer of n × this. */
export const ROW_HEIGHT = 88;

/** Rows rendered above and below the visible ones, so a fast scroll shows no gap. */
export const OVERSCAN = 6;

/** The list's height when the page has not been laid out (a hidden side panel). */
export const FALLBACK_VIEWPORT_PX = 600;

/** @type {Uint32Array} */
export const EMPTY = new Uint32Array(0);

/**
 * The row's badges: the flag, and the message keys of its word and meaning.
 *
 * @type {{ key: keyof Row & ("kept" | "queued" | "removed" | "gone" | "unmatched"), word: string, meaning: string }[]}
 */
export const BADGES = [
  { key: "kept", word: "badgeKept", meaning: "badgeKeptMeaning" },
  { key: "queued", word: "badgeQueued", meaning: "badgeQueuedMeaning" },
  { key: "removed", word: "badgeRemoved", meaning: "badgeRemovedMeaning" },
  { key: "gone", word: "badgeGone", meaning: "badgeGoneMeaning" },
  { key: "unmatched", word: "badgeUnmatched", meaning: "badgeUnmatchedMeaning" },
];

/**
 * Where a person came from, as message keys.
 *
 * @type {Record<Row["source"], string>}
 */
export const SOURCE_PHRASES = {
  "connections-page": "sourceConnectionsPage",
  export: "sourceExport",
};

/** Where every profile link the core builds starts; anything else is not shown as a link. */
const PROFILE_PREFIX = "https://www.linkedin.com/in/";

/**
 * The row's profile link as the core built it (`profileUrl`, encoded as
 * view.rs encodes), or null when there is none. The page never builds one.
 *
 * @param {Row} row
 */
export function profileLinkOf(row) {
  const url = row.profileUrl;
  return typeof url === "string" && url.startsWith(PROFILE_PREFIX) ? url : null;
}

/** A row's DOM identity: its slug, or its index when it has none. @param {Row} row */
export function rowKey(row) {
  return row.slug ? `s:${row.slug}` : `i:${row.index}`;
}

/** @param {Row} row */
export function workLine(row) {
  const company = row.company?.trim();
  const position = row.position?.trim();
  if (company && position) return `${position} · ${company}`;
  return company || position || "";
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

/** @param {Document} doc */
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
  main.append(title, headline, span("row-line row-work", true), span("row-line row-date"));
  row.append(check, main);
  return row;
}
