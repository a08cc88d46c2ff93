//! Everything the explorer has loaded: the collections, the problems found while reading them,
//! and the columnar table built over all their events.

use super::model::{Dataset, Event};
use super::table::EventTable;
use super::validate::{Loaded, Problem, Severity};

/// The loaded collections and their scan-friendly table.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub datasets: Vec<Dataset>,
    /// The name each dataset was loaded under, in the order of `datasets`.
    pub files: Vec<String>,
    /// Records of each file that could not be read and were skipped, in the same order.
    pub skipped_per_file: Vec<usize>,
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
        let mut files = Vec::with_capacity(loaded.len());
        let mut skipped_per_file = Vec::with_capacity(loaded.len());
        let mut problems = Vec::new();
        let mut skipped = 0;
        for file in loaded {
            datasets.push(file.dataset);
            files.push(file.file);
            skipped_per_file.push(file.skipped);
            problems.extend(file.problems);
            skipped += file.skipped;
        }
        let table = EventTable::build(&datasets);
        Catalog {
            datasets,
            files,
            skipped_per_file,
            table,
            problems,
            skipped,
        }
    }

    /// This catalog with `file` added after the collections already loaded (a file the reader
    /// opened). The table is built afresh over all of them.
    ///
    /// Errors: a sentence naming the clash when a collection with the same id is loaded
    /// already (the same file opened twice, or a copy of a bundled collection).
    pub fn adding(&self, file: Loaded) -> Result<Catalog, String> {
        let id = &file.dataset.collection.id;
        if let Some(open) = self.datasets.iter().find(|d| &d.collection.id == id) {
            return Err(format!(
                "A collection with the id “{id}” is open already ({}), so {} was not added",
                open.collection.name, file.file
            ));
        }
        let mut loaded = self.as_loaded(|_| true);
        loaded.push(file);
        Ok(Catalog::new(loaded))
    }

    /// This catalog without the collection `collection_id` and the problems of its file.
    pub fn without(&self, collection_id: &str) -> Catalog {
        Catalog::new(self.as_loaded(|dataset| dataset.collection.id != collection_id))
    }

    /// The kept datasets as loaded files again, each with its own problems.
    fn as_loaded(&self, keep: impl Fn(&Dataset) -> bool) -> Vec<Loaded> {
        self.datasets
            .iter()
            .zip(self.files.iter().zip(&self.skipped_per_file))
            .filter(|(dataset, _)| keep(dataset))
            .map(|(dataset, (file, &skipped))| {
                let problems: Vec<Problem> = self
                    .problems
                    .iter()
                    .filter(|problem| &problem.file == file)
                    .cloned()
                    .collect();
                Loaded {
                    file: file.clone(),
                    dataset: dataset.clone(),
                    skipped,
                    problems,
                }
            })
            .collect()
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
