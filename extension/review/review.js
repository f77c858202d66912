// @ts-check
// The review page: the member's whole network in one list, with a query box,
// selection, keep, a histogram of connection dates, import, export, backup,
// collection, queueing the selection for removal (behind a confirmation
// that says who is left out and why, what the connection count becomes, and
// that removal is final), and the removal pace (the queue's pacing settings,
// clamped by the core, which the page shows and explains).
//
// It holds a read-only replica of the core (docs/ARCHITECTURE.md, "Reviewing
// the whole network"): restored from storage.local.snapshot, queried here so
// filtering 30,000 people never crosses a message boundary, and reloaded when
// the background writes a new snapshot. It never writes storage: every change
// (keep, import, restore, saved queries, collection, queueing, pace) is a message to the
// background, and its effect comes back as a new snapshot.
//
// People's text (names, headlines, companies) is whatever LinkedIn or a CSV
// file held, markup, formulas and bidi controls included, so it is drawn with
// textContent only and isolated with dir="auto".
//
// Exports: `startReview(doc, { extension, loadCore })` wires the page; the
// pure helpers it is built from (dates, base64, year filters, profile URLs)
// are exported too. The bootstrap at the bottom runs only inside review.html.

import { api, sendMessage, BackgroundError } from "../lib/browser.js";
import { checkLines, redactedReport } from "./page-check.js";
import { csvParts, localDate, saveFile } from "../lib/download.js";

/**
 * @typedef {{ date: string, precision: "day" | "week" | "month" | "year" }} Connected
 * @typedef {{
 *   index: number, slug: string, name: string, headline: string | null,
 *   company: string | null, position: string | null, connected: Connected | null,
 *   source: "connections-page" | "export",
 *   kept: boolean, queued: boolean, removed: boolean, gone: boolean, unmatched: boolean,
 *   possiblySameAs?: string | null,
 * }} Row
 * @typedef {{
 *   running: boolean, startedAtMs: number, endedAtMs: number | null, seen: number,
 *   target: number | null, outcome: null | "complete" | "ended" | "stopped" | "interrupted",
 *   reason: string | null, gone: number,
 * }} Collect
 * @typedef {{ rows: number, matched: number, added: number, unmatched: number,
 *   skipped: { line: number, reason: string }[] }} ImportReport
 * @typedef {{ years: { year: number, count: number }[], unknown: number }} Histogram
 * @typedef {{ value: number, precision: "exact" | "approximate" | "at-least", shown?: string }} Count
 * @typedef {{ connections: Count | null }} SummaryFigures the part of the popup's Summary used here
 * @typedef {{
 *   state: "idle" | "running" | "paused", reason: string | null,
 *   pending: number, inProgress: number, removed: number,
 *   hourlyCap: number | null, dailyCap: number | null, dryRunLeft?: number, devPacing?: boolean,
 * }} QueueProgress the part of the core's QueueProgress used here
 * @typedef {{
 *   minDelayMs: number, medianDelayMs: number,
 *   breatherEveryMin: number, breatherEveryMax: number,
 *   breatherMinMs: number, breatherMaxMs: number,
 *   hourlyCap: number, dailyCap: number,
 *   quietStartMinute: number | null, quietEndMinute: number | null,
 *   backoffBaseMs: number, backoffCapMs: number, devDelayMs?: number | null,
 * }} PacingSettings the core's PacingSettings (src/pacing.rs), camelCase
 * @typedef {{ progress?: QueueProgress | null,
 *   entries?: { dryRun?: boolean, status?: { kind?: string } }[],
 *   settings?: Partial<PacingSettings> | null }} QueueStore storage.local.queue
 * @typedef {{ slug: string, why: string }} Refusal
 * @typedef {{ name: string, query: string }} SavedQuery
 * @typedef {{ label: string, query: string }} SuggestedQuery
 * @typedef {{
 *   query(text: string, nowMs: number): Uint32Array,
 *   rows(indices: Uint32Array): Row[],
 *   slugs(indices: Uint32Array): string[],
 *   histogram(indices: Uint32Array): Histogram,
 *   exportCsv(indices: Uint32Array): string,
 *   savedQueries(): SavedQuery[],
 *   backupJson(nowMs: number): string,
 *   free?: () => void,
 * }} Replica
 * @typedef {{
 *   restoreJson(text: string): Replica,
 *   queryHelp(): string,
 *   suggestedQueries(): SuggestedQuery[],
 * }} CoreClass
 */

/** Every row is this tall (review.css draws four lines in it); the list is a spacer of n × this. */
export const ROW_HEIGHT = 88;

/** Rows rendered above and below the visible ones, so a fast scroll shows no gap. */
const OVERSCAN = 6;

/** The list's height when the page has not been laid out (a hidden side panel). */
const FALLBACK_VIEWPORT_PX = 600;

/** A collection writes the snapshot every few seconds; a replica reload is not free at 30,000 people. */
const RELOAD_INTERVAL_MS = 500;

/** Longer skipped-row lists fold into a <details>. */
const SKIPPED_SHOWN_INLINE = 5;

/** Names listed for each group of people left out of (or refused by) the queue. */
const NAMES_SHOWN = 5;

/** The 500+ badge shows at this many connections (DESIGN.md). */
export const BADGE_THRESHOLD = 500;

/**
 * The core's default caps (src/pacing.rs), said when the background has not
 * written a queue yet; once it has, its own figures are used.
 */
const DEFAULT_HOURLY_CAP = 15;
const DEFAULT_DAILY_CAP = 60;

/**
 * The core's default pacing (PacingSettings::default in src/pacing.rs): what
 * "Restore defaults" sends, and what the fields show before the background
 * has written any settings. No development delay: only the background sets it.
 *
 * @type {Readonly<PacingSettings>}
 */
export const PACING_DEFAULTS = Object.freeze({
  minDelayMs: 20_000,
  medianDelayMs: 45_000,
  breatherEveryMin: 4,
  breatherEveryMax: 8,
  breatherMinMs: 3 * 60_000,
  breatherMaxMs: 10 * 60_000,
  hourlyCap: DEFAULT_HOURLY_CAP,
  dailyCap: DEFAULT_DAILY_CAP,
  quietStartMinute: null,
  quietEndMinute: null,
  backoffBaseMs: 2 * 60_000,
  backoffCapMs: 3_600_000,
});

/** PacingSettings' number fields are u32: a larger number would be refused, not clamped. */
const U32_MAX = 0xffff_ffff;

/** The core keeps the typical pause at least this far above the shortest (src/pacing.rs). */
const MEDIAN_ABOVE_MIN_MS = 5_000;

const MINUTES_PER_DAY = 24 * 60;

/**
 * The fields the member edits, as the core names them and as the page shows
 * them: caps as counts, delays in seconds. `note` says, in words, what the
 * core did when the value in force is not the value sent.
 *
 * @type {{
 *   key: "hourlyCap" | "dailyCap" | "medianDelayMs" | "minDelayMs",
 *   id: string, scale: number, missing: string,
 *   note: (sent: number, got: number, inForce: PacingSettings) => string,
 * }[]}
 */
const PACING_FIELDS = [
  {
    key: "hourlyCap",
    id: "hourly-cap",
    scale: 1,
    missing: "Enter how many removals an hour, from 1 to 30.",
    note: (sent, got) =>
      `${formatCount(got)} per hour is the ${got < sent ? "most" : "least"} netprune allows.`,
  },
  {
    key: "dailyCap",
    id: "daily-cap",
    scale: 1,
    missing: "Enter how many removals a day, from 1 to 120.",
    note: (sent, got) =>
      `${formatCount(got)} per day is the ${got < sent ? "most" : "least"} netprune allows.`,
  },
  {
    key: "medianDelayMs",
    id: "median-delay",
    scale: 1000,
    missing: "Enter the typical pause in seconds: 30 or more.",
    note: (sent, got, inForce) => {
      if (got < sent) return `${formatSeconds(got)} is the longest typical pause netprune allows.`;
      if (got === inForce.minDelayMs + MEDIAN_ABOVE_MIN_MS && got > 30_000) {
        return (
          "The typical pause must be at least 5 seconds longer than the shortest pause, " +
          `so netprune made it ${formatSeconds(got)}.`
        );
      }
      return `${formatSeconds(got)} is the shortest typical pause netprune allows.`;
    },
  },
  {
    key: "minDelayMs",
    id: "min-delay",
    scale: 1000,
    missing: "Enter the shortest pause in seconds: 15 or more.",
    note: (sent, got) =>
      `${formatSeconds(got)} is the ${got < sent ? "longest" : "shortest"} pause netprune allows.`,
  },
];

/**
 * Why people in the selection are not queued, in the order they are checked
 * (a person who is both kept and gone is listed once, as kept).
 *
 * @type {{ key: "kept" | "removed" | "gone" | "unmatched" | "queued", words: string }[]}
 */
const EXCLUSIONS = [
  { key: "kept", words: "on your keep-list, so they can never be queued" },
  { key: "removed", words: "already removed by netprune" },
  { key: "gone", words: "already gone: no longer in your connections" },
  {
    key: "unmatched",
    words: "from your LinkedIn export without a profile link, so netprune cannot find their card",
  },
  { key: "queued", words: "already in the removal queue" },
];

/**
 * The core's refusal reasons (RefuseReason in src/removal/queue.rs, camelCase), in words.
 *
 * @type {Record<string, string>}
 */
const REFUSALS = {
  kept: "on your keep-list",
  unmatched: "from your export without a profile link",
  gone: "no longer in your connections",
  unknown: "not in your network as netprune holds it",
  alreadyQueued: "already in the removal queue",
  alreadyRemoved: "already removed",
  badSlug: "not a profile link netprune can use",
  queueFull: "the queue is full (30,000 people waiting)",
};

export const CONNECTIONS_PAGE = "https://www.linkedin.com/mynetwork/invite-connect/connections/";

/** A suggested query holding this placeholder asks for a company name first. */
export const COMPANY_PLACEHOLDER = "{company}";

/** Used when the core suggests no company query of its own. */
const DEFAULT_COMPANY_QUERY = `company:"${COMPANY_PLACEHOLDER}"`;

/** @type {Uint32Array} */
const EMPTY = new Uint32Array(0);

/** @type {{ key: keyof Row & ("kept" | "queued" | "removed" | "gone" | "unmatched"), word: string, meaning: string }[]} */
const BADGES = [
  { key: "kept", word: "kept", meaning: "Kept: never queued for removal" },
  { key: "queued", word: "queued", meaning: "Queued for removal" },
  { key: "removed", word: "removed", meaning: "Removed by netprune" },
  { key: "gone", word: "gone", meaning: "No longer in your connections" },
  { key: "unmatched", word: "unmatched", meaning: "From your export; not yet seen on the page" },
];

/** @type {Record<Row["source"], string>} */
const SOURCE_PHRASES = {
  "connections-page": "Your connections page",
  export: "Your LinkedIn export (Connections.csv)",
};

// ---------------------------------------------------------------------------
// Pure helpers.

const dayFormat = new Intl.DateTimeFormat("en", {
  year: "numeric",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});
const monthFormat = new Intl.DateTimeFormat("en", {
  year: "numeric",
  month: "short",
  timeZone: "UTC",
});
const numberFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

/** @param {number} n */
export function formatCount(n) {
  return numberFormat.format(n);
}

const secondsFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 3 });

/** "45 seconds", "1 second", "1,800 seconds". @param {number} ms */
export function formatSeconds(ms) {
  const seconds = ms / 1000;
  return `${secondsFormat.format(seconds)} ${seconds === 1 ? "second" : "seconds"}`;
}

/**
 * Minutes after midnight from an `<input type="time">` value ("22:30",
 * "07:05:00"), or null when it holds no time.
 *
 * @param {string} value
 */
