// The extension shell end to end (issue 9, items 1, 8, 9 and 10): only one
// connections tab acts, steps wait while that tab is hidden, another
// LinkedIn account gets its own network and pauses the queue, and only a
// test build (dist/test/*) honours devPacing.
//
// The tests marked "needs reading.member" need the content script to name
// the member in its readings (the i10 branch); without it the queue waits,
// rightly, to see whose account the page is.

// Functions passed to page.evaluate run in the page.
/* global document */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  countingSite,
  devPacing,
  fastConnectionsPage,
  parseCount,
  PATHS,
  readConnectionsPage,
  RELEASE_CHROME_DIR,
  RELEASE_FIREFOX_ZIP,
  waitFor,
  withChromium,
  withFirefox,
} from "./harness.mjs";

const ALICE = { slug: "alice-example-1a2b", name: "Alice Example" };
const BOB = { slug: "bob-example-3c4d", name: "Bob Example" };

const storedQueue = async (session) => (await session.storage()).queue ?? null;

/** Resolves once the queue has removed `n` and has nobody left. */
const removedAll = (session, n, timeout = 90_000) =>
  waitFor(
    async () => {
      const p = (await storedQueue(session))?.progress;
      return p && p.removed === n && p.pending === 0 && p.inProgress === 0 ? p : null;
    },
    { what: `${n} removals`, timeout, interval: 500, describe: () => storedQueue(session) },
  );

/** Resolves once the queue waits for its tab to be visible (running, not paused). */
async function waitingToBeSeen(session) {
  const queue = await waitFor(
    async () => {
      const stored = await storedQueue(session);
      return stored?.waitingOn?.includes("to be visible") ? stored : null;
    },
    {
      what: "the queue to wait for the tab",
      timeout: 30_000,
      describe: () => storedQueue(session),
    },
  );
  assert.equal(queue.progress.state, "running", "waiting is not a pause");
}

/** Nobody in `site` was removed twice. */
function nobodyTwice(site) {
  for (const [slug, count] of site.posts) assert.equal(count, 1, `${slug} removed ${count} times`);
}

/**
 * Reads the queue's progress after queueing two people with devPacing set,
 * in a session of the build under test.
 */
async function progressWithDevPacing(session, site) {
  await fastConnectionsPage(session, site, 200);
  const slugs = site.people.slice(2, 4).map((p) => p.slug.toLowerCase());
  const answer = await session.ask({ type: "queue-removals", slugs, dryRun: false });
  assert.equal(answer.ok, true, answer.error);
  return waitFor(async () => (await storedQueue(session))?.progress, {
    what: "the queue's progress",
  });
}

/**
 * The member's build (`release`, launch options) ignores devPacing, the test
 * build (the harness's default) honours it.
 */
async function onlyTheTestBuildHonoursDevPacing(withBrowser, release, seed) {
  for (const [options, expected] of [
    [release, false],
    [{}, true],
  ]) {
    const site = countingSite({ generation: "artdeco", count: 12, seed, pageSize: 12 });
    await withBrowser({ site, ...options }, async (session) => {
      const progress = await progressWithDevPacing(session, site);
      const build = expected ? "the test build" : "the member's build";
      assert.equal(progress.devPacing, expected, `${build}: devPacing in force`);
      // Human pacing: the member's hourly cap.
      if (!expected) assert.equal(progress.hourlyCap, 15, `${build}: hourly cap`);
    });
  }
}

test("chromium: a normal build ignores devPacing; the test build honours it", () =>
  onlyTheTestBuildHonoursDevPacing(withChromium, { extensionDir: RELEASE_CHROME_DIR }, 91));

test("firefox: a normal build ignores devPacing; the test build honours it", () =>
  onlyTheTestBuildHonoursDevPacing(withFirefox, { xpi: RELEASE_FIREFOX_ZIP }, 92));

