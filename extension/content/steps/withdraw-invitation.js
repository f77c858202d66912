// @ts-check
// The withdrawal step (`withdraw-step`): finds one person's row on the sent
// invitations page by their /in/<slug>/ link, presses the row's own
// Withdraw control, checks that the dialog it opens is the withdraw dialog
// of this page's generation, and confirms it (a dry run cancels it
// instead); then proves the withdrawal by the row leaving a list that still
// shows others. In verify mode it only looks. docs/LINKEDIN.md, "Sent
// invitations", has the evidence for every control and word it clicks by.

import { SCROLL_STEP } from "../collect/run.js";
import {
  isShown,
  mainScope,
  peopleCount,
  profileLinks,
  quote,
  seconds,
  slugOfLink,
  spacedText,
} from "../lib/dom.js";
import {
  INVITATION_MARKUPS,
  detectInvitationGeneration,
  labelledName,
  sameName,
} from "../markups/invitations.js";
import { pageLanguage } from "../readers/page-check.js";
import { targetFor } from "../readers/pages.js";
import { listMarkup } from "../readers/invitations.js";
import { Step, closeButtonOf, dialogsOnShow, newDialogs } from "./step.js";
import { troubleShown, warning } from "../trouble.js";
import { LIMIT_WORDS, stepWordsMissing, withdrawWords } from "../words.js";

/** @typedef {import("./step.js").StepResult} StepResult */
/** @typedef {import("./step.js").StepRequest} StepRequest */
/** @typedef {import("./step.js").StepRules} StepRules */
/** @typedef {import("./step.js").Outcome} Outcome */
/** @typedef {import("../words.js").WithdrawWords} WithdrawWords */
/** @typedef {import("../markups/invitations.js").InvitationMarkup} InvitationMarkup */

const WITHDRAW = "Withdraw";
// At the end of the list: how many quiet looks before it is the end, and
// the wheel turn each one makes (a share of the list's height).
const END_CHECKS = 2;
const NUDGE = 0.25;

/**
 * One withdraw-step. It clicks only the person's row's Withdraw control,
 * the withdraw dialog's confirm (or its Cancel), and the list's own
 * "Load more" / next-page control while looking for the row; it stops at
 * the first thing it does not recognise.
 */
export class WithdrawStep extends Step {
  /**
   * @param {StepRequest} request
   * @param {StepRules} rules
   */
  constructor(request, rules) {
    super(request, rules, "removal-outcome", "invitations");
    /** the page's language when the step began */
    this.language = pageLanguage();
    /** @type {WithdrawWords | null} the words it clicks by: the page language's, or none */
    this.words = withdrawWords(this.language);
    /** @type {InvitationMarkup | null} */
    this.markup = null;
  }

  /** @returns {Promise<StepResult>} */
  async perform() {
    const { mode, name } = this.request;
    const before = troubleShown();
    if (before) {
      return this.trouble(
        before.reason,
        `${before.reason}, before netprune did anything`,
        before.kind,
      );
    }
    if (this.words === null && mode !== "verify") {
      // Read, never clicked: a click is made only by words seen on LinkedIn
      // in the page's language (docs/LINKEDIN.md, "Sent invitations").
      return this.failed(
        stepWordsMissing("invitations", this.language) ?? "netprune knows no words to click here",
      );
    }
    const generation = await this.until(detectInvitationGeneration, this.rules.waitLimitMs);
    if (typeof generation !== "string") {
      return (
        generation ??
        this.failed(`no sent invitations list found after ${seconds(this.rules.waitLimitMs)}`)
      );
    }
    this.generation = generation;
    this.markup = INVITATION_MARKUPS[generation];
    const elsewhere = stepWordsMissing("invitations", this.language, generation);
    if (elsewhere !== null && mode !== "verify") return this.failed(elsewhere);

    const found = await this.seek();
    if ("outcome" in found) return found;
    if (mode === "verify") {
      return "row" in found
        ? {
            outcome: { kind: "still-there" },
            observed: `the sent invitations list still lists ${this.path}`,
          }
        : {
            outcome: { kind: "removed" },
            observed: `the sent invitations list no longer lists ${this.path}: ${found.evidence}`,
          };
    }
    if (!("row" in found)) {
      return {
        outcome: { kind: "not-found" },
        observed: `the sent invitations list has no invitation to ${quote(name)} (${this.path}): ${found.evidence}`,
      };
    }
    return this.withdraw(found.row);
  }

  /**
   * The row of exactly this person, by their profile link: a row linking
   * to anyone else too is never theirs.
   * @returns {Element | null}
   */
  rowOf() {
    const markup = /** @type {InvitationMarkup} */ (this.markup);
    /** @type {Element | null} */
    let fallback = null;
    for (const link of mainScope().querySelectorAll('a[href*="/in/"]')) {
      if (slugOfLink(link) !== this.slug) continue;
      const row = markup.cardAround(link);
      if (!row) continue;
      if (!profileLinks(row, "a[href]").every((other) => slugOfLink(other) === this.slug)) continue;
      if (isShown(row)) return row;
      fallback ??= row;
    }
    return fallback;
  }

