// @ts-check
// How extension pages say numbers, durations, dates and plurals (English), and
// an error's message: shared formatting, no DOM.

/** @typedef {import("../review/types.js").Connected} Connected */

// Pure helpers.

export const dayFormat = new Intl.DateTimeFormat("en", {
  year: "numeric",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

export const monthFormat = new Intl.DateTimeFormat("en", {
  year: "numeric",
  month: "short",
  timeZone: "UTC",
});

export const numberFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

/** @param {number} n */
export function formatCount(n) {
  return numberFormat.format(n);
}

export const secondsFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 3 });

/** "45 seconds", "1 second", "1,800 seconds". @param {number} ms */
export function formatSeconds(ms) {
  const seconds = ms / 1000;
  return `${secondsFormat.format(seconds)} ${seconds === 1 ? "second" : "seconds"}`;
}

/**
 * A connection date as precisely as it is known, never more: LinkedIn's
 * "Connected 3 months ago" gives a month, not a day.
 *
 * @param {Connected | null | undefined} connected
 * @returns {{ short: string, long: string }} `short` for the row, `long` for the details
 */
export function describeConnected(connected) {
  if (!connected) {
    return { short: "date unknown", long: "Unknown: neither LinkedIn nor your export said." };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(connected.date ?? ""));
  if (!match) return { short: String(connected.date), long: String(connected.date) };
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = dayFormat.format(at);
  const month = monthFormat.format(at);
  switch (connected.precision) {
    case "week":
      return { short: `~${month}`, long: `~${month} (around ${day}, to within a week)` };
    case "month":
      return { short: `~${month}`, long: `~${month} (known to the month)` };
    case "year":
      return { short: `~${match[1]}`, long: `~${match[1]} (known to the year)` };
    default:
      return { short: day, long: `${day} (the exact day)` };
  }
}

/** @param {unknown} error */
export function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/** @param {number} n @param {string} one @param {string} many */
export function plural(n, one, many) {
  return n === 1 ? one : many;
}

/** @param {number} n */
export function people(n) {
  return `${formatCount(n)} ${plural(n, "person", "people")}`;
}

/** Reasons come as sentences; they are quoted mid-sentence here. @param {string} s */
export function trimSentence(s) {
  return String(s ?? "")
    .trim()
    .replace(/[.\s]+$/, "");
}

/**
 * A time to finish in round words: "3 hours", "2 days" (never minutes: it
 * is an estimate at random pauses).
 *
 * @param {number} ms
 */
export function formatDuration(ms) {
  const hours = Math.max(1, Math.round(ms / 3_600_000));
  if (hours < 48) return `${formatCount(hours)} ${plural(hours, "hour", "hours")}`;
  const days = Math.round(hours / 24);
  return `${formatCount(days)} ${plural(days, "day", "days")}`;
}
