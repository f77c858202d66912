// The review page against the real core (tests/review/helpers.mjs): Queueing the selection for removal: the confirmation dialog and the queue's state on the page.
// Run: node --test tests/review/
import { test } from "node:test";
import { formatDuration } from "../../extension/lib/format.js";
import assert from "node:assert/strict";
import { byTestId, click, isShown, key, settle, text, waitFor, seriousViolations } from "./dom.mjs";
import { ELIGIBLE, manyPeople, queuePeople } from "./people.mjs";
import {
  connectionsCount,
  Core,
  excludedItems,
  openQueueDialog,
  openReview,
  queueState,
  rows,
  snapshotOf,
} from "./helpers.mjs";

test("remove_selected_is_disabled_until_someone_is_selected", async (t) => {
  const { dom, doc } = await openReview(t, { people: queuePeople() });
  const button = byTestId(doc, "queue-selected");
  assert.equal(text(button), "Remove selected…");
  assert.equal(button.disabled, true);
  click(dom, byTestId(doc, "select-all-matching"));
  assert.equal(button.disabled, false);
  click(dom, byTestId(doc, "clear-selection"));
  assert.equal(button.disabled, true);
});

test("confirmation_counts_who_will_be_queued_and_lists_kept_people_as_excluded_with_why", async (t) => {
  const { doc, dialog, modal } = await openQueueDialog(t);

  assert.deepEqual(modal, ["showModal"], "opened as a modal dialog");
  assert.ok(dialog.open);
  assert.equal(dialog.tagName, "DIALOG");
  assert.equal(
    text(doc.getElementById("queue-dialog-lead")),
    "4 people will be queued for removal.",
  );
  assert.deepEqual(excludedItems(doc), [
    "2 people on your keep-list, so they can never be queued: Kept Three, Kept Two.",
    "1 person already removed by netprune: Removed Seven.",
    "1 person already gone: no longer in your connections: Gone Five.",
    "1 person from your LinkedIn export without a profile link, so netprune cannot find their card: Export Only.",
    "1 person already in the removal queue: Queued Six.",
  ]);
  assert.equal(
    text(doc.getElementById("queue-after")),
    "Connections after removal: 1,229 (from 1,234). This counts the 1 person already waiting in the queue as removed too.",
  );
  assert.ok(!isShown(doc.getElementById("queue-below-500")), "no badge warning above 500");
  assert.match(
    text(dialog),
    /Removing a connection is final: since September 2024 it also ends following in both directions\. They will not be told, but you would have to invite them again\./,
  );
  assert.equal(
    text(byTestId(doc, "dry-run").closest("label")),
    "Dry run for these people: walk through each removal up to the confirm button without pressing it",
  );
  assert.equal(byTestId(doc, "dry-run").checked, false);
  assert.match(
    text(doc.getElementById("queue-pacing")),
    /^netprune removes about 15 people an hour at most, with random pauses; you can pause or cancel from the toolbar popup at any time\. No more than 60 in any 24 hours\.$/,
  );
  const confirm = byTestId(doc, "confirm-queue");
  assert.equal(confirm.disabled, false, "no tick needed when the badge is not at stake");
  assert.equal(text(confirm), "Queue 4 people for removal");
});

test("the_confirmation_says_per_person_whether_they_will_be_removed_or_only_walked_to_the_button", async (t) => {
  const { dom, doc } = await openQueueDialog(t);
  const mode = byTestId(doc, "queue-mode");
  const lines = () => [...mode.querySelectorAll("li")].map(text);
  assert.equal(
    text(doc.getElementById("queue-mode-words")),
    "Will be removed: each of these 4 people.",
  );
  assert.equal(lines().length, 4);
  assert.ok(
    lines().every((line) => /: will be removed$/.test(line)),
    lines().join("|"),
  );
  const dryRun = byTestId(doc, "dry-run");
  dryRun.checked = true;
  dryRun.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.match(
    text(doc.getElementById("queue-mode-words")),
    /^Dry run: nobody will be removed\. Each of these 4 people is walked up to the confirm button/,
  );
  assert.ok(
    lines().every((line) => /: dry run: will not be removed$/.test(line)),
    lines().join("|"),
  );
});

