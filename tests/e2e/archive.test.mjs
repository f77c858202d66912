// LinkedIn's data archive end to end (issue 14), in headless Chromium and
// Firefox with the built extension and its real core: a generated archive
// (tests/support/archive.mjs: fictional people, hostile names, every
// message text holding MARKER) is chosen in the review page's
// `import-archive` input, read in the page's own ArchiveReader, merged by
// the background, and reported in `import-report`. With it comes a second
// ZIP holding a corrupt member and one that declares itself far larger
// than it is (both refused, adding nothing). The new query terms then list
// exactly the people a reference count from the generator's `expected`
// finds, and MARKER appears nowhere netprune keeps or writes: storage.local,
// the stored network's bytes (IndexedDB), a backup and a CSV export.
//
// One browser launch each, ~300 people: fast enough for CI.
//   ./build.sh && flock /tmp/netprune-e2e.lock node --test tests/e2e/archive.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  clickAndDownload,
  createMockSite,
  settledReview,
  typeQuery,
  waitForReview,
  withChromium,
  withFirefox,
} from "./harness.mjs";
import { dayOfIso, makeArchiveFiles, MARKER, zipFiles } from "../support/archive.mjs";
import { bombText, damageMember, MESSAGES_HEADER } from "../support/archive-damage.mjs";

/* global chrome, browser */

/** Nothing is read from LinkedIn here: the network is the archive's own Connections.csv. */
const SITE = { generation: "react-2025", count: 1, pageSize: 1, seed: 5 };
const PEOPLE = 300;
const TEST = { timeout: 120_000 };

/**
 * A ZIP netprune must refuse whole, changing nothing: a messages file whose
 * deflated bytes are damaged mid-stream, and a member declaring far more
 * text than its bytes could hold (a zip bomb's ratio). Both hold MARKER.
 */
async function hostileZip() {
  let damaged = `${MESSAGES_HEADER}\n`;
  for (let i = 0; i < 2_000; i += 1) {
    damaged += `9-${i}==,,Ana Fictive,https://www.linkedin.com/in/ana-fictive,Morgan Owner,https://www.linkedin.com/in/morgan-owner,2023-07-08 08:39:28 UTC,,${MARKER} ${i},INBOX\n`;
  }
  const zip = await zipFiles({
    "messages.csv": damaged,
    "Invitations.csv": `${bombText()}${MARKER}`,
  });
  return damageMember(zip, "messages.csv");
}

/**
 * The new query terms, each with the number of people it must list in a
 * network of exactly the archive's connections, counted from `expected`.
 */
function referenceCounts(expected, people) {
  const of = (slug) => expected.people[slug] ?? {};
  const total = (slug) => (of(slug).sent ?? 0) + (of(slug).received ?? 0);
  const slugs = people.map((p) => p.slug);
  const count = (keep) => slugs.filter(keep).length;
  const before = dayOfIso("2024-01-01");
  const after = dayOfIso("2025-06-01");
  return {
    "messaged:never": expected.neverMessaged.length,
    "invited:me": expected.invitedMe.length,
    "invited:them": expected.invitedThem.length,
    "messages:>5": count((slug) => total(slug) > 5),
    "messages:<2": count((slug) => total(slug) < 2),
    "messaged:before:2024-01-01": count(
      (slug) => of(slug).lastMessage !== undefined && of(slug).lastMessage < before,
    ),
    "messaged:after:2025-06-01": count(
      (slug) => of(slug).lastMessage !== undefined && of(slug).lastMessage >= after,
    ),
    "endorsed:any": count(
      (slug) => (of(slug).endorsementsGiven ?? 0) + (of(slug).endorsementsReceived ?? 0) > 0,
    ),
    "invited:me messaged:never": count(
      (slug) => of(slug).invitedBy === "them" && total(slug) === 0,
    ),
  };
}

/**
 * The archive of one layout, zipped, the hostile ZIP beside it, and the
 * queries with the number of people each must list, counted from `expected`.
 * @param {"2026" | "2023" | "2021"} layout
 */
async function archiveFor(layout, seed) {
  const { files, expected, people } = makeArchiveFiles({
    connections: PEOPLE,
    messages: 1_500,
    seed,
    layout,
    today: "2026-11-20",
    extras: { hostile: true, bom: layout === "2023", crlf: layout === "2021" },
  });
  const zip = await zipFiles(files);
  const queries = referenceCounts(expected, people);
  // Each query lists someone and leaves someone out, or it proves little.
  for (const [query, n] of Object.entries(queries)) {
    assert.ok(n > 0 && n < PEOPLE, `${query}: ${n} of ${PEOPLE} is no test`);
  }
  return { zip, hostile: await hostileZip(), expected, queries };
}

