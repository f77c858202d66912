// Withdrawing invitations and unfollowing end to end (issue 13): the member
// reads the following (and sent invitations) page, queues people by kind on
// the review page, and the background acts on each one at a time on that
// page (the mock, served at the real LinkedIn URL), verifying each, under
// the one pacing; a misleading dialog pauses the queue. devPacing (test
// builds only) makes a batch take seconds.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PATHS,
  countingSite,
  fastConnectionsPage,
  parseCount,
  queueProgress,
  waitFor,
  withChromium,
  withFirefox,
} from "./harness.mjs";
import { followedOnly, followsRead, kindDone, kindProgress } from "./kinds-helpers.mjs";

/** A site of 8 connections and 6 people followed (3 of them connections), one company. */
const followingSite = (seed, faults = {}) =>
  countingSite({
    generation: "react-2025",
    count: 8,
    seed,
    pageSize: 8,
    follows: { count: 6, connections: 3, companies: 1, pageSize: 20, faults },
  });

test("chromium: people followed who are not connections are unfollowed from the review page, each verified", async () => {
  const site = followingSite(91);
  await withChromium({ site }, async (session) => {
    await fastConnectionsPage(session, site, 200);
    const following = await session.openLinkedIn(PATHS.following);
    await followsRead(session, 6);

    const review = await session.openReview();
    await review.getByTestId("filter-input").fill("is:following -is:connection");
    await waitFor(
      async () => parseCount(await review.getByTestId("result-count").textContent()) === 3,
      { what: "the three people followed who are not connections" },
    );
    await review.getByTestId("select-all-matching").click();
    await review.getByTestId("queue-selected").click();
    await review.getByTestId("queue-dialog").waitFor({ state: "visible" });
    // Only unfollowing fits them: no removal is offered.
    assert.equal(await review.getByTestId("queue-kind-remove").isVisible(), false);
    await review.getByTestId("queue-kind-unfollow").click();
    assert.match(
      await review.getByTestId("queue-consequence").textContent(),
      /keeps the connection/,
    );
    await review.getByTestId("confirm-queue").click();
    await review.locator("#queue-result .report-title").waitFor();

    await following.bringToFront();
    await kindDone(session, "unfollow", 3, "three unfollows");
    assert.deepEqual([...site.unfollowed].sort(), followedOnly(site));
    for (const [slug, count] of site.unfollowPosts)
      assert.equal(count, 1, `${slug} unfollowed ${count} times`);
    // Nobody was removed, and the connections followed are still followed.
    assert.equal(site.removed.size, 0);
    const log = await session.ask({ type: "removal-log" });
    assert.match(log.csv.split("\r\n")[0], /,Action$/);
    assert.equal(log.csv.split("\r\n").filter((l) => /,removed,.*,unfollow$/.test(l)).length, 0);
    assert.equal(log.csv.split("\r\n").filter((l) => /,unfollow$/.test(l)).length >= 3, true);
  });
});

test("firefox: a batch of follows is unfollowed, each verified", async () => {
  const site = followingSite(92);
  await withFirefox({ site }, async (session) => {
    await fastConnectionsPage(session, site, 200);
    await session.openLinkedIn(PATHS.following);
    await followsRead(session, 6);
    const slugs = followedOnly(site);
    const answer = await session.ask({
      type: "queue-actions",
      kind: "unfollow",
      slugs,
      dryRun: false,
    });
    assert.equal(answer.ok, true, answer.error);
    assert.equal(answer.queued, 3);
    await kindDone(session, "unfollow", 3, "three unfollows in Firefox");
    assert.deepEqual([...site.unfollowed].sort(), slugs);
    assert.equal(site.removed.size, 0);
  });
});

test("chromium: a misleading dialog on the following page pauses the queue before anything is confirmed", async () => {
  const site = followingSite(93, { misleadingDialog: true });
  site.follows; // the rows exist before the page is served
  await withChromium({ site }, async (session) => {
    await fastConnectionsPage(session, site, 200);
    const following = await session.openLinkedIn(PATHS.following);
    await followsRead(session, 6);
    await following.bringToFront();
    const slugs = followedOnly(site);
    const answer = await session.ask({
      type: "queue-actions",
      kind: "unfollow",
      slugs,
      dryRun: false,
    });
    assert.equal(answer.ok, true, answer.error);
    const paused = await waitFor(
      async () => {
        const p = await queueProgress(session);
        return p?.state === "paused" ? p : null;
      },
      { what: "the pause", timeout: 60_000, describe: () => queueProgress(session) },
    );
    assert.ok(paused.reason, "the pause says why");
    assert.equal(site.unfollowed.size, 0, "nothing was unfollowed");
    assert.equal((await kindProgress(session, "unfollow")).done, 0);
  });
});

/** A site of 8 connections and 14 sent invitations spread over 200 days. */
const invitationsSite = (seed, invitationFaults = {}) =>
  countingSite({
    generation: "react-2025",
    count: 8,
    seed,
    pageSize: 8,
    invitations: 14,
    invitationsGeneration: "react-2025",
    invitationPageSize: 20,
    invitationSpanDays: 200,
    invitationFaults,
  });

/** Waits until the sent invitations list's run has ended, and returns it. */
function invitationsCollected(session) {
  return waitFor(
    async () => {
      const { listCollects } = await session.storage();
      const run = listCollects?.invitations;
      return run && !run.running && run.outcome ? run : null;
    },
    {
      what: "the sent invitations list read to its end",
      timeout: 60_000,
      interval: 500,
      describe: async () => (await session.storage()).listCollects,
    },
  );
}