test("confirm_sends_queue_removals_with_the_eligible_selected_slugs_and_dry_run", async (t) => {
  const { dom, doc, extension } = await openQueueDialog(t, {
    answer: (message) =>
      message.type === "queue-removals"
        ? {
            ok: true,
            queued: 3,
            refused: [
              { slug: "p-9", why: "alreadyQueued", message: "already in the removal queue" },
            ],
          }
        : { ok: true },
  });
  const dryRun = byTestId(doc, "dry-run");
  dryRun.checked = true;
  dryRun.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.equal(text(byTestId(doc, "confirm-queue")), "Queue 4 people for a dry run");

  click(dom, byTestId(doc, "confirm-queue"));
  await waitFor(() => doc.querySelector("#queue-result .report-title"), "the answer");

  assert.equal(extension.sent.length, 1);
  const [message] = extension.sent;
  assert.equal(message.type, "queue-removals");
  assert.equal(message.dryRun, true);
  assert.deepEqual([...message.slugs].sort(), ELIGIBLE, "kept, gone, unmatched, queued left out");

  const result = doc.getElementById("queue-result");
  assert.equal(result.getAttribute("role"), "status");
  assert.match(text(result), /Queued 3 people for a dry run: nobody will actually be removed\./);
  assert.equal(
    text(result.querySelector('li[data-why="alreadyQueued"]')),
    "1 person already in the removal queue: Person 9.",
    "the refusal with its reason and the name",
  );
  assert.match(text(result), /Refused 1:/);
  assert.ok(!isShown(byTestId(doc, "confirm-queue")), "cannot be sent twice");
  const close = doc.getElementById("queue-dialog-cancel");
  assert.equal(text(close), "Close");
  assert.equal(doc.activeElement, close);
  assert.match(text(doc.getElementById("action-status")), /Queued 3 people for a dry run/);
});

test("a_queue_answer_listing_slugs_counts_them_and_a_plain_removal_is_not_a_dry_run", async (t) => {
  const { dom, doc, extension } = await openQueueDialog(t, {
    answer: () => ({ ok: true, queued: ELIGIBLE, refused: [] }),
  });
  click(dom, byTestId(doc, "confirm-queue"));
  await waitFor(() => doc.querySelector("#queue-result .report-title"), "the answer");
  assert.equal(extension.sent[0].dryRun, false);
  assert.equal(
    text(doc.querySelector("#queue-result .report-title")),
    "Queued 4 people for removal.",
  );
});

test("falling_below_500_requires_the_ack_tick_before_confirm_is_enabled", async (t) => {
  const { dom, doc, extension } = await openQueueDialog(t, {
    connections: connectionsCount(502),
  });
  const warning = doc.getElementById("queue-below-500");
  assert.ok(isShown(warning));
  assert.match(
    text(warning),
    /That is below 500: the 500\+ badge on your profile would stop showing\./,
  );
  assert.equal(
    text(doc.getElementById("queue-after")),
    "Connections after removal: 497 (from 502). This counts the 1 person already waiting in the queue as removed too.",
  );

  const confirm = byTestId(doc, "confirm-queue");
  const ack = byTestId(doc, "below-500-ack");
  assert.equal(ack.checked, false);
  assert.equal(confirm.disabled, true, "disabled until the tick");
  click(dom, confirm);
  await settle();
  assert.equal(extension.sent.length, 0, "nothing sent without the tick");

  ack.checked = true;
  ack.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.equal(confirm.disabled, false);
  ack.checked = false;
  ack.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.equal(confirm.disabled, true, "unticking disables it again");
});

