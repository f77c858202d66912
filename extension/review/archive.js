// @ts-check
// LinkedIn's data archive on the review page: reading it here, in the page's
// own core (an ArchiveReader, one file at a time), so the archive's bytes
// never leave the page; only the reader's digest (counts and dates, never a
// message's text) goes to the background, which merges it (message
// "import-archive") and stores the network; its report shows in the one
// import report both imports share. Also the archive's status line (how old
// the interaction data is, the way to a newer copy), the hint a query about
// messages gets when there is no archive, and the words of a person's
// interaction (the list's "Last contact" column and the details).

import { sendMessage } from "../lib/browser.js";
import { formatCount, messageOf, trimSentence } from "../lib/format.js";
import { t, tn, tnAs } from "../lib/i18n.js";
import { listOf, paragraph, show } from "../lib/dom.js";

/** @typedef {import("./types.js").Page} Page */
/** @typedef {import("./types.js").Contact} Contact */
/** @typedef {import("./types.js").ArchiveInfo} ArchiveInfo */
/** @typedef {import("./types.js").ArchiveReport} ArchiveReport */
/** @typedef {import("./types.js").FileReport} FileReport */
/** @typedef {import("./types.js").ArchiveReader} ArchiveReader */

/** The message keys of the kinds of file the reader recognises. */
export const KIND_WORDS = {
  connections: "archiveKindConnections",
  messages: "archiveKindMessages",
  invitations: "archiveKindInvitations",
  endorsementsReceived: "archiveKindEndorsementsReceived",
  endorsementsGiven: "archiveKindEndorsementsGiven",
  recommendationsReceived: "archiveKindRecommendationsReceived",
  recommendationsGiven: "archiveKindRecommendationsGiven",
};

