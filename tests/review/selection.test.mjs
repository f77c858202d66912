// The review page against the real core (tests/review/helpers.mjs): Selection and keep, reloading on new snapshots, and the histogram's year filter.
// Run: node --test tests/review/
import { test } from "node:test";
import assert from "node:assert/strict";
import { withYearFilter, yearFilterOf, ROW_HEIGHT } from "../../extension/review/review.js";
import { byTestId, click, digits, frame, settle, sleep, text, type, waitFor } from "./dom.mjs";
import { fakePeople, manyPeople, numberedPeople } from "./people.mjs";
import { calls, openReview, rows, snapshotOf } from "./helpers.mjs";

// Selection and keep.

test("select_all_matching_selects_every_match_and_survives_refiltering", async (t) => {
  const people = manyPeople(2_000);
  const { dom, doc } = await openReview(t, { people });
  const input = byTestId(doc, "filter-input");
  const selectedCount = byTestId(doc, "selected-count");

  await type(dom, input, "recruiter");
  assert.equal(text(byTestId(doc, "result-count")), "1,000");
  click(dom, byTestId(doc, "select-all-matching"));
  assert.equal(text(selectedCount), "1,000", "every match, not only the rendered rows");
  assert.ok(rows(doc).every((row) => row.querySelector(".row-select").checked));

  await type(dom, input, "engineer");
  assert.equal(text(selectedCount), "1,000", "people filtered out stay selected");
  assert.equal(text(selectedCount.parentElement), "1,000 shown · 1,000 selected");
  assert.equal(
    text(byTestId(doc, "selection-outside")),
    "1,000 selected, not shown by this search. Show them",
  );
  assert.ok(rows(doc).every((row) => !row.querySelector(".row-select").checked));

  // One more by its checkbox.
  const box = rows(doc)[0].querySelector(".row-select");
  box.checked = true;
  box.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.equal(text(selectedCount), "1,001");

  click(dom, byTestId(doc, "clear-selection"));
  assert.equal(text(selectedCount), "0");
  assert.equal(byTestId(doc, "keep-selected").disabled, true);
});

test("keep_and_unkeep_send_set_kept_with_the_selected_slugs", async (t) => {
  const { dom, doc, extension } = await openReview(t);
  const input = byTestId(doc, "filter-input");

  await type(dom, input, "title:recruiter");
  const expected = rows(doc).map((row) => row.dataset.slug);
  click(dom, byTestId(doc, "select-all-matching"));
  click(dom, byTestId(doc, "keep-selected"));
  await settle();
  click(dom, byTestId(doc, "unkeep-selected"));
  await settle();

  assert.deepEqual(extension.sent, [
    { type: "set-kept", slugs: expected, kept: true },
    { type: "set-kept", slugs: expected, kept: false },
  ]);
  assert.match(text(doc.getElementById("action-status")), /no longer kept/);
  assert.match(byTestId(doc, "keep-selected").title, /can never be queued for removal/);
});

test("a_new_snapshot_reloads_the_replica_keeping_query_selection_and_scroll", async (t) => {
  const people = numberedPeople(3_000);
  const { dom, doc, extension, scroller } = await openReview(t, { people });
  const input = byTestId(doc, "filter-input");

  await type(dom, input, "engineer");
  click(dom, byTestId(doc, "select-all-matching"));
  scroller.scrollTop = 400 * ROW_HEIGHT;
  scroller.dispatchEvent(new dom.window.Event("scroll"));
  await frame(dom);
  assert.equal(calls.restore, 1);

  // The background keeps everyone selected and adds one engineer at the front.
  const next = [
    { ...manyPeople(1)[0], slug: "newcomer", name: "New Comer", headline: "Engineer" },
    ...people.map((p) => (p.headline === "Engineer" ? { ...p, kept: true } : p)),
  ];
  // A burst of writes, as during a collection: coalesced into few reloads.
  for (let i = 0; i < 5; i += 1) extension.write({ snapshot: snapshotOf(next) });
  await waitFor(() => text(byTestId(doc, "result-count")) === "1,501", "the reloaded count");
  await sleep(700);
  assert.ok(calls.restore <= 3, `${calls.restore} restores for a burst of 5 writes`);
  assert.ok(calls.freed >= 1, "the old replica's wasm memory is freed");

  assert.equal(input.value, "engineer");
  assert.equal(text(byTestId(doc, "selected-count")), "1,500");
  assert.equal(scroller.scrollTop, 400 * ROW_HEIGHT, "the scroll position is kept");
  const shown = rows(doc);
  assert.ok(shown.some((row) => row.dataset.slug === "p-799"));
  assert.ok(
    shown.every((row) => row.querySelector(".badge-kept")),
    "kept badges appear",
  );
});

