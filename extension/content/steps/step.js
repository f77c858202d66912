// @ts-check
// The base of every action step (steps/remove-connection.js today): what a
// step on one person shares, from its request and the background's rules to
// its reported outcome. docs/ARCHITECTURE.md, "The removal queue".

import { findLoadButton, loadingShown } from "../collect/list.js";
import { SCROLL_STEP } from "../collect/run.js";
import {
  accessibleName,
  between,
  buttonsNamed,
  decodeSlug,
  fold,
  hrefOf,
  isEnabled,
  isShown,
  mainScope,
  outermost,
  peopleCount,
  quote,
  seconds,
  shownMatching,
  sleep,
} from "../lib/dom.js";
import {
  atBottom,
  escapeKey,
  keystroke,
  listScroller,
  pointerClick,
  scrollStep,
  visibleHeight,
} from "../lib/input.js";
import { deliver, extensionAlive } from "../lib/runtime.js";
import { DIALOG, MARKUPS, cardName, cardOf, connectionCards } from "../markups/index.js";
import { findSearchBox, navMember } from "../readers/page-check.js";
import { targetFor } from "../readers/pages.js";
import { tab } from "../tab.js";
import { troublePath, troubleShown } from "../trouble.js";
import { CLOSE_NAMES } from "../words.js";

/** @typedef {import("../trouble.js").TroubleKind} TroubleKind */
/** @typedef {import("../trouble.js").Trouble} Trouble */
/** @typedef {{ kind: "removed" } | { kind: "not-found" } | { kind: "still-there" } | { kind: "failed", reason: string } | { kind: "unproven", reason: string } | { kind: "trouble", reason: string, trouble: TroubleKind }} Outcome */
/** @typedef {{ outcome: Outcome, observed: string }} StepResult */
/** @typedef {{ attempt: number, slug: string, name: string, mode: "remove" | "act" | "verify", dryRun: boolean, pausesMs: number[], member: string | null, taught?: import("../words.js").LearnedWords[] }} StepRequest */
/**
 * @typedef {object} ListWalk how a step walks one long list to one person's
 *   row (Step.walkList): what is particular to the list, every rule of the
 *   walk itself being in walkList
 * @property {() => Element | null} rowOf the person's row if on the page: a
 *   row every profile link of which is their /in/<slug>/, or null
 * @property {() => number} rowsShown how many people the list shows now
 * @property {import("../markups/types.js").ListMarkup} list the list's markup:
 *   its scroller, its own load button, its loading indicator, its first card
 * @property {() => number} scrollShare a move down, as a share of the list's visible height
 * @property {() => number} nudgeShare a wheel turn at its end, as a share of that height
 * @property {() => number} settleMs the wait after each move, for the list to draw or load
 * @property {() => Element | null} [firstPage] a paged list's way back to its
 *   first page, pressed once before the walk when the row is not on show
 * @property {() => Element | null} [nextPage] a paged list's next page, where it has no load button
 * @property {(shown: number) => boolean} [ended] the list's own sign of its
 *   end (a stated total reached, or its bottom with nothing left to load);
 *   without it the end is `quietEnds` wheel turns that bring nobody more
 * @property {number} [quietEnds] without `ended`: how many wheel turns with
 *   the count unchanged make the end
 * @property {boolean} [heedLoading] wait while the list shows it is loading
 *   (else its indicator is no reason to stop moving: a list that loads on
 *   the wheel may show it until the wheel turns)
 * @property {{ ms: number, list: string }} [stall] give up (inconclusive)
 *   once the count has not grown for `ms`; `list` names it in the reason
 */
