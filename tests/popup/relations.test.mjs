// The popup's other relations (relations.js), under the three figures: the
// invitations the member sent that are still pending (how many, how old the
// oldest is, how many over a month old) and the people they follow who are
// not connections; "—" and the page to read while that page was never read.
// Then the followers who are not connections, the core's estimate from the
// followers and connections figures, "—" until both are read, and the advice.
// Drawn from what the real core answers. Run: node --test tests/popup/
import { test } from "node:test";
import assert from "node:assert/strict";

import { axeViolations, byTestId, isShown, settle, text } from "../review/dom.mjs";
import {
  HOUR,
  backgroundWith,
  emptySummary,
  fullSummary,
  openPopup,
  readRelations,
  unreadRelations,
} from "./helpers.mjs";
import { FOLLOWING_PAGE, SENT_PAGE, coreSummary, coreWithRelations } from "./core.mjs";

/** `relations` before the followers page was read person by person: the estimate shows. */
const unlisted = (relations) => ({
  ...relations,
  followersListed: 0,
  followersListedNotConnections: 0,
  followersListReadMs: null,
});

const line = (doc, relation) => doc.querySelector(`[data-relation="${relation}"]`);

/** What a member sees or hears of `element`: its text outside hidden parts. */
function shown(element) {
  const doc = element.ownerDocument;
  const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  const words = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (isShown(node.parentElement)) words.push(node.nodeValue);
  }
  return words.join(" ").replace(/\s+/g, " ").trim();
}
const part = (doc, relation, name) => line(doc, relation).querySelector(`[data-part="${name}"]`);

/** A popup drawing the core's Summary of `core`, with its relations. */
async function popupOf(t, core, options) {
  const summary = core.summary(Date.now());
  return { ...(await openPopup(t, backgroundWith(summary, options))), summary };
}

test("unread_pages_show_a_dash_and_the_link_to_read_each", async (t) => {
  // The core's Summary with the connections page read, neither of the others.
  const core = coreWithRelations({ connections: ["Ana One", "Bob Two"] });
  const { doc, extension, summary } = await popupOf(t, core);
  assert.equal(summary.relations.invitationsReadMs, null, "the core says: never read");
  assert.equal(summary.relations.followingReadMs, null);

  for (const [relation, testId, page, link] of [
    ["invitations", "pending-invitations", SENT_PAGE, "Visit your sent invitations page"],
    ["following", "following-not-connections", FOLLOWING_PAGE, "Visit your following page"],
  ]) {
    assert.equal(byTestId(doc, testId).textContent, "", `${testId}: no digits while unread`);
    assert.ok(isShown(part(doc, relation, "missing")), `${relation}: the dash`);
    assert.ok(isShown(part(doc, relation, "hint")), `${relation}: the link`);
    assert.ok(!isShown(part(doc, relation, "detail")));
    const anchor = part(doc, relation, "hint-link");
    assert.equal(anchor.href, page);
    assert.equal(text(anchor), link);
    assert.equal(line(doc, relation).dataset.read, "false");
  }
  assert.equal(
    shown(line(doc, "invitations")),
    "— pending invitations Not read yet. Visit your sent invitations page",
  );
  assert.equal(
    shown(line(doc, "following")),
    "— people you follow who are not connections Not read yet. Visit your following page",
  );

  // The link opens the page in a tab (a popup's own navigation would replace it).
  part(doc, "invitations", "hint-link").click();
  await settle();
  assert.deepEqual(extension.opened, [SENT_PAGE]);
});

