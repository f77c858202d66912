// The mock LinkedIn site: every end-to-end test's fixture. It serves the
// pages netprune reads, in each markup generation LinkedIn has shipped (see
// DESIGN.md), rendered client-side by the mock's own scripts after a short
// delay, as LinkedIn renders them. The server side only writes a static shell
// plus the page's data as JSON; every name and headline reaches the DOM
// through textContent in the browser, so hostile names are data, never markup.
//
// Removing works as on LinkedIn: each generation's own card menu and
// dialog, a name search that filters the list, and a backend (POST
// /__mock__/remove, called by the page's script) that remembers who was
// removed, so later page loads and totals no longer count them
// (`site.removed`). `faults` make it misbehave the ways LinkedIn has.

import { readFileSync } from "node:fs";
import {
  abbreviateCount,
  escapeHtml,
  jsonForScript,
  normalisedPath,
  safeDecode,
  STYLE,
  titleCase,
} from "./html.mjs";
import { generatePeople, hashString } from "./people.mjs";
import { LANGUAGES, connectedLineIn, formatCountIn, wordsFor } from "./words.mjs";
import { generateInvitations } from "./invitations.mjs";

export const GENERATIONS = ["artdeco", "react-2025", "sdui-2026"];
export const PAGING_MODES = ["scroll", "load-more", "wheel"];
export { LANGUAGES };
export { abbreviateCount, escapeHtml, formatCount, jsonForScript } from "./html.mjs";

export const PATHS = {
  feed: "/feed/",
  connections: "/mynetwork/invite-connect/connections/",
  followers: "/mynetwork/network-manager/people-follow/followers/",
  following: "/mynetwork/network-manager/people-follow/following/",
  invitations: "/mynetwork/invitation-manager/sent/",
};

const ORIGIN = "https://www.linkedin.com";

const ASSETS = [
  "common.js",
  "router.js",
  "feed.js",
  "artdeco.js",
  "react-2025.js",
  "sdui-2026.js",
  "unrecognised.js",
  "network-manager.js",
  "following.js",
  "followers.js",
  "profile.js",
  "invitations.js",
];

/**
 * The faults `createMockSite({ faults })` can inject into the remove flow,
 * each modelled on something LinkedIn has done to members (DESIGN.md).
 */
export const FAULTS = [
  "menuNeedsSecondClick",
  "checkpointAfter",
  "misleadingDialog",
  "ambiguousMenu",
  "limitBanner",
  "lingerAfterConfirm",
  "temporaryLimitAfter",
  "restrictionBanner",
  "staleTotal",
];
const AMBIGUOUS_MENUS = ["duplicate", "unexpected"];
/** How long a card stays listed after a confirmed removal with `lingerAfterConfirm: true`. */
const DEFAULT_LINGER_MS = 3000;
/** Where a checkpoint sends the member; any `/checkpoint/...` path serves the checkpoint page. */
export const CHECKPOINT_PATH = "/checkpoint/challenge/AgGmUwo3dZqKfwAAAZK7mocknetprune/";

/** The following page's markups (`follows.generation`), oldest first: see assets/following.js. */
export const FOLLOWING_GENERATIONS = ["classic-2025", "classic-2026"];
/** The faults `follows.faults` can inject into the following page's unfollow flow. */
export const FOLLOW_FAULTS = [
  "checkpointAfter",
  "misleadingDialog",
  "lingerAfterUnfollow",
  "limitAfter",
];

/** The followers page's markups (`followersList.generation`): see assets/followers.js. */
export const FOLLOWERS_GENERATIONS = ["search-entity", "follows-cards"];
/** The faults `followersList.faults` can inject into the followers list's loading. */
export const FOLLOWERS_FAULTS = ["checkpointAt", "stallAt"];

/** People followed on the following page by default (`follows.count`). */
const DEFAULT_FOLLOWS = 30;

/** @type {Map<string, string>} */
const assetCache = new Map();

function asset(name) {
  let body = assetCache.get(name);
  if (body === undefined) {
    body = readFileSync(new URL(`./assets/${name}`, import.meta.url), "utf8");
    assetCache.set(name, body);
  }
  return body;
}

