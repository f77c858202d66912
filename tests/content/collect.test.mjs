// "Collect all" on the connections page: the background's collect-run makes
// the content script move through the whole list at a human pace, in every
// markup generation, until the background says every person is read; it
// outlasts a stall shorter than the limit, reports one longer than it, and
// never clicks anything but the list's own "load more" button (when it stops
// and waits: collect-stops.test.mjs). The page gets a crude layout
// (./layout.mjs) so that its lists really scroll; the stand-in background
// counts the people it receives during the run, as the real one does.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { collectRun, sleep, waitFor } from "./harness.mjs";
import {
  DONE_WITHIN_MS,
  everyone,
  FAST,
  isLoadButton,
  openCollecting,
  QUIET_MS,
  SDUI_CARD,
  STALL_LIMIT_MS,
} from "./collect-harness.mjs";

describe("collect all", { concurrency: true }, () => {
  for (const { label, options, scroller } of [
    {
      label: "artdeco, pressing Show more results",
      options: { generation: "artdeco", paging: "load-more", count: 55, pageSize: 10 },
      scroller: "window",
    },
    {
      label: "artdeco, scrolling the window and pressing Show more results",
      options: { generation: "artdeco", count: 55, pageSize: 10 },
      scroller: "window",
    },
    {
      label: "react-2025, scrolling the window",
      options: { generation: "react-2025", count: 55, pageSize: 10 },
      scroller: "window",
    },
    {
      label: "sdui-2026, scrolling its own pane",
      options: { generation: "sdui-2026", paging: "scroll", count: 66, pageSize: 12 },
      scroller: "pane",
    },
    {
      label: "sdui-2026, scrolling its own pane and pressing Load more",
      options: { generation: "sdui-2026", paging: "load-more", count: 66, pageSize: 12 },
      scroller: "pane",
    },
    {
      label: "sdui-2026 that loads only on wheel events",
      options: { generation: "sdui-2026", paging: "wheel", count: 66, pageSize: 12 },
      scroller: "pane",
    },
    {
      label: "react-2025 that loads only on Load more",
      options: { generation: "react-2025", paging: "load-more", count: 55, pageSize: 10 },
      scroller: "window",
    },
    {
      label: "react-2025 that loads only on wheel events",
      options: { generation: "react-2025", paging: "wheel", count: 55, pageSize: 10 },
      scroller: "window",
    },
  ]) {
    test(`delivers every person exactly once and stops when done in ${label}`, async () => {
      const { site, page, background, clicks } = await openCollecting(options);
      try {
        background.start();
        assert.deepEqual(await page.tell(collectRun(FAST)), { ok: true });
        await waitFor(() => background.done, "the background to say done", DONE_WITHIN_MS);

        assert.deepEqual(background.seen, everyone(site));
        assert.deepEqual(background.repeated, [], "nobody is sent twice in a run");
        assert.ok(page.scrolls.length > 0, "the list was scrolled");
        const pane = page.document.querySelector(SDUI_CARD)?.closest('[style*="overflow-y"]');
        const expected = scroller === "pane" ? pane : page.document.documentElement;
        for (const { method, element } of page.scrolls) {
          if (method !== "scrollIntoView") assert.equal(element, expected, `${method} target`);
        }
        assert.ok(clicks.every(isLoadButton), "only the load button is ever clicked");
        if (options.paging === "load-more") assert.ok(clicks.length > 0, "the button was pressed");

        // Done means done: no further move, and nothing to report.
        await sleep(QUIET_MS);
        assert.equal(page.scrolls.length, background.scrollsAtDone);
        assert.deepEqual(background.ended, []);
        assert.deepEqual(page.pageErrors, []);
      } finally {
        page.close();
      }
    });
  }

  test("never presses a Load more in words no evidence shows (a pt-BR page)", async () => {
    // docs/LINKEDIN.md: only "Load more" and "Show more results" are seen on
    // LinkedIn; the mock's "Carregar mais" is its own assumption. A run that
    // cannot load more ends short; it never clicks a guessed label.
    const { page, background, clicks } = await openCollecting({
      generation: "react-2025",
      paging: "load-more",
      language: "pt-BR",
      count: 25,
      pageSize: 10,
    });
    try {
      background.start();
      assert.deepEqual(await page.tell(collectRun({ ...FAST, stallMs: 1500 })), { ok: true });
      await waitFor(
        () => background.done || background.ended.length > 0,
        "the run to end",
        DONE_WITHIN_MS,
      );
      assert.deepEqual(
        clicks.map((element) => element.textContent.trim()),
        [],
        "nothing is clicked",
      );
      assert.equal(background.done, false);
    } finally {
      page.close();
    }
  });

  test("sends a card again when its Connected on line arrives after it", async () => {
    const { site, page, background } = await openCollecting({
      generation: "react-2025",
      count: 25,
      pageSize: 10,
      lateDatesMs: 1500,
    });
    try {
      background.start();
      assert.deepEqual(await page.tell(collectRun(FAST)), { ok: true });
      await waitFor(() => background.done, "the background to say done", DONE_WITHIN_MS);
      await waitFor(
        () => {
          const dated = new Map();
          for (const reading of page.readings()) {
            for (const card of reading.cards) {
              if (card.connectedText) dated.set(card.profileUrl, card.connectedText);
            }
          }
          return dated.size === site.people.length;
        },
        "every card's date",
        10_000,
      );
      const first = page.readings()[0].cards;
      assert.ok(first.length > 0 && first.every((card) => card.connectedText === null));
    } finally {
      page.close();
    }
  });

  test("presses only the list's own Load more, never one above the list or inside a card", async () => {
    const { site, page, background, clicks } = await openCollecting({
      generation: "sdui-2026",
      paging: "load-more",
      count: 40,
    });
    try {
      // Decoys with the very same name: one in the page header above the
      // list, one inside the first person's card.
      const decoy = () => {
        const button = page.document.createElement("button");
        button.type = "button";
        button.textContent = "Load more";
        return button;
      };
      const header = decoy();
      page.document.querySelector("main h1").after(header);
      const inCard = decoy();
      page.document.querySelector(SDUI_CARD).append(inCard);

      // Where each pressed button was when pressed (the list drops its
      // button once everyone is loaded).
      const inList = [];
      page.document.addEventListener(
        "click",
        (event) => inList.push(Boolean(event.target.closest('[style*="overflow-y"]'))),
        true,
      );

      background.start();
      await page.tell(collectRun(FAST));
      await waitFor(() => background.done, "the background to say done", DONE_WITHIN_MS);
      assert.deepEqual(background.seen, everyone(site));
      assert.ok(clicks.length > 0);
      assert.ok(!clicks.includes(header) && !clicks.includes(inCard), "a decoy was pressed");
      assert.deepEqual(new Set(inList), new Set([true]), "only the list's own button is pressed");
    } finally {
      page.close();
    }
  });

  test("waits out a stall shorter than stallMs and still reaches the total", async () => {
    const { site, page, background } = await openCollecting({
      generation: "sdui-2026",
      count: 60,
      stallAt: [24],
      stallMs: 1500,
    });
    try {
      background.start();
      const startedAt = Date.now();
      await page.tell(collectRun({ delayMs: 10, stallMs: 4500 }));
      await waitFor(() => background.done, "the background to say done", DONE_WITHIN_MS);
      assert.ok(Date.now() - startedAt >= 1500, "the stall really held the list up");
      assert.deepEqual(background.seen, everyone(site));
      assert.deepEqual(background.ended, [], "a stall shorter than the limit is not an ending");
    } finally {
      page.close();
    }
  });

  for (const { generation, paging, why } of [
    {
      generation: "artdeco",
      paging: "load-more",
      why: "the “Show more results” button stayed disabled",
    },
    {
      generation: "react-2025",
      paging: "scroll",
      why: "LinkedIn was still showing that it was loading",
    },
    {
      generation: "sdui-2026",
      paging: "load-more",
      why: "LinkedIn was still showing that it was loading",
    },
  ]) {
    test(`reports a stall longer than stallMs as stalled, with a reason, in ${generation}`, async () => {
      const { page, background } = await openCollecting({
        generation,
        paging,
        count: 60,
        pageSize: 10,
        stallAt: [20],
        stallMs: 60_000,
      });
      try {
        background.start();
        await page.tell(collectRun({ delayMs: 10, stallMs: STALL_LIMIT_MS }));
        await waitFor(() => background.ended.length > 0, "collect-ended", 15_000);
        assert.deepEqual(background.ended, [
          {
            type: "collect-ended",
            list: "connections",
            outcome: "stalled",
            reason: `no new people appeared for 2 s after 20 people of the 60 the page states; ${why}`,
          },
        ]);
        const scrolls = page.scrolls.length;
        await sleep(QUIET_MS);
        assert.equal(page.scrolls.length, scrolls, "nothing moves after the run ended");
      } finally {
        page.close();
      }
    });
  }

  test("ends short of the stated total only after one more pass from the top, saying so", async () => {
    const { page, background } = await openCollecting({
      generation: "sdui-2026",
      count: 30,
      statedTotal: 1234,
    });
    try {
      background.start();
      // Two passes over the list: a little more headroom on a loaded machine.
      await page.tell(collectRun({ delayMs: 10, stallMs: STALL_LIMIT_MS * 2 }));
      await waitFor(() => background.ended.length > 0, "collect-ended", 40_000);
      assert.deepEqual(background.ended, [
        {
          type: "collect-ended",
          list: "connections",
          outcome: "end-of-list",
          reason: "LinkedIn stopped loading at 30 people; the page says 1,234",
          short: true,
        },
      ]);
      assert.ok(
        page.scrolls.some((scroll) => scroll.method === "scrollTo" && scroll.top === 0),
        "went back to the top for another pass before ending",
      );
      assert.equal(background.seen.size, 30);
      assert.equal(background.done, false);
    } finally {
      page.close();
    }
  });

  test("reads again from the top the rows a virtualized list dropped before the run", async () => {
    const { site, page, background } = await openCollecting({ generation: "sdui-2026", count: 80 });
    try {
      // The member scrolls down on their own first: the rows scrolled past
      // were sent, then left the DOM.
      const pane = page.document.querySelector(SDUI_CARD).closest('[style*="overflow-y"]');
      await waitFor(
        () => {
          pane.scrollTop += 400;
          return page.readings().flatMap((reading) => reading.cards).length >= 36;
        },
        // A bound, not a target: readings are paced, and slower on a loaded machine.
        "the member's own scrolling to be read",
        DONE_WITHIN_MS,
      );
      const first = site.people[0].profileHref;
      assert.equal(page.document.querySelector(`${SDUI_CARD} a[href="${first}"]`), null);
      const scrollsBefore = page.scrolls.length;

      background.start();
      await page.tell(collectRun(FAST));
      await waitFor(() => background.done, "the background to say done", DONE_WITHIN_MS);
      assert.deepEqual(background.seen, everyone(site));
      assert.deepEqual(background.repeated, []);
      const rewind = page.scrolls.slice(scrollsBefore)[0];
      assert.deepEqual([rewind.method, rewind.top], ["scrollTo", 0], "the run starts at the top");
    } finally {
      page.close();
    }
  });
});

