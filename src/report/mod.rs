//! Report: what the member is shown of the network.
//!
//! Owns the review page's rows, the histogram of connection years and the
//! CSV export ([`view`]).
//!
//! May import: [`crate::network`], [`crate::intake`], [`crate::search`].

pub mod view;
