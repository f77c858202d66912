// The review page against the real core (tests/review/helpers.mjs): one
// selection of connections, people invited and people followed offers the
// kinds of step each person's relation allows (issue 13), each with its
// own plan, consequence and message to the background.
// Run: node --test tests/review/
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, click, isShown, settle, text, waitFor } from "./dom.mjs";
import { excludedItems, openQueueDialog } from "./helpers.mjs";
import { mixedPeople } from "./people.mjs";

const kindButtons = (doc) =>
  ["remove", "withdraw", "unfollow"].map((kind) => byTestId(doc, `queue-kind-${kind}`));

test("a_mixed_selection_offers_each_kind_its_people_allow_with_how_many", async (t) => {
  const { doc } = await openQueueDialog(t, { people: mixedPeople() });
  const [remove, withdraw, unfollow] = kindButtons(doc);
  assert.ok(isShown(doc.getElementById("queue-kinds")), "the choice is shown");
  assert.equal(text(remove), "Remove connection (2)");
  assert.equal(text(withdraw), "Withdraw invitation (3)");
  assert.equal(text(unfollow), "Unfollow (3)");
  // A removal first, as "Remove selected" always did.
  assert.equal(remove.getAttribute("aria-pressed"), "true");
  assert.equal(
    text(doc.getElementById("queue-dialog-lead")),
    "2 people will be queued for removal.",
  );
  assert.match(text(byTestId(doc, "queue-consequence")), /Removing a connection is final/);
});

test("choosing_withdraw_plans_only_the_invited_with_its_consequence_and_sends_queue_actions", async (t) => {
  const { dom, doc, extension } = await openQueueDialog(t, {
    people: mixedPeople(),
    answer: (message) =>
      message.type === "queue-actions" ? { ok: true, queued: 3, refused: [] } : { ok: true },
  });
  const [remove, withdraw] = kindButtons(doc);
  click(dom, withdraw);
  await settle();
  assert.equal(withdraw.getAttribute("aria-pressed"), "true");
  assert.equal(remove.getAttribute("aria-pressed"), "false");
  assert.equal(text(doc.getElementById("queue-dialog-title")), "Withdraw sent invitations");
  assert.equal(text(doc.getElementById("queue-dialog-lead")), "3 people will be queued.");
  assert.match(
    text(byTestId(doc, "queue-consequence")),
    /cannot be sent again to that person for up to three weeks/,
  );
  // The connections and the people only followed are left out, with why.
  assert.deepEqual(excludedItems(doc), [
    "4 people no pending invitation from you on your sent invitations page: Connection 1, Connection 2, Followed One, Followed Two.",
  ]);
  // No connection count changes and no badge is at stake.
  assert.ok(!isShown(doc.getElementById("queue-after")));
  assert.ok(!isShown(doc.getElementById("queue-below-500")));
  // The name is text, never markup.
  assert.ok(text(byTestId(doc, "confirm-people")).includes("<b>Invited</b> Three"));
  const confirm = byTestId(doc, "confirm-queue");
  assert.equal(text(confirm), "Queue 3 people to withdraw");
  click(dom, confirm);
  await waitFor(() => doc.querySelector("#queue-result .report-title"), "the answer");
  const [message] = extension.sent.filter((m) => m.type.startsWith("queue-"));
  assert.equal(message.type, "queue-actions");
  assert.equal(message.kind, "withdraw");
  assert.equal(message.dryRun, false);
  assert.deepEqual([...message.slugs].sort(), ["invited-1", "invited-2", "invited-3"]);
  assert.match(
    text(doc.getElementById("queue-result")),
    /Queued 3 people to withdraw their invitation\./,
  );
});

test("choosing_unfollow_keeps_the_connection_and_offers_a_dry_run", async (t) => {
  const { dom, doc, extension } = await openQueueDialog(t, {
    people: mixedPeople(),
    answer: (message) =>
      message.type === "queue-actions" ? { ok: true, queued: 3, refused: [] } : { ok: true },
  });
  click(dom, byTestId(doc, "queue-kind-unfollow"));
  await settle();
  assert.match(text(byTestId(doc, "queue-consequence")), /Unfollowing keeps the connection/);
  const dryRun = byTestId(doc, "dry-run");
  dryRun.checked = true;
  dryRun.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
  assert.match(text(doc.getElementById("queue-mode-words")), /^Dry run: nothing will be done\./);
  click(dom, byTestId(doc, "confirm-queue"));
  await waitFor(() => doc.querySelector("#queue-result .report-title"), "the answer");
  const [message] = extension.sent.filter((m) => m.type.startsWith("queue-"));
  assert.deepEqual(
    { type: message.type, kind: message.kind, dryRun: message.dryRun },
    { type: "queue-actions", kind: "unfollow", dryRun: true },
  );
  assert.deepEqual([...message.slugs].sort(), ["conn-1", "followed-1", "followed-2"]);
});

test("connections_only_show_no_choice_and_queue_removals_as_before", async (t) => {
  const people = mixedPeople().filter((p) => p.slug === "conn-2");
  const { doc } = await openQueueDialog(t, { people });
  assert.ok(!isShown(doc.getElementById("queue-kinds")), "no choice to make");
  assert.equal(text(doc.getElementById("queue-dialog-title")), "Remove people from your network");
});
