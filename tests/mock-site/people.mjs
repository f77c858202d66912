// Deterministic people for the mock LinkedIn site. The same seed always gives
// the same network, so an end-to-end failure can be replayed exactly; the
// first people are hand-written edge cases (hostile names, right-to-left
// scripts, percent-encoded slugs, namesakes) so that every test touching the
// first page of a connections list meets them.

/**
 * @typedef {object} Person
 * @property {string} slug the decoded public identifier ("josé-garcía-4b1a2c")
 * @property {string} profilePath the path LinkedIn links to, percent-encoded ("/in/jos%C3%A9-garc%C3%ADa-4b1a2c/")
 * @property {string} name
 * @property {string} firstName
 * @property {string} lastName
 * @property {string | null} headline
 * @property {string} company
 * @property {string} position
 * @property {string} connectedOn ISO date, "2024-08-07"
 * @property {number} connectedHoursAgo for connections made on the reference day: how many hours ago
 * @property {string} connectedText the "Connected ..." line as the chosen markup generation writes it
 */

/** A small, fast seeded PRNG (mulberry32): good enough for fixtures, and deterministic. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, for turning strings (seeds, build ids) into PRNG seeds and short hashes. */
export function hashString(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const DAY_MS = 86_400_000;

/** "2024-08-07" -> "Connected on August 7, 2024", as the 2025 and 2026 markups write it. */
export function absoluteConnectedText(isoDate) {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `Connected on ${MONTHS[month - 1]} ${day}, ${year}`;
}

/**
 * The artdeco markup's relative wording, measured from the mock's reference
 * day rather than the real clock so the fixture stays deterministic.
 */
export function relativeConnectedText(isoDate, todayIso, hoursAgo = 3) {
  const days = Math.round((Date.parse(todayIso) - Date.parse(isoDate)) / DAY_MS);
  const unit = (value, noun) => `Connected ${value} ${noun}${value === 1 ? "" : "s"} ago`;
  if (days <= 0) return unit(Math.max(1, hoursAgo), "hour");
  if (days < 7) return unit(days, "day");
  if (days < 30) return unit(Math.floor(days / 7), "week");
  if (days < 365) return unit(Math.floor(days / 30), "month");
  return unit(Math.floor(days / 365), "year");
}

/**
 * The hand-written edge cases, most recently connected first. `slugBase` is
 * the readable part of the slug; a six-digit hex suffix is added unless
 * `vanity` is set, as LinkedIn does for members who never chose a vanity URL.
 */
const EDGE_CASES = [
  {
    firstName: "José",
    lastName: "García",
    slug: "josé-garcía-4b1a2c",
    headline: "Ingeniero de datos en Telefónica",
    company: "Telefónica",
    position: "Ingeniero de datos",
  },
  {
    firstName: "Zoë",
    lastName: "Müller",
    slug: "zoe-muller-7c3d9e",
    headline: "Product Designer at Zalando",
    company: "Zalando",
    position: "Product Designer",
  },
  {
    firstName: "Łukasz",
    lastName: "Wiśniewski",
    slug: "łukasz-wiśniewski-2f8a41",
    headline: "Backend Engineer at Allegro",
    company: "Allegro",
    position: "Backend Engineer",
  },
  {
    firstName: "伟",
    lastName: "王",
    name: "王伟",
    slug: "王伟-5d2e90",
    headline: "腾讯 产品经理",
    company: "腾讯",
    position: "产品经理",
  },
  {
    firstName: "محمد",
    lastName: "العلي",
    slug: "mohammed-alali-83b0c2",
    headline: "مهندس برمجيات في أرامكو",
    company: "أرامكو",
    position: "مهندس برمجيات",
  },
  {
    firstName: "נועה",
    lastName: "כהן",
    slug: "noa-cohen-1e4f7a",
    headline: "מנהלת מוצר ב-Wix",
    company: "Wix",
    position: "מנהלת מוצר",
  },
  {
    firstName: "Sunny ☀️",
    lastName: "Patel 🚀",
    slug: "sunny-patel-9a0b1c",
    headline: "Founder | Speaker | 🚀 Growth",
    company: "Rocketship",
    position: "Founder",
  },
  {
    firstName: '<img src=x onerror="window.__pwned=1">',
    lastName: "",
    slug: "img-src-x-0d0e0f",
    headline: "<b>Bold</b> claims & <i>more</i>",
    company: "<script>Co</script>",
    position: "Tester",
  },
  {
    firstName: 'Robert "Bobby"',
    lastName: "O'Neil",
    slug: "robert-oneil-6b5a4c",
    headline: 'Sales "Ninja" at O\'Reilly & Sons',
    company: "O'Reilly & Sons",
    position: 'Sales "Ninja"',
  },
  {
    firstName: "</script><script>window.__pwned=1</script>",
    lastName: "",
    slug: "script-breakout-3c2b1a",
    headline: "</p><p>Injected paragraph",
    company: "Breakout Ltd",
    position: "Escapist",
  },
  {
    firstName: '=HYPERLINK("http://x","y")',
    lastName: "",
    slug: "formula-name-4e5f6a",
    headline: '=HYPERLINK("http://x","y")',
    company: "=1+2",
    position: "@SUM(A1:A2)",
  },
  {
    firstName: "Sam",
    lastName: "Lee",
    slug: "sam-lee-8d7c6b",
    headline: null,
    company: "",
    position: "",
  },
  {
    firstName: "Maria",
    lastName: "Silva",
    slug: "maria-silva-1a2b3c",
    headline: "Nurse at Hospital São Lucas",
    company: "Hospital São Lucas",
    position: "Nurse",
  },
  {
    firstName: "Maria",
    lastName: "Silva",
    slug: "maria-silva-9f8e7d",
    headline: "Accountant at Deloitte",
    company: "Deloitte",
    position: "Accountant",
  },
  {
    firstName: "Ava",
    lastName: "Chen",
    slug: "avachen",
    headline: "Partner at Sequoia",
    company: "Sequoia",
    position: "Partner",
  },
  {
    firstName: "Nguyễn Thị",
    lastName: "Lan",
    slug: "nguyễn-thị-lan-6f1e2d",
    headline: "Kỹ sư phần mềm tại FPT",
    company: "FPT",
    position: "Kỹ sư phần mềm",
  },
  {
    firstName: "Hanako",
    lastName: "Sato",
    name: "佐藤 花子",
    slug: "hanako-sato-0a9b8c",
    headline: null,
    company: "",
    position: "",
  },
];

// [display, slug part]. Mixed scripts and diacritics on purpose; most slugs
// are ASCII transliterations, as LinkedIn generates them.
const FIRST_NAMES = [
  ["James", "james"],
  ["Amélie", "amelie"],
  ["Søren", "soren"],
  ["Chloé", "chloe"],
  ["Mateus", "mateus"],
  ["Aiko", "aiko"],
  ["Priya", "priya"],
  ["Oluwaseun", "oluwaseun"],
  ["Mehmet", "mehmet"],
  ["Ingrid", "ingrid"],
  ["Diego", "diego"],
  ["Fatima", "fatima"],
  ["Liam", "liam"],
  ["Ana", "ana"],
  ["Wei", "wei"],
  ["Olga", "olga"],
  ["Kwame", "kwame"],
  ["Siobhán", "siobhan"],
  ["François", "francois"],
  ["Björn", "bjorn"],
  ["Yuki", "yuki"],
  ["Arjun", "arjun"],
  ["Lucía", "lucia"],
  ["Noah", "noah"],
  ["Emma", "emma"],
  ["Tomás", "tomas"],
  ["Zainab", "zainab"],
  ["Hiroshi", "hiroshi"],
  ["Nadia", "nadia"],
  ["Pieter", "pieter"],
  ["Grace", "grace"],
  ["Rafael", "rafael"],
];

const LAST_NAMES = [
  ["Okafor", "okafor"],
  ["Núñez", "nunez"],
  ["Østergaard", "ostergaard"],
  ["Nakamura", "nakamura"],
  ["Kowalczyk", "kowalczyk"],
  ["Smith", "smith"],
  ["Dubois", "dubois"],
  ["Rossi", "rossi"],
  ["Schmidt", "schmidt"],
  ["Johansson", "johansson"],
  ["Gupta", "gupta"],
  ["Mensah", "mensah"],
  ["Yılmaz", "yilmaz"],
  ["O'Brien", "obrien"],
  ["van der Berg", "van-der-berg"],
  ["Zhang", "zhang"],
  ["Ivanova", "ivanova"],
  ["Fernández", "fernandez"],
  ["Kim", "kim"],
  ["Haddad", "haddad"],
  ["Müller-Lüdenscheidt", "muller-ludenscheidt"],
  ["Brown", "brown"],
  ["Costa", "costa"],
  ["Lindqvist", "lindqvist"],
];

// Whole names in scripts whose given/family split differs from the Latin one.
const WHOLE_NAMES = [
  ["陈静", "静", "陈", "chen-jing"],
  ["李娜", "娜", "李", "li-na"],
  ["김민준", "민준", "김", "minjun-kim"],
  ["أحمد حسن", "أحمد", "حسن", "ahmed-hassan"],
  ["יעל לוי", "יעל", "לוי", "yael-levi"],
  ["Дмитрий Соколов", "Дмитрий", "Соколов", "dmitry-sokolov"],
  ["Ελένη Παπαδοπούλου", "Ελένη", "Παπαδοπούλου", "eleni-papadopoulou"],
];

const COMPANIES = [
  "Acme Corp",
  "Globex",
  "Initech",
  "Umbrella Health",
  "Stark Industries",
  "Wayne Enterprises",
  "Hooli",
  "Pied Piper",
  "Soylent",
  "Tyrell",
  "Cyberdyne Systems",
  "Vandelay Industries",
  "Nakatomi Trading",
  "Oceanic Airlines",
  "Aperture Science",
  "Wonka Industries",
  "Gringotts",
  "Monsters, Inc.",
  "Dunder Mifflin",
  "Blue Sun",
];

const POSITIONS = [
  "Software Engineer",
  "Senior Software Engineer",
  "Product Manager",
  "Data Scientist",
  "Recruiter",
  "Technical Recruiter",
  "Account Executive",
  "Marketing Manager",
  "UX Designer",
  "Engineering Manager",
  "CTO",
  "Founder",
  "Consultant",
  "Sales Director",
  "HR Business Partner",
  "Financial Analyst",
  "Operations Lead",
  "Head of Growth",
];

function isoDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function hex6(random) {
  return Math.floor(random() * 0xffffff)
    .toString(16)
    .padStart(6, "0");
}

/** The path LinkedIn writes in hrefs: the slug percent-encoded, trailing slash. */
export function profilePathFor(slug) {
  return `/in/${encodeURIComponent(slug)}/`;
}

/**
 * Generate `count` people, most recently connected first (LinkedIn's default
 * "Recently added" order). Connection dates spread back from `today` over up
 * to fifteen years, never increasing down the list.
 *
 * @param {{ count?: number, seed?: number, today?: string, generation?: string }} [options]
 *   `generation` picks the "Connected ..." wording: artdeco's relative text
 *   ("Connected 2 weeks ago"), or the dated line of the later markups.
 * @returns {Person[]}
 */
export function generatePeople({
  count = 40,
  seed = 1,
  today = "2026-03-02",
  generation = "sdui-2026",
} = {}) {
  const connectedTextFor = (isoDate, hoursAgo) =>
    generation === "artdeco"
      ? relativeConnectedText(isoDate, today, hoursAgo)
      : absoluteConnectedText(isoDate);
  const random = mulberry32(seed);
  const todayMs = Date.parse(today);
  const spanDays = Math.min(5400, Math.max(90, count * 2));
  const slugs = new Set();
  /** @type {Person[]} */
  const people = [];

  for (let index = 0; index < count; index += 1) {
    // (index + r) / count grows with index, so dates never go forward in time
    // down the list; the first few land on the reference day itself.
    const daysAgo = index < 2 ? 0 : Math.floor(((index + random()) * spanDays) / count);
    const connectedOn = isoDate(todayMs - daysAgo * DAY_MS);
    // Same-day connections still read newest first: hours grow down the list.
    const connectedHoursAgo =
      daysAgo === 0 ? Math.min(23, 2 + index * 3) : 1 + Math.floor(random() * 20);

    if (index < EDGE_CASES.length) {
      const edge = EDGE_CASES[index];
      slugs.add(edge.slug);
      people.push({
        slug: edge.slug,
        profilePath: profilePathFor(edge.slug),
        name: edge.name ?? [edge.firstName, edge.lastName].filter(Boolean).join(" "),
        firstName: edge.firstName,
        lastName: edge.lastName,
        headline: edge.headline,
        company: edge.company,
        position: edge.position,
        connectedOn,
        connectedHoursAgo,
        connectedText: connectedTextFor(connectedOn, connectedHoursAgo),
      });
      continue;
    }

    let firstName;
    let lastName;
    let name;
    let slugBase;
    if (random() < 0.06) {
      const whole = WHOLE_NAMES[Math.floor(random() * WHOLE_NAMES.length)];
      [name, firstName, lastName, slugBase] = whole;
    } else {
      const first = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)];
      const last = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)];
      firstName = first[0];
      lastName = last[0];
      name = `${firstName} ${lastName}`;
      // Some members' slugs keep their diacritics; LinkedIn percent-encodes those.
      slugBase =
        random() < 0.1
          ? `${firstName}-${lastName}`.toLowerCase().replace(/[\s']+/g, "-")
          : `${first[1]}-${last[1]}`;
    }

    let slug = `${slugBase}-${hex6(random)}`;
    while (slugs.has(slug)) slug = `${slugBase}-${hex6(random)}`;
    slugs.add(slug);

    const company = COMPANIES[Math.floor(random() * COMPANIES.length)];
    const position = POSITIONS[Math.floor(random() * POSITIONS.length)];
    const style = random();
    let headline;
    if (style < 0.06) headline = null;
    else if (style < 0.8) headline = `${position} at ${company}`;
    else headline = `${position} | ${company} | Open to work`;

    people.push({
      slug,
      profilePath: profilePathFor(slug),
      name,
      firstName,
      lastName,
      headline,
      company,
      position,
      connectedOn,
      connectedHoursAgo,
      connectedText: connectedTextFor(connectedOn, connectedHoursAgo),
    });
  }
  return people;
}
