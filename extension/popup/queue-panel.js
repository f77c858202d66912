// @ts-check
// The popup's queue panel: the action queue's state (running, paused and why,
// idle; while it runs or is paused, the state and its control are the
// popup's next step, right under the figures: next-step.js), the counts,
// today's removals against the daily cap (each kind's line: queue-kinds.js),
// what the next step waits for, the
// time left, the dry-run and cool-down notices, and which of Pause and Cancel
// are offered. Drawn from storage.local.queue (the core's
// QueueProgress and entries); why it is paused and the way on (Resume or
// Open the connections page, the cool-down) is queue-pause.js, the list of
// people queue-list.js, the buttons' messages queue-controls.js.

import { byId, byTestId, isVisibleIn, show } from "../lib/dom.js";
import { t, tn } from "../lib/i18n.js";
import { countdown, formatters, timeLeft, trimSentence } from "./format.js";
import { renderNextStep } from "./next-step.js";
import { KINDS, kindOf, renderKinds } from "./queue-kinds.js";
import { renderQueueList } from "./queue-list.js";
import { pauseOf, pauseReason, renderCooldown, renderWayOn } from "./queue-pause.js";

/**
 * @typedef {import("./types.js").QueueProgress} QueueProgress
 * @typedef {import("./types.js").QueueStore} QueueStore
 * @typedef {import("./types.js").QueueEntry} QueueEntry
 * @typedef {import("./types.js").WaitReason} WaitReason
 * @typedef {import("./format.js").Formatters} Formatters
 */

/**
 * What the queue waits for, as the message key of its words before "next in
 * …". Plain pacing needs no words.
 *
 * @type {Record<WaitReason, string>}
 */
const WAIT_PHRASES = {
  pacing: "",
  breather: "waitBreather",
  "hourly-cap": "waitHourlyCap",
  "daily-cap": "waitDailyCap",
  "quiet-hours": "waitQuietHours",
  backoff: "waitBackoff",
  "step-in-flight": "waitStepInFlight",
  "tab-hidden": "waitTabHidden",
  "tab-busy": "waitTabBusy",
  "another-account": "waitAnotherAccount",
  "no-list": "waitNoList",
  "search-hides-list": "waitSearchHidesList",
  "sent-list": "waitSentList",
  "following-list": "waitFollowingList",
};

/**
 * The removal queue, from storage.local.queue (`{ progress, entries }`). The
 * figures are the core's; this only phrases them. Updates in place, and when
 * the control that had focus disappears (Pause becomes Resume, a cancelled
 * person leaves the list) focus moves to the nearest sensible control rather
 * than falling to the page.
 *
 * @param {Document} doc
 * @param {QueueStore | null | undefined} queue
 * @param {number} [nowMs] the time "next in …" and "… left" are measured from
 */
export function renderQueue(doc, queue, nowMs = Date.now()) {
  // The queue's state and controls sit under the figures (#queue-now), the
  // rest in the queue's own section.
  const regions = [
    /** @type {HTMLElement} */ (byId(doc, "queue-heading").parentElement),
    byId(doc, "queue-now"),
  ];
  const focused = doc.activeElement;
  const section = regions.find((region) => focused !== null && region.contains(focused));
  const focusedHere =
    focused !== null && focused !== doc.body && section !== undefined && "focus" in focused;
  const focusedEntry = focusedHere
    ? /** @type {HTMLElement | null} */ (focused.closest('[data-testid="queue-entry"]'))
    : null;
  const focusedPosition = focusedEntry
    ? [...byId(doc, "queue-list").children].indexOf(focusedEntry)
    : -1;

  drawQueue(doc, queue, nowMs);
  renderNextStep(doc);

  if (focusedHere && !isVisibleIn(/** @type {HTMLElement} */ (focused), doc.body)) {
    const pause = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-pause"));
    const resume = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-resume"));
    const openPage = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-open-page"));
    const buttons = [
      ...byId(doc, "queue-list").querySelectorAll('[data-testid="queue-cancel-one"]'),
    ].filter((button) => !(/** @type {HTMLButtonElement} */ (button).disabled));
    /** @type {HTMLElement | undefined} */
    let target;
    if (focusedPosition >= 0 && buttons.length) {
      target = /** @type {HTMLElement} */ (buttons[Math.min(focusedPosition, buttons.length - 1)]);
    } else if (focused === pause && !resume.hidden) target = resume;
    else if (focused === pause && !openPage.hidden) target = openPage;
    else if (focused === resume && !pause.hidden) target = pause;
    (target ?? byId(doc, "queue-heading")).focus();
  }
}

