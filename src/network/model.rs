//! The relationship model: people, the network snapshot, and what follows
//! from it (the 500+ badge, the 30,000 cap, the follower:connection balance).
//!
//! The snapshot is built only from readings of the member's own pages (and,
//! later, LinkedIn's export). Every figure keeps the precision the page gave
//! and the time it was read, so the popup can say "about 3,400, read 2 days
//! ago" rather than invent digits. A snapshot that breaks followers >=
//! connections is reported as partial, never shown as truth. Nothing here
//! reads a clock or storage: the caller passes `now_ms` and persists the
//! serialized [`Network`].

use crate::intake::collect::Collection;
use crate::intake::reading::{
    clean_text, parse_connected_text, parse_count, slug_from_profile_url, ConnectedDate, Figure,
    PageKind, PageReading, Precision,
};
use crate::network::calendar::TimeMs;
use crate::network::fastmap::FastMap;
use crate::removal::queue::RemovalQueue;
use crate::search::index::SearchIndex;
use crate::search::query::{Flags, QueryError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The most connections a member can hold.
pub const CONNECTION_CAP: u64 = 30_000;
/// The connection count from which LinkedIn shows "500+".
pub const BADGE_THRESHOLD: u64 = 500;
/// The snapshot format this build writes and reads.
pub const SNAPSHOT_VERSION: u32 = 1;

const MAX_NAME_CHARS: usize = 300;
const MAX_HEADLINE_CHARS: usize = 600;
const MAX_CARDS_PER_READING: usize = 2_000;
const MAX_READINGS_KEPT: usize = 1_000;
const MAX_QUERY_NAME_CHARS: usize = 60;
const MAX_QUERY_CHARS: usize = 500;
const MAX_SAVED_QUERIES: usize = 50;

/// Where a person or a figure was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// The connections page.
    ConnectionsPage,
    /// The followers tab of My Network.
    FollowersPage,
    /// The following tab of My Network.
    FollowingPage,
    /// The member's own profile.
    Profile,
    /// LinkedIn's Connections.csv export.
    Export,
}

impl Source {
    fn of_page(page: PageKind) -> Self {
        match page {
            PageKind::Connections => Self::ConnectionsPage,
            PageKind::Followers => Self::FollowersPage,
            PageKind::Following => Self::FollowingPage,
            PageKind::Profile => Self::Profile,
        }
    }
}

/// One of the member's connections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    /// The profile slug (`/in/<slug>/`), decoded and lower-cased: the key.
    pub slug: String,
    /// The name shown.
    pub name: String,
    /// The headline shown, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// The current company, where known (the export gives it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// The current position, where known (the export gives it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// When the connection was made, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connected: Option<ConnectedDate>,
    /// Where the person was read.
    pub source: Source,
    /// When the person was first read.
    pub first_seen_ms: TimeMs,
    /// When the person was last read.
    pub last_seen_ms: TimeMs,
    /// On the member's keep-list: never queued for removal.
    #[serde(default, skip_serializing_if = "is_false")]
    pub kept: bool,
    /// Known only from an export row without a profile link: shown, but
    /// never removable until seen on the connections page. The slug is then
    /// a synthetic key starting with [`UNMATCHED_PREFIX`].
    #[serde(default, skip_serializing_if = "is_false")]
    pub unmatched: bool,
    /// The collection run that last saw this person on the page (0: none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub last_run: u32,
    /// Missing from a complete collection since this time: no longer a
    /// connection (removed by either side).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gone_since_ms: Option<TimeMs>,
    /// When netprune removed this person (verified: the card left the
    /// list). They are never queued again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed_at_ms: Option<TimeMs>,
}

/// The start of the key of a person known only from an export row without a
/// profile link. It cannot clash with a real slug: those never hold a colon.
pub const UNMATCHED_PREFIX: &str = "export:";

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The search index cached beside the people it was built from. Derived
/// data: two networks with the same people are equal whatever their caches
/// hold.
#[derive(Clone, Debug, Default)]
pub(crate) struct SearchCache(
    Option<SearchIndex>,
    /// Names carried by an unmatched export row, with the first such row and
    /// the first person of that name read with a link ([`Network::rows`]
    /// marks them as possibly the same), built on first use.
    pub(crate) std::cell::OnceCell<crate::report::view::NameGroups>,
);

impl PartialEq for SearchCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A query the member saved under a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedQuery {
    /// The name shown on its button.
    pub name: String,
    /// The query text.
    pub query: String,
}

/// Which of the three figures a reading is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FigureKind {
    /// Connections (mutual).
    Connections,
    /// Followers (one-way, in).
    Followers,
    /// Following (one-way, out).
    Following,
}

