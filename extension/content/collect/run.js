// @ts-check
// One `collect-run`: moves through a list (the connections list, or the
// sent invitations, following or followers page's, `list`) at the pace the
// background's rules give (delayMs between moves, stallMs without a new
// person before a stall is taken for the end), and says how it ended
// (`collect-ended`). The scroll shapes below are how a member moves through
// a list (DOM detail); every deciding timing comes from the rules.

import { findLoadButton, loadingShown } from "./list.js";
import { accessibleName, between, isEnabled, peopleCount, seconds } from "../lib/dom.js";
import {
  SCROLL_BEHAVIOR,
  atBottom,
  listScroller,
  pointerClick,
  scrollStep,
  visibleHeight,
} from "../lib/input.js";
import { deliver, guarded } from "../lib/runtime.js";
import { EXACT_COUNT } from "../readers/counts.js";
import { checkNavigation, tab } from "../tab.js";

/** @typedef {import("../readers/page-view.js").PageView} PageView */

/** @typedef {{ delayMs: number, stallMs: number }} Pace the background's rules for a collection (`collect-run`'s `rules`) */
/** @typedef {"connections" | "invitations" | "following" | "followers"} List the list a collection reads (`collect-run`'s `list`) */

/** Each list's name in messages. */
const LIST_NAMES = {
  connections: "connections",
  invitations: "sent invitations",
  following: "following",
  followers: "followers",
};

// Each step scrolls a little less than the list's visible height, as a
// member reading down it would: consecutive views overlap, so a
// virtualized list renders (and the reader captures) every row on the way.
export const SCROLL_STEP = { low: 0.7, high: 0.95 };
// At the bottom with nothing to press, a short scroll back up lets the end
// of the list come into view again, which is what makes LinkedIn retry.
const NUDGE_STEP = { low: 0.15, high: 0.35 };
// Going back over the whole list from the top, when it ended short.
const MAX_PASSES = 1;
// Every wait is drawn around the background's delay, never a fixed beat.
const WAIT_SPREAD = { low: 0.6, high: 1.6 };
/**
 * One `collect-run` on one connections page view. It moves through the
 * list at the background's pace until the background answers a reading
 * with `done` (or `running: false`), the member leaves the page, the
 * background halts it, or no new person has appeared for `stallMs`; only
 * the last two are reported (`collect-ended`). It keeps no DOM references
 * between steps: each step finds the list, its scroller and its button
 * afresh, as they may have been replaced in the meantime.
 */
export class CollectRun {
  /**
   * @param {PageView} view
   * @param {Pace} pace the collection rules from the background (`collect-run`'s `rules`)
   * @param {List} [list] the list it reads (`collect-run`'s `list`)
   */
  constructor(view, pace, list = "connections") {
    this.view = view;
    this.pace = pace;
    /** which list: the one asked for, which is the page's own */
    this.list = list;
    this.running = true;
    // Answers to readings sent before the run began describe the
    // background as it was before it started this collection.
    this.firstReading = view.readingsSent + 1;
    // The background counts the people read during its run, and some were
    // sent before it began: send everyone again. Rows a virtualized list
    // has dropped can only be read again from the top.
    this.rewind = view.startOver();
    // A paged list shown past its first page is read from page 1.
    if (view.markup?.firstPage?.()) this.rewind = true;
    this.peopleAtLastProgress = view.peopleRead();
    this.lastProgressAt = Date.now();
    // Whether the list was seen scrolled to its end since the last new
    // person: with no button and no spinner left, that is the end of it.
    this.reachedBottom = false;
    // Passes back over the list from the top, for rows a virtualized list
    // dropped before they were read.
    this.passes = 0;
    /** the furthest down the list this pass has been */
    this.deepest = 0;
    /** the animation frame awaited after the last move, until it has come */
    this.drawing = 0;
    /** @type {ReturnType<typeof setTimeout> | 0} */
    this.timer = 0;
    this.next();
  }

  next() {
    this.timer = setTimeout(
      guarded(() => this.step()),
      this.pace.delayMs * between(WAIT_SPREAD),
    );
  }

