//! The removal queue as the network drives it: refusing who must never be
//! queued, checking each person again just before their turn, and marking
//! verified removals on the person. [`crate::removal::queue`] owns the
//! queue's own state machine; this file owns the rules that need the people.

use crate::network::calendar::TimeMs;
use crate::network::model::{ModelError, Network, Person};
use crate::network::text::clean_text;
use crate::removal::language::{removal_language, Availability};
use crate::removal::queue::{
    Action, ActionKind, EnqueueReport, EntryStatus, Refusal, RefuseReason, RemovalQueue, Reported,
    SkipReason, StepOutcome, DEFAULT_SEED, MAX_PENDING, MAX_SLUG_CHARS,
};

/// The person `slug` names, or why they must never be queued: unknown,
/// kept, an export row without a profile link, no longer connected, or
/// already removed. [`queue_removals`] and the plan
/// ([`crate::removal::plan::plan_removals`]) both ask this.
pub(crate) fn person_refusal<'a>(
    network: &'a Network,
    slug: &str,
) -> Result<&'a Person, RefuseReason> {
    match network.person(slug) {
        None => Err(RefuseReason::Unknown),
        Some(p) if p.kept => Err(RefuseReason::Kept),
        Some(p) if p.unmatched => Err(RefuseReason::Unmatched),
        Some(p) if p.gone_since_ms.is_some() => Err(RefuseReason::Gone),
        Some(p) if p.removed_at_ms.is_some() => Err(RefuseReason::AlreadyRemoved),
        Some(p) => Ok(p),
    }
}

/// Why nobody at all can be queued now: the member's LinkedIn (its last
/// page read) is in a language netprune knows no removal words in, neither
/// its own nor taught. [`queue_removals`] and the plan both ask this first.
pub(crate) fn batch_refusal(queue: &RemovalQueue, network: &Network) -> Option<RefuseReason> {
    let page = network.last_page.as_ref().map(|p| p.language.as_deref());
    (removal_language(page, queue.taught()).removal == Availability::Unavailable)
        .then_some(RefuseReason::Language)
}

/// Queues people for removal by slug. Kept people are never queued, nor
/// export rows without a profile link, people no longer connected,
/// people already removed, or slugs the network does not know: each is
/// refused with its reason. Fails only when asked for more people than
/// anyone can have.
pub fn queue_removals(
    queue: &mut RemovalQueue,
    network: &Network,
    slugs: &[String],
    now_ms: TimeMs,
    dry_run: bool,
) -> Result<EnqueueReport, ModelError> {
    queue_actions(queue, network, slugs, ActionKind::Remove, now_ms, dry_run)
}

/// Why `person` cannot have a step of `kind`, beyond [`person_refusal`]'s
/// rules for removals: a removal needs a connection, a withdrawal a
/// pending invitation, an unfollow a follow; nobody kept is ever queued.
pub(crate) fn relation_refusal(person: &Person, kind: ActionKind) -> Option<RefuseReason> {
    match kind {
        ActionKind::Remove if !person.is_connection() => Some(RefuseReason::NotConnection),
        ActionKind::Remove => None,
        _ if person.kept => Some(RefuseReason::Kept),
        ActionKind::Withdraw if person.invitation().is_none() => Some(RefuseReason::NoInvitation),
        ActionKind::Unfollow if !person.follows() => Some(RefuseReason::NotFollowed),
        _ => None,
    }
}

/// How many of `slugs` each kind of step may be queued for, by the same
/// rules as [`queue_actions`] (the queue's own refusals aside): what the
/// review page offers for a selection.
pub fn action_counts(network: &Network, slugs: &[String]) -> [(ActionKind, u32); 3] {
    ActionKind::ALL.map(|kind| {
        let n = slugs
            .iter()
            .filter(|slug| kind_refusal(network, slug, kind).is_ok())
            .count() as u32;
        (kind, n)
    })
}

/// The person `slug` names if a step of `kind` may be queued for them.
pub(crate) fn kind_refusal<'a>(
    network: &'a Network,
    slug: &str,
    kind: ActionKind,
) -> Result<&'a Person, RefuseReason> {
    if kind == ActionKind::Remove {
        let person = person_refusal(network, slug)?;
        return relation_refusal(person, kind).map_or(Ok(person), Err);
    }
    let person = network.person(slug).ok_or(RefuseReason::Unknown)?;
    relation_refusal(person, kind).map_or(Ok(person), Err)
}

