// @ts-check
// The review page: the member's whole network in one list, with a query box,
// selection, keep, a histogram of connection dates, import, export, backup,
// collection, queueing the selection for removal, and the removal pace.
//
// This module owns the page's shared state (`page`, see types.js), loading
// and reloading the replica, drawing at most once per animation frame, and
// wiring the controls to the parts, each in its own module:
//   query-box.js      the query box, suggested and saved queries
//   list.js           the virtualized list, its tab stop, the details panel
//   keyboard.js       moves, Space and Shift ranges, "/", "a", "?", Escape
//   histogram.js      the connection-date histogram
//   selection.js      selection and keep
//   files.js          export, import, backup and restore
//   archive.js        LinkedIn's data archive: read here, merged by the background
//   collect-panel.js  collecting the connections list
//   page-check.js     "Check this page"
//   queue-dialog.js   the confirmation before anyone is queued for removal
//   replica.js        loading and reloading the replica of the core
//   rows.js, elements.js  row markup and the page's elements
//
// It holds a read-only replica of the core (docs/ARCHITECTURE.md, "Reviewing
// the whole network"): restored from the stored network (lib/network-store.js),
// queried here so filtering 30,000 people never crosses a message boundary,
// and reloaded when the background stores it again. It never writes
// storage: every change (keep, import, restore, saved queries, collection,
// queueing, pace) is a message to the background, and its effect comes back
// as a new stored network.
//
// People's text (names, headlines, companies) is whatever LinkedIn or a CSV
// file held, markup, formulas and bidi controls included, so it is drawn with
// textContent only and isolated with dir="auto".
//
// Exports: `startReview(doc, { extension, loadCore })` wires the page; the
// pure helpers the tests use are re-exported. The bootstrap at the bottom
// runs only inside review.html.

import { api, sendMessage } from "../lib/browser.js";
import { loadArchiveReader as loadReader, loadCore } from "../lib/core.js";
import { readNetwork as readStored, REVISION_KEY } from "../lib/network-store.js";
import { createTimers } from "../lib/timers.js";
import { createPageCheck } from "./page-check.js";
import { createReplica } from "./replica.js";
import { createQueryBox, DEFAULT_COMPANY_QUERY } from "./query-box.js";
import { createList } from "./list.js";
import { createHistogram } from "./histogram.js";
import { createSelection } from "./selection.js";
import { createFiles } from "./files.js";
import { createArchive } from "./archive.js";
import { createCollectPanel } from "./collect-panel.js";
import { createQueueDialog } from "./queue-dialog.js";
import { createTeach, teachState } from "./teach.js";
import { createKeyboard } from "./keyboard.js";
import { elements } from "./elements.js";
import { asObject, setStatus } from "../lib/dom.js";
import { messageOf, monthFormat } from "../lib/format.js";
import { localise, t } from "../lib/i18n.js";
import { EMPTY } from "./rows.js";
import { COMPANY_PLACEHOLDER, withContactFilter, withYearFilter } from "./query-box.js";
/** @typedef {import("./types.js").Page} Page */

/** @typedef {import("./types.js").Row} Row */
/** @typedef {import("./types.js").Collect} Collect */
/** @typedef {import("./types.js").PacingSettings} PacingSettings */
/** @typedef {import("./types.js").QueueStore} QueueStore */
/** @typedef {import("./types.js").Replica} Replica */
/** @typedef {import("./types.js").CoreClass} CoreClass */

export { ROW_HEIGHT, initialsOf, profileLinkOf } from "./rows.js";
export { describeConnected } from "../lib/format.js";
export { toBase64 } from "./files.js";
export { withContactFilter, contactFilterOf, withYearFilter, yearFilterOf } from "./query-box.js";

/**
 * Starts the review page on `doc`.
 *
 * @param {Document} doc review.html
 * @param {{ extension: any, loadCore: () => Promise<CoreClass>,
 *   readNetwork?: () => Promise<unknown>,
 *   loadArchiveReader?: () => Promise<new () => import("./types.js").ArchiveReader> }} options
 *   `extension` is the extension API (`browser` or `chrome`); `loadCore`
 *   returns the Core class once the wasm is initialised; `readNetwork`
 *   answers the stored network's record (lib/network-store.js, by default);
 *   `loadArchiveReader` the same core's ArchiveReader class.
 * @returns {{ ready: Promise<void>, reload: () => Promise<void>, stop: () => void }}
 *   `ready` settles once the first state (data, empty or error) is drawn.
 */