/**
 * @typedef {object} StepRules a step's limits, from the background (`remove-step`'s `rules`)
 * @property {number} timeoutMs the whole step, however its waits add up (its pauses come on top)
 * @property {number} waitLimitMs for the connections list to be recognised
 * @property {number} menuWaitMs for the card's menu to open after the first click
 * @property {number} menuRetryWaitMs ...and after the second
 * @property {number} dialogWaitMs for the dialog after choosing the item
 * @property {number} dialogCloseWaitMs for a cancelled dialog to close
 * @property {number} searchWaitMs for the name search's results to hold still
 * @property {number} searchSettleMs results are taken once unchanged this long (and no spinner)
 * @property {number} searchQuietMs ...or this long after the typing, once they changed
 * @property {number} maxResultScrolls scrolls down a name search's results at most
 * @property {number} leaveFirstWaitMs for the card to leave after confirming, before searching again
 * @property {number} leaveWaitMs for proof of the removal after confirming
 * @property {number} researchPauseMs between two name searches for that proof
 */

/**
 * A dialog's one clear way out: its Cancel button, else its Dismiss or
 * Close button.
 * @param {Element} dialog
 * @returns {HTMLElement | null}
 */
export function closeButtonOf(dialog) {
  for (const names of CLOSE_NAMES) {
    const found = buttonsNamed(dialog, names);
    if (found.length === 1) return /** @type {HTMLElement} */ (found[0]);
  }
  return null;
}

/** The dialogs on show now, to tell a new one by. */
export const dialogsOnShow = () => new Set(shownMatching(DIALOG));

/**
 * The dialogs on show that were not in `before`.
 * @param {Set<Element>} before
 */
export const newDialogs = (before) =>
  outermost(shownMatching(DIALOG).filter((dialog) => !before.has(dialog)));

/** Every step rule, each a positive number. */
export const STEP_RULES = /** @type {const} */ ([
  "timeoutMs",
  "waitLimitMs",
  "menuWaitMs",
  "menuRetryWaitMs",
  "dialogWaitMs",
  "dialogCloseWaitMs",
  "searchWaitMs",
  "searchSettleMs",
  "searchQuietMs",
  "maxResultScrolls",
  "leaveFirstWaitMs",
  "leaveWaitMs",
  "researchPauseMs",
]);

// How often a step looks at the page while it waits (DOM detail: every
// wait's limit is a rule).
const POLL_MS = 100;
// A member's pauses between clicks and between keystrokes.
const KEY_PAUSE = { low: 40, high: 110 };

/**
 * What every action step shares: one request on one person, bounded in
 * time by the background's rules, paced by the core's drawn pauses, acting
 * only while the tab is visible and the member's own; the page's name
 * search; pressing and typing as a member does; the outcome reported once
 * (as `outcomeType`). A step kind extends it with `perform()`.
 */
export class Step {
  /**
   * @param {StepRequest} request
   * @param {StepRules} rules the background's limits for this step (`rules`)
   * @param {string} outcomeType the message type of its outcome
   * @param {import("../markups/types.js").Target["page"]} [page] the page it acts on (targetFor's
   *   page name): leaving it ends the step
   */
  constructor(request, rules, outcomeType, page = "connections") {
    this.request = request;
    this.rules = rules;
    this.outcomeType = outcomeType;
    /** @type {import("../markups/types.js").Target["page"]} the page the step acts on */
    this.page = page;
    this.deadline = Date.now() + this.rules.timeoutMs;
    this.slug = decodeSlug(request.slug);
    this.path = `/in/${this.slug}/`;
    /** @type {string | null} */
    this.generation = null;
    /** @type {HTMLInputElement | null} the search box, once netprune typed in it */
    this.searchBox = null;
    this.searchBefore = "";
    /** @type {Trouble | null} trouble seen after the step's own work was done */
    this.troubleAfter = null;
    /** the page was left or the extension reloaded: nobody is left to report to */
    this.abandoned = false;
    /**
     * Pressed confirm: from then on a limit banner is reported after the
     * outcome, not instead of it, since the removal may well have happened.
     */
    this.confirmed = false;
    /** how many of the step's pauses were taken */
    this.pausesTaken = 0;
    /** @type {number | null} the stated total before confirming */
    this.totalBefore = null;
    // The pauses add to the step's time; a step never ends for waiting.
    this.deadline += request.pausesMs.reduce((sum, ms) => sum + ms, 0);
  }

