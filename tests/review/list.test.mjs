// The review page against the real core (tests/review/helpers.mjs): The list: virtualization, keys, details, namesakes, hostile names, row hooks; the page's states (empty, unreadable, no core); the pure display helpers; axe on the page.
// Run: node --test tests/review/
import { test } from "node:test";
import assert from "node:assert/strict";
import { describeConnected, ROW_HEIGHT } from "../../extension/review/review.js";
import {
  byTestId,
  click,
  digits,
  frame,
  isShown,
  key,
  text,
  type,
  waitFor,
  seriousViolations,
} from "./dom.mjs";
import { fakePeople, HOSTILE_NAMES, manyPeople, numberedPeople } from "./people.mjs";
import {
  calls,
  CONNECTIONS_PAGE,
  openReview,
  RealCore,
  rows,
  snapshotOf,
  withCore,
} from "./helpers.mjs";

// The list.

test("the_rest_of_the_search_index_is_built_while_idle_after_the_first_rows_once", async (t) => {
  const people = numberedPeople(2_000);
  const { dom, doc } = await openReview(t, { people });
  assert.equal(text(byTestId(doc, "result-count")), "2,000", "the first rows came first");
  await waitFor(() => calls.prepared.length > 0, "the idle preparation", 5000);
  assert.deepEqual(calls.prepared, [true], "built once, while idle");
  // The first search then finds what it finds without building anything.
  await type(dom, byTestId(doc, "filter-input"), "01999");
  assert.equal(text(byTestId(doc, "result-count")), "1");
  assert.deepEqual(calls.prepared, [true]);
});

test("only_the_visible_window_of_30000_people_is_in_the_dom", async (t) => {
  const people = numberedPeople(30_000);
  const { dom, doc, scroller } = await openReview(t, { people });

  assert.equal(text(byTestId(doc, "result-count")), "30,000");
  const list = doc.getElementById("person-list");
  assert.equal(list.style.height, `${30_000 * ROW_HEIGHT}px`, "the spacer has the full height");
  let shown = rows(doc);
  assert.ok(shown.length > 0 && shown.length <= 60, `${shown.length} rows in the DOM`);
  assert.ok(
    shown.every((row) => row.dataset.slug),
    "each row has its data-slug",
  );
  assert.equal(shown[0].dataset.slug, "p-0");
  assert.ok(
    calls.rows.filter((n) => n > 60).length === 0,
    "the core is asked only for visible rows",
  );

  scroller.scrollTop = 15_000 * ROW_HEIGHT;
  scroller.dispatchEvent(new dom.window.Event("scroll"));
  await frame(dom);
  shown = rows(doc);
  assert.ok(shown.length <= 60);
  const slugs = shown.map((row) => row.dataset.slug);
  assert.ok(slugs.includes("p-15000"), "the rows in view are rendered");
  assert.ok(!slugs.includes("p-0"), "rows scrolled past leave the DOM");
  const row = shown.find((r) => r.dataset.slug === "p-15000");
  assert.equal(row.style.top, `${15_000 * ROW_HEIGHT}px`);
  assert.equal(row.getAttribute("aria-posinset"), "15001");
  assert.equal(row.getAttribute("aria-setsize"), "30000");
});

test("arrow_keys_move_through_the_list_and_enter_opens_details", async (t) => {
  const people = numberedPeople(500);
  const { dom, doc, scroller } = await openReview(t, { people });

  const tabbable = doc.querySelectorAll('#person-list [tabindex="0"]');
  assert.equal(
    tabbable.length,
    3,
    "one row (check box, row and profile link) holds the list's tab stop",
  );

  const first = rows(doc)[0].querySelector(".row-main");
  first.focus();
  key(dom, first, "ArrowDown");
  assert.equal(doc.activeElement.closest('[data-testid="person-row"]').dataset.slug, "p-1");

  key(dom, doc.activeElement, "End");
  assert.equal(doc.activeElement.closest('[data-testid="person-row"]').dataset.slug, "p-499");
  assert.ok(scroller.scrollTop > 0, "the list scrolled to the last row");

  key(dom, doc.activeElement, "Home");
  assert.equal(doc.activeElement.closest('[data-testid="person-row"]').dataset.slug, "p-0");
  assert.equal(scroller.scrollTop, 0);

  // Enter on a row button is a click in a browser; the row's details open.
  click(dom, doc.activeElement);
  const details = doc.getElementById("details");
  assert.ok(isShown(details));
  assert.equal(doc.activeElement, doc.getElementById("details-name"));
  key(dom, doc.activeElement, "Escape");
  assert.equal(isShown(details), false);
  assert.equal(doc.activeElement.closest('[data-testid="person-row"]').dataset.slug, "p-0");
});

