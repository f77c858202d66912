// @ts-check
// The collect panel: starting and stopping a collection of the connections
// list through the background, and its progress from storage.local.collect.

import { sendMessage } from "../lib/browser.js";
import { formatCount, messageOf, trimSentence } from "../lib/format.js";
import { t, tn } from "../lib/i18n.js";
import { show } from "../lib/dom.js";

/** @typedef {import("./types.js").Collect} Collect */
/** @typedef {import("./types.js").Page} Page */

export const CONNECTIONS_PAGE = "https://www.linkedin.com/mynetwork/invite-connect/connections/";

/** @param {Collect} collect */
export function collectWords(collect) {
  if (collect.running) {
    return typeof collect.target === "number" ? t("collectRunning") : t("collectRunningNoTotal");
  }
  const reason = collect.reason ? `: ${trimSentence(collect.reason)}` : "";
  switch (collect.outcome) {
    case "complete":
      return t("collectComplete");
    case "ended":
      return `${t("collectEnded")}${reason}`;
    case "stopped":
      return t("collectStopped");
    case "interrupted":
      return `${t("collectInterrupted")}${reason}`;
    default:
      return "";
  }
}

/**
 * @param {Page} page
 */
export function createCollectPanel(page) {
  const { extension, ui } = page;

  /** @param {Collect | null} next */
  function renderCollect(next) {
    page.collect = next && typeof next === "object" ? next : null;
    const running = Boolean(page.collect?.running);
    ui.collectAll.disabled = running;
    show(ui.collectStop, running);
    show(ui.collectStatus, Boolean(page.collect));
    if (!page.collect) {
      ui.collectProgress.textContent = "";
      ui.collectState.textContent = "";
      show(ui.collectGone, false);
      return;
    }
    const seen = Number(page.collect.seen) || 0;
    ui.collectProgress.textContent =
      typeof page.collect.target === "number"
        ? t("countOf", formatCount(seen), formatCount(page.collect.target))
        : formatCount(seen);
    ui.collectState.textContent = collectWords(page.collect);
    const gone = Number(page.collect.gone) || 0;
    const showGone = !running && page.collect.outcome === "complete" && gone > 0;
    show(ui.collectGone, showGone);
    ui.collectGoneText.textContent = showGone ? tn("collectGone", gone) : "";
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
      ui.collectAll.disabled = Boolean(page.collect?.running);
    }
  }

  async function stopCollect() {
    try {
      const answer = await sendMessage({ type: "collect-stop" }, extension);
      if (answer.collect && typeof answer.collect === "object") renderCollect(answer.collect);
      if (ui.collectStop.hidden) ui.collectAll.focus();
    } catch (error) {
      ui.collectErrorMessage.textContent = t("collectCouldNotStop", messageOf(error));
      show(ui.collectError, true);
    }
  }

  return { renderCollect, startCollect, stopCollect };
}
