//! Loading a collection in steps, so that a page can check a large collection between frames
//! instead of holding its thread for seconds: [`LoadSteps::start`] reads the header (the
//! collection, its sources, parties and figures), each [`LoadSteps::step`] checks some events,
//! and [`LoadSteps::finish`] checks the figures and gives the [`Loaded`] file. [`super::load`]
//! is these same steps run at once, so a file read in steps meets exactly the same rules.
//!
//! A file is either one JSON document (any collection file), or the same collection in pieces,
//! one compact JSON text per line ([`write_in_pieces`]): the first line is the collection with
//! its first events, or none, and each further line is a JSON array of more events, or an
//! object that adds parties and dyads to the header's ([`super::PieceWriter`], which writes a
//! collection while it is still being read). The page's import worker hands a collection over
//! in pieces, and the page keeps it so on the device: a step then never has to read past the
//! piece it checks. A document whose first line is not a
//! whole JSON object (any pretty-printed file) is read as one document; a compact one-line file
//! is the same in both readings.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use rustc_hash::FxHashSet;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::Value;

use super::seen_ids::SeenIds;
use super::{
    check_event, check_source, is_collection_id, kind_of, label_of, no_party, oversized, parse,
    parse_record, printable, read_clean_record, read_record, read_written_record, record_label,
    reject_whole, too_long, Context, Loaded, Parsed, Problem, Problems, Reporter, Severity,
    MAX_TEXT_BYTES, QUOTE_CHARS,
};
use crate::core::i18n::Said;
use crate::core::model::{Dataset, Dyad, Event, Party, ReportedFigure, Source, SCHEMA_VERSION};
use crate::core::place_names::PlaceNames;
use crate::core::records::Records;
use crate::core::table::{TableBuilder, TablePart};

/// Events per piece that [`write_in_pieces`] writes for the page: some 1.3 MB of JSON, which a
/// step checks in a few tens of milliseconds in WebAssembly.
pub const EVENTS_PER_PIECE: usize = 1_000;

/// A collection file being loaded; see the module docs.
pub struct LoadSteps<'a> {
    /// The file, its byte order mark left out: for the message when it is not JSON after all.
    bytes: &'a [u8],
    /// The lines not read yet (the pieces after the first line).
    rest: &'a [u8],
    /// Events of the piece being checked, not checked yet.
    queue: std::vec::IntoIter<&'a RawValue>,
    raw_figures: Vec<&'a RawValue>,
    problems: Problems,
    context: Context,
    shell: Dataset,
    events: Records,
    /// Pieces still to come: the lines after the first of a file given whole, or as the caller
    /// of [`LoadSteps::check_piece`] announced them ([`LoadSteps::expect_pieces`]); 0 when
    /// unknown.
    pieces_expected: usize,
    skipped: usize,
    /// Events met so far, loaded or skipped (the next one's position in the file).
    position: usize,
    /// The table of the events loaded, built as each is checked, and the gazetteer it reads;
    /// `None` unless asked for ([`LoadSteps::building_table`]).
    table: Option<(TableBuilder, Arc<PlaceNames>)>,
    /// Whether the lines are this app's importer's ([`LoadSteps::written_by_importer`]).
    by_importer: bool,
    /// Events in the last piece [`LoadSteps::check_piece`] was given (0 before the first):
    /// the room a piece read in one pass reserves, as its count is known only once read.
    piece_events: usize,
}

