// @ts-check
// The following page (/mynetwork/network-manager/people-follow/following/):
// how to find its rows in each markup generation the evidence shows, a row's
// person, its "Following" button and whether it shows them followed, and
// whether the end of the list is on screen. The evidence for every selector
// and word is in docs/LINKEDIN.md, "Following" (from
// docs/research/2026-12-05-invitations-and-follows.md, section 2):
// - "network-manager": `[data-chameleon-result-urn]` rows holding an `/in/`
//   link ("classic" artdeco markup, 2023 to 2026), name, then a detail line,
//   then the Following button;
// - "follows-cards": the older `li.follows-recommendation-card` with
//   `.follows-recommendation-card__name` and `__headline` (about 2019-2022).
// Rows without an `/in/` link (a company, a page) are not people: skipped.

import {
  BUTTON,
  HIDDEN_TEXT,
  accessibleName,
  collapse,
  fold,
  hrefOf,
  isShown,
  profileLinks,
  slugOfLink,
  textOrNull,
  visibleText,
} from "../lib/dom.js";
import { findLoadButton, loadingShown } from "../collect/list.js";
import { atBottom, listScroller, visibleHeight } from "../lib/input.js";
import { EXACT_COUNT } from "../readers/counts.js";
import { STOP_FOLLOWING_FOR } from "../words.js";

/** @typedef {import("./types.js").ListMarkup} ListMarkup */
/** @typedef {import("./types.js").FollowCard} FollowCard */
/** @typedef {import("../words.js").UnfollowWords} UnfollowWords */

const CLASSIC_ROW = "[data-chameleon-result-urn]";
const CARD_ROW = "li.follows-recommendation-card";

/**
 * The text lines of a row outside its links and buttons, in order.
 * @param {Element} row
 * @returns {string[]}
 */
function looseLines(row) {
  /** @type {Map<Element, string>} */
  const lines = new Map();
  const walker = document.createTreeWalker(row, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = /** @type {Element} */ (node);
      if (element.matches(`${HIDDEN_TEXT}, a, ${BUTTON}`)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent) continue;
    lines.set(parent, `${lines.get(parent) ?? ""}${/** @type {Text} */ (node).data}`);
  }
  return [...lines.values()].map(collapse).filter((text) => text !== "");
}

/**
 * The name a row's button label gives ("Click to stop following <Name>"),
 * in any language netprune knows the label in, or null.
 * @param {Element} row
 */
function labelName(row) {
  for (const button of row.querySelectorAll(BUTTON)) {
    const label = collapse(button.getAttribute("aria-label") ?? "");
    for (const pattern of STOP_FOLLOWING_FOR) {
      const match = pattern.exec(label);
      if (match) return collapse(match[1]);
    }
  }
  return null;
}

/**
 * One row of either generation: the one person it links to, their name (the
 * name element, else the first profile link with text, else the button's
 * label, else the row's first loose line) and the detail line.
 * @param {Element} row
 * @param {{ name: string | null, headline: string } | null} classes the generation's name and
 *   headline elements (no name element: the first profile link with text names them)
 * @returns {FollowCard | null}
 */
export function readRow(row, classes) {
  const links = profileLinks(row, "a[href]");
  if (links.length === 0) return null;
  // A row linking to two people is nobody's row.
  if (new Set(links.map(slugOfLink)).size !== 1) return null;
  const lines = looseLines(row);
  let name = classes?.name ? textOrNull(row.querySelector(classes.name)) : null;
  let headline = classes ? textOrNull(row.querySelector(classes.headline)) : null;
  name ??= links.map(visibleText).find((text) => text !== "") ?? null;
  if (name === null) {
    // No link shows a name: the button's label names them, else the
    // row's first line does.
    const labelled = labelName(row);
    if (labelled !== null && lines.length > 0 && fold(lines[0]) === fold(labelled)) lines.shift();
    name = labelled ?? lines.shift() ?? null;
  }
  if (name === null || name === "") return null;
  headline ??= lines[0] ?? null;
  return { profileUrl: hrefOf(links[0]), name, headline };
}

/**
 * A generation of the following (or followers) page, by its row selector.
 * @param {string} name
 * @param {string} rowSelector
 * @param {{ name: string | null, headline: string } | null} classes
 * @returns {ListMarkup}
 */
export function followingMarkup(name, rowSelector, classes) {
  const outermost = (/** @type {Element | null} */ row) => {
    let outer = row;
    for (
      let up = outer?.parentElement?.closest(rowSelector);
      up;
      up = up.parentElement?.closest(rowSelector)
    ) {
      outer = up;
    }
    return outer ?? null;
  };
  const cardsWithin = (/** @type {Element} */ node) =>
    [...node.querySelectorAll(rowSelector)].filter(
      (row) => !row.parentElement?.closest(rowSelector),
    );
  return {
    name,
    present: rowSelector,
    skip: rowSelector,
    enclosingCard: (node) => outermost(node.closest(rowSelector)),
    cardsWithin,
    firstCard: () => outermost(document.querySelector(rowSelector)),
    cardTest: () => (element) => element.matches(rowSelector),
    read: (row) => readRow(row, classes),
  };
}

