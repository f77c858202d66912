// The withdraw step (issue 13) on the mock's sent invitations page, in each
// markup generation: a withdrawal proven by the row leaving the list, a dry
// run that stops at the confirm, verify that never clicks, the right one of
// two people with the same name, each fault LinkedIn has shown becoming the
// right outcome with no click beyond it, a language without words read but
// never clicked, and the refusals before doing anything (notTaken).

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CHECKPOINT_PATH, createMockSite, PATHS } from "../mock-site/site.mjs";
import { ORIGIN, PAUSES, RULES, firstTrouble, openPage, sleep, waitFor } from "./harness.mjs";

const GENERATIONS = ["artdeco", "react-2025", "sdui-2026"];
const OUTCOME_TIMEOUT_MS = 60_000;
const CONTROL =
  'button.invitation-card__action-btn, [data-view-name="sent-invitations-withdraw-single"], [aria-label^="Withdraw invitation sent to"], [aria-label^="Retirer l’invitation envoyée à"]';
const DIALOG = 'dialog, [role="dialog"], [role="alertdialog"], .artdeco-modal';
const ROW = 'li.invitation-card, [role="listitem"]';
const KIM = { slug: "kim-park-3d4e5f", name: "Kim Park" };
const OTHER_KIM = { slug: "kim-park-9e8d7c", name: "Kim Park" };
const LUCJA = { slug: "łucja-nowak-żak-5f6a7b", name: "Łucja Nowak-Żak" };

