// @ts-check
// Small DOM and value helpers the extension pages share: showing and hiding,
// list items and paragraphs as text, required elements, and coercing what
// storage or the core answered (objects, lists, index arrays).

// Small DOM helpers.

/**
 * The core's optional extras (help, suggestions, saved queries) never stop
 * the page: a failure shows the fallback.
 *
 * @template T
 * @param {() => T} compute
 * @param {T} fallback
 * @returns {T}
 */
export function attempt(compute, fallback) {
  try {
    return compute();
  } catch {
    return fallback;
  }
}

/** @param {unknown} value @returns {any} */
export function asObject(value) {
  return value && typeof value === "object" ? value : null;
}

/** @param {unknown} value @returns {any[]} */
export function listOf(value) {
  return Array.isArray(value) ? value : [];
}

/** @param {unknown} value */
export function asIndices(value) {
  if (value instanceof Uint32Array) return value;
  return Uint32Array.from(/** @type {ArrayLike<number>} */ (value ?? []));
}

/**
 * @param {ParentNode} root
 * @param {string} selector
 */
export function part(root, selector) {
  return query(root, selector);
}

/**
 * @param {Document} doc
 * @param {HTMLElement} child
 */
export function listItem(doc, child) {
  const item = doc.createElement("li");
  item.append(child);
  return item;
}

/**
 * @param {Document} doc
 * @param {string} text
 */
export function paragraph(doc, text) {
  const p = doc.createElement("p");
  p.textContent = text;
  return p;
}

/**
 * @param {HTMLElement} element
 * @param {boolean} visible
 */
export function show(element, visible) {
  element.hidden = !visible;
}

/**
 * A missing element is a broken review.html, not a state to render around.
 *
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement}
 */
export function query(root, selector) {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`review.html has no ${selector}`);
  return /** @type {HTMLElement} */ (element);
}

/**
 * Says `text` in a status line, marked as an error or not.
 *
 * @param {HTMLElement} statusLine
 * @param {string} text
 * @param {boolean} [isError]
 */
export function setStatus(statusLine, text, isError = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle("is-error", isError);
}
