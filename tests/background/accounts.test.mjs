// The right account (issue 9, item 9): the reading's `member` (the own-profile
// slug in LinkedIn's navigation) says whose network a page belongs to. Each
// account has its own network; a page of another account never merges into
// this one and no step runs on it; a reading naming nobody lets no step run.
// And test pacing (item 10): only a test build honours devPacing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { connectionsReading, loadBackground, people, sleep, until } from "./harness.mjs";

const ALICE = "alice-example";
const BOB = "bob-example";
const FAST = { devPacing: { delayMs: 1 } };

/** The profile slugs in a stored network's JSON text (bg.storedNetwork()). */
function slugsIn(snapshot) {
  return JSON.parse(String(snapshot))
    .people.map((/** @type {{ slug: string }} */ p) => p.slug)
    .sort();
}

test("the_owner_is_learnt_from_the_first_reading_that_names_a_member", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const tab = bg.openTab({ id: 1 });
  await bg.reads(tab, people(2));
  let { summary } = await bg.fromPage({ type: "get-summary" });
  assert.equal(summary.owner, null, "nobody named yet");
  await bg.reads(tab, people(3), { member: "Alice-Example" });
  await bg.saved();
  ({ summary } = await bg.fromPage({ type: "get-summary" }));
  // As LinkedIn wrote it; compared without regard to case (profile paths are).
  assert.equal(summary.owner, "Alice-Example");
  assert.equal(bg.local.get("networkOwner"), "Alice-Example");
  await bg.reads(tab, people(4), { member: ALICE });
  await bg.saved();
  ({ summary } = await bg.fromPage({ type: "get-summary" }));
  assert.equal(summary.owner, "Alice-Example", "the same member in other case is another account");
  // The network read before the owner was known is that owner's.
  assert.deepEqual(slugsIn(await bg.storedNetwork()), [
    "person-1",
    "person-2",
    "person-3",
    "person-4",
  ]);
});

test("a_reading_of_another_account_never_merges_into_this_network_and_each_account_keeps_its_own", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const tab = bg.openTab({ id: 1 });
  const alices = people(3, "ann");
  const bobs = people(2, "bert");
  await bg.reads(tab, alices, { member: ALICE });
  await bg.fromPage({ type: "set-kept", slugs: [alices[0].slug], kept: true });
  await bg.settled();
  // The member signs in to LinkedIn as Bob.
  await bg.reads(tab, bobs, { member: BOB });
  await bg.saved();
  let { summary } = await bg.fromPage({ type: "get-summary" });
  assert.equal(summary.owner, BOB);
  assert.deepEqual(slugsIn(await bg.storedNetwork()), ["bert-1", "bert-2"], "Bob's network mixed");
  assert.deepEqual(slugsIn(await bg.storedNetwork(`network:${ALICE}`)), [
    "ann-1",
    "ann-2",
    "ann-3",
  ]);
  // And back to Alice: her network as she left it (her kept person too), Bob's parked.
  await bg.reads(tab, alices, { member: ALICE });
  await bg.saved();
  ({ summary } = await bg.fromPage({ type: "get-summary" }));
  assert.equal(summary.owner, ALICE);
  assert.deepEqual(slugsIn(await bg.storedNetwork()), ["ann-1", "ann-2", "ann-3"]);
  assert.deepEqual(slugsIn(await bg.storedNetwork(`network:${BOB}`)), ["bert-1", "bert-2"]);
  assert.equal(
    await bg.storedRecord(`network:${ALICE}`),
    undefined,
    "the active network is not also parked",
  );
  const kept = await bg.fromPage({ type: "set-kept", slugs: [alices[0].slug], kept: true });
  assert.equal(kept.changed, 0, "Alice's keep flag was lost in the switch");
});

