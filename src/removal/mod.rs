//! Removal: taking people off the member's connections, slowly and safely.
//!
//! Owns the pacing policy and its seeded generator ([`pacing`]) and the
//! removal queue with its log ([`queue`]): a sans-IO state machine that
//! hands out one removal step at a time and stops at the first sign of
//! trouble. [`people`] holds the rules that look at the people
//! (who may be queued, who is skipped at their turn); [`plan`] previews a
//! batch before it is queued, by those same rules. [`rules`] holds every
//! timing that decides how the page is read and how long a step may wait,
//! handed to the content script through the background; [`limits`] states
//! each pacing setting's floor, ceiling and default.
//!
//! May import: [`crate::network`], [`crate::search`], [`crate::intake`],
//! [`crate::report`] (the log's CSV and profile links are written as the
//! report writes them).

pub mod language;
pub mod limits;
pub mod pacing;
pub mod people;
pub mod plan;
pub mod queue;
pub mod rules;
