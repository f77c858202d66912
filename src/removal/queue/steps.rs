//! The step cycle: what to do now (poll), a step's reported outcome, a
//! backup's history absorbed, when to wake next, and the progress shown.

use super::*;

impl RemovalQueue {
    /// What to do now. A `Remove` marks the person in progress and counts
    /// the attempt toward the caps; a `Verify` is handed out whenever a
    /// step's outcome was lost, before anything else.
    pub fn poll(&mut self, now_ms: TimeMs, utc_offset_minutes: i32) -> Action {
        self.ensure_index();
        while self.attempts.front().is_some_and(|&a| now_ms - a >= DAY_MS) {
            self.attempts.pop_front();
        }
        match self.decide(now_ms, utc_offset_minutes) {
            Decision::Idle => Action::Idle,
            Decision::Paused(reason) => Action::Paused { reason },
            Decision::Wait(first) => {
                // A drawn gap may end in quiet hours or under a cap: draw
                // again from there, so the wait answered is the one kept.
                let mut hold = self.drawn(first);
                for _ in 0..8 {
                    match self.decide(now_ms, utc_offset_minutes) {
                        Decision::Wait(next) if next != hold => hold = self.drawn(next),
                        _ => break,
                    }
                }
                Action::Wait {
                    until_ms: hold.until_ms,
                    why: hold.why,
                }
            }
            Decision::Remove(i) => self.hand_out_remove(i, now_ms),
            Decision::VerifyLost(i) => {
                self.hand_out_verify(i, "its outcome was lost: checking the list first", now_ms)
            }
            Decision::VerifyAgain(i) => self.hand_out_verify(i, "checking the list again", now_ms),
        }
    }

    /// Takes in the history of `backup` (a queue restored from a file) and
    /// keeps everything that makes removals safe as it is here: the step in
    /// flight, the attempt times behind the caps, the pacing generator and
    /// holds, the failures in a row, the pause, the cool-down, the settings.
    /// The file's log records are merged in by time; the file's verified
    /// removals are kept (never attempted again); the file's pending people
    /// are not queued again. Answers how many of the file's people were
    /// waiting and are not queued again.
    pub fn absorb_history(&mut self, backup: RemovalQueue) -> u32 {
        self.ensure_index();
        let mut not_requeued = 0;
        let mut added = false;
        for entry in backup.entries {
            let stage = entry.status.stage();
            let here = self
                .find(&entry.slug)
                .map(|i| self.entries[i].status.stage());
            match (stage, here) {
                (Stage::Pending | Stage::InProgress, here) if here != Some(stage) => {
                    not_requeued += 1;
                }
                // Someone here (mid-step, pending or done) stays as they
                // are: a step reports, and a removal is verified.
                (Stage::Removed, None) => {
                    self.entries.push(entry);
                    added = true;
                }
                _ => {}
            }
        }
        if added {
            self.rebuild_index();
        }
        // The file's records the log here lacks (the same record in both
        // came from the same history before the file was written).
        let here: HashSet<(TimeMs, &str, Stage, &str)> = self
            .log
            .iter()
            .map(|r| (r.at_ms, r.slug.as_str(), r.to, r.detail.as_str()))
            .collect();
        let missing: Vec<LogRecord> = backup
            .log
            .into_iter()
            .filter(|r| !here.contains(&(r.at_ms, r.slug.as_str(), r.to, r.detail.as_str())))
            .collect();
        self.log.extend(missing);
        // Stable: records of the same instant keep their order.
        self.log.sort_by_key(|r| r.at_ms);
        self.trim_log();
        let mut attempts: Vec<TimeMs> = self.attempts.iter().copied().collect();
        attempts.extend(backup.attempts);
        attempts.sort_unstable();
        attempts.dedup();
        self.attempts = attempts.into_iter().collect();
        while self.attempts.len() > ATTEMPTS_KEPT {
            self.attempts.pop_front();
        }
        self.next_attempt = self.next_attempt.max(backup.next_attempt);
        not_requeued
    }

