// @ts-check
// The toolbar popup. It owns no state: it asks the background for a Summary
// (docs/ARCHITECTURE.md), draws it into the skeleton in popup.html, and asks
// again whenever the background writes the snapshot. It never parses
// LinkedIn's text and never computes counts, badge or cap itself; the core
// did that. The only arithmetic here is turning the ratio band into "about N
// more followers" phrasing.
//
// Exports: `render(doc, summary, nowMs)` draws one Summary (pure DOM work),
// `renderError(doc, message)` shows the background-unreachable state, and
// `startPopup(doc, extension)` wires messages, storage and controls. The
// bootstrap at the bottom runs `startPopup` only inside the popup's own page.

import { api, sendMessage, BACKGROUND_UNREACHABLE } from "../lib/browser.js";

/**
 * @typedef {"thought-leader" | "consultant" | "business-developer" | "early-career"} GoalId
 * @typedef {"connections-page" | "followers-page" | "following-page" | "profile"} CountSource
 * @typedef {{ value: number, precision: "exact" | "approximate" | "at-least", shown: string,
 *   readAtMs: number, source: CountSource }} Count
 * @typedef {{ id: GoalId, label: string, low: number, high: number }} Goal
 * @typedef {{ value: number, approximate: boolean, low: number, high: number,
 *   position: "below" | "within" | "above" }} Ratio
 * @typedef {{ page: "connections" | "followers" | "following" | "profile",
 *   status: "recognised" | "unrecognised", url: string, generation: string | null,
 *   reason: string | null, atMs: number }} PageReading
 * @typedef {{
 *   connections: Count | null, followers: Count | null, following: Count | null,
 *   peopleRead: number,
 *   badge: { status: "shows" | "not-yet" | "unknown", connectionsNeeded: number | null },
 *   cap: { limit: number, headroom: number | null, atCap: boolean },
 *   goal: GoalId, goals: Goal[], ratio: Ratio | null,
 *   consistency: { status: "empty" | "consistent" | "partial", problems: string[] },
 *   page: PageReading | null,
 *   corrupt: { keptAs: string, reason: string, atMs: number } | null,
 * }} Summary
 */

/** The member's own pages the content script reads, by figure. */
export const PAGE_URLS = Object.freeze({
  connections: "https://www.linkedin.com/mynetwork/invite-connect/connections/",
  followers: "https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/",
  following: "https://www.linkedin.com/mynetwork/network-manager/people-follow/following/",
});

/** The storage.local keys the background writes that change the Summary. */
const WATCHED_KEYS = ["snapshot", "corruptSnapshots", "corruptNoticeDismissed"];

/** Below this many connections left, the cap line is drawn as a warning. */
const CAP_WARNING_HEADROOM = 1000;

/** Relative times ("5 minutes ago") go stale while the popup stays open. */
const CLOCK_REFRESH_MS = 30_000;

/** @type {Record<CountSource, string>} */
const SOURCE_PHRASES = {
  "connections-page": "your connections page",
  "followers-page": "your followers page",
  "following-page": "your following page",
  profile: "your profile",
};

/** @type {Record<PageReading["page"], string>} */
const PAGE_PHRASES = {
  connections: "your connections page",
  followers: "your followers page",
  following: "your following page",
  profile: "your profile",
};

/** @type {Record<"connections" | "followers" | "following", string>} */
const FIGURE_SELECTORS = {
  connections: '[data-figure="connections"]',
  followers: '[data-figure="followers"]',
  following: '[data-figure="following"]',
};

// ---------------------------------------------------------------------------
// Rendering: Summary -> DOM. No messages, no storage, no timers.

/**
 * Draws one Summary into the popup skeleton. Updates elements in place
 * rather than rebuilding them, so a live update does not steal focus from the
 * goal select or a button the member is on.
 *
 * @param {Document} doc the popup document (popup.html)
 * @param {Summary} summary
 * @param {number} [nowMs] the time relative times are measured from
 */
