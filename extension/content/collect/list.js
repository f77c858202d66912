// @ts-check
// The end of the connections list as a collection sees it: the list's own
// "load more" button (by artdeco's class, else by its whole accessible name
// in any language, ../words.js) and LinkedIn's loading indicator.

import { BUTTON, HIDDEN_TEXT, accessibleName, belowList, isShown, mainScope } from "../lib/dom.js";
import { LOAD_MORE_NAMES } from "../words.js";

/** @typedef {import("../markups/types.js").ListMarkup} Markup a connections generation or the following page's */

// Collecting. LinkedIn's artdeco "Show more results" button keeps a stable
// BEM class (the later markups hash theirs), so it is found by class first.
const ARTDECO_LOAD_BUTTON = ".scaffold-finite-scroll__load-button";
const LOADING_INDICATOR = '[role="progressbar"], .artdeco-loader';
/**
 * The list's own "load more" button as the member sees it now, or null.
 * It is searched for from the list outwards, so that the button belonging
 * to the list is found before any other "Load more" on the page, and it
 * must sit below the cards. Nothing inside a card is ever a candidate: the
 * walk skips cards whole, which also keeps it cheap beside thousands.
 * @param {Markup} markup
 * @returns {HTMLElement | null}
 */
export function findLoadButton(markup) {
  const scope = mainScope();
  const artdeco = scope.querySelector(ARTDECO_LOAD_BUTTON);
  if (artdeco && isShown(artdeco)) return /** @type {HTMLElement} */ (artdeco);
  const firstCard = markup.firstCard();
  const isCard = markup.cardTest();
  /** @param {Element} region */
  const search = (region) => {
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_ELEMENT, {
      acceptNode(node) {
        const element = /** @type {Element} */ (node);
        if (isCard(element) || element.matches(HIDDEN_TEXT)) return NodeFilter.FILTER_REJECT;
        return element.matches(BUTTON) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      },
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = /** @type {HTMLElement} */ (node);
      if (
        LOAD_MORE_NAMES.has(accessibleName(element).toLowerCase()) &&
        belowList(firstCard, element) &&
        isShown(element)
      ) {
        return element;
      }
    }
    return null;
  };
  for (
    let region = firstCard?.parentElement ?? scope;
    region;
    region = region === scope ? null : region.parentElement
  ) {
    const button = search(region);
    if (button) return button;
  }
  return null;
}

/**
 * Whether LinkedIn shows, below the list, that it is still fetching people.
 * @param {Markup} markup
 */
export function loadingShown(markup) {
  const firstCard = markup.firstCard();
  for (const indicator of mainScope().querySelectorAll(LOADING_INDICATOR)) {
    if (!markup.enclosingCard(indicator) && belowList(firstCard, indicator) && isShown(indicator)) {
      return true;
    }
  }
  return false;
}
