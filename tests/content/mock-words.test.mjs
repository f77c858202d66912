// The mock LinkedIn site in each language (issue 12, part 5): its words
// table (tests/mock-site/words.mjs) is complete in every language, its
// evidence-bearing words are exactly what the sources show (written again
// here, by hand, so a typo in the table fails), and the pages it serves in a
// language are worded, grouped and dated in it. English stays what it was.
// The mock alone: no content script, no core.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { JSDOM } from "jsdom";
import { PATHS, createMockSite } from "../mock-site/site.mjs";
import {
  LANGUAGES,
  UNKNOWN_REMOVAL_LANGUAGE,
  WORDS,
  WORD_KEYS,
  connectedLineIn,
  fill,
  formatCountIn,
  wordsFor,
} from "../mock-site/words.mjs";

const ORIGIN = "https://www.linkedin.com";
const placeholders = (template) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * A mock page rendered in jsdom: the served HTML, then the page's own
 * scripts run in order, then `settleMs` for its timers (render delays).
 */
async function rendered(site, path, settleMs = 60) {
  const answer = site.handle(`${ORIGIN}${path}`);
  assert.ok(answer, `the mock serves ${path}`);
  const dom = new JSDOM(answer.body, { url: `${ORIGIN}${path}`, runScripts: "outside-only" });
  for (const script of dom.window.document.querySelectorAll("script[src]")) {
    dom.window.eval(site.handle(`${ORIGIN}${script.getAttribute("src")}`).body);
  }
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return { html: answer.body, dom, document: dom.window.document, window: dom.window };
}

const text = (node) => (node?.textContent ?? "").replace(/\s+/g, " ").trim();

describe("the mock's words table", () => {
  test("lists en, tr, pt-BR, de and fr, with German as the language whose removal words are unknown", () => {
    assert.deepEqual(LANGUAGES, ["en", "tr", "pt-BR", "de", "fr"]);
    assert.deepEqual(Object.keys(WORDS), LANGUAGES);
    assert.equal(UNKNOWN_REMOVAL_LANGUAGE, "de");
    assert.throws(() => wordsFor("xx"), /unknown language "xx"/);
    assert.throws(() => createMockSite({ language: "sv" }), /unknown language "sv"/);
  });

  for (const language of LANGUAGES) {
    test(`${language} has every key, each a non-empty string with English's placeholders`, () => {
      const words = WORDS[language];
      assert.deepEqual(Object.keys(words).sort(), [...WORD_KEYS].sort());
      for (const key of WORD_KEYS) {
        assert.equal(typeof words[key], "string", key);
        assert.notEqual(words[key].trim(), "", key);
        assert.deepEqual(placeholders(words[key]), placeholders(WORDS.en[key]), key);
      }
    });
  }

  test("every word outside English says in words.mjs whether it has evidence", () => {
    // Each key's line in a non-English entry, or the comment line above it,
    // names its evidence or says it has none (the mock's assumption).
    const lines = readFileSync(new URL("../mock-site/words.mjs", import.meta.url), "utf8").split(
      "\n",
    );
    for (const language of LANGUAGES.filter((l) => l !== "en")) {
      const start = lines.findIndex(
        (line) =>
          line.startsWith(`  ${JSON.stringify(language)}: {`) ||
          line.startsWith(`  ${language}: {`),
      );
      assert.ok(start > 0, `${language}'s entry`);
      const end = lines.findIndex((line, i) => i > start && line === "  },");
      for (const key of WORD_KEYS.filter((k) => k !== "locale")) {
        const at = lines.findIndex(
          (line, i) => i > start && i < end && line.startsWith(`    ${key}:`),
        );
        assert.ok(at > start, `${language}.${key} is in its entry`);
        let first = at;
        while (lines[first - 1].trim().startsWith("//")) first -= 1;
        const said = lines.slice(first, at + 1).join(" ");
        assert.match(said, /evidence/, `${language}.${key} says where its words come from`);
      }
    }
  });

  test("the words the sources show are written exactly", () => {
    // Written again from /work/shared/LINKEDIN-MARKUP.md and docs/LINKEDIN.md.
    assert.equal(
      fill(WORDS.tr.connectionsTotal, { n: formatCountIn("tr", 1217) }),
      "1.217 bağlantı",
    );
    assert.equal(connectedLineIn("tr", "2024-08-22"), "Bağlantı kurulma tarihi: 22 Ağustos 2024");
    assert.equal(connectedLineIn("tr", "2023-05-03"), "Bağlantı kurulma tarihi: 3 Mayıs 2023");
    assert.equal(
      fill(WORDS.tr.moreActionsFor, { name: "Ayşe Yılmaz" }),
      "Ayşe Yılmaz için diğer işlemler",
    );
    assert.equal(WORDS.tr.removeConnection, "Bağlantıyı kaldır");
    assert.equal(WORDS.tr.confirm, "Bağlantıyı kaldır");
    assert.equal(WORDS.tr.confirmOlder, "Kaldır");
    assert.equal(WORDS["pt-BR"].removeConnection, "Remover conexão");
    assert.equal(WORDS["pt-BR"].confirm, "Remover conexão");
    assert.equal(WORDS["pt-BR"].cancel, "Cancelar");
    assert.equal(fill(WORDS.de.connectionsTotal, { n: formatCountIn("de", 491) }), "491 Kontakte");
    assert.equal(fill(WORDS.de.connectionsCount, { n: "500+" }), "500+ Kontakte");
    assert.equal(
      fill(WORDS.de.followersCount, { n: formatCountIn("de", 7892) }),
      "7.892 Follower:innen",
    );
    assert.equal(
      fill(WORDS.en.connectionsTotal, { n: formatCountIn("en", 1217) }),
      "1,217 connections",
    );
    assert.equal(connectedLineIn("en", "2026-06-24"), "Connected on June 24, 2026");
  });

  test("digits are grouped as each language groups them", () => {
    assert.equal(formatCountIn("en", 1217), "1,217");
    assert.equal(formatCountIn("tr", 1217), "1.217");
    assert.equal(formatCountIn("de", 1217), "1.217");
    assert.equal(formatCountIn("pt-BR", 1217), "1.217");
    assert.equal(formatCountIn("de", 30000), "30.000");
  });

  test("an English page's words are words.mjs's English, and the page scripts hold no words of their own", async () => {
    const site = createMockSite({ renderDelayMs: 0, count: 3 });
    const { window } = await rendered(site, PATHS.feed, 0);
    assert.deepEqual({ ...window.MockLinkedIn.words }, WORDS.en);
    const common = readFileSync(new URL("../mock-site/assets/common.js", import.meta.url), "utf8");
    assert.doesNotMatch(common, /myNetwork: "My Network"/, "a second copy of the English words");
  });
});

