// "Collect all" stops and waits when it must: collect-halt stops it at
// once, messages from anyone but this extension are ignored, it refuses any
// page but the connections page, stops when the member leaves or the
// background is no longer collecting, and waits while the tab is hidden.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMockSite, PATHS } from "../mock-site/site.mjs";
import { collectRun, openPage, sleep, waitFor } from "./harness.mjs";
import {
  DONE_WITHIN_MS,
  everyone,
  FAST,
  openCollecting,
  QUIET_MS,
  STALL_LIMIT_MS,
} from "./collect-harness.mjs";

describe("collect stops and waits", { concurrency: true }, () => {
  test("collect-halt stops scrolling and clicking at once and reports halted", async () => {
    const { page, background, clicks } = await openCollecting({
      generation: "sdui-2026",
      paging: "load-more",
      count: 400,
    });
    try {
      background.start();
      await page.tell(collectRun(FAST));
      await waitFor(() => clicks.length >= 2, "the run to press Load more twice", 10_000);
      assert.deepEqual(await page.tell({ type: "collect-halt" }), { ok: true });
      const [scrolls, clicked] = [page.scrolls.length, clicks.length];
      await sleep(QUIET_MS);
      assert.equal(page.scrolls.length, scrolls, "no scroll after the halt");
      assert.equal(clicks.length, clicked, "no click after the halt");
      await waitFor(() => background.ended.length > 0, "collect-ended");
      assert.equal(background.ended.length, 1);
      assert.equal(background.ended[0].outcome, "halted");
      const [, halted] = /^halted on request after (\d+) people$/.exec(background.ended[0].reason);
      // Everyone read before the halt was delivered before the report.
      assert.equal(background.seenAtEnd, Number(halted));
      // A second halt has nothing left to stop or report.
      assert.deepEqual(await page.tell({ type: "collect-halt" }), { ok: true });
      await sleep(50);
      assert.equal(background.ended.length, 1);
    } finally {
      page.close();
    }
  });

  test("ignores collect messages from any sender but this extension", async () => {
    const { page, background } = await openCollecting({ generation: "sdui-2026", count: 300 });
    try {
      const stranger = { id: "some-other-extension" };
      assert.equal(await page.tell(collectRun(FAST), stranger), undefined);
      await sleep(QUIET_MS);
      assert.equal(page.scrolls.length, 0, "a stranger cannot start a run");

      background.start();
      assert.deepEqual(await page.tell(collectRun(FAST)), { ok: true });
      assert.equal(await page.tell({ type: "collect-halt" }, stranger), undefined);
      assert.equal(await page.tell({ type: "collect-halt" }, {}), undefined);
      const scrolls = page.scrolls.length;
      await sleep(QUIET_MS);
      assert.ok(page.scrolls.length > scrolls, "nor stop one");
      assert.deepEqual(background.ended, []);
    } finally {
      page.close();
    }
  });

  test("refuses to collect anywhere but the connections page, and checks its pace", async () => {
    const site = createMockSite({ renderDelayMs: 50 });
    const followers = await openPage(site, PATHS.followers, { layout: true });
    try {
      await followers.waitForMessages(1);
      const answer = await followers.tell(collectRun(FAST));
      assert.equal(answer.ok, false);
      assert.match(answer.error, /not showing your LinkedIn connections/);
      // Halting is always safe, so it is always accepted.
      assert.deepEqual(await followers.tell({ type: "collect-halt" }), { ok: true });
      await sleep(QUIET_MS);
      assert.deepEqual(followers.scrolls, []);
    } finally {
      followers.close();
    }

    const { page } = await openCollecting({ generation: "react-2025" });
    try {
      // The pace comes only from the background's rules: none, or the old
      // top-level fields without them, is refused, never guessed.
      for (const message of [
        { type: "collect-run" },
        { type: "collect-run", delayMs: 10, stallMs: 1e3 },
        { type: "collect-run", rules: null },
      ]) {
        const answer = await page.tell(message);
        assert.equal(answer.ok, false, JSON.stringify(message));
        assert.match(answer.error, /rules/);
      }
      for (const pace of [
        {},
        { delayMs: 10 },
        { delayMs: 0, stallMs: 10 },
        { delayMs: "10", stallMs: 1e3 },
      ]) {
        const answer = await page.tell({ type: "collect-run", rules: pace });
        assert.equal(answer.ok, false, JSON.stringify(pace));
        assert.match(answer.error, /delay and a stall limit/);
      }
      // Messages for someone else are left for someone else.
      assert.equal(await page.tell({ type: "get-summary" }), undefined);
      await sleep(QUIET_MS);
      assert.deepEqual(page.scrolls, []);
    } finally {
      page.close();
    }
  });

  test("stops without a report when the member leaves the page", async () => {
    const { page, background } = await openCollecting({ generation: "sdui-2026", count: 400 });
    try {
      background.start();
      await page.tell(collectRun(FAST));
      await waitFor(() => page.scrolls.length >= 5, "the run to scroll");
      page.document.querySelector('nav a[href="/feed/"]').click();
      const scrolls = page.scrolls.length;
      await sleep(QUIET_MS);
      assert.ok(page.scrolls.length <= scrolls + 1, "at most the step already under way");
      const settled = page.scrolls.length;
      await sleep(QUIET_MS);
      assert.equal(page.scrolls.length, settled);
      assert.deepEqual(background.ended, [], "the background resumes it when the page is back");
    } finally {
      page.close();
    }
  });

  test("stops without a report when the background answers that it is no longer collecting", async () => {
    const { page, background } = await openCollecting({
      generation: "sdui-2026",
      count: 400,
      // Slow pages: an idle machine must not read all 400 before the stop.
      pageDelayMs: 300,
    });
    try {
      // Stopped from the review page, say, with the halt lost on the way:
      // at the first reading of the run, while it answers. (Stopped by the
      // test after a wait instead, a quick run could finish before it.)
      const answer = background.answer;
      let answersAfterStop = -1;
      background.answer = (message) => {
        const reply = answer(message);
        if (answersAfterStop >= 0) answersAfterStop += 1;
        else if (background.seen.size > 0) {
          background.running = false;
          answersAfterStop = 0;
        }
        return reply;
      };
      background.start();
      await page.tell(collectRun(FAST));
      await waitFor(() => answersAfterStop >= 1, "the next reading", 10_000);
      assert.equal(background.done, false, "stopped before the list ended");
      const scrolls = page.scrolls.length;
      await sleep(QUIET_MS);
      assert.equal(page.scrolls.length, scrolls);
      assert.deepEqual(background.ended, []);
    } finally {
      page.close();
    }
  });

  test("pauses while the tab is hidden, without counting the time as a stall", async () => {
    const { site, page, background } = await openCollecting({
      generation: "react-2025",
      count: 60,
    });
    try {
      let hidden = true;
      Object.defineProperty(page.document, "hidden", { configurable: true, get: () => hidden });
      background.start();
      await page.tell(collectRun({ delayMs: 10, stallMs: STALL_LIMIT_MS }));
      await sleep(STALL_LIMIT_MS + 500);
      assert.deepEqual(page.scrolls, [], "nothing is scrolled unseen");
      assert.deepEqual(background.ended, [], "hidden time is not a stall");
      hidden = false;
      await waitFor(() => background.done, "the background to say done", DONE_WITHIN_MS);
      assert.deepEqual(background.seen, everyone(site));
    } finally {
      page.close();
    }
  });
});