  /** Perform the step and report its outcome. */
  async run() {
    /** @type {StepResult} */
    let result;
    try {
      result = await this.perform();
    } catch (error) {
      result = this.failed(
        `netprune's page reader failed during the step (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    // After the confirm click a step never plainly fails: the removal may
    // well have happened, and the core checks again (review finding 2).
    if (this.confirmed && result.outcome.kind === "failed") {
      result = this.inconclusive(result.outcome.reason);
    }
    if (this.abandoned || !extensionAlive()) return;
    // Typing is harmless even under a banner; a checkpoint page has no box.
    if (!troublePath(location.pathname)) await this.restoreSearch();
    const { attempt } = this.request;
    await deliver({ type: this.outcomeType, attempt, ...result });
    if (result.outcome.kind === "trouble") tab.troubleWatch?.markReported();
    else if (this.troubleAfter) tab.troubleWatch?.report(this.troubleAfter);
  }

  /**
   * The step's own work, up to its outcome.
   * @returns {Promise<StepResult>}
   */
  async perform() {
    return this.failed("this step kind does nothing");
  }

  /**
   * Search the list by the person's name, as the member would, and look
   * for their card among the results. "Not listed" needs positive
   * evidence: the results rendered, complete, with other people and not
   * them. LinkedIn's own no-results state would do too, but no public
   * source shows it (docs/LINKEDIN.md), so an empty list, like a
   * still-loading one or one unfinished after its scrolls, is no answer.
   * @returns {Promise<StepResult | { listed: true, card: Element } | { listed: false, namesakes: number, evidence: string }>}
   */
  async search() {
    const generation = /** @type {string} */ (this.generation);
    const box = this.searchBox ?? findSearchBox();
    if (!box) return this.failed("no name search box on the connections page");
    if (!this.searchBox) {
      this.searchBox = box;
      this.searchBefore = box.value;
    }
    const { name } = this.request;
    const query = fold(name);
    const markup = MARKUPS[generation];
    // What the list shows, cheaply: its profile links in order.
    const signature = () =>
      [...mainScope().querySelectorAll('a[href*="/in/"]')].map(hrefOf).join("\n");
    let last = signature();
    const typed = await this.type(box, name);
    if (typed) return typed;
    const typedAt = Date.now();
    let lastChange = typedAt;
    let changed = false;
    for (let scrolls = 0; ;) {
      const settled = await this.until(() => {
        const now = Date.now();
        const shown = signature();
        if (shown !== last) {
          last = shown;
          lastChange = now;
          changed = true;
        }
        if (loadingShown(markup) || now - lastChange < this.rules.searchSettleMs) return null;
        const cards = connectionCards(generation);
        // Every card on show bears the name: that is the answer (the
        // first card of an unfiltered list usually settles it at once).
        const answered =
          cards.length > 0 &&
          cards.every(({ card }) => fold(cardName(generation, card) ?? "").includes(query));
        if (answered) return true;
        // LinkedIn's search also matches loosely; a list that changed
        // after the typing and then held still is its answer too.
        return changed && now - typedAt >= this.rules.searchQuietMs ? true : null;
      }, this.rules.searchWaitMs);
      if (settled !== true) {
        return settled ?? this.failed(`the name search for ${quote(name)} gave no steady answer`);
      }
      const card = cardOf(generation, this.slug);
      if (card) return { listed: true, card };
      if (findLoadButton(markup)) {
        return this.inconclusive(
          `the name search for ${quote(name)} has more results than are on show`,
        );
      }
      const scroller = listScroller(markup);
      const others = connectionCards(generation);
      if (atBottom(scroller) && others.length > 0) {
        const namesakes = others.filter(
          (entry) => fold(cardName(generation, entry.card) ?? "") === query,
        ).length;
        return {
          listed: false,
          namesakes,
          evidence: `its ${peopleCount(others.length)} listed leave them out`,
        };
      }
      if (others.length === 0) {
        return this.inconclusive(
          `the name search for ${quote(name)} showed nobody, which proves nothing (LinkedIn's own “no results” state is not known to netprune)`,
        );
      }
      if (scrolls >= this.rules.maxResultScrolls) {
        return this.inconclusive(
          `the name search for ${quote(name)} was still unfinished after ${this.rules.maxResultScrolls} scrolls`,
        );
      }
      // More results below: read on down, as the member would.
      scrolls += 1;
      scrollStep(scroller, Math.round(visibleHeight(scroller) * SCROLL_STEP.low));
      lastChange = Date.now();
    }
  }

