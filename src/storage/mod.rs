//! The stored forms of the network: the snapshot the background keeps in
//! extension storage, and the backup file the member downloads.
//!
//! The background stores the snapshot in the compact form ([`compact`]);
//! the JSON snapshot is what earlier builds stored, read once to migrate
//! it. The backup is JSON: the backup wraps the snapshot with a format name and a
//! version so that a file from another program, a newer netprune, or a
//! truncated download is refused with a reason instead of replacing what
//! the member has. Reading either validates the network before anything uses
//! it. This module never touches storage itself; the background does.

use crate::network::calendar::TimeMs;
use crate::network::model::ModelError;
use crate::removal::queue::EntryStatus;
use crate::snapshot::Snapshot;
use serde::{Deserialize, Serialize};

pub mod compact;

/// What restoring a backup did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    /// People in the restored network.
    pub people: u32,
    /// People waiting in the file's queue who were not queued again: only
    /// the member's new confirmation queues anyone.
    pub not_requeued: u32,
    /// People who were waiting here and are cancelled (the log keeps them).
    pub cancelled: u32,
    /// The person whose step was out: it stays out, and its outcome is
    /// recorded when it reports.
    pub in_flight: Option<String>,
    /// People removed here (or in the file) whom the file held as still
    /// connected: they stay removed.
    pub kept_removed: u32,
}

/// The `format` field of a netprune backup file.
pub const BACKUP_FORMAT: &str = "netprune-backup";
/// The backup file version this build writes (and every one up to it it
/// reads): 2 since followers, so a build that would drop them refuses it.
pub const BACKUP_VERSION: u32 = 2;
/// Larger files are refused before parsing (30,000 people take about 8 MB).
const MAX_BACKUP_BYTES: usize = 64 * 1024 * 1024;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BackupOut<'a> {
    format: &'static str,
    version: u32,
    created_at_ms: TimeMs,
    network: &'a Snapshot,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BackupIn {
    format: Option<String>,
    version: Option<u32>,
    network: Option<Snapshot>,
}

impl Snapshot {
    /// The snapshot as a JSON string.
    pub fn to_json(&self) -> String {
        // Serializing plain data to a String cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a snapshot written by [`Snapshot::to_json`].
    pub fn from_json(text: &str) -> Result<Self, ModelError> {
        Self::from_json_unvalidated(text)?.validated()
    }

    /// Parses a JSON snapshot, telling a newer one from a damaged one,
    /// without validating its people (the compact form's header has none
    /// yet).
    pub(crate) fn from_json_unvalidated(text: &str) -> Result<Self, ModelError> {
        serde_json::from_str(text).map_err(|e| {
            // A newer format may not parse as this one: it is newer, not
            // damaged. Its version is looked for only then, so reading a
            // good snapshot parses it once.
            #[derive(Deserialize)]
            struct Version {
                version: Option<u64>,
            }
            match serde_json::from_str::<Version>(text) {
                Ok(Version { version: Some(v) })
                    if v > u64::from(crate::network::model::SNAPSHOT_VERSION) =>
                {
                    crate::network::model::newer_version(v)
                }
                _ => ModelError::BadSnapshot(format!("it is not a netprune snapshot ({e})")),
            }
        })
    }

    /// Everything netprune stores, as one versioned backup file.
    pub fn to_backup_json(&self, now_ms: TimeMs) -> String {
        let backup = BackupOut {
            format: BACKUP_FORMAT,
            version: BACKUP_VERSION,
            created_at_ms: now_ms,
            network: self,
        };
        serde_json::to_string_pretty(&backup).unwrap_or_default()
    }

    /// Reads a backup file, refusing anything that is not a complete
    /// netprune backup this build understands.
    pub fn from_backup_json(text: &str) -> Result<Self, ModelError> {
        let refuse =
            |why: String| ModelError::BadInput(format!("this backup cannot be restored: {why}"));
        if text.len() > MAX_BACKUP_BYTES {
            return Err(refuse("the file is larger than any netprune backup".into()));
        }
        let backup: BackupIn = serde_json::from_str(text).map_err(|e| {
            if e.is_eof() {
                refuse("the file is cut short (an incomplete download?)".into())
            } else {
                refuse(format!("it is not a netprune backup file ({e})"))
            }
        })?;
        if backup.format.as_deref() != Some(BACKUP_FORMAT) {
            return Err(refuse("it is not a netprune backup file".into()));
        }
        match backup.version {
            Some(v) if v > BACKUP_VERSION => {
                return Err(refuse(format!(
                    "it was made by a newer netprune (backup version {v}; this one reads {BACKUP_VERSION})"
                )))
            }
            Some(0) | None => return Err(refuse("it has no backup version".into())),
            Some(_) => {}
        }
        let network = backup
            .network
            .ok_or_else(|| refuse("it holds no network".into()))?;
        network.validated().map_err(|e| refuse(e.to_string()))
    }
}

impl Snapshot {
    /// Restores a backup file over this network without undoing anything
    /// that keeps removals safe: the file's people, keep-list, saved
    /// queries and goal replace these, but the removal queue stays this
    /// one (its log, attempt counts, pacing generator, pause and cool-down,
    /// and the step in flight), with the file's history merged in. Anyone
    /// removed or gone here stays so. Nobody is queued by a restore: the
    /// file's waiting people are not queued again, and the people waiting
    /// here are cancelled (the step in flight still reports). A file that
    /// cannot be restored changes nothing.
    pub fn restore_backup(
        &mut self,
        text: &str,
        now_ms: TimeMs,
    ) -> Result<RestoreReport, ModelError> {
        let mut restored = Snapshot::from_backup_json(text)?;
        let file_queue = std::mem::replace(&mut restored.queue, self.queue.clone());
        let cancelled = restored.queue.cancel_all(now_ms);
        let not_requeued = restored.queue.absorb_history(file_queue);
        let mut kept_removed = 0;
        for person in &self.network.people {
            if let Some(i) = restored.network.index_of(&person.slug) {
                let there = &mut restored.network.people[i];
                if person.removed_at_ms.is_some() && there.removed_at_ms.is_none() {
                    there.removed_at_ms = person.removed_at_ms;
                    kept_removed += 1;
                }
                if person.gone_since_ms.is_some() && there.gone_since_ms.is_none() {
                    there.gone_since_ms = person.gone_since_ms;
                }
            }
        }
        // Verified removals in the merged queue mark their person too.
        let removed: Vec<String> = restored
            .queue
            .entries()
            .iter()
            .filter(|e| e.status == EntryStatus::Removed)
            .map(|e| e.slug.clone())
            .collect();
        for slug in removed {
            if let Some(i) = restored.network.index_of(&slug) {
                if restored.network.people[i].removed_at_ms.is_none() {
                    restored.network.people[i].removed_at_ms = Some(now_ms);
                    kept_removed += 1;
                }
            }
        }
        let report = RestoreReport {
            people: restored.network.people.len() as u32,
            not_requeued,
            cancelled: cancelled.cancelled,
            in_flight: cancelled.in_progress,
            kept_removed,
        };
        *self = restored;
        Ok(report)
    }
}
