// @ts-check
// The popup's pause notices: why the removal queue is paused (the core's
// cause code and message), the way on the cause offers
// (Open the page the queue needs when that is the cause, Resume otherwise), and
// the cool-down after LinkedIn showed a warning, with the acknowledgement
// without which Resume stays disabled. Never decided on the reason's words.

import { byId, byTestId, show } from "../lib/dom.js";
import { t, uiLanguage } from "../lib/i18n.js";
import { countdown, trimSentence } from "./format.js";

/**
 * @typedef {import("./types.js").QueueProgress} QueueProgress
 * @typedef {import("./types.js").QueueStore} QueueStore
 * @typedef {import("./types.js").QueuePause} QueuePause
 * @typedef {import("./types.js").PauseCause} PauseCause
 */

/**
 * What each pause offers as the way on, by the core's cause code
 * (`progress.pause.cause`). Paused for want of the connections page, the way
 * on is to open it (the queue then resumes by itself): Resume alone would
 * only pause again. Every other pause, and a cause this popup does not know
 * yet, offers Resume.
 *
 * @type {Record<PauseCause, "open-page" | "resume">}
 */
const PAUSE_WAY_ON = {
  needsPage: "open-page",
  member: "resume",
  trouble: "resume",
  failures: "resume",
  account: "resume",
};

/**
 * Why the queue is paused: the core's `progress.pause` (`{ cause, message }`),
 * null unless the queue is paused. A paused queue without one (a queue
 * stored by an older netprune, drawn before the background rewrites it)
 * reads as an unknown cause with the progress's reason, so it offers Resume.
 *
 * @param {QueueStore | null | undefined} queue
 * @returns {QueuePause | null}
 */
export function pauseOf(queue) {
  const progress = queue?.progress;
  if (!progress || progress.state !== "paused") return null;
  const pause = progress.pause;
  if (pause && typeof pause === "object" && typeof pause.cause === "string") {
    return { cause: pause.cause, message: String(pause.message ?? "") };
  }
  return { cause: "unknown", message: String(progress.reason ?? "") };
}

/**
 * A pause's reason in the member's language: the core's own sentence in
 * English (it says more: which trouble, which account), the words for its
 * cause code in any other language (the core words its reasons in English
 * only). Paused for want of a page, the words name the page the queue
 * needs (`page`).
 *
 * @param {QueuePause | null} pause
 * @param {keyof typeof NEEDS_PAGE_WORDS} [page] the page the next step needs
 */
export function pauseReason(pause, page = "connections") {
  if (!pause) return "";
  const key =
    pause.cause === "needsPage"
      ? (NEEDS_PAGE_WORDS[page] ?? PAUSE_CAUSE_WORDS.needsPage)
      : PAUSE_CAUSE_WORDS[/** @type {PauseCause} */ (pause.cause)];
  if (uiLanguage() === "en" || !key) return pause.message;
  return t(key);
}

/** Paused for want of a page: the words of each page (other languages than English). */
const NEEDS_PAGE_WORDS = {
  connections: "pauseNeedsPage",
  invitations: "pauseNeedsSentPage",
  following: "pauseNeedsFollowingPage",
};

/** The message key of each pause cause's words (other languages than English). */
/** @type {Record<PauseCause, string>} */
const PAUSE_CAUSE_WORDS = {
  needsPage: "pauseNeedsPage",
  member: "pauseMember",
  trouble: "pauseTrouble",
  failures: "pauseFailures",
  account: "pauseAccount",
};

/** The words of the Open button, by the page the queue needs. */
const OPEN_PAGE_WORDS = {
  connections: "openConnections",
  invitations: "popupOpenSentInvitations",
  following: "popupOpenFollowing",
};

/**
 * Offers the way on from a pause: Open the page the queue needs (the
 * connections page, or the sent invitations or following page for a
 * withdrawal or an unfollow) or Resume, by the pause's cause; neither while
 * the queue is not paused.
 *
 * @param {Document} doc
 * @param {QueuePause | null} pause
 * @param {keyof typeof OPEN_PAGE_WORDS} [page] the page the queue needs open
 */
export function renderWayOn(doc, pause, page = "connections") {
  const wayOn = pause ? (PAUSE_WAY_ON[/** @type {PauseCause} */ (pause.cause)] ?? "resume") : null;
  const open = byTestId(doc, "queue-open-page");
  open.dataset.page = page;
  open.textContent = t(OPEN_PAGE_WORDS[page] ?? "openConnections");
  show(open, wayOn === "open-page");
  show(byTestId(doc, "queue-resume"), wayOn === "resume");
}

/**
 * The cool-down after a LinkedIn warning: until when and why, and the
 * acknowledgement without which Resume stays disabled.
 *
 * @param {Document} doc
 * @param {QueueProgress} progress
 * @param {number} nowMs
 */
export function renderCooldown(doc, progress, nowMs) {
  const box = byTestId(doc, "queue-cooldown");
  const until = progress.cooldownUntilMs;
  const cooling = typeof until === "number" && until > nowMs;
  const ack = /** @type {HTMLInputElement} */ (byTestId(doc, "queue-cooldown-ack"));
  if (!cooling) ack.checked = false;
  show(box, cooling);
  byId(doc, "queue-cooldown-text").textContent = cooling
    ? t(
        "popupCooldown",
        trimSentence(progress.cooldownReason ?? t("popupNoReasonGiven")),
        new Date(until).toLocaleString(uiLanguage() === "en" ? undefined : uiLanguage()),
        countdown(until - nowMs),
      )
    : "";
  const resume = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-resume"));
  resume.disabled = cooling && !ack.checked;
}
