// @ts-check
// The removal pace (on the options page): the queue's pacing settings as form fields (minutes,
// seconds, quiet hours), filled from storage.local.queue.settings, sent to
// the background, and the core's clamping explained.

import { sendMessage } from "../lib/browser.js";
import { formatCount, formatSeconds, messageOf, secondsFormat } from "../lib/format.js";
import { t, tn } from "../lib/i18n.js";
import { asButton, asInput, asObject, lookups, query, setStatus, show } from "../lib/dom.js";

/** @typedef {import("../review/types.js").PacingSettings} PacingSettings */
/** @typedef {import("../review/types.js").QueueStore} QueueStore */

/**
 * One pacing setting's bounds as the core states them (`Core.pacingLimits()`):
 * `above` means never less than that other setting plus `by`.
 *
 * @typedef {{ min: number, max: number, default: number | null, unit: string,
 *   above?: { setting: string, by: number } }} Limit
 * @typedef {Record<string, Limit>} PacingLimits
 */

/**
 * The core's default pacing, from its limits: what "Restore defaults" sends,
 * and what the fields show before the background has written any settings.
 * No development delay: only the background sets it.
 *
 * @param {PacingLimits} limits
 * @returns {PacingSettings}
 */
export function pacingDefaults(limits) {
  return /** @type {PacingSettings} */ (
    Object.fromEntries(Object.entries(limits).map(([key, limit]) => [key, limit.default]))
  );
}

/** PacingSettings' number fields are u32: a larger number would be refused, not clamped. */
export const U32_MAX = 0xffff_ffff;

export const MINUTES_PER_DAY = 24 * 60;

/**
 * The number fields the member edits, in the page's order: the setting's
 * name in the core, the field's id and data-testid (its hint is `${id}-hint`,
 * its note `${id}-note`), its label's message key, and its scale (delays are
 * edited in seconds, kept in ms).
 *
 * @typedef {"hourlyCap" | "dailyCap" | "medianDelayMs" | "minDelayMs" | "withdrawHourlyCap"
 *   | "withdrawDailyCap" | "unfollowHourlyCap" | "unfollowDailyCap" | "overallDailyCap"} PacingKey
 * @type {{ key: PacingKey, id: string, label: string, scale: number }[]}
 */
export const PACING_INPUTS = [
  { key: "hourlyCap", id: "hourly-cap", label: "pacingHourlyLabel", scale: 1 },
  { key: "dailyCap", id: "daily-cap", label: "pacingDailyLabel", scale: 1 },
  { key: "medianDelayMs", id: "median-delay", label: "pacingMedianLabel", scale: 1000 },
  { key: "minDelayMs", id: "min-delay", label: "pacingMinLabel", scale: 1000 },
  // The other kinds of step, each with its own caps, and the ceiling on all
  // of them together (the removal caps above hold inside it too).
  {
    key: "withdrawHourlyCap",
    id: "withdraw-hourly-cap",
    label: "pacingWithdrawHourlyLabel",
    scale: 1,
  },
  {
    key: "withdrawDailyCap",
    id: "withdraw-daily-cap",
    label: "pacingWithdrawDailyLabel",
    scale: 1,
  },
  {
    key: "unfollowHourlyCap",
    id: "unfollow-hourly-cap",
    label: "pacingUnfollowHourlyLabel",
    scale: 1,
  },
  {
    key: "unfollowDailyCap",
    id: "unfollow-daily-cap",
    label: "pacingUnfollowDailyLabel",
    scale: 1,
  },
  { key: "overallDailyCap", id: "overall-daily-cap", label: "pacingOverallDailyLabel", scale: 1 },
];

/**
 * Puts the number fields into options.html, one clone of its
 * `<template id="pacing-field">` each, before the template.
 *
 * @param {Document} doc options.html
 */
export function buildPacingFields(doc) {
  const template = /** @type {HTMLTemplateElement} */ (query(doc, "template#pacing-field"));
  for (const { id, label, scale } of PACING_INPUTS) {
    const field = /** @type {DocumentFragment} */ (template.content.cloneNode(true));
    const labelElement = /** @type {HTMLLabelElement} */ (query(field, "label"));
    labelElement.htmlFor = id;
    labelElement.textContent = t(label);
    const input = query(field, "input");
    input.id = id;
    input.dataset.testid = id;
    input.setAttribute("inputmode", scale === 1 ? "numeric" : "decimal");
    input.setAttribute("step", scale === 1 ? "1" : "any");
    input.setAttribute("aria-describedby", `${id}-hint ${id}-note`);
    query(field, ".help").id = `${id}-hint`;
    const note = query(field, ".field-note");
    note.id = `${id}-note`;
    note.dataset.testid = `${id}-note`;
    template.before(field);
  }
}

