// The popup answers first (issue 16): the three figures in one row, "—" and
// the page to read for an unread one, the coverage line that ties the popup's
// count to the people the review page lists, the one next step by state, and
// the last page read in plain words (never a layout's code name).
// Run: node --test tests/popup/
import { test } from "node:test";
import assert from "node:assert/strict";

import { byTestId, click, isShown, seriousViolations, settle, text } from "../review/dom.mjs";
import {
  CONNECTIONS_PAGE,
  EXTENSION_ROOT,
  collectRun,
  ENTRIES,
  count,
  emptySummary,
  fullSummary,
  openPopup,
  paused,
  queueStore,
  stubExtension,
} from "./helpers.mjs";

const figure = (doc, name, part) =>
  doc.querySelector(`[data-figure="${name}"] [data-part="${part}"]`);

/** The buttons a member sees in the next-step area, primary ones marked. */
function nextStep(doc) {
  const area = doc.querySelector(".next-step");
  return [...area.querySelectorAll("button")]
    .filter((button) => isShown(button))
    .map((button) => `${button.classList.contains("button-primary") ? "*" : ""}${text(button)}`);
}

/** A popup drawing `summary`, with `queue` in storage. */
async function popupWith(t, summary, queue = null) {
  const extension = stubExtension(
    (message) => (message.type === "get-summary" ? { ok: true, summary } : { ok: true }),
    { stored: { summary, queue } },
  );
  const opened = await openPopup(t, extension);
  await opened.popup.cached;
  await settle();
  return opened;
}

test("the_figures_come_first_then_badge_cap_coverage_then_the_next_step", async (t) => {
  const { doc } = await popupWith(t, fullSummary());
  const order = [
    byTestId(doc, "connection-count"),
    byTestId(doc, "follower-count"),
    byTestId(doc, "following-count"),
    byTestId(doc, "badge-status"),
    byTestId(doc, "cap-headroom"),
    byTestId(doc, "coverage"),
    byTestId(doc, "open-review"),
    byTestId(doc, "queue-count"),
    byTestId(doc, "history-chart"),
    byTestId(doc, "page-status"),
  ];
  for (let i = 1; i < order.length; i += 1) {
    const before = order[i - 1].compareDocumentPosition(order[i]);
    assert.ok(
      before & 4 /* DOCUMENT_POSITION_FOLLOWING */,
      `${order[i].dataset.testid} comes after ${order[i - 1].dataset.testid}`,
    );
  }
  // The three figures share one row: one list, three items.
  const items = doc.querySelectorAll(".figures > li.figure");
  assert.equal(items.length, 3);
});

test("an_unread_figure_shows_a_dash_and_the_page_that_gives_it", async (t) => {
  const { doc, extension } = await popupWith(
    t,
    emptySummary({ followers: count(2283, "2,283", "followers-page") }),
  );
  assert.equal(byTestId(doc, "connection-count").textContent, "", "the hook stays empty");
  assert.ok(isShown(figure(doc, "connections", "missing")));
  assert.equal(figure(doc, "connections", "missing").textContent, "—");
  assert.equal(figure(doc, "connections", "missing").getAttribute("aria-hidden"), "true");
  // Screen readers hear "Not read yet." rather than a dash.
  const words = figure(doc, "connections", "hint-text");
  assert.equal(text(words), "Not read yet.");
  assert.ok(words.classList.contains("visually-hidden"));
  assert.ok(!isShown(figure(doc, "followers", "missing")));
  assert.equal(byTestId(doc, "follower-count").textContent, "2,283");

  const link = figure(doc, "connections", "hint-link");
  assert.equal(text(link), "Visit your connections page");
  click(doc.defaultView, link);
  await settle();
  assert.deepEqual(extension.opened, [CONNECTIONS_PAGE]);
});

