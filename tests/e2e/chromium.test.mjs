// The built extension (dist/chrome) in headless Chromium, on the mock
// LinkedIn site served at LinkedIn's real URLs. Each test starts a fresh
// browser profile, so no test sees another's storage.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/

import { describe, test } from "node:test";
import assert from "node:assert/strict";

import {
  checkBothSchemes,
  CONNECTION_CAP,
  countLine,
  countTestName,
  createMockSite,
  firstConnectionCount,
  formatCount,
  HOSTILE_NAMES,
  NETWORKS,
  parseCount,
  PATHS,
  popupCountFrom,
  popupSaysUnrecognised,
  popupShowsNetwork,
  settledReview,
  storedPeople,
  waitFor,
  withChromium,
} from "./harness.mjs";

/* global document, window */

const TEST = { timeout: 60_000 };

describe("Chromium: the connections page, in every markup generation", () => {
  for (const network of NETWORKS) {
    const { count } = network;
    test(countTestName(network), TEST, async () => {
      const site = createMockSite(network);
      assert.equal(site.stated.connections, count);
      await withChromium({ site }, async (session) => {
        const { popup } = await popupShowsNetwork(session, network);
        assert.equal(popup.visible["empty-state"], false);
        assert.deepEqual(
          session.blocked,
          [],
          "a page asked for something besides www.linkedin.com",
        );

        // A freshly opened popup draws the same figures from the stored snapshot.
        await session.openPopup();
        const again = await session.readPopup();
        assert.deepEqual(countLine(again), countLine(popup));
      });
    });
  }

  for (const generation of ["artdeco", "react-2025", "sdui-2026"]) {
    test(
      `${generation}: hostile names stay text: nothing runs in LinkedIn's page or the popup, ` +
        `and storage keeps the names verbatim`,
      TEST,
      async () => {
        const site = createMockSite({ generation, count: 40, seed: 5 });
        await withChromium({ site }, async (session) => {
          const { linkedin } = await firstConnectionCount(session, 40);
          const stored = await waitFor(
            async () => {
              const names = (await storedPeople(session)).map((person) => person.name);
              return HOSTILE_NAMES.every((name) => names.includes(name)) && names;
            },
            {
              what: "the hostile names to reach storage",
              describe: async () => (await storedPeople(session)).map((person) => person.name),
            },
          );
          assert.ok(stored.includes(HOSTILE_NAMES[0]));

          // The mock did put them on the page, as text: the check below is not vacuous.
          const onPage = await linkedin.evaluate(
            (names) =>
              names.filter((name) => document.querySelector("main").textContent.includes(name)),
            HOSTILE_NAMES,
          );
          assert.deepEqual(onPage, HOSTILE_NAMES);
          const hostileImg = await linkedin.evaluate(
            () => document.querySelectorAll('img[src="x"]').length,
          );
          assert.equal(hostileImg, 0, "an <img src=x> from a name was parsed into LinkedIn's page");
          assert.equal(await linkedin.evaluate(() => typeof window.__pwned), "undefined");
          assert.equal(await session.popupPage.evaluate(() => typeof window.__pwned), "undefined");

          const headline = "<b>Bold</b> claims & <i>more</i>";
          const people = await storedPeople(session);
          assert.ok(
            people.some((person) => person.headline === headline),
            `no stored person has the headline ${headline} verbatim`,
          );
        });
      },
    );
  }
});

