// @ts-check
// The popup's summary: the three figures (connections, followers, following:
// digits, "about", "at least", when and where each was read, "—" and the page
// to read when unread), the other relations under them (relations.js), the
// 500+ badge, the room left before the 30,000 cap,
// how many of the connections have been read (the review page's list), the
// goal select, whose network it is and the empty state. `render(doc,
// summary)` draws one whole Summary and hands the ratio, the chart, the
// notices and the next step to their own modules. The
// figures are the core's; nothing here computes a count, the badge or the cap.

import { byId, byTestId, query, show } from "../lib/dom.js";
import { t, tn } from "../lib/i18n.js";
import { band, formatters, relativeTime } from "./format.js";
import { renderHistory } from "./history-chart.js";
import {
  renderConsistency,
  renderCorruptNotice,
  renderLinkedInLanguage,
  renderPageStatus,
} from "./notices.js";
import { renderNextStep } from "./next-step.js";
import { renderRatio } from "./ratio.js";
import { renderRelations } from "./relations.js";

/**
 * @typedef {import("./types.js").Summary} Summary
 * @typedef {import("./types.js").Count} Count
 * @typedef {import("./types.js").CountSource} CountSource
 * @typedef {import("./format.js").Formatters} Formatters
 */

/** Below this many connections left, the cap line is drawn as a warning. */
const CAP_WARNING_HEADROOM = 1000;

/**
 * Where a figure was read, as the message key of its phrase.
 *
 * @type {Record<CountSource, string>}
 */
const SOURCE_PHRASES = {
  "connections-page": "popupSourceConnectionsPage",
  "followers-page": "popupSourceFollowersPage",
  "following-page": "popupSourceFollowingPage",
  profile: "popupSourceProfile",
};

/** @param {CountSource} source */
const sourcePhrase = (source) => t(SOURCE_PHRASES[source] ?? "popupSourceLinkedIn");

/**
 * The three figures, in the popup's order: the data-figure name (also the
 * page it is read from), the message keys of its heading and of its page
 * link, and the data-testid of its digits.
 *
 * @typedef {"connections" | "followers" | "following"} Figure
 * @type {{ figure: Figure, label: string, link: string, testId: string }[]}
 */
export const FIGURES = [
  {
    figure: "connections",
    label: "popupFigureConnections",
    link: "popupVisitConnections",
    testId: "connection-count",
  },
  {
    figure: "followers",
    label: "popupFigureFollowers",
    link: "popupVisitFollowers",
    testId: "follower-count",
  },
  {
    figure: "following",
    label: "popupFigureFollowing",
    link: "popupVisitFollowing",
    testId: "following-count",
  },
];

/**
 * Puts the three figures into popup.html, one clone of its
 * `<template id="figure">` each, before the template.
 *
 * @param {Document} doc the popup document (popup.html)
 * @param {Record<Figure, string>} pages the LinkedIn page each figure is read from
 */
export function buildFigures(doc, pages) {
  const template = /** @type {HTMLTemplateElement} */ (query(doc, "template#figure"));
  for (const { figure, label, link: linkKey, testId } of FIGURES) {
    const item = /** @type {DocumentFragment} */ (template.content.cloneNode(true));
    query(item, "li").dataset.figure = figure;
    const heading = query(item, "h3");
    heading.id = `${figure}-label`;
    heading.textContent = t(label);
    query(item, ".figure-number").dataset.testid = testId;
    const link = /** @type {HTMLAnchorElement} */ (query(item, "a"));
    link.href = pages[figure];
    link.textContent = t(linkKey);
    template.before(item);
  }
}

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
  for (const { figure } of FIGURES) renderFigure(doc, figure, summary[figure], text, nowMs);
  renderRelations(doc, summary, text, nowMs);
  renderConsistency(doc, summary);
  renderBadge(doc, summary);
  renderCap(doc, summary, text);
  renderCoverage(doc, summary, text);
  renderGoals(doc, summary, text);
  renderRatio(doc, summary, text);
  renderHistory(doc, summary.history, text, nowMs);
  renderPageStatus(doc, summary);
  renderLinkedInLanguage(doc, summary);
  renderOwner(doc, summary);
  renderNextStep(doc);
  byId(doc, "review-lead").textContent = isEmpty(summary)
    ? t("popupReviewLeadEmpty")
    : t("popupReviewLead");
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
 * @param {Figure} figure
 * @param {Count | null} count
 * @param {Formatters} text
 * @param {number} nowMs
 */
