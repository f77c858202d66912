// @ts-check
// netprune's page reader: the content script on www.linkedin.com.
//
// It reads what the member's own network pages show (the connections list
// and its stated total, the follower and following totals, the member's own
// profile header) and sends it to the background as `page-reading` messages
// (docs/ARCHITECTURE.md has the shape). It never parses numbers or dates: the
// Rust core does, in one tested place. It adds nothing to LinkedIn's page,
// calls none of LinkedIn's endpoints, and stays idle everywhere else.
//
// LinkedIn is a single-page app, so the manifest injects this on every
// LinkedIn page and the script follows URL changes itself.

(() => {
  "use strict";

  /** @type {any} */
  const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
  if (!api?.runtime?.sendMessage) return;

  // LinkedIn can take several seconds to render a list on a slow connection;
  // 15 s is long enough not to cry wolf and short enough for the member to
  // still be looking at the page when we say we cannot read it.
  const WAIT_LIMIT_MS = 15_000;
  // A burst of rendering (one page of cards) settles well within this, so a
  // scroll produces one reading rather than one per card.
  const SETTLE_MS = 400;
  // ...but a page that never stops mutating (an animated badge, a ticker)
  // must not starve the reader.
  const MAX_SETTLE_MS = 2_000;
  // history.pushState in the page's world is invisible from the content
  // script's isolated world, so a cheap string comparison on a timer is how
  // SPA navigation gets noticed.
  const URL_POLL_MS = 500;
  // Long enough for a stopped service worker to start and register its
  // listener.
  const RETRY_DELAY_MS = 1_000;

  const REASONS = {
    connections: "no connections list found after 15 s",
    followers: "no followers count found after 15 s",
    following: "no following count found after 15 s",
  };

  const PAGES = [
    { page: "connections", path: /^\/mynetwork\/invite-connect\/connections\/?$/ },
    { page: "followers", path: /^\/mynetwork\/network-manager\/people-follow\/followers\/?$/ },
    { page: "following", path: /^\/mynetwork\/network-manager\/people-follow\/following\/?$/ },
    { page: "profile", path: /^\/in\/([^/]+)\/?$/ },
  ];

  const SDUI_CARD = '[componentkey^="ConnectionCard_"]';
  const REACT_LIST = '[data-view-name="connections-list"]';
  const REACT_PROFILE_LINK = 'a[data-view-name="connections-profile"]';
  const ARTDECO_CARD = "li.mn-connection-card";
  const PROFILE_HREF = /\/in\/[^/?#]+/;
  // Text LinkedIn hides visually but keeps for screen readers ("Member's
  // name" before every artdeco card name); it is not part of the name.
  const HIDDEN_TEXT = ".visually-hidden, .a11y-text, script, style, template";

  // A count as LinkedIn prints it: grouped digits ("1,234", "1 234",
  // "1.234"), or a short figure ("3.4", "12"), optionally followed by an
  // abbreviation ("3.4K", "1.2M") or a plus ("500+").
  const NUMBER = String.raw`(?:\d{1,3}(?:[,.' ]\d{3})+|\d+(?:[.,]\d+)?)(?:\s?[KkMm](?!\p{L})|\+)?`;
  // The nouns in the languages LinkedIn members most often use.
  const NOUNS = {
    connections:
      "connections?|relations?|kontakte?|contactos?|conexiones|conexión|conexões|conexão|collegamenti|collegamento|connecties|connectie",
    followers: "followers?|abonnés|abonné|abonnenten|seguidores|seguidor|volgers|volger",
    following: "following|abonnements|gefolgt|siguiendo|seguindo|volgend",
  };
  /** @type {Record<string, RegExp[]>} */
  const COUNT_PATTERNS = {};
  for (const [kind, nouns] of Object.entries(NOUNS)) {
    COUNT_PATTERNS[kind] = [
      // "1,234 connections", "500+ connections", "3.4K followers"
      new RegExp(`^(${NUMBER})\\s*(?:${nouns})$`, "iu"),
      // "Connections (1,234)", "Followers: 3.4K", "Following 312"
      new RegExp(`^(?:${nouns})\\s*[(:·]?\\s*(${NUMBER})\\s*\\)?$`, "iu"),
    ];
  }
  // Longer texts are sentences or cards, not a count label.
  const MAX_COUNT_LABEL_LENGTH = 60;

  // The "Connected ..." line in the languages above; used only to tell it
  // from a headline when a card has a single line besides the name.
  const CONNECTED_LINE =
    /^(?:connected|connecté|connectée|verbunden|vernetzt|conectad[oa]|collegat[oi]|verbonden|połączono)(?!\p{L})/iu;
  const YEAR = /(?:^|\D)(?:19|20)\d\d(?:\D|$)/;

  /** @typedef {{ connections: string | null, followers: string | null, following: string | null }} Counts */
  /** @typedef {{ profileUrl: string, name: string, headline: string | null, connectedText: string | null }} Card */
  /** @typedef {{ generation: string | null, counts: Counts, cards: Card[] }} PageContent */
  /** @typedef {{ page: "connections" | "followers" | "following" | "profile", key: string, slug: string | null }} Target */

  /** @param {string} text */
  const collapse = (text) => text.replace(/\s+/g, " ").trim();

  /** @param {string} segment */
  function decodeSlug(segment) {
    try {
      return decodeURIComponent(segment).toLowerCase();
    } catch {
      return segment.toLowerCase();
    }
  }

  /**
   * textContent, whitespace-collapsed, without screen-reader-only text.
   * @param {Element} element
   */
  function visibleText(element) {
    if (!element.querySelector(HIDDEN_TEXT)) return collapse(element.textContent ?? "");
    let text = "";
    const walker = document.createTreeWalker(
      element,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      {
        acceptNode: (node) =>
          node.nodeType === Node.ELEMENT_NODE && /** @type {Element} */ (node).matches(HIDDEN_TEXT)
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      },
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) text += /** @type {Text} */ (node).data;
    }
    return collapse(text);
  }

  /** @param {Element | null} element */
  function textOrNull(element) {
    const text = element ? visibleText(element) : "";
    return text === "" ? null : text;
  }

  /** @param {Element} anchor */
  const hrefOf = (anchor) => anchor.getAttribute("href") ?? "";

  /**
   * Profile links inside a card, in document order.
   * @param {Element} card
   * @param {string} selector
   */
  function profileLinks(card, selector) {
    return [...card.querySelectorAll(selector)].filter((anchor) =>
      PROFILE_HREF.test(hrefOf(anchor)),
    );
  }

  /**
   * The first number token labelled with each wanted noun, searched in text
   * outside `skip` (the cards: a headline like "500 followers in a week" is
   * not the member's count). Walks text nodes rather than elements so that a
   * list of thousands of cards is skipped whole instead of stringified.
   *
   * @param {Element} scope
   * @param {(keyof typeof NOUNS)[]} kinds
   * @param {string | null} skip
   * @returns {Counts}
   */
  function findCounts(scope, kinds, skip) {
    /** @type {Counts} */
    const found = { connections: null, followers: null, following: null };
    const walker = document.createTreeWalker(
      scope,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      {
        acceptNode(node) {
          if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
          const element = /** @type {Element} */ (node);
          if ((skip && element.matches(skip)) || element.matches(HIDDEN_TEXT)) {
            return NodeFilter.FILTER_REJECT;
          }
          return NodeFilter.FILTER_SKIP;
        },
      },
    );
    let missing = kinds.length;
    for (let node = walker.nextNode(); node && missing > 0; node = walker.nextNode()) {
      if (!/\d/.test(/** @type {Text} */ (node).data)) continue;
      // The label is the number's own element or a close ancestor:
      // "<span>1,234</span> followers" is one label two levels up at most.
      let element = node.parentElement;
      for (let depth = 0; element && depth < 3; depth += 1) {
        const text = collapse(element.textContent ?? "");
        if (text.length > MAX_COUNT_LABEL_LENGTH) break;
        for (const kind of kinds) {
          if (found[kind] !== null) continue;
          for (const pattern of COUNT_PATTERNS[kind]) {
            const match = pattern.exec(text);
            if (match) {
              found[kind] = match[1];
              missing -= 1;
              break;
            }
          }
        }
        if (element === scope) break;
        element = element.parentElement;
      }
    }
    return found;
  }

  function mainScope() {
    return document.querySelector("main") ?? document.body;
  }

  /** @param {Element} card */
  function readArtdecoCard(card) {
    const link = profileLinks(card, "a[href]")[0];
    const nameElement = card.querySelector(".mn-connection-card__name");
    if (!link || !nameElement) return null;
    const name = visibleText(nameElement);
    if (name === "") return null;
    return {
      profileUrl: hrefOf(link),
      name,
      headline: textOrNull(card.querySelector(".mn-connection-card__occupation")),
      connectedText: textOrNull(
        card.querySelector("time.time-badge") ?? card.querySelector("time"),
      ),
    };
  }

  /**
   * A card from the hashed-class markups: the name is the profile link that
   * has text (the other one wraps the photo); the other lines are plain
   * paragraphs, the "Connected ..." one last.
   *
   * @param {Element} card
   * @param {string} linkSelector
   */
  function readPlainCard(card, linkSelector) {
    const links = profileLinks(card, linkSelector);
    if (links.length === 0) return null;
    let name = "";
    for (const link of links) {
      name = visibleText(link);
      if (name !== "") break;
    }
    if (name === "") return null;
    const lines = [...card.querySelectorAll("p")]
      .filter((paragraph) => {
        const insideLink = paragraph.closest("a");
        return !(insideLink && card.contains(insideLink)) && !paragraph.querySelector("a[href]");
      })
      .map(visibleText)
      .filter((text) => text !== "");
    const last = lines[lines.length - 1];
    let connectedText = null;
    if (
      last !== undefined &&
      (CONNECTED_LINE.test(last) || (lines.length >= 2 && YEAR.test(last)))
    ) {
      connectedText = last;
      lines.pop();
    }
    return { profileUrl: hrefOf(links[0]), name, headline: lines[0] ?? null, connectedText };
  }

  /**
   * The element the react-2025 cards are children of: the list itself, or
   * the single wrapper it holds, whichever level first splits different
   * people apart; classes cannot say which, being hashed.
   */
  function reactCardContainer() {
    const list = document.querySelector(REACT_LIST);
    if (!list) return null;
    /** @param {Element} element */
    const holdsSeveralPeople = (element) => {
      let first = null;
      for (const link of profileLinks(element, REACT_PROFILE_LINK)) {
        if (first === null) first = hrefOf(link);
        else if (hrefOf(link) !== first) return true;
      }
      return false;
    };
    let container = list;
    while (container.children.length === 1 && holdsSeveralPeople(container.children[0])) {
      container = container.children[0];
    }
    return container;
  }

  /** @param {Element | null} card */
  function outermostSduiCard(card) {
    let outer = card;
    for (
      let up = outer?.parentElement?.closest(SDUI_CARD);
      up;
      up = up.parentElement?.closest(SDUI_CARD)
    ) {
      outer = up;
    }
    return outer ?? null;
  }

  /**
   * @typedef {object} Markup one generation of the connections page
   * @property {string} skip where people's text lives: never a place to look for the total
   * @property {(node: Element) => Element | null} enclosingCard the card `node` is part of
   * @property {(node: Element) => Element[]} cardsWithin the cards inside `node`
   * @property {(card: Element) => Card | null} read
   */

  /** @type {Record<string, Markup>} */
  const MARKUPS = {
    "sdui-2026": {
      skip: SDUI_CARD,
      enclosingCard: (node) => outermostSduiCard(node.closest(SDUI_CARD)),
      // Only the outermost: a card may nest components with the same prefix.
      cardsWithin: (node) =>
        [...node.querySelectorAll(SDUI_CARD)].filter(
          (card) => !card.parentElement?.closest(SDUI_CARD),
        ),
      read: (card) => readPlainCard(card, "a[href]"),
    },
    "react-2025": {
      skip: REACT_LIST,
      enclosingCard(node) {
        const container = reactCardContainer();
        if (!container || node === container || !container.contains(node)) return null;
        let card = node;
        while (card.parentElement && card.parentElement !== container) card = card.parentElement;
        return card;
      },
      cardsWithin(node) {
        const container = reactCardContainer();
        return container && node.contains(container) ? [...container.children] : [];
      },
      read: (card) => readPlainCard(card, REACT_PROFILE_LINK),
    },
    artdeco: {
      skip: ARTDECO_CARD,
      enclosingCard: (node) => node.closest(ARTDECO_CARD),
      cardsWithin: (node) => [...node.querySelectorAll(ARTDECO_CARD)],
      read: readArtdecoCard,
    },
  };

  function detectGeneration() {
    if (document.querySelector(SDUI_CARD)) return "sdui-2026";
    if (document.querySelector(REACT_LIST)) return "react-2025";
    if (document.querySelector(`${ARTDECO_CARD}, .mn-connections__header`)) return "artdeco";
    return null;
  }

  /** @param {Element} card */
  const cardKey = (card) => {
    const link = profileLinks(card, "a[href]")[0];
    return link ? hrefOf(link) : null;
  };

  /**
   * @param {(key: string) => boolean} known cards already sent or captured on this page view
   * @returns {PageContent | null}
   */
  function readConnectionsPage(known) {
    const generation = detectGeneration();
    if (generation === null) return null;
    const markup = MARKUPS[generation];
    /** @type {Card[]} */
    const cards = [];
    let cardsOnPage = 0;
    for (const element of markup.cardsWithin(document.documentElement)) {
      const key = cardKey(element);
      if (key === null) continue;
      cardsOnPage += 1;
      // Thousands of cards may be loaded; a known one costs one lookup.
      if (known(key)) continue;
      const card = markup.read(element);
      if (card) cards.push(card);
    }
    const { connections } = findCounts(mainScope(), ["connections"], markup.skip);
    // A list shell with neither cards nor a total is a loading skeleton.
    if (cardsOnPage === 0 && connections === null) return null;
    return { generation, counts: { connections, followers: null, following: null }, cards };
  }

  /** @returns {PageContent | null} */
  function readFollowPage() {
    // The totals live in the Following / Followers tabs; searching there
    // first keeps people's headlines out of it.
    const tablist = mainScope().querySelector('[role="tablist"]');
    let counts = tablist ? findCounts(tablist, ["followers", "following"], null) : null;
    if (!counts || (counts.followers === null && counts.following === null)) {
      counts = findCounts(mainScope(), ["followers", "following"], "li, article");
    }
    if (counts.followers === null && counts.following === null) return null;
    return { generation: null, counts, cards: [] };
  }

  /**
   * The member's own profile shows an edit link to /in/<their slug>/edit/.
   * Matching the slug in the URL, not just any edit control, keeps a stale
   * own-profile DOM from being read as someone else's during SPA navigation.
   *
   * @param {string} slug the /in/<slug>/ segment of the current URL
   */
  function isOwnProfile(slug) {
    const own = decodeSlug(slug);
    for (const anchor of document.querySelectorAll('a[href*="/edit/"]')) {
      const match = /\/in\/([^/?#]+)\/edit\//.exec(hrefOf(anchor));
      if (match && decodeSlug(match[1]) === own) return true;
    }
    return false;
  }

  /**
   * @param {string} slug
   * @returns {PageContent | null}
   */
  function readOwnProfile(slug) {
    if (!isOwnProfile(slug)) return null;
    // Only the top card: the Interests section lists companies' follower
    // counts, which are not the member's.
    const topCard = document.querySelector("main h1")?.closest("section");
    if (!topCard) return null;
    const { followers, connections } = findCounts(topCard, ["followers", "connections"], null);
    if (followers === null && connections === null) return null;
    return { generation: null, counts: { connections, followers, following: null }, cards: [] };
  }

  /**
   * @param {Location} where
   * @returns {Target | null}
   */
  function targetFor(where) {
    for (const { page, path } of PAGES) {
      const match = path.exec(where.pathname);
      if (match) {
        const pathname = where.pathname.endsWith("/") ? where.pathname : `${where.pathname}/`;
        return {
          page: /** @type {Target["page"]} */ (page),
          key: `${page} ${decodeSlug(pathname)}`,
          slug: match[1] ?? null,
        };
      }
    }
    return null;
  }

  /**
   * Deliver one message, retrying once: a rejection usually means the
   * background service worker is stopped or restarting.
   * @param {object} message
   */
  async function deliver(message) {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (attempt > 0) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
        if (!extensionAlive()) return false;
      }
      try {
        await api.runtime.sendMessage(message);
        return true;
      } catch {
        // Retried once below; a second failure is reported to the caller.
      }
    }
    return false;
  }

  // After the extension is reloaded or updated, this copy of the script is
  // orphaned: runtime.id disappears and every API call throws.
  function extensionAlive() {
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
  const guarded =
    (callback) =>
    (...args) => {
      try {
        callback(...args);
      } catch {
        // Swallowed on purpose; see above.
      }
    };

  /** One visit to one readable page, from URL change to the next URL change. */
  class PageView {
    /** @param {Target} target */
    constructor(target) {
      this.target = target;
      /** profileUrls already delivered (or in flight) on this page view */
      this.sentCards = new Set();
      /**
       * Cards read the moment they were inserted, waiting for the next
       * reading: a virtualized list can add and drop a row between two
       * debounced readings, so waiting for the reading would miss it.
       * @type {Map<string, Card>}
       */
      this.captured = new Map();
      /** @type {Markup | null} known once the connections page is recognised */
      this.markup = null;
      /** @type {Counts} the latest token seen for each count */
      this.counts = { connections: null, followers: null, following: null };
      /** @type {string | null} JSON of the counts last delivered */
      this.sentCounts = null;
      this.recognised = false;
      this.stopped = false;
      this.settleTimer = 0;
      this.pendingSince = 0;
      this.observer = new MutationObserver(
        guarded((records) => {
          this.capture(records);
          this.schedule();
        }),
      );
      this.observer.observe(document.documentElement, {
        childList: true,
        subtree: true,
        characterData: true,
        // A recycled row keeps its element and changes its link.
        attributes: true,
        attributeFilter: ["href"],
      });
      this.deadline = setTimeout(
        guarded(() => this.giveUp()),
        WAIT_LIMIT_MS,
      );
      this.schedule();
    }

    stop() {
      this.stopped = true;
      this.observer.disconnect();
      clearTimeout(this.deadline);
      clearTimeout(this.settleTimer);
    }

    /** @param {MutationRecord[]} records */
    capture(records) {
      const markup = this.markup;
      if (!markup || this.stopped) return;
      /** @param {Element} card */
      const remember = (card) => {
        const key = cardKey(card);
        if (key === null || this.sentCards.has(key) || this.captured.has(key)) return;
        const read = markup.read(card);
        if (read) this.captured.set(key, read);
      };
      for (const record of records) {
        const target =
          record.target.nodeType === Node.ELEMENT_NODE
            ? /** @type {Element} */ (record.target)
            : record.target.parentElement;
        const enclosing = target && markup.enclosingCard(target);
        if (enclosing) remember(enclosing);
        for (const node of record.addedNodes) {
          if (node.nodeType !== Node.ELEMENT_NODE) continue;
          const element = /** @type {Element} */ (node);
          const card = markup.enclosingCard(element);
          if (card) remember(card);
          else markup.cardsWithin(element).forEach(remember);
        }
      }
    }

    schedule() {
      if (this.stopped) return;
      const now = Date.now();
      if (this.settleTimer) clearTimeout(this.settleTimer);
      else this.pendingSince = now;
      const wait = now - this.pendingSince >= MAX_SETTLE_MS ? 0 : SETTLE_MS;
      this.settleTimer = setTimeout(
        guarded(() => {
          this.settleTimer = 0;
          this.read();
        }),
        wait,
      );
    }

    /** @returns {PageContent | null} */
    readPage() {
      switch (this.target.page) {
        case "connections":
          return readConnectionsPage((key) => this.sentCards.has(key) || this.captured.has(key));
        case "followers":
        case "following":
          return readFollowPage();
        case "profile":
          return this.target.slug === null ? null : readOwnProfile(this.target.slug);
      }
      return null;
    }

    read() {
      // The DOM may already belong to the next page while the URL poll has
      // not yet run; never read it under this view's name.
      checkNavigation();
      if (this.stopped || current !== this) return;
      const content = this.readPage();
      if (!content) return;
      if (!this.recognised) {
        this.recognised = true;
        clearTimeout(this.deadline);
      }
      if (content.generation) this.markup = MARKUPS[content.generation];
      for (const kind of /** @type {(keyof Counts)[]} */ (Object.keys(this.counts))) {
        const token = content.counts[kind];
        if (token !== null) this.counts[kind] = token;
      }
      const cards = [...this.captured.values(), ...content.cards].filter((card) => {
        if (this.sentCards.has(card.profileUrl)) return false;
        this.sentCards.add(card.profileUrl);
        return true;
      });
      this.captured.clear();
      const counts = JSON.stringify(this.counts);
      if (cards.length === 0 && counts === this.sentCounts) return;
      const previousCounts = this.sentCounts;
      this.sentCounts = counts;

      const message = {
        type: "page-reading",
        reading: {
          page: this.target.page,
          url: location.href,
          recognised: true,
          generation: content.generation,
          reason: null,
          counts: { ...this.counts },
          cards,
        },
      };
      deliver(message).then(
        guarded((delivered) => {
          if (delivered || this.stopped) return;
          // Undelivered: send these with the next reading, even if their
          // rows have left the DOM by then.
          for (const card of cards) {
            this.sentCards.delete(card.profileUrl);
            if (!this.captured.has(card.profileUrl)) this.captured.set(card.profileUrl, card);
          }
          if (this.sentCounts === counts) this.sentCounts = previousCounts;
        }),
      );
    }

    giveUp() {
      if (this.recognised || this.stopped) return;
      if (this.target.page === "profile") {
        // Someone else's profile (or one we cannot tell is the member's):
        // never read, and no reason to keep watching it.
        this.stop();
        return;
      }
      // Keep observing: if a known list turns up late, it is still read.
      deliver({
        type: "page-reading",
        reading: {
          page: this.target.page,
          url: location.href,
          recognised: false,
          generation: null,
          reason: REASONS[this.target.page],
          counts: { connections: null, followers: null, following: null },
          cards: [],
        },
      });
    }
  }

  /** @type {PageView | null} */
  let current = null;
  let lastHref = "";
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let poll;

  function shutDown() {
    clearInterval(poll);
    window.removeEventListener("popstate", onNavigation);
    current?.stop();
    current = null;
  }

  function checkNavigation() {
    if (!extensionAlive()) {
      shutDown();
      return;
    }
    const href = location.href;
    if (href === lastHref) return;
    lastHref = href;
    const target = targetFor(location);
    // A query-string change (LinkedIn adds tracking parameters) is the same
    // page view: keep what was already sent.
    if (current && target && current.target.key === target.key) return;
    current?.stop();
    current = target ? new PageView(target) : null;
  }

  const onNavigation = guarded(checkNavigation);
  poll = setInterval(onNavigation, URL_POLL_MS);
  window.addEventListener("popstate", onNavigation);
  onNavigation();
})();
