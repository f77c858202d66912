// @ts-check
// The review page's keyboard: moving through the list (arrows or j/k, Page
// Up/Down, Home/End), Space to select the person, Shift for a range, "/" to
// search, "a" to select everyone shown, "?" for the help, Escape to close a
// disclosure. Every shortcut is listed in the "?" help (review.html). None
// fires while the member types in a field, nor under the removal
// confirmation, nor with Ctrl, Alt or Meta (the browser's own shortcuts).

import { FALLBACK_VIEWPORT_PX, ROW_HEIGHT } from "./rows.js";

/** @typedef {import("./types.js").Page} Page */

/**
 * Whether a key pressed on `target` is typing: a text field, a list box,
 * an editable region. A check box is not (Space there is ours).
 *
 * @param {EventTarget | null} target
 */
export function isTyping(target) {
  const element = /** @type {Element | null} */ (target);
  if (!element || typeof element.closest !== "function") return false;
  if (element.closest("textarea, select, [contenteditable=''], [contenteditable='true']")) {
    return true;
  }
  const input = element.closest("input");
  return Boolean(input) && !["checkbox", "radio", "button", "submit"].includes(input.type);
}

/**
 * @param {Page} page
 */
export function createKeyboard(page) {
  const { doc, ui } = page;

  /** The row element `target` is in, if any. @param {EventTarget | null} target */
  const rowOf = (target) =>
    /** @type {HTMLElement | null} */ (
      /** @type {Element} */ (target)?.closest?.('[data-testid="person-row"]') ?? null
    );

  /** The position a move starts from: the focused row's, or the list's tab stop. */
  function currentPosition(/** @type {EventTarget | null} */ target) {
    const element = rowOf(target);
    return element ? Number(element.dataset.position) : page.activePosition;
  }

  /**
   * Moves to `position`; with Shift, selects everyone from the anchor to it.
   *
   * @param {number} from
   * @param {number} position
   * @param {boolean} range
   * @param {EventTarget | null} target
   */
  function move(from, position, range, target) {
    const last = page.matches.length - 1;
    const to = Math.min(Math.max(0, position), last);
    if (range) {
      if (page.selectionAnchor === null) page.selectionAnchor = from;
      page.selectRange(page.selectionAnchor, to);
    }
    const onBox = /** @type {Element | null} */ (target)?.classList?.contains("row-select");
    page.moveTo(to, onBox ? ".row-select" : ".row-main");
  }

  /** @param {HTMLDetailsElement} details @param {boolean} open */
  function setOpen(details, open) {
    details.open = open;
    if (!open) /** @type {HTMLElement | null} */ (details.querySelector("summary"))?.focus();
  }

  /** @param {KeyboardEvent} event */
  function onKeydown(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (ui.view.hidden || /** @type {HTMLDialogElement} */ (ui.queueDialog).open) return;
    if (event.key === "Escape") {
      const inside = (/** @type {Element} */ element) =>
        element.contains(/** @type {Node} */ (event.target));
      if (ui.helpPopover.open && (inside(ui.helpPopover) || !isTyping(event.target))) {
        event.preventDefault();
        setOpen(ui.helpPopover, false);
      } else if (ui.moreMenu.classList.contains("is-open")) {
        event.preventDefault();
        page.setMoreOpen(false, inside(ui.moreMenu));
      }
      return;
    }
    if (isTyping(event.target)) return;

    const inRow = rowOf(event.target) !== null;
    const key = event.key;
    const pageRows = Math.max(
      1,
      Math.floor((ui.scroller.clientHeight || FALLBACK_VIEWPORT_PX) / ROW_HEIGHT) - 1,
    );
    const from = currentPosition(event.target);
    /** @type {Record<string, number>} */
    const moves = {
      j: from + 1,
      J: from + 1,
      k: from - 1,
      K: from - 1,
    };
    // The arrows and the page keys move only inside the list; j/k from anywhere.
    if (inRow) {
      Object.assign(moves, {
        ArrowDown: from + 1,
        ArrowUp: from - 1,
        PageDown: from + pageRows,
        PageUp: from - pageRows,
        Home: 0,
        End: page.matches.length - 1,
      });
    }
    if (key in moves) {
      if (page.matches.length === 0) return;
      event.preventDefault();
      // From outside the list, j/k go to the list's current person first.
      const target = inRow ? moves[key] : page.activePosition;
      move(from, target, event.shiftKey && inRow, event.target);
      return;
    }
    if (key === " " && inRow) {
      // Space selects; Enter (the row's button) opens the details.
      event.preventDefault();
      page.activePosition = from;
      page.toggleAt(from, event.shiftKey);
      return;
    }
    if (key === "/") {
      event.preventDefault();
      ui.input.focus();
      ui.input.select();
      return;
    }
    if (key === "?") {
      event.preventDefault();
      setOpen(ui.helpPopover, !ui.helpPopover.open);
      if (ui.helpPopover.open)
        /** @type {HTMLElement} */ (ui.helpPopover.querySelector("summary")).focus();
      return;
    }
    if (key === "a" && !event.shiftKey) {
      if (page.matches.length === 0) return;
      event.preventDefault();
      page.selectAllMatching();
    }
  }

  /** A click outside the help or the "More" menu closes it, as a menu does. */
  function onPointerdown(/** @type {Event} */ event) {
    const target = /** @type {Node} */ (event.target);
    if (ui.helpPopover.open && !ui.helpPopover.contains(target)) ui.helpPopover.open = false;
    if (!ui.moreMenu.contains(target)) page.setMoreOpen(false);
  }

  doc.addEventListener("keydown", onKeydown);
  doc.addEventListener("pointerdown", onPointerdown);

  return {
    stopKeyboard() {
      doc.removeEventListener("keydown", onKeydown);
      doc.removeEventListener("pointerdown", onPointerdown);
    },
  };
}