impl<'a> LoadSteps<'a> {
    /// Reads the header of a collection file: its top level, version, collection, parties,
    /// dyads and sources. The events wait for [`LoadSteps::step`].
    ///
    /// Errors: the problems that reject the whole file (see [`super::load`]).
    pub fn start(file: &str, bytes: &'a [u8]) -> Result<LoadSteps<'a>, Vec<Problem>> {
        let mut problems = Problems::new(file);
        let reject = rejection(file);
        // A byte order mark is what some editors put first; it is not part of the document.
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // The top level is read as raw slices of the file, and each record is parsed from its
        // slice only when it is checked: a whole file parsed to a tree at once takes six to
        // eight times its size, which WebAssembly's memory would keep for good (it never
        // shrinks).
        let (top, rest) = match first_line(bytes) {
            Some((top, rest)) => (top, rest),
            None => match serde_json::from_slice::<BTreeMap<String, &RawValue>>(bytes) {
                Ok(top) => (top, &[][..]),
                Err(_) => return Err(reject_whole(bytes, &reject)),
            },
        };
        let mut header = serde_json::Map::new();
        for (key, raw) in &top {
            if !matches!(key.as_str(), "sources" | "events" | "figures") {
                let Ok(value) = parse_record(raw) else {
                    return Err(reject_whole(bytes, &reject));
                };
                header.insert(key.clone(), value);
            }
        }
        for key in ["sources", "events", "figures"] {
            header.insert(key.to_string(), Value::Array(Vec::new()));
        }
        let root = Value::Object(header);
        match root.get("schema_version") {
            Some(version) if version.as_u64() == Some(u64::from(SCHEMA_VERSION)) => {}
            Some(Value::Number(version)) => {
                return Err(reject(
                    None,
                    Some("schema_version".into()),
                    Said::new("problem-version-unsupported")
                        .arg("version", printable(&version.to_string(), QUOTE_CHARS))
                        .arg("supported", SCHEMA_VERSION.to_string()),
                ))
            }
            Some(other) => {
                return Err(reject(
                    None,
                    Some("schema_version".into()),
                    Said::new("problem-version-not-number")
                        .arg("supported", SCHEMA_VERSION.to_string())
                        .arg_key("kind", kind_of(other)),
                ))
            }
            None => {
                return Err(reject(
                    None,
                    Some("schema_version".into()),
                    Said::new("problem-version-missing")
                        .arg("supported", SCHEMA_VERSION.to_string()),
                ))
            }
        }

        let mut arrays: Vec<Vec<&RawValue>> = Vec::new();
        for (key, what) in [
            ("sources", "problem-array-sources"),
            ("events", "problem-array-events"),
            ("figures", "problem-array-figures"),
        ] {
            match top.get(key) {
                Some(raw) => match serde_json::from_str::<Vec<&RawValue>>(raw.get()) {
                    Ok(items) => arrays.push(items),
                    Err(_) => {
                        let found = serde_json::from_str::<Value>(raw.get()).unwrap_or(Value::Null);
                        return Err(reject(
                            None,
                            Some(key.into()),
                            Said::new("problem-not-an-array")
                                .arg_key("what", what)
                                .arg_key("kind", kind_of(&found)),
                        ));
                    }
                },
                None if key == "figures" => arrays.push(Vec::new()),
                None => {
                    return Err(reject(
                        None,
                        Some(key.into()),
                        Said::new("problem-array-missing").arg_key("what", what),
                    ))
                }
            }
        }
        // Records are parsed one by one so that one bad record costs only itself.
        let raw_figures = arrays.pop().unwrap_or_default();
        let raw_events = arrays.pop().unwrap_or_default();
        let raw_sources = arrays.pop().unwrap_or_default();

        // The header: what is left of the root once the record arrays are taken out.
        let shell: Dataset = parse_header_part(&root, &mut problems, &reject)?;
        let collection_id = shell.collection.id.clone();
        if !is_collection_id(&collection_id) {
            return Err(reject(
                None,
                Some("collection.id".into()),
                Said::new("problem-not-collection-id")
                    .arg("id", printable(&collection_id, QUOTE_CHARS))
                    .arg("max", super::MAX_ID_BYTES.to_string()),
            ));
        }
        check_dyads(&mut problems, &shell, 0);

        // Room for the ids of as many events as the file holds, so they are not copied as
        // their room grows and none of it is left unused.
        let events = Records::with_capacity(raw_events.len());
        let mut steps = LoadSteps {
            bytes,
            rest,
            queue: raw_events.into_iter(),
            raw_figures,
            problems,
            context: Context {
                collection_id,
                sources: FxHashSet::default(),
                skipped_sources: FxHashSet::default(),
                party_count: shell.parties.len(),
                dyad_count: shell.dyads.len(),
                seen: SeenIds::default(),
            },
            shell,
            events,
            // The lines after the first, when the file holds the collection in pieces.
            piece_events: 0,
            pieces_expected: rest
                .split(|&b| b == b'\n')
                .filter(|line| !line.is_empty() && !is_addition(line))
                .count(),
            skipped: 0,
            position: 0,
            table: None,
            by_importer: false,
        };
        steps.read_sources(raw_sources)?;
        Ok(steps)
    }

    /// These steps for the lines this app's importer writes as it reads a table
    /// ([`super::PieceWriter`]), from the model's own types: their records are read without
    /// watching for fields the model does not know, since they can name none (a quarter of
    /// their parsing). Every other rule holds as for any file.
    pub fn written_by_importer(mut self) -> LoadSteps<'a> {
        self.by_importer = true;
        self
    }

