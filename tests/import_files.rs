//! LinkedIn's Connections.csv export through the public API: every variant
//! the export has shipped in (fixtures under `tests/fixtures/csv/`), and
//! files that must be refused whole.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/export.rs"]
mod export;

use export::*;

#[test]
fn notes_preamble_is_skipped_by_finding_the_header() {
    let file = read(NOTES_2024);
    assert!(file.has_url_column);
    assert_eq!(file.total_rows, 11);
    assert_eq!(
        names(&file),
        vec![
            "Priya Nayak, MSc, MBA",
            "José García",
            "Robert \"Bob\" Smith",
            "伟 王",
            "Anna Müller",
            "Chris O'Brien",
            "Dana White",
            "Eve Adams",
            "Frank Ocean",
        ]
    );
    assert_eq!(lines(&file), vec![5, 6, 7, 9, 10, 12, 13, 14, 16]);
    assert_eq!(skipped_lines(&file), vec![8, 11]);
    assert!(file.notes.is_empty(), "{:?}", file.notes);
    assert_eq!(
        file.rows[0],
        ExportRow {
            line: 5,
            first_name: "Priya".into(),
            last_name: "Nayak, MSc, MBA".into(),
            name: "Priya Nayak, MSc, MBA".into(),
            slug: some("priya-nayak-msc"),
            email: None,
            company: some("Acme Analytics, Ltd."),
            position: some("Head of Data"),
            connected_on: date(2024, 5, 30),
        }
    );
    assert_eq!(
        file.rows[1],
        ExportRow {
            line: 6,
            first_name: "José".into(),
            last_name: "García".into(),
            name: "José García".into(),
            slug: some("josé-garcía-4b1a2c"),
            email: some("jose.garcia@example.com"),
            company: some("Telefónica"),
            position: some("Ingeniero de Software"),
            connected_on: date(2024, 3, 12),
        }
    );
    // A row with no date at all is kept; there is nothing to note.
    assert_eq!(file.rows[6].connected_on, None);
    assert_eq!(file.rows[6].company, None);
}

#[test]
fn export_from_2018_without_url_column_reads() {
    let file = read(EXPORT_2018);
    assert!(!file.has_url_column);
    assert_eq!(file.total_rows, 5);
    assert_eq!(
        names(&file),
        vec!["Maria Silva", "Tom Baker", "Ken Watanabe", "Lisa Ray"]
    );
    assert!(file.rows.iter().all(|r| r.slug.is_none()));
    assert_eq!(
        file.rows[0],
        ExportRow {
            line: 2,
            first_name: "Maria".into(),
            last_name: "Silva".into(),
            name: "Maria Silva".into(),
            slug: None,
            email: some("maria.silva@example.com"),
            company: some("Banco, S.A."),
            position: some("Analyst"),
            connected_on: date(2018, 1, 8),
        }
    );
    assert_eq!(file.rows[1].position, some("VP, Engineering"));
    assert_eq!(file.rows[1].connected_on, date(2017, 12, 24));
    assert_eq!(file.rows[2].company, some("ソニー"));
    assert_eq!(file.rows[3].last_name, "Ray");
    assert_eq!(file.rows[3].connected_on, date(2015, 3, 15));
    assert_eq!(skipped_lines(&file), vec![4]);
}

#[test]
fn quoted_commas_and_doubled_quotes() {
    let file = read(NOTES_2024);
    let bob = &file.rows[2];
    assert_eq!(bob.last_name, "\"Bob\" Smith");
    assert_eq!(bob.position, some("Recruiter, EMEA"));
    assert_eq!(file.rows[0].last_name, "Nayak, MSc, MBA");
    assert_eq!(
        file.rows[5].position,
        some("Director, Sales & Partnerships")
    );
    // A quoted field may span lines; the row's line is where it starts.
    let eve = &file.rows[7];
    assert_eq!(
        (eve.line, eve.position.as_deref()),
        (14, Some("Founder Advisor"))
    );
    assert_eq!(file.rows[8].line, 16);

    let file = read_text(&format!(
        "{HEADER}\n\"Ann\",\"\"\"The Boss\"\", Lee\",,\"a@b.c\",\"\",\"\"\"\"\"\",\"30 May 2024\"\n"
    ));
    let ann = &file.rows[0];
    assert_eq!(ann.last_name, "\"The Boss\", Lee");
    assert_eq!(ann.email, some("a@b.c"));
    assert_eq!(ann.company, None);
    assert_eq!(ann.position, some("\"\""));
    assert_eq!(ann.connected_on, date(2024, 5, 30));
}

