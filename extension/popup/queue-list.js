// @ts-check
// The popup's list of queued people: the one being acted on first, then the
// people waiting in the queue's order (the first fifty by name, the rest
// counted), then the people removed without proof, each with its kind
// ("withdraw invitation", "unfollow"; a removal has none), its dry-run badge
// and its own Cancel button. Rows are kept by slug so focus survives updates.

import { byId, query, show } from "../lib/dom.js";
import { t, tn } from "../lib/i18n.js";
import { KINDS, kindOf } from "./queue-kinds.js";

/**
 * @typedef {import("./types.js").QueueEntry} QueueEntry
 * @typedef {import("./format.js").Formatters} Formatters
 */

/** Waiting people listed by name; the rest are counted ("and 120 more"). */
const QUEUE_LIST_LIMIT = 50;

/**
 * The people still waiting: the one being removed first, then the queue's
 * order. Rows are kept by slug, so a button that stays keeps its focus.
 *
 * @param {Document} doc
 * People netprune pressed Remove connection for without proof either way
 * follow, so the member can look for them.
 *
 * @param {QueueEntry[]} entries
 * @param {Formatters} text
 * @param {string | null} checkWaiting whose check waits (it can be cancelled)
 */
export function renderQueueList(doc, entries, text, checkWaiting) {
  const list = byId(doc, "queue-list");
  const waiting = [
    ...entries.filter((entry) => entry.status.kind === "in-progress"),
    ...entries.filter((entry) => entry.status.kind === "pending"),
  ];
  const unconfirmed = entries
    .filter((entry) => entry.status.kind === "unconfirmed")
    .slice(0, QUEUE_LIST_LIMIT);
  const shown = [...waiting.slice(0, QUEUE_LIST_LIMIT), ...unconfirmed];
  show(byId(doc, "queue-waiting"), waiting.length > 0);
  const more = byId(doc, "queue-more");
  const hidden = waiting.length - shown.length;
  more.textContent = hidden > 0 ? tn("popupMoreWaiting", hidden) : "";
  show(more, hidden > 0);

  /** @type {Map<string, HTMLElement>} */
  const existing = new Map();
  for (const child of list.children) {
    existing.set(
      /** @type {HTMLElement} */ (child).dataset.slug ?? "",
      /** @type {HTMLElement} */ (child),
    );
  }
  const items = shown.map((entry) => {
    const item = existing.get(entry.slug) ?? createQueueEntry(doc);
    fillQueueEntry(item, entry, entry.slug === checkWaiting);
    return item;
  });
  const keep = new Set(items);
  for (const child of [...list.children])
    if (!keep.has(/** @type {HTMLElement} */ (child))) child.remove();
  // Remove first, then insert only what moved: an entry that stays is never
  // detached, so its focused button keeps focus.
  items.forEach((item, i) => {
    const at = list.children[i] ?? null;
    if (at !== item) list.insertBefore(item, at);
  });
}

/**
 * @param {Document} doc
 * @param {string} tag
 * @param {string} className
 * @param {string} [testId] its data-testid hook
 */
function part(doc, tag, className, testId) {
  const element = doc.createElement(tag);
  element.className = className;
  if (testId) element.setAttribute("data-testid", testId);
  return element;
}

/** @param {Document} doc */
function createQueueEntry(doc) {
  const item = part(doc, "li", "queue-entry", "queue-entry");
  const name = part(doc, "span", "queue-name");
  name.dir = "auto";
  const note = part(doc, "span", "queue-note");
  // A withdrawal or an unfollow says which it is (a removal is the default).
  const kind = part(doc, "span", "queue-badge queue-kind", "queue-entry-kind");
  // A dry-run entry says so: its step stops at the confirm button.
  const badge = part(doc, "span", "queue-badge", "queue-entry-dry-run");
  const cancel = /** @type {HTMLButtonElement} */ (
    part(doc, "button", "button button-small", "queue-cancel-one")
  );
  cancel.type = "button";
  // The name is part of the button's text (hidden visually), so each of
  // many "Cancel" buttons says whom it cancels.
  const whom = part(doc, "span", "visually-hidden");
  cancel.append(t("popupCancelOne"), whom);
  // Spaces between the parts, so they read as words and not "Bob Buildercancel".
  item.append(name, " ", kind, " ", badge, " ", note, " ", cancel);
  return item;
}

/**
 * @param {HTMLElement} item
 * @param {QueueEntry} entry
 * @param {boolean} checkWaits its check waits its turn: nothing is out on the page
 */
function fillQueueEntry(item, entry, checkWaits) {
  const name = entry.name?.trim() ? entry.name : entry.slug;
  const unconfirmed = entry.status.kind === "unconfirmed";
  const underWay = entry.status.kind === "in-progress" && !checkWaits;
  item.dataset.slug = entry.slug;
  item.dataset.status = entry.status.kind;
  item.dataset.dryRun = entry.dryRun ? "true" : "false";
  const words = KINDS[kindOf(entry)];
  item.dataset.action = kindOf(entry);
  query(item, ".queue-name").textContent = name;
  const kind = query(item, ".queue-kind");
  kind.textContent = words.badge ? t(words.badge) : "";
  show(kind, Boolean(words.badge));
  const note = query(item, ".queue-note");
  note.textContent = unconfirmed
    ? t(words.unconfirmed)
    : checkWaits
      ? t("popupEntryCheckWaits")
      : underWay
        ? entry.dryRun
          ? t("popupEntryDryRunNow")
          : t(words.rowNow)
        : "";
  show(note, underWay || checkWaits || unconfirmed);
  const badge = query(item, '[data-testid="queue-entry-dry-run"]');
  badge.textContent = entry.dryRun ? t("popupDryRunBadge") : "";
  show(badge, Boolean(entry.dryRun));
  const cancel = /** @type {HTMLButtonElement} */ (query(item, '[data-testid="queue-cancel-one"]'));
  cancel.dataset.slug = entry.slug;
  // A step under way cannot be stopped halfway; its outcome is recorded. A
  // check waiting its turn can (the log says a removal may have happened).
  cancel.disabled = underWay;
  show(cancel, !unconfirmed);
  query(cancel, ".visually-hidden").textContent = underWay
    ? ` ${t(words.cancelUnderWay, name)}`
    : checkWaits
      ? ` ${t("popupCancelWhomChecking", name)}`
      : ` ${t(words.cancelWhom, name)}`;
}
