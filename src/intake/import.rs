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
//! into the network (that belongs to [`crate::network::model`]), and never rewrites what
//! people typed: a name like `=HYPERLINK(...)` stays text here, because
//! formulas are neutralised where a file is written, not where one is read.

use crate::intake::reading::{clean_text, slug_from_profile_url};
use crate::network::calendar::{month_from_name, CivilDate};
use serde::Serialize;
use std::fmt;
use std::ops::RangeInclusive;

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
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SkippedRow {
    /// The 1-based line of the file where the row starts.
    pub line: usize,
    /// Why it was left out, as a phrase a member can read.
    pub reason: String,
}

/// Something worth telling about a row that was kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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

/// Parses a Connections.csv date: `30 May 2024` (LinkedIn today), `1/8/18,
/// 6:14 PM` (US month/day/year with a time, in very old archives), `6-Feb-26`
/// (a spreadsheet's re-save) or `2024-05-30`. Two-digit years are 20xx; years
/// before 2003, when LinkedIn opened, are refused as misreads. Slash dates are
/// always month first, as LinkedIn wrote them; `13/1/18` is refused rather
/// than guessed.
pub fn parse_export_date(text: &str) -> Option<CivilDate> {
    let text = text.trim();
    let first = text.chars().next()?;
    if !first.is_ascii_digit() && !first.is_alphabetic() {
        return None;
    }
    if let Some(date) = iso_date(text) {
        return Some(date);
    }
    let date = if text.contains('/') {
        slash_date(text)?
    } else if text.contains('-') {
        dash_date(text)?
    } else {
        words_date(text)?
    };
    YEARS.contains(&date.year).then_some(date)
}

/// `2024-05-30`, optionally followed by a time after `T` or a space.
/// Month and day always have two digits.
fn iso_date(text: &str) -> Option<CivilDate> {
    let date = text.split(['T', ' ']).next()?;
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    // Two-digit month and day, as ISO 8601 has them: "2024-05-3" is a file
    // cut short, not the 3rd of May.
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let date = CivilDate::new(
        digits(year)?.try_into().ok()?,
        small_number(month)?,
        small_number(day)?,
    )?;
    YEARS.contains(&date.year).then_some(date)
}

/// `1/8/18, 6:14 PM`: month/day/year, the year in two or four digits, and
/// an optional time after a comma or a space.
fn slash_date(text: &str) -> Option<CivilDate> {
    let end = text.find([',', ' ']).unwrap_or(text.len());
    let (date, rest) = text.split_at(end);
    let rest = rest.trim_start_matches([',', ' ']);
    if !rest.is_empty() && !is_clock_time(rest) {
        return None;
    }
    let mut parts = date.split('/');
    let (month, day, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    CivilDate::new(year_number(year)?, small_number(month)?, small_number(day)?)
}

/// `6-Feb-26` or `06-Feb-2026`.
fn dash_date(text: &str) -> Option<CivilDate> {
    let mut parts = text.split('-');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    CivilDate::new(
        year_number(year)?,
        month_from_name(month)?,
        small_number(day)?,
    )
}

/// `30 May 2024`, `30 May, 2024` or `May 30, 2024`.
fn words_date(text: &str) -> Option<CivilDate> {
    let mut words = text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty());
    let (a, b, year) = (words.next()?, words.next()?, words.next()?);
    if words.next().is_some() || year.len() != 4 {
        return None;
    }
    let (day, month) = if a.starts_with(|c: char| c.is_ascii_digit()) {
        (a, b)
    } else {
        (b, a)
    };
    CivilDate::new(
        digits(year)?.try_into().ok()?,
        month_from_name(month)?,
        small_number(day)?,
    )
}

