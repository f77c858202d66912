//! The compact snapshot: the form the background stores the network in
//! (IndexedDB, as bytes), read at every service-worker wake.
//!
//! The JSON snapshot ([`Snapshot::to_json`]) spells every field's name for
//! every person: 9.3 MB at 30,000 people, most of a wake spent parsing it.
//! Here the people, which are nearly all of it, are one record each in a
//! fixed field order (a byte of flags, then lengths and numbers as LEB128
//! varints), and everything else (readings, goal, collection run, queue,
//! saved queries: small, and shaped by many types) stays JSON in a header,
//! written and read by the same serde code as the JSON snapshot.
//!
//! ```text
//! "NPSNAP" 0x03 0x00              magic, format version, reserved
//! varint H, H bytes               the header: the JSON snapshot, "people":[]
//! varint N                        the number of people
//! N person records                see `write_person`
//! ```
//!
//! The format version is the second thing read: a file of a newer version
//! is refused as newer (kept, never overwritten), one that is cut short,
//! runs past its end or has bytes left over is refused as damaged. Nothing
//! here panics on any input: every length is checked against the bytes that
//! remain before it is used.

use crate::network::calendar::{CivilDate, ConnectedDate, DatePrecision, TimeMs};
use crate::network::model::{newer_version, ModelError, Person, Source};
use crate::snapshot::Snapshot;

/// The first bytes of every compact snapshot.
const MAGIC: &[u8; 6] = b"NPSNAP";
/// The compact format version this build writes and reads. Version 1 (an
/// earlier build's) is version 2 without each record's relations; version
/// 2 is version 3 whose relations never hold a follower. Version 3 exists
/// so that a build of version 2, which would read a follower's relations
/// and drop what it does not know, refuses the file as newer instead of
/// losing the followers when it next saves.
pub const COMPACT_VERSION: u8 = 3;

// A person record's flags: which optional fields follow, and the two
// booleans. A set bit this build does not know means damage.
const HEADLINE: u8 = 1;
const COMPANY: u8 = 1 << 1;
const POSITION: u8 = 1 << 2;
const CONNECTED: u8 = 1 << 3;
const KEPT: u8 = 1 << 4;
const UNMATCHED: u8 = 1 << 5;
const GONE: u8 = 1 << 6;
const REMOVED: u8 = 1 << 7;

impl Snapshot {
    /// The snapshot in the compact form (about a third of the JSON's size).
    pub fn to_compact(&self) -> Vec<u8> {
        let n = &self.network;
        let header = self.json_without_people();
        let mut out = Vec::with_capacity(header.len() + 16 + n.people.len() * 96);
        out.extend_from_slice(MAGIC);
        out.push(COMPACT_VERSION);
        out.push(0);
        put_varint(&mut out, header.len() as u64);
        out.extend_from_slice(header.as_bytes());
        put_varint(&mut out, n.people.len() as u64);
        for person in &n.people {
            write_person(&mut out, person);
        }
        out
    }

    /// Reads a snapshot written by [`Snapshot::to_compact`], refusing one
    /// of a newer version as newer and anything else it cannot read as
    /// damaged, and validating the network as [`Snapshot::from_json`] does.
    pub fn from_compact(bytes: &[u8]) -> Result<Self, ModelError> {
        Self::from_compact_source(bytes)
    }

    /// [`Snapshot::from_compact`] from bytes read a window at a time: the
    /// bindings read a JavaScript `Uint8Array` this way, so the stored
    /// bytes are never copied whole into wasm memory (which never shrinks).
    pub fn from_compact_source(source: impl ByteSource) -> Result<Self, ModelError> {
        let damaged = |why: &str| ModelError::BadSnapshot(why.to_string());
        let mut reader = Reader::new(source);
        if reader.take(MAGIC.len()).ok() != Some(MAGIC.as_slice()) {
            return Err(damaged("it is not a netprune snapshot"));
        }
        let version = reader.byte()?;
        if version > COMPACT_VERSION {
            return Err(newer_version(u64::from(version)));
        }
        if version == 0 {
            return Err(damaged("it has no format version"));
        }
        reader.byte()?;
        let header_len = reader.len()?;
        let header = std::str::from_utf8(reader.take(header_len)?)
            .map_err(|_| damaged("its header is not text"))?;
        // The header is the JSON snapshot with no people, read as one is.
        let parsed = Snapshot::from_json_unvalidated(header);
        let mut snapshot = parsed.map_err(|e| match e {
            ModelError::BadSnapshot(why) => {
                ModelError::BadSnapshot(format!("its header is damaged: {why}"))
            }
            other => other,
        })?;
        if !snapshot.network.people.is_empty() {
            return Err(damaged("its header holds people"));
        }
        let count = reader.len()?;
        // Every record takes at least 7 bytes (8 from version 2): a count larger than the
        // bytes left allow is damage, and never reserves memory it cannot fill.
        if count > reader.left() / 7 {
            return Err(damaged("it lists more people than it holds"));
        }
        let mut people = Vec::with_capacity(count);
        for _ in 0..count {
            people.push(reader.person(version)?);
        }
        if reader.left() > 0 {
            return Err(damaged("it has bytes after its last person"));
        }
        snapshot.network.people = people;
        snapshot.validated()
    }
}