    /// These steps also building the table of the events they load, each read into it as it
    /// is checked ([`Loaded::table`]): adding the file to a catalog that keeps the same
    /// gazetteer `place_names` then appends that table, and no record is decoded a second
    /// time. Call it before the first step.
    pub fn building_table(mut self, place_names: Arc<PlaceNames>) -> LoadSteps<'a> {
        let builder = TableBuilder::default().with_place_names(Arc::clone(&place_names));
        self.table = Some((builder, place_names));
        self
    }

    fn read_sources(&mut self, raw_sources: Vec<&RawValue>) -> Result<(), Vec<Problem>> {
        let mut sources = Vec::with_capacity(raw_sources.len());
        let mut source_ids = HashSet::new();
        for (position, raw) in raw_sources.into_iter().enumerate() {
            // Only nesting past the parser's limit fails here (the slice is JSON): the whole
            // file is refused with where, as a file that is not JSON would be.
            let Ok(raw) = parse_record(raw) else {
                return Err(self.reject_whole());
            };
            let label = record_label(&raw, "source", position);
            let raw_id = raw.get("id").and_then(Value::as_str).map(str::to_string);
            match read_record::<Source>(raw, &label, &mut self.problems) {
                Some(source) => {
                    let mut report = Reporter::new(&label, &mut self.problems);
                    if !source_ids.insert(source.id.clone()) {
                        report.add("id", Said::new("problem-source-id-twice"));
                    }
                    check_source(&mut report, &source);
                    if report.is_clean() {
                        self.context.sources.insert(source.id.clone());
                        sources.push(source);
                    } else {
                        self.skipped += 1;
                    }
                }
                None => self.skipped += 1,
            }
            if let Some(id) = raw_id {
                if !self.context.sources.contains(&id) {
                    self.context.skipped_sources.insert(id);
                }
            }
        }
        self.shell.sources = sources;
        Ok(())
    }

    /// Checks up to `limit` more events. `Ok(true)` once every event was checked.
    ///
    /// Errors: the problems that reject the whole file: a piece that is not an array of events,
    /// or a record nested deeper than the parser's limit.
    pub fn step(&mut self, limit: usize) -> Result<bool, Vec<Problem>> {
        for _ in 0..limit {
            let Some(raw) = self.next_event()? else {
                return Ok(true);
            };
            self.check_event(raw)?;
        }
        Ok(self.queue.len() == 0 && self.rest.is_empty())
    }

    /// Checks the events of one more piece of a collection in pieces (a line after the first,
    /// a JSON array of events, without its line break), given apart from the bytes the steps
    /// started with: a reader that holds the file elsewhere copies one piece at a time. Call
    /// it once [`LoadSteps::step`] said the events already given were checked.
    ///
    /// Errors: a piece that is not an array of events, or an event nested deeper than the
    /// parser's limit, rejects the whole file (described from the bytes the steps started
    /// with: read the whole file with [`super::load`] for the full description).
    pub fn check_piece(&mut self, piece: &[u8]) -> Result<(), Vec<Problem>> {
        if piece.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        if is_addition(piece) {
            return self.add(piece);
        }
        // The importer's pieces after the first are read in one pass, up to an event that
        // does not read straight; the rest of such a piece is checked the usual way.
        let from = if self.by_importer && self.piece_events > 0 {
            self.make_room(self.piece_events);
            match self.check_written_piece(piece) {
                Ok(()) => return Ok(()),
                Err(checked) => Some(checked),
            }
        } else {
            None
        };
        let Ok(events) = serde_json::from_slice::<Vec<&RawValue>>(piece) else {
            return Err(self.reject_whole());
        };
        if from.is_none() {
            self.piece_events = events.len();
            self.make_room(events.len());
        }
        for raw in events.into_iter().skip(from.unwrap_or(0)) {
            self.check_event(raw)?;
        }
        Ok(())
    }

    /// Checks a piece of lines this app's importer wrote ([`LoadSteps::written_by_importer`])
    /// in one pass over its text: each event read straight from it, its text the bytes the
    /// reading went over. Splitting the piece into events first, then reading each, went over
    /// every byte twice (a tenth of a million-row file's checking).
    ///
    /// Errors: how many events were checked before one that does not read straight, or
    /// before the piece turned out not to be an array of objects: [`LoadSteps::check_piece`]
    /// checks the rest the usual way, which words what is wrong.
    fn check_written_piece(&mut self, piece: &[u8]) -> Result<(), usize> {
        let text = std::str::from_utf8(piece).map_err(|_| 0_usize)?;
        let rest = |at: usize| text.get(at..).unwrap_or_default();
        let mut at = after_whitespace(text, 0);
        if !rest(at).starts_with('[') {
            return Err(0);
        }
        at = after_whitespace(text, at + 1);
        let mut checked = 0;
        if !rest(at).starts_with(']') {
            loop {
                let mut stream = serde_json::Deserializer::from_str(rest(at)).into_iter::<Event>();
                let read = stream.next();
                let end = at + stream.byte_offset();
                let record = piece.get(at..end).unwrap_or_default();
                match read {
                    Some(Ok(event))
                        if record.len() <= MAX_TEXT_BYTES && record.starts_with(b"{") =>
                    {
                        let position = self.position;
                        self.position += 1;
                        let label = label_of(Some(&event.id), "event", position);
                        self.keep_event(event, label, position, Some(record));
                    }
                    _ => return Err(checked),
                }
                checked += 1;
                at = after_whitespace(text, end);
                match rest(at).chars().next() {
                    Some(',') => at = after_whitespace(text, at + 1),
                    Some(']') => break,
                    _ => return Err(checked),
                }
            }
        }
        // Only whitespace after the closing bracket.
        if after_whitespace(text, at + 1) < text.len() {
            return Err(checked);
        }
        self.piece_events = checked;
        Ok(())
    }

    /// Tells how many pieces [`LoadSteps::check_piece`] will be given, so the events' room is
    /// reserved once for all of them (from the first piece's count) instead of doubling as
    /// they come. A wrong count costs memory or time, never a result.
    pub fn expect_pieces(&mut self, pieces: usize) {
        self.pieces_expected = pieces;
    }

    /// Room for the `events` of the piece about to be checked. With the number of pieces
    /// known, the first piece reserves room for all of them at once (the pieces hold about as
    /// many events each): the records' lists of ids and blocks (and, from the second piece,
    /// the text of their ids) are then neither grown to twice what they need nor held twice
    /// while they grow.
    fn make_room(&mut self, events: usize) {
        match self.pieces_expected {
            0 => self.events.reserve(events),
            pieces => {
                let all = events.saturating_mul(pieces);
                self.events.reserve_exact(all);
                if let Some((table, _)) = &mut self.table {
                    table.reserve_exact(all);
                }
            }
        }
        self.pieces_expected = self.pieces_expected.saturating_sub(1);
    }

    /// Events met so far, loaded or skipped.
    pub fn events_read(&self) -> usize {
        self.position
    }

    /// How far the reading is, as a share of the file's bytes (0 to 1).
    pub fn share_read(&self) -> f64 {
        let total = self.bytes.len().max(1) as f64;
        let next = match self.queue.as_slice().first() {
            Some(raw) => offset_in(self.bytes, raw.get().as_bytes()),
            None => self.bytes.len() - self.rest.len(),
        };
        next as f64 / total
    }

    /// The next event's raw text, reading the next piece when the current one is done.
    fn next_event(&mut self) -> Result<Option<&'a RawValue>, Vec<Problem>> {
        loop {
            if let Some(raw) = self.queue.next() {
                return Ok(Some(raw));
            }
            let line = match self.rest.iter().position(|&b| b == b'\n') {
                Some(end) => {
                    let (line, rest) = self.rest.split_at(end);
                    self.rest = rest.get(1..).unwrap_or_default();
                    line
                }
                None => std::mem::take(&mut self.rest),
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                if self.rest.is_empty() {
                    return Ok(None);
                }
                continue;
            }
            if is_addition(line) {
                self.add(line)?;
                continue;
            }
            match serde_json::from_slice::<Vec<&RawValue>>(line) {
                Ok(events) => {
                    self.make_room(events.len());
                    self.queue = events.into_iter();
                }
                Err(_) => return Err(self.reject_whole()),
            }
        }
    }

    /// Appends the parties and dyads of an addition line (see [`super::PieceWriter`]) to the
    /// header's, under the header's rules: one that does not parse, or holds text over the
    /// limit, rejects the whole file (the indexes of those after it would shift); a dyad's side
    /// that names no party given so far is a warning.
    fn add(&mut self, line: &[u8]) -> Result<(), Vec<Problem>> {
        let file = self.problems.file.clone();
        let reject = rejection(&file);
        let Ok(value) = serde_json::from_slice::<Value>(line) else {
            return Err(self.reject_whole());
        };
        let addition: Addition = parse_header_part(&value, &mut self.problems, &reject)?;
        let from = self.shell.dyads.len();
        self.shell.parties.extend(addition.parties);
        self.shell.dyads.extend(addition.dyads);
        check_dyads(&mut self.problems, &self.shell, from);
        self.context.party_count = self.shell.parties.len();
        self.context.dyad_count = self.shell.dyads.len();
        Ok(())
    }

    fn check_event(&mut self, raw: &RawValue) -> Result<(), Vec<Problem>> {
        let position = self.position;
        self.position += 1;
        // Most records read straight into an event; the others go through a JSON tree, which
        // words what is wrong with them.
        let straight = if self.by_importer {
            read_written_record::<Event>(raw)
        } else {
            read_clean_record::<Event>(raw)
        };
        let (event, label, text) = match straight {
            Some(event) => {
                let label = label_of(Some(&event.id), "event", position);
                // Its text held nothing else: the records keep it as it is.
                (event, label, Some(raw.get().as_bytes()))
            }
            None => {
                // Only nesting past the parser's limit fails here (the slice is JSON): the
                // whole file is refused with where, as a file that is not JSON would be.
                let Ok(raw) = parse_record(raw) else {
                    return Err(self.reject_whole());
                };
                let label = record_label(&raw, "event", position);
                let Some(event) = read_record::<Event>(raw, &label, &mut self.problems) else {
                    self.skipped += 1;
                    return Ok(());
                };
                (event, label, None)
            }
        };
        self.keep_event(event, label, position, text);
        Ok(())
    }

    /// Checks `event`, read from the record `label` names, the `position`th of the file, and
    /// keeps it when nothing is wrong with it (with its `text` when the record's text held
    /// nothing else).
    fn keep_event(&mut self, event: Event, label: String, position: usize, text: Option<&[u8]>) {
        let mut report = Reporter::new(&label, &mut self.problems);
        self.context.check_id(&mut report, &self.events, &event.id);
        check_event(&mut report, &self.context, &event);
        if report.is_clean() {
            self.context
                .seen
                .insert_event(&event.id, self.events.len(), position);
            if let Some((table, _)) = &mut self.table {
                table.push_event(&self.shell, &event, (0, self.events.len()));
            }
            match text {
                Some(text) => self.events.push_read(&event, text),
                None => self.events.push(&event),
            }
        } else {
            self.skipped += 1;
        }
    }

    /// The problem of a file that turns out not to be JSON after all (see [`reject_whole`]).
    fn reject_whole(&self) -> Vec<Problem> {
        reject_whole(self.bytes, &rejection(&self.problems.file))
    }

    /// Finishes the text index of the table being built ([`LoadSteps::building_table`]), so
    /// that [`LoadSteps::finish`] has less to do at once; call it once every event is
    /// checked. [`LoadSteps::finish`] does it otherwise.
    pub fn finish_words(&mut self) {
        if let Some((table, _)) = &mut self.table {
            table.finish_words();
        }
    }

    /// Checks the figures (after the events: they share one namespace of ids) and gives the
    /// file. Call it once [`LoadSteps::step`] said every event was checked; events not checked
    /// by then are not in the file given.
    ///
    /// Errors: a figure nested deeper than the parser's limit rejects the whole file.
    pub fn finish(mut self) -> Result<Loaded, Vec<Problem>> {
        let file = self.problems.file.clone();
        let mut figures = Vec::with_capacity(self.raw_figures.len());
        for (position, raw) in std::mem::take(&mut self.raw_figures)
            .into_iter()
            .enumerate()
        {
            let Ok(raw) = parse_record(raw) else {
                return Err(self.reject_whole());
            };
            let label = record_label(&raw, "figure", position);
            let Some(figure) = read_record::<ReportedFigure>(raw, &label, &mut self.problems)
            else {
                self.skipped += 1;
                continue;
            };
            let mut report = Reporter::new(&label, &mut self.problems);
            self.context.check_id(&mut report, &self.events, &figure.id);
            report.date("period", &figure.period);
            report.citations(&figure.citations, &self.context);
            if report.is_clean() {
                self.context.seen.insert_figure(&figure.id, position);
                figures.push(figure);
            } else {
                self.skipped += 1;
            }
        }
        let figure_ids: HashSet<&str> = figures.iter().map(|f| f.id.as_str()).collect();
        for figure in &figures {
            if let Some(parent) = &figure.part_of {
                if !figure_ids.contains(parent.as_str()) {
                    self.problems.push(
                        Severity::Warning,
                        Some(figure.id.clone()),
                        "part_of".into(),
                        Said::new("problem-not-a-figure-here")
                            .arg("figure", printable(parent, QUOTE_CHARS)),
                    );
                }
            }
        }
        let mut dataset = self.shell;
        // A file in pieces grows the events' room piece by piece, up to twice what it holds.
        self.events.shrink_to_fit();
        dataset.events = self.events;
        dataset.figures = figures;
        Ok(Loaded {
            file,
            dataset,
            problems: self.problems.finish(),
            skipped: self.skipped,
            table: self.table.map(|(table, place_names)| TablePart {
                table: table.finish(),
                place_names,
            }),
        })
    }
}

