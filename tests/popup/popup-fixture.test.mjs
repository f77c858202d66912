// The popup against canned Summary objects: popup.html is loaded into jsdom
// (which does not run its module script), and popup.js's exported
// startPopup() is driven in node with a stub extension API standing in for
// the background, storage.local and the browser's tab, window and side-panel
// APIs. Run: node --test tests/popup/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

import { startPopup, renderQueue } from "../../extension/popup/popup.js";

const POPUP_HTML = readFileSync(
  new URL("../../extension/popup/popup.html", import.meta.url),
  "utf8",
);
const AXE_SOURCE = readFileSync(
  new URL("../../node_modules/axe-core/axe.min.js", import.meta.url),
  "utf8",
);

const MINUTE = 60_000;
const EXTENSION_ROOT = "chrome-extension://netprune-test-id/";
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
 * A stub of `chrome` (or `browser`) as the popup uses it. `answer(message)`
 * plays the background: it returns the reply (or a promise of it) or throws
 * like runtime.sendMessage does. `stored` is storage.local; `readStorage`
 * can delay its answer. `sideView` picks which way of opening the review page
 * beside LinkedIn exists: Chrome's sidePanel, Firefox's sidebarAction, or
 * neither. Every call to those APIs is written to `calls`.
 */
function stubExtension(
  answer,
  { stored = {}, readStorage = async (keys) => keys, sideView = "side-panel" } = {},
) {
  const sent = [];
  const opened = [];
  const calls = [];
  const listeners = new Set();
  const extension = {
    sent,
    opened,
    calls,
    listeners,
    runtime: {
      async sendMessage(message) {
        sent.push(message);
        return answer(message);
      },
      getURL: (path) => `${EXTENSION_ROOT}${path}`,
    },
    tabs: {
      async create(options) {
        opened.push(options.url);
        return { id: 1 };
      },
    },
    windows: {
      async getCurrent() {
        calls.push("windows.getCurrent");
        return { id: 7 };
      },
    },
    storage: {
      local: {
        async get(keys) {
          await readStorage(keys);
          return Object.fromEntries(keys.filter((key) => key in stored).map((k) => [k, stored[k]]));
        },
      },
      onChanged: {
        addListener: (listener) => listeners.add(listener),
        removeListener: (listener) => listeners.delete(listener),
      },
    },
    fireStorageChange(changes, area) {
      for (const listener of listeners) listener(changes, area);
    },
  };
  if (sideView === "side-panel") {
    extension.sidePanel = {
      async open(options) {
        calls.push(["sidePanel.open", options]);
      },
    };
  } else if (sideView === "sidebar") {
    extension.sidebarAction = {
      async open() {
        calls.push(["sidebarAction.open"]);
      },
    };
  }
  return extension;
}

/** A promise the test settles by hand: a background (or storage) that answers late. */
function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Always answers with `summary` (a value or a function of the message). */
function backgroundWith(summary, options) {
  return stubExtension(
    (message) => ({
      ok: true,
      summary: typeof summary === "function" ? summary(message) : summary,
    }),
    options,
  );
}

/**
 * Loads popup.html and starts the popup on it. `closed()` counts the
 * popup's window.close() calls. Waits for the background's first answer
 * unless told not to.
 */
async function openPopup(t, extension, { waitForBackground = true } = {}) {
  const dom = new JSDOM(POPUP_HTML, { runScripts: "outside-only" });
  const doc = dom.window.document;
  const closeWindow = dom.window.close.bind(dom.window);
  let closes = 0;
  dom.window.close = () => {
    closes += 1;
  };
  const popup = startPopup(doc, extension);
  t.after(() => {
    popup.stop();
    closeWindow();
  });
  if (waitForBackground) await popup.ready;
  return { dom, doc, popup, extension, closed: () => closes };
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
    "Read your connections page in LinkedIn's 2026 design (sdui-2026 layout), 40 people so far",
  );
  // The end-to-end tests find the layout by this pattern.
  assert.match(text(byTestId(doc, "page-status")), /\((sdui-2026|react-2025|artdeco) layout\)/);
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

// ---------------------------------------------------------------------------
// Instant first paint from storage.local.summary.

