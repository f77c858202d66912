// Driving the review page in Chromium (Playwright), for the review page's
// end-to-end files (review*.test.mjs): the network they read, reading it
// from the mock connections page until the open review page lists everyone,
// typing queries key by key, the results scrolled whole, downloads, file
// choosers and imports. Also what both browsers' tests read back: the people
// the background stored.

/* global document */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { createMockSite, PATHS } from "../../mock-site/site.mjs";
import { waitFor } from "./base.mjs";
import { withChromium } from "./chromium.mjs";
import { allReviewRows, readReview, settledReview } from "./pages.mjs";
import { asReadFromPage } from "../review-expect.mjs";

/**
 * The network every test reads: the 2025 markup (it states exact connection
 * dates) with all 40 people on one page, so reading the page reads everyone.
 * Its first people are the mock's edge cases: hostile names, a formula, two
 * people named Maria Silva, accents, right-to-left and CJK names.
 */
export const REVIEW_NETWORK = { generation: "react-2025", count: 40, pageSize: 40, seed: 5 };

/** The people the background stored (read as the JSON snapshot: session.storedNetwork()). */
export async function storedPeople(session) {
  const snapshot = await session.storedNetwork();
  if (snapshot === undefined) return [];
  return JSON.parse(snapshot).people;
}

/**
 * Polls the review page until `predicate(state)` holds.
 * @param {import("playwright-core").Page} page
 * @param {(state: import("./pages.mjs").ReviewState) => unknown} predicate
 * @param {string} what
 */
export async function waitForReview(page, predicate, what, timeout = 15_000) {
  let last = null;
  await waitFor(
    async () => {
      last = await readReview(page);
      return last.loaded && predicate(last) && last;
    },
    { what: `the review page to show ${what}`, timeout, describe: () => last },
  );
  return /** @type {import("./pages.mjs").ReviewState} */ (/** @type {unknown} */ (last));
}

/**
 * Opens the review page (empty), then the mock connections page, and waits
 * until the page has read everyone and the open review page shows them.
 * Returns the review page and the people as the core knows them.
 */
export async function readNetwork(session, site) {
  const review = await session.openReview();
  const before = await readReview(review);
  assert.equal(before.loaded, true);
  assert.equal(
    await review.evaluate(() => !document.getElementById("empty-state").hidden),
    true,
    "the empty state shows before anything is read",
  );
  const linkedin = await session.openLinkedIn(PATHS.connections);
  // The review tab in front again: a background tab gets no animation
  // frames, and the page draws in them.
  await review.bringToFront();
  const total = site.people.length;
  await waitFor(async () => (await storedPeople(session)).length === total, {
    what: `the ${total} people on the connections page to reach storage`,
    describe: async () => (await storedPeople(session)).length,
  });
  await waitForReview(
    review,
    (s) => s.resultCount === String(total),
    `result-count ${total} (live, without reopening)`,
  );
  return { review, linkedin, known: site.people.map(asReadFromPage) };
}

/**
 * Types `text` into the query box key by key (emptied first), as a member
 * does, and returns the page once it has drawn the result.
 */
export async function typeQuery(page, text) {
  const input = page.locator('[data-testid="filter-input"]');
  await input.fill("");
  if (text) await input.pressSequentially(text);
  const state = await settledReview(page);
  assert.equal(state.query, text, "the query box holds what was typed");
  return state;
}

/** The slugs of every row of the current results, in order (scrolling the virtual list). */
export async function resultSlugs(page) {
  return (await allReviewRows(page)).map((row) => row.slug);
}

export const nameOf = (people) => {
  const bySlug = new Map(people.map((p) => [p.slug, p.name]));
  return (slugs) => slugs.map((slug) => bySlug.get(slug) ?? slug);
};

/** Reads a Playwright download into a Buffer. */
export async function downloaded(download) {
  const path = await download.path();
  assert.ok(
    path,
    `the download ${download.suggestedFilename()} failed: ${await download.failure()}`,
  );
  return readFileSync(path);
}

/** Clicks `testid` and returns the file the click downloads. */
export async function clickAndDownload(page, testid) {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 10_000 }),
    page.click(`[data-testid="${testid}"]`),
  ]);
  return { name: download.suggestedFilename(), bytes: await downloaded(download) };
}

/** Chooses a file in the page's file input `testid`. */
export async function chooseFile(page, testid, name, text, mimeType = "text/csv") {
  await page.setInputFiles(`[data-testid="${testid}"]`, {
    name,
    mimeType,
    buffer: Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8"),
  });
}

/** Imports `text` as `name` and waits for the import report's figures (or its refusal). */
export async function importCsv(page, name, text) {
  await chooseFile(page, "import-csv", name, text);
  return (
    await waitForReview(
      page,
      (s) =>
        s.importReport &&
        !/Importing/.test(s.importReport.text) &&
        (Object.keys(s.importReport.figures).length > 0 ||
          /not imported/.test(s.importReport.text)),
      `the import report for ${name}`,
    )
  ).importReport;
}

/**
 * Runs `body` in a fresh Chromium session once the review network has been
 * read (readNetwork): with the session, the mock site, the review page, the
 * LinkedIn tab and the people as the page gave them.
 * @template T
 * @param {(read: { session: any, site: any, review: any, linkedin: any, known: any[] }) => Promise<T>} body
 * @returns {Promise<T>}
 */
export function onReviewNetwork(body) {
  const site = createMockSite(REVIEW_NETWORK);
  return withChromium({ site }, async (session) =>
    body({ session, site, ...(await readNetwork(session, site)) }),
  );
}
