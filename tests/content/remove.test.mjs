// One removal step (`remove-step`) on the connections page, in every markup
// generation the mock site serves and under each fault LinkedIn has shown:
// the step removes exactly the person asked for (the mock's backend holds
// only their slug), finds people who are not rendered through the page's own
// name search, never touches a namesake, stops at the confirm button in a
// dry run, verifies without clicking anything but the search box, and turns
// every surprise into `trouble` without pressing anything it should not.
// Every click on the page is recorded (capture phase) and checked against
// the four things a step may click.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CHECKPOINT_PATH, createMockSite, PATHS } from "../mock-site/site.mjs";
import { collectRun, openPage, ORIGIN, RULES, sleep, waitFor } from "./harness.mjs";

// A step takes a few seconds (human pauses, typing, LinkedIn's answers);
// these leave room for a loaded machine running many pages at once.
// The core draws a step's pauses (seconds for a member); these are short,
// as under test pacing.
const PAUSES = [120, 180, 150, 200, 130, 170];
const OUTCOME_TIMEOUT_MS = 30_000;

const ZOE = { slug: "zoe-muller-7c3d9e", name: "Zoë Müller" };
const NOA = { slug: "noa-cohen-1e4f7a", name: "נועה כהן" };
const SAM = { slug: "sam-lee-8d7c6b", name: "Sam Lee" };
const MARIA = { slug: "maria-silva-9f8e7d", name: "Maria Silva" };
const OTHER_MARIA = { slug: "maria-silva-1a2b3c", name: "Maria Silva" };
const GRACE = { slug: "grace-van-der-berg-0add24", name: "Grace van der Berg" };
const LIAM = { slug: "liam-fernandez-dffcc2", name: "Liam Fernández" };

const GENERATIONS = ["artdeco", "react-2025", "sdui-2026"];
const CARD = 'li.mn-connection-card, [componentkey^="ConnectionCard_"]';
const REACT_TRIGGER = 'button[data-view-name="connections-remove-connection-dropdown"]';
const DIALOG = 'dialog, [role="dialog"], [role="alertdialog"]';

const collapse = (text) => text.replace(/\s+/g, " ").trim();

