// Shared helpers for the end-to-end tests and the demo: the built extension
// in real browsers, on the mock LinkedIn site at LinkedIn's real URLs.
//
//   launchChromium({ site })   playwright-core, a persistent context with dist/test/chrome loaded;
//                              https://www.linkedin.com/** answered by the mock site, every
//                              other http(s) request aborted, so nothing leaves the machine.
//   launchFirefox({ site })    selenium-webdriver + geckodriver + firefox-esr -headless, the
//                              Firefox zip installed as a temporary add-on under a pinned UUID;
//                              www.linkedin.com resolved to a loopback address where the mock
//                              site is served over HTTPS with a throwaway self-signed cert.
//   readPopup(pageOrDriver)    every data-testid in the popup: its text and whether it shows.
//   readReview(pageOrDriver)   the review page's hooks, the rows in the DOM, the import report;
//   settledReview(...)         the same once the page's last scheduled render has run;
//   allReviewRows(...)         every row of the results, scrolling the virtualized list.
//
// Both sessions have the same shape (openLinkedIn, openPopup, readPopup,
// waitForPopup, openReview, storage, close), so a scenario reads the same in
// either browser. Every wait is a bounded poll for a condition that names what it
// was waiting for when it gives up; close() always releases the browser, the
// server and the temporary directories, even after a failure.

// Functions passed to page.evaluate / executeScript run in the page, where
// these exist.
/* global document, location, chrome, requestAnimationFrame */

import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PATHS, createMockSite } from "../mock-site/site.mjs";

export { createMockSite, GENERATIONS, PATHS } from "../mock-site/site.mjs";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// The builds under test: the test builds (`./build.sh testbuild`), the only
// ones that honour storage.local.devPacing. The variables point the suite at
// another build (an older release, or a deliberately broken copy to see a
// test fail).
export const CHROME_DIR = process.env.NETPRUNE_CHROME_DIR || join(ROOT, "dist/test/chrome");
export const FIREFOX_ZIP =
  process.env.NETPRUNE_FIREFOX_ZIP || join(ROOT, "dist/test/netprune-firefox.zip");
/** The member's builds, which never honour devPacing. */
export const RELEASE_CHROME_DIR = join(ROOT, "dist/chrome");
export const RELEASE_FIREFOX_ZIP = join(ROOT, "dist/netprune-firefox.zip");
export const LINKEDIN = "https://www.linkedin.com";
export const FIREFOX_ADDON_ID = "netprune@netprune.dev";

/** The popup's test hooks (docs/ARCHITECTURE.md, "UI test hooks"). */
export const TESTIDS = [
  "connection-count",
  "follower-count",
  "following-count",
  "badge-status",
  "cap-headroom",
  "goal-select",
  "ratio",
  "page-status",
  "empty-state",
  "consistency-warning",
  "corrupt-notice",
  "network-owner",
];

export const CONNECTION_CAP = 30_000;
export const BADGE_THRESHOLD = 500;

export const CHROMIUM_BINARY = "/usr/bin/chromium";
const FIREFOX_BINARY = "/usr/bin/firefox-esr";
/** What this closed network needs Chromium started with (the bench uses them too). */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// ---------------------------------------------------------------------------
// Waiting and small helpers.

/**
 * Polls `check` until it returns something truthy and returns that. A check
 * that throws counts as "not yet". Gives up after `timeout` ms with an error
 * that says what was awaited and what was last seen.
 *
 * @template T
 * @param {() => T | Promise<T>} check
 * @param {{ timeout?: number, interval?: number, what: string, describe?: () => unknown }} options
 * @returns {Promise<NonNullable<T>>}
 */
