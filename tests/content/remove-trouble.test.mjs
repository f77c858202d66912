// A removal step under each fault LinkedIn has shown: a misleading dialog,
// a menu with two "Remove connection" items, a removal the page gives no
// proof of, a limit banner (at once, after confirming, after a removal) and
// a checkpoint. Every surprise becomes `trouble` (or `unproven`) without
// pressing anything it should not, and is told to the background once.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CHECKPOINT_PATH, PATHS } from "../mock-site/site.mjs";
import {
  firstTrouble,
  openPage,
  ORIGIN,
  removeStep,
  sleep,
  troubleMessages,
  waitFor,
} from "./harness.mjs";
import {
  assertOnlyAllowedClicks,
  CONFIRM,
  GENERATIONS,
  GRACE,
  NOA,
  OUTCOME_TIMEOUT_MS,
  openConnections,
  openDialogs,
  SAM,
  step,
  withConnections,
  ZOE,
} from "./remove-helpers.mjs";

describe("removal step", { concurrency: true }, () => {
  for (const generation of GENERATIONS) {
    test(`treats a "Remove saved item?" dialog as trouble and closes it in ${generation}`, async () => {
      await withConnections(
        {
          generation,
          faults: { misleadingDialog: true },
        },
        async ({ site, page, clicks }) => {
          const report = await step(page, ZOE);
          assert.equal(report.outcome.kind, "trouble");
          assert.match(report.outcome.reason, /not the remove-connection dialog for Zoë Müller/);
          assert.match(report.observed, /Remove saved item\?/);
          assert.match(report.observed, /netprune pressed its “Cancel”$/);
          assert.deepEqual([...site.removed], []);
          assert.deepEqual(clicks, [
            `menu-button:${ZOE.slug}`,
            "menu-item:Remove connection",
            "dialog:Remove saved item?:Cancel",
          ]);
          assert.deepEqual(openDialogs(page), []);
          // The outcome told the trouble; it is not told twice.
          await sleep(1500);
          assert.deepEqual(troubleMessages(page), []);
        },
      );
    });

    test(`treats a menu with two "Remove connection" items as trouble in ${generation}`, async () => {
      await withConnections(
        {
          generation,
          faults: { ambiguousMenu: "duplicate" },
        },
        async ({ site, page, clicks }) => {
          const report = await step(page, ZOE);
          assert.equal(report.outcome.kind, "trouble");
          assert.match(report.outcome.reason, /more than one “Remove connection” item/);
          assert.deepEqual(clicks, [`menu-button:${ZOE.slug}`]);
          assert.deepEqual([...site.removed], []);
        },
      );
    });

    test(`a confirmed removal the page gives no proof of is unproven, never failed, in ${generation}`, async () => {
      // Review finding 2: Grace is found through the name search, her name
      // is unique, and the stated total does not move: after the confirm
      // click nothing proves she left, and nothing proves she stayed.
      await withConnections(
        {
          generation,
          faults: { staleTotal: true },
        },
        async ({ site, page, clicks }) => {
          const report = await step(page, GRACE);
          assert.equal(report.outcome.kind, "unproven");
          assert.match(report.outcome.reason, /the name search for “Grace van der Berg”/);
          assert.deepEqual([...site.removed], [GRACE.slug]);
          assert.ok(clicks.includes(CONFIRM[generation]));
          assertOnlyAllowedClicks(clicks, GRACE.slug);
          // (A check that proves nothing is unproven too: see "verifies by
          // name search alone" above.)
        },
      );
    });
  }

  test("reports a limit banner shown at once, on load and as a step's outcome, clicking nothing", async () => {
    await withConnections(
      {
        generation: "sdui-2026",
        faults: { limitBanner: true },
      },
      async ({ site, page, clicks }) => {
        const told = await firstTrouble(page);
        assert.deepEqual(told, {
          type: "trouble",
          reason:
            "LinkedIn says “You’ve reached the weekly limit for this action Please try again next week.”",
          url: `${ORIGIN}${PATHS.connections}`,
          trouble: "limit",
        });
        const report = await step(page, ZOE);
        assert.equal(report.outcome.kind, "trouble");
        assert.equal(report.outcome.trouble, "limit");
        assert.match(report.outcome.reason, /weekly limit/);
        assert.match(report.observed, /before netprune did anything$/);
        assert.deepEqual(clicks, []);
        assert.deepEqual([...site.removed], []);
        assert.equal(troubleMessages(page).length, 1, "told once per page view");
      },
    );
  });

  test("a temporary limit after confirming is trouble of kind limit, never a removal", async () => {
    await withConnections(
      {
        generation: "sdui-2026",
        faults: { temporaryLimitAfter: 0 },
      },
      async ({ site, page }) => {
        const report = await step(page, ZOE);
        assert.equal(report.outcome.kind, "trouble");
        assert.equal(report.outcome.trouble, "limit");
        assert.match(report.outcome.reason, /You’ve reached a temporary limit/);
        assert.deepEqual([...site.removed], []);
      },
    );
  });

  test("reports a limit banner that appears after a removal, and stops the next step", async () => {
    await withConnections(
      {
        generation: "artdeco",
        faults: { limitBanner: 1 },
      },
      async ({ site, page, clicks }) => {
        const first = await step(page, ZOE);
        assert.deepEqual(first.outcome, { kind: "removed" }, "the removal itself went through");
        const told = await firstTrouble(page);
        assert.match(told.reason, /weekly limit/);
        assert.ok(
          page.messages.indexOf(first) < page.messages.indexOf(told),
          "the outcome goes first, then the trouble",
        );
        clicks.length = 0;
        const second = await step(page, NOA);
        assert.equal(second.outcome.kind, "trouble");
        assert.deepEqual(clicks, []);
        assert.deepEqual([...site.removed], [ZOE.slug]);
      },
    );
  });

  test("a checkpoint after a removal is told from the checkpoint page, and steps there are trouble", async () => {
    const { site, page, clicks } = await openConnections({
      generation: "react-2025",
      faults: { checkpointAfter: 1 },
    });
    let checkpoint;
    try {
      const first = await step(page, ZOE);
      assert.deepEqual(first.outcome, { kind: "removed" });
      // The next confirm sends the page to the checkpoint: the step ends
      // with the page, and nobody else is removed.
      assert.deepEqual(
        await page.tell(
          removeStep({
            attempt: 900,
            ...NOA,
            mode: "remove",
            dryRun: false,
          }),
        ),
        { ok: true },
      );
      await waitFor(() => page.navigations.length > 0, "the page to navigate", OUTCOME_TIMEOUT_MS);
      assert.deepEqual(page.navigations, [`${ORIGIN}${CHECKPOINT_PATH}`]);
      assert.ok(clicks.includes(`menu-button:${NOA.slug}`));
      assert.ok(!page.messages.some((m) => m.attempt === 900));
      assert.deepEqual([...site.removed], [ZOE.slug]);

      checkpoint = await openPage(site, CHECKPOINT_PATH);
      await waitFor(() => troubleMessages(checkpoint).length > 0, "a trouble message");
      assert.deepEqual(troubleMessages(checkpoint), [
        {
          type: "trouble",
          reason: `LinkedIn is asking for a security check (${CHECKPOINT_PATH})`,
          url: `${ORIGIN}${CHECKPOINT_PATH}`,
          trouble: "checkpoint",
        },
      ]);
      const report = await step(checkpoint, SAM);
      assert.equal(report.outcome.kind, "trouble");
      assert.equal(report.outcome.trouble, "checkpoint");
      assert.match(report.outcome.reason, /security check/);
      await sleep(1200);
      assert.equal(troubleMessages(checkpoint).length, 1, "told once per page view");
      assert.deepEqual([...site.removed], [ZOE.slug]);
    } finally {
      page.close();
      checkpoint?.close();
    }
  });
});
