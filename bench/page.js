// The benchmark page: the built core and its JavaScript contestants
// (bench/contestants.js) side by side in one Chromium page, driven step by step by bench/run.mjs through
// `globalThis.bench`.
//
// Networks are generated with the mock site's people (tests/mock-site), read
// into the core as the extension does (connections-page readings through
// `ingest`, then the Connections.csv export through `importCsv`, so people
// carry a name, a headline, a company, a position and an exact date).
//
// The contestants hold the same people as the core, as the plain objects
// `core.rows()` gives, in the core's default (name) order. Every query's
// answers are checked equal to the core's, person for person and in order,
// before anything is timed.

import init, { ArchiveReader, Core } from "/dist/chrome/core/netprune.js";
import { generatePeople } from "/tests/mock-site/people.mjs";
import { connectionsCsv } from "/tests/mock-site/export.mjs";
import { QUERIES, naive, tuned, ufuzzy } from "/bench/contestants.js";
import { digestPeople, firstPersonDifference, jsArchive } from "/bench/archive.js";

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
 * Times several functions against each other, interleaved (each round
 * starts with the next one: a, b, c, then b, c, a, ...) so that all see the
 * same noise. A sample is one call, or several back to back when one call
 * is shorter than `minSampleMs` (the timer's resolution would otherwise
 * dominate). Stops after `budgetMs` once each has `minSamples`, or at
 * `maxSamples`.
 */
