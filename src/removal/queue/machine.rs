//! The machinery behind the public calls: deciding the next action,
//! handing out steps, settling entries, failing and pausing.

use super::*;

/// The machinery behind the public calls.
impl RemovalQueue {
    pub(super) fn decide(&self, now_ms: TimeMs, utc_offset_minutes: i32) -> Decision {
        if let Some(p) = &self.paused {
            return Decision::Paused(p.reason.clone());
        }
        if let Some(step) = &self.step {
            let Some(i) = self.find(&step.slug) else {
                return Decision::Idle;
            };
            if step.in_flight {
                // The step belongs to its attempt until it reports or times
                // out: a wake in between hands out nothing.
                let timeout = step.issued_at_ms + self.step_timeout_ms();
                if now_ms < timeout {
                    return Decision::Wait(Hold {
                        until_ms: timeout,
                        why: WaitReason::StepInFlight,
                    });
                }
                return Decision::VerifyLost(i);
            }
            // A verify failed: back off, but check before anything else.
            return match self.hold.filter(|h| h.until_ms > now_ms) {
                Some(hold) => Decision::Wait(hold),
                None => Decision::VerifyAgain(i),
            };
        }
        // The first pending person whose kind may start now; a kind at
        // its cap lets a later person of another kind go first. Otherwise
        // wait for the soonest any kind may start.
        // Among those, the kind whose page the acting tab shows goes first.
        let policy = self.policy();
        let all = self.all_attempts();
        let mut soonest: Option<Hold> = None;
        let mut first: Option<usize> = None;
        let mut kinds_seen: Vec<ActionKind> = Vec::with_capacity(3);
        for (i, entry) in self.entries.iter().enumerate() {
            if entry.status != EntryStatus::Pending || kinds_seen.contains(&entry.action) {
                continue;
            }
            kinds_seen.push(entry.action);
            let own = self.attempts_of(entry.action);
            match policy.next_start_of(
                entry.action,
                now_ms,
                utc_offset_minutes,
                self.hold,
                own,
                &all,
            ) {
                None if self.shown == Some(entry.action) => return Decision::Remove(i),
                None => {
                    first.get_or_insert(i);
                }
                Some(hold) => {
                    if soonest.is_none_or(|s| hold.until_ms < s.until_ms) {
                        soonest = Some(hold);
                    }
                }
            }
            if kinds_seen.len() == ActionKind::ALL.len() {
                break;
            }
        }
        match (first, soonest) {
            (Some(i), _) => Decision::Remove(i),
            (None, Some(hold)) => Decision::Wait(hold),
            (None, None) => Decision::Idle,
        }
    }

    /// The recent attempts of `kind`, oldest first.
    pub(crate) fn attempts_of(&self, kind: ActionKind) -> &VecDeque<TimeMs> {
        static NONE: VecDeque<TimeMs> = VecDeque::new();
        match kind {
            ActionKind::Remove => &self.attempts,
            other => self.other_attempts.get(&other).unwrap_or(&NONE),
        }
    }

    pub(super) fn attempts_of_mut(&mut self, kind: ActionKind) -> &mut VecDeque<TimeMs> {
        match kind {
            ActionKind::Remove => &mut self.attempts,
            other => self.other_attempts.entry(other).or_default(),
        }
    }

    /// Every kind's recent attempts together, oldest first.
    pub(crate) fn all_attempts(&self) -> VecDeque<TimeMs> {
        let mut all: Vec<TimeMs> = ActionKind::ALL
            .iter()
            .flat_map(|&k| self.attempts_of(k).iter().copied())
            .collect();
        all.sort_unstable();
        all.into()
    }

