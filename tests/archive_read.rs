//! The data archive's reader on ZIPs written here, as LinkedIn lays them out
//! in every era the research notes show (docs/research/2026-12-06-data-archive.md),
//! and on damaged, hostile and wrong files. Every row is fictional.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use netprune::intake::archive::{
    parse_archive_date, ArchiveDigest, ArchiveReader, FileKind, FileReport, Interaction, InvitedBy,
    Limits,
};
use proptest::prelude::*;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const MARKER: &str = "NETPRUNE-SECRET-MARKER";
const ME: &str = "https://www.linkedin.com/in/morgan-owner";

const H9: &str =
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER";
const H10: &str = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER";
const H11: &str = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT";
const H12: &str = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT";
const H26: &str = r#""CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO","RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS""#;
const INVITATIONS_2026: &str =
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl";
const INVITATIONS_2021: &str = "From,To,Sent At,Message,Direction";
const CONNECTIONS: &str = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

fn url(slug: &str) -> String {
    format!("https://www.linkedin.com/in/{slug}")
}

/// A ZIP of `files` (path, content), deflated as LinkedIn's are.
fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (path, content) in files {
        writer.start_file(*path, options).unwrap();
        writer.write_all(content).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn read_all(files: &[(&str, &[u8])]) -> (Vec<FileReport>, ArchiveDigest) {
    let mut reader = ArchiveReader::new();
    let reports = reader.add("Basic_LinkedInDataExport_03-09-2026.zip", &zip_of(files));
    (reports, reader.finish().unwrap())
}

fn by_slug<'a>(digest: &'a ArchiveDigest, slug: &str) -> &'a Interaction {
    &digest
        .counterparts
        .iter()
        .find(|c| c.slug.as_deref() == Some(slug))
        .unwrap_or_else(|| panic!("no {slug} in {:#?}", digest.counterparts))
        .interaction
}

fn day(iso: &str) -> Option<i32> {
    parse_archive_date(iso)
}

/// A 2026 messages.csv row, every field quoted (R26).
fn m26(conversation: &str, from: (&str, &str), to: &[(&str, &str)], date: &str) -> String {
    let names: Vec<&str> = to.iter().map(|t| t.0).collect();
    let urls: Vec<String> = to.iter().map(|t| url(t.1)).collect();
    let cells = [
        conversation.to_owned(),
        format!("{MARKER} title"),
        from.0.to_owned(),
        if from.1.is_empty() {
            String::new()
        } else {
            url(from.1)
        },
        names.join(", "),
        urls.join(","),
        date.to_owned(),
        format!("{MARKER} subject"),
        format!("{MARKER} line one,\n\"two\"\nthree"),
        "INBOX".to_owned(),
        format!("https://www.linkedin.com/dms/prv/{MARKER}"),
    ];
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
        .collect();
    quoted.join(",") + "\n"
}

const OWNER: (&str, &str) = ("Morgan Owner", "morgan-owner");
const ANA: (&str, &str) = ("Ana Fictive", "ana-fictive");
const BO: (&str, &str) = ("Bo Imaginary", "bo-imaginary");
const CY: (&str, &str) = ("Cy Madeup", "cy-madeup");