/// The parties and dyads an addition line appends (see [`super::PieceWriter`]).
#[derive(serde::Deserialize)]
struct Addition {
    #[serde(default)]
    parties: Vec<Party>,
    #[serde(default)]
    dyads: Vec<Dyad>,
}

/// A part of the header (the collection's top level without its records, or an addition line)
/// read from its JSON tree; a field the model does not know is a warning in `problems`.
///
/// Errors: a text over the limit, or a part that does not read as `T`, rejects the whole file
/// (through `reject`), with the field at fault.
fn parse_header_part<T: DeserializeOwned>(
    value: &Value,
    problems: &mut Problems,
    reject: &dyn Fn(Option<String>, Option<String>, Said) -> Vec<Problem>,
) -> Result<T, Vec<Problem>> {
    if let Some((path, bytes)) = oversized(value).into_iter().next() {
        return Err(reject(
            None,
            Some(path),
            Said::new("problem-file-rejected").arg_said("why", too_long(bytes)),
        ));
    }
    match parse::<T>(value) {
        Parsed {
            value: Ok(part),
            unknown,
            unknown_more,
        } => {
            problems.unknown_fields(None, &unknown, unknown_more);
            Ok(part)
        }
        Parsed {
            value: Err((field, why)),
            ..
        } => Err(reject(
            None,
            field,
            Said::new("problem-header-invalid").arg_said("why", why),
        )),
    }
}

