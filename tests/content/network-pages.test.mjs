// The content script away from the connections list: the followers and
// following tabs, the member's own profile (read) and anyone else's (never
// read), the feed (idle), and single-page navigation into My Network.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMockSite, PATHS } from "../mock-site/site.mjs";
import { expectedCard, openPage, ORIGIN, sleep, withPage } from "./harness.mjs";

const FAST = { renderDelayMs: 50 };

/** @param {string} page @param {string} path @param {object} counts @param {string} [member] */
const recognisedReading = (page, path, counts, member = "alex-morgan-5e6f7a") => ({
  type: "page-reading",
  reading: {
    page,
    url: `${ORIGIN}${path}`,
    recognised: true,
    generation: null,
    reason: null,
    // The mock's <html lang>.
    language: "en",
    counts: { connections: null, followers: null, following: null, ...counts },
    cards: [],
    // The mock's member, read from LinkedIn's navigation on every page.
    member,
    // jsdom's page is never hidden.
    visible: true,
  },
});

describe("network pages", { concurrency: true }, () => {
  test("reads both totals from the followers tab", async () => {
    await withPage(
      createMockSite({ ...FAST, count: 40, followers: 2345, following: 312 }),
      PATHS.followers,
      async (page, site) => {
        await page.waitForMessages(1);
        await sleep(600);
        const reading = recognisedReading("followers", PATHS.followers, {
          followers: "2,345",
          following: "312",
        });
        // The followers page also sends the people it lists (issue 13): this
        // older card list shows the first page of them, each with its
        // "Follow" button (the member does not follow them back).
        Object.assign(reading.reading, {
          generation: "follows-cards",
          followers: site.people.slice(0, 12).map((person) => ({
            profileUrl: person.profileHref,
            name: person.name,
            headline: person.headline,
            followsBack: false,
          })),
          listEnd: false,
        });
        assert.deepEqual(page.messages, [reading]);
      },
    );
  });

  test("reads an abbreviated follower total on the following tab as shown", async () => {
    await withPage(
      createMockSite({
        ...FAST,
        followers: 3456,
        following: 1200,
        followersAbbreviated: true,
      }),
      PATHS.following,
      async (page, site) => {
        await page.waitForMessages(1);
        const reading = recognisedReading("following", PATHS.following, {
          followers: "3.4K",
          following: "1,200",
        });
        // The following page also sends the people it lists (issue 13):
        // this older card list shows the first page of them.
        Object.assign(reading.reading, {
          generation: "follows-cards",
          follows: site.people.slice(0, 12).map((person) => ({
            profileUrl: person.profileHref,
            name: person.name,
            headline: person.headline,
          })),
          listEnd: false,
        });
        assert.deepEqual(page.messages, [reading]);
      },
    );
  });

  test("reads 500+ connections and followers from the member's own profile", async () => {
    const site = createMockSite({ ...FAST, count: 40, statedTotal: 1234, followers: 5678 });
    await withPage(site, site.member.profilePath, async (page) => {
      await page.waitForMessages(1);
      await sleep(600);
      assert.deepEqual(page.messages, [
        recognisedReading("profile", site.member.profilePath, {
          connections: "500+",
          followers: "5,678",
        }),
      ]);
    });
  });

  test("reads an exact connection count under 500 from an own profile with a unicode slug", async () => {
    const member = { slug: "zoë-bäcker-1f2e3d", name: "Zoë Bäcker" };
    const site = createMockSite({ ...FAST, count: 40, statedTotal: 312, followers: 401, member });
    assert.equal(site.member.profilePath, "/in/zo%C3%AB-b%C3%A4cker-1f2e3d/");
    const page = await openPage(site, site.member.profilePath);
    try {
      await page.waitForMessages(1);
      assert.deepEqual(page.messages, [
        recognisedReading(
          "profile",
          site.member.profilePath,
          { connections: "312", followers: "401" },
          member.slug,
        ),
      ]);
    } finally {
      page.close();
    }
  });

  test("never reads someone else's profile", async () => {
    const site = createMockSite(FAST);
    const other = site.people[3];
    const page = await openPage(site, other.profilePath);
    try {
      await page.waitForRender();
      const text = page.document.querySelector("main").textContent;
      assert.match(text, /followers/);
      assert.match(text, /Connect/);
      assert.equal(page.document.querySelector('a[href*="/edit/"]'), null);
      await sleep(1500);
      assert.deepEqual(page.calls, []);
    } finally {
      page.close();
    }
  });

  test("stays idle on the feed", async () => {
    await withPage(createMockSite(FAST), PATHS.feed, async (page) => {
      await page.waitForRender();
      await sleep(1200);
      assert.deepEqual(page.calls, []);
    });
  });

  for (const generation of ["artdeco", "sdui-2026"]) {
    test(`starts reading after single-page navigation from the feed to ${generation} connections`, async () => {
      await withPage(createMockSite({ generation, ...FAST }), PATHS.feed, async (page, site) => {
        await page.waitForRender();
        page.document.querySelector('nav a[href="/mynetwork/invite-connect/connections/"]').click();
        assert.equal(page.window.location.pathname, PATHS.connections, "the URL changed in place");
        await page.waitForMessages(1);
        const reading = page.messages[0].reading;
        assert.equal(reading.url, `${ORIGIN}${PATHS.connections}`);
        assert.equal(reading.generation, generation);
        assert.equal(reading.counts.connections, site.stated.shown.connections);
        assert.deepEqual(
          reading.cards,
          site.people.slice(0, generation === "artdeco" ? 10 : 12).map(expectedCard),
        );
      });
    });
  }

  test("starts a fresh page view when the member comes back to connections", async () => {
    await withPage(
      createMockSite({ generation: "react-2025", ...FAST }),
      PATHS.connections,
      async (page) => {
        await page.waitForMessages(1);
        page.document.querySelector('nav a[href="/feed/"]').click();
        await page.waitForRender();
        await sleep(700);
        assert.equal(page.messages.length, 1, "nothing is read on the feed");
        page.document.querySelector('nav a[href="/mynetwork/invite-connect/connections/"]').click();
        await page.waitForMessages(2);
        assert.deepEqual(page.messages[1], page.messages[0]);
      },
    );
  });
});
