// What the end-to-end files of the three kinds of step share (issue 13):
// the queue's progress of one kind, a kind's batch done, the people
// followed and the invitations read, and the mock's people by relation.
import { queueProgress, waitFor } from "./harness.mjs";

/** The queue's progress of one kind, or null. */
export async function kindProgress(session, kind) {
  const progress = await queueProgress(session);
  return progress?.kinds?.find((k) => k.kind === kind) ?? null;
}

/**
 * Waits until `kind` has `done` steps done and, unless `others` says they
 * may still wait, nobody of any kind waits.
 * @param {{ othersWaiting?: boolean, timeout?: number }} [options]
 */
export function kindDone(
  session,
  kind,
  done,
  what,
  { othersWaiting = false, timeout = 120_000 } = {},
) {
  return waitFor(
    async () => {
      const p = await queueProgress(session);
      const k = p?.kinds?.find((x) => x.kind === kind);
      if (!p || !k || k.done !== done) return null;
      if (othersWaiting) return k.pending === 0 ? p : null;
      return p.pending === 0 && p.inProgress === 0 ? p : null;
    },
    { what, timeout, interval: 500, describe: () => queueProgress(session) },
  );
}

/** Waits until the summary's relations say `field` is `n`, and returns them. */
function relationsRead(session, field, n, what) {
  return waitFor(
    async () => {
      const answer = await session.ask({ type: "get-summary" });
      return answer?.summary?.relations?.[field] === n ? answer.summary : null;
    },
    {
      what,
      timeout: 30_000,
      describe: async () => (await session.ask({ type: "get-summary" }))?.summary?.relations,
    },
  );
}

/** Waits until the background holds `n` people followed. */
export const followsRead = (session, n) =>
  relationsRead(session, "followingPeople", n, `${n} people followed read`);

/** Waits until the background holds `n` pending invitations. */
export const invitationsRead = (session, n) =>
  relationsRead(session, "pendingInvitations", n, `${n} pending invitations read`);

/** The people followed who are not connections, as the site made them. */
export const followedOnly = (site) =>
  site.follows
    .filter((row) => row.member && !row.connection)
    .map((row) => row.slug.toLowerCase())
    .sort();
