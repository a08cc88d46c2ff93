//! Everything the explorer has loaded: the collections, the problems found while reading them,
//! and the columnar table built over all their events.

use super::model::{Dataset, Event};
use super::table::EventTable;
use super::validate::{Loaded, Problem, Severity};

/// The loaded collections and their scan-friendly table.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub datasets: Vec<Dataset>,
    pub table: EventTable,
    pub problems: Vec<Problem>,
    pub skipped: usize,
}

impl Catalog {
    /// Merges the loaded files; an event id already loaded from an earlier file is dropped from
    /// the later one and reported there, so a link always names one event.
    pub fn new(mut loaded: Vec<Loaded>) -> Catalog {
        super::validate::resolve_cross_file_duplicates(&mut loaded);
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

    /// The problems that cost records their place, for the notice and the About panel.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }

    pub fn collection_ids(&self) -> Vec<String> {
        self.table.collection_ids.clone()
    }
}