/** Whether the report says the archive was imported. */
const archiveImported = (s) =>
  s.importReport !== null && /Your data archive was imported/.test(s.importReport.text);

/** Whether the report says the archive was refused. */
const archiveRefused = (s) =>
  s.importReport !== null && /Your data archive was not imported/.test(s.importReport.text);

/**
 * Runs in review.html: storage.local as JSON, and the stored network's
 * compact bytes (IndexedDB) as Latin-1 text, so a search sees every byte.
 */
async function storedTextsInPage() {
  const extension = typeof browser === "undefined" ? chrome : browser;
  const store = await import(extension.runtime.getURL("lib/network-store.js"));
  const record = await store.readNetwork();
  let bytes = "";
  for (const byte of record?.bytes ?? []) bytes += String.fromCharCode(byte);
  return { local: JSON.stringify(await extension.storage.local.get(null)), bytes };
}

/**
 * Runs in review.html: what "Download a backup" and "Export as CSV" write,
 * from the stored network through the page's own core (Firefox saves
 * downloads where the test cannot pick them up).
 */
async function backupAndExportInPage() {
  const extension = typeof browser === "undefined" ? chrome : browser;
  const store = await import(extension.runtime.getURL("lib/network-store.js"));
  const glue = await import(extension.runtime.getURL("core/netprune.js"));
  await glue.default();
  const core = glue.Core.restoreStored((await store.readNetwork()).bytes);
  try {
    return { backup: core.backupJson(Date.now()), csv: core.exportCsv(core.query("", Date.now())) };
  } finally {
    core.free();
  }
}

/** MARKER must be in none of `texts` (name -> text). */
function assertNoMarker(texts) {
  for (const [where, text] of Object.entries(texts)) {
    assert.ok(text.length > 0, `${where} is empty: nothing was searched`);
    assert.equal(text.includes(MARKER), false, `message text reached ${where}`);
  }
}

/** The figures the report must show for `expected`. */
function assertReport(report, expected) {
  assert.equal(report.figures.messages, expected.messages, report.text);
  assert.equal(report.figures.conversations, expected.conversations, report.text);
  assert.match(report.text, /passed over/, "the files netprune does not read are not named");
  assert.match(report.text, /Your archive is now \d+ days? old/);
  assert.equal(report.text.includes(MARKER), false, "message text shown in the report");
}