/// One person: flags, slug, name, the optional texts, the connection date
/// (days since 1970-01-01, zigzag, then its precision), the source, first
/// and last seen, the last run, and the two optional times.
fn write_person(out: &mut Vec<u8>, p: &Person) {
    // Every field named: a field added to Person fails to compile here
    // until the format (and its version) says how it is stored.
    let Person {
        slug,
        name,
        headline,
        company,
        position,
        connected,
        source,
        first_seen_ms,
        last_seen_ms,
        kept,
        unmatched,
        last_run,
        gone_since_ms,
        removed_at_ms,
        relations,
    } = p;
    let mut flags = 0;
    for (present, bit) in [
        (headline.is_some(), HEADLINE),
        (company.is_some(), COMPANY),
        (position.is_some(), POSITION),
        (connected.is_some(), CONNECTED),
        (*kept, KEPT),
        (*unmatched, UNMATCHED),
        (gone_since_ms.is_some(), GONE),
        (removed_at_ms.is_some(), REMOVED),
    ] {
        if present {
            flags |= bit;
        }
    }
    out.push(flags);
    put_str(out, slug);
    put_str(out, name);
    for text in [headline, company, position].into_iter().flatten() {
        put_str(out, text);
    }
    if let Some(connected) = connected {
        put_signed(out, connected.date.to_days());
        out.push(precision_code(connected.precision));
    }
    out.push(source_code(*source));
    put_signed(out, *first_seen_ms);
    put_signed(out, *last_seen_ms);
    put_varint(out, u64::from(*last_run));
    for time in [gone_since_ms, removed_at_ms].into_iter().flatten() {
        put_signed(out, *time);
    }
    // Relations are rare (invitations, follows, listed followers: hundreds
    // or a thousand beside thousands of connections) and shaped by serde:
    // their JSON, or length 0.
    match relations {
        Some(relations) => {
            let json = serde_json::to_string(relations).unwrap_or_default();
            put_str(out, &json);
        }
        None => put_varint(out, 0),
    }
}

// The codes are the format: a variant added later takes the next number,
// and none is ever renumbered.
fn source_code(source: Source) -> u8 {
    match source {
        Source::ConnectionsPage => 0,
        Source::FollowersPage => 1,
        Source::FollowingPage => 2,
        Source::Profile => 3,
        Source::Export => 4,
        Source::InvitationsPage => 5,
    }
}

