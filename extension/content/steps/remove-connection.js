// @ts-check
// The removal step (`remove-step`): finds one person on the connections page
// and removes them through LinkedIn's own menu and dialog (or, in verify
// mode, only looks for them). docs/ARCHITECTURE.md, "The removal queue".
//
// Adding an action kind (withdrawing an invitation, unfollowing) is adding
// a file beside this one: a class extending Step (./step.js) with its own
// perform(), the words it needs as a block in linkedin/words/<lang>.json
// (read through ../words.js), the markup it clicks as fields of each
// generation (../markups/), and its message type in ./index.js.

import {
  collapse,
  dialogPlace,
  fold,
  isShown,
  labelled,
  outermost,
  peopleCount,
  placeOf,
  quote,
  seconds,
  shownMatching,
  spacedText,
  visibleText,
} from "../lib/dom.js";
import {
  MARKUPS,
  MENU,
  cardName,
  cardOf,
  connectionCards,
  detectGeneration,
  menuButtons,
} from "../markups/index.js";
import { pageLanguage, statedTotal } from "../readers/page-check.js";
import { Step, closeButtonOf, dialogsOnShow, newDialogs } from "./step.js";
import { troubleShown, warning } from "../trouble.js";
import { LIMIT_WORDS, removalWords } from "../words.js";

/** @typedef {import("./step.js").StepResult} StepResult */
/** @typedef {import("./step.js").StepRequest} StepRequest */
/** @typedef {import("./step.js").StepRules} StepRules */
/** @typedef {import("./step.js").Outcome} Outcome */
/** @typedef {import("../words.js").RemovalWords} RemovalWords */

// What a menu item may be.
const CLICKABLE =
  'button, a[href], [role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"], [role="option"], [role="button"], [tabindex]:not([tabindex="-1"])';
/**
 * Whether a dialog's text names this person: their whole name, or (the
 * 2026 dialog usually shows only that, docs/LINKEDIN.md) their first name
 * as a whole word.
 * @param {string} text
 * @param {string} name
 */
function namesThem(text, name) {
  const words = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  if (fold(text).includes(fold(name))) return true;
  const first = fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .find((word) => word !== "");
  return first !== undefined && words.includes(` ${first} `);
}

/**
 * The part of the page a newly shown label belongs to: its menu, or the
 * largest element around it that does not hold the menu button (a
 * popover's own root).
 * @param {Element} element
 * @param {Element} trigger
 */
function menuAround(element, trigger) {
  const menu = element.closest(MENU);
  if (menu) return menu;
  let container = element;
  while (
    container.parentElement &&
    container.parentElement !== document.body &&
    container.parentElement !== document.documentElement &&
    !container.parentElement.contains(trigger)
  ) {
    container = container.parentElement;
  }
  return container;
}

/**
 * Elements on show whose whole text is the "Remove connection" item's, in
 * the page's language.
 * @param {RemovalWords} words
 */
const removeLabels = (words) => words.menuItems.flatMap((item) => labelled(item));

/**
 * What is on show before a click, to tell what the click opened.
 * @param {RemovalWords} words
 */
function snapshot(words) {
  return {
    menus: new Set(shownMatching(MENU)),
    labels: new Set(removeLabels(words)),
    dialogs: dialogsOnShow(),
  };
}

/**
 * The menus on show that were not before, by the trigger's aria-controls,
 * by role, or around a "Remove connection" that was not on show before.
 * @param {Element} trigger
 * @param {ReturnType<typeof snapshot>} before
 * @param {RemovalWords} words
 */
function newMenus(trigger, before, words) {
  /** @type {Element[]} */
  const menus = [];
  const controlled = trigger.getAttribute("aria-controls");
  const target = controlled ? document.getElementById(controlled) : null;
  if (target && isShown(target) && !before.menus.has(target)) menus.push(target);
  for (const menu of shownMatching(MENU)) {
    if (!before.menus.has(menu) && !menu.contains(trigger)) menus.push(menu);
  }
  for (const label of removeLabels(words)) {
    if (before.labels.has(label) || menus.some((menu) => menu.contains(label))) continue;
    menus.push(menuAround(label, trigger));
  }
  return outermost([...new Set(menus)]);
}

/**
 * One remove-step: finds one person on the connections page and removes
 * them through LinkedIn's own menu and dialog (or, in verify mode, only
 * looks for them), then reports what it saw. It clicks only the person's
 * card menu button, the "Remove connection" item, the dialog's confirm or
 * cancel button, and the page's own name search box; it stops at the
 * first thing it does not recognise.
 */
