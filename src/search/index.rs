//! The search index `Snapshot::query` runs every keystroke on.
//!
//! [`crate::search::query`] owns the filter language and what each query means
//! (`Query::holds`); the tests' reference engine
//! (`tests/support/reference_engine.rs`) answers one person at a time. This
//! module owns a layout of the same keys made for scanning 30,000 people per
//! keystroke, and must answer exactly as the reference does:
//!
//! - every person's folded text sits in one buffer, in the order queries
//!   read it;
//! - the columns a query scans (where each person's fields lie, a 256-bit
//!   signature of the byte pairs their text holds, the connection day, the
//!   last message day for `sort:contact`) are
//!   arrays in the default order (folded name, then slug), so the people a
//!   query keeps come out already sorted by name;
//! - a search term first checks the person's signature against the needle's
//!   (a few integer operations), and searches the text only when every byte
//!   pair of the needle may be there: most people are ruled out untouched;
//! - it is built in steps, each on first use, so that waking with a large
//!   network answers its first query (everyone, by name) soonest: the first
//!   query folds the names and orders the people; the first query that
//!   searches, filters or sorts otherwise folds the rest; each other sort
//!   order is ranked the first time it is asked for.
//!
//! It never reads a clock or the keep-list: flags come in per person.

use crate::network::model::Person;
use crate::search::fold::fold_into;
use crate::search::query::{Flags, Keys, Needle, Query, SortOrder, TextField};
use crate::search::sort::{prefix, sort_indices};
use std::borrow::Cow;
use std::cmp::Ordering;

/// Which hashed byte pairs a text holds: 256 bits. If a needle occurs in a
/// text, every pair of the needle is a pair of the text, so a needle whose
/// bits are not all set in a text's signature cannot occur in it. A
/// person's signature is the union of their fields' (pairs across the
/// newline between two fields are left out: folded needles never hold one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Signature([u64; 4]);

impl Signature {
    /// The signature of `text`'s byte pairs.
    #[cfg(test)]
    pub(crate) fn of(text: &[u8]) -> Self {
        let mut signature = Self::default();
        signature.add_field(text);
        signature
    }

    /// Adds `text`'s byte pairs, and answers them as one field's
    /// [`FieldSignature`]: one pass over the bytes for both (this runs over
    /// every byte of every person).
    pub(crate) fn add_field(&mut self, text: &[u8]) -> FieldSignature {
        let mut field = 0u64;
        let mut bits = [0u8; 32];
        for word in 0..4 {
            bits[word * 8..word * 8 + 8].copy_from_slice(&self.0[word].to_le_bytes());
        }
        for pair in text.windows(2) {
            if let [a, b] = *pair {
                let bit = pair_bit(a, b);
                bits[bit >> 3] |= 1 << (bit & 7);
                field |= 1 << (bit >> 2);
            }
        }
        for (word, bytes) in self.0.iter_mut().zip(bits.chunks_exact(8)) {
            let mut le = [0u8; 8];
            le.copy_from_slice(bytes);
            *word = u64::from_le_bytes(le);
        }
        FieldSignature(field)
    }

    /// Whether every bit of `needle` is set here.
    #[inline]
    fn covers(&self, needle: &Signature) -> bool {
        let [a, b, c, d] = self.0;
        let [w, x, y, z] = needle.0;
        (a & w) == w && (b & x) == x && (c & y) == y && (d & z) == z
    }
}

/// The byte pairs of one field's text, in 64 bits: what lets a one-field
/// search (`company:acme`) pass over a person whose company cannot hold the
/// word, when the person's whole text (and so the 256-bit [`Signature`])
/// may. Fewer bits than the whole text's, because a field is short.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct FieldSignature(u64);

impl FieldSignature {
    /// The signature of `text`'s byte pairs, by [`Signature::add_field`]:
    /// the one place that maps a byte pair to its bits.
    #[cfg(test)]
    pub(crate) fn of(text: &[u8]) -> Self {
        Signature::default().add_field(text)
    }

