//! LinkedIn's data archive ("Get a copy of your data"), read into a
//! [`ArchiveDigest`]: counts and dates per person, never message text.
//!
//! [`ArchiveReader`] takes the files a member gives, one at a time: the ZIP
//! LinkedIn sends (Basic or Complete, Z1, Z2, Z7), or any of its CSV files
//! picked one by one. It is pure: no clock, no JavaScript, no file system.
//! Each file is read whole into its own accumulator and kept only when it was
//! read to the end, so a damaged or wrong file adds nothing; every outcome is
//! a [`FileReport`] whose reason a member can act on. Which file a file is is
//! told by its header (Z6: names vary), never by its name alone.
//!
//! What is never kept: a message's `CONTENT`, `SUBJECT`, `CONVERSATION
//! TITLE` or `ATTACHMENTS`, an invitation's `Message`, a recommendation's
//! `Text`. Rows are read as `csv::ByteRecord`s and those columns are not even
//! located, so their bytes are never copied into a string.

use crate::intake::import::{read_connections_csv, ExportFile, MAX_FILE_BYTES};
use std::fmt;
use std::io::{Cursor, Read};

mod dates;
mod digest;
mod layout;
mod people;
mod rows;
mod sum;
mod zipped;

pub use dates::parse_archive_date;
pub use digest::*;
use layout::{layout_of, Layout};
use rows::{Invitations, Messages, People, Tally};

/// The most bytes given to one import, all files together: the complete
/// archive of a 30,000-connection member with 200,000 messages is some tens
/// of megabytes compressed.
pub const MAX_TOTAL_BYTES: u64 = 512 * 1024 * 1024;

/// The most bytes one file may hold uncompressed. Reading stops and the file
/// is refused when it goes over, whatever its ZIP entry declares.
pub const MAX_FILE_UNCOMPRESSED: u64 = 512 * 1024 * 1024;

/// The most bytes read uncompressed in one import, all files together.
pub const MAX_TOTAL_UNCOMPRESSED: u64 = 1024 * 1024 * 1024;

/// A ZIP member declaring more than this many bytes out per byte in is
/// refused unread: CSV text compresses about ten to one, a zip bomb a
/// thousand.
pub const MAX_RATIO: u64 = 200;

/// The most data rows read from one file (200,000 messages is a heavy
/// member's whole history; this is twenty-five times that).
pub const MAX_ROWS: u64 = 5_000_000;

/// The most entries a ZIP may list (a Complete archive holds a few hundred,
/// articles included).
pub const MAX_MEMBERS: usize = 100_000;

/// How much of a file is looked at to find its header.
const PEEK_BYTES: usize = 64 * 1024;

/// How many lines from the top the header may sit, as for Connections.csv.
const HEADER_LINES: usize = 20;

/// The files netprune reads, by the names LinkedIn gives them (Z6), lower
/// case. Inside a ZIP only these are opened.
const WANTED: [&str; 7] = [
    "messages.csv",
    "invitations.csv",
    "connections.csv",
    "endorsement_received_info.csv",
    "endorsement_given_info.csv",
    "recommendations_received.csv",
    "recommendations_given.csv",
];

