// The queue's three kinds of step in the background (issue 13): each goes to
// the tab acting on its own page (a removal to the connections tab, a
// withdrawal to the sent invitations tab, an unfollow to the following tab),
// as its own message; without that page open the queue waits or pauses
// naming it; a reading of any of these pages lifts a pause for want of it.
// The real core, a fake browser (tests/background/harness.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { connectionsReading, loadBackground, people, sleep, until } from "./harness.mjs";

const ALICE = "alice-example";
const FAST = { devPacing: { delayMs: 1 } };
const LINKEDIN = "https://www.linkedin.com";

/** A sent-invitations page reading of `crowd`, each sent two months ago. */
function invitationsReading(crowd, member = ALICE) {
  return {
    page: "invitations",
    url: `${LINKEDIN}/mynetwork/invitation-manager/sent/`,
    recognised: true,
    generation: "react-2025",
    counts: {},
    cards: [],
    invitations: crowd.map((p) => ({
      profileUrl: `${LINKEDIN}/in/${p.slug}/`,
      name: p.name,
      headline: null,
      sentText: "Sent 2 months ago",
      hasNote: false,
    })),
    listEnd: true,
    member,
    visible: true,
  };
}

/** A following page reading of `crowd`. */
function followingReading(crowd, member = ALICE) {
  return {
    page: "following",
    url: `${LINKEDIN}/mynetwork/network-manager/people-follow/following/`,
    recognised: true,
    generation: null,
    counts: {},
    cards: [],
    follows: crowd.map((p) => ({ profileUrl: `${LINKEDIN}/in/${p.slug}/`, name: p.name })),
    listEnd: true,
    member,
    visible: true,
  };
}

/** A browser window `id`, shown. */
function window(bg, id) {
  bg.windows.set(id, { id, state: "normal", focused: false });
}

/** Answers every step at once with `removed`. */
function answering(bg, tab) {
  return (message) => {
    if (/-step$/.test(message.type)) {
      setTimeout(() =>
        bg.fromTab(tab, {
          type: "removal-outcome",
          attempt: message.attempt,
          outcome: { kind: "removed" },
          observed: {},
        }),
      );
    }
    return { ok: true };
  };
}

/** Queues `slugs` for `kind` from an extension page, for real (no dry run). */
const queueKind = (bg, kind, slugs) =>
  bg.fromPage({ type: "queue-actions", kind, slugs, dryRun: false });

const stepsOf = (tab) => tab.received.filter((m) => /-step$/.test(m.type));

