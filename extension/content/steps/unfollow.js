// @ts-check
// The unfollow step (`unfollow-step`): finds one person on the following page
// and stops following them through the row's own "Following" button (or, in
// verify mode, only looks at whether they are still followed). The evidence
// shows two shapes (docs/LINKEDIN.md, "Following"): a confirm box whose
// primary button reads "Unfollow" (2024-2025), or none, the button turning
// at once to "Follow" / "Click to follow <Name>" (a 2026 capture). Nothing
// tells the two apart before the press, so a dry run never presses it.

import {
  accessibleName,
  between,
  buttonsNamed,
  fold,
  peopleCount,
  quote,
  seconds,
  spacedText,
} from "../lib/dom.js";
import { SCROLL_STEP } from "../collect/run.js";
import {
  FOLLOWING_MARKUPS,
  followButtons,
  followRowOf,
  followRows,
  followingGeneration,
  followingListEnd,
} from "../markups/following.js";
import { pageLanguage } from "../readers/page-check.js";
import { Step, dialogsOnShow, newDialogs } from "./step.js";
import { tab } from "../tab.js";
import { troubleShown, warning } from "../trouble.js";
import { LIMIT_WORDS, stepWordsMissing, unfollowWords } from "../words.js";

/** @typedef {import("./step.js").StepResult} StepResult */
/** @typedef {import("./step.js").StepRequest} StepRequest */
/** @typedef {import("./step.js").StepRules} StepRules */
/** @typedef {import("../words.js").UnfollowWords} UnfollowWords */

// After a move down the list, how long the page gets to draw or load more
// (DOM detail, like the collect run's pace; the step's limits are rules).
const MOVE_WAIT = { low: 600, high: 1200 };
// At the bottom with nothing to press, the short wheel turn that makes a
// list load more.
const NUDGE_STEP = { low: 0.15, high: 0.35 };
// Selectors of a confirm box's primary button (docs/LINKEDIN.md, "Following").
const PRIMARY = ".artdeco-button--primary, [data-test-dialog-primary-btn]";

/**
 * Whether two names are the same person's as the page shows them: the same
 * once folded, or the same first word (a name shown shorter).
 * @param {string} a
 * @param {string} b
 */
function sameName(a, b) {
  if (fold(a) === fold(b)) return true;
  const first = (/** @type {string} */ text) =>
    fold(text)
      .split(/[^\p{L}\p{N}]+/u)
      .find((word) => word !== "");
  return first(a) !== undefined && first(a) === first(b);
}

/**
 * One unfollow-step: finds the row whose every profile link is the person's
 * `/in/<slug>/` (scrolling and loading the list as a member would), checks
 * its name and its one "Following" button (whose label, where it names
 * someone, must name them), presses it, confirms the box if one opens and
 * is the unfollow box, and proves the unfollow by the button turning to
 * "Follow" or the row leaving. It clicks nothing else but the list's own
 * "Show more results" and a wrong box's Cancel.
 */
export class UnfollowStep extends Step {
  /**
   * @param {StepRequest} request
   * @param {StepRules} rules
   */
  constructor(request, rules) {
    super(request, rules, "removal-outcome", "following");
    /** the page's language when the step began */
    this.language = pageLanguage();
    /** @type {UnfollowWords | null} the words this step clicks and proves by, or none */
    this.words = unfollowWords(this.language);
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
      // docs/LINKEDIN.md, "Following": a click is made only by words seen
      // on LinkedIn in this language.
      return this.failed(
        stepWordsMissing("following", this.language) ?? "netprune knows no words to click here",
      );
    }
    const generation = await this.until(followingGeneration, this.rules.waitLimitMs);
    if (typeof generation !== "string") {
      return (
        generation ??
        this.failed(`no list of people you follow found after ${seconds(this.rules.waitLimitMs)}`)
      );
    }
    this.generation = generation;

