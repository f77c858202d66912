// "Collect all" going back over a list that ended short: the pass from the
// top finds nobody new until it reaches a gap, so only its moving down the
// list keeps the stall clock from running out. That must count from the
// top: had it counted only moves deeper than the first pass had gone (the
// bottom), a list taller than stallMs' worth of steps would be taken for
// stalled near its top, and the rows the first pass missed never read.

import assert from "node:assert/strict";
import { test } from "node:test";
import { collectRun, waitFor } from "./harness.mjs";
import { openCollecting } from "./collect-harness.mjs";

test("the second pass from the top counts moving down as progress, and reaches the end of a long list", async () => {
  // 300 rows stand 26,400 px tall: some fifty steps of 60-160 ms, longer
  // than the 3 s stall limit, on either pass.
  const { page, background } = await openCollecting({
    generation: "sdui-2026",
    count: 300,
    pageSize: 300,
    statedTotal: 1234,
  });
  try {
    background.start();
    await page.tell(collectRun({ delayMs: 100, stallMs: 3000 }));
    await waitFor(() => background.ended.length > 0, "collect-ended", 60_000);
    assert.deepEqual(background.ended, [
      {
        type: "collect-ended",
        list: "connections",
        outcome: "end-of-list",
        reason: "LinkedIn stopped loading at 300 people; the page says 1,234",
        short: true,
      },
    ]);
    assert.ok(
      page.scrolls.some((scroll) => scroll.method === "scrollTo" && scroll.top === 0),
      "went back to the top for another pass before ending",
    );
    assert.equal(background.seen.size, 300);
  } finally {
    page.close();
  }
});