test("each_kind_of_step_goes_to_the_tab_of_its_own_page_as_its_own_message", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const connections = people(3, "conn");
  const invited = people(3, "invited");
  const followed = people(3, "followed");
  // One window each, every tab shown.
  window(bg, 2);
  window(bg, 3);
  const conn = bg.openTab({ id: 1, active: true, windowId: 1 });
  const sent = bg.openTab({ id: 2, active: true, windowId: 2 });
  const follow = bg.openTab({ id: 3, active: true, windowId: 3 });
  await bg.fromTab(conn, {
    type: "page-reading",
    reading: connectionsReading(connections, { member: ALICE }),
  });
  await bg.fromTab(sent, { type: "page-reading", reading: invitationsReading(invited) });
  await bg.fromTab(follow, { type: "page-reading", reading: followingReading(followed) });
  await bg.settled();
  for (const tab of [conn, sent, follow]) tab.answer = answering(bg, tab);

  const ask = (kind, crowd) =>
    bg.fromPage({ type: "queue-actions", kind, slugs: crowd.map((p) => p.slug), dryRun: false });
  const withdraw = await ask("withdraw", invited.slice(0, 2));
  assert.equal(withdraw.ok, true, withdraw.error);
  assert.equal(withdraw.queued, 2);
  // A connection has no invitation: refused with the reason, nobody else queued.
  const wrong = await ask("withdraw", connections.slice(0, 1));
  assert.equal(wrong.queued, 0);
  assert.equal(wrong.refused[0].why, "noInvitation");
  assert.equal((await ask("unfollow", followed.slice(0, 2))).queued, 2);
  assert.equal((await ask("remove", connections.slice(0, 1))).queued, 1);

  await until(
    async () => {
      const progress = (await bg.storedQueue())?.progress;
      return progress?.pending === 0 && progress.inProgress === 0;
    },
    "every step done",
    20_000,
  );
  assert.deepEqual(
    stepsOf(sent).map((m) => [m.type, m.mode, m.slug]),
    invited.slice(0, 2).map((p) => ["withdraw-step", "act", p.slug]),
  );
  assert.deepEqual(
    stepsOf(follow).map((m) => [m.type, m.mode, m.slug]),
    followed.slice(0, 2).map((p) => ["unfollow-step", "act", p.slug]),
  );
  assert.deepEqual(
    stepsOf(conn).map((m) => [m.type, m.mode, m.slug]),
    [["remove-step", "remove", connections[0].slug]],
  );
  // Every step names the account and carries the core's rules.
  for (const m of [...stepsOf(sent), ...stepsOf(follow)]) {
    assert.equal(m.member, ALICE);
    assert.equal(typeof m.rules?.timeoutMs, "number");
  }
  const { progress } = await bg.storedQueue();
  const done = Object.fromEntries(progress.kinds.map((k) => [k.kind, k.done]));
  assert.deepEqual(done, { remove: 1, withdraw: 2, unfollow: 2 });
});

test("withdrawals_without_the_sent_invitations_page_open_pause_naming_it_and_its_reading_resumes", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const invited = people(2, "invited");
  const connections = people(2, "conn");
  // The invitations were read in a tab since closed; the connections tab is open.
  window(bg, 2);
  const conn = bg.openTab({ id: 1, active: true, windowId: 1 });
  await bg.fromTab(conn, {
    type: "page-reading",
    reading: connectionsReading(connections, { member: ALICE }),
  });
  const old = bg.openTab({ id: 2, active: true, windowId: 2 });
  await bg.fromTab(old, { type: "page-reading", reading: invitationsReading(invited) });
  await bg.closeTab(old.id);
  await bg.settled();
  const queued = await queueKind(
    bg,
    "withdraw",
    invited.map((p) => p.slug),
  );
  assert.equal(queued.queued, 2);
  await until(
    async () => (await bg.storedQueue())?.progress.state === "paused",
    "the pause for want of the page",
  );
  const { progress } = await bg.storedQueue();
  assert.match(progress.reason, /sent invitations page/);
  assert.equal(stepsOf(conn).length, 0, "a withdrawal went to the connections tab");
  // The connections page read again is not the page wanted: the pause stands.
  await sleep(5);
  await bg.fromTab(conn, {
    type: "page-reading",
    reading: connectionsReading(connections, { member: ALICE }),
  });
  await bg.settled();
  const still = (await bg.storedQueue()).progress;
  assert.equal(still.state, "paused");
  assert.equal(still.pausedAtMs, progress.pausedAtMs, "lifted and paused again");

  // The page opened again: its reading lifts the pause, and the step goes there.
  window(bg, 3);
  const sent = bg.openTab({ id: 3, active: true, windowId: 3 });
  sent.answer = answering(bg, sent);
  await bg.fromTab(sent, { type: "page-reading", reading: invitationsReading(invited) });
  await until(() => stepsOf(sent).length === 2, "both withdrawals", 20_000);
  assert.equal(stepsOf(conn).length, 0);
});

