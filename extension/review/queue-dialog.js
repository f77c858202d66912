// @ts-check
// Queueing the selection: the selection bar's queue line and the
// confirmation dialog (which kind of step, among those the selected people's
// relations allow: remove a connection, withdraw an invitation, unfollow;
// who is queued, who is left out and why, the count after, the consequence,
// the pace, the below-500 acknowledgement), then queue-removals (a removal)
// or queue-actions (another kind).

import { sendMessage } from "../lib/browser.js";
import {
  formatCount,
  formatDuration,
  languageName,
  messageOf,
  people,
  trimSentence,
} from "../lib/format.js";
import { listOf, paragraph, setStatus, show } from "../lib/dom.js";
import { t, tn, tnAs, uiLanguage } from "../lib/i18n.js";

/** @typedef {import("./types.js").Row} Row */
/** @typedef {import("./types.js").Collect} Collect */
/** @typedef {import("./types.js").Count} Count */
/** @typedef {import("./types.js").QueueProgress} QueueProgress */
/** @typedef {import("./types.js").Refusal} Refusal */
/** @typedef {import("./types.js").Page} Page */
/** @typedef {import("./types.js").RemovalPlan} RemovalPlan */

/** Names listed for each group of people left out of (or refused by) the queue. */
export const NAMES_SHOWN = 5;

/** Names the confirmation lists of the people it will queue, before "+32 more". */
export const CONFIRM_NAMES_SHOWN = 8;

/** Shorter times to finish go unsaid: the pauses are random. */
const HOUR_MS = 3_600_000;

/**
 * The order the confirmation lists the groups of people left out in. Who is
 * left out, and why in words, is the core's (`planRemovals`): this is only
 * the order of the groups on the page.
 */
const EXCLUDED_ORDER = [
  "notConnection",
  "noInvitation",
  "notFollowed",
  "queuedOtherwise",
  "language",
  "kept",
  "alreadyRemoved",
  "gone",
  "unmatched",
  "alreadyQueued",
  "unknown",
  "badSlug",
  "queueFull",
];

/**
 * The core's refusal reasons (RefuseReason in src/removal/queue/entry.rs,
 * camelCase), as the message keys of their words.
 *
 * @type {Record<string, string>}
 */
export const REFUSALS = {
  kept: "refusedKept",
  unmatched: "refusedUnmatched",
  gone: "refusedGone",
  unknown: "refusedUnknown",
  alreadyQueued: "refusedAlreadyQueued",
  alreadyRemoved: "refusedAlreadyRemoved",
  badSlug: "refusedBadSlug",
  queueFull: "refusedQueueFull",
  language: "refusedLanguage",
  notConnection: "refusedNotConnection",
  noInvitation: "refusedNoInvitation",
  notFollowed: "refusedNotFollowed",
  queuedOtherwise: "refusedQueuedOtherwise",
};

/**
 * The kinds of step (the core's ActionKind ids), in the order offered, with
 * the message keys of what the dialog says for each.
 */
export const KINDS = /** @type {const} */ ({
  remove: {
    button: "queueKindRemove",
    title: "queueDialogTitle",
    consequence: "queueFinalNote",
    confirm: "confirmForReal",
    mode: "modeForReal",
    each: "modeEachReal",
    queued: "queuedForReal",
  },
  withdraw: {
    button: "queueKindWithdraw",
    title: "queueDialogTitleWithdraw",
    consequence: "queueConsequenceWithdraw",
    confirm: "confirmWithdraw",
    mode: "modeWithdraw",
    each: "modeEachWithdraw",
    queued: "queuedWithdraw",
  },
  unfollow: {
    button: "queueKindUnfollow",
    title: "queueDialogTitleUnfollow",
    consequence: "queueConsequenceUnfollow",
    confirm: "confirmUnfollow",
    mode: "modeUnfollow",
    each: "modeEachUnfollow",
    queued: "queuedUnfollow",
  },
});

/** @typedef {keyof typeof KINDS} Kind */

/** @type {Kind[]} */
const KIND_ORDER = ["remove", "withdraw", "unfollow"];

