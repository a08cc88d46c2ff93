//! Records that two collections loaded together both hold: the same id (events and figures
//! share one namespace, as links name them without their file), the same collection loaded
//! twice, and the same event under two ids (two UCDP files, two ACLED exports: the datasets'
//! own ids say so). The later file's record is dropped and said; the earlier one is the one a
//! link opens.

use std::collections::{HashMap, HashSet};
use std::fmt;

use rustc_hash::FxHashMap;

use super::{printable, Loaded, Problem, Severity, MAX_ID_BYTES, QUOTE_CHARS};
use crate::core::i18n::Said;
use crate::core::model::Dataset;
use crate::core::records::OwnIds;
use crate::core::vocab::Publisher;

/// Ids that two files loaded together both use (events and figures share one namespace, as
/// links name them without their file), and collections loaded twice. Each problem names the
/// later file; the earlier record is the one a link opens. See
/// [`resolve_cross_file_duplicates`] to also drop the later records.
pub fn cross_file_duplicates(files: &[Loaded]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut collections: HashMap<&str, &str> = HashMap::new();
    let mut ids: HashMap<&str, &str> = HashMap::new();
    for loaded in files {
        let collection = loaded.dataset.collection.id.as_str();
        if let Some(first) = collections.insert(collection, &loaded.file) {
            if first != loaded.file {
                collections.insert(collection, first);
            }
            problems.push(Problem::said(
                Severity::Error,
                &loaded.file,
                None,
                Some("collection.id".into()),
                Said::new("problem-collection-loaded")
                    .arg("id", printable(collection, QUOTE_CHARS))
                    .arg("first", printable(first, QUOTE_CHARS)),
            ));
        }
        let events = &loaded.dataset.events;
        let record_ids = (0..events.len())
            .filter_map(|i| events.id(i))
            .chain(loaded.dataset.figures.iter().map(|f| f.id.as_str()));
        let mut own = HashSet::new();
        for id in record_ids {
            if !own.insert(id) {
                // Within one file `load` already reports it.
                continue;
            }
            match ids.get(id) {
                Some(first) => problems.push(duplicate_across(&loaded.file, id, first)),
                None => {
                    ids.insert(id, &loaded.file);
                }
            }
        }
    }
    problems
}

/// Like [`cross_file_duplicates`], but also drops each later record with an id an earlier file
/// already uses, adding the problem to its file and counting it as skipped. Call it on the
/// loaded files before building the catalog, so that every id names one record.
pub fn resolve_cross_file_duplicates(files: &mut [Loaded]) {
    // First every decision, with the ids borrowed from the files (no copy per record), then
    // the records dropped.
    let named: Vec<(&str, &Dataset)> = files
        .iter()
        .map(|loaded| (loaded.file.as_str(), &loaded.dataset))
        .collect();
    let decisions = cross_file_decisions(&named);
    for (loaded, (dropped, problems)) in files.iter_mut().zip(decisions) {
        drop_records(loaded, dropped, problems);
    }
}

/// [`resolve_cross_file_duplicates`] for one more file, loaded after the files `earlier`
/// (file name and dataset each, resolved already): drops the records of `file` that they have.
pub fn resolve_against(earlier: &[(&str, &Dataset)], file: &mut Loaded) {
    let mut named = earlier.to_vec();
    named.push((file.file.as_str(), &file.dataset));
    let decisions = cross_file_decisions(&named);
    if let Some((dropped, problems)) = decisions.into_iter().last() {
        drop_records(file, dropped, problems);
    }
}

/// Drops the records `dropped` of `loaded`, counting them as skipped, and adds their problems.
fn drop_records(loaded: &mut Loaded, dropped: Dropped, problems: Vec<Problem>) {
    let Dropped { figures, events } = dropped;
    if !figures.is_empty() || !events.is_empty() {
        let before = loaded.dataset.events.len() + loaded.dataset.figures.len();
        let mut index = 0;
        loaded.dataset.figures.retain(|_| {
            index += 1;
            figures.binary_search(&(index - 1)).is_err()
        });
        loaded
            .dataset
            .events
            .retain(|position, _| events.binary_search(&position).is_err());
        if !events.is_empty() {
            // Its rows no longer match the events: the catalog builds them again.
            loaded.table = None;
        }
        loaded.skipped += before - loaded.dataset.events.len() - loaded.dataset.figures.len();
    }
    loaded.problems.extend(problems);
}

