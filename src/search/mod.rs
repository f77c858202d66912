//! Search: the review page's filter language and what it runs on.
//!
//! Owns text folding ([`fold`]), the query language ([`query`]: parse,
//! match, sort) and the search index queries run on ([`index`]).
//!
//! May import: [`crate::network`] (people and dates) only.

pub mod fold;
pub mod index;
pub mod query;
