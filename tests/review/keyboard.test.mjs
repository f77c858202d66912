// The review page's keyboard (review/keyboard.js) and its rows' faces
// (initials, the profile link), in jsdom on the real core: j/k and the
// arrows move, Space selects without opening the details, Shift selects a
// range, "a" selects everyone shown, "/" goes to the search, "?" opens the
// help that lists them and Escape closes it; none fires while typing in a
// field or with Ctrl. The e2e twin is tests/e2e/review-layout.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";

import { initialsOf, profileLinkOf } from "../../extension/review/review.js";
import { isTyping } from "../../extension/review/keyboard.js";
import { byTestId, frame, isShown, key, type } from "./dom.mjs";
import { openReview, rows } from "./helpers.mjs";
import { HOSTILE_NAMES, numberedPeople } from "./people.mjs";

/** The focused row's position, or null. */
const focused = (doc) => {
  const row = doc.activeElement?.closest?.('[data-testid="person-row"]');
  return row ? Number(row.dataset.position) : null;
};

const selectedCount = (doc) => byTestId(doc, "selected-count").textContent;

test("j_k_and_arrows_move_space_selects_without_opening_details_and_shift_selects_a_range", async (t) => {
  const { dom, doc } = await openReview(t, { people: numberedPeople(50) });
  // j from outside the list goes to the list's current person.
  key(dom, doc.body, "j");
  assert.equal(focused(doc), 0);
  key(dom, doc.activeElement, "j");
  key(dom, doc.activeElement, "ArrowDown");
  assert.equal(focused(doc), 2);
  key(dom, doc.activeElement, "k");
  key(dom, doc.activeElement, "ArrowUp");
  assert.equal(focused(doc), 0);

  key(dom, doc.activeElement, " ");
  assert.equal(selectedCount(doc), "1");
  assert.equal(isShown(doc.getElementById("details")), false, "Space selects; it opens nothing");
  key(dom, doc.activeElement, " ");
  assert.equal(selectedCount(doc), "0", "Space again unselects");
  key(dom, doc.activeElement, " ");

  // Shift with a move, then with Space: everyone from the last one chosen.
  key(dom, doc.activeElement, "J", { shiftKey: true });
  key(dom, doc.activeElement, "ArrowDown", { shiftKey: true });
  assert.equal(focused(doc), 2);
  assert.equal(selectedCount(doc), "3");
  key(dom, doc.activeElement, "j");
  key(dom, doc.activeElement, "j");
  key(dom, doc.activeElement, "j");
  key(dom, doc.activeElement, " ", { shiftKey: true });
  assert.equal(selectedCount(doc), "6", "positions 0 to 5");
  const checked = rows(doc)
    .filter((row) => row.querySelector(".row-select").checked)
    .map((row) => Number(row.dataset.position))
    .sort((a, b) => a - b);
  assert.deepEqual(checked, [0, 1, 2, 3, 4, 5]);

  // "a": everyone shown.
  key(dom, doc.activeElement, "a");
  assert.equal(selectedCount(doc), "50");
  assert.equal(byTestId(doc, "queue-selected").textContent, "Remove 50…");
  assert.equal(byTestId(doc, "keep-selected").textContent, "Keep 50");
});

test("shortcuts_never_fire_while_typing_in_a_field_or_with_ctrl", async (t) => {
  const { dom, doc } = await openReview(t, { people: numberedPeople(20) });
  const input = byTestId(doc, "filter-input");
  input.focus();
  for (const name of ["j", "k", "a", " ", "/", "?"]) key(dom, input, name);
  assert.equal(doc.activeElement, input, "the search box keeps the focus");
  assert.equal(selectedCount(doc), "0");
  assert.equal(doc.getElementById("help-popover").open, false);
  const saveName = doc.getElementById("save-name");
  saveName.focus();
  key(dom, saveName, "a");
  assert.equal(selectedCount(doc), "0", "nor in the save form's name");
  key(dom, doc.body, "a", { ctrlKey: true });
  assert.equal(selectedCount(doc), "0", "Ctrl+A is the browser's");

  assert.equal(isTyping(input), true);
  assert.equal(isTyping(rows(doc)[0].querySelector(".row-select")), false);
  assert.equal(isTyping(doc.body), false);
});