/**
 * The selection's queue button for a selection that allows only one kind
 * ("Withdraw 3…"), by kind; a mixed one is "Queue 5…" (queueSelectedCount).
 * @type {Record<Kind, string>}
 */
export const SELECTED_COUNT = {
  remove: "removeSelectedCount",
  withdraw: "withdrawSelectedCount",
  unfollow: "unfollowSelectedCount",
};

/**
 * Per replica (and its revision), what each person's relations allow: a bit
 * per kind in KIND_ORDER's order. Asked only of mixed selections.
 * @type {WeakMap<object, { revision: number | null, masks: Map<string, number> }>}
 */
const kindMasks = new WeakMap();

/**
 * @param {Page} page
 * @param {string} slug
 */
function kindMask(page, slug) {
  const replica = /** @type {NonNullable<Page["replica"]>} */ (page.replica);
  let cache = kindMasks.get(replica);
  if (!cache || cache.revision !== page.replicaRevision) {
    cache = { revision: page.replicaRevision, masks: new Map() };
    kindMasks.set(replica, cache);
  }
  let mask = cache.masks.get(slug);
  if (mask === undefined) {
    const counts = replica.actionCounts([slug]);
    mask = KIND_ORDER.reduce(
      (bits, kind, i) => (Number(counts?.[kind]) > 0 ? bits | (1 << i) : bits),
      0,
    );
    cache.masks.set(slug, mask);
  }
  return mask;
}

/**
 * What a selection can be queued for, by kind: how many people each kind's
 * relation allows (the core's actionCounts), the kinds the page refuses
 * (removal, in a LinkedIn language without removal words: the other kinds'
 * words are checked by their steps, before any click), and how many people
 * can be acted on at all.
 * @param {Page} page
 * @param {string[]} slugs
 * @returns {{ counts: Record<Kind, number>, offered: Kind[], blocked: Set<Kind>,
 *   available: Kind[], actionable: number, cannot: number }} `offered`: the
 *   kinds with people; `available`: those not blocked; `actionable`: people
 *   an available kind applies to; `cannot`: people no kind applies to
 */
export function selectionKinds(page, slugs) {
  const raw = /** @type {NonNullable<Page["replica"]>} */ (page.replica).actionCounts(slugs);
  const counts = /** @type {Record<Kind, number>} */ (
    Object.fromEntries(KIND_ORDER.map((kind) => [kind, Number(raw?.[kind]) || 0]))
  );
  /** @type {Set<Kind>} */
  const blocked = new Set(page.removalBlocked() ? ["remove"] : []);
  const offered = KIND_ORDER.filter((kind) => counts[kind] > 0);
  const available = offered.filter((kind) => !blocked.has(kind));
  if (offered.length <= 1) {
    // One kind or none: its count is everyone anything applies to.
    const any = offered.length === 1 ? counts[offered[0]] : 0;
    const actionable = available.length === 1 ? counts[available[0]] : 0;
    return { counts, offered, blocked, available, actionable, cannot: slugs.length - any };
  }
  // Kinds overlap (a connection followed): people are counted once.
  const wanted = available.reduce((bits, kind) => bits | (1 << KIND_ORDER.indexOf(kind)), 0);
  let any = 0;
  let actionable = 0;
  for (const slug of slugs) {
    const mask = kindMask(page, slug);
    if (mask !== 0) any += 1;
    if ((mask & wanted) !== 0) actionable += 1;
  }
  return { counts, offered, blocked, available, actionable, cannot: slugs.length - any };
}

/**
 * Why a person of the plan is left out: the core's own words in English
 * (they say more), the words for its reason code in any other language (the
 * core words its reasons in English only).
 *
 * @param {string} reason
 * @param {string} message
 */
const exclusionWords = (reason, message) =>
  uiLanguage() === "en" || !REFUSALS[reason] ? message : t(REFUSALS[reason]);

/**
 * A count as words with its precision: "1,180", "about 1,180", "at least 490".
 *
 * @param {{ value: number, precision: Count["precision"] }} count
 */
export function describeCount(count) {
  const digits = formatCount(count.value);
  if (count.precision === "approximate") return t("aboutFigure", digits);
  if (count.precision === "at-least") return t("atLeastFigure", digits);
  return digits;
}

