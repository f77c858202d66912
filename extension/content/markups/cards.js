// @ts-check
// Reading one card of the hashed-class markups (react-2025, sdui-2026): the
// person's profile link, name, headline and "Connected ..." line, and the
// slug a 2026 card's componentkey names. docs/LINKEDIN.md has the evidence.

import { collapse, decodeSlug, hrefOf, profileLinks, visibleText } from "../lib/dom.js";
import { CONNECTED_LINE, PICTURE_ALT } from "../words.js";

// The 2026 card's key is "ConnectionCard_<digits>-<slug>" (the slug may be
// Unicode or %-escaped), so a card names its person even without a link.
const SDUI_KEY_SLUG = /^ConnectionCard_\d+-([^\s/?#]+)$/u;
const YEAR = /(?:^|\D)(?:19|20)\d\d(?:\D|$)/;

/**
 * The person's name and headline as a profile link shows them: the link
 * wraps `<p>name</p><p>headline</p>` in 2025 and 2026, so the first `p`
 * is the name and the next one the headline; a link without paragraphs
 * is a plain name link (older builds).
 * @param {Element} link
 * @returns {{ name: string, headline: string | null } | null}
 */
function linkLines(link) {
  const paragraphs = [...link.querySelectorAll("p")].map(visibleText).filter((text) => text !== "");
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
    const label = collapse(picture.getAttribute("alt") ?? picture.getAttribute("aria-label") ?? "");
    const match = PICTURE_ALT.exec(label);
    if (match) return collapse(match[1]);
  }
  return null;
}

/**
 * The slug a 2026 card's componentkey names, or null.
 * @param {Element} card
 */
export function keySlug(card) {
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
export function readPlainCard(card, linkSelector) {
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
  if (last !== undefined && (CONNECTED_LINE.test(last) || (lines.length >= 2 && YEAR.test(last)))) {
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
