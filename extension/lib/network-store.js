// @ts-check
// Where the member's network is stored: the core's compact bytes
// (`Core.toStored()`, src/storage/compact.rs) in the extension's IndexedDB,
// which holds binary data where storage.local holds only JSON. One database
// ("netprune"), one object store ("networks"), one record per network:
// "active" for the network in use, "network:<slug>" for another LinkedIn
// account's parked one. A record is `{ bytes, revision, savedAtMs }`.
//
// The background is the only writer. IndexedDB tells nobody of a change, so
// after each write the background sets storage.local's `networkRevision` to
// the record's revision: the pages watch that key and read the record again
// when it moves. Earlier builds kept the network as JSON in
// storage.local.snapshot; the background migrates it (core-host.js).

import { databases } from "./browser.js";

export const DB_NAME = "netprune";
export const DB_VERSION = 1;
export const STORE = "networks";
/** The record of the network in use. */
export const ACTIVE = "active";
/** The storage.local key the background moves after each write. */
export const REVISION_KEY = "networkRevision";

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

/** The browser's IndexedDB, or an error that says it is missing. */
function browserFactory() {
  if (!databases)
    throw new Error("netprune cannot use its storage: this browser has no IndexedDB here");
  return databases;
}

/**
 * The stored record under `key`, or undefined. A record of another shape
 * (written by something else) is answered as it is; the caller refuses it.
 * @param {string} [key]
 * @param {IDBFactory} [factory]
 * @returns {Promise<NetworkRecord | undefined>}
 */
export async function readNetwork(key = ACTIVE, factory = browserFactory()) {
  return transact(factory, "readonly", (store) => store.get(key));
}

/**
 * Stores `bytes` under `key` with `revision`; resolves once committed.
 * @param {string} key
 * @param {Uint8Array} bytes
 * @param {number} revision
 * @param {IDBFactory} [factory]
 */
export async function writeNetwork(key, bytes, revision, factory = browserFactory()) {
  /** @type {NetworkRecord} */
  const record = { bytes, revision, savedAtMs: Date.now() };
  await transact(factory, "readwrite", (store) => store.put(record, key));
}

/**
 * Deletes the record under `key` (nothing if there is none).
 * @param {string} key
 * @param {IDBFactory} [factory]
 */
export async function removeNetwork(key, factory = browserFactory()) {
  await transact(factory, "readwrite", (store) => store.delete(key));
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
 * Bytes as base64 text, for a kept-aside copy in storage.local (JSON only).
 * @param {Uint8Array} bytes
 */
export function toBase64(bytes) {
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
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