// Alone, outside the concurrent suite: its timing is the point, and it must
// not be starved by the others on a loaded machine.
test("moving down through a first page taller than stallMs allows counts as progress, and the run reaches the total", async () => {
  // 100 cards stand some 10,000 px tall: at one visible height per step and
  // 120-320 ms a step, reaching the loading point takes longer than the
  // stall limit (over 1.5 s at the least), though the list never stalled.
  const { site, page, background } = await openCollecting({
    generation: "react-2025",
    count: 150,
    pageSize: 100,
    pageDelayMs: 10,
  });
  try {
    background.start();
    await page.tell(collectRun({ delayMs: 200, stallMs: 1200 }));
    await waitFor(() => background.done || background.ended.length > 0, "the run to end", 30_000);
    assert.deepEqual(background.ended, [], "moving down the list was taken for a stall");
    assert.deepEqual(background.seen, everyone(site));
  } finally {
    page.close();
  }
});

// Alone, after the others: it is the one test that keeps the event loop busy.
test("collects 10,000 people from the virtualized list, each exactly once", async () => {
  const { site, page, background } = await openCollecting({
    generation: "sdui-2026",
    count: 10_000,
    pageSize: 100,
    pageDelayMs: 10,
    // A tall window: fewer, longer scroll steps keep jsdom's share small.
    paneHeight: 2400,
  });
  try {
    background.start();
    await page.tell(collectRun({ delayMs: 5, stallMs: 3000 }));
    await waitFor(() => background.done || background.ended.length > 0, "done", 50_000);
    assert.deepEqual(background.ended, []);
    assert.deepEqual(background.seen, everyone(site));
    assert.deepEqual(background.repeated, []);
    const rows = page.document.querySelectorAll(SDUI_CARD).length;
    assert.ok(rows <= 60, `the list stayed virtualized (${rows} rows in the DOM)`);
  } finally {
    page.close();
  }
});