/// Why nothing of an import could be used. Its [`Display`](fmt::Display) is
/// a sentence a member can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArchiveError {
    /// No file was given.
    NoFiles,
    /// Files were given, but none was one netprune reads, or every one was
    /// refused.
    NothingRead {
        /// `name: reason` for the files refused or passed over, in order.
        reasons: Vec<String>,
    },
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoFiles => write!(
                f,
                "no file was given: choose the ZIP LinkedIn sent from \"Get a copy of \
                 your data\", or its messages.csv, Invitations.csv or Connections.csv"
            ),
            Self::NothingRead { reasons } => {
                write!(
                    f,
                    "nothing in the files given could be read as LinkedIn's data archive \
                     (messages.csv, Invitations.csv, Connections.csv, endorsements or \
                     recommendations)"
                )?;
                let shown: Vec<&str> = reasons.iter().take(3).map(String::as_str).collect();
                if !shown.is_empty() {
                    write!(f, ": {}", shown.join("; "))?;
                }
                if reasons.len() > 3 {
                    write!(f, "; and {} more", reasons.len() - 3)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ArchiveError {}

/// The files read so far, one of each kind at most.
#[derive(Debug, Default)]
struct Held {
    connections: Option<ExportFile>,
    /// With the index of its report, which learns at the end how many notes
    /// to self were left out.
    messages: Option<(usize, Messages)>,
    invitations: Option<Invitations>,
    endorsements_received: Option<People>,
    endorsements_given: Option<People>,
    recommendations_received: Option<People>,
    recommendations_given: Option<People>,
}

impl Held {
    fn has(&self, kind: FileKind) -> bool {
        match kind {
            FileKind::Connections => self.connections.is_some(),
            FileKind::Messages => self.messages.is_some(),
            FileKind::Invitations => self.invitations.is_some(),
            FileKind::EndorsementsReceived => self.endorsements_received.is_some(),
            FileKind::EndorsementsGiven => self.endorsements_given.is_some(),
            FileKind::RecommendationsReceived => self.recommendations_received.is_some(),
            FileKind::RecommendationsGiven => self.recommendations_given.is_some(),
        }
    }
}

/// One file's content, read whole.
enum FileData {
    Connections(ExportFile),
    Messages(Messages),
    Invitations(Invitations),
    People(FileKind, People),
}

/// What a file's name says of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Named {
    /// One of [`WANTED`].
    Wanted,
    /// Conversations with LinkedIn's assistants (`guide_messages.csv`,
    /// `learning_coach_messages.csv`, `learning_role_play_messages.csv`,
    /// `coach_messages.csv`, Z8): message-shaped, but no person in them.
    Assistant,
    /// Anything else.
    Other,
}

fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn named(path: &str) -> Named {
    let base = base_name(path).to_lowercase();
    if WANTED.contains(&base.as_str()) {
        Named::Wanted
    } else if base.ends_with("messages.csv") {
        Named::Assistant
    } else {
        Named::Other
    }
}

fn kind_phrase(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Connections => "Connections",
        FileKind::Messages => "messages",
        FileKind::Invitations => "Invitations",
        FileKind::EndorsementsReceived => "endorsements received",
        FileKind::EndorsementsGiven => "endorsements given",
        FileKind::RecommendationsReceived => "recommendations received",
        FileKind::RecommendationsGiven => "recommendations given",
    }
}

/// A reader that refuses to give more than `left` bytes: the guard against
/// a member that inflates past what it declared (a zip bomb).
struct Limited<R> {
    inner: R,
    left: u64,
    limit: u64,
}

impl<R> Limited<R> {
    fn new(inner: R, limit: u64) -> Self {
        Self {
            inner,
            left: limit,
            limit,
        }
    }

    /// Bytes read through so far.
    fn used(&self) -> u64 {
        self.limit - self.left
    }
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        // Ask for one byte more than allowed, so going over is seen.
        let room = usize::try_from(self.left.saturating_add(1)).unwrap_or(usize::MAX);
        let want = buf.len().min(room);
        let n = self.inner.read(buf.get_mut(..want).unwrap_or_default())?;
        let n64 = n as u64;
        if n64 > self.left {
            self.left = 0;
            return Err(std::io::Error::other(TooLarge(self.limit)));
        }
        self.left -= n64;
        Ok(n)
    }
}

/// A file that went over its [`Limited`] size.
#[derive(Debug)]
struct TooLarge(u64);

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "it is larger than {} MB uncompressed, more than LinkedIn's archive files \
             hold (or it is a ZIP made to fill memory)",
            self.0 / 1_000_000
        )
    }
}

impl std::error::Error for TooLarge {}

