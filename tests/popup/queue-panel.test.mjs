// The popup's queue panel, pause notices and list (queue-panel.js,
// queue-pause.js, queue-list.js), from storage.local.queue: state, counts,
// waits, pauses and their way on, the cool-down, dry runs and the people
// listed. Run: node --test tests/popup/
import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";

import { renderQueue } from "../../extension/popup/popup.js";

import { axeViolations, byTestId, isShown, settle, text } from "../review/dom.mjs";
import {
  POPUP_HTML,
  SECOND,
  MINUTE,
  HOUR,
  queueStore,
  paused,
  entry,
  ENTRIES,
  popupWithQueue,
} from "./helpers.mjs";
import { coreQueue } from "./core.mjs";

test("queue_never_used_shows_one_idle_line_pointing_to_the_review_page", async (t) => {
  const { doc, part } = await popupWithQueue(t, undefined);
  assert.match(text(part("queue-state")), /idle/);
  assert.match(text(part("queue-state")), /review page/);
  assert.ok(!isShown(doc.getElementById("queue-view")), "nothing else in the section");
  assert.ok(!isShown(part("queue-pause")));
  assert.ok(!isShown(part("removal-log-export")));
});

test("running_queue_shows_state_digits_today_next_and_eta", async (t) => {
  const now = Date.now();
  const { doc, part } = await popupWithQueue(
    t,
    queueStore(
      { nextActionAtMs: now + 43 * SECOND, waitingFor: "pacing", etaMs: now + 3 * HOUR },
      ENTRIES,
    ),
  );
  assert.match(text(part("queue-state")), /running/);
  assert.ok(isShown(doc.getElementById("queue-view")));
  assert.equal(text(part("queue-count")), "12", "pending + in progress");
  assert.match(text(part("queue-count")), /^\d+$/);
  assert.equal(text(part("removed-count")), "34");
  assert.equal(text(part("removed-today")), "12 of 60 today");
  assert.equal(text(part("queue-next")), "next in 43 s");
  assert.equal(text(part("queue-eta")), "about 3 h left");
  assert.ok(isShown(part("queue-pause")), "pause offered while running");
  assert.ok(!isShown(part("queue-resume")), "resume is not");
  assert.ok(isShown(part("queue-cancel")));
  assert.ok(!isShown(doc.getElementById("queue-dry-run")), "not a dry run");
  assert.ok(isShown(part("removal-log-export")));
});

test("waiting_people_are_listed_the_one_under_way_first_without_a_usable_cancel", async (t) => {
  const { doc } = await popupWithQueue(t, queueStore({}, ENTRIES));
  const items = [...doc.querySelectorAll('[data-testid="queue-entry"]')];
  assert.deepEqual(
    items.map((item) => item.dataset.slug),
    ["bob-builder", "cara-jones", "dan-o-neil", "eve-adams"],
    "removed people are not listed",
  );
  assert.match(text(items[0]), /Bob Builder being removed now/);
  const [first, second] = items.map((item) =>
    item.querySelector('[data-testid="queue-cancel-one"]'),
  );
  assert.equal(first.disabled, true, "a step under way cannot be cancelled");
  assert.equal(second.disabled, false);
  assert.equal(text(second), "Cancel removing Cara Jones", "each button names whom it cancels");
});

test("an_unconfirmed_person_is_listed_in_plain_words_and_a_waiting_check_can_be_cancelled", async (t) => {
  // Review finding 2: netprune pressed Remove connection for Ann but the
  // page proved nothing; Bob's check waits out its backoff.
  const unconfirmed = {
    ...entry("ann-unproven", "Ann Unproven"),
    status: { kind: "unconfirmed", reason: "the name search showed nobody" },
  };
  const { doc, part } = await popupWithQueue(
    t,
    queueStore({ unconfirmed: 1, checkWaiting: "bob-builder" }, [unconfirmed, ...ENTRIES]),
  );
  assert.match(text(doc.getElementById("queue-other")), /1 without proof of removal/);
  const items = [...doc.querySelectorAll('[data-testid="queue-entry"]')];
  const ann = items.find((item) => item.dataset.slug === "ann-unproven");
  assert.ok(ann, "the unconfirmed person is listed");
  assert.equal(ann.dataset.status, "unconfirmed");
  assert.match(
    text(ann),
    /Ann Unproven netprune pressed Remove connection but LinkedIn’s page gave no proof; check your connections page/,
  );
  assert.ok(!isShown(ann.querySelector('[data-testid="queue-cancel-one"]')), "nothing to cancel");
  const bob = items.find((item) => item.dataset.slug === "bob-builder");
  assert.match(text(bob), /Bob Builder waiting to check the list again/);
  const cancel = bob.querySelector('[data-testid="queue-cancel-one"]');
  assert.equal(cancel.disabled, false, "a waiting check can be cancelled");
  assert.equal(text(cancel), "Cancel checking Bob Builder");
  assert.equal(text(part("queue-count")), "12");
});

