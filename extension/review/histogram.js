// @ts-check
// The histogram of connection years for the current matches; a bar filters
// to its year (wired in review.js).

import { withYearFilter, yearFilterOf } from "./query-box.js";
import { asIndices } from "../lib/dom.js";
import { messageOf, people } from "../lib/format.js";
import { t, tn } from "../lib/i18n.js";

/** @typedef {import("./types.js").Histogram} Histogram */
/** @typedef {import("./types.js").Page} Page */

/**
 * @param {Page} page
 */
export function createHistogram(page) {
  const { doc, ui } = page;

  function renderHistogram() {
    const chosen = yearFilterOf(ui.input.value);
    // With a year chosen, the bars stay those of the query without it, so
    // the member can move to another year; the chosen one is pressed.
    let source = page.matches;
    if (chosen !== null && page.replica && !page.queryFailure) {
      try {
        source = asIndices(page.replica.query(withYearFilter(ui.input.value, null), Date.now()));
      } catch {
        source = page.matches;
      }
    }
    /** @type {Histogram} */
    let histogram = { years: [], unknown: 0 };
    if (page.replica && source.length) {
      try {
        histogram = page.replica.histogram(source) ?? histogram;
      } catch (error) {
        ui.histogramUnknown.textContent = t("histogramFailed", messageOf(error));
        ui.histogram.replaceChildren();
        return;
      }
    }
    const years = [...(histogram.years ?? [])].sort((a, b) => a.year - b.year);
    const max = Math.max(1, ...years.map((bar) => bar.count));

    const existing = new Map(
      [...ui.histogram.children].map((bar) => [/** @type {HTMLElement} */ (bar).dataset.year, bar]),
    );
    const bars = years.map(({ year, count }) => {
      let bar = /** @type {HTMLButtonElement | undefined} */ (existing.get(String(year)));
      if (!bar) {
        bar = doc.createElement("button");
        bar.type = "button";
        bar.className = "histogram-bar";
        bar.dataset.year = String(year);
        const fill = doc.createElement("span");
        fill.className = "histogram-fill";
        fill.setAttribute("aria-hidden", "true");
        bar.append(fill);
      }
      const label = `${year}: ${people(count)}`;
      bar.setAttribute("aria-label", label);
      bar.title = label;
      bar.setAttribute("aria-pressed", String(chosen === year));
      /** @type {HTMLElement} */ (bar.firstElementChild).style.height =
        `${count === 0 ? 0 : Math.max(4, (count / max) * 100)}%`;
      return bar;
    });
    ui.histogram.replaceChildren(...bars);
    ui.histogramFirst.textContent = years.length ? String(years[0].year) : "";
    ui.histogramLast.textContent = years.length > 1 ? String(years[years.length - 1].year) : "";
    const unknown = histogram.unknown ?? 0;
    ui.histogramUnknown.textContent = years.length
      ? t("histogramUnknown", people(unknown))
      : source.length
        ? tn("histogramNoDates", source.length)
        : "";
  }

  return { renderHistogram };
}
