// @ts-check
// Collection: asking the acting tab to collect its list with the core's
// collection rules (its pacing and when a stall is the end of the list), and
// halting every LinkedIn tab netprune knows. The connections run's progress
// is the core's (`startCollection`, `finishCollection`: it also tells who
// has left the network); a run over the sent invitations, following or
// followers list only reads every row, and is recorded here
// (storage.local.listCollects, which the review page shows).
import { api } from "../lib/browser.js";
import { Core, devDelayMs, messageOf, persistNow, state } from "./core-host.js";
import { actingTab, linkedinTabs } from "./tabs.js";

/** The lists a collection can read, and their names in words. */
const LIST_WORDS = {
  connections: "connections",
  invitations: "sent invitations",
  following: "following",
  followers: "followers",
};

/** @typedef {"invitations" | "following" | "followers"} OtherList a list besides the connections */

/**
 * The list a message names; anything else is the connections list (the
 * messages predate the other lists).
 * @param {unknown} value
 * @returns {"connections" | OtherList}
 */
export function listOf(value) {
  return value === "invitations" || value === "following" || value === "followers"
    ? value
    : "connections";
}

/**
 * @typedef {{ running: boolean, tabId: number, startedAtMs: number,
 *   endedAtMs: number | null, outcome: string | null, reason: string | null,
 *   noLongerListed?: number, endNote?: string }} ListRun endNote: the core's word on
 *   why a list read to its end dropped nobody (the followers list)
 */

/**
 * The runs over the sent invitations, following and followers lists, by list.
 * @returns {Promise<Record<string, ListRun>>}
 */
export async function listCollects() {
  const { listCollects: stored } = await api.storage.local.get("listCollects");
  /** @type {Record<string, ListRun>} */
  const runs = stored && typeof stored === "object" ? stored : {};
  // A run whose tab is gone (closed, or the browser restarted) is over.
  let changed = false;
  for (const [list, run] of Object.entries(runs)) {
    if (!run?.running) continue;
    try {
      await api.tabs.get(run.tabId);
    } catch {
      runs[list] = {
        ...run,
        running: false,
        endedAtMs: Date.now(),
        outcome: "interrupted",
        reason: "its tab was closed",
      };
      changed = true;
    }
  }
  if (changed) await api.storage.local.set({ listCollects: runs });
  return runs;
}

/**
 * Asks the tab acting on `list`'s page to read the whole list.
 * @param {OtherList} list
 */
export async function startListCollect(list) {
  const tabId = await actingTab(list);
  if (tabId === null) {
    throw new Error(
      `Open your LinkedIn ${LIST_WORDS[list]} page in a tab first: netprune collects from it.`,
    );
  }
  const rules = await collectRules();
  // Before the tab is asked: every reading of the run comes after it, so
  // at the list's end whoever was not read since is no longer listed.
  const startedAtMs = Date.now();
  /** @type {any} */
  let answer;
  try {
    answer = await api.tabs.sendMessage(tabId, {
      type: "collect-run",
      list,
      delayMs: rules.delayMs,
      stallMs: rules.stallMs,
      rules,
    });
  } catch (error) {
    answer = { ok: false, error: messageOf(error) };
  }
  if (!answer?.ok) {
    throw new Error(`Your ${LIST_WORDS[list]} tab did not start reading: ${answer?.error}`);
  }
  const runs = await listCollects();
  runs[list] = {
    running: true,
    tabId,
    startedAtMs,
    endedAtMs: null,
    outcome: null,
    reason: null,
  };
  await api.storage.local.set({ listCollects: runs });
  return runs;
}

/**
 * A tab's word that its run over `list` ended (`outcome`: end-of-list,
 * stalled, halted; `reason`); only the tab the run was asked of ends it.
 * @param {OtherList} list
 * @param {any} message
 * @param {number | undefined} tabId
 */
export async function listEnded(list, message, tabId) {
  const runs = await listCollects();
  const run = runs[list];
  if (!run?.running || run.tabId !== tabId) return runs;
  const endedAtMs = Date.now();
  const outcome = typeof message.outcome === "string" ? message.outcome : null;
  /** @type {number | undefined} */
  let noLongerListed;
  /** @type {string | undefined} */
  let endNote;
  // Only a run that read the list to its end says who is no longer on it:
  // a stall, a halt, or an end short of the total the page states (LinkedIn
  // stopped loading) proves nothing; the core also ignores a run that read
  // nobody. The followers list is always short of a large total (LinkedIn
  // lists about the newest 1,000): the core alone decides whether its end
  // proves anything, and says why not.
  const asked = list === "followers" || message.short !== true;
  if (outcome === "end-of-list" && asked && state.core) {
    try {
      const end = state.core.endOfList(list, run.startedAtMs, endedAtMs);
      noLongerListed = end.noLongerListed;
      // The core's word on why the end dropped nobody (null when it did).
      endNote = typeof end.incomplete === "string" ? end.incomplete : undefined;
    } catch (error) {
      // A core that reads no such list to its end: nobody is dropped.
      endNote = messageOf(error);
    }
    if (noLongerListed) await persistNow();
  }
  runs[list] = {
    ...run,
    running: false,
    endedAtMs,
    outcome,
    reason: typeof message.reason === "string" ? message.reason : null,
    ...(noLongerListed === undefined ? {} : { noLongerListed }),
    ...(endNote === undefined ? {} : { endNote }),
  };
  await api.storage.local.set({ listCollects: runs });
  return runs;
}

/**
 * Marks every running list run stopped (`reason`), after the tabs were told
 * to halt.
 * @param {string} reason
 */
export async function stopListCollects(reason) {
  const runs = await listCollects();
  let changed = false;
  for (const [list, run] of Object.entries(runs)) {
    if (!run?.running) continue;
    runs[list] = { ...run, running: false, endedAtMs: Date.now(), outcome: "stopped", reason };
    changed = true;
  }
  if (changed) await api.storage.local.set({ listCollects: runs });
  return runs;
}

/** The core's collection rules: human, unless devPacing applies. */
async function collectRules() {
  return Core.rules(await devDelayMs()).collect;
}

/**
 * Asks the connections tab to collect (idempotent on its side: a page already
 * collecting just carries on). A tab that cannot be reached is not an error:
 * the run waits, and resumes when the page next sends a reading.
 * @param {number} tabId
 */
export async function driveCollection(tabId) {
  const rules = await collectRules();
  try {
    // `delayMs` and `stallMs` also at the top, for a content script that
    // predates `rules`.
    await api.tabs.sendMessage(tabId, {
      type: "collect-run",
      delayMs: rules.delayMs,
      stallMs: rules.stallMs,
      rules,
    });
  } catch (error) {
    console.info("netprune: the connections tab is not ready to collect yet:", messageOf(error));
  }
}

/** Halts collecting in every LinkedIn tab netprune knows (halting is always safe). */
export async function haltCollection() {
  for (const id of Object.keys(await linkedinTabs())) {
    try {
      await api.tabs.sendMessage(Number(id), { type: "collect-halt" });
    } catch {
      // Nothing is collecting there: the halt is already true.
    }
  }
}
