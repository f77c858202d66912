// The followers page read person by person (issue 13): its people as
// `followers` (members only: company rows are skipped), with whether the
// member follows each back, only new rows in each reading, `listEnd` once
// the end of the list is on screen, in each markup generation the evidence
// shows (tests/mock-site/assets/followers.js cites it); and "collect all" on
// it (`collect-run` with `list: "followers"`) down to the end of the list, or
// to the trouble that stops it. Nothing on the page is ever pressed but the
// list's own load button.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CHECKPOINT_PATH, createMockSite, PATHS } from "../mock-site/site.mjs";
import { ORIGIN, RULES, firstTrouble, openPage, sleep, waitFor, withPage } from "./harness.mjs";

const FAST = { delayMs: 10, stallMs: 1500 };
const members = (rows) => rows.filter((row) => row.member);
const expected = (row) => ({
  profileUrl: row.href,
  name: row.name,
  headline: row.headline,
  followsBack: row.followsBack,
});

/** Open the followers page with `followersList` rows, recording clicks by what they hit. */
async function openFollowers(siteOptions, pageOptions = {}) {
  const site = createMockSite({ renderDelayMs: 50, pageDelayMs: 50, ...siteOptions });
  const page = await openPage(site, PATHS.followers, pageOptions);
  const clicks = [];
  page.document.addEventListener(
    "click",
    (event) => {
      const button = event.target.closest("button");
      clicks.push(
        button?.matches(".scaffold-finite-scroll__load-button")
          ? "load-more"
          : `other:${event.target.outerHTML.slice(0, 80)}`,
      );
    },
    true,
  );
  await page.waitForMessages(1);
  return { site, page, clicks };
}