/**
 * Build the mock site.
 *
 * @param {object} [options]
 * @param {"artdeco" | "react-2025" | "sdui-2026"} [options.generation] connections page markup (default "sdui-2026")
 * @param {number} [options.count] people in the network (default 40)
 * @param {number} [options.seed] PRNG seed for the people, delays and hashed class names (default 1)
 * @param {number} [options.statedTotal] connections total the pages state (default: count)
 * @param {number} [options.followers] default statedTotal * 2 + 17
 * @param {number} [options.following] default floor(statedTotal * 1.1) + 12
 * @param {number} [options.pageSize] cards per page or batch (default 10; 12 for sdui-2026); any size, 100 included
 * @param {string} [options.language] the member's LinkedIn display language, one of LANGUAGES (default
 *   "en"): <html lang>, the pages' words (tests/mock-site/words.mjs), totals grouped as the language
 *   groups digits, and each card's date line as that language writes it (absolute dates only outside
 *   English, artdeco included: no source shows a relative age in another language). Warnings, faults'
 *   dialogs and abbreviated counts ("3.4K") stay English.
 * @param {"scroll" | "load-more" | "wheel"} [options.paging] how further pages arrive (default "scroll"):
 *   on scroll, only on "Load more", or (react-2025 and sdui-2026) only on wheel events over the list;
 *   artdeco pages in on scroll or "Show more results", or only on the button
 * @param {number} [options.lateDatesMs] react-2025 and sdui-2026: each card's "Connected on" line is filled in
 *   this long after the card appears (default 0: at once)
 * @param {number} [options.paneHeight] sdui-2026 only: the list pane's height in px, which follows the member's
 *   window on LinkedIn (default 640)
 * @param {string[]} [options.without] slugs of people who have since removed the member: left off the list
 *   and the stated total, everyone else unchanged
 * @param {number[]} [options.stallAt] card counts at which the next page load stalls (once each), as LinkedIn
 *   stalls mid-list: with `[24]`, the page that follows the 24th card takes `stallMs` longer (default none)
 * @param {number} [options.stallMs] how much longer a stalled page load takes (default 3000)
 * @param {boolean} [options.unrecognised] serve a connections page in a layout no reader knows
 * @param {{ slug?: string, name?: string, headline?: string }} [options.member] whose site it is
 * @param {boolean} [options.followersAbbreviated] show followers as "3.4K" instead of "3,456"
 * @param {number} [options.renderDelayMs] delay before a page's content first appears (default 300-800, from the seed)
 * @param {number} [options.pageDelayMs] delay before a further page of cards appears (default 400)
 * @param {string} [options.build] the front-end build id hashed class names derive from (default from the seed)
 * @param {string} [options.today] reference day for relative "Connected ... ago" text (default "2026-03-02")
 * @param {object} [options.faults] what goes wrong in the remove flow (none by default):
 * @param {boolean} [options.faults.menuNeedsSecondClick] the first click on each card's menu button does nothing
 * @param {number} [options.faults.checkpointAfter] after this many removals, the next confirm sends the page to
 *   a security checkpoint (`CHECKPOINT_PATH`) instead of removing anyone
 * @param {boolean} [options.faults.misleadingDialog] choosing "Remove connection" opens a "Remove saved item?"
 *   dialog (which names the person and has its own "Remove" button) instead of the remove-connection dialog
 * @param {boolean | "duplicate" | "unexpected"} [options.faults.ambiguousMenu] the card menu shows two "Remove
 *   connection" items (`true` or "duplicate"), or items a connection card's menu does not have ("unexpected")
 * @param {boolean | number} [options.faults.limitBanner] "You've reached the weekly limit for this action" shows
 *   at once (`true` or 0) or once this many removals are done; from then on removals are refused
 * @param {boolean | number} [options.faults.lingerAfterConfirm] a removed card stays in the list this many ms
 *   (`true`: 3000) before it leaves; a name search shows it gone at once
 * @param {number} [options.faults.temporaryLimitAfter] after this many removals, the next confirm removes nobody
 *   and the page shows "You’ve reached a temporary limit"
 * @param {boolean} [options.faults.restrictionBanner] the pages show the account-restricted banner
 * @param {boolean} [options.faults.staleTotal] the page's stated total stays as it was after a removal on
 *   the page (until the next load): with a person found only by a name search, nothing on the page
 *   proves the removal, the case netprune reports as "unproven" (review finding 2)
 * @param {object} [options.follows] serve the following page's rows (issue 13; without it the following
 *   page stays the older card list it always was): see `followsFor` below for its fields
 * @param {object} [options.followersList] serve the followers page's people (issue 13; without it the
 *   followers page stays the older card list it always was): see `followersFor` below for its fields
 * @param {number} [options.invitations] sent invitations pending (default 12): people who are not
 *   connections, newest first, sent from `today` back over `invitationSpanDays` (default 200), every
 *   third with a note (`site.invitations`)
 * @param {"artdeco" | "react-2025" | "sdui-2026"} [options.invitationsGeneration] the sent invitations
 *   page's markup (default: `generation`)
 * @param {number} [options.invitationPageSize] rows per page (artdeco) or batch (default 10)
 * @param {number} [options.invitationSpanDays] how long ago the oldest invitation was sent (default 200)
 * @param {object} [options.invitationFaults] what goes wrong on the sent invitations page:
 * @param {number} [options.invitationFaults.checkpointAfter] after this many withdrawals, the next
 *   confirm sends the page to a security checkpoint instead
 * @param {boolean} [options.invitationFaults.misleadingDialog] Withdraw opens a "Withdraw all
 *   invitations?" dialog (confirm "Withdraw all", which only closes it)
 * @param {boolean | number} [options.invitationFaults.lingerAfterConfirm] a withdrawn row stays listed
 *   this many ms (`true`: until the next page load)
 * @param {boolean | number} [options.invitationFaults.limitBanner] the weekly limit banner shows at once
 *   (`true` or 0) or once this many withdrawals are done; from then on withdrawals are refused
 */
