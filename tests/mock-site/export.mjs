// LinkedIn's Connections.csv for the mock site's people, as "Get a copy of
// your data" writes it (DESIGN.md, "LinkedIn's Connections.csv export"), so
// the end-to-end tests can import an export of exactly the network the mock
// connections page lists.
//
//   connectionsCsv(site.people)                       a recent export: Notes: preamble, URL column
//   connectionsCsv(site.people, { url: false,          a 2018 export: no preamble, no URL column,
//     notes: false, dates: "2018" })                   dates like "1/8/18, 6:14 PM"
//   connectionsCsv(site.people, { bom: true, crlf: true })   as a spreadsheet re-saves it
//
// Each call returns the file's text; write it as UTF-8 (Buffer.from(text)).

import { hashString } from "./people.mjs";

/** The preamble recent exports start with, verbatim (line breaks are the file's own). */
export const NOTES_PREAMBLE = [
  "Notes:",
  '"When exporting your connection data, you may notice that some of the email addresses are missing. ' +
    "You will only see email addresses for connected members who have allowed their connections to see or " +
    "download their email address using this setting https://www.linkedin.com/psettings/privacy/email. " +
    'You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  "",
];

export const HEADER = [
  "First Name",
  "Last Name",
  "URL",
  "Email Address",
  "Company",
  "Position",
  "Connected On",
];

/** 2018 exports have no URL column (and no preamble). */
export const HEADER_2018 = HEADER.filter((column) => column !== "URL");

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * "2024-05-30" -> "30 May 2024" (`%d %b %Y`: the day zero-padded, "06 Feb 2026").
 * @param {string} isoDate
 */
export function exportDate(isoDate) {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${String(day).padStart(2, "0")} ${MONTHS[month - 1]} ${year}`;
}

/**
 * "2018-01-08" -> "1/8/18, 6:14 PM", the style of very old archives. The
 * time is not in the mock's data; it is derived from `key` so it is stable.
 * @param {string} isoDate
 * @param {string} key
 */
export function exportDate2018(isoDate, key) {
  const [year, month, day] = isoDate.split("-").map(Number);
  const minutes = hashString(`time:${key}`) % (24 * 60);
  const hour24 = Math.floor(minutes / 60);
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  const minute = String(minutes % 60).padStart(2, "0");
  return `${month}/${day}/${String(year % 100).padStart(2, "0")}, ${hour12}:${minute} ${hour24 < 12 ? "AM" : "PM"}`;
}

/**
 * One RFC 4180 field: quoted when it holds a comma, a quote, a line break or
 * edge spaces, with quotes doubled. Formulas are written as they are:
 * LinkedIn's export does not defuse them, so the importer must not run them.
 * @param {unknown} value
 */
export function csvField(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The profile URL the export writes: the profile path's slug segment exactly
 * as the mock links it (percent-encoded), without the trailing slash.
 * @param {{ profilePath: string }} person
 */
export function exportUrl(person) {
  const match = /^\/in\/([^/]+)\/?$/.exec(person.profilePath);
  if (!match) throw new Error(`not a profile path: ${person.profilePath}`);
  return `https://www.linkedin.com/in/${match[1]}`;
}

/**
 * LinkedIn's Connections.csv for `people` (the mock site's `site.people`).
 *
 * @param {import("./people.mjs").Person[]} people
 * @param {object} [options]
 * @param {boolean} [options.notes] start with the `Notes:` preamble (recent exports; default true)
 * @param {boolean} [options.url] include the URL column (default true; false writes a 2018 export)
 * @param {boolean} [options.bom] start with a UTF-8 byte-order mark (default false)
 * @param {boolean} [options.crlf] end lines with CRLF instead of LF (default false)
 * @param {"export" | "2018"} [options.dates] "30 May 2024" (default), or "1/8/18, 6:14 PM"
 * @param {(person: any) => string} [options.email] the Email Address cell (default empty, as for most people)
 * @returns {string}
 */
export function connectionsCsv(
  people,
  { notes = true, url = true, bom = false, crlf = false, dates = "export", email = () => "" } = {},
) {
  const lines = [];
  if (notes) lines.push(...NOTES_PREAMBLE);
  lines.push((url ? HEADER : HEADER_2018).join(","));
  for (const person of people) {
    const connected =
      dates === "2018"
        ? exportDate2018(person.connectedOn, person.slug)
        : exportDate(person.connectedOn);
    const cells = [
      person.firstName,
      person.lastName,
      ...(url ? [exportUrl(person)] : []),
      email(person),
      person.company,
      person.position,
      connected,
    ];
    lines.push(cells.map(csvField).join(","));
  }
  const eol = crlf ? "\r\n" : "\n";
  return `${bom ? "\uFEFF" : ""}${lines.join(eol)}${eol}`;
}
