//! netprune's core: the model of a member's LinkedIn network, compiled to
//! WebAssembly for the browser extension and tested natively on the host.
//!
//! The core is sans-IO: it never reads a clock, an entropy source, storage or
//! the DOM. Time comes in as `now_ms`; state goes out as serializable values
//! the extension's background persists. Only [`bindings`] (compiled for
//! `wasm32` alone) knows about JavaScript, and only [`web`] (the same)
//! touches the browser: its entropy and its timers.
//!
//! - [`network`]: people, the network snapshot, the 500+ badge, the 30,000
//!   cap and the follower:connection balance; civil dates and epoch
//!   milliseconds.
//! - [`intake`]: what the content script reads off a page and what its text
//!   means; LinkedIn's `Connections.csv` export, merged into the network;
//!   collection runs over the whole connections list.
//! - [`search`]: text folding, the review page's filter language and the
//!   search index it runs on.
//! - [`removal`]: the pacing policy and the removal queue with its log.
//! - [`report`]: rows, the histogram of connection years, and CSV export.
//! - [`snapshot`]: the member's whole state, composing the parts above: the
//!   one place they meet.
//! - [`storage`]: the stored snapshot and the versioned backup file.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod intake;
pub mod network;
pub mod removal;
pub mod report;
pub mod search;
pub mod snapshot;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod bindings;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use intake::reading::PageReading;
pub use network::model::{Goal, Network};
pub use report::summary::Summary;
pub use snapshot::Snapshot;
