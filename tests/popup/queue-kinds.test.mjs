// The queue by kind (queue-kinds.js, with queue-panel.js and queue-list.js):
// once the queue holds withdrawals of invitations or unfollows it is the
// "Action queue", with a line per kind against that kind's daily cap and the
// ceiling on all kinds together; each row and the step under way say their
// kind; a pause for want of a page offers the page the queue needs. Drawn
// from what the real core answers. Run: node --test tests/popup/
import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";

import { useMessages } from "../../extension/lib/i18n.js";
import { renderQueue } from "../../extension/popup/popup.js";

import { i18nFor } from "../i18n/messages.mjs";
import {
  axeViolations,
  byTestId,
  isShown as isShownInPopup,
  settle,
  text,
} from "../review/dom.mjs";
import {
  MINUTE,
  POPUP_HTML,
  SECOND,
  entry,
  paused,
  popupWithQueue,
  queueStore,
} from "./helpers.mjs";
import { FOLLOWING_PAGE, SENT_PAGE, coreActionQueue, coreQueue } from "./core.mjs";

/** A fixed morning (UTC), so "today" never crosses midnight mid-test. */
const MORNING = Date.UTC(2026, 10, 21, 8);

/** The popup skeleton in English, to draw queues into with renderQueue. */
function skeleton() {
  useMessages({ i18n: i18nFor("en") });
  return new JSDOM(POPUP_HTML).window.document;
}

/**
 * Whether the queue section shows `element`. Drawn without a Summary the
 * summary view around it stays hidden, so only the queue's own flags count.
 */
function isShown(element) {
  for (let node = element; node && node.id !== "summary-view"; node = node.parentElement) {
    if (node.hidden) return false;
  }
  return true;
}

/** Each kind's line as shown, in order. */
const kindLines = (doc) =>
  [...doc.querySelectorAll('[data-testid="queue-kind"]')]
    .filter((item) => isShown(item))
    .map((item) => text(item));

/**
 * Takes the core's next step on `page` at `atMs` and, unless `leave`,
 * reports it done. Returns the step.
 */
function step(core, page, atMs, leave = false) {
  core.showingPage(page);
  const action = core.pollRemovals(atMs, 0);
  assert.equal(action.kind, "remove", `a step is due at ${new Date(atMs).toISOString()}`);
  if (!leave) core.reportRemoval(action.attempt, { kind: "removed" }, atMs + SECOND);
  return action;
}

test("a_mixed_queue_is_the_action_queue_with_a_line_per_kind_against_its_cap", () => {
  const { core, store } = coreActionQueue({
    remove: ["Ana One"],
    withdraw: ["Old Invite", "Mid Invite", "Late Invite"],
    unfollow: ["Star Poster"],
    nowMs: MORNING,
  });
  assert.equal(step(core, "invitations", MORNING + 30 * MINUTE).action, "withdraw");
  assert.equal(step(core, "invitations", MORNING + 60 * MINUTE).action, "withdraw");
  const at = MORNING + 61 * MINUTE;
  const queue = store(at);
  const doc = skeleton();
  renderQueue(doc, queue, at);

  assert.equal(text(doc.getElementById("queue-heading")), "Action queue");
  assert.equal(text(byTestId(doc, "queue-count")), "3", "every kind still waiting");
  assert.equal(text(doc.getElementById("queue-count-words")), "still to do");
  // removed-count and removed-today keep counting removals only.
  assert.equal(text(byTestId(doc, "removed-count")), "0");
  assert.equal(text(byTestId(doc, "removed-today")), "0 of 60 today");
  assert.deepEqual(kindLines(doc), [
    "Removals: 1 waiting, 0 of 60 today",
    "Withdrawals: 1 waiting, 2 of 40 today",
    "Unfollows: 1 waiting, 0 of 60 today",
  ]);
  const withdrawals = doc.querySelector('[data-kind="withdraw"]');
  assert.deepEqual([withdrawals.dataset.pending, withdrawals.dataset.today], ["1", "2"]);
  const overall = byTestId(doc, "queue-overall-today");
  assert.ok(isShown(overall));
  assert.equal(text(overall), "2 of 100 steps today", "the ceiling on all kinds, once");
});

