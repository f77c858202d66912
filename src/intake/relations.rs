//! The member's other relations read off their pages: the invitations they
//! sent (the sent invitations page), the people they follow (the following
//! page) and the people who follow them (the followers page, which lists
//! only about the newest 1,000). Someone read only there is a person who is not a
//! connection ([`Person::is_connection`]); a connection read there gains
//! the relation. Every text is parsed by [`crate::intake::reading`]; a date
//! that cannot be read is left unknown, never guessed.

use crate::intake::reading::{
    parse_sent_text, slug_from_profile_url, FollowCard, FollowerCard, InvitationCard,
};
use crate::network::calendar::TimeMs;
use crate::network::figure::Precision;
use crate::network::model::{
    FigureKind, Follow, Follower, Invitation, ModelError, Network, PageKind, Person, Relations,
    Source,
};
use crate::network::text::clean_text;

use super::ingest::IngestReport;

const MAX_NAME_CHARS: usize = 300;
const MAX_HEADLINE_CHARS: usize = 600;
/// The most people one reading of these lists may carry.
pub const MAX_RELATIONS_PER_READING: usize = 2_000;

/// A card's person: a cleaned slug, name and headline, or why it was left out.
fn person_of(
    profile_url: &str,
    name: &str,
    headline: Option<&str>,
) -> Result<(String, String, Option<String>), String> {
    let slug = slug_from_profile_url(profile_url).map_err(|e| format!("card skipped: {e}"))?;
    let name = clean_text(name, MAX_NAME_CHARS);
    if name.is_empty() {
        return Err(format!("card for {slug:?} skipped: it shows no name"));
    }
    let headline = headline
        .map(|h| clean_text(h, MAX_HEADLINE_CHARS))
        .filter(|h| !h.is_empty());
    Ok((slug, name, headline))
}

/// A card's person, or None with the reason recorded in `report`.
fn readable(
    report: &mut IngestReport,
    profile_url: &str,
    name: &str,
    headline: Option<&str>,
) -> Option<(String, String, Option<String>)> {
    person_of(profile_url, name, headline)
        .map_err(|why| report.skipped.push(why))
        .ok()
}

/// The person with `slug`, added as someone who is not a connection when
/// unknown; their name and headline refreshed.
fn upsert(
    network: &mut Network,
    report: &mut IngestReport,
    (slug, name, headline): (String, String, Option<String>),
    source: Source,
    now_ms: TimeMs,
) -> usize {
    match network.index_of(&slug) {
        Some(i) => {
            let person = &mut network.people[i];
            // Someone read only on these lists, back on one after a run
            // found them on none (see `end_of_list`).
            if !person.is_connection() {
                person.gone_since_ms = None;
            }
            person.name = name;
            if headline.is_some() {
                person.headline = headline;
            }
            report.updated += 1;
            i
        }
        None => {
            let mut person = Person {
                headline,
                ..Person::new(slug, name, source, now_ms)
            };
            person.relations_mut().not_connection = true;
            report.added += 1;
            network.push_person(person)
        }
    }
}

fn too_many(n: usize) -> Result<(), ModelError> {
    if n > MAX_RELATIONS_PER_READING {
        return Err(ModelError::BadReading(format!(
            "{n} people in one reading (at most {MAX_RELATIONS_PER_READING})"
        )));
    }
    Ok(())
}