test("staying_at_500_or_already_below_it_needs_no_ack", async (t) => {
  for (const value of [505, 320]) {
    const { doc } = await openQueueDialog(t, { connections: connectionsCount(value) });
    assert.ok(!isShown(doc.getElementById("queue-below-500")), `${value}: no warning`);
    assert.equal(byTestId(doc, "confirm-queue").disabled, false, `${value}: confirm enabled`);
  }
});

test("an_approximate_count_says_about_and_a_500_plus_floor_warns_it_may_drop", async (t) => {
  const approximate = await openQueueDialog(t, {
    connections: connectionsCount(3400, "approximate"),
  });
  assert.equal(
    text(approximate.doc.getElementById("queue-after")),
    "Connections after removal: about 3,395 (from about 3,400). This counts the 1 person already waiting in the queue as removed too.",
  );

  const { doc } = await openQueueDialog(t, { connections: connectionsCount(500, "at-least") });
  assert.equal(
    text(doc.getElementById("queue-after")),
    "Connections after removal: at least 495 (from at least 500). This counts the 1 person already waiting in the queue as removed too.",
  );
  assert.match(text(doc.getElementById("queue-below-500")), /may be below 500/);
  assert.equal(byTestId(doc, "confirm-queue").disabled, true);
});

test("an_unknown_connection_count_is_said_plainly", async (t) => {
  const { doc } = await openQueueDialog(t, { connections: null });
  assert.match(text(doc.getElementById("queue-after")), /does not know your connection count yet/);
  assert.ok(!isShown(doc.getElementById("queue-below-500")));
});

test("pacing_and_the_count_after_use_the_queues_real_caps_and_people_already_waiting", async (t) => {
  // Three people already waiting (Queued Six and two more), caps of 6 an
  // hour and 40 a day, both in the core's queue and in storage.local.queue.
  const people = [
    ...queuePeople(),
    ...manyPeople(12)
      .slice(10)
      .map((p) => ({ ...p, queued: true })),
  ];
  const pacing = { hourlyCap: 6, dailyCap: 40 };
  const { doc } = await openQueueDialog(t, {
    people,
    pacing,
    connections: connectionsCount(506),
    queue: queueState({ state: "running", pending: 3, hourlyCap: 6, dailyCap: 40 }),
  });
  assert.equal(
    text(doc.getElementById("queue-after")),
    "Connections after removal: 499 (from 506). This counts the 3 people already waiting in the queue as removed too.",
  );
  assert.ok(isShown(doc.getElementById("queue-below-500")), "the waiting people count too");
  // When the queue is done is the core's estimate (planRemovals), said in round words.
  const core = Core.restoreJson(
    snapshotOf(people, [], { connections: connectionsCount(506), pacing }),
  );
  const plan = core.planRemovals(ELIGIBLE, Date.now(), -new Date().getTimezoneOffset());
  core.free();
  assert.ok(plan.durationMs >= 3_600_000, "7 people at 6 an hour take an hour or more");
  assert.equal(
    text(doc.getElementById("queue-pacing")),
    "netprune removes about 6 people an hour at most, with random pauses; you can pause or " +
      "cancel from the toolbar popup at any time. No more than 40 in any 24 hours; at this pace " +
      `the queue is done in about ${formatDuration(plan.durationMs)}.`,
  );
});

test("the_dialog_is_modal_keeps_tab_inside_and_escape_cancels_returning_focus", async (t) => {
  const { dom, doc, dialog, extension } = await openQueueDialog(t);
  const opener = byTestId(doc, "queue-selected");
  const cancel = doc.getElementById("queue-dialog-cancel");
  assert.equal(doc.activeElement, cancel, "the least destructive choice has focus");
  assert.equal(dialog.getAttribute("aria-labelledby"), "queue-dialog-title");

  // Tab from the last control wraps to the first, Shift+Tab from the first to the last.
  key(dom, cancel, "Tab");
  assert.equal(doc.activeElement, byTestId(doc, "dry-run"));
  doc.activeElement.dispatchEvent(
    new dom.window.KeyboardEvent("keydown", {
      key: "Tab",
      shiftKey: true,
      bubbles: true,
      cancelable: true,
    }),
  );
  assert.equal(doc.activeElement, cancel);

  key(dom, cancel, "Escape");
  assert.ok(!dialog.open, "Escape closes it");
  assert.equal(doc.activeElement, opener, "focus goes back to Remove selected…");
  assert.equal(extension.sent.length, 0, "cancelling queues nobody");

  // Cancel by its button too; opening again starts afresh.
  click(dom, opener);
  assert.ok(dialog.open);
  click(dom, cancel);
  assert.ok(!dialog.open);
  assert.equal(doc.activeElement, opener);
});

