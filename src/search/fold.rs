//! Text folding for search: lower case, accents off, whitespace collapsed.
//!
//! This module owns the one rule by which a query and a person's text are
//! made comparable, so `jose` finds "José", `lukasz` finds "Łukasz" and
//! `strasse` finds "Straße". The tables are written by hand for the Latin
//! letters members' names and employers actually use (Latin-1 Supplement,
//! Latin Extended-A, Latin Extended-B, the Vietnamese and other precomposed
//! letters of Latin Extended Additional, a few African letters from IPA
//! Extensions, and the f-ligatures); combining marks U+0300–U+036F are
//! dropped so decomposed input folds like precomposed input. It never pulls
//! in a Unicode normalization crate (the .wasm must stay small), and it never
//! transliterates other scripts: Greek, Cyrillic, CJK, Arabic, Hebrew and
//! emoji pass through, lower-cased where they have case.

/// Folds `text` for search: lower-cased, accent-insensitive, every run of
/// whitespace made one space, leading and trailing whitespace dropped.
///
/// The result never contains a newline (nor any other whitespace than
/// U+0020), which [`crate::search::query`] relies on to separate fields.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folding of `text` to `out`, without a temporary string.
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        fold_ascii_into(text, out);
        return;
    }
    let mut folder = Folder {
        start: out.len(),
        out,
        space_pending: false,
    };
    for c in text.chars() {
        folder.push(c);
    }
}

/// [`fold_into`] for ASCII text (most names, companies and titles), a byte
/// at a time: the same rule as [`Folder`], without decoding characters.
fn fold_ascii_into(text: &str, out: &mut String) {
    let start = out.len();
    let bytes = text.as_bytes();
    // Text already spaced as folding leaves it (the usual case: what the
    // page and the export give is cleaned on the way in) only needs its
    // letters lower-cased.
    let mut tidy = bytes.first() != Some(&b' ') && bytes.last() != Some(&b' ');
    let mut after_space = false;
    for &byte in bytes {
        let space = byte == b' ';
        let untidy = (space && after_space) || matches!(byte, b'\t'..=b'\r');
        tidy &= !untidy;
        after_space = space;
    }
    if tidy {
        out.push_str(text);
        if let Some(folded) = out.get_mut(start..) {
            folded.make_ascii_lowercase();
        }
        return;
    }
    out.reserve(text.len());
    let mut space_pending = false;
    for byte in text.bytes() {
        // The ASCII characters `char::is_whitespace` holds for.
        if matches!(byte, b'\t'..=b'\r' | b' ') {
            space_pending = out.len() > start;
        } else {
            if space_pending {
                out.push(' ');
                space_pending = false;
            }
            out.push(char::from(byte.to_ascii_lowercase()));
        }
    }
}

struct Folder<'a> {
    out: &'a mut String,
    /// Where this text's folding starts in `out`: a space is only ever
    /// written between two folded characters of this text.
    start: usize,
    space_pending: bool,
}

impl Folder<'_> {
    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.space_pending = self.out.len() > self.start;
            return;
        }
        if c.is_ascii() {
            self.emit(c.to_ascii_lowercase());
            return;
        }
        if self.push_mapped(c) {
            return;
        }
        for lower in c.to_lowercase() {
            // The lower case of a letter outside the tables can be inside
            // them (U+212B ANGSTROM SIGN lower-cases to U+00E5).
            if !self.push_mapped(lower) {
                self.emit(lower);
            }
        }
    }

    /// Writes the table's folding of `c`; false when the tables do not know it.
    fn push_mapped(&mut self, c: char) -> bool {
        match lookup(c) {
            None => false,
            Some(Folded::Drop) => true,
            Some(Folded::Letter(letter)) => {
                self.emit(char::from(letter));
                true
            }
            Some(Folded::Letters(letters)) => {
                for letter in letters.chars() {
                    self.emit(letter);
                }
                true
            }
        }
    }

    fn emit(&mut self, c: char) {
        if self.space_pending {
            self.out.push(' ');
            self.space_pending = false;
        }
        self.out.push(c);
    }
}

