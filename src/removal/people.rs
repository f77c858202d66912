//! The removal queue as the network drives it: refusing who must never be
//! queued, checking each person again just before their turn, and marking
//! verified removals on the person. [`crate::removal::queue`] owns the
//! queue's own state machine; this file owns the rules that need the people.

use crate::network::calendar::TimeMs;
use crate::network::model::{ModelError, Network, Person};
use crate::network::text::clean_text;
use crate::removal::language::{removal_language, Availability};
use crate::removal::queue::{
    Action, EnqueueReport, EntryStatus, Refusal, RefuseReason, RemovalQueue, Reported, SkipReason,
    StepOutcome, DEFAULT_SEED, MAX_PENDING, MAX_SLUG_CHARS,
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
    if slugs.len() > MAX_PENDING {
        return Err(ModelError::BadInput(format!(
            "{} people asked for; at most {MAX_PENDING} can be queued",
            slugs.len()
        )));
    }
    let mut refused = Vec::new();
    let mut people = Vec::new();
    for slug in slugs {
        let checked = match batch_refusal(queue, network) {
            Some(why) => Err(why),
            None => person_refusal(network, slug),
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
    let mut report = queue.enqueue(people, now_ms, dry_run);
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
    while let Some(slug) = queue.next_pending().map(|e| e.slug.clone()) {
        let why = match network.person(&slug) {
            None => SkipReason::NotFound,
            Some(p) if p.kept => SkipReason::Kept,
            Some(p) if p.unmatched => SkipReason::NotFound,
            Some(p) if p.gone_since_ms.is_some() || p.removed_at_ms.is_some() => {
                SkipReason::AlreadyGone
            }
            Some(_) => break,
        };
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
    if let Reported::Applied {
        slug,
        status: EntryStatus::Removed,
        ..
    } = &reported
    {
        if let Some(i) = network.index_of(slug) {
            network.people[i].removed_at_ms.get_or_insert(now_ms);
        }
    }
    reported
}
