// The benchmark page: the built core and a plain JavaScript baseline side by
// side in one Chromium page, driven step by step by bench/run.mjs through
// `globalThis.bench`.
//
// Networks are generated with the mock site's people (tests/mock-site), read
// into the core as the extension does (connections-page readings through
// `ingest`, then the Connections.csv export through `importCsv`, so people
// carry a name, a headline, a company, a position and an exact date).
//
// The baseline holds the same people as the core, as the plain objects
// `core.rows()` gives, in the core's default (name) order: what a page
// written in JavaScript alone would hold after sorting once at load. Its
// queries are `Array.prototype.filter` with `toLowerCase().includes`, and a
// stable `Array.prototype.sort` comparing the ISO dates with `localeCompare`.
// Every query's answers are checked equal, person for person and in order,
// before anything is timed.

import init, { Core } from "/dist/chrome/core/netprune.js";
import { generatePeople } from "/tests/mock-site/people.mjs";
import { connectionsCsv } from "/tests/mock-site/export.mjs";

const TODAY = "2026-03-02";
const NOW_MS = Date.parse(`${TODAY}T12:00:00Z`);
const SEED = 2026;
/** At most this many cards per reading (the core refuses more than 2,000). */
const CARDS_PER_READING = 2_000;
const CONNECTIONS_URL = "https://www.linkedin.com/mynetwork/invite-connect/connections/";

/** Somewhere to put results so no timed call is optimised away. */
let sink = 0;

// ---------------------------------------------------------------------------
// Statistics.

/** Nearest-rank percentile of already sorted samples. */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0],
    samples: sorted.length,
  };
}

/** Mean ms per call of `fn` over about `forMs` of calls. */
function estimate(fn, forMs) {
  const start = performance.now();
  let calls = 0;
  do {
    sink += fn();
    calls += 1;
  } while (performance.now() - start < forMs);
  return (performance.now() - start) / calls;
}

/** One sample: `reps` calls back to back, in ms per call. */
function sample(fn, reps) {
  const start = performance.now();
  for (let i = 0; i < reps; i += 1) sink += fn();
  return (performance.now() - start) / reps;
}

/**
 * Times two functions against each other, interleaved (a, b, b, a, ...) so
 * that both see the same noise. A sample is one call, or several back to
 * back when one call is shorter than `minSampleMs` (the timer's resolution
 * would otherwise dominate). Stops after `budgetMs` once both have
 * `minSamples`, or at `maxSamples`.
 */
function race(a, b, { warmupMs, minSamples, maxSamples, budgetMs, minSampleMs }) {
  const repsA = Math.max(1, Math.ceil(minSampleMs / estimate(a, warmupMs)));
  const repsB = Math.max(1, Math.ceil(minSampleMs / estimate(b, warmupMs)));
  const samplesA = [];
  const samplesB = [];
  const start = performance.now();
  while (
    samplesA.length < maxSamples &&
    (samplesA.length < minSamples || performance.now() - start < budgetMs)
  ) {
    if (samplesA.length % 2 === 0) {
      samplesA.push(sample(a, repsA));
      samplesB.push(sample(b, repsB));
    } else {
      samplesB.push(sample(b, repsB));
      samplesA.push(sample(a, repsA));
    }
  }
  return [
    { ...summarize(samplesA), callsPerSample: repsA },
    { ...summarize(samplesB), callsPerSample: repsB },
  ];
}

// ---------------------------------------------------------------------------
// Networks.

function reading(people, total) {
  return {
    page: "connections",
    url: CONNECTIONS_URL,
    recognised: true,
    generation: "sdui-2026",
    reason: null,
    counts: { connections: total.toLocaleString("en-US"), followers: null, following: null },
    cards: people.map((person) => ({
      profileUrl: person.profilePath,
      name: person.name,
      headline: person.headline,
      connectedText: person.connectedText,
    })),
  };
}

/** `count` people read from the connections page, then from their export. */
function buildCore(count) {
  const people = generatePeople({ count, seed: SEED, today: TODAY });
  const core = new Core();
  for (let at = 0; at < people.length; at += CARDS_PER_READING) {
    core.ingest(reading(people.slice(at, at + CARDS_PER_READING), count), NOW_MS);
  }
  const csv = new TextEncoder().encode(connectionsCsv(people));
  const report = core.importCsv(csv, NOW_MS);
  if (core.peopleCount !== count || report.matched !== count) {
    throw new Error(
      `network of ${count} built wrong: ${core.peopleCount} people, ${report.matched} matched`,
    );
  }
  return core;
}

// ---------------------------------------------------------------------------
// The JavaScript baseline.

/** @param {string | null} text */
function has(text, word) {
  return text !== null && text.toLowerCase().includes(word);
}

/** A bare word: name, headline, company or position, as the core searches. */
function anyField(person, word) {
  return (
    has(person.name, word) ||
    has(person.headline, word) ||
    has(person.company, word) ||
    has(person.position, word)
  );
}

/** Oldest first, unknown dates last; a stable sort keeps name order for ties. */
function byConnected(a, b) {
  if (a.connected === null || b.connected === null) {
    return (a.connected === null) - (b.connected === null);
  }
  return a.connected.date.localeCompare(b.connected.date);
}

/**
 * The benchmark queries and the baseline's answer to each. The words are
 * plain ASCII, where lower-casing and the core's folding agree (the core also
 * strips accents, collapses spaces and matches "Müller" for "muller"; the
 * baseline does not, so accented words are left out of the comparison).
 */