/// The small hand-built archive whose every count is known.
fn small_archive() -> Vec<(String, Vec<u8>)> {
    let mut messages = format!("{H26}\n");
    // c1: Ana and the member, three messages.
    messages += &m26("2-c1==", ANA, &[OWNER], "2026-03-01 10:00:00 UTC");
    messages += &m26("2-c1==", OWNER, &[ANA], "2026-02-01 10:00:00 UTC");
    messages += &m26("2-c1==", OWNER, &[ANA], "2025-01-05 10:00:00 UTC");
    // c2: a group with Ana and Bo; the member writes once, Bo once.
    messages += &m26("2-c2==", OWNER, &[ANA, BO], "2024-06-01 10:00:00 UTC");
    messages += &m26("2-c2==", BO, &[OWNER, ANA], "2024-05-01 10:00:00 UTC");
    // A sponsored message and a note to self: not people.
    messages += &m26(
        "2-c3==",
        ("LinkedIn Member", ""),
        &[OWNER],
        "2026-03-05 10:00:00 UTC",
    );
    messages += &m26("2-c4==", OWNER, &[OWNER], "2026-03-02 10:00:00 UTC");
    let invitations = format!(
        "{INVITATIONS_2026}\n\
         Morgan Owner,Cy Madeup,\"3/7/26, 1:07 PM\",\"{MARKER}, hi\",OUTGOING,{ME},{}\n\
         Bo Imaginary,Morgan Owner,\"11/29/21, 12:36 PM\",,INCOMING,{},{ME}\n\
         Morgan Owner,Bo Imaginary,\"1/2/20, 9:00 AM\",,OUTGOING,{ME},{}\n",
        url(CY.1),
        url(BO.1),
        url(BO.1)
    );
    let endorsed = "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n\
         2022/09/03 18:14:39 UTC,Rust,Ana,Fictive,www.linkedin.com/in/ana-fictive,ACCEPTED\n\
         2022/09/04 18:14:39 UTC,Go,Ana,Fictive,www.linkedin.com/in/ana-fictive,ACCEPTED\n\
         2022/09/05 18:14:39 UTC,Go,Cy,Madeup,www.linkedin.com/in/cy-madeup,HIDDEN\n"
        .to_owned();
    let given = "Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,Endorsement Status\n\
         2023/01/03 08:00:00 UTC,Rust,Cy,Madeup,www.linkedin.com/in/cy-madeup,ACCEPTED\n"
        .to_owned();
    let recommendations = format!(
        "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n\
         Bo,Imaginary,\"Acme, Inc.\",Engineer,\"{MARKER} \"\"great\"\"\nworker\",\"04/15/24, 09:25 PM\",VISIBLE\n"
    );
    let connections = format!(
        "{CONNECTIONS}Ana,Fictive,{},,Acme,Engineer,09 Mar 2020\nBo,Imaginary,{},,,,01 Jan 2019\nDee,Never,{},,,,02 Feb 2018\n",
        url(ANA.1),
        url(BO.1),
        url("dee-never")
    );
    vec![
        ("messages.csv".into(), messages.into_bytes()),
        ("Invitations.csv".into(), invitations.into_bytes()),
        (
            "Endorsement_Received_Info.csv".into(),
            endorsed.into_bytes(),
        ),
        ("Endorsement_Given_Info.csv".into(), given.into_bytes()),
        (
            "Recommendations_Received.csv".into(),
            recommendations.into_bytes(),
        ),
        ("Connections.csv".into(), connections.into_bytes()),
        (
            "Profile.csv".into(),
            b"First Name,Last Name,Headline\nMorgan,Owner,x\n".to_vec(),
        ),
    ]
}

fn borrowed(files: &[(String, Vec<u8>)]) -> Vec<(&str, &[u8])> {
    files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect()
}

