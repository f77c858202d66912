// The built extension (dist/netprune-firefox.zip) in headless Firefox ESR, as
// a temporary add-on, on the mock LinkedIn site served over HTTPS at
// https://www.linkedin.com/ (resolved to a loopback address). Each test
// starts a fresh Firefox profile and mock server.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/

import { describe, test } from "node:test";
import assert from "node:assert/strict";

import {
  countTestName,
  createMockSite,
  HOSTILE_NAMES,
  NETWORKS,
  parseCount,
  PATHS,
  popupCountFrom,
  popupSaysUnrecognised,
  popupShowsNetwork,
  waitFor,
  withFirefox,
} from "./harness.mjs";

/* global document, window */

const TEST = { timeout: 90_000 };

describe("Firefox: the connections page, in every markup generation", () => {
  for (const network of NETWORKS) {
    const { count } = network;
    const small = count < 500;
    test(countTestName(network) + (small ? "; hostile names stay text" : ""), TEST, async () => {
      const site = createMockSite(network);
      await withFirefox({ site }, async (session) => {
        await popupShowsNetwork(session, network);

        if (!small) return;
        // The small networks' first page carries the mock's hostile names.
        const names = await waitFor(
          async () => {
            const snapshot = await session.storedNetwork();
            const people = typeof snapshot === "string" ? JSON.parse(snapshot).people : [];
            const stored = people.map((person) => person.name);
            return HOSTILE_NAMES.every((name) => stored.includes(name)) && stored;
          },
          { what: "the hostile names to reach storage verbatim" },
        );
        assert.ok(names.length > 0);
        // Firefox keeps the network in storage.local (lib/network-store.js:
        // its extension IndexedDB is private per window and emptied at quit
        // under "Never remember history"), never as the old JSON.
        const stored = await session.storage();
        assert.equal(typeof stored["stored:active"]?.base64, "string");
        assert.equal(stored["stored:active"].revision, stored.networkRevision);
        assert.equal("snapshot" in stored, false);
        const page = await session.inLinkedIn(() => ({
          pwned: typeof window.__pwned,
          injectedImages: document.querySelectorAll('img[src="x"]').length,
          text: document.querySelector("main").textContent,
        }));
        assert.equal(page.pwned, "undefined");
        assert.equal(page.injectedImages, 0);
        for (const name of HOSTILE_NAMES)
          assert.ok(page.text.includes(name), `${name} not on the page`);
      });
    });
  }
});

describe("Firefox: the other pages", () => {
  const options = { generation: "artdeco", count: 60, statedTotal: 1234, seed: 7 };

  test("the followers page fills follower-count with the stated followers", TEST, async () => {
    const site = createMockSite(options);
    const followers = site.stated.followers;
    await withFirefox({ site }, async (session) => {
      await session.openPopup();
      assert.equal((await session.readPopup()).visible["empty-state"], true);
      const { popup } = await popupCountFrom(session, PATHS.followers, {
        "follower-count": followers,
      });
      assert.match(popup.text["page-status"], /followers page/);
      assert.equal(popup.text["connection-count"], "");
    });
  });

  test(
    'the member\'s own profile gives "500+": the badge shows and connection-count stays empty',
    TEST,
    async () => {
      const site = createMockSite(options);
      await withFirefox({ site }, async (session) => {
        await session.openPopup();
        await session.openLinkedIn(site.member.profilePath);
        const popup = await session.waitForPopup(
          (p) => parseCount(p.text["follower-count"]) === site.stated.followers,
          { what: "the profile's followers" },
        );
        assert.equal(popup.text["connection-count"], "", "500+ is not an exact count");
        assert.equal(popup.text["cap-headroom"], "");
        assert.match(popup.text["badge-status"], /^500\+ badge shows$/);
        assert.match(popup.text["page-status"], /your profile/);
      });
    },
  );

  test(
    "an unrecognised connections page: page-status says not recognised and connection-count stays empty",
    TEST,
    async () => {
      const site = createMockSite({ ...options, unrecognised: true });
      await withFirefox({ site }, async (session) => {
        await session.openPopup();
        await session.openLinkedIn(PATHS.connections);
        await waitFor(
          () => session.inLinkedIn(() => /1,234 connections/.test(document.body.textContent)),
          { what: "the unrecognised page to state its total" },
        );
        await popupSaysUnrecognised(session);
      });
    },
  );
});