test("cached_summary_draws_at_once_while_a_slow_background_wakes", async (t) => {
  const background = deferred();
  const extension = stubExtension(() => background.promise, {
    stored: { summary: fullSummary() },
  });
  const { doc, popup } = await openPopup(t, extension, { waitForBackground: false });
  await popup.cached;

  assert.deepEqual(extension.sent, [{ type: "get-summary" }], "the background is asked at once");
  assert.ok(!isShown(doc.getElementById("loading-state")), "not stuck on Reading your network…");
  assert.ok(isShown(doc.getElementById("summary-view")));
  assert.equal(byTestId(doc, "connection-count").textContent, "1,234");
  assert.equal(byTestId(doc, "follower-count").textContent, "2,283");

  background.resolve({
    ok: true,
    summary: fullSummary({ followers: count(2400, "2,400", "followers-page") }),
  });
  await popup.ready;
  assert.equal(byTestId(doc, "follower-count").textContent, "2,400", "the fresh answer wins");
});

test("without_a_cached_summary_the_popup_reads_until_the_background_answers", async (t) => {
  const background = deferred();
  const extension = stubExtension(() => background.promise, { stored: {} });
  const { doc, popup } = await openPopup(t, extension, { waitForBackground: false });
  await popup.cached;

  assert.ok(isShown(doc.getElementById("loading-state")));
  assert.equal(text(doc.getElementById("loading-state")), "Reading your network…");
  assert.ok(!isShown(doc.getElementById("summary-view")));

  background.resolve({ ok: true, summary: fullSummary() });
  await popup.ready;
  assert.ok(!isShown(doc.getElementById("loading-state")));
  assert.equal(byTestId(doc, "connection-count").textContent, "1,234");
});

test("unreachable_background_keeps_the_cached_figures_under_the_try_again_notice", async (t) => {
  const extension = stubExtension(
    () => {
      throw new Error("Could not establish connection. Receiving end does not exist.");
    },
    { stored: { summary: fullSummary() } },
  );
  const { doc, popup } = await openPopup(t, extension);
  await popup.cached;

  assert.ok(isShown(doc.getElementById("error-state")));
  assert.equal(
    text(doc.getElementById("error-message")),
    "netprune's background is restarting; try again.",
  );
  assert.ok(isShown(doc.getElementById("retry-button")));
  assert.ok(isShown(doc.getElementById("summary-view")), "the cached figures stay on screen");
  assert.equal(byTestId(doc, "connection-count").textContent, "1,234");
  assert.ok(!isShown(doc.getElementById("loading-state")));
});

test("a_late_storage_read_never_draws_over_the_background_or_a_live_change", async (t) => {
  const storageRead = deferred();
  const extension = backgroundWith(
    fullSummary({ followers: count(2400, "2,400", "followers-page") }),
    {
      stored: {
        summary: fullSummary(),
        collect: collectRun({ running: true, seen: 10, target: 8012 }),
      },
      readStorage: () => storageRead.promise,
    },
  );
  const { doc, popup } = await openPopup(t, extension);
  assert.equal(byTestId(doc, "follower-count").textContent, "2,400");
  extension.fireStorageChange({ collect: { newValue: collectRun({ seen: 3140 }) } }, "local");

  storageRead.resolve();
  await popup.cached;
  assert.equal(
    byTestId(doc, "follower-count").textContent,
    "2,400",
    "the stale cache is not drawn",
  );
  assert.equal(text(doc.getElementById("collect-text")), "Collecting: 3,140 of 8,012");
});

// ---------------------------------------------------------------------------
// The way into the review page.

test("review_button_opens_review_html_in_a_tab_and_closes_the_popup", async (t) => {
  const { doc, extension, closed } = await openPopup(t, backgroundWith(fullSummary()));
  const button = byTestId(doc, "open-review");
  assert.ok(isShown(button));
  assert.equal(text(button), "Review your network");
  assert.ok(button.classList.contains("button-primary"));

  button.click();
  await settle();
  assert.deepEqual(extension.opened, [`${EXTENSION_ROOT}review.html`]);
  assert.equal(closed(), 1);
});

test("review_button_that_cannot_open_a_tab_says_so_and_keeps_the_popup_open", async (t) => {
  const extension = backgroundWith(fullSummary());
  extension.tabs.create = async () => {
    throw new Error("No window to open a tab in.");
  };
  const { doc, closed } = await openPopup(t, extension);

  byTestId(doc, "open-review").click();
  await settle();
  assert.equal(closed(), 0);
  assert.ok(isShown(doc.getElementById("error-state")));
  assert.equal(
    text(doc.getElementById("error-message")),
    "Could not open the review page: No window to open a tab in.",
  );
});

