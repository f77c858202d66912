// Reading the popup and the review page, in either browser: the functions
// that run inside the page and the polls that wait for them to settle.

/* global document, location, requestAnimationFrame */

import { BADGE_THRESHOLD, TESTIDS, formatCount, waitFor } from "./base.mjs";

// ---------------------------------------------------------------------------
// Reading the popup, in either browser.

/**
 * Runs inside the popup page: every data-testid element's whitespace-collapsed
 * text and whether it is shown, plus whether the popup has drawn a Summary
 * and what its error line says.
 */
function collectPopup() {
  const text = {};
  const visible = {};
  for (const element of document.querySelectorAll("[data-testid]")) {
    const id = element.getAttribute("data-testid");
    text[id] = (element.textContent ?? "").replace(/\s+/g, " ").trim();
    visible[id] = !element.closest("[hidden]") && element.checkVisibility();
  }
  const summaryView = document.getElementById("summary-view");
  const errorState = document.getElementById("error-state");
  return {
    url: location.href,
    loaded: Boolean(summaryView && !summaryView.hidden),
    error:
      errorState && !errorState.hidden ? errorState.textContent.replace(/\s+/g, " ").trim() : null,
    text,
    visible,
  };
}

/**
 * @typedef {{ url: string, loaded: boolean, error: string | null,
 *   text: Record<string, string>, visible: Record<string, boolean> }} PopupState
 */

/**
 * What the popup shows: `text[testid]` and `visible[testid]` for every hook.
 * Throws if the page lacks one of the contract's hooks, so a renamed hook
 * fails loudly instead of reading as "empty".
 *
 * @param {any} target a playwright Page, or a selenium WebDriver whose current window is the popup
 * @returns {Promise<PopupState>}
 */
export async function readPopup(target) {
  const state =
    typeof target.executeScript === "function"
      ? await target.executeScript(`return (${collectPopup})();`)
      : await target.evaluate(collectPopup);
  const missing = TESTIDS.filter((id) => !(id in state.text));
  if (missing.length > 0) {
    throw new Error(`${state.url} has no [data-testid] for ${missing.join(", ")}`);
  }
  return state;
}

// ---------------------------------------------------------------------------
// Reading the review page, in either browser.

/** The review page's test hooks (docs/ARCHITECTURE.md, "Review page test hooks"). */
export const REVIEW_TESTIDS = [
  "collect-all",
  "collect-progress",
  "filter-input",
  "result-count",
  "query-error",
  "select-all-matching",
  "selected-count",
  "import-csv",
  "import-archive",
  "import-report",
  "archive-status",
  "histogram-mode",
  "export-csv",
  "clear-selection",
  "keep-selected",
  "unkeep-selected",
  "histogram",
  "save-query",
  "backup-download",
  "backup-restore",
  "backup-restore-confirm",
];

/**
 * Runs inside review.html: whether the page has drawn its state, what the
 * hooks say, and the person rows now in the DOM (the list is virtualized:
 * only the rows near the scroller's viewport exist; see `collectAllRows`).
 */
function collectReview() {
  const text = (element) => (element?.textContent ?? "").replace(/\s+/g, " ").trim();
  const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
  const shown = (element) =>
    Boolean(element) && !element.closest("[hidden]") && element.checkVisibility();
  const hooks = {};
  for (const element of document.querySelectorAll("[data-testid]")) {
    hooks[element.getAttribute("data-testid")] = true;
  }
  const view = document.getElementById("review-view");
  const errorState = document.getElementById("error-state");
  const queryError = byTestId("query-error");
  const report = byTestId("import-report");
  const rows = [...document.querySelectorAll('[data-testid="person-row"]')]
    .map((row) => ({
      slug: row.getAttribute("data-slug"),
      position: Number(row.dataset.position),
      name: row.querySelector(".row-name")?.textContent ?? "",
      text: text(row),
      selected: Boolean(row.querySelector('input[type="checkbox"]')?.checked),
    }))
    .sort((a, b) => a.position - b.position);
  return {
    url: location.href,
    hooks: Object.keys(hooks),
    loaded: Boolean(view && !view.hidden),
    error: errorState && !errorState.hidden ? text(errorState) : null,
    query: byTestId("filter-input")?.value ?? null,
    resultCount: text(byTestId("result-count")),
    selectedCount: text(byTestId("selected-count")),
    queryError: shown(queryError) ? text(queryError) : null,
    listMessage: shown(document.getElementById("list-message"))
      ? text(document.getElementById("list-message"))
      : null,
    rows,
    importReport: shown(report)
      ? {
          text: text(report),
          figures: Object.fromEntries(
            [...report.querySelectorAll("[data-figure]")].map((figure) => [
              figure.dataset.figure,
              Number(figure.textContent.replace(/\D/g, "")),
            ]),
          ),
        }
      : null,
    histogram: [...(byTestId("histogram")?.querySelectorAll("button[data-year]") ?? [])].map(
      (bar) => ({
        year: Number(bar.dataset.year),
        pressed: bar.getAttribute("aria-pressed") === "true",
        label: bar.getAttribute("aria-label"),
      }),
    ),
    actionStatus: text(document.getElementById("action-status")),
    backupStatus: text(document.getElementById("backup-status")),
    restoreConfirmShown: shown(byTestId("backup-restore-confirm")),
  };
}

