// Shared by the removal pace's tests: the options page (options/options.html)
// opened in jsdom on a stub extension API whose background clamps with the
// real core, and the settings those tests send and expect.
import { readFileSync } from "node:fs";

import { startOptions } from "../../extension/options/options.js";
import { byTestId, click, frame, openDocument, text, waitFor } from "./dom.mjs";
import { Core, queueState, RealCore, stubExtension } from "./helpers.mjs";

export const OPTIONS_HTML = readFileSync(
  new URL("../../extension/options/options.html", import.meta.url),
  "utf8",
);

// The removal pace.

/** The core's defaults: the pacing settings of a fresh core. */
export const CORE_DEFAULTS = (() => {
  const core = new Core();
  try {
    return core.queueSettings();
  } finally {
    core.free();
  }
})();

/** A member's own settings: every field off its default, quiet hours 22:00 to 07:00. */
export const CUSTOM_PACING = {
  // Not on the form: the queue's stored settings carry them as they are.
  cooldownMs: CORE_DEFAULTS.cooldownMs,
  withdrawHourlyCap: CORE_DEFAULTS.withdrawHourlyCap,
  withdrawDailyCap: CORE_DEFAULTS.withdrawDailyCap,
  unfollowHourlyCap: CORE_DEFAULTS.unfollowHourlyCap,
  unfollowDailyCap: CORE_DEFAULTS.unfollowDailyCap,
  overallDailyCap: CORE_DEFAULTS.overallDailyCap,
  minDelayMs: 25_000,
  medianDelayMs: 60_000,
  breatherEveryMin: 5,
  breatherEveryMax: 9,
  breatherMinMs: 240_000,
  breatherMaxMs: 540_000,
  hourlyCap: 12,
  dailyCap: 50,
  quietStartMinute: 1320,
  quietEndMinute: 420,
  backoffBaseMs: 90_000,
  backoffCapMs: 1_800_000,
};

/** The settings in force once the real core clamps `settings` (what the background answers). */
export function coreClamp(settings) {
  const core = new Core();
  try {
    return core.setQueueSettings(settings);
  } finally {
    core.free();
  }
}

/** The background: answers queue-settings with the clamped settings. */
export const pacingBackground = (message) =>
  message.type === "queue-settings"
    ? { ok: true, settings: coreClamp(message.settings) }
    : { ok: true };

/**
 * Opens the options page (options/options.html, where the removal pace lives)
 * with `settings` in storage.local.queue (none: nothing written yet), in
 * `language` (a _locales folder; English unless given).
 */
export async function openPacing(t, { settings, answer = pacingBackground, language } = {}) {
  const store = {};
  if (settings !== undefined) store.queue = { ...queueState(), settings };
  const { dom, doc } = openDocument(OPTIONS_HTML);
  const extension = stubExtension(store, answer, undefined, language);
  const options = startOptions(doc, { extension, loadCore: async () => RealCore });
  t.after(() => {
    options.stop();
    dom.window.close();
  });
  await options.ready;
  await frame(dom);
  const field = (id) => byTestId(doc, id);
  const values = () => ({
    hourly: field("hourly-cap").value,
    daily: field("daily-cap").value,
    median: field("median-delay").value,
    min: field("min-delay").value,
    quiet: field("quiet-hours").checked,
    start: field("quiet-start").value,
    end: field("quiet-end").value,
  });
  return { dom, doc, extension, options, field, values };
}

/** Presses Save (or another button) and waits for the background's answer to be shown. */
export async function pressAndWait(dom, doc, testId) {
  const status = byTestId(doc, "pacing-status");
  click(dom, byTestId(doc, testId));
  await waitFor(() => !/^Saving/.test(text(status)) && text(status) !== "", "the answer");
  return text(status);
}

export const sentSettings = (extension) =>
  extension.sent.filter((m) => m.type === "queue-settings").map((m) => m.settings);
