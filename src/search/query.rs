//! The review page's filter language: parse a query, match it against
//! people, and sort what matched.
//!
//! This module owns the grammar below, its error messages, and what a query
//! means ([`Query::matches`], one person at a time, over anything that
//! gives a person's [`Keys`]). Queries run on
//! [`crate::search::index::SearchIndex`], a layout of the folded keys made
//! for scanning 30,000 people per keystroke; the tests check it answers as a
//! plain reference engine does (`tests/support/reference_engine.rs`: text
//! folded one person at a time, results sorted by comparing it). Each search term builds its substring finder
//! and byte-pair signature once at parse time. It
//! never reads a clock (relative dates such as `5y` count back from the
//! `now_ms` given to [`parse`]), never touches the network snapshot or the
//! keep-list (flags come in per person), and never panics or silently
//! matches everyone on a malformed query: it answers a [`QueryError`] naming
//! the character position and what was expected there.
//!
//! ```text
//! query   = { clause | sort }                 clauses are ANDed, separated by spaces
//! clause  = term { "OR" term }                OR binds tighter than the implicit AND
//! term    = [ "-" ] ( field ":" value | phrase | word )
//! field   = name | company | title            substring of that field (title: headline or position)
//!         | before | after                    YYYY | YYYY-MM | YYYY-MM-DD | <n>y | <n>m | <n>d
//!         | is                                kept | queued | removed | gone
//!         | has                               date | headline
//! sort    = "sort:" ( connected | -connected | name | -name | company | -company )   at most one
//! value   = phrase | word
//! phrase  = '"' { any character but '"' } '"'
//! word    = a run of non-space characters without '"'; bare words and phrases
//!           search name, headline, company and position
//! ```
//!
//! `before:P` holds for connection dates before the first day of P and
//! `after:P` for dates on or after it, so the two split every known date; an
//! age counts back from today (`before:5y`: connected more than five years
//! ago). A person whose connection date is unknown matches neither, even
//! negated (`-before:5y` is "known, and not before"); `-has:date` finds them.
//! Field names and the values of `is:`, `has:` and `sort:` are
//! case-insensitive; `OR` is a keyword only in upper case (`or` is a word);
//! `sort:` may stand anywhere. A term with an unknown `field:` prefix is an
//! error; quote it to search for the text itself (`"re:invent"`).

use crate::network::calendar::{CivilDate, TimeMs};
use crate::search::fold::fold;
use crate::search::index::Signature;
use memchr::memmem::Finder;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;

/// A suggested query for a usual cleanup target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// What it finds, in words.
    pub label: &'static str,
    /// The query; `{company}` stands for a company the member names.
    pub query: &'static str,
}

/// The usual cleanup targets (DESIGN.md), one click away in the review page.
pub const SUGGESTED: [Suggestion; 5] = [
    Suggestion {
        label: "Connected more than five years ago",
        query: "before:5y sort:connected",
    },
    Suggestion {
        label: "Recruiters",
        query: "title:recruiter OR title:\"talent acquisition\" OR title:headhunter",
    },
    Suggestion {
        label: "No headline",
        query: "-has:headline",
    },
    Suggestion {
        label: "No longer connected",
        query: "is:gone",
    },
    Suggestion {
        label: "People at a company you left",
        query: "company:\"{company}\" OR title:\"{company}\"",
    },
];

/// A one-line reminder of the language, for the review page's search box.
pub fn help() -> &'static str {
    "words, \"phrases\", name: company: title:, before:/after: 2020 | 2020-06 | 2020-06-15 | 5y | 18m | 30d, \
     is:kept is:queued is:removed is:gone, has:date has:headline, -not, OR, \
     sort:connected|-connected|name|-name|company|-company"
}

