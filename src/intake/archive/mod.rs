//! LinkedIn's data archive ("Get a copy of your data"), read into a
//! [`ArchiveDigest`]: counts and dates per person, never message text.

mod digest;

pub use digest::*;