describe("Chromium: the other pages the reader knows", () => {
  // 60 people listed, 1,234 stated: the follow pages and the profile only
  // need the totals, and past 500 the profile says "500+".
  const options = { generation: "sdui-2026", count: 60, statedTotal: 1234, seed: 7 };

  test(
    "the empty state shows before anything is read, and leaves once a page is read",
    TEST,
    async () => {
      const site = createMockSite(options);
      await withChromium({ site }, async (session) => {
        await session.openPopup();
        const before = await session.readPopup();
        assert.equal(before.visible["empty-state"], true);
        assert.equal(before.text["connection-count"], "");
        assert.equal(before.text["follower-count"], "");
        assert.equal(before.text["cap-headroom"], "");
        assert.equal(before.text["page-status"], "No LinkedIn page read yet.");
        assert.equal(before.visible["corrupt-notice"], false);

        await session.openLinkedIn(PATHS.connections);
        const after = await session.waitForPopup((p) => p.text["connection-count"] !== "", {
          what: "the first reading (live, without reopening the popup)",
        });
        assert.equal(after.visible["empty-state"], false);
        assert.equal(parseCount(after.text["connection-count"]), 1234);
      });
    },
  );

  for (const [page, testid] of [
    ["followers", "follower-count"],
    ["following", "following-count"],
  ]) {
    test(`the ${page} page fills ${testid} with the stated ${page}`, TEST, async () => {
      const site = createMockSite(options);
      const stated = site.stated[page];
      await withChromium({ site }, async (session) => {
        await session.openPopup();
        const { popup } = await popupCountFrom(session, PATHS[page], { [testid]: stated });
        assert.match(popup.text["page-status"], new RegExp(`${page} page`));
        assert.equal(
          popup.text["connection-count"],
          "",
          `the ${page} page gave a connection count`,
        );
      });
    });
  }

  test(
    "the ratio's lever is the core's band figure once connections and followers are read",
    TEST,
    async () => {
      const site = createMockSite(options);
      const followers = site.stated.followers;
      // What the core answers for these counts, worked out in node by the
      // same compiled core (tests/popup/core.mjs): the popup must say it.
      const { coreSummary } = await import("../popup/core.mjs");
      const { summary } = coreSummary({
        connections: formatCount(1234),
        followers: formatCount(followers),
        goal: "business-developer",
      });
      const { position, followersToBand, connectionsToBand } = summary.ratio;
      const expected =
        position === "below"
          ? `about ${formatCount(followersToBand)} more followers or ` +
            `${formatCount(connectionsToBand)} fewer connections`
          : position === "above"
            ? `about ${formatCount(connectionsToBand)} more connections`
            : "within your band";
      await withChromium({ site }, async (session) => {
        await session.openPopup();
        await popupCountFrom(session, PATHS.connections, { "connection-count": 1234 });
        await session.openLinkedIn(PATHS.followers);
        const popup = await session.waitForPopup(
          (p) => parseCount(p.text["follower-count"]) === followers && p.visible.ratio,
          { what: `follower-count ${formatCount(followers)} and the ratio` },
        );
        assert.match(popup.text.ratio, /\(1–1\.5:1\)/, "the default goal's band");
        assert.ok(popup.text.ratio.includes(expected), `${popup.text.ratio} / ${expected}`);
      });
    },
  );

  test(
    'the member\'s own profile gives "500+": the badge shows, connection-count stays empty ' +
      "until the connections page gives the exact figure, and a later 500+ does not hide it",
    TEST,
    async () => {
      const site = createMockSite(options);
      assert.equal(site.stated.shown.profileConnections, "500+");
      await withChromium({ site }, async (session) => {
        await session.openPopup();
        const tab = await session.openLinkedIn(site.member.profilePath);
        const fromProfile = await session.waitForPopup(
          (p) => parseCount(p.text["follower-count"]) === site.stated.followers,
          { what: "the profile's followers" },
        );
        assert.equal(fromProfile.text["connection-count"], "", "500+ is not an exact count");
        assert.equal(fromProfile.text["cap-headroom"], "", "headroom from 500+ would be invented");
        assert.match(fromProfile.text["badge-status"], /^500\+ badge shows$/);

        await session.openLinkedIn(PATHS.connections, tab);
        const exact = await session.waitForPopup(
          (p) => parseCount(p.text["connection-count"]) === 1234,
          { what: "connection-count 1,234 from the connections page" },
        );
        assert.equal(parseCount(exact.text["cap-headroom"]), CONNECTION_CAP - 1234);

        await session.openLinkedIn(site.member.profilePath, tab);
        const later = await session.waitForPopup(
          (p) => /your profile/.test(p.text["page-status"]),
          {
            what: "the second profile reading",
          },
        );
        assert.equal(parseCount(later.text["connection-count"]), 1234);
        assert.equal(parseCount(later.text["cap-headroom"]), CONNECTION_CAP - 1234);
      });
    },
  );

  test(
    "someone else's profile is never read: its counts never reach storage or the popup",
    TEST,
    async () => {
      const site = createMockSite(options);
      const other = site.people.find((person) => /^[a-z-]+-[0-9a-f]{6}$/.test(person.slug));
      const otherPage = site.handle(`https://www.linkedin.com${other.profilePath}`).body;
      const theirs = JSON.parse(
        /<script type="application\/json" id="mock-state">(.*?)<\/script>/s.exec(otherPage)[1],
      ).profile;
      assert.equal(theirs.own, false);
      assert.notEqual(theirs.followers, site.stated.shown.followers);

      await withChromium({ site }, async (session) => {
        await session.openPopup();
        const otherTab = await session.openLinkedIn(other.profilePath);
        await otherTab.waitForFunction(
          (name) => document.querySelector("main h1")?.textContent === name,
          theirs.name,
          { timeout: 10_000 },
        );
        // The member's own profile, opened after theirs had rendered: once its
        // reading lands, any reading of theirs (sent on the same schedule,
        // earlier) would have landed before it.
        await session.openLinkedIn(site.member.profilePath);
        const popup = await session.waitForPopup(
          (p) => parseCount(p.text["follower-count"]) === site.stated.followers,
          { what: "the member's own followers" },
        );
        assert.match(popup.text["page-status"], /your profile/);
        const stored = String(await session.storedNetwork());
        assert.ok(
          !stored.includes(theirs.followers),
          `their followers (${theirs.followers}) were stored`,
        );
        assert.ok(!stored.includes(other.slug), "their profile was stored");
      });
    },
  );

  test(
    "an unrecognised connections page: page-status says not recognised and connection-count stays empty",
    { timeout: 60_000 },
    async () => {
      const site = createMockSite({ ...options, unrecognised: true });
      await withChromium({ site }, async (session) => {
        await session.openPopup();
        const linkedin = await session.openLinkedIn(PATHS.connections);
        // The page does state "1,234 connections", in a layout no reader knows.
        await linkedin.waitForFunction(
          () => /1,234 connections/.test(document.body.textContent),
          null,
          {
            timeout: 10_000,
          },
        );
        await popupSaysUnrecognised(session);
        assert.deepEqual(await storedPeople(session), [], "people were read from it");
      });
    },
  );
});

