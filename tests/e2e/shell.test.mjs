// The extension shell end to end (issue 9, items 1, 8, 9 and 10): only one
// connections tab acts, steps wait while that tab is hidden, another
// LinkedIn account gets its own network and pauses the queue, and only a
// test build (dist/test/*) honours devPacing.
//
// The tests that need the content script to name the member in its
// readings (`reading.member`, the i10 branch) say so in their names'
// comments; without it the queue waits, rightly, to see whose account the
// page is.
// Functions passed to page.evaluate run in the page.
/* global document */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PATHS,
  RELEASE_CHROME_DIR,
  RELEASE_FIREFOX_ZIP,
  createMockSite,
  parseCount,
  readConnectionsPage,
  waitFor,
  withChromium,
  withFirefox,
} from "./harness.mjs";

const DEV_PACING = { devPacing: { delayMs: 200 } };

/** A mock site that also counts removal posts per slug (nobody twice). */
function countingSite(options) {
  const site = createMockSite(options);
  const posts = new Map();
  const handle = site.handle.bind(site);
  site.handle = (url, request = {}) => {
    if (request.method === "POST" && new URL(url).pathname.startsWith("/__mock__/remove")) {
      const slug = String(request.body ?? "");
      posts.set(slug, (posts.get(slug) ?? 0) + 1);
    }
    return handle(url, request);
  };
  site.posts = posts;
  return site;
}

const ask = (page, message) =>
  page.evaluate((m) => globalThis.chrome.runtime.sendMessage(m), message);

async function stored(session) {
  const { queue } = await session.storage();
  return queue ?? null;
}

/** Resolves once the queue has removed `n`, or fails naming what it saw. */
const removedAll = (session, n, timeout = 90_000) =>
  waitFor(
    async () => {
      const p = (await stored(session))?.progress;
      return p && p.removed === n && p.pending === 0 && p.inProgress === 0 ? p : null;
    },
    { what: `${n} removals`, timeout, interval: 300, describe: () => stored(session) },
  );

test("chromium: a normal build ignores devPacing; the test build honours it", async () => {
  for (const [build, extensionDir, expected] of [
    ["dist/chrome", RELEASE_CHROME_DIR, false],
    ["dist/test/chrome", undefined, true],
  ]) {
    const site = countingSite({ generation: "artdeco", count: 12, seed: 91, pageSize: 12 });
    await withChromium({ site, ...(extensionDir ? { extensionDir } : {}) }, async (session) => {
      await session.openPopup();
      await session.setStorage(DEV_PACING);
      await readConnectionsPage(session, site);
      const slugs = site.people.slice(2, 4).map((p) => p.slug.toLowerCase());
      const answer = await ask(session.popupPage, { type: "queue-removals", slugs, dryRun: false });
      assert.equal(answer.ok, true, answer.error);
      const queue = await waitFor(async () => (await stored(session))?.progress, {
        what: "the queue's progress",
      });
      assert.equal(queue.devPacing, expected, `${build}: devPacing in force`);
      if (!expected) {
        // Human pacing: the hourly cap and the waits are the member's.
        assert.equal(queue.hourlyCap, 15, `${build}: hourly cap`);
      }
    });
  }
});

test("firefox: a normal build ignores devPacing; the test build honours it", async () => {
  for (const [build, xpi, expected] of [
    ["dist/netprune-firefox.zip", RELEASE_FIREFOX_ZIP, false],
    ["dist/test/netprune-firefox.zip", undefined, true],
  ]) {
    const site = countingSite({ generation: "artdeco", count: 12, seed: 92, pageSize: 12 });
    await withFirefox({ site, ...(xpi ? { xpi } : {}) }, async (session) => {
      await session.openPopup();
      await session.driver.executeScript(
        "return browser.storage.local.set(arguments[0]);",
        DEV_PACING,
      );
      await session.openLinkedIn(PATHS.connections);
      await session.waitForPopup((p) => parseCount(p.text["connection-count"]) === 12, {
        what: "the stated total of 12",
        timeout: 30_000,
      });
      const slugs = site.people.slice(2, 4).map((p) => p.slug.toLowerCase());
      const answer = await session.driver.executeScript(
        "return browser.runtime.sendMessage({ type: 'queue-removals', slugs: arguments[0], dryRun: false });",
        slugs,
      );
      assert.equal(answer.ok, true, answer.error);
      const queue = await waitFor(async () => (await session.storage()).queue?.progress, {
        what: "the queue's progress",
      });
      assert.equal(queue.devPacing, expected, `${build}: devPacing in force`);
    });
  }
});

