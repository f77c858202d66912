//! What the review page shows of a query's results: rows for the visible
//! window, the histogram of connection years, and the CSV export.
//!
//! Everything here reads the network by index and allocates only for what
//! is asked (a screenful of rows, one histogram), so the page can hold 30,000
//! results as a typed array of indices. The CSV is safe to open in a
//! spreadsheet: a cell that a spreadsheet would run as a formula is prefixed
//! with an apostrophe. Nothing here changes the network.

use crate::intake::archive_merge::day_text;
use crate::network::calendar::{CivilDate, DatePrecision, TimeMs};
use crate::network::contact::{FileKind, Interaction, InvitedBy};
use crate::network::model::{Network, Person, Source};
use crate::search::fold::fold;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// One person as a review-page row (docs/ARCHITECTURE.md, `Row`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row<'a> {
    /// The person's index, as in query results.
    pub index: u32,
    /// The profile slug (a synthetic key for unmatched export rows).
    pub slug: &'a str,
    /// `https://www.linkedin.com/in/<slug>/`, encoded as the removal log
    /// encodes it; null for an export row without a profile link.
    pub profile_url: Option<String>,
    /// The name.
    pub name: &'a str,
    /// The headline.
    pub headline: Option<&'a str>,
    /// The company.
    pub company: Option<&'a str>,
    /// The position.
    pub position: Option<&'a str>,
    /// The connection date and its precision.
    pub connected: Option<RowDate>,
    /// Where the person was first known from.
    pub source: &'static str,
    /// On the keep-list.
    pub kept: bool,
    /// In the removal queue.
    pub queued: bool,
    /// Removed by netprune.
    pub removed: bool,
    /// Missing from the last complete collection.
    pub gone: bool,
    /// From the export without a profile link.
    pub unmatched: bool,
    /// A namesake netprune would not merge with this person (no link, and
    /// not one clear fit by name and company): who, in words, so the
    /// review page can say they are possibly the same person.
    pub possibly_same_as: Option<String>,
    /// One of the member's connections (false: only invited or followed).
    pub connection: bool,
    /// Followed by the member (the following page lists them).
    pub following: bool,
    /// Follows the member (the followers page lists them).
    pub follower: bool,
    /// Whether the member follows them back, as their followers row's
    /// button last said; null when they are not listed as a follower or
    /// the row did not say.
    pub follows_back: Option<bool>,
    /// The member's pending invitation to them.
    pub invitation: Option<RowInvitation>,
    /// netprune withdrew an invitation to them (verified).
    pub withdrawn: bool,
    /// netprune unfollowed them (verified).
    pub unfollowed: bool,
    /// What LinkedIn's data archive says of the member's interaction with
    /// them: all zero when the messages archive covers them without naming
    /// them (never messaged); null when unknown (no archive with messages,
    /// or they connected after it was made).
    pub contact: Option<RowContact>,
}

/// A person's interaction as the row shows it: counts and dates only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowContact {
    /// The last message either way, `YYYY-MM-DD`.
    pub last_message: Option<String>,
    /// The first message either way, `YYYY-MM-DD`.
    pub first_message: Option<String>,
    /// Messages either way.
    pub messages: u32,
    /// Messages the member sent them.
    pub sent: u32,
    /// Messages they sent the member.
    pub received: u32,
    /// Conversations both took part in.
    pub conversations: u32,
    /// Who sent the invitation to connect: "member" or "them".
    pub invited_by: Option<&'static str>,
    /// When, `YYYY-MM-DD`.
    pub invited_on: Option<String>,
    /// Endorsements the member gave them.
    pub endorsements_given: u32,
    /// Endorsements they gave the member.
    pub endorsements_received: u32,
    /// Recommendations the member wrote for them.
    pub recommendations_given: u32,
    /// Recommendations they wrote for the member.
    pub recommendations_received: u32,
}

impl RowContact {
    fn of(c: &Interaction) -> Self {
        Self {
            last_message: c.last_message.map(day_text),
            first_message: c.first_message.map(day_text),
            messages: c.messages(),
            sent: c.sent,
            received: c.received,
            conversations: c.conversations,
            invited_by: c.invited_by.map(|by| match by {
                InvitedBy::Member => "member",
                InvitedBy::Them => "them",
            }),
            invited_on: c.invited_on.map(day_text),
            endorsements_given: c.endorsements_given,
            endorsements_received: c.endorsements_received,
            recommendations_given: c.recommendations_given,
            recommendations_received: c.recommendations_received,
        }
    }
}

