// The popup's summary part (summary.js): the three figures with their
// "about" and "at least" wording, the 500+ badge, the room before the cap,
// the goal select's options and whose network it is. Run: node --test tests/popup/
import { test } from "node:test";
import assert from "node:assert/strict";

import { byTestId, isShown, settle, text } from "../review/dom.mjs";
import {
  CONNECTIONS_PAGE,
  emptySummary,
  count,
  fullSummary,
  backgroundWith,
  openPopup,
} from "./helpers.mjs";
import { coreSummary } from "./core.mjs";

test("empty_state_explains_and_opens_the_connections_page", async (t) => {
  const { doc, extension } = await openPopup(t, backgroundWith(emptySummary()));

  assert.deepEqual(extension.sent, [{ type: "get-summary" }]);
  const empty = byTestId(doc, "empty-state");
  assert.ok(isShown(empty));
  assert.equal(byTestId(doc, "connection-count").textContent, "");
  assert.equal(byTestId(doc, "follower-count").textContent, "");
  assert.equal(byTestId(doc, "following-count").textContent, "");
  assert.equal(byTestId(doc, "cap-headroom").textContent, "");
  assert.equal(text(byTestId(doc, "badge-status")), "500+ badge: not known yet");
  assert.ok(!isShown(byTestId(doc, "ratio")));
  assert.ok(!isShown(byTestId(doc, "corrupt-notice")));
  assert.ok(!isShown(byTestId(doc, "consistency-warning")));
  assert.ok(!isShown(doc.getElementById("loading-state")));
  assert.equal(text(byTestId(doc, "page-status")), "No LinkedIn page read yet.");

  // Each unknown figure says where to get it.
  const followersHint = doc.querySelector('[data-figure="followers"] [data-part="hint"]');
  assert.ok(isShown(followersHint));
  assert.match(text(followersHint), /Visit your followers page/);

  const button = doc.getElementById("open-connections");
  assert.equal(text(button), "Open your connections page");
  button.click();
  await settle();
  assert.deepEqual(extension.opened, [CONNECTIONS_PAGE]);
});

test("the_popup_says_whose_network_it_is", async (t) => {
  const { doc } = await openPopup(t, backgroundWith(fullSummary({ owner: "alice-example" })));
  assert.equal(text(byTestId(doc, "network-owner")), "Network of linkedin.com/in/alice-example");
  assert.ok(isShown(byTestId(doc, "network-owner")));

  const unknown = await openPopup(t, backgroundWith(emptySummary({ owner: null })));
  assert.match(
    text(byTestId(unknown.doc, "network-owner")),
    /Account not identified yet: it shows once a LinkedIn page names your profile/,
  );
});

test("full_counts_show_digits_badge_cap_ratio_and_page", async (t) => {
  const { doc } = await openPopup(t, backgroundWith(fullSummary()));

  assert.ok(!isShown(byTestId(doc, "empty-state")));
  assert.equal(byTestId(doc, "connection-count").textContent, "1,234");
  assert.equal(byTestId(doc, "follower-count").textContent, "2,283");
  assert.equal(byTestId(doc, "following-count").textContent, "312");
  assert.equal(
    text(doc.querySelector('[data-figure="connections"] [data-part="meta"]')),
    "read 5 minutes ago from your connections page",
  );
  assert.ok(!isShown(doc.querySelector('[data-figure="connections"] [data-part="marker"]')));
  assert.ok(!isShown(doc.querySelector('[data-figure="connections"] [data-part="hint"]')));

  assert.equal(text(byTestId(doc, "badge-status")), "500+ badge shows");
  assert.equal(byTestId(doc, "cap-headroom").textContent, "28,766");
  assert.equal(text(doc.getElementById("cap-label")), "left before the 30,000 cap");
  assert.ok(!doc.getElementById("cap").classList.contains("is-warning"));

  const select = byTestId(doc, "goal-select");
  assert.equal(select.options.length, 4);
  assert.equal(select.value, "consultant");
  assert.equal(select.selectedOptions[0].textContent, "Consultant / freelancer (1.5–2:1)");
  assert.equal(doc.querySelector('label[for="goal-select"]').textContent, "Your goal");

  const ratio = byTestId(doc, "ratio");
  assert.ok(isShown(ratio));
  assert.match(text(ratio), /^1\.85 : 1 within your band \(1\.5–2:1\)$/);
  assert.equal(
    text(byTestId(doc, "page-status")),
    "Read your connections page in LinkedIn's 2026 design, 40 people so far",
  );
  // The layout's code name is for bug reports and tests, never for the member.
  assert.equal(byTestId(doc, "page-status").dataset.generation, "sdui-2026");
});

