// Shared helpers for the mock LinkedIn pages. Every page reads its data from
// the JSON in #mock-state and builds its DOM with createElement and
// textContent only: the people data includes hostile names on purpose.
(function () {
  "use strict";

  const stateElement = document.getElementById("mock-state");
  const state = JSON.parse(stateElement ? stateElement.textContent : "{}");

  /**
   * The words the pages show, in the page's language: every page carries
   * them in `state.words` (tests/mock-site/words.mjs), English included.
   */
  const words = state.words;

  /**
   * One of the page's words, its `{n}`, `{name}`, `{first}` filled in:
   * `say("moreActionsFor", { name: "Ana" })`.
   * @param {string} key
   * @param {Record<string, string>} [values]
   */
  function say(key, values) {
    return words[key].replace(/\{(\w+)\}/g, (whole, name) =>
      values && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole,
    );
  }

  /**
   * A template around a node: `sayAround("connectionsTotal", "n", span)`
   * gives `[span, " connections"]` in English, `[span, " bağlantı"]` in
   * Turkish, for markup that wraps the count in its own element.
   * @param {string} key
   * @param {string} name the placeholder the node stands in for
   * @param {Node} node
   */
  function sayAround(key, name, node) {
    const [before, ...rest] = words[key].split(`{${name}}`);
    const after = rest.join(`{${name}}`);
    return [before || null, node, after || null];
  }

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
   * different in every build (and here in every page load), so nothing can
   * rely on them.
   */
  const hashedNames = new Map();
  const loadSalt = Math.random().toString(36).slice(2, 8);
  function hashed(...names) {
    return names
      .map((name) => {
        // Cached: a 10,000-person list asks for the same few names per row.
        let hash = hashedNames.get(name);
        if (hash === undefined) {
          hash = `_${fnv1a(`${state.build}:${loadSalt}:${name}`).toString(36).slice(0, 6)}`;
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

  /** Lower-cased, accents and extra spaces removed: how the name search compares. */
  function fold(text) {
    return String(text)
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase();
  }

  function slugOf(href) {
    const match = /\/in\/([^/?#]+)/.exec(href);
    if (!match) return null;
    try {
      return decodeURIComponent(match[1]);
    } catch {
      return match[1];
    }
  }

  /**
   * The people a connections page lists, as its own front end holds them:
   * what the server sent, minus the people removed on this page since, and
   * filtered by the name search when it has text.
   */
  function connectionsData(state) {
    const rows = state.people.slice();
    let query = "";
    let cache = null;
    return {
      get total() {
        return state.connectionsTotal;
      },
      get query() {
        return query;
      },
      setQuery(text) {
        query = fold(text);
        cache = null;
      },
      /** the rows the list shows now */
      matching() {
        if (cache === null) {
          cache = query === "" ? rows : rows.filter((row) => fold(row[1]).includes(query));
        }
        return cache;
      },
      drop(href) {
        const index = rows.findIndex((row) => row[0] === href);
        if (index >= 0) rows.splice(index, 1);
        cache = null;
        state.connectionsTotal -= 1;
      },
    };
  }

  /** The total as the page header prints it. */
  function formatTotal(value) {
    return value.toLocaleString(words.locale);
  }

  /**
   * Whole-page navigation. Its own function so that a test harness without
   * navigation (jsdom) can stand in for it; a browser just goes there.
   */
  function navigate(url) {
    location.assign(url);
  }

  /**
   * What LinkedIn shows once the member has hit a limit: a global alert
   * under the navigation bar, shown once.
   */
  function showLimitBanner() {
    if (document.getElementById("mock-limit-banner")) return;
    const banner = el(
      "div",
      { id: "mock-limit-banner", class: "artdeco-global-alert", role: "alert" },
      [
        el("p", { text: "You’ve reached the weekly limit for this action" }),
        el("p", { text: "Please try again next week." }),
      ],
    );
    const nav = document.getElementById("global-nav");
    if (nav) nav.after(banner);
    else document.body.prepend(banner);
  }

  /**
   * The "You’ve reached a temporary limit" interstitial: the page's main
   * region replaced by it (the words from Jay-615/linkedin-claude-assistant
   * `reference/linkedin-browser-playbook.md`; its markup is not captured
   * anywhere, so this is the mock's own).
   */
  function showTemporaryLimit() {
    const main = document.getElementById("main");
    if (!main) return;
    main.replaceChildren(
      el("section", {}, [
        el("h1", { text: "You’ve reached a temporary limit" }),
        el("p", { text: "Please try again later." }),
      ]),
    );
  }

  /**
   * The restriction banner (the words of the 2026 restriction a public
   * automation log quotes, code-index file id 61658626625; its markup is
   * the mock's own): a global alert under the navigation bar.
   */
  function showRestrictionBanner() {
    if (document.getElementById("mock-restriction-banner")) return;
    const banner = el(
      "div",
      { id: "mock-restriction-banner", class: "artdeco-global-alert", role: "alert" },
      [
        el("p", {
          text: "We’ve temporarily restricted your account for accessing an unusually high volume of LinkedIn profile data.",
        }),
      ],
    );
    const nav = document.getElementById("global-nav");
    if (nav) nav.after(banner);
    else document.body.prepend(banner);
  }

  /**
   * Confirming a removal: the page asks its backend (the mock's POST
   * /__mock__/remove, body the slug) and acts on the answer.
   * @param {string} href the person's profile link
   * @returns {Promise<"removed" | "refused" | "checkpoint">}
   */
  function requestRemoval(href) {
    return window
      .fetch("/__mock__/remove", {
        method: "POST",
        headers: { "content-type": "text/plain;charset=UTF-8" },
        body: slugOf(href),
      })
      .then((response) => response.json())
      .then((answer) => {
        if (answer.checkpoint) {
          window.MockLinkedIn.navigate(answer.checkpoint);
          return "checkpoint";
        }
        if (answer.limitReached) showLimitBanner();
        if (answer.temporaryLimit) showTemporaryLimit();
        return answer.ok ? "removed" : "refused";
      })
      .catch(() => "refused");
  }

  /**
   * A card's menu button: `open` runs on each click, except that with the
   * menuNeedsSecondClick fault a button's first click does nothing (the
   * 2026 page does that while it is still hydrating).
   */
  function menuTrigger(button, open) {
    let clicks = 0;
    button.addEventListener("click", (event) => {
      event.stopPropagation();
      clicks += 1;
      if (state.faults && state.faults.menuNeedsSecondClick && clicks === 1) return;
      open();
    });
  }

  /** The items a card's menu shows: what is asked of it, or a fault. */
  function menuItems() {
    const faults = state.faults || {};
    const remove = words.removeConnection;
    if (faults.ambiguousMenu === "duplicate") return [remove, remove];
    // Several items, "Remove connection" among them (no public source
    // shows the whole menu: docs/LINKEDIN.md).
    if (faults.ambiguousMenu === "unexpected") return ["Unfollow", remove, "Report"];
    return [remove];
  }

  /** Close every open menu when the member clicks elsewhere. */
  const openMenus = new Set();
  document.addEventListener("click", () => {
    for (const close of [...openMenus]) close();
  });

  /**
   * A card's menu behind its button, the way every generation opens it:
   * a click opens it (closing any other open menu), a second click closes
   * it, and its "Remove connection" item closes it and starts `onRemove`.
   * The generation's markup comes from `entry(label)` (the clickable item),
   * `wrap(entries)` (the whole menu) and `place(menu)` (where it goes).
   * @param {HTMLElement} trigger the card's menu button
   * @param {{ entry: (label: string) => HTMLElement, wrap: (entries: HTMLElement[]) => HTMLElement,
   *   place: (menu: HTMLElement) => void, onRemove: () => void }} parts
   */
  function cardMenu(trigger, { entry, wrap, place, onRemove }) {
    let menu = null;
    const close = () => {
      menu?.remove();
      menu = null;
      trigger.setAttribute("aria-expanded", "false");
      openMenus.delete(close);
    };
    menuTrigger(trigger, () => {
      if (menu) {
        close();
        return;
      }
      for (const other of [...openMenus]) other();
      const entries = menuItems().map((label) => {
        const item = entry(label);
        if (label === words.removeConnection) {
          item.addEventListener("click", (event) => {
            event.stopPropagation();
            close();
            onRemove();
          });
        }
        return item;
      });
      menu = wrap(entries);
      place(menu);
      trigger.setAttribute("aria-expanded", "true");
      openMenus.add(close);
    });
  }

  /**
   * A dialog's buttons: Dismiss and Cancel close it; the confirm button
   * disables itself and hands `close` to `onConfirm`.
   * @param {{ dismiss: HTMLElement, cancel: HTMLElement, confirm: HTMLButtonElement }} buttons
   * @param {() => void} close
   * @param {(close: () => void) => void} onConfirm
   */
  function dialogButtons({ dismiss, cancel, confirm }, close, onConfirm) {
    dismiss.addEventListener("click", close);
    cancel.addEventListener("click", close);
    confirm.addEventListener("click", () => {
      confirm.disabled = true;
      onConfirm(close);
    });
  }

  /**
   * What "Remove connection" in a card's menu opens, through the
   * generation's own `show(dialog)`: with the misleadingDialog fault a
   * "Remove saved item?" dialog whose confirm only closes it; otherwise the
   * remove-connection dialog, whose confirm asks the backend, closes, and
   * calls `removed()` once the person is gone. `saved` and `remove` add the
   * generation's wording (body, confirm label, ...).
   * @param {string} href the person's profile link
   * @param {(dialog: object) => void} show
   * @param {{ saved: object, remove: object, removed: () => void }} flow
   */
  function removalDialog(href, show, { saved, remove, removed }) {
    if (state.faults.misleadingDialog) {
      show({ title: "Remove saved item?", ...saved, onConfirm: (close) => close() });
      return;
    }
    show({
      title: words.dialogTitle,
      ...remove,
      onConfirm(close) {
        requestRemoval(href).then((result) => {
          close();
          if (result === "removed") removed();
        });
      },
    });
  }

  /**
   * The name search: after a pause in typing the page asks the server again
   * (the list's `data` filters by the box's text) and `show()` lists the
   * answer from its first result.
   * @param {HTMLInputElement} input
   * @param {AbortSignal} signal the page's
   * @param {{ setQuery(text: string): void }} data the list's, from connectionsData
   * @param {() => void} show
   */
  function nameSearch(input, signal, data, show) {
    let timer = 0;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (signal.aborted) return;
        data.setQuery(input.value);
        show();
      }, 250);
    });
  }

  /**
   * The wheel-only rollout: a wheel turned down near the bottom of `target`
   * loads more (a scroll alone loads nothing).
   */
  function loadOnWheel(target, signal, nearBottom, loadMore) {
    target.addEventListener(
      "wheel",
      (event) => {
        if (state.paging === "wheel" && event.deltaY > 0 && nearBottom()) loadMore();
      },
      { signal },
    );
  }

  /**
   * A list's footer: the spinner while a page loads, the "Load more" button
   * when more are left and the rollout pages by button, else nothing.
   */
  function showFooter(footer, { loading, more, spinner, button }) {
    if (loading) footer.replaceChildren(spinner);
    else if (more && state.paging === "load-more") footer.replaceChildren(button);
    else footer.replaceChildren();
  }

  /**
   * The connections page as each generation starts it: titled, showing the
   * loading skeleton. Answers the list's data and how long each further
   * page of cards takes.
   */
  function startConnections(main) {
    document.title = `${words.connectionsTitle} | LinkedIn`;
    main.append(skeleton(4));
    return { data: connectionsData(state), delayAfter: pageLoads(state) };
  }

  /** The rendered page replaces the skeleton. */
  function showPage(main, page) {
    main.replaceChildren(page);
    main.removeAttribute("aria-busy");
  }

  // An avatar that needs no network request.
  const AVATAR =
    "data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==";

  window.MockLinkedIn = {
    state,
    words,
    say,
    sayAround,
    routes: {},
    hashed,
    el,
    later,
    skeleton,
    pageLoads,
    person,
    AVATAR,
    fold,
    slugOf,
    connectionsData,
    formatTotal,
    navigate,
    showLimitBanner,
    requestRemoval,
    menuTrigger,
    menuItems,
    openMenus,
    cardMenu,
    dialogButtons,
    removalDialog,
    nameSearch,
    loadOnWheel,
    showFooter,
    startConnections,
    showPage,
  };

  if (state.limitReached) showLimitBanner();
  if (state.faults && state.faults.restrictionBanner) showRestrictionBanner();
})();
