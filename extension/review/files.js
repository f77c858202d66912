// @ts-check
// Files: export of the selection (or the matches) as CSV, import of
// LinkedIn's Connections.csv with its report, backup download and restore
// (after a confirmation).

import { sendMessage, BackgroundError } from "../lib/browser.js";
import { csvParts, localDate, saveFile } from "../lib/download.js";
import { formatCount, messageOf, people, plural } from "../lib/format.js";
import { paragraph, setStatus, show } from "../lib/dom.js";

/** @typedef {import("./types.js").ImportReport} ImportReport */
/** @typedef {import("./types.js").Replica} Replica */
/** @typedef {import("./types.js").CoreClass} CoreClass */
/** @typedef {import("./types.js").Page} Page */

/** Longer skipped-row lists fold into a <details>. */
export const SKIPPED_SHOWN_INLINE = 5;

/**
 * Base64 of any size: `String.fromCharCode(...bytes)` on a 5 MB file would
 * overflow the stack, so the bytes go through in chunks.
 *
 * @param {Uint8Array} bytes
 */
export function toBase64(bytes) {
  const chunk = 0x8000;
  let binary = "";
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode.apply(
      null,
      /** @type {any} */ (bytes.subarray(start, start + chunk)),
    );
  }
  return btoa(binary);
}

/**
 * @param {Page} page
 */
