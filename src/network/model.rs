//! The relationship model: people, the figures read about them, the goal,
//! and the limits that follow (the 500+ badge, the 30,000 cap).
//!
//! The snapshot is built only from readings of the member's own pages (and,
//! later, LinkedIn's export). Every figure keeps the precision the page gave
//! and the time it was read, so the popup can say "about 3,400, read 2 days
//! ago" rather than invent digits. A snapshot that breaks followers >=
//! connections is reported as partial, never shown as truth. Nothing here
//! reads a clock or storage: the caller passes `now_ms` and persists the
//! [`crate::Snapshot`] that holds the [`Network`]. Nothing here imports
//! another part of the crate.

use crate::network::calendar::{ConnectedDate, TimeMs};
use crate::network::contact::{ArchiveInfo, Interaction};
use crate::network::figure::{Figure, Precision};
use crate::network::slug_index::SlugIndex;
use crate::network::text::clean_text;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The most connections a member can hold.
pub const CONNECTION_CAP: u64 = 30_000;
/// The connection count from which LinkedIn shows "500+".
pub const BADGE_THRESHOLD: u64 = 500;
/// The snapshot format this build writes and reads.
pub const SNAPSHOT_VERSION: u32 = 1;

const MAX_READINGS_KEPT: usize = 1_000;
const MAX_QUERY_NAME_CHARS: usize = 60;
const MAX_QUERY_CHARS: usize = 500;
const MAX_SAVED_QUERIES: usize = 50;

/// Which of the member's pages a reading came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    /// My Network, Connections.
    Connections,
    /// My Network, Following & followers, the Followers tab.
    Followers,
    /// My Network, Following & followers, the Following tab.
    Following,
    /// The member's own profile.
    Profile,
    /// My Network, Manage invitations, the Sent tab.
    Invitations,
}

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
    /// The sent invitations page (Manage invitations, Sent).
    InvitationsPage,
}

impl Source {
    pub(crate) fn of_page(page: PageKind) -> Self {
        match page {
            PageKind::Connections => Self::ConnectionsPage,
            PageKind::Followers => Self::FollowersPage,
            PageKind::Following => Self::FollowingPage,
            PageKind::Profile => Self::Profile,
            PageKind::Invitations => Self::InvitationsPage,
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
    /// The member's other relations to this person (an invitation they
    /// sent, a follow), and whether the person is a connection at all.
    /// None for nearly everyone: a connection and nothing more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relations: Option<Box<Relations>>,
}

/// What else the member has with a person besides (or instead of) a
/// connection: each relation with where and when it was read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Relations {
    /// Not one of the member's connections: read only as someone they
    /// invited, follow or are followed by. (A snapshot of an earlier build holds
    /// connections only, so the default is a connection.)
    #[serde(default, skip_serializing_if = "is_false")]
    pub not_connection: bool,
    /// The member's invitation to connect, while the sent page lists it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitation: Option<Invitation>,
    /// The member follows this person (the following page lists them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub following: Option<Follow>,
    /// This person follows the member (the followers page lists them; it
    /// shows only about the newest 1,000 followers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follower: Option<Follower>,
    /// When netprune withdrew the invitation (verified: its card left the
    /// sent list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_at_ms: Option<TimeMs>,
    /// When netprune unfollowed them (verified: the button says Follow).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unfollowed_at_ms: Option<TimeMs>,
    /// What LinkedIn's data archive says of the member's interaction with
    /// them (counts and dates only); None when no archive named them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Interaction>,
}

impl Relations {
    /// Nothing but a connection: stored as no relations at all.
    pub fn is_plain_connection(&self) -> bool {
        *self == Self::default()
    }
}

/// A pending invitation the member sent, as the sent page shows it. Never
/// its note's text: only whether it had one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Invitation {
    /// When it was sent, as far as the page's words tell ("Sent 3 months
    /// ago": a month's precision); None when they could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<ConnectedDate>,
    /// Whether it carried a note; None where the page shows no sign.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_note: Option<bool>,
    /// When the sent page first listed it.
    pub first_read_ms: TimeMs,
    /// When the sent page last listed it.
    pub read_ms: TimeMs,
    /// The collection run of the sent list that last saw it (0: none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub last_run: u32,
}

/// A person the member follows, as the following page lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Follow {
    /// When the following page first listed them.
    pub first_read_ms: TimeMs,
    /// When it last listed them.
    pub read_ms: TimeMs,
    /// The collection run of the following list that last saw them.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub last_run: u32,
}

/// A person who follows the member, as the followers page lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Follower {
    /// When the followers page first listed them.
    pub first_read_ms: TimeMs,
    /// When it last listed them.
    pub read_ms: TimeMs,
    /// The collection run of the followers list that last saw them.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub last_run: u32,
    /// Whether the member follows them too, as their row's button said
    /// when last read ("Following": true, "Follow": false); None when the
    /// row did not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows_back: Option<bool>,
}

impl Person {
    /// Someone first read at `now_ms` from `source`, known by slug and
    /// name alone: no details, not kept, linked, never gone or removed.
    pub fn new(slug: String, name: String, source: Source, now_ms: TimeMs) -> Self {
        Self {
            slug,
            name,
            headline: None,
            company: None,
            position: None,
            connected: None,
            source,
            first_seen_ms: now_ms,
            last_seen_ms: now_ms,
            kept: false,
            unmatched: false,
            last_run: 0,
            gone_since_ms: None,
            removed_at_ms: None,
            relations: None,
        }
    }

    /// One of the member's connections (or once one: see `gone_since_ms`),
    /// not someone read only as invited or followed.
    pub fn is_connection(&self) -> bool {
        self.relations.as_ref().is_none_or(|r| !r.not_connection)
    }

