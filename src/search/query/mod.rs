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
//!         | sent-before | sent-after          a pending invitation's date, as before/after
//!         | is                                kept | queued | removed | gone | connection | following | follower | invited
//!         | has                               date | headline
//!         | messaged                          never | before:<date or age> | after:<date or age>
//!         | messages                          >N | <N | N          messages either way
//!         | invited                           me (they invited the member) | them (the member invited them)
//!         | endorsed | recommended            any | me (they did it for the member) | them (the member did)
//! sort    = "sort:" ( connected | -connected | name | -name | company | -company
//!                   | contact | -contact )   at most one
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
//!
//! The interaction terms read what LinkedIn's data archive says of each
//! person ([`Flags`] carries it). `messaged:` and `messages:` match nobody,
//! negated or not, until an archive with messages was imported; after
//! that, someone it does not name has no messages (`messaged:never`).
//! `messaged:before:P` and `messaged:after:P` compare the last message, as
//! `before:` and `after:` the connection: someone never messaged matches
//! neither, even negated. `sort:contact` puts the oldest last message first
//! and `sort:-contact` the newest; those never messaged come last both ways.

use crate::network::calendar::{CivilDate, TimeMs};
use crate::network::contact::{Interaction, InvitedBy};
use crate::search::fold::fold;
use crate::search::index::{FieldSignature, Signature};

mod parse;
use memchr::memmem::Finder;
pub use parse::parse;
use serde::{Deserialize, Serialize};
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
pub const SUGGESTED: [Suggestion; 11] = [
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
    Suggestion {
        label: "Invitations pending more than a month",
        query: "is:invited sent-before:30d",
    },
    Suggestion {
        label: "People you follow who are not connections",
        query: "is:following -is:connection",
    },
    Suggestion {
        label: "Followers who are not connections",
        query: "is:follower -is:connection",
    },
    Suggestion {
        label: "Connected over three years ago and never messaged",
        query: "before:3y messaged:never sort:connected",
    },
    Suggestion {
        label: "They invited you and you never talked",
        query: "invited:me messaged:never",
    },
    Suggestion {
        label: "No contact in five years",
        query: "messaged:before:5y sort:contact",
    },
];

/// A one-line reminder of the language, for the review page's search box.
pub fn help() -> &'static str {
    "words, \"phrases\", name: company: title:, before:/after: 2020 | 2020-06 | 2020-06-15 | 5y | 18m | 30d, \
     is:kept is:queued is:removed is:gone is:connection is:following is:follower is:invited, \
     sent-before:/sent-after: (an invitation's date), has:date has:headline, \
     messaged:never | messaged:before:5y | messaged:after:2024, messages:>10 messages:<3, \
     invited:me|them, endorsed:any|me|them, recommended:any|me|them, -not, OR, \
     sort:connected|-connected|name|-name|company|-company|contact|-contact"
}