    pub(super) fn hand_out_remove(&mut self, i: usize, now_ms: TimeMs) -> Action {
        let attempt = self.take_attempt_id();
        let dry_run = self.entries[i].dry_run;
        let pauses_ms = self.policy().step_pauses_ms(&mut self.rng);
        let entry = &mut self.entries[i];
        entry.attempts += 1;
        let detail = if dry_run {
            format!("dry run: walking to the confirm button (step {attempt})")
        } else {
            let doing = match entry.action {
                ActionKind::Remove => "removing",
                ActionKind::Withdraw => "withdrawing",
                ActionKind::Unfollow => "unfollowing",
            };
            format!("{doing} (step {attempt}, try {})", entry.attempts)
        };
        let (slug, name, action) = (entry.slug.clone(), entry.name.clone(), entry.action);
        self.settle(i, EntryStatus::InProgress, detail, now_ms);
        let attempts = self.attempts_of_mut(action);
        attempts.push_back(now_ms);
        if attempts.len() > ATTEMPTS_KEPT {
            attempts.pop_front();
        }
        self.until_breather = self.until_breather.saturating_sub(1);
        self.hold = None;
        self.step = Some(Step {
            attempt,
            slug: slug.clone(),
            kind: StepKind::Remove,
            dry_run,
            issued_at_ms: now_ms,
            in_flight: true,
            unproven_checks: 0,
        });
        Action::Remove {
            slug,
            name,
            attempt,
            dry_run,
            action,
            pauses_ms,
        }
    }

    pub(super) fn hand_out_verify(&mut self, i: usize, detail: &str, now_ms: TimeMs) -> Action {
        let attempt = self.take_attempt_id();
        let (slug, name) = (self.entries[i].slug.clone(), self.entries[i].name.clone());
        let action = self.entries[i].action;
        let pauses_ms = self.policy().step_pauses_ms(&mut self.rng);
        let mut dry_run = self.entries[i].dry_run;
        self.push_log(LogRecord {
            slug: slug.clone(),
            name: name.clone(),
            at_ms: now_ms,
            from: Some(Stage::InProgress),
            to: Stage::InProgress,
            detail: format!("{detail} (step {attempt})"),
            action,
        });
        if let Some(step) = self.step.as_mut() {
            step.attempt = attempt;
            step.kind = StepKind::Verify;
            step.issued_at_ms = now_ms;
            step.in_flight = true;
            dry_run = step.dry_run;
        }
        Action::Verify {
            slug,
            name,
            attempt,
            dry_run,
            action,
            pauses_ms,
        }
    }

    /// A hold nobody drew (a cap, quiet hours) gets a drawn gap on top and
    /// is kept, so the next start never falls exactly an hour or a day
    /// after an earlier attempt, or on the minute quiet hours end.
    pub(super) fn drawn(&mut self, hold: Hold) -> Hold {
        let undrawn = matches!(
            hold.why,
            WaitReason::HourlyCap | WaitReason::DailyCap | WaitReason::QuietHours
        );
        if !undrawn || self.hold.is_some_and(|h| h.until_ms >= hold.until_ms) {
            return hold;
        }
        let gap = self.policy().delay_ms(&mut self.rng);
        let drawn = Hold {
            until_ms: hold.until_ms + gap,
            why: hold.why,
        };
        self.hold = Some(drawn);
        drawn
    }

    pub(super) fn take_attempt_id(&mut self) -> u64 {
        let id = self.next_attempt;
        self.next_attempt += 1;
        id
    }

    /// Moves entry `i` to `status`, logs it, and drops the step unless the
    /// entry is (still) in progress.
    pub(super) fn settle(&mut self, i: usize, status: EntryStatus, detail: String, now_ms: TimeMs) {
        let entry = &mut self.entries[i];
        let from = entry.status.stage();
        entry.status = status;
        let record = LogRecord {
            slug: entry.slug.clone(),
            name: entry.name.clone(),
            at_ms: now_ms,
            from: Some(from),
            to: entry.status.stage(),
            detail,
            action: entry.action,
        };
        if record.to != Stage::InProgress
            && self.step.as_ref().is_some_and(|s| s.slug == record.slug)
        {
            self.step = None;
        }
        self.push_log(record);
    }

    /// A step that went as it should: the failures in a row end.
    pub(super) fn succeed(&mut self, i: usize, status: EntryStatus, detail: &str, now_ms: TimeMs) {
        self.settle(i, status, detail.into(), now_ms);
        self.consecutive_failures = 0;
        self.schedule(now_ms);
    }

    /// Whether `slug`'s step is a check waiting for its turn (not out on
    /// the page).
    pub(super) fn check_waiting(&self, slug: &str) -> bool {
        self.step
            .as_ref()
            .is_some_and(|s| s.slug == slug && !s.in_flight)
    }