    /// When the caller should poll next: `None` when idle or paused, the
    /// step's timeout while a step is out, otherwise the end of the current
    /// wait (or `now_ms` when something can be done now).
    pub fn next_wake_ms(&self, now_ms: TimeMs, utc_offset_minutes: i32) -> Option<TimeMs> {
        if let Some(step) = self.step.as_ref().filter(|s| s.in_flight) {
            if self.paused.is_some() {
                return None;
            }
            return Some((step.issued_at_ms + self.step_timeout_ms()).max(now_ms));
        }
        match self.decide(now_ms, utc_offset_minutes) {
            Decision::Idle | Decision::Paused(_) => None,
            Decision::Wait(hold) => Some(hold.until_ms),
            _ => Some(now_ms),
        }
    }

    /// Records the outcome of step `attempt`. A report for any other attempt
    /// is stale and changes nothing, except that stale `Trouble` still
    /// pauses the queue.
    pub fn report(&mut self, attempt: u64, outcome: StepOutcome, now_ms: TimeMs) -> Reported {
        self.ensure_index();
        let step = match self.step.as_ref() {
            Some(s) if s.in_flight && s.attempt == attempt => s.clone(),
            _ => {
                if let StepOutcome::Trouble { reason, trouble } = &outcome {
                    let reason = format!("{} (reported by an earlier step)", reason_text(reason));
                    self.trouble_seen(&reason, trouble.as_deref(), now_ms);
                    return Reported::Stale { paused: true };
                }
                return Reported::Stale { paused: false };
            }
        };
        let Some(i) = self.find(&step.slug) else {
            // validated() rules this out; drop the step rather than panic.
            self.step = None;
            return Reported::Stale { paused: false };
        };
        let kind = self.entries[i].action;
        match (step.kind, outcome) {
            (StepKind::Remove, StepOutcome::Removed) if step.dry_run => {
                self.succeed(
                    i,
                    EntryStatus::Skipped {
                        why: SkipReason::DryRun,
                    },
                    match kind {
                        ActionKind::Remove => {
                            "dry run: would remove (stopped at the confirm button)"
                        }
                        ActionKind::Withdraw => {
                            "dry run: would withdraw (stopped at the confirm button)"
                        }
                        ActionKind::Unfollow => "dry run: would unfollow (stopped at the button)",
                    },
                    now_ms,
                );
            }
            (StepKind::Remove, StepOutcome::Removed) => {
                self.succeed(
                    i,
                    EntryStatus::Removed,
                    match kind {
                        ActionKind::Remove => "removed: the card left the list",
                        ActionKind::Withdraw => "withdrawn: the invitation left the sent list",
                        ActionKind::Unfollow => "unfollowed: the button now says Follow",
                    },
                    now_ms,
                );
            }
            (StepKind::Remove, StepOutcome::NotFound) => {
                self.succeed(
                    i,
                    EntryStatus::Skipped {
                        why: SkipReason::AlreadyGone,
                    },
                    match kind {
                        ActionKind::Remove => "not on the connections list when searched",
                        ActionKind::Withdraw => "not on the sent invitations list",
                        ActionKind::Unfollow => "not followed on the following list",
                    },
                    now_ms,
                );
            }
            (StepKind::Remove, StepOutcome::StillThere) => {
                let reason = "still on the list after the removal step".to_string();
                self.settle_failed(i, reason, now_ms);
            }
            (StepKind::Remove, StepOutcome::Failed { reason }) => {
                let reason = reason_text(&reason);
                self.settle_failed(i, reason, now_ms);
            }
            (StepKind::Remove, StepOutcome::Unproven { reason }) if step.dry_run => {
                // A dry run never presses the confirm: nothing to prove.
                let reason = reason_text(&reason);
                self.settle_failed(i, reason, now_ms);
            }
            (StepKind::Remove, StepOutcome::Unproven { reason }) => {
                let reason = reason_text(&reason);
                self.verify_unsettled(
                    i,
                    format!(
                        "pressed {}, no proof yet ({reason}): checking the list",
                        match kind {
                            ActionKind::Remove => "Remove connection",
                            ActionKind::Withdraw => "Withdraw",
                            ActionKind::Unfollow => "Unfollow",
                        }
                    ),
                    now_ms,
                );
                self.schedule(now_ms);
            }
            (StepKind::Remove, StepOutcome::Trouble { reason, trouble }) => {
                let reason = reason_text(&reason);
                self.settle(
                    i,
                    EntryStatus::Pending,
                    format!("stopped: {reason}"),
                    now_ms,
                );
                self.trouble_seen(&reason, trouble.as_deref(), now_ms);
                self.schedule(now_ms);
            }
            (StepKind::Verify, StepOutcome::Removed | StepOutcome::NotFound) if step.dry_run => {
                // A dry run never confirms: if they are gone, someone else did it.
                self.succeed(
                    i,
                    EntryStatus::Skipped {
                        why: SkipReason::AlreadyGone,
                    },
                    "not on the list when checked after an interrupted dry run",
                    now_ms,
                );
            }
            (StepKind::Verify, StepOutcome::Removed | StepOutcome::NotFound) => {
                self.succeed(
                    i,
                    EntryStatus::Removed,
                    "removed: not on the list when checked after an interrupted step",
                    now_ms,
                );
            }
            (StepKind::Verify, StepOutcome::StillThere) => {
                self.settle(
                    i,
                    EntryStatus::Pending,
                    "still connected after an interrupted step: will try again".into(),
                    now_ms,
                );
                self.schedule(now_ms);
            }
            (StepKind::Verify, StepOutcome::Failed { reason }) => {
                let reason = reason_text(&reason);
                self.verify_unsettled(i, format!("check failed: {reason}"), now_ms);
                self.fail(&reason, now_ms);
            }
            (StepKind::Verify, StepOutcome::Unproven { reason }) => {
                let reason = reason_text(&reason);
                let checks = step.unproven_checks + 1;
                if checks < UNPROVEN_CHECKS {
                    self.verify_unsettled(i, format!("check proved nothing: {reason}"), now_ms);
                    if let Some(step) = self.step.as_mut() {
                        step.unproven_checks = checks;
                    }
                    self.schedule(now_ms);
                } else if step.dry_run {
                    // A dry run pressed nothing: it failed, it removed nobody.
                    let reason =
                        format!("dry run interrupted, and the check proved nothing: {reason}");
                    self.settle_failed(i, reason, now_ms);
                } else {
                    let detail =
                        format!("{UNCONFIRMED_WORDS} (after {checks} checks; the last: {reason})");
                    self.settle(i, EntryStatus::Unconfirmed { reason }, detail, now_ms);
                    // Counts toward the failures in a row: if no removal
                    // can be proven, the second pauses the queue.
                    self.fail("LinkedIn's page gave no proof of a removal", now_ms);
                }
            }
            (StepKind::Verify, StepOutcome::Trouble { reason, trouble }) => {
                let reason = reason_text(&reason);
                self.verify_unsettled(i, format!("check stopped: {reason}"), now_ms);
                self.trouble_seen(&reason, trouble.as_deref(), now_ms);
                self.schedule(now_ms);
            }
        }
        Reported::Applied {
            slug: step.slug,
            status: self.entries[i].status.clone(),
            paused: self.paused.is_some(),
        }
    }