#[test]
fn bom_and_crlf() {
    let file = read(RESAVED);
    assert!(RESAVED.starts_with(b"\xEF\xBB\xBF") && RESAVED.windows(2).any(|w| w == b"\r\n"));
    assert_eq!(
        names(&file),
        vec!["Priya Nayak, MSc, MBA", "Robert \"Bob\" Smith", "Owen Park"]
    );
    assert_eq!(lines(&file), vec![5, 6, 8]);
    assert_eq!(skipped_lines(&file), vec![7]);
    assert_eq!(file.rows[2].connected_on, date(2026, 2, 6));
    assert_eq!(file.rows[2].position, some("CTO"));
    // No "\r" survives in the last field of a CRLF line.
    assert_eq!(file.rows[0].connected_on, date(2024, 5, 30));

    // The same rows with a BOM and CRLF, LF, or neither, read alike.
    let body = format!("{HEADER}\nA,B,https://www.linkedin.com/in/a-b,,,,30 May 2024\nC,D,,,,,\n");
    let plain = read_text(&body);
    for variant in [
        format!("\u{feff}{body}"),
        body.replace('\n', "\r\n"),
        format!("\u{feff}{}", body.replace('\n', "\r\n")),
    ] {
        assert_eq!(read_text(&variant), plain, "{variant:?}");
    }
}

#[test]
fn a_trailing_newline_or_none_reads_the_same() {
    let body = format!("{NOTES_PREAMBLE}{HEADER}\nA,B,,,,,30 May 2024\nC,D,,,Acme,CEO,1 Jun 2024");
    let without = read_text(&body);
    assert_eq!(without.rows.len(), 2);
    assert_eq!(read_text(&format!("{body}\n")), without);
    assert_eq!(read_text(&format!("{body}\r\n")), without);
    assert_eq!(read_text(&format!("{body}\n\n\n")), without);
}

#[test]
fn truncated_file_is_refused_with_the_line() {
    let error = read_connections_csv(TRUNCATED).unwrap_err();
    assert_eq!(error, ImportError::Truncated { line: 7 });
    assert!(error
        .to_string()
        .contains("the file looks truncated at line 7"));

    // The last row cut short between fields, after complete rows.
    let cut = format!("{HEADER}\nA,B,,,,,30 May 2024\nC,D,,,,,1 Jun 2024\nE,Fis");
    assert_eq!(
        read_connections_csv(cut.as_bytes()),
        Err(ImportError::Truncated { line: 4 })
    );
    // Cut inside a multi-line quoted field: the row's first line is named.
    let cut = format!("{HEADER}\nA,B,,,,,30 May 2024\nC,D,,,,\"Founder\nAdvisor");
    assert_eq!(
        read_connections_csv(cut.as_bytes()),
        Err(ImportError::Truncated { line: 3 })
    );
    // Cut in the middle of a two-byte character.
    let cut = format!("{HEADER}\nA,B,,,,,30 May 2024\nJos\u{e9}");
    let bytes = &cut.as_bytes()[..cut.len() - 1];
    assert_eq!(
        read_connections_csv(bytes),
        Err(ImportError::Truncated { line: 3 })
    );
}

#[test]
fn a_short_last_row_that_ends_its_line_is_read_not_refused() {
    // It ends with a newline, so the download finished; the row is ragged.
    let file = read_text(&format!("{HEADER}\nA,B,,,,,30 May 2024\nC,D\n"));
    assert_eq!(names(&file), vec!["A B", "C D"]);
    assert_eq!(file.notes.len(), 1);
    assert_eq!(file.notes[0].line, 3);
}

