// @ts-check
// Acting on the page the way a member does: a wheel turn and a scroll of the
// list's scroller, a pointer's press, a key typed into a box. Nothing here
// decides what to press; the collect run and the steps do.

const SCROLLING_OVERFLOW = /^(?:auto|scroll|overlay)$/;

/** @typedef {import("../markups/types.js").ListMarkup} Markup a connections generation or the following page's */
// Zoom and high-density screens leave scroll positions a fraction of a
// pixel short of the bottom.
const BOTTOM_SLACK_PX = 4;
// Instant, not smooth: a smooth scroll that is still animating when the
// next step starts is cut short where it stands, so at short delays (a
// development install's) the list would barely move and read as stalled.
// Instant also overrides a page's own `scroll-behavior: smooth`.
export const SCROLL_BEHAVIOR = "instant";
/**
 * What the member scrolls to move through the list: the nearest ancestor
 * of the cards that scrolls by itself (the 2026 list lives in its own
 * pane), else the page.
 * @param {Markup} markup
 * @returns {Element}
 */
export function listScroller(markup) {
  for (
    let node = markup.firstCard()?.parentElement;
    node && node !== document.body && node !== document.documentElement;
    node = node.parentElement
  ) {
    // Geometry first: it rules out most ancestors without computing style.
    if (
      node.scrollHeight > node.clientHeight &&
      SCROLLING_OVERFLOW.test(getComputedStyle(node).overflowY)
    ) {
      return node;
    }
  }
  // scrollingElement is the root in standards mode and <body> in quirks.
  return document.scrollingElement ?? document.documentElement;
}

/** @param {Element} scroller the height of its visible part */
export const visibleHeight = (scroller) => scroller.clientHeight || window.innerHeight;

/**
 * Move the list by `delta` pixels as a member's wheel does: a wheel event
 * on the list (some 2026 lists load more only on wheel events; a
 * synthetic one scrolls nothing by itself), then the scroll.
 * @param {Element} scroller
 * @param {number} delta
 * @param {Element | null} [over] the element under the pointer, when the scroller is the page
 */
export function scrollStep(scroller, delta, over = null) {
  const target =
    scroller === document.scrollingElement || scroller === document.documentElement
      ? (over ?? document.body)
      : scroller;
  const rect = target.getBoundingClientRect();
  target.dispatchEvent(
    new WheelEvent("wheel", {
      bubbles: true,
      cancelable: true,
      composed: true,
      deltaY: delta,
      deltaMode: 0,
      clientX: rect.left + rect.width / 2,
      clientY: rect.top + Math.min(rect.height, window.innerHeight) / 2,
    }),
  );
  scroller.scrollBy({ top: delta, behavior: SCROLL_BEHAVIOR });
}

/** @param {Element} scroller */
export const atBottom = (scroller) =>
  Math.ceil(scroller.scrollTop) + visibleHeight(scroller) >=
  scroller.scrollHeight - BOTTOM_SLACK_PX;

/**
 * Press `element` as a pointer does, at its position: pointerdown,
 * mousedown (which focuses it), pointerup, mouseup, then click.
 * @param {Element} element
 */
export function pointerClick(element) {
  const rect = element.getBoundingClientRect();
  const at = {
    bubbles: true,
    cancelable: true,
    composed: true,
    clientX: rect.left + rect.width / 2,
    clientY: rect.top + rect.height / 2,
    button: 0,
  };
  const Pointer = typeof PointerEvent === "function" ? PointerEvent : MouseEvent;
  const pointer = { pointerId: 1, pointerType: "mouse", isPrimary: true };
  element.dispatchEvent(new Pointer("pointerdown", { ...at, ...pointer, buttons: 1 }));
  const focus = element.dispatchEvent(new MouseEvent("mousedown", { ...at, buttons: 1 }));
  if (focus && element instanceof HTMLElement) element.focus({ preventScroll: true });
  element.dispatchEvent(new Pointer("pointerup", { ...at, ...pointer, buttons: 0 }));
  element.dispatchEvent(new MouseEvent("mouseup", { ...at, buttons: 0 }));
  element.dispatchEvent(new MouseEvent("click", { ...at, buttons: 0, detail: 1 }));
}

/**
 * One key as the member types it: keydown, keypress, the new value set
 * through the native setter (React tracks the value property, so a plain
 * assignment can go unnoticed) with its input event, then keyup.
 * @param {HTMLInputElement} box
 * @param {string} key the key's value ("a", "Backspace")
 * @param {string} value the box's value after the key
 * @param {string} inputType the input event's inputType
 */
export function keystroke(box, key, value, inputType) {
  const init = { key, bubbles: true, cancelable: true, composed: true };
  const proceed = box.dispatchEvent(new KeyboardEvent("keydown", init));
  if (proceed && key.length === 1) box.dispatchEvent(new KeyboardEvent("keypress", init));
  if (proceed) {
    const setter =
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set ??
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), "value")?.set;
    if (setter) setter.call(box, value);
    else box.value = value;
    box.dispatchEvent(
      new InputEvent("input", {
        bubbles: true,
        composed: true,
        data: key.length === 1 ? key : null,
        inputType,
      }),
    );
  }
  box.dispatchEvent(new KeyboardEvent("keyup", init));
}

/**
 * The Escape key pressed on `target` (keydown, then keyup), as a member
 * leaves a dialog without pressing any of its buttons.
 * @param {Element} target
 */
export function escapeKey(target) {
  const init = { key: "Escape", code: "Escape", bubbles: true, cancelable: true, composed: true };
  target.dispatchEvent(new KeyboardEvent("keydown", init));
  target.dispatchEvent(new KeyboardEvent("keyup", init));
}
