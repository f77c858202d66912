//! Adding up what every file read says, once all are in: one roster for the
//! whole import, the member found, and each other person's interaction.

use super::people::{Fast, Roster};
use super::rows::{Message, Messages};
use super::{
    ArchiveDigest, ArchiveError, Counterpart, Day, FileKind, FileReport, Held, Interaction, Owner,
    SkipCount,
};
use std::collections::{HashMap, HashSet};

/// The ids of the whole import's roster for one file's ids, already made
/// canonical (a name-only person joined to their linked entry).
struct Ids(Vec<u32>);

impl Ids {
    fn new(all: &mut Roster, file: &Roster) -> Self {
        Self(all.absorb(file))
    }

    fn resolve(&mut self, canonical: &[u32]) {
        for id in &mut self.0 {
            *id = canonical.get(*id as usize).copied().unwrap_or(u32::MAX);
        }
    }

    fn get(&self, local: u32) -> Option<u32> {
        self.0
            .get(local as usize)
            .copied()
            .filter(|&id| id != u32::MAX)
    }
}

fn widen(interaction: &mut Interaction, day: Option<Day>) {
    if let Some(day) = day {
        interaction.first_message = Some(interaction.first_message.map_or(day, |d| d.min(day)));
        interaction.last_message = Some(interaction.last_message.map_or(day, |d| d.max(day)));
    }
}

