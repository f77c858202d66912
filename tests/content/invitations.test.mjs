// The sent invitations page (issue 13): each markup generation read into
// `invitations[]` (never a note's text, hostile names as data), its total
// and `listEnd`, only new rows sent, the URL variants recognised, and a
// collect run over the whole list to its end (artdeco's numbered pages
// included), against the mock site's page.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMockSite, PATHS } from "../mock-site/site.mjs";
import { collectRun, openPage, sleep, waitFor } from "./harness.mjs";

const GENERATIONS = ["artdeco", "react-2025", "sdui-2026"];

const expectedRow = (generation, invitation) => ({
  profileUrl: invitation.profileHref,
  name: invitation.name,
  // Only artdeco shows a headline by a known selector (research I4).
  headline: generation === "artdeco" ? invitation.headline : null,
  sentText: invitation.sentText,
  // A note's sign: artdeco's container, react-2025's expandable box; none in 2026.
  hasNote: generation === "sdui-2026" ? null : invitation.note !== null,
});

const rowsRead = (page) => page.readings().flatMap((reading) => reading.invitations ?? []);

async function openInvitations(siteOptions, pageOptions = {}, path = PATHS.invitations) {
  const site = createMockSite({ renderDelayMs: 50, pageDelayMs: 20, ...siteOptions });
  const page = await openPage(site, path, pageOptions);
  await page.waitForMessages(1);
  return { site, page };
}

describe("the sent invitations page", () => {
  for (const generation of GENERATIONS) {
    test(`reads each row of ${generation}, with no note's text and hostile names as data`, async () => {
      const { site, page } = await openInvitations({ generation, invitations: 8 });
      try {
        await sleep(600);
        const readings = page.readings();
        assert.ok(readings.length >= 1);
        for (const reading of readings) {
          assert.equal(reading.page, "invitations");
          assert.equal(reading.generation, generation);
          assert.deepEqual(reading.cards, [], "invitees are not connection cards");
          assert.equal(typeof reading.listEnd, "boolean");
        }
        assert.deepEqual(
          rowsRead(page),
          site.invitations.map((invitation) => expectedRow(generation, invitation)),
        );
        const sent = JSON.stringify(page.calls);
        assert.ok(
          site.invitations.some((i) => i.note !== null),
          "the mock sends notes",
        );
        assert.doesNotMatch(sent, /NOTE-TEXT/, "no note's text is ever sent");
        assert.equal(page.window.__pwned, undefined, "a hostile name stays text");
        // Every row was read, so the end of the list is on screen.
        assert.equal(readings.at(-1).listEnd, true);
      } finally {
        page.close();
      }
    });
  }

  test("sends the total as shown, and none where the markup states none (artdeco)", async () => {
    for (const generation of GENERATIONS) {
      const { page } = await openInvitations({
        generation,
        invitations: 1234,
        invitationPageSize: 5,
      });
      try {
        const total = page.readings()[0].counts.invitations;
        assert.equal(total, generation === "artdeco" ? null : "1,234", generation);
        assert.equal(page.readings()[0].listEnd, false, `${generation}: more rows to come`);
      } finally {
        page.close();
      }
    }
  });

  test("sends only new rows, as the connections page does", async () => {
    const { site, page } = await openInvitations({ generation: "react-2025", invitations: 25 });
    try {
      const firstBatch = rowsRead(page).length;
      assert.equal(firstBatch, 10);
      for (let i = 0; i < 2; i += 1) {
        const more = [...page.document.querySelectorAll("main button")].find(
          (button) => button.textContent.trim() === "Load more",
        );
        more?.click();
        await sleep(300);
      }
      await waitFor(() => rowsRead(page).length === 25, "all 25 rows read");
      const urls = rowsRead(page).map((row) => row.profileUrl);
      assert.equal(new Set(urls).size, urls.length, "no row sent twice");
      assert.deepEqual(
        urls,
        site.invitations.map((i) => i.profileHref),
      );
    } finally {
      page.close();
    }
  });

  for (const path of [
    `${PATHS.invitations}?invitationType=CONNECTION`,
    `${PATHS.invitations}?filterCriteria=&invitationType=&page=1`,
    "/mynetwork/invitation-manager/sent",
  ]) {
    test(`recognises ${path}`, async () => {
      const { page } = await openInvitations({ generation: "artdeco", invitations: 3 }, {}, path);
      try {
        assert.equal(page.readings()[0].page, "invitations");
        assert.equal(rowsRead(page).length, 3);
      } finally {
        page.close();
      }
    });
  }

  test("invitees are people who are not connections", () => {
    const site = createMockSite({ count: 60, invitations: 40 });
    const connections = new Set(site.people.map((person) => person.slug));
    assert.equal(site.invitations.length, 40);
    for (const invitation of site.invitations) assert.ok(!connections.has(invitation.slug));
    const ages = site.invitations.map((i) => i.sentDaysAgo);
    assert.deepEqual(
      ages,
      [...ages].sort((a, b) => a - b),
      "newest first",
    );
    assert.equal(site.invitations[0].sentText, "Sent today");
    assert.ok(ages.at(-1) > 90, "the oldest were sent months ago");
  });

  test("the mock's withdraw endpoint counts each POST and refuses what it cannot do", () => {
    const site = createMockSite({ invitations: 3 });
    const url = "https://www.linkedin.com/__mock__/withdraw";
    const [first] = site.invitations;
    assert.equal(site.handle(url), null, "a GET is no request to it");
    assert.equal(site.handle(url, { method: "POST", body: "nobody-123456" }).status, 404);
    assert.equal(site.handle(url, { method: "POST", body: first.slug }).status, 200);
    assert.equal(site.handle(url, { method: "POST", body: first.slug }).status, 404, "already");
    assert.deepEqual([...site.withdrawn], [first.slug]);
    assert.equal(site.withdrawPosts.get(first.slug), 2);
    assert.equal(site.removed.size, 0);
    assert.throws(
      () => createMockSite({ invitationFaults: { nope: true } }),
      /unknown invitation fault/,
    );
    assert.throws(() => createMockSite({ invitationFaults: { checkpointAfter: -1 } }), /count/);
  });

  test("the connections page's readings are unchanged: no invitations, no listEnd", async () => {
    const site = createMockSite({ renderDelayMs: 50, count: 5 });
    const page = await openPage(site, PATHS.connections);
    try {
      await page.waitForMessages(1);
      const reading = page.readings()[0];
      assert.equal(reading.page, "connections");
      assert.ok(!("invitations" in reading) && !("listEnd" in reading));
      assert.deepEqual(Object.keys(reading.counts), ["connections", "followers", "following"]);
    } finally {
      page.close();
    }
  });
});