describe("the mock's pages in another language", () => {
  test("English pages carry the English words and say lang=en", async () => {
    const site = createMockSite({ count: 1217, renderDelayMs: 0 });
    for (const path of Object.values(PATHS)) {
      const { html } = await rendered(site, path, 0);
      assert.match(html, /^<!doctype html>\n<html lang="en">/);
      assert.match(html, /"words":\{"locale":"en-US"/);
    }
    assert.equal(site.language, "en");
    assert.equal(site.people[5].connectedText.startsWith("Connected on "), true);
  });

  for (const generation of ["sdui-2026", "react-2025", "artdeco"]) {
    test(`tr: the ${generation} connections page is in Turkish`, async () => {
      const site = createMockSite({
        language: "tr",
        generation,
        count: 1217,
        renderDelayMs: 0,
        paging: "load-more",
      });
      const { html, document } = await rendered(site, PATHS.connections);
      assert.match(html, /^<!doctype html>\n<html lang="tr">/);
      assert.equal(document.documentElement.lang, "tr");
      assert.equal(document.title, "Bağlantılar | LinkedIn");
      assert.equal(site.stated.shown.connections, "1.217");
      assert.ok(text(document.getElementById("main")).includes("1.217 bağlantı"));

      const first = site.people[3];
      assert.equal(first.connectedText, connectedLineIn("tr", first.connectedOn));
      assert.match(first.connectedText, /^Bağlantı kurulma tarihi: \d{1,2} \p{L}+ \d{4}$/u);
      assert.ok(text(document.getElementById("main")).includes(first.connectedText));
      const shown = [document.getElementById("global-nav"), document.getElementById("main")];
      assert.doesNotMatch(
        shown.map(text).join(" "),
        /Connected|connections|More actions|Load more/,
      );

      const search = document.querySelector("input");
      assert.equal(search.getAttribute("placeholder"), "İsme göre ara");
      const more = [...document.querySelectorAll("button")].find(
        (b) => text(b) === "Daha fazla yükle" || text(b) === "Daha fazla sonuç göster",
      );
      assert.ok(more, "the load-more button, in Turkish");

      const trigger =
        generation === "react-2025"
          ? document.querySelector('button[aria-label="Diğer işlemleri göster"]')
          : document.querySelector(
              `button[aria-label="${site.people[0].name} için diğer işlemler"]`,
            );
      assert.ok(trigger, "the card's menu button, in Turkish");
      trigger.click();
      const item = [...document.querySelectorAll('[role="menuitem"], [role="button"]')].find(
        (node) => text(node) === "Bağlantıyı kaldır",
      );
      assert.ok(item, "the menu's Bağlantıyı kaldır");
      item.click();
      const buttons = [
        ...document.querySelectorAll(
          "dialog button, [role=dialog] button, [role=alertdialog] button",
        ),
      ].map(text);
      const older = generation !== "sdui-2026";
      assert.deepEqual(buttons.filter(Boolean), ["İptal", older ? "Kaldır" : "Bağlantıyı kaldır"]);
      const dialogText = text(document.querySelector("dialog, [role=dialog], [role=alertdialog]"));
      assert.ok(dialogText.includes("Bağlantıyı kaldır"), "the dialog's title");
      // José García's card: the first, whose button "Diğer işlemleri göster" is found first.
      assert.ok(dialogText.includes(older ? "José García" : "José adlı"), dialogText);
    });
  }

  test("pt-BR and de: totals, date lines and the menu in their words", async () => {
    for (const [language, total, removeItem] of [
      ["pt-BR", "1.217 conexões", "Remover conexão"],
      ["de", "1.217 Kontakte", "Kontakt entfernen"],
    ]) {
      const site = createMockSite({ language, count: 1217, renderDelayMs: 0 });
      const { document } = await rendered(site, PATHS.connections);
      assert.equal(document.documentElement.lang, language);
      assert.ok(text(document.getElementById("main")).includes(total), `${language} total`);
      const person = site.people[4];
      assert.equal(person.connectedText, connectedLineIn(language, person.connectedOn));
      assert.ok(text(document.getElementById("main")).includes(person.connectedText));
      const trigger = document.querySelector(
        `button[aria-label="${fill(WORDS[language].moreActionsFor, { name: person.name })}"]`,
      );
      assert.ok(trigger, `${language} menu button`);
      trigger.click();
      assert.ok(
        [...document.querySelectorAll('[role="menuitem"]')].some((n) => text(n) === removeItem),
        `${language} menu item`,
      );
    }
    assert.equal(connectedLineIn("pt-BR", "2024-08-22"), "Conectado em 22 de agosto de 2024");
    assert.equal(connectedLineIn("de", "2024-08-22"), "Verbunden am 22. August 2024");
  });

  test("de: followers, following and the own profile are in German", async () => {
    const site = createMockSite({
      language: "de",
      count: 491,
      followers: 7892,
      following: 312,
      renderDelayMs: 0,
    });
    const followers = await rendered(site, PATHS.followers);
    assert.equal(followers.document.documentElement.lang, "de");
    const tabs = [...followers.document.querySelectorAll('[role="tab"]')].map(text);
    assert.deepEqual(tabs, ["Gefolgt (312)", "Follower:innen (7.892)"]);
    const profile = await rendered(site, site.member.profilePath);
    const lines = [...profile.document.querySelectorAll(".pv-top-card--list li")].map(text);
    assert.deepEqual(lines, ["7.892 Follower:innen", "491 Kontakte"]);
    const feed = await rendered(site, PATHS.feed);
    assert.equal(feed.document.documentElement.lang, "de");
    assert.deepEqual([...feed.document.querySelectorAll(".global-nav a")].map(text), [
      "Startseite",
      "Mein Netzwerk",
      "Nachrichten",
      "Ich",
    ]);
  });

  test("fr: the 2026 sent page shows only the French words one witness shows; the rest stays English", async () => {
    // Written again from docs/research/2026-12-07-withdraw-unfollow-languages.md §1
    // (file ids 69136255286, 69063720789): U+2019 in the label.
    const site = createMockSite({
      language: "fr",
      generation: "sdui-2026",
      invitations: 5,
      renderDelayMs: 0,
    });
    const { document } = await rendered(site, PATHS.invitations);
    assert.equal(document.documentElement.lang, "fr");
    assert.ok(text(document.getElementById("main")).includes("Personnes (5)"));
    const rows = [...document.querySelectorAll('[role="listitem"]')];
    assert.equal(rows.length, 5);
    const name = text(rows[0].querySelector("p a"));
    const control = rows[0].querySelector("a[aria-label]");
    assert.equal(control.getAttribute("aria-label"), `Retirer l\u2019invitation envoyée à ${name}`);
    assert.equal(text(control), "Retirer");
    // Held as netprune holds it: the 2026 link would take the page away.
    document.addEventListener("click", (event) => event.preventDefault(), true);
    control.click();
    const dialog = document.querySelector('[role="alertdialog"]');
    const buttons = [...dialog.querySelectorAll("button")];
    assert.deepEqual(buttons.map(text), ["", "Cancel", "Retirer"]);
    assert.equal(buttons[0].getAttribute("aria-label"), "Dismiss");
    assert.equal(
      buttons[2].getAttribute("aria-label"),
      `Retirer l\u2019invitation envoyée à ${name}`,
    );
    assert.equal(text(dialog.querySelector("h2")), "Withdraw invitation?");
    for (const [language, generation] of [
      ["fr", "react-2025"],
      ["fr", "artdeco"],
      ["de", "sdui-2026"],
    ]) {
      const other = createMockSite({ language, generation, invitations: 5, renderDelayMs: 0 });
      const page = await rendered(other, PATHS.invitations);
      const main = text(page.document.getElementById("main"));
      assert.doesNotMatch(main, /Retirer|Personnes/, `${language} ${generation}`);
      assert.match(main, /Withdraw/, `${language} ${generation}`);
    }
  });

  test("a non-English artdeco page dates its cards, never 'N weeks ago'", () => {
    const site = createMockSite({ language: "tr", generation: "artdeco", count: 30 });
    for (const person of site.people) {
      assert.equal(person.connectedText, connectedLineIn("tr", person.connectedOn));
    }
  });
});