/// Why reading a file stopped, as a phrase: over its size, or damaged (a
/// ZIP member whose deflate stream or checksum is wrong, a cut download).
fn io_reason(e: &std::io::Error) -> String {
    match e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<TooLarge>())
    {
        Some(too_large) => too_large.to_string(),
        None => format!(
            "it could not be read to its end ({e}): it is damaged or cut short; \
             download the archive from LinkedIn again"
        ),
    }
}

/// A report with nothing read.
fn report(name: &str) -> FileReport {
    FileReport {
        name: name.to_owned(),
        kind: None,
        rows: 0,
        skipped: 0,
        refused: None,
        ignored: false,
        undated: 0,
        skips: Vec::new(),
    }
}

fn refused(name: &str, reason: impl Into<String>) -> FileReport {
    FileReport {
        refused: Some(reason.into()),
        ..report(name)
    }
}

fn ignored(name: &str, reason: impl Into<String>) -> FileReport {
    FileReport {
        ignored: true,
        ..refused(name, reason)
    }
}

/// The bounds an import is read within; [`Limits::default`] is the
/// constants above. Tests lower them to reach them with small files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// [`MAX_TOTAL_BYTES`].
    pub total_bytes: u64,
    /// [`MAX_FILE_UNCOMPRESSED`].
    pub file_uncompressed: u64,
    /// [`MAX_TOTAL_UNCOMPRESSED`].
    pub total_uncompressed: u64,
    /// [`MAX_ROWS`].
    pub rows: u64,
    /// [`MAX_MEMBERS`].
    pub members: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            total_bytes: MAX_TOTAL_BYTES,
            file_uncompressed: MAX_FILE_UNCOMPRESSED,
            total_uncompressed: MAX_TOTAL_UNCOMPRESSED,
            rows: MAX_ROWS,
            members: MAX_MEMBERS,
        }
    }
}

/// Reads LinkedIn's data archive, a file at a time, into an [`ArchiveDigest`].
#[derive(Debug, Default)]
pub struct ArchiveReader {
    files: Vec<FileReport>,
    read: Held,
    given: u64,
    uncompressed: u64,
    limits: Limits,
}

impl ArchiveReader {
    /// A reader that has read nothing.
    pub fn new() -> Self {
        Self::default()
    }

    /// A reader bounded by `limits` rather than the defaults.
    pub fn with_limits(limits: Limits) -> Self {
        Self {
            limits,
            ..Self::default()
        }
    }

