// @ts-check
// The collect panel: starting and stopping a collection of the connections
// list through the background, its progress from storage.local.collect, and
// the action bar's line when the list holds only part of the network ("Collect
// the other 29,920", with the reason); and reading the sent invitations,
// following and followers lists (the background's record of each run, from
// storage.local.listCollects).

import { sendMessage } from "../lib/browser.js";
import { formatCount, messageOf, trimSentence } from "../lib/format.js";
import { t, tn } from "../lib/i18n.js";
import { show } from "../lib/dom.js";

/** @typedef {import("./types.js").Collect} Collect */
/** @typedef {import("./types.js").Page} Page */

/** @typedef {"invitations" | "following" | "followers"} List a list besides the connections */

/** The lists besides the connections, each with its own collect button. @type {List[]} */
const LISTS = ["invitations", "following", "followers"];

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
 * A run over the sent invitations, following or followers list in words;
 * a run read to its end that dropped nobody says why, where the core said
 * (`endNote`: the followers list's end proves nothing unless the member's
 * followers figure is known exactly and that many were read).
 * @param {any} run the background's record (collect.js ListRun)
 */
export function listRunWords(run) {
  if (!run || typeof run !== "object") return "";
  if (run.running) return t("listCollectRunning");
  if (run.outcome === "end-of-list") {
    const gone = typeof run.noLongerListed === "number" ? run.noLongerListed : 0;
    if (gone > 0) return t("listCollectDoneGone", formatCount(gone));
    const note = typeof run.endNote === "string" && run.endNote ? trimSentence(run.endNote) : "";
    return note ? t("listCollectDoneNoneDropped", note) : t("listCollectDone");
  }
  const reason = typeof run.reason === "string" && run.reason ? trimSentence(run.reason) : "";
  return reason ? t("listCollectEndedWhy", reason) : t("listCollectEnded");
}

/**
 * @param {Page} page
 */
export function createCollectPanel(page) {
  const { extension, ui } = page;

  /**
   * Draws the runs over the other lists; while one runs, asks again later.
   * @param {any} lists by list
   */
  function renderLists(lists) {
    const runs = lists && typeof lists === "object" ? lists : {};
    for (const list of LISTS) {
      const { button, status } = controlsOf(list);
      status.textContent = listRunWords(runs[list]);
      button.disabled = Boolean(runs[list]?.running);
    }
    const running = Object.values(runs).some((run) => run?.running);
    page.listsRunning = running;
    // One Stop for every run.
    show(ui.collectStop, running || Boolean(page.collect?.running));
  }

  /**
   * A list's collect button and status line.
   * @param {List} list
   */
  function controlsOf(list) {
    switch (list) {
      case "invitations":
        return { button: ui.collectInvitations, status: ui.collectInvitationsStatus };
      case "following":
        return { button: ui.collectFollowing, status: ui.collectFollowingStatus };
      default:
        return { button: ui.collectFollowers, status: ui.collectFollowersStatus };
    }
  }

  /** @param {List} list */
  async function startListCollect(list) {
    const { status } = controlsOf(list);
    try {
      const answer = await sendMessage({ type: "collect-start", list }, extension);
      renderLists(answer.lists);
    } catch (error) {
      status.textContent = messageOf(error);
    }
  }

  /** @param {Collect | null} next */
  function renderCollect(next) {
    page.collect = next && typeof next === "object" ? next : null;
    const running = Boolean(page.collect?.running);
    ui.collectAll.disabled = running;
    show(ui.collectStop, running || page.listsRunning === true);
    show(ui.collectStatus, Boolean(page.collect));
    renderPartial();
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

  /**
   * The action bar's word on a list that is not the whole network: while
   * collecting, how far it is; after a collection that ended short of the
   * total LinkedIn stated, how many are here, why, and the way to the rest.
   */
  function renderPartial() {
    const collect = page.collect;
    const listed = page.everyone.length;
    const target = typeof collect?.target === "number" ? collect.target : null;
    const running = Boolean(collect?.running);
    const missing = target === null ? 0 : target - listed;
    const short = Boolean(collect) && !running && collect?.outcome !== "complete" && missing > 0;
    show(ui.listPartial, listed > 0 && (running || short));
    settleDataSettings(listed === 0 || running || collect?.outcome !== "complete" || missing > 0);
    show(ui.collectRest, short);
    if (running) {
      const seen = formatCount(Number(collect?.seen) || 0);
      ui.listPartialText.textContent = t(
        "listCollecting",
        target === null ? seen : t("countOf", seen, formatCount(target)),
      );
    } else if (short && collect && target !== null) {
      ui.listPartialText.textContent = t(
        "listPartial",
        formatCount(listed),
        formatCount(target),
        collectWords(collect),
      );
      ui.collectRest.textContent = tn("collectRest", missing);
    } else {
      ui.listPartialText.textContent = "";
      ui.collectRest.textContent = "";
    }
  }

  /**
   * "Data and settings" is closed only once the whole network is here: while
   * nothing or part of it is collected, or a collection runs, the section
   * with "Collect all connections", its progress and the import is open, so
   * the next step is in view (and every hook in it can be clicked without
   * opening anything). It never closes by itself, and once the member opens
   * or closes it themselves, their choice stands.
   * @param {boolean} workLeft
   */
  function settleDataSettings(workLeft) {
    // Until the first load has both the network and the collection's state,
    // "nothing here" only means "not read yet" (replica.js settles it then).
    if (ui.view.hidden) return;
    if (workLeft && !page.dataSettingsChosen) ui.dataSettings.open = true;
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
      // Why it did not start, where the member can act on it.
      ui.dataSettings.open = true;
    } finally {
      ui.collectAll.disabled = Boolean(page.collect?.running);
    }
  }

  async function stopCollect() {
    try {
      const answer = await sendMessage({ type: "collect-stop" }, extension);
      if (answer.collect && typeof answer.collect === "object") renderCollect(answer.collect);
      if (answer.lists) renderLists(answer.lists);
      if (ui.collectStop.hidden) ui.collectAll.focus();
    } catch (error) {
      ui.collectErrorMessage.textContent = t("collectCouldNotStop", messageOf(error));
      show(ui.collectError, true);
    }
  }

  return {
    renderCollect,
    renderPartial,
    startCollect,
    stopCollect,
    startListCollect,
    renderLists,
  };
}