    /// The pending invitation to them, if the sent page lists one.
    pub fn invitation(&self) -> Option<&Invitation> {
        self.relations.as_ref()?.invitation.as_ref()
    }

    /// Whether the member follows them (as the following page lists).
    pub fn follows(&self) -> bool {
        self.relations
            .as_ref()
            .is_some_and(|r| r.following.is_some())
    }

    /// They follow the member, as the followers page last listed them.
    pub fn follower(&self) -> Option<&Follower> {
        self.relations.as_ref()?.follower.as_ref()
    }

    /// Whether anything but a connection ties the member to them: a
    /// pending invitation, a follow either way.
    pub fn listed_elsewhere(&self) -> bool {
        self.invitation().is_some() || self.follows() || self.follower().is_some()
    }

    /// What the data archive says of the member's interaction with them,
    /// when an archive named them.
    pub fn contact(&self) -> Option<&Interaction> {
        self.relations.as_ref()?.contact.as_ref()
    }

    /// The relations, created empty (a connection) when there are none.
    pub fn relations_mut(&mut self) -> &mut Relations {
        self.relations.get_or_insert_with(Box::default)
    }

    /// Drops the relations again when nothing but a connection is left.
    pub fn tidy_relations(&mut self) {
        if self
            .relations
            .as_ref()
            .is_some_and(|r| r.is_plain_connection())
        {
            self.relations = None;
        }
    }
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
    pub(crate) fn noun(self) -> &'static str {
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

    pub(crate) fn label(self) -> &'static str {
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
    /// The page's language (`<html lang>`, "de", "pt-BR"), when it said.
    #[serde(default)]
    pub language: Option<String>,
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

/// The member's network as netprune knows it: the people and the figures
/// read about them. The collection run, the removal queue and the search
/// index sit beside it in [`crate::Snapshot`], which is what is stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    /// The snapshot format version.
    pub version: u32,
    /// Connections read so far. Query results are indices into this list.
    pub people: Vec<Person>,
    /// Slug to index in `people`; rebuilt on restore, never stored.
    pub(crate) index: SlugIndex,
    /// Every reading of the three figures, oldest first.
    pub readings: Vec<CountReading>,
    /// The goal the member picked.
    pub goal: Goal,
    /// The last page read.
    pub last_page: Option<PageStatus>,
    /// Queries the member saved.
    pub saved_queries: Vec<SavedQuery>,
    /// The data archives imported, when any was: how old the interaction
    /// signal is and which of its files it came from.
    pub archive: Option<ArchiveInfo>,
}

impl Default for Network {
    fn default() -> Self {
        Self {
            version: SNAPSHOT_VERSION,
            people: Vec::new(),
            index: SlugIndex::default(),
            readings: Vec::new(),
            goal: Goal::default(),
            last_page: None,
            saved_queries: Vec::new(),
            archive: None,
        }
    }
}

/// The refusal of a snapshot of format `version`, newer than this build's.
pub(crate) fn newer_version(version: u64) -> ModelError {
    ModelError::NewerVersion(format!(
        "format {version}, this one reads up to {SNAPSHOT_VERSION}; update netprune to open it"
    ))
}

impl Network {
    /// Checks a snapshot that was just deserialized from storage.
    pub fn validated(self) -> Result<Self, ModelError> {
        if self.version > SNAPSHOT_VERSION {
            return Err(newer_version(u64::from(self.version)));
        }
        if self.version == 0 {
            return Err(ModelError::BadSnapshot("it has no format version".into()));
        }
        let mut network = self;
        network.index = SlugIndex::default();
        network.index.reserve(network.people.len());
        for (i, person) in network.people.iter().enumerate() {
            if person.slug.is_empty() {
                return Err(ModelError::BadSnapshot(format!(
                    "person {} has no profile key",
                    i + 1
                )));
            }
            if !network
                .index
                .insert(&network.people, &person.slug, i as u32)
            {
                return Err(ModelError::BadSnapshot(format!(
                    "person {:?} is listed twice",
                    person.slug
                )));
            }
        }
        Ok(network)
    }

    /// The person with this slug.
    pub fn person(&self, slug: &str) -> Option<&Person> {
        self.index
            .get(&self.people, slug)
            .map(|i| &self.people[i as usize])
    }

    /// The index of the person with this slug.
    pub fn index_of(&self, slug: &str) -> Option<usize> {
        self.index.get(&self.people, slug).map(|i| i as usize)
    }

    /// Adds a person not yet known; the caller checked the slug is new.
    pub(crate) fn push_person(&mut self, person: Person) -> usize {
        let i = self.people.len();
        self.index.insert(&self.people, &person.slug, i as u32);
        self.people.push(person);
        i
    }

    /// Removes the person at `i` (an unmatched export row that turned out
    /// to be someone read on the page), keeping the index true.
    pub(crate) fn remove_person(&mut self, i: usize) -> Person {
        // The index compares slugs against the people it points to: it is
        // changed while the list still holds both.
        self.index.remove(&self.people, &self.people[i].slug);
        let last = self.people.len() - 1;
        if i != last {
            self.index
                .repoint(&self.people, &self.people[last].slug, i as u32);
        }
        self.people.swap_remove(i)
    }

    pub(crate) fn record(
        &mut self,
        kind: FigureKind,
        figure: Figure,
        source: Source,
        now_ms: TimeMs,
    ) {
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
    /// The caller ([`crate::Snapshot::save_query`]) has checked it parses.
    pub fn save_query(&mut self, name: &str, query: &str) -> Result<(), ModelError> {
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
