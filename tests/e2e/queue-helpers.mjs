// What the queue's end-to-end files share: stopping the service worker
// mid-step, backups, and the safety a restore mid-queue must keep (fast
// pacing, messages to the background and the queue's waits are in
// harness/scenarios.mjs).
import assert from "node:assert/strict";

/**
 * Stops the extension's service worker now, as Chrome does when it is idle.
 * Unlike the harness's stopServiceWorker, it does not wait for the worker to
 * stay gone: mid-step, the page's outcome report wakes it at once, which is
 * the situation under test.
 */
export async function killWorker(session) {
  const cdp = await session.context.newCDPSession(session.popupPage);
  try {
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.stopAllWorkers");
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** A backup file's text holding the stored snapshot, as the review page writes one. */
export function backupOf(snapshot) {
  return JSON.stringify({
    format: "netprune-backup",
    version: 1,
    createdAtMs: Date.now(),
    network: JSON.parse(snapshot),
  });
}

/**
 * The queue and the site the moment a restore has answered: whatever the
 * pacing let through between the caller's last look and the restore counts
 * as before it. Read the queue first, then the site, so a step finishing in
 * between is on the site and still counted as under way.
 */
export async function atRestore(progress, site) {
  const p = await progress();
  return { ...p, siteRemoved: site.removed.size };
}

/**
 * After a restore mid-queue: nobody queued again, nothing rolled back, no
 * removal beyond the step that was under way when the restore answered,
 * nobody removed twice.
 */
export function assertRestoreKeptSafety(before, restoredAt, after, site) {
  assert.equal(restoredAt.pending, 0, "the restore left someone queued");
  assert.equal(after.pending, 0, "the restore queued someone again");
  assert.ok(after.removed >= before.removed, "a removal was rolled back");
  assert.ok(after.attemptsToday >= before.attemptsToday, "the daily count was reset");
  assert.ok(
    site.removed.size <= restoredAt.siteRemoved + restoredAt.inProgress,
    `removed after the restore: ${[...site.removed].join()}`,
  );
  for (const [slug, count] of site.posts) assert.equal(count, 1, `${slug} removed ${count} times`);
}
