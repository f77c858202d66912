//! Generated Connections.csv exports, written the way LinkedIn and
//! spreadsheets write them, read back field for field; and the time to read
//! 30,000 rows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/export.rs"]
mod export;

use export::*;

// ---------------------------------------------------------------- generated

/// One generated connection, as a person typed it (before cleaning).
#[derive(Clone, Debug)]
struct Person {
    first: String,
    last: String,
    slug: Option<String>,
    email: Option<String>,
    company: String,
    position: String,
    connected: Option<(CivilDate, usize)>,
}

const SLUG_SET: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-');
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date in each style LinkedIn or a spreadsheet writes.
fn date_text(d: CivilDate, style: usize) -> String {
    let mon = MONTHS[usize::from(d.month) - 1];
    let yy = d.year % 100;
    match style {
        0 => format!("{:02} {mon} {}", d.day, d.year),
        1 => format!(
            "{}/{}/{yy:02}, {}:{:02} PM",
            d.month,
            d.day,
            d.day % 12 + 1,
            d.month
        ),
        2 => format!("{}-{mon}-{yy:02}", d.day),
        _ => d.to_string(),
    }
}

/// Text as people type it into LinkedIn: commas, quotes, unicode, formulas,
/// stray spaces and the odd line break.
fn free_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-zÀ-ÿ' .-]{0,16}",
        "[a-z ,\"]{0,16}",
        "\\PC{0,12}",
        "[A-Z][a-z]{0,8}(, (MBA|PhD|CPA))?",
        Just("=HYPERLINK(\"http://x\",\"y\")".to_string()),
        Just("Line one\r\nline two".to_string()),
        Just("  padded  ".to_string()),
        Just("王伟 😀 مرحبا".to_string()),
    ]
}

fn person() -> impl Strategy<Value = Person> {
    (
        ("[A-Za-zÀÿ王]", free_text()).prop_map(|(a, b)| format!("{a}{b}")),
        free_text(),
        proptest::option::of("[A-Za-z0-9éüñ王-]{1,20}"),
        proptest::option::of("[a-z0-9.]{1,10}@[a-z]{1,8}\\.(com|de)"),
        free_text(),
        free_text(),
        proptest::option::of((12_054i64..47_482, 0usize..4)),
    )
        .prop_map(
            |(first, last, slug, email, company, position, connected)| Person {
                first,
                last,
                slug,
                email,
                company,
                position,
                connected: connected.map(|(days, style)| (CivilDate::from_days(days), style)),
            },
        )
}

/// How a generated file is laid out.
#[derive(Clone, Debug)]
struct Layout {
    bom: bool,
    crlf: bool,
    notes: bool,
    trailing_newline: bool,
    quote_every_field: bool,
    with_url: bool,
    column_order: Vec<usize>,
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        any::<[bool; 6]>(),
        Just((0..7).collect::<Vec<usize>>()).prop_shuffle(),
    )
        .prop_map(|(b, column_order)| Layout {
            bom: b[0],
            crlf: b[1],
            notes: b[2],
            trailing_newline: b[3],
            quote_every_field: b[4],
            with_url: b[5],
            column_order,
        })
}