impl FigureKind {
    fn noun(self) -> &'static str {
        match self {
            Self::Connections => "connections",
            Self::Followers => "followers",
            Self::Following => "following",
        }
    }
}

/// One reading of a figure, kept as history: consecutive equal readings from
/// the same source are folded into one that spans their times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CountReading {
    /// Which figure.
    pub kind: FigureKind,
    /// The figure as read.
    pub figure: Figure,
    /// Where.
    pub source: Source,
    /// When this value was first read.
    pub first_read_ms: TimeMs,
    /// When this value was last read.
    pub read_ms: TimeMs,
}

/// The follower:connection goals members plan by (DESIGN.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Goal {
    /// Thought leader or executive: 3:1 to 5:1.
    ThoughtLeader,
    /// Consultant or freelancer: 1.5:1 to 2:1.
    Consultant,
    /// Business developer: 1:1 to 1.5:1.
    #[default]
    BusinessDeveloper,
    /// Early career: 0.8:1 to 1:1.
    EarlyCareer,
}

impl Goal {
    /// Every goal, in the order the popup lists them.
    pub const ALL: [Goal; 4] = [
        Self::ThoughtLeader,
        Self::Consultant,
        Self::BusinessDeveloper,
        Self::EarlyCareer,
    ];

    /// The follower:connection band, low and high.
    pub fn band(self) -> (f64, f64) {
        match self {
            Self::ThoughtLeader => (3.0, 5.0),
            Self::Consultant => (1.5, 2.0),
            Self::BusinessDeveloper => (1.0, 1.5),
            Self::EarlyCareer => (0.8, 1.0),
        }
    }

    /// The id used in messages and storage.
    pub fn id(self) -> &'static str {
        match self {
            Self::ThoughtLeader => "thought-leader",
            Self::Consultant => "consultant",
            Self::BusinessDeveloper => "business-developer",
            Self::EarlyCareer => "early-career",
        }
    }

    /// The goal with this id.
    pub fn from_id(id: &str) -> Result<Self, ModelError> {
        Self::ALL
            .into_iter()
            .find(|g| g.id() == id)
            .ok_or_else(|| ModelError::UnknownGoal(clean_text(id, 40)))
    }

    fn label(self) -> &'static str {
        match self {
            Self::ThoughtLeader => "Thought leader / executive",
            Self::Consultant => "Consultant / freelancer",
            Self::BusinessDeveloper => "Business developer",
            Self::EarlyCareer => "Early career",
        }
    }
}

/// How the last page read went.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageStatus {
    /// Which page.
    pub page: PageKind,
    /// "recognised" or "unrecognised".
    pub status: PageOutcome,
    /// The page's URL.
    pub url: String,
    /// The markup generation, when recognised.
    pub generation: Option<String>,
    /// Why it was not recognised.
    pub reason: Option<String>,
    /// When.
    pub at_ms: TimeMs,
}

/// Whether a page's markup was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageOutcome {
    /// Read.
    Recognised,
    /// Nothing read from it.
    Unrecognised,
}

/// Errors the model reports to its caller.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelError {
    /// A reading that cannot have come from the member's LinkedIn tab.
    BadReading(String),
    /// A goal id that is not one of the four.
    UnknownGoal(String),
    /// A stored snapshot this build cannot read.
    BadSnapshot(String),
    /// A request from the member's UI that cannot be done as asked.
    BadInput(String),
    /// A stored snapshot written by a newer netprune: not damaged, only
    /// newer than this build. Keep it, never overwrite it.
    NewerVersion(String),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadReading(why) => write!(f, "page reading refused: {why}"),
            Self::UnknownGoal(id) => write!(
                f,
                "unknown goal {id:?}: expected thought-leader, consultant, business-developer or early-career"
            ),
            Self::BadSnapshot(why) => write!(f, "saved network data unreadable: {why}"),
            Self::BadInput(why) => f.write_str(why),
            Self::NewerVersion(why) => {
                write!(f, "saved network data made by a newer netprune: {why}")
            }
        }
    }
}

impl std::error::Error for ModelError {}

/// What one reading changed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IngestReport {
    /// People read for the first time.
    pub added: u32,
    /// People read before, refreshed.
    pub updated: u32,
    /// Figures that were read.
    pub figures: Vec<FigureKind>,
    /// Cards and tokens left out, with the reason: never guessed at.
    pub skipped: Vec<String>,
    /// Collection progress, while a collection runs.
    pub collect: Option<crate::intake::collect::Progress>,
}

