// Withdrawing invitations in French, end to end: on the mock's French
// sdui-2026 sent invitations page (`<html lang="fr">`, the row's "Retirer"
// labelled "Retirer l’invitation envoyée à <Name>", the dialog's "Retirer"
// with the same label, "Personnes (N)": docs/LINKEDIN.md, "Sent
// invitations", one witness) two queued invitations are withdrawn, each
// once, each verified. The French words are known on that generation only
// (tests/content/withdraw.test.mjs has the refusals).
import { test } from "node:test";
import assert from "node:assert/strict";
import { PATHS, countingSite, fastConnectionsPage, withChromium, withFirefox } from "./harness.mjs";
import { invitationsRead, kindDone } from "./kinds-helpers.mjs";

/** 8 connections and 8 sent invitations, in French, every list on one screen. */
const frenchSite = (seed) =>
  countingSite({
    language: "fr",
    generation: "sdui-2026",
    count: 8,
    seed,
    pageSize: 8,
    invitations: 8,
    invitationsGeneration: "sdui-2026",
    invitationPageSize: 20,
    invitationSpanDays: 200,
  });

/** Queues a withdrawal of two invitations; answers their slugs. */
async function queueTwo(session, site) {
  const slugs = site.invitations.slice(0, 2).map((i) => i.slug.toLowerCase());
  const answer = await session.ask({
    type: "queue-actions",
    kind: "withdraw",
    slugs,
    dryRun: false,
  });
  assert.equal(answer.ok, true, answer.error);
  assert.equal(answer.queued, 2);
  return slugs;
}

/** Those two withdrawn, each once, each with one verified line in the log, nobody else touched. */
async function assertWithdrawnOnce(session, site, slugs) {
  assert.deepEqual([...site.withdrawn].sort(), [...slugs].sort());
  for (const [slug, count] of site.withdrawPosts)
    assert.equal(count, 1, `${slug} withdrawn ${count} times`);
  assert.equal(site.removed.size, 0, "nobody was removed");
  const log = await session.ask({ type: "removal-log" });
  const verified = log.csv
    .split("\r\n")
    .filter((line) => line.endsWith(",withdraw") && line.includes(",withdrawn,"));
  assert.equal(verified.length, 2, log.csv);
}

test("chromium, fr: two invitations on a French 2026 sent page are withdrawn, each verified once", async () => {
  const site = frenchSite(98);
  await withChromium({ site }, async (session) => {
    await fastConnectionsPage(session, site, 200);
    const sent = await session.openLinkedIn(PATHS.invitations);
    await invitationsRead(session, 8);
    assert.equal(await sent.getByText("Personnes (8)").count(), 1, "the page is French");
    await sent.bringToFront();
    const slugs = await queueTwo(session, site);
    await kindDone(session, "withdraw", 2, "the two withdrawals in French");
    await assertWithdrawnOnce(session, site, slugs);
    await sent.getByText("Personnes (6)").waitFor();
    assert.equal(sent.url(), `https://www.linkedin.com${PATHS.invitations}`, "never taken away");
  });
});

test("firefox, fr: two invitations on a French 2026 sent page are withdrawn, each verified once", async () => {
  const site = frenchSite(99);
  await withFirefox({ site }, async (session) => {
    await fastConnectionsPage(session, site, 200);
    await session.openLinkedIn(PATHS.invitations);
    await invitationsRead(session, 8);
    const slugs = await queueTwo(session, site);
    await kindDone(session, "withdraw", 2, "the two withdrawals in French, in Firefox");
    await assertWithdrawnOnce(session, site, slugs);
  });
});
