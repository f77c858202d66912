// Pieces for end-to-end tests on the mock LinkedIn site in another language
// (createMockSite({ language }), tests/mock-site/words.mjs): collecting a
// whole list from the review page, checking what the core stored against
// what the page showed, and checking removals on the mock's backend. Meant
// for reuse by the removal tests in other languages; nothing here removes
// anyone.

import assert from "node:assert/strict";

import { fill, wordsFor } from "../mock-site/words.mjs";
import { collectionEnded, fastConnectionsPage, storedPeople, waitFor } from "./harness.mjs";

export { LANGUAGES, UNKNOWN_REMOVAL_LANGUAGE } from "../mock-site/words.mjs";

/**
 * The words `site`'s pages show (its language's words.mjs entry), with
 * `say(key, values)` filling a template: `say("moreActionsFor", { name })`.
 * @param {{ language: string }} site
 */
export function siteWords(site) {
  const words = wordsFor(site.language);
  return { words, say: (key, values) => fill(words[key], values) };
}

/**
 * Chromium: reads the connections page (its stated total reaching the
 * popup, at development pace `delayMs`), then presses Collect all on the
 * review page with the LinkedIn tab in front, and waits until the run ends.
 * Answers the run as stored, the LinkedIn tab and the review tab.
 * @param {any} session a Chromium session
 * @param {any} site
 * @param {{ delayMs?: number, timeout?: number }} [options]
 */
export async function collectAllInChromium(session, site, { delayMs = 60, timeout = 90_000 } = {}) {
  const linkedin = await fastConnectionsPage(session, site, delayMs);
  const review = await session.context.newPage();
  await review.goto(`chrome-extension://${session.extensionId}/review.html`, { waitUntil: "load" });
  await review.getByTestId("collect-all").click();
  await linkedin.bringToFront();
  const collect = await collectionEnded(session, { timeout, what: "the collection to end" });
  return { collect, linkedin, review };
}

/**
 * A stored person's connection day as "2024-08-22", or null: the snapshot
 * holds `connected: { date: { year, month, day }, precision }`.
 * @param {any} person
 */
function storedDay(person) {
  const date = person?.connected?.date;
  if (!date) return null;
  const two = (n) => String(n).padStart(2, "0");
  return `${date.year}-${two(date.month)}-${two(date.day)}`;
}

/**
 * The people whose stored connection day is not the one their card showed:
 * `[{ slug, shown, stored }]`, empty when every card arrived with its date.
 * @param {any} session either browser's
 * @param {{ people: { slug: string, connectedOn: string, connectedText: string }[] }} site
 */
export async function datesNotStored(session, site) {
  const stored = new Map(
    (await storedPeople(session)).map((person) => [String(person.slug).toLowerCase(), person]),
  );
  return site.people
    .map((person) => ({
      slug: person.slug,
      shown: person.connectedText,
      want: person.connectedOn,
      stored: storedDay(stored.get(person.slug.toLowerCase())),
    }))
    .filter((row) => row.stored !== row.want);
}

/**
 * Asserts the mock's backend removed exactly `slugs` (any order), and that
 * its pages no longer count them: for the removal tests in other languages.
 * @param {{ removed: Set<string>, people: { slug: string }[] }} site
 * @param {string[]} slugs decoded slugs, as in `site.people`
 */
export function assertRemovedExactly(site, slugs) {
  assert.deepEqual(
    [...site.removed].map((slug) => slug.toLowerCase()).sort(),
    slugs.map((slug) => slug.toLowerCase()).sort(),
    "the mock's backend removed exactly these people",
  );
}

/**
 * Asserts nobody was removed, after waiting `settleMs` for a late confirm:
 * for a page in a language whose removal words netprune does not know.
 * @param {{ removed: Set<string> }} site
 * @param {number} [settleMs]
 */
export async function assertNobodyRemoved(site, settleMs = 2000) {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  assert.deepEqual([...site.removed], [], "nobody was removed");
}

/**
 * Waits until the mock's backend has removed `count` people.
 * @param {{ removed: Set<string> }} site
 * @param {number} count
 * @param {{ timeout?: number, what?: string }} [options]
 */
export function siteRemoved(site, count, { timeout = 120_000, what } = {}) {
  return waitFor(() => site.removed.size >= count, {
    timeout,
    interval: 250,
    what: what ?? `${count} removal(s) on the mock's backend`,
    describe: () => [...site.removed],
  });
}
