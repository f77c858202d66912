// ./build.sh bench: the built core against plain JavaScript in headless
// Chromium, on generated networks of 1,000, 10,000 and 30,000 people.
//
// A tiny HTTP server on 127.0.0.1 (an ephemeral port) serves the bench page
// (bench/), the built core (dist/chrome/core/), the mock site's people
// generator (tests/mock-site/) and papaparse (node_modules/papaparse/), with
// the headers that make the page cross-origin isolated (so performance.now()
// ticks in microseconds rather than 100 µs) and `Cache-Control: no-store`
// (so every cold start compiles the .wasm afresh). No file:// URL is used.
//
// Writes bench/results.json, rewrites the generated part of
// docs/BENCHMARKS.md, and prints the ratios. No test asserts a time: the
// targets are reported, met or not.
//
// NETPRUNE_BENCH_CORE=<dir> measures another build of the core (a folder
// holding netprune.js and netprune_bg.wasm, such as an older dist/chrome/core)
// and only prints: nothing is written.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import { availableParallelism, loadavg, tmpdir, totalmem } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import * as prettier from "prettier";
import { CHROMIUM_BINARY, CHROMIUM_FLAGS } from "../tests/e2e/harness.mjs";
import { measureReview, TYPED } from "./review.mjs";
import { makeArchive } from "../tests/support/archive.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OTHER_CORE = process.env.NETPRUNE_BENCH_CORE;
const CORE_DIR = OTHER_CORE ? `${resolve(OTHER_CORE)}${sep}` : join(ROOT, "dist/chrome/core/");
const RESULTS = join(ROOT, "bench/results.json");
const DOC = join(ROOT, "docs/BENCHMARKS.md");

// --smoke (run by ./build.sh test): the whole harness once over 2,000 people,
// with a sample or two each. It times nothing worth reading and writes
// nothing; it proves the bench still runs and that every contestant still
// gives the core's answers to every query, which the run checks before timing.
const SMOKE = process.argv.includes("--smoke");
// --archive: only the archive import row, merged into the bench/results.json
// and docs/BENCHMARKS.md of the last full run (the other rows are kept).
const ARCHIVE_ONLY = process.argv.includes("--archive");

const SIZES = SMOKE ? [2_000] : [1_000, 10_000, 30_000];
const FILTER_OPTIONS = SMOKE
  ? { warmupMs: 0, minSamples: 2, maxSamples: 2, budgetMs: 0, minSampleMs: 0 }
  : { warmupMs: 100, minSamples: 40, maxSamples: 400, budgetMs: 1_000, minSampleMs: 0.5 };
const IMPORT_ROWS = SMOKE ? 2_000 : 30_000;
const IMPORT_OPTIONS = SMOKE ? { warmup: 0, samples: 1 } : { warmup: 3, samples: 21 };
/** The archive import: a complete archive of this many connections and messages. */
const ARCHIVE = SMOKE
  ? { connections: 300, messages: 2_000 }
  : { connections: 30_000, messages: 200_000 };
const ARCHIVE_OPTIONS = SMOKE ? { warmup: 0, samples: 1 } : { warmup: 1, samples: 9 };
const COLD_PEOPLE = SMOKE ? 2_000 : 30_000;
const COLD_RUNS = SMOKE ? 1 : 11;
/** Times the review page is opened on the cold-start network (not in the smoke run). */
const REVIEW_OPENS = 5;
const RELEASE_DIR = join(ROOT, "dist/chrome");

const TARGETS = {
  filterP50Ms: 0.3,
  speedupVsBest: 1,
  textSpeedupVsBest: 3,
  firstSearchMs: 5,
  wakeToReadyMs: 30,
  importSpeedup: 1.5,
  archiveImportMs: 3_000,
  archiveHeapBytes: 200 * 2 ** 20,
  heapBytes: 16 * 2 ** 20,
  wasmRawBytes: 400_000,
  reviewFirstRowsMs: 200,
  longTaskMs: 50,
};

const CONTESTANTS = {
  naive_js:
    "Array.prototype.filter with toLowerCase().includes on every field of every person per call, over core.rows() objects held in the core's name order; ISO date strings compared; sort:connected a stable sort with localeCompare",
  tuned_js:
    "text folded once at load with the core's folding tables (bench/fold.js), one string per field kind swept with indexOf, row starts in an Int32Array; connection days in an Int32Array; the sort:connected permutation computed once; answers a fresh Uint32Array of person indices",
  ufuzzy:
    "@leeoniya/ufuzzy in exact-substring mode (intraIns, intraSub, intraTrn, intraDel 0) over the tuned contestant's folded text; only the queries it can say exactly (bare words, a phrase, a negated word, one-field words); matches in name order, unranked",
};

/**
 * bench/fold.js ports the core's folding; its four block tables must be
 * fold.rs's, byte for byte. Stops the run when they are not.
 */
