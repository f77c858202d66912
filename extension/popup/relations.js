// @ts-check
// The popup's other relations, under the three figures: the invitations the
// member sent that are still pending (how many, how old the oldest is, how
// many are over a month old) and the people they follow who are not
// connections. Each is the core's count of the people read on that page
// (`summary.relations`); while a page was never read the line shows "—" and
// the link to read it, like an unread figure. Nothing here counts anyone.
// Under them, the followers who are not connections: once the followers
// page was read person by person (`relations.followersListed`), how many of
// the followers read are not connections and when; before, the core's
// estimate (`relations.followersNotConnections`, followers minus
// connections), "—" until both figures are known; and what LinkedIn lets a
// member do about them (docs/LINKEDIN.md, "Sent invitations, following and
// followers").

import { query, show } from "../lib/dom.js";
import { t, tn, tnAs } from "../lib/i18n.js";
import { relativeTime } from "./format.js";

/**
 * @typedef {import("./types.js").Summary} Summary
 * @typedef {import("./format.js").Formatters} Formatters
 * @typedef {"invitations" | "following"} Relation
 */

/** Days a month is taken to have, for "about 3 months ago". */
const DAYS_PER_MONTH = 30.44;

/**
 * The two lines, in the popup's order: the data-relation name (also the key
 * of its page in `pages`), the message keys of its words after the digits
 * and of its page link.
 *
 * @type {{ relation: Relation, label: string, link: string }[]}
 */
export const RELATIONS = [
  {
    relation: "invitations",
    label: "popupPendingInvitations",
    link: "popupVisitSentInvitations",
  },
  {
    relation: "following",
    label: "popupFollowingNotConnections",
    link: "popupVisitFollowing",
  },
];

/**
 * Points each line's link at the page it is read from.
 *
 * @param {Document} doc the popup document (popup.html)
 * @param {Record<Relation, string>} pages
 */
export function buildRelations(doc, pages) {
  for (const { relation, link } of RELATIONS) {
    const item = query(doc, `[data-relation="${relation}"]`);
    const anchor = /** @type {HTMLAnchorElement} */ (query(item, '[data-part="hint-link"]'));
    anchor.href = pages[relation];
    anchor.textContent = t(link);
    query(item, '[data-part="hint-text"]').textContent = t("popupNotReadYet");
  }
}

/**
 * A number the core answered, or null when it is not one (an older cached
 * Summary without `relations`).
 *
 * @param {unknown} value
 */
const whole = (value) =>
  typeof value === "number" && Number.isFinite(value) ? Math.max(0, Math.round(value)) : null;

/**
 * Draws both lines from `summary.relations`.
 *
 * @param {Document} doc
 * @param {Summary} summary
 * @param {Formatters} text
 * @param {number} [nowMs] the time "when read" is measured from
 */
export function renderRelations(doc, summary, text, nowMs = Date.now()) {
  const relations = summary.relations ?? null;
  const invitationsRead = whole(relations?.invitationsReadMs);
  const pending = whole(relations?.pendingInvitations) ?? 0;
  const details = [];
  if (invitationsRead !== null && pending > 0) {
    const oldest = whole(relations?.oldestInvitationDays);
    if (oldest !== null) details.push(oldestSent(text, oldest));
    const overAMonth = whole(relations?.invitationsOverAMonth) ?? 0;
    if (overAMonth > 0) details.push(tn("popupInvitationsOverAMonth", overAMonth));
  }
  drawLine(doc, "invitations", invitationsRead !== null, pending, details, text);

  const followingRead = whole(relations?.followingReadMs) !== null;
  const notConnections = whole(relations?.followingNotConnections) ?? 0;
  drawLine(doc, "following", followingRead, notConnections, [], text);

  const listed = whole(relations?.followersListed) ?? 0;
  if (listed > 0) {
    drawFollowersListed(
      doc,
      listed,
      whole(relations?.followersListedNotConnections) ?? 0,
      whole(relations?.followersListReadMs),
      text,
      nowMs,
    );
  } else {
    drawFollowers(
      doc,
      whole(relations?.followersNotConnections),
      relations?.followersNotConnectionsPrecision ?? null,
      text,
    );
  }
}

/**
 * The followers read on the followers page: "12 of the 40 followers read
 * are not connections (read 5 minutes ago)", each number in its own
 * element, in the order the language puts them; the advice always.
 *
 * @param {Document} doc
 * @param {number} listed followers read
 * @param {number} notConnections of them, not connections
 * @param {number | null} readMs when the list was read
 * @param {Formatters} text
 * @param {number} nowMs
 */
