//! The rows a filter passes, shared: every panel of a view reads the same list, and a copy of
//! it is a reference, not a copy of up to a million row numbers.
//!
//! Two [`Rows`] compare equal when they hold the same row numbers; one made by cloning
//! another is known equal without reading them ([`Rows::same`]), which lets a panel's sums be
//! kept for the rows they were made from and given again to the next panel that asks
//! ([`crate::core::baseline::Baseline::group`]).

use std::ops::Deref;
use std::sync::Arc;

/// Row numbers of a table, ascending, as [`crate::core::engine::Engine::rows`] gives them,
/// behind a shared pointer: cloning is a reference count.
#[derive(Debug, Clone, Default)]
pub struct Rows(Arc<Vec<u32>>);

impl Rows {
    /// Shares `rows` (ascending row numbers of one table).
    pub fn new(rows: Vec<u32>) -> Rows {
        Rows(Arc::new(rows))
    }

    /// Whether `other` is this very list (one is a clone of the other): then both hold the
    /// same rows, whatever they are. Lists made apart are not the same even when equal.
    pub fn same(&self, other: &Rows) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Rows {
    type Target = [u32];

    fn deref(&self) -> &[u32] {
        &self.0
    }
}

impl From<Vec<u32>> for Rows {
    fn from(rows: Vec<u32>) -> Rows {
        Rows::new(rows)
    }
}

impl PartialEq for Rows {
    /// The same list (no number read), or lists of the same row numbers (compared two
    /// numbers at a time).
    fn eq(&self, other: &Rows) -> bool {
        self.same(other) || same_numbers(&self.0, &other.0)
    }
}

impl Eq for Rows {}

/// Whether `a` and `b` hold the same numbers in the same order.
fn same_numbers(a: &[u32], b: &[u32]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let pair = |chunk: &[u32]| match chunk {
        [low, high] => u64::from(*low) | u64::from(*high) << 32,
        _ => 0,
    };
    let (a_pairs, b_pairs) = (a.chunks_exact(2), b.chunks_exact(2));
    let (a_last, b_last) = (a_pairs.remainder(), b_pairs.remainder());
    a_last == b_last && a_pairs.zip(b_pairs).all(|(x, y)| pair(x) == pair(y))
}

/// The rows that came and went from one list of rows to the next: what a panel kept for the
/// first list adds and takes away to be the next one's ([`crate::core::baseline`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// The rows of the next list that the first lacks, ascending.
    pub gained: Vec<u32>,
    /// The rows of the first list that the next lacks, ascending.
    pub lost: Vec<u32>,
}

impl Changes {
    /// The rows that came and went from `old` to `new`, in one walk of both lists, when
    /// they number fewer than `limit`. `None` when they number `limit` or more (the walk
    /// stops as soon as the changes found and the difference of the rows left in each list
    /// reach it), or when either list is not strictly ascending (a walk cannot tell its
    /// changes then).
    pub fn between(old: &[u32], new: &[u32], limit: usize) -> Option<Changes> {
        if old.len().abs_diff(new.len()) >= limit {
            return None;
        }
        let mut changes = Changes::default();
        let (mut at_old, mut at_new) = (0usize, 0usize);
        // The last row taken from each list, to check that each rises (-1: none yet).
        let (mut last_old, mut last_new) = (-1i64, -1i64);
        loop {
            let (from_old, from_new) = match (old.get(at_old), new.get(at_new)) {
                (Some(&a), Some(&b)) => (a <= b, b <= a),
                (Some(_), None) => (true, false),
                (None, Some(_)) => (false, true),
                (None, None) => return Some(changes),
            };
            if from_old {
                let row = old.get(at_old).copied().unwrap_or_default();
                if i64::from(row) <= last_old {
                    return None;
                }
                last_old = i64::from(row);
                at_old += 1;
                if !from_new {
                    changes.lost.push(row);
                }
            }
            if from_new {
                let row = new.get(at_new).copied().unwrap_or_default();
                if i64::from(row) <= last_new {
                    return None;
                }
                last_new = i64::from(row);
                at_new += 1;
                if !from_old {
                    changes.gained.push(row);
                }
            }
            // The rows left in the longer list beyond the other's are changes too, whatever
            // they are: stop as soon as the changes must reach the limit.
            let left = (old.len() - at_old).abs_diff(new.len() - at_new);
            if changes.gained.len() + changes.lost.len() + left >= limit {
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn changes_are_what_one_list_has_and_the_other_lacks(
            old in proptest::collection::btree_set(0u32..200, 0..120),
            new in proptest::collection::btree_set(0u32..200, 0..120),
            limit in 0usize..250,
        ) {
            let gained: Vec<u32> = new.difference(&old).copied().collect();
            let lost: Vec<u32> = old.difference(&new).copied().collect();
            let (old, new): (Vec<u32>, Vec<u32>) =
                (old.into_iter().collect(), new.into_iter().collect());
            let expected =
                (gained.len() + lost.len() < limit).then_some(Changes { gained, lost });
            prop_assert_eq!(Changes::between(&old, &new, limit), expected);
        }

        #[test]
        fn lists_not_strictly_ascending_have_no_changes(
            mut list in proptest::collection::vec(0u32..50, 2..40),
            other in proptest::collection::btree_set(0u32..50, 0..40),
        ) {
            list.sort_unstable();
            // A row twice, or two rows swapped: either way not strictly ascending.
            if list.windows(2).all(|pair| pair[0] < pair[1]) {
                list.swap(0, 1);
            }
            let other: Vec<u32> = other.into_iter().collect();
            prop_assert_eq!(Changes::between(&list, &other, usize::MAX), None);
            prop_assert_eq!(Changes::between(&other, &list, usize::MAX), None);
        }
    }

    #[test]
    fn a_clone_is_the_same_list_and_an_equal_list_is_equal_only() {
        let rows = Rows::new(vec![1, 4, 9]);
        let clone = rows.clone();
        let apart = Rows::new(vec![1, 4, 9]);
        assert!(rows.same(&clone));
        assert!(!rows.same(&apart));
        assert_eq!(rows, apart);
        assert_eq!(&rows[..], &[1, 4, 9]);
    }

    #[test]
    fn lists_differing_anywhere_differ() {
        for len in 0..7u32 {
            let base: Vec<u32> = (0..len).map(|n| n * 3).collect();
            assert_eq!(Rows::new(base.clone()), Rows::new(base.clone()));
            for at in 0..base.len() {
                let mut other = base.clone();
                other[at] += 1;
                assert_ne!(
                    Rows::new(base.clone()),
                    Rows::new(other),
                    "len {len}, at {at}"
                );
            }
            let mut longer = base.clone();
            longer.push(100);
            assert_ne!(Rows::new(base), Rows::new(longer));
        }
        // Numbers that agree in either half of a pair but not in both.
        assert_ne!(Rows::new(vec![1, 2]), Rows::new(vec![2, 1]));
        assert_ne!(Rows::new(vec![u32::MAX, 0]), Rows::new(vec![0, u32::MAX]));
    }
}
