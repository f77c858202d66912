// What every removal-step test shares (remove*.test.mjs): the mock's people
// a step is asked for, the connections page opened with every click on it
// recorded (capture phase) and classified as one of the four things a step
// may click, one step asked for as the background would and its outcome
// awaited, and small readers of the page (who is listed, the search box,
// open dialogs).

import assert from "node:assert/strict";
import { createMockSite, PATHS } from "../mock-site/site.mjs";
import { openPage, removeStep, waitFor } from "./harness.mjs";

// A step takes a few seconds (human pauses, typing, LinkedIn's answers);
// this leaves room for a loaded machine running many pages at once.
export const OUTCOME_TIMEOUT_MS = 30_000;

export const ZOE = { slug: "zoe-muller-7c3d9e", name: "Zoë Müller" };
export const NOA = { slug: "noa-cohen-1e4f7a", name: "נועה כהן" };
export const SAM = { slug: "sam-lee-8d7c6b", name: "Sam Lee" };
export const MARIA = { slug: "maria-silva-9f8e7d", name: "Maria Silva" };
export const OTHER_MARIA = { slug: "maria-silva-1a2b3c", name: "Maria Silva" };
export const GRACE = { slug: "grace-van-der-berg-0add24", name: "Grace van der Berg" };
export const LIAM = { slug: "liam-fernandez-dffcc2", name: "Liam Fernández" };

export const GENERATIONS = ["artdeco", "react-2025", "sdui-2026"];
const CARD = 'li.mn-connection-card, [componentkey^="ConnectionCard_"]';
const REACT_TRIGGER = 'button[data-view-name="connections-remove-connection-dropdown"]';
const DIALOG = 'dialog, [role="dialog"], [role="alertdialog"]';

const collapse = (text) => text.replace(/\s+/g, " ").trim();

/** The decoded, lower-cased slug a profile link points to. */
export function slugOf(href) {
  const match = /\/in\/([^/?#]+)/.exec(href ?? "");
  return match ? decodeURIComponent(match[1]).toLowerCase() : null;
}

/** The person a card-level element belongs to, by the card's profile link. */
function cardSlug(element) {
  let card = element.closest(CARD);
  if (!card) {
    // react-2025: the smallest ancestor with a profile link
    for (card = element.parentElement; card; card = card.parentElement) {
      if (card.querySelector('a[data-view-name="connections-profile"]')) break;
    }
  }
  const link = card?.querySelector('a[href*="/in/"]');
  return link ? slugOf(link.getAttribute("href")) : null;
}

/**
 * What a click landed on, in the terms of what a step may click: the
 * search box, a card's menu button (and whose), a menu item, or a button of
 * a dialog (which dialog, which button). Classified at click time, as the
 * element may leave the page right after.
 */
export function classify(target) {
  if (target.matches('input[placeholder="Search by name"]')) return "search-box";
  const button = target.closest("button");
  if (
    button?.matches(`button[aria-label^="More actions for "], ${REACT_TRIGGER}`) &&
    !button.closest(DIALOG)
  ) {
    return `menu-button:${cardSlug(button)}`;
  }
  const dialog = target.closest(DIALOG);
  if (dialog && button) {
    const title = collapse(dialog.querySelector("h2")?.textContent ?? "");
    const name = collapse(button.getAttribute("aria-label") || button.textContent);
    return `dialog:${title}:${name}`;
  }
  const item = target.closest('[role="menuitem"], [role="button"], [tabindex="0"]');
  if (item) return `menu-item:${collapse(item.textContent)}`;
  return `other:${target.outerHTML.slice(0, 120)}`;
}

const REMOVE_DIALOG = /^dialog:Remove connection:(?:Remove|Remove connection|Cancel|Dismiss)$/;
const ANY_CANCEL = /^dialog:[^:]*:(?:Cancel|Dismiss)$/;

/** Every click was one a step may make for `slug`. */
export function assertOnlyAllowedClicks(clicks, slug) {
  for (const click of clicks) {
    assert.ok(
      click === "search-box" ||
        click === `menu-button:${slug}` ||
        click === "menu-item:Remove connection" ||
        REMOVE_DIALOG.test(click) ||
        ANY_CANCEL.test(click),
      `a step for ${slug} may not click ${click} (clicks: ${clicks.join(", ")})`,
    );
  }
}

/** The confirm click each generation's dialog calls for. */
export const CONFIRM = {
  artdeco: "dialog:Remove connection:Remove",
  "react-2025": "dialog:Remove connection:Remove",
  "sdui-2026": "dialog:Remove connection:Remove connection",
};

/**
 * Open the connections page with the content script, recording clicks.
 * @param {object} siteOptions for createMockSite
 * @param {object} [pageOptions] for openPage
 */
export async function openConnections(siteOptions, pageOptions = {}) {
  const site = createMockSite({ renderDelayMs: 50, ...siteOptions });
  const page = await openPage(site, PATHS.connections, pageOptions);
  const clicks = [];
  page.document.addEventListener("click", (event) => clicks.push(classify(event.target)), true);
  await page.waitForMessages(1);
  return { site, page, clicks };
}

/**
 * Open the connections page as openConnections does, run `body` with it,
 * and close the page however the body ends.
 * @param {object} siteOptions for createMockSite
 * @param {(opened: { site: any, page: any, clicks: string[] }) => Promise<unknown>} body
 * @param {object} [pageOptions] for openPage
 */
export async function withConnections(siteOptions, body, pageOptions) {
  const opened = await openConnections(siteOptions, pageOptions);
  try {
    return await body(opened);
  } finally {
    opened.page.close();
  }
}

let lastAttempt = 0;
/** A fresh attempt number, as the core gives each step. */
export const nextAttempt = () => ++lastAttempt;

/**
 * The outcome the page reports for `attempt`, once it has.
 * @returns {Promise<{ type: string, attempt: number, outcome: any, observed: string }>}
 */
export const outcomeOf = (page, attempt) =>
  waitFor(
    () => page.messages.find((m) => m.type === "removal-outcome" && m.attempt === attempt),
    `the outcome of attempt ${attempt}`,
    OUTCOME_TIMEOUT_MS,
  );

/**
 * Ask for one step as the background would, check it is accepted, and wait
 * for its outcome. `extra` adds to the request (its own pausesMs, a member).
 * @returns {Promise<{ type: string, attempt: number, outcome: any, observed: string }>}
 */
export async function step(
  page,
  { slug, name },
  { mode = "remove", dryRun = false, ...extra } = {},
) {
  const attempt = nextAttempt();
  const message = removeStep({ attempt, slug, name, mode, ...extra });
  if (mode === "remove") message.dryRun = dryRun;
  assert.deepEqual(await page.tell(message), { ok: true });
  return outcomeOf(page, attempt);
}

/** The slugs of every profile link the list shows now. */
export const listedSlugs = (page) =>
  [...page.document.querySelectorAll('main a[href*="/in/"]')].map((a) =>
    slugOf(a.getAttribute("href")),
  );
export const searchBox = (page) =>
  page.document.querySelector('input[placeholder="Search by name"]');
export const openDialogs = (page) =>
  [...page.document.querySelectorAll(DIALOG)].filter(
    (d) => d.localName !== "dialog" || d.hasAttribute("open"),
  );
