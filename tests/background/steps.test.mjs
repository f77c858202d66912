// The background's step dispatch (issue 9, items 1 and 8): one tab acts, a
// step is owned by one tab and one attempt until its outcome, a tab that
// does not take a step is no failure, steps run only on a visible tab,
// collecting stops at trouble and happens in one tab. The real core, a fake
// browser (tests/background/harness.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { connectionsReading, loadBackground, people, sleep, until } from "./harness.mjs";

const ALICE = "alice-example";
const FAST = { devPacing: { delayMs: 1 } };

/** A test build with fast pacing, `tabCount` connections tabs of ALICE read, `n` people. */
async function started({ tabCount = 1, n = 6, answer } = {}) {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const crowd = people(n);
  const tabs = [];
  for (let i = 1; i <= tabCount; i += 1) {
    const tab = bg.openTab({ id: i, active: i === 1, windowId: i, answer });
    await bg.reads(tab, crowd, { member: ALICE });
    tabs.push(tab);
  }
  await bg.settled();
  return { bg, crowd, tabs };
}

const queue = (bg, slugs, dryRun = false) => bg.fromPage({ type: "queue-removals", slugs, dryRun });

test("one_tab_acts_a_second_connections_tab_never_receives_a_step_or_collect_run", async () => {
  // Two windows, both showing the connections page, both visible.
  const { bg, crowd, tabs } = await started({ tabCount: 2 });
  const [first, second] = tabs;
  // The first tab answers every step with its outcome at once.
  first.answer = (message) => {
    if (message.type === "remove-step") {
      setTimeout(() =>
        bg.fromTab(first, {
          type: "removal-outcome",
          attempt: message.attempt,
          outcome: { kind: "removed" },
          observed: {},
        }),
      );
    }
    return { ok: true };
  };
  await queue(
    bg,
    crowd.slice(0, 3).map((p) => p.slug),
  );
  await until(async () => (await bg.storedQueue())?.progress.removed === 3, "three removals");
  assert.equal(first.steps.length, 3, "the acting tab took every step");
  // Each step carries the core's step rules (a test build's fast timeout).
  assert.equal(first.steps[0].rules.timeoutMs, 15_000);
  assert.equal(first.steps[0].rules.leaveWaitMs, 10_000);
  // The second tab keeps sending readings: it stays read-only.
  await bg.reads(second, crowd, { member: ALICE });
  await bg.fromPage({ type: "collect-start" });
  await bg.settled();
  assert.deepEqual(
    second.received.filter((m) => m.type !== "collect-halt"),
    [],
  );
  assert.equal(first.received.filter((m) => m.type === "collect-run").length, 1);
  const slugs = first.steps.map((s) => s.slug);
  assert.equal(new Set(slugs).size, 3, `nobody twice: ${slugs}`);
});

test("a_wake_while_a_step_is_out_dispatches_no_second_step", async () => {
  // The tab takes the step and is still working on it (no outcome yet).
  const { bg, crowd, tabs } = await started();
  const [tab] = tabs;
  await queue(bg, [crowd[0].slug]);
  await until(() => tab.steps.length === 1, "the first step");
  // Every wake the issue names: queueing more, resuming, a settings change, the alarm.
  await queue(bg, [crowd[1].slug]);
  await bg.fromPage({ type: "queue-resume" });
  await bg.fromPage({ type: "queue-settings", settings: {} });
  await bg.alarm();
  await bg.fromTab(tab, { type: "page-visibility", visible: true });
  bg.activate(tab.id);
  await sleep(200);
  await bg.settled();
  assert.equal(tab.steps.length, 1, `steps sent: ${JSON.stringify(tab.steps.map((s) => s.mode))}`);
  const progress = (await bg.storedQueue()).progress;
  assert.equal(progress.failed, 0);
  assert.equal(progress.inProgress, 1);
});

test("a_worker_stopped_as_its_alarm_fires_is_woken_again_while_the_queue_has_work", async () => {
  // A step is out (no outcome yet) and the queue has more to do. Its wake-up
  // alarm fires and Chrome stops the worker before the listener re-arms
  // anything: an alarm must still be armed, or the queue sits there until
  // the member happens to open the popup.
  const { bg, crowd, tabs } = await started();
  const [tab] = tabs;
  await queue(bg, [crowd[0].slug, crowd[1].slug]);
  await until(() => tab.steps.length === 1, "the first step");
  await bg.settled();
  const left = bg.alarmsFiredWhileStopped();
  assert.ok(left.length > 0, "no alarm left to wake the stopped worker");
  // That alarm wakes the queue: it carries on (the step out is verified
  // after its timeout, then the next person goes).
  for (const name of left) bg.api.alarms.onAlarm.fire({ name });
  await bg.settled();
  await bg.fromTab(tab, {
    type: "removal-outcome",
    attempt: tab.steps[0].attempt,
    outcome: { kind: "removed" },
    observed: {},
  });
  await until(() => tab.steps.length === 2, "the next step");
  await bg.fromTab(tab, {
    type: "removal-outcome",
    attempt: tab.steps[1].attempt,
    outcome: { kind: "removed" },
    observed: {},
  });
  await until(async () => (await bg.storedQueue()).progress.state === "idle", "an idle queue");
  await bg.settled();
  // Nothing left to do: no alarm wakes the worker for nothing.
  assert.deepEqual([...bg.alarms.keys()], []);
});