test("changes_written_while_the_page_loads_are_read_after_the_load_not_raced", async (t) => {
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  let gets = 0;
  const { dom, doc } = await openReview(t, {
    people: manyPeople(10),
    beforeGet: async () => {
      gets += 1;
      if (gets === 1) await gate; // the first read is slow
    },
    started(extension) {
      // While the page is still reading storage, the background writes twice.
      setTimeout(() => {
        extension.write({
          collect: { running: true, seen: 5, target: 20, outcome: null, reason: null, gone: 0 },
          snapshot: snapshotOf(manyPeople(12)),
        });
        setTimeout(release, 60); // the reload is due before the slow read answers
      }, 20);
    },
  });
  await waitFor(() => text(byTestId(doc, "result-count")) === "12", "the newer snapshot");
  await frame(dom);
  assert.equal(text(byTestId(doc, "collect-progress")), "5 of 20", "the newer collect state");
  // The slow read answered with the old network; the change is read after it.
  assert.equal(calls.restore, 2);
  assert.equal(gets, 3, "two reads for the load (the rest, the network), one for the change");
});

// ---------------------------------------------------------------------------
// Histogram.

test("a_histogram_bar_filters_to_its_year_and_replaces_the_previous_year", async (t) => {
  const people = fakePeople();
  const { dom, doc } = await openReview(t, { people });
  const input = byTestId(doc, "filter-input");
  const histogram = byTestId(doc, "histogram");
  const inYear = (year, list = people) =>
    list.filter((p) => p.connected && p.connected.date.startsWith(`${year}-`));

  const bars = [...histogram.querySelectorAll("button[data-year]")];
  assert.deepEqual(
    bars.map((bar) => Number(bar.dataset.year)),
    [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
  );
  const bar2019 = histogram.querySelector('[data-year="2019"]');
  const n2019 = inYear(2019).length;
  assert.equal(
    bar2019.getAttribute("aria-label"),
    `2019: ${n2019} ${n2019 === 1 ? "person" : "people"}`,
  );
  const unknown = people.filter((p) => !p.connected).length;
  assert.match(
    text(doc.getElementById("histogram-unknown")),
    new RegExp(`Unknown date: ${unknown}`),
  );

  click(dom, bar2019);
  await frame(dom);
  assert.equal(input.value, "after:2019 before:2020");
  assert.equal(digits(byTestId(doc, "result-count")), n2019);
  assert.equal(histogram.querySelector('[data-year="2019"]').getAttribute("aria-pressed"), "true");

  click(dom, histogram.querySelector('[data-year="2021"]'));
  await frame(dom);
  assert.equal(input.value, "after:2021 before:2022", "the year filter is replaced, not added");

  await type(dom, input, 'title:recruiter OR title:"talent acquisition"');
  click(dom, histogram.querySelector('[data-year="2016"]'));
  await frame(dom);
  assert.equal(
    input.value,
    'title:recruiter OR title:"talent acquisition" after:2016 before:2017',
    "OR binds tighter than AND, so the appended year applies to every alternative",
  );
  const recruiters = people.filter((p) => /recruiter|talent acquisition/i.test(p.headline ?? ""));
  assert.equal(digits(byTestId(doc, "result-count")), inYear(2016, recruiters).length);

  click(dom, histogram.querySelector('[data-year="2016"]'));
  await frame(dom);
  assert.equal(input.value, 'title:recruiter OR title:"talent acquisition"', "again: removed");
});

test("year_filter_helpers_add_replace_and_remove_only_their_own_filter", () => {
  assert.equal(withYearFilter("", 2019), "after:2019 before:2020");
  assert.equal(withYearFilter("is:kept", 2019), "is:kept after:2019 before:2020");
  assert.equal(
    withYearFilter("is:kept after:2019 before:2020", 2020),
    "is:kept after:2020 before:2021",
  );
  assert.equal(withYearFilter("after:2019 before:2020 is:kept", 2019), "is:kept");
  assert.equal(
    withYearFilter("after:2015 before:2019", 2020),
    "after:2015 before:2019 after:2020 before:2021",
  );
  // OR binds tighter than the implicit AND: appending applies to every alternative.
  assert.equal(withYearFilter('a OR "b OR c"', 2020), 'a OR "b OR c" after:2020 before:2021');
  assert.equal(withYearFilter('title:"x OR y"', 2020), 'title:"x OR y" after:2020 before:2021');
  assert.equal(yearFilterOf("is:kept after:2019 before:2020"), 2019);
  assert.equal(yearFilterOf("after:2019 before:2021"), null);
});

// ---------------------------------------------------------------------------
