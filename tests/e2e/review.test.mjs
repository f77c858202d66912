// The review page (review.html) of the built extension (dist/chrome) in
// headless Chromium, with the real core: the network read from the mock
// connections page is listed whole, hostile names stay text, and the query
// box filters and sorts to exactly the expected people. Selecting, keeping,
// exporting and importing are in review-files.test.mjs; backup, restore and
// the side panel's layout in review-backup.test.mjs. Each test starts a
// fresh browser profile. Every expectation is computed here from the mock's
// people (tests/e2e/review-expect.mjs), never read back from the core.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/

import { describe, test } from "node:test";
import assert from "node:assert/strict";

import {
  allReviewRows,
  HOSTILE_NAMES,
  nameOf,
  onReviewNetwork,
  readReview,
  resultSlugs,
  settledReview,
  storedPeople,
  typeQuery,
} from "./harness.mjs";
import {
  anyField,
  byConnectedNewest,
  byName,
  expectSlugs,
  hasHeadline,
  nameHas,
  titleHas,
} from "./review-expect.mjs";

/* global document, window */

const TEST = { timeout: 60_000 };

describe("Chromium: the review page shows the network the connections page gave", () => {
  test(
    "result-count equals the 40 people read; every person-row has a data-slug and the " +
      "virtual list holds each person once; hostile names render as text in the review page",
    TEST,
    async () => {
      await onReviewNetwork(async ({ session, site, review, known }) => {
        const stored = await storedPeople(session);
        assert.equal(stored.length, site.people.length, "people read");

        const state = await settledReview(review);
        assert.equal(state.resultCount, String(stored.length), "result-count = people read");
        assert.ok(state.rows.length > 0, "no person-row rendered");
        assert.ok(
          state.rows.length < site.people.length,
          "the list is virtualized: only the rows in view are in the DOM",
        );
        for (const row of state.rows)
          assert.ok(row.slug, `a person-row without data-slug: ${row.text}`);

        // Scrolled from top to bottom, the list shows everyone exactly once, in name order.
        assert.deepEqual(await resultSlugs(review), expectSlugs(known, []), "the whole list");

        // A freshly opened review page draws the same from storage.
        const fresh = await session.openReview();
        assert.equal((await readReview(fresh)).resultCount, String(site.people.length));

        // The hostile names are shown, as text, and nothing of them ran or was parsed.
        await typeQuery(fresh, "name:img OR name:script");
        const hostile = (await allReviewRows(fresh)).map((row) => row.name).sort();
        assert.deepEqual(hostile, [...HOSTILE_NAMES].sort());
        // A hostile query is echoed back in the error as text too.
        const echoed = await typeQuery(fresh, 'name:"<img src=x onerror="window.__pwned=1">');
        assert.ok(echoed.queryError?.includes("<img src=x"), `not echoed: ${echoed.queryError}`);
        for (const page of [review, fresh]) {
          assert.equal(
            await page.evaluate(
              () => document.querySelectorAll('img[src="x"], script:not([src])').length,
            ),
            0,
            "markup from a name was parsed into the review page",
          );
          assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined");
        }
      });
    },
  );
});