test("an_outcome_from_another_tab_or_with_another_attempt_is_ignored", async () => {
  const { bg, crowd, tabs } = await started({ tabCount: 2 });
  const [first, second] = tabs;
  await queue(bg, [crowd[0].slug]);
  await until(() => first.steps.length >= 1, "the step");
  const { attempt } = first.steps[0];
  const removed = { kind: "removed" };
  await bg.fromTab(second, { type: "removal-outcome", attempt, outcome: removed, observed: {} });
  await bg.fromTab(first, {
    type: "removal-outcome",
    attempt: attempt + 7,
    outcome: removed,
    observed: {},
  });
  let progress = (await bg.storedQueue()).progress;
  assert.equal(progress.removed, 0, "another tab's or attempt's outcome counted");
  assert.equal(progress.inProgress, 1);
  await bg.fromTab(first, { type: "removal-outcome", attempt, outcome: removed, observed: {} });
  progress = (await bg.storedQueue()).progress;
  assert.equal(progress.removed, 1, "the owner's outcome counts");
});

test("a_step_the_tab_did_not_take_is_no_failure_and_is_not_sent_again_at_once", async () => {
  for (const notTaken of ["busy", "hidden", "another-account", "no-list", "searched"]) {
    const { bg, crowd, tabs } = await started({
      answer: (m) =>
        m.type === "remove-step"
          ? { ok: false, notTaken, error: `not taken: ${notTaken}` }
          : { ok: true },
    });
    const [tab] = tabs;
    await queue(bg, [crowd[0].slug, crowd[1].slug]);
    await until(() => tab.steps.length >= 1, "the step");
    await sleep(300);
    await bg.settled();
    const { progress, waitingOn } = await bg.storedQueue();
    assert.equal(progress.failed, 0, `${notTaken}: counted as a failure`);
    assert.notEqual(progress.state, "paused", `${notTaken}: paused (${progress.reason})`);
    assert.equal(tab.steps.length, 1, `${notTaken}: asked again at once`);
    assert.match(
      waitingOn ?? "",
      /^Waiting for (?:your LinkedIn connections tab|the name search on your LinkedIn connections page)/,
    );
  }
});

test("removal_steps_wait_while_the_connections_tab_is_hidden_and_go_on_when_it_is_shown", async () => {
  const { bg, crowd, tabs } = await started();
  const [tab] = tabs;
  // Another tab in the same window is in front.
  bg.openTab({ id: 9, active: true, windowId: tab.windowId });
  await queue(bg, [crowd[0].slug]);
  await sleep(200);
  await bg.settled();
  assert.equal(tab.steps.length, 0, "a step was sent to a hidden tab");
  let stored = await bg.storedQueue();
  assert.equal(stored.waitingOn, "Waiting for your LinkedIn connections tab to be visible");
  assert.equal(stored.progress.state, "running", "waiting is not a pause");
  bg.activate(tab.id);
  await until(() => tab.steps.length === 1, "the step once the tab is shown");

  // A minimized window hides its tab too, and the page's own report counts.
  const second = await started();
  const [other] = second.tabs;
  second.bg.windows.get(other.windowId).state = "minimized";
  await queue(second.bg, [second.crowd[0].slug]);
  await sleep(200);
  await second.bg.settled();
  assert.equal(other.steps.length, 0, "a step was sent to a minimized window");
  second.bg.windows.get(other.windowId).state = "normal";
  await second.bg.fromTab(other, { type: "page-visibility", visible: false });
  await second.bg.alarm();
  assert.equal(other.steps.length, 0, "a step was sent to a page that says it is hidden");
  await second.bg.fromTab(other, { type: "page-visibility", visible: true });
  await until(() => other.steps.length === 1, "the step once the page is visible");
  stored = await second.bg.storedQueue();
  assert.equal(stored.waitingOn, null);
});

