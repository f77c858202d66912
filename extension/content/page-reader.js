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
// delivers the people as they render. That button is the only thing a
// collection ever clicks.
//
// And it removes one person when the background asks (`remove-step`), the
// way the member would: the person's card (found on the list or through the
// page's own name search, and checked by its /in/<slug>/ link), its menu,
// "Remove connection", LinkedIn's own dialog, then proof that the card left
// the list, reported as `removal-outcome`. It stops at the first thing it
// does not recognise. On every LinkedIn page it watches for the signs that
// LinkedIn wants to stop the member (a checkpoint or login page, a captcha,
// a limit warning, an error page) and tells the background once per page
// (`trouble`), so that the queue pauses. It never visits a profile.

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
   * The element's text nodes, in order, leaving out screen-reader-only text.
   * @param {Element} element
   * @returns {string[]}
   */
  function visibleTextParts(element) {
    const parts = [];
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
      if (node.nodeType === Node.TEXT_NODE) parts.push(/** @type {Text} */ (node).data);
    }
    return parts;
  }

  /**
   * textContent, whitespace-collapsed, without screen-reader-only text.
   * @param {Element} element
   */
  function visibleText(element) {
    if (!element.querySelector(HIDDEN_TEXT)) return collapse(element.textContent ?? "");
    return collapse(visibleTextParts(element).join(""));
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

  // ---------------------------------------------------------------------
  // Trouble: the signs that LinkedIn has noticed something, on any page.
  // ---------------------------------------------------------------------

  // Where LinkedIn sends a member it wants to check or sign in again.
  const TROUBLE_PATHS = [
    { prefix: "/checkpoint/", what: "LinkedIn is asking for a security check" },
    { prefix: "/uas/login", what: "LinkedIn signed you out and shows its login page" },
    { prefix: "/login", what: "LinkedIn signed you out and shows its login page" },
    { prefix: "/authwall", what: "LinkedIn shows its sign-in wall" },
  ];
  // What LinkedIn says when it limits or suspects a member, in the words it
  // uses in English (apostrophes either way); "You've reached the end" of a
  // list is not one of them.
  const LIMIT_WORDS =
    /you[’'`]?ve reached (?:the|your) (?!end\b|bottom\b)|weekly limit|daily limit|limit (?:reached|exceeded)|unusual activity|temporarily (?:restricted|limited|blocked)|too many requests|account (?:has been |is )?restricted/i;
  // Banners, toasts and dialogs: the only places whose text is read for
  // those words. A post in the feed that quotes them is not a warning.
  const ALERT_REGIONS = [
    '[role="alert"]',
    '[role="alertdialog"]',
    '[role="dialog"]',
    '[role="status"]',
    "dialog[open]",
    '[aria-live="assertive"]',
    '[aria-live="polite"]',
    ".artdeco-toast-item",
    ".artdeco-modal",
    ".artdeco-global-alert",
  ].join(", ");
  // A captcha frame, or an element named for one. "challenge" alone is a
  // common word on LinkedIn (its games), so only a frame counts for it.
  const CAPTCHA = ["id", "title", "aria-label", "name", "src"]
    .flatMap((attribute) => [
      `iframe[${attribute}*="captcha" i]`,
      `iframe[${attribute}*="challenge" i]`,
      ...(attribute === "src" || attribute === "name" ? [] : [`[${attribute}*="captcha" i]`]),
    ])
    .join(", ");
  // LinkedIn's error pages for HTTP 429 and its own 999 ("request denied")
  // are short pages without the app's navigation or main region.
  const APP_SHELL = "main, #global-nav, .global-nav, header nav";
  const ERROR_PAGE_WORDS =
    /too many requests|request denied|\b(?:http|error|status)\s*(?:code\s*)?(?:429|999)\b|^\s*(?:429|999)\b/i;
  const MAX_ERROR_PAGE_CHARS = 3000;
  // A watch checks the page at most this often: a feed that never stops
  // mutating costs one cheap look a second.
  const TROUBLE_CHECK_MS = 1_000;
  const MAX_QUOTE_CHARS = 160;

  /**
   * The text of a menu, banner or dialog with its parts apart: "Remove
   * connection Unfollow" rather than textContent's "Remove connectionUnfollow".
   * @param {Element} element
   */
  function spacedText(element) {
    return collapse(visibleTextParts(element).join(" "));
  }

  /** @param {string} text */
  const quote = (text) =>
    `“${text.length > MAX_QUOTE_CHARS ? `${text.slice(0, MAX_QUOTE_CHARS - 1)}…` : text}”`;

  /** @param {string} pathname */
  const troublePath = (pathname) =>
    TROUBLE_PATHS.find(({ prefix }) => pathname.toLowerCase().startsWith(prefix)) ?? null;

  /**
   * What trouble the page shows now, in words, or null.
   * @returns {string | null}
   */
  function troubleShown() {
    const path = troublePath(location.pathname);
    if (path) return `${path.what} (${location.pathname})`;
    for (const element of document.querySelectorAll(CAPTCHA)) {
      if (isShown(element)) return "LinkedIn is showing a captcha";
    }
    for (const region of document.querySelectorAll(ALERT_REGIONS)) {
      if (!isShown(region)) continue;
      const text = spacedText(region);
      if (LIMIT_WORDS.test(text)) return `LinkedIn says ${quote(text)}`;
    }
    if (document.body && !document.querySelector(APP_SHELL)) {
      const text = collapse(document.body.textContent ?? "");
      const title = collapse(document.title);
      if (text.length <= MAX_ERROR_PAGE_CHARS) {
        const said = [title, text].find((words) => ERROR_PAGE_WORDS.test(words));
        if (said) return `LinkedIn answered with an error page (${quote(said)})`;
      }
    }
    return null;
  }

  /**
   * Watches one page view (one path) for trouble and reports it to the
   * background once: `{ type: "trouble", reason, url }`. While a removal
   * step runs the step reports instead.
   */
  class TroubleWatch {
    constructor() {
      this.path = location.pathname;
      this.reported = false;
      /** @type {ReturnType<typeof setTimeout> | 0} */
      this.timer = 0;
      this.observer = new MutationObserver(guarded(() => this.schedule()));
      this.observer.observe(document.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ["open", "hidden", "style", "class", "role"],
      });
      // The URL is known at once; the page's own warnings render later.
      this.check();
    }

    schedule() {
      if (this.timer || this.reported) return;
      this.timer = setTimeout(
        guarded(() => {
          this.timer = 0;
          this.check();
        }),
        TROUBLE_CHECK_MS,
      );
    }

    check() {
      if (this.reported || activeStep) return;
      const reason = troubleShown();
      if (reason) this.report(reason);
    }

    /** @param {string} reason */
    report(reason) {
      if (this.reported) return;
      this.reported = true;
      clearTimeout(this.timer);
      this.timer = 0;
      deliver({ type: "trouble", reason, url: location.href }).then(
        guarded(({ delivered }) => {
          if (delivered) this.stop();
          else if (troubleWatch === this && extensionAlive()) {
            // Not heard (the worker was restarting): tell it at the next look.
            this.reported = false;
            this.schedule();
          }
        }),
      );
    }

    /** The trouble on this page view has been told (by a step's outcome, say). */
    markReported() {
      this.reported = true;
      this.stop();
    }

    stop() {
      this.observer.disconnect();
      clearTimeout(this.timer);
      this.timer = 0;
    }
  }

  // ---------------------------------------------------------------------
  // One removal step (remove-step): docs/ARCHITECTURE.md, "The removal queue".
  // ---------------------------------------------------------------------

  const REMOVE_ITEM = "Remove connection";
  const ARTDECO_TRIGGER_PREFIX = "More actions for ";
  const REACT_TRIGGER =
    'button[aria-label="Show more actions"][data-view-name="connections-remove-connection-dropdown"]';
  const REACT_CONFIRM = 'button[data-view-name="connections-remove"]';
  // The 2026 page names its card menu button like artdeco did, or only says
  // it opens a menu; either way it is the card's one such button.
  const SDUI_TRIGGER_NAME = /^more (?:actions|options)\b/i;
  const MENU = '[role="menu"], [role="listbox"], .artdeco-dropdown__content';
  const DIALOG = 'dialog[open], [role="dialog"], [role="alertdialog"], .artdeco-modal';
  const CLICKABLE =
    'button, a[href], [role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"], [role="option"], [role="button"], [tabindex]:not([tabindex="-1"])';
  const SEARCH_INPUTS = 'input[type="search"], input[type="text"], input:not([type])';
  const CLOSE_NAMES = [["cancel"], ["dismiss", "close"]];
  const PROFILE_SEGMENT = /\/in\/([^/?#]+)/;

  // Every wait in a step is bounded; these are generous for LinkedIn on a
  // slow connection and short enough that a stuck step ends well before the
  // core gives up on it (3 minutes).
  const POLL_MS = 100;
  // The whole step, however its waits add up: half the core's timeout, so
  // the core hears an outcome rather than giving up on the step.
  const STEP_LIMIT_MS = 90_000;
  const MENU_WAIT_MS = 1_500;
  const MENU_RETRY_WAIT_MS = 3_000;
  const DIALOG_WAIT_MS = 5_000;
  const DIALOG_CLOSE_WAIT_MS = 3_000;
  const SEARCH_WAIT_MS = 8_000;
  // Results are taken as they stand once the list has not changed for this
  // long (and LinkedIn shows no spinner)...
  const SEARCH_SETTLE_MS = 700;
  // ...and either every card bears the name, or the list changed after the
  // typing and this long has passed since.
  const SEARCH_QUIET_MS = 2_000;
  const MAX_RESULT_SCROLLS = 10;
  // After confirming, the card usually leaves at once; when it lingers past
  // the first wait, the name search is asked again until the whole wait is
  // over.
  const LEAVE_FIRST_WAIT_MS = 2_000;
  const LEAVE_WAIT_MS = 10_000;
  const RESEARCH_PAUSE_MS = 1_000;
  // A member's pauses between clicks and between keystrokes.
  const CLICK_PAUSE = { low: 100, high: 400 };
  const KEY_PAUSE = { low: 40, high: 110 };

  /** @typedef {{ kind: "removed" } | { kind: "not-found" } | { kind: "still-there" } | { kind: "failed", reason: string } | { kind: "trouble", reason: string }} Outcome */
  /** @typedef {{ outcome: Outcome, observed: string }} StepResult */
  /** @typedef {{ attempt: number, slug: string, name: string, mode: "remove" | "verify", dryRun: boolean }} StepRequest */

  /** @param {number} ms */
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Compared the way a name search compares: case, accents and spacing aside. */
  /** @param {string} text */
  const fold = (text) =>
    collapse(text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")).toLowerCase();

  /**
   * The decoded, lower-cased slug of a profile link, or null.
   * @param {Element} anchor
   */
  function slugOfLink(anchor) {
    const match = PROFILE_SEGMENT.exec(hrefOf(anchor));
    return match ? decodeSlug(match[1]) : null;
  }

  /** @param {string} slug */
  const profilePath = (slug) => `/in/${slug}/`;

  /**
   * The connection cards on show, each with the one person it links to.
   * An element linking to two people is not a card, and is never acted on.
   * @param {string} generation
   * @returns {{ card: Element, slug: string }[]}
   */
  function connectionCards(generation) {
    /** @type {Element[]} */
    let cards;
    if (generation === "react-2025") {
      // A react card is the smallest element around a profile link that
      // also holds the card's own menu button.
      /** @type {Set<Element>} */
      const found = new Set();
      for (const link of document.querySelectorAll(`${REACT_LIST} ${REACT_PROFILE_LINK}`)) {
        const card = cardAround(generation, link);
        if (card) found.add(card);
      }
      cards = [...found];
    } else {
      cards = MARKUPS[generation].cardsWithin(document.documentElement);
    }
    /** @type {{ card: Element, slug: string }[]} */
    const result = [];
    for (const card of cards) {
      const slugs = new Set(
        profileLinks(card, "a[href]")
          .map(slugOfLink)
          .filter((slug) => slug !== null),
      );
      if (slugs.size === 1) result.push({ card, slug: /** @type {string} */ ([...slugs][0]) });
    }
    return result;
  }

  /**
   * The card around a profile link, in this generation's terms.
   * @param {string} generation
   * @param {Element} link
   */
  function cardAround(generation, link) {
    if (generation === "artdeco") return link.closest(ARTDECO_CARD);
    if (generation === "sdui-2026") return outermostSduiCard(link.closest(SDUI_CARD));
    const list = link.closest(REACT_LIST);
    for (let node = link.parentElement; node && node !== list; node = node.parentElement) {
      if (node.querySelector(REACT_TRIGGER)) return node;
    }
    return null;
  }

  /**
   * Whether every profile link in `card` is this person's.
   * @param {Element} card
   * @param {string} slug
   */
  const onlyLinksTo = (card, slug) =>
    profileLinks(card, "a[href]").every((link) => slugOfLink(link) === slug);

  /**
   * The card of exactly this person, if it is on the page: found from the
   * person's profile links, so a long list costs one pass over its links.
   * @param {string} generation
   * @param {string} slug decoded, lower-cased
   */
  function cardOf(generation, slug) {
    /** @type {Element | null} */
    let fallback = null;
    for (const link of mainScope().querySelectorAll('a[href*="/in/"]')) {
      if (slugOfLink(link) !== slug) continue;
      const card = cardAround(generation, link);
      if (!card || !onlyLinksTo(card, slug)) continue;
      if (isShown(card)) return card;
      fallback ??= card;
    }
    return fallback;
  }

  /**
   * The card's name as the card shows it.
   * @param {string} generation
   * @param {Element} card
   */
  const cardName = (generation, card) => MARKUPS[generation].read(card)?.name ?? null;

  /**
   * Everything in the document matching `selector` that the member can see.
   * @param {string} selector
   */
  const shownMatching = (selector) =>
    [...document.querySelectorAll(selector)].filter((element) => isShown(element));

  /**
   * Keep only the outermost of `elements`.
   * @param {Element[]} elements
   */
  const outermost = (elements) =>
    elements.filter(
      (element) => !elements.some((other) => other !== element && other.contains(element)),
    );

  /**
   * Elements on show whose whole visible text is `label`: the innermost one
   * around each occurrence.
   * @param {string} label
   * @returns {Element[]}
   */
  function labelled(label) {
    /** @type {Set<Element>} */
    const found = new Set();
    const walker = document.createTreeWalker(
      document.body ?? document.documentElement,
      NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!(/** @type {Text} */ (node).data.includes(label))) continue;
      const element = node.parentElement;
      if (!element || element.closest(HIDDEN_TEXT)) continue;
      if (visibleText(element) === label && isShown(element)) found.add(element);
    }
    return [...found];
  }

  /**
   * The part of the page a newly shown label belongs to: its menu, or the
   * largest element around it that does not hold the menu button (a
   * popover's own root).
   * @param {Element} element
   * @param {Element} trigger
   */
  function menuAround(element, trigger) {
    const menu = element.closest(MENU);
    if (menu) return menu;
    let container = element;
    while (
      container.parentElement &&
      container.parentElement !== document.body &&
      container.parentElement !== document.documentElement &&
      !container.parentElement.contains(trigger)
    ) {
      container = container.parentElement;
    }
    return container;
  }

  /** What is on show before a click, to tell what the click opened. */
  function snapshot() {
    return {
      menus: new Set(shownMatching(MENU)),
      labels: new Set(labelled(REMOVE_ITEM)),
      dialogs: new Set(shownMatching(DIALOG)),
    };
  }

  /**
   * The dialogs on show that were not before.
   * @param {ReturnType<typeof snapshot>} before
   */
  const newDialogs = (before) =>
    outermost(shownMatching(DIALOG).filter((dialog) => !before.dialogs.has(dialog)));

  /**
   * The menus on show that were not before, by the trigger's aria-controls,
   * by role, or around a "Remove connection" that was not on show before.
   * @param {Element} trigger
   * @param {ReturnType<typeof snapshot>} before
   */
  function newMenus(trigger, before) {
    /** @type {Element[]} */
    const menus = [];
    const controlled = trigger.getAttribute("aria-controls");
    const target = controlled ? document.getElementById(controlled) : null;
    if (target && isShown(target) && !before.menus.has(target)) menus.push(target);
    for (const menu of shownMatching(MENU)) {
      if (!before.menus.has(menu) && !menu.contains(trigger)) menus.push(menu);
    }
    for (const label of labelled(REMOVE_ITEM)) {
      if (before.labels.has(label) || menus.some((menu) => menu.contains(label))) continue;
      menus.push(menuAround(label, trigger));
    }
    return outermost([...new Set(menus)]);
  }

  /**
   * The visible buttons in `scope` whose accessible name is one of `names`.
   * @param {Element} scope
   * @param {string[]} names lower-case
   */
  const buttonsNamed = (scope, names) =>
    [...scope.querySelectorAll(BUTTON)].filter(
      (button) => isShown(button) && names.includes(accessibleName(button).toLowerCase()),
    );

  /**
   * A dialog's one clear way out: its Cancel button, else its Dismiss or
   * Close button.
   * @param {Element} dialog
   * @returns {HTMLElement | null}
   */
  function closeButtonOf(dialog) {
    for (const names of CLOSE_NAMES) {
      const found = buttonsNamed(dialog, names);
      if (found.length === 1) return /** @type {HTMLElement} */ (found[0]);
    }
    return null;
  }

  /**
   * Whether a step or a collection already uses this tab.
   * @returns {string | null} why a new one cannot start
   */
  function tabBusy() {
    if (activeStep) return "a step is already running";
    if (current?.collecting?.running) {
      return "a collection is running in this tab; removal steps wait until it ends";
    }
    return null;
  }

  /**
   * One remove-step: finds one person on the connections page and removes
   * them through LinkedIn's own menu and dialog (or, in verify mode, only
   * looks for them), then reports what it saw. It clicks only the person's
   * card menu button, the "Remove connection" item, the dialog's confirm or
   * cancel button, and the page's own name search box; it stops at the
   * first thing it does not recognise.
   */
  class RemovalStep {
    /** @param {StepRequest} request */
    constructor(request) {
      this.request = request;
      this.deadline = Date.now() + STEP_LIMIT_MS;
      this.slug = decodeSlug(request.slug);
      this.path = profilePath(this.slug);
      /** @type {string | null} */
      this.generation = null;
      /** @type {HTMLInputElement | null} the search box, once netprune typed in it */
      this.searchBox = null;
      this.searchBefore = "";
      /** @type {string | null} trouble seen after the step's own work was done */
      this.troubleAfter = null;
      /** the page was left or the extension reloaded: nobody is left to report to */
      this.abandoned = false;
      /**
       * Pressed confirm: from then on a limit banner is reported after the
       * outcome, not instead of it, since the removal may well have happened.
       */
      this.confirmed = false;
    }

    /** Perform the step and report its outcome. */
    async run() {
      /** @type {StepResult} */
      let result;
      try {
        result = await this.perform();
      } catch (error) {
        result = this.failed(
          `netprune's page reader failed during the step (${error instanceof Error ? error.message : String(error)})`,
        );
      }
      if (this.abandoned || !extensionAlive()) return;
      // Typing is harmless even under a banner; a checkpoint page has no box.
      if (!troublePath(location.pathname)) await this.restoreSearch();
      const { attempt } = this.request;
      await deliver({ type: "removal-outcome", attempt, ...result });
      if (result.outcome.kind === "trouble") troubleWatch?.markReported();
      else if (this.troubleAfter) troubleWatch?.report(this.troubleAfter);
    }

    /** @returns {Promise<StepResult>} */
    async perform() {
      const { mode, name } = this.request;
      const before = troubleShown();
      if (before) return this.trouble(before, `${before}, before netprune did anything`);
      const generation = await this.until(detectGeneration, WAIT_LIMIT_MS);
      if (typeof generation !== "string") {
        return generation ?? this.failed(REASONS.connections);
      }
      this.generation = generation;

      if (mode === "verify") {
        const found = await this.search();
        if (!("listed" in found)) return found;
        return found.listed
          ? {
              outcome: { kind: "still-there" },
              observed: `a name search for ${quote(name)} still lists ${this.path}`,
            }
          : {
              outcome: { kind: "removed" },
              observed: `a name search for ${quote(name)} no longer lists ${this.path}`,
            };
      }

      let card = cardOf(generation, this.slug);
      let via = "on the list";
      if (!card) {
        const found = await this.search();
        if (!("listed" in found)) return found;
        if (!found.listed) {
          const others =
            found.namesakes === 0
              ? ""
              : `; ${found.namesakes} other ${found.namesakes === 1 ? "person" : "people"} of that name left alone`;
          return {
            outcome: { kind: "not-found" },
            observed: `a name search for ${quote(name)} lists nobody linking to ${this.path}${others}`,
          };
        }
        card = found.card;
        via = "through a name search";
      }
      return this.remove(card, via);
    }

    /**
     * Menu, item, dialog, confirm (or cancel in a dry run), then the proof.
     * @param {Element} card
     * @param {string} via how the card was found, for `observed`
     * @returns {Promise<StepResult>}
     */
    async remove(card, via) {
      const generation = /** @type {string} */ (this.generation);
      const shownName = cardName(generation, card) ?? this.request.name;

      const opened = await this.openMenu();
      if ("outcome" in opened) return opened;
      const { menu } = opened;
      const item = this.checkMenu(menu);
      if ("outcome" in item) return item;

      const before = snapshot();
      const stillHere = this.checkCard();
      if (stillHere) return stillHere;
      await this.pause();
      item.element.click();

      const appeared = await this.until(() => {
        const dialogs = newDialogs(before);
        return dialogs.length > 0 ? dialogs : null;
      }, DIALOG_WAIT_MS);
      if (!Array.isArray(appeared)) {
        return appeared ?? this.failed(`no dialog appeared after choosing “${REMOVE_ITEM}”`);
      }
      if (appeared.length > 1) {
        return this.trouble(
          `${appeared.length} dialogs opened at once after choosing “${REMOVE_ITEM}”`,
        );
      }
      const dialog = appeared[0];
      const confirm = this.checkDialog(dialog, shownName);
      if ("outcome" in confirm) {
        // Never its confirm: its Cancel, when it has a clear one.
        const close = closeButtonOf(dialog);
        let closed = "";
        if (close) {
          await this.pause();
          close.click();
          closed = `; netprune pressed its “${accessibleName(close)}”`;
        }
        return { ...confirm, observed: `${confirm.observed}${closed}` };
      }

      if (this.request.dryRun) {
        const close = closeButtonOf(dialog);
        if (!close) {
          return this.failed(
            `the dialog for ${quote(shownName)} has no Cancel button to close it with`,
          );
        }
        await this.pause();
        close.click();
        const gone = await this.until(() => !isShown(dialog) || null, DIALOG_CLOSE_WAIT_MS);
        if (gone !== true)
          return gone ?? this.failed("the dialog stayed open after pressing Cancel");
        return {
          outcome: { kind: "removed" },
          observed: `dry run: reached the ${REMOVE_ITEM} button for ${shownName}; not pressed`,
        };
      }

      await this.pause();
      const stillThere = this.checkCard();
      if (stillThere) return stillThere;
      if (!confirm.isConnected || !isShown(confirm))
        return this.failed("the dialog's confirm button went away");
      confirm.click();
      this.confirmed = true;
      return this.proveGone(dialog, shownName, via);
    }

    /**
     * After confirming: the card leaving the list is the proof; a card that
     * lingers is looked up again with the name search.
     * @param {Element} dialog
     * @param {string} shownName
     * @param {string} via
     * @returns {Promise<StepResult>}
     */
    async proveGone(dialog, shownName, via) {
      const generation = /** @type {string} */ (this.generation);
      const confirmedAt = Date.now();
      const removed = (/** @type {string} */ how) => {
        this.troubleAfter = troubleShown();
        return {
          outcome: /** @type {Outcome} */ ({ kind: "removed" }),
          observed: `confirmed “${REMOVE_ITEM}” for ${shownName} (${this.path}, found ${via}); ${how}`,
        };
      };
      const left = await this.until(
        () => (cardOf(generation, this.slug) === null ? true : null),
        LEAVE_FIRST_WAIT_MS,
      );
      if (left === true) return removed("the card left the list");
      if (left) return left;
      // The dialog must be gone before the search box behind it is used.
      const closed = await this.until(
        () => (!dialog.isConnected || !isShown(dialog) ? true : null),
        Math.max(0, confirmedAt + LEAVE_WAIT_MS - Date.now()),
      );
      if (closed !== true) return closed ?? this.failed("the dialog stayed open after confirming");
      while (Date.now() - confirmedAt < LEAVE_WAIT_MS) {
        if (cardOf(generation, this.slug) === null && !this.searchBox) {
          return removed("the card left the list");
        }
        const found = await this.search();
        if (!("listed" in found)) return found;
        if (!found.listed)
          return removed("the card lingered, and a name search no longer lists them");
        const waited = await this.until(() => null, RESEARCH_PAUSE_MS);
        if (waited) return waited;
      }
      return this.failed("the card was still listed after confirming");
    }

    /**
     * Open the card's own menu: one retry, for the menu that does not open
     * on the first click.
     * @returns {Promise<StepResult | { menu: Element }>}
     */
    async openMenu() {
      for (const waitMs of [MENU_WAIT_MS, MENU_RETRY_WAIT_MS]) {
        const before = snapshot();
        await this.pause();
        // Found afresh right before the click: a virtualized row may have
        // been recycled for someone else in the meantime.
        const trigger = this.menuTrigger();
        if ("outcome" in trigger) return trigger;
        trigger.element.scrollIntoView?.({ block: "nearest" });
        trigger.element.click();
        const opened = await this.until(() => {
          const dialogs = newDialogs(before);
          if (dialogs.length > 0) return { dialogs };
          const menus = newMenus(trigger.element, before);
          if (menus.length > 0) return { menus };
          return null;
        }, waitMs);
        if (opened && "outcome" in opened) return opened;
        if (opened && "dialogs" in opened) {
          return this.trouble(`the card's menu button opened a dialog instead of a menu`);
        }
        if (opened && "menus" in opened) {
          if (opened.menus.length > 1) {
            return this.trouble(
              `${opened.menus.length} menus opened at once from the card's menu button`,
            );
          }
          return { menu: opened.menus[0] };
        }
        if (trigger.element.getAttribute("aria-expanded") === "true") {
          return this.trouble(
            `the card's menu opened without a “${REMOVE_ITEM}” item netprune could find`,
          );
        }
      }
      return this.failed(`the card's menu did not open after two clicks on its menu button`);
    }

    /**
     * The card's own menu button, checked to belong to this person's card.
     * @returns {StepResult | { element: HTMLElement }}
     */
    menuTrigger() {
      const generation = /** @type {string} */ (this.generation);
      const card = cardOf(generation, this.slug);
      if (!card)
        return this.failed(`the card for ${this.path} left the page before its menu was opened`);
      const name = cardName(generation, card);
      /** @type {Element[]} */
      let candidates;
      if (generation === "react-2025") {
        candidates = [...card.querySelectorAll(REACT_TRIGGER)];
      } else {
        candidates = [...card.querySelectorAll(BUTTON)].filter((button) => {
          const label = collapse(button.getAttribute("aria-label") ?? "");
          if (generation === "artdeco") return label.startsWith(ARTDECO_TRIGGER_PREFIX);
          const popup = button.getAttribute("aria-haspopup");
          return SDUI_TRIGGER_NAME.test(label) || popup === "menu" || popup === "true";
        });
      }
      candidates = candidates.filter((button) => isShown(button));
      if (candidates.length === 0)
        return this.failed(`no menu button on the card for ${this.path}`);
      if (candidates.length > 1) {
        return this.trouble(`the card for ${this.path} has ${candidates.length} menu buttons`);
      }
      const trigger = /** @type {HTMLElement} */ (candidates[0]);
      const label = collapse(trigger.getAttribute("aria-label") ?? "");
      const named = /^more (?:actions|options) for (.+)$/i.exec(label);
      if (named && name !== null && fold(named[1]) !== fold(name)) {
        return this.trouble(
          `the menu button on the card for ${this.path} is labelled for ${quote(named[1])}`,
        );
      }
      return { element: trigger };
    }

    /**
     * The menu must show exactly one item, "Remove connection".
     * @param {Element} menu
     * @returns {StepResult | { element: HTMLElement }}
     */
    checkMenu(menu) {
      const text = spacedText(menu);
      const occurrences = text.split(REMOVE_ITEM).length - 1;
      const clickable = outermost(
        [...menu.querySelectorAll(CLICKABLE)].filter(
          (element) => isShown(element) && visibleText(element) === REMOVE_ITEM,
        ),
      );
      const items =
        clickable.length > 0
          ? clickable
          : outermost(
              labelled(REMOVE_ITEM).filter((element) => menu.contains(element) && element !== menu),
            );
      if (occurrences > 1 || items.length > 1) {
        return this.trouble(
          `the card's menu shows more than one “${REMOVE_ITEM}” item (${quote(text)})`,
        );
      }
      if (items.length === 0) {
        return this.trouble(`the card's menu has no “${REMOVE_ITEM}” item (${quote(text)})`);
      }
      if (text !== REMOVE_ITEM) {
        return this.trouble(
          `the card's menu shows items a connection card's menu does not have (${quote(text)})`,
        );
      }
      return { element: /** @type {HTMLElement} */ (items[0]) };
    }

    /**
     * The dialog must be the remove-connection dialog of this generation,
     * for this person; answers its confirm button.
     * @param {Element} dialog
     * @param {string} shownName
     * @returns {StepResult | HTMLElement}
     */
    checkDialog(dialog, shownName) {
      const text = spacedText(dialog);
      if (LIMIT_WORDS.test(text)) return this.trouble(`LinkedIn says ${quote(text)}`);
      const wrong = (/** @type {string} */ why) =>
        this.trouble(
          `a dialog that is not the remove-connection dialog for ${shownName} opened (${why}): ${quote(text)}`,
        );
      /** @type {Element[]} */
      let confirms;
      switch (this.generation) {
        case "artdeco": {
          if (!dialog.matches('[role="alertdialog"], .artdeco-modal'))
            return wrong("not an artdeco modal");
          const named = buttonsNamed(dialog, ["remove"]);
          const primary = named.filter((button) => button.matches(".artdeco-button--primary"));
          confirms = primary.length > 0 ? primary : named;
          break;
        }
        case "react-2025":
          confirms = [...dialog.querySelectorAll(REACT_CONFIRM)].filter((button) =>
            isShown(button),
          );
          break;
        default:
          // A native <dialog>, which [role="dialog"] does not describe.
          if (dialog.localName !== "dialog") return wrong("not the page's native dialog");
          confirms = buttonsNamed(dialog, [REMOVE_ITEM.toLowerCase()]);
      }
      if (confirms.length === 0) return wrong("no remove-connection confirm button");
      if (confirms.length > 1) return wrong(`${confirms.length} confirm buttons`);
      if (this.generation !== "react-2025" && !text.includes(REMOVE_ITEM)) {
        return wrong(`it never says “${REMOVE_ITEM}”`);
      }
      if (!fold(text).includes(fold(shownName))) return wrong(`it does not name ${shownName}`);
      return /** @type {HTMLElement} */ (confirms[0]);
    }

    /**
     * Before a click on the card's behalf: the card is still there and
     * still this person's.
     * @returns {StepResult | null}
     */
    checkCard() {
      const card = cardOf(/** @type {string} */ (this.generation), this.slug);
      return card ? null : this.failed(`the card for ${this.path} left the page mid-step`);
    }

    /**
     * Search the list by the person's name, as the member would, and look
     * for their card among the results.
     * @returns {Promise<StepResult | { listed: true, card: Element } | { listed: false, namesakes: number }>}
     */
    async search() {
      const generation = /** @type {string} */ (this.generation);
      const box = this.searchBox ?? findSearchBox();
      if (!box) return this.failed("no name search box on the connections page");
      if (!this.searchBox) {
        this.searchBox = box;
        this.searchBefore = box.value;
      }
      const { name } = this.request;
      const query = fold(name);
      const markup = MARKUPS[generation];
      // What the list shows, cheaply: its profile links in order.
      const signature = () =>
        [...mainScope().querySelectorAll('a[href*="/in/"]')].map(hrefOf).join("\n");
      let last = signature();
      const typed = await this.type(box, name);
      if (typed) return typed;
      const typedAt = Date.now();
      let lastChange = typedAt;
      let changed = false;
      for (let scrolls = 0; ;) {
        const settled = await this.until(() => {
          const now = Date.now();
          const shown = signature();
          if (shown !== last) {
            last = shown;
            lastChange = now;
            changed = true;
          }
          if (loadingShown(markup) || now - lastChange < SEARCH_SETTLE_MS) return null;
          // Every card on show bears the name: that is the answer (the
          // first card of an unfiltered list usually settles it at once).
          const answered = connectionCards(generation).every(({ card }) =>
            fold(cardName(generation, card) ?? "").includes(query),
          );
          if (answered) return true;
          // LinkedIn's search also matches loosely; a list that changed
          // after the typing and then held still is its answer too.
          return changed && now - typedAt >= SEARCH_QUIET_MS ? true : null;
        }, SEARCH_WAIT_MS);
        if (settled !== true) {
          return settled ?? this.failed(`the name search for ${quote(name)} gave no steady answer`);
        }
        const card = cardOf(generation, this.slug);
        if (card) return { listed: true, card };
        if (findLoadButton(markup)) {
          return this.failed(
            `the name search for ${quote(name)} has more results than are on show`,
          );
        }
        const scroller = listScroller(markup);
        if (atBottom(scroller) || scrolls >= MAX_RESULT_SCROLLS) {
          const namesakes = connectionCards(generation).filter(
            (entry) => fold(cardName(generation, entry.card) ?? "") === query,
          ).length;
          return { listed: false, namesakes };
        }
        // More results below: read on down, as the member would.
        scrolls += 1;
        scroller.scrollBy?.({
          top: Math.round(visibleHeight(scroller) * SCROLL_STEP.low),
          behavior: SCROLL_BEHAVIOR,
        });
        lastChange = Date.now();
      }
    }

    /**
     * Type `text` into the box a key at a time, as the member would: a
     * click to focus it, then the value and an input event per character.
     * @param {HTMLInputElement} box
     * @param {string} text
     * @returns {Promise<StepResult | null>}
     */
    async type(box, text) {
      await this.pause();
      if (!box.isConnected) return this.failed("the name search box went away");
      box.focus();
      box.click();
      if (box.value !== "") {
        box.value = "";
        box.dispatchEvent(
          new InputEvent("input", { bubbles: true, inputType: "deleteContentBackward" }),
        );
      }
      for (const character of text) {
        const interrupted = this.interrupted();
        if (interrupted) return interrupted;
        box.value += character;
        box.dispatchEvent(
          new InputEvent("input", { bubbles: true, data: character, inputType: "insertText" }),
        );
        await sleep(between(KEY_PAUSE));
      }
      return null;
    }

    /** Put the search box back as the member left it. */
    async restoreSearch() {
      const box = this.searchBox;
      this.searchBox = null;
      if (!box || !box.isConnected || box.value === this.searchBefore) return;
      await this.pause();
      box.value = this.searchBefore;
      box.dispatchEvent(
        new InputEvent("input", { bubbles: true, inputType: "deleteContentBackward" }),
      );
    }

    /**
     * Whether the step must stop now: trouble on the page, the tab gone
     * elsewhere, or the extension reloaded.
     * @returns {StepResult | null}
     */
    interrupted() {
      if (!extensionAlive()) {
        this.abandoned = true;
        return this.failed("the extension was reloaded during the step");
      }
      // Once confirmed, only a page LinkedIn sent the tab to stops the proof.
      const trouble = this.confirmed && !troublePath(location.pathname) ? null : troubleShown();
      if (trouble) return this.trouble(trouble);
      if (targetFor(location)?.page !== "connections") {
        return this.failed(
          `the tab left the connections page during the step (${location.pathname})`,
        );
      }
      if (Date.now() > this.deadline) {
        return this.failed(`the step took longer than ${seconds(STEP_LIMIT_MS)}, and was stopped`);
      }
      return null;
    }

    /**
     * Poll `condition` until it answers something other than null or
     * undefined, for at most `limitMs`, stopping early when interrupted.
     * @template T
     * @param {() => T | null | undefined} condition
     * @param {number} limitMs
     * @returns {Promise<T | StepResult | null>} null when the time ran out
     */
    async until(condition, limitMs) {
      const deadline = Date.now() + limitMs;
      for (;;) {
        const value = condition();
        if (value !== null && value !== undefined) return value;
        const interrupted = this.interrupted();
        if (interrupted) return interrupted;
        if (Date.now() >= deadline) return null;
        await sleep(POLL_MS);
      }
    }

    /** A member's pause before the next click. */
    pause() {
      return sleep(between(CLICK_PAUSE));
    }

    /**
     * @param {string} reason
     * @returns {StepResult}
     */
    failed(reason) {
      return { outcome: { kind: "failed", reason }, observed: reason };
    }

    /**
     * @param {string} reason
     * @param {string} [observed]
     * @returns {StepResult}
     */
    trouble(reason, observed = reason) {
      return { outcome: { kind: "trouble", reason }, observed };
    }
  }

  /**
   * The page's own "Search by name" box: artdeco's by its placeholder, the
   * later ones by their search role, placeholder or label. Only inside the
   * page's main region (LinkedIn's global search lives in the header) and
   * never inside a card; it must be the only one.
   * @returns {HTMLInputElement | null}
   */
  function findSearchBox() {
    const scope = mainScope();
    const byPlaceholder = [...scope.querySelectorAll('input[placeholder="Search by name"]')].filter(
      (input) => isShown(input),
    );
    /** @type {Element[]} */
    let candidates = byPlaceholder;
    if (candidates.length === 0) {
      candidates = [
        ...scope.querySelectorAll(
          `${SEARCH_INPUTS}, input[role="searchbox"], input[role="combobox"]`,
        ),
      ].filter((input) => {
        if (
          !isShown(input) ||
          input.closest(`${ARTDECO_CARD}, ${SDUI_CARD}, ${REACT_PROFILE_LINK}`)
        )
          return false;
        const words = `${input.getAttribute("placeholder") ?? ""} ${input.getAttribute("aria-label") ?? ""}`;
        return /search/i.test(words) && /name|connection/i.test(words);
      });
    }
    return candidates.length === 1 ? /** @type {HTMLInputElement} */ (candidates[0]) : null;
  }

  /** @type {RemovalStep | null} the step under way in this tab, at most one */
  let activeStep = null;
  /** @type {TroubleWatch | null} */
  let troubleWatch = null;

  /**
   * @param {any} message
   * @returns {StepRequest | null}
   */
  function stepRequest(message) {
    const { attempt, slug, name, mode, dryRun } = message ?? {};
    if (typeof attempt !== "number" || !Number.isFinite(attempt)) return null;
    if (typeof slug !== "string" || !/^[^/?#\s]+$/.test(slug)) return null;
    if (typeof name !== "string" || collapse(name) === "") return null;
    if (mode !== "remove" && mode !== "verify") return null;
    if (mode === "remove" && typeof dryRun !== "boolean") return null;
    return { attempt, slug, name: collapse(name), mode, dryRun: dryRun === true };
  }

  /**
   * `remove-step`: accepted at once and performed in the background of the
   * page; its outcome arrives later as `removal-outcome`.
   * @param {any} message
   * @returns {{ ok: true } | { ok: false, error: string }}
   */
  function startRemovalStep(message) {
    const request = stepRequest(message);
    if (!request) {
      return {
        ok: false,
        error:
          "A removal step needs an attempt, a profile slug, a name, a mode and, to remove, dryRun.",
      };
    }
    checkNavigation();
    const busy = tabBusy();
    if (busy) return { ok: false, error: busy };
    // A tab LinkedIn sent to a checkpoint or login page takes the step, so
    // that its outcome (trouble) pauses the queue.
    if (!troublePath(location.pathname) && current?.target.page !== "connections") {
      return { ok: false, error: "This tab is not showing your LinkedIn connections." };
    }
    const step = new RemovalStep(request);
    activeStep = step;
    step
      .run()
      .catch(() => undefined)
      .finally(() => {
        if (activeStep === step) activeStep = null;
        troubleWatch?.schedule();
      });
    return { ok: true };
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
    troubleWatch?.stop();
    troubleWatch = null;
  }

  function checkNavigation() {
    if (!extensionAlive()) {
      shutDown();
      return;
    }
    const href = location.href;
    if (href === lastHref) return;
    lastHref = href;
    // Trouble is told once per page (path), wherever on LinkedIn it shows.
    if (troubleWatch?.path !== location.pathname) {
      troubleWatch?.stop();
      troubleWatch = new TroubleWatch();
    }
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
    if (activeStep) {
      return {
        ok: false,
        error: "a removal step is running in this tab; collecting waits until it ends",
      };
    }
    current.collect({ delayMs, stallMs });
    return { ok: true };
  }

  /**
   * `collect-run`, `collect-halt` and `remove-step` from the background
   * (tabs.sendMessage). Only this extension may ask; anything else is not
   * answered at all.
   * @param {any} message
   * @param {{ id?: string } | undefined} sender
   * @param {(answer: object) => void} sendResponse
   * @returns {false} every answer is given before returning
   */
  function onBackgroundRequest(message, sender, sendResponse) {
    if (!extensionAlive() || sender?.id !== api.runtime.id) return false;
    const type = message?.type;
    if (type !== "collect-run" && type !== "collect-halt" && type !== "remove-step") return false;
    /** @type {object} */
    let answer;
    try {
      if (type === "collect-run") answer = startCollecting(message);
      else if (type === "remove-step") answer = startRemovalStep(message);
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