/**
 * A stand-in background that counts the rows received while collecting
 * and never says the run is done: only the content script can end it.
 */
function background() {
  const state = { seen: new Set(), ended: [], lastListEnd: null };
  state.answer = (message) => {
    if (message.type === "collect-ended") state.ended.push(message);
    else if (message.type === "page-reading") {
      for (const row of message.reading.invitations ?? []) state.seen.add(row.profileUrl);
      state.lastListEnd = message.reading.listEnd;
    }
    return Promise.resolve({
      ok: true,
      collect: { running: state.ended.length === 0, done: false },
    });
  };
  return state;
}

describe("collecting the sent invitations list", () => {
  for (const generation of GENERATIONS) {
    test(`reads ${generation}'s whole list to its end and says so, naming the list`, async () => {
      const stand = background();
      const { site, page } = await openInvitations(
        { generation, invitations: 34, invitationPageSize: 10 },
        { layout: true, answer: (message) => stand.answer(message) },
      );
      const clicks = [];
      page.document.addEventListener("click", (event) => clicks.push(event.target), true);
      try {
        const answer = await page.tell({
          ...collectRun({ delayMs: 10, stallMs: 2000 }),
          list: "invitations",
        });
        assert.deepEqual(answer, { ok: true });
        await waitFor(() => stand.ended.length > 0, "collect-ended", 60_000);
        assert.equal(stand.ended.length, 1);
        const [ended] = stand.ended;
        assert.equal(ended.list, "invitations");
        assert.equal(ended.outcome, "end-of-list", ended.reason);
        assert.deepEqual(stand.seen, new Set(site.invitations.map((i) => i.profileHref)));
        assert.equal(stand.lastListEnd, true, "the last reading says the list ended");
        for (const target of clicks) {
          const control = target.closest("button, a");
          const name = control?.textContent.trim();
          assert.ok(
            name === "Load more" || name === "Next",
            `collecting pressed only the list's own controls, not ${name}`,
          );
        }
        assert.equal(site.withdrawn.size, 0);
      } finally {
        page.close();
      }
    });
  }

  test("collecting artdeco's list opened on its third page goes back to page 1 first", async () => {
    const stand = background();
    const { site, page } = await openInvitations(
      { generation: "artdeco", invitations: 34, invitationPageSize: 10 },
      { layout: true, answer: (message) => stand.answer(message) },
      `${PATHS.invitations}?page=3`,
    );
    try {
      assert.deepEqual(
        page.readings()[0].invitations.map((row) => row.profileUrl),
        site.invitations.slice(20, 30).map((i) => i.profileHref),
        "the page opened on page 3",
      );
      await page.tell({ ...collectRun({ delayMs: 10, stallMs: 2000 }), list: "invitations" });
      await waitFor(() => stand.ended.length > 0, "collect-ended", 60_000);
      assert.equal(stand.ended[0].outcome, "end-of-list", stand.ended[0].reason);
      assert.deepEqual(stand.seen, new Set(site.invitations.map((i) => i.profileHref)));
    } finally {
      page.close();
    }
  });

  test("refuses a list the tab does not show, and a list it does not know", async () => {
    const { page } = await openInvitations({ generation: "sdui-2026", invitations: 3 });
    try {
      const connections = await page.tell({ ...collectRun(), list: "connections" });
      assert.equal(connections.ok, false);
      assert.match(connections.error, /connections/);
      const absent = await page.tell(collectRun());
      assert.equal(absent.ok, false, "absent means the connections list");
      const unknown = await page.tell({ ...collectRun(), list: "pages" });
      assert.equal(unknown.ok, false);
    } finally {
      page.close();
    }
  });
});
