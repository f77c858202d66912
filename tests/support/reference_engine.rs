//! The reference search engine the tests hold the shipped one to: one
//! person's keys at a time ([`SearchKeys`]), sorted by ranks computed once
//! per list or by comparing folded text ([`run`]). It is written for
//! plainness, not speed, and ships nowhere: `src/search/index.rs` must
//! answer every query exactly as [`run`] does (`tests/search_reference.rs`
//! and `tests/query_*.rs` check it). What a query *means* is not repeated
//! here: both engines ask [`Query::matches`].
#![allow(dead_code)]

use netprune::network::model::Person;
use netprune::search::fold::fold_into;
use netprune::search::query::{Flags, Keys, Query, SortOrder, TextField};
use std::cmp::Ordering;

/// How many sort orders there are.
pub const ORDERS: usize = 8;

/// An order's index into [`Ranks::place`].
pub fn slot(order: SortOrder) -> usize {
    match order {
        SortOrder::Name => 0,
        SortOrder::NameDescending => 1,
        SortOrder::Connected => 2,
        SortOrder::ConnectedDescending => 3,
        SortOrder::Company => 4,
        SortOrder::CompanyDescending => 5,
        SortOrder::Contact => 6,
        SortOrder::ContactDescending => 7,
    }
}

fn is_descending(order: SortOrder) -> bool {
    matches!(
        order,
        SortOrder::NameDescending
            | SortOrder::ConnectedDescending
            | SortOrder::CompanyDescending
            | SortOrder::ContactDescending
    )
}

/// Sorts person indices with `compare`, stably (the standard library's
/// sort: the shipped engine writes its own to keep the .wasm small).
pub fn sort_indices(indices: &mut [u32], compare: &dyn Fn(usize, usize) -> Ordering) {
    indices.sort_by(|&a, &b| compare(a as usize, b as usize));
}

/// The first eight bytes of `text`, big-endian and zero-padded: ordered as
/// the texts are, as far as eight bytes tell.
pub fn prefix(text: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (slot, byte) in bytes.iter_mut().zip(text.bytes()) {
        *slot = byte;
    }
    u64::from_be_bytes(bytes)
}

/// One person's text and date, folded once so each keystroke only searches.
///
/// Build the whole list with [`SearchKeys::for_people`]: it also records
/// each person's place under every sort order, so sorting a result is
/// placing each hit at its place. Keys built one at a time with
/// [`SearchKeys::new`] give the same results in the same order, sorted by
/// comparing the folded text instead (several times slower on 30,000).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchKeys {
    /// Folded name, company, headline and position joined by '\n', which
    /// folding never produces: a bare word searches all four in one pass
    /// without matching across two of them, and `title:` searches the
    /// headline and position as one span.
    text: String,
    name_end: usize,
    company_end: usize,
    headline_end: usize,
    /// The first eight bytes of the folded name and company, big-endian and
    /// zero-padded, so most sort comparisons are one integer comparison.
    name_prefix: u64,
    company_prefix: u64,
    connected_day: Option<i64>,
    /// The data archive's last message day, for `sort:contact`.
    last_contact: Option<i64>,
    /// Set by [`SearchKeys::for_people`] only.
    pub ranks: Option<Ranks>,
}

/// Where one person stands in the list [`SearchKeys::for_people`] ranked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranks {
    /// A fingerprint of the ranked list (see `batch_fingerprint`): ranks are
    /// only used when every hit's come from the same list.
    pub batch: u64,
    /// How many people the list held: every rank is below it.
    pub count: u32,
    /// The person's place in the list under each [`SortOrder`] (indexed by
    /// [`slot`]), ties already broken by folded name then slug: so
    /// sorting hits is placing each at its rank, with no comparison at all.
    pub place: [u32; ORDERS],
}

