// LinkedIn's data archive ("Get a copy of your data") for tests and the
// bench: the files of a fictional member's archive in the layouts LinkedIn
// wrote over the years (docs/research/2026-12-06-data-archive.md), zipped,
// with the exact digest the core's ArchiveReader must produce from them.
//
//   const { files, zip, expected } = await makeArchive({ connections: 300, messages: 2_000 });
//   const { files, expected } = makeArchiveFiles({ ... })   the same, without the ZIP (synchronous)
//   const zip = await zipFiles(files)                       any files zipped as LinkedIn does (deflate)
//
// Every row is fictional (the research notes forbid copying real exports).
// Every message's CONTENT and SUBJECT, every group title and every
// invitation's Message holds MARKER, so a test can prove no text was kept.
//
// Plain ES module, safe in node and in a browser: JSZip is imported only
// when a ZIP is asked for (globalThis.JSZip when a page loaded its UMD build,
// else the npm package).

import { mulberry32 } from "../mock-site/people.mjs";

/** In every message text cell and invitation note: must appear nowhere netprune keeps. */
export const MARKER = "NETPRUNE-SECRET-MARKER";

const DAY_MS = 86_400_000;
const NAME_MAX_CHARS = 300;

/** Days since 1970-01-01 of an ISO date. */
export function dayOfIso(/** @type {string} */ iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The UTC date of a day number, as [year, month (1-12), day]. */
function civil(/** @type {number} */ day) {
  const date = new Date(day * DAY_MS);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2023-07-08` of each day, once. */
const isoDays = new Map();
/** M1: `2023-07-08 08:39:28 UTC`. */
const messageDate = (day, seconds) => {
  let iso = isoDays.get(day);
  if (iso === undefined) {
    const [y, m, d] = civil(day);
    iso = `${y}-${pad(m)}-${pad(d)}`;
    isoDays.set(day, iso);
  }
  const s = seconds % 86_400;
  return `${iso} ${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)} UTC`;
};
/** The hour and minute of a time of day, twelve-hour. */
const clock12 = (seconds, padded) => {
  const minutes = Math.floor(seconds / 60) % (24 * 60);
  const hour24 = Math.floor(minutes / 60);
  const hour = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return `${padded ? pad(hour) : hour}:${pad(minutes % 60)} ${hour24 < 12 ? "AM" : "PM"}`;
};
/** I5: `7/1/23, 9:56 AM`, no padding. */
const invitationDate = (day, seconds) => {
  const [y, m, d] = civil(day);
  return `${m}/${d}/${pad(y % 100)}, ${clock12(seconds, false)}`;
};
/** E6: `04/15/24, 09:25 PM`, padded. */
const recommendationDate = (day, seconds) => {
  const [y, m, d] = civil(day);
  return `${pad(m)}/${pad(d)}/${pad(y % 100)}, ${clock12(seconds, true)}`;
};
/** E1: `2022/09/03 18:14:39 UTC`. */
const endorsementDate = (day, seconds) =>
  messageDate(day, seconds).replace(/^(\d+)-(\d+)-(\d+)/, "$1/$2/$3");
/** C4: `09 Mar 2026`. */
const connectedDate = (day) => {
  const [y, m, d] = civil(day);
  return `${pad(d)} ${MONTHS[m - 1]} ${y}`;
};

/** A name as the core cleans it (src/network/text.rs clean_text, 300 chars). */
export function cleanName(/** @type {string} */ text) {
  const collapsed = text.split(/\s+/u).filter(Boolean).join(" ");
  const kept = Array.from(collapsed)
    .filter((c) => !/\p{Cc}/u.test(c) && c !== "\u200b" && c !== "\ufeff")
    .slice(0, NAME_MAX_CHARS)
    .join("");
  return kept.trimEnd();
}

/** Whether every character of `text` is ASCII. */
function isAscii(/** @type {string} */ text) {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** A CSV cell, quoted when it must be (or always). */
const cell = (/** @type {string} */ value, always = false) =>
  always ||
  value.includes('"') ||
  value.includes(",") ||
  value.includes("\n") ||
  value.includes("\r")
    ? `"${value.replaceAll('"', '""')}"`
    : value;

// Fictional names: syllables, so 30,000 people all have different ones.
const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ren",
  "sa",
  "to",
  "vi",
  "da",
  "no",
  "el",
  "ar",
  "be",
  "co",
  "fi",
  "ga",
  "hu",
  "ja",
  "ly",
  "mo",
  "pe",
];
const firstOf = (i) => {
  const s = SYLLABLES;
  const text = s[i % 20] + s[Math.floor(i / 20) % 20];
  return text[0].toUpperCase() + text.slice(1);
};
const lastOf = (i) => {
  // With firstOf, unique up to 160,000 people: a name names one person.
  const s = SYLLABLES;
  const text = s[Math.floor(i / 400) % 20] + s[Math.floor(i / 8_000) % 20] + "ston";
  return text[0].toUpperCase() + text.slice(1);
};

