// Shared by the review page's tests: the people they load, the real core
// (the built wasm, loaded in node) with counters on what crosses its
// boundary, a stub extension API playing the background, review.html in
// jsdom (driven with the helpers in dom.mjs). The page tests run
// against the core the extension ships, so the page and the core cannot
// drift apart. Run the suite: node --test tests/review/ (after
// ./build.sh testbuild, which writes dist/test/chrome/core/).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { allByTestId, byTestId, click, frame, openDocument, text } from "./dom.mjs";

import init, { Core } from "../../dist/test/chrome/core/netprune.js";
import { startReview } from "../../extension/review/review.js";
import { i18nFor } from "../i18n/messages.mjs";
import { fakePeople, queuePeople } from "./people.mjs";
import { taughtOnMock } from "../mock-site/words.mjs";

await init({
  module_or_path: readFileSync(
    new URL("../../dist/test/chrome/core/netprune_bg.wasm", import.meta.url),
  ),
});

export { Core };

export const REVIEW_HTML = readFileSync(
  new URL("../../extension/review.html", import.meta.url),
  "utf8",
);
export const CONNECTIONS_PAGE = "https://www.linkedin.com/mynetwork/invite-connect/connections/";

// ---------------------------------------------------------------------------
// The real core, from the people (people.mjs).

/** `YYYY-MM-DD` as the core stores a civil date. */
function civilDate(text) {
  const [year, month, day] = text.split("-").map(Number);
  return { year, month, day };
}

/** One person as the core stores them (src/model.rs `Person`). */
function storedPerson(p, nowMs) {
  const stored = {
    slug: p.slug,
    name: p.name,
    source: p.source,
    firstSeenMs: nowMs - 86_400_000,
    lastSeenMs: nowMs - 86_400_000,
  };
  if (p.headline !== null && p.headline !== undefined) stored.headline = p.headline;
  if (p.company !== null && p.company !== undefined) stored.company = p.company;
  if (p.position !== null && p.position !== undefined) stored.position = p.position;
  if (p.connected) {
    stored.connected = { date: civilDate(p.connected.date), precision: p.connected.precision };
  }
  if (p.kept) stored.kept = true;
  if (p.unmatched) stored.unmatched = true;
  if (p.gone) stored.goneSinceMs = nowMs - 3_600_000;
  if (p.removed) stored.removedAtMs = nowMs - 3_600_000;
  // The other relations (model.rs Relations): `invitedDaysAgo` a pending
  // invitation sent that many days ago (to someone who is not a
  // connection), `following` a follow, `notConnection` someone only
  // followed.
  if (typeof p.invitedDaysAgo === "number" || p.following || p.notConnection) {
    const read = { firstReadMs: nowMs - 60_000, readMs: nowMs - 60_000, lastRun: 0 };
    stored.relations = {};
    if (typeof p.invitedDaysAgo === "number") {
      const sent = new Date(nowMs - p.invitedDaysAgo * 86_400_000).toISOString().slice(0, 10);
      stored.relations.notConnection = true;
      stored.relations.invitation = {
        sent: { date: civilDate(sent), precision: "day" },
        hasNote: false,
        ...read,
      };
    }
    if (p.following) stored.relations.following = { ...read };
    if (p.notConnection) stored.relations.notConnection = true;
  }
  return stored;
}

/**
 * The stored snapshot (what the background keeps in storage.local.snapshot)
 * of `people`, built by the real core: the people and saved queries as the
 * core stores them, restored, and those marked `queued` queued through
 * `queueRemovals`, so every flag a row shows is the core's own.
 */
