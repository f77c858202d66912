//! The hash maps the core keys by slug and by name, with a hasher made for
//! them.
//!
//! The standard library's SipHash resists hash flooding, which matters for
//! keys an adversary chooses; these keys are the member's own connections,
//! read from their own pages and export, and SipHash was the largest single
//! cost of restoring and importing 30,000 people. This hasher reads eight
//! bytes per step and mixes each with a folded multiply (the full 128-bit
//! product, its halves xored), so every input bit reaches the bits that pick
//! the bucket: keys that differ in a single byte anywhere land apart, and a
//! crafted export or backup cannot pile thousands of slugs into one chain.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Eight bytes per step: xor in, then a folded multiply.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FastHasher(u64);

const MULTIPLIER: u64 = 0xf135_7aea_2e62_a9c5;

impl FastHasher {
    fn add(&mut self, word: u64) {
        // A plain 64-bit multiply only carries bits upwards, so the top bits
        // of each word never reached the low bits the table indexes by.
        let product = u128::from(self.0 ^ word) * u128::from(MULTIPLIER);
        self.0 = (product as u64) ^ ((product >> 64) as u64);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            // The length keeps "a" and "a\0" apart.
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, BuildHasherDefault};

    fn hash(text: &str) -> u64 {
        BuildHasherDefault::<FastHasher>::default().hash_one(text)
    }

    #[test]
    fn close_keys_hash_apart() {
        let keys = [
            "",
            "a",
            "a\0",
            "ab",
            "ba",
            "jane-doe-1a2b3c",
            "jane-doe-1a2b3d",
        ];
        let hashes: std::collections::HashSet<u64> = keys.iter().map(|k| hash(k)).collect();
        assert_eq!(hashes.len(), keys.len());
    }

    /// hashbrown picks the bucket from the low bits and a tag from the top
    /// seven: keys that differ only in the last byte of an eight-byte word
    /// (where a plain multiply loses them) must still spread over both.
    #[test]
    fn keys_differing_anywhere_spread_over_buckets_and_tags() {
        let alphabet: Vec<char> = ('a'..='z').chain('0'..='9').collect();
        let mut buckets = std::collections::HashSet::new();
        let mut tags = std::collections::HashSet::new();
        let mut keys = 0;
        for &at7 in &alphabet {
            for &at15 in &alphabet {
                let mut key: Vec<char> = "john-smith-1a2b3c-0000".chars().collect();
                key[7] = at7;
                key[15] = at15;
                let h = hash(&key.iter().collect::<String>());
                buckets.insert(h & 0xffff);
                tags.insert(h >> 57);
                keys += 1;
            }
        }
        // 1,296 keys over 65,536 buckets: about 13 collide by chance.
        assert!(
            buckets.len() > keys - 40,
            "{} buckets for {keys} keys",
            buckets.len()
        );
        assert_eq!(tags.len(), 128, "every tag is used");
    }

    #[test]
    fn maps_find_what_they_hold() {
        let mut map: FastMap<String, u32> = FastMap::default();
        for i in 0..10_000u32 {
            map.insert(format!("person-{i:x}"), i);
        }
        assert_eq!(map.len(), 10_000);
        assert!((0..10_000u32).all(|i| map.get(&format!("person-{i:x}")) == Some(&i)));
    }
}
