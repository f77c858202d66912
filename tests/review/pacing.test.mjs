// The removal pace settings, on the options page (options/options.html), and
// the review page's way to it.
// Run: node --test tests/review/
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  byTestId,
  click,
  isShown,
  settle,
  text,
  type,
  waitFor,
  seriousViolations,
} from "./dom.mjs";
import { Core, openReview, queueState } from "./helpers.mjs";
import {
  CORE_DEFAULTS,
  CUSTOM_PACING,
  pacingBackground,
  openPacing,
  pressAndWait,
  sentSettings,
} from "./pacing-helpers.mjs";

test("pacing_fields_show_the_settings_in_force_and_follow_storage_without_clobbering_an_edit", async (t) => {
  const fresh = await openPacing(t);
  assert.deepEqual(
    fresh.values(),
    { hourly: "15", daily: "60", median: "45", min: "20", quiet: false, start: "", end: "" },
    "nothing stored yet: the defaults",
  );
  assert.equal(byTestId(fresh.doc, "quiet-start").disabled, true, "times off with quiet hours");

  const { dom, doc, extension, field, values } = await openPacing(t, { settings: CUSTOM_PACING });
  const section = byTestId(doc, "pacing-settings");
  assert.equal(section.tagName, "SECTION", "the options page shows the pace open");
  assert.equal(text(section.querySelector("h2")), "Removal pace");
  assert.match(
    text(section),
    /LinkedIn publishes no removal limit and watches volume and regularity; a restricted account costs far more than a slow cleanup\./,
  );
  assert.deepEqual(values(), {
    hourly: "12",
    daily: "50",
    median: "60",
    min: "25",
    quiet: true,
    start: "22:00",
    end: "07:00",
  });
  assert.equal(field("quiet-start").disabled, false);
  // The core's limits, mirrored for the spinners (its clamp is the authority)...
  assert.deepEqual(
    ["hourly-cap", "daily-cap", "median-delay", "min-delay"].map((id) => [
      field(id).min,
      field(id).max,
    ]),
    [
      ["1", "30"],
      ["1", "120"],
      ["30", "1800"],
      ["15", "1800"],
    ],
  );
  // ... and said in the hints, all from Core.pacingLimits().
  const limits = Core.pacingLimits();
  assert.equal(
    text(doc.getElementById("hourly-cap-hint")),
    `${limits.hourlyCap.min} to ${limits.hourlyCap.max} in any hour; ${limits.hourlyCap.default} by default.`,
  );
  assert.equal(
    text(doc.getElementById("daily-cap-hint")),
    "1 to 120 in any 24 hours; 60 by default.",
  );
  assert.match(
    text(doc.getElementById("median-delay-hint")),
    /^At least 30, and 5 more than the shortest pause; 45 by default\./,
  );
  assert.equal(text(doc.getElementById("min-delay-hint")), "At least 15; 20 by default.");
  assert.ok(!isShown(byTestId(doc, "pacing-dev-note")));

  // The member is typing an hourly cap when the background writes new settings.
  await type(dom, field("hourly-cap"), "20");
  extension.write({
    queue: { ...queueState(), settings: { ...CUSTOM_PACING, hourlyCap: 14, dailyCap: 70 } },
  });
  assert.equal(field("hourly-cap").value, "20", "the field being edited keeps what was typed");
  assert.equal(field("daily-cap").value, "70", "the others follow storage");

  // A focused field that was not changed is left alone while focused, then catches up.
  field("min-delay").focus();
  extension.write({
    queue: { ...queueState(), settings: { ...CUSTOM_PACING, minDelayMs: 30_000 } },
  });
  assert.equal(field("min-delay").value, "25");
  field("min-delay").blur();
  await waitFor(() => field("min-delay").value === "30", "the blurred field to catch up");
  assert.equal(field("hourly-cap").value, "20", "still the member's edit");
});

