// @ts-check
// The timeouts a page owns: `later` runs a callback once after a delay, and
// `clear` cancels every one still waiting, so a stopped page (or a test's
// teardown) leaves nothing behind.

/**
 * @returns {{
 *   later(callback: () => void, ms: number): ReturnType<typeof setTimeout>,
 *   clear(): void,
 * }}
 */
export function createTimers() {
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const waiting = new Set();
  return {
    later(callback, ms) {
      const timer = setTimeout(() => {
        waiting.delete(timer);
        callback();
      }, ms);
      waiting.add(timer);
      return timer;
    },
    clear() {
      for (const timer of waiting) clearTimeout(timer);
      waiting.clear();
    },
  };
}
