// @ts-check
// The query box: running the query on the replica, its error (shown at its
// position), the help line, suggested queries (with the company prompt),
// saved queries, and the year filter the histogram writes into the query.

import { asIndices, attempt, listItem, listOf, setStatus, show } from "../lib/dom.js";
import { EMPTY } from "./rows.js";
import { formatCount, people } from "../lib/format.js";
import { t, tnAs, uiLanguage } from "../lib/i18n.js";

/** @typedef {import("./types.js").SavedQuery} SavedQuery */
/** @typedef {import("./types.js").SuggestedQuery} SuggestedQuery */
/** @typedef {import("./types.js").CoreClass} CoreClass */
/** @typedef {import("./types.js").Page} Page */

/** A suggested query holding this placeholder asks for a company name first. */
export const COMPANY_PLACEHOLDER = "{company}";

/** Used when the core suggests no company query of its own. */
export const DEFAULT_COMPANY_QUERY = `company:"${COMPANY_PLACEHOLDER}"`;

/**
 * The message keys of the core's suggested queries' names, by their query
 * (the core names them in English only); a suggestion not listed keeps the
 * core's name.
 *
 * @type {Record<string, string>}
 */
const SUGGESTION_LABELS = {
  "before:5y sort:connected": "suggestOld",
  'title:recruiter OR title:"talent acquisition" OR title:headhunter': "suggestRecruiters",
  "-has:headline": "suggestNoHeadline",
  "is:gone": "suggestGone",
  'company:"{company}" OR title:"{company}"': "suggestCompany",
  "is:invited sent-before:30d": "suggestInvitationsOld",
  "is:following -is:connection": "suggestFollowingNotConnections",
  "is:follower -is:connection": "suggestFollowersNotConnections",
};

/**
 * The same, by the core's English name: the data archive's suggestions
 * (src/query) are known by what they mean, whatever query expresses it.
 *
 * @type {Record<string, string>}
 */
const SUGGESTION_LABELS_BY_NAME = {
  "connected over three years ago and never messaged": "suggestNeverMessaged",
  "they invited you and you never talked": "suggestInvitedNeverTalked",
  "no contact in five years": "suggestNoContactFive",
};

/** @param {SuggestedQuery} suggestion */
const suggestionLabel = (suggestion) => {
  const key =
    SUGGESTION_LABELS[suggestion.query] ??
    SUGGESTION_LABELS_BY_NAME[
      suggestion.label
        .trim()
        .toLowerCase()
        .replace(/[.\s]+$/, "")
    ];
  return key ? t(key) : suggestion.label;
};

/** "after:2019 before:2020", as the histogram writes it. */
export const YEAR_FILTER = /(^|\s)after:(\d{4}) before:(\d{4})(?=\s|$)/g;

/**
 * The year the histogram's filter in `query` selects, or null.
 *
 * @param {string} query
 */
export function yearFilterOf(query) {
  for (const match of query.matchAll(YEAR_FILTER)) {
    if (Number(match[3]) === Number(match[2]) + 1) return Number(match[2]);
  }
  return null;
}

/**
 * `query` narrowed to one year, replacing a year filter added before; the
 * same year again removes it. Appending is enough even after an OR: in the
 * query language OR binds tighter than the implicit AND, so `a OR b after:…`
 * already means (a OR b) AND after:….
 *
 * @param {string} query
 * @param {number | null} year
 */
export function withYearFilter(query, year) {
  const current = yearFilterOf(query);
  const base = query
    .replace(YEAR_FILTER, (whole, _lead, from, to) =>
      Number(to) === Number(from) + 1 ? "" : whole,
    )
    .trim();
  if (year === null || current === year) return base;
  const filter = `after:${year} before:${year + 1}`;
  return base ? `${base} ${filter}` : filter;
}

/** The bars of the years-since-last-contact histogram: 0..9, 10 (ten or more), never. */
export const CONTACT_BUCKETS = [...Array.from({ length: 11 }, (_, i) => String(i)), "never"];

