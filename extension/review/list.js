// @ts-check
// The list: only the visible window of rows in the DOM, the one tab stop and
// keyboard moves between rows, and the details panel of one person (with
// what the data archive says of them).

import {
  BADGES,
  FALLBACK_VIEWPORT_PX,
  OVERSCAN,
  ROW_HEIGHT,
  SOURCE_PHRASES,
  badgesFor,
  createRow,
  initialsOf,
  profileLinkOf,
  rowKey,
} from "./rows.js";
import { describeConnected, messageOf } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import { part, show } from "../lib/dom.js";
import { contactFields, lastContactOf } from "./archive.js";

/** @typedef {import("./types.js").Connected} Connected */
/** @typedef {import("./types.js").Row} Row */
/** @typedef {import("./types.js").Page} Page */

/**
 * @param {Page} page
 */
export function createList(page) {
  const { doc, rendered, rowData, selected, ui } = page;

  /** Draws the rows in view (plus overscan); the spacer gives the full height. */
  function renderWindow() {
    const total = page.matches.length;
    ui.list.style.height = `${total * ROW_HEIGHT}px`;
    const viewport = ui.scroller.clientHeight || FALLBACK_VIEWPORT_PX;
    const top = ui.scroller.scrollTop;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(total, Math.ceil((top + viewport) / ROW_HEIGHT) + OVERSCAN);

    /** @type {Row[]} */
    let rows = [];
    if (page.replica && last > first) {
      try {
        rows = page.replica.rows(page.matches.subarray(first, last));
      } catch (error) {
        ui.listMessage.textContent = t("listFailed", messageOf(error));
        show(ui.listMessage, true);
      }
    }

    const previous = new Map(rendered);
    rendered.clear();
    /** @type {HTMLElement[]} */
    const next = [];
    rows.forEach((row, offset) => {
      const position = first + offset;
      let key = rowKey(row);
      // Two rows with one slug would be a core bug; they still get two rows.
      if (rendered.has(key)) key = `${key}#${position}`;
      const element = previous.get(key) ?? createRow(doc);
      fillRow(element, row, position, total);
      element.dataset.key = key;
      rendered.set(key, element);
      next.push(element);
    });
    const keep = new Set(/** @type {Element[]} */ (next));
    for (const child of [...ui.list.children]) if (!keep.has(child)) child.remove();
    // Remove first, then insert: a row that stays is never moved, so a
    // focused checkbox or row keeps its focus while the list scrolls.
    next.forEach((element, i) => {
      const at = ui.list.children[i] ?? null;
      if (at !== element) ui.list.insertBefore(element, at);
    });

    updateTabStop();
  }

  /** One row in the list holds the tab stop; the arrow keys move it. */
  function updateTabStop() {
    const positions = [...rendered.values()].map((element) => Number(element.dataset.position));
    const target = positions.includes(page.activePosition) ? page.activePosition : positions[0];
    for (const element of rendered.values()) {
      const tabIndex = Number(element.dataset.position) === target ? 0 : -1;
      for (const control of element.querySelectorAll("input, button, a")) {
        /** @type {HTMLElement} */ (control).tabIndex = tabIndex;
      }
    }
  }

  /**
   * @param {HTMLElement} element
   * @param {Row} row
   * @param {number} position
   * @param {number} total
   */
  function fillRow(element, row, position, total) {
    rowData.set(element, row);
    element.dataset.slug = row.slug ?? "";
    element.dataset.key = rowKey(row);
    element.dataset.position = String(position);
    element.style.top = `${position * ROW_HEIGHT}px`;
    element.style.height = `${ROW_HEIGHT}px`;
    element.setAttribute("aria-posinset", String(position + 1));
    element.setAttribute("aria-setsize", String(total));

    const name = row.name?.trim() ? row.name : t("noName");
    const isSelected = Boolean(row.slug) && selected.has(row.slug);
    element.classList.toggle("is-selected", isSelected);
    const box = /** @type {HTMLInputElement} */ (part(element, ".row-select"));
    box.checked = isSelected;
    box.disabled = !row.slug;
    box.setAttribute("aria-label", t("selectPerson", name));

    part(element, ".row-name").textContent = name;
    part(element, ".row-initials").textContent = row.name?.trim() ? initialsOf(row.name) : "?";
    // Empty when unknown (the test hooks say so); the stylesheet shows "No headline".
    const headline = part(element, ".row-headline");
    headline.textContent = row.headline?.trim() ? row.headline : "";
    headline.classList.toggle("is-missing", !row.headline?.trim());
    // One line, clipped: the whole headline on hover.
    headline.title = headline.textContent;
    const date = part(element, ".row-date");
    const day = /^\d{4}-\d{2}-\d{2}$/.exec(String(row.connected?.date ?? ""));
    if (day) {
      // time[data-testid="person-connected"] only when the date is known.
      const time = doc.createElement("time");
      time.dataset.testid = "person-connected";
      time.dateTime = day[0];
      time.textContent = describeConnected(row.connected).short;
      // A private-use mark for where the date goes: Chrome's getMessage
      // drops a NUL substitution, which put the date after the sentence.
      // The words around the date give way to it in a narrow row (list.css).
      const words = t("rowConnected", "\uE000")
        .split("\uE000")
        .map((text) => {
          const span = doc.createElement("span");
          span.className = "row-date-word";
          span.textContent = text;
          return span;
        });
      date.replaceChildren(words[0], time, words[1] ?? "");
    } else date.replaceChildren(t("rowConnected", describeConnected(row.connected).short));
    part(element, ".badges").replaceChildren(...badgesFor(doc, row));
    fillContact(part(element, ".row-contact"), row);
    // The profile, in a new tab: a link only from a slug that is one.
    const link = /** @type {HTMLAnchorElement} */ (part(element, ".row-profile"));
    const url = profileLinkOf(row);
    if (url) link.href = url;
    else link.removeAttribute("href");
    link.hidden = url === null;
    part(link, ".visually-hidden").textContent = t("rowProfileOf", name);
  }

  /**
   * The "Last contact" cell: "2021-03-04 · 12 messages", "never messaged",
   * or empty without an archive of messages.
   * @param {HTMLElement} cell
   * @param {Row} row
   */
  function fillContact(cell, row) {
    const { day, words } = lastContactOf(row.contact, page.archive);
    if (day) {
      const time = doc.createElement("time");
      time.dateTime = day;
      time.textContent = day;
      const count = doc.createElement("span");
      count.className = "row-contact-count";
      count.textContent = ` · ${words}`;
      cell.replaceChildren(time, count);
      cell.title = t("contactLast", `${day} · ${words}`);
    } else {
      cell.textContent = words;
      cell.title = words ? t("contactLast", words) : "";
    }
    cell.classList.toggle("is-never", !day && words !== "");
  }

  function renderDetails() {
    const row = page.detailsRow;
    if (!row) return;
    ui.detailsName.textContent = row.name?.trim() ? row.name : t("noName");
    ui.detailsBadges.replaceChildren(
      ...BADGES.filter(({ key }) => row[key]).map(({ key, meaning }) => {
        const badge = doc.createElement("span");
        badge.className = `badge badge-${key}`;
        badge.textContent = t(meaning);
        return badge;
      }),
    );
    /** @type {[string, string][]} */
    const fields = [
      [t("fieldHeadline"), row.headline?.trim() || t("fieldNone")],
      [t("fieldCompany"), row.company?.trim() || t("fieldNotKnown")],
      [t("fieldPosition"), row.position?.trim() || t("fieldNotKnown")],
      [t("fieldConnected"), describeConnected(row.connected).long],
      [
        t("fieldSource"),
        SOURCE_PHRASES[row.source] ? t(SOURCE_PHRASES[row.source]) : String(row.source ?? "?"),
      ],
    ];
    if (row.possiblySameAs) fields.push([t("fieldPossiblySameAs"), row.possiblySameAs]);
    fields.push(...contactFields(row.contact, page.archive));
    ui.detailsFields.replaceChildren(
      ...fields.flatMap(([term, value]) => {
        const dt = doc.createElement("dt");
        dt.textContent = term;
        const dd = doc.createElement("dd");
        dd.dir = "auto";
        dd.textContent = value;
        return [dt, dd];
      }),
    );
    const url = profileLinkOf(row);
    show(ui.detailsLink, url !== null);
    if (url) ui.detailsLink.href = url;
    else ui.detailsLink.removeAttribute("href");
    show(ui.detailsNoLink, url === null);
  }

  /** @param {HTMLElement} element a row */
  function openDetails(element) {
    const row = rowData.get(element);
    if (!row) return;
    page.detailsRow = row;
    renderDetails();
    show(ui.details, true);
    ui.detailsName.focus();
  }

  function closeDetails() {
    const key = page.detailsRow ? rowKey(page.detailsRow) : null;
    page.detailsRow = null;
    show(ui.details, false);
    const element = key ? rendered.get(key) : null;
    const target =
      /** @type {HTMLElement | null} */ (element?.querySelector(".row-main")) ??
      /** @type {HTMLElement | null} */ (ui.list.querySelector('.row-main[tabindex="0"]'));
    (target ?? ui.input).focus();
  }

  /**
   * Moves the list's tab stop to `position`, scrolling it into view.
   *
   * @param {number} position
   * @param {string} selector which control of the row gets focus
   */
  function moveTo(position, selector) {
    if (page.matches.length === 0) return;
    page.activePosition = Math.min(Math.max(0, position), page.matches.length - 1);
    const viewport = ui.scroller.clientHeight || FALLBACK_VIEWPORT_PX;
    const top = page.activePosition * ROW_HEIGHT;
    if (top < ui.scroller.scrollTop) ui.scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > ui.scroller.scrollTop + viewport) {
      ui.scroller.scrollTop = top + ROW_HEIGHT - viewport;
    }
    renderWindow();
    const element = [...rendered.values()].find(
      (row) => Number(row.dataset.position) === page.activePosition,
    );
    /** @type {HTMLElement | null | undefined} */ (element?.querySelector(selector))?.focus();
  }

  return { renderWindow, updateTabStop, renderDetails, openDetails, closeDetails, moveTo };
}
