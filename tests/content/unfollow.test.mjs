// One unfollow step (`unfollow-step`) on the following page, in both shapes
// the evidence shows (docs/LINKEDIN.md, "Following"): the 2026 row whose
// "Following" button is labelled "Click to stop following <Name>" and
// unfollows at once, and the 2025 row whose text-only "Following" opens a
// confirm box with "Unfollow". The step unfollows exactly the person asked
// for (the mock's backend holds only their slug), proves it by the button
// turning to "Follow", never presses anything in a dry run or a check, finds
// a person further down the list, and never presses a namesake's button.
// Faults and refusals are in unfollow-trouble.test.mjs.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PATHS } from "../mock-site/site.mjs";
import { openPage, troubleMessages } from "./harness.mjs";
import { MARIA, NOA, OTHER_MARIA, SAM, ZOE } from "./remove-helpers.mjs";
import { buttonOf, openDialogs, unfollow, withFollowing } from "./following-helpers.mjs";

/** Someone followed who is not a connection. */
const stranger = (site) => site.follows.filter((row) => row.member && !row.connection)[1];

const SHAPES = [
  {
    label: "classic-2026, no dialog",
    follows: { generation: "classic-2026" },
    confirm: [],
    followLabel: `Click to follow ${ZOE.name}`,
  },
  {
    label: "classic-2025, with the Unfollow box",
    follows: { generation: "classic-2025" },
    confirm: [`dialog:Unfollow ${ZOE.name}:Unfollow`],
    followLabel: null,
  },
  {
    label: "classic-2026 with the Unfollow box",
    follows: { generation: "classic-2026", unfollow: "dialog" },
    confirm: [`dialog:Unfollow ${ZOE.name}:Unfollow`],
    followLabel: `Click to follow ${ZOE.name}`,
  },
];