impl SearchKeys {
    /// Folds one person's fields.
    pub fn new(person: &Person) -> Self {
        let mut text = String::with_capacity(
            person.name.len()
                + optional(&person.company).len()
                + optional(&person.headline).len()
                + optional(&person.position).len()
                + 3,
        );
        fold_into(&person.name, &mut text);
        let name_end = text.len();
        text.push('\n');
        fold_into(optional(&person.company), &mut text);
        let company_end = text.len();
        text.push('\n');
        fold_into(optional(&person.headline), &mut text);
        let headline_end = text.len();
        text.push('\n');
        fold_into(optional(&person.position), &mut text);
        let mut keys = Self {
            text,
            name_end,
            company_end,
            headline_end,
            name_prefix: 0,
            company_prefix: 0,
            connected_day: person.connected.map(|c| c.date.to_days()),
            last_contact: person.contact().and_then(|c| c.last_message).map(i64::from),
            ranks: None,
        };
        keys.name_prefix = prefix(keys.name());
        keys.company_prefix = prefix(keys.company());
        keys
    }

    /// Folds every person's fields and ranks the list under every sort
    /// order, so [`run`] sorts a result by placing each hit at its rank.
    /// `keys[i]` is person `i`'s.
    ///
    /// Ranking costs two text sorts of the list (by name and by company) and
    /// a few integer sorts, once per snapshot rather than once per keystroke.
    pub fn for_people(people: &[Person]) -> Vec<SearchKeys> {
        let mut keys: Vec<SearchKeys> = people.iter().map(Self::new).collect();
        let Ok(count) = u32::try_from(keys.len()) else {
            // Beyond four billion people: unranked keys still sort correctly.
            return keys;
        };
        let name_groups = dense_groups(count, &|i| keys[i].name());
        let company_groups = dense_groups(count, &|i| keys[i].company());
        let slug_groups = dense_groups(count, &|i| people[i].slug.as_str());
        // Folded name, then slug, then index: the tie-break of every order.
        let by_name = places(count, &|a, b| {
            (name_groups[a], slug_groups[a], a).cmp(&(name_groups[b], slug_groups[b], b))
        });
        let day = |i: usize| keys[i].connected_day;
        let contact = |i: usize| keys[i].last_contact;
        let no_company = |i: usize| keys[i].company().is_empty();
        let places = [
            by_name.clone(),
            places(count, &|a, b| {
                (name_groups[b], by_name[a]).cmp(&(name_groups[a], by_name[b]))
            }),
            places(count, &|a, b| {
                (day(a).is_none(), day(a), by_name[a]).cmp(&(day(b).is_none(), day(b), by_name[b]))
            }),
            places(count, &|a, b| {
                (day(a).is_none(), day(b), by_name[a]).cmp(&(day(b).is_none(), day(a), by_name[b]))
            }),
            places(count, &|a, b| {
                (no_company(a), company_groups[a], by_name[a]).cmp(&(
                    no_company(b),
                    company_groups[b],
                    by_name[b],
                ))
            }),
            places(count, &|a, b| {
                (no_company(a), company_groups[b], by_name[a]).cmp(&(
                    no_company(b),
                    company_groups[a],
                    by_name[b],
                ))
            }),
            places(count, &|a, b| {
                (contact(a).is_none(), contact(a), by_name[a]).cmp(&(
                    contact(b).is_none(),
                    contact(b),
                    by_name[b],
                ))
            }),
            places(count, &|a, b| {
                (contact(a).is_none(), contact(b), by_name[a]).cmp(&(
                    contact(b).is_none(),
                    contact(a),
                    by_name[b],
                ))
            }),
        ];
        let batch = batch_fingerprint(people, &keys);
        for (index, key) in keys.iter_mut().enumerate() {
            let mut place = [0u32; ORDERS];
            for (slot, places) in place.iter_mut().zip(&places) {
                *slot = places[index];
            }
            key.ranks = Some(Ranks {
                batch,
                count,
                place,
            });
        }
        keys
    }

    /// The folded name.
    pub fn name(&self) -> &str {
        self.text.get(..self.name_end).unwrap_or("")
    }

