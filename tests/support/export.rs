//! What the export test files share: the fixture files under
//! `tests/fixtures/csv/`, and helpers that read an export and list what it
//! held. Included by `tests/import_*.rs` with `#[path]`.
#![allow(dead_code, unused_imports)]

pub use netprune::intake::import::{
    read_connections_csv, ExportFile, ExportRow, ImportError, RowNote, SkippedRow, MAX_DATA_ROWS,
};
pub use netprune::intake::reading::clean_text;
pub use netprune::network::calendar::CivilDate;
pub use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
pub use proptest::prelude::*;

pub const NOTES_2024: &[u8] = include_bytes!("../fixtures/csv/connections-2024-notes.csv");
pub const EXPORT_2018: &[u8] = include_bytes!("../fixtures/csv/connections-2018.csv");
pub const RESAVED: &[u8] = include_bytes!("../fixtures/csv/connections-resaved.csv");
pub const NOT_LINKEDIN: &[u8] = include_bytes!("../fixtures/csv/not-linkedin.csv");
pub const TRUNCATED: &[u8] = include_bytes!("../fixtures/csv/truncated.csv");
pub const LATIN1: &[u8] = include_bytes!("../fixtures/csv/latin1.csv");

pub const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
pub const NOTES_PREAMBLE: &str = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connected members who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\n";

pub fn read(bytes: &[u8]) -> ExportFile {
    read_connections_csv(bytes).unwrap()
}

pub fn read_text(text: &str) -> ExportFile {
    read(text.as_bytes())
}

pub fn date(y: i32, m: u8, d: u8) -> Option<CivilDate> {
    Some(CivilDate::new(y, m, d).unwrap())
}

pub fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

pub fn names(file: &ExportFile) -> Vec<&str> {
    file.rows.iter().map(|r| r.name.as_str()).collect()
}

pub fn lines(file: &ExportFile) -> Vec<usize> {
    file.rows.iter().map(|r| r.line).collect()
}

pub fn skipped_lines(file: &ExportFile) -> Vec<usize> {
    file.skipped.iter().map(|s| s.line).collect()
}
