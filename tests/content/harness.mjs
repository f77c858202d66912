// Loads a mock LinkedIn page into jsdom the way a browser would (the page's
// own scripts run, fetched from the mock site), then runs the real content
// script in it with a recording stand-in for chrome.runtime.sendMessage and a
// way for the test to play the background's tabs.sendMessage.
//
// jsdom has neither fetch nor navigation, so the page gets a fetch that asks
// the mock site (method and body included, as a browser's request would),
// and the mock's whole-page navigation (MockLinkedIn.navigate) is recorded
// and ends the page, as leaving it would: the test opens the next page
// itself.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { buildSync } from "esbuild";
import { JSDOM, ResourceLoader, VirtualConsole } from "jsdom";
import { installLayout } from "./layout.mjs";

// The content script's parts, bundled the way ./build.sh bundles them into
// dist/<browser>/content/page-reader.js: one classic script.
const READER_ENTRY = fileURLToPath(new URL("../../extension/content/main.js", import.meta.url));
const READER_PATH = new URL("../../dist/content/page-reader.js", import.meta.url);
const READER_SOURCE = buildSync({
  entryPoints: [READER_ENTRY],
  bundle: true,
  format: "iife",
  write: false,
  charset: "utf8",
  banner: { js: '"use strict";' },
}).outputFiles[0].text;

// The core the extension ships, compiled by ./build.sh testbuild into
// dist/test/chrome/core, loaded in node: the rules the content script is sent
// are the core's own, so these tests cannot drift from it.
const CORE_DIR = new URL("../../dist/test/chrome/core/", import.meta.url);
if (!existsSync(new URL("netprune_bg.wasm", CORE_DIR))) {
  throw new Error("no compiled core in dist/test/chrome/core: run ./build.sh testbuild first");
}
const core = await import(new URL("netprune.js", CORE_DIR).href);
await core.default({ module_or_path: readFileSync(new URL("netprune_bg.wasm", CORE_DIR)) });

/**
 * The background's rules (CONTRACT.md, `Core.rules()`), as the background
 * sends them with `collect-run` and `remove-step`: the core's human rules
 * (no development delay), whose waits are the ones these tests were written
 * against; each collection test sets its own pace with `collectRun`.
 */
export const RULES = Object.freeze(core.Core.rules(undefined));

/** The compiled core's class, for what it answers without a network (removalLanguages). */
export const CORE = core.Core;

/**
 * A `collect-run` message with the collection rules, at `pace` where given.
 * @param {{ delayMs?: number, stallMs?: number }} [pace]
 */
export const collectRun = (pace = {}) => ({
  type: "collect-run",
  rules: { ...RULES.collect, ...pace },
});

/**
 * The pauses the core drew for a step (seconds for a member): short here,
 * as under test pacing.
 */
export const PAUSES = Object.freeze([120, 180, 150, 200, 130, 170]);

/**
 * A `remove-step` message as the background sends it: the core's step rules,
 * drawn pauses, and `fields` (attempt, slug, name, mode, dryRun, ...), which
 * may replace either.
 * @param {object} fields
 */
export const removeStep = (fields) => ({
  type: "remove-step",
  rules: RULES.step,
  pausesMs: PAUSES,
  ...fields,
});

export const ORIGIN = "https://www.linkedin.com";
/** The stand-in extension's id: messages from any other sender are not its own. */
export const EXTENSION_ID = "netprune-test";

/** Serves the page's subresources (/__mock__/*.js) from the mock site itself. */
class MockSiteResources extends ResourceLoader {
  constructor(site) {
    super();
    this.site = site;
  }

