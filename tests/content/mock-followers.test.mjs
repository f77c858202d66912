// The mock site's followers page (`createMockSite({ followersList })`, issue
// 13): its rows (connections and strangers, a company, the three states of
// the follow-back button), its options and their checks, and what it serves
// in each generation. The mock alone: no content script.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CHECKPOINT_PATH, createMockSite, PATHS } from "../mock-site/site.mjs";

const ORIGIN = "https://www.linkedin.com";
/** The page's data, as its own scripts read it. */
const pageState = (body) =>
  JSON.parse(/<script type="application\/json" id="mock-state">(.*?)<\/script>/s.exec(body)[1]);
const followersPage = (site) => site.handle(`${ORIGIN}${PATHS.followers}`).body;

describe("the mock's followers page", () => {
  test("without `followersList` the followers page is the card list it always was", () => {
    const site = createMockSite({ count: 20 });
    const body = followersPage(site);
    assert.ok(body.includes("/__mock__/network-manager.js"));
    assert.ok(!body.includes("/__mock__/followers.js"));
    assert.equal(site.followers, null);
  });

  test("lists connections and strangers one in two, a company among them, at the real path", () => {
    const site = createMockSite({ count: 40, followersList: { count: 20 } });
    const body = followersPage(site);
    assert.ok(body.includes("/__mock__/followers.js"));
    const people = site.followers.filter((row) => row.member);
    assert.equal(people.length, 20);
    assert.equal(site.followers.length, 21);
    assert.equal(people.filter((row) => row.connection).length, 10);
    const connections = new Set(site.people.map((person) => person.slug));
    for (const row of people) assert.equal(connections.has(row.slug), row.connection, row.slug);
    assert.equal(new Set(site.followers.map((row) => row.slug)).size, 21, "slugs are unique");
    assert.ok(
      site.followers.filter((row) => !row.member).every((row) => row.href.includes("/company/")),
    );
    assert.deepEqual(
      new Set(people.map((row) => row.followsBack)),
      new Set([true, false, null]),
      "Following, Follow and no button all occur",
    );
    const state = pageState(body);
    assert.equal(state.route, "followers");
    assert.equal(state.followersList.generation, "search-entity");
    assert.equal(state.followersList.checkpoint, CHECKPOINT_PATH);
    assert.equal(state.followersList.rows.length, 21);
  });

  test("serves each generation and its faults, and refuses unknown options", () => {
    const site = createMockSite({
      followersList: { generation: "follows-cards", faults: { checkpointAt: 5, stallAt: 9 } },
    });
    const state = pageState(followersPage(site)).followersList;
    assert.equal(state.generation, "follows-cards");
    assert.deepEqual(state.faults, { checkpointAt: 5, stallAt: 9 });
    assert.throws(() => createMockSite({ followersList: { generation: "sdui-2026" } }), /unknown/);
    assert.throws(
      () => createMockSite({ followersList: { faults: { limitAfter: 1 } } }),
      /unknown/,
    );
    assert.throws(() => createMockSite({ followersList: { faults: { stallAt: -1 } } }), /count/);
    assert.throws(() => createMockSite({ followersList: { paging: "wheel" } }), /paging/);
  });
});