test("save_sends_every_setting_in_the_cores_units_with_quiet_hours_in_minutes", async (t) => {
  const { dom, doc, extension, field, values } = await openPacing(t, {
    settings: CUSTOM_PACING,
  });
  await type(dom, field("hourly-cap"), "20");
  await type(dom, field("daily-cap"), "80");
  await type(dom, field("median-delay"), "50");
  await type(dom, field("min-delay"), "27.5");
  await type(dom, field("quiet-start"), "22:30");
  await type(dom, field("quiet-end"), "06:15");
  const status = await pressAndWait(dom, doc, "save-pacing");

  assert.deepEqual(sentSettings(extension), [
    {
      ...CUSTOM_PACING, // the fields the page does not show are sent as they were
      hourlyCap: 20,
      dailyCap: 80,
      medianDelayMs: 50_000,
      minDelayMs: 27_500,
      quietStartMinute: 1350,
      quietEndMinute: 375,
    },
  ]);
  assert.equal(
    status,
    "Saved. At most 20 removals an hour and 80 a day, pauses of about 50 seconds and never under 27.5 seconds, quiet hours 22:30 to 06:15.",
  );
  assert.deepEqual(values(), {
    hourly: "20",
    daily: "80",
    median: "50",
    min: "27.5",
    quiet: true,
    start: "22:30",
    end: "06:15",
  });
  for (const id of ["hourly-cap-note", "daily-cap-note", "median-delay-note", "min-delay-note"]) {
    assert.ok(!isShown(byTestId(doc, id)), `${id}: nothing was clamped`);
  }

  // Nothing stored yet: the page starts from the defaults and still sends every field.
  const fresh = await openPacing(t);
  await type(fresh.dom, fresh.field("hourly-cap"), "10");
  await pressAndWait(fresh.dom, fresh.doc, "save-pacing");
  assert.deepEqual(sentSettings(fresh.extension), [{ ...CORE_DEFAULTS, hourlyCap: 10 }]);
});