export function minutesFromTime(value) {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(String(value ?? "").trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/**
 * "HH:MM" for minutes after midnight, as `<input type="time">` holds it;
 * "" for null.
 *
 * @param {number | null | undefined} minutes
 */
export function timeFromMinutes(minutes) {
  if (typeof minutes !== "number" || !Number.isFinite(minutes)) return "";
  const inDay = ((Math.trunc(minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}`;
}

/**
 * Whether settings carry quiet hours the core applies: both ends set and
 * different.
 *
 * @param {Partial<PacingSettings> | null | undefined} settings
 */
function hasQuietHours(settings) {
  const start = settings?.quietStartMinute;
  const end = settings?.quietEndMinute;
  return typeof start === "number" && typeof end === "number" && start !== end;
}

/**
 * The pace in force, in one sentence.
 *
 * @param {PacingSettings} settings
 */
export function describePacing(settings) {
  const quiet = hasQuietHours(settings)
    ? `quiet hours ${timeFromMinutes(settings.quietStartMinute)} to ${timeFromMinutes(settings.quietEndMinute)}`
    : "no quiet hours";
  return (
    `At most ${formatCount(settings.hourlyCap)} removals an hour and ` +
    `${formatCount(settings.dailyCap)} a day, pauses of about ` +
    `${formatSeconds(settings.medianDelayMs)} and never under ` +
    `${formatSeconds(settings.minDelayMs)}, ${quiet}.`
  );
}

/**
 * What the core changed when it clamped `sent` into `inForce`: one sentence
 * per edited field whose value in force differs, keyed by the field's key.
 *
 * @param {PacingSettings} sent
 * @param {PacingSettings} inForce
 * @returns {Partial<Record<string, string>>}
 */
export function clampNotes(sent, inForce) {
  /** @type {Partial<Record<string, string>>} */
  const notes = {};
  for (const field of PACING_FIELDS) {
    const was = Number(sent[field.key]);
    const got = Number(inForce[field.key]);
    if (Number.isFinite(was) && Number.isFinite(got) && was !== got) {
      notes[field.key] = field.note(was, got, inForce);
    }
  }
  const quietSent = hasQuietHours(sent);
  if (
    quietSent &&
    (inForce.quietStartMinute !== sent.quietStartMinute ||
      inForce.quietEndMinute !== sent.quietEndMinute)
  ) {
    notes.quiet = hasQuietHours(inForce)
      ? `netprune set quiet hours to ${timeFromMinutes(inForce.quietStartMinute)} until ${timeFromMinutes(inForce.quietEndMinute)}.`
      : "netprune did not keep these quiet hours.";
  }
  return notes;
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

/**
 * Base64 of any size: `String.fromCharCode(...bytes)` on a 5 MB file would
 * overflow the stack, so the bytes go through in chunks.
 *
 * @param {Uint8Array} bytes
 */
export function toBase64(bytes) {
  const chunk = 0x8000;
  let binary = "";
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode.apply(
      null,
      /** @type {any} */ (bytes.subarray(start, start + chunk)),
    );
  }
  return btoa(binary);
}

/** "after:2019 before:2020", as the histogram writes it. */
const YEAR_FILTER = /(^|\s)after:(\d{4}) before:(\d{4})(?=\s|$)/g;

/**
 * The year the histogram's filter in `query` selects, or null.
 *
 * @param {string} query
 */
export function yearFilterOf(query) {
  for (const match of query.matchAll(YEAR_FILTER)) {
    if (Number(match[3]) === Number(match[2]) + 1) return Number(match[2]);
  }
  return null;
}

/**
 * `query` narrowed to one year, replacing a year filter added before; the
 * same year again removes it. Appending is enough even after an OR: in the
 * query language OR binds tighter than the implicit AND, so `a OR b after:…`
 * already means (a OR b) AND after:….
 *
 * @param {string} query
 * @param {number | null} year
 */
export function withYearFilter(query, year) {
  const current = yearFilterOf(query);
  const base = query
    .replace(YEAR_FILTER, (whole, _lead, from, to) =>
      Number(to) === Number(from) + 1 ? "" : whole,
    )
    .trim();
  if (year === null || current === year) return base;
  const filter = `after:${year} before:${year + 1}`;
  return base ? `${base} ${filter}` : filter;
}

/**
 * The public profile URL for a slug, or null when there is none. A slug that
 * is already percent-encoded stays as it is; anything else is encoded.
 *
 * @param {string | null | undefined} slug
 */
export function profileUrl(slug) {
  if (typeof slug !== "string" || slug.trim() === "") return null;
  try {
    const segment = slug.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~%]/gu, (c) =>
      encodeURIComponent(c),
    );
    return `https://www.linkedin.com/in/${segment}/`;
  } catch {
    return null; // a lone surrogate: not a slug LinkedIn could have written
  }
}

/**
 * A query error as the page shows it. The core's QueryError carries
 * `.position`, a UTF-16 index into the query (what JavaScript strings count).
 *
 * @param {unknown} error
 * @param {string} query
 * @returns {{ message: string, position: number | null }}
 */
export function describeQueryError(error, query) {
  let message =
    error instanceof Error || (error && typeof error === "object" && "message" in error)
      ? String(/** @type {{ message: unknown }} */ (error).message)
      : String(error);
  const raw = /** @type {{ position?: unknown }} */ (error ?? {}).position;
  const position =
    typeof raw === "number" && Number.isFinite(raw)
      ? Math.min(Math.max(0, Math.trunc(raw)), query.length)
      : null;
  // The wasm core's QueryError message is its Rust Display text, which starts
  // with the 0-based character position ("at 7: expected a date ..."). The
  // page already says where, 1-based and in UTF-16 units, so the member read
  // "at character 8: at 7: expected a date": two positions that disagree.
  // Drop the core's prefix when the position is given separately.
  if (position !== null) message = message.replace(/^\s*at \d+:\s*/, "");
  return { message: message.trim() || "This query cannot be read.", position };
}

/**
 * The connection count once `removing` more people are gone, as precisely as
 * the figure it starts from: an approximate figure stays approximate and a
 * "500+" floor stays a floor. `crossesBadge` is true when the 500+ badge
 * shows now (or, for a floor, may) and would not afterwards: with a floor
 * the real count may be higher, and the doubt resolves towards warning.
 * Null when the count is not known.
 *
 * @param {Count | null | undefined} count the Summary's connections figure
 * @param {number} removing
 * @returns {{ value: number, precision: Count["precision"], crossesBadge: boolean } | null}
 */
export function connectionsAfter(count, removing) {
  if (!count || typeof count !== "object" || !Number.isFinite(count.value)) return null;
  const value = Math.max(0, count.value - Math.max(0, removing));
  /** @type {Count["precision"]} */
  const precision =
    count.precision === "exact" || count.precision === "at-least" ? count.precision : "approximate";
  return {
    value,
    precision,
    crossesBadge: count.value >= BADGE_THRESHOLD && value < BADGE_THRESHOLD,
  };
}

/**
 * A count as words with its precision: "1,180", "about 1,180", "at least 490".
 *
 * @param {{ value: number, precision: Count["precision"] }} count
 */
export function describeCount(count) {
  const digits = formatCount(count.value);
  if (count.precision === "approximate") return `about ${digits}`;
  if (count.precision === "at-least") return `at least ${digits}`;
  return digits;
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/** @param {number} n @param {string} one @param {string} many */
function plural(n, one, many) {
  return n === 1 ? one : many;
}

/** @param {number} n */
function people(n) {
  return `${formatCount(n)} ${plural(n, "person", "people")}`;
}

// ---------------------------------------------------------------------------
// The page.

/**
 * Starts the review page on `doc`.
 *
 * @param {Document} doc review.html
 * @param {{ extension: any, loadCore: () => Promise<CoreClass> }} options
 *   `extension` is the extension API (`browser` or `chrome`); `loadCore`
 *   returns the Core class once the wasm is initialised.
 * @returns {{ ready: Promise<void>, reload: () => Promise<void>, stop: () => void }}
 *   `ready` settles once the first state (data, empty or error) is drawn.
 */
export function startReview(doc, { extension, loadCore }) {
  const win = /** @type {Window & typeof globalThis} */ (doc.defaultView ?? globalThis);
  const ui = elements(doc);

  /** @type {CoreClass | null} */
  let Core = null;
  /** @type {Replica | null} */
  let replica = null;
  /** The snapshot text the replica was restored from. */
  let replicaText = /** @type {string | null} */ (null);
  /** Every person in the replica (the empty query). */
  let everyone = EMPTY;
  /** slug <-> index for the whole replica, built when first needed. */
  let directory = /** @type {{ slugOf: string[], indexOf: Map<string, number> } | null} */ (null);

  /** The current matches, in the query's order. */
  let matches = EMPTY;
  /** 1 at each matching index: which selected people are in the results. */
  let matchMarks = new Uint8Array(0);
  /** @type {{ message: string, position: number | null } | null} */
  let queryFailure = null;

  /** Selected people: slug -> index in the current replica (-1 when not in it). */
  const selected = new Map();
  /** The row that holds the list's tab stop (a position in `matches`). */
  let activePosition = 0;
  /** The rows now in the DOM, by key. */
  const rendered = new Map();
  /** @type {WeakMap<Element, Row>} */
  const rowData = new WeakMap();
  /** @type {Row | null} */
  let detailsRow = null;

  let queryDirty = true;
  let frameRequested = false;
  let stopped = false;
  /** @type {ReturnType<typeof setTimeout> | null} */
  let reloadTimer = null;
  let lastReloadAt = -Infinity;
  let reloading = false;
  let reloadAgain = false;
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const timers = new Set();
  /** @type {{ name: string, text: string } | null} */
  let pendingRestore = null;
  /** @type {Collect | null} */
  let collect = null;
  let companyTemplate = DEFAULT_COMPANY_QUERY;
  /** The load in progress, so a storage change during it waits rather than racing it. */
  let loadInFlight = /** @type {Promise<void> | null} */ (null);
  /** Counts `collect` changes, so a load does not draw an older value over a newer one. */
  let collectChanges = 0;
  /** Whether the list says the latest changes could not be read. */
  let staleNotice = false;
  /** storage.local.summary's figures: the connection count the confirmation starts from. */
  let summary = /** @type {SummaryFigures | null} */ (null);
  /** storage.local.queue: the queue's progress (caps, people already waiting). */
  let queueStore = /** @type {QueueStore | null} */ (null);
  /** Counts `summary` and `queue` changes, likewise. */
  let summaryChanges = 0;
  let queueChanges = 0;
  /**
   * The confirmation while it is open: who would be queued, and whether the
   * answer has come.
   *
   * @type {{ slugs: string[], names: string[], needsAck: boolean, sending: boolean,
   *   answered: boolean } | null}
   */
  let queuePlan = null;
  /**
   * The pace in force: storage.local.queue.settings over the defaults, or
   * the background's answer to the last save, whichever came last.
   *
   * @type {PacingSettings}
   */
  let pacingInForce = { ...PACING_DEFAULTS };
  /** Pacing controls the member has changed since they were last filled in. */
  const pacingDirty = new Set();
  let pacingSending = false;

  const requestFrame =
    typeof win.requestAnimationFrame === "function"
      ? (/** @type {() => void} */ callback) => win.requestAnimationFrame(callback)
      : (/** @type {() => void} */ callback) => later(callback, 16);

  /**
   * @param {() => void} callback
   * @param {number} ms
   */
  function later(callback, ms) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      callback();
    }, ms);
    timers.add(timer);
    return timer;
  }

  // -------------------------------------------------------------------------
  // Loading the replica.

  /** Loads (or reloads after an error) the core, the replica and the collection state. */
  function load() {
    loadInFlight ??= loadOnce().finally(() => {
      loadInFlight = null;
    });
    return loadInFlight;
  }

  async function loadOnce() {
    show(ui.loading, true);
    show(ui.errorState, false);
    try {
      Core ??= await loadCore();
    } catch (error) {
      fatal(`netprune's core could not start in this page: ${messageOf(error)}`);
      return;
    }
    renderHelpAndSuggestions();

    const storage = extension?.storage?.local;
    if (!storage?.get) {
      fatal("netprune's storage is not available on this page. Open it from the extension.");
      return;
    }
    let stored;
    try {
      const before = { collect: collectChanges, summary: summaryChanges, queue: queueChanges };
      stored = (await storage.get(["snapshot", "collect", "summary", "queue"])) ?? {};
      // A change seen while the read was out is newer than what it answered.
      if (collectChanges !== before.collect) delete stored.collect;
      if (summaryChanges !== before.summary) delete stored.summary;
      if (queueChanges !== before.queue) delete stored.queue;
    } catch (error) {
      fatal(`netprune could not read what it has stored: ${messageOf(error)}`);
      return;
    }
    try {
      adoptSnapshot(stored.snapshot);
    } catch (error) {
      fatal(
        `Your saved network could not be read: ${messageOf(error)} ` +
          "Nothing was changed; try again, or restore a backup.",
      );
      return;
    }
    if ("collect" in stored || collectChanges === 0) renderCollect(stored.collect ?? null);
    if ("summary" in stored) summary = asObject(stored.summary);
    if ("queue" in stored) queueStore = asObject(stored.queue);
    renderQueueLine();
    adoptStoredPacing();
    show(ui.loading, false);
    show(ui.errorState, false);
    show(ui.view, true);
    renderNow();
  }

  /** @param {string} message */
  function fatal(message) {
    show(ui.loading, false);
    show(ui.view, false);
    ui.errorMessage.textContent = message;
    show(ui.errorState, true);
  }

  /**
   * Makes `text` the replica. Throws (and keeps the old replica) when the
   * core cannot read it.
   *
   * @param {unknown} text storage.local.snapshot
   */
  function adoptSnapshot(text) {
    if (text === undefined || text === null || text === "") {
      replaceReplica(null, null);
    } else if (typeof text !== "string") {
      throw new Error("it is not in the form this version of netprune stores.");
    } else if (text !== replicaText) {
      replaceReplica(/** @type {CoreClass} */ (Core).restoreJson(text), text);
    }
  }

  /**
   * @param {Replica | null} next
   * @param {string | null} text
   */
  function replaceReplica(next, text) {
    const previous = replica;
    replica = next;
    replicaText = text;
    directory = null;
    everyone = next ? asIndices(next.query("", Date.now())) : EMPTY;
    // wasm memory is not garbage-collected: the old replica is freed by hand.
    if (previous && previous !== next) previous.free?.();

    for (const slug of selected.keys()) selected.set(slug, indexOfSlug(slug));
    if (detailsRow) {
      const index = indexOfSlug(detailsRow.slug);
      if (index >= 0 && replica) {
        detailsRow = replica.rows(Uint32Array.of(index))[0] ?? detailsRow;
        renderDetails();
      }
    }
    renderSavedQueries();
    const empty = everyone.length === 0;
    show(ui.emptyState, empty);
    show(ui.resultsView, !empty);
    queryDirty = true;
    scheduleRender();
  }

  /** Reloads the replica from storage, at most once per RELOAD_INTERVAL_MS. */
  function requestReload() {
    if (reloadTimer !== null || stopped) return;
    const wait = Math.max(0, lastReloadAt + RELOAD_INTERVAL_MS - Date.now());
    reloadTimer = later(runReload, wait);
  }

  async function runReload() {
    reloadTimer = null;
    if (reloading) {
      reloadAgain = true;
      return;
    }
    reloading = true;
    lastReloadAt = Date.now();
    try {
      await reload();
    } finally {
      reloading = false;
      if (reloadAgain && !stopped) {
        reloadAgain = false;
        requestReload();
      }
    }
  }

  /**
   * Re-reads the snapshot into the replica, keeping the query, the
   * selection and the scroll position. Before the page has loaded, a full
   * load instead.
   */
  async function reload() {
    // A change that lands while the page is still loading is read after it.
    if (loadInFlight) await loadInFlight;
    if (!Core || ui.view.hidden) {
      await load();
      return;
    }
    try {
      const stored = (await extension.storage.local.get("snapshot")) ?? {};
      adoptSnapshot(stored.snapshot);
      if (staleNotice) {
        staleNotice = false;
        scheduleRender(true); // redraws the list message from the query's state
      }
    } catch (error) {
      // The last good replica stays on screen; saying so beats a blank page.
      staleNotice = true;
      ui.listMessage.textContent =
        `The latest changes could not be read (${trimSentence(messageOf(error))}); ` +
        "showing your network as it was.";
      show(ui.listMessage, true);
    }
  }

  /** @returns {{ slugOf: string[], indexOf: Map<string, number> }} */
  function getDirectory() {
    if (!directory) {
      /** @type {string[]} */
      const slugOf = [];
      const indexOf = new Map();
      if (replica && everyone.length) {
        // Only the keys: 30,000 full rows would be built just to read one field.
        const slugs = replica.slugs(everyone);
        everyone.forEach((index, k) => {
          slugOf[index] = slugs[k];
          if (slugs[k]) indexOf.set(slugs[k], index);
        });
      }
      directory = { slugOf, indexOf };
    }
    return directory;
  }

  /** @param {string} slug */
  function indexOfSlug(slug) {
    if (!replica || !slug) return -1;
    return getDirectory().indexOf.get(slug) ?? -1;
  }

  // -------------------------------------------------------------------------
  // Rendering, at most once per animation frame.

  /** @param {boolean} [requery] */
  function scheduleRender(requery = false) {
    if (requery) queryDirty = true;
    if (frameRequested || stopped) return;
    frameRequested = true;
    requestFrame(() => {
      frameRequested = false;
      if (!stopped) renderNow();
    });
  }

  function renderNow() {
    if (queryDirty) {
      queryDirty = false;
      runQuery();
      renderQueryState();
      renderHistogram();
    }
    renderSelection();
    renderWindow();
  }

  function runQuery() {
    const text = ui.input.value;
    queryFailure = null;
    matches = EMPTY;
    if (replica) {
      try {
        matches = asIndices(replica.query(text, Date.now()));
      } catch (error) {
        // A malformed query matches no one, visibly: never everyone.
        queryFailure = describeQueryError(error, text);
      }
    }
    let max = -1;
    for (const index of matches) if (index > max) max = index;
    matchMarks = new Uint8Array(max + 1);
    for (const index of matches) matchMarks[index] = 1;
    if (activePosition >= matches.length) activePosition = Math.max(0, matches.length - 1);
  }

  function renderQueryState() {
    const text = ui.input.value;
    ui.resultCount.textContent = formatCount(matches.length);
    const total = everyone.length;
    ui.resultWords.textContent = queryFailure
      ? `of ${people(total)} match (the query has a problem)`
      : text.trim() === ""
        ? `${plural(total, "person", "people")} in your network`
        : `of ${people(total)} match`;

    show(ui.queryError, Boolean(queryFailure));
    if (queryFailure) {
      ui.input.setAttribute("aria-invalid", "true");
      ui.input.setAttribute("aria-describedby", "query-help query-error-message");
      const { message, position } = queryFailure;
      ui.queryErrorMessage.textContent =
        position === null
          ? `This query cannot be read: ${message}`
          : position >= text.length
            ? `This query cannot be read at its end: ${message}`
            : `This query cannot be read at character ${position + 1}: ${message}`;
      renderQueryEcho(text, position);
      show(ui.queryErrorSelect, position !== null);
    } else {
      ui.input.removeAttribute("aria-invalid");
      ui.input.setAttribute("aria-describedby", "query-help");
      ui.queryErrorMessage.textContent = "";
      ui.queryEcho.replaceChildren();
    }

    const empty = matches.length === 0 && everyone.length > 0;
    ui.listMessage.textContent = queryFailure
      ? "No one is shown while the query has a problem."
      : "No one matches this query.";
    show(ui.listMessage, empty);
  }

  /**
   * The query with the part the core stopped at highlighted.
   *
   * @param {string} text
   * @param {number | null} position
   */
  function renderQueryEcho(text, position) {
    if (position === null) {
      ui.queryEcho.replaceChildren(doc.createTextNode(text));
      return;
    }
    const end = fragmentEnd(text, position);
    const mark = doc.createElement("mark");
    mark.textContent = position >= text.length ? " (end)" : text.slice(position, end);
    ui.queryEcho.replaceChildren(
      doc.createTextNode(text.slice(0, position)),
      mark,
      doc.createTextNode(text.slice(end)),
    );
  }

  /** @param {string} text @param {number} position */
  function fragmentEnd(text, position) {
    if (position >= text.length) return text.length;
    const rest = text.slice(position).search(/\s/);
    return rest <= 0 ? (rest === 0 ? position + 1 : text.length) : position + rest;
  }

  function renderSelection() {
    ui.selectedCount.textContent = formatCount(selected.size);
    let outside = 0;
    for (const index of selected.values()) {
      if (index < 0 || index >= matchMarks.length || matchMarks[index] === 0) outside += 1;
    }
    ui.selectionOutside.textContent =
      outside > 0 ? `, ${formatCount(outside)} not in the current results` : "";
    const none = selected.size === 0;
    ui.queueSelected.disabled = none;
    ui.clearSelection.disabled = none;
    ui.keepSelected.disabled = none;
    ui.unkeepSelected.disabled = none;
    ui.selectAll.disabled = matches.length === 0;
    ui.exportCsv.textContent = none
      ? `Export ${matches.length === everyone.length ? "everyone" : `the ${formatCount(matches.length)} matches`} as CSV`
      : `Export the ${formatCount(selected.size)} selected as CSV`;
    ui.exportCsv.disabled = none && matches.length === 0;
  }

  /** Draws the rows in view (plus overscan); the spacer gives the full height. */
  function renderWindow() {
    const total = matches.length;
    ui.list.style.height = `${total * ROW_HEIGHT}px`;
    const viewport = ui.scroller.clientHeight || FALLBACK_VIEWPORT_PX;
    const top = ui.scroller.scrollTop;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(total, Math.ceil((top + viewport) / ROW_HEIGHT) + OVERSCAN);

    /** @type {Row[]} */
    let rows = [];
    if (replica && last > first) {
      try {
        rows = replica.rows(matches.subarray(first, last));
      } catch (error) {
        ui.listMessage.textContent = `These people could not be shown: ${messageOf(error)}`;
        show(ui.listMessage, true);
      }
    }

    const previous = new Map(rendered);
    rendered.clear();
    /** @type {HTMLElement[]} */
    const next = [];
    rows.forEach((row, offset) => {
      const position = first + offset;
      let key = rowKey(row);
      // Two rows with one slug would be a core bug; they still get two rows.
      if (rendered.has(key)) key = `${key}#${position}`;
      const element = previous.get(key) ?? createRow(doc);
      fillRow(element, row, position, total);
      element.dataset.key = key;
      rendered.set(key, element);
      next.push(element);
    });
    const keep = new Set(/** @type {Element[]} */ (next));
    for (const child of [...ui.list.children]) if (!keep.has(child)) child.remove();
    // Remove first, then insert: a row that stays is never moved, so a
    // focused checkbox or row keeps its focus while the list scrolls.
    next.forEach((element, i) => {
      const at = ui.list.children[i] ?? null;
      if (at !== element) ui.list.insertBefore(element, at);
    });

    updateTabStop();
  }

  /** One row in the list holds the tab stop; the arrow keys move it. */
  function updateTabStop() {
    const positions = [...rendered.values()].map((element) => Number(element.dataset.position));
    const target = positions.includes(activePosition) ? activePosition : positions[0];
    for (const element of rendered.values()) {
      const tabIndex = Number(element.dataset.position) === target ? 0 : -1;
      for (const control of element.querySelectorAll("input, button")) {
        /** @type {HTMLElement} */ (control).tabIndex = tabIndex;
      }
    }
  }

  /**
   * @param {HTMLElement} element
   * @param {Row} row
   * @param {number} position
   * @param {number} total
   */
  function fillRow(element, row, position, total) {
    rowData.set(element, row);
    element.dataset.slug = row.slug ?? "";
    element.dataset.key = rowKey(row);
    element.dataset.position = String(position);
    element.style.top = `${position * ROW_HEIGHT}px`;
    element.style.height = `${ROW_HEIGHT}px`;
    element.setAttribute("aria-posinset", String(position + 1));
    element.setAttribute("aria-setsize", String(total));

    const name = row.name?.trim() ? row.name : "(no name)";
    const isSelected = Boolean(row.slug) && selected.has(row.slug);
    element.classList.toggle("is-selected", isSelected);
    const box = /** @type {HTMLInputElement} */ (part(element, ".row-select"));
    box.checked = isSelected;
    box.disabled = !row.slug;
    box.setAttribute("aria-label", `Select ${name}`);

    part(element, ".row-name").textContent = name;
    // Empty when unknown (the test hooks say so); the stylesheet shows "No headline".
    const headline = part(element, ".row-headline");
    headline.textContent = row.headline?.trim() ? row.headline : "";
    headline.classList.toggle("is-missing", !row.headline?.trim());
    part(element, ".row-work").textContent = workLine(row);
    const date = part(element, ".row-date");
    const day = /^\d{4}-\d{2}-\d{2}$/.exec(String(row.connected?.date ?? ""));
    if (day) {
      // time[data-testid="person-connected"] only when the date is known.
      const time = doc.createElement("time");
      time.dataset.testid = "person-connected";
      time.dateTime = day[0];
      time.textContent = describeConnected(row.connected).short;
      date.replaceChildren("Connected ", time);
    } else date.replaceChildren(`Connected ${describeConnected(row.connected).short}`);
    part(element, ".badges").replaceChildren(...badgesFor(doc, row));
  }

  function renderHistogram() {
    const chosen = yearFilterOf(ui.input.value);
    // With a year chosen, the bars stay those of the query without it, so
    // the member can move to another year; the chosen one is pressed.
    let source = matches;
    if (chosen !== null && replica && !queryFailure) {
      try {
        source = asIndices(replica.query(withYearFilter(ui.input.value, null), Date.now()));
      } catch {
        source = matches;
      }
    }
    /** @type {Histogram} */
    let histogram = { years: [], unknown: 0 };
    if (replica && source.length) {
      try {
        histogram = replica.histogram(source) ?? histogram;
      } catch (error) {
        ui.histogramUnknown.textContent = `The chart could not be drawn: ${messageOf(error)}`;
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
      ? `Unknown date: ${people(unknown)}`
      : source.length
        ? `No connection dates known for these ${people(source.length)}.`
        : "";
  }

  function renderHelpAndSuggestions() {
    const CoreClass = /** @type {CoreClass} */ (Core);
    const help = attempt(() => String(CoreClass.queryHelp() ?? ""), "");
    ui.queryHelp.textContent =
      help || 'Type words to match names and headlines; combine filters such as title:"sales".';

    /** @type {SuggestedQuery[]} */
    const suggestions = attempt(() => listOf(CoreClass.suggestedQueries()), []).filter(
      (s) => typeof s?.label === "string" && typeof s?.query === "string",
    );
    const companyFromCore = suggestions.find((s) => s.query.includes(COMPANY_PLACEHOLDER));
    companyTemplate = companyFromCore?.query ?? DEFAULT_COMPANY_QUERY;

    const items = suggestions
      .filter((s) => s !== companyFromCore)
      .map((suggestion) => {
        const button = doc.createElement("button");
        button.type = "button";
        button.className = "chip";
        button.setAttribute("data-testid", "suggested-query");
        button.dataset.query = suggestion.query;
        button.textContent = suggestion.label;
        button.title = suggestion.query;
        button.addEventListener("click", () => setQuery(suggestion.query));
        return listItem(doc, button);
      });
    // Asking for the company first: a query naming no company would match no one.
    const company = doc.createElement("button");
    company.type = "button";
    company.className = "chip";
    company.id = "company-prompt";
    company.setAttribute("aria-expanded", "false");
    company.setAttribute("aria-controls", "company-form");
    company.textContent = companyFromCore ? `${companyFromCore.label}…` : "At a company you left…";
    company.addEventListener("click", () => toggleCompanyForm(ui.companyForm.hidden));
    items.push(listItem(doc, company));
    ui.suggestedList.replaceChildren(...items);
  }

  function renderSavedQueries() {
    /** @type {SavedQuery[]} */
    const saved = attempt(() => listOf(replica?.savedQueries()), []).filter(
      (s) => typeof s?.name === "string" && typeof s?.query === "string",
    );
    ui.savedList.replaceChildren(
      ...saved.map(({ name, query }) => {
        const apply = doc.createElement("button");
        apply.type = "button";
        apply.className = "chip";
        apply.setAttribute("data-testid", "saved-query");
        apply.dataset.query = query;
        apply.textContent = name;
        apply.title = query;
        apply.addEventListener("click", () => setQuery(query));
        const remove = doc.createElement("button");
        remove.type = "button";
        remove.className = "chip-delete";
        remove.setAttribute("data-saved-name", name);
        remove.setAttribute("aria-label", `Delete saved query ${name}`);
        remove.textContent = "×";
        remove.addEventListener("click", () => deleteQuery(name));
        const item = listItem(doc, apply);
        item.append(remove);
        return item;
      }),
    );
    show(ui.savedEmpty, saved.length === 0);
  }

  /** @param {Collect | null} next */
  function renderCollect(next) {
    collect = next && typeof next === "object" ? next : null;
    const running = Boolean(collect?.running);
    ui.collectAll.disabled = running;
    show(ui.collectStop, running);
    show(ui.collectStatus, Boolean(collect));
    if (!collect) {
      ui.collectProgress.textContent = "";
      ui.collectState.textContent = "";
      show(ui.collectGone, false);
      return;
    }
    const seen = Number(collect.seen) || 0;
    ui.collectProgress.textContent =
      typeof collect.target === "number"
        ? `${formatCount(seen)} of ${formatCount(collect.target)}`
        : formatCount(seen);
    ui.collectState.textContent = collectWords(collect);
    const gone = Number(collect.gone) || 0;
    const showGone = !running && collect.outcome === "complete" && gone > 0;
    show(ui.collectGone, showGone);
    ui.collectGoneText.textContent = showGone
      ? `${people(gone)} no longer in your connections.`
      : "";
  }

  function renderDetails() {
    const row = detailsRow;
    if (!row) return;
    ui.detailsName.textContent = row.name?.trim() ? row.name : "(no name)";
    ui.detailsBadges.replaceChildren(
      ...BADGES.filter(({ key }) => row[key]).map(({ key, meaning }) => {
        const badge = doc.createElement("span");
        badge.className = `badge badge-${key}`;
        badge.textContent = meaning;
        return badge;
      }),
    );
    /** @type {[string, string][]} */
    const fields = [
      ["Headline", row.headline?.trim() || "None"],
      ["Company", row.company?.trim() || "Not known"],
      ["Position", row.position?.trim() || "Not known"],
      ["Connected", describeConnected(row.connected).long],
      ["Source", SOURCE_PHRASES[row.source] ?? String(row.source ?? "Unknown")],
    ];
    if (row.possiblySameAs) fields.push(["Possibly the same as", row.possiblySameAs]);
    ui.detailsFields.replaceChildren(
      ...fields.flatMap(([term, value]) => {
        const dt = doc.createElement("dt");
        dt.textContent = term;
        const dd = doc.createElement("dd");
        dd.dir = "auto";
        dd.textContent = value;
        return [dt, dd];
      }),
    );
    const url = row.unmatched ? null : profileUrl(row.slug);
    show(ui.detailsLink, url !== null);
    if (url) ui.detailsLink.href = url;
    else ui.detailsLink.removeAttribute("href");
    show(ui.detailsNoLink, url === null);
  }

  // -------------------------------------------------------------------------
  // Actions.

  /** @param {string} text */
  function setQuery(text) {
    ui.input.value = text;
    onQueryEdited();
    ui.input.focus();
  }

  function onQueryEdited() {
    ui.scroller.scrollTop = 0;
    activePosition = 0;
    scheduleRender(true);
  }

  /** @param {boolean} open */
  function toggleCompanyForm(open) {
    show(ui.companyForm, open);
    doc.getElementById("company-prompt")?.setAttribute("aria-expanded", String(open));
    if (open) ui.companyInput.focus();
  }

  /**
   * @param {HTMLElement} statusLine
   * @param {string} text
   * @param {boolean} [isError]
   */
  function setStatus(statusLine, text, isError = false) {
    statusLine.textContent = text;
    statusLine.classList.toggle("is-error", isError);
  }

  /**
   * Sends one change to the background. Answers null after showing a
   * failure in `statusLine`.
   *
   * @param {object} message
   * @param {HTMLElement} statusLine
   * @param {string} failurePrefix
   */
  async function ask(message, statusLine, failurePrefix) {
    try {
      return await sendMessage(message, extension);
    } catch (error) {
      setStatus(statusLine, `${failurePrefix}: ${messageOf(error)}`, true);
      return null;
    }
  }

  async function saveQuery() {
    const query = ui.input.value.trim();
    if (!query) {
      setStatus(ui.saveStatus, "Type a query first, then save it.", true);
      return;
    }
    if (queryFailure) {
      setStatus(ui.saveStatus, "This query has a problem; fix it before saving.", true);
      return;
    }
    const name = ui.saveName.value.trim() || (query.length > 60 ? `${query.slice(0, 59)}…` : query);
    setStatus(ui.saveStatus, "Saving…");
    const answer = await ask({ type: "save-query", name, query }, ui.saveStatus, "Not saved");
    if (answer) {
      setStatus(ui.saveStatus, `Saved as “${name}”.`);
      ui.saveName.value = "";
    }
  }

  /** @param {string} name */
  async function deleteQuery(name) {
    const answer = await ask({ type: "delete-query", name }, ui.saveStatus, "Not deleted");
    if (answer) {
      setStatus(ui.saveStatus, `Deleted “${name}”.`);
      ui.savedHeading.focus();
    }
  }

  function selectAllMatching() {
    if (!replica || matches.length === 0) return;
    const { slugOf } = getDirectory();
    for (const index of matches) {
      const slug = slugOf[index];
      if (slug) selected.set(slug, index);
    }
    setStatus(ui.actionStatus, "");
    renderSelection();
    renderWindow();
  }

  function clearSelection() {
    selected.clear();
    setStatus(ui.actionStatus, "");
    renderSelection();
    renderWindow();
  }

  /** @param {boolean} kept */
  async function setKept(kept) {
    const slugs = [...selected.keys()];
    if (slugs.length === 0) return;
    setStatus(ui.actionStatus, kept ? "Keeping…" : "Updating…");
    const answer = await ask(
      { type: "set-kept", slugs, kept },
      ui.actionStatus,
      kept ? "Not kept" : "Not changed",
    );
    if (!answer) return;
    const changed = typeof answer.changed === "number" ? answer.changed : slugs.length;
    setStatus(
      ui.actionStatus,
      kept
        ? `${people(slugs.length)} kept${changed !== slugs.length ? ` (${formatCount(changed)} newly)` : ""}.`
        : `${people(slugs.length)} no longer kept.`,
    );
  }

  /** The selection's indices: those in the results first, in the results' order. */
  function selectedIndices() {
    const wanted = new Set();
    for (const index of selected.values()) if (index >= 0) wanted.add(index);
    const inResults = [];
    for (const index of matches) if (wanted.delete(index)) inResults.push(index);
    const outside = [...wanted].sort((a, b) => a - b);
    return Uint32Array.from([...inResults, ...outside]);
  }

  function exportCsv() {
    if (!replica) return;
    const indices = selected.size ? selectedIndices() : matches;
    if (indices.length === 0) {
      setStatus(ui.actionStatus, "There is no one to export.", true);
      return;
    }
    let csv;
    try {
      csv = replica.exportCsv(indices);
    } catch (error) {
      setStatus(ui.actionStatus, `The export failed: ${messageOf(error)}`, true);
      return;
    }
    const name = `netprune-${localDate(Date.now())}.csv`;
    saveFile(doc, csvParts(csv), "text/csv;charset=utf-8", name, later);
    const missing = selected.size - indices.length;
    setStatus(
      ui.actionStatus,
      `Exported ${people(indices.length)} to ${name}.` +
        (missing > 0 ? ` ${people(missing)} selected could not be found in your network.` : ""),
    );
  }

  /**
   * @param {File} file
   * @param {"buffer" | "text"} as
   * @returns {Promise<any>}
   */
  function readFile(file, as) {
    return new Promise((resolve, reject) => {
      const reader = new win.FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
      if (as === "buffer") reader.readAsArrayBuffer(file);
      else reader.readAsText(file, "utf-8");
    });
  }

  async function importCsv() {
    const file = ui.importInput.files?.[0];
    if (!file) return;
    show(ui.importReport, true);
    ui.importReport.replaceChildren(paragraph(doc, `Importing ${file.name}…`));
    ui.importInput.disabled = true;
    try {
      const bytes = new Uint8Array(await readFile(file, "buffer"));
      const answer = await sendMessage(
        { type: "import-csv", name: file.name, base64: toBase64(bytes) },
        extension,
      );
      renderImportReport(file.name, answer.report);
    } catch (error) {
      const refused = error instanceof BackgroundError && !error.unreachable;
      const heading = paragraph(doc, `${file.name} was not imported.`);
      heading.className = "report-title is-error";
      ui.importReport.replaceChildren(
        heading,
        paragraph(doc, refused ? messageOf(error) : `${messageOf(error)}`),
        paragraph(doc, "Nothing was changed."),
      );
    } finally {
      ui.importInput.disabled = false;
      ui.importInput.value = "";
    }
  }

  /**
   * @param {string} name
   * @param {ImportReport | undefined} report
   */
  function renderImportReport(name, report) {
    const title = paragraph(doc, `Imported ${name}.`);
    title.className = "report-title";
    if (!report || typeof report !== "object") {
      ui.importReport.replaceChildren(title);
      return;
    }
    const skipped = Array.isArray(report.skipped) ? report.skipped : [];
    const list = doc.createElement("ul");
    list.className = "report-figures";
    /** @type {[string, number, string][]} */
    const figures = [
      ["rows", report.rows, plural(report.rows, "row read", "rows read")],
      ["matched", report.matched, "matched people already in your network"],
      ["added", report.added, "new"],
      ["unmatched", report.unmatched, "unmatched (no profile link in the file)"],
      ["skipped", skipped.length, plural(skipped.length, "row skipped", "rows skipped")],
    ];
    for (const [key, value, words] of figures) {
      const item = doc.createElement("li");
      const number = doc.createElement("span");
      number.className = "figure";
      number.dataset.figure = key;
      number.textContent = formatCount(Number(value) || 0);
      item.append(number, ` ${words}`);
      list.append(item);
    }
    /** @type {HTMLElement[]} */
    const parts = [title, list];
    if (skipped.length) {
      const lines = doc.createElement("ul");
      lines.className = "report-skipped";
      for (const { line, reason } of skipped) {
        const item = doc.createElement("li");
        item.textContent = `Line ${line}: ${reason}`;
        lines.append(item);
      }
      if (skipped.length > SKIPPED_SHOWN_INLINE) {
        const fold = doc.createElement("details");
        const summary = doc.createElement("summary");
        summary.textContent = `Show the ${formatCount(skipped.length)} skipped rows`;
        fold.append(summary, lines);
        parts.push(fold);
      } else {
        parts.push(lines);
      }
    }
    ui.importReport.replaceChildren(...parts);
  }

  async function startCollect() {
    show(ui.collectError, false);
    ui.collectAll.disabled = true;
    try {
      const answer = await sendMessage({ type: "collect-start" }, extension);
      if (answer.collect && typeof answer.collect === "object") renderCollect(answer.collect);
    } catch (error) {
      ui.collectErrorMessage.textContent = messageOf(error);
      show(ui.collectError, true);
    } finally {
      ui.collectAll.disabled = Boolean(collect?.running);
    }
  }

  /** @type {import("./page-check.js").PageCheck | null} the last page check */
  let pageCheck = null;

  /** "Check this page": what netprune recognises on the open connections page. */
  async function runPageCheck() {
    setStatus(ui.pageCheckStatus, "");
    try {
      const answer = await sendMessage({ type: "page-check" }, extension);
      pageCheck = answer.check;
      const check = /** @type {import("./page-check.js").PageCheck} */ (answer.check);
      ui.pageCheckSummary.textContent = check.removalOff
        ? "Removal is off on this page: netprune does not recognise all it needs."
        : "netprune recognises this page.";
      ui.pageCheckLines.replaceChildren(
        ...checkLines(check, false).map((line) => {
          const item = doc.createElement("li");
          item.dir = "auto";
          item.textContent = line;
          return item;
        }),
      );
      show(ui.pageCheckCopy, true);
    } catch (error) {
      pageCheck = null;
      ui.pageCheckSummary.textContent = `The page could not be checked: ${messageOf(error)}`;
      ui.pageCheckLines.replaceChildren();
      show(ui.pageCheckCopy, false);
    }
    show(ui.pageCheckResult, true);
  }

  async function copyPageCheck() {
    if (!pageCheck) return;
    try {
      const version = api?.runtime?.getManifest?.().version ?? "(unknown version)";
      await win.navigator.clipboard.writeText(redactedReport(pageCheck, version));
      setStatus(ui.pageCheckStatus, "Copied: the report holds no names and no profile links.");
    } catch (error) {
      setStatus(ui.pageCheckStatus, `Could not copy: ${messageOf(error)}`, true);
    }
  }

  async function stopCollect() {
    try {
      const answer = await sendMessage({ type: "collect-stop" }, extension);
      if (answer.collect && typeof answer.collect === "object") renderCollect(answer.collect);
      if (ui.collectStop.hidden) ui.collectAll.focus();
    } catch (error) {
      ui.collectErrorMessage.textContent = `Could not stop: ${messageOf(error)}`;
      show(ui.collectError, true);
    }
  }

  async function downloadBackup() {
    setStatus(ui.backupStatus, "");
    /** @type {Replica | null} */
    let fresh = null;
    try {
      const stored = (await extension.storage.local.get("snapshot")) ?? {};
      const text = stored.snapshot;
      if (typeof text !== "string" || text === "") {
        setStatus(ui.backupStatus, "There is nothing to back up yet.", true);
        return;
      }
      // The core writes the backup; a replica a moment behind storage is
      // not used for it.
      let source = replica;
      if (text !== replicaText || !source) {
        fresh = /** @type {CoreClass} */ (Core).restoreJson(text);
        source = fresh;
      }
      const now = Date.now();
      const json = source.backupJson(now);
      const name = `netprune-backup-${localDate(now)}.json`;
      saveFile(doc, [json], "application/json", name, later);
      setStatus(
        ui.backupStatus,
        `Saved ${name}. Keep it somewhere private: it lists your network.`,
      );
    } catch (error) {
      setStatus(ui.backupStatus, `The backup failed: ${messageOf(error)}`, true);
    } finally {
      fresh?.free?.();
    }
  }

  async function chooseRestoreFile() {
    const file = ui.restoreInput.files?.[0];
    if (!file) return;
    setStatus(ui.backupStatus, "");
    try {
      pendingRestore = { name: file.name, text: await readFile(file, "text") };
    } catch (error) {
      setStatus(ui.backupStatus, `${file.name} could not be read: ${messageOf(error)}`, true);
      ui.restoreInput.value = "";
      return;
    }
    ui.restoreConfirmText.textContent =
      `Restoring ${file.name} replaces your network, the people you keep and your saved ` +
      "queries with what the file holds. " +
      // The core keeps safety as it is (background.js, "restore-backup"):
      // the member is told before confirming.
      "Your removal log, the pace and daily counts, and anyone already removed stay as they " +
      "are. Removals waiting in your queue, now or in the file, are cancelled: nobody is " +
      "removed unless you queue them again.";
    show(ui.restoreConfirm, true);
    ui.restoreCancel.focus();
  }

  async function confirmRestore() {
    const pending = pendingRestore;
    closeRestoreConfirm();
    if (!pending) return;
    setStatus(ui.backupStatus, `Restoring ${pending.name}…`);
    try {
      const answer = await sendMessage({ type: "restore-backup", text: pending.text }, extension);
      setStatus(ui.backupStatus, restoredText(pending.name, answer?.report));
    } catch (error) {
      setStatus(ui.backupStatus, `${messageOf(error)} Nothing was changed.`, true);
    }
    ui.restoreInput.focus();
  }

  /**
   * What a restore did, in words.
   * @param {string} name
   * @param {{ notRequeued?: number, cancelled?: number, inFlight?: string | null, keptRemoved?: number } | undefined} report
   */
  function restoredText(name, report) {
    const parts = [`Restored from ${name}.`];
    const waiting = (report?.notRequeued ?? 0) + (report?.cancelled ?? 0);
    if (waiting > 0) {
      parts.push(
        `${waiting} waiting ${waiting === 1 ? "removal was" : "removals were"} not queued again: ` +
          "queue them again to remove them.",
      );
    }
    if (report?.inFlight) {
      parts.push(`The removal step already under way (${report.inFlight}) still finishes.`);
    }
    if ((report?.keptRemoved ?? 0) > 0) {
      parts.push(`${report?.keptRemoved} people already removed stay marked as removed.`);
    }
    parts.push("Your removal log and the pace's counts are kept.");
    return parts.join(" ");
  }

  function closeRestoreConfirm() {
    pendingRestore = null;
    show(ui.restoreConfirm, false);
    ui.restoreInput.value = "";
  }

  /** @param {HTMLElement} element a row */
  function openDetails(element) {
    const row = rowData.get(element);
    if (!row) return;
    detailsRow = row;
    renderDetails();
    show(ui.details, true);
    ui.detailsName.focus();
  }

  function closeDetails() {
    const key = detailsRow ? rowKey(detailsRow) : null;
    detailsRow = null;
    show(ui.details, false);
    const element = key ? rendered.get(key) : null;
    const target =
      /** @type {HTMLElement | null} */ (element?.querySelector(".row-main")) ??
      /** @type {HTMLElement | null} */ (ui.list.querySelector('.row-main[tabindex="0"]'));
    (target ?? ui.input).focus();
  }

  /**
   * Moves the list's tab stop to `position`, scrolling it into view.
   *
   * @param {number} position
   * @param {string} selector which control of the row gets focus
   */
  function moveTo(position, selector) {
    if (matches.length === 0) return;
    activePosition = Math.min(Math.max(0, position), matches.length - 1);
    const viewport = ui.scroller.clientHeight || FALLBACK_VIEWPORT_PX;
    const top = activePosition * ROW_HEIGHT;
    if (top < ui.scroller.scrollTop) ui.scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > ui.scroller.scrollTop + viewport) {
      ui.scroller.scrollTop = top + ROW_HEIGHT - viewport;
    }
    renderWindow();
    const element = [...rendered.values()].find(
      (row) => Number(row.dataset.position) === activePosition,
    );
    /** @type {HTMLElement | null | undefined} */ (element?.querySelector(selector))?.focus();
  }

  // -------------------------------------------------------------------------
  // The removal queue: the confirmation before anyone is queued, and one line
  // on where the queue stands. The background owns the queue; this page only
  // asks it to queue people (queue-removals) and reads storage.local.queue.

  /** People waiting or being removed now, from storage.local.queue. */
  function waitingInQueue() {
    const progress = queueStore?.progress;
    if (!progress || typeof progress !== "object") return 0;
    return (
      Math.max(0, Number(progress.pending) || 0) + Math.max(0, Number(progress.inProgress) || 0)
    );
  }

  function renderQueueLine() {
    const waiting = waitingInQueue();
    show(ui.queueLine, waiting > 0);
    if (waiting === 0) {
      ui.queueLine.textContent = "";
      return;
    }
    const progress = /** @type {QueueProgress} */ (queueStore?.progress);
    const paused =
      progress.state === "paused"
        ? ` (paused${progress.reason ? `: ${trimSentence(progress.reason)}` : ""})`
        : "";
    ui.queueLine.textContent =
      `${people(waiting)} waiting in the removal queue${paused}; ` +
      "pause or cancel it from the toolbar popup.";
  }

  /**
   * The pacing in words, with the caps the queue really has (the defaults
   * until the background has written one).
   *
   * @param {number} total people in the queue once these are added
   */
  function pacingWords(total) {
    const progress = queueStore?.progress;
    const control = "you can pause or cancel from the toolbar popup at any time.";
    if (
      progress &&
      typeof progress === "object" &&
      (progress.devPacing === true || progress.hourlyCap === null)
    ) {
      return `Development pacing is on: netprune removes people quickly, with no hourly or daily cap; ${control}`;
    }
    const hourly = Number(progress?.hourlyCap) || DEFAULT_HOURLY_CAP;
    const daily = Number(progress?.dailyCap) || DEFAULT_DAILY_CAP;
    let words =
      `netprune removes about ${formatCount(hourly)} people an hour at most, with random ` +
      `pauses; ${control} No more than ${formatCount(daily)} in any 24 hours`;
    // The (cap + 1)th removal waits until the first leaves the rolling window.
    if (total > daily) {
      const days = Math.floor((total - 1) / daily);
      words += `, so ${people(total)} take more than ${formatCount(days)} ${plural(days, "day", "days")}`;
    } else if (total > hourly) {
      const hours = Math.floor((total - 1) / hourly);
      words += `, so ${people(total)} take more than ${formatCount(hours)} ${plural(hours, "hour", "hours")}`;
    }
    return `${words}.`;
  }

  // -------------------------------------------------------------------------
  // The removal pace: the member's pacing settings. The page sends them
  // (queue-settings); the core clamps them and the background answers with
  // the settings in force, which the fields then show, with a note by any
  // field the core changed.

  /** The control groups, each filled (or left alone) as one. */
  function pacingGroups() {
    return [
      ...PACING_FIELDS.map((field) => ({
        controls: [ui.pacingInputs[field.key]],
        fill: (/** @type {PacingSettings} */ settings) => {
          const value = Number(settings[field.key]);
          ui.pacingInputs[field.key].value = Number.isFinite(value)
            ? String(value / field.scale)
            : "";
        },
      })),
      {
        controls: [ui.quietHours, ui.quietStart, ui.quietEnd],
        fill: (/** @type {PacingSettings} */ settings) => {
          const on = hasQuietHours(settings);
          ui.quietHours.checked = on;
          if (on) {
            ui.quietStart.value = timeFromMinutes(settings.quietStartMinute);
            ui.quietEnd.value = timeFromMinutes(settings.quietEndMinute);
          }
          updateQuietControls();
        },
      },
    ];
  }

  /**
   * Shows `settings` in the fields. Unless `force`, a field the member is
   * editing (changed, or focused) keeps what they typed.
   *
   * @param {PacingSettings} settings
   * @param {boolean} force
   */
  function fillPacing(settings, force) {
    for (const group of pacingGroups()) {
      const editing = group.controls.some(
        (control) => pacingDirty.has(control) || doc.activeElement === control,
      );
      if (force || !editing) group.fill(settings);
    }
    show(ui.pacingDev, settings.devDelayMs !== undefined && settings.devDelayMs !== null);
  }

  /** storage.local.queue.settings, read or changed: the pace in force. */
  function adoptStoredPacing() {
    const stored = asObject(queueStore?.settings);
    // Nothing written yet: the defaults (or the last answer) stand.
    if (stored) pacingInForce = { ...PACING_DEFAULTS, ...stored };
    fillPacing(pacingInForce, false);
  }

  function updateQuietControls() {
    ui.quietStart.disabled = !ui.quietHours.checked;
    ui.quietEnd.disabled = !ui.quietHours.checked;
  }

  /**
   * @param {HTMLElement} note
   * @param {string} text
   * @param {boolean} [isError]
   */
  function setPacingNote(note, text, isError = false) {
    note.textContent = text;
    note.classList.toggle("is-error", isError);
    show(note, text !== "");
  }

  function clearPacingNotes() {
    for (const field of PACING_FIELDS) {
      setPacingNote(ui.pacingNotes[field.key], "");
      ui.pacingInputs[field.key].removeAttribute("aria-invalid");
    }
    setPacingNote(ui.quietNote, "");
    ui.quietStart.removeAttribute("aria-invalid");
    ui.quietEnd.removeAttribute("aria-invalid");
  }

  /**
   * The form's values in the core's units (counts, ms, minutes after local
   * midnight), or the problems that stop them being sent. Out-of-range
   * numbers are sent as typed (the core clamps them and the page says so);
   * only what is not a number at all, and what a u32 cannot hold, is
   * settled here.
   *
   * @returns {{ values: Partial<PacingSettings>, problems: { control: HTMLInputElement, note: HTMLElement, text: string }[] }}
   */
  function readPacingForm() {
    /** @type {Partial<PacingSettings>} */
    const values = {};
    /** @type {{ control: HTMLInputElement, note: HTMLElement, text: string }[]} */
    const problems = [];
    for (const field of PACING_FIELDS) {
      const input = ui.pacingInputs[field.key];
      const text = input.value.trim();
      const number = text === "" ? NaN : Number(text);
      if (!Number.isFinite(number)) {
        problems.push({ control: input, note: ui.pacingNotes[field.key], text: field.missing });
        continue;
      }
      values[field.key] = Math.min(U32_MAX, Math.max(0, Math.round(number * field.scale)));
    }
    if (ui.quietHours.checked) {
      const start = minutesFromTime(ui.quietStart.value);
      const end = minutesFromTime(ui.quietEnd.value);
      if (start === null || end === null) {
        problems.push({
          control: start === null ? ui.quietStart : ui.quietEnd,
          note: ui.quietNote,
          text: "Choose when quiet hours start and when they end.",
        });
      } else if (start === end) {
        problems.push({
          control: ui.quietEnd,
          note: ui.quietNote,
          text: "Quiet hours need an end that differs from their start.",
        });
      } else {
        values.quietStartMinute = start;
        values.quietEndMinute = end;
      }
    } else {
      values.quietStartMinute = null;
      values.quietEndMinute = null;
    }
    return { values, problems };
  }

  /** @param {SubmitEvent | Event} event */
  function savePacing(event) {
    event.preventDefault();
    if (pacingSending) return;
    clearPacingNotes();
    const { values, problems } = readPacingForm();
    if (problems.length > 0) {
      for (const { control, note, text } of problems) {
        control.setAttribute("aria-invalid", "true");
        setPacingNote(note, text, true);
      }
      setStatus(
        ui.pacingStatus,
        problems.length === 1
          ? "Not saved: one field needs a value; see the note by it."
          : `Not saved: ${formatCount(problems.length)} fields need a value; see the notes by them.`,
        true,
      );
      problems[0].control.focus();
      return;
    }
    // Every field, not just the edited ones: the background replaces the
    // settings whole.
    sendPacing({ ...PACING_DEFAULTS, ...pacingInForce, ...values }, "Saved");
  }

  function restorePacingDefaults() {
    if (pacingSending) return;
    clearPacingNotes();
    sendPacing({ ...PACING_DEFAULTS }, "Defaults restored");
  }

  /**
   * @param {PacingSettings} settings
   * @param {string} done the first words of the status once it is in force
   */
  async function sendPacing(settings, done) {
    pacingSending = true;
    // aria-disabled, not disabled: disabling the focused button would drop focus.
    ui.savePacing.setAttribute("aria-disabled", "true");
    ui.restorePacing.setAttribute("aria-disabled", "true");
    setStatus(ui.pacingStatus, "Saving…");
    let answer;
    try {
      answer = await sendMessage({ type: "queue-settings", settings }, extension);
    } catch (error) {
      if (!stopped) setStatus(ui.pacingStatus, `Not saved: ${messageOf(error)}`, true);
      return;
    } finally {
      pacingSending = false;
      ui.savePacing.removeAttribute("aria-disabled");
      ui.restorePacing.removeAttribute("aria-disabled");
    }
    if (stopped) return;
    /** @type {PacingSettings} */
    const inForce = { ...settings, ...(asObject(answer?.settings) ?? {}) };
    pacingInForce = inForce;
    pacingDirty.clear();
    fillPacing(inForce, true);
    const notes = clampNotes(settings, inForce);
    for (const field of PACING_FIELDS) {
      setPacingNote(ui.pacingNotes[field.key], notes[field.key] ?? "");
    }
    setPacingNote(ui.quietNote, notes.quiet ?? "");
    const changed = Object.keys(notes).length;
    const clamped =
      changed === 0
        ? ""
        : changed === 1
          ? " One value was changed to fit netprune's limits; see the note by it."
          : ` ${formatCount(changed)} values were changed to fit netprune's limits; see the notes by them.`;
    setStatus(ui.pacingStatus, `${done}. ${describePacing(inForce)}${clamped}`);
  }

  /** @param {Event} event */
  function onPacingEdited(event) {
    const control = /** @type {HTMLInputElement} */ (event.target);
    pacingDirty.add(control);
    if (control === ui.quietHours) {
      // Ticking quiet hours with no times yet offers a night: 22:00 until 07:00.
      if (ui.quietHours.checked && !ui.quietStart.value && !ui.quietEnd.value) {
        ui.quietStart.value = "22:00";
        ui.quietEnd.value = "07:00";
      }
      updateQuietControls();
    }
    const field = PACING_FIELDS.find((f) => ui.pacingInputs[f.key] === control);
    if (field) {
      setPacingNote(ui.pacingNotes[field.key], "");
      control.removeAttribute("aria-invalid");
    } else {
      setPacingNote(ui.quietNote, "");
      ui.quietStart.removeAttribute("aria-invalid");
      ui.quietEnd.removeAttribute("aria-invalid");
    }
  }

  /** @param {Row} row */
  function nameOf(row) {
    return row.name?.trim() ? row.name : "(no name)";
  }

  /**
   * One group of people in a list: "2 people on your keep-list (…): Ann, Bob."
   * Names are isolated (dir="auto"), since they can be in any script.
   *
   * @param {number} count
   * @param {string} words
   * @param {string[]} names at most NAMES_SHOWN are listed
   */
  function groupItem(count, words, names) {
    const item = doc.createElement("li");
    item.append(`${people(count)} ${words}`);
    const listed = names.slice(0, NAMES_SHOWN);
    listed.forEach((name, i) => {
      item.append(i === 0 ? ": " : ", ");
      const span = doc.createElement("span");
      span.dir = "auto";
      span.className = "person-name";
      span.textContent = name;
      item.append(span);
    });
    if (count > listed.length && listed.length > 0) {
      item.append(`, and ${formatCount(count - listed.length)} more`);
    }
    item.append(".");
    return item;
  }

  function openQueueDialog() {
    if (selected.size === 0 || queuePlan || !replica) return;
    /** @type {number[]} */
    const indices = [];
    let missing = 0;
    for (const index of selected.values()) {
      if (index >= 0) indices.push(index);
      else missing += 1;
    }
    /** @type {Row[]} */
    let chosen;
    try {
      chosen = indices.length ? replica.rows(Uint32Array.from(indices)) : [];
    } catch (error) {
      setStatus(ui.actionStatus, `The selection could not be read: ${messageOf(error)}`, true);
      return;
    }

    // Everyone the core would refuse is left out here, with the reason, so
    // the count the member confirms is the count that is queued.
    /** @type {Map<string, string[]>} */
    const excluded = new Map(EXCLUSIONS.map(({ key }) => [key, []]));
    /** @type {string[]} */
    const slugs = [];
    for (const row of chosen) {
      const reason = EXCLUSIONS.find(({ key }) => row[key]);
      if (reason) excluded.get(reason.key)?.push(nameOf(row));
      else if (row.slug) slugs.push(row.slug);
    }
    const n = slugs.length;

    ui.planCount.textContent = n > 0 ? formatCount(n) : "";
    show(ui.planCount, n > 0);
    ui.planWords.textContent =
      n === 0
        ? "Nobody in the selection can be queued; the reasons are below."
        : `${plural(n, "person", "people")} will be queued for removal.`;

    const groups = EXCLUSIONS.flatMap(({ key, words }) => {
      const names = excluded.get(key) ?? [];
      return names.length ? [groupItem(names.length, words, names)] : [];
    });
    if (missing > 0) {
      groups.push(groupItem(missing, "no longer in your network as netprune holds it", []));
    }
    ui.excludedList.replaceChildren(...groups);
    show(ui.excluded, groups.length > 0);

    const waiting = waitingInQueue();
    const current = summary?.connections ?? null;
    const after = connectionsAfter(current, n + waiting);
    if (n === 0) {
      ui.queueAfter.textContent = "";
    } else if (!after || !current) {
      ui.queueAfter.textContent =
        "netprune does not know your connection count yet, so it cannot say how many would be " +
        "left. Collect your connections to see it.";
    } else {
      ui.queueAfter.textContent =
        `Connections after removal: ${describeCount(after)} (from ${describeCount(current)}).` +
        (waiting > 0
          ? ` This counts the ${people(waiting)} already waiting in the queue as removed too.`
          : "");
    }
    show(ui.queueAfter, n > 0);

    const needsAck = n > 0 && Boolean(after?.crossesBadge);
    ui.below500Text.textContent =
      after?.precision === "at-least"
        ? "That may be below 500: the 500+ badge on your profile could stop showing."
        : "That is below 500: the 500+ badge on your profile would stop showing.";
    ui.below500Ack.checked = false;
    show(ui.below500, needsAck);

    // A dry run belongs to this batch: people already waiting keep their own
    // mode, so every batch starts from "for real" unticked and is said plainly.
    ui.dryRun.checked = false;
    ui.queuePacing.textContent = pacingWords(n + waiting);

    ui.queueResult.replaceChildren();
    ui.queueResult.classList.remove("is-error");
    show(ui.planBox, true);
    show(ui.confirmQueue, true);
    ui.queueCancel.textContent = "Cancel";

    queuePlan = {
      slugs,
      names: chosen.filter((row) => row.slug && slugs.includes(row.slug)).map(nameOf),
      needsAck,
      sending: false,
      answered: false,
    };
    updateConfirm();
    const dialog = /** @type {HTMLDialogElement} */ (ui.queueDialog);
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    // The least destructive choice has focus first.
    ui.queueCancel.focus();
  }

  /**
   * What will happen to each person in this batch, and that people already
   * waiting keep their own mode.
   * @param {{ slugs: string[], names: string[] }} plan
   */
  function renderQueueMode(plan) {
    const n = plan.slugs.length;
    const dry = ui.dryRun.checked;
    ui.queueModeWords.textContent =
      n === 0
        ? ""
        : dry
          ? `Dry run: nobody will be removed. Each of these ${people(n)} is walked up to the ` +
            "confirm button, which is never pressed."
          : `Will be removed: each of these ${people(n)}.`;
    const what = dry ? "dry run: will not be removed" : "will be removed";
    const listed = plan.names.slice(0, NAMES_SHOWN).map((name) => {
      const item = doc.createElement("li");
      const span = doc.createElement("span");
      span.dir = "auto";
      span.className = "person-name";
      span.textContent = name;
      item.append(span, `: ${what}`);
      item.dataset.dryRun = dry ? "true" : "false";
      return item;
    });
    if (plan.names.length > listed.length) {
      const more = doc.createElement("li");
      more.textContent = `and ${formatCount(plan.names.length - listed.length)} more: ${what}`;
      listed.push(more);
    }
    ui.queueModeList.replaceChildren(...listed);
    const entries = Array.isArray(queueStore?.entries) ? queueStore.entries : [];
    const waitingDry = entries.filter(
      (e) => e?.dryRun && (e.status?.kind === "pending" || e.status?.kind === "in-progress"),
    ).length;
    const waiting = waitingInQueue();
    ui.queueModeOthers.textContent =
      waiting === 0
        ? ""
        : `The ${people(waiting)} already waiting keep their own mode: ` +
          `${formatCount(waitingDry)} as a dry run, ${formatCount(waiting - waitingDry)} for real.`;
    show(ui.queueModeOthers, waiting > 0);
  }

  function updateConfirm() {
    const plan = queuePlan;
    if (!plan) return;
    renderQueueMode(plan);
    const n = plan.slugs.length;
    ui.confirmQueue.textContent = plan.sending
      ? "Queuing…"
      : n === 0
        ? "Nobody to queue"
        : ui.dryRun.checked
          ? `Queue ${people(n)} for a dry run`
          : `Queue ${people(n)} for removal`;
    ui.confirmQueue.disabled =
      plan.sending || plan.answered || n === 0 || (plan.needsAck && !ui.below500Ack.checked);
  }

  function closeQueueDialog() {
    const plan = queuePlan;
    if (!plan) return;
    queuePlan = null;
    const dialog = /** @type {HTMLDialogElement} */ (ui.queueDialog);
    if (dialog.open) {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
    }
    // Back to "Remove selected…" (a click does not focus a button in every
    // browser, so it is named rather than remembered).
    (ui.queueSelected.disabled ? ui.main : ui.queueSelected).focus();
  }

  async function confirmQueue() {
    const plan = queuePlan;
    if (!plan || plan.sending || plan.answered || plan.slugs.length === 0) return;
    if (plan.needsAck && !ui.below500Ack.checked) return;
    const dryRun = ui.dryRun.checked;
    plan.sending = true;
    updateConfirm();
    ui.queueResult.classList.remove("is-error");
    ui.queueResult.replaceChildren(paragraph(doc, "Asking netprune's background to queue them…"));
    /** @type {any} */
    let answer;
    try {
      answer = await sendMessage({ type: "queue-removals", slugs: plan.slugs, dryRun }, extension);
    } catch (error) {
      plan.sending = false;
      const message = `Nobody was queued: ${messageOf(error)}`;
      if (queuePlan === plan) {
        ui.queueResult.classList.add("is-error");
        ui.queueResult.replaceChildren(paragraph(doc, message));
        updateConfirm();
      } else {
        setStatus(ui.actionStatus, message, true);
      }
      return;
    }
    plan.sending = false;
    plan.answered = true;

    const queued = Array.isArray(answer.queued)
      ? answer.queued.length
      : Math.max(0, Number(answer.queued) || 0);
    /** @type {Refusal[]} */
    const refused = listOf(answer.refused).filter((r) => typeof r?.slug === "string");
    const headline =
      queued === 0
        ? "Nobody was queued."
        : dryRun
          ? `Queued ${people(queued)} for a dry run: nobody will actually be removed.`
          : `Queued ${people(queued)} for removal.`;
    const refusedLine =
      refused.length > 0 ? ` ${formatCount(refused.length)} refused by netprune.` : "";
    setStatus(ui.actionStatus, `${headline}${refusedLine}`);
    if (queuePlan !== plan) return; // closed while the answer was on its way

    const title = paragraph(doc, headline);
    title.className = "report-title";
    title.dataset.queued = String(queued);
    /** @type {HTMLElement[]} */
    const parts = [title];
    if (refused.length) {
      parts.push(paragraph(doc, `Refused ${formatCount(refused.length)}:`));
      const list = doc.createElement("ul");
      list.className = "excluded-list";
      /** @type {Map<string, string[]>} */
      const byReason = new Map();
      for (const { slug, why } of refused) {
        const slugs = byReason.get(why) ?? [];
        slugs.push(slug);
        byReason.set(why, slugs);
      }
      for (const [why, slugs] of byReason) {
        const item = groupItem(slugs.length, REFUSALS[why] ?? String(why), namesFor(slugs));
        item.dataset.why = String(why);
        list.append(item);
      }
      parts.push(list);
    }
    if (queued > 0) {
      parts.push(paragraph(doc, "Follow the queue, pause it or cancel it from the toolbar popup."));
    }
    ui.queueResult.replaceChildren(...parts);
    show(ui.planBox, false);
    show(ui.confirmQueue, false);
    ui.queueCancel.textContent = "Close";
    ui.queueCancel.focus();
  }

  /**
   * Names for slugs, for the first NAMES_SHOWN of them; a slug the replica
   * does not hold is shown as itself.
   *
   * @param {string[]} slugs
   */
  function namesFor(slugs) {
    const shown = slugs.slice(0, NAMES_SHOWN);
    const indices = shown.map(indexOfSlug);
    /** @type {Map<number, string>} */
    const names = new Map();
    const known = indices.filter((index) => index >= 0);
    if (replica && known.length) {
      try {
        for (const row of replica.rows(Uint32Array.from(known))) names.set(row.index, nameOf(row));
      } catch {
        // The slugs stand in for the names.
      }
    }
    return shown.map((slug, i) => names.get(indices[i]) ?? slug);
  }

  /**
   * Keeps Tab inside the open dialog: the native modal already makes the
   * page behind it inert, but Tab would still leave for the browser's own UI.
   *
   * @param {KeyboardEvent} event
   */
  function trapTab(event) {
    const dialog = ui.queueDialog;
    const focusable = /** @type {HTMLElement[]} */ ([
      ...dialog.querySelectorAll("button, input, a[href], [tabindex='0']"),
    ]).filter((element) => {
      if (/** @type {HTMLButtonElement} */ (element).disabled) return false;
      for (
        let node = /** @type {HTMLElement | null} */ (element);
        node;
        node = node.parentElement
      ) {
        if (node.hidden) return false;
        if (node === dialog) break;
      }
      return true;
    });
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = /** @type {HTMLElement} */ (focusable.at(-1));
    const active = doc.activeElement;
    const inside = active instanceof win.HTMLElement && focusable.includes(active);
    if (event.shiftKey && (active === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  }

  // -------------------------------------------------------------------------
  // Wiring.

  ui.retry.addEventListener("click", async () => {
    await load();
    if (!ui.view.hidden) ui.main.focus();
  });
  ui.input.addEventListener("input", onQueryEdited);
  ui.queryErrorSelect.addEventListener("click", () => {
    const position = queryFailure?.position;
    if (typeof position !== "number") return;
    ui.input.focus();
    ui.input.setSelectionRange(position, fragmentEnd(ui.input.value, position));
  });
  ui.companyForm.addEventListener("submit", (event) => {
    event.preventDefault();
    // Quotes would end the quoted value early; no company name needs them.
    const company = ui.companyInput.value.replace(/"/g, "").replace(/\s+/g, " ").trim();
    if (!company) {
      ui.companyInput.focus();
      return;
    }
    toggleCompanyForm(false);
    ui.companyInput.value = "";
    setQuery(companyTemplate.split(COMPANY_PLACEHOLDER).join(company));
  });
  ui.companyCancel.addEventListener("click", () => {
    toggleCompanyForm(false);
    doc.getElementById("company-prompt")?.focus();
  });
  ui.saveForm.addEventListener("submit", (event) => {
    event.preventDefault();
    saveQuery();
  });

  ui.selectAll.addEventListener("click", selectAllMatching);
  ui.clearSelection.addEventListener("click", clearSelection);
  ui.keepSelected.addEventListener("click", () => setKept(true));
  ui.unkeepSelected.addEventListener("click", () => setKept(false));
  ui.exportCsv.addEventListener("click", exportCsv);
  ui.queueSelected.addEventListener("click", openQueueDialog);
  ui.confirmQueue.addEventListener("click", confirmQueue);
  ui.queueCancel.addEventListener("click", closeQueueDialog);
  ui.below500Ack.addEventListener("change", updateConfirm);
  ui.dryRun.addEventListener("change", updateConfirm);
  ui.queueDialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      closeQueueDialog();
    } else if (event.key === "Tab") {
      trapTab(event);
    }
  });
  // The browser's own ways of closing a modal (Escape when the keydown did
  // not reach the dialog): the same cancel, with focus given back.
  ui.queueDialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    closeQueueDialog();
  });
  ui.queueDialog.addEventListener("close", closeQueueDialog);
  ui.pacingForm.addEventListener("submit", savePacing);
  ui.restorePacing.addEventListener("click", restorePacingDefaults);
  ui.pacingForm.addEventListener("input", onPacingEdited);
  ui.pacingForm.addEventListener("change", onPacingEdited);
  // A field left unchanged catches up with the settings in force once it
  // loses focus (a storage change skipped it while it had focus).
  ui.pacingForm.addEventListener("focusout", () =>
    later(() => {
      if (!stopped) fillPacing(pacingInForce, false);
    }, 0),
  );
  ui.histogram.addEventListener("click", (event) => {
    const bar = /** @type {HTMLElement | null} */ (
      /** @type {Element} */ (event.target).closest("[data-year]")
    );
    if (!bar) return;
    ui.input.value = withYearFilter(ui.input.value, Number(bar.dataset.year));
    onQueryEdited();
  });

  ui.list.addEventListener("change", (event) => {
    const box = /** @type {HTMLInputElement} */ (event.target);
    if (!box.classList.contains("row-select")) return;
    const element = /** @type {HTMLElement} */ (box.closest('[data-testid="person-row"]'));
    const row = rowData.get(element);
    if (!row?.slug) return;
    if (box.checked) selected.set(row.slug, row.index);
    else selected.delete(row.slug);
    element.classList.toggle("is-selected", box.checked);
    renderSelection();
  });
  ui.list.addEventListener("click", (event) => {
    const main = /** @type {Element} */ (event.target).closest(".row-main");
    if (main) openDetails(/** @type {HTMLElement} */ (main.closest('[data-testid="person-row"]')));
  });
  ui.list.addEventListener("focusin", (event) => {
    const element = /** @type {HTMLElement | null} */ (
      /** @type {Element} */ (event.target).closest('[data-testid="person-row"]')
    );
    if (!element) return;
    activePosition = Number(element.dataset.position);
    updateTabStop();
  });
  ui.list.addEventListener("keydown", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const element = /** @type {HTMLElement | null} */ (
      target.closest('[data-testid="person-row"]')
    );
    if (!element) return;
    const position = Number(element.dataset.position);
    const page = Math.max(
      1,
      Math.floor((ui.scroller.clientHeight || FALLBACK_VIEWPORT_PX) / ROW_HEIGHT) - 1,
    );
    /** @type {Record<string, number>} */
    const moves = {
      ArrowDown: position + 1,
      ArrowUp: position - 1,
      PageDown: position + page,
      PageUp: position - page,
      Home: 0,
      End: matches.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    moveTo(moves[event.key], target.classList.contains("row-select") ? ".row-select" : ".row-main");
  });
  ui.scroller.addEventListener("scroll", () => scheduleRender(), { passive: true });
  win.addEventListener("resize", onResize);
  /** @type {ResizeObserver | null} */
  const resizeObserver = win.ResizeObserver ? new win.ResizeObserver(onResize) : null;
  resizeObserver?.observe(ui.scroller);
  function onResize() {
    scheduleRender();
  }

  ui.detailsClose.addEventListener("click", closeDetails);
  ui.details.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeDetails();
  });

  ui.emptyImport.addEventListener("click", () => {
    ui.importInput.focus();
    ui.importInput.click();
  });
  ui.importInput.addEventListener("change", importCsv);
  ui.collectAll.addEventListener("click", startCollect);
  ui.pageCheck.addEventListener("click", runPageCheck);
  ui.pageCheckCopy.addEventListener("click", copyPageCheck);
  ui.collectStop.addEventListener("click", stopCollect);
  ui.showGone.addEventListener("click", () => setQuery("is:gone"));
  ui.backupDownload.addEventListener("click", downloadBackup);
  ui.restoreInput.addEventListener("change", chooseRestoreFile);
  ui.restoreConfirmButton.addEventListener("click", confirmRestore);
  ui.restoreCancel.addEventListener("click", () => {
    closeRestoreConfirm();
    setStatus(ui.backupStatus, "Restore cancelled; nothing was changed.");
    ui.restoreInput.focus();
  });
  ui.restoreConfirm.addEventListener("keydown", (event) => {
    if (event.key === "Escape") ui.restoreCancel.click();
  });

  /**
   * @param {Record<string, { newValue?: unknown }>} changes
   * @param {string} area
   */
  const onStorageChanged = (changes, area) => {
    if (area !== "local" || stopped) return;
    if ("collect" in changes) {
      collectChanges += 1;
      renderCollect(/** @type {Collect | null} */ (changes.collect.newValue ?? null));
    }
    if ("summary" in changes) {
      summaryChanges += 1;
      summary = asObject(changes.summary.newValue);
    }
    if ("queue" in changes) {
      queueChanges += 1;
      queueStore = asObject(changes.queue.newValue);
      renderQueueLine();
      adoptStoredPacing();
    }
    if ("snapshot" in changes) requestReload();
  };
  extension?.storage?.onChanged?.addListener(onStorageChanged);

  return {
    ready: load(),
    reload,
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      extension?.storage?.onChanged?.removeListener(onStorageChanged);
      win.removeEventListener("resize", onResize);
      resizeObserver?.disconnect();
      replica?.free?.();
      replica = null;
    },
  };
}

