// An unfollow step under each fault the connections page has, on the
// following page: a misleading dialog, a row still showing "Following"
// afterwards, a limit warning (at once, or in answer to the press), a
// checkpoint; a page in a language netprune knows no unfollow words in;
// and the requests a tab refuses (notTaken: busy, hidden, no-list,
// another-account; malformed requests). Nothing is pressed beyond what the
// evidence allows, and nobody is unfollowed by a refusal.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CHECKPOINT_PATH, createMockSite, PATHS } from "../mock-site/site.mjs";
import { ORIGIN, RULES, openPage, sleep, troubleMessages, waitFor, withPage } from "./harness.mjs";
import {
  NOA,
  OUTCOME_TIMEOUT_MS,
  ZOE,
  nextAttempt,
  outcomeOf,
  withConnections,
} from "./remove-helpers.mjs";
import { openDialogs, unfollow, unfollowStep, withFollowing } from "./following-helpers.mjs";

// Short proof waits: a fault whose row never turns to Follow ends sooner.
const QUICK = { ...RULES.step, dialogWaitMs: 1500, leaveWaitMs: 2500 };

describe("unfollow step faults", { concurrency: true }, () => {
  for (const generation of ["classic-2025", "classic-2026"]) {
    test(`a "Remove saved item?" dialog after Following is trouble, closed by its Cancel, in ${generation}`, async () => {
      await withFollowing(
        { follows: { generation, faults: { misleadingDialog: true } } },
        async ({ site, page, clicks }) => {
          const report = await unfollow(page, ZOE);
          assert.equal(report.outcome.kind, "trouble");
          assert.equal(report.outcome.trouble, "unexpected-dialog");
          assert.match(
            report.outcome.reason,
            /not the unfollow dialog for Zoë Müller opened \(no “Unfollow” button\)/,
          );
          assert.match(report.observed, /Remove saved item\?/);
          assert.match(report.observed, /netprune pressed its “Cancel”$/);
          assert.deepEqual(clicks, [
            `row-button:${ZOE.slug}:Following`,
            "dialog:Remove saved item?:Cancel",
          ]);
          assert.deepEqual([...site.unfollowed], []);
          assert.deepEqual([...site.unfollowPosts], []);
          assert.deepEqual(openDialogs(page), []);
          await sleep(1200);
          assert.deepEqual(troubleMessages(page), [], "the outcome told it; not told twice");
        },
      );
    });
  }

  test("a row that still shows Following after the press is unproven, never removed or failed", async () => {
    await withFollowing(
      { follows: { faults: { lingerAfterUnfollow: true } } },
      async ({ site, page, clicks }) => {
        const report = await unfollow(page, ZOE, { rules: QUICK });
        assert.equal(report.outcome.kind, "unproven");
        assert.match(
          report.outcome.reason,
          /still shows “Following” 2\.5 s after netprune pressed it, with no dialog$/,
        );
        assert.deepEqual([...site.unfollowed], [ZOE.slug], "the backend did unfollow them");
        assert.deepEqual(clicks, [`row-button:${ZOE.slug}:Following`]);
      },
    );
  });

  test("a limit banner shown at once is trouble before anything is pressed", async () => {
    await withFollowing({ faults: { limitBanner: true } }, async ({ site, page, clicks }) => {
      const report = await unfollow(page, ZOE);
      assert.equal(report.outcome.kind, "trouble");
      assert.equal(report.outcome.trouble, "limit");
      assert.match(report.outcome.reason, /weekly limit/);
      assert.match(report.observed, /before netprune did anything$/);
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.unfollowed], []);
    });
  });

  for (const generation of ["classic-2025", "classic-2026"]) {
    test(`a limit LinkedIn answers the press with is trouble of kind limit in ${generation}`, async () => {
      await withFollowing(
        { follows: { generation, faults: { limitAfter: 0 } } },
        async ({ site, page, clicks }) => {
          const report = await unfollow(page, ZOE, { rules: QUICK });
          assert.equal(report.outcome.kind, "trouble");
          assert.equal(report.outcome.trouble, "limit");
          assert.match(report.observed, /after netprune pressed “Following”/);
          assert.deepEqual([...site.unfollowed], []);
          assert.equal(clicks[0], `row-button:${ZOE.slug}:Following`);
          assert.ok(clicks.length <= 2, `nothing pressed beyond the unfollow (${clicks})`);
          // The next step stops before pressing anything.
          clicks.length = 0;
          const next = await unfollow(page, NOA);
          assert.equal(next.outcome.kind, "trouble");
          assert.deepEqual(clicks, []);
        },
      );
    });
  }

  test("a checkpoint after an unfollow ends the page; a step there is trouble", async () => {
    let checkpoint;
    await withFollowing({ follows: { faults: { checkpointAfter: 1 } } }, async ({ site, page }) => {
      const first = await unfollow(page, ZOE);
      assert.deepEqual(first.outcome, { kind: "removed" });
      const attempt = nextAttempt();
      assert.deepEqual(
        await page.tell(unfollowStep({ attempt, ...NOA, mode: "act", dryRun: false })),
        { ok: true },
      );
      await waitFor(() => page.navigations.length > 0, "the page to navigate", OUTCOME_TIMEOUT_MS);
      assert.deepEqual(page.navigations, [`${ORIGIN}${CHECKPOINT_PATH}`]);
      assert.ok(!page.messages.some((m) => m.attempt === attempt));
      assert.deepEqual([...site.unfollowed], [ZOE.slug]);
      checkpoint = await openPage(site, CHECKPOINT_PATH);
      try {
        const report = await unfollow(checkpoint, NOA);
        assert.equal(report.outcome.kind, "trouble");
        assert.equal(report.outcome.trouble, "checkpoint");
        assert.deepEqual([...site.unfollowed], [ZOE.slug]);
      } finally {
        checkpoint.close();
      }
    });
  });

  test("a page in a language without unfollow words is read, and nothing is pressed", async () => {
    await withFollowing({ language: "de" }, async ({ site, page, clicks }) => {
      const [reading] = page.readings();
      assert.equal(reading.language, "de");
      assert.match(reading.actionOff, /“de”, a language netprune knows no unfollow words in/);
      assert.ok(reading.follows.some((follow) => follow.name === ZOE.name));
      const act = await unfollow(page, ZOE);
      assert.equal(act.outcome.kind, "failed");
      assert.match(
        act.outcome.reason,
        /this page is in “de”, a language netprune knows no unfollow words in/,
      );
      const verify = await unfollow(page, ZOE, { mode: "verify" });
      assert.equal(verify.outcome.kind, "unproven");
      assert.match(verify.outcome.reason, /cannot tell whether you still follow them/);
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.unfollowed], []);
    });
  });
});