    /// The folded company ("" when unknown).
    pub fn company(&self) -> &str {
        self.text
            .get(self.name_end + 1..self.company_end)
            .unwrap_or("")
    }

    /// The folded headline ("" when none).
    pub fn headline(&self) -> &str {
        self.text
            .get(self.company_end + 1..self.headline_end)
            .unwrap_or("")
    }

    /// The folded position ("" when unknown).
    pub fn position(&self) -> &str {
        self.text.get(self.headline_end + 1..).unwrap_or("")
    }

    pub fn has_headline(&self) -> bool {
        self.headline_end > self.company_end + 1
    }

    pub fn span(&self, field: TextField) -> &str {
        match field {
            TextField::Any => &self.text,
            TextField::Name => self.name(),
            TextField::Company => self.company(),
            TextField::Title => self.text.get(self.company_end + 1..).unwrap_or(""),
        }
    }
}

impl Keys for SearchKeys {
    fn span(&self, field: TextField) -> &str {
        SearchKeys::span(self, field)
    }

    fn connected_day(&self) -> Option<i64> {
        self.connected_day
    }

    fn has_headline(&self) -> bool {
        SearchKeys::has_headline(self)
    }
}

/// Each of `0..count`'s place in the order `compare` gives, which must be
/// total (no two people equal) for the places to be a permutation.
pub fn places(count: u32, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..count).collect();
    sort_indices(&mut order, compare);
    let mut places = vec![0u32; order.len()];
    for (place, &index) in (0u32..).zip(&order) {
        places[index as usize] = place;
    }
    places
}

/// Dense ranks of a text over `0..count`: equal texts share a group.
pub fn dense_groups<'a>(count: u32, text: &dyn Fn(usize) -> &'a str) -> Vec<u32> {
    // Most comparisons are settled by the first eight bytes, without
    // touching the text.
    let prefixes: Vec<u64> = (0..count as usize).map(|i| prefix(text(i))).collect();
    let mut order: Vec<u32> = (0..count).collect();
    sort_indices(&mut order, &|a, b| {
        prefixes[a]
            .cmp(&prefixes[b])
            .then_with(|| text(a).cmp(text(b)))
    });
    let mut groups = vec![0u32; order.len()];
    let mut group = 0;
    for pair in order.windows(2) {
        if text(pair[0] as usize) != text(pair[1] as usize) {
            group += 1;
        }
        groups[pair[1] as usize] = group;
    }
    groups
}

/// FNV-1a over everything the places depend on (each person's slug, folded
/// name, folded company, connection day and last message day, in order). Two lists with the
/// same fingerprint place every index alike, so keys from either can be
/// sorted together; keys from lists that differ fall back to comparing text.
/// (A collision of two different lists would only misorder, never lose or
/// invent a hit: `sort_by_ranks` refuses two hits in one place.)
pub fn batch_fingerprint(people: &[Person], keys: &[SearchKeys]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &byte in bytes {
            hash = (hash ^ u64::from(byte)).wrapping_mul(PRIME);
        }
        // 0xFF never occurs in UTF-8 and the other fields have fixed
        // lengths, so it ends each field unambiguously.
        hash = (hash ^ 0xFF).wrapping_mul(PRIME);
    };
    eat(&(keys.len() as u64).to_le_bytes());
    for (person, key) in people.iter().zip(keys) {
        eat(person.slug.as_bytes());
        eat(key.name().as_bytes());
        eat(key.company().as_bytes());
        for day in [key.connected_day, key.last_contact] {
            match day {
                Some(day) => eat(&day.to_le_bytes()),
                None => eat(&[]),
            }
        }
    }
    hash
}

fn optional(text: &Option<String>) -> &str {
    text.as_deref().unwrap_or("")
}

