// Removal in the page's language (docs/LINKEDIN.md, "Languages: removal
// words"): a step clicks only by the words of the language the page states,
// from netprune's tables or taught by the member; in a language with
// neither it stops before any click. The mock's words (tests/mock-site/
// words.mjs) are written apart from the reader's tables, so a typo in
// either fails here. And the teach-once watch (extension/content/teach.js)
// records exactly what the member pressed, and only after a real removal.

import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import { buildSync } from "esbuild";
import { fill, taughtOnMock, wordsFor } from "../mock-site/words.mjs";
import { CORE, waitFor } from "./harness.mjs";
import { openConnections, step, ZOE, SAM } from "./remove-helpers.mjs";

// words.js as the content script bundles it (its tables are JSON imports).
const WORDS_ENTRY = fileURLToPath(new URL("../../extension/content/words.js", import.meta.url));
const words = await import(
  `data:text/javascript;base64,${Buffer.from(
    buildSync({ entryPoints: [WORDS_ENTRY], bundle: true, format: "esm", write: false })
      .outputFiles[0].text,
  ).toString("base64")}`
);

/** What the German mock shows, as the member would teach it. */
const germanTaught = (overrides = {}) => taughtOnMock("de", overrides);

/**
 * Open the connections page in `language` with every click recorded by
 * its target's words, run `body`, close the page.
 */
async function inLanguage(language, generation, body) {
  const opened = await openConnections({ generation, language });
  const pressed = [];
  opened.page.document.addEventListener(
    "click",
    (event) => {
      const target = /** @type {Element} */ (event.target);
      const button = target.closest("button, [role=menuitem], [role=button]") ?? target;
      pressed.push(
        (button.getAttribute("aria-label") || button.textContent || "").replace(/\s+/g, " ").trim(),
      );
    },
    true,
  );
  try {
    return await body({ ...opened, pressed });
  } finally {
    opened.page.close();
  }
}

