// @ts-check
// LinkedIn's words, as the content script matches them: built from the word
// tables in linkedin/words/<language>.json (one per UI language, bundled by
// esbuild's JSON loader; the Rust core reads the same files). This module owns
// turning those tables into the lists and regular expressions the readers,
// trouble detection and steps use; it holds no word itself.
//
// Supporting LinkedIn in another language is adding linkedin/words/<lang>.json
// (with an `evidence` string per block) and listing it in TABLES below.
// Blocks a table leaves out are simply not matched in that language.

import en from "../../linkedin/words/en.json";
import fr from "../../linkedin/words/fr.json";
import de from "../../linkedin/words/de.json";
import es from "../../linkedin/words/es.json";
import pt from "../../linkedin/words/pt.json";
import it from "../../linkedin/words/it.json";
import nl from "../../linkedin/words/nl.json";
import pl from "../../linkedin/words/pl.json";
import tr from "../../linkedin/words/tr.json";

/**
 * @typedef {object} WordTable one UI language's words (linkedin/words/<lang>.json)
 * @property {string} language
 * @property {Record<string, string>} [evidence] where each block's words were seen
 * @property {string[]} [removeConnection]
 * @property {string[]} [moreActionsFor]
 * @property {string[]} [menuButtonNames]
 * @property {string[]} [menuButtonFor]
 * @property {string[]} [showMoreActions]
 * @property {string[]} [confirmRemove]
 * @property {string[][]} [closeDialog]
 * @property {string[]} [loadMore]
 * @property {string[]} [profilePictureAlt]
 * @property {{ connections?: string[], followers?: string[], following?: string[] }} [counts]
 * @property {string[]} [followingSentence]
 * @property {string[]} [limitWarnings]
 * @property {string[]} [restrictedWords]
 * @property {string[]} [errorPage]
 * @property {string[]} [searchBoxPlaceholder]
 * @property {{ search?: string[], subject?: string[] }} [searchBoxWords]
 * @property {{ prefix?: string, prefixes?: string[] }} [connected]
 */

/** @type {WordTable[]} English first: messages name the first word of a block. */
const TABLES = /** @type {WordTable[]} */ ([en, fr, de, es, pt, it, nl, pl, tr]);

/**
 * Every language's words of one block, in table order, without repeats.
 * @param {(table: WordTable) => string[] | undefined} block
 * @returns {string[]}
 */
function wordsOf(block) {
  return [...new Set(TABLES.flatMap((table) => block(table) ?? []))];
}

/** @param {string} text a word, made safe to put in a regular expression */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** @param {string[]} fragments alternatives, as one non-capturing group's inside */
const anyOf = (fragments) => fragments.join("|");

// A count as LinkedIn prints it: grouped digits ("1,234", "1 234",
// "1.234"), or a short figure ("3.4", "12"), optionally followed by an
// abbreviation ("3.4K", "1.2M") or a plus ("500+").
const NUMBER = String.raw`(?:\d{1,3}(?:[,.' ]\d{3})+|\d+(?:[.,]\d+)?)(?:\s?[KkMm](?!\p{L})|\+)?`;

/** The kinds of count a page states. */
const COUNT_KINDS = /** @type {const} */ (["connections", "followers", "following"]);

/** @type {Record<string, RegExp[]>} each count's label, in every language */
export const COUNT_PATTERNS = {};
for (const kind of COUNT_KINDS) {
  const nouns = anyOf(wordsOf((table) => table.counts?.[kind]));
  COUNT_PATTERNS[kind] = [
    // "1,234 connections", "500+ connections", "3.4K followers"
    new RegExp(`^(${NUMBER})\\s*(?:${nouns})$`, "iu"),
    // "Connections (1,234)", "Followers: 3.4K", "Following 312"
    new RegExp(`^(?:${nouns})\\s*[(:·]?\\s*(${NUMBER})\\s*\\)?$`, "iu"),
  ];
}
// "You are following 4 people"
for (const sentence of wordsOf((table) => table.followingSentence)) {
  COUNT_PATTERNS.following.push(new RegExp(`^${sentence.replace("{n}", `(${NUMBER})`)}$`, "iu"));
}

