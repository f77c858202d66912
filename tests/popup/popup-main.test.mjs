// The popup's wiring (popup.js): the cached Summary drawn at once while the
// background wakes, re-asking when storage changes, links that open tabs, the
// review page in a tab or beside LinkedIn, and axe-core's checks of the whole
// popup. Run: node --test tests/popup/
import { test } from "node:test";
import assert from "node:assert/strict";

import { axeViolations, byTestId, isShown, settle, text } from "../review/dom.mjs";
import {
  EXTENSION_ROOT,
  emptySummary,
  count,
  fullSummary,
  stubExtension,
  deferred,
  backgroundWith,
  openPopup,
  collectRun,
  withHistory,
} from "./helpers.mjs";

test("a_new_network_revision_in_local_storage_re_requests_the_summary", async (t) => {
  let followers = 2283;
  const extension = backgroundWith(() =>
    fullSummary({ followers: count(followers, String(followers), "followers-page") }),
  );
  const { doc } = await openPopup(t, extension);
  assert.equal(byTestId(doc, "follower-count").textContent, "2,283");

  followers = 2400;
  extension.fireStorageChange({ networkRevision: { newValue: 2 } }, "sync");
  extension.fireStorageChange({ unrelated: { newValue: 1 } }, "local");
  await settle();
  assert.equal(extension.sent.length, 1, "other areas and keys are ignored");

  extension.fireStorageChange({ networkRevision: { newValue: 2 } }, "local");
  await settle();
  assert.equal(extension.sent.length, 2);
  assert.equal(byTestId(doc, "follower-count").textContent, "2,400");
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