/// `6:14 PM`, `18:14`, `6:14:09 am`.
fn is_clock_time(text: &str) -> bool {
    let upper = text.trim().to_ascii_uppercase();
    let (clock, twelve_hour) = match upper
        .strip_suffix("AM")
        .or_else(|| upper.strip_suffix("PM"))
    {
        Some(clock) => (clock.trim_end(), true),
        None => (upper.as_str(), false),
    };
    let parts: Vec<Option<u8>> = clock.split(':').map(small_number).collect();
    let hours = if twelve_hour { 1..=12 } else { 0..=23 };
    match parts.as_slice() {
        [Some(h), Some(m)] => hours.contains(h) && *m < 60,
        [Some(h), Some(m), Some(s)] => hours.contains(h) && *m < 60 && *s < 60,
        _ => false,
    }
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// One or two digits.
fn small_number(text: &str) -> Option<u8> {
    if text.len() > 2 {
        return None;
    }
    digits(text).and_then(|n| u8::try_from(n).ok())
}

/// Two digits (20xx) or four.
fn year_number(text: &str) -> Option<i32> {
    let n = i32::try_from(digits(text)?).ok()?;
    match text.len() {
        2 => Some(2000 + n),
        4 => Some(n),
        _ => None,
    }
}

/// Where each known column sits in the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Columns {
    first_name: usize,
    last_name: usize,
    url: Option<usize>,
    email: Option<usize>,
    company: Option<usize>,
    position: Option<usize>,
    connected_on: usize,
}

/// The header line found.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Header {
    /// Its 1-based line in the file.
    line: usize,
    /// Its byte offset in the text (after any BOM).
    offset: usize,
    columns: Columns,
    /// Its names, normalised: to recognise the header repeated below itself.
    names: Vec<String>,
}

/// Finds the header among the first lines, whatever the preamble above it
/// holds: `Notes:`, a quoted paragraph with commas, blank lines, or the same
/// padded with commas by a spreadsheet. The header is always one physical
/// line, so lines are looked at one by one, which an unbalanced quote in a
/// note cannot derail.
fn find_header(text: &str) -> Option<Header> {
    let mut offset = 0;
    for (index, line) in text
        .split_inclusive('\n')
        .take(HEADER_SEARCH_LINES)
        .enumerate()
    {
        if let Some((columns, names)) = header_columns(line.trim_end_matches(['\r', '\n'])) {
            return Some(Header {
                line: index + 1,
                offset,
                columns,
                names,
            });
        }
        offset += line.len();
    }
    None
}

fn normalise_header_name(name: &str) -> String {
    clean_text(name, NAME_MAX_CHARS).to_lowercase()
}

fn header_columns(line: &str) -> Option<(Columns, Vec<String>)> {
    let lower = line.to_lowercase();
    if !lower.contains("first") || !lower.contains("connected") {
        return None;
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    let record = reader.records().next()?.ok()?;
    let names: Vec<String> = record.iter().map(normalise_header_name).collect();
    let find = |want: &str| names.iter().position(|n| n == want);
    let columns = Columns {
        first_name: find("first name")?,
        last_name: find("last name")?,
        url: find("url"),
        email: find("email address"),
        company: find("company"),
        position: find("position"),
        connected_on: find("connected on")?,
    };
    Some((columns, names))
}

/// The record read last, for the checks that need the end of the file.
struct LastRecord {
    start: usize,
    line: usize,
    fields: usize,
    is_header: bool,
}

/// Reads every record from the header on. `data` starts at the header line.
fn read_rows(data: &str, header: &Header) -> Result<ExportFile, ImportError> {
    let width = header.names.len();
    let mut file = ExportFile {
        has_url_column: header.columns.url.is_some(),
        ..ExportFile::default()
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut last: Option<LastRecord> = None;
    let mut earlier_rows_complete = true;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(malformed(&e, header.line)),
        }
        let (start, line) = record_start(&record, data, header.line);
        if let Some(previous) = last.take() {
            if !previous.is_header {
                earlier_rows_complete &= previous.fields >= width;
            }
        }
        let is_header = start == 0;
        last = Some(LastRecord {
            start,
            line,
            fields: record.len(),
            is_header,
        });
        if is_header {
            continue;
        }
        file.total_rows += 1;
        if file.total_rows > MAX_DATA_ROWS {
            return Err(ImportError::TooManyRows);
        }
        read_row(&record, line, header, &mut file);
    }
    if let Some(last) = last {
        let cut_mid_field = ends_inside_quotes(&data[last.start..]);
        let ends_with_newline = data.ends_with(['\n', '\r']);
        let cut_mid_row =
            !last.is_header && last.fields < width && !ends_with_newline && earlier_rows_complete;
        if cut_mid_field || cut_mid_row {
            return Err(ImportError::Truncated { line: last.line });
        }
    }
    Ok(file)
}

