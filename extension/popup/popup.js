// @ts-check
// The toolbar popup's main: it owns no state of the network. It draws the
// Summary the background last cached in storage.local at once, asks the
// background for a fresh one (docs/ARCHITECTURE.md), and asks again whenever
// the background writes the snapshot; collection progress comes straight from
// storage.local.collect and the removal queue from storage.local.queue. This
// file wires those messages, storage changes, clocks and the summary's
// controls (Try again, the kept copy, Dismiss, the goal, the review page in a
// tab or beside LinkedIn); what each part shows lives in its own module:
//
//   summary.js         figures, badge, cap, coverage, goals, owner; `render`
//                      draws a Summary
//   relations.js       pending invitations, people followed who are not
//                      connections
//   next-step.js       the one primary button under the figures, by state
//   ratio.js           followers per connection against the goal's band
//   history-chart.js   connections and followers over time
//   notices.js         background unreachable, kept-aside data, readings that
//                      do not add up, the page read last or not recognised
//   collect-status.js  collection progress
//   queue-panel.js     the action queue's state, counts and waits
//   queue-kinds.js     removals, withdrawals, unfollows: a line each
//   queue-pause.js     why it is paused, the way on, the cool-down
//   queue-list.js      the people queued, one row each
//   queue-controls.js  Pause, Resume, Cancel, the removal log
//   format.js, types.js   wording, the shapes drawn (DOM helpers: ../lib/dom.js)
//
// It never parses LinkedIn's text and never computes counts, badge, cap or
// band figures itself; the core did that.
//
// Exports: `startPopup(doc, extension)`, plus the renderers tests drive
// directly (`render`, `renderCollect`, `renderQueue`, `renderError`). The
// bootstrap at the bottom runs `startPopup` only inside the popup's own page.

import { api, sendMessage } from "../lib/browser.js";
import { localDate, saveFile } from "../lib/download.js";
import { renderCollect } from "./collect-status.js";
import { byId, byTestId, show } from "../lib/dom.js";
import { localise, t } from "../lib/i18n.js";
import { fromBase64, REVISION_KEY } from "../lib/network-store.js";
import { hideError, renderError } from "./notices.js";
import { wireQueueControls } from "./queue-controls.js";
import { renderQueue } from "./queue-panel.js";
import { buildRelations } from "./relations.js";
import { buildFigures, render } from "./summary.js";

export { render, renderCollect, renderError, renderQueue };

/**
 * @typedef {import("./types.js").Summary} Summary
 * @typedef {import("./types.js").Collect} Collect
 * @typedef {import("./types.js").QueueStore} QueueStore
 */

/** The member's own pages the content script reads, by figure. */
export const PAGE_URLS = Object.freeze({
  connections: "https://www.linkedin.com/mynetwork/invite-connect/connections/",
  followers: "https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/",
  following: "https://www.linkedin.com/mynetwork/network-manager/people-follow/following/",
  invitations: "https://www.linkedin.com/mynetwork/invitation-manager/sent/",
});

/** The storage.local keys the background writes that change the Summary. */
const WATCHED_KEYS = [REVISION_KEY, "corruptSnapshots", "corruptNoticeDismissed"];

/** Where the review page lives, relative to the extension's root. */
const REVIEW_PAGE = "review.html";

/** Relative times ("5 minutes ago") go stale while the popup stays open. */
const CLOCK_REFRESH_MS = 30_000;

/** The queue's "next in 43 s" counts down while the popup stays open. */
const QUEUE_CLOCK_MS = 1_000;

/**
 * Starts the popup on `doc`: draws the cached Summary and collection progress
 * from storage at once, asks the background for a fresh Summary, re-asks when
 * the background writes storage, and connects the controls.
 *
 * @param {Document} doc the popup document (popup.html)
 * @param {any} extension the extension API (`browser` or `chrome`)
 * @returns {{ ready: Promise<void>, cached: Promise<void>, refresh: () => Promise<void>,
 *   stop: () => void }}
 *   `ready` settles once the background's first answer (or failure) is drawn;
 *   `cached` once what storage held has been drawn (or found missing).
 */