describe("Chromium: state survives the background being stopped", () => {
  const GARBAGE = {
    version: 1,
    people: "this is not a map of people",
    readings: 42,
    note: "written by the e2e test as a corrupt snapshot",
  };

  /**
   * Reads a network of 60, lets `damage(session)` change what is stored,
   * stops the background and opens the popup; runs `body` once the popup
   * shows its corrupt-notice.
   */
  async function afterRestartWith(damage, what, body) {
    const site = createMockSite({ generation: "react-2025", count: 60, seed: 3 });
    await withChromium({ site }, async (session) => {
      const { linkedin } = await firstConnectionCount(session, 60);
      await linkedin.close();
      await damage(session);

      await session.stopServiceWorker();
      await session.openPopup();
      const popup = await session.waitForPopup((p) => p.visible["corrupt-notice"], { what });
      await body(session, popup);
    });
  }

  test(
    "a corrupt stored network shows corrupt-notice after a background restart, and its bytes are kept under corruptSnapshots",
    TEST,
    async () => {
      const junk = [0x4e, 0x50, 0x53, 0x4e, 0x41, 0x50, 1, 0, 0xff, 0xff];
      const damage = (session) => session.storeNetworkBytes(junk);
      await afterRestartWith(damage, "corrupt-notice", async (session, popup) => {
        assert.match(popup.text["corrupt-notice"], /kept aside/);
        assert.equal(popup.text["connection-count"], "");
        assert.equal(popup.visible["empty-state"], true);

        const stored = await session.storage();
        assert.ok(Array.isArray(stored.corruptSnapshots), "corruptSnapshots is not an array");
        const kept = stored.corruptSnapshots.at(-1);
        assert.equal(kept.encoding, "base64");
        assert.deepEqual([...Buffer.from(kept.raw, "base64")], junk);
        assert.equal(typeof kept.reason, "string");
        assert.equal(await session.storedNetwork(), undefined, "the junk is still the network");
      });
    },
  );

  test(
    "an unreadable JSON snapshot left by an earlier build is kept aside after a restart, and the stored network stays",
    TEST,
    async () => {
      const damage = (session) => session.setStorage({ snapshot: GARBAGE });
      await afterRestartWith(damage, "corrupt-notice", async (session, popup) => {
        assert.match(popup.text["corrupt-notice"], /kept aside/);
        const after = await session.waitForPopup((p) => p.text["connection-count"] !== "", {
          what: "the stored network's counts",
        });
        assert.equal(parseCount(after.text["connection-count"]), 60);
        const stored = await session.storage();
        assert.deepEqual(stored.corruptSnapshots.at(-1).raw, GARBAGE);
        assert.equal("snapshot" in stored, false, "the garbage is still in storage.local");
      });
    },
  );

  test(
    "a snapshot made by a newer netprune is kept aside as newer, never overwritten, and offered for download",
    TEST,
    async () => {
      const newer = JSON.stringify({ version: 99, people: "a shape this version does not know" });
      const damage = (session) => session.setStorage({ snapshot: newer });
      await afterRestartWith(damage, "the kept-aside notice", async (session, popup) => {
        assert.match(popup.text["corrupt-notice"], /made by a newer netprune/);
        assert.match(popup.text["corrupt-notice"], /never overwritten/);
        assert.doesNotMatch(popup.text["corrupt-notice"], /could not be read/);

        const stored = await session.storage();
        const kept = stored.corruptSnapshots.at(-1);
        assert.equal(kept.kind, "newer");
        assert.equal(kept.raw, newer, "the newer snapshot was changed");
        const copy = await session.popupPage.evaluate(
          (keptAs) => globalThis.chrome.runtime.sendMessage({ type: "kept-snapshot", keptAs }),
          kept.keptAs,
        );
        assert.equal(copy.ok, true, copy.error);
        assert.equal(copy.raw, newer);
        assert.equal(copy.kind, "newer");
        assert.equal(
          await session.popupPage.getByTestId("kept-snapshot-download").isVisible(),
          true,
        );
      });
    },
  );

  test(
    "the JSON snapshot an earlier build stored is migrated at the next wake: every person, keep and saved query, and storage.local.snapshot is gone",
    TEST,
    async () => {
      const site = createMockSite({ generation: "react-2025", count: 60, seed: 8 });
      await withChromium({ site }, async (session) => {
        const { linkedin } = await firstConnectionCount(session, 60);
        await linkedin.close();
        // What an earlier build kept: the network as JSON in storage.local,
        // with a kept person and a saved query, and nothing in IndexedDB.
        const old = JSON.parse(await session.storedNetwork());
        assert.ok(old.people.length > 0, "nobody was read");
        old.people[0].kept = true;
        old.savedQueries = [{ name: "old ones", query: "before:5y" }];
        const json = JSON.stringify(old);
        await session.stopServiceWorker();
        await session.forgetStoredNetworks();
        await session.setStorage({ snapshot: json });

        await session.openPopup();
        const popup = await session.waitForPopup((p) => p.text["connection-count"] !== "", {
          what: "the migrated network's counts",
        });
        assert.equal(parseCount(popup.text["connection-count"]), 60);
        assert.equal(popup.visible["corrupt-notice"], false);
        const stored = await session.storage();
        assert.equal("snapshot" in stored, false, "the old JSON is still in storage.local");
        assert.equal(typeof stored.networkRevision, "number");
        assert.equal(await session.storedNetwork(), json, "the migration changed the network");
        const review = await session.openReview();
        const state = await settledReview(review);
        assert.equal(state.resultCount, String(old.people.length));
      });
    },
  );

  test(
    "the background survives a service-worker stop: the popup restores the counts from storage and readings still land",
    TEST,
    async () => {
      const site = createMockSite({ generation: "artdeco", count: 1234, seed: 4 });
      await withChromium({ site }, async (session) => {
        const { linkedin, popup: before } = await firstConnectionCount(session, 1234);
        await linkedin.close();

        await session.stopServiceWorker();
        assert.equal(await session.serviceWorkerRunning(), false);
        await session.openPopup();
        const after = await session.waitForPopup((p) => p.text["connection-count"] !== "", {
          what: "the counts after the restart",
        });
        assert.equal(
          await session.serviceWorkerRunning(),
          true,
          "the popup did not wake the worker",
        );
        assert.deepEqual(countLine(after), countLine(before));
        assert.equal(after.text["page-status"], before.text["page-status"]);

        await session.openLinkedIn(PATHS.followers);
        await session.waitForPopup(
          (p) => parseCount(p.text["follower-count"]) === site.stated.followers,
          {
            what: "a reading after the restart",
          },
        );
      });
    },
  );
});

