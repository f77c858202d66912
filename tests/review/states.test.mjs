// The review page against the real core (tests/review/helpers.mjs): every
// state said in plain words (issue 16): the action bar's counts and "Remove
// 3…", a search that finds no one, selected people the search hides (and
// the view that shows exactly them), the names in the confirmation, and the
// page after queueing.
// Run: node --test tests/review/
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, click, frame, isShown, settle, text, type, waitFor } from "./dom.mjs";
import { ELIGIBLE, HOSTILE_NAMES, fakePeople, manyPeople, queuePeople } from "./people.mjs";
import { coreSlugs, openQueueDialog, openReview, rows, snapshotOf, Core } from "./helpers.mjs";

const shownSlugs = (doc) => rows(doc).map((row) => row.dataset.slug);

test("the_action_bar_says_how_many_are_shown_and_selected_and_remove_names_the_count", async (t) => {
  const { dom, doc } = await openReview(t, { people: manyPeople(2_000) });
  const shown = byTestId(doc, "shown-count");
  const selected = byTestId(doc, "selected-count");
  const remove = byTestId(doc, "queue-selected");
  assert.equal(text(shown), "2,000");
  assert.equal(text(shown.parentElement), "2,000 shown · 0 selected");
  assert.equal(text(remove), "Remove selected…");
  assert.equal(remove.disabled, true, "nothing selected: disabled");

  await type(dom, byTestId(doc, "filter-input"), "recruiter");
  assert.equal(text(shown), "1,000", "the people the search lists");
  click(dom, byTestId(doc, "select-all-matching"));
  assert.equal(text(selected), "1,000");
  assert.equal(text(remove), "Remove 1,000…");
  assert.equal(remove.disabled, false);

  click(dom, byTestId(doc, "clear-selection"));
  const box = rows(doc)[0].querySelector(".row-select");
  box.checked = true;
  box.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.equal(text(remove), "Remove 1…");
  assert.equal(text(selected.parentElement), "1,000 shown · 1 selected");
});

test("the_action_bar_counts_use_the_languages_digits_and_plural_forms", async (t) => {
  const { dom, doc } = await openReview(t, { people: manyPeople(1_200), language: "fr" });
  assert.equal(byTestId(doc, "shown-count").textContent, "1\u202f200");
  const box = rows(doc)[0].querySelector(".row-select");
  box.checked = true;
  box.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.equal(
    text(byTestId(doc, "shown-count").parentElement),
    "1 200 affichées · 1 sélectionnée",
  );
  assert.equal(text(byTestId(doc, "queue-selected")), "Retirer 1…");
});

test("a_search_with_no_match_names_it_and_clear_search_empties_it_and_focuses_the_box", async (t) => {
  const people = fakePeople();
  const { dom, doc } = await openReview(t, { people });
  const input = byTestId(doc, "filter-input");
  const noMatch = byTestId(doc, "no-match");
  const scroller = doc.getElementById("list-scroller");
  assert.ok(!isShown(noMatch));

  await type(dom, input, "zzz");
  assert.ok(isShown(noMatch));
  assert.equal(text(noMatch), "No one matches “zzz”. Clear search");
  assert.equal(noMatch.parentElement.getAttribute("role"), "status", "announced");
  assert.ok(!isShown(scroller), "no empty list box");
  assert.ok(!isShown(doc.getElementById("list-message")), "said once");
  assert.equal(text(byTestId(doc, "shown-count")), "0");

  // The search is the member's text: shown as text, never as markup.
  await type(dom, input, "<img src=x onerror=alert(1)>");
  assert.equal(text(noMatch), "No one matches “<img src=x onerror=alert(1)>”. Clear search");
  assert.equal(noMatch.querySelector("img"), null);

  const clear = byTestId(doc, "clear-search");
  assert.equal(clear.tagName, "BUTTON");
  click(dom, clear);
  await frame(dom);
  assert.equal(input.value, "");
  assert.equal(doc.activeElement, input, "ready for the next search");
  assert.ok(!isShown(noMatch));
  assert.ok(isShown(scroller));
  assert.equal(text(byTestId(doc, "shown-count")), String(people.length));

  // A query the core cannot read keeps its own line, not "no one matches".
  await type(dom, input, "sort:zzz");
  assert.ok(!isShown(noMatch));
  assert.ok(isShown(doc.getElementById("list-message")));
  assert.ok(!isShown(scroller));
});