/**
 * The fields the member edits, as the core names them and as the page shows
 * them: caps as counts, delays in seconds, with the core's bounds. `note`
 * says, in words, what the core did when the value in force is not the
 * value sent; `hint` says the bounds and the default.
 *
 * @typedef {{
 *   key: PacingKey, id: string, scale: number, missing: string, hint: string,
 *   min: number, max: number,
 *   note: (sent: number, got: number, inForce: PacingSettings) => string,
 * }} PacingField
 */

/**
 * @param {PacingLimits} limits Core.pacingLimits()
 * @returns {PacingField[]}
 */
export function pacingFields(limits) {
  const { hourlyCap, dailyCap, medianDelayMs, minDelayMs } = limits;
  /** A number of seconds, without the word: "30", "4.5". */
  const seconds = (/** @type {number | null} */ ms) => secondsFormat().format(Number(ms) / 1000);
  const aboveBy = medianDelayMs.above?.by ?? 0;
  /**
   * A cap's words, from the message keys of its span (`pacingHourly…`,
   * `pacingDaily…`): what to enter, its bounds, what the core's clamp did.
   *
   * @param {Limit} limit
   * @param {"Hourly" | "Daily"} span
   * @param {string} [missing] the message key of what to enter, when not a removal cap's
   */
  const capWords = (limit, span, missing = `pacing${span}Missing`) => ({
    missing: t(missing, formatCount(limit.min), formatCount(limit.max)),
    hint: t(
      `pacing${span}Hint`,
      formatCount(limit.min),
      formatCount(limit.max),
      formatCount(Number(limit.default)),
    ),
    note: (/** @type {number} */ sent, /** @type {number} */ got) =>
      tn(got < sent ? `pacing${span}Most` : `pacing${span}Least`, got),
  });
  /** @type {Record<PacingKey, Pick<PacingField, "missing" | "hint" | "note">>} */
  const words = {
    hourlyCap: capWords(hourlyCap, "Hourly"),
    dailyCap: capWords(dailyCap, "Daily"),
    withdrawHourlyCap: capWords(limits.withdrawHourlyCap, "Hourly", "pacingCapMissing"),
    withdrawDailyCap: capWords(limits.withdrawDailyCap, "Daily", "pacingCapMissing"),
    unfollowHourlyCap: capWords(limits.unfollowHourlyCap, "Hourly", "pacingCapMissing"),
    unfollowDailyCap: capWords(limits.unfollowDailyCap, "Daily", "pacingCapMissing"),
    overallDailyCap: capWords(limits.overallDailyCap, "Daily", "pacingCapMissing"),
    medianDelayMs: {
      missing: t("pacingMedianMissing", seconds(medianDelayMs.min)),
      hint: t(
        "pacingMedianHint",
        seconds(medianDelayMs.min),
        seconds(aboveBy),
        seconds(medianDelayMs.default),
      ),
      note: (sent, got, inForce) => {
        if (got < sent) return t("pacingMedianLongest", formatSeconds(got));
        if (got === inForce.minDelayMs + aboveBy && got > medianDelayMs.min) {
          return t("pacingMedianAbove", formatSeconds(aboveBy), formatSeconds(got));
        }
        return t("pacingMedianShortest", formatSeconds(got));
      },
    },
    minDelayMs: {
      missing: t("pacingMinMissing", seconds(minDelayMs.min)),
      hint: t("pacingMinHint", seconds(minDelayMs.min), seconds(minDelayMs.default)),
      note: (sent, got) =>
        t(got < sent ? "pacingMinLongest" : "pacingMinShortest", formatSeconds(got)),
    },
  };
  return PACING_INPUTS.map(({ key, id, scale }) => ({
    key,
    id,
    scale,
    min: limits[key].min / scale,
    max: limits[key].max / scale,
    ...words[key],
  }));
}

/**
 * Minutes after midnight from an `<input type="time">` value ("22:30",
 * "07:05:00"), or null when it holds no time.
 *
 * @param {string} value
 */
