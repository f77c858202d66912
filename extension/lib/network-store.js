// @ts-check
// Where the member's network is stored: the core's compact bytes
// (`Core.toStored()`, src/storage/compact.rs), one record per network:
// "active" for the network in use, "network:<slug>" for another LinkedIn
// account's parked one. A record is `{ bytes, revision, savedAtMs }`.
//
// Where the bytes live depends on the browser (`thisBrowser`):
// - Chrome: the extension's IndexedDB (database "netprune", object store
//   "networks"), which holds binary data where storage.local holds only
//   JSON, and which the worker and every page share.
// - Firefox: storage.local, under "stored:<key>", the same bytes as base64
//   text. There an extension page in a private window gets a private
//   IndexedDB of its own (the review page would find no network), and with
//   "Never remember history" the extension's IndexedDB is emptied at every
//   quit (uBlockOrigin/uBlock-issues#2725, AdguardTeam/AdguardBrowserExtension
//   #2391, w3c/webextensions#534; uBlock Origin moved its own storage back
//   to storage.local for it). storage.local is kept in both cases.
// In Chrome, a write IndexedDB refuses goes to storage.local instead, and
// readers look in both places and take the newer revision, so that copy is
// never shadowed by an older record. Firefox never touches IndexedDB.
//
// The background is the only writer. IndexedDB tells nobody of a change, so
// after each write the background sets storage.local's `networkRevision` to
// the record's revision: the pages watch that key and read the record again
// when it moves. Earlier builds kept the network as JSON in
// storage.local.snapshot; the background migrates it (core-host.js).

import { api, databases } from "./browser.js";

export const DB_NAME = "netprune";
export const DB_VERSION = 1;
export const STORE = "networks";
/** The record of the network in use. */
export const ACTIVE = "active";
/** The storage.local key the background moves after each write. */
export const REVISION_KEY = "networkRevision";
/** Where Firefox keeps a record in storage.local: this prefix and its key. */
export const LOCAL_PREFIX = "stored:";

/**
 * A stored network.
 * @typedef {{ bytes: Uint8Array, revision: number, savedAtMs: number }} NetworkRecord
 */

/** @type {WeakMap<IDBFactory, Promise<IDBDatabase>>} */
const opened = new WeakMap();

/**
 * The database, opened once per factory (and again after it was closed).
 * @param {IDBFactory} factory
 * @returns {Promise<IDBDatabase>}
 */
function open(factory) {
  let db = opened.get(factory);
  if (!db) {
    db = new Promise((resolve, reject) => {
      const request = factory.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE)) {
          request.result.createObjectStore(STORE);
        }
      };
      request.onsuccess = () => {
        const database = request.result;
        // Closed by the browser (storage cleared) or by a newer version
        // opening elsewhere: the next call opens it again.
        const forget = () => {
          if (opened.get(factory) === db) opened.delete(factory);
        };
        database.onclose = forget;
        database.onversionchange = () => {
          database.close();
          forget();
        };
        resolve(database);
      };
      request.onerror = () => reject(storeError(request.error));
      request.onblocked = () =>
        reject(new Error("netprune's storage is held open by an older tab"));
    });
    db.catch(() => opened.delete(factory));
    opened.set(factory, db);
  }
  return db;
}

/** @param {unknown} cause */
function storeError(cause) {
  const why =
    cause instanceof Error || cause instanceof DOMException ? cause.message : String(cause);
  return new Error(`netprune cannot use its storage (IndexedDB): ${why}`);
}

/**
 * Runs one request in its own transaction and answers its result once the
 * transaction has committed (a write that resolves is on disk).
 * @param {IDBFactory} factory
 * @param {IDBTransactionMode} mode
 * @param {(store: IDBObjectStore) => IDBRequest} ask
 */
