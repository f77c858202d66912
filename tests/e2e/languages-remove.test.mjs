// Removal in the page's language, end to end (issue 12): netprune clicks
// only the words of the language the LinkedIn page is in. In Turkish, whose
// removal words it knows (linkedin/words/tr.json), the popup says so and a
// batch queued from the review page is removed and verified. In German,
// whose removal words it does not know, it still reads everyone, but the
// popup says removal is not available, the review page refuses before
// anyone is queued (queue-selected disabled, queue-refused says why), and
// nobody is removed; once the member has removed one person by hand while
// netprune watched (teach-language), and kept the words it saw
// (teach-confirm), the queue removes in German with exactly those words.
// Discarding them (teach-cancel) teaches nothing. Lean on purpose: small
// lists, development pacing.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  collectionEnded,
  createMockSite,
  fastConnectionsPage,
  parseCount,
  queueRemoved,
  storedPeople,
  waitFor,
  withChromium,
  withFirefox,
} from "./harness.mjs";
import {
  assertNobodyRemoved,
  assertRemovedExactly,
  collectAllInChromium,
  datesNotStored,
  siteWords,
} from "./language-helpers.mjs";

const NETWORK = { generation: "sdui-2026", paging: "wheel", count: 30, pageSize: 10, seed: 57 };

/** The popup's sentence on the LinkedIn language, per removal availability. */
const REMOVAL_SAYS = {
  known: /netprune removes in it\.$/,
  learned: /netprune removes in it with the words you taught it\.$/,
  unavailable: /Removal is not available in it yet: teach netprune on the review page\.$/,
};

/**
 * People a name search finds alone: plain ASCII names no one else has,
 * past the mock's hand-made edge cases (at least six: the tests take
 * people by their place in this list).
 * @param {any} site
 */
