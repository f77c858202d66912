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

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OTHER_CORE = process.env.NETPRUNE_BENCH_CORE;
const CORE_DIR = OTHER_CORE ? `${resolve(OTHER_CORE)}${sep}` : join(ROOT, "dist/chrome/core/");
const RESULTS = join(ROOT, "bench/results.json");
const DOC = join(ROOT, "docs/BENCHMARKS.md");

// --smoke (run by ./build.sh test): the whole harness once over 2,000 people,
// with a sample or two each. It times nothing worth reading and writes
// nothing; it proves the bench still runs and that core and baseline still
// give the same answers to every query, which the run checks before timing.
const SMOKE = process.argv.includes("--smoke");

const SIZES = SMOKE ? [2_000] : [1_000, 10_000, 30_000];
const QUERIES = [
  "maria",
  "company:acme",
  "title:recruiter",
  "after:2019 before:2022",
  "-recruiter",
  "sort:connected",
];
const FILTER_OPTIONS = SMOKE
  ? { warmupMs: 0, minSamples: 2, maxSamples: 2, budgetMs: 0, minSampleMs: 0 }
  : { warmupMs: 150, minSamples: 40, maxSamples: 400, budgetMs: 1_500, minSampleMs: 0.5 };
const IMPORT_ROWS = SMOKE ? 2_000 : 30_000;
const IMPORT_OPTIONS = SMOKE ? { warmup: 0, samples: 1 } : { warmup: 3, samples: 21 };
const COLD_PEOPLE = SMOKE ? 2_000 : 30_000;
const COLD_RUNS = SMOKE ? 1 : 11;

const TARGETS = {
  filterP50Ms: 2,
  filterMedianSpeedup: 3,
  importP50Ms: 150,
  coldStartP50Ms: 150,
  wasmRawBytes: 250_000,
};

// Only these folders are served.
const SERVED = ["bench/", "dist/chrome/core/", "tests/mock-site/", "node_modules/papaparse/"];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
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
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const timing = (t) => ({
  p50: round(t.p50),
  p95: round(t.p95),
  samples: t.samples,
  ...(t.callsPerSample ? { callsPerSample: t.callsPerSample } : {}),
});