    /// Whether every bit of `needle` is set here.
    #[inline]
    fn covers(self, needle: FieldSignature) -> bool {
        self.0 & needle.0 == needle.0
    }
}

/// A byte pair hashed to one of 256 bits (Fibonacci hashing).
fn pair_bit(a: u8, b: u8) -> usize {
    ((((u32::from(a) << 8) | u32::from(b)).wrapping_mul(0x9E37_79B1)) >> 24) as usize
}

/// Sorts `order` by `keys[i]` of each element `i`, stably: a radix sort,
/// a byte per pass, skipping the bytes every key shares.
fn radix_sort(order: &mut Vec<u32>, keys: &[u64]) {
    let mut sorted = vec![0u32; order.len()];
    for shift in (0..64).step_by(8) {
        let digit = |i: u32| (keys[i as usize] >> shift) as usize & 0xFF;
        let mut counts = [0usize; 256];
        for &i in order.iter() {
            counts[digit(i)] += 1;
        }
        if counts.contains(&order.len()) {
            continue;
        }
        let mut start = 0;
        for count in counts.iter_mut() {
            let n = *count;
            *count = start;
            start += n;
        }
        for &i in order.iter() {
            let slot = &mut counts[digit(i)];
            sorted[*slot] = i;
            *slot += 1;
        }
        std::mem::swap(order, &mut sorted);
    }
}

/// `a.cmp(b)`, eight bytes at a step: in wasm the standard comparison is a
/// byte loop, and sorting names (namesakes then by slug) compares texts
/// that share a long start.
fn compare_text(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut at = 0;
    while at < a.len() && at < b.len() {
        let (x, y) = (word_at(a, at), word_at(b, at));
        if x != y {
            return x.cmp(&y);
        }
        at += 8;
    }
    // Equal as far as the shorter goes (zero padding included): a real zero
    // byte past it still makes the longer text the greater, as it should.
    a.len().cmp(&b.len())
}

/// Eight bytes of `text` from `at`, big-endian, zero-padded past its end.
fn word_at(text: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    let bytes = text.get(at..).unwrap_or_default();
    let n = bytes.len().min(8);
    word[..n].copy_from_slice(&bytes[..n]);
    u64::from_be_bytes(word)
}

/// Where one person's folded text lies in [`Columns::text`]: `name '\n'
/// company '\n' headline '\n' position`, from `start` to `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Spans {
    start: usize,
    name_end: usize,
    company_end: usize,
    headline_end: usize,
    end: usize,
}

/// Marks an unknown connection day in [`Columns::days`]: no real day is
/// this far from 1970.
const NO_DAY: i64 = i64::MIN;

/// The people's folded search keys, laid out for [`SearchIndex::run`].
/// Build it with [`SearchIndex::new`] whenever the people change, and pass
/// [`SearchIndex::run`] the same people.
///
/// Built in two steps, so that waking with a large network answers its
/// first query (everyone, by name) soonest: [`SearchIndex::new`] folds the
/// names and orders the people; the first query that searches, filters or
/// sorts otherwise folds the rest.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    /// Person indices in the default order (folded name, then slug, then
    /// index): row `r` of every column is person `order[r]`.
    order: Vec<u32>,
    /// Every person's folded name, in person order: person `i`'s ends at
    /// `name_ends[i]` and starts where the one before ends.
    names: String,
    name_ends: Vec<usize>,
    /// The rest, built on first use.
    columns: Option<Columns>,
    /// Each other [`SortOrder`] (by `SortOrder::slot`), ranked on the
    /// first query that sorts that way.
    ranks: [Option<Ranking>; SortOrder::COUNT],
}

/// One sort order, computed once: where each row goes, and who is where.
#[derive(Clone, Debug)]
struct Ranking {
    /// Per row, its place in this order.
    places: Vec<u32>,
    /// Per place, the person (not the row) there: everyone in this order,
    /// the answer to a query that sorts without filtering.
    people: Vec<u32>,
}

