// Followers read person by person end to end (issue 13): the member opens
// the mock followers page (served at the real LinkedIn URL), collects it
// from the review page, and the popup and the review page then show the
// followers one by one: "N of M followers read are not connections", and
// `is:follower -is:connection` finds exactly the followers who are not
// connections. Nothing on the followers page is pressed but its own load
// button; nobody is blocked or removed. In Chromium and Firefox.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PATHS,
  countingSite,
  fastConnectionsPage,
  parseCount,
  readReview,
  waitFor,
  withChromium,
  withFirefox,
} from "./harness.mjs";

/** 8 connections; 10 followers (4 of them connections) in loads of 4, and one company row. */
const followersSite = (seed) =>
  countingSite({
    generation: "react-2025",
    count: 8,
    seed,
    pageSize: 8,
    followersList: { count: 10, connections: 4, companies: 1, pageSize: 4, paging: "load-more" },
  });

/** The followers who are not connections, as the site made them. */
const strangers = (site) =>
  site.followers
    .filter((row) => row.member && !row.connection)
    .map((row) => row.slug.toLowerCase())
    .sort();

/** Waits until the followers list's run has ended, and returns it. */
function followersCollected(session) {
  return waitFor(
    async () => {
      const { listCollects } = await session.storage();
      const run = listCollects?.followers;
      return run && !run.running && run.outcome ? run : null;
    },
    {
      what: "the followers list read to its end",
      timeout: 90_000,
      interval: 500,
      describe: async () => (await session.storage()).listCollects,
    },
  );
}

/** Waits until the popup says how many followers were read, and returns its state. */
async function popupFollowers(session) {
  await session.openPopup();
  return session.waitForPopup(
    (state) => state.visible["followers-listed"] && state.text["followers-listed"] !== "",
    { what: "the followers read", timeout: 30_000 },
  );
}

/** What both browsers check once the list is collected. */
async function checkCollected(session, site, run) {
  assert.equal(run.outcome, "end-of-list", run.reason ?? "");
  assert.ok(!run.noLongerListed, "a first run drops nobody");
  const popup = await popupFollowers(session);
  assert.equal(parseCount(popup.text["followers-listed"]), 10);
  assert.equal(parseCount(popup.text["followers-listed-not-connections"]), strangers(site).length);
  // Nothing was pressed that changes anyone: no removal, no unfollow.
  assert.equal(site.removed.size, 0);
  assert.equal(site.unfollowed.size, 0);
}

test("chromium: the followers page is collected from the review page, and is:follower -is:connection finds the followers who are not connections", async () => {
  const site = followersSite(131);
  await withChromium({ site }, async (session) => {
    await fastConnectionsPage(session, site, 200);
    const followers = await session.openLinkedIn(PATHS.followers);
    const review = await session.openReview();
    const button = review.getByTestId("collect-followers");
    await button.waitFor({ state: "visible" });
    // The page's first reading tells the background which tab shows it.
    await waitFor(
      async () => {
        if (await button.isEnabled()) await button.click();
        const { listCollects } = await session.storage();
        return listCollects?.followers ?? null;
      },
      { what: "the followers tab to take the collection", timeout: 30_000, interval: 1_000 },
    );
    // LinkedIn renders nothing in a hidden tab: the list is read in view.
    await followers.bringToFront();
    const run = await followersCollected(session);
    await review.bringToFront();
    await waitFor(
      async () =>
        /end of the list/.test(await review.getByTestId("collect-followers-status").textContent()),
      { what: "the run's status on the review page" },
    );
    await checkCollected(session, site, run);

    await review.bringToFront();
    await review.getByTestId("filter-input").fill("is:follower -is:connection");
    await waitFor(
      async () =>
        parseCount(await review.getByTestId("result-count").textContent()) ===
        strangers(site).length,
      { what: "the followers who are not connections" },
    );
    const rows = (await readReview(review)).rows;
    assert.deepEqual(rows.map((row) => row.slug?.toLowerCase()).sort(), strangers(site));
    assert.equal(
      await followers.evaluate(() => globalThis.__pwned),
      undefined,
      "nothing the page holds ran",
    );
  });
});

test("firefox: the followers page is collected, and is:follower -is:connection finds the followers who are not connections", async () => {
  const site = followersSite(132);
  await withFirefox({ site }, async (session) => {
    await fastConnectionsPage(session, site, 200);
    await session.openLinkedIn(PATHS.followers);
    // The message the review page's "Collect followers" sends.
    await waitFor(
      async () => (await session.ask({ type: "collect-start", list: "followers" }))?.ok,
      { what: "the followers tab to take the collection", timeout: 30_000, interval: 1_000 },
    );
    await session.showLinkedIn();
    const run = await followersCollected(session);
    await checkCollected(session, site, run);

    await session.openReview();
    const shown = await session.typeQuery("is:follower -is:connection");
    assert.equal(parseCount(shown.resultCount), strangers(site).length);
    const rows = await session.allReviewRows();
    assert.deepEqual(rows.map((row) => row.slug?.toLowerCase()).sort(), strangers(site));
  });
});
