// @ts-check
// Small DOM and value helpers the extension pages share: showing and hiding,
// whether a control is still visible, list items and paragraphs as text,
// required elements (by selector, id or data-testid; a missing one is a broken
// page, never a state to draw around), and coercing what storage or the core
// answered (objects, lists, index arrays).

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
 * @param {Element} element
 * @param {boolean} visible
 */
export function show(element, visible) {
  /** @type {HTMLElement} */ (element).hidden = !visible;
}

/**
 * A missing element is a broken page (its .html), not a state to render around.
 *
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement}
 */
export function query(root, selector) {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`${pageName(root)} has no ${selector}`);
  return /** @type {HTMLElement} */ (element);
}

/**
 * The page's file name for an error ("popup.html"), or "the page".
 *
 * @param {ParentNode} root
 */
function pageName(root) {
  const doc = /** @type {Document} */ (/** @type {Node} */ (root).ownerDocument ?? root);
  const path = doc?.location?.pathname ?? "";
  return /\.html$/.test(path) ? path.slice(path.lastIndexOf("/") + 1) : "the page";
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
 * A page's lookups, bound to its document, for the tables of elements the
 * pages look up once at start: one element by id or data-testid, or a table
 * of them (`{ name: "id" }` gives `{ name: element }`).
 *
 * @param {Document} doc
 */
export function lookups(doc) {
  const id = (/** @type {string} */ name) => byId(doc, name);
  const testId = (/** @type {string} */ name) => byTestId(doc, name);
  return {
    id,
    testId,
    /**
     * @template {string} K
     * @param {Record<K, string>} table
     * @returns {Record<K, HTMLElement>}
     */
    ids: (table) => lookAll(table, id),
    /**
     * @template {string} K
     * @param {Record<K, string>} table
     * @returns {Record<K, HTMLElement>}
     */
    testIds: (table) => lookAll(table, testId),
  };
}

/**
 * @template {string} K
 * @param {Record<K, string>} table
 * @param {(name: string) => HTMLElement} look
 * @returns {Record<K, HTMLElement>}
 */
function lookAll(table, look) {
  return /** @type {Record<K, HTMLElement>} */ (
    Object.fromEntries(Object.entries(table).map(([key, name]) => [key, look(String(name))]))
  );
}

/** @param {HTMLElement} element */
export const asButton = (element) => /** @type {HTMLButtonElement} */ (element);

/** @param {HTMLElement} element */
export const asInput = (element) => /** @type {HTMLInputElement} */ (element);

/**
 * @template {string} K
 * @param {Record<K, HTMLElement>} table
 */
export const asButtons = (table) => /** @type {Record<K, HTMLButtonElement>} */ (table);

/**
 * @template {string} K
 * @param {Record<K, HTMLElement>} table
 */
export const asInputs = (table) => /** @type {Record<K, HTMLInputElement>} */ (table);

/**
 * @template {string} K
 * @param {Record<K, HTMLElement>} table
 */
export const asAnchors = (table) => /** @type {Record<K, HTMLAnchorElement>} */ (table);

/**
 * @template {string} K
 * @param {Record<K, HTMLElement>} table
 */
export const asDetails = (table) => /** @type {Record<K, HTMLDetailsElement>} */ (table);

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