async function checkFoldPort() {
  const source = readFileSync(join(ROOT, "src/search/fold.rs"), "utf8");
  const port = await import(join(ROOT, "bench/fold.js"));
  for (const name of [
    "LATIN_1",
    "LATIN_EXTENDED_A",
    "LATIN_EXTENDED_B",
    "LATIN_EXTENDED_ADDITIONAL",
  ]) {
    const found = new RegExp(`const ${name}: &\\[u8; \\d+\\] = b"\\\\\\n([^"]*)";`).exec(source);
    if (!found) throw new Error(`src/search/fold.rs: no table ${name}`);
    const table = found[1].replace(/\\\n/g, "").replace(/\s+/g, "");
    if (table !== port[name]) {
      throw new Error(`bench/fold.js: ${name} differs from src/search/fold.rs; port it again`);
    }
  }
}

// Only these folders are served.
const SERVED = [
  "bench/",
  "dist/chrome/core/",
  "tests/mock-site/",
  "node_modules/papaparse/",
  "node_modules/jszip/",
  "node_modules/@leeoniya/ufuzzy/",
  // The extension's own IndexedDB store (lib/network-store.js), for the cold start.
  "extension/lib/",
];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".bin": "application/octet-stream",
};

function startServer(extra) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname).slice(1);
    const headers = {
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
      "Cache-Control": "no-store",
    };
    let body = extra.get(path);
    const file = path.startsWith("dist/chrome/core/")
      ? normalize(join(CORE_DIR, path.slice("dist/chrome/core/".length)))
      : normalize(join(ROOT, path));
    if (
      body === undefined &&
      (file.startsWith(ROOT) || file.startsWith(CORE_DIR)) &&
      !file.split(sep).includes("..") &&
      SERVED.some((folder) => path.startsWith(folder)) &&
      existsSync(file)
    ) {
      body = readFileSync(file);
    }
    if (body === undefined) {
      response.writeHead(404, headers).end("not found");
      return;
    }
    response
      .writeHead(200, { ...headers, "Content-Type": TYPES[extname(path)] ?? "text/plain" })
      .end(body);
  });
  return new Promise((started) => {
    server.listen(0, "127.0.0.1", () => started(server));
  });
}

function machine() {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? "unknown";
  let nproc = availableParallelism();
  try {
    nproc = Number(execFileSync("nproc", { encoding: "utf8" }).trim()) || nproc;
  } catch {
    // availableParallelism() is the same figure where nproc is missing.
  }
  return {
    nproc,
    cpu: model,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    // Other work on the machine shows in the spread; the ratios are what to read.
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
  };
}