function drawFollowersListed(doc, listed, notConnections, readMs, text, nowMs) {
  const item = query(doc, '[data-relation="followers"]');
  show(query(item, '[data-part="estimate"]'), false);
  const line = query(item, '[data-part="listed"]');
  show(line, true);
  // Markers for where the language puts each number, then the numbers.
  /** @type {Record<string, [string, number]>} */
  const numbers = {
    "⟦1⟧": ["followers-listed-not-connections", notConnections],
    "⟦2⟧": ["followers-listed", listed],
  };
  const sentence = tnAs("popupFollowersListed", notConnections, "⟦1⟧", "⟦2⟧");
  line.replaceChildren(
    ...sentence
      .split(/(⟦1⟧|⟦2⟧)/)
      .filter((piece) => piece !== "")
      .map((piece) => {
        const number = numbers[piece];
        if (!number) return doc.createTextNode(piece);
        const digits = doc.createElement("span");
        digits.className = "relation-number";
        digits.dataset.testid = number[0];
        digits.textContent = text.number.format(number[1]);
        return digits;
      }),
  );
  query(item, '[data-part="detail"]').textContent =
    readMs === null ? "" : t("popupFollowersListedRead", relativeTime(text, readMs, nowMs));
  query(item, '[data-part="advice"]').textContent = t("popupFollowersAdvice");
  item.dataset.read = "true";
}

/**
 * The word before the estimate's digits, by how far it holds: "at most"
 * when connections were a floor ("500+"), "at least" when followers were,
 * else "about" (an estimate even from exact figures: a connection can stop
 * following).
 *
 * @type {Record<string, string>}
 */
const QUALIFIERS = {
  "at-most": "popupAtMost",
  "at-least": "popupAtLeast",
};

/**
 * The followers who are not connections: "about 1,234 followers who are not
 * connections (estimated: …)", or "—" and what it waits for while either
 * figure is unknown; the advice always.
 *
 * @param {Document} doc
 * @param {number | null} value
 * @param {string | null} precision
 * @param {Formatters} text
 */
function drawFollowers(doc, value, precision, text) {
  const item = query(doc, '[data-relation="followers"]');
  show(query(item, '[data-part="estimate"]'), true);
  show(query(item, '[data-part="listed"]'), false);
  const known = value !== null;
  const qualifier = query(item, '[data-part="qualifier"]');
  qualifier.textContent = known ? t(QUALIFIERS[precision ?? ""] ?? "popupAbout") : "";
  show(qualifier, known);
  query(item, '[data-testid="followers-not-connections"]').textContent = known
    ? text.number.format(value)
    : "";
  show(query(item, '[data-part="missing"]'), !known);
  query(item, '[data-part="label"]').textContent = known
    ? tn("popupFollowersNotConnections", value)
    : t("popupFollowersNotConnections_other");
  // How the number was made, or what it waits for.
  query(item, '[data-part="detail"]').textContent = t(
    known ? "popupFollowersNotConnectionsEstimate" : "popupFollowersNotConnectionsUnknown",
  );
  query(item, '[data-part="advice"]').textContent = t("popupFollowersAdvice");
  item.dataset.read = String(known);
}

/**
 * One line: the digits, their words and the details; "—" and the page's
 * link while the page was never read.
 *
 * @param {Document} doc
 * @param {Relation} relation
 * @param {boolean} read whether its page was ever read
 * @param {number} value
 * @param {string[]} details
 * @param {Formatters} text
 */
function drawLine(doc, relation, read, value, details, text) {
  const spec = RELATIONS.find((line) => line.relation === relation);
  if (!spec) return;
  const item = query(doc, `[data-relation="${relation}"]`);
  query(item, "[data-testid]").textContent = read ? text.number.format(value) : "";
  show(query(item, '[data-part="missing"]'), !read);
  // The words agree with the number; unread, they name what would be counted.
  query(item, '[data-part="label"]').textContent = read
    ? tn(spec.label, value)
    : t(`${spec.label}_other`);
  const detail = query(item, '[data-part="detail"]');
  detail.textContent = read && details.length ? `(${details.join(t("listSeparator"))})` : "";
  show(detail, detail.textContent !== "");
  show(query(item, '[data-part="hint"]'), !read);
  item.dataset.read = String(read);
}

/**
 * How long ago the oldest invitation was sent, no more precise than
 * LinkedIn's "Sent 3 months ago": "oldest sent yesterday", "… 5 days ago"
 * under two weeks, then "oldest sent about 3 weeks / 3 months / 2 years ago".
 *
 * @param {Formatters} text
 * @param {number} days
 */
function oldestSent(text, days) {
  if (days < 14) return t("popupOldestSent", text.relative.format(-days, "day"));
  const ago =
    days < 60
      ? text.relative.format(-Math.round(days / 7), "week")
      : days < 548
        ? text.relative.format(-Math.round(days / DAYS_PER_MONTH), "month")
        : text.relative.format(-Math.round(days / 365), "year");
  return t("popupOldestSentAbout", ago);
}
