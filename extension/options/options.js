// @ts-check
// The options page: the removal pace. It reads storage.local.queue (the
// settings in force), follows its changes, and sends the member's settings to
// the background (pacing.js); like the review page it never writes storage.
//
// Exports: `startOptions(doc, { extension })` wires the page; the bootstrap at
// the bottom runs only inside options.html.

import { api } from "../lib/browser.js";
import { loadCore } from "../lib/core.js";
import { createTimers } from "../lib/timers.js";
import { asObject } from "../lib/dom.js";
import { messageOf } from "../lib/format.js";
import { localise, t } from "../lib/i18n.js";
import { buildPacingFields, createPacing, pacingDefaults, pacingElements } from "./pacing.js";

/**
 * Starts the options page on `doc`.
 *
 * @param {Document} doc options.html
 * @param {{ extension: any, loadCore: () => Promise<{ pacingLimits(): any }> }} options
 *   `extension` is the extension API (`browser` or `chrome`); `loadCore`
 *   returns the Core class once the wasm is initialised: the pacing limits
 *   and defaults are the core's (`Core.pacingLimits()`), never copies.
 * @returns {{ ready: Promise<void>, stop: () => void }}
 */
export function startOptions(doc, { extension, loadCore }) {
  localise(doc, extension);
  const timers = createTimers();
  const later = timers.later;
  /** Counts `queue` changes, so the first read does not draw an older value over a newer one. */
  let queueChanges = 0;
  buildPacingFields(doc);
  const ui = pacingElements(doc);
  /** @type {import("./pacing.js").PacingPage | null} */
  let page = null;
  /** @type {ReturnType<typeof createPacing> | null} */
  let pacing = null;
  let stopped = false;

  /**
   * @param {Record<string, { newValue?: unknown }>} changes
   * @param {string} area
   */
  const onStorageChanged = (changes, area) => {
    if (area !== "local" || stopped || !("queue" in changes)) return;
    queueChanges += 1;
    if (!page || !pacing) return; // the load reads it
    page.queueStore = asObject(changes.queue.newValue);
    pacing.adoptStoredPacing();
  };
  extension?.storage?.onChanged?.addListener(onStorageChanged);

  async function load() {
    let limits;
    try {
      limits = (await loadCore()).pacingLimits();
    } catch (error) {
      ui.pacingStatus.textContent = t("coreCouldNotStart", messageOf(error));
      ui.pacingStatus.classList.add("is-error");
      return;
    }
    const before = queueChanges;
    /** @type {any} */
    let queue = null;
    try {
      const stored = (await extension?.storage?.local?.get(["queue"])) ?? {};
      queue = stored.queue ?? null;
    } catch {
      // The defaults stand; saving still asks the background.
    }
    if (stopped) return;
    if (queueChanges !== before) {
      // A change seen while the read was out is newer than what it answered.
      queue = (await extension.storage.local.get(["queue"]))?.queue ?? null;
    }
    const at = /** @type {import("./pacing.js").PacingPage} */ ({
      doc,
      ui,
      extension,
      pacingDirty: new Set(),
      later,
      stopped: false,
      pacingInForce: pacingDefaults(limits),
      pacingSending: false,
      queueStore: asObject(queue),
      limits,
    });
    page = at;
    const parts = createPacing(at);
    pacing = parts;
    ui.pacingForm.addEventListener("submit", parts.savePacing);
    ui.restorePacing.addEventListener("click", parts.restorePacingDefaults);
    ui.pacingForm.addEventListener("input", parts.onPacingEdited);
    ui.pacingForm.addEventListener("change", parts.onPacingEdited);
    // A field left unchanged catches up with the settings in force once it
    // loses focus (a storage change skipped it while it had focus).
    ui.pacingForm.addEventListener("focusout", () =>
      later(() => {
        if (!at.stopped) parts.fillPacing(at.pacingInForce, false);
      }, 0),
    );
    parts.adoptStoredPacing();
  }

  return {
    ready: load(),
    stop() {
      stopped = true;
      if (page) page.stopped = true;
      timers.clear();
      extension?.storage?.onChanged?.removeListener(onStorageChanged);
    },
  };
}

// Bootstrap: only in options.html itself.
if (typeof document !== "undefined" && document.querySelector("[data-options-root]")) {
  startOptions(document, { extension: api, loadCore });
}
