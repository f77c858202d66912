// The mock's sent invitations: people the member invited who have not
// accepted, so none of them is a connection (their slugs never meet the
// connections list's). Deterministic per seed, newest first (LinkedIn's
// order, docs/research/2026-12-05-invitations-and-follows.md I11), sent
// from the reference day back over months; some carry a note. The first few
// are hand-written edge cases: a hostile name, a right-to-left name, a
// percent-encoded slug and two people of the same name.

import { hashString, mulberry32, profilePathFor } from "./people.mjs";

/**
 * @typedef {object} Invitation
 * @property {string} slug decoded
 * @property {string} profilePath percent-encoded, as LinkedIn links
 * @property {string} name
 * @property {string} firstName
 * @property {string | null} headline
 * @property {number} sentDaysAgo days before the reference day
 * @property {string} sentText the row's time line ("Sent today", "Sent 3 weeks ago")
 * @property {string | null} note the note sent with it, if any (never to be read by netprune)
 */

const EDGE_CASES = [
  {
    name: '<img src=x onerror="window.__pwned=1">',
    firstName: "<img",
    slug: "inv-img-src-x-1a2b3c",
    headline: "<b>Bold</b> & <script>x</script>",
  },
  { name: "سارة خليل", firstName: "سارة", slug: "sara-khalil-2c3d4e", headline: "مهندسة في نيوم" },
  { name: "Kim Park", firstName: "Kim", slug: "kim-park-3d4e5f", headline: "Recruiter at Globex" },
  { name: "Łucja Nowak-Żak", firstName: "Łucja", slug: "łucja-nowak-żak-5f6a7b", headline: null },
  { name: "Kim Park", firstName: "Kim", slug: "kim-park-9e8d7c", headline: "Chef at Soylent" },
];

const FIRST = ["Ada", "Bruno", "Chiara", "Dev", "Elif", "Femi", "Gustav", "Hana", "Ines", "Jonas"];
const LAST = [
  "Alvarez",
  "Becker",
  "Castro",
  "Dahl",
  "Eze",
  "Frost",
  "Gomes",
  "Holm",
  "Ito",
  "Jain",
];
const ROLES = ["Designer", "Engineer", "Analyst", "Founder", "Recruiter", "Teacher"];
const COMPANIES = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adatum"];

/**
 * "Sent today", "Sent yesterday", "Sent 3 days ago", "Sent 1 week ago",
 * "Sent 2 months ago", "Sent 1 year ago" (research I5: "Sent today", "Sent
 * yesterday", "Sent 3 months ago", "Sent 8 weeks ago").
 * @param {number} days
 */
export function sentTextFor(days) {
  if (days <= 0) return "Sent today";
  if (days === 1) return "Sent yesterday";
  const unit = (value, noun) => `Sent ${value} ${noun}${value === 1 ? "" : "s"} ago`;
  if (days < 7) return unit(days, "day");
  if (days < 30) return unit(Math.floor(days / 7), "week");
  if (days < 365) return unit(Math.floor(days / 30), "month");
  return unit(Math.floor(days / 365), "year");
}

/**
 * @param {{ count?: number, seed?: number, spanDays?: number, taken?: Set<string> }} [options]
 *   `taken`: slugs already in use (the connections'), never given again;
 *   `spanDays`: how far back the oldest was sent (default 200)
 * @returns {Invitation[]}
 */
export function generateInvitations({ count = 12, seed = 1, spanDays = 200, taken } = {}) {
  const random = mulberry32(hashString(`invitations:${seed}`));
  const used = new Set(taken ?? []);
  /** @type {Invitation[]} */
  const invitations = [];
  for (let index = 0; index < count; index += 1) {
    const sentDaysAgo = index === 0 ? 0 : index === 1 ? 1 : Math.floor((index * spanDays) / count);
    let person;
    if (index < EDGE_CASES.length && !used.has(EDGE_CASES[index].slug)) {
      person = EDGE_CASES[index];
    } else {
      const first = FIRST[Math.floor(random() * FIRST.length)];
      const last = LAST[Math.floor(random() * LAST.length)];
      let slug;
      do {
        slug = `${first}-${last}-${Math.floor(random() * 0xffffff)
          .toString(16)
          .padStart(6, "0")}`.toLowerCase();
      } while (used.has(slug));
      const role = ROLES[Math.floor(random() * ROLES.length)];
      const company = COMPANIES[Math.floor(random() * COMPANIES.length)];
      person = {
        name: `${first} ${last}`,
        firstName: first,
        slug,
        headline: `${role} at ${company}`,
      };
    }
    used.add(person.slug);
    invitations.push({
      slug: person.slug,
      profilePath: profilePathFor(person.slug),
      name: person.name,
      firstName: person.firstName,
      headline: person.headline,
      sentDaysAgo,
      sentText: sentTextFor(sentDaysAgo),
      // A note on every third; its text must never reach netprune.
      note:
        index % 3 === 1
          ? `Hi ${person.firstName}, NOTE-TEXT-${index}: we met at the meetup a week ago`
          : null,
    });
  }
  return invitations;
}
