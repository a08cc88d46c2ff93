//! The one pass over every row that a change of one dimension costs the [`Engine`]: each row's
//! mark takes the dimension's new bit, and the rows that count somewhere (fail no other
//! dimension, or one other) are sorted into three classes: passing the dimension now, come to
//! pass it, come to fail it. The classes are words of bits, a bit a row, so the pass writes a
//! word per 64 rows rather than a row number per row, and only the classes the engine's update
//! reads become lists of rows ([`rows_of`]).
//!
//! The pass reads four rows' marks as one 64-bit word and classifies the four with word
//! arithmetic ([`crate::core::filter::lanes`]): in WebAssembly, where the pass is most of what a
//! toggle costs at a million rows, that is some times fewer instructions than a row at a time.
//! [`RowClasses::update_by_row`] is the plain version, which the tests hold the word version
//! to.
//!
//! [`Engine`]: super::Engine
//! [`rows_of`]: crate::core::filter::lanes::rows_of

use crate::core::filter::lanes::{gather, join, nonzero, split, HIGH, LANES, ONES, WORD_ROWS};
#[cfg(test)]
use crate::core::filter::Dimension;
use crate::core::filter::Mark;

/// After one dimension's bit changed, the rows that count somewhere in three classes (see the
/// module docs), as words of bits, with how many rows each class holds.
pub(super) struct RowClasses {
    pub passing: Vec<u64>,
    pub gained: Vec<u64>,
    pub lost: Vec<u64>,
    pub passing_len: usize,
    pub gained_len: usize,
    pub lost_len: usize,
}

/// Per row, the three class bits (passing, gained, lost) of a row whose mark went from
/// `before` to `after` when `bit` changed.
fn classes_of(before: Mark, after: Mark, bit: Mark) -> (bool, bool, bool) {
    // Counts somewhere: fails at most one dimension besides this one.
    let others = after & !bit;
    let counts = others & others.wrapping_sub(1) == 0;
    let passes = after & bit == 0;
    let changed = before != after;
    (
        counts & passes,
        counts & passes & changed,
        counts & !passes & changed,
    )
}

impl RowClasses {
    fn with_capacity(rows: usize) -> RowClasses {
        let words = rows.div_ceil(WORD_ROWS);
        RowClasses {
            passing: Vec::with_capacity(words),
            gained: Vec::with_capacity(words),
            lost: Vec::with_capacity(words),
            passing_len: 0,
            gained_len: 0,
            lost_len: 0,
        }
    }

    fn push(&mut self, passing: u64, gained: u64, lost: u64) {
        self.passing_len += passing.count_ones() as usize;
        self.gained_len += gained.count_ones() as usize;
        self.lost_len += lost.count_ones() as usize;
        self.passing.push(passing);
        self.gained.push(gained);
        self.lost.push(lost);
    }

    /// Sets `bit` (one dimension's) of every row of `marks` to that of `fresh` (that
    /// dimension's marks evaluated alone, a row each) and classifies the rows, in one pass,
    /// four rows a step.
    pub(super) fn update(marks: &mut [Mark], fresh: &[Mark], bit: Mark) -> RowClasses {
        let mut classes = RowClasses::with_capacity(marks.len());
        let bits = u64::from(bit) * ONES;
        for (marks, fresh) in marks.chunks_mut(WORD_ROWS).zip(fresh.chunks(WORD_ROWS)) {
            let (mut passing, mut gained, mut lost) = (0u64, 0u64, 0u64);
            let mut quads = marks.chunks_exact_mut(LANES);
            let mut fresh_quads = fresh.chunks_exact(LANES);
            let mut at = 0;
            for (quad, fresh) in (&mut quads).zip(&mut fresh_quads) {
                let before = join(quad);
                let after = (before & !bits) | (join(fresh) & bits);
                split(after, quad);
                let others = after & !bits;
                // Per lane, others & (others - 1): no lane borrows, each being at least 0x8000.
                let several = others & (others | HIGH).wrapping_sub(ONES);
                let counts = nonzero(several) ^ HIGH;
                let fails = nonzero(after & bits);
                let changed = nonzero(before ^ after);
                passing |= gather(counts & !fails) << at;
                gained |= gather(counts & changed & !fails) << at;
                lost |= gather(counts & changed & fails) << at;
                at += LANES;
            }
            // The last chunk's rows past a multiple of four, a row at a time.
            let tail = quads.into_remainder().iter_mut();
            for (mark, &fresh) in tail.zip(fresh_quads.remainder()) {
                let before = *mark;
                *mark = (before & !bit) | (fresh & bit);
                let (p, g, l) = classes_of(before, *mark, bit);
                passing |= u64::from(p) << at;
                gained |= u64::from(g) << at;
                lost |= u64::from(l) << at;
                at += 1;
            }
            classes.push(passing, gained, lost);
        }
        classes
    }

