// The mock LinkedIn site in each supported language, end to end in Chromium
// (issue 12, part 5): for Turkish, Brazilian Portuguese and German, the
// connections page states its total with the language's digit grouping
// ("1.217 bağlantı") and the popup shows that count; Collect all reads every
// card of the 2026 and 2025 markups; and every person arrives with the day
// their card's date line shows ("Bağlantı kurulma tarihi: 22 Ağustos 2024").
// What a language's words do not let netprune read yet is marked `todo`
// with the reason, never weakened (none today: Turkish date lines reach the
// core since CONNECTED_LINE knows the core's `connected.before` words).
// Removal in other languages: languages-remove.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PATHS,
  assertPlainDesign,
  createMockSite,
  formatCount,
  popupCountFrom,
  withChromium,
} from "./harness.mjs";
import { collectAllInChromium, datesNotStored } from "./language-helpers.mjs";

/**
 * Why a language's assertions cannot pass yet, read from the extension's
 * word tables (linkedin/words/<lang>.json) and the core's date reader
 * (src/intake/reading/connected.rs); absent: expected to pass.
 * @type {Record<string, { total?: string, dates?: string }>}
 */
const NOT_READ_YET = /** @type {Record<string, { total?: string, dates?: string }>} */ ({});
// pt-BR and de pass, but only because two guesses agree: the mock's assumed
// "Conectado em …" / "Verbunden am …" (no source shows either) and the
// reader's unconfirmed prefixes es.json "conectad[oa]" / de.json "verbunden".
// Likewise pt-BR's total: "1.217 conexões" is the mock's assumption, read by
// pt.json's unconfirmed "conexões"; German "Kontakte" is seen only on the
// own profile. Turkish is the one language whose total has evidence.

// English first, as the control: the same assertions on the same network.
for (const language of ["en", "tr", "pt-BR", "de"]) {
  const known = NOT_READ_YET[language] ?? {};

  if (language !== "en")
    test(
      `chromium, ${language}: the connections page's total 1,217 is read in the language's grouping`,
      { todo: known.total },
      async () => {
        const site = createMockSite({ language, generation: "sdui-2026", count: 1217, seed: 51 });
        assert.equal(site.stated.shown.connections, "1.217");
        await withChromium({ site }, async (session) => {
          await session.openPopup();
          const { popup } = await popupCountFrom(session, PATHS.connections, {
            "connection-count": 1217,
            what: `the popup to show ${formatCount(1217)} from "${site.stated.shown.connections}"`,
            timeout: 30_000,
          });
          assertPlainDesign(popup.text["page-status"], "sdui-2026");
        });
      },
    );

  for (const options of [
    { generation: "sdui-2026", paging: "wheel" },
    { generation: "react-2025", paging: "scroll" },
  ]) {
    test(
      `chromium, ${language}: ${options.generation} is collected whole, every card with its connected date`,
      { todo: known.dates },
      async () => {
        const site = createMockSite({ ...options, language, count: 30, pageSize: 10, seed: 53 });
        await withChromium({ site }, async (session) => {
          const { collect } = await collectAllInChromium(session, site);
          assert.equal(collect.outcome, "complete", collect.reason ?? "");
          assert.equal(collect.seen, site.people.length);
          const missing = await datesNotStored(session, site);
          assert.deepEqual(
            missing,
            [],
            `${missing.length} of ${site.people.length} people without the day their card shows`,
          );
        });
      },
    );
  }
}
