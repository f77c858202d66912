// @ts-check
// The data archive import's contestants (bench/page.js runs them):
//
// - core: `new ArchiveReader()`, `add(name, zipBytes)`, `finish()` and the
//   digest's JSON parsed, as the review page will do it.
// - JSZip + papaparse: what a careful author writes in JavaScript alone.
//   JSZip unzips each wanted file (found by base name at any depth), each is
//   decoded to a string and handed to papaparse in 4 MB chunks with arrays
//   rather than objects per row (columns located once by name); rows are
//   reduced as they come, with the core's rules: the member is whoever is
//   in the most conversations, drafts and "LinkedIn Member" rows are left
//   out, a name-only row joins the one linked person with its (folded)
//   name, the latest invitation wins, only ACCEPTED/VISIBLE/empty
//   endorsements and recommendations count.
//
// Both give per-person counts; bench/page.js checks them equal before timing.

import { fold } from "/bench/fold.js";

const DAY_MS = 86_400_000;
const WANTED = new Set([
  "messages.csv",
  "invitations.csv",
  "endorsement_received_info.csv",
  "endorsement_given_info.csv",
  "recommendations_received.csv",
  "recommendations_given.csv",
]);

/** The day of any of the archive's date styles (M1, I5, E1, E6), or null. */
function dayOf(/** @type {string} */ text) {
  const t = text.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(t);
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}),/.exec(t);
  if (m) return Date.UTC(2000 + +m[3], +m[1] - 1, +m[2]) / DAY_MS;
  return null;
}

