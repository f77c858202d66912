//! Stopping and starting: the member's pause and resume, pauses for
//! trouble and their cool-down, and a tab that refused a step.

use super::*;

impl RemovalQueue {
    /// Pauses the queue with the member's reason. Answers whether it was
    /// running before (a pause already in force keeps its reason). A step
    /// already out still reports, and its outcome is recorded.
    pub fn pause(&mut self, reason: &str, now_ms: TimeMs) -> bool {
        self.pause_because(PauseCause::Member, reason, None, now_ms)
    }

    /// Pauses with `cause`: the member, the page missing, another account,
    /// or trouble the page reported outside a step (`trouble` its kind: a
    /// warning from LinkedIn also starts the cool-down). Answers whether it
    /// was running before.
    pub fn pause_because(
        &mut self,
        cause: PauseCause,
        reason: &str,
        trouble: Option<&str>,
        now_ms: TimeMs,
    ) -> bool {
        if cause == PauseCause::Trouble {
            let was_running = self.paused.is_none();
            self.trouble_seen(reason, trouble, now_ms);
            return was_running;
        }
        let reason = clean_text(reason, MAX_REASON_CHARS);
        let reason = if reason.is_empty() {
            "paused by you".to_string()
        } else {
            reason
        };
        let was_running = self.paused.is_none();
        self.pause_for(cause, reason, now_ms);
        was_running
    }

    /// Resumes a paused queue and forgets the failures in a row. Answers
    /// whether it was paused. A person whose step was out when it paused is
    /// verified before anything else (once the step's timeout has passed),
    /// never removed a second time. During the cool-down after a LinkedIn
    /// warning it refuses, unless `acknowledge_cooldown` says the member
    /// accepts the risk; the override is logged.
    pub fn resume(
        &mut self,
        now_ms: TimeMs,
        acknowledge_cooldown: bool,
    ) -> Result<bool, ModelError> {
        if let Some(cooldown) = self.cooldown_at(now_ms) {
            if !acknowledge_cooldown {
                return Err(ModelError::BadInput(format!(
                    "resuming is locked until {} (UTC) after LinkedIn's warning: {}. \
                     Resume earlier only if you accept the risk to your account.",
                    iso_utc(cooldown.until_ms),
                    cooldown.reason
                )));
            }
            let detail = format!(
                "resumed during the cool-down (until {}) with the member's acknowledgement",
                iso_utc(cooldown.until_ms)
            );
            self.push_log(LogRecord {
                slug: String::new(),
                name: "(the whole queue)".into(),
                at_ms: now_ms,
                from: None,
                to: Stage::Pending,
                detail,
                action: ActionKind::Remove,
            });
        }
        self.cooldown = None;
        self.consecutive_failures = 0;
        Ok(self.paused.take().is_some())
    }

    /// How long a step may stay out before it is taken as lost:
    /// [`STEP_TIMEOUT_MS`], or [`DEV_STEP_TIMEOUT_MS`] under development
    /// pacing.
    pub fn step_timeout_ms(&self) -> i64 {
        if self.settings.dev_delay_ms.is_some() {
            DEV_STEP_TIMEOUT_MS
        } else {
            STEP_TIMEOUT_MS
        }
    }

    /// The cool-down in force at `now_ms`.
    pub fn cooldown_at(&self, now_ms: TimeMs) -> Option<&Cooldown> {
        self.cooldown.as_ref().filter(|c| c.until_ms > now_ms)
    }

    /// Trouble seen outside a step (or the step's own): pauses at once and,
    /// for a warning from LinkedIn, locks resuming for the cool-down.
    pub(super) fn trouble_seen(&mut self, reason: &str, trouble: Option<&str>, now_ms: TimeMs) {
        let reason = reason_text(reason);
        if trouble_cools_down(trouble) {
            let until_ms = now_ms + i64::from(self.settings.cooldown_ms);
            if self.cooldown.as_ref().is_none_or(|c| c.until_ms < until_ms) {
                self.cooldown = Some(Cooldown {
                    until_ms,
                    reason: reason.clone(),
                    trouble: clean_text(trouble.unwrap_or_default(), MAX_SLUG_CHARS),
                });
            }
        }
        self.pause_for(PauseCause::Trouble, reason, now_ms);
    }

    /// The tab refused step `attempt` before doing anything (hidden, busy,
    /// another account, no list): no failure is counted, the attempt does
    /// not count toward the caps, the person goes back to pending (a
    /// verify stays due), and the queue waits with that reason. Any other
    /// attempt is stale and changes nothing.
    pub fn step_not_taken(&mut self, attempt: u64, why: NotTaken, now_ms: TimeMs) -> Reported {
        self.ensure_index();
        let step = match self.step.as_ref() {
            Some(s) if s.in_flight && s.attempt == attempt => s.clone(),
            _ => return Reported::Stale { paused: false },
        };
        let Some(i) = self.find(&step.slug) else {
            self.step = None;
            return Reported::Stale { paused: false };
        };
        let reason = why.wait_reason_for(self.entries[i].action);
        let detail = format!("the tab did not take step {attempt}: {}", reason.words());
        match step.kind {
            StepKind::Remove => {
                self.entries[i].attempts = self.entries[i].attempts.saturating_sub(1);
                let action = self.entries[i].action;
                let attempts = self.attempts_of_mut(action);
                if let Some(at) = attempts.iter().rposition(|&a| a == step.issued_at_ms) {
                    attempts.remove(at);
                }
                self.until_breather += 1;
                self.settle(i, EntryStatus::Pending, detail, now_ms);
            }
            StepKind::Verify => self.verify_unsettled(i, detail, now_ms),
        }
        let policy = self.policy();
        self.hold = Some(Hold {
            until_ms: now_ms + policy.delay_ms(&mut self.rng),
            why: reason,
        });
        Reported::Applied {
            slug: step.slug,
            status: self.entries[i].status.clone(),
            paused: self.paused.is_some(),
        }
    }
}