const KNOWN_FILTERS: &str = "name:, company:, title:, before:, after:, sent-before:, sent-after:, \
     is:, has:, messaged:, messages:, invited:, endorsed:, recommended:, sort:";
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

    /// How many leading clauses are plain date bounds (one term, not
    /// negated: `after:` or `before:`), and the days they leave, from the
    /// first kept to the first not kept: what a scan of the connection
    /// days alone can settle before the other clauses are tested. Date
    /// clauses cost nothing, so they come first when there are any.
    pub(crate) fn leading_date_range(&self) -> (usize, i64, i64) {
        let mut range = (0, i64::MIN, i64::MAX);
        for clause in &self.clauses {
            let [term] = clause.terms.as_slice() else {
                break;
            };
            match term.filter {
                Filter::ConnectedOnOrAfter(bound) if !term.negated => {
                    range.1 = range.1.max(bound.day);
                }
                Filter::ConnectedBefore(bound) if !term.negated => {
                    range.2 = range.2.min(bound.day);
                }
                _ => break,
            }
            range.0 += 1;
        }
        range
    }

    /// The first clause's terms when every one of them is a text term
    /// (`word`, `company:x OR company:y`, `-title:x`): each one's field,
    /// needle and whether it is negated, for scans of those fields'
    /// columns alone.
    pub(crate) fn leading_text_clause(&self) -> Option<Vec<(TextField, &Needle, bool)>> {
        self.clauses
            .first()?
            .terms
            .iter()
            .map(|term| match &term.filter {
                Filter::Text { field, needle } => Some((*field, needle, term.negated)),
                _ => None,
            })
            .collect()
    }

    /// [`Query::holds`] for the clauses from `first` on.
    #[inline]
    pub(crate) fn holds_from<K: Keys + ?Sized>(
        &self,
        first: usize,
        keys: &K,
        flags: Flags,
    ) -> bool {
        self.clauses
            .get(first..)
            .unwrap_or_default()
            .iter()
            .all(|clause| clause.terms.iter().any(|term| term.matches(keys, flags)))
    }

    /// Whether any term tests a flag (`is:`), which the caller then passes.
    pub(crate) fn uses_flags(&self) -> bool {
        self.clauses.iter().any(|clause| {
            clause.terms.iter().any(|term| {
                matches!(
                    term.filter,
                    Filter::Is(_)
                        | Filter::SentBefore(_)
                        | Filter::SentOnOrAfter(_)
                        | Filter::MessagedNever
                        | Filter::MessagedBefore(_)
                        | Filter::MessagedOnOrAfter(_)
                        | Filter::Messages(..)
                        | Filter::Invited(_)
                        | Filter::Endorsed(_)
                        | Filter::Recommended(_)
                )
            })
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
    /// False only when the text of `field` cannot hold `needle`: a cheap
    /// test that lets most people be ruled out before any searching.
    fn may_hold(&self, _field: TextField, _needle: &Needle) -> bool {
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
                keys.may_hold(*field, needle) && needle.is_in(keys.span(*field))
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
            // An invitation's date, like a connection's, matches no date
            // filter when unknown (or when there is no invitation).
            Filter::SentBefore(bound) => match flags.sent_day {
                Some(day) => day < bound.day,
                None => return false,
            },
            Filter::SentOnOrAfter(bound) => match flags.sent_day {
                Some(day) => day >= bound.day,
                None => return false,
            },
            Filter::Is(flag) => flags.get(*flag),
            // Without an archive's messages nobody is known to have been
            // messaged or not: these match no one, negated or not.
            Filter::MessagedNever => match flags.messages {
                Some(n) => n == 0 && flags.last_message.is_none(),
                None => return false,
            },
            // The last message's day, like a connection's, matches no date
            // filter when there is none.
            Filter::MessagedBefore(bound) => match (flags.messages, flags.last_message) {
                (Some(_), Some(day)) => day < bound.day,
                _ => return false,
            },
            Filter::MessagedOnOrAfter(bound) => match (flags.messages, flags.last_message) {
                (Some(_), Some(day)) => day >= bound.day,
                _ => return false,
            },
            Filter::Messages(compare, n) => match flags.messages {
                Some(count) => match compare {
                    Compare::Above => count > *n,
                    Compare::Below => count < *n,
                    Compare::Exactly => count == *n,
                },
                None => return false,
            },
            Filter::Invited(by) => flags.invited_by == Some(*by),
            Filter::Endorsed(who) => who.holds(flags.endorsed_me, flags.endorsed_them),
            Filter::Recommended(who) => who.holds(flags.recommended_me, flags.recommended_them),
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
    /// `sent-before:`: a pending invitation's sent date is known and
    /// earlier than the bound.
    SentBefore(DateBound),
    /// `sent-after:`: a pending invitation's sent date is known and on or
    /// after the bound.
    SentOnOrAfter(DateBound),
    /// `is:`: a flag the caller passes per person.
    Is(Flag),
    /// `has:date`: the connection date is known.
    HasDate,
    /// `has:headline`: the person shows a headline.
    HasHeadline,
    /// `messaged:never`: no message either way (an archive with messages
    /// imported).
    MessagedNever,
    /// `messaged:before:`: the last message is known and earlier than the
    /// bound.
    MessagedBefore(DateBound),
    /// `messaged:after:`: the last message is known and on or after the
    /// bound.
    MessagedOnOrAfter(DateBound),
    /// `messages:>N`, `messages:<N`, `messages:N`: messages either way.
    Messages(Compare, u32),
    /// `invited:me` (they invited the member) or `invited:them`.
    Invited(InvitedBy),
    /// `endorsed:`: an endorsement either way, by them or by the member.
    Endorsed(Who),
    /// `recommended:`: a recommendation either way, by them or by the member.
    Recommended(Who),
}

/// How `messages:` compares a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compare {
    /// `>N`.
    Above,
    /// `<N`.
    Below,
    /// `N`.
    Exactly,
}

/// Who did something for whom, for `endorsed:` and `recommended:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// Either way.
    Any,
    /// They did it for the member.
    Me,
    /// The member did it for them.
    Them,
}

impl Who {
    fn holds(self, for_me: bool, for_them: bool) -> bool {
        match self {
            Self::Any => for_me || for_them,
            Self::Me => for_me,
            Self::Them => for_them,
        }
    }
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
    /// The same, in the 64 bits kept per field.
    field_signature: FieldSignature,
}

impl Needle {
    /// None when folding leaves nothing to search for.
    fn new(text: &str) -> Option<Self> {
        let folded = fold(text);
        if folded.is_empty() {
            return None;
        }
        let finder = Box::new(Finder::new(folded.as_bytes()).into_owned());
        let mut signature = Signature::default();
        let field_signature = signature.add_field(folded.as_bytes());
        Some(Self {
            folded,
            finder,
            signature,
            field_signature,
        })
    }

    /// The byte pairs the folded text holds.
    pub(crate) fn signature(&self) -> &Signature {
        &self.signature
    }

    /// The byte pairs the folded text holds, in a field's 64 bits.
    pub(crate) fn field_signature(&self) -> FieldSignature {
        self.field_signature
    }

    /// The folded text searched for.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    pub(crate) fn is_in(&self, haystack: &str) -> bool {
        let (haystack, needle) = (haystack.as_bytes(), self.folded.as_bytes());
        if haystack.len() <= SHORT_HAYSTACK {
            return is_in_short(haystack, needle);
        }
        self.finder.find(haystack).is_some()
    }
}

