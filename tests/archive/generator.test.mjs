// The archive generator (tests/support/archive.mjs) against an independent
// count: its files parsed with papaparse and added up here, by a route that
// shares nothing with the generator's own bookkeeping, must give its
// `expected`. Then, when a build is there (dist/chrome/core), the core's
// ArchiveReader must give that same digest from the ZIP.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import Papa from "papaparse";
import { MARKER, makeArchive, makeArchiveFiles, dayOfIso, cleanName } from "../support/archive.mjs";

const CORE = fileURLToPath(new URL("../../dist/chrome/core/", import.meta.url));

const parse = (text) =>
  Papa.parse(text.replace(/^\ufeff/, ""), { header: true, skipEmptyLines: true }).data;

/** Days of `2023-07-08 08:39:28 UTC`, `7/1/23, 9:56 AM`, `2022/09/03 ...`, `04/15/24, 09:25 PM`. */
function dayOf(text) {
  let m = /^(\d{4})[-/](\d\d)[-/](\d\d)/.exec(text);
  if (m) return dayOfIso(`${m[1]}-${m[2]}-${m[3]}`);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d\d),/.exec(text);
  return dayOfIso(`20${m[3]}-${m[1].padStart(2, "0")}-${m[2].padStart(2, "0")}`);
}

/** The interactions by slug, counted from the files alone. */
function recount(files, owner, people) {
  const slugOfUrl = (url) => decodeURIComponent(url.split("/in/")[1] ?? "");
  const slugOfName = new Map(
    people.map((p) => [cleanName(`${p.firstName} ${p.lastName}`), p.slug]),
  );
  const ownerName = owner.name;
  const out = {};
  const at = (slug) => (out[slug] ??= {});
  const add = (slug, field, n = 1) => (at(slug)[field] = (at(slug)[field] ?? 0) + n);
  const conversations = {};
  let messages = 0;
  const convs = new Set();
  for (const row of parse(files["messages.csv"])) {
    if (row["IS MESSAGE DRAFT"] === "Yes") continue;
    if (row.FROM === "LinkedIn Member" && !row["SENDER PROFILE URL"]) continue;
    const fromOwner = cleanName(row.FROM) === ownerName;
    const recipients = row["RECIPIENT PROFILE URLS"]
      ? row["RECIPIENT PROFILE URLS"].split(",").map(slugOfUrl)
      : row.TO.replaceAll(", PhD", "\u0000PhD")
          .split(", ")
          .map((n) => n.replaceAll("\u0000", ", "))
          .map((n) => slugOfName.get(cleanName(n)) ?? (n === ownerName ? owner.slug : n));
    const others = recipients.filter((s) => s !== owner.slug);
    if (fromOwner && others.length === 0) continue;
    const day = dayOf(row.DATE);
    const touch = (slug) => {
      (conversations[slug] ??= new Set()).add(row["CONVERSATION ID"]);
      const e = at(slug);
      e.firstMessage = Math.min(e.firstMessage ?? day, day);
      e.lastMessage = Math.max(e.lastMessage ?? day, day);
    };
    if (fromOwner) {
      for (const slug of others) {
        add(slug, "sent");
        touch(slug);
      }
    } else {
      const slug = slugOfUrl(row["SENDER PROFILE URL"]);
      add(slug, "received");
      touch(slug);
    }
    messages += 1;
    convs.add(row["CONVERSATION ID"]);
  }
  for (const [slug, set] of Object.entries(conversations)) at(slug).conversations = set.size;
  for (const row of parse(files["Invitations.csv"])) {
    const outgoing = row.Direction === "OUTGOING";
    const slug = slugOfName.get(cleanName(outgoing ? row.To : row.From));
    const day = dayOf(row["Sent At"]);
    const e = at(slug);
    if (e.invitedOn === undefined || day > e.invitedOn) {
      e.invitedBy = outgoing ? "member" : "them";
      e.invitedOn = day;
    }
  }
  for (const [file, who, field] of [
    ["Endorsement_Received_Info.csv", "Endorser", "endorsementsReceived"],
    ["Endorsement_Given_Info.csv", "Endorsee", "endorsementsGiven"],
  ]) {
    for (const row of parse(files[file])) {
      if (row["Endorsement Status"] !== "ACCEPTED") continue;
      add(
        slugOfName.get(cleanName(`${row[`${who} First Name`]} ${row[`${who} Last Name`]}`)),
        field,
      );
    }
  }
  for (const [file, field] of [
    ["Recommendations_Received.csv", "recommendationsReceived"],
    ["Recommendations_Given.csv", "recommendationsGiven"],
  ]) {
    for (const row of parse(files[file])) {
      add(slugOfName.get(cleanName(`${row["First Name"]} ${row["Last Name"]}`)), field);
    }
  }
  return { people: out, messages, conversations: convs.size };
}

