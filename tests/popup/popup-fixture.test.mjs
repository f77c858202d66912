// The popup against canned Summary objects: popup.html is loaded into jsdom
// (which does not run its module script), and popup.js's exported
// startPopup() is driven in node with a stub extension API standing in for
// the background. Run: node --test tests/popup/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

import { startPopup } from "../../extension/popup/popup.js";

const POPUP_HTML = readFileSync(
  new URL("../../extension/popup/popup.html", import.meta.url),
  "utf8",
);

const MINUTE = 60_000;
const CONNECTIONS_PAGE = "https://www.linkedin.com/mynetwork/invite-connect/connections/";

const GOALS = [
  { id: "thought-leader", label: "Thought leader / executive", low: 3, high: 5 },
  { id: "consultant", label: "Consultant / freelancer", low: 1.5, high: 2 },
  { id: "business-developer", label: "Business developer", low: 1, high: 1.5 },
  { id: "early-career", label: "Early career", low: 0.8, high: 1 },
];

/** A Summary with nothing read, as the background answers on a fresh install. */
function emptySummary(overrides = {}) {
  return {
    connections: null,
    followers: null,
    following: null,
    peopleRead: 0,
    badge: { status: "unknown", connectionsNeeded: null },
    cap: { limit: 30000, headroom: null, atCap: false },
    goal: "consultant",
    goals: GOALS,
    ratio: null,
    consistency: { status: "empty", problems: [] },
    page: null,
    corrupt: null,
    ...overrides,
  };
}

function count(value, shown, source, precision = "exact", agoMs = 5 * MINUTE) {
  return { value, precision, shown, readAtMs: Date.now() - agoMs, source };
}

/** 1,234 connections, 2,283 followers, 312 following: ratio 1.85, within consultant. */
function fullSummary(overrides = {}) {
  return emptySummary({
    connections: count(1234, "1,234", "connections-page"),
    followers: count(2283, "2,283", "followers-page"),
    following: count(312, "312", "following-page"),
    peopleRead: 40,
    badge: { status: "shows", connectionsNeeded: null },
    cap: { limit: 30000, headroom: 28766, atCap: false },
    ratio: { value: 2283 / 1234, approximate: false, low: 1.5, high: 2, position: "within" },
    consistency: { status: "consistent", problems: [] },
    page: {
      page: "connections",
      status: "recognised",
      url: CONNECTIONS_PAGE,
      generation: "sdui-2026",
      reason: null,
      atMs: Date.now() - MINUTE,
    },
    ...overrides,
  });
}

/**
 * A stub of `chrome` as the popup uses it. `answer(message)` plays the
 * background: it returns the reply or throws like runtime.sendMessage does.
 */
function stubExtension(answer) {
  const sent = [];
  const opened = [];
  const listeners = new Set();
  return {
    sent,
    opened,
    listeners,
    runtime: {
      async sendMessage(message) {
        sent.push(message);
        return answer(message);
      },
    },
    tabs: {
      async create(options) {
        opened.push(options.url);
        return { id: 1 };
      },
    },
    storage: {
      onChanged: {
        addListener: (listener) => listeners.add(listener),
        removeListener: (listener) => listeners.delete(listener),
      },
    },
    fireStorageChange(changes, area) {
      for (const listener of listeners) listener(changes, area);
    },
  };
}

/** Always answers with `summary` (a value or a function of the message). */
function backgroundWith(summary) {
  return stubExtension((message) => ({
    ok: true,
    summary: typeof summary === "function" ? summary(message) : summary,
  }));
}

async function openPopup(t, extension) {
  const dom = new JSDOM(POPUP_HTML);
  const doc = dom.window.document;
  const popup = startPopup(doc, extension);
  t.after(() => {
    popup.stop();
    dom.window.close();
  });
  await popup.ready;
  return { dom, doc, popup, extension };
}

const byTestId = (doc, id) => doc.querySelector(`[data-testid="${id}"]`);

/** Visible as far as the markup says: neither it nor an ancestor is hidden. */
function isShown(element) {
  for (let node = element; node; node = node.parentElement) {
    if (node.hidden) return false;
  }
  return true;
}

const text = (element) => element.textContent.replace(/\s+/g, " ").trim();

