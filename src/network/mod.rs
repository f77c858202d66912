//! The network: the member's people and the figures read about them.
//!
//! Owns the types every other part speaks in: [`model::Person`],
//! [`model::Network`] (people and the figures read about them), figures and
//! their precision ([`figure`]), civil dates, connection dates and epoch
//! milliseconds ([`calendar`]), what the data archive says of each person
//! ([`contact`]), cleaned text ([`text`]), and the slug-keyed
//! maps (`fastmap`). Calendar lives here rather than in intake because every
//! part (pacing, the queue, storage) measures time in its [`calendar::TimeMs`].
//!
//! May import: nothing else in the crate (`tests/layout.rs` checks it).

pub mod calendar;
pub mod contact;
pub(crate) mod fastmap;
pub mod figure;
pub mod model;
pub(crate) mod slug_index;
pub mod text;