    /// When `count` removals would be done starting from this queue's
    /// state at `now_ms` (its hold, the caps' recent attempts, the next
    /// breather), at the median pace: the popup's estimate and the plan's.
    pub(crate) fn finish_of(&self, count: u32, now_ms: TimeMs, utc_offset_minutes: i32) -> TimeMs {
        let policy = self.policy();
        let start = policy
            .next_start(now_ms, utc_offset_minutes, self.hold, &self.attempts)
            .map_or(now_ms, |h| h.until_ms);
        policy.estimate_finish(
            count,
            start,
            utc_offset_minutes,
            &self.attempts,
            self.until_breather,
        )
    }

    /// Counts, caps, the next action and an estimate of when the people
    /// left will be done, as of `now_ms`.
    pub fn progress(&self, now_ms: TimeMs, utc_offset_minutes: i32) -> QueueProgress {
        let mut counts = [0u32; 7];
        let mut removed = 0;
        for entry in &self.entries {
            let stage = entry.status.stage();
            if stage == Stage::Removed && entry.action != ActionKind::Remove {
                // Counted with their kind below; "removed" stays removals.
                continue;
            }
            counts[stage as usize] += 1;
            if stage == Stage::Removed {
                removed += 1;
            }
        }
        let [pending, in_progress, _, failed, skipped, cancelled, unconfirmed] = counts;
        let done_today = |kind: ActionKind| {
            self.log
                .iter()
                .rev()
                .take_while(|r| now_ms - r.at_ms < DAY_MS)
                .filter(|r| r.to == Stage::Removed && r.action == kind)
                .count() as u32
        };
        let removed_today = done_today(ActionKind::Remove);
        let policy = self.policy();
        let kinds = ActionKind::ALL
            .into_iter()
            .map(|kind| {
                let of_kind = self.entries.iter().filter(|e| e.action == kind);
                let attempts = self.attempts_of(kind);
                KindProgress {
                    kind,
                    pending: of_kind
                        .clone()
                        .filter(|e| {
                            matches!(e.status, EntryStatus::Pending | EntryStatus::InProgress)
                        })
                        .count() as u32,
                    done: of_kind.filter(|e| e.status == EntryStatus::Removed).count() as u32,
                    done_today: done_today(kind),
                    attempts_this_hour: attempts_within(attempts, now_ms, HOUR_MS),
                    attempts_today: attempts_within(attempts, now_ms, DAY_MS),
                    hourly_cap: policy.caps_of(kind).map(|c| c.0),
                    daily_cap: policy.caps_of(kind).map(|c| c.1),
                }
            })
            .collect();
        let decision = self.decide(now_ms, utc_offset_minutes);
        let left = pending + in_progress;
        let eta_ms = (left > 0).then(|| self.finish_of(left, now_ms, utc_offset_minutes));
        QueueProgress {
            state: self.state(),
            reason: self.paused.as_ref().map(|p| p.reason.clone()),
            pause_cause: self.paused.as_ref().map(|p| p.cause),
            pause: self.paused.as_ref().map(|p| PauseView {
                cause: p.cause,
                message: p.reason.clone(),
                at_ms: p.at_ms,
            }),
            cooldown_until_ms: self.cooldown_at(now_ms).map(|c| c.until_ms),
            cooldown_reason: self.cooldown_at(now_ms).map(|c| c.reason.clone()),
            paused_at_ms: self.paused.as_ref().map(|p| p.at_ms),
            pending,
            in_progress,
            removed,
            failed,
            skipped,
            cancelled,
            unconfirmed,
            check_waiting: self
                .step
                .as_ref()
                .filter(|s| !s.in_flight)
                .map(|s| s.slug.clone()),
            removed_today,
            kinds,
            overall_today: attempts_within(&self.all_attempts(), now_ms, DAY_MS),
            overall_daily_cap: policy.overall_daily_cap(),
            attempts_this_hour: attempts_within(&self.attempts, now_ms, HOUR_MS),
            attempts_today: attempts_within(&self.attempts, now_ms, DAY_MS),
            hourly_cap: policy.hourly_cap(),
            daily_cap: policy.daily_cap(),
            next_action_at_ms: self.next_wake_ms(now_ms, utc_offset_minutes),
            waiting_for: match decision {
                Decision::Wait(hold) => Some(hold.why),
                _ => None,
            },
            eta_ms,
            dry_run_left: self
                .entries
                .iter()
                .filter(|e| {
                    e.dry_run && matches!(e.status, EntryStatus::Pending | EntryStatus::InProgress)
                })
                .count() as u32,
            dev_pacing: policy.is_dev(),
        }
    }
}
