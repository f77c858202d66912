// @ts-check
// The sent invitations page's reader: its rows (each person's link, name,
// headline where the markup shows one, the "Sent ..." line, and whether a
// note is attached where the markup shows a sign of one, never the note's
// text), its stated total ("People (1,100)"), and whether the end of the
// list is on screen (`listEnd`). docs/LINKEDIN.md, "Sent invitations".

import { findLoadButton, loadingShown } from "../collect/list.js";
import { mainScope } from "../lib/dom.js";
import { atBottom, listScroller } from "../lib/input.js";
import { cardKey } from "../markups/index.js";
import { INVITATION_MARKUPS, detectInvitationGeneration } from "../markups/invitations.js";
import { EXACT_COUNT, findCounts } from "./counts.js";

/** @typedef {import("../markups/types.js").PageContent} PageContent */
/** @typedef {import("../markups/types.js").Markup} Markup */
/** @typedef {import("../markups/types.js").Invitation} Invitation */

/**
 * The markup of an invitations generation as the list's reader, collector
 * and load button finder use it (the parts they share with the
 * connections page's).
 * @param {string} generation
 * @returns {Markup}
 */
export const listMarkup = (generation) =>
  /** @type {Markup} */ (/** @type {unknown} */ (INVITATION_MARKUPS[generation]));

/**
 * The row count the end of the list was last seen at (null: not since it
 * last grew or showed more to load): a member who saw the end and scrolled
 * back up a little has still seen it.
 * @typedef {{ rows: number | null }} EndSeen
 */

/**
 * Whether the end of the list has been on screen: its scroller at the
 * bottom, with no load button, next page or spinner below the rows, and
 * nothing added since. A list shorter than the total it states is not at
 * its end, whatever its scroller says.
 * @param {string} generation
 * @param {string | null} total the stated total as shown
 * @param {EndSeen} seen updated
 */
export function listEndShown(generation, total, seen) {
  const markup = listMarkup(generation);
  const rows = markup.cardsWithin(document.documentElement).length;
  const short =
    total !== null && EXACT_COUNT.test(total) && rows < Number(total.replace(/\D/g, ""));
  if (
    short ||
    INVITATION_MARKUPS[generation].nextPage() ||
    findLoadButton(markup) ||
    loadingShown(markup)
  ) {
    seen.rows = null;
    return false;
  }
  if (atBottom(listScroller(markup))) seen.rows = rows;
  return seen.rows === rows;
}

/**
 * @param {(key: string) => boolean} known rows already sent or captured on this page view
 * @param {EndSeen} seen where the end of the list was seen, on this page view
 * @returns {PageContent | null}
 */
export function readInvitationsPage(known, seen) {
  const generation = detectInvitationGeneration();
  if (generation === null) return null;
  const markup = INVITATION_MARKUPS[generation];
  /** @type {Invitation[]} */
  const invitations = [];
  for (const element of markup.cardsWithin(document.documentElement)) {
    const key = cardKey(element);
    if (key === null || known(key)) continue;
    const row = markup.read(element);
    if (row) invitations.push(row);
  }
  // The total is in the page's tabs ("People (1,100)"), never in a row.
  const { invitations: total } = findCounts(mainScope(), ["invitations"], markup.skip);
  return {
    generation,
    counts: { connections: null, followers: null, following: null, invitations: total },
    cards: [],
    invitations,
    listEnd: listEndShown(generation, total, seen),
    markup: listMarkup(generation),
  };
}