/// What a query scans, one entry per row (in the default order).
#[derive(Clone, Debug)]
struct Columns {
    /// Every person's folded text, in row order.
    text: String,
    /// Where each row's fields lie in `text`.
    spans: Vec<Spans>,
    /// The byte pairs of each row's text.
    signatures: Vec<Signature>,
    /// The byte pairs of each row's name, company and title (headline and
    /// position), for one-field searches: a column per field, so a search
    /// in one field reads 8 bytes a person.
    field_signatures: [Vec<FieldSignature>; 3],
    /// Each row's connection day, or [`NO_DAY`].
    days: Vec<i64>,
    /// Each row's last message day (the data archive's), or [`NO_DAY`]:
    /// what `sort:contact` ranks by.
    contacts: Vec<i64>,
}

/// One row of the index, as a query reads it.
struct Row<'a> {
    columns: &'a Columns,
    row: usize,
}

impl Keys for Row<'_> {
    #[inline]
    fn span(&self, field: TextField) -> &str {
        self.columns.span(self.row, field)
    }

    #[inline]
    fn connected_day(&self) -> Option<i64> {
        self.columns.day(self.row)
    }

    #[inline]
    fn has_headline(&self) -> bool {
        self.columns
            .spans
            .get(self.row)
            .is_some_and(|s| s.headline_end > s.company_end + 1)
    }

    #[inline]
    fn may_hold(&self, field: TextField, needle: &Needle) -> bool {
        let Some(slot) = field_slot(field) else {
            return self
                .columns
                .signatures
                .get(self.row)
                .is_none_or(|signature| signature.covers(needle.signature()));
        };
        self.columns.field_signatures[slot]
            .get(self.row)
            .is_none_or(|signature| signature.covers(needle.field_signature()))
    }
}

/// Where a one-field search finds its field's signatures; None for a bare word.
fn field_slot(field: TextField) -> Option<usize> {
    match field {
        TextField::Any => None,
        TextField::Name => Some(0),
        TextField::Company => Some(1),
        TextField::Title => Some(2),
    }
}

fn optional(text: &Option<String>) -> &str {
    text.as_deref().unwrap_or("")
}

/// Person `i`'s name in `names`, which holds every folded name end to end.
fn folded_name<'a>(names: &'a str, name_ends: &[usize], i: usize) -> &'a str {
    let start = i.checked_sub(1).map_or(0, |before| name_ends[before]);
    name_ends
        .get(i)
        .and_then(|&end| names.get(start..end))
        .unwrap_or("")
}

/// At most this many people are indexed: query results are `u32`s.
fn indexed(people: &[Person]) -> &[Person] {
    people.get(..u32::MAX as usize).unwrap_or(people)
}

impl SearchIndex {
    /// Folds every person's name and orders the people by it. Person `i`
    /// is `people[i]`, as in query results.
    pub fn new(people: &[Person]) -> Self {
        let people = indexed(people);
        let mut names = String::with_capacity(people.iter().map(|p| p.name.len()).sum());
        let mut name_ends = Vec::with_capacity(people.len());
        for person in people {
            fold_into(&person.name, &mut names);
            name_ends.push(names.len());
        }
        let name = |i: usize| folded_name(&names, &name_ends, i);

        // The default order, and the tie-break of every other: folded name,
        // then slug, then index. A radix sort on the names' first eight
        // bytes settles most of it; runs that share them are sorted by
        // comparing the rest.
        let prefixes: Vec<u64> = (0..people.len()).map(|i| prefix(name(i))).collect();
        let mut order: Vec<u32> = (0..people.len() as u32).collect();
        radix_sort(&mut order, &prefixes);
        let mut run = 0;
        while run < order.len() {
            let key = prefixes[order[run] as usize];
            let end = order[run..]
                .iter()
                .position(|&i| prefixes[i as usize] != key)
                .map_or(order.len(), |length| run + length);
            if end - run > 1 {
                sort_indices(&mut order[run..end], &|a, b| {
                    compare_text(name(a), name(b))
                        .then_with(|| compare_text(&people[a].slug, &people[b].slug))
                        .then(a.cmp(&b))
                });
            }
            run = end;
        }
        Self {
            order,
            names,
            name_ends,
            columns: None,
            ranks: Default::default(),
        }
    }