/**
 * The query terms of one bar of the years-since-last-contact histogram:
 * last messaged N to N+1 years ago (under a year: after 1y; ten or more:
 * before 10y), or never.
 *
 * @param {string} bucket "0".."10" or "never"
 */
export function contactFilterFor(bucket) {
  if (bucket === "never") return "messaged:never";
  const years = Number(bucket);
  if (years <= 0) return "messaged:after:1y";
  if (years >= 10) return "messaged:before:10y";
  return `messaged:before:${years}y messaged:after:${years + 1}y`;
}

/** @param {string} s */
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Each bar's filter as it stands in a query, longest first (a two-term filter before its parts). */
const CONTACT_FILTERS = CONTACT_BUCKETS.map((bucket) => ({
  bucket,
  pattern: new RegExp(`(^|\\s)${escapeRegExp(contactFilterFor(bucket))}(?=\\s|$)`),
})).sort((a, b) => contactFilterFor(b.bucket).length - contactFilterFor(a.bucket).length);

/**
 * The bar of the years-since-last-contact histogram whose filter `query` holds, or null.
 * @param {string} query
 */
export function contactFilterOf(query) {
  return CONTACT_FILTERS.find(({ pattern }) => pattern.test(query))?.bucket ?? null;
}

/**
 * `query` narrowed to one bar of the years-since-last-contact histogram,
 * replacing a bar's filter added before; the same bar again removes it.
 *
 * @param {string} query
 * @param {string | null} bucket
 */
export function withContactFilter(query, bucket) {
  const current = contactFilterOf(query);
  let base = query;
  if (current !== null) {
    const found = CONTACT_FILTERS.find((filter) => filter.bucket === current);
    if (found) base = base.replace(found.pattern, "");
  }
  base = base.replace(/\s+/g, " ").trim();
  if (bucket === null || current === bucket) return base;
  const filter = contactFilterFor(bucket);
  return base ? `${base} ${filter}` : filter;
}

/**
 * A query error as the page shows it. The core's QueryError carries
 * `.position`, a UTF-16 index into the query (what JavaScript strings count).
 *
 * @param {unknown} error
 * @param {string} query
 * @returns {{ message: string, position: number | null }}
 */
export function describeQueryError(error, query) {
  const message =
    error instanceof Error || (error && typeof error === "object" && "message" in error)
      ? String(/** @type {{ message: unknown }} */ (error).message)
      : String(error);
  // The core's QueryError gives the position apart from the message (which
  // says only what was expected), so the page states one place.
  const raw = /** @type {{ position?: unknown }} */ (error ?? {}).position;
  const position =
    typeof raw === "number" && Number.isFinite(raw)
      ? Math.min(Math.max(0, Math.trunc(raw)), query.length)
      : null;
  return { message: message.trim() || t("queryUnreadable"), position };
}

/**
 * @param {Page} page
 */