#[test]
fn a_small_archive_gives_exactly_its_counts() {
    let files = small_archive();
    let (reports, digest) = read_all(&borrowed(&files));
    assert_eq!(reports.len(), 7);
    let owner = digest.owner.clone().unwrap();
    assert_eq!(
        (owner.slug.as_deref(), owner.name.as_str()),
        (Some("morgan-owner"), "Morgan Owner")
    );
    assert_eq!(digest.messages, 5);
    assert_eq!(digest.conversations, 2);
    assert_eq!(digest.archive_day, day("2026-03-07"));
    assert_eq!(
        digest.kinds,
        vec![
            FileKind::Connections,
            FileKind::Messages,
            FileKind::Invitations,
            FileKind::EndorsementsReceived,
            FileKind::EndorsementsGiven,
            FileKind::RecommendationsReceived,
        ]
    );
    assert_eq!(
        *by_slug(&digest, "ana-fictive"),
        Interaction {
            conversations: 2,
            sent: 3,
            received: 1,
            first_message: day("2024-06-01").min(day("2025-01-05")),
            last_message: day("2026-03-01"),
            endorsements_received: 2,
            ..Interaction::default()
        }
    );
    assert_eq!(
        *by_slug(&digest, "bo-imaginary"),
        Interaction {
            conversations: 1,
            sent: 1,
            received: 1,
            first_message: day("2024-05-01"),
            last_message: day("2024-06-01"),
            invited_by: Some(InvitedBy::Them),
            invited_on: day("2021-11-29"),
            recommendations_received: 1,
            ..Interaction::default()
        }
    );
    assert_eq!(
        *by_slug(&digest, "cy-madeup"),
        Interaction {
            invited_by: Some(InvitedBy::Member),
            invited_on: day("2026-03-07"),
            endorsements_given: 1,
            ..Interaction::default()
        }
    );
    assert_eq!(digest.counterparts.len(), 3, "{:#?}", digest.counterparts);
    let messages = reports.iter().find(|r| r.name == "messages.csv").unwrap();
    assert_eq!((messages.rows, messages.skipped), (7, 1));
    let messages = digest
        .files
        .iter()
        .find(|r| r.name == "messages.csv")
        .unwrap();
    assert_eq!((messages.rows, messages.skipped), (7, 2));
    let endorsed = digest
        .files
        .iter()
        .find(|r| r.kind == Some(FileKind::EndorsementsReceived))
        .unwrap();
    assert_eq!((endorsed.rows, endorsed.skipped), (3, 1));
    let profile = digest
        .files
        .iter()
        .find(|r| r.name == "Profile.csv")
        .unwrap();
    assert!(profile.ignored && profile.kind.is_none());
    assert_eq!(digest.connections.as_ref().unwrap().rows.len(), 3);
}

#[test]
fn message_text_is_nowhere_in_the_digest_or_reports() {
    let files = small_archive();
    let (reports, digest) = read_all(&borrowed(&files));
    let json = serde_json::to_string(&digest).unwrap() + &serde_json::to_string(&reports).unwrap();
    assert!(!json.contains(MARKER), "{json}");
    assert!(!json.contains("2-c1=="), "conversation ids are not kept");
}

#[test]
fn files_under_a_top_folder_are_found_and_others_passed_over_unread() {
    let files = small_archive();
    let mut named: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|(n, b)| (format!("Complete_LinkedInDataExport_03-09-2026/{n}"), b))
        .collect();
    named.push((
        "Complete_LinkedInDataExport_03-09-2026/guide_messages.csv".into(),
        format!("{H10}\nx,,Guide,,Morgan Owner,{ME},2026-01-01 00:00:00 UTC,,{MARKER},INBOX\n")
            .into_bytes(),
    ));
    named.push((
        "Complete_LinkedInDataExport_03-09-2026/Articles/Articles/post.html".into(),
        b"<html></html>".to_vec(),
    ));
    named.push((
        "Complete_LinkedInDataExport_03-09-2026/Jobs/".into(),
        Vec::new(),
    ));
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    for (path, content) in &named {
        if path.ends_with('/') {
            writer.add_directory(path.as_str(), options).unwrap();
        } else {
            writer.start_file(path.as_str(), options).unwrap();
            writer.write_all(content).unwrap();
        }
    }
    let zip = writer.finish().unwrap().into_inner();
    let mut reader = ArchiveReader::new();
    let reports = reader.add("Complete_LinkedInDataExport_03-09-2026.zip (1).zip", &zip);
    assert_eq!(reports.len(), 9, "folders are not reported: {reports:#?}");
    let guide = reports
        .iter()
        .find(|r| r.name.ends_with("guide_messages.csv"))
        .unwrap();
    assert!(guide.ignored && guide.refused.as_deref().unwrap().contains("assistants"));
    let digest = reader.finish().unwrap();
    assert_eq!(digest.messages, 5);
    assert_eq!(by_slug(&digest, "ana-fictive").sent, 3);
}