/// The member's network as netprune knows it: the whole persisted state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Network {
    /// The snapshot format version.
    pub version: u32,
    /// Connections read so far. Query results are indices into this list.
    pub people: Vec<Person>,
    /// Slug to index in `people`; rebuilt on restore, never stored.
    #[serde(skip)]
    pub(crate) index: FastMap<String, u32>,
    /// The search index for `people`, built on the first query and
    /// dropped whenever people change.
    #[serde(skip)]
    pub(crate) search: SearchCache,
    /// Every reading of the three figures, oldest first.
    pub readings: Vec<CountReading>,
    /// The goal the member picked.
    pub goal: Goal,
    /// The last page read.
    pub last_page: Option<PageStatus>,
    /// The current or last collection run.
    #[serde(default)]
    pub collection: Option<Collection>,
    /// Queries the member saved.
    #[serde(default)]
    pub saved_queries: Vec<SavedQuery>,
    /// The removal queue, its pacing state and its log.
    #[serde(default)]
    pub queue: RemovalQueue,
}

impl Default for Network {
    fn default() -> Self {
        Self {
            version: SNAPSHOT_VERSION,
            people: Vec::new(),
            index: FastMap::default(),
            search: SearchCache::default(),
            readings: Vec::new(),
            goal: Goal::default(),
            last_page: None,
            collection: None,
            saved_queries: Vec::new(),
            queue: RemovalQueue::default(),
        }
    }
}

/// The refusal of a snapshot of format `version`, newer than this build's.
pub(crate) fn newer_version(version: u64) -> ModelError {
    ModelError::NewerVersion(format!(
        "format {version}, this one reads up to {SNAPSHOT_VERSION}; update netprune to open it"
    ))
}

/// Whether an unmatched export row's company is named in a card's headline.
fn row_fits_headline(row: &Person, headline: Option<&str>) -> bool {
    match (row.company.as_deref(), headline) {
        (Some(company), Some(headline)) => {
            crate::intake::merge::names_company(headline, &crate::search::fold::fold(company))
        }
        _ => false,
    }
}

impl Network {
    /// Whether the linkless row `row` also fits someone other than `slug`
    /// with the folded name `folded`: a person already read, or another card
    /// of the same reading (`cards`: slug, folded name, headline). Then the
    /// row fits more than one person and merges into none.
    fn another_fits(
        &self,
        row: &str,
        slug: &str,
        folded: &str,
        cards: &[(String, String, Option<String>)],
    ) -> bool {
        let Some(row) = self.person(row) else {
            return true;
        };
        let read = self.people.iter().any(|p| {
            !p.unmatched
                && p.slug != slug
                && row_fits_headline(row, p.headline.as_deref())
                && crate::search::fold::fold(&p.name) == folded
        });
        read || cards.iter().any(|(s, f, headline)| {
            s != slug && f == folded && row_fits_headline(row, headline.as_deref())
        })
    }

    /// Checks a snapshot that was just deserialized from storage.
    pub fn validated(self) -> Result<Self, ModelError> {
        if self.version > SNAPSHOT_VERSION {
            return Err(newer_version(u64::from(self.version)));
        }
        if self.version == 0 {
            return Err(ModelError::BadSnapshot("it has no format version".into()));
        }
        let mut network = self;
        network.index = FastMap::with_capacity_and_hasher(network.people.len(), Default::default());
        for (i, person) in network.people.iter().enumerate() {
            if person.slug.is_empty() {
                return Err(ModelError::BadSnapshot(format!(
                    "person {} has no profile key",
                    i + 1
                )));
            }
            if network
                .index
                .insert(person.slug.clone(), i as u32)
                .is_some()
            {
                return Err(ModelError::BadSnapshot(format!(
                    "person {:?} is listed twice",
                    person.slug
                )));
            }
        }
        network.queue = std::mem::take(&mut network.queue).validated()?;
        Ok(network)
    }

    /// The person with this slug.
    pub fn person(&self, slug: &str) -> Option<&Person> {
        self.index.get(slug).map(|&i| &self.people[i as usize])
    }

    /// The index of the person with this slug.
    pub fn index_of(&self, slug: &str) -> Option<usize> {
        self.index.get(slug).map(|&i| i as usize)
    }

    /// The indices of the people matching `query`, in its order. The
    /// search index is built on the first query after people change (tens
    /// of milliseconds for 30,000, half of it on the first query that
    /// searches), then each query costs well under a millisecond.
    pub fn query(&mut self, query: &str, now_ms: TimeMs) -> Result<Vec<u32>, QueryError> {
        let parsed = crate::search::query::parse(query, now_ms)?;
        let flags = if parsed.uses_flags() {
            self.flags()
        } else {
            Vec::new()
        };
        let index = self
            .search
            .0
            .get_or_insert_with(|| SearchIndex::new(&self.people));
        Ok(index.run(&self.people, &parsed, &flags))
    }