test("side_panel_button_in_chrome_opens_the_panel_for_this_window_inside_the_click", async (t) => {
  const { doc, extension, closed } = await openPopup(t, backgroundWith(fullSummary()));
  assert.deepEqual(extension.calls, ["windows.getCurrent"], "the window is looked up at load");

  const button = byTestId(doc, "open-side-panel");
  assert.ok(isShown(button));
  assert.equal(text(button), "Open beside LinkedIn");
  button.click();
  // Synchronously, before any await: Chrome requires the user gesture.
  assert.deepEqual(extension.calls.at(-1), ["sidePanel.open", { windowId: 7 }]);
  await settle();
  assert.equal(closed(), 1);
});

test("side_panel_button_in_firefox_opens_the_sidebar_inside_the_click", async (t) => {
  const extension = backgroundWith(fullSummary(), { sideView: "sidebar" });
  const { doc, closed } = await openPopup(t, extension);
  assert.ok(isShown(byTestId(doc, "open-side-panel")));

  byTestId(doc, "open-side-panel").click();
  assert.deepEqual(extension.calls, [["sidebarAction.open"]]);
  await settle();
  assert.equal(closed(), 1);
});

test("side_panel_button_is_hidden_where_neither_side_panel_nor_sidebar_exists", async (t) => {
  const extension = backgroundWith(fullSummary(), { sideView: null });
  const { doc } = await openPopup(t, extension);
  assert.ok(!isShown(byTestId(doc, "open-side-panel")));
  assert.ok(isShown(byTestId(doc, "open-review")), "the review page is still one click away");
  assert.deepEqual(extension.calls, []);
});