describe("removal words by language", { concurrency: true }, () => {
  test("the content script and the core remove in the same languages", () => {
    assert.deepEqual([...words.REMOVAL_LANGUAGES].sort(), [...CORE.removalLanguages()].sort());
    assert.ok(words.REMOVAL_LANGUAGES.includes("en") && words.REMOVAL_LANGUAGES.includes("tr"));
    assert.ok(!words.REMOVAL_LANGUAGES.includes("de"), "no evidence shows German removal words");
  });

  test("a page's language finds its own table, its primary language's, or none", () => {
    assert.equal(words.tableFor("pt-BR")?.language, "pt");
    assert.equal(words.tableFor("tr_TR")?.language, "tr");
    assert.equal(words.tableFor("")?.language, "en");
    assert.equal(words.tableFor("sv"), null);
    assert.equal(words.removalWords("de"), null);
    assert.equal(words.removalWords("pt-BR"), null, "no pt-BR card menu button is known");
    assert.deepEqual(words.removalWords("tr")?.menuItems, [
      "Bağlantıyı kaldır",
      "Bağlantıdan çıkar",
    ]);
    // Words taught in one language never serve another.
    assert.equal(words.removalWords("sv", [germanTaught()]), null);
    assert.deepEqual(words.removalWords("de", [germanTaught()])?.taught, germanTaught());
    // Malformed taught words are dropped, not half-used.
    assert.deepEqual(words.taughtWords([{ language: "de" }, germanTaught(), "x", null]), [
      germanTaught(),
    ]);
  });

  test("removes on a Turkish page with the Turkish words", async () => {
    await inLanguage("tr", "sdui-2026", async ({ site, page, pressed }) => {
      const tr = wordsFor("tr");
      const report = await step(page, ZOE);
      assert.deepEqual(report.outcome, { kind: "removed" }, report.observed);
      assert.match(report.observed, /confirmed “Bağlantıyı kaldır” for Zoë Müller/);
      assert.deepEqual([...site.removed], [ZOE.slug]);
      assert.deepEqual(pressed, [
        fill(tr.moreActionsFor, { name: ZOE.name }),
        tr.removeConnection,
        tr.confirm,
      ]);
    });
  });

  test("never clicks a Turkish menu label no evidence shows (react-2025's)", async () => {
    await inLanguage("tr", "react-2025", async ({ site, page, pressed }) => {
      const report = await step(page, ZOE);
      assert.equal(report.outcome.kind, "failed", report.observed);
      assert.match(report.observed, /no menu button on the card/);
      assert.deepEqual(pressed, []);
      assert.deepEqual([...site.removed], []);
    });
  });

  // French too: its dialog's confirm says "Retirer", the withdraw word.
  for (const language of ["de", "fr"]) {
    test(`stops before any click on a ${language} page, a language without removal words`, async () => {
      await inLanguage(language, "sdui-2026", async ({ site, page, pressed }) => {
        const report = await step(page, ZOE);
        assert.deepEqual(report.outcome.kind, "trouble");
        assert.equal(report.outcome.trouble, "unrecognised");
        assert.match(
          report.observed,
          new RegExp(`“${language}”, a language netprune knows no removal words in`),
        );
        assert.match(report.observed, /before netprune did anything$/);
        assert.deepEqual(pressed, []);
        assert.deepEqual([...site.removed], []);
      });
    });
  }

  test("French words withdraw invitations only: none removes, closes a dialog or is any other language's", () => {
    // "Retirer" is the sent page's Withdraw and confirm (fr.json
    // withdrawInvitation); on the connections page it is only a guess.
    assert.equal(words.removalWords("fr"), null);
    assert.ok(!words.REMOVAL_LANGUAGES.includes("fr"));
    const any = words.ANY_LANGUAGE_WORDS;
    const removal = [...any.menuItems, ...any.confirms, ...any.artdecoConfirms, ...any.menuLabels];
    assert.ok(!removal.some((word) => /retirer/i.test(word)), removal.join(", "));
    assert.ok(!words.CLOSE_NAMES.flat().includes("retirer"));
    assert.equal(words.unfollowWords("fr"), null);
    const fr = words.withdrawWords("fr");
    assert.deepEqual(fr?.buttons, ["retirer"]);
    assert.deepEqual(fr?.confirms, ["retirer"]);
    assert.deepEqual(fr?.dialogTitles, []);
    assert.deepEqual(fr?.generations, ["sdui-2026"]);
    assert.equal(
      fr?.buttonFor[0].exec("Retirer l’invitation envoyée à Zoë Müller")?.[1],
      "Zoë Müller",
    );
    assert.equal(
      fr?.buttonFor[0].exec("Retirer l'invitation envoyée à Zoë Müller"),
      null,
      "U+2019 only",
    );
    assert.equal(words.withdrawWords("en")?.generations, null, "English: every generation");
    for (const language of ["de", "es", "pt-BR", "it", "nl", "pl", "tr", "ja", "sv"]) {
      assert.equal(words.withdrawWords(language), null, language);
    }
  });

  test("removes on a French page only with the words the member taught", async () => {
    await inLanguage("fr", "sdui-2026", async ({ site, page, pressed }) => {
      const fr = wordsFor("fr");
      const report = await step(page, SAM, { taught: [taughtOnMock("fr")] });
      assert.deepEqual(report.outcome, { kind: "removed" }, report.observed);
      assert.deepEqual([...site.removed], [SAM.slug]);
      assert.deepEqual(pressed, [
        fill(fr.moreActionsFor, { name: SAM.name }),
        fr.removeConnection,
        "Retirer",
      ]);
    });
  });

  test("removes on a German page with the words the member taught", async () => {
    await inLanguage("de", "sdui-2026", async ({ site, page, pressed }) => {
      const de = wordsFor("de");
      const report = await step(page, SAM, { taught: [germanTaught()] });
      assert.deepEqual(report.outcome, { kind: "removed" }, report.observed);
      assert.deepEqual([...site.removed], [SAM.slug]);
      assert.deepEqual(pressed, [
        fill(de.moreActionsFor, { name: SAM.name }),
        de.removeConnection,
        de.confirm,
      ]);
    });
  });

  test("stops when the page no longer matches what was taught", async () => {
    await inLanguage("de", "sdui-2026", async ({ site, page, pressed }) => {
      const de = wordsFor("de");
      const report = await step(page, ZOE, { taught: [germanTaught({ itemRole: "button" })] });
      assert.equal(report.outcome.kind, "trouble", report.observed);
      assert.match(report.observed, /not the button netprune was taught/);
      assert.ok(!pressed.includes(de.removeConnection), pressed.join(" | "));
      assert.deepEqual([...site.removed], []);
    });
  });

  test("the page check counts menu buttons by the words taught for a react-2025 page", async () => {
    await inLanguage("de", "react-2025", async ({ page }) => {
      const taught = germanTaught({ menuButton: wordsFor("de").showMoreActions });
      const without = await page.tell({ type: "page-check" });
      assert.equal(without.check.language, "de");
      assert.equal(without.check.menuFound, false);
      assert.ok(without.check.missing.includes("a card without exactly one menu button"));
      const withWords = await page.tell({ type: "page-check", taught: [taught] });
      assert.equal(withWords.check.menuFound, true, withWords.check.missing.join("; "));
    });
  });
});

