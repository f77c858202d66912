//! The snapshot: everything netprune knows and keeps for one member, and the
//! one place the parts meet.
//!
//! [`Snapshot`] composes the [`Network`] (people and figures), the current
//! or last collection run, the removal queue, and the search index built
//! over the people (never stored). Each part owns its rules; this file only
//! routes a call to the parts it needs and drops the search index when the
//! people change. The wasm bindings hold one `Snapshot`; [`crate::storage`]
//! stores it.
//!
//! May import: every part (network, intake, search, removal, report). No
//! part imports it back.

use crate::intake::archive::ArchiveDigest;
use crate::intake::archive_merge::{self, ArchiveReport};
use crate::intake::collect::{self, Collection, Outcome, Progress};
use crate::intake::import::ExportFile;
use crate::intake::ingest::{self, IngestReport};
use crate::intake::merge::{self, ImportReport};
use crate::intake::reading::PageReading;
use crate::intake::relations::{self, ListEnd};
use crate::network::calendar::TimeMs;
use crate::network::contact::ArchiveInfo;
use crate::network::model::{CountReading, Goal, PageKind, PageStatus, Person, SavedQuery};
use crate::network::model::{ModelError, Network};
use crate::removal::language::{self, RemovalLanguage};
use crate::removal::people;
use crate::removal::plan::{self, RemovalPlan};
use crate::removal::queue::{
    Action, ActionKind, EnqueueReport, RemovalQueue, Reported, StepOutcome,
};
use crate::report::summary::{self, Summary};
use crate::report::view::{self, ArchiveSummary, ContactHistogram, Histogram, NameGroups, Row};
use crate::search::index::SearchIndex;
use crate::search::query::{self, Flags, QueryError};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::OnceCell;

/// The search index and the name groups cached beside the people they were
/// built from. Derived data: two snapshots with the same people are equal
/// whatever their caches hold.
#[derive(Clone, Debug, Default)]
struct SearchCache {
    /// Built on the first query after people change.
    index: Option<SearchIndex>,
    /// Names carried by an unmatched export row, with the first such row and
    /// the first person of that name read with a link ([`Snapshot::rows`]
    /// marks them as possibly the same), built on first use.
    names: OnceCell<NameGroups>,
}

impl PartialEq for SearchCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The member's whole state: the network, the collection run, the removal
/// queue (with its pacing state and log), and the search index over the
/// people.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    /// The people and the figures read about them.
    pub network: Network,
    /// The current or last collection run.
    pub collection: Option<Collection>,
    /// The removal queue, its pacing state and its log.
    pub queue: RemovalQueue,
    /// The search index for the people, dropped whenever people change.
    search: SearchCache,
}

/// The stored form, field for field as netprune has always written it (one
/// flat object), so snapshots and backups from earlier builds still read.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Stored<'a> {
    version: u32,
    people: &'a [Person],
    readings: &'a [CountReading],
    goal: Goal,
    last_page: &'a Option<PageStatus>,
    collection: &'a Option<Collection>,
    saved_queries: &'a [SavedQuery],
    queue: &'a RemovalQueue,
    #[serde(skip_serializing_if = "Option::is_none")]
    archive: &'a Option<ArchiveInfo>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Read {
    version: u32,
    people: Vec<Person>,
    readings: Vec<CountReading>,
    goal: Goal,
    last_page: Option<PageStatus>,
    #[serde(default)]
    collection: Option<Collection>,
    #[serde(default)]
    saved_queries: Vec<SavedQuery>,
    #[serde(default)]
    queue: RemovalQueue,
    #[serde(default)]
    archive: Option<ArchiveInfo>,
}

impl Serialize for Snapshot {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.stored(&self.network.people).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Snapshot {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let read = Read::deserialize(deserializer)?;
        Ok(Self {
            network: Network {
                version: read.version,
                people: read.people,
                readings: read.readings,
                goal: read.goal,
                last_page: read.last_page,
                saved_queries: read.saved_queries,
                archive: read.archive,
                ..Network::default()
            },
            collection: read.collection,
            queue: read.queue,
            search: SearchCache::default(),
        })
    }
}

impl Snapshot {
    /// The stored form's JSON with no people in it (`"people":[]`): the
    /// compact form's header ([`crate::storage::compact`]), which reads it
    /// back with this type's own `Deserialize` and adds the people.
    pub(crate) fn json_without_people(&self) -> String {
        // Serializing plain data to a String cannot fail.
        serde_json::to_string(&self.stored(&[])).unwrap_or_default()
    }

    /// The stored form of this snapshot with `people` in it.
    fn stored<'a>(&'a self, people: &'a [Person]) -> Stored<'a> {
        let n = &self.network;
        Stored {
            version: n.version,
            people,
            readings: &n.readings,
            goal: n.goal,
            last_page: &n.last_page,
            collection: &self.collection,
            saved_queries: &n.saved_queries,
            queue: &self.queue,
            archive: &n.archive,
        }
    }