/**
 * Runs inside review.html: waits two animation frames, so a render the
 * last input scheduled (the page draws at most once a frame) has happened.
 */
async function settleReview() {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return true;
}

/**
 * Runs inside review.html: every row of the current results, in order, by
 * scrolling the virtualized list from top to bottom a screenful at a time
 * and reading the rows each screen renders. Leaves the list at the top.
 */
async function collectAllRows() {
  const scroller = document.getElementById("list-scroller");
  const frames = () =>
    new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const byPosition = new Map();
  scroller.scrollTop = 0;
  await frames();
  for (let screen = 0; screen < 100_000; screen += 1) {
    for (const row of document.querySelectorAll('[data-testid="person-row"]')) {
      byPosition.set(Number(row.dataset.position), {
        slug: row.getAttribute("data-slug"),
        name: row.querySelector(".row-name")?.textContent ?? "",
      });
    }
    const bottom = scroller.scrollTop + scroller.clientHeight;
    if (bottom >= scroller.scrollHeight - 1 || scroller.clientHeight === 0) break;
    scroller.scrollTop += Math.max(1, scroller.clientHeight - 10);
    await frames();
  }
  scroller.scrollTop = 0;
  await frames();
  const positions = [...byPosition.keys()].sort((a, b) => a - b);
  return {
    positions,
    rows: positions.map((position) => byPosition.get(position)),
  };
}

/**
 * @typedef {{ slug: string | null, position: number, name: string, text: string, selected: boolean }} ReviewRow
 * @typedef {{ url: string, hooks: string[], loaded: boolean, error: string | null,
 *   query: string | null, resultCount: string, selectedCount: string,
 *   queryError: string | null, listMessage: string | null, rows: ReviewRow[],
 *   importReport: null | { text: string, figures: Record<string, number> },
 *   histogram: { year: number, pressed: boolean, label: string }[],
 *   actionStatus: string, backupStatus: string, restoreConfirmShown: boolean }} ReviewState
 */

/**
 * Runs `fn` (serialised) in `target`, a playwright Page or a selenium
 * WebDriver whose current window is the page, and returns what it returns.
 */
async function runIn(target, fn) {
  return typeof target.executeScript === "function"
    ? target.executeScript(`return (${fn})();`)
    : target.evaluate(fn);
}

/**
 * What the review page shows. Throws if the page lacks one of the
 * contract's hooks, so a renamed hook fails loudly.
 *
 * @param {any} target a playwright Page, or a selenium WebDriver whose current window is review.html
 * @returns {Promise<ReviewState>}
 */
export async function readReview(target) {
  const state = await runIn(target, collectReview);
  const missing = REVIEW_TESTIDS.filter((id) => !state.hooks.includes(id));
  if (missing.length > 0) {
    throw new Error(`${state.url} has no [data-testid] for ${missing.join(", ")}`);
  }
  return state;
}

/** Waits until the review page's last scheduled render has run, then reads it. */
export async function settledReview(target) {
  await runIn(target, settleReview);
  return readReview(target);
}

/**
 * Every row of the review page's current results, in the results' order
 * (the list is virtualized, so this scrolls through it). Checks that the
 * positions seen are 0..n-1 with no gap.
 *
 * @returns {Promise<{ slug: string | null, name: string }[]>}
 */
export async function allReviewRows(target) {
  const { positions, rows } = await runIn(target, collectAllRows);
  positions.forEach((position, i) => {
    if (position !== i) throw new Error(`the list skipped row ${i} (saw ${positions.join(",")})`);
  });
  return rows;
}

/** Polls the review page until it has drawn its state (data, empty, or an error). */
export async function waitForReviewDrawn(target) {
  let last = null;
  await waitFor(
    async () => {
      last = await readReview(target);
      return last.loaded || last.error;
    },
    { what: "the review page to draw its state", describe: () => last },
  );
  return /** @type {ReviewState} */ (/** @type {unknown} */ (last));
}

/**
 * The badge line expected for an exact connection count.
 * @param {number} total
 * @returns {RegExp}
 */
export function badgePattern(total) {
  if (total >= BADGE_THRESHOLD) return /^500\+ badge shows$/;
  const needed = BADGE_THRESHOLD - total;
  return new RegExp(
    `^500\\+ badge not yet: ${formatCount(needed).replace(/,/g, "[,\\s\\u202f]")} more connections?$`,
  );
}

/**
 * Session methods shared by both browsers, built on `readPopupNow()`.
 * @param {() => Promise<PopupState>} readPopupNow
 */
export function popupWaits(readPopupNow) {
  return {
    readPopup: readPopupNow,
    /**
     * Polls the open popup until `predicate(state)` holds.
     * @param {(state: PopupState) => unknown} predicate
     * @param {{ what: string, timeout?: number }} options
     */
    async waitForPopup(predicate, { what, timeout = 15_000 }) {
      let last = null;
      await waitFor(
        async () => {
          last = await readPopupNow();
          return last.loaded && predicate(last);
        },
        { what: `the popup to show ${what}`, timeout, interval: 150, describe: () => last },
      );
      return /** @type {PopupState} */ (/** @type {unknown} */ (last));
    },
  };
}