export async function waitFor(check, { timeout = 15_000, interval = 100, what, describe }) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await check();
      lastError = undefined;
      if (last) return /** @type {NonNullable<T>} */ (last);
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      let seen;
      try {
        seen = describe ? JSON.stringify(await describe(), null, 2) : "";
      } catch (error) {
        seen = `(could not describe the state: ${error})`;
      }
      const cause = lastError ? `; the last check threw: ${lastError.message ?? lastError}` : "";
      throw new Error(
        `Timed out after ${timeout} ms waiting for ${what}${cause}${seen ? `\nLast seen: ${seen}` : ""}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Resolves `promise`, or rejects after `ms` with a message naming `what`.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The number in a count the popup shows: digits, optionally grouped by
 * thousands separators ("29,940", "1 234"). Empty means unknown (null);
 * anything else (words, decimals, "500+") is NaN so an assertion fails on it.
 *
 * @param {string} text
 * @returns {number | null}
 */
export function parseCount(text) {
  const trimmed = String(text ?? "").trim();
  if (trimmed === "") return null;
  if (!/^(?:\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+)$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(/\D/g, ""));
}

/** 1234 -> "1,234", the way the English popup and LinkedIn write counts. */
export const formatCount = (n) => n.toLocaleString("en-US");

/** Temporary directories and browser processes to release if the process exits early. */
const leftovers = { dirs: new Set(), pids: new Set() };
process.once("exit", () => {
  for (const pid of leftovers.pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  for (const dir of leftovers.dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  leftovers.dirs.add(dir);
  return dir;
}

function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  leftovers.dirs.delete(dir);
}

/**
 * Runs every cleanup step even when one fails, then reports the first failure.
 * @param {(() => unknown)[]} steps
 */
async function cleanUp(steps) {
  let first = null;
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      first ??= error;
    }
  }
  if (first) throw first;
}

// ---------------------------------------------------------------------------
// Reading the popup, in either browser.

/**
 * Runs inside the popup page: every data-testid element's whitespace-collapsed
 * text and whether it is shown, plus whether the popup has drawn a Summary
 * and what its error line says.
 */
function collectPopup() {
  const text = {};
  const visible = {};
  for (const element of document.querySelectorAll("[data-testid]")) {
    const id = element.getAttribute("data-testid");
    text[id] = (element.textContent ?? "").replace(/\s+/g, " ").trim();
    visible[id] = !element.closest("[hidden]") && element.checkVisibility();
  }
  const summaryView = document.getElementById("summary-view");
  const errorState = document.getElementById("error-state");
  return {
    url: location.href,
    loaded: Boolean(summaryView && !summaryView.hidden),
    error:
      errorState && !errorState.hidden ? errorState.textContent.replace(/\s+/g, " ").trim() : null,
    text,
    visible,
  };
}

/**
 * @typedef {{ url: string, loaded: boolean, error: string | null,
 *   text: Record<string, string>, visible: Record<string, boolean> }} PopupState
 */

/**
 * What the popup shows: `text[testid]` and `visible[testid]` for every hook.
 * Throws if the page lacks one of the contract's hooks, so a renamed hook
 * fails loudly instead of reading as "empty".
 *
 * @param {any} target a playwright Page, or a selenium WebDriver whose current window is the popup
 * @returns {Promise<PopupState>}
 */
export async function readPopup(target) {
  const state =
    typeof target.executeScript === "function"
      ? await target.executeScript(`return (${collectPopup})();`)
      : await target.evaluate(collectPopup);
  const missing = TESTIDS.filter((id) => !(id in state.text));
  if (missing.length > 0) {
    throw new Error(`${state.url} has no [data-testid] for ${missing.join(", ")}`);
  }
  return state;
}

// ---------------------------------------------------------------------------
// Reading the review page, in either browser.

/** The review page's test hooks (docs/ARCHITECTURE.md, "Review page test hooks"). */
export const REVIEW_TESTIDS = [
  "collect-all",
  "collect-progress",
  "filter-input",
  "result-count",
  "query-error",
  "select-all-matching",
  "selected-count",
  "import-csv",
  "import-report",
  "export-csv",
  "clear-selection",
  "keep-selected",
  "unkeep-selected",
  "histogram",
  "save-query",
  "backup-download",
  "backup-restore",
  "backup-restore-confirm",
];

/**
 * Runs inside review.html: whether the page has drawn its state, what the
 * hooks say, and the person rows now in the DOM (the list is virtualized:
 * only the rows near the scroller's viewport exist; see `collectAllRows`).
 */
function collectReview() {
  const text = (element) => (element?.textContent ?? "").replace(/\s+/g, " ").trim();
  const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
  const shown = (element) =>
    Boolean(element) && !element.closest("[hidden]") && element.checkVisibility();
  const hooks = {};
  for (const element of document.querySelectorAll("[data-testid]")) {
    hooks[element.getAttribute("data-testid")] = true;
  }
  const view = document.getElementById("review-view");
  const errorState = document.getElementById("error-state");
  const queryError = byTestId("query-error");
  const report = byTestId("import-report");
  const rows = [...document.querySelectorAll('[data-testid="person-row"]')]
    .map((row) => ({
      slug: row.getAttribute("data-slug"),
      position: Number(row.dataset.position),
      name: row.querySelector(".row-name")?.textContent ?? "",
      text: text(row),
      selected: Boolean(row.querySelector('input[type="checkbox"]')?.checked),
    }))
    .sort((a, b) => a.position - b.position);
  return {
    url: location.href,
    hooks: Object.keys(hooks),
    loaded: Boolean(view && !view.hidden),
    error: errorState && !errorState.hidden ? text(errorState) : null,
    query: byTestId("filter-input")?.value ?? null,
    resultCount: text(byTestId("result-count")),
    selectedCount: text(byTestId("selected-count")),
    queryError: shown(queryError) ? text(queryError) : null,
    listMessage: shown(document.getElementById("list-message"))
      ? text(document.getElementById("list-message"))
      : null,
    rows,
    importReport: shown(report)
      ? {
          text: text(report),
          figures: Object.fromEntries(
            [...report.querySelectorAll("[data-figure]")].map((figure) => [
              figure.dataset.figure,
              Number(figure.textContent.replace(/\D/g, "")),
            ]),
          ),
        }
      : null,
    histogram: [...(byTestId("histogram")?.querySelectorAll("button[data-year]") ?? [])].map(
      (bar) => ({
        year: Number(bar.dataset.year),
        pressed: bar.getAttribute("aria-pressed") === "true",
        label: bar.getAttribute("aria-label"),
      }),
    ),
    actionStatus: text(document.getElementById("action-status")),
    backupStatus: text(document.getElementById("backup-status")),
    restoreConfirmShown: shown(byTestId("backup-restore-confirm")),
  };
}

/**
 * Runs inside review.html: waits two animation frames, so a render the
 * last input scheduled (the page draws at most once a frame) has happened.
 */
async function settleReview() {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return true;
}

/**
 * Runs inside review.html: every row of the current results, in order, by
 * scrolling the virtualized list from top to bottom a screenful at a time
 * and reading the rows each screen renders. Leaves the list at the top.
 */
async function collectAllRows() {
  const scroller = document.getElementById("list-scroller");
  const frames = () =>
    new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const byPosition = new Map();
  scroller.scrollTop = 0;
  await frames();
  for (let screen = 0; screen < 100_000; screen += 1) {
    for (const row of document.querySelectorAll('[data-testid="person-row"]')) {
      byPosition.set(Number(row.dataset.position), {
        slug: row.getAttribute("data-slug"),
        name: row.querySelector(".row-name")?.textContent ?? "",
      });
    }
    const bottom = scroller.scrollTop + scroller.clientHeight;
    if (bottom >= scroller.scrollHeight - 1 || scroller.clientHeight === 0) break;
    scroller.scrollTop += Math.max(1, scroller.clientHeight - 10);
    await frames();
  }
  scroller.scrollTop = 0;
  await frames();
  const positions = [...byPosition.keys()].sort((a, b) => a - b);
  return {
    positions,
    rows: positions.map((position) => byPosition.get(position)),
  };
}

/**
 * @typedef {{ slug: string | null, position: number, name: string, text: string, selected: boolean }} ReviewRow
 * @typedef {{ url: string, hooks: string[], loaded: boolean, error: string | null,
 *   query: string | null, resultCount: string, selectedCount: string,
 *   queryError: string | null, listMessage: string | null, rows: ReviewRow[],
 *   importReport: null | { text: string, figures: Record<string, number> },
 *   histogram: { year: number, pressed: boolean, label: string }[],
 *   actionStatus: string, backupStatus: string, restoreConfirmShown: boolean }} ReviewState
 */

/**
 * Runs `fn` (serialised) in `target`, a playwright Page or a selenium
 * WebDriver whose current window is the page, and returns what it returns.
 */
async function runIn(target, fn) {
  return typeof target.executeScript === "function"
    ? target.executeScript(`return (${fn})();`)
    : target.evaluate(fn);
}

/**
 * What the review page shows. Throws if the page lacks one of the
 * contract's hooks, so a renamed hook fails loudly.
 *
 * @param {any} target a playwright Page, or a selenium WebDriver whose current window is review.html
 * @returns {Promise<ReviewState>}
 */
export async function readReview(target) {
  const state = await runIn(target, collectReview);
  const missing = REVIEW_TESTIDS.filter((id) => !state.hooks.includes(id));
  if (missing.length > 0) {
    throw new Error(`${state.url} has no [data-testid] for ${missing.join(", ")}`);
  }
  return state;
}

/** Waits until the review page's last scheduled render has run, then reads it. */
export async function settledReview(target) {
  await runIn(target, settleReview);
  return readReview(target);
}

/**
 * Every row of the review page's current results, in the results' order
 * (the list is virtualized, so this scrolls through it). Checks that the
 * positions seen are 0..n-1 with no gap.
 *
 * @returns {Promise<{ slug: string | null, name: string }[]>}
 */
export async function allReviewRows(target) {
  const { positions, rows } = await runIn(target, collectAllRows);
  positions.forEach((position, i) => {
    if (position !== i) throw new Error(`the list skipped row ${i} (saw ${positions.join(",")})`);
  });
  return rows;
}

/** Polls the review page until it has drawn its state (data, empty, or an error). */
async function waitForReviewDrawn(target) {
  let last = null;
  await waitFor(
    async () => {
      last = await readReview(target);
      return last.loaded || last.error;
    },
    { what: "the review page to draw its state", describe: () => last },
  );
  return /** @type {ReviewState} */ (/** @type {unknown} */ (last));
}

/**
 * The badge line expected for an exact connection count.
 * @param {number} total
 * @returns {RegExp}
 */
export function badgePattern(total) {
  if (total >= BADGE_THRESHOLD) return /^500\+ badge shows$/;
  const needed = BADGE_THRESHOLD - total;
  return new RegExp(
    `^500\\+ badge not yet: ${formatCount(needed).replace(/,/g, "[,\\s\\u202f]")} more connections?$`,
  );
}

/**
 * Session methods shared by both browsers, built on `readPopupNow()`.
 * @param {() => Promise<PopupState>} readPopupNow
 */
function popupWaits(readPopupNow) {
  return {
    readPopup: readPopupNow,
    /**
     * Polls the open popup until `predicate(state)` holds.
     * @param {(state: PopupState) => unknown} predicate
     * @param {{ what: string, timeout?: number }} options
     */
    async waitForPopup(predicate, { what, timeout = 15_000 }) {
      let last = null;
      await waitFor(
        async () => {
          last = await readPopupNow();
          return last.loaded && predicate(last);
        },
        { what: `the popup to show ${what}`, timeout, interval: 150, describe: () => last },
      );
      return /** @type {PopupState} */ (/** @type {unknown} */ (last));
    },
  };
}

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
 */
export async function withChromium(options, body) {
  const session = await launchChromium(options);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}

// ---------------------------------------------------------------------------
// Firefox.

function findGeckodriver() {
  const candidates = [
    process.env.GECKODRIVER,
    join(homedir(), ".cargo/bin/geckodriver"),
    "/usr/local/bin/geckodriver",
    "/usr/bin/geckodriver",
  ].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `geckodriver not found (looked in ${candidates.join(", ")}): install it with \`cargo install geckodriver\``,
    );
  }
  return found;
}

