// @ts-check
// The popup's history chart: connections and followers over time as a small
// SVG line chart with a text alternative, or a one-line hint while a figure
// has fewer than two readings. Built with createElementNS and textContent, so
// data never becomes markup.

import { byId, byTestId, show } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { formatDay, yearOf } from "./format.js";

/**
 * @typedef {import("./types.js").Summary} Summary
 * @typedef {import("./types.js").History} History
 * @typedef {import("./types.js").HistoryPoint} HistoryPoint
 * @typedef {import("./format.js").Formatters} Formatters
 */

/** The chart's drawing box, in SVG user units (it scales to the popup's width). */
const CHART = Object.freeze({ width: 320, height: 132, left: 48, right: 8, top: 8, bottom: 22 });
const SVG_NS = "http://www.w3.org/2000/svg";
/** @type {readonly ("connections" | "followers")[]} */
const SERIES = Object.freeze(["connections", "followers"]);

/**
 * Connections and followers over time as a small line chart, or a one-line
 * hint while there is no line to draw. Approximate and "at least" readings
 * are hollow points, so a "3.4K" or a "500+" never passes for an exact count.
 *
 * @param {Document} doc
 * @param {History | undefined} history
 * @param {Formatters} text
 * @param {number} nowMs
 */
export function renderHistory(doc, history, text, nowMs) {
  const figure = byTestId(doc, "history-chart");
  const hint = byTestId(doc, "history-hint");
  const series = {
    connections: chartablePoints(history?.connections),
    followers: chartablePoints(history?.followers),
  };
  // A line needs two readings at different times, for each figure.
  const drawable = SERIES.every((name) => new Set(series[name].map((p) => p.atMs)).size >= 2);
  figure.querySelector("svg")?.remove();
  show(figure, drawable);
  show(hint, !drawable);
  if (!drawable) return;

  figure.prepend(drawChart(doc, series, text, nowMs));
  const hollow = SERIES.some((name) => series[name].some((p) => p.precision !== "exact"));
  show(byId(doc, "legend-hollow"), hollow);
}

/**
 * The points worth drawing, oldest first: anything without a finite time and
 * value (an older cached Summary, a damaged one) is left out.
 *
 * @param {unknown} points
 * @returns {HistoryPoint[]}
 */
function chartablePoints(points) {
  if (!Array.isArray(points)) return [];
  return points
    .filter((p) => p && Number.isFinite(p.atMs) && Number.isFinite(p.value))
    .sort((a, b) => a.atMs - b.atMs);
}

/**
 * @param {Document} doc
 * @param {Record<"connections" | "followers", HistoryPoint[]>} series each with two times or more
 * @param {Formatters} text
 * @param {number} nowMs
 * @returns {SVGSVGElement}
 */
