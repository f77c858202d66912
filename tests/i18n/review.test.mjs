// The review page (and side panel) in every language netprune ships besides
// English: opened in jsdom with that language's messages.json on the real
// core, as tests/review does, and driven through its main states (nothing
// collected; a loaded network with a person's details, a query the core
// cannot read, a saved query, a running and a finished collection, the page
// check, an import report, a backup restore asked; the removal confirmation
// open, in a dry run, below 500, answered with a refusal; a paused queue),
// it must show no English word of en/messages.json that the language words
// differently, and never ask for a key no messages.json holds. The people's
// names, headlines and companies are their data, not UI words.
import assert from "node:assert/strict";
import test from "node:test";

import { missingKeys } from "../../extension/lib/i18n.js";
import {
  byTestId,
  captureDownloads,
  chooseFile,
  click,
  frame,
  settle,
  type,
  waitFor,
} from "../review/dom.mjs";
import {
  connectionsCount,
  openQueueDialog,
  openReview,
  queueState,
  rows,
  GERMAN_WORDS,
  SEEN_ZOE,
  snapshotIn,
} from "../review/helpers.mjs";
import { fakePeople, manyPeople, queuePeople } from "../review/people.mjs";
import { LANGUAGES } from "./messages.mjs";
import { untranslated } from "./untranslated.mjs";

const DATA = [...fakePeople(), ...queuePeople(), ...manyPeople(40)].flatMap((p) =>
  [p.name, p.headline, p.company, p.position, p.slug].filter(Boolean),
);

function assertTranslated(doc, language, state) {
  assert.deepEqual(untranslated(doc, language, DATA), [], `${language}, ${state}`);
  assert.deepEqual([...missingKeys], [], `${language}, ${state}: keys no messages.json holds`);
}

const CHECK = {
  generation: "sdui-2026",
  statedTotal: "1,217",
  cardsOnPage: 12,
  cardsRead: 12,
  firstCards: [{ slug: "p-1", name: "Ada", headline: null, connected: null, menuButtons: 2 }],
  menuFound: true,
  searchBoxFound: false,
  memberFound: false,
  removalOff: true,
  // What the reader found missing, and why an import row was skipped, are
  // the content script's and the core's own words (English, no code yet):
  // data here, not the page's words.
  missing: ["search-box"],
};

const IMPORT_REPORT = {
  rows: 3,
  matched: 1,
  added: 1,
  unmatched: 1,
  skipped: [{ line: 4, reason: "x" }],
};

function background(message) {
  switch (message.type) {
    case "page-check":
      return { ok: true, check: CHECK };
    case "import-csv":
      return { ok: true, report: IMPORT_REPORT };
    case "restore-backup":
      return {
        ok: true,
        report: { people: 3, notRequeued: 2, cancelled: 1, inFlight: "p-1", keptRemoved: 2 },
      };
    case "collect-start":
      return { ok: true, collect: { running: true, seen: 40, target: null } };
    default:
      return { ok: true };
  }
}