    /// One file the member gave: a ZIP (told by its bytes: `PK\x03\x04`, or
    /// `PK\x05\x06` for an empty one) or a CSV. Never panics; every outcome
    /// lands in a [`FileReport`] (refused with a sentence a member can act
    /// on, or ignored). Returns the reports this file added: a ZIP adds one
    /// per entry it looked at (folders aside). Rows left out for a reason
    /// only the whole import shows (notes to self, once the member is
    /// known) are added to the digest's copy of the reports by
    /// [`Self::finish`].
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Vec<FileReport> {
        let start = self.files.len();
        let size = bytes.len() as u64;
        if self.given.saturating_add(size) > self.limits.total_bytes {
            self.files.push(refused(
                name,
                format!(
                    "the files given together pass {} MB, more than LinkedIn's archive \
                     holds: give the archive's ZIP alone",
                    self.limits.total_bytes / 1_000_000
                ),
            ));
        } else {
            self.given += size;
            if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
                self.add_zip(name, bytes);
            } else if name.to_lowercase().ends_with(".zip") {
                self.files.push(refused(
                    name,
                    "it is named .zip but is not a ZIP archive (perhaps a download cut \
                     short): download the archive from LinkedIn again",
                ));
            } else {
                let report = match named(name) {
                    Named::Assistant => assistant(name),
                    named => self.read_file(name, bytes, named),
                };
                self.files.push(report);
            }
        }
        self.files
            .get(start..)
            .map(<[_]>::to_vec)
            .unwrap_or_default()
    }

    /// The digest of everything read. `Err` when nothing usable was read
    /// (no file, or none of them one netprune reads).
    pub fn finish(self) -> Result<ArchiveDigest, ArchiveError> {
        if self.files.is_empty() {
            return Err(ArchiveError::NoFiles);
        }
        sum::digest(self.files, self.read)
    }

    /// Reads one file (given loose, or a ZIP entry) into its report,
    /// keeping what it holds only when all of it was read.
    fn read_file(&mut self, name: &str, source: impl Read, named: Named) -> FileReport {
        let budget = self
            .limits
            .total_uncompressed
            .saturating_sub(self.uncompressed);
        let mut source = Limited::new(source, self.limits.file_uncompressed.min(budget));
        let result = self.read_limited(name, &mut source, named);
        self.uncompressed = self.uncompressed.saturating_add(source.used());
        match result {
            Ok(report) => report,
            Err(report) => *report,
        }
    }

    fn read_limited(
        &mut self,
        name: &str,
        source: &mut impl Read,
        named: Named,
    ) -> Result<FileReport, Box<FileReport>> {
        let refuse = |reason: String| Box::new(refused(name, reason));
        let mut peek = Vec::with_capacity(PEEK_BYTES);
        let at_end = fill(source, &mut peek, PEEK_BYTES).map_err(|e| refuse(io_reason(&e)))?;
        let text = peek.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&peek);
        if text.iter().all(u8::is_ascii_whitespace) {
            return Err(refuse(
                "it is empty: LinkedIn's files start with a header line".into(),
            ));
        }
        if text.starts_with(b"\xff\xfe") || text.starts_with(b"\xfe\xff") {
            return Err(refuse(
                "it is UTF-16 text, not the UTF-8 LinkedIn writes: give the file LinkedIn \
                 sent, not a copy saved by a spreadsheet"
                    .into(),
            ));
        }
        if text.contains(&0) || text.starts_with(b"\x89PNG") || text.starts_with(b"%PDF") {
            return Err(refuse(
                "it is not a text file (a picture or other binary file with a CSV name), \
                 so it is none of LinkedIn's archive files"
                    .into(),
            ));
        }
        let Some((offset, layout)) = find_header(text, at_end) else {
            return Err(Box::new(if named == Named::Wanted {
                refused(
                    name,
                    format!(
                        "its first {HEADER_LINES} lines hold none of the headers LinkedIn \
                         writes in {}: it is not that file, or it was changed",
                        base_name(name)
                    ),
                )
            } else {
                ignored(name, "not a file netprune reads from the archive")
            }));
        };
        let kind = match layout {
            Layout::Connections => FileKind::Connections,
            Layout::Messages(_) => FileKind::Messages,
            Layout::Invitations(_) => FileKind::Invitations,
            Layout::EndorsementsReceived(_) => FileKind::EndorsementsReceived,
            Layout::EndorsementsGiven(_) => FileKind::EndorsementsGiven,
            Layout::Recommendations(_) => {
                // E8: both recommendation files have one header.
                let base = base_name(name).to_lowercase();
                if base.contains("given") {
                    FileKind::RecommendationsGiven
                } else if base.contains("received") {
                    FileKind::RecommendationsReceived
                } else {
                    return Err(refuse(
                        "it is a recommendations file, but only its name tells whether it \
                         holds those given or received: keep LinkedIn's name \
                         (Recommendations_Given.csv or Recommendations_Received.csv)"
                            .into(),
                    ));
                }
            }
        };
        if self.read.has(kind) {
            return Err(refuse(format!(
                "two {} files in one import: only the first was read; import one \
                 archive at a time",
                kind_phrase(kind)
            )));
        }
        let peeked = peek.len();
        let mut tally = Tally::new(self.limits.rows);
        let data = if kind == FileKind::Connections {
            // The Connections.csv import reads a whole text (its preamble,
            // C1, included); the file is small (about 4 MB for 30,000).
            let mut all = peek;
            let room = (MAX_FILE_BYTES as u64 + 1).saturating_sub(peeked as u64);
            source
                .take(room)
                .read_to_end(&mut all)
                .map_err(|e| refuse(io_reason(&e)))?;
            let file = read_connections_csv(&all).map_err(|e| refuse(e.to_string()))?;
            tally.rows = file.total_rows as u64;
            for skipped in &file.skipped {
                tally.skip(&skipped.reason);
            }
            tally.undated = file
                .rows
                .iter()
                .filter(|row| row.connected_on.is_none())
                .count() as u64;
            FileData::Connections(file)
        } else {
            let bom = peeked - text.len();
            let start = bom.saturating_add(offset);
            let rest = Cursor::new(peek.get(start..).unwrap_or_default()).chain(source);
            let read = match layout {
                Layout::Messages(c) => {
                    rows::read_messages(rest, &c, &mut tally).map(FileData::Messages)
                }
                Layout::Invitations(c) => {
                    rows::read_invitations(rest, &c, &mut tally).map(FileData::Invitations)
                }
                Layout::EndorsementsReceived(c) | Layout::EndorsementsGiven(c) => {
                    rows::read_people(rest, &c, "ACCEPTED", &mut tally)
                        .map(|p| FileData::People(kind, p))
                }
                Layout::Recommendations(c) => rows::read_people(rest, &c, "VISIBLE", &mut tally)
                    .map(|p| FileData::People(kind, p)),
                // Read whole above; never reached.
                Layout::Connections => Err("it could not be read".to_owned()),
            };
            read.map_err(refuse)?
        };
        let index = self.files.len();
        match data {
            FileData::Connections(file) => self.read.connections = Some(file),
            FileData::Messages(messages) => self.read.messages = Some((index, messages)),
            FileData::Invitations(invitations) => self.read.invitations = Some(invitations),
            FileData::People(kind, people) => {
                let slot = match kind {
                    FileKind::EndorsementsReceived => &mut self.read.endorsements_received,
                    FileKind::EndorsementsGiven => &mut self.read.endorsements_given,
                    FileKind::RecommendationsReceived => &mut self.read.recommendations_received,
                    _ => &mut self.read.recommendations_given,
                };
                *slot = Some(people);
            }
        }
        Ok(FileReport {
            kind: Some(kind),
            rows: tally.rows,
            skipped: tally.skipped(),
            undated: tally.undated,
            skips: tally.into_skips(),
            ..report(name)
        })
    }
}

