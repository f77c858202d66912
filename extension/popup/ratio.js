// @ts-check
// The popup's ratio: followers per connection against the chosen goal's band,
// as a figure, a bar with the band and a marker, and a sentence saying what
// would move it into the band (the core's figures), or why there is no ratio
// to show.

import { byId, byTestId, show } from "../lib/dom.js";
import { t, tn } from "../lib/i18n.js";
import { band } from "./format.js";

/**
 * @typedef {import("./types.js").Summary} Summary
 * @typedef {import("./types.js").Ratio} Ratio
 * @typedef {import("./format.js").Formatters} Formatters
 */

/**
 * The ratio and where it stands against the chosen band, phrased as what
 * would move it, never as a judgement of the member's network.
 *
 * @param {Document} doc
 * @param {Summary} summary
 * @param {Formatters} text
 */
export function renderRatio(doc, summary, text) {
  const container = byTestId(doc, "ratio");
  const note = byId(doc, "ratio-note");
  const ratio = summary.ratio;

  if (!ratio) {
    // Hidden and emptied, so nothing that looks like a ratio is left on
    // screen; the note beside it says why there is none.
    show(container, false);
    byId(doc, "ratio-value").textContent = "";
    byId(doc, "ratio-position").textContent = "";
    note.textContent = missingRatioReason(summary);
    show(note, true);
    return;
  }

  show(container, true);
  show(note, false);
  note.textContent = "";
  byId(doc, "ratio-value").textContent =
    `${ratio.approximate ? "≈ " : ""}${text.ratio.format(ratio.value)} : 1`;
  byId(doc, "ratio-position").textContent = ratioPosition(summary, ratio, text);

  // The bar's scale leaves room past the band's top; a ratio far above it
  // pins the marker to the end rather than shrinking the band to a sliver.
  const scaleMax = Math.max(ratio.high * 1.5, Math.min(ratio.value * 1.1, ratio.high * 3));
  const percent = (/** @type {number} */ x) =>
    `${Math.min(100, Math.max(0, (x / scaleMax) * 100))}%`;
  const bandEl = byId(doc, "ratio-band");
  bandEl.style.left = percent(ratio.low);
  bandEl.style.width = `calc(${percent(ratio.high)} - ${percent(ratio.low)})`;
  const marker = byId(doc, "ratio-marker");
  marker.style.left = percent(ratio.value);
  container.dataset.position = ratio.position;
}

/**
 * How many followers or connections would reach the band: the core's
 * `followersToBand` / `connectionsToBand` (docs/ARCHITECTURE.md, Summary),
 * never worked out here. A figure the core left out (null: above the band
 * for followers, or a "500+" floor) or 0 (in the band) is no lever.
 *
 * @param {number | null | undefined} figure
 * @returns {number | null}
 */
function lever(figure) {
  return typeof figure === "number" && Number.isFinite(figure) && figure > 0 ? figure : null;
}

/**
 * @param {Summary} summary
 * @param {Ratio} ratio
 * @param {Formatters} text
 */
function ratioPosition(summary, ratio, text) {
  const bandText = band(text, ratio.low, ratio.high);
  if (ratio.position === "within") return t("popupRatioWithin", bandText);

  // The core leaves its figures out (null) when either count is a "500+"
  // floor: a lever counted from a floor would be invented.
  const moreFollowers = lever(ratio.followersToBand);
  const connections = lever(ratio.connectionsToBand);

  if (ratio.position === "below") {
    // Either more followers, or fewer connections.
    if (moreFollowers === null || connections === null) return t("popupRatioBelow", bandText);
    return t(
      "popupRatioBelowLever",
      bandText,
      tn("popupMoreFollowers", moreFollowers),
      tn("popupFewerConnections", connections),
      `${text.band.format(ratio.low)}:1`,
    );
  }

  // Above the band the lever that fits is more connections.
  if (connections === null) return t("popupRatioAbove", bandText);
  return t(
    "popupRatioAboveLever",
    bandText,
    tn("popupMoreConnections", connections),
    `${text.band.format(ratio.high)}:1`,
  );
}

/** @param {Summary} summary */
function missingRatioReason(summary) {
  if (summary.consistency?.status === "partial") {
    return t("popupRatioInconsistent");
  }
  if (!summary.followers || !summary.connections) {
    return t("popupRatioNeedsBoth");
  }
  if (summary.connections.value === 0) {
    return t("popupRatioNeedsOne");
  }
  return t("popupRatioUnavailable");
}