test("chromium: collecting stops at the first LinkedIn warning", async () => {
  const site = countingSite({ generation: "react-2025", count: 3_000, seed: 99, pageSize: 20 });
  await withChromium({ site }, async (session) => {
    await session.openPopup();
    await session.setStorage(devPacing(300));
    const tab = await readConnectionsPage(session, site);
    await tab.bringToFront();
    const answer = await session.ask({ type: "collect-start" });
    assert.equal(answer.ok, true, answer.error);
    const collect = async () => (await session.storage()).collect;
    await waitFor(async () => (await collect())?.seen >= 60, {
      what: "the collection to be under way",
      timeout: 60_000,
      describe: collect,
    });
    // LinkedIn shows its limit banner (the markup of the mock's own banner).
    await tab.evaluate(() => {
      const banner = document.createElement("div");
      banner.className = "artdeco-global-alert";
      banner.setAttribute("role", "alert");
      banner.textContent = "You’ve reached the weekly limit for this action";
      document.body.prepend(banner);
    });
    const stopped = await waitFor(
      async () => {
        const now = await collect();
        return now?.running === false ? now : null;
      },
      { what: "the collection to stop", timeout: 15_000, describe: collect },
    );
    assert.equal(stopped.outcome, "stopped");
    // Nothing more is scrolled: the count stays where it stopped.
    const seen = stopped.seen;
    await tab.waitForTimeout(3_000);
    assert.ok((await collect()).seen <= seen + 20, "the page kept collecting after the warning");
  });
});

// Needs reading.member.
test("chromium: two connections tabs open: only the first acts, it waits while hidden, nobody is removed twice", async () => {
  const site = countingSite({ generation: "react-2025", count: 16, seed: 93, pageSize: 16 });
  await withChromium({ site }, async (session) => {
    const first = await fastConnectionsPage(session, site, 200);
    const second = await session.openLinkedIn(PATHS.connections);
    await second.waitForTimeout(1_500);
    // The second tab is in front: the first (acting) tab is hidden, so the
    // queue waits, saying so, and the second tab never acts.
    await second.bringToFront();
    const slugs = site.people.slice(3, 7).map((p) => p.slug.toLowerCase());
    const answer = await session.ask({ type: "queue-removals", slugs, dryRun: false });
    assert.equal(answer.ok, true, answer.error);
    await second.bringToFront();
    await waitingToBeSeen(session);
    await second.waitForTimeout(3_000);
    assert.equal(site.removed.size, 0, "a step ran while the acting tab was hidden");

    // The member shows the first tab again: the queue carries on there.
    await first.bringToFront();
    await removedAll(session, slugs.length);
    assert.deepEqual([...site.removed].sort(), [...slugs].sort());
    nobodyTwice(site);
    // The second tab never searched: its search box is as it was.
    const typed = await second.evaluate(() =>
      [...document.querySelectorAll("input")].map((input) => input.value).join(""),
    );
    assert.equal(typed, "", "the second tab acted");
  });
});

// Needs reading.member.
test("firefox: the queue waits while the connections tab is covered and goes on when it is shown", async () => {
  const site = countingSite({ generation: "react-2025", count: 14, seed: 96, pageSize: 14 });
  await withFirefox({ site }, async (session) => {
    await fastConnectionsPage(session, site, 200);
    await session.coverLinkedIn();
    const slugs = site.people.slice(3, 6).map((p) => p.slug.toLowerCase());
    const answer = await session.ask({ type: "queue-removals", slugs, dryRun: false });
    assert.equal(answer.ok, true, answer.error);
    await waitingToBeSeen(session);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.equal(site.removed.size, 0, "a step ran on a covered tab");
    await session.showLinkedIn();
    await removedAll(session, slugs.length);
    assert.deepEqual([...site.removed].sort(), [...slugs].sort());
    nobodyTwice(site);
  });
});

