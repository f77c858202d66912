// What the following-page tests share (following.test.mjs, unfollow*.test.mjs):
// the following page opened with the content script and every click on it
// recorded and classified (a row's follow button and whose, a dialog's
// button, the list's load button), an `unfollow-step` asked for as the
// background would and its outcome awaited, and small readers of the page.

import assert from "node:assert/strict";
import { createMockSite, PATHS } from "../mock-site/site.mjs";
import { openPage, PAUSES, RULES } from "./harness.mjs";
import { nextAttempt, outcomeOf, slugOf } from "./remove-helpers.mjs";

export const ROW = "[data-chameleon-result-urn], li.follows-recommendation-card";
const DIALOG = 'dialog, [role="dialog"], [role="alertdialog"]';
const collapse = (text) => text.replace(/\s+/g, " ").trim();

/** The person a following row is for, by its profile link (null for a company). */
function rowSlug(element) {
  const link = element.closest(ROW)?.querySelector('a[href*="/in/"]');
  return link ? slugOf(link.getAttribute("href")) : null;
}

/**
 * What a click landed on: `row-button:<slug>:<text>` (a row's follow
 * button), `dialog:<title>:<button>`, `load-more`, or `other:...`.
 */
export function classify(target) {
  const button = target.closest("button");
  const dialog = target.closest(DIALOG);
  if (dialog && button) {
    const title = collapse(dialog.querySelector("h2")?.textContent ?? "");
    const name = collapse(button.getAttribute("aria-label") || button.textContent);
    return `dialog:${title}:${name}`;
  }
  if (button?.closest(ROW)) return `row-button:${rowSlug(button)}:${collapse(button.textContent)}`;
  if (button?.matches(".scaffold-finite-scroll__load-button")) return "load-more";
  return `other:${target.outerHTML.slice(0, 120)}`;
}

/**
 * Open the following page (with `follows` rows unless `follows: null`)
 * with the content script, recording clicks.
 * @param {object} siteOptions for createMockSite
 * @param {object} [pageOptions] for openPage
 */
export async function openFollowing(siteOptions = {}, pageOptions = {}) {
  const site = createMockSite({ renderDelayMs: 50, pageDelayMs: 50, follows: {}, ...siteOptions });
  const page = await openPage(site, PATHS.following, pageOptions);
  const clicks = [];
  page.document.addEventListener("click", (event) => clicks.push(classify(event.target)), true);
  await page.waitForMessages(1);
  return { site, page, clicks };
}

/**
 * Open the following page as openFollowing does, run `body`, close the page.
 * @param {object} siteOptions
 * @param {(opened: { site: any, page: any, clicks: string[] }) => Promise<unknown>} body
 * @param {object} [pageOptions]
 */
export async function withFollowing(siteOptions, body, pageOptions) {
  const opened = await openFollowing(siteOptions, pageOptions);
  try {
    return await body(opened);
  } finally {
    opened.page.close();
  }
}

/** An `unfollow-step` message as the background sends it. */
export const unfollowStep = (fields) => ({
  type: "unfollow-step",
  rules: RULES.step,
  pausesMs: PAUSES,
  ...fields,
});

/**
 * Ask for one unfollow step, check it is accepted, and wait for its outcome.
 * @returns {Promise<{ type: string, attempt: number, outcome: any, observed: string }>}
 */
export async function unfollow(
  page,
  { slug, name },
  { mode = "act", dryRun = false, ...extra } = {},
) {
  const attempt = nextAttempt();
  const message = unfollowStep({ attempt, slug, name, mode, ...extra });
  if (mode === "act") message.dryRun = dryRun;
  assert.deepEqual(await page.tell(message), { ok: true });
  return outcomeOf(page, attempt);
}

/** The reading the reader should send for a following row. */
export const expectedFollow = (row) => ({
  profileUrl: row.href,
  name: row.name,
  headline: row.headline,
});

/** The state a person's row button shows now: its text, and its label. */
export function buttonOf(page, slug) {
  for (const row of page.document.querySelectorAll(ROW)) {
    if (rowSlug(row) !== slug) continue;
    const button = row.querySelector("button");
    return { text: collapse(button.textContent), label: button.getAttribute("aria-label") };
  }
  return null;
}

/** A follows row of the mock by slug. */
export const rowOf = (site, slug) => site.follows.find((row) => row.slug === slug);

export const openDialogs = (page) =>
  [...page.document.querySelectorAll(DIALOG)].filter(
    (d) => d.localName !== "dialog" || d.hasAttribute("open"),
  );