  /**
   * Walk down one long list to this person's row, as the member would:
   * scroll, press the list's own "Load more" (or next page) when at its
   * bottom, wait while it loads, turn the wheel at its end, until the row
   * shows or the end of the list does. The one home of this loop for every
   * step (withdraw-invitation.js, unfollow.js): the row is only ever what
   * `walk.rowOf` answers, found by /in/<slug>/ before any click, and the
   * only clicks are the list's own controls. Each move is followed by a
   * wait, and every wait is bounded by the step's time (`until`).
   * @param {ListWalk} walk
   * @returns {Promise<StepResult | { row: Element } | { row: null, shown: number }>}
   *   the row; or `row: null` at the end of a list that shows `shown` others
   */
  async walkList(walk) {
    const { list } = walk;
    const quietEnds = walk.ended ? Infinity : (walk.quietEnds ?? 0);
    const settle = () => this.until(() => null, walk.settleMs());
    let first = walk.firstPage && !walk.rowOf() ? walk.firstPage() : null;
    let lastCount = -1;
    let lastChange = Date.now();
    let quiet = 0;
    for (;;) {
      const row = walk.rowOf();
      if (row) return { row };
      if (first) {
        // A paged list is read from its first page.
        const pressed = await this.press(/** @type {HTMLElement} */ (first));
        first = null;
        if (pressed) return pressed;
        const waited = await settle();
        if (waited) return waited;
        continue;
      }
      const shown = walk.rowsShown();
      if (walk.ended?.(shown)) return { row: null, shown };
      const now = Date.now();
      if (shown !== lastCount) {
        lastCount = shown;
        lastChange = now;
        quiet = 0;
      } else if (walk.stall && now - lastChange >= walk.stall.ms) {
        return this.inconclusive(
          `${walk.stall.list} stopped growing at ${peopleCount(shown)} for ${seconds(walk.stall.ms)}, before its end or ${this.path} came into view`,
        );
      }
      const scroller = listScroller(list);
      const over = list.firstCard()?.parentElement ?? null;
      const height = visibleHeight(scroller);
      if (!atBottom(scroller)) {
        scrollStep(scroller, Math.round(height * walk.scrollShare()), over);
      } else {
        const more = findLoadButton(list) ?? walk.nextPage?.() ?? null;
        if ((walk.heedLoading && loadingShown(list)) || (more && !isEnabled(more))) {
          // Loading: nothing to press yet.
        } else if (more) {
          const pressed = await this.press(/** @type {HTMLElement} */ (more));
          if (pressed) return pressed;
        } else if (quiet < quietEnds) {
          // A list that grows on the wheel alone shows nothing while it
          // loads: at its end, a wheel turn down and back, and a wait.
          quiet += 1;
          scrollStep(scroller, Math.round(height * walk.nudgeShare()), over);
          scrollStep(scroller, -Math.round(height * walk.nudgeShare()), over);
        } else {
          return { row: null, shown };
        }
      }
      const waited = await settle();
      if (waited) return waited;
    }
  }

