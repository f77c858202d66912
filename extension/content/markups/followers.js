// @ts-check
// The followers page (/mynetwork/network-manager/people-follow/followers/):
// how to find its rows in each markup generation the evidence shows, a row's
// person, whether the member follows them back, and whether the end of the
// list is on screen. Read only: netprune never presses anything here (no
// source shows a per-follower removal control, and netprune does not block).
// The evidence for every selector and word is in docs/LINKEDIN.md,
// "Followers" (from docs/research/2026-12-05-invitations-and-follows.md,
// section 3):
// - "search-entity": `div[data-view-name="search-entity-result-universal-template"]`
//   cards, "usually two links: image and name", the name link holding a
//   visually hidden "Status is reachable", the headline in
//   `div.t-14.t-black.t-normal` (a scraping tutorial, code-index id
//   45301083508);
// - "follows-cards": `.follows-recommendation-card` with
//   `.follows-recommendation-card__name` and `__occupation` (ids 67255417187,
//   30663031238 on the older followers URLs; id 21227386840 looks for the
//   same card on this URL).
// Each row's follow-back button says "Following" when the member follows
// them too, "Follow" when not (`span.artdeco-button__text`, frasermarlow
// li-unfollow @a2b0f406, id 21227386840). Rows without an `/in/` link are
// not people: skipped.

import { BUTTON, collapse, pageLanguage, visibleText } from "../lib/dom.js";
import { findLoadButton, loadingShown } from "../collect/list.js";
import { atBottom, listScroller, visibleHeight } from "../lib/input.js";
import { followingMarkup, generationOn } from "./following.js";
import { unfollowWords } from "../words.js";

/** @typedef {import("./types.js").ListMarkup} ListMarkup */
/** @typedef {import("./types.js").Follower} Follower */

const SEARCH_ENTITY_ROW = 'div[data-view-name="search-entity-result-universal-template"]';
const CARD_ROW = ".follows-recommendation-card";
// The follow-back button's label element (artdeco).
const BUTTON_TEXT = ".artdeco-button__text";

/**
 * Whether the member follows this follower back: true when the row's
 * button says "Following", false when it says "Follow", null when the row
 * shows no such button or the page's language has no words for it (it is
 * read, never pressed).
 * @param {Element} row
 * @param {string | null} language the page's `<html lang>`
 * @returns {boolean | null}
 */
export function followsBackOf(row, language) {
  const words = unfollowWords(language ?? "en");
  if (!words) return null;
  for (const button of row.querySelectorAll(BUTTON)) {
    const label = button.querySelector(BUTTON_TEXT) ?? button;
    const text = collapse(visibleText(label)).toLowerCase();
    if (words.following.includes(text)) return true;
    if (words.follow.includes(text)) return false;
  }
  return null;
}

/**
 * A generation of the followers page: the following page's row reading,
 * plus whether the member follows each back.
 * @param {string} name
 * @param {string} rowSelector
 * @param {{ name: string | null, headline: string }} classes
 * @returns {ListMarkup}
 */
function followersMarkup(name, rowSelector, classes) {
  const rows = followingMarkup(name, rowSelector, classes);
  return {
    ...rows,
    read(row) {
      const person = rows.read(row);
      if (!person) return null;
      /** @type {Follower} */
      const follower = {
        profileUrl: person.profileUrl,
        name: person.name,
        headline: person.headline,
        followsBack: followsBackOf(row, pageLanguage()),
      };
      return follower;
    },
  };
}

/** @type {Record<string, ListMarkup>} in the order they are looked for */
export const FOLLOWERS_MARKUPS = {
  "search-entity": followersMarkup("search-entity", SEARCH_ENTITY_ROW, {
    // The name is the first profile link with visible text: the image
    // link has none, the hidden status text is not visible.
    name: null,
    headline: "div.t-14.t-black.t-normal",
  }),
  "follows-cards": followersMarkup("follows-cards", CARD_ROW, {
    name: ".follows-recommendation-card__name",
    headline: ".follows-recommendation-card__occupation, .follows-recommendation-card__headline",
  }),
};

/**
 * Which generation the followers page shows, or null.
 * @returns {string | null}
 */
export function followersGeneration() {
  return generationOn(FOLLOWERS_MARKUPS);
}

/**
 * Whether the end of the followers list is on screen: no "load more"
 * button and no spinner below the rows, scrolled to the bottom of a list
 * that really scrolls. The member's followers total is not the list's
 * length (LinkedIn lists only about the newest 1,000), so it decides
 * nothing here.
 * @param {ListMarkup} markup
 */
export function followersListEnd(markup) {
  if (findLoadButton(markup) || loadingShown(markup)) return false;
  const scroller = listScroller(markup);
  return atBottom(scroller) && scroller.scrollHeight > visibleHeight(scroller);
}
