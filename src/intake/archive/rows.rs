//! Reading one file's rows, streamed from a `Read`, into what the digest
//! needs of them: who, when, and which way. Each file is read into its own
//! [`FileData`]; the reader keeps it only when the whole file was read.
//!
//! Rows are `csv::ByteRecord`s and only the columns [`super::layout`]
//! located are looked at: a message's text, subject, title and attachments
//! and an invitation's note are never turned into strings.

use super::dates::parse_archive_date;
use super::layout::{InvitationColumns, MessageColumns, PersonColumns};
use super::people::{clean_name, slug_of, Fast, Known, Roster};
use super::{Day, InvitedBy, SkipCount};
use std::collections::HashMap;
use std::io::Read;

/// How a row-by-row read ended badly: the file is refused with this reason.
pub(super) type RowsError = String;

/// Counts of one file's rows, for its report.
#[derive(Clone, Debug, Default)]
pub(super) struct Tally {
    pub(super) rows: u64,
    pub(super) undated: u64,
    skips: Vec<SkipCount>,
    /// The most rows read ([`super::Limits::rows`]).
    max_rows: u64,
}

impl Tally {
    pub(super) fn new(max_rows: u64) -> Self {
        Self {
            max_rows,
            ..Self::default()
        }
    }

    pub(super) fn skip(&mut self, reason: &str) {
        match self.skips.iter_mut().find(|s| s.reason == reason) {
            Some(s) => s.rows += 1,
            None => self.skips.push(SkipCount {
                reason: reason.to_owned(),
                rows: 1,
            }),
        }
    }

    pub(super) fn skipped(&self) -> u64 {
        self.skips.iter().map(|s| s.rows).sum()
    }

    pub(super) fn into_skips(self) -> Vec<SkipCount> {
        self.skips
    }

    fn date(&mut self, text: &str) -> Option<Day> {
        let day = parse_archive_date(text);
        if day.is_none() {
            self.undated += 1;
        }
        day
    }
}

/// One message as counted: the conversation, the sender, the recipients
/// (a range of [`Messages::recipients`]) and the day.
#[derive(Clone, Copy, Debug)]
pub(super) struct Message {
    pub(super) conversation: u32,
    pub(super) sender: u32,
    pub(super) first_recipient: u32,
    pub(super) recipient_count: u32,
    pub(super) day: Option<Day>,
}

/// A `messages.csv`, read.
#[derive(Clone, Debug, Default)]
pub(super) struct Messages {
    pub(super) roster: Roster,
    pub(super) messages: Vec<Message>,
    pub(super) recipients: Vec<u32>,
    pub(super) conversations: u32,
}

impl Messages {
    /// The recipients of `message`.
    pub(super) fn recipients_of(&self, message: &Message) -> &[u32] {
        let start = message.first_recipient as usize;
        let end = start.saturating_add(message.recipient_count as usize);
        self.recipients.get(start..end).unwrap_or(&[])
    }
}

/// One invitation as counted.
#[derive(Clone, Copy, Debug)]
pub(super) struct Invitation {
    /// The other person.
    pub(super) other: u32,
    /// The member, as the row names them (From on OUTGOING, To on INCOMING, I6).
    pub(super) member: Option<u32>,
    pub(super) by: InvitedBy,
    pub(super) day: Option<Day>,
}

/// An `Invitations.csv`, read.
#[derive(Clone, Debug, Default)]
pub(super) struct Invitations {
    pub(super) roster: Roster,
    pub(super) rows: Vec<Invitation>,
}

/// An endorsements or recommendations file, read: one other person per row.
#[derive(Clone, Debug, Default)]
pub(super) struct People {
    pub(super) roster: Roster,
    pub(super) rows: Vec<(u32, Option<Day>)>,
}

/// The cells of one row, by column.
struct Row<'a>(&'a csv::ByteRecord);

impl Row<'_> {
    /// The cell as text; empty when the row is too short. A cell that is not
    /// UTF-8 refuses the file, as the Connections.csv import does.
    fn text(&self, column: usize) -> Result<&str, RowsError> {
        let bytes = self.0.get(column).unwrap_or_default();
        std::str::from_utf8(bytes).map_err(|_| {
            let line = self.0.position().map_or(0, csv::Position::line);
            format!(
                "it is not UTF-8 text (line {line}): give the file LinkedIn sent, \
                 not a copy saved in another encoding"
            )
        })
    }

    fn optional(&self, column: Option<usize>) -> Result<&str, RowsError> {
        column.map_or(Ok(""), |c| self.text(c))
    }
}

