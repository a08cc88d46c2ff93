//! Appending one table's rows to another ([`EventTable::append`]), in stages a page can run
//! between frames ([`Appending`]): the plain columns, the text index, each facet, the map
//! cells. A reader's million-row file is appended after the bundled collections' rows in one
//! go otherwise, which held the page's thread for over half a second.

use super::EventTable;
use crate::core::aggregate::SortOrders;
use crate::core::facet::Facet;

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
}

/// Stages before the facets: the plain columns, then the text index.
const FACETS_FROM: usize = 2;
/// The last stage, after the facets: the map cells.
const CELLS: usize = FACETS_FROM + Facet::COUNT;

impl Appending {
    /// The rows of `part`, a table of events of later datasets whose locations name dataset 0
    /// for the first of them, to append to a table where they are dataset `dataset`.
    pub fn new(part: EventTable, dataset: usize) -> Appending {
        Appending {
            part,
            dataset,
            stage: 0,
            cells_kept: false,
        }
    }

    /// Runs the next stage on `table` (the same table at every step); `true` once the part's
    /// rows are all in it. In order: the plain columns (the part's collections get the
    /// table's indexes, added when new, and its locations name `dataset` onwards); the text
    /// index; each facet, its values given the table's ids; the map cells. The list's sort
    /// orders start afresh.
    pub fn step(&mut self, table: &mut EventTable) -> bool {
        let stage = self.stage;
        self.stage += 1;
        match stage {
            0 => self.columns(table),
            1 => {
                let words = std::mem::take(&mut self.part.text_index);
                table.text_index.append(&words);
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

    /// The plain columns: every column but the text index, the facets and the map cells.
    /// Each row's search text is kept when both tables kept theirs, else none is.
    fn columns(&mut self, table: &mut EventTable) {
        let rows = self.part.len();
        self.cells_kept =
            table.map_cells.of_row.len() == table.len() && self.part.map_cells.of_row.len() == rows;
        let dataset = self.dataset;
        // Every field named, none elided: a column added to the table does not compile here
        // until this stage (or a later one) appends it.
        let EventTable {
            start,
            end,
            precision,
            collection,
            publishers,
            kind,
            actors_any,
            actors_perpetrator,
            lead_actor,
            governorates,
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
            search_text,
            locations,
            collection_ids,
            // The later stages'.
            text_index: _,
            facets: _,
            map_cells: _,
            sort_orders: _,
        } = &mut self.part;
        let texts_kept = table.search_text.len() == table.len() && search_text.len() == rows;
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
        /// Moves each named column of the part to the end of the table's, freeing its room.
        macro_rules! move_columns {
            ($($column:ident),*) => {$(
                table.$column.append($column);
                *$column = Vec::new();
            )*};
        }
        move_columns!(
            start,
            end,
            precision,
            publishers,
            kind,
            actors_any,
            actors_perpetrator,
            lead_actor,
            governorates,
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
        if texts_kept {
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
