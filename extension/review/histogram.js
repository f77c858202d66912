// @ts-check
// The histogram of the current matches: by connection year, or (with a data
// archive) by years since the last message; a bar filters to its year or its
// span of years (wired in review.js).

import {
  CONTACT_BUCKETS,
  contactFilterOf,
  withContactFilter,
  withYearFilter,
  yearFilterOf,
} from "./query-box.js";
import { asIndices } from "../lib/dom.js";
import { messageOf, people } from "../lib/format.js";
import { t, tn } from "../lib/i18n.js";

/** @typedef {import("./types.js").Histogram} Histogram */
/** @typedef {import("./types.js").Page} Page */

/**
 * One bar of the years-since-last-contact histogram in words.
 * @param {string} bucket "0".."10" or "never"
 */
export function contactBucketWords(bucket) {
  if (bucket === "never") return t("contactNever");
  const years = Number(bucket);
  if (years <= 0) return t("contactUnderAYear");
  if (years >= 10) return t("contactTenYears");
  return tn("contactYears", years);
}

/**
 * @param {Page} page
 */
export function createHistogram(page) {
  const { doc, ui } = page;

  function renderHistogram() {
    const contact = page.histogramMode === "contact";
    ui.histogramMode.value = page.histogramMode;
    ui.histogramHeading.textContent = t(
      contact ? "reviewHistogramContactHeading" : "reviewHistogramHeading",
    );
    ui.histogramHelp.textContent = t(
      contact ? "reviewHistogramContactHelp" : "reviewHistogramHelp",
    );
    ui.histogram.dataset.mode = page.histogramMode;
    if (contact) renderContactHistogram();
    else renderYearHistogram();
  }

  /** The bars' height, in percent of the tallest. @param {number} count @param {number} max */
  const height = (count, max) => `${count === 0 ? 0 : Math.max(4, (count / max) * 100)}%`;

  /**
   * A bar button, kept when it is already there (focus stays on it).
   * @param {Map<string | undefined, Element>} existing
   * @param {string} key
   * @param {"year" | "contact"} kind
   */
  function barFor(existing, key, kind) {
    let bar = /** @type {HTMLButtonElement | undefined} */ (existing.get(key));
    if (!bar) {
      bar = doc.createElement("button");
      bar.type = "button";
      bar.className = "histogram-bar";
      bar.dataset[kind] = key;
      const fill = doc.createElement("span");
      fill.className = "histogram-fill";
      fill.setAttribute("aria-hidden", "true");
      bar.append(fill);
    }
    return bar;
  }

  /** Years since the last message, from the data archive: 0..9, 10 or more, never. */
  function renderContactHistogram() {
    const chosen = contactFilterOf(ui.input.value);
    const archive = page.archive;
    if (!archive?.messages || !page.replica?.contactHistogram) {
      ui.histogram.replaceChildren();
      ui.histogramFirst.textContent = "";
      ui.histogramLast.textContent = "";
      ui.histogramUnknown.textContent = t("histogramNoArchive");
      return;
    }
    let source = page.matches;
    if (chosen !== null && !page.queryFailure) {
      try {
        source = asIndices(page.replica.query(withContactFilter(ui.input.value, null), Date.now()));
      } catch {
        source = page.matches;
      }
    }
    /** @type {import("./types.js").ContactHistogram} */
    let histogram = { years: [], never: 0, unknown: 0 };
    if (source.length) {
      try {
        histogram = page.replica.contactHistogram(source, Date.now()) ?? histogram;
      } catch (error) {
        ui.histogramUnknown.textContent = t("histogramFailed", messageOf(error));
        ui.histogram.replaceChildren();
        return;
      }
    }
    /** @type {Map<string, number>} */
    const counts = new Map(CONTACT_BUCKETS.map((bucket) => [bucket, 0]));
    for (const { years, count } of histogram.years ?? []) {
      const bucket = String(Math.min(10, Math.max(0, Math.trunc(Number(years)))));
      counts.set(bucket, (counts.get(bucket) ?? 0) + (Number(count) || 0));
    }
    counts.set("never", Number(histogram.never) || 0);
    const max = Math.max(1, ...counts.values());
    const existing = new Map(
      [...ui.histogram.children].map((bar) => [
        /** @type {HTMLElement} */ (bar).dataset.contact,
        bar,
      ]),
    );
    const bars = CONTACT_BUCKETS.map((bucket) => {
      const count = counts.get(bucket) ?? 0;
      const bar = barFor(existing, bucket, "contact");
      const label = `${contactBucketWords(bucket)}: ${people(count)}`;
      bar.setAttribute("aria-label", label);
      bar.title = label;
      bar.setAttribute("aria-pressed", String(chosen === bucket));
      bar.classList.toggle("is-never", bucket === "never");
      /** @type {HTMLElement} */ (bar.firstElementChild).style.height = height(count, max);
      return bar;
    });
    ui.histogram.replaceChildren(...bars);
    ui.histogramFirst.textContent = "0";
    ui.histogramLast.textContent = t("contactNever");
    const unknown = Number(histogram.unknown) || 0;
    ui.histogramUnknown.textContent = unknown ? t("histogramUnknown", people(unknown)) : "";
  }

  function renderYearHistogram() {
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
      const bar = barFor(existing, String(year), "year");
      const label = `${year}: ${people(count)}`;
      bar.setAttribute("aria-label", label);
      bar.title = label;
      bar.setAttribute("aria-pressed", String(chosen === year));
      /** @type {HTMLElement} */ (bar.firstElementChild).style.height = height(count, max);
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