test("a_clamped_answer_shows_the_settings_in_force_and_says_what_netprune_allows", async (t) => {
  const { dom, doc, extension, field, values } = await openPacing(t, {
    settings: CUSTOM_PACING,
  });
  await type(dom, field("hourly-cap"), "45");
  await type(dom, field("daily-cap"), "500");
  await type(dom, field("median-delay"), "20");
  await type(dom, field("min-delay"), "10");
  const status = await pressAndWait(dom, doc, "save-pacing");

  const [sent] = sentSettings(extension);
  assert.deepEqual(
    [sent.hourlyCap, sent.dailyCap, sent.medianDelayMs, sent.minDelayMs],
    [45, 500, 20_000, 10_000],
    "the page sends what was typed; the core clamps",
  );
  assert.deepEqual(
    [values().hourly, values().daily, values().median, values().min],
    ["30", "120", "30", "15"],
    "the fields show the settings in force",
  );
  const note = (id) => byTestId(doc, `${id}-note`);
  assert.equal(text(note("hourly-cap")), "30 per hour is the most netprune allows.");
  assert.equal(text(note("daily-cap")), "120 per day is the most netprune allows.");
  assert.equal(
    text(note("median-delay")),
    "30 seconds is the shortest typical pause netprune allows.",
  );
  assert.equal(text(note("min-delay")), "15 seconds is the shortest pause netprune allows.");
  for (const id of ["hourly-cap", "daily-cap", "median-delay", "min-delay"]) {
    assert.ok(isShown(note(id)), `${id}: the note shows`);
    assert.ok(
      field(id).getAttribute("aria-describedby").split(" ").includes(`${id}-note`),
      `${id}: the note describes the field`,
    );
  }
  assert.match(status, /4 values were changed to fit netprune's limits; see the notes by them\.$/);

  // Editing a field again clears its note; the others stay.
  await type(dom, field("hourly-cap"), "25");
  assert.ok(!isShown(note("hourly-cap")));
  assert.ok(isShown(note("daily-cap")));

  // The typical pause is kept 5 seconds above the shortest.
  await type(dom, field("min-delay"), "40");
  await type(dom, field("median-delay"), "42");
  await pressAndWait(dom, doc, "save-pacing");
  assert.equal(values().median, "45");
  assert.equal(
    text(note("median-delay")),
    "The typical pause must be at least 5 seconds longer than the shortest pause, so netprune made it 45 seconds.",
  );
  assert.ok(!isShown(note("hourly-cap")), "25 an hour was kept as sent");
  assert.ok(!isShown(note("daily-cap")), "120 a day was kept as sent");
  assert.match(text(byTestId(doc, "pacing-status")), /One value was changed/);
});

test("restore_defaults_sends_the_documented_defaults", async (t) => {
  const { dom, doc, extension, values } = await openPacing(t, { settings: CUSTOM_PACING });
  const status = await pressAndWait(dom, doc, "restore-pacing-defaults");
  assert.deepEqual(sentSettings(extension), [CORE_DEFAULTS]);
  assert.deepEqual(values(), {
    hourly: "15",
    daily: "60",
    median: "45",
    min: "20",
    quiet: false,
    start: "22:00", // kept in the field, off, for the next time quiet hours are ticked
    end: "07:00",
  });
  assert.equal(byTestId(doc, "quiet-start").disabled, true);
  assert.equal(
    status,
    "Defaults restored. At most 15 removals an hour and 60 a day, pauses of about 45 seconds and never under 20 seconds, no quiet hours.",
  );
});

test("quiet_hours_off_sends_nulls_and_on_sends_minutes", async (t) => {
  const { dom, doc, extension, field } = await openPacing(t, { settings: CUSTOM_PACING });
  const quiet = field("quiet-hours");
  quiet.checked = false;
  quiet.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.equal(field("quiet-start").disabled, true);
  assert.equal(field("quiet-end").disabled, true);
  await pressAndWait(dom, doc, "save-pacing");
  const [off] = sentSettings(extension);
  assert.equal(off.quietStartMinute, null);
  assert.equal(off.quietEndMinute, null);
  assert.deepEqual(off, { ...CUSTOM_PACING, quietStartMinute: null, quietEndMinute: null });
  assert.match(text(byTestId(doc, "pacing-status")), /no quiet hours\.$/);

  // Ticked again with no times in the fields, it offers a night.
  const fresh = await openPacing(t);
  const box = fresh.field("quiet-hours");
  box.checked = true;
  box.dispatchEvent(new fresh.dom.window.Event("change", { bubbles: true }));
  assert.equal(fresh.field("quiet-start").disabled, false);
  assert.equal(fresh.field("quiet-start").value, "22:00");
  assert.equal(fresh.field("quiet-end").value, "07:00");
  await pressAndWait(fresh.dom, fresh.doc, "save-pacing");
  const [on] = sentSettings(fresh.extension);
  assert.deepEqual([on.quietStartMinute, on.quietEndMinute], [1320, 420]);
});

test("a_blank_field_or_equal_quiet_times_are_not_sent_and_a_refusal_keeps_the_edits", async (t) => {
  let refuse = "netprune is still restoring your network; try again.";
  const { dom, doc, extension, field } = await openPacing(t, {
    settings: CUSTOM_PACING,
    answer: (message) => (refuse ? { ok: false, error: refuse } : pacingBackground(message)),
  });
  await type(dom, field("daily-cap"), "");
  await type(dom, field("quiet-end"), "22:00");
  click(dom, byTestId(doc, "save-pacing"));
  await settle();
  assert.equal(sentSettings(extension).length, 0, "nothing sent");
  assert.equal(field("daily-cap").getAttribute("aria-invalid"), "true");
  assert.equal(
    text(byTestId(doc, "daily-cap-note")),
    "Enter how many removals a day, from 1 to 120.",
  );
  assert.equal(
    text(byTestId(doc, "quiet-note")),
    "Quiet hours need an end that differs from their start.",
  );
  assert.equal(doc.activeElement, field("daily-cap"), "focus on the first problem");
  assert.equal(
    text(byTestId(doc, "pacing-status")),
    "Not saved: 2 fields need a value; see the notes by them.",
  );

  await type(dom, field("daily-cap"), "90");
  await type(dom, field("quiet-end"), "06:00");
  assert.ok(!isShown(byTestId(doc, "daily-cap-note")), "editing clears the problem");
  const status = await pressAndWait(dom, doc, "save-pacing");
  assert.equal(status, "Not saved: netprune is still restoring your network; try again.");
  assert.ok(byTestId(doc, "pacing-status").classList.contains("is-error"));
  assert.equal(field("daily-cap").value, "90", "the edit is still there to send again");

  refuse = null;
  await pressAndWait(dom, doc, "save-pacing");
  assert.equal(sentSettings(extension).length, 2);
  assert.deepEqual(
    [sentSettings(extension)[1].dailyCap, sentSettings(extension)[1].quietEndMinute],
    [90, 360],
  );
});

test("development_pacing_says_the_limits_are_not_applied", async (t) => {
  const { doc, extension } = await openPacing(t, {
    settings: { ...CUSTOM_PACING, devDelayMs: 1500 },
  });
  const note = byTestId(doc, "pacing-dev-note");
  assert.ok(isShown(note));
  assert.equal(
    text(note),
    "Development pacing is on: these limits are not applied in this test install.",
  );
  extension.write({ queue: { ...queueState(), settings: CUSTOM_PACING } });
  assert.ok(!isShown(note), "gone once the background turns it off");

  const plain = await openPacing(t, { settings: CUSTOM_PACING });
  assert.ok(!isShown(byTestId(plain.doc, "pacing-dev-note")));
});

test("axe_finds_no_serious_or_critical_violations_in_the_removal_pace", async (t) => {
  const { dom, doc, field } = await openPacing(t, {
    settings: { ...CUSTOM_PACING, devDelayMs: 1500 },
  });
  await type(dom, field("hourly-cap"), "45");
  await pressAndWait(dom, doc, "save-pacing");
  assert.ok(isShown(byTestId(doc, "hourly-cap-note")));
  assert.deepEqual(await seriousViolations(dom, byTestId(doc, "pacing-settings")), []);
  // Every control has a name a screen reader says.
  for (const control of byTestId(doc, "pacing-settings").querySelectorAll("input")) {
    assert.ok(doc.querySelector(`label[for="${control.id}"]`) || control.closest("label"));
  }
});

test("the_review_page_opens_the_removal_pace_on_the_options_page", async (t) => {
  const { dom, doc, extension } = await openReview(t);
  assert.equal(byTestId(doc, "pacing-settings"), null, "the pace is no longer on the review page");
  const link = byTestId(doc, "open-options");
  assert.ok(isShown(link));
  assert.equal(link.getAttribute("href"), "options/options.html");
  const event = new dom.window.MouseEvent("click", { bubbles: true, cancelable: true });
  link.dispatchEvent(event);
  assert.equal(extension.optionsPage.opened, 1, "runtime.openOptionsPage was called");
  assert.equal(event.defaultPrevented, true, "the link itself is not followed");
});

test("the_other_kinds_caps_and_the_overall_ceiling_show_their_defaults_save_and_are_clamped", async (t) => {
  const { dom, doc, extension, field } = await openPacing(t, { settings: CUSTOM_PACING });
  // Each kind's own caps and the ceiling on all of them, with the core's defaults.
  assert.equal(field("withdraw-hourly-cap").value, "10");
  assert.equal(field("withdraw-daily-cap").value, "40");
  assert.equal(field("unfollow-hourly-cap").value, "15");
  assert.equal(field("unfollow-daily-cap").value, "60");
  assert.equal(field("overall-daily-cap").value, "100");
  assert.equal(
    text(doc.querySelector('label[for="withdraw-daily-cap"]')),
    "Invitations withdrawn per day",
  );
  await type(dom, field("withdraw-daily-cap"), "25");
  await type(dom, field("overall-daily-cap"), "500");
  await pressAndWait(dom, doc, "save-pacing");
  const [sent] = sentSettings(extension);
  assert.equal(sent.withdrawDailyCap, 25);
  assert.equal(sent.overallDailyCap, 500);
  // The core brings the ceiling back to the most it allows, and says so.
  await waitFor(() => field("overall-daily-cap").value === "200", "the clamped ceiling");
  assert.match(text(field("overall-daily-cap-note")), /200 per day is the most netprune allows\./);
});