test("details_show_fields_dates_honestly_and_a_safe_profile_link", async (t) => {
  const people = fakePeople();
  // A viewport tall enough for every row: the core lists them by name.
  const { dom, doc } = await openReview(t, { people, viewport: 5000 });
  const input = byTestId(doc, "filter-input");

  await type(dom, input, "name:Person");
  // person-6: month precision, July 2021; person-7: year precision, 2022, gone.
  const month = rows(doc).find((r) => r.dataset.slug === "person-6");
  assert.match(text(month), /Connected ~Jul 2021/);
  const row = rows(doc).find((r) => r.dataset.slug === "person-7");
  assert.match(text(row), /Connected ~2022/);
  click(dom, row.querySelector(".row-main"));
  const details = doc.getElementById("details");
  assert.equal(text(doc.getElementById("details-name")), "Person 7");
  assert.match(text(details), /~2022 \(known to the year\)/);
  assert.match(text(details), /Your connections page/);
  assert.match(text(details), /No longer in your connections/, "person-7 is gone");
  const link = doc.getElementById("details-link");
  assert.ok(isShown(link));
  assert.equal(link.href, "https://www.linkedin.com/in/person-7/");
  assert.equal(link.target, "_blank");
  assert.deepEqual(link.rel.split(/\s+/).sort(), ["noopener", "noreferrer"]);

  // person-16 is unmatched: from the export, no profile link.
  const unmatched = rows(doc).find((r) => r.dataset.slug === "export:person-16");
  assert.match(text(unmatched), /unmatched/);
  click(dom, unmatched.querySelector(".row-main"));
  assert.equal(isShown(link), false);
  assert.ok(isShown(doc.getElementById("details-no-link")));
  assert.match(text(details), /From your export; not yet seen on the page/);
});

test("namesakes_netprune_would_not_merge_are_marked_possibly_the_same_as_text", async (t) => {
  // The core marks an unmatched export row and the first person of the same
  // name read with a link as possibly the same (view.rs); the page shows its words.
  const people = fakePeople();
  people[16] = { ...people[16], name: "Zed Example", company: "Nowhere" };
  people[15] = { ...people[15], name: "Zed Example", headline: "Engineer at <b>Acme</b>" };
  const { dom, doc } = await openReview(t, { people });
  await type(dom, byTestId(doc, "filter-input"), "name:Zed");
  const shown = rows(doc);
  assert.equal(shown.length, 2);
  const markers = shown.map((row) => row.querySelector('[data-testid="possibly-same"]'));
  assert.ok(markers.every((m) => m && isShown(m)));
  const linked = shown.find((row) => row.dataset.slug === "person-15");
  const exported = shown.find((row) => row.dataset.slug === "export:person-16");
  assert.match(
    text(linked.querySelector('[data-testid="possibly-same"]')),
    /^possibly the same as Zed Example from your LinkedIn export \(Nowhere, connected 2021-05-07\)/,
  );
  assert.equal(
    text(exported.querySelector('[data-testid="possibly-same"]')),
    "possibly the same as Zed Example (Engineer at <b>Acme</b>), read on your connections page",
  );
  assert.equal(doc.querySelector("#person-list b"), null, "data is text, never markup");
  click(dom, exported.querySelector(".row-main"));
  assert.match(text(doc.getElementById("details")), /Possibly the same as/);
  // Others carry no marker.
  await type(dom, byTestId(doc, "filter-input"), "name:Person");
  assert.ok(rows(doc).every((row) => !row.querySelector('[data-testid="possibly-same"]')));
});

