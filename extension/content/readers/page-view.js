// @ts-check
// One visit to one readable page (PageView): watches the page's mutations,
// captures cards as they are inserted, and sends a `page-reading` once the
// page settles, with the page check every few seconds. A collect run
// (../collect/run.js) drives it on the connections page.
//
// The waits here are how the reader follows the page's rendering (DOM
// detail), not rules: none of them decides what netprune does to anyone.

import { CollectRun } from "../collect/run.js";
import { deliver, guarded } from "../lib/runtime.js";
import { MARKUPS, cardKey, readKey } from "../markups/index.js";
import { navMember, pageCheck, pageLanguage } from "./page-check.js";
import {
  REASONS,
  readConnectionsPage,
  readFollowersPage,
  readFollowingPage,
  readOwnProfile,
} from "./pages.js";
import { FOLLOWING_MARKUPS } from "../markups/following.js";
import { FOLLOWERS_MARKUPS, followersListEnd } from "../markups/followers.js";
import { listEndShown, readInvitationsPage } from "./invitations.js";
import { detectInvitationGeneration } from "../markups/invitations.js";
import { checkNavigation, tab } from "../tab.js";
import { stepWordsMissing, taughtWords } from "../words.js";

/** @typedef {import("../markups/types.js").Target} Target */
/** @typedef {import("../markups/types.js").Card | import("../markups/types.js").FollowCard | import("../markups/types.js").Follower} Card a connection card, or a person on the following or followers page */
/** @typedef {import("../markups/types.js").ListMarkup} Markup */
/** @typedef {import("../markups/types.js").Counts} Counts */
/** @typedef {import("../collect/run.js").Pace} Pace */
/** @typedef {import("../markups/types.js").PageContent} PageContent */

// LinkedIn can take several seconds to render a list on a slow connection;
// 15 s is long enough not to cry wolf and short enough for the member to
// still be looking at the page when we say we cannot read it.
const WAIT_LIMIT_MS = 15_000;
// A burst of rendering (one page of cards) settles well within this, so a
// scroll produces one reading rather than one per card.
const SETTLE_MS = 400;
// ...but a page that never stops mutating (an animated badge, a ticker)
// must not starve the reader.
const MAX_SETTLE_MS = 2_000;
// Readings carry the page check (docs/ARCHITECTURE.md) at most this often.
const CHECK_EVERY_MS = 5_000;