describe("Chromium: accessibility", () => {
  test(
    "axe-core finds no serious or critical violations in the popup, light and dark: empty, filled, and with a warning",
    { timeout: 90_000 },
    async () => {
      // Followers fewer than connections: a partial reading, so the consistency warning shows.
      const site = createMockSite({
        generation: "sdui-2026",
        count: 60,
        statedTotal: 1234,
        seed: 9,
      });
      await withChromium({ site }, async (session) => {
        await session.openPopup();
        await checkBothSchemes(session.popupPage, "empty");

        const { tab } = await popupCountFrom(session, PATHS.connections, {
          "connection-count": 1234,
        });
        await session.openLinkedIn(PATHS.followers, tab);
        const filled = await session.waitForPopup(
          (p) => p.visible.ratio && parseCount(p.text["follower-count"]) === site.stated.followers,
          { what: "counts and the ratio" },
        );
        assert.equal(filled.visible["consistency-warning"], false);
        await checkBothSchemes(session.popupPage, "filled");

        session.site = createMockSite({
          generation: "sdui-2026",
          count: 60,
          statedTotal: 1234,
          followers: 900,
          seed: 9,
        });
        await session.openLinkedIn(PATHS.followers, tab);
        await session.waitForPopup((p) => p.visible["consistency-warning"], {
          what: "the consistency warning",
        });
        await checkBothSchemes(session.popupPage, "warning");
      });
    },
  );
});