test("queueing_another_kind_lifts_a_pause_for_a_page_when_its_own_page_is_open", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const connections = people(2, "conn");
  const invited = people(2, "invited");
  // The connections were read in a tab since closed; the sent invitations
  // tab is open and shown (one tab going from page to page, as in Firefox).
  window(bg, 2);
  const old = bg.openTab({ id: 2, active: true, windowId: 2 });
  await bg.fromTab(old, {
    type: "page-reading",
    reading: connectionsReading(connections, { member: ALICE }),
  });
  await bg.closeTab(old.id);
  const sent = bg.openTab({ id: 1, active: true, windowId: 1 });
  sent.answer = answering(bg, sent);
  await bg.fromTab(sent, { type: "page-reading", reading: invitationsReading(invited) });
  await bg.settled();
  // Removals first: nothing shows the connections page, so the queue pauses for it.
  await queueKind(
    bg,
    "remove",
    connections.map((p) => p.slug),
  );
  await until(
    async () => (await bg.storedQueue())?.progress.state === "paused",
    "the pause for want of the connections page",
  );
  // Withdrawals queued next have their page open: the queue goes on there
  // instead of waiting for a page the member may never open.
  await queueKind(
    bg,
    "withdraw",
    invited.map((p) => p.slug),
  );
  await until(() => stepsOf(sent).length === 2, "both withdrawals", 20_000);
  assert.ok(stepsOf(sent).every((m) => m.type === "withdraw-step"));
  // Then it pauses again, naming the page the removals still need.
  await until(
    async () => (await bg.storedQueue())?.progress.state === "paused",
    "the pause for the removals' page",
  );
  assert.match((await bg.storedQueue()).progress.reason, /connections page/);
});

test("withdrawals_are_held_back_while_the_sent_page_is_in_a_language_netprune_cannot_click", async () => {
  // Slow enough that the page turns German between two steps.
  const bg = await loadBackground({ testBuild: true, local: { devPacing: { delayMs: 1_000 } } });
  const invited = people(3, "invited");
  const OFF =
    "this page is in “de”, a language netprune knows no Withdraw words in, so it clicks nothing here";
  const german = { ...invitationsReading(invited), language: "de", actionOff: OFF };
  const sent = bg.openTab({ id: 1, active: true, windowId: 1 });
  sent.answer = answering(bg, sent);
  await bg.fromTab(sent, { type: "page-reading", reading: german });
  await bg.settled();
  // Nobody is queued for a page that can only refuse them.
  const refused = await queueKind(bg, "withdraw", [invited[0].slug]);
  assert.match(refused.error, /Withdrawing is off on your LinkedIn sent invitations page/);
  assert.match(refused.error, /“de”/);
  assert.match(refused.error, /Nobody was queued/);
  assert.equal((await bg.storedQueue())?.progress?.pending ?? 0, 0);

  // Shown in English, the page takes steps again.
  await sleep(5);
  await bg.fromTab(sent, { type: "page-reading", reading: invitationsReading(invited) });
  await bg.settled();
  const queued = await queueKind(
    bg,
    "withdraw",
    invited.map((p) => p.slug),
  );
  assert.equal(queued.queued, 3);
  await until(() => stepsOf(sent).length >= 1, "the first withdrawal");
  // Back in German mid-queue: the rest wait, saying why, and nobody fails.
  sent.answer = () => ({ ok: true });
  await bg.fromTab(sent, { type: "page-reading", reading: german });
  const sentSoFar = stepsOf(sent).length;
  await until(
    async () => /Withdrawing is off/.test((await bg.storedQueue())?.waitingOn ?? ""),
    "the wait naming the language",
    20_000,
  );
  await sleep(100);
  assert.equal(stepsOf(sent).length, sentSoFar, "a step went to a page that cannot take it");
  const { progress } = await bg.storedQueue();
  assert.equal(progress.failed, 0);
  assert.equal(progress.state, "running");
});

