//! The plan of a removal batch, before it is queued: who would be queued,
//! who not and why, the connection count after, whether the 500+ badge is
//! crossed, and when the queue would be done.
//!
//! It asks exactly the questions [`queue_removals`] asks (the same
//! [`kind_refusal`] and [`RemovalQueue::entry_refusal`]) and the queue's
//! own finish estimate, so what the review page's confirmation shows is
//! what queuing then does. It changes nothing.
//!
//! [`queue_removals`]: crate::removal::people::queue_removals
//! [`kind_refusal`]: crate::removal::people::kind_refusal

use crate::network::calendar::TimeMs;
use crate::network::figure::Precision;
use crate::network::model::{FigureKind, ModelError, Network, BADGE_THRESHOLD};
use crate::network::text::clean_text;
use crate::removal::people::{batch_refusal, kind_refusal};
use crate::removal::queue::{ActionKind, RefuseReason, RemovalQueue, MAX_PENDING, MAX_SLUG_CHARS};
use serde::Serialize;
use std::collections::HashSet;

/// Someone in the batch who would not be queued.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Excluded {
    /// Who (as asked, cleaned).
    pub slug: String,
    /// Their name, or "" when the network does not know them.
    pub name: String,
    /// Why, as the queue refuses them.
    pub reason: RefuseReason,
    /// Why, in words a member can read.
    pub message: &'static str,
}

/// What queuing a batch would do.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RemovalPlan {
    /// The people who would be queued, in the order asked.
    pub queueable: Vec<String>,
    /// The people who would not, each with the reason.
    pub excluded: Vec<Excluded>,
    /// The connection count now, or null when unknown.
    pub connections_before: Option<u64>,
    /// The count once these people and everyone already waiting in the
    /// queue are removed, or null when unknown.
    pub connections_after: Option<u64>,
    /// How exact both counts are ("at-least" for a "500+" floor, whose real
    /// count may be higher), or null when unknown.
    pub connections_precision: Option<Precision>,
    /// The 500+ badge shows now (or, for a floor, may) and would not after:
    /// the doubt resolves towards warning.
    pub crosses_badge: bool,
    /// When the queue would be done with everyone, at the median pace with
    /// breathers, caps and quiet hours; null when nobody would be queued.
    pub finish_at_ms: Option<TimeMs>,
    /// `finishAtMs` less now.
    pub duration_ms: Option<i64>,
    /// Removals already waiting in the queue or under way, counted in
    /// `connectionsAfter`.
    pub already_waiting: u32,
}

/// A refusal in words, for the review page's confirmation.
pub fn refusal_words(why: RefuseReason) -> &'static str {
    match why {
        RefuseReason::Kept => "on your keep-list, so they can never be queued",
        RefuseReason::Unmatched => {
            "from your LinkedIn export without a profile link, so netprune cannot find their card"
        }
        RefuseReason::Gone => "already gone: no longer in your connections",
        RefuseReason::Unknown => "no longer in your network as netprune holds it",
        RefuseReason::AlreadyQueued => "already in the removal queue",
        RefuseReason::AlreadyRemoved => "already removed by netprune",
        RefuseReason::BadSlug => "not a profile link netprune can use",
        RefuseReason::QueueFull => "the queue is full (30,000 people waiting)",
        RefuseReason::Language => {
            "your LinkedIn is in a language netprune knows no removal words in yet: teach it on this page first"
        }
        RefuseReason::NotConnection => "not one of your connections, so there is nothing to remove",
        RefuseReason::NoInvitation => "no pending invitation from you on your sent invitations page",
        RefuseReason::NotFollowed => "not on your following page",
        RefuseReason::QueuedOtherwise => "already queued for another step",
    }
}

/// What [`crate::removal::people::queue_removals`] would do with `slugs`
/// at `now_ms`, without doing it (`queue` only has its lookup index brought
/// up to date). Fails, as queuing does, only when asked for more people than
/// anyone can have.
pub fn plan_removals(
    queue: &mut RemovalQueue,
    network: &Network,
    slugs: &[String],
    now_ms: TimeMs,
    utc_offset_minutes: i32,
) -> Result<RemovalPlan, ModelError> {
    plan_actions(
        queue,
        network,
        slugs,
        ActionKind::Remove,
        now_ms,
        utc_offset_minutes,
    )
}

/// What [`crate::removal::people::queue_actions`] would do with `slugs`
/// for steps of `kind`: [`plan_removals`] for any kind. Only removals change
/// the connection count (and may cross the badge), and only their finish is
/// estimated: a withdrawal or an unfollow leaves both as they are.
pub fn plan_actions(
    queue: &mut RemovalQueue,
    network: &Network,
    slugs: &[String],
    kind: ActionKind,
    now_ms: TimeMs,
    utc_offset_minutes: i32,
) -> Result<RemovalPlan, ModelError> {
    if slugs.len() > MAX_PENDING {
        return Err(ModelError::BadInput(format!(
            "{} people asked for; at most {MAX_PENDING} can be queued",
            slugs.len()
        )));
    }
    queue.ensure_index();
    let batch = match kind {
        ActionKind::Remove => batch_refusal(queue, network),
        _ => None,
    };
    let mut pending = queue.pending_count();
    let mut taken: HashSet<String> = HashSet::new();
    let mut queueable = Vec::new();
    let mut excluded = Vec::new();
    for slug in slugs {
        let checked = match batch {
            Some(why) => Err(why),
            None => kind_refusal(network, slug, kind),
        }
        .and_then(
            |p| match queue.entry_refusal(&p.slug, kind, &taken, pending) {
                Some(why) => Err(why),
                None => Ok(p.slug.clone()),
            },
        );
        match checked {
            Ok(slug) => {
                taken.insert(slug.clone());
                queueable.push(slug);
                pending += 1;
            }
            Err(why) => excluded.push(Excluded {
                slug: clean_text(slug, MAX_SLUG_CHARS),
                name: network
                    .person(slug)
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
                reason: why,
                message: refusal_words(why),
            }),
        }
    }
    // Removals waiting or under way: only they change the count.
    let progress = queue.progress(now_ms, utc_offset_minutes);
    let already_waiting = progress
        .kinds
        .iter()
        .find(|k| k.kind == ActionKind::Remove)
        .map_or(0, |k| k.pending);
    let removing = match kind {
        ActionKind::Remove => queueable.len() as u64,
        _ => 0,
    } + u64::from(already_waiting);
    let count = network.figure(FigureKind::Connections).map(|c| &c.figure);
    let before = count.map(|f| f.value);
    let after = before.map(|b| b.saturating_sub(removing));
    let estimated = kind == ActionKind::Remove && !queueable.is_empty();
    let finish_at_ms = estimated.then(|| {
        let count = u32::try_from(removing).unwrap_or(u32::MAX);
        queue.finish_of(count, now_ms, utc_offset_minutes)
    });
    Ok(RemovalPlan {
        crosses_badge: estimated
            && before.is_some_and(|b| b >= BADGE_THRESHOLD)
            && after.is_some_and(|a| a < BADGE_THRESHOLD),
        queueable,
        excluded,
        connections_before: before,
        connections_after: after,
        connections_precision: count.map(|f| f.precision),
        finish_at_ms,
        duration_ms: finish_at_ms.map(|f| (f - now_ms).max(0)),
        already_waiting,
    })
}