export function minutesFromTime(value) {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(String(value ?? "").trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/**
 * "HH:MM" for minutes after midnight, as `<input type="time">` holds it;
 * "" for null.
 *
 * @param {number | null | undefined} minutes
 */
export function timeFromMinutes(minutes) {
  if (typeof minutes !== "number" || !Number.isFinite(minutes)) return "";
  const inDay = ((Math.trunc(minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}`;
}

/**
 * Whether settings carry quiet hours the core applies: both ends set and
 * different.
 *
 * @param {Partial<PacingSettings> | null | undefined} settings
 */
export function hasQuietHours(settings) {
  const start = settings?.quietStartMinute;
  const end = settings?.quietEndMinute;
  return typeof start === "number" && typeof end === "number" && start !== end;
}

/**
 * The pace in force, in one sentence.
 *
 * @param {PacingSettings} settings
 */
export function describePacing(settings) {
  const quiet = hasQuietHours(settings)
    ? t(
        "pacingQuietHours",
        timeFromMinutes(settings.quietStartMinute),
        timeFromMinutes(settings.quietEndMinute),
      )
    : t("pacingNoQuietHours");
  return t(
    "pacingDescription",
    formatCount(settings.hourlyCap),
    formatCount(settings.dailyCap),
    formatSeconds(settings.medianDelayMs),
    formatSeconds(settings.minDelayMs),
    quiet,
  );
}

/**
 * What the core changed when it clamped `sent` into `inForce`: one sentence
 * per edited field whose value in force differs, keyed by the field's key.
 *
 * @param {PacingSettings} sent
 * @param {PacingSettings} inForce
 * @param {PacingField[]} fields
 * @returns {Partial<Record<string, string>>}
 */
export function clampNotes(sent, inForce, fields) {
  /** @type {Partial<Record<string, string>>} */
  const notes = {};
  for (const field of fields) {
    const was = Number(sent[field.key]);
    const got = Number(inForce[field.key]);
    if (Number.isFinite(was) && Number.isFinite(got) && was !== got) {
      notes[field.key] = field.note(was, got, inForce);
    }
  }
  const quietSent = hasQuietHours(sent);
  if (
    quietSent &&
    (inForce.quietStartMinute !== sent.quietStartMinute ||
      inForce.quietEndMinute !== sent.quietEndMinute)
  ) {
    notes.quiet = hasQuietHours(inForce)
      ? t(
          "quietSetTo",
          timeFromMinutes(inForce.quietStartMinute),
          timeFromMinutes(inForce.quietEndMinute),
        )
      : t("quietNotKept");
  }
  return notes;
}

/**
 * The options page's pacing controls, looked up once (a missing one is a
 * markup bug, thrown at start). The data-testid hooks are the ones the
 * review page had.
 *
 * @param {Document} doc options.html
 */
export function pacingElements(doc) {
  const { id, testId } = lookups(doc);
  /**
   * @template T
   * @param {(field: (typeof PACING_INPUTS)[number]) => T} look
   * @returns {Record<PacingKey, T>}
   */
  const byKey = (look) =>
    /** @type {Record<PacingKey, T>} */ (
      Object.fromEntries(PACING_INPUTS.map((field) => [field.key, look(field)]))
    );
  return {
    pacingForm: id("pacing-form"),
    pacingDev: testId("pacing-dev-note"),
    pacingInputs: byKey((field) => asInput(testId(field.id))),
    pacingHints: byKey((field) => id(`${field.id}-hint`)),
    pacingNotes: byKey((field) => testId(`${field.id}-note`)),
    quietHours: asInput(testId("quiet-hours")),
    quietStart: asInput(testId("quiet-start")),
    quietEnd: asInput(testId("quiet-end")),
    quietNote: testId("quiet-note"),
    savePacing: asButton(testId("save-pacing")),
    restorePacing: asButton(testId("restore-pacing-defaults")),
    pacingStatus: testId("pacing-status"),
  };
}

/**
 * @typedef {{
 *   doc: Document,
 *   ui: ReturnType<typeof pacingElements>,
 *   extension: any,
 *   pacingDirty: Set<HTMLInputElement>,
 *   later(callback: () => void, ms: number): unknown,
 *   stopped: boolean,
 *   pacingInForce: PacingSettings,
 *   pacingSending: boolean,
 *   queueStore: QueueStore | null,
 *   limits: PacingLimits,
 * }} PacingPage the state the pace form shares with the page that holds it
 */

/**
 * @param {PacingPage} page
 */
export function createPacing(page) {
  const { doc, extension, pacingDirty, ui, limits } = page;
  const fields = pacingFields(limits);
  const defaults = pacingDefaults(limits);
  // The bounds, mirrored for the spinners and said in the hints (the core's
  // clamp stays the authority: the form is novalidate).
  for (const field of fields) {
    const input = ui.pacingInputs[field.key];
    input.min = String(field.min);
    input.max = String(field.max);
    ui.pacingHints[field.key].textContent = field.hint;
  }

  // The removal pace: the member's pacing settings. The page sends them
  // (queue-settings); the core clamps them and the background answers with
  // the settings in force, which the fields then show, with a note by any
  // field the core changed.

  /** The control groups, each filled (or left alone) as one. */
  function pacingGroups() {
    return [
      ...fields.map((field) => ({
        controls: [ui.pacingInputs[field.key]],
        fill: (/** @type {PacingSettings} */ settings) => {
          const value = Number(settings[field.key]);
          ui.pacingInputs[field.key].value = Number.isFinite(value)
            ? String(value / field.scale)
            : "";
        },
      })),
      {
        controls: [ui.quietHours, ui.quietStart, ui.quietEnd],
        fill: (/** @type {PacingSettings} */ settings) => {
          const on = hasQuietHours(settings);
          ui.quietHours.checked = on;
          if (on) {
            ui.quietStart.value = timeFromMinutes(settings.quietStartMinute);
            ui.quietEnd.value = timeFromMinutes(settings.quietEndMinute);
          }
          updateQuietControls();
        },
      },
    ];
  }

  /**
   * Shows `settings` in the fields. Unless `force`, a field the member is
   * editing (changed, or focused) keeps what they typed.
   *
   * @param {PacingSettings} settings
   * @param {boolean} force
   */
  function fillPacing(settings, force) {
    for (const group of pacingGroups()) {
      const editing = group.controls.some(
        (control) => pacingDirty.has(control) || doc.activeElement === control,
      );
      if (force || !editing) group.fill(settings);
    }
    show(ui.pacingDev, settings.devDelayMs !== undefined && settings.devDelayMs !== null);
  }

  /** storage.local.queue.settings, read or changed: the pace in force. */
  function adoptStoredPacing() {
    const stored = asObject(page.queueStore?.settings);
    // Nothing written yet: the defaults (or the last answer) stand.
    if (stored) page.pacingInForce = { ...defaults, ...stored };
    fillPacing(page.pacingInForce, false);
  }

  function updateQuietControls() {
    ui.quietStart.disabled = !ui.quietHours.checked;
    ui.quietEnd.disabled = !ui.quietHours.checked;
  }

  /**
   * @param {HTMLElement} note
   * @param {string} text
   * @param {boolean} [isError]
   */
  function setPacingNote(note, text, isError = false) {
    note.textContent = text;
    note.classList.toggle("is-error", isError);
    show(note, text !== "");
  }

  function clearPacingNotes() {
    for (const field of fields) {
      setPacingNote(ui.pacingNotes[field.key], "");
      ui.pacingInputs[field.key].removeAttribute("aria-invalid");
    }
    setPacingNote(ui.quietNote, "");
    ui.quietStart.removeAttribute("aria-invalid");
    ui.quietEnd.removeAttribute("aria-invalid");
  }

  /**
   * The form's values in the core's units (counts, ms, minutes after local
   * midnight), or the problems that stop them being sent. Out-of-range
   * numbers are sent as typed (the core clamps them and the page says so);
   * only what is not a number at all, and what a u32 cannot hold, is
   * settled here.
   *
   * @returns {{ values: Partial<PacingSettings>, problems: { control: HTMLInputElement, note: HTMLElement, text: string }[] }}
   */
  function readPacingForm() {
    /** @type {Partial<PacingSettings>} */
    const values = {};
    /** @type {{ control: HTMLInputElement, note: HTMLElement, text: string }[]} */
    const problems = [];
    for (const field of fields) {
      const input = ui.pacingInputs[field.key];
      const text = input.value.trim();
      const number = text === "" ? NaN : Number(text);
      if (!Number.isFinite(number)) {
        problems.push({ control: input, note: ui.pacingNotes[field.key], text: field.missing });
        continue;
      }
      values[field.key] = Math.min(U32_MAX, Math.max(0, Math.round(number * field.scale)));
    }
    if (ui.quietHours.checked) {
      const start = minutesFromTime(ui.quietStart.value);
      const end = minutesFromTime(ui.quietEnd.value);
      if (start === null || end === null) {
        problems.push({
          control: start === null ? ui.quietStart : ui.quietEnd,
          note: ui.quietNote,
          text: t("quietChooseBoth"),
        });
      } else if (start === end) {
        problems.push({
          control: ui.quietEnd,
          note: ui.quietNote,
          text: t("quietSameEnds"),
        });
      } else {
        values.quietStartMinute = start;
        values.quietEndMinute = end;
      }
    } else {
      values.quietStartMinute = null;
      values.quietEndMinute = null;
    }
    return { values, problems };
  }

  /** @param {SubmitEvent | Event} event */
  function savePacing(event) {
    event.preventDefault();
    if (page.pacingSending) return;
    clearPacingNotes();
    const { values, problems } = readPacingForm();
    if (problems.length > 0) {
      for (const { control, note, text } of problems) {
        control.setAttribute("aria-invalid", "true");
        setPacingNote(note, text, true);
      }
      setStatus(
        ui.pacingStatus,
        problems.length === 1
          ? t("pacingNotSavedOne")
          : t("pacingNotSavedMany", formatCount(problems.length)),
        true,
      );
      problems[0].control.focus();
      return;
    }
    // Every field, not just the edited ones: the background replaces the
    // settings whole.
    sendPacing({ ...defaults, ...page.pacingInForce, ...values }, t("pacingSaved"));
  }

  function restorePacingDefaults() {
    if (page.pacingSending) return;
    clearPacingNotes();
    sendPacing({ ...defaults }, t("pacingRestored"));
  }

  /**
   * @param {PacingSettings} settings
   * @param {string} done the first words of the status once it is in force
   */
  async function sendPacing(settings, done) {
    page.pacingSending = true;
    // aria-disabled, not disabled: disabling the focused button would drop focus.
    ui.savePacing.setAttribute("aria-disabled", "true");
    ui.restorePacing.setAttribute("aria-disabled", "true");
    setStatus(ui.pacingStatus, t("saving"));
    let answer;
    try {
      answer = await sendMessage({ type: "queue-settings", settings }, extension);
    } catch (error) {
      if (!page.stopped) setStatus(ui.pacingStatus, t("pacingNotSaved", messageOf(error)), true);
      return;
    } finally {
      page.pacingSending = false;
      ui.savePacing.removeAttribute("aria-disabled");
      ui.restorePacing.removeAttribute("aria-disabled");
    }
    if (page.stopped) return;
    /** @type {PacingSettings} */
    const inForce = { ...settings, ...(asObject(answer?.settings) ?? {}) };
    page.pacingInForce = inForce;
    pacingDirty.clear();
    fillPacing(inForce, true);
    const notes = clampNotes(settings, inForce, fields);
    for (const field of fields) {
      setPacingNote(ui.pacingNotes[field.key], notes[field.key] ?? "");
    }
    setPacingNote(ui.quietNote, notes.quiet ?? "");
    const changed = Object.keys(notes).length;
    const clamped =
      changed === 0
        ? ""
        : changed === 1
          ? ` ${t("pacingClampedOne")}`
          : ` ${t("pacingClampedMany", formatCount(changed))}`;
    setStatus(ui.pacingStatus, `${t("pacingDone", done, describePacing(inForce))}${clamped}`);
  }

  /** @param {Event} event */
  function onPacingEdited(event) {
    const control = /** @type {HTMLInputElement} */ (event.target);
    pacingDirty.add(control);
    if (control === ui.quietHours) {
      // Ticking quiet hours with no times yet offers a night: 22:00 until 07:00.
      if (ui.quietHours.checked && !ui.quietStart.value && !ui.quietEnd.value) {
        ui.quietStart.value = "22:00";
        ui.quietEnd.value = "07:00";
      }
      updateQuietControls();
    }
    const field = fields.find((f) => ui.pacingInputs[f.key] === control);
    if (field) {
      setPacingNote(ui.pacingNotes[field.key], "");
      control.removeAttribute("aria-invalid");
    } else {
      setPacingNote(ui.quietNote, "");
      ui.quietStart.removeAttribute("aria-invalid");
      ui.quietEnd.removeAttribute("aria-invalid");
    }
  }

  return { fillPacing, adoptStoredPacing, savePacing, restorePacingDefaults, onPacingEdited };
}
