// The people the review page's tests load, as plain objects the tests read
// back (helpers.mjs's snapshotOf gives them to the real core): a mixed
// network with hostile names, many plain people for virtualization, people
// numbered in the core's name order, and the queue dialog's ten (four who can
// be queued, one of each kind the queue refuses).

/** Names that must stay text: markup, quotes, formulas, bidi overrides, emoji. */
export const HOSTILE_NAMES = [
  '<img src=x onerror="globalThis.__pwned = 1">',
  "</div><script>globalThis.__pwned = 2</script>",
  `"Quoted" O'Brien & <b>Sons</b>`,
  '=HYPERLINK("http://evil.example","click me")',
  "\u202Eevil\u202C مرحبا بالعالم",
  "🦀 Ferris 👩‍💻",
];

export const TITLES = [
  "Software Engineer at Acme",
  "Recruiter at Hire Fast",
  "Talent Acquisition Partner",
  "Product Manager",
  null,
];
export const COMPANIES = ["Acme", "Hire Fast", "Globex", null];
export const PRECISIONS = ["day", "week", "month", "year"];

/** ~50 people, six with hostile names; connection years 2015-2024 with a few unknown. */
export function fakePeople(count = 50) {
  return Array.from({ length: count }, (_, i) => {
    const year = 2015 + (i % 10);
    const month = String((i % 12) + 1).padStart(2, "0");
    return {
      slug: i % 17 === 16 ? `export:person-${i}` : `person-${i}`,
      name: i < HOSTILE_NAMES.length ? HOSTILE_NAMES[i] : `Person ${i}`,
      headline: TITLES[i % TITLES.length],
      company: COMPANIES[i % COMPANIES.length],
      position: i % 3 === 0 ? "Engineer" : null,
      connected:
        i % 13 === 12
          ? null
          : { date: `${year}-${month}-07`, precision: PRECISIONS[i % PRECISIONS.length] },
      source: i % 17 === 16 ? "export" : "connections-page",
      kept: i % 11 === 3,
      queued: i % 19 === 5,
      removed: false,
      gone: i % 23 === 7,
      unmatched: i % 17 === 16,
    };
  });
}

/** Many plain people, for the virtualization tests. */
export function manyPeople(count) {
  return Array.from({ length: count }, (_, i) => ({
    slug: `p-${i}`,
    name: `Person ${i}`,
    headline: i % 2 ? "Engineer" : "Recruiter",
    company: "Acme",
    position: null,
    connected: { date: `${2010 + (i % 15)}-01-15`, precision: "day" },
    source: "connections-page",
    kept: false,
    queued: false,
    removed: false,
    gone: false,
    unmatched: false,
  }));
}

/** `count` plain people whose names sort as they are numbered (the core lists by name). */
export const numberedPeople = (count) =>
  manyPeople(count).map((p, i) => ({ ...p, name: `Person ${String(i).padStart(5, "0")}` }));

/**
 * Ten people: four who can be queued (p-0, p-1, p-8, p-9) and one of each
 * kind the queue refuses: two kept, one from the export without a profile
 * link, one gone, one already queued, one already removed.
 */
export function queuePeople() {
  const people = manyPeople(10);
  Object.assign(people[2], { name: "Kept Two", kept: true });
  Object.assign(people[3], { name: "Kept Three", kept: true });
  Object.assign(people[4], {
    slug: "export:p-4",
    name: "Export Only",
    source: "export",
    unmatched: true,
  });
  Object.assign(people[5], { name: "Gone Five", gone: true });
  Object.assign(people[6], { name: "Queued Six", queued: true });
  Object.assign(people[7], { name: "Removed Seven", removed: true });
  return people;
}

export const ELIGIBLE = ["p-0", "p-1", "p-8", "p-9"];

/** Two connections (one followed), three people invited (one recently), two followed. */
export function mixedPeople() {
  const connection = (i, extra = {}) => ({
    slug: `conn-${i}`,
    name: `Connection ${i}`,
    headline: "Engineer",
    company: "Acme",
    position: null,
    connected: { date: "2019-03-07", precision: "day" },
    source: "connections-page",
    ...extra,
  });
  const other = (slug, name, extra) => ({
    slug,
    name,
    headline: null,
    company: null,
    position: null,
    connected: null,
    source: "connections-page",
    ...extra,
  });
  return [
    connection(1, { following: true }),
    connection(2),
    other("invited-1", "Invited One", { invitedDaysAgo: 60 }),
    other("invited-2", "Invited Two", { invitedDaysAgo: 45 }),
    other("invited-3", "<b>Invited</b> Three", { invitedDaysAgo: 2 }),
    other("followed-1", "Followed One", { following: true, notConnection: true }),
    other("followed-2", "Followed Two", { following: true, notConnection: true }),
  ];
}