test("read_pages_show_the_core_counts_the_oldest_age_and_those_over_a_month", async (t) => {
  const core = coreWithRelations({
    connections: ["Ana One"],
    invitations: [
      ["Old Invite", "Sent 3 months ago"],
      ["Mid Invite", "Sent 5 weeks ago"],
      ["New Invite", "Sent 2 days ago"],
    ],
    follows: ["Ana One", "Star Poster"],
  });
  const { doc, summary } = await popupOf(t, core);
  assert.equal(summary.relations.pendingInvitations, 3);
  assert.equal(summary.relations.invitationsOverAMonth, 2);
  assert.equal(summary.relations.followingNotConnections, 1, "Ana is a connection");

  assert.equal(byTestId(doc, "pending-invitations").textContent, "3");
  assert.ok(!isShown(part(doc, "invitations", "missing")));
  assert.ok(!isShown(part(doc, "invitations", "hint")));
  assert.equal(
    shown(line(doc, "invitations")),
    `3 pending invitations (oldest sent about 3 months ago, 2 over a month old)`,
  );
  assert.equal(line(doc, "invitations").dataset.read, "true");
  // One person: the words agree with the number.
  assert.equal(byTestId(doc, "following-not-connections").textContent, "1");
  assert.equal(shown(line(doc, "following")), "1 person you follow who is not a connection");
  assert.ok(!isShown(part(doc, "following", "hint")));
  // The following figure stays LinkedIn's total, untouched by the people read.
  assert.equal(byTestId(doc, "following-count").textContent, "");
});

