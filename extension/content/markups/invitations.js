// @ts-check
// The sent invitations page (/mynetwork/invitation-manager/sent/) in each
// markup generation the evidence shows: how to find its list and its rows,
// read a row (never its note's text), find a row's Withdraw control and
// the confirm button of the dialog it opens, and (artdeco) the next page.
// docs/LINKEDIN.md, "Sent invitations", names the evidence for every
// selector here (docs/research/2026-12-05-invitations-and-follows.md, §1).

import {
  BUTTON,
  accessibleName,
  collapse,
  fold,
  hrefOf,
  isEnabled,
  isShown,
  profileLinks,
  textOrNull,
  visibleText,
} from "../lib/dom.js";
import { PICTURE_ALT, SENT_LINE, SENT_START } from "../words.js";

/** @typedef {import("./types.js").Invitation} Invitation */
/** @typedef {import("../words.js").WithdrawWords} WithdrawWords */

/**
 * @typedef {object} InvitationMarkup one generation of the sent invitations page
 * @property {string} name what readings call it ("artdeco", "react-2025", "sdui-2026")
 * @property {string} present a selector only this generation's page matches
 * @property {string} skip where people's text lives: never a place to look for the total
 * @property {string} cardSelector a row's selector (nothing inside one is the list's button)
 * @property {(node: Element) => Element | null} enclosingCard the row `node` is part of
 * @property {(node: Element) => Element[]} cardsWithin the rows inside `node`
 * @property {() => Element | null} firstCard any one row, to find the list's scroller by
 * @property {() => (element: Element) => boolean} cardTest "is this element a row"
 * @property {(card: Element) => Invitation | null} read
 * @property {(link: Element) => Element | null} cardAround the row around one of its profile links
 * @property {(card: Element, words: WithdrawWords) => Element[]} withdrawControls the row's
 *   Withdraw control candidates (shown or not), by the page language's words
 * @property {(dialog: Element, words: WithdrawWords) => { wrong: string } | Element[]} confirmButtons
 *   the withdraw dialog's confirm buttons, or why it is not this generation's withdraw dialog
 * @property {boolean} titledDialog whether its dialog must show a title from `dialogTitles`
 * @property {() => HTMLElement | null} nextPage the list's next-page control, when it pages
 * @property {() => HTMLElement | null} firstPage the list's first-page control, when it is
 *   paged and not on its first page
 */

const LISTITEM = '[role="listitem"]';
// The confirm buttons of every generation's dialog: the text is what every
// source agrees on (research §5.1).
const CLICKABLE = 'button, a[href], [role="button"]';

/**
 * The row's "Sent ..." line: the shortest element text that starts as one
 * ("Sent 3 weeks ago"), else that ends as one (artdeco's bare "1 month ago").
 * @param {Element} card
 * @param {string | null} [skip] what never holds it (the note)
 */
function sentLine(card, skip = null) {
  /** @type {string[]} */
  const lines = [];
  for (const element of card.querySelectorAll("time, p, span")) {
    if (skip && element.closest(skip)) continue;
    if (element.closest(CLICKABLE)) continue;
    const text = visibleText(element);
    if (text !== "" && text.length <= 60 && SENT_LINE.test(text)) lines.push(text);
  }
  const shortest = (/** @type {string[]} */ texts) =>
    texts.reduce((best, text) => (best === null || text.length < best.length ? text : best), null);
  return shortest(lines.filter((text) => SENT_START.test(text))) ?? shortest(lines);
}

/**
 * The name an avatar's picture is labelled with, or null.
 * @param {Element} card
 */
function pictureName(card) {
  for (const picture of card.querySelectorAll("img[alt], figure[aria-label]")) {
    const label = collapse(picture.getAttribute("alt") ?? picture.getAttribute("aria-label") ?? "");
    const match = PICTURE_ALT.exec(label);
    if (match) return collapse(match[1]);
  }
  return null;
}

/**
 * The outermost elements of `found`.
 * @param {Element[]} found
 */
const outer = (found) =>
  [...new Set(found)].filter((element) => !found.some((o) => o !== element && o.contains(element)));

/**
 * Buttons in `scope` whose whole visible text is one of `names` (lower-case).
 * @param {Element} scope
 * @param {string[]} names
 */
const byText = (scope, names) =>
  [...scope.querySelectorAll(CLICKABLE)].filter((element) =>
    names.includes(visibleText(element).toLowerCase()),
  );

/**
 * A dialog's confirm candidates, by their whole visible text ("Withdraw";
 * never "Withdraw all"). The one with a label naming someone is checked by
 * the step.
 * @param {Element} dialog
 * @param {WithdrawWords} words
 */
const confirmsIn = (dialog, words) =>
  outer(byText(dialog, words.confirms)).filter((button) => isShown(button));

// --- artdeco (Ember, about 2019-2024) -------------------------------------