#[test]
fn picking_the_csv_files_one_by_one_gives_what_the_zip_gives() {
    let files = small_archive();
    let (_, from_zip) = read_all(&borrowed(&files));
    let mut reader = ArchiveReader::new();
    for (name, bytes) in &files {
        reader.add(name, bytes);
    }
    let loose = reader.finish().unwrap();
    assert_eq!(loose.counterparts, from_zip.counterparts);
    assert_eq!(loose.owner, from_zip.owner);
    assert_eq!(loose.archive_day, from_zip.archive_day);
}

/// One conversation each way in the given header era, the member found.
fn era(header: &str, row: impl Fn(&str, (&str, &str), (&str, &str), &str) -> String) {
    let text = format!(
        "{header}\n{}{}{}",
        row("2-a==", ANA, OWNER, "2023-07-08 08:39:28 UTC"),
        row("2-a==", OWNER, ANA, "2023-07-07 08:39:28 UTC"),
        row("2-b==", BO, OWNER, "2023-07-01 08:39:28 UTC"),
    );
    let (_, digest) = read_all(&[("messages.csv", text.as_bytes())]);
    let owner = digest.owner.clone().unwrap();
    assert_eq!(owner.name, "Morgan Owner", "{header}");
    assert_eq!(owner.slug.as_deref(), Some("morgan-owner"), "{header}");
    let ana = by_slug(&digest, "ana-fictive");
    assert_eq!(
        (ana.sent, ana.received, ana.conversations),
        (1, 1, 1),
        "{header}"
    );
    assert_eq!(by_slug(&digest, "bo-imaginary").received, 1, "{header}");
    assert_eq!(digest.archive_day, day("2023-07-08"));
    assert_eq!(digest.messages, 3);
}

#[test]
fn every_messages_era_is_read_and_its_owner_found() {
    // 2021 (R21): 9 columns, recipients by name only.
    era(H9, |c, from, to, date| {
        format!(
            "{c},,{},{},{},{date},,{MARKER},INBOX\n",
            from.0,
            url(from.1),
            to.0
        )
    });
    // Jul 2023 (R23): 10 columns.
    era(H10, |c, from, to, date| {
        format!(
            "{c},,{},{},{},{},{date},,{MARKER},INBOX\n",
            from.0,
            url(from.1),
            to.0,
            url(to.1)
        )
    });
    // ~2024: IS MESSAGE DRAFT.
    era(H11, |c, from, to, date| {
        format!(
            "{c},,{},{},{},{},{date},,{MARKER},INBOX,No\n",
            from.0,
            url(from.1),
            to.0,
            url(to.1)
        )
    });
    // ~2025: ATTACHMENTS and IS MESSAGE DRAFT.
    era(H12, |c, from, to, date| {
        format!(
            "{c},,{},{},{},{},{date},,{MARKER},INBOX,,false\n",
            from.0,
            url(from.1),
            to.0,
            url(to.1)
        )
    });
    // 2026 (R26): every field quoted, multi-line content.
    era(H26, |c, from, to, date| m26(c, from, &[to], date));
}

#[test]
fn crlf_and_a_bom_read_the_same() {
    let text = format!(
        "\u{feff}{H10}\r\n2-a==,,Ana Fictive,{},Morgan Owner,{ME},2023-07-08 08:39:28 UTC,,\"{MARKER}\r\nmore\",INBOX\r\n",
        url(ANA.1)
    );
    let (reports, digest) = read_all(&[("messages.csv", text.as_bytes())]);
    assert_eq!(reports[0].rows, 1);
    assert_eq!(by_slug(&digest, "ana-fictive").received, 1);
}

