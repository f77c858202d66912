// @ts-check
// The replica: the page's read-only copy of the core, loaded (the core, then
// the stored network, and storage.local's collection and queue), reloaded
// when the background stores the network again (storage.local's
// networkRevision moves; at most once per RELOAD_INTERVAL_MS,
// keeping the query, selection and scroll), freed by hand (wasm memory is
// not garbage-collected), and the slug <-> index directory over it.

import { asIndices, asObject, show } from "../lib/dom.js";
import { messageOf, trimSentence } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import { isNetworkRecord } from "../lib/network-store.js";
import { EMPTY } from "./rows.js";
import { teachState } from "./teach.js";

/** @typedef {import("./types.js").Page} Page */
/** @typedef {import("./types.js").Replica} Replica */
/** @typedef {import("./types.js").CoreClass} CoreClass */

/** A collection writes the snapshot every few seconds; a replica reload is not free at 30,000 people. */
export const RELOAD_INTERVAL_MS = 500;

/**
 * @param {Page} page
 */
export function createReplica(page) {
  const { ui, extension, loadCore, selected } = page;

  /** Loads (or reloads after an error) the core, the replica and the collection state. */
  function load() {
    page.loadInFlight ??= page.loadOnce().finally(() => {
      page.loadInFlight = null;
    });
    return page.loadInFlight;
  }

  async function loadOnce() {
    show(ui.loading, true);
    show(ui.errorState, false);
    try {
      page.Core ??= await loadCore();
    } catch (error) {
      page.fatal(t("coreCouldNotStart", messageOf(error)));
      return;
    }
    page.renderHelpAndSuggestions();

    const storage = extension?.storage?.local;
    if (!storage?.get) {
      page.fatal(t("storageMissing"));
      return;
    }
    /** @type {Record<string, unknown>} */
    let stored;
    /** @type {unknown} */
    let record;
    try {
      const before = {
        collect: page.collectChanges,
        queue: page.queueChanges,
      };
      [stored, record] = await Promise.all([
        storage.get(["collect", "queue", "teach", "listCollects"]).then((got) => got ?? {}),
        page.readNetwork(),
      ]);
      // A change seen while the read was out is newer than what it answered.
      if (page.collectChanges !== before.collect) delete stored.collect;
      if (page.queueChanges !== before.queue) delete stored.queue;
    } catch (error) {
      page.fatal(t("storageUnreadable", messageOf(error)));
      return;
    }
    try {
      page.adoptSnapshot(record);
    } catch (error) {
      page.fatal(t("snapshotUnreadable", messageOf(error)));
      return;
    }
    if ("collect" in stored || page.collectChanges === 0)
      page.renderCollect(stored.collect ?? null);
    if ("queue" in stored) page.queueStore = asObject(stored.queue);
    page.teach = teachState(stored.teach);
    page.renderLists(stored.listCollects ?? null);
    page.renderQueueLine();
    show(ui.loading, false);
    show(ui.errorState, false);
    show(ui.view, true);
    page.renderPartial();
    page.renderNow();
    prepareSearchWhenIdle();
  }

  /**
   * Once the first rows are drawn, builds the rest of the search index while
   * the page is idle (about 35 ms at 30,000 people), so the member's first
   * keystroke is answered as fast as every other instead of paying for it.
   */
  function prepareSearchWhenIdle() {
    const replica = page.replica;
    if (!replica?.prepareSearch) return;
    const whenIdle =
      typeof globalThis.requestIdleCallback === "function"
        ? (/** @type {() => void} */ run) => globalThis.requestIdleCallback(run, { timeout: 2000 })
        : (/** @type {() => void} */ run) => setTimeout(run, 200);
    whenIdle(() => {
      // A replica replaced or freed meanwhile is not touched.
      if (page.replica === replica && !page.stopped) replica.prepareSearch?.();
    });
  }

  /** @param {string} message */
  function fatal(message) {
    show(ui.loading, false);
    show(ui.view, false);
    ui.errorMessage.textContent = message;
    show(ui.errorState, true);
  }

  /**
   * Makes the stored network `record` the replica, unless the replica is of
   * its revision already. Throws (and keeps the old replica) when the core
   * cannot read it.
   *
   * @param {unknown} record the stored network (lib/network-store.js), or undefined
   */
  function adoptSnapshot(record) {
    if (record === undefined || record === null) {
      page.replaceReplica(null, null);
    } else if (!isNetworkRecord(record)) {
      throw new Error(t("snapshotWrongForm"));
    } else if (record.revision !== page.replicaRevision) {
      const next = /** @type {CoreClass} */ (page.Core).restoreStored(record.bytes);
      page.replaceReplica(next, record.revision);
    }
  }

  /**
   * @param {Replica | null} next
   * @param {number | null} revision the stored network's revision it was read from
   */
  function replaceReplica(next, revision) {
    const previous = page.replica;
    page.replica = next;
    page.replicaRevision = revision;
    page.directory = null;
    page.everyone = next ? asIndices(next.query("", Date.now())) : EMPTY;
    // wasm memory is not garbage-collected: the old replica is freed by hand.
    if (previous && previous !== next) previous.free?.();
    // What the data archive says, before any row or detail is drawn from it.
    page.renderArchive();

    for (const slug of selected.keys()) selected.set(slug, page.indexOfSlug(slug));
    if (page.detailsRow) {
      const index = page.indexOfSlug(page.detailsRow.slug);
      if (index >= 0 && page.replica) {
        page.detailsRow = page.replica.rows(Uint32Array.of(index))[0] ?? page.detailsRow;
        page.renderDetails();
      }
    }
    page.renderSavedQueries();
    const empty = page.everyone.length === 0;
    show(ui.emptyState, empty);
    show(ui.resultsView, !empty);
    // Opens "Data and settings" too while there is collecting left to do.
    page.renderPartial();
    page.queryDirty = true;
    page.scheduleRender();
  }

  /** Reloads the replica from storage, at most once per RELOAD_INTERVAL_MS. */
  function requestReload() {
    if (page.reloadTimer !== null || page.stopped) return;
    const wait = Math.max(0, page.lastReloadAt + RELOAD_INTERVAL_MS - Date.now());
    page.reloadTimer = page.later(page.runReload, wait);
  }

  async function runReload() {
    page.reloadTimer = null;
    if (page.reloading) {
      page.reloadAgain = true;
      return;
    }
    page.reloading = true;
    page.lastReloadAt = Date.now();
    try {
      await page.reload();
    } finally {
      page.reloading = false;
      if (page.reloadAgain && !page.stopped) {
        page.reloadAgain = false;
        page.requestReload();
      }
    }
  }

  /**
   * Re-reads the snapshot into the replica, keeping the query, the
   * selection and the scroll position. Before the page has loaded, a full
   * load instead.
   */
  async function reload() {
    // A change that lands while the page is still loading is read after it.
    if (page.loadInFlight) await page.loadInFlight;
    if (!page.Core || ui.view.hidden) {
      await page.load();
      return;
    }
    try {
      page.adoptSnapshot(await page.readNetwork());
      if (page.staleNotice) {
        page.staleNotice = false;
        page.scheduleRender(true); // redraws the list message from the query's state
      }
    } catch (error) {
      // The last good replica stays on screen; saying so beats a blank page.
      page.staleNotice = true;
      ui.listMessage.textContent = t("staleReplica", trimSentence(messageOf(error)));
      show(ui.listMessage, true);
    }
  }

  /** @returns {{ slugOf: string[], indexOf: Map<string, number> }} */
  function getDirectory() {
    if (!page.directory) {
      /** @type {string[]} */
      const slugOf = [];
      const indexOf = new Map();
      if (page.replica && page.everyone.length) {
        // Only the keys: 30,000 full rows would be built just to read one field.
        const slugs = page.replica.slugs(page.everyone);
        page.everyone.forEach((index, k) => {
          slugOf[index] = slugs[k];
          if (slugs[k]) indexOf.set(slugs[k], index);
        });
      }
      page.directory = { slugOf, indexOf };
    }
    return page.directory;
  }

  /** @param {string} slug */
  function indexOfSlug(slug) {
    if (!page.replica || !slug) return -1;
    return page.getDirectory().indexOf.get(slug) ?? -1;
  }

  return {
    load,
    loadOnce,
    fatal,
    adoptSnapshot,
    replaceReplica,
    requestReload,
    runReload,
    reload,
    getDirectory,
    indexOfSlug,
  };
}
