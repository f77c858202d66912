// The review page against the real core (tests/review/helpers.mjs): The query box: typing filters, errors at their position, suggested and saved queries.
// Run: node --test tests/review/
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  allByTestId,
  byTestId,
  click,
  digits,
  frame,
  isShown,
  settle,
  text,
  type,
} from "./dom.mjs";
import { fakePeople } from "./people.mjs";
import { Core, coreSlugs, openReview, rows, sorted } from "./helpers.mjs";

// Query box.

test("typing_filters_and_updates_the_result_count", async (t) => {
  const people = fakePeople();
  const { dom, doc } = await openReview(t, { people });
  const input = byTestId(doc, "filter-input");
  const count = byTestId(doc, "result-count");

  assert.equal(digits(count), people.length);
  assert.match(text(count), /^[\d,]+$/);
  assert.match(text(doc.getElementById("query-help")), /title:/);
  assert.ok(doc.querySelector('label[for="filter-input"]'), "the query box has a visible label");

  await type(dom, input, "title:recruiter");
  const expected = people.filter((p) => (p.headline ?? "").toLowerCase().includes("recruiter"));
  assert.equal(digits(count), expected.length);
  // The rows are the core's matches in the core's order (by name).
  const shown = rows(doc).map((row) => row.dataset.slug);
  assert.deepEqual(shown, coreSlugs(people, "title:recruiter"));
  assert.deepEqual(sorted(shown), sorted(expected.map((p) => p.slug)));
  assert.equal(isShown(byTestId(doc, "query-error")), false);
});

test("a_malformed_query_shows_the_error_at_its_position_and_zero_rows", async (t) => {
  const { dom, doc } = await openReview(t);
  const input = byTestId(doc, "filter-input");

  await type(dom, input, 'title:recruiter foo:bar company:"Acme"');
  const error = byTestId(doc, "query-error");
  assert.ok(isShown(error), "the error is shown");
  assert.match(text(error), /unknown filter "foo:"/);
  assert.match(text(error), /character 17/);
  assert.equal(text(error.querySelector("mark")), "foo:bar");
  assert.equal(text(byTestId(doc, "result-count")), "0");
  assert.equal(rows(doc).length, 0, "never everyone: no rows while the query is malformed");
  assert.equal(input.getAttribute("aria-invalid"), "true");

  await type(dom, input, 'title:"never closed');
  assert.ok(isShown(error));
  assert.match(text(error), /unterminated quote/);
  assert.equal(text(error.querySelector("mark")), '"never');

  doc.getElementById("query-error-select").click();
  assert.equal(doc.activeElement, input);
  assert.deepEqual([input.selectionStart, input.selectionEnd], [6, 12]);

  await type(dom, input, "title:engineer");
  assert.equal(isShown(error), false);
  assert.equal(input.hasAttribute("aria-invalid"), false);
  assert.ok(rows(doc).length > 0);
});

test("suggested_queries_apply_in_one_click_and_the_company_one_asks_for_a_name", async (t) => {
  const people = fakePeople();
  const { dom, doc } = await openReview(t, { people });
  const input = byTestId(doc, "filter-input");

  const suggested = allByTestId(doc, "suggested-query");
  const SUGGESTIONS = Core.suggestedQueries();
  assert.deepEqual(
    suggested.map((button) => text(button)),
    SUGGESTIONS.filter((s) => !s.query.includes("{company}")).map((s) => s.label),
  );
  click(
    dom,
    suggested.find((button) => text(button) === "No headline"),
  );
  await frame(dom);
  assert.equal(input.value, "-has:headline");
  assert.equal(digits(byTestId(doc, "result-count")), people.filter((p) => !p.headline).length);

  const prompt = doc.getElementById("company-prompt");
  assert.match(text(prompt), /at a company you left/i);
  click(dom, prompt);
  const form = doc.getElementById("company-form");
  assert.ok(isShown(form));
  assert.equal(prompt.getAttribute("aria-expanded"), "true");
  doc.getElementById("company-input").value = 'Hire "Fast"';
  form.dispatchEvent(new dom.window.Event("submit", { cancelable: true }));
  await frame(dom);
  const query = 'company:"Hire Fast" OR title:"Hire Fast"';
  assert.equal(input.value, query);
  assert.equal(isShown(form), false);
  assert.equal(
    digits(byTestId(doc, "result-count")),
    people.filter((p) => p.company === "Hire Fast" || /Hire Fast/.test(p.headline ?? "")).length,
  );
  assert.equal(digits(byTestId(doc, "result-count")), coreSlugs(people, query).length);
});

test("saved_queries_apply_save_and_delete_through_the_background", async (t) => {
  const { dom, doc, extension } = await openReview(t, {
    saved: [{ name: "Old recruiters", query: "title:recruiter before:2018" }],
  });
  const input = byTestId(doc, "filter-input");

  const saved = allByTestId(doc, "saved-query");
  assert.equal(saved.length, 1);
  assert.equal(text(saved[0]), "Old recruiters");
  click(dom, saved[0]);
  await frame(dom);
  assert.equal(input.value, "title:recruiter before:2018");

  await type(dom, input, "is:kept");
  doc.getElementById("save-name").value = "Keepers";
  click(dom, byTestId(doc, "save-query"));
  await settle();
  await type(dom, input, "before:2017");
  doc.getElementById("save-name").value = "";
  click(dom, byTestId(doc, "save-query"));
  await settle();

  click(dom, doc.querySelector('[data-saved-name="Old recruiters"]'));
  await settle();

  assert.deepEqual(extension.sent, [
    { type: "save-query", name: "Keepers", query: "is:kept" },
    { type: "save-query", name: "before:2017", query: "before:2017" },
    { type: "delete-query", name: "Old recruiters" },
  ]);

  // A malformed query is not saved.
  await type(dom, input, "bogus:1");
  click(dom, byTestId(doc, "save-query"));
  await settle();
  assert.equal(extension.sent.length, 3);
  assert.match(text(doc.getElementById("save-status")), /fix it before saving/);
});

// ---------------------------------------------------------------------------

test("a_search_that_matches_nobody_says_whom_it_looked_for_and_clears_in_one_click", async (t) => {
  const { dom, doc } = await openReview(t);
  const input = byTestId(doc, "filter-input");
  await type(dom, input, "zzyzx nobody");
  const noMatch = byTestId(doc, "no-match");
  assert.ok(isShown(noMatch));
  assert.equal(text(doc.getElementById("no-match-text")), "No one matches “zzyzx nobody”.");
  assert.ok(!isShown(doc.getElementById("list-scroller")), "no empty list box");
  assert.ok(!isShown(doc.getElementById("list-message")));

  click(dom, byTestId(doc, "clear-search"));
  await frame(dom);
  assert.equal(input.value, "");
  assert.equal(doc.activeElement, input, "back in the search box");
  assert.ok(!isShown(noMatch));
  assert.ok(isShown(doc.getElementById("list-scroller")));
  assert.ok(rows(doc).length > 0);

  // A query the core cannot read is not "no match": it says what is wrong.
  await type(dom, input, "before:");
  assert.ok(!isShown(noMatch));
  assert.ok(isShown(doc.getElementById("list-message")));
});