/** A throwaway certificate for www.linkedin.com; Firefox runs with acceptInsecureCerts. */
function selfSignedCert(dir) {
  const key = join(dir, "key.pem");
  const cert = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "2",
      "-subj",
      "/CN=www.linkedin.com",
      "-addext",
      "subjectAltName=DNS:www.linkedin.com",
    ],
    { stdio: "ignore" },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * Serves `site` over HTTPS on port 443 of a loopback address: 127.0.0.1 if
 * it is free, otherwise another 127.x.y.z (all of 127/8 is loopback on
 * Linux), so two test runs on one machine do not collide.
 */
async function serveOnLoopback443(site, tls) {
  const { startMockServer } = await import("../mock-site/serve.mjs");
  const hosts = ["127.0.0.1"];
  for (let i = 0; i < 8; i += 1) {
    hosts.push(
      `127.${10 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`,
    );
  }
  let lastError = null;
  for (const host of hosts) {
    try {
      const server = await startMockServer({ site, port: 443, https: tls, host });
      return { server, host };
    } catch (error) {
      lastError = error;
      if (error?.code === "EACCES") {
        throw new Error(
          "cannot listen on port 443 (Firefox must reach the mock at https://www.linkedin.com/): " +
            "run as root, or grant node cap_net_bind_service",
          { cause: error },
        );
      }
      if (error?.code !== "EADDRINUSE" && error?.code !== "EADDRNOTAVAIL") throw error;
    }
  }
  throw new Error(`no loopback address had port 443 free: ${lastError?.message}`);
}