  /**
   * Type `text` into the box a key at a time, as the member would: a
   * pointer click to focus it, then per character keydown, keypress, the
   * value set the way React expects (the native setter) with an input
   * event, and keyup.
   * @param {HTMLInputElement} box
   * @param {string} text
   * @returns {Promise<StepResult | null>}
   */
  async type(box, text) {
    const pressed = await this.press(box);
    if (pressed) return pressed;
    if (!box.isConnected) return this.failed("the name search box went away");
    box.focus();
    if (box.value !== "") {
      box.select?.();
      keystroke(box, "Backspace", "", "deleteContentBackward");
    }
    for (const character of text) {
      const interrupted = this.interrupted();
      if (interrupted) return interrupted;
      keystroke(box, character, box.value + character, "insertText");
      await sleep(between(KEY_PAUSE));
    }
    return null;
  }

  /** Put the search box back as the member left it. */
  async restoreSearch() {
    const box = this.searchBox;
    this.searchBox = null;
    if (!box || !box.isConnected || box.value === this.searchBefore) return;
    await this.pause();
    box.focus();
    box.select?.();
    keystroke(box, "Backspace", this.searchBefore, "deleteContentBackward");
  }

  /**
   * Press one control as a pointer would, after the step's next pause,
   * once the tab is visible and still the member's own account.
   * @param {HTMLElement | (() => StepResult | HTMLElement)} target the
   *   control, or a way to find it afresh right before the press
   * @param {() => StepResult | null} [check] a last check before the press
   * @returns {Promise<StepResult | null>} null once pressed
   */
  async press(target, check) {
    const paused = await this.pause();
    if (paused) return paused;
    const unready = await this.readyToAct();
    if (unready) return unready;
    const wrong = check?.();
    if (wrong) return wrong;
    const element = typeof target === "function" ? target() : target;
    if (!(element instanceof Element)) return element;
    if (!element.isConnected || !isShown(element) || !isEnabled(element)) {
      return this.failed(
        `the “${accessibleName(element) || element.localName}” control went away before netprune pressed it`,
      );
    }
    element.scrollIntoView?.({ block: "nearest" });
    pointerClick(element);
    return null;
  }

  /**
   * Before any action: the tab is visible (a hidden tab's step waits for
   * it, within the step's time), the list has been on show for the
   * step's first pause, and the page is the expected member's.
   * @returns {Promise<StepResult | null>}
   */
  async readyToAct() {
    const visible = await this.until(
      () => (document.hidden ? null : true),
      Math.max(0, this.deadline - Date.now()),
    );
    if (visible !== true) {
      return visible ?? this.failed("the tab stayed hidden, so netprune did nothing more");
    }
    const first = this.request.pausesMs[0];
    const shownAt = tab.current?.recognisedAt ?? Date.now();
    const settled = await this.until(() => null, Math.max(0, shownAt + first - Date.now()));
    if (settled) return settled;
    const expected = this.request.member;
    if (expected !== null) {
      const member = navMember();
      if (member !== expected) {
        const why =
          member === null
            ? "netprune cannot find your own profile link in LinkedIn's navigation, so it cannot tell whose account this tab shows"
            : `this tab shows another LinkedIn account (${member}), not the one netprune works for`;
        return this.trouble(why, why, "another-account");
      }
    }
    return null;
  }

  /**
   * Whether the step must stop now: trouble on the page, the tab gone
   * elsewhere, or the extension reloaded.
   * @returns {StepResult | null}
   */
  interrupted() {
    if (!extensionAlive()) {
      this.abandoned = true;
      return this.failed("the extension was reloaded during the step");
    }
    // Once confirmed, only a page LinkedIn sent the tab to stops the proof.
    const trouble = this.confirmed && !troublePath(location.pathname) ? null : troubleShown();
    if (trouble) return this.trouble(trouble.reason, trouble.reason, trouble.kind);
    if (targetFor(location)?.page !== this.page) {
      const page = this.page === "invitations" ? "sent invitations" : this.page;
      return this.failed(`the tab left the ${page} page during the step (${location.pathname})`);
    }
    if (Date.now() > this.deadline) {
      return this.failed(
        `the step took longer than ${seconds(this.rules.timeoutMs)}, and was stopped`,
      );
    }
    return null;
  }

