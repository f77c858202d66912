// @ts-check
// The extension pages in the member's language: every word the popup, the
// review page (and side panel) and the options page show comes from
// _locales/<language>/messages.json through the browser's i18n.getMessage,
// and numbers, dates and plural forms follow the language those words are in.
//
// - `t(key, ...substitutions)`: one message; substitutions fill `$1`…`$9`.
// - `tn(key, n, ...substitutions)`: a message with a number, in the plural
//   form the language's `Intl.PluralRules` picks for n. Such a message has one
//   key per CLDR form, `<key>_one`, `<key>_other` (and `_few`, `_many`,
//   `_two`, `_zero` where a language needs them); `_other` is the one every
//   language must have and the fallback for any form a language leaves out.
//   `$1` is n, formatted for the language; further substitutions are `$2`….
// - `localise(doc, extension)`: at page start, chooses the language and fills
//   every `data-i18n` (textContent), `data-i18n-aria-label`,
//   `data-i18n-placeholder` and `data-i18n-title` of the page from its key,
//   and sets `<html lang>` (which popup/format.js's formatters read).
//
// Which language: the one the browser picked the messages in, named by the
// `locale` message of each messages.json ("de", "pt-BR"), so that the plural
// forms and the digits always match the words around them (a browser in a
// language netprune is not translated into gets English words, English
// plurals and English digits, never "1.234" in an English sentence).
//
// A key the messages lack never leaves a control blank: the browser already
// falls back to English (the manifest's default_locale) for a key one
// language lacks; a key English lacks too shows as the key itself and is
// recorded in `missingKeys`, which the page tests require to stay empty.

/**
 * @typedef {{ getMessage: (key: string, substitutions?: string[]) => string,
 *   getUILanguage?: () => string }} I18nApi
 */

/** @type {I18nApi | null} */
let source = browserI18n();
/** @type {string} */
let language = "en";
/** @type {Intl.PluralRules} */
let pluralRules = new Intl.PluralRules("en");

/**
 * The browser's own i18n API (lib/browser.js's `api`, named here directly
 * because that module words its errors through this one).
 *
 * @returns {I18nApi | null}
 */
function browserI18n() {
  const scope = /** @type {any} */ (globalThis);
  return (scope.browser ?? scope.chrome)?.i18n ?? null;
}

/** Keys asked for that no messages.json holds (tests require none). */
export const missingKeys = new Set();

/**
 * Chooses where messages come from: the page's extension API (tests pass a
 * stub) or the browser's. Returns the language of the messages.
 *
 * @param {any} [extension]
 */
export function useMessages(extension) {
  source = extension?.i18n ?? browserI18n();
  const named = source ? String(source.getMessage("locale") || "") : "";
  language = /^[a-z]{2,3}(-[A-Z]{2})?$/.test(named) ? named : "en";
  pluralRules = new Intl.PluralRules(language);
  return language;
}

/** The language of the words on the page ("en", "de", "pt-BR"): for Intl. */
export function uiLanguage() {
  return language;
}

/**
 * One message, its `$1`… filled with `substitutions`.
 *
 * @param {string} key
 * @param {...(string | number)} substitutions
 * @returns {string}
 */
export function t(key, ...substitutions) {
  const found = lookup(key, substitutions);
  if (found !== null) return found;
  missingKeys.add(key);
  return key;
}

/**
 * @param {string} key
 * @param {(string | number)[]} substitutions
 * @returns {string | null}
 */
function lookup(key, substitutions) {
  if (!source) return null;
  const text = source.getMessage(
    key,
    substitutions.map((s) => String(s)),
  );
  return typeof text === "string" && text !== "" ? text : null;
}

/** @type {Map<string, Intl.NumberFormat>} */
const numberFormats = new Map();

/**
 * A whole number as the language writes it ("1,234", "1.234", "1 234").
 *
 * @param {number} n
 */
export function formatNumber(n) {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    numberFormats.set(language, format);
  }
  return format.format(n);
}

/**
 * A message with a count in the language's plural form: `<key>_<form>`,
 * `<key>_other` when the language has no message of its own for that form.
 * `$1` is `n` as the language writes it.
 *
 * @param {string} key
 * @param {number} n
 * @param {...(string | number)} substitutions
 */
export function tn(key, n, ...substitutions) {
  return tnAs(key, n, formatNumber(n), ...substitutions);
}

/**
 * `tn` with `$1` written by the caller (a decimal, "4.5"): the form is still
 * the one the language picks for `n`.
 *
 * @param {string} key
 * @param {number} n
 * @param {string} shown
 * @param {...(string | number)} substitutions
 */
export function tnAs(key, n, shown, ...substitutions) {
  const all = [shown, ...substitutions];
  const form = pluralRules.select(n);
  return lookup(`${key}_${form}`, all) ?? t(`${key}_other`, ...all);
}

/** The attributes `localise` fills, each from the key in `data-i18n-<attribute>`. */
const ATTRIBUTES = ["aria-label", "placeholder", "title"];

/**
 * Puts the page into the member's language: `<html lang>`, and every
 * `data-i18n*` element of `root` (the whole document, or a template's clone).
 *
 * @param {Document} doc
 * @param {any} [extension]
 */
export function localise(doc, extension) {
  doc.documentElement.lang = useMessages(extension);
  fillTexts(doc);
  for (const template of doc.querySelectorAll("template")) fillTexts(template.content);
}

/**
 * Fills the `data-i18n*` elements under `root`.
 *
 * @param {ParentNode} root
 */
export function fillTexts(root) {
  for (const element of root.querySelectorAll("[data-i18n]")) {
    element.textContent = t(/** @type {string} */ (element.getAttribute("data-i18n")));
  }
  for (const attribute of ATTRIBUTES) {
    for (const element of root.querySelectorAll(`[data-i18n-${attribute}]`)) {
      const key = /** @type {string} */ (element.getAttribute(`data-i18n-${attribute}`));
      element.setAttribute(attribute, t(key));
    }
  }
}
