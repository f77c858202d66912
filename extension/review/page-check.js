// @ts-check
// "Check this page": what netprune recognised on the open connections page
// (the content script's `check`, docs/ARCHITECTURE.md), shown on the review
// page, and a report of it without names or slugs for a bug report.
//
// createPageCheck(page) runs the check through the background and copies the report.

import { api, sendMessage } from "../lib/browser.js";
import { setStatus, show } from "../lib/dom.js";
import { messageOf } from "../lib/format.js";
/** @typedef {import("./types.js").Page} Page */

/**
 * @typedef {object} CheckedCard
 * @property {string | null} slug
 * @property {string | null} name
 * @property {string | null} headline
 * @property {string | null} connected
 * @property {number} menuButtons
 *
 * @typedef {object} PageCheck
 * @property {string | null} generation
 * @property {string | null} statedTotal
 * @property {number} cardsOnPage
 * @property {number} cardsRead
 * @property {CheckedCard[]} firstCards
 * @property {boolean} menuFound
 * @property {boolean} searchBoxFound
 * @property {boolean} memberFound
 * @property {boolean} removalOff
 * @property {string[]} missing
 */

const shown = (/** @type {string | null} */ value) => (value === null ? "not found" : value);
const found = (/** @type {boolean} */ yes) => (yes ? "found" : "not found");

/**
 * The check as lines of text, one fact each; names and slugs only when
 * `redacted` is false (a redacted line says whether each was read).
 * @param {PageCheck} check
 * @param {boolean} redacted
 * @returns {string[]}
 */
export function checkLines(check, redacted) {
  const lines = [
    `Markup: ${check.generation ?? "not recognised"}`,
    `Stated total: ${shown(check.statedTotal)}`,
    `Cards read: ${check.cardsRead} of ${check.cardsOnPage} on the page`,
  ];
  check.firstCards.forEach((card, index) => {
    const part = (/** @type {string} */ what, /** @type {string | null} */ value) =>
      redacted ? `${what} ${value === null ? "not read" : "read"}` : `${what} ${shown(value)}`;
    lines.push(
      `Card ${index + 1}: ${[
        part("slug", card.slug),
        part("name", card.name),
        part("headline", card.headline),
        // A date is no one's name: the report keeps it, to show what was read.
        `date ${shown(card.connected)}`,
        `${card.menuButtons} menu button${card.menuButtons === 1 ? "" : "s"}`,
      ].join("; ")}`,
    );
  });
  lines.push(
    `Card menu: ${found(check.menuFound)}`,
    `Name search box: ${found(check.searchBoxFound)}`,
    check.memberFound
      ? "Your own profile link: found"
      : "Your own profile link: not found (netprune cannot tell which account this page shows, " +
          "so once it knows your account it takes no step here)",
  );
  lines.push(
    check.removalOff
      ? `Removal is off on this page: ${check.missing.join("; ")}.`
      : "Removal can run on this page.",
  );
  return lines;
}

/**
 * A report for a bug report: the check without any name or slug.
 * @param {PageCheck} check
 * @param {string} version the extension's version
 */
export function redactedReport(check, version) {
  return [`netprune ${version}: page check`, ...checkLines(check, true)].join("\n");
}

/**
 * @param {Page} page
 */
export function createPageCheck(page) {
  const { doc, extension, ui, win } = page;

  /** "Check this page": what netprune recognises on the open connections page. */
  async function runPageCheck() {
    setStatus(ui.pageCheckStatus, "");
    try {
      const answer = await sendMessage({ type: "page-check" }, extension);
      page.pageCheck = answer.check;
      const check = /** @type {import("./page-check.js").PageCheck} */ (answer.check);
      ui.pageCheckSummary.textContent = check.removalOff
        ? "Removal is off on this page: netprune does not recognise all it needs."
        : "netprune recognises this page.";
      ui.pageCheckLines.replaceChildren(
        ...checkLines(check, false).map((line) => {
          const item = doc.createElement("li");
          item.dir = "auto";
          item.textContent = line;
          return item;
        }),
      );
      show(ui.pageCheckCopy, true);
    } catch (error) {
      page.pageCheck = null;
      ui.pageCheckSummary.textContent = `The page could not be checked: ${messageOf(error)}`;
      ui.pageCheckLines.replaceChildren();
      show(ui.pageCheckCopy, false);
    }
    show(ui.pageCheckResult, true);
  }

  async function copyPageCheck() {
    if (!page.pageCheck) return;
    try {
      const version = api?.runtime?.getManifest?.().version ?? "(unknown version)";
      await win.navigator.clipboard.writeText(redactedReport(page.pageCheck, version));
      setStatus(ui.pageCheckStatus, "Copied: the report holds no names and no profile links.");
    } catch (error) {
      setStatus(ui.pageCheckStatus, `Could not copy: ${messageOf(error)}`, true);
    }
  }

  return { runPageCheck, copyPageCheck };
}