describe("followers page", { concurrency: true }, () => {
  for (const generation of ["search-entity", "follows-cards"]) {
    test(`reads the followers of the first load, skipping companies, with hostile names as data, in ${generation}`, async () => {
      const { site, page } = await openFollowers({
        followersList: { generation, count: 30, pageSize: 25 },
        followers: 2345,
      });
      try {
        await sleep(600);
        assert.equal(page.readings().length, 1);
        const [reading] = page.readings();
        assert.deepEqual(reading, {
          page: "followers",
          url: `${ORIGIN}${PATHS.followers}`,
          recognised: true,
          generation,
          reason: null,
          language: "en",
          // No total on the followers page itself (research 3).
          counts: { connections: null, followers: null, following: null },
          cards: [],
          followers: members(site.followers.slice(0, 25)).map(expected),
          listEnd: false,
          member: site.member.slug,
          visible: true,
        });
        assert.equal(reading.followers.length, 24);
        assert.ok(reading.followers.every((f) => /^\/in\//.test(f.profileUrl)));
        assert.ok(
          reading.followers.some((f) => f.name === "</script><script>window.__pwned=1</script>"),
        );
        assert.ok(reading.followers.some((f) => f.name === '=HYPERLINK("http://x","y")'));
        assert.equal(page.window.__pwned, undefined);
        // The visually hidden status text is not part of anyone's name.
        assert.ok(reading.followers.every((f) => !/status is/i.test(f.name)));
        // The three states of the follow-back button all occur.
        const states = new Set(reading.followers.map((f) => f.followsBack));
        assert.deepEqual([...states].sort(), [false, null, true].sort());
        assert.deepEqual(page.pageErrors, []);
      } finally {
        page.close();
      }
    });
  }

  test("sends only new rows after more load, and listEnd once the list's end is on screen", async () => {
    const { site, page } = await openFollowers(
      { followersList: { count: 25, pageSize: 20, paging: "load-more" } },
      { layout: true },
    );
    try {
      const [first] = page.readings();
      assert.equal(first.listEnd, false);
      page.document.querySelector(".scaffold-finite-scroll__load-button").click();
      await page.waitForMessages(2);
      page.window.scrollTo(0, page.document.documentElement.scrollHeight);
      await waitFor(() => page.readings().some((r) => r.listEnd), "listEnd");
      const readings = page.readings();
      const sent = readings.flatMap((r) => r.followers.map((f) => f.profileUrl));
      assert.deepEqual(
        sent,
        members(site.followers).map((row) => row.href),
      );
      assert.deepEqual(
        readings.flatMap((r) => r.followers),
        members(site.followers).map(expected),
      );
    } finally {
      page.close();
    }
  });

  test("in another language the followers are read, follow-back unknown, nothing pressed", async () => {
    const { site, page, clicks } = await openFollowers({
      language: "pt-BR",
      followersList: { count: 10, pageSize: 20 },
    });
    try {
      await sleep(300);
      const followers = page.readings().flatMap((r) => r.followers);
      assert.deepEqual(
        followers.map((f) => f.profileUrl),
        members(site.followers).map((row) => row.href),
      );
      // No evidence gives these buttons' words outside English: not guessed.
      assert.ok(followers.every((f) => f.followsBack === null));
      assert.deepEqual(clicks, []);
    } finally {
      page.close();
    }
  });

  test("the older followers page without a followers list still sends its people and totals", async () => {
    await withPage(
      createMockSite({ renderDelayMs: 50, pageSize: 10, followers: 3456 }),
      PATHS.followers,
      async (page, site) => {
        await page.waitForMessages(1);
        const [reading] = page.readings();
        assert.equal(reading.generation, "follows-cards");
        assert.equal(reading.counts.followers, "3,456");
        assert.equal("follows" in reading, false);
        assert.deepEqual(
          reading.followers.map((f) => f.profileUrl),
          site.people.slice(0, 10).map((p) => p.profileHref),
        );
      },
    );
  });
});

/** A stand-in background: keeps every follower received while running. */
function followersBackground() {
  const background = {
    running: false,
    seen: [],
    ended: [],
    answer(message) {
      if (message.type === "collect-ended") {
        background.ended.push(message);
        background.running = false;
        return Promise.resolve({ ok: true });
      }
      if (message.type !== "page-reading") return Promise.resolve({ ok: true });
      if (background.running) {
        background.seen.push(...(message.reading.followers ?? []).map((f) => f.profileUrl));
      }
      return Promise.resolve({ ok: true, collect: null });
    },
  };
  return background;
}

/** Start a followers collection on an opened page, as the background asks for it. */
async function collect(page, background) {
  background.running = true;
  assert.deepEqual(
    await page.tell({
      type: "collect-run",
      list: "followers",
      rules: { ...RULES.collect, ...FAST },
    }),
    { ok: true },
  );
}

describe("collect all on the followers page", { concurrency: true }, () => {
  for (const paging of ["scroll", "load-more"]) {
    test(`delivers every follower exactly once down to the end of the list (${paging})`, async () => {
      const background = followersBackground();
      const { site, page, clicks } = await openFollowers(
        { followersList: { count: 45, companies: 2, pageSize: 10, paging } },
        { layout: true, answer: (message) => background.answer(message) },
      );
      try {
        await collect(page, background);
        await waitFor(() => background.ended.length > 0, "collect-ended", 60_000);
        assert.deepEqual(
          background.seen,
          members(site.followers).map((row) => row.href),
        );
        assert.deepEqual(background.ended, [
          {
            type: "collect-ended",
            list: "followers",
            outcome: "end-of-list",
            reason: "LinkedIn stopped loading at 45 people, and the page states no total",
          },
        ]);
        assert.ok(
          clicks.every((click) => click === "load-more"),
          `only the load button (${clicks})`,
        );
      } finally {
        page.close();
      }
    });
  }

  test("a list that stalls ends the run stalled, which proves nobody gone", async () => {
    const background = followersBackground();
    const { page } = await openFollowers(
      { followersList: { count: 40, pageSize: 10, faults: { stallAt: 20 } } },
      { layout: true, answer: (message) => background.answer(message) },
    );
    try {
      await collect(page, background);
      await waitFor(() => background.ended.length > 0, "collect-ended", 30_000);
      assert.equal(background.ended[0].list, "followers");
      assert.equal(background.ended[0].outcome, "stalled");
      assert.match(background.ended[0].reason, /still showing that it was loading/);
    } finally {
      page.close();
    }
  });

  test("a security checkpoint instead of the next load ends the page, and the checkpoint is trouble", async () => {
    const background = followersBackground();
    const { site, page } = await openFollowers(
      { followersList: { count: 40, pageSize: 10, faults: { checkpointAt: 20 } } },
      { layout: true, answer: (message) => background.answer(message) },
    );
    try {
      await collect(page, background);
      await waitFor(() => page.navigations.length > 0, "the checkpoint", 30_000);
      assert.deepEqual(page.navigations, [`${ORIGIN}${CHECKPOINT_PATH}`]);
      assert.ok(background.seen.length <= 20);
      assert.ok(!background.ended.some((m) => m.outcome === "end-of-list"));
    } finally {
      page.close();
    }
    // The background stops every collection at the trouble the next page reports.
    const checkpoint = await openPage(site, CHECKPOINT_PATH);
    try {
      const trouble = await firstTrouble(checkpoint);
      assert.equal(trouble.trouble, "checkpoint");
    } finally {
      checkpoint.close();
    }
  });
});