/// Whether a line after the first is an addition (an object), not a piece of events (an
/// array).
fn is_addition(line: &[u8]) -> bool {
    line.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Warns of each dyad of `shell` from index `from` on whose side names no party of it.
fn check_dyads(problems: &mut Problems, shell: &Dataset, from: usize) {
    for (index, dyad) in shell.dyads.iter().enumerate().skip(from) {
        for (side, party) in [("side_a", dyad.side_a), ("side_b", dyad.side_b)] {
            if party as usize >= shell.parties.len() {
                problems.push(
                    Severity::Warning,
                    None,
                    format!("dyads[{index}].{side}"),
                    no_party(party),
                );
            }
        }
    }
}

/// The whole file's rejection, as one error problem of `file` with this record, field and
/// message.
fn rejection(file: &str) -> impl Fn(Option<String>, Option<String>, Said) -> Vec<Problem> + '_ {
    move |record, field, said| vec![Problem::said(Severity::Error, file, record, field, said)]
}

/// The top level of a collection in pieces and the lines after it; `None` when the first line
/// is not a whole JSON object with more lines after it (a file of one document).
#[allow(clippy::type_complexity)]
fn first_line(bytes: &[u8]) -> Option<(BTreeMap<String, &RawValue>, &[u8])> {
    let end = bytes.iter().position(|&b| b == b'\n')?;
    let (line, rest) = bytes.split_at(end);
    let top = serde_json::from_slice::<BTreeMap<String, &RawValue>>(line).ok()?;
    Some((top, rest.get(1..).unwrap_or_default()))
}