test("hostile_names_are_drawn_as_text_and_inject_nothing", async (t) => {
  const { doc, dom } = await openReview(t, { viewport: 5000 });
  const names = rows(doc).map((row) => row.querySelector(".row-name").textContent);
  for (const name of HOSTILE_NAMES) assert.ok(names.includes(name), `shown verbatim: ${name}`);
  assert.equal(doc.body.querySelectorAll("img, script, b").length, 0, "no element was injected");
  assert.equal(dom.window.__pwned, undefined);
  assert.equal(globalThis.__pwned, undefined);
  const rtl = rows(doc).find((row) => row.dataset.slug === "person-4");
  assert.equal(rtl.querySelector(".row-name").dir, "auto", "bidi text is isolated");
  const first = rows(doc).find((row) => row.dataset.slug === "person-0");
  assert.equal(
    first.querySelector(".row-select").getAttribute("aria-label"),
    `Select ${HOSTILE_NAMES[0]}`,
  );
});

// ---------------------------------------------------------------------------
test("each_row_carries_the_test_hooks_name_headline_and_a_dated_time_only_when_known", async (t) => {
  const people = manyPeople(3);
  people[1].headline = null;
  people[2].connected = null;
  const { doc } = await openReview(t, { people });
  const [first, second, third] = rows(doc);
  assert.equal(first.dataset.slug, "p-0");
  assert.equal(text(first.querySelector('[data-testid="person-name"]')), "Person 0");
  assert.equal(text(first.querySelector('[data-testid="person-headline"]')), "Recruiter");
  assert.equal(
    first.querySelector('time[data-testid="person-connected"]').getAttribute("datetime"),
    "2010-01-15",
  );
  assert.equal(second.querySelector('[data-testid="person-headline"]').textContent, "");
  assert.equal(third.querySelector('time[data-testid="person-connected"]'), null);
});
// States.

test("nothing_stored_yet_shows_the_empty_state_with_collect_and_import", async (t) => {
  const { doc } = await openReview(t, { store: {} });
  assert.equal(isShown(doc.getElementById("loading-state")), false);
  assert.ok(isShown(doc.getElementById("empty-state")));
  assert.equal(isShown(doc.getElementById("results-view")), false);
  assert.ok(isShown(byTestId(doc, "collect-all")));
  assert.ok(isShown(byTestId(doc, "import-csv")));
  assert.equal(text(byTestId(doc, "result-count")), "0");
  assert.equal(rows(doc).length, 0);
  assert.equal(
    doc.querySelector("#empty-state a").href,
    CONNECTIONS_PAGE,
    "a way to the connections page",
  );
});

test("an_unreadable_snapshot_shows_a_sentence_and_retry_recovers", async (t) => {
  const store = { snapshot: "{ not json" };
  const { dom, doc, extension } = await openReview(t, { store });
  const error = doc.getElementById("error-state");
  assert.ok(isShown(error));
  assert.match(text(error), /Your saved network could not be read: saved network data unreadable/);
  assert.equal(isShown(doc.getElementById("review-view")), false);

  extension.store.snapshot = snapshotOf(fakePeople());
  click(dom, doc.getElementById("retry-button"));
  await waitFor(() => isShown(doc.getElementById("review-view")), "the page after retry");
  await frame(dom);
  assert.equal(isShown(error), false);
  assert.equal(digits(byTestId(doc, "result-count")), 50);
});

test("a_core_that_cannot_start_is_reported_with_a_retry", async (t) => {
  let fail = true;
  const { dom, doc } = await openReview(t, {
    loadCore: async () => {
      if (fail) throw new Error("WebAssembly.instantiate(): out of memory");
      return RealCore;
    },
  });
  assert.match(text(doc.getElementById("error-message")), /core could not start.*out of memory/);
  fail = false;
  click(dom, doc.getElementById("retry-button"));
  await waitFor(() => isShown(doc.getElementById("review-view")), "the page after retry");
});

// ---------------------------------------------------------------------------
// Pure helpers.

