// The browser's i18n API for the page tests, from the extension's own
// _locales/*/messages.json: getMessage as Chrome and Firefox answer it (the
// chosen language's message, else the default language's, English; `$1`…`$9`
// filled from the substitutions, named $PLACEHOLDERS$ from their content,
// "$$" a dollar sign; "" for a key no language has) and getUILanguage.
import { readdirSync, readFileSync } from "node:fs";

const LOCALES = new URL("../../extension/_locales/", import.meta.url);

/** Every language folder of _locales ("de", "pt_BR"…). */
export const LANGUAGES = readdirSync(LOCALES).sort();

/** A language's messages.json, parsed. */
export function messagesOf(language) {
  return JSON.parse(readFileSync(new URL(`${language}/messages.json`, LOCALES), "utf8"));
}

/** One message with its placeholders and substitutions filled, as the browsers do. */
export function fill(entry, substitutions = []) {
  const subs = (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  const named = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const positional = (text) =>
    text.replace(/\$(\d|\$)/g, (all, what) =>
      what === "$" ? "$" : (subs[Number(what) - 1] ?? ""),
    );
  return positional(
    entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (all, name) => named[name.toLowerCase()] ?? ""),
  );
}

/** The `i18n` of a stub extension API showing the pages in `language` ("en", "pt_BR"). */
export function i18nFor(language = "en") {
  const chosen = messagesOf(language);
  const english = messagesOf("en");
  return {
    getMessage(key, substitutions) {
      const entry = chosen[key] ?? english[key];
      return entry ? fill(entry, substitutions) : "";
    },
    getUILanguage: () => language.replace("_", "-"),
  };
}
