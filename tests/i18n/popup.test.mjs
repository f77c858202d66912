// The popup in every language netprune ships besides English: opened in
// jsdom with that language's messages.json, driven through its main states
// (nothing read; a full network with history, collection and a notice; a
// running queue with its list and the cancel question; a queue paused for
// trouble, with the cool-down; a queue waiting for the connections page;
// the background unreachable), it must show no English word of
// en/messages.json that the language words differently, and never ask for a
// key no messages.json holds.
import assert from "node:assert/strict";
import test from "node:test";

import { missingKeys } from "../../extension/lib/i18n.js";
import {
  ENTRIES,
  collectRun,
  entry,
  kindLine,
  readRelations,
  count,
  emptySummary,
  openPopup,
  paused,
  queueStore,
  stubExtension,
  withHistory,
  HOUR,
} from "../popup/helpers.mjs";
import { byTestId, click, settle } from "../review/dom.mjs";
import { LANGUAGES } from "./messages.mjs";
import { untranslated } from "./untranslated.mjs";

/** Names and other data the popup shows as given (not UI words). */
const DATA = ENTRIES.map((entry) => entry.name);

async function popupIn(t, language, summary, stored = {}) {
  const extension = stubExtension(
    (message) =>
      message.type === "get-summary" ? { ok: true, summary } : { ok: true, cancelled: 2 },
    { stored: { summary, ...stored }, language },
  );
  const opened = await openPopup(t, extension);
  await opened.popup.cached;
  await settle();
  return opened;
}

function assertTranslated(doc, language, state) {
  assert.deepEqual(untranslated(doc, language, DATA), [], `${language}, ${state}`);
  assert.deepEqual([...missingKeys], [], `${language}, ${state}: keys no messages.json holds`);
}

