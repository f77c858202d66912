// Chromium: playwright-core, a persistent context with the test build
// loaded and https://www.linkedin.com/** answered by the mock site.

/* global chrome */

import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import {
  CHROME_DIR,
  CHROMIUM_BINARY,
  CHROMIUM_FLAGS,
  LINKEDIN,
  cleanUp,
  removeDir,
  tempDir,
  waitFor,
  withTimeout,
  withSession,
} from "./base.mjs";
import { popupWaits, readPopup, waitForReviewDrawn } from "./pages.mjs";
import { forgetNetworksInPage, storeBytesInPage, storedNetworkInPage } from "./stored-network.mjs";

// ---------------------------------------------------------------------------
// Chromium.

/**
 * Copies a built extension to a private directory, so a concurrent
 * `./build.sh` (which deletes and rewrites dist/) cannot pull files from
 * under a running browser.
 */
function privateCopy(source, into) {
  if (!existsSync(join(source, "manifest.json"))) {
    throw new Error(`${source} has no manifest.json: run ./build.sh testbuild first`);
  }
  const target = join(into, "extension");
  cpSync(source, target, { recursive: true });
  return target;
}

/**
 * Launches Chromium with the extension loaded and LinkedIn served by `site`.
 *
 * @param {object} [options]
 * @param {string} [options.extensionDir] the unpacked extension (default dist/test/chrome)
 * @param {{ handle(url: string, request?: { method?: string, body?: string | null }): any } | null} [options.site]
 *   the mock site answering www.linkedin.com
 * @param {boolean} [options.headless] default true
 * @param {{ width: number, height: number } | null} [options.viewport]
 */
export async function launchChromium({
  extensionDir = CHROME_DIR,
  site = null,
  headless = true,
  viewport = { width: 1280, height: 900 },
} = {}) {
  const { chromium } = await import("playwright-core");
  const dir = tempDir("netprune-chromium-");
  let context = null;
  try {
    const extension = privateCopy(extensionDir, dir);
    const profile = join(dir, "profile");
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_BINARY,
      headless,
      viewport,
      ignoreDefaultArgs: ["--disable-extensions"],
      args: [
        ...CHROMIUM_FLAGS,
        `--disable-extensions-except=${extension}`,
        `--load-extension=${extension}`,
      ],
    });
    const isOurs = (worker) => worker.url().startsWith("chrome-extension://");
    const worker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent("serviceworker", { predicate: isOurs, timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    return await chromiumSession({ context, dir, extensionId, site });
  } catch (error) {
    await cleanUp([() => context?.close(), () => removeDir(dir)]);
    throw error;
  }
}