// ---------------------------------------------------------------------------
// Small DOM helpers.

/**
 * The core's optional extras (help, suggestions, saved queries) never stop
 * the page: a failure shows the fallback.
 *
 * @template T
 * @param {() => T} compute
 * @param {T} fallback
 * @returns {T}
 */
function attempt(compute, fallback) {
  try {
    return compute();
  } catch {
    return fallback;
  }
}

/** @param {unknown} value @returns {any} */
function asObject(value) {
  return value && typeof value === "object" ? value : null;
}

/** @param {unknown} value @returns {any[]} */
function listOf(value) {
  return Array.isArray(value) ? value : [];
}

/** @param {unknown} value */
function asIndices(value) {
  if (value instanceof Uint32Array) return value;
  return Uint32Array.from(/** @type {ArrayLike<number>} */ (value ?? []));
}

/** A row's DOM identity: its slug, or its index when it has none. @param {Row} row */
function rowKey(row) {
  return row.slug ? `s:${row.slug}` : `i:${row.index}`;
}

/** @param {Row} row */
function workLine(row) {
  const company = row.company?.trim();
  const position = row.position?.trim();
  if (company && position) return `${position} · ${company}`;
  return company || position || "";
}

/** @param {Collect} collect */
function collectWords(collect) {
  if (collect.running) {
    return typeof collect.target === "number"
      ? "running"
      : "running (the page has not said its total yet)";
  }
  const reason = collect.reason ? `: ${trimSentence(collect.reason)}` : "";
  switch (collect.outcome) {
    case "complete":
      return "complete";
    case "ended":
      return `ended short${reason}`;
    case "stopped":
      return "stopped";
    case "interrupted":
      return `interrupted${reason}`;
    default:
      return "";
  }
}

