// @ts-check
// What netprune recognises on a connections page, for the review page's
// "Check this page" and for the steps: the page check, the page's own name
// search box, the member whose account the tab shows (LinkedIn's global
// navigation), and the stated total as a whole number.

import {
  PROFILE_SEGMENT,
  decodeSlug,
  hrefOf,
  isShown,
  mainScope,
  pageLanguage,
} from "../lib/dom.js";
import { ANY_CARD, MARKUPS, cardKey, detectGeneration, menuButtons } from "../markups/index.js";
import { EXACT_COUNT, findCounts } from "./counts.js";
import { tab } from "../tab.js";
import {
  ANY_LANGUAGE_WORDS,
  SEARCH_PLACEHOLDERS,
  SEARCH_SUBJECT,
  SEARCH_WORD,
  removalWords,
} from "../words.js";

// The page's language lives in lib/dom.js (the markups read it too).
export { pageLanguage };

const SEARCH_INPUTS = 'input[type="search"], input[type="text"], input:not([type])';
// docs/LINKEDIN.md, "Search box": the 2026 typeahead, by its data attributes.
const SEARCH_BY_DATA =
  '[componentkey="connectionsListTypeahead_ConnectionsListTypeahead"] input[data-testid="typeahead-input"]';
const SEARCH_BY_TESTID = 'input[data-testid="typeahead-input"]';
// docs/LINKEDIN.md, "Own-member link": LinkedIn's global navigation.
const GLOBAL_NAV = "#global-nav, header.global-nav, nav.global-nav, header nav, .global-nav__me";
// ...and the own-profile links tools read beside it.
const SELF_LINKS =
  'a[data-view-name="identity-self-profile"], [data-view-name="identity-module"] a[href*="/in/"]';
/**
 * What netprune recognises on this connections page, for the review
 * page's "Check this page" (docs/ARCHITECTURE.md, `check`). Removal is
 * off unless the list, its total, readable cards, each card's one menu
 * button, the search box and the member's own link are all found.
 * @returns {object | null} null on any other page
 */
export function pageCheck() {
  if (!tab.current || tab.current.target.page !== "connections") return null;
  const generation = detectGeneration();
  const language = pageLanguage();
  // Counting menu buttons only: with the page language's words where
  // netprune has them, else every table's (the background asks the core
  // whether removal is available in `language`).
  const words = removalWords(language, tab.taught) ?? ANY_LANGUAGE_WORDS;
  const markup = generation ? MARKUPS[generation] : null;
  const elements = markup ? markup.cardsWithin(document.documentElement) : [];
  const read = elements.map((element) => markup?.read(element) ?? null);
  const readable = read.filter((card) => card !== null);
  const first = elements.slice(0, 3).map((element, index) => {
    const card = read[index];
    return {
      slug: cardKey(element),
      name: card?.name ?? null,
      headline: card?.headline ?? null,
      connected: card?.connectedText ?? null,
      menuButtons: generation ? menuButtons(generation, element, words).length : 0,
    };
  });
  const total = markup ? findCounts(mainScope(), ["connections"], markup.skip).connections : null;
  const searchBox = findSearchBox() !== null;
  const member = navMember();
  const menuFound = first.length > 0 && first.every((card) => card.menuButtons === 1);
  /** @type {string[]} */
  const missing = [];
  if (generation === null) missing.push("no connections list netprune knows");
  else {
    if (elements.length === 0) missing.push("no cards on the list");
    else if (readable.length < elements.length) {
      missing.push(
        `${elements.length - readable.length} of ${elements.length} cards could not be read`,
      );
    }
    if (first.some((card) => card.name === null || card.slug === null)) {
      missing.push("a card without a name or a profile link");
    }
    if (!menuFound && elements.length > 0) missing.push("a card without exactly one menu button");
    if (total === null) missing.push("no stated total of connections");
  }
  if (!searchBox) missing.push("no name search box");
  // No own-profile link is not "removal off": the background's account
  // rule decides (no step once an owner is known, docs/ARCHITECTURE.md),
  // and the check reports it as memberFound.
  return {
    generation,
    language,
    statedTotal: total,
    cardsOnPage: elements.length,
    cardsRead: readable.length,
    firstCards: first,
    menuFound,
    searchBoxFound: searchBox,
    memberFound: member !== null,
    removalOff: missing.length > 0,
    missing,
  };
}

/**
 * The page's own "Search by name" box: by its data attributes first
 * (2026: the typeahead component's input), then artdeco's placeholder,
 * then by search role, placeholder or label. Only inside the page's main
 * region (LinkedIn's global search lives in the header) and never inside
 * a card; it must be the only one.
 * @returns {HTMLInputElement | null}
 */
export function findSearchBox() {
  const scope = mainScope();
  const shown = (/** @type {string} */ selector) =>
    [...scope.querySelectorAll(selector)].filter(
      (input) => isShown(input) && !input.closest(ANY_CARD),
    );
  for (const selector of [
    SEARCH_BY_DATA,
    SEARCH_BY_TESTID,
    ...SEARCH_PLACEHOLDERS.map((words) => `input[placeholder="${words}"]`),
  ]) {
    const found = shown(selector);
    if (found.length > 0) {
      return found.length === 1 ? /** @type {HTMLInputElement} */ (found[0]) : null;
    }
  }
  const candidates = shown(
    `${SEARCH_INPUTS}, input[role="searchbox"], input[role="combobox"]`,
  ).filter((input) => {
    const words = `${input.getAttribute("placeholder") ?? ""} ${input.getAttribute("aria-label") ?? ""}`;
    return SEARCH_WORD.test(words) && SEARCH_SUBJECT.test(words);
  });
  return candidates.length === 1 ? /** @type {HTMLInputElement} */ (candidates[0]) : null;
}

/**
 * The member whose account the tab shows: the decoded slug of the one
 * own-profile link in LinkedIn's global navigation, or null when there is
 * none or more than one (docs/LINKEDIN.md, "Own-member link").
 * @returns {string | null}
 */
export function navMember() {
  /** @type {Set<string>} */
  const slugs = new Set();
  const links = [...document.querySelectorAll(GLOBAL_NAV)].flatMap((nav) => [
    ...nav.querySelectorAll('a[href*="/in/"]'),
  ]);
  for (const link of [...links, ...document.querySelectorAll(SELF_LINKS)]) {
    const match = PROFILE_SEGMENT.exec(hrefOf(link));
    if (match) slugs.add(decodeSlug(match[1]));
  }
  return slugs.size === 1 ? [...slugs][0] : null;
}

/**
 * The stated total as a whole number when the page prints it exactly
 * ("1,217"), for noticing that it dropped by one; null otherwise.
 * @returns {number | null}
 */
export function statedTotal() {
  if (!tab.current || tab.current.target.page !== "connections") return null;
  const markup = tab.current.markup;
  const token = findCounts(mainScope(), ["connections"], markup?.skip ?? null).connections;
  if (token === null || !EXACT_COUNT.test(token)) return null;
  return Number(token.replace(/\D/g, ""));
}