test("a_kind_with_nothing_waiting_or_done_today_has_no_line", () => {
  const { core, store } = coreActionQueue({
    remove: ["Ana One", "Bob Two"],
    withdraw: ["Old Invite"],
    nowMs: MORNING,
  });
  step(core, "invitations", MORNING + 30 * MINUTE);
  const at = MORNING + 31 * MINUTE;
  const doc = skeleton();
  renderQueue(doc, store(at), at);
  assert.deepEqual(kindLines(doc), [
    "Removals: 2 waiting, 0 of 60 today",
    "Withdrawals: 0 waiting, 1 of 40 today",
  ]);
  assert.equal(text(byTestId(doc, "queue-overall-today")), "1 of 100 steps today");
});

test("a_queue_of_removals_alone_reads_as_it_always_has", () => {
  const doc = skeleton();
  // First a mixed queue, then removals only: the words go back.
  renderQueue(doc, coreActionQueue({ withdraw: ["Old Invite"], nowMs: MORNING }).store());
  assert.equal(text(doc.getElementById("queue-heading")), "Action queue");
  renderQueue(doc, coreQueue({ people: ["Ana One", "Bob Two"] }));
  assert.equal(text(doc.getElementById("queue-heading")), "Removal queue");
  assert.equal(text(doc.getElementById("queue-count-words")), "still to remove");
  assert.equal(text(byTestId(doc, "queue-count")), "2");
  assert.ok(!isShown(doc.getElementById("queue-kinds")), "no line per kind");
  assert.deepEqual(kindLines(doc), []);
  assert.ok(!isShown(byTestId(doc, "queue-overall-today")));
  assert.equal(text(byTestId(doc, "removed-today")), "0 of 60 today");
  // Nothing queued at all: the removal queue's words too.
  renderQueue(doc, null);
  assert.equal(text(doc.getElementById("queue-heading")), "Removal queue");
});

test("under_development_pacing_the_lines_have_no_caps", () => {
  const { store } = coreActionQueue({
    withdraw: ["Old Invite"],
    unfollow: ["Star Poster", "Sun Poster"],
    nowMs: MORNING,
    devPacing: 0,
  });
  const queue = store();
  assert.equal(queue.progress.overallDailyCap, null, "the core lifts the caps");
  const doc = skeleton();
  renderQueue(doc, queue, MORNING);
  assert.deepEqual(kindLines(doc), [
    "Withdrawals: 1 waiting, 0 today",
    "Unfollows: 2 waiting, 0 today",
  ]);
  assert.equal(text(byTestId(doc, "queue-overall-today")), "0 steps today");
});