/// The byte offset (in `data`) and the 1-based file line where a record
/// starts. The reader's position is where it began reading the record, which
/// is before any blank lines it skipped on the way, so those are stepped over.
fn record_start(record: &csv::StringRecord, data: &str, header_line: usize) -> (usize, usize) {
    let (byte, line) = record
        .position()
        .map_or((0, 1), |p| (p.byte() as usize, p.line() as usize));
    let rest = data.as_bytes().get(byte..).unwrap_or_default();
    let blank = rest
        .iter()
        .position(|b| !matches!(b, b'\r' | b'\n'))
        .unwrap_or(rest.len());
    let skipped_lines = memchr::memchr_iter(b'\n', &rest[..blank]).count();
    (byte + blank, header_line - 1 + line + skipped_lines)
}

/// Whether the record starting `text` is still inside a quoted field when the
/// text ends. The csv reader accepts an unclosed quote at the end of input
/// and hands back everything after it as one field, so this retraces its RFC
/// 4180 states over the last record alone.
fn ends_inside_quotes(text: &str) -> bool {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    for byte in text.bytes() {
        state = match (state, byte) {
            (State::FieldStart | State::Unquoted | State::QuoteInQuoted, b'\r' | b'\n') => {
                return false
            }
            (State::FieldStart | State::Unquoted | State::QuoteInQuoted, b',') => State::FieldStart,
            (State::FieldStart, b'"') | (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::FieldStart | State::Unquoted | State::QuoteInQuoted, _) => State::Unquoted,
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
        };
    }
    state == State::Quoted
}

fn malformed(error: &csv::Error, header_line: usize) -> ImportError {
    let line = error
        .position()
        .map_or(header_line, |p| header_line - 1 + p.line() as usize);
    let detail = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "a field is not UTF-8 text".to_string(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("the row has {len} fields where earlier ones have {expected_len}"),
        _ => "the text could not be read as comma-separated values".to_string(),
    };
    ImportError::Malformed { line, detail }
}

/// [`clean_text`], without its allocations for the common field that is
/// already clean: single spaces between words, no control or zero-width
/// characters, within `max_chars`. Such text is exactly what `clean_text`
/// would return, so only the others pay for it (`clean_text` was the largest
/// single cost of reading a 30,000-row export).
fn clean_field(text: &str, max_chars: usize) -> String {
    if text.is_ascii() {
        let bytes = text.as_bytes();
        let clean = bytes.len() <= max_chars
            && bytes.first() != Some(&b' ')
            && bytes.last() != Some(&b' ')
            && bytes.iter().all(|b| (b' '..=b'~').contains(b))
            && !bytes.windows(2).any(|pair| pair == b"  ");
        return if clean {
            text.to_string()
        } else {
            clean_text(text, max_chars)
        };
    }
    let mut after_space = true;
    let mut count = 0usize;
    for c in text.chars() {
        count += 1;
        let clean = if c == ' ' {
            !after_space
        } else {
            !(c.is_whitespace() || c.is_control() || matches!(c, '\u{200b}' | '\u{feff}'))
        };
        if !clean || count > max_chars {
            return clean_text(text, max_chars);
        }
        after_space = c == ' ';
    }
    if after_space && count > 0 {
        return clean_text(text, max_chars);
    }
    text.to_string()
}

/// Whether a row is the header again, as when two exports are pasted
/// together. Compared without allocating: this runs on every row.
fn repeats_header(record: &csv::StringRecord, header: &Header) -> bool {
    record.len() == header.names.len()
        && record
            .iter()
            .zip(&header.names)
            .all(|(field, name)| field.trim().eq_ignore_ascii_case(name))
}

