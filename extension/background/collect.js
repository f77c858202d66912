// @ts-check
// Collection runs on the connections tab: asking the acting tab to collect
// with the core's collection rules (its pacing and when a stall is the end
// of the list), and halting every LinkedIn tab netprune knows. The run's
// progress itself is the core's (`startCollection`, `finishCollection`).
import { api } from "../lib/browser.js";
import { Core, devDelayMs, messageOf } from "./core-host.js";
import { linkedinTabs } from "./tabs.js";

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