export function startPopup(doc, extension) {
  localise(doc, extension);
  buildFigures(doc, PAGE_URLS);
  buildRelations(doc, PAGE_URLS);
  /** @type {Summary | null} */
  let summary = null;
  // Only the answer to the newest request is drawn, so a slow get-summary
  // cannot overwrite what a later set-goal answered.
  let latest = 0;
  // Once the background has answered, the cached copy is older than what is
  // on screen and is never drawn over it.
  let answered = false;
  // Likewise a `collect` change seen live is newer than the initial read.
  let collectSeen = false;
  /** @type {QueueStore | null} */
  let queue = null;
  let queueSeen = false;
  /** Revocations of download URLs still to come, run at once when the popup stops. */
  /** @type {Map<ReturnType<typeof setTimeout>, () => void>} */
  const pending = new Map();

  /** @param {() => void} callback @param {number} ms */
  function later(callback, ms) {
    const timer = setTimeout(() => {
      pending.delete(timer);
      callback();
    }, ms);
    pending.set(timer, callback);
  }

  /** @param {object} message */
  async function ask(message) {
    const ticket = ++latest;
    try {
      const answer = await sendMessage(message, extension);
      if (ticket !== latest) return;
      if (!answer.summary || typeof answer.summary !== "object") {
        throw new Error(t("popupNoSummary"));
      }
      summary = answer.summary;
      answered = true;
      hideError(doc);
      render(doc, /** @type {Summary} */ (summary));
    } catch (error) {
      if (ticket !== latest) return;
      renderError(doc, error instanceof Error ? error.message : String(error));
      // Put the select back on the goal the background actually holds, and
      // keep the last figures (cached or answered) visible under the notice.
      if (summary) render(doc, summary);
    }
  }

  const refresh = () => ask({ type: "get-summary" });

  /**
   * The background can take seconds to wake (restoring a 30,000-person
   * snapshot), so what it cached last time is drawn first. A cache that
   * cannot be read or drawn is skipped: the background's answer follows.
   */
  async function drawCached() {
    let stored;
    try {
      stored = await extension?.storage?.local?.get?.(["summary", "collect", "queue"]);
    } catch (error) {
      console.warn("netprune: could not read the cached summary:", error);
      return;
    }
    if (!collectSeen) renderCollect(doc, stored?.collect ?? null);
    if (!queueSeen) {
      queue = stored?.queue ?? null;
      renderQueue(doc, queue);
    }
    const cached = stored?.summary;
    if (answered || !cached || typeof cached !== "object") return;
    try {
      render(doc, cached);
      summary = cached;
    } catch (error) {
      // Half-drawn figures would read as real ones: back to "Reading…".
      console.warn("netprune: the cached summary could not be drawn:", error);
      show(byId(doc, "summary-view"), false);
      show(byId(doc, "loading-state"), byId(doc, "error-state").hidden);
    }
  }

  /** Closes the popup once it has handed the member to another view. */
  const closePopup = () => doc.defaultView?.close();

  /** @param {string} what @param {unknown} error */
  const failed = (what, error) =>
    renderError(
      doc,
      t("failedBecause", what, error instanceof Error ? error.message : String(error)),
    );

  /** @param {string} url */
  async function openTab(url) {
    try {
      await extension.tabs.create({ url });
    } catch (error) {
      failed(t("popupCouldNotOpenTab"), error);
    }
  }

  async function openReview() {
    try {
      await extension.tabs.create({ url: extension.runtime.getURL(REVIEW_PAGE) });
      closePopup();
    } catch (error) {
      failed(t("popupCouldNotOpenReview"), error);
    }
  }

  // Chrome's side panel and Firefox's sidebar both show review.html beside
  // the LinkedIn tab (manifest.json). Either opens only inside a user
  // gesture, and an await before the call can end the gesture, so Chrome's
  // window id is fetched now rather than on click.
  const sideView = extension?.sidePanel?.open
    ? "side-panel"
    : extension?.sidebarAction?.open
      ? "sidebar"
      : null;
  /** @type {number | null} */
  let windowId = null;
  const windowKnown =
    sideView === "side-panel"
      ? Promise.resolve()
          .then(() => extension.windows.getCurrent())
          .then((/** @type {{ id?: number }} */ win) => {
            if (typeof win?.id === "number") windowId = win.id;
          })
          .catch((/** @type {unknown} */ error) =>
            console.warn("netprune: could not find this window for the side panel:", error),
          )
      : Promise.resolve();

  function openSideView() {
    /** @type {Promise<unknown>} */
    let opening;
    try {
      if (sideView === "sidebar") {
        opening = Promise.resolve(extension.sidebarAction.open());
      } else if (windowId !== null) {
        opening = Promise.resolve(extension.sidePanel.open({ windowId }));
      } else {
        // Clicked before the window id arrived: worth a try, though Chrome
        // may refuse it as no longer inside the click.
        opening = windowKnown.then(() => {
          if (windowId === null) throw new Error(t("popupWindowNotFound"));
          return extension.sidePanel.open({ windowId });
        });
      }
    } catch (error) {
      opening = Promise.reject(error);
    }
    opening.then(closePopup, (error) => failed(t("popupCouldNotOpenSide"), error));
  }

  // When the button the member just used disappears (Dismiss, Try again),
  // focus would fall to <body>; put it at the start of the content instead.
  const focusMain = () => byId(doc, "popup").focus();

  byId(doc, "retry-button").addEventListener("click", async () => {
    await refresh();
    if (byId(doc, "error-state").hidden) focusMain();
  });
  byTestId(doc, "kept-snapshot-download").addEventListener("click", async () => {
    const keptAs = summary?.corrupt?.keptAs;
    if (!keptAs) return;
    try {
      const answer = await sendMessage({ type: "kept-snapshot", keptAs }, extension);
      if (typeof answer?.raw !== "string") throw new Error(t("popupNoCopy"));
      const kind = answer.kind === "newer" ? "newer" : "unreadable";
      // A compact network comes as base64 text and is saved as its bytes.
      const binary = answer.encoding === "base64";
      const name = `netprune-kept-${kind}-snapshot-${localDate(Date.now())}.${binary ? "bin" : "json"}`;
      const body = binary ? fromBase64(answer.raw) : answer.raw;
      saveFile(doc, [body], binary ? "application/octet-stream" : "application/json", name, later);
      byId(doc, "corrupt-message").textContent += ` ${t("popupSaved", name)}`;
    } catch (error) {
      byId(doc, "corrupt-message").textContent += ` ${t(
        "popupCouldNotDownload",
        error instanceof Error ? error.message : String(error),
      )}`;
    }
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
  byTestId(doc, "open-review").addEventListener("click", openReview);
  // "Collect the rest" is done on the review page (Collect all), beside the
  // list it fills.
  byId(doc, "coverage-collect").addEventListener("click", openReview);
  const sideButton = byTestId(doc, "open-side-panel");
  show(sideButton, sideView !== null);
  sideButton.addEventListener("click", openSideView);
  for (const link of doc.querySelectorAll('[data-part="hint-link"]')) {
    // Real links (so they read as links and show their address), opened
    // through tabs.create because a popup's own navigation would replace it.
    link.addEventListener("click", (event) => {
      event.preventDefault();
      openTab(/** @type {HTMLAnchorElement} */ (link).href);
    });
  }

  // The removal queue's controls. Each is one message; what it changed comes
  // back as a new storage.local.queue, drawn by onStorageChanged.
  wireQueueControls(doc, extension, {
    setQueue(answered) {
      queue = answered;
      renderQueue(doc, queue);
    },
    openPage: (page) =>
      openTab(PAGE_URLS[/** @type {keyof typeof PAGE_URLS} */ (page)] ?? PAGE_URLS.connections),
    later,
  });

  /**
   * @param {Record<string, { newValue?: unknown }>} changes
   * @param {string} area
   */
  const onStorageChanged = (changes, area) => {
    if (area !== "local") return;
    if ("collect" in changes) {
      collectSeen = true;
      renderCollect(doc, /** @type {Collect | null} */ (changes.collect?.newValue ?? null));
    }
    if ("queue" in changes) {
      queueSeen = true;
      queue = /** @type {QueueStore | null} */ (changes.queue?.newValue ?? null);
      renderQueue(doc, queue);
    }
    if (WATCHED_KEYS.some((key) => key in changes)) refresh();
  };
  extension?.storage?.onChanged?.addListener(onStorageChanged);

  const clock = setInterval(() => {
    if (summary) render(doc, summary);
  }, CLOCK_REFRESH_MS);
  // "next in 43 s" and "about 3 h left" move while the popup is open.
  const queueClock = setInterval(() => {
    const state = queue?.progress?.state;
    if (state === "running" || state === "paused") renderQueue(doc, queue);
  }, QUEUE_CLOCK_MS);

  // The request goes first: it starts waking the background while storage is read.
  const ready = refresh();
  const cached = drawCached();

  return {
    ready,
    cached,
    refresh,
    stop() {
      clearInterval(clock);
      clearInterval(queueClock);
      for (const [timer, callback] of pending) {
        clearTimeout(timer);
        callback();
      }
      pending.clear();
      extension?.storage?.onChanged?.removeListener(onStorageChanged);
    },
  };
}

// ---------------------------------------------------------------------------
// Bootstrap: only in the popup's own page. Imported elsewhere (node, another
// page), this module only defines functions. Without the extension API the
// popup still starts, and says the background is unavailable rather than
// staying blank.
if (typeof document !== "undefined" && document.querySelector("[data-popup-root]")) {
  startPopup(document, api);
}