test("empty_state_offers_the_review_page_for_importing_linkedins_export", async (t) => {
  const { doc } = await openPopup(t, backgroundWith(emptySummary()));
  assert.ok(isShown(byTestId(doc, "empty-state")));
  assert.ok(isShown(byTestId(doc, "open-review")));
  assert.ok(isShown(byTestId(doc, "open-side-panel")));
  assert.match(text(doc.getElementById("review-lead")), /or import LinkedIn's export/i);
});

// ---------------------------------------------------------------------------
// Collection progress from storage.local.collect.

/** A Collect as the background mirrors it into storage (docs/ARCHITECTURE.md). */
function collectRun(overrides = {}) {
  return {
    running: true,
    startedAtMs: Date.now() - 10 * MINUTE,
    endedAtMs: null,
    seen: 3140,
    target: 8012,
    outcome: null,
    reason: null,
    gone: 0,
    ...overrides,
  };
}

/** Opens the popup with `collect` in storage and returns the collect-status parts. */
async function popupWithCollect(t, collect) {
  const stored = { summary: fullSummary() };
  if (collect !== undefined) stored.collect = collect;
  const opened = await openPopup(t, backgroundWith(fullSummary(), { stored }));
  await opened.popup.cached;
  const { doc } = opened;
  return {
    ...opened,
    status: byTestId(doc, "collect-status"),
    line: doc.getElementById("collect-text"),
    bar: doc.getElementById("collect-progress"),
    gone: doc.getElementById("collect-gone"),
  };
}

test("running_collection_shows_seen_of_target_with_a_labelled_progress_bar", async (t) => {
  const { status, line, bar, gone } = await popupWithCollect(t, collectRun());
  assert.ok(isShown(status));
  assert.equal(text(line), "Collecting: 3,140 of 8,012");
  assert.ok(isShown(bar));
  assert.equal(bar.tagName, "PROGRESS");
  assert.equal(bar.getAttribute("aria-label"), "Collection progress");
  assert.equal(bar.max, 8012);
  assert.equal(bar.value, 3140);
  assert.ok(!isShown(gone));
});

test("running_collection_without_a_stated_total_shows_an_indeterminate_bar", async (t) => {
  const { line, bar } = await popupWithCollect(t, collectRun({ seen: 40, target: null }));
  assert.equal(text(line), "Collecting: 40 people so far");
  assert.ok(isShown(bar));
  assert.equal(bar.hasAttribute("value"), false);
});

test("complete_collection_gives_its_date_and_how_many_people_are_gone", async (t) => {
  const endedAtMs = new Date(new Date().getFullYear(), 10, 21, 12).getTime();
  const { line, bar, gone } = await popupWithCollect(
    t,
    collectRun({ running: false, seen: 8012, outcome: "complete", endedAtMs, gone: 12 }),
  );
  assert.equal(text(line), "Collected 8,012 of 8,012 on Nov 21");
  assert.ok(!isShown(bar), "no progress bar once it has ended");
  assert.ok(isShown(gone));
  assert.equal(text(gone), "12 people are no longer your connections");
});

test("complete_collection_with_one_person_gone_says_person_and_connection", async (t) => {
  const { gone } = await popupWithCollect(
    t,
    collectRun({ running: false, seen: 8012, outcome: "complete", endedAtMs: Date.now(), gone: 1 }),
  );
  assert.equal(text(gone), "1 person is no longer your connection");
});

test("collection_that_ended_short_gives_where_and_why_and_claims_no_one_gone", async (t) => {
  const { line, bar, gone } = await popupWithCollect(
    t,
    collectRun({
      running: false,
      outcome: "ended",
      endedAtMs: Date.now(),
      reason: "the list showed no one new for 60 s.",
      gone: 4,
    }),
  );
  assert.equal(text(line), "Ended short at 3,140 of 8,012: the list showed no one new for 60 s");
  assert.ok(!isShown(bar));
  assert.ok(!isShown(gone), "only a complete run proves absence");
});

test("stopped_collection_says_where_it_stopped", async (t) => {
  const { line, bar, gone } = await popupWithCollect(
    t,
    collectRun({ running: false, outcome: "stopped", endedAtMs: Date.now(), gone: 4 }),
  );
  assert.equal(text(line), "Stopped at 3,140 of 8,012");
  assert.ok(!isShown(bar));
  assert.ok(!isShown(gone));
});

test("collect_status_is_hidden_when_collect_is_null_or_absent", async (t) => {
  const missing = await popupWithCollect(t, undefined);
  assert.ok(!isShown(missing.status));
  const none = await popupWithCollect(t, null);
  assert.ok(!isShown(none.status));
});

test("collect_status_follows_storage_changes_to_collect", async (t) => {
  const { extension, status, line, bar, gone } = await popupWithCollect(t, collectRun());
  assert.equal(text(line), "Collecting: 3,140 of 8,012");

  extension.fireStorageChange({ collect: { newValue: collectRun({ seen: 5000 }) } }, "sync");
  assert.equal(text(line), "Collecting: 3,140 of 8,012", "other storage areas are ignored");

  extension.fireStorageChange({ collect: { newValue: collectRun({ seen: 5000 }) } }, "local");
  assert.equal(text(line), "Collecting: 5,000 of 8,012");
  assert.equal(bar.value, 5000);

  const endedAtMs = new Date(new Date().getFullYear(), 0, 3, 12).getTime();
  const done = collectRun({ running: false, seen: 8012, outcome: "complete", endedAtMs, gone: 3 });
  extension.fireStorageChange({ collect: { oldValue: {}, newValue: done } }, "local");
  assert.equal(text(line), "Collected 8,012 of 8,012 on Jan 3");
  assert.equal(text(gone), "3 people are no longer your connections");
  assert.equal(extension.sent.length, 1, "a collect change alone asks the background nothing");

  extension.fireStorageChange({ collect: { oldValue: done } }, "local");
  assert.ok(!isShown(status), "removed from storage: hidden");
});

// ---------------------------------------------------------------------------
// Connections and followers over time.

const YEAR = new Date().getFullYear();
/** Local noon on a day of this year (month from 0), so dates read the same in any time zone. */
const on = (month, day, year = YEAR) => new Date(year, month, day, 12).getTime();
const point = (atMs, value, precision = "exact") => ({ atMs, value, precision });

/** Connections 1,180 -> 1,234 in four readings, followers 2,010 -> 2,470 in three. */
function withHistory(history) {
  return fullSummary({
    history: history ?? {
      connections: [
        point(on(0, 3), 1180),
        point(on(3, 10), 1195),
        point(on(7, 1), 1210),
        point(on(10, 21), 1234),
      ],
      followers: [point(on(0, 3), 2010), point(on(5, 15), 2200), point(on(10, 21), 2470)],
    },
  });
}

/** The number of points a path's `d` draws: one M or L command each. */
const pathPoints = (path) => (path.getAttribute("d").match(/[ML]/g) ?? []).length;

test("chart_draws_a_line_per_figure_through_every_reading_with_a_text_alternative", async (t) => {
  const { doc } = await openPopup(t, backgroundWith(withHistory()));
  const chart = byTestId(doc, "history-chart");
  assert.ok(isShown(chart));
  assert.ok(!isShown(byTestId(doc, "history-hint")));

  const svg = chart.querySelector("svg");
  assert.equal(svg.namespaceURI, "http://www.w3.org/2000/svg");
  assert.equal(svg.getAttribute("role"), "img");
  assert.equal(
    svg.getAttribute("aria-label"),
    "Connections 1,180 → 1,234 and followers 2,010 → 2,470 between Jan 3 and Nov 21",
  );

  const paths = [...svg.querySelectorAll("path")];
  assert.deepEqual(
    paths.map((path) => path.dataset.series),
    ["connections", "followers"],
  );
  assert.deepEqual(paths.map(pathPoints), [4, 3]);
  assert.equal(svg.querySelectorAll('g[data-series="connections"] circle').length, 4);
  assert.equal(svg.querySelectorAll('g[data-series="followers"] circle').length, 3);
  assert.equal(svg.querySelectorAll(".is-hollow").length, 0);

  // The x axis runs from the first reading to the last: both lines start at
  // the left edge and end at the right one, and the ends carry the dates.
  const xs = (path) => [...path.getAttribute("d").matchAll(/[ML]([\d.]+)/g)].map((m) => +m[1]);
  assert.equal(xs(paths[0])[0], xs(paths[1])[0]);
  assert.equal(xs(paths[0]).at(-1), xs(paths[1]).at(-1));
  const labels = [...svg.querySelectorAll("text")].map((node) => node.textContent);
  assert.ok(labels.includes("Jan 3") && labels.includes("Nov 21"), labels.join(" | "));

  // The legend names both lines; the hollow-point entry is only for hollow points.
  const legend = text(chart.querySelector(".chart-legend"));
  assert.match(legend, /Connections/);
  assert.match(legend, /Followers/);
  assert.ok(!isShown(doc.getElementById("legend-hollow")));
  assert.ok(isShown(byTestId(doc, "ratio")), "the ratio against the goal band stays");
});

test("chart_draws_approximate_and_at_least_readings_hollow", async (t) => {
  const summary = withHistory({
    connections: [point(on(0, 3), 500, "at-least"), point(on(10, 21), 1234)],
    followers: [point(on(0, 3), 2000, "approximate"), point(on(10, 21), 2470)],
  });
  const { doc } = await openPopup(t, backgroundWith(summary));
  const svg = byTestId(doc, "history-chart").querySelector("svg");

  const hollow = [...svg.querySelectorAll("circle.is-hollow")];
  assert.deepEqual(
    hollow.map((circle) => circle.dataset.precision),
    ["at-least", "approximate"],
  );
  assert.equal(svg.querySelectorAll("circle:not(.is-hollow)").length, 2);
  assert.ok(isShown(doc.getElementById("legend-hollow")));
  assert.equal(
    svg.getAttribute("aria-label"),
    "Connections at least 500 → 1,234 and followers about 2,000 → 2,470 between Jan 3 and Nov 21",
  );
});

test("chart_dates_carry_the_year_when_the_readings_span_two_years", async (t) => {
  const summary = withHistory({
    connections: [point(on(11, 20, YEAR - 1), 1180), point(on(0, 5), 1234)],
    followers: [point(on(11, 20, YEAR - 1), 2010), point(on(0, 5), 2470)],
  });
  const { doc } = await openPopup(t, backgroundWith(summary));
  assert.match(
    byTestId(doc, "history-chart").querySelector("svg").getAttribute("aria-label"),
    new RegExp(`between Dec 20, ${YEAR - 1} and Jan 5, ${YEAR}$`),
  );
});

test("chart_gives_way_to_a_hint_until_each_figure_has_two_readings_at_different_times", async (t) => {
  const cases = {
    "no history in the summary": fullSummary(),
    "one follower reading": withHistory({
      connections: [point(on(0, 3), 1180), point(on(10, 21), 1234)],
      followers: [point(on(10, 21), 2470)],
    }),
    "two connection readings at the same moment": withHistory({
      connections: [point(on(10, 21), 1234), point(on(10, 21), 1234)],
      followers: [point(on(0, 3), 2010), point(on(10, 21), 2470)],
    }),
  };
  for (const [what, summary] of Object.entries(cases)) {
    const { doc } = await openPopup(t, backgroundWith(summary));
    const chart = byTestId(doc, "history-chart");
    assert.ok(!isShown(chart), what);
    assert.equal(chart.querySelector("svg"), null, what);
    const hint = byTestId(doc, "history-hint");
    assert.ok(isShown(hint), what);
    assert.equal(
      text(hint),
      "The chart appears once your connections and your followers have each been read at two different times.",
    );
  }
});

test("chart_is_redrawn_not_duplicated_when_a_new_summary_arrives", async (t) => {
  const extension = backgroundWith(withHistory());
  const { doc } = await openPopup(t, extension);
  extension.fireStorageChange({ snapshot: { newValue: "{}" } }, "local");
  await settle();
  assert.equal(extension.sent.length, 2);
  assert.equal(byTestId(doc, "history-chart").querySelectorAll("svg").length, 1);
});

// ---------------------------------------------------------------------------
// Markup checks axe-core can make without layout (contrast needs a real
// browser: the end-to-end suite runs axe there, light and dark).

async function axeViolations(dom) {
  if (!dom.window.axe) dom.window.eval(AXE_SOURCE);
  const results = await dom.window.axe.run(dom.window.document, {
    resultTypes: ["violations"],
    rules: { "color-contrast": { enabled: false } },
  });
  // Through JSON: the arrays come from the jsdom window's realm, and
  // deepStrictEqual compares prototypes.
  return JSON.parse(
    JSON.stringify(
      results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target) })),
    ),
  );
}

