// The removal queue end to end in Firefox: a verified batch, a dry run then a
// real one, and a restore mid-queue (the Chromium cases are in queue.test.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  countingSite,
  fastConnectionsPage,
  queueProgress,
  queueRemoved,
  waitFor,
  withFirefox,
} from "./harness.mjs";
import { assertRestoreKeptSafety, atRestore, backupOf } from "./queue-helpers.mjs";

test("firefox: a queued batch of 20 is removed, each verified", async () => {
  const site = countingSite({ generation: "artdeco", count: 24, seed: 61, pageSize: 24 });
  await withFirefox({ site }, async (session) => {
    await fastConnectionsPage(session, site, 200);
    const slugs = site.people.slice(0, 20).map((p) => p.slug.toLowerCase());
    const answer = await session.ask({ type: "queue-removals", slugs, dryRun: false });
    assert.equal(answer.ok, true, answer.error);
    await queueRemoved(session, 20, {
      what: "20 removals in Firefox",
      timeout: 180_000,
      interval: 1_000,
    });
    assert.deepEqual([...site.removed].sort(), [...slugs].sort());
    for (const [slug, count] of site.posts)
      assert.equal(count, 1, `${slug} removed ${count} times`);
  });
});

test("firefox: a dry-run batch followed by a real one removes only the real one, and a restore mid-queue queues nobody", async () => {
  const site = countingSite({ generation: "react-2025", count: 16, seed: 76, pageSize: 16 });
  await withFirefox({ site }, async (session) => {
    await fastConnectionsPage(session, site, 200);
    const [a, b, c] = site.people.slice(2, 5).map((p) => p.slug.toLowerCase());
    const dry = await session.ask({ type: "queue-removals", slugs: [a, b], dryRun: true });
    assert.equal(dry.ok, true, dry.error);
    const real = await session.ask({ type: "queue-removals", slugs: [c], dryRun: false });
    assert.equal(real.ok, true, real.error);
    const progress = () => queueProgress(session);
    await waitFor(
      async () => {
        const p = await progress();
        return p && p.pending === 0 && p.inProgress === 0 && p.removed + p.skipped === 3;
      },
      { what: "both batches in Firefox", timeout: 90_000, interval: 1_000, describe: progress },
    );
    assert.deepEqual([...site.removed], [c], "only the real batch was removed");

    // Then a restore of a backup taken while three more were waiting.
    const more = site.people.slice(6, 9).map((p) => p.slug.toLowerCase());
    const queued = await session.ask({ type: "queue-removals", slugs: more, dryRun: false });
    assert.equal(queued.ok, true, queued.error);
    const backup = backupOf(await session.storedNetwork());
    await waitFor(async () => ((await progress())?.removed ?? 0) >= 2, {
      what: "a removal from the second batch",
      timeout: 60_000,
      interval: 500,
      describe: progress,
    });
    const before = await progress();
    const restored = await session.ask({ type: "restore-backup", text: backup });
    assert.equal(restored.ok, true, restored.error);
    const restoredAt = await atRestore(progress, site);
    await waitFor(async () => (await progress())?.inProgress === 0, {
      what: "the step under way to finish",
      timeout: 60_000,
      describe: progress,
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assertRestoreKeptSafety(before, restoredAt, await progress(), site);
  });
});