/// Queues people for steps of `kind` by slug: [`queue_removals`] for any
/// kind. Each person must have the relation the kind acts on.
pub fn queue_actions(
    queue: &mut RemovalQueue,
    network: &Network,
    slugs: &[String],
    kind: ActionKind,
    now_ms: TimeMs,
    dry_run: bool,
) -> Result<EnqueueReport, ModelError> {
    if slugs.len() > MAX_PENDING {
        return Err(ModelError::BadInput(format!(
            "{} people asked for; at most {MAX_PENDING} can be queued",
            slugs.len()
        )));
    }
    let mut refused = Vec::new();
    let mut people = Vec::new();
    for slug in slugs {
        // The language rule is the removal words': other kinds' steps
        // stop before any click on a page whose words they lack.
        let batch = match kind {
            ActionKind::Remove => batch_refusal(queue, network),
            _ => None,
        };
        let checked = match batch {
            Some(why) => Err(why),
            None => kind_refusal(network, slug, kind),
        };
        match checked {
            Ok(p) => people.push((p.slug.clone(), p.name.clone())),
            Err(why) => refused.push(Refusal::new(clean_text(slug, MAX_SLUG_CHARS), why)),
        }
    }
    if !queue.is_seeded() {
        // Nobody seeded the queue: mix in the time, an input like any other.
        let seed = DEFAULT_SEED ^ (now_ms as u64).rotate_left(17) ^ network.people.len() as u64;
        queue.reseed(seed);
    }
    let mut report = queue.enqueue_kind(people, kind, now_ms, dry_run);
    refused.append(&mut report.refused);
    report.refused = refused;
    Ok(report)
}

/// The queue's next action, after setting aside pending people at the
/// head of the queue who must not be removed any more: kept since they
/// were queued, gone, already removed, or no longer in the network.
/// The background calls this rather than [`RemovalQueue::poll`].
pub fn poll_removals(
    queue: &mut RemovalQueue,
    network: &Network,
    now_ms: TimeMs,
    utc_offset_minutes: i32,
) -> Action {
    // Each kind's next person, checked just before their turn: the stale
    // ones at the head of each kind are set aside.
    let mut ready: Vec<ActionKind> = Vec::new();
    let stale: Vec<(String, SkipReason)> = queue
        .entries()
        .iter()
        .filter(|e| e.status == EntryStatus::Pending)
        .filter_map(|e| {
            if ready.contains(&e.action) {
                return None;
            }
            let why = match network.person(&e.slug) {
                None => SkipReason::NotFound,
                Some(p) if p.kept => SkipReason::Kept,
                Some(p)
                    if e.action != ActionKind::Remove
                        && relation_refusal(p, e.action).is_some() =>
                {
                    SkipReason::AlreadyGone
                }
                Some(_) if e.action != ActionKind::Remove => {
                    ready.push(e.action);
                    return None;
                }
                Some(p) if p.unmatched => SkipReason::NotFound,
                Some(p)
                    if p.gone_since_ms.is_some()
                        || p.removed_at_ms.is_some()
                        || !p.is_connection() =>
                {
                    SkipReason::AlreadyGone
                }
                Some(_) => {
                    ready.push(e.action);
                    return None;
                }
            };
            Some((e.slug.clone(), why))
        })
        .collect();
    for (slug, why) in stale {
        queue.skip(&slug, why, now_ms);
    }
    queue.poll(now_ms, utc_offset_minutes)
}

/// Records a step's outcome; a verified removal marks the person
/// removed (`is:removed`), so they are never queued again.
pub fn report_removal(
    queue: &mut RemovalQueue,
    network: &mut Network,
    attempt: u64,
    outcome: StepOutcome,
    now_ms: TimeMs,
) -> Reported {
    let reported = queue.report(attempt, outcome, now_ms);
    if let Reported::Applied { slug, status, .. } = &reported {
        let kind = queue.entry(slug).map_or(ActionKind::Remove, |e| e.action);
        // A step that found nobody to act on proves the relation is over
        // too (withdrawn or accepted elsewhere, unfollowed by hand).
        let gone = matches!(
            status,
            EntryStatus::Skipped {
                why: SkipReason::AlreadyGone
            }
        );
        if let Some(i) = network.index_of(slug) {
            let person = &mut network.people[i];
            match (kind, status) {
                (ActionKind::Remove, EntryStatus::Removed) => {
                    person.removed_at_ms.get_or_insert(now_ms);
                }
                (ActionKind::Withdraw, EntryStatus::Removed) => {
                    let r = person.relations_mut();
                    r.invitation = None;
                    r.withdrawn_at_ms.get_or_insert(now_ms);
                }
                (ActionKind::Unfollow, EntryStatus::Removed) => {
                    let r = person.relations_mut();
                    r.unfollowed();
                    r.unfollowed_at_ms.get_or_insert(now_ms);
                }
                (ActionKind::Withdraw, _) if gone => {
                    person.relations_mut().invitation = None;
                }
                (ActionKind::Unfollow, _) if gone => {
                    person.relations_mut().unfollowed();
                }
                _ => {}
            }
            person.tidy_relations();
        }
    }
    reported
}