/// What the data archives imported tell (docs/ARCHITECTURE.md,
/// `archiveInfo()`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveSummary {
    /// The newest archive's last day, `YYYY-MM-DD`: how old the signal is.
    pub archive_day: Option<String>,
    /// When the last archive was imported.
    pub imported_ms: TimeMs,
    /// The kinds of file imported ("connections", "messages",
    /// "invitations", "endorsementsReceived", ...).
    pub kinds: Vec<FileKind>,
    /// Whether messages were imported: without them `messaged:` and
    /// `messages:` match nobody and the contact histogram is all unknown.
    pub messages: bool,
    /// People with something from an archive.
    pub people_with_contact: u32,
}

/// What the data archives imported tell; None before any.
pub fn archive_summary(network: &Network) -> Option<ArchiveSummary> {
    let info = network.archive.as_ref()?;
    Some(ArchiveSummary {
        archive_day: info.archive_day.map(day_text),
        imported_ms: info.imported_ms,
        kinds: info.kinds.iter().map(|k| k.kind).collect(),
        messages: info.has_messages(),
        people_with_contact: network
            .people
            .iter()
            .filter(|p| p.contact().is_some())
            .count() as u32,
    })
}

/// Years since the last message among some people.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ContactHistogram {
    /// Whole years since the last message, 0 to 10 (10: ten or more), each
    /// with its count; all eleven, so the bars are evenly spaced. Bar N
    /// holds what `messaged:after:<N+1>y messaged:before:<N>y` finds (bar 0:
    /// `messaged:after:1y`; bar 10: `messaged:before:10y`).
    pub years: Vec<ContactYears>,
    /// People never messaged (an archive with messages was imported).
    pub never: u32,
    /// People whose contact is unknown: no archive with messages imported.
    pub unknown: u32,
}

/// One bar of [`ContactHistogram`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContactYears {
    /// Whole years since the last message (10: ten or more).
    pub years: u32,
    /// How many people.
    pub count: u32,
}

/// The most years [`ContactHistogram`] tells apart.
const CONTACT_YEARS: u32 = 10;

/// Years since the last message among `indices`, as of `now_ms`.
pub fn contact_histogram(network: &Network, indices: &[u32], now_ms: TimeMs) -> ContactHistogram {
    // Bar N holds the last messages from N+1 years ago (inclusive) to N
    // years ago, as `messaged:after:<N+1>y messaged:before:<N>y` finds them.
    let today = CivilDate::from_ms(now_ms);
    let bounds: Vec<i64> = (1..=CONTACT_YEARS)
        .map(|n| today.months_before(n * 12).to_days())
        .collect();
    let archive = network.archive.as_ref();
    let mut counts = [0u32; CONTACT_YEARS as usize + 1];
    let mut histogram = ContactHistogram::default();
    for person in indices
        .iter()
        .filter_map(|&i| network.people.get(i as usize))
    {
        if !archive.is_some_and(|a| a.messages_cover(person)) {
            histogram.unknown += 1;
            continue;
        }
        match person.contact().and_then(|c| c.last_message) {
            Some(day) => {
                let years = bounds.iter().take_while(|&&b| i64::from(day) < b).count();
                counts[years] += 1;
            }
            None => histogram.never += 1,
        }
    }
    histogram.years = (0..=CONTACT_YEARS)
        .zip(counts)
        .map(|(years, count)| ContactYears { years, count })
        .collect();
    histogram
}

/// A pending invitation as the row shows it: never the note's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowInvitation {
    /// When it was sent, as far as the page's words tell.
    pub sent: Option<RowDate>,
    /// Whether it carried a note (null: the page shows no sign).
    pub has_note: Option<bool>,
}

/// A connection date as the row shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowDate {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// "day", "week", "month" or "year".
    pub precision: DatePrecision,
}

/// Names carried by an unmatched export row (folded), each with the first
/// such row and the first person of that name read with a link.
pub type NameGroups = HashMap<String, NameGroup>;

/// One name of [`NameGroups`].
#[derive(Clone, Debug, Default)]
pub struct NameGroup {
    unmatched: Option<u32>,
    linked: Option<u32>,
}

/// Who a namesake is, in words, for "possibly the same as ...".
fn describe_namesake(other: &Person) -> String {
    if !other.unmatched {
        let about = other.headline.as_deref().unwrap_or(other.slug.as_str());
        return format!("{} ({about}), read on your connections page", other.name);
    }
    let mut about: Vec<String> = Vec::new();
    if let Some(company) = &other.company {
        about.push(company.clone());
    }
    if let Some(c) = other.connected {
        about.push(format!("connected {}", c.date));
    }
    if about.is_empty() {
        format!("{} from your LinkedIn export", other.name)
    } else {
        format!(
            "{} from your LinkedIn export ({})",
            other.name,
            about.join(", ")
        )
    }
}