const KNOWN_FILTERS: &str = "name:, company:, title:, before:, after:, is:, has:, sort:";
const EXPECTED_DATE: &str = "expected a date (YYYY, YYYY-MM, YYYY-MM-DD) or an age (5y, 18m, 30d)";
/// Ages go back at most 9999 years, months or days: enough for any
/// connection, small enough that the date arithmetic cannot overflow.
const MAX_AGE_DIGITS: usize = 4;
/// Longest piece of the member's own query quoted back in an error.
const MAX_QUOTED_CHARS: usize = 40;

/// Why a query could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    /// Where the problem is, in characters (not bytes) from the query's start.
    pub position: usize,
    /// What was found and what was expected there.
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {}", self.position, self.message)
    }
}

impl std::error::Error for QueryError {}

fn error(position: usize, message: impl Into<String>) -> QueryError {
    QueryError {
        position,
        message: message.into(),
    }
}

/// A parsed query: clauses that must all hold, and the order of the results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    clauses: Vec<Clause>,
    sort: SortOrder,
}

impl Query {
    /// The clauses, all of which must hold, cheapest to test first (each term
    /// carries its position in the query for anything that wants the
    /// member's order back).
    pub fn clauses(&self) -> &[Clause] {
        &self.clauses
    }

    /// The order of the results.
    pub fn sort(&self) -> SortOrder {
        self.sort
    }

    /// True when the query filters nobody out (it may still sort).
    pub fn matches_everyone(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Whether one person, with these keys and flags, matches: the one
    /// statement of what a query means, for
    /// [`crate::search::index::SearchIndex`] and for the reference engine the
    /// tests compare it with (`tests/support/reference_engine.rs`).
    pub fn matches<K: Keys + ?Sized>(&self, keys: &K, flags: Flags) -> bool {
        self.holds(keys, flags)
    }

    /// [`Query::matches`], inlined into the index's scan.
    #[inline]
    pub(crate) fn holds<K: Keys + ?Sized>(&self, keys: &K, flags: Flags) -> bool {
        self.clauses
            .iter()
            .all(|clause| clause.terms.iter().any(|term| term.matches(keys, flags)))
    }

    /// Whether any term tests a flag (`is:`), which the caller then passes.
    pub(crate) fn uses_flags(&self) -> bool {
        self.clauses.iter().any(|clause| {
            clause
                .terms
                .iter()
                .any(|term| matches!(term.filter, Filter::Is(_)))
        })
    }
}

/// One person's folded text and date, as a query reads them. The search
/// index implements it over its columns; the tests' reference engine over
/// one person at a time.
pub trait Keys {
    /// The folded text a search term of `field` looks in.
    fn span(&self, field: TextField) -> &str;
    /// The connection day (days since 1970-01-01), if known.
    fn connected_day(&self) -> Option<i64>;
    /// Whether the person shows a headline.
    fn has_headline(&self) -> bool;
    /// False only when the text cannot hold `needle`: a cheap test that
    /// lets most people be ruled out before any searching.
    fn may_hold(&self, _needle: &Needle) -> bool {
        true
    }
}

/// One ANDed part of a query: it holds when any of its terms does (`a OR b`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// The alternatives, in the order written; never empty.
    pub terms: Vec<Term>,
}

impl Clause {
    const MAX_COST: u8 = 2;

    fn cost(&self) -> u8 {
        self.terms.iter().map(Term::cost).max().unwrap_or(0)
    }
}

/// One filter, possibly negated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// Written with a leading `-`.
    pub negated: bool,
    /// What it tests.
    pub filter: Filter,
    /// Where it starts in the query (at its `-` when negated), in characters.
    pub position: usize,
}

impl Term {
    #[inline]
    fn matches<K: Keys + ?Sized>(&self, keys: &K, flags: Flags) -> bool {
        let hit = match &self.filter {
            Filter::Text { field, needle } => {
                keys.may_hold(needle) && needle.is_in(keys.span(*field))
            }
            // An unknown date matches no date filter, negated or not: "not
            // connected before 2020" must not sweep in everyone whose date
            // was never read.
            Filter::ConnectedBefore(bound) => match keys.connected_day() {
                Some(day) => day < bound.day,
                None => return false,
            },
            Filter::ConnectedOnOrAfter(bound) => match keys.connected_day() {
                Some(day) => day >= bound.day,
                None => return false,
            },
            Filter::Is(flag) => flags.get(*flag),
            Filter::HasDate => keys.connected_day().is_some(),
            Filter::HasHeadline => keys.has_headline(),
        };
        hit != self.negated
    }