/// Haystacks this short (a name, a company, a title) are searched by
/// comparing at each place that starts with the needle's first byte: a
/// substring finder's set-up costs more than the search on them.
const SHORT_HAYSTACK: usize = 64;

/// Whether `needle` (never empty) occurs in `haystack`, the plain way.
fn is_in_short(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let Some(last_start) = haystack.len().checked_sub(needle.len()) else {
        return false;
    };
    haystack
        .iter()
        .take(last_start + 1)
        .enumerate()
        .any(|(at, &byte)| byte == first && haystack.get(at + 1..at + needle.len()) == Some(rest))
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
    /// One of the member's connections (not someone only invited or
    /// followed).
    Connection,
    /// Someone the member follows (the following page lists them).
    Following,
    /// Someone who follows the member (the followers page lists them).
    Follower,
    /// Someone with a pending invitation from the member.
    Invited,
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
    /// One of the member's connections.
    pub connection: bool,
    /// Followed by the member.
    pub following: bool,
    /// Follows the member (the followers page lists them).
    pub follower: bool,
    /// Invited by the member, the invitation pending.
    pub invited: bool,
    /// The pending invitation's sent day (days since 1970-01-01), if known.
    pub sent_day: Option<i64>,
    /// Messages either way, as the data archive counts them; None when no
    /// archive with messages was imported (then nobody matches
    /// `messaged:` or `messages:`).
    pub messages: Option<u32>,
    /// The day of the last message either way, if any.
    pub last_message: Option<i64>,
    /// Who sent the invitation to connect, as the archive says.
    pub invited_by: Option<InvitedBy>,
    /// They endorsed the member.
    pub endorsed_me: bool,
    /// The member endorsed them.
    pub endorsed_them: bool,
    /// They recommended the member.
    pub recommended_me: bool,
    /// The member recommended them.
    pub recommended_them: bool,
}

