// The removal queue end to end: the member queues people on the review page,
// the background removes them one at a time on the mock connections page
// (served at the real LinkedIn URL), verifying each, and stops at the first
// sign of trouble. devPacing (honoured by the test builds, dist/test/, only)
// replaces the human pacing so a batch takes seconds.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ask,
  countingSite,
  devPacing,
  fastConnectionsPage,
  parseCount,
  queuePaused,
  queueProgress,
  readConnectionsPage,
  waitFor,
  withChromium,
} from "./harness.mjs";
import { assertRestoreKeptSafety, atRestore, backupOf, killWorker } from "./queue-helpers.mjs";

test("chromium: a batch of 20 is removed one at a time, each verified and logged; kept people are never touched", async () => {
  // The page states 510 connections (40 rendered at once): removing 20
  // would take the member below 500, so the badge warning applies.
  const site = countingSite({
    generation: "react-2025",
    count: 40,
    statedTotal: 510,
    seed: 31,
    pageSize: 40,
  });
  await withChromium({ site }, async (session) => {
    const linkedin = await fastConnectionsPage(session, site, 200);
    const review = await session.openReview();
    await waitFor(
      async () => parseCount(await review.getByTestId("result-count").textContent()) === 40,
      { what: "the 40 people read to be listed" },
    );

    // Past the mock's hand-made edge cases: plain names a search finds.
    const people = site.people.slice(17, 39);
    const chosen = people.map((p) => p.slug.toLowerCase());
    const kept = chosen.slice(0, 2);
    const answer = await ask(review, { type: "set-kept", slugs: kept, kept: true });
    assert.equal(answer.ok, true, answer.error);

    // Search each name and tick that person's row (a namesake stays unticked).
    for (const person of people) {
      await review.getByTestId("filter-input").fill(`name:"${person.name}"`);
      const row = review.locator(
        `[data-testid="person-row"][data-slug="${person.slug.toLowerCase()}"]`,
      );
      await row.locator('input[type="checkbox"]').check();
    }
    await review.getByTestId("filter-input").fill("");
    assert.equal(parseCount(await review.getByTestId("selected-count").textContent()), 22);

    await review.getByTestId("queue-selected").click();
    const dialog = review.getByTestId("queue-dialog");
    await dialog.waitFor({ state: "visible" });
    assert.match(await dialog.textContent(), /September 2024/);
    const confirm = review.getByTestId("confirm-queue");
    // 510 - 20 leaves fewer than 500: the badge warning needs its tick.
    assert.equal(await confirm.isDisabled(), true, "confirm waits for the below-500 tick");
    await review.getByTestId("below-500-ack").check();
    await confirm.click();

    await linkedin.bringToFront();
    const done = await waitFor(
      async () => {
        const p = await queueProgress(session);
        return p && p.removed === 20 && p.pending === 0 && p.inProgress === 0 ? p : null;
      },
      {
        what: "20 removals",
        timeout: 150_000,
        interval: 500,
        describe: () => queueProgress(session),
      },
    );
    assert.equal(done.state, "idle");
    const removed = [...site.removed].sort();
    assert.deepEqual(removed, chosen.slice(2).sort(), "exactly the 20 queued, never a kept one");
    for (const slug of kept) assert.ok(!site.removed.has(slug), `${slug} was kept`);
    for (const [slug, count] of site.posts)
      assert.equal(count, 1, `${slug} removed ${count} times`);

    // The log says who, where and when, one removal after another. (The
    // delay distribution itself is proven in the core's property tests; at
    // development pace the log's whole seconds cannot show it.)
    const log = await ask(review, { type: "removal-log" });
    const lines = log.csv.trim().split(/\r?\n/).slice(1);
    const removals = lines.filter((line) => /removed/i.test(line));
    assert.ok(removals.length >= 20, `${removals.length} removal lines in the log`);
    assert.ok(removals.every((line) => line.includes("https://www.linkedin.com/in/")));
    const times = removals.map((line) =>
      Date.parse(/\d{4}-\d\d-\d\dT[\d:.]+Z/.exec(line)?.[0] ?? ""),
    );
    assert.ok(times.every(Number.isFinite), "every removal has its time");
    assert.ok(
      times.every((t, i) => i === 0 || t >= times[i - 1]),
      "removals are logged in the order they happened",
    );

    const popup = await session.openPopup();
    assert.match(await popup.getByTestId("queue-state").textContent(), /idle/i);
    assert.equal(parseCount(await popup.getByTestId("removed-count").textContent()), 20);
    assert.equal(parseCount(await popup.getByTestId("queue-count").textContent()), 0);
  });
});

