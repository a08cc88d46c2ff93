//! The parties an importer meets, each name stored once: events point into the list by index
//! (`ActorRef::party`, `Casualty::party`), so a name written on a million rows is one string.

use rustc_hash::FxHashMap;

use crate::core::model::Party;
use crate::core::vocab::Actor;

/// The parties named so far, in the order first met, with an index by name.
#[derive(Debug, Default)]
pub(super) struct Parties {
    list: Vec<Party>,
    index: FxHashMap<String, u32>,
}

impl Parties {
    /// The index of the party `name`, added with `actors` on first sight (a name seen before
    /// keeps the actors it got then); `None` past `u32`.
    pub(super) fn index_of(&mut self, name: &str, actors: &[Actor]) -> Option<u32> {
        if let Some(&index) = self.index.get(name) {
            return Some(index);
        }
        let index = u32::try_from(self.list.len()).ok()?;
        self.list.push(Party {
            name: name.to_string(),
            actors: actors.to_vec(),
        });
        self.index.insert(name.to_string(), index);
        Some(index)
    }

    /// The first actor of the party `name`, if it was met before: the category rules then run
    /// once per distinct name, not once per row.
    pub(super) fn actor_of(&self, name: &str) -> Option<Actor> {
        let &index = self.index.get(name)?;
        self.list.get(index as usize)?.actors.first().copied()
    }

    /// The party at `index`.
    pub(super) fn get(&self, index: u32) -> Option<&Party> {
        self.list.get(index as usize)
    }

    /// The parties met so far, in the order first met.
    pub(super) fn as_slice(&self) -> &[Party] {
        &self.list
    }

    /// The parties, in the order first met.
    pub(super) fn into_vec(self) -> Vec<Party> {
        self.list
    }
}