test("paused_queue_says_paused_with_the_reason_and_offers_only_resume", async (t) => {
  const { part } = await popupWithQueue(
    t,
    queueStore(
      paused("trouble", "LinkedIn showed a security checkpoint.", { etaMs: Date.now() + 5 * HOUR }),
    ),
  );
  assert.equal(text(part("queue-state")), "Queue paused: LinkedIn showed a security checkpoint.");
  assert.ok(part("queue-state").classList.contains("is-warning"));
  assert.ok(!isShown(part("queue-pause")));
  assert.ok(isShown(part("queue-resume")));
  assert.equal(text(part("queue-next")), "Nothing happens until you resume.");
  assert.equal(text(part("queue-eta")), "about 5 h left once resumed");
});

test("queue_paused_for_want_of_the_page_offers_to_open_it_instead_of_resume", async (t) => {
  const words = "Open your LinkedIn connections page to continue";
  const { doc, part, extension, queueMessages } = await popupWithQueue(t, {
    ...queueStore(paused("needsPage", words), ENTRIES),
    needsPage: true,
  });
  assert.equal(
    text(part("queue-state")),
    "Queue paused: Open your LinkedIn connections page to continue.",
  );
  const open = part("queue-open-page");
  assert.ok(isShown(open));
  assert.equal(text(open), "Open your connections page");
  assert.ok(open.classList.contains("button-primary"), "the one way on is the main action");
  assert.ok(!isShown(part("queue-resume")), "resuming alone would only pause again");
  assert.ok(isShown(part("queue-cancel")), "the member can still cancel");

  open.click();
  await settle();
  assert.deepEqual(extension.opened, [
    "https://www.linkedin.com/mynetwork/invite-connect/connections/",
  ]);
  assert.deepEqual(queueMessages(), [], "opening the page is all: the queue resumes by itself");

  // Paused for anything else: Resume, not the page, whatever the words or
  // the background's flag say; and neither once running.
  renderQueue(doc, { ...queueStore(paused("member", words), ENTRIES), needsPage: true });
  assert.ok(!isShown(open));
  assert.ok(isShown(part("queue-resume")));
  renderQueue(doc, { ...queueStore({ state: "running" }, ENTRIES), needsPage: true });
  assert.ok(!isShown(open), "only while paused");
});

test("idle_queue_after_removals_says_idle_and_offers_neither_pause_nor_resume", async (t) => {
  const { doc, part } = await popupWithQueue(
    t,
    queueStore({ state: "idle", pending: 0, inProgress: 0, removed: 40, failed: 1, cancelled: 2 }, [
      entry("ada-removed", "Ada Removed", "removed"),
    ]),
  );
  assert.match(text(part("queue-state")), /idle/);
  assert.equal(text(part("queue-count")), "0");
  assert.equal(text(part("removed-count")), "40");
  assert.ok(!isShown(part("queue-pause")));
  assert.ok(!isShown(part("queue-resume")));
  assert.ok(!isShown(part("queue-cancel")), "nothing left to cancel");
  assert.ok(!isShown(part("queue-eta")));
  assert.equal(text(doc.getElementById("queue-other")), "Also 1 failed, 2 cancelled.");
  assert.equal(doc.querySelectorAll('[data-testid="queue-entry"]').length, 0);
  assert.ok(isShown(part("removal-log-export")), "the log stays available");
});

test("dry_run_is_said_plainly", async (t) => {
  const { doc } = await popupWithQueue(t, queueStore({ dryRunLeft: 12 }));
  const notice = doc.getElementById("queue-dry-run");
  assert.ok(isShown(notice));
  assert.equal(text(notice), "Dry run: nobody waiting is actually removed.");
});