export function createFiles(page) {
  const { doc, extension, selected, ui, win } = page;

  function exportCsv() {
    if (!page.replica) return;
    const indices = selected.size ? page.selectedIndices() : page.matches;
    if (indices.length === 0) {
      setStatus(ui.actionStatus, "There is no one to export.", true);
      return;
    }
    let csv;
    try {
      csv = page.replica.exportCsv(indices);
    } catch (error) {
      setStatus(ui.actionStatus, `The export failed: ${messageOf(error)}`, true);
      return;
    }
    const name = `netprune-${localDate(Date.now())}.csv`;
    saveFile(doc, csvParts(csv), "text/csv;charset=utf-8", name, page.later);
    const missing = selected.size - indices.length;
    setStatus(
      ui.actionStatus,
      `Exported ${people(indices.length)} to ${name}.` +
        (missing > 0 ? ` ${people(missing)} selected could not be found in your network.` : ""),
    );
  }

  /**
   * @param {File} file
   * @param {"buffer" | "text"} as
   * @returns {Promise<any>}
   */
  function readFile(file, as) {
    return new Promise((resolve, reject) => {
      const reader = new win.FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
      if (as === "buffer") reader.readAsArrayBuffer(file);
      else reader.readAsText(file, "utf-8");
    });
  }

  async function importCsv() {
    const file = ui.importInput.files?.[0];
    if (!file) return;
    show(ui.importReport, true);
    ui.importReport.replaceChildren(paragraph(doc, `Importing ${file.name}…`));
    ui.importInput.disabled = true;
    try {
      const bytes = new Uint8Array(await readFile(file, "buffer"));
      const answer = await sendMessage(
        { type: "import-csv", name: file.name, base64: toBase64(bytes) },
        extension,
      );
      renderImportReport(file.name, answer.report);
    } catch (error) {
      const refused = error instanceof BackgroundError && !error.unreachable;
      const heading = paragraph(doc, `${file.name} was not imported.`);
      heading.className = "report-title is-error";
      ui.importReport.replaceChildren(
        heading,
        paragraph(doc, refused ? messageOf(error) : `${messageOf(error)}`),
        paragraph(doc, "Nothing was changed."),
      );
    } finally {
      ui.importInput.disabled = false;
      ui.importInput.value = "";
    }
  }

  /**
   * @param {string} name
   * @param {ImportReport | undefined} report
   */
  function renderImportReport(name, report) {
    const title = paragraph(doc, `Imported ${name}.`);
    title.className = "report-title";
    if (!report || typeof report !== "object") {
      ui.importReport.replaceChildren(title);
      return;
    }
    const skipped = Array.isArray(report.skipped) ? report.skipped : [];
    const list = doc.createElement("ul");
    list.className = "report-figures";
    /** @type {[string, number, string][]} */
    const figures = [
      ["rows", report.rows, plural(report.rows, "row read", "rows read")],
      ["matched", report.matched, "matched people already in your network"],
      ["added", report.added, "new"],
      ["unmatched", report.unmatched, "unmatched (no profile link in the file)"],
      ["skipped", skipped.length, plural(skipped.length, "row skipped", "rows skipped")],
    ];
    for (const [key, value, words] of figures) {
      const item = doc.createElement("li");
      const number = doc.createElement("span");
      number.className = "figure";
      number.dataset.figure = key;
      number.textContent = formatCount(Number(value) || 0);
      item.append(number, ` ${words}`);
      list.append(item);
    }
    /** @type {HTMLElement[]} */
    const parts = [title, list];
    if (skipped.length) {
      const lines = doc.createElement("ul");
      lines.className = "report-skipped";
      for (const { line, reason } of skipped) {
        const item = doc.createElement("li");
        item.textContent = `Line ${line}: ${reason}`;
        lines.append(item);
      }
      if (skipped.length > SKIPPED_SHOWN_INLINE) {
        const fold = doc.createElement("details");
        const foldSummary = doc.createElement("summary");
        foldSummary.textContent = `Show the ${formatCount(skipped.length)} skipped rows`;
        fold.append(foldSummary, lines);
        parts.push(fold);
      } else {
        parts.push(lines);
      }
    }
    ui.importReport.replaceChildren(...parts);
  }

  async function downloadBackup() {
    setStatus(ui.backupStatus, "");
    /** @type {Replica | null} */
    let fresh = null;
    try {
      const stored = (await extension.storage.local.get("snapshot")) ?? {};
      const text = stored.snapshot;
      if (typeof text !== "string" || text === "") {
        setStatus(ui.backupStatus, "There is nothing to back up yet.", true);
        return;
      }
      // The core writes the backup; a replica a moment behind storage is
      // not used for it.
      let source = page.replica;
      if (text !== page.replicaText || !source) {
        fresh = /** @type {CoreClass} */ (page.Core).restoreJson(text);
        source = fresh;
      }
      const now = Date.now();
      const json = source.backupJson(now);
      const name = `netprune-backup-${localDate(now)}.json`;
      saveFile(doc, [json], "application/json", name, page.later);
      setStatus(
        ui.backupStatus,
        `Saved ${name}. Keep it somewhere private: it lists your network.`,
      );
    } catch (error) {
      setStatus(ui.backupStatus, `The backup failed: ${messageOf(error)}`, true);
    } finally {
      fresh?.free?.();
    }
  }

  async function chooseRestoreFile() {
    const file = ui.restoreInput.files?.[0];
    if (!file) return;
    setStatus(ui.backupStatus, "");
    try {
      page.pendingRestore = { name: file.name, text: await readFile(file, "text") };
    } catch (error) {
      setStatus(ui.backupStatus, `${file.name} could not be read: ${messageOf(error)}`, true);
      ui.restoreInput.value = "";
      return;
    }
    ui.restoreConfirmText.textContent =
      `Restoring ${file.name} replaces your network, the people you keep and your saved ` +
      "queries with what the file holds. " +
      // The core keeps safety as it is (background.js, "restore-backup"):
      // the member is told before confirming.
      "Your removal log, the pace and daily counts, and anyone already removed stay as they " +
      "are. Removals waiting in your queue, now or in the file, are cancelled: nobody is " +
      "removed unless you queue them again.";
    show(ui.restoreConfirm, true);
    ui.restoreCancel.focus();
  }

  async function confirmRestore() {
    const pending = page.pendingRestore;
    closeRestoreConfirm();
    if (!pending) return;
    setStatus(ui.backupStatus, `Restoring ${pending.name}…`);
    try {
      const answer = await sendMessage({ type: "restore-backup", text: pending.text }, extension);
      setStatus(ui.backupStatus, restoredText(pending.name, answer?.report));
    } catch (error) {
      setStatus(ui.backupStatus, `${messageOf(error)} Nothing was changed.`, true);
    }
    ui.restoreInput.focus();
  }

  /**
   * What a restore did, in words.
   * @param {string} name
   * @param {{ notRequeued?: number, cancelled?: number, inFlight?: string | null, keptRemoved?: number } | undefined} report
   */
  function restoredText(name, report) {
    const parts = [`Restored from ${name}.`];
    const waiting = (report?.notRequeued ?? 0) + (report?.cancelled ?? 0);
    if (waiting > 0) {
      parts.push(
        `${waiting} waiting ${waiting === 1 ? "removal was" : "removals were"} not queued again: ` +
          "queue them again to remove them.",
      );
    }
    if (report?.inFlight) {
      parts.push(`The removal step already under way (${report.inFlight}) still finishes.`);
    }
    if ((report?.keptRemoved ?? 0) > 0) {
      parts.push(`${report?.keptRemoved} people already removed stay marked as removed.`);
    }
    parts.push("Your removal log and the pace's counts are kept.");
    return parts.join(" ");
  }

  function closeRestoreConfirm() {
    page.pendingRestore = null;
    show(ui.restoreConfirm, false);
    ui.restoreInput.value = "";
  }

  return {
    exportCsv,
    importCsv,
    downloadBackup,
    chooseRestoreFile,
    confirmRestore,
    closeRestoreConfirm,
  };
}
