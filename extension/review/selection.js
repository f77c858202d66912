// @ts-check
// Selection and keep: the selection bar's count, selecting every match,
// clearing, keep/unkeep through the background, and the selected indices.

import { setStatus } from "../lib/dom.js";
import { formatCount } from "../lib/format.js";
import { t, tn } from "../lib/i18n.js";

/** @typedef {import("./types.js").Page} Page */

/**
 * @param {Page} page
 */
export function createSelection(page) {
  const { selected, ui } = page;

  function renderSelection() {
    ui.selectedCount.textContent = formatCount(selected.size);
    let outside = 0;
    for (const index of selected.values()) {
      if (index < 0 || index >= page.matchMarks.length || page.matchMarks[index] === 0)
        outside += 1;
    }
    ui.selectionOutside.textContent =
      outside > 0 ? t("selectionOutside", formatCount(outside)) : "";
    const none = selected.size === 0;
    ui.queueSelected.disabled = none || page.removalBlocked();
    page.renderTeach();
    ui.clearSelection.disabled = none;
    ui.keepSelected.disabled = none;
    ui.unkeepSelected.disabled = none;
    ui.selectAll.disabled = page.matches.length === 0;
    ui.exportCsv.textContent = none
      ? page.matches.length === page.everyone.length
        ? t("exportEveryone")
        : tn("exportMatches", page.matches.length)
      : tn("exportSelected", selected.size);
    ui.exportCsv.disabled = none && page.matches.length === 0;
  }

  function selectAllMatching() {
    if (!page.replica || page.matches.length === 0) return;
    const { slugOf } = page.getDirectory();
    for (const index of page.matches) {
      const slug = slugOf[index];
      if (slug) selected.set(slug, index);
    }
    setStatus(ui.actionStatus, "");
    renderSelection();
    page.renderWindow();
  }

  function clearSelection() {
    selected.clear();
    setStatus(ui.actionStatus, "");
    renderSelection();
    page.renderWindow();
  }

  /** @param {boolean} kept */
  async function setKept(kept) {
    const slugs = [...selected.keys()];
    if (slugs.length === 0) return;
    setStatus(ui.actionStatus, kept ? t("keepKeeping") : t("keepUpdating"));
    const answer = await page.ask(
      { type: "set-kept", slugs, kept },
      ui.actionStatus,
      kept ? t("keepNotKept") : t("keepNotChanged"),
    );
    if (!answer) return;
    const changed = typeof answer.changed === "number" ? answer.changed : slugs.length;
    setStatus(
      ui.actionStatus,
      kept
        ? changed !== slugs.length
          ? tn("keptNewly", slugs.length, formatCount(changed))
          : tn("keptPeople", slugs.length)
        : tn("unkeptPeople", slugs.length),
    );
  }

  /** The selection's indices: those in the results first, in the results' order. */
  function selectedIndices() {
    const wanted = new Set();
    for (const index of selected.values()) if (index >= 0) wanted.add(index);
    const inResults = [];
    for (const index of page.matches) if (wanted.delete(index)) inResults.push(index);
    const outside = [...wanted].sort((a, b) => a - b);
    return Uint32Array.from([...inResults, ...outside]);
  }

  return { renderSelection, selectAllMatching, clearSelection, setKept, selectedIndices };
}