/// The indices of the people matching `query`, in the query's order.
///
/// `keys[i]` must be person `i`'s keys (`SearchKeys::for_people(people)`,
/// or `SearchKeys::new(&people[i])` each) and `flags[i]` their flags. Only the first `min(people.len(), keys.len())` people are
/// considered; a person past the end of `flags` has no flag set.
pub fn run(query: &Query, people: &[Person], keys: &[SearchKeys], flags: &[Flags]) -> Vec<u32> {
    let count = people.len().min(keys.len()).min(u32::MAX as usize);
    let mut hits = Vec::with_capacity(count);
    for (index, person_keys) in keys.iter().take(count).enumerate() {
        let person_flags = flags.get(index).copied().unwrap_or_default();
        if query.matches(person_keys, person_flags) {
            hits.push(index as u32);
        }
    }
    sort_hits(&mut hits, query.sort(), people, keys);
    hits
}

pub fn sort_hits(hits: &mut Vec<u32>, order: SortOrder, people: &[Person], keys: &[SearchKeys]) {
    if !sort_by_ranks(hits, order, keys) {
        sort_by_text(hits, order, people, keys);
    }
}

/// Sorts by the places [`SearchKeys::for_people`] gave, when every hit has
/// them from the same list; false, with `hits` untouched, otherwise.
fn sort_by_ranks(hits: &mut Vec<u32>, order: SortOrder, keys: &[SearchKeys]) -> bool {
    let Some(first) = hits
        .first()
        .and_then(|&index| keys.get(index as usize)?.ranks)
    else {
        return hits.is_empty();
    };
    // One slot per person of the ranked list: placing the hits and reading
    // the slots back in order is linear, where a comparison sort is not.
    let mut slots = vec![u32::MAX; first.count as usize];
    for &index in hits.iter() {
        let Some(ranks) = keys.get(index as usize).and_then(|key| key.ranks) else {
            return false;
        };
        if ranks.batch != first.batch {
            return false;
        }
        match slots.get_mut(ranks.place[slot(order)] as usize) {
            Some(slot) if *slot == u32::MAX => *slot = index,
            // Two hits in one place: the keys were not laid out as ranked.
            _ => return false,
        }
    }
    hits.clear();
    hits.extend(slots.into_iter().filter(|&slot| slot != u32::MAX));
    true
}

/// Sorts by comparing folded text, for keys built one at a time.
fn sort_by_text(hits: &mut [u32], order: SortOrder, people: &[Person], keys: &[SearchKeys]) {
    let directed = |ordering: Ordering| {
        if is_descending(order) {
            ordering.reverse()
        } else {
            ordering
        }
    };
    // `run` only passes indices below `keys.len()` and `people.len()`.
    let compare = |a: usize, b: usize| {
        let (ka, kb) = (&keys[a], &keys[b]);
        let by_field = match order {
            SortOrder::Name | SortOrder::NameDescending => directed(
                ka.name_prefix
                    .cmp(&kb.name_prefix)
                    .then_with(|| ka.name().cmp(kb.name())),
            ),
            // Unknown dates and companies last, whichever the direction.
            SortOrder::Connected | SortOrder::ConnectedDescending => {
                (ka.connected_day.is_none().cmp(&kb.connected_day.is_none()))
                    .then_with(|| directed(ka.connected_day.cmp(&kb.connected_day)))
            }
            SortOrder::Contact | SortOrder::ContactDescending => {
                (ka.last_contact.is_none().cmp(&kb.last_contact.is_none()))
                    .then_with(|| directed(ka.last_contact.cmp(&kb.last_contact)))
            }
            SortOrder::Company | SortOrder::CompanyDescending => {
                (ka.company().is_empty().cmp(&kb.company().is_empty())).then_with(|| {
                    directed(
                        ka.company_prefix
                            .cmp(&kb.company_prefix)
                            .then_with(|| ka.company().cmp(kb.company())),
                    )
                })
            }
        };
        by_field
            .then(ka.name_prefix.cmp(&kb.name_prefix))
            .then_with(|| ka.name().cmp(kb.name()))
            .then_with(|| people[a].slug.cmp(&people[b].slug))
            .then(a.cmp(&b))
    };
    sort_indices(hits, &compare);
}