const ARTDECO_ROW = "li.invitation-card";

/** @type {InvitationMarkup} */
const artdeco = {
  name: "artdeco",
  present: `.mn-invitation-list, ${ARTDECO_ROW}`,
  skip: ARTDECO_ROW,
  cardSelector: ARTDECO_ROW,
  enclosingCard: (node) => node.closest(ARTDECO_ROW),
  cardsWithin: (node) => [...node.querySelectorAll(ARTDECO_ROW)],
  firstCard: () => document.querySelector(ARTDECO_ROW),
  cardTest: () => (element) => element.matches(ARTDECO_ROW),
  read(card) {
    const link = profileLinks(card, "a[href]")[0];
    const title = card.querySelector(".invitation-card__title, .invitation-card__tvm-title");
    if (!link) return null;
    const name = title ? visibleText(title) : visibleText(link);
    if (name === "") return null;
    const note = ".invitation-card__custom-message-container, .invitation-card__custom-message";
    return {
      profileUrl: hrefOf(link),
      name,
      headline: textOrNull(card.querySelector(".invitation-card__subtitle")),
      sentText: textOrNull(card.querySelector(".time-badge")) ?? sentLine(card, note),
      hasNote: card.querySelector(note) !== null,
    };
  },
  cardAround: (link) => link.closest(ARTDECO_ROW),
  withdrawControls: (card, words) =>
    byText(card, words.buttons).filter((button) =>
      button.matches("button.invitation-card__action-btn"),
    ),
  confirmButtons(dialog, words) {
    if (!dialog.matches('.artdeco-modal, [role="dialog"], [role="alertdialog"]')) {
      return { wrong: "not an artdeco modal" };
    }
    const named = confirmsIn(dialog, words);
    const primary = named.filter((button) =>
      button.matches(".artdeco-modal__confirm-dialog-btn.artdeco-button--primary"),
    );
    return primary.length > 0 ? primary : named;
  },
  titledDialog: false,
  nextPage() {
    const next = document.querySelector(".artdeco-pagination__button--next");
    return next && isShown(next) && isEnabled(next) ? /** @type {HTMLElement} */ (next) : null;
  },
  firstPage() {
    const first = document.querySelector(
      "ul.artdeco-pagination__pages--number > li:first-child button",
    );
    if (!first || !isShown(first) || first.getAttribute("aria-current") === "true") return null;
    return /** @type {HTMLElement} */ (first);
  },
};

// --- react-2025 (hashed classes, data-view-name) ---------------------------

const REACT_WITHDRAW = '[data-view-name="sent-invitations-withdraw-single"]';

/**
 * The row a react-2025 Withdraw control belongs to: its nearest listitem.
 * @param {Element} node
 */
function reactRow(node) {
  for (let row = node.closest(LISTITEM); row; row = row.parentElement?.closest(LISTITEM) ?? null) {
    if (row.querySelector(REACT_WITHDRAW)) return row;
  }
  return null;
}

/**
 * A profile link's name and headline: its first two paragraphs, else its
 * whole text as the name.
 * @param {Element} link
 */
function linkLines(link) {
  const paragraphs = [...link.querySelectorAll("p")].map(visibleText).filter((t) => t !== "");
  if (paragraphs.length > 0) return { name: paragraphs[0], headline: paragraphs[1] ?? null };
  const text = visibleText(link);
  return text === "" ? null : { name: text, headline: null };
}

/** @type {InvitationMarkup} */
const react2025 = {
  name: "react-2025",
  present: `${LISTITEM} ${REACT_WITHDRAW}`,
  skip: LISTITEM,
  cardSelector: LISTITEM,
  enclosingCard: (node) => reactRow(node),
  cardsWithin: (node) =>
    outer(
      [...node.querySelectorAll(REACT_WITHDRAW), ...(node.matches(REACT_WITHDRAW) ? [node] : [])]
        .map((control) => reactRow(control))
        .filter((row) => row !== null),
    ),
  firstCard: () => {
    const control = document.querySelector(`${LISTITEM} ${REACT_WITHDRAW}`);
    return control ? reactRow(control) : null;
  },
  cardTest: () => (element) =>
    element.matches(LISTITEM) && element.querySelector(REACT_WITHDRAW) !== null,
  read(card) {
    const links = profileLinks(card, "a[href]");
    if (links.length === 0) return null;
    /** @type {{ name: string, headline: string | null } | null} */
    let named = null;
    for (const link of links) {
      named = linkLines(link);
      if (named) break;
    }
    const name = named?.name ?? pictureName(card);
    if (!name) return null;
    const note = '[data-testid="expandable-text-box"]';
    return {
      profileUrl: hrefOf(links[0]),
      name,
      headline: named?.headline ?? null,
      sentText: sentLine(card, note),
      hasNote: card.querySelector(note) !== null,
    };
  },
  cardAround: (link) => reactRow(link),
  withdrawControls: (card, words) =>
    [...card.querySelectorAll(REACT_WITHDRAW)].filter((control) =>
      words.buttons.includes(visibleText(control).toLowerCase()),
    ),
  confirmButtons(dialog, words) {
    if (!dialog.matches("dialog, .artdeco-modal")) {
      return { wrong: "not the page's native dialog" };
    }
    return confirmsIn(dialog, words);
  },
  titledDialog: false,
  nextPage: () => null,
  firstPage: () => null,
};

