// The review page against the real core (tests/review/helpers.mjs): The collect panel and the page check.
// Run: node --test tests/review/
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, click, frame, isShown, settle, text, waitFor } from "./dom.mjs";
import { CONNECTIONS_PAGE, openReview } from "./helpers.mjs";

// Collection.

test("collect_all_sends_collect_start_and_progress_follows_storage", async (t) => {
  const { dom, doc, extension } = await openReview(t);
  const progress = byTestId(doc, "collect-progress");
  const state = doc.getElementById("collect-state");

  click(dom, byTestId(doc, "collect-all"));
  await settle();
  assert.deepEqual(extension.sent, [{ type: "collect-start" }]);

  const run = { running: true, startedAtMs: Date.now(), endedAtMs: null, seen: 3140 };
  extension.write({ collect: { ...run, target: 8012, outcome: null, reason: null, gone: 0 } });
  assert.ok(isShown(progress));
  assert.equal(text(progress), "3,140 of 8,012");
  assert.equal(text(state), "running");
  assert.equal(byTestId(doc, "collect-all").disabled, true);
  const stop = doc.getElementById("collect-stop");
  assert.ok(isShown(stop));
  click(dom, stop);
  await settle();
  assert.deepEqual(extension.sent.at(-1), { type: "collect-stop" });

  extension.write({
    collect: {
      ...run,
      running: false,
      seen: 7990,
      target: 8012,
      outcome: "ended",
      reason: "LinkedIn stopped loading more people.",
      gone: 0,
    },
  });
  assert.equal(text(progress), "7,990 of 8,012", "still shown after the run ends");
  assert.equal(text(state), "ended short: LinkedIn stopped loading more people");

  extension.write({
    collect: {
      ...run,
      running: false,
      seen: 8012,
      target: 8012,
      outcome: "complete",
      reason: null,
      gone: 12,
    },
  });
  assert.equal(text(state), "complete");
  assert.equal(byTestId(doc, "collect-all").disabled, false);
  const gone = doc.getElementById("collect-gone");
  assert.ok(isShown(gone));
  assert.match(text(gone), /12 people no longer in your connections/);
  click(dom, doc.getElementById("show-gone"));
  await frame(dom);
  assert.equal(byTestId(doc, "filter-input").value, "is:gone");
});

test("collect_start_refusal_is_shown_with_a_way_to_open_the_connections_page", async (t) => {
  const { dom, doc } = await openReview(t, {
    answer: () => ({ ok: false, error: "No LinkedIn connections tab is open." }),
  });
  click(dom, byTestId(doc, "collect-all"));
  const error = doc.getElementById("collect-error");
  await waitFor(() => isShown(error), "the collect error");
  assert.match(text(error), /No LinkedIn connections tab is open\./);
  const link = error.querySelector("a");
  assert.equal(link.href, CONNECTIONS_PAGE);
  assert.equal(link.target, "_blank");
  assert.equal(byTestId(doc, "collect-all").disabled, false);
});

// ---------------------------------------------------------------------------

test("check_this_page_shows_what_was_recognised_and_copies_a_report_without_names_or_slugs", async (t) => {
  const check = {
    generation: "sdui-2026",
    statedTotal: "1,217",
    cardsOnPage: 12,
    cardsRead: 12,
    firstCards: [
      {
        slug: "priya-nair-2b3c4d",
        name: "Priya Nair",
        headline: "Data Scientist",
        connected: "Connected on June 24, 2026",
        menuButtons: 1,
      },
    ],
    menuFound: true,
    searchBoxFound: false,
    memberFound: true,
    removalOff: true,
    missing: ["no name search box"],
  };
  const { dom, doc, extension } = await openReview(t, {
    answer: (message) => (message.type === "page-check" ? { ok: true, check } : { ok: true }),
  });
  let copied = null;
  Object.defineProperty(dom.window.navigator, "clipboard", {
    configurable: true,
    value: { writeText: async (value) => void (copied = value) },
  });
  byTestId(doc, "page-check").click();
  await settle();
  await settle();
  assert.ok(extension.sent.some((m) => m.type === "page-check"));
  const shown = text(byTestId(doc, "page-check-result"));
  assert.match(shown, /Markup: sdui-2026/);
  assert.match(shown, /Stated total: 1,217/);
  assert.match(shown, /Card 1: slug priya-nair-2b3c4d; name Priya Nair; headline Data Scientist/);
  assert.match(shown, /Removal is off on this page: no name search box\./);
  byTestId(doc, "page-check-copy").click();
  await settle();
  await settle();
  assert.ok(copied, "a report was copied");
  assert.doesNotMatch(copied, /priya|Priya|Nair|Data Scientist/);
  assert.match(copied, /slug read; name read; headline read/);
  assert.match(copied, /Removal is off on this page/);
});