test("a_refused_queue_request_is_shown_in_the_dialog_and_can_be_sent_again", async (t) => {
  let refuse = true;
  const { dom, doc, extension } = await openQueueDialog(t, {
    answer: () =>
      refuse
        ? { ok: false, error: "netprune is still restoring your network; try again." }
        : { ok: true, queued: 4, refused: [] },
  });
  click(dom, byTestId(doc, "confirm-queue"));
  await waitFor(() => doc.getElementById("queue-result").classList.contains("is-error"), "error");
  assert.equal(
    text(doc.getElementById("queue-result")),
    "Nobody was queued: netprune is still restoring your network; try again.",
  );
  const confirm = byTestId(doc, "confirm-queue");
  assert.ok(isShown(confirm));
  assert.equal(confirm.disabled, false);

  refuse = false;
  click(dom, confirm);
  await waitFor(() => doc.querySelector("#queue-result .report-title"), "the answer");
  assert.equal(extension.sent.length, 2);
});

test("queued_and_removed_rows_show_their_badges_and_follow_new_snapshots", async (t) => {
  const people = queuePeople();
  const { doc, extension } = await openReview(t, { people });
  const row = (slug) => rows(doc).find((r) => r.dataset.slug === slug);
  assert.ok(row("p-6").querySelector(".badge-queued"));
  assert.ok(row("p-7").querySelector(".badge-removed"));
  assert.ok(!row("p-0").querySelector(".badge-queued"));

  // The background queued p-0: the new snapshot carries it.
  extension.write({
    snapshot: snapshotOf(people.map((p) => (p.slug === "p-0" ? { ...p, queued: true } : p))),
  });
  await waitFor(() => row("p-0")?.querySelector(".badge-queued"), "the queued badge");
});

test("the_selection_bar_says_how_many_wait_in_the_queue_and_why_it_is_paused", async (t) => {
  const { doc, extension } = await openReview(t, { people: queuePeople() });
  const line = doc.getElementById("queue-line");
  assert.ok(!isShown(line));
  extension.write({
    queue: queueState({
      state: "paused",
      reason: "LinkedIn showed a security checkpoint.",
      pending: 3,
    }),
  });
  assert.ok(isShown(line));
  assert.equal(
    text(line),
    "3 people waiting in the removal queue (paused: LinkedIn showed a security checkpoint); pause or cancel it from the toolbar popup.",
  );
});

test("axe_finds_no_serious_or_critical_violations_with_the_queue_dialog_open", async (t) => {
  const { dom, doc } = await openQueueDialog(t, {
    connections: connectionsCount(502),
    answer: () => ({
      ok: true,
      queued: 3,
      refused: [{ slug: "p-9", why: "alreadyQueued", message: "already in the removal queue" }],
    }),
  });
  const check = async (what) =>
    assert.deepEqual(
      await seriousViolations(dom),
      [],
      `no serious or critical violations (${what})`,
    );
  await check("confirmation with the badge warning");
  const ack = byTestId(doc, "below-500-ack");
  ack.checked = true;
  ack.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  click(dom, byTestId(doc, "confirm-queue"));
  await waitFor(() => doc.querySelector("#queue-result .report-title"), "the answer");
  await check("the answer");
});

// ---------------------------------------------------------------------------