export function snapshotOf(people, saved = [], { connections = null, pacing = null } = {}) {
  const nowMs = Date.now();
  const plain = new Core().toStoredJson();
  const network = JSON.parse(plain);
  network.people = people.map((p) => storedPerson(p, nowMs));
  network.savedQueries = saved.map(({ name, query }) => ({ name, query }));
  if (connections) {
    // The connections figure as the core keeps a reading of it (model.rs CountReading).
    network.readings.push({
      kind: "connections",
      figure: connections,
      source: "connections-page",
      firstReadMs: nowMs - 60_000,
      readMs: nowMs - 60_000,
    });
  }
  if (pacing) Object.assign(network.queue.settings, pacing);
  const core = Core.restoreJson(JSON.stringify(network));
  try {
    const queued = people.filter((p) => p.queued).map((p) => p.slug);
    if (queued.length) {
      const report = core.queueRemovals(queued, nowMs, false);
      assert.deepEqual(report.refused ?? [], [], "every queued person was queued");
    }
    return core.toStoredJson();
  } finally {
    core.free();
  }
}

/** Words a member taught on the German mock (the teach flow's tests). */
export const GERMAN_WORDS = Object.freeze(taughtOnMock("de"));

/** storage.local.teach once the connections tab saw the member remove Zoë by hand. */
export const SEEN_ZOE = Object.freeze({
  state: "observed",
  language: "de",
  tabId: 7,
  atMs: 1_790_000_000_000,
  words: GERMAN_WORDS,
  person: { slug: "zoe-muller-7c3d9e", name: "Zoë Müller" },
});

/**
 * The stored snapshot of `people` whose last page read said `language`
 * (the teach flow's tests, tests/review/teach.test.mjs and the i18n walk),
 * with `taught` words kept by the core.
 */
export function snapshotIn(language, people, taught = []) {
  const network = JSON.parse(snapshotOf(people));
  network.lastPage = {
    page: "connections",
    status: "recognised",
    url: CONNECTIONS_PAGE,
    generation: "sdui-2026",
    language,
    reason: null,
    atMs: Date.now() - 60_000,
  };
  const core = Core.restoreJson(JSON.stringify(network));
  try {
    for (const words of taught) core.teachRemoval(words, Date.now());
    return core.toStoredJson();
  } finally {
    core.free();
  }
}

/** Counters the tests read: what crossed the boundary, and how often. */
export const calls = {
  restore: 0,
  rows: [],
  exported: [],
  histogram: [],
  freed: 0,
  /** What each prepareSearch() answered: whether it had anything to build. */
  prepared: [],
};