function renderFigure(doc, figure, count, text, nowMs) {
  const item = query(doc, `[data-figure="${figure}"]`);
  const number = query(item, "[data-testid]");
  const marker = query(item, '[data-part="marker"]');
  const note = query(item, '[data-part="note"]');
  const meta = query(item, '[data-part="meta"]');
  const hint = query(item, '[data-part="hint"]');
  const hintText = query(item, '[data-part="hint-text"]');
  const missing = query(item, '[data-part="missing"]');

  // "500+" is a floor, not a figure: writing 500 in the count would be a
  // wrong number, so the count stays empty and the note says what is known.
  const atLeast = count?.precision === "at-least";
  number.textContent = count && !atLeast ? text.number.format(count.value) : "";

  marker.textContent = count?.precision === "approximate" ? t("popupAbout") : "";
  show(marker, count?.precision === "approximate");

  if (count && atLeast) {
    note.textContent = t("popupFloorNote", count.shown, sourcePhrase(count.source));
  } else if (count?.precision === "approximate") {
    note.textContent = t("popupApproximateNote", count.shown);
  } else {
    note.textContent = "";
  }
  show(note, note.textContent !== "");
  note.classList.toggle("is-floor", atLeast);

  meta.textContent = count
    ? t("popupReadFrom", relativeTime(text, count.readAtMs, nowMs), sourcePhrase(count.source))
    : "";
  show(meta, Boolean(count));

  // Unread: a "—" in the figure's place (hidden from screen readers, which
  // hear "Not read yet." instead) and the link to the page that gives it.
  show(missing, !count);
  if (!count) {
    hintText.textContent = t("popupNotReadYet");
  } else if (atLeast) {
    hintText.textContent = t("popupForExactCount");
  }
  hintText.classList.toggle("visually-hidden", !count);
  show(hint, !count || atLeast);
}

/**
 * How much of the network the review page has: the people read from the
 * connections page against the total it states ("30 of 29,950 connections
 * read"), with the way to collect the rest while some are missing. The popup
 * counts the network from the page's stated total and the review page lists
 * the people read, so this line is what ties the two together.
 *
 * @param {Document} doc
 * @param {Summary} summary
 * @param {Formatters} text
 */
function renderCoverage(doc, summary, text) {
  const line = byId(doc, "coverage-line");
  const words = byTestId(doc, "coverage");
  const read = Math.max(0, Number(summary.peopleRead) || 0);
  const connections = summary.connections;
  const total =
    connections && connections.precision !== "at-least" ? Math.max(0, connections.value) : null;
  if (total !== null) {
    words.textContent = t("popupCoverage", text.number.format(read), text.number.format(total));
  } else {
    words.textContent = read > 0 ? tn("popupCoverageNoTotal", read) : "";
  }
  show(line, words.textContent !== "");
  // Only everyone of an exact total read leaves nothing to collect: an
  // approximate total cannot prove the list complete. Whether "Collect the
  // rest" shows is next-step.js's (not while a collection runs).
  const complete = total !== null && connections?.precision === "exact" && read >= total;
  line.dataset.complete = String(complete);
}

/**
 * @param {Document} doc
 * @param {Summary} summary
 */
function renderBadge(doc, summary) {
  const badge = summary.badge;
  let sentence = t("popupBadgeUnknown");
  if (badge?.status === "shows") {
    sentence = t("popupBadgeShows");
  } else if (badge?.status === "not-yet") {
    const needed = badge.connectionsNeeded;
    sentence = typeof needed === "number" ? tn("popupBadgeNeeds", needed) : t("popupBadgeNotYet");
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
    headroom === null ? t("popupCapUnknown", limit) : t("popupCapLeft", limit);

  const note = byId(doc, "cap-note");
  if (atCap) {
    note.textContent = t("popupAtCap");
  } else if (nearCap) {
    note.textContent = t("popupNearCap", text.number.format(CAP_WARNING_HEADROOM));
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
  const labels = goals.map((goal) => `${goalLabel(goal)} (${band(text, goal.low, goal.high)})`);
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
 * A goal's name in the member's language, by the core's goal id; the core's
 * own (English) label for a goal this page has no words for.
 *
 * @param {{ id: string, label: string }} goal
 */
function goalLabel(goal) {
  const key = GOAL_LABELS[goal.id];
  return key ? t(key) : goal.label;
}

/** The core's goal ids (src/ratio), with the message key of each one's name. */
/** @type {Record<string, string>} */
const GOAL_LABELS = {
  "thought-leader": "popupGoalThoughtLeader",
  consultant: "popupGoalConsultant",
  "business-developer": "popupGoalBusinessDeveloper",
  "early-career": "popupGoalEarlyCareer",
};

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
    ? t("popupNetworkOf", `linkedin.com/in/${owner}`)
    : t("popupAccountUnknown");
}