/**
 * Launches Firefox ESR with the extension installed as a temporary add-on.
 *
 * @param {object} options
 * @param {{ handle(url: string, request?: { method?: string, body?: string | null }): any }} options.site
 *   the mock site answering www.linkedin.com
 * @param {string} [options.xpi] the Firefox build (default dist/test/netprune-firefox.zip)
 */
export async function launchFirefox({ site, xpi = FIREFOX_ZIP }) {
  const { Builder } = await import("selenium-webdriver");
  const firefox = await import("selenium-webdriver/firefox.js");
  if (!existsSync(xpi)) throw new Error(`${xpi} does not exist: run ./build.sh testbuild first`);
  const geckodriver = findGeckodriver();
  const dir = tempDir("netprune-firefox-");
  let server = null;
  let driver = null;
  let pid = null;
  try {
    // A private copy, so a concurrent ./build.sh cannot hand over half a zip.
    const addon = join(dir, "netprune-firefox.zip");
    writeFileSync(addon, readFileSync(xpi));
    // The server asks `current` each time, so a test can swap the site
    // (another LinkedIn account, say) through `session.site`.
    const current = { site };
    const served = await serveOnLoopback443(
      { handle: (url, request) => current.site.handle(url, request) },
      selfSignedCert(dir),
    );
    server = served.server;
    const uuid = crypto.randomUUID();

    const options = new firefox.Options()
      .setBinary(FIREFOX_BINARY)
      .addArguments("-headless")
      .setAcceptInsecureCerts(true)
      // Every host name resolves to the mock server: www.linkedin.com is
      // served there, and nothing else leaves the machine.
      .setPreference("network.dns.forceResolve", served.host)
      .setPreference("extensions.webextensions.uuids", JSON.stringify({ [FIREFOX_ADDON_ID]: uuid }))
      .setPreference("network.captive-portal-service.enabled", false)
      .setPreference("network.connectivity-service.enabled", false)
      .setPreference("browser.safebrowsing.malware.enabled", false)
      .setPreference("browser.safebrowsing.phishing.enabled", false)
      .setPreference("datareporting.policy.dataSubmissionEnabled", false)
      .setPreference("toolkit.telemetry.enabled", false)
      .setPreference("extensions.update.enabled", false)
      .setPreference("app.update.disabledForTesting", true);
    // --allow-system-access lets WebDriver drive moz-extension:// pages.
    const service = new firefox.ServiceBuilder(geckodriver).addArguments("--allow-system-access");
    driver = await withTimeout(
      new Builder()
        .forBrowser("firefox")
        .setFirefoxOptions(options)
        .setFirefoxService(service)
        .build(),
      60_000,
      "starting Firefox through geckodriver",
    );
    pid = (await driver.getCapabilities()).get("moz:processID") ?? null;
    if (pid) leftovers.pids.add(pid);
    const installed = await driver.installAddon(addon, true);
    if (installed !== FIREFOX_ADDON_ID) {
      throw new Error(`installed add-on id is ${installed}, expected ${FIREFOX_ADDON_ID}`);
    }
    return firefoxSession({ driver, dir, server, pid, uuid, current });
  } catch (error) {
    await cleanUp([
      () => driver && withTimeout(driver.quit(), 20_000, "quitting Firefox"),
      () => server?.close(),
      () => removeDir(dir),
    ]);
    leftovers.pids.delete(pid);
    throw error;
  }
}