test("collecting_stops_at_the_first_sign_of_trouble", async () => {
  for (const how of ["trouble-message", "trouble-outcome"]) {
    const { bg, crowd, tabs } = await started({ n: 3 });
    const [tab] = tabs;
    const started_ = await bg.fromPage({ type: "collect-start" });
    assert.equal(started_.ok, true, started_.error);
    assert.equal(started_.collect.running, true);
    if (how === "trouble-message") {
      await bg.fromTab(tab, {
        type: "trouble",
        reason: "LinkedIn asks you to verify it is you",
        url: "https://www.linkedin.com/checkpoint/challenge/",
        trouble: "checkpoint",
      });
    } else {
      // A stale step's trouble (no step is out) still stops everything.
      await bg.fromTab(tab, {
        type: "removal-outcome",
        attempt: 41,
        outcome: { kind: "trouble", reason: "You've reached a temporary limit", trouble: "limit" },
        observed: {},
      });
    }
    const { collect } = Object.fromEntries(bg.local);
    assert.equal(collect.running, false, `${how}: still collecting`);
    assert.ok(
      tab.received.some((m) => m.type === "collect-halt"),
      `${how}: the tab was not told to halt`,
    );
    void crowd;
  }
});

test("the_queue_waits_for_a_collection_in_the_acting_tab_and_only_that_tab_collects", async () => {
  const { bg, crowd, tabs } = await started({ tabCount: 2 });
  const [first, second] = tabs;
  await bg.fromPage({ type: "collect-start" });
  // The second tab's reading is answered "not collecting": it stops if it was.
  const answer = await bg.reads(second, crowd, { member: ALICE, stated: 50 });
  assert.equal(answer.collect?.running, false);
  const own = await bg.reads(first, crowd, { member: ALICE, stated: 50 });
  assert.equal(own.collect?.running, true);
  assert.equal(second.received.filter((m) => m.type === "collect-run").length, 0);
  assert.ok(first.received.filter((m) => m.type === "collect-run").length >= 1);
  // The second tab's end of list is not the run's end.
  const ended = await bg.fromTab(second, {
    type: "collect-ended",
    outcome: "end-of-list",
    reason: "the list ended",
  });
  assert.equal(ended.collect.running, true, "another tab ended the collection");
  const own_ = await bg.fromTab(first, {
    type: "collect-ended",
    outcome: "end-of-list",
    reason: "the list ended",
  });
  assert.equal(own_.collect.running, false);
});

test("every_step_names_the_account_it_is_for", async () => {
  const { bg, crowd, tabs } = await started();
  await queue(bg, [crowd[2].slug]);
  await until(() => tabs[0].steps.length === 1, "the step");
  assert.equal(tabs[0].steps[0].member, ALICE);
  assert.equal(tabs[0].steps[0].slug, crowd[2].slug);
});

test("a_tab_brought_to_the_front_counts_as_visible_whatever_its_page_said_before", async () => {
  // The page said hidden, then was reloaded while hidden (a new page never
  // reports becoming visible); the member brings it to the front.
  const { bg, crowd, tabs } = await started();
  const [tab] = tabs;
  await bg.fromTab(tab, { type: "page-visibility", visible: false });
  bg.openTab({ id: 9, active: true, windowId: tab.windowId });
  await queue(bg, [crowd[0].slug]);
  await bg.alarm();
  assert.equal(tab.steps.length, 0);
  bg.activate(tab.id);
  await until(() => tab.steps.length === 1, "the step once the tab is in front");
});

test("a_reloaded_tab_acts_once_its_new_page_reads_visible_whatever_the_old_page_said_last", async () => {
  // Reloading a tab in front: the page being unloaded turns hidden and says
  // so; the new page is visible from its start, so it never sees a
  // visibilitychange, and the tab stays the active one (no onActivated).
  const { bg, crowd, tabs } = await started();
  const [tab] = tabs;
  await bg.fromTab(tab, { type: "page-visibility", visible: false });
  await bg.fromTab(tab, {
    type: "page-reading",
    reading: { ...connectionsReading(crowd, { member: ALICE }), visible: true },
  });
  await queue(bg, [crowd[0].slug]);
  await until(() => tab.steps.length === 1, "the step on the reloaded, visible page");
});

const LIMIT = {
  type: "trouble",
  reason: "You’ve reached a temporary limit",
  url: "https://www.linkedin.com/mynetwork/invite-connect/connections/",
  trouble: "limit",
};

