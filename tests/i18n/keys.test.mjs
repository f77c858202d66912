// The messages themselves: every language has exactly English's keys, with
// the same substitutions ($1…) in each message; no message holds "$1$" (a
// named placeholder to the browsers, which refuse an undefined one); every key
// the pages name in their code or markup exists in English; every plural
// message has its `_other` form.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import test from "node:test";

import { LANGUAGES, messagesOf } from "./messages.mjs";

const EXTENSION = new URL("../../extension/", import.meta.url);
const PAGES = ["lib", "popup", "review", "options"];
const ENGLISH = messagesOf("en");
const substitutions = (message) => [...new Set(message.match(/\$\d/g) ?? [])].sort();

test("netprune ships English and at least de, es, fr, it, nl, pt_BR and tr", () => {
  for (const language of ["en", "de", "es", "fr", "it", "nl", "pt_BR", "tr"]) {
    assert.ok(LANGUAGES.includes(language), `_locales/${language} is missing`);
  }
});

for (const language of LANGUAGES.filter((l) => l !== "en")) {
  test(`${language} has exactly English's keys, each with English's substitutions`, () => {
    const own = messagesOf(language);
    assert.deepEqual(Object.keys(own).sort(), Object.keys(ENGLISH).sort());
    for (const [key, entry] of Object.entries(own)) {
      assert.equal(typeof entry.message, "string", `${language} ${key}`);
      assert.notEqual(entry.message.trim(), "", `${language} ${key} is empty`);
      assert.deepEqual(
        substitutions(entry.message),
        substitutions(ENGLISH[key].message),
        `${language} ${key}: "${entry.message}"`,
      );
    }
  });
}

/**
 * Messages a language words exactly as English does, on purpose: names, and
 * the units and job titles the language borrows. Any other message equal to
 * English is an untranslated copy.
 */
const SAME_AS_ENGLISH = {
  all: ["extName", "popupSourceLinkedIn"],
  de: ["fieldPosition", "checkMarkup"],
  es: ["popupMinutes", "popupHoursMinutes"],
  fr: [
    "popupMinutes",
    "popupHoursMinutes",
    "fieldSource",
    "checkDate",
    "contactMessages_one",
    "contactMessages_other",
    "fieldInvitation",
    "fieldMessages",
  ],
  it: ["popupMinutes", "popupHoursMinutes", "reviewBackupHeading", "checkMarkup", "badgeFollower"],
  nl: ["popupMinutes", "popupGoalConsultant", "popupGoalBusinessDeveloper", "suggestRecruiters"],
  pt_BR: ["popupMinutes", "popupHoursMinutes", "reviewBackupHeading"],
};

for (const language of LANGUAGES.filter((l) => l !== "en")) {
  test(`${language} words differently every message with words, but names and borrowed words`, () => {
    const allowed = [...SAME_AS_ENGLISH.all, ...(SAME_AS_ENGLISH[language] ?? [])];
    const copied = Object.entries(messagesOf(language))
      .filter(([key, entry]) => entry.message === ENGLISH[key]?.message)
      .filter(([, entry]) => /\p{L}{3,}/u.test(entry.message))
      .map(([key]) => key)
      .filter((key) => !allowed.includes(key));
    assert.deepEqual(copied, []);
  });
}

test("no message holds $1$ (the browsers read it as an undefined named placeholder)", () => {
  for (const language of LANGUAGES) {
    for (const [key, entry] of Object.entries(messagesOf(language))) {
      assert.doesNotMatch(entry.message, /\$\d\$|\$[A-Za-z_]+\$/, `${language} ${key}`);
    }
  }
});

test("every English message has a description for translators", () => {
  for (const [key, entry] of Object.entries(ENGLISH)) {
    assert.ok(entry.description, `${key} has no description`);
  }
});

function* sources(folder) {
  for (const name of readdirSync(folder)) {
    const path = new URL(name, folder);
    if (statSync(path).isDirectory()) yield* sources(new URL(`${name}/`, folder));
    else if (/\.(js|html)$/.test(name)) yield path;
  }
}

test("every key the pages name exists in English (plural keys with their _other form)", () => {
  const named = [];
  const files = [...PAGES.flatMap((p) => [...sources(new URL(`${p}/`, EXTENSION))])];
  files.push(new URL("review.html", EXTENSION));
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const [, key] of text.matchAll(/\bt\(\s*"([A-Za-z0-9_]+)"/g)) named.push(key);
    for (const [, key] of text.matchAll(/\btn(?:As)?\(\s*"([A-Za-z0-9_]+)"/g))
      named.push(`${key}_other`);
    for (const [, key] of text.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) named.push(key);
  }
  assert.ok(named.length > 50, "the scan found the pages' keys");
  const missing = [...new Set(named)].filter((key) => !(key in ENGLISH));
  assert.deepEqual(missing, []);
  for (const key of Object.keys(ENGLISH).filter((k) => k.endsWith("_one"))) {
    assert.ok(`${key.slice(0, -4)}_other` in ENGLISH, `${key} has no _other form`);
  }
});
