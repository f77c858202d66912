//! The stored forms of the network: the snapshot the background keeps in
//! extension storage, and the backup file the member downloads.
//!
//! Both are JSON. The backup wraps the snapshot with a format name and a
//! version so that a file from another program, a newer netprune, or a
//! truncated download is refused with a reason instead of replacing what
//! the member has. Reading either validates the network before anything uses
//! it. This module never touches storage itself; the background does.

use crate::calendar::TimeMs;
use crate::model::{ModelError, Network};
use serde::{Deserialize, Serialize};

/// The `format` field of a netprune backup file.
pub const BACKUP_FORMAT: &str = "netprune-backup";
/// The backup file version this build writes and reads.
pub const BACKUP_VERSION: u32 = 1;
/// Larger files are refused before parsing (30,000 people take about 8 MB).
const MAX_BACKUP_BYTES: usize = 64 * 1024 * 1024;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BackupOut<'a> {
    format: &'static str,
    version: u32,
    created_at_ms: TimeMs,
    network: &'a Network,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BackupIn {
    format: Option<String>,
    version: Option<u32>,
    network: Option<Network>,
}

impl Network {
    /// The snapshot as a JSON string.
    pub fn to_json(&self) -> String {
        // Serializing plain data to a String cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a snapshot written by [`Network::to_json`].
    pub fn from_json(text: &str) -> Result<Self, ModelError> {
        let network: Network = serde_json::from_str(text)
            .map_err(|e| ModelError::BadSnapshot(format!("it is not a netprune snapshot ({e})")))?;
        network.validated()
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
