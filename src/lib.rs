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
//! - [`model`]: people, the network snapshot, the 500+ badge, the 30,000 cap
//!   and the follower:connection balance.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod calendar;
pub mod model;
pub mod reading;

#[cfg(target_arch = "wasm32")]
pub mod bindings;

pub use model::{Goal, Network, Summary};
pub use reading::PageReading;
