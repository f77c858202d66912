// @ts-check
// The shapes every part of the content script shares: what a reading holds,
// and what one markup generation of the connections page must say
// (markups/<generation>.js). Types only.

/** @typedef {{ connections: string | null, followers: string | null, following: string | null, invitations?: string | null }} Counts */
/** @typedef {{ profileUrl: string, name: string, headline: string | null, connectedText: string | null }} Card */
/** @typedef {{ profileUrl: string, name: string, headline: string | null, connectedText?: undefined }} FollowCard one person on the following page */
/** @typedef {{ profileUrl: string, name: string, headline: string | null, followsBack: boolean | null, connectedText?: undefined }} Follower one person on the followers page; followsBack: their button says "Following" (true), "Follow" (false), or neither (null) */
/** @typedef {{ profileUrl: string, name: string, headline: string | null, sentText: string | null, hasNote: boolean | null }} Invitation */
/** @typedef {{ generation: string | null, counts: Counts, cards: Card[], follows?: FollowCard[], followers?: Follower[], invitations?: Invitation[], listEnd?: boolean, markup?: Markup }} PageContent */
/** @typedef {import("../words.js").RemovalWords} RemovalWords */
/** @typedef {{ page: "connections" | "followers" | "following" | "profile" | "invitations", key: string, slug: string | null }} Target */

/**
 * @typedef {object} Markup one generation of the connections page
 * @property {string} name what readings call it ("artdeco", "react-2025", "sdui-2026")
 * @property {string} present a selector that only this generation's page matches
 * @property {string} skip where people's text lives: never a place to look for the total
 * @property {string} cardSelector what never holds the page's own search box
 * @property {(node: Element) => Element | null} enclosingCard the card `node` is part of
 * @property {(node: Element) => Element[]} cardsWithin the cards inside `node`
 * @property {() => Element | null} firstCard any one card, to find the list's scroll container by
 * @property {() => (element: Element) => boolean} cardTest a test for "is this element a card", prepared once per walk
 * @property {(card: Element) => Card | null} read
 * @property {() => Element[]} listedCards the cards a step may act on, before the one-person check
 * @property {(link: Element) => Element | null} cardAround the card around one of its profile links
 * @property {(card: Element, words: RemovalWords) => Element[]} menuButtons the card's menu button
 *   candidates (shown or not), by the page language's words
 * @property {(dialog: Element, words: RemovalWords) => { wrong: string } | Element[]} confirmButtons
 *   the remove dialog's confirm buttons, or why the dialog is not this generation's remove dialog
 * @property {boolean} dialogSaysItem whether its remove dialog says the menu item's words
 * @property {boolean} keyedCards whether a card names its person in its key, without a link
 * @property {() => HTMLElement | null} [nextPage] a paged list's next-page control (sent invitations)
 * @property {() => HTMLElement | null} [firstPage] a paged list's first-page control, off page 1
 */

/**
 * @typedef {object} ListMarkup what reading and moving through a list needs of its markup:
 *   a connections generation (Markup), the following page's (./following.js) or the
 *   followers page's (./followers.js)
 * @property {string} name
 * @property {string} present
 * @property {string} skip
 * @property {(node: Element) => Element | null} enclosingCard
 * @property {(node: Element) => Element[]} cardsWithin
 * @property {() => Element | null} firstCard
 * @property {() => (element: Element) => boolean} cardTest
 * @property {(card: Element) => Card | FollowCard | Follower | null} read
 * @property {() => HTMLElement | null} [nextPage] a paged list's next-page control
 * @property {() => HTMLElement | null} [firstPage] a paged list's first-page control, off page 1
 */

export {};