describe("teaching a language", { concurrency: true }, () => {
  /** Click like the member: the card's menu button, then an item, then a dialog button. */
  async function removeByHand(page, person, confirmWord) {
    const de = wordsFor("de");
    const doc = page.document;
    const button = await waitFor(
      () =>
        doc.querySelector(`button[aria-label="${fill(de.moreActionsFor, { name: person.name })}"]`),
      "the card's menu button",
    );
    button.click();
    const item = await waitFor(
      () =>
        [...doc.querySelectorAll('[role="menuitem"]')].find(
          (element) => element.textContent.trim() === de.removeConnection,
        ),
      "the menu item",
    );
    item.click();
    const confirm = await waitFor(
      () =>
        [...doc.querySelectorAll("dialog[open] button")].find(
          (element) => element.textContent.trim() === confirmWord,
        ),
      `the dialog's ${confirmWord}`,
    );
    confirm.click();
  }

  test("records the menu item and confirm the member pressed, once the card is gone", async () => {
    await inLanguage("de", "sdui-2026", async ({ site, page }) => {
      const de = wordsFor("de");
      assert.deepEqual(await page.tell({ type: "teach-watch" }), { ok: true });
      await removeByHand(page, ZOE, de.confirm);
      const observed = await waitFor(
        () => page.messages.find((m) => m.type === "teach-observed"),
        "what the watch saw",
        15_000,
      );
      assert.equal(observed.ok, true, observed.reason);
      assert.deepEqual(observed.words, germanTaught());
      assert.deepEqual(observed.person, { slug: ZOE.slug, name: ZOE.name });
      assert.deepEqual(
        [...site.removed],
        [ZOE.slug],
        "the member removed them; netprune clicked nothing",
      );
    });
  });

  test("a cancelled dialog teaches nothing; the removal after it does", async () => {
    await inLanguage("de", "sdui-2026", async ({ site, page }) => {
      const de = wordsFor("de");
      assert.deepEqual(await page.tell({ type: "teach-watch" }), { ok: true });
      await removeByHand(page, ZOE, de.cancel);
      // The watch sees the dialog close with Zoë still listed: not a removal.
      await new Promise((resolve) => setTimeout(resolve, 4500));
      assert.deepEqual(
        page.messages.filter((m) => m.type === "teach-observed"),
        [],
      );
      await removeByHand(page, SAM, de.confirm);
      const observed = await waitFor(
        () => page.messages.find((m) => m.type === "teach-observed"),
        "what the watch saw",
        15_000,
      );
      assert.equal(observed.ok, true, observed.reason);
      assert.deepEqual(observed.person, { slug: SAM.slug, name: SAM.name });
      assert.deepEqual(observed.words, germanTaught());
      assert.deepEqual([...site.removed], [SAM.slug]);
    });
  });
});
