//! LinkedIn's data archive merged into the network: the digest the review
//! page made of it ([`ArchiveDigest`]: counts and dates per person, never
//! text) becomes each person's [`Interaction`].
//!
//! `Connections.csv` goes first, through the export import
//! ([`merge::merge_export`]), so the people it adds can be named by the rest.
//! Then each counterpart is matched by profile link to anyone in the
//! network, or else by name where exactly one connection has it (the export
//! import's rule); the member (the digest's owner) is never anyone's
//! contact. Several counterparts landing on one person are added up.
//!
//! A later archive keeps the signal fresh without losing anything: for each
//! kind of file it holds, when it is at least as new as the archive that set
//! that kind, its counts replace the stored ones for everyone it names;
//! first and last message days only ever widen; the invitation comes from
//! the newer archive. An older archive imported after a newer one only
//! widens the message days (and fills what nothing set).

use crate::intake::archive::{ArchiveDigest, Counterpart, FileReport, Owner};
use crate::intake::merge::{self, ImportReport};
use crate::network::calendar::{CivilDate, TimeMs};
use crate::network::contact::{ArchiveKind, Day, FileKind, Interaction};
use crate::network::fastmap::FastMap;
use crate::network::model::{ModelError, Network};
use crate::search::fold::fold;
use serde::Serialize;

/// Names of unmatched counterparts the report lists at most.
const MAX_UNMATCHED_NAMES: usize = 50;

/// What an archive import did (docs/ARCHITECTURE.md, `ArchiveReport`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveReport {
    /// This archive's newest day, `YYYY-MM-DD`.
    pub archive_day: Option<String>,
    /// The newest day of the archives imported before, `YYYY-MM-DD`.
    pub previous_archive_day: Option<String>,
    /// True when, for a kind of file it holds, this archive is older than
    /// the one imported before: its counts were not used, only its dates
    /// widened what was known.
    pub older_than_stored: bool,
    /// The kinds of file it held.
    pub kinds: Vec<FileKind>,
    /// What became of each file.
    pub files: Vec<FileReport>,
    /// What its `Connections.csv` did, when it held one.
    pub connections: Option<ImportReport>,
    /// People the archive names (the member left out).
    pub counterparts: usize,
    /// Of them, matched by profile link.
    pub matched_by_link: usize,
    /// Of them, matched by a name exactly one connection has.
    pub matched_by_name: usize,
    /// Of them, matched to no one.
    pub unmatched: usize,
    /// The first of their names.
    pub unmatched_names: Vec<String>,
    /// Of them, named as several connections are: left unmatched.
    pub ambiguous: usize,
    /// People in the network with something from an archive, after it.
    pub people_with_contact: usize,
    /// Messages the archive counted.
    pub messages: u64,
    /// Conversations the archive counted.
    pub conversations: u64,
}

/// `YYYY-MM-DD` of a day since 1970-01-01.
pub fn day_text(day: Day) -> String {
    CivilDate::from_days(i64::from(day)).to_string()
}

/// The kinds of file whose counts a digest carries per person.
const CONTACT_KINDS: [FileKind; 6] = [
    FileKind::Messages,
    FileKind::Invitations,
    FileKind::EndorsementsReceived,
    FileKind::EndorsementsGiven,
    FileKind::RecommendationsReceived,
    FileKind::RecommendationsGiven,
];

