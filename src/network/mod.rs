//! The network: the member's people and the figures read about them.
//!
//! Owns the types every other part speaks in: [`model::Person`],
//! [`model::Network`], the counts and their precision, civil dates and
//! epoch milliseconds ([`calendar`]), and the slug-keyed maps
//! (`fastmap`). Calendar lives here rather than in intake because every
//! part (pacing, the queue, storage) measures time in its [`calendar::TimeMs`].
//!
//! May import: nothing else in the crate (the layout test in
//! `tests/layout.rs` checks it once the loop through `Network` is broken).

pub mod calendar;
pub(crate) mod fastmap;
pub mod model;