function race(fns, { warmupMs, minSamples, maxSamples, budgetMs, minSampleMs }) {
  const reps = fns.map((fn) => Math.max(1, Math.ceil(minSampleMs / estimate(fn, warmupMs))));
  const samples = fns.map(() => []);
  const start = performance.now();
  for (
    let round = 0;
    round < maxSamples && (round < minSamples || performance.now() - start < budgetMs);
    round += 1
  ) {
    for (let k = 0; k < fns.length; k += 1) {
      const i = (round + k) % fns.length;
      samples[i].push(sample(fns[i], reps[i]));
    }
  }
  return samples.map((s, i) => ({ ...summarize(s), callsPerSample: reps[i] }));
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

  /** Builds the network of `count` people the filters then run on, and every contestant's data. */
  buildNetwork(count) {
    current?.core.free();
    current = null;
    const start = performance.now();
    const core = buildCore(count);
    const all = core.query("", NOW_MS);
    const people = core.rows(all);
    const built = performance.now();
    const fast = tuned(people);
    current = { core, contestants: [naive(people), fast, ufuzzy(fast)] };
    return {
      people: people.length,
      buildMs: built - start,
      tunedPrepareMs: performance.now() - built,
    };
  },

  /** The queries, as run.mjs names them. */
  queries: () => QUERIES.map(({ query, kind }) => ({ query, kind })),

  /**
   * Checks that every contestant able to say `query` answers it as the core
   * does (the same people, in the same order), then races them all.
   */
  filter(query, options) {
    const { core, contestants } = current;
    const q = QUERIES.find((candidate) => candidate.query === query);
    if (!q) throw new Error(`no contestants' form of ${JSON.stringify(query)}`);
    const racing = contestants.filter((c) => !c.supports || c.supports(q));
    const fromCore = Array.from(core.query(query, NOW_MS));
    for (const contestant of racing) {
      const theirs = contestant.indices(contestant.run(q));
      const differs = firstDifference(fromCore, theirs);
      if (differs !== -1) {
        throw new Error(
          `${JSON.stringify(query)}: the core and ${contestant.name} disagree at result ${differs} ` +
            `(core ${fromCore.length} hits, ${contestant.name} ${theirs.length})`,
        );
      }
    }
    const times = race(
      [() => core.query(query, NOW_MS).length, ...racing.map((c) => () => c.run(q).length)],
      options,
    );
    return {
      hits: fromCore.length,
      kind: q.kind,
      core: times[0],
      contestants: Object.fromEntries(racing.map((c, i) => [c.name, times[i + 1]])),
    };
  },

  /**
   * The current network as the extension stores it, the cold-start input:
   * `bytes`, the compact form (`toStored()`, what IndexedDB holds) as
   * base64 text, and `json`, the JSON snapshot earlier builds stored in
   * storage.local (`toStoredJson()`, read once to migrate it).
   */
  stored() {
    const bytes = current.core.toStored();
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return { bytes: btoa(binary), json: current.core.toStoredJson() };
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

  /**
   * LinkedIn's data archive (bench/archive.zip, written by run.mjs with
   * tests/support/archive.mjs): the core's ArchiveReader (add the ZIP's
   * bytes, finish, parse the digest's JSON) against JSZip + papaparse with
   * the same aggregation (bench/archive.js). Both answers are checked equal,
   * person for person, and the core's against the generator's expected
   * counterparts, before timing. Run in a fresh page, so the heap figures
   * are this import's: the wasm memory after the core's first import (it
   * never shrinks, so it is the peak) and the JavaScript heap
   * (performance.memory, precise with --enable-precise-memory-info): after
   * the core's import, and the highest seen between the JavaScript
   * contestant's chunks, each from a collected heap.
   */
  async archiveImport({ warmup, samples }) {
    current?.core.free();
    current = null;
    const bytes = new Uint8Array(await (await fetch("/bench/archive.zip")).arrayBuffer());
    const expected = await (await fetch("/bench/archive-expected.json")).json();
    const collect = () => globalThis.gc?.();
    const jsHeap = () => performance.memory?.usedJSHeapSize ?? 0;

    const core = () => {
      const start = performance.now();
      const reader = new ArchiveReader();
      reader.add("Complete_LinkedInDataExport_03-09-2026.zip", bytes);
      const digest = JSON.parse(reader.finish());
      const ms = performance.now() - start;
      reader.free();
      return { ms, digest };
    };
    const js = async () => {
      const start = performance.now();
      const result = await jsArchive(bytes);
      return { ms: performance.now() - start, result };
    };

    collect();
    const heapBefore = { wasm: wasm.memory.buffer.byteLength, js: jsHeap() };
    const first = core();
    const coreHeap = { wasm: wasm.memory.buffer.byteLength, js: jsHeap() };
    const fromCore = digestPeople(first.digest);
    collect();
    const jsBase = jsHeap();
    const firstJs = await js();
    const jsPeak = Math.max(firstJs.result.peakHeap, jsHeap());
    const differs = firstPersonDifference(fromCore, firstJs.result.people);
    if (differs)
      throw new Error(`archive import: the core and JSZip + papaparse disagree: ${differs}`);
    if (
      JSON.stringify(first.digest.counterparts) !== JSON.stringify(expected.counterparts) ||
      first.digest.messages !== expected.messages ||
      firstJs.result.messages !== expected.messages ||
      firstJs.result.conversations !== expected.conversations
    ) {
      throw new Error("archive import: the answers differ from the generator's expected digest");
    }
    first.digest = null;
    firstJs.result = null;
    for (let i = 0; i < warmup; i += 1) {
      sink += core().ms + (await js()).ms;
    }
    const coreMs = [];
    const jsMs = [];
    for (let i = 0; i < samples; i += 1) {
      if (i % 2 === 0) {
        coreMs.push(core().ms);
        jsMs.push((await js()).ms);
      } else {
        jsMs.push((await js()).ms);
        coreMs.push(core().ms);
      }
    }
    return {
      zipBytes: bytes.length,
      people: fromCore.size,
      messages: expected.messages,
      conversations: expected.conversations,
      firstCoreMs: first.ms,
      firstJsMs: firstJs.ms,
      core: summarize(coreMs),
      baseline: summarize(jsMs),
      heap: {
        before: heapBefore,
        core: coreHeap,
        jsBase,
        jsPeak,
        preciseMemoryInfo: performance.memory !== undefined,
        collected: typeof globalThis.gc === "function",
      },
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
const wasm = await init();
bench.ready = true;
