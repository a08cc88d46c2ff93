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

#[cfg(test)]
mod tests {
    use super::*;

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