test("selected_people_hidden_by_the_search_are_said_and_show_them_lists_exactly_them", async (t) => {
  const people = fakePeople();
  const { dom, doc } = await openReview(t, { people });
  const input = byTestId(doc, "filter-input");
  const outside = byTestId(doc, "selection-outside");
  const view = byTestId(doc, "selection-view");
  const recruiters = coreSlugs(people, "title:recruiter");
  assert.ok(recruiters.length >= 2 && recruiters.length <= 12, "all fit on one screen");

  await type(dom, input, "title:recruiter");
  click(dom, byTestId(doc, "select-all-matching"));
  assert.ok(!isShown(outside), "everyone selected is shown");

  await type(dom, input, "title:engineer");
  const engineers = new Set(coreSlugs(people, "title:engineer"));
  const hidden = recruiters.filter((slug) => !engineers.has(slug));
  assert.ok(hidden.length > 0 && hidden.length < recruiters.length, "some shown, some hidden");
  assert.ok(isShown(outside));
  assert.equal(text(outside), `${hidden.length} selected, not shown by this search. Show them`);

  const showThem = byTestId(doc, "show-selected");
  assert.equal(showThem.tagName, "BUTTON");
  click(dom, showThem);
  await frame(dom);
  assert.deepEqual(shownSlugs(doc).sort(), [...recruiters].sort(), "exactly the selection");
  assert.equal(text(byTestId(doc, "result-count")), String(recruiters.length));
  assert.match(text(doc.getElementById("result-words")), /^selected people shown$/);
  assert.ok(isShown(view));
  assert.equal(
    text(view),
    `Showing only your selection: ${recruiters.length} people. Back to your search`,
  );
  assert.equal(doc.activeElement, view, "focus lands on what the list now is");
  assert.equal(input.value, "", "the search is set aside");
  assert.ok(!isShown(outside), "nobody selected is hidden now");
  assert.ok(rows(doc).every((row) => row.querySelector(".row-select").checked));

  click(dom, byTestId(doc, "selection-view-back"));
  await frame(dom);
  assert.equal(input.value, "title:engineer", "the search comes back");
  assert.equal(doc.activeElement, input);
  assert.ok(!isShown(view));
  assert.ok(isShown(outside));

  // Typing a new search ends the view too.
  click(dom, byTestId(doc, "show-selected"));
  await frame(dom);
  await type(dom, input, "title:product");
  assert.ok(!isShown(view));
  assert.deepEqual(shownSlugs(doc).sort(), coreSlugs(people, "title:product").sort());
});

test("the_confirmation_lists_the_first_eight_names_in_the_plans_order_then_how_many_more", async (t) => {
  const people = manyPeople(40).map((p, i) =>
    i < HOSTILE_NAMES.length ? { ...p, name: HOSTILE_NAMES[i] } : p,
  );
  const { doc } = await openQueueDialog(t, { people });

  // The page asks the core to plan the selection (everyone, in the list's
  // order); the names are the plan's, in its order.
  const core = Core.restoreJson(snapshotOf(people));
  let expected;
  try {
    const everyone = core.query("", Date.now());
    const slugs = core.slugs(everyone);
    const plan = core.planRemovals(slugs, Date.now(), -new Date().getTimezoneOffset());
    const indexOf = new Map(slugs.map((slug, k) => [slug, everyone[k]]));
    const first = plan.queueable.slice(0, 8).map((slug) => indexOf.get(slug));
    expected = core.rows(Uint32Array.from(first)).map((row) => row.name);
    assert.equal(plan.queueable.length, 40);
  } finally {
    core.free();
  }

  const list = byTestId(doc, "confirm-people");
  assert.ok(isShown(list));
  const items = [...list.querySelectorAll("li")];
  assert.deepEqual(
    items.slice(0, 8).map((item) => item.textContent),
    expected,
    "names as text, in the plan's order",
  );
  assert.equal(text(items[8]), "+32 more");
  assert.equal(items.length, 9);
  assert.ok(
    expected.some((name) => HOSTILE_NAMES.includes(name)),
    "hostile names are listed",
  );
  assert.equal(list.querySelector("img, script, b"), null, "names never become markup");
  assert.equal(globalThis.__pwned, undefined);
  assert.equal(list.getAttribute("aria-label"), "Who will be queued");
});

