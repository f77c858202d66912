// @ts-check
// The popup's notices: the background could not answer (with Try again), the
// saved network was kept aside (unreadable or made by a newer netprune), the
// readings do not add up, and which LinkedIn page was read last or that a page
// was not recognised (netprune read nothing from it). The queue's own pauses
// (the connections page to open, trouble on LinkedIn, the cool-down) are drawn
// by queue-panel.js.

import { BACKGROUND_UNREACHABLE } from "../lib/browser.js";
import { byId, byTestId, show } from "./dom.js";
import { formatters, plural, trimSentence } from "./format.js";

/**
 * @typedef {import("./types.js").Summary} Summary
 * @typedef {import("./types.js").PageReading} PageReading
 */

/** @type {Record<PageReading["page"], string>} */
const PAGE_PHRASES = {
  connections: "your connections page",
  followers: "your followers page",
  following: "your following page",
  profile: "your profile",
};

/**
 * LinkedIn's markups of the connections page (DESIGN.md), in words.
 * @type {Record<string, string>}
 */
const DESIGN_PHRASES = {
  artdeco: "LinkedIn's classic design",
  "react-2025": "LinkedIn's 2025 design",
  "sdui-2026": "LinkedIn's 2026 design",
};

/**
 * Shows that the background could not answer. A popup with no Summary yet
 * shows only this; one that already has a Summary keeps it visible below.
 *
 * @param {Document} doc
 * @param {string} message a sentence a member can read
 */
export function renderError(doc, message) {
  byId(doc, "error-message").textContent = message || BACKGROUND_UNREACHABLE;
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
      ? `Your saved network data was made by a newer netprune (${trimSentence(corrupt.reason)}). ` +
        "It was kept aside, never overwritten: download it, or update netprune to open it."
      : `Your saved network data could not be read (${trimSentence(corrupt.reason)}). ` +
        "It was kept aside, not deleted.";
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
 * @param {Document} doc
 * @param {Summary} summary
 */
export function renderPageStatus(doc, summary) {
  const status = byTestId(doc, "page-status");
  const page = summary.page;
  status.classList.toggle("is-warning", page?.status === "unrecognised");
  if (!page) {
    status.textContent = "No LinkedIn page read yet.";
    return;
  }
  if (page.status === "unrecognised") {
    // A clear "read nothing", never a half-read count.
    status.textContent = page.reason
      ? `Page not recognised: ${trimSentence(page.reason)}. netprune read nothing from it.`
      : "Page not recognised. netprune read nothing from it.";
    return;
  }
  let sentence = `Read ${PAGE_PHRASES[page.page] ?? "a LinkedIn page"}`;
  // The layout id stays, verbatim and in its own brackets: it is what a bug
  // report needs, and the end-to-end tests look for "(<id> layout)".
  if (page.generation) {
    const design = DESIGN_PHRASES[page.generation];
    sentence += `${design ? ` in ${design}` : ""} (${page.generation} layout)`;
  }
  if (page.page === "connections") {
    const people = summary.peopleRead ?? 0;
    sentence += `, ${formatters(doc).number.format(people)} ${plural(people, "person", "people")} so far`;
  }
  status.textContent = sentence;
}
