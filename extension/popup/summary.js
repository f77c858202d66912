// @ts-check
// The popup's summary: the three figures (connections, followers, following:
// digits, "about", "at least", when and where each was read), the 500+ badge,
// the room left before the 30,000 cap, the goal select, whose network it is
// and the empty state. `render(doc, summary)` draws one whole Summary and
// hands the ratio, the chart and the notices to their own modules. The
// figures are the core's; nothing here computes a count, the badge or the cap.

import { byId, byTestId, query, show } from "./dom.js";
import { band, formatters, plural, relativeTime } from "./format.js";
import { renderHistory } from "./history-chart.js";
import { renderConsistency, renderCorruptNotice, renderPageStatus } from "./notices.js";
import { renderRatio } from "./ratio.js";

/**
 * @typedef {import("./types.js").Summary} Summary
 * @typedef {import("./types.js").Count} Count
 * @typedef {import("./types.js").CountSource} CountSource
 * @typedef {import("./format.js").Formatters} Formatters
 */

/** Below this many connections left, the cap line is drawn as a warning. */
const CAP_WARNING_HEADROOM = 1000;

/** @type {Record<CountSource, string>} */
const SOURCE_PHRASES = {
  "connections-page": "your connections page",
  "followers-page": "your followers page",
  "following-page": "your following page",
  profile: "your profile",
};

/** @type {Record<"connections" | "followers" | "following", string>} */
const FIGURE_SELECTORS = {
  connections: '[data-figure="connections"]',
  followers: '[data-figure="followers"]',
  following: '[data-figure="following"]',
};

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
  renderHistory(doc, summary.history, text, nowMs);
  renderPageStatus(doc, summary);
  renderOwner(doc, summary);
  byId(doc, "review-lead").textContent = isEmpty(summary)
    ? "Or import LinkedIn's export of your connections on the review page."
    : "See everyone in one list, filter them, and choose who to keep.";
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
 * Whose network this is: the LinkedIn member whose own-profile link the
 * pages showed (the background keeps one network per account).
 *
 * @param {Document} doc
 * @param {Summary} summary
 */
function renderOwner(doc, summary) {
  const owner = typeof summary.owner === "string" && summary.owner ? summary.owner : null;
  byTestId(doc, "network-owner").textContent = owner
    ? `Network of linkedin.com/in/${owner}`
    : "Account not identified yet: it shows once a LinkedIn page names your profile.";
}