test("slash_goes_to_the_search_and_question_mark_opens_the_help_listing_every_shortcut", async (t) => {
  const { dom, doc } = await openReview(t, { people: numberedPeople(20) });
  const input = byTestId(doc, "filter-input");
  await type(dom, input, "name:Person");
  rows(doc)[0].querySelector(".row-main").focus();
  key(dom, doc.activeElement, "/");
  assert.equal(doc.activeElement, input);
  assert.equal(input.selectionStart, 0, "the search is selected, to type over");
  assert.equal(input.selectionEnd, input.value.length);

  rows(doc)[0].querySelector(".row-main").focus();
  key(dom, doc.activeElement, "?");
  const help = doc.getElementById("help-popover");
  assert.equal(help.open, true);
  const listed = byTestId(doc, "shortcuts").textContent;
  for (const shortcut of ["/", "j", "k", "Space", "Shift", "a", "Enter", "?"]) {
    assert.ok(listed.includes(shortcut), `the help lists ${shortcut}`);
  }
  assert.match(doc.getElementById("query-help").textContent, /\S/, "and the search language");
  key(dom, doc.activeElement, "Escape");
  assert.equal(help.open, false);
  assert.equal(doc.activeElement, help.querySelector("summary"), "focus back on the ?");
});

test("the_more_menu_opens_and_closes_with_escape_and_after_an_action", async (t) => {
  const { dom, doc } = await openReview(t, { people: numberedPeople(20) });
  const toggle = doc.getElementById("more-toggle");
  toggle.click();
  assert.equal(toggle.getAttribute("aria-expanded"), "true");
  key(dom, byTestId(doc, "export-csv"), "Escape");
  assert.equal(toggle.getAttribute("aria-expanded"), "false");
  assert.equal(doc.activeElement, toggle);
  toggle.click();
  byTestId(doc, "clear-selection").disabled = false;
  byTestId(doc, "clear-selection").click();
  await frame(dom);
  assert.equal(toggle.getAttribute("aria-expanded"), "false", "an action closes the menu");
});

test("rows_show_initials_and_a_profile_link_and_hostile_names_stay_text", async (t) => {
  const people = numberedPeople(HOSTILE_NAMES.length);
  HOSTILE_NAMES.forEach((name, i) => {
    people[i].name = name;
  });
  const { doc } = await openReview(t, { people, viewport: 5000 });
  for (const row of rows(doc)) {
    assert.equal(row.querySelectorAll("script, img, b, i, iframe").length, 0);
    const link = row.querySelector('[data-testid="person-profile"]');
    assert.match(link.href, /^https:\/\/www\.linkedin\.com\/in\/[^/?#]+\/$/);
    assert.equal(link.target, "_blank");
    assert.equal(link.rel, "noopener noreferrer");
    assert.equal(row.querySelector(".row-initials").getAttribute("aria-hidden"), "true");
  }
  assert.equal(doc.defaultView.__pwned, undefined);
});

test("initials_are_the_first_and_last_words_first_letters_in_any_script", () => {
  assert.equal(initialsOf("Ada Lovelace"), "AL");
  assert.equal(initialsOf("Ada King Lovelace"), "AL");
  assert.equal(initialsOf("chloé"), "C");
  assert.equal(initialsOf("Élodie Ömer"), "ÉÖ");
  assert.equal(initialsOf("李 小龙"), "李小");
  assert.equal(initialsOf("  "), "?");
  assert.equal(initialsOf("<b>Bold</b> (x)"), "BX");
  assert.equal(initialsOf(null), "?");
});

test("a_profile_link_is_built_only_from_a_slug_that_is_one", () => {
  const link = (slug, unmatched = false) => profileLinkOf({ slug, unmatched });
  assert.equal(link("jane-doe-1a2b3c"), "https://www.linkedin.com/in/jane-doe-1a2b3c/");
  assert.equal(link("jürgen_x"), "https://www.linkedin.com/in/j%C3%BCrgen_x/");
  for (const hostile of ["../x", "a/b", "a?b", "a#b", "a%2Fb", "a b", "javascript:alert(1)", ""]) {
    assert.equal(link(hostile), null, hostile);
  }
  assert.equal(link("jane-doe", true), null, "an export row not yet seen on the page");
});
