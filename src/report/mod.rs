//! Report: what the member is shown of the network.
//!
//! Owns the popup's summary ([`summary`]: figures, badge, cap, ratio,
//! history) and the review page's rows, the histogram of connection years
//! and the CSV export ([`view`]).
//!
//! May import: [`crate::network`], [`crate::search`], [`crate::intake`];
//! never the removal queue (callers pass who is queued).

pub mod summary;
pub mod view;