describe("unfollow step requests", { concurrency: true }, () => {
  test("one step at a time, and never during a collection", async () => {
    await withFollowing({}, async ({ page }) => {
      const attempt = nextAttempt();
      const first = unfollowStep({ attempt, ...ZOE, mode: "act", dryRun: true });
      assert.deepEqual(await page.tell(first), { ok: true });
      assert.deepEqual(await page.tell({ ...first, attempt: attempt + 1000 }), {
        ok: false,
        notTaken: "busy",
        error: "a step is already running",
      });
      await outcomeOf(page, attempt);
      assert.deepEqual(
        await page.tell({
          type: "collect-run",
          list: "following",
          rules: { ...RULES.collect, delayMs: 5000 },
        }),
        { ok: true },
      );
      const during = await page.tell({ ...first, attempt: attempt + 2000 });
      assert.equal(during.notTaken, "busy");
      assert.match(during.error, /collection is running/);
      assert.deepEqual(await page.tell({ type: "collect-halt" }), { ok: true });
    });
  });

  test("refuses malformed requests", async () => {
    await withFollowing({}, async ({ site, page, clicks }) => {
      const good = unfollowStep({ attempt: 1, ...ZOE, mode: "act", dryRun: false });
      for (const bad of [
        { ...good, mode: "remove" },
        { ...good, dryRun: undefined },
        { ...good, slug: "a/b" },
        { ...good, name: " " },
        { ...good, pausesMs: [] },
        { ...good, rules: undefined },
        { ...good, rules: { ...RULES.step, leaveWaitMs: 0 } },
      ]) {
        const answer = await page.tell(bad);
        assert.equal(answer.ok, false, JSON.stringify(bad));
        assert.equal(answer.notTaken, undefined);
      }
      await sleep(800);
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.unfollowed], []);
      assert.deepEqual(
        page.messages.filter((m) => m.type !== "page-reading"),
        [],
      );
    });
  });

  test("takes no step while the tab is hidden", async () => {
    await withFollowing({}, async ({ site, page, clicks }) => {
      Object.defineProperty(page.document, "hidden", { configurable: true, get: () => true });
      const answer = await page.tell(
        unfollowStep({ attempt: 1, ...ZOE, mode: "act", dryRun: false }),
      );
      assert.deepEqual(answer, {
        ok: false,
        notTaken: "hidden",
        error: "The following tab is hidden; netprune acts only while you can see it.",
      });
      await sleep(500);
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.unfollowed], []);
    });
  });

  test("takes no step for another account, nor when its own profile link cannot be found", async () => {
    await withFollowing({}, async ({ site, page, clicks }) => {
      const base = unfollowStep({ ...ZOE, mode: "act", dryRun: false });
      const other = await page.tell({ ...base, attempt: 1, member: "someone-else-123" });
      assert.equal(other.notTaken, "another-account");
      assert.match(other.error, /another LinkedIn account \(alex-morgan-5e6f7a\)/);
      page.document.querySelector('#global-nav a[href^="/in/"]').remove();
      const unknown = await page.tell({ ...base, attempt: 2, member: site.member.slug });
      assert.equal(unknown.notTaken, "another-account");
      assert.match(unknown.error, /cannot find your own profile link/);
      await sleep(500);
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.unfollowed], []);
    });
  });

  test("refuses off the following page (no-list), and on it before its list appears", async () => {
    const step = unfollowStep({ attempt: 1, ...ZOE, mode: "verify" });
    await withConnections({ generation: "sdui-2026" }, async ({ page }) => {
      assert.deepEqual(await page.tell(step), {
        ok: false,
        notTaken: "no-list",
        error: "This tab is not showing the people you follow on LinkedIn.",
      });
    });
    await withPage(createMockSite({ renderDelayMs: 50 }), PATHS.followers, async (page) => {
      assert.equal((await page.tell(step)).notTaken, "no-list");
    });
    const site = createMockSite({ renderDelayMs: 3000, follows: {} });
    const page = await openPage(site, PATHS.following);
    try {
      assert.deepEqual(await page.tell(step), {
        ok: false,
        notTaken: "no-list",
        error: "The list of people you follow has not appeared in this tab yet.",
      });
    } finally {
      page.close();
    }
  });
});