impl Flags {
    /// These flags with what the data archive says of the person
    /// (`contact`), `messages_known` when an archive with messages was
    /// imported: someone it does not name then has none.
    pub fn with_contact(mut self, contact: Option<&Interaction>, messages_known: bool) -> Self {
        self.messages = messages_known.then(|| contact.map_or(0, Interaction::messages));
        self.last_message = contact.and_then(|c| c.last_message).map(i64::from);
        self.invited_by = contact.and_then(|c| c.invited_by);
        self.endorsed_me = contact.is_some_and(|c| c.endorsements_received > 0);
        self.endorsed_them = contact.is_some_and(|c| c.endorsements_given > 0);
        self.recommended_me = contact.is_some_and(|c| c.recommendations_received > 0);
        self.recommended_them = contact.is_some_and(|c| c.recommendations_given > 0);
        self
    }

    /// Whether `flag` is set.
    pub fn get(self, flag: Flag) -> bool {
        match flag {
            Flag::Kept => self.kept,
            Flag::Queued => self.queued,
            Flag::Removed => self.removed,
            Flag::Gone => self.gone,
            Flag::Connection => self.connection,
            Flag::Following => self.following,
            Flag::Follower => self.follower,
            Flag::Invited => self.invited,
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
    /// `sort:contact`: oldest last message first, never messaged last.
    Contact,
    /// `sort:-contact`: newest last message first, never messaged still last.
    ContactDescending,
}

impl SortOrder {
    fn from_value(value: &str) -> Option<Self> {
        const ORDERS: [(&str, SortOrder); 8] = [
            ("connected", SortOrder::Connected),
            ("-connected", SortOrder::ConnectedDescending),
            ("name", SortOrder::Name),
            ("-name", SortOrder::NameDescending),
            ("company", SortOrder::Company),
            ("-company", SortOrder::CompanyDescending),
            ("contact", SortOrder::Contact),
            ("-contact", SortOrder::ContactDescending),
        ];
        ORDERS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(value))
            .map(|(_, order)| *order)
    }

    pub(crate) const COUNT: usize = 8;

    /// This order's index into arrays kept per sort order.
    pub(crate) fn slot(self) -> usize {
        match self {
            Self::Name => 0,
            Self::NameDescending => 1,
            Self::Connected => 2,
            Self::ConnectedDescending => 3,
            Self::Company => 4,
            Self::CompanyDescending => 5,
            Self::Contact => 6,
            Self::ContactDescending => 7,
        }
    }

    pub(crate) fn is_descending(self) -> bool {
        matches!(
            self,
            Self::NameDescending
                | Self::ConnectedDescending
                | Self::CompanyDescending
                | Self::ContactDescending
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-21T12:00:00Z
    const NOW: TimeMs = 1_795_262_400_000;

    proptest::proptest! {
        #[test]
        fn short_haystacks_are_searched_as_the_finder_does(haystack in "[abc ]{0,70}", needle in "[abc]{1,4}") {
            let found = memchr::memmem::find(haystack.as_bytes(), needle.as_bytes()).is_some();
            proptest::prop_assert_eq!(is_in_short(haystack.as_bytes(), needle.as_bytes()), found);
        }
    }

    #[test]
    fn cheap_clauses_are_tested_first() {
        let q = parse("jose name:x is:kept", NOW).unwrap();
        let costs: Vec<u8> = q.clauses().iter().map(Clause::cost).collect();
        assert_eq!(costs, vec![0, 1, 2]);
    }
}
