// What the review page should show, computed in the test from the mock
// site's people, independently of the core: the core's folding for search
// and sorting (src/fold.rs) mirrored for the letters the mock's names use,
// the query language's matching for the filters the tests type, its sort
// orders and tie-breaks (src/query.rs), and a small RFC 4180 reader for the
// files the page downloads.

/** Latin letters the core folds that Unicode does not decompose (src/fold.rs). */
const LETTERS = new Map([
  ["ß", "ss"],
  ["æ", "ae"],
  ["œ", "oe"],
  ["ø", "o"],
  ["ł", "l"],
  ["đ", "d"],
  ["ð", "d"],
  ["þ", "th"],
  ["ı", "i"],
  ["ħ", "h"],
]);

/** Code points the core folds by table: Latin-1, Latin Extended-A/B, Latin Extended Additional. */
const isLatinTabled = (code) =>
  (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
  (code >= 0x1e00 && code <= 0x1eff);

/**
 * The core's search folding: lower case, Latin accents off, whitespace runs
 * made one space and trimmed. Other scripts are only lower-cased, one
 * character at a time (no final-sigma rule), as Rust's char::to_lowercase does.
 *
 * @param {string | null | undefined} text
 */
export function fold(text) {
  let out = "";
  for (const c of String(text ?? "")) {
    const code = c.codePointAt(0);
    if (/\s/u.test(c)) {
      out += " ";
      continue;
    }
    if (code >= 0x300 && code <= 0x36f) continue; // combining marks
    const lower = c.toLowerCase();
    if (LETTERS.has(lower)) {
      out += LETTERS.get(lower);
    } else if (isLatinTabled(code)) {
      out += lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    } else {
      out += lower;
    }
  }
  return out.replace(/ +/g, " ").trim();
}

/** Compares two strings by code point, as Rust compares UTF-8 strings. */
export function compareCodePoints(a, b) {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * A person as the core knows them after reading the connections page: the
 * name, headline and connection date the page shows; no company or position
 * (those come only from the export).
 *
 * @param {import("../mock-site/people.mjs").Person} person
 */
export function asReadFromPage(person) {
  return {
    slug: person.slug,
    name: person.name,
    headline: person.headline,
    company: null,
    position: null,
    connectedOn: person.connectedOn,
  };
}

/** @typedef {ReturnType<typeof asReadFromPage>} Known */

/** Whether a bare word or phrase matches: a substring of the folded name, company, headline or position. */
export const anyField = (needle) => (p) =>
  [p.name, p.company, p.headline, p.position].some((field) => fold(field).includes(fold(needle)));

/** `name:value`. */
export const nameHas = (needle) => (p) => fold(p.name).includes(fold(needle));

/** `company:value`. */
export const companyHas = (needle) => (p) => fold(p.company).includes(fold(needle));

/** `title:value`: the headline or the position. */
export const titleHas = (needle) => (p) =>
  [p.headline, p.position].some((field) => fold(field).includes(fold(needle)));

/** `has:headline`. */
export const hasHeadline = (p) => fold(p.headline) !== "";

/** The default order and `sort:name`: folded name, then slug. */
export function byName(a, b) {
  return compareCodePoints(fold(a.name), fold(b.name)) || compareCodePoints(a.slug, b.slug);
}

/** `sort:-connected`: newest first, unknown dates last, ties by name. */
export function byConnectedNewest(a, b) {
  if (!a.connectedOn !== !b.connectedOn) return a.connectedOn ? -1 : 1;
  if (a.connectedOn !== b.connectedOn) return a.connectedOn < b.connectedOn ? 1 : -1;
  return byName(a, b);
}

/**
 * The slugs of `people` matching every predicate, in `order`.
 *
 * @param {Known[]} people
 * @param {((p: Known) => boolean)[]} predicates
 * @param {(a: Known, b: Known) => number} [order]
 */
export function expectSlugs(people, predicates, order = byName) {
  return people
    .filter((p) => predicates.every((predicate) => predicate(p)))
    .sort(order)
    .map((p) => p.slug);
}

/**
 * RFC 4180: fields separated by commas, records by CRLF or LF, quoted
 * fields with doubled quotes. A leading BOM is not part of the first field.
 *
 * @param {string} text
 * @returns {string[][]}
 */
export function parseCsv(text) {
  const records = [];
  let record = [];
  let field = "";
  let quoted = false;
  let i = text.startsWith("\uFEFF") ? 1 : 0;
  for (; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error("the CSV ends inside a quoted field");
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/**
 * The header and the rows of a CSV as objects keyed by header name.
 * @param {string} text
 */
export function csvObjects(text) {
  const [header, ...rows] = parseCsv(text);
  return {
    header,
    rows: rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]]))),
  };
}

/**
 * How a 2018 export (no URL column) should match people read from the page
 * (issue 9, item 4): a row without a link matches a person read from the page
 * only by name AND company, and only when exactly one person fits. The page
 * shows no company, so "company" is the row's company named, as whole words,
 * in the card's headline ("Nurse at Hospital São Lucas"). A row without a
 * company, or whose namesakes' headlines do not name it, stays apart.
 *
 * @param {import("../mock-site/people.mjs").Person[]} people the export's rows (the mock's people)
 * @param {Known[]} known the people read from the page
 */
export function expectNameMatches(people, known) {
  const words = (text) =>
    ` ${text
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .join(" ")} `;
  const namesCompany = (headline, company) =>
    company.trim().length > 1 && words(fold(headline)).includes(company);
  const matched = [];
  const unmatched = [];
  for (const person of people) {
    const exportName = fold([person.firstName, person.lastName].filter(Boolean).join(" "));
    const company = words(fold(person.company ?? ""));
    const fits = known.filter(
      (p) => fold(p.name) === exportName && p.headline && namesCompany(p.headline, company),
    );
    (fits.length === 1 ? matched : unmatched).push(person);
  }
  return { matched, unmatched };
}