export const QUERIES = {
  maria: (people) => people.filter((p) => anyField(p, "maria")),
  "company:acme": (people) => people.filter((p) => has(p.company, "acme")),
  "title:recruiter": (people) =>
    people.filter((p) => has(p.headline, "recruiter") || has(p.position, "recruiter")),
  "after:2019 before:2022": (people) =>
    people.filter(
      (p) => p.connected !== null && p.connected.date >= "2019" && p.connected.date < "2022",
    ),
  "-recruiter": (people) => people.filter((p) => !anyField(p, "recruiter")),
  "sort:connected": (people) => people.slice().sort(byConnected),
};

function firstDifference(core, baseline) {
  const length = Math.max(core.length, baseline.length);
  for (let i = 0; i < length; i += 1) {
    if (core[i] !== baseline[i]) return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// What run.mjs calls.

let current = null;

export const bench = {
  ready: false,
  /** Timer facts, for the report. */
  environment() {
    const ticks = new Set();
    const start = performance.now();
    while (ticks.size < 50 && performance.now() - start < 50) ticks.add(performance.now());
    const sorted = [...ticks].sort((a, b) => a - b);
    let resolution = Infinity;
    for (let i = 1; i < sorted.length; i += 1) {
      resolution = Math.min(resolution, sorted[i] - sorted[i - 1]);
    }
    return {
      userAgent: navigator.userAgent,
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
      timerResolutionMs: resolution,
    };
  },

  /** Builds the network of `count` people the filters then run on. */
  buildNetwork(count) {
    current?.core.free();
    current = null;
    const start = performance.now();
    const core = buildCore(count);
    const all = core.query("", NOW_MS);
    const people = core.rows(all);
    current = { core, people };
    return { people: people.length, buildMs: performance.now() - start };
  },

  /** Checks one query's answers agree, then races the core against the baseline. */
  filter(query, options) {
    const { core, people } = current;
    const baseline = QUERIES[query];
    if (!baseline) throw new Error(`no baseline for ${JSON.stringify(query)}`);
    const fromCore = Array.from(core.query(query, NOW_MS));
    const fromBaseline = baseline(people).map((p) => p.index);
    const differs = firstDifference(fromCore, fromBaseline);
    if (differs !== -1) {
      throw new Error(
        `${JSON.stringify(query)}: the core and the baseline disagree at result ${differs} ` +
          `(core ${fromCore.length} hits, baseline ${fromBaseline.length})`,
      );
    }
    const [coreTimes, baselineTimes] = race(
      () => core.query(query, NOW_MS).length,
      () => baseline(people).length,
      options,
    );
    return { hits: fromCore.length, core: coreTimes, baseline: baselineTimes };
  },

  /** The stored snapshot of the current network (the cold-start input). */
  snapshot() {
    return current.core.toStoredJson();
  },

  /**
   * Connections.csv of `count` people (with LinkedIn's Notes preamble):
   * the core's importCsv into a fresh Core (read and merge) against
   * papaparse's parse alone, which first finds the header line below the
   * preamble as the core does.
   */
  importCsv(count, { warmup, samples }) {
    current?.core.free();
    current = null;
    const text = connectionsCsv(generatePeople({ count, seed: SEED, today: TODAY }));
    const bytes = new TextEncoder().encode(text);

    const core = () => {
      const fresh = new Core();
      const start = performance.now();
      const report = fresh.importCsv(bytes, NOW_MS);
      const ms = performance.now() - start;
      const people = fresh.peopleCount;
      fresh.free();
      return { ms, rows: report.added + report.matched + report.unmatched, people };
    };
    const papa = () => {
      const start = performance.now();
      const header = headerOffset(text);
      const parsed = globalThis.Papa.parse(text.slice(header), {
        header: true,
        skipEmptyLines: true,
      });
      const ms = performance.now() - start;
      return { ms, rows: parsed.data.length, errors: parsed.errors.length };
    };

    const first = core();
    const firstPapa = papa();
    if (first.rows !== count || first.people !== count) {
      throw new Error(`the core imported ${first.rows} rows (${first.people} people) of ${count}`);
    }
    if (firstPapa.rows !== count || firstPapa.errors !== 0) {
      throw new Error(`papaparse read ${firstPapa.rows} rows with ${firstPapa.errors} errors`);
    }
    for (let i = 0; i < warmup; i += 1) {
      sink += core().ms + papa().ms;
    }
    const coreMs = [];
    const papaMs = [];
    for (let i = 0; i < samples; i += 1) {
      if (i % 2 === 0) {
        coreMs.push(core().ms);
        papaMs.push(papa().ms);
      } else {
        papaMs.push(papa().ms);
        coreMs.push(core().ms);
      }
    }
    return {
      rows: count,
      bytes: bytes.length,
      core: summarize(coreMs),
      baseline: summarize(papaMs),
    };
  },

  sink: () => sink,
};

/** Where the header line starts: the first of 20 lines naming the columns. */
function headerOffset(text) {
  let at = 0;
  for (let line = 0; line < 20 && at < text.length; line += 1) {
    let end = text.indexOf("\n", at);
    if (end === -1) end = text.length;
    const lower = text.slice(at, end).toLowerCase();
    if (lower.includes("first name") && lower.includes("connected on")) return at;
    at = end + 1;
  }
  throw new Error("no Connections.csv header in the first 20 lines");
}

globalThis.bench = bench;
await init();
bench.ready = true;
