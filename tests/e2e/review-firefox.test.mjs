// The review page (moz-extension://<uuid>/review.html) of the built Firefox
// extension in headless Firefox ESR, with the real core: the network read
// from the mock connections page, a query, a malformed query, and the
// Connections.csv import. Expectations are computed from the mock's people
// (tests/e2e/review-expect.mjs), as in the Chromium review tests.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createMockSite, HOSTILE_NAMES, PATHS, waitFor, withFirefox } from "./harness.mjs";
import { anyField, asReadFromPage, expectSlugs, nameHas } from "./review-expect.mjs";
import { connectionsCsv } from "../mock-site/export.mjs";

/** As in the Chromium review tests: every one of the 40 people on one page, with exact dates. */
const NETWORK = { generation: "react-2025", count: 40, pageSize: 40, seed: 5 };

test(
  "Firefox: the review page loads with the real core; result-count equals the 40 people read, " +
    "queries filter to exactly the expected people, a malformed query shows query-error and no rows, " +
    "and importing the network's Connections.csv reports every row matched",
  { timeout: 120_000 },
  async () => {
    const site = createMockSite(NETWORK);
    const known = site.people.map(asReadFromPage);
    const total = site.people.length;
    const dir = mkdtempSync(join(tmpdir(), "netprune-review-ff-"));
    try {
      await withFirefox({ site }, async (session) => {
        const empty = await session.openReview();
        assert.equal(empty.error, null, `the review page failed: ${empty.error}`);
        assert.match(empty.url, /^moz-extension:\/\/[^/]+\/review\.html$/);

        await session.openLinkedIn(PATHS.connections);
        const loaded = await session.waitForReview((s) => s.resultCount === String(total), {
          what: `result-count ${total} once the connections page is read`,
        });
        const snapshot = await session.storedNetwork();
        const stored = typeof snapshot === "string" ? JSON.parse(snapshot).people : [];
        assert.equal(stored.length, total, "people read");
        assert.equal(loaded.resultCount, String(stored.length), "result-count = people read");
        assert.ok(loaded.rows.length > 0 && loaded.rows.every((row) => row.slug), "data-slug");
        const names = (await session.allReviewRows()).map((row) => row.name);
        assert.equal(names.length, total);
        for (const name of HOSTILE_NAMES) assert.ok(names.includes(name), `${name} not listed`);

        // Queries, typed key by key.
        const cases = [
          ["jose", expectSlugs(known, [anyField("jose")])],
          [
            "name:chloe -yilmaz",
            expectSlugs(known, [nameHas("chloe"), (p) => !anyField("yilmaz")(p)]),
          ],
          [
            "name:lukasz OR name:zoe",
            expectSlugs(known, [(p) => nameHas("lukasz")(p) || nameHas("zoe")(p)]),
          ],
        ];
        assert.deepEqual(
          cases[0][1].map((slug) => known.find((p) => p.slug === slug).name),
          ["José García"],
        );
        for (const [query, slugs] of cases) {
          const state = await session.typeQuery(query);
          assert.equal(state.query, query, "the query box holds what was typed");
          assert.equal(state.queryError, null, `${query} was refused`);
          assert.equal(state.resultCount, String(slugs.length), `result-count for ${query}`);
          assert.deepEqual(
            (await session.allReviewRows()).map((row) => row.slug),
            slugs,
            `the people ${query} finds`,
          );
        }

        const broken = await session.typeQuery("before:banana");
        assert.ok(broken.queryError, "query-error is not shown");
        assert.match(broken.queryError, /at character 8\b/);
        assert.equal(broken.resultCount, "0");
        assert.deepEqual(broken.rows, []);
        const fixed = await session.typeQuery("before:2026");
        assert.equal(fixed.queryError, null, "query-error stays after the fix");
        assert.equal(
          fixed.resultCount,
          String(expectSlugs(known, [(p) => p.connectedOn < "2026-01-01"]).length),
        );
        await session.typeQuery("");

        // The import: WebDriver picks a real file for the <input type="file">.
        const file = join(dir, "Connections.csv");
        writeFileSync(file, connectionsCsv(site.people));
        await session.chooseFile("import-csv", file);
        const imported = await session.waitForReview(
          (s) => s.importReport && Object.keys(s.importReport.figures).length > 0,
          { what: "the import report" },
        );
        assert.deepEqual(
          imported.importReport.figures,
          { rows: total, matched: total, added: 0, unmatched: 0, skipped: 0 },
          imported.importReport.text,
        );
        await waitFor(async () => (await session.readReview()).resultCount === String(total), {
          what: "everyone, and no one new, after the import",
        });

        // Nothing of the hostile names ran in the review page (the current window).
        await session.readReview();
        const pwned = await session.driver.executeScript("return typeof window.__pwned;");
        assert.equal(pwned, "undefined");
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
