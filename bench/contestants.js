// @ts-check
// The JavaScript contestants the core is measured against, each given the
// same people in the core's default (name) order, as `core.rows()` gives
// them: what a page written in JavaScript alone would hold after sorting
// once at load. Every query's answers are checked equal to the core's,
// person for person and in order, before anything is timed.
//
// - naive: `Array.prototype.filter` with `toLowerCase().includes` on every
//   field of every person at every keystroke, ISO date strings compared,
//   a stable sort for `sort:connected`. What the bench first compared with.
// - tuned: what a careful author writes. Every person's text is folded once
//   at load with the core's own folding tables (bench/fold.js), laid out as
//   one string per field kind with row start offsets (so one `indexOf`
//   sweeps everybody); connection dates are days in an `Int32Array`; the
//   `sort:connected` permutation is computed once; answers come out as a
//   fresh `Uint32Array` of person indices, as the core's do. A query runs
//   its most selective term as a sweep, then tests the others only on the
//   people the sweep kept.
// - uFuzzy (@leeoniya/ufuzzy) in exact-substring mode (no insertions,
//   substitutions, transpositions or deletions inside a term), over the same
//   folded text, for the queries whose meaning it can express exactly: bare
//   words, a phrase, a negated word and one-field words. Its matches come
//   back in haystack (name) order, without its ranking.

import uFuzzy from "/node_modules/@leeoniya/ufuzzy/dist/uFuzzy.mjs";
import { fold } from "/bench/fold.js";