    /// Every person's flags, by index, for `is:` filters.
    fn flags(&self) -> Vec<Flags> {
        let mut flags: Vec<Flags> = self
            .people
            .iter()
            .map(|p| Flags {
                kept: p.kept,
                queued: false,
                removed: p.removed_at_ms.is_some(),
                gone: p.gone_since_ms.is_some(),
            })
            .collect();
        // From the queue's side: usually a few people, never a lookup per person.
        for slug in self.queue.queued_slugs() {
            if let Some(i) = self.index_of(slug) {
                flags[i].queued = true;
            }
        }
        flags
    }

    /// Adds a person not yet known; the caller checked the slug is new.
    pub(crate) fn push_person(&mut self, person: Person) -> usize {
        self.search = SearchCache::default();
        let i = self.people.len();
        self.index.insert(person.slug.clone(), i as u32);
        self.people.push(person);
        i
    }

    /// Removes the person at `i` (an unmatched export row that turned out
    /// to be someone read on the page), keeping the index true.
    pub(crate) fn remove_person(&mut self, i: usize) -> Person {
        self.search = SearchCache::default();
        let removed = self.people.swap_remove(i);
        self.index.remove(&removed.slug);
        if let Some(moved) = self.people.get(i) {
            self.index.insert(moved.slug.clone(), i as u32);
        }
        removed
    }