enum Folded {
    /// Invisible: combining marks, soft hyphens, zero-width spaces.
    Drop,
    /// One ASCII lower-case letter.
    Letter(u8),
    /// A ligature or sharp s: several ASCII letters.
    Letters(&'static str),
}

// The block tables hold one byte per code point: an ASCII letter is the
// folding, `.` means "no folding, lower-case it as Unicode does", and the
// other bytes name a several-letter folding (see `expansion`). Sixteen code
// points a line, so a line's first code point is in its comment.

/// U+00C0–U+00FF.
const LATIN_1: &[u8; 64] = b"\
    aaaaaa0ceeeeiiii\
    dnooooo.ouuuuy12\
    aaaaaa0ceeeeiiii\
    dnooooo.ouuuuy1y";
// 00C0 À..Ï, 00D0 Ð..ß (00D7 × kept), 00E0 à..ï, 00F0 ð..ÿ (00F7 ÷ kept)

/// U+0100–U+017F.
const LATIN_EXTENDED_A: &[u8; 128] = b"\
    aaaaaaccccccccdd\
    ddeeeeeeeeeegggg\
    gggghhhhiiiiiiii\
    ii33jjkkklllllll\
    lllnnnnnnnnnoooo\
    oo44rrrrrrssssss\
    ssttttttuuuuuuuu\
    uuuuwwyyyzzzzzzs";
// 0100 Ā, 0110 Đ, 0120 Ġ, 0130 İ (Ĳ ij), 0140 ŀ (Ł l, ŉ n), 0150 Ő (Œ oe),
// 0160 Š, 0170 Ű (ſ s)

/// U+0180–U+024F.
const LATIN_EXTENDED_B: &[u8; 208] = b"\
    bbbb..occdddd.ee\
    effg.9iikkl..nno\
    oo..pp.....ttttu\
    u.vyyzz.........\
    ....555666777aai\
    ioouuuuuuuuuueaa\
    aa00ggggkkoooo..\
    j555gg9.nnaa00oo\
    aaaaeeeeiiiioooo\
    rrrruuuusstt..hh\
    nd88zzaaeeoooooo\
    ooyylntjBCacclts\
    z..bu.eejjqqrryy";
// 0180 ƀ (Ə e), 0190 Ɛ (ƕ hv), 01A0 Ơ, 01B0 ư, 01C0 ǀ (Ǆ dz, Ǉ lj, Ǌ nj),
// 01D0 ǐ, 01E0 Ǡ (Ǣ ae), 01F0 ǰ, 0200 Ȁ, 0210 Ȑ (Ș s, Ț t), 0220 Ƞ (Ȣ ou),
// 0230 Ȱ (ȸ db, ȹ qp), 0240 ɀ

/// U+1E00–U+1EFF: Latin Extended Additional, Vietnamese included.
const LATIN_EXTENDED_ADDITIONAL: &[u8; 256] = b"\
    aabbbbbbccdddddd\
    ddddeeeeeeeeeeff\
    gghhhhhhhhhhiiii\
    kkkkkkllllllllmm\
    mmmmnnnnnnnnoooo\
    oooopppprrrrrrrr\
    sssssssssstttttt\
    ttuuuuuuuuuuvvvv\
    wwwwwwwwwwxxxxyy\
    zzzzzzhtwyasss2.\
    aaaaaaaaaaaaaaaa\
    aaaaaaaaeeeeeeee\
    eeeeeeeeiiiioooo\
    oooooooooooooooo\
    oooouuuuuuuuuuuu\
    uuyyyyyyyyAAvvyy";
// 1E00 Ḁ, 1E10 Ḑ, 1E20 Ḡ, 1E30 Ḱ, 1E40 Ṁ, 1E50 Ṑ, 1E60 Ṡ, 1E70 Ṱ, 1E80 Ẁ,
// 1E90 Ẑ (ẞ ss), 1EA0 Ạ, 1EB0 Ằ, 1EC0 Ề, 1ED0 Ố, 1EE0 Ỡ, 1EF0 Ự (Ỻ ll)

fn expansion(code: u8) -> Option<&'static str> {
    Some(match code {
        b'0' => "ae",
        b'1' => "th",
        b'2' => "ss",
        b'3' => "ij",
        b'4' => "oe",
        b'5' => "dz",
        b'6' => "lj",
        b'7' => "nj",
        b'8' => "ou",
        b'9' => "hv",
        b'A' => "ll",
        b'B' => "db",
        b'C' => "qp",
        _ => return None,
    })
}

