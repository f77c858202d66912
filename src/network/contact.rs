//! What LinkedIn's data archive says of the member's interaction with a
//! person (counts and dates, never a message's text), and what the network
//! keeps of the archives imported. The archive's reader hands these over in
//! its digest ([`crate::intake::archive::ArchiveDigest`] names them there);
//! a person keeps their [`Interaction`] in [`crate::network::model::Relations`].

use crate::network::calendar::{CivilDate, TimeMs};
use crate::network::model::Person;
use serde::{Deserialize, Serialize};

/// Days since 1970-01-01 (UTC), as [`crate::network::calendar::CivilDate::to_days`] gives them.
pub type Day = i32;

/// Who sent an invitation to connect, as `Invitations.csv` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum InvitedBy {
    /// The member invited them (`OUTGOING`).
    Member,
    /// They invited the member (`INCOMING`).
    Them,
}

/// What the archive says of the member's interaction with one person:
/// counts and dates only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Interaction {
    /// Conversations (distinct `CONVERSATION ID`s) both took part in:
    /// those holding a message counted for this person (one the member sent
    /// them, or one they sent).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub conversations: u32,
    /// Messages the member sent where this person was a recipient.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub sent: u32,
    /// Messages this person sent in a conversation with the member.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub received: u32,
    /// The day of the first message either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_message: Option<Day>,
    /// The day of the last message either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_message: Option<Day>,
    /// Who sent the invitation to connect, when `Invitations.csv` lists one
    /// (the latest, when it lists several).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invited_by: Option<InvitedBy>,
    /// The day of that invitation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invited_on: Option<Day>,
    /// Endorsements the member gave them.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub endorsements_given: u32,
    /// Endorsements they gave the member.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub endorsements_received: u32,
    /// Recommendations the member wrote for them.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub recommendations_given: u32,
    /// Recommendations they wrote for the member.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub recommendations_received: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Which of the archive's files a file is, told by its header (never by
/// its name alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FileKind {
    /// `Connections.csv`.
    Connections,
    /// `messages.csv` (and the other message-shaped files).
    Messages,
    /// `Invitations.csv`.
    Invitations,
    /// `Endorsement_Received_Info.csv`.
    EndorsementsReceived,
    /// `Endorsement_Given_Info.csv`.
    EndorsementsGiven,
    /// `Recommendations_Received.csv`.
    RecommendationsReceived,
    /// `Recommendations_Given.csv`.
    RecommendationsGiven,
}

/// One kind of the archive's files as last imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveKind {
    /// Which file.
    pub kind: FileKind,
    /// The archive day of the import that last set this kind's counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive_day: Option<Day>,
    /// When that import was made.
    pub imported_ms: TimeMs,
}

/// What the network keeps of the data archives imported.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveInfo {
    /// The newest archive day of any import: how old the signal is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive_day: Option<Day>,
    /// When the last import was made.
    pub imported_ms: TimeMs,
    /// Every kind ever imported, each with the archive that set it.
    #[serde(default)]
    pub kinds: Vec<ArchiveKind>,
}

impl ArchiveInfo {
    /// What the archive that set `kind` says, if one did.
    pub fn kind(&self, kind: FileKind) -> Option<&ArchiveKind> {
        self.kinds.iter().find(|k| k.kind == kind)
    }

    /// Whether an archive with messages was imported: only then does a
    /// person it does not name count as never messaged.
    pub fn has_messages(&self) -> bool {
        self.kind(FileKind::Messages).is_some()
    }

    /// Whether the messages archive speaks for `person`: it names them in
    /// its messages, or they were already a connection on the archive's day
    /// (connected on or before it, or, with no connection date, first read
    /// by then). A contact from other files alone (an endorsement in a later
    /// archive without messages) does not make them covered.
    /// Someone connected after the archive was made is unknown, not "never
    /// messaged": the archive could not have seen their messages.
    pub fn messages_cover(&self, person: &Person) -> bool {
        let Some(messages) = self.kind(FileKind::Messages) else {
            return false;
        };
        if person
            .contact()
            .is_some_and(|c| c.conversations > 0 || c.last_message.is_some())
        {
            return true;
        }
        let Some(day) = messages.archive_day.or(self.archive_day) else {
            return true;
        };
        let since = match person.connected {
            Some(connected) => connected.date.to_days(),
            None => CivilDate::from_ms(person.first_seen_ms).to_days(),
        };
        since <= i64::from(day)
    }
}

impl Interaction {
    /// Messages either way.
    pub fn messages(&self) -> u32 {
        self.sent.saturating_add(self.received)
    }
}