// Needs the i10 content side (reading.member): without it the queue waits
// to see whose account the page is.
test("chromium: two connections tabs open: only the first acts, it waits while hidden, nobody is removed twice", async () => {
  const site = countingSite({ generation: "react-2025", count: 16, seed: 93, pageSize: 16 });
  await withChromium({ site }, async (session) => {
    await session.openPopup();
    await session.setStorage(DEV_PACING);
    const first = await readConnectionsPage(session, site);
    const second = await session.openLinkedIn(PATHS.connections);
    await second.waitForTimeout(1_500);
    const slugs = site.people.slice(3, 7).map((p) => p.slug.toLowerCase());
    // The second tab is in front: the first (acting) tab is hidden, so the
    // queue waits, saying so, and the second tab never acts.
    await second.bringToFront();
    const answer = await ask(session.popupPage, { type: "queue-removals", slugs, dryRun: false });
    assert.equal(answer.ok, true, answer.error);
    await second.bringToFront();
    const waiting = await waitFor(
      async () => {
        const queue = await stored(session);
        return queue?.waitingOn?.includes("to be visible") ? queue : null;
      },
      { what: "the queue to wait for the tab", timeout: 30_000, describe: () => stored(session) },
    );
    assert.equal(waiting.progress.state, "running", "waiting is not a pause");
    await second.waitForTimeout(3_000);
    assert.equal(site.removed.size, 0, "a step ran while the acting tab was hidden");

    // The member shows the first tab again: the queue carries on there.
    await first.bringToFront();
    await removedAll(session, slugs.length);
    assert.deepEqual([...site.removed].sort(), [...slugs].sort());
    for (const [slug, count] of site.posts) {
      assert.equal(count, 1, `${slug} removed ${count} times`);
    }
    // The second tab never searched: its search box is as it was.
    const typed = await second.evaluate(() =>
      [...document.querySelectorAll("input")].map((input) => input.value).join(""),
    );
    assert.equal(typed, "", "the second tab acted");
  });
});

// Needs the i10 content side (reading.member).
test("chromium: another LinkedIn account pauses the queue and has its own network", async () => {
  const alice = { slug: "alice-example-1a2b", name: "Alice Example" };
  const bob = { slug: "bob-example-3c4d", name: "Bob Example" };
  const aliceSite = countingSite({
    generation: "artdeco",
    count: 14,
    seed: 94,
    pageSize: 14,
    member: alice,
  });
  await withChromium({ site: aliceSite }, async (session) => {
    await session.openPopup();
    await session.setStorage({ devPacing: { delayMs: 1_500 } });
    const tab = await readConnectionsPage(session, aliceSite);
    await session.waitForPopup((p) => p.text["network-owner"].includes(alice.slug), {
      what: "the popup to name Alice",
      timeout: 15_000,
    });
    const slugs = aliceSite.people.slice(2, 8).map((p) => p.slug.toLowerCase());
    await ask(session.popupPage, { type: "queue-removals", slugs, dryRun: false });
    await tab.bringToFront();
    await waitFor(async () => aliceSite.removed.size >= 1, {
      what: "Alice's first removal",
      timeout: 60_000,
    });

    // The member signs in to LinkedIn as Bob, in the same tab.
    const bobSite = countingSite({
      generation: "artdeco",
      count: 9,
      seed: 95,
      pageSize: 9,
      member: bob,
    });
    session.site = bobSite;
    await tab.reload({ waitUntil: "load" });
    const popup = await session.openPopup();
    await session.waitForPopup(
      (p) =>
        p.text["network-owner"].includes(bob.slug) && parseCount(p.text["connection-count"]) === 9,
      { what: "the popup to show Bob's own network", timeout: 30_000 },
    );
    const removedForAlice = aliceSite.removed.size;
    await tab.bringToFront();
    await tab.waitForTimeout(4_000);
    assert.equal(bobSite.removed.size, 0, "Alice's queue removed someone from Bob's account");
    const all = await session.storage();
    assert.equal(all.networkOwner, bob.slug);
    const parked = JSON.parse(all[`network:${alice.slug}`]);
    assert.equal(parked.people.length, 14, "Alice's network is kept whole");
    assert.match(JSON.stringify(parked.queue.paused), /another account/);
    assert.equal(JSON.parse(all.snapshot).people.length, 9, "Bob's network mixed");
    void popup;

    // Back to Alice: her network and her queue, which carries on.
    session.site = aliceSite;
    await tab.reload({ waitUntil: "load" });
    await tab.bringToFront();
    await removedAll(session, slugs.length, 120_000);
    assert.ok(aliceSite.removed.size > removedForAlice);
    for (const [slug, count] of aliceSite.posts) {
      assert.equal(count, 1, `${slug} removed ${count} times`);
    }
  });
});

