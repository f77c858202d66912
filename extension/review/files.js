// @ts-check
// Files: export of the selection (or the matches) as CSV, import of
// LinkedIn's Connections.csv with its report, backup download and restore
// (after a confirmation).

import { sendMessage, BackgroundError } from "../lib/browser.js";
import { csvParts, localDate, saveFile } from "../lib/download.js";
import { formatCount, messageOf } from "../lib/format.js";
import { t, tn, tnAs } from "../lib/i18n.js";
import { paragraph, setStatus, show } from "../lib/dom.js";
import { isNetworkRecord } from "../lib/network-store.js";

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
/**
 * The words after a figure shown apart ("rows read"), in the plural form of n.
 *
 * @param {string} key
 * @param {number} n
 */
const tnWords = (key, n) => tnAs(key, n, "");

export function createFiles(page) {
  const { doc, extension, selected, ui, win } = page;

  function exportCsv() {
    if (!page.replica) return;
    const indices = selected.size ? page.selectedIndices() : page.matches;
    if (indices.length === 0) {
      setStatus(ui.actionStatus, t("exportNoOne"), true);
      return;
    }
    let csv;
    try {
      csv = page.replica.exportCsv(indices);
    } catch (error) {
      setStatus(ui.actionStatus, t("exportFailed", messageOf(error)), true);
      return;
    }
    const name = `netprune-${localDate(Date.now())}.csv`;
    saveFile(doc, csvParts(csv), "text/csv;charset=utf-8", name, page.later);
    const missing = selected.size - indices.length;
    setStatus(
      ui.actionStatus,
      tn("exported", indices.length, name) +
        (missing > 0 ? ` ${tn("exportMissing", missing)}` : ""),
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
      reader.onerror = () => reject(reader.error ?? new Error(t("fileUnreadable")));
      if (as === "buffer") reader.readAsArrayBuffer(file);
      else reader.readAsText(file, "utf-8");
    });
  }

  async function importCsv() {
    const file = ui.importInput.files?.[0];
    if (!file) return;
    show(ui.importReport, true);
    ui.importReport.replaceChildren(paragraph(doc, t("importing", file.name)));
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
      const heading = paragraph(doc, t("importRefused", file.name));
      heading.className = "report-title is-error";
      ui.importReport.replaceChildren(
        heading,
        paragraph(doc, refused ? messageOf(error) : `${messageOf(error)}`),
        paragraph(doc, t("nothingChanged")),
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
    const title = paragraph(doc, t("imported", name));
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
      ["rows", report.rows, tnWords("importRows", Number(report.rows) || 0)],
      ["matched", report.matched, tnWords("importMatched", Number(report.matched) || 0)],
      ["added", report.added, tnWords("importAdded", Number(report.added) || 0)],
      ["unmatched", report.unmatched, tnWords("importUnmatched", Number(report.unmatched) || 0)],
      ["skipped", skipped.length, tnWords("importSkipped", skipped.length)],
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
        item.textContent = t("importLine", line, reason);
        lines.append(item);
      }
      if (skipped.length > SKIPPED_SHOWN_INLINE) {
        const fold = doc.createElement("details");
        const foldSummary = doc.createElement("summary");
        foldSummary.textContent = t("importShowSkipped", formatCount(skipped.length));
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
      const record = await page.readNetwork();
      if (record === undefined || record === null) {
        setStatus(ui.backupStatus, t("backupNothing"), true);
        return;
      }
      if (!isNetworkRecord(record)) throw new Error(t("snapshotWrongForm"));
      // The core writes the backup; a replica a moment behind storage is
      // not used for it.
      let source = page.replica;
      if (record.revision !== page.replicaRevision || !source) {
        fresh = /** @type {CoreClass} */ (page.Core).restoreStored(record.bytes);
        source = fresh;
      }
      const now = Date.now();
      const json = source.backupJson(now);
      const name = `netprune-backup-${localDate(now)}.json`;
      saveFile(doc, [json], "application/json", name, page.later);
      setStatus(ui.backupStatus, t("backupSaved", name));
    } catch (error) {
      setStatus(ui.backupStatus, t("backupFailed", messageOf(error)), true);
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
      setStatus(ui.backupStatus, t("restoreUnreadable", file.name, messageOf(error)), true);
      ui.restoreInput.value = "";
      return;
    }
    // The core keeps safety as it is (background.js, "restore-backup"): the
    // member is told before confirming.
    ui.restoreConfirmText.textContent = t("restoreExplained", file.name);
    show(ui.restoreConfirm, true);
    ui.restoreCancel.focus();
  }

  async function confirmRestore() {
    const pending = page.pendingRestore;
    closeRestoreConfirm();
    if (!pending) return;
    setStatus(ui.backupStatus, t("restoring", pending.name));
    try {
      const answer = await sendMessage({ type: "restore-backup", text: pending.text }, extension);
      setStatus(ui.backupStatus, restoredText(pending.name, answer?.report));
    } catch (error) {
      setStatus(ui.backupStatus, `${messageOf(error)} ${t("nothingChanged")}`, true);
    }
    ui.restoreInput.focus();
  }

  /**
   * What a restore did, in words.
   * @param {string} name
   * @param {{ notRequeued?: number, cancelled?: number, inFlight?: string | null, keptRemoved?: number } | undefined} report
   */
  function restoredText(name, report) {
    const parts = [t("restored", name)];
    const waiting = (report?.notRequeued ?? 0) + (report?.cancelled ?? 0);
    if (waiting > 0) parts.push(tnAs("restoreNotRequeued", waiting, String(waiting)));
    if (report?.inFlight) parts.push(t("restoreInFlight", report.inFlight));
    const keptRemoved = report?.keptRemoved ?? 0;
    if (keptRemoved > 0) parts.push(tnAs("restoreKeptRemoved", keptRemoved, String(keptRemoved)));
    parts.push(t("restoreLogKept"));
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