function sizes() {
  const of = (file) => {
    const bytes = readFileSync(join(CORE_DIR, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  return { wasm: of("netprune_bg.wasm"), glue: of("netprune.js") };
}

const round = (ms) => Math.round(ms * 1000) / 1000;
const timing = (t) => ({
  p50: round(t.p50),
  p95: round(t.p95),
  samples: t.samples,
  ...(t.callsPerSample ? { callsPerSample: t.callsPerSample } : {}),
});

async function run() {
  await checkFoldPort();
  const extra = new Map();
  const server = await startServer(extra);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), "netprune-bench-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_BINARY,
    headless: true,
    // Precise performance.memory and gc() for the archive import's heap figures.
    args: [...CHROMIUM_FLAGS, "--enable-precise-memory-info", "--js-flags=--expose-gc"],
  });
  const failures = [];
  const watch = (page) => {
    page.on("pageerror", (error) => failures.push(error));
    page.on("console", (message) => {
      if (message.type() === "error") failures.push(new Error(message.text()));
    });
  };
  const log = (text) => process.stdout.write(`${text}\n`);
  try {
    if (ARCHIVE_ONLY) {
      const archive = await archiveRow(context, origin, extra, watch, log);
      if (failures.length) throw failures[0];
      if (!existsSync(RESULTS))
        throw new Error("--archive needs a bench/results.json from a full run");
      const results = JSON.parse(readFileSync(RESULTS, "utf8"));
      results.archive = archive;
      results.targets = [
        ...results.targets.filter((t) => !t.name.startsWith("archive import")),
        ...archiveTargets(archive),
      ];
      if (!OTHER_CORE) {
        writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
        await writeDoc(results);
        log(`\nwrote the archive import into ${RESULTS} and ${DOC}`);
      }
      return;
    }
    const page = await context.newPage();
    watch(page);
    await page.goto(`${origin}/bench/index.html`);
    await page.waitForFunction(() => globalThis.bench?.ready === true, null, { timeout: 30_000 });
    const environment = await page.evaluate(() => globalThis.bench.environment());
    // The user agent says 156.0.0.0 (reduced); the browser's own version is exact.
    const cdp = await context.newCDPSession(page);
    const { product } = await cdp.send("Browser.getVersion");
    await cdp.detach();
    const chromiumVersion = /\/([\d.]+)/.exec(product)?.[1] ?? product;
    log(
      `Chromium ${chromiumVersion}, cross-origin isolated: ${environment.crossOriginIsolated}, ` +
        `timer resolution ${environment.timerResolutionMs} ms`,
    );

    const filter = [];
    let stored = null;
    const queries = await page.evaluate(() => globalThis.bench.queries());
    for (const people of SIZES) {
      const built = await page.evaluate((n) => globalThis.bench.buildNetwork(n), people);
      log(
        `\n${people} people (built in ${Math.round(built.buildMs)} ms; ` +
          `the tuned contestant's folding and columns ${Math.round(built.tunedPrepareMs)} ms)`,
      );
      for (const { query, kind } of queries) {
        const r = await page.evaluate(
          ([q, options]) => globalThis.bench.filter(q, options),
          [query, FILTER_OPTIONS],
        );
        const contestants = { core: timing(r.core) };
        for (const [name, t] of Object.entries(r.contestants)) contestants[name] = timing(t);
        const [best, bestTiming] = Object.entries(r.contestants).reduce((a, b) =>
          b[1].p50 < a[1].p50 ? b : a,
        );
        const entry = {
          people,
          query,
          kind,
          hits: r.hits,
          contestants,
          best,
          speedup_vs_best: round(bestTiming.p50 / r.core.p50),
          speedup_vs_naive: round(r.contestants.naive_js.p50 / r.core.p50),
        };
        filter.push(entry);
        const others = Object.entries(contestants)
          .slice(1)
          .map(([name, t]) => `${name} ${t.p50}`)
          .join("  ");
        log(
          `  ${query.padEnd(32)} ${String(r.hits).padStart(6)} hits  core p50 ${contestants.core.p50} ms ` +
            `(p95 ${contestants.core.p95})  ${others}  x${entry.speedup_vs_best} vs ${best}`,
        );
      }
      if (people === COLD_PEOPLE) {
        stored = await page.evaluate(() => globalThis.bench.stored());
      }
    }

    log(`\nimport of ${IMPORT_ROWS} rows`);
    const imported = await page.evaluate(
      ([rows, options]) => globalThis.bench.importCsv(rows, options),
      [IMPORT_ROWS, IMPORT_OPTIONS],
    );
    const papaVersion = JSON.parse(
      readFileSync(join(ROOT, "node_modules/papaparse/package.json"), "utf8"),
    ).version;
    const importResult = {
      rows: imported.rows,
      bytes: imported.bytes,
      csv: "LinkedIn's layout: the Notes: preamble, then the header and one row per person",
      core: {
        what: "new Core().importCsv(bytes, nowMs): read and merge",
        ...timing(imported.core),
      },
      baseline: {
        parser: `papaparse ${papaVersion}`,
        what: "find the header line below the preamble, then Papa.parse(text, { header: true, skipEmptyLines: true })",
        ...timing(imported.baseline),
      },
      speedup: round(imported.baseline.p50 / imported.core.p50),
    };
    log(
      `  core p50 ${importResult.core.p50} ms (p95 ${importResult.core.p95})  papaparse p50 ` +
        `${importResult.baseline.p50} ms (p95 ${importResult.baseline.p95})  x${importResult.speedup}`,
    );
    await page.close();

    const archive = await archiveRow(context, origin, extra, watch, log);

    log(`\ncold start with ${COLD_PEOPLE} people (${COLD_RUNS} fresh pages)`);
    const storedBytes = Buffer.from(stored.bytes, "base64");
    extra.set("bench/snapshot.bin", storedBytes);
    extra.set("bench/snapshot.json", Buffer.from(stored.json));
    // The record the background reads on wake, written once into this
    // origin's IndexedDB as the background writes it.
    const seed = await context.newPage();
    watch(seed);
    await seed.goto(`${origin}/bench/cold.html`);
    await seed.waitForFunction(() => globalThis.coldReady === true, null, { timeout: 30_000 });
    const seeded = await seed.evaluate(() => globalThis.seedStored());
    if (seeded.bytes !== storedBytes.length || seeded.revision !== 1) {
      throw new Error(`the stored record holds ${seeded.bytes} bytes, revision ${seeded.revision}`);
    }
    await seed.close();
    const runs = [];
    for (let i = 0; i < COLD_RUNS; i += 1) {
      const cold = await context.newPage();
      watch(cold);
      await cold.goto(`${origin}/bench/cold.html`);
      await cold.waitForFunction(() => globalThis.coldReady === true, null, { timeout: 30_000 });
      const r = await cold.evaluate(() => globalThis.coldStart());
      if (r.firstSearchHits !== r.firstSearchUnpreparedHits) {
        throw new Error(
          `the first search found ${r.firstSearchHits} prepared, ${r.firstSearchUnpreparedHits} not`,
        );
      }
      if (r.people !== COLD_PEOPLE || r.hits !== COLD_PEOPLE || r.jsonHits !== COLD_PEOPLE) {
        throw new Error(
          `cold start restored ${r.people} people and answered ${r.hits} (${r.jsonHits} from the JSON)`,
        );
      }
      if (!r.sameBytes) {
        throw new Error(
          "the JSON snapshot, read and stored again, gave other bytes than toStored()",
        );
      }
      runs.push(r);
      await cold.close();
    }
    const part = (key) => {
      const values = runs.map((r) => r[key]).sort((a, b) => a - b);
      return {
        p50: round(values[Math.ceil(values.length * 0.5) - 1]),
        p95: round(values[Math.ceil(values.length * 0.95) - 1]),
      };
    };
    // The wake as it was measured before the compact form (init, restoreJson
    // and a first query), from this run's parts, per page.
    for (const r of runs) r.jsonWakeMs = r.initMs + r.restoreJsonMs + r.jsonFirstQueryMs;
    const coldStart = {
      people: COLD_PEOPLE,
      runs: runs.length,
      what: "wake to ready as the background wakes (core-host.js): init(), the record read from IndexedDB (lib/network-store.js), Core.restoreStored(bytes), seedQueueFromCrypto(); the background answers no query on wake",
      stored: {
        compactBytes: storedBytes.length,
        jsonChars: stored.json.length,
        jsonBytes: Buffer.byteLength(stored.json),
      },
      ...part("totalMs"),
      parts: {
        init: part("initMs"),
        readRecord: part("readMs"),
        restoreStored: part("restoreMs"),
        seedQueue: part("seedMs"),
      },
      firstQuery: part("firstQueryMs"),
      prepareSearch: part("prepareMs"),
      firstSearch: { query: "maria", ...part("firstSearchMs") },
      firstSearchUnprepared: { query: "maria", ...part("firstSearchUnpreparedMs") },
      migration: {
        what: "once, at the first wake after updating: Core.restoreJson(snapshot) in a fresh instance of the core, toStored(), the record written to IndexedDB",
        ...part("migrationMs"),
        restoreJson: part("restoreJsonMs"),
        toStored: part("toStoredMs"),
        writeRecord: part("writeMs"),
      },
      jsonWake: {
        what: 'the wake as measured before the compact form: init() + Core.restoreJson(snapshot) + a first query("")',
        ...part("jsonWakeMs"),
        firstQuery: part("jsonFirstQueryMs"),
      },
    };
    log(
      `  wake to ready p50 ${coldStart.p50} ms (p95 ${coldStart.p95}): init ${coldStart.parts.init.p50}, ` +
        `read the record ${coldStart.parts.readRecord.p50}, restoreStored ${coldStart.parts.restoreStored.p50}, ` +
        `seedQueueFromCrypto ${coldStart.parts.seedQueue.p50}; then the first query("") ` +
        `${coldStart.firstQuery.p50}, prepareSearch ${coldStart.prepareSearch.p50} while idle, the first search ` +
        `${coldStart.firstSearch.p50} (${coldStart.firstSearchUnprepared.p50} unprepared)`,
    );
    log(
      `  migration once ${coldStart.migration.p50} ms: restoreJson ${coldStart.migration.restoreJson.p50}, ` +
        `toStored ${coldStart.migration.toStored.p50}, write ${coldStart.migration.writeRecord.p50}; ` +
        `the JSON wake (init + restoreJson + query) ${coldStart.jsonWake.p50}; stored ` +
        `${coldStart.stored.compactBytes} bytes compact, ${coldStart.stored.jsonChars} chars of JSON`,
    );
    const heap = {
      people: COLD_PEOPLE,
      source:
        "the glue's exported wasm memory: memory.buffer.byteLength (init() returns the exports)",
      afterInitBytes: runs[0].heapAfterInitBytes,
      bytes: Math.max(...runs.map((r) => r.heapBytes)),
      when: 'after init(), Core.restoreStored(bytes), a first query(""), prepareSearch() and a first search',
      jsonBytes: Math.max(...runs.map((r) => r.heapJsonBytes)),
      jsonWhen:
        'a fresh instance after Core.restoreJson(snapshot), toStored() and a first query(""): the heap the JSON restore needed',
    };
    log(
      `  wasm heap ${(heap.bytes / 2 ** 20).toFixed(1)} MiB ` +
        `(${(heap.jsonBytes / 2 ** 20).toFixed(1)} MiB restoring the JSON)`,
    );

    if (failures.length) throw failures[0];
    let review = null;
    if (!SMOKE && !OTHER_CORE) {
      log(`\nreview page with ${COLD_PEOPLE} people (${REVIEW_OPENS} opens, dist/chrome)`);
      review = summarizeReview(
        await measureReview(RELEASE_DIR, stored.bytes, COLD_PEOPLE, { opens: REVIEW_OPENS }),
      );
      log(
        `  first rows p50 ${review.firstRows.p50} ms (max ${review.firstRows.max}); longest task ` +
          `opening ${review.opening.longestMs} ms, typing or scrolling ${review.interacting.longestMs} ms`,
      );
    }
    if (SMOKE) {
      log("\nsmoke run: every contestant agreed with the core on every query; nothing written");
      return;
    }

    const files = sizes();
    const at30k = filter.filter((f) => f.people === 30_000);
    const slowest = at30k.reduce((a, b) =>
      b.contestants.core.p50 > a.contestants.core.p50 ? b : a,
    );
    const weakest = (rows) =>
      rows.reduce((a, b) => (b.speedup_vs_best < a.speedup_vs_best ? b : a));
    const text = at30k.filter((f) => f.kind === "text");
    const wake = coldStart;
    const targets = [
      {
        name: "filter at 30,000: every query at least as fast as the strongest contestant",
        target: `>= ${TARGETS.speedupVsBest}x`,
        value: `lowest ${weakest(at30k).speedup_vs_best.toFixed(2)}x (${weakest(at30k).query} vs ${weakest(at30k).best})`,
        met: at30k.every((f) => f.speedup_vs_best >= TARGETS.speedupVsBest),
      },
      {
        name: "filter at 30,000: text queries against the strongest contestant",
        target: `>= ${TARGETS.textSpeedupVsBest}x`,
        value: `lowest ${weakest(text).speedup_vs_best.toFixed(2)}x (${weakest(text).query} vs ${weakest(text).best})`,
        met: text.every((f) => f.speedup_vs_best >= TARGETS.textSpeedupVsBest),
      },
      {
        name: "filter at 30,000: p50 of every query",
        target: `< ${TARGETS.filterP50Ms} ms`,
        value: `highest ${slowest.contestants.core.p50.toFixed(3)} ms (${slowest.query})`,
        met: at30k.every((f) => f.contestants.core.p50 < TARGETS.filterP50Ms),
      },
      {
        name: "first search after a cold start (`maria`), the index prepared while idle: p50",
        target: `< ${TARGETS.firstSearchMs} ms`,
        value:
          `${coldStart.firstSearch.p50.toFixed(1)} ms ` +
          `(${coldStart.firstSearchUnprepared.p50.toFixed(1)} ms unprepared)`,
        met: coldStart.firstSearch.p50 < TARGETS.firstSearchMs,
      },
      {
        name: `wake to ready with ${COLD_PEOPLE.toLocaleString("en-US")} people (init, read the record, restoreStored): p50`,
        target: `< ${TARGETS.wakeToReadyMs} ms`,
        value: `${wake.p50.toFixed(1)} ms (restoring the JSON: ${wake.jsonWake.p50.toFixed(1)} ms)`,
        met: wake.p50 < TARGETS.wakeToReadyMs,
      },
      {
        name: `import of ${IMPORT_ROWS.toLocaleString("en-US")} rows against papaparse's parse alone`,
        target: `>= ${TARGETS.importSpeedup}x`,
        value: `${importResult.speedup.toFixed(2)}x`,
        met: importResult.speedup >= TARGETS.importSpeedup,
      },
      {
        name: "wasm heap after the cold start",
        target: `< ${TARGETS.heapBytes / 2 ** 20} MiB`,
        value: `${(heap.bytes / 2 ** 20).toFixed(1)} MiB`,
        met: heap.bytes < TARGETS.heapBytes,
      },
      {
        name: ".wasm raw size",
        target: `<= ${TARGETS.wasmRawBytes / 1000} KB`,
        value: `${(files.wasm.raw / 1000).toFixed(1)} KB`,
        met: files.wasm.raw <= TARGETS.wasmRawBytes,
      },
      ...archiveTargets(archive),
      ...(review ? reviewTargets(review) : []),
    ];

    const results = {
      date: new Date().toISOString(),
      machine: machine(),
      chromium: chromiumVersion,
      page: {
        served: "node http server on 127.0.0.1 (ephemeral port), no file:// URL",
        crossOriginIsolated: environment.crossOriginIsolated,
        timerResolutionMs: environment.timerResolutionMs,
      },
      method: {
        filter: FILTER_OPTIONS,
        import: IMPORT_OPTIONS,
        coldRuns: COLD_RUNS,
        contestants: CONTESTANTS,
        speedup_vs_best: "the fastest JavaScript contestant's p50 / the core's p50, in one run",
        answers:
          "every contestant's answers checked equal to the core's (same people, same order) before timing",
      },
      filter,
      import: importResult,
      archive,
      coldStart,
      heap,
      sizes: files,
      review,
      targets,
    };
    if (!OTHER_CORE) {
      writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
      await writeDoc(results);
    }

    log("\nratios (the strongest contestant's p50 / core p50; above 1 the core is faster):");
    for (const f of filter) {
      log(
        `  ${String(f.people).padStart(6)}  ${f.query.padEnd(32)} x${f.speedup_vs_best} vs ${f.best}`,
      );
    }
    log(`  import ${IMPORT_ROWS} rows vs papaparse          x${importResult.speedup}`);
    log(`  archive import vs JSZip + papaparse       x${archive.speedup}`);
    log(
      `\nsizes: .wasm ${files.wasm.raw} B raw, ${files.wasm.gzip} B gzip; ` +
        `glue ${files.glue.raw} B raw, ${files.glue.gzip} B gzip`,
    );
    log("\ntargets:");
    for (const t of targets) {
      log(`  ${t.met ? "met   " : "MISSED"} ${t.name}: ${t.value} (target ${t.target})`);
    }
    log(OTHER_CORE ? `\nmeasured ${CORE_DIR}; nothing written` : `\nwrote ${RESULTS} and ${DOC}`);
  } finally {
    await context.close().catch(() => {});
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The archive import row: a complete archive generated here
 * (tests/support/archive.mjs), read in a fresh page by the core and by
 * JSZip + papaparse (bench/archive.js), answers checked equal first.
 */
async function archiveRow(context, origin, extra, watch, log) {
  const started = performance.now();
  const { zip, expected } = await makeArchive({ ...ARCHIVE, seed: 2026 });
  extra.set("bench/archive.zip", Buffer.from(zip));
  extra.set(
    "bench/archive-expected.json",
    Buffer.from(
      JSON.stringify({
        counterparts: expected.counterparts,
        messages: expected.messages,
        conversations: expected.conversations,
      }),
    ),
  );
  const generatedMs = performance.now() - started;
  log(
    `\narchive import: ${ARCHIVE.connections} connections, ${ARCHIVE.messages} messages ` +
      `(${(zip.length / 1e6).toFixed(1)} MB zipped, generated in ${Math.round(generatedMs)} ms)`,
  );
  const page = await context.newPage();
  watch(page);
  await page.goto(`${origin}/bench/index.html`);
  await page.waitForFunction(() => globalThis.bench?.ready === true, null, { timeout: 30_000 });
  const r = await page.evaluate(
    (options) => globalThis.bench.archiveImport(options),
    ARCHIVE_OPTIONS,
  );
  await page.close();
  const version = (name) =>
    JSON.parse(readFileSync(join(ROOT, `node_modules/${name}/package.json`), "utf8")).version;
  const mib = (bytes) => round(bytes / 2 ** 20);
  const result = {
    connections: ARCHIVE.connections,
    messages: r.messages,
    conversations: r.conversations,
    people: r.people,
    zipBytes: r.zipBytes,
    archive:
      "tests/support/archive.mjs, layout 2026, seed 2026: every file of the complete archive (messages, invitations, endorsements, recommendations, connections) and the files netprune ignores",
    core: {
      what: "new ArchiveReader(); add(name, zipBytes); JSON.parse(finish())",
      ...timing(r.core),
      firstMs: round(r.firstCoreMs),
    },
    baseline: {
      parser: `JSZip ${version("jszip")} + papaparse ${version("papaparse")}`,
      what: "JSZip.loadAsync, each wanted file as a string, Papa.parse in 4 MB chunks of arrays, the same aggregation (bench/archive.js)",
      ...timing(r.baseline),
      firstMs: round(r.firstJsMs),
    },
    speedup: round(r.baseline.p50 / r.core.p50),
    heap: {
      preciseMemoryInfo: r.heap.preciseMemoryInfo,
      collected: r.heap.collected,
      coreWasmMiB: mib(r.heap.core.wasm),
      coreWasmBeforeMiB: mib(r.heap.before.wasm),
      coreJsMiB: mib(r.heap.core.js),
      coreTotalMiB: mib(r.heap.core.wasm + r.heap.core.js),
      jsBaseMiB: mib(r.heap.jsBase),
      jsPeakMiB: mib(r.heap.jsPeak),
    },
  };
  log(
    `  core p50 ${result.core.p50} ms (p95 ${result.core.p95}, first ${result.core.firstMs})  ` +
      `JSZip + papaparse p50 ${result.baseline.p50} ms (p95 ${result.baseline.p95})  x${result.speedup}; ` +
      `heap: core ${result.heap.coreWasmMiB} MiB wasm + ${result.heap.coreJsMiB} MiB JS, ` +
      `JS contestant peak ${result.heap.jsPeakMiB} MiB`,
  );
  return result;
}

function archiveTargets(archive) {
  return [
    {
      name: `archive import (${archive.connections.toLocaleString("en-US")} connections, ${archive.messages.toLocaleString("en-US")} messages): core p50`,
      target: `< ${TARGETS.archiveImportMs} ms`,
      value: `${archive.core.p50.toFixed(0)} ms (first ${archive.core.firstMs.toFixed(0)} ms; JSZip + papaparse ${archive.baseline.p50.toFixed(0)} ms)`,
      met: archive.core.p50 < TARGETS.archiveImportMs,
    },
    {
      name: "archive import: heap (wasm memory + JavaScript heap after the import)",
      target: `< ${TARGETS.archiveHeapBytes / 2 ** 20} MiB`,
      value: `${archive.heap.coreTotalMiB.toFixed(1)} MiB (JSZip + papaparse peak ${archive.heap.jsPeakMiB.toFixed(1)} MiB)`,
      met: archive.heap.coreTotalMiB * 2 ** 20 < TARGETS.archiveHeapBytes,
    },
  ];
}

/** The review page's runs, summed up for results.json and the targets. */
function summarizeReview(all) {
  const runs = all.filter((r) => !r.profiles);
  const profiles = all.find((r) => r.profiles)?.profiles ?? null;
  const sorted = runs.map((r) => r.firstRowMs).sort((a, b) => a - b);
  const longest = (tasks) => round(Math.max(0, ...tasks.map((t) => t.durationMs)));
  const interacting = runs.flatMap((r) => r.phases.flatMap((p) => p.longTasks));
  const perPhase = runs[0].phases.map(({ what }, i) => {
    const tasks = runs.flatMap((r) => r.phases[i].longTasks);
    return { what, longTasks: tasks.length, longestMs: longest(tasks) };
  });
  return {
    people: COLD_PEOPLE,
    opens: runs.length,
    typed: TYPED,
    firstRows: {
      what: "navigation start to the first person row in the DOM, the whole network listed",
      p50: round(sorted[Math.ceil(sorted.length / 2) - 1]),
      max: round(sorted[sorted.length - 1]),
    },
    opening: {
      longTasks: runs.reduce((n, r) => n + r.openLongTasks.length, 0),
      longestMs: longest(runs.flatMap((r) => r.openLongTasks)),
    },
    interacting: { longTasks: interacting.length, longestMs: longest(interacting) },
    phases: perPhase,
    profiles,
    runs,
  };
}

function reviewTargets(review) {
  return [
    {
      name: `review page with ${review.people.toLocaleString("en-US")} people: first rows, p50`,
      target: `< ${TARGETS.reviewFirstRowsMs} ms`,
      value: `${review.firstRows.p50.toFixed(0)} ms (max ${review.firstRows.max.toFixed(0)})`,
      met: review.firstRows.p50 < TARGETS.reviewFirstRowsMs,
    },
    {
      name: "review page: typing and scrolling, longest task",
      target: `<= ${TARGETS.longTaskMs} ms (no long task)`,
      value:
        review.interacting.longTasks === 0
          ? "no long task"
          : `${review.interacting.longTasks} long tasks, longest ${review.interacting.longestMs.toFixed(0)} ms`,
      met: review.interacting.longTasks === 0,
    },
  ];
}

// ---------------------------------------------------------------------------
// docs/BENCHMARKS.md: the part between the markers is rewritten each run.

const BEGIN = "<!-- bench:begin (written by ./build.sh bench; edits here are lost) -->";
const END = "<!-- bench:end -->";

function table(header, rows) {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

function generated(r) {
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  const ms = (value) => value.toFixed(1);
  const n = (value) => value.toLocaleString("en-US");
  const t = (timing) => (timing ? `${timing.p50.toFixed(3)} / ${timing.p95.toFixed(3)}` : "n/a");
  const filterRows = r.filter.map((f) => [
    f.people.toLocaleString("en-US"),
    `\`${f.query}\``,
    f.hits.toLocaleString("en-US"),
    t(f.contestants.core),
    t(f.contestants.tuned_js),
    t(f.contestants.ufuzzy),
    t(f.contestants.naive_js),
    `${f.speedup_vs_best.toFixed(2)}x`,
  ]);
  const i = r.import;
  return [
    `Run on ${r.date.slice(0, 10)}: ${r.machine.nproc} cores (${r.machine.cpu}), ` +
      `${r.machine.memoryGiB} GiB of memory, load average ${r.machine.loadAverage1m} at the end; ` +
      `Chromium ${r.chromium} headless; page cross-origin isolated: ` +
      `${r.page.crossOriginIsolated} (timer resolution ${r.page.timerResolutionMs.toFixed(3)} ms).`,
    "",
    "### Filter (ms per query, p50 / p95)",
    "",
    "tuned = the tuned JavaScript contestant, uFuzzy = @leeoniya/ufuzzy in exact-substring " +
      "mode (n/a: a query it cannot say), naive = lower-casing every field per call; " +
      "vs best = the fastest contestant's p50 / the core's p50.",
    "",
    table(["people", "query", "hits", "core", "tuned", "uFuzzy", "naive", "vs best"], filterRows),
    "",
    `### Import of ${n(i.rows)} rows (${mb(i.bytes)} of CSV)`,
    "",
    table(
      ["", "p50 ms", "p95 ms", "samples"],
      [
        [`core: \`importCsv\` (read and merge)`, ms(i.core.p50), ms(i.core.p95), i.core.samples],
        [
          `${i.baseline.parser}: parse alone`,
          ms(i.baseline.p50),
          ms(i.baseline.p95),
          i.baseline.samples,
        ],
      ],
    ),
    "",
    `Speedup (papaparse p50 / core p50): ${i.speedup.toFixed(2)}x.`,
    "",
    ...(r.archive ? archiveSection(r.archive) : []),
    `### Cold start with ${n(r.coldStart.people)} people`,
    "",
    "Wake to ready is what the background does before it handles its first message " +
      "(core-host.js): it answers no query on wake. The review page's first query and " +
      "search follow it; the migration of the old JSON snapshot runs once, at the first " +
      "wake after the update, in a fresh instance of the core.",
    "",
    table(
      ["", "p50 ms", "p95 ms"],
      [
        ["`init()`", r.coldStart.parts.init],
        ["the record read from IndexedDB", r.coldStart.parts.readRecord],
        ["`Core.restoreStored(bytes)`", r.coldStart.parts.restoreStored],
        ["`seedQueueFromCrypto()`", r.coldStart.parts.seedQueue],
        ["**wake to ready**", r.coldStart],
        ['then the review page\'s first `query("")`', r.coldStart.firstQuery],
        ["then, while the page is idle, `prepareSearch()`", r.coldStart.prepareSearch],
        [`then the first search (\`${r.coldStart.firstSearch.query}\`)`, r.coldStart.firstSearch],
        [
          `the first search without \`prepareSearch()\` (a keystroke before the page is idle)`,
          r.coldStart.firstSearchUnprepared,
        ],
        ["migration, once: `Core.restoreJson(snapshot)`", r.coldStart.migration.restoreJson],
        ["migration, once: `toStored()`", r.coldStart.migration.toStored],
        ["migration, once: the record written", r.coldStart.migration.writeRecord],
        ["**migration, once**", r.coldStart.migration],
        ['the wake as it was: `init()` + `restoreJson` + first `query("")`', r.coldStart.jsonWake],
      ].map(([label, t]) => [label, ms(t.p50), ms(t.p95)]),
    ),
    "",
    `${r.coldStart.runs} fresh pages. Stored: ${mb(r.coldStart.stored.compactBytes)} compact ` +
      `(\`toStored()\`) against ${mb(r.coldStart.stored.jsonBytes)} of JSON ` +
      `(${n(r.coldStart.stored.jsonChars)} characters, \`toStoredJson()\`).`,
    "",
    "### Memory and size",
    "",
    table(
      ["", "raw", "gzip -9"],
      [
        ["`netprune_bg.wasm`", kb(r.sizes.wasm.raw), kb(r.sizes.wasm.gzip)],
        ["`netprune.js` (glue)", kb(r.sizes.glue.raw), kb(r.sizes.glue.gzip)],
      ],
    ),
    "",
    `wasm heap (\`memory.buffer.byteLength\`) with ${n(r.heap.people)} people ` +
      `restored from the compact bytes, queried and the search prepared: ` +
      `${(r.heap.bytes / 2 ** 20).toFixed(1)} MiB ` +
      `(${(r.heap.afterInitBytes / 2 ** 20).toFixed(1)} MiB right after \`init()\`; ` +
      `${(r.heap.jsonBytes / 2 ** 20).toFixed(1)} MiB for the JSON restore and a first query).`,
    "",
    ...(r.review ? reviewSection(r.review) : []),
    "### Targets",
    "",
    table(
      ["target", "wanted", "measured", ""],
      r.targets.map((t) => [t.name, t.target, t.value, t.met ? "met" : "**missed**"]),
    ),
  ].join("\n");
}

function archiveSection(a) {
  const ms = (value) => value.toFixed(0);
  const n = (value) => value.toLocaleString("en-US");
  return [
    `### Archive import: ${n(a.connections)} connections, ${n(a.messages)} messages`,
    "",
    `A complete data archive (${a.archive}), ${(a.zipBytes / 1e6).toFixed(1)} MB zipped; ` +
      `${n(a.people)} people with some interaction, ${n(a.conversations)} conversations. ` +
      "Both contestants' per-person counts are checked equal, and equal to the generator's, before timing.",
    "",
    table(
      ["", "p50 ms", "p95 ms", "first run ms", "samples"],
      [
        [
          `core: \`${a.core.what}\``,
          ms(a.core.p50),
          ms(a.core.p95),
          ms(a.core.firstMs),
          a.core.samples,
        ],
        [
          `${a.baseline.parser}: ${a.baseline.what}`,
          ms(a.baseline.p50),
          ms(a.baseline.p95),
          ms(a.baseline.firstMs),
          a.baseline.samples,
        ],
      ],
    ),
    "",
    `Speedup (JSZip + papaparse p50 / core p50): ${a.speedup.toFixed(2)}x. Heap (fresh page, ` +
      `\`performance.memory\` ${a.heap.preciseMemoryInfo ? "precise" : "coarse"}, ` +
      `${a.heap.collected ? "collected before each" : "not collected"}): the core's wasm memory ` +
      `${a.heap.coreWasmMiB.toFixed(1)} MiB after the import (${a.heap.coreWasmBeforeMiB.toFixed(1)} MiB before) ` +
      `plus ${a.heap.coreJsMiB.toFixed(1)} MiB of JavaScript heap; JSZip + papaparse peak ` +
      `${a.heap.jsPeakMiB.toFixed(1)} MiB of JavaScript heap (${a.heap.jsBaseMiB.toFixed(1)} MiB before).`,
    "",
  ];
}

function reviewSection(review) {
  return [
    `### The review page with ${review.people.toLocaleString("en-US")} people`,
    "",
    `${review.opens} opens of \`review.html\` (dist/chrome) on the stored network. First rows: ` +
      `p50 ${review.firstRows.p50.toFixed(0)} ms, max ${review.firstRows.max.toFixed(0)} ms ` +
      `from navigation start. While opening: ${review.opening.longTasks} long tasks, ` +
      `longest ${review.opening.longestMs.toFixed(0)} ms.`,
    "",
    table(
      ["then", "long tasks (all opens)", "longest ms"],
      review.phases.map((p) => [p.what, p.longTasks, p.longestMs.toFixed(0)]),
    ),
    "",
    ...(review.profiles
      ? [
          "Where the time goes (one more open, profiled; self time in ms):",
          "",
          table(
            ["opening", "ms", "scrolling", "ms"],
            review.profiles.opening.map((o, i) => [
              `\`${o.where}\``,
              o.selfMs,
              review.profiles.scrolling[i] ? `\`${review.profiles.scrolling[i].where}\`` : "",
              review.profiles.scrolling[i]?.selfMs ?? "",
            ]),
          ),
          "",
        ]
      : []),
  ];
}

async function writeDoc(results) {
  const block = `${BEGIN}\n\n${generated(results)}\n\n${END}`;
  let doc = existsSync(DOC) ? readFileSync(DOC, "utf8") : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  doc =
    start === -1 || end < start
      ? `${doc.trimEnd()}\n\n${block}\n`
      : `${doc.slice(0, start)}${block}${doc.slice(end + END.length)}`;
  const options = (await prettier.resolveConfig(DOC)) ?? {};
  writeFileSync(DOC, await prettier.format(doc, { ...options, filepath: DOC }));
}

await run();
