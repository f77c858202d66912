// The review page's states said in plain words (issue 16), in headless
// Chromium on the built test extension with the real core: a search that
// finds no one ("No one matches …", Clear search, no empty list box), the
// selection hidden by a search ("… selected, not shown by this search",
// Show them lists exactly them), "Remove 3…" plainly grey when disabled in
// both schemes, and the confirmation naming the first eight people and
// "+32 more". Expectations come from the mock's people (review-expect.mjs).
//
//   ./build.sh testbuild && flock /tmp/netprune-e2e.lock \
//     node --test --test-concurrency=1 tests/e2e/review-states.test.mjs

import { describe, test } from "node:test";
import assert from "node:assert/strict";

import {
  checkBothSchemes,
  HOSTILE_NAMES,
  nameOf,
  onReviewNetwork,
  resultSlugs,
  settledReview,
  typeQuery,
} from "./harness.mjs";
import { expectSlugs, nameHas } from "./review-expect.mjs";

/* global document, getComputedStyle */

const TEST = { timeout: 90_000 };

/** Whether the element with `testid` is drawn (not hidden, with a box). */
const visible = (page, testid) => page.locator(`[data-testid="${testid}"]`).isVisible();
const textOf = async (page, testid) =>
  (await page.locator(`[data-testid="${testid}"]`).textContent()).replace(/\s+/g, " ").trim();
const focusedTestId = (page) => page.evaluate(() => document.activeElement?.dataset?.testid);

describe("Chromium: every state of the review page says what it is", () => {
  test(
    "no match names the search with Clear search and no empty list box; a selection hidden " +
      "by the search is counted and Show them lists exactly it; Remove is grey when disabled; " +
      "the confirmation names the first eight people and +32 more, as text",
    TEST,
    async () => {
      await onReviewNetwork(async ({ review, known }) => {
        const everyone = expectSlugs(known, []);
        assert.equal(await textOf(review, "shown-count"), String(everyone.length));

        // A search that finds no one.
        await typeQuery(review, "zzz");
        assert.ok(await visible(review, "no-match"), "the no-match state shows");
        assert.equal(await textOf(review, "no-match"), "No one matches “zzz”. Clear search");
        assert.equal(
          await review.locator('[data-testid="no-match"]').evaluate((e) => e.parentElement.role),
          "status",
          "the no-match state is announced",
        );
        assert.equal(
          await review.locator("#list-scroller").isVisible(),
          false,
          "no empty list box under it",
        );
        await checkBothSchemes(review, "no match");
        await review.click('[data-testid="clear-search"]');
        const cleared = await settledReview(review);
        assert.equal(cleared.query, "");
        assert.equal(cleared.resultCount, String(everyone.length));
        assert.equal(await focusedTestId(review), "filter-input", "the search box has focus");
        assert.equal(await visible(review, "no-match"), false);

        // Remove is a solid danger button, and plainly grey when nothing is selected.
        const looks = () =>
          review.evaluate(() => {
            const button = document.querySelector('[data-testid="queue-selected"]');
            const style = getComputedStyle(button);
            return {
              disabled: button.disabled,
              background: style.backgroundColor,
              opacity: style.opacity,
              bar: getComputedStyle(document.querySelector(".selection-bar")).backgroundColor,
            };
          });
        /** @type {Record<string, any>} */
        const disabledLooks = {};
        for (const colorScheme of ["light", "dark"]) {
          await review.emulateMedia({ colorScheme });
          const off = await looks();
          assert.equal(off.disabled, true);
          assert.equal(off.opacity, "1", `${colorScheme}: not a faded red`);
          assert.equal(off.background, off.bar, `${colorScheme}: grey like the bar, not red`);
          disabledLooks[colorScheme] = off.background;
        }

        // Selected people the search hides.
        const marias = expectSlugs(known, [nameHas("maria")]);
        assert.ok(marias.length >= 2, "the mock has two Marias");
        await typeQuery(review, "name:maria");
        await review.click('[data-testid="select-all-matching"]');
        await settledReview(review);
        assert.equal(await textOf(review, "selected-count"), String(marias.length));
        assert.equal(await textOf(review, "queue-selected"), `Remove ${marias.length}…`);
        for (const colorScheme of ["light", "dark"]) {
          await review.emulateMedia({ colorScheme });
          const on = await looks();
          assert.equal(on.disabled, false);
          assert.notEqual(on.background, disabledLooks[colorScheme], `${colorScheme}: solid`);
        }
        await review.emulateMedia({ colorScheme: "light" });

        await typeQuery(review, "name:jose");
        assert.ok(await visible(review, "selection-outside"), "the hidden selection is said");
        assert.equal(
          await textOf(review, "selection-outside"),
          `${marias.length} selected, not shown by this search. Show them`,
        );
        await checkBothSchemes(review, "selection hidden by the search");
        await review.click('[data-testid="show-selected"]');
        const view = await settledReview(review);
        assert.equal(view.resultCount, String(marias.length));
        assert.deepEqual(
          [...(await resultSlugs(review))].sort(),
          [...marias].sort(),
          "Show them lists exactly the selected people",
        );
        assert.ok(await visible(review, "selection-view"));
        await review.click('[data-testid="selection-view-back"]');
        const back = await settledReview(review);
        assert.equal(back.query, "name:jose", "the search comes back");

        // The confirmation names the first eight people of the plan, then how many more.
        await typeQuery(review, "");
        await review.click('[data-testid="clear-selection"]');
        await review.click('[data-testid="select-all-matching"]');
        await review.click('[data-testid="queue-selected"]');
        await review.locator('[data-testid="queue-dialog"][open]').waitFor();
        const names = await review
          .locator('[data-testid="confirm-people"] li')
          .evaluateAll((items) => items.map((item) => item.textContent));
        const expected = nameOf(known)(everyone.slice(0, 8));
        assert.deepEqual(names.slice(0, 8), expected, "the first eight, in the plan's order");
        assert.equal(names[8], `+${everyone.length - 8} more`);
        assert.equal(names.length, 9);
        assert.ok(
          expected.some((name) => HOSTILE_NAMES.includes(name)),
          "a hostile name is among the eight",
        );
        assert.equal(
          await review.evaluate(
            () =>
              document.querySelectorAll(
                '[data-testid="confirm-people"] img, [data-testid="confirm-people"] script',
              ).length,
          ),
          0,
          "names stay text",
        );
        await checkBothSchemes(review, "the confirmation with names");
        await review.keyboard.press("Escape");
        assert.equal(await focusedTestId(review), "queue-selected", "focus back on Remove");
      });
    },
  );
});