export function createQueryBox(page) {
  const { doc, ui } = page;

  function runQuery() {
    const text = ui.input.value;
    page.queryFailure = null;
    page.matches = EMPTY;
    if (page.replica && page.selectionView) {
      page.matches = page.selectionMatches();
    } else if (page.replica) {
      try {
        page.matches = asIndices(page.replica.query(text, Date.now()));
      } catch (error) {
        // A malformed query matches no one, visibly: never everyone.
        page.queryFailure = describeQueryError(error, text);
      }
    }
    let max = -1;
    for (const index of page.matches) if (index > max) max = index;
    page.matchMarks = new Uint8Array(max + 1);
    for (const index of page.matches) page.matchMarks[index] = 1;
    if (page.activePosition >= page.matches.length)
      page.activePosition = Math.max(0, page.matches.length - 1);
  }

  function renderQueryState() {
    const text = ui.input.value;
    ui.resultCount.textContent = formatCount(page.matches.length);
    const total = page.everyone.length;
    ui.resultWords.textContent = page.queryFailure
      ? t("resultOfProblem", people(total))
      : page.selectionView
        ? tnAs("resultSelectedView", page.matches.length, "")
        : text.trim() === ""
          ? tnAs("resultInNetwork", total, "")
          : t("resultOf", people(total));

    show(ui.queryError, Boolean(page.queryFailure));
    if (page.queryFailure) {
      ui.input.setAttribute("aria-invalid", "true");
      ui.input.setAttribute("aria-describedby", "query-help query-error-message");
      const { message, position } = page.queryFailure;
      ui.queryErrorMessage.textContent =
        position === null
          ? t("queryErrorAt", message)
          : position >= text.length
            ? t("queryErrorAtEnd", message)
            : t("queryErrorAtCharacter", formatCount(position + 1), message);
      renderQueryEcho(text, position);
      show(ui.queryErrorSelect, position !== null);
    } else {
      ui.input.removeAttribute("aria-invalid");
      ui.input.setAttribute("aria-describedby", "query-help");
      ui.queryErrorMessage.textContent = "";
      ui.queryEcho.replaceChildren();
    }

    const empty = page.matches.length === 0 && page.everyone.length > 0;
    // A search that finds no one says so, names the search, and offers to
    // clear it; a query that cannot be read keeps its own line.
    const noMatch = empty && !page.queryFailure && !page.selectionView && text.trim() !== "";
    if (noMatch) renderNoMatch(text.trim());
    show(ui.noMatch, noMatch);
    ui.listMessage.textContent = page.queryFailure ? t("queryNoOneShown") : t("queryNoOneMatches");
    show(ui.listMessage, empty && !noMatch);
    // No empty box the height of the screen where nobody is listed.
    show(ui.scroller, page.matches.length > 0);
  }

  /**
   * "No one matches “zzz”.", the search isolated as text of its own
   * direction (it is the member's, in any script).
   *
   * @param {string} text
   */
  function renderNoMatch(text) {
    // A private-use mark for where the search goes: Chrome's getMessage
    // drops a NUL substitution.
    const [before, after = ""] = t("noMatchQuery", "\uE000").split("\uE000");
    const query = doc.createElement("bdi");
    query.className = "no-match-query";
    query.textContent = text;
    ui.noMatchText.replaceChildren(before, query, after);
  }

  /** "Clear search": everyone again, and the search box ready for the next one. */
  function clearSearch() {
    setQuery("");
  }

  /**
   * The query with the part the core stopped at highlighted.
   *
   * @param {string} text
   * @param {number | null} position
   */
  function renderQueryEcho(text, position) {
    if (position === null) {
      ui.queryEcho.replaceChildren(doc.createTextNode(text));
      return;
    }
    const end = fragmentEnd(text, position);
    const mark = doc.createElement("mark");
    mark.textContent = position >= text.length ? ` ${t("queryEnd")}` : text.slice(position, end);
    ui.queryEcho.replaceChildren(
      doc.createTextNode(text.slice(0, position)),
      mark,
      doc.createTextNode(text.slice(end)),
    );
  }

  /** @param {string} text @param {number} position */
  function fragmentEnd(text, position) {
    if (position >= text.length) return text.length;
    const rest = text.slice(position).search(/\s/);
    return rest <= 0 ? (rest === 0 ? position + 1 : text.length) : position + rest;
  }

  function renderHelpAndSuggestions() {
    const CoreClass = /** @type {CoreClass} */ (page.Core);
    // The core words its help in English; other languages have their own.
    const help = attempt(() => String(CoreClass.queryHelp() ?? ""), "");
    ui.queryHelp.textContent =
      uiLanguage() === "en" && help ? help : help ? t("queryHelp") : t("queryHelpFallback");

    /** @type {SuggestedQuery[]} */
    const suggestions = attempt(() => listOf(CoreClass.suggestedQueries()), []).filter(
      (s) => typeof s?.label === "string" && typeof s?.query === "string",
    );
    const companyFromCore = suggestions.find((s) => s.query.includes(COMPANY_PLACEHOLDER));
    page.companyTemplate = companyFromCore?.query ?? DEFAULT_COMPANY_QUERY;

    const items = suggestions
      .filter((s) => s !== companyFromCore)
      .map((suggestion) => {
        const button = doc.createElement("button");
        button.type = "button";
        button.className = "chip";
        button.setAttribute("data-testid", "suggested-query");
        button.dataset.query = suggestion.query;
        button.textContent = suggestionLabel(suggestion);
        button.title = suggestion.query;
        button.addEventListener("click", () => setQuery(suggestion.query));
        return listItem(doc, button);
      });
    // Asking for the company first: a query naming no company would match no one.
    const company = doc.createElement("button");
    company.type = "button";
    company.className = "chip";
    company.id = "company-prompt";
    company.setAttribute("aria-expanded", "false");
    company.setAttribute("aria-controls", "company-form");
    company.textContent = companyFromCore
      ? `${suggestionLabel(companyFromCore)}…`
      : t("suggestCompanyFallback");
    company.addEventListener("click", () => toggleCompanyForm(ui.companyForm.hidden));
    items.push(listItem(doc, company));
    ui.suggestedList.replaceChildren(...items);
  }

  function renderSavedQueries() {
    /** @type {SavedQuery[]} */
    const saved = attempt(() => listOf(page.replica?.savedQueries()), []).filter(
      (s) => typeof s?.name === "string" && typeof s?.query === "string",
    );
    ui.savedList.replaceChildren(
      ...saved.map(({ name, query }) => {
        const apply = doc.createElement("button");
        apply.type = "button";
        apply.className = "chip";
        apply.setAttribute("data-testid", "saved-query");
        apply.dataset.query = query;
        apply.textContent = name;
        apply.title = query;
        apply.addEventListener("click", () => setQuery(query));
        const remove = doc.createElement("button");
        remove.type = "button";
        remove.className = "chip-delete";
        remove.setAttribute("data-saved-name", name);
        remove.setAttribute("aria-label", t("savedDelete", name));
        remove.textContent = "×";
        remove.addEventListener("click", () => deleteQuery(name));
        const item = listItem(doc, apply);
        item.append(remove);
        return item;
      }),
    );
    show(ui.savedEmpty, saved.length === 0);
  }

  /** @param {string} text */
  function setQuery(text) {
    ui.input.value = text;
    onQueryEdited();
    ui.input.focus();
  }

  function onQueryEdited() {
    // A search typed or chosen replaces the view of the selection.
    if (page.selectionView) {
      page.selectionView = null;
      page.renderSelectionView();
    }
    ui.scroller.scrollTop = 0;
    page.activePosition = 0;
    page.selectionAnchor = null;
    page.scheduleRender(true);
  }

  /** @param {boolean} open */
  function toggleCompanyForm(open) {
    show(ui.companyForm, open);
    doc.getElementById("company-prompt")?.setAttribute("aria-expanded", String(open));
    if (open) ui.companyInput.focus();
  }

  async function saveQuery() {
    const query = ui.input.value.trim();
    if (!query) {
      setStatus(ui.saveStatus, t("saveTypeFirst"), true);
      return;
    }
    if (page.queryFailure) {
      setStatus(ui.saveStatus, t("saveHasProblem"), true);
      return;
    }
    const name = ui.saveName.value.trim() || (query.length > 60 ? `${query.slice(0, 59)}…` : query);
    setStatus(ui.saveStatus, t("saving"));
    const answer = await page.ask(
      { type: "save-query", name, query },
      ui.saveStatus,
      t("saveNotSaved"),
    );
    if (answer) {
      setStatus(ui.saveStatus, t("savedAs", name));
      ui.saveName.value = "";
    }
  }

  /** @param {string} name */
  async function deleteQuery(name) {
    const answer = await page.ask(
      { type: "delete-query", name },
      ui.saveStatus,
      t("saveNotDeleted"),
    );
    if (answer) {
      setStatus(ui.saveStatus, t("deletedQuery", name));
      ui.savedHeading.focus();
    }
  }

  return {
    runQuery,
    renderQueryState,
    fragmentEnd,
    renderHelpAndSuggestions,
    renderSavedQueries,
    setQuery,
    clearSearch,
    onQueryEdited,
    toggleCompanyForm,
    saveQuery,
  };
}