/// The records of one file that another file has already: positions in its `figures` and
/// `events`, ascending.
#[derive(Default)]
struct Dropped {
    figures: Vec<usize>,
    events: Vec<usize>,
}

/// What [`resolve_cross_file_duplicates`] drops from each file, and the problem of each
/// record dropped (ids first, then the same events under other ids, per file).
fn cross_file_decisions(files: &[(&str, &Dataset)]) -> Vec<(Dropped, Vec<Problem>)> {
    // Who has an id first: the file's index. A file loaded twice under one name keeps both.
    // The last file's records are only looked up: no file after it reads them (a page adding
    // one file to the open ones has its million ids to look up and only the others' to hold).
    let records: usize = files
        .iter()
        .rev()
        .skip(1)
        .map(|(_, dataset)| dataset.events.len() + dataset.figures.len())
        .sum();
    // A fast hash: this runs over every record of every file each time a file is added. The
    // ids are borrowed: the records keep them apart, unpacked.
    let mut ids: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(records, Default::default());
    // The same event of a dataset under two collections (the bundled UCDP file and a reader's
    // own GED export, two overlapping ACLED exports) would be counted twice: it is known by the
    // dataset's own id, whatever the collection calls it.
    let mut same_events: FxHashMap<Identity, usize> =
        FxHashMap::with_capacity_and_hasher(records, Default::default());
    let kinds: Vec<u8> = files
        .iter()
        .map(|(_, dataset)| Identity::kinds(dataset))
        .collect();
    let mut decisions = Vec::with_capacity(files.len());
    for (at, &(file, dataset)) in files.iter().enumerate() {
        let held = at + 1 < files.len();
        let mut dropped = Dropped::default();
        let mut problems = Vec::new();
        // The earlier file that has this id, when it is another file.
        let name = |index: usize| files.get(index).map_or("", |&(other, _)| other);
        let elsewhere = |id: &str, ids: &FxHashMap<&str, usize>| {
            ids.get(id).copied().filter(|&first| name(first) != file)
        };
        for (position, figure) in dataset.figures.iter().enumerate() {
            match elsewhere(&figure.id, &ids) {
                Some(first) => {
                    problems.push(duplicate_across(file, &figure.id, name(first)));
                    dropped.figures.push(position);
                }
                None if held => {
                    ids.entry(&figure.id).or_insert(at);
                }
                None => {}
            }
        }
        let mut same = Vec::new();
        // Only the parts that say which event it is are decoded from each record, and only
        // when another file may hold events of the same dataset.
        let with_identity = kinds.get(at).is_some_and(|&mine| {
            kinds
                .iter()
                .enumerate()
                .any(|(other, &theirs)| other != at && mine & theirs != 0)
        });
        for position in 0..dataset.events.len() {
            let Some(id) = dataset.events.id(position) else {
                continue;
            };
            if let Some(first) = elsewhere(id, &ids) {
                problems.push(duplicate_across(file, id, name(first)));
                dropped.events.push(position);
                continue;
            }
            if held {
                ids.entry(id).or_insert(at);
            }
            let Some(identity) = with_identity
                .then(|| dataset.events.decode::<IdentityParts>(position))
                .flatten()
                .and_then(|event| Identity::of(dataset, &event))
            else {
                continue;
            };
            match same_events.get(&identity) {
                Some(&first) if name(first) != file => {
                    same.push(same_event_across(file, id, identity, name(first)));
                    dropped.events.push(position);
                }
                Some(_) => {}
                None if held => {
                    same_events.insert(identity, at);
                }
                None => {}
            }
        }
        problems.extend(same);
        decisions.push((dropped, problems));
    }
    decisions
}