/// Reads every record below the header (the reader starts at it) and hands
/// each to `row`; refuses past [`MAX_ROWS`] or on a CSV error.
fn each_row<R: Read>(
    reader: R,
    tally: &mut Tally,
    mut row: impl FnMut(Row<'_>, &mut Tally) -> Result<(), RowsError>,
) -> Result<(), RowsError> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut record = csv::ByteRecord::new();
    let mut header = true;
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(e) => return Err(csv_error(&e)),
        }
        if std::mem::take(&mut header) {
            continue;
        }
        // A blank line inside the file (a spreadsheet's re-save) is no row.
        if record.len() <= 1
            && record
                .get(0)
                .is_none_or(|c| c.iter().all(u8::is_ascii_whitespace))
        {
            continue;
        }
        tally.rows += 1;
        if tally.rows > tally.max_rows {
            return Err(format!(
                "it has more than {} rows, more than netprune reads from one file",
                tally.max_rows
            ));
        }
        row(Row(&record), tally)?;
    }
}

/// The reason a CSV read stopped, as a phrase. Reading errors (a damaged
/// ZIP member, a size limit) come through here as `io` errors.
fn csv_error(e: &csv::Error) -> RowsError {
    match e.kind() {
        csv::ErrorKind::Io(io) => super::io_reason(io),
        _ => {
            let line = e.position().map_or(0, csv::Position::line);
            format!("it is not valid CSV at line {line}")
        }
    }
}

/// True for the draft flags (M14: `Yes`/`No` reported, `true`/`false` in
/// fixtures).
fn is_yes(cell: &str) -> bool {
    let cell = cell.trim();
    cell.eq_ignore_ascii_case("yes") || cell.eq_ignore_ascii_case("true") || cell == "1"
}

/// A credential or suffix written after a comma in a name ("…, PhD", M7,
/// M8), which belongs to the name before it rather than naming someone.
fn is_suffix(piece: &str) -> bool {
    let piece = piece.trim();
    if piece.is_empty() || piece.contains(char::is_whitespace) || piece.chars().count() > 8 {
        return false;
    }
    let upper = piece.chars().filter(char::is_ascii_uppercase).count();
    upper >= 2
        || ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"]
            .iter()
            .any(|s| piece.eq_ignore_ascii_case(s))
}

/// The names of a `TO` cell: joined with `", "` (M7), where a name may
/// itself hold `", PhD"` (M8). Inferred: no real group row was seen.
pub(super) fn split_names(to: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for piece in to.split(',') {
        match names.last_mut() {
            Some(last) if is_suffix(piece) => {
                last.push(',');
                last.push_str(piece);
            }
            _ => names.push(piece.to_owned()),
        }
    }
    names
        .iter()
        .map(|n| clean_name(n))
        .filter(|n| !n.is_empty())
        .collect()
}

/// Reads a `messages.csv`.
pub(super) fn read_messages<R: Read>(
    reader: R,
    columns: &MessageColumns,
    tally: &mut Tally,
) -> Result<Messages, RowsError> {
    let mut data = Messages::default();
    let mut known = Known::default();
    let mut conversations: HashMap<Box<[u8]>, u32, Fast> = HashMap::default();
    // M3: a conversation's rows come together, so most rows are in the
    // conversation of the row before.
    let mut last_conversation: (Vec<u8>, u32) = (Vec::new(), u32::MAX);
    let mut recipients: Vec<u32> = Vec::new();
    each_row(reader, tally, |row, tally| {
        if is_yes(row.optional(columns.message_draft)?)
            || is_yes(row.optional(columns.conversation_draft)?)
        {
            tally.skip("drafts");
            return Ok(());
        }
        let from = row.text(columns.from)?;
        let sender_url = row.text(columns.sender_url)?;
        // M10: sponsored messages and InMail campaigns come from "LinkedIn
        // Member" with no profile link: not a person.
        if sender_url.trim().is_empty() && clean_name(from).eq_ignore_ascii_case("linkedin member")
        {
            tally.skip("sponsored messages (from \"LinkedIn Member\", not a person)");
            return Ok(());
        }
        let sender = data.roster.mention_raw(&mut known, sender_url, from);
        recipients.clear();
        let to = row.optional(columns.to)?;
        let urls = row.optional(columns.recipient_urls)?;
        let mut links = urls
            .split([',', ';'])
            .map(str::trim)
            .filter(|u| !u.is_empty());
        match (links.next(), links.next()) {
            (None, _) => {
                // 9-column files (2021) name recipients only in TO (M6).
                for name in split_names(to) {
                    recipients.extend(data.roster.mention(None, &name));
                }
            }
            // With one link TO is that person's name (M6, M7).
            (Some(url), None) => recipients.extend(data.roster.mention_raw(&mut known, url, to)),
            (Some(_), Some(_)) => {
                // With several, names are paired in order only when they
                // count the same (M7).
                let urls: Vec<&str> = urls
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|u| !u.is_empty())
                    .collect();
                let names = split_names(to);
                let paired = names.len() == urls.len();
                for (i, url) in urls.iter().enumerate() {
                    let name = if paired {
                        names.get(i).map_or("", String::as_str)
                    } else {
                        ""
                    };
                    if slug_of(url).is_none() && name.is_empty() {
                        continue;
                    }
                    recipients.extend(data.roster.mention_raw(&mut known, url, name));
                }
            }
        }
        let Some(sender) = sender else {
            tally.skip("no sender named");
            return Ok(());
        };
        recipients.sort_unstable();
        recipients.dedup();
        let day = tally.date(row.text(columns.date)?);
        let conversation_id = row.text(columns.conversation)?.trim().as_bytes();
        let conversation =
            if last_conversation.1 != u32::MAX && last_conversation.0 == conversation_id {
                last_conversation.1
            } else {
                let next = u32::try_from(conversations.len()).unwrap_or(u32::MAX);
                let id = *conversations.entry(conversation_id.into()).or_insert(next);
                last_conversation.0.clear();
                last_conversation.0.extend_from_slice(conversation_id);
                last_conversation.1 = id;
                id
            };
        let first_recipient = u32::try_from(data.recipients.len()).unwrap_or(u32::MAX);
        data.recipients.extend_from_slice(&recipients);
        data.messages.push(Message {
            conversation,
            sender,
            first_recipient,
            recipient_count: u32::try_from(recipients.len()).unwrap_or(0),
            day,
        });
        Ok(())
    })?;
    data.conversations = u32::try_from(conversations.len()).unwrap_or(u32::MAX);
    Ok(data)
}

