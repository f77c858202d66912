// The network the background stored, read the way the extension reads it:
// in one of its own pages, with its own lib/network-store.js (IndexedDB) and
// its own core, and handed back as the JSON snapshot (`toStoredJson()`), so
// a test can look at people, queue and saved queries. Both browsers'
// harnesses run `storedNetworkInPage` in an extension page.

/* global chrome, browser, indexedDB */

/**
 * Runs in an extension page (serialised: it must use nothing from outside
 * itself). Answers the JSON text of the network stored under `key` ("active",
 * or "network:<slug>" for a parked account's), or null when none is stored.
 * @param {string} key
 * @returns {Promise<string | null>}
 */
export async function storedNetworkInPage(key) {
  const extension = typeof browser === "undefined" ? chrome : browser;
  const store = await import(extension.runtime.getURL("lib/network-store.js"));
  const record = await store.readNetwork(key);
  if (record === undefined) return null;
  const glue = await import(extension.runtime.getURL("core/netprune.js"));
  await glue.default();
  const core = glue.Core.restoreStored(record.bytes);
  try {
    return core.toStoredJson();
  } finally {
    core.free();
  }
}

/**
 * Runs in an extension page: stores `bytes` as the active network under the
 * next revision, as damage on disk might leave it (only tests write there
 * besides the background).
 * @param {number[]} bytes
 */
export async function storeBytesInPage(bytes) {
  const extension = typeof browser === "undefined" ? chrome : browser;
  const store = await import(extension.runtime.getURL("lib/network-store.js"));
  const record = await store.readNetwork();
  await store.writeNetwork("active", Uint8Array.from(bytes), (record?.revision ?? 0) + 1);
}

/**
 * Runs in an extension page: deletes netprune's IndexedDB database, as a
 * profile that only ever ran an earlier build has none. The background must
 * be stopped (its open connection is closed when another asks to delete).
 */
export function forgetNetworksInPage() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase("netprune");
    request.onsuccess = () => resolve(undefined);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error("the database is held open"));
  });
}