const FAULTS = [
  {
    name: "a misleading dialog",
    faults: { misleadingDialog: true },
    before: 0,
    reason: /not the remove-connection dialog/,
  },
  {
    name: "an ambiguous menu",
    faults: { ambiguousMenu: true },
    before: 0,
    reason: /Remove connection/,
  },
  { name: "a limit warning banner", faults: { limitBanner: true }, before: 0, reason: /limit/i },
  {
    name: "a checkpoint after one removal",
    faults: { checkpointAfter: 1 },
    before: 1,
    reason: /check/i,
  },
];

test("chromium: every injected fault pauses the queue with its reason, and nothing more is clicked", async () => {
  await withChromium({}, async (session) => {
    for (const [n, fault] of FAULTS.entries()) {
      const site = countingSite({
        generation: ["artdeco", "react-2025", "sdui-2026"][n % 3],
        // A different size each time, so "the page was read" means this page.
        count: 12 + n,
        seed: 40 + n,
        pageSize: 16,
        faults: fault.faults,
      });
      session.site = site;
      await session.openPopup();
      await session.setStorage(devPacing(200));
      const popup = session.popupPage;
      // Clear what the previous fault left, as a member would.
      await ask(popup, { type: "queue-cancel" });
      // A LinkedIn warning locks resuming for a cool-down: the test
      // acknowledges it, as a member may.
      await ask(popup, { type: "queue-resume", acknowledgeCooldown: true });

      const linkedin = await readConnectionsPage(session, site);
      const slugs = site.people.slice(0, 3).map((p) => p.slug.toLowerCase());
      const answer = await ask(popup, { type: "queue-removals", slugs, dryRun: false });
      assert.equal(answer.ok, true, answer.error);
      await linkedin.bringToFront();

      const paused = await queuePaused(session, `the queue to pause on ${fault.name}`);

      assert.match(paused.reason ?? "", fault.reason, `the reason shown for ${fault.name}`);
      assert.equal(
        site.removed.size,
        fault.before,
        `${fault.name}: removals before the pause (paused: ${paused.reason})`,
      );
      // Nothing more happens while paused.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      assert.equal(site.removed.size, fault.before, `${fault.name}: a click after the pause`);
      await session.openPopup();
      const state = await session.popupPage.getByTestId("queue-state").textContent();
      assert.match(state, /paused/i, fault.name);
      assert.match(state, fault.reason, `the popup shows the reason for ${fault.name}`);
      await linkedin.close();
    }
  });
});

test("chromium: a menu that needs a second click and a card that lingers still end in verified removals", async () => {
  const site = countingSite({
    generation: "sdui-2026",
    count: 14,
    seed: 71,
    pageSize: 14,
    faults: { menuNeedsSecondClick: true, lingerAfterConfirm: true },
  });
  await withChromium({ site }, async (session) => {
    const linkedin = await fastConnectionsPage(session, site, 200);
    const slugs = site.people.slice(3, 5).map((p) => p.slug.toLowerCase());
    const answer = await ask(session.popupPage, { type: "queue-removals", slugs, dryRun: false });
    assert.equal(answer.ok, true, answer.error);
    await linkedin.bringToFront();
    await waitFor(
      async () => {
        const p = await queueProgress(session);
        return p && p.removed === 2 && p.pending === 0 && p.inProgress === 0;
      },
      { what: "both removals", timeout: 60_000, describe: () => queueProgress(session) },
    );
    assert.deepEqual([...site.removed].sort(), [...slugs].sort());
  });
});

test("chromium: a dry run walks every removal to the confirm button and removes nobody", async () => {
  const site = countingSite({ generation: "artdeco", count: 14, seed: 72, pageSize: 14 });
  await withChromium({ site }, async (session) => {
    const linkedin = await fastConnectionsPage(session, site, 200);
    const slugs = site.people.slice(2, 5).map((p) => p.slug.toLowerCase());
    const answer = await ask(session.popupPage, { type: "queue-removals", slugs, dryRun: true });
    assert.equal(answer.ok, true, answer.error);
    await linkedin.bringToFront();
    const done = await waitFor(
      async () => {
        const p = await queueProgress(session);
        return p && p.pending === 0 && p.inProgress === 0 && p.skipped === 3 ? p : null;
      },
      { what: "the dry run to finish", timeout: 60_000, describe: () => queueProgress(session) },
    );
    assert.equal(done.removed, 0);
    assert.equal(site.removed.size, 0, "a dry run removed someone");
    assert.equal(site.posts.size, 0, "a dry run reached LinkedIn's backend");
    const log = await ask(session.popupPage, { type: "removal-log" });
    assert.match(log.csv, /dry run/i);
  });
});

