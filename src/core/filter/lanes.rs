//! Marks read four at a time: four rows' 16-bit [`Mark`]s as one 64-bit word, a lane each, so
//! that a pass over every row's mark does a quarter of the steps. In WebAssembly, where such
//! passes are most of what a filter change costs at a million rows, that is some times fewer
//! instructions than a row at a time. Lanes never borrow or carry into each other because marks
//! leave the lane's high bit clear (at most 15 dimensions: checked here at compile time).

use super::{Dimension, Mark};

// Marks leave bit 15 clear, which the lane arithmetic needs.
const _: () = assert!(Dimension::ALL.len() <= 15);

/// Rows a word of bits holds, a bit each (row `64 * word + bit`): see [`unmarked_words`].
pub(crate) const WORD_ROWS: usize = 64;
/// Rows read as one word: four 16-bit marks.
pub(crate) const LANES: usize = 4;
/// Per lane: 1, 0x7fff and the high bit.
pub(crate) const ONES: u64 = 0x0001_0001_0001_0001;
pub(crate) const LOW: u64 = 0x7fff * ONES;
pub(crate) const HIGH: u64 = 0x8000 * ONES;

/// Per lane of `x`, whose lanes leave their high bit clear: the high bit where the lane is
/// not zero, nothing else (adding 0x7fff carries into the high bit exactly then, never out).
pub(crate) fn nonzero(x: u64) -> u64 {
    x.wrapping_add(LOW) & HIGH
}

/// The high bits of the four lanes of `x` (nothing else set) as four bits, lane 0 lowest:
/// shifted to bits 0, 16, 32 and 48, one product moves them to bits 48 to 51 (its other terms
/// fall elsewhere, none twice, so nothing carries).
pub(crate) fn gather(x: u64) -> u64 {
    const MOVE: u64 = (1 << 48) | (1 << 33) | (1 << 18) | (1 << 3);
    ((x >> 15).wrapping_mul(MOVE) >> 48) & 0xf
}

/// Four marks as one word, the first in the lowest lane (written out: a loop here stays a
/// loop in the size-optimised build). Any other length gives 0.
pub(crate) fn join(marks: &[Mark]) -> u64 {
    match marks {
        &[a, b, c, d] => {
            u64::from(a) | u64::from(b) << 16 | u64::from(c) << 32 | u64::from(d) << 48
        }
        _ => 0,
    }
}

/// Writes the four lanes of `word` to `marks`, the lowest first (nothing for another length).
pub(crate) fn split(word: u64, marks: &mut [Mark]) {
    if let [a, b, c, d] = marks {
        (*a, *b, *c, *d) = (
            word as Mark,
            (word >> 16) as Mark,
            (word >> 32) as Mark,
            (word >> 48) as Mark,
        );
    }
}

/// Per 64 rows of `marks`, a bit for each row whose mark is 0 (row `64 * word + bit`), and how
/// many such rows there are.
pub(crate) fn unmarked_words(marks: &[Mark]) -> (Vec<u64>, usize) {
    let mut words = Vec::with_capacity(marks.len().div_ceil(WORD_ROWS));
    let mut count = 0;
    for marks in marks.chunks(WORD_ROWS) {
        let mut word = 0u64;
        let mut quads = marks.chunks_exact(LANES);
        let mut at = 0;
        for quad in &mut quads {
            word |= gather(nonzero(join(quad)) ^ HIGH) << at;
            at += LANES;
        }
        for &mark in quads.remainder() {
            word |= u64::from(mark == 0) << at;
            at += 1;
        }
        count += word.count_ones() as usize;
        words.push(word);
    }
    (words, count)
}

/// Fills `rows` with the rows whose bits `words` sets (`count` of them), ascending.
pub(crate) fn rows_of(words: &[u64], count: usize, rows: &mut Vec<u32>) {
    rows.clear();
    rows.reserve(count);
    for (word, first) in words.iter().zip((0u32..).step_by(WORD_ROWS)) {
        let mut word = *word;
        if word == u64::MAX {
            // Every row of the word, as when most rows pass: in one run.
            rows.extend(first..first + WORD_ROWS as u32);
            continue;
        }
        while word != 0 {
            rows.push(first + word.trailing_zeros());
            word &= word - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_join_split_and_gather() {
        let marks = [0, 5, 0x4000, 1];
        let word = join(&marks);
        let mut back = [9; 4];
        split(word, &mut back);
        assert_eq!(back, marks);
        // Lanes 1, 2 and 3 are not zero.
        assert_eq!(gather(nonzero(word)), 0b1110);
        assert_eq!(gather(nonzero(word) ^ HIGH), 0b0001);
    }

    #[test]
    fn unmarked_words_mark_the_rows_that_pass() {
        for rows in [0, 1, 3, 4, 63, 64, 65, 130] {
            let marks: Vec<Mark> = (0..rows).map(|row| (row % 3 == 1) as Mark * 4).collect();
            let (words, count) = unmarked_words(&marks);
            let mut listed = vec![];
            rows_of(&words, count, &mut listed);
            let expected: Vec<u32> = (0..rows as u32).filter(|row| row % 3 != 1).collect();
            assert_eq!(listed, expected, "{rows} rows");
            assert_eq!(count, expected.len());
        }
    }

    #[test]
    fn rows_of_lists_the_set_bits_in_order() {
        let mut rows = vec![7];
        rows_of(&[0b1001, 0, 1 << 63], 3, &mut rows);
        assert_eq!(rows, vec![0, 3, 191]);
        rows_of(&[1 << 63, u64::MAX, 1], 66, &mut rows);
        let expected: Vec<u32> = std::iter::once(63).chain(64..128).chain([128]).collect();
        assert_eq!(rows, expected);
    }
}