const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

for (const layout of ["2026", "2023", "2021"]) {
  test(`layout ${layout}: the expected counts are what an independent count of the files gives`, () => {
    const made = makeArchiveFiles({
      connections: 400,
      messages: 3_000,
      seed: 7,
      layout,
      extras: { hostile: true, drafts: true },
    });
    const count = recount(made.files, made.expected.owner, made.people);
    assert.equal(count.messages, made.expected.messages);
    assert.equal(count.conversations, made.expected.conversations);
    const people = Object.fromEntries(
      Object.entries(count.people).map(([slug, i]) => [
        slug,
        Object.fromEntries(Object.entries(i).sort()),
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(made.expected.people).map(([slug, i]) => [
        slug,
        Object.fromEntries(Object.entries(i).sort()),
      ]),
    );
    assert.deepEqual(sorted(people), sorted(expected));
  });
}

test("the generator is deterministic and puts the marker in every text cell", () => {
  const a = makeArchiveFiles({ connections: 50, messages: 300, seed: 3 });
  const b = makeArchiveFiles({ connections: 50, messages: 300, seed: 3 });
  assert.deepEqual(a.files, b.files);
  for (const row of parse(a.files["messages.csv"])) {
    assert.ok(row.CONTENT.includes(MARKER) && row.SUBJECT.includes(MARKER));
  }
  for (const row of parse(a.files["Invitations.csv"])) {
    assert.ok(row.Message.includes(MARKER));
  }
  assert.notDeepEqual(makeArchiveFiles({ connections: 50, messages: 300, seed: 4 }).files, a.files);
});

test(
  "the core reads the generated ZIP into exactly the expected digest",
  { skip: !existsSync(`${CORE}netprune_bg.wasm`) && "no build in dist/chrome/core" },
  async () => {
    const glue = await import(pathToFileURL(`${CORE}netprune.js`).href);
    await glue.default({ module_or_path: readFileSync(`${CORE}netprune_bg.wasm`) });
    for (const layout of ["2026", "2023", "2021"]) {
      for (const folder of [false, true]) {
        const { zip, expected } = await makeArchive({
          connections: 300,
          messages: 2_000,
          seed: 11,
          layout,
          folder,
          extras: { hostile: true, drafts: layout !== "2021", crlf: folder, bom: folder },
        });
        const reader = new glue.ArchiveReader();
        const reports = reader.add("Complete_LinkedInDataExport_03-09-2026.zip", zip);
        assert.equal(reports.length, Object.keys(expected.files).length + 6, "every file reported");
        const json = reader.finish();
        assert.ok(!json.includes(MARKER), "no message text in the digest");
        const digest = JSON.parse(json);
        assert.deepEqual(digest.owner, expected.owner, layout);
        assert.equal(digest.messages, expected.messages, layout);
        assert.equal(digest.conversations, expected.conversations, layout);
        assert.equal(digest.archiveDay, expected.archiveDay, layout);
        assert.deepEqual(digest.kinds, expected.kinds, layout);
        assert.deepEqual(digest.counterparts, expected.counterparts, layout);
        for (const [name, file] of Object.entries(expected.files)) {
          const report = digest.files.find((r) => r.name === name);
          assert.deepEqual(
            [report.kind, report.rows, report.skipped ?? 0],
            [file.kind, file.rows, file.skipped],
            `${layout} ${name}`,
          );
        }
        reader.free();
      }
    }
  },
);

test(
  "people given with one name for two still give the core's exact digest",
  { skip: !existsSync(`${CORE}netprune_bg.wasm`) && "no build in dist/chrome/core" },
  async () => {
    const glue = await import(pathToFileURL(`${CORE}netprune.js`).href);
    await glue.default({ module_or_path: readFileSync(`${CORE}netprune_bg.wasm`) });
    const base = makeArchiveFiles({ connections: 120, messages: 10 }).people;
    // Every third person shares a name with the one before: as in a real network.
    const people = base.map((p, i) =>
      i % 3 === 2 ? { ...p, firstName: base[i - 1].firstName, lastName: base[i - 1].lastName } : p,
    );
    for (const layout of ["2026", "2023", "2021"]) {
      const { zip, expected } = await makeArchive({
        connections: people,
        messages: 1_500,
        seed: 5,
        layout,
      });
      const reader = new glue.ArchiveReader();
      reader.add("archive.zip", zip);
      const digest = JSON.parse(reader.finish());
      assert.deepEqual(digest.counterparts, expected.counterparts, layout);
      reader.free();
    }
  },
);