test("at_least_connections_from_profile_leave_the_count_empty_and_say_500_plus", async (t) => {
  // The core's summary after the profile showed "500+" connections and 1,234 followers.
  const { summary } = coreSummary({ connections: "500+", followers: "1,234", fromProfile: true });
  assert.equal(summary.connections.precision, "at-least");
  assert.equal(summary.ratio.connectionsToBand, null, "the core counts nothing from a floor");
  const { doc } = await openPopup(t, backgroundWith(summary));

  assert.equal(byTestId(doc, "connection-count").textContent, "");
  const note = doc.querySelector('[data-figure="connections"] [data-part="note"]');
  assert.ok(isShown(note));
  assert.equal(text(note), "500+ (from your profile)");
  const hint = doc.querySelector('[data-figure="connections"] [data-part="hint"]');
  assert.ok(isShown(hint));
  assert.match(text(hint), /Visit your connections page/);

  assert.equal(text(byTestId(doc, "badge-status")), "500+ badge shows");
  assert.equal(byTestId(doc, "cap-headroom").textContent, "");
  assert.equal(text(doc.getElementById("cap-label")), "Room before the 30,000 cap: not known yet");
  // No "about N more connections" computed from a floor of 500.
  assert.equal(text(byTestId(doc, "ratio")), "≈ 2.47 : 1 above your band (1.5–2:1)");
});

test("approximate_followers_show_about_and_the_expanded_digits", async (t) => {
  // The core's summary after the followers page showed "3.4K".
  const { summary } = coreSummary({ connections: "1,234", followers: "3.4K" });
  const { doc } = await openPopup(t, backgroundWith(summary));

  assert.equal(byTestId(doc, "follower-count").textContent, "3,400");
  const marker = doc.querySelector('[data-figure="followers"] [data-part="marker"]');
  assert.ok(isShown(marker));
  assert.equal(marker.textContent, "about");
  assert.ok(!byTestId(doc, "follower-count").contains(marker));
  assert.equal(
    text(doc.querySelector('[data-figure="followers"] [data-part="note"]')),
    "(LinkedIn shows 3.4K)",
  );
  // 3400 / 2 = 1700 connections would bring it to the top of the band.
  assert.equal(
    text(byTestId(doc, "ratio")),
    "≈ 2.76 : 1 above your band (1.5–2:1): about 466 more connections would bring it to 2:1",
  );
});

test("badge_not_yet_counts_the_connections_still_needed", async (t) => {
  const summary = fullSummary({
    connections: count(463, "463", "connections-page"),
    badge: { status: "not-yet", connectionsNeeded: 37 },
    cap: { limit: 30000, headroom: 29537, atCap: false },
  });
  const { doc } = await openPopup(t, backgroundWith(summary));
  assert.equal(text(byTestId(doc, "badge-status")), "500+ badge not yet: 37 more connections");
});

test("cap_headroom_under_a_thousand_is_drawn_as_a_warning", async (t) => {
  const near = fullSummary({ cap: { limit: 30000, headroom: 640, atCap: false } });
  const { doc } = await openPopup(t, backgroundWith(near));
  assert.equal(byTestId(doc, "cap-headroom").textContent, "640");
  assert.ok(doc.getElementById("cap").classList.contains("is-warning"));
  assert.match(text(doc.getElementById("cap-note")), /Close to the cap/);
});

test("at_cap_says_no_new_connection_can_be_made", async (t) => {
  const full = fullSummary({ cap: { limit: 30000, headroom: 0, atCap: true } });
  const { doc } = await openPopup(t, backgroundWith(full));
  assert.equal(byTestId(doc, "cap-headroom").textContent, "0");
  assert.ok(doc.getElementById("cap").classList.contains("is-warning"));
  assert.match(text(doc.getElementById("cap-note")), /no new connection can be made/);
});

test("the_canned_summaries_have_the_shape_the_core_answers", () => {
  // The hand-made Summaries above stand in for the core's; this keeps them
  // from drifting: every field the core answers is there, nested ones too.
  // (`history` is left out on purpose: a Summary without it is drawn too.)
  const { summary } = coreSummary({ connections: "1,234", followers: "2,283" });
  const canned = fullSummary();
  const keys = (object) => Object.keys(object ?? {}).sort();
  const missing = keys(summary).filter((key) => key !== "history" && !(key in canned));
  assert.deepEqual(missing, [], "top-level fields the canned Summary lacks");
  for (const part of [
    "connections",
    "followers",
    "badge",
    "cap",
    "ratio",
    "consistency",
    "page",
    "relations",
  ]) {
    assert.deepEqual(keys(canned[part]), keys(summary[part]), part);
  }
  assert.deepEqual(
    emptySummary().relations,
    coreSummary({}).summary.relations,
    "nothing read: the core's zeros",
  );
  // The canned estimate is the core's for the canned figures (2,283 - 1,234).
  assert.deepEqual(
    [canned.relations.followersNotConnections, canned.relations.followersNotConnectionsPrecision],
    [summary.relations.followersNotConnections, summary.relations.followersNotConnectionsPrecision],
  );
  assert.deepEqual(keys(canned.goals[0]), keys(summary.goals[0]), "goals");
  assert.deepEqual(
    canned.goals.map((goal) => [goal.id, goal.low, goal.high]),
    summary.goals.map((goal) => [goal.id, goal.low, goal.high]),
    "the same goals and bands",
  );
});
