//! Everything the explorer has loaded: the collections, the problems found while reading them,
//! and the columnar table built over all their events. The collections are shared
//! ([`Arc`]): a catalog with a file added or removed holds the same collections as the one
//! before it, not copies, so only the table is made again: the file's rows appended to the
//! table for a file added, the table built anew for one removed.

use std::ops::Range;
use std::sync::Arc;

use super::i18n::Said;
use super::model::{Dataset, Event};
use super::place_names::PlaceNames;
use super::table::{Appending, EventTable, TableBuilder, TablePart};
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
    /// opened). Its table is this catalog's with the file's rows appended: the rows `file`
    /// brings when it was checked with [`crate::core::validate::LoadSteps::building_table`]
    /// (and the same gazetteer) and nothing was dropped from it since, else rows built from
    /// its records.
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
        // This catalog's rows, then the file's: built while it was checked, or else now.
        let dataset = build.datasets.len().saturating_sub(1);
        let part = build.parts.pop().flatten();
        let file_rows = match part.filter(|part| Arc::ptr_eq(&part.place_names, &self.place_names))
        {
            Some(part) => Rows::Built(Box::new(part.table)),
            None => Rows::building(&build, dataset..dataset + 1),
        };
        build.table = Some(vec![
            (0, Rows::Built(Box::new(self.table.clone()))),
            (dataset, file_rows),
        ]);
        Ok(build)
    }

    /// This catalog without the collection `collection_id` and the problems of its file.
    pub fn without(&self, collection_id: &str) -> Catalog {
        self.without_in_steps(collection_id).run()
    }

    /// [`Catalog::without`] as a build to run in steps ([`CatalogBuild::step`]).
    pub fn without_in_steps(&self, collection_id: &str) -> CatalogBuild {
        let mut build = self.keeping(|dataset| dataset.collection.id != collection_id);
        build.table = Some(vec![(0, Rows::building(&build, 0..build.datasets.len()))]);
        build
    }

    /// A build of the collections `keep` keeps, each with its own problems, and no table yet.
    /// Files loaded together were resolved against each other already: leaving one out adds
    /// nothing back.
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
            build.parts.push(None);
            build.files.push(file.clone());
            build.skipped_per_file.push(skipped);
            build.skipped += skipped;
            build
                .problems
                .extend(self.problems.iter().filter(|p| &p.file == file).cloned());
        }
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
///
/// The table is made in pieces, each the rows of some datasets in order: rows built while a
/// file was checked ([`Loaded::table`]) or a catalog's table are taken as they are, the other
/// datasets' rows are built from their records, and the pieces are appended in order
/// ([`EventTable::append`]), which gives the table built over all datasets at once.
#[derive(Default)]
pub struct CatalogBuild {
    datasets: Vec<Arc<Dataset>>,
    /// The rows each dataset's file brought, in the order of `datasets`, until the table's
    /// pieces are planned.
    parts: Vec<Option<TablePart>>,
    files: Vec<String>,
    skipped_per_file: Vec<usize>,
    problems: Vec<Problem>,
    skipped: usize,
    /// The table's pieces, by the index of the first dataset each holds; planned at the
    /// first step when not given.
    table: Option<Vec<(usize, Rows)>>,
    /// The pieces joined into one table, once every piece is built.
    joining: Option<Joining>,
    place_names: Arc<PlaceNames>,
}

/// A [`CatalogBuild`]'s pieces joined in order, a stage of an append at a time.
struct Joining {
    /// The rows joined so far: the first piece's, with those of the pieces appended.
    table: Option<EventTable>,
    /// The pieces left to join.
    pieces: std::vec::IntoIter<(usize, Rows)>,
    /// The piece being appended to `table`.
    appending: Option<Appending>,
}

impl Joining {
    fn new(pieces: Vec<(usize, Rows)>) -> Joining {
        Joining {
            table: None,
            pieces: pieces.into_iter(),
            appending: None,
        }
    }

    /// Runs one stage (a piece's rows finished, or a stage of appending them); `true` once
    /// every piece is in the table.
    fn step(&mut self) -> bool {
        if let (Some(appending), Some(table)) = (&mut self.appending, &mut self.table) {
            if appending.step(table) {
                self.appending = None;
            }
            return false;
        }
        let Some((dataset, rows)) = self.pieces.next() else {
            return true;
        };
        let rows = match rows {
            Rows::Building { builder, .. } => builder.finish(),
            Rows::Built(rows) => *rows,
        };
        match self.table {
            Some(_) => self.appending = Some(Appending::new(rows, dataset)),
            None => self.table = Some(rows),
        }
        false
    }
}

/// The rows of some datasets, a piece of a [`CatalogBuild`]'s table.
enum Rows {
    /// Built from the records of the datasets `datasets`, a slice of events at a time.
    Building {
        builder: Box<TableBuilder>,
        datasets: Range<usize>,
    },
    Built(Box<EventTable>),
}

