// The review page in headless Chromium, with the real core: backup and
// restore (everything stored comes back; pending removals never do), and the
// page at the side panel's 380 px width, checked by axe-core in the light
// and the dark scheme.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/

import { describe, test } from "node:test";
import assert from "node:assert/strict";

import {
  checkBothSchemes,
  chooseFile,
  clickAndDownload,
  createMockSite,
  importCsv,
  onReviewNetwork,
  PATHS,
  resultSlugs,
  REVIEW_NETWORK,
  settledReview,
  storedPeople,
  typeQuery,
  waitFor,
  waitForReview,
  withChromium,
} from "./harness.mjs";
import { expectSlugs, nameHas } from "./review-expect.mjs";
import { connectionsCsv } from "../mock-site/export.mjs";

/* global chrome */

const TEST = { timeout: 60_000 };

describe("Chromium: backup and restore", () => {
  test(
    "backup-download saves everything netprune stores, and backup-restore with its confirm " +
      "step brings it back after changes (kept people and saved queries included)",
    TEST,
    async () => {
      await onReviewNetwork(async ({ session, site, review, known }) => {
        const marias = expectSlugs(known, [nameHas("maria")]);

        // State worth backing up: two kept people and a saved query.
        await typeQuery(review, "name:maria");
        await review.click('[data-testid="select-all-matching"]');
        await review.click('[data-testid="keep-selected"]');
        await waitFor(
          async () => (await storedPeople(session)).filter((p) => p.kept).length === 2,
          {
            what: "the two Marias to be kept",
          },
        );
        await review.fill("#save-name", "Marias");
        await review.click('[data-testid="save-query"]');
        await waitFor(() => review.locator('[data-testid="saved-query"]').count(), {
          what: "a saved-query chip",
        });
        const backedUp = JSON.parse(await session.storedNetwork());

        const file = await clickAndDownload(review, "backup-download");
        assert.match(file.name, /\.json$/);
        const backup = JSON.parse(file.bytes.toString("utf8"));
        assert.ok(backup && typeof backup === "object", "the backup is JSON");
        assert.ok(
          file.bytes.toString("utf8").includes("maria-silva-1a2b3c"),
          "the backup lists the network",
        );

        // Change everything: nobody kept, the saved query deleted, the export imported.
        await review.click('[data-testid="unkeep-selected"]');
        await review.click('#saved-list .chip-delete[data-saved-name="Marias"]');
        await importCsv(review, "Connections.csv", connectionsCsv(site.people));
        await waitFor(
          async () => {
            const people = await storedPeople(session);
            return people.every((p) => !p.kept) && people.some((p) => p.company);
          },
          { what: "the changes to reach storage" },
        );
        await waitFor(
          async () => (await review.locator('[data-testid="saved-query"]').count()) === 0,
          {
            what: "the deleted saved query to leave the page",
          },
        );

        // A file that is not a backup is refused and changes nothing.
        const changed = await session.storedNetwork();
        await chooseFile(
          review,
          "backup-restore",
          "notes.json",
          '{"hello":"world"}',
          "application/json",
        );
        await waitForReview(review, (s) => s.restoreConfirmShown, "the restore confirmation");
        await review.click('[data-testid="backup-restore-confirm"]');
        await waitForReview(
          review,
          (s) => /Nothing was changed/.test(s.backupStatus),
          "the refusal",
        );
        assert.equal(await session.storedNetwork(), changed);

        // The backup, confirmed, restores what was stored when it was taken.
        await chooseFile(review, "backup-restore", file.name, file.bytes, "application/json");
        await waitForReview(review, (s) => s.restoreConfirmShown, "the restore confirmation");
        await review.click('[data-testid="backup-restore-confirm"]');
        await waitForReview(review, (s) => /Restored from/.test(s.backupStatus), "the restore");
        const restored = JSON.parse(await session.storedNetwork());
        assert.deepEqual(restored.people, backedUp.people, "the people after the restore");
        await waitFor(
          async () => (await typeQuery(review, "is:kept")).resultCount === String(marias.length),
          { what: "is:kept to list the restored kept people" },
        );
        assert.deepEqual(await resultSlugs(review), marias);
        await waitFor(() => review.locator('[data-testid="saved-query"]').count(), {
          what: "the restored saved query",
        });
        assert.equal(
          await review.locator('[data-testid="saved-query"]').first().getAttribute("data-query"),
          "name:maria",
        );
      });
    },
  );

  test(
    "restoring a backup never brings back removals: the file's pending removals are cancelled, " +
      "and opening the connections page afterwards starts none",
    TEST,
    async () => {
      await onReviewNetwork(async ({ session, review, linkedin, known }) => {
        // No connections tab: the queue waits (paused "for want of the page"), removing no one.
        await linkedin.close();
        const send = (message) => review.evaluate((m) => chrome.runtime.sendMessage(m), message);
        const queue = async () => (await session.storage()).queue?.progress ?? null;
        const slugs = known.slice(20, 25).map((p) => p.slug);
        const queued = await send({ type: "queue-removals", slugs, dryRun: true });
        assert.equal(queued.ok, true, JSON.stringify(queued));
        assert.equal(queued.queued, slugs.length);
        // The closed tab and the queueing race: the queue may start, find no
        // page, then pause. What matters is where it settles, having removed
        // no one.
        const waiting = await waitFor(
          async () => {
            const p = await queue();
            return p?.pending === slugs.length && p.state === "paused" && p;
          },
          {
            what: "five removals waiting in a queue paused for want of the page",
            describe: queue,
          },
        );
        assert.equal(waiting.removed, 0, "the queue removed someone without a connections tab");

        const backup = await clickAndDownload(review, "backup-download");
        const cancelled = await send({ type: "queue-cancel" });
        assert.equal(cancelled.result.cancelled, slugs.length);

        await chooseFile(review, "backup-restore", backup.name, backup.bytes, "application/json");
        await waitForReview(review, (s) => s.restoreConfirmShown, "the restore confirmation");
        assert.match(
          await review.locator("#restore-confirm").textContent(),
          /cancelled/,
          "the confirmation says queued removals are cancelled",
        );
        await review.click('[data-testid="backup-restore-confirm"]');
        await waitForReview(review, (s) => /Restored from/.test(s.backupStatus), "the restore");
        assert.equal((await queue()).pending, 0, "the restore brought back pending removals");

        // The connections page again: its reading lifts a pause "for want of the page", and
        // a restored queue would start removing now.
        const before = (await session.storage()).summary?.page?.atMs ?? 0;
        await session.openLinkedIn(PATHS.connections);
        await waitFor(async () => ((await session.storage()).summary?.page?.atMs ?? 0) > before, {
          what: "a new reading of the connections page",
        });
        await send({ type: "get-summary" }); // answered after every step queued before it
        const after = await queue();
        assert.equal(after.pending, 0, JSON.stringify(after));
        assert.equal(after.inProgress, 0, JSON.stringify(after));
        assert.equal(after.attemptsToday, 0, "a removal step was taken after the restore");
        assert.notEqual(after.state, "running", JSON.stringify(after));
      });
    },
  );
});

