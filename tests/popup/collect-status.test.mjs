// The popup's collection line (collect-status.js), from storage.local.collect.
// Run: node --test tests/popup/
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  fullSummary,
  backgroundWith,
  openPopup,
  byTestId,
  isShown,
  text,
  collectRun,
} from "./helpers.mjs";

/** Opens the popup with `collect` in storage and returns the collect-status parts. */
async function popupWithCollect(t, collect) {
  const stored = { summary: fullSummary() };
  if (collect !== undefined) stored.collect = collect;
  const opened = await openPopup(t, backgroundWith(fullSummary(), { stored }));
  await opened.popup.cached;
  const { doc } = opened;
  return {
    ...opened,
    status: byTestId(doc, "collect-status"),
    line: doc.getElementById("collect-text"),
    bar: doc.getElementById("collect-progress"),
    gone: doc.getElementById("collect-gone"),
  };
}

test("running_collection_shows_seen_of_target_with_a_labelled_progress_bar", async (t) => {
  const { status, line, bar, gone } = await popupWithCollect(t, collectRun());
  assert.ok(isShown(status));
  assert.equal(text(line), "Collecting: 3,140 of 8,012");
  assert.ok(isShown(bar));
  assert.equal(bar.tagName, "PROGRESS");
  assert.equal(bar.getAttribute("aria-label"), "Collection progress");
  assert.equal(bar.max, 8012);
  assert.equal(bar.value, 3140);
  assert.ok(!isShown(gone));
});

test("running_collection_without_a_stated_total_shows_an_indeterminate_bar", async (t) => {
  const { line, bar } = await popupWithCollect(t, collectRun({ seen: 40, target: null }));
  assert.equal(text(line), "Collecting: 40 people so far");
  assert.ok(isShown(bar));
  assert.equal(bar.hasAttribute("value"), false);
});

test("complete_collection_gives_its_date_and_how_many_people_are_gone", async (t) => {
  const endedAtMs = new Date(new Date().getFullYear(), 10, 21, 12).getTime();
  const { line, bar, gone } = await popupWithCollect(
    t,
    collectRun({ running: false, seen: 8012, outcome: "complete", endedAtMs, gone: 12 }),
  );
  assert.equal(text(line), "Collected 8,012 of 8,012 on Nov 21");
  assert.ok(!isShown(bar), "no progress bar once it has ended");
  assert.ok(isShown(gone));
  assert.equal(text(gone), "12 people are no longer your connections");
});

test("complete_collection_with_one_person_gone_says_person_and_connection", async (t) => {
  const { gone } = await popupWithCollect(
    t,
    collectRun({ running: false, seen: 8012, outcome: "complete", endedAtMs: Date.now(), gone: 1 }),
  );
  assert.equal(text(gone), "1 person is no longer your connection");
});

test("collection_that_ended_short_gives_where_and_why_and_claims_no_one_gone", async (t) => {
  const { line, bar, gone } = await popupWithCollect(
    t,
    collectRun({
      running: false,
      outcome: "ended",
      endedAtMs: Date.now(),
      reason: "the list showed no one new for 60 s.",
      gone: 4,
    }),
  );
  assert.equal(text(line), "Ended short at 3,140 of 8,012: the list showed no one new for 60 s");
  assert.ok(!isShown(bar));
  assert.ok(!isShown(gone), "only a complete run proves absence");
});

test("stopped_collection_says_where_it_stopped", async (t) => {
  const { line, bar, gone } = await popupWithCollect(
    t,
    collectRun({ running: false, outcome: "stopped", endedAtMs: Date.now(), gone: 4 }),
  );
  assert.equal(text(line), "Stopped at 3,140 of 8,012");
  assert.ok(!isShown(bar));
  assert.ok(!isShown(gone));
});

test("collect_status_is_hidden_when_collect_is_null_or_absent", async (t) => {
  const missing = await popupWithCollect(t, undefined);
  assert.ok(!isShown(missing.status));
  const none = await popupWithCollect(t, null);
  assert.ok(!isShown(none.status));
});

test("collect_status_follows_storage_changes_to_collect", async (t) => {
  const { extension, status, line, bar, gone } = await popupWithCollect(t, collectRun());
  assert.equal(text(line), "Collecting: 3,140 of 8,012");

  extension.fireStorageChange({ collect: { newValue: collectRun({ seen: 5000 }) } }, "sync");
  assert.equal(text(line), "Collecting: 3,140 of 8,012", "other storage areas are ignored");

  extension.fireStorageChange({ collect: { newValue: collectRun({ seen: 5000 }) } }, "local");
  assert.equal(text(line), "Collecting: 5,000 of 8,012");
  assert.equal(bar.value, 5000);

  const endedAtMs = new Date(new Date().getFullYear(), 0, 3, 12).getTime();
  const done = collectRun({ running: false, seen: 8012, outcome: "complete", endedAtMs, gone: 3 });
  extension.fireStorageChange({ collect: { oldValue: {}, newValue: done } }, "local");
  assert.equal(text(line), "Collected 8,012 of 8,012 on Jan 3");
  assert.equal(text(gone), "3 people are no longer your connections");
  assert.equal(extension.sent.length, 1, "a collect change alone asks the background nothing");

  extension.fireStorageChange({ collect: { oldValue: done } }, "local");
  assert.ok(!isShown(status), "removed from storage: hidden");
});