function plainPeople(site) {
  const counts = new Map();
  for (const p of site.people) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  const plain = site.people.filter(
    (p) => /^[A-Za-z][A-Za-z .'-]+$/.test(p.name) && counts.get(p.name) === 1,
  );
  assert.ok(plain.length >= 6, `only ${plain.length} plain names on the mock`);
  return plain;
}

const slugOf = (person) => person.slug.toLowerCase();

/**
 * The removal words taught, as the saved snapshot keeps them (the queue's
 * `taught`, wherever it sits in the snapshot).
 * @param {unknown} value the parsed snapshot
 * @returns {any[]}
 */
function taughtIn(value) {
  if (!value || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.flatMap(taughtIn);
  const own = /** @type {any} */ (value).taught;
  if (Array.isArray(own)) return own;
  return Object.values(value).flatMap(taughtIn);
}

/**
 * Waits until the popup (opened afresh) names `language` and says
 * `removal` about it; answers the line.
 * @param {any} session either browser's
 * @param {string} named e.g. "Turkish (tr)"
 * @param {keyof typeof REMOVAL_SAYS} removal
 */
async function popupLanguage(session, named, removal) {
  await session.openPopup();
  const popup = await session.waitForPopup(
    (p) =>
      p.text["linkedin-language"]?.includes(named) &&
      REMOVAL_SAYS[removal].test(p.text["linkedin-language"]),
    { what: `linkedin-language naming ${named}, removal ${removal}` },
  );
  const line = popup.text["linkedin-language"];
  assert.equal(popup.visible["linkedin-language"], true, "the language line shows");
  assert.match(line, new RegExp(`^LinkedIn language: ${named.replace(/[()]/g, "\\$&")}\\. `));
  return line;
}

/**
 * Chromium: ticks each person's row on the review page (found by a name
 * search), then empties the search; checks the selected count.
 * @param {import("playwright-core").Page} review
 * @param {any[]} people
 */
async function selectOnReview(review, people) {
  for (const person of people) {
    await review.getByTestId("filter-input").fill(`name:"${person.name}"`);
    const row = review.locator(`[data-testid="person-row"][data-slug="${slugOf(person)}"]`);
    await row.locator('input[type="checkbox"]').check();
  }
  await review.getByTestId("filter-input").fill("");
  await waitFor(
    async () =>
      parseCount(await review.getByTestId("selected-count").textContent()) === people.length,
    { what: `${people.length} selected on the review page` },
  );
}

/**
 * Chromium: queues the selected people from the review page as a member
 * does (Remove selected…, then the dialog's confirm), for real.
 * @param {import("playwright-core").Page} review
 */
async function queueSelected(review) {
  const button = review.getByTestId("queue-selected");
  assert.equal(await button.isDisabled(), false, "queue-selected is enabled");
  await button.click();
  const dialog = review.getByTestId("queue-dialog");
  await dialog.waitFor({ state: "visible" });
  const ack = review.getByTestId("below-500-ack");
  if (await ack.isVisible()) await ack.check();
  const confirm = review.getByTestId("confirm-queue");
  await waitFor(async () => !(await confirm.isDisabled()), { what: "confirm-queue enabled" });
  await confirm.click();
}

/**
 * Chromium: collects the whole list from the review page, and checks every
 * person arrived with the day their card shows. Answers the tabs.
 * @param {any} session
 * @param {any} site
 */
async function collectWhole(session, site) {
  const read = await collectAllInChromium(session, site);
  assert.equal(read.collect.outcome, "complete", read.collect.reason ?? "");
  assert.equal(read.collect.seen, site.people.length);
  assert.deepEqual(await datesNotStored(session, site), [], "every card's date stored");
  await read.review.bringToFront();
  await waitFor(
    async () =>
      parseCount(await read.review.getByTestId("result-count").textContent()) ===
      site.people.length,
    { what: "every person listed on the review page" },
  );
  return read;
}

/**
 * The review page's refusal before queueing: people selected, yet
 * queue-selected disabled and queue-refused (in the teach panel) saying
 * why, naming the language.
 * @param {import("playwright-core").Page} review
 * @param {string} languageName e.g. "German"
 */
async function assertReviewRefuses(review, languageName) {
  await waitFor(async () => review.getByTestId("queue-refused").isVisible(), {
    what: "queue-refused to show",
  });
  assert.equal(await review.getByTestId("teach-panel").isVisible(), true, "teach-panel shows");
  assert.equal(await review.getByTestId("queue-selected").isDisabled(), true);
  const refused = (await review.getByTestId("queue-refused").textContent()) ?? "";
  assert.match(refused, /Removal is not available in/);
  assert.ok(refused.includes(languageName), `queue-refused names ${languageName}: ${refused}`);
  assert.equal(await review.getByTestId("teach-language").isVisible(), true);
}

/**
 * The core's own refusal: a batch asked for directly is refused whole for
 * the language, and nobody waits.
 * @param {any} session either browser's
 * @param {string[]} slugs
 */
async function assertCoreRefuses(session, slugs) {
  const answer = await session.ask({ type: "queue-removals", slugs, dryRun: false });
  assert.equal(answer.ok, true, answer.error);
  const refused = answer.refused ?? [];
  assert.deepEqual(
    refused.map((r) => [r.slug, r.why]).sort(),
    slugs.map((slug) => [slug, "language"]).sort(),
    `every slug refused for the language: ${JSON.stringify(answer)}`,
  );
  const { queue } = await session.storage();
  assert.equal(queue?.progress?.pending ?? 0, 0, "nobody waits in the queue");
}

/**
 * In the LinkedIn tab, as a member: the person's card menu button, the
 * menu item that removes, and the dialog's confirm, found by the mock's
 * words in the page's language. Waits until the mock's backend removed them.
 * @param {import("playwright-core").Page} linkedin
 * @param {any} site
 * @param {any} person
 */
async function removeByHand(linkedin, site, person) {
  const { say } = siteWords(site);
  await linkedin.bringToFront();
  // The card found as a member finds it: by the page's name search.
  const search = linkedin.getByPlaceholder(say("searchByName"), { exact: true });
  await search.fill(person.name);
  const menuButton = linkedin.getByRole("button", {
    name: say("moreActionsFor", { name: person.name }),
    exact: true,
  });
  await menuButton.waitFor({ state: "visible", timeout: 15_000 });
  await menuButton.click();
  await linkedin.getByRole("menuitem", { name: say("removeConnection"), exact: true }).click();
  const dialog = linkedin.locator("dialog[open]");
  await dialog.waitFor({ state: "visible" });
  await dialog.getByRole("button", { name: say("confirm"), exact: true }).click();
  await waitFor(() => site.removed.has(person.slug) || site.removed.has(slugOf(person)), {
    what: `${person.name} removed by hand on the mock's backend`,
    describe: () => [...site.removed],
  });
  await waitFor(async () => (await menuButton.count()) === 0, {
    what: `${person.name}'s card to leave the list`,
  });
  // The search emptied again, so the list shows everyone (with a search
  // that finds nobody, the queue waits for a list).
  await search.fill("");
  await linkedin.locator('[componentkey^="ConnectionCard_"]').first().waitFor();
}

/**
 * The teach-once flow up to what netprune saw: presses teach-language on
 * the review page, removes `person` by hand in the LinkedIn tab, and waits
 * for teach-learned. Answers its text and teach-status's.
 * @param {any} session
 * @param {{ review: import("playwright-core").Page, linkedin: import("playwright-core").Page }} tabs
 * @param {any} site
 * @param {any} person
 */
async function teachByHand(session, { review, linkedin }, site, person) {
  await review.bringToFront();
  await review.getByTestId("teach-language").click();
  await waitFor(async () => (await session.storage()).teach?.state === "watching", {
    what: "the teach watch to start",
    describe: async () => ({
      teach: (await session.storage()).teach,
      status: await review.getByTestId("teach-status").textContent(),
    }),
  });
  await removeByHand(linkedin, site, person);
  await review.bringToFront();
  const learned = review.getByTestId("teach-learned");
  await waitFor(() => learned.isVisible(), {
    what: "teach-learned to show what netprune saw",
    timeout: 30_000,
    describe: async () => ({
      teach: (await session.storage()).teach,
      status: await review.getByTestId("teach-status").textContent(),
    }),
  });
  return {
    learned: ((await learned.textContent()) ?? "").replace(/\s+/g, " "),
    status: (await review.getByTestId("teach-status").textContent()) ?? "",
  };
}

test("chromium, tr: collected whole, the popup says netprune removes in Turkish, and two queued from the review page are removed and verified", async () => {
  const site = createMockSite({ ...NETWORK, language: "tr" });
  await withChromium({ site }, async (session) => {
    const { linkedin, review } = await collectWhole(session, site);
    await popupLanguage(session, "Turkish (tr)", "known");

    const chosen = plainPeople(site).slice(4, 6);
    await review.bringToFront();
    assert.equal(await review.getByTestId("queue-refused").isVisible(), false);
    await selectOnReview(review, chosen);
    await queueSelected(review);
    await linkedin.bringToFront();
    await queueRemoved(session, 2, { timeout: 120_000, what: "two removals in Turkish" });
    assertRemovedExactly(site, chosen.map(slugOf));
  });
});

test("firefox, tr: the popup says netprune removes in Turkish, and a queued pair is removed and verified", async () => {
  const site = createMockSite({ ...NETWORK, language: "tr" });
  await withFirefox({ site }, async (session) => {
    await fastConnectionsPage(session, site, 60);
    await session.openPopup();
    const started = await session.ask({ type: "collect-start" });
    assert.equal(started.ok, true, started.error);
    await session.inLinkedIn(() => true);
    const collect = await collectionEnded(session, { timeout: 90_000, what: "the collection" });
    assert.equal(collect.outcome, "complete", collect.reason ?? "");
    assert.equal(collect.seen, site.people.length);
    await popupLanguage(session, "Turkish (tr)", "known");

    const slugs = plainPeople(site).slice(4, 6).map(slugOf);
    const queued = await session.ask({ type: "queue-removals", slugs, dryRun: false });
    assert.equal(queued.ok, true, queued.error);
    assert.deepEqual(queued.refused ?? [], [], "nobody refused");
    await session.inLinkedIn(() => true);
    await queueRemoved(session, 2, {
      timeout: 120_000,
      interval: 1_000,
      what: "two removals in Turkish",
    });
    assertRemovedExactly(site, slugs);
  });
});

test("chromium, de: everyone is read with their date, but removal is refused before queueing and nobody is removed", async () => {
  const site = createMockSite({ ...NETWORK, language: "de" });
  await withChromium({ site }, async (session) => {
    const { review } = await collectWhole(session, site);
    await popupLanguage(session, "German (de)", "unavailable");

    const chosen = plainPeople(site).slice(4, 6);
    await review.bringToFront();
    await selectOnReview(review, chosen);
    await assertReviewRefuses(review, "German");
    // A click on the disabled button opens nothing.
    await review.getByTestId("queue-selected").click({ force: true });
    assert.equal(await review.getByTestId("queue-dialog").isVisible(), false);
    await assertCoreRefuses(session, chosen.map(slugOf));
    await assertNobodyRemoved(site);
  });
});

test("chromium, de: taught by one removal by hand (a first one discarded), the queue removes two more with exactly the words the member kept", async () => {
  const site = createMockSite({ ...NETWORK, language: "de" });
  const { words, say } = siteWords(site);
  await withChromium({ site }, async (session) => {
    const { linkedin, review } = await collectWhole(session, site);
    await popupLanguage(session, "German (de)", "unavailable");
    await review.bringToFront();
    await assertReviewRefuses(review, "German");

    const [discarded, taught, , , a, b] = plainPeople(site);

    // First lesson: netprune shows the words, the member discards them.
    const first = await teachByHand(session, { review, linkedin }, site, discarded);
    assert.ok(first.status.includes(discarded.name), `teach-status: ${first.status}`);
    await review.getByTestId("teach-cancel").click();
    await waitFor(async () => !(await review.getByTestId("teach-learned").isVisible()), {
      what: "teach-learned to hide after teach-cancel",
    });
    assert.equal((await session.storage()).teach, undefined, "the discarded lesson is gone");
    await selectOnReview(review, [a]);
    await assertReviewRefuses(review, "German");
    await popupLanguage(session, "German (de)", "unavailable");

    // Second lesson, kept.
    await review.bringToFront();
    const second = await teachByHand(session, { review, linkedin }, site, taught);
    assert.ok(second.status.includes(taught.name), `teach-status: ${second.status}`);
    assert.ok(
      second.learned.includes(words.moreActionsFor),
      `the menu button's label as a pattern: ${second.learned}`,
    );
    assert.ok(second.learned.includes(say("removeConnection")), second.learned);
    assert.ok(second.learned.includes(say("confirm")), second.learned);
    await review.getByTestId("teach-confirm").click();
    await waitFor(async () => !(await review.getByTestId("queue-refused").isVisible()), {
      what: "queue-refused to go once the words are kept",
    });
    await popupLanguage(session, "German (de)", "learned");

    // What the core keeps is exactly what the member pressed, in German.
    assert.deepEqual(
      taughtIn(JSON.parse(await session.storedNetwork())).map((w) => ({
        language: w.language,
        menuItem: w.menuItem,
        confirm: w.confirm,
        menuButton: w.menuButton,
      })),
      [
        {
          language: "de",
          menuItem: say("removeConnection"),
          confirm: say("confirm"),
          menuButton: words.moreActionsFor,
        },
      ],
      "the saved snapshot keeps the taught words",
    );

    await review.bringToFront();
    // The selection made before the lesson, cleared: then the two.
    if (await review.getByTestId("clear-selection").isEnabled()) {
      await review.getByTestId("clear-selection").click();
    }
    await selectOnReview(review, [a, b]);
    await queueSelected(review);
    await linkedin.bringToFront();
    await queueRemoved(session, 2, { timeout: 120_000, what: "two removals in German" });
    assertRemovedExactly(site, [discarded, taught, a, b].map(slugOf));
    const people = new Map((await storedPeople(session)).map((p) => [p.slug.toLowerCase(), p]));
    for (const person of [a, b]) {
      assert.ok(people.get(slugOf(person))?.removedAtMs, `${person.name} is marked removed`);
    }
  });
});

test("firefox, de: removal is refused before queueing", async () => {
  const site = createMockSite({ ...NETWORK, language: "de" });
  await withFirefox({ site }, async (session) => {
    await fastConnectionsPage(session, site, 60);
    await popupLanguage(session, "German (de)", "unavailable");
    // The first page's people (the mock's edge cases): the first row ticked.
    await session.openReview();
    const { By } = await import("selenium-webdriver");
    const row = await session.driver.findElement(By.css('[data-testid="person-row"][data-slug]'));
    const slug = await row.getAttribute("data-slug");
    await row.findElement(By.css('input[type="checkbox"]')).click();
    const state = await session.driver.executeScript(`
      const by = (id) => document.querySelector('[data-testid="' + id + '"]');
      const shown = (e) => !!e && !e.closest("[hidden]") && e.checkVisibility();
      return {
        selected: by("selected-count").textContent.trim(),
        disabled: by("queue-selected").disabled,
        refused: shown(by("queue-refused")) ? by("queue-refused").textContent.trim() : null,
      };`);
    assert.equal(parseCount(state.selected), 1, "one person selected");
    assert.equal(state.disabled, true, "queue-selected is disabled");
    assert.match(state.refused ?? "", /Removal is not available in German/);
    await assertCoreRefuses(session, [slug]);
    await assertNobodyRemoved(site);
  });
});
