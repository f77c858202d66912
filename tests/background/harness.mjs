// The background (extension/background/, bundled into one background.js the
// way ./build.sh ships it: tools/bundle-background.mjs) in Node, with the real
// core (dist/.core, built by ./build.sh) and a fake browser `api`: tabs whose
// content script is a stub the test drives, in-memory storage.local and
// storage.session, alarms and timers left to run. Each `loadBackground()`
// is a fresh worker: a new copy of the bundle imported from its own
// directory, beside fakes of the modules it imports (core/netprune.js,
// lib/browser.js, build-flags.js), so nothing is shared between tests but
// the compiled core.
//
//   const bg = await loadBackground({ testBuild: true });
//   const tab = bg.openTab({ id: 1 });                 // a LinkedIn tab, shown
//   await bg.fromTab(tab, { type: "page-reading", reading });
//   await bg.fromPage({ type: "queue-removals", slugs, dryRun: false });
//   await bg.settled();                                // every queued task ran
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { IDBFactory } from "fake-indexeddb";
import { bundleBackground } from "../../tools/bundle-background.mjs";
import { readNetwork } from "../../extension/lib/network-store.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const realSetTimeout = globalThis.setTimeout;
/** Waits `ms` (a timer that keeps the test running). */
export const sleep = (ms) => new Promise((resolve) => realSetTimeout(resolve, ms));
// The backgrounds' own timers (queue wakes, delayed saves) run as they would
// in a browser, but never keep the test process alive after its last test.
globalThis.setTimeout = /** @type {any} */ (
  (fn, ms, ...args) => {
    const timer = realSetTimeout(fn, ms, ...args);
    timer.unref?.();
    return timer;
  }
);
const CORE = join(ROOT, "dist/.core");
const EXTENSION_ID = "netprune-test";
const EXTENSION_URL = `chrome-extension://${EXTENSION_ID}/`;
const LINKEDIN = "https://www.linkedin.com";

/** An event target with the shape of chrome.*.onX. */
function event() {
  const listeners = [];
  return {
    listeners,
    addListener: (fn) => listeners.push(fn),
    removeListener: (fn) => listeners.splice(listeners.indexOf(fn), 1),
    fire: (...args) => listeners.map((fn) => fn(...args)),
  };
}

/** storage.local / storage.session over a Map, values copied like the real thing. */
function storageArea() {
  const data = new Map();
  const copy = (value) => (value === undefined ? undefined : structuredClone(value));
  return {
    data,
    async get(keys) {
      const wanted =
        keys === null || keys === undefined
          ? [...data.keys()]
          : typeof keys === "string"
            ? [keys]
            : Array.isArray(keys)
              ? keys
              : Object.keys(keys);
      const out = {};
      for (const key of wanted) if (data.has(key)) out[key] = copy(data.get(key));
      return out;
    },
    async set(items) {
      for (const [key, value] of Object.entries(items)) data.set(key, copy(value));
    },
    async remove(keys) {
      for (const key of Array.isArray(keys) ? keys : [keys]) data.delete(key);
    },
  };
}

let loads = 0;
const dirs = [];
process.once("exit", () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** @type {Promise<string> | null} */
let bundled = null;
/** The background bundled from extension/background/ (once per test process). */
function bundle() {
  bundled ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "netprune-background-bundle-"));
    dirs.push(dir);
    const file = join(dir, "background.js");
    await bundleBackground(file);
    return file;
  })();
  return bundled;
}

/** @type {Promise<any> | null} */
let harnessCore = null;
/** The compiled core, for the harness's own reading of stored networks. */
function coreForHarness() {
  harnessCore ??= (async () => {
    const glue = await import(pathToFileURL(join(CORE, "netprune.js")).href);
    await glue.default({ module_or_path: readFileSync(join(CORE, "netprune_bg.wasm")) });
    return glue.Core;
  })();
  return harnessCore;
}

/**
 * A fresh background with a fake `api`.
 * @param {{ testBuild?: boolean, local?: Record<string, unknown>,
 *   session?: Record<string, unknown>, databases?: IDBFactory | null,
 *   firefox?: boolean }} [options]
 *   `local`/`session`: what storage holds when the worker starts;
 *   `databases`: its IndexedDB (a restarted worker is given the one its
 *   predecessor used; null: a browser without IndexedDB); a new one by default;
 *   `firefox`: the api is Firefox's (runtime.getBrowserInfo), which keeps
 *   the network in storage.local
 */
