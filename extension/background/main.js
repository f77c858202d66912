// @ts-check
// netprune's background: the single owner and only writer of state. This
// file wires it to the browser; the parts it wires are:
//   core-host.js     loading the core, the snapshot, saving, the badge, `serially`
//   tabs.js          which LinkedIn tab is which, the acting connections tab
//   accounts.js      one network per LinkedIn account (park, switch)
//   collect.js       collection runs on the connections tab
//   queue-runner.js  the removal queue's wakes, alarms, steps and outcomes
//   messages.js      the message router (who may send what, and what it does)
// ./build.sh bundles them from here (esbuild) into the one background.js the
// manifest names, for Chrome's service worker and Firefox's background script.
//
// It hosts the Rust core (WebAssembly), merges what the content script reads
// into the persisted snapshot, drives "collect all" on the member's
// connections tab, and answers the popup and the review page. The worker can
// be stopped at any moment (Chrome stops idle service workers; Firefox
// suspends event pages), so state lives in storage.local and is restored on
// wake; listeners are registered synchronously at top level so a wake-up
// event is never missed. Messages are handled one at a time, so a reading and
// a change from the review page never interleave their read-modify-write.
import { api } from "../lib/browser.js";
import { serially } from "./core-host.js";
import { broughtToFront, forgetTab, newDocument } from "./tabs.js";
import { pumpQueue, QUEUE_ALARM, QUEUE_BACKSTOP_ALARM } from "./queue-runner.js";
import { route } from "./messages.js";

api.runtime.onMessage.addListener(route);

// The queue's durable wake-up, and a restart of the browser: carry on where
// the stored queue says (a step whose outcome was lost is verified first).
api.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === QUEUE_ALARM || alarm.name === QUEUE_BACKSTOP_ALARM) pumpQueue();
});
api.runtime.onStartup.addListener(() => pumpQueue());

// The member closing the connections tab leaves a running collection
// waiting: it resumes when the page sends its next reading.
api.tabs.onRemoved.addListener((tabId) => {
  serially(() => forgetTab(tabId)).catch(() => undefined);
});

// A LinkedIn tab that loads a new document (a reload, a sign-in as someone
// else) shows nobody's network until its page reads again: no step goes to
// it on the strength of what the previous document said.
api.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status !== "loading") return;
  serially(() => newDocument(tabId)).catch(() => undefined);
});

// A queue waiting for its tab to be visible looks again when the member
// switches tabs or windows (the page also reports page-visibility). A look
// never dispatches a second step: runQueueStep leaves a step out alone.
// A tab just brought to the front is shown, whatever its page said before
// (a page reloaded while hidden never reports becoming visible).
api.tabs.onActivated.addListener(({ tabId }) => {
  serially(() => broughtToFront(tabId))
    .then(pumpQueue)
    .catch(() => undefined);
});
api.windows?.onFocusChanged.addListener(() => pumpQueue());
