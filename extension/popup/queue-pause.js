// @ts-check
// The popup's pause notices: why the removal queue is paused (the core's
// cause code and message, read in one adapter), the way on the cause offers
// (Open the connections page when the queue needs it, Resume otherwise), and
// the cool-down after LinkedIn showed a warning, with the acknowledgement
// without which Resume stays disabled. Never decided on the reason's words.

import { byId, byTestId, show } from "./dom.js";
import { countdown, trimSentence } from "./format.js";

/**
 * @typedef {import("./types.js").QueueProgress} QueueProgress
 * @typedef {import("./types.js").QueueStore} QueueStore
 * @typedef {import("./types.js").QueuePause} QueuePause
 */

/**
 * What each pause offers as the way on, by the core's cause code. Paused for
 * want of the connections page, the way on is to open it (the queue then
 * resumes by itself): Resume alone would only pause again. Every other pause,
 * and a cause this popup does not know yet, offers Resume.
 *
 * @type {Record<string, "open-page" | "resume">}
 */
const PAUSE_WAY_ON = {
  needsPage: "open-page",
  member: "resume",
  manual: "resume",
  trouble: "resume",
  failures: "resume",
  account: "resume",
  cap: "resume",
};

/**
 * Why the queue is paused, as the contract gives it: `{ cause, message }`
 * with a camelCase cause code. Null unless the queue is paused.
 *
 * ADAPTER (issue 11: the one place that reads the older shape). Until the
 * core answers `progress.pause`, today's core gives `pauseCause` in
 * kebab-case ("needs-page") beside `reason`, and an older background only
 * flags `needsPage` on storage.local.queue. Once every core answers `pause`,
 * only its branch stays.
 *
 * @param {QueueStore | null | undefined} queue
 * @returns {QueuePause | null}
 */
export function pauseOf(queue) {
  const progress = queue?.progress;
  if (!progress || progress.state !== "paused") return null;
  const pause = progress.pause;
  if (pause && typeof pause === "object" && typeof pause.cause === "string") {
    const message = typeof pause.message === "string" ? pause.message : progress.reason;
    return { cause: pause.cause, message: message ?? "" };
  }
  const older =
    typeof progress.pauseCause === "string"
      ? progress.pauseCause.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase())
      : null;
  return {
    cause: older ?? (queue.needsPage === true ? "needsPage" : "unknown"),
    message: progress.reason ?? "",
  };
}

/**
 * Offers the way on from a pause: Open the connections page or Resume, by
 * the pause's cause; neither while the queue is not paused.
 *
 * @param {Document} doc
 * @param {QueuePause | null} pause
 */
export function renderWayOn(doc, pause) {
  const wayOn = pause ? (PAUSE_WAY_ON[pause.cause] ?? "resume") : null;
  show(byTestId(doc, "queue-open-page"), wayOn === "open-page");
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
    ? `LinkedIn showed a warning (${trimSentence(progress.cooldownReason ?? "no reason given")}). ` +
      `To let your account cool down, resuming is locked until ` +
      `${new Date(until).toLocaleString()} (in ${countdown(until - nowMs)}).`
    : "";
  const resume = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-resume"));
  resume.disabled = cooling && !ack.checked;
}