impl Rows {
    /// The rows of `build`'s datasets `datasets`, to build from their records.
    fn building(build: &CatalogBuild, datasets: Range<usize>) -> Rows {
        let builder = TableBuilder::new(build.datasets.get(datasets.clone()).unwrap_or_default())
            .with_place_names(Arc::clone(&build.place_names));
        Rows::Building {
            builder: Box::new(builder),
            datasets,
        }
    }
}

impl CatalogBuild {
    /// Merges the loaded files as [`Catalog::new`] does; the table is built by the steps.
    pub fn new(mut loaded: Vec<Loaded>) -> CatalogBuild {
        super::validate::resolve_cross_file_duplicates(&mut loaded);
        let mut build = CatalogBuild {
            datasets: Vec::with_capacity(loaded.len()),
            parts: Vec::with_capacity(loaded.len()),
            files: Vec::with_capacity(loaded.len()),
            skipped_per_file: Vec::with_capacity(loaded.len()),
            ..CatalogBuild::default()
        };
        for file in loaded {
            build.push(file);
        }
        build
    }

    /// This build with the gazetteer of Arabic place names, which the catalog keeps and its
    /// table searches. Call it before the first step.
    pub fn with_place_names(mut self, place_names: Arc<PlaceNames>) -> CatalogBuild {
        self.place_names = place_names;
        self
    }

    /// Adds `file` after the collections of the build, with its problems, skipped records and
    /// rows. The table is made for all of them once they are in.
    fn push(&mut self, file: Loaded) {
        self.datasets.push(Arc::new(file.dataset));
        self.parts.push(file.table);
        self.files.push(file.file);
        self.skipped_per_file.push(file.skipped);
        self.problems.extend(file.problems);
        self.skipped += file.skipped;
    }

    /// The table's pieces: the last datasets whose files brought their rows (built with this
    /// build's gazetteer) as they are, after one piece built from the records of all before.
    fn plan(&mut self) -> Vec<(usize, Rows)> {
        let parts = std::mem::take(&mut self.parts);
        let usable = |part: &Option<TablePart>| {
            part.as_ref()
                .is_some_and(|part| Arc::ptr_eq(&part.place_names, &self.place_names))
        };
        let built_from = parts
            .iter()
            .rposition(|part| !usable(part))
            .map_or(0, |last| last + 1);
        let mut pieces = Vec::new();
        if built_from > 0 || parts.is_empty() {
            pieces.push((0, Rows::building(self, 0..built_from)));
        }
        for (dataset, part) in parts.into_iter().enumerate().skip(built_from) {
            if let Some(part) = part {
                pieces.push((dataset, Rows::Built(Box::new(part.table))));
            }
        }
        pieces
    }

    /// Adds up to `limit` more events to the table, or, once every piece of it is built,
    /// runs one stage of joining them (each of some tens of milliseconds at a million rows);
    /// `true` once every event is in the table.
    pub fn step(&mut self, limit: usize) -> bool {
        if let Some(joining) = &mut self.joining {
            return joining.step();
        }
        let pieces = match self.table.take() {
            Some(pieces) => pieces,
            None => self.plan(),
        };
        let pieces = self.table.insert(pieces);
        for (_, rows) in pieces.iter_mut() {
            if let Rows::Building { builder, datasets } = rows {
                let datasets = self.datasets.get(datasets.clone()).unwrap_or_default();
                if !builder.step(datasets, limit) {
                    return false;
                }
            }
        }
        // Every piece is built: the next steps join them.
        let pieces = self.table.take().unwrap_or_default();
        self.joining = Some(Joining::new(pieces));
        false
    }

    /// Whether every piece of the table is built and the steps now join them, a stage a step.
    pub fn joining(&self) -> bool {
        self.joining.is_some()
    }

    /// Events in the table so far, and in all.
    pub fn progress(&self) -> (usize, usize) {
        let Some(pieces) = &self.table else {
            let total = self.datasets.iter().map(|d| d.events.len()).sum();
            let done = if self.joining.is_some() { total } else { 0 };
            return (done, total);
        };
        pieces
            .iter()
            .map(|(_, rows)| match rows {
                Rows::Building { builder, .. } => builder.progress(),
                Rows::Built(table) => (table.len(), table.len()),
            })
            .fold((0, 0), |(done, total), (d, t)| (done + d, total + t))
    }

    /// The catalog: the steps left run at once (none once [`CatalogBuild::step`] said every
    /// event is in the table).
    pub fn finish(mut self) -> Catalog {
        while !self.step(usize::MAX) {}
        let table = self.joining.and_then(|joining| joining.table);
        Catalog {
            datasets: self.datasets,
            files: self.files,
            skipped_per_file: self.skipped_per_file,
            table: table.unwrap_or_default(),
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