/** One visit to one readable page, from URL change to the next URL change. */
export class PageView {
  /** @param {Target} target */
  constructor(target) {
    this.target = target;
    /**
     * People (by decoded slug) already delivered, or in flight, on this
     * page view, and whether their card had its "Connected on" date then:
     * a card whose date streams in later is read and sent again.
     * @type {Map<string, boolean>}
     */
    this.sentCards = new Map();
    /**
     * Cards read the moment they were inserted, waiting for the next
     * reading: a virtualized list can add and drop a row between two
     * debounced readings, so waiting for the reading would miss it.
     * @type {Map<string, Card>}
     */
    this.captured = new Map();
    /** @type {Markup | null} known once the list (connections, following, followers) is recognised */
    this.markup = null;
    /** @type {Counts} the latest token seen for each count */
    this.counts = emptyCounts(target.page);
    /** @type {boolean | null} the list end last delivered (sent invitations, following) */
    this.sentListEnd = null;
    /** @type {import("./invitations.js").EndSeen} where the list's end was seen */
    this.endSeen = { rows: null };
    // Reaching the end of a list changes nothing in it: the scroll that
    // brings it on screen is what tells, read at once.
    this.onScroll = guarded(() => {
      if (target.page === "followers") {
        // The followers list's end is its bottom (./markups/followers.js).
        if (this.markup && !this.stopped && followersListEnd(this.markup) !== this.sentListEnd) {
          this.schedule();
        }
        return;
      }
      const generation = this.recognised ? detectInvitationGeneration() : null;
      if (generation === null || this.stopped) return;
      const before = this.endSeen.rows;
      listEndShown(generation, this.counts.invitations ?? null, this.endSeen);
      if (this.endSeen.rows !== before) this.schedule();
    });
    if (target.page === "invitations" || target.page === "followers") {
      document.addEventListener("scroll", this.onScroll, { capture: true, passive: true });
    }
    /** @type {string | null} JSON of the counts last delivered */
    this.sentCounts = null;
    this.recognised = false;
    /** when the last reading carrying the page check was sent */
    this.checkedAt = -Infinity;
    /** @type {boolean | null} what the last check sent said of removal */
    this.sentRemovalOff = null;
    /** a look again while the last check said removal is off */
    this.recheckTimer = 0;
    /** @type {number | null} when the page was first recognised */
    this.recognisedAt = null;
    this.stopped = false;
    /** readings sent so far, numbering each one's answer */
    this.readingsSent = 0;
    /** @type {CollectRun | null} */
    this.collecting = null;
    this.settleTimer = 0;
    this.pendingSince = 0;
    this.observer = new MutationObserver(
      guarded((records) => {
        this.capture(records);
        this.schedule();
      }),
    );
    this.observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      // A recycled row keeps its element and changes its link.
      attributes: true,
      attributeFilter: ["href"],
    });
    this.deadline = setTimeout(
      guarded(() => this.giveUp()),
      WAIT_LIMIT_MS,
    );
    this.schedule();
  }

  stop() {
    this.stopped = true;
    // Leaving the page stops a collection without a report: the background
    // resumes it when this page is read again.
    this.collecting?.stop();
    this.observer.disconnect();
    document.removeEventListener("scroll", this.onScroll, { capture: true });
    clearTimeout(this.deadline);
    clearTimeout(this.settleTimer);
    clearTimeout(this.recheckTimer);
  }

  /**
   * Whether the card of `key` needs no further reading: sent, or waiting
   * to be, with its date.
   * @param {string} key
   */
  done(key) {
    return this.sentCards.get(key) === true || Boolean(this.captured.get(key)?.connectedText);
  }

  /**
   * Whether a card just read tells more than what was sent: a new person,
   * or a date that was not there before.
   * @param {string} key
   * @param {Card} card
   */
  wanted(key, card) {
    const sent = this.sentCards.get(key);
    return sent === undefined || (sent === false && card.connectedText !== null);
  }

  /** Whether a reading should carry the page check now (the first does). */
  checkDue() {
    if (this.target.page !== "connections") return false;
    const now = Date.now();
    if (now - this.checkedAt < CHECK_EVERY_MS) return false;
    this.checkedAt = now;
    return true;
  }

  /** distinct people read on this page view (since the last startOver) */
  peopleRead() {
    let waiting = 0;
    for (const key of this.captured.keys()) if (!this.sentCards.has(key)) waiting += 1;
    return this.sentCards.size + waiting;
  }

  /**
   * Forget what was sent, so that the next reading carries everyone on
   * show and the counts again. The rows on show are read now: by the time
   * the reading goes out a virtualized list may have dropped them.
   * @returns {boolean} whether people already sent are no longer on show
   *   (a virtualized list dropped their rows), so that only going back to
   *   the top of the list reads them again
   */
  startOver() {
    const markup = this.markup;
    /** @type {Map<string, Element>} */
    const onShow = new Map();
    if (markup) {
      for (const card of markup.cardsWithin(document.documentElement)) {
        const key = cardKey(card);
        if (key !== null) onShow.set(key, card);
      }
    }
    let dropped = false;
    for (const key of this.sentCards.keys()) {
      if (!onShow.has(key)) {
        dropped = true;
        break;
      }
    }
    this.sentCards.clear();
    for (const [key, card] of onShow) {
      const read = !this.captured.has(key) && markup ? markup.read(card) : null;
      if (read) this.captured.set(key, read);
    }
    this.sentCounts = null;
    this.sentListEnd = null;
    this.schedule();
    return dropped;
  }

  /**
   * @param {Pace} pace
   * @param {import("../collect/run.js").List} [list] the list this page shows
   */
  collect(pace, list = "connections") {
    // The background may repeat itself: a running collection only takes
    // the new pace, and its stall clock keeps running.
    if (this.collecting?.running) this.collecting.pace = pace;
    else this.collecting = new CollectRun(this, pace, list);
  }

  haltCollecting() {
    return this.collecting?.halt() ?? false;
  }

  /** @param {MutationRecord[]} records */
  capture(records) {
    const markup = this.markup;
    if (!markup || this.stopped) return;
    /** @param {Element} card */
    const remember = (card) => {
      const key = cardKey(card);
      if (key === null || this.done(key)) return;
      const read = markup.read(card);
      if (read && this.wanted(key, read)) this.captured.set(key, read);
    };
    for (const record of records) {
      const target =
        record.target.nodeType === Node.ELEMENT_NODE
          ? /** @type {Element} */ (record.target)
          : record.target.parentElement;
      const enclosing = target && markup.enclosingCard(target);
      if (enclosing) remember(enclosing);
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        const element = /** @type {Element} */ (node);
        const card = markup.enclosingCard(element);
        if (card) remember(card);
        else markup.cardsWithin(element).forEach(remember);
      }
    }
  }

  schedule() {
    if (this.stopped) return;
    const now = Date.now();
    if (this.settleTimer) clearTimeout(this.settleTimer);
    else this.pendingSince = now;
    const wait = now - this.pendingSince >= MAX_SETTLE_MS ? 0 : SETTLE_MS;
    this.settleTimer = setTimeout(
      guarded(() => {
        this.settleTimer = 0;
        this.read();
      }),
      wait,
    );
  }

  /** @returns {PageContent | null} */
  readPage() {
    switch (this.target.page) {
      case "connections":
        return readConnectionsPage((key) => this.done(key));
      case "followers":
        return readFollowersPage((key) => this.done(key));
      case "following":
        return readFollowingPage((key) => this.done(key));
      case "profile":
        return this.target.slug === null ? null : readOwnProfile(this.target.slug);
      case "invitations":
        return readInvitationsPage((key) => this.done(key), this.endSeen);
    }
    return null;
  }

  /** @returns {Promise<unknown> | undefined} the delivery of the reading, if one was sent */
  read() {
    // The DOM may already belong to the next page while the URL poll has
    // not yet run; never read it under this view's name.
    checkNavigation();
    if (this.stopped || tab.current !== this) return;
    const content = this.readPage();
    if (!content) return;
    if (!this.recognised) {
      this.recognised = true;
      this.recognisedAt = Date.now();
      clearTimeout(this.deadline);
    }
    if (content.generation) {
      this.markup =
        content.markup ??
        MARKUPS[content.generation] ??
        (this.target.page === "followers"
          ? FOLLOWERS_MARKUPS[content.generation]
          : FOLLOWING_MARKUPS[content.generation]) ??
        null;
    }
    for (const kind of /** @type {(keyof Counts)[]} */ (Object.keys(this.counts))) {
      const token = content.counts[kind];
      if (token !== null) this.counts[kind] = token;
    }
    /** @type {Map<string, Card>} */
    const fresh = new Map(this.captured);
    // An invitation row is complete once read: it has no date to stream in.
    const listed =
      content.follows ??
      content.followers ??
      /** @type {Card[]} */ (/** @type {unknown} */ (content.invitations)) ??
      content.cards;
    for (const card of listed) {
      const key = readKey(card);
      if (this.wanted(key, card) && !fresh.get(key)?.connectedText) fresh.set(key, card);
    }
    const cards = [...fresh].map(([key, card]) => {
      this.sentCards.set(key, card.connectedText !== null);
      return card;
    });
    const sentKeys = [...fresh.keys()];
    this.captured.clear();
    const counts = JSON.stringify(this.counts);
    // The check costs a look at every card: at most every few seconds. A
    // page that goes still after a check said removal is off (a search
    // box not yet drawn) is looked at again, and a changed verdict is
    // sent even with nothing else new, so the background never holds a
    // stale "off".
    const check = this.checkDue() ? pageCheck() : undefined;
    const verdictChanged = check !== undefined && check.removalOff !== this.sentRemovalOff;
    clearTimeout(this.recheckTimer);
    if ((check?.removalOff ?? this.sentRemovalOff) === true) {
      this.recheckTimer = setTimeout(
        guarded(() => this.schedule()),
        CHECK_EVERY_MS,
      );
    }
    const listEnd = content.listEnd ?? null;
    const listEndChanged = listEnd !== null && listEnd !== this.sentListEnd;
    if (cards.length === 0 && counts === this.sentCounts && !verdictChanged && !listEndChanged) {
      return;
    }
    const previousListEnd = this.sentListEnd;
    this.sentListEnd = listEnd;
    if (check !== undefined) this.sentRemovalOff = check.removalOff;
    const previousCounts = this.sentCounts;
    this.sentCounts = counts;
    // The following page's people go as `follows`, the followers page's as
    // `followers`, each with `listEnd`.
    const rows = content.follows
      ? { cards: [], follows: cards, listEnd }
      : content.followers
        ? { cards: [], followers: cards, listEnd }
        : { cards };

    const message = {
      type: "page-reading",
      reading: {
        page: this.target.page,
        url: location.href,
        recognised: true,
        generation: content.generation,
        reason: null,
        language: pageLanguage(),
        counts: { ...this.counts },
        ...rows,
        member: navMember(),
        check,
        visible: !document.hidden,
      },
    };
    if (this.target.page === "invitations") {
      // The rows are invitations, not connection cards (contract: `cards: []`).
      Object.assign(message.reading, { cards: [], invitations: cards, listEnd });
    }
    // A list page in a language whose step words netprune lacks: read, and
    // said so, so the background holds its steps back (only when so: the
    // readings of pages it can act on are as they were).
    const actionOff = stepWordsMissing(
      this.target.page,
      message.reading.language,
      content.generation,
    );
    if (actionOff !== null) Object.assign(message.reading, { actionOff });
    this.readingsSent += 1;
    const readingNumber = this.readingsSent;
    const delivery = deliver(message);
    delivery.then(
      guarded(({ delivered, answer }) => {
        if (delivered) this.collecting?.heard(answer, readingNumber);
        if (delivered && answer && typeof answer === "object" && "taught" in answer) {
          tab.taught = taughtWords(/** @type {{ taught: unknown }} */ (answer).taught);
        }
        if (delivered || this.stopped) return;
        // Undelivered: send these with the next reading, even if their
        // rows have left the DOM by then.
        cards.forEach((card, index) => {
          const key = sentKeys[index];
          this.sentCards.delete(key);
          if (!this.captured.has(key)) this.captured.set(key, card);
        });
        if (this.sentCounts === counts) this.sentCounts = previousCounts;
        if (this.sentListEnd === listEnd) this.sentListEnd = previousListEnd;
      }),
    );
    return delivery;
  }

  /**
   * Read now instead of once the page settles.
   * @returns {Promise<unknown>} settled once that reading, if any, is delivered or given up on
   */
  flush() {
    clearTimeout(this.settleTimer);
    this.settleTimer = 0;
    return this.read() ?? Promise.resolve();
  }

  giveUp() {
    if (this.recognised || this.stopped) return;
    if (this.target.page === "profile") {
      // Someone else's profile (or one we cannot tell is the member's):
      // never read, and no reason to keep watching it.
      this.stop();
      return;
    }
    // Keep observing: if a known list turns up late, it is still read.
    deliver({
      type: "page-reading",
      reading: {
        page: this.target.page,
        url: location.href,
        recognised: false,
        generation: null,
        reason: REASONS[this.target.page],
        language: pageLanguage(),
        counts: emptyCounts(this.target.page),
        cards: [],
        member: navMember(),
        check: this.target.page === "connections" ? pageCheck() : null,
      },
    });
  }
}

/**
 * The counts a page's readings carry, none known yet: the sent invitations
 * page's carry its total too.
 * @param {Target["page"]} page
 * @returns {Counts}
 */
function emptyCounts(page) {
  const counts = { connections: null, followers: null, following: null };
  return page === "invitations" ? { ...counts, invitations: null } : counts;
}