#[test]
fn drafts_are_left_out_and_counted() {
    let text = format!(
        "{H11}\n2-a==,,Morgan Owner,{ME},Ana Fictive,{},2023-07-08 08:39:28 UTC,,{MARKER},INBOX,Yes\n\
         2-a==,,Ana Fictive,{},Morgan Owner,{ME},2023-07-07 08:39:28 UTC,,{MARKER},INBOX,No\n",
        url(ANA.1),
        url(ANA.1)
    );
    let (reports, digest) = read_all(&[("messages.csv", text.as_bytes())]);
    assert_eq!((reports[0].rows, reports[0].skipped), (2, 1));
    assert_eq!(reports[0].skips[0].reason, "drafts");
    let ana = by_slug(&digest, "ana-fictive");
    assert_eq!((ana.sent, ana.received), (0, 1));
}

#[test]
fn group_conversations_in_2021_join_names_to_links() {
    // The member writes to a group by names only (9 columns); both also
    // write, so their links are known; Dee never writes: a name-only entry.
    let text = format!(
        "{H9}\n2-g==,Group,Morgan Owner,{ME},\"Ana Fictive, Bo Imaginary, PhD, Dee Never\",2021-05-03 10:00:00 UTC,,{MARKER},INBOX\n\
         2-g==,Group,Ana Fictive,{},\"Morgan Owner, Bo Imaginary, PhD, Dee Never\",2021-05-02 10:00:00 UTC,,{MARKER},INBOX\n\
         2-g==,Group,\"Bo Imaginary, PhD\",{},\"Morgan Owner, Ana Fictive, Dee Never\",2021-05-01 10:00:00 UTC,,{MARKER},INBOX\n",
        url(ANA.1),
        url(BO.1)
    );
    let (_, digest) = read_all(&[("messages.csv", text.as_bytes())]);
    assert_eq!(
        digest.owner.as_ref().unwrap().slug.as_deref(),
        Some("morgan-owner")
    );
    let ana = by_slug(&digest, "ana-fictive");
    assert_eq!((ana.sent, ana.received, ana.conversations), (1, 1, 1));
    let bo = by_slug(&digest, "bo-imaginary");
    assert_eq!((bo.sent, bo.received), (1, 1));
    let dee = digest
        .counterparts
        .iter()
        .find(|c| c.name == "Dee Never")
        .unwrap();
    assert_eq!((dee.slug.as_deref(), dee.interaction.sent), (None, 1));
    assert_eq!(digest.counterparts.len(), 3);
}

#[test]
fn hostile_names_stay_text_and_count_right() {
    let long = "L".repeat(320);
    let hostile = [
        ("=HYPERLINK(\"http://evil.example\") Formula", "h-formula"),
        ("\u{202e}Rtl Override", "h-rtl"),
        ("Zoë 🚀 Ünïcödé", "h-emoji"),
        (long.as_str(), "h-long"),
        ("Jo \"JJ\" O'Neil", "h-quotes"),
    ];
    let mut text = format!("{H26}\n");
    for (i, person) in hostile.iter().enumerate() {
        text += &m26(
            &format!("2-h{i}=="),
            *person,
            &[OWNER],
            "2024-01-01 00:00:00 UTC",
        );
        text += &m26(
            &format!("2-h{i}=="),
            OWNER,
            &[*person],
            "2024-01-02 00:00:00 UTC",
        );
    }
    let (_, digest) = read_all(&[("messages.csv", text.as_bytes())]);
    assert_eq!(digest.counterparts.len(), hostile.len());
    for (name, slug) in hostile {
        let counterpart = digest
            .counterparts
            .iter()
            .find(|c| c.slug.as_deref() == Some(slug))
            .unwrap();
        assert_eq!(counterpart.interaction.sent, 1);
        assert_eq!(counterpart.interaction.received, 1);
        let expected: String = name.chars().take(300).collect();
        assert_eq!(counterpart.name, expected);
    }
}

