// The review page against the real core (tests/review/helpers.mjs):
// LinkedIn's data archive. The page reads the chosen files in its own
// ArchiveReader and sends only the digest; here the stub background merges
// it with a real core (as background/messages.js does) and stores the
// network, so the report, the status line, the "Last contact" column, the
// details, the histogram's contact mode and the query hint are all drawn
// from what the real core answers.
// Run: node --test tests/review/ (after ./build.sh testbuild)
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  contactFilterOf,
  withContactFilter,
  withYearFilter,
} from "../../extension/review/review.js";
import {
  archiveTermsIn,
  contactFields,
  daysSince,
  lastContactOf,
} from "../../extension/review/archive.js";
import { byTestId, click, frame, isShown, text, type, waitFor } from "./dom.mjs";
import { openReview, rows } from "./helpers.mjs";
import { importArchive, openWithArchiveBackground } from "./archive-helpers.mjs";
import { makeArchiveFiles, MARKER, zipFiles } from "../support/archive.mjs";
import { bombText, damageMember, MESSAGES_HEADER } from "../support/archive-damage.mjs";

// ---------------------------------------------------------------------------
// Pure helpers.

test("contact_filters_round_trip_and_leave_the_rest_of_the_query_alone", () => {
  assert.equal(withContactFilter("", "3"), "messaged:before:3y messaged:after:4y");
  assert.equal(contactFilterOf("messaged:before:3y messaged:after:4y"), "3");
  assert.equal(withContactFilter("messaged:before:3y messaged:after:4y", "3"), "");
  assert.equal(withContactFilter("name:ada", "never"), "name:ada messaged:never");
  assert.equal(
    withContactFilter("name:ada messaged:never", "10"),
    "name:ada messaged:before:10y",
    "another bar replaces the first",
  );
  assert.equal(withContactFilter("", "0"), "messaged:after:1y");
  assert.equal(contactFilterOf("messaged:after:1y"), "0");
  assert.equal(contactFilterOf("name:ada"), null);
  // Year bars and contact bars stack.
  assert.equal(
    withYearFilter(withContactFilter("", "never"), 2019),
    "messaged:never after:2019 before:2020",
  );
});

test("a_null_contact_is_unknown_and_an_all_zero_one_is_never_messaged", () => {
  const archive = {
    archiveDay: "2026-03-09",
    importedMs: 0,
    kinds: ["messages"],
    messages: true,
    peopleWithContact: 1,
  };
  // Connected after the archive was made: the core answers null.
  assert.equal(lastContactOf(null, archive).words, "");
  assert.deepEqual(contactFields(null, archive), []);
  // Covered by the archive, no message either way: all zero.
  // (the fields these read; the rest are zero and null as well).
  const zero = { lastMessage: null, firstMessage: null, messages: 0, invitedBy: null };
  assert.notEqual(lastContactOf(zero, archive).words, "");
  assert.equal(contactFields(zero, archive).length, 1);
  // Without messages in any archive, nothing is "never".
  assert.equal(lastContactOf(zero, { ...archive, messages: false }).words, "");
});

test("archive_terms_and_days_since", () => {
  assert.equal(archiveTermsIn("messaged:never"), "messages");
  assert.equal(archiveTermsIn("before:3y -messages:>3"), "messages");
  assert.equal(archiveTermsIn("invited:me"), "any");
  assert.equal(archiveTermsIn("sort:-contact"), "any");
  assert.equal(archiveTermsIn("name:messaged"), null);
  assert.equal(daysSince("2026-01-01", Date.UTC(2026, 0, 11, 12)), 10);
  assert.equal(daysSince(null, Date.now()), null);
});

// ---------------------------------------------------------------------------
// Before any archive.