  fetch(url) {
    const answer = this.site.handle(url);
    if (!answer || answer.status !== 200) return null;
    return Promise.resolve(Buffer.from(answer.body, "utf8"));
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long the stand-in fetch takes to answer, as a fast network would. */
const FETCH_LATENCY_MS = 40;

/**
 * A fetch for the page that asks the mock site, the way the browser's would
 * reach it through the end-to-end tests' route.
 * @param {{ handle(url: string, request?: object): any }} site
 * @param {import("jsdom").DOMWindow} window
 */
function mockFetch(site, window) {
  return (input, init = {}) => {
    const url = new URL(String(input), window.location.href).href;
    const body = init.body === undefined || init.body === null ? null : String(init.body);
    const answer = site.handle(url, { method: init.method ?? "GET", body });
    return sleep(FETCH_LATENCY_MS).then(() => {
      const status = answer?.status ?? 404;
      const text = answer?.body ?? "not found\n";
      return {
        ok: status >= 200 && status < 300,
        status,
        text: () => Promise.resolve(text),
        json: () => Promise.resolve(JSON.parse(text)),
      };
    });
  };
}

/**
 * Poll until `predicate()` is truthy; fail with `what` after `timeoutMs`.
 * @template T
 * @param {() => T} predicate
 * @param {string} what
 * @param {number} [timeoutMs]
 * @returns {Promise<T>}
 */
export async function waitFor(predicate, what, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** The trouble messages the page told the background so far. */
export const troubleMessages = (page) => page.messages.filter((m) => m.type === "trouble");

/** The first trouble message the page tells the background. */
export async function firstTrouble(page) {
  const [message] = await waitFor(
    () => (troubleMessages(page).length > 0 ? troubleMessages(page) : null),
    "a trouble message",
  );
  return message;
}

/**
 * Open `path` on the mock site in jsdom, wait for its load event, then inject
 * the content script.
 *
 * @param {{ handle(url: string): any }} site
 * @param {string} path
 * @param {object} [options]
 * @param {(message: any, callNumber: number) => Promise<unknown>} [options.answer]
 *   how the stand-in background answers each sendMessage call (default: resolve)
 * @param {boolean} [options.inject] inject the content script (default true)
 * @param {boolean | { frameMs?: number }} [options.layout] give the page block layout and
 *   scrolling (./layout.mjs), which jsdom lacks (default false); an object gives its options
 */
export async function openPage(site, path, { answer, inject = true, layout = false } = {}) {
  const url = `${ORIGIN}${path}`;
  const page = site.handle(url);
  assert.ok(page, `the mock site serves ${url}`);

  const pageErrors = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on("jsdomError", (error) => pageErrors.push(error));

  const dom = new JSDOM(page.body, {
    url,
    runScripts: "dangerously",
    resources: new MockSiteResources(site),
    pretendToBeVisual: true,
    virtualConsole,
    beforeParse(window) {
      window.fetch = mockFetch(site, window);
    },
  });
  const { window } = dom;
  await new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
  const geometry = layout ? installLayout(window, typeof layout === "object" ? layout : {}) : null;

  /** where the page sent the browser (full URLs); the page ends there */
  const navigations = [];
  if (window.MockLinkedIn) {
    window.MockLinkedIn.navigate = (target) => {
      navigations.push(new URL(target, window.location.href).href);
      // Leaving a page ends it, content script included.
      window.close();
    };
  }

  /** every sendMessage call, as plain JSON (jsdom objects live in another realm) */
  const calls = [];
  /** the messages whose sendMessage call resolved */
  const messages = [];
  /** the content script's runtime.onMessage listeners */
  const listeners = [];
  /** each reading's `check`, in the order sent */
  const checks = [];
  window.chrome = {
    runtime: {
      id: EXTENSION_ID,
      onMessage: {
        addListener: (listener) => listeners.push(listener),
        removeListener: (listener) => {
          const index = listeners.indexOf(listener);
          if (index >= 0) listeners.splice(index, 1);
        },
      },
      sendMessage(message) {
        const copy = JSON.parse(JSON.stringify(message));
        // The page check rides on every reading; tests of the check read it
        // from `checks`, the others compare readings without it.
        if (copy.type === "page-reading" && "check" in copy.reading) {
          checks.push(copy.reading.check);
          delete copy.reading.check;
        }
        calls.push(copy);
        const reply = answer ? answer(copy, calls.length) : Promise.resolve(undefined);
        return reply.then((value) => {
          messages.push(copy);
          return value;
        });
      },
    },
  };

  const injectReader = () =>
    new vm.Script(READER_SOURCE, { filename: READER_PATH.pathname }).runInContext(
      dom.getInternalVMContext(),
    );
  if (inject) injectReader();

  return {
    dom,
    window,
    document: window.document,
    calls,
    messages,
    checks,
    pageErrors,
    injectReader,
    navigations,
    /** scrollBy/scrollTo/scrollIntoView calls, with `layout: true` */
    scrolls: geometry?.scrolls ?? null,
    /**
     * Send `message` to the content script as the background's
     * tabs.sendMessage would. Resolves with the answer, or undefined when no
     * listener answered (where Chrome would report a closed message port).
     * @param {object} message
     * @param {{ id?: string }} [sender]
     */
    tell(message, sender = { id: EXTENSION_ID }) {
      return new Promise((resolve) => {
        let answered = false;
        let keptOpen = false;
        const sendResponse = (value) => {
          if (answered) return;
          answered = true;
          resolve(value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
        };
        for (const listener of [...listeners]) {
          if (listener(message, sender, sendResponse) === true) keptOpen = true;
        }
        if (!answered && !keptOpen) resolve(undefined);
      });
    },
    /** readings delivered so far */
    readings: () => messages.filter((m) => m.type === "page-reading").map((m) => m.reading),
    /** wait for at least `count` delivered messages */
    waitForMessages: (count, timeoutMs = 5000) =>
      waitFor(() => messages.length >= count, `${count} page-reading message(s)`, timeoutMs),
    /** wait until the page's client-side rendering has finished */
    waitForRender: (timeoutMs = 5000) =>
      waitFor(
        () => !window.document.getElementById("main").hasAttribute("aria-busy"),
        "the mock page to render",
        timeoutMs,
      ),
    close: () => window.close(),
  };
}

/**
 * Open `path` on `site` as openPage does, run `body(page, site)`, and close
 * the page however the body ends.
 * @param {{ handle(url: string): any }} site
 * @param {string} path
 * @param {(page: any, site: any) => Promise<unknown>} body
 * @param {Parameters<typeof openPage>[2]} [options]
 */
export async function withPage(site, path, body, options) {
  const page = await openPage(site, path, options);
  try {
    return await body(page, site);
  } finally {
    page.close();
  }
}

/** The card the reader should send for a mock-site person. */
export function expectedCard(person) {
  return {
    profileUrl: person.profileHref,
    name: person.name,
    headline: person.headline,
    connectedText: person.connectedText,
  };
}
