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
  collectionEnded,
  createMockSite,
  fastConnectionsPage,
  parseCount,
  queueRemoved,
  waitFor,
  withChromium,
  withFirefox,
} from "./harness.mjs";

/**
 * Collect all, then remove two, on one generation, in an open session.
 * @param {any} session
 * @param {any} site
 * @param {string} reviewUrl the extension's review.html
 */
async function collectAndRemove(session, site, reviewUrl) {
  const linkedin = await fastConnectionsPage(session, site, 60);
  const review = await session.context.newPage();
  await review.goto(reviewUrl, { waitUntil: "load" });
  await review.getByTestId("collect-all").click();
  await linkedin.bringToFront();
  const collect = await collectionEnded(session, {
    timeout: 90_000,
    what: "the collection to end",
  });
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
  const answer = await session.ask({ type: "queue-removals", slugs, dryRun: false });
  assert.equal(answer.ok, true, answer.error);
  await linkedin.bringToFront();
  await queueRemoved(session, 2, { timeout: 120_000, what: "two removals" });
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
      await fastConnectionsPage(session, site, 60);
      const send = async (message) => {
        await session.openPopup();
        return session.ask(message);
      };
      const started = await send({ type: "collect-start" });
      assert.equal(started.ok, true, started.error);
      await session.inLinkedIn(() => true);
      const collect = await collectionEnded(session, {
        timeout: 90_000,
        what: "the collection to end",
      });
      assert.equal(collect.outcome, "complete", collect.reason ?? "");
      assert.equal(collect.seen, site.people.length);

      const slugs = site.people.slice(20, 22).map((p) => p.slug.toLowerCase());
      const queued = await send({ type: "queue-removals", slugs, dryRun: false });
      assert.equal(queued.ok, true, queued.error);
      await session.inLinkedIn(() => true);
      await queueRemoved(session, 2, { timeout: 120_000, what: "two removals" });
      assert.deepEqual([...site.removed].sort(), [...slugs].sort());
    });
  });
}
