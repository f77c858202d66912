// The options page (the removal pace) in every language netprune ships
// besides English: opened in jsdom with that language's messages.json and
// driven through its states (the settings in force with development pacing,
// a save the core clamps, a save refused for blank and equal fields, a
// refusal from the background, defaults restored), it must show no English
// word of en/messages.json that the language words differently.
import assert from "node:assert/strict";
import test from "node:test";

import { missingKeys } from "../../extension/lib/i18n.js";
import { click, settle, text, type, waitFor } from "../review/dom.mjs";
import { CUSTOM_PACING, openPacing, pacingBackground } from "../review/pacing-helpers.mjs";
import { i18nFor, LANGUAGES } from "./messages.mjs";
import { untranslated } from "./untranslated.mjs";

function assertTranslated(doc, language, state) {
  assert.deepEqual(untranslated(doc, language), [], `${language}, ${state}`);
  assert.deepEqual([...missingKeys], [], `${language}, ${state}: keys no messages.json holds`);
}

/** Presses a button and waits until the status no longer says it is saving. */
async function press(dom, doc, language, testId) {
  const saving = i18nFor(language).getMessage("saving");
  const status = doc.querySelector('[data-testid="pacing-status"]');
  click(dom, doc.querySelector(`[data-testid="${testId}"]`));
  await waitFor(() => text(status) !== "" && text(status) !== saving, "the answer");
}

for (const language of LANGUAGES.filter((l) => l !== "en")) {
  test(`the options page in ${language} shows no English: in force, clamped, refused, restored`, async (t) => {
    let refuse = null;
    const { dom, doc, field } = await openPacing(t, {
      settings: { ...CUSTOM_PACING, devDelayMs: 1500 },
      language,
      answer: (message) => (refuse ? { ok: false, error: refuse } : pacingBackground(message)),
    });
    assert.equal(doc.documentElement.lang, language.replace("_", "-"));
    assertTranslated(doc, language, "settings in force, development pacing");

    // Every field clamped, quiet hours moved.
    await type(dom, field("hourly-cap"), "45");
    await type(dom, field("daily-cap"), "500");
    await type(dom, field("median-delay"), "20");
    await type(dom, field("min-delay"), "10");
    await press(dom, doc, language, "save-pacing");
    assertTranslated(doc, language, "clamped save");
    await type(dom, field("hourly-cap"), "0");
    await type(dom, field("min-delay"), "40");
    await type(dom, field("median-delay"), "42");
    await press(dom, doc, language, "save-pacing");
    assertTranslated(doc, language, "clamped the other way");

    // Blank and equal fields: nothing sent.
    await type(dom, field("daily-cap"), "");
    await type(dom, field("median-delay"), "");
    await type(dom, field("quiet-end"), "22:00");
    click(dom, doc.querySelector('[data-testid="save-pacing"]'));
    await settle();
    assertTranslated(doc, language, "blank and equal fields");
    await type(dom, field("median-delay"), "");
    click(dom, doc.querySelector('[data-testid="save-pacing"]'));
    await settle();
    await type(dom, field("daily-cap"), "90");
    await type(dom, field("median-delay"), "60");
    await type(dom, field("quiet-start"), "");
    click(dom, doc.querySelector('[data-testid="save-pacing"]'));
    await settle();
    assertTranslated(doc, language, "one blank time");

    // Refused by the background, then accepted; then the defaults.
    await type(dom, field("quiet-start"), "22:00");
    await type(dom, field("quiet-end"), "06:00");
    refuse = "refused";
    await press(dom, doc, language, "save-pacing");
    assertTranslated(doc, language, "refused");
    refuse = null;
    await press(dom, doc, language, "save-pacing");
    assertTranslated(doc, language, "saved");
    await press(dom, doc, language, "restore-pacing-defaults");
    assertTranslated(doc, language, "defaults restored");
  });
}