/// Reads an `Invitations.csv`.
pub(super) fn read_invitations<R: Read>(
    reader: R,
    columns: &InvitationColumns,
    tally: &mut Tally,
) -> Result<Invitations, RowsError> {
    let mut data = Invitations::default();
    each_row(reader, tally, |row, tally| {
        let direction = row.text(columns.direction)?.trim();
        // I4, I6: OUTGOING rows are from the member, INCOMING ones to them.
        let (by, other, member) = if direction.eq_ignore_ascii_case("outgoing") {
            (
                InvitedBy::Member,
                (columns.to, columns.invitee_url),
                (columns.from, columns.inviter_url),
            )
        } else if direction.eq_ignore_ascii_case("incoming") {
            (
                InvitedBy::Them,
                (columns.from, columns.inviter_url),
                (columns.to, columns.invitee_url),
            )
        } else {
            tally.skip("a direction other than INCOMING or OUTGOING");
            return Ok(());
        };
        let other_slug = slug_of(row.optional(other.1)?);
        let Some(other) = data
            .roster
            .mention(other_slug, &clean_name(row.text(other.0)?))
        else {
            tally.skip("no one named");
            return Ok(());
        };
        let member_slug = slug_of(row.optional(member.1)?);
        let member = data
            .roster
            .mention(member_slug, &clean_name(row.text(member.0)?));
        let day = tally.date(row.text(columns.sent_at)?);
        data.rows.push(Invitation {
            other,
            member,
            by,
            day,
        });
        Ok(())
    })?;
    Ok(data)
}

/// Reads an endorsements or recommendations file: rows whose status is one
/// of `counted` (or empty) count; other statuses are left out. E4: only
/// `ACCEPTED` was seen on endorsements (`PENDING`, `HIDDEN` reported); E7,
/// E9: `VISIBLE` or empty on recommendations. A pending or hidden one is
/// not shown on either profile, so it is not counted as an interaction
/// (decided here; a member can still see how many were left out).
pub(super) fn read_people<R: Read>(
    reader: R,
    columns: &PersonColumns,
    counted: &str,
    tally: &mut Tally,
) -> Result<People, RowsError> {
    let mut data = People::default();
    let skipped_status = format!("a status other than {counted} (not shown on the profile)");
    each_row(reader, tally, |row, tally| {
        let status = row.optional(columns.status)?.trim();
        if !status.is_empty() && !status.eq_ignore_ascii_case(counted) {
            tally.skip(&skipped_status);
            return Ok(());
        }
        let name = clean_name(&format!(
            "{} {}",
            row.text(columns.first_name)?,
            row.text(columns.last_name)?
        ));
        let slug = slug_of(row.optional(columns.url)?);
        let Some(person) = data.roster.mention(slug, &name) else {
            tally.skip("no one named");
            return Ok(());
        };
        let day = tally.date(row.text(columns.date)?);
        data.rows.push((person, day));
        Ok(())
    })?;
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_cells_split_on_commas_but_keep_credentials() {
        assert_eq!(split_names("Ana Bo, PhD"), vec!["Ana Bo, PhD"]);
        assert_eq!(split_names("Ana Bo, Cy Do"), vec!["Ana Bo", "Cy Do"]);
        assert_eq!(
            split_names("Ana Bo, MSc, MBA, Cy Do, Jr."),
            vec!["Ana Bo, MSc, MBA", "Cy Do, Jr."]
        );
        assert_eq!(split_names(" , "), Vec::<String>::new());
        assert_eq!(split_names("Cher"), vec!["Cher"]);
    }

    #[test]
    fn draft_flags_in_every_spelling() {
        assert!(is_yes("Yes") && is_yes(" TRUE ") && is_yes("1"));
        assert!(!is_yes("No") && !is_yes("false") && !is_yes(""));
    }
}
