// "Collect all" end to end: the built extension scrolls the mock connections
// list (served at the real LinkedIn URL) until the page's stated total is
// read, in Chromium and Firefox. devPacing (honoured only because these are the
// test builds, dist/test/) shortens the human waits.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  collectionEnded,
  createMockSite,
  fastConnectionsPage,
  formatCount,
  parseCount,
  PATHS,
  waitFor,
  withChromium,
  withFirefox,
} from "./harness.mjs";

/** A 10,000-person virtualized list that stalls for 1.5 s at 4,000. */
const bigSite = () =>
  createMockSite({
    generation: "sdui-2026",
    count: 10_000,
    seed: 5,
    pageSize: 100,
    paneHeight: 2400,
    stallAt: [4_000],
    stallMs: 1_500,
  });

/** Opens the review page in its own tab and waits for the replica to load. */
async function openReview(session) {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/review.html`, { waitUntil: "load" });
  await page.getByTestId("collect-all").waitFor({ state: "visible", timeout: 15_000 });
  return page;
}

test("chromium: collect all reads all 10,000 people of a virtualized list, waiting out a stall", async () => {
  const site = bigSite();
  await withChromium({ site }, async (session) => {
    const linkedin = await fastConnectionsPage(session, site, 60);

    const review = await openReview(session);
    await review.getByTestId("collect-all").click();
    // LinkedIn renders nothing in a hidden tab, so the reader collects only
    // while its tab is in view, as it is beside the side panel.
    await linkedin.bringToFront();

    const collect = await collectionEnded(session, { timeout: 180_000 });
    assert.equal(collect.outcome, "complete", collect.reason ?? "");
    assert.equal(collect.seen, 10_000);
    assert.equal(collect.target, 10_000);
    assert.equal(
      await linkedin.evaluate(() => globalThis.__pwned),
      undefined,
      "nothing the page holds ran",
    );

    await review.bringToFront();
    await waitFor(
      async () =>
        (await review.getByTestId("collect-progress").textContent()).includes(
          `${formatCount(10_000)} of ${formatCount(10_000)}`,
        ),
      { what: "collect-progress to read 10,000 of 10,000" },
    );
    await waitFor(
      async () => parseCount(await review.getByTestId("result-count").textContent()) === 10_000,
      {
        what: "the review page to list all 10,000 people",
      },
    );
    const stored = JSON.parse(await session.storedNetwork()).people;
    assert.equal(new Set(stored.map((p) => p.slug)).size, 10_000, "every person stored once");
  });
});

test("chromium: a second complete collection records exactly who is gone, and is:gone finds them", async () => {
  const options = { generation: "react-2025", count: 60, seed: 21, pageSize: 10 };
  const before = createMockSite(options);
  const leavers = [before.people[5].slug, before.people[33].slug];
  await withChromium({ site: before }, async (session) => {
    const linkedin = await fastConnectionsPage(session, before, 60);
    const review = await openReview(session);

    await review.getByTestId("collect-all").click();
    await linkedin.bringToFront();
    const first = await collectionEnded(session, { timeout: 60_000 });
    assert.equal(first.outcome, "complete");
    assert.equal(first.gone, 0);

    // Two people removed the member; the page now lists 58.
    session.site = createMockSite({ ...options, without: leavers });
    await linkedin.reload({ waitUntil: "load" });
    await session.waitForPopup((p) => parseCount(p.text["connection-count"]) === 58, {
      what: "the new stated total of 58",
    });
    await review.bringToFront();
    await review.getByTestId("collect-all").click();
    await linkedin.bringToFront();
    const second = await collectionEnded(session, {
      what: "the second run to end",
      timeout: 60_000,
      after: first,
    });
    assert.equal(second.outcome, "complete", second.reason ?? "");
    assert.equal(second.seen, 58);
    assert.equal(second.gone, 2);

    await review.bringToFront();
    await review.getByTestId("filter-input").fill("is:gone");
    await waitFor(
      async () => parseCount(await review.getByTestId("result-count").textContent()) === 2,
      {
        what: "is:gone to match the two leavers",
      },
    );
    const slugs = await review
      .getByTestId("person-row")
      .evaluateAll((rows) => rows.map((row) => row.dataset.slug));
    assert.deepEqual(slugs.sort(), [...leavers].sort());
  });
});

test("chromium: collection survives its tab closing and the worker stopping, and resumes where it was", async () => {
  const site = createMockSite({ generation: "sdui-2026", count: 300, seed: 8, pageSize: 20 });
  await withChromium({ site }, async (session) => {
    let linkedin = await fastConnectionsPage(session, site, 60);
    const review = await openReview(session);
    await review.getByTestId("collect-all").click();
    await linkedin.bringToFront();

    const partway = await waitFor(
      async () => {
        const { collect } = await session.storage();
        return collect?.running && collect.seen >= 60 ? collect : null;
      },
      { what: "the run to read 60 people", timeout: 60_000 },
    );
    await linkedin.close();
    await session.stopServiceWorker();
    const { collect: waiting } = await session.storage();
    assert.equal(waiting.running, true, "the run waits for the page");
    assert.ok(waiting.seen >= partway.seen, "nothing counted was lost");

    linkedin = await session.openLinkedIn(PATHS.connections);
    await linkedin.bringToFront();
    const collect = await collectionEnded(session, { timeout: 90_000 });
    assert.equal(collect.outcome, "complete", collect.reason ?? "");
    assert.equal(collect.seen, 300);
    assert.equal(collect.startedAtMs, partway.startedAtMs, "the same run resumed");
  });
});

test("firefox: collect all reads all 10,000 people of a virtualized list, waiting out a stall", async () => {
  const site = bigSite();
  await withFirefox({ site }, async (session) => {
    await fastConnectionsPage(session, site, 60);
    // The popup's window asks the background, as the review page's button does.
    const answer = await session.ask({ type: "collect-start" });
    assert.equal(answer.ok, true, answer.error);
    const collect = await collectionEnded(session, { timeout: 240_000, interval: 1_000 });
    assert.equal(collect.outcome, "complete", collect.reason ?? "");
    assert.equal(collect.seen, 10_000);
  });
});
