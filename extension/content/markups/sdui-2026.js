// @ts-check
// The sdui-2026 connections page (server-driven UI, late 2025-2026): how to
// find its list, a card, the card's fields, its menu button and its native
// remove dialog. docs/LINKEDIN.md, "sdui-2026", has the evidence.

import { BUTTON, collapse, buttonsNamed } from "../lib/dom.js";
import { readPlainCard } from "./cards.js";

/** @typedef {import("./types.js").Markup} Markup */

const SDUI_CARD = '[componentkey^="ConnectionCard_"]';

/** @param {Element | null} card */
function outermostSduiCard(card) {
  let outer = card;
  for (
    let up = outer?.parentElement?.closest(SDUI_CARD);
    up;
    up = up.parentElement?.closest(SDUI_CARD)
  ) {
    outer = up;
  }
  return outer ?? null;
}

/** @param {Element} node Only the outermost: a card may nest components with the same prefix. */
const cardsWithin = (node) =>
  [...node.querySelectorAll(SDUI_CARD)].filter((card) => !card.parentElement?.closest(SDUI_CARD));

/** @type {Markup} */
export const sdui2026 = {
  name: "sdui-2026",
  present: SDUI_CARD,
  skip: SDUI_CARD,
  cardSelector: SDUI_CARD,
  enclosingCard: (node) => outermostSduiCard(node.closest(SDUI_CARD)),
  cardsWithin,
  firstCard: () => outermostSduiCard(document.querySelector(SDUI_CARD)),
  cardTest: () => (element) => element.matches(SDUI_CARD),
  read: (card) => readPlainCard(card, "a[href]"),
  listedCards: () => cardsWithin(document.documentElement),
  cardAround: (link) => outermostSduiCard(link.closest(SDUI_CARD)),
  menuButtons: (card, words) =>
    [...card.querySelectorAll(BUTTON)].filter((button) => {
      const label = collapse(button.getAttribute("aria-label") ?? "");
      const popup = button.getAttribute("aria-haspopup");
      return (
        words.sduiTrigger.test(label) ||
        words.menuButtonFor.some((pattern) => pattern.test(label)) ||
        words.menuLabels.includes(label) ||
        popup === "menu" ||
        popup === "true"
      );
    }),
  confirmButtons(dialog, words) {
    // A native <dialog>, which [role="dialog"] does not describe.
    if (dialog.localName !== "dialog") return { wrong: "not the page's native dialog" };
    return buttonsNamed(dialog, words.confirms);
  },
  dialogSaysItem: true,
  keyedCards: true,
};
