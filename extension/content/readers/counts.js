// @ts-check
// The totals a page states ("1,234 connections", "Followers (312)"): found
// in the page's text by the count labels of every language (../words.js),
// left as LinkedIn printed them. The Rust core parses them; this never does.

import { HIDDEN_TEXT, collapse } from "../lib/dom.js";
import { COUNT_PATTERNS } from "../words.js";

/** @typedef {import("../markups/types.js").Counts} Counts */

// Longer texts are sentences or cards, not a count label.
const MAX_COUNT_LABEL_LENGTH = 60;

/**
 * The first number token labelled with each wanted noun, searched in text
 * outside `skip` (the cards: a headline like "500 followers in a week" is
 * not the member's count). Walks text nodes rather than elements so that a
 * list of thousands of cards is skipped whole instead of stringified.
 *
 * @param {Element} scope
 * @param {("connections" | "followers" | "following" | "invitations")[]} kinds
 * @param {string | null} skip
 * @returns {Counts}
 */
export function findCounts(scope, kinds, skip) {
  /** @type {Counts} */
  const found = { connections: null, followers: null, following: null, invitations: null };
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = /** @type {Element} */ (node);
      if ((skip && element.matches(skip)) || element.matches(HIDDEN_TEXT)) {
        return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_SKIP;
    },
  });
  let missing = kinds.length;
  for (let node = walker.nextNode(); node && missing > 0; node = walker.nextNode()) {
    if (!/\d/.test(/** @type {Text} */ (node).data)) continue;
    // The label is the number's own element or a close ancestor:
    // "<span>1,234</span> followers" is one label two levels up at most.
    let element = node.parentElement;
    for (let depth = 0; element && depth < 3; depth += 1) {
      const text = collapse(element.textContent ?? "");
      if (text.length > MAX_COUNT_LABEL_LENGTH) break;
      for (const kind of kinds) {
        if (found[kind] !== null) continue;
        for (const pattern of COUNT_PATTERNS[kind]) {
          const match = pattern.exec(text);
          if (match) {
            found[kind] = match[1];
            missing -= 1;
            break;
          }
        }
      }
      if (element === scope) break;
      element = element.parentElement;
    }
  }
  return found;
}

// An exact count as printed ("1,217", "1.217", "1 217", "61").
export const EXACT_COUNT = /^\d{1,3}(?:[,.'\u00a0\u202f ]\d{3})*$/;
