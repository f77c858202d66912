// Shared by the review page's tests: the people they load, the real core
// (the built wasm, loaded in node) with counters on what crosses its
// boundary, a stub extension API playing the background, review.html in
// jsdom, and the DOM helpers the tests drive it with. The page tests run
// against the core the extension ships, so the page and the core cannot
// drift apart. Run the suite: node --test tests/review/ (after
// ./build.sh testbuild, which writes dist/test/chrome/core/).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { JSDOM, VirtualConsole } from "jsdom";

import init, { Core } from "../../dist/test/chrome/core/netprune.js";
import { startReview } from "../../extension/review/review.js";

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
export const AXE_SOURCE = readFileSync(
  new URL("../../node_modules/axe-core/axe.min.js", import.meta.url),
  "utf8",
);
export const CONNECTIONS_PAGE = "https://www.linkedin.com/mynetwork/invite-connect/connections/";

// ---------------------------------------------------------------------------
// People.

/** Names that must stay text: markup, quotes, formulas, bidi overrides, emoji. */
export const HOSTILE_NAMES = [
  '<img src=x onerror="globalThis.__pwned = 1">',
  "</div><script>globalThis.__pwned = 2</script>",
  `"Quoted" O'Brien & <b>Sons</b>`,
  '=HYPERLINK("http://evil.example","click me")',
  "\u202Eevil\u202C مرحبا بالعالم",
  "🦀 Ferris 👩‍💻",
];

export const TITLES = [
  "Software Engineer at Acme",
  "Recruiter at Hire Fast",
  "Talent Acquisition Partner",
  "Product Manager",
  null,
];
export const COMPANIES = ["Acme", "Hire Fast", "Globex", null];
export const PRECISIONS = ["day", "week", "month", "year"];

/** ~50 people, six with hostile names; connection years 2015-2024 with a few unknown. */
export function fakePeople(count = 50) {
  return Array.from({ length: count }, (_, i) => {
    const year = 2015 + (i % 10);
    const month = String((i % 12) + 1).padStart(2, "0");
    return {
      slug: i % 17 === 16 ? `export:person-${i}` : `person-${i}`,
      name: i < HOSTILE_NAMES.length ? HOSTILE_NAMES[i] : `Person ${i}`,
      headline: TITLES[i % TITLES.length],
      company: COMPANIES[i % COMPANIES.length],
      position: i % 3 === 0 ? "Engineer" : null,
      connected:
        i % 13 === 12
          ? null
          : { date: `${year}-${month}-07`, precision: PRECISIONS[i % PRECISIONS.length] },
      source: i % 17 === 16 ? "export" : "connections-page",
      kept: i % 11 === 3,
      queued: i % 19 === 5,
      removed: false,
      gone: i % 23 === 7,
      unmatched: i % 17 === 16,
    };
  });
}

/** Many plain people, for the virtualization tests. */
export function manyPeople(count) {
  return Array.from({ length: count }, (_, i) => ({
    slug: `p-${i}`,
    name: `Person ${i}`,
    headline: i % 2 ? "Engineer" : "Recruiter",
    company: "Acme",
    position: null,
    connected: { date: `${2010 + (i % 15)}-01-15`, precision: "day" },
    source: "connections-page",
    kept: false,
    queued: false,
    removed: false,
    gone: false,
    unmatched: false,
  }));
}

// ---------------------------------------------------------------------------
// The real core, from the people above.

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