export function startReview(
  doc,
  { extension, loadCore, readNetwork = () => readStored(), loadArchiveReader = loadReader },
) {
  const win = /** @type {Window & typeof globalThis} */ (doc.defaultView ?? globalThis);
  localise(doc, extension);
  // The legend's example of an approximate date, in the page's language.
  const legendDate = doc.getElementById("legend-approximate");
  if (legendDate) legendDate.textContent = `~${monthFormat().format(Date.UTC(2024, 10, 1))}`;

  const ui = elements(doc);

  /** Selected people: slug -> index in the current replica (-1 when not in it). */
  const selected = new Map();
  /** The rows now in the DOM, by key. */
  const rendered = new Map();
  /** @type {WeakMap<Element, Row>} */
  const rowData = new WeakMap();
  const timers = createTimers();
  /** @type {Page} */
  const page = /** @type {any} */ ({
    doc,
    win,
    ui,
    extension,
    loadCore,
    readNetwork,
    loadArchiveReader,
    selected,
    rendered,
    rowData,
    Core: null,
    replica: null,
    replicaRevision: null,
    everyone: EMPTY,
    directory: null,
    matches: EMPTY,
    matchMarks: new Uint8Array(0),
    queryFailure: null,
    activePosition: 0,
    selectionAnchor: null,
    detailsRow: null,
    queryDirty: true,
    dataSettingsChosen: false,
    frameRequested: false,
    stopped: false,
    reloadTimer: null,
    lastReloadAt: -Infinity,
    reloading: false,
    reloadAgain: false,
    pendingRestore: null,
    collect: null,
    companyTemplate: DEFAULT_COMPANY_QUERY,
    loadInFlight: null,
    collectChanges: 0,
    staleNotice: false,
    queueStore: null,
    queueChanges: 0,
    queuePlan: null,
    selectionView: null,
    pageCheck: null,
    teach: null,
    archive: null,
    histogramMode: "year",
    importing: false,
  });

  const requestFrame =
    typeof win.requestAnimationFrame === "function"
      ? (/** @type {() => void} */ callback) => win.requestAnimationFrame(callback)
      : (/** @type {() => void} */ callback) => page.later(callback, 16);

  Object.assign(
    page,
    { later: timers.later, requestFrame, scheduleRender, renderNow, ask },
    createReplica(page),
    createQueryBox(page),
    createList(page),
    createHistogram(page),
    createSelection(page),
    createFiles(page),
    createArchive(page),
    createCollectPanel(page),
    createPageCheck(page),
    createQueueDialog(page),
    createTeach(page),
  );
  const { stopKeyboard } = createKeyboard(page);

  // Rendering, at most once per animation frame.

  /** @param {boolean} [requery] */
  function scheduleRender(requery = false) {
    if (requery) page.queryDirty = true;
    if (page.frameRequested || page.stopped) return;
    page.frameRequested = true;
    requestFrame(() => {
      page.frameRequested = false;
      if (!page.stopped) page.renderNow();
    });
  }

  function renderNow() {
    if (page.queryDirty) {
      page.queryDirty = false;
      page.runQuery();
      page.renderQueryState();
      page.renderArchiveHint();
      page.renderHistogram();
    }
    page.renderSelection();
    page.renderWindow();
  }

  /**
   * Sends one change to the background. Answers null after showing a
   * failure in `statusLine`.
   *
   * @param {object} message
   * @param {HTMLElement} statusLine
   * @param {string} failurePrefix
   */
  async function ask(message, statusLine, failurePrefix) {
    try {
      return await sendMessage(message, extension);
    } catch (error) {
      setStatus(statusLine, t("failedBecause", failurePrefix, messageOf(error)), true);
      return null;
    }
  }

  /** @type {import("./page-check.js").PageCheck | null} the last page check */

  // Wiring.

  ui.retry.addEventListener("click", async () => {
    await page.load();
    if (!ui.view.hidden) ui.main.focus();
  });

  ui.input.addEventListener("input", page.onQueryEdited);

  ui.queryErrorSelect.addEventListener("click", () => {
    const position = page.queryFailure?.position;
    if (typeof position !== "number") return;
    ui.input.focus();
    ui.input.setSelectionRange(position, page.fragmentEnd(ui.input.value, position));
  });

  ui.companyForm.addEventListener("submit", (event) => {
    event.preventDefault();
    // Quotes would end the quoted value early; no company name needs them.
    const company = ui.companyInput.value.replace(/"/g, "").replace(/\s+/g, " ").trim();
    if (!company) {
      ui.companyInput.focus();
      return;
    }
    page.toggleCompanyForm(false);
    ui.companyInput.value = "";
    page.setQuery(page.companyTemplate.split(COMPANY_PLACEHOLDER).join(company));
  });

  ui.companyCancel.addEventListener("click", () => {
    page.toggleCompanyForm(false);
    doc.getElementById("company-prompt")?.focus();
  });

  ui.saveForm.addEventListener("submit", (event) => {
    event.preventDefault();
    page.saveQuery();
  });

  ui.selectAll.addEventListener("click", page.selectAllMatching);

  ui.clearSelection.addEventListener("click", page.clearSelection);

  ui.showSelected.addEventListener("click", page.showSelection);

  ui.selectionViewBack.addEventListener("click", () => page.leaveSelectionView(true));

  ui.clearSearch.addEventListener("click", page.clearSearch);

  ui.keepSelected.addEventListener("click", () => page.setKept(true));

  ui.unkeepSelected.addEventListener("click", () => page.setKept(false));

  ui.exportCsv.addEventListener("click", page.exportCsv);

  ui.moreToggle.addEventListener("click", () =>
    page.setMoreOpen(ui.moreToggle.getAttribute("aria-expanded") !== "true"),
  );

  // The "More" menu closes once one of its actions is chosen.
  ui.moreItems.addEventListener("click", (event) => {
    if (/** @type {Element} */ (event.target).closest(".menu-item")) page.setMoreOpen(false);
  });

  ui.collectRest.addEventListener("click", page.startCollect);

  ui.queueSelected.addEventListener("click", page.openQueueDialog);

  ui.confirmQueue.addEventListener("click", page.confirmQueue);
  for (const button of [ui.kindRemove, ui.kindWithdraw, ui.kindUnfollow]) {
    button.addEventListener("click", () =>
      page.chooseKind(/** @type {any} */ (button.dataset.kind)),
    );
  }

  ui.queueCancel.addEventListener("click", page.closeQueueDialog);

  ui.below500Ack.addEventListener("change", page.updateConfirm);

  ui.dryRun.addEventListener("change", page.updateConfirm);

  ui.queueDialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      page.closeQueueDialog();
    } else if (event.key === "Tab") {
      page.trapTab(event);
    }
  });

  // The browser's own ways of closing a modal (Escape when the keydown did
  // not reach the dialog): the same cancel, with focus given back.
  ui.queueDialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    page.closeQueueDialog();
  });

  ui.queueDialog.addEventListener("close", page.closeQueueDialog);

  // The removal pace lives on the options page (options/options.html).
  ui.openOptions.addEventListener("click", (event) => {
    if (typeof extension?.runtime?.openOptionsPage !== "function") return;
    event.preventDefault();
    extension.runtime.openOptionsPage();
  });
  ui.histogram.addEventListener("click", (event) => {
    const target = /** @type {Element} */ (event.target);
    const bar = /** @type {HTMLElement | null} */ (target.closest("[data-year]"));
    const contact = /** @type {HTMLElement | null} */ (target.closest("[data-contact]"));
    if (bar) ui.input.value = withYearFilter(ui.input.value, Number(bar.dataset.year));
    else if (contact)
      ui.input.value = withContactFilter(ui.input.value, String(contact.dataset.contact));
    else return;
    page.onQueryEdited();
  });

  ui.histogramMode.addEventListener("change", () => {
    page.histogramMode = ui.histogramMode.value === "contact" ? "contact" : "year";
    page.renderHistogram();
  });

  ui.archiveHintImport.addEventListener("click", page.goToArchiveImport);

  /** Whether the check box being changed was shift-clicked (a range). */
  let rangeClicked = false;

  ui.list.addEventListener("change", (event) => {
    const box = /** @type {HTMLInputElement} */ (event.target);
    if (!box.classList.contains("row-select")) return;
    const element = /** @type {HTMLElement} */ (box.closest('[data-testid="person-row"]'));
    const row = rowData.get(element);
    if (!row?.slug) return;
    // A shift-click selected a range ending here: this one stays selected.
    if (rangeClicked) box.checked = true;
    rangeClicked = false;
    if (box.checked) selected.set(row.slug, row.index);
    else selected.delete(row.slug);
    page.selectionAnchor = Number(element.dataset.position);
    element.classList.toggle("is-selected", box.checked);
    page.renderSelection();
  });

  ui.list.addEventListener("click", (event) => {
    // Shift and a click on a check box: everyone from the last one chosen.
    const target = /** @type {Element} */ (event.target);
    const mouse = /** @type {MouseEvent} */ (event);
    if (mouse.shiftKey && target.classList.contains("row-select")) {
      const element = /** @type {HTMLElement} */ (target.closest('[data-testid="person-row"]'));
      const position = Number(element.dataset.position);
      if (page.selectionAnchor !== null && page.selectionAnchor !== position) {
        // Not cancelled: a cancelled click puts the box back after this
        // handler, so the box would not show what the selection holds.
        rangeClicked = true;
        page.selectRange(page.selectionAnchor, position);
        return;
      }
    }
    const main = /** @type {Element} */ (event.target).closest(".row-main");
    if (main)
      page.openDetails(/** @type {HTMLElement} */ (main.closest('[data-testid="person-row"]')));
  });

  ui.list.addEventListener("focusin", (event) => {
    const element = /** @type {HTMLElement | null} */ (
      /** @type {Element} */ (event.target).closest('[data-testid="person-row"]')
    );
    if (!element) return;
    page.activePosition = Number(element.dataset.position);
    page.updateTabStop();
  });

  ui.scroller.addEventListener("scroll", () => page.scheduleRender(), { passive: true });

  win.addEventListener("resize", onResize);

  /** @type {ResizeObserver | null} */
  const resizeObserver = win.ResizeObserver ? new win.ResizeObserver(onResize) : null;

  resizeObserver?.observe(ui.scroller);

  function onResize() {
    page.scheduleRender();
  }

  ui.detailsClose.addEventListener("click", page.closeDetails);

  ui.details.addEventListener("keydown", (event) => {
    if (event.key === "Escape") page.closeDetails();
  });

  ui.emptyImport.addEventListener("click", () => {
    ui.importInput.focus();
    ui.importInput.click();
  });

  // The member opening or closing "Data and settings" themselves (a click,
  // or Enter or Space on its summary) decides it from then on.
  ui.dataSettings.querySelector("summary")?.addEventListener("click", () => {
    page.dataSettingsChosen = true;
  });

  // A file chosen (also from the empty state's button): its report shows
  // in "Data and settings", so that section is open.
  for (const input of [ui.importInput, ui.archiveInput, ui.restoreInput]) {
    input.addEventListener("change", () => {
      ui.dataSettings.open = true;
    });
  }

  ui.importInput.addEventListener("change", page.importCsv);

  ui.archiveInput.addEventListener("change", page.importArchive);

  ui.collectAll.addEventListener("click", page.startCollect);

  for (const button of [ui.collectInvitations, ui.collectFollowing, ui.collectFollowers]) {
    button.addEventListener("click", () =>
      page.startListCollect(/** @type {any} */ (button.dataset.list)),
    );
  }

  ui.pageCheck.addEventListener("click", page.runPageCheck);

  ui.pageCheckCopy.addEventListener("click", page.copyPageCheck);

  ui.collectStop.addEventListener("click", page.stopCollect);

  ui.showGone.addEventListener("click", () => page.setQuery("is:gone"));

  ui.backupDownload.addEventListener("click", page.downloadBackup);

  ui.restoreInput.addEventListener("change", page.chooseRestoreFile);

  ui.restoreConfirmButton.addEventListener("click", page.confirmRestore);

  ui.restoreCancel.addEventListener("click", () => {
    page.closeRestoreConfirm();
    setStatus(ui.backupStatus, t("restoreCancelled"));
    ui.restoreInput.focus();
  });

  ui.restoreConfirm.addEventListener("keydown", (event) => {
    if (event.key === "Escape") ui.restoreCancel.click();
  });

  /**
   * @param {Record<string, { newValue?: unknown }>} changes
   * @param {string} area
   */
  const onStorageChanged = (changes, area) => {
    if (area !== "local" || page.stopped) return;
    if ("collect" in changes) {
      page.collectChanges += 1;
      page.renderCollect(/** @type {Collect | null} */ (changes.collect.newValue ?? null));
    }
    if ("queue" in changes) {
      page.queueChanges += 1;
      page.queueStore = asObject(changes.queue.newValue);
      page.renderQueueLine();
    }
    if ("teach" in changes) {
      page.teach = teachState(changes.teach.newValue);
      page.renderTeach();
    }
    if ("listCollects" in changes) page.renderLists(changes.listCollects.newValue ?? null);
    if (REVISION_KEY in changes) page.requestReload();
  };

  extension?.storage?.onChanged?.addListener(onStorageChanged);

  return {
    ready: page.load(),
    reload: page.reload,
    stop() {
      page.stopped = true;
      timers.clear();
      stopKeyboard();
      extension?.storage?.onChanged?.removeListener(onStorageChanged);
      win.removeEventListener("resize", onResize);
      resizeObserver?.disconnect();
      page.replica?.free?.();
      page.replica = null;
    },
  };
}

// ---------------------------------------------------------------------------
// Bootstrap: only in review.html itself. Imported elsewhere (node, another
// page), this module only defines functions. The core is imported
// dynamically so that importing this module never needs the built wasm glue.
if (typeof document !== "undefined" && document.querySelector("[data-review-root]")) {
  startReview(document, { extension: api, loadCore });
}