/// The byte range of the first entry's compressed data in a ZIP we wrote.
fn first_data(zip: &[u8]) -> std::ops::Range<usize> {
    let name_len = u16::from_le_bytes([zip[26], zip[27]]) as usize;
    let extra_len = u16::from_le_bytes([zip[28], zip[29]]) as usize;
    let size = u32::from_le_bytes([zip[18], zip[19], zip[20], zip[21]]) as usize;
    let start = 30 + name_len + extra_len;
    start..start + size
}

#[test]
fn a_corrupt_member_is_refused_adds_nothing_and_the_others_are_read() {
    let mut messages = format!("{H10}\n");
    for i in 0..2_000 {
        messages += &format!(
            "2-{i}==,,Ana Fictive,{},Morgan Owner,{ME},2023-07-08 08:39:28 UTC,,{MARKER} {i},INBOX\n",
            url(ANA.1)
        );
    }
    let invitations =
        format!("{INVITATIONS_2021}\nMorgan Owner,Cy Madeup,\"3/7/26, 1:07 PM\",,OUTGOING\n");
    let mut zip = zip_of(&[
        ("messages.csv", messages.as_bytes()),
        ("Invitations.csv", invitations.as_bytes()),
    ]);
    let data = first_data(&zip);
    for at in data.clone().skip(data.len() / 2).take(8) {
        zip[at] ^= 0x5a;
    }
    let mut reader = ArchiveReader::new();
    let reports = reader.add("archive.zip", &zip);
    assert_eq!(reports.len(), 2);
    let reason = reports[0].refused.as_deref().unwrap();
    assert!(reason.contains("damaged"), "{reason}");
    assert_eq!(reports[0].kind, None);
    assert_eq!(reports[1].kind, Some(FileKind::Invitations));
    let digest = reader.finish().unwrap();
    assert_eq!(digest.kinds, vec![FileKind::Invitations]);
    assert_eq!(digest.messages, 0);
    assert!(digest
        .counterparts
        .iter()
        .all(|c| c.interaction.received == 0));
    // Invitations alone still show the member (From on OUTGOING).
    assert_eq!(digest.owner.unwrap().name, "Morgan Owner");
}

#[test]
fn an_oversized_member_is_refused_while_reading_whatever_it_declares() {
    let mut messages = format!("{H10}\n");
    for i in 0..5_000 {
        messages += &format!(
            "2-{i}==,,Ana Fictive,{},Morgan Owner,{ME},2023-07-08 08:39:28 UTC,,{MARKER},INBOX\n",
            url(ANA.1)
        );
    }
    let zip = zip_of(&[("messages.csv", messages.as_bytes())]);
    let mut reader = ArchiveReader::with_limits(Limits {
        file_uncompressed: 100_000,
        ..Limits::default()
    });
    // Declared sizes over the limit are refused unread ...
    let reports = reader.add("a.zip", &zip);
    assert!(reports[0].refused.as_deref().unwrap().contains("declares"));
    // ... and a member that lies about its size is stopped at the limit.
    let mut lying = zip.clone();
    let central = lying.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
    lying[central + 24..central + 28].copy_from_slice(&1_000u32.to_le_bytes());
    lying[22..26].copy_from_slice(&1_000u32.to_le_bytes());
    let mut reader = ArchiveReader::with_limits(Limits {
        file_uncompressed: 100_000,
        ..Limits::default()
    });
    let reports = reader.add("a.zip", &lying);
    let reason = reports[0].refused.as_deref().unwrap();
    assert!(
        reason.contains("larger than") || reason.contains("damaged"),
        "{reason}"
    );
    assert!(reader.finish().is_err());
    // A zip bomb's ratio is refused before any inflating.
    let zeros = vec![b'0'; 40 * 1024 * 1024];
    let mut bomb = format!("{H10}\n").into_bytes();
    bomb.extend_from_slice(&zeros);
    let zip = zip_of(&[("messages.csv", &bomb)]);
    let mut reader = ArchiveReader::new();
    let reports = reader.add("bomb.zip", &zip);
    assert!(
        reports[0].refused.as_deref().unwrap().contains("ratio"),
        "{reports:?}"
    );
}