/** Sends `message` to the background from the Firefox popup window. */
async function askFirefox(session, message) {
  await session.openPopup();
  return session.driver.executeScript("return browser.runtime.sendMessage(arguments[0]);", message);
}

// Needs the i10 content side (reading.member).
test("firefox: the queue waits while the connections tab is covered and goes on when it is shown", async () => {
  const site = countingSite({ generation: "react-2025", count: 14, seed: 96, pageSize: 14 });
  await withFirefox({ site }, async (session) => {
    await session.openPopup();
    await session.driver.executeScript(
      "return browser.storage.local.set(arguments[0]);",
      DEV_PACING,
    );
    await session.openLinkedIn(PATHS.connections);
    await session.waitForPopup((p) => parseCount(p.text["connection-count"]) === 14, {
      what: "the stated total of 14",
      timeout: 30_000,
    });
    await session.coverLinkedIn();
    const slugs = site.people.slice(3, 6).map((p) => p.slug.toLowerCase());
    const answer = await askFirefox(session, { type: "queue-removals", slugs, dryRun: false });
    assert.equal(answer.ok, true, answer.error);
    await waitFor(
      async () => (await session.storage()).queue?.waitingOn?.includes("to be visible"),
      {
        what: "the queue to wait for the tab",
        timeout: 30_000,
        describe: async () => (await session.storage()).queue,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.equal(site.removed.size, 0, "a step ran on a covered tab");
    await session.showLinkedIn();
    await waitFor(
      async () => {
        const p = (await session.storage()).queue?.progress;
        return p && p.removed === slugs.length && p.pending + p.inProgress === 0;
      },
      { what: "the removals once the tab is shown", timeout: 90_000, interval: 1_000 },
    );
    assert.deepEqual([...site.removed].sort(), [...slugs].sort());
    for (const [slug, count] of site.posts)
      assert.equal(count, 1, `${slug} removed ${count} times`);
  });
});

// Needs the i10 content side (reading.member).
test("firefox: another LinkedIn account pauses the queue and has its own network", async () => {
  const alice = { slug: "alice-example-1a2b", name: "Alice Example" };
  const bob = { slug: "bob-example-3c4d", name: "Bob Example" };
  const aliceSite = countingSite({
    generation: "artdeco",
    count: 14,
    seed: 97,
    pageSize: 14,
    member: alice,
  });
  await withFirefox({ site: aliceSite }, async (session) => {
    await session.openPopup();
    await session.driver.executeScript("return browser.storage.local.set(arguments[0]);", {
      devPacing: { delayMs: 1_500 },
    });
    await session.openLinkedIn(PATHS.connections);
    await session.waitForPopup((p) => p.text["network-owner"].includes(alice.slug), {
      what: "the popup to name Alice",
      timeout: 30_000,
    });
    const slugs = aliceSite.people.slice(2, 8).map((p) => p.slug.toLowerCase());
    await askFirefox(session, { type: "queue-removals", slugs, dryRun: false });
    await waitFor(async () => aliceSite.removed.size >= 1, {
      what: "Alice's first removal",
      timeout: 60_000,
    });
    const bobSite = countingSite({
      generation: "artdeco",
      count: 9,
      seed: 98,
      pageSize: 9,
      member: bob,
    });
    session.site = bobSite;
    await session.reloadLinkedIn();
    await session.waitForPopup(
      (p) =>
        p.text["network-owner"].includes(bob.slug) && parseCount(p.text["connection-count"]) === 9,
      { what: "the popup to show Bob's own network", timeout: 30_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    assert.equal(bobSite.removed.size, 0, "Alice's queue removed someone from Bob's account");
    const all = await session.storage();
    assert.equal(all.networkOwner, bob.slug);
    const parked = JSON.parse(all[`network:${alice.slug}`]);
    assert.equal(parked.people.length, 14, "Alice's network is kept whole");
    assert.match(JSON.stringify(parked.queue.paused), /another account/);
    assert.equal(JSON.parse(all.snapshot).people.length, 9, "Bob's network mixed");
  });
});
