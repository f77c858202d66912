// @ts-check
// The artdeco connections page (Ember, about 2019-2024): how to find its
// list, a card, the card's fields, its menu button and its remove dialog.
// docs/LINKEDIN.md, "artdeco", has the evidence for every selector here.

import {
  BUTTON,
  collapse,
  hrefOf,
  buttonsNamed,
  profileLinks,
  textOrNull,
  visibleText,
} from "../lib/dom.js";

/** @typedef {import("./types.js").Markup} Markup */

const ARTDECO_CARD = "li.mn-connection-card";

/** @param {Element} card */
function readArtdecoCard(card) {
  const link = profileLinks(card, "a[href]")[0];
  const nameElement = card.querySelector(".mn-connection-card__name");
  if (!link || !nameElement) return null;
  const name = visibleText(nameElement);
  if (name === "") return null;
  return {
    profileUrl: hrefOf(link),
    name,
    headline: textOrNull(card.querySelector(".mn-connection-card__occupation")),
    connectedText: textOrNull(card.querySelector("time.time-badge") ?? card.querySelector("time")),
  };
}

/** @type {Markup} */
export const artdeco = {
  name: "artdeco",
  present: `${ARTDECO_CARD}, .mn-connections__header`,
  skip: ARTDECO_CARD,
  cardSelector: ARTDECO_CARD,
  enclosingCard: (node) => node.closest(ARTDECO_CARD),
  cardsWithin: (node) => [...node.querySelectorAll(ARTDECO_CARD)],
  firstCard: () => document.querySelector(ARTDECO_CARD),
  cardTest: () => (element) => element.matches(ARTDECO_CARD),
  read: readArtdecoCard,
  listedCards: () => [...document.documentElement.querySelectorAll(ARTDECO_CARD)],
  cardAround: (link) => link.closest(ARTDECO_CARD),
  menuButtons: (card, words) =>
    [...card.querySelectorAll(BUTTON)].filter((button) => {
      const label = collapse(button.getAttribute("aria-label") ?? "");
      return (
        words.artdecoTriggerPrefixes.some((prefix) => label.startsWith(prefix)) ||
        words.menuButtonFor.some((pattern) => pattern.test(label)) ||
        words.menuLabels.includes(label)
      );
    }),
  confirmButtons(dialog, words) {
    if (!dialog.matches('[role="alertdialog"], .artdeco-modal')) {
      return { wrong: "not an artdeco modal" };
    }
    const named = buttonsNamed(dialog, words.artdecoConfirms);
    const primary = named.filter((button) => button.matches(".artdeco-button--primary"));
    return primary.length > 0 ? primary : named;
  },
  dialogSaysItem: true,
  keyedCards: false,
};
