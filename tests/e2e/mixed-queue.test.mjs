// One queue of the three kinds end to end (issue 13): removals, withdrawals
// and unfollows queued together run under the one pacing, each on its own
// page, and only while the member is looking at that page. In Chromium the
// member keeps the three pages in three tabs and moves between them; in
// Firefox one tab goes from page to page, and the queue waits, naming the
// page it needs, until that page is shown. Each step is verified on the
// mock (served at the real LinkedIn URLs) and nobody is acted on twice.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PATHS,
  countingSite,
  fastConnectionsPage,
  queueProgress,
  waitFor,
  withChromium,
  withFirefox,
} from "./harness.mjs";
import { followedOnly, followsRead, invitationsRead, kindDone } from "./kinds-helpers.mjs";

/**
 * 10 connections, 6 people followed (3 of them connections, one company)
 * and 6 sent invitations, every list on one screen.
 */
const mixedSite = (seed) =>
  countingSite({
    generation: "react-2025",
    count: 10,
    seed,
    pageSize: 10,
    follows: { count: 6, connections: 3, companies: 1, pageSize: 20 },
    invitations: 6,
    invitationsGeneration: "react-2025",
    invitationPageSize: 20,
    invitationSpanDays: 200,
  });

/** Two of each kind: connections nobody follows, follows only, invitations (one of them a hostile name). */
function chosen(site) {
  const followed = new Set(site.follows.map((row) => row.slug.toLowerCase()));
  return {
    remove: site.people
      .slice(2)
      .map((p) => p.slug.toLowerCase())
      .filter((slug) => !followed.has(slug))
      .slice(0, 2),
    withdraw: site.invitations.slice(0, 2).map((i) => i.slug.toLowerCase()),
    unfollow: followedOnly(site).slice(0, 2),
  };
}

async function queueAll(session, who) {
  for (const [kind, slugs] of Object.entries(who)) {
    const answer = await session.ask({ type: "queue-actions", kind, slugs, dryRun: false });
    assert.equal(answer.ok, true, `${kind}: ${answer.error}`);
    assert.equal(answer.queued, slugs.length, kind);
  }
}

/** What the mock's backend did, by kind. */
const acted = (site) => ({
  remove: [...site.removed].sort(),
  withdraw: [...site.withdrawn].sort(),
  unfollow: [...site.unfollowed].sort(),
});

const DONE_WORDS = [
  ["remove", "removed"],
  ["withdraw", "withdrawn"],
  ["unfollow", "unfollowed"],
];

/** Nobody acted on twice, nobody outside the queue, and the log has each step. */
async function assertEachOnce(session, site, who) {
  for (const kind of Object.keys(who))
    assert.deepEqual(acted(site)[kind], [...who[kind]].sort(), kind);
  for (const posts of [site.posts, site.withdrawPosts, site.unfollowPosts])
    for (const [slug, count] of posts) assert.equal(count, 1, `${slug} acted on ${count} times`);
  // One verified line of each step in the action log, in its kind's word.
  const log = await session.ask({ type: "removal-log" });
  const lines = log.csv.split("\r\n");
  for (const [kind, done] of DONE_WORDS) {
    const verified = lines.filter(
      (line) => line.endsWith(`,${kind}`) && line.includes(`,${done},`),
    );
    assert.equal(verified.length, 2, `${kind} in the log:\n${log.csv}`);
  }
}

/** The queue a moment later: what the hidden pages' kinds did meanwhile (nothing). */
async function settle(session, ms = 2_500) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return queueProgress(session);
}

test("chromium: one queue of removals, withdrawals and unfollows across three tabs acts only on the tab shown, each verified once", async () => {
  const site = mixedSite(97);
  await withChromium({ site }, async (session) => {
    const connections = await fastConnectionsPage(session, site, 200);
    const following = await session.openLinkedIn(PATHS.following);
    await followsRead(session, 6);
    const sent = await session.openLinkedIn(PATHS.invitations);
    await invitationsRead(session, 6);
    const who = chosen(site);
    await sent.bringToFront();
    await queueAll(session, who);

    // The sent invitations tab is shown: withdrawals only.
    await kindDone(session, "withdraw", 2, "the two withdrawals", { othersWaiting: true });
    let p = await settle(session);
    assert.equal(p.pending, 4, JSON.stringify(p));
    assert.deepEqual(acted(site), { remove: [], withdraw: who.withdraw.sort(), unfollow: [] });

    // The following tab: unfollows, and still no removal.
    await following.bringToFront();
    await kindDone(session, "unfollow", 2, "the two unfollows", { othersWaiting: true });
    p = await settle(session);
    assert.equal(p.pending, 2, JSON.stringify(p));
    assert.equal(site.removed.size, 0, "a removal on a hidden tab");

    // The connections tab: the removals finish the queue.
    await connections.bringToFront();
    p = await kindDone(session, "remove", 2, "the two removals");
    assert.equal(p.state === "paused", false, JSON.stringify(p));
    await assertEachOnce(session, site, who);
  });
});

test("firefox: one queue of the three kinds waits for each page in turn in one tab, each verified once", async () => {
  const site = mixedSite(98);
  await withFirefox({ site }, async (session) => {
    await fastConnectionsPage(session, site, 200);
    await session.openLinkedIn(PATHS.following);
    await followsRead(session, 6);
    await session.openLinkedIn(PATHS.invitations);
    await invitationsRead(session, 6);
    const who = chosen(site);
    await queueAll(session, who);

    await kindDone(session, "withdraw", 2, "the two withdrawals", { othersWaiting: true });
    // Nothing shows the other pages: the queue says which page it needs.
    const waiting = await waitFor(
      async () => {
        const p = await queueProgress(session);
        return p?.state === "paused" || p?.waitingFor ? p : null;
      },
      { what: "the queue to wait for another page", describe: () => queueProgress(session) },
    );
    assert.match(JSON.stringify(waiting), /following|connections/i);
    assert.equal(site.removed.size + site.unfollowed.size, 0);

    await session.openLinkedIn(PATHS.following);
    await kindDone(session, "unfollow", 2, "the two unfollows", { othersWaiting: true });
    assert.equal(site.removed.size, 0, "a removal with the connections page not shown");

    await session.openLinkedIn(PATHS.connections);
    await kindDone(session, "remove", 2, "the two removals");
    await assertEachOnce(session, site, who);
  });
});
