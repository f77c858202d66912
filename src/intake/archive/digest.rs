//! The archive's digest: what netprune keeps of LinkedIn's data archive,
//! and the one shape that crosses from the page that reads the archive to
//! the background that merges it.
//!
//! A digest holds counts and dates per person the archive names, never a
//! message's text, subject, title, attachment or an invitation's note: the
//! reader ([`super`]) counts those and drops them. It is plain data (serde
//! both ways) so the review page can hand it to the background as JSON.

use crate::intake::import::ExportFile;
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
    /// Conversations (distinct `CONVERSATION ID`s) both took part in.
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

/// One person the archive names, with everything it says of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Counterpart {
    /// The profile slug from a profile link (as
    /// [`crate::intake::reading::slug_from_profile_url`] gives it), when any
    /// row naming them had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// The name as the archive writes it, cleaned; never empty.
    pub name: String,
    /// What the archive says of them.
    pub interaction: Interaction,
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

/// What became of one file the member gave (a CSV, or a ZIP's member).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileReport {
    /// The file's name (inside a ZIP: its path there).
    pub name: String,
    /// What it was read as; None when it was not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<FileKind>,
    /// Data rows read (skipped ones included).
    pub rows: u64,
    /// Rows left out (a draft, an unreadable date, no one named).
    pub skipped: u64,
    /// Why the file was refused or passed over, as a sentence a member can
    /// act on; None when it was read. A refused file adds nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<String>,
    /// True when the file was passed over as not one netprune reads
    /// (`Profile.csv`, `Skills.csv`, ...), as opposed to refused as damaged.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ignored: bool,
    /// Rows kept and counted without a date, their date not being
    /// understood (they still count; they only move no first or last day).
    #[serde(default, skip_serializing_if = "is_zero_u64")]
    pub undated: u64,
    /// Why rows were left out, with how many each (`skipped` is their sum).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skips: Vec<SkipCount>,
}

/// Rows of one file left out for one reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SkipCount {
    /// Why, as a phrase a member can read ("drafts", "notes to yourself").
    pub reason: String,
    /// How many rows.
    pub rows: u64,
}

fn is_zero_u64(n: &u64) -> bool {
    *n == 0
}

/// The member as the archive names them (the one person in every
/// conversation), so they are never counted as their own contact.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Owner {
    /// Their slug, when a profile link showed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// Their name as the archive writes it.
    pub name: String,
}

/// Everything netprune takes from one import of the archive (one ZIP, or
/// several of its CSV files picked together).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveDigest {
    /// Every file given or found in a ZIP, in the order read.
    pub files: Vec<FileReport>,
    /// The newest day any row of the archive carries: how old the archive
    /// is. None when no row had a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive_day: Option<Day>,
    /// Which kinds were read (a later archive's counts replace an earlier
    /// one's only for the kinds it holds).
    pub kinds: Vec<FileKind>,
    /// The member, when the archive shows who they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Owner>,
    /// Everyone else the archive names, one entry per person: rows naming
    /// the same person by link, or by the same name where exactly one linked
    /// person has it, are already added up.
    pub counterparts: Vec<Counterpart>,
    /// Messages counted (drafts and the member's notes to self left out).
    pub messages: u64,
    /// Conversations counted.
    pub conversations: u64,
    /// `Connections.csv`, when the import held it: merged first, as the
    /// CSV import merges it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connections: Option<ExportFile>,
}