fn lookup(c: char) -> Option<Folded> {
    let code = u32::from(c);
    let from_block = |table: &[u8], first: u32| {
        let byte = table.get((code - first) as usize).copied()?;
        if byte.is_ascii_lowercase() {
            Some(Folded::Letter(byte))
        } else {
            expansion(byte).map(Folded::Letters)
        }
    };
    match code {
        0x00C0..=0x00FF => from_block(LATIN_1, 0x00C0),
        0x0100..=0x017F => from_block(LATIN_EXTENDED_A, 0x0100),
        0x0180..=0x024F => from_block(LATIN_EXTENDED_B, 0x0180),
        0x1E00..=0x1EFF => from_block(LATIN_EXTENDED_ADDITIONAL, 0x1E00),
        // Combining diacritical marks: "e\u{301}" is how some sources write é.
        0x0300..=0x036F => Some(Folded::Drop),
        // Soft hyphen, zero-width space, word joiner, byte-order mark: never
        // meant as content, and they would split a word in two for search.
        0x00AD | 0x200B | 0x2060 | 0xFEFF => Some(Folded::Drop),
        _ => other(c),
    }
}

/// Letters outside the block tables: the lower-case forms of the African and
/// Azerbaijani capitals in Latin Extended-B (their lower cases live in IPA
/// Extensions and Latin Extended-C), the ordinal indicators, and ligatures.
fn other(c: char) -> Option<Folded> {
    let letter = match c {
        'ª' | 'ⱥ' => b'a',
        'ɓ' => b'b',
        'ɖ' | 'ɗ' => b'd',
        'ə' | 'ɛ' => b'e',
        'ɠ' => b'g',
        'ɨ' | 'ɩ' => b'i',
        'ɲ' => b'n',
        'º' | 'ɔ' | 'ɵ' => b'o',
        'ʈ' | 'ⱦ' => b't',
        'ʉ' => b'u',
        'ʋ' => b'v',
        'ﬀ' => return Some(Folded::Letters("ff")),
        'ﬁ' => return Some(Folded::Letters("fi")),
        'ﬂ' => return Some(Folded::Letters("fl")),
        'ﬃ' => return Some(Folded::Letters("ffi")),
        'ﬄ' => return Some(Folded::Letters("ffl")),
        'ﬅ' | 'ﬆ' => return Some(Folded::Letters("st")),
        _ => return None,
    };
    Some(Folded::Letter(letter))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_from_across_europe_fold_to_ascii() {
        for (text, folded) in [
            ("José", "jose"),
            ("Zoë", "zoe"),
            ("Łukasz", "lukasz"),
            ("Straße", "strasse"),
            ("Ørsted", "orsted"),
            ("Æther", "aether"),
            ("François", "francois"),
            ("Muñoz", "munoz"),
            ("Dvořák", "dvorak"),
            ("Đorđević", "dordevic"),
            ("Şahin", "sahin"),
            ("İlkay Gündoğan", "ilkay gundogan"),
            ("Ştefan Ţiriac", "stefan tiriac"),
            ("Ștefan Țiriac", "stefan tiriac"),
            ("Œuvre", "oeuvre"),
            ("Þórsdóttir", "thorsdottir"),
            ("Ĳsselmeer", "ijsselmeer"),
            ("Nguyễn Thị Phương", "nguyen thi phuong"),
            ("Trần Đức Thắng", "tran duc thang"),
            ("Əliyev", "eliyev"),
            ("ẞ", "ss"),
            ("Ǆemal", "dzemal"),
        ] {
            assert_eq!(fold(text), folded, "{text}");
        }
    }

    #[test]
    fn decomposed_accents_fold_like_precomposed_ones() {
        assert_eq!(fold("Jose\u{301}"), "jose");
        assert_eq!(fold("Zoe\u{308}"), "zoe");
        assert_eq!(fold("Nguye\u{302}\u{303}n"), "nguyen");
    }

    #[test]
    fn other_scripts_pass_through_lower_cased_where_they_have_case() {
        assert_eq!(fold("王小明"), "王小明");
        assert_eq!(fold("محمد"), "محمد");
        assert_eq!(fold("דוד"), "דוד");
        assert_eq!(fold("👋 Hi"), "👋 hi");
        assert_eq!(fold("ΑΘΗΝΑ"), "αθηνα");
        assert_eq!(fold("МОСКВА"), "москва");
    }

    #[test]
    fn whitespace_runs_become_one_space_and_ends_are_trimmed() {
        assert_eq!(
            fold("  Jane \t\n Doe\u{a0}\u{3000}Smith  "),
            "jane doe smith"
        );
        assert_eq!(fold(" \n\t "), "");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn invisible_characters_do_not_split_words() {
        assert_eq!(fold("Bar\u{ad}ce\u{200b}lo\u{feff}na"), "barcelona");
    }

    #[test]
    fn ligatures_and_signs_fold_to_their_letters() {
        assert_eq!(fold("ﬁnance ﬂow"), "finance flow");
        // U+212B ANGSTROM SIGN lower-cases to å, which then folds.
        assert_eq!(fold("\u{212b}ngström"), "angstrom");
    }

    #[test]
    fn fold_into_keeps_what_the_buffer_held() {
        let mut out = String::from("x\n");
        fold_into("  Émile ", &mut out);
        assert_eq!(out, "x\nemile");
    }

    #[test]
    fn the_tables_agree_across_case() {
        // Upper and lower case of every letter the tables cover fold alike,
        // so a query typed in either case finds the name in the other.
        let covered = (0xC0..=0x24F_u32)
            .chain(0x1E00..=0x1EFF)
            .filter_map(char::from_u32);
        for c in covered {
            let own = fold(&c.to_string());
            let lower: String = c.to_lowercase().collect();
            assert_eq!(fold(&lower), own, "{c} U+{:04X} vs lower {lower}", c as u32);
            let upper: String = c.to_uppercase().collect();
            // ŉ and ẚ upper-case to ʼN and Aʾ, whose modifier letters stay.
            if !matches!(c, 'ŉ' | 'ẚ') {
                assert_eq!(fold(&upper), own, "{c} U+{:04X} vs upper {upper}", c as u32);
            }
        }
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(text in "\\PC{0,40}") {
            let once = fold(&text);
            prop_assert_eq!(fold(&once), once.clone());
        }

        #[test]
        fn folded_text_has_single_spaces_and_no_newline(text in "(\\PC|\\s){0,40}") {
            let folded = fold(&text);
            prop_assert!(!folded.contains('\n'));
            prop_assert!(!folded.contains("  "));
            prop_assert!(!folded.starts_with(' ') && !folded.ends_with(' '));
            prop_assert!(folded.chars().all(|c| c == ' ' || !c.is_whitespace()));
        }

        #[test]
        fn the_ascii_path_folds_as_the_general_one(text in "[\\x00-\\x7f]{0,40}", before in "[a-z ]{0,3}") {
            let mut fast = before.clone();
            fold_ascii_into(&text, &mut fast);
            let mut general = before.clone();
            let mut folder = Folder { start: general.len(), out: &mut general, space_pending: false };
            for c in text.chars() {
                folder.push(c);
            }
            prop_assert_eq!(fast, general);
        }

        #[test]
        fn ascii_folds_to_its_lower_case(text in "[ -~]{0,40}") {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_lowercase();
            prop_assert_eq!(fold(&text), expected);
        }
    }
}