/** The decoded, lower-cased slug a profile link points to. */
function slugOf(href) {
  const match = /\/in\/([^/?#]+)/.exec(href ?? "");
  return match ? decodeURIComponent(match[1]).toLowerCase() : null;
}

/** The person a card-level element belongs to, by the card's profile link. */
function cardSlug(element) {
  let card = element.closest(CARD);
  if (!card) {
    // react-2025: the smallest ancestor with a profile link
    for (card = element.parentElement; card; card = card.parentElement) {
      if (card.querySelector('a[data-view-name="connections-profile"]')) break;
    }
  }
  const link = card?.querySelector('a[href*="/in/"]');
  return link ? slugOf(link.getAttribute("href")) : null;
}

/**
 * What a click landed on, in the terms of what a step may click: the
 * search box, a card's menu button (and whose), a menu item, or a button of
 * a dialog (which dialog, which button). Classified at click time, as the
 * element may leave the page right after.
 */
function classify(target) {
  if (target.matches('input[placeholder="Search by name"]')) return "search-box";
  const button = target.closest("button");
  if (
    button?.matches(`button[aria-label^="More actions for "], ${REACT_TRIGGER}`) &&
    !button.closest(DIALOG)
  ) {
    return `menu-button:${cardSlug(button)}`;
  }
  const dialog = target.closest(DIALOG);
  if (dialog && button) {
    const title = collapse(dialog.querySelector("h2")?.textContent ?? "");
    const name = collapse(button.getAttribute("aria-label") || button.textContent);
    return `dialog:${title}:${name}`;
  }
  const item = target.closest('[role="menuitem"], [role="button"], [tabindex="0"]');
  if (item) return `menu-item:${collapse(item.textContent)}`;
  return `other:${target.outerHTML.slice(0, 120)}`;
}

const REMOVE_DIALOG = /^dialog:Remove connection:(?:Remove|Remove connection|Cancel|Dismiss)$/;
const ANY_CANCEL = /^dialog:[^:]*:(?:Cancel|Dismiss)$/;

/** Every click was one a step may make for `slug`. */
function assertOnlyAllowedClicks(clicks, slug) {
  for (const click of clicks) {
    assert.ok(
      click === "search-box" ||
        click === `menu-button:${slug}` ||
        click === "menu-item:Remove connection" ||
        REMOVE_DIALOG.test(click) ||
        ANY_CANCEL.test(click),
      `a step for ${slug} may not click ${click} (clicks: ${clicks.join(", ")})`,
    );
  }
}

/** The confirm click each generation's dialog calls for. */
const CONFIRM = {
  artdeco: "dialog:Remove connection:Remove",
  "react-2025": "dialog:Remove connection:Remove",
  "sdui-2026": "dialog:Remove connection:Remove connection",
};

/**
 * Open the connections page with the content script, recording clicks.
 * @param {object} siteOptions for createMockSite
 * @param {object} [pageOptions] for openPage
 */
async function openConnections(siteOptions, pageOptions = {}) {
  const site = createMockSite({ renderDelayMs: 50, ...siteOptions });
  const page = await openPage(site, PATHS.connections, pageOptions);
  const clicks = [];
  page.document.addEventListener("click", (event) => clicks.push(classify(event.target)), true);
  await page.waitForMessages(1);
  return { site, page, clicks };
}

let nextAttempt = 1;

/**
 * Ask for one step as the background would, check it is accepted, and wait
 * for its outcome.
 * @returns {Promise<{ type: string, attempt: number, outcome: any, observed: string }>}
 */
async function step(page, { slug, name }, { mode = "remove", dryRun = false } = {}) {
  const attempt = nextAttempt++;
  const message = {
    type: "remove-step",
    rules: RULES.step,
    pausesMs: PAUSES,
    attempt,
    slug,
    name,
    mode,
  };
  if (mode === "remove") message.dryRun = dryRun;
  assert.deepEqual(await page.tell(message), { ok: true });
  return waitFor(
    () => page.messages.find((m) => m.type === "removal-outcome" && m.attempt === attempt),
    `the outcome of attempt ${attempt}`,
    OUTCOME_TIMEOUT_MS,
  );
}

const troubleMessages = (page) => page.messages.filter((m) => m.type === "trouble");
const listedSlugs = (page) =>
  [...page.document.querySelectorAll('main a[href*="/in/"]')].map((a) =>
    slugOf(a.getAttribute("href")),
  );
const searchBox = (page) => page.document.querySelector('input[placeholder="Search by name"]');
const openDialogs = (page) =>
  [...page.document.querySelectorAll(DIALOG)].filter(
    (d) => d.localName !== "dialog" || d.hasAttribute("open"),
  );

describe("removal step", { concurrency: true }, () => {
  for (const generation of GENERATIONS) {
    test(`removes exactly the asked person from the rendered list in ${generation}`, async () => {
      const { site, page, clicks } = await openConnections({ generation });
      try {
        const report = await step(page, ZOE);
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.match(
          report.observed,
          /Zoë Müller \(\/in\/zoe-muller-7c3d9e\/, found on the list\)/,
        );
        assert.match(
          report.observed,
          /(?:the card left the list, which still shows \d+ people|the stated total dropped from 40 to 39)$/,
        );
        assert.deepEqual([...site.removed], [ZOE.slug]);
        assert.deepEqual(clicks, [
          `menu-button:${ZOE.slug}`,
          "menu-item:Remove connection",
          CONFIRM[generation],
        ]);
        // The page may print the lower total a task before it drops the
        // card (artdeco and react-2025 drop it on a timer), and the step is
        // right to count either as proof; the card must still leave.
        await waitFor(() => !listedSlugs(page).includes(ZOE.slug), "the card to leave the list");
        assert.deepEqual(openDialogs(page), []);
        assert.deepEqual(troubleMessages(page), []);
        assert.deepEqual(page.pageErrors, []);
      } finally {
        page.close();
      }
    });

    test(`finds a person who is not rendered through the name search in ${generation}`, async () => {
      const { site, page, clicks } = await openConnections({ generation });
      try {
        assert.ok(!listedSlugs(page).includes(GRACE.slug), "not rendered before the step");
        const report = await step(page, GRACE);
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.match(report.observed, /found through a name search/);
        assert.deepEqual([...site.removed], [GRACE.slug]);
        assert.equal(clicks[0], "search-box");
        assertOnlyAllowedClicks(clicks, GRACE.slug);
        assert.ok(clicks.includes(CONFIRM[generation]));
        // The search box is left as the member left it: empty.
        assert.equal(searchBox(page).value, "");
      } finally {
        page.close();
      }
    });

    test(`removes the asked Maria Silva and never touches her namesake in ${generation}`, async () => {
      const { site, page, clicks } = await openConnections({ generation });
      try {
        const report = await step(page, MARIA);
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.deepEqual([...site.removed], [MARIA.slug]);
        assert.ok(!clicks.includes(`menu-button:${OTHER_MARIA.slug}`));
        assertOnlyAllowedClicks(clicks, MARIA.slug);

        // Someone of that name who is not a connection (another slug) is
        // not found, and nobody's menu is opened looking for them.
        clicks.length = 0;
        const missing = await step(page, { slug: "maria-silva-000000", name: "Maria Silva" });
        assert.deepEqual(missing.outcome, { kind: "not-found" });
        assert.match(
          missing.observed,
          /nobody linking to \/in\/maria-silva-000000\/ \(its 1 person listed leave them out\); 1 other person of that name left alone/,
        );
        assert.deepEqual(clicks, ["search-box"]);
        assert.deepEqual([...site.removed], [MARIA.slug]);
      } finally {
        page.close();
      }
    });

    test(`stops at the confirm button in a dry run in ${generation}`, async () => {
      const { site, page, clicks } = await openConnections({ generation });
      try {
        const report = await step(page, ZOE, { dryRun: true });
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.equal(
          report.observed,
          "dry run: reached the Remove connection button for Zoë Müller; not pressed",
        );
        assert.deepEqual([...site.removed], []);
        assert.deepEqual(clicks, [
          `menu-button:${ZOE.slug}`,
          "menu-item:Remove connection",
          "dialog:Remove connection:Cancel",
        ]);
        assert.deepEqual(openDialogs(page), [], "the dialog was closed");
        assert.ok(listedSlugs(page).includes(ZOE.slug), "still listed");
      } finally {
        page.close();
      }
    });

    test(`verifies by name search alone, and only on positive evidence, in ${generation}`, async () => {
      const { site, page, clicks } = await openConnections({ generation, without: [SAM.slug] });
      try {
        const present = await step(page, NOA, { mode: "verify" });
        assert.deepEqual(present.outcome, { kind: "still-there" });
        assert.match(present.observed, /still lists \/in\/noa-cohen-1e4f7a\//);
        // A search listing a namesake and not them is positive evidence.
        const gone = await step(
          page,
          { slug: "maria-silva-000000", name: "Maria Silva" },
          {
            mode: "verify",
          },
        );
        assert.deepEqual(gone.outcome, { kind: "removed" });
        assert.match(
          gone.observed,
          /no longer lists \/in\/maria-silva-000000\/: its 2 people listed leave them out/,
        );
        // An empty result proves nothing (issue 9, item 5).
        const empty = await step(page, SAM, { mode: "verify" });
        assert.equal(empty.outcome.kind, "unproven");
        assert.match(empty.outcome.reason, /showed nobody, which proves nothing/);
        assert.deepEqual(clicks, ["search-box", "search-box", "search-box"]);
        assert.deepEqual([...site.removed], []);
        assert.equal(searchBox(page).value, "");
      } finally {
        page.close();
      }
    });

    test(`treats a "Remove saved item?" dialog as trouble and closes it in ${generation}`, async () => {
      const { site, page, clicks } = await openConnections({
        generation,
        faults: { misleadingDialog: true },
      });
      try {
        const report = await step(page, ZOE);
        assert.equal(report.outcome.kind, "trouble");
        assert.match(report.outcome.reason, /not the remove-connection dialog for Zoë Müller/);
        assert.match(report.observed, /Remove saved item\?/);
        assert.match(report.observed, /netprune pressed its “Cancel”$/);
        assert.deepEqual([...site.removed], []);
        assert.deepEqual(clicks, [
          `menu-button:${ZOE.slug}`,
          "menu-item:Remove connection",
          "dialog:Remove saved item?:Cancel",
        ]);
        assert.deepEqual(openDialogs(page), []);
        // The outcome told the trouble; it is not told twice.
        await sleep(1500);
        assert.deepEqual(troubleMessages(page), []);
      } finally {
        page.close();
      }
    });

    test(`treats a menu with two "Remove connection" items as trouble in ${generation}`, async () => {
      const { site, page, clicks } = await openConnections({
        generation,
        faults: { ambiguousMenu: "duplicate" },
      });
      try {
        const report = await step(page, ZOE);
        assert.equal(report.outcome.kind, "trouble");
        assert.match(report.outcome.reason, /more than one “Remove connection” item/);
        assert.deepEqual(clicks, [`menu-button:${ZOE.slug}`]);
        assert.deepEqual([...site.removed], []);
      } finally {
        page.close();
      }
    });

    test(`proves a removal by the stated total dropping when the card lingers in ${generation}`, async () => {
      const { site, page, clicks } = await openConnections({
        generation,
        faults: { lingerAfterConfirm: true },
      });
      try {
        const report = await step(page, ZOE);
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.match(report.observed, /the stated total dropped from 40 to 39$/);
        assert.deepEqual([...site.removed], [ZOE.slug]);
        assertOnlyAllowedClicks(clicks, ZOE.slug);
      } finally {
        page.close();
      }
    });

    test(`a confirmed removal the page gives no proof of is unproven, never failed, in ${generation}`, async () => {
      // Review finding 2: Grace is found through the name search, her name
      // is unique, and the stated total does not move: after the confirm
      // click nothing proves she left, and nothing proves she stayed.
      const { site, page, clicks } = await openConnections({
        generation,
        faults: { staleTotal: true },
      });
      try {
        const report = await step(page, GRACE);
        assert.equal(report.outcome.kind, "unproven");
        assert.match(report.outcome.reason, /the name search for “Grace van der Berg”/);
        assert.deepEqual([...site.removed], [GRACE.slug]);
        assert.ok(clicks.includes(CONFIRM[generation]));
        assertOnlyAllowedClicks(clicks, GRACE.slug);
        // (A check that proves nothing is unproven too: see "verifies by
        // name search alone" above.)
      } finally {
        page.close();
      }
    });

    test(`a removal whose search finds nobody before any click stays a failure in ${generation}`, async () => {
      const { site, page, clicks } = await openConnections({ generation, without: [SAM.slug] });
      try {
        const report = await step(page, SAM);
        assert.equal(report.outcome.kind, "failed");
        assert.match(report.outcome.reason, /showed nobody, which proves nothing/);
        assert.deepEqual(clicks, ["search-box"]);
        assert.deepEqual([...site.removed], []);
      } finally {
        page.close();
      }
    });
  }

  for (const generation of ["artdeco", "sdui-2026"]) {
    test(`clicks the menu button again when the first click opens nothing in ${generation}`, async () => {
      const { site, page, clicks } = await openConnections({
        generation,
        faults: { menuNeedsSecondClick: true },
      });
      try {
        const report = await step(page, ZOE);
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.deepEqual([...site.removed], [ZOE.slug]);
        assert.deepEqual(clicks, [
          `menu-button:${ZOE.slug}`,
          `menu-button:${ZOE.slug}`,
          "menu-item:Remove connection",
          CONFIRM[generation],
        ]);
      } finally {
        page.close();
      }
    });
  }

  for (const generation of GENERATIONS) {
    test(`chooses the one “Remove connection” of a menu with several items, by pointer, in ${generation}`, async () => {
      const { site, page, clicks } = await openConnections({
        generation,
        faults: { ambiguousMenu: "unexpected" },
      });
      /** every pointer and mouse event on the page, in order, as `type:what` */
      const events = [];
      for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup", "click"]) {
        page.document.addEventListener(
          type,
          (event) => events.push(`${type}:${classify(event.target)}`),
          true,
        );
      }
      try {
        const report = await step(page, ZOE);
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.deepEqual([...site.removed], [ZOE.slug]);
        assert.deepEqual(clicks, [
          `menu-button:${ZOE.slug}`,
          "menu-item:Remove connection",
          CONFIRM[generation],
        ]);
        // Each click came as the sequence a pointer makes.
        const sequence = (what) =>
          ["pointerdown", "mousedown", "pointerup", "mouseup", "click"].map((t) => `${t}:${what}`);
        assert.deepEqual(events, [
          ...sequence(`menu-button:${ZOE.slug}`),
          ...sequence("menu-item:Remove connection"),
          ...sequence(CONFIRM[generation]),
        ]);
      } finally {
        page.close();
      }
    });
  }

  test("reports a limit banner shown at once, on load and as a step's outcome, clicking nothing", async () => {
    const { site, page, clicks } = await openConnections({
      generation: "sdui-2026",
      faults: { limitBanner: true },
    });
    try {
      const [told] = await waitFor(
        () => (troubleMessages(page).length > 0 ? troubleMessages(page) : null),
        "a trouble message",
      );
      assert.deepEqual(told, {
        type: "trouble",
        reason:
          "LinkedIn says “You’ve reached the weekly limit for this action Please try again next week.”",
        url: `${ORIGIN}${PATHS.connections}`,
        trouble: "limit",
      });
      const report = await step(page, ZOE);
      assert.equal(report.outcome.kind, "trouble");
      assert.equal(report.outcome.trouble, "limit");
      assert.match(report.outcome.reason, /weekly limit/);
      assert.match(report.observed, /before netprune did anything$/);
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.removed], []);
      assert.equal(troubleMessages(page).length, 1, "told once per page view");
    } finally {
      page.close();
    }
  });

  test("a temporary limit after confirming is trouble of kind limit, never a removal", async () => {
    const { site, page } = await openConnections({
      generation: "sdui-2026",
      faults: { temporaryLimitAfter: 0 },
    });
    try {
      const report = await step(page, ZOE);
      assert.equal(report.outcome.kind, "trouble");
      assert.equal(report.outcome.trouble, "limit");
      assert.match(report.outcome.reason, /You’ve reached a temporary limit/);
      assert.deepEqual([...site.removed], []);
    } finally {
      page.close();
    }
  });

  test("reports a limit banner that appears after a removal, and stops the next step", async () => {
    const { site, page, clicks } = await openConnections({
      generation: "artdeco",
      faults: { limitBanner: 1 },
    });
    try {
      const first = await step(page, ZOE);
      assert.deepEqual(first.outcome, { kind: "removed" }, "the removal itself went through");
      const [told] = await waitFor(
        () => (troubleMessages(page).length > 0 ? troubleMessages(page) : null),
        "a trouble message",
      );
      assert.match(told.reason, /weekly limit/);
      assert.ok(
        page.messages.indexOf(first) < page.messages.indexOf(told),
        "the outcome goes first, then the trouble",
      );
      clicks.length = 0;
      const second = await step(page, NOA);
      assert.equal(second.outcome.kind, "trouble");
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.removed], [ZOE.slug]);
    } finally {
      page.close();
    }
  });

  test("a checkpoint after a removal is told from the checkpoint page, and steps there are trouble", async () => {
    const { site, page, clicks } = await openConnections({
      generation: "react-2025",
      faults: { checkpointAfter: 1 },
    });
    let checkpoint;
    try {
      const first = await step(page, ZOE);
      assert.deepEqual(first.outcome, { kind: "removed" });
      // The next confirm sends the page to the checkpoint: the step ends
      // with the page, and nobody else is removed.
      assert.deepEqual(
        await page.tell({
          type: "remove-step",
          rules: RULES.step,
          pausesMs: PAUSES,
          attempt: 900,
          ...NOA,
          mode: "remove",
          dryRun: false,
        }),
        { ok: true },
      );
      await waitFor(() => page.navigations.length > 0, "the page to navigate", OUTCOME_TIMEOUT_MS);
      assert.deepEqual(page.navigations, [`${ORIGIN}${CHECKPOINT_PATH}`]);
      assert.ok(clicks.includes(`menu-button:${NOA.slug}`));
      assert.ok(!page.messages.some((m) => m.attempt === 900));
      assert.deepEqual([...site.removed], [ZOE.slug]);

      checkpoint = await openPage(site, CHECKPOINT_PATH);
      await waitFor(() => troubleMessages(checkpoint).length > 0, "a trouble message");
      assert.deepEqual(troubleMessages(checkpoint), [
        {
          type: "trouble",
          reason: `LinkedIn is asking for a security check (${CHECKPOINT_PATH})`,
          url: `${ORIGIN}${CHECKPOINT_PATH}`,
          trouble: "checkpoint",
        },
      ]);
      const report = await step(checkpoint, SAM);
      assert.equal(report.outcome.kind, "trouble");
      assert.equal(report.outcome.trouble, "checkpoint");
      assert.match(report.outcome.reason, /security check/);
      await sleep(1200);
      assert.equal(troubleMessages(checkpoint).length, 1, "told once per page view");
      assert.deepEqual([...site.removed], [ZOE.slug]);
    } finally {
      page.close();
      checkpoint?.close();
    }
  });

  test("a removal persists: the list and its total no longer count the person after a reload", async () => {
    const { site, page } = await openConnections({ generation: "sdui-2026", statedTotal: 1234 });
    try {
      await step(page, ZOE);
      const reload = await openPage(site, PATHS.connections);
      try {
        await reload.waitForMessages(1);
        const [reading] = reload.readings();
        assert.equal(reading.counts.connections, "1,233");
        assert.ok(!reading.cards.some((card) => slugOf(card.profileUrl) === ZOE.slug));
        assert.equal(reading.cards.length, 12);
      } finally {
        reload.close();
      }
    } finally {
      page.close();
    }
  });
});