test("a_small_batch_lists_every_name_and_no_more_line", async (t) => {
  const { doc } = await openQueueDialog(t);
  const items = [...byTestId(doc, "confirm-people").querySelectorAll("li")].map(text);
  assert.deepEqual(items.sort(), ["Person 0", "Person 1", "Person 8", "Person 9"]);

  const nobody = queuePeople().map((p) => ({ ...p, kept: true, queued: false }));
  const none = await openQueueDialog(t, { people: nobody });
  assert.ok(!isShown(byTestId(none.doc, "confirm-people")), "no list when nobody is queued");
});

test("after_queueing_the_selection_is_cleared_and_the_title_says_how_many_were_queued", async (t) => {
  const { dom, doc } = await openQueueDialog(t, {
    answer: (message) =>
      message.type === "queue-removals"
        ? { ok: true, queued: ELIGIBLE, refused: [] }
        : { ok: true },
  });
  const title = doc.getElementById("queue-dialog-title");
  assert.equal(text(title), "Remove people from your network");
  click(dom, byTestId(doc, "confirm-queue"));
  await waitFor(() => doc.querySelector("#queue-result .report-title"), "the answer");

  assert.equal(text(title), "4 people queued");
  assert.equal(text(byTestId(doc, "selected-count")), "0", "the selection is cleared");
  const remove = byTestId(doc, "queue-selected");
  assert.equal(remove.disabled, true);
  assert.equal(text(remove), "Remove selected…");
  assert.ok(rows(doc).every((row) => !row.querySelector(".row-select").checked));
  assert.match(text(doc.getElementById("action-status")), /Queued 4 people for removal/);
  const close = doc.getElementById("queue-dialog-cancel");
  assert.equal(doc.activeElement, close);

  click(dom, close);
  assert.ok(!byTestId(doc, "queue-dialog").open);
  assert.ok(
    doc.activeElement.classList.contains("row-main"),
    "focus goes back to the list, not to a disabled button",
  );
});

test("after_a_dry_run_the_title_says_so_and_when_nobody_was_queued_the_selection_stays", async (t) => {
  const dry = await openQueueDialog(t, { answer: () => ({ ok: true, queued: 4, refused: [] }) });
  click(dry.dom, byTestId(dry.doc, "dry-run"));
  click(dry.dom, byTestId(dry.doc, "confirm-queue"));
  await waitFor(() => dry.doc.querySelector("#queue-result .report-title"), "the answer");
  assert.equal(text(dry.doc.getElementById("queue-dialog-title")), "4 people queued for a dry run");

  const { dom, doc } = await openQueueDialog(t, {
    answer: () => ({
      ok: true,
      queued: 0,
      refused: ELIGIBLE.map((slug) => ({ slug, why: "alreadyQueued", message: "already queued" })),
    }),
  });
  click(dom, byTestId(doc, "confirm-queue"));
  await waitFor(() => doc.querySelector("#queue-result .report-title"), "the answer");
  assert.equal(text(doc.getElementById("queue-dialog-title")), "Nobody queued");
  assert.equal(text(byTestId(doc, "selected-count")), "10", "nobody queued: the selection stays");

  // Opening the confirmation again starts with its own title.
  click(dom, doc.getElementById("queue-dialog-cancel"));
  click(dom, byTestId(doc, "queue-selected"));
  await settle();
  assert.equal(text(doc.getElementById("queue-dialog-title")), "Remove people from your network");
});