describe("unfollow step", { concurrency: true }, () => {
  for (const { label, follows, confirm, followLabel } of SHAPES) {
    test(`unfollows exactly the asked person and proves it by the Follow button in ${label}`, async () => {
      await withFollowing({ follows }, async ({ site, page, clicks }) => {
        assert.ok(site.follows.find((row) => row.slug === ZOE.slug).connection);
        const report = await unfollow(page, ZOE, { member: site.member.slug });
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.match(
          report.observed,
          /^pressed “Following” for Zoë Müller \(\/in\/zoe-muller-7c3d9e\/\)/,
        );
        assert.match(
          report.observed,
          /its button now says “(?:Click to follow Zoë Müller|Follow)”$/,
        );
        if (confirm.length > 0) assert.match(report.observed, /then “Unfollow” in its dialog/);
        else assert.match(report.observed, /with no dialog/);
        assert.deepEqual([...site.unfollowed], [ZOE.slug]);
        assert.deepEqual([...site.unfollowPosts], [[ZOE.slug, 1]]);
        assert.deepEqual(clicks, [`row-button:${ZOE.slug}:Following`, ...confirm]);
        assert.deepEqual(buttonOf(page, ZOE.slug), { text: "Follow", label: followLabel });
        assert.deepEqual(openDialogs(page), []);
        assert.deepEqual(troubleMessages(page), []);
        assert.deepEqual(page.pageErrors, []);
      });
    });

    test(`a dry run presses nothing and reports what it reached in ${label}`, async () => {
      await withFollowing({ follows }, async ({ site, page, clicks }) => {
        const report = await unfollow(page, ZOE, { dryRun: true });
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.match(
          report.observed,
          /^dry run: reached the “(?:Click to stop following Zoë Müller|Following)” button for Zoë Müller \(\/in\/zoe-muller-7c3d9e\/\); not pressed/,
        );
        assert.deepEqual(clicks, []);
        assert.deepEqual([...site.unfollowed], []);
        assert.equal(buttonOf(page, ZOE.slug).text, "Following");
      });
    });
  }

  test("unfollows someone who is not a connection", async () => {
    await withFollowing({}, async ({ site, page, clicks }) => {
      const row = stranger(site);
      const report = await unfollow(page, { slug: row.slug, name: row.name });
      assert.deepEqual(report.outcome, { kind: "removed" });
      assert.deepEqual([...site.unfollowed], [row.slug]);
      assert.deepEqual(clicks, [`row-button:${row.slug}:Following`]);
    });
  });

  test("finds the row by a percent-encoded slug, and by the button's label when no link shows the name", async () => {
    await withFollowing({}, async ({ site, page, clicks }) => {
      const jose = site.follows[0];
      assert.equal(jose.slug, "josé-garcía-4b1a2c");
      const report = await unfollow(page, {
        slug: "jos%C3%A9-garc%C3%ADa-4B1A2C",
        name: "José García",
      });
      assert.deepEqual(report.outcome, { kind: "removed" });
      assert.deepEqual([...site.unfollowed], [jose.slug]);
      // Zoë's row with its name gone from the link: the label names her.
      const zoe = [...page.document.querySelectorAll("[data-chameleon-result-urn]")].find((row) =>
        row.querySelector('a[href*="zoe-muller"]'),
      );
      zoe.querySelector('span[aria-hidden="true"]').textContent = "";
      const labelled = await unfollow(page, ZOE);
      assert.deepEqual(labelled.outcome, { kind: "removed" });
      assert.match(labelled.observed, /^pressed “Following” for Zoë Müller/);
      assert.deepEqual(clicks, [
        `row-button:${jose.slug}:Following`,
        `row-button:${ZOE.slug}:Following`,
      ]);
    });
  });

  test("a check (verify) presses nothing: still-there while followed, removed once the button says Follow", async () => {
    await withFollowing({}, async ({ page, clicks }) => {
      const before = await unfollow(page, ZOE, { mode: "verify" });
      assert.deepEqual(before.outcome, { kind: "still-there" });
      assert.match(before.observed, /still shows “Click to stop following Zoë Müller”$/);
      assert.deepEqual(clicks, []);
      await unfollow(page, ZOE);
      clicks.length = 0;
      const after = await unfollow(page, ZOE, { mode: "verify" });
      assert.deepEqual(after.outcome, { kind: "removed" });
      assert.match(
        after.observed,
        /shows “Click to follow Zoë Müller”: you no longer follow them$/,
      );
      assert.deepEqual(clicks, []);
    });
  });

  test("after a reload the unfollowed person is gone from a list read to its end: verify says removed, act not-found", async () => {
    await withFollowing({ follows: { count: 12 } }, async ({ site, page }) => {
      await unfollow(page, ZOE);
      const reload = await openPage(site, PATHS.following);
      const clicks = [];
      reload.document.addEventListener("click", () => clicks.push("click"), true);
      try {
        await reload.waitForMessages(1);
        const [reading] = reload.readings();
        assert.equal(reading.counts.following, "11");
        assert.equal(reading.listEnd, true);
        const verify = await unfollow(reload, ZOE, { mode: "verify" });
        assert.deepEqual(verify.outcome, { kind: "removed" });
        assert.match(
          verify.observed,
          /read to its end, no longer lists \/in\/zoe-muller-7c3d9e\/: it shows 11 people, not them$/,
        );
        const act = await unfollow(reload, ZOE);
        assert.deepEqual(act.outcome, { kind: "not-found" });
        assert.deepEqual(clicks, []);
        assert.deepEqual([...site.unfollowPosts], [[ZOE.slug, 1]]);
      } finally {
        reload.close();
      }
    });
  });

  test("a person shown as Follow already is not-found, and nothing is pressed", async () => {
    await withFollowing({}, async ({ site, page, clicks }) => {
      const button = [...page.document.querySelectorAll("button")].find(
        (b) => b.getAttribute("aria-label") === `Click to stop following ${NOA.name}`,
      );
      button.setAttribute("aria-label", `Click to follow ${NOA.name}`);
      button.querySelector(".artdeco-button__text").textContent = "Follow";
      const report = await unfollow(page, NOA);
      assert.deepEqual(report.outcome, { kind: "not-found" });
      assert.match(report.observed, /you do not follow them, so there is nothing to unfollow$/);
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.unfollowed], []);
    });
  });

  test("finds a person further down by pressing the list's own Show more results", async () => {
    await withFollowing(
      { follows: { count: 30, pageSize: 8, paging: "load-more" } },
      async ({ site, page, clicks }) => {
        const row = site.follows.filter((r) => r.member).at(-1);
        const report = await unfollow(page, { slug: row.slug, name: row.name });
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.deepEqual([...site.unfollowed], [row.slug]);
        assert.ok(clicks.length >= 2);
        assert.deepEqual(
          clicks.slice(0, -1),
          clicks.slice(0, -1).map(() => "load-more"),
        );
        assert.equal(clicks.at(-1), `row-button:${row.slug}:Following`);
      },
    );
  });

  test("finds a person further down by scrolling the list, as a member would", async () => {
    await withFollowing(
      { follows: { count: 45, pageSize: 10 } },
      async ({ site, page, clicks }) => {
        const row = site.follows.filter((r) => r.member).at(-1);
        const report = await unfollow(page, { slug: row.slug, name: row.name });
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.deepEqual([...site.unfollowed], [row.slug]);
        assert.deepEqual(clicks, [`row-button:${row.slug}:Following`]);
        assert.ok(page.scrolls.length > 0, "the list was scrolled");
      },
      { layout: true },
    );
  });

  test("never presses a namesake's button: the slug decides, and a wrong name is refused", async () => {
    await withFollowing({ follows: { pageSize: 40 } }, async ({ site, page, clicks }) => {
      for (const maria of [MARIA, OTHER_MARIA])
        assert.ok(site.follows.some((r) => r.slug === maria.slug));
      const report = await unfollow(page, MARIA);
      assert.deepEqual(report.outcome, { kind: "removed" });
      assert.deepEqual([...site.unfollowed], [MARIA.slug]);
      assert.deepEqual(clicks, [`row-button:${MARIA.slug}:Following`]);
      assert.equal(buttonOf(page, OTHER_MARIA.slug).text, "Following");

      clicks.length = 0;
      const wrong = await unfollow(page, { slug: ZOE.slug, name: "Maria Silva" });
      assert.equal(wrong.outcome.kind, "failed");
      assert.match(
        wrong.outcome.reason,
        /shows “Zoë Müller”, not “Maria Silva”; netprune clicks nothing for it/,
      );
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.unfollowed], [MARIA.slug]);
    });
  });

  test("a Following button labelled for someone else is trouble, never pressed", async () => {
    await withFollowing({}, async ({ site, page, clicks }) => {
      const button = [...page.document.querySelectorAll("button")].find(
        (b) => b.getAttribute("aria-label") === `Click to stop following ${ZOE.name}`,
      );
      button.setAttribute("aria-label", `Click to stop following ${SAM.name}`);
      const report = await unfollow(page, ZOE);
      assert.equal(report.outcome.kind, "trouble");
      assert.equal(report.outcome.trouble, "unexpected-menu");
      assert.match(report.outcome.reason, /labelled for “Sam Lee”/);
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.unfollowed], []);
    });
  });
});