    /// Rough relative cost, so cheap tests can rule a person out first.
    fn cost(&self) -> u8 {
        match &self.filter {
            Filter::Text {
                field: TextField::Any,
                ..
            } => 2,
            Filter::Text { .. } => 1,
            _ => 0,
        }
    }
}

/// What a term tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    /// The folded needle occurs in the field.
    Text {
        /// Which text.
        field: TextField,
        /// What to find.
        needle: Needle,
    },
    /// `before:`: the connection date is known and earlier than the bound.
    ConnectedBefore(DateBound),
    /// `after:`: the connection date is known and on or after the bound.
    ConnectedOnOrAfter(DateBound),
    /// `is:`: a flag the caller passes per person.
    Is(Flag),
    /// `has:date`: the connection date is known.
    HasDate,
    /// `has:headline`: the person shows a headline.
    HasHeadline,
}

/// Which text a search term looks in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    /// A bare word or phrase: name, headline, company or position.
    Any,
    /// `name:`.
    Name,
    /// `company:`.
    Company,
    /// `title:`: headline or position.
    Title,
}

/// The first day a date filter compares against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateBound {
    date: CivilDate,
    day: i64,
}

impl DateBound {
    fn new(date: CivilDate) -> Self {
        Self {
            date,
            day: date.to_days(),
        }
    }

    /// The first day of the period (or the day an age counts back to).
    pub fn date(self) -> CivilDate {
        self.date
    }
}

/// Folded search text with its substring finder, built once per query.
#[derive(Clone)]
pub struct Needle {
    folded: String,
    /// Boxed: a finder is a few hundred bytes, and terms move while parsing.
    finder: Box<Finder<'static>>,
    /// The byte pairs it holds, for [`Keys::may_hold`].
    signature: Signature,
}

impl Needle {
    /// None when folding leaves nothing to search for.
    fn new(text: &str) -> Option<Self> {
        let folded = fold(text);
        if folded.is_empty() {
            return None;
        }
        let finder = Box::new(Finder::new(folded.as_bytes()).into_owned());
        let signature = Signature::of(folded.as_bytes());
        Some(Self {
            folded,
            finder,
            signature,
        })
    }

    /// The byte pairs the folded text holds.
    pub(crate) fn signature(&self) -> &Signature {
        &self.signature
    }

    /// The folded text searched for.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    pub(crate) fn is_in(&self, haystack: &str) -> bool {
        self.finder.find(haystack.as_bytes()).is_some()
    }
}

impl PartialEq for Needle {
    fn eq(&self, other: &Self) -> bool {
        self.folded == other.folded
    }
}

impl Eq for Needle {}

impl fmt::Debug for Needle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.folded, f)
    }
}

/// A per-person state the query language can test with `is:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    /// On the member's keep-list.
    Kept,
    /// Waiting in the removal queue.
    Queued,
    /// Removed by netprune.
    Removed,
    /// No longer found in the connections list.
    Gone,
}

/// The flags of one person, as the caller knows them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flags {
    /// On the keep-list.
    pub kept: bool,
    /// In the removal queue.
    pub queued: bool,
    /// Removed by netprune.
    pub removed: bool,
    /// No longer found in the connections list.
    pub gone: bool,
}

impl Flags {
    /// Whether `flag` is set.
    pub fn get(self, flag: Flag) -> bool {
        match flag {
            Flag::Kept => self.kept,
            Flag::Queued => self.queued,
            Flag::Removed => self.removed,
            Flag::Gone => self.gone,
        }
    }
}

