// @ts-check
// The popup's queue controls: Pause, Resume (with the cool-down
// acknowledgement), Open the page the queue needs, Cancel all (asked first),
// Cancel one person, and the removal log's CSV export. Each is one message to
// the background; what it changed comes back as a new storage.local.queue
// (and, when the answer carries it, at once through `setQueue`).

import { sendMessage } from "../lib/browser.js";
import { csvParts, localDate, saveFile } from "../lib/download.js";
import { byId, byTestId } from "../lib/dom.js";
import { t, tn } from "../lib/i18n.js";
import { isMixed } from "./queue-kinds.js";
import { showCancelConfirm } from "./queue-panel.js";

/** @typedef {import("./types.js").QueueStore} QueueStore */

/**
 * Connects the queue section's controls.
 *
 * @param {Document} doc the popup document (popup.html)
 * @param {any} extension the extension API (`browser` or `chrome`)
 * @param {{ setQueue: (queue: QueueStore) => void, openPage: (page: string) => void,
 *   later: (callback: () => void, ms: number) => void }} hooks
 *   `setQueue` draws a queue an answer carried; `openPage` opens one of LinkedIn's pages
 *   ("connections", "invitations", "following") in a tab; `later` schedules a download
 *   URL's revocation
 */
export function wireQueueControls(doc, extension, { setQueue, openPage, later }) {
  const queueStatus = byId(doc, "queue-status");

  /** @param {string} words @param {boolean} [isError] */
  function setQueueStatus(words, isError = false) {
    queueStatus.textContent = words;
    queueStatus.classList.toggle("is-error", isError);
  }

  /** Requests out, by what they ask, so a double click sends one. */
  const inFlight = new Set();

  /**
   * Buttons are not disabled while a request is out: a focused button that
   * becomes disabled loses focus in some browsers. A repeat is ignored instead.
   *
   * @param {{ type: string, slug?: string, acknowledgeCooldown?: boolean }} message
   * @param {string} failure what did not happen, e.g. "Could not pause"
   * @returns {Promise<any>} the answer, or null (already out, or failed and said so)
   */
  async function askQueue(message, failure) {
    const key = `${message.type} ${message.slug ?? ""}`;
    if (inFlight.has(key)) return null;
    inFlight.add(key);
    setQueueStatus("");
    try {
      const answer = await sendMessage(message, extension);
      // An answer that carries the queue is drawn at once; the storage
      // change that follows draws the same again.
      if (answer?.queue && typeof answer.queue === "object") {
        setQueue(answer.queue);
      }
      return answer;
    } catch (error) {
      setQueueStatus(
        t("failedBecause", failure, error instanceof Error ? error.message : String(error)),
        true,
      );
      return null;
    } finally {
      inFlight.delete(key);
    }
  }

  const pauseButton = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-pause"));
  const resumeButton = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-resume"));
  const cancelButton = /** @type {HTMLButtonElement} */ (byTestId(doc, "queue-cancel"));
  const cancelYes = /** @type {HTMLButtonElement} */ (byId(doc, "queue-cancel-yes"));
  const logButton = /** @type {HTMLButtonElement} */ (byTestId(doc, "removal-log-export"));

  const openButton = byTestId(doc, "queue-open-page");
  // The page the queue needs (queue-pause.js sets it with the button's words).
  openButton.addEventListener("click", () => openPage(openButton.dataset.page || "connections"));
  pauseButton.addEventListener("click", () =>
    askQueue({ type: "queue-pause" }, t("popupCouldNotPause")),
  );
  const cooldownAck = /** @type {HTMLInputElement} */ (byTestId(doc, "queue-cooldown-ack"));
  resumeButton.addEventListener("click", () =>
    askQueue(
      cooldownAck.checked && !byTestId(doc, "queue-cooldown").hidden
        ? { type: "queue-resume", acknowledgeCooldown: true }
        : { type: "queue-resume" },
      t("popupCouldNotResume"),
    ),
  );
  cooldownAck.addEventListener("change", () => {
    resumeButton.disabled = !cooldownAck.checked && !byTestId(doc, "queue-cooldown").hidden;
  });
  cancelButton.addEventListener("click", () => {
    showCancelConfirm(doc, true);
    // The safe answer has focus first.
    byId(doc, "queue-cancel-no").focus();
  });
  byId(doc, "queue-cancel-no").addEventListener("click", () => {
    showCancelConfirm(doc, false);
    cancelButton.focus();
  });
  byId(doc, "queue-cancel-confirm").addEventListener("keydown", (event) => {
    if (event.key === "Escape") byId(doc, "queue-cancel-no").click();
  });
  cancelYes.addEventListener("click", async () => {
    const mixedAsked = isMixed(doc);
    const answer = await askQueue({ type: "queue-cancel" }, t("popupCouldNotCancel"));
    if (!answer) return;
    showCancelConfirm(doc, false);
    const cancelled = Number(answer.cancelled);
    // Words for the queue the member was asked about (steps once it holds
    // withdrawals or unfollows), not the one the answer leaves.
    setQueueStatus(
      mixedAsked
        ? Number.isFinite(cancelled)
          ? tn("popupCancelledMixed", cancelled)
          : t("popupCancelledSomeMixed")
        : Number.isFinite(cancelled)
          ? tn("popupCancelled", cancelled)
          : t("popupCancelledSome"),
    );
    byId(doc, "queue-heading").focus();
  });
  byId(doc, "queue-list").addEventListener("click", (event) => {
    const button = /** @type {Element} */ (event.target).closest(
      '[data-testid="queue-cancel-one"]',
    );
    const slug = /** @type {HTMLElement | null} */ (button)?.dataset.slug;
    if (!button || !slug) return;
    if (/** @type {HTMLButtonElement} */ (button).disabled) return;
    askQueue({ type: "queue-cancel-one", slug }, t("popupCouldNotCancel"));
  });
  logButton.addEventListener("click", async () => {
    const answer = await askQueue({ type: "removal-log" }, t("popupCouldNotExportLog"));
    if (!answer) return;
    if (typeof answer.csv !== "string") {
      setQueueStatus(t("popupLogNoCsv"), true);
      return;
    }
    const name = `netprune-removal-log-${localDate(Date.now())}.csv`;
    saveFile(doc, csvParts(answer.csv), "text/csv;charset=utf-8", name, later);
    setQueueStatus(t("popupSaved", name));
  });
}