test("a_withdrawal_waits_while_its_tab_is_hidden_and_never_goes_to_another_page", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const invited = people(1, "invited");
  const sent = bg.openTab({ id: 1, active: true, windowId: 1 });
  await bg.fromTab(sent, { type: "page-reading", reading: invitationsReading(invited) });
  // Another tab in the same window comes to the front.
  bg.openTab({ id: 9, active: true, windowId: 1 });
  await bg.settled();
  await queueKind(bg, "withdraw", [invited[0].slug]);
  await sleep(200);
  await bg.settled();
  assert.equal(stepsOf(sent).length, 0, "a step was sent to a hidden tab");
  const stored = await bg.storedQueue();
  assert.equal(stored.waitingOn, "Waiting for your LinkedIn sent invitations tab to be visible");
  assert.equal(stored.progress.state, "running");
  bg.activate(sent.id);
  await until(() => stepsOf(sent).length === 1, "the step once the tab is shown");
  assert.equal(stepsOf(sent)[0].type, "withdraw-step");
});

test("an_unknown_kind_is_refused_and_queues_nobody", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const answer = await bg.fromPage({ type: "queue-actions", kind: "block", slugs: ["someone"] });
  assert.equal(answer.ok, false);
  assert.match(answer.error, /remove, withdraw or unfollow/);
});

test("the_sent_invitations_list_is_collected_in_its_own_tab_recorded_and_stopped_at_trouble", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  // Nothing to collect from yet: the member is told which page to open.
  const early = await bg.fromPage({ type: "collect-start", list: "invitations" });
  assert.equal(early.ok, false);
  assert.match(early.error, /Open your LinkedIn sent invitations page/);

  const sent = bg.openTab({ id: 1, active: true, windowId: 1 });
  await bg.fromTab(sent, { type: "page-reading", reading: invitationsReading(people(2, "i")) });
  const started = await bg.fromPage({ type: "collect-start", list: "invitations" });
  assert.equal(started.ok, true, started.error);
  const [run] = sent.received.filter((m) => m.type === "collect-run");
  assert.equal(run.list, "invitations");
  assert.equal(typeof run.rules?.delayMs, "number");
  assert.equal(started.lists.invitations.running, true);
  // Only the tab asked ends the run.
  const other = bg.openTab({ id: 2, active: false, windowId: 1 });
  await bg.fromTab(other, { type: "collect-ended", list: "invitations", outcome: "end-of-list" });
  assert.equal((await bg.fromPage({ type: "list-collects" })).lists.invitations.running, true);
  await bg.fromTab(sent, { type: "collect-ended", list: "invitations", outcome: "end-of-list" });
  const ended = (await bg.fromPage({ type: "list-collects" })).lists.invitations;
  assert.deepEqual([ended.running, ended.outcome], [false, "end-of-list"]);

  // A second run, then a LinkedIn warning: every tab is told to halt.
  await bg.fromPage({ type: "collect-start", list: "invitations" });
  await bg.fromTab(sent, { type: "trouble", reason: "You’ve reached a limit", trouble: "limit" });
  await bg.settled();
  assert.ok(
    sent.received.some((m) => m.type === "collect-halt"),
    "the tab was told to halt",
  );
  const stopped = (await bg.fromPage({ type: "list-collects" })).lists.invitations;
  assert.equal(stopped.running, false);
  assert.match(stopped.reason, /LinkedIn warning/);
});

