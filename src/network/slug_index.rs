//! The network's slug -> person index, keyed by each slug's hash so that it
//! holds no second copy of the slugs (the people hold them already): a
//! lookup compares the slug of the person the hash points to. At 30,000
//! people that is 30,000 strings fewer to allocate on every restore, and
//! about a megabyte less of wasm memory, which never shrinks.
//!
//! Two slugs with one 64-bit hash (about 2^-64 for a pair) are still kept
//! apart: the second one goes to a side map keyed by the slug itself, empty
//! in practice. Every method takes the people the indices point into; the
//! caller keeps them in step (model.rs, the only user).

use crate::network::fastmap::{FastHasher, FastMap};
use crate::network::model::Person;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasher, BuildHasherDefault};

/// The slug -> index map of [`crate::network::model::Network`]. Derived data:
/// two indexes compare equal whatever they hold.
#[derive(Clone, Debug)]
pub(crate) struct SlugIndex {
    /// Slug hash -> index of the first person with that hash.
    by_hash: FastMap<u64, u32>,
    /// Slugs whose hash another slug in `by_hash` has already.
    collided: FastMap<String, u32>,
    /// How a slug is hashed (tests make every slug collide).
    hash: fn(&str) -> u64,
}

impl PartialEq for SlugIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Default for SlugIndex {
    fn default() -> Self {
        Self::with_hash(hash_of)
    }
}

fn hash_of(slug: &str) -> u64 {
    BuildHasherDefault::<FastHasher>::default().hash_one(slug)
}

fn slug_at(people: &[Person], i: u32) -> Option<&str> {
    people.get(i as usize).map(|p| p.slug.as_str())
}

impl SlugIndex {
    fn with_hash(hash: fn(&str) -> u64) -> Self {
        Self {
            by_hash: FastMap::default(),
            collided: FastMap::default(),
            hash,
        }
    }

    /// Room for `more` people without growing.
    pub(crate) fn reserve(&mut self, more: usize) {
        self.by_hash.reserve(more);
    }

    /// The index of the person with `slug`.
    pub(crate) fn get(&self, people: &[Person], slug: &str) -> Option<u32> {
        let hash = (self.hash)(slug);
        if let Some(&i) = self.by_hash.get(&hash) {
            if slug_at(people, i) == Some(slug) {
                return Some(i);
            }
        }
        if self.collided.is_empty() {
            return None;
        }
        self.collided.get(slug).copied()
    }

    /// Adds `slug` at index `i` (the person there, or about to be pushed
    /// there); false, changing nothing, when `slug` is indexed already.
    pub(crate) fn insert(&mut self, people: &[Person], slug: &str, i: u32) -> bool {
        match self.by_hash.entry((self.hash)(slug)) {
            Entry::Vacant(entry) => {
                entry.insert(i);
                true
            }
            Entry::Occupied(entry) => {
                if slug_at(people, *entry.get()) == Some(slug) {
                    return false;
                }
                match self.collided.entry(slug.to_owned()) {
                    Entry::Vacant(entry) => {
                        entry.insert(i);
                        true
                    }
                    Entry::Occupied(_) => false,
                }
            }
        }
    }

    /// Removes `slug`, answering the index it had.
    pub(crate) fn remove(&mut self, people: &[Person], slug: &str) -> Option<u32> {
        let hash = (self.hash)(slug);
        match self.by_hash.get(&hash) {
            Some(&i) if slug_at(people, i) == Some(slug) => {
                self.by_hash.remove(&hash);
                // A slug of the same hash waiting aside takes its place.
                let hash_fn = self.hash;
                let heir = self
                    .collided
                    .keys()
                    .find(|other| hash_fn(other) == hash)
                    .cloned();
                if let Some(heir) = heir {
                    if let Some(j) = self.collided.remove(&heir) {
                        self.by_hash.insert(hash, j);
                    }
                }
                Some(i)
            }
            _ => self.collided.remove(slug),
        }
    }

    /// Points `slug`, indexed already, at `i` (a person moved in the list).
    pub(crate) fn repoint(&mut self, people: &[Person], slug: &str, i: u32) {
        let hash = (self.hash)(slug);
        if let Some(at) = self.by_hash.get_mut(&hash) {
            if slug_at(people, *at) == Some(slug) {
                *at = i;
                return;
            }
        }
        if let Some(at) = self.collided.get_mut(slug) {
            *at = i;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::model::Source;
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// A network's people and index, changed as model.rs changes them.
    struct Fixture {
        people: Vec<Person>,
        index: SlugIndex,
    }

    impl Fixture {
        fn push(&mut self, slug: &str) -> bool {
            let i = self.people.len() as u32;
            if !self.index.insert(&self.people, slug, i) {
                return false;
            }
            self.people.push(Person::new(
                slug.into(),
                slug.into(),
                Source::ConnectionsPage,
                0,
            ));
            true
        }

        fn remove_at(&mut self, i: usize) {
            let last = self.people.len() - 1;
            let removed = self.index.remove(&self.people, &self.people[i].slug);
            assert_eq!(removed, Some(i as u32));
            if i != last {
                let moved = self.people[last].slug.clone();
                self.index.repoint(&self.people, &moved, i as u32);
            }
            self.people.swap_remove(i);
        }
    }

    #[derive(Clone, Debug)]
    enum Op {
        Push(u8),
        Remove(prop::sample::Index),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            3 => any::<u8>().prop_map(Op::Push),
            1 => any::<prop::sample::Index>().prop_map(Op::Remove),
        ]
    }

    /// Every slug hashes to one of three values: most inserts collide.
    fn three_hashes(slug: &str) -> u64 {
        (slug.len() % 3) as u64
    }

    fn check(ops: &[Op], hash: fn(&str) -> u64) {
        let mut fx = Fixture {
            people: Vec::new(),
            index: SlugIndex::with_hash(hash),
        };
        let mut reference: HashMap<String, u32> = HashMap::new();
        for op in ops {
            match op {
                Op::Push(n) => {
                    let slug = format!("p-{}", "x".repeat(usize::from(*n % 7)) + &n.to_string());
                    let fresh = !reference.contains_key(&slug);
                    assert_eq!(fx.push(&slug), fresh, "{slug}");
                    if fresh {
                        reference.insert(slug, fx.people.len() as u32 - 1);
                    }
                }
                Op::Remove(at) if !fx.people.is_empty() => {
                    let i = at.index(fx.people.len());
                    fx.remove_at(i);
                    reference.clear();
                    for (j, p) in fx.people.iter().enumerate() {
                        reference.insert(p.slug.clone(), j as u32);
                    }
                }
                Op::Remove(_) => {}
            }
            for (slug, &i) in &reference {
                assert_eq!(fx.index.get(&fx.people, slug), Some(i), "{slug}");
            }
            assert_eq!(fx.index.get(&fx.people, "nobody"), None);
        }
    }

    proptest! {
        /// Pushes and swap-removes keep the index equal to a plain map.
        #[test]
        fn the_index_finds_what_a_plain_map_finds(ops in prop::collection::vec(op(), 0..120)) {
            check(&ops, hash_of);
        }

        /// The same with nearly every slug colliding.
        #[test]
        fn colliding_slugs_are_kept_apart(ops in prop::collection::vec(op(), 0..120)) {
            check(&ops, three_hashes);
        }
    }
}