test("without_an_archive_the_status_says_so_the_column_is_empty_and_message_terms_get_a_hint", async (t) => {
  const { dom, doc } = await openReview(t);
  const status = byTestId(doc, "archive-status");
  assert.match(text(status), /No data archive imported yet/);
  assert.match(text(status), /message text is never stored/);
  const link = byTestId(doc, "archive-download");
  assert.equal(
    link.getAttribute("href"),
    "https://www.linkedin.com/mypreferences/d/download-my-data",
  );
  assert.equal(link.getAttribute("target"), "_blank");
  assert.match(link.getAttribute("rel"), /\bnoopener\b/);

  const cells = rows(doc).map((row) => row.querySelector('[data-testid="row-last-contact"]'));
  assert.ok(cells.length > 0 && cells.every((cell) => cell && text(cell) === ""));

  const hint = byTestId(doc, "archive-hint");
  assert.equal(isShown(hint), false);
  await type(dom, byTestId(doc, "filter-input"), "messaged:never");
  assert.equal(isShown(hint), true, "no hint for messaged: without an archive");
  assert.match(text(hint), /data archive/);
  click(dom, doc.getElementById("archive-hint-import"));
  assert.equal(byTestId(doc, "data-settings").open, true);
  assert.equal(doc.activeElement, byTestId(doc, "import-archive"));
  await type(dom, byTestId(doc, "filter-input"), "name:ada");
  assert.equal(isShown(hint), false, "the hint stays after the term is gone");

  const mode = byTestId(doc, "histogram-mode");
  mode.value = "contact";
  mode.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  await frame(dom);
  assert.equal(byTestId(doc, "histogram").children.length, 0);
  assert.match(text(doc.getElementById("histogram-unknown")), /data archive/);
  assert.match(text(doc.getElementById("histogram-heading")), /Last contact/);
});

// ---------------------------------------------------------------------------
// Importing a generated archive, end to end through the real reader and merge.

const DAY_MS = 86_400_000;
const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const figure = (report, name) =>
  Number(text(report.querySelector(`[data-figure="${name}"]`)).replace(/\D/g, ""));

test("a_2026_zip_imports_through_the_page_reader_with_its_report_status_column_details_and_histogram", async (t) => {
  const { files, expected } = makeArchiveFiles({ connections: 40, messages: 300, seed: 3 });
  const zip = await zipFiles(files);
  const { dom, doc, background, extension } = await openWithArchiveBackground(t);
  const report = await importArchive(dom, doc, [
    new dom.window.File([zip], "Basic_LinkedInDataExport.zip", { type: "application/zip" }),
  ]);

  assert.equal(background.digests.length, 1, "one digest sent");
  const [sent] = extension.sent.filter((m) => m.type === "import-archive");
  assert.deepEqual(Object.keys(sent).sort(), ["digest", "type"], "only the digest is sent");
  assert.equal(sent.digest.includes(MARKER), false, "message text left the reader");
  assert.equal(text(report).includes(MARKER), false);

  assert.match(text(report), /Your data archive was imported/);
  assert.equal(figure(report, "messages"), expected.messages);
  assert.equal(figure(report, "conversations"), expected.conversations);
  assert.match(text(report), /messages\.csv: read as messages/);
  assert.match(text(report), /passed over/, "the files netprune ignores are named");
  assert.match(text(report), /Your archive is now \d+ days? old/);
  assert.equal(byTestId(doc, "import-archive").disabled, false);
  assert.equal(byTestId(doc, "import-archive").value, "");

  // The replica reloads: the status line, the column, the details.
  await waitFor(
    () =>
      /data archive of \d{4}-\d{2}-\d{2} \(\d+ days? old\)/.test(
        text(byTestId(doc, "archive-status")),
      ),
    "the status line",
  );
  await waitFor(() => rows(doc).length > 0, "rows");
  const input = byTestId(doc, "filter-input");
  await type(dom, input, "messaged:never");
  assert.equal(isShown(byTestId(doc, "archive-hint")), false, "a hint with an archive");
  assert.equal(text(byTestId(doc, "result-count")), String(expected.neverMessaged.length));
  for (const row of rows(doc)) {
    assert.equal(text(row.querySelector('[data-testid="row-last-contact"]')), "never messaged");
  }

  await type(dom, input, "messages:>0 sort:-contact");
  const first = rows(doc)[0];
  const slug = first.dataset.slug;
  const known = expected.people[slug];
  assert.ok(known?.lastMessage !== undefined, `no expected interaction for ${slug}`);
  const messages = (known.sent ?? 0) + (known.received ?? 0);
  assert.equal(
    text(first.querySelector('[data-testid="row-last-contact"]')),
    `${isoOf(known.lastMessage)} · ${messages} message${messages === 1 ? "" : "s"}`,
  );
  click(dom, first.querySelector(".row-main"));
  const field = (term) =>
    text(
      [...doc.querySelectorAll("#details-fields dt")].find((dt) => text(dt) === term)
        ?.nextElementSibling ?? doc.createElement("dd"),
    );
  assert.equal(field("Last message"), isoOf(known.lastMessage));
  assert.match(
    field("Messages"),
    new RegExp(`${known.sent ?? 0} from you, ${known.received ?? 0} from them`),
  );

  // The histogram by years since the last message; a bar filters.
  await type(dom, input, "");
  const mode = byTestId(doc, "histogram-mode");
  mode.value = "contact";
  mode.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  await frame(dom);
  const bars = [...byTestId(doc, "histogram").querySelectorAll("button[data-contact]")];
  assert.equal(bars.length, 12, "0..9, 10+ and never");
  const never = bars.find((bar) => bar.dataset.contact === "never");
  assert.match(
    never.getAttribute("aria-label"),
    new RegExp(`${expected.neverMessaged.length} (person|people)`),
  );
  click(dom, never);
  await frame(dom);
  assert.equal(input.value, "messaged:never");
  assert.equal(text(byTestId(doc, "result-count")), String(expected.neverMessaged.length));
  assert.equal(never.getAttribute("aria-pressed"), "true");
});

