// The real markup end to end (issue 10): on the mock site rebuilt from the
// public evidence (docs/LINKEDIN.md), collect-all reads every person of each
// generation (react-2025 that loads only on "Load more", sdui-2026 that
// loads only on wheel events), then the queue removes two people through
// each generation's real menu and dialog, and the review page lists them
// with name, headline and date apart. Lean on purpose: small lists, dev
// pacing.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  createMockSite,
  parseCount,
  readConnectionsPage,
  waitFor,
  withChromium,
  withFirefox,
} from "./harness.mjs";

const DEV_PACING = { devPacing: { delayMs: 60 } };

const ask = (page, message) =>
  page.evaluate((m) => globalThis.chrome.runtime.sendMessage(m), message);

/**
 * Collect all, then remove two, on one generation, in an open session.
 * @param {any} session
 * @param {any} site
 * @param {string} reviewUrl the extension's review.html
 */
async function collectAndRemove(session, site, reviewUrl) {
  await session.openPopup();
  await session.setStorage(DEV_PACING);
  const linkedin = await readConnectionsPage(session, site);
  const review = await session.context.newPage();
  await review.goto(reviewUrl, { waitUntil: "load" });
  await review.getByTestId("collect-all").click();
  await linkedin.bringToFront();
  const collect = await waitFor(
    async () => {
      const { collect: run } = await session.storage();
      return run && !run.running && run.outcome ? run : null;
    },
    {
      timeout: 90_000,
      what: "the collection to end",
      describe: async () => (await session.storage()).collect,
    },
  );
  assert.equal(collect.outcome, "complete", collect.reason ?? "");
  assert.equal(collect.seen, site.people.length);

  await review.bringToFront();
  await waitFor(
    async () =>
      parseCount(await review.getByTestId("result-count").textContent()) === site.people.length,
    { what: "every person listed on the review page" },
  );
  // Name and headline apart, the date as a machine-readable day.
  const person = site.people.find((p) => p.headline && /^Connected /.test(p.connectedText ?? ""));
  const row = review.locator(
    `[data-testid="person-row"][data-slug="${person.slug.toLowerCase()}"]`,
  );
  await review.getByTestId("filter-input").fill(`name:"${person.name}"`);
  assert.equal(await row.getByTestId("person-name").textContent(), person.name);
  assert.equal(await row.getByTestId("person-headline").textContent(), person.headline);
  assert.match(
    (await row.locator('time[data-testid="person-connected"]').getAttribute("datetime")) ?? "",
    /^\d{4}-\d\d-\d\d$/,
  );
  await review.getByTestId("filter-input").fill("");

  const slugs = site.people.slice(20, 22).map((p) => p.slug.toLowerCase());
  const answer = await ask(session.popupPage, { type: "queue-removals", slugs, dryRun: false });
  assert.equal(answer.ok, true, answer.error);
  await linkedin.bringToFront();
  await waitFor(
    async () => {
      const { queue } = await session.storage();
      const p = queue?.progress;
      return p && p.removed === 2 && p.pending === 0 && p.inProgress === 0 ? p : null;
    },
    {
      timeout: 120_000,
      interval: 500,
      what: "two removals",
      describe: async () => (await session.storage()).queue?.progress,
    },
  );
  assert.deepEqual([...site.removed].sort(), [...slugs].sort());
}

for (const options of [
  { generation: "react-2025", paging: "load-more" },
  { generation: "sdui-2026", paging: "wheel" },
  { generation: "artdeco", paging: "scroll" },
]) {
  test(`chromium: ${options.generation} (${options.paging}) is collected whole and removes through its real menu`, async () => {
    const site = createMockSite({ ...options, count: 30, pageSize: 10, seed: 41 });
    await withChromium({ site }, (session) =>
      collectAndRemove(session, site, `chrome-extension://${session.extensionId}/review.html`),
    );
  });
}

for (const options of [
  { generation: "sdui-2026", paging: "wheel" },
  { generation: "react-2025", paging: "load-more" },
  { generation: "artdeco", paging: "scroll" },
]) {
  test(`firefox: ${options.generation} (${options.paging}) is collected whole and removes through its real menu`, async () => {
    const site = createMockSite({ ...options, count: 30, pageSize: 10, seed: 43 });
    await withFirefox({ site }, async (session) => {
      const { driver } = session;
      await session.openPopup();
      await driver.executeScript("return browser.storage.local.set(arguments[0]);", DEV_PACING);
      await readConnectionsPage(session, site);
      const send = async (message) => {
        await session.openPopup();
        return driver.executeScript("return browser.runtime.sendMessage(arguments[0]);", message);
      };
      const started = await send({ type: "collect-start" });
      assert.equal(started.ok, true, started.error);
      await session.inLinkedIn(() => true);
      const collect = await waitFor(
        async () => {
          const { collect: run } = await session.storage();
          return run && !run.running && run.outcome ? run : null;
        },
        { timeout: 90_000, what: "the collection to end" },
      );
      assert.equal(collect.outcome, "complete", collect.reason ?? "");
      assert.equal(collect.seen, site.people.length);

      const slugs = site.people.slice(20, 22).map((p) => p.slug.toLowerCase());
      const queued = await send({ type: "queue-removals", slugs, dryRun: false });
      assert.equal(queued.ok, true, queued.error);
      await session.inLinkedIn(() => true);
      await waitFor(
        async () => {
          const p = (await session.storage()).queue?.progress;
          return p && p.removed === 2 && p.pending === 0 && p.inProgress === 0 ? p : null;
        },
        { timeout: 120_000, interval: 500, what: "two removals" },
      );
      assert.deepEqual([...site.removed].sort(), [...slugs].sort());
    });
  });
}