    /// Checks a snapshot that was just deserialized from storage.
    pub fn validated(self) -> Result<Self, ModelError> {
        Ok(Self {
            network: self.network.validated()?,
            collection: self.collection,
            queue: self.queue.validated()?,
            search: SearchCache::default(),
        })
    }

    /// Drops what was built from the people: call after they change.
    fn people_changed(&mut self) {
        self.search = SearchCache::default();
    }

    /// Merges a page reading taken at `now_ms`.
    pub fn ingest(
        &mut self,
        reading: PageReading,
        now_ms: TimeMs,
    ) -> Result<IngestReport, ModelError> {
        if !reading.cards.is_empty() {
            self.people_changed();
        }
        ingest::ingest(&mut self.network, &mut self.collection, reading, now_ms)
    }

    /// Merges a read export file at `now_ms`.
    pub fn merge_export(&mut self, file: ExportFile, now_ms: TimeMs) -> ImportReport {
        self.people_changed();
        merge::merge_export(&mut self.network, file, now_ms)
    }

    /// Merges the digest of LinkedIn's data archive at `now_ms` (see
    /// [`archive_merge::merge_archive`]). A digest with nothing to merge is
    /// refused and changes nothing.
    pub fn merge_archive(
        &mut self,
        digest: ArchiveDigest,
        now_ms: TimeMs,
    ) -> Result<ArchiveReport, ModelError> {
        let report = archive_merge::merge_archive(&mut self.network, digest, now_ms)?;
        self.people_changed();
        Ok(report)
    }

    /// The indices of the people matching `query`, in its order. The
    /// search index is built on the first query after people change (tens
    /// of milliseconds for 30,000, half of it on the first query that
    /// searches), then each query costs well under a millisecond.
    pub fn query(&mut self, query: &str, now_ms: TimeMs) -> Result<Vec<u32>, QueryError> {
        self.query_with(query, now_ms, <[u32]>::to_vec)
    }

    /// [`Snapshot::query`], with the answer lent to `take`: everyone in an
    /// order the index keeps is lent from the index itself, so the caller
    /// copies it once (the bindings, into a `Uint32Array`).
    pub fn query_with<R>(
        &mut self,
        query: &str,
        now_ms: TimeMs,
        take: impl FnOnce(&[u32]) -> R,
    ) -> Result<R, QueryError> {
        let parsed = query::parse(query, now_ms)?;
        let flags = if parsed.uses_flags() {
            self.flags()
        } else {
            Vec::new()
        };
        let people = &self.network.people;
        let index = self
            .search
            .index
            .get_or_insert_with(|| SearchIndex::new(people));
        Ok(take(&index.answer(people, &parsed, &flags)))
    }

    /// Builds the whole search index now, as the first searching query
    /// otherwise would (tens of milliseconds for 30,000 people): the pages
    /// call it while idle after their first answer, so no keystroke pays
    /// for it. Nothing is built twice, and a change of people drops it.
    pub fn prepare_search(&mut self) {
        let people = &self.network.people;
        self.search
            .index
            .get_or_insert_with(|| SearchIndex::new(people))
            .prepare(people);
    }

    /// Whether the whole search index is built ([`Snapshot::prepare_search`]).
    pub fn search_prepared(&self) -> bool {
        self.search
            .index
            .as_ref()
            .is_some_and(SearchIndex::is_prepared)
    }

    /// Every person's flags, by index, for `is:` filters and the data
    /// archive's terms (`messaged:`, `invited:`, ...).
    fn flags(&self) -> Vec<Flags> {
        let archive = self.network.archive.as_ref();
        let mut flags: Vec<Flags> = self
            .network
            .people
            .iter()
            .map(|p| {
                Flags {
                    kept: p.kept,
                    queued: false,
                    removed: p.removed_at_ms.is_some(),
                    gone: p.gone_since_ms.is_some(),
                    connection: p.is_connection(),
                    following: p.follows(),
                    follower: p.follower().is_some(),
                    invited: p.invitation().is_some(),
                    sent_day: p
                        .invitation()
                        .and_then(|i| i.sent)
                        .map(|d| d.date.to_days()),
                    ..Flags::default()
                }
                .with_contact(p.contact(), archive.is_some_and(|a| a.messages_cover(p)))
            })
            .collect();
        // From the queue's side: usually a few people, never a lookup per person.
        for slug in self.queue.queued_slugs() {
            if let Some(i) = self.network.index_of(slug) {
                flags[i].queued = true;
            }
        }
        flags
    }

    /// Saves `query` under `name`, replacing a saved query of that name.
    /// A query that does not parse is refused with the parser's reason.
    pub fn save_query(
        &mut self,
        name: &str,
        query: &str,
        now_ms: TimeMs,
    ) -> Result<(), ModelError> {
        query::parse(query, now_ms)
            .map_err(|e| ModelError::BadInput(format!("query not saved: {e}")))?;
        self.network.save_query(name, query)
    }

    /// Everything the popup shows, as of `now_ms`.
    pub fn summary(&self, now_ms: TimeMs) -> Summary {
        summary::summary(&self.network, now_ms)
    }