/// The order of a query's results. Ties always fall back to the folded name,
/// then the slug, so the same query gives the same list every time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// By folded name: the default.
    #[default]
    Name,
    /// `sort:-name`.
    NameDescending,
    /// `sort:connected`: oldest connection first, unknown dates last.
    Connected,
    /// `sort:-connected`: newest first, unknown dates still last.
    ConnectedDescending,
    /// `sort:company`: by folded company, people without one last.
    Company,
    /// `sort:-company`: reversed, people without one still last.
    CompanyDescending,
}

impl SortOrder {
    fn from_value(value: &str) -> Option<Self> {
        const ORDERS: [(&str, SortOrder); 6] = [
            ("connected", SortOrder::Connected),
            ("-connected", SortOrder::ConnectedDescending),
            ("name", SortOrder::Name),
            ("-name", SortOrder::NameDescending),
            ("company", SortOrder::Company),
            ("-company", SortOrder::CompanyDescending),
        ];
        ORDERS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(value))
            .map(|(_, order)| *order)
    }

    pub(crate) const COUNT: usize = 6;

    /// This order's index into arrays kept per sort order.
    pub(crate) fn slot(self) -> usize {
        match self {
            Self::Name => 0,
            Self::NameDescending => 1,
            Self::Connected => 2,
            Self::ConnectedDescending => 3,
            Self::Company => 4,
            Self::CompanyDescending => 5,
        }
    }

    pub(crate) fn is_descending(self) -> bool {
        matches!(
            self,
            Self::NameDescending | Self::ConnectedDescending | Self::CompanyDescending
        )
    }
}

/// Runs this short are insertion-sorted before merging.
const SORT_RUN: usize = 16;

