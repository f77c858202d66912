//! Unit tests of the reader on loose CSV files (the ZIP is tested in
//! `tests/archive_read.rs`).

use super::*;

const M10: &str = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n";
const ME: &str = "https://www.linkedin.com/in/me-owner";

fn digest_of(files: &[(&str, &str)]) -> ArchiveDigest {
    let mut reader = ArchiveReader::new();
    for (name, text) in files {
        reader.add(name, text.as_bytes());
    }
    reader.finish().unwrap()
}

fn person<'a>(digest: &'a ArchiveDigest, slug: &str) -> &'a Interaction {
    &digest
        .counterparts
        .iter()
        .find(|c| c.slug.as_deref() == Some(slug))
        .unwrap()
        .interaction
}

#[test]
fn a_one_to_one_conversation_counts_each_way() {
    let text = format!(
        "{M10}c1,,Me Owner,{ME},Ana Bo,https://www.linkedin.com/in/ana,2024-01-03 10:00:00 UTC,,hi,INBOX\n\
         c1,,Ana Bo,https://www.linkedin.com/in/ana,Me Owner,{ME},2024-01-02 10:00:00 UTC,,hello,INBOX\n\
         c2,,Cy Do,https://www.linkedin.com/in/cy,Me Owner,{ME},2023-05-02 10:00:00 UTC,,yo,INBOX\n"
    );
    let digest = digest_of(&[("messages.csv", &text)]);
    assert_eq!(
        digest.owner.as_ref().and_then(|o| o.slug.as_deref()),
        Some("me-owner")
    );
    let ana = person(&digest, "ana");
    assert_eq!((ana.sent, ana.received, ana.conversations), (1, 1, 1));
    assert_eq!(digest.messages, 3);
    assert_eq!(digest.conversations, 2);
    assert_eq!(digest.kinds, vec![FileKind::Messages]);
    assert_eq!(digest.archive_day, parse_archive_date("2024-01-03"));
}

#[test]
fn nothing_given_and_nothing_readable_are_errors_with_sentences() {
    assert_eq!(ArchiveReader::new().finish(), Err(ArchiveError::NoFiles));
    let mut reader = ArchiveReader::new();
    let reports = reader.add("Profile.csv", b"First Name,Last Name,Headline\nA,B,C\n");
    assert!(reports[0].ignored);
    let e = reader.finish().unwrap_err();
    assert!(
        e.to_string().starts_with("nothing in the files given"),
        "{e}"
    );
}

#[test]
fn limited_reader_refuses_past_its_limit() {
    let mut limited = Limited::new(&b"abcdef"[..], 4);
    let mut out = Vec::new();
    let e = limited.read_to_end(&mut out).unwrap_err();
    assert!(io_reason(&e).starts_with("it is larger than"), "{e}");
    let mut limited = Limited::new(&b"abcd"[..], 4);
    let mut out = Vec::new();
    assert_eq!(limited.read_to_end(&mut out).unwrap(), 4);
}

#[test]
fn utf16_copies_are_refused_with_what_to_do() {
    let mut reader = ArchiveReader::new();
    let mut bytes = vec![0xff, 0xfe];
    for unit in "CONVERSATION ID,FROM\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let reports = reader.add("messages.csv", &bytes);
    assert!(reports[0].refused.as_deref().unwrap().contains("UTF-16"));
}
