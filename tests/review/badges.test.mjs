// A row's badges (extension/review/rows.js): the follower badge, the one
// relation a row shows (issue 13: followers read on the followers page get
// no action, so the badge is there to be seen), worded in the page's
// language, and absent from a row the core did not mark (an older core).
// Run: node --test tests/review/
import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { badgesFor } from "../../extension/review/rows.js";
import { useMessages } from "../../extension/lib/i18n.js";
import { i18nFor } from "../i18n/messages.mjs";
import { manyPeople } from "./people.mjs";

/** One plain row of the review list, with `fields`. */
const row = (fields) => ({ ...manyPeople(1)[0], index: 0, ...fields });

test("a_follower_shows_the_follower_badge_in_the_page_s_language_and_nobody_else_does", () => {
  const { document } = new JSDOM("<!doctype html><body></body>").window;
  useMessages({ i18n: i18nFor("en") });
  const [badge] = badgesFor(document, row({ follower: true, followsBack: false }));
  assert.equal(badge.className, "badge badge-follower");
  assert.equal(badge.textContent, "follower");
  assert.equal(badge.title, "Follows you: read on your followers page");
  assert.deepEqual(badgesFor(document, row({ follower: false })), []);
  assert.deepEqual(badgesFor(document, row({})), [], "an older core says nothing: no badge");
  useMessages({ i18n: i18nFor("de") });
  assert.equal(badgesFor(document, row({ follower: true, kept: true }))[1].textContent, "Follower");
  useMessages({ i18n: i18nFor("en") });
});
