// The mock site's following page (`createMockSite({ follows })`, issue 13):
// its rows (connections and strangers, a few companies), its options and
// their checks, and POST /__mock__/unfollow, which remembers who was
// unfollowed as LinkedIn's backend would. The mock alone: no content script.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CHECKPOINT_PATH, createMockSite, PATHS } from "../mock-site/site.mjs";

const ORIGIN = "https://www.linkedin.com";
const post = (site, slug) =>
  site.handle(`${ORIGIN}/__mock__/unfollow`, { method: "POST", body: slug });
const answer = (response) => JSON.parse(response.body);
/** The page's data, as its own scripts read it. */
const pageState = (body) =>
  JSON.parse(/<script type="application\/json" id="mock-state">(.*?)<\/script>/s.exec(body)[1]);
const followingPage = (site) => site.handle(`${ORIGIN}${PATHS.following}`).body;

describe("the mock's following page", () => {
  test("without `follows` the following page is the card list it always was", () => {
    const site = createMockSite({ count: 20 });
    const body = followingPage(site);
    assert.ok(body.includes("/__mock__/network-manager.js"));
    assert.ok(!body.includes("/__mock__/following.js"));
    assert.equal(site.follows, null);
    assert.equal(post(site, site.people[0].slug), null, "no unfollow endpoint");
    assert.equal(site.stated.following, Math.floor(20 * 1.1) + 12);
  });

  test("lists connections and strangers one in two, with companies among them", () => {
    const site = createMockSite({ count: 40, follows: { count: 20, companies: 3 } });
    const people = site.follows.filter((row) => row.member);
    assert.equal(people.length, 20);
    assert.equal(site.follows.length, 23);
    assert.equal(people.filter((row) => row.connection).length, 10);
    const connections = new Set(site.people.map((person) => person.slug));
    for (const row of people) assert.equal(connections.has(row.slug), row.connection, row.slug);
    assert.equal(new Set(site.follows.map((row) => row.slug)).size, 23, "slugs are unique");
    assert.ok(
      site.follows.filter((row) => !row.member).every((row) => row.href.includes("/company/")),
    );
    assert.equal(site.stated.following, 20);
    assert.ok(site.follows[0].href.startsWith(`${ORIGIN}/in/`), "2026 links by whole URL");
    const older = createMockSite({ follows: { generation: "classic-2025" } });
    assert.ok(older.follows[0].href.startsWith("/in/"), "2025 links by path");
    assert.ok(followingPage(site).includes("/__mock__/following.js"));
  });

  test("refuses unknown options", () => {
    assert.throws(
      () => createMockSite({ follows: { generation: "sdui-2026" } }),
      /follows.generation/,
    );
    assert.throws(() => createMockSite({ follows: { unfollow: "sometimes" } }), /follows.unfollow/);
    assert.throws(() => createMockSite({ follows: { paging: "wheel" } }), /follows.paging/);
    assert.throws(
      () => createMockSite({ follows: { faults: { staleTotal: true } } }),
      /unknown follows fault/,
    );
  });

  test("the unfollow endpoint remembers who was unfollowed, counts every post, and the page drops them", () => {
    const site = createMockSite({ follows: { count: 10 } });
    const [first, second] = site.follows.filter((row) => row.member);
    const company = site.follows.find((row) => !row.member);
    assert.deepEqual(answer(post(site, first.slug)), { ok: true, limitReached: false });
    assert.equal(post(site, first.slug).status, 404, "unfollowed already");
    assert.equal(post(site, company.slug).status, 404, "a company is not unfollowed here");
    assert.equal(post(site, "nobody-123").status, 404);
    assert.deepEqual([...site.unfollowed], [first.slug]);
    assert.deepEqual([...site.unfollowPosts], [[first.slug, 2]]);
    assert.equal(site.handle(`${ORIGIN}/__mock__/unfollow`), null, "a GET is not served");
    const state = pageState(followingPage(site));
    const hrefs = state.following.rows.map((row) => row[0]);
    assert.ok(!hrefs.includes(first.href));
    assert.ok(hrefs.includes(second.href));
    assert.equal(state.shown.following, "9", "the stated total drops");
  });

  test("a checkpoint or a limit answers the unfollow endpoint once reached", () => {
    const checkpoint = createMockSite({ follows: { faults: { checkpointAfter: 1 } } });
    const [a, b] = checkpoint.follows.filter((row) => row.member);
    assert.equal(answer(post(checkpoint, a.slug)).ok, true);
    assert.deepEqual(answer(post(checkpoint, b.slug)), { ok: false, checkpoint: CHECKPOINT_PATH });
    assert.deepEqual([...checkpoint.unfollowed], [a.slug]);
    const limited = createMockSite({ follows: { faults: { limitAfter: 1 } } });
    const [c, d] = limited.follows.filter((row) => row.member);
    assert.deepEqual(answer(post(limited, c.slug)), { ok: true, limitReached: true });
    assert.deepEqual(answer(post(limited, d.slug)), { ok: false, limitReached: true });
    assert.deepEqual([...limited.unfollowed], [c.slug]);
  });
});