    /// Builds now what the first query that searches, filters or sorts
    /// would build (every person's folded text and its columns), so that
    /// query answers as fast as any other. `people` must be the list the
    /// index was built from. Doing it twice costs nothing.
    pub fn prepare(&mut self, people: &[Person]) {
        if self.columns.is_none() {
            self.columns = Some(self.columns(people));
        }
    }

    /// Whether [`SearchIndex::prepare`] has run (or a query did its work).
    pub fn is_prepared(&self) -> bool {
        self.columns.is_some()
    }

    /// Person `i`'s folded name.
    fn name(&self, i: usize) -> &str {
        folded_name(&self.names, &self.name_ends, i)
    }

    /// How many people the index holds.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether the index holds nobody.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The indices of the people matching `query`, in its order: what
    /// the reference engine in `tests/support/` answers for the same people. `people` must be
    /// the list the index was built from. `flags[i]` are person `i`'s
    /// flags; a person past its end has none (pass an empty slice when the
    /// query does not test flags).
    pub fn run(&mut self, people: &[Person], query: &Query, flags: &[Flags]) -> Vec<u32> {
        self.answer(people, query, flags).into_owned()
    }

    /// [`SearchIndex::run`]'s answer, borrowed from the index when it is
    /// everyone in an order the index keeps (no filter): the caller copies
    /// it once, where it is needed (into a JavaScript array), not twice.
    pub fn answer(&mut self, people: &[Person], query: &Query, flags: &[Flags]) -> Cow<'_, [u32]> {
        let sort = query.sort();
        if query.matches_everyone() && sort == SortOrder::Name {
            return Cow::Borrowed(&self.order);
        }
        let columns = match self.columns.take() {
            Some(columns) => columns,
            None => self.columns(people),
        };
        if query.matches_everyone() {
            self.ranking(&columns, sort);
            self.columns = Some(columns);
            return self.ranks[sort.slot()]
                .as_ref()
                .map_or(Cow::Owned(Vec::new()), |ranking| {
                    Cow::Borrowed(&ranking.people)
                });
        }
        let rows: Vec<u32> = {
            let columns = &columns;
            let mut rows = Vec::new();
            let (dated, from, before) = query.leading_date_range();
            if flags.is_empty() && dated > 0 {
                // Date bounds first, a column at a time: a tight loop over
                // the days, then the other clauses on the rows it kept.
                let from = from.max(NO_DAY + 1);
                for (row, &day) in columns.days.iter().enumerate() {
                    if day >= from && day < before {
                        rows.push(row as u32);
                    }
                }
                if dated < query.clauses().len() {
                    rows.retain(|&row| {
                        let row = row as usize;
                        query.holds_from(dated, &Row { columns, row }, Flags::default())
                    });
                }
            } else if let (true, Some(terms)) = (flags.is_empty(), query.leading_text_clause()) {
                // A clause of text terms first, a column at a time: a tight
                // loop over the signatures, the text searched only where
                // they allow, then the other clauses on the rows it kept.
                if let [(field, needle, negated)] = terms.as_slice() {
                    columns.scan(*field, needle, *negated, &mut rows);
                } else {
                    // `a OR b`: each term's rows marked, then read in order.
                    let mut marked = vec![false; self.order.len()];
                    for (field, needle, negated) in terms {
                        columns.scan(field, needle, negated, &mut rows);
                        for &row in &rows {
                            marked[row as usize] = true;
                        }
                        rows.clear();
                    }
                    rows.extend((0..self.order.len() as u32).filter(|&row| marked[row as usize]));
                }
                if query.clauses().len() > 1 {
                    rows.retain(|&row| {
                        let row = row as usize;
                        query.holds_from(1, &Row { columns, row }, Flags::default())
                    });
                }
            } else if flags.is_empty() {
                for row in 0..self.order.len() {
                    if query.holds(&Row { columns, row }, Flags::default()) {
                        rows.push(row as u32);
                    }
                }
            } else {
                for (row, &person) in self.order.iter().enumerate() {
                    let person_flags = flags.get(person as usize).copied().unwrap_or_default();
                    if query.holds(&Row { columns, row }, person_flags) {
                        rows.push(row as u32);
                    }
                }
            }
            rows
        };
        let found = self.ordered(&columns, rows, sort);
        self.columns = Some(columns);
        Cow::Owned(found)
    }

    /// Folds the rest of every person's text and lays out the columns.
    fn columns(&self, people: &[Person]) -> Columns {
        let people = indexed(people);
        let capacity = self.names.len()
            + people
                .iter()
                .map(|p| {
                    optional(&p.company).len()
                        + optional(&p.headline).len()
                        + optional(&p.position).len()
                        + 4
                })
                .sum::<usize>();
        // In row order, so that a query reads the text front to back.
        let mut text = String::with_capacity(capacity);
        let mut spans = Vec::with_capacity(self.order.len());
        for &i in &self.order {
            let i = i as usize;
            let person = people.get(i);
            let field =
                |text: fn(&Person) -> &Option<String>| person.map_or("", |p| optional(text(p)));
            let start = text.len();
            text.push_str(self.name(i));
            let name_end = text.len();
            text.push('\n');
            fold_into(field(|p| &p.company), &mut text);
            let company_end = text.len();
            text.push('\n');
            fold_into(field(|p| &p.headline), &mut text);
            let headline_end = text.len();
            text.push('\n');
            fold_into(field(|p| &p.position), &mut text);
            let end = text.len();
            text.push('\n');
            spans.push(Spans {
                start,
                name_end,
                company_end,
                headline_end,
                end,
            });
        }
        // Field by field: pairs across a separator are never searched for.
        // The title is the headline and the position.
        let (signatures, field_signatures) = spans
            .iter()
            .map(|s| {
                let mut signature = Signature::default();
                let bytes =
                    |range: std::ops::Range<usize>| text.as_bytes().get(range).unwrap_or_default();
                let name = signature.add_field(bytes(s.start..s.name_end));
                let company = signature.add_field(bytes(s.name_end + 1..s.company_end));
                let headline = signature.add_field(bytes(s.company_end + 1..s.headline_end));
                let position = signature.add_field(bytes(s.headline_end + 1..s.end));
                let title = FieldSignature(headline.0 | position.0);
                (signature, [name, company, title])
            })
            .unzip::<_, _, Vec<_>, Vec<_>>();
        let field_signatures = [0, 1, 2].map(|slot| {
            field_signatures
                .iter()
                .map(|fields: &[FieldSignature; 3]| fields[slot])
                .collect()
        });
        let days = self
            .order
            .iter()
            .map(|&i| {
                people
                    .get(i as usize)
                    .and_then(|p| p.connected)
                    .map_or(NO_DAY, |c| c.date.to_days())
            })
            .collect();
        let contacts = self
            .order
            .iter()
            .map(|&i| {
                people
                    .get(i as usize)
                    .and_then(|p| p.contact()?.last_message)
                    .map_or(NO_DAY, i64::from)
            })
            .collect();
        Columns {
            text,
            spans,
            signatures,
            field_signatures,
            days,
            contacts,
        }
    }

    /// `sort`'s ranking, computed on its first use (the name order's is
    /// the index's own order).
    fn ranking(&mut self, columns: &Columns, sort: SortOrder) -> &Ranking {
        let order = &self.order;
        self.ranks[sort.slot()].get_or_insert_with(|| {
            let places = if sort == SortOrder::Name {
                (0..order.len() as u32).collect()
            } else {
                columns.rank(sort)
            };
            let mut people = vec![0u32; order.len()];
            for (&place, &person) in places.iter().zip(order) {
                people[place as usize] = person;
            }
            Ranking { places, people }
        })
    }

    /// The people of `rows` (ascending) in `sort`'s order.
    fn ordered(&mut self, columns: &Columns, mut rows: Vec<u32>, sort: SortOrder) -> Vec<u32> {
        if sort == SortOrder::Name {
            for row in rows.iter_mut() {
                *row = self.order[*row as usize];
            }
            return rows;
        }
        let count = self.order.len();
        let Ranking { places, people } = self.ranking(columns, sort);
        if rows.len() < count / 32 {
            // A few hits: sort their places, rather than walk every place.
            for row in rows.iter_mut() {
                *row = places[*row as usize];
            }
            sort_indices(&mut rows, &|a, b| a.cmp(&b));
            for place in rows.iter_mut() {
                *place = people[*place as usize];
            }
            return rows;
        }
        // Many: mark their places, then read everyone in order.
        let mut marked = vec![false; count];
        for &row in &rows {
            marked[places[row as usize] as usize] = true;
        }
        rows.clear();
        rows.extend(
            marked
                .iter()
                .zip(people)
                .filter_map(|(&hit, &person)| hit.then_some(person)),
        );
        rows
    }
}

