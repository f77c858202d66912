//! The wasm-bindgen facade: the core's JavaScript surface. What the
//! browser itself provides (entropy, timers) is [`crate::web`]'s.
//!
//! It converts at the edge (serde-wasm-bindgen with the JSON-compatible
//! serializer, so what it returns can go straight into extension storage) and
//! turns every core error into a JavaScript `Error` named `NetpruneError`
//! whose message a member can read. It holds no logic of its own and never
//! panics on input: bad input is an exception, not an abort of the module.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::intake::collect::Outcome;
use crate::intake::import::read_connections_csv;
use crate::intake::reading::PageReading;
use crate::network::calendar::TimeMs;
use crate::network::model::{Goal, ModelError};
use crate::removal::language::{LearnedWords, REMOVAL_LANGUAGES};
use crate::removal::pacing::PacingSettings;
use crate::removal::queue::{NotTaken, PauseCause, StepOutcome};
use crate::snapshot::Snapshot;
use js_sys::JsString;
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn error(message: impl std::fmt::Display) -> JsValue {
    let e = js_sys::Error::new(&message.to_string());
    e.set_name("NetpruneError");
    e.into()
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

#[wasm_bindgen]
extern "C" {
    /// The platform's UTF-8 encoder (pages, workers and node all have one).
    type TextEncoder;

    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;

    /// Encodes as much of `source` as fits into `destination`.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, source: &JsString, destination: &mut [u8]) -> Encoded;

    /// What `encodeInto` answers.
    type Encoded;

    /// UTF-16 code units of the source read.
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;

    /// Bytes written.
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

/// A JavaScript string as UTF-8, or None when the value is not a string.
///
/// A stored network is a string of several megabytes. Taken as `&str`, the
/// glue copies it into a buffer three times its length and then encodes a
/// slice of it; encoding the whole string straight into a buffer about its
/// size takes half the time (a fifth of restoring 30,000 people). Lone
/// surrogates become U+FFFD, as with `&str`.
fn utf8_of(text: &JsString) -> Option<String> {
    if !text.is_string() {
        return None;
    }
    let units = text.length() as usize;
    // Mostly ASCII (JSON's punctuation and keys, dates, most names), so
    // one call usually encodes it all.
    let mut bytes = vec![0u8; units + units / 4 + 8];
    let encoder = TextEncoder::new();
    let (mut read, mut written) = (0, 0);
    let mut rest = text.clone();
    loop {
        let done = encoder.encode_into(&rest, bytes.get_mut(written..)?);
        read += done.read() as usize;
        written += done.written() as usize;
        if read >= units {
            break;
        }
        if done.read() == 0 && bytes.len() - written >= 4 {
            // No progress with room for any character: not a string after all.
            return None;
        }
        // What is left fits in three bytes per code unit.
        bytes.resize(written + (units - read) * 3, 0);
        rest = text.substring(read as u32, units as u32);
    }
    bytes.truncate(written);
    String::from_utf8(bytes).ok()
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

    /// Restores a network from what `toStoredJson()` returned earlier.
    /// Throws a `NetpruneError` naming what is wrong when the text cannot be
    /// read, or a `NetpruneNewerError` when a newer netprune wrote it; the
    /// caller keeps the text aside rather than dropping it.
    #[wasm_bindgen(js_name = restoreJson)]
    pub fn restore_json(stored: &JsString) -> Result<Core, JsValue> {
        let stored = utf8_of(stored)
            .ok_or_else(|| error("saved network data unreadable: it is not a netprune snapshot"))?;
        Snapshot::from_json(&stored)
            .map(|network| Core { network })
            .map_err(|e| {
                let newer = matches!(e, ModelError::NewerVersion(_));
                let js = error(e);
                if newer {
                    // The background keeps it aside as newer, not corrupt.
                    let _ = js_sys::Reflect::set(&js, &"name".into(), &"NetpruneNewerError".into());
                }
                js
            })
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

    /// The whole network as a JSON string for storage.
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
    pub fn query(&mut self, query: &str, now_ms: f64) -> Result<Vec<u32>, JsValue> {
        let now = time(now_ms)?;
        self.network.query(query, now).map_err(|e| {
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

    /// Queues people for removal by slug, each as a dry run or for real as
    /// `dryRun` says (a later batch never changes an earlier one). Kept
    /// people, export rows without a profile link, people already gone and
    /// unknown slugs are refused (reported, never queued). Answers the
    /// enqueue report (`{ queued, refused: [{ slug, why, message }] }`,
    /// `message` the reason in the words the review page shows).
    #[wasm_bindgen(js_name = queueRemovals)]
    pub fn queue_removals(
        &mut self,
        slugs: Vec<String>,
        now_ms: f64,
        dry_run: bool,
    ) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        to_js(
            &self
                .network
                .queue_removals(&slugs, now, dry_run)
                .map_err(error)?,
        )
    }

    /// What `queueRemovals` would do with these people, without doing it
    /// (`{ queueable, excluded: [{ slug, name, reason, message }],
    /// connectionsBefore, connectionsAfter, connectionsPrecision,
    /// crossesBadge, finishAtMs, durationMs, alreadyWaiting }`), by the same
    /// refusal rules and the queue's own finish estimate.
    #[wasm_bindgen(js_name = planRemovals)]
    pub fn plan_removals(
        &mut self,
        slugs: Vec<String>,
        now_ms: f64,
        utc_offset_minutes: i32,
    ) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        to_js(
            &self
                .network
                .plan_removals(&slugs, now, utc_offset_minutes)
                .map_err(error)?,
        )
    }

    /// The queue's next action (`{ kind: "idle" | "paused" | "wait" |
    /// "remove" | "verify", ... }`). A `remove` or `verify` is handed out
    /// once: its outcome must come back through `reportRemoval`.
    #[wasm_bindgen(js_name = pollRemovals)]
    pub fn poll_removals(
        &mut self,
        now_ms: f64,
        utc_offset_minutes: i32,
    ) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        to_js(&self.network.poll_removals(now, utc_offset_minutes))
    }

    /// Records what the content script saw for an attempt
    /// (`{ kind: "removed" | "not-found" | "still-there" | "failed" | "trouble", reason? }`).
    #[wasm_bindgen(js_name = reportRemoval)]
    pub fn report_removal(
        &mut self,
        attempt: f64,
        outcome: JsValue,
        now_ms: f64,
    ) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        let outcome: StepOutcome = serde_wasm_bindgen::from_value(outcome)
            .map_err(|e| error(format!("removal outcome not understood: {e}")))?;
        if !(attempt.is_finite() && attempt >= 0.0) {
            return Err(error("attempt must be the id handed out with the step"));
        }
        to_js(&self.network.report_removal(attempt as u64, outcome, now))
    }

    /// The tab refused step `attempt` before doing anything (`reason`:
    /// "hidden", "busy", "another-account", "no-list" or "searched"): not a failure; the
    /// person goes back to pending and the queue waits with that reason.
    /// Any other attempt is ignored.
    #[wasm_bindgen(js_name = stepNotTaken)]
    pub fn step_not_taken(
        &mut self,
        attempt: f64,
        reason: &str,
        now_ms: f64,
    ) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        let why = NotTaken::from_id(reason).ok_or_else(|| {
            error(format!(
                "unknown reason {reason:?} for a step not taken: expected hidden, busy, another-account, no-list or searched"
            ))
        })?;
        if !(attempt.is_finite() && attempt >= 0.0) {
            return Err(error("attempt must be the id handed out with the step"));
        }
        to_js(&self.network.queue.step_not_taken(attempt as u64, why, now))
    }

    /// When the background should poll the queue next, or null.
    #[wasm_bindgen(js_name = nextWakeMs)]
    pub fn next_wake_ms(
        &self,
        now_ms: f64,
        utc_offset_minutes: i32,
    ) -> Result<Option<f64>, JsValue> {
        let now = time(now_ms)?;
        Ok(self
            .network
            .queue
            .next_wake_ms(now, utc_offset_minutes)
            .map(|t| t as f64))
    }

    /// The queue's progress for the popup.
    #[wasm_bindgen(js_name = queueProgress)]
    pub fn queue_progress(&self, now_ms: f64, utc_offset_minutes: i32) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        to_js(&self.network.queue.progress(now, utc_offset_minutes))
    }

    /// The member's LinkedIn language, from the last page read, and
    /// whether netprune removes in it (`{ language, removal: "known" |
    /// "learned" | "unavailable" | "not-read" }`).
    #[wasm_bindgen(js_name = removalLanguage)]
    pub fn removal_language(&self) -> Result<JsValue, JsValue> {
        to_js(&self.network.removal_language())
    }

    /// The languages netprune's own word tables remove in.
    #[wasm_bindgen(js_name = removalLanguages)]
    pub fn removal_languages() -> Vec<String> {
        REMOVAL_LANGUAGES.iter().map(|l| l.to_string()).collect()
    }

    /// The removal words the member taught (`[{ language, menuItem,
    /// confirm, menuButton, itemRole, dialogTag, dialogSaysItem,
    /// learnedAtMs }]`), sent with every step.
    #[wasm_bindgen(js_name = taughtWords)]
    pub fn taught_words(&self) -> Result<JsValue, JsValue> {
        to_js(&self.network.queue.taught())
    }

    /// Keeps the removal words the member taught in one language (the
    /// review page's teach flow, after they confirmed them); answers the
    /// words as kept. Refused for a language netprune's tables know, or
    /// words that are missing.
    #[wasm_bindgen(js_name = teachRemoval)]
    pub fn teach_removal(&mut self, words: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        let words: LearnedWords = serde_wasm_bindgen::from_value(words)
            .map_err(|e| error(format!("taught words not understood: {e}")))?;
        let kept = self.network.queue.teach(words, now).map_err(error)?;
        to_js(&kept)
    }

    /// Forgets what was taught in `language`; whether anything was.
    #[wasm_bindgen(js_name = forgetTaught)]
    pub fn forget_taught(&mut self, language: &str) -> bool {
        self.network.queue.forget_taught(language)
    }

    /// Every queue entry (slug, name, status, attempts), in queue order.
    #[wasm_bindgen(js_name = queueEntries)]
    pub fn queue_entries(&self) -> Result<JsValue, JsValue> {
        to_js(&self.network.queue.entries())
    }

    /// Pauses the queue; answers whether it was running. `cause` is
    /// "member" (the default), "needsPage", "account" or "trouble";
    /// `trouble` is the trouble kind, and a warning from LinkedIn
    /// ("limit", "checkpoint"...) also locks resuming for the cool-down.
    #[wasm_bindgen(js_name = pauseQueue)]
    pub fn pause_queue(
        &mut self,
        reason: &str,
        now_ms: f64,
        cause: Option<String>,
        trouble: Option<String>,
    ) -> Result<bool, JsValue> {
        let now = time(now_ms)?;
        let cause = match cause.as_deref() {
            None | Some("member") => PauseCause::Member,
            Some("needsPage" | "needs-page") => PauseCause::NeedsPage,
            Some("account") => PauseCause::Account,
            Some("trouble") => PauseCause::Trouble,
            Some(other) => {
                return Err(error(format!(
                    "unknown pause cause {other:?}: expected member, needsPage, account or trouble"
                )))
            }
        };
        Ok(self
            .network
            .queue
            .pause_because(cause, reason, trouble.as_deref(), now))
    }

    /// Resumes a paused queue; answers whether it was paused. During the
    /// cool-down after a LinkedIn warning it throws a `NetpruneError` saying
    /// until when, unless `options.acknowledgeCooldown` is true.
    #[wasm_bindgen(js_name = resumeQueue)]
    pub fn resume_queue(&mut self, now_ms: f64, options: JsValue) -> Result<bool, JsValue> {
        let now = time(now_ms)?;
        let acknowledge = options.is_object()
            && js_sys::Reflect::get(&options, &"acknowledgeCooldown".into())
                .is_ok_and(|v| v.as_bool() == Some(true));
        self.network.queue.resume(now, acknowledge).map_err(error)
    }

    /// Cancels everyone still pending (`{ cancelled, inProgress }`).
    #[wasm_bindgen(js_name = cancelAll)]
    pub fn cancel_all(&mut self, now_ms: f64) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        to_js(&self.network.queue.cancel_all(now))
    }

    /// Cancels one pending person ("cancelled", "in-progress" or "not-pending").
    #[wasm_bindgen(js_name = cancelRemoval)]
    pub fn cancel_removal(&mut self, slug: &str, now_ms: f64) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        to_js(&self.network.queue.cancel(slug, now))
    }

    /// The removal log as formula-safe CSV (who, profile URL, when, outcome).
    #[wasm_bindgen(js_name = removalLogCsv)]
    pub fn removal_log_csv(&self) -> String {
        self.network.queue.log_csv()
    }

    /// Development pacing (a few hundred ms, no caps): only for unpacked or
    /// temporary installs; null restores human pacing.
    #[wasm_bindgen(js_name = setDevPacing)]
    pub fn set_dev_pacing(&mut self, delay_ms: Option<u32>) {
        self.network.queue.set_dev_pacing(delay_ms);
    }

    /// Seeds the queue's random delays once, from the browser's
    /// `crypto.getRandomValues` (src/web.rs); a seeded queue keeps its seed.
    #[wasm_bindgen(js_name = seedQueueFromCrypto)]
    pub fn seed_queue_from_crypto(&mut self) -> Result<(), JsValue> {
        if !self.network.queue.is_seeded() {
            self.network.queue.reseed(crate::web::random_seed()?);
        }
        Ok(())
    }

    /// Seeds the queue's random delays with a known seed once (tests).
    #[wasm_bindgen(js_name = seedQueue)]
    pub fn seed_queue(&mut self, high: u32, low: u32) {
        if !self.network.queue.is_seeded() {
            self.network
                .queue
                .reseed((u64::from(high) << 32) | u64::from(low));
        }
    }

    /// The pacing settings in force (after clamping to the ceilings).
    #[wasm_bindgen(js_name = queueSettings)]
    pub fn queue_settings(&self) -> Result<JsValue, JsValue> {
        to_js(self.network.queue.settings())
    }

    /// Every pacing setting's `{ min, max, default, unit, above? }` by its
    /// name in `queueSettings()` (unit "ms", "count" or "minute"; `above`:
    /// `{ setting, by }`, never less than that setting plus `by`).
    #[wasm_bindgen(js_name = pacingLimits)]
    pub fn pacing_limits() -> Result<JsValue, JsValue> {
        to_js(&crate::removal::limits::pacing_limits())
    }

    /// Changes the pacing settings; values past the ceilings are clamped.
    /// Answers the settings in force.
    #[wasm_bindgen(js_name = setQueueSettings)]
    pub fn set_queue_settings(&mut self, settings: JsValue) -> Result<JsValue, JsValue> {
        let settings: PacingSettings = serde_wasm_bindgen::from_value(settings)
            .map_err(|e| error(format!("pacing settings not understood: {e}")))?;
        to_js(&self.network.queue.set_settings(settings))
    }

    /// Every timing that decides how the content script collects and how
    /// long a removal step may wait (`{ collect, step }`), shrunk by a test
    /// build's development delay when given (undefined or null: human).
    pub fn rules(dev_delay_ms: Option<f64>) -> Result<JsValue, JsValue> {
        let dev = dev_delay_ms
            .filter(|d| d.is_finite() && *d >= 1.0)
            .map(|d| d.min(f64::from(u32::MAX)) as u32);
        to_js(&crate::removal::rules::Rules::new(dev))
    }

    /// How many people the network holds.
    #[wasm_bindgen(getter, js_name = peopleCount)]
    pub fn people_count(&self) -> u32 {
        self.network.network.people.len() as u32
    }
}
