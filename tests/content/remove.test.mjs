// One removal step (`remove-step`) on the connections page, the happy path
// in every markup generation the mock site serves: the step removes exactly
// the person asked for (the mock's backend holds only their slug), clicks
// only the menu button, its one "Remove connection" item and the confirm
// button, each as a pointer would, clicks the menu button again when the
// first click opens nothing, proves the removal by the card leaving or the
// stated total dropping, and the removal persists across a reload. The name
// search, dry runs and checks are in remove-search.test.mjs, faults and
// trouble in remove-trouble.test.mjs, the requests a tab refuses in
// remove-requests.test.mjs; the shared helpers in remove-helpers.mjs.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PATHS } from "../mock-site/site.mjs";
import { openPage, troubleMessages, waitFor } from "./harness.mjs";
import {
  classify,
  CONFIRM,
  GENERATIONS,
  listedSlugs,
  openDialogs,
  slugOf,
  step,
  withConnections,
  assertOnlyAllowedClicks,
  ZOE,
} from "./remove-helpers.mjs";

describe("removal step", { concurrency: true }, () => {
  for (const generation of GENERATIONS) {
    test(`removes exactly the asked person from the rendered list in ${generation}`, async () => {
      await withConnections({ generation }, async ({ site, page, clicks }) => {
        const report = await step(page, ZOE);
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.match(
          report.observed,
          /Zoë Müller \(\/in\/zoe-muller-7c3d9e\/, found on the list\)/,
        );
        assert.match(
          report.observed,
          /(?:the card left the list, which still shows \d+ people|the stated total dropped from 40 to 39)$/,
        );
        assert.deepEqual([...site.removed], [ZOE.slug]);
        assert.deepEqual(clicks, [
          `menu-button:${ZOE.slug}`,
          "menu-item:Remove connection",
          CONFIRM[generation],
        ]);
        // The page may print the lower total a task before it drops the
        // card (artdeco and react-2025 drop it on a timer), and the step is
        // right to count either as proof; the card must still leave.
        await waitFor(() => !listedSlugs(page).includes(ZOE.slug), "the card to leave the list");
        assert.deepEqual(openDialogs(page), []);
        assert.deepEqual(troubleMessages(page), []);
        assert.deepEqual(page.pageErrors, []);
      });
    });

    test(`proves a removal by the stated total dropping when the card lingers in ${generation}`, async () => {
      await withConnections(
        {
          generation,
          faults: { lingerAfterConfirm: true },
        },
        async ({ site, page, clicks }) => {
          const report = await step(page, ZOE);
          assert.deepEqual(report.outcome, { kind: "removed" });
          assert.match(report.observed, /the stated total dropped from 40 to 39$/);
          assert.deepEqual([...site.removed], [ZOE.slug]);
          assertOnlyAllowedClicks(clicks, ZOE.slug);
        },
      );
    });
  }

  for (const generation of ["artdeco", "sdui-2026"]) {
    test(`clicks the menu button again when the first click opens nothing in ${generation}`, async () => {
      await withConnections(
        {
          generation,
          faults: { menuNeedsSecondClick: true },
        },
        async ({ site, page, clicks }) => {
          const report = await step(page, ZOE);
          assert.deepEqual(report.outcome, { kind: "removed" });
          assert.deepEqual([...site.removed], [ZOE.slug]);
          assert.deepEqual(clicks, [
            `menu-button:${ZOE.slug}`,
            `menu-button:${ZOE.slug}`,
            "menu-item:Remove connection",
            CONFIRM[generation],
          ]);
        },
      );
    });
  }

  for (const generation of GENERATIONS) {
    test(`chooses the one “Remove connection” of a menu with several items, by pointer, in ${generation}`, async () => {
      await withConnections(
        {
          generation,
          faults: { ambiguousMenu: "unexpected" },
        },
        async ({ site, page, clicks }) => {
          /** every pointer and mouse event on the page, in order, as `type:what` */
          const events = [];
          for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup", "click"]) {
            page.document.addEventListener(
              type,
              (event) => events.push(`${type}:${classify(event.target)}`),
              true,
            );
          }
          const report = await step(page, ZOE);
          assert.deepEqual(report.outcome, { kind: "removed" });
          assert.deepEqual([...site.removed], [ZOE.slug]);
          assert.deepEqual(clicks, [
            `menu-button:${ZOE.slug}`,
            "menu-item:Remove connection",
            CONFIRM[generation],
          ]);
          // Each click came as the sequence a pointer makes.
          const sequence = (what) =>
            ["pointerdown", "mousedown", "pointerup", "mouseup", "click"].map(
              (t) => `${t}:${what}`,
            );
          assert.deepEqual(events, [
            ...sequence(`menu-button:${ZOE.slug}`),
            ...sequence("menu-item:Remove connection"),
            ...sequence(CONFIRM[generation]),
          ]);
        },
      );
    });
  }

  test("a removal persists: the list and its total no longer count the person after a reload", async () => {
    await withConnections(
      { generation: "sdui-2026", statedTotal: 1234 },
      async ({ site, page }) => {
        await step(page, ZOE);
        const reload = await openPage(site, PATHS.connections);
        try {
          await reload.waitForMessages(1);
          const [reading] = reload.readings();
          assert.equal(reading.counts.connections, "1,233");
          assert.ok(!reading.cards.some((card) => slugOf(card.profileUrl) === ZOE.slug));
          assert.equal(reading.cards.length, 12);
        } finally {
          reload.close();
        }
      },
    );
  });
});
