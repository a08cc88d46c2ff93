//! Adding a file's collection to the explorer without freezing the page. A table the worker
//! reads row by row comes as a collection in pieces, which a second worker checks as they come
//! ([`crate::ui::check_client`]), building the table of its events; the page then reads the
//! file's stored form as the checker posts it, a part at a time
//! ([`stored_form::StoredComing`]). Any other collection (a collection file opened, a copy an
//! earlier version kept), or pieces when the page has no gazetteer to start that worker with,
//! is checked here: the worker's blob, or its pieces, are read in a piece at a time and the
//! collection checked ([`LoadSteps`]) a slice at a time, with the browser's turn (input,
//! painting) between slices; each event is read into the table's rows as it is checked. The
//! catalog ([`CatalogBuild`]) then appends those rows to its table. Each slice runs for about
//! [`SLICE_MS`], well under the 100 ms past which a page feels stuck, and each stage starts in
//! a task of its own; the steps that are one piece (the header, the figures, the merge, each
//! stage of appending the rows, each stage of the explorer's engine) take tens of milliseconds.
//! The same slices reopen the files kept on this device at start.

use std::sync::Arc;

use futures::future::{select, Either};
use futures::StreamExt;
use js_sys::Uint8Array;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

use crate::core::aggregate::{self, Metric, SortKey};
use crate::core::baseline::Baseline;
use crate::core::catalog::{Catalog, CatalogBuild};
use crate::core::engine::EngineBuild;
use crate::core::facet::Facet;
use crate::core::i18n::Arg;
use crate::core::i18n::Said;
use crate::core::import::message::{rename_loaded, ImportSummary, ProblemLine, ReadAs};
use crate::core::place_names::PlaceNames;
use crate::core::query;
use crate::core::validate::{pieces_foreseen, LoadSteps, Loaded, Problem, Severity};
use crate::ui::blob_lines::{self, BlobLines};
use crate::ui::browser::Measure;
use crate::ui::check_client::{CheckEvent, CheckJob};
use crate::ui::device_store;
use crate::ui::explorer::Prepared;
use crate::ui::i18n::lang;
use crate::ui::import_client::{open_failed, Incoming, IncomingPieces};
use crate::ui::stored_form;
use crate::ui::your_data::{local_time_now, OpenedFile};

/// How long one slice of work may hold the page's thread, in ms.
pub const SLICE_MS: f64 = 40.0;

/// Records checked or added between two looks at the clock: a few milliseconds of work.
const RECORDS_PER_LOOK: usize = 64;

/// How far adding a file is, for the progress bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Adding {
    /// The file's name.
    pub name: String,
    /// What is being done: the catalogue key of its sentence (`adding-waiting`,
    /// `adding-checking`, `adding-building`), which takes the file's `name` and the `percent`
    /// done.
    pub stage: &'static str,
    /// Share done of that stage, 0 to 1.
    pub share: f64,
}