describe("removal step requests", { concurrency: true }, () => {
  test("one step at a time, and never during a collection", async () => {
    const { page } = await openConnections({ generation: "artdeco" });
    try {
      const attempt = nextAttempt++;
      const first = {
        type: "remove-step",
        rules: RULES.step,
        pausesMs: PAUSES,
        attempt,
        ...LIAM,
        mode: "remove",
        dryRun: true,
      };
      assert.deepEqual(await page.tell(first), { ok: true });
      assert.deepEqual(await page.tell({ ...first, attempt: attempt + 1000 }), {
        ok: false,
        notTaken: "busy",
        error: "a step is already running",
      });
      const collect = await page.tell(collectRun({ delayMs: 5000, stallMs: 60_000 }));
      assert.equal(collect.ok, false);
      assert.match(collect.error, /removal step is running/);
      await waitFor(
        () => page.messages.find((m) => m.type === "removal-outcome"),
        "the outcome",
        OUTCOME_TIMEOUT_MS,
      );

      assert.deepEqual(await page.tell(collectRun({ delayMs: 5000, stallMs: 60_000 })), {
        ok: true,
      });
      const during = await page.tell({ ...first, attempt: attempt + 2000 });
      assert.equal(during.ok, false);
      assert.equal(during.notTaken, "busy");
      assert.match(during.error, /collection is running/);
      assert.deepEqual(await page.tell({ type: "collect-halt" }), { ok: true });
    } finally {
      page.close();
    }
  });

  test("refuses malformed requests and requests from anyone but the extension", async () => {
    const { site, page, clicks } = await openConnections({ generation: "react-2025" });
    try {
      const good = {
        type: "remove-step",
        rules: RULES.step,
        pausesMs: PAUSES,
        attempt: 1,
        ...ZOE,
        mode: "remove",
        dryRun: false,
      };
      for (const bad of [
        { ...good, attempt: "1" },
        { ...good, slug: "" },
        { ...good, slug: "a/b" },
        { ...good, name: "  " },
        { ...good, mode: "delete" },
        { ...good, dryRun: undefined },
        { ...good, pausesMs: [] },
        { ...good, pausesMs: [100, -1] },
        { ...good, pausesMs: "soon" },
        // A step without the core's drawn pauses would pace itself by
        // constants: refused, never run.
        { ...good, pausesMs: undefined },
        { ...good, pausesMs: null },
        { ...good, member: 7 },
      ]) {
        const answer = await page.tell(bad);
        assert.equal(answer.ok, false, JSON.stringify(bad));
      }
      // A step's time and wait limits come only from the background's rules:
      // without them, or with one missing, it is refused, never guessed.
      for (const rules of [
        undefined,
        null,
        {},
        { ...RULES.step, timeoutMs: 0 },
        { ...RULES.step, searchWaitMs: undefined },
        { ...RULES.step, leaveWaitMs: "10000" },
      ]) {
        const answer = await page.tell({ ...good, rules });
        assert.equal(answer.ok, false, JSON.stringify(rules));
        assert.match(answer.error, /rules/);
        assert.equal(answer.notTaken, undefined);
      }
      assert.equal(await page.tell(good, { id: "some-other-extension" }), undefined);
      await sleep(1500);
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.removed], []);
      assert.deepEqual(
        page.messages.filter((m) => m.type !== "page-reading"),
        [],
      );
    } finally {
      page.close();
    }
  });

  test("takes no step while the tab is hidden, saying so as notTaken", async () => {
    const { site, page, clicks } = await openConnections({ generation: "sdui-2026" });
    try {
      Object.defineProperty(page.document, "hidden", { configurable: true, get: () => true });
      const answer = await page.tell({
        type: "remove-step",
        rules: RULES.step,
        pausesMs: PAUSES,
        attempt: 1,
        ...ZOE,
        mode: "remove",
        dryRun: false,
      });
      assert.equal(answer.ok, false);
      assert.equal(answer.notTaken, "hidden");
      await sleep(500);
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.removed], []);
    } finally {
      page.close();
    }
  });

  test("takes no step for another account, nor when its own profile link cannot be found", async () => {
    const { site, page, clicks } = await openConnections({ generation: "react-2025" });
    try {
      const base = {
        type: "remove-step",
        rules: RULES.step,
        pausesMs: PAUSES,
        ...ZOE,
        mode: "remove",
        dryRun: false,
      };
      const other = await page.tell({ ...base, attempt: 1, member: "someone-else-123" });
      assert.equal(other.notTaken, "another-account");
      assert.match(other.error, /another LinkedIn account \(alex-morgan-5e6f7a\)/);
      page.document.querySelector('#global-nav a[href^="/in/"]').remove();
      const unknown = await page.tell({ ...base, attempt: 2, member: site.member.slug });
      assert.equal(unknown.notTaken, "another-account");
      assert.match(unknown.error, /cannot find your own profile link/);
      await sleep(500);
      assert.deepEqual(clicks, []);
      assert.deepEqual([...site.removed], []);
    } finally {
      page.close();
    }
  });

  test("paces a step by its pausesMs, none sooner than the first after the list appeared", async () => {
    const { site, page } = await openConnections({ generation: "sdui-2026" });
    const at = [];
    for (const type of ["click"]) {
      page.document.addEventListener(type, () => at.push(Date.now()), true);
    }
    try {
      const started = Date.now();
      const attempt = nextAttempt++;
      const pausesMs = [900, 300, 300, 300, 300, 300];
      assert.deepEqual(
        await page.tell({
          type: "remove-step",
          rules: RULES.step,
          attempt,
          ...ZOE,
          mode: "remove",
          dryRun: false,
          pausesMs,
          member: site.member.slug,
        }),
        { ok: true },
      );
      const report = await waitFor(
        () => page.messages.find((m) => m.type === "removal-outcome" && m.attempt === attempt),
        "the outcome",
        OUTCOME_TIMEOUT_MS,
      );
      assert.deepEqual(report.outcome, { kind: "removed" });
      assert.equal(at.length, 3, "menu button, item, confirm");
      assert.ok(at[0] - started >= 900, `the first click waited its pause (${at[0] - started} ms)`);
      assert.ok(at[1] - at[0] >= 300 && at[2] - at[1] >= 300, "each later click waited its pause");
    } finally {
      page.close();
    }
  });

  test("types the name key by key through the native value setter", async () => {
    const { page } = await openConnections({ generation: "sdui-2026" });
    const box = page.document.querySelector('input[data-testid="typeahead-input"]');
    const keys = [];
    for (const type of ["keydown", "keypress", "input", "keyup"]) {
      box.addEventListener(type, (event) =>
        keys.push(`${type}:${event.key ?? event.data}:${box.value}`),
      );
    }
    // A plain `value =` on the element is what React misses; the native setter is what it sees.
    let ownSetter = 0;
    Object.defineProperty(box, "value", {
      configurable: true,
      get: () =>
        Object.getOwnPropertyDescriptor(page.window.HTMLInputElement.prototype, "value").get.call(
          box,
        ),
      set: () => {
        ownSetter += 1;
      },
    });
    try {
      const report = await step(page, { slug: "sam-lee-000000", name: "Sam" }, { mode: "verify" });
      assert.ok(report.outcome.kind);
      assert.deepEqual(keys.slice(0, 12), [
        "keydown:S:",
        "keypress:S:",
        "input:S:S",
        "keyup:S:S",
        "keydown:a:S",
        "keypress:a:S",
        "input:a:Sa",
        "keyup:a:Sa",
        "keydown:m:Sa",
        "keypress:m:Sa",
        "input:m:Sam",
        "keyup:m:Sam",
      ]);
      assert.equal(ownSetter, 0, "the value went through the native setter only");
    } finally {
      page.close();
    }
  });

  test("refuses a step on a page that is not the connections page", async () => {
    const site = createMockSite({ renderDelayMs: 50 });
    const page = await openPage(site, PATHS.followers);
    try {
      assert.deepEqual(
        await page.tell({
          type: "remove-step",
          rules: RULES.step,
          pausesMs: PAUSES,
          attempt: 1,
          ...ZOE,
          mode: "verify",
        }),
        {
          ok: false,
          notTaken: "no-list",
          error: "This tab is not showing your LinkedIn connections.",
        },
      );
    } finally {
      page.close();
    }
  });

  test("retries the outcome report once after a second when the background is not there", async () => {
    let refused = 0;
    const { page } = await openConnections(
      { generation: "sdui-2026" },
      {
        answer: (message) =>
          message.type === "removal-outcome" && refused++ === 0
            ? Promise.reject(new Error("Could not establish connection"))
            : Promise.resolve({ ok: true }),
      },
    );
    try {
      const started = Date.now();
      const report = await step(page, NOA, { mode: "verify" });
      assert.deepEqual(report.outcome, { kind: "still-there" });
      const sent = page.calls.filter((m) => m.type === "removal-outcome");
      assert.equal(sent.length, 2);
      assert.deepEqual(sent[0], sent[1]);
      assert.ok(Date.now() - started >= 1000);
    } finally {
      page.close();
    }
  });
});