/// Merges `digest` into `network` at `now_ms`. A digest with nothing to
/// merge (no kind read, no `Connections.csv`) is refused and changes
/// nothing.
pub fn merge_archive(
    network: &mut Network,
    digest: ArchiveDigest,
    now_ms: TimeMs,
) -> Result<ArchiveReport, ModelError> {
    let contact_kinds: Vec<FileKind> = CONTACT_KINDS
        .into_iter()
        .filter(|k| digest.kinds.contains(k))
        .collect();
    if contact_kinds.is_empty() && digest.connections.is_none() {
        return Err(ModelError::BadInput(
            "the archive holds none of the files netprune reads (Connections.csv, messages.csv, \
             Invitations.csv, endorsements, recommendations)"
                .into(),
        ));
    }
    let stored = network.archive.take().unwrap_or_default();
    let mut report = ArchiveReport {
        archive_day: digest.archive_day.map(day_text),
        previous_archive_day: stored.archive_day.map(day_text),
        kinds: digest.kinds.clone(),
        files: digest.files,
        messages: digest.messages,
        conversations: digest.conversations,
        ..ArchiveReport::default()
    };
    if let Some(file) = digest.connections {
        report.connections = Some(merge::merge_export(network, file, now_ms));
    }

    // Per kind: whether this archive's counts replace the stored ones.
    let newer = |kind: FileKind| match (stored.kind(kind), digest.archive_day) {
        (Some(old), Some(day)) => old.archive_day.is_none_or(|old| day >= old),
        // An archive without one readable date never replaces a dated one.
        (Some(old), None) => old.archive_day.is_none(),
        (None, _) => true,
    };
    let replaces = Replaces {
        messages: newer(FileKind::Messages),
        invitations: newer(FileKind::Invitations),
        endorsements_given: newer(FileKind::EndorsementsGiven),
        endorsements_received: newer(FileKind::EndorsementsReceived),
        recommendations_given: newer(FileKind::RecommendationsGiven),
        recommendations_received: newer(FileKind::RecommendationsReceived),
        kinds: contact_kinds.clone(),
    };
    report.older_than_stored = contact_kinds.iter().any(|&k| !newer(k));

    // What the archive says of each person it names, added up.
    let found = match_counterparts(
        network,
        digest.owner.as_ref(),
        digest.counterparts,
        &mut report,
    );
    for (i, interaction) in found {
        let relations = network.people[i].relations_mut();
        let merged = match relations.contact.take() {
            Some(old) => replaces.apply(old, &interaction),
            None => interaction,
        };
        relations.contact = Some(merged);
    }

    let updated: Vec<FileKind> = contact_kinds
        .iter()
        .copied()
        .chain(
            report
                .connections
                .is_some()
                .then_some(FileKind::Connections),
        )
        .filter(|&kind| newer(kind))
        .collect();
    let mut info = stored;
    for kind in updated {
        let entry = ArchiveKind {
            kind,
            archive_day: digest.archive_day,
            imported_ms: now_ms,
        };
        match info.kinds.iter_mut().find(|k| k.kind == kind) {
            Some(old) => *old = entry,
            None => info.kinds.push(entry),
        }
    }
    info.archive_day = info.archive_day.max(digest.archive_day);
    info.imported_ms = now_ms;
    network.archive = Some(info);
    report.people_with_contact = network
        .people
        .iter()
        .filter(|p| p.contact().is_some())
        .count();
    Ok(report)
}

/// Which kinds' counts the new archive replaces.
struct Replaces {
    messages: bool,
    invitations: bool,
    endorsements_given: bool,
    endorsements_received: bool,
    recommendations_given: bool,
    recommendations_received: bool,
    /// The kinds the new archive holds: only theirs are touched.
    kinds: Vec<FileKind>,
}

impl Replaces {
    /// `old` with what `new` says, kind by kind.
    fn apply(&self, mut old: Interaction, new: &Interaction) -> Interaction {
        let holds = |kind| self.kinds.contains(&kind);
        if holds(FileKind::Messages) {
            if self.messages {
                old.conversations = new.conversations;
                old.sent = new.sent;
                old.received = new.received;
            }
            old.first_message = earliest(old.first_message, new.first_message);
            old.last_message = old.last_message.max(new.last_message);
        }
        if holds(FileKind::Invitations)
            && new.invited_by.is_some()
            && (self.invitations || old.invited_by.is_none())
        {
            old.invited_by = new.invited_by;
            old.invited_on = new.invited_on;
        }
        let count = |kind, replace: bool, old: &mut u32, new: u32| {
            if holds(kind) && replace {
                *old = new;
            }
        };
        count(
            FileKind::EndorsementsGiven,
            self.endorsements_given,
            &mut old.endorsements_given,
            new.endorsements_given,
        );
        count(
            FileKind::EndorsementsReceived,
            self.endorsements_received,
            &mut old.endorsements_received,
            new.endorsements_received,
        );
        count(
            FileKind::RecommendationsGiven,
            self.recommendations_given,
            &mut old.recommendations_given,
            new.recommendations_given,
        );
        count(
            FileKind::RecommendationsReceived,
            self.recommendations_received,
            &mut old.recommendations_received,
            new.recommendations_received,
        );
        old
    }
}