  /**
   * Poll `condition` until it answers something other than null or
   * undefined, for at most `limitMs`, stopping early when interrupted.
   * @template T
   * @param {() => T | null | undefined} condition null, undefined or false: not yet
   * @param {number} limitMs
   * @returns {Promise<Exclude<T, false> | StepResult | null>} null when the time ran out
   */
  async until(condition, limitMs) {
    const deadline = Date.now() + limitMs;
    for (;;) {
      const value = condition();
      if (value !== null && value !== undefined && value !== false) {
        return /** @type {Exclude<T, false>} */ (value);
      }
      const interrupted = this.interrupted();
      if (interrupted) return interrupted;
      if (Date.now() >= deadline) return null;
      await sleep(POLL_MS);
    }
  }

  /**
   * A member's pause before the next action: the next of the step's
   * drawn pauses (pausesMs, from the core's pacing), in turn.
   * @returns {Promise<StepResult | null>} what interrupted it, if anything
   */
  pause() {
    const pauses = this.request.pausesMs;
    return this.until(() => null, pauses[this.pausesTaken++ % pauses.length]);
  }

  /**
   * A dialog that is not the one expected: its confirm is never pressed,
   * its one clear way out is, and the outcome says so.
   * @param {Element} dialog
   * @param {StepResult} refusal why it is not the one expected
   * @param {boolean} [escape] with no clear way out, press Escape (which
   *   presses no button) rather than leave the dialog open
   * @returns {Promise<StepResult>}
   */
  async leaveDialog(dialog, refusal, escape = false) {
    const close = closeButtonOf(dialog);
    let closed = "";
    if (close && !(await this.press(close))) {
      closed = `; netprune pressed its “${accessibleName(close)}”`;
    } else if (!close && escape) {
      closed =
        (await this.escapeDialog(dialog)) === true
          ? "; netprune pressed Escape, which closed it"
          : "; it shows no Cancel netprune knows, and Escape did not close it: nothing else was pressed";
    }
    return { ...refusal, observed: `${refusal.observed}${closed}` };
  }

  /**
   * Escape on a dialog whose way out netprune knows no words for (no
   * button is pressed), after the step's next pause: true once it closed,
   * else null or what interrupted the wait.
   * @param {Element} dialog
   * @returns {Promise<true | StepResult | null>}
   */
  async escapeDialog(dialog) {
    const paused = await this.pause();
    if (paused) return paused;
    escapeKey(dialog);
    return this.until(() => !isShown(dialog) || null, this.rules.dialogCloseWaitMs);
  }

  /**
   * @param {string} reason
   * @returns {StepResult}
   */
  failed(reason) {
    return { outcome: { kind: "failed", reason }, observed: reason };
  }

  /**
   * A search that finished without proof either way. Before anything was
   * clicked in a removal it is a failure (nothing happened); once the
   * confirm was pressed, or in a check (verify), it is `unproven`: the
   * person may be gone, and the core checks again, then records them
   * unconfirmed rather than holding the queue (review finding 2).
   * @param {string} reason
   * @returns {StepResult}
   */
  inconclusive(reason) {
    if (!this.confirmed && this.request.mode !== "verify") return this.failed(reason);
    return { outcome: { kind: "unproven", reason }, observed: reason };
  }

  /**
   * @param {string} reason
   * @param {string} [observed]
   * @param {TroubleKind} [kind] what kind of trouble (CONTRACT.md)
   * @returns {StepResult}
   */
  trouble(reason, observed = reason, kind = "unrecognised") {
    return { outcome: { kind: "trouble", reason, trouble: kind }, observed };
  }
}
