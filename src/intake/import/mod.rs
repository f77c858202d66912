//! LinkedIn's `Connections.csv` export, read into rows.
//!
//! This module owns turning the bytes of the file a member downloads from
//! LinkedIn's "Get a copy of your data" into [`ExportRow`]s: finding the header
//! below the `Notes:` preamble, columns in any order or case, RFC 4180 quoting,
//! every date style LinkedIn and spreadsheets have written, and profile links
//! into the same slugs the connections page gives. A problem with one row skips
//! that row with its line and a reason; a file that is not a whole, readable
//! export is refused with an [`ImportError`] a member can act on, and nothing
//! of it is returned. It never opens a file or reads a clock, never merges rows
//! into the network (that belongs to [`crate::intake::merge`]), and never rewrites what
//! people typed: a name like `=HYPERLINK(...)` stays text here, because
//! formulas are neutralised where a file is written, not where one is read.

use crate::intake::reading::{clean_text, slug_from_profile_url};
use crate::intake::words::month_from_name;
use crate::network::calendar::CivilDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::RangeInclusive;

mod dates;
mod header;
mod rows;

pub use dates::parse_export_date;
use header::find_header;
use rows::read_rows;

/// The largest file read, in bytes: a full export of 30,000 connections is
/// about 4 MB, so anything past this is not one (and would stall the page).
pub const MAX_FILE_BYTES: usize = 50_000_000;

/// The most data rows read. LinkedIn caps a member at 30,000 connections; the
/// margin covers empty and repeated rows, not a different kind of file.
pub const MAX_DATA_ROWS: usize = 100_000;

/// How many lines from the top the header may sit (below the `Notes:` lines).
pub const HEADER_SEARCH_LINES: usize = 20;

const NAME_MAX_CHARS: usize = 300;
const TEXT_MAX_CHARS: usize = 600;

/// LinkedIn opened in 2003, so an earlier year is a misread; two-digit years
/// are read as 20xx, so later than 2099 cannot be written by the short styles.
const YEARS: RangeInclusive<i32> = 2003..=2099;

/// A `Connections.csv` export, read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportFile {
    /// The people read, in file order.
    pub rows: Vec<ExportRow>,
    /// The rows left out, each with its line and why.
    pub skipped: Vec<SkippedRow>,
    /// Rows kept with something worth telling the member: a date that was
    /// not understood (the row is kept without a date), or missing columns.
    pub notes: Vec<RowNote>,
    /// Whether the header has a `URL` column (exports from 2018 do not, so
    /// their rows have no slug and are matched by name).
    pub has_url_column: bool,
    /// Data rows seen below the header, kept and skipped alike.
    pub total_rows: usize,
}

/// One connection as the export lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportRow {
    /// The 1-based line of the file where the row starts.
    pub line: usize,
    /// The first name, cleaned (may be empty when the last name is not).
    pub first_name: String,
    /// The last name, cleaned, with any credentials ("Nayak, MSc, MBA").
    pub last_name: String,
    /// "First Last", cleaned; never empty.
    pub name: String,
    /// The profile slug from the `URL` column, decoded and lower-cased as
    /// [`slug_from_profile_url`] gives it; `None` without a URL.
    pub slug: Option<String>,
    /// The email address, when the person allows connections to see it.
    pub email: Option<String>,
    /// The company.
    pub company: Option<String>,
    /// The position (job title).
    pub position: Option<String>,
    /// The day the connection was made, when the date was understood.
    pub connected_on: Option<CivilDate>,
}

/// A row left out of the import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SkippedRow {
    /// The 1-based line of the file where the row starts.
    pub line: usize,
    /// Why it was left out, as a phrase a member can read.
    pub reason: String,
}

/// Something worth telling about a row that was kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RowNote {
    /// The 1-based line of the file where the row starts.
    pub line: usize,
    /// What was noticed, as a phrase a member can read.
    pub note: String,
}

