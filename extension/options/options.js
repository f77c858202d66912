// @ts-check
// The options page: the removal pace. It reads storage.local.queue (the
// settings in force), follows its changes, and sends the member's settings to
// the background (pacing.js); like the review page it never writes storage.
//
// Exports: `startOptions(doc, { extension })` wires the page; the bootstrap at
// the bottom runs only inside options.html.

import { api } from "../lib/browser.js";
import { asObject } from "../lib/dom.js";
import { createPacing, pacingElements, PACING_DEFAULTS } from "./pacing.js";

/**
 * Starts the options page on `doc`.
 *
 * @param {Document} doc options.html
 * @param {{ extension: any }} options the extension API (`browser` or `chrome`)
 * @returns {{ ready: Promise<void>, stop: () => void }}
 */
export function startOptions(doc, { extension }) {
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const timers = new Set();
  /** Counts `queue` changes, so the first read does not draw an older value over a newer one. */
  let queueChanges = 0;
  /** @type {import("./pacing.js").PacingPage} */
  const page = {
    doc,
    ui: pacingElements(doc),
    extension,
    pacingDirty: new Set(),
    later,
    stopped: false,
    pacingInForce: { ...PACING_DEFAULTS },
    pacingSending: false,
    queueStore: null,
  };
  const pacing = createPacing(page);
  const { ui } = page;

  /**
   * @param {() => void} callback
   * @param {number} ms
   */
  function later(callback, ms) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      callback();
    }, ms);
    timers.add(timer);
    return timer;
  }

  ui.pacingForm.addEventListener("submit", pacing.savePacing);
  ui.restorePacing.addEventListener("click", pacing.restorePacingDefaults);
  ui.pacingForm.addEventListener("input", pacing.onPacingEdited);
  ui.pacingForm.addEventListener("change", pacing.onPacingEdited);
  // A field left unchanged catches up with the settings in force once it
  // loses focus (a storage change skipped it while it had focus).
  ui.pacingForm.addEventListener("focusout", () =>
    later(() => {
      if (!page.stopped) pacing.fillPacing(page.pacingInForce, false);
    }, 0),
  );

  /**
   * @param {Record<string, { newValue?: unknown }>} changes
   * @param {string} area
   */
  const onStorageChanged = (changes, area) => {
    if (area !== "local" || page.stopped || !("queue" in changes)) return;
    queueChanges += 1;
    page.queueStore = asObject(changes.queue.newValue);
    pacing.adoptStoredPacing();
  };
  extension?.storage?.onChanged?.addListener(onStorageChanged);

  async function load() {
    const before = queueChanges;
    try {
      const stored = (await extension?.storage?.local?.get(["queue"])) ?? {};
      if (queueChanges === before && "queue" in stored) page.queueStore = asObject(stored.queue);
    } catch {
      // The defaults stand; saving still asks the background.
    }
    pacing.adoptStoredPacing();
  }

  return {
    ready: load(),
    stop() {
      page.stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      extension?.storage?.onChanged?.removeListener(onStorageChanged);
    },
  };
}

// Bootstrap: only in options.html itself.
if (typeof document !== "undefined" && document.querySelector("[data-options-root]")) {
  startOptions(document, { extension: api });
}