    /// Merges a page reading taken at `now_ms`.
    pub fn ingest(
        &mut self,
        reading: PageReading,
        now_ms: TimeMs,
    ) -> Result<IngestReport, ModelError> {
        let page = reading.page.ok_or_else(|| {
            ModelError::BadReading("it does not say which page it is from".into())
        })?;
        if !is_linkedin_url(&reading.url) {
            return Err(ModelError::BadReading(format!(
                "{:?} is not a www.linkedin.com page",
                clean_text(&reading.url, 120)
            )));
        }
        let url = clean_text(&reading.url, 500);
        let mut report = IngestReport::default();
        if !reading.recognised {
            // An unrecognised page changes no figure and no person: a page we
            // cannot read must never produce a count.
            self.last_page = Some(PageStatus {
                page,
                status: PageOutcome::Unrecognised,
                url,
                generation: None,
                reason: Some(
                    reading
                        .reason
                        .map(|r| clean_text(&r, 300))
                        .filter(|r| !r.is_empty())
                        .unwrap_or_else(|| "the page's layout is not one netprune knows".into()),
                ),
                at_ms: now_ms,
            });
            return Ok(report);
        }
        if reading.cards.len() > MAX_CARDS_PER_READING {
            return Err(ModelError::BadReading(format!(
                "{} cards in one reading (at most {MAX_CARDS_PER_READING})",
                reading.cards.len()
            )));
        }
        if page != PageKind::Connections && !reading.cards.is_empty() {
            return Err(ModelError::BadReading(
                "connection cards can only come from the connections page".into(),
            ));
        }

        let source = Source::of_page(page);
        let tokens = [
            (FigureKind::Connections, reading.counts.connections),
            (FigureKind::Followers, reading.counts.followers),
            (FigureKind::Following, reading.counts.following),
        ];
        for (kind, token) in tokens {
            let Some(token) = token else { continue };
            match parse_count(&token) {
                Ok(figure) if kind == FigureKind::Connections && figure.low > CONNECTION_CAP => {
                    report.skipped.push(format!(
                        "{} connections is above LinkedIn's cap of 30,000; not recorded",
                        figure.shown
                    ));
                }
                Ok(figure) => {
                    self.record(kind, figure, source, now_ms);
                    report.figures.push(kind);
                }
                Err(e) => report.skipped.push(format!("{}: {e}", kind.noun())),
            }
        }

        if !reading.cards.is_empty() {
            self.search = SearchCache::default();
        }
        let mut unmatched = self.unmatched_by_name();
        // Every card of this reading by slug, folded name and headline: a
        // linkless row must fit exactly one person across what is already
        // read AND the cards of this same reading.
        let reading_cards: Vec<(String, String, Option<String>)> = if unmatched.is_empty() {
            Vec::new()
        } else {
            reading
                .cards
                .iter()
                .filter_map(|card| {
                    let slug = slug_from_profile_url(&card.profile_url).ok()?;
                    let folded = crate::search::fold::fold(&clean_text(&card.name, MAX_NAME_CHARS));
                    let headline = card
                        .headline
                        .as_deref()
                        .map(|h| clean_text(h, MAX_HEADLINE_CHARS));
                    Some((slug, folded, headline))
                })
                .collect()
        };
        for card in reading.cards {
            let slug = match slug_from_profile_url(&card.profile_url) {
                Ok(slug) => slug,
                Err(e) => {
                    report.skipped.push(format!("card skipped: {e}"));
                    continue;
                }
            };
            let name = clean_text(&card.name, MAX_NAME_CHARS);
            if name.is_empty() {
                report
                    .skipped
                    .push(format!("card for {slug:?} skipped: it shows no name"));
                continue;
            }
            let headline = card
                .headline
                .map(|h| clean_text(&h, MAX_HEADLINE_CHARS))
                .filter(|h| !h.is_empty());
            let connected = match card
                .connected_text
                .as_deref()
                .map(|t| parse_connected_text(t, now_ms))
            {
                Some(Ok(date)) => Some(date),
                Some(Err(e)) => {
                    report
                        .skipped
                        .push(format!("date for {slug:?} left unknown: {e}"));
                    None
                }
                None => None,
            };
            let i = match self.index_of(&slug) {
                Some(i) => {
                    let person = &mut self.people[i];
                    person.name = name;
                    if headline.is_some() {
                        person.headline = headline;
                    }
                    // An exact date already known beats a relative estimate.
                    if let Some(new) = connected {
                        if person
                            .connected
                            .is_none_or(|old| new.precision <= old.precision)
                        {
                            person.connected = Some(new);
                        }
                    }
                    person.last_seen_ms = now_ms;
                    report.updated += 1;
                    i
                }
                None => {
                    let mut person = Person {
                        slug,
                        name,
                        headline,
                        company: None,
                        position: None,
                        connected,
                        source,
                        first_seen_ms: now_ms,
                        last_seen_ms: now_ms,
                        kept: false,
                        unmatched: false,
                        last_run: 0,
                        gone_since_ms: None,
                        removed_at_ms: None,
                    };
                    // Someone known only from an export row without a link
                    // becomes this person, their export details and keep
                    // carrying over, only when the name AND the company fit
                    // (the card's headline names the row's company) and
                    // exactly one row fits. Otherwise they stay apart, and
                    // the review page shows them as possibly the same.
                    let folded = crate::search::fold::fold(&person.name);
                    let row = match unmatched.get_mut(&folded) {
                        Some(slugs) => {
                            let fits: Vec<usize> = slugs
                                .iter()
                                .enumerate()
                                .filter(|(_, s)| {
                                    self.person(s).is_some_and(|r| {
                                        row_fits_headline(r, person.headline.as_deref())
                                    })
                                })
                                .map(|(k, _)| k)
                                .take(2)
                                .collect();
                            match fits.as_slice() {
                                [k] if !self.another_fits(
                                    &slugs[*k],
                                    &person.slug,
                                    &folded,
                                    &reading_cards,
                                ) =>
                                {
                                    let taken = slugs.remove(*k);
                                    self.index_of(&taken)
                                }
                                _ => None,
                            }
                        }
                        None => None,
                    };
                    if let Some(row) = row {
                        let row = self.remove_person(row);
                        person.company = row.company;
                        person.position = row.position;
                        person.connected = row.connected.or(person.connected);
                        person.kept = row.kept;
                        person.first_seen_ms = row.first_seen_ms;
                    }
                    report.added += 1;
                    self.push_person(person)
                }
            };
            self.people[i].gone_since_ms = None;
            self.note_seen_in_run(i);
        }
        self.update_collection(now_ms);
        report.collect = self.collection_progress().filter(|c| c.running || c.done);

        self.last_page = Some(PageStatus {
            page,
            status: PageOutcome::Recognised,
            url,
            generation: reading
                .generation
                .map(|g| clean_text(&g, 40))
                .filter(|g| !g.is_empty()),
            reason: None,
            at_ms: now_ms,
        });
        Ok(report)
    }

    fn record(&mut self, kind: FigureKind, figure: Figure, source: Source, now_ms: TimeMs) {
        let last_same = self
            .readings
            .iter_mut()
            .rev()
            .find(|r| r.kind == kind && r.source == source);
        if let Some(last) = last_same {
            if last.figure == figure {
                last.read_ms = last.read_ms.max(now_ms);
                return;
            }
        }
        self.readings.push(CountReading {
            kind,
            figure,
            source,
            first_read_ms: now_ms,
            read_ms: now_ms,
        });
        if self.readings.len() > MAX_READINGS_KEPT {
            self.readings.remove(0);
        }
    }