    /// Rows for `indices`; indices out of range are skipped.
    pub fn rows(&self, indices: &[u32]) -> Vec<Row<'_>> {
        let groups = self
            .search
            .names
            .get_or_init(|| view::name_groups(&self.network));
        view::rows(&self.network, groups, indices, |slug| {
            self.queue.is_queued(slug)
        })
    }

    /// The histogram of connection years among `indices`.
    pub fn histogram(&self, indices: &[u32]) -> Histogram {
        view::histogram(&self.network, indices)
    }

    /// Years since the last message among `indices`, as of `now_ms`.
    pub fn contact_histogram(&self, indices: &[u32], now_ms: TimeMs) -> ContactHistogram {
        view::contact_histogram(&self.network, indices, now_ms)
    }

    /// What the data archives imported tell, for the review page: null
    /// before any.
    pub fn archive_summary(&self) -> Option<ArchiveSummary> {
        view::archive_summary(&self.network)
    }

    /// The people at `indices` as CSV (RFC 4180, header first, no BOM).
    pub fn export_csv(&self, indices: &[u32]) -> String {
        view::export_csv(&self.network, indices)
    }

    /// Starts a collection run, or answers the one already running.
    pub fn start_collection(&mut self, now_ms: TimeMs) -> Progress {
        collect::start(&mut self.collection, &self.network, now_ms)
    }

    /// A run over the whole sent invitations, following or followers list, begun at
    /// `started_ms`, reached its end (see [`relations::end_of_list`]).
    pub fn end_of_list(&mut self, list: PageKind, started_ms: TimeMs, now_ms: TimeMs) -> ListEnd {
        let end = relations::end_of_list(&mut self.network, list, started_ms, now_ms);
        if end.no_longer_listed > 0 {
            self.people_changed();
        }
        end
    }

    /// Ends the running collection run (see [`collect::finish`]).
    pub fn finish_collection(
        &mut self,
        outcome: Outcome,
        reason: Option<&str>,
        now_ms: TimeMs,
    ) -> Option<Progress> {
        collect::finish(
            &mut self.collection,
            &mut self.network,
            outcome,
            reason,
            now_ms,
        )
    }

    /// The collection run's progress, if there has been one.
    pub fn collection_progress(&self) -> Option<Progress> {
        self.collection.as_ref().map(Collection::progress)
    }

    /// Queues people for removal by slug (see [`people::queue_removals`]).
    pub fn queue_removals(
        &mut self,
        slugs: &[String],
        now_ms: TimeMs,
        dry_run: bool,
    ) -> Result<EnqueueReport, ModelError> {
        people::queue_removals(&mut self.queue, &self.network, slugs, now_ms, dry_run)
    }

    /// Queues steps of `kind` for `slugs` (see [`people::queue_actions`]):
    /// removals, withdrawals of invitations, unfollows.
    pub fn queue_actions(
        &mut self,
        slugs: &[String],
        kind: ActionKind,
        now_ms: TimeMs,
        dry_run: bool,
    ) -> Result<EnqueueReport, ModelError> {
        people::queue_actions(&mut self.queue, &self.network, slugs, kind, now_ms, dry_run)
    }

    /// What queuing `slugs` would do, without doing it (see
    /// [`plan::plan_removals`]).
    pub fn plan_removals(
        &mut self,
        slugs: &[String],
        now_ms: TimeMs,
        utc_offset_minutes: i32,
    ) -> Result<RemovalPlan, ModelError> {
        plan::plan_removals(
            &mut self.queue,
            &self.network,
            slugs,
            now_ms,
            utc_offset_minutes,
        )
    }

    /// What queuing `slugs` for steps of `kind` would do, without doing it
    /// (see [`plan::plan_actions`]).
    pub fn plan_actions(
        &mut self,
        slugs: &[String],
        kind: ActionKind,
        now_ms: TimeMs,
        utc_offset_minutes: i32,
    ) -> Result<RemovalPlan, ModelError> {
        plan::plan_actions(
            &mut self.queue,
            &self.network,
            slugs,
            kind,
            now_ms,
            utc_offset_minutes,
        )
    }

    /// The member's LinkedIn language (the last page read) and whether
    /// netprune removes in it (see [`language::removal_language`]).
    pub fn removal_language(&self) -> RemovalLanguage {
        let page = self
            .network
            .last_page
            .as_ref()
            .map(|p| p.language.as_deref());
        language::removal_language(page, self.queue.taught())
    }

    /// The queue's next action (see [`people::poll_removals`]).
    pub fn poll_removals(&mut self, now_ms: TimeMs, utc_offset_minutes: i32) -> Action {
        people::poll_removals(&mut self.queue, &self.network, now_ms, utc_offset_minutes)
    }

    /// Records a step's outcome (see [`people::report_removal`]).
    pub fn report_removal(
        &mut self,
        attempt: u64,
        outcome: StepOutcome,
        now_ms: TimeMs,
    ) -> Reported {
        people::report_removal(&mut self.queue, &mut self.network, attempt, outcome, now_ms)
    }
}
