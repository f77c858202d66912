// The review page against a stub core and a stub extension API: review.html
// is loaded into jsdom (which does not run its module script), and
// review.js's exported startReview() is driven in node with a FakeCore that
// implements the reader-side contract in docs/ARCHITECTURE.md ("Reviewing
// the whole network") over plain arrays. Run: node --test tests/review/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { JSDOM, VirtualConsole } from "jsdom";

import {
  startReview,
  toBase64,
  withYearFilter,
  yearFilterOf,
  describeConnected,
  profileUrl,
  ROW_HEIGHT,
} from "../../extension/review/review.js";

const REVIEW_HTML = readFileSync(new URL("../../extension/review.html", import.meta.url), "utf8");
const AXE_SOURCE = readFileSync(
  new URL("../../node_modules/axe-core/axe.min.js", import.meta.url),
  "utf8",
);
const CONNECTIONS_PAGE = "https://www.linkedin.com/mynetwork/invite-connect/connections/";

// ---------------------------------------------------------------------------
// People.

/** Names that must stay text: markup, quotes, formulas, bidi overrides, emoji. */
const HOSTILE_NAMES = [
  '<img src=x onerror="globalThis.__pwned = 1">',
  "</div><script>globalThis.__pwned = 2</script>",
  `"Quoted" O'Brien & <b>Sons</b>`,
  '=HYPERLINK("http://evil.example","click me")',
  "\u202Eevil\u202C مرحبا بالعالم",
  "🦀 Ferris 👩‍💻",
];

const TITLES = [
  "Software Engineer at Acme",
  "Recruiter at Hire Fast",
  "Talent Acquisition Partner",
  "Product Manager",
  null,
];
const COMPANIES = ["Acme", "Hire Fast", "Globex", null];
const PRECISIONS = ["day", "week", "month", "year"];

/** ~50 people, six with hostile names; connection years 2015-2024 with a few unknown. */
function fakePeople(count = 50) {
  return Array.from({ length: count }, (_, i) => {
    const year = 2015 + (i % 10);
    const month = String((i % 12) + 1).padStart(2, "0");
    return {
      slug: i % 17 === 16 ? `~export-${i}` : `person-${i}`,
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
function manyPeople(count) {
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

const snapshotOf = (people, saved = []) => JSON.stringify({ version: 1, people, saved });

// ---------------------------------------------------------------------------
// FakeCore: the reader side of the core contract, with a tiny query language.

class QueryError extends Error {
  constructor(message, position) {
    super(message);
    this.name = "QueryError";
    this.position = position;
  }
}

const SUGGESTIONS = [
  { label: "Connected more than five years ago", query: "before:5y" },
  { label: "Recruiters", query: 'title:recruiter OR title:"talent acquisition"' },
  { label: "No headline", query: "-has:headline" },
  { label: "At a company you left", query: 'company:"{company}"' },
];

/** Tokens with their positions: words and quoted values. */
function tokenize(text) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i += 1;
    } else {
      const at = i;
      let word = "";
      while (i < text.length && !/\s/.test(text[i])) {
        if (text[i] === '"') {
          const end = text.indexOf('"', i + 1);
          if (end < 0) throw new QueryError("this quote is never closed", i);
          word += text.slice(i + 1, end);
          i = end + 1;
        } else {
          word += text[i];
          i += 1;
        }
      }
      tokens.push({ text: word, at });
    }
  }
  return tokens;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

function compileTerm(token, nowMs) {
  const negate = token.text.startsWith("-");
  const body = negate ? token.text.slice(1) : token.text;
  const colon = body.indexOf(":");
  const lower = (s) => (s ?? "").toLowerCase();
  let test;
  if (colon < 0) {
    const word = lower(body);
    test = (p) => lower(p.name).includes(word) || lower(p.headline).includes(word);
  } else {
    const field = body.slice(0, colon);
    const value = body.slice(colon + 1);
    const year = (p) => (p.connected ? Number(p.connected.date.slice(0, 4)) : null);
    const ms = (p) => (p.connected ? Date.parse(p.connected.date) : null);
    const relative = /^(\d+)y$/.exec(value);
    switch (field) {
      case "name":
        test = (p) => lower(p.name).includes(lower(value));
        break;
      case "title":
        test = (p) => lower(p.headline).includes(lower(value));
        break;
      case "company":
        test = (p) => lower(p.company).includes(lower(value));
        break;
      case "is":
        test = (p) => Boolean(p[value]);
        break;
      case "has":
        test = (p) => Boolean(p[value]);
        break;
      case "after":
        test = (p) => year(p) !== null && year(p) >= Number(value);
        break;
      case "before":
        test = relative
          ? (p) => ms(p) !== null && ms(p) < nowMs - Number(relative[1]) * YEAR_MS
          : (p) => year(p) !== null && year(p) < Number(value);
        break;
      default:
        throw new QueryError(`"${field}:" is not a filter`, token.at);
    }
  }
  return negate ? (p) => !test(p) : test;
}

// The real language's precedence: OR binds tighter than the implicit AND,
// so `a OR b c` is (a OR b) AND c.
function compile(text, nowMs) {
  const tokens = tokenize(text);
  const clauses = [];
  const orNeedsTerms = (token) => new QueryError("OR needs a term on each side", token.at);
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i].text === "OR") throw orNeedsTerms(tokens[i]);
    const alternatives = [compileTerm(tokens[i], nowMs)];
    while (tokens[i + 1]?.text === "OR") {
      if (!tokens[i + 2] || tokens[i + 2].text === "OR") throw orNeedsTerms(tokens[i + 1]);
      alternatives.push(compileTerm(tokens[i + 2], nowMs));
      i += 2;
    }
    clauses.push((p) => alternatives.some((f) => f(p)));
  }
  return (p) => clauses.every((f) => f(p));
}

/** Counters the tests read: what crossed the "boundary", and how often. */
const calls = { restore: 0, rows: [], exported: [], histogram: [], freed: 0 };

class FakeReplica {
  constructor(data) {
    this.people = data.people;
    this.saved = data.saved ?? [];
  }
  query(text, nowMs) {
    const matcher = compile(text, nowMs);
    const out = [];
    this.people.forEach((p, index) => {
      if (matcher(p)) out.push(index);
    });
    return Uint32Array.from(out);
  }
  slugs(indices) {
    return Array.from(indices, (index) => this.people[index].slug);
  }
  rows(indices) {
    calls.rows.push(indices.length);
    return Array.from(indices, (index) => ({ index, ...this.people[index] }));
  }
  histogram(indices) {
    calls.histogram.push(indices.length);
    const years = new Map();
    let unknown = 0;
    for (const index of indices) {
      const c = this.people[index].connected;
      if (!c) unknown += 1;
      else {
        const year = Number(c.date.slice(0, 4));
        years.set(year, (years.get(year) ?? 0) + 1);
      }
    }
    return { years: [...years].map(([year, count]) => ({ year, count })), unknown };
  }
  exportCsv(indices) {
    calls.exported.push(Array.from(indices));
    const safe = (s) => (/^[=+\-@]/.test(s ?? "") ? `'${s}` : (s ?? ""));
    const quote = (s) => `"${String(s).replace(/"/g, '""')}"`;
    const lines = Array.from(indices, (i) => quote(safe(this.people[i].name)));
    return `Name\r\n${lines.join("\r\n")}\r\n`;
  }
  savedQueries() {
    return this.saved;
  }
  backupJson(nowMs) {
    return JSON.stringify({ netpruneBackup: 1, atMs: nowMs, people: this.people.length });
  }
  free() {
    calls.freed += 1;
  }
}

const FakeCore = {
  restoreJson(text) {
    calls.restore += 1;
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      const error = new Error("the stored network is not valid JSON");
      error.name = "NetpruneError";
      throw error;
    }
    return new FakeReplica(data);
  },
  queryHelp() {
    return "Words match names and headlines; filters: title:, company:, is:kept, before:5y, -has:headline; OR between alternatives.";
  },
  suggestedQueries() {
    return SUGGESTIONS;
  },
};