  /** How many rows the list shows now. */
  rowsShown() {
    const markup = /** @type {InvitationMarkup} */ (this.markup);
    return markup.cardsWithin(document.documentElement).length;
  }

  /**
   * Look for the person's row down the list (Step.walkList), a paged list
   * from its first page. "Not listed" needs the end of a list that shows
   * others: two wheel turns at its end that bring nobody more.
   * @returns {Promise<StepResult | { row: Element } | { evidence: string }>}
   */
  async seek() {
    const markup = /** @type {InvitationMarkup} */ (this.markup);
    const found = await this.walkList({
      rowOf: () => this.rowOf(),
      rowsShown: () => this.rowsShown(),
      list: listMarkup(/** @type {string} */ (this.generation)),
      scrollShare: () => SCROLL_STEP.low,
      nudgeShare: () => NUDGE,
      settleMs: () => this.rules.searchSettleMs,
      firstPage: () => markup.firstPage(),
      nextPage: () => markup.nextPage(),
      quietEnds: END_CHECKS,
      heedLoading: true,
    });
    if (!("shown" in found)) return found;
    if (found.shown === 0) {
      return this.inconclusive(
        "the sent invitations list shows nobody, which proves nothing (LinkedIn's own empty state is not known to netprune)",
      );
    }
    return { evidence: `read to its end, it shows ${peopleCount(found.shown)} and not them` };
  }

  /**
   * The row's own Withdraw control, checked to belong to this person's row.
   * @returns {StepResult | { element: HTMLElement }}
   */
  control() {
    const markup = /** @type {InvitationMarkup} */ (this.markup);
    const words = /** @type {WithdrawWords} */ (this.words);
    const row = this.rowOf();
    if (!row) return this.failed(`the row for ${this.path} left the page mid-step`);
    const shownName = markup.read(row)?.name ?? null;
    if (shownName === null || !sameName(shownName, this.request.name)) {
      return this.failed(
        `the row for ${this.path} shows the name ${quote(shownName ?? "")}, not ${quote(this.request.name)}; nothing pressed`,
      );
    }
    const candidates = markup.withdrawControls(row, words).filter((control) => isShown(control));
    if (candidates.length === 0) {
      return this.failed(`the row for ${this.path} shows no “${WITHDRAW}” control`);
    }
    if (candidates.length > 1) {
      return this.failed(
        `the row for ${this.path} shows ${candidates.length} “${WITHDRAW}” controls; nothing pressed`,
      );
    }
    const control = /** @type {HTMLElement} */ (candidates[0]);
    const labelled = labelledName(control, words.buttonFor);
    if (labelled !== null && !sameName(labelled, shownName)) {
      return this.failed(
        `the “${WITHDRAW}” control on the row for ${this.path} is labelled for ${quote(labelled)}; nothing pressed`,
      );
    }
    return { element: control };
  }

  /**
   * Control, dialog, confirm (or cancel in a dry run), then the proof.
   * @param {Element} row
   * @returns {Promise<StepResult>}
   */
  async withdraw(row) {
    const markup = /** @type {InvitationMarkup} */ (this.markup);
    const shownName = markup.read(row)?.name ?? this.request.name;
    const checked = this.control();
    if ("outcome" in checked) return checked;

    const before = dialogsOnShow();
    // The 2026 control is a link: its click must not take the tab away
    // (research §5.5). Held from the window's capture phase, before any
    // of the page's handlers, which still run.
    /** @type {Element | null} */
    let pressing = null;
    const hold = (/** @type {Event} */ event) => {
      const target = /** @type {Element | null} */ (event.target);
      const link = pressing && target?.closest?.("a[href]");
      if (link && pressing.contains(link)) event.preventDefault();
    };
    window.addEventListener("click", hold, true);
    let pressed;
    try {
      pressed = await this.press(() => {
        const found = this.control();
        if ("outcome" in found) return found;
        pressing = found.element;
        return found.element;
      });
    } finally {
      window.removeEventListener("click", hold, true);
    }
    if (pressed) return pressed;
    if (targetFor(location)?.page !== "invitations") {
      return this.failed(`pressing “${WITHDRAW}” took the tab to ${location.pathname}`);
    }
    const appeared = await this.until(() => {
      const dialogs = newDialogs(before);
      return dialogs.length > 0 ? dialogs : null;
    }, this.rules.dialogWaitMs);
    if (!Array.isArray(appeared)) {
      return appeared ?? this.failed(`no dialog appeared after pressing “${WITHDRAW}”`);
    }
    if (appeared.length > 1) {
      const why = `${appeared.length} dialogs opened at once after pressing “${WITHDRAW}”`;
      return this.trouble(why, why, "unexpected-dialog");
    }
    const dialog = appeared[0];
    const confirm = this.checkDialog(dialog, shownName);
    if ("outcome" in confirm) {
      // Never its confirm: its Cancel, when it has a clear one.
      return this.leaveDialog(dialog, confirm, true);
    }

    if (this.request.dryRun) {
      const close = closeButtonOf(dialog);
      if (!close) {
        // No Cancel in words netprune knows (none is known in French):
        // Escape, which presses no button, else a clear refusal.
        const escaped = await this.escapeDialog(dialog);
        if (escaped !== true) {
          return (
            escaped ??
            this.failed(
              `the withdraw dialog for ${quote(shownName)} shows no Cancel netprune knows, and Escape did not close it; nothing else was pressed`,
            )
          );
        }
        return {
          outcome: { kind: "removed" },
          observed: `dry run: reached the ${WITHDRAW} button for ${shownName}; not pressed (closed with Escape)`,
        };
      }
      const cancelled = await this.press(close);
      if (cancelled) return cancelled;
      const gone = await this.until(() => !isShown(dialog) || null, this.rules.dialogCloseWaitMs);
      if (gone !== true) return gone ?? this.failed("the dialog stayed open after pressing Cancel");
      return {
        outcome: { kind: "removed" },
        observed: `dry run: reached the ${WITHDRAW} button for ${shownName}; not pressed`,
      };
    }

    const stillHere = this.checkRow();
    if (stillHere) return stillHere;
    const confirmed = await this.press(confirm, () => this.checkRow());
    if (confirmed) return confirmed;
    this.confirmed = true;
    const proof = await this.proveGone(shownName);
    // No proof, and LinkedIn shows a warning: that is what happened.
    const warned =
      proof.outcome.kind === "failed" || proof.outcome.kind === "unproven" ? troubleShown() : null;
    if (warned) {
      return this.trouble(
        warned.reason,
        `${warned.reason}, after netprune confirmed; ${proof.observed}`,
        warned.kind,
      );
    }
    return proof;
  }