/** Query terms that read the archive's messages. */
const MESSAGE_TERMS = /(^|[\s(-])(messaged|messages):/i;

/** Query terms that read any part of the archive. */
const ARCHIVE_TERMS = /(^|[\s(-])(invited:(me|them)|endorsed:|sort:-?contact)/i;

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` as a UTC time, or null. @param {unknown} day */
export function dayMs(day) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(day ?? ""));
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

/**
 * Whole days from `day` (`YYYY-MM-DD`) to `nowMs`, never below 0; null for no day.
 * @param {string | null | undefined} day
 * @param {number} nowMs
 */
export function daysSince(day, nowMs) {
  const at = dayMs(day);
  return at === null ? null : Math.max(0, Math.floor((nowMs - at) / DAY_MS));
}

/**
 * Whether `query` needs the archive, and which part: "messages" for the
 * message terms, "any" for the others, null when it reads nothing of it.
 * @param {string} query
 * @returns {"messages" | "any" | null}
 */
export function archiveTermsIn(query) {
  if (MESSAGE_TERMS.test(query)) return "messages";
  if (ARCHIVE_TERMS.test(query)) return "any";
  return null;
}

/**
 * A person's last contact for the list's cell: "2021-03-04 · 12 messages",
 * "never messaged" when the archive with messages covers them (the core
 * answers an all-zero contact) and holds none with them, "" when that is
 * unknown: no archive with messages, or they connected after it was made
 * (a null contact).
 *
 * @param {Contact | null | undefined} contact
 * @param {ArchiveInfo | null} archive
 * @returns {{ day: string | null, words: string }}
 */
export function lastContactOf(contact, archive) {
  const last = contact?.lastMessage ?? null;
  if (last) return { day: last, words: tn("contactMessages", Number(contact?.messages) || 0) };
  if (archive?.messages && contact) return { day: null, words: t("contactNever") };
  return { day: null, words: "" };
}

/**
 * The details' lines of a person's interaction: [term, value] pairs, none
 * when the archive says nothing of them.
 *
 * @param {Contact | null | undefined} contact
 * @param {ArchiveInfo | null} archive
 * @returns {[string, string][]}
 */
export function contactFields(contact, archive) {
  if (!archive) return [];
  /** @type {[string, string][]} */
  const fields = [];
  if ((archive.messages && contact) || contact?.lastMessage) {
    if (contact?.lastMessage) {
      fields.push([t("fieldLastMessage"), contact.lastMessage]);
      if (contact.firstMessage) fields.push([t("fieldFirstMessage"), contact.firstMessage]);
      fields.push([
        t("fieldMessages"),
        `${tn("contactMessages", Number(contact.messages) || 0)}: ${t(
          "contactEachWay",
          formatCount(Number(contact.sent) || 0),
          formatCount(Number(contact.received) || 0),
        )}, ${tn("contactConversations", Number(contact.conversations) || 0)}`,
      ]);
    } else {
      fields.push([t("fieldLastMessage"), t("contactNever")]);
    }
  }
  if (contact?.invitedBy) {
    const on = contact.invitedOn ?? t("fieldNotKnown");
    fields.push([
      t("fieldInvitation"),
      contact.invitedBy === "them" ? t("invitedByThem", on) : t("invitedByMember", on),
    ]);
  }
  const given = (/** @type {unknown} */ a, /** @type {unknown} */ b) =>
    t("contactEachWay", formatCount(Number(a) || 0), formatCount(Number(b) || 0));
  if (contact && (contact.endorsementsGiven || contact.endorsementsReceived)) {
    fields.push([
      t("fieldEndorsements"),
      given(contact.endorsementsGiven, contact.endorsementsReceived),
    ]);
  }
  if (contact && (contact.recommendationsGiven || contact.recommendationsReceived)) {
    fields.push([
      t("fieldRecommendations"),
      given(contact.recommendationsGiven, contact.recommendationsReceived),
    ]);
  }
  return fields;
}

/**
 * The words after a figure shown apart ("messages counted"), in the plural form of n.
 * @param {string} key
 * @param {number} n
 */
const tnWords = (key, n) => tnAs(key, n, "");

/**
 * @param {Page} page
 */
export function createArchive(page) {
  const { doc, extension, ui } = page;

  /**
   * @param {File} file
   * @returns {Promise<ArrayBuffer>}
   */
  function readBytes(file) {
    return new Promise((resolve, reject) => {
      const reader = new page.win.FileReader();
      reader.onload = () => resolve(/** @type {ArrayBuffer} */ (reader.result));
      reader.onerror = () => reject(reader.error ?? new Error(t("fileUnreadable")));
      reader.readAsArrayBuffer(file);
    });
  }

  /** @param {boolean} busy */
  function setBusy(busy) {
    page.importing = busy;
    ui.archiveInput.disabled = busy;
    ui.importInput.disabled = busy;
  }

  /**
   * Reads the chosen files one at a time in the page's own reader, then
   * hands the digest to the background. Nothing is stored unless the
   * background merged it; a refusal says nothing changed.
   */
  async function importArchive() {
    const files = [...(ui.archiveInput.files ?? [])];
    if (files.length === 0 || page.importing) return;
    show(ui.importReport, true);
    setBusy(true);
    /** @type {FileReport[]} */
    const read = [];
    /** @type {ArchiveReader | null} */
    let reader = null;
    try {
      const Reader = await page.loadArchiveReader();
      reader = new Reader();
      for (const file of files) {
        ui.importReport.replaceChildren(paragraph(doc, t("archiveReading", file.name)));
        // One file's bytes at a time: a complete archive is large.
        const bytes = new Uint8Array(await readBytes(file));
        try {
          read.push(...listOf(reader.add(file.name, bytes)));
        } catch (error) {
          read.push({ name: file.name, refused: messageOf(error) });
        }
      }
      ui.importReport.replaceChildren(paragraph(doc, t("archiveMerging")));
      const digest = reader.finish();
      // The reader's memory goes back before the background's turn.
      reader.free();
      reader = null;
      const answer = await sendMessage({ type: "import-archive", digest }, extension);
      renderReport(/** @type {ArchiveReport} */ (answer?.report ?? {}), read);
    } catch (error) {
      renderRefusal(error, read);
    } finally {
      reader?.free();
      setBusy(false);
      ui.archiveInput.value = "";
    }
  }

  /**
   * One line per file: what it was read as, refused with its reason, or passed over.
   * @param {FileReport[]} files
   */
  function fileList(files) {
    const list = doc.createElement("ul");
    list.className = "report-files";
    for (const file of files) {
      const item = doc.createElement("li");
      item.dir = "auto";
      const name = String(file?.name ?? "?");
      if (file?.ignored) {
        item.dataset.file = "ignored";
        item.textContent = t("archiveFileIgnored", name, trimSentence(String(file.refused ?? "")));
      } else if (file?.refused || !file?.kind) {
        item.dataset.file = "refused";
        item.className = "is-error";
        item.textContent = t("archiveFileRefused", name, String(file?.refused ?? "?"));
      } else {
        item.dataset.file = file.kind;
        const kind = KIND_WORDS[/** @type {keyof typeof KIND_WORDS} */ (file.kind)];
        const rows = Number(file.rows) || 0;
        const skipped = Number(file.skipped) || 0;
        let line = t("archiveFileRead", name, kind ? t(kind) : file.kind, tn("archiveRows", rows));
        if (skipped > 0) line += ` ${tn("archiveRowsSkipped", skipped)}`;
        item.textContent = line;
      }
      list.append(item);
    }
    return list;
  }

  /**
   * @param {ArchiveReport} report
   * @param {FileReport[]} read what the page's reader said of each file
   */
  function renderReport(report, read) {
    const title = paragraph(doc, t("archiveImported"));
    title.className = "report-title";
    const files = Array.isArray(report.files) && report.files.length ? report.files : read;
    /** @type {HTMLElement[]} */
    const parts = [title, fileList(files)];

    const figures = doc.createElement("ul");
    figures.className = "report-figures";
    /** @type {[string, number, string][]} */
    const rows = [
      ["messages", report.messages, "archiveMessages"],
      ["conversations", report.conversations, "archiveConversations"],
      ["matchedByLink", report.matchedByLink, "archiveMatchedByLink"],
      ["matchedByName", report.matchedByName, "archiveMatchedByName"],
      ["unmatched", report.unmatched, "archiveUnmatched"],
      ["peopleWithContact", report.peopleWithContact, "archiveWithContact"],
    ];
    for (const [key, value, words] of rows) {
      const n = Number(value) || 0;
      const item = doc.createElement("li");
      const number = doc.createElement("span");
      number.className = "figure";
      number.dataset.figure = key;
      number.textContent = formatCount(n);
      item.append(number, ` ${tnWords(words, n)}`);
      figures.append(item);
    }
    parts.push(figures);

    const connections = report.connections;
    if (connections && typeof connections === "object") {
      parts.push(
        paragraph(
          doc,
          t(
            "archiveConnections",
            formatCount(Number(connections.rows) || 0),
            formatCount(Number(connections.matched) || 0),
            formatCount(Number(connections.added) || 0),
            formatCount(Number(connections.unmatched) || 0),
          ),
        ),
      );
    }

    const names = Array.isArray(report.unmatchedNames) ? report.unmatchedNames.map(String) : [];
    if (names.length) {
      const list = doc.createElement("ul");
      list.className = "report-unmatched";
      for (const name of names) {
        const item = doc.createElement("li");
        item.dir = "auto";
        item.textContent = name;
        list.append(item);
      }
      const fold = doc.createElement("details");
      fold.dataset.testid = "import-unmatched";
      const summary = doc.createElement("summary");
      summary.textContent = t("archiveShowUnmatched", formatCount(names.length));
      fold.append(summary, list);
      parts.push(fold);
    }

    const age = daysSince(report.archiveDay, Date.now());
    if (report.olderThanStored) {
      parts.push(paragraph(doc, t("archiveOlder", String(report.previousArchiveDay ?? "?"))));
    }
    if (age !== null) parts.push(paragraph(doc, tn("archiveAgeNow", age)));
    ui.importReport.replaceChildren(...parts);
  }

  /**
   * A refusal (the reader's, or the background's): its reason, what each
   * file was, and that nothing changed.
   * @param {unknown} error
   * @param {FileReport[]} read
   */
  function renderRefusal(error, read) {
    const heading = paragraph(doc, t("archiveRefused"));
    heading.className = "report-title is-error";
    /** @type {HTMLElement[]} */
    const parts = [heading, paragraph(doc, messageOf(error))];
    if (read.length) parts.push(fileList(read));
    parts.push(paragraph(doc, t("nothingChanged")));
    ui.importReport.replaceChildren(...parts);
  }

  /** The status line: the archive's date and age, or that there is none. */
  function renderArchive() {
    /** @type {ArchiveInfo | null} */
    let info;
    try {
      info = page.replica?.archiveInfo?.() ?? null;
    } catch {
      info = null;
    }
    page.archive = info && typeof info === "object" ? info : null;
    const archive = page.archive;
    if (!archive) {
      ui.archiveStatusText.textContent = t("archiveStatusNone");
    } else if (archive.archiveDay) {
      const days = daysSince(archive.archiveDay, Date.now()) ?? 0;
      ui.archiveStatusText.textContent = t(
        "archiveStatusOf",
        archive.archiveDay,
        tn("archiveDaysOld", days),
      );
    } else {
      const imported = new Date(Number(archive.importedMs) || 0).toISOString().slice(0, 10);
      ui.archiveStatusText.textContent = t("archiveStatusImported", imported);
    }
    ui.archiveStatus.dataset.archive = archive ? "yes" : "none";
    renderArchiveHint();
  }

  /** The hint under the query box: a query about messages, and no archive with them. */
  function renderArchiveHint() {
    const needs = archiveTermsIn(ui.input.value);
    const archive = page.archive;
    let text = "";
    if (needs === "messages" && !archive) text = t("archiveHintNone");
    else if (needs === "messages" && !archive?.messages) text = t("archiveHintNoMessages");
    else if (needs === "any" && !archive) text = t("archiveHintNone");
    ui.archiveHintText.textContent = text;
    show(ui.archiveHint, text !== "");
  }

  /** "Import your data archive" from the hint: the input, in "Data and settings". */
  function goToArchiveImport() {
    ui.dataSettings.open = true;
    ui.archiveInput.focus();
  }

  return { importArchive, renderArchive, renderArchiveHint, goToArchiveImport };
}
