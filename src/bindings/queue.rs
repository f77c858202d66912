//! The removal queue's JavaScript surface: queueing, the step protocol
//! with the content script, pausing and resuming, pacing, the log.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::{error, time, to_js, Core};
use crate::removal::language::{LearnedWords, REMOVAL_LANGUAGES};
use crate::removal::pacing::PacingSettings;
use crate::removal::queue::{ActionKind, NotTaken, PauseCause, StepOutcome};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Core {
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

    /// Queues steps of `kind` ("remove", "withdraw", "unfollow") for people
    /// by slug: as `queueRemovals`, each person needing the relation the
    /// kind acts on (a connection, a pending invitation, a follow).
    #[wasm_bindgen(js_name = queueActions)]
    pub fn queue_actions(
        &mut self,
        slugs: Vec<String>,
        kind: &str,
        now_ms: f64,
        dry_run: bool,
    ) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        let kind = kind_of(kind)?;
        to_js(
            &self
                .network
                .queue_actions(&slugs, kind, now, dry_run)
                .map_err(error)?,
        )
    }

    /// Which page the acting tab shows ("connections", "invitations",
    /// "following", or anything else for none): the kind of step that page
    /// takes goes first when several may start. Not stored; say it before
    /// each poll.
    #[wasm_bindgen(js_name = showingPage)]
    pub fn showing_page(&mut self, page: Option<String>) {
        let kind = match page.as_deref() {
            Some("connections") => Some(ActionKind::Remove),
            Some("invitations") => Some(ActionKind::Withdraw),
            Some("following") => Some(ActionKind::Unfollow),
            _ => None,
        };
        self.network.queue.set_shown(kind);
    }

    /// How many of these people each kind of step may be queued for
    /// (`{ remove, withdraw, unfollow }`): what a selection offers.
    #[wasm_bindgen(js_name = actionCounts)]
    pub fn action_counts(&self, slugs: Vec<String>) -> Result<JsValue, JsValue> {
        let counts: std::collections::BTreeMap<&str, u32> =
            crate::removal::people::action_counts(&self.network.network, &slugs)
                .into_iter()
                .map(|(kind, n)| (kind.id(), n))
                .collect();
        to_js(&counts)
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

    /// What `queueActions` would do with these people for steps of `kind`
    /// ("remove", "withdraw", "unfollow"), without doing it: the shape of
    /// `planRemovals`; only removals change the counts and have a finish.
    #[wasm_bindgen(js_name = planActions)]
    pub fn plan_actions(
        &mut self,
        slugs: Vec<String>,
        kind: &str,
        now_ms: f64,
        utc_offset_minutes: i32,
    ) -> Result<JsValue, JsValue> {
        let now = time(now_ms)?;
        let kind = kind_of(kind)?;
        to_js(
            &self
                .network
                .plan_actions(&slugs, kind, now, utc_offset_minutes)
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
}

/// A kind of step by its id, or the error naming the three.
fn kind_of(id: &str) -> Result<ActionKind, JsValue> {
    ActionKind::from_id(id).ok_or_else(|| {
        error(format!(
            "unknown kind of step {id:?}: expected remove, withdraw or unfollow"
        ))
    })
}
