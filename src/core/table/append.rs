//! Appending one table's rows to another ([`EventTable::append`]), in stages a page can run
//! between frames ([`Appending`]): the plain columns, the text index, each facet, the map
//! cells. A reader's million-row file is appended after the bundled collections' rows in one
//! go otherwise, which held the page's thread for over half a second.

use super::EventTable;
use crate::core::aggregate::SortOrders;
use crate::core::facet::Facet;
use crate::core::text_index::{TextIndex, TextIndexAppending};

/// The rows of a table being appended to another, a stage at a time: call
/// [`Appending::step`] with the same table until it says it is done. The table is whole
/// only then (its columns are longer than its text index and facets between stages).
#[derive(Debug)]
pub struct Appending {
    /// What is left of the table being appended: each stage takes its part.
    part: EventTable,
    /// The dataset the part's first rows come from, in the table appended to.
    dataset: usize,
    /// The next stage: see [`Appending::step`].
    stage: usize,
    /// Whether both tables have the map cells of every row (taken before the columns grow).
    cells_kept: bool,
    /// Whether both tables kept each row's search text (taken before the columns grow).
    texts_kept: bool,
    /// The text index being appended, once its stage has begun.
    words: Option<TextIndexAppending>,
}

/// Stages of the plain columns, each moving about a third of their bytes: at a million rows
/// all at once held a page's thread for over 200 ms in WebAssembly.
const COLUMN_STAGES: usize = 3;
/// The stage of the text index, after the plain columns: as many steps as it takes to write
/// the joined rows of every word, [`WORDS_BYTES`] of them a step.
const WORDS: usize = COLUMN_STAGES;
/// Bytes of the words' joined rows a step writes: 7 to 10 ms natively at a million rows, the
/// whole index about 50 ms.
const WORDS_BYTES: usize = 8 << 20;
/// Stages before the facets: the plain columns, then the text index.
const FACETS_FROM: usize = WORDS + 1;
/// The last stage, after the facets: the map cells.
const CELLS: usize = FACETS_FROM + Facet::COUNT;

/// Moves each named column of the part to the end of `table`'s, freeing its room.
macro_rules! move_columns {
    ($table:ident, $($column:ident),*) => {$(
        $table.$column.append($column);
        *$column = Vec::new();
    )*};
}

impl Appending {
    /// The rows of `part`, a table of events of later datasets whose locations name dataset 0
    /// for the first of them, to append to a table where they are dataset `dataset`.
    pub fn new(part: EventTable, dataset: usize) -> Appending {
        Appending {
            part,
            dataset,
            stage: 0,
            cells_kept: false,
            texts_kept: false,
            words: None,
        }
    }

    /// Runs the next stage on `table` (the same table at every step); `true` once the part's
    /// rows are all in it. In order: the plain columns, in [`COLUMN_STAGES`] stages (the
    /// part's collections get the table's indexes, added when new, and its locations name
    /// `dataset` onwards); the text index, in as many steps as its size takes; each facet,
    /// its values given the table's ids; the map cells. The list's sort orders start afresh.
    pub fn step(&mut self, table: &mut EventTable) -> bool {
        let stage = self.stage;
        self.stage += 1;
        match stage {
            0 => self.columns(table),
            1 => self.more_columns(table),
            2 => self.last_columns(table),
            WORDS => {
                let words = self.words.get_or_insert_with(|| {
                    TextIndexAppending::new(&table.text_index, &self.part.text_index)
                });
                if words.step(&mut table.text_index, &self.part.text_index, WORDS_BYTES) {
                    self.words = None;
                    self.part.text_index = TextIndex::default();
                } else {
                    // The next step goes on with the words.
                    self.stage = WORDS;
                }
            }
            CELLS => {
                let cells = std::mem::take(&mut self.part.map_cells);
                if self.cells_kept {
                    table.map_cells.append(&cells);
                } else {
                    table.index_cells();
                }
                table.sort_orders = SortOrders::default();
            }
            facet => {
                let at = facet.saturating_sub(FACETS_FROM);
                if let (Some(mine), Some(theirs)) =
                    (table.facets.get_mut(at), self.part.facets.get_mut(at))
                {
                    mine.append(&std::mem::take(theirs));
                }
            }
        }
        stage >= CELLS
    }