/**
 * @param {Document} doc
 * @param {QueueStore | null | undefined} queue
 * @param {number} nowMs
 */
function drawQueue(doc, queue, nowMs) {
  const text = formatters(doc);
  const progress =
    queue && typeof queue === "object" && queue.progress && typeof queue.progress === "object"
      ? queue.progress
      : null;
  const entries = (Array.isArray(queue?.entries) ? queue.entries : []).filter(
    (entry) => entry && typeof entry.slug === "string" && entry.status,
  );
  const count = (/** @type {unknown} */ n) => Math.max(0, Number(n) || 0);
  const pending = count(progress?.pending);
  const inProgress = count(progress?.inProgress);
  const removed = count(progress?.removed);
  const others = {
    failed: count(progress?.failed),
    skipped: count(progress?.skipped),
    cancelled: count(progress?.cancelled),
    unconfirmed: count(progress?.unconfirmed),
  };
  const everQueued =
    pending +
      inProgress +
      removed +
      others.failed +
      others.skipped +
      others.cancelled +
      others.unconfirmed >
      0 || entries.length > 0;

  const stateLine = byTestId(doc, "queue-state");
  byTestId(doc, "queue-count").textContent = text.number.format(pending + inProgress);
  byTestId(doc, "removed-count").textContent = text.number.format(removed);
  show(byId(doc, "queue-view"), Boolean(progress) && everQueued);
  const mixed = renderKinds(doc, everQueued ? progress : null, entries, text);
  if (!progress || !everQueued) {
    stateLine.dataset.state = "idle";
    stateLine.classList.remove("is-warning");
    show(byId(doc, "queue-dry-run"), false);
    show(byTestId(doc, "queue-cooldown"), false);
    stateLine.textContent = t("popupQueueIdleEmpty");
    showQueueNow(doc, false);
    showCancelConfirm(doc, false);
    byId(doc, "queue-list").replaceChildren();
    return;
  }

  const state =
    progress.state === "running" || progress.state === "paused" ? progress.state : "idle";
  stateLine.dataset.state = state;
  const pause = pauseOf(queue);
  const page = pageNeeded(progress, entries);
  const reason = trimSentence(pauseReason(pause, page));
  stateLine.textContent =
    state === "paused"
      ? reason
        ? t("popupQueuePausedWhy", reason)
        : t("popupQueuePaused")
      : state === "running"
        ? t(progress.devPacing ? "popupQueueRunningDev" : "popupQueueRunning")
        : t("popupQueueIdle");
  stateLine.classList.toggle("is-warning", state === "paused");
  const dryRunLeft = count(progress.dryRunLeft);
  const dryRunNote = byId(doc, "queue-dry-run");
  dryRunNote.textContent =
    dryRunLeft === pending + inProgress
      ? t(mixed ? "popupDryRunAllMixed" : "popupDryRunAll")
      : t(mixed ? "popupDryRunSomeMixed" : "popupDryRunSome", text.number.format(dryRunLeft));
  show(dryRunNote, dryRunLeft > 0);
  renderCooldown(doc, progress, nowMs);
  showQueueNow(doc, state !== "idle" || !byTestId(doc, "queue-cooldown").hidden);

  byTestId(doc, "removed-today").textContent =
    typeof progress.dailyCap === "number"
      ? t(
          "popupRemovedTodayOfCap",
          text.number.format(count(progress.removedToday)),
          text.number.format(progress.dailyCap),
        )
      : t("popupRemovedToday", text.number.format(count(progress.removedToday)));

  const inProgressEntry = entries.find((entry) => entry.status.kind === "in-progress");
  // What the background waits for before the next step (the connections tab
  // to be visible, the account it is signed in to) says more than a countdown.
  const waitingOn = state === "running" && typeof queue?.waitingOn === "string" && queue.waitingOn;
  byTestId(doc, "queue-next").textContent =
    waitingOn || nextAction(text, state, progress, inProgressEntry, nowMs);
  const eta = byTestId(doc, "queue-eta");
  const left =
    state !== "idle" && typeof progress.etaMs === "number" ? timeLeft(progress.etaMs - nowMs) : "";
  eta.textContent = left && state === "paused" ? t("popupOnceResumed", left) : left;
  show(eta, left !== "");

  const otherWords = [
    others.failed ? tn("popupOtherFailed", others.failed) : "",
    others.skipped ? tn("popupOtherSkipped", others.skipped) : "",
    others.cancelled ? tn("popupOtherCancelled", others.cancelled) : "",
    others.unconfirmed
      ? tn(mixed ? "popupOtherUnconfirmedMixed" : "popupOtherUnconfirmed", others.unconfirmed)
      : "",
  ].filter(Boolean);
  const otherLine = byId(doc, "queue-other");
  otherLine.textContent = otherWords.length
    ? t("popupAlso", otherWords.join(t("listSeparator")))
    : "";
  show(otherLine, otherWords.length > 0);

  renderWayOn(doc, pause, page);
  show(byTestId(doc, "queue-pause"), state === "running");
  show(byTestId(doc, "queue-cancel"), pending > 0);
  if (pending === 0) showCancelConfirm(doc, false);
  byId(doc, "queue-cancel-question").textContent = mixed
    ? tn(inProgress ? "popupCancelQuestionUnderWayMixed" : "popupCancelQuestionMixed", pending)
    : tn(inProgress ? "popupCancelQuestionUnderWay" : "popupCancelQuestion", pending);

  renderQueueList(doc, entries, text, progress.checkWaiting ?? null);
}