/** Reasons come as sentences; they are quoted mid-sentence here. @param {string} s */
function trimSentence(s) {
  return String(s ?? "")
    .trim()
    .replace(/[.\s]+$/, "");
}

/**
 * @param {Document} doc
 * @param {Row} row
 */
function badgesFor(doc, row) {
  const badges = BADGES.filter(({ key }) => row[key]).map(({ key, word, meaning }) => {
    const badge = doc.createElement("span");
    badge.className = `badge badge-${key}`;
    badge.title = meaning;
    badge.textContent = word;
    return badge;
  });
  // A namesake netprune would not merge with (no profile link, no clear
  // fit by name and company): the member decides whether it is one person.
  if (row.possiblySameAs) {
    const marker = doc.createElement("span");
    marker.className = "badge badge-namesake";
    marker.setAttribute("data-testid", "possibly-same");
    marker.dir = "auto";
    marker.textContent = `possibly the same as ${row.possiblySameAs}`;
    marker.title = marker.textContent;
    badges.push(marker);
  }
  return badges;
}

/** @param {Document} doc */
function createRow(doc) {
  const span = (/** @type {string} */ className, auto = false) => {
    const element = doc.createElement("span");
    element.className = className;
    if (auto) element.dir = "auto";
    return element;
  };
  const row = doc.createElement("div");
  row.className = "person-row";
  row.setAttribute("role", "listitem");
  row.setAttribute("data-testid", "person-row");

  const check = doc.createElement("label");
  check.className = "row-check";
  const box = doc.createElement("input");
  box.type = "checkbox";
  box.className = "row-select";
  check.append(box);

  const main = doc.createElement("button");
  main.type = "button";
  main.className = "row-main";
  const title = span("row-line row-title");
  const name = span("row-name", true);
  name.dataset.testid = "person-name";
  title.append(name, span("badges"));
  const headline = span("row-line row-headline", true);
  headline.dataset.testid = "person-headline";
  main.append(title, headline, span("row-line row-work", true), span("row-line row-date"));
  row.append(check, main);
  return row;
}