async function chromiumSession({ context, dir, extensionId, site: initialSite }) {
  let site = initialSite;
  /** Requests that were stopped because they were not for www.linkedin.com. */
  const blocked = [];
  const origin = `chrome-extension://${extensionId}/`;
  const popupUrl = `${origin}popup/popup.html`;
  const reviewUrl = `${origin}review.html`;

  await context.route("**/*", async (route) => {
    const request = route.request();
    const url = request.url();
    if (url.startsWith(`${LINKEDIN}/`)) {
      // The mock page's own script posts removals to the mock's backend.
      const answer =
        site?.handle(url, { method: request.method(), body: request.postData() }) ?? null;
      await route.fulfill(
        answer
          ? { status: answer.status, contentType: answer.contentType, body: answer.body }
          : { status: 404, contentType: "text/plain", body: "not on the mock site\n" },
      );
    } else if (/^(?:https?|wss?):/i.test(url)) {
      blocked.push(url);
      await route.abort("blockedbyclient");
    } else {
      await route.fallback();
    }
  });

  /** @type {import("playwright-core").Page | null} */
  let popupPage = null;
  /** @type {import("playwright-core").Page | null} */
  let reviewPage = null;
  let browserCdp = null;

  const ensureBrowserCdp = async () =>
    (browserCdp ??= await context.browser().newBrowserCDPSession());

  async function popup() {
    if (!popupPage || popupPage.isClosed()) {
      throw new Error("no popup page is open: call openPopup() first");
    }
    return popupPage;
  }

  /** An open extension page to reach the extension's APIs from: the popup, else a review page. */
  async function extensionPage() {
    if (popupPage && !popupPage.isClosed()) return popupPage;
    if (reviewPage && !reviewPage.isClosed()) return reviewPage;
    throw new Error("no extension page is open: call openPopup() or openReview() first");
  }

  const session = {
    browser: "chromium",
    context,
    extensionId,
    popupUrl,
    reviewUrl,
    blocked,
    get site() {
      return site;
    },
    set site(next) {
      site = next;
    },

    /**
     * Opens `path` on www.linkedin.com in a new tab (or `page`), and waits
     * for the document to load.
     * @param {string} path
     * @param {import("playwright-core").Page} [page]
     */
    async openLinkedIn(path, page) {
      const tab = page ?? (await context.newPage());
      await tab.goto(new URL(path, LINKEDIN).href, { waitUntil: "load", timeout: 15_000 });
      return tab;
    },

    /**
     * Opens (or reloads) the popup page in its own tab and waits until it
     * has drawn a Summary or an error.
     */
    async openPopup() {
      if (!popupPage || popupPage.isClosed()) {
        popupPage = await context.newPage();
        // About the size of the toolbar popup, unless the window sets the size (headed demo).
        if (popupPage.viewportSize()) await popupPage.setViewportSize({ width: 400, height: 760 });
      }
      await popupPage.goto(popupUrl, { waitUntil: "load", timeout: 15_000 });
      await waitFor(
        async () => {
          const state = await readPopup(popupPage);
          return state.loaded || state.error;
        },
        { what: "the popup to draw a summary", describe: () => readPopup(popupPage) },
      );
      return popupPage;
    },

    get popupPage() {
      return popupPage;
    },

    /**
     * Opens review.html in a new tab (or reloads `page`) and waits until it
     * has drawn its state: the network, the empty state, or an error.
     *
     * @param {{ page?: import("playwright-core").Page,
     *   viewport?: { width: number, height: number } }} [options]
     *   `viewport` sizes a new tab (about 380 px wide is Chrome's side panel)
     */
    async openReview({ page, viewport } = {}) {
      const tab = page ?? (await context.newPage());
      if (viewport) await tab.setViewportSize(viewport);
      await tab.goto(reviewUrl, { waitUntil: "load", timeout: 15_000 });
      await waitForReviewDrawn(tab);
      reviewPage = tab;
      return tab;
    },

    get reviewPage() {
      return reviewPage;
    },

    ...popupWaits(async () => readPopup(await popup())),

    /** Everything in storage.local, read from the popup page (or a review page). */
    async storage() {
      return (await extensionPage()).evaluate(() => chrome.storage.local.get(null));
    },

    /** Writes `items` into storage.local from the popup page (or a review page). */
    async setStorage(items) {
      await (await extensionPage()).evaluate((values) => chrome.storage.local.set(values), items);
    },

    /**
     * The network stored under `key` (IndexedDB; "network:<slug>" for a
     * parked account's) as its JSON text, or undefined when none is stored.
     */
    async storedNetwork(key = "active") {
      const text = await (await extensionPage()).evaluate(storedNetworkInPage, key);
      return text ?? undefined;
    },

    /** Stores `bytes` (numbers) as the active network, as damage on disk might leave it. */
    async storeNetworkBytes(bytes) {
      await (await extensionPage()).evaluate(storeBytesInPage, bytes);
    },

    /** Deletes every stored network (IndexedDB), as a profile of an earlier build has none. */
    async forgetStoredNetworks() {
      await (await extensionPage()).evaluate(forgetNetworksInPage);
    },

    /** Sends `message` to the background from the popup page (or a review page). */
    async ask(message) {
      return (await extensionPage()).evaluate((m) => chrome.runtime.sendMessage(m), message);
    },

    /** Whether the extension's service worker is running (a DevTools target exists). */
    async serviceWorkerRunning() {
      const cdp = await ensureBrowserCdp();
      const { targetInfos } = await cdp.send("Target.getTargets");
      return targetInfos.some((t) => t.type === "service_worker" && t.url.startsWith(origin));
    },

    /**
     * Stops the extension's service worker the way Chrome does when it is
     * idle (DevTools' ServiceWorker.stopAllWorkers from an extension page,
     * whose storage partition holds the worker), and waits until it is gone.
     */
    async stopServiceWorker() {
      const cdp = await context.newCDPSession(await popup());
      try {
        await cdp.send("ServiceWorker.enable");
        await cdp.send("ServiceWorker.stopAllWorkers");
      } finally {
        await cdp.detach().catch(() => {});
      }
      await waitFor(async () => !(await session.serviceWorkerRunning()), {
        what: "the extension's service worker to stop",
        timeout: 10_000,
      });
    },

    async close() {
      await cleanUp([
        () => withTimeout(context.close(), 20_000, "closing Chromium"),
        () => removeDir(dir),
      ]);
    },
  };
  return session;
}

/**
 * Runs `body` with a fresh Chromium session and always closes it.
 * @template T
 * @param {Parameters<typeof launchChromium>[0]} options
 * @param {(session: Awaited<ReturnType<typeof launchChromium>>) => Promise<T>} body
 * @returns {Promise<T>}
 */
export function withChromium(options, body) {
  return withSession(launchChromium, options, body);
}