/// Sorts person indices with `compare`: a stable bottom-up merge sort.
///
/// Every sort in this module goes through here, behind one `dyn`
/// comparator, and it is written out rather than `sort_unstable_by`
/// because each monomorphized standard sort adds about 9 KB to the .wasm,
/// which must stay small; this adds well under one. It is as fast as the
/// standard sort on these lists, and faster when they are nearly sorted
/// already (people arrive in slug order, which is close to name order).
pub(crate) fn sort_indices(indices: &mut [u32], compare: &dyn Fn(usize, usize) -> Ordering) {
    let less = |a: u32, b: u32| compare(a as usize, b as usize) == Ordering::Less;
    for run in indices.chunks_mut(SORT_RUN) {
        for end in 1..run.len() {
            let mut at = end;
            while at > 0 && less(run[at], run[at - 1]) {
                run.swap(at, at - 1);
                at -= 1;
            }
        }
    }
    let len = indices.len();
    if len <= SORT_RUN {
        return;
    }
    let mut from = indices.to_vec();
    let mut to = vec![0u32; len];
    let mut width = SORT_RUN;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (left, right) = from[start..end].split_at(middle - start);
            let out = &mut to[start..end];
            if left
                .last()
                .zip(right.first())
                .is_none_or(|(&l, &r)| !less(r, l))
            {
                // Already in order: the common case for nearly sorted lists.
                out[..left.len()].copy_from_slice(left);
                out[left.len()..].copy_from_slice(right);
                continue;
            }
            let (mut i, mut j) = (0, 0);
            for slot in out.iter_mut() {
                match (left.get(i), right.get(j)) {
                    (Some(&l), Some(&r)) if less(r, l) => {
                        *slot = r;
                        j += 1;
                    }
                    (Some(&l), _) => {
                        *slot = l;
                        i += 1;
                    }
                    (None, Some(&r)) => {
                        *slot = r;
                        j += 1;
                    }
                    (None, None) => {}
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    indices.copy_from_slice(&from);
}

/// The first eight bytes of `text`, big-endian and zero-padded: ordered as
/// the texts are, as far as eight bytes tell.
pub(crate) fn prefix(text: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (slot, byte) in bytes.iter_mut().zip(text.bytes()) {
        *slot = byte;
    }
    u64::from_be_bytes(bytes)
}

/// Parses `query`; relative dates (`5y`, `18m`, `30d`) count back from the
/// UTC day of `now_ms`. An empty or all-space query matches everyone.
pub fn parse(query: &str, now_ms: TimeMs) -> Result<Query, QueryError> {
    let mut lexer = Lexer {
        chars: query.chars().collect(),
        at: 0,
        today: CivilDate::from_ms(now_ms),
    };
    let mut clauses: Vec<Clause> = Vec::new();
    let mut sort: Option<(SortOrder, usize)> = None;
    // Where an OR still waits for the term on its right.
    let mut open_or: Option<usize> = None;
    let mut after_filter = false;
    while let Some(token) = lexer.next_token()? {
        match token {
            Token::Or(at) => {
                if open_or.is_some() {
                    return Err(error(
                        at,
                        "\"OR\" cannot follow \"OR\"; expected a term between them",
                    ));
                }
                if !after_filter {
                    return Err(error(
                        at,
                        "\"OR\" needs a filter term before it, like \"acme OR globex\"",
                    ));
                }
                open_or = Some(at);
                after_filter = false;
            }
            Token::Filter(term) => {
                match (open_or.take(), clauses.last_mut()) {
                    (Some(_), Some(clause)) => clause.terms.push(term),
                    _ => clauses.push(Clause { terms: vec![term] }),
                }
                after_filter = true;
            }
            Token::Sort(order, at) => {
                if open_or.is_some() {
                    return Err(error(
                        at,
                        "a sort: term cannot follow \"OR\"; expected a filter term",
                    ));
                }
                if let Some((_, first)) = sort {
                    return Err(error(
                        at,
                        format!("only one sort: term is allowed (the first is at {first})"),
                    ));
                }
                sort = Some((order, at));
                after_filter = false;
            }
        }
    }
    if let Some(at) = open_or {
        return Err(error(
            at,
            "\"OR\" needs a filter term after it, like \"acme OR globex\"",
        ));
    }
    // Cheapest clauses first, keeping the written order within a cost (three
    // costs: a pass each is smaller in the .wasm than a stable sort).
    let mut ordered = Vec::with_capacity(clauses.len());
    for cost in 0..=Clause::MAX_COST {
        let (now, later): (Vec<Clause>, Vec<Clause>) =
            clauses.into_iter().partition(|c| c.cost() == cost);
        ordered.extend(now);
        clauses = later;
    }
    Ok(Query {
        clauses: ordered,
        sort: sort.map(|(order, _)| order).unwrap_or_default(),
    })
}

enum Token {
    Filter(Term),
    Or(usize),
    Sort(SortOrder, usize),
}

/// Positions are indices into `chars`, which are the character positions
/// errors report.
struct Lexer {
    chars: Vec<char>,
    at: usize,
    today: CivilDate,
}

impl Lexer {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn at_boundary(&self, at: usize) -> bool {
        self.chars.get(at).is_none_or(|c| c.is_whitespace())
    }

    fn text(&self, from: usize, to: usize) -> String {
        self.chars
            .get(from..to)
            .map(|chars| chars.iter().collect())
            .unwrap_or_default()
    }

    fn next_token(&mut self) -> Result<Option<Token>, QueryError> {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
        let start = self.at;
        let Some(first) = self.peek() else {
            return Ok(None);
        };
        if first == 'O' && self.chars.get(start + 1) == Some(&'R') && self.at_boundary(start + 2) {
            self.at += 2;
            return Ok(Some(Token::Or(start)));
        }
        let negated = first == '-';
        if negated {
            self.at += 1;
            if self.at_boundary(self.at) {
                return Err(error(
                    start,
                    "expected a term after \"-\", like -recruiter or -is:kept",
                ));
            }
        }
        let atom = self.at;
        let term = |filter| {
            Token::Filter(Term {
                negated,
                filter,
                position: start,
            })
        };
        if self.peek() == Some('"') {
            let phrase = self.quoted()?;
            let needle = Needle::new(&phrase).ok_or_else(|| {
                if phrase.is_empty() {
                    error(
                        atom,
                        "empty quoted phrase: put the text to find between the quotes",
                    )
                } else {
                    error(atom, "the quoted phrase has nothing to search for")
                }
            })?;
            return Ok(Some(term(Filter::Text {
                field: TextField::Any,
                needle,
            })));
        }
        if let Some(colon) = self.field_colon() {
            let field = self.text(atom, colon).to_ascii_lowercase();
            self.at = colon + 1;
            return self.field(&field, negated, start, atom).map(Some);
        }
        let word = self.word()?;
        let needle = Needle::new(&word)
            .ok_or_else(|| error(atom, format!("{} has nothing to search for", shown(&word))))?;
        Ok(Some(term(Filter::Text {
            field: TextField::Any,
            needle,
        })))
    }

    /// The position of the ':' when the term starts with `letters:`.
    fn field_colon(&self) -> Option<usize> {
        let letters = self
            .chars
            .get(self.at..)?
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let colon = self.at + letters;
        (letters > 0 && self.chars.get(colon) == Some(&':')).then_some(colon)
    }

    /// A phrase between double quotes; `self.at` is on the opening quote.
    fn quoted(&mut self) -> Result<String, QueryError> {
        let open = self.at;
        let close = self
            .chars
            .iter()
            .enumerate()
            .skip(open + 1)
            .find(|(_, c)| **c == '"')
            .map(|(i, _)| i)
            .ok_or_else(|| {
                error(
                    open,
                    "unterminated quote: expected a closing \" to end the phrase",
                )
            })?;
        self.at = close + 1;
        if !self.at_boundary(self.at) {
            return Err(error(self.at, "expected a space after the closing quote"));
        }
        Ok(self.text(open + 1, close))
    }

    /// A run of non-space characters, which may not hold a quote.
    fn word(&mut self) -> Result<String, QueryError> {
        let from = self.at;
        while let Some(c) = self.peek().filter(|c| !c.is_whitespace()) {
            if c == '"' {
                return Err(error(
                    self.at,
                    "a quote can only open a phrase at the start of a term or a value, \
                     like \"acme corp\" or company:\"acme corp\"",
                ));
            }
            self.at += 1;
        }
        Ok(self.text(from, self.at))
    }

    fn field(
        &mut self,
        field: &str,
        negated: bool,
        start: usize,
        atom: usize,
    ) -> Result<Token, QueryError> {
        let expected = match field {
            "name" | "company" | "title" => format!(
                "expected text to search for after \"{field}:\" (quote it to include spaces: {field}:\"acme corp\")"
            ),
            "before" | "after" => format!("{EXPECTED_DATE} after \"{field}:\""),
            "is" => "expected kept, queued, removed or gone after \"is:\"".into(),
            "has" => "expected date or headline after \"has:\"".into(),
            "sort" => "expected connected, -connected, name, -name, company or -company after \"sort:\"".into(),
            _ => {
                return Err(error(
                    atom,
                    format!(
                        "unknown filter {}; known: {KNOWN_FILTERS} (to search for the text itself, put it in quotes)",
                        // As typed: `self.at` is just past the colon.
                        shown(&self.text(atom, self.at))
                    ),
                ))
            }
        };
        let value_at = self.at;
        let value = match self.peek() {
            None => return Err(error(value_at, expected)),
            Some(c) if c.is_whitespace() => return Err(error(value_at, expected)),
            Some('"') => self.quoted()?,
            Some(_) => self.word()?,
        };
        let trimmed = value.trim();
        if trimmed.is_empty() {
            return Err(error(value_at, expected));
        }
        let not_this = || error(value_at, format!("{expected}, not {}", shown(trimmed)));
        let filter = match field {
            "name" | "company" | "title" => Filter::Text {
                field: match field {
                    "name" => TextField::Name,
                    "company" => TextField::Company,
                    _ => TextField::Title,
                },
                needle: Needle::new(trimmed).ok_or_else(not_this)?,
            },
            "before" | "after" => {
                let bound = match period_start(trimmed, self.today) {
                    Ok(date) => DateBound::new(date),
                    Err(PeriodError::Shape) => return Err(not_this()),
                    Err(PeriodError::NotARealDate) => {
                        return Err(error(
                            value_at,
                            format!(
                                "{} is not a real date; expected YYYY, YYYY-MM or YYYY-MM-DD",
                                shown(trimmed)
                            ),
                        ))
                    }
                };
                if field == "before" {
                    Filter::ConnectedBefore(bound)
                } else {
                    Filter::ConnectedOnOrAfter(bound)
                }
            }
            "is" => Filter::Is(match trimmed.to_ascii_lowercase().as_str() {
                "kept" => Flag::Kept,
                "queued" => Flag::Queued,
                "removed" => Flag::Removed,
                "gone" => Flag::Gone,
                _ => return Err(not_this()),
            }),
            "has" => match trimmed.to_ascii_lowercase().as_str() {
                "date" => Filter::HasDate,
                "headline" => Filter::HasHeadline,
                _ => return Err(not_this()),
            },
            _ => {
                let order = SortOrder::from_value(trimmed).ok_or_else(not_this)?;
                if negated {
                    return Err(error(
                        start,
                        "a sort: term cannot be negated; for the reverse order write sort:-connected, sort:-name or sort:-company",
                    ));
                }
                return Ok(Token::Sort(order, start));
            }
        };
        Ok(Token::Filter(Term {
            negated,
            filter,
            position: start,
        }))
    }
}

/// The member's text, quoted and cut short, for an error message.
fn shown(text: &str) -> String {
    let mut cut: String = text.chars().take(MAX_QUOTED_CHARS).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    format!("{cut:?}")
}

enum PeriodError {
    Shape,
    NotARealDate,
}

/// The first day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or the day an age
/// (`5y`, `18m`, `30d`) counts back to from `today`.
fn period_start(value: &str, today: CivilDate) -> Result<CivilDate, PeriodError> {
    let all_digits = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let number = |s: &str| s.parse::<u32>().map_err(|_| PeriodError::Shape);
    if let Some(unit) = value.chars().last().filter(char::is_ascii_alphabetic) {
        let amount = &value[..value.len() - 1];
        if !all_digits(amount, 1..=MAX_AGE_DIGITS) {
            return Err(PeriodError::Shape);
        }
        let amount = number(amount)?;
        return match unit.to_ascii_lowercase() {
            'y' => Ok(today.months_before(amount * 12)),
            'm' => Ok(today.months_before(amount)),
            'd' => Ok(CivilDate::from_days(today.to_days() - i64::from(amount))),
            _ => Err(PeriodError::Shape),
        };
    }
    let mut parts = value.split('-');
    let year = parts.next().unwrap_or("");
    let month = parts.next();
    let day = parts.next();
    if parts.next().is_some()
        || !all_digits(year, 4..=4)
        || !month.is_none_or(|m| all_digits(m, 1..=2))
        || !day.is_none_or(|d| all_digits(d, 1..=2))
    {
        return Err(PeriodError::Shape);
    }
    let year = number(year)? as i32;
    let month = month.map_or(Ok(1), number)?;
    let day = day.map_or(Ok(1), number)?;
    let narrow = |n: u32| u8::try_from(n).map_err(|_| PeriodError::NotARealDate);
    CivilDate::new(year, narrow(month)?, narrow(day)?).ok_or(PeriodError::NotARealDate)
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-21T12:00:00Z
    const NOW: TimeMs = 1_795_262_400_000;

    fn date(y: i32, m: u8, d: u8) -> CivilDate {
        CivilDate::new(y, m, d).unwrap()
    }

    fn only_term(query: &str) -> Term {
        let parsed = parse(query, NOW).unwrap();
        assert_eq!(parsed.clauses().len(), 1, "{query}");
        assert_eq!(parsed.clauses()[0].terms.len(), 1, "{query}");
        parsed.clauses()[0].terms[0].clone()
    }

    #[test]
    fn periods_start_on_their_first_day() {
        let today = date(2026, 11, 21);
        let start = |v: &str| period_start(v, today).ok();
        assert_eq!(start("2024"), Some(date(2024, 1, 1)));
        assert_eq!(start("2024-06"), Some(date(2024, 6, 1)));
        assert_eq!(start("2024-6"), Some(date(2024, 6, 1)));
        assert_eq!(start("2024-02-29"), Some(date(2024, 2, 29)));
        assert_eq!(start("5y"), Some(date(2021, 11, 21)));
        assert_eq!(start("18m"), Some(date(2025, 5, 21)));
        assert_eq!(start("30d"), Some(date(2026, 10, 22)));
        assert_eq!(start("0d"), Some(today));
        for bad in [
            "24",
            "20244",
            "2024-",
            "2024-1-2-3",
            "y",
            "5",
            "5w",
            "-5y",
            "99999d",
            "2024/06",
            "２０２４",
            "5ｙ",
        ] {
            assert!(
                matches!(period_start(bad, today), Err(PeriodError::Shape)),
                "{bad}"
            );
        }
        for unreal in [
            "2024-02-30",
            "2023-02-29",
            "2024-13",
            "2024-00",
            "2024-04-31",
        ] {
            assert!(
                matches!(period_start(unreal, today), Err(PeriodError::NotARealDate)),
                "{unreal}"
            );
        }
    }

    #[test]
    fn terms_carry_their_fields_and_positions() {
        let q = parse("  -company:\"Acme Corp\" OR title:CTO sort:-connected", NOW).unwrap();
        assert_eq!(q.sort(), SortOrder::ConnectedDescending);
        let terms = &q.clauses()[0].terms;
        assert_eq!(terms.len(), 2);
        assert!(terms[0].negated);
        assert_eq!(terms[0].position, 2);
        match &terms[0].filter {
            Filter::Text { field, needle } => {
                assert_eq!(*field, TextField::Company);
                assert_eq!(needle.as_str(), "acme corp");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(terms[1].position, 26);
        assert!(!terms[1].negated);
    }

    #[test]
    fn cheap_clauses_are_tested_first() {
        let q = parse("jose name:x is:kept", NOW).unwrap();
        let costs: Vec<u8> = q.clauses().iter().map(Clause::cost).collect();
        assert_eq!(costs, vec![0, 1, 2]);
    }

    #[test]
    fn date_bounds_name_their_first_day() {
        match only_term("after:18m").filter {
            Filter::ConnectedOnOrAfter(bound) => assert_eq!(bound.date(), date(2025, 5, 21)),
            other => panic!("{other:?}"),
        }
    }

    proptest::proptest! {
        #[test]
        fn sort_indices_is_a_stable_sort(keys in proptest::collection::vec(0u8..20, 0..200)) {
            let mut indices: Vec<u32> = (0..keys.len() as u32).collect();
            sort_indices(&mut indices, &|a, b| keys[a].cmp(&keys[b]));
            let mut expected: Vec<u32> = (0..keys.len() as u32).collect();
            expected.sort_by_key(|&i| keys[i as usize]);
            proptest::prop_assert_eq!(indices, expected);
        }
    }

    #[test]
    fn name_prefixes_order_like_the_names() {
        let names = [
            "",
            "a",
            "a\u{0}",
            "ab",
            "abcdefgh",
            "abcdefghi",
            "abcdefgz",
            "b",
        ];
        for pair in names.windows(2) {
            assert!(prefix(pair[0]) <= prefix(pair[1]), "{pair:?}");
        }
    }
}
