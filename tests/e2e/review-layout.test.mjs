// The review page's layout and keyboard (issue 16, parts 1-3), in headless
// Chromium on the built test extension with the real core: the list is the
// page (the first person at most 260 px from the top in a 1280×800 tab and
// in a 400×800 side panel, "Data and settings" closed once the whole network
// is collected and open while collecting is left to do), the action bar stays in view while the page and the list
// scroll, rows are 64 px with an initials circle and a profile link that
// opens in a new tab, the list's partial state offers the rest, and the
// keyboard works as the "?" help lists it (j/k and arrows, Space, Shift for a
// range, "/", "a"), never while the member types. axe finds nothing serious
// in either scheme at either width.
//
//   ./build.sh testbuild && flock /tmp/netprune-e2e.lock \
//     node --test --test-concurrency=1 tests/e2e/review-layout.test.mjs
//
// NETPRUNE_SCREENSHOTS=<dir> also saves what each width looks like, in both
// schemes, for a person to judge.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";

import { checkBothSchemes, onReviewNetwork, settledReview } from "./harness.mjs";
import { ROW_HEIGHT } from "../../extension/review/rows.js";

/* global document, window */

const TEST = { timeout: 120_000 };
const SCREENSHOTS = process.env.NETPRUNE_SCREENSHOTS ?? "";

const WIDTHS = [
  { name: "tab", width: 1280, height: 800 },
  { name: "side panel", width: 400, height: 800 },
];

/** Where the first row, the bar and the list are, in viewport pixels. */
const geometry = (page) =>
  page.evaluate(() => {
    const box = (element) => {
      if (!element) return null;
      const rect = element.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, height: rect.height };
    };
    const first = document.querySelector('[data-testid="person-row"][data-position="0"]');
    return {
      firstRow: box(first),
      bar: box(document.querySelector('[data-testid="action-bar"]')),
      settingsOpen: document.querySelector('[data-testid="data-settings"]').open,
      pageScrollable: document.documentElement.scrollHeight > window.innerHeight,
    };
  });

/** storage.local.collect after a collection that saw `seen` people and ended as `outcome`. */
const collected = (seen, outcome, target = seen) => ({
  running: false,
  startedAtMs: 1,
  endedAtMs: 2,
  seen,
  target,
  outcome,
  reason: outcome === "ended" ? "LinkedIn showed no more people" : null,
  gone: 0,
});

const focusedRow = (page) =>
  page.evaluate(() => {
    const row = document.activeElement?.closest('[data-testid="person-row"]');
    return row ? Number(row.dataset.position) : null;
  });

const selectedPositions = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="person-row"]')]
      .filter((row) => row.querySelector(".row-select").checked)
      .map((row) => Number(row.dataset.position))
      .sort((a, b) => a - b),
  );

const textOf = async (page, testid) =>
  (await page.locator(`[data-testid="${testid}"]`).textContent()).replace(/\s+/g, " ").trim();

