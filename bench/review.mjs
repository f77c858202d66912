// What a member feels, for ./build.sh bench: the extension's review page
// (the release build in dist/chrome) opened on a stored network of 30,000
// people in headless Chromium, then typed into and scrolled, with every
// long task (over 50 ms on the main thread) observed.
//
// The network is stored before the page opens as the background leaves it
// (lib/network-store.js): the compact bytes (`toStored()`) in the
// extension's IndexedDB under "active", with revision 1, then
// storage.local.networkRevision = 1. The page then reads the record and
// restores its own replica of the core from it (`Core.restoreStored`). A PerformanceObserver installed before the page's own
// scripts runs from the start of the navigation; a MutationObserver notes
// when the first person row is drawn. Typing is key by key, 120 ms apart
// (a quick typist); scrolling is 30 wheel turns of 1,500 px, 50 ms apart.

/* global document, window, MutationObserver, chrome */

import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_BINARY, CHROMIUM_FLAGS } from "../tests/e2e/harness.mjs";

/** The queries typed, in turn, into the search box. */
export const TYPED = ["recruiter", "title:engineer sort:connected", "maria"];

function observe() {
  const state = { longTasks: [], firstRowMs: null, marks: [] };
  Object.defineProperty(window, "__bench", { value: state });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      state.longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
    }
  }).observe({ type: "longtask", buffered: true });
  const rows = new MutationObserver(() => {
    if (document.querySelector('[data-testid="person-row"]')) {
      state.firstRowMs = performance.now();
      rows.disconnect();
    }
  });
  rows.observe(document, { childList: true, subtree: true });
}

/**
 * The functions that took the most time in a V8 CPU profile (self time),
 * with where they are: the measured cause of a long task.
 */
function topFunctions(profile, count = 8) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^chrome-extension:\/\/[^/]+\//, "");
    const key = `${functionName || "(anonymous)"} ${file}${file ? `:${lineNumber + 1}` : ""}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([where, ms]) => ({ where, selfMs: Math.round(ms) }));
}

/**
 * Runs in an extension page: stores `base64`'s bytes as the background
 * does, with the extension's own lib/network-store.js, and answers how many
 * people the extension's own core reads back from the stored record.
 * @param {string} base64
 */
async function seedNetwork(base64) {
  const store = await import(chrome.runtime.getURL("lib/network-store.js"));
  const core = await import(chrome.runtime.getURL("core/netprune.js"));
  await core.default();
  const bytes = store.fromBase64(base64);
  await store.writeNetwork(store.ACTIVE, bytes, 1);
  await chrome.storage.local.set({ [store.REVISION_KEY]: 1 });
  const record = await store.readNetwork(store.ACTIVE);
  const replica = core.Core.restoreStored(record.bytes);
  const people = replica.peopleCount;
  replica.free();
  return { people, bytes: record.bytes.length, revision: record.revision };
}

/**
 * @param {string} extensionDir the unpacked release build
 * @param {string} stored the stored network's compact bytes (`toStored()`), as base64
 * @param {number} people how many people it holds
 * @param {{ opens: number }} options
 */
export async function measureReview(extensionDir, stored, people, { opens }) {
  const dir = mkdtempSync(join(tmpdir(), "netprune-bench-review-"));
  const extension = join(dir, "extension");
  cpSync(extensionDir, extension, { recursive: true });
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM_BINARY,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ["--disable-extensions"],
    args: [
      ...CHROMIUM_FLAGS,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
    ],
  });
  try {
    const isOurs = (worker) => worker.url().startsWith("chrome-extension://");
    const worker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent("serviceworker", { predicate: isOurs, timeout: 15_000 }));
    const origin = `chrome-extension://${new URL(worker.url()).host}/`;
    const setup = await context.newPage();
    await setup.goto(`${origin}review.html`, { waitUntil: "load" });
    const seeded = await setup.evaluate(seedNetwork, stored);
    await setup.close();
    if (seeded.people !== people || seeded.revision !== 1) {
      throw new Error(
        `the stored network reads back as ${seeded.people} people, revision ${seeded.revision}`,
      );
    }
    await context.addInitScript(observe);

    const runs = [];
    for (let open = 0; open <= opens; open += 1) {
      const page = await context.newPage();
      // One more open, profiled with V8's sampling profiler (which slows it
      // a little, so its times are not counted): where the opening and the
      // scrolling time goes, to name the cause of a miss.
      const cdp = open === opens ? await context.newCDPSession(page) : null;
      const profiled = async (act) => {
        if (!cdp) return [await act(), null];
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
        await cdp.send("Profiler.start");
        const result = await act();
        const { profile } = await cdp.send("Profiler.stop");
        return [result, topFunctions(profile)];
      };
      const [, openProfile] = await profiled(async () => {
        await page.goto(`${origin}review.html`, { waitUntil: "load" });
        await page.waitForFunction(
          (n) =>
            window.__bench.firstRowMs !== null &&
            document
              .querySelector('[data-testid="result-count"]')
              ?.textContent.replace(/\D/g, "") === String(n),
          people,
          { timeout: 30_000 },
        );
      });
      const opened = await page.evaluate(() => ({
        firstRowMs: window.__bench.firstRowMs,
        longTasks: window.__bench.longTasks.slice(),
        now: performance.now(),
      }));
      // Let anything the page starts after its first rows (idle work) run.
      await page.waitForTimeout(500);
      const box = page.locator('[data-testid="filter-input"]');
      const phase = async (what, act) => {
        const from = await page.evaluate(() => performance.now());
        await act();
        await page.waitForTimeout(300);
        const to = await page.evaluate(() => performance.now());
        const tasks = await page.evaluate(
          ([a, b]) => window.__bench.longTasks.filter((t) => t.startMs >= a && t.startMs < b),
          [from, to],
        );
        return { what, ms: to - from, longTasks: tasks };
      };
      const phases = [];
      for (const query of TYPED) {
        phases.push(
          await phase(`typing ${JSON.stringify(query)}`, async () => {
            await box.fill("");
            await box.pressSequentially(query, { delay: 120 });
          }),
        );
      }
      await box.fill("");
      await page.waitForTimeout(300);
      const scroller = page.locator("#list-scroller");
      const bounds = await scroller.boundingBox();
      const [scrolled, scrollProfile] = await profiled(() =>
        phase("scrolling 30 x 1,500 px", async () => {
          await page.mouse.move(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
          for (let i = 0; i < 30; i += 1) {
            await page.mouse.wheel(0, 1_500);
            await page.waitForTimeout(50);
          }
        }),
      );
      phases.push(scrolled);
      runs.push({
        firstRowMs: opened.firstRowMs,
        openLongTasks: opened.longTasks,
        phases,
        ...(cdp ? { profiles: { opening: openProfile, scrolling: scrollProfile } } : {}),
      });
      await page.close();
    }
    return runs;
  } finally {
    await context.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}
