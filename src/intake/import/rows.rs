//! Reading the records below the header into rows: RFC 4180 quoting, rows
//! too long or short, a repeated header, and each row's fields cleaned,
//! skipped or noted with its line and a reason.

use super::header::Header;
use super::*;

/// The record read last, for the checks that need the end of the file.
pub(super) struct LastRecord {
    pub(super) start: usize,
    pub(super) line: usize,
    pub(super) fields: usize,
    pub(super) is_header: bool,
}

/// Reads every record from the header on. `data` starts at the header line.
pub(super) fn read_rows(data: &str, header: &Header) -> Result<ExportFile, ImportError> {
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
pub(super) fn record_start(
    record: &csv::StringRecord,
    data: &str,
    header_line: usize,
) -> (usize, usize) {
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
pub(super) fn ends_inside_quotes(text: &str) -> bool {
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

pub(super) fn malformed(error: &csv::Error, header_line: usize) -> ImportError {
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
pub(super) fn clean_field(text: &str, max_chars: usize) -> String {
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
pub(super) fn repeats_header(record: &csv::StringRecord, header: &Header) -> bool {
    record.len() == header.names.len()
        && record
            .iter()
            .zip(&header.names)
            .all(|(field, name)| field.trim().eq_ignore_ascii_case(name))
}

/// Reads one data row into `file`: a row, a skipped row, and perhaps a note.
pub(super) fn read_row(
    record: &csv::StringRecord,
    line: usize,
    header: &Header,
    file: &mut ExportFile,
) {
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
    use super::super::tests::{read, HEADER};
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u8, d: u8) -> Option<CivilDate> {
        CivilDate::new(y, m, d)
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
    fn unreadable_dates_keep_the_row_with_a_note() {
        let file = read(&format!("{HEADER}\nA,B,,,,,sometime in 2019\n"));
        assert_eq!(file.rows[0].connected_on, None);
        assert_eq!(file.notes[0].line, 2);
        assert!(file.notes[0].note.contains("\"sometime in 2019\""));
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

    proptest! {
        #[test]
        fn clean_field_is_clean_text(text in "(\\PC|[ \t\u{a0}\u{200b}\u{feff}\r\n]){0,20}", max in 0usize..24) {
            prop_assert_eq!(clean_field(&text, max), clean_text(&text, max));
        }
    }
}
