// @ts-check
// The content script's line to the background: the extension API, delivery
// of one message with a retry, whether this copy of the script is still the
// extension's (it is orphaned by a reload), and the guard that keeps every
// callback's errors away from LinkedIn's page.

/** @type {any} the extension API, `browser` in Firefox, `chrome` in Chromium */
export const api =
  /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
// Long enough for a stopped service worker to start and register its
// listener.
const RETRY_DELAY_MS = 1_000;
/**
 * Deliver one message, retrying once: a rejection usually means the
 * background service worker is stopped or restarting.
 * @param {object} message
 * @returns {Promise<{ delivered: boolean, answer: unknown }>}
 */
export async function deliver(message) {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (attempt > 0) {
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      if (!extensionAlive()) return { delivered: false, answer: undefined };
    }
    try {
      const answer = await api.runtime.sendMessage(message);
      return { delivered: true, answer };
    } catch {
      // Retried once below; a second failure is reported to the caller.
    }
  }
  return { delivered: false, answer: undefined };
}

// After the extension is reloaded or updated, this copy of the script is
// orphaned: runtime.id disappears and every API call throws.
export function extensionAlive() {
  try {
    return Boolean(api.runtime?.id);
  } catch {
    return false;
  }
}

/**
 * Wrap a callback so that nothing it throws reaches LinkedIn's page: a
 * reader bug must never break the member's LinkedIn, and logging to the
 * page's console would be visible to LinkedIn's own error reporting.
 * @template {unknown[]} A
 * @param {(...args: A) => void} callback
 * @returns {(...args: A) => void}
 */
export const guarded =
  (callback) =>
  (...args) => {
    try {
      callback(...args);
    } catch {
      // Swallowed on purpose; see above.
    }
  };
