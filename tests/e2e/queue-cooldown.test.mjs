// LinkedIn's temporary-limit warning mid-queue, in both browsers: the queue
// pauses for the cool-down and Resume needs the member's acknowledgement.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  countingSite,
  fastConnectionsPage,
  queuePaused,
  queueProgress,
  waitFor,
  withChromium,
  withFirefox,
} from "./harness.mjs";

/**
 * The popup's own controls, in either browser: `click(testid)` clicks the
 * element as a pointer would (`force` even while it is disabled, where the
 * browser then delivers no click), `enabled` and `checked` read it.
 */
async function popupControls(session) {
  if (session.browser === "firefox") {
    const { By } = await import("selenium-webdriver");
    const element = async (id) => {
      await session.readPopup(); // the popup's window is the current one
      return session.driver.findElement(By.css(`[data-testid="${id}"]`));
    };
    return {
      click: async (id) => (await element(id)).click(),
      enabled: async (id) => (await element(id)).isEnabled(),
      checked: async (id) => (await element(id)).isSelected(),
    };
  }
  const popup = session.popupPage;
  return {
    click: (id, { force = false } = {}) => popup.getByTestId(id).click({ force, timeout: 5_000 }),
    enabled: (id) => popup.getByTestId(id).isEnabled(),
    checked: (id) => popup.getByTestId(id).isChecked(),
  };
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Three people queued; LinkedIn answers the second removal with "You've
 * reached a temporary limit". The queue pauses at once with that reason and
 * removes nobody further; the popup explains the cool-down and keeps Resume
 * disabled, and a click on it changes nothing, until the member ticks the
 * acknowledgement; then, with LinkedIn's limit lifted (the member reloads
 * the page), Resume carries the queue on and the other two are removed and
 * verified. `showLinkedIn` brings the LinkedIn tab in front, `reloadLinkedIn`
 * reloads it.
 */
async function warningThenCooldown(session, site, faults, { showLinkedIn, reloadLinkedIn }) {
  const send = (message) => session.ask(message);
  await fastConnectionsPage(session, site, 200);
  const slugs = site.people.slice(3, 6).map((p) => p.slug.toLowerCase());
  const answer = await send({ type: "queue-removals", slugs, dryRun: false });
  assert.equal(answer.ok, true, answer.error);
  await showLinkedIn();

  const paused = await queuePaused(session, "the queue to pause at the warning");
  assert.match(paused.reason ?? "", /temporary limit/i, "the pause names LinkedIn's warning");
  assert.equal(paused.pauseCause, "trouble");
  // At once: the first removed, the second refused by LinkedIn, nobody tried after.
  assert.deepEqual([...site.removed], [slugs[0]]);
  assert.deepEqual(
    [...site.posts.keys()],
    slugs.slice(0, 2),
    "a removal was tried after the warning",
  );
  assert.ok(paused.cooldownUntilMs - Date.now() > 23 * HOUR_MS, "a cool-down of about a day");
  assert.match(paused.cooldownReason ?? "", /temporary limit/i);

  // The popup explains why and until when, and Resume waits for the tick.
  await session.openPopup();
  const shown = await session.waitForPopup((p) => p.visible["queue-cooldown"], {
    what: "the cool-down",
  });
  assert.match(shown.text["queue-state"], /paused: .*temporary limit/i);
  assert.match(shown.text["queue-cooldown"], /LinkedIn showed a warning \(.*temporary limit/i);
  assert.match(shown.text["queue-cooldown"], /resuming is locked until .+ \(in (?:23|24) h/);
  assert.equal(shown.visible["queue-resume"], true);
  const controls = await popupControls(session);
  assert.equal(await controls.checked("queue-cooldown-ack"), false);
  assert.equal(await controls.enabled("queue-resume"), false, "Resume before the tick");

  // Resume without the tick: nothing happens, whether clicked or asked for.
  await controls.click("queue-resume", { force: true });
  const refused = await send({ type: "queue-resume" });
  assert.notEqual(refused.ok, true, "the background resumed without the acknowledgement");
  assert.match(refused.error ?? "", /locked until/);
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const still = await queueProgress(session);
  assert.equal(still.state, "paused", "the queue resumed without the acknowledgement");
  assert.ok(still.cooldownUntilMs > Date.now(), "the cool-down was lifted");
  assert.deepEqual([...site.removed], [slugs[0]], "a removal without the acknowledgement");
  assert.equal(site.posts.size, 2, "a removal was tried without the acknowledgement");

  // LinkedIn lifts the limit; the member reloads the page, ticks and resumes.
  delete faults.temporaryLimitAfter;
  await reloadLinkedIn();
  await session.openPopup();
  await session.waitForPopup((p) => p.visible["queue-cooldown"], { what: "the cool-down again" });
  const again = await popupControls(session);
  await again.click("queue-cooldown-ack");
  assert.equal(await again.checked("queue-cooldown-ack"), true);
  assert.equal(await again.enabled("queue-resume"), true, "Resume after the tick");
  await again.click("queue-resume");
  await session.waitForPopup((p) => !p.visible["queue-cooldown"], {
    what: "the cool-down to be acknowledged",
  });
  await showLinkedIn();

  const done = await waitFor(
    async () => {
      const p = await queueProgress(session);
      return p && p.pending === 0 && p.inProgress === 0 ? p : null;
    },
    {
      what: "the queue to finish",
      describe: async () => {
        const { queue: q } = await session.storage();
        return { progress: q?.progress, waitingOn: q?.waitingOn };
      },
      timeout: 60_000,
      interval: 500,
    },
  );
  assert.equal(done.removed, 3);
  assert.equal(done.state, "idle");
  assert.deepEqual([...site.removed].sort(), [...slugs].sort());
  // Each removed once: only the refused attempt was ever sent twice.
  for (const [slug, count] of site.posts) {
    assert.equal(count, slug === slugs[1] ? 2 : 1, `${slug} sent ${count} times`);
  }
  const { queue } = await session.storage();
  for (const slug of slugs) {
    const entry = queue.entries.find((e) => e.slug === slug);
    assert.equal(entry?.status.kind, "removed", `${slug} verified removed`);
  }
  const log = await send({ type: "removal-log" });
  assert.match(log.csv, /resumed during the cool-down .* with the member's acknowledgement/);
}

test("chromium: a temporary-limit warning pauses the queue for the cool-down; Resume needs the acknowledgement, then the queue carries on", async () => {
  const faults = { temporaryLimitAfter: 1 };
  const site = countingSite({ generation: "sdui-2026", count: 12, seed: 77, pageSize: 12, faults });
  await withChromium({ site }, async (session) => {
    const linkedin = () =>
      session.context.pages().find((page) => page.url().startsWith("https://www.linkedin.com/"));
    await warningThenCooldown(session, site, faults, {
      showLinkedIn: () => linkedin().bringToFront(),
      reloadLinkedIn: async () => {
        await linkedin().reload({ waitUntil: "load" });
        await linkedin().bringToFront();
      },
    });
  });
});

test("firefox: a temporary-limit warning pauses the queue for the cool-down; Resume needs the acknowledgement, then the queue carries on", async () => {
  const faults = { temporaryLimitAfter: 1 };
  const site = countingSite({ generation: "artdeco", count: 12, seed: 78, pageSize: 12, faults });
  await withFirefox({ site }, async (session) => {
    await warningThenCooldown(session, site, faults, {
      // The LinkedIn page has its own window, always shown.
      showLinkedIn: async () => {},
      reloadLinkedIn: () => session.reloadLinkedIn(),
    });
  });
});