/// Loads a collection in pieces given line by line (each without its line break): the first
/// line is the header (the collection, with its first events or none), each further line a
/// piece of events. A reader that holds the file outside this program's memory (a browser's
/// buffer) copies one line at a time, so the file's bytes and its records are never all held
/// here at once. The same rules as [`super::load`] of the whole file, with the same result.
///
/// Errors: as [`super::load`]; a file that is not a collection in pieces (a pretty-printed
/// document) is rejected here, and reads whole with [`super::load`].
///
/// The iterator's [`Iterator::size_hint`] lower bound, after the header, is taken as the
/// number of pieces ([`LoadSteps::expect_pieces`]): give an exact one when it is known.
pub fn load_lines(
    file: &str,
    mut lines: impl Iterator<Item = Vec<u8>>,
) -> Result<Loaded, Vec<Problem>> {
    let header = lines.next().unwrap_or_default();
    let mut steps = LoadSteps::start(file, &header)?;
    while !steps.step(usize::MAX)? {}
    steps.expect_pieces(lines.size_hint().0);
    for line in lines {
        steps.check_piece(&line)?;
    }
    steps.finish()
}

/// Where the first byte of `text` from `at` on that is not JSON whitespace is (`text`'s
/// length when there is none).
fn after_whitespace(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = at;
    while bytes
        .get(at)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        at += 1;
    }
    at.min(bytes.len())
}

