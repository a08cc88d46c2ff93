//! Everything the explorer has loaded: the collections, the problems found while reading them,
//! and the columnar table built over all their events. The collections are shared
//! ([`Arc`]): a catalog with a file added or removed holds the same collections as the one
//! before it, not copies, so only the table is built again.

use std::sync::Arc;

use super::i18n::Said;
use super::model::{Dataset, Event};
use super::place_names::PlaceNames;
use super::table::{EventTable, TableBuilder};
use super::validate::{Loaded, Problem, Severity};

/// The loaded collections and their scan-friendly table.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub datasets: Vec<Arc<Dataset>>,
    /// The name each dataset was loaded under, in the order of `datasets`.
    pub files: Vec<String>,
    /// Records of each file that could not be read and were skipped, in the same order.
    pub skipped_per_file: Vec<usize>,
    pub table: EventTable,
    pub problems: Vec<Problem>,
    pub skipped: usize,
    /// The Arabic names of places: shown in the Arabic interface and searched in both.
    pub place_names: Arc<PlaceNames>,
}

impl Catalog {
    /// Merges the loaded files; an event id already loaded from an earlier file is dropped from
    /// the later one and reported there, so a link always names one event.
    pub fn new(loaded: Vec<Loaded>) -> Catalog {
        CatalogBuild::new(loaded).run()
    }

    /// This catalog with `file` added after the collections already loaded (a file the reader
    /// opened). The table is built afresh over all of them.
    ///
    /// Errors: a sentence naming the clash when a collection with the same id is loaded
    /// already (the same file opened twice, or a copy of a bundled collection).
    pub fn adding(&self, file: Loaded) -> Result<Catalog, Said> {
        Ok(self.adding_in_steps(file)?.run())
    }

    /// [`Catalog::adding`] as a build to run in steps ([`CatalogBuild::step`]). The records of
    /// `file` that a loaded collection has already are left out of it, each with a problem.
    ///
    /// Errors: as [`Catalog::adding`].
    pub fn adding_in_steps(&self, mut file: Loaded) -> Result<CatalogBuild, Said> {
        let id = &file.dataset.collection.id;
        if let Some(open) = self.datasets.iter().find(|d| &d.collection.id == id) {
            return Err(Said::new("adding-id-open")
                .arg("id", id.clone())
                .arg("open", open.collection.name.clone())
                .arg("name", file.file.clone()));
        }
        let earlier: Vec<(&str, &Dataset)> = self
            .files
            .iter()
            .map(String::as_str)
            .zip(self.datasets.iter().map(|dataset| &**dataset))
            .collect();
        super::validate::resolve_against(&earlier, &mut file);
        let mut build = self.keeping(|_| true);
        build.push(file);
        build.table =
            TableBuilder::new(&build.datasets).with_place_names(Arc::clone(&build.place_names));
        Ok(build)
    }

    /// This catalog without the collection `collection_id` and the problems of its file.
    pub fn without(&self, collection_id: &str) -> Catalog {
        self.without_in_steps(collection_id).run()
    }

    /// [`Catalog::without`] as a build to run in steps ([`CatalogBuild::step`]).
    pub fn without_in_steps(&self, collection_id: &str) -> CatalogBuild {
        self.keeping(|dataset| dataset.collection.id != collection_id)
    }

    /// A build of the collections `keep` keeps, each with its own problems. Files loaded
    /// together were resolved against each other already: leaving one out adds nothing back.
    fn keeping(&self, keep: impl Fn(&Dataset) -> bool) -> CatalogBuild {
        let mut build = CatalogBuild {
            place_names: Arc::clone(&self.place_names),
            ..CatalogBuild::default()
        };
        for ((dataset, file), &skipped) in self
            .datasets
            .iter()
            .zip(&self.files)
            .zip(&self.skipped_per_file)
        {
            if !keep(dataset) {
                continue;
            }
            build.datasets.push(Arc::clone(dataset));
            build.files.push(file.clone());
            build.skipped_per_file.push(skipped);
            build.skipped += skipped;
            build
                .problems
                .extend(self.problems.iter().filter(|p| &p.file == file).cloned());
        }
        build.table =
            TableBuilder::new(&build.datasets).with_place_names(Arc::clone(&build.place_names));
        build
    }

    /// The full record of table row `row`, decoded from its collection's records.
    pub fn event(&self, row: usize) -> Option<Event> {
        self.table.event(row, &self.datasets)
    }

    /// The dataset that holds table row `row`.
    pub fn dataset_of(&self, row: usize) -> Option<&Dataset> {
        let &(dataset, _) = self.table.locations.get(row)?;
        self.datasets.get(dataset).map(|dataset| &**dataset)
    }

    /// The table row of the event with this id, if it is loaded.
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

/// A [`Catalog`] being built a slice of events at a time (its table is the long part), so
/// that a page can build it between frames; [`Catalog::new`] runs it at once.
#[derive(Default)]
pub struct CatalogBuild {
    datasets: Vec<Arc<Dataset>>,
    files: Vec<String>,
    skipped_per_file: Vec<usize>,
    problems: Vec<Problem>,
    skipped: usize,
    table: TableBuilder,
    place_names: Arc<PlaceNames>,
}

impl CatalogBuild {
    /// Merges the loaded files as [`Catalog::new`] does; the table is built by the steps.
    pub fn new(mut loaded: Vec<Loaded>) -> CatalogBuild {
        super::validate::resolve_cross_file_duplicates(&mut loaded);
        let mut build = CatalogBuild {
            datasets: Vec::with_capacity(loaded.len()),
            files: Vec::with_capacity(loaded.len()),
            skipped_per_file: Vec::with_capacity(loaded.len()),
            problems: Vec::new(),
            skipped: 0,
            table: TableBuilder::default(),
            place_names: Arc::default(),
        };
        for file in loaded {
            build.push(file);
        }
        build.table = TableBuilder::new(&build.datasets);
        build
    }

    /// This build with the gazetteer of Arabic place names, which the catalog keeps and its
    /// table searches. Call it before the first step.
    pub fn with_place_names(mut self, place_names: Arc<PlaceNames>) -> CatalogBuild {
        self.table = TableBuilder::new(&self.datasets).with_place_names(Arc::clone(&place_names));
        self.place_names = place_names;
        self
    }

    /// Adds `file` after the collections of the build, with its problems and skipped records.
    /// The table is made for all of them once they are in.
    fn push(&mut self, file: Loaded) {
        self.datasets.push(Arc::new(file.dataset));
        self.files.push(file.file);
        self.skipped_per_file.push(file.skipped);
        self.problems.extend(file.problems);
        self.skipped += file.skipped;
    }

    /// Adds up to `limit` more events to the table; `true` once every event is in it.
    pub fn step(&mut self, limit: usize) -> bool {
        self.table.step(&self.datasets, limit)
    }

    /// Events in the table so far, and in all.
    pub fn progress(&self) -> (usize, usize) {
        self.table.progress()
    }

    /// The catalog. Call it once [`CatalogBuild::step`] said every event is in the table.
    pub fn finish(self) -> Catalog {
        Catalog {
            datasets: self.datasets,
            files: self.files,
            skipped_per_file: self.skipped_per_file,
            table: self.table.finish(),
            problems: self.problems,
            skipped: self.skipped,
            place_names: self.place_names,
        }
    }

    /// Every step at once, then [`CatalogBuild::finish`].
    pub fn run(mut self) -> Catalog {
        while !self.step(usize::MAX) {}
        self.finish()
    }
}
