//! The archive's ZIP: its entries looked up by base name at any depth (Z4,
//! Z5: at the root, or under a top folder), only the files netprune reads
//! decompressed, each streamed into its reader through a size limit.

use super::{assistant, ignored, named, refused, ArchiveReader, Named, MAX_RATIO};
use std::io::Cursor;
use zip::{CompressionMethod, ZipArchive};

/// Entries that declare less than this are never refused for their ratio:
/// a small file of repeated bytes compresses far, harmlessly.
const RATIO_FLOOR: u64 = 16 * 1024 * 1024;

impl ArchiveReader {
    /// Reads every entry of a ZIP, one report each (folders aside).
    pub(super) fn add_zip(&mut self, name: &str, bytes: &[u8]) {
        let mut archive = match ZipArchive::new(Cursor::new(bytes)) {
            Ok(archive) => archive,
            Err(e) => {
                self.files.push(refused(
                    name,
                    format!(
                        "it is not a ZIP archive that can be read ({e}): download the \
                         archive from LinkedIn again"
                    ),
                ));
                return;
            }
        };
        if archive.len() > self.limits.members {
            self.files.push(refused(
                name,
                format!(
                    "it lists {} files, far more than LinkedIn's archive (at most {} \
                     are read)",
                    archive.len(),
                    self.limits.members
                ),
            ));
            return;
        }
        if archive.is_empty() {
            self.files.push(refused(
                name,
                "the ZIP is empty: download the archive from LinkedIn again",
            ));
            return;
        }
        for index in 0..archive.len() {
            let report = self.entry(&mut archive, index);
            self.files.extend(report);
        }
    }

    /// Reads one entry: None for a folder.
    fn entry(
        &mut self,
        archive: &mut ZipArchive<Cursor<&[u8]>>,
        index: usize,
    ) -> Option<super::FileReport> {
        let listed = archive
            .name_for_index(index)
            .map_or_else(|| format!("entry {}", index + 1), str::to_owned);
        // Metadata first, from the raw entry: nothing decompressed yet.
        let raw = archive.by_index_raw(index).map(|file| {
            (
                file.name().to_owned(),
                file.is_dir(),
                file.size(),
                file.compressed_size(),
                file.compression(),
                file.encrypted(),
            )
        });
        let (path, is_dir, size, compressed, method, encrypted) = match raw {
            Ok(metadata) => metadata,
            Err(e) => {
                return Some(refused(
                    &listed,
                    format!("this entry of the ZIP cannot be read ({e})"),
                ));
            }
        };
        if is_dir {
            return None;
        }
        match named(&path) {
            Named::Wanted => {}
            Named::Assistant => return Some(assistant(&path)),
            Named::Other => {
                return Some(ignored(&path, "not a file netprune reads from the archive"))
            }
        }
        if encrypted {
            return Some(refused(
                &path,
                "it is encrypted (password-protected), which LinkedIn's archive never is: \
                 download the archive from LinkedIn again",
            ));
        }
        if method != CompressionMethod::Stored && method != CompressionMethod::Deflated {
            return Some(refused(
                &path,
                format!(
                    "it is compressed with {method}, which netprune does not read \
                     (LinkedIn's archive uses deflate): download the archive from \
                     LinkedIn again rather than a re-packed copy"
                ),
            ));
        }
        if size > self.limits.file_uncompressed {
            return Some(refused(
                &path,
                format!(
                    "it declares {} MB uncompressed, more than netprune reads from one \
                     file ({} MB)",
                    size / 1_000_000,
                    self.limits.file_uncompressed / 1_000_000
                ),
            ));
        }
        if size > RATIO_FLOOR && size / compressed.max(1) > MAX_RATIO {
            return Some(refused(
                &path,
                format!(
                    "it declares {} MB out of {} KB, a ratio no text file has: a ZIP made \
                     to fill memory",
                    size / 1_000_000,
                    compressed / 1_000
                ),
            ));
        }
        Some(match archive.by_index(index) {
            Ok(file) => self.read_file(&path, file, Named::Wanted),
            Err(e) => refused(&path, format!("this entry of the ZIP cannot be read ({e})")),
        })
    }
}