// The "Connected ..." line; used only to tell it from a headline when a card
// has a single line besides the name. English's word is the core's own
// (`connected.prefix`); the other tables list theirs as `connected.prefixes`.
export const CONNECTED_LINE = new RegExp(
  `^(?:${anyOf(
    wordsOf((table) => [
      ...(table.connected?.prefix ? [escape(table.connected.prefix)] : []),
      ...(table.connected?.prefixes ?? []),
    ]),
  )})(?!\\p{L})`,
  "iu",
);

// The avatar's only text is its alt, "<Name>’s profile picture".
export const PICTURE_ALT = new RegExp(
  `^(.+?)(?:${anyOf(wordsOf((table) => table.profilePictureAlt))})$`,
  "u",
);

// Every "load more" button's whole accessible name, lower-cased.
export const LOAD_MORE_NAMES = new Set(
  wordsOf((table) => table.loadMore).map((name) => name.toLowerCase()),
);

/** The menu item (and the 2026 dialog's confirm button) that removes a connection. */
export const REMOVE_ITEMS = wordsOf((table) => table.removeConnection);
/** What messages call it. */
export const REMOVE_ITEM = REMOVE_ITEMS[0];
/** The artdeco card menu button's label prefixes, each followed by a space. */
export const ARTDECO_TRIGGER_PREFIXES = wordsOf((table) => table.moreActionsFor).map(
  (prefix) => `${prefix} `,
);
/** The react-2025 card menu button's whole label. */
export const REACT_TRIGGER_LABELS = wordsOf((table) => table.showMoreActions);
// The 2026 page names its card menu button like artdeco did, or only says
// it opens a menu; either way it is the card's one such button.
export const SDUI_TRIGGER_NAME = new RegExp(
  `^(?:${anyOf(wordsOf((table) => table.menuButtonNames).map(escape))})\\b`,
  "i",
);
/** A menu button's label that names its person: the name is the group. */
export const MENU_BUTTON_FOR = new RegExp(
  `^(?:${anyOf(wordsOf((table) => table.menuButtonFor).map(escape))}) (.+)$`,
  "i",
);
/** The artdeco dialog's confirm button names, lower-cased. */
export const CONFIRM_NAMES = wordsOf((table) => table.confirmRemove).map((name) =>
  name.toLowerCase(),
);
/** A dialog's ways out, in order of preference, lower-cased. */
export const CLOSE_NAMES = (() => {
  /** @type {string[][]} */
  const ranks = [];
  for (const table of TABLES) {
    (table.closeDialog ?? []).forEach((names, rank) => {
      ranks[rank] = [...new Set([...(ranks[rank] ?? []), ...names.map((n) => n.toLowerCase())])];
    });
  }
  return ranks;
})();

// What LinkedIn says when it limits or suspects a member.
export const LIMIT_WORDS = new RegExp(anyOf(wordsOf((table) => table.limitWarnings)), "i");
// Which of those is a restriction of the account rather than a limit.
export const RESTRICTED_WORDS = new RegExp(anyOf(wordsOf((table) => table.restrictedWords)), "i");
// LinkedIn's error pages for HTTP 429 and its own 999.
export const ERROR_PAGE_WORDS = new RegExp(anyOf(wordsOf((table) => table.errorPage)), "i");

/** The name search box's placeholders. */
export const SEARCH_PLACEHOLDERS = wordsOf((table) => table.searchBoxPlaceholder);
/** A search box for names says a search word... */
export const SEARCH_WORD = new RegExp(anyOf(wordsOf((table) => table.searchBoxWords?.search)), "i");
/** ...and a subject word. */
export const SEARCH_SUBJECT = new RegExp(
  anyOf(wordsOf((table) => table.searchBoxWords?.subject)),
  "i",
);
