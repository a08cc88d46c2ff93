//! How much room to make for items whose number is a guess (the ids' text and the facets'
//! values of a file still coming, estimated from what came so far), so that a large column
//! is not grown by doubling, a copy of all of it each time, yet a guess that creeps up does
//! not grow it at every call either.

/// The room to reserve (as `Vec::reserve_exact` takes it) for `wanted` more items, guessed,
/// in a buffer holding `len` items with `free` room left; `None` when that room suffices.
/// The room made has an eighth to spare and at least doubles what the buffer holds, so that
/// a guess that keeps falling short grows it a number of times that goes with the logarithm
/// of its size, as pushing alone does.
pub fn guessed(len: usize, free: usize, wanted: usize) -> Option<usize> {
    (free < wanted).then(|| wanted.saturating_add(wanted / 8).max(len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_that_suffices_is_left_and_room_made_has_some_to_spare_and_doubles() {
        assert_eq!(guessed(100, 80, 80), None);
        assert_eq!(guessed(100, 0, 0), None);
        assert_eq!(guessed(100, 79, 80), Some(100));
        assert_eq!(guessed(100, 0, 800), Some(900));
        assert_eq!(guessed(0, 0, 8), Some(9));
        assert_eq!(guessed(10, 0, usize::MAX), Some(usize::MAX));
    }
}
