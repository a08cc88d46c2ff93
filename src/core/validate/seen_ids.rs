//! The ids of the records a collection has loaded so far, so that a record that uses an id
//! again is caught, without a second copy of each id. An event's id is read back from the
//! packed events ([`Records::id`]); the index keeps only the id's 64-bit hash and where the
//! event is.
//!
//! A map of owned ids cost a heap block per event on the way in and, at a million events,
//! about 350 ms of the browser's main thread to free at the end of a load. This index is two
//! flat tables, freed at once.

use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

use crate::core::records::Records;

/// Where a record that loaded is in its file, by position from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Seen {
    Event(usize),
    Figure(usize),
}

impl Seen {
    /// "event #3", "figure #1": the record's place in its file, counted from 1.
    pub(super) fn label(self) -> String {
        match self {
            Seen::Event(position) => format!("event #{}", position + 1),
            Seen::Figure(position) => format!("figure #{}", position + 1),
        }
    }
}

/// The ids of the events and figures loaded so far (one namespace), with where each is.
#[derive(Debug, Default)]
pub(super) struct SeenIds {
    /// The hash of an event's id → (the event's index among those loaded, its position in the
    /// file). The first event to have a hash holds it.
    events: FxHashMap<u64, (u32, u32)>,
    /// Ids held by value: every figure's, and an event's whose hash an earlier event with a
    /// different id holds (rare: two ids in about 2^32 events share a 64-bit hash).
    by_value: FxHashMap<String, Seen>,
}

impl SeenIds {
    /// Where the record that loaded with `id` is, if one did. `events` are the events loaded so
    /// far, the ones [`SeenIds::insert_event`] was told of.
    pub(super) fn get(&self, id: &str, events: &Records) -> Option<Seen> {
        if let Some(&(index, position)) = self.events.get(&hash_of(id)) {
            if events.id(index as usize) == Some(id) {
                return Some(Seen::Event(position as usize));
            }
        }
        self.by_value.get(id).copied()
    }

    /// Notes that `id` loaded as the event at `index` among the loaded events and at `position`
    /// in the file. Call it once [`SeenIds::get`] found no record with `id`.
    pub(super) fn insert_event(&mut self, id: &str, index: usize, position: usize) {
        let (Ok(index_u32), Ok(position_u32)) = (u32::try_from(index), u32::try_from(position))
        else {
            self.by_value.insert(id.to_owned(), Seen::Event(position));
            return;
        };
        match self.events.entry(hash_of(id)) {
            Entry::Vacant(slot) => {
                slot.insert((index_u32, position_u32));
            }
            Entry::Occupied(_) => {
                self.by_value.insert(id.to_owned(), Seen::Event(position));
            }
        }
    }

    /// Notes that `id` loaded as the figure at `position` in the file.
    pub(super) fn insert_figure(&mut self, id: &str, position: usize) {
        self.by_value.insert(id.to_owned(), Seen::Figure(position));
    }
}

/// The id's 64-bit hash (FxHash: fast; a collision only moves an id to the by-value table).
fn hash_of(id: &str) -> u64 {
    let mut hasher = FxHasher::default();
    id.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Event;
    use crate::core::table::test_data::ev;

    fn event(id: &str) -> Event {
        ev(id, "2019-01-01").0
    }

    #[test]
    fn finds_each_event_and_figure_and_nothing_else() {
        let mut events = Records::with_capacity(3);
        let mut seen = SeenIds::default();
        for (position, id) in ["c:1", "c:2", "c:3"].into_iter().enumerate() {
            assert_eq!(seen.get(id, &events), None);
            seen.insert_event(id, events.len(), position * 2);
            events.push(&event(id));
        }
        seen.insert_figure("c:f", 0);
        assert_eq!(seen.get("c:1", &events), Some(Seen::Event(0)));
        assert_eq!(seen.get("c:3", &events), Some(Seen::Event(4)));
        assert_eq!(seen.get("c:f", &events), Some(Seen::Figure(0)));
        assert_eq!(seen.get("c:4", &events), None);
        assert_eq!(seen.get("", &events), None);
    }

    #[test]
    fn an_id_whose_hash_is_taken_is_kept_by_value() {
        // Two ids given the same hash slot, as a collision would: the second is still found,
        // and a third id with that hash is not mistaken for either.
        let mut events = Records::with_capacity(2);
        let mut seen = SeenIds::default();
        seen.insert_event("c:1", 0, 0);
        events.push(&event("c:1"));
        let taken = hash_of("c:1");
        seen.events.insert(hash_of("c:2"), (0, 0));
        seen.insert_event("c:2", 1, 1);
        events.push(&event("c:2"));
        assert_eq!(seen.events.get(&taken), Some(&(0, 0)));
        assert_eq!(seen.get("c:2", &events), Some(Seen::Event(1)));
        assert_eq!(seen.get("c:1", &events), Some(Seen::Event(0)));
        assert_eq!(seen.get("c:9", &events), None);
    }
}