/**
 * Alice queues six people; after her first removal LinkedIn shows Bob in the
 * same tab. Nothing is removed from Bob's account, Bob's network is his own,
 * Alice's is parked whole with her queue paused for the account. `reload`
 * reloads the LinkedIn tab (after `session.site` changed).
 */
async function switchToBob(session, reload) {
  const aliceSite = session.site;
  await session.openPopup();
  await session.setStorage(devPacing(1_500));
  await readConnectionsPage(session, aliceSite);
  await session.waitForPopup((p) => p.text["network-owner"].includes(ALICE.slug), {
    what: "the popup to name Alice",
    timeout: 15_000,
  });
  const slugs = aliceSite.people.slice(2, 8).map((p) => p.slug.toLowerCase());
  await session.ask({ type: "queue-removals", slugs, dryRun: false });
  await waitFor(async () => aliceSite.removed.size >= 1, {
    what: "Alice's first removal",
    timeout: 60_000,
  });

  const bobSite = countingSite({
    generation: "artdeco",
    count: 9,
    seed: 95,
    pageSize: 9,
    member: BOB,
  });
  session.site = bobSite;
  await reload();
  await session.openPopup();
  await session.waitForPopup(
    (p) =>
      p.text["network-owner"].includes(BOB.slug) && parseCount(p.text["connection-count"]) === 9,
    { what: "the popup to show Bob's own network", timeout: 30_000 },
  );
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  assert.equal(bobSite.removed.size, 0, "Alice's queue removed someone from Bob's account");
  const all = await session.storage();
  assert.equal(all.networkOwner, BOB.slug);
  const parked = JSON.parse(await session.storedNetwork(`network:${ALICE.slug}`));
  assert.equal(parked.people.length, 14, "Alice's network is kept whole");
  assert.match(JSON.stringify(parked.queue.paused), /another account/);
  assert.equal(JSON.parse(await session.storedNetwork()).people.length, 9, "Bob's network mixed");
  return { aliceSite, slugs };
}

const aliceSite = (seed) =>
  countingSite({ generation: "artdeco", count: 14, seed, pageSize: 14, member: ALICE });

// Needs reading.member.
test("chromium: another LinkedIn account pauses the queue and has its own network", async () => {
  await withChromium({ site: aliceSite(94) }, async (session) => {
    /** @type {any} */
    let tab = null;
    const reload = async () => {
      tab ??= session.context
        .pages()
        .find((page) => page.url().startsWith("https://www.linkedin.com/"));
      await tab.reload({ waitUntil: "load" });
      await tab.bringToFront();
    };
    const alice = await switchToBob(session, reload);
    const removedBefore = alice.aliceSite.removed.size;

    // Back to Alice: her network and her queue, which carries on.
    session.site = alice.aliceSite;
    await reload();
    // Each of Alice's people ends removed, or unconfirmed when their step
    // was out as the account switched (its outcome is not Alice's to count
    // under Bob's network, and a name search showing nobody proves nothing),
    // and LinkedIn removed every one of them exactly once.
    const settled = await waitFor(
      async () => {
        const stored = await storedQueue(session);
        const p = stored?.progress;
        return p &&
          p.pending === 0 &&
          p.inProgress === 0 &&
          p.removed + p.unconfirmed === alice.slugs.length
          ? stored
          : null;
      },
      {
        what: "Alice's queue to settle",
        timeout: 150_000,
        interval: 500,
        describe: () => storedQueue(session),
      },
    );
    assert.ok(settled.progress.unconfirmed <= 1, "only the step out at the switch may be unproven");
    assert.ok(alice.aliceSite.removed.size > removedBefore);
    assert.deepEqual([...alice.aliceSite.removed].sort(), [...alice.slugs].sort());
    nobodyTwice(alice.aliceSite);
  });
});

// Needs reading.member.
test("firefox: another LinkedIn account pauses the queue and has its own network", async () => {
  await withFirefox({ site: aliceSite(97) }, async (session) => {
    await switchToBob(session, () => session.reloadLinkedIn());
  });
});
