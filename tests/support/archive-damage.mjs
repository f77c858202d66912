// Damage for the data archive's page and end-to-end tests: a ZIP member
// whose deflated bytes are flipped mid-stream (the reader must refuse it as
// damaged and read the rest), and a member whose few bytes inflate to far
// more than any CSV of an archive (a zip bomb's ratio, refused unread).
// ZIPs as tests/support/archive.mjs's zipFiles writes them (JSZip: sizes in
// each local header).

/** The messages.csv header of every era (src/intake/archive). */
export const MESSAGES_HEADER =
  "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER";

/** A member declaring over 16 MB at about 1,000 to 1 (src/intake/archive/zipped.rs RATIO_FLOOR, MAX_RATIO). */
export const bombText = (bytes = 20_000_000) => `${MESSAGES_HEADER}\n${"0".repeat(bytes)}`;

/**
 * Flips 8 bytes in the middle of member `name`'s compressed data, in place.
 * @param {Uint8Array} zip
 * @param {string} name
 */
export function damageMember(zip, name) {
  const u16 = (at) => zip[at] | (zip[at + 1] << 8);
  const u32 = (at) => (u16(at) | (u16(at + 2) << 16)) >>> 0;
  let at = 0;
  while (u32(at) === 0x04034b50) {
    const size = u32(at + 18);
    const nameLength = u16(at + 26);
    const data = at + 30 + nameLength + u16(at + 28);
    const found = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength));
    if (found === name) {
      const middle = data + Math.floor(size / 2);
      for (let k = middle; k < middle + 8; k += 1) zip[k] ^= 0x5a;
      return zip;
    }
    at = data + size;
  }
  throw new Error(`no member ${name} in the ZIP`);
}
