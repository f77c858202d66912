// Where the background keeps the network (issue 15): the core's compact
// bytes in IndexedDB (lib/network-store.js), with storage.local's
// networkRevision moved after each save. A JSON snapshot that earlier builds
// kept in storage.local.snapshot is migrated at the first wake, losing
// nothing; what cannot be read is kept aside, never dropped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { connectionsReading, loadBackground, people } from "./harness.mjs";
import { fromBase64 } from "../../extension/lib/network-store.js";

const ALICE = "alice-example";
const FAST = { devPacing: { delayMs: 1 } };

/**
 * A network as an earlier build stored it: storage.local.snapshot (JSON
 * text), with a kept person, a saved query and a queued removal, and the
 * other keys that build wrote beside it.
 */
async function oldBuildStorage() {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const tab = bg.openTab({ id: 1, answer: () => ({ ok: true, held: true }) });
  const crowd = people(5, "old");
  await bg.reads(tab, crowd, { member: ALICE });
  await bg.fromPage({ type: "set-kept", slugs: [crowd[0].slug], kept: true });
  await bg.fromPage({ type: "save-query", name: "old ones", query: "before:5y" });
  await bg.fromPage({ type: "queue-removals", slugs: [crowd[4].slug], dryRun: true });
  await bg.saved();
  const json = await bg.storedNetwork();
  assert.ok(json, "the network was stored");
  const local = Object.fromEntries(bg.local);
  delete local.networkRevision;
  return { local: { ...local, snapshot: json }, json };
}

test("a_json_snapshot_of_an_earlier_build_is_migrated_at_the_first_wake_losing_nothing", async () => {
  const { local, json } = await oldBuildStorage();
  const bg = await loadBackground({ testBuild: true, local });
  await bg.settled();
  assert.equal(await bg.storedNetwork(), json, "the migrated network differs from the old one");
  assert.equal(bg.local.has("snapshot"), false, "the old JSON was left in storage.local");
  const record = await bg.storedRecord();
  assert.ok(record.bytes instanceof Uint8Array, "the network is not stored as bytes");
  assert.equal(bg.local.get("networkRevision"), record.revision, "the pages were not told");
  const { summary } = await bg.fromPage({ type: "get-summary" });
  assert.equal(summary.owner, ALICE);
  // What the old network held, all there (the equality above covers it all).
  const network = JSON.parse(json);
  assert.deepEqual(network.savedQueries, [{ name: "old ones", query: "before:5y" }]);
  assert.equal(network.people.filter((p) => p.kept).length, 1);
  assert.equal(network.queue.entries.length, 1);
});

test("a_worker_stopped_between_storing_and_removing_the_json_migrates_again_and_loses_nothing", async () => {
  const { local, json } = await oldBuildStorage();
  const first = await loadBackground({ testBuild: true, local });
  await first.settled();
  const { revision } = await first.storedRecord();
  // The JSON is still there (the worker stopped before removing it).
  const again = await loadBackground({
    testBuild: true,
    local: { ...Object.fromEntries(first.local), snapshot: json },
    databases: first.databases,
  });
  await again.settled();
  assert.equal(await again.storedNetwork(), json);
  assert.equal(again.local.has("snapshot"), false);
  assert.ok((await again.storedRecord()).revision > revision, "the revision did not move on");
});

test("every_save_stores_the_network_and_then_moves_the_revision_the_pages_watch", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  const tab = bg.openTab({ id: 1 });
  await bg.reads(tab, people(3), { member: ALICE });
  await bg.saved();
  const before = bg.local.get("networkRevision");
  await bg.fromPage({ type: "set-kept", slugs: ["person-1"], kept: true });
  await bg.settled();
  const record = await bg.storedRecord();
  assert.equal(bg.local.get("networkRevision"), record.revision);
  assert.ok(record.revision > before);
  const stored = JSON.parse(await bg.storedNetwork());
  assert.equal(stored.people.find((p) => p.slug === "person-1").kept, true);
  // A restarted worker carries on from the stored revision.
  const next = await loadBackground({
    testBuild: true,
    local: Object.fromEntries(bg.local),
    databases: bg.databases,
  });
  await next.reads(next.openTab({ id: 1 }), people(4), { member: ALICE });
  await next.saved();
  assert.ok((await next.storedRecord()).revision > record.revision);
  assert.equal(JSON.parse(await next.storedNetwork()).people.length, 4);
});

test("a_damaged_stored_network_is_kept_aside_as_its_bytes_and_offered_for_download", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  await bg.reads(bg.openTab({ id: 1 }), people(3), { member: ALICE });
  await bg.saved();
  const record = await bg.storedRecord();
  const damaged = record.bytes.slice(0, record.bytes.length - 5);
  await writeRecord(bg.databases, { ...record, bytes: damaged });

  const next = await loadBackground({
    testBuild: true,
    local: Object.fromEntries(bg.local),
    databases: bg.databases,
  });
  const { summary } = await next.fromPage({ type: "get-summary" });
  assert.equal(summary.corrupt.kind, "unreadable");
  assert.match(summary.corrupt.reason, /cut short/);
  const kept = next.local.get("corruptSnapshots").at(-1);
  assert.equal(kept.encoding, "base64");
  assert.deepEqual(fromBase64(kept.raw), damaged, "the kept copy is not the stored bytes");
  const copy = await next.fromPage({ type: "kept-snapshot", keptAs: kept.keptAs });
  assert.equal(copy.ok, true, copy.error);
  assert.equal(copy.encoding, "base64");
  assert.deepEqual(fromBase64(copy.raw), damaged);
});