impl Columns {
    /// Appends every row whose `field` holds `needle` (or, `negated`, does
    /// not) to `rows`, ascending.
    fn scan(&self, field: TextField, needle: &Needle, negated: bool, rows: &mut Vec<u32>) {
        let mut keep = |row: usize, may_hold: bool| {
            let hit = may_hold && needle.is_in(self.span(row, field));
            if hit != negated {
                rows.push(row as u32);
            }
        };
        match field_slot(field) {
            Some(slot) => {
                let bits = needle.field_signature();
                for (row, signature) in self.field_signatures[slot].iter().enumerate() {
                    keep(row, signature.covers(bits));
                }
            }
            None => {
                let bits = needle.signature();
                for (row, signature) in self.signatures.iter().enumerate() {
                    keep(row, signature.covers(bits));
                }
            }
        }
    }

    /// Ranks every row under `sort`: ties fall back to the row, which is
    /// the name order.
    fn rank(&self, sort: SortOrder) -> Vec<u32> {
        let directed = |ordering: Ordering| {
            if sort.is_descending() {
                ordering.reverse()
            } else {
                ordering
            }
        };
        let name = |row: usize| self.span(row, TextField::Name);
        let company = |row: usize| self.span(row, TextField::Company);
        let mut rows: Vec<u32> = (0..self.spans.len() as u32).collect();
        match sort {
            SortOrder::Name => {}
            SortOrder::NameDescending => sort_indices(&mut rows, &|a, b| {
                directed(
                    prefix(name(a))
                        .cmp(&prefix(name(b)))
                        .then_with(|| name(a).cmp(name(b))),
                )
                .then(a.cmp(&b))
            }),
            // Unknown dates and companies last, whichever the direction
            // (and those never messaged, by last contact).
            SortOrder::Connected
            | SortOrder::ConnectedDescending
            | SortOrder::Contact
            | SortOrder::ContactDescending => {
                let days = match sort {
                    SortOrder::Contact | SortOrder::ContactDescending => &self.contacts,
                    _ => &self.days,
                };
                sort_indices(&mut rows, &|a, b| {
                    let (day_a, day_b) = (days[a], days[b]);
                    ((day_a == NO_DAY).cmp(&(day_b == NO_DAY)))
                        .then_with(|| directed(day_a.cmp(&day_b)))
                        .then(a.cmp(&b))
                })
            }
            SortOrder::Company | SortOrder::CompanyDescending => {
                sort_indices(&mut rows, &|a, b| {
                    let (company_a, company_b) = (company(a), company(b));
                    (company_a.is_empty().cmp(&company_b.is_empty()))
                        .then_with(|| {
                            directed(
                                prefix(company_a)
                                    .cmp(&prefix(company_b))
                                    .then_with(|| company_a.cmp(company_b)),
                            )
                        })
                        .then(a.cmp(&b))
                })
            }
        }
        let mut places = vec![0u32; rows.len()];
        for (place, &row) in (0u32..).zip(&rows) {
            places[row as usize] = place;
        }
        places
    }

