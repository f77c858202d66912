//! Finding the export's header line below its `Notes:` preamble, and where
//! each known column sits in it (any case, order or padding).

use super::*;

/// Where each known column sits in the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Columns {
    pub(super) first_name: usize,
    pub(super) last_name: usize,
    pub(super) url: Option<usize>,
    pub(super) email: Option<usize>,
    pub(super) company: Option<usize>,
    pub(super) position: Option<usize>,
    pub(super) connected_on: usize,
}

/// The header line found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Header {
    /// Its 1-based line in the file.
    pub(super) line: usize,
    /// Its byte offset in the text (after any BOM).
    pub(super) offset: usize,
    pub(super) columns: Columns,
    /// Its names, normalised: to recognise the header repeated below itself.
    pub(super) names: Vec<String>,
}

/// Finds the header among the first lines, whatever the preamble above it
/// holds: `Notes:`, a quoted paragraph with commas, blank lines, or the same
/// padded with commas by a spreadsheet. The header is always one physical
/// line, so lines are looked at one by one, which an unbalanced quote in a
/// note cannot derail.
pub(super) fn find_header(text: &str) -> Option<Header> {
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

pub(super) fn normalise_header_name(name: &str) -> String {
    clean_text(name, NAME_MAX_CHARS).to_lowercase()
}

pub(super) fn header_columns(line: &str) -> Option<(Columns, Vec<String>)> {
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

#[cfg(test)]
mod tests {
    use super::super::tests::{read, HEADER};
    use super::*;

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
    fn repeated_header_with_odd_case_and_padding_is_recognised() {
        let file = read(&format!("{HEADER}\nA,B,,,,,\n first name,LAST NAME ,url,email address,company,position,connected on\n"));
        assert_eq!(file.rows.len(), 1);
        assert_eq!(file.skipped[0].line, 3);
    }

    #[test]
    fn an_unclosed_quote_in_the_header_line_is_truncation() {
        let text = "First Name,Last Name,Connected On,\"oops\nA,B,1 Jan 2020\n";
        assert_eq!(
            read_connections_csv(text.as_bytes()),
            Err(ImportError::Truncated { line: 1 })
        );
    }
}
