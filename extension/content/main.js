// @ts-check
// netprune's page reader: the content script on www.linkedin.com. This is
// its entry point; esbuild bundles it with every part it imports into ONE
// classic script, dist/<browser>/content/page-reader.js (content scripts
// cannot be modules). docs/ARCHITECTURE.md, "The content script", has the
// tree of its parts.
//
// It reads what the member's own network pages show (the connections list
// and its stated total, the follower and following totals, the member's own
// profile header) and sends it to the background as `page-reading` messages
// (docs/ARCHITECTURE.md has the shape). It never parses numbers or dates: the
// Rust core does, in one tested place. It adds nothing to LinkedIn's page,
// calls none of LinkedIn's endpoints, and stays idle everywhere else.
//
// LinkedIn is a single-page app, so the manifest injects this on every
// LinkedIn page and the script follows URL changes itself (./tab.js).
//
// On the connections page it can also collect the whole list when the
// background asks (`collect-run`, ./collect/run.js), and it removes one
// person when the background asks (`remove-step`, ./steps/). On the sent
// invitations page it reads the invitations, collects that list
// (`collect-run` with `list: "invitations"`) and withdraws one invitation
// (`withdraw-step`, ./steps/withdraw-invitation.js); on the following page
// it reads the people followed, collects that list and unfollows one person
// (`unfollow-step`, ./steps/unfollow.js). On the followers page it reads the
// people who follow the member (and whether the member follows each back)
// and collects that list; it presses nothing there. On every
// LinkedIn page it watches for the signs that LinkedIn wants to stop the
// member (./trouble.js). It never visits a profile.
//
// This file owns the background's requests and the listeners that follow
// the page. Every deciding timing (collection pace and stall limit, a step's
// time and wait limits) arrives with the request as `rules`; a request
// without them is refused, never guessed.

import { api, deliver, extensionAlive, guarded } from "./lib/runtime.js";
import { pageCheck } from "./readers/page-check.js";
import { taughtWords } from "./words.js";
import { TeachWatch } from "./teach.js";
import { startRemovalStep, startUnfollowStep, startWithdrawStep } from "./steps/index.js";
import { checkNavigation, tab, tabBusy } from "./tab.js";

// history.pushState in the page's world is invisible from the content
// script's isolated world, so a cheap string comparison on a timer is how
// SPA navigation gets noticed.
const URL_POLL_MS = 500;

/** @param {unknown} value */
const isPositiveMs = (value) => typeof value === "number" && Number.isFinite(value) && value > 0;

/** The lists a `collect-run` may ask for (`list`), and how errors name them. */
const COLLECTED_LISTS = {
  connections: "your LinkedIn connections",
  invitations: "your sent LinkedIn invitations",
  following: "the people you follow on LinkedIn",
  followers: "the people who follow you on LinkedIn",
};

/** The pages steps act on: their tabs say when they are shown or hidden. */
const ACTION_PAGES = ["connections", "invitations", "following"];

/**
 * `collect-run`: the background's collection rules (`rules.delayMs`, the
 * wait between moves; `rules.stallMs`, how long without a new person before
 * a stall is taken for the end of the list), on the list it names (`list`,
 * "connections" when absent), which this tab must show.
 * @param {{ rules?: any, list?: unknown }} message
 * @returns {{ ok: true } | { ok: false, error: string }}
 */
function startCollecting({ rules, list = "connections" }) {
  const { delayMs, stallMs } = rules ?? {};
  if (!isPositiveMs(delayMs) || !isPositiveMs(stallMs)) {
    return {
      ok: false,
      error:
        "A collection needs the background's rules: a delay and a stall limit in milliseconds (rules.delayMs, rules.stallMs).",
    };
  }
  // The URL poll may not have noticed a navigation yet.
  checkNavigation();
  if (typeof list !== "string" || !Object.hasOwn(COLLECTED_LISTS, list)) {
    return { ok: false, error: `netprune cannot collect a list called ${JSON.stringify(list)}.` };
  }
  if (!tab.current || tab.current.target.page !== list) {
    return { ok: false, error: `This tab is not showing ${COLLECTED_LISTS[list]}.` };
  }
  if (tab.activeStep) {
    return {
      ok: false,
      error: "a removal step is running in this tab; collecting waits until it ends",
    };
  }
  tab.current.collect(
    { delayMs, stallMs },
    /** @type {import("./collect/run.js").List} */ (/** @type {unknown} */ (list)),
  );
  return { ok: true };
}