/** The core with counters on the calls the tests watch; every other call goes straight through. */
function counted(core) {
  const watched = {
    rows(indices) {
      calls.rows.push(indices.length);
      return core.rows(indices);
    },
    histogram(indices) {
      calls.histogram.push(indices.length);
      return core.histogram(indices);
    },
    exportCsv(indices) {
      calls.exported.push(Array.from(indices));
      return core.exportCsv(indices);
    },
    free() {
      calls.freed += 1;
      return core.free();
    },
    prepareSearch() {
      const built = core.prepareSearch();
      calls.prepared.push(built);
      return built;
    },
  };
  return new Proxy(core, {
    get(target, name) {
      if (Object.hasOwn(watched, name)) return watched[name];
      const value = Reflect.get(target, name, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** What the page loads as its core: the real Core class, counting restores. */
export const RealCore = new Proxy(Core, {
  get(target, name) {
    if (name === "restoreStored") {
      return (bytes) => {
        calls.restore += 1;
        return counted(target.restoreStored(bytes));
      };
    }
    const value = Reflect.get(target, name, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

/** `use(core)` on a real core holding `people` (freed afterwards). */
export function withCore(people, use) {
  const core = Core.restoreJson(snapshotOf(people));
  try {
    return use(core);
  } finally {
    core.free();
  }
}

/** The indices the real core matches for `query` over `people`, in the core's order. */
export const coreIndices = (people, query) =>
  withCore(people, (core) => Array.from(core.query(query, Date.now())));

/** The slugs the real core matches for `query` over `people`, in the core's order. */
export const coreSlugs = (people, query) =>
  withCore(people, (core) => core.slugs(core.query(query, Date.now())));

/** The same slugs in a stable order, to compare with a JS filter of `people`. */
export const sorted = (slugs) => [...slugs].sort();

export function resetCalls() {
  calls.restore = 0;
  calls.rows = [];
  calls.exported = [];
  calls.histogram = [];
  calls.freed = 0;
  calls.prepared = [];
}

// ---------------------------------------------------------------------------
// The stub extension API and the page.

/**
 * The record lib/network-store.js would hold for a network stored as `text`
 * (the JSON a test builds with `snapshotOf`), at `revision`: the core's
 * compact bytes, or, for text the core cannot read, the text's own bytes
 * (damaged data stays damaged).
 * @param {string} text
 * @param {number} revision
 */
export function recordOf(text, revision) {
  let bytes;
  try {
    const core = Core.restoreJson(text);
    try {
      bytes = core.toStored();
    } finally {
      core.free();
    }
  } catch {
    bytes = new TextEncoder().encode(text);
  }
  return { bytes, revision, savedAtMs: Date.now() };
}

/**
 * A stub of `chrome` as the review page uses it. `answer(message)` plays the
 * background; storage.local is a plain object whose changes are announced.
 * The stored network (IndexedDB in the extension, lib/network-store.js) is
 * written by tests as `store.snapshot`, its JSON text: `readNetwork()`
 * answers its record, and `write({ snapshot })` moves `networkRevision` as
 * the background does. `language` is the _locales folder the page is shown in.
 */
export function stubExtension(
  store,
  answer = () => ({ ok: true }),
  beforeGet = async () => {},
  language = "en",
) {
  const sent = [];
  const listeners = new Set();
  /** The record last built, and the text it was built from. */
  let network = { text: /** @type {unknown} */ (undefined), record: undefined, revision: 0 };
  /** The stored network's record, built again when store.snapshot changed. */
  const currentRecord = () => {
    const text = store.snapshot;
    if (text === undefined) return undefined;
    if (text !== network.text) {
      const revision = network.revision + 1;
      network = {
        text,
        revision,
        record: typeof text === "string" ? recordOf(text, revision) : text,
      };
    }
    return network.record;
  };
  /** How often runtime.openOptionsPage was called. */
  const optionsPage = { opened: 0 };
  return {
    sent,
    store,
    optionsPage,
    /** What lib/network-store.js's readNetwork() answers (what was stored when it was read). */
    async readNetwork() {
      const record = currentRecord();
      await beforeGet();
      return record;
    },
    i18n: i18nFor(language),
    runtime: {
      async openOptionsPage() {
        optionsPage.opened += 1;
      },
      async sendMessage(message) {
        sent.push(message);
        return answer(message);
      },
    },
    storage: {
      local: {
        async get(keys) {
          const wanted = typeof keys === "string" ? [keys] : keys;
          const values = Object.fromEntries(
            wanted.filter((k) => k in store).map((k) => [k, store[k]]),
          );
          await beforeGet(); // a slow answer carries what was stored when it was read
          return values;
        },
      },
      onChanged: {
        addListener: (listener) => listeners.add(listener),
        removeListener: (listener) => listeners.delete(listener),
      },
    },
    /**
     * What the background does: store the network (`snapshot`, its JSON
     * text) and write storage.local, then tell the listeners; a stored
     * network moves `networkRevision`.
     */
    write(values) {
      const changes = {};
      for (const [key, value] of Object.entries(values)) {
        if (key === "snapshot") {
          store.snapshot = value;
          const oldValue = network.revision;
          const newValue = currentRecord() ? network.revision : oldValue + 1;
          changes.networkRevision = { oldValue, newValue };
          continue;
        }
        changes[key] = { oldValue: store[key], newValue: value };
        store[key] = value;
      }
      for (const listener of listeners) listener(changes, "local");
    },
  };
}

/**
 * Opens review.html in jsdom and starts the page (in `language`, a _locales
 * folder; English unless given). jsdom has no layout, so the list's height
 * (and a working scrollTop) are given here, in the test.
 */
export async function openReview(
  t,
  {
    people = fakePeople(),
    saved = [],
    store,
    answer,
    loadCore,
    viewport = 600,
    beforeGet,
    started = () => {},
    language,
    loadArchiveReader,
  } = {},
) {
  resetCalls();
  const { dom, doc } = openDocument(REVIEW_HTML);
  const scroller = doc.getElementById("list-scroller");
  let scrollTop = 0;
  Object.defineProperty(scroller, "clientHeight", { configurable: true, get: () => viewport });
  Object.defineProperty(scroller, "scrollTop", {
    configurable: true,
    get: () => scrollTop,
    set: (value) => {
      scrollTop = Math.max(0, Number(value));
    },
  });
  const extension = stubExtension(
    store ?? { snapshot: snapshotOf(people, saved) },
    answer,
    beforeGet,
    language,
  );
  const review = startReview(doc, {
    extension,
    readNetwork: () => extension.readNetwork(),
    loadCore: loadCore ?? (async () => RealCore),
    ...(loadArchiveReader ? { loadArchiveReader } : {}),
  });
  t.after(() => {
    review.stop();
    dom.window.close();
  });
  started(extension);
  await review.ready;
  await frame(dom);
  return { dom, doc, extension, review, scroller };
}

export const rows = (doc) => allByTestId(doc, "person-row");

// Queueing the selection for removal.

/** A connections figure as the core stores it (reading.rs Figure). */
export function connectionsCount(value, precision = "exact") {
  const shown = precision === "at-least" ? `${value}+` : value.toLocaleString("en");
  const [low, high] =
    precision === "exact"
      ? [value, value]
      : precision === "at-least"
        ? [value, null]
        : [value - 50, value + 49];
  return { value, precision, shown, low, high };
}

/** storage.local.queue as the background writes it. */
export function queueState(progress = {}, entries = []) {
  return {
    progress: {
      state: "idle",
      reason: null,
      pausedAtMs: null,
      pending: 0,
      inProgress: 0,
      removed: 0,
      failed: 0,
      skipped: 0,
      cancelled: 0,
      removedToday: 0,
      attemptsThisHour: 0,
      attemptsToday: 0,
      hourlyCap: 15,
      dailyCap: 60,
      nextActionAtMs: null,
      waitingFor: null,
      etaMs: null,
      dryRun: false,
      devPacing: false,
      ...progress,
    },
    entries,
  };
}

/**
 * jsdom has no HTMLDialogElement.showModal/close; these behave as a
 * browser's do for what the page relies on (open, close, the close event),
 * and record the calls so a test can see the dialog was opened modally.
 */
export function modalDialogs(dom) {
  const calls = [];
  const proto = dom.window.HTMLDialogElement.prototype;
  proto.showModal = function showModal() {
    calls.push("showModal");
    this.setAttribute("open", "");
  };
  proto.close = function close() {
    calls.push("close");
    this.removeAttribute("open");
    this.dispatchEvent(new dom.window.Event("close"));
  };
  return calls;
}

/** Opens the review page on `queuePeople()`, selects everyone and opens the confirmation. */
export async function openQueueDialog(
  t,
  {
    connections = connectionsCount(1234),
    queue,
    pacing,
    answer,
    people = queuePeople(),
    language,
  } = {},
) {
  const store = { snapshot: snapshotOf(people, [], { connections, pacing }) };
  if (queue) store.queue = queue;
  const opened = await openReview(t, { people, store, answer, language });
  const { dom, doc } = opened;
  const modal = modalDialogs(dom);
  click(dom, byTestId(doc, "select-all-matching"));
  const button = byTestId(doc, "queue-selected");
  button.focus();
  click(dom, button);
  return { ...opened, modal, dialog: byTestId(doc, "queue-dialog") };
}

export const excludedItems = (doc) =>
  [...doc.querySelectorAll("#queue-excluded-list li")].map((item) => text(item));