export function render(doc, summary, nowMs = Date.now()) {
  const text = formatters(doc);
  show(byId(doc, "loading-state"), false);
  show(byId(doc, "summary-view"), true);

  renderCorruptNotice(doc, summary);
  show(byTestId(doc, "empty-state"), isEmpty(summary));
  for (const figure of /** @type {const} */ (["connections", "followers", "following"])) {
    renderFigure(doc, figure, summary[figure], text, nowMs);
  }
  renderConsistency(doc, summary);
  renderBadge(doc, summary, text);
  renderCap(doc, summary, text);
  renderGoals(doc, summary, text);
  renderRatio(doc, summary, text);
  renderPageStatus(doc, summary);
}

/**
 * Shows that the background could not answer. A popup with no Summary yet
 * shows only this; one that already has a Summary keeps it visible below.
 *
 * @param {Document} doc
 * @param {string} message a sentence a member can read
 */
export function renderError(doc, message) {
  byId(doc, "error-message").textContent = message || BACKGROUND_UNREACHABLE;
  show(byId(doc, "error-state"), true);
  show(byId(doc, "loading-state"), false);
}

/** @param {Document} doc */
function hideError(doc) {
  show(byId(doc, "error-state"), false);
}

/**
 * Nothing has been read from any page yet: the member has not visited one
 * since installing, so the popup explains where the numbers come from.
 *
 * @param {Summary} summary
 */
function isEmpty(summary) {
  return (
    summary.consistency?.status === "empty" &&
    !summary.connections &&
    !summary.followers &&
    !summary.following &&
    !summary.peopleRead
  );
}

/**
 * @param {Document} doc
 * @param {Summary} summary
 */
function renderCorruptNotice(doc, summary) {
  const notice = byTestId(doc, "corrupt-notice");
  const corrupt = summary.corrupt;
  show(notice, Boolean(corrupt));
  byId(doc, "corrupt-message").textContent = corrupt
    ? `Your saved network data could not be read (${trimSentence(corrupt.reason)}). ` +
      "It was kept aside, not deleted."
    : "";
}

/**
 * One of the three figures. The data-testid element holds only the digits an
 * acceptance test parses; what kind of number it is (about, at least) sits
 * next to it so the digits are never mixed with words.
 *
 * @param {Document} doc
 * @param {"connections" | "followers" | "following"} figure
 * @param {Count | null} count
 * @param {Formatters} text
 * @param {number} nowMs
 */
function renderFigure(doc, figure, count, text, nowMs) {
  const item = query(doc, FIGURE_SELECTORS[figure]);
  const number = query(item, "[data-testid]");
  const marker = query(item, '[data-part="marker"]');
  const note = query(item, '[data-part="note"]');
  const meta = query(item, '[data-part="meta"]');
  const hint = query(item, '[data-part="hint"]');
  const hintText = query(item, '[data-part="hint-text"]');

  // "500+" is a floor, not a figure: writing 500 in the count would be a
  // wrong number, so the count stays empty and the note says what is known.
  const atLeast = count?.precision === "at-least";
  number.textContent = count && !atLeast ? text.number.format(count.value) : "";

  marker.textContent = count?.precision === "approximate" ? "about" : "";
  show(marker, count?.precision === "approximate");

  if (count && atLeast) {
    note.textContent = `${count.shown} (from ${SOURCE_PHRASES[count.source] ?? "LinkedIn"})`;
  } else if (count?.precision === "approximate") {
    note.textContent = `(LinkedIn shows ${count.shown})`;
  } else {
    note.textContent = "";
  }
  show(note, note.textContent !== "");
  note.classList.toggle("is-floor", atLeast);

  meta.textContent = count
    ? `read ${relativeTime(text, count.readAtMs, nowMs)} from ${SOURCE_PHRASES[count.source] ?? "LinkedIn"}`
    : "";
  show(meta, Boolean(count));

  if (!count) {
    hintText.textContent = "Not read yet.";
  } else if (atLeast) {
    hintText.textContent = "For the exact count:";
  }
  show(hint, !count || atLeast);
}

/**
 * @param {Document} doc
 * @param {Summary} summary
 */
function renderConsistency(doc, summary) {
  const warning = byTestId(doc, "consistency-warning");
  const partial = summary.consistency?.status === "partial";
  show(warning, partial);
  const list = byId(doc, "consistency-problems");
  const problems = partial ? (summary.consistency.problems ?? []) : [];
  list.replaceChildren(
    ...problems.map((problem) => {
      const item = doc.createElement("li");
      item.textContent = problem;
      return item;
    }),
  );
  show(list, problems.length > 0);
}

