//! A set of small numbers below a known bound, one bit each: the rows a text query matches
//! ([`super::text_index`]), the rows of a list page ([`super::aggregate`]), the value ids a facet
//! filter selects ([`super::facet`]). Membership is one shift and mask, and a member at or past
//! the bound is never held.

/// A set of numbers below the bound it was made with (a table's rows, a dictionary's ids).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BitSet {
    bits: Vec<u64>,
    /// Every member is below it.
    bound: usize,
}

impl BitSet {
    /// The empty set of numbers below `bound`.
    pub fn empty(bound: usize) -> BitSet {
        BitSet {
            bits: vec![0; bound.div_ceil(64)],
            bound,
        }
    }

    /// The set of `members` below `bound` (members at or past it are left out).
    pub fn of(bound: usize, members: &[u32]) -> BitSet {
        let mut set = BitSet::empty(bound);
        for &member in members {
            set.insert(member);
        }
        set
    }

    /// The set of numbers below `bound` whose bits `words` gives, 64 at a time: bit `j` of the
    /// `i`-th word is number `64 i + j`. Words past the bound, and bits past it in the last
    /// word, are left out; missing words hold nothing.
    pub fn from_words(bound: usize, words: impl IntoIterator<Item = u64>) -> BitSet {
        let mut set = BitSet::empty(bound);
        for (mine, word) in set.bits.iter_mut().zip(words) {
            *mine = word;
        }
        if !bound.is_multiple_of(64) {
            if let Some(last) = set.bits.last_mut() {
                *last &= (1u64 << (bound % 64)) - 1;
            }
        }
        set
    }

    /// Adds `member`; one at or past the bound is left out.
    pub fn insert(&mut self, member: u32) {
        if (member as usize) < self.bound {
            if let Some(word) = self.bits.get_mut(member as usize / 64) {
                *word |= 1 << (member % 64);
            }
        }
    }

    /// Keeps only the members `other` holds too.
    pub fn intersect(&mut self, other: &BitSet) {
        for (mine, theirs) in self.bits.iter_mut().zip(&other.bits) {
            *mine &= theirs;
        }
        let kept = other.bits.len().min(self.bits.len());
        self.bits.iter_mut().skip(kept).for_each(|word| *word = 0);
    }

    /// The positions of `column` whose value passes `test`, below `bound`: the column read
    /// 64 values to a word, with no branch on the test.
    pub fn from_column<T: Copy>(bound: usize, column: &[T], test: impl Fn(T) -> bool) -> BitSet {
        BitSet::from_words(
            bound,
            column.chunks(64).map(|chunk| {
                chunk.iter().enumerate().fold(0u64, |word, (at, &value)| {
                    word | u64::from(test(value)) << at
                })
            }),
        )
    }

    /// Adds the members `other` holds (below this set's bound).
    pub fn union(&mut self, other: &BitSet) {
        for (mine, theirs) in self.bits.iter_mut().zip(&other.bits) {
            *mine |= theirs;
        }
        if !self.bound.is_multiple_of(64) {
            if let Some(last) = self.bits.last_mut() {
                *last &= (1u64 << (self.bound % 64)) - 1;
            }
        }
    }

    /// Whether `member` is in the set; a number at or past the bound never is.
    pub fn contains(&self, member: usize) -> bool {
        self.bits
            .get(member / 64)
            .is_some_and(|word| (word >> (member % 64)) & 1 == 1)
    }

    /// Whether any of `members` is in the set.
    pub fn any(&self, members: &[u32]) -> bool {
        members.iter().any(|&member| self.contains(member as usize))
    }

    /// How many members the set holds.
    pub fn len(&self) -> usize {
        self.bits.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.bits.iter().all(|&w| w == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_below_the_bound_are_held_and_others_never() {
        let set = BitSet::of(100, &[0, 63, 64, 70, 99, 100, 1000]);
        let held: Vec<usize> = (0..200).filter(|&n| set.contains(n)).collect();
        assert_eq!(held, vec![0, 63, 64, 70, 99]);
        assert_eq!(set.len(), held.len());
        assert!(set.any(&[5, 70]));
        assert!(!set.any(&[5, 100]));
        assert!(BitSet::empty(10).is_empty());
        let mut joined = BitSet::of(100, &[1, 70]);
        joined.union(&BitSet::of(200, &[2, 70, 99, 150]));
        let held: Vec<usize> = (0..200).filter(|&n| joined.contains(n)).collect();
        assert_eq!(held, vec![1, 2, 70, 99]);
        assert!(BitSet::of(0, &[0]).is_empty());
        // A column's passing positions, across words, below the bound.
        let column: Vec<u16> = (0..150).map(|n| n % 7).collect();
        let sevens = BitSet::from_column(140, &column, |value| value == 0);
        let held: Vec<usize> = (0..150).filter(|&n| sevens.contains(n)).collect();
        assert_eq!(held, (0..140).step_by(7).collect::<Vec<usize>>());
    }

    #[test]
    fn a_set_from_words_holds_their_bits_below_the_bound() {
        let set = BitSet::from_words(70, [0b101, u64::MAX, u64::MAX]);
        let held: Vec<usize> = (0..200).filter(|&n| set.contains(n)).collect();
        let expected: Vec<usize> = [0, 2].into_iter().chain(64..70).collect();
        assert_eq!(held, expected);
        assert_eq!(BitSet::from_words(130, [1]).len(), 1);
    }

    #[test]
    fn an_intersection_keeps_what_both_hold() {
        let mut set = BitSet::of(200, &[1, 2, 65, 130, 190]);
        set.intersect(&BitSet::of(200, &[2, 65, 131, 190]));
        let held: Vec<usize> = (0..200).filter(|&n| set.contains(n)).collect();
        assert_eq!(held, vec![2, 65, 190]);
        // With a set of a smaller bound, what lies past that bound is dropped too.
        set.intersect(&BitSet::of(100, &[2, 65]));
        let held: Vec<usize> = (0..200).filter(|&n| set.contains(n)).collect();
        assert_eq!(held, vec![2, 65]);
    }
}
