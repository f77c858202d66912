// The background's side of removal by language (docs/ARCHITECTURE.md,
// "Removal in the page's language, and teaching a language"): a batch is
// refused while LinkedIn's language has no removal words; the teach-once
// flow starts a watch only on the connections tab, takes an observation
// only from the tab it asked, keeps the words only once the member confirms,
// and then every step and reading answer carries them. The real core, a
// fake browser (tests/background/harness.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { connectionsReading, loadBackground, people, until } from "./harness.mjs";
import { taughtOnMock } from "../mock-site/words.mjs";

const ALICE = "alice-example";
const WORDS = taughtOnMock("de");

/** storage.local.teach, as the review page reads it. */
const stored = async (bg) => (await bg.api.storage.local.get("teach")).teach;

/** A German connections page of `crowd`, read in `tab`. */
const germanReading = (crowd) => ({
  ...connectionsReading(crowd, { member: ALICE }),
  language: "de",
});

test("a_german_linkedin_is_refused_until_taught_and_the_words_then_ride_on_steps_and_readings", async () => {
  const bg = await loadBackground({ testBuild: true, local: { devPacing: { delayMs: 1 } } });
  const crowd = people(4);
  const tab = bg.openTab({ id: 1 });
  const other = bg.openTab({ id: 2, active: false, windowId: 2 });
  await bg.fromTab(tab, { type: "page-reading", reading: germanReading(crowd) });
  await bg.settled();

  let summary = (await bg.fromPage({ type: "get-summary" })).summary;
  assert.deepEqual(summary.removal, { language: "de", removal: "unavailable" });
  const refused = await bg.fromPage({
    type: "queue-removals",
    slugs: [crowd[0].slug],
    dryRun: false,
  });
  assert.equal(refused.queued, 0, JSON.stringify(refused));
  assert.deepEqual(
    refused.refused.map((r) => r.why),
    ["language"],
  );

  // The watch starts on the connections tab only.
  const started = await bg.fromPage({ type: "teach-start" });
  assert.equal(started.ok, true, started.error);
  assert.deepEqual(
    tab.received.filter((m) => m.type === "teach-watch"),
    [{ type: "teach-watch" }],
  );
  assert.equal((await stored(bg)).state, "watching");

  // Another tab's word is not taken; the watched tab's is.
  await bg.fromTab(other, { type: "teach-observed", ok: true, words: { ...WORDS, menuItem: "X" } });
  assert.equal((await stored(bg)).state, "watching");
  await bg.fromTab(tab, {
    type: "teach-observed",
    ok: true,
    words: WORDS,
    person: { slug: crowd[0].slug, name: crowd[0].name },
  });
  assert.equal((await stored(bg)).state, "observed");
  summary = (await bg.fromPage({ type: "get-summary" })).summary;
  assert.equal(summary.removal.removal, "unavailable", "not before the member confirms");

  const confirmed = await bg.fromPage({ type: "teach-confirm" });
  assert.equal(confirmed.ok, true, confirmed.error);
  assert.equal(await stored(bg), undefined);
  assert.deepEqual(confirmed.summary.removal, { language: "de", removal: "learned" });

  // Every step carries the words; so does the answer to a reading.
  const reading = await bg.fromTab(tab, { type: "page-reading", reading: germanReading(crowd) });
  assert.equal(reading.taught[0].menuItem, "Kontakt entfernen");
  const queued = await bg.fromPage({
    type: "queue-removals",
    slugs: [crowd[1].slug],
    dryRun: false,
  });
  assert.equal(queued.ok, true, queued.error);
  await until(() => tab.steps.length === 1, "the first step");
  assert.equal(tab.steps[0].taught.length, 1);
  assert.equal(tab.steps[0].taught[0].language, "de");
  assert.equal(tab.steps[0].taught[0].confirm, "Kontakt entfernen");
});

test("teaching_is_refused_where_the_tables_already_know_the_words", async () => {
  const bg = await loadBackground({ testBuild: true });
  const tab = bg.openTab({ id: 1 });
  await bg.fromTab(tab, {
    type: "page-reading",
    reading: { ...connectionsReading(people(2), { member: ALICE }), language: "tr" },
  });
  const answer = await bg.fromPage({ type: "teach-start" });
  assert.equal(answer.ok, false);
  assert.match(answer.error, /already knows LinkedIn's removal words/);
  assert.deepEqual(
    tab.received.filter((m) => m.type === "teach-watch"),
    [],
  );
});
