// @ts-check
// Selection and keep: the action bar's counts ("40 shown · 3 selected",
// "Remove 3…", "Keep 3"), selecting one person, a range (shift) or every
// match, clearing, keep/unkeep through the background, the selected indices,
// and the selection view: the list showing exactly the selected people when
// the search hides some of them.

import { setStatus, show } from "../lib/dom.js";
import { formatCount } from "../lib/format.js";
import { t, tn, tnAs } from "../lib/i18n.js";
import { SELECTED_COUNT, selectionKinds } from "./queue-dialog.js";

/** @typedef {import("./types.js").Page} Page */

/**
 * @param {Page} page
 */
export function createSelection(page) {
  const { selected, ui } = page;

  function renderSelection() {
    ui.shownCount.textContent = formatCount(page.matches.length);
    ui.shownWords.textContent = tnAs("shownWords", page.matches.length, "");
    ui.selectedCount.textContent = formatCount(selected.size);
    ui.selectedWords.textContent = tnAs("selectedWords", selected.size, "");
    // People the search hides; those no longer in the network (index -1)
    // cannot be shown, so "Show them" is offered for the others only.
    let outside = 0;
    for (const index of selected.values()) {
      if (index >= 0 && (index >= page.matchMarks.length || page.matchMarks[index] === 0))
        outside += 1;
    }
    const hidden = outside > 0 && !page.selectionView;
    ui.selectionOutsideText.textContent = hidden ? tn("selectionHidden", outside) : "";
    show(ui.selectionOutside, hidden);
    const none = selected.size === 0;
    renderQueueButton(none);
    page.renderTeach();
    ui.clearSelection.disabled = none;
    ui.keepSelected.disabled = none;
    ui.keepSelected.textContent = none ? t("reviewKeepSelected") : tn("keepCount", selected.size);
    ui.unkeepSelected.disabled = none;
    ui.selectAll.disabled = page.matches.length === 0;
    ui.exportCsv.textContent = none
      ? page.matches.length === page.everyone.length
        ? t("exportEveryone")
        : tn("exportMatches", page.matches.length)
      : tn("exportSelected", selected.size);
    ui.exportCsv.disabled = none && page.matches.length === 0;
  }

  /**
   * The queue button says what it will do: "Remove 3…", "Withdraw 3…" or
   * "Unfollow 3…" where the selection allows one kind, "Queue 5…" where it
   * allows more, counting the people something can be done for; its
   * tooltip says how many nothing can be done for. A kind the page's
   * language refuses (removal without its words) is left out; the button is
   * disabled only when every kind the selection allows is refused.
   * @param {boolean} none nobody selected
   */
  function renderQueueButton(none) {
    const button = ui.queueSelected;
    button.title = "";
    if (none || !page.replica) {
      button.textContent = none
        ? t("reviewQueueSelected")
        : tn("removeSelectedCount", selected.size);
      button.disabled = none || page.removalBlocked();
      return;
    }
    let kinds;
    try {
      kinds = selectionKinds(page, [...selected.keys()]);
    } catch {
      // Unreadable here: the dialog says why when opened.
      button.textContent = tn("removeSelectedCount", selected.size);
      button.disabled = page.removalBlocked();
      return;
    }
    const { counts, offered, available, actionable, cannot } = kinds;
    if (available.length === 1) {
      button.textContent = tn(SELECTED_COUNT[available[0]], actionable);
    } else if (available.length > 1) {
      button.textContent = tn("queueSelectedCount", actionable);
    } else {
      // Nothing to do: "Remove 3…", as before; the removal plan (or the
      // language's refusal beside the button) says why for each person.
      button.textContent = tn(
        "removeSelectedCount",
        offered.length > 0 ? counts.remove : selected.size,
      );
    }
    button.disabled = available.length === 0 && (offered.length > 0 || page.removalBlocked());
    if (cannot > 0) button.title = tn("queueSelectedCannot", cannot);
  }

  /**
   * Opens or closes the action bar's "More" menu (a narrow bar's other
   * actions; a wide bar shows them inline and hides the toggle).
   *
   * @param {boolean} open
   * @param {boolean} [focusToggle] give the focus back to "More"
   */
  function setMoreOpen(open, focusToggle = false) {
    ui.moreToggle.setAttribute("aria-expanded", String(open));
    ui.moreMenu.classList.toggle("is-open", open);
    if (focusToggle) ui.moreToggle.focus();
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

  /**
   * The slug of the person at `position` in the results, or "" (no slug:
   * a person the page cannot select).
   *
   * @param {number} position
   */
  function slugAt(position) {
    const index = page.matches[position];
    return index === undefined ? "" : (page.getDirectory().slugOf[index] ?? "");
  }

  /**
   * Selects the person at `position`, or unselects them; with `range`,
   * selects everyone from the last person chosen (the anchor) to them.
   *
   * @param {number} position
   * @param {boolean} range
   */
  function toggleAt(position, range) {
    if (!page.replica || position < 0 || position >= page.matches.length) return;
    if (range && page.selectionAnchor !== null) {
      selectRange(page.selectionAnchor, position);
      return;
    }
    const slug = slugAt(position);
    if (!slug) return;
    if (selected.has(slug)) selected.delete(slug);
    else selected.set(slug, page.matches[position]);
    page.selectionAnchor = position;
    renderSelection();
    page.renderWindow();
  }

  /**
   * Selects everyone shown from `from` to `to` (either order, both included).
   *
   * @param {number} from
   * @param {number} to
   */
  function selectRange(from, to) {
    if (!page.replica || page.matches.length === 0) return;
    const last = page.matches.length - 1;
    const start = Math.min(Math.max(0, Math.min(from, to)), last);
    const end = Math.min(Math.max(0, Math.max(from, to)), last);
    for (let position = start; position <= end; position += 1) {
      const slug = slugAt(position);
      if (slug) selected.set(slug, page.matches[position]);
    }
    renderSelection();
    page.renderWindow();
  }

  function clearSelection() {
    selected.clear();
    setStatus(ui.actionStatus, "");
    // A view of the selection has nothing left to show: back to the search.
    if (page.selectionView) leaveSelectionView(false);
    renderSelection();
    page.renderWindow();
  }

  /**
   * "Show them": the list shows exactly the selected people (the query
   * language has no term for the page's selection, so this is a view of the
   * page). The search is set aside, to come back with "Back to your search";
   * typing a new one ends the view too.
   */
  function showSelection() {
    if (selected.size === 0) return;
    page.selectionView = { query: ui.input.value };
    ui.input.value = "";
    ui.scroller.scrollTop = 0;
    page.activePosition = 0;
    renderSelectionView();
    page.scheduleRender(true);
    // "Show them" is gone; the view's notice says what the list now is.
    ui.selectionView.focus();
  }

  /**
   * Ends the view of the selection, with the search it set aside.
   *
   * @param {boolean} focus whether the search box takes the focus
   */
  function leaveSelectionView(focus) {
    const view = page.selectionView;
    if (!view) return;
    page.selectionView = null;
    ui.input.value = view.query;
    renderSelectionView();
    page.onQueryEdited();
    if (focus) ui.input.focus();
  }

  function renderSelectionView() {
    const view = page.selectionView;
    show(ui.selectionView, view !== null);
    if (!view) return;
    ui.selectionViewText.textContent = tn("selectionViewShowing", selected.size);
    ui.selectionViewBack.textContent = view.query.trim()
      ? t("selectionViewBack")
      : t("selectionViewEveryone");
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

  /**
   * The matches of the view of the selection: the selected people still in
   * the network, in the order the core lists everyone.
   */
  function selectionMatches() {
    const wanted = new Set();
    for (const index of selected.values()) if (index >= 0) wanted.add(index);
    return page.everyone.filter((index) => wanted.has(index));
  }

  return {
    renderSelection,
    setMoreOpen,
    toggleAt,
    selectRange,
    selectAllMatching,
    clearSelection,
    setKept,
    selectedIndices,
    showSelection,
    leaveSelectionView,
    renderSelectionView,
    selectionMatches,
  };
}
