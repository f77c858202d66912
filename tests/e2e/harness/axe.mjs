// Accessibility checks for the extension's pages in Chromium: axe-core's
// serious and critical violations, in the light and the dark scheme.

/* global document, window, getComputedStyle, axe */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { ROOT } from "./base.mjs";

const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

/** axe-core's serious and critical violations on the page. */
export async function seriousViolations(page) {
  // CDP evaluation is not subject to the page's CSP.
  if (!(await page.evaluate(() => typeof axe !== "undefined"))) await page.evaluate(AXE);
  const results = await page.evaluate(() => axe.run(document, { resultTypes: ["violations"] }));
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target),
    }));
}

/**
 * In the light and the dark scheme: no serious or critical violation, the
 * dark scheme really applies, and, with `fitsWidth`, nothing scrolls
 * sideways.
 * @param {import("playwright-core").Page} page
 * @param {string} state what the page shows, for the messages
 * @param {{ fitsWidth?: boolean }} [options]
 */
export async function checkBothSchemes(page, state, { fitsWidth = false } = {}) {
  const backgrounds = {};
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    backgrounds[colorScheme] = await page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    );
    assert.deepEqual(await seriousViolations(page), [], `${state}, ${colorScheme}`);
    if (!fitsWidth) continue;
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(
      overflow <= 0,
      `${state}, ${colorScheme}: the page scrolls sideways by ${overflow} px`,
    );
  }
  assert.notEqual(backgrounds.light, backgrounds.dark, "the dark scheme did not apply");
}