async function run() {
  const extra = new Map();
  const server = await startServer(extra);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), "netprune-bench-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_BINARY,
    headless: true,
    args: CHROMIUM_FLAGS,
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
    let snapshot = null;
    for (const people of SIZES) {
      const built = await page.evaluate((n) => globalThis.bench.buildNetwork(n), people);
      log(`\n${people} people (built in ${Math.round(built.buildMs)} ms)`);
      for (const query of QUERIES) {
        const r = await page.evaluate(
          ([q, options]) => globalThis.bench.filter(q, options),
          [query, FILTER_OPTIONS],
        );
        const entry = {
          people,
          query,
          hits: r.hits,
          core: timing(r.core),
          baseline: timing(r.baseline),
          speedup: round(r.baseline.p50 / r.core.p50),
        };
        filter.push(entry);
        log(
          `  ${query.padEnd(24)} ${String(r.hits).padStart(6)} hits  core p50 ${entry.core.p50} ms ` +
            `(p95 ${entry.core.p95})  js p50 ${entry.baseline.p50} ms (p95 ${entry.baseline.p95})  ` +
            `x${entry.speedup}`,
        );
      }
      if (people === COLD_PEOPLE) {
        snapshot = await page.evaluate(() => globalThis.bench.snapshot());
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

    log(`\ncold start with ${COLD_PEOPLE} people (${COLD_RUNS} fresh pages)`);
    extra.set("bench/snapshot.json", Buffer.from(snapshot));
    const runs = [];
    for (let i = 0; i < COLD_RUNS; i += 1) {
      const cold = await context.newPage();
      watch(cold);
      await cold.goto(`${origin}/bench/cold.html`);
      await cold.waitForFunction(() => globalThis.coldReady === true, null, { timeout: 30_000 });
      const r = await cold.evaluate(() => globalThis.coldStart());
      if (r.people !== COLD_PEOPLE || r.hits !== COLD_PEOPLE) {
        throw new Error(`cold start restored ${r.people} people and answered ${r.hits}`);
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
    const coldStart = {
      people: COLD_PEOPLE,
      runs: runs.length,
      snapshotBytes: Buffer.byteLength(snapshot),
      ...part("totalMs"),
      parts: {
        init: part("initMs"),
        restoreJson: part("restoreMs"),
        firstQuery: part("firstQueryMs"),
      },
      firstSearch: { query: "maria", ...part("firstSearchMs") },
    };
    log(
      `  p50 ${coldStart.p50} ms (p95 ${coldStart.p95}): init ${coldStart.parts.init.p50}, ` +
        `restoreJson ${coldStart.parts.restoreJson.p50}, first query ${coldStart.parts.firstQuery.p50}; ` +
        `then the first search ${coldStart.firstSearch.p50}`,
    );
    const heap = {
      people: COLD_PEOPLE,
      source:
        "the glue's exported wasm memory: memory.buffer.byteLength (init() returns the exports)",
      afterInitBytes: runs[0].heapAfterInitBytes,
      bytes: Math.max(...runs.map((r) => r.heapBytes)),
      when: 'after init(), Core.restoreJson(snapshot) and a first query("") (search keys built)',
    };
    log(`  wasm heap ${(heap.bytes / 2 ** 20).toFixed(1)} MiB`);

    if (failures.length) throw failures[0];
    if (SMOKE) {
      log("\nsmoke run: every query agreed with the baseline; nothing written");
      return;
    }

    const files = sizes();
    const at30k = filter.filter((f) => f.people === 30_000);
    const medianSpeedup = round(median(at30k.map((f) => f.speedup)));
    const slowest = at30k.reduce((a, b) => (b.core.p50 > a.core.p50 ? b : a));
    const targets = [
      {
        name: "filter at 30,000: p50 of every query",
        target: `< ${TARGETS.filterP50Ms} ms`,
        value: `${slowest.core.p50.toFixed(2)} ms (${slowest.query})`,
        met: at30k.every((f) => f.core.p50 < TARGETS.filterP50Ms),
      },
      {
        name: "filter at 30,000: speedup on the median query",
        target: `>= ${TARGETS.filterMedianSpeedup}x`,
        value: `${medianSpeedup.toFixed(1)}x`,
        met: medianSpeedup >= TARGETS.filterMedianSpeedup,
      },
      {
        name: `import of ${IMPORT_ROWS.toLocaleString("en-US")} rows: p50`,
        target: `< ${TARGETS.importP50Ms} ms`,
        value: `${importResult.core.p50.toFixed(1)} ms`,
        met: importResult.core.p50 < TARGETS.importP50Ms,
      },
      {
        name: "import: no slower than papaparse's parse alone",
        target: "speedup >= 1x",
        value: `${importResult.speedup.toFixed(2)}x`,
        met: importResult.speedup >= 1,
      },
      {
        name: `cold start with ${COLD_PEOPLE.toLocaleString("en-US")} people: p50`,
        target: `< ${TARGETS.coldStartP50Ms} ms`,
        value: `${coldStart.p50.toFixed(1)} ms`,
        met: coldStart.p50 < TARGETS.coldStartP50Ms,
      },
      {
        name: ".wasm raw size",
        target: `< ${TARGETS.wasmRawBytes / 1000} KB`,
        value: `${(files.wasm.raw / 1000).toFixed(1)} KB`,
        met: files.wasm.raw < TARGETS.wasmRawBytes,
      },
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
        baseline:
          "Array.prototype.filter with toLowerCase().includes over core.rows() objects held in the core's name order; sort:connected is a stable sort comparing ISO dates with localeCompare",
        folding:
          "benchmark words are ASCII, where toLowerCase and the core's folding agree; answers checked equal (same people, same order) before timing",
      },
      filter,
      filterMedianSpeedupAt30k: medianSpeedup,
      import: importResult,
      coldStart,
      heap,
      sizes: files,
      targets,
    };
    if (!OTHER_CORE) {
      writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
      await writeDoc(results);
    }

    log("\nratios (baseline p50 / core p50; above 1 the core is faster):");
    for (const f of filter) {
      log(`  ${String(f.people).padStart(6)}  ${f.query.padEnd(24)} x${f.speedup}`);
    }
    log(`  import ${IMPORT_ROWS} rows vs papaparse          x${importResult.speedup}`);
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
  const filterRows = r.filter.map((f) => [
    f.people.toLocaleString("en-US"),
    `\`${f.query}\``,
    f.hits.toLocaleString("en-US"),
    f.core.p50.toFixed(3),
    f.core.p95.toFixed(3),
    f.baseline.p50.toFixed(3),
    f.baseline.p95.toFixed(3),
    `${f.speedup.toFixed(1)}x`,
  ]);
  const i = r.import;
  return [
    `Run on ${r.date.slice(0, 10)}: ${r.machine.nproc} cores (${r.machine.cpu}), ` +
      `${r.machine.memoryGiB} GiB of memory, load average ${r.machine.loadAverage1m} at the end; ` +
      `Chromium ${r.chromium} headless; page cross-origin isolated: ` +
      `${r.page.crossOriginIsolated} (timer resolution ${r.page.timerResolutionMs.toFixed(3)} ms).`,
    "",
    "### Filter (ms per query; JS = the plain JavaScript baseline)",
    "",
    table(
      ["people", "query", "hits", "core p50", "core p95", "JS p50", "JS p95", "speedup"],
      filterRows,
    ),
    "",
    `Median speedup at 30,000 people: ${r.filterMedianSpeedupAt30k.toFixed(1)}x.`,
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
    `### Cold start with ${n(r.coldStart.people)} people`,
    "",
    table(
      ["", "p50 ms", "p95 ms"],
      [
        ["`init()`", r.coldStart.parts.init],
        ["`Core.restoreJson(snapshot)`", r.coldStart.parts.restoreJson],
        ['first `query("")`', r.coldStart.parts.firstQuery],
        ["**total**", r.coldStart],
        [`then the first search (\`${r.coldStart.firstSearch.query}\`)`, r.coldStart.firstSearch],
      ].map(([label, t]) => [label, ms(t.p50), ms(t.p95)]),
    ),
    "",
    `${r.coldStart.runs} fresh pages; the snapshot is ${mb(r.coldStart.snapshotBytes)} of JSON.`,
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
      `restored and queried: ${(r.heap.bytes / 2 ** 20).toFixed(1)} MiB ` +
      `(${(r.heap.afterInitBytes / 2 ** 20).toFixed(1)} MiB right after \`init()\`).`,
    "",
    "### Targets",
    "",
    table(
      ["target", "wanted", "measured", ""],
      r.targets.map((t) => [t.name, t.target, t.value, t.met ? "met" : "**missed**"]),
    ),
  ].join("\n");
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