  stop() {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = 0;
    if (this.drawing) window.cancelAnimationFrame(this.drawing);
    this.drawing = 0;
  }

  /**
   * Wait for the list to draw the move just made. A browser fires a
   * move's scroll event in its next frame, before that frame's animation
   * callbacks, and a list that draws after its scroll event (React's
   * scheduler) has done so by the frame after: two frames.
   */
  awaitFrames() {
    this.drawing = window.requestAnimationFrame(
      guarded(() => {
        if (!this.running) return;
        this.drawing = window.requestAnimationFrame(() => {
          this.drawing = 0;
        });
      }),
    );
  }

  step() {
    this.timer = 0;
    if (!this.running) return;
    // Never act on a page the member has already left.
    checkNavigation();
    if (tab.current !== this.view || this.view.stopped) {
      this.stop();
      return;
    }
    const now = Date.now();
    if (document.hidden) {
      // A hidden tab renders nothing new (the browser pauses it), so time
      // spent hidden is not a stall, and nothing is scrolled unseen.
      this.lastProgressAt = now;
      this.next();
      return;
    }
    const readSoFar = this.view.peopleRead();
    // Moving down the list is progress: going back over it finds nobody
    // new until it reaches a gap, and a first page taller than the stall
    // limit's worth of steps is read long before the loading point.
    if (this.view.markup) {
      const top = listScroller(this.view.markup).scrollTop;
      if (top > this.deepest) this.lastProgressAt = now;
      this.deepest = Math.max(this.deepest, top);
    }
    if (readSoFar > this.peopleAtLastProgress) {
      this.peopleAtLastProgress = readSoFar;
      this.lastProgressAt = now;
      this.reachedBottom = false;
    }
    // LinkedIn stalls mid-list for tens of seconds, and a stall looks like
    // the end: only a stall longer than the background allows ends a run.
    if (now - this.lastProgressAt >= this.pace.stallMs) {
      this.end();
      return;
    }
    this.advance();
    this.next();
  }

  /** One member-sized move down the list. */
  advance() {
    const markup = this.view.markup;
    // Until the list is recognised there is nothing known to move.
    if (!markup) return;
    const scroller = listScroller(markup);
    // A virtualized list draws the rows of a new position when the frame
    // that brings it the move's scroll event comes. On a loaded machine frames
    // come slower than steps while timers keep running: moving again before
    // that frame would carry the list past rows it never drew, and nobody
    // would read them. Wait for it, as a member waits for the page to draw.
    if (this.drawing) return;
    this.move(markup, scroller);
    this.awaitFrames();
    // A move that loads nobody changes no row, and the following page's
    // reading tells whether its end is on screen (listEnd): look again.
    if (this.list !== "connections") this.view.schedule();
  }

  /**
   * @param {import("../markups/types.js").ListMarkup} markup
   * @param {Element} scroller
   */
  move(markup, scroller) {
    if (this.rewind) {
      this.rewind = false;
      // A paged list (artdeco's sent invitations) starts again from page 1.
      const first = markup.firstPage?.();
      if (first) {
        pointerClick(first);
        this.deepest = 0;
        return;
      }
      scroller.scrollTo({ top: 0, behavior: SCROLL_BEHAVIOR });
      // From the top, every step down is progress again. (Resetting it
      // before this move is not enough: the step that makes it first
      // records the old, deep position.)
      this.deepest = 0;
      return;
    }
    const height = visibleHeight(scroller);
    const over = markup.firstCard()?.parentElement ?? null;
    // Steps stay under the visible height, and the list keeps at least
    // what is visible rendered once it has drawn a move (see advance): no
    // row can pass unseen between two steps.
    if (!atBottom(scroller)) {
      scrollStep(scroller, Math.round(height * between(SCROLL_STEP)), over);
      return;
    }
    this.reachedBottom = true;
    const button = findLoadButton(markup) ?? markup.nextPage?.() ?? null;
    if (button) {
      // Disabled while LinkedIn fetches: wait, as a member would.
      if (isEnabled(button)) {
        button.scrollIntoView({ block: "nearest", behavior: SCROLL_BEHAVIOR });
        pointerClick(button);
      }
      return;
    }
    // At the bottom with nothing to press: a wheel turn down (what makes
    // a wheel-only list load), then a short way back up, which makes
    // LinkedIn retry.
    scrollStep(scroller, Math.round(height * between(NUDGE_STEP)), over);
    scrollStep(scroller, -Math.round(height * between(NUDGE_STEP)), over);
  }