    /// The figure to show for `kind`: the newest reading, except that a less
    /// precise reading does not hide a more precise one it agrees with
    /// ("500+" on the profile says nothing new after "1,234" on the
    /// connections page).
    pub fn figure(&self, kind: FigureKind) -> Option<&CountReading> {
        let of_kind = || self.readings.iter().filter(move |r| r.kind == kind);
        let newest = of_kind().max_by_key(|r| r.read_ms)?;
        let sharper = of_kind()
            .filter(|r| {
                precision_rank(r.figure.precision) < precision_rank(newest.figure.precision)
            })
            .filter(|r| agrees(&newest.figure, &r.figure))
            .max_by_key(|r| r.read_ms);
        Some(sharper.unwrap_or(newest))
    }

    /// The connections page's stated total, when that is the figure shown.
    pub fn stated_connections(&self) -> Option<u64> {
        self.figure(FigureKind::Connections)
            .filter(|r| {
                r.source == Source::ConnectionsPage && r.figure.precision == Precision::Exact
            })
            .map(|r| r.figure.value)
    }

    /// Puts people on the keep-list or takes them off it; answers how many
    /// changed. Unknown slugs are ignored: the page may hold a stale list.
    pub fn set_kept(&mut self, slugs: &[String], kept: bool) -> u32 {
        let mut changed = 0;
        for slug in slugs {
            if let Some(i) = self.index_of(slug) {
                let person = &mut self.people[i];
                if person.kept != kept {
                    person.kept = kept;
                    changed += 1;
                }
            }
        }
        changed
    }

    /// Saves `query` under `name`, replacing a saved query of that name.
    /// A query that does not parse is refused with the parser's reason.
    pub fn save_query(
        &mut self,
        name: &str,
        query: &str,
        now_ms: TimeMs,
    ) -> Result<(), ModelError> {
        crate::search::query::parse(query, now_ms)
            .map_err(|e| ModelError::BadInput(format!("query not saved: {e}")))?;
        // Stored whole or refused: a cut query can match other people (a
        // cut `-name:bob` no longer excludes Bob).
        let query = query.trim();
        if query.chars().count() > MAX_QUERY_CHARS {
            return Err(ModelError::BadInput(format!(
                "query not saved: it is longer than {MAX_QUERY_CHARS} characters; shorten it"
            )));
        }
        if query.chars().any(char::is_control) {
            return Err(ModelError::BadInput(
                "query not saved: it holds control characters".into(),
            ));
        }
        let query = query.to_string();
        let name = clean_text(name, usize::MAX);
        if name.chars().count() > MAX_QUERY_NAME_CHARS {
            return Err(ModelError::BadInput(format!(
                "query not saved: its name is longer than {MAX_QUERY_NAME_CHARS} characters"
            )));
        }
        if name.is_empty() {
            return Err(ModelError::BadInput("a saved query needs a name".into()));
        }
        if query.is_empty() {
            return Err(ModelError::BadInput(
                "an empty query matches everyone; nothing to save".into(),
            ));
        }
        let full = self.saved_queries.len() >= MAX_SAVED_QUERIES;
        match self.saved_queries.iter_mut().find(|q| q.name == name) {
            Some(existing) => existing.query = query,
            None if full => {
                return Err(ModelError::BadInput(format!(
                    "at most {MAX_SAVED_QUERIES} saved queries; delete one first"
                )))
            }
            None => self.saved_queries.push(SavedQuery { name, query }),
        }
        Ok(())
    }

    /// Deletes the saved query called `name`, if there is one.
    pub fn delete_query(&mut self, name: &str) {
        self.saved_queries.retain(|q| q.name != name);
    }

    /// Sets the goal the ratio is compared against.
    pub fn set_goal(&mut self, goal: Goal) {
        self.goal = goal;
    }

