// @ts-check
// The popup's collection line: how many people a collection run has read (of
// how many), how it ended, and how many people a complete run found gone,
// from storage.local.collect. The digits are the core's.

import { byId, byTestId, show } from "../lib/dom.js";
import { t, tn } from "../lib/i18n.js";
import { formatters, shortDate, trimSentence } from "./format.js";
import { renderNextStep } from "./next-step.js";

/**
 * @typedef {import("./types.js").Collect} Collect
 */

/**
 * Collection progress, from storage.local.collect (the `Collect` type). The
 * digits are the core's; this only phrases them. Hidden when there has never
 * been a run.
 *
 * @param {Document} doc
 * @param {Collect | null | undefined} collect
 * @param {number} [nowMs] decides whether a date needs its year
 */
export function renderCollect(doc, collect, nowMs = Date.now()) {
  const box = byTestId(doc, "collect-status");
  const line = byId(doc, "collect-text");
  const bar = /** @type {HTMLProgressElement} */ (byId(doc, "collect-progress"));
  const goneLine = byId(doc, "collect-gone");
  const present = Boolean(collect) && typeof collect === "object";
  show(box, present);
  if (!collect || !present) {
    line.textContent = "";
    goneLine.textContent = "";
    show(bar, false);
    show(goneLine, false);
    renderNextStep(doc);
    return;
  }

  const text = formatters(doc);
  const seen = Math.max(0, Number(collect.seen) || 0);
  const target = typeof collect.target === "number" ? collect.target : null;
  const tally =
    target === null
      ? tn("people", seen)
      : t("countOf", text.number.format(seen), text.number.format(target));
  // The reason is the background's own sentence (English: it has no code
  // yet), after the line's words.
  const reason = collect.reason ? `: ${trimSentence(collect.reason)}` : "";

  if (collect.running) {
    line.textContent =
      target === null ? t("popupCollectingSoFar", tally) : t("popupCollecting", tally);
  } else if (collect.outcome === "complete") {
    const date = shortDate(text, collect.endedAtMs ?? collect.startedAtMs, nowMs);
    line.textContent = t("popupCollected", tally, date);
  } else if (collect.outcome === "ended") {
    line.textContent = `${t("popupCollectEnded", tally)}${reason}`;
  } else if (collect.outcome === "stopped") {
    line.textContent = `${t("popupCollectStopped", tally)}${reason}`;
  } else if (collect.outcome === "interrupted") {
    line.textContent = `${t("popupCollectInterrupted", tally)}${reason}`;
  } else {
    line.textContent = t("popupCollectLast", tally);
  }

  show(bar, Boolean(collect.running));
  renderNextStep(doc);
  if (target !== null && target > 0) {
    bar.max = target;
    bar.value = Math.min(seen, target);
  } else {
    // No stated total yet: an indeterminate bar rather than a made-up share.
    bar.removeAttribute("value");
  }

  // Only a complete run proves absence (docs/ARCHITECTURE.md); after a run
  // that ended short the count belongs to an older run and is not repeated.
  const gone = Math.max(0, Number(collect.gone) || 0);
  const showGone = !collect.running && collect.outcome === "complete" && gone > 0;
  goneLine.textContent = showGone ? tn("popupGone", gone) : "";
  show(goneLine, showGone);
}
