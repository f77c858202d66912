// Trouble outside a removal step: on any LinkedIn page the content script
// runs on, the signs that LinkedIn wants to stop the member (a checkpoint,
// login or authwall page, a captcha, a limit or unusual-activity warning, an
// HTTP 429/999 error page) are told to the background once per page view as
// `{ type: "trouble", reason, url }`, so that the queue pauses. The same
// words in a feed post are not a warning.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CHECKPOINT_PATH, createMockSite, PATHS } from "../mock-site/site.mjs";
import {
  collectRun,
  firstTrouble,
  openPage,
  ORIGIN,
  removeStep,
  sleep,
  troubleMessages,
  waitFor,
  withPage,
} from "./harness.mjs";

// Longer than the watch's one-look-a-second throttle, with room to spare.
const QUIET_MS = 1_600;

/** A stand-in for LinkedIn answering every URL with one bare error page. */
const errorSite = (title, text) => ({
  handle: () => ({
    status: 200,
    contentType: "text/html; charset=utf-8",
    body: `<!doctype html><html><head><title>${title}</title></head><body><h1>${text}</h1></body></html>`,
  }),
});

describe("trouble on a page", { concurrency: true }, () => {
  for (const [path, reason] of [
    [CHECKPOINT_PATH, /^LinkedIn is asking for a security check \(\/checkpoint\//],
    ["/login", /^LinkedIn signed you out and shows its login page \(\/login\)$/],
    ["/uas/login", /^LinkedIn signed you out and shows its login page \(\/uas\/login\)$/],
    ["/authwall", /^LinkedIn shows its sign-in wall \(\/authwall\)$/],
  ]) {
    test(`tells the background once when a page loads at ${path}`, async () => {
      const page = await openPage(createMockSite(), path);
      try {
        const told = await firstTrouble(page);
        assert.match(told.reason, reason);
        assert.equal(told.url, `${ORIGIN}${path}`);
        await sleep(QUIET_MS);
        assert.deepEqual(page.messages, [told], "once, and nothing else");
      } finally {
        page.close();
      }
    });
  }

  test("tells the background once when a captcha or a warning appears on the feed", async () => {
    const page = await openPage(createMockSite({ renderDelayMs: 50 }), PATHS.feed);
    try {
      await page.waitForRender();
      const { document } = page;
      const frame = document.createElement("iframe");
      frame.setAttribute("title", "Captcha challenge");
      document.body.append(frame);
      const told = await firstTrouble(page);
      assert.deepEqual(told, {
        type: "trouble",
        reason: "LinkedIn is showing a captcha",
        url: `${ORIGIN}${PATHS.feed}`,
        trouble: "captcha",
      });
      const alert = document.createElement("div");
      alert.setAttribute("role", "alert");
      alert.textContent = "We noticed unusual activity on your account";
      document.body.append(alert);
      await sleep(QUIET_MS);
      assert.equal(troubleMessages(page).length, 1, "once per page view");
    } finally {
      page.close();
    }
  });

  test("reads warnings in banners and dialogs, not in posts or end-of-list notices", async () => {
    const page = await openPage(createMockSite({ renderDelayMs: 50 }), PATHS.feed);
    try {
      await page.waitForRender();
      const { document } = page;
      const post = document.createElement("article");
      post.textContent =
        "I hit the weekly limit for invitations and saw unusual activity warnings: too many requests!";
      document.querySelector("main").append(post);
      const status = document.createElement("div");
      status.setAttribute("role", "status");
      status.textContent = "You’ve reached the end of the list";
      document.body.append(status);
      const hidden = document.createElement("div");
      hidden.setAttribute("role", "alert");
      hidden.hidden = true;
      hidden.textContent = "You’ve reached the weekly limit";
      document.body.append(hidden);
      await sleep(QUIET_MS);
      assert.deepEqual(troubleMessages(page), []);

      const dialog = document.createElement("dialog");
      dialog.setAttribute("open", "");
      dialog.textContent = "Your account is temporarily restricted";
      document.body.append(dialog);
      const told = await firstTrouble(page);
      assert.equal(told.reason, "LinkedIn says “Your account is temporarily restricted”");
      assert.equal(told.trouble, "restricted");
    } finally {
      page.close();
    }
  });

  test("recognises the restriction banner as trouble of kind restricted", async () => {
    await withPage(
      createMockSite({ renderDelayMs: 50, faults: { restrictionBanner: true } }),
      PATHS.connections,
      async (page) => {
        const told = await firstTrouble(page);
        assert.equal(told.trouble, "restricted");
        assert.match(told.reason, /temporarily restricted your account/);
      },
    );
  });

  test("recognises “You’ve reached a temporary limit” as a limit, in a banner or as a page", async () => {
    const banner = await openPage(createMockSite({ renderDelayMs: 50 }), PATHS.feed);
    const page = await openPage(createMockSite({ renderDelayMs: 50 }), PATHS.feed);
    try {
      await banner.waitForRender();
      const alert = banner.document.createElement("div");
      alert.setAttribute("role", "alert");
      alert.textContent = "You've reached a temporary limit";
      banner.document.body.append(alert);
      const fromBanner = await firstTrouble(banner);
      assert.equal(fromBanner.trouble, "limit");

      // The interstitial: a whole page under LinkedIn's navigation saying it.
      await page.waitForRender();
      page.document.querySelector("main").replaceChildren();
      const heading = page.document.createElement("h1");
      heading.textContent = "You’ve reached a temporary limit";
      page.document.querySelector("main").append(heading);
      const fromPage = await firstTrouble(page);
      assert.deepEqual(fromPage, {
        type: "trouble",
        reason: "LinkedIn says “You’ve reached a temporary limit”",
        url: `${ORIGIN}${PATHS.feed}`,
        trouble: "limit",
      });
    } finally {
      banner.close();
      page.close();
    }
  });

  test("stops collecting at the first sign of trouble, saying why", async () => {
    await withPage(
      createMockSite({ renderDelayMs: 50, count: 200, pageSize: 10 }),
      PATHS.connections,
      async (page) => {
        await page.waitForMessages(1);
        assert.deepEqual(await page.tell(collectRun({ delayMs: 10, stallMs: 60_000 })), {
          ok: true,
        });
        const alert = page.document.createElement("div");
        alert.setAttribute("role", "alert");
        alert.textContent = "You’ve reached a temporary limit";
        page.document.body.append(alert);
        const ended = await waitFor(
          () => page.messages.find((m) => m.type === "collect-ended"),
          "collect-ended",
          10_000,
        );
        assert.equal(ended.outcome, "stalled");
        assert.match(ended.reason, /^collecting stopped because LinkedIn says/);
      },
      {
        layout: true,
        answer: () => Promise.resolve({ collect: { running: true, done: false } }),
      },
    );
  });

  for (const [title, text, reason] of [
    ["429 Too Many Requests", "Too Many Requests", /error page \(“429 Too Many Requests”\)/],
    ["LinkedIn", "Request denied (999)", /error page \(“Request denied \(999\)”\)/],
  ]) {
    test(`tells the background about an error page reading ${text}`, async () => {
      const page = await openPage(errorSite(title, text), "/mynetwork/invite-connect/connections/");
      try {
        const told = await firstTrouble(page);
        assert.match(told.reason, reason);
        assert.equal(told.trouble, "http-429");
        // A step asked for on it is taken, and answered with trouble, so
        // that the queue pauses.
        assert.deepEqual(
          await page.tell(
            removeStep({
              attempt: 7,
              slug: "x-1",
              name: "X",
              mode: "verify",
            }),
          ),
          { ok: true },
        );
        const outcome = await waitFor(
          () => page.messages.find((m) => m.type === "removal-outcome"),
          "the outcome",
          20_000,
        );
        assert.equal(outcome.outcome.kind, "trouble");
      } finally {
        page.close();
      }
    });
  }
});
