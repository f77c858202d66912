// @ts-check
// The markup generations of the connections page, newest first, and what
// the readers and steps ask of whichever one the page shows: which it is, a
// card's person, the cards a step may act on, a card's menu buttons, the
// card of one person. Adding a generation is adding markups/<name>.js (a
// Markup, ./types.js) and listing it in MARKUPS.

import {
  decodeSlug,
  hrefOf,
  isShown,
  mainScope,
  PROFILE_SEGMENT,
  profileLinks,
  slugOfLink,
} from "../lib/dom.js";
import { keySlug } from "./cards.js";
import { sdui2026 } from "./sdui-2026.js";
import { react2025 } from "./react-2025.js";
import { artdeco } from "./artdeco.js";

/** @typedef {import("./types.js").Markup} Markup */
/** @typedef {import("./types.js").Card} Card */

/** @type {Record<string, Markup>} in the order they are looked for */
export const MARKUPS = {
  [sdui2026.name]: sdui2026,
  [react2025.name]: react2025,
  [artdeco.name]: artdeco,
};

/** Every card selector of every generation: where the page's own search box never is. */
export const ANY_CARD = [artdeco, sdui2026, react2025]
  .map((markup) => markup.cardSelector)
  .join(", ");

// Menus and dialogs, in every generation (docs/LINKEDIN.md: artdeco's
// `.artdeco-dropdown__content` and `artdeco-modal`, the 2026 `[role="menu"]`
// and native `<dialog>`).
export const MENU = '[role="menu"], [role="listbox"], .artdeco-dropdown__content';
export const DIALOG = 'dialog[open], [role="dialog"], [role="alertdialog"], .artdeco-modal';

/**
 * Which generation the page shows, tried newest first, or null.
 * @returns {string | null}
 */
export function detectGeneration() {
  for (const markup of Object.values(MARKUPS)) {
    if (document.querySelector(markup.present)) return markup.name;
  }
  return null;
}

/**
 * The person a card is for: the decoded slug of its first profile link,
 * else the slug its componentkey names.
 * @param {Element} card
 */
export const cardKey = (card) => {
  const link = profileLinks(card, "a[href]")[0];
  const match = link ? PROFILE_SEGMENT.exec(hrefOf(link)) : null;
  return match ? decodeSlug(match[1]) : keySlug(card);
};

/**
 * The key of a card as read: the same as `cardKey` of its element.
 * @param {{ profileUrl: string }} card a connection card, or a person on the following page
 */
export const readKey = (card) => {
  const match = PROFILE_SEGMENT.exec(card.profileUrl);
  return match ? decodeSlug(match[1]) : card.profileUrl;
};

/**
 * The connection cards on show, each with the one person it links to.
 * An element linking to two people is not a card, and is never acted on.
 * @param {string} generation
 * @returns {{ card: Element, slug: string }[]}
 */
export function connectionCards(generation) {
  const cards = MARKUPS[generation].listedCards();
  /** @type {{ card: Element, slug: string }[]} */
  const result = [];
  for (const card of cards) {
    const slugs = new Set(
      profileLinks(card, "a[href]")
        .map(slugOfLink)
        .filter((slug) => slug !== null),
    );
    const keyed = keySlug(card);
    if (keyed !== null) slugs.add(keyed);
    if (slugs.size === 1) result.push({ card, slug: /** @type {string} */ ([...slugs][0]) });
  }
  return result;
}

/**
 * The card around a profile link, in this generation's terms.
 * @param {string} generation
 * @param {Element} link
 */
const cardAround = (generation, link) => MARKUPS[generation].cardAround(link);

/**
 * The menu buttons on show in a card, in this generation's terms and the
 * page language's words.
 * @param {string} generation
 * @param {Element} card
 * @param {import("../words.js").RemovalWords} words
 * @returns {Element[]}
 */
export function menuButtons(generation, card, words) {
  return MARKUPS[generation].menuButtons(card, words).filter((button) => isShown(button));
}

/**
 * Whether every profile link in `card` is this person's.
 * @param {Element} card
 * @param {string} slug
 */
const onlyLinksTo = (card, slug) =>
  profileLinks(card, "a[href]").every((link) => slugOfLink(link) === slug) &&
  (keySlug(card) ?? slug) === slug;

/**
 * The card of exactly this person, if it is on the page: found from the
 * person's profile links, so a long list costs one pass over its links.
 * @param {string} generation
 * @param {string} slug decoded, lower-cased
 */
export function cardOf(generation, slug) {
  /** @type {Element | null} */
  let fallback = null;
  for (const link of mainScope().querySelectorAll('a[href*="/in/"]')) {
    if (slugOfLink(link) !== slug) continue;
    const card = cardAround(generation, link);
    if (!card || !onlyLinksTo(card, slug)) continue;
    if (isShown(card)) return card;
    fallback ??= card;
  }
  if (MARKUPS[generation].keyedCards && fallback === null) {
    // A 2026 card names its person in its key even without a link.
    for (const card of MARKUPS[generation].cardsWithin(document.documentElement)) {
      if (keySlug(card) !== slug || !onlyLinksTo(card, slug)) continue;
      if (isShown(card)) return card;
      fallback ??= card;
    }
  }
  return fallback;
}

/**
 * The card's name as the card shows it.
 * @param {string} generation
 * @param {Element} card
 */
export const cardName = (generation, card) => MARKUPS[generation].read(card)?.name ?? null;
