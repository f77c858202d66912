//! Intake: everything that brings people and figures into the network.
//!
//! Owns what the content script reads off a page and what its text means
//! ([`reading`]), a reading merged into the network ([`ingest`]),
//! LinkedIn's `Connections.csv` export ([`import`]), the export merged into
//! the network ([`merge`]), LinkedIn's data archive read into a digest
//! ([`archive`]) and merged into each person's contact ([`archive_merge`]), and collection runs over the whole connections
//! list ([`collect`]), the invitations and follows read off their pages
//! ([`relations`]); LinkedIn's words, read from
//! `linkedin/words/en.json` ([`words`]), and every UI language's month names,
//! date patterns and number symbols from CLDR ([`cldr`]).
//!
//! May import: [`crate::network`], and [`crate::search`]'s text folding.

pub mod archive;
pub mod archive_merge;
pub mod cldr;
pub mod collect;
pub mod import;
pub mod ingest;
pub mod merge;
pub mod reading;
pub mod relations;
pub mod words;