/** Counters the tests read: what crossed the boundary, and how often. */
export const calls = { restore: 0, rows: [], exported: [], histogram: [], freed: 0 };

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
    if (name === "restoreJson") {
      return (text) => {
        calls.restore += 1;
        return counted(target.restoreJson(text));
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

/** `count` plain people whose names sort as they are numbered (the core lists by name). */
export const numberedPeople = (count) =>
  manyPeople(count).map((p, i) => ({ ...p, name: `Person ${String(i).padStart(5, "0")}` }));

/** The same slugs in a stable order, to compare with a JS filter of `people`. */
export const sorted = (slugs) => [...slugs].sort();

export function resetCalls() {
  calls.restore = 0;
  calls.rows = [];
  calls.exported = [];
  calls.histogram = [];
  calls.freed = 0;
}

// ---------------------------------------------------------------------------
// The stub extension API and the page.

/**
 * A stub of `chrome` as the review page uses it. `answer(message)` plays the
 * background; storage.local is a plain object whose changes are announced.
 */
export function stubExtension(store, answer = () => ({ ok: true }), beforeGet = async () => {}) {
  const sent = [];
  const listeners = new Set();
  /** How often runtime.openOptionsPage was called. */
  const optionsPage = { opened: 0 };
  return {
    sent,
    store,
    optionsPage,
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
    /** What the background does: write storage.local, then tell the listeners. */
    write(values) {
      const changes = {};
      for (const [key, value] of Object.entries(values)) {
        changes[key] = { oldValue: store[key], newValue: value };
        store[key] = value;
      }
      for (const listener of listeners) listener(changes, "local");
    },
  };
}

/**
 * Opens review.html in jsdom and starts the page. jsdom has no layout, so
 * the list's height (and a working scrollTop) are given here, in the test.
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
  } = {},
) {
  resetCalls();
  // axe probes <canvas>, which jsdom does not implement; every other jsdom
  // error still reaches the console.
  const virtualConsole = new VirtualConsole();
  virtualConsole.sendTo(console, { omitJSDOMErrors: true });
  virtualConsole.on("jsdomError", (error) => {
    if (!/HTMLCanvasElement/.test(error.message)) console.error(error);
  });
  const dom = new JSDOM(REVIEW_HTML, {
    pretendToBeVisual: true,
    runScripts: "outside-only",
    virtualConsole,
  });
  const doc = dom.window.document;
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
  );
  const review = startReview(doc, {
    extension,
    loadCore: loadCore ?? (async () => RealCore),
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

export const byTestId = (doc, id) => doc.querySelector(`[data-testid="${id}"]`);
export const allByTestId = (doc, id) => [...doc.querySelectorAll(`[data-testid="${id}"]`)];
export const text = (element) => element.textContent.replace(/\s+/g, " ").trim();
export const digits = (element) => Number(text(element).replace(/,/g, ""));
export const rows = (doc) => allByTestId(doc, "person-row");
export const settle = () => new Promise((resolve) => setImmediate(resolve));
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the page's next animation frame (jsdom's pretendToBeVisual). */
export async function frame(dom) {
  await settle();
  await new Promise((resolve) => dom.window.requestAnimationFrame(() => resolve()));
  await settle();
}

/** Visible as far as the markup says: neither it nor an ancestor is hidden. */
export function isShown(element) {
  for (let node = element; node; node = node.parentElement) {
    if (node.hidden) return false;
  }
  return true;
}

export async function waitFor(predicate, what, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export async function type(dom, input, value) {
  input.value = value;
  input.dispatchEvent(new dom.window.Event("input", { bubbles: true }));
  await frame(dom);
}

export function click(dom, element) {
  element.dispatchEvent(new dom.window.MouseEvent("click", { bubbles: true, cancelable: true }));
}

export function key(dom, element, name) {
  element.dispatchEvent(
    new dom.window.KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true }),
  );
}

/** Puts files into an <input type="file"> and announces the change, as a browser does. */
export function chooseFile(dom, input, file) {
  Object.defineProperty(input, "files", { configurable: true, value: [file] });
  input.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
}

/** Catches Blob downloads: the object URL's Blob and the <a download> name. */
export function captureDownloads(dom) {
  const downloads = [];
  dom.window.URL.createObjectURL = (blob) => {
    downloads.push({ blob, filename: null });
    return `blob:review-test/${downloads.length}`;
  };
  dom.window.URL.revokeObjectURL = () => {};
  dom.window.document.addEventListener(
    "click",
    (event) => {
      const link = event.target;
      if (link.tagName === "A" && link.hasAttribute("download")) {
        downloads.at(-1).filename = link.download;
        downloads.at(-1).href = link.href;
        event.preventDefault(); // jsdom cannot navigate; the browser would save the file
      }
    },
    true,
  );
  return downloads;
}

export function blobBytes(dom, blob) {
  return new Promise((resolve, reject) => {
    const reader = new dom.window.FileReader();
    reader.onload = () => resolve(Buffer.from(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

// Queueing the selection for removal.

/**
 * Ten people: four who can be queued (p-0, p-1, p-8, p-9) and one of each
 * kind the queue refuses: two kept, one from the export without a profile
 * link, one gone, one already queued, one already removed.
 */
export function queuePeople() {
  const people = manyPeople(10);
  Object.assign(people[2], { name: "Kept Two", kept: true });
  Object.assign(people[3], { name: "Kept Three", kept: true });
  Object.assign(people[4], {
    slug: "export:p-4",
    name: "Export Only",
    source: "export",
    unmatched: true,
  });
  Object.assign(people[5], { name: "Gone Five", gone: true });
  Object.assign(people[6], { name: "Queued Six", queued: true });
  Object.assign(people[7], { name: "Removed Seven", removed: true });
  return people;
}

export const ELIGIBLE = ["p-0", "p-1", "p-8", "p-9"];

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
  { connections = connectionsCount(1234), queue, pacing, answer, people = queuePeople() } = {},
) {
  const store = { snapshot: snapshotOf(people, [], { connections, pacing }) };
  if (queue) store.queue = queue;
  const opened = await openReview(t, { people, store, answer });
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