  /**
   * After confirming, proof: the row left a list that still shows others.
   * @param {string} shownName
   * @returns {Promise<StepResult>}
   */
  async proveGone(shownName) {
    let emptied = false;
    const left = await this.until(() => {
      if (this.rowOf() !== null) return null;
      const others = this.rowsShown();
      emptied = others === 0;
      return others > 0 ? `the row left the list, which still shows ${peopleCount(others)}` : null;
    }, this.rules.leaveWaitMs);
    if (typeof left === "string") {
      this.troubleAfter = troubleShown();
      return {
        outcome: { kind: "removed" },
        observed: `confirmed “${WITHDRAW}” for ${shownName} (${this.path}); ${left}`,
      };
    }
    if (left) return left;
    return this.failed(
      emptied
        ? "the row left the list, but the list now shows nobody, which proves nothing"
        : `the row was still listed ${seconds(this.rules.leaveWaitMs)} after confirming`,
    );
  }

  /**
   * The dialog must be this generation's withdraw dialog, for this
   * person; answers its confirm button.
   * @param {Element} dialog
   * @param {string} shownName
   * @returns {StepResult | HTMLElement}
   */
  checkDialog(dialog, shownName) {
    const markup = /** @type {InvitationMarkup} */ (this.markup);
    const words = /** @type {WithdrawWords} */ (this.words);
    const text = spacedText(dialog);
    if (LIMIT_WORDS.test(text)) {
      const said = warning(text);
      return this.trouble(said.reason, said.reason, said.kind);
    }
    const wrong = (/** @type {string} */ why) => {
      const reason = `a dialog that is not the withdraw dialog for ${shownName} opened (${why}): ${quote(text)}`;
      return this.trouble(reason, reason, "unexpected-dialog");
    };
    const confirms = markup.confirmButtons(dialog, words);
    if (!Array.isArray(confirms)) return wrong(confirms.wrong);
    if (confirms.length === 0) return wrong(`no “${WITHDRAW}” confirm button`);
    if (confirms.length > 1) return wrong(`${confirms.length} confirm buttons`);
    // With no title known in the page's language, the confirm's own label
    // naming this person is what tells this dialog from another.
    const untitled = markup.titledDialog && words.dialogTitles.length === 0;
    if (markup.titledDialog && !untitled && !words.dialogTitles.some((t) => text.includes(t))) {
      return wrong(`it never says “${words.dialogTitles[0]}”`);
    }
    const confirm = /** @type {HTMLElement} */ (confirms[0]);
    const labelled = labelledName(confirm, words.confirmFor);
    if (labelled !== null && !sameName(labelled, shownName)) {
      return wrong(`its confirm button is labelled for ${quote(labelled)}`);
    }
    if (labelled === null && untitled) {
      return wrong(
        `its confirm button is not labelled for them, and no title is known in “${this.language}”`,
      );
    }
    return confirm;
  }

  /**
   * Before a click on the row's behalf: the row is still there.
   * @returns {StepResult | null}
   */
  checkRow() {
    return this.rowOf() ? null : this.failed(`the row for ${this.path} left the page mid-step`);
  }
}