async function screenshot(page, name) {
  if (!SCREENSHOTS) return;
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(SCREENSHOTS, `review-${name}-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

describe("Chromium: the review page's list is the page", () => {
  test(
    "the first person is at most 260 px from the top in a 1280×800 tab and a 400×800 panel; " +
      "the action bar stays in view while the page and the list scroll; rows are 64 px with " +
      "initials and a profile link to a new tab; Data and settings is closed; axe is clean",
    TEST,
    async () => {
      await onReviewNetwork(async ({ session, review, known }) => {
        // The whole network collected: nothing left to do in "Data and settings".
        await session.setStorage({ collect: collected(known.length, "complete") });
        for (const { name, width, height } of WIDTHS) {
          const page = await session.openReview({ viewport: { width, height } });
          await settledReview(page);
          const at = await geometry(page);
          assert.ok(
            at.firstRow.top <= 260,
            `${name}: the first person is ${at.firstRow.top} px from the top (at most 260)`,
          );
          assert.ok(at.firstRow.bottom <= height, `${name}: the first person is on screen`);
          assert.equal(at.firstRow.height, ROW_HEIGHT, `${name}: a row is ${ROW_HEIGHT} px`);
          assert.equal(ROW_HEIGHT, 64);
          assert.equal(
            at.settingsOpen,
            false,
            `${name}: Data and settings starts closed once everyone is collected`,
          );
          await screenshot(page, name.replace(" ", "-"));
          await checkBothSchemes(page, `the list at ${width} px`, { fitsWidth: true });

          // The row: initials, name, one line of headline, the date, the profile link.
          const row = page.locator('[data-testid="person-row"][data-position="0"]');
          assert.match(await row.locator(".row-initials").textContent(), /^\S{1,4}$/u);
          assert.equal(await row.locator(".row-initials").getAttribute("aria-hidden"), "true");
          const link = row.locator('[data-testid="person-profile"]');
          assert.match(
            await link.getAttribute("href"),
            /^https:\/\/www\.linkedin\.com\/in\/[^/?#]+\/$/,
          );
          assert.equal(await link.getAttribute("target"), "_blank");
          assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
          assert.equal(await link.isVisible(), true, `${name}: the profile link shows`);

          // Scrolling: the page (as far as it goes), then the list; the bar stays in view.
          await page.evaluate(() => window.scrollTo(0, 400));
          await page.evaluate(() => {
            document.getElementById("list-scroller").scrollTop = 600;
          });
          await settledReview(page);
          const scrolled = await geometry(page);
          assert.ok(
            scrolled.bar.top >= 0 && scrolled.bar.bottom <= height,
            `${name}: the action bar is in view after scrolling (${scrolled.bar.top}..${scrolled.bar.bottom})`,
          );
          assert.equal(
            await page.locator('[data-testid="queue-selected"]').isVisible(),
            true,
            `${name}: Remove is in reach after scrolling`,
          );
          if (page !== review) await page.close();
        }
      });
    },
  );

  test(
    "the action bar says the list is partial and why, and offers to collect the rest; " +
      "Remove 3… and Keep 3 name the count; the other actions are in More in the panel",
    TEST,
    async () => {
      await onReviewNetwork(async ({ session, review }) => {
        await session.setStorage({ collect: collected(40, "stopped", 30_000) });
        const partial = review.locator('[data-testid="list-partial"]');
        await partial.waitFor({ state: "visible", timeout: 10_000 });
        assert.equal(
          (await partial.textContent()).replace(/\s+/g, " ").trim(),
          "40 of your 30,000 connections are here: the last collection stopped. " +
            "Collect the other 29,960",
        );

        for (const position of [0, 1, 2]) {
          await review.locator(`[data-position="${position}"] .row-select`).check();
        }
        assert.equal(await textOf(review, "selected-count"), "3");
        assert.equal(await textOf(review, "queue-selected"), "Remove 3…");
        assert.equal(await textOf(review, "keep-selected"), "Keep 3");
        // In a wide tab the other actions are inline; "More" is not needed.
        assert.equal(await review.locator('[data-testid="export-csv"]').isVisible(), true);
        assert.equal(await review.locator("#more-toggle").isVisible(), false);

        const panel = await session.openReview({ viewport: { width: 400, height: 800 } });
        await settledReview(panel);
        // Collecting left to do: "Data and settings" is open at both widths,
        // so its hooks are reachable without opening anything.
        for (const page of [review, panel]) {
          assert.equal(
            await page.locator('[data-testid="data-settings"]').getAttribute("open"),
            "",
          );
          for (const hook of ["collect-all", "collect-progress", "page-check", "backup-download"]) {
            assert.equal(await page.locator(`[data-testid="${hook}"]`).isVisible(), true, hook);
          }
        }
        // The member's own choice stands: closed by them, it stays closed
        // while the collection's state changes.
        await review.locator('[data-testid="data-settings"] > summary').click();
        await session.setStorage({ collect: collected(41, "ended", 30_000) });
        await review
          .locator('[data-testid="list-partial"]')
          .getByText("LinkedIn showed no more people")
          .waitFor();
        assert.equal(
          await review.locator('[data-testid="data-settings"]').getAttribute("open"),
          null,
        );

        assert.equal(await panel.locator('[data-testid="export-csv"]').isVisible(), false);
        await panel.click("#more-toggle");
        assert.equal(await panel.locator('[data-testid="export-csv"]').isVisible(), true);
        assert.equal(await panel.locator("#more-toggle").getAttribute("aria-expanded"), "true");
        await checkBothSchemes(panel, "the More menu open at 400 px", { fitsWidth: true });
        await panel.keyboard.press("Escape");
        assert.equal(await panel.locator('[data-testid="export-csv"]').isVisible(), false);
        await panel.close();
      });
    },
  );
});

describe("Chromium: the review page by keyboard", () => {
  test(
    "'/' goes to the search; j/k and the arrows move; Space selects; Shift selects a range; " +
      "'a' selects everyone shown; '?' shows the help listing them; none fires while typing",
    TEST,
    async () => {
      await onReviewNetwork(async ({ review }) => {
        const keyboard = review.keyboard;
        await review.locator("body").click({ position: { x: 5, y: 5 } });

        await keyboard.press("/");
        assert.equal(
          await review.evaluate(() => document.activeElement?.dataset.testid),
          "filter-input",
        );
        // Typing j, k, a, / or ? in the search is typing, never a shortcut.
        await keyboard.type("jka?");
        const typed = await settledReview(review);
        assert.equal(typed.query, "jka?");
        assert.equal(typed.selectedCount, "0");
        assert.equal(await review.locator("#help-popover").getAttribute("open"), null);
        await review.locator('[data-testid="filter-input"]').fill("");
        await settledReview(review);

        // j from outside the list goes to its first person; then j/k and the arrows move.
        await review.locator("#people-heading").evaluate((h) => h.closest("section").focus());
        await keyboard.press("j");
        assert.equal(await focusedRow(review), 0);
        await keyboard.press("j");
        await keyboard.press("ArrowDown");
        assert.equal(await focusedRow(review), 2);
        await keyboard.press("k");
        assert.equal(await focusedRow(review), 1);

        // Space selects and unselects; it never opens the details.
        await keyboard.press(" ");
        assert.deepEqual(await selectedPositions(review), [1]);
        assert.equal(await review.locator("#details").isVisible(), false);
        await keyboard.press(" ");
        assert.deepEqual(await selectedPositions(review), []);
        await keyboard.press(" ");

        // Shift: a move or Space selects everyone from the last one chosen.
        await keyboard.press("Shift+J");
        await keyboard.press("Shift+ArrowDown");
        assert.equal(await focusedRow(review), 3);
        assert.deepEqual(await selectedPositions(review), [1, 2, 3]);
        await keyboard.press("j");
        await keyboard.press("j");
        await keyboard.press("Shift+Space");
        assert.deepEqual(await selectedPositions(review), [1, 2, 3, 4, 5]);
        assert.equal(await textOf(review, "selected-count"), "5");

        // A shift-click on a check box selects the range too.
        await review.locator('[data-position="8"] .row-select').click({ modifiers: ["Shift"] });
        assert.deepEqual(await selectedPositions(review), [1, 2, 3, 4, 5, 6, 7, 8]);

        // "a": everyone shown.
        await keyboard.press("a");
        const all = await settledReview(review);
        assert.equal(all.selectedCount, all.resultCount);

        // Enter on a person opens the details; Escape gives the row back.
        await review.locator('[data-position="8"] .row-main').focus();
        await keyboard.press("Enter");
        assert.equal(await review.locator("#details").isVisible(), true);
        await keyboard.press("Escape");
        assert.equal(await review.locator("#details").isVisible(), false);

        // "?" shows the help, which lists every shortcut; Escape closes it.
        await keyboard.press("?");
        assert.equal(await review.locator(".popover-body").first().isVisible(), true);
        const help = await textOf(review, "shortcuts");
        for (const key of ["/", "j", "k", "Space", "Shift", "a", "Enter", "?"]) {
          assert.ok(help.includes(key), `the help lists ${key}: ${help}`);
        }
        await checkBothSchemes(review, "the help open");
        await keyboard.press("Escape");
        assert.equal(await review.locator("#help-popover").getAttribute("open"), null);
      });
    },
  );
});
