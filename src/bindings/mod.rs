//! The wasm-bindgen facade: the core's JavaScript surface. What the
//! browser itself provides (entropy, timers) is [`crate::web`]'s.
//!
//! It converts at the edge (serde-wasm-bindgen with the JSON-compatible
//! serializer, so what it returns can go straight into extension storage) and
//! turns every core error into a JavaScript `Error` named `NetpruneError`
//! whose message a member can read. It holds no logic of its own and never
//! panics on input: bad input is an exception, not an abort of the module.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::intake::archive::ArchiveDigest;
use crate::intake::collect::Outcome;
use crate::intake::import::read_connections_csv;
use crate::intake::reading::PageReading;
use crate::network::calendar::TimeMs;
use crate::network::model::{Goal, ModelError, PageKind};
use crate::snapshot::Snapshot;
use crate::storage::compact::ByteSource;
use js_sys::JsString;
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub mod archive;
mod queue;
mod text;

use text::utf8_of;

fn error(message: impl std::fmt::Display) -> JsValue {
    let e = js_sys::Error::new(&message.to_string());
    e.set_name("NetpruneError");
    e.into()
}

/// A JavaScript `Uint8Array`, read a window at a time.
struct JsBytes<'a>(&'a js_sys::Uint8Array);

impl ByteSource for JsBytes<'_> {
    fn size(&self) -> usize {
        self.0.length() as usize
    }

    fn read_at(&mut self, at: usize, into: &mut [u8]) {
        let end = at + into.len();
        self.0.subarray(at as u32, end as u32).copy_to(into);
    }
}

/// A stored network that cannot be restored: a `NetpruneNewerError` when a
/// newer netprune wrote it (the background keeps it aside as newer, not
/// corrupt), a `NetpruneError` otherwise.
fn stored_error(e: ModelError) -> JsValue {
    let newer = matches!(e, ModelError::NewerVersion(_));
    let js = error(e);
    if newer {
        let _ = js_sys::Reflect::set(&js, &"name".into(), &"NetpruneNewerError".into());
    }
    js
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            error(format!(
                "internal: could not convert a result for JavaScript: {e}"
            ))
        })
}

fn time(now_ms: f64) -> Result<TimeMs, JsValue> {
    // 0 to year 275760, the range of a JavaScript Date.
    if now_ms.is_finite() && (0.0..=8.64e15).contains(&now_ms) {
        Ok(now_ms as TimeMs)
    } else {
        // Shown as JavaScript prints it (NaN, Infinity, 1e+21), as the
        // caller wrote it.
        let shown = js_sys::Number::from(now_ms)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default();
        Err(error(format!(
            "nowMs must be epoch milliseconds, got {shown}"
        )))
    }
}

/// The member's network, held in the background.
#[wasm_bindgen]
pub struct Core {
    network: Snapshot,
}