export function createMockSite(options = {}) {
  const generation = options.generation ?? "sdui-2026";
  const language = options.language ?? "en";
  const words = wordsFor(language);
  const english = language === "en";
  /** A count as this language writes it ("1,217", "1.217"). */
  const formatCount = (value) => formatCountIn(language, value);
  if (!GENERATIONS.includes(generation)) {
    throw new Error(`unknown generation ${JSON.stringify(generation)}; use one of ${GENERATIONS}`);
  }
  const paging = options.paging ?? "scroll";
  if (!PAGING_MODES.includes(paging)) {
    throw new Error(`unknown paging ${JSON.stringify(paging)}; use one of ${PAGING_MODES}`);
  }
  const stallAt = options.stallAt ?? [];
  if (!Array.isArray(stallAt) || !stallAt.every((at) => Number.isInteger(at) && at >= 0)) {
    throw new Error(`stallAt must be an array of card counts, not ${JSON.stringify(stallAt)}`);
  }
  const stallMs = options.stallMs ?? 3000;
  const paneHeight = options.paneHeight ?? 640;
  const count = options.count ?? 40;
  const seed = options.seed ?? 1;
  const today = options.today ?? "2026-03-02";
  // People who have since removed the member: generated as before (same
  // seed, same everyone else) but no longer on the list or in the total.
  const without = new Set(options.without ?? []);
  const statedTotal = options.statedTotal ?? count - without.size;
  const followers = options.followers ?? statedTotal * 2 + 17;
  const following =
    options.following ??
    (options.follows
      ? (options.follows.count ?? DEFAULT_FOLLOWS)
      : Math.floor(statedTotal * 1.1) + 12);
  const pageSize = options.pageSize ?? (generation === "sdui-2026" ? 12 : 10);
  const renderDelayMs = options.renderDelayMs ?? 300 + (hashString(`render:${seed}`) % 501);
  const pageDelayMs = options.pageDelayMs ?? 400;
  const build = options.build ?? `build-${hashString(`build:${seed}`).toString(36)}`;
  const faults = checkedFaults(options.faults ?? {});

  const memberSlug = options.member?.slug ?? "alex-morgan-5e6f7a";
  const member = {
    slug: memberSlug,
    name: options.member?.name ?? "Alex Morgan",
    headline: options.member?.headline ?? "Engineering Lead at Northwind",
    profilePath: `/in/${encodeURIComponent(memberSlug)}/`,
  };

  // The 2025 and 2026 markups link with absolute URLs, artdeco with paths;
  // the reader must pass either through exactly as written.
  const people = generatePeople({ count, seed, today, generation })
    .filter((person) => !without.has(person.slug))
    .map((person) => ({
      ...person,
      ...(english ? {} : { connectedText: connectedLineIn(language, person.connectedOn) }),
      profileHref: generation === "artdeco" ? person.profilePath : `${ORIGIN}${person.profilePath}`,
    }));
  // The following page's rows (`options.follows`), or null for the older page.
  const follows = options.follows ? followsFor(options.follows, { seed, today, people }) : null;
  // The followers page's people (`options.followersList`), or null for the older page.
  const followerRows = options.followersList
    ? followersFor(options.followersList, { seed, today, people })
    : null;
  /**
   * Slugs unfollowed through the following page's own button (POST
   * /__mock__/unfollow): later loads list them no more.
   * @type {Set<string>}
   */
  const unfollowed = new Set();
  /** @type {Map<string, number>} every POST to /__mock__/unfollow, by the slug it named */
  const unfollowPosts = new Map();

  const stated = {
    connections: statedTotal,
    followers,
    following,
    shown: {
      connections: formatCount(statedTotal),
      followers: options.followersAbbreviated ? abbreviateCount(followers) : formatCount(followers),
      following: formatCount(following),
      // Past 500 a profile only ever says "500+".
      profileConnections: statedTotal >= 500 ? "500+" : formatCount(statedTotal),
    },
  };

  /**
   * Slugs (decoded, as in `people`) removed through the page's own remove
   * flow: like LinkedIn's backend, the mock remembers them, so every later
   * page load lists them no more and states totals without them.
   * @type {Set<string>}
   */
  const removed = new Set();
  const current = (value) => Math.max(0, value - removed.size);
  // The figures the pages state now: a removal ends the connection and the
  // follow both ways.
  const shownNow = () =>
    removed.size === 0 && unfollowed.size === 0
      ? stated.shown
      : {
          connections: formatCount(current(statedTotal)),
          followers: options.followersAbbreviated
            ? abbreviateCount(current(followers))
            : formatCount(current(followers)),
          following: formatCount(Math.max(0, current(following) - unfollowed.size)),
          profileConnections:
            current(statedTotal) >= 500 ? "500+" : formatCount(current(statedTotal)),
        };

  const limitAfter =
    faults.limitBanner === undefined || faults.limitBanner === false
      ? null
      : faults.limitBanner === true
        ? 0
        : faults.limitBanner;
  const limitReached = () => limitAfter !== null && removed.size >= limitAfter;

  // The sent invitations: never anyone on the connections list.
  const invitationsGeneration = options.invitationsGeneration ?? generation;
  if (!GENERATIONS.includes(invitationsGeneration)) {
    throw new Error(`unknown invitationsGeneration ${JSON.stringify(invitationsGeneration)}`);
  }
  const invitationFaults = checkedInvitationFaults(options.invitationFaults ?? {});
  const invitations = generateInvitations({
    count: options.invitations ?? 12,
    seed,
    spanDays: options.invitationSpanDays ?? 200,
    taken: new Set(people.map((person) => person.slug)),
  }).map((invitation) => ({
    ...invitation,
    profileHref:
      invitationsGeneration === "artdeco"
        ? invitation.profilePath
        : `${ORIGIN}${invitation.profilePath}`,
  }));
  /** Slugs (decoded) withdrawn through the page's own Withdraw flow. @type {Set<string>} */
  const withdrawn = new Set();
  /** POSTs to /__mock__/withdraw per slug (lower-cased as sent), refused ones included. */
  const withdrawPosts = new Map();
  const withdrawLimitAfter =
    invitationFaults.limitBanner === undefined || invitationFaults.limitBanner === false
      ? null
      : invitationFaults.limitBanner === true
        ? 0
        : invitationFaults.limitBanner;
  const withdrawLimitReached = () =>
    withdrawLimitAfter !== null && withdrawn.size >= withdrawLimitAfter;

  const peopleRows = () =>
    people
      .filter((person) => !removed.has(person.slug))
      .map((person) => [person.profileHref, person.name, person.headline, person.connectedText]);

  const pageFaults = {
    menuNeedsSecondClick: Boolean(faults.menuNeedsSecondClick),
    misleadingDialog: Boolean(faults.misleadingDialog),
    ambiguousMenu: faults.ambiguousMenu === true ? "duplicate" : faults.ambiguousMenu || null,
    lingerMs:
      faults.lingerAfterConfirm === true ? DEFAULT_LINGER_MS : faults.lingerAfterConfirm || 0,
    restrictionBanner: Boolean(faults.restrictionBanner),
    staleTotal: Boolean(faults.staleTotal),
  };

  const baseState = {
    generation,
    unrecognised: Boolean(options.unrecognised),
    paging,
    pageSize,
    renderDelayMs,
    pageDelayMs,
    stallAt,
    stallMs,
    paneHeight,
    lateDatesMs: options.lateDatesMs ?? 0,
    build,
    member,
    shown: stated.shown,
    faults: pageFaults,
    // The pages' words, in the page's language (English too): the page
    // scripts hold none of their own.
    words,
  };
  // What changes as people are removed: read at every page load.
  const liveState = () => ({
    ...baseState,
    shown: shownNow(),
    connectionsTotal: current(statedTotal),
    limitReached: limitReached(),
  });

  const connectionsScripts = [
    "common.js",
    "feed.js",
    options.unrecognised ? "unrecognised.js" : `${generation}.js`,
    "router.js",
  ];

  function shell({ title, state, scripts }) {
    return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} | LinkedIn</title>
<style>${STYLE}</style>
</head>
<body>
<header class="global-nav" id="global-nav">
<nav aria-label="Primary Navigation">
<ul class="global-nav__primary-items">
<li><a class="global-nav__primary-link" href="${PATHS.feed}" data-mock-spa="feed">${escapeHtml(words.home)}</a></li>
<li><a class="global-nav__primary-link" href="${PATHS.connections}" data-mock-spa="connections">${escapeHtml(words.myNetwork)}</a></li>
<li><a class="global-nav__primary-link" href="/messaging/">${escapeHtml(words.messaging)}</a></li>
<li><a class="global-nav__primary-link" href="${escapeHtml(member.profilePath)}">${escapeHtml(words.me)}</a></li>
</ul>
</nav>
</header>
<main id="main" class="scaffold-layout__main" aria-busy="true"></main>
<script type="application/json" id="mock-state">${jsonForScript(state)}</script>
${scripts.map((name) => `<script src="/__mock__/${name}"></script>`).join("\n")}
</body>
</html>
`;
  }

  function profilePage(segment) {
    const slug = safeDecode(segment);
    const own = slug.toLowerCase() === member.slug.toLowerCase();
    const person = own ? null : people.find((p) => p.slug.toLowerCase() === slug.toLowerCase());
    const theirFollowers = 150 + (hashString(`followers:${slug}`) % 9000);
    const theirConnections = 40 + (hashString(`connections:${slug}`) % 900);
    const profile = own
      ? {
          own: true,
          slugPath: member.profilePath,
          name: member.name,
          headline: member.headline,
          followers: shownNow().followers,
          connections: shownNow().profileConnections,
        }
      : {
          own: false,
          slugPath: `/in/${segment}/`,
          name: person?.name ?? titleCase(slug),
          headline: person?.headline ?? null,
          followers: formatCount(theirFollowers),
          connections: theirConnections >= 500 ? "500+" : formatCount(theirConnections),
        };
    return shell({
      title: profile.name,
      state: { ...liveState(), route: "profile", profile },
      scripts: ["common.js", "profile.js", "router.js"],
    });
  }

  /** @type {Map<string, string>} */
  const pageCache = new Map();
  function cached(key, render) {
    let body = pageCache.get(key);
    if (body === undefined) {
      body = render();
      pageCache.set(key, body);
    }
    return body;
  }

  const html = (body) => ({ status: 200, contentType: "text/html; charset=utf-8", body });
  const json = (status, value) => ({
    status,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify(value),
  });

  /**
   * The mock's stand-in for LinkedIn's withdraw endpoint, called by the
   * sent invitations page's own script when the member confirms.
   * @param {string} body the person's slug
   */
  function withdrawEndpoint(body) {
    const slug = String(body ?? "")
      .trim()
      .toLowerCase();
    withdrawPosts.set(slug, (withdrawPosts.get(slug) ?? 0) + 1);
    const invitation = invitations.find((i) => i.slug.toLowerCase() === slug);
    if (!invitation || withdrawn.has(invitation.slug)) return json(404, { ok: false });
    if (
      invitationFaults.checkpointAfter !== undefined &&
      withdrawn.size >= invitationFaults.checkpointAfter
    ) {
      return json(200, { ok: false, checkpoint: CHECKPOINT_PATH });
    }
    if (withdrawLimitReached()) return json(200, { ok: false, limitReached: true });
    withdrawn.add(invitation.slug);
    pageCache.delete("invitations");
    return json(200, { ok: true, limitReached: withdrawLimitReached() });
  }

  function invitationsPage() {
    const rows = invitations
      .filter((i) => !withdrawn.has(i.slug))
      .map((i) => [i.profileHref, i.name, i.headline, i.sentText, i.note]);
    return shell({
      title: "Manage invitations",
      state: {
        ...liveState(),
        route: "invitations",
        limitReached: liveState().limitReached || withdrawLimitReached(),
        invitations: rows,
        invitationsTotal: rows.length,
        invitationsGeneration,
        invitationPageSize: options.invitationPageSize ?? 10,
        invitationFaults: {
          misleadingDialog: Boolean(invitationFaults.misleadingDialog),
          lingerMs:
            invitationFaults.lingerAfterConfirm === true
              ? -1
              : invitationFaults.lingerAfterConfirm || 0,
        },
      },
      scripts: ["common.js", "invitations.js", "router.js"],
    });
  }

  /**
   * The mock's stand-in for LinkedIn's removal endpoint, called by the page's
   * own script when the member confirms (never by netprune).
   * @param {string} body the person's slug
   */
  function removeEndpoint(body) {
    const slug = String(body ?? "")
      .trim()
      .toLowerCase();
    const person = people.find((p) => p.slug.toLowerCase() === slug);
    if (!person || removed.has(person.slug)) return json(404, { ok: false });
    if (faults.checkpointAfter !== undefined && removed.size >= faults.checkpointAfter) {
      return json(200, { ok: false, checkpoint: CHECKPOINT_PATH });
    }
    if (limitReached()) return json(200, { ok: false, limitReached: true });
    if (faults.temporaryLimitAfter !== undefined && removed.size >= faults.temporaryLimitAfter) {
      return json(200, { ok: false, temporaryLimit: true });
    }
    removed.add(person.slug);
    pageCache.clear();
    return json(200, { ok: true, limitReached: limitReached() });
  }

  /**
   * A page of the network manager ("following" or "followers"): with its
   * list's own state and script where the site has one (`list`), else the
   * older card list it always was (the first page of the connections).
   * @param {"following" | "followers"} route
   * @param {object | null} list
   * @param {string} script
   */
  function networkManagerPage(route, list, script) {
    return cached(route, () =>
      shell({
        title: route === "followers" ? words.followersTab : words.followingTab,
        state: {
          ...liveState(),
          route,
          ...(list ?? { people: peopleRows().slice(0, pageSize) }),
        },
        scripts: ["common.js", "network-manager.js", ...(list ? [script] : []), "router.js"],
      }),
    );
  }

  /**
   * The followers page's state: its rows as [href, name, headline, member,
   * followsBack], and how the page behaves.
   * @param {ReturnType<typeof followersFor>} list
   */
  function followersState(list) {
    return {
      generation: list.generation,
      pageSize: list.pageSize,
      paging: list.paging,
      faults: list.faults,
      checkpoint: CHECKPOINT_PATH,
      rows: list.rows.map((row) => [row.href, row.name, row.headline, row.member, row.followsBack]),
    };
  }

  /**
   * The following page's state: its rows as [href, name, headline, member]
   * (member: a person rather than a company), without the people
   * unfollowed since, and how the page behaves.
   */
  function followingState() {
    return {
      generation: follows.generation,
      unfollow: follows.unfollow,
      pageSize: follows.pageSize,
      paging: follows.paging,
      faults: {
        misleadingDialog: Boolean(follows.faults.misleadingDialog),
        lingerMs:
          follows.faults.lingerAfterUnfollow === true
            ? -1
            : (follows.faults.lingerAfterUnfollow ?? 0),
      },
      rows: follows.rows
        .filter((row) => !(row.member && unfollowed.has(row.slug)))
        .map((row) => [row.href, row.name, row.headline, row.member]),
    };
  }

  /**
   * The mock's stand-in for LinkedIn's unfollow endpoint, called by the
   * following page's own script (never by netprune).
   * @param {string} body the person's slug
   */
  function unfollowEndpoint(body) {
    const slug = String(body ?? "")
      .trim()
      .toLowerCase();
    const row = follows.rows.find((r) => r.member && r.slug.toLowerCase() === slug);
    if (!row) return json(404, { ok: false });
    unfollowPosts.set(row.slug, (unfollowPosts.get(row.slug) ?? 0) + 1);
    if (unfollowed.has(row.slug)) return json(404, { ok: false });
    const { checkpointAfter, limitAfter: limit } = follows.faults;
    if (checkpointAfter !== undefined && unfollowed.size >= checkpointAfter) {
      return json(200, { ok: false, checkpoint: CHECKPOINT_PATH });
    }
    if (limit !== undefined && unfollowed.size >= limit) {
      return json(200, { ok: false, limitReached: true });
    }
    unfollowed.add(row.slug);
    pageCache.clear();
    return json(200, { ok: true, limitReached: limit !== undefined && unfollowed.size >= limit });
  }

  function checkpointPage() {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Security Verification | LinkedIn</title>
<style>${STYLE}</style>
</head>
<body>
<main id="main" class="app__content">
<section>
<h1>Let’s do a quick security check</h1>
<p>We noticed some unusual activity on your account. Solve the puzzle to continue.</p>
<iframe id="captcha-internal" title="Captcha challenge" src="about:blank" width="400" height="300"></iframe>
</section>
</main>
</body>
</html>
`;
  }

  /** Where LinkedIn sends a member it signed out: a plain sign-in form. */
  function signInPage() {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>LinkedIn Login, Sign in | LinkedIn</title>
<style>${STYLE}</style>
</head>
<body>
<main id="main" class="app__content">
<section>
<h1>Sign in</h1>
<form action="/checkpoint/lg/login-submit" method="post">
<input type="text" name="session_key" aria-label="Email or phone">
<input type="password" name="session_password" aria-label="Password">
<button type="submit">Sign in</button>
</form>
</section>
</main>
</body>
</html>
`;
  }

  /**
   * Answer one request for `urlString`, as LinkedIn's servers would.
   *
   * `handle(url)` is a GET. The page's own remove flow POSTs the person's slug
   * to `/__mock__/remove` (`handle(url, { method: "POST", body: slug })`), so
   * whatever serves the mock must pass the method and the body along (in
   * Playwright: `handle(url, { method: request.method(), body:
   * request.postData() })`). Any method but GET or HEAD on any other path
   * answers 405.
   *
   * @param {string} urlString a full https://www.linkedin.com/... URL; the query is ignored
   * @param {{ method?: string, body?: string | null }} [request] defaults to a GET without a body
   * @returns {{ status: number, contentType: string, body: string } | null} null when the mock has no such page
   */
  function handle(urlString, request = {}) {
    let url;
    try {
      url = new URL(urlString);
    } catch {
      return null;
    }
    if (url.hostname !== "www.linkedin.com") return null;
    const method = (request.method ?? "GET").toUpperCase();

    if (url.pathname === "/__mock__/remove") {
      return method === "POST" ? removeEndpoint(request.body) : null;
    }
    if (url.pathname === "/__mock__/unfollow") {
      return method === "POST" && follows ? unfollowEndpoint(request.body) : null;
    }
    if (url.pathname === "/__mock__/withdraw") {
      return method === "POST" ? withdrawEndpoint(request.body) : null;
    }
    if (method !== "GET" && method !== "HEAD") {
      return {
        status: 405,
        contentType: "text/plain; charset=utf-8",
        body: "method not allowed\n",
      };
    }

    if (url.pathname.startsWith("/checkpoint/")) return html(checkpointPage());
    if (/^\/(?:login|uas\/login|authwall)\/?$/.test(url.pathname)) return html(signInPage());

    if (url.pathname.startsWith("/__mock__/")) {
      const name = url.pathname.slice("/__mock__/".length);
      if (!ASSETS.includes(name)) return null;
      return { status: 200, contentType: "text/javascript; charset=utf-8", body: asset(name) };
    }

    const path = normalisedPath(url.pathname);
    switch (path) {
      case PATHS.feed:
        // The feed carries the connections data too, so "My Network" can
        // render client-side without a page load, as LinkedIn's SPA does.
        return html(
          cached("feed", () =>
            shell({
              title: words.feedTitle,
              state: { ...liveState(), route: "feed", people: peopleRows() },
              scripts: connectionsScripts,
            }),
          ),
        );
      case PATHS.connections:
        return html(
          cached("connections", () =>
            shell({
              title: words.connectionsTitle,
              state: { ...liveState(), route: "connections", people: peopleRows() },
              scripts: connectionsScripts,
            }),
          ),
        );
      case PATHS.invitations:
        return html(cached("invitations", invitationsPage));
      case PATHS.followers:
        return html(
          networkManagerPage(
            "followers",
            followerRows && { followersList: followersState(followerRows) },
            "followers.js",
          ),
        );
      case PATHS.following:
        return html(
          networkManagerPage(
            "following",
            follows && { following: followingState() },
            "following.js",
          ),
        );
    }

    const profileMatch = /^\/in\/([^/]+)\/$/.exec(path);
    if (profileMatch) return html(profilePage(profileMatch[1]));
    return null;
  }

  return {
    people,
    stated,
    member,
    removed,
    language,
    handle,
    follows: follows?.rows ?? null,
    followers: followerRows?.rows ?? null,
    unfollowed,
    unfollowPosts,
    invitations,
    withdrawn,
    withdrawPosts,
  };
}

/**
 * @typedef {object} FollowRow one row of the following page
 * @property {string} slug decoded ("josé-garcía-4b1a2c"), or the company's
 * @property {string} href the link as the row writes it
 * @property {string} name
 * @property {string | null} headline
 * @property {boolean} member a person (`/in/`), not a company (`/company/`)
 * @property {boolean} connection whether the person is one of `people` (a connection)
 */

/**
 * The following page's list, from `createMockSite({ follows })`. Evidence
 * (docs/research/2026-12-05-invitations-and-follows.md, section 2.2): the
 * network manager's rows are `[data-chameleon-result-urn]` with an `/in/`
 * link, "name, then a detail line, then the Following button"; about 20 rows
 * a load, more on scroll. Whether companies are listed there is unknown (one
 * tool also looks for `/company/` links): the mock lists a few, which
 * netprune must skip.
 *
 * @param {object} spec
 * @param {number} [spec.count] people followed (default 30)
 * @param {number} [spec.connections] how many of them are connections, the first of the connections
 *   list (its hand-written hostile names and namesakes first), one in every two rows (default half
 *   of count); the others are people who are not connections
 * @param {number} [spec.companies] company rows besides them (default 2)
 * @param {number} [spec.pageSize] rows per load (default 20)
 * @param {"scroll" | "load-more"} [spec.paging] more rows on scrolling near the bottom (default), or
 *   only on "Show more results"
 * @param {"classic-2025" | "classic-2026"} [spec.generation] the row's button: 2025's text-only
 *   "Following" or 2026's aria-label "Click to stop following <Name>" (default "classic-2026")
 * @param {"dialog" | "no-dialog"} [spec.unfollow] whether pressing "Following" asks to confirm (an
 *   artdeco modal, primary "Unfollow") or unfollows at once (default: "dialog" in classic-2025,
 *   "no-dialog" in classic-2026, as the evidence shows)
 * @param {object} [spec.faults] `checkpointAfter` (n): after n unfollows the next sends the page to a
 *   checkpoint; `misleadingDialog`: "Following" opens a "Remove saved item?" dialog; `lingerAfterUnfollow`
 *   (true, or ms): the button still says "Following" after an unfollow (true: until a reload);
 *   `limitAfter` (n): after n unfollows the next is refused with the weekly-limit banner
 * @param {{ seed: number, today: string, people: object[] }} site
 * @returns {{ rows: FollowRow[], generation: string, unfollow: string, pageSize: number, paging: string, faults: Record<string, any> }}
 */
function followsFor(spec, { seed, today, people }) {
  const generation = spec.generation ?? "classic-2026";
  if (!FOLLOWING_GENERATIONS.includes(generation)) {
    throw new Error(`unknown follows.generation ${JSON.stringify(generation)}`);
  }
  const unfollow = spec.unfollow ?? (generation === "classic-2025" ? "dialog" : "no-dialog");
  if (unfollow !== "dialog" && unfollow !== "no-dialog") {
    throw new Error(
      `follows.unfollow must be "dialog" or "no-dialog", not ${JSON.stringify(unfollow)}`,
    );
  }
  const paging = spec.paging ?? "scroll";
  if (paging !== "scroll" && paging !== "load-more") {
    throw new Error(
      `follows.paging must be "scroll" or "load-more", not ${JSON.stringify(paging)}`,
    );
  }
  const faults = spec.faults ?? {};
  for (const name of Object.keys(faults)) {
    if (!FOLLOW_FAULTS.includes(name)) {
      throw new Error(
        `unknown follows fault ${JSON.stringify(name)}; use some of ${FOLLOW_FAULTS}`,
      );
    }
  }
  const count = spec.count ?? DEFAULT_FOLLOWS;
  const connections = Math.min(spec.connections ?? Math.ceil(count / 2), count, people.length);
  const companies = spec.companies ?? 2;
  // 2025's rows link by path, 2026's by whole URL: passed on as written.
  const hrefOf = (path) => (generation === "classic-2025" ? path : `${ORIGIN}${path}`);
  const member = (person, connection) => ({
    slug: person.slug,
    href: hrefOf(person.profilePath),
    name: person.name,
    headline: person.headline,
    member: true,
    connection,
  });
  /** @type {FollowRow[]} */
  const rows = connectionsAndStrangers({
    count,
    connections,
    seed: seed + 1013,
    today,
    people,
  }).map(([person, connection]) => member(person, connection));
  const COMPANY_NAMES = ["Northwind Traders", "Contoso", "Fabrikam", "Tailspin Toys", "Litware"];
  for (let c = 0; c < companies; c += 1) {
    const name = `${COMPANY_NAMES[c % COMPANY_NAMES.length]}${c >= COMPANY_NAMES.length ? ` ${c}` : ""}`;
    const slug = name.toLowerCase().replace(/\s+/g, "-");
    rows.splice(Math.min(rows.length, 2 + c * 5), 0, {
      slug,
      href: hrefOf(`/company/${slug}/`),
      name,
      headline: `${(1200 + c * 3457).toLocaleString("en-US")} followers`,
      member: false,
      connection: false,
    });
  }
  return { rows, generation, unfollow, pageSize: spec.pageSize ?? 20, paging, faults };
}

/**
 * `count` people, the first `connections` of the connections list (its
 * hand-written edge cases first) one in every two rows, the others people
 * who are not connections (other people of the same kind, after the
 * hand-written edge cases, which are the connections list's own), each
 * with whether they are a connection.
 * @param {{ count: number, connections: number, seed: number, today: string, people: any[] }} spec
 * @returns {[any, boolean][]}
 */
function connectionsAndStrangers({ count, connections, seed, today, people }) {
  const known = new Set(people.map((person) => person.slug));
  const strangers = generatePeople({ count: count * 2 + 40, seed, today })
    .slice(17)
    .filter((person) => !known.has(person.slug))
    .slice(0, count - connections);
  const friends = people.slice(0, connections);
  /** @type {[any, boolean][]} */
  const rows = [];
  for (let i = 0; rows.length < count; i += 1) {
    if (i < friends.length) rows.push([friends[i], true]);
    if (i < strangers.length && rows.length < count) rows.push([strangers[i], false]);
  }
  return rows;
}

/**
 * @typedef {object} FollowerRow one row of the followers page
 * @property {string} slug decoded, or the company's
 * @property {string} href the link as the row writes it
 * @property {string} name
 * @property {string | null} headline
 * @property {boolean} member a person (`/in/`), not a company (`/company/`)
 * @property {boolean} connection whether the person is one of `people` (a connection)
 * @property {boolean | null} followsBack the row's button: "Following" (true), "Follow" (false), none (null)
 */

/**
 * The followers page's list, from `createMockSite({ followersList })`.
 * Evidence in assets/followers.js (research section 3). Newest first, as
 * LinkedIn lists about the newest 1,000: connections and people who are
 * not, alternating; every third shows "Following" (the member follows them
 * back), the others "Follow", and every seventh no button at all.
 *
 * @param {object} spec
 * @param {number} [spec.count] followers listed (default 30)
 * @param {number} [spec.connections] how many of them are connections, the first of the connections
 *   list (its hostile names first), one in every two rows (default half of count)
 * @param {number} [spec.companies] rows that link no member (`/company/`), which netprune must
 *   skip (default 1; whether LinkedIn lists any here is unknown)
 * @param {number} [spec.pageSize] rows per load (default 20)
 * @param {"scroll" | "load-more"} [spec.paging] more rows on scroll (default), or only on "Show more results"
 * @param {"search-entity" | "follows-cards"} [spec.generation] default "search-entity"
 * @param {{ checkpointAt?: number, stallAt?: number }} [spec.faults] once this many rows are shown, the
 *   next load sends the page to a security checkpoint (`checkpointAt`), or never comes and the spinner
 *   stays (`stallAt`)
 * @param {{ seed: number, today: string, people: object[] }} site
 */
function followersFor(spec, { seed, today, people }) {
  const generation = spec.generation ?? "search-entity";
  if (!FOLLOWERS_GENERATIONS.includes(generation)) {
    throw new Error(`unknown followersList.generation ${JSON.stringify(generation)}`);
  }
  const paging = spec.paging ?? "scroll";
  if (paging !== "scroll" && paging !== "load-more") {
    throw new Error(
      `followersList.paging must be "scroll" or "load-more", not ${JSON.stringify(paging)}`,
    );
  }
  const given = spec.faults ?? {};
  for (const [name, value] of Object.entries(given)) {
    if (!FOLLOWERS_FAULTS.includes(name)) {
      throw new Error(
        `unknown followersList fault ${JSON.stringify(name)}; use some of ${FOLLOWERS_FAULTS}`,
      );
    }
    if (!(Number.isInteger(value) && value >= 0)) {
      throw new Error(`${name} must be a count of rows, not ${JSON.stringify(value)}`);
    }
  }
  const count = spec.count ?? 30;
  const connections = Math.min(spec.connections ?? Math.ceil(count / 2), count, people.length);
  const companies = spec.companies ?? 1;
  // The tutorial's example links by path (id 45301083508): as written.
  const member = (person, connection) => ({
    slug: person.slug,
    href: person.profilePath,
    name: person.name,
    headline: person.headline,
    member: true,
    connection,
    followsBack: null,
  });
  /** @type {FollowerRow[]} */
  const rows = connectionsAndStrangers({
    count,
    connections,
    seed: seed + 2027,
    today,
    people,
  }).map(([person, connection]) => member(person, connection));
  rows.forEach((row, index) => {
    row.followsBack = index % 7 === 6 ? null : index % 3 === 0;
  });
  for (let c = 0; c < companies; c += 1) {
    const slug = `northwind-traders${c === 0 ? "" : `-${c}`}`;
    rows.splice(Math.min(rows.length, 3 + c * 5), 0, {
      slug,
      href: `/company/${slug}/`,
      name: `Northwind Traders${c === 0 ? "" : ` ${c}`}`,
      headline: "Retail",
      member: false,
      connection: false,
      followsBack: null,
    });
  }
  return {
    rows,
    generation,
    pageSize: spec.pageSize ?? 20,
    paging,
    faults: { checkpointAt: given.checkpointAt ?? null, stallAt: given.stallAt ?? null },
  };
}

/**
 * @param {Record<string, unknown>} faults
 * @returns {Record<string, any>}
 */
function checkedFaults(faults) {
  for (const name of Object.keys(faults)) {
    if (!FAULTS.includes(name)) {
      throw new Error(`unknown fault ${JSON.stringify(name)}; use some of ${FAULTS}`);
    }
  }
  const count = (name) => {
    const value = faults[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw new Error(`${name} must be a count of removals, not ${JSON.stringify(value)}`);
    }
  };
  count("checkpointAfter");
  count("temporaryLimitAfter");
  if (typeof faults.limitBanner !== "boolean") count("limitBanner");
  if (typeof faults.lingerAfterConfirm !== "boolean") count("lingerAfterConfirm");
  const menu = faults.ambiguousMenu;
  if (menu !== undefined && typeof menu !== "boolean" && !AMBIGUOUS_MENUS.includes(menu)) {
    throw new Error(
      `ambiguousMenu must be true, "duplicate" or "unexpected", not ${JSON.stringify(menu)}`,
    );
  }
  return faults;
}

const INVITATION_FAULTS = [
  "checkpointAfter",
  "misleadingDialog",
  "lingerAfterConfirm",
  "limitBanner",
];

/**
 * @param {Record<string, unknown>} faults
 * @returns {Record<string, any>}
 */
function checkedInvitationFaults(faults) {
  for (const name of Object.keys(faults)) {
    if (!INVITATION_FAULTS.includes(name)) {
      throw new Error(
        `unknown invitation fault ${JSON.stringify(name)}; use some of ${INVITATION_FAULTS}`,
      );
    }
  }
  for (const name of ["checkpointAfter", "limitBanner", "lingerAfterConfirm"]) {
    const value = faults[name];
    if (value === undefined || typeof value === "boolean") continue;
    if (name === "checkpointAfter" && typeof value === "boolean") continue;
    if (!(Number.isInteger(value) && value >= 0)) {
      throw new Error(`${name} must be a count, not ${JSON.stringify(value)}`);
    }
  }
  return faults;
}
