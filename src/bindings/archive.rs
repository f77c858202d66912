//! The data archive's reader as JavaScript sees it: the review page gives
//! it the files a member picked (the ZIP, or CSV files), one at a time, and
//! hands the digest's JSON to the background.

use super::{error, to_js};
use crate::intake::archive;
use wasm_bindgen::prelude::*;

/// Reads LinkedIn's data archive (`new ArchiveReader()`, `add` per file,
/// then `finish`). Message text is read only to be skipped: neither the
/// reports nor the digest hold any.
#[wasm_bindgen]
pub struct ArchiveReader {
    reader: Option<archive::ArchiveReader>,
}

#[wasm_bindgen]
impl ArchiveReader {
    /// A reader that has read nothing.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> ArchiveReader {
        ArchiveReader {
            reader: Some(archive::ArchiveReader::new()),
        }
    }

    /// Reads one file the member gave (its name, its bytes): a ZIP or one of
    /// the archive's CSV files. Answers the reports of what it held, as an
    /// array of `{ name, kind?, rows, skipped, refused?, ignored?, undated?,
    /// skips? }`; a refused file is a report, not an exception. Throws only
    /// after `finish`.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<JsValue, JsValue> {
        let reader = self
            .reader
            .as_mut()
            .ok_or_else(|| error("this archive reader has finished: start a new one"))?;
        to_js(&reader.add(name, bytes))
    }

    /// The digest of every file added, as JSON text (the background merges
    /// it). Throws a `NetpruneError` whose message starts "import refused,
    /// nothing was changed: " when nothing usable was read.
    pub fn finish(&mut self) -> Result<String, JsValue> {
        let reader = self
            .reader
            .take()
            .ok_or_else(|| error("this archive reader has finished: start a new one"))?;
        let digest = reader
            .finish()
            .map_err(|e| error(format!("import refused, nothing was changed: {e}")))?;
        serde_json::to_string(&digest).map_err(|e| {
            error(format!(
                "internal: could not convert the archive's digest for JavaScript: {e}"
            ))
        })
    }
}