#[test]
fn not_utf8_is_refused() {
    let offset = LATIN1.iter().position(|&b| b == 0xE9).unwrap();
    let error = read_connections_csv(LATIN1).unwrap_err();
    assert_eq!(
        error,
        ImportError::NotUtf8 {
            byte_offset: offset,
            line: 3
        }
    );
    let message = error.to_string();
    assert!(
        message.contains(&format!("byte {offset}, line 3")),
        "{message}"
    );
    assert!(message.contains("not UTF-8"), "{message}");

    // A spreadsheet's "Unicode text" (UTF-16 with its byte order mark).
    let utf16: Vec<u8> = std::iter::once(0xFEFF_u16)
        .chain(HEADER.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(
        read_connections_csv(&utf16),
        Err(ImportError::NotUtf8 {
            byte_offset: 0,
            line: 1
        })
    );
}

#[test]
fn a_spreadsheet_is_not_a_linkedin_export() {
    // Outlook's contacts: First Name and Last Name, but no Connected On.
    let error = read_connections_csv(NOT_LINKEDIN).unwrap_err();
    assert_eq!(error, ImportError::NotLinkedIn);
    assert!(error.to_string().starts_with(
        "this is not LinkedIn's Connections.csv: no header with First Name, Last Name and Connected On"
    ));
    for other in [
        // LinkedIn's own Invitations.csv, from the same archive.
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\nAnn,Bob,\"3/2/24, 9:00 AM\",,OUTGOING,,\n",
        "Date,Description,Amount\n2024-05-30,Coffee,-3.20\n",
        "just some text\n",
        "First Name,Last Name\nAnn,Lee\n",
    ] {
        assert_eq!(
            read_connections_csv(other.as_bytes()),
            Err(ImportError::NotLinkedIn),
            "{other}"
        );
    }
}

#[test]
fn empty_file_is_refused() {
    for empty in [&b""[..], b"\xEF\xBB\xBF", b"\r\n\n  \n"] {
        assert_eq!(read_connections_csv(empty), Err(ImportError::Empty));
    }
    assert!(ImportError::Empty.to_string().contains("the file is empty"));
}

#[test]
fn all_three_date_styles() {
    let file = read_text(&format!(
        "{HEADER}\n\
         A,B,,,,,30 May 2024\n\
         C,D,,,,,\"1/8/18, 6:14 PM\"\n\
         E,F,,,,,6-Feb-26\n\
         G,H,,,,,2024-05-30\n\
         I,J,,,,,29 Feb 2023\n\
         K,L,,,,,\n"
    ));
    let dates: Vec<Option<CivilDate>> = file.rows.iter().map(|r| r.connected_on).collect();
    assert_eq!(
        dates,
        vec![
            date(2024, 5, 30),
            date(2018, 1, 8),
            date(2026, 2, 6),
            date(2024, 5, 30),
            None,
            None
        ]
    );
    // An unreadable date keeps the row and says why; an empty one says nothing.
    assert_eq!(
        file.notes,
        vec![RowNote {
            line: 6,
            note: "the date \"29 Feb 2023\" was not understood; the row is kept without a date"
                .into()
        }]
    );
    assert!(file.skipped.is_empty());
}

#[test]
fn empty_rows_are_skipped_with_line_numbers() {
    let file = read_text(&format!(
        "{NOTES_PREAMBLE}{HEADER}\n\
         ,,,,,,30 May 2024\n\
         A,B,,,,,30 May 2024\n\
         ,,,,,,\n\
         \n\
         \u{200b} , ,,,Acme,,1 Jun 2024\n\
         ,Solo,,,,,1 Jun 2024\n"
    ));
    assert_eq!(file.total_rows, 5);
    assert_eq!(names(&file), vec!["A B", "Solo"]);
    assert_eq!(lines(&file), vec![6, 10]);
    assert_eq!(
        file.skipped,
        vec![
            SkippedRow {
                line: 5,
                reason: "it has no first or last name".into()
            },
            SkippedRow {
                line: 7,
                reason: "it has no first or last name".into()
            },
            SkippedRow {
                line: 9,
                reason: "it has no first or last name".into()
            },
        ]
    );
    assert_eq!(file.rows[1].first_name, "");
}

#[test]
fn percent_encoded_urls_give_decoded_slugs() {
    let file = read_text(&format!(
        "{HEADER}\n\
         A,B,https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa-4b1a2c,,,,\n\
         C,D,https://www.linkedin.com/in/%E7%8E%8B%E4%BC%9F-a1b2c3/,,,,\n\
         E,F,  https://www.linkedin.com/in/Anna-M%C3%BCller  ,,,,\n\
         G,H,http://linkedin.com/in/plain-slug?trk=x,,,,\n\
         I,J,,,,,\n"
    ));
    let slugs: Vec<Option<&str>> = file.rows.iter().map(|r| r.slug.as_deref()).collect();
    assert_eq!(
        slugs,
        vec![
            Some("josé-garcía-4b1a2c"),
            Some("王伟-a1b2c3"),
            Some("anna-müller"),
            Some("plain-slug"),
            None
        ]
    );
    assert_eq!(read(NOTES_2024).rows[3].slug, some("王伟-a1b2c3"));
}

#[test]
fn urls_that_are_not_profiles_skip_the_row_with_the_reason() {
    let file = read_text(&format!(
        "{HEADER}\n\
         A,B,https://www.linkedin.com/company/acme-corp,,,,\n\
         C,D,https://evil.example/in/c-d,,,,\n\
         E,F,https://www.linkedin.com/in/%FF,,,,\n\
         G,H,https://www.linkedin.com/in/g-h,,,,\n"
    ));
    assert_eq!(names(&file), vec!["G H"]);
    assert_eq!(skipped_lines(&file), vec![2, 3, 4]);
    assert_eq!(
        file.skipped[0].reason,
        "profile link \"https://www.linkedin.com/company/acme-corp\" not understood: \
         it is not an /in/<name>/ profile link"
    );
    assert!(file.skipped[1].reason.contains("not a linkedin.com link"));
    assert!(file.skipped[2].reason.contains("percent-encoding"));
}

#[test]
fn formulas_are_kept_as_text() {
    let file = read(NOTES_2024);
    assert_eq!(file.rows[2].company, some("=HYPERLINK(\"http://x\",\"y\")"));
    let file = read_text(&format!(
        "{HEADER}\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",+SUM(A1),,@me,-2+3,=cmd|' /C calc'!A0,30 May 2024\n"
    ));
    let row = &file.rows[0];
    assert_eq!(row.first_name, "=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(row.last_name, "+SUM(A1)");
    assert_eq!(row.email, some("@me"));
    assert_eq!(row.company, some("-2+3"));
    assert_eq!(row.position, some("=cmd|' /C calc'!A0"));
}

#[test]
fn fields_are_trimmed_cleaned_and_capped() {
    let long = "x".repeat(1000);
    let file = read_text(&format!(
        "{HEADER}\n  Ann  ,\"Lee \t\",,  a@b.c ,\"Acme\u{200b}\nLabs\",{long},  30 May 2024  \n{long},{long},,,{long},,\n"
    ));
    let ann = &file.rows[0];
    assert_eq!(
        (
            ann.first_name.as_str(),
            ann.last_name.as_str(),
            ann.name.as_str()
        ),
        ("Ann", "Lee", "Ann Lee")
    );
    assert_eq!(ann.email, some("a@b.c"));
    assert_eq!(ann.company, some("Acme Labs"));
    assert_eq!(ann.position.as_ref().map(|p| p.chars().count()), Some(600));
    assert_eq!(ann.connected_on, date(2024, 5, 30));
    let long_row = &file.rows[1];
    assert_eq!(long_row.first_name.chars().count(), 300);
    assert_eq!(long_row.name.chars().count(), 300);
    assert_eq!(long_row.company.as_ref().map(String::len), Some(600));
}

#[test]
fn header_in_any_case_order_with_extra_columns() {
    let file = read_text(
        "\u{feff}Notes:\n\n CONNECTED ON ,Position,\"first name\",Tags,last name,Url,email address,company\n\
         30 May 2024,CTO,Ann,vip,Lee,https://www.linkedin.com/in/ann-lee,ann@x.io,Acme\n",
    );
    assert!(file.has_url_column);
    assert_eq!(
        file.rows,
        vec![ExportRow {
            line: 4,
            first_name: "Ann".into(),
            last_name: "Lee".into(),
            name: "Ann Lee".into(),
            slug: some("ann-lee"),
            email: some("ann@x.io"),
            company: some("Acme"),
            position: some("CTO"),
            connected_on: date(2024, 5, 30),
        }]
    );
}

#[test]
fn refusals_read_as_sentences_a_member_can_act_on() {
    let too_large = ImportError::TooLarge { bytes: 60_000_000 }.to_string();
    assert!(
        too_large.contains("60.0 MB") && too_large.contains("50 MB"),
        "{too_large}"
    );
    for (bytes, shown) in [
        (50_000_001, "(50.0 MB;"),
        (50_949_999, "(50.9 MB;"),
        (50_950_000, "(51.0 MB;"),
        (123_456_789, "(123.5 MB;"),
    ] {
        let text = ImportError::TooLarge { bytes }.to_string();
        assert!(text.contains(shown), "{bytes}: {text}");
    }
    let too_many = ImportError::TooManyRows.to_string();
    assert!(too_many.contains(&MAX_DATA_ROWS.to_string()), "{too_many}");
    let malformed = ImportError::Malformed {
        line: 9,
        detail: "x".into(),
    }
    .to_string();
    assert_eq!(malformed, "the file is not valid CSV at line 9: x");
}

#[test]
fn the_report_serializes_for_javascript_in_camel_case() {
    let json = serde_json::to_value(read(NOTES_2024)).unwrap();
    assert_eq!(json["totalRows"], 11);
    assert_eq!(json["hasUrlColumn"], true);
    assert_eq!(json["skipped"][0]["line"], 8);
    assert_eq!(json["rows"][1]["lastName"], "García");
    assert_eq!(
        json["rows"][1]["connectedOn"],
        serde_json::json!({ "year": 2024, "month": 3, "day": 12 })
    );
}