test("axe_finds_no_violations_in_the_empty_popup_or_one_with_chart_and_collection", async (t) => {
  const empty = await openPopup(t, backgroundWith(emptySummary()));
  assert.deepEqual(await axeViolations(empty.dom), [], "empty");

  const filled = await openPopup(
    t,
    backgroundWith(withHistory(), { stored: { collect: collectRun() } }),
  );
  await filled.popup.cached;
  assert.ok(isShown(byTestId(filled.doc, "collect-status")));
  assert.ok(isShown(byTestId(filled.doc, "history-chart")));
  assert.deepEqual(await axeViolations(filled.dom), [], "filled, collecting");
});

// ---------------------------------------------------------------------------
// The removal queue, from storage.local.queue.

const SECOND = 1000;
const HOUR = 60 * MINUTE;

/** storage.local.queue as the background writes it: the core's QueueProgress and entries. */
function queueStore(progress = {}, entries = []) {
  return {
    progress: {
      state: "running",
      reason: null,
      pausedAtMs: null,
      pending: 11,
      inProgress: 1,
      removed: 34,
      failed: 0,
      skipped: 0,
      cancelled: 0,
      removedToday: 12,
      attemptsThisHour: 3,
      attemptsToday: 12,
      hourlyCap: 15,
      dailyCap: 60,
      nextActionAtMs: null,
      waitingFor: null,
      etaMs: null,
      dryRunLeft: 0,
      pauseCause: null,
      cooldownUntilMs: null,
      cooldownReason: null,
      devPacing: false,
      ...progress,
    },
    entries,
  };
}