    /// [`RowClasses::update`] a row at a time.
    #[cfg(test)]
    fn update_by_row(marks: &mut [Mark], fresh: &[Mark], bit: Mark) -> RowClasses {
        let mut classes = RowClasses::with_capacity(marks.len());
        for (marks, fresh) in marks.chunks_mut(WORD_ROWS).zip(fresh.chunks(WORD_ROWS)) {
            let (mut passing, mut gained, mut lost) = (0u64, 0u64, 0u64);
            for ((mark, &fresh), at) in marks.iter_mut().zip(fresh).zip(0u32..) {
                let before = *mark;
                *mark = (before & !bit) | (fresh & bit);
                let (p, g, l) = classes_of(before, *mark, bit);
                passing |= u64::from(p) << at;
                gained |= u64::from(g) << at;
                lost |= u64::from(l) << at;
            }
            classes.push(passing, gained, lost);
        }
        classes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so a failure names its seed.
    fn numbers(seed: u64) -> impl FnMut() -> u64 {
        let mut state = seed | 1;
        move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        }
    }

    /// Random marks over the dimensions' bits, most rows failing few dimensions.
    fn marks(next: &mut impl FnMut() -> u64, rows: usize) -> Vec<Mark> {
        let dimensions = Dimension::ALL.len() as u64;
        (0..rows)
            .map(|_| (0..next() % 4).fold(0, |mark, _| mark | 1 << (next() % dimensions)) as Mark)
            .collect()
    }

    #[test]
    fn the_word_pass_equals_the_row_pass() {
        for seed in 1..200u64 {
            let mut next = numbers(seed);
            // Lengths around the word and lane edges, and the last dimension's bit.
            let rows = (next() % 300) as usize;
            let bit = Dimension::ALL[(next() % Dimension::ALL.len() as u64) as usize].bit();
            let before = marks(&mut next, rows);
            let fresh = marks(&mut next, rows);
            let (mut by_word, mut by_row) = (before.clone(), before.clone());
            let words = RowClasses::update(&mut by_word, &fresh, bit);
            let rows_ = RowClasses::update_by_row(&mut by_row, &fresh, bit);
            assert_eq!(by_word, by_row, "seed {seed}");
            assert_eq!(words.passing, rows_.passing, "seed {seed}");
            assert_eq!(words.gained, rows_.gained, "seed {seed}");
            assert_eq!(words.lost, rows_.lost, "seed {seed}");
            assert_eq!(
                (words.passing_len, words.gained_len, words.lost_len),
                (rows_.passing_len, rows_.gained_len, rows_.lost_len)
            );
        }
    }

    #[test]
    fn the_row_pass_classifies_as_the_filter_counts() {
        let bit = Dimension::Kind.bit();
        let other = Dimension::Actor.bit();
        let third = Dimension::Date.bit();
        // Rows: passes all before and after; came to fail; came to pass while failing one
        // other; came to pass while failing two others (counts nowhere).
        let mut marks = vec![0, 0, bit | other, bit | other | third];
        let fresh = vec![0, bit, 0, 0];
        let classes = RowClasses::update_by_row(&mut marks, &fresh, bit);
        assert_eq!(marks, vec![0, bit, other, other | third]);
        assert_eq!(classes.passing, vec![0b0101]);
        assert_eq!(classes.gained, vec![0b0100]);
        assert_eq!(classes.lost, vec![0b0010]);
    }
}