function drawChart(doc, series, text, nowMs) {
  const all = [...series.connections, ...series.followers];
  const firstMs = Math.min(...all.map((p) => p.atMs));
  const lastMs = Math.max(...all.map((p) => p.atMs));
  const low = Math.min(...all.map((p) => p.value));
  const high = Math.max(...all.map((p) => p.value));
  // One shared scale: followers >= connections is part of what the chart
  // shows. A margin above and below keeps points off the frame.
  const margin = high > low ? (high - low) * 0.1 : Math.max(1, high * 0.05);
  const bottom = Math.max(0, low - margin);
  const top = high + margin;

  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const baseline = CHART.top + plotHeight;
  const x = (/** @type {number} */ ms) =>
    round1(CHART.left + ((ms - firstMs) / (lastMs - firstMs)) * plotWidth);
  const y = (/** @type {number} */ value) =>
    round1(CHART.top + ((top - value) / (top - bottom)) * plotHeight);

  const svg = /** @type {SVGSVGElement} */ (
    svgElement(doc, "svg", {
      viewBox: `0 0 ${CHART.width} ${CHART.height}`,
      class: "chart",
      role: "img",
      "aria-label": describeHistory(series, text, firstMs, lastMs, nowMs),
    })
  );

  // The lowest and highest readings, as guides with their values.
  for (const value of high > low ? [high, low] : [high]) {
    svg.append(
      svgElement(doc, "line", {
        class: "chart-grid",
        x1: CHART.left,
        x2: CHART.width - CHART.right,
        y1: y(value),
        y2: y(value),
      }),
      svgElement(
        doc,
        "text",
        {
          class: "chart-label",
          x: CHART.left - 6,
          y: y(value),
          "text-anchor": "end",
          dy: "0.35em",
        },
        text.number.format(value),
      ),
    );
  }
  svg.append(
    svgElement(doc, "line", {
      class: "chart-axis",
      x1: CHART.left,
      x2: CHART.width - CHART.right,
      y1: baseline,
      y2: baseline,
    }),
  );

  // The x axis spans the first reading to the last; its ends carry the dates.
  const withYear = yearOf(firstMs) !== yearOf(lastMs) || yearOf(lastMs) !== yearOf(nowMs);
  const labelY = CHART.height - 6;
  svg.append(
    svgElement(
      doc,
      "text",
      { class: "chart-label", x: CHART.left, y: labelY, "text-anchor": "start" },
      formatDay(text, firstMs, withYear),
    ),
    svgElement(
      doc,
      "text",
      { class: "chart-label", x: CHART.width - CHART.right, y: labelY, "text-anchor": "end" },
      formatDay(text, lastMs, withYear),
    ),
  );

  for (const name of SERIES) {
    const points = series[name];
    const path = points
      .map((p, index) => `${index === 0 ? "M" : "L"}${x(p.atMs)} ${y(p.value)}`)
      .join(" ");
    svg.append(
      svgElement(doc, "path", { class: `chart-line chart-${name}`, "data-series": name, d: path }),
    );
    const dots = svgElement(doc, "g", { class: `chart-points chart-${name}`, "data-series": name });
    for (const p of points) {
      const exact = p.precision === "exact";
      dots.append(
        svgElement(doc, "circle", {
          class: exact ? "chart-point" : "chart-point is-hollow",
          "data-precision": p.precision,
          cx: x(p.atMs),
          cy: y(p.value),
          r: exact ? 2.5 : 3,
        }),
      );
    }
    svg.append(dots);
  }
  return svg;
}

/**
 * The chart's text alternative: where each figure started and ended, and
 * over which dates, e.g. "Connections 1,180 → 1,234 and followers
 * 2,010 → 2,470 between Jan 3 and Nov 21".
 *
 * @param {Record<"connections" | "followers", HistoryPoint[]>} series
 * @param {Formatters} text
 * @param {number} firstMs
 * @param {number} lastMs
 * @param {number} nowMs
 */
function describeHistory(series, text, firstMs, lastMs, nowMs) {
  const reading = (/** @type {HistoryPoint} */ p) => {
    const digits = text.number.format(p.value);
    if (p.precision === "approximate") return t("aboutFigure", digits);
    if (p.precision === "at-least") return t("atLeastFigure", digits);
    return digits;
  };
  const span = (/** @type {HistoryPoint[]} */ points) =>
    `${reading(points[0])} → ${reading(/** @type {HistoryPoint} */ (points.at(-1)))}`;
  const withYear = yearOf(firstMs) !== yearOf(lastMs) || yearOf(lastMs) !== yearOf(nowMs);
  return t(
    "popupHistoryDescription",
    span(series.connections),
    span(series.followers),
    formatDay(text, firstMs, withYear),
    formatDay(text, lastMs, withYear),
  );
}

/**
 * Creates one SVG element with its attributes and, for <text>, its words
 * (as textContent: data never becomes markup).
 *
 * @param {Document} doc
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {string} [words]
 * @returns {SVGElement}
 */
function svgElement(doc, tag, attributes, words) {
  const element = /** @type {SVGElement} */ (doc.createElementNS(SVG_NS, tag));
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  if (words !== undefined) element.textContent = words;
  return element;
}

/** @param {number} n */
function round1(n) {
  return Math.round(n * 10) / 10;
}
