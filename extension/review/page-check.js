// @ts-check
// "Check this page": what netprune recognised on the open connections page
// (the content script's `check`, docs/ARCHITECTURE.md), shown on the review
// page, and a report of it without names or slugs for a bug report.
//
// createPageCheck(page) runs the check through the background and copies the report.

import { api, sendMessage } from "../lib/browser.js";
import { setStatus, show } from "../lib/dom.js";
import { messageOf } from "../lib/format.js";
import { t, tn } from "../lib/i18n.js";
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

const shown = (/** @type {string | null} */ value) => (value === null ? t("checkNotFound") : value);
const found = (/** @type {boolean} */ yes) => (yes ? t("checkFound") : t("checkNotFound"));

/**
 * The check as lines of text, one fact each; names and slugs only when
 * `redacted` is false (a redacted line says whether each was read).
 * @param {PageCheck} check
 * @param {boolean} redacted
 * @returns {string[]}
 */
export function checkLines(check, redacted) {
  const lines = [
    t("checkMarkup", check.generation ?? t("checkNotRecognised")),
    t("checkStatedTotal", shown(check.statedTotal)),
    t("checkCardsRead", check.cardsRead, check.cardsOnPage),
  ];
  check.firstCards.forEach((card, index) => {
    const part = (/** @type {string} */ what, /** @type {string | null} */ value) =>
      redacted
        ? `${what} ${value === null ? t("checkNotRead") : t("checkRead")}`
        : `${what} ${shown(value)}`;
    lines.push(
      t(
        "checkCard",
        index + 1,
        [
          part(t("checkSlug"), card.slug),
          part(t("checkName"), card.name),
          part(t("checkHeadline"), card.headline),
          // A date is no one's name: the report keeps it, to show what was read.
          `${t("checkDate")} ${shown(card.connected)}`,
          tn("checkMenuButtons", card.menuButtons),
        ].join("; "),
      ),
    );
  });
  lines.push(
    t("checkCardMenu", found(check.menuFound)),
    t("checkSearchBox", found(check.searchBoxFound)),
    check.memberFound ? t("checkMemberFound") : t("checkMemberMissing"),
  );
  lines.push(
    check.removalOff ? t("checkRemovalOffWhy", check.missing.join("; ")) : t("checkRemovalOn"),
  );
  return lines;
}

/**
 * A report for a bug report: the check without any name or slug.
 * @param {PageCheck} check
 * @param {string} version the extension's version
 */
export function redactedReport(check, version) {
  return [t("checkReportTitle", version), ...checkLines(check, true)].join("\n");
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
        ? t("checkRemovalOff")
        : t("checkRecognised");
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
      ui.pageCheckSummary.textContent = t("checkFailed", messageOf(error));
      ui.pageCheckLines.replaceChildren();
      show(ui.pageCheckCopy, false);
    }
    show(ui.pageCheckResult, true);
  }

  async function copyPageCheck() {
    if (!page.pageCheck) return;
    try {
      const version = api?.runtime?.getManifest?.().version ?? t("checkUnknownVersion");
      await win.navigator.clipboard.writeText(redactedReport(page.pageCheck, version));
      setStatus(ui.pageCheckStatus, t("checkCopied"));
    } catch (error) {
      setStatus(ui.pageCheckStatus, t("checkCouldNotCopy", messageOf(error)), true);
    }
  }

  return { runPageCheck, copyPageCheck };
}
