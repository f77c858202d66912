// The review page against the real core (tests/review/helpers.mjs): Files: export, import, backup and restore.
// Run: node --test tests/review/
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { toBase64 } from "../../extension/review/review.js";
import {
  coreIndices,
  withCore,
  fakePeople,
  calls,
  openReview,
  byTestId,
  text,
  settle,
  isShown,
  waitFor,
  type,
  click,
  chooseFile,
  captureDownloads,
  blobBytes,
} from "./helpers.mjs";

// Export, import, backup, restore.

test("export_downloads_core_csv_with_a_bom_for_the_selection_or_else_the_matches", async (t) => {
  const people = fakePeople();
  const { dom, doc } = await openReview(t, { people });
  const downloads = captureDownloads(dom);
  const input = byTestId(doc, "filter-input");

  await type(dom, input, "title:engineer");
  // title: matches the headline and the position (src/query.rs).
  const matching = people.flatMap((p, i) =>
    /engineer/i.test(`${p.headline ?? ""} ${p.position ?? ""}`) ? [i] : [],
  );
  click(dom, byTestId(doc, "export-csv"));
  assert.equal(downloads.length, 1);
  assert.deepEqual(
    calls.exported.at(-1),
    coreIndices(people, "title:engineer"),
    "no selection: the current matches, in the list's order",
  );
  assert.deepEqual(
    [...calls.exported.at(-1)].sort((a, b) => a - b),
    matching,
  );
  const { blob, filename } = downloads[0];
  assert.match(filename, /^netprune-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.equal(blob.type, "text/csv;charset=utf-8");
  const bytes = await blobBytes(dom, blob);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM first");
  const csv = bytes.subarray(3).toString("utf8");
  assert.equal(
    csv,
    withCore(people, (core) => core.exportCsv(calls.exported[0])),
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
  assert.equal(backup.format, "netprune-backup");
  assert.equal(backup.network.people.length, people.length);
  assert.ok(backup.createdAtMs >= before, "backupJson was given the current time");
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