for (const layout of ["2023", "2021"]) {
  test(`a_${layout}_archive_chosen_as_loose_csv_files_with_hostile_names_imports_with_the_expected_figures`, async (t) => {
    const { files, expected } = makeArchiveFiles({
      connections: 30,
      messages: 200,
      seed: 5,
      layout,
      extras: { hostile: true, crlf: layout === "2021", bom: layout === "2023" },
    });
    const { dom, doc } = await openWithArchiveBackground(t);
    const chosen = Object.entries(files)
      .filter(([name]) => name.endsWith(".csv"))
      .map(
        ([name, content]) =>
          new dom.window.File([content], name.split("/").pop(), { type: "text/csv" }),
      );
    const report = await importArchive(dom, doc, chosen);
    assert.match(text(report), /Your data archive was imported/, text(report));
    assert.equal(figure(report, "messages"), expected.messages);
    assert.equal(text(report).includes(MARKER), false);
    await waitFor(() => rows(doc).length > 0, "rows");
    await type(dom, byTestId(doc, "filter-input"), "messaged:never");
    assert.equal(text(byTestId(doc, "result-count")), String(expected.neverMessaged.length));
  });
}

test("a_corrupt_member_and_an_oversized_one_are_refused_while_the_rest_imports_and_a_file_that_is_no_archive_changes_nothing", async (t) => {
  const { files } = makeArchiveFiles({ connections: 20, messages: 100, seed: 9 });
  let damaged = `${MESSAGES_HEADER}\n`;
  for (let i = 0; i < 2_000; i += 1) {
    damaged += `9-${i}==,,Ana Fictive,https://www.linkedin.com/in/ana-fictive,Morgan Owner,https://www.linkedin.com/in/morgan-owner,2023-07-08 08:39:28 UTC,,${MARKER} ${i},INBOX\n`;
  }
  const zip = damageMember(
    await zipFiles({
      "messages.csv": damaged,
      "Connections.csv": files["Connections.csv"],
      "Invitations.csv": bombText(),
    }),
    "messages.csv",
  );

  const { dom, doc, store } = await openWithArchiveBackground(t);
  const report = await importArchive(dom, doc, [
    new dom.window.File([zip], "archive.zip", { type: "application/zip" }),
  ]);
  const said = text(report);
  assert.match(said, /Your data archive was imported/, said);
  assert.match(said, /messages\.csv was refused: [^.]*damaged/, said);
  assert.match(said, /Invitations\.csv was refused/, said);
  assert.equal(figure(report, "messages"), 0, "the damaged member added messages");
  assert.match(said, /Connections: 20 rows read, 0 matched, 20 added/, said);
  assert.equal(said.includes(MARKER), false);

  // A file that is not what it claims: refused, and nothing changes.
  await waitFor(() => rows(doc).length > 0, "rows");
  const before = store.snapshot;
  const bogus = new dom.window.File(["just,some\n1,2\n"], "messages.csv", { type: "text/csv" });
  const refused = await importArchive(dom, doc, [bogus]);
  assert.match(text(refused), /Your data archive was not imported/);
  assert.match(text(refused), /Nothing was changed/);
  assert.match(text(refused), /messages\.csv/);
  assert.equal(store.snapshot, before, "a refused archive stored something");
  assert.equal(byTestId(doc, "import-archive").disabled, false);
});

test("a_background_refusal_is_shown_with_nothing_changed", async (t) => {
  const { files } = makeArchiveFiles({ connections: 10, messages: 30, seed: 2 });
  const { dom, doc, store } = await openWithArchiveBackground(t, {
    refuse: "import refused, nothing was changed: the network could not be saved",
  });
  const before = store.snapshot;
  const report = await importArchive(dom, doc, [
    new dom.window.File([files["messages.csv"] ?? Object.values(files)[0]], "messages.csv"),
  ]);
  assert.match(text(report), /Your data archive was not imported/);
  assert.match(text(report), /could not be saved/);
  assert.match(text(report), /Nothing was changed/);
  assert.equal(store.snapshot, before);
});