describe("Chromium: the review page in the side panel", () => {
  test(
    "at the side panel's 380 px width, axe-core finds no serious or critical violations, " +
      "light and dark, and nothing scrolls sideways: empty, listing, with a query error, and " +
      "with an import report, unmatched and kept badges, a selection and a person's details",
    { timeout: 90_000 },
    async () => {
      const site = createMockSite(REVIEW_NETWORK);
      await withChromium({ site }, async (session) => {
        const review = await session.openReview({ viewport: { width: 380, height: 800 } });
        await checkBothSchemes(review, "empty", { fitsWidth: true });

        await session.openLinkedIn(PATHS.connections);
        await review.bringToFront();
        await waitForReview(
          review,
          (s) => s.resultCount === String(site.people.length),
          "everyone",
        );
        await settledReview(review);
        await checkBothSchemes(review, "listing", { fitsWidth: true });

        await typeQuery(review, "before:banana");
        await checkBothSchemes(review, "query error", { fitsWidth: true });

        // A 2018 import leaves a namesake row whose company no card names
        // unmatched (Chloé Yılmaz of Nakatomi Trading): its badge shows
        // beside the page's two Chloé Yılmaz rows.
        await typeQuery(review, "");
        const csv = connectionsCsv(site.people, { url: false, notes: false, dates: "2018" });
        await importCsv(review, "Connections.csv", csv);
        await typeQuery(review, '"chloé yılmaz"');
        await waitForReview(
          review,
          (s) => s.resultCount === "3",
          "the Chloé Yılmaz rows, the unmatched one too",
        );
        await review.click('[data-testid="select-all-matching"]');
        await review.click('[data-testid="keep-selected"]');
        await waitForReview(
          review,
          (s) =>
            /kept/.test(s.actionStatus) && s.rows.filter((r) => /kept/.test(r.text)).length === 3,
          "three kept Chloé Yılmaz rows",
        );
        await review.click('[data-testid="person-row"] .row-main');
        await settledReview(review);
        await checkBothSchemes(review, "import report, badges, selection and details", {
          fitsWidth: true,
        });
      });
    },
  );
});