function firefoxSession({ driver, dir, server, pid, uuid, current }) {
  const popupUrl = `moz-extension://${uuid}/popup/popup.html`;
  const reviewUrl = `moz-extension://${uuid}/review.html`;
  /** @type {Record<string, string>} window handles by role */
  const windows = {};
  let currentWindow = null;

  /**
   * Switches to the window playing `role` ("linkedin", "popup"), opening a
   * new browser window for it the first time. Separate windows rather than
   * tabs: each stays the selected tab of its window, so neither has its
   * timers throttled as a background tab would.
   */
  async function use(role) {
    if (!windows[role]) {
      const first = Object.keys(windows).length === 0;
      if (!first) await driver.switchTo().newWindow("window");
      windows[role] = await driver.getWindowHandle();
    } else if (currentWindow !== windows[role]) {
      await driver.switchTo().window(windows[role]);
    }
    currentWindow = windows[role];
  }

  const session = {
    browser: "firefox",
    driver,
    uuid,
    popupUrl,
    reviewUrl,
    /** The mock site answering www.linkedin.com; assign to swap it. */
    get site() {
      return current.site;
    },
    set site(next) {
      current.site = next;
    },

    /**
     * Opens a new tab in the LinkedIn window and selects it, so the
     * LinkedIn page is no longer the one shown there; `showLinkedIn()`
     * selects the LinkedIn tab again.
     */
    async coverLinkedIn() {
      await use("linkedin");
      await driver.switchTo().newWindow("tab");
      windows.cover = await driver.getWindowHandle();
      currentWindow = windows.cover;
      await driver.get("about:blank");
    },

    async showLinkedIn() {
      await use("linkedin");
    },

    /** Reloads the LinkedIn page. */
    async reloadLinkedIn() {
      await use("linkedin");
      await driver.navigate().refresh();
    },

    /** @param {string} path */
    async openLinkedIn(path) {
      await use("linkedin");
      await driver.get(new URL(path, LINKEDIN).href);
    },

    async openPopup() {
      await use("popup");
      await driver.get(popupUrl);
      await waitFor(
        async () => {
          const state = await readPopup(driver);
          return state.loaded || state.error;
        },
        { what: "the popup to draw a summary", describe: () => readPopup(driver) },
      );
    },

    ...popupWaits(async () => {
      await use("popup");
      return readPopup(driver);
    }),

    /**
     * Opens (or reloads) review.html in its own window and waits until it
     * has drawn its state.
     */
    async openReview() {
      await use("review");
      await driver.get(reviewUrl);
      return waitForReviewDrawn(driver);
    },

    /** What the review page shows (see `readReview`). */
    async readReview() {
      await use("review");
      return readReview(driver);
    },

    /** The review page once its last scheduled render has run. */
    async settledReview() {
      await use("review");
      return settledReview(driver);
    },

    /** Every row of the review page's current results (see `allReviewRows`). */
    async allReviewRows() {
      await use("review");
      return allReviewRows(driver);
    },

    /**
     * Polls the review page until `predicate(state)` holds.
     * @param {(state: ReviewState) => unknown} predicate
     * @param {{ what: string, timeout?: number }} options
     */
    async waitForReview(predicate, { what, timeout = 15_000 }) {
      let last = null;
      await waitFor(
        async () => {
          await use("review");
          last = await readReview(driver);
          return last.loaded && predicate(last);
        },
        { what: `the review page to show ${what}`, timeout, interval: 150, describe: () => last },
      );
      return /** @type {ReviewState} */ (/** @type {unknown} */ (last));
    },

    /** Types `text` into the review page's query box, replacing what it held. */
    async typeQuery(text) {
      await use("review");
      const { By } = await import("selenium-webdriver");
      const input = await driver.findElement(By.css('[data-testid="filter-input"]'));
      // Emptied without an event, then typed key by key (one input event per key).
      await driver.executeScript(
        'document.querySelector(\'[data-testid="filter-input"]\').value = "";',
      );
      if (text === "") {
        await driver.executeScript(
          'document.querySelector(\'[data-testid="filter-input"]\').dispatchEvent(new Event("input", { bubbles: true }));',
        );
      } else {
        await input.sendKeys(text);
      }
      return settledReview(driver);
    },

    /** Picks the file at `path` in the review page's file input `testid` (WebDriver sends the path). */
    async chooseFile(testid, path) {
      await use("review");
      const { By } = await import("selenium-webdriver");
      await driver.findElement(By.css(`[data-testid="${testid}"]`)).sendKeys(path);
    },

    /** Runs `fn` (a function, serialised) in the LinkedIn page's own world. */
    async inLinkedIn(fn) {
      await use("linkedin");
      return driver.executeScript(`return (${fn})();`);
    },

    /** Everything in storage.local, read from the popup page (or the review page). */
    async storage() {
      await use(!windows.popup && windows.review ? "review" : "popup");
      return driver.executeScript("return browser.storage.local.get(null);");
    },

    /** Writes `items` into storage.local from the popup page (or the review page). */
    async setStorage(items) {
      await use(!windows.popup && windows.review ? "review" : "popup");
      await driver.executeScript("return browser.storage.local.set(arguments[0]);", items);
    },

    /** Sends `message` to the background from the popup page (or the review page). */
    async ask(message) {
      await use(!windows.popup && windows.review ? "review" : "popup");
      return driver.executeScript("return browser.runtime.sendMessage(arguments[0]);", message);
    },

    async close() {
      await cleanUp([
        () => withTimeout(driver.quit(), 20_000, "quitting Firefox"),
        () => server.close(),
        () => removeDir(dir),
      ]);
      if (pid) leftovers.pids.delete(pid);
    },
  };
  return session;
}