    const found = await this.findRow();
    if ("outcome" in found) return found;
    if ("evidence" in found) {
      return mode === "verify"
        ? {
            outcome: { kind: "removed" },
            observed: `the list of people you follow, read to its end, no longer lists ${this.path}: ${found.evidence}`,
          }
        : {
            outcome: { kind: "not-found" },
            observed: `the list of people you follow, read to its end, lists nobody linking to ${this.path}: ${found.evidence}`,
          };
    }
    const row = found.row;
    const shownName = FOLLOWING_MARKUPS[generation].read(row)?.name ?? null;
    if (shownName === null || !sameName(shownName, name)) {
      return this.failed(
        `the row for ${this.path} shows ${shownName === null ? "no name" : quote(shownName)}, not ${quote(name)}; netprune clicks nothing for it`,
      );
    }
    if (this.words === null) {
      return this.inconclusive(
        `the row for ${this.path} is listed, but this page is in “${this.language}”, whose “Following” and “Follow” netprune does not know, so it cannot tell whether you still follow them`,
      );
    }
    const state = this.rowState(row, shownName);
    if ("outcome" in state) return state;
    if ("follow" in state) {
      const shows = `the row for ${shownName} (${this.path}) shows ${quote(state.follow)}`;
      return mode === "verify"
        ? { outcome: { kind: "removed" }, observed: `${shows}: you no longer follow them` }
        : {
            outcome: { kind: "not-found" },
            observed: `${shows}: you do not follow them, so there is nothing to unfollow`,
          };
    }
    const label = quote(accessibleName(state.button));
    if (mode === "verify") {
      return {
        outcome: { kind: "still-there" },
        observed: `the row for ${shownName} (${this.path}) still shows ${label}`,
      };
    }
    if (this.request.dryRun) {
      return {
        outcome: { kind: "removed" },
        observed: `dry run: reached the ${label} button for ${shownName} (${this.path}); not pressed (it may unfollow at once, without a dialog)`,
      };
    }
    return this.unfollow(shownName);
  }

  /**
   * The person's row: on show, or found further down the list by scrolling
   * and loading it (Step.walkList); `row: null` once the whole list is on
   * show without it, by the list's own end (followingListEnd). A list that
   * stops growing for the wait limit before either is no answer.
   * @returns {Promise<StepResult | { row: Element } | { row: null, evidence: string }>}
   */
  async findRow() {
    const generation = /** @type {string} */ (this.generation);
    const markup = FOLLOWING_MARKUPS[generation];
    const found = await this.walkList({
      rowOf: () => followRowOf(generation, this.slug),
      rowsShown: () => followRows(generation).length,
      list: markup,
      scrollShare: () => between(SCROLL_STEP),
      nudgeShare: () => between(NUDGE_STEP),
      settleMs: () => between(MOVE_WAIT),
      ended: (shown) => followingListEnd(markup, shown, tab.current?.counts.following ?? null),
      stall: { ms: this.rules.waitLimitMs, list: "the list of people you follow" },
    });
    if (!("shown" in found)) return found;
    const { shown } = found;
    return {
      row: null,
      evidence: shown === 0 ? "it shows nobody" : `it shows ${peopleCount(shown)}, not them`,
    };
  }

  /**
   * A row's follow state: its one "Following" button, or (button null) the
   * "Follow" it shows instead. A label naming someone else, or two
   * "Following" buttons, is trouble; no known button at all, a failure.
   * @param {Element} row
   * @param {string} shownName
   * @returns {StepResult | { button: HTMLElement } | { button: null, follow: string }}
   */
  rowState(row, shownName) {
    const words = /** @type {UnfollowWords} */ (this.words);
    const { following, follow } = followButtons(row, words);
    const other = [...following, ...follow].find(
      (entry) => entry.named !== null && !sameName(entry.named, shownName),
    );
    if (other) {
      const why = `the follow button on the row for ${this.path} is labelled for ${quote(/** @type {string} */ (other.named))}`;
      return this.trouble(why, why, "unexpected-menu");
    }
    if (following.length > 1) {
      const why = `the row for ${this.path} has ${following.length} “Following” buttons`;
      return this.trouble(why, why, "unexpected-menu");
    }
    if (following.length === 1) return { button: following[0].button };
    if (follow.length > 0) return { button: null, follow: accessibleName(follow[0].button) };
    return this.failed(
      `the row for ${this.path} shows no “Following” or “Follow” button netprune knows`,
    );
  }

  /**
   * Proof that they are unfollowed: the row's button says "Follow" now, or
   * the row left a list that still shows others.
   * @param {string} shownName
   * @returns {string | null}
   */
  proof(shownName) {
    const generation = /** @type {string} */ (this.generation);
    const row = followRowOf(generation, this.slug);
    if (!row) {
      const others = followRows(generation).length;
      return others > 0 ? `the row left the list, which still shows ${peopleCount(others)}` : null;
    }
    const state = this.rowState(row, shownName);
    return "follow" in state ? `its button now says ${quote(state.follow)}` : null;
  }

  /**
   * Press the row's "Following" (found afresh), confirm the unfollow box if
   * one opens, and prove it.
   * @param {string} shownName
   * @returns {Promise<StepResult>}
   */
  async unfollow(shownName) {
    const generation = /** @type {string} */ (this.generation);
    const dialogsBefore = dialogsOnShow();
    const pressed = await this.press(() => {
      // A recycled or re-rendered row: its person and button again.
      const row = followRowOf(generation, this.slug);
      if (!row)
        return this.failed(
          `the row for ${this.path} left the page before netprune pressed “Following”`,
        );
      const state = this.rowState(row, shownName);
      if ("outcome" in state) return state;
      if ("follow" in state) {
        return this.failed(
          `the row for ${this.path} stopped showing “Following” before netprune pressed it`,
        );
      }
      return state.button;
    });
    if (pressed) return pressed;
    // Without a box this press was the unfollow: from here on nothing is a
    // plain failure (the core checks again).
    this.confirmed = true;
    const pressedAt = Date.now();
    const unfollowed = (/** @type {string} */ how, /** @type {string} */ via) => {
      this.troubleAfter = troubleShown();
      return {
        outcome: /** @type {import("./step.js").Outcome} */ ({ kind: "removed" }),
        observed: `pressed “Following” for ${shownName} (${this.path})${via}; ${how}`,
      };
    };
    const first = await this.until(() => {
      const dialogs = newDialogs(dialogsBefore);
      if (dialogs.length > 0) return { dialogs };
      const proof = this.proof(shownName);
      return proof ? { proof } : null;
    }, this.rules.dialogWaitMs);
    let via = ", with no dialog";
    if (first && "outcome" in first) return first;
    if (first && "proof" in first) return unfollowed(first.proof, via);
    if (first && "dialogs" in first) {
      if (first.dialogs.length > 1) {
        const why = `${first.dialogs.length} dialogs opened at once after pressing “Following”`;
        return this.trouble(why, why, "unexpected-dialog");
      }
      const dialog = first.dialogs[0];
      const confirm = this.checkDialog(dialog, shownName);
      if ("outcome" in confirm) {
        return this.leaveDialog(dialog, confirm);
      }
      const confirmed = await this.press(confirm);
      if (confirmed) return confirmed;
      via = `, then “${accessibleName(confirm)}” in its dialog`;
    }
    const proved = await this.until(
      () => this.proof(shownName),
      Math.max(0, pressedAt + this.rules.leaveWaitMs - Date.now()),
    );
    if (typeof proved === "string") return unfollowed(proved, via);
    if (proved) return proved;
    const warned = troubleShown();
    const why = `the row for ${shownName} (${this.path}) still shows “Following” ${seconds(this.rules.leaveWaitMs)} after netprune pressed it${via}`;
    if (warned)
      return this.trouble(
        warned.reason,
        `${warned.reason}, after netprune pressed “Following”; ${why}`,
        warned.kind,
      );
    return this.inconclusive(why);
  }

  /**
   * The box must be the unfollow box: one "Unfollow" confirm button (its
   * primary one, where it marks one), and no warning. Answers the button.
   * @param {Element} dialog
   * @param {string} shownName
   * @returns {StepResult | HTMLElement}
   */
  checkDialog(dialog, shownName) {
    const text = spacedText(dialog);
    if (LIMIT_WORDS.test(text)) {
      const said = warning(text);
      return this.trouble(said.reason, said.reason, said.kind);
    }
    const wrong = (/** @type {string} */ why) => {
      const reason = `a dialog that is not the unfollow dialog for ${shownName} opened (${why}): ${quote(text)}`;
      return this.trouble(reason, reason, "unexpected-dialog");
    };
    const words = /** @type {UnfollowWords} */ (this.words);
    const named = buttonsNamed(dialog, words.confirms);
    const primary = named.filter((button) => button.matches(PRIMARY));
    const confirms = primary.length > 0 ? primary : named;
    if (confirms.length === 0) return wrong("no “Unfollow” button");
    if (confirms.length > 1) return wrong(`${confirms.length} “Unfollow” buttons`);
    return /** @type {HTMLElement} */ (confirms[0]);
  }
}