test("a_stored_network_of_a_newer_netprune_is_kept_aside_as_newer", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  await bg.reads(bg.openTab({ id: 1 }), people(2), { member: ALICE });
  await bg.saved();
  const record = await bg.storedRecord();
  const newer = record.bytes.slice();
  newer[6] = 99; // the format version byte
  await writeRecord(bg.databases, { ...record, bytes: newer });
  const next = await loadBackground({
    testBuild: true,
    local: Object.fromEntries(bg.local),
    databases: bg.databases,
  });
  const { summary } = await next.fromPage({ type: "get-summary" });
  assert.equal(summary.corrupt.kind, "newer");
  assert.deepEqual(fromBase64(next.local.get("corruptSnapshots").at(-1).raw), newer);
});

test("an_unreadable_old_json_snapshot_is_kept_aside_and_the_stored_network_is_used", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  await bg.reads(bg.openTab({ id: 1 }), people(3), { member: ALICE });
  await bg.saved();
  const garbage = JSON.stringify({ version: 1, people: "not a list" });
  const next = await loadBackground({
    testBuild: true,
    local: { ...Object.fromEntries(bg.local), snapshot: garbage },
    databases: bg.databases,
  });
  const { summary } = await next.fromPage({ type: "get-summary" });
  assert.equal(summary.corrupt.kind, "unreadable");
  assert.equal(next.local.get("corruptSnapshots").at(-1).raw, garbage);
  assert.equal(next.local.has("snapshot"), false);
  assert.equal(
    JSON.parse(await next.storedNetwork()).people.length,
    3,
    "the stored network was lost",
  );
});

test("without_indexeddb_the_network_is_kept_in_storage_local_and_the_old_json_migrates_there", async () => {
  const { local, json } = await oldBuildStorage();
  const bg = await loadBackground({ testBuild: true, local, databases: null });
  await bg.settled();
  assert.equal(await bg.storedNetwork(), json, "the migrated network differs from the old one");
  assert.equal(bg.local.has("snapshot"), false);
  const kept = bg.local.get("stored:active");
  assert.equal(typeof kept.base64, "string", "the network is not in storage.local");
  assert.equal(kept.revision, bg.local.get("networkRevision"));
  const reading = await bg.fromTab(bg.openTab({ id: 1 }), {
    type: "page-reading",
    reading: connectionsReading(people(7, "new"), { member: ALICE }),
  });
  assert.equal(reading.ok, true, reading.error);
  await bg.saved();
  assert.equal(JSON.parse(await bg.storedNetwork()).people.length, 12);
});

test("in_firefox_the_network_is_kept_in_storage_local_and_outlives_an_emptied_indexeddb", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST, firefox: true });
  await bg.reads(bg.openTab({ id: 1 }), people(4), { member: ALICE });
  await bg.saved();
  const kept = bg.local.get("stored:active");
  assert.equal(typeof kept.base64, "string", "Firefox's network is not in storage.local");
  const databases = await bg.databases.databases();
  assert.deepEqual(databases, [], "Firefox opened an IndexedDB database");
  // "Never remember history": the extension's IndexedDB is empty after a quit.
  const next = await loadBackground({
    testBuild: true,
    local: Object.fromEntries(bg.local),
    firefox: true,
  });
  const { summary } = await next.fromPage({ type: "get-summary" });
  assert.equal(summary.owner, ALICE);
  assert.equal(JSON.parse(await next.storedNetwork()).people.length, 4);
});

test("the_newer_of_the_two_places_is_read_and_a_save_leaves_one_copy", async () => {
  const bg = await loadBackground({ testBuild: true, local: FAST });
  await bg.reads(bg.openTab({ id: 1 }), people(3), { member: ALICE });
  await bg.saved();
  const inDb = await bg.storedRecord();
  // A copy IndexedDB once refused, kept in storage.local, newer than the record.
  const newer = await loadBackground({ testBuild: true, local: FAST, databases: null });
  await newer.reads(newer.openTab({ id: 1 }), people(5), { member: ALICE });
  await newer.saved();
  const fallback = { ...newer.local.get("stored:active"), revision: inDb.revision + 1 };
  const next = await loadBackground({
    testBuild: true,
    local: { ...Object.fromEntries(bg.local), "stored:active": fallback },
    databases: bg.databases,
  });
  await next.settled();
  assert.equal(JSON.parse(await next.storedNetwork()).people.length, 5, "the older copy was read");
  await next.fromPage({ type: "set-kept", slugs: ["person-1"], kept: true });
  await next.settled();
  assert.equal(next.local.has("stored:active"), false, "two copies are kept");
  assert.equal(JSON.parse(await next.storedNetwork()).people.length, 5);
});

/**
 * Writes `record` as the active network, as a damaged disk or another
 * program might have left it.
 * @param {IDBFactory} databases
 * @param {unknown} record
 */
function writeRecord(databases, record) {
  return new Promise((resolve, reject) => {
    const open = databases.open("netprune", 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction("networks", "readwrite");
      tx.objectStore("networks").put(record, "active");
      tx.oncomplete = () => {
        open.result.close();
        resolve(undefined);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
