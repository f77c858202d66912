// @ts-check
// How the popup words numbers, dates and waits: the Intl formatters in the
// page's language, "5 minutes ago", "43 s", "about 3 h left", the band as
// "1.5–2:1", reasons quoted mid-sentence. Pure functions, no DOM beyond
// reading the page's lang (lib/i18n.js sets it to the language of the words).

import { t } from "../lib/i18n.js";

/**
 * @typedef {{ number: Intl.NumberFormat, ratio: Intl.NumberFormat,
 *   band: Intl.NumberFormat, relative: Intl.RelativeTimeFormat,
 *   day: Intl.DateTimeFormat, dayWithYear: Intl.DateTimeFormat }} Formatters
 */

/** @type {Map<string, Formatters>} */
const formatterCache = new Map();

/**
 * Numbers follow the page's language (lang="en"), not the browser's, so a
 * figure never reads "1.234" inside an English sentence; when the popup is
 * translated its lang changes and the numbers follow.
 *
 * @param {Document} doc
 * @returns {Formatters}
 */
export function formatters(doc) {
  const locale = doc.documentElement.lang || "en";
  let cached = formatterCache.get(locale);
  if (!cached) {
    cached = {
      number: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      ratio: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      band: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: "auto" }),
      day: new Intl.DateTimeFormat(locale, { month: "short", day: "numeric" }),
      dayWithYear: new Intl.DateTimeFormat(locale, {
        month: "short",
        day: "numeric",
        year: "numeric",
      }),
    };
    formatterCache.set(locale, cached);
  }
  return cached;
}

/**
 * @param {Formatters} text
 * @param {number} low
 * @param {number} high
 */
export function band(text, low, high) {
  return `${text.band.format(low)}–${text.band.format(high)}:1`;
}

/**
 * "5 minutes ago", "yesterday". A reading stamped in the future (the clock
 * moved) reads as just now rather than "in 3 minutes".
 *
 * @param {Formatters} text
 * @param {number} thenMs
 * @param {number} nowMs
 */
export function relativeTime(text, thenMs, nowMs) {
  const seconds = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (!Number.isFinite(seconds) || seconds < 60) return t("popupJustNow");
  if (seconds < 3600) return text.relative.format(-Math.floor(seconds / 60), "minute");
  if (seconds < 86400) return text.relative.format(-Math.floor(seconds / 3600), "hour");
  return text.relative.format(-Math.floor(seconds / 86400), "day");
}

/**
 * "Nov 21", or "Nov 21, 2025" when `withYear`.
 *
 * @param {Formatters} text
 * @param {number} ms
 * @param {boolean} withYear
 */
export function formatDay(text, ms, withYear) {
  return (withYear ? text.dayWithYear : text.day).format(ms);
}

/**
 * A day in the member's calendar, with its year only when it is not this year's.
 *
 * @param {Formatters} text
 * @param {number} ms
 * @param {number} nowMs
 */
export function shortDate(text, ms, nowMs) {
  return formatDay(text, ms, yearOf(ms) !== yearOf(nowMs));
}

/** The calendar year in the member's time zone. @param {number} ms */
export function yearOf(ms) {
  return new Date(ms).getFullYear();
}

// Reasons quoted mid-sentence are every page's: lib/format.js.
export { trimSentence } from "../lib/format.js";

/**
 * A wait to the second while short: "43 s", "6 min", "2 h 5 min".
 *
 * @param {number} ms
 */
export function countdown(ms) {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return t("popupSeconds", seconds);
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return t("popupMinutes", minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? t("popupHoursMinutes", hours, rest) : t("popupHours", hours);
}

/**
 * A rough time left: "about 3 h left", never more precise than the estimate.
 *
 * @param {number} ms
 */
export function timeLeft(ms) {
  if (!Number.isFinite(ms)) return "";
  const minutes = ms / 60_000;
  if (minutes < 1) return t("popupLeftUnderMinute");
  if (minutes < 60) return t("popupLeftMinutes", Math.round(minutes));
  const hours = minutes / 60;
  if (hours < 48) return t("popupLeftHours", Math.round(hours));
  return t("popupLeftDays", Math.round(hours / 24));
}
