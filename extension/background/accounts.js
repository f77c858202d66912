// @ts-check
// One network per LinkedIn account: the active one is the "active" record of
// lib/network-store.js, the others are parked under `network:<slug>` there
// (earlier builds parked them as JSON under the same key in storage.local;
// such a one is read, and removed, when its account returns). A reading of
// another account switches networks here (the leaving one is parked, its
// queue paused, its collection stopped), never mixing or dropping either.
import { api } from "../lib/browser.js";
import { isNetworkRecord, readNetwork, removeNetwork, writeNetwork } from "../lib/network-store.js";
import { Core, messageOf, pausedForPage, persistNow, state, utcOffset } from "./core-host.js";
import { haltCollection } from "./collect.js";

// The pause netprune makes when the connections tab shows another account.
export const ACCOUNT_REASON = "LinkedIn is signed in to another account";
// Each LinkedIn account's network: the active one is the "active" record,
// the others are parked under this prefix and the owner's profile slug.
const NETWORK_KEY = "network:";

/** @param {string} member where that member's network is parked */
const parkedKey = (member) => `${NETWORK_KEY}${member.toLowerCase()}`;

/**
 * Makes `member`'s network the active one: the current one is parked under
 * `network:<owner>` (its queue paused if it had work), `member`'s is taken
 * from its parking place, or started empty. Never mixes, never drops: the
 * parked copy is written before the active one changes. Returns false, and
 * changes nothing, when `member`'s parked network cannot be read.
 * @param {string} member
 */
export async function switchNetwork(member) {
  const now = Date.now();
  const key = parkedKey(member);
  const parked = await readNetwork(key);
  const { [key]: parkedJson } = await api.storage.local.get(key);
  let next;
  try {
    if (parked !== undefined) {
      if (!isNetworkRecord(parked)) throw new Error("it is not a netprune snapshot");
      next = Core.restoreStored(parked.bytes);
    } else {
      next = typeof parkedJson === "string" ? Core.restoreJson(parkedJson) : new Core();
    }
  } catch (error) {
    console.warn(`netprune: the saved network of ${member} is unreadable:`, messageOf(error));
    return false;
  }
  const leaving = state.core;
  const progress = leaving.queueProgress(now, utcOffset());
  // A queue paused only for want of the page (the tab was reloading into the
  // other account) is paused again for the account, which is the reason.
  const working = progress.state === "running" || pausedForPage(progress);
  if (working && progress.pending + progress.inProgress > 0) {
    leaving.pauseQueue(
      `${ACCOUNT_REASON} (${member}); this network is ${state.owner}'s`,
      now,
      "account",
    );
  }
  if (leaving.collection()?.running) {
    leaving.finishCollection("stopped", `${ACCOUNT_REASON} (${member})`, now);
    await haltCollection();
  }
  if (state.owner !== null) {
    await writeNetwork(parkedKey(state.owner), leaving.toStored(), state.revision);
  }
  // A step out belongs to the network it came from; its outcome, if it
  // comes, is not this network's. That network verifies it on its return.
  await api.storage.session.remove("stepInFlight");
  next.seedQueueFromCrypto();
  state.core = next;
  state.owner = member;
  state.waitingOn = null;
  await persistNow();
  await removeNetwork(key);
  await api.storage.local.remove(key);
  return true;
}
