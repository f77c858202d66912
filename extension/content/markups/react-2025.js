// @ts-check
// The react-2025 connections page (hashed classes): how to find its list, a
// card, the card's fields, its menu button and its remove dialog.
// docs/LINKEDIN.md, "react-2025", has the evidence for every selector here.

import { collapse, hrefOf, isShown, profileLinks } from "../lib/dom.js";
import { REACT_TRIGGER_VIEW } from "../words.js";
import { readPlainCard } from "./cards.js";

/** @typedef {import("./types.js").Markup} Markup */

// In 2025 every card has its own wrapper with this attribute (and older
// builds wrapped the whole list in one): never take the first as the list.
const REACT_LIST = '[data-view-name="connections-list"]';
// Pages often hold two list nodes; the lazy column is the one with cards.
const REACT_LAZY_LIST =
  '[componentkey="ConnectionsPage_ConnectionsList"][data-testid="lazy-column"]';
const REACT_PROFILE_LINK = 'a[data-view-name="connections-profile"]';
const REACT_CONFIRM = 'button[data-view-name="connections-remove"]';

/**
 * The elements the react-2025 cards are children of. Each
 * `[data-view-name="connections-list"]` wrapper holds one card (2025
 * captures) or, in older builds, the whole list; inside a wrapper the
 * level that first splits different people apart holds the cards (classes
 * cannot say which, being hashed). Only the lazy column's wrappers count
 * when the page has one.
 * @returns {Element[]}
 */
function reactCardContainers() {
  const scope = document.querySelector(REACT_LAZY_LIST) ?? document;
  /** @param {Element} element */
  const holdsSeveralPeople = (element) => {
    let first = null;
    for (const link of profileLinks(element, REACT_PROFILE_LINK)) {
      if (first === null) first = hrefOf(link);
      else if (hrefOf(link) !== first) return true;
    }
    return false;
  };
  /** @type {Element[]} */
  const containers = [];
  for (const wrapper of scope.querySelectorAll(REACT_LIST)) {
    // A wrapper inside another wrapper is part of that one's card.
    if (wrapper.parentElement?.closest(REACT_LIST)) continue;
    let container = wrapper;
    while (container.children.length === 1 && holdsSeveralPeople(container.children[0])) {
      container = container.children[0];
    }
    containers.push(container);
  }
  return containers;
}

/**
 * A react card (for a step) is the smallest element around a profile link
 * that also holds the card's own menu button.
 * @param {Element} link
 */
function cardAround(link) {
  const list = link.closest(REACT_LIST);
  for (let node = link.parentElement; node && node !== list; node = node.parentElement) {
    if (node.querySelector(REACT_TRIGGER_VIEW)) return node;
  }
  return null;
}

/** @type {Markup} */
export const react2025 = {
  name: "react-2025",
  present: REACT_LIST,
  skip: REACT_LIST,
  cardSelector: REACT_PROFILE_LINK,
  enclosingCard(node) {
    if (!node.closest(REACT_LIST)) return null;
    for (const container of reactCardContainers()) {
      if (node === container || !container.contains(node)) continue;
      let card = node;
      while (card.parentElement && card.parentElement !== container) card = card.parentElement;
      return card;
    }
    return null;
  },
  cardsWithin(node) {
    return reactCardContainers()
      .filter((container) => node.contains(container))
      .flatMap((container) => [...container.children]);
  },
  firstCard: () => reactCardContainers()[0]?.firstElementChild ?? null,
  cardTest() {
    const containers = new Set(reactCardContainers());
    return (element) => element.parentElement !== null && containers.has(element.parentElement);
  },
  read: (card) => readPlainCard(card, REACT_PROFILE_LINK),
  listedCards() {
    /** @type {Set<Element>} */
    const found = new Set();
    for (const link of document.querySelectorAll(`${REACT_LIST} ${REACT_PROFILE_LINK}`)) {
      const card = cardAround(link);
      if (card) found.add(card);
    }
    return [...found];
  },
  cardAround,
  menuButtons: (card, words) =>
    [...card.querySelectorAll(REACT_TRIGGER_VIEW)].filter((button) => {
      const label = collapse(button.getAttribute("aria-label") ?? "");
      return (
        words.menuLabels.includes(label) ||
        words.menuButtonFor.some((pattern) => pattern.test(label))
      );
    }),
  confirmButtons: (dialog) =>
    [...dialog.querySelectorAll(REACT_CONFIRM)].filter((button) => isShown(button)),
  dialogSaysItem: false,
  keyedCards: false,
};