function resetCalls() {
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
function stubExtension(store, answer = () => ({ ok: true }), beforeGet = async () => {}) {
  const sent = [];
  const listeners = new Set();
  return {
    sent,
    store,
    runtime: {
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
async function openReview(
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
    loadCore: loadCore ?? (async () => FakeCore),
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

const byTestId = (doc, id) => doc.querySelector(`[data-testid="${id}"]`);
const allByTestId = (doc, id) => [...doc.querySelectorAll(`[data-testid="${id}"]`)];
const text = (element) => element.textContent.replace(/\s+/g, " ").trim();
const digits = (element) => Number(text(element).replace(/,/g, ""));
const rows = (doc) => allByTestId(doc, "person-row");
const settle = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the page's next animation frame (jsdom's pretendToBeVisual). */
async function frame(dom) {
  await settle();
  await new Promise((resolve) => dom.window.requestAnimationFrame(() => resolve()));
  await settle();
}

/** Visible as far as the markup says: neither it nor an ancestor is hidden. */
function isShown(element) {
  for (let node = element; node; node = node.parentElement) {
    if (node.hidden) return false;
  }
  return true;
}

async function waitFor(predicate, what, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

async function type(dom, input, value) {
  input.value = value;
  input.dispatchEvent(new dom.window.Event("input", { bubbles: true }));
  await frame(dom);
}

function click(dom, element) {
  element.dispatchEvent(new dom.window.MouseEvent("click", { bubbles: true, cancelable: true }));
}

function key(dom, element, name) {
  element.dispatchEvent(
    new dom.window.KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true }),
  );
}

/** Puts files into an <input type="file"> and announces the change, as a browser does. */
function chooseFile(dom, input, file) {
  Object.defineProperty(input, "files", { configurable: true, value: [file] });
  input.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
}

/** Catches Blob downloads: the object URL's Blob and the <a download> name. */
function captureDownloads(dom) {
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

function blobBytes(dom, blob) {
  return new Promise((resolve, reject) => {
    const reader = new dom.window.FileReader();
    reader.onload = () => resolve(Buffer.from(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

// ---------------------------------------------------------------------------
// Query box.

test("typing_filters_and_updates_the_result_count", async (t) => {
  const people = fakePeople();
  const { dom, doc } = await openReview(t, { people });
  const input = byTestId(doc, "filter-input");
  const count = byTestId(doc, "result-count");

  assert.equal(digits(count), people.length);
  assert.match(text(count), /^[\d,]+$/);
  assert.match(text(doc.getElementById("query-help")), /title:/);
  assert.ok(doc.querySelector('label[for="filter-input"]'), "the query box has a visible label");

  await type(dom, input, "title:recruiter");
  const expected = people.filter((p) => (p.headline ?? "").toLowerCase().includes("recruiter"));
  assert.equal(digits(count), expected.length);
  assert.deepEqual(
    rows(doc).map((row) => row.dataset.slug),
    expected.map((p) => p.slug),
  );
  assert.equal(isShown(byTestId(doc, "query-error")), false);
});

test("a_malformed_query_shows_the_error_at_its_position_and_zero_rows", async (t) => {
  const { dom, doc } = await openReview(t);
  const input = byTestId(doc, "filter-input");

  await type(dom, input, 'title:recruiter foo:bar company:"Acme"');
  const error = byTestId(doc, "query-error");
  assert.ok(isShown(error), "the error is shown");
  assert.match(text(error), /"foo:" is not a filter/);
  assert.match(text(error), /character 17/);
  assert.equal(text(error.querySelector("mark")), "foo:bar");
  assert.equal(text(byTestId(doc, "result-count")), "0");
  assert.equal(rows(doc).length, 0, "never everyone: no rows while the query is malformed");
  assert.equal(input.getAttribute("aria-invalid"), "true");

  await type(dom, input, 'title:"never closed');
  assert.ok(isShown(error));
  assert.match(text(error), /never closed/);
  assert.equal(text(error.querySelector("mark")), '"never');

  doc.getElementById("query-error-select").click();
  assert.equal(doc.activeElement, input);
  assert.deepEqual([input.selectionStart, input.selectionEnd], [6, 12]);

  await type(dom, input, "title:engineer");
  assert.equal(isShown(error), false);
  assert.equal(input.hasAttribute("aria-invalid"), false);
  assert.ok(rows(doc).length > 0);
});

test("suggested_queries_apply_in_one_click_and_the_company_one_asks_for_a_name", async (t) => {
  const people = fakePeople();
  const { dom, doc } = await openReview(t, { people });
  const input = byTestId(doc, "filter-input");

  const suggested = allByTestId(doc, "suggested-query");
  assert.deepEqual(
    suggested.map((button) => text(button)),
    SUGGESTIONS.filter((s) => !s.query.includes("{company}")).map((s) => s.label),
  );
  click(
    dom,
    suggested.find((button) => text(button) === "No headline"),
  );
  await frame(dom);
  assert.equal(input.value, "-has:headline");
  assert.equal(digits(byTestId(doc, "result-count")), people.filter((p) => !p.headline).length);

  const prompt = doc.getElementById("company-prompt");
  assert.match(text(prompt), /At a company you left/);
  click(dom, prompt);
  const form = doc.getElementById("company-form");
  assert.ok(isShown(form));
  assert.equal(prompt.getAttribute("aria-expanded"), "true");
  doc.getElementById("company-input").value = 'Hire "Fast"';
  form.dispatchEvent(new dom.window.Event("submit", { cancelable: true }));
  await frame(dom);
  assert.equal(input.value, 'company:"Hire Fast"');
  assert.equal(isShown(form), false);
  assert.equal(
    digits(byTestId(doc, "result-count")),
    people.filter((p) => p.company === "Hire Fast").length,
  );
});

test("saved_queries_apply_save_and_delete_through_the_background", async (t) => {
  const { dom, doc, extension } = await openReview(t, {
    saved: [{ name: "Old recruiters", query: "title:recruiter before:2018" }],
  });
  const input = byTestId(doc, "filter-input");

  const saved = allByTestId(doc, "saved-query");
  assert.equal(saved.length, 1);
  assert.equal(text(saved[0]), "Old recruiters");
  click(dom, saved[0]);
  await frame(dom);
  assert.equal(input.value, "title:recruiter before:2018");

  await type(dom, input, "is:kept");
  doc.getElementById("save-name").value = "Keepers";
  click(dom, byTestId(doc, "save-query"));
  await settle();
  await type(dom, input, "before:2017");
  doc.getElementById("save-name").value = "";
  click(dom, byTestId(doc, "save-query"));
  await settle();

  click(dom, doc.querySelector('[data-saved-name="Old recruiters"]'));
  await settle();

  assert.deepEqual(extension.sent, [
    { type: "save-query", name: "Keepers", query: "is:kept" },
    { type: "save-query", name: "before:2017", query: "before:2017" },
    { type: "delete-query", name: "Old recruiters" },
  ]);

  // A malformed query is not saved.
  await type(dom, input, "bogus:1");
  click(dom, byTestId(doc, "save-query"));
  await settle();
  assert.equal(extension.sent.length, 3);
  assert.match(text(doc.getElementById("save-status")), /fix it before saving/);
});

// ---------------------------------------------------------------------------
// The list.

test("only_the_visible_window_of_30000_people_is_in_the_dom", async (t) => {
  const people = manyPeople(30_000);
  const { dom, doc, scroller } = await openReview(t, { people });

  assert.equal(text(byTestId(doc, "result-count")), "30,000");
  const list = doc.getElementById("person-list");
  assert.equal(list.style.height, `${30_000 * ROW_HEIGHT}px`, "the spacer has the full height");
  let shown = rows(doc);
  assert.ok(shown.length > 0 && shown.length <= 60, `${shown.length} rows in the DOM`);
  assert.ok(
    shown.every((row) => row.dataset.slug),
    "each row has its data-slug",
  );
  assert.equal(shown[0].dataset.slug, "p-0");
  assert.ok(
    calls.rows.filter((n) => n > 60).length === 0,
    "the core is asked only for visible rows",
  );

  scroller.scrollTop = 15_000 * ROW_HEIGHT;
  scroller.dispatchEvent(new dom.window.Event("scroll"));
  await frame(dom);
  shown = rows(doc);
  assert.ok(shown.length <= 60);
  const slugs = shown.map((row) => row.dataset.slug);
  assert.ok(slugs.includes("p-15000"), "the rows in view are rendered");
  assert.ok(!slugs.includes("p-0"), "rows scrolled past leave the DOM");
  const row = shown.find((r) => r.dataset.slug === "p-15000");
  assert.equal(row.style.top, `${15_000 * ROW_HEIGHT}px`);
  assert.equal(row.getAttribute("aria-posinset"), "15001");
  assert.equal(row.getAttribute("aria-setsize"), "30000");
});

test("arrow_keys_move_through_the_list_and_enter_opens_details", async (t) => {
  const people = manyPeople(500);
  const { dom, doc, scroller } = await openReview(t, { people });

  const tabbable = doc.querySelectorAll('#person-list [tabindex="0"]');
  assert.equal(tabbable.length, 2, "one row (checkbox and row) holds the list's tab stop");

  const first = rows(doc)[0].querySelector(".row-main");
  first.focus();
  key(dom, first, "ArrowDown");
  assert.equal(doc.activeElement.closest('[data-testid="person-row"]').dataset.slug, "p-1");

  key(dom, doc.activeElement, "End");
  assert.equal(doc.activeElement.closest('[data-testid="person-row"]').dataset.slug, "p-499");
  assert.ok(scroller.scrollTop > 0, "the list scrolled to the last row");

  key(dom, doc.activeElement, "Home");
  assert.equal(doc.activeElement.closest('[data-testid="person-row"]').dataset.slug, "p-0");
  assert.equal(scroller.scrollTop, 0);

  // Enter on a row button is a click in a browser; the row's details open.
  click(dom, doc.activeElement);
  const details = doc.getElementById("details");
  assert.ok(isShown(details));
  assert.equal(doc.activeElement, doc.getElementById("details-name"));
  key(dom, doc.activeElement, "Escape");
  assert.equal(isShown(details), false);
  assert.equal(doc.activeElement.closest('[data-testid="person-row"]').dataset.slug, "p-0");
});

test("details_show_fields_dates_honestly_and_a_safe_profile_link", async (t) => {
  const people = fakePeople();
  const { dom, doc } = await openReview(t, { people });
  const input = byTestId(doc, "filter-input");

  await type(dom, input, "name:Person");
  // person-6: month precision, July 2021; person-7: year precision, 2022, gone.
  const month = rows(doc).find((r) => r.dataset.slug === "person-6");
  assert.match(text(month), /Connected ~Jul 2021/);
  const row = rows(doc).find((r) => r.dataset.slug === "person-7");
  assert.match(text(row), /Connected ~2022/);
  click(dom, row.querySelector(".row-main"));
  const details = doc.getElementById("details");
  assert.equal(text(doc.getElementById("details-name")), "Person 7");
  assert.match(text(details), /~2022 \(known to the year\)/);
  assert.match(text(details), /Your connections page/);
  assert.match(text(details), /No longer in your connections/, "person-7 is gone");
  const link = doc.getElementById("details-link");
  assert.ok(isShown(link));
  assert.equal(link.href, "https://www.linkedin.com/in/person-7/");
  assert.equal(link.target, "_blank");
  assert.deepEqual(link.rel.split(/\s+/).sort(), ["noopener", "noreferrer"]);

  // person-16 is unmatched: from the export, no profile link.
  const unmatched = rows(doc).find((r) => r.dataset.slug === "~export-16");
  assert.match(text(unmatched), /unmatched/);
  click(dom, unmatched.querySelector(".row-main"));
  assert.equal(isShown(link), false);
  assert.ok(isShown(doc.getElementById("details-no-link")));
  assert.match(text(details), /From your export; not yet seen on the page/);
});

test("namesakes_netprune_would_not_merge_are_marked_possibly_the_same_as_text", async (t) => {
  const people = fakePeople();
  people[16] = {
    ...people[16],
    name: "Zed Example",
    possiblySameAs: "Zed Example (Engineer at <b>Acme</b>), read on your connections page",
  };
  people[15] = {
    ...people[15],
    name: "Zed Example",
    possiblySameAs: "Zed Example from your LinkedIn export (Nowhere, connected 2019-03-05)",
  };
  const { dom, doc } = await openReview(t, { people });
  await type(dom, byTestId(doc, "filter-input"), "name:Zed");
  const shown = rows(doc);
  assert.equal(shown.length, 2);
  const markers = shown.map((row) => row.querySelector('[data-testid="possibly-same"]'));
  assert.ok(markers.every((m) => m && isShown(m)));
  assert.match(text(markers[0]), /^possibly the same as Zed Example from your LinkedIn export/);
  assert.equal(
    text(shown[1].querySelector('[data-testid="possibly-same"]')),
    "possibly the same as Zed Example (Engineer at <b>Acme</b>), read on your connections page",
  );
  assert.equal(shown[1].querySelector("b"), null, "data is text, never markup");
  click(dom, shown[1].querySelector(".row-main"));
  assert.match(text(doc.getElementById("details")), /Possibly the same as/);
  // Others carry no marker.
  await type(dom, byTestId(doc, "filter-input"), "name:Person");
  assert.ok(rows(doc).every((row) => !row.querySelector('[data-testid="possibly-same"]')));
});

test("hostile_names_are_drawn_as_text_and_inject_nothing", async (t) => {
  const { doc, dom } = await openReview(t);
  const names = rows(doc).map((row) => row.querySelector(".row-name").textContent);
  for (const name of HOSTILE_NAMES) assert.ok(names.includes(name), `shown verbatim: ${name}`);
  assert.equal(doc.body.querySelectorAll("img, script, b").length, 0, "no element was injected");
  assert.equal(dom.window.__pwned, undefined);
  assert.equal(globalThis.__pwned, undefined);
  const rtl = rows(doc).find((row) => row.dataset.slug === "person-4");
  assert.equal(rtl.querySelector(".row-name").dir, "auto", "bidi text is isolated");
  assert.equal(
    rows(doc)[0].querySelector(".row-select").getAttribute("aria-label"),
    `Select ${HOSTILE_NAMES[0]}`,
  );
});

// ---------------------------------------------------------------------------
// Selection and keep.

test("select_all_matching_selects_every_match_and_survives_refiltering", async (t) => {
  const people = manyPeople(2_000);
  const { dom, doc } = await openReview(t, { people });
  const input = byTestId(doc, "filter-input");
  const selectedCount = byTestId(doc, "selected-count");

  await type(dom, input, "recruiter");
  assert.equal(text(byTestId(doc, "result-count")), "1,000");
  click(dom, byTestId(doc, "select-all-matching"));
  assert.equal(text(selectedCount), "1,000", "every match, not only the rendered rows");
  assert.ok(rows(doc).every((row) => row.querySelector(".row-select").checked));

  await type(dom, input, "engineer");
  assert.equal(text(selectedCount), "1,000", "people filtered out stay selected");
  assert.match(
    text(selectedCount.parentElement),
    /1,000 selected, 1,000 not in the current results/,
  );
  assert.ok(rows(doc).every((row) => !row.querySelector(".row-select").checked));

  // One more by its checkbox.
  const box = rows(doc)[0].querySelector(".row-select");
  box.checked = true;
  box.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.equal(text(selectedCount), "1,001");

  click(dom, byTestId(doc, "clear-selection"));
  assert.equal(text(selectedCount), "0");
  assert.equal(byTestId(doc, "keep-selected").disabled, true);
});

test("keep_and_unkeep_send_set_kept_with_the_selected_slugs", async (t) => {
  const { dom, doc, extension } = await openReview(t);
  const input = byTestId(doc, "filter-input");

  await type(dom, input, "title:recruiter");
  const expected = rows(doc).map((row) => row.dataset.slug);
  click(dom, byTestId(doc, "select-all-matching"));
  click(dom, byTestId(doc, "keep-selected"));
  await settle();
  click(dom, byTestId(doc, "unkeep-selected"));
  await settle();

  assert.deepEqual(extension.sent, [
    { type: "set-kept", slugs: expected, kept: true },
    { type: "set-kept", slugs: expected, kept: false },
  ]);
  assert.match(text(doc.getElementById("action-status")), /no longer kept/);
  assert.match(text(doc.querySelector(".selection-bar")), /can never be queued for removal/);
});

test("a_new_snapshot_reloads_the_replica_keeping_query_selection_and_scroll", async (t) => {
  const people = manyPeople(3_000);
  const { dom, doc, extension, scroller } = await openReview(t, { people });
  const input = byTestId(doc, "filter-input");

  await type(dom, input, "engineer");
  click(dom, byTestId(doc, "select-all-matching"));
  scroller.scrollTop = 400 * ROW_HEIGHT;
  scroller.dispatchEvent(new dom.window.Event("scroll"));
  await frame(dom);
  assert.equal(calls.restore, 1);

  // The background keeps everyone selected and adds one engineer at the front.
  const next = [
    { ...manyPeople(1)[0], slug: "newcomer", name: "New Comer", headline: "Engineer" },
    ...people.map((p) => (p.headline === "Engineer" ? { ...p, kept: true } : p)),
  ];
  // A burst of writes, as during a collection: coalesced into few reloads.
  for (let i = 0; i < 5; i += 1) extension.write({ snapshot: snapshotOf(next) });
  await waitFor(() => text(byTestId(doc, "result-count")) === "1,501", "the reloaded count");
  await sleep(700);
  assert.ok(calls.restore <= 3, `${calls.restore} restores for a burst of 5 writes`);
  assert.ok(calls.freed >= 1, "the old replica's wasm memory is freed");

  assert.equal(input.value, "engineer");
  assert.equal(text(byTestId(doc, "selected-count")), "1,500");
  assert.equal(scroller.scrollTop, 400 * ROW_HEIGHT, "the scroll position is kept");
  const shown = rows(doc);
  assert.ok(shown.some((row) => row.dataset.slug === "p-799"));
  assert.ok(
    shown.every((row) => row.querySelector(".badge-kept")),
    "kept badges appear",
  );
});

test("changes_written_while_the_page_loads_are_read_after_the_load_not_raced", async (t) => {
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  let gets = 0;
  const { dom, doc } = await openReview(t, {
    people: manyPeople(10),
    beforeGet: async () => {
      gets += 1;
      if (gets === 1) await gate; // the first read is slow
    },
    started(extension) {
      // While the page is still reading storage, the background writes twice.
      setTimeout(() => {
        extension.write({
          collect: { running: true, seen: 5, target: 20, outcome: null, reason: null, gone: 0 },
          snapshot: snapshotOf(manyPeople(12)),
        });
        setTimeout(release, 60); // the reload is due before the slow read answers
      }, 20);
    },
  });
  await waitFor(() => text(byTestId(doc, "result-count")) === "12", "the newer snapshot");
  await frame(dom);
  assert.equal(text(byTestId(doc, "collect-progress")), "5 of 20", "the newer collect state");
  // The slow read answered with the old network; the change is read after it.
  assert.equal(calls.restore, 2);
  assert.equal(gets, 2, "one read for the load, one for the change, in turn");
});

// ---------------------------------------------------------------------------
// Histogram.

test("a_histogram_bar_filters_to_its_year_and_replaces_the_previous_year", async (t) => {
  const people = fakePeople();
  const { dom, doc } = await openReview(t, { people });
  const input = byTestId(doc, "filter-input");
  const histogram = byTestId(doc, "histogram");
  const inYear = (year, list = people) =>
    list.filter((p) => p.connected && p.connected.date.startsWith(`${year}-`));

  const bars = [...histogram.querySelectorAll("button[data-year]")];
  assert.deepEqual(
    bars.map((bar) => Number(bar.dataset.year)),
    [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
  );
  const bar2019 = histogram.querySelector('[data-year="2019"]');
  const n2019 = inYear(2019).length;
  assert.equal(
    bar2019.getAttribute("aria-label"),
    `2019: ${n2019} ${n2019 === 1 ? "person" : "people"}`,
  );
  const unknown = people.filter((p) => !p.connected).length;
  assert.match(
    text(doc.getElementById("histogram-unknown")),
    new RegExp(`Unknown date: ${unknown}`),
  );

  click(dom, bar2019);
  await frame(dom);
  assert.equal(input.value, "after:2019 before:2020");
  assert.equal(digits(byTestId(doc, "result-count")), n2019);
  assert.equal(histogram.querySelector('[data-year="2019"]').getAttribute("aria-pressed"), "true");

  click(dom, histogram.querySelector('[data-year="2021"]'));
  await frame(dom);
  assert.equal(input.value, "after:2021 before:2022", "the year filter is replaced, not added");

  await type(dom, input, 'title:recruiter OR title:"talent acquisition"');
  click(dom, histogram.querySelector('[data-year="2016"]'));
  await frame(dom);
  assert.equal(
    input.value,
    'title:recruiter OR title:"talent acquisition" after:2016 before:2017',
    "OR binds tighter than AND, so the appended year applies to every alternative",
  );
  const recruiters = people.filter((p) => /recruiter|talent acquisition/i.test(p.headline ?? ""));
  assert.equal(digits(byTestId(doc, "result-count")), inYear(2016, recruiters).length);

  click(dom, histogram.querySelector('[data-year="2016"]'));
  await frame(dom);
  assert.equal(input.value, 'title:recruiter OR title:"talent acquisition"', "again: removed");
});

test("year_filter_helpers_add_replace_and_remove_only_their_own_filter", () => {
  assert.equal(withYearFilter("", 2019), "after:2019 before:2020");
  assert.equal(withYearFilter("is:kept", 2019), "is:kept after:2019 before:2020");
  assert.equal(
    withYearFilter("is:kept after:2019 before:2020", 2020),
    "is:kept after:2020 before:2021",
  );
  assert.equal(withYearFilter("after:2019 before:2020 is:kept", 2019), "is:kept");
  assert.equal(
    withYearFilter("after:2015 before:2019", 2020),
    "after:2015 before:2019 after:2020 before:2021",
  );
  // OR binds tighter than the implicit AND: appending applies to every alternative.
  assert.equal(withYearFilter('a OR "b OR c"', 2020), 'a OR "b OR c" after:2020 before:2021');
  assert.equal(withYearFilter('title:"x OR y"', 2020), 'title:"x OR y" after:2020 before:2021');
  assert.equal(yearFilterOf("is:kept after:2019 before:2020"), 2019);
  assert.equal(yearFilterOf("after:2019 before:2021"), null);
});

// ---------------------------------------------------------------------------
// Export, import, backup, restore.

test("export_downloads_core_csv_with_a_bom_for_the_selection_or_else_the_matches", async (t) => {
  const people = fakePeople();
  const { dom, doc } = await openReview(t, { people });
  const downloads = captureDownloads(dom);
  const input = byTestId(doc, "filter-input");

  await type(dom, input, "title:engineer");
  const matching = people.flatMap((p, i) => (/engineer/i.test(p.headline ?? "") ? [i] : []));
  click(dom, byTestId(doc, "export-csv"));
  assert.equal(downloads.length, 1);
  assert.deepEqual(calls.exported.at(-1), matching, "no selection: the current matches");
  const { blob, filename } = downloads[0];
  assert.match(filename, /^netprune-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.equal(blob.type, "text/csv;charset=utf-8");
  const bytes = await blobBytes(dom, blob);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM first");
  const csv = bytes.subarray(3).toString("utf8");
  assert.equal(
    csv,
    new FakeReplica({ people }).exportCsv(matching),
    "exactly what core.exportCsv wrote (the core makes it formula-safe)",
  );

  // Everyone, formula names included, when the query is empty.
  await type(dom, input, "");
  click(dom, byTestId(doc, "export-csv"));
  const all = (await blobBytes(dom, downloads.at(-1).blob)).subarray(3).toString("utf8");
  assert.ok(all.includes(`"'=HYPERLINK(""http://evil.example"",""click me"")"`));

  // With a selection, the selection (even people outside the results).
  await type(dom, input, "title:engineer");
  click(dom, byTestId(doc, "select-all-matching"));
  await type(dom, input, "title:recruiter");
  click(dom, byTestId(doc, "export-csv"));
  assert.deepEqual(
    [...calls.exported.at(-1)].sort((a, b) => a - b),
    matching,
  );
  assert.equal(downloads.length, 3);
  assert.equal(doc.body.querySelectorAll("a[download]").length, 0, "the temporary link is gone");
});

test("import_sends_base64_of_the_file_bytes_and_renders_the_report", async (t) => {
  const csv =
    "\uFEFFNotes:\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" +
    "Jürgen,Müller,https://www.linkedin.com/in/j%C3%BCrgen,,Acme,CTO,30 May 2024\r\n";
  const report = {
    rows: 812,
    matched: 790,
    added: 15,
    unmatched: 7,
    skipped: Array.from({ length: 8 }, (_, i) => ({ line: 20 + i, reason: "no name" })),
  };
  const { dom, doc, extension } = await openReview(t, {
    answer: (message) => (message.type === "import-csv" ? { ok: true, report } : { ok: true }),
  });
  const bytes = Buffer.from(csv, "utf8");
  chooseFile(
    dom,
    byTestId(doc, "import-csv"),
    new dom.window.File([bytes], "Connections.csv", { type: "text/csv" }),
  );
  const panel = byTestId(doc, "import-report");
  await waitFor(() => /Imported/.test(text(panel)), "the import report");

  assert.equal(extension.sent.length, 1);
  const [message] = extension.sent;
  assert.equal(message.type, "import-csv");
  assert.equal(message.name, "Connections.csv");
  assert.deepEqual(Buffer.from(message.base64, "base64"), bytes, "the file's exact bytes");

  assert.ok(isShown(panel));
  const figure = (name) => text(panel.querySelector(`[data-figure="${name}"]`));
  assert.deepEqual(["rows", "matched", "added", "unmatched", "skipped"].map(figure), [
    "812",
    "790",
    "15",
    "7",
    "8",
  ]);
  const fold = panel.querySelector("details");
  assert.ok(fold, "a long skipped list folds into <details>");
  assert.match(text(fold), /Line 20: no name/);
  assert.equal(fold.querySelectorAll("li").length, 8);
  assert.equal(byTestId(doc, "import-csv").disabled, false);
  const label = doc.querySelector('label[for="import-csv"]');
  assert.match(text(label), /Import LinkedIn’s Connections\.csv/);
  assert.match(text(doc.getElementById("import-help")), /Get a copy of your data/);
});

test("an_import_refusal_is_shown_and_says_nothing_was_changed", async (t) => {
  const { dom, doc } = await openReview(t, {
    answer: () => ({ ok: false, error: "This file has no Connected On column." }),
  });
  chooseFile(
    dom,
    byTestId(doc, "import-csv"),
    new dom.window.File(["a,b\n1,2\n"], "other.csv", { type: "text/csv" }),
  );
  const panel = byTestId(doc, "import-report");
  await waitFor(() => /not imported/.test(text(panel)), "the refusal");
  assert.match(text(panel), /This file has no Connected On column\./);
  assert.match(text(panel), /Nothing was changed\./);
});

test("toBase64_encodes_five_megabytes_without_overflowing_the_stack", () => {
  const bytes = new Uint8Array(randomBytes(5 * 1024 * 1024 + 1));
  assert.equal(toBase64(bytes), Buffer.from(bytes).toString("base64"));
  assert.equal(toBase64(new Uint8Array(0)), "");
});

test("backup_downloads_what_core_backupJson_writes", async (t) => {
  const people = fakePeople();
  const { dom, doc } = await openReview(t, { people });
  const downloads = captureDownloads(dom);

  const before = Date.now();
  click(dom, byTestId(doc, "backup-download"));
  await waitFor(() => downloads[0]?.filename, "the backup download");
  const { blob, filename } = downloads[0];
  assert.match(filename, /^netprune-backup-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(blob.type, "application/json");
  const backup = JSON.parse((await blobBytes(dom, blob)).toString("utf8"));
  assert.equal(backup.netpruneBackup, 1);
  assert.equal(backup.people, people.length);
  assert.ok(backup.atMs >= before, "backupJson was given the current time");
});

test("restore_report_says_nobody_was_queued_again_and_the_log_is_kept", async (t) => {
  const { dom, doc } = await openReview(t, {
    answer: (message) =>
      message.type === "restore-backup"
        ? {
            ok: true,
            report: { people: 3, notRequeued: 2, cancelled: 1, inFlight: "bo-1", keptRemoved: 1 },
          }
        : { ok: true },
  });
  const input = byTestId(doc, "backup-restore");
  const confirm = doc.getElementById("restore-confirm");
  chooseFile(dom, input, new dom.window.File(["{}"], "old.json", { type: "application/json" }));
  await waitFor(() => isShown(confirm), "the confirm step");
  assert.match(text(confirm), /removal log, the pace and daily counts/);
  click(dom, byTestId(doc, "backup-restore-confirm"));
  await waitFor(
    () => /Restored from old\.json/.test(text(doc.getElementById("backup-status"))),
    "done",
  );
  const status = text(doc.getElementById("backup-status"));
  assert.match(status, /3 waiting removals were not queued again/);
  assert.match(status, /\(bo-1\) still finishes/);
  assert.match(status, /1 people already removed stay marked as removed/);
  assert.match(status, /removal log and the pace's counts are kept/);
});

test("restore_sends_restore_backup_only_after_confirm_and_shows_a_refusal_verbatim", async (t) => {
  let refuse = false;
  const { dom, doc, extension } = await openReview(t, {
    answer: () =>
      refuse ? { ok: false, error: "This file is not a netprune backup." } : { ok: true },
  });
  const input = byTestId(doc, "backup-restore");
  const confirm = doc.getElementById("restore-confirm");
  const backup = '{"netpruneBackup":1,"people":[]}';

  // Cancelled: nothing sent.
  chooseFile(dom, input, new dom.window.File([backup], "old.json", { type: "application/json" }));
  await waitFor(() => isShown(confirm), "the confirm step");
  assert.match(text(confirm), /This replaces everything netprune has stored/);
  assert.equal(extension.sent.length, 0);
  click(dom, doc.getElementById("restore-cancel"));
  assert.equal(isShown(confirm), false);
  assert.equal(extension.sent.length, 0);

  // Confirmed: sent with the file's text.
  chooseFile(dom, input, new dom.window.File([backup], "old.json", { type: "application/json" }));
  await waitFor(() => isShown(confirm), "the confirm step");
  click(dom, byTestId(doc, "backup-restore-confirm"));
  await settle();
  assert.deepEqual(extension.sent, [{ type: "restore-backup", text: backup }]);
  await waitFor(
    () => /Restored from old\.json/.test(text(doc.getElementById("backup-status"))),
    "done",
  );

  // Refused: the background's words, and that nothing changed.
  refuse = true;
  chooseFile(dom, input, new dom.window.File(["nope"], "bad.json", { type: "application/json" }));
  await waitFor(() => isShown(confirm), "the confirm step");
  click(dom, byTestId(doc, "backup-restore-confirm"));
  const status = doc.getElementById("backup-status");
  await waitFor(() => /not a netprune backup/.test(text(status)), "the refusal");
  assert.equal(text(status), "This file is not a netprune backup. Nothing was changed.");
});

// ---------------------------------------------------------------------------
// Collection.

test("collect_all_sends_collect_start_and_progress_follows_storage", async (t) => {
  const { dom, doc, extension } = await openReview(t);
  const progress = byTestId(doc, "collect-progress");
  const state = doc.getElementById("collect-state");

  click(dom, byTestId(doc, "collect-all"));
  await settle();
  assert.deepEqual(extension.sent, [{ type: "collect-start" }]);

  const run = { running: true, startedAtMs: Date.now(), endedAtMs: null, seen: 3140 };
  extension.write({ collect: { ...run, target: 8012, outcome: null, reason: null, gone: 0 } });
  assert.ok(isShown(progress));
  assert.equal(text(progress), "3,140 of 8,012");
  assert.equal(text(state), "running");
  assert.equal(byTestId(doc, "collect-all").disabled, true);
  const stop = doc.getElementById("collect-stop");
  assert.ok(isShown(stop));
  click(dom, stop);
  await settle();
  assert.deepEqual(extension.sent.at(-1), { type: "collect-stop" });

  extension.write({
    collect: {
      ...run,
      running: false,
      seen: 7990,
      target: 8012,
      outcome: "ended",
      reason: "LinkedIn stopped loading more people.",
      gone: 0,
    },
  });
  assert.equal(text(progress), "7,990 of 8,012", "still shown after the run ends");
  assert.equal(text(state), "ended short: LinkedIn stopped loading more people");

  extension.write({
    collect: {
      ...run,
      running: false,
      seen: 8012,
      target: 8012,
      outcome: "complete",
      reason: null,
      gone: 12,
    },
  });
  assert.equal(text(state), "complete");
  assert.equal(byTestId(doc, "collect-all").disabled, false);
  const gone = doc.getElementById("collect-gone");
  assert.ok(isShown(gone));
  assert.match(text(gone), /12 people no longer in your connections/);
  click(dom, doc.getElementById("show-gone"));
  await frame(dom);
  assert.equal(byTestId(doc, "filter-input").value, "is:gone");
});

test("collect_start_refusal_is_shown_with_a_way_to_open_the_connections_page", async (t) => {
  const { dom, doc } = await openReview(t, {
    answer: () => ({ ok: false, error: "No LinkedIn connections tab is open." }),
  });
  click(dom, byTestId(doc, "collect-all"));
  const error = doc.getElementById("collect-error");
  await waitFor(() => isShown(error), "the collect error");
  assert.match(text(error), /No LinkedIn connections tab is open\./);
  const link = error.querySelector("a");
  assert.equal(link.href, CONNECTIONS_PAGE);
  assert.equal(link.target, "_blank");
  assert.equal(byTestId(doc, "collect-all").disabled, false);
});

// ---------------------------------------------------------------------------
// States.

test("nothing_stored_yet_shows_the_empty_state_with_collect_and_import", async (t) => {
  const { doc } = await openReview(t, { store: {} });
  assert.equal(isShown(doc.getElementById("loading-state")), false);
  assert.ok(isShown(doc.getElementById("empty-state")));
  assert.equal(isShown(doc.getElementById("results-view")), false);
  assert.ok(isShown(byTestId(doc, "collect-all")));
  assert.ok(isShown(byTestId(doc, "import-csv")));
  assert.equal(text(byTestId(doc, "result-count")), "0");
  assert.equal(rows(doc).length, 0);
  assert.equal(
    doc.querySelector("#empty-state a").href,
    CONNECTIONS_PAGE,
    "a way to the connections page",
  );
});

test("an_unreadable_snapshot_shows_a_sentence_and_retry_recovers", async (t) => {
  const store = { snapshot: "{ not json" };
  const { dom, doc, extension } = await openReview(t, { store });
  const error = doc.getElementById("error-state");
  assert.ok(isShown(error));
  assert.match(
    text(error),
    /Your saved network could not be read: the stored network is not valid JSON/,
  );
  assert.equal(isShown(doc.getElementById("review-view")), false);

  extension.store.snapshot = snapshotOf(fakePeople());
  click(dom, doc.getElementById("retry-button"));
  await waitFor(() => isShown(doc.getElementById("review-view")), "the page after retry");
  await frame(dom);
  assert.equal(isShown(error), false);
  assert.equal(digits(byTestId(doc, "result-count")), 50);
});

test("a_core_that_cannot_start_is_reported_with_a_retry", async (t) => {
  let fail = true;
  const { dom, doc } = await openReview(t, {
    loadCore: async () => {
      if (fail) throw new Error("WebAssembly.instantiate(): out of memory");
      return FakeCore;
    },
  });
  assert.match(text(doc.getElementById("error-message")), /core could not start.*out of memory/);
  fail = false;
  click(dom, doc.getElementById("retry-button"));
  await waitFor(() => isShown(doc.getElementById("review-view")), "the page after retry");
});

// ---------------------------------------------------------------------------
// Pure helpers.

test("connection_dates_show_only_the_precision_they_have", () => {
  assert.equal(describeConnected({ date: "2024-08-07", precision: "day" }).short, "Aug 7, 2024");
  assert.equal(describeConnected({ date: "2024-11-20", precision: "week" }).short, "~Nov 2024");
  assert.match(describeConnected({ date: "2024-11-20", precision: "week" }).long, /Nov 20, 2024/);
  assert.equal(describeConnected({ date: "2024-11-01", precision: "month" }).short, "~Nov 2024");
  assert.equal(describeConnected({ date: "2022-01-01", precision: "year" }).short, "~2022");
  assert.equal(describeConnected(null).short, "date unknown");
});

test("profile_urls_are_built_only_from_slugs_and_encode_what_needs_it", () => {
  assert.equal(profileUrl("jane-doe-1a2b3c"), "https://www.linkedin.com/in/jane-doe-1a2b3c/");
  assert.equal(profileUrl("j%C3%BCrgen"), "https://www.linkedin.com/in/j%C3%BCrgen/");
  assert.equal(profileUrl("jürgen"), "https://www.linkedin.com/in/j%C3%BCrgen/");
  assert.equal(profileUrl("../../x?y#z"), "https://www.linkedin.com/in/..%2F..%2Fx%3Fy%23z/");
  assert.equal(profileUrl(""), null);
  assert.equal(profileUrl(null), null);
});

// ---------------------------------------------------------------------------
// Accessibility.

test("axe_finds_no_serious_or_critical_violations", async (t) => {
  const { dom, doc } = await openReview(t, {
    saved: [{ name: "Old recruiters", query: "title:recruiter before:2018" }],
  });
  // A state with most parts showing: an error, a selection, details, a report.
  click(dom, byTestId(doc, "select-all-matching"));
  click(dom, rows(doc)[1].querySelector(".row-main"));
  dom.window.eval(AXE_SOURCE);
  const check = async (what) => {
    // jsdom has no canvas and no layout, so colour contrast is checked by
    // hand in review.css (both themes), not here.
    const results = await dom.window.axe.run(doc, {
      resultTypes: ["violations"],
      rules: { "color-contrast": { enabled: false } },
    });
    const bad = [...results.violations].filter(
      (v) => v.impact === "serious" || v.impact === "critical",
    );
    assert.deepEqual(
      bad.map((v) => `${v.id}: ${[...v.nodes].map((n) => n.target.join(" ")).join(", ")}`),
      [],
      `no serious or critical violations (${what})`,
    );
  };
  await check("list and details");
  await type(dom, byTestId(doc, "filter-input"), "nonsense:1");
  await check("query error");

  assert.equal(doc.documentElement.lang, "en");
  assert.ok(doc.querySelector("main"));
  assert.ok(doc.querySelector("h1"));
  assert.equal(
    byTestId(doc, "result-count").closest("[aria-live]").getAttribute("aria-live"),
    "polite",
  );
  assert.equal(byTestId(doc, "import-report").getAttribute("aria-live"), "polite");
  assert.equal(
    doc.querySelectorAll("[onclick], [onload], [onerror]").length,
    0,
    "no inline handlers",
  );
  assert.equal(doc.querySelectorAll("script:not([src])").length, 0, "no inline scripts");
});

// ---------------------------------------------------------------------------
// Queueing the selection for removal.

/**
 * Ten people: four who can be queued (p-0, p-1, p-8, p-9) and one of each
 * kind the queue refuses: two kept, one from the export without a profile
 * link, one gone, one already queued, one already removed.
 */
function queuePeople() {
  const people = manyPeople(10);
  Object.assign(people[2], { name: "Kept Two", kept: true });
  Object.assign(people[3], { name: "Kept Three", kept: true });
  Object.assign(people[4], {
    slug: "~export-4",
    name: "Export Only",
    source: "export",
    unmatched: true,
  });
  Object.assign(people[5], { name: "Gone Five", gone: true });
  Object.assign(people[6], { name: "Queued Six", queued: true });
  Object.assign(people[7], { name: "Removed Seven", removed: true, gone: true });
  return people;
}

const ELIGIBLE = ["p-0", "p-1", "p-8", "p-9"];

function connectionsCount(value, precision = "exact") {
  const shown = precision === "at-least" ? `${value}+` : value.toLocaleString("en");
  return { value, precision, shown, readAtMs: Date.now() - 60_000, source: "connections-page" };
}

/** storage.local.queue as the background writes it. */
function queueState(progress = {}, entries = []) {
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
function modalDialogs(dom) {
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
async function openQueueDialog(
  t,
  { connections = connectionsCount(1234), queue, answer, people = queuePeople() } = {},
) {
  const store = { snapshot: snapshotOf(people), summary: { connections } };
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

const excludedItems = (doc) =>
  [...doc.querySelectorAll("#queue-excluded-list li")].map((item) => text(item));

test("remove_selected_is_disabled_until_someone_is_selected", async (t) => {
  const { dom, doc } = await openReview(t, { people: queuePeople() });
  const button = byTestId(doc, "queue-selected");
  assert.equal(text(button), "Remove selected…");
  assert.equal(button.disabled, true);
  click(dom, byTestId(doc, "select-all-matching"));
  assert.equal(button.disabled, false);
  click(dom, byTestId(doc, "clear-selection"));
  assert.equal(button.disabled, true);
});

test("confirmation_counts_who_will_be_queued_and_lists_kept_people_as_excluded_with_why", async (t) => {
  const { doc, dialog, modal } = await openQueueDialog(t);

  assert.deepEqual(modal, ["showModal"], "opened as a modal dialog");
  assert.ok(dialog.open);
  assert.equal(dialog.tagName, "DIALOG");
  assert.equal(
    text(doc.getElementById("queue-dialog-lead")),
    "4 people will be queued for removal.",
  );
  assert.deepEqual(excludedItems(doc), [
    "2 people on your keep-list, so they can never be queued: Kept Two, Kept Three.",
    "1 person already removed by netprune: Removed Seven.",
    "1 person already gone: no longer in your connections: Gone Five.",
    "1 person from your LinkedIn export without a profile link, so netprune cannot find their card: Export Only.",
    "1 person already in the removal queue: Queued Six.",
  ]);
  assert.equal(
    text(doc.getElementById("queue-after")),
    "Connections after removal: 1,230 (from 1,234).",
  );
  assert.ok(!isShown(doc.getElementById("queue-below-500")), "no badge warning above 500");
  assert.match(
    text(dialog),
    /Removing a connection is final: since September 2024 it also ends following in both directions\. They will not be told, but you would have to invite them again\./,
  );
  assert.equal(
    text(byTestId(doc, "dry-run").closest("label")),
    "Dry run for these people: walk through each removal up to the confirm button without pressing it",
  );
  assert.equal(byTestId(doc, "dry-run").checked, false);
  assert.match(
    text(doc.getElementById("queue-pacing")),
    /^netprune removes about 15 people an hour at most, with random pauses; you can pause or cancel from the toolbar popup at any time\. No more than 60 in any 24 hours\.$/,
  );
  const confirm = byTestId(doc, "confirm-queue");
  assert.equal(confirm.disabled, false, "no tick needed when the badge is not at stake");
  assert.equal(text(confirm), "Queue 4 people for removal");
});

test("the_confirmation_says_per_person_whether_they_will_be_removed_or_only_walked_to_the_button", async (t) => {
  const { dom, doc } = await openQueueDialog(t);
  const mode = byTestId(doc, "queue-mode");
  const lines = () => [...mode.querySelectorAll("li")].map(text);
  assert.equal(
    text(doc.getElementById("queue-mode-words")),
    "Will be removed: each of these 4 people.",
  );
  assert.equal(lines().length, 4);
  assert.ok(
    lines().every((line) => /: will be removed$/.test(line)),
    lines().join("|"),
  );
  const dryRun = byTestId(doc, "dry-run");
  dryRun.checked = true;
  dryRun.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.match(
    text(doc.getElementById("queue-mode-words")),
    /^Dry run: nobody will be removed\. Each of these 4 people is walked up to the confirm button/,
  );
  assert.ok(
    lines().every((line) => /: dry run: will not be removed$/.test(line)),
    lines().join("|"),
  );
});

test("confirm_sends_queue_removals_with_the_eligible_selected_slugs_and_dry_run", async (t) => {
  const { dom, doc, extension } = await openQueueDialog(t, {
    answer: (message) =>
      message.type === "queue-removals"
        ? { ok: true, queued: 3, refused: [{ slug: "p-9", why: "alreadyQueued" }] }
        : { ok: true },
  });
  const dryRun = byTestId(doc, "dry-run");
  dryRun.checked = true;
  dryRun.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.equal(text(byTestId(doc, "confirm-queue")), "Queue 4 people for a dry run");

  click(dom, byTestId(doc, "confirm-queue"));
  await waitFor(() => doc.querySelector("#queue-result .report-title"), "the answer");

  assert.equal(extension.sent.length, 1);
  const [message] = extension.sent;
  assert.equal(message.type, "queue-removals");
  assert.equal(message.dryRun, true);
  assert.deepEqual([...message.slugs].sort(), ELIGIBLE, "kept, gone, unmatched, queued left out");

  const result = doc.getElementById("queue-result");
  assert.equal(result.getAttribute("role"), "status");
  assert.match(text(result), /Queued 3 people for a dry run: nobody will actually be removed\./);
  assert.equal(
    text(result.querySelector('li[data-why="alreadyQueued"]')),
    "1 person already in the removal queue: Person 9.",
    "the refusal with its reason and the name",
  );
  assert.match(text(result), /Refused 1:/);
  assert.ok(!isShown(byTestId(doc, "confirm-queue")), "cannot be sent twice");
  const close = doc.getElementById("queue-dialog-cancel");
  assert.equal(text(close), "Close");
  assert.equal(doc.activeElement, close);
  assert.match(text(doc.getElementById("action-status")), /Queued 3 people for a dry run/);
});

test("a_queue_answer_listing_slugs_counts_them_and_a_plain_removal_is_not_a_dry_run", async (t) => {
  const { dom, doc, extension } = await openQueueDialog(t, {
    answer: () => ({ ok: true, queued: ELIGIBLE, refused: [] }),
  });
  click(dom, byTestId(doc, "confirm-queue"));
  await waitFor(() => doc.querySelector("#queue-result .report-title"), "the answer");
  assert.equal(extension.sent[0].dryRun, false);
  assert.equal(
    text(doc.querySelector("#queue-result .report-title")),
    "Queued 4 people for removal.",
  );
});

test("falling_below_500_requires_the_ack_tick_before_confirm_is_enabled", async (t) => {
  const { dom, doc, extension } = await openQueueDialog(t, {
    connections: connectionsCount(502),
  });
  const warning = doc.getElementById("queue-below-500");
  assert.ok(isShown(warning));
  assert.match(
    text(warning),
    /That is below 500: the 500\+ badge on your profile would stop showing\./,
  );
  assert.equal(
    text(doc.getElementById("queue-after")),
    "Connections after removal: 498 (from 502).",
  );

  const confirm = byTestId(doc, "confirm-queue");
  const ack = byTestId(doc, "below-500-ack");
  assert.equal(ack.checked, false);
  assert.equal(confirm.disabled, true, "disabled until the tick");
  click(dom, confirm);
  await settle();
  assert.equal(extension.sent.length, 0, "nothing sent without the tick");

  ack.checked = true;
  ack.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.equal(confirm.disabled, false);
  ack.checked = false;
  ack.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.equal(confirm.disabled, true, "unticking disables it again");
});

test("staying_at_500_or_already_below_it_needs_no_ack", async (t) => {
  for (const value of [504, 320]) {
    const { doc } = await openQueueDialog(t, { connections: connectionsCount(value) });
    assert.ok(!isShown(doc.getElementById("queue-below-500")), `${value}: no warning`);
    assert.equal(byTestId(doc, "confirm-queue").disabled, false, `${value}: confirm enabled`);
  }
});

test("an_approximate_count_says_about_and_a_500_plus_floor_warns_it_may_drop", async (t) => {
  const approximate = await openQueueDialog(t, {
    connections: connectionsCount(3400, "approximate"),
  });
  assert.equal(
    text(approximate.doc.getElementById("queue-after")),
    "Connections after removal: about 3,396 (from about 3,400).",
  );

  const { doc } = await openQueueDialog(t, { connections: connectionsCount(500, "at-least") });
  assert.equal(
    text(doc.getElementById("queue-after")),
    "Connections after removal: at least 496 (from at least 500).",
  );
  assert.match(text(doc.getElementById("queue-below-500")), /may be below 500/);
  assert.equal(byTestId(doc, "confirm-queue").disabled, true);
});

test("an_unknown_connection_count_is_said_plainly", async (t) => {
  const { doc } = await openQueueDialog(t, { connections: null });
  assert.match(text(doc.getElementById("queue-after")), /does not know your connection count yet/);
  assert.ok(!isShown(doc.getElementById("queue-below-500")));
});

test("pacing_and_the_count_after_use_the_queues_real_caps_and_people_already_waiting", async (t) => {
  const { doc } = await openQueueDialog(t, {
    connections: connectionsCount(506),
    queue: queueState({ state: "running", pending: 2, inProgress: 1, hourlyCap: 6, dailyCap: 40 }),
  });
  assert.equal(
    text(doc.getElementById("queue-after")),
    "Connections after removal: 499 (from 506). This counts the 3 people already waiting in the queue as removed too.",
  );
  assert.ok(isShown(doc.getElementById("queue-below-500")), "the waiting people count too");
  assert.match(
    text(doc.getElementById("queue-pacing")),
    /^netprune removes about 6 people an hour at most, with random pauses; .* No more than 40 in any 24 hours, so 7 people take more than 1 hour\.$/,
  );
});

test("the_dialog_is_modal_keeps_tab_inside_and_escape_cancels_returning_focus", async (t) => {
  const { dom, doc, dialog, extension } = await openQueueDialog(t);
  const opener = byTestId(doc, "queue-selected");
  const cancel = doc.getElementById("queue-dialog-cancel");
  assert.equal(doc.activeElement, cancel, "the least destructive choice has focus");
  assert.equal(dialog.getAttribute("aria-labelledby"), "queue-dialog-title");

  // Tab from the last control wraps to the first, Shift+Tab from the first to the last.
  key(dom, cancel, "Tab");
  assert.equal(doc.activeElement, byTestId(doc, "dry-run"));
  doc.activeElement.dispatchEvent(
    new dom.window.KeyboardEvent("keydown", {
      key: "Tab",
      shiftKey: true,
      bubbles: true,
      cancelable: true,
    }),
  );
  assert.equal(doc.activeElement, cancel);

  key(dom, cancel, "Escape");
  assert.ok(!dialog.open, "Escape closes it");
  assert.equal(doc.activeElement, opener, "focus goes back to Remove selected…");
  assert.equal(extension.sent.length, 0, "cancelling queues nobody");

  // Cancel by its button too; opening again starts afresh.
  click(dom, opener);
  assert.ok(dialog.open);
  click(dom, cancel);
  assert.ok(!dialog.open);
  assert.equal(doc.activeElement, opener);
});

test("a_refused_queue_request_is_shown_in_the_dialog_and_can_be_sent_again", async (t) => {
  let refuse = true;
  const { dom, doc, extension } = await openQueueDialog(t, {
    answer: () =>
      refuse
        ? { ok: false, error: "netprune is still restoring your network; try again." }
        : { ok: true, queued: 4, refused: [] },
  });
  click(dom, byTestId(doc, "confirm-queue"));
  await waitFor(() => doc.getElementById("queue-result").classList.contains("is-error"), "error");
  assert.equal(
    text(doc.getElementById("queue-result")),
    "Nobody was queued: netprune is still restoring your network; try again.",
  );
  const confirm = byTestId(doc, "confirm-queue");
  assert.ok(isShown(confirm));
  assert.equal(confirm.disabled, false);

  refuse = false;
  click(dom, confirm);
  await waitFor(() => doc.querySelector("#queue-result .report-title"), "the answer");
  assert.equal(extension.sent.length, 2);
});

test("queued_and_removed_rows_show_their_badges_and_follow_new_snapshots", async (t) => {
  const people = queuePeople();
  const { doc, extension } = await openReview(t, { people });
  const row = (slug) => rows(doc).find((r) => r.dataset.slug === slug);
  assert.ok(row("p-6").querySelector(".badge-queued"));
  assert.ok(row("p-7").querySelector(".badge-removed"));
  assert.ok(!row("p-0").querySelector(".badge-queued"));

  // The background queued p-0: the new snapshot carries it.
  extension.write({
    snapshot: snapshotOf(people.map((p) => (p.slug === "p-0" ? { ...p, queued: true } : p))),
  });
  await waitFor(() => row("p-0")?.querySelector(".badge-queued"), "the queued badge");
});

test("the_selection_bar_says_how_many_wait_in_the_queue_and_why_it_is_paused", async (t) => {
  const { doc, extension } = await openReview(t, { people: queuePeople() });
  const line = doc.getElementById("queue-line");
  assert.ok(!isShown(line));
  extension.write({
    queue: queueState({
      state: "paused",
      reason: "LinkedIn showed a security checkpoint.",
      pending: 3,
    }),
  });
  assert.ok(isShown(line));
  assert.equal(
    text(line),
    "3 people waiting in the removal queue (paused: LinkedIn showed a security checkpoint); pause or cancel it from the toolbar popup.",
  );
});

test("axe_finds_no_serious_or_critical_violations_with_the_queue_dialog_open", async (t) => {
  const { dom, doc } = await openQueueDialog(t, {
    connections: connectionsCount(502),
    answer: () => ({ ok: true, queued: 3, refused: [{ slug: "p-9", why: "alreadyQueued" }] }),
  });
  dom.window.eval(AXE_SOURCE);
  const check = async (what) => {
    const results = await dom.window.axe.run(doc, {
      resultTypes: ["violations"],
      rules: { "color-contrast": { enabled: false } },
    });
    const bad = [...results.violations].filter(
      (v) => v.impact === "serious" || v.impact === "critical",
    );
    assert.deepEqual(
      bad.map((v) => `${v.id}: ${[...v.nodes].map((n) => n.target.join(" ")).join(", ")}`),
      [],
      `no serious or critical violations (${what})`,
    );
  };
  await check("confirmation with the badge warning");
  const ack = byTestId(doc, "below-500-ack");
  ack.checked = true;
  ack.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  click(dom, byTestId(doc, "confirm-queue"));
  await waitFor(() => doc.querySelector("#queue-result .report-title"), "the answer");
  await check("the answer");
});

// ---------------------------------------------------------------------------
// The removal pace.

/** The core's defaults (PacingSettings::default in src/pacing.rs), written out. */
const CORE_DEFAULTS = {
  minDelayMs: 20_000,
  medianDelayMs: 45_000,
  breatherEveryMin: 4,
  breatherEveryMax: 8,
  breatherMinMs: 180_000,
  breatherMaxMs: 600_000,
  hourlyCap: 15,
  dailyCap: 60,
  quietStartMinute: null,
  quietEndMinute: null,
  backoffBaseMs: 120_000,
  backoffCapMs: 3_600_000,
};

/** A member's own settings: every field off its default, quiet hours 22:00 to 07:00. */
const CUSTOM_PACING = {
  minDelayMs: 25_000,
  medianDelayMs: 60_000,
  breatherEveryMin: 5,
  breatherEveryMax: 9,
  breatherMinMs: 240_000,
  breatherMaxMs: 540_000,
  hourlyCap: 12,
  dailyCap: 50,
  quietStartMinute: 1320,
  quietEndMinute: 420,
  backoffBaseMs: 90_000,
  backoffCapMs: 1_800_000,
};

/** PacingSettings::clamped, as far as these tests reach it. */
function coreClamp(settings) {
  const minDelayMs = Math.min(Math.max(settings.minDelayMs, 15_000), 1_800_000);
  return {
    ...settings,
    minDelayMs,
    medianDelayMs: Math.max(
      Math.min(Math.max(settings.medianDelayMs, 30_000), 1_800_000),
      minDelayMs + 5_000,
    ),
    hourlyCap: Math.min(Math.max(settings.hourlyCap, 1), 30),
    dailyCap: Math.min(Math.max(settings.dailyCap, 1), 120),
  };
}

/** The background: answers queue-settings with the clamped settings. */
const pacingBackground = (message) =>
  message.type === "queue-settings"
    ? { ok: true, settings: coreClamp(message.settings) }
    : { ok: true };

/** Opens the review page with `settings` in storage.local.queue (none: nothing written yet). */
async function openPacing(t, { settings, answer = pacingBackground } = {}) {
  const people = queuePeople();
  const store = { snapshot: snapshotOf(people) };
  if (settings !== undefined) store.queue = { ...queueState(), settings };
  const opened = await openReview(t, { people, store, answer });
  const { doc } = opened;
  doc.querySelector('[data-testid="pacing-settings"]').open = true;
  const field = (id) => byTestId(doc, id);
  const values = () => ({
    hourly: field("hourly-cap").value,
    daily: field("daily-cap").value,
    median: field("median-delay").value,
    min: field("min-delay").value,
    quiet: field("quiet-hours").checked,
    start: field("quiet-start").value,
    end: field("quiet-end").value,
  });
  return { ...opened, field, values };
}

/** Presses Save (or another button) and waits for the background's answer to be shown. */
async function pressAndWait(dom, doc, testId) {
  const status = byTestId(doc, "pacing-status");
  click(dom, byTestId(doc, testId));
  await waitFor(() => !/^Saving/.test(text(status)) && text(status) !== "", "the answer");
  return text(status);
}

const sentSettings = (extension) =>
  extension.sent.filter((m) => m.type === "queue-settings").map((m) => m.settings);

test("pacing_fields_show_the_settings_in_force_and_follow_storage_without_clobbering_an_edit", async (t) => {
  const fresh = await openPacing(t);
  assert.deepEqual(
    fresh.values(),
    { hourly: "15", daily: "60", median: "45", min: "20", quiet: false, start: "", end: "" },
    "nothing stored yet: the defaults",
  );
  assert.equal(byTestId(fresh.doc, "quiet-start").disabled, true, "times off with quiet hours");

  const { dom, doc, extension, field, values } = await openPacing(t, { settings: CUSTOM_PACING });
  const section = byTestId(doc, "pacing-settings");
  assert.equal(section.tagName, "DETAILS");
  assert.equal(text(section.querySelector("summary")), "Removal pace");
  assert.match(
    text(section),
    /LinkedIn publishes no removal limit and watches volume and regularity; a restricted account costs far more than a slow cleanup\./,
  );
  assert.deepEqual(values(), {
    hourly: "12",
    daily: "50",
    median: "60",
    min: "25",
    quiet: true,
    start: "22:00",
    end: "07:00",
  });
  assert.equal(field("quiet-start").disabled, false);
  // The limits, mirrored for the spinners (the core's clamp is the authority).
  assert.deepEqual(
    ["hourly-cap", "daily-cap", "median-delay", "min-delay"].map((id) => [
      field(id).min,
      field(id).max,
    ]),
    [
      ["1", "30"],
      ["1", "120"],
      ["30", ""],
      ["15", ""],
    ],
  );
  assert.ok(!isShown(byTestId(doc, "pacing-dev-note")));

  // The member is typing an hourly cap when the background writes new settings.
  await type(dom, field("hourly-cap"), "20");
  extension.write({
    queue: { ...queueState(), settings: { ...CUSTOM_PACING, hourlyCap: 14, dailyCap: 70 } },
  });
  assert.equal(field("hourly-cap").value, "20", "the field being edited keeps what was typed");
  assert.equal(field("daily-cap").value, "70", "the others follow storage");

  // A focused field that was not changed is left alone while focused, then catches up.
  field("min-delay").focus();
  extension.write({
    queue: { ...queueState(), settings: { ...CUSTOM_PACING, minDelayMs: 30_000 } },
  });
  assert.equal(field("min-delay").value, "25");
  field("min-delay").blur();
  await waitFor(() => field("min-delay").value === "30", "the blurred field to catch up");
  assert.equal(field("hourly-cap").value, "20", "still the member's edit");
});

test("save_sends_every_setting_in_the_cores_units_with_quiet_hours_in_minutes", async (t) => {
  const { dom, doc, extension, field, values } = await openPacing(t, {
    settings: CUSTOM_PACING,
  });
  await type(dom, field("hourly-cap"), "20");
  await type(dom, field("daily-cap"), "80");
  await type(dom, field("median-delay"), "50");
  await type(dom, field("min-delay"), "27.5");
  await type(dom, field("quiet-start"), "22:30");
  await type(dom, field("quiet-end"), "06:15");
  const status = await pressAndWait(dom, doc, "save-pacing");

  assert.deepEqual(sentSettings(extension), [
    {
      ...CUSTOM_PACING, // the fields the page does not show are sent as they were
      hourlyCap: 20,
      dailyCap: 80,
      medianDelayMs: 50_000,
      minDelayMs: 27_500,
      quietStartMinute: 1350,
      quietEndMinute: 375,
    },
  ]);
  assert.equal(
    status,
    "Saved. At most 20 removals an hour and 80 a day, pauses of about 50 seconds and never under 27.5 seconds, quiet hours 22:30 to 06:15.",
  );
  assert.deepEqual(values(), {
    hourly: "20",
    daily: "80",
    median: "50",
    min: "27.5",
    quiet: true,
    start: "22:30",
    end: "06:15",
  });
  for (const id of ["hourly-cap-note", "daily-cap-note", "median-delay-note", "min-delay-note"]) {
    assert.ok(!isShown(byTestId(doc, id)), `${id}: nothing was clamped`);
  }

  // Nothing stored yet: the page starts from the defaults and still sends every field.
  const fresh = await openPacing(t);
  await type(fresh.dom, fresh.field("hourly-cap"), "10");
  await pressAndWait(fresh.dom, fresh.doc, "save-pacing");
  assert.deepEqual(sentSettings(fresh.extension), [{ ...CORE_DEFAULTS, hourlyCap: 10 }]);
});

test("a_clamped_answer_shows_the_settings_in_force_and_says_what_netprune_allows", async (t) => {
  const { dom, doc, extension, field, values } = await openPacing(t, {
    settings: CUSTOM_PACING,
  });
  await type(dom, field("hourly-cap"), "45");
  await type(dom, field("daily-cap"), "500");
  await type(dom, field("median-delay"), "20");
  await type(dom, field("min-delay"), "10");
  const status = await pressAndWait(dom, doc, "save-pacing");

  const [sent] = sentSettings(extension);
  assert.deepEqual(
    [sent.hourlyCap, sent.dailyCap, sent.medianDelayMs, sent.minDelayMs],
    [45, 500, 20_000, 10_000],
    "the page sends what was typed; the core clamps",
  );
  assert.deepEqual(
    [values().hourly, values().daily, values().median, values().min],
    ["30", "120", "30", "15"],
    "the fields show the settings in force",
  );
  const note = (id) => byTestId(doc, `${id}-note`);
  assert.equal(text(note("hourly-cap")), "30 per hour is the most netprune allows.");
  assert.equal(text(note("daily-cap")), "120 per day is the most netprune allows.");
  assert.equal(
    text(note("median-delay")),
    "30 seconds is the shortest typical pause netprune allows.",
  );
  assert.equal(text(note("min-delay")), "15 seconds is the shortest pause netprune allows.");
  for (const id of ["hourly-cap", "daily-cap", "median-delay", "min-delay"]) {
    assert.ok(isShown(note(id)), `${id}: the note shows`);
    assert.ok(
      field(id).getAttribute("aria-describedby").split(" ").includes(`${id}-note`),
      `${id}: the note describes the field`,
    );
  }
  assert.match(status, /4 values were changed to fit netprune's limits; see the notes by them\.$/);

  // Editing a field again clears its note; the others stay.
  await type(dom, field("hourly-cap"), "25");
  assert.ok(!isShown(note("hourly-cap")));
  assert.ok(isShown(note("daily-cap")));

  // The typical pause is kept 5 seconds above the shortest.
  await type(dom, field("min-delay"), "40");
  await type(dom, field("median-delay"), "42");
  await pressAndWait(dom, doc, "save-pacing");
  assert.equal(values().median, "45");
  assert.equal(
    text(note("median-delay")),
    "The typical pause must be at least 5 seconds longer than the shortest pause, so netprune made it 45 seconds.",
  );
  assert.ok(!isShown(note("hourly-cap")), "25 an hour was kept as sent");
  assert.ok(!isShown(note("daily-cap")), "120 a day was kept as sent");
  assert.match(text(byTestId(doc, "pacing-status")), /One value was changed/);
});

test("restore_defaults_sends_the_documented_defaults", async (t) => {
  const { dom, doc, extension, values } = await openPacing(t, { settings: CUSTOM_PACING });
  const status = await pressAndWait(dom, doc, "restore-pacing-defaults");
  assert.deepEqual(sentSettings(extension), [CORE_DEFAULTS]);
  assert.deepEqual(values(), {
    hourly: "15",
    daily: "60",
    median: "45",
    min: "20",
    quiet: false,
    start: "22:00", // kept in the field, off, for the next time quiet hours are ticked
    end: "07:00",
  });
  assert.equal(byTestId(doc, "quiet-start").disabled, true);
  assert.equal(
    status,
    "Defaults restored. At most 15 removals an hour and 60 a day, pauses of about 45 seconds and never under 20 seconds, no quiet hours.",
  );
});

test("quiet_hours_off_sends_nulls_and_on_sends_minutes", async (t) => {
  const { dom, doc, extension, field } = await openPacing(t, { settings: CUSTOM_PACING });
  const quiet = field("quiet-hours");
  quiet.checked = false;
  quiet.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.equal(field("quiet-start").disabled, true);
  assert.equal(field("quiet-end").disabled, true);
  await pressAndWait(dom, doc, "save-pacing");
  const [off] = sentSettings(extension);
  assert.equal(off.quietStartMinute, null);
  assert.equal(off.quietEndMinute, null);
  assert.deepEqual(off, { ...CUSTOM_PACING, quietStartMinute: null, quietEndMinute: null });
  assert.match(text(byTestId(doc, "pacing-status")), /no quiet hours\.$/);

  // Ticked again with no times in the fields, it offers a night.
  const fresh = await openPacing(t);
  const box = fresh.field("quiet-hours");
  box.checked = true;
  box.dispatchEvent(new fresh.dom.window.Event("change", { bubbles: true }));
  assert.equal(fresh.field("quiet-start").disabled, false);
  assert.equal(fresh.field("quiet-start").value, "22:00");
  assert.equal(fresh.field("quiet-end").value, "07:00");
  await pressAndWait(fresh.dom, fresh.doc, "save-pacing");
  const [on] = sentSettings(fresh.extension);
  assert.deepEqual([on.quietStartMinute, on.quietEndMinute], [1320, 420]);
});

test("a_blank_field_or_equal_quiet_times_are_not_sent_and_a_refusal_keeps_the_edits", async (t) => {
  let refuse = "netprune is still restoring your network; try again.";
  const { dom, doc, extension, field } = await openPacing(t, {
    settings: CUSTOM_PACING,
    answer: (message) => (refuse ? { ok: false, error: refuse } : pacingBackground(message)),
  });
  await type(dom, field("daily-cap"), "");
  await type(dom, field("quiet-end"), "22:00");
  click(dom, byTestId(doc, "save-pacing"));
  await settle();
  assert.equal(sentSettings(extension).length, 0, "nothing sent");
  assert.equal(field("daily-cap").getAttribute("aria-invalid"), "true");
  assert.equal(
    text(byTestId(doc, "daily-cap-note")),
    "Enter how many removals a day, from 1 to 120.",
  );
  assert.equal(
    text(byTestId(doc, "quiet-note")),
    "Quiet hours need an end that differs from their start.",
  );
  assert.equal(doc.activeElement, field("daily-cap"), "focus on the first problem");
  assert.equal(
    text(byTestId(doc, "pacing-status")),
    "Not saved: 2 fields need a value; see the notes by them.",
  );

  await type(dom, field("daily-cap"), "90");
  await type(dom, field("quiet-end"), "06:00");
  assert.ok(!isShown(byTestId(doc, "daily-cap-note")), "editing clears the problem");
  const status = await pressAndWait(dom, doc, "save-pacing");
  assert.equal(status, "Not saved: netprune is still restoring your network; try again.");
  assert.ok(byTestId(doc, "pacing-status").classList.contains("is-error"));
  assert.equal(field("daily-cap").value, "90", "the edit is still there to send again");

  refuse = null;
  await pressAndWait(dom, doc, "save-pacing");
  assert.equal(sentSettings(extension).length, 2);
  assert.deepEqual(
    [sentSettings(extension)[1].dailyCap, sentSettings(extension)[1].quietEndMinute],
    [90, 360],
  );
});

test("development_pacing_says_the_limits_are_not_applied", async (t) => {
  const { doc, extension } = await openPacing(t, {
    settings: { ...CUSTOM_PACING, devDelayMs: 1500 },
  });
  const note = byTestId(doc, "pacing-dev-note");
  assert.ok(isShown(note));
  assert.equal(
    text(note),
    "Development pacing is on: these limits are not applied in this test install.",
  );
  extension.write({ queue: { ...queueState(), settings: CUSTOM_PACING } });
  assert.ok(!isShown(note), "gone once the background turns it off");

  const plain = await openPacing(t, { settings: CUSTOM_PACING });
  assert.ok(!isShown(byTestId(plain.doc, "pacing-dev-note")));
});

test("axe_finds_no_serious_or_critical_violations_in_the_removal_pace", async (t) => {
  const { dom, doc, field } = await openPacing(t, {
    settings: { ...CUSTOM_PACING, devDelayMs: 1500 },
  });
  await type(dom, field("hourly-cap"), "45");
  await pressAndWait(dom, doc, "save-pacing");
  assert.ok(isShown(byTestId(doc, "hourly-cap-note")));
  dom.window.eval(AXE_SOURCE);
  const results = await dom.window.axe.run(byTestId(doc, "pacing-settings"), {
    resultTypes: ["violations"],
    rules: { "color-contrast": { enabled: false } },
  });
  const bad = [...results.violations].filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  assert.deepEqual(
    bad.map((v) => `${v.id}: ${[...v.nodes].map((n) => n.target.join(" ")).join(", ")}`),
    [],
  );
  // Every control has a name a screen reader says.
  for (const control of byTestId(doc, "pacing-settings").querySelectorAll("input")) {
    assert.ok(doc.querySelector(`label[for="${control.id}"]`) || control.closest("label"));
  }
});

test("each_row_carries_the_test_hooks_name_headline_and_a_dated_time_only_when_known", async (t) => {
  const people = manyPeople(3);
  people[1].headline = null;
  people[2].connected = null;
  const { doc } = await openReview(t, { people });
  const [first, second, third] = rows(doc);
  assert.equal(first.dataset.slug, "p-0");
  assert.equal(text(first.querySelector('[data-testid="person-name"]')), "Person 0");
  assert.equal(text(first.querySelector('[data-testid="person-headline"]')), "Recruiter");
  assert.equal(
    first.querySelector('time[data-testid="person-connected"]').getAttribute("datetime"),
    "2010-01-15",
  );
  assert.equal(second.querySelector('[data-testid="person-headline"]').textContent, "");
  assert.equal(third.querySelector('time[data-testid="person-connected"]'), null);
});

test("check_this_page_shows_what_was_recognised_and_copies_a_report_without_names_or_slugs", async (t) => {
  const check = {
    generation: "sdui-2026",
    statedTotal: "1,217",
    cardsOnPage: 12,
    cardsRead: 12,
    firstCards: [
      {
        slug: "priya-nair-2b3c4d",
        name: "Priya Nair",
        headline: "Data Scientist",
        connected: "Connected on June 24, 2026",
        menuButtons: 1,
      },
    ],
    menuFound: true,
    searchBoxFound: false,
    memberFound: true,
    removalOff: true,
    missing: ["no name search box"],
  };
  const { dom, doc, extension } = await openReview(t, {
    answer: (message) => (message.type === "page-check" ? { ok: true, check } : { ok: true }),
  });
  let copied = null;
  Object.defineProperty(dom.window.navigator, "clipboard", {
    configurable: true,
    value: { writeText: async (value) => void (copied = value) },
  });
  byTestId(doc, "page-check").click();
  await settle();
  await settle();
  assert.ok(extension.sent.some((m) => m.type === "page-check"));
  const shown = text(byTestId(doc, "page-check-result"));
  assert.match(shown, /Markup: sdui-2026/);
  assert.match(shown, /Stated total: 1,217/);
  assert.match(shown, /Card 1: slug priya-nair-2b3c4d; name Priya Nair; headline Data Scientist/);
  assert.match(shown, /Removal is off on this page: no name search box\./);
  byTestId(doc, "page-check-copy").click();
  await settle();
  await settle();
  assert.ok(copied, "a report was copied");
  assert.doesNotMatch(copied, /priya|Priya|Nair|Data Scientist/);
  assert.match(copied, /slug read; name read; headline read/);
  assert.match(copied, /Removal is off on this page/);
});