fn earliest(a: Option<Day>, b: Option<Day>) -> Option<Day> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Two counterparts that are one person (named twice in the archive, or
/// by link and by name), added up: counts summed, the message days
/// widened, the latest invitation kept.
fn add_up(total: &mut Interaction, more: &Interaction) {
    total.conversations = total.conversations.saturating_add(more.conversations);
    total.sent = total.sent.saturating_add(more.sent);
    total.received = total.received.saturating_add(more.received);
    total.first_message = earliest(total.first_message, more.first_message);
    total.last_message = total.last_message.max(more.last_message);
    if more.invited_by.is_some()
        && (total.invited_by.is_none() || more.invited_on > total.invited_on)
    {
        total.invited_by = more.invited_by;
        total.invited_on = more.invited_on;
    }
    total.endorsements_given = total
        .endorsements_given
        .saturating_add(more.endorsements_given);
    total.endorsements_received = total
        .endorsements_received
        .saturating_add(more.endorsements_received);
    total.recommendations_given = total
        .recommendations_given
        .saturating_add(more.recommendations_given);
    total.recommendations_received = total
        .recommendations_received
        .saturating_add(more.recommendations_received);
}

/// Each counterpart matched to a person, added up per person (in the
/// order first matched), and the counts of the report filled in.
fn match_counterparts(
    network: &Network,
    owner: Option<&Owner>,
    counterparts: Vec<Counterpart>,
    report: &mut ArchiveReport,
) -> Vec<(usize, Interaction)> {
    let owner_slug = owner.and_then(|o| o.slug.as_deref());
    let owner_name = owner.map(|o| fold(&o.name)).filter(|n| !n.is_empty());
    // Folded name -> connections of that name (at most two kept: only
    // "exactly one" is used). Those without a link (an export row) are
    // kept apart: a counterpart with a link may only be them by name.
    let mut by_name: FastMap<String, (Vec<usize>, Vec<usize>)> = FastMap::default();
    for (i, person) in network.people.iter().enumerate() {
        if !person.is_connection() || owner_slug == Some(person.slug.as_str()) {
            continue;
        }
        let entry = by_name.entry(fold(&person.name)).or_default();
        if entry.0.len() < 2 {
            entry.0.push(i);
        }
        if person.unmatched && entry.1.len() < 2 {
            entry.1.push(i);
        }
    }
    let mut found: Vec<(usize, Interaction)> = Vec::new();
    let mut at: FastMap<usize, usize> = FastMap::default();
    for counterpart in counterparts {
        let folded = fold(&counterpart.name);
        let is_owner = match (&counterpart.slug, owner_slug) {
            (Some(slug), Some(owner)) => slug == owner,
            (None, _) => owner_name.as_deref() == Some(folded.as_str()),
            (Some(_), None) => false,
        };
        if is_owner {
            continue;
        }
        report.counterparts += 1;
        let linked = counterpart
            .slug
            .as_deref()
            .and_then(|slug| network.index_of(slug));
        let person = match linked {
            Some(i) => {
                report.matched_by_link += 1;
                Some(i)
            }
            None => {
                let fits = by_name.get(&folded).map(|(all, without_link)| {
                    if counterpart.slug.is_some() {
                        without_link
                    } else {
                        all
                    }
                });
                match fits.map(Vec::as_slice) {
                    Some([i]) => {
                        report.matched_by_name += 1;
                        Some(*i)
                    }
                    Some([_, _, ..]) => {
                        report.ambiguous += 1;
                        None
                    }
                    _ => {
                        report.unmatched += 1;
                        if report.unmatched_names.len() < MAX_UNMATCHED_NAMES {
                            report.unmatched_names.push(counterpart.name.clone());
                        }
                        None
                    }
                }
            }
        };
        let Some(i) = person else {
            continue;
        };
        match at.get(&i) {
            Some(&slot) => add_up(&mut found[slot].1, &counterpart.interaction),
            None => {
                at.insert(i, found.len());
                found.push((i, counterpart.interaction));
            }
        }
    }
    found
}