/// Reads one data row into `file`: a row, a skipped row, and perhaps a note.
fn read_row(record: &csv::StringRecord, line: usize, header: &Header, file: &mut ExportFile) {
    let columns = &header.columns;
    let width = header.names.len();
    let field = |index: Option<usize>| index.and_then(|i| record.get(i)).unwrap_or("");
    let mut skip = |reason: String| file.skipped.push(SkippedRow { line, reason });

    if repeats_header(record, header) {
        // Two exports pasted together repeat the header; without this, a
        // 2018 file would gain a person called "First Name Last Name".
        skip("it repeats the header line".to_string());
        return;
    }
    if record.len() > width && record.iter().skip(width).any(|f| !f.trim().is_empty()) {
        // Text past the last column means a comma lost its quotes, so every
        // column after it may be shifted: wrong data is worse than none.
        skip(format!(
            "it has {} fields where the header has {width}: a comma in it may have lost its quotes",
            record.len()
        ));
        return;
    }

    let first_name = clean_field(field(Some(columns.first_name)), NAME_MAX_CHARS);
    let last_name = clean_field(field(Some(columns.last_name)), NAME_MAX_CHARS);
    let name = match (first_name.is_empty(), last_name.is_empty()) {
        (_, true) => first_name.clone(),
        (true, false) => last_name.clone(),
        (false, false) => {
            // Both halves are clean, so joined by one space the name is clean
            // too, unless it runs past the cap.
            let mut joined = String::with_capacity(first_name.len() + 1 + last_name.len());
            joined.push_str(&first_name);
            joined.push(' ');
            joined.push_str(&last_name);
            if joined.chars().count() > NAME_MAX_CHARS {
                joined = clean_text(&joined, NAME_MAX_CHARS);
            }
            joined
        }
    };
    if name.is_empty() {
        // LinkedIn writes members who have left (or hidden themselves) as a
        // row with only the date.
        skip("it has no first or last name".to_string());
        return;
    }
    let url = field(columns.url).trim();
    let slug = if url.is_empty() {
        None
    } else {
        match slug_from_profile_url(url) {
            Ok(slug) => Some(slug),
            Err(e) => {
                skip(e.to_string());
                return;
            }
        }
    };
    let text = |index: Option<usize>| {
        let cleaned = clean_field(field(index), TEXT_MAX_CHARS);
        (!cleaned.is_empty()).then_some(cleaned)
    };
    let date_text = text(Some(columns.connected_on));
    let connected_on = date_text.as_deref().and_then(parse_export_date);
    if let (Some(shown), None) = (&date_text, connected_on) {
        let shown: String = shown.chars().take(40).collect();
        file.notes.push(RowNote {
            line,
            note: format!("the date {shown:?} was not understood; the row is kept without a date"),
        });
    }
    if record.len() < width {
        file.notes.push(RowNote {
            line,
            note: format!(
                "it has {} of the header's {width} fields; the missing ones are read as empty",
                record.len()
            ),
        });
    }
    file.rows.push(ExportRow {
        line,
        first_name,
        last_name,
        name,
        slug,
        email: text(columns.email),
        company: text(columns.company),
        position: text(columns.position),
        connected_on,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

    fn read(text: &str) -> ExportFile {
        read_connections_csv(text.as_bytes()).unwrap()
    }

    fn date(y: i32, m: u8, d: u8) -> Option<CivilDate> {
        CivilDate::new(y, m, d)
    }

    #[test]
    fn every_date_style_linkedin_and_spreadsheets_write() {
        assert_eq!(parse_export_date("30 May 2024"), date(2024, 5, 30));
        assert_eq!(parse_export_date("05 Feb 2026"), date(2026, 2, 5));
        assert_eq!(parse_export_date("30 September 2019"), date(2019, 9, 30));
        assert_eq!(parse_export_date("May 30, 2024"), date(2024, 5, 30));
        assert_eq!(parse_export_date("1/8/18, 6:14 PM"), date(2018, 1, 8));
        assert_eq!(parse_export_date("12/31/17 18:02"), date(2017, 12, 31));
        assert_eq!(parse_export_date("1/8/2018"), date(2018, 1, 8));
        assert_eq!(parse_export_date("6-Feb-26"), date(2026, 2, 6));
        assert_eq!(parse_export_date("06-feb-2026"), date(2026, 2, 6));
        assert_eq!(parse_export_date("2024-05-30"), date(2024, 5, 30));
        assert_eq!(parse_export_date("2024-05-30T10:00:00Z"), date(2024, 5, 30));
        assert_eq!(parse_export_date("  29 Feb 2024 "), date(2024, 2, 29));
    }

    #[test]
    fn dates_that_are_not_real_days_or_not_dates_are_refused() {
        for bad in [
            "",
            "30 Feb 2024",
            "13/1/18",
            "1/8/18, 25:00",
            "1/8/18, lunch",
            "1/8/1",
            "30 May 24",
            "30 Mai 2024",
            "31-Apr-24",
            "2024-13-01",
            "1 Jan 1999",
            "1/1/02",
            "Connected On",
            "-1-Jan-24",
            "30 May 2024 extra",
            "=NOW()",
            "2024-05-3",
            "2024-5-30",
        ] {
            assert_eq!(parse_export_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn clock_times_are_validated() {
        for good in ["6:14 PM", "18:14", "6:14:09 am", "12:00AM"] {
            assert!(is_clock_time(good), "{good}");
        }
        for bad in ["13:00 PM", "0:10 AM", "6", "6:60", "6:14 XM", "::"] {
            assert!(!is_clock_time(bad), "{bad}");
        }
    }

    #[test]
    fn header_is_found_in_any_case_order_and_padding() {
        let header =
            find_header("Notes:\n\n  connected on , POSITION,first name,Last  Name,Extra,url\nx\n")
                .unwrap();
        assert_eq!(header.line, 3);
        assert_eq!(header.offset, 8);
        assert_eq!(
            header.columns,
            Columns {
                first_name: 2,
                last_name: 3,
                url: Some(5),
                email: None,
                company: None,
                position: Some(1),
                connected_on: 0,
            }
        );
    }

    #[test]
    fn header_lower_than_the_search_window_is_not_found() {
        let text = format!("{}{HEADER}\n", "Notes:\n".repeat(HEADER_SEARCH_LINES));
        assert_eq!(
            read_connections_csv(text.as_bytes()),
            Err(ImportError::NotLinkedIn)
        );
        let text = format!("{}{HEADER}\n", "Notes:\n".repeat(HEADER_SEARCH_LINES - 1));
        assert!(read_connections_csv(text.as_bytes()).is_ok());
    }

    #[test]
    fn record_lines_step_over_blank_lines_and_crlf() {
        let file = read(&format!(
            "{HEADER}\r\n\r\nA,B,,,,,1 Jan 2020\r\n\r\n\r\nC,D,,,,,\"1/8/18,\r\n 6:14 PM\"\r\nE,F,,,,,"
        ));
        let lines: Vec<usize> = file.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![3, 6, 8]);
        assert_eq!(file.rows[1].connected_on, date(2018, 1, 8));
    }

    #[test]
    fn quote_states_follow_the_csv_reader() {
        assert!(!ends_inside_quotes("a,b,c"));
        assert!(!ends_inside_quotes("a,\"b,c\",d\n"));
        assert!(ends_inside_quotes("a,\"b,c"));
        assert!(ends_inside_quotes("a,\"b\"\",c"));
        assert!(!ends_inside_quotes("a,\"b\"\"\",c"));
        assert!(!ends_inside_quotes("a,b\"c,d"));
        assert!(ends_inside_quotes("a,\"multi\nline"));
        assert!(!ends_inside_quotes("a,\"b\"x,c"));
    }

    #[test]
    fn csv_errors_become_a_sentence_with_the_file_line() {
        // The import reader is flexible, so build the one error the crate
        // still raises on well-formed UTF-8 from a strict reader.
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader("a,b\nc,d\ne\n".as_bytes());
        let error = reader.records().find_map(Result::err).unwrap();
        let message = malformed(&error, 4).to_string();
        assert!(message.contains("at line 6"), "{message}");
        assert!(
            message.contains("1 fields where earlier ones have 2"),
            "{message}"
        );
    }

    #[test]
    fn rows_longer_than_the_header_are_skipped_unless_the_extra_is_empty() {
        let file = read(&format!(
            "{HEADER}\nA,B,,,Acme, Inc,CEO,1 Jan 2020\nC,D,,,Acme,CEO,1 Jan 2020,,\n"
        ));
        assert_eq!(file.rows.len(), 1);
        assert_eq!(file.rows[0].name, "C D");
        assert_eq!(file.skipped[0].line, 2);
        assert!(file.skipped[0].reason.contains("8 fields"));
    }

    #[test]
    fn short_rows_in_the_middle_are_read_with_a_note() {
        let file = read(&format!("{HEADER}\nA,B,,,Acme\nC,D,,,,,1 Jan 2020\n"));
        assert_eq!(file.rows.len(), 2);
        assert_eq!(file.rows[0].company.as_deref(), Some("Acme"));
        assert_eq!(file.rows[0].connected_on, None);
        assert_eq!(file.notes.len(), 1);
        assert_eq!(file.notes[0].line, 2);
    }

    #[test]
    fn repeated_header_is_skipped() {
        let file = read(&format!("{HEADER}\nA,B,,,,,1 Jan 2020\n{HEADER}\n"));
        assert_eq!(file.rows.len(), 1);
        assert_eq!(file.total_rows, 2);
        assert_eq!(
            file.skipped,
            vec![SkippedRow {
                line: 3,
                reason: "it repeats the header line".into()
            }]
        );
    }

    #[test]
    fn a_header_alone_is_an_export_with_no_connections() {
        let file = read(HEADER);
        assert_eq!(file.total_rows, 0);
        assert!(file.rows.is_empty() && file.skipped.is_empty());
    }

    #[test]
    fn an_unclosed_quote_in_the_header_line_is_truncation() {
        let text = "First Name,Last Name,Connected On,\"oops\nA,B,1 Jan 2020\n";
        assert_eq!(
            read_connections_csv(text.as_bytes()),
            Err(ImportError::Truncated { line: 1 })
        );
    }

    #[test]
    fn unreadable_dates_keep_the_row_with_a_note() {
        let file = read(&format!("{HEADER}\nA,B,,,,,sometime in 2019\n"));
        assert_eq!(file.rows[0].connected_on, None);
        assert_eq!(file.notes[0].line, 2);
        assert!(file.notes[0].note.contains("\"sometime in 2019\""));
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

    #[test]
    fn clean_field_agrees_with_clean_text_on_edge_cases() {
        for text in [
            "",
            " ",
            "a",
            "a ",
            " a",
            "a  b",
            "a b",
            "a\tb",
            "a\u{a0}b",
            "a\u{200b}",
            "\u{feff}a",
            "x\u{0}y",
            "abc",
            "abcd",
            "ab c",
            "ab \u{200b}",
        ] {
            assert_eq!(clean_field(text, 3), clean_text(text, 3), "{text:?}");
            assert_eq!(clean_field(text, 300), clean_text(text, 300), "{text:?}");
        }
    }

    #[test]
    fn repeated_header_with_odd_case_and_padding_is_recognised() {
        let file = read(&format!("{HEADER}\nA,B,,,,,\n first name,LAST NAME ,url,email address,company,position,connected on\n"));
        assert_eq!(file.rows.len(), 1);
        assert_eq!(file.skipped[0].line, 3);
    }

    proptest! {
        #[test]
        fn clean_field_is_clean_text(text in "(\\PC|[ \t\u{a0}\u{200b}\u{feff}\r\n]){0,20}", max in 0usize..24) {
            prop_assert_eq!(clean_field(&text, max), clean_text(&text, max));
        }

        #[test]
        fn date_parsing_never_panics(text in "\\PC{0,30}") {
            let _ = parse_export_date(&text);
        }

        #[test]
        fn every_style_reads_back_the_same_day(days in 12_054i64..47_482) {
            // 2003-01-01 to 2099-12-31.
            let d = CivilDate::from_days(days);
            const MON: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            let mon = MON[usize::from(d.month) - 1];
            let yy = d.year % 100;
            for text in [
                format!("{:02} {mon} {}", d.day, d.year),
                format!("{}/{}/{yy:02}, 6:14 PM", d.month, d.day),
                format!("{}-{mon}-{yy:02}", d.day),
                d.to_string(),
            ] {
                prop_assert_eq!(parse_export_date(&text), Some(d), "{}", text);
            }
        }
    }
}