test("counts_are_digits_with_the_language_s_separators", async (t) => {
  const invitations = Array.from({ length: 1234 }, (_, i) => [`Person ${i}`, "Sent 1 week ago"]);
  const core = coreWithRelations({ invitations, follows: [] });
  const english = await popupOf(t, core);
  assert.equal(english.summary.relations.pendingInvitations, 1234);
  const digits = byTestId(english.doc, "pending-invitations").textContent;
  assert.equal(digits, "1,234");
  assert.match(digits, /^[\d,]+$/, "digits only, no words");
  assert.equal(
    shown(line(english.doc, "invitations")),
    "1,234 pending invitations (oldest sent 7 days ago)",
    "none over a month: not said",
  );
  // A following page that listed nobody: the core dates a page by the people
  // read on it, so it still reads as never read (a dash, not a 0).
  assert.equal(english.summary.relations.followingReadMs, null);
  assert.equal(byTestId(english.doc, "following-not-connections").textContent, "");
  const german = await popupOf(t, core, { language: "de" });
  assert.equal(byTestId(german.doc, "pending-invitations").textContent, "1.234");
  assert.match(shown(line(german.doc, "invitations")), /^1\.234 ausstehende Einladungen \(/);
});

test("a_page_read_with_nobody_left_shows_zero_not_a_dash", async (t) => {
  // Every invitation withdrawn since: the page was read, nothing pending.
  const summary = fullSummary({
    relations: readRelations({
      pendingInvitations: 0,
      oldestInvitationDays: null,
      invitationsOverAMonth: 0,
      followingNotConnections: 0,
    }),
  });
  const { doc } = await openPopup(t, backgroundWith(summary));
  assert.equal(byTestId(doc, "pending-invitations").textContent, "0");
  assert.ok(!isShown(part(doc, "invitations", "missing")));
  assert.ok(!isShown(part(doc, "invitations", "detail")), "no oldest when there is none");
  assert.equal(shown(line(doc, "invitations")), "0 pending invitations");
  assert.equal(shown(line(doc, "following")), "0 people you follow who are not connections");
});

test("the_oldest_invitation_is_as_precise_as_linkedin_s_words", async (t) => {
  const oldest = async (days) => {
    const summary = fullSummary({
      relations: readRelations({ oldestInvitationDays: days, invitationsOverAMonth: 0 }),
    });
    const { doc } = await openPopup(t, backgroundWith(summary));
    return shown(part(doc, "invitations", "detail"));
  };
  assert.equal(await oldest(0), "(oldest sent today)");
  assert.equal(await oldest(1), "(oldest sent yesterday)");
  assert.equal(await oldest(5), "(oldest sent 5 days ago)");
  assert.equal(await oldest(21), "(oldest sent about 3 weeks ago)");
  assert.equal(await oldest(95), "(oldest sent about 3 months ago)");
  assert.equal(await oldest(800), "(oldest sent about 2 years ago)");
});

test("the_full_canned_summary_and_an_older_cache_without_relations", async (t) => {
  const { doc } = await openPopup(t, backgroundWith(fullSummary()));
  assert.equal(byTestId(doc, "pending-invitations").textContent, "1,204");
  assert.equal(
    shown(line(doc, "invitations")),
    "1,204 pending invitations (oldest sent about 3 months ago, 37 over a month old)",
  );
  assert.equal(byTestId(doc, "following-not-connections").textContent, "56");

  // A Summary cached by an earlier netprune has no `relations`: both unread.
  const older = fullSummary();
  delete older.relations;
  const cached = await openPopup(t, backgroundWith(older));
  assert.equal(byTestId(cached.doc, "pending-invitations").textContent, "");
  assert.ok(isShown(part(cached.doc, "invitations", "missing")));
  assert.ok(isShown(part(cached.doc, "following", "hint")));

  // Redrawn with the pages read, then the dash goes.
  const { doc: again } = await openPopup(
    t,
    backgroundWith(emptySummary({ relations: { ...unreadRelations(), followingReadMs: 1 } })),
  );
  assert.ok(!isShown(part(again, "following", "missing")));
  assert.equal(byTestId(again, "following-not-connections").textContent, "0");
});

test("axe_finds_no_violations_in_the_relations_unread_or_read", async (t) => {
  const unread = await openPopup(t, backgroundWith(emptySummary()));
  assert.deepEqual(await axeViolations(unread.dom), [], "never read");
  const read = await openPopup(t, backgroundWith(fullSummary()));
  assert.deepEqual(await axeViolations(read.dom), [], "read");
});

const ADVICE =
  "LinkedIn has no way to remove a single follower short of blocking them, and netprune does " +
  "not block; whether people who are not connections can follow you at all is LinkedIn’s " +
  "privacy setting of who can follow you.";

test("followers_who_are_not_connections_are_the_core_s_estimate_with_the_advice", async (t) => {
  const { summary } = coreSummary({ connections: "1,234", followers: "2,283" });
  assert.equal(summary.relations.followersNotConnections, 1049, "2,283 - 1,234");
  assert.equal(summary.relations.followersNotConnectionsPrecision, "exact");
  const { doc } = await openPopup(t, backgroundWith(summary));
  const digits = byTestId(doc, "followers-not-connections").textContent;
  assert.equal(digits, "1,049");
  assert.match(digits, /^[\d,]+$/, "digits only, no words");
  assert.ok(!isShown(part(doc, "followers", "missing")));
  assert.equal(
    shown(line(doc, "followers")),
    `about 1,049 followers who are not connections (estimated: followers minus connections) ${ADVICE}`,
    "an estimate even from exact figures, said so; the advice beside it",
  );
  assert.equal(line(doc, "followers").dataset.read, "true");

  const german = await openPopup(t, backgroundWith(summary, { language: "de" }));
  assert.equal(byTestId(german.doc, "followers-not-connections").textContent, "1.049");
  assert.match(shown(line(german.doc, "followers")), /^etwa 1\.049 Follower, die keine Kontakte/);
});

test("followers_who_are_not_connections_are_a_dash_until_both_figures_are_read", async (t) => {
  for (const figures of [{ connections: "1,234" }, { followers: "2,283" }, {}]) {
    const { summary } = coreSummary(figures);
    assert.equal(summary.relations.followersNotConnections, null, JSON.stringify(figures));
    const { doc } = await openPopup(t, backgroundWith(summary));
    assert.equal(byTestId(doc, "followers-not-connections").textContent, "");
    assert.ok(isShown(part(doc, "followers", "missing")), "the dash");
    assert.ok(!isShown(part(doc, "followers", "qualifier")), "no 'about' before a dash");
    assert.equal(
      shown(line(doc, "followers")),
      "— followers who are not connections " +
        "(known once both the followers and the connections figures are read) " +
        ADVICE,
    );
    assert.equal(line(doc, "followers").dataset.read, "false");
  }
  // A Summary cached by an earlier netprune has no estimate: a dash too.
  const older = fullSummary();
  for (const key of [
    "followersNotConnections",
    "followersNotConnectionsPrecision",
    "followersListed",
    "followersListedNotConnections",
    "followersListReadMs",
  ]) {
    delete older.relations[key];
  }
  const { doc } = await openPopup(t, backgroundWith(older));
  assert.equal(byTestId(doc, "followers-not-connections").textContent, "");
  assert.ok(isShown(part(doc, "followers", "missing")));
});

test("a_floor_of_connections_makes_the_estimate_the_most_there_can_be", async (t) => {
  // "500+" connections: followers minus the floor is an upper bound.
  const { summary } = coreSummary({ connections: "500+", followers: "1,234", fromProfile: true });
  assert.equal(summary.relations.followersNotConnections, 734);
  assert.equal(summary.relations.followersNotConnectionsPrecision, "at-most");
  const { doc } = await openPopup(t, backgroundWith(summary));
  assert.equal(byTestId(doc, "followers-not-connections").textContent, "734");
  assert.match(shown(line(doc, "followers")), /^at most 734 followers who are not connections /);

  // The other ways it holds, and one follower: the words agree with the number.
  for (const [precision, value, words] of [
    ["at-least", 380, "at least 380 followers who are not connections"],
    ["approximate", 2166, "about 2,166 followers who are not connections"],
    ["exact", 1, "about 1 follower who is not a connection"],
  ]) {
    const relations = unlisted(
      readRelations({
        followersNotConnections: value,
        followersNotConnectionsPrecision: precision,
      }),
    );
    const drawn = await openPopup(t, backgroundWith(fullSummary({ relations })));
    assert.ok(shown(line(drawn.doc, "followers")).startsWith(`${words} (`), precision);
  }
});

test("axe_finds_no_violations_in_the_followers_estimate_known_or_not", async (t) => {
  const known = await openPopup(
    t,
    backgroundWith(fullSummary({ relations: unlisted(readRelations()) })),
  );
  assert.equal(byTestId(known.doc, "followers-not-connections").textContent, "1,049");
  assert.deepEqual(await axeViolations(known.dom), [], "known");
  const listed = await openPopup(t, backgroundWith(fullSummary()));
  assert.equal(byTestId(listed.doc, "followers-listed").textContent, "987");
  assert.deepEqual(await axeViolations(listed.dom), [], "followers read");
  const unknown = await openPopup(t, backgroundWith(emptySummary()));
  assert.deepEqual(await axeViolations(unknown.dom), [], "unknown");
});

test("followers_read_person_by_person_replace_the_estimate_with_how_many_of_them_are_not_connections", async (t) => {
  const summary = fullSummary({
    relations: readRelations({
      followersListed: 1000,
      followersListedNotConnections: 412,
      followersListReadMs: Date.now() - 2 * HOUR,
    }),
  });
  const { doc } = await openPopup(t, backgroundWith(summary));
  assert.equal(byTestId(doc, "followers-listed").textContent, "1,000");
  assert.equal(byTestId(doc, "followers-listed-not-connections").textContent, "412");
  assert.equal(
    shown(line(doc, "followers")),
    `412 of 1,000 followers read are not connections (read on your followers page 2 hours ago) ${ADVICE}`,
    "the count read replaces the estimate; the advice stays",
  );
  assert.ok(!isShown(byTestId(doc, "followers-not-connections")), "no estimate beside it");

  // In German the numbers stand where the language puts them.
  const german = await openPopup(t, backgroundWith(summary, { language: "de" }));
  assert.equal(byTestId(german.doc, "followers-listed").textContent, "1.000");
  assert.match(shown(line(german.doc, "followers")), /^412 der 1\.000 gelesenen Follower sind/);

  // None read (or a core that does not say): the estimate, as before.
  const olderCore = readRelations();
  delete olderCore.followersListed;
  delete olderCore.followersListedNotConnections;
  delete olderCore.followersListReadMs;
  for (const relations of [unlisted(readRelations()), olderCore]) {
    const { doc: before } = await openPopup(t, backgroundWith(fullSummary({ relations })));
    assert.equal(byTestId(before, "followers-not-connections").textContent, "1,049");
    assert.ok(!isShown(part(before, "followers", "listed")));
  }
});