    /// Everything the popup shows, as of `now_ms`.
    pub fn summary(&self, _now_ms: TimeMs) -> Summary {
        let connections = self.figure(FigureKind::Connections);
        let followers = self.figure(FigureKind::Followers);
        let following = self.figure(FigureKind::Following);

        let mut problems = Vec::new();
        if let (Some(c), Some(f)) = (connections, followers) {
            let followers_high = f.figure.high.unwrap_or(u64::MAX);
            if followers_high < c.figure.low {
                problems.push(format!(
                    "Followers ({}) are fewer than connections ({}), which cannot be: every connection also follows you. \
                     One of the figures is stale or partial; visit the page it came from to read it again.",
                    f.figure.shown, c.figure.shown
                ));
            }
        }
        let status = if self.readings.is_empty() && self.people.is_empty() {
            ConsistencyStatus::Empty
        } else if problems.is_empty() {
            ConsistencyStatus::Consistent
        } else {
            ConsistencyStatus::Partial
        };

        let badge = match connections.map(|c| &c.figure) {
            None => Badge {
                status: BadgeStatus::Unknown,
                connections_needed: None,
            },
            Some(f) if f.low >= BADGE_THRESHOLD => Badge {
                status: BadgeStatus::Shows,
                connections_needed: None,
            },
            Some(f) if f.high.is_some_and(|h| h < BADGE_THRESHOLD) => Badge {
                status: BadgeStatus::NotYet,
                connections_needed: (f.precision == Precision::Exact)
                    .then(|| BADGE_THRESHOLD - f.value),
            },
            Some(_) => Badge {
                status: BadgeStatus::Unknown,
                connections_needed: None,
            },
        };

        let exact_connections = connections.filter(|c| c.figure.precision == Precision::Exact);
        let cap = Cap {
            limit: CONNECTION_CAP,
            headroom: exact_connections.map(|c| CONNECTION_CAP.saturating_sub(c.figure.value)),
            at_cap: connections.is_some_and(|c| c.figure.low >= CONNECTION_CAP),
        };

        let ratio = match (connections, followers) {
            (Some(c), Some(f)) if c.figure.value > 0 && status != ConsistencyStatus::Partial => {
                let approximate = c.figure.precision != Precision::Exact
                    || f.figure.precision != Precision::Exact;
                let floor = c.figure.precision == Precision::AtLeast
                    || f.figure.precision == Precision::AtLeast;
                Some(Ratio::new(
                    f.figure.value,
                    c.figure.value,
                    self.goal,
                    approximate,
                    floor,
                ))
            }
            _ => None,
        };

        Summary {
            connections: connections.map(Count::from),
            followers: followers.map(Count::from),
            following: following.map(Count::from),
            people_read: self.people.len() as u64,
            badge,
            cap,
            goal: self.goal,
            goals: Goal::ALL
                .into_iter()
                .map(|g| GoalBand {
                    id: g,
                    label: g.label(),
                    low: g.band().0,
                    high: g.band().1,
                })
                .collect(),
            ratio,
            consistency: Consistency { status, problems },
            page: self.last_page.clone(),
            history: History {
                connections: self.history_of(FigureKind::Connections),
                followers: self.history_of(FigureKind::Followers),
            },
        }
    }
}

impl Network {
    /// A figure's readings as points, oldest first: each folded reading
    /// spans from when its value was first read to when it was last read.
    fn history_of(&self, kind: FigureKind) -> Vec<HistoryPoint> {
        let mut points: Vec<HistoryPoint> = Vec::new();
        for r in self.readings.iter().filter(|r| r.kind == kind) {
            let point = |at_ms| HistoryPoint {
                at_ms,
                value: r.figure.value,
                precision: r.figure.precision,
            };
            points.push(point(r.first_read_ms));
            if r.read_ms != r.first_read_ms {
                points.push(point(r.read_ms));
            }
        }
        points.sort_by_key(|p| p.at_ms);
        let skip = points.len().saturating_sub(HISTORY_POINTS);
        points.drain(..skip);
        points
    }
}

fn precision_rank(p: Precision) -> u8 {
    match p {
        Precision::Exact => 0,
        Precision::Approximate => 1,
        Precision::AtLeast => 2,
    }
}

/// Whether the vaguer figure allows the precise one's value.
fn agrees(vaguer: &Figure, precise: &Figure) -> bool {
    precise.value >= vaguer.low && vaguer.high.is_none_or(|h| precise.value <= h)
}

fn is_linkedin_url(url: &str) -> bool {
    url.strip_prefix("https://www.linkedin.com")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// A figure as the popup shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Count {
    /// The figure.
    pub value: u64,
    /// How exact.
    pub precision: Precision,
    /// As LinkedIn showed it.
    pub shown: String,
    /// When last read.
    pub read_at_ms: TimeMs,
    /// Where.
    pub source: Source,
}

impl From<&CountReading> for Count {
    fn from(r: &CountReading) -> Self {
        Self {
            value: r.figure.value,
            precision: r.figure.precision,
            shown: r.figure.shown.clone(),
            read_at_ms: r.read_ms,
            source: r.source,
        }
    }
}

/// Whether the 500+ badge shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BadgeStatus {
    /// 500 connections or more.
    Shows,
    /// Fewer than 500.
    NotYet,
    /// Not known yet.
    Unknown,
}

/// The badge and how far away it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Badge {
    /// Whether it shows.
    pub status: BadgeStatus,
    /// Connections still needed, when exactly known.
    pub connections_needed: Option<u64>,
}