/**
 * Runs `body` with a fresh Firefox session and always closes it.
 * @template T
 * @param {Parameters<typeof launchFirefox>[0]} options
 * @param {(session: Awaited<ReturnType<typeof launchFirefox>>) => Promise<T>} body
 */
export async function withFirefox(options, body) {
  const session = await launchFirefox(options);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}

/**
 * A mock site that also counts the removals its backend received per slug,
 * so a test can prove nobody was removed twice (`site.posts`).
 * @param {Parameters<typeof createMockSite>[0]} options
 */
export function countingSite(options) {
  const site = /** @type {any} */ (createMockSite(options));
  const posts = new Map();
  const handle = site.handle.bind(site);
  site.handle = (url, request = {}) => {
    if (request.method === "POST" && new URL(url).pathname.startsWith("/__mock__/remove")) {
      const slug = String(request.body ?? "");
      posts.set(slug, (posts.get(slug) ?? 0) + 1);
    }
    return handle(url, request);
  };
  site.posts = posts;
  return site;
}

/**
 * Opens the mock connections page in a session (Chromium or Firefox) and
 * waits until the popup shows its stated total: from then on the background
 * knows the tab.
 *
 * @param {any} session a Chromium session
 * @param {{ stated: { connections: number } }} site
 */
export async function readConnectionsPage(session, site) {
  const page = await session.openLinkedIn(PATHS.connections);
  await session.waitForPopup(
    (p) => parseCount(p.text["connection-count"]) === site.stated.connections,
    { what: `the stated total of ${site.stated.connections}`, timeout: 30_000 },
  );
  return page;
}

// ---------------------------------------------------------------------------
// Scenario pieces both browsers share.

/**
 * The networks the connection-count scenarios read, per generation: one
 * below the 500+ badge and one at or above it (500 exactly, for the
 * boundary). `count` people exist; the page states `count` as its total.
 */
export const NETWORKS = [
  { generation: "artdeco", count: 60, seed: 11 },
  { generation: "artdeco", count: 1234, seed: 12 },
  { generation: "react-2025", count: 137, seed: 21 },
  { generation: "react-2025", count: 500, seed: 22 },
  { generation: "sdui-2026", count: 60, seed: 31 },
  { generation: "sdui-2026", count: 2026, seed: 32 },
];

/** The hostile display names the mock site's first page always carries. */
export const HOSTILE_NAMES = [
  '<img src=x onerror="window.__pwned=1">',
  "</script><script>window.__pwned=1</script>",
];

/**
 * The popup line for a connection count LinkedIn stated exactly: the count,
 * the badge sentence and the cap headroom.
 * @param {PopupState} popup
 */
export function countLine(popup) {
  return {
    connections: parseCount(popup.text["connection-count"]),
    badge: popup.text["badge-status"],
    headroom: parseCount(popup.text["cap-headroom"]),
  };
}