test("chromium: the sent invitations page is collected and invitations over a month old are withdrawn, each verified", async () => {
  const site = invitationsSite(94);
  await withChromium({ site }, async (session) => {
    await fastConnectionsPage(session, site, 200);
    const sent = await session.openLinkedIn(PATHS.invitations);
    // The page's first reading tells the background which tab shows it.
    await waitFor(
      async () =>
        (await session.ask({ type: "get-summary" }))?.summary?.relations?.pendingInvitations > 0,
      { what: "the first invitations read", timeout: 30_000 },
    );
    const review = await session.openReview();
    await review.getByTestId("collect-invitations").click();
    const run = await invitationsCollected(session).catch(async (error) => {
      const status = await review.getByTestId("collect-invitations-status").textContent();
      throw new Error(`${error.message}; the review page says: ${status}`);
    });
    assert.equal(run.outcome, "end-of-list", JSON.stringify(run));
    const summary = (await session.ask({ type: "get-summary" })).summary;
    assert.equal(summary.relations.pendingInvitations, 14);
    // The note's text is never read into the network.
    assert.doesNotMatch(await session.storedNetwork(), /NOTE-TEXT/);

    await review.getByTestId("filter-input").fill("is:invited sent-before:30d");
    const old = site.invitations.filter((i) => i.sentDaysAgo >= 60).length;
    // The count before the query applies is everyone's: wait for the
    // query's own answer, the same twice in a row.
    let last = -1;
    const shown = await waitFor(
      async () => {
        const n = parseCount(await review.getByTestId("result-count").textContent());
        const settled = n === last && n >= old && n <= site.invitations.length;
        last = n;
        return settled ? n : null;
      },
      { what: "the invitations over a month old listed", interval: 300 },
    );
    await review.getByTestId("select-all-matching").click();
    await review.getByTestId("queue-selected").click();
    await review.getByTestId("queue-dialog").waitFor({ state: "visible" });
    assert.equal(await review.getByTestId("queue-kind-remove").isVisible(), false);
    await review.getByTestId("queue-kind-withdraw").click();
    assert.match(await review.getByTestId("queue-consequence").textContent(), /up to three weeks/);
    await review.getByTestId("confirm-queue").click();
    await review.locator("#queue-result .report-title").waitFor();

    await sent.bringToFront();
    await kindDone(session, "withdraw", shown, `${shown} withdrawals`);
    const withdrawn = site.invitations.filter((i) => site.withdrawn.has(i.slug.toLowerCase()));
    assert.equal(withdrawn.length, shown);
    assert.ok(
      withdrawn.every((i) => i.sentDaysAgo >= 30),
      withdrawn.map((i) => `${i.slug} ${i.sentDaysAgo}`).join(),
    );
    for (const [slug, count] of site.withdrawPosts)
      assert.equal(count, 1, `${slug} withdrawn ${count} times`);
    assert.equal(site.removed.size, 0, "nobody was removed");
    // The popup counts what is left pending.
    const left = (await session.ask({ type: "get-summary" })).summary.relations;
    assert.equal(left.pendingInvitations, 14 - shown);
  });
});

test("firefox: the sent invitations page is collected and old invitations are withdrawn, each verified", async () => {
  const site = invitationsSite(95);
  await withFirefox({ site }, async (session) => {
    await fastConnectionsPage(session, site, 200);
    await session.openLinkedIn(PATHS.invitations);
    await waitFor(
      async () => (await session.ask({ type: "collect-start", list: "invitations" }))?.ok,
      {
        what: "the sent invitations tab to take the collection",
        timeout: 30_000,
      },
    );
    await invitationsCollected(session);
    const slugs = site.invitations
      .filter((i) => i.sentDaysAgo >= 60)
      .map((i) => i.slug.toLowerCase());
    const answer = await session.ask({
      type: "queue-actions",
      kind: "withdraw",
      slugs,
      dryRun: false,
    });
    assert.equal(answer.ok, true, answer.error);
    assert.equal(answer.queued, slugs.length);
    await kindDone(session, "withdraw", slugs.length, "the withdrawals in Firefox");
    assert.deepEqual([...site.withdrawn].sort(), [...slugs].sort());
  });
});

test("chromium: a checkpoint after the first withdrawal pauses the queue and nothing more is withdrawn", async () => {
  const site = invitationsSite(96, { checkpointAfter: 1 });
  await withChromium({ site }, async (session) => {
    await fastConnectionsPage(session, site, 200);
    const sent = await session.openLinkedIn(PATHS.invitations);
    await waitFor(
      async () =>
        (await session.ask({ type: "get-summary" }))?.summary?.relations?.pendingInvitations > 0,
      { what: "the invitations read", timeout: 30_000 },
    );
    await sent.bringToFront();
    const slugs = site.invitations
      .filter((i) => i.sentDaysAgo >= 60)
      .slice(0, 3)
      .map((i) => i.slug.toLowerCase());
    const read = (await session.ask({ type: "get-summary" })).summary.relations.pendingInvitations;
    assert.ok(read >= 3, `only ${read} invitations read`);
    const answer = await session.ask({
      type: "queue-actions",
      kind: "withdraw",
      slugs,
      dryRun: false,
    });
    assert.equal(answer.ok, true, answer.error);
    const paused = await waitFor(
      async () => {
        const p = await queueProgress(session);
        return p?.state === "paused" ? p : null;
      },
      {
        what: "the pause at the checkpoint",
        timeout: 60_000,
        describe: () => queueProgress(session),
      },
    );
    assert.match(paused.reason ?? "", /checkpoint/i);
    assert.equal(site.withdrawn.size, 1, "only the withdrawal before the checkpoint");
  });
});
