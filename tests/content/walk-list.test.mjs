// The one loop that walks a long list to one person's row (Step.walkList in
// extension/content/steps/step.js), as both steps that use it run it on the
// mock site: the withdraw step on the sent invitations page and the
// unfollow step on the following page. A row further down shows only after
// the list's own load control was pressed twice; a list read to its end
// without the person is the same "not found" for both kinds; and a row whose
// link is someone else's (a slug that only begins like theirs) is never
// taken for theirs. The only clicks are the list's own controls.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMockSite, PATHS } from "../mock-site/site.mjs";
import { unfollow, withFollowing } from "./following-helpers.mjs";
import { PAUSES, RULES, openPage, waitFor } from "./harness.mjs";

const OUTCOME_TIMEOUT_MS = 60_000;
const NOBODY = { slug: "nobody-listed-0a0b0c", name: "Nobody Listed" };

/** A click on the invitations page: the list's own Load more, or anything else. */
const invitationClick = (target) => {
  const control = target.closest("button, a");
  const name = control ? control.textContent.replace(/\s+/g, " ").trim() : "";
  return name === "Load more" ? "list" : `other:${target.outerHTML.slice(0, 100)}`;
};

/** The sent invitations page (react-2025: a "Load more" list), with its clicks. */
async function withInvitations(siteOptions, body) {
  const site = createMockSite({
    renderDelayMs: 50,
    pageDelayMs: 20,
    generation: "react-2025",
    ...siteOptions,
  });
  const page = await openPage(site, PATHS.invitations, { layout: true });
  const clicks = [];
  page.document.addEventListener("click", (event) => clicks.push(invitationClick(event.target)));
  await page.waitForMessages(1);
  try {
    return await body({ site, page, clicks });
  } finally {
    page.close();
  }
}

let lastAttempt = 9000;
/** A withdraw-step as the background sends it, and its outcome. */
async function withdraw(page, { slug, name }, mode = "act") {
  const message = {
    type: "withdraw-step",
    rules: RULES.step,
    pausesMs: PAUSES,
    attempt: ++lastAttempt,
  };
  Object.assign(message, { slug, name, mode, dryRun: false });
  assert.deepEqual(await page.tell(message), { ok: true });
  return waitFor(
    () => page.messages.find((m) => m.type === "removal-outcome" && m.attempt === message.attempt),
    `the outcome of attempt ${message.attempt}`,
    OUTCOME_TIMEOUT_MS,
  );
}

/** A slug that begins like `slug` but is someone else's: its last part cut off. */
const shorter = (slug) => slug.replace(/-[^-]+$/, "");

describe("the list walk shared by the withdraw and unfollow steps", { concurrency: true }, () => {
  test("withdraw: a row that shows only after two loads is found, pressing nothing else", async () => {
    await withInvitations(
      { invitations: 12, invitationPageSize: 4 },
      async ({ site, page, clicks }) => {
        const target = site.invitations[9];
        const report = await withdraw(page, target, "verify");
        assert.deepEqual(report.outcome, { kind: "still-there" }, report.observed);
        assert.deepEqual(clicks, ["list", "list"]);
      },
    );
  });

  test("unfollow: a row that shows only after two loads is found, pressing nothing else", async () => {
    await withFollowing(
      { follows: { count: 24, pageSize: 8, paging: "load-more" } },
      async ({ site, page, clicks }) => {
        const target = site.follows.slice(16).find((row) => row.member);
        assert.ok(target, "a member in the third batch");
        const report = await unfollow(page, target, { mode: "verify" });
        assert.deepEqual(report.outcome, { kind: "still-there" }, report.observed);
        assert.deepEqual(clicks, ["load-more", "load-more"]);
      },
    );
  });

  test("a list read to its end without the person is not-found for both kinds", async () => {
    await withInvitations({ invitations: 10, invitationPageSize: 4 }, async ({ page, clicks }) => {
      const report = await withdraw(page, NOBODY);
      assert.deepEqual(report.outcome, { kind: "not-found" }, report.observed);
      assert.match(report.observed, /read to its end, it shows 10 people and not them/);
      assert.ok(clicks.length > 0 && clicks.every((click) => click === "list"), clicks.join());
    });
    await withFollowing(
      { follows: { count: 20, pageSize: 8, paging: "load-more" } },
      async ({ page, clicks }) => {
        const report = await unfollow(page, NOBODY);
        assert.deepEqual(report.outcome, { kind: "not-found" }, report.observed);
        assert.match(report.observed, /read to its end, lists nobody linking to/);
        assert.ok(
          clicks.length > 0 && clicks.every((click) => click === "load-more"),
          clicks.join(),
        );
      },
    );
  });

  test("a row whose link is another person's is never taken for theirs", async () => {
    await withInvitations(
      { invitations: 8, invitationPageSize: 4 },
      async ({ site, page, clicks }) => {
        const other = site.invitations[1];
        const report = await withdraw(page, { slug: shorter(other.slug), name: other.name });
        assert.deepEqual(report.outcome, { kind: "not-found" }, report.observed);
        assert.ok(
          clicks.every((click) => click === "list"),
          clicks.join(),
        );
        assert.deepEqual([...site.withdrawn], []);
      },
    );
    await withFollowing(
      { follows: { count: 12, pageSize: 40 } },
      async ({ site, page, clicks }) => {
        const other = site.follows.find((row) => row.member);
        const report = await unfollow(page, { slug: shorter(other.slug), name: other.name });
        assert.deepEqual(report.outcome, { kind: "not-found" }, report.observed);
        assert.ok(!clicks.some((click) => click.startsWith("row-button:")), clicks.join());
        assert.deepEqual([...site.unfollowed], []);
      },
    );
  });
});