export class RemovalStep extends Step {
  /**
   * @param {StepRequest} request
   * @param {StepRules} rules
   */
  constructor(request, rules) {
    super(request, rules, "removal-outcome");
    /** the page's language when the step began */
    this.language = pageLanguage();
    /** @type {RemovalWords | null} the words this step clicks by: the page language's, or none */
    this.pageWords = removalWords(this.language, request.taught ?? []);
    /**
     * The same, once perform() has made sure there are some: only the
     * methods it calls afterwards read it.
     * @type {RemovalWords}
     */
    this.words = /** @type {RemovalWords} */ (/** @type {unknown} */ (null));
  }

  /** The "Remove connection" item's words in the page's language, for messages. */
  get item() {
    return this.words.menuItems[0];
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
    if (this.pageWords === null && mode !== "verify") {
      // docs/LINKEDIN.md, "Languages": a click is made only by words seen
      // on LinkedIn in this language, or taught by the member in it.
      const why = `this page is in “${this.language}”, a language netprune knows no removal words in (LinkedIn's own, or taught on the review page), so it clicks nothing here`;
      return this.trouble(why, `${why}, before netprune did anything`);
    }
    if (this.pageWords) this.words = this.pageWords;
    const generation = await this.until(detectGeneration, this.rules.waitLimitMs);
    if (typeof generation !== "string") {
      return (
        generation ??
        this.failed(`no connections list found after ${seconds(this.rules.waitLimitMs)}`)
      );
    }
    this.generation = generation;

    if (mode === "verify") {
      const found = await this.search();
      if (!("listed" in found)) return found;
      return found.listed === true
        ? {
            outcome: { kind: "still-there" },
            observed: `a name search for ${quote(name)} still lists ${this.path}`,
          }
        : {
            outcome: { kind: "removed" },
            observed: `a name search for ${quote(name)} no longer lists ${this.path}: ${found.evidence}`,
          };
    }

    let card = cardOf(generation, this.slug);
    let via = "on the list";
    if (!card) {
      const found = await this.search();
      if (!("listed" in found)) return found;
      if (found.listed === false) {
        const others =
          found.namesakes === 0
            ? ""
            : `; ${found.namesakes} other ${found.namesakes === 1 ? "person" : "people"} of that name left alone`;
        return {
          outcome: { kind: "not-found" },
          observed: `a name search for ${quote(name)} lists nobody linking to ${this.path} (${found.evidence})${others}`,
        };
      }
      card = found.card;
      via = "through a name search";
    }
    return this.remove(card, via);
  }

