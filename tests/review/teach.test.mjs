// Removal in the member's LinkedIn language on the review page (issue 12):
// when the last page read is in a language netprune knows no removal words
// in, "Remove selected…" is disabled and `queue-refused` says why before
// anyone is queued; `teach-language` starts the teach-once flow, whose
// state the background writes to storage.local.teach; what was seen is
// shown, and kept only after `teach-confirm`. Against the real core.
// Run: node --test tests/review/
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, click, frame, isShown, settle, text } from "./dom.mjs";
import { fakePeople } from "./people.mjs";
import { GERMAN_WORDS, SEEN_ZOE, openReview, snapshotIn } from "./helpers.mjs";

test("queue_selected_is_disabled_and_queue_refused_says_why_in_a_language_without_removal_words", async (t) => {
  const people = fakePeople(20);
  const { dom, doc } = await openReview(t, { store: { snapshot: snapshotIn("de", people) } });
  click(dom, byTestId(doc, "select-all-matching"));
  await frame(dom);
  assert.equal(byTestId(doc, "queue-selected").disabled, true);
  const refused = byTestId(doc, "queue-refused");
  assert.ok(isShown(byTestId(doc, "teach-panel")) && isShown(refused));
  assert.match(text(refused), /^Removal is not available in German \(de\) yet\./);
  assert.ok(isShown(byTestId(doc, "teach-language")));
  assert.equal(byTestId(doc, "teach-language").disabled, false);
});

test("in_a_language_netprune_removes_in_the_teach_panel_stays_hidden", async (t) => {
  for (const language of ["tr", "en", null]) {
    const people = fakePeople(20);
    const { dom, doc } = await openReview(t, { store: { snapshot: snapshotIn(language, people) } });
    click(dom, byTestId(doc, "select-all-matching"));
    await frame(dom);
    assert.equal(byTestId(doc, "queue-selected").disabled, false, String(language));
    assert.ok(!isShown(byTestId(doc, "teach-panel")), String(language));
  }
});

test("teaching_shows_what_was_seen_and_keeps_it_only_once_confirmed", async (t) => {
  const people = fakePeople(20);
  const store = { snapshot: snapshotIn("de", people) };
  const { dom, doc, extension } = await openReview(t, {
    store,
    answer: (message) => {
      if (message.type === "teach-start") {
        const teach = { state: "watching", language: "de", tabId: 7, atMs: Date.now() };
        extension.write({ teach });
        return { ok: true, teach };
      }
      if (message.type === "teach-confirm") {
        extension.write({ teach: undefined, snapshot: snapshotIn("de", people, [GERMAN_WORDS]) });
        return { ok: true, words: { ...GERMAN_WORDS } };
      }
      return { ok: true };
    },
  });
  click(dom, byTestId(doc, "teach-language"));
  await settle();
  assert.deepEqual(extension.sent.at(-1), { type: "teach-start" });
  assert.match(text(byTestId(doc, "teach-status")), /watching your LinkedIn connections page/);
  assert.equal(byTestId(doc, "teach-language").disabled, true, "one watch at a time");
  assert.ok(!isShown(byTestId(doc, "teach-learned")));

  // The connections tab saw the member remove Zoë.
  extension.write({ teach: SEEN_ZOE });
  await frame(dom);
  assert.match(text(byTestId(doc, "teach-status")), /You removed Zoë Müller by hand/);
  const learned = [...byTestId(doc, "teach-learned").querySelectorAll("dd")].map(text);
  assert.deepEqual(learned, [
    "Weitere Aktionen für {name}",
    "Kontakt entfernen (menuitem)",
    "Kontakt entfernen (dialog)",
  ]);
  assert.equal(byTestId(doc, "queue-selected").disabled, true, "not before the member confirms");

  click(dom, byTestId(doc, "teach-confirm"));
  await settle();
  assert.deepEqual(extension.sent.at(-1), { type: "teach-confirm" });
  await settle();
  await frame(dom);
  assert.match(text(doc.getElementById("action-status")), /removes in German \(de\) now/);
  assert.ok(!isShown(byTestId(doc, "teach-panel")), "removal works: nothing left to teach");
  click(dom, byTestId(doc, "select-all-matching"));
  await frame(dom);
  assert.equal(byTestId(doc, "queue-selected").disabled, false);
});
