// @ts-check
// The core's search folding (src/search/fold.rs), in JavaScript, for the
// tuned JavaScript contestants of the bench: lower case, accents off, every
// run of whitespace one space, nothing leading or trailing. The four block
// tables are the core's, byte for byte; bench/run.mjs reads them out of
// fold.rs before every run and stops if they differ, so this port cannot
// drift silently. The rest (the expansions, the dropped code points, the
// letters outside the blocks, Rust's `char::is_whitespace`) is ported by
// hand; every answer the bench times is also checked equal to the core's.

/** U+00C0–U+00FF. */
export const LATIN_1 =
  "aaaaaa0ceeeeiiii" + "dnooooo.ouuuuy12" + "aaaaaa0ceeeeiiii" + "dnooooo.ouuuuy1y";
/** U+0100–U+017F. */
export const LATIN_EXTENDED_A =
  "aaaaaaccccccccdd" +
  "ddeeeeeeeeeegggg" +
  "gggghhhhiiiiiiii" +
  "ii33jjkkklllllll" +
  "lllnnnnnnnnnoooo" +
  "oo44rrrrrrssssss" +
  "ssttttttuuuuuuuu" +
  "uuuuwwyyyzzzzzzs";
/** U+0180–U+024F. */
export const LATIN_EXTENDED_B =
  "bbbb..occdddd.ee" +
  "effg.9iikkl..nno" +
  "oo..pp.....ttttu" +
  "u.vyyzz........." +
  "....555666777aai" +
  "ioouuuuuuuuuueaa" +
  "aa00ggggkkoooo.." +
  "j555gg9.nnaa00oo" +
  "aaaaeeeeiiiioooo" +
  "rrrruuuusstt..hh" +
  "nd88zzaaeeoooooo" +
  "ooyylntjBCacclts" +
  "z..bu.eejjqqrryy";
/** U+1E00–U+1EFF. */
export const LATIN_EXTENDED_ADDITIONAL =
  "aabbbbbbccdddddd" +
  "ddddeeeeeeeeeeff" +
  "gghhhhhhhhhhiiii" +
  "kkkkkkllllllllmm" +
  "mmmmnnnnnnnnoooo" +
  "oooopppprrrrrrrr" +
  "sssssssssstttttt" +
  "ttuuuuuuuuuuvvvv" +
  "wwwwwwwwwwxxxxyy" +
  "zzzzzzhtwyasss2." +
  "aaaaaaaaaaaaaaaa" +
  "aaaaaaaaeeeeeeee" +
  "eeeeeeeeiiiioooo" +
  "oooooooooooooooo" +
  "oooouuuuuuuuuuuu" +
  "uuyyyyyyyyAAvvyy";

/** @type {Record<string, string>} */
const EXPANSION = {
  0: "ae",
  1: "th",
  2: "ss",
  3: "ij",
  4: "oe",
  5: "dz",
  6: "lj",
  7: "nj",
  8: "ou",
  9: "hv",
  A: "ll",
  B: "db",
  C: "qp",
};

/** Letters outside the block tables (fold.rs `other`). */
const OTHER = new Map(
  Object.entries({
    ª: "a",
    ⱥ: "a",
    ɓ: "b",
    ɖ: "d",
    ɗ: "d",
    ə: "e",
    ɛ: "e",
    ɠ: "g",
    ɨ: "i",
    ɩ: "i",
    ɲ: "n",
    º: "o",
    ɔ: "o",
    ɵ: "o",
    ʈ: "t",
    ⱦ: "t",
    ʉ: "u",
    ʋ: "v",
    ﬀ: "ff",
    ﬁ: "fi",
    ﬂ: "fl",
    ﬃ: "ffi",
    ﬄ: "ffl",
    ﬅ: "st",
    ﬆ: "st",
  }).map(([c, folded]) => [/** @type {number} */ (c.codePointAt(0)), folded]),
);

/** Rust's `char::is_whitespace` (White_Space), which differs from JavaScript's `\s`. */
function isWhitespace(/** @type {number} */ code) {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** The table's folding of `code`: a string ("" = dropped), or undefined when it knows none. */
function lookup(/** @type {number} */ code) {
  /** @param {string} table @param {number} first */
  const fromBlock = (table, first) => {
    const byte = table[code - first];
    if (byte >= "a" && byte <= "z") return byte;
    return EXPANSION[byte];
  };
  if (code >= 0xc0 && code <= 0xff) return fromBlock(LATIN_1, 0xc0);
  if (code >= 0x100 && code <= 0x17f) return fromBlock(LATIN_EXTENDED_A, 0x100);
  if (code >= 0x180 && code <= 0x24f) return fromBlock(LATIN_EXTENDED_B, 0x180);
  if (code >= 0x1e00 && code <= 0x1eff) return fromBlock(LATIN_EXTENDED_ADDITIONAL, 0x1e00);
  if (code >= 0x300 && code <= 0x36f) return "";
  if (code === 0xad || code === 0x200b || code === 0x2060 || code === 0xfeff) return "";
  return OTHER.get(code);
}

/** Plain ASCII without tabs, line breaks or doubled spaces: only needs lower-casing. */
const TIDY_ASCII = /^(?! )(?:[\x21-\x7e]| (?! ))*$/;

/**
 * Folds `text` as the core folds it for search.
 * @param {string} text
 * @returns {string}
 */
export function fold(text) {
  if (TIDY_ASCII.test(text)) return text.toLowerCase();
  let out = "";
  let spacePending = false;
  /** @param {string} s */
  const emit = (s) => {
    if (s === "") return;
    if (spacePending) {
      out += " ";
      spacePending = false;
    }
    out += s;
  };
  for (const c of text) {
    const code = /** @type {number} */ (c.codePointAt(0));
    if (isWhitespace(code)) {
      spacePending = out.length > 0;
      continue;
    }
    if (code < 0x80) {
      emit(c.toLowerCase());
      continue;
    }
    const mapped = lookup(code);
    if (mapped !== undefined) {
      emit(mapped);
      continue;
    }
    for (const lower of c.toLowerCase()) {
      const again = lookup(/** @type {number} */ (lower.codePointAt(0)));
      emit(again ?? lower);
    }
  }
  return out;
}
