// The popup's queue controls (queue-controls.js): each button's message to
// the background, where focus goes after it, and what the answer changes.
// Run: node --test tests/popup/
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  fullSummary,
  deferred,
  backgroundWith,
  openPopup,
  byTestId,
  isShown,
  text,
  settle,
  queueStore,
  paused,
  ENTRIES,
  popupWithQueue,
} from "./helpers.mjs";

test("pause_and_resume_send_their_messages_and_focus_moves_to_the_other_button", async (t) => {
  const { doc, part, extension, queueMessages } = await popupWithQueue(t, queueStore());
  const pause = part("queue-pause");
  pause.focus();
  pause.click();
  await settle();
  assert.deepEqual(queueMessages(), [{ type: "queue-pause" }]);

  // The background pauses the queue and writes it.
  extension.fireStorageChange(
    { queue: { newValue: queueStore(paused("member", "You paused the queue.")) } },
    "local",
  );
  assert.match(text(part("queue-state")), /paused: You paused the queue/);
  assert.ok(!isShown(pause));
  assert.equal(doc.activeElement, part("queue-resume"), "focus follows to Resume");

  part("queue-resume").click();
  await settle();
  assert.deepEqual(queueMessages(), [{ type: "queue-pause" }, { type: "queue-resume" }]);
});

test("cancel_all_asks_first_and_sends_queue_cancel_only_after_yes", async (t) => {
  const { doc, part, queueMessages } = await popupWithQueue(
    t,
    queueStore({}, ENTRIES),
    (message) => (message.type === "queue-cancel" ? { ok: true, cancelled: 11 } : { ok: true }),
  );
  const confirm = doc.getElementById("queue-cancel-confirm");
  assert.ok(!isShown(confirm));

  part("queue-cancel").click();
  assert.ok(isShown(confirm));
  assert.match(text(confirm), /Cancel the 11 people still waiting\?/);
  assert.equal(doc.activeElement, doc.getElementById("queue-cancel-no"), "the safe answer first");
  doc.getElementById("queue-cancel-no").click();
  assert.ok(!isShown(confirm));
  await settle();
  assert.deepEqual(queueMessages(), [], "keeping them sends nothing");

  part("queue-cancel").click();
  doc.getElementById("queue-cancel-yes").click();
  await settle();
  await settle();
  assert.deepEqual(queueMessages(), [{ type: "queue-cancel" }]);
  assert.ok(!isShown(confirm));
  assert.equal(text(doc.getElementById("queue-status")), "Cancelled 11 waiting removals.");
});

test("cancel_one_sends_the_slug_and_focus_moves_to_the_next_person", async (t) => {
  const { doc, extension, queueMessages } = await popupWithQueue(t, queueStore({}, ENTRIES));
  const buttonOf = (slug) =>
    doc.querySelector(
      `[data-testid="queue-entry"][data-slug="${slug}"] [data-testid="queue-cancel-one"]`,
    );
  buttonOf("dan-o-neil").focus();
  buttonOf("dan-o-neil").click();
  await settle();
  assert.deepEqual(queueMessages(), [{ type: "queue-cancel-one", slug: "dan-o-neil" }]);

  extension.fireStorageChange(
    {
      queue: {
        newValue: queueStore(
          { pending: 2, cancelled: 1 },
          ENTRIES.map((e) =>
            e.slug === "dan-o-neil" ? { ...e, status: { kind: "cancelled" } } : e,
          ),
        ),
      },
    },
    "local",
  );
  assert.equal(doc.querySelector('[data-slug="dan-o-neil"]'), null);
  assert.equal(doc.activeElement, buttonOf("eve-adams"), "focus moves to the next person");
  assert.equal(text(byTestId(doc, "queue-count")), "3");
});

test("removal_log_export_downloads_the_csv_from_the_answer_with_a_bom", async (t) => {
  const csv =
    "name,profile,when,outcome\r\nAda Removed,https://www.linkedin.com/in/ada-removed/,2026-11-20T10:00:00Z,removed\r\n";
  const { dom, doc, part, queueMessages } = await popupWithQueue(
    t,
    queueStore({}, ENTRIES),
    (message) => (message.type === "removal-log" ? { ok: true, csv } : { ok: true }),
  );
  const downloads = [];
  dom.window.URL.createObjectURL = (blob) => {
    downloads.push({ blob });
    return "blob:popup-test/1";
  };
  dom.window.URL.revokeObjectURL = () => {};
  doc.addEventListener(
    "click",
    (event) => {
      if (event.target.tagName === "A" && event.target.hasAttribute("download")) {
        downloads.at(-1).filename = event.target.download;
        event.preventDefault(); // jsdom cannot navigate; the browser would save the file
      }
    },
    true,
  );

  part("removal-log-export").click();
  await settle();
  await settle();
  assert.deepEqual(queueMessages(), [{ type: "removal-log" }]);
  assert.equal(downloads.length, 1);
  assert.match(downloads[0].filename, /^netprune-removal-log-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.equal(downloads[0].blob.type, "text/csv;charset=utf-8");
  const bytes = await new Promise((resolve, reject) => {
    const reader = new dom.window.FileReader();
    reader.onload = () => resolve(Buffer.from(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(downloads[0].blob);
  });
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM first");
  assert.equal(bytes.subarray(3).toString("utf8"), csv);
  assert.equal(doc.querySelectorAll("a[download]").length, 0, "the temporary link is gone");
  assert.match(text(doc.getElementById("queue-status")), /Saved netprune-removal-log-/);
});

test("a_refused_queue_request_is_said_in_the_queue_section", async (t) => {
  const { doc, part } = await popupWithQueue(t, queueStore(), () => ({
    ok: false,
    error: "netprune's background is restarting; try again.",
  }));
  part("queue-pause").click();
  await settle();
  await settle();
  const status = doc.getElementById("queue-status");
  assert.equal(text(status), "Could not pause: netprune's background is restarting; try again.");
  assert.ok(status.classList.contains("is-error"));
});

test("queue_section_follows_storage_changes_and_a_late_cache_never_draws_over_them", async (t) => {
  const storageRead = deferred();
  const extension = backgroundWith(fullSummary(), {
    stored: { summary: fullSummary(), queue: queueStore({ pending: 99 }) },
    readStorage: () => storageRead.promise,
  });
  const { doc, popup } = await openPopup(t, extension);
  extension.fireStorageChange(
    { queue: { newValue: queueStore({ pending: 4, inProgress: 0 }) } },
    "local",
  );
  assert.equal(text(byTestId(doc, "queue-count")), "4");
  storageRead.resolve();
  await popup.cached;
  assert.equal(text(byTestId(doc, "queue-count")), "4", "the older cached queue is not drawn");
});