/** Lets queued promise callbacks (a stub answer, the render after it) run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

test("empty_state_explains_and_opens_the_connections_page", async (t) => {
  const { doc, extension } = await openPopup(t, backgroundWith(emptySummary()));

  assert.deepEqual(extension.sent, [{ type: "get-summary" }]);
  const empty = byTestId(doc, "empty-state");
  assert.ok(isShown(empty));
  assert.equal(byTestId(doc, "connection-count").textContent, "");
  assert.equal(byTestId(doc, "follower-count").textContent, "");
  assert.equal(byTestId(doc, "following-count").textContent, "");
  assert.equal(byTestId(doc, "cap-headroom").textContent, "");
  assert.equal(
    text(byTestId(doc, "badge-status")),
    "Badge status unknown until your connections are read",
  );
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
    "Read your connections page (sdui-2026 layout), 40 people so far",
  );
});

test("at_least_connections_from_profile_leave_the_count_empty_and_say_500_plus", async (t) => {
  const summary = fullSummary({
    connections: count(500, "500+", "profile", "at-least"),
    followers: count(1234, "1,234", "profile"),
    following: null,
    badge: { status: "shows", connectionsNeeded: null },
    cap: { limit: 30000, headroom: null, atCap: false },
    ratio: { value: 1234 / 500, approximate: true, low: 1.5, high: 2, position: "above" },
  });
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
  assert.match(text(doc.getElementById("cap-label")), /unknown/);
  // No "about N more connections" computed from a floor of 500.
  assert.equal(text(byTestId(doc, "ratio")), "≈ 2.47 : 1 above your band (1.5–2:1)");
});

test("approximate_followers_show_about_and_the_expanded_digits", async (t) => {
  const summary = fullSummary({
    followers: count(3400, "3.4K", "followers-page", "approximate"),
    ratio: { value: 3400 / 1234, approximate: true, low: 1.5, high: 2, position: "above" },
  });
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

test("below_band_names_both_levers_without_a_verdict", async (t) => {
  const summary = fullSummary({
    connections: count(1000, "1,000", "connections-page"),
    followers: count(1400, "1,400", "followers-page"),
    ratio: { value: 1.4, approximate: false, low: 1.5, high: 2, position: "below" },
  });
  const { doc } = await openPopup(t, backgroundWith(summary));

  // 1.5 x 1000 = 1500 followers, or 1400 / 1.5 = 933.3 -> 933 connections.
  assert.equal(
    text(doc.getElementById("ratio-position")),
    "below your band (1.5–2:1): about 100 more followers or 67 fewer connections would reach 1.5:1",
  );
  assert.equal(byTestId(doc, "ratio").dataset.position, "below");
});

test("partial_snapshot_warns_lists_problems_and_hides_the_ratio", async (t) => {
  const summary = fullSummary({
    followers: count(900, "900", "followers-page"),
    ratio: null,
    consistency: {
      status: "partial",
      problems: ["Followers (900) are fewer than connections (1,234); one reading is stale."],
    },
  });
  const { doc } = await openPopup(t, backgroundWith(summary));

  const warning = byTestId(doc, "consistency-warning");
  assert.ok(isShown(warning));
  const problems = [...warning.querySelectorAll("li")].map(text);
  assert.deepEqual(problems, [
    "Followers (900) are fewer than connections (1,234); one reading is stale.",
  ]);
  const ratio = byTestId(doc, "ratio");
  assert.ok(!isShown(ratio));
  assert.equal(text(ratio), "");
  const note = doc.getElementById("ratio-note");
  assert.ok(isShown(note));
  assert.match(text(note), /do not add up/);
});

test("unrecognised_page_says_nothing_was_read", async (t) => {
  const summary = emptySummary({
    page: {
      page: "connections",
      status: "unrecognised",
      url: CONNECTIONS_PAGE,
      generation: null,
      reason: "no connections list found after 15 s",
      atMs: Date.now(),
    },
  });
  const { doc } = await openPopup(t, backgroundWith(summary));

  assert.equal(
    text(byTestId(doc, "page-status")),
    "Page not recognised: no connections list found after 15 s. netprune read nothing from it.",
  );
  assert.equal(byTestId(doc, "connection-count").textContent, "");
});

test("corrupt_notice_shows_reason_as_text_and_dismiss_sends_dismiss_corrupt", async (t) => {
  const corrupt = {
    keptAs: "corruptSnapshots[0]",
    reason: 'unexpected version 9 <img src=x alt="markup">',
    atMs: Date.now(),
  };
  const extension = backgroundWith((message) =>
    message.type === "dismiss-corrupt" ? fullSummary() : fullSummary({ corrupt }),
  );
  const { doc } = await openPopup(t, extension);

  const notice = byTestId(doc, "corrupt-notice");
  assert.ok(isShown(notice));
  assert.equal(
    text(doc.getElementById("corrupt-message")),
    'Your saved network data could not be read (unexpected version 9 <img src=x alt="markup">). ' +
      "It was kept aside, not deleted.",
  );
  assert.equal(notice.querySelector("img"), null, "data is rendered as text, never as markup");

  doc.getElementById("dismiss-corrupt").click();
  await settle();
  await settle();
  assert.deepEqual(extension.sent.at(-1), { type: "dismiss-corrupt" });
  assert.ok(!isShown(notice));
  assert.equal(doc.activeElement, doc.getElementById("popup"), "focus moves off the gone button");
});

test("goal_change_sends_set_goal_and_draws_the_answer", async (t) => {
  const extension = backgroundWith((message) =>
    message.type === "set-goal"
      ? fullSummary({
          goal: message.goal,
          ratio: { value: 2283 / 1234, approximate: false, low: 3, high: 5, position: "below" },
        })
      : fullSummary(),
  );
  const { dom, doc } = await openPopup(t, extension);

  const select = byTestId(doc, "goal-select");
  select.value = "thought-leader";
  select.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  await settle();

  assert.deepEqual(extension.sent.at(-1), { type: "set-goal", goal: "thought-leader" });
  assert.equal(select.value, "thought-leader");
  assert.match(
    text(byTestId(doc, "ratio")),
    /below your band \(3–5:1\): about 1,419 more followers or 473 fewer connections/,
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

test("snapshot_change_in_local_storage_re_requests_the_summary", async (t) => {
  let followers = 2283;
  const extension = backgroundWith(() =>
    fullSummary({ followers: count(followers, String(followers), "followers-page") }),
  );
  const { doc } = await openPopup(t, extension);
  assert.equal(byTestId(doc, "follower-count").textContent, "2,283");

  followers = 2400;
  extension.fireStorageChange({ snapshot: { newValue: {} } }, "sync");
  extension.fireStorageChange({ unrelated: { newValue: 1 } }, "local");
  await settle();
  assert.equal(extension.sent.length, 1, "other areas and keys are ignored");

  extension.fireStorageChange({ snapshot: { newValue: {} } }, "local");
  await settle();
  assert.equal(extension.sent.length, 2);
  assert.equal(byTestId(doc, "follower-count").textContent, "2,400");
});

test("unreachable_background_retries_once_then_offers_try_again", async (t) => {
  let up = false;
  const extension = stubExtension(() => {
    if (!up) throw new Error("Could not establish connection. Receiving end does not exist.");
    return { ok: true, summary: fullSummary() };
  });
  const { doc } = await openPopup(t, extension);

  assert.equal(extension.sent.length, 2, "one retry before giving up");
  const error = doc.getElementById("error-state");
  assert.ok(isShown(error));
  assert.equal(
    text(doc.getElementById("error-message")),
    "netprune's background is restarting; try again.",
  );
  assert.ok(!isShown(doc.getElementById("summary-view")), "no half-drawn counts");
  assert.ok(!isShown(doc.getElementById("loading-state")));

  up = true;
  doc.getElementById("retry-button").click();
  await settle();
  await settle();
  assert.ok(!isShown(error));
  assert.equal(byTestId(doc, "connection-count").textContent, "1,234");
});

test("background_refusal_is_shown_as_its_own_sentence_without_retry", async (t) => {
  const extension = stubExtension(() => ({ ok: false, error: "The saved network is locked." }));
  const { doc } = await openPopup(t, extension);
  assert.equal(extension.sent.length, 1);
  assert.ok(isShown(doc.getElementById("error-state")));
  assert.equal(text(doc.getElementById("error-message")), "The saved network is locked.");
});

test("figure_hint_links_open_a_tab_instead_of_navigating_the_popup", async (t) => {
  const { doc, extension } = await openPopup(t, backgroundWith(emptySummary()));
  const link = doc.querySelector('[data-figure="following"] [data-part="hint-link"]');
  link.click();
  await settle();
  assert.deepEqual(extension.opened, [
    "https://www.linkedin.com/mynetwork/network-manager/people-follow/following/",
  ]);
});
