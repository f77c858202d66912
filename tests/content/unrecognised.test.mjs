// A connections page in markup the reader does not know must produce an
// honest "not recognised" reading after the 15 s wait, never a guess. These
// tests wait out the real 15 s (the production script has no test hooks), so
// they live in their own file and run alongside the others.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMockSite, PATHS } from "../mock-site/site.mjs";
import { openPage, ORIGIN, sleep, withPage } from "./harness.mjs";

describe("unrecognised markup", { concurrency: true }, () => {
  test("reports an unrecognised connections layout after 15 s with a reason", async () => {
    const site = createMockSite({ unrecognised: true, count: 40, statedTotal: 1234 });
    const page = await openPage(site, PATHS.connections);
    const injectedAt = Date.now();
    try {
      await page.waitForRender();
      // The new layout does link to profiles; those links alone are not enough.
      assert.ok(page.document.querySelectorAll('main a[href*="/in/"]').length >= 10);
      await sleep(13_000);
      assert.deepEqual(page.calls, [], "nothing is sent before the wait is over");
      await page.waitForMessages(1, 4000);
      assert.ok(Date.now() - injectedAt >= 14_900, "the reader waited the full 15 s");
      assert.equal(page.checks[0].removalOff, true, "the check turns removal off there");
      assert.ok(page.checks[0].missing.includes("no connections list netprune knows"));
      assert.deepEqual(page.messages, [
        {
          type: "page-reading",
          reading: {
            page: "connections",
            url: `${ORIGIN}${PATHS.connections}`,
            recognised: false,
            generation: null,
            reason: "no connections list found after 15 s",
            language: "en",
            counts: { connections: null, followers: null, following: null },
            cards: [],
            member: site.member.slug,
          },
        },
      ]);
    } finally {
      page.close();
    }
  });

  test("sends nothing at all from someone else's profile, even after 15 s", async () => {
    await withPage(
      createMockSite({ renderDelayMs: 50 }),
      "/in/someone-else-0f0f0f/",
      async (page) => {
        await page.waitForRender();
        await sleep(16_000);
        assert.deepEqual(page.calls, []);
      },
    );
  });
});