/// Counts of connection years among some people.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Histogram {
    /// Years in order, each with its count; years with none in between are
    /// included so the bars are evenly spaced.
    pub years: Vec<YearCount>,
    /// People whose connection date is unknown.
    pub unknown: u32,
}

/// One bar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct YearCount {
    /// The year.
    pub year: i32,
    /// How many people connected that year.
    pub count: u32,
}

fn source_id(source: Source) -> &'static str {
    match source {
        Source::Export => "export",
        Source::InvitationsPage => "invitations-page",
        Source::FollowingPage => "following-page",
        Source::FollowersPage => "followers-page",
        _ => "connections-page",
    }
}

/// Rows for `indices`; indices out of range are skipped.
/// `groups` comes from [`name_groups`] (cached by the caller while people
/// do not change); `queued` says who the removal queue holds.
pub fn rows<'a>(
    network: &'a Network,
    groups: &NameGroups,
    indices: &[u32],
    queued: impl Fn(&str) -> bool,
) -> Vec<Row<'a>> {
    let namesakes = namesakes(network, groups, indices);
    let archive = network.archive.as_ref();
    indices
        .iter()
        .filter_map(|&i| network.people.get(i as usize).map(|p| (i, p)))
        .map(|(index, p)| Row {
            index,
            slug: &p.slug,
            profile_url: (!p.unmatched).then(|| profile_url_of(&p.slug)),
            name: &p.name,
            headline: p.headline.as_deref(),
            company: p.company.as_deref(),
            position: p.position.as_deref(),
            connected: p.connected.map(|c| RowDate {
                date: c.date.to_string(),
                precision: c.precision,
            }),
            source: source_id(p.source),
            kept: p.kept,
            queued: queued(&p.slug),
            removed: p.removed_at_ms.is_some(),
            gone: p.gone_since_ms.is_some(),
            unmatched: p.unmatched,
            possibly_same_as: namesakes.get(&index).cloned(),
            connection: p.is_connection(),
            following: p.follows(),
            follower: p.follower().is_some(),
            follows_back: p.follower().and_then(|f| f.follows_back),
            invitation: p.invitation().map(|i| RowInvitation {
                sent: i.sent.map(|c| RowDate {
                    date: c.date.to_string(),
                    precision: c.precision,
                }),
                has_note: i.has_note,
            }),
            withdrawn: p
                .relations
                .as_ref()
                .is_some_and(|r| r.withdrawn_at_ms.is_some()),
            unfollowed: p
                .relations
                .as_ref()
                .is_some_and(|r| r.unfollowed_at_ms.is_some()),
            // Someone the messages archive speaks for but does not name
            // gets zero counts ("never messaged"); null means unknown.
            contact: match p.contact() {
                Some(contact) => Some(RowContact::of(contact)),
                None if archive.is_some_and(|a| a.messages_cover(p)) => {
                    Some(RowContact::of(&Interaction::default()))
                }
                None => None,
            },
        })
        .collect()
}

/// For the people at `indices`: who they may be the same person as,
/// in words. An export row without a link that netprune would not
/// merge (no company, no clear fit) and anyone of the same name read
/// with a link are possibly the same person. The names involved are
/// grouped once per change of people, so a window of rows costs a fold
/// per row.
fn namesakes(network: &Network, groups: &NameGroups, indices: &[u32]) -> HashMap<u32, String> {
    let mut out = HashMap::new();
    if groups.is_empty() {
        return out;
    }
    for &index in indices {
        let Some(person) = network.people.get(index as usize) else {
            continue;
        };
        let Some(group) = groups.get(&fold(&person.name)) else {
            continue;
        };
        let other = if person.unmatched {
            group.linked
        } else {
            group.unmatched
        };
        let Some(other) = other.and_then(|i| network.people.get(i as usize)) else {
            continue;
        };
        out.insert(index, describe_namesake(other));
    }
    out
}

/// Every folded name an unmatched export row carries, with that row and
/// the first person of the name read with a link.
pub fn name_groups(network: &Network) -> NameGroups {
    let mut groups = NameGroups::default();
    for (i, person) in network
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.unmatched)
    {
        groups
            .entry(fold(&person.name))
            .or_default()
            .unmatched
            .get_or_insert(i as u32);
    }
    if groups.is_empty() {
        return groups;
    }
    for (i, person) in network
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.unmatched)
    {
        if let Some(group) = groups.get_mut(&fold(&person.name)) {
            group.linked.get_or_insert(i as u32);
        }
    }
    groups
}

