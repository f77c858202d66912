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
//
// On the connections page it can also collect the whole list when the
// background asks (`collect-run`): it scrolls the list, or presses LinkedIn's
// own "load more" button, at a human pace, and the reading machinery below
// delivers the people as they render. That button is the only thing it ever
// clicks; it opens no menu and visits no profile.

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

  // Collecting. LinkedIn's artdeco "Show more results" button keeps a stable
  // BEM class (the later markups hash theirs), so it is found by class first.
  const ARTDECO_LOAD_BUTTON = ".scaffold-finite-scroll__load-button";
  const BUTTON = 'button, [role="button"]';
  // Every other "load more" button is found by its whole accessible name, in
  // the languages the counts are read in. Whole names only, so "Show more
  // actions" or a headline's "see more" can never match. Only the English
  // names are confirmed against LinkedIn; a wrong guess elsewhere costs a
  // collection that ends as "stalled", never a wrong click.
  const LOAD_MORE_NAMES = new Set(
    [
      "Load more",
      "Show more results",
      "Mehr laden",
      "Weitere Ergebnisse anzeigen",
      "Charger plus",
      "Afficher plus de résultats",
      "Cargar más",
      "Mostrar más resultados",
      "Carregar mais",
      "Exibir mais resultados",
      "Carica altro",
      "Mostra altri risultati",
      "Meer laden",
      "Meer resultaten weergeven",
    ].map((name) => name.toLowerCase()),
  );
  const LOADING_INDICATOR = '[role="progressbar"], .artdeco-loader';
  const SCROLLING_OVERFLOW = /^(?:auto|scroll|overlay)$/;
  // Zoom and high-density screens leave scroll positions a fraction of a
  // pixel short of the bottom.
  const BOTTOM_SLACK_PX = 4;
  // Each step scrolls a little less than the list's visible height, as a
  // member reading down it would: consecutive views overlap, so a
  // virtualized list renders (and the reader captures) every row on the way.
  const SCROLL_STEP = { low: 0.7, high: 0.95 };
  // Instant, not smooth: a smooth scroll that is still animating when the
  // next step starts is cut short where it stands, so at short delays (a
  // development install's) the list would barely move and read as stalled.
  // Instant also overrides a page's own `scroll-behavior: smooth`.
  const SCROLL_BEHAVIOR = "instant";
  // At the bottom with nothing to press, a short scroll back up lets the end
  // of the list come into view again, which is what makes LinkedIn retry.
  const NUDGE_STEP = { low: 0.15, high: 0.35 };
  // Every wait is drawn around the background's delay, never a fixed beat.
  const WAIT_SPREAD = { low: 0.6, high: 1.6 };
  const PEOPLE_FORMAT = new Intl.NumberFormat("en-US");

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
  /** @typedef {{ delayMs: number, stallMs: number }} Pace the background's pace for a collection */
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
   * @property {() => Element | null} firstCard any one card, to find the list's scroll container by
   * @property {() => (element: Element) => boolean} cardTest a test for "is this element a card", prepared once per walk
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
      firstCard: () => outermostSduiCard(document.querySelector(SDUI_CARD)),
      cardTest: () => (element) => element.matches(SDUI_CARD),
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
      firstCard: () => reactCardContainer()?.firstElementChild ?? null,
      cardTest() {
        const container = reactCardContainer();
        return (element) => container !== null && element.parentElement === container;
      },
      read: (card) => readPlainCard(card, REACT_PROFILE_LINK),
    },
    artdeco: {
      skip: ARTDECO_CARD,
      enclosingCard: (node) => node.closest(ARTDECO_CARD),
      cardsWithin: (node) => [...node.querySelectorAll(ARTDECO_CARD)],
      firstCard: () => document.querySelector(ARTDECO_CARD),
      cardTest: () => (element) => element.matches(ARTDECO_CARD),
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
   * @param {{ low: number, high: number }} range
   * @returns {number} uniformly within the range
   */
  const between = ({ low, high }) => low + Math.random() * (high - low);

  /** @param {number} count "1 person", "3,140 people" */
  const peopleCount = (count) =>
    `${PEOPLE_FORMAT.format(count)} ${count === 1 ? "person" : "people"}`;

  /** @param {number} ms */
  const seconds = (ms) => `${Number((ms / 1000).toFixed(1))} s`;

  /**
   * Whether the member could see `element`: neither it nor an ancestor is
   * hidden by attribute or by style. An `aria-hidden` ancestor counts as
   * hidden too: LinkedIn sets it on the page behind an open dialog, and
   * nothing behind a dialog is pressed.
   * @param {Element} element
   */
  function isShown(element) {
    if (!element.isConnected || getComputedStyle(element).visibility === "hidden") return false;
    for (
      let node = /** @type {Element | null} */ (element);
      node && node !== document.documentElement;
      node = node.parentElement
    ) {
      if (node.hasAttribute("hidden") || node.getAttribute("aria-hidden") === "true") return false;
      if (getComputedStyle(node).display === "none") return false;
    }
    return true;
  }

  /** @param {Element} element */
  const isEnabled = (element) =>
    !element.matches(":disabled") && element.getAttribute("aria-disabled") !== "true";

  /** @param {Element} element */
  const accessibleName = (element) =>
    collapse(element.getAttribute("aria-label") ?? "") || visibleText(element);

  /**
   * Whether `element` sits below the list's first card (or anywhere, when
   * there is no card): a list's button and spinner come after its rows.
   * @param {Element | null} firstCard
   * @param {Element} element
   */
  const belowList = (firstCard, element) =>
    firstCard === null ||
    Boolean(firstCard.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);

  /**
   * The list's own "load more" button as the member sees it now, or null.
   * It is searched for from the list outwards, so that the button belonging
   * to the list is found before any other "Load more" on the page, and it
   * must sit below the cards. Nothing inside a card is ever a candidate: the
   * walk skips cards whole, which also keeps it cheap beside thousands.
   * @param {Markup} markup
   * @returns {HTMLElement | null}
   */
  function findLoadButton(markup) {
    const scope = mainScope();
    const artdeco = scope.querySelector(ARTDECO_LOAD_BUTTON);
    if (artdeco && isShown(artdeco)) return /** @type {HTMLElement} */ (artdeco);
    const firstCard = markup.firstCard();
    const isCard = markup.cardTest();
    /** @param {Element} region */
    const search = (region) => {
      const walker = document.createTreeWalker(region, NodeFilter.SHOW_ELEMENT, {
        acceptNode(node) {
          const element = /** @type {Element} */ (node);
          if (isCard(element) || element.matches(HIDDEN_TEXT)) return NodeFilter.FILTER_REJECT;
          return element.matches(BUTTON) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
        },
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = /** @type {HTMLElement} */ (node);
        if (
          LOAD_MORE_NAMES.has(accessibleName(element).toLowerCase()) &&
          belowList(firstCard, element) &&
          isShown(element)
        ) {
          return element;
        }
      }
      return null;
    };
    for (
      let region = firstCard?.parentElement ?? scope;
      region;
      region = region === scope ? null : region.parentElement
    ) {
      const button = search(region);
      if (button) return button;
    }
    return null;
  }

  /**
   * Whether LinkedIn shows, below the list, that it is still fetching people.
   * @param {Markup} markup
   */
  function loadingShown(markup) {
    const firstCard = markup.firstCard();
    for (const indicator of mainScope().querySelectorAll(LOADING_INDICATOR)) {
      if (
        !markup.enclosingCard(indicator) &&
        belowList(firstCard, indicator) &&
        isShown(indicator)
      ) {
        return true;
      }
    }
    return false;
  }

  /**
   * What the member scrolls to move through the list: the nearest ancestor
   * of the cards that scrolls by itself (the 2026 list lives in its own
   * pane), else the page.
   * @param {Markup} markup
   * @returns {Element}
   */
  function listScroller(markup) {
    for (
      let node = markup.firstCard()?.parentElement;
      node && node !== document.body && node !== document.documentElement;
      node = node.parentElement
    ) {
      // Geometry first: it rules out most ancestors without computing style.
      if (
        node.scrollHeight > node.clientHeight &&
        SCROLLING_OVERFLOW.test(getComputedStyle(node).overflowY)
      ) {
        return node;
      }
    }
    // scrollingElement is the root in standards mode and <body> in quirks.
    return document.scrollingElement ?? document.documentElement;
  }

  /** @param {Element} scroller the height of its visible part */
  const visibleHeight = (scroller) => scroller.clientHeight || window.innerHeight;

  /** @param {Element} scroller */
  const atBottom = (scroller) =>
    Math.ceil(scroller.scrollTop) + visibleHeight(scroller) >=
    scroller.scrollHeight - BOTTOM_SLACK_PX;

  /**
   * Deliver one message, retrying once: a rejection usually means the
   * background service worker is stopped or restarting.
   * @param {object} message
   * @returns {Promise<{ delivered: boolean, answer: unknown }>}
   */
  async function deliver(message) {
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

  /**
   * One `collect-run` on one connections page view. It moves through the
   * list at the background's pace until the background answers a reading
   * with `done` (or `running: false`), the member leaves the page, the
   * background halts it, or no new person has appeared for `stallMs`; only
   * the last two are reported (`collect-ended`). It keeps no DOM references
   * between steps: each step finds the list, its scroller and its button
   * afresh, as they may have been replaced in the meantime.
   */
  class CollectRun {
    /**
     * @param {PageView} view
     * @param {Pace} pace
     */
    constructor(view, pace) {
      this.view = view;
      this.pace = pace;
      this.running = true;
      // Answers to readings sent before the run began describe the
      // background as it was before it started this collection.
      this.firstReading = view.readingsSent + 1;
      // The background counts the people read during its run, and some were
      // sent before it began: send everyone again. Rows a virtualized list
      // has dropped can only be read again from the top.
      this.rewind = view.startOver();
      this.peopleAtLastProgress = view.peopleRead();
      this.lastProgressAt = Date.now();
      // Whether the list was seen scrolled to its end since the last new
      // person: with no button and no spinner left, that is the end of it.
      this.reachedBottom = false;
      /** @type {ReturnType<typeof setTimeout> | 0} */
      this.timer = 0;
      this.next();
    }

    next() {
      this.timer = setTimeout(
        guarded(() => this.step()),
        this.pace.delayMs * between(WAIT_SPREAD),
      );
    }

    stop() {
      this.running = false;
      clearTimeout(this.timer);
      this.timer = 0;
    }

    step() {
      this.timer = 0;
      if (!this.running) return;
      // Never act on a page the member has already left.
      checkNavigation();
      if (current !== this.view || this.view.stopped) {
        this.stop();
        return;
      }
      const now = Date.now();
      if (document.hidden) {
        // A hidden tab renders nothing new (the browser pauses it), so time
        // spent hidden is not a stall, and nothing is scrolled unseen.
        this.lastProgressAt = now;
        this.next();
        return;
      }
      const readSoFar = this.view.peopleRead();
      if (readSoFar > this.peopleAtLastProgress) {
        this.peopleAtLastProgress = readSoFar;
        this.lastProgressAt = now;
        this.reachedBottom = false;
      }
      // LinkedIn stalls mid-list for tens of seconds, and a stall looks like
      // the end: only a stall longer than the background allows ends a run.
      if (now - this.lastProgressAt >= this.pace.stallMs) {
        this.end();
        return;
      }
      this.advance();
      this.next();
    }

    /** One member-sized move down the list. */
    advance() {
      const markup = this.view.markup;
      // Until the list is recognised there is nothing known to move.
      if (!markup) return;
      const scroller = listScroller(markup);
      if (this.rewind) {
        this.rewind = false;
        scroller.scrollTo({ top: 0, behavior: SCROLL_BEHAVIOR });
        return;
      }
      const height = visibleHeight(scroller);
      if (!atBottom(scroller)) {
        scroller.scrollBy({
          top: Math.round(height * between(SCROLL_STEP)),
          behavior: SCROLL_BEHAVIOR,
        });
        return;
      }
      this.reachedBottom = true;
      const button = findLoadButton(markup);
      if (button) {
        // Disabled while LinkedIn fetches: wait, as a member would.
        if (isEnabled(button)) {
          button.scrollIntoView({ block: "nearest", behavior: SCROLL_BEHAVIOR });
          button.click();
        }
        return;
      }
      scroller.scrollBy({
        top: -Math.round(height * between(NUDGE_STEP)),
        behavior: SCROLL_BEHAVIOR,
      });
    }

    /** No new person for `stallMs`: say whether the list ended or stalled. */
    end() {
      const markup = this.view.markup;
      const read = peopleCount(this.view.peopleRead());
      const total = this.view.counts.connections;
      const waited = seconds(this.pace.stallMs);
      if (!markup) {
        this.finish("stalled", `no connections list netprune can read appeared within ${waited}`);
        return;
      }
      const button = findLoadButton(markup);
      const loading = loadingShown(markup);
      if (this.reachedBottom && !button && !loading) {
        this.finish(
          "end-of-list",
          total === null
            ? `LinkedIn stopped loading at ${read}, and the page states no total`
            : `LinkedIn stopped loading at ${read}; the page says ${total}`,
        );
        return;
      }
      let why = "the list never reached its end";
      if (loading) why = "LinkedIn was still showing that it was loading";
      else if (button && !isEnabled(button)) {
        why = `the “${accessibleName(button)}” button stayed disabled`;
      } else if (button) why = `pressing “${accessibleName(button)}” brought nobody new`;
      const of = total === null ? "" : ` of the ${total} the page states`;
      this.finish("stalled", `no new people appeared for ${waited} after ${read}${of}; ${why}`);
    }

    /** @returns {boolean} whether a running collection was halted */
    halt() {
      if (!this.running) return false;
      this.finish("halted", `halted on request after ${peopleCount(this.view.peopleRead())}`);
      return true;
    }

    /**
     * @param {"stalled" | "end-of-list" | "halted"} outcome
     * @param {string} reason
     */
    finish(outcome, reason) {
      this.stop();
      // Readings wait for the page to settle, up to 2 s; the one carrying the
      // last people goes first, so the background has counted them by the
      // time it hears the run is over.
      Promise.resolve()
        .then(() => this.view.flush())
        .catch(() => undefined)
        .then(() => deliver({ type: "collect-ended", outcome, reason }));
    }

    /**
     * The background's answer to a reading.
     * @param {unknown} answer
     * @param {number} readingNumber
     */
    heard(answer, readingNumber) {
      if (!this.running || readingNumber < this.firstReading) return;
      const collect = /** @type {{ collect?: { done?: unknown, running?: unknown } } | null} */ (
        answer
      )?.collect;
      if (!collect || typeof collect !== "object") return;
      // Every person the page states is read, or the background is no longer
      // collecting (stopped from the review page, say): it knows already, so
      // stop without a word.
      if (collect.done === true || collect.running === false) this.stop();
    }
  }

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
      /** readings sent so far, numbering each one's answer */
      this.readingsSent = 0;
      /** @type {CollectRun | null} */
      this.collecting = null;
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
      // Leaving the page stops a collection without a report: the background
      // resumes it when this page is read again.
      this.collecting?.stop();
      this.observer.disconnect();
      clearTimeout(this.deadline);
      clearTimeout(this.settleTimer);
    }

    /** distinct people read on this page view (since the last startOver) */
    peopleRead() {
      // Disjoint: a card is either waiting in `captured` or already sent.
      return this.sentCards.size + this.captured.size;
    }

    /**
     * Forget what was sent, so that the next reading carries everyone on
     * show and the counts again. The rows on show are read now: by the time
     * the reading goes out a virtualized list may have dropped them.
     * @returns {boolean} whether people already sent are no longer on show
     *   (a virtualized list dropped their rows), so that only going back to
     *   the top of the list reads them again
     */
    startOver() {
      const markup = this.markup;
      /** @type {Map<string, Element>} */
      const onShow = new Map();
      if (markup) {
        for (const card of markup.cardsWithin(document.documentElement)) {
          const key = cardKey(card);
          if (key !== null) onShow.set(key, card);
        }
      }
      let dropped = false;
      for (const key of this.sentCards) {
        if (!onShow.has(key)) {
          dropped = true;
          break;
        }
      }
      this.sentCards.clear();
      for (const [key, card] of onShow) {
        const read = !this.captured.has(key) && markup ? markup.read(card) : null;
        if (read) this.captured.set(key, read);
      }
      this.sentCounts = null;
      this.schedule();
      return dropped;
    }

    /** @param {Pace} pace */
    collect(pace) {
      // The background may repeat itself: a running collection only takes
      // the new pace, and its stall clock keeps running.
      if (this.collecting?.running) this.collecting.pace = pace;
      else this.collecting = new CollectRun(this, pace);
    }

    haltCollecting() {
      return this.collecting?.halt() ?? false;
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

    /** @returns {Promise<unknown> | undefined} the delivery of the reading, if one was sent */
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
      this.readingsSent += 1;
      const readingNumber = this.readingsSent;
      const delivery = deliver(message);
      delivery.then(
        guarded(({ delivered, answer }) => {
          if (delivered) this.collecting?.heard(answer, readingNumber);
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
      return delivery;
    }

    /**
     * Read now instead of once the page settles.
     * @returns {Promise<unknown>} settled once that reading, if any, is delivered or given up on
     */
    flush() {
      clearTimeout(this.settleTimer);
      this.settleTimer = 0;
      return this.read() ?? Promise.resolve();
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
    try {
      api.runtime.onMessage.removeListener(onBackgroundRequest);
    } catch {
      // An orphaned script's API may throw; its listener can no longer fire anyway.
    }
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

  /** @param {unknown} value */
  const isPositiveMs = (value) => typeof value === "number" && Number.isFinite(value) && value > 0;

  /**
   * @param {{ delayMs?: any, stallMs?: any }} message
   * @returns {{ ok: true } | { ok: false, error: string }}
   */
  function startCollecting({ delayMs, stallMs }) {
    if (!isPositiveMs(delayMs) || !isPositiveMs(stallMs)) {
      return { ok: false, error: "A collection needs a delay and a stall limit in milliseconds." };
    }
    // The URL poll may not have noticed a navigation yet.
    checkNavigation();
    if (!current || current.target.page !== "connections") {
      return { ok: false, error: "This tab is not showing your LinkedIn connections." };
    }
    current.collect({ delayMs, stallMs });
    return { ok: true };
  }

  /**
   * `collect-run` and `collect-halt` from the background (tabs.sendMessage).
   * Only this extension may ask; anything else is not answered at all.
   * @param {any} message
   * @param {{ id?: string } | undefined} sender
   * @param {(answer: object) => void} sendResponse
   * @returns {false} every answer is given before returning
   */
  function onBackgroundRequest(message, sender, sendResponse) {
    if (!extensionAlive() || sender?.id !== api.runtime.id) return false;
    const type = message?.type;
    if (type !== "collect-run" && type !== "collect-halt") return false;
    /** @type {object} */
    let answer;
    try {
      if (type === "collect-run") answer = startCollecting(message);
      else {
        // Halting is always safe, so it is accepted on any page; only a
        // running collection has anything to stop and report.
        current?.haltCollecting();
        answer = { ok: true };
      }
    } catch {
      answer = { ok: false, error: "netprune's page reader failed; reload the page to retry." };
    }
    sendResponse(answer);
    return false;
  }

  api.runtime.onMessage.addListener(onBackgroundRequest);
  const onNavigation = guarded(checkNavigation);
  poll = setInterval(onNavigation, URL_POLL_MS);
  window.addEventListener("popstate", onNavigation);
  onNavigation();
})();
