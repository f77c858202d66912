// The untranslated-string check of the page tests: which of English's words
// (the en/messages.json messages a language words differently) still show on
// a page drawn in that language, in a text node or in an aria-label,
// placeholder, title, alt or the data-missing a stylesheet shows. English
// messages are cut at their `$1`… substitutions; a piece counts when it has a word of three letters or more,
// is found as whole words (case as written), and is not also one of the
// language's own words (a name such as "LinkedIn", or "Pause" in German).
import { messagesOf } from "./messages.mjs";

// data-missing: shown by the stylesheet (content: attr(data-missing)).
const ATTRIBUTES = ["aria-label", "placeholder", "title", "alt", "data-missing"];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wholeWords = (piece) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escape(piece)}(?![\\p{L}\\p{N}])`, "u");

/** The English pieces that must not show in `language`, each with its key. */
export function englishPieces(language) {
  const english = messagesOf("en");
  const own = messagesOf(language);
  const ownTexts = Object.values(own).map((entry) => entry.message);
  const pieces = [];
  for (const [key, entry] of Object.entries(english)) {
    if (own[key]?.message === entry.message) continue;
    for (const raw of entry.message.split(/\$\d/)) {
      const piece = raw.trim().replace(/^[\s,.:;()]+|[\s,.:;()]+$/g, "");
      if (!/\p{L}{3,}/u.test(piece)) continue;
      const pattern = wholeWords(piece);
      if (ownTexts.some((text) => pattern.test(text))) continue;
      pieces.push({ key, piece, pattern });
    }
  }
  return pieces;
}

/** Every text a member can read or hear on the page: text nodes and labelling attributes. */
export function pageTexts(doc) {
  const texts = [];
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue.replace(/\s+/g, " ").trim();
    if (text) texts.push({ where: describe(node.parentElement), text });
  }
  for (const attribute of ATTRIBUTES) {
    for (const element of doc.querySelectorAll(`[${attribute}]`)) {
      const text = element.getAttribute(attribute).trim();
      if (text) texts.push({ where: `${describe(element)}[${attribute}]`, text });
    }
  }
  if (doc.title) texts.push({ where: "title", text: doc.title });
  return texts;
}

function describe(element) {
  if (!element) return "?";
  const id = element.id ? `#${element.id}` : "";
  const testId = element.dataset?.testid ? `[data-testid=${element.dataset.testid}]` : "";
  return `${element.tagName.toLowerCase()}${id}${testId}`;
}

/**
 * The English left on `doc`, one line each ("where: "text" has "piece" (key)").
 * `data` lists texts that are the member's data (names, headlines), not UI:
 * they are cut out of each text before it is checked.
 */
export function untranslated(doc, language, data = []) {
  const pieces = englishPieces(language);
  const found = [];
  const byLength = [...data].sort((a, b) => b.length - a.length);
  for (const { where, text } of pageTexts(doc)) {
    // The data inside a sentence ("Select Queued Six") is cut out first.
    const words = byLength.reduce((rest, value) => rest.split(value).join("\u0000"), text);
    for (const { key, piece, pattern } of pieces) {
      if (pattern.test(words)) found.push(`${where}: "${text}" has "${piece}" (${key})`);
    }
  }
  return [...new Set(found)];
}