#[wasm_bindgen]
impl Core {
    /// An empty network, for a first run.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Core {
        Core {
            network: Snapshot::default(),
        }
    }

    /// Restores a network from what `toStored()` returned earlier (the
    /// compact form, as bytes). Throws a `NetpruneError` naming what is
    /// wrong when the bytes cannot be read, or a `NetpruneNewerError` when a
    /// newer netprune wrote them; the caller keeps them aside rather than
    /// dropping them.
    /// The bytes are read out of the `Uint8Array` a window at a time, never
    /// copied whole into wasm memory, which would keep their size for good.
    #[wasm_bindgen(js_name = restoreStored)]
    pub fn restore_stored(stored: &js_sys::Uint8Array) -> Result<Core, JsValue> {
        Snapshot::from_compact_source(JsBytes(stored))
            .map(|network| Core { network })
            .map_err(stored_error)
    }

    /// Restores a network from the JSON snapshot earlier builds stored
    /// (`toStoredJson()`), to migrate it; errors as `restoreStored`.
    #[wasm_bindgen(js_name = restoreJson)]
    pub fn restore_json(stored: &JsString) -> Result<Core, JsValue> {
        let stored = utf8_of(stored)
            .ok_or_else(|| error("saved network data unreadable: it is not a netprune snapshot"))?;
        Snapshot::from_json(&stored)
            .map(|network| Core { network })
            .map_err(stored_error)
    }

    /// Restores a network from a backup file's text; throws a
    /// `NetpruneError` with the reason when the file cannot be restored.
    #[wasm_bindgen(js_name = fromBackup)]
    pub fn from_backup(text: &str) -> Result<Core, JsValue> {
        Ok(Core {
            network: Snapshot::from_backup_json(text).map_err(error)?,
        })
    }

    /// Restores a backup file's text over this network without undoing
    /// safety: the removal log, attempt counts, pacing state, pause,
    /// cool-down and the step in flight stay as they are here, anyone
    /// removed stays removed, and nobody is queued (`{ people,
    /// notRequeued, cancelled, inFlight, keptRemoved }`). Throws a
    /// `NetpruneError` with the reason when the file cannot be restored,
    /// and then changes nothing.
    #[wasm_bindgen(js_name = restoreBackup)]
    pub fn restore_backup(&mut self, text: &str, now_ms: f64) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        to_js(&self.network.restore_backup(text, now).map_err(error)?)
    }

    /// Merges a page reading from the content script, taken at `nowMs`, and
    /// answers what it changed (`{ added, updated, figures, skipped }`).
    pub fn ingest(&mut self, reading: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        let reading: PageReading = serde_wasm_bindgen::from_value(reading).map_err(|e| {
            error(format!(
                "page reading refused: it is not shaped as expected ({e})"
            ))
        })?;
        let report = self.network.ingest(reading, now).map_err(error)?;
        to_js(&report)
    }

    /// Everything the popup shows (docs/ARCHITECTURE.md, "Summary").
    pub fn summary(&self, now_ms: f64) -> Result<JsValue, JsValue> {
        to_js(&self.network.summary(time(now_ms)?))
    }

    /// Sets the follower:connection goal by its id ("consultant", ...).
    #[wasm_bindgen(js_name = setGoal)]
    pub fn set_goal(&mut self, goal: &str) -> Result<(), JsValue> {
        self.network
            .network
            .set_goal(Goal::from_id(goal).map_err(error)?);
        Ok(())
    }

    /// The whole network in the compact stored form (see
    /// `storage::compact`), as a `Uint8Array` for IndexedDB.
    #[wasm_bindgen(js_name = toStored)]
    pub fn to_stored(&self) -> Vec<u8> {
        self.network.to_compact()
    }

    /// The whole network as the JSON snapshot (what earlier builds stored;
    /// the tests read it).
    #[wasm_bindgen(js_name = toStoredJson)]
    pub fn to_stored_json(&self) -> String {
        self.network.to_json()
    }

    /// Everything netprune stores, as a versioned backup file's text.
    #[wasm_bindgen(js_name = backupJson)]
    pub fn backup_json(&self, now_ms: f64) -> Result<String, JsValue> {
        Ok(self.network.to_backup_json(time(now_ms)?))
    }

    /// Starts a collection run, or answers the one already running.
    #[wasm_bindgen(js_name = startCollection)]
    pub fn start_collection(&mut self, now_ms: f64) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        to_js(&self.network.start_collection(now))
    }

    /// A run over the whole sent invitations ("invitations"), following
    /// ("following") or followers ("followers") list, begun at
    /// `started_ms`, reached the list's end: drops the invitations (follows,
    /// followers) it did not read; answers `{ read, noLongerListed,
    /// incomplete }`, `incomplete` saying in words why nobody was dropped
    /// (the followers list proves nothing unless the run read as many as the
    /// exact followers figure; LinkedIn lists only about the newest 1,000),
    /// else null.
    #[wasm_bindgen(js_name = endOfList)]
    pub fn end_of_list(
        &mut self,
        list: &str,
        started_ms: f64,
        now_ms: f64,
    ) -> Result<JsValue, JsValue> {
        let (started, now) = (time(started_ms)?, time(now_ms)?);
        let list = match list {
            "invitations" => PageKind::Invitations,
            "following" => PageKind::Following,
            "followers" => PageKind::Followers,
            other => return Err(error(format!("no list {other:?} is read to its end"))),
        };
        to_js(&self.network.end_of_list(list, started, now))
    }

    /// Ends the running collection: `outcome` is "complete", "ended" or
    /// "stopped"; answers the final progress, or null if none was running.
    #[wasm_bindgen(js_name = finishCollection)]
    pub fn finish_collection(
        &mut self,
        outcome: &str,
        reason: Option<String>,
        now_ms: f64,
    ) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        let outcome = Outcome::from_id(outcome)
            .ok_or_else(|| error(format!("unknown collection outcome {outcome:?}")))?;
        to_js(
            &self
                .network
                .finish_collection(outcome, reason.as_deref(), now),
        )
    }

    /// The current or last collection run's progress, or null.
    pub fn collection(&self) -> Result<JsValue, JsValue> {
        to_js(&self.network.collection_progress())
    }

    /// The indices of the people matching `query`, in its order, as a
    /// `Uint32Array`. A malformed query throws an `Error` named `QueryError`
    /// whose `position` is the UTF-16 index (what JavaScript strings use) of
    /// the problem.
    pub fn query(&mut self, query: &str, now_ms: f64) -> Result<js_sys::Uint32Array, JsValue> {
        let now = time(now_ms)?;
        // Copied once, from the index straight into a new JavaScript array
        // (everyone in a kept order is not copied inside wasm first).
        let answer = self
            .network
            .query_with(query, now, |indices| js_sys::Uint32Array::from(indices));
        answer.map_err(|e| {
            let utf16: usize = query.chars().take(e.position).map(char::len_utf16).sum();
            // The position travels as a property, in JavaScript's units: the
            // message is only what was expected, so the page states one place.
            let js = js_sys::Error::new(&e.message);
            js.set_name("QueryError");
            // Setting a plain data property on a fresh Error cannot fail.
            let _ = js_sys::Reflect::set(&js, &"position".into(), &JsValue::from(utf16 as u32));
            js.into()
        })
    }

    /// Builds the rest of the search index now (what the first query that
    /// searches would otherwise build), for a page to call while idle
    /// after its first answer. Answers whether anything was left to build.
    #[wasm_bindgen(js_name = prepareSearch)]
    pub fn prepare_search(&mut self) -> bool {
        let built = !self.network.search_prepared();
        self.network.prepare_search();
        built
    }

    /// The profile keys of the given people (for "select all matching").
    pub fn slugs(&self, indices: &[u32]) -> Vec<String> {
        indices
            .iter()
            .filter_map(|&i| self.network.network.people.get(i as usize))
            .map(|p| p.slug.clone())
            .collect()
    }

    /// Saves a query under a name; a query that does not parse is refused.
    #[wasm_bindgen(js_name = saveQuery)]
    pub fn save_query(&mut self, name: &str, query: &str, now_ms: f64) -> Result<(), JsValue> {
        let now = time(now_ms)?;
        self.network.save_query(name, query, now).map_err(error)
    }

    /// The one-line help for the query box.
    #[wasm_bindgen(js_name = queryHelp)]
    pub fn query_help() -> String {
        crate::search::query::help().to_string()
    }

    /// Queries for the usual cleanup targets, `[{ label, query }]`.
    #[wasm_bindgen(js_name = suggestedQueries)]
    pub fn suggested_queries() -> Result<JsValue, JsValue> {
        to_js(&crate::search::query::SUGGESTED)
    }

    /// Imports LinkedIn's `Connections.csv` (the file's bytes) and answers
    /// the report. A file that cannot be read throws a `NetpruneError` with
    /// the reason and changes nothing.
    #[wasm_bindgen(js_name = importCsv)]
    pub fn import_csv(&mut self, bytes: &[u8], now_ms: f64) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        let file = read_connections_csv(bytes)
            .map_err(|e| error(format!("import refused, nothing was changed: {e}")))?;
        to_js(&self.network.merge_export(file, now))
    }

    /// Merges the digest of LinkedIn's data archive (the JSON text of an
    /// `ArchiveDigest`, as the review page's reader made it: counts and
    /// dates, never text) at `nowMs`, and answers the `ArchiveReport`. A
    /// digest that is not one, or holds nothing netprune reads, throws a
    /// `NetpruneError` whose message starts "import refused, nothing was
    /// changed: ", and changes nothing.
    #[wasm_bindgen(js_name = mergeArchive)]
    pub fn merge_archive(&mut self, digest_json: &str, now_ms: f64) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        let refused = |why: &dyn std::fmt::Display| {
            error(format!("import refused, nothing was changed: {why}"))
        };
        let digest: ArchiveDigest = serde_json::from_str(digest_json).map_err(|e| {
            refused(&format!(
                "the archive's digest is not shaped as expected ({e})"
            ))
        })?;
        let report = self
            .network
            .merge_archive(digest, now)
            .map_err(|e| refused(&e))?;
        to_js(&report)
    }

    /// What the data archives imported tell: null before any, else
    /// `{ archiveDay, importedMs, kinds, messages, peopleWithContact }`.
    #[wasm_bindgen(js_name = archiveInfo)]
    pub fn archive_info(&self) -> Result<JsValue, JsValue> {
        to_js(&self.network.archive_summary())
    }

    /// Years since the last message among the given people, as of `nowMs`:
    /// `{ years: [{ years, count }], never, unknown }`.
    #[wasm_bindgen(js_name = contactHistogram)]
    pub fn contact_histogram(&self, indices: &[u32], now_ms: f64) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        to_js(&self.network.contact_histogram(indices, now))
    }

    /// Puts people on the keep-list (or off it); answers how many changed.
    #[wasm_bindgen(js_name = setKept)]
    pub fn set_kept(&mut self, slugs: Vec<String>, kept: bool) -> u32 {
        self.network.network.set_kept(&slugs, kept)
    }

    /// Rows for the given person indices (the visible window).
    pub fn rows(&self, indices: &[u32]) -> Result<JsValue, JsValue> {
        to_js(&self.network.rows(indices))
    }

    /// Connection years among the given people.
    pub fn histogram(&self, indices: &[u32]) -> Result<JsValue, JsValue> {
        to_js(&self.network.histogram(indices))
    }

    /// The given people as formula-safe CSV text (no BOM).
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self, indices: &[u32]) -> String {
        self.network.export_csv(indices)
    }

    /// The member's saved queries, `[{ name, query }]`.
    #[wasm_bindgen(js_name = savedQueries)]
    pub fn saved_queries(&self) -> Result<JsValue, JsValue> {
        to_js(&self.network.network.saved_queries)
    }

    /// Deletes a saved query by name.
    #[wasm_bindgen(js_name = deleteQuery)]
    pub fn delete_query(&mut self, name: &str) {
        self.network.network.delete_query(name);
    }

    /// How many people the network holds.
    #[wasm_bindgen(getter, js_name = peopleCount)]
    pub fn people_count(&self) -> u32 {
        self.network.network.people.len() as u32
    }
}