#[test]
fn too_many_rows_refuse_the_file() {
    let mut messages = format!("{H10}\n");
    for i in 0..11 {
        messages += &format!(
            "2-{i}==,,A B,{},Morgan Owner,{ME},2023-07-08,,x,INBOX\n",
            url("ab")
        );
    }
    let mut reader = ArchiveReader::with_limits(Limits {
        rows: 10,
        ..Limits::default()
    });
    let reports = reader.add("messages.csv", messages.as_bytes());
    assert!(reports[0]
        .refused
        .as_deref()
        .unwrap()
        .contains("more than 10 rows"));
}

#[test]
fn wrong_files_are_refused_with_the_reason() {
    let mut reader = ArchiveReader::new();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let r = reader.add("archive.zip", b"<html>not found</html>");
    assert!(r[0].refused.as_deref().unwrap().contains("not a ZIP"));
    let r = reader.add("messages.csv", &png);
    assert!(r[0].refused.as_deref().unwrap().contains("not a text file"));
    let r = reader.add("a.zip", &zip_of(&[("messages.csv", &png)]));
    assert!(r[0].refused.as_deref().unwrap().contains("not a text file"));
    let r = reader.add("messages.csv", b"Name,Date\nx,y\n");
    assert!(r[0]
        .refused
        .as_deref()
        .unwrap()
        .contains("none of the headers"));
    assert!(!r[0].ignored);
    let r = reader.add("notes.csv", b"Name,Date\nx,y\n");
    assert!(r[0].ignored);
    let r = reader.add("messages.csv", b"");
    assert!(r[0].refused.as_deref().unwrap().contains("empty"));
    let r = reader.add(
        "Recommendations.csv",
        b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n",
    );
    assert!(r[0].refused.as_deref().unwrap().contains("Given"));
    let r = reader.add(
        "latin1.csv",
        format!(
            "{H10}\n2-a==,,Jos\u{e9},{},x,{ME},2023-07-08,,x,INBOX\n",
            url("j")
        )
        .replace('\u{e9}', "\u{0}")
        .as_bytes(),
    );
    assert!(r[0].refused.is_some());
    let e = reader.finish().unwrap_err();
    assert!(
        e.to_string().starts_with("nothing in the files given"),
        "{e}"
    );
}

#[test]
fn an_empty_zip_is_refused() {
    let empty = zip_of(&[]);
    assert!(empty.starts_with(b"PK\x05\x06"));
    let mut reader = ArchiveReader::new();
    let r = reader.add("Basic_LinkedInDataExport_03-09-2026.zip", &empty);
    assert!(r[0].refused.as_deref().unwrap().contains("empty"));
    assert!(reader.finish().is_err());
}

#[test]
fn encrypted_and_unsupported_members_are_refused() {
    let text = format!("{H10}\n");
    let zip = zip_of(&[("messages.csv", text.as_bytes())]);
    let central = zip.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
    let mut encrypted = zip.clone();
    encrypted[6] |= 1;
    encrypted[central + 8] |= 1;
    let r = ArchiveReader::new().add("a.zip", &encrypted);
    assert!(
        r[0].refused.as_deref().unwrap().contains("encrypted"),
        "{r:?}"
    );
    let mut bzip = zip.clone();
    bzip[8..10].copy_from_slice(&12u16.to_le_bytes());
    bzip[central + 10..central + 12].copy_from_slice(&12u16.to_le_bytes());
    let r = ArchiveReader::new().add("a.zip", &bzip);
    assert!(
        r[0].refused.as_deref().unwrap().contains("compressed with"),
        "{r:?}"
    );
}

