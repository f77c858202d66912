// The review page against the real core (tests/review/helpers.mjs): the
// selection's queue button says what it will do, by the kinds its people's
// relations allow (issue 13): "Remove 2…", "Withdraw 2…", "Unfollow 1…", or
// "Queue 5…" for a mixed selection, counting only the people something can
// be done for (its tooltip says how many nothing can). A LinkedIn language
// without removal words blocks removal only: the dialog shows the remove
// kind unavailable with why, and the other kinds stay queueable.
// Run: node --test tests/review/
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, click, frame, isShown, settle, text, waitFor } from "./dom.mjs";
import { openReview, snapshotIn } from "./helpers.mjs";
import { mixedPeople } from "./people.mjs";

// conn-1 (followed too: removable and unfollowable, counted once), conn-2,
// invited-1 to 3, followed-1 and 2 (not connections).
const MIXED = mixedPeople();
const bySlug = (...slugs) => slugs.map((slug) => MIXED.find((p) => p.slug === slug));
const INVITED = bySlug("invited-1", "invited-2", "invited-3");
const KEPT = { ...bySlug("conn-2")[0], slug: "conn-kept", kept: true };
const REMOVED = { ...bySlug("conn-2")[0], slug: "conn-removed", removed: true };

/** The review page with `people`, everyone selected: the queue button. */
async function selectEveryone(t, people, options = {}) {
  const opened = await openReview(t, { people, ...options });
  click(opened.dom, byTestId(opened.doc, "select-all-matching"));
  await frame(opened.dom);
  return { ...opened, button: byTestId(opened.doc, "queue-selected") };
}

test("the_queue_button_names_the_one_kind_a_selection_allows", async (t) => {
  for (const [people, label] of [
    [bySlug("conn-2"), "Remove 1…"],
    [INVITED, "Withdraw 3…"],
    [bySlug("followed-1", "followed-2"), "Unfollow 2…"],
  ]) {
    const { button } = await selectEveryone(t, people);
    assert.equal(text(button), label);
    assert.equal(button.disabled, false, label);
    assert.equal(button.title, "", `${label}: everyone can be acted on`);
  }
});

test("a_mixed_selection_is_queue_n_counting_each_person_once", async (t) => {
  const { button } = await selectEveryone(t, MIXED);
  // conn-1 allows two kinds: seven people, not eight.
  assert.equal(text(button), "Queue 7…");
  assert.equal(button.disabled, false);
});

test("people_nothing_can_be_done_for_are_left_out_of_the_count_and_said_in_the_tooltip", async (t) => {
  const { button } = await selectEveryone(t, [...INVITED, KEPT, REMOVED]);
  assert.equal(text(button), "Withdraw 3…");
  assert.equal(
    button.title,
    "2 selected people have nothing netprune can do for them: kept, already removed, no longer in your network, or not connections, invited or followed.",
  );
  const one = await selectEveryone(t, [...bySlug("conn-1", "followed-1"), KEPT]);
  // Removable and unfollowable (conn-1), unfollowable: two people.
  assert.equal(text(one.button), "Queue 2…");
  assert.match(one.button.title, /^1 selected person has nothing netprune can do for them/);
});

test("an_untaught_removal_language_blocks_removal_only_and_withdraw_stays_queueable", async (t) => {
  const { dom, doc, extension, button } = await selectEveryone(t, MIXED, {
    store: { snapshot: snapshotIn("de", MIXED) },
    answer: (message) =>
      message.type === "queue-actions" ? { ok: true, queued: 3, refused: [] } : { ok: true },
  });
  // conn-2, only removable, is left out; the others are queueable.
  assert.equal(text(button), "Queue 6…");
  assert.equal(button.disabled, false);
  // The teach panel says why removal is unavailable, as before.
  assert.ok(isShown(byTestId(doc, "queue-refused")));
  assert.ok(isShown(byTestId(doc, "teach-language")));

  click(dom, button);
  await settle();
  const remove = byTestId(doc, "queue-kind-remove");
  const withdraw = byTestId(doc, "queue-kind-withdraw");
  assert.ok(isShown(remove), "removal is shown, unavailable");
  assert.equal(remove.disabled, true);
  assert.match(remove.title, /^Removal is not available in German \(de\) yet/);
  const note = byTestId(doc, "queue-kind-note");
  assert.ok(isShown(note));
  assert.match(text(note), /^Removal is not available in German \(de\) yet/);
  assert.equal(withdraw.disabled, false);
  assert.equal(withdraw.getAttribute("aria-pressed"), "true", "the first kind available");
  assert.equal(remove.getAttribute("aria-pressed"), "false");

  // Removal cannot be chosen, even by an event that reaches it.
  remove.dispatchEvent(new dom.window.MouseEvent("click", { bubbles: true }));
  await settle();
  assert.equal(withdraw.getAttribute("aria-pressed"), "true");

  click(dom, byTestId(doc, "confirm-queue"));
  await waitFor(() => doc.querySelector("#queue-result .report-title"), "the answer");
  const [message] = extension.sent.filter((m) => m.type.startsWith("queue-"));
  assert.equal(message.type, "queue-actions");
  assert.equal(message.kind, "withdraw");
  assert.deepEqual([...message.slugs].sort(), ["invited-1", "invited-2", "invited-3"]);
});

test("an_untaught_removal_language_names_the_kind_left_and_disables_only_removal_alone", async (t) => {
  const people = [...bySlug("conn-2"), ...INVITED];
  const mixed = await selectEveryone(t, people, { store: { snapshot: snapshotIn("de", people) } });
  assert.equal(text(mixed.button), "Withdraw 3…");
  assert.equal(mixed.button.disabled, false);

  const alone = bySlug("conn-2");
  const blocked = await selectEveryone(t, alone, { store: { snapshot: snapshotIn("de", alone) } });
  assert.equal(text(blocked.button), "Remove 1…");
  assert.equal(blocked.button.disabled, true);
});