/// The 30,000 cap.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cap {
    /// 30,000.
    pub limit: u64,
    /// Connections left, when the count is exact.
    pub headroom: Option<u64>,
    /// At the cap: no new connection can be made.
    pub at_cap: bool,
}

/// Where the ratio stands against the goal's band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BandPosition {
    /// Fewer followers per connection than the band.
    Below,
    /// Inside it.
    Within,
    /// More.
    Above,
}

/// The follower:connection ratio against the chosen goal.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ratio {
    /// Followers per connection.
    pub value: f64,
    /// Whether either figure is approximate or a floor.
    pub approximate: bool,
    /// The band's low end.
    pub low: f64,
    /// The band's high end.
    pub high: f64,
    /// Where the ratio stands.
    pub position: BandPosition,
    /// Followers to gain (below) to reach the band, holding connections:
    /// 0 within the band; null above it (no gain in followers lowers the
    /// ratio) or when either figure is a floor ("500+": arithmetic on it
    /// would be invented).
    pub followers_to_band: Option<u64>,
    /// Connections to remove (below) or add (above) to reach the band,
    /// holding followers: 0 within the band, null when either figure is a
    /// floor.
    pub connections_to_band: Option<u64>,
}

impl Ratio {
    fn new(followers: u64, connections: u64, goal: Goal, approximate: bool, floor: bool) -> Self {
        let value = followers as f64 / connections as f64;
        let (low, high) = goal.band();
        // Nudged for float error, so 1.5 x 1,000 stays 1,500; a figure
        // outside the band is at least one away from it.
        let up = |x: f64| (x - 1e-9).ceil().max(0.0) as u64;
        let down = |x: f64| (x + 1e-9).floor().max(0.0) as u64;
        let (position, followers_to_band, connections_to_band) = if value < low {
            (
                BandPosition::Below,
                Some(
                    up(low * connections as f64)
                        .saturating_sub(followers)
                        .max(1),
                ),
                Some(
                    connections
                        .saturating_sub(down(followers as f64 / low))
                        .max(1),
                ),
            )
        } else if value > high {
            (
                BandPosition::Above,
                None,
                Some(
                    up(followers as f64 / high)
                        .saturating_sub(connections)
                        .max(1),
                ),
            )
        } else {
            (BandPosition::Within, Some(0), Some(0))
        };
        let (followers_to_band, connections_to_band) = if floor {
            (None, None)
        } else {
            (followers_to_band, connections_to_band)
        };
        Self {
            value: (value * 100.0).round() / 100.0,
            approximate,
            low,
            high,
            position,
            followers_to_band,
            connections_to_band,
        }
    }
}

/// A goal and its band, for the popup's list.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalBand {
    /// The goal.
    pub id: Goal,
    /// Its name.
    pub label: &'static str,
    /// Band low.
    pub low: f64,
    /// Band high.
    pub high: f64,
}

/// Whether the snapshot can be shown as truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConsistencyStatus {
    /// Nothing read yet.
    Empty,
    /// Every invariant holds.
    Consistent,
    /// A figure is stale or partial.
    Partial,
}

/// The snapshot's consistency and its problems in words.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Consistency {
    /// The verdict.
    pub status: ConsistencyStatus,
    /// What is wrong, for the member.
    pub problems: Vec<String>,
}

/// Everything the popup shows (docs/ARCHITECTURE.md, "Summary").
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Connections.
    pub connections: Option<Count>,
    /// Followers.
    pub followers: Option<Count>,
    /// Following.
    pub following: Option<Count>,
    /// Distinct connections read from pages.
    pub people_read: u64,
    /// The 500+ badge.
    pub badge: Badge,
    /// The 30,000 cap.
    pub cap: Cap,
    /// The chosen goal.
    pub goal: Goal,
    /// Every goal and its band.
    pub goals: Vec<GoalBand>,
    /// The ratio, when it can be shown as truth.
    pub ratio: Option<Ratio>,
    /// Consistency.
    pub consistency: Consistency,
    /// The last page read.
    pub page: Option<PageStatus>,
    /// Connections and followers over time, for the popup's chart.
    pub history: History,
}

/// Connections and followers over time, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct History {
    /// Connection readings.
    pub connections: Vec<HistoryPoint>,
    /// Follower readings.
    pub followers: Vec<HistoryPoint>,
}

/// One point of the chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryPoint {
    /// When.
    pub at_ms: TimeMs,
    /// The figure.
    pub value: u64,
    /// How exact it was.
    pub precision: Precision,
}

/// Points kept per figure in the summary: a chart 300 px wide shows no more.
const HISTORY_POINTS: usize = 120;