/// Merges the sent invitations page's cards read at `now_ms`.
pub fn ingest_invitations(
    network: &mut Network,
    report: &mut IngestReport,
    cards: Vec<InvitationCard>,
    now_ms: TimeMs,
) -> Result<(), ModelError> {
    too_many(cards.len())?;
    for card in cards {
        let Some(read) = readable(
            report,
            &card.profile_url,
            &card.name,
            card.headline.as_deref(),
        ) else {
            continue;
        };
        let sent = match card
            .sent_text
            .as_deref()
            .map(|t| parse_sent_text(t, now_ms))
        {
            Some(Ok(date)) => Some(date),
            Some(Err(e)) => {
                report.skipped.push(format!(
                    "invitation date for {:?} left unknown: {e}",
                    read.0
                ));
                None
            }
            None => None,
        };
        let i = upsert(network, report, read, Source::InvitationsPage, now_ms);
        let person = &mut network.people[i];
        // An invitation pending to a connection is a stale page (it was
        // accepted): the connections page wins.
        if person.is_connection() && person.gone_since_ms.is_none() {
            report.skipped.push(format!(
                "invitation to {:?} not recorded: they are a connection",
                person.slug
            ));
            continue;
        }
        let relations = person.relations_mut();
        relations.not_connection = true;
        match relations.invitation.as_mut() {
            Some(old) => {
                // An exact date already known beats a relative estimate.
                if let Some(new) = sent {
                    if old.sent.is_none_or(|o| new.precision <= o.precision) {
                        old.sent = Some(new);
                    }
                }
                if card.has_note.is_some() {
                    old.has_note = card.has_note;
                }
                old.read_ms = now_ms;
            }
            None => {
                relations.invitation = Some(Invitation {
                    sent,
                    has_note: card.has_note,
                    first_read_ms: now_ms,
                    read_ms: now_ms,
                    last_run: 0,
                });
            }
        }
        person.last_seen_ms = now_ms;
    }
    Ok(())
}

/// A row of the following or followers list: whom it names.
trait ListedCard {
    fn person(&self) -> (&str, &str, Option<&str>);
}

impl ListedCard for FollowCard {
    fn person(&self) -> (&str, &str, Option<&str>) {
        (&self.profile_url, &self.name, self.headline.as_deref())
    }
}

impl ListedCard for FollowerCard {
    fn person(&self) -> (&str, &str, Option<&str>) {
        (&self.profile_url, &self.name, self.headline.as_deref())
    }
}

/// Merges the rows of the following or followers list (`source`) read at
/// `now_ms`: each person upserted, `mark` recording the list's relation.
fn ingest_listed<C: ListedCard>(
    network: &mut Network,
    report: &mut IngestReport,
    cards: Vec<C>,
    source: Source,
    now_ms: TimeMs,
    mut mark: impl FnMut(&C, &mut Relations),
) -> Result<(), ModelError> {
    too_many(cards.len())?;
    for card in &cards {
        let (profile_url, name, headline) = card.person();
        let Some(read) = readable(report, profile_url, name, headline) else {
            continue;
        };
        let i = upsert(network, report, read, source, now_ms);
        let person = &mut network.people[i];
        mark(card, person.relations_mut());
        person.last_seen_ms = now_ms;
    }
    Ok(())
}

/// Merges the following page's people read at `now_ms`.
pub fn ingest_follows(
    network: &mut Network,
    report: &mut IngestReport,
    cards: Vec<FollowCard>,
    now_ms: TimeMs,
) -> Result<(), ModelError> {
    let source = Source::FollowingPage;
    ingest_listed(
        network,
        report,
        cards,
        source,
        now_ms,
        |_, relations| match relations.following.as_mut() {
            Some(old) => old.read_ms = now_ms,
            None => {
                relations.following = Some(Follow {
                    first_read_ms: now_ms,
                    read_ms: now_ms,
                    last_run: 0,
                });
            }
        },
    )
}

/// Merges the followers page's people read at `now_ms`. Their row's button
/// says whether the member follows them too; that is kept on the follower
/// relation only: the following page alone says whom the member follows.
pub fn ingest_followers(
    network: &mut Network,
    report: &mut IngestReport,
    cards: Vec<FollowerCard>,
    now_ms: TimeMs,
) -> Result<(), ModelError> {
    let source = Source::FollowersPage;
    ingest_listed(network, report, cards, source, now_ms, |card, relations| {
        match relations.follower.as_mut() {
            Some(old) => {
                old.read_ms = now_ms;
                // A row that does not say keeps what an earlier one said.
                if card.follows_back.is_some() {
                    old.follows_back = card.follows_back;
                }
            }
            None => {
                relations.follower = Some(Follower {
                    first_read_ms: now_ms,
                    read_ms: now_ms,
                    last_run: 0,
                    follows_back: card.follows_back,
                });
            }
        }
    })
}

