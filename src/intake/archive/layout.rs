//! Telling which of the archive's files a file is from its header line, and
//! where the columns netprune reads sit in it (by name, any case, order or
//! padding, quoted or not).

use super::people::NAME_MAX_CHARS;
use crate::intake::reading::clean_text;

/// The messages header's columns (M-facts): 9 columns in 2021, 10 with
/// `RECIPIENT PROFILE URLS` from 2023, then `IS MESSAGE DRAFT`,
/// `ATTACHMENTS`, `IS CONVERSATION DRAFT` in some eras; every field quoted
/// in 2026. Text columns (title, subject, content, attachments) are not
/// even located: they are never read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct MessageColumns {
    pub(super) conversation: usize,
    pub(super) from: usize,
    pub(super) sender_url: usize,
    pub(super) to: Option<usize>,
    pub(super) recipient_urls: Option<usize>,
    pub(super) date: usize,
    pub(super) message_draft: Option<usize>,
    pub(super) conversation_draft: Option<usize>,
}

/// `Invitations.csv` (I1, I2): `From,To,Sent At,Message,Direction` and,
/// since late 2023–2025, `inviterProfileUrl,inviteeProfileUrl`. `Message`
/// (the note) is never read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct InvitationColumns {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) sent_at: usize,
    pub(super) direction: usize,
    pub(super) inviter_url: Option<usize>,
    pub(super) invitee_url: Option<usize>,
}

/// One other person per row, with a date and a status: endorsements (E1,
/// E2, E5: `Public Url` only since mid-2023) and recommendations (E6, E8).
/// The skill, company, job title and recommendation text are never read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PersonColumns {
    pub(super) first_name: usize,
    pub(super) last_name: usize,
    pub(super) url: Option<usize>,
    pub(super) date: usize,
    pub(super) status: Option<usize>,
}

/// What a header says a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Layout {
    /// `Connections.csv`: read whole by the Connections.csv import.
    Connections,
    /// `messages.csv`.
    Messages(MessageColumns),
    /// `Invitations.csv`.
    Invitations(InvitationColumns),
    /// `Endorsement_Received_Info.csv`.
    EndorsementsReceived(PersonColumns),
    /// `Endorsement_Given_Info.csv`.
    EndorsementsGiven(PersonColumns),
    /// `Recommendations_Received.csv` or `Recommendations_Given.csv`: the
    /// two share one header (E8), so only the name tells them apart.
    Recommendations(PersonColumns),
}

/// A header cell as compared: cleaned, lower case.
fn normalise(name: &str) -> String {
    clean_text(name, NAME_MAX_CHARS).to_lowercase()
}

/// The layout a header line (one physical line, without its line end)
/// names, or None when it is no header netprune reads.
pub(super) fn layout_of(line: &[u8]) -> Option<Layout> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(line);
    let mut record = csv::ByteRecord::new();
    if !reader.read_byte_record(&mut record).ok()? {
        return None;
    }
    let names: Vec<String> = record
        .iter()
        .map(|cell| normalise(&String::from_utf8_lossy(cell)))
        .collect();
    let find = |want: &str| names.iter().position(|n| n == want);
    if let (Some(conversation), Some(from), Some(sender_url), Some(date)) = (
        find("conversation id"),
        find("from"),
        find("sender profile url"),
        find("date"),
    ) {
        return Some(Layout::Messages(MessageColumns {
            conversation,
            from,
            sender_url,
            to: find("to"),
            recipient_urls: find("recipient profile urls"),
            date,
            message_draft: find("is message draft"),
            conversation_draft: find("is conversation draft"),
        }));
    }
    if let (Some(from), Some(to), Some(sent_at), Some(direction)) =
        (find("from"), find("to"), find("sent at"), find("direction"))
    {
        return Some(Layout::Invitations(InvitationColumns {
            from,
            to,
            sent_at,
            direction,
            inviter_url: find("inviterprofileurl"),
            invitee_url: find("inviteeprofileurl"),
        }));
    }
    let endorsement = |who: &str| -> Option<PersonColumns> {
        Some(PersonColumns {
            first_name: find(&format!("{who} first name"))?,
            last_name: find(&format!("{who} last name"))?,
            url: find(&format!("{who} public url")),
            date: find("endorsement date")?,
            status: find("endorsement status"),
        })
    };
    if let Some(columns) = endorsement("endorser") {
        return Some(Layout::EndorsementsReceived(columns));
    }
    if let Some(columns) = endorsement("endorsee") {
        return Some(Layout::EndorsementsGiven(columns));
    }
    let (first_name, last_name) = (find("first name")?, find("last name")?);
    if find("connected on").is_some() {
        return Some(Layout::Connections);
    }
    Some(Layout::Recommendations(PersonColumns {
        first_name,
        last_name,
        url: None,
        date: find("creation date")?,
        status: find("status"),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_era_of_every_file_is_told_by_its_header() {
        let m9 = layout_of(b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER");
        let Some(Layout::Messages(m9)) = m9 else {
            panic!("{m9:?}")
        };
        assert_eq!((m9.recipient_urls, m9.date, m9.to), (None, 5, Some(4)));
        let m26 = layout_of(br#""CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO","RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS""#);
        let Some(Layout::Messages(m26)) = m26 else {
            panic!("{m26:?}")
        };
        assert_eq!((m26.recipient_urls, m26.date), (Some(5), 6));
        let m12 = layout_of(b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT");
        let Some(Layout::Messages(m12)) = m12 else {
            panic!("{m12:?}")
        };
        assert_eq!(
            (m12.message_draft, m12.conversation_draft),
            (Some(11), Some(12))
        );
        assert!(matches!(
            layout_of(b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"),
            Some(Layout::Invitations(InvitationColumns {
                inviter_url: Some(5),
                invitee_url: Some(6),
                ..
            }))
        ));
        assert!(matches!(
            layout_of(b"From,To,Sent At,Message,Direction"),
            Some(Layout::Invitations(InvitationColumns {
                inviter_url: None,
                ..
            }))
        ));
        assert!(matches!(
            layout_of(b"Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status"),
            Some(Layout::EndorsementsReceived(PersonColumns { url: Some(4), status: Some(5), .. }))
        ));
        assert!(matches!(
            layout_of(b"Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsement Status"),
            Some(Layout::EndorsementsGiven(PersonColumns { url: None, .. }))
        ));
        assert!(matches!(
            layout_of(b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status"),
            Some(Layout::Recommendations(PersonColumns {
                date: 5,
                status: Some(6),
                ..
            }))
        ));
        assert_eq!(
            layout_of(b"First Name,Last Name,URL,Email Address,Company,Position,Connected On"),
            Some(Layout::Connections)
        );
        assert_eq!(
            layout_of(b" first name , LAST NAME,connected on"),
            Some(Layout::Connections)
        );
    }

    #[test]
    fn other_headers_are_no_layout() {
        for line in [
            &b"First Name,Last Name,Maiden Name,Address,Birth Date,Headline"[..],
            b"Name",
            b"",
            b"\x89PNG\r",
            b"Notes:",
        ] {
            assert_eq!(layout_of(line), None);
        }
    }
}
