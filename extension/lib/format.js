// @ts-check
// How extension pages say numbers, durations, dates and plurals, and an
// error's message: shared formatting, no DOM. Words come from _locales and
// numbers and dates from Intl, both in the language of the page's words
// (lib/i18n.js); in English they read "1,234", "Nov 21, 2025".

import { formatNumber, t, tn, tnAs, uiLanguage } from "./i18n.js";

/** @typedef {import("../review/types.js").Connected} Connected */

// Pure helpers.

/** @type {Map<string, Intl.DateTimeFormat | Intl.NumberFormat>} */
const formats = new Map();

/**
 * One Intl formatter per kind and language, made once.
 *
 * @template T
 * @param {string} kind
 * @param {(language: string) => T} make
 * @returns {T}
 */
function cached(kind, make) {
  const key = `${kind} ${uiLanguage()}`;
  let format = formats.get(key);
  if (!format) {
    format = /** @type {any} */ (make(uiLanguage()));
    formats.set(key, /** @type {any} */ (format));
  }
  return /** @type {T} */ (format);
}

/** "Nov 21, 2025" (a civil date: UTC). */
export const dayFormat = () =>
  cached(
    "day",
    (language) =>
      new Intl.DateTimeFormat(language, {
        year: "numeric",
        month: "short",
        day: "numeric",
        timeZone: "UTC",
      }),
  );

/** "Nov 2025" (a civil date: UTC). */
export const monthFormat = () =>
  cached(
    "month",
    (language) =>
      new Intl.DateTimeFormat(language, { year: "numeric", month: "short", timeZone: "UTC" }),
  );

/**
 * A LinkedIn language tag in the member's words: "Turkish (tr)", "Türkisch
 * (tr)"; the tag alone where Intl does not name it.
 * @param {string} tag
 */
export function languageName(tag) {
  try {
    const names = cached(
      "language",
      (language) => new Intl.DisplayNames([language], { type: "language" }),
    );
    const name = names.of(tag);
    return name && name.toLowerCase() !== tag.toLowerCase() ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

/** @param {number} n */
export function formatCount(n) {
  return formatNumber(n);
}

/** Seconds to the millisecond: "30", "4.5". */
export const secondsFormat = () =>
  cached("seconds", (language) => new Intl.NumberFormat(language, { maximumFractionDigits: 3 }));

/** "45 seconds", "1 second", "1,800 seconds". @param {number} ms */
export function formatSeconds(ms) {
  const seconds = ms / 1000;
  return tnAs("seconds", seconds, secondsFormat().format(seconds));
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
    return { short: t("connectedUnknownShort"), long: t("connectedUnknownLong") };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(connected.date ?? ""));
  if (!match) return { short: String(connected.date), long: String(connected.date) };
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = dayFormat().format(at);
  const month = monthFormat().format(at);
  switch (connected.precision) {
    case "week":
      return { short: `~${month}`, long: t("connectedWeek", `~${month}`, day) };
    case "month":
      return { short: `~${month}`, long: t("connectedMonth", `~${month}`) };
    case "year":
      return { short: `~${match[1]}`, long: t("connectedYear", `~${match[1]}`) };
    default:
      return { short: day, long: t("connectedDay", day) };
  }
}

/** @param {unknown} error */
export function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/** "1 person", "1,234 people", in the page's language. @param {number} n */
export function people(n) {
  return tn("people", n);
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
  if (hours < 48) return tn("durationHours", hours);
  return tn("durationDays", Math.round(hours / 24));
}
