// @ts-check
// Learning LinkedIn's removal words from the member (docs/ARCHITECTURE.md,
// "Teaching a language"). In a language netprune has no removal words for,
// the review page asks the member to remove one person by hand on the
// connections page; this watch records what they press: the card's menu
// button, the menu item, and the dialog's confirm button (each one's words
// and place in the markup), and sends them once the person's card has left
// the list. It clicks nothing, reads only the member's own clicks on this
// page, and what it sends goes to the background only; the member sees the
// words on the review page and confirms them before netprune uses them.

import {
  BUTTON,
  accessibleName,
  collapse,
  dialogPlace,
  fold,
  isShown,
  placeOf,
  spacedText,
  visibleText,
} from "./lib/dom.js";
import { deliver } from "./lib/runtime.js";
import { DIALOG, MARKUPS, cardKey, cardName, cardOf, detectGeneration } from "./markups/index.js";
import { pageLanguage, statedTotal } from "./readers/page-check.js";
import { CLOSE_NAMES } from "./words.js";

/** How long the watch waits for the member before giving up. */
export const TEACH_LIMIT_MS = 10 * 60_000;
/** How long after the confirm the card has to leave the list. */
const PROOF_LIMIT_MS = 20_000;
/** A dialog closed this long with the card still listed was not a removal. */
const CLOSED_GRACE_MS = 3_000;
const PROOF_POLL_MS = 250;

// What a menu item may be (as the removal step clicks them).
const CLICKABLE =
  'button, a[href], [role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"], [role="option"], [role="button"]';

/**
 * The card menu button's label as a pattern: the person's name as
 * "{name}", or the label itself when it does not name them (the same on
 * every card), or null without a label.
 * @param {string} label
 * @param {string | null} name
 */
export function labelPattern(label, name) {
  const text = collapse(label);
  if (text === "") return null;
  if (name) {
    const at = text.toLowerCase().indexOf(name.toLowerCase());
    if (at >= 0) return `${text.slice(0, at)}{name}${text.slice(at + name.length)}`;
  }
  return text;
}

/**
 * One teach-once watch on this tab: started by the background
 * (`teach-watch`), ended by an observation, a failure, the limit, or
 * `teach-stop`.
 */
export class TeachWatch {
  constructor() {
    /** @type {{ generation: string, slug: string, name: string, label: string | null } | null} */
    this.trigger = null;
    /** @type {{ text: string, role: string } | null} */
    this.item = null;
    this.done = false;
    /** whether a confirm's outcome is being watched (clicks wait) */
    this.proving = false;
    this.onClick = this.onClick.bind(this);
    this.limit = setTimeout(
      () => this.fail("nobody was removed by hand within ten minutes"),
      TEACH_LIMIT_MS,
    );
    document.addEventListener("click", this.onClick, true);
  }

  stop() {
    this.done = true;
    clearTimeout(this.limit);
    document.removeEventListener("click", this.onClick, true);
  }

  /** @param {string} reason */
  fail(reason) {
    if (this.done) return;
    this.stop();
    void deliver({ type: "teach-observed", ok: false, reason });
  }

  /** @param {Event} event */
  onClick(event) {
    if (this.done || this.proving || !(event.target instanceof Element)) return;
    const target = event.target;
    const generation = detectGeneration();
    if (!generation) return;
    const markup = MARKUPS[generation];
    const dialog = target.closest(DIALOG);
    const card = dialog ? null : markup.enclosingCard(target);
    const button = target.closest(BUTTON);
    if (card && !button) return;
    if (card && button && !target.closest("a[href]")) {
      // A button on a card: the card's menu button, the start of a removal.
      const slug = cardKey(card);
      const name = cardName(generation, card);
      if (slug && name) {
        this.trigger = { generation, slug, name, label: button.getAttribute("aria-label") };
        this.item = null;
      }
      return;
    }
    if (!this.trigger) return;
    if (!dialog) {
      const clickable = target.closest(CLICKABLE);
      const text = clickable ? visibleText(clickable) : "";
      if (clickable && text !== "" && isShown(clickable)) {
        this.item = { text, role: placeOf(clickable) };
      }
      return;
    }
    if (!this.item || !button) return;
    const name = accessibleName(button);
    if (CLOSE_NAMES.some((names) => names.includes(name.toLowerCase()))) {
      // Cancelled: the next removal starts again from the card.
      this.trigger = null;
      this.item = null;
      return;
    }
    void this.prove(dialog, button);
  }

  /**
   * After the confirm: the words count only if the person's card leaves
   * the list (or the stated total drops by one). A dialog closed without
   * that (a Cancel in words netprune does not know) was not a removal: the
   * watch carries on from the next card.
   * @param {Element} dialog
   * @param {Element} button
   */
  async prove(dialog, button) {
    const trigger = /** @type {NonNullable<TeachWatch["trigger"]>} */ (this.trigger);
    const item = /** @type {NonNullable<TeachWatch["item"]>} */ (this.item);
    const dialogText = spacedText(dialog);
    const words = {
      language: pageLanguage() ?? "",
      menuItem: item.text,
      confirm: accessibleName(button),
      menuButton: trigger.label ? labelPattern(trigger.label, trigger.name) : null,
      itemRole: item.role,
      dialogTag: dialogPlace(dialog),
      dialogSaysItem: dialogText.includes(item.text),
    };
    const namesThem = fold(dialogText).includes(fold(trigger.name.split(" ")[0] ?? ""));
    const totalBefore = statedTotal();
    this.proving = true;
    const until = Date.now() + PROOF_LIMIT_MS;
    let closedAt = Infinity;
    while (Date.now() < until && !this.done) {
      await new Promise((resolve) => setTimeout(resolve, PROOF_POLL_MS));
      if (!dialog.isConnected || !isShown(dialog)) closedAt = Math.min(closedAt, Date.now());
      const total = statedTotal();
      const gone =
        cardOf(trigger.generation, trigger.slug) === null ||
        (totalBefore !== null && total === totalBefore - 1);
      if (gone) {
        this.stop();
        await deliver({
          type: "teach-observed",
          ok: true,
          words,
          person: { slug: trigger.slug, name: trigger.name },
          dialogNamedThem: namesThem,
        });
        return;
      }
      if (Date.now() - closedAt > CLOSED_GRACE_MS) break;
    }
    // Not a removal: nothing learned from it; the member may try again.
    this.proving = false;
    this.trigger = null;
    this.item = null;
  }
}