/// The member: whoever takes part in the most conversations (M5, M6: the
/// member is in every one), plus one for every invitation naming them on
/// the member's side (I6: From on OUTGOING rows, To on INCOMING ones).
/// Ties go to more rows, then to a linked person, then to the first seen.
fn find_owner(
    messages: Option<(&Messages, &Ids)>,
    invitations: Option<(&super::rows::Invitations, &Ids)>,
    all: &Roster,
) -> Option<u32> {
    // (conversations and invitations, rows, rows as a recipient) per person.
    let mut score: HashMap<u32, (u64, u64, u64), Fast> = HashMap::default();
    if let Some((file, ids)) = messages {
        let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(file.messages.len() * 2);
        for message in &file.messages {
            let recipients = file.recipients_of(message).iter().map(|&r| (r, 1));
            let people = std::iter::once((message.sender, 0)).chain(recipients);
            for (person, received) in people.filter_map(|(p, r)| Some((ids.get(p)?, r))) {
                pairs.push((message.conversation, person));
                let entry = score.entry(person).or_default();
                entry.1 += 1;
                entry.2 += received;
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        for (_, person) in pairs {
            score.entry(person).or_default().0 += 1;
        }
    }
    if let Some((file, ids)) = invitations {
        for member in file
            .rows
            .iter()
            .filter_map(|row| row.member.and_then(|m| ids.get(m)))
        {
            let entry = score.entry(member).or_default();
            entry.0 += 1;
            entry.1 += 1;
        }
    }
    score
        .into_iter()
        .max_by(|(a, sa), (b, sb)| {
            let linked = |id: &u32| all.person(*id).is_some_and(|p| p.slug.is_some());
            (sa.0, sa.1)
                .cmp(&(sb.0, sb.1))
                .then_with(|| linked(a).cmp(&linked(b)))
                .then_with(|| sa.2.cmp(&sb.2))
                .then_with(|| b.cmp(a))
        })
        .map(|(id, _)| id)
}

/// Counts of the messages file, once the member is known.
#[derive(Default)]
struct MessageCounts {
    messages: u64,
    conversations: u64,
    notes_to_self: u64,
}

fn count_messages(
    file: &Messages,
    ids: &Ids,
    owner: Option<u32>,
    found: &mut HashMap<u32, Interaction, Fast>,
) -> MessageCounts {
    let mut counts = MessageCounts::default();
    let mut talked: HashSet<(u32, u32), Fast> = HashSet::default();
    let mut conversations: HashSet<u32, Fast> = HashSet::default();
    let mut others: Vec<u32> = Vec::new();
    for message in &file.messages {
        let Message {
            conversation, day, ..
        } = *message;
        let Some(sender) = ids.get(message.sender) else {
            continue;
        };
        if Some(sender) == owner {
            // M5: the member's own row; each other recipient got it.
            others.clear();
            others.extend(
                file.recipients_of(message)
                    .iter()
                    .filter_map(|&r| ids.get(r))
                    .filter(|&r| Some(r) != owner),
            );
            others.sort_unstable();
            others.dedup();
            if others.is_empty() {
                counts.notes_to_self += 1;
                continue;
            }
            for &other in &others {
                let interaction = found.entry(other).or_default();
                interaction.sent += 1;
                widen(interaction, day);
                talked.insert((other, conversation));
            }
        } else {
            let interaction = found.entry(sender).or_default();
            interaction.received += 1;
            widen(interaction, day);
            talked.insert((sender, conversation));
        }
        counts.messages += 1;
        conversations.insert(conversation);
    }
    for (person, _) in talked {
        found.entry(person).or_default().conversations += 1;
    }
    counts.conversations = conversations.len() as u64;
    counts
}

/// The digest of everything read; `Err` when no file was read.
pub(super) fn digest(
    mut files: Vec<FileReport>,
    read: Held,
) -> Result<ArchiveDigest, ArchiveError> {
    let mut kinds = Vec::new();
    for (kind, held) in [
        (FileKind::Connections, read.connections.is_some()),
        (FileKind::Messages, read.messages.is_some()),
        (FileKind::Invitations, read.invitations.is_some()),
        (
            FileKind::EndorsementsReceived,
            read.endorsements_received.is_some(),
        ),
        (
            FileKind::EndorsementsGiven,
            read.endorsements_given.is_some(),
        ),
        (
            FileKind::RecommendationsReceived,
            read.recommendations_received.is_some(),
        ),
        (
            FileKind::RecommendationsGiven,
            read.recommendations_given.is_some(),
        ),
    ] {
        if held {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() {
        return Err(ArchiveError::NothingRead {
            reasons: files
                .iter()
                .filter_map(|f| f.refused.as_ref().map(|r| format!("{}: {r}", f.name)))
                .collect(),
        });
    }

    let mut all = Roster::default();
    let mut messages = read
        .messages
        .as_ref()
        .map(|(index, file)| (*index, file, Ids::new(&mut all, &file.roster)));
    let mut invitations = read
        .invitations
        .as_ref()
        .map(|file| (file, Ids::new(&mut all, &file.roster)));
    let mut people: Vec<_> = [
        (&read.endorsements_received, FileKind::EndorsementsReceived),
        (&read.endorsements_given, FileKind::EndorsementsGiven),
        (
            &read.recommendations_received,
            FileKind::RecommendationsReceived,
        ),
        (&read.recommendations_given, FileKind::RecommendationsGiven),
    ]
    .into_iter()
    .filter_map(|(file, kind)| {
        file.as_ref()
            .map(|f| (kind, f, Ids::new(&mut all, &f.roster)))
    })
    .collect();
    let canonical = all.canonical();
    if let Some((_, _, ids)) = &mut messages {
        ids.resolve(&canonical);
    }
    if let Some((_, ids)) = &mut invitations {
        ids.resolve(&canonical);
    }
    for (_, _, ids) in &mut people {
        ids.resolve(&canonical);
    }

    let owner = find_owner(
        messages.as_ref().map(|(_, f, ids)| (*f, ids)),
        invitations.as_ref().map(|(f, ids)| (*f, ids)),
        &all,
    );
    let mut found: HashMap<u32, Interaction, Fast> = HashMap::default();
    let mut archive_day: Option<Day> = None;
    let mut newest = |day: Option<Day>| {
        if let Some(day) = day {
            archive_day = Some(archive_day.map_or(day, |d| d.max(day)));
        }
    };

    let mut totals = MessageCounts::default();
    if let Some((index, file, ids)) = &messages {
        file.messages.iter().for_each(|m| newest(m.day));
        totals = count_messages(file, ids, owner, &mut found);
        if totals.notes_to_self > 0 {
            if let Some(report) = files.get_mut(*index) {
                report.skipped += totals.notes_to_self;
                report.skips.push(SkipCount {
                    reason: "notes to yourself".into(),
                    rows: totals.notes_to_self,
                });
            }
        }
    }
    if let Some((file, ids)) = &invitations {
        for row in &file.rows {
            newest(row.day);
            let Some(other) = ids.get(row.other).filter(|&o| Some(o) != owner) else {
                continue;
            };
            let interaction = found.entry(other).or_default();
            // The latest invitation wins; a dated one over an undated one.
            let newer = match (interaction.invited_by, interaction.invited_on, row.day) {
                (None, _, _) => true,
                (Some(_), None, Some(_)) => true,
                (Some(_), Some(old), Some(new)) => new > old,
                _ => false,
            };
            if newer {
                interaction.invited_by = Some(row.by);
                interaction.invited_on = row.day;
            }
        }
    }
    for (kind, file, ids) in &people {
        for &(person, day) in &file.rows {
            newest(day);
            let Some(person) = ids.get(person).filter(|&p| Some(p) != owner) else {
                continue;
            };
            let interaction = found.entry(person).or_default();
            match kind {
                FileKind::EndorsementsReceived => interaction.endorsements_received += 1,
                FileKind::EndorsementsGiven => interaction.endorsements_given += 1,
                FileKind::RecommendationsReceived => interaction.recommendations_received += 1,
                _ => interaction.recommendations_given += 1,
            }
        }
    }
    let mut connection_names: HashMap<&str, &str> = HashMap::new();
    if let Some(connections) = &read.connections {
        for row in &connections.rows {
            newest(
                row.connected_on
                    .and_then(|d| Day::try_from(d.to_days()).ok()),
            );
            if let Some(slug) = &row.slug {
                connection_names.insert(slug, &row.name);
            }
        }
    }

    let name_of = |id: u32| -> (Option<String>, String) {
        let Some(person) = all.person(id) else {
            return (None, String::new());
        };
        let name = if !person.name.is_empty() {
            person.name.clone()
        } else {
            let slug = person.slug.as_deref().unwrap_or_default();
            connection_names
                .get(slug)
                .map_or_else(|| slug.to_owned(), |n| (*n).to_owned())
        };
        (person.slug.clone(), name)
    };
    let mut counterparts: Vec<Counterpart> = found
        .into_iter()
        .filter(|(id, interaction)| Some(*id) != owner && *interaction != Interaction::default())
        .filter_map(|(id, interaction)| {
            let (slug, name) = name_of(id);
            (!name.is_empty()).then_some(Counterpart {
                slug,
                name,
                interaction,
            })
        })
        .collect();
    counterparts.sort_by(|a, b| {
        (a.slug.is_none(), &a.slug, &a.name).cmp(&(b.slug.is_none(), &b.slug, &b.name))
    });
    let owner = owner.map(|id| {
        let (slug, name) = name_of(id);
        Owner { slug, name }
    });
    Ok(ArchiveDigest {
        files,
        archive_day,
        kinds,
        owner,
        counterparts,
        messages: totals.messages,
        conversations: totals.conversations,
        connections: read.connections,
    })
}
