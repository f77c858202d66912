//! Search: the review page's filter language and what it runs on.
//!
//! Owns text folding ([`fold`]), the query language ([`query`]: parse,
//! match; its parser in `query/parse.rs`), the search index queries run on
//! ([`index`]), and the sort both use ([`sort`]).
//!
//! May import: [`crate::network`] (people and dates) only.

pub mod fold;
pub mod index;
pub mod query;
pub mod sort;