  /**
   * Menu, item, dialog, confirm (or cancel in a dry run), then the proof.
   * @param {Element} card
   * @param {string} via how the card was found, for `observed`
   * @returns {Promise<StepResult>}
   */
  async remove(card, via) {
    const generation = /** @type {string} */ (this.generation);
    const shownName = cardName(generation, card) ?? this.request.name;

    const opened = await this.openMenu();
    if ("outcome" in opened) return opened;
    const { menu } = opened;
    const item = this.checkMenu(menu);
    if ("outcome" in item) return item;

    const before = snapshot(this.words);
    const stillHere = this.checkCard();
    if (stillHere) return stillHere;
    const chosen = await this.press(item.element);
    if (chosen) return chosen;

    const appeared = await this.until(() => {
      const dialogs = newDialogs(before.dialogs);
      return dialogs.length > 0 ? dialogs : null;
    }, this.rules.dialogWaitMs);
    if (!Array.isArray(appeared)) {
      return appeared ?? this.failed(`no dialog appeared after choosing “${this.item}”`);
    }
    if (appeared.length > 1) {
      const why = `${appeared.length} dialogs opened at once after choosing “${this.item}”`;
      return this.trouble(why, why, "unexpected-dialog");
    }
    const dialog = appeared[0];
    const confirm = this.checkDialog(dialog, shownName);
    if ("outcome" in confirm) {
      // Never its confirm: its Cancel, when it has a clear one.
      return this.leaveDialog(dialog, confirm);
    }

    if (this.request.dryRun) {
      const close = closeButtonOf(dialog);
      if (!close) {
        return this.failed(
          `the dialog for ${quote(shownName)} has no Cancel button to close it with`,
        );
      }
      const cancelled = await this.press(close);
      if (cancelled) return cancelled;
      const gone = await this.until(() => !isShown(dialog) || null, this.rules.dialogCloseWaitMs);
      if (gone !== true) return gone ?? this.failed("the dialog stayed open after pressing Cancel");
      return {
        outcome: { kind: "removed" },
        observed: `dry run: reached the ${this.item} button for ${shownName}; not pressed`,
      };
    }

    const stillThere = this.checkCard();
    if (stillThere) return stillThere;
    const totalBefore = statedTotal();
    const pressed = await this.press(confirm, () => this.checkCard());
    if (pressed) return pressed;
    this.confirmed = true;
    this.totalBefore = totalBefore;
    const proof = await this.proveGone(dialog, shownName, via);
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
   * After confirming, proof that they are gone: the stated total dropping
   * by one, or the card leaving a list that still shows others; a card
   * that lingers (or a list left empty) is looked up again with the name
   * search, which needs positive evidence too.
   * @param {Element} dialog
   * @param {string} shownName
   * @param {string} via
   * @returns {Promise<StepResult>}
   */
  async proveGone(dialog, shownName, via) {
    const generation = /** @type {string} */ (this.generation);
    const confirmedAt = Date.now();
    const removed = (/** @type {string} */ how) => {
      this.troubleAfter = troubleShown();
      return {
        outcome: /** @type {Outcome} */ ({ kind: "removed" }),
        observed: `confirmed “${this.item}” for ${shownName} (${this.path}, found ${via}); ${how}`,
      };
    };
    const evidence = () => {
      const total = statedTotal();
      if (this.totalBefore !== null && total === this.totalBefore - 1) {
        return `the stated total dropped from ${this.totalBefore} to ${total}`;
      }
      if (cardOf(generation, this.slug) !== null) return null;
      const others = connectionCards(generation).length;
      return others > 0 ? `the card left the list, which still shows ${peopleCount(others)}` : null;
    };
    const left = await this.until(evidence, this.rules.leaveFirstWaitMs);
    if (typeof left === "string") return removed(left);
    if (left) return left;
    // The dialog must be gone before the search box behind it is used.
    const closed = await this.until(
      () => (!dialog.isConnected || !isShown(dialog) ? true : null),
      Math.max(0, confirmedAt + this.rules.leaveWaitMs - Date.now()),
    );
    if (closed !== true) return closed ?? this.failed("the dialog stayed open after confirming");
    while (Date.now() - confirmedAt < this.rules.leaveWaitMs) {
      const seen = this.searchBox ? null : evidence();
      if (seen) return removed(seen);
      const found = await this.search();
      if (!("listed" in found)) return found;
      if (found.listed === false) {
        return removed(`a name search no longer lists them: ${found.evidence}`);
      }
      const waited = await this.until(() => null, this.rules.researchPauseMs);
      if (waited) return waited;
    }
    return this.failed("the card was still listed after confirming");
  }

  /**
   * Open the card's own menu: one retry, for the menu that does not open
   * on the first click.
   * @returns {Promise<StepResult | { menu: Element }>}
   */
  async openMenu() {
    for (const waitMs of [this.rules.menuWaitMs, this.rules.menuRetryWaitMs]) {
      /** @type {{ element: HTMLElement }} */
      let trigger = { element: document.createElement("button") };
      const before = snapshot(this.words);
      const pressed = await this.press(() => {
        // Found afresh right before the click: a virtualized row may have
        // been recycled for someone else in the meantime.
        const found = this.menuTrigger();
        if ("outcome" in found) return found;
        trigger = found;
        return found.element;
      });
      if (pressed) return pressed;
      const opened = await this.until(() => {
        const dialogs = newDialogs(before.dialogs);
        if (dialogs.length > 0) return { dialogs };
        const menus = newMenus(trigger.element, before, this.words);
        if (menus.length > 0) return { menus };
        return null;
      }, waitMs);
      if (opened && "outcome" in opened) return opened;
      if (opened && "dialogs" in opened) {
        const why = "the card's menu button opened a dialog instead of a menu";
        return this.trouble(why, why, "unexpected-dialog");
      }
      if (opened && "menus" in opened) {
        if (opened.menus.length > 1) {
          const why = `${opened.menus.length} menus opened at once from the card's menu button`;
          return this.trouble(why, why, "unexpected-menu");
        }
        return { menu: opened.menus[0] };
      }
      if (trigger.element.getAttribute("aria-expanded") === "true") {
        const why = `the card's menu opened without a “${this.item}” item netprune could find`;
        return this.trouble(why, why, "unexpected-menu");
      }
    }
    return this.failed(`the card's menu did not open after two clicks on its menu button`);
  }

  /**
   * The card's own menu button, checked to belong to this person's card.
   * @returns {StepResult | { element: HTMLElement }}
   */
  menuTrigger() {
    const generation = /** @type {string} */ (this.generation);
    const card = cardOf(generation, this.slug);
    if (!card)
      return this.failed(`the card for ${this.path} left the page before its menu was opened`);
    const name = cardName(generation, card);
    const candidates = menuButtons(generation, card, this.words);
    if (candidates.length === 0) return this.failed(`no menu button on the card for ${this.path}`);
    if (candidates.length > 1) {
      const why = `the card for ${this.path} has ${candidates.length} menu buttons`;
      return this.trouble(why, why, "unexpected-menu");
    }
    const trigger = /** @type {HTMLElement} */ (candidates[0]);
    const label = collapse(trigger.getAttribute("aria-label") ?? "");
    const named = this.words.menuButtonFor
      .map((pattern) => pattern.exec(label))
      .find((match) => match !== null);
    if (named && name !== null && fold(named[1]) !== fold(name)) {
      const why = `the menu button on the card for ${this.path} is labelled for ${quote(named[1])}`;
      return this.trouble(why, why, "unexpected-menu");
    }
    return { element: trigger };
  }

  /**
   * The menu's one "Remove connection" item. The menu may hold other items
   * (no public source shows it holds only that one), but exactly one of
   * them must be "Remove connection", or nothing is chosen.
   * @param {Element} menu
   * @returns {StepResult | { element: HTMLElement }}
   */
  checkMenu(menu) {
    const text = spacedText(menu);
    const clickable = outermost(
      [...menu.querySelectorAll(CLICKABLE)].filter(
        (element) => isShown(element) && this.words.menuItems.includes(visibleText(element)),
      ),
    );
    const items =
      clickable.length > 0
        ? clickable
        : outermost(
            removeLabels(this.words).filter(
              (element) => menu.contains(element) && element !== menu,
            ),
          );
    const occurrences = removeLabels(this.words).filter((element) => menu.contains(element)).length;
    if (items.length > 1 || occurrences > 1) {
      const why = `the card's menu shows more than one “${this.item}” item (${quote(text)})`;
      return this.trouble(why, why, "unexpected-menu");
    }
    if (items.length === 0) {
      const why = `the card's menu has no “${this.item}” item (${quote(text)})`;
      return this.trouble(why, why, "unexpected-menu");
    }
    const taught = this.words.taught;
    if (taught && placeOf(items[0]) !== taught.itemRole) {
      const why = `the card's menu has its “${this.item}” as a ${placeOf(items[0])}, not the ${taught.itemRole} netprune was taught`;
      return this.trouble(why, why, "unexpected-menu");
    }
    return { element: /** @type {HTMLElement} */ (items[0]) };
  }

  /**
   * The dialog must be the remove-connection dialog of this generation,
   * for this person; answers its confirm button.
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
      const reason = `a dialog that is not the remove-connection dialog for ${shownName} opened (${why}): ${quote(text)}`;
      return this.trouble(reason, reason, "unexpected-dialog");
    };
    const taught = this.words.taught;
    if (taught && dialogPlace(dialog) !== taught.dialogTag) {
      return wrong(`a ${dialogPlace(dialog)}, not the ${taught.dialogTag} netprune was taught`);
    }
    const markup = MARKUPS[/** @type {string} */ (this.generation)];
    const confirms = markup.confirmButtons(dialog, this.words);
    if (!Array.isArray(confirms)) return wrong(confirms.wrong);
    if (confirms.length === 0) return wrong("no remove-connection confirm button");
    if (confirms.length > 1) return wrong(`${confirms.length} confirm buttons`);
    const says = this.words.dialogSays;
    if (markup.dialogSaysItem && says.length > 0 && !says.some((item) => text.includes(item))) {
      return wrong(`it never says “${this.item}”`);
    }
    if (!namesThem(text, shownName)) return wrong(`it does not name ${shownName}`);
    return /** @type {HTMLElement} */ (confirms[0]);
  }

  /**
   * Before a click on the card's behalf: the card is still there and
   * still this person's.
   * @returns {StepResult | null}
   */
  checkCard() {
    const card = cardOf(/** @type {string} */ (this.generation), this.slug);
    return card ? null : this.failed(`the card for ${this.path} left the page mid-step`);
  }
}