    /// The first third of the plain columns (every column but the text index, the facets and
    /// the map cells): the dates, kinds, actors and governorates. Notes first whether both
    /// tables kept their map cells and search texts, while their columns agree.
    fn columns(&mut self, table: &mut EventTable) {
        let rows = self.part.len();
        self.cells_kept =
            table.map_cells.of_row.len() == table.len() && self.part.map_cells.of_row.len() == rows;
        self.texts_kept =
            table.search_text.len() == table.len() && self.part.search_text.len() == rows;
        // Every field named, none elided: a column added to the table does not compile here
        // until this stage (or a later one) appends it.
        let EventTable {
            start,
            end,
            precision,
            publishers,
            kind,
            actors_any,
            actors_perpetrator,
            lead_actor,
            governorates,
            // The next stage's.
            lat: _,
            lon: _,
            location_precision: _,
            deaths_low: _,
            deaths_best: _,
            deaths_high: _,
            civilians_killed: _,
            children_killed: _,
            women_killed: _,
            combatants_killed: _,
            flags: _,
            // The stage after's.
            collection: _,
            search_text: _,
            locations: _,
            collection_ids: _,
            // The later stages'.
            text_index: _,
            facets: _,
            map_cells: _,
            sort_orders: _,
        } = &mut self.part;
        move_columns!(
            table,
            start,
            end,
            precision,
            publishers,
            kind,
            actors_any,
            actors_perpetrator,
            lead_actor,
            governorates
        );
    }

    /// The second third of the plain columns: the place and the counts.
    fn more_columns(&mut self, table: &mut EventTable) {
        let EventTable {
            lat,
            lon,
            location_precision,
            deaths_low,
            deaths_best,
            deaths_high,
            civilians_killed,
            children_killed,
            women_killed,
            combatants_killed,
            flags,
            ..
        } = &mut self.part;
        move_columns!(
            table,
            lat,
            lon,
            location_precision,
            deaths_low,
            deaths_best,
            deaths_high,
            civilians_killed,
            children_killed,
            women_killed,
            combatants_killed,
            flags
        );
    }

    /// The last of the plain columns: the collections (given the table's indexes, added when
    /// new), the locations (naming `dataset` onwards) and the search texts (kept when both
    /// tables kept theirs, else none is).
    fn last_columns(&mut self, table: &mut EventTable) {
        let dataset = self.dataset;
        let EventTable {
            collection,
            search_text,
            locations,
            collection_ids,
            ..
        } = &mut self.part;
        let collections: Vec<u8> = collection_ids
            .iter()
            .map(|id| table.collection_index(id))
            .collect();
        table.collection.extend(
            collection
                .iter()
                .map(|&c| collections.get(c as usize).copied().unwrap_or(u8::MAX)),
        );
        table.locations.extend(
            locations
                .iter()
                .map(|&(d, event)| (dataset.saturating_add(d), event)),
        );
        if self.texts_kept {
            table.search_text.append(search_text);
        } else {
            table.search_text = Vec::new();
        }
        *search_text = Vec::new();
        *collection = Vec::new();
        *locations = Vec::new();
    }
}

impl EventTable {
    /// Appends the rows of `part`, a table of events of later datasets, whose locations name
    /// dataset 0 for the first of them: here they name dataset `dataset`. Its collections get
    /// this table's indexes (added when new), its facets' values this table's ids, and its
    /// words and map cells join this table's. The result equals the table built over this
    /// table's datasets and then `part`'s, in one go, except that the list's sort orders
    /// start afresh. [`Appending`] runs the same in stages.
    ///
    /// Each row's search text is kept when both tables kept theirs, else none is.
    pub fn append(&mut self, part: EventTable, dataset: usize) {
        let mut appending = Appending::new(part, dataset);
        while !appending.step(self) {}
    }
}