/** The slug of a profile link, with or without its scheme, or "". */
function slugOf(/** @type {string} */ url) {
  const at = url.indexOf("/in/");
  if (at === -1) return "";
  let slug = url.slice(at + 4);
  const end = slug.search(/[/?#]/);
  if (end !== -1) slug = slug.slice(0, end);
  try {
    return decodeURIComponent(slug).toLowerCase();
  } catch {
    return "";
  }
}

const clean = (/** @type {string} */ name) => name.split(/\s+/).filter(Boolean).join(" ");

/** Everyone the files name: by slug when linked, else by folded name. */
class People {
  constructor() {
    /** @type {Map<string, number>} */ this.ids = new Map();
    /** @type {{ slug: string, name: string, folded: Set<string> }[]} */ this.list = [];
  }
  /** @param {string} url @param {string} rawName */
  id(url, rawName) {
    const key = `${url}\u0000${rawName}`;
    let id = this.ids.get(key);
    if (id !== undefined) return id;
    const slug = slugOf(url);
    const name = clean(rawName);
    const folded = name ? fold(name) : "";
    const main = slug ? `s:${slug}` : folded ? `n:${folded}` : "";
    if (!main) return -1;
    id = this.ids.get(main);
    if (id === undefined) {
      id = this.list.length;
      this.list.push({ slug, name, folded: new Set() });
      this.ids.set(main, id);
    }
    const person = this.list[id];
    if (!person.name) person.name = name;
    if (folded) person.folded.add(folded);
    this.ids.set(key, id);
    return id;
  }
  /** For every id, the id it stands for (a name joins the one linked person with it). */
  canonical() {
    /** @type {Map<string, number>} */ const linked = new Map();
    this.list.forEach((p, id) => {
      if (!p.slug) return;
      for (const f of p.folded) linked.set(f, linked.has(f) && linked.get(f) !== id ? -1 : id);
    });
    return this.list.map((p, id) => {
      if (p.slug) return id;
      const [f] = p.folded;
      const one = linked.get(f);
      return one !== undefined && one !== -1 ? one : id;
    });
  }
}

/**
 * Parses `text` in chunks of arrays, calling `row(cells, column)` per data row.
 * @param {string} text
 * @param {(cells: string[], column: (name: string) => number) => void} row
 * @param {() => void} [onChunk]
 */
function eachRow(text, row, onChunk) {
  /** @type {Map<string, number> | null} */
  let header = null;
  const column = (/** @type {string} */ name) => header?.get(name) ?? -1;
  globalThis.Papa.parse(text, {
    skipEmptyLines: true,
    chunkSize: 4 * 1024 * 1024,
    chunk(/** @type {{ data: string[][] }} */ results) {
      for (const cells of results.data) {
        if (!header) {
          header = new Map(
            cells.map((c, i) => [
              c
                .replace(/^\ufeff/, "")
                .trim()
                .toLowerCase(),
              i,
            ]),
          );
          continue;
        }
        row(cells, column);
      }
      onChunk?.();
    },
  });
}

const empty = () => ({
  conversations: 0,
  sent: 0,
  received: 0,
  firstMessage: null,
  lastMessage: null,
  invitedBy: null,
  invitedOn: null,
  endorsementsGiven: 0,
  endorsementsReceived: 0,
  recommendationsGiven: 0,
  recommendationsReceived: 0,
});

/**
 * The JavaScript contestant: the per-person interactions of an archive ZIP.
 * @param {Uint8Array} bytes
 */
export async function jsArchive(bytes) {
  let peakHeap = 0;
  const sampleHeap = () => {
    // @ts-ignore Chromium's performance.memory
    peakHeap = Math.max(peakHeap, performance.memory?.usedJSHeapSize ?? 0);
  };
  // @ts-ignore the UMD build's global
  const zip = await globalThis.JSZip.loadAsync(bytes);
  /** @type {Map<string, any>} */
  const entries = new Map();
  zip.forEach((/** @type {string} */ path, /** @type {any} */ entry) => {
    const base = path.split("/").pop()?.toLowerCase() ?? "";
    if (!entry.dir && WANTED.has(base) && !entries.has(base)) entries.set(base, entry);
  });
  const text = async (/** @type {string} */ name) => {
    const entry = entries.get(name);
    return entry ? /** @type {Promise<string>} */ (entry.async("string")) : "";
  };
  const people = new People();

  // messages.csv: rows kept compact, the member found once all are in.
  const conv = [];
  const sender = [];
  const day = [];
  const recipientStart = [];
  const recipients = [];
  /** @type {Map<string, number>} */
  const conversations = new Map();
  eachRow(
    await text("messages.csv"),
    (cells, column) => {
      const draft = (cells[column("is message draft")] ?? "").trim().toLowerCase();
      const draft2 = (cells[column("is conversation draft")] ?? "").trim().toLowerCase();
      if (["yes", "true", "1"].includes(draft) || ["yes", "true", "1"].includes(draft2)) return;
      const from = cells[column("from")] ?? "";
      const url = cells[column("sender profile url")] ?? "";
      if (!url.trim() && clean(from).toLowerCase() === "linkedin member") return;
      const s = people.id(url, from);
      if (s === -1) return;
      const to = cells[column("to")] ?? "";
      const urls = (cells[column("recipient profile urls")] ?? "")
        .split(/[,;]/)
        .map((u) => u.trim())
        .filter(Boolean);
      const start = recipients.length;
      if (urls.length === 1) recipients.push(people.id(urls[0], to));
      else if (urls.length > 1) {
        const names = to.split(", ");
        for (let i = 0; i < urls.length; i += 1) {
          recipients.push(people.id(urls[i], names.length === urls.length ? names[i] : ""));
        }
      } else for (const name of to.split(", ")) recipients.push(people.id("", name));
      const id = cells[column("conversation id")]?.trim() ?? "";
      let c = conversations.get(id);
      if (c === undefined) conversations.set(id, (c = conversations.size));
      conv.push(c);
      sender.push(s);
      day.push(dayOf(cells[column("date")] ?? ""));
      recipientStart.push(start);
    },
    sampleHeap,
  );
  recipientStart.push(recipients.length);

  /** @type {{ other: number, member: number, by: string, day: number | null }[]} */
  const invitations = [];
  eachRow(
    await text("invitations.csv"),
    (cells, column) => {
      const direction = (cells[column("direction")] ?? "").trim().toUpperCase();
      const out = direction === "OUTGOING";
      if (!out && direction !== "INCOMING") return;
      const from = [cells[column("inviterprofileurl")] ?? "", cells[column("from")] ?? ""];
      const to = [cells[column("inviteeprofileurl")] ?? "", cells[column("to")] ?? ""];
      const [o, m] = out ? [to, from] : [from, to];
      const other = people.id(o[0], o[1]);
      if (other === -1) return;
      invitations.push({
        other,
        member: people.id(m[0], m[1]),
        by: out ? "member" : "them",
        day: dayOf(cells[column("sent at")] ?? ""),
      });
    },
    sampleHeap,
  );
  /** @type {[string, string, string][]} */
  const personFiles = [
    ["endorsement_received_info.csv", "endorser", "endorsementsReceived"],
    ["endorsement_given_info.csv", "endorsee", "endorsementsGiven"],
    ["recommendations_received.csv", "", "recommendationsReceived"],
    ["recommendations_given.csv", "", "recommendationsGiven"],
  ];
  /** @type {{ person: number, field: string }[]} */
  const personRows = [];
  for (const [file, who, field] of personFiles) {
    const counted = who ? "ACCEPTED" : "VISIBLE";
    eachRow(
      await text(file),
      (cells, column) => {
        const status = (cells[column(who ? "endorsement status" : "status")] ?? "")
          .trim()
          .toUpperCase();
        if (status && status !== counted) return;
        const prefix = who ? `${who} ` : "";
        const name = `${cells[column(`${prefix}first name`)] ?? ""} ${cells[column(`${prefix}last name`)] ?? ""}`;
        const person = people.id(who ? (cells[column(`${who} public url`)] ?? "") : "", name);
        if (person !== -1) personRows.push({ person, field });
      },
      sampleHeap,
    );
  }

  // The member: the most conversations (and invitations on their side).
  const canonical = people.canonical();
  const score = new Map();
  const seen = new Set();
  for (let m = 0; m < conv.length; m += 1) {
    const ids = [sender[m], ...recipients.slice(recipientStart[m], recipientStart[m + 1])];
    for (const raw of ids) {
      if (raw === -1) continue;
      const p = canonical[raw];
      const key = conv[m] * 2 ** 21 + p;
      const s = score.get(p) ?? [0, 0];
      s[1] += 1;
      if (!seen.has(key)) {
        seen.add(key);
        s[0] += 1;
      }
      score.set(p, s);
    }
  }
  for (const { member } of invitations) {
    if (member === -1) continue;
    const s = score.get(canonical[member]) ?? [0, 0];
    s[0] += 1;
    s[1] += 1;
    score.set(canonical[member], s);
  }
  let owner = -1;
  let best = [-1, -1];
  for (const [p, s] of score) {
    if (s[0] > best[0] || (s[0] === best[0] && s[1] > best[1])) [owner, best] = [p, s];
  }

  /** @type {Map<number, ReturnType<typeof empty>>} */
  const found = new Map();
  const at = (/** @type {number} */ p) => {
    let e = found.get(p);
    if (!e) found.set(p, (e = empty()));
    return e;
  };
  const talked = new Set();
  const touch = (/** @type {number} */ p, /** @type {number} */ m) => {
    const e = at(p);
    const d = day[m];
    if (d !== null) {
      e.firstMessage = e.firstMessage === null ? d : Math.min(e.firstMessage, d);
      e.lastMessage = e.lastMessage === null ? d : Math.max(e.lastMessage, d);
    }
    const key = conv[m] * 2 ** 21 + p;
    if (!talked.has(key)) {
      talked.add(key);
      e.conversations += 1;
    }
  };
  let messages = 0;
  const counted = new Set();
  for (let m = 0; m < conv.length; m += 1) {
    const s = canonical[sender[m]];
    if (s === owner) {
      const others = new Set();
      for (let r = recipientStart[m]; r < recipientStart[m + 1]; r += 1) {
        if (recipients[r] !== -1 && canonical[recipients[r]] !== owner) {
          others.add(canonical[recipients[r]]);
        }
      }
      if (others.size === 0) continue;
      for (const o of others) {
        at(o).sent += 1;
        touch(o, m);
      }
    } else {
      at(s).received += 1;
      touch(s, m);
    }
    messages += 1;
    counted.add(conv[m]);
  }
  for (const { other, by, day: d } of invitations) {
    const p = canonical[other];
    if (p === owner) continue;
    const e = at(p);
    const newer =
      e.invitedBy === null ||
      (e.invitedOn === null && d !== null) ||
      (e.invitedOn !== null && d !== null && d > e.invitedOn);
    if (newer) [e.invitedBy, e.invitedOn] = [by, d];
  }
  for (const { person, field } of personRows) {
    const p = canonical[person];
    if (p !== owner) /** @type {any} */ (at(p))[field] += 1;
  }
  sampleHeap();
  /** @type {Map<string, object>} */
  const byKey = new Map();
  for (const [p, e] of found) {
    const person = people.list[p];
    byKey.set(person.slug || `name:${person.name}`, e);
  }
  return { people: byKey, messages, conversations: counted.size, peakHeap };
}

/**
 * The core's digest as the same per-person map.
 * @param {{ counterparts: { slug?: string, name: string, interaction: any }[] }} digest
 */
export function digestPeople(digest) {
  /** @type {Map<string, object>} */
  const byKey = new Map();
  for (const c of digest.counterparts) {
    byKey.set(c.slug ?? `name:${c.name}`, { ...empty(), ...c.interaction });
  }
  return byKey;
}

/**
 * Where the two per-person maps differ first, or null.
 * @param {Map<string, any>} a
 * @param {Map<string, any>} b
 */
export function firstPersonDifference(a, b) {
  if (a.size !== b.size) return `${a.size} people against ${b.size}`;
  for (const [key, value] of a) {
    const other = b.get(key);
    if (!other) return `${key} missing`;
    for (const field of Object.keys(empty())) {
      if ((value[field] ?? null) !== (other[field] ?? null)) {
        return `${key}: ${field} ${value[field]} against ${other[field]}`;
      }
    }
  }
  return null;
}