for (const language of LANGUAGES.filter((l) => l !== "en")) {
  test(`the review page in ${language} shows no English: empty, loaded, collect, files, queue`, async (t) => {
    // Nothing collected yet.
    let opened = await openReview(t, { store: {}, language });
    assert.equal(opened.doc.documentElement.lang, language.replace("_", "-"));
    assertTranslated(opened.doc, language, "nothing collected");

    // A loaded network: a person's details, the histogram, saved queries.
    opened = await openReview(t, {
      language,
      answer: background,
      saved: [{ name: "Old", query: "before:5y" }],
    });
    const { dom, doc, extension } = opened;
    click(dom, rows(doc)[0].querySelector(".row-main"));
    await frame(dom);
    assertTranslated(doc, language, "loaded, details open");

    // A query the core cannot read, then one that matches no one, then saving.
    await type(dom, byTestId(doc, "filter-input"), "sort:zzz");
    assertTranslated(doc, language, "a query error");
    await type(dom, byTestId(doc, "filter-input"), "zzzz-nobody");
    click(dom, byTestId(doc, "save-query"));
    await settle();
    assertTranslated(doc, language, "no match, query saved");
    await type(dom, byTestId(doc, "filter-input"), "");

    // The selection, kept, exported.
    click(dom, byTestId(doc, "select-all-matching"));
    click(dom, byTestId(doc, "keep-selected"));
    await settle();
    assertTranslated(doc, language, "selection kept");

    // Collecting: running, then complete with people gone; the page check.
    click(dom, byTestId(doc, "collect-all"));
    await settle();
    extension.write({ collect: { running: false, outcome: "complete", seen: 50, gone: 2 } });
    click(dom, byTestId(doc, "page-check"));
    await waitFor(() => !doc.getElementById("page-check-result").hidden, "the page check");
    assertTranslated(doc, language, "collected, page checked");
    extension.write({
      collect: { running: false, outcome: "ended", seen: 20, target: 50, reason: "x" },
    });
    assertTranslated(doc, language, "collection ended short");

    // An import report, and a restore asked for.
    chooseFile(
      dom,
      byTestId(doc, "import-csv"),
      new dom.window.File(["First Name\n"], "Connections.csv", { type: "text/csv" }),
    );
    await waitFor(
      () => /Connections\.csv/.test(byTestId(doc, "import-report").textContent),
      "the report",
    );
    await settle();
    chooseFile(
      dom,
      byTestId(doc, "backup-restore"),
      new dom.window.File(["{}"], "backup.json", { type: "application/json" }),
    );
    await waitFor(() => !doc.getElementById("restore-confirm").hidden, "the restore question");
    assertTranslated(doc, language, "import report, restore asked");
    const status = doc.getElementById("backup-status");
    click(dom, byTestId(doc, "backup-restore-confirm"));
    await waitFor(() => /\.json/.test(status.textContent), "the restore's report");
    assertTranslated(doc, language, "restored");

    // Export, backup, unkeeping, a query error at its end, a saved query deleted,
    // the page check's report copied.
    captureDownloads(dom);
    Object.defineProperty(dom.window.navigator, "clipboard", {
      configurable: true,
      value: { writeText: async () => {} },
    });
    click(dom, byTestId(doc, "export-csv"));
    click(dom, byTestId(doc, "backup-download"));
    await waitFor(() => /\.json/.test(status.textContent), "the backup");
    click(dom, byTestId(doc, "unkeep-selected"));
    click(dom, byTestId(doc, "page-check-copy"));
    click(dom, doc.querySelector('[data-saved-name="Old"]'));
    await type(dom, byTestId(doc, "filter-input"), "before:");
    await settle();
    assertTranslated(
      doc,
      language,
      "exported, backed up, unkept, copied, deleted, query at its end",
    );

    // The removal confirmation: below 500, a dry run, answered with a refusal.
    const queue = await openQueueDialog(t, {
      language,
      connections: connectionsCount(502),
      queue: queueState({ state: "paused", pending: 2, reason: "An English reason." }),
      answer: () => ({ ok: true, queued: 3, refused: [{ slug: "p-9", why: "alreadyQueued" }] }),
    });
    assertTranslated(queue.doc, language, "confirmation open");
    click(queue.dom, byTestId(queue.doc, "dry-run"));
    click(queue.dom, byTestId(queue.doc, "below-500-ack"));
    await settle();
    assertTranslated(queue.doc, language, "dry run ticked");
    click(queue.dom, byTestId(queue.doc, "confirm-queue"));
    await waitFor(() => queue.doc.querySelector("#queue-result .report-title"), "the answer");
    assertTranslated(queue.doc, language, "queued with a refusal");

    // The background refuses; then nobody in the selection can be queued.
    const refused = await openQueueDialog(t, {
      language,
      answer: () => ({ ok: false, error: "refused" }),
    });
    click(refused.dom, byTestId(refused.doc, "confirm-queue"));
    await waitFor(() => refused.doc.querySelector("#queue-result.is-error"), "the refusal");
    assertTranslated(refused.doc, language, "the background refused");
    const kept = queuePeople().map((p) => ({ ...p, kept: true, queued: false }));
    const nobody = await openQueueDialog(t, { language, people: kept });
    assertTranslated(nobody.doc, language, "nobody can be queued");

    // Nothing the core knows about the count yet, and an approximate count.
    const unknown = await openQueueDialog(t, { language, connections: null });
    assertTranslated(unknown.doc, language, "count unknown");
    const floor = await openQueueDialog(t, {
      language,
      connections: connectionsCount(500, "at-least"),
    });
    assertTranslated(floor.doc, language, "a 500+ floor");
  });
}