fn precision_code(precision: DatePrecision) -> u8 {
    match precision {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Year => 3,
    }
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn put_signed(out: &mut Vec<u8>, value: i64) {
    put_varint(out, ((value << 1) ^ (value >> 63)) as u64);
}

fn put_str(out: &mut Vec<u8>, text: &str) {
    put_varint(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

/// Where compact bytes are read from: a slice, or (in the bindings) a
/// JavaScript `Uint8Array` read a window at a time.
pub trait ByteSource {
    /// How many bytes there are.
    fn size(&self) -> usize;
    /// Copies the bytes at `at..at + into.len()` into `into`; the caller
    /// stays within `size()`.
    fn read_at(&mut self, at: usize, into: &mut [u8]);
}

impl ByteSource for &[u8] {
    fn size(&self) -> usize {
        self.len()
    }

    fn read_at(&mut self, at: usize, into: &mut [u8]) {
        into.copy_from_slice(&self[at..at + into.len()]);
    }
}

impl<T: ByteSource> ByteSource for &mut T {
    fn size(&self) -> usize {
        (**self).size()
    }

    fn read_at(&mut self, at: usize, into: &mut [u8]) {
        (**self).read_at(at, into);
    }
}

/// How many bytes the reader copies out of its source at a time.
const WINDOW: usize = 64 * 1024;

/// The bytes not read yet: a window copied out of the source, refilled as
/// the reading moves through it.
struct Reader<S> {
    source: S,
    /// The window: bytes `start..start + window.len()` of the source.
    window: Vec<u8>,
    start: usize,
    /// The next byte to read, in the window.
    at: usize,
}

fn cut_short() -> ModelError {
    ModelError::BadSnapshot("it is cut short".into())
}

impl<S: ByteSource> Reader<S> {
    fn new(source: S) -> Self {
        Self {
            source,
            window: Vec::new(),
            start: 0,
            at: 0,
        }
    }

    /// Bytes not read yet, in the window and after it.
    fn left(&self) -> usize {
        self.source.size() - self.start - self.at
    }

    /// Makes `len` unread bytes sit in the window, or says the source is
    /// cut short.
    fn ensure(&mut self, len: usize) -> Result<(), ModelError> {
        if self.window.len() - self.at >= len {
            return Ok(());
        }
        if len > self.left() {
            return Err(cut_short());
        }
        self.window.drain(..self.at);
        self.start += self.at;
        self.at = 0;
        let have = self.window.len();
        let more = (len - have).max(WINDOW).min(self.left() - have);
        self.window.resize(have + more, 0);
        let from = self.start + have;
        self.source.read_at(from, &mut self.window[have..]);
        Ok(())
    }

    fn byte(&mut self) -> Result<u8, ModelError> {
        self.ensure(1)?;
        let byte = self.window[self.at];
        self.at += 1;
        Ok(byte)
    }

    fn take(&mut self, len: usize) -> Result<&[u8], ModelError> {
        self.ensure(len)?;
        let taken = &self.window[self.at..self.at + len];
        self.at += len;
        Ok(taken)
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err(ModelError::BadSnapshot("a number in it is too long".into()))
    }

    fn len(&mut self) -> Result<usize, ModelError> {
        usize::try_from(self.varint()?).map_err(|_| cut_short())
    }

    fn signed(&mut self) -> Result<i64, ModelError> {
        let raw = self.varint()?;
        Ok((raw >> 1) as i64 ^ -((raw & 1) as i64))
    }

    fn text(&mut self) -> Result<String, ModelError> {
        let len = self.len()?;
        let bytes = self.take(len)?;
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| ModelError::BadSnapshot("a name in it is not text".into()))
    }

    fn optional_text(&mut self, flags: u8, bit: u8) -> Result<Option<String>, ModelError> {
        if flags & bit == 0 {
            return Ok(None);
        }
        self.text().map(Some)
    }

    fn optional_time(&mut self, flags: u8, bit: u8) -> Result<Option<TimeMs>, ModelError> {
        if flags & bit == 0 {
            return Ok(None);
        }
        self.signed().map(Some)
    }

    fn person(&mut self, version: u8) -> Result<Person, ModelError> {
        let flags = self.byte()?;
        let slug = self.text()?;
        let name = self.text()?;
        let headline = self.optional_text(flags, HEADLINE)?;
        let company = self.optional_text(flags, COMPANY)?;
        let position = self.optional_text(flags, POSITION)?;
        let connected = if flags & CONNECTED == 0 {
            None
        } else {
            let days = self.signed()?;
            // Far outside any real date: damage, and from_days would
            // overflow on it.
            if !(-1_000_000..=1_000_000).contains(&days) {
                return Err(ModelError::BadSnapshot(format!(
                    "{slug:?} has an impossible connection date"
                )));
            }
            let precision = match self.byte()? {
                0 => DatePrecision::Day,
                1 => DatePrecision::Week,
                2 => DatePrecision::Month,
                3 => DatePrecision::Year,
                _ => {
                    return Err(ModelError::BadSnapshot(
                        "a date precision in it is unknown".into(),
                    ))
                }
            };
            Some(ConnectedDate {
                date: CivilDate::from_days(days),
                precision,
            })
        };
        let source = match self.byte()? {
            0 => Source::ConnectionsPage,
            1 => Source::FollowersPage,
            2 => Source::FollowingPage,
            3 => Source::Profile,
            4 => Source::Export,
            5 => Source::InvitationsPage,
            _ => return Err(ModelError::BadSnapshot("a source in it is unknown".into())),
        };
        let first_seen_ms = self.signed()?;
        let last_seen_ms = self.signed()?;
        let last_run = u32::try_from(self.varint()?)
            .map_err(|_| ModelError::BadSnapshot("a collection run number is too large".into()))?;
        let gone_since_ms = self.optional_time(flags, GONE)?;
        let removed_at_ms = self.optional_time(flags, REMOVED)?;
        let relations = if version < 2 {
            None
        } else {
            match self.text()? {
                json if json.is_empty() => None,
                json => Some(Box::new(serde_json::from_str(&json).map_err(|_| {
                    ModelError::BadSnapshot(format!("{slug:?} has damaged relations"))
                })?)),
            }
        };
        Ok(Person {
            slug,
            name,
            headline,
            company,
            position,
            connected,
            source,
            first_seen_ms,
            last_seen_ms,
            kept: flags & KEPT != 0,
            unmatched: flags & UNMATCHED != 0,
            last_run,
            gone_since_ms,
            removed_at_ms,
            relations,
        })
    }
}