/// The histogram of connection years among `indices`.
pub fn histogram(network: &Network, indices: &[u32]) -> Histogram {
    let mut by_year: BTreeMap<i32, u32> = BTreeMap::new();
    let mut unknown = 0;
    for person in indices
        .iter()
        .filter_map(|&i| network.people.get(i as usize))
    {
        match person.connected {
            Some(c) => *by_year.entry(c.date.year).or_default() += 1,
            None => unknown += 1,
        }
    }
    let years = match (by_year.keys().next(), by_year.keys().next_back()) {
        (Some(&first), Some(&last)) => (first..=last)
            .map(|year| YearCount {
                year,
                count: by_year.get(&year).copied().unwrap_or(0),
            })
            .collect(),
        _ => Vec::new(),
    };
    Histogram { years, unknown }
}

/// The people at `indices` as CSV (RFC 4180, header first, no BOM).
pub fn export_csv(network: &Network, indices: &[u32]) -> String {
    let mut out = String::from(
        "Name,Profile URL,Headline,Company,Position,Connected On,Date Precision,Kept,Status,Last contact,Messages\r\n",
    );
    // Messages are a count only once an archive with messages was imported
    // (then someone it does not name has none); numbers and dates only,
    // never anything of a message.
    let archive = network.archive.as_ref();
    for person in indices
        .iter()
        .filter_map(|&i| network.people.get(i as usize))
    {
        let fields = [
            person.name.clone(),
            profile_url(person),
            person.headline.clone().unwrap_or_default(),
            person.company.clone().unwrap_or_default(),
            person.position.clone().unwrap_or_default(),
            person
                .connected
                .map(|c| c.date.to_string())
                .unwrap_or_default(),
            person
                .connected
                .map(|c| precision_word(c.precision))
                .unwrap_or_default()
                .to_string(),
            if person.kept { "yes" } else { "" }.to_string(),
            status(person).to_string(),
            person
                .contact()
                .and_then(|c| c.last_message)
                .map(day_text)
                .unwrap_or_default(),
            if archive.is_some_and(|a| a.messages_cover(person)) {
                person
                    .contact()
                    .map_or(0, Interaction::messages)
                    .to_string()
            } else {
                String::new()
            },
        ];
        for (n, field) in fields.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            push_csv_field(&mut out, field);
        }
        out.push_str("\r\n");
    }
    out
}

fn profile_url(person: &Person) -> String {
    if person.unmatched {
        return String::new();
    }
    profile_url_of(&person.slug)
}

/// `https://www.linkedin.com/in/<slug>/`, the slug percent-encoded.
pub(crate) fn profile_url_of(slug: &str) -> String {
    let slug = percent_encoding::utf8_percent_encode(slug, percent_encoding::NON_ALPHANUMERIC)
        .to_string()
        // Keep the readable characters LinkedIn itself leaves unescaped.
        .replace("%2D", "-")
        .replace("%5F", "_");
    format!("https://www.linkedin.com/in/{slug}/")
}

fn precision_word(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Week => "week",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
    }
}

fn status(person: &Person) -> &'static str {
    if person.removed_at_ms.is_some() {
        "removed by netprune"
    } else if person.gone_since_ms.is_some() {
        "gone"
    } else if person.unmatched {
        "from export, not seen on the page"
    } else {
        "connected"
    }
}

/// Writes one field, quoted when it must be, and defused when a spreadsheet
/// would treat it as a formula (OWASP's advice: a leading apostrophe).
pub(crate) fn push_csv_field(out: &mut String, field: &str) {
    let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r', '\u{ff1d}']);
    let needs_quotes = formula || field.contains([',', '"', '\n', '\r']) || field.starts_with(' ');
    if needs_quotes {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if needs_quotes {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> String {
        let mut out = String::new();
        push_csv_field(&mut out, text);
        out
    }

    #[test]
    fn formulas_are_defused_with_an_apostrophe() {
        assert_eq!(
            field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(field("+1 555"), "\"'+1 555\"");
        assert_eq!(field("-5"), "\"'-5\"");
        assert_eq!(field("@SUM(A1)"), "\"'@SUM(A1)\"");
    }

    #[test]
    fn quotes_commas_and_newlines_are_quoted() {
        assert_eq!(field("Nayak, MSc"), "\"Nayak, MSc\"");
        assert_eq!(field("Robert \"Bobby\""), "\"Robert \"\"Bobby\"\"\"");
        assert_eq!(field("a\nb"), "\"a\nb\"");
        assert_eq!(field("José 👋"), "José 👋");
    }
}