impl Adding {
    /// A file that waits for the bundled collections to load before it is checked.
    pub fn waiting(name: String) -> Adding {
        Adding {
            name,
            stage: "adding-waiting",
            share: 0.0,
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// The browser's `MessageChannel`: two ports, a message posted on one arriving on the other
    /// in a task of its own.
    type MessageChannel;
    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<MessageChannel, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn port1(this: &MessageChannel) -> MessagePort;
    #[wasm_bindgen(method, getter)]
    fn port2(this: &MessageChannel) -> MessagePort;

    type MessagePort;
    #[wasm_bindgen(method, setter)]
    fn set_onmessage(this: &MessagePort, handler: &js_sys::Function);
    #[wasm_bindgen(method, js_name = postMessage, catch)]
    fn post_message(this: &MessagePort, message: &JsValue) -> Result<(), JsValue>;
}

/// Gives the browser its turn: resolves in a new task, after any input and painting due. A
/// message to itself, not a timer: the browser holds back a timer set from a timer's task
/// (after five in a row) for 4 ms, a tenth of every slice.
pub async fn yield_to_browser() {
    // Held here until the message came, so that nothing collects the ports before.
    let channel = MessageChannel::new().ok();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let posted = channel.as_ref().is_some_and(|channel| {
            channel.port1().set_onmessage(&resolve);
            channel.port2().post_message(&JsValue::NULL).is_ok()
        });
        if !posted {
            match web_sys::window() {
                Some(window) => {
                    let _ = window.set_timeout_with_callback(&resolve);
                }
                None => {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            }
        }
    });
    let _ = JsFuture::from(promise).await;
    drop(channel);
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// The clock of the running slice.
pub(crate) struct Slices {
    since: f64,
}

impl Slices {
    pub(crate) fn new() -> Slices {
        Slices { since: now() }
    }

    /// Whether this slice has had its time; the caller then reports and calls [`Self::pause`].
    pub(crate) fn due(&self) -> bool {
        now() - self.since >= SLICE_MS
    }

    pub(crate) async fn pause(&mut self) {
        yield_to_browser().await;
        self.since = now();
    }
}

/// Bytes copied into the page's memory at a time: some milliseconds of copying.
const BYTES_PER_COPY: u32 = 8 << 20;

/// The bytes of `buffer` (a blob read whole, in the browser's memory outside the page's
/// WebAssembly memory), copied in slices: a copy of a large collection at once holds the page
/// for tenths of a second.
pub async fn copy_in_slices(buffer: &js_sys::Uint8Array) -> Vec<u8> {
    let length = buffer.length();
    let mut bytes = vec![0; length as usize];
    let mut slices = Slices::new();
    let mut at = 0u32;
    while at < length {
        let end = at.saturating_add(BYTES_PER_COPY).min(length);
        if let Some(part) = bytes.get_mut(at as usize..end as usize) {
            buffer.subarray(at, end).copy_to(part);
        }
        at = end;
        if slices.due() {
            slices.pause().await;
        }
    }
    bytes
}

/// Checks a collection file (one JSON document, or a collection in pieces) in slices, as
/// [`crate::core::validate::load`] would at once, building the table of its events as they
/// are checked with the gazetteer `place_names` ([`LoadSteps::building_table`]), so that
/// adding it to a catalog with that gazetteer decodes no record again. `report` gets the
/// share checked.
///
/// Errors: the problems that reject the whole file.
pub async fn load_in_slices(
    file: &str,
    bytes: &[u8],
    place_names: &Arc<PlaceNames>,
    report: &dyn Fn(f64),
) -> Result<Loaded, Vec<Problem>> {
    // Each stage starts in a task of its own, whatever ran before it.
    yield_to_browser().await;
    let mut slices = Slices::new();
    let mut steps = {
        let _measure = Measure::new("adding: header");
        LoadSteps::start(file, bytes)?.building_table(Arc::clone(place_names))
    };
    while !steps.step(RECORDS_PER_LOOK)? {
        if slices.due() {
            report(steps.share_read());
            slices.pause().await;
        }
    }
    finish_in_slices(steps).await
}

/// Checks a collection that the browser holds as a blob (the worker's hand-over, or a copy
/// kept on this device) in slices, as [`load_in_slices`] would once it was copied into the
/// page's WebAssembly memory: a collection in pieces is read in a piece at a time, so its
/// bytes never sit whole in the page's memory (WebAssembly's never shrinks) beside its
/// records. A file of one document (a collection file as opened), or one that is rejected, is
/// read in whole and checked so, which words the rejection. The table of its events is built
/// as they are checked, with the gazetteer `place_names`. `report` gets the share checked.
///
/// Errors: the problems that reject the whole file, or the blob that cannot be read.
pub async fn load_blob_in_slices(
    file: &str,
    blob: &Blob,
    place_names: &Arc<PlaceNames>,
    report: &dyn Fn(f64),
) -> Result<Loaded, Vec<Problem>> {
    let lines = BlobLines::new(blob.clone());
    match load_pieces_in_slices(file, lines, place_names, report).await {
        Ok(loaded) => Ok(loaded),
        Err(_) => {
            let array = blob_lines::read_array(blob)
                .await
                .map_err(|said| vec![Problem::said(Severity::Error, file, None, None, said)])?;
            let bytes = copy_in_slices(&array).await;
            // Freed now, not when the collector comes: the file's whole size.
            blob_lines::release(&array.buffer());
            load_in_slices(file, &bytes, place_names, report).await
        }
    }
}

/// A collection in pieces, from its `lines` (one blob, or blobs still coming): the header
/// line, then each further line (a piece of events, or parties added) read in and checked in
/// a slice; the same steps as [`crate::core::validate::load_lines`].
///
/// Errors: the problems that reject the file, and none when the blob cannot be read (the
/// caller of a whole blob reads it whole, which words why).
async fn load_pieces_in_slices(
    file: &str,
    mut lines: BlobLines,
    place_names: &Arc<PlaceNames>,
    report: &dyn Fn(f64),
) -> Result<Loaded, Vec<Problem>> {
    yield_to_browser().await;
    let mut slices = Slices::new();
    let header = lines.next().await.ok().flatten().unwrap_or_default();
    let mut steps = {
        let _measure = Measure::new("adding: header");
        LoadSteps::start(file, &header)?
            .building_table(Arc::clone(place_names))
            .written_by_importer()
    };
    while !steps.step(RECORDS_PER_LOOK)? {
        if slices.due() {
            report(lines.share());
            slices.pause().await;
        }
    }
    let mut expected = false;
    while let Some(piece) = lines.next().await.map_err(|_| Vec::new())? {
        if !expected {
            // Room for all the events is reserved at the first piece of them (a wrong guess
            // costs memory or time, never a result).
            if let Some(pieces) = pieces_foreseen(lines.total(), lines.consumed(), &piece) {
                steps.expect_pieces(pieces);
                expected = true;
            }
        }
        steps.check_piece(&piece)?;
        if slices.due() {
            report(lines.share());
            slices.pause().await;
        }
    }
    finish_in_slices(steps).await
}

/// What checks a file the reader opened: the page's gazetteer, and its JSON for a checking
/// worker ([`CheckJob`]); without the JSON the page checks every file itself.
#[derive(Clone, Copy)]
pub struct Checker<'a> {
    /// The gazetteer the table's Arabic place names come from (the catalog's).
    pub place_names: &'a Arc<PlaceNames>,
    /// The same gazetteer's JSON, in the browser's memory; `None` when it did not load.
    pub gazetteer: Option<&'a Uint8Array>,
}

/// What the device keeps of a file checked.
pub enum Kept {
    /// Its stored form, as the checking worker wrote it.
    Stored(Blob),
    /// The collection file opened, as it is: the stored form is still to be written, and the
    /// file is kept when it cannot be.
    Collection(Blob),
    /// The stored form, still to be written from what was checked: a table's lines, checked
    /// on the page, name its collection by a provisional id, not the one it takes
    /// ([`check_file`]), and were not kept.
    Unwritten,
}

/// A file checked: what the worker found, what the device keeps, and the file.
pub type Checked = (ImportSummary, Kept, Loaded);

/// Checks a file the worker read or is reading, building the table of its events with the
/// gazetteer of `checker`: a collection coming in pieces while the worker reads on is checked
/// in a second worker ([`check_in_worker`]), as its pieces come; a whole collection, or pieces
/// when the page has no gazetteer for that worker, on the page in slices
/// ([`load_blob_in_slices`],
/// [`load_pieces_in_slices`]). `report` is told how far it is. `Ok(None)` when the worker
/// stopped before it was done (the reader cancelled, opened another file, or the file could
/// not be read: the file input says so).
///
/// The file comes with its final collection id: a table is read under
/// [`PROVISIONAL_COLLECTION_ID`](crate::core::import::message::PROVISIONAL_COLLECTION_ID)
/// until its fingerprint is known, at the end of its reading
/// ([`ImportSummary::collection_id`]).
///
/// Errors: one sentence when the collection is refused (its first problem), or the checking
/// worker cannot start or fails.
pub async fn check_file(
    incoming: Incoming,
    checker: Checker<'_>,
    report: &dyn Fn(Adding),
) -> Result<Option<Checked>, Said> {
    let checked = check_as_read(incoming, checker, report).await?;
    Ok(checked.map(|(summary, kept, mut loaded)| {
        if let Some(id) = summary.collection_id() {
            rename_loaded(&mut loaded, &id);
        }
        (summary, kept, loaded)
    }))
}

/// [`check_file`], the collection under the id its lines name.
async fn check_as_read(
    incoming: Incoming,
    checker: Checker<'_>,
    report: &dyn Fn(Adding),
) -> Result<Option<Checked>, Said> {
    let name = incoming.name().to_owned();
    let checking = |share| {
        report(Adding {
            name: name.clone(),
            stage: "adding-checking",
            share,
        })
    };
    let place_names = checker.place_names;
    // Each stage is also timed whole, over its many slices, for the benchmark.
    let _stage = Measure::new("stage: checking");
    match incoming {
        Incoming::Whole(summary, blob) => {
            let loaded = load_blob_in_slices(&name, &blob, place_names, &checking)
                .await
                .map_err(refused)?;
            Ok(Some((summary, Kept::Collection(blob), loaded)))
        }
        Incoming::Pieces(pieces) => {
            if let Some(gazetteer) = checker.gazetteer {
                let job =
                    CheckJob::start(&name, gazetteer).map_err(|said| open_failed(&name, said))?;
                return check_in_worker(job, pieces, place_names, &checking).await;
            }
            let IncomingPieces { pieces, done, .. } = pieces;
            let loaded = match BlobLines::coming(pieces).await {
                Some(lines) => load_pieces_in_slices(&name, lines, place_names, &checking).await,
                None => Err(Vec::new()),
            };
            // Whatever the checks found, a reading that stopped adds nothing.
            let Ok(summary) = done.await else {
                return Ok(None);
            };
            Ok(Some((summary, Kept::Unwritten, loaded.map_err(refused)?)))
        }
    }
}

/// The sentence of a collection refused: its first problem (in English: it names the record
/// and field).
fn refused(problems: Vec<Problem>) -> Said {
    match problems.first() {
        Some(problem) => Said::new("adding-not-opened-because").arg("problem", problem.to_string()),
        None => Said::new("adding-not-opened"),
    }
}

/// A collection coming in pieces, checked by the checking worker `job` while the reading worker
/// writes it: each buffer of lines is handed on as it comes (the page keeps none), and the
/// stored form the checker posts at the end, a part at a time as it writes it, is read as it
/// comes ([`stored_form::StoredComing`]), then kept whole as the checker posts it last; the
/// page's thread does no checking. `checking` is told the share checked. When the checker fails
/// (its module did not start, it ran out of memory, its form did not read), the file is not
/// added, and the reader is told why. As [`check_file`] otherwise.
async fn check_in_worker(
    mut job: CheckJob,
    incoming: IncomingPieces,
    place_names: &Arc<PlaceNames>,
    checking: &dyn Fn(f64),
) -> Result<Option<Checked>, Said> {
    let IncomingPieces {
        name,
        mut pieces,
        done,
    } = incoming;
    // Timed for the benchmark: the reading, then what the checker does after it.
    let reading = Measure::new("stage: reading");
    // What the checker said that ends its work early: a refusal, or its failure.
    let mut early = None;
    while early.is_none() {
        // Whichever comes first, the other future dropped (neither loses a message).
        let next = match select(pieces.next(), Box::pin(job.next())).await {
            Either::Left((piece, _)) => Either::Left(piece),
            Either::Right((event, _)) => Either::Right(event),
        };
        match next {
            Either::Left(Some((bytes, share))) => job.lines(&bytes, share),
            Either::Left(None) => break,
            Either::Right(CheckEvent::Checking(share)) => checking(share),
            Either::Right(event) => early = Some(event),
        }
    }
    // Whatever the checks found, a reading that stopped adds nothing (dropping the job stops
    // the checker).
    let Ok(summary) = done.await else {
        return Ok(None);
    };
    drop(reading);
    let ended = match early {
        Some(event) => event,
        None => {
            let _measure = Measure::new("stage: checked after the reading");
            job.end(summary.collection_id());
            let mut form = stored_form::StoredComing::new(Arc::clone(place_names));
            loop {
                match job.next().await {
                    CheckEvent::Checking(share) => checking(share),
                    // Read while the checker writes the rest.
                    CheckEvent::Stored(bytes) => {
                        if let Err(said) = form.take(&bytes).await {
                            break CheckEvent::Failed(said);
                        }
                    }
                    CheckEvent::Checked(blob) => {
                        let _measure = Measure::new("stage: stored form read");
                        match form.finish().await {
                            Ok(loaded) => return Ok(Some((summary, Kept::Stored(blob), loaded))),
                            Err(said) => break CheckEvent::Failed(said),
                        }
                    }
                    event => break event,
                }
            }
        }
    };
    drop(job);
    Err(match ended {
        CheckEvent::Refused(problems) => refused(problems),
        CheckEvent::Failed(said) => open_failed(&name, said),
        CheckEvent::Checking(_) | CheckEvent::Stored(_) | CheckEvent::Checked(_) => {
            open_failed(&name, Said::new("reader-unreachable"))
        }
    })
}

/// The last steps of [`load_in_slices`] and [`load_pieces_in_slices`], each in a slice of its
/// own: the text index of the rows finished, then the figures checked and the file given.
async fn finish_in_slices(mut steps: LoadSteps<'_>) -> Result<Loaded, Vec<Problem>> {
    yield_to_browser().await;
    {
        let _measure = Measure::new("adding: words");
        steps.finish_words();
    }
    yield_to_browser().await;
    let _measure = Measure::new("adding: figures");
    steps.finish()
}

/// Builds a catalog in slices. `report` gets the share of events in the table.
pub async fn build_in_slices(mut build: CatalogBuild, report: &dyn Fn(f64)) -> Catalog {
    yield_to_browser().await;
    let mut slices = Slices::new();
    loop {
        let done = {
            // Each stage of joining the pieces is one step, timed for the benchmark.
            let _measure = build.joining().then(|| Measure::new("adding: join"));
            build.step(RECORDS_PER_LOOK)
        };
        if done {
            break;
        }
        if slices.due() {
            let (done, total) = build.progress();
            report(done as f64 / total.max(1) as f64);
            slices.pause().await;
        }
    }
    // The steps joined the table's pieces too, a stage at a time: nothing is left to run.
    build.finish()
}

/// What the explorer of `catalog` would do first in the task that draws it, done ahead in
/// tasks of their own: its engine built a stage a task (each some tens of milliseconds at a
/// million rows; see [`EngineBuild`]), then given the filter of `query`, the view it is
/// expected to open on (a pass over the rows, which its first draw then finds done; any other
/// view costs what differs), the whole-table sums its panels start from and the counts of
/// every option its filter panel lists, a part a task ([`Baseline::prepare`], under the
/// default metric), and the list's rows sorted by its default order. Gives them for the
/// explorer ([`crate::ui::explorer::PreparedExplorer`]).
pub async fn prepare_explorer(catalog: &Catalog, query: &str) -> Prepared {
    let table = &catalog.table;
    let mut build = EngineBuild::new(0, |_| None);
    loop {
        yield_to_browser().await;
        let _measure = Measure::new("adding: engine");
        if build.step(table) {
            break;
        }
    }
    yield_to_browser().await;
    let mut engine = {
        let _measure = Measure::new("adding: engine");
        build.finish(table)
    };
    yield_to_browser().await;
    {
        let _measure = Measure::new("adding: first filter");
        // As the explorer applies a view: its open facets counted, then its filter.
        let state = query::decode(query).0;
        for facet in Facet::ALL {
            let open = state
                .facets
                .get(facet.index())
                .is_some_and(|set| !set.is_empty());
            engine.want_facet(table, facet, open);
        }
        engine.set_filter(table, state.filter(table));
    }
    let baseline = Arc::new(Baseline::new());
    for part in 0..Baseline::PARTS {
        yield_to_browser().await;
        let _measure = Measure::new("adding: sums");
        baseline.prepare(table, Metric::default(), part);
    }
    yield_to_browser().await;
    {
        let _measure = Measure::new("adding: list order");
        aggregate::sort::sort_in_advance(table, SortKey::default());
    }
    Prepared { engine, baseline }
}

/// `base` with the collection the worker read added, once checked ([`check_file`]), and the
/// file's entry for "Your data". `report` is told how far it is.
///
/// Errors: one sentence when the collection clashes with one already open.
pub async fn add_file(
    base: &Catalog,
    mut summary: ImportSummary,
    loaded: Loaded,
    report: &dyn Fn(Adding),
) -> Result<(Catalog, OpenedFile), Said> {
    let name = summary.file_name.clone();
    let events = loaded.dataset.events.len();
    if summary.format == ReadAs::Collection {
        // A collection file: its records (events and figures) are what was read, and its
        // problems are the validator's, named by record and field.
        let kept = events + loaded.dataset.figures.len();
        summary.rows_read = (kept + loaded.skipped) as u64;
        summary.rows_skipped = loaded.skipped as u64;
        let warned: std::collections::BTreeSet<&str> = loaded
            .problems
            .iter()
            .filter(|problem| problem.severity == Severity::Warning)
            .map(|problem| problem.record.as_deref().unwrap_or_default())
            .collect();
        summary.rows_warned = warned.len() as u64;
        summary.problems = loaded.problems.iter().map(ProblemLine::from).collect();
    }
    let collection_id = loaded.dataset.collection.id.clone();
    let (checked, skipped) = (loaded.problems.len(), loaded.skipped);
    // Merging (finding the records another collection has already) is one piece, in a task
    // of its own.
    yield_to_browser().await;
    let build = {
        let _measure = Measure::new("adding: merge");
        base.adding_in_steps(loaded)?
    };
    let building = |share| {
        report(Adding {
            name: name.clone(),
            stage: "adding-building",
            share,
        })
    };
    let stage = Measure::new("stage: table");
    let catalog = build_in_slices(build, &building).await;
    drop(stage);
    // Events already loaded from another collection (the same UCDP or ACLED event) were left
    // out of this one as it joined: they are skipped rows with a problem each.
    let events = catalog.datasets.last().map_or(events, |d| d.events.len());
    let left_out = catalog
        .skipped_per_file
        .last()
        .map_or(0, |&now| now.saturating_sub(skipped));
    summary.rows_skipped += left_out as u64;
    let joined = catalog
        .problems
        .iter()
        .filter(|problem| problem.file == summary.file_name)
        .skip(checked)
        .map(ProblemLine::from);
    summary.problems.extend(joined);
    Ok((
        catalog,
        OpenedFile {
            summary,
            collection_id,
            events,
            opened_at: local_time_now(),
        },
    ))
}

/// Adds the files kept on this device to `loaded`, each read back from its stored form
/// ([`stored_form`]), or, kept by an earlier version as a collection, checked as when it was
/// opened; in slices either way, with the table of its events read back, or built as they
/// are checked, with the gazetteer `place_names` (give the catalog the same). A browser that
/// keeps no files has none, and says nothing; a kept file that no longer loads, or one whose
/// keeping a reload cut, is named in a notice.
pub async fn reopen_kept(
    loaded: &mut Vec<Loaded>,
    place_names: &Arc<PlaceNames>,
) -> (Vec<OpenedFile>, Vec<Said>) {
    let Ok(device_store::Kept {
        files: kept,
        missing,
        unfinished,
    }) = device_store::kept().await
    else {
        return (Vec::new(), Vec::new());
    };
    // A file whose keeping a reload cut: not kept, and the reader can open it again.
    let unfinished = unfinished.map(|name| Said::new("kept-unfinished").arg("name", name));
    let mut notices: Vec<Said> = unfinished
        .into_iter()
        .chain(missing.into_iter().map(|(name, error)| {
            match error {
                None => Said::new("kept-data-gone").arg("name", name),
                Some(error) => Said::new("kept-not-read")
                    .arg("name", name)
                    .arg_said("reason", error),
            }
        }))
        .collect();
    let mut files = Vec::new();
    for (file, bytes) in kept {
        let clash = |id: &str| loaded.iter().any(|l| l.dataset.collection.id == id);
        let name = &file.summary.file_name;
        let reopened = match stored_form::is_stored(&bytes).await {
            true => match stored_form::read_in_slices(&bytes, place_names).await {
                Ok(one) => Ok(one),
                Err(reason) => {
                    notices.push(
                        Said::new("kept-not-read")
                            .arg("name", name)
                            .arg_said("reason", reason),
                    );
                    continue;
                }
            },
            false => load_blob_in_slices(name, &bytes, place_names, &|_| {}).await,
        };
        match reopened {
            Ok(one) if !clash(&one.dataset.collection.id) => {
                loaded.push(one);
                files.push(file);
            }
            Ok(_) => notices.push(Said::new("kept-id-open").arg("name", file.summary.file_name)),
            Err(problems) => notices.push(match problems.first() {
                Some(problem) => Said::new("kept-not-reopened-because")
                    .arg("name", file.summary.file_name)
                    .arg("problem", problem.to_string()),
                None => Said::new("kept-not-reopened").arg("name", file.summary.file_name),
            }),
        }
    }
    (files, notices)
}

/// The progress bar of a file being added, while it is.
#[component]
pub fn AddingProgress(adding: RwSignal<Option<Adding>>) -> impl IntoView {
    move || {
        adding.get().map(|now| {
            let percent = (now.share * 100.0).clamp(0.0, 100.0).floor() as u64;
            let language = lang();
            let text = language.format(
                now.stage,
                &[("name", Arg::Text(&now.name)), ("percent", Arg::Number(percent))],
            );
            view! {
                <div class="import-progress adding-progress" data-testid="import-adding" role="status">
                    <div class="import-bar" role="progressbar"
                        aria-label=language.format("adding-label", &[("name", Arg::Text(&now.name))])
                        aria-valuemin="0" aria-valuemax="100" aria-valuenow=percent.to_string()
                        aria-valuetext=text.clone()>
                        <span style=format!("inline-size: {percent}%")></span>
                    </div>
                    <p>{text}</p>
                </div>
            }
        })
    }
}
