// LinkedIn's data archive in the background (issue 14): the review page
// reads the archive itself and sends only its digest (counts and dates per
// person, never a message's text) as `import-archive { digest }`; the
// background's core merges it and the network is stored as an import's is
// (the revision moves, so the review page reloads). A message without a
// digest, a digest too large, or one the core refuses changes nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadBackground, people } from "./harness.mjs";

const ALICE = "alice-example";
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of `YYYY-MM-DD` (the digest's `Day`). */
const dayOf = (text) => Math.floor(Date.parse(`${text}T00:00:00Z`) / DAY_MS);

/**
 * A digest as the page's ArchiveReader writes it (src/intake/archive/digest.rs):
 * messages with the first two of `crowd`, an invitation from the third.
 */
function digestOf(crowd) {
  return {
    files: [
      { name: "messages.csv", kind: "messages", rows: 5, skipped: 0 },
      { name: "Invitations.csv", kind: "invitations", rows: 1, skipped: 0 },
      { name: "Profile.csv", rows: 0, skipped: 0, refused: "not read", ignored: true },
    ],
    archiveDay: dayOf("2026-11-30"),
    kinds: ["messages", "invitations"],
    owner: { slug: ALICE, name: "Alice Example" },
    counterparts: [
      {
        slug: crowd[0].slug,
        name: crowd[0].name,
        interaction: {
          conversations: 1,
          sent: 2,
          received: 1,
          firstMessage: dayOf("2019-01-02"),
          lastMessage: dayOf("2021-03-04"),
        },
      },
      {
        slug: crowd[1].slug,
        name: crowd[1].name,
        interaction: {
          conversations: 1,
          sent: 1,
          received: 1,
          firstMessage: dayOf("2026-11-29"),
          lastMessage: dayOf("2026-11-30"),
        },
      },
      {
        slug: crowd[2].slug,
        name: crowd[2].name,
        interaction: { invitedBy: "them", invitedOn: dayOf("2018-05-06") },
      },
      { name: "Nobody Known", interaction: { conversations: 1, received: 1 } },
    ],
    messages: 6,
    conversations: 3,
  };
}

async function backgroundWithPeople(n = 5) {
  const bg = await loadBackground({ testBuild: true });
  const tab = bg.openTab({ id: 1 });
  const crowd = people(n);
  await bg.reads(tab, crowd, { member: ALICE });
  await bg.saved();
  return { bg, crowd };
}

test("import_archive_merges_the_digest_stores_the_network_and_answers_the_report", async () => {
  const { bg, crowd } = await backgroundWithPeople();
  const before = await bg.storedRecord();
  const answer = await bg.fromPage({
    type: "import-archive",
    digest: JSON.stringify(digestOf(crowd)),
  });
  assert.equal(answer.ok, true, answer.error);
  const { report } = answer;
  assert.equal(report.archiveDay, "2026-11-30");
  assert.equal(report.messages, 6);
  assert.equal(report.conversations, 3);
  assert.equal(report.matchedByLink, 3);
  assert.deepEqual(report.unmatchedNames, ["Nobody Known"]);
  assert.ok(Array.isArray(report.files) && report.files.length === 3);

  // Stored as every import is: the revision moved, and the stored network
  // answers what the archive said.
  const after = await bg.storedRecord();
  assert.ok(after.revision > before.revision, "the revision did not move");
  assert.equal(bg.local.get("networkRevision"), after.revision, "the pages were not told");
  const json = await bg.storedNetwork();
  assert.match(json, /2021|contact|interaction/i, "nothing of the archive was stored");
  assert.doesNotMatch(json, /Nobody Known/, "an unmatched name became a person");
});

test("import_archive_without_a_digest_or_with_one_too_large_is_refused_and_changes_nothing", async () => {
  const { bg } = await backgroundWithPeople(2);
  const before = await bg.storedRecord();
  for (const message of [
    { type: "import-archive" },
    { type: "import-archive", digest: 42 },
    { type: "import-archive", digest: { files: [] } },
    { type: "import-archive", digest: "" },
  ]) {
    const answer = await bg.fromPage(message);
    assert.equal(answer.ok, false, JSON.stringify(message));
    assert.match(answer.error, /No archive digest/);
  }
  const huge = await bg.fromPage({
    type: "import-archive",
    digest: " ".repeat(32 * 1024 * 1024 + 1),
  });
  assert.equal(huge.ok, false);
  assert.match(huge.error, /too large/);
  const after = await bg.storedRecord();
  assert.equal(after.revision, before.revision, "a refusal stored the network");
});

test("a_digest_the_core_refuses_answers_its_reason_and_changes_nothing", async () => {
  const { bg } = await backgroundWithPeople(2);
  const before = await bg.storedRecord();
  for (const digest of ["not json", JSON.stringify({ hello: "world" })]) {
    const answer = await bg.fromPage({ type: "import-archive", digest });
    assert.equal(answer.ok, false, digest);
    assert.match(answer.error, /import refused, nothing was changed/);
  }
  assert.equal((await bg.storedRecord()).revision, before.revision);
});

test("import_archive_is_only_taken_from_an_extension_page", async () => {
  const { bg, crowd } = await backgroundWithPeople(2);
  const tab = bg.openTab({ id: 2 });
  const answer = await bg.fromTab(tab, {
    type: "import-archive",
    digest: JSON.stringify(digestOf([...crowd, ...people(3, "other")])),
  });
  assert.equal(answer, undefined, "a LinkedIn tab's import-archive was answered");
});