function entry(slug, name, kind = "pending") {
  return { slug, name, queuedAtMs: Date.now() - HOUR, status: { kind }, attempts: 0 };
}

/** One person being removed, three waiting, one already removed (not listed). */
const ENTRIES = [
  entry("ada-removed", "Ada Removed", "removed"),
  entry("bob-builder", "Bob Builder", "in-progress"),
  entry("cara-jones", "Cara Jones"),
  entry("dan-o-neil", "Dan O'Neil"),
  entry("eve-adams", "Eve Adams"),
];

/**
 * Opens the popup with `queue` in storage.local. `answerFor(message)` plays
 * the background for the queue's messages (get-summary is answered too).
 */
async function popupWithQueue(t, queue, answerFor = () => ({ ok: true })) {
  const stored = { summary: fullSummary() };
  if (queue !== undefined) stored.queue = queue;
  const extension = stubExtension(
    (message) =>
      message.type === "get-summary" ? { ok: true, summary: fullSummary() } : answerFor(message),
    { stored },
  );
  const opened = await openPopup(t, extension);
  await opened.popup.cached;
  const { doc } = opened;
  const queueMessages = () => extension.sent.filter((m) => m.type !== "get-summary");
  return { ...opened, queueMessages, part: (id) => byTestId(doc, id) };
}

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
    queueStore({ nextActionAtMs: now + 43 * SECOND, waitingFor: "pacing", etaMs: now + 3 * HOUR }),
    ENTRIES,
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
    queueStore({
      state: "paused",
      reason: "LinkedIn showed a security checkpoint.",
      pausedAtMs: Date.now() - MINUTE,
      etaMs: Date.now() + 5 * HOUR,
    }),
  );
  assert.equal(text(part("queue-state")), "Queue paused: LinkedIn showed a security checkpoint.");
  assert.ok(part("queue-state").classList.contains("is-warning"));
  assert.ok(!isShown(part("queue-pause")));
  assert.ok(isShown(part("queue-resume")));
  assert.equal(text(part("queue-next")), "Nothing happens until you resume.");
  assert.equal(text(part("queue-eta")), "about 5 h left once resumed");
});