#[test]
fn a_second_file_of_a_kind_is_refused() {
    let files = small_archive();
    let mut reader = ArchiveReader::new();
    reader.add("a.zip", &zip_of(&borrowed(&files)));
    let r = reader.add("messages (1).csv", &files[0].1);
    assert!(
        r[0].refused
            .as_deref()
            .unwrap()
            .starts_with("two messages files"),
        "{r:?}"
    );
    let digest = reader.finish().unwrap();
    assert_eq!(digest.messages, 5);
}

#[test]
fn unreadable_dates_count_without_a_date() {
    let text = format!(
        "{H10}\n2-a==,,Ana Fictive,{},Morgan Owner,{ME},yesterday,,x,INBOX\n2-a==,,Ana Fictive,{},Morgan Owner,{ME},2023-07-08 08:39:28 UTC,,x,INBOX\n",
        url(ANA.1),
        url(ANA.1)
    );
    let (reports, digest) = read_all(&[("messages.csv", text.as_bytes())]);
    assert_eq!(
        (reports[0].rows, reports[0].undated, reports[0].skipped),
        (2, 1, 0)
    );
    let ana = by_slug(&digest, "ana-fictive");
    assert_eq!((ana.received, ana.last_message), (2, day("2023-07-08")));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2_000), zip in any::<bool>()) {
        let mut reader = ArchiveReader::new();
        let mut given = bytes.clone();
        if zip {
            given.splice(0..0, b"PK\x03\x04".iter().copied());
        }
        let _ = reader.add("x.csv", &given);
        let _ = reader.add("messages.csv", &bytes);
        let _ = reader.finish();
    }

    #[test]
    fn damaged_zips_never_panic(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..20)) {
        let files = small_archive();
        let mut zip = zip_of(&borrowed(&files));
        for (at, byte) in flips {
            let i = at.index(zip.len());
            zip[i] = byte;
        }
        let mut reader = ArchiveReader::new();
        let _ = reader.add("a.zip", &zip);
        let _ = reader.finish();
    }
}

#[test]
fn rows_without_links_join_the_one_linked_person_with_their_name() {
    // E5 (endorsements before mid-2023) and I1 (invitations before late
    // 2023) have no links: their rows join the person messages link, when
    // only one linked person has the name; Bo's name is two people's.
    let messages = format!(
        "{H10}\n2-a==,,Ana Fictive,{},Morgan Owner,{ME},2023-07-08 08:39:28 UTC,,x,INBOX\n\
         2-b==,,Bo Imaginary,{},Morgan Owner,{ME},2023-07-07 08:39:28 UTC,,x,INBOX\n\
         2-c==,,Bo Imaginary,{},Morgan Owner,{ME},2023-07-06 08:39:28 UTC,,x,INBOX\n",
        url(ANA.1),
        url("bo-imaginary-1"),
        url("bo-imaginary-2")
    );
    let endorsements =
        "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorsement Status\n\
         2022/09/03 18:14:39 UTC,Rust,Ana,Fictive,ACCEPTED\n\
         2022/09/03 18:14:39 UTC,Rust,Bo,Imaginary,ACCEPTED\n";
    let invitations =
        format!("{INVITATIONS_2021}\nAna Fictive,Morgan Owner,\"7/1/23, 9:56 AM\",,INCOMING\n");
    let (_, digest) = read_all(&[
        ("messages.csv", messages.as_bytes()),
        ("Endorsement_Received_Info.csv", endorsements.as_bytes()),
        ("Invitations.csv", invitations.as_bytes()),
    ]);
    let ana = by_slug(&digest, "ana-fictive");
    assert_eq!(
        (ana.received, ana.endorsements_received, ana.invited_by),
        (1, 1, Some(InvitedBy::Them))
    );
    assert_eq!(by_slug(&digest, "bo-imaginary-1").endorsements_received, 0);
    let bo = digest
        .counterparts
        .iter()
        .find(|c| c.slug.is_none())
        .unwrap();
    assert_eq!(
        (bo.name.as_str(), bo.interaction.endorsements_received),
        ("Bo Imaginary", 1)
    );
    assert_eq!(digest.counterparts.len(), 4);
}