    /// The member cancels a person whose check waits: nothing is out on
    /// the page, but a removal may have been confirmed, so the log says so.
    pub(super) fn cancel_waiting_check(&mut self, i: usize, now_ms: TimeMs) {
        let detail = if self.step.as_ref().is_some_and(|s| s.dry_run) {
            "cancelled while a check of the interrupted dry run waited".to_string()
        } else {
            "cancelled while a check waited: netprune may have pressed Remove connection; \
             check your connections page"
                .to_string()
        };
        self.settle(i, EntryStatus::Cancelled, detail, now_ms);
    }

    /// A verify that did not settle: the entry stays in progress and is
    /// verified again (after the hold) before anything else.
    pub(super) fn verify_unsettled(&mut self, i: usize, detail: String, now_ms: TimeMs) {
        self.settle(i, EntryStatus::InProgress, detail, now_ms);
        if let Some(step) = self.step.as_mut() {
            step.in_flight = false;
        }
    }

    /// The hold after a step: a breather when one is due, else a gap.
    pub(super) fn schedule(&mut self, now_ms: TimeMs) {
        let policy = self.policy();
        let hold = if policy.takes_breathers() && self.until_breather == 0 {
            self.until_breather = policy.breather_every(&mut self.rng);
            Hold {
                until_ms: now_ms + policy.breather_ms(&mut self.rng),
                why: WaitReason::Breather,
            }
        } else {
            Hold {
                until_ms: now_ms + policy.delay_ms(&mut self.rng),
                why: WaitReason::Pacing,
            }
        };
        self.hold = Some(hold);
    }

    /// Entry `i` ends failed for `reason`, which counts as a failure.
    pub(super) fn settle_failed(&mut self, i: usize, reason: String, now_ms: TimeMs) {
        self.settle(
            i,
            EntryStatus::Failed {
                reason: reason.clone(),
            },
            reason.clone(),
            now_ms,
        );
        self.fail(&reason, now_ms);
    }

    /// A failure: back off, and pause after two in a row.
    pub(super) fn fail(&mut self, reason: &str, now_ms: TimeMs) {
        self.consecutive_failures += 1;
        let policy = self.policy();
        let gap = policy
            .delay_ms(&mut self.rng)
            .max(policy.backoff_ms(self.consecutive_failures));
        self.hold = Some(Hold {
            until_ms: now_ms + gap,
            why: WaitReason::Backoff,
        });
        if self.consecutive_failures >= FAILURES_BEFORE_PAUSE {
            self.pause_for(
                PauseCause::Failures,
                format!(
                    "{} failures in a row; the last: {reason}",
                    self.consecutive_failures
                ),
                now_ms,
            );
        }
    }

    /// Pauses; trouble or failures replace a member's pause (they say more),
    /// but never each other: the first sign of trouble is the one to read.
    pub(super) fn pause_for(&mut self, cause: PauseCause, reason: String, now_ms: TimeMs) {
        let replace = match &self.paused {
            None => true,
            Some(p) => p.cause.is_soft() && !cause.is_soft(),
        };
        if replace {
            self.paused = Some(Pause {
                reason,
                at_ms: now_ms,
                cause,
            });
        }
    }
}

pub(super) fn reason_text(reason: &str) -> String {
    let reason = clean_text(reason, MAX_REASON_CHARS);
    if reason.is_empty() {
        "no reason given".into()
    } else {
        reason
    }
}

/// Whether `slug` can be a decoded `/in/<slug>/` key (not an unmatched
/// export row's synthetic key).
pub(super) fn is_profile_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.chars().count() <= MAX_SLUG_CHARS
        && !slug.starts_with(UNMATCHED_PREFIX)
        && !slug
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_and_malformed_keys_are_not_profile_slugs() {
        assert!(is_profile_slug("ana-example-1a2b"));
        assert!(is_profile_slug("josé"));
        assert!(!is_profile_slug(""));
        assert!(!is_profile_slug("export:ana example"));
        assert!(!is_profile_slug("a/b"));
        assert!(!is_profile_slug("a b"));
        assert!(!is_profile_slug(&"x".repeat(201)));
    }
}
