//! Each row's bar key: which of the table's distinct member sets (kind, actors, governorates)
//! it has. A bar chart then adds a row with one addition, to its key's sum, and gives each
//! key's sum to the key's members once at the end, instead of adding the row to a bin per
//! byte of its actors' or governorates' mask (three additions a row for the actors, two for
//! the governorates, each a read and a write of memory).
//!
//! A table has few distinct sets compared with its rows (the bundled collections some
//! thousands, a million-row ACLED export some tens of thousands), so the keys' sums are small.
//! A table with too many ([`BarKeys::new`] gives none) keeps the bins.

use rustc_hash::FxHashMap;

use crate::core::table::EventTable;

/// The distinct member sets of a table's rows, and each row's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BarKeys {
    /// Per row, its set's index in `sets`.
    of_row: Vec<u32>,
    /// The distinct sets, in the order their first row comes.
    sets: Vec<MemberSet>,
}

/// One row's members in the three bar charts: its kind's index, and its actors' and
/// governorates' masks (as [`EventTable::kind`], [`EventTable::actors_any`] and
/// [`EventTable::governorates`] hold them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MemberSet {
    pub kind: u8,
    pub actors: u32,
    pub governorates: u16,
}

/// The fewest distinct sets for which a table always has keys: summing that many keys is
/// cheap whatever the table's length.
const ALWAYS_KEYED: usize = 4096;

impl BarKeys {
    /// The keys of every row of `table`; `None` when its rows have more distinct sets than
    /// [`ALWAYS_KEYED`] and a quarter of the rows (a key per few rows: a chart would sum its
    /// keys as often as its rows), or when a column is shorter than the table.
    pub fn new(table: &EventTable) -> Option<BarKeys> {
        let rows = table.len();
        let most = ALWAYS_KEYED.max(rows / 4);
        let mut index: FxHashMap<MemberSet, u32> = FxHashMap::default();
        let mut sets = Vec::new();
        let mut of_row = Vec::with_capacity(rows);
        for row in 0..rows {
            let set = MemberSet {
                kind: *table.kind.get(row)?,
                actors: *table.actors_any.get(row)?,
                governorates: *table.governorates.get(row)?,
            };
            let next = u32::try_from(sets.len()).ok()?;
            let key = *index.entry(set).or_insert(next);
            if key == next {
                if sets.len() == most {
                    return None;
                }
                sets.push(set);
            }
            of_row.push(key);
        }
        Some(BarKeys { of_row, sets })
    }

    /// How many distinct sets there are: the length of a keyed chart's sums.
    pub fn len(&self) -> usize {
        self.sets.len()
    }

    /// Whether no row has a set (an empty table).
    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }

    /// `row`'s key, below [`BarKeys::len`]; `None` for a row past the table's.
    pub fn of(&self, row: usize) -> Option<usize> {
        self.of_row.get(row).map(|&key| key as usize)
    }

    /// The members of the set `key`; `None` past the last.
    pub fn set(&self, key: usize) -> Option<MemberSet> {
        self.sets.get(key).copied()
    }

    /// Whether these are the keys of every row of `table`.
    pub fn cover(&self, table: &EventTable) -> bool {
        self.of_row.len() == table.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table whose rows have the given kinds, actor masks and governorate masks.
    fn table(rows: &[(u8, u32, u16)]) -> EventTable {
        let mut table = EventTable::default();
        for &(kind, actors, governorates) in rows {
            table.start.push(0);
            table.end.push(0);
            table.kind.push(kind);
            table.actors_any.push(actors);
            table.governorates.push(governorates);
        }
        table
    }

    #[test]
    fn rows_with_the_same_members_share_a_key() {
        let table = table(&[(1, 0b101, 2), (2, 0b101, 2), (1, 0b101, 2), (1, 0b1, 2)]);
        let keys = BarKeys::new(&table).expect("four rows have keys");
        assert_eq!(keys.len(), 3);
        assert!(keys.cover(&table));
        let of: Vec<Option<usize>> = (0..5).map(|row| keys.of(row)).collect();
        assert_eq!(of, [Some(0), Some(1), Some(0), Some(2), None]);
        assert_eq!(
            keys.set(2),
            Some(MemberSet {
                kind: 1,
                actors: 1,
                governorates: 2
            })
        );
        assert_eq!(keys.set(3), None);
    }

    #[test]
    fn a_table_of_nearly_all_distinct_sets_has_none() {
        // More distinct sets than the floor and than a quarter of the rows.
        let rows: Vec<(u8, u32, u16)> = (0..ALWAYS_KEYED as u32 + 10)
            .map(|i| ((i % 7) as u8, i, 3))
            .collect();
        assert_eq!(BarKeys::new(&table(&rows)), None);
        // Many rows over few sets have keys, as does an empty table.
        let few: Vec<(u8, u32, u16)> = (0..20_000).map(|i| (0, i % 50, 1)).collect();
        assert_eq!(BarKeys::new(&table(&few)).map(|keys| keys.len()), Some(50));
        assert_eq!(
            BarKeys::new(&table(&[])).map(|keys| keys.is_empty()),
            Some(true)
        );
    }

    #[test]
    fn a_short_column_gives_no_keys() {
        let mut table = table(&[(1, 1, 1), (2, 2, 2)]);
        table.governorates.pop();
        assert_eq!(BarKeys::new(&table), None);
    }
}