export async function loadBackground({
  testBuild = false,
  local = {},
  session = {},
  databases = new IDBFactory(),
  firefox = false,
} = {}) {
  if (!existsSync(join(CORE, "netprune_bg.wasm"))) {
    throw new Error("dist/.core has no compiled core: run ./build.sh first");
  }
  const dir = mkdtempSync(join(tmpdir(), "netprune-background-"));
  dirs.push(dir);
  mkdirSync(join(dir, "lib"));
  mkdirSync(join(dir, "core"));
  // NETPRUNE_BACKGROUND points the tests at another background.js (an older
  // one, or a built one, to see a regression test fail on it).
  copyFileSync(process.env.NETPRUNE_BACKGROUND || (await bundle()), join(dir, "background.js"));
  writeFileSync(join(dir, "build-flags.js"), `export const TEST_BUILD = ${testBuild};\n`);
  const id = (loads += 1);
  writeFileSync(
    join(dir, "lib/browser.js"),
    `export const api = globalThis.__netpruneApis[${id}];\n` +
      `export const databases = globalThis.__netpruneDatabases[${id}] ?? undefined;\n`,
  );
  writeFileSync(
    join(dir, "core/netprune.js"),
    `import init from ${JSON.stringify(pathToFileURL(join(CORE, "netprune.js")).href)};
import { readFileSync } from "node:fs";
const wasm = ${JSON.stringify(join(CORE, "netprune_bg.wasm"))};
export default () => init({ module_or_path: readFileSync(wasm) });
export * from ${JSON.stringify(pathToFileURL(join(CORE, "netprune.js")).href)};
`,
  );

  const local_ = storageArea();
  const session_ = storageArea();
  await local_.set(local);
  await session_.set(session);
  /** @type {Map<number, any>} */
  const tabs = new Map();
  /** @type {Map<number, { id: number, state: string, focused: boolean }>} */
  const windows = new Map([[1, { id: 1, state: "normal", focused: true }]]);
  const onMessage = event();
  const badge = { text: "", title: "" };
  const alarms = new Map();

  const api = {
    runtime: {
      id: EXTENSION_ID,
      getURL: (path) => `${EXTENSION_URL}${path}`,
      onMessage,
      onStartup: event(),
      ...(firefox ? { getBrowserInfo: async () => ({ name: "Firefox", version: "140.0" }) } : {}),
    },
    storage: { local: local_, session: session_ },
    // Only an older background asks (it read the install type for devPacing).
    management: { getSelf: async () => ({ installType: "development" }) },
    alarms: {
      // A one-shot alarm ({ when }) is gone once it fires; a periodic one
      // ({ periodInMinutes }) stays until cleared. Creating replaces.
      async create(name, info) {
        alarms.set(name, info);
      },
      async get(name) {
        return alarms.has(name) ? { name, ...alarms.get(name) } : undefined;
      },
      async clear(name) {
        return alarms.delete(name);
      },
      onAlarm: event(),
    },
    action: {
      async setBadgeBackgroundColor() {},
      async setBadgeText({ text }) {
        badge.text = text;
      },
      async setTitle({ title }) {
        badge.title = title;
      },
    },
    tabs: {
      async get(tabId) {
        const tab = tabs.get(tabId);
        if (!tab) throw new Error(`No tab with id: ${tabId}.`);
        return { id: tab.id, active: tab.active, windowId: tab.windowId, url: tab.url };
      },
      async sendMessage(tabId, message) {
        const tab = tabs.get(tabId);
        if (!tab) throw new Error("Could not establish connection. Receiving end does not exist.");
        tab.received.push(structuredClone(message));
        return tab.answer(message);
      },
      onRemoved: event(),
      onActivated: event(),
      onUpdated: event(),
    },
    windows: {
      async get(windowId) {
        const window = windows.get(windowId);
        if (!window) throw new Error(`No window with id: ${windowId}.`);
        return { ...window };
      },
      onFocusChanged: event(),
    },
  };
  globalThis.__netpruneApis ??= {};
  globalThis.__netpruneApis[id] = api;
  globalThis.__netpruneDatabases ??= {};
  globalThis.__netpruneDatabases[id] = databases;
  await import(pathToFileURL(join(dir, "background.js")).href);

  /** Sends `message` as if from `sender`, and resolves with the answer. */
  function deliver(message, sender) {
    return new Promise((resolve) => {
      let answered = false;
      const kept = onMessage.listeners.map((fn) =>
        fn(message, sender, (answer) => {
          answered = true;
          resolve(answer);
        }),
      );
      if (!kept.includes(true) && !answered) resolve(undefined);
    });
  }

  const bg = {
    api,
    tabs,
    windows,
    badge,
    alarms,
    local: local_.data,
    session: session_.data,
    databases,

    /**
     * Opens a LinkedIn tab (shown in window 1 unless `active: false`). Its
     * content script answers every message with `answer(message)`, by
     * default `{ ok: true }`; what it received is in `tab.received`.
     */
    openTab({ id, active = true, windowId = 1, answer = () => ({ ok: true }) }) {
      if (active)
        for (const other of tabs.values()) if (other.windowId === windowId) other.active = false;
      const tab = {
        id,
        active,
        windowId,
        url: `${LINKEDIN}/mynetwork/invite-connect/connections/`,
        received: [],
        answer,
        /** The removal steps it was sent. */
        get steps() {
          return this.received.filter((m) => m.type === "remove-step");
        },
      };
      tabs.set(id, tab);
      return tab;
    },

    /** Shows tab `id` in its window, firing tabs.onActivated. */
    activate(id) {
      const tab = tabs.get(id);
      for (const other of tabs.values()) if (other.windowId === tab.windowId) other.active = false;
      tab.active = true;
      api.tabs.onActivated.fire({ tabId: id, windowId: tab.windowId });
    },

    /** Tab `id` starts loading a new document (a reload), firing tabs.onUpdated. */
    reload(id) {
      api.tabs.onUpdated.fire(id, { status: "loading" }, { id, status: "loading" });
    },

    closeTab(id) {
      tabs.delete(id);
      api.tabs.onRemoved.fire(id, { windowId: 1, isWindowClosing: false });
    },

    /** A message from the content script in `tab`. */
    fromTab(tab, message) {
      return deliver(message, {
        id: EXTENSION_ID,
        url: tab.url,
        tab: { id: tab.id, url: tab.url },
      });
    },

    /**
     * A connections-page reading of `people` from `tab` (its content script's
     * `page-reading`; `options` as connectionsReading's).
     * @param {any} tab
     * @param {{ slug: string, name: string }[]} crowd
     * @param {{ member?: string | null, stated?: number }} [options]
     */
    reads(tab, crowd, options) {
      return bg.fromTab(tab, { type: "page-reading", reading: connectionsReading(crowd, options) });
    },

    /** A message from an extension page (the popup or the review page). */
    fromPage(message) {
      return deliver(message, { id: EXTENSION_ID, url: `${EXTENSION_URL}review.html` });
    },

    /** Resolves once every task queued before it (messages, queue steps) has run. */
    async settled() {
      await bg.fromPage({ type: "get-summary" });
    },

    /** Resolves once readings (saved a second later, in one write) are in storage. */
    async saved() {
      await sleep(1_100);
      await bg.settled();
    },

    /**
     * The browser firing its due alarms while the worker is stopped before
     * any listener runs (Chrome may stop a worker at any moment): one-shot
     * alarms are used up, periodic ones stay. Returns the alarms left.
     */
    alarmsFiredWhileStopped() {
      for (const [name, info] of alarms) if (!info.periodInMinutes) alarms.delete(name);
      return [...alarms.keys()];
    },

    /** Fires the queue's alarm, as the browser does when it is due. */
    async alarm() {
      api.alarms.onAlarm.fire({ name: "netprune-queue" });
      await bg.settled();
    },

    async storedQueue() {
      return (await local_.get("queue")).queue;
    },

    /** Where lib/network-store.js keeps this worker's networks. */
    places: {
      databases: databases ?? undefined,
      local: local_,
      indexedDbHome: !firefox && !!databases,
    },

    /** The stored network under `key` (lib/network-store.js) as its JSON text, or undefined. */
    async storedNetwork(key = "active") {
      const record = await readNetwork(key, bg.places);
      if (record === undefined) return undefined;
      const Core = await coreForHarness();
      const core = Core.restoreStored(record.bytes);
      try {
        return core.toStoredJson();
      } finally {
        core.free();
      }
    },

    /** The stored network's record under `key`, as IndexedDB holds it. */
    async storedRecord(key = "active") {
      return readNetwork(key, bg.places);
    },
  };
  return bg;
}

/**
 * A connections-page reading of `people` (`{ slug, name }`), naming
 * `member` in LinkedIn's navigation (omit it for "not found").
 */
export function connectionsReading(people, { member, stated = people.length } = {}) {
  return {
    page: "connections",
    url: `${LINKEDIN}/mynetwork/invite-connect/connections/`,
    recognised: true,
    generation: "react-2025",
    counts: { connections: `${stated} connections` },
    cards: people.map((p) => ({
      profileUrl: `${LINKEDIN}/in/${p.slug}/`,
      name: p.name,
      headline: "Engineer",
      connectedText: "Connected on September 3, 2024",
    })),
    ...(member === undefined ? {} : { member }),
  };
}

/** `n` people with plain names. */
export function people(n, prefix = "person") {
  return Array.from({ length: n }, (_, i) => ({
    slug: `${prefix}-${i + 1}`,
    name: `${prefix[0].toUpperCase()}${prefix.slice(1)} Number${i + 1}`,
  }));
}

/**
 * Polls `check` until it returns something truthy (or throws after `timeout`).
 * @template T
 * @param {() => T | Promise<T>} check
 */
export async function until(check, what, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