test("rows_and_the_step_under_way_say_their_kind", () => {
  const { core, store } = coreActionQueue({
    remove: ["Ana One"],
    withdraw: ["Old Invite"],
    unfollow: ["Star Poster", "Sun Poster"],
    nowMs: MORNING,
  });
  const at = MORNING + 30 * MINUTE;
  step(core, "following", at, true);
  const doc = skeleton();
  renderQueue(doc, store(at + SECOND), at + SECOND);

  const rows = Object.fromEntries(
    [...doc.querySelectorAll('[data-testid="queue-entry"]')].map((row) => [row.dataset.slug, row]),
  );
  const kind = (slug) => {
    const badge = rows[slug].querySelector('[data-testid="queue-entry-kind"]');
    return isShown(badge) ? text(badge) : null;
  };
  assert.deepEqual(
    Object.keys(rows),
    ["star-poster", "ana-one", "old-invite", "sun-poster"],
    "the one under way first",
  );
  assert.deepEqual(
    ["ana-one", "old-invite", "star-poster", "sun-poster"].map((slug) => [
      rows[slug].dataset.action,
      kind(slug),
    ]),
    [
      ["remove", null],
      ["withdraw", "withdraw invitation"],
      ["unfollow", "unfollow"],
      ["unfollow", "unfollow"],
    ],
  );
  const cancel = (slug) => text(rows[slug].querySelector('[data-testid="queue-cancel-one"]'));
  assert.equal(cancel("ana-one"), "Cancel removing Ana One");
  assert.equal(cancel("old-invite"), "Cancel withdrawing the invitation to Old Invite");
  assert.equal(cancel("sun-poster"), "Cancel unfollowing Sun Poster");
  assert.equal(cancel("star-poster"), "Cancel (not possible: Star Poster is being unfollowed now)");
  assert.match(text(rows["star-poster"]), /being unfollowed now/);
  assert.equal(text(byTestId(doc, "queue-next")), "unfollowing Star Poster now");

  // The withdrawal's turn.
  core.reportRemoval(1, { kind: "removed" }, at + 2 * SECOND);
  step(core, "invitations", at + 30 * MINUTE, true);
  renderQueue(doc, store(at + 30 * MINUTE), at + 30 * MINUTE);
  const row = doc.querySelector('[data-slug="old-invite"]');
  assert.match(text(row), /Old Invite withdraw invitation being withdrawn now/);
  assert.equal(
    text(row.querySelector('[data-testid="queue-cancel-one"]')),
    "Cancel (not possible: the invitation to Old Invite is being withdrawn now)",
  );
  assert.equal(text(byTestId(doc, "queue-next")), "withdrawing the invitation to Old Invite now");
});

test("a_hostile_name_in_a_withdrawal_stays_text", () => {
  const hostile = '<img src=x onerror="globalThis.__pwned = 1">';
  const { core, store } = coreActionQueue({ withdraw: [hostile], nowMs: MORNING });
  const at = MORNING + 30 * MINUTE;
  step(core, "invitations", at, true);
  const doc = skeleton();
  renderQueue(doc, store(at), at);
  assert.equal(doc.querySelector("#queue-view img"), null);
  assert.equal(globalThis.__pwned, undefined);
  const row = doc.querySelector('[data-testid="queue-entry"]');
  assert.equal(text(row.querySelector(".queue-name")), hostile);
  assert.equal(text(byTestId(doc, "queue-next")), `withdrawing the invitation to ${hostile} now`);
});

test("the_wait_for_the_sent_invitations_or_following_page_is_named", () => {
  const doc = skeleton();
  const next = (waitingFor) => {
    renderQueue(doc, queueStore({ nextActionAtMs: MORNING + 30 * SECOND, waitingFor }), MORNING);
    return text(byTestId(doc, "queue-next"));
  };
  assert.equal(
    next("sent-list"),
    "waiting for your sent invitations page to be open: next in 30 s",
  );
  assert.equal(next("following-list"), "waiting for your following page to be open: next in 30 s");
});

test("paused_for_want_of_a_page_offers_the_page_the_queue_needs", async (t) => {
  for (const [kinds, words, page] of [
    [{ withdraw: ["Old Invite"] }, "Open your sent invitations page", SENT_PAGE],
    [{ unfollow: ["Star Poster"] }, "Open your following page", FOLLOWING_PAGE],
  ]) {
    const { core, store } = coreActionQueue({ ...kinds, nowMs: MORNING });
    assert.ok(core.pauseQueue("Open your LinkedIn page to continue", MORNING, "needsPage"));
    const { part, extension } = await popupWithQueue(t, store());
    const open = part("queue-open-page");
    assert.ok(isShownInPopup(open));
    assert.equal(text(open), words);
    open.click();
    await settle();
    assert.deepEqual(extension.opened, [page]);
  }
  // A removal next in line: the connections page, as before.
  const { part } = await popupWithQueue(
    t,
    queueStore(
      {
        state: "paused",
        pause: { cause: "needsPage", message: "Open it", atMs: MORNING },
        pauseCause: "needsPage",
      },
      [entry("ana-one", "Ana One"), { ...entry("old-invite", "Old Invite"), action: "withdraw" }],
    ),
  );
  assert.equal(text(part("queue-open-page")), "Open your connections page");
});