for (const language of LANGUAGES.filter((l) => l !== "en")) {
  test(`the popup in ${language} shows no English: empty, full, queue running, paused, errors`, async (t) => {
    // Nothing read yet.
    let { doc } = await popupIn(t, language, emptySummary());
    assert.equal(doc.documentElement.lang, language.replace("_", "-"));
    assertTranslated(doc, language, "nothing read");

    // A full network with history, a finished collection, a kept-aside file,
    // approximate and floor figures, the badge not yet there.
    const full = withHistory();
    full.followers = count(3400, "3.4K", "followers-page", "approximate");
    full.following = count(500, "500+", "profile", "at-least", 3 * HOUR);
    full.badge = { status: "not-yet", connectionsNeeded: 12 };
    full.cap = { limit: 30000, headroom: 700, atCap: false };
    full.owner = "ada-lovelace";
    full.ratio.position = "below";
    full.ratio.followersToBand = 40;
    full.ratio.connectionsToBand = 25;
    full.corrupt = { kind: "newer", reason: "version 9", keptAs: "k1" };
    ({ doc } = await popupIn(t, language, full, {
      collect: collectRun({ running: false, outcome: "complete", gone: 3, endedAtMs: Date.now() }),
    }));
    assertTranslated(doc, language, "full network");

    // Only the profile's "500+" known, some people read: the coverage line
    // without a total, the dash and link of the unread figures.
    const floor = emptySummary({
      connections: count(500, "500+", "profile", "at-least"),
      peopleRead: 30,
      consistency: { status: "consistent", problems: [] },
    });
    ({ doc } = await popupIn(t, language, floor));
    assertTranslated(doc, language, "only a floor, some people read");
    ({ doc } = await popupIn(t, language, { ...floor, peopleRead: 1 }));
    assertTranslated(doc, language, "only a floor, one person read");

    // Readings that do not add up, a page not recognised, the cap reached,
    // a collection under way, data that could not be read.
    const odd = withHistory();
    odd.consistency = { status: "partial", problems: [] };
    odd.ratio = null;
    odd.badge = { status: "unknown", connectionsNeeded: null };
    odd.cap = { limit: 30000, headroom: 0, atCap: true };
    odd.page = { ...odd.page, status: "unrecognised", reason: null };
    odd.corrupt = { kind: "unreadable", reason: "x", keptAs: "k2" };
    ({ doc } = await popupIn(t, language, odd, {
      collect: collectRun({ target: null }),
    }));
    assertTranslated(doc, language, "readings that do not add up, page not recognised");
    const aboveBand = withHistory();
    aboveBand.ratio = { ...aboveBand.ratio, position: "above", connectionsToBand: 30 };
    aboveBand.page = { ...aboveBand.page, generation: "unknown-2030" };
    ({ doc } = await popupIn(t, language, aboveBand, {
      collect: collectRun({ running: false, outcome: "stopped" }),
    }));
    assertTranslated(doc, language, "above the band, an unknown layout, collection stopped");

    // A running queue: one person under way, others waiting, some failed,
    // the cancel question open.
    const running = queueStore(
      {
        dryRunLeft: 1,
        failed: 1,
        skipped: 2,
        cancelled: 3,
        unconfirmed: 1,
        etaMs: Date.now() + 5 * HOUR,
        nextActionAtMs: Date.now() + 40_000,
        waitingFor: "breather",
      },
      [...ENTRIES, { ...ENTRIES[2], slug: "no-proof", status: { kind: "unconfirmed" } }],
    );
    const withQueue = await popupIn(t, language, withHistory(), { queue: running });
    const dom = withQueue.dom;
    doc = withQueue.doc;
    click(dom, byTestId(doc, "queue-cancel"));
    await settle();
    assertTranslated(doc, language, "queue running, cancel question open");
    click(dom, doc.getElementById("queue-cancel-yes"));
    await settle();
    await settle();
    assertTranslated(doc, language, "queue cancelled");

    // Paused for trouble, in a cool-down; then paused for want of the page.
    const trouble = queueStore(
      {
        ...paused("trouble", "LinkedIn showed an unexpected dialog."),
        cooldownUntilMs: Date.now() + 2 * HOUR,
        cooldownReason: "LinkedIn's warning",
        etaMs: Date.now() + 3 * HOUR,
      },
      ENTRIES,
    );
    ({ doc } = await popupIn(t, language, withHistory(), { queue: trouble }));
    assertTranslated(doc, language, "queue paused for trouble, cooling down");
    for (const cause of ["needsPage", "member", "failures", "account"]) {
      const queue = queueStore(paused(cause, "An English sentence from the core."), ENTRIES);
      ({ doc } = await popupIn(t, language, withHistory(), { queue }));
      assert.doesNotMatch(byTestId(doc, "queue-state").textContent, /English sentence/);
      assertTranslated(doc, language, `queue paused (${cause})`);
    }

    // Each thing the queue can wait for; a development pace; everyone a dry run.
    for (const waitingFor of [
      "hourly-cap",
      "daily-cap",
      "quiet-hours",
      "backoff",
      "tab-hidden",
      "tab-busy",
      "another-account",
      "no-list",
    ]) {
      const waiting = queueStore(
        {
          waitingFor,
          nextActionAtMs: Date.now() + 3 * HOUR,
          devPacing: true,
          dryRunLeft: 12,
          etaMs: Date.now() + 40_000,
        },
        [ENTRIES[2]],
      );
      ({ doc } = await popupIn(t, language, withHistory(), { queue: waiting }));
      assertTranslated(doc, language, `waiting for ${waitingFor}`);
    }

    // The controls refused by the background: pause, the log; then the log
    // without a CSV, and nobody queued at all.
    const refusing = stubExtension(
      (message) =>
        message.type === "get-summary"
          ? { ok: true, summary: withHistory() }
          : message.type === "queue-pause"
            ? { ok: false, error: "refused" }
            : { ok: true },
      { stored: { summary: withHistory(), queue: running }, language },
    );
    const controls = await openPopup(t, refusing);
    await controls.popup.cached;
    click(controls.dom, byTestId(controls.doc, "queue-pause"));
    await settle();
    await settle();
    assertTranslated(controls.doc, language, "pause refused");
    click(controls.dom, byTestId(controls.doc, "removal-log-export"));
    await settle();
    await settle();
    assertTranslated(controls.doc, language, "no CSV");
    const idle = queueStore({ state: "idle", pending: 0, inProgress: 0, removed: 0 }, []);
    ({ doc } = await popupIn(t, language, withHistory(), { queue: idle }));
    assertTranslated(doc, language, "nobody queued");

    // The queue holding every kind (issue 13): a withdrawal under way, an
    // unfollow waiting, a line per kind with its cap and the overall one;
    // waiting for the sent invitations or following page; paused for want
    // of the sent invitations page; then the pages read with one person
    // each (the singular words, and one follower who is not a connection, at
    // most), followers from a floor (at least) and an older cache without
    // relations.
    const kinds = [
      kindLine("remove", { pending: 1, doneToday: 3 }),
      kindLine("withdraw", { pending: 2, done: 4, doneToday: 4 }),
      kindLine("unfollow", { pending: 1, doneToday: 1 }),
    ];
    const mixedEntries = [
      { ...entry("old-invite", "Old Invite", "in-progress"), action: "withdraw" },
      { ...entry("new-invite", "New Invite"), action: "withdraw" },
      { ...entry("star-poster", "Star Poster"), action: "unfollow" },
      entry("cara-jones", "Cara Jones"),
      { ...entry("gone-invite", "Gone Invite", "unconfirmed"), action: "withdraw" },
      { ...entry("gone-follow", "Gone Follow", "unconfirmed"), action: "unfollow" },
    ];
    const mixed = queueStore(
      { kinds, pending: 3, inProgress: 1, overallToday: 8, unconfirmed: 2 },
      mixedEntries,
    );
    const everyKind = await popupIn(t, language, withHistory(), { queue: mixed });
    assertTranslated(everyKind.doc, language, "a queue of every kind, a withdrawal under way");
    click(everyKind.dom, byTestId(everyKind.doc, "queue-cancel"));
    click(everyKind.dom, everyKind.doc.getElementById("queue-cancel-yes"));
    await settle();
    await settle();
    assert.notEqual(everyKind.doc.getElementById("queue-status").textContent, "");
    assertTranslated(everyKind.doc, language, "a queue of every kind cancelled");
    const unfollowing = queueStore({ kinds, overallDailyCap: null, devPacing: true }, [
      { ...mixedEntries[2], status: { kind: "in-progress" } },
      mixedEntries[1],
    ]);
    ({ doc } = await popupIn(t, language, withHistory(), { queue: unfollowing }));
    assertTranslated(doc, language, "an unfollow under way, no caps");
    for (const waitingFor of ["sent-list", "following-list"]) {
      const waiting = queueStore(
        { kinds, waitingFor, nextActionAtMs: Date.now() + 3 * HOUR },
        mixedEntries.slice(1),
      );
      ({ doc } = await popupIn(t, language, withHistory(), { queue: waiting }));
      assertTranslated(doc, language, `waiting for ${waitingFor}`);
    }
    for (const action of ["withdraw", "unfollow"]) {
      const needsSent = queueStore({ ...paused("needsPage", "Open it."), kinds }, [
        { ...entry("old-invite", "Old Invite"), action },
      ]);
      ({ doc } = await popupIn(t, language, withHistory(), { queue: needsSent }));
      assertTranslated(doc, language, `paused for the page of a step to ${action}`);
    }
    const single = withHistory();
    single.relations = readRelations({
      pendingInvitations: 1,
      invitationsOverAMonth: 1,
      oldestInvitationDays: 3,
      followingNotConnections: 1,
      followersNotConnections: 1,
      followersNotConnectionsPrecision: "at-most",
    });
    ({ doc } = await popupIn(t, language, single));
    assertTranslated(doc, language, "one invitation, one person followed, at most one follower");
    const floorOfFollowers = withHistory();
    floorOfFollowers.relations = readRelations({ followersNotConnectionsPrecision: "at-least" });
    ({ doc } = await popupIn(t, language, floorOfFollowers));
    assertTranslated(doc, language, "at least so many followers who are not connections");
    const older = withHistory();
    delete older.relations;
    ({ doc } = await popupIn(t, language, older));
    assertTranslated(doc, language, "a cached Summary without relations");

    // The background cannot be reached.
    const unreachable = stubExtension(
      () => {
        throw new Error("Could not establish connection. Receiving end does not exist.");
      },
      { language },
    );
    const opened = await openPopup(t, unreachable);
    assertTranslated(opened.doc, language, "background unreachable");
  });
}

test("the untranslated check fails on an English word left in a page", async (t) => {
  const { doc } = await popupIn(t, "de", emptySummary());
  byTestId(doc, "empty-state").querySelector("h2").textContent = "Nothing read yet";
  assert.ok(
    untranslated(doc, "de").includes(
      'h2#empty-heading: "Nothing read yet" has "Nothing read yet" (popupEmptyHeading)',
    ),
  );
});
