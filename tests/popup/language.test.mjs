// The popup's `linkedin-language` line (issue 12): the language of the last
// LinkedIn page read, in the popup's words, and whether netprune removes in
// it, as the real core says (`removalLanguage`, which the background adds to
// the summary as `removal`). Run: node --test tests/popup/
import { test } from "node:test";
import assert from "node:assert/strict";

import { byTestId, text } from "../review/dom.mjs";
import { Core, countsReading } from "./core.mjs";
import { backgroundWith, openPopup } from "./helpers.mjs";
import { GERMAN_WORDS } from "../review/helpers.mjs";

/**
 * The summary the background sends after reading a connections page whose
 * <html lang> is `language` (undefined: no page read).
 * @param {string | null | undefined} language
 * @param {(core: any) => void} [before] what else happened first
 */
function summaryAfterPageIn(language, before = () => {}) {
  const core = new Core();
  before(core);
  if (language !== undefined) {
    core.ingest(
      { ...countsReading("connections", { connections: "1,217" }), language },
      Date.now(),
    );
  }
  return { ...core.summary(Date.now()), removal: core.removalLanguage() };
}

const line = (doc) => text(byTestId(doc, "linkedin-language"));

test("a Turkish LinkedIn is named, and removal works in it", async (t) => {
  const { doc } = await openPopup(t, backgroundWith(summaryAfterPageIn("tr")));
  assert.equal(line(doc), "LinkedIn language: Turkish (tr). netprune removes in it.");
});

test("a German LinkedIn says removal is not available in it, and where to teach it", async (t) => {
  const { doc } = await openPopup(t, backgroundWith(summaryAfterPageIn("de")));
  assert.equal(
    line(doc),
    "LinkedIn language: German (de). Removal is not available in it yet: teach netprune on the review page.",
  );
  assert.ok(byTestId(doc, "linkedin-language").classList.contains("is-warning"));
});

test("taught words are named as such", async (t) => {
  const summary = summaryAfterPageIn("de", (core) => core.teachRemoval(GERMAN_WORDS, Date.now()));
  const { doc } = await openPopup(t, backgroundWith(summary));
  assert.equal(
    line(doc),
    "LinkedIn language: German (de). netprune removes in it with the words you taught it.",
  );
});

test("before any page, and on a page without a language", async (t) => {
  const before = await openPopup(t, backgroundWith(summaryAfterPageIn(undefined)));
  assert.equal(
    line(before.doc),
    "LinkedIn language: not known yet. Open your LinkedIn connections page.",
  );
  const unstated = await openPopup(t, backgroundWith(summaryAfterPageIn(null)));
  assert.equal(
    line(unstated.doc),
    "LinkedIn language: not stated by the page (read as English). netprune removes in it.",
  );
});
