// The stand-in background and page opener the collect tests share
// (collect.test.mjs, collect-stops.test.mjs).

import { createMockSite, PATHS } from "../mock-site/site.mjs";
import { openPage } from "./harness.mjs";

export const SDUI_CARD = '[componentkey^="ConnectionCard_"]';
// Small waits keep the suite quick; the content script's pacing is the same
// code at any scale. Stall limits keep a few seconds of headroom: the tests
// share one event loop, and a loaded machine delays every timer in it.
export const FAST = { delayMs: 10, stallMs: 5000 };
// A bound on a whole run, not a time it must beat: a run takes about 3 s,
// and many pages share two cores when the suites run in parallel on CI.
export const DONE_WITHIN_MS = 60_000;
export const STALL_LIMIT_MS = 2000;
// Long enough for a tick or several to have happened, had the run not stopped.
export const QUIET_MS = 300;

/**
 * A stand-in background that keeps collection state the way the contract
 * describes it: `seen` counts the distinct people received in readings sent
 * while its collection runs, `target` is the page's stated total, and `done`
 * is reached when seen >= target.
 */
export function collectingBackground() {
  const background = {
    running: false,
    done: false,
    /** @type {number | null} */
    target: null,
    /** profileUrls received during the run */
    seen: new Set(),
    /** profileUrls received twice during the run */
    repeated: [],
    /** collect-ended messages */
    ended: [],
    /** how many people had been received when the first collect-ended came */
    seenAtEnd: null,
    /** `page.scrolls.length` when `done` was answered */
    scrollsAtDone: null,
    /** @type {{ scrolls: unknown[] } | null} */
    page: null,
    start() {
      background.running = true;
      background.done = false;
      background.seen.clear();
      background.repeated.length = 0;
    },
    /** @param {any} message */
    answer(message) {
      if (message.type === "collect-ended") {
        background.seenAtEnd ??= background.seen.size;
        background.ended.push(message);
        background.running = false;
        return Promise.resolve({ ok: true });
      }
      const { reading } = message;
      if (reading.counts.connections !== null) {
        background.target = Number(reading.counts.connections.replace(/\D/g, ""));
      }
      if (background.running) {
        for (const card of reading.cards) {
          if (background.seen.has(card.profileUrl)) background.repeated.push(card.profileUrl);
          background.seen.add(card.profileUrl);
        }
        if (background.target !== null && background.seen.size >= background.target) {
          background.running = false;
          background.done = true;
          background.scrollsAtDone = background.page?.scrolls.length ?? null;
        }
      }
      return Promise.resolve({
        ok: true,
        report: {},
        collect: {
          running: background.running,
          seen: background.seen.size,
          target: background.target,
          done: background.done,
        },
      });
    },
  };
  return background;
}

/**
 * Open the connections page with a collecting background, wait for the first
 * reading, and record every click on the page.
 * @param {object} siteOptions for createMockSite
 * @param {{ frameMs?: number }} [layout] the page's layout options (./layout.mjs)
 */
export async function openCollecting(siteOptions, layout = {}) {
  const site = createMockSite({ renderDelayMs: 50, pageDelayMs: 20, ...siteOptions });
  const background = collectingBackground();
  const page = await openPage(site, PATHS.connections, {
    layout,
    answer: (message) => background.answer(message),
  });
  background.page = page;
  // Every click, by element.click() or by an event: the run may press only
  // the list's load button.
  const clicks = [];
  page.document.addEventListener("click", (event) => clicks.push(event.target), true);
  await page.waitForMessages(1);
  return { site, page, background, clicks };
}

/** @param {Element} element */
export function isLoadButton(element) {
  const button = element.closest("button");
  if (!button) return false;
  const name = button.textContent.replace(/\s+/g, " ").trim();
  return (
    button.matches(".scaffold-finite-scroll__load-button") ||
    name === "Load more" ||
    name === "Show more results"
  );
}

export const everyone = (site) => new Set(site.people.map((person) => person.profileHref));
