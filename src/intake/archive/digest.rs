//! The archive's digest: what netprune keeps of LinkedIn's data archive,
//! and the one shape that crosses from the page that reads the archive to
//! the background that merges it.
//!
//! A digest holds counts and dates per person the archive names, never a
//! message's text, subject, title, attachment or an invitation's note: the
//! reader ([`super`]) counts those and drops them. It is plain data (serde
//! both ways) so the review page can hand it to the background as JSON.

use crate::intake::import::ExportFile;
// The per-person interaction and the file kinds are the network's own types
// (a person keeps them), named here as the digest has always named them.
pub use crate::network::contact::{Day, FileKind, Interaction, InvitedBy};
use serde::{Deserialize, Serialize};

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