test("a_mixed_queue_asks_about_steps_and_says_what_cancel_did_in_steps", async (t) => {
  const { core, store } = coreActionQueue({
    remove: ["Ana One"],
    withdraw: ["Old Invite", "Mid Invite"],
    nowMs: MORNING,
  });
  step(core, "invitations", MORNING + 30 * MINUTE, true);
  const queue = store(MORNING + 30 * MINUTE);
  queue.progress.dryRunLeft = 1;
  const { dom, doc, part } = await popupWithQueue(t, queue, (message) =>
    message.type === "queue-cancel" ? { ok: true, cancelled: 2 } : { ok: true },
  );
  assert.equal(text(part("removal-log-export")), "Download the action log (CSV)");
  assert.equal(
    text(doc.getElementById("queue-dry-run")),
    "Dry run for 1 of the steps waiting (marked “dry run”): they are not actually done.",
  );
  assert.equal(
    text(doc.getElementById("queue-cancel-question")),
    "Cancel the 2 steps still waiting? Nothing already done is undone, " +
      "and the step under way finishes first.",
  );
  part("queue-cancel").click();
  assert.deepEqual(await axeViolations(dom), [], "a mixed queue, the question asked");
  doc.getElementById("queue-cancel-yes").click();
  await settle();
  await settle();
  assert.equal(text(doc.getElementById("queue-status")), "Cancelled 2 waiting steps.");

  // Removals alone: the words of removals, as before.
  const removals = await popupWithQueue(t, coreQueue({ people: ["Ana One"] }));
  assert.equal(text(removals.part("removal-log-export")), "Download the removal log (CSV)");
  assert.equal(
    text(removals.doc.getElementById("queue-cancel-question")),
    "Cancel the 1 person still waiting? Nobody already removed comes back.",
  );
});

test("a_withdrawal_or_unfollow_without_proof_points_to_its_own_page", () => {
  const unproven = (slug, name, action) => ({
    ...entry(slug, name),
    action,
    status: { kind: "unconfirmed", reason: "the list still showed them" },
  });
  const doc = skeleton();
  renderQueue(
    doc,
    queueStore({ pending: 0, inProgress: 0, unconfirmed: 2 }, [
      unproven("old-invite", "Old Invite", "withdraw"),
      unproven("star-poster", "Star Poster", "unfollow"),
    ]),
    MORNING,
  );
  const row = (slug) => text(doc.querySelector(`[data-slug="${slug}"]`));
  assert.match(
    row("old-invite"),
    /netprune pressed Withdraw but LinkedIn’s page gave no proof; check your sent invitations page/,
  );
  assert.match(
    row("star-poster"),
    /netprune pressed Unfollow but LinkedIn’s page gave no proof; check your following page/,
  );
  assert.equal(
    text(doc.getElementById("queue-other")),
    "Also 2 without proof it was done (listed below: check each one’s page).",
  );
});

test("in_another_language_the_pause_names_the_page_the_next_step_needs", () => {
  const doc = skeleton();
  useMessages({ i18n: i18nFor("de") });
  const state = (action) => {
    const next = action ? { ...entry("old-invite", "Old Invite"), action } : entry("ana", "Ana");
    renderQueue(doc, queueStore(paused("needsPage", "Open your LinkedIn page"), [next]), MORNING);
    return text(byTestId(doc, "queue-state"));
  };
  try {
    assert.match(state("withdraw"), /die Seite „Gesendete Einladungen“ ist nicht geöffnet/);
    assert.match(state("unfollow"), /die Seite „Folge ich“ ist nicht geöffnet/);
    assert.match(state(null), /die Kontaktseite ist nicht geöffnet/);
    assert.doesNotMatch(state("withdraw"), /Open your/, "never the core's English");
  } finally {
    useMessages({ i18n: i18nFor("en") });
  }
});