test("dry_run_entries_are_marked_as_such_beside_real_ones", async (t) => {
  const dry = (e) => ({ ...e, dryRun: true });
  const entries = [
    dry(entry("bob-builder", "Bob Builder", "in-progress")),
    dry(entry("cara-jones", "Cara Jones")),
    entry("dan-o-neil", "Dan O'Neil"),
  ];
  const { doc, part } = await popupWithQueue(
    t,
    queueStore({ pending: 2, inProgress: 1, dryRunLeft: 2 }, entries),
  );
  const items = [...doc.querySelectorAll('[data-testid="queue-entry"]')];
  const badges = items.map((item) => {
    const badge = item.querySelector('[data-testid="queue-entry-dry-run"]');
    return isShown(badge) ? text(badge) : null;
  });
  assert.deepEqual(badges, ["dry run", "dry run", null]);
  assert.deepEqual(
    items.map((item) => item.dataset.dryRun),
    ["true", "true", "false"],
  );
  assert.match(text(items[0]), /Bob Builder dry run dry run now/);
  assert.match(text(items[2]), /Dan O'Neil/);
  assert.doesNotMatch(text(items[2]), /dry run/);
  assert.equal(
    text(doc.getElementById("queue-dry-run")),
    "Dry run for 2 of the people waiting (marked “dry run”): they are not actually removed.",
  );
  assert.equal(text(part("queue-next")), "dry run on Bob Builder now");
});

test("a_cooldown_explains_until_when_and_why_and_resume_needs_the_acknowledgement", async (t) => {
  const now = Date.now();
  const until = now + 20 * HOUR;
  const sent = [];
  const { doc, part } = await popupWithQueue(
    t,
    queueStore(
      paused("trouble", "You've reached a temporary limit", {
        cooldownUntilMs: until,
        cooldownReason: "You've reached a temporary limit",
      }),
    ),
    (message) => {
      sent.push(message);
      return { ok: true };
    },
  );
  const box = part("queue-cooldown");
  assert.ok(isShown(box));
  assert.match(text(box), /LinkedIn showed a warning \(You've reached a temporary limit\)/);
  assert.match(text(box), /resuming is locked until .+ \(in 20 h\)/);
  const resume = part("queue-resume");
  assert.ok(isShown(resume));
  assert.equal(resume.disabled, true, "no resume without the acknowledgement");
  const ack = part("queue-cooldown-ack");
  ack.checked = true;
  ack.dispatchEvent(new doc.defaultView.Event("change", { bubbles: true }));
  assert.equal(resume.disabled, false);
  resume.click();
  await settle();
  assert.deepEqual(sent.at(-1), { type: "queue-resume", acknowledgeCooldown: true });
});

test("what_the_queue_waits_for_is_named_before_the_countdown", () => {
  const doc = new JSDOM(POPUP_HTML).window.document;
  const now = Date.UTC(2026, 10, 21, 12);
  const next = (progress) => {
    renderQueue(doc, queueStore(progress), now);
    return text(byTestId(doc, "queue-next"));
  };
  assert.equal(
    next({ nextActionAtMs: now + 6 * MINUTE, waitingFor: "breather" }),
    "breather: next in 6 min",
  );
  assert.equal(
    next({ nextActionAtMs: now + 12 * MINUTE, waitingFor: "hourly-cap" }),
    "hourly cap reached: next in 12 min",
  );
  assert.equal(
    next({ nextActionAtMs: now + 7 * HOUR + 5 * MINUTE, waitingFor: "quiet-hours" }),
    "quiet hours: next in 7 h 5 min",
  );
  assert.equal(
    next({ nextActionAtMs: now + 2 * MINUTE, waitingFor: "backoff" }),
    "backing off after a failure: next in 2 min",
  );
  assert.equal(
    next({ nextActionAtMs: now + 30 * SECOND, waitingFor: "search-hides-list" }),
    "waiting for the name search on your connections page to be cleared (it shows nobody): next in 30 s",
  );
  renderQueue(doc, queueStore({ nextActionAtMs: null }, ENTRIES), now);
  assert.equal(text(byTestId(doc, "queue-next")), "removing Bob Builder now");
  renderQueue(doc, queueStore({ removedToday: 3, dailyCap: null, hourlyCap: null }), now);
  assert.equal(text(byTestId(doc, "removed-today")), "3 today", "no cap under development pacing");
});

test("a_long_queue_lists_the_first_fifty_and_counts_the_rest", async (t) => {
  const many = Array.from({ length: 130 }, (_, i) => entry(`p-${i}`, `Person ${i}`));
  const { doc } = await popupWithQueue(t, queueStore({ pending: 130, inProgress: 0 }, many));
  assert.equal(doc.querySelectorAll('[data-testid="queue-entry"]').length, 50);
  assert.equal(text(doc.getElementById("queue-more")), "and 80 more waiting");
});

test("hostile_names_in_the_queue_stay_text", async (t) => {
  const { doc } = await popupWithQueue(
    t,
    queueStore({}, [entry("x", '<img src=x onerror="globalThis.__pwned = 1">')]),
  );
  const item = doc.querySelector('[data-testid="queue-entry"]');
  assert.equal(item.querySelector("img"), null);
  assert.equal(
    text(item.querySelector(".queue-name")),
    '<img src=x onerror="globalThis.__pwned = 1">',
  );
});

test("axe_finds_no_violations_in_the_queue_running_never_used_or_asking_to_cancel", async (t) => {
  const fresh = await popupWithQueue(t, undefined);
  assert.deepEqual(await axeViolations(fresh.dom), [], "never used");

  const now = Date.now();
  const running = await popupWithQueue(
    t,
    queueStore(
      { dryRun: true, nextActionAtMs: now + 43 * SECOND, etaMs: now + 3 * HOUR, failed: 1 },
      ENTRIES,
    ),
  );
  assert.deepEqual(await axeViolations(running.dom), [], "running, dry run, with people");
  running.part("queue-cancel").click();
  assert.deepEqual(await axeViolations(running.dom), [], "asking before cancelling all");

  const stopped = await popupWithQueue(t, queueStore(paused("trouble", "Trouble.")));
  assert.deepEqual(await axeViolations(stopped.dom), [], "paused");
});

test("a_step_in_flight_reads_as_under_way_not_as_a_wait", async (t) => {
  const { part } = await popupWithQueue(
    t,
    queueStore(
      { nextActionAtMs: Date.now() + 170 * SECOND, waitingFor: "step-in-flight" },
      ENTRIES,
    ),
  );
  assert.equal(text(part("queue-next")), "removing Bob Builder now");
});

test("the_way_on_from_a_pause_is_switched_on_its_cause_not_its_words", () => {
  const doc = new JSDOM(POPUP_HTML).window.document;
  const open = byTestId(doc, "queue-open-page");
  const resume = byTestId(doc, "queue-resume");
  const words = "Open your LinkedIn connections page to continue";
  // Drawn without a Summary (the summary view stays hidden): the buttons' own flags.
  const isShown = (button) => !button.hidden;

  // The core's own queue, paused for want of the page: its cause says so,
  // no flag from the background is needed.
  const needsPage = coreQueue({ pause: { reason: words, cause: "needsPage" } });
  assert.deepEqual(
    { cause: needsPage.progress.pause.cause, message: needsPage.progress.pause.message },
    { cause: "needsPage", message: words },
  );
  renderQueue(doc, needsPage);
  assert.equal(text(byTestId(doc, "queue-state")), `Queue paused: ${words}.`);
  assert.equal(text(byTestId(doc, "queue-count")), "2");
  assert.ok(isShown(open));
  assert.ok(!isShown(resume));

  // The same words with every other cause the core has: Resume, not the page.
  for (const cause of ["member", "trouble", "account"]) {
    renderQueue(doc, coreQueue({ pause: { reason: words, cause } }));
    assert.ok(!isShown(open), cause);
    assert.ok(isShown(resume), cause);
  }

  // The sentence shown is the pause's message; a cause this popup does not
  // know yet offers Resume.
  const later = coreQueue({ pause: { reason: "older words", cause: "member" } });
  later.progress.pause = { ...later.progress.pause, cause: "aCauseAddedLater", message: "Why." };
  renderQueue(doc, later);
  assert.equal(text(byTestId(doc, "queue-state")), "Queue paused: Why.");
  assert.ok(!isShown(open));
  assert.ok(isShown(resume));
});

test("the_canned_queues_have_the_shape_the_core_answers", () => {
  // queueStore() and entry() stand in for the core's QueueProgress and
  // entries; this keeps them from drifting from what the core answers.
  const real = coreQueue({ pause: { reason: "You paused the queue.", cause: "member" } });
  const canned = queueStore({}, ENTRIES);
  const keys = (object) => Object.keys(object ?? {}).sort();
  const missing = keys(real.progress).filter((key) => !(key in canned.progress));
  assert.deepEqual(missing, [], "QueueProgress fields the canned queue lacks");
  const entryMissing = keys(real.entries[0]).filter((key) => !(key in canned.entries[1]));
  assert.deepEqual(entryMissing, [], "entry fields the canned entries lack");
  assert.deepEqual(
    canned.progress.kinds.map((line) => [line.kind, keys(line), line.hourlyCap, line.dailyCap]),
    real.progress.kinds.map((line) => [line.kind, keys(line), line.hourlyCap, line.dailyCap]),
    "the kinds, their fields and caps",
  );
  assert.equal(canned.progress.overallDailyCap, real.progress.overallDailyCap, "the overall cap");
});
