// @ts-check
// DOM helpers every part of the content script reads the page with: text as
// the member sees it (screen-reader-only text left out), whether an element
// is shown or enabled, accessible names, profile links and their slugs, and
// small timing helpers (sleep, a random draw within a range). No LinkedIn
// word and no markup generation lives here.

// Text LinkedIn hides visually but keeps for screen readers ("Member's
// name" before every artdeco card name); it is not part of the name.
export const HIDDEN_TEXT = ".visually-hidden, .a11y-text, script, style, template";

// Anything the member presses as a button.
export const BUTTON = 'button, [role="button"]';
const PROFILE_HREF = /\/in\/[^/?#]+/;
export const PROFILE_SEGMENT = /\/in\/([^/?#]+)/;

/**
 * The page's language, its `<html lang>` ("en", "de", "pt-BR"), or null:
 * the core reads dates and counts in it, and a step clicks only by that
 * language's words (docs/ARCHITECTURE.md, page-reading).
 * @returns {string | null}
 */
export const pageLanguage = () => document.documentElement.lang.trim() || null;

/** @param {string} text */
export const collapse = (text) => text.replace(/\s+/g, " ").trim();

/** @param {string} segment */
export function decodeSlug(segment) {
  try {
    return decodeURIComponent(segment).toLowerCase();
  } catch {
    return segment.toLowerCase();
  }
}

/**
 * The element's text nodes, in order, leaving out screen-reader-only text.
 * @param {Element} element
 * @returns {string[]}
 */
function visibleTextParts(element) {
  const parts = [];
  const walker = document.createTreeWalker(
    element,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
    {
      acceptNode: (node) =>
        node.nodeType === Node.ELEMENT_NODE && /** @type {Element} */ (node).matches(HIDDEN_TEXT)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    },
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) parts.push(/** @type {Text} */ (node).data);
  }
  return parts;
}

/**
 * textContent, whitespace-collapsed, without screen-reader-only text.
 * @param {Element} element
 */
export function visibleText(element) {
  if (!element.querySelector(HIDDEN_TEXT)) return collapse(element.textContent ?? "");
  return collapse(visibleTextParts(element).join(""));
}

/** @param {Element | null} element */
export function textOrNull(element) {
  const text = element ? visibleText(element) : "";
  return text === "" ? null : text;
}

/** @param {Element} anchor */
export const hrefOf = (anchor) => anchor.getAttribute("href") ?? "";

/**
 * Profile links inside a card, in document order.
 * @param {Element} card
 * @param {string} selector
 */
export function profileLinks(card, selector) {
  return [...card.querySelectorAll(selector)].filter((anchor) => PROFILE_HREF.test(hrefOf(anchor)));
}

/**
 * The decoded, lower-cased slug of a profile link, or null.
 * @param {Element} anchor
 */
export function slugOfLink(anchor) {
  const match = PROFILE_SEGMENT.exec(hrefOf(anchor));
  return match ? decodeSlug(match[1]) : null;
}

export function mainScope() {
  return document.querySelector("main") ?? document.body;
}

/**
 * Whether the member could see `element`: neither it nor an ancestor is
 * hidden by attribute or by style. An `aria-hidden` ancestor counts as
 * hidden too: LinkedIn sets it on the page behind an open dialog, and
 * nothing behind a dialog is pressed.
 * @param {Element} element
 */
export function isShown(element) {
  if (!element.isConnected || getComputedStyle(element).visibility === "hidden") return false;
  for (
    let node = /** @type {Element | null} */ (element);
    node && node !== document.documentElement;
    node = node.parentElement
  ) {
    if (node.hasAttribute("hidden") || node.getAttribute("aria-hidden") === "true") return false;
    if (getComputedStyle(node).display === "none") return false;
  }
  return true;
}

/** @param {Element} element */
export const isEnabled = (element) =>
  !element.matches(":disabled") && element.getAttribute("aria-disabled") !== "true";

/** @param {Element} element */
export const accessibleName = (element) =>
  collapse(element.getAttribute("aria-label") ?? "") || visibleText(element);

/**
 * Whether `element` sits below the list's first card (or anywhere, when
 * there is no card): a list's button and spinner come after its rows.
 * @param {Element | null} firstCard
 * @param {Element} element
 */
export const belowList = (firstCard, element) =>
  firstCard === null ||
  Boolean(firstCard.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);

/**
 * The text of a menu, banner or dialog with its parts apart: "Remove
 * connection Unfollow" rather than textContent's "Remove connectionUnfollow".
 * @param {Element} element
 */
export function spacedText(element) {
  return collapse(visibleTextParts(element).join(" "));
}

/**
 * Everything in the document matching `selector` that the member can see.
 * @param {string} selector
 */
export const shownMatching = (selector) =>
  [...document.querySelectorAll(selector)].filter((element) => isShown(element));

/**
 * Keep only the outermost of `elements`.
 * @param {Element[]} elements
 */
export const outermost = (elements) =>
  elements.filter(
    (element) => !elements.some((other) => other !== element && other.contains(element)),
  );

/**
 * Elements on show whose whole visible text is `label`: the innermost one
 * around each occurrence.
 * @param {string} label
 * @returns {Element[]}
 */
export function labelled(label) {
  /** @type {Set<Element>} */
  const found = new Set();
  const walker = document.createTreeWalker(
    document.body ?? document.documentElement,
    NodeFilter.SHOW_TEXT,
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(/** @type {Text} */ (node).data.includes(label))) continue;
    const element = node.parentElement;
    if (!element || element.closest(HIDDEN_TEXT)) continue;
    if (visibleText(element) === label && isShown(element)) found.add(element);
  }
  return [...found];
}

/** Compared the way a name search compares: case, accents and spacing aside. */
/** @param {string} text */
export const fold = (text) =>
  collapse(text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")).toLowerCase();

export const MAX_QUOTE_CHARS = 160;

/** @param {string} text */
export const quote = (text) =>
  `“${text.length > MAX_QUOTE_CHARS ? `${text.slice(0, MAX_QUOTE_CHARS - 1)}…` : text}”`;

const PEOPLE_FORMAT = new Intl.NumberFormat("en-US");

/**
 * @param {{ low: number, high: number }} range
 * @returns {number} uniformly within the range
 */
export const between = ({ low, high }) => low + Math.random() * (high - low);

/** @param {number} count "1 person", "3,140 people" */
export const peopleCount = (count) =>
  `${PEOPLE_FORMAT.format(count)} ${count === 1 ? "person" : "people"}`;

/** @param {number} ms */
export const seconds = (ms) => `${Number((ms / 1000).toFixed(1))} s`;

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The visible buttons in `scope` whose accessible name is one of `names`.
 * @param {Element} scope
 * @param {string[]} names lower-case
 */
export const buttonsNamed = (scope, names) =>
  [...scope.querySelectorAll(BUTTON)].filter(
    (button) => isShown(button) && names.includes(accessibleName(button).toLowerCase()),
  );

/**
 * Where a clickable item stands in the markup, as the teach flow records
 * it: its role, else its element name ("menuitem", "button", "a").
 * @param {Element} element
 */
export const placeOf = (element) => element.getAttribute("role") ?? element.localName;

/**
 * What kind of dialog this is, as the teach flow records it: "dialog" for
 * the native element, else its role ("dialog", "alertdialog").
 * @param {Element} dialog
 */
export const dialogPlace = (dialog) =>
  dialog.localName === "dialog" ? "dialog" : (dialog.getAttribute("role") ?? dialog.localName);