/// The report of a conversation file with LinkedIn's assistants.
fn assistant(name: &str) -> FileReport {
    ignored(
        name,
        "conversations with LinkedIn's assistants (guide, coach), not with people",
    )
}

/// Reads into `buf` until it holds `want` bytes or the source ends;
/// answers whether it ended.
fn fill(source: &mut impl Read, buf: &mut Vec<u8>, want: usize) -> std::io::Result<bool> {
    let mut chunk = [0u8; 8192];
    while buf.len() < want {
        let room = (want - buf.len()).min(chunk.len());
        let n = match source.read(chunk.get_mut(..room).unwrap_or_default()) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok(true);
        }
        buf.extend_from_slice(chunk.get(..n).unwrap_or_default());
    }
    Ok(false)
}

/// The header among the first lines of `text`: its byte offset and layout.
/// A last line without its line end counts only when the file ends there.
fn find_header(text: &[u8], at_end: bool) -> Option<(usize, Layout)> {
    let mut offset = 0;
    for line in text.split_inclusive(|&b| b == b'\n').take(HEADER_LINES) {
        let complete = line.ends_with(b"\n") || at_end;
        if !complete {
            return None;
        }
        let without_lf = line.strip_suffix(b"\n").unwrap_or(line);
        let trimmed = without_lf.strip_suffix(b"\r").unwrap_or(without_lf);
        if let Some(layout) = layout_of(trimmed) {
            return Some((offset, layout));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests;
