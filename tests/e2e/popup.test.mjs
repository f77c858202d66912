// The popup answers first (issue 16), in the built extension (dist/chrome)
// in headless Chromium at the toolbar popup's largest size, 400 × 600: the
// five figures (connections, followers, following, the badge line, the cap
// line) and the one next step show without scrolling, before anything is
// read, once the network is read, and while the removal queue runs; the
// coverage line ties the popup's count to the people read; the unread
// figure's link and the next step work from the keyboard; axe-core finds
// nothing serious in light or dark.
//
//   ./build.sh testbuild && flock /tmp/netprune-e2e.lock \
//     node --test --test-concurrency=1 tests/e2e/popup.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";

import {
  PATHS,
  POPUP_SIZE,
  assertAnswersFirst,
  checkBothSchemes,
  createMockSite,
  parseCount,
  popupCountFrom,
  withChromium,
} from "./harness.mjs";
import { ENTRIES, queueStore } from "../popup/helpers.mjs";

/* global document */

test(
  "the five figures and the one next step fit 400 × 600 unscrolled: nothing read, read, queue running; " +
    "keyboard reaches them and axe-core finds nothing serious in light or dark",
  { timeout: 120_000 },
  async () => {
    const site = createMockSite({ generation: "sdui-2026", count: 60, statedTotal: 1234, seed: 9 });
    await withChromium({ site }, async (session) => {
      const popup = await session.openPopup();
      await popup.setViewportSize(POPUP_SIZE);

      // Nothing read: "—" in each figure, the next step is the connections page.
      const empty = await session.readPopup();
      assert.equal(empty.text["connection-count"], "", "the hook stays empty when unread");
      let shown = await assertAnswersFirst(popup, "nothing read");
      assert.equal(shown.primary[0].label, "Open your connections page");
      assert.equal(
        await popup.locator('[data-figure="connections"] [data-part="missing"]').textContent(),
        "—",
      );
      await checkBothSchemes(popup, "nothing read", { fitsWidth: true });

      // The keyboard: from the top, Tab reaches the unread figure's link
      // before the next step, and Enter on the next step opens the page.
      await popup.emulateMedia({ colorScheme: "light" });
      await popup.locator("body").focus();
      const order = [];
      for (let i = 0; i < 12 && !order.includes("open-connections"); i += 1) {
        await popup.keyboard.press("Tab");
        order.push(
          await popup.evaluate(
            () =>
              document.activeElement?.id ||
              document.activeElement?.getAttribute("data-part") ||
              document.activeElement?.tagName,
          ),
        );
      }
      assert.equal(order[0], "hint-link", `tab order ${order.join(", ")}`);
      assert.equal(order.at(-1), "open-connections", `tab order ${order.join(", ")}`);
      const [opened] = await Promise.all([
        session.context.waitForEvent("page", { timeout: 10_000 }),
        popup.keyboard.press("Enter"),
      ]);
      // A tab made by tabs.create starts blank, then goes to its address.
      await opened.waitForURL((url) => url.pathname === PATHS.connections, { timeout: 10_000 });

      // Read: the figures, the coverage of the network, the review page next.
      const { tab } = await popupCountFrom(session, PATHS.connections, {
        tab: opened,
        "connection-count": 1234,
      });
      await session.openLinkedIn(PATHS.followers, tab);
      const read = await session.waitForPopup(
        (p) =>
          parseCount(p.text["follower-count"]) === site.stated.followers &&
          /of 1,234 connections read$/.test(p.text.coverage),
        { what: "followers and the coverage line" },
      );
      assert.equal(read.visible.coverage, true);
      const people = parseCount(read.text.coverage.split(" of ")[0]);
      assert.ok(people > 0 && people < 1234, read.text.coverage);
      assert.equal(await popup.locator("#coverage-collect").isVisible(), true);
      assert.doesNotMatch(read.text["page-status"], /sdui-2026|layout/);
      shown = await assertAnswersFirst(popup, "read");
      assert.equal(shown.primary[0].label, "Review your network");
      await checkBothSchemes(popup, "read", { fitsWidth: true });

      // A running queue: its state and Pause are the next step, the figures stay put.
      await session.setStorage({ queue: queueStore({}, ENTRIES) });
      await session.waitForPopup((p) => p.visible["queue-state"] && p.visible["queue-pause"], {
        what: "the running queue under the figures",
      });
      shown = await assertAnswersFirst(popup, "queue running");
      assert.equal(shown.primary[0].label, "Pause");
      await checkBothSchemes(popup, "queue running", { fitsWidth: true });
    });
  },
);