/**
 * @param {Document} doc
 * @param {Summary} summary
 * @param {Formatters} text
 */
function renderBadge(doc, summary, text) {
  const badge = summary.badge;
  let sentence = "Badge status unknown until your connections are read";
  if (badge?.status === "shows") {
    sentence = "500+ badge shows";
  } else if (badge?.status === "not-yet") {
    const needed = badge.connectionsNeeded;
    sentence =
      typeof needed === "number"
        ? `500+ badge not yet: ${text.number.format(needed)} more ${plural(needed, "connection", "connections")}`
        : "500+ badge not yet";
  }
  byTestId(doc, "badge-status").textContent = sentence;
}

/**
 * @param {Document} doc
 * @param {Summary} summary
 * @param {Formatters} text
 */
function renderCap(doc, summary, text) {
  const cap = summary.cap;
  const limit = text.number.format(cap?.limit ?? 30000);
  const headroom = typeof cap?.headroom === "number" ? cap.headroom : null;
  const atCap = Boolean(cap?.atCap) || (headroom !== null && headroom <= 0);
  const nearCap = !atCap && headroom !== null && headroom < CAP_WARNING_HEADROOM;

  byTestId(doc, "cap-headroom").textContent =
    headroom === null ? "" : text.number.format(Math.max(0, headroom));
  byId(doc, "cap-label").textContent =
    headroom === null
      ? `Room left before the ${limit} cap is unknown until your connections page gives the exact count.`
      : `left before the ${limit} cap`;

  const note = byId(doc, "cap-note");
  if (atCap) {
    note.textContent = "At the cap, no new connection can be made; people can still follow you.";
  } else if (nearCap) {
    note.textContent = `Close to the cap: fewer than ${text.number.format(CAP_WARNING_HEADROOM)} new connections can still be made.`;
  } else {
    note.textContent = "";
  }
  show(note, atCap || nearCap);
  byId(doc, "cap").classList.toggle("is-warning", atCap || nearCap);
}

/**
 * Fills the goal select. Options are rebuilt only when the goals change, so
 * an open or focused select is not disturbed by a live update.
 *
 * @param {Document} doc
 * @param {Summary} summary
 * @param {Formatters} text
 */
function renderGoals(doc, summary, text) {
  const select = /** @type {HTMLSelectElement} */ (byTestId(doc, "goal-select"));
  const goals = Array.isArray(summary.goals) ? summary.goals : [];
  const labels = goals.map((goal) => `${goal.label} (${band(text, goal.low, goal.high)})`);
  const signature = JSON.stringify(goals.map((goal, index) => [goal.id, labels[index]]));
  if (select.dataset.goals !== signature) {
    select.replaceChildren(
      ...goals.map((goal, index) => {
        const option = doc.createElement("option");
        option.value = goal.id;
        option.textContent = labels[index];
        return option;
      }),
    );
    select.dataset.goals = signature;
  }
  select.value = summary.goal;
  select.disabled = goals.length === 0;
}

/**
 * The ratio and where it stands against the chosen band, phrased as what
 * would move it, never as a judgement of the member's network.
 *
 * @param {Document} doc
 * @param {Summary} summary
 * @param {Formatters} text
 */