/** @type {Record<string, ListMarkup>} in the order they are looked for */
export const FOLLOWING_MARKUPS = {
  "network-manager": followingMarkup("network-manager", CLASSIC_ROW, null),
  "follows-cards": followingMarkup("follows-cards", CARD_ROW, {
    name: ".follows-recommendation-card__name",
    headline: ".follows-recommendation-card__headline",
  }),
};

/**
 * Which generation the following page shows, or null.
 * @returns {string | null}
 */
export function followingGeneration() {
  return generationOn(FOLLOWING_MARKUPS);
}

/**
 * Which of `markups` the page shows, the first found, or null.
 * @param {Record<string, ListMarkup>} markups in the order they are looked for
 * @returns {string | null}
 */
export function generationOn(markups) {
  for (const markup of Object.values(markups)) {
    if (document.querySelector(markup.present)) return markup.name;
  }
  return null;
}

/**
 * Whether the end of the list is on screen: no "load more" button and no
 * spinner below the rows, and every person the page states on show; where
 * it states no exact total, scrolled to the bottom of a list that really
 * scrolls (a page taller than its list would seem at its bottom before
 * anything loaded). Reaching the bottom alone is not enough where a total
 * is stated: a list that loads on scroll is at its bottom before each load.
 * @param {ListMarkup} markup
 * @param {number} peopleOnShow
 * @param {string | null} total the stated total as shown
 */
export function followingListEnd(markup, peopleOnShow, total) {
  if (findLoadButton(markup) || loadingShown(markup)) return false;
  if (total !== null && EXACT_COUNT.test(total)) {
    return peopleOnShow >= Number(total.replace(/\D/g, ""));
  }
  const scroller = listScroller(markup);
  return atBottom(scroller) && scroller.scrollHeight > visibleHeight(scroller);
}

/**
 * The row of exactly this person, if it is on the page: every profile link
 * in it is theirs. A shown row first.
 * @param {string} generation
 * @param {string} slug decoded, lower-cased
 * @returns {Element | null}
 */
export function followRowOf(generation, slug) {
  /** @type {Element | null} */
  let fallback = null;
  for (const row of FOLLOWING_MARKUPS[generation].cardsWithin(document.documentElement)) {
    const links = profileLinks(row, "a[href]");
    if (links.length === 0 || !links.every((link) => slugOfLink(link) === slug)) continue;
    if (isShown(row)) return row;
    fallback ??= row;
  }
  return fallback;
}

/**
 * The people rows on show (rows with one person's links), for "the row left
 * a list that still shows others".
 * @param {string} generation
 */
export function followRows(generation) {
  return FOLLOWING_MARKUPS[generation]
    .cardsWithin(document.documentElement)
    .filter((row) => new Set(profileLinks(row, "a[href]").map(slugOfLink)).size === 1);
}

/**
 * A row's follow buttons on show, by the page language's words: those in
 * the Following state (the one to press) and those in the Follow state (the
 * proof), each with the name its label gives, if any.
 * @param {Element} row
 * @param {UnfollowWords} words
 * @returns {{ following: { button: HTMLElement, named: string | null }[], follow: { button: HTMLElement, named: string | null }[] }}
 */
export function followButtons(row, words) {
  /** @type {{ button: HTMLElement, named: string | null }[]} */
  const following = [];
  /** @type {{ button: HTMLElement, named: string | null }[]} */
  const follow = [];
  const named = (/** @type {RegExp[]} */ patterns, /** @type {string} */ label) =>
    patterns.map((pattern) => pattern.exec(label)).find((match) => match !== null) ?? null;
  for (const element of row.querySelectorAll(BUTTON)) {
    if (!isShown(element)) continue;
    const button = /** @type {HTMLElement} */ (element);
    const label = collapse(button.getAttribute("aria-label") ?? "");
    const text = visibleText(button).toLowerCase();
    const stop = named(words.stopFollowingFor, label);
    const start = named(words.followFor, label);
    if (stop) following.push({ button, named: collapse(stop[1]) });
    else if (start) follow.push({ button, named: collapse(start[1]) });
    else if (
      words.following.includes(text) ||
      words.following.includes(accessibleName(button).toLowerCase())
    ) {
      following.push({ button, named: null });
    } else if (words.follow.includes(text)) follow.push({ button, named: null });
  }
  return { following, follow };
}