test("chromium: a dry-run batch followed by a real one removes only the real one", async () => {
  const site = countingSite({ generation: "react-2025", count: 14, seed: 74, pageSize: 14 });
  await withChromium({ site }, async (session) => {
    const linkedin = await fastConnectionsPage(session, site, 200);
    const [a, b, c] = site.people.slice(2, 5).map((p) => p.slug.toLowerCase());
    const dry = await ask(session.popupPage, {
      type: "queue-removals",
      slugs: [a, b],
      dryRun: true,
    });
    assert.equal(dry.ok, true, dry.error);
    // At once, while the dry run is under way: C for real.
    const real = await ask(session.popupPage, {
      type: "queue-removals",
      slugs: [c],
      dryRun: false,
    });
    assert.equal(real.ok, true, real.error);
    await linkedin.bringToFront();
    const done = await waitFor(
      async () => {
        const p = await queueProgress(session);
        return p && p.pending === 0 && p.inProgress === 0 && p.removed + p.skipped === 3 ? p : null;
      },
      { what: "both batches to finish", timeout: 60_000, describe: () => queueProgress(session) },
    );
    assert.equal(done.removed, 1);
    assert.equal(done.skipped, 2);
    assert.deepEqual([...site.removed], [c], "only the real batch was removed");
    assert.ok(!site.posts.has(a) && !site.posts.has(b), "a dry run reached LinkedIn's backend");
    const { queue } = await session.storage();
    const status = (slug) => queue.entries.find((e) => e.slug === slug);
    assert.equal(status(a).dryRun, true);
    assert.equal(status(b).dryRun, true);
    assert.deepEqual(status(a).status, { kind: "skipped", why: "dry-run" });
    assert.equal(status(c).dryRun, false);
    assert.equal(status(c).status.kind, "removed");
  });
});