test("the_queue_pauses_when_linkedin_shows_another_account_and_no_step_runs_there", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const tab = bg.openTab({ id: 1 });
  const alices = people(4, "ann");
  // Alice's tab holds each step (no outcome), so her queue has work left.
  await bg.reads(tab, alices, { member: ALICE });
  await bg.fromPage({ type: "queue-removals", slugs: alices.map((p) => p.slug), dryRun: false });
  await until(() => tab.steps.length >= 1, "Alice's first step");
  const { attempt } = tab.steps[0];
  await bg.fromTab(tab, {
    type: "removal-outcome",
    attempt,
    outcome: { kind: "removed" },
    observed: {},
  });
  await until(() => tab.steps.length >= 2, "Alice's second step");
  // Now LinkedIn shows Bob in that tab.
  const sent = tab.steps.length;
  await bg.reads(tab, people(2, "bert"), { member: BOB });
  // The outcome of Alice's step, arriving under Bob's network, is not Bob's.
  await bg.fromTab(tab, {
    type: "removal-outcome",
    attempt: tab.steps[1].attempt,
    outcome: { kind: "removed" },
    observed: {},
  });
  await bg.alarm();
  await sleep(200);
  await bg.settled();
  assert.equal(tab.steps.length, sent, "a step was sent to a page of another account");
  const bobQueue = (await bg.storedQueue()).progress;
  assert.equal(bobQueue.removed, 0, "Bob's network counted Alice's removal");
  // Alice's parked network: paused, with the reason.
  const parked = await bg.fromPage({ type: "get-summary" });
  assert.equal(parked.summary.owner, BOB);
  const alice = String(await bg.storedNetwork(`network:${ALICE}`));
  assert.match(alice, /signed in to another account/);

  // Back to Alice: her queue carries on by itself.
  await bg.reads(tab, alices, { member: ALICE });
  await until(
    async () => (await bg.storedQueue()).progress.state === "running",
    "Alice's queue to run",
  );
  // Her second step went out before the switch and its outcome was never
  // hers to count: it stays in flight until the core's step timeout (20 s
  // under test pacing), then is verified before anything else.
  await until(
    async () => {
      await bg.alarm();
      return tab.steps.length > sent;
    },
    "Alice's queue to carry on",
    40_000,
  );
  assert.equal(tab.steps.at(-1).member, ALICE);
  assert.equal(tab.steps.at(-1).mode, "verify", "the step lost in the switch is verified first");
});

test("a_page_of_another_account_stays_read_only_and_pauses_the_queue_when_its_network_cannot_be_read", async () => {
  // Bob's parked network is unreadable: netprune cannot switch to it, so
  // his page is read-only (nothing merges into Alice's network, nothing is
  // dropped) and Alice's queue pauses rather than act on Bob's page.
  const bg = await loadBackground({ testBuild: true, local: { ...FAST, [`network:${BOB}`]: "{" } });
  const tab = bg.openTab({ id: 1 });
  const alices = people(3, "ann");
  await bg.reads(tab, alices, { member: ALICE });
  await bg.saved();
  const answer = await bg.reads(tab, people(2, "bert"), { member: BOB });
  assert.equal(answer.readOnly, true);
  await bg.fromPage({ type: "queue-removals", slugs: [alices[0].slug], dryRun: false });
  await sleep(300);
  await bg.saved();
  assert.equal(tab.steps.length, 0, "a step ran on a page of another account");
  const { progress } = await bg.storedQueue();
  assert.equal(progress.state, "paused");
  assert.match(progress.reason, /signed in to another account \(bob-example\)/);
  assert.deepEqual(slugsIn(await bg.storedNetwork()), ["ann-1", "ann-2", "ann-3"]);
  assert.equal(bg.local.get(`network:${BOB}`), "{", "Bob's saved network was dropped");
  // Alice's page again: the pause lifts and the step goes out.
  await bg.reads(tab, alices, { member: ALICE });
  await until(() => tab.steps.length >= 1, "the step on Alice's page");
  assert.equal(tab.steps[0].member, ALICE);
});

test("a_reading_naming_no_member_is_counted_but_lets_no_step_run", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const tab = bg.openTab({ id: 1 });
  const crowd = people(3);
  await bg.reads(tab, crowd, { member: ALICE });
  // The navigation no longer shows whose account this is (member null).
  await bg.reads(tab, people(5), { member: null, stated: 5 });
  await bg.saved();
  const { summary } = await bg.fromPage({ type: "get-summary" });
  assert.equal(summary.owner, ALICE);
  assert.deepEqual(slugsIn(await bg.storedNetwork()).length, 5, "the reading was not counted");
  await bg.fromPage({ type: "queue-removals", slugs: [crowd[0].slug], dryRun: false });
  await sleep(300);
  await bg.settled();
  assert.equal(tab.steps.length, 0, "a step ran without evidence of the account");
  const stored = await bg.storedQueue();
  assert.match(stored.waitingOn ?? "", /which LinkedIn account/);
  // The account shows again: the step goes out.
  await bg.reads(tab, crowd, { member: ALICE });
  await bg.alarm();
  await until(() => tab.steps.length >= 1, "the step once the account is known");
});