    #[inline]
    fn span(&self, row: usize, field: TextField) -> &str {
        let Some(s) = self.spans.get(row) else {
            return "";
        };
        let range = match field {
            TextField::Any => s.start..s.end,
            TextField::Name => s.start..s.name_end,
            TextField::Company => s.name_end + 1..s.company_end,
            TextField::Title => s.company_end + 1..s.end,
        };
        self.text.get(range).unwrap_or("")
    }

    #[inline]
    fn day(&self, row: usize) -> Option<i64> {
        self.days.get(row).copied().filter(|&day| day != NO_DAY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::model::Source;
    use proptest::prelude::*;

    fn person(slug: &str, name: &str) -> Person {
        Person::new(slug.into(), name.into(), Source::ConnectionsPage, 0)
    }

    #[test]
    fn a_needle_is_ruled_out_only_when_a_pair_is_missing() {
        let text = Signature::of(b"maria silva\nacme\nrecruiter at acme");
        for present in ["maria", "a", "silva", "recruiter at acme", "ia si", "me"] {
            assert!(text.covers(&Signature::of(present.as_bytes())), "{present}");
        }
        assert!(!text.covers(&Signature::of(b"zz")));
        assert!(!text.covers(&Signature::of(b"maria x")));
        assert_eq!(Signature::of(b"a"), Signature::default());
    }

    #[test]
    fn a_field_needle_is_ruled_out_only_when_a_pair_is_missing() {
        let company = FieldSignature::of(b"acme corp");
        for present in ["acme", "corp", "e c", "a", "me co"] {
            assert!(
                company.covers(FieldSignature::of(present.as_bytes())),
                "{present}"
            );
        }
        assert!(!company.covers(FieldSignature::of(b"zz")));
        assert_eq!(FieldSignature::of(b"a"), FieldSignature::default());
    }

    #[test]
    fn one_field_searches_look_only_in_that_field() {
        let mut p = person("p", "Acme Fan");
        p.company = Some("Globex".into());
        p.headline = Some("Recruiter at Acme".into());
        let people = [p];
        assert!(run(&people, "company:acme").is_empty());
        assert_eq!(run(&people, "company:globex"), vec![0]);
        assert_eq!(run(&people, "name:acme"), vec![0]);
        assert_eq!(run(&people, "title:acme"), vec![0]);
        assert!(run(&people, "title:globex").is_empty());
        assert_eq!(run(&people, "-company:acme"), vec![0]);
    }

    #[test]
    fn radix_sort_is_a_stable_sort_by_key() {
        let keys: Vec<u64> = (0..500u64)
            .map(|i| (i * 7919 % 97) << (i % 8 * 8))
            .collect();
        let mut order: Vec<u32> = (0..500).collect();
        radix_sort(&mut order, &keys);
        let mut expected: Vec<u32> = (0..500).collect();
        expected.sort_by_key(|&i| keys[i as usize]);
        assert_eq!(order, expected);
        let mut same = vec![3u32, 1, 2];
        radix_sort(&mut same, &[5, 5, 5, 5]);
        assert_eq!(same, vec![3, 1, 2]);
    }

    proptest! {
        #[test]
        fn texts_compare_as_the_standard_library_does(a in "(\\PC|\\x00){0,20}", b in "(\\PC|\\x00){0,20}", common in "[a-z\\x00]{0,12}") {
            let (a, b) = (format!("{common}{a}"), format!("{common}{b}"));
            prop_assert_eq!(compare_text(&a, &b), a.cmp(&b));
            prop_assert_eq!(compare_text(&a, &a), Ordering::Equal);
        }
    }

    /// People named a..f, connected in 2018..2023 in reverse name order,
    /// `e` with no date; the odd ones are recruiters.
    fn dated_people() -> Vec<Person> {
        use crate::network::calendar::{CivilDate, ConnectedDate, DatePrecision};
        ["f", "e", "d", "c", "b", "a"]
            .iter()
            .zip(2018..)
            .enumerate()
            .map(|(i, (&name, year))| {
                let mut p = person(name, name);
                if name != "e" {
                    p.connected = CivilDate::new(year, 6, 1).map(|date| ConnectedDate {
                        date,
                        precision: DatePrecision::Day,
                    });
                }
                if i % 2 == 1 {
                    p.headline = Some("Recruiter".into());
                }
                p
            })
            .collect()
    }

    fn run(people: &[Person], query: &str) -> Vec<u32> {
        let mut index = SearchIndex::new(people);
        let parsed = crate::search::query::parse(query, 0).expect("a valid query");
        index.run(people, &parsed, &[])
    }

    #[test]
    fn date_bounds_scan_the_days_then_test_the_other_clauses() {
        let people = dated_people();
        // Persons 0..6 are f..a connected 2018..2023; e (1) has no date.
        assert_eq!(run(&people, "after:2019 before:2022"), vec![3, 2]);
        assert_eq!(run(&people, "before:2022"), vec![3, 2, 0]);
        assert_eq!(run(&people, "after:2019"), vec![5, 4, 3, 2]);
        assert_eq!(run(&people, "after:2019 recruiter"), vec![5, 3]);
        assert_eq!(run(&people, "after:2019 before:2022 -recruiter"), vec![2]);
        assert_eq!(run(&people, "-before:2022"), vec![5, 4]);
        assert_eq!(run(&people, "after:2019 sort:-connected"), vec![5, 4, 3, 2]);
    }

    #[test]
    fn a_sort_without_a_filter_lists_everyone_in_that_order() {
        let people = dated_people();
        assert_eq!(run(&people, "sort:connected"), vec![0, 2, 3, 4, 5, 1]);
        assert_eq!(run(&people, "sort:-connected"), vec![5, 4, 3, 2, 0, 1]);
        assert_eq!(run(&people, "sort:-name"), vec![0, 1, 2, 3, 4, 5]);
        // Few hits are sorted by place; many are read off the places.
        assert_eq!(run(&people, "recruiter sort:connected"), vec![3, 5, 1]);
        let many: Vec<Person> = (0..100).flat_map(|_| dated_people()).collect();
        let found = run(&many, "recruiter sort:connected");
        assert_eq!(found.len(), 300);
        let day = |i: u32| many[i as usize].connected.map(|c| c.date.to_days());
        assert!(found.windows(2).all(|w| match (day(w[0]), day(w[1])) {
            (Some(a), Some(b)) => a <= b,
            (_, None) => true,
            (None, Some(_)) => false,
        }));
    }

    #[test]
    fn fields_are_read_back_as_folded() {
        let mut p = person("jose", "José  García");
        p.company = Some("Acme".into());
        p.headline = Some("Head of Sales at Acme".into());
        p.position = Some("Head of Sales".into());
        let people = [person("z", "Zoë"), p];
        let index = SearchIndex::new(&people);
        assert_eq!(index.order, vec![1, 0]);
        let columns = index.columns(&people);
        assert_eq!(columns.span(0, TextField::Name), "jose garcia");
        assert_eq!(columns.span(0, TextField::Company), "acme");
        assert_eq!(
            columns.span(0, TextField::Title),
            "head of sales at acme\nhead of sales"
        );
        assert_eq!(columns.span(1, TextField::Any), "zoe\n\n\n");
        let row = |row| Row {
            columns: &columns,
            row,
        };
        assert!(row(0).has_headline());
        assert!(!row(1).has_headline());
        assert_eq!(columns.span(2, TextField::Any), "");
    }
}