/// Where `part` starts in `whole`, which holds it.
fn offset_in(whole: &[u8], part: &[u8]) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(whole.as_ptr() as usize)
        .min(whole.len())
}

/// `dataset` as a collection in pieces (see the module docs): its header with no events on the
/// first line, then lines of `per_piece` events each, every line
/// compact JSON (JSON text never holds a raw line break), each ended by a line break.
///
/// All the lines in one buffer; [`write_each_piece`] hands them over one at a time instead.
///
/// Errors: when the dataset cannot be written as JSON (serde_json's error).
pub fn write_in_pieces(dataset: Dataset, per_piece: usize) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = Vec::new();
    write_each_piece(dataset, per_piece, |line| bytes.extend_from_slice(line))?;
    Ok(bytes)
}

/// The lines of [`write_in_pieces`], each given to `put` (with its line break) as soon as it
/// is written, in one buffer used again for the next: the collection's JSON is never whole in
/// memory, which at a million events (some 1.3 GB) a 32-bit WebAssembly heap could not hold.
///
/// Errors: when the dataset's header cannot be written as JSON (serde_json's error); `put`
/// has then been given nothing.
pub fn write_each_piece(
    mut dataset: Dataset,
    per_piece: usize,
    mut put: impl FnMut(&[u8]),
) -> Result<(), serde_json::Error> {
    let events = std::mem::take(&mut dataset.events);
    let mut line = serde_json::to_vec(&dataset)?;
    line.push(b'\n');
    put(&line);
    let per_piece = per_piece.max(1);
    for from in (0..events.len()).step_by(per_piece) {
        line.clear();
        events.write_array(from, from + per_piece, &mut line);
        line.push(b'\n');
        put(&line);
    }
    Ok(())
}