/**
 * While the queue runs, is paused or cools down, its state line and control
 * (#queue-now) are the popup's next step; otherwise the queue's section
 * says, below, that it is idle (the same words as `queue-state`).
 *
 * @param {Document} doc
 * @param {boolean} active
 */
function showQueueNow(doc, active) {
  show(byId(doc, "queue-now"), active);
  const idle = byId(doc, "queue-idle");
  idle.textContent = active ? "" : byTestId(doc, "queue-state").textContent;
  show(idle, !active);
}

/**
 * "next in 43 s", "breather: next in 6 min", or what the queue is doing.
 *
 * @param {Formatters} text
 * @param {"idle" | "running" | "paused"} state
 * @param {QueueProgress} progress
 * @param {QueueEntry | undefined} inProgress
 * @param {number} nowMs
 */
function nextAction(text, state, progress, inProgress, nowMs) {
  if (state === "paused") return t("popupNothingUntilResume");
  if (state === "idle") return t("popupNothingLeft");
  const at = progress.nextActionAtMs;
  if (typeof at !== "number" || at <= nowMs || progress.waitingFor === "step-in-flight") {
    if (inProgress) {
      const who = inProgress.name?.trim() || t("popupOnePerson");
      return inProgress.dryRun ? t("popupDryRunOn", who) : t(KINDS[kindOf(inProgress)].now, who);
    }
    return t("popupNextAnyMoment");
  }
  const why = progress.waitingFor ? (WAIT_PHRASES[progress.waitingFor] ?? "") : "";
  const next = t("popupNextIn", countdown(at - nowMs));
  return why ? t("popupWaitingWhy", t(why), next) : next;
}

/**
 * The LinkedIn page the queue needs open to go on: that of the step under
 * way or next in line, else of the first kind with anyone waiting.
 *
 * @param {QueueProgress} progress
 * @param {QueueEntry[]} entries
 * @returns {"connections" | "invitations" | "following"}
 */
function pageNeeded(progress, entries) {
  const next =
    entries.find((entry) => entry.status.kind === "in-progress") ??
    entries.find((entry) => entry.status.kind === "pending");
  if (next) return KINDS[kindOf(next)].page;
  const waiting = (Array.isArray(progress.kinds) ? progress.kinds : []).find(
    (line) => line && line.kind in KINDS && Number(line.pending) > 0,
  );
  return waiting ? KINDS[waiting.kind].page : "connections";
}

/**
 * @param {Document} doc
 * @param {boolean} visible
 */
export function showCancelConfirm(doc, visible) {
  show(byId(doc, "queue-cancel-confirm"), visible);
  byTestId(doc, "queue-cancel").setAttribute("aria-expanded", String(visible));
}
