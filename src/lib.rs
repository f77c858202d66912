//! netprune's core: the model of a member's LinkedIn network, compiled to
//! WebAssembly for the browser extension and tested natively on the host.
//!
//! The core is sans-IO: it never reads a clock, an entropy source, storage or
//! the DOM. Time comes in as `now_ms`; state goes out as serializable values
//! the extension's background persists. Only [`bindings`] (compiled for
//! `wasm32` alone) knows about JavaScript.
//!
//! - [`calendar`]: civil dates and epoch milliseconds.
//! - [`reading`]: what the content script reads off a page, and what its text
//!   means (counts like "3.4K", "Connected 2 weeks ago", `/in/<slug>/` links).
//! - [`import`]: LinkedIn's `Connections.csv` export (from "Get a copy of your
//!   data") read into rows, with each skipped row's line and reason.
//! - [`merge`]: the export merged into the network, by link or by name.
//! - [`model`]: people, the network snapshot, the 500+ badge, the 30,000 cap
//!   and the follower:connection balance.
//! - [`collect`]: collection runs over the whole connections list, and who
//!   has gone since the last complete one.
//! - [`fold`]: text folding for search (lower case, accents off), by
//!   hand-written tables rather than a normalization crate.
//! - [`query`]: the review page's filter language: parse, match and sort
//!   30,000 people per keystroke.
//! - [`index`]: the search index queries run on: folded text in one buffer,
//!   byte-pair signatures and the name order in arrays.
//! - [`view`]: rows, the histogram of connection years, and CSV export.
//! - [`pacing`]: the pacing policy: randomized gaps, breathers, hourly and
//!   daily caps with hard ceilings, quiet hours, backoff, and the seeded
//!   generator they draw from.
//! - [`queue`]: the removal queue: a sans-IO state machine that hands out
//!   one removal step at a time, stops at the first sign of trouble, and
//!   logs every transition for export.
//! - [`storage`]: the stored snapshot and the versioned backup file.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod calendar;
pub mod collect;
mod fastmap;
pub mod fold;
pub mod import;
pub mod index;
pub mod merge;
pub mod model;
pub mod pacing;
pub mod query;
pub mod queue;
pub mod reading;
pub mod storage;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod bindings;

pub use model::{Goal, Network, Summary};
pub use reading::PageReading;