test("the_floor_500_plus_shows_no_dash_and_says_where_the_exact_count_is", async (t) => {
  const { doc } = await popupWith(
    t,
    emptySummary({ connections: count(500, "500+", "profile", "at-least") }),
  );
  assert.ok(!isShown(figure(doc, "connections", "missing")));
  assert.equal(text(figure(doc, "connections", "note")), "500+ (from your profile)");
  const words = figure(doc, "connections", "hint-text");
  assert.equal(text(words), "For the exact count:");
  assert.ok(!words.classList.contains("visually-hidden"));
});

test("the_badge_and_the_cap_say_not_known_yet_in_one_short_line", async (t) => {
  const { doc } = await popupWith(t, emptySummary());
  assert.equal(text(byTestId(doc, "badge-status")), "500+ badge: not known yet");
  assert.equal(byTestId(doc, "cap-headroom").textContent, "");
  assert.equal(text(doc.querySelector(".cap-line")), "Room before the 30,000 cap: not known yet");
});

test("coverage_says_how_many_of_the_stated_connections_are_read_and_offers_the_rest", async (t) => {
  const { doc, extension, closed } = await popupWith(
    t,
    fullSummary({ connections: count(29950, "29,950", "connections-page"), peopleRead: 30 }),
  );
  const coverage = byTestId(doc, "coverage");
  assert.ok(isShown(coverage));
  assert.equal(text(coverage), "30 of 29,950 connections read");
  const collect = doc.getElementById("coverage-collect");
  assert.ok(isShown(collect));
  assert.equal(collect.tagName, "BUTTON");
  click(doc.defaultView, collect);
  await settle();
  assert.deepEqual(extension.opened, [`${EXTENSION_ROOT}review.html`]);
  assert.equal(closed(), 1);
});

test("coverage_offers_no_collect_while_a_collection_is_reading_the_rest", async (t) => {
  const { doc, extension } = await popupWith(t, fullSummary({ peopleRead: 30 }));
  assert.ok(isShown(doc.getElementById("coverage-collect")));
  for (const listener of extension.listeners) {
    listener({ collect: { newValue: collectRun({ seen: 30, target: 1234 }) } }, "local");
  }
  await settle();
  assert.ok(isShown(byTestId(doc, "collect-status")));
  assert.ok(!isShown(doc.getElementById("coverage-collect")), "the progress shows instead");
  for (const listener of extension.listeners) {
    listener(
      { collect: { newValue: collectRun({ running: false, outcome: "stopped", seen: 90 }) } },
      "local",
    );
  }
  await settle();
  assert.ok(isShown(doc.getElementById("coverage-collect")), "stopped short: offered again");
});

test("coverage_of_a_fully_read_network_offers_nothing_more", async (t) => {
  const { doc } = await popupWith(t, fullSummary({ peopleRead: 1234 }));
  assert.equal(text(byTestId(doc, "coverage")), "1,234 of 1,234 connections read");
  assert.ok(!isShown(doc.getElementById("coverage-collect")));
});

test("coverage_before_the_page_gave_its_total_counts_the_people_read", async (t) => {
  const floor = emptySummary({
    connections: count(500, "500+", "profile", "at-least"),
    peopleRead: 1,
    consistency: { status: "consistent", problems: [] },
  });
  let { doc } = await popupWith(t, floor);
  assert.equal(text(byTestId(doc, "coverage")), "1 connection read so far");
  assert.ok(isShown(doc.getElementById("coverage-collect")));

  ({ doc } = await popupWith(t, { ...floor, peopleRead: 30 }));
  assert.match(text(byTestId(doc, "coverage")), /^30 connections read so far/);

  ({ doc } = await popupWith(t, emptySummary()));
  assert.ok(!isShown(byTestId(doc, "coverage")), "nothing read: no coverage line");
  assert.ok(byTestId(doc, "coverage"), "the hook is there all the same");
});