test("chromium: a restore in the middle of a queue keeps the removed removed, the log and the counts, and queues nobody", async () => {
  const site = countingSite({ generation: "artdeco", count: 16, seed: 75, pageSize: 16 });
  await withChromium({ site }, async (session) => {
    await session.openPopup();
    await session.setStorage({ devPacing: { delayMs: 600 } });
    // Five queued while no connections page is open: the backup holds them
    // waiting, nobody removed yet.
    const first = await readConnectionsPage(session, site);
    await first.close();
    const slugs = site.people.slice(3, 8).map((p) => p.slug.toLowerCase());
    const answer = await ask(session.popupPage, { type: "queue-removals", slugs, dryRun: false });
    assert.equal(answer.ok, true, answer.error);
    await waitFor(async () => (await queueProgress(session))?.pending === 5, {
      what: "five removals waiting",
      describe: () => queueProgress(session),
    });
    const backup = backupOf(await session.storedNetwork());

    // The page again: the queue carries on; restore once two are removed.
    const linkedin = await readConnectionsPage(session, site);
    await linkedin.bringToFront();
    await waitFor(async () => ((await queueProgress(session))?.removed ?? 0) >= 2, {
      what: "two removals",
      timeout: 60_000,
      describe: () => queueProgress(session),
    });
    const before = await queueProgress(session);
    const restored = await ask(session.popupPage, { type: "restore-backup", text: backup });
    assert.equal(restored.ok, true, restored.error);
    assert.ok(restored.report.notRequeued >= 1, JSON.stringify(restored.report));
    const restoredAt = await atRestore(() => queueProgress(session), site);

    // Whatever step was out finishes; nothing else starts.
    const settled = await waitFor(
      async () => {
        const p = await queueProgress(session);
        return p && p.inProgress === 0 ? p : null;
      },
      {
        what: "the step under way to finish",
        timeout: 60_000,
        describe: () => queueProgress(session),
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const after = await queueProgress(session);
    assertRestoreKeptSafety(before, restoredAt, after, site);
    assert.equal(after.removed, settled.removed, "a removal started after the restore");
    const removedNow = [...site.removed];
    // The log still lists every removal, and a removed person cannot be queued again.
    const log = await ask(session.popupPage, { type: "removal-log" });
    for (const slug of removedNow) {
      assert.ok(log.csv.includes(`/in/${encodeURIComponent(slug)}/`), `${slug} left the log`);
    }
    const again = await ask(session.popupPage, {
      type: "queue-removals",
      slugs: [removedNow[0]],
      dryRun: false,
    });
    assert.equal(again.queued, 0);
    assert.equal(again.refused[0]?.why, "alreadyRemoved");
  });
});

test("chromium: with no connections page open the queue pauses and says so; the popup opens the page and the queue carries on", async () => {
  const site = countingSite({ generation: "artdeco", count: 12, seed: 83, pageSize: 12 });
  await withChromium({ site }, async (session) => {
    // The member read their connections, then closed the tab.
    const linkedin = await fastConnectionsPage(session, site, 200);
    await linkedin.close();
    const slugs = site.people.slice(3, 5).map((p) => p.slug.toLowerCase());
    const answer = await ask(session.popupPage, { type: "queue-removals", slugs, dryRun: false });
    assert.equal(answer.ok, true, answer.error);
    await waitFor(async () => (await session.storage()).queue?.needsPage === true, {
      what: "the queue to pause for want of the connections page",
      describe: () => queueProgress(session),
    });
    assert.equal(site.removed.size, 0, "nothing is removed without the page");

    const popup = await session.openPopup();
    assert.match(
      await popup.getByTestId("queue-state").textContent(),
      /paused: Open your LinkedIn connections page to continue/,
    );
    assert.equal(await popup.getByTestId("queue-resume").isVisible(), false);
    const opened = session.context.waitForEvent("page");
    await popup.getByTestId("queue-open-page").click();
    const page = await opened;
    await page.waitForURL(/\/mynetwork\/invite-connect\/connections\//);
    await page.bringToFront();

    // Reading the page lifts that pause by itself: no Resume needed.
    const done = await waitFor(
      async () => {
        const p = await queueProgress(session);
        return p && p.state !== "paused" && p.pending + p.inProgress === 0 ? p : null;
      },
      {
        what: "the queue to carry on and finish",
        timeout: 60_000,
        describe: () => queueProgress(session),
      },
    );
    assert.equal(done.removed, 2);
    assert.deepEqual([...site.removed].sort(), [...slugs].sort());
    assert.equal((await session.storage()).queue.needsPage, false);
  });
});

test("chromium: stopping the service worker at every step never removes anyone twice or loses anyone", async () => {
  const site = countingSite({ generation: "react-2025", count: 16, seed: 52, pageSize: 16 });
  await withChromium({ site }, async (session) => {
    await session.openPopup();
    await session.setStorage({ devPacing: { delayMs: 400 } });
    const linkedin = await readConnectionsPage(session, site);
    const slugs = site.people.slice(2, 8).map((p) => p.slug.toLowerCase());
    const answer = await ask(session.popupPage, { type: "queue-removals", slugs, dryRun: false });
    assert.equal(answer.ok, true, answer.error);
    await linkedin.bringToFront();

    let stops = 0;
    // Twice per step at most: a worker stopped the moment it wakes, again
    // and again, is woken by the queue's backstop alarm (every 30 s), which
    // background/steps.test.mjs proves; here each step is stopped mid-way.
    /** @type {Map<string, number>} */
    const stopsPerStep = new Map();
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline) {
      const p = await queueProgress(session);
      if (p && p.pending === 0 && p.inProgress === 0) break;
      if (p?.state === "paused") {
        // Two failed steps in a row pause the queue; resuming is the member's call.
        await ask(session.popupPage, { type: "queue-resume", acknowledgeCooldown: true });
      } else if (
        p?.inProgress > 0 &&
        (stopsPerStep.get(`${p.removed}/${p.pending}`) ?? 0) < 2 &&
        (await session.serviceWorkerRunning())
      ) {
        // A step is out: stop the worker in the middle of it. The alarm (and
        // the page's outcome report) wake it again.
        const step = `${p.removed}/${p.pending}`;
        await killWorker(session);
        stops += 1;
        stopsPerStep.set(step, (stopsPerStep.get(step) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const p = await queueProgress(session);
    // What the worker last stored, to tell a stuck step from a slow run if this fails.
    const { queue } = await session.storage();
    assert.equal(
      p.pending + p.inProgress,
      0,
      `every queued person was dealt with (stopped ${stops} times: ${JSON.stringify([...stopsPerStep])}); ` +
        `queue: ${JSON.stringify({ ...p, kinds: undefined })}; waiting on: ${queue?.waitingOn}`,
    );
    assert.ok(stops >= 3, `the worker was stopped mid-step ${stops} times`);
    assert.deepEqual([...site.removed].sort(), [...slugs].sort(), "nobody lost, nobody else");
    for (const [slug, count] of site.posts)
      assert.equal(count, 1, `${slug} removed ${count} times`);
  });
});