const collapse = (text) => text.replace(/\s+/g, " ").trim();
const slugOf = (href) => {
  const match = /\/in\/([^/?#]+)/.exec(href ?? "");
  return match ? decodeURIComponent(match[1]).toLowerCase() : null;
};

/** What a click landed on: a row's Withdraw (whose), a dialog's button, the list's own controls. */
function classify(target) {
  const control = target.closest("button, a");
  const dialog = target.closest(DIALOG);
  if (dialog && control) {
    const title = collapse(dialog.querySelector("h2")?.textContent ?? "");
    return `dialog:${title}:${collapse(control.textContent) || control.getAttribute("aria-label")}`;
  }
  if (control?.matches(CONTROL)) {
    const link = control.closest(ROW)?.querySelector('a[href*="/in/"]');
    return `withdraw:${slugOf(link?.getAttribute("href"))}`;
  }
  const name = control ? collapse(control.textContent) : "";
  if (name === "Load more" || name === "Next" || /^\d+$/.test(name)) return "list";
  return `other:${target.outerHTML.slice(0, 100)}`;
}

/** Every click was one a step for `slug` may make. */
function assertAllowed(clicks, slug) {
  for (const click of clicks) {
    assert.ok(
      click === "list" ||
        click === `withdraw:${slug}` ||
        /^dialog:Withdraw invitation\??:(?:Withdraw|Cancel)$/.test(click) ||
        /^dialog:[^:]*:(?:Cancel|Dismiss)$/.test(click),
      `a step for ${slug} may not click ${click} (clicks: ${clicks.join(", ")})`,
    );
  }
}

async function openInvitations(siteOptions, pageOptions = {}) {
  const site = createMockSite({ renderDelayMs: 50, pageDelayMs: 20, ...siteOptions });
  const page = await openPage(site, PATHS.invitations, { layout: true, ...pageOptions });
  const clicks = [];
  page.document.addEventListener("click", (event) => clicks.push(classify(event.target)), true);
  await page.waitForMessages(1);
  return { site, page, clicks };
}

async function withInvitations(siteOptions, body, pageOptions) {
  const opened = await openInvitations(siteOptions, pageOptions);
  try {
    return await body(opened);
  } finally {
    opened.page.close();
  }
}

let lastAttempt = 5000;
/** A `withdraw-step` as the background sends it. */
const withdrawStep = (fields) => ({
  type: "withdraw-step",
  rules: RULES.step,
  pausesMs: PAUSES,
  attempt: ++lastAttempt,
  ...fields,
});

const outcomeOf = (page, attempt) =>
  waitFor(
    () => page.messages.find((m) => m.type === "removal-outcome" && m.attempt === attempt),
    `the outcome of attempt ${attempt}`,
    OUTCOME_TIMEOUT_MS,
  );

/** Ask for one step, check it is taken, and wait for its outcome. */
async function step(page, { slug, name }, { mode = "act", dryRun = false, ...extra } = {}) {
  const message = withdrawStep({ slug, name, mode, ...extra });
  if (mode === "act") message.dryRun = dryRun;
  assert.deepEqual(await page.tell(message), { ok: true });
  return outcomeOf(page, message.attempt);
}

const withdrawClicks = (clicks) => clicks.filter((click) => click.startsWith("withdraw:"));
const confirmClicks = (clicks) => clicks.filter((click) => /:(?:Withdraw|Retirer)$/.test(click));

describe("withdraw step", { concurrency: true }, () => {
  for (const generation of GENERATIONS) {
    test(`withdraws an invitation further down the list and proves it in ${generation}`, async () => {
      await withInvitations({ generation, invitations: 16 }, async ({ site, page, clicks }) => {
        // Past the first batch or page: found by going down the list.
        const target = site.invitations[13];
        const report = await step(page, target);
        assert.deepEqual(report.outcome, { kind: "removed" }, report.observed);
        assert.match(report.observed, /the row left the list, which still shows/);
        assert.deepEqual([...site.withdrawn], [target.slug]);
        assert.equal(site.withdrawPosts.get(target.slug), 1);
        assert.deepEqual(withdrawClicks(clicks), [`withdraw:${target.slug}`]);
        assert.equal(confirmClicks(clicks).length, 1);
        assertAllowed(clicks, target.slug);
        assert.deepEqual(page.navigations, [], "the Withdraw link never took the tab away");
        assert.equal(site.removed.size, 0, "no connection was touched");
      });
    });

    test(`a dry run stops at the withdraw dialog and cancels it in ${generation}`, async () => {
      await withInvitations({ generation, invitations: 8 }, async ({ site, page, clicks }) => {
        const report = await step(page, KIM, { dryRun: true });
        assert.deepEqual(report.outcome, { kind: "removed" });
        assert.equal(
          report.observed,
          "dry run: reached the Withdraw button for Kim Park; not pressed",
        );
        assert.deepEqual([...site.withdrawn], []);
        assert.equal(site.withdrawPosts.size, 0);
        assert.deepEqual(confirmClicks(clicks), []);
        assert.ok(
          clicks.some((click) => /:Cancel$/.test(click)),
          clicks.join(", "),
        );
        assertAllowed(clicks, KIM.slug);
        assert.equal(page.document.querySelectorAll(DIALOG).length, 0);
      });
    });

    test(`verify clicks nothing but the list, and tells a pending invitation from a withdrawn one in ${generation}`, async () => {
      const site = createMockSite({
        generation,
        invitations: 14,
        renderDelayMs: 50,
        pageDelayMs: 20,
      });
      // Withdrawn earlier, elsewhere: the page no longer lists them.
      site.handle(`${ORIGIN}/__mock__/withdraw`, { method: "POST", body: OTHER_KIM.slug });
      const opened = await openPage(site, PATHS.invitations, { layout: true });
      const clicks = [];
      opened.document.addEventListener("click", (e) => clicks.push(classify(e.target)), true);
      try {
        await opened.waitForMessages(1);
        const pending = await step(opened, KIM, { mode: "verify" });
        assert.deepEqual(pending.outcome, { kind: "still-there" });
        const gone = await step(opened, OTHER_KIM, { mode: "verify" });
        assert.deepEqual(gone.outcome, { kind: "removed" }, gone.observed);
        assert.match(
          gone.observed,
          /no longer lists .*read to its end, it shows \d+ people and not them/,
        );
        assert.ok(
          clicks.every((click) => click === "list"),
          clicks.join(", "),
        );
        assert.deepEqual([...site.withdrawn], [OTHER_KIM.slug]);
        assert.equal(site.withdrawPosts.get(OTHER_KIM.slug), 1);
        // Acting on them now: nobody to withdraw.
        const act = await step(opened, OTHER_KIM);
        assert.deepEqual(act.outcome, { kind: "not-found" });
        assert.ok(!clicks.some((click) => click.startsWith("withdraw:")));
      } finally {
        opened.close();
      }
    });
  }

  test("of two people with the same name, withdraws only the one asked for", async () => {
    await withInvitations({ generation: "sdui-2026" }, async ({ site, page, clicks }) => {
      const report = await step(page, OTHER_KIM);
      assert.deepEqual(report.outcome, { kind: "removed" }, report.observed);
      assert.deepEqual([...site.withdrawn], [OTHER_KIM.slug]);
      assert.deepEqual(withdrawClicks(clicks), [`withdraw:${OTHER_KIM.slug}`]);
      assert.ok(page.document.querySelector(`[aria-label="Withdraw invitation sent to Kim Park"]`));
    });
  });

  test("never presses a row whose name is not the one asked for", async () => {
    await withInvitations({ generation: "react-2025" }, async ({ site, page, clicks }) => {
      const report = await step(page, { slug: KIM.slug, name: "Sara Khalil" });
      assert.equal(report.outcome.kind, "failed");
      assert.match(report.outcome.reason, /shows the name “Kim Park”, not “Sara Khalil”/);
      assert.deepEqual(clicks, []);
      assert.equal(site.withdrawPosts.size, 0);
    });
  });

  test("on artdeco's third page, goes back to page 1 to find the person", async () => {
    const site = createMockSite({
      generation: "artdeco",
      invitations: 34,
      renderDelayMs: 50,
      pageDelayMs: 20,
    });
    const page = await openPage(site, `${PATHS.invitations}?page=3`, { layout: true });
    const clicks = [];
    page.document.addEventListener("click", (e) => clicks.push(classify(e.target)), true);
    try {
      await page.waitForMessages(1);
      const report = await step(page, KIM);
      assert.deepEqual(report.outcome, { kind: "removed" }, report.observed);
      assert.deepEqual([...site.withdrawn], [KIM.slug]);
      assert.equal(clicks[0], "list", "page 1 first");
      assertAllowed(clicks, KIM.slug);
    } finally {
      page.close();
    }
  });

  test("withdraws a person with a hostile name, by the label naming them, as data", async () => {
    await withInvitations({ generation: "sdui-2026" }, async ({ site, page, clicks }) => {
      const [hostile] = site.invitations;
      assert.match(hostile.name, /onerror/);
      const report = await step(page, hostile);
      assert.deepEqual(report.outcome, { kind: "removed" }, report.observed);
      assert.deepEqual([...site.withdrawn], [hostile.slug]);
      assertAllowed(clicks, hostile.slug);
      assert.equal(page.window.__pwned, undefined);
    });
  });

  test("finds a percent-encoded slug, case aside", async () => {
    await withInvitations({ generation: "artdeco" }, async ({ site, page }) => {
      const report = await step(page, {
        slug: encodeURIComponent(LUCJA.slug).toUpperCase(),
        name: LUCJA.name,
      });
      assert.deepEqual(report.outcome, { kind: "removed" }, report.observed);
      assert.deepEqual([...site.withdrawn], [LUCJA.slug]);
    });
  });

  for (const generation of GENERATIONS) {
    test(`treats a "Withdraw all invitations?" dialog as trouble and cancels it in ${generation}`, async () => {
      await withInvitations(
        { generation, invitationFaults: { misleadingDialog: true } },
        async ({ site, page, clicks }) => {
          const report = await step(page, KIM);
          assert.equal(report.outcome.kind, "trouble");
          assert.equal(report.outcome.trouble, "unexpected-dialog");
          assert.match(report.outcome.reason, /not the withdraw dialog for Kim Park/);
          assert.match(report.observed, /netprune pressed its “Cancel”$/);
          assert.deepEqual(clicks, [
            `withdraw:${KIM.slug}`,
            "dialog:Withdraw all invitations?:Cancel",
          ]);
          assert.equal(site.withdrawPosts.size, 0);
        },
      );
    });
  }

  test("a row that stays after the confirm is unproven, never failed nor withdrawn again", async () => {
    await withInvitations(
      { generation: "react-2025", invitationFaults: { lingerAfterConfirm: true } },
      async ({ site, page, clicks }) => {
        const report = await step(page, KIM, { rules: { ...RULES.step, leaveWaitMs: 1500 } });
        assert.equal(report.outcome.kind, "unproven", report.observed);
        assert.match(report.outcome.reason, /still listed 1\.5 s after confirming/);
        assert.equal(confirmClicks(clicks).length, 1, "confirmed once, never again");
        assert.deepEqual([...site.withdrawn], [KIM.slug]);
      },
    );
  });

  test("a row that leaves a while after the confirm is proven once it has", async () => {
    await withInvitations(
      { generation: "artdeco", invitationFaults: { lingerAfterConfirm: 800 } },
      async ({ site, page }) => {
        const report = await step(page, KIM);
        assert.deepEqual(report.outcome, { kind: "removed" }, report.observed);
        assert.deepEqual([...site.withdrawn], [KIM.slug]);
      },
    );
  });

  test("a limit banner on show is trouble before anything is pressed", async () => {
    await withInvitations(
      { generation: "sdui-2026", invitationFaults: { limitBanner: true } },
      async ({ site, page, clicks }) => {
        await firstTrouble(page);
        const report = await step(page, KIM);
        assert.equal(report.outcome.kind, "trouble");
        assert.equal(report.outcome.trouble, "limit");
        assert.match(report.observed, /before netprune did anything$/);
        assert.deepEqual(clicks, []);
        assert.equal(site.withdrawPosts.size, 0);
      },
    );
  });

  test("a limit reached by a withdrawal is told after its outcome, and the next step clicks nothing", async () => {
    await withInvitations(
      { generation: "artdeco", invitationFaults: { limitBanner: 1 } },
      async ({ site, page, clicks }) => {
        const first = await step(page, KIM);
        assert.deepEqual(first.outcome, { kind: "removed" });
        const told = await firstTrouble(page);
        assert.match(told.reason, /weekly limit/);
        clicks.length = 0;
        const second = await step(page, LUCJA);
        assert.equal(second.outcome.kind, "trouble");
        assert.deepEqual(clicks, []);
        assert.deepEqual([...site.withdrawn], [KIM.slug]);
      },
    );
  });

  test("a checkpoint after the confirm sends the page away and withdraws nobody", async () => {
    const { site, page, clicks } = await openInvitations({
      generation: "react-2025",
      invitationFaults: { checkpointAfter: 0 },
    });
    let checkpoint;
    try {
      const message = withdrawStep({ ...KIM, mode: "act", dryRun: false });
      assert.deepEqual(await page.tell(message), { ok: true });
      await waitFor(() => page.navigations.length > 0, "the page to navigate", OUTCOME_TIMEOUT_MS);
      assert.deepEqual(page.navigations, [`${ORIGIN}${CHECKPOINT_PATH}`]);
      assert.equal(confirmClicks(clicks).length, 1);
      assert.deepEqual([...site.withdrawn], []);
      checkpoint = await openPage(site, CHECKPOINT_PATH);
      const report = await step(checkpoint, LUCJA);
      assert.equal(report.outcome.kind, "trouble");
      assert.equal(report.outcome.trouble, "checkpoint");
      assert.deepEqual([...site.withdrawn], []);
    } finally {
      page.close();
      checkpoint?.close();
    }
  });

  test("reads a page in a language without Withdraw words, and refuses to click there", async () => {
    await withInvitations(
      { generation: "react-2025", language: "de" },
      async ({ site, page, clicks }) => {
        assert.ok(page.readings()[0].invitations.length > 0, "the page is still read");
        // The reading says so too: the background holds withdrawals back
        // here instead of sending steps that can only fail.
        assert.match(
          page.readings()[0].actionOff,
          /“de”, a language netprune knows no Withdraw words in/,
        );
        const report = await step(page, KIM);
        assert.equal(report.outcome.kind, "failed");
        assert.match(report.outcome.reason, /“de”, a language netprune knows no Withdraw words in/);
        assert.deepEqual(clicks, []);
        const verify = await step(page, KIM, { mode: "verify" });
        assert.deepEqual(verify.outcome, { kind: "still-there" }, "verify still reads");
        assert.equal(site.withdrawPosts.size, 0);
      },
    );
  });
});

// French (docs/LINKEDIN.md, "Sent invitations": one witness, sdui-2026 only):
// the row's "Retirer" labelled "Retirer l’invitation envoyée à <Name>", the
// dialog's confirm "Retirer" with the same label, "Personnes (N)". The mock
// keeps the dialog's title, Cancel and Dismiss English (no French evidence).
const FR_LABEL = (name) => `Retirer l’invitation envoyée à ${name}`;
const frenchClicks = (clicks) =>
  clicks.filter((click) => !/^dialog:[^:]*:(?:Cancel|Dismiss)$/.test(click) && click !== "list");

/**
 * Every dialog the French page opens made into one netprune knows no way
 * out of (Cancel "Annuler", Dismiss "Fermer": words it has no evidence
 * for), and `change(dialog)` applied; with `escape`, the page closes it on
 * the Escape key. Answers what the dialog's buttons saw.
 */
function unknownWayOut(page, { escape = false, change = () => {} } = {}) {
  const seen = { escapes: 0, pressed: [] };
  const observer = new page.window.MutationObserver(() => {
    for (const dialog of page.document.querySelectorAll('[role="alertdialog"]:not([data-fr])')) {
      dialog.setAttribute("data-fr", "");
      for (const button of dialog.querySelectorAll("button")) {
        if (collapse(button.textContent) === "Cancel") button.firstChild.textContent = "Annuler";
        if (button.getAttribute("aria-label") === "Dismiss")
          button.setAttribute("aria-label", "Fermer");
        button.addEventListener("click", () =>
          seen.pressed.push(collapse(button.textContent) || button.getAttribute("aria-label")),
        );
      }
      if (escape) {
        dialog.addEventListener("keydown", (event) => {
          if (event.key !== "Escape") return;
          seen.escapes += 1;
          dialog.remove();
        });
      }
      change(dialog);
    }
  });
  observer.observe(page.document.body, { childList: true, subtree: true });
  return seen;
}

describe("withdraw step on a French page", { concurrency: true }, () => {
  const FRENCH = { generation: "sdui-2026", language: "fr" };

  test("withdraws the right one of two Kim Parks on sdui-2026 and proves it", async () => {
    await withInvitations({ ...FRENCH, invitations: 16 }, async ({ site, page, clicks }) => {
      const main = collapse(page.document.getElementById("main").textContent);
      assert.match(main, /Personnes \(16\)/);
      assert.equal(page.readings()[0].counts.invitations, "16", "the total is read in French");
      assert.equal(page.readings()[0].actionOff, undefined, "withdrawing is on here");
      assert.ok(page.document.querySelector(`[aria-label="${FR_LABEL("Kim Park")}"]`));
      const report = await step(page, OTHER_KIM);
      assert.deepEqual(report.outcome, { kind: "removed" }, report.observed);
      assert.match(
        report.observed,
        /confirmed “Withdraw” for Kim Park .*the row left the list, which still shows \d+ people/,
      );
      assert.deepEqual([...site.withdrawn], [OTHER_KIM.slug]);
      assert.equal(site.withdrawPosts.get(OTHER_KIM.slug), 1);
      assert.deepEqual(frenchClicks(clicks), [
        `withdraw:${OTHER_KIM.slug}`,
        "dialog:Withdraw invitation?:Retirer",
      ]);
      assert.deepEqual(page.navigations, [], "the Retirer link never took the tab away");
      // The other Kim Park's row is still there, still labelled for her.
      assert.ok(page.document.querySelector(`[aria-label="${FR_LABEL("Kim Park")}"]`));
    });
  });

  test("a dry run stops at the confirm and leaves by the dialog's Cancel", async () => {
    await withInvitations({ ...FRENCH, invitations: 8 }, async ({ site, page, clicks }) => {
      const report = await step(page, KIM, { dryRun: true });
      assert.deepEqual(report.outcome, { kind: "removed" }, report.observed);
      assert.equal(
        report.observed,
        "dry run: reached the Withdraw button for Kim Park; not pressed",
      );
      assert.deepEqual(frenchClicks(clicks), [`withdraw:${KIM.slug}`]);
      assert.ok(clicks.includes("dialog:Withdraw invitation?:Cancel"), clicks.join(", "));
      assert.equal(site.withdrawPosts.size, 0);
      assert.equal(page.document.querySelectorAll(DIALOG).length, 0);
    });
  });

  test("a dry run on a dialog with no Cancel it knows presses Escape, never an unknown button", async () => {
    await withInvitations({ ...FRENCH, invitations: 8 }, async ({ site, page }) => {
      const seen = unknownWayOut(page, { escape: true });
      const report = await step(page, KIM, { dryRun: true });
      assert.deepEqual(report.outcome, { kind: "removed" }, report.observed);
      assert.match(report.observed, /not pressed \(closed with Escape\)$/);
      assert.equal(seen.escapes, 1);
      assert.deepEqual(seen.pressed, [], "neither Annuler, Fermer nor Retirer");
      assert.equal(site.withdrawPosts.size, 0);
      assert.equal(page.document.querySelectorAll(DIALOG).length, 0);
    });
  });

  test("a dry run whose dialog Escape does not close says so and presses nothing more", async () => {
    await withInvitations({ ...FRENCH, invitations: 8 }, async ({ site, page }) => {
      const seen = unknownWayOut(page);
      const report = await step(page, KIM, { dryRun: true });
      assert.equal(report.outcome.kind, "failed", report.observed);
      assert.match(
        report.outcome.reason,
        /shows no Cancel netprune knows, and Escape did not close it; nothing else was pressed/,
      );
      assert.deepEqual(seen.pressed, []);
      assert.equal(site.withdrawPosts.size, 0);
    });
  });

  test("a dialog whose confirm names someone else is left by Escape, its confirm never pressed", async () => {
    await withInvitations({ ...FRENCH, invitations: 8 }, async ({ site, page }) => {
      const seen = unknownWayOut(page, {
        escape: true,
        change: (dialog) =>
          dialog
            .querySelector(`[aria-label^="Retirer"]`)
            .setAttribute("aria-label", FR_LABEL("Sara Khalil")),
      });
      const report = await step(page, KIM);
      assert.equal(report.outcome.kind, "trouble", report.observed);
      assert.equal(report.outcome.trouble, "unexpected-dialog");
      assert.match(
        report.observed,
        /labelled for “Sara Khalil”.*netprune pressed Escape, which closed it$/,
      );
      assert.deepEqual(seen.pressed, []);
      assert.equal(site.withdrawPosts.size, 0);
    });
  });

  test("a 2026 dialog whose confirm names nobody is not taken for theirs (no French title is known)", async () => {
    await withInvitations({ ...FRENCH, invitations: 8 }, async ({ site, page, clicks }) => {
      const seen = unknownWayOut(page, {
        change: (dialog) =>
          dialog.querySelector(`[aria-label^="Retirer"]`).removeAttribute("aria-label"),
      });
      const report = await step(page, KIM);
      assert.equal(report.outcome.kind, "trouble", report.observed);
      assert.match(report.observed, /not labelled for them, and no title is known in “fr”/);
      assert.match(report.observed, /Escape did not close it: nothing else was pressed$/);
      assert.deepEqual(seen.pressed, []);
      assert.deepEqual(confirmClicks(clicks), []);
      assert.equal(site.withdrawPosts.size, 0);
    });
  });

  for (const generation of ["react-2025", "artdeco"]) {
    test(`a French ${generation} page, which the evidence does not show, is read but never clicked`, async () => {
      await withInvitations({ generation, language: "fr" }, async ({ site, page, clicks }) => {
        assert.ok(page.readings()[0].invitations.length > 0, "the page is still read");
        // Its reading says so, and the background holds withdrawals back.
        assert.match(page.readings()[0].actionOff, /knows only on the sdui-2026 page/);
        const report = await step(page, KIM);
        assert.equal(report.outcome.kind, "failed");
        assert.match(
          report.outcome.reason,
          new RegExp(
            `“fr”, whose Withdraw words netprune knows only on the sdui-2026 page, not on this ${generation} one`,
          ),
        );
        assert.deepEqual(clicks, []);
        const verify = await step(page, KIM, { mode: "verify" });
        assert.deepEqual(verify.outcome, { kind: "still-there" }, "verify still reads");
        assert.equal(site.withdrawPosts.size, 0);
      });
    });
  }

  test("German still has no Withdraw words, on the 2026 page too", async () => {
    await withInvitations(
      { generation: "sdui-2026", language: "de" },
      async ({ site, page, clicks }) => {
        const report = await step(page, KIM);
        assert.equal(report.outcome.kind, "failed");
        assert.match(report.outcome.reason, /“de”, a language netprune knows no Withdraw words in/);
        assert.deepEqual(clicks, []);
        assert.equal(site.withdrawPosts.size, 0);
      },
    );
  });
});

describe("withdraw step refusals (notTaken)", () => {
  test("busy while another step runs, and no step is refused for being asked twice", async () => {
    await withInvitations({ generation: "sdui-2026" }, async ({ page }) => {
      const first = withdrawStep({ ...KIM, mode: "act", dryRun: true });
      assert.deepEqual(await page.tell(first), { ok: true });
      const second = await page.tell(withdrawStep({ ...LUCJA, mode: "act", dryRun: true }));
      assert.equal(second.ok, false);
      assert.equal(second.notTaken, "busy");
      await outcomeOf(page, first.attempt);
    });
  });

  test("hidden, another account, a malformed request", async () => {
    await withInvitations({ generation: "artdeco" }, async ({ page, clicks }) => {
      const other = await page.tell(
        withdrawStep({ ...KIM, mode: "act", dryRun: false, member: "someone-else" }),
      );
      assert.equal(other.notTaken, "another-account");
      const removal = await page.tell(withdrawStep({ ...KIM, mode: "remove", dryRun: false }));
      assert.equal(removal.ok, false);
      assert.equal(removal.notTaken, undefined, "a malformed request is an error, not a wait");
      const noDryRun = await page.tell(withdrawStep({ ...KIM, mode: "act" }));
      assert.equal(noDryRun.ok, false);
      Object.defineProperty(page.document, "hidden", { configurable: true, get: () => true });
      const hidden = await page.tell(withdrawStep({ ...KIM, mode: "act", dryRun: false }));
      assert.equal(hidden.notTaken, "hidden");
      await sleep(300);
      assert.deepEqual(clicks, []);
    });
  });

  test("no-list on the connections page and before the list appears", async () => {
    const site = createMockSite({ renderDelayMs: 50 });
    const connections = await openPage(site, PATHS.connections);
    try {
      await connections.waitForMessages(1);
      const answer = await connections.tell(withdrawStep({ ...KIM, mode: "act", dryRun: false }));
      assert.equal(answer.notTaken, "no-list");
      assert.match(answer.error, /sent LinkedIn invitations/);
    } finally {
      connections.close();
    }
    const slow = createMockSite({ renderDelayMs: 3000 });
    const early = await openPage(slow, PATHS.invitations);
    try {
      const answer = await early.tell(withdrawStep({ ...KIM, mode: "verify" }));
      assert.equal(answer.notTaken, "no-list");
    } finally {
      early.close();
    }
  });

  test("a remove-step is refused on the sent invitations page", async () => {
    await withInvitations({ generation: "react-2025" }, async ({ page }) => {
      const answer = await page.tell({
        type: "remove-step",
        rules: RULES.step,
        pausesMs: PAUSES,
        attempt: 77,
        ...KIM,
        mode: "remove",
        dryRun: false,
      });
      assert.equal(answer.notTaken, "no-list");
    });
  });
});