/** Marks an unknown connection day; no real day is this far from 1970. */
const NO_DAY = -0x80000000;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date ("2019", "2019-06" or "2019-06-15"). */
export function dayOf(/** @type {string} */ iso) {
  const [year, month = 1, day = 1] = iso.split("-").map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/**
 * The benchmark queries, each as the parts a hand-written JavaScript filter
 * needs (the words still unfolded: every contestant folds its own needle at
 * each call, as it would the member's typing). `kind` says whether it is a
 * text query, for the 3x target.
 */
export const QUERIES = [
  { query: "maria", kind: "text", all: [{ any: "maria" }] },
  { query: "senior engineer", kind: "text", all: [{ any: "senior" }, { any: "engineer" }] },
  { query: '"product manager"', kind: "text", all: [{ any: "product manager" }] },
  { query: "company:acme", kind: "text", all: [{ company: "acme" }] },
  {
    query: "company:globex OR company:initech",
    kind: "text",
    all: [{ or: [{ company: "globex" }, { company: "initech" }] }],
  },
  { query: "title:recruiter", kind: "text", all: [{ title: "recruiter" }] },
  {
    query: "after:2019 before:2022",
    kind: "date",
    all: [{ from: "2019", before: "2022" }],
  },
  {
    query: "title:recruiter after:2020",
    kind: "text",
    all: [{ title: "recruiter" }, { from: "2020" }],
  },
  { query: "-recruiter", kind: "text", all: [{ not: { any: "recruiter" } }] },
  { query: "-company:acme", kind: "text", all: [{ not: { company: "acme" } }] },
  { query: "sort:connected", kind: "sort", all: [], sort: "connected" },
  {
    query: "title:engineer sort:connected",
    kind: "text",
    all: [{ title: "engineer" }],
    sort: "connected",
  },
];

// ---------------------------------------------------------------------------
// naive

/** @param {string | null} text @param {string} word */
function has(text, word) {
  return text !== null && text.toLowerCase().includes(word);
}

/** @param {any} p @param {any} term @returns {boolean} */
function naiveHolds(p, term) {
  if (term.not) return !naiveHolds(p, term.not);
  if (term.or) return term.or.some((/** @type {any} */ t) => naiveHolds(p, t));
  if (term.any !== undefined) {
    const w = term.any.toLowerCase();
    return has(p.name, w) || has(p.headline, w) || has(p.company, w) || has(p.position, w);
  }
  if (term.company !== undefined) return has(p.company, term.company.toLowerCase());
  if (term.title !== undefined) {
    const w = term.title.toLowerCase();
    return has(p.headline, w) || has(p.position, w);
  }
  if (p.connected === null) return false;
  const date = p.connected.date;
  return (
    (term.from === undefined || date >= term.from) &&
    (term.before === undefined || date < term.before)
  );
}

/** Oldest first, unknown dates last; a stable sort keeps name order for ties. */
function byConnected(/** @type {any} */ a, /** @type {any} */ b) {
  if (a.connected === null || b.connected === null) {
    return (a.connected === null) - (b.connected === null);
  }
  return a.connected.date.localeCompare(b.connected.date);
}

/** @param {any[]} rows */
export function naive(rows) {
  return {
    name: "naive_js",
    /** @param {(typeof QUERIES)[number]} q @returns {any[]} */
    run(q) {
      const kept = q.all.length
        ? rows.filter((p) => q.all.every((term) => naiveHolds(p, term)))
        : rows.slice();
      return q.sort === "connected" ? kept.sort(byConnected) : kept;
    },
    /** @param {any[]} answer */
    indices: (answer) => answer.map((p) => p.index),
  };
}

// ---------------------------------------------------------------------------
// tuned

/**
 * One kind of text for every row, end to end: row `r`'s lies between
 * `starts[r]` and `starts[r + 1] - 1`, each followed by a newline (folded
 * text never holds one, nor does a folded needle, so no match crosses rows).
 */
function textColumn(/** @type {string[]} */ perRow) {
  const starts = new Int32Array(perRow.length + 1);
  let at = 0;
  for (let r = 0; r < perRow.length; r += 1) {
    starts[r] = at;
    at += perRow[r].length + 1;
  }
  starts[perRow.length] = at;
  return { text: `${perRow.join("\n")}\n`, starts, perRow };
}

/** The row holding text position `at`: a binary search of the row starts. */
function rowAt(/** @type {Int32Array} */ starts, /** @type {number} */ at, rows) {
  let lo = 0;
  let hi = rows - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** @param {any[]} rows */
export function tuned(rows) {
  const n = rows.length;
  const person = new Uint32Array(n);
  const days = new Int32Array(n);
  const names = [];
  const companies = [];
  const titles = [];
  const anys = [];
  for (let r = 0; r < n; r += 1) {
    const p = rows[r];
    person[r] = p.index;
    days[r] = p.connected === null ? NO_DAY : dayOf(p.connected.date);
    const name = fold(p.name);
    const company = fold(p.company ?? "");
    const title = `${fold(p.headline ?? "")}\n${fold(p.position ?? "")}`;
    names.push(name);
    companies.push(company);
    titles.push(title);
    anys.push(`${name}\n${company}\n${title}`);
  }
  const columns = {
    any: textColumn(anys),
    company: textColumn(companies),
    title: textColumn(titles),
  };
  // sort:connected, once: oldest first, unknown last, ties in name (row) order.
  const byDay = Array.from({ length: n }, (_, r) => r).sort((a, b) => {
    const da = days[a];
    const db = days[b];
    if ((da === NO_DAY) !== (db === NO_DAY)) return da === NO_DAY ? 1 : -1;
    return da - db || a - b;
  });
  const connectedPeople = new Uint32Array(n);
  const connectedPlace = new Uint32Array(n);
  byDay.forEach((r, place) => {
    connectedPeople[place] = person[r];
    connectedPlace[r] = place;
  });
  const kept = new Uint32Array(n);
  const marks = new Uint8Array(n);

  /** Sweeps a text column: the rows whose text holds `needle`, ascending, into `out`. */
  const sweep = (column, needle, out) => {
    const { text, starts } = column;
    let count = 0;
    let at = text.indexOf(needle);
    while (at !== -1) {
      const r = rowAt(starts, at, n);
      out[count] = r;
      count += 1;
      at = text.indexOf(needle, starts[r + 1]);
    }
    return count;
  };

  /** A term made ready for one call: its needle folded. */
  const prepare = (term) => {
    if (term.not) return { not: prepare(term.not) };
    if (term.or) return { or: term.or.map(prepare) };
    for (const field of ["any", "company", "title"]) {
      if (term[field] !== undefined) return { column: columns[field], needle: fold(term[field]) };
    }
    return {
      from: term.from === undefined ? NO_DAY + 1 : dayOf(term.from),
      before: term.before === undefined ? 0x7fffffff : dayOf(term.before),
    };
  };
  const test = (term, r) => {
    if (term.not) return !test(term.not, r);
    if (term.or) return term.or.some((t) => test(t, r));
    if (term.column) return term.column.perRow[r].includes(term.needle);
    const day = days[r];
    return day >= term.from && day < term.before;
  };
  /** Every row `term` keeps, ascending, into `kept`. */
  const scan = (term) => {
    if (term.column) return sweep(term.column, term.needle, kept);
    if (term.not || term.or) {
      // Mark what the inner sweeps find, then keep the marked (or unmarked).
      marks.fill(0);
      for (const inner of term.or ?? [term.not]) {
        const found = sweep(inner.column, inner.needle, kept);
        for (let i = 0; i < found; i += 1) marks[kept[i]] = 1;
      }
      const want = term.not ? 0 : 1;
      let count = 0;
      for (let r = 0; r < n; r += 1) {
        if (marks[r] === want) {
          kept[count] = r;
          count += 1;
        }
      }
      return count;
    }
    const { from, before } = term;
    let count = 0;
    for (let r = 0; r < n; r += 1) {
      const day = days[r];
      if (day >= from && day < before) {
        kept[count] = r;
        count += 1;
      }
    }
    return count;
  };

  return {
    name: "tuned_js",
    /** @param {(typeof QUERIES)[number]} q @returns {Uint32Array} */
    run(q) {
      if (q.all.length === 0) {
        return q.sort === "connected" ? connectedPeople.slice() : person.slice();
      }
      const [first, ...rest] = q.all.map(prepare);
      let count = scan(first);
      for (const term of rest) {
        let k = 0;
        for (let i = 0; i < count; i += 1) {
          const r = kept[i];
          if (test(term, r)) {
            kept[k] = r;
            k += 1;
          }
        }
        count = k;
      }
      const out = new Uint32Array(count);
      if (q.sort !== "connected") {
        for (let i = 0; i < count; i += 1) out[i] = person[kept[i]];
        return out;
      }
      if (count < n >> 3) {
        // A few: sort their places (a typed array sorts numbers natively).
        for (let i = 0; i < count; i += 1) out[i] = connectedPlace[kept[i]];
        out.sort();
        for (let i = 0; i < count; i += 1) out[i] = connectedPeople[out[i]];
        return out;
      }
      marks.fill(0);
      for (let i = 0; i < count; i += 1) marks[connectedPlace[kept[i]]] = 1;
      let k = 0;
      for (let place = 0; place < n; place += 1) {
        if (marks[place] === 1) {
          out[k] = connectedPeople[place];
          k += 1;
        }
      }
      return out;
    },
    /** @param {Uint32Array} answer */
    indices: (answer) => Array.from(answer),
    columns,
    person,
  };
}

// ---------------------------------------------------------------------------
// uFuzzy

/**
 * uFuzzy over the tuned contestant's folded text (one haystack entry per
 * row), in exact-substring mode. `interChars` lets the terms of a two-word
 * query lie anywhere in the person's text (newlines included), and the
 * out-of-order search lets them come in any order: the core's AND.
 * @param {ReturnType<typeof tuned>} prepared
 */
export function ufuzzy(prepared) {
  const uf = new uFuzzy({
    intraMode: 0,
    intraIns: 0,
    intraSub: 0,
    intraTrn: 0,
    intraDel: 0,
    interIns: Infinity,
    interChars: "[^]",
  });
  const haystacks = {
    any: prepared.columns.any.perRow,
    company: prepared.columns.company.perRow,
    title: prepared.columns.title.perRow,
  };
  const { person } = prepared;
  /** The uFuzzy needle and haystack for a query, or null when it cannot say it. */
  const express = (/** @type {(typeof QUERIES)[number]} */ q) => {
    if (q.sort) return null;
    const words = [];
    let field = null;
    for (const term of q.all) {
      const negated = term.not !== undefined;
      const inner = term.not ?? term;
      const kind = ["any", "company", "title"].find((f) => inner[f] !== undefined);
      if (!kind || (field && field !== kind)) return null;
      field = kind;
      const word = fold(inner[kind]);
      // uFuzzy splits a needle at anything but [a-z0-9']: quote a phrase.
      const said = /^[a-z0-9]+$/.test(word) ? word : `"${word}"`;
      words.push(negated ? `-${said}` : said);
    }
    return field ? { haystack: haystacks[field], needle: words.join(" "), words } : null;
  };
  return {
    name: "ufuzzy",
    /** @param {(typeof QUERIES)[number]} q */
    supports: (q) => express(q) !== null,
    /** @param {(typeof QUERIES)[number]} q @returns {Uint32Array} */
    run(q) {
      const { haystack, needle, words } = /** @type {NonNullable<ReturnType<typeof express>>} */ (
        express(q)
      );
      const idxs =
        words.length === 1 && !needle.startsWith("-")
          ? uf.filter(haystack, needle)
          : uf.search(haystack, needle, words.length > 1, 0)[0];
      const rows = Uint32Array.from(idxs ?? []);
      // Out-of-order searches gather permutations' matches: back to row order.
      if (words.length > 1) rows.sort();
      for (let i = 0; i < rows.length; i += 1) rows[i] = person[rows[i]];
      return rows;
    },
    /** @param {Uint32Array} answer */
    indices: (answer) => Array.from(answer),
  };
}
