// netprune's own pages in another language, in a real Chromium (issue 12,
// part 4): with the browser in German and in Turkish, the popup, the review
// page and the options page are worded from that language's messages.json,
// <html lang> names it, and the browser fills the messages' $1…$9 the way
// lib/i18n.js relies on (direct substitutions, no named placeholders), and
// the popup's five figures and next step still fit 400 × 600 in the longer
// words. The jsdom suite (tests/i18n/) proves every state shows no English; this proves
// the browser's own i18n.getMessage gives the pages those words.

// Functions passed to page.evaluate run in the page.
/* global document */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CHROME_DIR,
  CHROMIUM_BINARY,
  CHROMIUM_FLAGS,
  POPUP_SIZE,
  ROOT,
  assertAnswersFirst,
  cleanUp,
  removeDir,
  tempDir,
  waitFor,
} from "./harness.mjs";

const messagesOf = (language) =>
  JSON.parse(readFileSync(join(ROOT, `extension/_locales/${language}/messages.json`), "utf8"));

/** Chromium in `lang` with the test build loaded; `body` gets the context and the extension's origin. */
async function withChromiumIn(lang, body) {
  const { chromium } = await import("playwright-core");
  const dir = tempDir("netprune-i18n-");
  let context = null;
  try {
    const extension = join(dir, "extension");
    cpSync(CHROME_DIR, extension, { recursive: true });
    context = await chromium.launchPersistentContext(join(dir, "profile"), {
      executablePath: CHROMIUM_BINARY,
      headless: true,
      locale: lang,
      env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` },
      ignoreDefaultArgs: ["--disable-extensions"],
      args: [
        ...CHROMIUM_FLAGS,
        `--lang=${lang}`,
        `--disable-extensions-except=${extension}`,
        `--load-extension=${extension}`,
      ],
    });
    // Nothing leaves the machine: LinkedIn is not needed here.
    await context.route(/^(?:https?|wss?):/i, (route) => route.abort("blockedbyclient"));
    const isOurs = (worker) => worker.url().startsWith("chrome-extension://");
    const worker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent("serviceworker", { predicate: isOurs, timeout: 15_000 }));
    return await body(context, `chrome-extension://${new URL(worker.url()).host}/`);
  } finally {
    await cleanUp([() => context?.close(), () => removeDir(dir)]);
  }
}

const heading = (page, selector) =>
  page.evaluate((s) => document.querySelector(s)?.textContent.trim() ?? null, selector);

for (const language of ["de", "tr"]) {
  test(`Chromium in ${language}: the pages are worded from _locales/${language}`, async () => {
    const words = messagesOf(language);
    await withChromiumIn(language, async (context, origin) => {
      const popup = await context.newPage();
      await popup.goto(`${origin}popup/popup.html`);
      await waitFor(() => heading(popup, "#figures-heading"), { what: "the popup's words" });
      assert.equal(await popup.evaluate(() => document.documentElement.lang), language);
      assert.equal(await heading(popup, "#figures-heading"), words.popupFiguresHeading.message);
      assert.equal(await heading(popup, "#queue-heading"), words.popupQueueHeading.message);
      // The longer words still leave the five figures and the next step in view.
      await popup.setViewportSize(POPUP_SIZE);
      await waitFor(() => popup.evaluate(() => !document.getElementById("summary-view").hidden), {
        what: "the popup's summary",
      });
      const shown = await assertAnswersFirst(popup, `nothing read, in ${language}`);
      assert.equal(shown.primary[0].label, words.openConnections.message);

      // The browser fills $1…$9 itself, as lib/i18n.js expects.
      const filled = await popup.evaluate(() => ({
        one: globalThis.chrome.i18n.getMessage("popupNetworkOf", ["X"]),
        three: globalThis.chrome.i18n.getMessage("popupCooldown", ["A", "B", "C"]),
        locale: globalThis.chrome.i18n.getMessage("locale"),
      }));
      assert.equal(filled.locale, language);
      assert.equal(filled.one, words.popupNetworkOf.message.replace("$1", "X"));
      assert.equal(
        filled.three,
        words.popupCooldown.message.replace("$1", "A").replace("$2", "B").replace("$3", "C"),
      );

      const review = await context.newPage();
      await review.goto(`${origin}review.html`);
      await waitFor(() => heading(review, "#query-heading"), { what: "the review page's words" });
      assert.equal(await review.evaluate(() => document.documentElement.lang), language);
      assert.equal(await heading(review, "#query-heading"), words.reviewFindHeading.message);
      assert.equal(await review.title(), words.reviewTitle.message);

      const options = await context.newPage();
      await options.goto(`${origin}options/options.html`);
      await waitFor(() => heading(options, "#pacing-heading"), { what: "the options page" });
      assert.equal(await heading(options, "#pacing-heading"), words.pacingHeading.message);
      await waitFor(
        () => options.evaluate(() => document.querySelector("label[for=hourly-cap]")?.textContent),
        { what: "the pace's fields" },
      );
      assert.equal(
        await heading(options, "label[for=hourly-cap]"),
        words.pacingHourlyLabel.message,
      );
    });
  });
}
