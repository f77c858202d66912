// The review page's data archive parts in every language netprune ships
// besides English (as tests/i18n/review.test.mjs does for the rest): no
// archive yet (the status line, a message term's hint, the histogram's
// contact mode), then a generated archive imported through the real reader
// and merge (the report, the status line, the Last contact column, a
// person's details, the contact bars) and a refused one. The people's names,
// the files' names and the reader's reasons (the core's words, English for
// now) are data.
import assert from "node:assert/strict";
import test from "node:test";

import * as glue from "../../dist/test/chrome/core/netprune.js";
import { missingKeys } from "../../extension/lib/i18n.js";
import { byTestId, click, frame, type } from "../review/dom.mjs";
import { rows } from "../review/helpers.mjs";
import { importArchive, openWithArchiveBackground } from "../review/archive-helpers.mjs";
import { makeArchiveFiles, zipFiles } from "../support/archive.mjs";
import { LANGUAGES } from "./messages.mjs";
import { untranslated } from "./untranslated.mjs";

const { files, people } = makeArchiveFiles({ connections: 30, messages: 200, seed: 6 });
const ZIP = await zipFiles(files);

/** What the reader itself says of each file (its reasons are the core's words). */
function readerWords() {
  const reader = new glue.ArchiveReader();
  try {
    const reports = reader.add("archive.zip", ZIP);
    return reports.flatMap((r) => [r.name, r.refused].filter(Boolean));
  } finally {
    reader.free();
  }
}

const DATA = [
  ...people.flatMap((p) => [`${p.firstName} ${p.lastName}`, p.firstName, p.lastName, p.slug]),
  ...readerWords(),
  "archive.zip",
  "messages.csv",
  "just,some",
];

function assertTranslated(doc, language, state) {
  assert.deepEqual(untranslated(doc, language, DATA), [], `${language}, ${state}`);
  assert.deepEqual([...missingKeys], [], `${language}, ${state}: keys no messages.json holds`);
}

for (const language of LANGUAGES.filter((l) => l !== "en")) {
  test(`the review page in ${language} words the data archive: none yet, imported, refused`, async (t) => {
    const { dom, doc } = await openWithArchiveBackground(t, { language });
    const input = byTestId(doc, "filter-input");
    await type(dom, input, "messaged:never");
    const mode = byTestId(doc, "histogram-mode");
    mode.value = "contact";
    mode.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
    await frame(dom);
    assertTranslated(doc, language, "no archive: status, hint, contact histogram");

    await importArchive(dom, doc, [
      new dom.window.File([ZIP], "archive.zip", { type: "application/zip" }),
    ]);
    await type(dom, input, "");
    await type(dom, input, "messages:>0 sort:-contact");
    click(dom, rows(doc)[0].querySelector(".row-main"));
    await frame(dom);
    assertTranslated(doc, language, "imported: report, status, column, details, bars");
    await type(dom, input, "messaged:never");
    assertTranslated(doc, language, "never messaged rows");

    await importArchive(dom, doc, [new dom.window.File(["just,some\n1,2\n"], "messages.csv")]);
    // The refusal's reason is the core's sentence (English for now): data.
    const reason = doc.querySelector('[data-testid="import-report"] p:nth-of-type(2)');
    const words = untranslated(doc, language, [...DATA, reason?.textContent ?? ""]);
    assert.deepEqual(words, [], `${language}, refused`);
  });
}