/**
 * @param {ParentNode} root
 * @param {string} selector
 */
function part(root, selector) {
  return query(root, selector);
}

/**
 * @param {Document} doc
 * @param {HTMLElement} child
 */
function listItem(doc, child) {
  const item = doc.createElement("li");
  item.append(child);
  return item;
}

/**
 * @param {Document} doc
 * @param {string} text
 */
function paragraph(doc, text) {
  const p = doc.createElement("p");
  p.textContent = text;
  return p;
}

/**
 * @param {HTMLElement} element
 * @param {boolean} visible
 */
function show(element, visible) {
  element.hidden = !visible;
}

/**
 * A missing element is a broken review.html, not a state to render around.
 *
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement}
 */
function query(root, selector) {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`review.html has no ${selector}`);
  return /** @type {HTMLElement} */ (element);
}

/** @param {Document} doc */
function elements(doc) {
  const id = (/** @type {string} */ name) => query(doc, `#${name}`);
  const testId = (/** @type {string} */ name) => query(doc, `[data-testid="${name}"]`);
  const button = (/** @type {HTMLElement} */ element) => /** @type {HTMLButtonElement} */ (element);
  const input = (/** @type {HTMLElement} */ element) => /** @type {HTMLInputElement} */ (element);
  return {
    main: id("review"),
    loading: id("loading-state"),
    errorState: id("error-state"),
    errorMessage: id("error-message"),
    retry: id("retry-button"),
    view: id("review-view"),

    input: input(testId("filter-input")),
    queryHelp: id("query-help"),
    queryError: testId("query-error"),
    queryErrorMessage: id("query-error-message"),
    queryEcho: id("query-echo"),
    queryErrorSelect: id("query-error-select"),
    suggestedList: id("suggested-list"),
    companyForm: id("company-form"),
    companyInput: input(id("company-input")),
    companyCancel: id("company-cancel"),
    savedHeading: id("saved-heading"),
    savedEmpty: id("saved-empty"),
    savedList: id("saved-list"),
    saveForm: id("save-form"),
    saveName: input(id("save-name")),
    saveStatus: id("save-status"),

    emptyState: id("empty-state"),
    emptyImport: id("empty-import"),
    resultsView: id("results-view"),
    resultCount: testId("result-count"),
    resultWords: id("result-words"),
    selectedCount: testId("selected-count"),
    selectionOutside: id("selection-outside"),
    selectAll: button(testId("select-all-matching")),
    clearSelection: button(testId("clear-selection")),
    keepSelected: button(testId("keep-selected")),
    unkeepSelected: button(testId("unkeep-selected")),
    exportCsv: button(testId("export-csv")),
    queueSelected: button(testId("queue-selected")),
    queueLine: id("queue-line"),
    actionStatus: id("action-status"),
    histogram: testId("histogram"),
    histogramFirst: id("histogram-first"),
    histogramLast: id("histogram-last"),
    histogramUnknown: id("histogram-unknown"),
    scroller: id("list-scroller"),
    list: id("person-list"),
    listMessage: id("list-message"),

    details: id("details"),
    detailsName: id("details-name"),
    detailsClose: id("details-close"),
    detailsBadges: id("details-badges"),
    detailsFields: id("details-fields"),
    detailsLink: /** @type {HTMLAnchorElement} */ (id("details-link")),
    detailsNoLink: id("details-no-link"),

    collectAll: button(testId("collect-all")),
    pageCheck: button(testId("page-check")),
    pageCheckResult: id("page-check-result"),
    pageCheckSummary: id("page-check-summary"),
    pageCheckLines: id("page-check-lines"),
    pageCheckCopy: button(id("page-check-copy")),
    pageCheckStatus: id("page-check-status"),
    collectStop: button(id("collect-stop")),
    collectStatus: id("collect-status"),
    collectProgress: testId("collect-progress"),
    collectState: id("collect-state"),
    collectGone: id("collect-gone"),
    collectGoneText: id("collect-gone-text"),
    showGone: id("show-gone"),
    collectError: id("collect-error"),
    collectErrorMessage: id("collect-error-message"),

    importInput: input(testId("import-csv")),
    importReport: testId("import-report"),
    backupDownload: testId("backup-download"),
    restoreInput: input(testId("backup-restore")),
    restoreConfirm: id("restore-confirm"),
    restoreConfirmText: id("restore-confirm-text"),
    restoreConfirmButton: testId("backup-restore-confirm"),
    restoreCancel: id("restore-cancel"),
    backupStatus: id("backup-status"),

    queueDialog: testId("queue-dialog"),
    planBox: id("queue-plan"),
    planCount: id("queue-plan-count"),
    planWords: id("queue-plan-words"),
    excluded: id("queue-excluded"),
    excludedList: id("queue-excluded-list"),
    queueAfter: id("queue-after"),
    below500: id("queue-below-500"),
    below500Text: id("queue-below-500-text"),
    below500Ack: input(testId("below-500-ack")),
    dryRun: input(testId("dry-run")),
    queueModeWords: id("queue-mode-words"),
    queueModeList: id("queue-mode-list"),
    queueModeOthers: id("queue-mode-others"),
    queuePacing: id("queue-pacing"),
    queueResult: id("queue-result"),
    confirmQueue: button(testId("confirm-queue")),
    queueCancel: button(id("queue-dialog-cancel")),

    pacingForm: id("pacing-form"),
    pacingDev: testId("pacing-dev-note"),
    pacingInputs: {
      hourlyCap: input(testId("hourly-cap")),
      dailyCap: input(testId("daily-cap")),
      medianDelayMs: input(testId("median-delay")),
      minDelayMs: input(testId("min-delay")),
    },
    pacingNotes: {
      hourlyCap: testId("hourly-cap-note"),
      dailyCap: testId("daily-cap-note"),
      medianDelayMs: testId("median-delay-note"),
      minDelayMs: testId("min-delay-note"),
    },
    quietHours: input(testId("quiet-hours")),
    quietStart: input(testId("quiet-start")),
    quietEnd: input(testId("quiet-end")),
    quietNote: testId("quiet-note"),
    savePacing: button(testId("save-pacing")),
    restorePacing: button(testId("restore-pacing-defaults")),
    pacingStatus: testId("pacing-status"),
  };
}

// ---------------------------------------------------------------------------
// Bootstrap: only in review.html itself. Imported elsewhere (node, another
// page), this module only defines functions. The core is imported
// dynamically so that importing this module never needs the built wasm glue.
if (typeof document !== "undefined" && document.querySelector("[data-review-root]")) {
  startReview(document, {
    extension: api,
    async loadCore() {
      const glue = await import("../core/netprune.js");
      await glue.default();
      return glue.Core;
    },
  });
}