// --- sdui-2026 (server-driven UI) ------------------------------------------

const SDUI_LIST = '[componentkey="InvitationManagerPage_InvitationsList" i]';

/** @param {Element} node */
function sduiRow(node) {
  const row = node.closest(LISTITEM);
  return row && row.parentElement?.closest(SDUI_LIST) ? outermostRow(row) : null;
}

/** @param {Element} row the outermost listitem inside the list */
function outermostRow(row) {
  let outerRow = row;
  for (
    let up = outerRow.parentElement?.closest(LISTITEM);
    up && up.closest(SDUI_LIST);
    up = up.parentElement?.closest(LISTITEM)
  ) {
    outerRow = up;
  }
  return outerRow;
}

/** @param {Element} node */
const sduiRowsWithin = (node) =>
  [...node.querySelectorAll(`${SDUI_LIST} ${LISTITEM}`)].filter(
    (row) => !row.parentElement?.closest(LISTITEM),
  );

/**
 * Whether `element`'s label is the Withdraw control's for someone.
 * @param {Element} element
 * @param {WithdrawWords} words
 */
const labelledForSomeone = (element, words) => {
  const label = collapse(element.getAttribute("aria-label") ?? "");
  return words.buttonFor.some((pattern) => pattern.test(label));
};

/** @type {InvitationMarkup} */
const sdui2026 = {
  name: "sdui-2026",
  present: SDUI_LIST,
  skip: LISTITEM,
  cardSelector: LISTITEM,
  enclosingCard: (node) => sduiRow(node),
  cardsWithin: (node) => {
    const row = sduiRow(node);
    return row ? [row] : sduiRowsWithin(node);
  },
  firstCard: () => sduiRowsWithin(document.documentElement)[0] ?? null,
  cardTest: () => (element) =>
    element.matches(LISTITEM) && Boolean(element.parentElement?.closest(SDUI_LIST)),
  read(card) {
    const links = profileLinks(card, "a[href]");
    if (links.length === 0) return null;
    const nameLink = profileLinks(card, "p a[href]")[0];
    let name = nameLink ? visibleText(nameLink) : "";
    if (name === "") {
      for (const link of links) {
        name = visibleText(link);
        if (name !== "") break;
      }
    }
    if (name === "") name = pictureName(card) ?? "";
    if (name === "") return null;
    return {
      profileUrl: hrefOf(nameLink ?? links[0]),
      name,
      // No source shows the 2026 row's headline or note (research I4, I6).
      headline: null,
      sentText: sentLine(card),
      hasNote: null,
    };
  },
  cardAround: (link) => sduiRow(link),
  withdrawControls: (card, words) =>
    [...card.querySelectorAll(`a, ${BUTTON}`)].filter(
      (control) =>
        labelledForSomeone(control, words) ||
        words.buttons.includes(accessibleName(control).toLowerCase()),
    ),
  confirmButtons(dialog, words) {
    if (!dialog.matches('dialog, [role="dialog"], [role="alertdialog"]')) {
      return { wrong: "not a dialog" };
    }
    return confirmsIn(dialog, words);
  },
  titledDialog: true,
  nextPage: () => null,
  firstPage: () => null,
};

/** @type {Record<string, InvitationMarkup>} in the order they are looked for */
export const INVITATION_MARKUPS = {
  [sdui2026.name]: sdui2026,
  [react2025.name]: react2025,
  [artdeco.name]: artdeco,
};

/**
 * Which generation the sent invitations page shows, newest first, or null.
 * @returns {string | null}
 */
export function detectInvitationGeneration() {
  for (const markup of Object.values(INVITATION_MARKUPS)) {
    if (document.querySelector(markup.present)) return markup.name;
  }
  return null;
}

/**
 * The name a control's label gives its person, if the label names one.
 * @param {Element} control
 * @param {RegExp[]} patterns
 * @returns {string | null}
 */
export function labelledName(control, patterns) {
  const label = collapse(control.getAttribute("aria-label") ?? "");
  for (const pattern of patterns) {
    const match = pattern.exec(label);
    if (match) return collapse(match[1]);
  }
  return null;
}

/** Names compared as a name search compares them. */
export const sameName = (/** @type {string} */ a, /** @type {string} */ b) => fold(a) === fold(b);
