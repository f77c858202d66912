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
import ja from "../../linkedin/words/ja.json";

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
 * @property {string[]} [followingButton]
 * @property {string[]} [stopFollowingFor]
 * @property {string[]} [followButton]
 * @property {string[]} [followFor]
 * @property {string[]} [confirmUnfollow]
 * @property {{ connections?: string[], followers?: string[], following?: string[] }} [counts]
 * @property {string[]} [followingSentence]
 * @property {string[]} [limitWarnings]
 * @property {string[]} [restrictedWords]
 * @property {string[]} [errorPage]
 * @property {string[]} [searchBoxPlaceholder]
 * @property {{ search?: string[], subject?: string[] }} [searchBoxWords]
 * @property {{ prefix?: string, prefixes?: string[], before?: string[], after?: string[], sentPrefix?: string, agoSuffix?: string }} [connected]
 * @property {{ button?: string[], buttonFor?: string[], confirm?: string[], confirmFor?: string[],
 *   dialogTitle?: string[], total?: string[], generations?: string[] }} [withdrawInvitation] the sent
 *   invitations page's words; `generations`, where present, names the only markup generations
 *   their evidence shows (absent: every generation)
 */

/** @type {WordTable[]} English first: messages name the first word of a block. */
const TABLES = /** @type {WordTable[]} */ ([en, fr, de, es, pt, it, nl, pl, tr, ja]);

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
// (`connected.prefix`); the other tables list theirs as `connected.prefixes`
// (fragments), and the words the core reads before or after a date
// (`connected.before`: "Bağlantı kurulma tarihi:", `connected.after`:
// "につながりました") mark the line too.
const CONNECTED_BEFORE = wordsOf((table) => [
  ...(table.connected?.prefix ? [escape(table.connected.prefix)] : []),
  ...(table.connected?.prefixes ?? []),
  ...(table.connected?.before ?? []).map(escape),
]);
const CONNECTED_AFTER = wordsOf((table) => (table.connected?.after ?? []).map(escape));
export const CONNECTED_LINE = new RegExp(
  `^(?:${anyOf(CONNECTED_BEFORE)})(?!\\p{L})` +
    (CONNECTED_AFTER.length > 0 ? `|(?:${anyOf(CONNECTED_AFTER)})$` : ""),
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

/**
 * A page's language tag as the tables and the core compare it: lower-cased,
 * "_" as "-" ("pt_BR" and "pt-BR" are "pt-br"); "" when the page says none.
 * @param {string | null | undefined} tag
 */
export const normalTag = (tag) => (tag ?? "").trim().toLowerCase().replace(/_/g, "-");

/** @type {Map<string, WordTable>} */
const BY_LANGUAGE = new Map(TABLES.map((table) => [normalTag(table.language), table]));

/**
 * The word table of a page in `tag`: its own ("pt-br"), else its primary
 * language's ("pt"); English for a page that states no language (the core
 * reads such a page as English too); null for a language with no table.
 * @param {string | null | undefined} tag
 * @returns {WordTable | null}
 */
export function tableFor(tag) {
  const normal = normalTag(tag);
  if (normal === "") return en;
  return BY_LANGUAGE.get(normal) ?? BY_LANGUAGE.get(normal.split("-")[0]) ?? null;
}

/**
 * Whether a table knows every word a removal clicks by: the menu item (which
 * the 2026 dialog's confirm button repeats) and the card menu button's label
 * naming its person. The core applies the same rule to the same files
 * (build.rs, `REMOVAL_LANGUAGES`); tests/content/remove-languages.test.mjs
 * holds the two together.
 * @param {WordTable} table
 */
export const removesIn = (table) =>
  (table.removeConnection?.length ?? 0) > 0 && (table.menuButtonFor?.length ?? 0) > 0;

/** The languages netprune removes in from its own tables. */
export const REMOVAL_LANGUAGES = TABLES.filter(removesIn).map((table) => table.language);

/**
 * What a member taught netprune in a language its tables do not remove in
 * (the review page's "teach" flow, kept by the core per account): the words
 * on the menu item and the confirm button they pressed, and where each was.
 * @typedef {object} LearnedWords
 * @property {string} language the page's language when they were learned
 * @property {string} menuItem the menu item's whole visible text
 * @property {string} confirm the confirm button's accessible name
 * @property {string | null} menuButton the card menu button's label with the
 *   person's name as "{name}", or null when it did not name them
 * @property {string} itemRole the menu item's role ("menuitem", "button"...)
 * @property {string} dialogTag "dialog" (native) or the dialog's role
 * @property {boolean} dialogSaysItem whether the dialog repeated the item's words
 */

/**
 * The well-formed entries of what the background sent as taught words
 * (anything else is dropped: a malformed entry teaches nothing).
 * @param {unknown} value
 * @returns {LearnedWords[]}
 */
export function taughtWords(value) {
  if (!Array.isArray(value)) return [];
  const text = (/** @type {unknown} */ v) => typeof v === "string" && v.trim() !== "";
  return value.filter(
    (words) =>
      words !== null &&
      typeof words === "object" &&
      text(words.language) &&
      text(words.menuItem) &&
      text(words.confirm) &&
      text(words.itemRole) &&
      text(words.dialogTag) &&
      typeof words.dialogSaysItem === "boolean" &&
      (words.menuButton === null || text(words.menuButton)),
  );
}

/**
 * The words one removal clicks by, all in the page's language.
 * @typedef {object} RemovalWords
 * @property {string[]} menuItems the "Remove connection" item's whole texts
 * @property {string[]} confirms the 2026 dialog's confirm names, lower-cased
 * @property {string[]} artdecoConfirms the artdeco dialog's confirm names, lower-cased
 * @property {string[]} dialogSays words the remove dialog must show
 * @property {string[]} artdecoTriggerPrefixes the artdeco menu button's label prefixes
 * @property {string[]} menuLabels a card menu button's whole labels, the same on every card
 * @property {RegExp} sduiTrigger a 2026 menu button's label
 * @property {RegExp[]} menuButtonFor labels naming their person (group 1)
 * @property {LearnedWords | null} taught what was learned, to check the places by
 */

/** A regular expression that never matches. */
const NEVER = /(?!)/;

/**
 * @param {string[]} patterns labels with "{name}" where the person's name stands
 * @returns {RegExp[]}
 */
const namePatterns = (patterns) =>
  patterns.map((pattern) => {
    const [before, after = ""] = pattern.split("{name}");
    return new RegExp(`^${escape(before)}(.+?)${escape(after)}$`, "iu");
  });

/**
 * The removal words for a page in `tag`: its table's when that table removes
 * (`removesIn`), else what the member taught netprune in that language,
 * else null: netprune reads such a page but clicks nothing on it.
 * @param {string | null | undefined} tag the page's <html lang>
 * @param {LearnedWords[]} [learned] what the member taught, in any language
 * @returns {RemovalWords | null}
 */
export function removalWords(tag, learned = []) {
  const table = tableFor(tag);
  const lower = (/** @type {string[]} */ names) => names.map((name) => name.toLowerCase());
  if (table && removesIn(table)) {
    const items = table.removeConnection ?? [];
    return {
      menuItems: items,
      confirms: lower(items),
      artdecoConfirms: lower(table.confirmRemove ?? []),
      dialogSays: items,
      artdecoTriggerPrefixes: (table.moreActionsFor ?? []).map((prefix) => `${prefix} `),
      menuLabels: table.showMoreActions ?? [],
      sduiTrigger: (table.menuButtonNames ?? []).length
        ? new RegExp(`^(?:${anyOf((table.menuButtonNames ?? []).map(escape))})\\b`, "iu")
        : NEVER,
      menuButtonFor: namePatterns(table.menuButtonFor ?? []),
      taught: null,
    };
  }
  const taught =
    normalTag(tag) === ""
      ? undefined
      : learned.find((words) => normalTag(words.language) === normalTag(tag));
  if (!taught) return null;
  const named = taught.menuButton?.includes("{name}") ?? false;
  return {
    menuItems: [taught.menuItem],
    confirms: lower([taught.confirm]),
    artdecoConfirms: lower([taught.confirm]),
    dialogSays: taught.dialogSaysItem ? [taught.menuItem] : [],
    artdecoTriggerPrefixes: [],
    menuLabels: taught.menuButton && !named ? [taught.menuButton] : [],
    sduiTrigger: NEVER,
    menuButtonFor: taught.menuButton && named ? namePatterns([taught.menuButton]) : [],
    taught,
  };
}

/**
 * Every table's removal words at once: only to count a card's menu buttons
 * on a page whose language netprune cannot remove in (the page check),
 * never to click by.
 * @type {RemovalWords}
 */
export const ANY_LANGUAGE_WORDS = (() => {
  const all = TABLES.map((table) => removalWords(table.language)).filter((words) => words !== null);
  return {
    menuItems: all.flatMap((words) => words.menuItems),
    confirms: all.flatMap((words) => words.confirms),
    artdecoConfirms: all.flatMap((words) => words.artdecoConfirms),
    dialogSays: all.flatMap((words) => words.dialogSays),
    artdecoTriggerPrefixes: all.flatMap((words) => words.artdecoTriggerPrefixes),
    menuLabels: all.flatMap((words) => words.menuLabels),
    sduiTrigger: new RegExp(all.map((words) => words.sduiTrigger.source).join("|"), "iu"),
    menuButtonFor: all.flatMap((words) => words.menuButtonFor),
    taught: null,
  };
})();

/** Every language's "Remove connection" item: only to see one appear, never to click it. */
export const REMOVE_ITEMS = wordsOf((table) => table.removeConnection);
/** What messages call it. */
export const REMOVE_ITEM = REMOVE_ITEMS[0];
/**
 * A dialog's ways out, in order of preference, lower-cased, in every
 * language: pressing one never removes anyone.
 */
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
/** The react-2025 card menu button, whatever its label says. */
export const REACT_TRIGGER_VIEW = 'button[data-view-name="connections-remove-connection-dropdown"]';

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

/**
 * The words one unfollow clicks and proves by, all in the page's language.
 * @typedef {object} UnfollowWords
 * @property {string[]} following the row button's whole visible texts while followed, lower-cased
 * @property {RegExp[]} stopFollowingFor its labels naming the person (group 1)
 * @property {string[]} follow the button's whole visible texts once unfollowed, lower-cased
 * @property {RegExp[]} followFor its labels naming the person once unfollowed (group 1)
 * @property {string[]} confirms the confirm box's confirm names, lower-cased (none: no box is confirmed)
 */

/**
 * The unfollow words for a page in `tag`, or null where its table has no
 * "Following" and "Follow" with evidence: netprune reads such a page but
 * clicks nothing on it.
 * @param {string | null | undefined} tag the page's <html lang>
 * @returns {UnfollowWords | null}
 */
export function unfollowWords(tag) {
  const table = tableFor(tag);
  if (!table || !(table.followingButton ?? []).length || !(table.followButton ?? []).length) {
    return null;
  }
  const lower = (/** @type {string[] | undefined} */ names) =>
    (names ?? []).map((name) => name.toLowerCase());
  return {
    following: lower(table.followingButton),
    stopFollowingFor: namePatterns(table.stopFollowingFor ?? []),
    follow: lower(table.followButton),
    followFor: namePatterns(table.followFor ?? []),
    confirms: lower(table.confirmUnfollow),
  };
}

/** Every language's "Click to stop following <Name>": only to read a row's name, never to click. */
export const STOP_FOLLOWING_FOR = namePatterns(wordsOf((table) => table.stopFollowingFor));

// The sent invitations page's total, "People (1,100)" (../readers/counts.js).
COUNT_PATTERNS.invitations = [
  new RegExp(
    `^(?:${anyOf(wordsOf((table) => table.withdrawInvitation?.total))})\\s*[(:·]?\\s*(${NUMBER})\\s*\\)?$`,
    "iu",
  ),
];

/**
 * The words one withdrawal clicks by, all in the page's language.
 * @typedef {object} WithdrawWords
 * @property {string[]} buttons the row's Withdraw control's whole visible texts, lower-cased
 * @property {RegExp[]} buttonFor the control's labels naming their person (group 1)
 * @property {string[]} confirms the dialog's confirm button's whole visible texts, lower-cased
 * @property {RegExp[]} confirmFor the confirm's labels naming their person (group 1)
 * @property {string[]} dialogTitles the 2026 dialog's titles (none known: its confirm must
 *   then name the person)
 * @property {string[] | null} generations the only markup generations the words were seen on
 *   (null: all of them); a page of another generation is read, never clicked
 */

/**
 * The withdrawal words for a page in `tag`, or null when its table has no
 * Withdraw control and confirm with evidence: netprune reads such a page
 * but clicks nothing on it (nothing is taught for withdrawals).
 * @param {string | null | undefined} tag the page's <html lang>
 * @returns {WithdrawWords | null}
 */
export function withdrawWords(tag) {
  const block = tableFor(tag)?.withdrawInvitation;
  const lower = (/** @type {string[] | undefined} */ names) =>
    (names ?? []).map((name) => name.toLowerCase());
  if (!block || lower(block.button).length === 0 || lower(block.confirm).length === 0) return null;
  return {
    buttons: lower(block.button),
    buttonFor: namePatterns(block.buttonFor ?? []),
    confirms: lower(block.confirm),
    confirmFor: namePatterns(block.confirmFor ?? []),
    dialogTitles: block.dialogTitle ?? [],
    generations: block.generations ?? null,
  };
}

// A sent invitation's time line: "Sent 3 weeks ago", "Sent today", or
// artdeco's bare "1 month ago" (the core's `connected.sentPrefix` and
// `agoSuffix`); only to tell it from the row's other lines.
const SENT_BEFORE = wordsOf((table) =>
  table.connected?.sentPrefix ? [escape(table.connected.sentPrefix)] : [],
);
const SENT_AFTER = wordsOf((table) =>
  table.connected?.agoSuffix ? [escape(table.connected.agoSuffix)] : [],
);
export const SENT_START = new RegExp(`^(?:${anyOf(SENT_BEFORE)})(?!\\p{L})`, "iu");
export const SENT_LINE = new RegExp(
  `^(?:${anyOf(SENT_BEFORE)})(?!\\p{L})` +
    (SENT_AFTER.length > 0 ? `|\\s(?:${anyOf(SENT_AFTER)})$` : ""),
  "iu",
);

/**
 * Why netprune clicks nothing on `page` (the sent invitations or the
 * following page) shown in the language `tag` and markup `generation`: the
 * step's words there have no evidence (see `withdrawWords`,
 * `unfollowWords`), or were seen only on other generations of the page.
 * Null when it has them, and for any other page. The steps refuse with this
 * sentence, and a reading carries it (`actionOff`) so the background holds
 * those steps back.
 * @param {string} page
 * @param {string} tag the page's <html lang>, as `pageLanguage()` gives it
 * @param {string | null} [generation] the page's markup generation, once known
 * @returns {string | null}
 */
export function stepWordsMissing(page, tag, generation = null) {
  if (page === "invitations") {
    const words = withdrawWords(tag);
    if (words === null) {
      return `this page is in “${tag}”, a language netprune knows no Withdraw words in, so it clicks nothing here`;
    }
    const seenOn = words.generations;
    if (seenOn && generation && !seenOn.includes(generation)) {
      return `this page is in “${tag}”, whose Withdraw words netprune knows only on the ${seenOn.join(", ")} page, not on this ${generation} one, so it clicks nothing here`;
    }
  }
  if (page === "following" && unfollowWords(tag) === null) {
    return `this page is in “${tag}”, a language netprune knows no unfollow words in (LinkedIn's “Following” and “Follow”), so it clicks nothing here`;
  }
  return null;
}
