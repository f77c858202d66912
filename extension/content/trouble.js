// @ts-check
// Trouble: the signs that LinkedIn has noticed something, on any page (a
// checkpoint or login page, a captcha, a limit or restriction warning, an
// error page), and the watch that tells the background once per page so that
// the queue pauses. The words are LinkedIn's (../words.js); the paths and
// regions are where LinkedIn shows them (docs/LINKEDIN.md, "Warnings").

import { MAX_QUOTE_CHARS, collapse, isShown, quote, spacedText } from "./lib/dom.js";
import { deliver, extensionAlive, guarded } from "./lib/runtime.js";
import { tab } from "./tab.js";
import { ERROR_PAGE_WORDS, LIMIT_WORDS, RESTRICTED_WORDS } from "./words.js";

// ---------------------------------------------------------------------
// Trouble: the signs that LinkedIn has noticed something, on any page.
// ---------------------------------------------------------------------

// Where LinkedIn sends a member it wants to check or sign in again.
/** @type {{ prefix: string, what: string, kind: TroubleKind }[]} */
const TROUBLE_PATHS = [
  {
    prefix: "/checkpoint/",
    what: "LinkedIn is asking for a security check",
    kind: "checkpoint",
  },
  {
    prefix: "/uas/login",
    what: "LinkedIn signed you out and shows its login page",
    kind: "login",
  },
  { prefix: "/login", what: "LinkedIn signed you out and shows its login page", kind: "login" },
  { prefix: "/authwall", what: "LinkedIn shows its sign-in wall", kind: "login" },
];
// Banners, toasts and dialogs: the only places whose text is read for
// those words. A post in the feed that quotes them is not a warning.
const ALERT_REGIONS = [
  '[role="alert"]',
  '[role="alertdialog"]',
  '[role="dialog"]',
  '[role="status"]',
  "dialog[open]",
  '[aria-live="assertive"]',
  '[aria-live="polite"]',
  ".artdeco-toast-item",
  ".artdeco-modal",
  ".artdeco-global-alert",
].join(", ");
// A captcha frame, or an element named for one. "challenge" alone is a
// common word on LinkedIn (its games), so only a frame counts for it.
const CAPTCHA = ["id", "title", "aria-label", "name", "src"]
  .flatMap((attribute) => [
    `iframe[${attribute}*="captcha" i]`,
    `iframe[${attribute}*="challenge" i]`,
    ...(attribute === "src" || attribute === "name" ? [] : [`[${attribute}*="captcha" i]`]),
  ])
  .join(", ");
// LinkedIn's error pages for HTTP 429 and its own 999 ("request denied")
// are short pages without the app's navigation or main region.
const APP_SHELL = "main, #global-nav, .global-nav, header nav";
const MAX_ERROR_PAGE_CHARS = 3000;
// A watch checks the page at most this often: a feed that never stops
// mutating costs one cheap look a second.
const TROUBLE_CHECK_MS = 1_000;
/** @param {string} pathname */
export const troublePath = (pathname) =>
  TROUBLE_PATHS.find(({ prefix }) => pathname.toLowerCase().startsWith(prefix)) ?? null;

/**
 * @typedef {"checkpoint" | "login" | "captcha" | "limit" | "restricted" | "http-429" | "unexpected-dialog" | "unexpected-menu" | "another-account" | "unrecognised"} TroubleKind
 * @typedef {{ reason: string, kind: TroubleKind }} Trouble
 */

/**
 * A warning's words as a trouble.
 * @param {string} text
 * @returns {Trouble}
 */
export const warning = (text) => ({
  reason: `LinkedIn says ${quote(text)}`,
  kind: RESTRICTED_WORDS.test(text) ? "restricted" : "limit",
});

/**
 * What trouble the page shows now, in words and kind (CONTRACT: trouble
 * kinds), or null.
 * @returns {Trouble | null}
 */
export function troubleShown() {
  const path = troublePath(location.pathname);
  if (path) return { reason: `${path.what} (${location.pathname})`, kind: path.kind };
  for (const element of document.querySelectorAll(CAPTCHA)) {
    if (isShown(element)) return { reason: "LinkedIn is showing a captcha", kind: "captcha" };
  }
  for (const region of document.querySelectorAll(ALERT_REGIONS)) {
    if (!isShown(region)) continue;
    const text = spacedText(region);
    if (LIMIT_WORDS.test(text)) return warning(text);
  }
  if (document.body && !document.querySelector(APP_SHELL)) {
    const text = collapse(document.body.textContent ?? "");
    const title = collapse(document.title);
    if (text.length <= MAX_ERROR_PAGE_CHARS) {
      const said = [title, text].find((words) => ERROR_PAGE_WORDS.test(words));
      if (said) {
        return {
          reason: `LinkedIn answered with an error page (${quote(said)})`,
          kind: "http-429",
        };
      }
    }
  }
  // A whole page saying it (the "temporary limit" interstitial, the
  // restriction page): its heading.
  for (const heading of document.querySelectorAll("h1, h2")) {
    const text = spacedText(heading);
    if (text.length <= MAX_QUOTE_CHARS && LIMIT_WORDS.test(text) && isShown(heading)) {
      return warning(text);
    }
  }
  return null;
}

/**
 * Watches one page view (one path) for trouble and reports it to the
 * background once: `{ type: "trouble", reason, url, trouble }`. While a removal
 * step runs the step reports instead.
 */
export class TroubleWatch {
  constructor() {
    this.path = location.pathname;
    this.reported = false;
    /** @type {ReturnType<typeof setTimeout> | 0} */
    this.timer = 0;
    this.observer = new MutationObserver(guarded(() => this.schedule()));
    this.observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["open", "hidden", "style", "class", "role"],
    });
    // The URL is known at once; the page's own warnings render later.
    this.check();
  }

  schedule() {
    if (this.timer || this.reported) return;
    this.timer = setTimeout(
      guarded(() => {
        this.timer = 0;
        this.check();
      }),
      TROUBLE_CHECK_MS,
    );
  }

  check() {
    if (this.reported || tab.activeStep) return;
    const trouble = troubleShown();
    if (trouble) this.report(trouble);
  }

  /** @param {Trouble} trouble */
  report({ reason, kind }) {
    if (this.reported) return;
    this.reported = true;
    clearTimeout(this.timer);
    this.timer = 0;
    // Collecting stops at the first sign of trouble, as the queue does.
    tab.current?.collecting?.troubled(reason);
    deliver({ type: "trouble", reason, url: location.href, trouble: kind }).then(
      guarded(({ delivered }) => {
        if (delivered) this.stop();
        else if (tab.troubleWatch === this && extensionAlive()) {
          // Not heard (the worker was restarting): tell it at the next look.
          this.reported = false;
          this.schedule();
        }
      }),
    );
  }

  /** The trouble on this page view has been told (by a step's outcome, say). */
  markReported() {
    this.reported = true;
    this.stop();
  }

  stop() {
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.timer = 0;
  }
}