test("the_other_lists_are_collected_by_name_and_their_runs_follow_storage", async (t) => {
  const { dom, doc, extension } = await openReview(t);
  const status = byTestId(doc, "collect-invitations-status");
  const button = byTestId(doc, "collect-invitations");
  assert.equal(text(status), "", "nothing said before any run");
  click(dom, button);
  await settle();
  assert.deepEqual(extension.sent, [{ type: "collect-start", list: "invitations" }]);

  const run = { tabId: 4, startedAtMs: Date.now(), endedAtMs: null, outcome: null, reason: null };
  extension.write({ listCollects: { invitations: { ...run, running: true } } });
  assert.equal(text(status), "Reading the list…");
  assert.equal(button.disabled, true, "one run at a time");
  assert.ok(isShown(doc.getElementById("collect-stop")), "a run can be stopped");
  assert.equal(byTestId(doc, "collect-following").disabled, false);

  extension.write({
    listCollects: {
      invitations: { ...run, running: false, outcome: "stopped", reason: "stopped by you" },
    },
  });
  assert.equal(text(status), "Stopped: stopped by you.");
  assert.equal(button.disabled, false);
  assert.ok(!isShown(doc.getElementById("collect-stop")));
  extension.write({
    listCollects: { invitations: { ...run, running: false, outcome: "end-of-list" } },
  });
  assert.equal(text(status), "Read to the end of the list.");
  // Read to its end, it no longer shows some: their invitations are over.
  extension.write({
    listCollects: {
      invitations: { ...run, running: false, outcome: "end-of-list", noLongerListed: 1234 },
    },
  });
  assert.equal(text(status), "Read to the end of the list; no longer on it: 1,234.");

  click(dom, byTestId(doc, "collect-following"));
  await settle();
  assert.deepEqual(extension.sent.at(-1), { type: "collect-start", list: "following" });
});

test("the_followers_list_is_collected_beside_the_others_and_says_why_its_end_dropped_nobody", async (t) => {
  const { dom, doc, extension } = await openReview(t);
  const status = byTestId(doc, "collect-followers-status");
  const button = byTestId(doc, "collect-followers");
  assert.equal(text(button), "Collect followers");
  assert.equal(text(status), "");
  click(dom, button);
  await settle();
  assert.deepEqual(extension.sent, [{ type: "collect-start", list: "followers" }]);

  const run = { tabId: 5, startedAtMs: Date.now(), endedAtMs: null, outcome: null, reason: null };
  extension.write({ listCollects: { followers: { ...run, running: true } } });
  assert.equal(text(status), "Reading the list…");
  assert.equal(button.disabled, true, "one run at a time");
  assert.equal(byTestId(doc, "collect-following").disabled, false, "each list on its own");
  assert.ok(isShown(doc.getElementById("collect-stop")), "a run can be stopped");

  // Read to its end, but the core says why that proves nobody gone.
  const endNote = "the followers figure is not known exactly";
  extension.write({
    listCollects: { followers: { ...run, running: false, outcome: "end-of-list", endNote } },
  });
  assert.equal(
    text(status),
    "Read to the end of the list; nobody dropped: the followers figure is not known exactly.",
  );
  assert.equal(button.disabled, false);
  extension.write({
    listCollects: {
      followers: { ...run, running: false, outcome: "end-of-list", noLongerListed: 3 },
    },
  });
  assert.equal(text(status), "Read to the end of the list; no longer on it: 3.");
  extension.write({
    listCollects: {
      followers: { ...run, running: false, outcome: "stalled", reason: "LinkedIn stalled" },
    },
  });
  assert.equal(text(status), "Stopped: LinkedIn stalled.");
});