function renderRatio(doc, summary, text) {
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
 * @param {Summary} summary
 * @param {Ratio} ratio
 * @param {Formatters} text
 */
function ratioPosition(summary, ratio, text) {
  const bandText = band(text, ratio.low, ratio.high);
  if (ratio.position === "within") return `within your band (${bandText})`;

  // A "500+" floor is not a count to do arithmetic on: "about 1,200 more
  // connections" from 500 would be invented, so the levers are left out.
  const exactEnough = (/** @type {Count | null} */ c) =>
    c && c.precision !== "at-least" ? c.value : null;
  const followers = exactEnough(summary.followers);
  const connections = exactEnough(summary.connections);
  const known = typeof followers === "number" && typeof connections === "number";

  if (ratio.position === "below") {
    if (!known) return `below your band (${bandText})`;
    // Either raise followers to low x connections, or bring connections down
    // to followers / low. Nudge for float error so 1.5 x 1000 stays 1500.
    const moreFollowers = Math.max(1, Math.ceil(ratio.low * connections - followers - 1e-9));
    const fewerConnections = Math.max(1, connections - Math.floor(followers / ratio.low + 1e-9));
    return (
      `below your band (${bandText}): about ${text.number.format(moreFollowers)} more ` +
      `${plural(moreFollowers, "follower", "followers")} or ${text.number.format(fewerConnections)} ` +
      `fewer ${plural(fewerConnections, "connection", "connections")} would reach ` +
      `${text.band.format(ratio.low)}:1`
    );
  }

  if (!known) return `above your band (${bandText})`;
  // Above the band the lever that fits is more connections: followers / high.
  const moreConnections = Math.max(1, Math.ceil(followers / ratio.high - connections - 1e-9));
  return (
    `above your band (${bandText}): about ${text.number.format(moreConnections)} more ` +
    `${plural(moreConnections, "connection", "connections")} would bring it to ` +
    `${text.band.format(ratio.high)}:1`
  );
}

/** @param {Summary} summary */
function missingRatioReason(summary) {
  if (summary.consistency?.status === "partial") {
    return "The ratio is not shown while the readings above do not add up.";
  }
  if (!summary.followers || !summary.connections) {
    return "The ratio appears once both your followers and your connections are read.";
  }
  if (summary.connections.value === 0) {
    return "The ratio appears once you have at least one connection.";
  }
  return "The ratio is not available for these readings.";
}

/**
 * @param {Document} doc
 * @param {Summary} summary
 */
function renderPageStatus(doc, summary) {
  const status = byTestId(doc, "page-status");
  const page = summary.page;
  status.classList.toggle("is-warning", page?.status === "unrecognised");
  if (!page) {
    status.textContent = "No LinkedIn page read yet.";
    return;
  }
  if (page.status === "unrecognised") {
    // A clear "read nothing", never a half-read count.
    status.textContent = page.reason
      ? `Page not recognised: ${trimSentence(page.reason)}. netprune read nothing from it.`
      : "Page not recognised. netprune read nothing from it.";
    return;
  }
  let sentence = `Read ${PAGE_PHRASES[page.page] ?? "a LinkedIn page"}`;
  if (page.generation) sentence += ` (${page.generation} layout)`;
  if (page.page === "connections") {
    const people = summary.peopleRead ?? 0;
    sentence += `, ${formatters(doc).number.format(people)} ${plural(people, "person", "people")} so far`;
  }
  status.textContent = sentence;
}

// ---------------------------------------------------------------------------
// Wiring: messages to the background, storage updates, controls.

/**
 * Starts the popup on `doc`: asks for the Summary, re-asks when the
 * background writes storage, and connects the controls.
 *
 * @param {Document} doc the popup document (popup.html)
 * @param {any} extension the extension API (`browser` or `chrome`)
 * @returns {{ ready: Promise<void>, refresh: () => Promise<void>, stop: () => void }}
 *   `ready` settles once the first answer (or failure) is drawn.
 */
export function startPopup(doc, extension) {
  /** @type {Summary | null} */
  let summary = null;
  // Only the answer to the newest request is drawn, so a slow get-summary
  // cannot overwrite what a later set-goal answered.
  let latest = 0;

  /** @param {object} message */
  async function ask(message) {
    const ticket = ++latest;
    try {
      const answer = await sendMessage(message, extension);
      if (ticket !== latest) return;
      if (!answer.summary || typeof answer.summary !== "object") {
        throw new Error("netprune's background answered without a summary; try again.");
      }
      summary = answer.summary;
      hideError(doc);
      render(doc, /** @type {Summary} */ (summary));
    } catch (error) {
      if (ticket !== latest) return;
      renderError(doc, error instanceof Error ? error.message : String(error));
      // Put the select back on the goal the background actually holds.
      if (summary) render(doc, summary);
    }
  }

  const refresh = () => ask({ type: "get-summary" });

  /** @param {string} url */
  async function openTab(url) {
    try {
      await extension.tabs.create({ url });
    } catch (error) {
      renderError(
        doc,
        `Could not open a new tab: ${error instanceof Error ? error.message : error}`,
      );
    }
  }

  // When the button the member just used disappears (Dismiss, Try again),
  // focus would fall to <body>; put it at the start of the content instead.
  const focusMain = () => byId(doc, "popup").focus();

  byId(doc, "retry-button").addEventListener("click", async () => {
    await refresh();
    if (byId(doc, "error-state").hidden) focusMain();
  });
  byId(doc, "dismiss-corrupt").addEventListener("click", async () => {
    await ask({ type: "dismiss-corrupt" });
    if (byTestId(doc, "corrupt-notice").hidden) focusMain();
  });
  byTestId(doc, "goal-select").addEventListener("change", (event) => {
    const goal = /** @type {HTMLSelectElement} */ (event.currentTarget).value;
    ask({ type: "set-goal", goal });
  });
  byId(doc, "open-connections").addEventListener("click", () => openTab(PAGE_URLS.connections));
  for (const link of doc.querySelectorAll('[data-part="hint-link"]')) {
    // Real links (so they read as links and show their address), opened
    // through tabs.create because a popup's own navigation would replace it.
    link.addEventListener("click", (event) => {
      event.preventDefault();
      openTab(/** @type {HTMLAnchorElement} */ (link).href);
    });
  }

  /**
   * @param {Record<string, unknown>} changes
   * @param {string} area
   */
  const onStorageChanged = (changes, area) => {
    if (area === "local" && WATCHED_KEYS.some((key) => key in changes)) refresh();
  };
  extension?.storage?.onChanged?.addListener(onStorageChanged);

  const clock = setInterval(() => {
    if (summary) render(doc, summary);
  }, CLOCK_REFRESH_MS);

  return {
    ready: refresh(),
    refresh,
    stop() {
      clearInterval(clock);
      extension?.storage?.onChanged?.removeListener(onStorageChanged);
    },
  };
}

// ---------------------------------------------------------------------------
// Small helpers.

/**
 * @typedef {{ number: Intl.NumberFormat, ratio: Intl.NumberFormat,
 *   band: Intl.NumberFormat, relative: Intl.RelativeTimeFormat }} Formatters
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
function formatters(doc) {
  const locale = doc.documentElement.lang || "en";
  let cached = formatterCache.get(locale);
  if (!cached) {
    cached = {
      number: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      ratio: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      band: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: "auto" }),
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
function band(text, low, high) {
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
function relativeTime(text, thenMs, nowMs) {
  const seconds = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (!Number.isFinite(seconds) || seconds < 60) return "just now";
  if (seconds < 3600) return text.relative.format(-Math.floor(seconds / 60), "minute");
  if (seconds < 86400) return text.relative.format(-Math.floor(seconds / 3600), "hour");
  return text.relative.format(-Math.floor(seconds / 86400), "day");
}

/**
 * @param {number} n
 * @param {string} one
 * @param {string} many
 */
function plural(n, one, many) {
  return n === 1 ? one : many;
}

/** Reasons come as sentences; they are quoted mid-sentence here. @param {string} s */
function trimSentence(s) {
  return String(s ?? "")
    .trim()
    .replace(/[.\s]+$/, "");
}

/**
 * @param {Element} element
 * @param {boolean} visible
 */
function show(element, visible) {
  /** @type {HTMLElement} */ (element).hidden = !visible;
}

/**
 * @param {Document} doc
 * @param {string} id
 * @returns {HTMLElement}
 */
function byId(doc, id) {
  return query(doc, `#${id}`);
}

/**
 * @param {Document} doc
 * @param {string} testId
 * @returns {HTMLElement}
 */
function byTestId(doc, testId) {
  return query(doc, `[data-testid="${testId}"]`);
}

/**
 * A missing element is a broken popup.html, not a state to render around.
 *
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement}
 */
function query(root, selector) {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`popup.html has no ${selector}`);
  return /** @type {HTMLElement} */ (element);
}

// ---------------------------------------------------------------------------
// Bootstrap: only in the popup's own page. Imported elsewhere (node, another
// page), this module only defines functions. Without the extension API the
// popup still starts, and says the background is unavailable rather than
// staying blank.
if (typeof document !== "undefined" && document.querySelector("[data-popup-root]")) {
  startPopup(document, api);
}
