// The following page read (issue 13): its people as `follows` (members
// only: company rows are skipped), only new rows in each reading, `listEnd`
// once the end of the list is on screen, its totals as before, in each
// markup generation the evidence shows; and "collect all" on it
// (`collect-run` with `list: "following"`) down to the end of the list.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMockSite, PATHS } from "../mock-site/site.mjs";
import { ORIGIN, RULES, sleep, waitFor, withPage } from "./harness.mjs";
import { expectedFollow, openFollowing, withFollowing } from "./following-helpers.mjs";
import { withConnections } from "./remove-helpers.mjs";

const FAST = { delayMs: 10, stallMs: 5000 };
const members = (rows) => rows.filter((row) => row.member);

describe("following page", { concurrency: true }, () => {
  for (const generation of ["classic-2025", "classic-2026"]) {
    test(`reads the people of the first load, skipping companies, with hostile names as data, in ${generation}`, async () => {
      await withFollowing(
        { follows: { generation, count: 30, companies: 3, pageSize: 25 }, followers: 2345 },
        async ({ site, page }) => {
          await sleep(600);
          assert.equal(page.readings().length, 1);
          const [reading] = page.readings();
          assert.deepEqual(reading, {
            page: "following",
            url: `${ORIGIN}${PATHS.following}`,
            recognised: true,
            generation: "network-manager",
            reason: null,
            language: "en",
            counts: { connections: null, followers: "2,345", following: "30" },
            cards: [],
            follows: members(site.follows.slice(0, 25)).map(expectedFollow),
            // 22 people on show of the 30 the page states, and more to load.
            listEnd: false,
            member: site.member.slug,
            visible: true,
          });
          assert.equal(reading.follows.length, 22);
          assert.ok(reading.follows.every((f) => /\/in\//.test(f.profileUrl)));
          assert.ok(
            reading.follows.some((f) => f.name === "</script><script>window.__pwned=1</script>"),
          );
          assert.ok(reading.follows.some((f) => f.headline === "<b>Bold</b> claims & <i>more</i>"));
          assert.ok(reading.follows.some((f) => f.name === '=HYPERLINK("http://x","y")'));
          assert.equal(page.window.__pwned, undefined);
          // 2025 links by path, 2026 by whole URL: sent as written.
          assert.equal(
            reading.follows[0].profileUrl,
            generation === "classic-2025"
              ? site.follows[0].href
              : `${ORIGIN}${site.follows[0].href.slice(ORIGIN.length)}`,
          );
          assert.deepEqual(page.pageErrors, []);
        },
      );
    });
  }

  test("reads the older card list of the following page, as it always showed", async () => {
    await withPage(
      createMockSite({
        renderDelayMs: 50,
        pageSize: 10,
        followers: 3456,
        following: 1200,
        followersAbbreviated: true,
      }),
      PATHS.following,
      async (page, site) => {
        await page.waitForMessages(1);
        const [reading] = page.readings();
        assert.equal(reading.generation, "follows-cards");
        assert.deepEqual(reading.counts, {
          connections: null,
          followers: "3.4K",
          following: "1,200",
        });
        assert.deepEqual(
          reading.follows,
          site.people
            .slice(0, 10)
            .map((p) => ({ profileUrl: p.profileHref, name: p.name, headline: p.headline })),
        );
        assert.equal(reading.listEnd, false);
      },
    );
  });

  test("sends only new rows after more load, and listEnd once every person is on show", async () => {
    await withFollowing(
      { follows: { count: 25, companies: 2, pageSize: 20, paging: "load-more" } },
      async ({ site, page }) => {
        const [first] = page.readings();
        assert.equal(first.listEnd, false);
        page.document.querySelector(".scaffold-finite-scroll__load-button").click();
        await page.waitForMessages(2);
        await sleep(600);
        const readings = page.readings();
        assert.equal(readings.length, 2);
        assert.deepEqual(readings[1].follows, members(site.follows.slice(20)).map(expectedFollow));
        assert.equal(readings[1].listEnd, true);
        const sent = readings.flatMap((r) => r.follows.map((f) => f.profileUrl));
        assert.deepEqual(
          sent,
          members(site.follows).map((row) => row.href),
        );
        assert.equal(readings[1].counts.following, "25");
      },
    );
  });

  test("tells the background when the following tab turns hidden or visible, as the connections tab does", async () => {
    await withFollowing({}, async ({ page }) => {
      let hidden = false;
      Object.defineProperty(page.document, "hidden", { configurable: true, get: () => hidden });
      hidden = true;
      page.document.dispatchEvent(new page.window.Event("visibilitychange"));
      hidden = false;
      page.document.dispatchEvent(new page.window.Event("visibilitychange"));
      await waitFor(
        () => page.messages.filter((m) => m.type === "page-visibility").length === 2,
        "two page-visibility messages",
      );
      assert.deepEqual(
        page.messages.filter((m) => m.type === "page-visibility"),
        [
          { type: "page-visibility", visible: false },
          { type: "page-visibility", visible: true },
        ],
      );
    });
  });

  test("the followers page sends its people as followers, never as follows", async () => {
    await withPage(
      createMockSite({ renderDelayMs: 50, follows: {} }),
      PATHS.followers,
      async (page) => {
        await page.waitForMessages(1);
        const [reading] = page.readings();
        assert.equal(reading.page, "followers");
        assert.equal("follows" in reading, false);
        assert.ok(reading.followers.length > 0);
      },
    );
  });
});

/**
 * A stand-in background for a following collection: it keeps every
 * person received while running and says done once a reading says the list
 * ended (when `doneAtEnd`).
 */
function followingBackground(doneAtEnd) {
  const background = {
    running: false,
    done: false,
    seen: [],
    ended: [],
    answer(message) {
      if (message.type === "collect-ended") {
        background.ended.push(message);
        background.running = false;
        return Promise.resolve({ ok: true });
      }
      if (message.type !== "page-reading") return Promise.resolve({ ok: true });
      const { reading } = message;
      if (background.running) {
        background.seen.push(...reading.follows.map((f) => f.profileUrl));
        if (doneAtEnd && reading.listEnd) {
          background.running = false;
          background.done = true;
        }
      }
      return Promise.resolve({
        ok: true,
        collect: { running: background.running, done: background.done },
      });
    },
  };
  return background;
}

describe("collect all on the following page", { concurrency: true }, () => {
  for (const paging of ["scroll", "load-more"]) {
    test(`delivers every person followed exactly once down to the end of the list (${paging})`, async () => {
      const background = followingBackground(true);
      const { site, page, clicks } = await openFollowing(
        { follows: { count: 45, companies: 3, pageSize: 10, paging } },
        { layout: true, answer: (message) => background.answer(message) },
      );
      try {
        background.running = true;
        assert.deepEqual(
          await page.tell({
            type: "collect-run",
            list: "following",
            rules: { ...RULES.collect, ...FAST },
          }),
          {
            ok: true,
          },
        );
        await waitFor(() => background.done, "the list end", 60_000);
        assert.deepEqual(
          background.seen,
          members(site.follows).map((row) => row.href),
        );
        assert.ok(
          clicks.every((click) => click === "load-more"),
          `only the load button (${clicks})`,
        );
        if (paging === "load-more") assert.ok(clicks.length >= 4);
        assert.ok(page.scrolls.length > 0);
        assert.deepEqual(background.ended, [], "a run the background ends ends quietly");
      } finally {
        page.close();
      }
    });
  }

  test("a run nobody stops ends at the end of the list, saying which list", async () => {
    const background = followingBackground(false);
    const { page } = await openFollowing(
      { follows: { count: 12, pageSize: 20 } },
      { layout: true, answer: (message) => background.answer(message) },
    );
    try {
      background.running = true;
      const rules = { ...RULES.collect, delayMs: 10, stallMs: 1500 };
      assert.deepEqual(await page.tell({ type: "collect-run", list: "following", rules }), {
        ok: true,
      });
      await waitFor(() => background.ended.length > 0, "collect-ended", 30_000);
      assert.deepEqual(background.ended, [
        {
          type: "collect-ended",
          list: "following",
          outcome: "end-of-list",
          reason: "LinkedIn stopped loading at 12 people; the page says 12",
        },
      ]);
    } finally {
      page.close();
    }
  });

  test("collect-run names its list: refused on a page that is not that list", async () => {
    const rules = { ...RULES.collect, ...FAST };
    await withConnections({ generation: "sdui-2026" }, async ({ page }) => {
      assert.deepEqual(await page.tell({ type: "collect-run", list: "following", rules }), {
        ok: false,
        error: "This tab is not showing the people you follow on LinkedIn.",
      });
      assert.deepEqual(await page.tell({ type: "collect-run", list: "followers", rules }), {
        ok: false,
        error: "This tab is not showing the people who follow you on LinkedIn.",
      });
      const bogus = await page.tell({ type: "collect-run", list: "blocked", rules });
      assert.equal(bogus.ok, false);
      assert.match(bogus.error, /cannot collect a list called "blocked"/);
    });
    await withFollowing({}, async ({ page }) => {
      assert.deepEqual(await page.tell({ type: "collect-run", rules }), {
        ok: false,
        error: "This tab is not showing your LinkedIn connections.",
      });
    });
  });
});
