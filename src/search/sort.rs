//! Sorting person indices, for the search index and the query language:
//! one stable merge sort behind a `dyn` comparator (small in the .wasm),
//! and the eight-byte prefixes most text comparisons settle on.

use std::cmp::Ordering;

/// Runs this short are insertion-sorted before merging.
const SORT_RUN: usize = 16;

/// Sorts person indices with `compare`: a stable bottom-up merge sort.
///
/// Every sort in this module goes through here, behind one `dyn`
/// comparator, and it is written out rather than `sort_unstable_by`
/// because each monomorphized standard sort adds about 9 KB to the .wasm,
/// which must stay small; this adds well under one. It is as fast as the
/// standard sort on these lists, and faster when they are nearly sorted
/// already (people arrive in slug order, which is close to name order).
pub(crate) fn sort_indices(indices: &mut [u32], compare: &dyn Fn(usize, usize) -> Ordering) {
    let less = |a: u32, b: u32| compare(a as usize, b as usize) == Ordering::Less;
    for run in indices.chunks_mut(SORT_RUN) {
        for end in 1..run.len() {
            let mut at = end;
            while at > 0 && less(run[at], run[at - 1]) {
                run.swap(at, at - 1);
                at -= 1;
            }
        }
    }
    let len = indices.len();
    if len <= SORT_RUN {
        return;
    }
    let mut from = indices.to_vec();
    let mut to = vec![0u32; len];
    let mut width = SORT_RUN;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (left, right) = from[start..end].split_at(middle - start);
            let out = &mut to[start..end];
            if left
                .last()
                .zip(right.first())
                .is_none_or(|(&l, &r)| !less(r, l))
            {
                // Already in order: the common case for nearly sorted lists.
                out[..left.len()].copy_from_slice(left);
                out[left.len()..].copy_from_slice(right);
                continue;
            }
            let (mut i, mut j) = (0, 0);
            for slot in out.iter_mut() {
                match (left.get(i), right.get(j)) {
                    (Some(&l), Some(&r)) if less(r, l) => {
                        *slot = r;
                        j += 1;
                    }
                    (Some(&l), _) => {
                        *slot = l;
                        i += 1;
                    }
                    (None, Some(&r)) => {
                        *slot = r;
                        j += 1;
                    }
                    (None, None) => {}
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    indices.copy_from_slice(&from);
}

/// The first eight bytes of `text`, big-endian and zero-padded: ordered as
/// the texts are, as far as eight bytes tell.
pub(crate) fn prefix(text: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (slot, byte) in bytes.iter_mut().zip(text.bytes()) {
        *slot = byte;
    }
    u64::from_be_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn sort_indices_is_a_stable_sort(keys in proptest::collection::vec(0u8..20, 0..200)) {
            let mut indices: Vec<u32> = (0..keys.len() as u32).collect();
            sort_indices(&mut indices, &|a, b| keys[a].cmp(&keys[b]));
            let mut expected: Vec<u32> = (0..keys.len() as u32).collect();
            expected.sort_by_key(|&i| keys[i as usize]);
            proptest::prop_assert_eq!(indices, expected);
        }
    }

    #[test]
    fn name_prefixes_order_like_the_names() {
        let names = [
            "",
            "a",
            "a\u{0}",
            "ab",
            "abcdefgh",
            "abcdefghi",
            "abcdefgz",
            "b",
        ];
        for pair in names.windows(2) {
            assert!(prefix(pair[0]) <= prefix(pair[1]), "{pair:?}");
        }
    }
}
