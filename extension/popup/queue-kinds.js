// @ts-check
// The queue by kind: once it holds more than removals (withdrawn invitations,
// unfollows), the section is the "Action queue", its count reads "still to
// do", and it gets one line per kind with anything waiting or done today
// ("Withdrawals: 3 waiting, 12 of 40 today") and the ceiling on all kinds
// together ("41 of 100 steps today"). A queue of removals alone reads as it
// always has. Also the words for a queued person by the kind of step, for
// the list and the line saying what is under way. The figures are the core's
// (`progress.kinds`, `overallToday`, `overallDailyCap`).

import { byId, byTestId, show } from "../lib/dom.js";
import { t, tn } from "../lib/i18n.js";

/**
 * @typedef {import("./types.js").QueueProgress} QueueProgress
 * @typedef {import("./types.js").QueueEntry} QueueEntry
 * @typedef {import("./types.js").KindProgress} KindProgress
 * @typedef {import("./types.js").ActionKind} ActionKind
 * @typedef {import("./format.js").Formatters} Formatters
 */

/**
 * Each kind's words, by the message key: its name on its line, its entry's
 * badge in the list (none for a removal, the queue's first kind), what its
 * step under way is called ("removing $1 now"), the note of its row under
 * way, the hidden words of its row's Cancel button (waiting, and under way
 * when it cannot be used), the note of its row taken without proof, and the
 * LinkedIn page its steps act on.
 *
 * @type {Record<ActionKind, { name: string, badge: string, now: string, rowNow: string,
 *   cancelWhom: string, cancelUnderWay: string, unconfirmed: string,
 *   page: "connections" | "invitations" | "following" }>}
 */
export const KINDS = {
  remove: {
    name: "popupKindRemovals",
    badge: "",
    now: "popupRemovingNow",
    rowNow: "popupEntryRemovingNow",
    cancelWhom: "popupCancelWhomRemoving",
    cancelUnderWay: "popupCancelWhomUnderWay",
    unconfirmed: "popupEntryUnconfirmed",
    page: "connections",
  },
  withdraw: {
    name: "popupKindWithdrawals",
    badge: "popupEntryKindWithdraw",
    now: "popupWithdrawingNow",
    rowNow: "popupEntryWithdrawingNow",
    cancelWhom: "popupCancelWhomWithdrawing",
    cancelUnderWay: "popupCancelWhomUnderWayWithdraw",
    unconfirmed: "popupEntryUnconfirmedWithdraw",
    page: "invitations",
  },
  unfollow: {
    name: "popupKindUnfollows",
    badge: "popupEntryKindUnfollow",
    now: "popupUnfollowingNow",
    rowNow: "popupEntryUnfollowingNow",
    cancelWhom: "popupCancelWhomUnfollowing",
    cancelUnderWay: "popupCancelWhomUnderWayUnfollow",
    unconfirmed: "popupEntryUnconfirmedUnfollow",
    page: "following",
  },
};

/** The kinds in the order their lines are drawn. */
const ORDER = /** @type {ActionKind[]} */ (["remove", "withdraw", "unfollow"]);

/**
 * A queued person's kind of step: a removal unless the entry says otherwise
 * (an entry of a kind this popup does not know yet reads as a removal's).
 *
 * @param {QueueEntry} entry
 * @returns {ActionKind}
 */
export function kindOf(entry) {
  const action = entry?.action;
  return action === "withdraw" || action === "unfollow" ? action : "remove";
}

/** @param {unknown} n */
const count = (n) => Math.max(0, Number(n) || 0);

/**
 * The core's per-kind progress, known kinds only, in their order.
 *
 * @param {QueueProgress | null} progress
 * @returns {KindProgress[]}
 */
function kindsOf(progress) {
  const kinds = Array.isArray(progress?.kinds) ? progress.kinds : [];
  return ORDER.map((kind) => kinds.find((line) => line && line.kind === kind)).filter(
    (line) => line !== undefined,
  );
}

/**
 * Whether the queue holds more than removals: a withdrawal or an unfollow
 * waiting, done, or listed.
 *
 * @param {QueueProgress | null} progress
 * @param {QueueEntry[]} entries
 */
export function holdsOtherKinds(progress, entries) {
  return (
    kindsOf(progress).some(
      (line) =>
        line.kind !== "remove" &&
        count(line.pending) + count(line.done) + count(line.doneToday) > 0,
    ) || entries.some((entry) => kindOf(entry) !== "remove")
  );
}

/**
 * The heading, the count's words, the log button's, the kind lines and the
 * overall line. Marks the queue's view `data-kinds="mixed"` (or "remove"),
 * for the words drawn elsewhere (the cancel question, the dry run, what
 * Cancel all did). Returns whether the queue holds more than removals.
 *
 * @param {Document} doc
 * @param {QueueProgress | null} progress
 * @param {QueueEntry[]} entries
 * @param {Formatters} text
 * @returns {boolean}
 */
export function renderKinds(doc, progress, entries, text) {
  const mixed = holdsOtherKinds(progress, entries);
  byId(doc, "queue-view").dataset.kinds = mixed ? "mixed" : "remove";
  byId(doc, "queue-heading").textContent = t(
    mixed ? "popupActionQueueHeading" : "popupQueueHeading",
  );
  byId(doc, "queue-count-words").textContent = t(
    mixed ? "popupQueueCountWordsMixed" : "popupQueueCountWords",
  );
  byTestId(doc, "removal-log-export").textContent = t(
    mixed ? "popupActionLogExport" : "popupRemovalLogExport",
  );

  const list = byId(doc, "queue-kinds");
  const lines = mixed
    ? kindsOf(progress).filter((line) => count(line.pending) > 0 || count(line.doneToday) > 0)
    : [];
  /** @type {Map<string, HTMLElement>} */
  const existing = new Map();
  for (const child of list.children) {
    const item = /** @type {HTMLElement} */ (child);
    existing.set(item.dataset.kind ?? "", item);
  }
  const items = lines.map((line) => {
    let item = existing.get(line.kind);
    if (!item) {
      item = doc.createElement("li");
      item.setAttribute("data-testid", "queue-kind");
      item.dataset.kind = line.kind;
    }
    const pending = count(line.pending);
    const today = count(line.doneToday);
    item.dataset.pending = String(pending);
    item.dataset.today = String(today);
    item.textContent = t(
      "popupKindLine",
      t(KINDS[line.kind].name),
      tn("popupKindWaiting", pending),
      typeof line.dailyCap === "number"
        ? t("popupRemovedTodayOfCap", text.number.format(today), text.number.format(line.dailyCap))
        : t("popupRemovedToday", text.number.format(today)),
    );
    return item;
  });
  list.replaceChildren(...items);
  show(list, items.length > 0);

  const overall = byTestId(doc, "queue-overall-today");
  const done = count(progress?.overallToday);
  const cap = progress?.overallDailyCap;
  overall.textContent = mixed
    ? typeof cap === "number"
      ? t("popupOverallTodayOfCap", text.number.format(done), text.number.format(cap))
      : tn("popupOverallToday", done)
    : "";
  show(overall, mixed);
  return mixed;
}

/**
 * Whether the queue drawn last holds more than removals.
 *
 * @param {Document} doc
 */
export const isMixed = (doc) => byId(doc, "queue-view").dataset.kinds === "mixed";