/**
 * @param {Page} page
 */
export function createQueueDialog(page) {
  const { doc, extension, selected, ui, win } = page;

  // The removal queue: the confirmation before anyone is queued, and one line
  // on where the queue stands. The background owns the queue; this page only
  // asks it to queue people (queue-removals) and reads storage.local.queue.

  /** People waiting or being removed now, from storage.local.queue. */
  function waitingInQueue() {
    const progress = page.queueStore?.progress;
    if (!progress || typeof progress !== "object") return 0;
    return (
      Math.max(0, Number(progress.pending) || 0) + Math.max(0, Number(progress.inProgress) || 0)
    );
  }

  function renderQueueLine() {
    const waiting = waitingInQueue();
    show(ui.queueLine, waiting > 0);
    if (waiting === 0) {
      ui.queueLine.textContent = "";
      return;
    }
    const progress = /** @type {QueueProgress} */ (page.queueStore?.progress);
    // The reason is the core's sentence: English only, so other languages
    // say just that the queue is paused.
    const reason =
      progress.reason && uiLanguage() === "en" ? `: ${trimSentence(progress.reason)}` : "";
    const paused = progress.state === "paused" ? ` ${t("queueLinePaused", reason)}` : "";
    ui.queueLine.textContent = t("queueLine", people(waiting), paused);
  }

  /**
   * The pacing in words, with the caps the queue really has (the core's
   * defaults until the background has written one), and when the queue
   * would be done as the core estimates it.
   *
   * @param {number | null} durationMs the plan's time to finish
   * @param {Kind} [kind]
   */
  function pacingWords(durationMs, kind = "remove") {
    const progress = page.queueStore?.progress;
    const control = t("pacingControl");
    if (
      progress &&
      typeof progress === "object" &&
      (progress.devPacing === true || progress.hourlyCap === null)
    ) {
      return t("pacingWordsDev", control);
    }
    if (kind !== "remove") {
      // That kind's caps in force, from the queue's progress; the core's
      // defaults until the background has written one.
      const caps = Array.isArray(progress?.kinds)
        ? progress.kinds.find((/** @type {any} */ k) => k?.kind === kind)
        : null;
      const limits = /** @type {any} */ (page.Core?.pacingLimits());
      const hourly = Number(caps?.hourlyCap) || Number(limits?.[`${kind}HourlyCap`]?.default);
      const daily = Number(caps?.dailyCap) || Number(limits?.[`${kind}DailyCap`]?.default);
      const overall = Number(progress?.overallDailyCap) || Number(limits?.overallDailyCap?.default);
      return t(
        "pacingWordsKind",
        formatCount(hourly),
        formatCount(daily),
        formatCount(overall),
        control,
      );
    }
    const limits = page.Core?.pacingLimits();
    const hourly = Number(progress?.hourlyCap) || Number(limits?.hourlyCap?.default);
    const daily = Number(progress?.dailyCap) || Number(limits?.dailyCap?.default);
    const words = t("pacingWords", formatCount(hourly), control, formatCount(daily));
    if (typeof durationMs === "number" && durationMs >= HOUR_MS) {
      return t("pacingWordsDone", words, formatDuration(durationMs));
    }
    return t("pacingWordsEnd", words);
  }

  /** @param {Row} row */
  function nameOf(row) {
    return row.name?.trim() ? row.name : t("noName");
  }

  /**
   * One group of people in a list: "2 people on your keep-list (…): Ann, Bob."
   * Names are isolated (dir="auto"), since they can be in any script.
   *
   * @param {number} count
   * @param {string} words
   * @param {string[]} names at most NAMES_SHOWN are listed
   */
  function groupItem(count, words, names) {
    const item = doc.createElement("li");
    item.append(t("groupLead", people(count), words));
    const listed = names.slice(0, NAMES_SHOWN);
    listed.forEach((name, i) => {
      item.append(i === 0 ? ": " : ", ");
      const span = doc.createElement("span");
      span.dir = "auto";
      span.className = "person-name";
      span.textContent = name;
      item.append(span);
    });
    if (count > listed.length && listed.length > 0) {
      item.append(t("groupMore", formatCount(count - listed.length)));
    }
    item.append(".");
    return item;
  }

  function openQueueDialog() {
    if (selected.size === 0 || page.queuePlan || !page.replica) return;
    const slugs = [...selected.keys()];
    // Which kinds the selected people's relations allow, by the core's
    // rules, and which of them the page's language refuses.
    let kinds;
    try {
      kinds = selectionKinds(page, slugs);
    } catch (error) {
      setStatus(ui.actionStatus, t("selectionUnreadable", messageOf(error)), true);
      return;
    }
    const { counts, offered, blocked, available } = kinds;
    // A removal first where it is allowed (what "Remove selected" always
    // did), else the first kind allowed; with nothing allowed, the removal
    // plan says why for each person.
    const kind = available[0] ?? "remove";
    for (const k of KIND_ORDER) {
      const button = kindButton(k);
      button.textContent = t(KINDS[k].button, formatCount(counts[k]));
      show(button, counts[k] > 0);
      // A kind the language refuses stays in sight, unavailable, with why.
      button.disabled = blocked.has(k);
      button.title = blocked.has(k) ? blockedWords() : "";
    }
    const refused = offered.some((k) => blocked.has(k));
    ui.queueKindNote.textContent = refused ? blockedWords() : "";
    show(ui.queueKindNote, refused);
    // The choice is shown only where there is one to make.
    show(ui.queueKinds, offered.length > 1 || (offered.length === 1 && offered[0] !== "remove"));
    if (!showPlan(slugs, kind)) return;
    const dialog = /** @type {HTMLDialogElement} */ (ui.queueDialog);
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    // The least destructive choice has focus first.
    ui.queueCancel.focus();
  }

  /** Why removal is unavailable: LinkedIn's language has no removal words yet. */
  function blockedWords() {
    let language = "";
    try {
      language = page.replica?.removalLanguage()?.language ?? "";
    } catch {
      // the language unread: said without its name
    }
    return t("queueKindRemoveBlocked", languageName(language));
  }

  /** @param {Kind} kind */
  function kindButton(kind) {
    return kind === "withdraw"
      ? ui.kindWithdraw
      : kind === "unfollow"
        ? ui.kindUnfollow
        : ui.kindRemove;
  }

  /**
   * Another kind chosen in the open dialog: its plan replaces the other's.
   * @param {Kind} kind
   */
  function chooseKind(kind) {
    const plan = page.queuePlan;
    if (!plan || plan.sending || plan.answered || plan.kind === kind) return;
    if (kind === "remove" && page.removalBlocked()) return;
    showPlan(plan.asked, kind);
  }

  /**
   * Plans `slugs` for steps of `kind` and draws the plan into the dialog.
   * @param {string[]} asked the selection
   * @param {Kind} kind
   * @returns {boolean} whether there is a plan to show
   */
  function showPlan(asked, kind) {
    // The core plans the batch by the same rules queue-actions checks: who
    // is queued, who is left out and why, the count after, the badge, and
    // when the queue would be done. The page only says it.
    /** @type {RemovalPlan} */
    let plan;
    try {
      plan = page.replica.planActions(asked, kind, Date.now(), -new Date().getTimezoneOffset());
    } catch (error) {
      setStatus(ui.actionStatus, t("selectionUnreadable", messageOf(error)), true);
      return false;
    }
    for (const k of KIND_ORDER) kindButton(k).setAttribute("aria-pressed", String(k === kind));
    const slugs = plan.queueable;
    const n = slugs.length;
    /** @type {string[]} */
    let names;
    try {
      const indices = slugs.map((slug) => page.indexOfSlug(slug)).filter((i) => i >= 0);
      names = indices.length ? page.replica.rows(Uint32Array.from(indices)).map(nameOf) : [];
    } catch {
      names = []; // the plan stands; only the names are not listed
    }

    ui.queueTitle.textContent = t(KINDS[kind].title);
    ui.queueFinalNote.textContent = t(KINDS[kind].consequence);
    ui.planCount.textContent = n > 0 ? formatCount(n) : "";
    show(ui.planCount, n > 0);
    ui.planWords.textContent =
      n === 0
        ? t("planNobody")
        : tnAs(kind === "remove" ? "planWillQueue" : "planWillQueueKinds", n, "");
    renderConfirmPeople(n, names);
    /** @type {Map<string, { message: string, names: string[] }>} */
    const byReason = new Map();
    for (const person of plan.excluded) {
      const group = byReason.get(person.reason) ?? {
        message: exclusionWords(person.reason, person.message),
        names: [],
      };
      group.names.push(person.name?.trim() ? person.name : t("noName"));
      byReason.set(person.reason, group);
    }
    const order = (/** @type {string} */ reason) =>
      EXCLUDED_ORDER.includes(reason) ? EXCLUDED_ORDER.indexOf(reason) : EXCLUDED_ORDER.length;
    const groups = [...byReason]
      .sort(([a], [b]) => order(a) - order(b))
      .map(([, group]) => groupItem(group.names.length, group.message, group.names));
    ui.excludedList.replaceChildren(...groups);
    show(ui.excluded, groups.length > 0);

    const waiting = plan.alreadyWaiting;
    // Only removals change the count: another kind says nothing of it.
    const counted = kind === "remove";
    /** @type {Count["precision"]} */
    const precision = plan.connectionsPrecision ?? "exact";
    if (n === 0) {
      ui.queueAfter.textContent = "";
    } else if (plan.connectionsBefore === null || plan.connectionsAfter === null) {
      ui.queueAfter.textContent = t("planCountUnknown");
    } else {
      const after = describeCount({ value: plan.connectionsAfter, precision });
      const before = describeCount({ value: plan.connectionsBefore, precision });
      ui.queueAfter.textContent =
        t("planAfter", after, before) +
        (waiting > 0 ? ` ${t("planCountsWaiting", people(waiting))}` : "");
    }
    show(ui.queueAfter, n > 0 && counted);

    const needsAck = n > 0 && plan.crossesBadge;
    ui.below500Text.textContent =
      precision === "at-least" ? t("planMayBeBelow500") : t("planBelow500");
    ui.below500Ack.checked = false;
    show(ui.below500, needsAck);

    // A dry run belongs to this batch: people already waiting keep their own
    // mode, so every batch starts from "for real" unticked and is said plainly.
    ui.dryRun.checked = false;
    ui.queuePacing.textContent = pacingWords(plan.durationMs, kind);

    ui.queueResult.replaceChildren();
    ui.queueResult.classList.remove("is-error");
    show(ui.planBox, true);
    show(ui.confirmQueue, true);
    ui.queueCancel.textContent = t("reviewCancel");

    page.queuePlan = {
      asked,
      kind,
      slugs,
      names,
      needsAck,
      sending: false,
      answered: false,
    };
    updateConfirm();
    return true;
  }

  /**
   * Who will be queued, by name: the first CONFIRM_NAMES_SHOWN in the
   * plan's order, then "+32 more". Names are data, drawn as text.
   *
   * @param {number} n people the plan queues
   * @param {string[]} names their names, in the plan's order
   */
  function renderConfirmPeople(n, names) {
    const listed = names.slice(0, CONFIRM_NAMES_SHOWN).map((name) => {
      const item = doc.createElement("li");
      const span = doc.createElement("span");
      span.dir = "auto";
      span.className = "person-name";
      span.textContent = name;
      item.append(span);
      return item;
    });
    if (n > listed.length && listed.length > 0) {
      const more = doc.createElement("li");
      more.className = "confirm-more";
      more.textContent = t("confirmPeopleMore", formatCount(n - listed.length));
      listed.push(more);
    }
    ui.confirmPeople.replaceChildren(...listed);
    show(ui.confirmPeople, listed.length > 0);
  }

  /**
   * What will happen to each person in this batch, and that people already
   * waiting keep their own mode.
   * @param {{ kind: Kind, slugs: string[], names: string[] }} plan
   */
  function renderQueueMode(plan) {
    const n = plan.slugs.length;
    const dry = ui.dryRun.checked;
    const words = KINDS[plan.kind];
    const removal = plan.kind === "remove";
    ui.queueModeWords.textContent =
      n === 0
        ? ""
        : dry
          ? t(removal ? "modeDryRun" : "modeDryRunKinds", people(n))
          : t(words.mode, people(n));
    const what = dry ? t(removal ? "modeEachDry" : "modeEachDryKinds") : t(words.each);
    const listed = plan.names.slice(0, NAMES_SHOWN).map((name) => {
      const item = doc.createElement("li");
      const span = doc.createElement("span");
      span.dir = "auto";
      span.className = "person-name";
      span.textContent = name;
      item.append(span, `: ${what}`);
      item.dataset.dryRun = dry ? "true" : "false";
      return item;
    });
    if (plan.names.length > listed.length) {
      const more = doc.createElement("li");
      more.textContent = t("modeMore", formatCount(plan.names.length - listed.length), what);
      listed.push(more);
    }
    ui.queueModeList.replaceChildren(...listed);
    const entries = Array.isArray(page.queueStore?.entries) ? page.queueStore.entries : [];
    const waitingDry = entries.filter(
      (e) => e?.dryRun && (e.status?.kind === "pending" || e.status?.kind === "in-progress"),
    ).length;
    const waiting = waitingInQueue();
    ui.queueModeOthers.textContent =
      waiting === 0
        ? ""
        : t(
            "modeOthers",
            people(waiting),
            formatCount(waitingDry),
            formatCount(waiting - waitingDry),
          );
    show(ui.queueModeOthers, waiting > 0);
  }

  function updateConfirm() {
    const plan = page.queuePlan;
    if (!plan) return;
    renderQueueMode(plan);
    const n = plan.slugs.length;
    ui.confirmQueue.textContent = plan.sending
      ? t("confirmQueuing")
      : n === 0
        ? t("confirmNobody")
        : ui.dryRun.checked
          ? t("confirmDryRun", people(n))
          : t(KINDS[plan.kind].confirm, people(n));
    ui.confirmQueue.disabled =
      plan.sending || plan.answered || n === 0 || (plan.needsAck && !ui.below500Ack.checked);
  }

  function closeQueueDialog() {
    const plan = page.queuePlan;
    if (!plan) return;
    page.queuePlan = null;
    const dialog = /** @type {HTMLDialogElement} */ (ui.queueDialog);
    if (dialog.open) {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
    }
    // Back to "Remove 3…" (a click does not focus a button in every
    // browser, so it is named rather than remembered); after queueing it is
    // disabled (the selection is cleared), so back to the list's row, or
    // the search box when no one is listed.
    if (!ui.queueSelected.disabled) ui.queueSelected.focus();
    else {
      const row = /** @type {HTMLElement | null} */ (
        ui.list.querySelector('.row-main[tabindex="0"]')
      );
      (row ?? ui.input).focus();
    }
  }

  async function confirmQueue() {
    const plan = page.queuePlan;
    if (!plan || plan.sending || plan.answered || plan.slugs.length === 0) return;
    if (plan.needsAck && !ui.below500Ack.checked) return;
    const dryRun = ui.dryRun.checked;
    plan.sending = true;
    updateConfirm();
    ui.queueResult.classList.remove("is-error");
    ui.queueResult.replaceChildren(paragraph(doc, t("queueAsking")));
    /** @type {any} */
    let answer;
    try {
      // A removal goes as it always has; the other kinds name themselves.
      const message =
        plan.kind === "remove"
          ? { type: "queue-removals", slugs: plan.slugs, dryRun }
          : { type: "queue-actions", kind: plan.kind, slugs: plan.slugs, dryRun };
      answer = await sendMessage(message, extension);
    } catch (error) {
      plan.sending = false;
      const message = t("queueFailed", messageOf(error));
      if (page.queuePlan === plan) {
        ui.queueResult.classList.add("is-error");
        ui.queueResult.replaceChildren(paragraph(doc, message));
        updateConfirm();
      } else {
        setStatus(ui.actionStatus, message, true);
      }
      return;
    }
    plan.sending = false;
    plan.answered = true;

    const queued = Array.isArray(answer.queued)
      ? answer.queued.length
      : Math.max(0, Number(answer.queued) || 0);
    /** @type {Refusal[]} */
    const refused = listOf(answer.refused).filter((r) => typeof r?.slug === "string");
    const headline =
      queued === 0
        ? t("queuedNobody")
        : dryRun
          ? t(plan.kind === "remove" ? "queuedDryRun" : "queuedDryRunKinds", people(queued))
          : t(KINDS[plan.kind].queued, people(queued));
    const refusedLine =
      refused.length > 0 ? ` ${t("queuedRefusedCount", formatCount(refused.length))}` : "";
    // Whoever was queued is done with: the selection starts afresh (which
    // empties the status line, so what happened is written after it).
    if (queued > 0) page.clearSelection();
    setStatus(ui.actionStatus, `${headline}${refusedLine}`);
    if (page.queuePlan !== plan) return; // closed while the answer was on its way

    ui.queueTitle.textContent =
      queued === 0
        ? t("queuedTitleNobody")
        : dryRun
          ? tn("queuedTitleDryRun", queued)
          : plan.kind === "remove"
            ? tn("queuedTitle", queued)
            : t(KINDS[plan.kind].title);

    const title = paragraph(doc, headline);
    title.className = "report-title";
    title.dataset.queued = String(queued);
    /** @type {HTMLElement[]} */
    const parts = [title];
    if (refused.length) {
      parts.push(paragraph(doc, t("queuedRefused", formatCount(refused.length))));
      const list = doc.createElement("ul");
      list.className = "excluded-list";
      // Grouped by the core's reason code; the core words each reason.
      /** @type {Map<string, { message: string, slugs: string[] }>} */
      const byReason = new Map();
      for (const { slug, why, message } of refused) {
        const group = byReason.get(why) ?? { message, slugs: [] };
        group.slugs.push(slug);
        byReason.set(why, group);
      }
      for (const [why, { message, slugs }] of byReason) {
        const item = groupItem(slugs.length, exclusionWords(why, message), namesFor(slugs));
        item.dataset.why = String(why);
        list.append(item);
      }
      parts.push(list);
    }
    if (queued > 0) {
      parts.push(paragraph(doc, t("queuedFollow")));
    }
    ui.queueResult.replaceChildren(...parts);
    show(ui.planBox, false);
    show(ui.confirmQueue, false);
    ui.queueCancel.textContent = t("reviewDetailsClose");
    ui.queueCancel.focus();
  }

  /**
   * Names for slugs, for the first NAMES_SHOWN of them; a slug the replica
   * does not hold is shown as itself.
   *
   * @param {string[]} slugs
   */
  function namesFor(slugs) {
    const shown = slugs.slice(0, NAMES_SHOWN);
    const indices = shown.map(page.indexOfSlug);
    /** @type {Map<number, string>} */
    const names = new Map();
    const known = indices.filter((index) => index >= 0);
    if (page.replica && known.length) {
      try {
        for (const row of page.replica.rows(Uint32Array.from(known)))
          names.set(row.index, nameOf(row));
      } catch {
        // The slugs stand in for the names.
      }
    }
    return shown.map((slug, i) => names.get(indices[i]) ?? slug);
  }

  /**
   * Keeps Tab inside the open dialog: the native modal already makes the
   * page behind it inert, but Tab would still leave for the browser's own UI.
   *
   * @param {KeyboardEvent} event
   */
  function trapTab(event) {
    const dialog = ui.queueDialog;
    const focusable = /** @type {HTMLElement[]} */ ([
      ...dialog.querySelectorAll("button, input, a[href], [tabindex='0']"),
    ]).filter((element) => {
      if (/** @type {HTMLButtonElement} */ (element).disabled) return false;
      for (
        let node = /** @type {HTMLElement | null} */ (element);
        node;
        node = node.parentElement
      ) {
        if (node.hidden) return false;
        if (node === dialog) break;
      }
      return true;
    });
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = /** @type {HTMLElement} */ (focusable.at(-1));
    const active = doc.activeElement;
    const inside = active instanceof win.HTMLElement && focusable.includes(active);
    if (event.shiftKey && (active === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  }

  return {
    renderQueueLine,
    openQueueDialog,
    chooseKind,
    updateConfirm,
    closeQueueDialog,
    confirmQueue,
    trapTab,
  };
}