/// The event's id in the dataset it comes from, when it is an event of a dataset with ids of
/// its own: UCDP's event id, ACLED's `event_id_cnty` (the local part of an imported ACLED
/// event's id).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Identity {
    Ucdp(u64),
    Acled(String),
}

impl Identity {
    /// The kinds of identity `dataset`'s events may have, as [`OwnIds`] bits: UCDP's when
    /// some event has UCDP's fields, ACLED's when some has ACLED's, or when some has neither
    /// and the collection has an ACLED source (see [`Identity::of`]). Two collections with no
    /// kind in common cannot hold the same event.
    fn kinds(dataset: &Dataset) -> u8 {
        let own = dataset.events.own_ids();
        let cites_acled = dataset
            .sources
            .iter()
            .any(|source| source.publisher == Publisher::Acled);
        let acled = own & OwnIds::NEITHER != 0 && cites_acled;
        (own & (OwnIds::UCDP | OwnIds::ACLED)) | if acled { OwnIds::ACLED } else { 0 }
    }

    fn of(dataset: &Dataset, event: &IdentityParts) -> Option<Identity> {
        if let Some(info) = &event.ucdp {
            return Some(Identity::Ucdp(info.id));
        }
        if let Some(info) = &event.acled {
            return Some(Identity::Acled(info.event_id_cnty.clone()));
        }
        // An ACLED event written without its ACLED fields: its local id is `event_id_cnty`.
        let acled = event.citations.iter().any(|citation| {
            dataset
                .source(&citation.source)
                .is_some_and(|source| source.publisher == Publisher::Acled)
        });
        let (_, local) = event.id.split_once(':')?;
        acled.then(|| Identity::Acled(local.to_string()))
    }
}

/// What [`Identity::of`] reads of an [`Event`]: its id, the dataset's own id and the sources
/// it cites, decoded from the record without the rest.
#[derive(serde::Deserialize)]
struct IdentityParts {
    id: String,
    #[serde(default)]
    ucdp: Option<UcdpId>,
    #[serde(default)]
    acled: Option<AcledId>,
    #[serde(default)]
    citations: Vec<CitedSource>,
}

#[derive(serde::Deserialize)]
struct UcdpId {
    id: u64,
}

#[derive(serde::Deserialize)]
struct AcledId {
    event_id_cnty: String,
}

#[derive(serde::Deserialize)]
struct CitedSource {
    source: String,
}

impl fmt::Display for Identity {
    /// `UCDP event 12345`, `ACLED event SYR123`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Identity::Ucdp(id) => write!(f, "UCDP event {id}"),
            Identity::Acled(id) => write!(f, "ACLED event {id}"),
        }
    }
}

impl Identity {
    /// `UCDP event 12345`, `ACLED event SYR123`, as a message of the catalogues.
    fn said(&self) -> Said {
        match self {
            Identity::Ucdp(id) => Said::new("problem-identity-ucdp").arg("id", id.to_string()),
            Identity::Acled(id) => {
                Said::new("problem-identity-acled").arg("id", printable(id, MAX_ID_BYTES))
            }
        }
    }
}

fn same_event_across(file: &str, id: &str, identity: Identity, first: &str) -> Problem {
    left_out_across(
        file,
        id,
        Said::new("problem-same-event-loaded")
            .arg_said("identity", identity.said())
            .arg("first", printable(first, QUOTE_CHARS)),
    )
}

fn duplicate_across(file: &str, id: &str, first: &str) -> Problem {
    left_out_across(
        file,
        id,
        Said::new("problem-id-loaded").arg("first", printable(first, QUOTE_CHARS)),
    )
}

/// The error of a record of `file` left out because another file has it.
fn left_out_across(file: &str, id: &str, said: Said) -> Problem {
    Problem::said(
        Severity::Error,
        file,
        Some(printable(id, MAX_ID_BYTES)),
        Some("id".into()),
        said,
    )
}