test("connection_dates_show_only_the_precision_they_have", () => {
  assert.equal(describeConnected({ date: "2024-08-07", precision: "day" }).short, "Aug 7, 2024");
  assert.equal(describeConnected({ date: "2024-11-20", precision: "week" }).short, "~Nov 2024");
  assert.match(describeConnected({ date: "2024-11-20", precision: "week" }).long, /Nov 20, 2024/);
  assert.equal(describeConnected({ date: "2024-11-01", precision: "month" }).short, "~Nov 2024");
  assert.equal(describeConnected({ date: "2022-01-01", precision: "year" }).short, "~2022");
  assert.equal(describeConnected(null).short, "date unknown");
});

test("profile_links_are_built_from_the_stored_slug_as_viewrs_encodes_them_and_only_from_a_slug", async (t) => {
  const people = manyPeople(3);
  people[0].slug = "jürgen";
  people[1].slug = "../../x?y#z";
  people[2].slug = "jane-doe-1a2b3c";
  const { dom, doc } = await openReview(t, { people });
  const details = doc.getElementById("details-link");
  const expected = withCore(people, (core) => core.rows(core.query("", Date.now())));
  const bySlug = (slug) => rows(doc).find((r) => r.dataset.slug === slug);
  for (const slug of ["jürgen", "jane-doe-1a2b3c"]) {
    const row = expected.find((r) => r.slug === slug);
    const link = bySlug(slug).querySelector('[data-testid="person-profile"]');
    // The row's link: the profile, in a new tab, telling LinkedIn nothing of this page.
    assert.equal(link.href, row.profileUrl, `the row's link is the core's, for ${slug}`);
    assert.equal(link.target, "_blank");
    assert.equal(link.rel, "noopener noreferrer");
    assert.equal(link.hidden, false);
    click(dom, bySlug(slug).querySelector(".row-main"));
    assert.equal(details.href, row.profileUrl, `the details' link for ${slug}`);
  }
  assert.equal(
    bySlug("jürgen").querySelector("a").href,
    "https://www.linkedin.com/in/j%C3%BCrgen/",
  );
  // A stored slug that is not one (a path, a query, a fragment) is no link at all.
  const hostile = bySlug("../../x?y#z").querySelector('[data-testid="person-profile"]');
  assert.equal(hostile.hasAttribute("href"), false);
  assert.equal(hostile.hidden, true);
  click(dom, bySlug("../../x?y#z").querySelector(".row-main"));
  assert.equal(details.hasAttribute("href"), false);
  assert.ok(isShown(doc.getElementById("details-no-link")));
});

// ---------------------------------------------------------------------------
// Accessibility.

test("axe_finds_no_serious_or_critical_violations", async (t) => {
  const { dom, doc } = await openReview(t, {
    saved: [{ name: "Old recruiters", query: "title:recruiter before:2018" }],
  });
  // A state with most parts showing: an error, a selection, details, a report.
  click(dom, byTestId(doc, "select-all-matching"));
  click(dom, rows(doc)[1].querySelector(".row-main"));
  // jsdom has no canvas and no layout, so colour contrast is checked by
  // hand in the palettes (lib/theme.css, review/layout.css; both themes), not here.
  const check = async (what) =>
    assert.deepEqual(
      await seriousViolations(dom),
      [],
      `no serious or critical violations (${what})`,
    );
  await check("list and details");
  await type(dom, byTestId(doc, "filter-input"), "nonsense:1");
  await check("query error");

  assert.equal(doc.documentElement.lang, "en");
  assert.ok(doc.querySelector("main"));
  assert.ok(doc.querySelector("h1"));
  assert.equal(
    byTestId(doc, "result-count").closest("[aria-live]").getAttribute("aria-live"),
    "polite",
  );
  assert.equal(byTestId(doc, "import-report").getAttribute("aria-live"), "polite");
  assert.equal(
    doc.querySelectorAll("[onclick], [onload], [onerror]").length,
    0,
    "no inline handlers",
  );
  assert.equal(doc.querySelectorAll("script:not([src])").length, 0, "no inline scripts");
});

// ---------------------------------------------------------------------------
