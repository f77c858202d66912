// The popup's notices (notices.js): readings that do not add up, a page not
// recognised, saved data kept aside (unreadable or made by a newer netprune,
// with its download), and a background that cannot answer (Try again, with
// the cached figures kept under it). Run: node --test tests/popup/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { byTestId, isShown, settle, text } from "../review/dom.mjs";
import {
  CONNECTIONS_PAGE,
  emptySummary,
  count,
  fullSummary,
  stubExtension,
  backgroundWith,
  openPopup,
} from "./helpers.mjs";

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

test("a_kept_aside_stored_network_is_downloaded_as_its_own_bytes", async (t) => {
  const corrupt = {
    keptAs: "corruptSnapshots[0]",
    reason: "saved network data unreadable: it is cut short",
    atMs: Date.now(),
    kind: "unreadable",
  };
  // The compact bytes the background kept aside, sent as base64 text.
  const bytes = Uint8Array.from([0x4e, 0x50, 0x53, 0x4e, 0x41, 0x50, 1, 0, 0xff, 0x80, 0]);
  const raw = Buffer.from(bytes).toString("base64");
  const extension = stubExtension((message) =>
    message.type === "kept-snapshot"
      ? { ok: true, raw, encoding: "base64", kind: "unreadable", atMs: corrupt.atMs }
      : { ok: true, summary: fullSummary({ corrupt }) },
  );
  const { doc, dom } = await openPopup(t, extension);
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
  assert.match(clicked[0], /^netprune-kept-unreadable-snapshot-\d{4}-\d{2}-\d{2}\.bin$/);
  const read = await new Promise((resolve, reject) => {
    const reader = new dom.window.FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(saved[0]);
  });
  assert.deepEqual([...read], [...bytes]);
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

test("an_unrecognised_page_status_keeps_its_own_warning_style", () => {
  // Regression: an edit once left `.page-status.is-warning,` as the first
  // selector of `.button-row`'s rule, so the warning lost its colours and the
  // line became a flex row.
  const css = readFileSync(new URL("../../extension/popup/popup.css", import.meta.url), "utf8");
  const rules = [...css.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(/([^{}]+)\{([^}]*)\}/g)];
  const warning = rules.filter(([, selectors]) =>
    selectors.split(",").some((selector) => selector.trim() === ".page-status.is-warning"),
  );
  assert.equal(warning.length, 1);
  const [, selectors, body] = warning[0];
  assert.equal(selectors.trim(), ".page-status.is-warning", "shares its rule with nothing");
  assert.match(body, /background:\s*var\(--warning-bg\)/);
  assert.match(body, /color:\s*var\(--warning-text\)/);
});