async function transact(factory, mode, ask) {
  const db = await open(factory);
  return new Promise((resolve, reject) => {
    /** @type {IDBRequest} */
    let request;
    try {
      const tx = db.transaction(STORE, mode);
      request = ask(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onabort = () => reject(storeError(tx.error ?? "the write was cancelled"));
      tx.onerror = () => reject(storeError(tx.error));
    } catch (error) {
      reject(storeError(error));
    }
  });
}

/**
 * Where records are kept: the IndexedDB factory (if any), the storage.local
 * area, and whether IndexedDB is the home (else storage.local is). The
 * background's tests pass their own.
 * @typedef {{ databases?: IDBFactory, local?: any, indexedDbHome: boolean }} Places
 */

/**
 * Whether the network's home is IndexedDB: in Chrome (one IndexedDB for
 * the worker and every page), not in Firefox (see the top of this file;
 * `runtime.getBrowserInfo` is Firefox's own).
 * @returns {Places}
 */
function thisBrowser() {
  return {
    databases,
    local: api?.storage?.local,
    indexedDbHome: Boolean(databases) && typeof api?.runtime?.getBrowserInfo !== "function",
  };
}

/**
 * The record kept in storage.local under `key`, as a NetworkRecord; a value
 * of another shape is answered as it is (the caller refuses it).
 * @param {Places} places
 * @param {string} key
 * @returns {Promise<unknown>}
 */
async function readLocal(places, key) {
  if (!places.local) return undefined;
  const name = LOCAL_PREFIX + key;
  const value = ((await places.local.get(name)) ?? {})[name];
  if (typeof value?.base64 !== "string" || !Number.isFinite(value.revision)) return value;
  try {
    return {
      bytes: fromBase64(value.base64),
      revision: value.revision,
      savedAtMs: value.savedAtMs,
    };
  } catch {
    return value; // not base64: damaged, refused by the caller
  }
}

/**
 * The stored record under `key`, or undefined: where IndexedDB is the home,
 * the newer of its record and a storage.local one; elsewhere the
 * storage.local one. A record of another shape (damaged, or written by
 * something else) is answered as it is; the caller refuses it. Throws only
 * when IndexedDB, the home, cannot be read and storage.local holds nothing.
 * @param {string} [key]
 * @param {Places} [places]
 * @returns {Promise<NetworkRecord | undefined>}
 */
export async function readNetwork(key = ACTIVE, places = thisBrowser()) {
  /** @type {unknown} */
  let fromDb;
  /** @type {unknown} */
  let dbError;
  if (places.databases && places.indexedDbHome) {
    try {
      fromDb = await transact(places.databases, "readonly", (store) => store.get(key));
    } catch (error) {
      dbError = error;
    }
  }
  const fromLocal = await readLocal(places, key);
  const found = [fromDb, fromLocal].filter((record) => record !== undefined);
  if (found.length === 0) {
    if (dbError) throw dbError;
    return undefined;
  }
  const revision = (/** @type {unknown} */ record) =>
    isNetworkRecord(record) ? record.revision : -Infinity;
  return /** @type {any} */ (found.reduce((a, b) => (revision(b) > revision(a) ? b : a)));
}

/**
 * Stores `bytes` under `key` with `revision` in this browser's home for
 * them; resolves once committed. Where IndexedDB refuses the write, the
 * bytes go to storage.local instead, so nothing is lost. The copy in the
 * other place, if any, is removed after.
 * @param {string} key
 * @param {Uint8Array} bytes
 * @param {number} revision
 * @param {Places} [places]
 */
export async function writeNetwork(key, bytes, revision, places = thisBrowser()) {
  const savedAtMs = Date.now();
  if (places.indexedDbHome && places.databases) {
    try {
      /** @type {NetworkRecord} */
      const record = { bytes, revision, savedAtMs };
      await transact(places.databases, "readwrite", (store) => store.put(record, key));
      await places.local?.remove(LOCAL_PREFIX + key);
      return;
    } catch (error) {
      if (!places.local) throw error;
      console.warn("netprune: IndexedDB refused the network; it is kept in storage.local:", error);
    }
  }
  if (!places.local)
    throw new Error("netprune cannot use its storage: no place to keep the network");
  await places.local.set({
    [LOCAL_PREFIX + key]: { base64: toBase64(bytes), revision, savedAtMs },
  });
  if (places.databases && places.indexedDbHome) {
    try {
      await transact(places.databases, "readwrite", (store) => store.delete(key));
    } catch {
      // Nothing there to shadow it: readers take the newer revision.
    }
  }
}

/**
 * Deletes the record under `key` from both places (nothing if there is none).
 * @param {string} key
 * @param {Places} [places]
 */
export async function removeNetwork(key, places = thisBrowser()) {
  await places.local?.remove(LOCAL_PREFIX + key);
  if (places.databases && places.indexedDbHome) {
    await transact(places.databases, "readwrite", (store) => store.delete(key));
  }
}

/**
 * Whether `record` has the shape of a stored network.
 * @param {unknown} record
 * @returns {record is NetworkRecord}
 */
export function isNetworkRecord(record) {
  const r = /** @type {any} */ (record);
  return (
    typeof r === "object" &&
    r !== null &&
    r.bytes instanceof Uint8Array &&
    Number.isFinite(r.revision)
  );
}

/**
 * Bytes as base64 text (storage.local holds only JSON): the browser's own
 * encoder where it has one (Chrome 140, Firefox 133), else in chunks.
 * @param {Uint8Array} bytes
 */
export function toBase64(bytes) {
  const native = /** @type {any} */ (bytes).toBase64;
  if (typeof native === "function") return native.call(bytes);
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

/**
 * The bytes of base64 text written by `toBase64`.
 * @param {string} text
 */
export function fromBase64(text) {
  const native = /** @type {any} */ (Uint8Array).fromBase64;
  if (typeof native === "function") return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
