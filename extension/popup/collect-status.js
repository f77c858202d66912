// @ts-check
// The popup's collection line: how many people a collection run has read (of
// how many), how it ended, and how many people a complete run found gone,
// from storage.local.collect. The digits are the core's.

import { byId, byTestId, show } from "./dom.js";
import { formatters, plural, shortDate, trimSentence } from "./format.js";

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
    return;
  }

  const text = formatters(doc);
  const seen = Math.max(0, Number(collect.seen) || 0);
  const target = typeof collect.target === "number" ? collect.target : null;
  const tally =
    target === null
      ? `${text.number.format(seen)} ${plural(seen, "person", "people")}`
      : `${text.number.format(seen)} of ${text.number.format(target)}`;
  const reason = collect.reason ? `: ${trimSentence(collect.reason)}` : "";

  if (collect.running) {
    line.textContent = target === null ? `Collecting: ${tally} so far` : `Collecting: ${tally}`;
  } else if (collect.outcome === "complete") {
    const date = shortDate(text, collect.endedAtMs ?? collect.startedAtMs, nowMs);
    line.textContent = `Collected ${tally} on ${date}`;
  } else if (collect.outcome === "ended") {
    line.textContent = `Ended short at ${tally}${reason}`;
  } else if (collect.outcome === "stopped") {
    line.textContent = `Stopped at ${tally}${reason}`;
  } else if (collect.outcome === "interrupted") {
    line.textContent = `Interrupted at ${tally}${reason}`;
  } else {
    line.textContent = `Last collection read ${tally}`;
  }

  show(bar, Boolean(collect.running));
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
  goneLine.textContent = showGone
    ? `${text.number.format(gone)} ${
        gone === 1 ? "person is no longer your connection" : "people are no longer your connections"
      }`
    : "";
  show(goneLine, showGone);
}