  /** The stated total as a number, when it is exact. */
  statedTotal() {
    const total = this.totalToken();
    return total !== null && EXACT_COUNT.test(total) ? Number(total.replace(/\D/g, "")) : null;
  }

  /** The list's stated total as shown (its own count: connections, invitations, following, followers). */
  totalToken() {
    return this.view.counts[this.list] ?? null;
  }

  /**
   * Trouble on the page: collecting stops at once, saying why.
   * @param {string} reason
   */
  troubled(reason) {
    if (!this.running) return;
    this.finish("stalled", `collecting stopped because ${reason}`);
  }

  /** No new person for `stallMs`: say whether the list ended or stalled. */
  end() {
    const markup = this.view.markup;
    const read = peopleCount(this.view.peopleRead());
    const total = this.totalToken();
    const waited = seconds(this.pace.stallMs);
    if (!markup) {
      this.finish(
        "stalled",
        `no ${LIST_NAMES[this.list]} list netprune can read appeared within ${waited}`,
      );
      return;
    }
    const button = findLoadButton(markup) ?? markup.nextPage?.() ?? null;
    const loading = loadingShown(markup);
    const stated = this.statedTotal();
    const short = stated !== null && this.view.peopleRead() < stated;
    if (this.reachedBottom && !button && !loading) {
      if (short && this.passes < MAX_PASSES) {
        // Rows may have been dropped unread: go back over the list once
        // more before saying it ended short.
        this.passes += 1;
        this.deepest = 0;
        this.rewind = true;
        this.reachedBottom = false;
        this.lastProgressAt = Date.now();
        this.next();
        return;
      }
      this.finish(
        "end-of-list",
        total === null
          ? `LinkedIn stopped loading at ${read}, and the page states no total`
          : `LinkedIn stopped loading at ${read}; the page says ${total}`,
        short,
      );
      return;
    }
    let why = "the list never reached its end";
    if (loading) why = "LinkedIn was still showing that it was loading";
    else if (button && !isEnabled(button)) {
      why = `the “${accessibleName(button)}” button stayed disabled`;
    } else if (button) why = `pressing “${accessibleName(button)}” brought nobody new`;
    const of = total === null ? "" : ` of the ${total} the page states`;
    this.finish("stalled", `no new people appeared for ${waited} after ${read}${of}; ${why}`);
  }

  /** @returns {boolean} whether a running collection was halted */
  halt() {
    if (!this.running) return false;
    this.finish("halted", `halted on request after ${peopleCount(this.view.peopleRead())}`);
    return true;
  }

  /**
   * @param {"stalled" | "end-of-list" | "halted"} outcome
   * @param {string} reason
   * @param {boolean} [short] the list ended before the total the page
   *   states: the end of what LinkedIn loaded, not proof of who is on it
   */
  finish(outcome, reason, short = false) {
    this.stop();
    // Readings wait for the page to settle, up to 2 s; the one carrying the
    // last people goes first, so the background has counted them by the
    // time it hears the run is over.
    Promise.resolve()
      .then(() => this.view.flush())
      .catch(() => undefined)
      .then(() =>
        deliver({
          type: "collect-ended",
          list: this.list,
          outcome,
          reason,
          ...(short ? { short: true } : {}),
        }),
      );
  }

  /**
   * The background's answer to a reading.
   * @param {unknown} answer
   * @param {number} readingNumber
   */
  heard(answer, readingNumber) {
    if (!this.running || readingNumber < this.firstReading) return;
    const collect = /** @type {{ collect?: { done?: unknown, running?: unknown } } | null} */ (
      answer
    )?.collect;
    if (!collect || typeof collect !== "object") return;
    // Every person the page states is read, or the background is no longer
    // collecting (stopped from the review page, say): it knows already, so
    // stop without a word.
    if (collect.done === true || collect.running === false) this.stop();
  }
}