/** Names that try to break a reader or a page (formula, RTL override, emoji, length, quotes, credentials). */
const HOSTILE = [
  ['=HYPERLINK("http://evil.example")', "Formula"],
  ["\u202eRtl", "Override"],
  ["Zoë 🚀", "Ünïcödé 👩‍💻"],
  ["Long", "Name".repeat(80)],
  ['Jo "JJ"', "O'Neil"],
  ["Dana", "Doe, PhD"],
  ["@cmd", "+SUM(1)"],
];

/**
 * @typedef {object} ArchivePerson
 * @property {string} slug
 * @property {string} firstName
 * @property {string} lastName
 * @property {string} connectedOn ISO date
 */

/**
 * The files of an archive and the digest they must give.
 *
 * @param {object} [options]
 * @param {number | ArchivePerson[]} [options.connections] how many connections to invent, or the people (the mock site's, so an archive matches its network)
 * @param {number} [options.messages] messages counted (drafts, sponsored rows and notes to self come on top)
 * @param {number} [options.seed]
 * @param {"2026" | "2023" | "2021"} [options.layout] the era whose headers, quoting and links each file has
 * @param {boolean} [options.folder] every file under a top folder, `Complete_LinkedInDataExport_<date>/`
 * @param {string} [options.today] ISO date of the archive: the newest row is on it
 * @param {number} [options.level] deflate level of the ZIP (makeArchive), 6 by default
 * @param {{ hostile?: boolean, drafts?: boolean, groups?: boolean, noise?: boolean, others?: boolean, crlf?: boolean, bom?: boolean }} [options.extras]
 *   hostile names; IS MESSAGE DRAFT column with drafts; group conversations (default on); sponsored
 *   rows and notes to self (default on); the files netprune ignores (default on); CRLF line ends; a BOM
 */