for (const language of LANGUAGES.filter((l) => l !== "en")) {
  test(`the review page in ${language} words the teach-once flow: refused, watching, seen, failed`, async (t) => {
    const people = fakePeople();
    const { dom, doc, extension } = await openReview(t, {
      language,
      store: { snapshot: snapshotIn("de", people) },
      answer: (message) => {
        if (message.type !== "teach-start") return { ok: true };
        const teach = { state: "watching", language: "de", tabId: 7, atMs: Date.now() };
        extension.write({ teach });
        return { ok: true, teach };
      },
    });
    // What LinkedIn showed the member is data, never the page's words.
    const seen = [...DATA, ...Object.values(GERMAN_WORDS).map(String), "Zoë Müller"];
    const translated = (state) => {
      assert.deepEqual(untranslated(doc, language, seen), [], `${language}, ${state}`);
      assert.deepEqual([...missingKeys], [], `${language}, ${state}`);
    };
    translated("removal not available");
    click(dom, byTestId(doc, "teach-language"));
    await settle();
    translated("watching");
    extension.write({ teach: SEEN_ZOE });
    await frame(dom);
    translated("seen");
    extension.write({ teach: { state: "failed", language: "de", tabId: 7, atMs: 1, reason: "x" } });
    await frame(dom);
    translated("failed");
  });
}

for (const language of LANGUAGES.filter((l) => l !== "en")) {
  test(`the review page in ${language} words every state: no match, hidden selection, names, queued`, async (t) => {
    const { dom, doc } = await openReview(t, { language });
    const input = byTestId(doc, "filter-input");

    // A search that finds no one, with its Clear search.
    await type(dom, input, "zzzz-nobody");
    assert.ok(!byTestId(doc, "no-match").hidden, `${language}: the no-match state shows`);
    assertTranslated(doc, language, "no match");
    click(dom, byTestId(doc, "clear-search"));
    await frame(dom);

    // Selected people the search hides, then the view of exactly them.
    await type(dom, input, "title:recruiter");
    click(dom, byTestId(doc, "select-all-matching"));
    await type(dom, input, "title:product");
    assert.ok(!byTestId(doc, "selection-outside").hidden, `${language}: the hidden selection`);
    assertTranslated(doc, language, "selection hidden by the search");
    click(dom, byTestId(doc, "show-selected"));
    await frame(dom);
    assert.ok(!byTestId(doc, "selection-view").hidden, `${language}: the selection view`);
    assertTranslated(doc, language, "only the selection shown");
    click(dom, byTestId(doc, "clear-selection"));
    await frame(dom);
    assertTranslated(doc, language, "selection cleared, back to the search");

    // The confirmation naming eight people and "+32 more", then queued.
    const queue = await openQueueDialog(t, {
      language,
      people: manyPeople(40),
      answer: () => ({ ok: true, queued: 40, refused: [] }),
    });
    const names = byTestId(queue.doc, "confirm-people").querySelectorAll("li");
    assert.equal(names.length, 9, `${language}: eight names and how many more`);
    assertTranslated(queue.doc, language, "confirmation with names");
    click(queue.dom, byTestId(queue.doc, "confirm-queue"));
    await waitFor(() => queue.doc.querySelector("#queue-result .report-title"), "the answer");
    assertTranslated(queue.doc, language, "queued, selection cleared");

    // Nobody queued: the title says so.
    const none = await openQueueDialog(t, {
      language,
      answer: () => ({ ok: true, queued: 0, refused: [] }),
    });
    click(none.dom, byTestId(none.doc, "dry-run"));
    click(none.dom, byTestId(none.doc, "confirm-queue"));
    await waitFor(() => none.doc.querySelector("#queue-result .report-title"), "the answer");
    assertTranslated(none.doc, language, "nobody queued");
  });
}