fn csv_field(text: &str, always: bool) -> String {
    if always || text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Writes an export the way LinkedIn does, with the layout's variations, and
/// the 1-based line each person's row starts on.
fn write_export(people: &[Person], layout: &Layout) -> (String, Vec<usize>) {
    let names: Vec<&str> = HEADER.split(',').collect();
    let columns: Vec<usize> = layout
        .column_order
        .iter()
        .copied()
        .filter(|&c| layout.with_url || c != 2)
        .collect();
    let newline = if layout.crlf { "\r\n" } else { "\n" };
    let mut out = String::new();
    if layout.bom {
        out.push('\u{feff}');
    }
    if layout.notes {
        out.push_str(&NOTES_PREAMBLE.replace('\n', newline));
    }
    let header: Vec<&str> = columns.iter().map(|&c| names[c]).collect();
    out.push_str(&header.join(","));
    let mut lines = Vec::new();
    for p in people {
        out.push_str(newline);
        lines.push(1 + out.matches('\n').count());
        let url = p.slug.as_ref().map_or(String::new(), |s| {
            format!(
                "https://www.linkedin.com/in/{}/",
                utf8_percent_encode(s, SLUG_SET)
            )
        });
        let connected = p
            .connected
            .map_or(String::new(), |(d, style)| date_text(d, style));
        let fields: Vec<String> = columns
            .iter()
            .map(|&c| {
                let text = match c {
                    0 => &p.first,
                    1 => &p.last,
                    2 => &url,
                    3 => p.email.as_deref().unwrap_or(""),
                    4 => &p.company,
                    5 => &p.position,
                    _ => &connected,
                };
                csv_field(text, layout.quote_every_field)
            })
            .collect();
        out.push_str(&fields.join(","));
    }
    if layout.trailing_newline {
        out.push_str(newline);
    }
    (out, lines)
}

fn optional(text: &str) -> Option<String> {
    let cleaned = clean_text(text, 600);
    (!cleaned.is_empty()).then_some(cleaned)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = read_connections_csv(&bytes);
    }

    #[test]
    fn arbitrary_text_below_a_header_never_panics(
        preamble in "\\PC{0,40}",
        body in "[a-zA-Z0-9 ,\"\r\n/:-]{0,400}",
    ) {
        let text = format!("{preamble}\n{HEADER}\n{body}");
        if let Ok(file) = read_connections_csv(text.as_bytes()) {
            prop_assert_eq!(file.total_rows, file.rows.len() + file.skipped.len());
        }
    }

    #[test]
    fn a_download_cut_anywhere_is_read_or_refused_never_misread(cut in 0usize..NOTES_2024.len()) {
        match read_connections_csv(&NOTES_2024[..cut]) {
            Ok(file) => {
                // Every complete row before the cut reads exactly as in the
                // whole file; only the row at the cut may lose its date.
                let whole = read(NOTES_2024);
                for (row, original) in file.rows.iter().zip(&whole.rows) {
                    if row.connected_on.is_some() || original.connected_on.is_none() {
                        prop_assert_eq!(row, original);
                    } else {
                        prop_assert_eq!(&row.name, &original.name);
                    }
                }
            }
            Err(ImportError::Truncated { .. } | ImportError::NotLinkedIn | ImportError::Empty) => {}
            Err(other) => prop_assert!(false, "cut at {} gave {:?}", cut, other),
        }
    }

    #[test]
    fn a_generated_export_round_trips(
        people in proptest::collection::vec(person(), 0..30),
        layout in layout(),
    ) {
        let (text, expected_lines) = write_export(&people, &layout);
        let file = read_connections_csv(text.as_bytes()).unwrap();
        prop_assert_eq!(file.total_rows, people.len());
        prop_assert_eq!(file.rows.len(), people.len());
        prop_assert!(file.skipped.is_empty(), "{:?}", file.skipped);
        prop_assert!(file.notes.is_empty(), "{:?}", file.notes);
        prop_assert_eq!(file.has_url_column, layout.with_url);
        for ((row, p), line) in file.rows.iter().zip(&people).zip(&expected_lines) {
            let first = clean_text(&p.first, 300);
            let last = clean_text(&p.last, 300);
            let expected = ExportRow {
                line: *line,
                name: clean_text(&format!("{first} {last}"), 300),
                first_name: first,
                last_name: last,
                slug: p.slug.as_ref().filter(|_| layout.with_url).map(|s| s.to_lowercase()),
                email: p.email.clone(),
                company: optional(&p.company),
                position: optional(&p.position),
                connected_on: p.connected.map(|(d, _)| d),
            };
            prop_assert_eq!(row, &expected);
        }
    }
}

// ---------------------------------------------------------------- timing

/// 30,000 rows (LinkedIn's cap) in the shape of a real export.
fn thirty_thousand_rows() -> String {
    let mut text = format!("{NOTES_PREAMBLE}{HEADER}\n");
    for i in 0..30_000u32 {
        let (first, last) = match i % 5 {
            0 => ("Priya".to_string(), format!("\"Nayak{i}, MSc, MBA\"")),
            1 => ("José".to_string(), format!("García{i}")),
            2 => ("Robert".to_string(), format!("\"\"\"Bob\"\" Smith{i}\"")),
            3 => ("伟".to_string(), format!("王{i}")),
            _ => (format!("Anna{i}"), "Müller ".to_string()),
        };
        let slug = if i % 5 == 1 {
            format!("jos%C3%A9-garc%C3%ADa-{i:x}")
        } else {
            format!("person-{i:x}")
        };
        let email = if i % 7 == 0 {
            format!("p{i}@example.com")
        } else {
            String::new()
        };
        let date = date_text(CivilDate::from_days(14_000 + i64::from(i % 6_000)), 0);
        text.push_str(&format!(
            "{first},{last},https://www.linkedin.com/in/{slug},{email},\"Acme Analytics, Ltd.\",Senior Product Manager,{date}\n"
        ));
    }
    text
}

/// Prints how long reading takes; asserts only what was read (a test never
/// asserts a wall-clock time: `./build.sh bench` holds the figures).
#[test]
#[ignore = "timing: cargo test --release --test import_generated -- --ignored --nocapture"]
fn thirty_thousand_rows_timed() {
    let text = thirty_thousand_rows();
    let mut times = Vec::new();
    for _ in 0..7 {
        let start = std::time::Instant::now();
        let file = read_connections_csv(text.as_bytes()).unwrap();
        times.push(start.elapsed());
        assert_eq!(file.rows.len(), 30_000);
    }
    times.sort();
    println!(
        "read_connections_csv: 30,000 rows, {:.1} MB: best {:.1} ms, median {:.1} ms, worst {:.1} ms",
        text.len() as f64 / 1e6,
        times[0].as_secs_f64() * 1e3,
        times[3].as_secs_f64() * 1e3,
        times[6].as_secs_f64() * 1e3,
    );
}
