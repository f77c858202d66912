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
  // Readings carry the page check (docs/ARCHITECTURE.md) at most this often.
  const CHECK_EVERY_MS = 5_000;

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
  // Going back over the whole list from the top, when it ended short.
  const MAX_PASSES = 1;
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

  // docs/LINKEDIN.md has the evidence for every selector below.
  const SDUI_CARD = '[componentkey^="ConnectionCard_"]';
  // The 2026 card's key is "ConnectionCard_<digits>-<slug>" (the slug may be
  // Unicode or %-escaped), so a card names its person even without a link.
  const SDUI_KEY_SLUG = /^ConnectionCard_\d+-([^\s/?#]+)$/u;
  // In 2025 every card has its own wrapper with this attribute (and older
  // builds wrapped the whole list in one): never take the first as the list.
  const REACT_LIST = '[data-view-name="connections-list"]';
  // Pages often hold two list nodes; the lazy column is the one with cards.
  const REACT_LAZY_LIST =
    '[componentkey="ConnectionsPage_ConnectionsList"][data-testid="lazy-column"]';
  const REACT_PROFILE_LINK = 'a[data-view-name="connections-profile"]';
  // The avatar's only text is its alt, "<Name>’s profile picture".
  const PICTURE_ALT = /^(.+?)[’'`]s profile picture$/u;
  const ARTDECO_CARD = "li.mn-connection-card";
  const PROFILE_HREF = /\/in\/[^/?#]+/;
  const PROFILE_SEGMENT = /\/in\/([^/?#]+)/;
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
    // "7.892 Follower:innen" (de, docs/LINKEDIN.md, "Totals").
    followers:
      "followers?|follower:innen|follower:in|abonnés|abonné|abonnenten|seguidores|seguidor|volgers|volger",
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
  // "You are following 4 people" (sulhadin/linkedin-cleanup `src/server/harvestManager.ts`).
  COUNT_PATTERNS.following.push(
    new RegExp(`^you are following (${NUMBER}) (?:people|persons?)$`, "iu"),
  );
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
   * The person's name and headline as a profile link shows them: the link
   * wraps `<p>name</p><p>headline</p>` in 2025 and 2026, so the first `p`
   * is the name and the next one the headline; a link without paragraphs
   * is a plain name link (older builds).
   * @param {Element} link
   * @returns {{ name: string, headline: string | null } | null}
   */
  function linkLines(link) {
    const paragraphs = [...link.querySelectorAll("p")]
      .map(visibleText)
      .filter((text) => text !== "");
    if (paragraphs.length > 0) return { name: paragraphs[0], headline: paragraphs[1] ?? null };
    const text = visibleText(link);
    return text === "" ? null : { name: text, headline: null };
  }

  /**
   * The name an avatar's picture is labelled with, or null.
   * @param {Element} card
   */
  function pictureName(card) {
    for (const picture of card.querySelectorAll("img[alt], svg[aria-label]")) {
      const label = collapse(
        picture.getAttribute("alt") ?? picture.getAttribute("aria-label") ?? "",
      );
      const match = PICTURE_ALT.exec(label);
      if (match) return collapse(match[1]);
    }
    return null;
  }

  /**
   * The slug a 2026 card's componentkey names, or null.
   * @param {Element} card
   */
  function keySlug(card) {
    const match = SDUI_KEY_SLUG.exec(card.getAttribute("componentkey") ?? "");
    return match ? decodeSlug(match[1]) : null;
  }

  /**
   * A card from the hashed-class markups. The name comes from the name
   * element, in order of reliability: the first `p` inside a profile link,
   * a link's own text, the avatar's alt, then the card's first text line;
   * the headline apart from it; the "Connected ..." line last.
   *
   * @param {Element} card
   * @param {string} linkSelector
   */
  function readPlainCard(card, linkSelector) {
    const links = profileLinks(card, linkSelector);
    const slug = keySlug(card);
    if (links.length === 0 && slug === null) return null;
    /** @type {{ name: string, headline: string | null } | null} */
    let named = null;
    for (const link of links) {
      named = linkLines(link);
      if (named) break;
    }
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
    let name = named?.name ?? pictureName(card);
    let headline = named ? named.headline : null;
    if (name === null) {
      // Neither a link nor a picture names them: the card's own lines.
      name = lines.shift() ?? null;
    }
    if (name === null || name === "") return null;
    if (headline === null) headline = lines[0] ?? null;
    const profileUrl =
      links.length > 0
        ? hrefOf(links[0])
        : `https://www.linkedin.com/in/${encodeURIComponent(/** @type {string} */ (slug))}/`;
    return { profileUrl, name, headline, connectedText };
  }

  /**
   * The elements the react-2025 cards are children of. Each
   * `[data-view-name="connections-list"]` wrapper holds one card (2025
   * captures) or, in older builds, the whole list; inside a wrapper the
   * level that first splits different people apart holds the cards (classes
   * cannot say which, being hashed). Only the lazy column's wrappers count
   * when the page has one.
   * @returns {Element[]}
   */
  function reactCardContainers() {
    const scope = document.querySelector(REACT_LAZY_LIST) ?? document;
    /** @param {Element} element */
    const holdsSeveralPeople = (element) => {
      let first = null;
      for (const link of profileLinks(element, REACT_PROFILE_LINK)) {
        if (first === null) first = hrefOf(link);
        else if (hrefOf(link) !== first) return true;
      }
      return false;
    };
    /** @type {Element[]} */
    const containers = [];
    for (const wrapper of scope.querySelectorAll(REACT_LIST)) {
      // A wrapper inside another wrapper is part of that one's card.
      if (wrapper.parentElement?.closest(REACT_LIST)) continue;
      let container = wrapper;
      while (container.children.length === 1 && holdsSeveralPeople(container.children[0])) {
        container = container.children[0];
      }
      containers.push(container);
    }
    return containers;
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
        if (!node.closest(REACT_LIST)) return null;
        for (const container of reactCardContainers()) {
          if (node === container || !container.contains(node)) continue;
          let card = node;
          while (card.parentElement && card.parentElement !== container) card = card.parentElement;
          return card;
        }
        return null;
      },
      cardsWithin(node) {
        return reactCardContainers()
          .filter((container) => node.contains(container))
          .flatMap((container) => [...container.children]);
      },
      firstCard: () => reactCardContainers()[0]?.firstElementChild ?? null,
      cardTest() {
        const containers = new Set(reactCardContainers());
        return (element) => element.parentElement !== null && containers.has(element.parentElement);
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

  /**
   * The person a card is for: the decoded slug of its first profile link,
   * else the slug its componentkey names.
   * @param {Element} card
   */
  const cardKey = (card) => {
    const link = profileLinks(card, "a[href]")[0];
    const match = link ? PROFILE_SEGMENT.exec(hrefOf(link)) : null;
    return match ? decodeSlug(match[1]) : keySlug(card);
  };

  /**
   * The key of a card as read: the same as `cardKey` of its element.
   * @param {Card} card
   */
  const readKey = (card) => {
    const match = PROFILE_SEGMENT.exec(card.profileUrl);
    return match ? decodeSlug(match[1]) : card.profileUrl;
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

  /**
   * Move the list by `delta` pixels as a member's wheel does: a wheel event
   * on the list (some 2026 lists load more only on wheel events; a
   * synthetic one scrolls nothing by itself), then the scroll.
   * @param {Element} scroller
   * @param {number} delta
   * @param {Element | null} [over] the element under the pointer, when the scroller is the page
   */
  function scrollStep(scroller, delta, over = null) {
    const target =
      scroller === document.scrollingElement || scroller === document.documentElement
        ? (over ?? document.body)
        : scroller;
    const rect = target.getBoundingClientRect();
    target.dispatchEvent(
      new WheelEvent("wheel", {
        bubbles: true,
        cancelable: true,
        composed: true,
        deltaY: delta,
        deltaMode: 0,
        clientX: rect.left + rect.width / 2,
        clientY: rect.top + Math.min(rect.height, window.innerHeight) / 2,
      }),
    );
    scroller.scrollBy({ top: delta, behavior: SCROLL_BEHAVIOR });
  }

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
      // Passes back over the list from the top, for rows a virtualized list
      // dropped before they were read.
      this.passes = 0;
      /** the furthest down the list this pass has been */
      this.deepest = 0;
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
      // Moving down the list is progress: going back over it finds nobody
      // new until it reaches a gap, and a first page taller than the stall
      // limit's worth of steps is read long before the loading point.
      if (this.view.markup) {
        const top = listScroller(this.view.markup).scrollTop;
        if (top > this.deepest) this.lastProgressAt = now;
        this.deepest = Math.max(this.deepest, top);
      }
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
      const over = markup.firstCard()?.parentElement ?? null;
      // Steps stay under the visible height, and the list keeps at least
      // what is visible rendered: no row can pass unseen between two steps.
      if (!atBottom(scroller)) {
        scrollStep(scroller, Math.round(height * between(SCROLL_STEP)), over);
        return;
      }
      this.reachedBottom = true;
      const button = findLoadButton(markup);
      if (button) {
        // Disabled while LinkedIn fetches: wait, as a member would.
        if (isEnabled(button)) {
          button.scrollIntoView({ block: "nearest", behavior: SCROLL_BEHAVIOR });
          pointerClick(button);
        }
        return;
      }
      // At the bottom with nothing to press: a wheel turn down (what makes
      // a wheel-only list load), then a short way back up, which makes
      // LinkedIn retry.
      scrollStep(scroller, Math.round(height * between(NUDGE_STEP)), over);
      scrollStep(scroller, -Math.round(height * between(NUDGE_STEP)), over);
    }

    /** The stated total as a number, when it is exact. */
    statedTotal() {
      const total = this.view.counts.connections;
      return total !== null && EXACT_COUNT.test(total) ? Number(total.replace(/\D/g, "")) : null;
    }

    /**
     * Trouble on the page: collecting stops at once, saying why.
     * @param {string} reason
     */
    troubled(reason) {
      if (!this.running) return;
      this.finish("stalled", `collecting stopped because ${reason}`);
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
      const stated = this.statedTotal();
      const short = stated !== null && this.view.peopleRead() < stated;
      if (this.reachedBottom && !button && !loading) {
        if (short && this.passes < MAX_PASSES) {
          // Rows may have been dropped unread: go back over the list once
          // more before saying it ended short.
          this.passes += 1;
          this.deepest = 0;
          this.rewind = true;
          this.reachedBottom = false;
          this.lastProgressAt = Date.now();
          this.next();
          return;
        }
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
      /**
       * People (by decoded slug) already delivered, or in flight, on this
       * page view, and whether their card had its "Connected on" date then:
       * a card whose date streams in later is read and sent again.
       * @type {Map<string, boolean>}
       */
      this.sentCards = new Map();
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
      /** when the last reading carrying the page check was sent */
      this.checkedAt = -Infinity;
      /** @type {boolean | null} what the last check sent said of removal */
      this.sentRemovalOff = null;
      /** a look again while the last check said removal is off */
      this.recheckTimer = 0;
      /** @type {number | null} when the page was first recognised */
      this.recognisedAt = null;
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
      clearTimeout(this.recheckTimer);
    }

    /**
     * Whether the card of `key` needs no further reading: sent, or waiting
     * to be, with its date.
     * @param {string} key
     */
    done(key) {
      return this.sentCards.get(key) === true || Boolean(this.captured.get(key)?.connectedText);
    }

    /**
     * Whether a card just read tells more than what was sent: a new person,
     * or a date that was not there before.
     * @param {string} key
     * @param {Card} card
     */
    wanted(key, card) {
      const sent = this.sentCards.get(key);
      return sent === undefined || (sent === false && card.connectedText !== null);
    }

    /** Whether a reading should carry the page check now (the first does). */
    checkDue() {
      if (this.target.page !== "connections") return false;
      const now = Date.now();
      if (now - this.checkedAt < CHECK_EVERY_MS) return false;
      this.checkedAt = now;
      return true;
    }

    /** distinct people read on this page view (since the last startOver) */
    peopleRead() {
      let waiting = 0;
      for (const key of this.captured.keys()) if (!this.sentCards.has(key)) waiting += 1;
      return this.sentCards.size + waiting;
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
      for (const key of this.sentCards.keys()) {
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
        if (key === null || this.done(key)) return;
        const read = markup.read(card);
        if (read && this.wanted(key, read)) this.captured.set(key, read);
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
          return readConnectionsPage((key) => this.done(key));
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
        this.recognisedAt = Date.now();
        clearTimeout(this.deadline);
      }
      if (content.generation) this.markup = MARKUPS[content.generation];
      for (const kind of /** @type {(keyof Counts)[]} */ (Object.keys(this.counts))) {
        const token = content.counts[kind];
        if (token !== null) this.counts[kind] = token;
      }
      /** @type {Map<string, Card>} */
      const fresh = new Map(this.captured);
      for (const card of content.cards) {
        const key = readKey(card);
        if (this.wanted(key, card) && !fresh.get(key)?.connectedText) fresh.set(key, card);
      }
      const cards = [...fresh].map(([key, card]) => {
        this.sentCards.set(key, card.connectedText !== null);
        return card;
      });
      const sentKeys = [...fresh.keys()];
      this.captured.clear();
      const counts = JSON.stringify(this.counts);
      // The check costs a look at every card: at most every few seconds. A
      // page that goes still after a check said removal is off (a search
      // box not yet drawn) is looked at again, and a changed verdict is
      // sent even with nothing else new, so the background never holds a
      // stale "off".
      const check = this.checkDue() ? pageCheck() : undefined;
      const verdictChanged = check !== undefined && check.removalOff !== this.sentRemovalOff;
      clearTimeout(this.recheckTimer);
      if ((check?.removalOff ?? this.sentRemovalOff) === true) {
        this.recheckTimer = setTimeout(
          guarded(() => this.schedule()),
          CHECK_EVERY_MS,
        );
      }
      if (cards.length === 0 && counts === this.sentCounts && !verdictChanged) return;
      if (check !== undefined) this.sentRemovalOff = check.removalOff;
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
          member: navMember(),
          check,
          visible: !document.hidden,
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
          cards.forEach((card, index) => {
            const key = sentKeys[index];
            this.sentCards.delete(key);
            if (!this.captured.has(key)) this.captured.set(key, card);
          });
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
          member: navMember(),
          check: this.target.page === "connections" ? pageCheck() : null,
        },
      });
    }
  }

  // ---------------------------------------------------------------------
  // Trouble: the signs that LinkedIn has noticed something, on any page.
  // ---------------------------------------------------------------------

  // Where LinkedIn sends a member it wants to check or sign in again.
  /** @type {{ prefix: string, what: string, kind: TroubleKind }[]} */
  const TROUBLE_PATHS = [
    {
      prefix: "/checkpoint/",
      what: "LinkedIn is asking for a security check",
      kind: "checkpoint",
    },
    {
      prefix: "/uas/login",
      what: "LinkedIn signed you out and shows its login page",
      kind: "login",
    },
    { prefix: "/login", what: "LinkedIn signed you out and shows its login page", kind: "login" },
    { prefix: "/authwall", what: "LinkedIn shows its sign-in wall", kind: "login" },
  ];
  // What LinkedIn says when it limits or suspects a member, in the words it
  // uses in English (apostrophes either way); "You've reached the end" of a
  // list is not one of them.
  // docs/LINKEDIN.md, "Warnings", has where each was seen.
  const LIMIT_WORDS =
    /you[’'`]?ve reached (?:the|your|a) (?!end\b|bottom\b)|weekly limit|daily limit|temporary limit|limit (?:reached|exceeded)|unusual activity|temporarily (?:restricted|limited|blocked)|too many requests|account (?:has been |is )?(?:temporarily )?restricted/i;
  // Which of those is a restriction of the account rather than a limit.
  const RESTRICTED_WORDS = /restricted|blocked/i;
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
   * @typedef {"checkpoint" | "login" | "captcha" | "limit" | "restricted" | "http-429" | "unexpected-dialog" | "unexpected-menu" | "another-account" | "unrecognised"} TroubleKind
   * @typedef {{ reason: string, kind: TroubleKind }} Trouble
   */

  /**
   * A warning's words as a trouble.
   * @param {string} text
   * @returns {Trouble}
   */
  const warning = (text) => ({
    reason: `LinkedIn says ${quote(text)}`,
    kind: RESTRICTED_WORDS.test(text) ? "restricted" : "limit",
  });

  /**
   * What trouble the page shows now, in words and kind (CONTRACT: trouble
   * kinds), or null.
   * @returns {Trouble | null}
   */
  function troubleShown() {
    const path = troublePath(location.pathname);
    if (path) return { reason: `${path.what} (${location.pathname})`, kind: path.kind };
    for (const element of document.querySelectorAll(CAPTCHA)) {
      if (isShown(element)) return { reason: "LinkedIn is showing a captcha", kind: "captcha" };
    }
    for (const region of document.querySelectorAll(ALERT_REGIONS)) {
      if (!isShown(region)) continue;
      const text = spacedText(region);
      if (LIMIT_WORDS.test(text)) return warning(text);
    }
    if (document.body && !document.querySelector(APP_SHELL)) {
      const text = collapse(document.body.textContent ?? "");
      const title = collapse(document.title);
      if (text.length <= MAX_ERROR_PAGE_CHARS) {
        const said = [title, text].find((words) => ERROR_PAGE_WORDS.test(words));
        if (said) {
          return {
            reason: `LinkedIn answered with an error page (${quote(said)})`,
            kind: "http-429",
          };
        }
      }
    }
    // A whole page saying it (the "temporary limit" interstitial, the
    // restriction page): its heading.
    for (const heading of document.querySelectorAll("h1, h2")) {
      const text = spacedText(heading);
      if (text.length <= MAX_QUOTE_CHARS && LIMIT_WORDS.test(text) && isShown(heading)) {
        return warning(text);
      }
    }
    return null;
  }

  /**
   * Watches one page view (one path) for trouble and reports it to the
   * background once: `{ type: "trouble", reason, url, trouble }`. While a removal
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
      const trouble = troubleShown();
      if (trouble) this.report(trouble);
    }

    /** @param {Trouble} trouble */
    report({ reason, kind }) {
      if (this.reported) return;
      this.reported = true;
      clearTimeout(this.timer);
      this.timer = 0;
      // Collecting stops at the first sign of trouble, as the queue does.
      current?.collecting?.troubled(reason);
      deliver({ type: "trouble", reason, url: location.href, trouble: kind }).then(
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
  // docs/LINKEDIN.md, "Search box": the 2026 typeahead, by its data attributes.
  const SEARCH_BY_DATA =
    '[componentkey="connectionsListTypeahead_ConnectionsListTypeahead"] input[data-testid="typeahead-input"]';
  const SEARCH_BY_TESTID = 'input[data-testid="typeahead-input"]';
  // docs/LINKEDIN.md, "Own-member link": LinkedIn's global navigation.
  const GLOBAL_NAV = "#global-nav, header.global-nav, nav.global-nav, header nav, .global-nav__me";
  // ...and the own-profile links tools read beside it.
  const SELF_LINKS =
    'a[data-view-name="identity-self-profile"], [data-view-name="identity-module"] a[href*="/in/"]';
  // An exact count as printed ("1,217", "1.217", "1 217", "61").
  const EXACT_COUNT = /^\d{1,3}(?:[,.'\u00a0\u202f ]\d{3})*$/;

  const CLOSE_NAMES = [["cancel"], ["dismiss", "close"]];

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
  const KEY_PAUSE = { low: 40, high: 110 };

  /** @typedef {{ kind: "removed" } | { kind: "not-found" } | { kind: "still-there" } | { kind: "failed", reason: string } | { kind: "unproven", reason: string } | { kind: "trouble", reason: string, trouble: TroubleKind }} Outcome */
  /** @typedef {{ outcome: Outcome, observed: string }} StepResult */
  /** @typedef {{ attempt: number, slug: string, name: string, mode: "remove" | "verify", dryRun: boolean, pausesMs: number[], member: string | null }} StepRequest */

  /** @param {number} ms */
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Compared the way a name search compares: case, accents and spacing aside. */
  /** @param {string} text */
  const fold = (text) =>
    collapse(text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")).toLowerCase();

  /**
   * Whether a dialog's text names this person: their whole name, or (the
   * 2026 dialog usually shows only that, docs/LINKEDIN.md) their first name
   * as a whole word.
   * @param {string} text
   * @param {string} name
   */
  function namesThem(text, name) {
    const words = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
    if (fold(text).includes(fold(name))) return true;
    const first = fold(name)
      .split(/[^\p{L}\p{N}]+/u)
      .find((word) => word !== "");
    return first !== undefined && words.includes(` ${first} `);
  }

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
      const keyed = keySlug(card);
      if (keyed !== null) slugs.add(keyed);
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
   * The menu buttons on show in a card, in this generation's terms.
   * @param {string} generation
   * @param {Element} card
   * @returns {Element[]}
   */
  function menuButtons(generation, card) {
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
    return candidates.filter((button) => isShown(button));
  }

  /**
   * What netprune recognises on this connections page, for the review
   * page's "Check this page" (docs/ARCHITECTURE.md, `check`). Removal is
   * off unless the list, its total, readable cards, each card's one menu
   * button, the search box and the member's own link are all found.
   * @returns {object | null} null on any other page
   */
  function pageCheck() {
    if (!current || current.target.page !== "connections") return null;
    const generation = detectGeneration();
    const markup = generation ? MARKUPS[generation] : null;
    const elements = markup ? markup.cardsWithin(document.documentElement) : [];
    const read = elements.map((element) => markup?.read(element) ?? null);
    const readable = read.filter((card) => card !== null);
    const first = elements.slice(0, 3).map((element, index) => {
      const card = read[index];
      return {
        slug: cardKey(element),
        name: card?.name ?? null,
        headline: card?.headline ?? null,
        connected: card?.connectedText ?? null,
        menuButtons: generation ? menuButtons(generation, element).length : 0,
      };
    });
    const total = markup ? findCounts(mainScope(), ["connections"], markup.skip).connections : null;
    const searchBox = findSearchBox() !== null;
    const member = navMember();
    const menuFound = first.length > 0 && first.every((card) => card.menuButtons === 1);
    /** @type {string[]} */
    const missing = [];
    if (generation === null) missing.push("no connections list netprune knows");
    else {
      if (elements.length === 0) missing.push("no cards on the list");
      else if (readable.length < elements.length) {
        missing.push(
          `${elements.length - readable.length} of ${elements.length} cards could not be read`,
        );
      }
      if (first.some((card) => card.name === null || card.slug === null)) {
        missing.push("a card without a name or a profile link");
      }
      if (!menuFound && elements.length > 0) missing.push("a card without exactly one menu button");
      if (total === null) missing.push("no stated total of connections");
    }
    if (!searchBox) missing.push("no name search box");
    // No own-profile link is not "removal off": the background's account
    // rule decides (no step once an owner is known, docs/ARCHITECTURE.md),
    // and the check reports it as memberFound.
    return {
      generation,
      statedTotal: total,
      cardsOnPage: elements.length,
      cardsRead: readable.length,
      firstCards: first,
      menuFound,
      searchBoxFound: searchBox,
      memberFound: member !== null,
      removalOff: missing.length > 0,
      missing,
    };
  }

  /**
   * Whether every profile link in `card` is this person's.
   * @param {Element} card
   * @param {string} slug
   */
  const onlyLinksTo = (card, slug) =>
    profileLinks(card, "a[href]").every((link) => slugOfLink(link) === slug) &&
    (keySlug(card) ?? slug) === slug;

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
    if (generation === "sdui-2026" && fallback === null) {
      // A 2026 card names its person in its key even without a link.
      for (const card of MARKUPS[generation].cardsWithin(document.documentElement)) {
        if (keySlug(card) !== slug || !onlyLinksTo(card, slug)) continue;
        if (isShown(card)) return card;
        fallback ??= card;
      }
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
      /** @type {Trouble | null} trouble seen after the step's own work was done */
      this.troubleAfter = null;
      /** the page was left or the extension reloaded: nobody is left to report to */
      this.abandoned = false;
      /**
       * Pressed confirm: from then on a limit banner is reported after the
       * outcome, not instead of it, since the removal may well have happened.
       */
      this.confirmed = false;
      /** how many of the step's pauses were taken */
      this.pausesTaken = 0;
      /** @type {number | null} the stated total before confirming */
      this.totalBefore = null;
      // The pauses add to the step's time; a step never ends for waiting.
      this.deadline += request.pausesMs.reduce((sum, ms) => sum + ms, 0);
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
      // After the confirm click a step never plainly fails: the removal may
      // well have happened, and the core checks again (review finding 2).
      if (this.confirmed && result.outcome.kind === "failed") {
        result = this.inconclusive(result.outcome.reason);
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
      if (before) {
        return this.trouble(
          before.reason,
          `${before.reason}, before netprune did anything`,
          before.kind,
        );
      }
      const generation = await this.until(detectGeneration, WAIT_LIMIT_MS);
      if (typeof generation !== "string") {
        return generation ?? this.failed(REASONS.connections);
      }
      this.generation = generation;

      if (mode === "verify") {
        const found = await this.search();
        if (!("listed" in found)) return found;
        return found.listed === true
          ? {
              outcome: { kind: "still-there" },
              observed: `a name search for ${quote(name)} still lists ${this.path}`,
            }
          : {
              outcome: { kind: "removed" },
              observed: `a name search for ${quote(name)} no longer lists ${this.path}: ${found.evidence}`,
            };
      }

      let card = cardOf(generation, this.slug);
      let via = "on the list";
      if (!card) {
        const found = await this.search();
        if (!("listed" in found)) return found;
        if (found.listed === false) {
          const others =
            found.namesakes === 0
              ? ""
              : `; ${found.namesakes} other ${found.namesakes === 1 ? "person" : "people"} of that name left alone`;
          return {
            outcome: { kind: "not-found" },
            observed: `a name search for ${quote(name)} lists nobody linking to ${this.path} (${found.evidence})${others}`,
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
      const chosen = await this.press(item.element);
      if (chosen) return chosen;

      const appeared = await this.until(() => {
        const dialogs = newDialogs(before);
        return dialogs.length > 0 ? dialogs : null;
      }, DIALOG_WAIT_MS);
      if (!Array.isArray(appeared)) {
        return appeared ?? this.failed(`no dialog appeared after choosing “${REMOVE_ITEM}”`);
      }
      if (appeared.length > 1) {
        const why = `${appeared.length} dialogs opened at once after choosing “${REMOVE_ITEM}”`;
        return this.trouble(why, why, "unexpected-dialog");
      }
      const dialog = appeared[0];
      const confirm = this.checkDialog(dialog, shownName);
      if ("outcome" in confirm) {
        // Never its confirm: its Cancel, when it has a clear one.
        const close = closeButtonOf(dialog);
        let closed = "";
        if (close && !(await this.press(close))) {
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
        const cancelled = await this.press(close);
        if (cancelled) return cancelled;
        const gone = await this.until(() => !isShown(dialog) || null, DIALOG_CLOSE_WAIT_MS);
        if (gone !== true)
          return gone ?? this.failed("the dialog stayed open after pressing Cancel");
        return {
          outcome: { kind: "removed" },
          observed: `dry run: reached the ${REMOVE_ITEM} button for ${shownName}; not pressed`,
        };
      }

      const stillThere = this.checkCard();
      if (stillThere) return stillThere;
      const totalBefore = statedTotal();
      const pressed = await this.press(confirm, () => this.checkCard());
      if (pressed) return pressed;
      this.confirmed = true;
      this.totalBefore = totalBefore;
      const proof = await this.proveGone(dialog, shownName, via);
      // No proof, and LinkedIn shows a warning: that is what happened.
      const warned =
        proof.outcome.kind === "failed" || proof.outcome.kind === "unproven"
          ? troubleShown()
          : null;
      if (warned) {
        return this.trouble(
          warned.reason,
          `${warned.reason}, after netprune confirmed; ${proof.observed}`,
          warned.kind,
        );
      }
      return proof;
    }

    /**
     * After confirming, proof that they are gone: the stated total dropping
     * by one, or the card leaving a list that still shows others; a card
     * that lingers (or a list left empty) is looked up again with the name
     * search, which needs positive evidence too.
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
      const evidence = () => {
        const total = statedTotal();
        if (this.totalBefore !== null && total === this.totalBefore - 1) {
          return `the stated total dropped from ${this.totalBefore} to ${total}`;
        }
        if (cardOf(generation, this.slug) !== null) return null;
        const others = connectionCards(generation).length;
        return others > 0
          ? `the card left the list, which still shows ${peopleCount(others)}`
          : null;
      };
      const left = await this.until(evidence, LEAVE_FIRST_WAIT_MS);
      if (typeof left === "string") return removed(left);
      if (left) return left;
      // The dialog must be gone before the search box behind it is used.
      const closed = await this.until(
        () => (!dialog.isConnected || !isShown(dialog) ? true : null),
        Math.max(0, confirmedAt + LEAVE_WAIT_MS - Date.now()),
      );
      if (closed !== true) return closed ?? this.failed("the dialog stayed open after confirming");
      while (Date.now() - confirmedAt < LEAVE_WAIT_MS) {
        const seen = this.searchBox ? null : evidence();
        if (seen) return removed(seen);
        const found = await this.search();
        if (!("listed" in found)) return found;
        if (found.listed === false) {
          return removed(`a name search no longer lists them: ${found.evidence}`);
        }
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
        /** @type {{ element: HTMLElement }} */
        let trigger = { element: document.createElement("button") };
        const before = snapshot();
        const pressed = await this.press(() => {
          // Found afresh right before the click: a virtualized row may have
          // been recycled for someone else in the meantime.
          const found = this.menuTrigger();
          if ("outcome" in found) return found;
          trigger = found;
          return found.element;
        });
        if (pressed) return pressed;
        const opened = await this.until(() => {
          const dialogs = newDialogs(before);
          if (dialogs.length > 0) return { dialogs };
          const menus = newMenus(trigger.element, before);
          if (menus.length > 0) return { menus };
          return null;
        }, waitMs);
        if (opened && "outcome" in opened) return opened;
        if (opened && "dialogs" in opened) {
          const why = "the card's menu button opened a dialog instead of a menu";
          return this.trouble(why, why, "unexpected-dialog");
        }
        if (opened && "menus" in opened) {
          if (opened.menus.length > 1) {
            const why = `${opened.menus.length} menus opened at once from the card's menu button`;
            return this.trouble(why, why, "unexpected-menu");
          }
          return { menu: opened.menus[0] };
        }
        if (trigger.element.getAttribute("aria-expanded") === "true") {
          const why = `the card's menu opened without a “${REMOVE_ITEM}” item netprune could find`;
          return this.trouble(why, why, "unexpected-menu");
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
      const candidates = menuButtons(generation, card);
      if (candidates.length === 0)
        return this.failed(`no menu button on the card for ${this.path}`);
      if (candidates.length > 1) {
        const why = `the card for ${this.path} has ${candidates.length} menu buttons`;
        return this.trouble(why, why, "unexpected-menu");
      }
      const trigger = /** @type {HTMLElement} */ (candidates[0]);
      const label = collapse(trigger.getAttribute("aria-label") ?? "");
      const named = /^more (?:actions|options) for (.+)$/i.exec(label);
      if (named && name !== null && fold(named[1]) !== fold(name)) {
        const why = `the menu button on the card for ${this.path} is labelled for ${quote(named[1])}`;
        return this.trouble(why, why, "unexpected-menu");
      }
      return { element: trigger };
    }

    /**
     * The menu's one "Remove connection" item. The menu may hold other items
     * (no public source shows it holds only that one), but exactly one of
     * them must be "Remove connection", or nothing is chosen.
     * @param {Element} menu
     * @returns {StepResult | { element: HTMLElement }}
     */
    checkMenu(menu) {
      const text = spacedText(menu);
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
      const occurrences = labelled(REMOVE_ITEM).filter((element) => menu.contains(element)).length;
      if (items.length > 1 || occurrences > 1) {
        const why = `the card's menu shows more than one “${REMOVE_ITEM}” item (${quote(text)})`;
        return this.trouble(why, why, "unexpected-menu");
      }
      if (items.length === 0) {
        const why = `the card's menu has no “${REMOVE_ITEM}” item (${quote(text)})`;
        return this.trouble(why, why, "unexpected-menu");
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
      if (LIMIT_WORDS.test(text)) {
        const said = warning(text);
        return this.trouble(said.reason, said.reason, said.kind);
      }
      const wrong = (/** @type {string} */ why) => {
        const reason = `a dialog that is not the remove-connection dialog for ${shownName} opened (${why}): ${quote(text)}`;
        return this.trouble(reason, reason, "unexpected-dialog");
      };
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
      if (!namesThem(text, shownName)) return wrong(`it does not name ${shownName}`);
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
     * for their card among the results. "Not listed" needs positive
     * evidence: the results rendered, complete, with other people and not
     * them. LinkedIn's own no-results state would do too, but no public
     * source shows it (docs/LINKEDIN.md), so an empty list, like a
     * still-loading one or one unfinished after its scrolls, is no answer.
     * @returns {Promise<StepResult | { listed: true, card: Element } | { listed: false, namesakes: number, evidence: string }>}
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
          const cards = connectionCards(generation);
          // Every card on show bears the name: that is the answer (the
          // first card of an unfiltered list usually settles it at once).
          const answered =
            cards.length > 0 &&
            cards.every(({ card }) => fold(cardName(generation, card) ?? "").includes(query));
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
          return this.inconclusive(
            `the name search for ${quote(name)} has more results than are on show`,
          );
        }
        const scroller = listScroller(markup);
        const others = connectionCards(generation);
        if (atBottom(scroller) && others.length > 0) {
          const namesakes = others.filter(
            (entry) => fold(cardName(generation, entry.card) ?? "") === query,
          ).length;
          return {
            listed: false,
            namesakes,
            evidence: `its ${peopleCount(others.length)} listed leave them out`,
          };
        }
        if (others.length === 0) {
          return this.inconclusive(
            `the name search for ${quote(name)} showed nobody, which proves nothing (LinkedIn's own “no results” state is not known to netprune)`,
          );
        }
        if (scrolls >= MAX_RESULT_SCROLLS) {
          return this.inconclusive(
            `the name search for ${quote(name)} was still unfinished after ${MAX_RESULT_SCROLLS} scrolls`,
          );
        }
        // More results below: read on down, as the member would.
        scrolls += 1;
        scrollStep(scroller, Math.round(visibleHeight(scroller) * SCROLL_STEP.low));
        lastChange = Date.now();
      }
    }

    /**
     * Type `text` into the box a key at a time, as the member would: a
     * pointer click to focus it, then per character keydown, keypress, the
     * value set the way React expects (the native setter) with an input
     * event, and keyup.
     * @param {HTMLInputElement} box
     * @param {string} text
     * @returns {Promise<StepResult | null>}
     */
    async type(box, text) {
      const pressed = await this.press(box);
      if (pressed) return pressed;
      if (!box.isConnected) return this.failed("the name search box went away");
      box.focus();
      if (box.value !== "") {
        box.select?.();
        keystroke(box, "Backspace", "", "deleteContentBackward");
      }
      for (const character of text) {
        const interrupted = this.interrupted();
        if (interrupted) return interrupted;
        keystroke(box, character, box.value + character, "insertText");
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
      box.focus();
      box.select?.();
      keystroke(box, "Backspace", this.searchBefore, "deleteContentBackward");
    }

    /**
     * Press one control as a pointer would, after the step's next pause,
     * once the tab is visible and still the member's own account.
     * @param {HTMLElement | (() => StepResult | HTMLElement)} target the
     *   control, or a way to find it afresh right before the press
     * @param {() => StepResult | null} [check] a last check before the press
     * @returns {Promise<StepResult | null>} null once pressed
     */
    async press(target, check) {
      const paused = await this.pause();
      if (paused) return paused;
      const unready = await this.readyToAct();
      if (unready) return unready;
      const wrong = check?.();
      if (wrong) return wrong;
      const element = typeof target === "function" ? target() : target;
      if (!(element instanceof Element)) return element;
      if (!element.isConnected || !isShown(element) || !isEnabled(element)) {
        return this.failed(
          `the “${accessibleName(element) || element.localName}” control went away before netprune pressed it`,
        );
      }
      element.scrollIntoView?.({ block: "nearest" });
      pointerClick(element);
      return null;
    }

    /**
     * Before any action: the tab is visible (a hidden tab's step waits for
     * it, within the step's time), the list has been on show for the
     * step's first pause, and the page is the expected member's.
     * @returns {Promise<StepResult | null>}
     */
    async readyToAct() {
      const visible = await this.until(
        () => (document.hidden ? null : true),
        Math.max(0, this.deadline - Date.now()),
      );
      if (visible !== true) {
        return visible ?? this.failed("the tab stayed hidden, so netprune did nothing more");
      }
      const first = this.request.pausesMs[0];
      const shownAt = current?.recognisedAt ?? Date.now();
      const settled = await this.until(() => null, Math.max(0, shownAt + first - Date.now()));
      if (settled) return settled;
      const expected = this.request.member;
      if (expected !== null) {
        const member = navMember();
        if (member !== expected) {
          const why =
            member === null
              ? "netprune cannot find your own profile link in LinkedIn's navigation, so it cannot tell whose account this tab shows"
              : `this tab shows another LinkedIn account (${member}), not the one netprune works for`;
          return this.trouble(why, why, "another-account");
        }
      }
      return null;
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
      if (trouble) return this.trouble(trouble.reason, trouble.reason, trouble.kind);
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
     * @param {() => T | null | undefined} condition null, undefined or false: not yet
     * @param {number} limitMs
     * @returns {Promise<Exclude<T, false> | StepResult | null>} null when the time ran out
     */
    async until(condition, limitMs) {
      const deadline = Date.now() + limitMs;
      for (;;) {
        const value = condition();
        if (value !== null && value !== undefined && value !== false) {
          return /** @type {Exclude<T, false>} */ (value);
        }
        const interrupted = this.interrupted();
        if (interrupted) return interrupted;
        if (Date.now() >= deadline) return null;
        await sleep(POLL_MS);
      }
    }

    /**
     * A member's pause before the next action: the next of the step's
     * drawn pauses (pausesMs, from the core's pacing), in turn.
     * @returns {Promise<StepResult | null>} what interrupted it, if anything
     */
    pause() {
      const pauses = this.request.pausesMs;
      return this.until(() => null, pauses[this.pausesTaken++ % pauses.length]);
    }

    /**
     * @param {string} reason
     * @returns {StepResult}
     */
    failed(reason) {
      return { outcome: { kind: "failed", reason }, observed: reason };
    }

    /**
     * A search that finished without proof either way. Before anything was
     * clicked in a removal it is a failure (nothing happened); once the
     * confirm was pressed, or in a check (verify), it is `unproven`: the
     * person may be gone, and the core checks again, then records them
     * unconfirmed rather than holding the queue (review finding 2).
     * @param {string} reason
     * @returns {StepResult}
     */
    inconclusive(reason) {
      if (!this.confirmed && this.request.mode !== "verify") return this.failed(reason);
      return { outcome: { kind: "unproven", reason }, observed: reason };
    }

    /**
     * @param {string} reason
     * @param {string} [observed]
     * @param {TroubleKind} [kind] what kind of trouble (CONTRACT.md)
     * @returns {StepResult}
     */
    trouble(reason, observed = reason, kind = "unrecognised") {
      return { outcome: { kind: "trouble", reason, trouble: kind }, observed };
    }
  }

  /**
   * The page's own "Search by name" box: by its data attributes first
   * (2026: the typeahead component's input), then artdeco's placeholder,
   * then by search role, placeholder or label. Only inside the page's main
   * region (LinkedIn's global search lives in the header) and never inside
   * a card; it must be the only one.
   * @returns {HTMLInputElement | null}
   */
  function findSearchBox() {
    const scope = mainScope();
    const shown = (/** @type {string} */ selector) =>
      [...scope.querySelectorAll(selector)].filter(
        (input) =>
          isShown(input) && !input.closest(`${ARTDECO_CARD}, ${SDUI_CARD}, ${REACT_PROFILE_LINK}`),
      );
    for (const selector of [
      SEARCH_BY_DATA,
      SEARCH_BY_TESTID,
      'input[placeholder="Search by name"]',
    ]) {
      const found = shown(selector);
      if (found.length > 0) {
        return found.length === 1 ? /** @type {HTMLInputElement} */ (found[0]) : null;
      }
    }
    const candidates = shown(
      `${SEARCH_INPUTS}, input[role="searchbox"], input[role="combobox"]`,
    ).filter((input) => {
      const words = `${input.getAttribute("placeholder") ?? ""} ${input.getAttribute("aria-label") ?? ""}`;
      return /search/i.test(words) && /name|connection/i.test(words);
    });
    return candidates.length === 1 ? /** @type {HTMLInputElement} */ (candidates[0]) : null;
  }

  /**
   * The member whose account the tab shows: the decoded slug of the one
   * own-profile link in LinkedIn's global navigation, or null when there is
   * none or more than one (docs/LINKEDIN.md, "Own-member link").
   * @returns {string | null}
   */
  function navMember() {
    /** @type {Set<string>} */
    const slugs = new Set();
    const links = [...document.querySelectorAll(GLOBAL_NAV)].flatMap((nav) => [
      ...nav.querySelectorAll('a[href*="/in/"]'),
    ]);
    for (const link of [...links, ...document.querySelectorAll(SELF_LINKS)]) {
      const match = PROFILE_SEGMENT.exec(hrefOf(link));
      if (match) slugs.add(decodeSlug(match[1]));
    }
    return slugs.size === 1 ? [...slugs][0] : null;
  }

  /**
   * The stated total as a whole number when the page prints it exactly
   * ("1,217"), for noticing that it dropped by one; null otherwise.
   * @returns {number | null}
   */
  function statedTotal() {
    if (!current || current.target.page !== "connections") return null;
    const markup = current.markup;
    const token = findCounts(mainScope(), ["connections"], markup?.skip ?? null).connections;
    if (token === null || !EXACT_COUNT.test(token)) return null;
    return Number(token.replace(/\D/g, ""));
  }

  /**
   * Press `element` as a pointer does, at its position: pointerdown,
   * mousedown (which focuses it), pointerup, mouseup, then click.
   * @param {Element} element
   */
  function pointerClick(element) {
    const rect = element.getBoundingClientRect();
    const at = {
      bubbles: true,
      cancelable: true,
      composed: true,
      clientX: rect.left + rect.width / 2,
      clientY: rect.top + rect.height / 2,
      button: 0,
    };
    const Pointer = typeof PointerEvent === "function" ? PointerEvent : MouseEvent;
    const pointer = { pointerId: 1, pointerType: "mouse", isPrimary: true };
    element.dispatchEvent(new Pointer("pointerdown", { ...at, ...pointer, buttons: 1 }));
    const focus = element.dispatchEvent(new MouseEvent("mousedown", { ...at, buttons: 1 }));
    if (focus && element instanceof HTMLElement) element.focus({ preventScroll: true });
    element.dispatchEvent(new Pointer("pointerup", { ...at, ...pointer, buttons: 0 }));
    element.dispatchEvent(new MouseEvent("mouseup", { ...at, buttons: 0 }));
    element.dispatchEvent(new MouseEvent("click", { ...at, buttons: 0, detail: 1 }));
  }

  /**
   * One key as the member types it: keydown, keypress, the new value set
   * through the native setter (React tracks the value property, so a plain
   * assignment can go unnoticed) with its input event, then keyup.
   * @param {HTMLInputElement} box
   * @param {string} key the key's value ("a", "Backspace")
   * @param {string} value the box's value after the key
   * @param {string} inputType the input event's inputType
   */
  function keystroke(box, key, value, inputType) {
    const init = { key, bubbles: true, cancelable: true, composed: true };
    const proceed = box.dispatchEvent(new KeyboardEvent("keydown", init));
    if (proceed && key.length === 1) box.dispatchEvent(new KeyboardEvent("keypress", init));
    if (proceed) {
      const setter =
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set ??
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), "value")?.set;
      if (setter) setter.call(box, value);
      else box.value = value;
      box.dispatchEvent(
        new InputEvent("input", {
          bubbles: true,
          composed: true,
          data: key.length === 1 ? key : null,
          inputType,
        }),
      );
    }
    box.dispatchEvent(new KeyboardEvent("keyup", init));
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
    const { attempt, slug, name, mode, dryRun, pausesMs, member } = message ?? {};
    if (typeof attempt !== "number" || !Number.isFinite(attempt)) return null;
    if (typeof slug !== "string" || !/^[^/?#\s]+$/.test(slug)) return null;
    if (typeof name !== "string" || collapse(name) === "") return null;
    if (mode !== "remove" && mode !== "verify") return null;
    if (mode === "remove" && typeof dryRun !== "boolean") return null;
    // The core's drawn pauses: a step never paces itself by constants.
    if (
      !Array.isArray(pausesMs) ||
      pausesMs.length === 0 ||
      !pausesMs.every((ms) => typeof ms === "number" && Number.isFinite(ms) && ms >= 0)
    ) {
      return null;
    }
    const pauses = pausesMs;
    if (member !== undefined && member !== null && (typeof member !== "string" || member === "")) {
      return null;
    }
    return {
      attempt,
      slug,
      name: collapse(name),
      mode,
      dryRun: dryRun === true,
      pausesMs: pauses,
      member: typeof member === "string" ? decodeSlug(member) : null,
    };
  }

  /**
   * `remove-step`: accepted at once and performed in the background of the
   * page; its outcome arrives later as `removal-outcome`.
   * @param {any} message
   * The tab refuses a step it cannot take before doing anything, with
   * `notTaken` (CONTRACT.md): not a failure, the queue waits.
   * @returns {{ ok: true } | { ok: false, error: string, notTaken?: string }}
   */
  function startRemovalStep(message) {
    const request = stepRequest(message);
    if (!request) {
      return {
        ok: false,
        error:
          "A removal step needs an attempt, a profile slug, a name, a mode, pausesMs and, to remove, dryRun.",
      };
    }
    checkNavigation();
    const busy = tabBusy();
    if (busy) return { ok: false, notTaken: "busy", error: busy };
    // A tab showing trouble (a checkpoint or login page, a warning) takes
    // the step, so that its outcome (trouble) pauses the queue.
    if (!troubleShown()) {
      if (current?.target.page !== "connections") {
        return {
          ok: false,
          notTaken: "no-list",
          error: "This tab is not showing your LinkedIn connections.",
        };
      }
      if (document.hidden) {
        return {
          ok: false,
          notTaken: "hidden",
          error: "The connections tab is hidden; netprune acts only while you can see it.",
        };
      }
      if (!current.recognised || detectGeneration() === null) {
        return {
          ok: false,
          notTaken: "no-list",
          error: "The connections list has not appeared in this tab yet.",
        };
      }
      const member = navMember();
      if (request.member !== null && member !== request.member) {
        return {
          ok: false,
          notTaken: "another-account",
          error:
            member === null
              ? "netprune cannot find your own profile link in LinkedIn's navigation in this tab."
              : `This tab shows another LinkedIn account (${member}).`,
        };
      }
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
    document.removeEventListener("visibilitychange", onVisibility);
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
    if (
      type !== "collect-run" &&
      type !== "collect-halt" &&
      type !== "remove-step" &&
      type !== "page-check"
    ) {
      return false;
    }
    /** @type {object} */
    let answer;
    try {
      if (type === "collect-run") answer = startCollecting(message);
      else if (type === "remove-step") answer = startRemovalStep(message);
      else if (type === "page-check") {
        checkNavigation();
        const check = pageCheck();
        answer = check
          ? { ok: true, check }
          : { ok: false, error: "This tab is not showing your LinkedIn connections." };
      } else {
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
  // The background resumes a queue waiting for the connections tab to be
  // seen again (CONTRACT.md, page-visibility).
  const onVisibility = guarded(() => {
    if (!extensionAlive() || current?.target.page !== "connections") return;
    deliver({ type: "page-visibility", visible: !document.hidden });
  });
  document.addEventListener("visibilitychange", onVisibility);
  const onNavigation = guarded(checkNavigation);
  poll = setInterval(onNavigation, URL_POLL_MS);
  window.addEventListener("popstate", onNavigation);
  onNavigation();
})();