export function makeArchiveFiles({
  connections = 200,
  messages = 1_000,
  seed = 1,
  layout = "2026",
  folder = false,
  today = "2026-03-09",
  extras = {},
} = {}) {
  const { hostile = false, drafts = false, groups = true, noise = true, others = true } = extras;
  const random = mulberry32(seed);
  const int = (n) => Math.floor(random() * n);
  const todayDay = dayOfIso(today);
  const urls = layout !== "2021";
  const urlOf = (slug) => `https://www.linkedin.com/in/${encodeURIComponent(slug)}`;

  /** @type {ArchivePerson[]} */
  const people = Array.isArray(connections)
    ? connections
    : Array.from({ length: connections }, (_, i) => {
        let [firstName, lastName] = [firstOf(i), lastOf(i)];
        if (hostile && i < HOSTILE.length) [firstName, lastName] = HOSTILE[i];
        const slug = `${firstOf(i)}-${lastOf(i)}-${i.toString(36)}`.toLowerCase();
        const connectedOn = new Date((todayDay - 30 - int(6_000)) * DAY_MS)
          .toISOString()
          .slice(0, 10);
        return { slug, firstName, lastName, connectedOn };
      });
  const owner = { slug: `morgan-owner-${seed}`, firstName: "Morgan", lastName: "Owner" };
  const nameOf = (p) => `${p.firstName} ${p.lastName}`;
  const ownerName = nameOf(owner);
  const ownerUrl = urlOf(owner.slug);
  const names = people.map(nameOf);
  const links = people.map((p) => urlOf(p.slug));
  // A row naming someone by name only joins the one linked person with that
  // name; with two people of one name it joins neither. So rows that name
  // people by name only (recommendations; invitations before 2023;
  // endorsements and messages' recipients in 2021) name only people whose
  // name is theirs alone, and `expected` stays exact for any people given.
  const foldName = (name) => cleanName(name).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const nameCount = new Map();
  const folded = names.map(foldName);
  for (const f of folded) nameCount.set(f, (nameCount.get(f) ?? 0) + 1);
  const unique = folded.map((f) => nameCount.get(f) === 1);

  // What the digest must say, per person (by index), built while writing.
  /** @type {Map<number, any>} */
  const found = new Map();
  const of = (i) => {
    let entry = found.get(i);
    if (!entry) {
      entry = { conversations: new Set(), sent: 0, received: 0, first: null, last: null };
      entry.endorsementsGiven = entry.endorsementsReceived = 0;
      entry.recommendationsGiven = entry.recommendationsReceived = 0;
      found.set(i, entry);
    }
    return entry;
  };
  /** People some row names with a profile link: the digest keys them by slug. */
  const linked = new Set();
  let newest = -Infinity;
  const seen = (day) => (newest = Math.max(newest, day));
  const marker = (text) => `${MARKER} ${text}`;
  const fileRows = {};

  // ---- messages.csv
  // Every messages.csv column in LinkedIn's order; each era is a subset
  // (research notes, section 2): 2021 has no recipient links, 2023 no
  // attachments, and drafts add IS MESSAGE DRAFT.
  const ALL_COLUMNS = [
    "CONVERSATION ID",
    "CONVERSATION TITLE",
    "FROM",
    "SENDER PROFILE URL",
    "TO",
    "RECIPIENT PROFILE URLS",
    "DATE",
    "SUBJECT",
    "CONTENT",
    "FOLDER",
    "ATTACHMENTS",
    "IS MESSAGE DRAFT",
  ];
  const absent = new Set(
    layout === "2021"
      ? ["RECIPIENT PROFILE URLS", "ATTACHMENTS"]
      : layout === "2023"
        ? ["ATTACHMENTS"]
        : [],
  );
  if (!drafts) absent.add("IS MESSAGE DRAFT");
  const columns = ALL_COLUMNS.filter((c) => !absent.has(c));
  const order = columns.map((c) => ALL_COLUMNS.indexOf(c));
  const quoteAll = layout === "2026";
  const messageLines = [columns.map((c) => cell(c, quoteAll)).join(",")];
  let draftRows = 0;
  let sponsoredRows = 0;
  let selfRows = 0;
  const writeMessage = ({
    conversation,
    title,
    sender,
    recipients,
    day,
    seconds,
    draft = false,
  }) => {
    const name = (i) => (i < 0 ? ownerName : names[i]);
    const link = (i) => (i < 0 ? ownerUrl : links[i]);
    const many = recipients.length !== 1;
    // In the order of ALL_COLUMNS; each layout writes its own.
    const values = [
      conversation,
      title,
      sender === null ? "LinkedIn Member" : name(sender),
      sender === null ? "" : link(sender),
      many ? recipients.map(name).join(", ") : name(recipients[0]),
      many ? recipients.map(link).join(",") : link(recipients[0]),
      messageDate(day, seconds),
      `${MARKER} subject`,
      int(10) === 0
        ? `${MARKER} line one, "quoted"\nline two\n\nline four ${int(1e6)}`
        : `${MARKER} hello ${int(1e6)}`,
      "INBOX",
      int(20) === 0 ? `https://www.linkedin.com/dms/prv/${MARKER}/${int(1e9)}` : "",
      draft ? "Yes" : "No",
    ];
    let line = "";
    for (let c = 0; c < order.length; c += 1) {
      if (c > 0) line += ",";
      line += cell(values[order[c]], quoteAll);
    }
    messageLines.push(line);
  };
  const conversationId = () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let id = "2-";
    for (let k = 0; k < 32; k += 1) id += alphabet[int(64)];
    return `${id}==`;
  };
  // A third of the network talks with the member, some of them a lot.
  const pool = people.map((_, i) => i).filter((i) => urls || unique[i]);
  const talkers = Math.max(1, Math.ceil(pool.length / 3));
  let counted = 0;
  let conversationCount = 0;
  const pick = () => pool[Math.min(talkers - 1, Math.floor(talkers * random() ** 2))];
  while (counted < messages && pool.length > 0) {
    const others = [pick()];
    if (groups && people.length > 3 && int(20) === 0) {
      for (let extra = 1 + int(3); extra > 0; extra -= 1) {
        const another = pool[int(pool.length)];
        if (!others.includes(another)) others.push(another);
      }
    }
    const length = Math.min(messages - counted, 1 + Math.floor(random() ** 2 * 12));
    const id = conversationId();
    const title = others.length > 1 ? marker("group title") : "";
    // M3: a conversation's rows newest first; the first one ends today.
    let day = conversationCount === 0 ? todayDay : todayDay - int(4_000);
    const rows = [];
    for (let k = 0; k < length; k += 1) {
      const fromOwner = random() < 0.5;
      const sender = fromOwner ? -1 : others[int(others.length)];
      const recipients = [-1, ...others].filter((r) => r !== sender);
      rows.push({ conversation: id, title, sender, recipients, day, seconds: int(86_400) });
      day -= int(30);
    }
    for (const row of rows) {
      writeMessage(row);
      seen(row.day);
      const count = (i, field) => {
        const entry = of(i);
        entry[field] += 1;
        entry.conversations.add(id);
        entry.first = entry.first === null ? row.day : Math.min(entry.first, row.day);
        entry.last = entry.last === null ? row.day : Math.max(entry.last, row.day);
      };
      if (row.sender === -1) {
        for (const r of others) count(r, "sent");
      } else {
        count(row.sender, "received");
      }
      // Who a row gives a link to: everyone in it, or (2021) its sender only (M6).
      if (urls) for (const i of others) linked.add(i);
      else if (row.sender >= 0) linked.add(row.sender);
    }
    counted += length;
    conversationCount += 1;
  }
  if (noise && people.length > 0) {
    // M10: sponsored rows from "LinkedIn Member" with no link; notes to self.
    for (let k = 0; k < Math.max(1, Math.floor(messages / 1_000)); k += 1) {
      writeMessage({
        conversation: conversationId(),
        title: marker("Sponsored Conversation"),
        sender: null,
        recipients: [-1],
        day: todayDay - 1 - int(900),
        seconds: int(86_400),
      });
      sponsoredRows += 1;
    }
    const self = conversationId();
    writeMessage({
      conversation: self,
      title: "",
      sender: -1,
      recipients: [-1],
      day: todayDay - 2,
      seconds: 5,
    });
    selfRows += 1;
  }
  if (drafts && people.length > 0) {
    for (let k = 0; k < Math.max(1, Math.floor(messages / 500)); k += 1) {
      // A draft to someone never messaged otherwise would make them appear: it must not.
      writeMessage({
        conversation: conversationId(),
        title: "",
        sender: -1,
        recipients: [people.length - 1],
        day: todayDay - 3,
        seconds: 7,
        draft: true,
      });
      draftRows += 1;
    }
  }
  const files = {};
  const prefix = folder
    ? `Complete_LinkedInDataExport_${today.slice(5, 7)}-${today.slice(8, 10)}-${today.slice(0, 4)}/`
    : "";
  const put = (name, lines) => {
    const eol = extras.crlf ? "\r\n" : "\n";
    files[prefix + name] = (extras.bom ? "\ufeff" : "") + lines.join(eol) + eol;
  };
  put("messages.csv", messageLines);
  fileRows[prefix + "messages.csv"] = {
    kind: "messages",
    rows: messageLines.length - 1,
    skipped: draftRows + sponsoredRows + selfRows,
  };

  // ---- Invitations.csv: a recent window of the network (I9), some people twice.
  const invitationColumns = ["From", "To", "Sent At", "Message", "Direction"];
  if (layout === "2026") invitationColumns.push("inviterProfileUrl", "inviteeProfileUrl");
  const invitationLines = [invitationColumns.join(",")];
  const invitations = new Map();
  for (let i = 0; i < people.length; i += 1) {
    if (random() >= 0.08 || (layout !== "2026" && !unique[i])) continue;
    const connected = dayOfIso(people[i].connectedOn);
    const times = int(25) === 0 ? 2 : 1;
    for (let t = 0; t < times; t += 1) {
      const day = connected - t * 400 - int(10);
      const outgoing = random() < 0.5;
      const [from, to] = outgoing ? [owner, people[i]] : [people[i], owner];
      const row = [
        nameOf(from),
        nameOf(to),
        invitationDate(day, int(86_400)),
        // I7: most real notes are empty; here every one holds the marker.
        int(3) === 0 ? marker("note, with a comma") : marker("hi"),
        outgoing ? "OUTGOING" : "INCOMING",
      ];
      if (layout === "2026") row.push(urlOf(from.slug), urlOf(to.slug));
      invitationLines.push(row.map((c) => cell(c)).join(","));
      seen(day);
      const latest = invitations.get(i);
      if (!latest || day > latest.day)
        invitations.set(i, { day, by: outgoing ? "member" : "them" });
    }
    of(i);
    if (layout === "2026") linked.add(i);
  }
  put("Invitations.csv", invitationLines);
  fileRows[prefix + "Invitations.csv"] = {
    kind: "invitations",
    rows: invitationLines.length - 1,
    skipped: 0,
  };

  // ---- Endorsements (E1-E5: Public Url since mid-2023, without a scheme).
  const endorsements = (who, field, fileName) => {
    const withUrl = layout !== "2021";
    const header = ["Endorsement Date", "Skill Name", `${who} First Name`, `${who} Last Name`];
    if (withUrl) header.push(`${who} Public Url`);
    header.push("Endorsement Status");
    const lines = [header.join(",")];
    let skipped = 0;
    for (let i = 0; i < people.length; i += 1) {
      if (random() >= 0.05 || (!withUrl && !unique[i])) continue;
      const hidden = int(40) === 0;
      for (let k = 1 + int(3); k > 0; k -= 1) {
        const day = todayDay - 1 - int(3_000);
        const p = people[i];
        const row = [
          endorsementDate(day, int(86_400)),
          `Skill ${int(50)}`,
          p.firstName,
          p.lastName,
        ];
        if (withUrl) row.push(`www.linkedin.com/in/${encodeURIComponent(p.slug)}`);
        row.push(hidden ? "HIDDEN" : "ACCEPTED");
        lines.push(row.map((c) => cell(c)).join(","));
        if (hidden) {
          skipped += 1;
          continue;
        }
        seen(day);
        of(i)[field] += 1;
        if (withUrl) linked.add(i);
      }
    }
    put(fileName, lines);
    fileRows[prefix + fileName] = {
      kind: field === "endorsementsReceived" ? "endorsementsReceived" : "endorsementsGiven",
      rows: lines.length - 1,
      skipped,
    };
  };
  endorsements("Endorser", "endorsementsReceived", "Endorsement_Received_Info.csv");
  endorsements("Endorsee", "endorsementsGiven", "Endorsement_Given_Info.csv");

  // ---- Recommendations (E6-E10): one header for both, the other person's name.
  const recommendations = (field, fileName, status) => {
    const lines = ["First Name,Last Name,Company,Job Title,Text,Creation Date,Status"];
    for (let i = 0; i < people.length; i += 1) {
      if ((random() >= 0.01 && i !== 0) || !unique[i]) continue;
      const day = todayDay - 1 - int(3_000);
      const p = people[i];
      lines.push(
        [
          p.firstName,
          p.lastName,
          "Acme, Inc.",
          "Engineer",
          `${MARKER} "great"\nworker`,
          recommendationDate(day, int(86_400)),
          status,
        ]
          .map((c) => cell(c))
          .join(","),
      );
      seen(day);
      of(i)[field] += 1;
    }
    put(fileName, lines);
    fileRows[prefix + fileName] = { kind: field, rows: lines.length - 1, skipped: 0 };
  };
  recommendations("recommendationsReceived", "Recommendations_Received.csv", "VISIBLE");
  recommendations("recommendationsGiven", "Recommendations_Given.csv", "");

  // ---- Connections.csv (C1-C5): the preamble; no URL column in 2021 (C3).
  const connectionHeader = [
    "First Name",
    "Last Name",
    ...(urls ? ["URL"] : []),
    "Email Address",
    "Company",
    "Position",
    "Connected On",
  ];
  const connectionLines = [
    "Notes:",
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    "",
    connectionHeader.join(","),
  ];
  for (const p of people) {
    const day = dayOfIso(p.connectedOn);
    seen(day);
    const row = [
      p.firstName,
      p.lastName,
      ...(urls ? [urlOf(p.slug)] : []),
      "",
      "Acme, Inc.",
      "Engineer",
      connectedDate(day),
    ];
    connectionLines.push(row.map((c) => cell(c)).join(","));
  }
  put("Connections.csv", connectionLines);
  fileRows[prefix + "Connections.csv"] = { kind: "connections", rows: people.length, skipped: 0 };

  if (others) {
    // Z4, Z6, Z8: files netprune passes over.
    put("Profile.csv", [
      "First Name,Last Name,Maiden Name,Address,Birth Date,Headline",
      "Morgan,Owner,,,,Builder",
    ]);
    put("Skills.csv", ["Name", "Rust"]);
    put("guide_messages.csv", [columns.join(",")]);
    put("learning_coach_messages.csv", [columns.join(",")]);
    put("Jobs/Job Applications.csv", ["Application Date,Company Name", "1/1/26,Acme"]);
    files[`${prefix}Articles/Articles/a-post.html`] = `<html><body>${MARKER}</body></html>`;
  }

  // ---- The digest the reader must produce.
  const interactionOf = (i) => {
    const e = found.get(i);
    const out = {};
    if (e.conversations.size) out.conversations = e.conversations.size;
    if (e.sent) out.sent = e.sent;
    if (e.received) out.received = e.received;
    if (e.first !== null) out.firstMessage = e.first;
    if (e.last !== null) out.lastMessage = e.last;
    const invitation = invitations.get(i);
    if (invitation) {
      out.invitedBy = invitation.by;
      out.invitedOn = invitation.day;
    }
    for (const field of [
      "endorsementsGiven",
      "endorsementsReceived",
      "recommendationsGiven",
      "recommendationsReceived",
    ]) {
      if (e[field]) out[field] = e[field];
    }
    return out;
  };
  /** @type {Record<string, object>} */
  const bySlug = {};
  const counterparts = [];
  for (const i of [...found.keys()].sort((a, b) => a - b)) {
    const interaction = interactionOf(i);
    if (Object.keys(interaction).length === 0) continue;
    const p = people[i];
    bySlug[p.slug] = interaction;
    const name = cleanName(nameOf(p));
    counterparts.push(linked.has(i) ? { slug: p.slug, name, interaction } : { name, interaction });
  }
  const bytes = (s) => new TextEncoder().encode(s);
  // The core sorts by bytes; for ASCII that is JavaScript's own order.
  const compare = (a, b) => {
    if (isAscii(a) && isAscii(b)) return a < b ? -1 : a > b ? 1 : 0;
    const [x, y] = [bytes(a), bytes(b)];
    for (let k = 0; k < Math.min(x.length, y.length); k += 1) if (x[k] !== y[k]) return x[k] - y[k];
    return x.length - y.length;
  };
  counterparts.sort((a, b) => {
    if (!a.slug !== !b.slug) return a.slug ? -1 : 1;
    return compare(a.slug ?? "", b.slug ?? "") || compare(a.name, b.name);
  });
  const messaged = (slug) => bySlug[slug]?.sent || bySlug[slug]?.received;
  const expected = {
    owner: { slug: owner.slug, name: ownerName },
    ...(Number.isFinite(newest) ? { archiveDay: newest } : {}),
    kinds: [
      "connections",
      "messages",
      "invitations",
      "endorsementsReceived",
      "endorsementsGiven",
      "recommendationsReceived",
      "recommendationsGiven",
    ],
    messages: counted,
    conversations: conversationCount,
    /** The digest's counterparts, exactly (slug only where a row linked them). */
    counterparts,
    /** Each connection's interaction by their real slug (absent: none at all). */
    people: bySlug,
    /** Slugs of connections with no message either way. */
    neverMessaged: people.filter((p) => !messaged(p.slug)).map((p) => p.slug),
    /** Slugs whose latest invitation came from them / from the member. */
    invitedMe: people.filter((p) => bySlug[p.slug]?.invitedBy === "them").map((p) => p.slug),
    invitedThem: people.filter((p) => bySlug[p.slug]?.invitedBy === "member").map((p) => p.slug),
    /** Slug to the day of the last message either way. */
    lastMessage: Object.fromEntries(
      Object.entries(bySlug)
        .filter(([, i]) => i.lastMessage !== undefined)
        .map(([slug, i]) => [slug, i.lastMessage]),
    ),
    /** Per file read: its kind, data rows and rows left out. */
    files: fileRows,
    marker: MARKER,
  };
  return { files, expected, people, owner };
}

/**
 * Zips files as LinkedIn's archive is zipped (deflate).
 * @param {Record<string, string | Uint8Array>} files
 * @param {{ level?: number }} [options] deflate level, 1 (fastest) to 9; 6 by default
 * @returns {Promise<Uint8Array>}
 */
export async function zipFiles(files, { level = 6 } = {}) {
  const JSZip = globalThis.JSZip ?? (await import("jszip")).default;
  const zip = new JSZip();
  // Bytes, not strings: the platform's TextEncoder is far faster than JSZip's own.
  const encoder = new TextEncoder();
  for (const [name, content] of Object.entries(files)) {
    zip.file(name, typeof content === "string" ? encoder.encode(content) : content);
  }
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level },
  });
}

/**
 * An archive: its files' text, the ZIP, and the digest the reader must give.
 * @param {Parameters<typeof makeArchiveFiles>[0]} [options]
 */
export async function makeArchive(options = {}) {
  const { files, expected } = makeArchiveFiles(options);
  return { files, zip: await zipFiles(files, { level: options.level }), expected };
}
