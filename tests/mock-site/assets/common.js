// Shared helpers for the mock LinkedIn pages. Every page reads its data from
// the JSON in #mock-state and builds its DOM with createElement and
// textContent only: the people data includes hostile names on purpose.
(function () {
  "use strict";

  const stateElement = document.getElementById("mock-state");
  const state = JSON.parse(stateElement ? stateElement.textContent : "{}");

  function fnv1a(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i += 1) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
  }

  /**
   * Class names the way LinkedIn's newer builds emit them: opaque, and
   * different in every build, so nothing can rely on them.
   */
  const hashedNames = new Map();
  function hashed(...names) {
    return names
      .map((name) => {
        // Cached: a 10,000-person list asks for the same few names per row.
        let hash = hashedNames.get(name);
        if (hash === undefined) {
          hash = `_${fnv1a(`${state.build}:${name}`).toString(36).slice(0, 6)}`;
          hashedNames.set(name, hash);
        }
        return hash;
      })
      .join(" ");
  }

  /**
   * createElement with attributes and children. `text` sets textContent;
   * string children become text nodes. Nothing here parses HTML.
   */
  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children || []) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  /** setTimeout that never fires once the page it belongs to was left. */
  function later(signal, ms, callback) {
    const id = setTimeout(() => {
      if (!signal.aborted) callback();
    }, ms);
    signal.addEventListener("abort", () => clearTimeout(id), { once: true });
  }

  /** Grey placeholder blocks, like LinkedIn's loading skeleton. */
  function skeleton(rows) {
    const block = el("div", { class: "mock-skeleton", "aria-hidden": "true" });
    for (let i = 0; i < rows; i += 1) {
      block.append(el("div", { style: "height:64px;margin:8px 0;background:#e8e8e8" }));
    }
    return block;
  }

  /**
   * How long each further page of cards takes to arrive: the page delay,
   * plus the stall for a load that starts at one of `stallAt`'s card counts
   * (each stalls once, like a LinkedIn hiccup, not forever).
   */
  function pageLoads(state) {
    const stalls = new Set(state.stallAt || []);
    return function delayAfter(cardsLoaded) {
      if (!stalls.delete(cardsLoaded)) return state.pageDelayMs;
      return state.pageDelayMs + state.stallMs;
    };
  }

  function person(row) {
    return { href: row[0], name: row[1], headline: row[2], connectedText: row[3] };
  }

  // An avatar that needs no network request.
  const AVATAR =
    "data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==";

  window.MockLinkedIn = {
    state,
    routes: {},
    hashed,
    el,
    later,
    skeleton,
    pageLoads,
    person,
    AVATAR,
  };
})();
