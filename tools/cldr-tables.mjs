// Writes linkedin/cldr/dates.json: for each of LinkedIn's UI languages, the
// month names, the long and medium date patterns and the number symbols
// (decimal and group separators, digits, short "compact" suffixes such as
// "K" or "Tsd.") from Unicode CLDR, as the npm packages cldr-dates-modern and
// cldr-numbers-modern ship them. Nothing here is typed by hand but the list of
// languages and the legacy language codes LinkedIn's pages may carry; build.rs
// turns the written table into the core's static Rust table, and
// `./build.sh test` checks the committed file is what this script writes.
//
//   node tools/cldr-tables.mjs          write the table
//   node tools/cldr-tables.mjs --check  exit 1 when the committed table differs

import { createRequire } from "node:module";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "linkedin/cldr/dates.json");

// LinkedIn's UI languages (its language selector, about 36), by CLDR locale.
// English also takes en-GB's patterns: the evidence shows English cards
// written day first ("Connected on 8 September 2026", docs/LINKEDIN.md).
const LANGUAGES = {
  ar: ["ar"],
  bn: ["bn"],
  cs: ["cs"],
  da: ["da"],
  de: ["de"],
  el: ["el"],
  en: ["en", "en-GB"],
  es: ["es"],
  fi: ["fi"],
  fil: ["fil"],
  fr: ["fr"],
  he: ["he"],
  hi: ["hi"],
  hu: ["hu"],
  id: ["id"],
  it: ["it"],
  ja: ["ja"],
  ko: ["ko"],
  mr: ["mr"],
  ms: ["ms"],
  nb: ["nb"],
  nl: ["nl"],
  pa: ["pa"],
  pl: ["pl"],
  pt: ["pt"],
  ro: ["ro"],
  ru: ["ru"],
  sv: ["sv"],
  te: ["te"],
  th: ["th"],
  tr: ["tr"],
  uk: ["uk"],
  vi: ["vi"],
  zh: ["zh"],
  "zh-hant": ["zh-Hant"],
};

// Older codes for the same languages that a page's <html lang> may carry
// (Java's locale codes: "in", "iw", "no", "tl"), and regions that mean
// Traditional Chinese. Matched after lower-casing, the region first.
const ALIASES = {
  in: "id",
  iw: "he",
  no: "nb",
  tl: "fil",
  "zh-tw": "zh-hant",
  "zh-hk": "zh-hant",
  "zh-mo": "zh-hant",
};

const unique = (list) => [...new Set(list)];

/** @param {string} locale */
function gregorian(locale) {
  const file = require(`cldr-dates-modern/main/${locale}/ca-gregorian.json`);
  return file.main[locale].dates.calendars.gregorian;
}

/** @param {string} locale */
function numbers(locale) {
  return require(`cldr-numbers-modern/main/${locale}/numbers.json`).main[locale].numbers;
}

/**
 * The digit zero of a numbering system, as the runtime's ICU writes it, or
 * null when its digits are not ten consecutive code points.
 * @param {string} system
 */
function zeroOf(system) {
  const digits = [
    ...new Intl.NumberFormat(`en-u-nu-${system}`, { useGrouping: false }).format(1234567890),
  ];
  const zero = digits[9].codePointAt(0) ?? 0;
  const consecutive = digits.every((d, i) => d.codePointAt(0) === zero + ((i + 1) % 10));
  return consecutive ? String.fromCodePoint(zero) : null;
}

/** One language's entry. @param {string[]} locales */
function entry(locales) {
  const months = Array.from({ length: 12 }, () => /** @type {string[]} */ ([]));
  const dates = [];
  for (const locale of locales) {
    const cal = gregorian(locale);
    for (const context of ["format", "stand-alone"]) {
      for (const width of ["wide", "abbreviated"]) {
        const names = cal.months[context][width];
        for (let m = 1; m <= 12; m += 1) months[m - 1].push(names[m]);
      }
    }
    // Long and medium only: the short forms write two-digit years, the
    // full ones a weekday, neither of which a card shows.
    dates.push(cal.dateFormats.long, cal.dateFormats.medium);
  }
  const num = numbers(locales[0]);
  const system = num.defaultNumberingSystem;
  // The digits pages may write: the default system's and the native one's
  // (LinkedIn writes local-script digits, code index id 69052184856), and
  // full-width digits in Chinese and Japanese (the same source). Only
  // systems whose ten digits are consecutive code points are kept: the
  // core reads a digit as its distance from zero.
  const systems = [system, num.otherNumberingSystems?.native ?? system];
  if (["ja", "zh", "zh-Hant"].includes(locales[0])) systems.push("fullwide");
  const zeros = unique(systems.map(zeroOf).filter((zero) => zero !== null));
  const symbols = num[`symbols-numberSystem-${system}`];
  const short = num[`decimalFormats-numberSystem-${system}`].short.decimalFormat;
  // "1000-count-other": "0K" -> ["K", 1000]; "1000000-count-other": "000万"
  // -> ["万", 10000]: the unit is the key's power of ten over the zeros'.
  const compact = {};
  for (const [key, pattern] of Object.entries(short)) {
    const power = /^1(0+)-count-/.exec(key);
    const zeros = /0+/.exec(pattern);
    if (!power || !zeros || pattern === "0") continue;
    const suffix = pattern.replace(/0+/, "").replaceAll("'", "").trim();
    if (suffix === "" || /^0/.test(pattern) === false) continue;
    const unit = power[1].length - zeros[0].length + 1;
    // Up to hundreds of millions (万 is 10⁴, 億 10⁸, lakh 10⁵): no count on
    // LinkedIn is larger. "K" and "M" are read in every language already.
    const everywhere = (suffix === "K" && unit === 3) || (suffix === "M" && unit === 6);
    if (unit <= 8 && !everywhere && compact[suffix] === undefined) compact[suffix] = unit;
  }
  return {
    months: months.map(unique),
    dates: unique(dates),
    zeros: zeros.join(""),
    decimal: symbols.decimal,
    group: symbols.group,
    compact,
  };
}

function table() {
  const languages = {};
  for (const [language, locales] of Object.entries(LANGUAGES)) languages[language] = entry(locales);
  const version = require("cldr-dates-modern/package.json").version;
  return {
    about: `Unicode CLDR ${version} (npm cldr-dates-modern, cldr-numbers-modern), written by tools/cldr-tables.mjs: do not edit. Per LinkedIn UI language: month names (format and stand-alone, wide and abbreviated), the long and medium date patterns, the digit zeros of its default and native digits, decimal and group symbols, and short compact suffixes with their power of ten (up to 10⁸, without the K and M every language reads).`,
    aliases: ALIASES,
    languages,
  };
}

// Formatted as prettier formats the repository's JSON, so the committed
// file passes `prettier --check` as written.
const options = (await prettier.resolveConfig(OUT)) ?? {};
const text = await prettier.format(JSON.stringify(table()), { ...options, parser: "json" });

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(OUT, "utf8");
  } catch {
    // No table yet: it differs.
  }
  if (committed !== text) {
    console.error(
      "linkedin/cldr/dates.json is not what tools/cldr-tables.mjs writes: run node tools/cldr-tables.mjs",
    );
    process.exit(1);
  }
} else {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, text);
}
