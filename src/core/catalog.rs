//! Everything the explorer has loaded: the collections, the problems found while reading them,
//! and the columnar table built over all their events.

use super::model::{Dataset, Event};
use super::table::EventTable;
use super::validate::{Loaded, Problem};

/// The loaded collections and their scan-friendly table.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub datasets: Vec<Dataset>,
    pub table: EventTable,
    pub problems: Vec<Problem>,
    pub skipped: usize,
}

impl Catalog {
    pub fn new(loaded: Vec<Loaded>) -> Catalog {
        let mut datasets = Vec::with_capacity(loaded.len());
        let mut problems = Vec::new();
        let mut skipped = 0;
        for file in loaded {
            datasets.push(file.dataset);
            problems.extend(file.problems);
            skipped += file.skipped;
        }
        let table = EventTable::build(&datasets);
        Catalog {
            datasets,
            table,
            problems,
            skipped,
        }
    }

    pub fn event(&self, row: usize) -> Option<&Event> {
        self.table.event(row, &self.datasets)
    }

    /// The dataset that holds table row `row`.
    pub fn dataset_of(&self, row: usize) -> Option<&Dataset> {
        let &(dataset, _) = self.table.locations.get(row)?;
        self.datasets.get(dataset)
    }

    pub fn row_of(&self, event_id: &str) -> Option<usize> {
        self.table.row_of(event_id, &self.datasets)
    }

    pub fn collection_ids(&self) -> Vec<String> {
        self.table.collection_ids.clone()
    }
}
