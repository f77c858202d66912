// The page's language rides on every reading: the content script sends the
// page's <html lang> as `language` (docs/ARCHITECTURE.md, page-reading), and
// the core reads the reading's dates and counts in it. The reader only
// passes the tag on; it reads no date itself.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMockSite, PATHS } from "../mock-site/site.mjs";
import { openPage } from "./harness.mjs";

const FAST = { renderDelayMs: 50 };

/**
 * The readings of a page whose <html lang> is set to `lang` before the
 * content script starts (null: the attribute removed).
 * @param {string} path
 * @param {string | null} lang
 */
async function readingsIn(path, lang) {
  const site = createMockSite({ ...FAST, count: 12, followers: 2345, following: 312 });
  const page = await openPage(site, path, { inject: false });
  try {
    if (lang === null) page.document.documentElement.removeAttribute("lang");
    else page.document.documentElement.lang = lang;
    page.injectReader();
    await page.waitForMessages(1);
    return page.readings();
  } finally {
    page.close();
  }
}

describe("page language", { concurrency: true }, () => {
  for (const lang of ["en", "de", "pt-BR", "tr", "ja"]) {
    test(`connections readings say the page is in ${lang}`, async () => {
      const readings = await readingsIn(PATHS.connections, lang);
      assert.ok(readings.length >= 1);
      for (const reading of readings) assert.equal(reading.language, lang);
    });
  }

  test("the followers tab's readings carry the language too", async () => {
    const readings = await readingsIn(PATHS.followers, "fr");
    assert.deepEqual(
      readings.map((reading) => reading.language),
      readings.map(() => "fr"),
    );
  });

  test("a page without <html lang> says null, and the core reads it as English", async () => {
    const readings = await readingsIn(PATHS.connections, null);
    for (const reading of readings) assert.equal(reading.language, null);
  });
});
