// @ts-check
// This tab's state: the page view under way, the removal step under way (at
// most one), the trouble watch of the current path, and following the URL
// (LinkedIn is a single-page app) from one page view to the next.

import { extensionAlive } from "./lib/runtime.js";
import { PageView } from "./readers/page-view.js";
import { targetFor } from "./readers/pages.js";
import { TroubleWatch } from "./trouble.js";

/**
 * @typedef {object} TabState
 * @property {PageView | null} current the page view under way
 * @property {import("./steps/step.js").Step | null} activeStep the step under way in this tab, at most one
 * @property {TroubleWatch | null} troubleWatch the current path's
 * @property {string} lastHref the URL last seen
 * @property {(() => void)[]} teardown what main.js set up (listeners, the URL poll), undone on shutDown
 * @property {import("./teach.js").TeachWatch | null} teach the teach-once watch, while it runs
 * @property {import("./words.js").LearnedWords[]} taught the removal words the member taught
 *   netprune, as the background last sent them (with a step or a page check)
 */

/** @type {TabState} */
export const tab = {
  current: null,
  activeStep: null,
  troubleWatch: null,
  lastHref: "",
  teardown: [],
  teach: null,
  taught: [],
};

/** The extension was reloaded: this orphaned copy lets go of the page. */
function shutDown() {
  for (const undo of tab.teardown.splice(0)) {
    try {
      undo();
    } catch {
      // An orphaned script's API may throw; its listener can no longer fire anyway.
    }
  }
  tab.current?.stop();
  tab.current = null;
  tab.troubleWatch?.stop();
  tab.troubleWatch = null;
  tab.teach?.stop();
  tab.teach = null;
}

/** Follow the URL: a new path gets a new trouble watch, a new page a new page view. */
export function checkNavigation() {
  if (!extensionAlive()) {
    shutDown();
    return;
  }
  const href = location.href;
  if (href === tab.lastHref) return;
  tab.lastHref = href;
  // Trouble is told once per page (path), wherever on LinkedIn it shows.
  if (tab.troubleWatch?.path !== location.pathname) {
    tab.troubleWatch?.stop();
    tab.troubleWatch = new TroubleWatch();
  }
  const target = targetFor(location);
  // A query-string change (LinkedIn adds tracking parameters) is the same
  // page view: keep what was already sent.
  if (tab.current && target && tab.current.target.key === target.key) return;
  tab.current?.stop();
  tab.current = target ? new PageView(target) : null;
}

/**
 * Whether a step or a collection already uses this tab.
 * @returns {string | null} why a new one cannot start
 */
export function tabBusy() {
  if (tab.activeStep) return "a step is already running";
  if (tab.current?.collecting?.running) {
    return "a collection is running in this tab; removal steps wait until it ends";
  }
  return null;
}