test("a_sent_list_read_to_its_end_drops_the_invitations_it_no_longer_shows", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const sent = bg.openTab({ id: 1, active: true, windowId: 1 });
  const crowd = people(3, "i");
  await bg.fromTab(sent, { type: "page-reading", reading: invitationsReading(crowd) });
  const pending = async () =>
    (await bg.fromPage({ type: "get-summary" })).summary.relations.pendingInvitations;
  assert.equal(await pending(), 3);
  // A reading in the run's first millisecond counts as read by it.
  await sleep(2);
  await bg.fromPage({ type: "collect-start", list: "invitations" });
  // The run reads two of the three, then the list's end.
  await sleep(2);
  await bg.fromTab(sent, {
    type: "page-reading",
    reading: invitationsReading([crowd[0], crowd[2]]),
  });
  await bg.fromTab(sent, { type: "collect-ended", list: "invitations", outcome: "end-of-list" });
  const ended = (await bg.fromPage({ type: "list-collects" })).lists.invitations;
  assert.equal(ended.noLongerListed, 1);
  assert.equal(await pending(), 2);

  // A run that ends short of the page's stated total (LinkedIn stopped
  // loading) says nothing about who is on the list.
  await bg.fromPage({ type: "collect-start", list: "invitations" });
  await sleep(2);
  await bg.fromTab(sent, { type: "page-reading", reading: invitationsReading([crowd[0]]) });
  await bg.fromTab(sent, {
    type: "collect-ended",
    list: "invitations",
    outcome: "end-of-list",
    short: true,
  });
  const short = (await bg.fromPage({ type: "list-collects" })).lists.invitations;
  assert.deepEqual([short.outcome, short.noLongerListed], ["end-of-list", undefined]);
  assert.equal(await pending(), 2);

  // Nor does a run that stalls.
  await bg.fromPage({ type: "collect-start", list: "invitations" });
  await sleep(2);
  await bg.fromTab(sent, { type: "page-reading", reading: invitationsReading([crowd[0]]) });
  await bg.fromTab(sent, { type: "collect-ended", list: "invitations", outcome: "stalled" });
  const stalled = (await bg.fromPage({ type: "list-collects" })).lists.invitations;
  assert.equal(stalled.noLongerListed, undefined);
  assert.equal(await pending(), 2);
});

/** A followers page reading of `crowd` (issue 13: followers person by person). */
function followersReading(crowd, member = ALICE) {
  return {
    page: "followers",
    url: `${LINKEDIN}/mynetwork/network-manager/people-follow/followers/`,
    recognised: true,
    generation: "search-entity",
    counts: { connections: null, followers: null, following: null },
    cards: [],
    followers: crowd.map((p, i) => ({
      profileUrl: `${LINKEDIN}/in/${p.slug}/`,
      name: p.name,
      headline: null,
      followsBack: i % 2 === 0,
    })),
    listEnd: true,
    member,
    visible: true,
  };
}

test("the_followers_list_is_collected_in_its_own_tab_and_its_end_drops_nobody_unproven", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const early = await bg.fromPage({ type: "collect-start", list: "followers" });
  assert.equal(early.ok, false);
  assert.match(early.error, /Open your LinkedIn followers page/);

  const tab = bg.openTab({ id: 1, active: true, windowId: 1 });
  await bg.fromTab(tab, { type: "page-reading", reading: followersReading(people(3, "f")) });
  const started = await bg.fromPage({ type: "collect-start", list: "followers" });
  assert.equal(started.ok, true, started.error);
  const [run] = tab.received.filter((m) => m.type === "collect-run");
  assert.equal(run.list, "followers");
  assert.equal(started.lists.followers.running, true);
  await sleep(2);
  await bg.fromTab(tab, { type: "page-reading", reading: followersReading(people(2, "f")) });
  // Even an end short of a stated total is the core's to judge for followers.
  await bg.fromTab(tab, {
    type: "collect-ended",
    list: "followers",
    outcome: "end-of-list",
    short: true,
  });
  const ended = (await bg.fromPage({ type: "list-collects" })).lists.followers;
  assert.deepEqual([ended.running, ended.outcome], [false, "end-of-list"]);
  // The member's followers figure is not known: the end proves nobody gone,
  // and says why.
  assert.ok(!ended.noLongerListed, `nobody dropped (${ended.noLongerListed})`);
  assert.equal(typeof ended.endNote, "string");
  assert.ok(ended.endNote.length > 0);

  // A closed followers tab gives up its role: the next collect asks for the page.
  await bg.closeTab(tab.id);
  const after = await bg.fromPage({ type: "collect-start", list: "followers" });
  assert.equal(after.ok, false);
  assert.match(after.error, /Open your LinkedIn followers page/);
});