test("a_linkedin_warning_while_the_queue_is_idle_or_paused_still_pauses_it_and_locks_resuming", async () => {
  for (const before of ["idle", "paused-by-member", "needs-page"]) {
    const { bg, crowd, tabs } = await started();
    const [tab] = tabs;
    if (before === "paused-by-member") {
      await queue(bg, [crowd[0].slug]);
      await until(() => tab.steps.length === 1, "the first step");
      await bg.fromTab(tab, {
        type: "removal-outcome",
        attempt: tab.steps[0].attempt,
        outcome: { kind: "removed" },
        observed: {},
      });
      await queue(bg, [crowd[1].slug]);
      await bg.fromPage({ type: "queue-pause" });
    }
    if (before === "needs-page") {
      bg.closeTab(tab.id);
      await queue(bg, [crowd[1].slug]);
      await bg.settled();
      assert.equal((await bg.storedQueue()).progress.pause.cause, "needsPage");
    }
    await bg.fromTab(tab, LIMIT);
    await bg.settled();
    const { progress } = await bg.storedQueue();
    assert.equal(progress.state, "paused", `${before}: the warning paused nothing`);
    assert.equal(progress.pause.cause, "trouble", `${before}`);
    assert.ok(progress.cooldownUntilMs > Date.now(), `${before}: no cool-down after the warning`);

    // Resuming without the acknowledgement is refused, and nothing goes out.
    if (before === "idle") await queue(bg, [crowd[2].slug]);
    const sent = tab.steps.length;
    const resumed = await bg.fromPage({ type: "queue-resume" });
    assert.equal(resumed.ok, false, `${before}: resumed through the cool-down`);
    if (before === "needs-page") {
      // The connections page opens again: a warning's pause does not lift by itself.
      const again = bg.openTab({ id: 9 });
      await bg.reads(again, crowd, { member: ALICE });
    }
    await bg.alarm();
    await sleep(100);
    await bg.settled();
    assert.equal(tab.steps.length, sent, `${before}: a step went out during the cool-down`);
    assert.equal((await bg.storedQueue()).progress.state, "paused", `${before}`);
  }
});

test("check_this_page_refreshes_a_stale_removal_off_so_the_queue_goes_on", async () => {
  let check = { removalOff: true, missing: ["no name search box"] };
  const { bg, crowd, tabs } = await started({
    answer: (message) => (message.type === "page-check" ? { ok: true, check } : { ok: true }),
  });
  const [tab] = tabs;
  await bg.fromTab(tab, {
    type: "page-reading",
    reading: { ...connectionsReading(crowd, { member: ALICE }), check },
  });
  assert.equal((await queue(bg, [crowd[0].slug])).ok, false, "queued on a page said off");
  // The page has since drawn its search box and gone still: the member's
  // "Check this page" sees it whole, and that is what holds now.
  check = { removalOff: false, missing: [] };
  const checked = await bg.fromPage({ type: "page-check" });
  assert.equal(checked.check.removalOff, false);
  const queued = await queue(bg, [crowd[0].slug]);
  assert.notEqual(queued.ok, false, queued.error);
  await until(() => tab.steps.length === 1, "the step once the page is whole");
});

test("a_connections_tab_that_loads_another_page_stops_acting_and_another_takes_over", async () => {
  const { bg, crowd, tabs } = await started({ tabCount: 2 });
  const [first, second] = tabs;
  bg.windows.set(second.windowId, { id: second.windowId, state: "normal", focused: false });
  bg.activate(second.id);
  // The acting tab goes to another page (a full load): it is no longer the
  // connections page, so the other connections tab acts.
  bg.reload(first.id);
  await bg.settled();
  await queue(bg, [crowd[0].slug]);
  await bg.alarm();
  await until(() => second.steps.length === 1, "the step in the remaining connections tab");
  assert.equal(first.steps.length, 0);
});

test("a_collection_its_tab_refused_is_asked_again_and_the_queue_says_it_waits_for_it", async () => {
  // The tab refuses collect-run while a step is out (as the content script
  // does); the core still counts the run as going. The queue must neither
  // wait on it silently forever nor act before the list is read.
  let refuse = true;
  const { bg, crowd, tabs } = await started({
    answer: (message) =>
      message.type === "collect-run" && refuse
        ? {
            ok: false,
            error: "a removal step is running in this tab; collecting waits until it ends",
          }
        : { ok: true },
  });
  const [tab] = tabs;
  const collect = await bg.fromPage({ type: "collect-start" });
  assert.equal(collect.collect.running, true);
  const asked = tab.received.filter((m) => m.type === "collect-run").length;
  await queue(bg, [crowd[0].slug]);
  refuse = false;
  await bg.alarm();
  await bg.settled();
  assert.ok(
    tab.received.filter((m) => m.type === "collect-run").length > asked,
    "the refused collection was not asked for again",
  );
  assert.equal(tab.steps.length, 0, "a step went out while collecting");
  assert.match((await bg.storedQueue()).waitingOn ?? "", /finish reading your connections list/);
});
