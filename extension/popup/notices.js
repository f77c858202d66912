// @ts-check
// The popup's notices: the background could not answer (with Try again), the
// saved network was kept aside (unreadable or made by a newer netprune), the
// readings do not add up, and which LinkedIn page was read last or that a page
// was not recognised (netprune read nothing from it). The queue's own pauses
// (the connections page to open, trouble on LinkedIn, the cool-down) are drawn
// by queue-panel.js.

import { BACKGROUND_UNREACHABLE } from "../lib/browser.js";
import { byId, byTestId, show } from "../lib/dom.js";
import { t, tn } from "../lib/i18n.js";
import { trimSentence } from "./format.js";
import { languageName } from "../lib/format.js";

/**
 * @typedef {import("./types.js").Summary} Summary
 * @typedef {import("./types.js").PageReading} PageReading
 */

/**
 * The message key of each page's phrase.
 *
 * @type {Record<PageReading["page"], string>}
 */
const PAGE_PHRASES = {
  connections: "popupSourceConnectionsPage",
  followers: "popupSourceFollowersPage",
  following: "popupSourceFollowingPage",
  profile: "popupSourceProfile",
};

/**
 * Whether netprune removes in the member's LinkedIn language, as message keys.
 * @type {Record<string, string>}
 */
const REMOVAL_PHRASES = {
  known: "popupRemovalKnown",
  learned: "popupRemovalLearned",
  unavailable: "popupRemovalUnavailable",
};

/**
 * LinkedIn's markups of the connections page (DESIGN.md), as message keys.
 * @type {Record<string, string>}
 */
const DESIGN_PHRASES = {
  artdeco: "popupDesignClassic",
  "react-2025": "popupDesign2025",
  "sdui-2026": "popupDesign2026",
};

/**
 * Shows that the background could not answer. A popup with no Summary yet
 * shows only this; one that already has a Summary keeps it visible below.
 *
 * @param {Document} doc
 * @param {string} message a sentence a member can read
 */
export function renderError(doc, message) {
  byId(doc, "error-message").textContent = message || t(BACKGROUND_UNREACHABLE);
  show(byId(doc, "error-state"), true);
  show(byId(doc, "loading-state"), false);
}

/** @param {Document} doc */
export function hideError(doc) {
  show(byId(doc, "error-state"), false);
}

/**
 * @param {Document} doc
 * @param {Summary} summary
 */
export function renderCorruptNotice(doc, summary) {
  const notice = byTestId(doc, "corrupt-notice");
  const corrupt = summary.corrupt;
  show(notice, Boolean(corrupt));
  byId(doc, "corrupt-message").textContent = !corrupt
    ? ""
    : corrupt.kind === "newer"
      ? t("popupCorruptNewer", trimSentence(corrupt.reason))
      : t("popupCorruptUnreadable", trimSentence(corrupt.reason));
}

/**
 * @param {Document} doc
 * @param {Summary} summary
 */
export function renderConsistency(doc, summary) {
  const warning = byTestId(doc, "consistency-warning");
  const partial = summary.consistency?.status === "partial";
  show(warning, partial);
  const list = byId(doc, "consistency-problems");
  const problems = partial ? (summary.consistency.problems ?? []) : [];
  list.replaceChildren(
    ...problems.map((problem) => {
      const item = doc.createElement("li");
      item.textContent = problem;
      return item;
    }),
  );
  show(list, problems.length > 0);
}

/**
 * The member's LinkedIn language (the last page read) and whether netprune
 * removes in it (issue 12's `linkedin-language`).
 * @param {Document} doc
 * @param {Summary} summary
 */
export function renderLinkedInLanguage(doc, summary) {
  const line = byTestId(doc, "linkedin-language");
  const removal = summary.removal;
  line.classList.toggle("is-warning", removal?.removal === "unavailable");
  if (!removal || removal.removal === "not-read") {
    line.textContent = t("popupLanguageNotRead");
    return;
  }
  const language = removal.language
    ? t("popupLanguage", languageName(removal.language))
    : t("popupLanguageUnstated");
  line.textContent = `${language} ${t(REMOVAL_PHRASES[removal.removal])}`;
}

/**
 * The last page read, in words.
 * @param {Document} doc
 * @param {Summary} summary
 */
export function renderPageStatus(doc, summary) {
  const status = byTestId(doc, "page-status");
  const page = summary.page;
  status.classList.toggle("is-warning", page?.status === "unrecognised");
  if (!page || page.status === "unrecognised") delete status.dataset.generation;
  if (!page) {
    status.textContent = t("popupNoPageYet");
    return;
  }
  if (page.status === "unrecognised") {
    // A clear "read nothing", never a half-read count.
    status.textContent = page.reason
      ? t("popupPageUnrecognisedWhy", trimSentence(page.reason))
      : t("popupPageUnrecognised");
    return;
  }
  const where = t(PAGE_PHRASES[page.page] ?? "popupSourceAPage");
  // The member reads the design in plain words, never a layout's code name;
  // the code name stays on the element (data-generation) for bug reports
  // and tests. A layout this popup has no words for yet is left unnamed.
  const design = page.generation ? DESIGN_PHRASES[page.generation] : undefined;
  let sentence = design ? t("popupPageReadInDesign", where, t(design)) : t("popupPageRead", where);
  if (page.generation) status.dataset.generation = page.generation;
  else delete status.dataset.generation;
  if (page.page === "connections") {
    sentence = tn("popupPageReadSoFar", summary.peopleRead ?? 0, sentence);
  }
  status.textContent = sentence;
}