/// Why a whole file was refused. Its [`Display`](fmt::Display) is a sentence
/// a member can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// No bytes, or nothing but whitespace.
    Empty,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// More than [`MAX_DATA_ROWS`] data rows.
    TooManyRows,
    /// Not UTF-8 text (a copy re-saved as Latin-1 or UTF-16, or not text).
    NotUtf8 {
        /// The 0-based byte offset of the first byte that is not UTF-8.
        byte_offset: usize,
        /// The 1-based line holding it.
        line: usize,
    },
    /// No LinkedIn header in the first [`HEADER_SEARCH_LINES`] lines.
    NotLinkedIn,
    /// The file ends partway through a row: a quoted field that never
    /// closes, a last row cut short after complete ones, or a character
    /// whose bytes stop at the end of the file.
    Truncated {
        /// The 1-based line where the cut-off row starts.
        line: usize,
    },
    /// The CSV reader refused the text.
    Malformed {
        /// The 1-based line of the record it refused.
        line: usize,
        /// What it refused.
        detail: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(
                f,
                "the file is empty: choose Connections.csv from the archive of \
                 LinkedIn's \"Get a copy of your data\""
            ),
            // Tenths of a megabyte, rounded half up, in integers.
            Self::TooLarge { bytes } => write!(
                f,
                "the file is too large to be LinkedIn's Connections.csv ({}.{} MB; \
                 the limit is {} MB)",
                bytes.saturating_add(50_000) / 1_000_000,
                bytes.saturating_add(50_000) / 100_000 % 10,
                MAX_FILE_BYTES / 1_000_000
            ),
            Self::TooManyRows => write!(
                f,
                "the file has more than {MAX_DATA_ROWS} rows, far more than the \
                 30,000 connections LinkedIn allows, so it is not a Connections.csv export"
            ),
            Self::NotUtf8 { byte_offset, line } => write!(
                f,
                "the file is not UTF-8 text (byte {byte_offset}, line {line}): import \
                 the Connections.csv LinkedIn sent, not a copy saved in another encoding"
            ),
            Self::NotLinkedIn => write!(
                f,
                "this is not LinkedIn's Connections.csv: no header with First Name, \
                 Last Name and Connected On in its first {HEADER_SEARCH_LINES} lines"
            ),
            Self::Truncated { line } => write!(
                f,
                "the file looks truncated at line {line}: its last row stops partway; \
                 download the export from LinkedIn again"
            ),
            Self::Malformed { line, detail } => {
                write!(f, "the file is not valid CSV at line {line}: {detail}")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads a `Connections.csv` export: every row, or a refusal of the whole file.
///
/// Accepts a UTF-8 BOM, CRLF or LF, a last line with or without its newline,
/// a `Notes:` preamble of any shape above the header, header names in any
/// case, order and padding, unknown extra columns, and a missing `URL` column.
/// Text fields are cleaned with [`clean_text`]. Row-level problems skip the
/// row ([`ExportFile::skipped`]) or are noted on it ([`ExportFile::notes`]);
/// only problems with the file as a whole are an [`ImportError`].
pub fn read_connections_csv(bytes: &[u8]) -> Result<ExportFile, ImportError> {
    // Guards first, before any pass over the bytes.
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let byte_offset = e.valid_up_to();
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..byte_offset]).count();
        if e.error_len().is_none() {
            // The bytes stop partway through a character: a download cut
            // short inside a non-ASCII name, not a file in another encoding.
            ImportError::Truncated { line }
        } else {
            ImportError::NotUtf8 { byte_offset, line }
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let header = find_header(text).ok_or(ImportError::NotLinkedIn)?;
    read_rows(&text[header.offset..], &header)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header of today's export, for the tests of every part.
    pub(super) const HEADER: &str =
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

    /// Reads an export that must be read.
    pub(super) fn read(text: &str) -> ExportFile {
        read_connections_csv(text.as_bytes()).unwrap()
    }

    #[test]
    fn a_header_alone_is_an_export_with_no_connections() {
        let file = read(HEADER);
        assert_eq!(file.total_rows, 0);
        assert!(file.rows.is_empty() && file.skipped.is_empty());
    }

    #[test]
    fn serializes_in_camel_case_for_javascript() {
        let file = read(&format!(
            "{HEADER}\nA,B,https://www.linkedin.com/in/ab,,,,30 May 2024\n"
        ));
        let json = serde_json::to_value(&file).unwrap();
        assert_eq!(json["hasUrlColumn"], true);
        assert_eq!(json["totalRows"], 1);
        assert_eq!(json["rows"][0]["firstName"], "A");
        assert_eq!(json["rows"][0]["connectedOn"]["year"], 2024);
        assert_eq!(json["rows"][0]["slug"], "ab");
    }

    #[test]
    fn too_large_is_refused_before_any_work() {
        // Not UTF-8 and no header: only the size guard can answer this.
        let bytes = vec![0xff; MAX_FILE_BYTES + 1];
        assert_eq!(
            read_connections_csv(&bytes),
            Err(ImportError::TooLarge {
                bytes: MAX_FILE_BYTES + 1
            })
        );
    }

    #[test]
    fn too_many_rows_is_refused() {
        let mut text = format!("{HEADER}\n");
        text.push_str(&"A,B,,,,,\n".repeat(MAX_DATA_ROWS + 1));
        assert_eq!(
            read_connections_csv(text.as_bytes()),
            Err(ImportError::TooManyRows)
        );
        let mut text = format!("{HEADER}\n");
        text.push_str(&"A,B,,,,,\n".repeat(MAX_DATA_ROWS));
        assert_eq!(
            read_connections_csv(text.as_bytes()).map(|f| f.total_rows),
            Ok(MAX_DATA_ROWS)
        );
    }
}
