// @ts-check
// The one place extension pages name the browser's extension API. Firefox
// exposes the promise-based `browser`; Chrome exposes `chrome`, whose
// functions also return promises in Manifest V3. Pages import `api` and
// `sendMessage` from here and never touch either global directly. Its
// errors are worded in the member's language (lib/i18n.js); a refusal the
// background words itself is shown as the background wrote it.

import { t } from "./i18n.js";

/** @type {any} */
export const api = globalThis.browser ?? globalThis.chrome;

/**
 * The extension's IndexedDB (lib/network-store.js keeps the network there);
 * named here beside `api` so the background's tests give each worker its own.
 * @type {IDBFactory | undefined}
 */
export const databases = globalThis.indexedDB;

/** The message key of what a member reads when the background cannot be reached at all. */
export const BACKGROUND_UNREACHABLE = "errorBackgroundRestarting";

// Chrome: "Could not establish connection. Receiving end does not exist." and
// "The message port closed before a response was received."; Firefox uses the
// same first sentence. They all mean no listener answered: the service worker
// (or Firefox's background page) is stopped, starting or being replaced.
const NO_RECEIVER =
  /could not establish connection|receiving end does not exist|message port closed/i;

// Long enough for a stopped service worker to start and register its
// listeners, short enough that the popup does not look stuck.
const RETRY_DELAY_MS = 400;

/**
 * Why a request to the background failed. `unreachable` is true when no one
 * answered (worth retrying later) and false when the background answered
 * with a reasoned refusal (`{ ok: false, error }`).
 */
export class BackgroundError extends Error {
  /**
   * @param {string} message a sentence a member can read
   * @param {boolean} unreachable
   */
  constructor(message, unreachable) {
    super(message);
    this.name = "BackgroundError";
    this.unreachable = unreachable;
  }
}

/**
 * Sends one request to the background and returns its answer (the object
 * with `ok: true`). Retries once, after a short pause, when nobody answered;
 * a `{ ok: false, error }` answer is final and is not retried.
 *
 * @param {object} message e.g. `{ type: "get-summary" }`
 * @param {any} [extension] the extension API; pages pass nothing and get `api`
 * @returns {Promise<any>}
 * @throws {BackgroundError}
 */
export async function sendMessage(message, extension = api) {
  for (let attempt = 0; ; attempt += 1) {
    const outcome = await attemptOnce(message, extension);
    if (outcome.answer) return outcome.answer;
    if (outcome.refusal !== null) throw new BackgroundError(outcome.refusal, false);
    if (attempt >= 1) throw new BackgroundError(t(BACKGROUND_UNREACHABLE), true);
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
  }
}

/**
 * @param {object} message
 * @param {any} extension
 * @returns {Promise<{ answer: any, refusal: string | null }>}
 */
async function attemptOnce(message, extension) {
  if (!extension?.runtime?.sendMessage) {
    // Opened outside the extension (a plain file, a stale tab after an
    // uninstall): there is no background to ask, now or after a retry.
    throw new BackgroundError(t("errorBackgroundMissing"), true);
  }
  let answer;
  try {
    answer = await extension.runtime.sendMessage(message);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (NO_RECEIVER.test(text)) return { answer: null, refusal: null };
    throw new BackgroundError(t("errorBackgroundFailed", text), true);
  }
  // Firefox resolves with `undefined` when a listener ran but never
  // answered, which is what a background still starting up looks like.
  if (answer === undefined || answer === null || typeof answer !== "object") {
    return { answer: null, refusal: null };
  }
  if (answer.ok === true) return { answer, refusal: null };
  const refusal =
    typeof answer.error === "string" && answer.error.trim() !== ""
      ? answer.error
      : t("errorBackgroundRefused");
  return { answer: null, refusal };
}
