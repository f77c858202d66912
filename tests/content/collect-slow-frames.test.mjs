// "Collect all" on a loaded machine: the browser's frames come slower than
// the run's steps, while its timers keep running. A virtualized list draws
// the rows for a new scroll position only when the scroll event of that
// frame reaches it, so a run that takes several steps before the list has
// drawn the first would jump the list past rows it never drew, and nobody
// would ever read them (on either pass). The page's layout here draws a
// frame only every 150 ms: a move's scroll event, then the animation frame
// callbacks, come in the next one (./layout.mjs, frameMs).

import assert from "node:assert/strict";
import { test } from "node:test";
import { collectRun, waitFor } from "./harness.mjs";
import { DONE_WITHIN_MS, everyone, FAST, openCollecting } from "./collect-harness.mjs";

test("never scrolls a virtualized list past rows a slow frame has not drawn yet", async () => {
  const { site, page, background } = await openCollecting(
    { generation: "sdui-2026", paging: "scroll", count: 150, pageSize: 50 },
    // Some ten steps of the run (10 ms apart at the least) to one frame.
    { frameMs: 150 },
  );
  try {
    background.start();
    await page.tell(collectRun({ delayMs: 10, stallMs: FAST.stallMs }));
    await waitFor(
      () => background.done || background.ended.length > 0,
      "the run to end",
      DONE_WITHIN_MS,
    );
    assert.deepEqual(background.ended, [], "the run ended short of the stated total");
    assert.deepEqual(background.seen, everyone(site));
    assert.deepEqual(background.repeated, []);
  } finally {
    page.close();
  }
});