/**
 * `collect-run`, `collect-halt` and `remove-step` from the background
 * (tabs.sendMessage). Only this extension may ask; anything else is not
 * answered at all.
 * @param {any} message
 * @param {{ id?: string } | undefined} sender
 * @param {(answer: object) => void} sendResponse
 * @returns {false} every answer is given before returning
 */
function onBackgroundRequest(message, sender, sendResponse) {
  if (!extensionAlive() || sender?.id !== api.runtime.id) return false;
  const type = message?.type;
  if (
    type !== "collect-run" &&
    type !== "collect-halt" &&
    type !== "remove-step" &&
    type !== "unfollow-step" &&
    type !== "withdraw-step" &&
    type !== "page-check" &&
    type !== "teach-watch" &&
    type !== "teach-stop"
  ) {
    return false;
  }
  /** @type {object} */
  let answer;
  try {
    if (type === "collect-run") answer = startCollecting(message);
    else if (type === "remove-step") answer = startRemovalStep(message);
    else if (type === "unfollow-step") answer = startUnfollowStep(message);
    else if (type === "withdraw-step") answer = startWithdrawStep(message);
    else if (type === "page-check") {
      tab.taught = taughtWords(message.taught);
      checkNavigation();
      const check = pageCheck();
      answer = check
        ? { ok: true, check }
        : { ok: false, error: "This tab is not showing your LinkedIn connections." };
    } else if (type === "teach-watch") {
      checkNavigation();
      answer = startTeaching();
    } else if (type === "teach-stop") {
      tab.teach?.stop();
      tab.teach = null;
      answer = { ok: true };
    } else {
      // Halting is always safe, so it is accepted on any page; only a
      // running collection has anything to stop and report.
      tab.current?.haltCollecting();
      answer = { ok: true };
    }
  } catch {
    answer = { ok: false, error: "netprune's page reader failed; reload the page to retry." };
  }
  sendResponse(answer);
  return false;
}

/**
 * `teach-watch`: watch the member remove one person by hand (./teach.js).
 * Only on the connections page, and never while a step or a collection
 * uses the tab.
 * @returns {{ ok: true } | { ok: false, error: string }}
 */
function startTeaching() {
  if (tab.current?.target.page !== "connections") {
    return { ok: false, error: "This tab is not showing your LinkedIn connections." };
  }
  const busy = tabBusy();
  if (busy) return { ok: false, error: `This tab is busy: ${busy}.` };
  tab.teach?.stop();
  tab.teach = new TeachWatch();
  return { ok: true };
}

/** Listen to the background and follow the page, until the extension goes away. */
function start() {
  api.runtime.onMessage.addListener(onBackgroundRequest);
  // The background resumes a queue waiting for the tab of a page steps act
  // on (connections, sent invitations, following) to be seen again
  // (CONTRACT.md, page-visibility).
  const onVisibility = guarded(() => {
    const page = tab.current?.target.page;
    if (!extensionAlive() || !ACTION_PAGES.includes(/** @type {string} */ (page))) return;
    deliver({ type: "page-visibility", visible: !document.hidden });
  });
  document.addEventListener("visibilitychange", onVisibility);
  const onNavigation = guarded(checkNavigation);
  const poll = setInterval(onNavigation, URL_POLL_MS);
  window.addEventListener("popstate", onNavigation);
  tab.teardown.push(
    () => clearInterval(poll),
    () => window.removeEventListener("popstate", onNavigation),
    () => document.removeEventListener("visibilitychange", onVisibility),
    () => api.runtime.onMessage.removeListener(onBackgroundRequest),
  );
  onNavigation();
}

if (api?.runtime?.sendMessage) start();
