// A removal step's name search, dry run and check, in every markup
// generation: a person who is not rendered is found through the page's own
// name search (left empty afterwards), a namesake is never touched, a search
// that finds nobody before any click stays a failure, a dry run stops at the
// confirm button, and a check (`mode: "verify"`) clicks nothing but the
// search box and answers only on positive evidence.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  assertOnlyAllowedClicks,
  CONFIRM,
  GENERATIONS,
  GRACE,
  listedSlugs,
  MARIA,
  nextAttempt,
  NOA,
  openDialogs,
  OTHER_MARIA,
  SAM,
  searchBox,
  step,
  withConnections,
  ZOE,
} from "./remove-helpers.mjs";
import { removeStep, waitFor } from "./harness.mjs";

describe("removal step", { concurrency: true }, () => {
  for (const generation of GENERATIONS) {
    test(`finds a person who is not rendered through the name search in ${generation}`, async () => {
      await withConnections({ generation }, async ({ site, page, clicks }) => {
        assert.ok(!listedSlugs(page).includes(GRACE.slug), "not rendered before the step");
        const report = await step(page, GRACE);
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.match(report.observed, /found through a name search/);
        assert.deepEqual([...site.removed], [GRACE.slug]);
        assert.equal(clicks[0], "search-box");
        assertOnlyAllowedClicks(clicks, GRACE.slug);
        assert.ok(clicks.includes(CONFIRM[generation]));
        // The search box is left as the member left it: empty.
        assert.equal(searchBox(page).value, "");
      });
    });

    test(`removes the asked Maria Silva and never touches her namesake in ${generation}`, async () => {
      await withConnections({ generation }, async ({ site, page, clicks }) => {
        const report = await step(page, MARIA);
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.deepEqual([...site.removed], [MARIA.slug]);
        assert.ok(!clicks.includes(`menu-button:${OTHER_MARIA.slug}`));
        assertOnlyAllowedClicks(clicks, MARIA.slug);

        // Someone of that name who is not a connection (another slug) is
        // not found, and nobody's menu is opened looking for them.
        clicks.length = 0;
        const missing = await step(page, { slug: "maria-silva-000000", name: "Maria Silva" });
        assert.deepEqual(missing.outcome, { kind: "not-found" });
        assert.match(
          missing.observed,
          /nobody linking to \/in\/maria-silva-000000\/ \(its 1 person listed leave them out\); 1 other person of that name left alone/,
        );
        assert.deepEqual(clicks, ["search-box"]);
        assert.deepEqual([...site.removed], [MARIA.slug]);
      });
    });

    test(`a removal whose search finds nobody before any click stays a failure in ${generation}`, async () => {
      await withConnections({ generation, without: [SAM.slug] }, async ({ site, page, clicks }) => {
        const report = await step(page, SAM);
        assert.equal(report.outcome.kind, "failed");
        assert.match(report.outcome.reason, /showed nobody, which proves nothing/);
        assert.deepEqual(clicks, ["search-box"]);
        assert.deepEqual([...site.removed], []);
      });
    });

    test(`stops at the confirm button in a dry run in ${generation}`, async () => {
      await withConnections({ generation }, async ({ site, page, clicks }) => {
        const report = await step(page, ZOE, { dryRun: true });
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.equal(
          report.observed,
          "dry run: reached the Remove connection button for Zoë Müller; not pressed",
        );
        assert.deepEqual([...site.removed], []);
        assert.deepEqual(clicks, [
          `menu-button:${ZOE.slug}`,
          "menu-item:Remove connection",
          "dialog:Remove connection:Cancel",
        ]);
        assert.deepEqual(openDialogs(page), [], "the dialog was closed");
        assert.ok(listedSlugs(page).includes(ZOE.slug), "still listed");
      });
    });

    test(`verifies by name search alone, and only on positive evidence, in ${generation}`, async () => {
      await withConnections({ generation, without: [SAM.slug] }, async ({ site, page, clicks }) => {
        const present = await step(page, NOA, { mode: "verify" });
        assert.deepEqual(present.outcome, { kind: "still-there" });
        assert.match(present.observed, /still lists \/in\/noa-cohen-1e4f7a\//);
        // A search listing a namesake and not them is positive evidence.
        const gone = await step(
          page,
          { slug: "maria-silva-000000", name: "Maria Silva" },
          {
            mode: "verify",
          },
        );
        assert.deepEqual(gone.outcome, { kind: "removed" });
        assert.match(
          gone.observed,
          /no longer lists \/in\/maria-silva-000000\/: its 2 people listed leave them out/,
        );
        // An empty result proves nothing (issue 9, item 5).
        const empty = await step(page, SAM, { mode: "verify" });
        assert.equal(empty.outcome.kind, "unproven");
        assert.match(empty.outcome.reason, /showed nobody, which proves nothing/);
        assert.deepEqual(clicks, ["search-box", "search-box", "search-box"]);
        assert.deepEqual([...site.removed], []);
        assert.equal(searchBox(page).value, "");
      });
    });
  }
});

test("a name search the member left that shows nobody is named, and the step waits for it to be cleared", async () => {
  await withConnections({ generation: "sdui-2026" }, async ({ site, page }) => {
    const box = searchBox(page);
    box.value = "Zzyzx Nobody";
    box.dispatchEvent(new page.window.Event("input", { bubbles: true }));
    await waitFor(() => listedSlugs(page).length === 0, "the search to show nobody", 10_000);
    const answer = await page.tell(
      removeStep({ attempt: nextAttempt(), ...ZOE, mode: "remove", dryRun: false }),
    );
    assert.equal(answer.ok, false);
    assert.equal(answer.notTaken, "searched");
    assert.match(answer.error, /“Zzyzx Nobody” on your connections page shows nobody/);
    assert.deepEqual([...site.removed], []);
  });
});
