// `./build.sh screenshots`: the pictures in the README, taken in headless
// Chromium from the test build (dist/test/chrome) on the mock LinkedIn site,
// and written to docs/screenshots/. tests/e2e/screenshots.test.mjs takes the
// same pictures into a temporary folder and checks them, so the command
// keeps working.
//
//   node tests/screenshots.mjs [--out DIR]
//
// Each picture is the viewport a member sees, not the whole scrolled page:
// the popup at 400×600 (the most a toolbar popup shows), the review page at
// 1280×800 (a laptop) and 400×800 (the side panel), in the light and the
// dark scheme, and the removal confirmation for a selection. Nothing is
// queued: the confirmation is closed with Escape.

/* global requestAnimationFrame */

import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { createMockSite, readNetwork, ROOT, settledReview, withChromium } from "./e2e/harness.mjs";
import { generatePeople } from "./mock-site/people.mjs";

/** The network in the pictures: sixty people, every one with a headline and a date. */
const NETWORK = { generation: "react-2025", count: 64, pageSize: 64, seed: 7 };

/**
 * The mock's hand-written edge cases that exist to attack the pages
 * (markup, formulas, control characters) stay out of the pictures: the tests
 * prove they stay text, and a reader of the README needs no `<img onerror>`.
 */
function hostileSlugs() {
  return generatePeople(NETWORK)
    .filter((person) => /[<>]|^[=+@-]/u.test(person.name))
    .map((person) => person.slug);
}

/** What each picture is, in the order the README shows them. */
export const SHOTS = [
  { name: "popup-light", width: 400, height: 600 },
  { name: "popup-dark", width: 400, height: 600 },
  { name: "review-1280-light", width: 1280, height: 800 },
  { name: "review-1280-dark", width: 1280, height: 800 },
  { name: "review-400-light", width: 400, height: 800 },
  { name: "review-400-dark", width: 400, height: 800 },
  { name: "confirmation", width: 1280, height: 800 },
];

const shot = (name) => {
  const found = SHOTS.find((s) => s.name === name);
  if (!found) throw new Error(`no screenshot named ${name}`);
  return found;
};

/**
 * Takes every picture in SHOTS into `out` (created if missing); answers the
 * files written, by name.
 * @param {string} out
 * @returns {Promise<Record<string, string>>}
 */
export async function takeScreenshots(out) {
  mkdirSync(out, { recursive: true });
  const site = createMockSite({ ...NETWORK, without: hostileSlugs() });
  /** @type {Record<string, string>} */
  const written = {};
  /**
   * @param {import("playwright-core").Page} page
   * @param {string} name
   */
  const take = async (page, name) => {
    const { width, height } = shot(name);
    await page.setViewportSize({ width, height });
    // Let the page lay out again at the new size before the picture.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    const path = join(out, `${name}.png`);
    await page.screenshot({ path, animations: "disabled", caret: "hide" });
    written[name] = path;
  };

  await withChromium({ site }, async (session) => {
    const { review } = await readNetwork(session, site);

    for (const scheme of /** @type {const} */ (["light", "dark"])) {
      await review.emulateMedia({ colorScheme: scheme });
      await review.bringToFront();
      await settledReview(review);
      await take(review, `review-1280-${scheme}`);
      await take(review, `review-400-${scheme}`);
    }

    // A selection, then the confirmation naming who would be removed.
    await review.emulateMedia({ colorScheme: "light" });
    await review.setViewportSize({ width: 1280, height: 800 });
    await review.click('[data-testid="select-all-matching"]');
    await review.click('[data-testid="queue-selected"]');
    await review.locator('[data-testid="queue-dialog"][open]').waitFor();
    await take(review, "confirmation");
    await review.keyboard.press("Escape");

    const popup = await session.openPopup();
    for (const scheme of /** @type {const} */ (["light", "dark"])) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.bringToFront();
      await take(popup, `popup-${scheme}`);
    }
  });
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { out: { type: "string", default: join(ROOT, "docs/screenshots") } },
  });
  try {
    const written = await takeScreenshots(values.out);
    console.log("Screenshots:");
    for (const [name, path] of Object.entries(written)) {
      console.log(`  ${`${name}:`.padEnd(20)}${relative(process.cwd(), path) || path}`);
    }
  } catch (error) {
    console.error(`screenshots failed: ${error.message}`);
    process.exitCode = 1;
  }
}