describe("Chromium: the review page's query box", () => {
  test(
    "queries give exactly the expected people, in order: an accent-insensitive bare word " +
      "(jose finds José García), a phrase, name:, -term, OR, title:, has:date, -has:headline, " +
      "sort:name and sort:-connected",
    TEST,
    async () => {
      await onReviewNetwork(async ({ review, known }) => {
        const names = nameOf(known);
        const josé = known.find((p) => p.name === "José García");
        assert.ok(josé, "the mock has José García");

        /** [query, expected slugs in order] */
        const cases = [
          ["jose", expectSlugs(known, [anyField("jose")])],
          ["JOSÉ", expectSlugs(known, [anyField("jose")])],
          ['"maria silva"', expectSlugs(known, [anyField("maria silva")])],
          ["name:chloe", expectSlugs(known, [nameHas("chloe")])],
          [
            "name:chloe -yilmaz",
            expectSlugs(known, [nameHas("chloe"), (p) => !anyField("yilmaz")(p)]),
          ],
          [
            "name:lukasz OR name:zoe",
            expectSlugs(known, [(p) => nameHas("lukasz")(p) || nameHas("zoe")(p)]),
          ],
          ["title:engineer", expectSlugs(known, [titleHas("engineer")])],
          ["has:date", expectSlugs(known, [(p) => Boolean(p.connectedOn)])],
          ["-has:headline", expectSlugs(known, [(p) => !hasHeadline(p)])],
          ["sort:name", expectSlugs(known, [], byName)],
          ["sort:-connected", expectSlugs(known, [], byConnectedNewest)],
          ["name:maria sort:-connected", expectSlugs(known, [nameHas("maria")], byConnectedNewest)],
          ["", expectSlugs(known, [])],
        ];
        // The cases are not vacuous: each bare-word and filter case finds someone, and not everyone.
        assert.deepEqual(cases[0][1], [josé.slug], "jose finds exactly José García");
        for (const [query, slugs] of cases.slice(2, 9)) {
          if (query === "has:date") continue;
          assert.ok(slugs.length > 0 && slugs.length < known.length, `${query} is a real filter`);
        }

        for (const [query, slugs] of cases) {
          const state = await typeQuery(review, query);
          assert.equal(state.queryError, null, `${JSON.stringify(query)} was refused`);
          assert.equal(
            state.resultCount,
            String(slugs.length),
            `result-count for ${JSON.stringify(query)}`,
          );
          assert.deepEqual(
            names(await resultSlugs(review)),
            names(slugs),
            `the people ${JSON.stringify(query)} finds, in order`,
          );
        }
      });
    },
  );

  test(
    "a malformed query (before:banana) shows query-error and no rows, never everyone; " +
      "fixing it clears the error and filters again; the histogram's year bars filter to their year",
    TEST,
    async () => {
      await onReviewNetwork(async ({ review, known }) => {
        const broken = await typeQuery(review, "before:banana");
        assert.ok(broken.queryError, "query-error is not shown");
        // Where (1-based, once) and what: "banana" starts at the 8th character.
        assert.match(broken.queryError, /at character 8\b/, "the error says where");
        assert.match(broken.queryError, /expected a date.*banana/i, "the error says what is wrong");
        assert.doesNotMatch(
          broken.queryError,
          /: at \d+:/,
          "the error gives a second, 0-based position (the core's Display text)",
        );
        assert.equal(broken.resultCount, "0");
        assert.deepEqual(broken.rows, [], "rows shown for a malformed query");
        assert.match(broken.listMessage ?? "", /problem/, "the list says why it is empty");

        const fixed = await typeQuery(review, "before:2026");
        assert.equal(fixed.queryError, null, "query-error stays after the query was fixed");
        const before2026 = expectSlugs(known, [(p) => p.connectedOn < "2026-01-01"]);
        assert.ok(before2026.length > 0 && before2026.length < known.length);
        assert.equal(fixed.resultCount, String(before2026.length));
        assert.deepEqual(await resultSlugs(review), before2026);

        // The histogram: a bar per year, each with that year's count.
        const all = await typeQuery(review, "");
        const years = new Map();
        for (const p of known) {
          const year = Number(p.connectedOn.slice(0, 4));
          years.set(year, (years.get(year) ?? 0) + 1);
        }
        assert.deepEqual(
          all.histogram.map((bar) => bar.year),
          [...years.keys()].sort(),
          "one bar per year",
        );
        for (const bar of all.histogram) {
          assert.match(
            bar.label,
            new RegExp(`^${bar.year}: ${years.get(bar.year)} (?:person|people)$`),
          );
        }
        const year = Math.min(...years.keys());
        await review.click(`[data-testid="histogram"] button[data-year="${year}"]`);
        const filtered = await settledReview(review);
        const inYear = expectSlugs(known, [(p) => p.connectedOn.startsWith(`${year}-`)]);
        assert.equal(filtered.resultCount, String(inYear.length), `result-count for ${year}`);
        assert.deepEqual(await resultSlugs(review), inYear);
        assert.deepEqual(
          filtered.histogram.filter((bar) => bar.pressed).map((bar) => bar.year),
          [year],
          "the chosen bar is pressed",
        );
        assert.equal(filtered.queryError, null);

        // The same bar again shows every year.
        await review.click(`[data-testid="histogram"] button[data-year="${year}"]`);
        const again = await settledReview(review);
        assert.equal(again.resultCount, String(known.length));
        assert.deepEqual(
          again.histogram.filter((bar) => bar.pressed),
          [],
        );
      });
    },
  );
});
