// @ts-check
// Saving a file from an extension page (the review page's exports and
// backups, the popup's removal log): a Blob behind a temporary <a download>,
// with no downloads permission and nothing sent anywhere.

/** How long a download's object URL lives: long enough for a slow save dialog. */
export const DOWNLOAD_URL_LIFETIME_MS = 60_000;

/**
 * Today's date in the member's time zone, for file names: "2026-11-21".
 * @param {number} ms
 */
export function localDate(ms) {
  const date = new Date(ms);
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * CSV text as a file's parts, led by a byte-order mark (once) so spreadsheet
 * apps read it as UTF-8.
 * @param {string} csv
 * @returns {BlobPart[]}
 */
export function csvParts(csv) {
  return csv.startsWith("\uFEFF") ? [csv] : ["\uFEFF", csv];
}

/**
 * Saves `parts` as `filename`. The object URL is revoked after
 * DOWNLOAD_URL_LIFETIME_MS through `schedule`, the page's own timer, so the
 * page can end it early when it closes.
 *
 * @param {Document} doc
 * @param {BlobPart[]} parts
 * @param {string} type
 * @param {string} filename
 * @param {(revoke: () => void, ms: number) => void} schedule
 */
export function saveFile(doc, parts, type, filename, schedule) {
  const win = /** @type {Window & typeof globalThis} */ (doc.defaultView ?? globalThis);
  const url = win.URL.createObjectURL(new win.Blob(parts, { type }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  schedule(() => win.URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
}