/// A connection card read for someone known only as invited or followed:
/// they are a connection now (an invitation accepted), and the invitation
/// is no longer pending.
pub fn became_connection(person: &mut Person) {
    if let Some(relations) = person.relations.as_mut() {
        relations.not_connection = false;
        relations.invitation = None;
    }
    person.tidy_relations();
}

/// What a run that read a whole list to its end found no longer on it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListEnd {
    /// People the run read on the list.
    pub read: u32,
    /// People listed before and not read by the run: their invitation (or
    /// follow) is over.
    pub no_longer_listed: u32,
    /// Why the end of the list proved nothing, in words, when the run read
    /// people but dropped nobody for want of proof (the followers list:
    /// LinkedIn lists only about the newest 1,000, so its end proves
    /// something only when the run read as many followers as the exact
    /// followers figure). None otherwise.
    pub incomplete: Option<String>,
}

/// Why a run that read `read` followers does not prove the followers it
/// did not read stopped following, or None when it does: the followers
/// figure is known exactly and the run read at least that many.
fn followers_unproven(network: &Network, read: u32) -> Option<String> {
    const LISTED: &str = "LinkedIn lists only about the newest 1,000 followers";
    let Some(figure) = network.figure(FigureKind::Followers).map(|r| &r.figure) else {
        return Some(format!(
            "the followers figure is not known, and {LISTED}: the end of the list does not say who stopped following"
        ));
    };
    if figure.precision != Precision::Exact {
        return Some(format!(
            "the followers figure ({}) is not exact, and {LISTED}: the end of the list does not say who stopped following",
            figure.shown
        ));
    }
    (u64::from(read) < figure.value).then(|| {
        format!(
            "{read} followers read of {}: {LISTED}, so those not read may still follow you",
            figure.shown
        )
    })
}

/// A run over the whole sent invitations list (`PageKind::Invitations`),
/// following list (`PageKind::Following`) or followers list
/// (`PageKind::Followers`), begun at `started_ms`, reached the list's end:
/// an invitation (follow) the run did not read is no longer pending
/// (accepted, withdrawn or expired; unfollowed elsewhere) and is dropped.
/// The followers list shows only about the newest 1,000 followers, so its
/// end drops a follower only when the followers figure is exact and the run
/// read at least that many; otherwise it drops nobody and says why
/// ([`ListEnd::incomplete`]). Someone left with no relation at all who is
/// not a connection is gone from every list since `now_ms`. A run that read
/// nobody proves nothing (LinkedIn's empty list is not known to netprune)
/// and changes nothing; so does any other page.
pub fn end_of_list(
    network: &mut Network,
    list: PageKind,
    started_ms: TimeMs,
    now_ms: TimeMs,
) -> ListEnd {
    let read_ms = |person: &Person| match list {
        PageKind::Invitations => person.invitation().map(|i| i.read_ms),
        PageKind::Following => person
            .relations
            .as_ref()
            .and_then(|r| r.following.as_ref())
            .map(|f| f.read_ms),
        PageKind::Followers => person.follower().map(|f| f.read_ms),
        _ => None,
    };
    let mut end = ListEnd::default();
    for person in &network.people {
        if read_ms(person).is_some_and(|ms| ms >= started_ms) {
            end.read += 1;
        }
    }
    if end.read == 0 {
        return end;
    }
    if list == PageKind::Followers {
        end.incomplete = followers_unproven(network, end.read);
        if end.incomplete.is_some() {
            return end;
        }
    }
    for person in &mut network.people {
        if read_ms(person).is_none_or(|ms| ms >= started_ms) {
            continue;
        }
        if let Some(relations) = person.relations.as_mut() {
            match list {
                PageKind::Invitations => relations.invitation = None,
                PageKind::Followers => relations.follower = None,
                _ => relations.following = None,
            }
        }
        end.no_longer_listed += 1;
        if !person.is_connection() && !person.listed_elsewhere() {
            person.gone_since_ms.get_or_insert(now_ms);
        }
        person.tidy_relations();
    }
    end
}