test("queue_paused_for_want_of_the_page_offers_to_open_it_instead_of_resume", async (t) => {
  const paused = {
    state: "paused",
    reason: "Open your LinkedIn connections page to continue",
    pausedAtMs: Date.now() - MINUTE,
  };
  const { doc, part, extension, queueMessages } = await popupWithQueue(t, {
    ...queueStore(paused, ENTRIES),
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

  // Paused for anything else (or by an older background without the flag):
  // Resume, not the page.
  renderQueue(doc, queueStore(paused, ENTRIES));
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
    queueStore({
      state: "paused",
      reason: "You've reached a temporary limit",
      pauseCause: "trouble",
      cooldownUntilMs: until,
      cooldownReason: "You've reached a temporary limit",
    }),
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

test("a_snapshot_made_by_a_newer_netprune_is_not_called_corrupt_and_can_be_downloaded", async (t) => {
  const corrupt = {
    keptAs: "corruptSnapshots[2]",
    reason: "saved network data made by a newer netprune: format 2, this one reads up to 1",
    atMs: Date.now(),
    kind: "newer",
  };
  const raw = '{"version":2,"people":[]}';
  const extension = stubExtension((message) =>
    message.type === "kept-snapshot"
      ? { ok: true, raw, kind: "newer", atMs: corrupt.atMs }
      : { ok: true, summary: fullSummary({ corrupt }) },
  );
  const { doc, dom } = await openPopup(t, extension);
  const notice = byTestId(doc, "corrupt-notice");
  assert.ok(isShown(notice));
  assert.match(text(notice), /made by a newer netprune/);
  assert.match(text(notice), /kept aside, never overwritten/);
  assert.doesNotMatch(text(notice), /could not be read|corrupt/);
  const saved = [];
  dom.window.URL.createObjectURL = (blob) => {
    saved.push(blob);
    return "blob:kept";
  };
  dom.window.URL.revokeObjectURL = () => {};
  const clicked = [];
  dom.window.HTMLAnchorElement.prototype.click = function () {
    clicked.push(this.download);
  };
  byTestId(doc, "kept-snapshot-download").click();
  await settle();
  await settle();
  assert.deepEqual(extension.sent.at(-1), { type: "kept-snapshot", keptAs: "corruptSnapshots[2]" });
  assert.equal(clicked.length, 1);
  assert.match(clicked[0], /^netprune-kept-newer-snapshot-\d{4}-\d{2}-\d{2}\.json$/);
  const read = await new Promise((resolve, reject) => {
    const reader = new dom.window.FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(saved[0]);
  });
  assert.equal(read, raw);
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
  renderQueue(doc, queueStore({ nextActionAtMs: null }, ENTRIES), now);
  assert.equal(text(byTestId(doc, "queue-next")), "removing Bob Builder now");
  renderQueue(doc, queueStore({ removedToday: 3, dailyCap: null, hourlyCap: null }), now);
  assert.equal(text(byTestId(doc, "removed-today")), "3 today", "no cap under development pacing");
});

test("pause_and_resume_send_their_messages_and_focus_moves_to_the_other_button", async (t) => {
  const { doc, part, extension, queueMessages } = await popupWithQueue(t, queueStore());
  const pause = part("queue-pause");
  pause.focus();
  pause.click();
  await settle();
  assert.deepEqual(queueMessages(), [{ type: "queue-pause" }]);

  // The background pauses the queue and writes it.
  extension.fireStorageChange(
    { queue: { newValue: queueStore({ state: "paused", reason: "You paused the queue." }) } },
    "local",
  );
  assert.match(text(part("queue-state")), /paused: You paused the queue/);
  assert.ok(!isShown(pause));
  assert.equal(doc.activeElement, part("queue-resume"), "focus follows to Resume");

  part("queue-resume").click();
  await settle();
  assert.deepEqual(queueMessages(), [{ type: "queue-pause" }, { type: "queue-resume" }]);
});

test("cancel_all_asks_first_and_sends_queue_cancel_only_after_yes", async (t) => {
  const { doc, part, queueMessages } = await popupWithQueue(
    t,
    queueStore({}, ENTRIES),
    (message) => (message.type === "queue-cancel" ? { ok: true, cancelled: 11 } : { ok: true }),
  );
  const confirm = doc.getElementById("queue-cancel-confirm");
  assert.ok(!isShown(confirm));

  part("queue-cancel").click();
  assert.ok(isShown(confirm));
  assert.match(text(confirm), /Cancel the 11 people still waiting\?/);
  assert.equal(doc.activeElement, doc.getElementById("queue-cancel-no"), "the safe answer first");
  doc.getElementById("queue-cancel-no").click();
  assert.ok(!isShown(confirm));
  await settle();
  assert.deepEqual(queueMessages(), [], "keeping them sends nothing");

  part("queue-cancel").click();
  doc.getElementById("queue-cancel-yes").click();
  await settle();
  await settle();
  assert.deepEqual(queueMessages(), [{ type: "queue-cancel" }]);
  assert.ok(!isShown(confirm));
  assert.equal(text(doc.getElementById("queue-status")), "Cancelled 11 waiting removals.");
});

test("cancel_one_sends_the_slug_and_focus_moves_to_the_next_person", async (t) => {
  const { doc, extension, queueMessages } = await popupWithQueue(t, queueStore({}, ENTRIES));
  const buttonOf = (slug) =>
    doc.querySelector(
      `[data-testid="queue-entry"][data-slug="${slug}"] [data-testid="queue-cancel-one"]`,
    );
  buttonOf("dan-o-neil").focus();
  buttonOf("dan-o-neil").click();
  await settle();
  assert.deepEqual(queueMessages(), [{ type: "queue-cancel-one", slug: "dan-o-neil" }]);

  extension.fireStorageChange(
    {
      queue: {
        newValue: queueStore(
          { pending: 2, cancelled: 1 },
          ENTRIES.map((e) =>
            e.slug === "dan-o-neil" ? { ...e, status: { kind: "cancelled" } } : e,
          ),
        ),
      },
    },
    "local",
  );
  assert.equal(doc.querySelector('[data-slug="dan-o-neil"]'), null);
  assert.equal(doc.activeElement, buttonOf("eve-adams"), "focus moves to the next person");
  assert.equal(text(byTestId(doc, "queue-count")), "3");
});

test("removal_log_export_downloads_the_csv_from_the_answer_with_a_bom", async (t) => {
  const csv =
    "name,profile,when,outcome\r\nAda Removed,https://www.linkedin.com/in/ada-removed/,2026-11-20T10:00:00Z,removed\r\n";
  const { dom, doc, part, queueMessages } = await popupWithQueue(
    t,
    queueStore({}, ENTRIES),
    (message) => (message.type === "removal-log" ? { ok: true, csv } : { ok: true }),
  );
  const downloads = [];
  dom.window.URL.createObjectURL = (blob) => {
    downloads.push({ blob });
    return "blob:popup-test/1";
  };
  dom.window.URL.revokeObjectURL = () => {};
  doc.addEventListener(
    "click",
    (event) => {
      if (event.target.tagName === "A" && event.target.hasAttribute("download")) {
        downloads.at(-1).filename = event.target.download;
        event.preventDefault(); // jsdom cannot navigate; the browser would save the file
      }
    },
    true,
  );

  part("removal-log-export").click();
  await settle();
  await settle();
  assert.deepEqual(queueMessages(), [{ type: "removal-log" }]);
  assert.equal(downloads.length, 1);
  assert.match(downloads[0].filename, /^netprune-removal-log-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.equal(downloads[0].blob.type, "text/csv;charset=utf-8");
  const bytes = await new Promise((resolve, reject) => {
    const reader = new dom.window.FileReader();
    reader.onload = () => resolve(Buffer.from(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(downloads[0].blob);
  });
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM first");
  assert.equal(bytes.subarray(3).toString("utf8"), csv);
  assert.equal(doc.querySelectorAll("a[download]").length, 0, "the temporary link is gone");
  assert.match(text(doc.getElementById("queue-status")), /Saved netprune-removal-log-/);
});

test("a_refused_queue_request_is_said_in_the_queue_section", async (t) => {
  const { doc, part } = await popupWithQueue(t, queueStore(), () => ({
    ok: false,
    error: "netprune's background is restarting; try again.",
  }));
  part("queue-pause").click();
  await settle();
  await settle();
  const status = doc.getElementById("queue-status");
  assert.equal(text(status), "Could not pause: netprune's background is restarting; try again.");
  assert.ok(status.classList.contains("is-error"));
});

test("queue_section_follows_storage_changes_and_a_late_cache_never_draws_over_them", async (t) => {
  const storageRead = deferred();
  const extension = backgroundWith(fullSummary(), {
    stored: { summary: fullSummary(), queue: queueStore({ pending: 99 }) },
    readStorage: () => storageRead.promise,
  });
  const { doc, popup } = await openPopup(t, extension);
  extension.fireStorageChange(
    { queue: { newValue: queueStore({ pending: 4, inProgress: 0 }) } },
    "local",
  );
  assert.equal(text(byTestId(doc, "queue-count")), "4");
  storageRead.resolve();
  await popup.cached;
  assert.equal(text(byTestId(doc, "queue-count")), "4", "the older cached queue is not drawn");
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

  const paused = await popupWithQueue(t, queueStore({ state: "paused", reason: "Trouble." }));
  assert.deepEqual(await axeViolations(paused.dom), [], "paused");
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
