// @ts-check
// The popup's DOM helpers: finding an element popup.html must have (a missing
// one is a broken page, never a state to draw around), showing or hiding it,
// and whether a focused control is still visible.

/**
 * @param {Element} element
 * @param {boolean} visible
 */
export function show(element, visible) {
  /** @type {HTMLElement} */ (element).hidden = !visible;
}

/**
 * @param {Document} doc
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(doc, id) {
  return query(doc, `#${id}`);
}

/**
 * @param {Document} doc
 * @param {string} testId
 * @returns {HTMLElement}
 */
export function byTestId(doc, testId) {
  return query(doc, `[data-testid="${testId}"]`);
}

/**
 * A missing element is a broken popup.html, not a state to render around.
 *
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement}
 */
export function query(root, selector) {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`popup.html has no ${selector}`);
  return /** @type {HTMLElement} */ (element);
}

/**
 * Whether `element` is shown: connected, and neither it nor an ancestor up
 * to `root` is hidden or disabled.
 *
 * @param {HTMLElement} element
 * @param {HTMLElement} root
 */
export function isVisibleIn(element, root) {
  if (!element.isConnected || !root.contains(element)) return false;
  if (/** @type {HTMLButtonElement} */ (element).disabled) return false;
  for (
    let node = /** @type {HTMLElement | null} */ (element);
    node && node !== root;
    node = node.parentElement
  ) {
    if (node.hidden) return false;
  }
  return true;
}