test("a_normal_build_never_honours_devPacing_and_a_test_build_does", async () => {
  for (const testBuild of [false, true]) {
    const bg = await loadBackground({ testBuild, local: FAST });
    const tab = bg.openTab({ id: 1 });
    const crowd = people(3);
    await bg.reads(tab, crowd, { member: ALICE });
    await bg.fromPage({ type: "queue-removals", slugs: [crowd[0].slug], dryRun: false });
    await bg.settled();
    const { progress } = await bg.storedQueue();
    assert.equal(progress.devPacing, testBuild, `testBuild ${testBuild}: devPacing in force`);
    // Collecting's pace: human in a normal build.
    await bg.fromPage({ type: "collect-start" });
    const run = tab.received.find((m) => m.type === "collect-run");
    assert.equal(run.delayMs, testBuild ? 1 : 2_500, `testBuild ${testBuild}: collect pace`);
    // The page's rules come from the core, shrunk the same way.
    assert.equal(run.rules.delayMs, run.delayMs);
    assert.equal(run.rules.stallMs, testBuild ? 3_000 : 60_000, "end-of-list stall");
    assert.equal(run.rules.waitLimitMs, 15_000);
  }
});

test("a_reloaded_tab_gets_no_step_until_its_new_page_names_the_account", async () => {
  // Alice's tab reloads (LinkedIn may now be signed in to someone else):
  // what the old page said no longer counts.
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const tab = bg.openTab({ id: 1 });
  const alices = people(3, "ann");
  await bg.reads(tab, alices, { member: ALICE });
  bg.reload(tab.id);
  await bg.fromPage({ type: "queue-removals", slugs: [alices[0].slug], dryRun: false });
  await sleep(300);
  await bg.alarm();
  assert.equal(tab.steps.length, 0, "a step went to a page nobody has read yet");
  // A page loading is no connections page yet: the queue waits for one.
  assert.equal((await bg.storedQueue()).progress.pause.cause, "needsPage");
  await bg.reads(tab, alices, { member: ALICE });
  await bg.alarm();
  await until(() => tab.steps.length >= 1, "the step once the new page names Alice");
});

test("a_page_naming_no_member_takes_steps_while_no_account_was_ever_identified", async () => {
  // LinkedIn's navigation unreadable so far (no public capture shows the 2026
  // "Me" markup): there is no owner to check against, so steps go on; the
  // check starts with the first page that names an account.
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const tab = bg.openTab({ id: 1 });
  const crowd = people(3);
  await bg.reads(tab, crowd);
  const { summary } = await bg.fromPage({ type: "get-summary" });
  assert.equal(summary.owner ?? null, null);
  await bg.fromPage({ type: "queue-removals", slugs: [crowd[0].slug], dryRun: false });
  await bg.alarm();
  await until(() => tab.steps.length >= 1, "a step on a page naming no account");
  assert.equal(tab.steps[0].member, null, "the step says no account is known");
});

test("the_queue_refuses_to_start_and_takes_no_step_where_the_page_check_turns_removal_off", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const tab = bg.openTab({ id: 1 });
  const crowd = people(3);
  const off = {
    ...connectionsReading(crowd, { member: ALICE }),
    check: { removalOff: true, missing: ["no name search box"] },
  };
  await bg.fromTab(tab, { type: "page-reading", reading: off });
  const refused = await bg.fromPage({
    type: "queue-removals",
    slugs: [crowd[0].slug],
    dryRun: false,
  });
  assert.equal(refused.ok, false, "queueing on a page where removal is off is refused");
  assert.match(
    refused.error,
    /Removal is off on your LinkedIn connections page: no name search box/,
  );
  const stored = await bg.storedQueue();
  assert.equal(stored?.progress?.pending ?? 0, 0, "nobody was queued");

  // Queued while the page was fine; the page then turns removal off while
  // the first step is out: once it ends, no further step goes there.
  await bg.fromTab(tab, {
    type: "page-reading",
    reading: { ...off, check: { removalOff: false, missing: [] } },
  });
  await bg.fromPage({
    type: "queue-removals",
    slugs: [crowd[1].slug, crowd[2].slug],
    dryRun: false,
  });
  await until(() => tab.steps.length >= 1, "the first step while the page was whole");
  await bg.fromTab(tab, { type: "page-reading", reading: off });
  await bg.fromTab(tab, {
    type: "removal-outcome",
    attempt: tab.steps[0].attempt,
    outcome: { kind: "removed" },
    observed: {},
  });
  for (let i = 0; i < 5; i += 1) {
    await bg.alarm();
    await sleep(100);
  }
  await bg.settled();
  assert.equal(tab.steps.length, 1, "no step while removal is off on the page");
  assert.match((await bg.storedQueue()).waitingOn ?? "", /Removal is off/);
});
