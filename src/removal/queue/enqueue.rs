//! Who is in the queue: queuing people, setting one aside, cancelling one
//! or everyone.

use super::*;

impl RemovalQueue {
    /// Why the queue refuses `slug` ([`Self::enqueue`] and the plan ask
    /// alike), with `taken` the slugs earlier in the same batch and
    /// `pending` how many wait counting them: a key that is not a profile
    /// slug, someone pending or in progress (or twice in the batch), someone
    /// already removed (never attempted twice), or a full queue. Wants the
    /// index current ([`Self::ensure_index`]).
    pub(crate) fn entry_refusal(
        &self,
        slug: &str,
        action: ActionKind,
        taken: &HashSet<String>,
        pending: usize,
    ) -> Option<RefuseReason> {
        if !is_profile_slug(slug) {
            return Some(RefuseReason::BadSlug);
        }
        if taken.contains(slug) {
            return Some(RefuseReason::AlreadyQueued);
        }
        let entry = self.index.0.get(slug).map(|&i| &self.entries[i]);
        let same = entry.is_some_and(|e| e.action == action);
        match entry.map(|e| &e.status) {
            Some(EntryStatus::Pending | EntryStatus::InProgress) if same => {
                Some(RefuseReason::AlreadyQueued)
            }
            Some(EntryStatus::Pending | EntryStatus::InProgress) => {
                Some(RefuseReason::QueuedOtherwise)
            }
            Some(EntryStatus::Removed) if same => Some(RefuseReason::AlreadyRemoved),
            _ if pending >= MAX_PENDING => Some(RefuseReason::QueueFull),
            _ => None,
        }
    }

    /// How many people wait (pending).
    pub(crate) fn pending_count(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.status == EntryStatus::Pending)
            .count()
    }

    /// Queues `people` (slug, name) in order. The caller has already refused
    /// kept, unmatched and gone people ([`crate::removal::people::queue_removals`] does);
    /// the queue refuses people pending or in progress, people already
    /// removed (never attempted twice), and keys that are not profile slugs.
    /// People who failed, were skipped or cancelled are queued again, at the
    /// back. Each person keeps `dry_run` as queued: a later batch never
    /// changes an earlier one's mode.
    pub fn enqueue(
        &mut self,
        people: Vec<(String, String)>,
        now_ms: TimeMs,
        dry_run: bool,
    ) -> EnqueueReport {
        self.enqueue_kind(people, ActionKind::Remove, now_ms, dry_run)
    }

    /// [`Self::enqueue`] for steps of `action`. Someone whose step of
    /// another kind is done is queued again for this one; someone pending
    /// or in progress for another kind is refused.
    pub fn enqueue_kind(
        &mut self,
        people: Vec<(String, String)>,
        action: ActionKind,
        now_ms: TimeMs,
        dry_run: bool,
    ) -> EnqueueReport {
        self.ensure_index();
        let mut report = EnqueueReport::default();
        let mut pending = self.pending_count();
        let mut taken: HashSet<String> = HashSet::new();
        let mut moved: HashSet<usize> = HashSet::new();
        let mut added: Vec<Entry> = Vec::new();
        for (slug, name) in people {
            if let Some(why) = self.entry_refusal(&slug, action, &taken, pending) {
                let slug = clean_text(&slug, MAX_SLUG_CHARS);
                report.refused.push(Refusal::new(slug, why));
                continue;
            }
            let existing = self.index.0.get(&slug).copied();
            let from = existing.map(|i| self.entries[i].status.stage());
            let name = clean_text(&name, MAX_NAME_CHARS);
            self.push_log(LogRecord {
                slug: slug.clone(),
                name: name.clone(),
                at_ms: now_ms,
                from,
                to: Stage::Pending,
                action,
                detail: match (from.is_some(), dry_run) {
                    (false, false) => "queued",
                    (true, false) => "queued again",
                    (false, true) => "queued as a dry run",
                    (true, true) => "queued again as a dry run",
                }
                .into(),
            });
            if let Some(i) = existing {
                moved.insert(i);
            }
            taken.insert(slug.clone());
            added.push(Entry {
                slug,
                name,
                queued_at_ms: now_ms,
                status: EntryStatus::Pending,
                attempts: 0,
                dry_run,
                action,
            });
            pending += 1;
            report.queued += 1;
        }
        if !moved.is_empty() {
            // People queued again go to the back, in the order asked.
            let mut i = 0;
            self.entries.retain(|_| {
                i += 1;
                !moved.contains(&(i - 1))
            });
        }
        self.entries.extend(added);
        self.rebuild_index();
        report
    }

    /// Sets a pending person aside without a removal (e.g. put on the
    /// keep-list after being queued). Answers whether they were pending.
    pub fn skip(&mut self, slug: &str, why: SkipReason, now_ms: TimeMs) -> bool {
        self.ensure_index();
        match self.find(slug) {
            Some(i) if self.entries[i].status == EntryStatus::Pending => {
                self.settle(i, EntryStatus::Skipped { why }, why.words().into(), now_ms);
                true
            }
            _ => false,
        }
    }

    /// Cancels a pending person. A person whose step is out cannot be
    /// cancelled mid-step: the answer says so, and their outcome will still
    /// be recorded.
    pub fn cancel(&mut self, slug: &str, now_ms: TimeMs) -> CancelOutcome {
        self.ensure_index();
        match self.find(slug).map(|i| (i, &self.entries[i].status)) {
            Some((i, EntryStatus::Pending)) => {
                self.settle(i, EntryStatus::Cancelled, "cancelled".into(), now_ms);
                CancelOutcome::Cancelled
            }
            Some((i, EntryStatus::InProgress)) if self.check_waiting(slug) => {
                self.cancel_waiting_check(i, now_ms);
                CancelOutcome::Cancelled
            }
            Some((_, EntryStatus::InProgress)) => CancelOutcome::InProgress,
            _ => CancelOutcome::NotPending,
        }
    }

    /// Cancels everyone pending; the person whose step is out (if any)
    /// cannot be cancelled mid-step and is named in the answer.
    pub fn cancel_all(&mut self, now_ms: TimeMs) -> CancelAllReport {
        self.ensure_index();
        let pending: Vec<usize> = (0..self.entries.len())
            .filter(|&i| self.entries[i].status == EntryStatus::Pending)
            .collect();
        for &i in &pending {
            self.settle(i, EntryStatus::Cancelled, "cancelled".into(), now_ms);
        }
        let mut cancelled = pending.len() as u32;
        let waiting = self
            .step
            .as_ref()
            .filter(|s| !s.in_flight)
            .and_then(|s| self.find(&s.slug));
        if let Some(i) = waiting {
            self.cancel_waiting_check(i, now_ms);
            cancelled += 1;
        }
        CancelAllReport {
            cancelled,
            in_progress: self.step.as_ref().map(|s| s.slug.clone()),
        }
    }
}