test(
  "Chromium: a ZIP of a damaged member and a zip bomb is refused whole, storing nothing; a " +
    "2026 archive (all quoted, hostile names) imports through import-archive; the new queries " +
    "list exactly the reference counts; message text is nowhere in storage, IndexedDB, a " +
    "backup or an export",
  TEST,
  async () => {
    const { zip, hostile, expected, queries } = await archiveFor("2026", 11);
    await withChromium({ site: createMockSite(SITE) }, async (session) => {
      const review = await session.openReview();
      const status = () => review.locator('[data-testid="archive-status"]').innerText();
      assert.match(await status(), /No data archive imported yet/);

      // A damaged member and a zip bomb: refused with their reasons, nothing stored.
      await review.setInputFiles('[data-testid="import-archive"]', [
        { name: "old-part.zip", mimeType: "application/zip", buffer: Buffer.from(hostile) },
      ]);
      const refusal = (await waitForReview(review, archiveRefused, "the refusal", 30_000))
        .importReport;
      assert.match(refusal.text, /damaged/, refusal.text);
      assert.match(refusal.text, /ratio/, refusal.text);
      assert.match(refusal.text, /Nothing was changed/, refusal.text);
      assert.equal(await session.storedNetwork(), undefined, "a refused archive was stored");

      await review.setInputFiles('[data-testid="import-archive"]', [
        {
          name: "Complete_LinkedInDataExport.zip",
          mimeType: "application/zip",
          buffer: Buffer.from(zip),
        },
      ]);
      const { importReport } = await waitForReview(
        review,
        archiveImported,
        "the archive's report",
        30_000,
      );
      assert.match(importReport.text, /Your data archive was imported/, importReport.text);
      assertReport(importReport, expected);

      await waitForReview(review, (s) => s.resultCount === String(PEOPLE), `the ${PEOPLE} people`);
      assert.match(await status(), /data archive of \d{4}-\d{2}-\d{2} \(\d+ days? old\)/);
      for (const [query, n] of Object.entries(queries)) {
        const state = await typeQuery(review, query);
        assert.equal(state.queryError, null, `${query}: ${state.queryError}`);
        assert.equal(state.resultCount, String(n), query);
      }
      // The suggested query, by its translated name.
      await typeQuery(review, "");
      const chip = review.locator(
        '[data-testid="suggested-query"][data-query="invited:me messaged:never"]',
      );
      assert.equal(await chip.innerText(), "They invited you and you never talked");
      await chip.click();
      const suggested = await settledReview(review);
      assert.equal(suggested.resultCount, String(queries["invited:me messaged:never"]));

      // A row shows its last contact.
      await typeQuery(review, "messages:>5 sort:-contact");
      const cell = await review
        .locator('[data-testid="person-row"] [data-testid="row-last-contact"]')
        .first()
        .innerText();
      assert.match(cell, /^\d{4}-\d{2}-\d{2}/);

      await typeQuery(review, "");
      const backup = await clickAndDownload(review, "backup-download");
      const csv = await clickAndDownload(review, "export-csv");
      const stored = await review.evaluate(storedTextsInPage);
      assertNoMarker({
        "storage.local": stored.local,
        "the stored network (IndexedDB)": stored.bytes,
        "the backup": backup.bytes.toString("latin1"),
        "the CSV export": csv.bytes.toString("latin1"),
      });
      assert.ok(stored.bytes.length > PEOPLE * 10, "the stored network is that small?");
      await settledReview(review);
    });
  },
);

test(
  "Firefox: a 2021 archive (no profile links: matched by name) chosen as its loose CSV " +
    "files imports through import-archive; the new queries list exactly the reference " +
    "counts; message text is nowhere in storage, IndexedDB, a backup or an export",
  TEST,
  async () => {
    const { files, expected, people } = makeArchiveFiles({
      connections: PEOPLE,
      messages: 1_500,
      seed: 7,
      layout: "2021",
      today: "2026-11-20",
      extras: { hostile: true, crlf: true },
    });
    const queries = referenceCounts(expected, people);
    const dir = mkdtempSync(join(tmpdir(), "netprune-archive-ff-"));
    try {
      const paths = Object.entries(files)
        .filter(([name]) => name.endsWith(".csv"))
        .map(([name, content], i) => {
          // Each under its own name (the reader tells LinkedIn's assistants' files by theirs).
          mkdirSync(join(dir, String(i)));
          const path = join(dir, String(i), name.split("/").pop());
          writeFileSync(path, content);
          return path;
        });
      await withFirefox({ site: createMockSite(SITE) }, async (session) => {
        await session.openReview();
        await session.chooseFile("import-archive", paths.join("\n"));
        const { importReport } = await session.waitForReview(archiveImported, {
          what: "the archive's report",
          timeout: 30_000,
        });
        assert.match(importReport.text, /Your data archive was imported/, importReport.text);
        assert.equal(importReport.figures.messages, expected.messages, importReport.text);
        assert.equal(importReport.text.includes(MARKER), false);
        await session.waitForReview((s) => s.resultCount === String(PEOPLE), {
          what: `the ${PEOPLE} people`,
        });
        for (const [query, n] of Object.entries(queries)) {
          const state = await session.typeQuery(query);
          assert.equal(state.queryError, null, `${query}: ${state.queryError}`);
          assert.equal(state.resultCount, String(n), query);
        }
        await session.readReview();
        const stored = await session.driver.executeAsyncScript(
          `const done = arguments[arguments.length - 1];
           (${storedTextsInPage})().then(done, (e) => done({ error: String(e) }));`,
        );
        const written = await session.driver.executeAsyncScript(
          `const done = arguments[arguments.length - 1];
           (${backupAndExportInPage})().then(done, (e) => done({ error: String(e) }));`,
        );
        assert.equal(stored.error, undefined, stored.error);
        assert.equal(written.error, undefined, written.error);
        assertNoMarker({
          "storage.local": stored.local,
          "the stored network (IndexedDB)": stored.bytes,
          "the backup": written.backup,
          "the CSV export": written.csv,
        });
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