test("the_next_step_is_reading_the_connections_page_until_it_gave_the_count", async (t) => {
  const { doc, extension } = await popupWith(t, emptySummary());
  assert.deepEqual(nextStep(doc), [
    "*Open your connections page",
    "Review your network",
    "Open beside LinkedIn",
  ]);
  doc.getElementById("open-connections").click();
  await settle();
  assert.deepEqual(extension.opened, [CONNECTIONS_PAGE]);
  // The queue's idle words wait below, in the queue's own section.
  assert.ok(!isShown(byTestId(doc, "queue-state")));
  assert.match(text(doc.getElementById("queue-idle")), /^Queue idle: nobody is queued/);
  assert.match(text(byTestId(doc, "queue-state")), /idle/);
});

test("the_next_step_is_the_review_page_once_connections_are_read", async (t) => {
  const { doc } = await popupWith(t, fullSummary());
  assert.deepEqual(nextStep(doc), ["*Review your network", "Open beside LinkedIn"]);
});

test("the_next_step_is_the_queue_and_its_control_while_it_runs_or_is_paused", async (t) => {
  let { doc } = await popupWith(t, fullSummary(), queueStore({}, ENTRIES));
  assert.ok(isShown(byTestId(doc, "queue-state")));
  assert.match(text(byTestId(doc, "queue-state")), /^Queue running/);
  assert.deepEqual(nextStep(doc), ["*Pause", "Review your network", "Open beside LinkedIn"]);
  assert.ok(!isShown(doc.getElementById("queue-idle")));

  ({ doc } = await popupWith(
    t,
    fullSummary(),
    queueStore(paused("needsPage", "Your connections page is not open."), ENTRIES),
  ));
  assert.deepEqual(nextStep(doc), [
    "*Open your connections page",
    "Review your network",
    "Open beside LinkedIn",
  ]);
  assert.equal(
    text(byTestId(doc, "queue-state")),
    "Queue paused: Your connections page is not open.",
  );

  ({ doc } = await popupWith(
    t,
    emptySummary(),
    queueStore(paused("trouble", "LinkedIn showed a security checkpoint."), ENTRIES),
  ));
  assert.deepEqual(nextStep(doc), ["*Resume", "Review your network", "Open beside LinkedIn"]);
});

test("pause_moves_focus_to_resume_in_the_next_step_when_the_queue_pauses", async (t) => {
  const summary = fullSummary();
  const extension = stubExtension(
    (message) => (message.type === "get-summary" ? { ok: true, summary } : { ok: true }),
    { stored: { summary, queue: queueStore({}, ENTRIES) } },
  );
  const { doc } = await openPopup(t, extension);
  await settle();
  const pause = byTestId(doc, "queue-pause");
  pause.focus();
  for (const listener of extension.listeners) {
    listener(
      { queue: { newValue: queueStore(paused("member", "You paused the queue."), ENTRIES) } },
      "local",
    );
  }
  await settle();
  assert.equal(doc.activeElement, byTestId(doc, "queue-resume"));
});

test("the_last_page_read_names_the_design_in_plain_words_never_its_code_name", async (t) => {
  const cases = [
    ["artdeco", /LinkedIn's classic design/],
    ["react-2025", /LinkedIn's 2025 design/],
    ["sdui-2026", /LinkedIn's 2026 design/],
    ["unknown-2030", /^Read your connections page, 40 people so far$/],
  ];
  for (const [generation, words] of cases) {
    const summary = fullSummary();
    summary.page = { ...summary.page, generation };
    const { doc } = await popupWith(t, summary);
    const status = byTestId(doc, "page-status");
    assert.match(text(status), words, generation);
    assert.doesNotMatch(text(doc.body), /artdeco|react-2025|sdui-2026|unknown-2030|layout\)/);
    assert.equal(status.dataset.generation, generation, "kept for bug reports and tests");
  }
});

test("axe_finds_nothing_serious_in_the_answer_first_states", async (t) => {
  for (const [summary, queue] of [
    [emptySummary(), null],
    [fullSummary({ peopleRead: 30 }), null],
    [fullSummary(), queueStore(paused("needsPage", "Your connections page is not open."), ENTRIES)],
  ]) {
    const { dom, doc } = await popupWith(t, summary, queue);
    assert.deepEqual(await seriousViolations(dom, doc.body), []);
  }
});
