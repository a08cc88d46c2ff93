//! The stored form of a checked file: what a file the reader opened became (its collection,
//! the problems found in it, and the table of its events), in a binary form the page reads
//! back without checking or decoding a record again. The device keeps a file in this form,
//! so reopening it after a reload is a copy of its columns, not a second import.
//!
//! Layout: [`MAGIC`] and [`FORM_VERSION`] (`u32`, little-endian), then items, each a tag
//! (`u8`), a column number (`u16`) and a payload length (`u32`), then the payload:
//!
//! - `HEAD`: JSON of the file's name, its collection without events (metadata, sources,
//!   parties, dyads, figures), its problems, the prefix of the events' ids renamed after
//!   their texts were packed (when it was), and the table's shape ([`TABLE_VERSION`], the
//!   gazetteer's [`PlaceNames::fingerprint`], rows);
//! - `NUMBERS`: values of one column (see `columns`), onto the end of what came before;
//! - `BLOCKS`: packed blocks of records, each its 32 ends (`u64`), length (`u32`) and LZ4
//!   bytes;
//! - `END`: the last item; a form without it was cut short.
//!
//! Items hold at most some [`ITEM_BYTES`], so that writing or reading one is a few
//! milliseconds of a page's thread, and a reader never holds more than one item beside what
//! it has built. All numbers are little-endian.
//!
//! The table is read back only when it was built as this version builds tables
//! ([`TABLE_VERSION`]) with the same gazetteer; otherwise the file reopens from its records
//! alone, and the catalogue builds its rows again.

mod columns;

use std::collections::VecDeque;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use columns::{Column, Onto};

use super::facet::{Dictionary, Facet, FacetIndex, ValueColumn};
use super::model::Dataset;
use super::place_names::PlaceNames;
use super::records::{RecordParts, Records, BLOCK};
use super::table::{EventTable, TablePart};
use super::text_index::{TextIndex, TextIndexParts};
use super::validate::{Loaded, Problem};
use super::vocab::{Actor, EventKind};

/// The first bytes of the stored form.
pub const MAGIC: &[u8; 4] = b"SIXF";
/// The version of the layout above, and of the records and head in it: a form of another
/// version is not read.
pub const FORM_VERSION: u32 = 1;
/// The version of how a table's rows are built from records (`core::table`, the text index,
/// the facets): raise it with any change to them, so that a table stored by an earlier
/// version is built again from its records instead of read back.
pub const TABLE_VERSION: u32 = 1;
/// Bytes of [`MAGIC`] and [`FORM_VERSION`].
pub const PREFIX_LEN: usize = 8;
/// Bytes of an item's tag, column and payload length.
pub const ITEM_HEADER_LEN: usize = 7;
/// The payload bytes an item holds at most, about (one value or block may pass it): written
/// or read in some 20 ms of a page's WebAssembly.
pub const ITEM_BYTES: usize = 2 << 20;
/// Bytes of a block's header in a `BLOCKS` item: its ends and its length.
const BLOCK_HEADER: usize = 8 * BLOCK + 4;

const HEAD: u8 = 1;
const NUMBERS: u8 = 2;
const BLOCKS: u8 = 3;
const END: u8 = 4;

/// Why a stored form was not read, in English words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredError(pub String);

impl StoredError {
    fn new(message: &str) -> StoredError {
        StoredError(message.to_string())
    }
}

impl std::fmt::Display for StoredError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What the head item says.
#[derive(Serialize, Deserialize)]
struct Head {
    file: String,
    /// The collection, its events left out.
    dataset: Dataset,
    problems: Vec<Problem>,
    skipped: usize,
    events: usize,
    own_ids: u8,
    /// [`Records::id_rename`]: the id prefix the blocks' texts hold, and the events' own.
    /// Absent (from forms written before it, too) when the texts give the events' ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id_rename: Option<(String, String)>,
    table: Option<TableHead>,
}

/// The shape of the stored table.
#[derive(Serialize, Deserialize)]
struct TableHead {
    version: u32,
    /// [`PlaceNames::fingerprint`] of the gazetteer its Arabic names came from.
    place_names: u64,
    rows: usize,
}

/// Records' columns.
const OPEN_TEXT: u16 = 1;
const OPEN_ENDS: u16 = 2;
const ID_TEXT: u16 = 3;
const ID_ENDS: u16 = 4;
/// The table's columns are from here on: skipped when the table is not read back.
const TABLE_FROM: u16 = 10;
/// The plain column of each row's map cell (`map_cells.of_row`, in [`plain_columns`]), which
/// a table may leave empty.
const CELL_OF_ROW: u16 = 29;
const PRECISION: u16 = 30;
const LOCATION_PRECISION: u16 = 31;
const LOCATIONS: u16 = 32;
const CELL_KEYS: u16 = 33;
const WORDS: u16 = 40;
const WORD_STARTS: u16 = 41;
const POSTINGS: u16 = 42;
const POSTING_STARTS: u16 = 43;
const CHARS: u16 = 44;
const COLLECTION_IDS: u16 = 50;
const SEARCH_TEXT: u16 = 51;
/// Facet `k`'s columns are `FACETS + 10 * k` and on: its values, then each of [`FacetParts`].
const FACETS: u16 = 100;
const FACET_VALUES: u16 = 0;
const FACET_ANY_OFFSETS: u16 = 1;
const FACET_ANY_IDS: u16 = 2;
const FACET_PERPETRATOR_OFFSETS: u16 = 3;
const FACET_PERPETRATOR_IDS: u16 = 4;
const FACET_GROUPS: u16 = 5;
const FACET_ARABIC: u16 = 6;

/// The table's plain columns, by number: one list for writing and reading, so the two agree.
macro_rules! plain_columns {
    ($($number:literal => $($field:ident).+ : $kind:ident),* $(,)?) => {
        fn plain_columns(table: &EventTable) -> Vec<(u16, Column<'_>)> {
            vec![$(($number, Column::$kind(&table.$($field).+))),*]
        }

        fn plain_column(table: &mut EventTable, number: u16) -> Option<Onto<'_>> {
            match number {
                $($number => Some(Onto::$kind(&mut table.$($field).+)),)*
                _ => None,
            }
        }
    };
}

plain_columns! {
    10 => start: I32,
    11 => end: I32,
    12 => collection: U8,
    13 => publishers: U8,
    14 => kind: U8,
    15 => actors_any: U32,
    16 => actors_perpetrator: U32,
    17 => lead_actor: U8,
    18 => governorates: U16,
    19 => lat: F32,
    20 => lon: F32,
    21 => deaths_low: U32,
    22 => deaths_best: U32,
    23 => deaths_high: U32,
    24 => civilians_killed: U32,
    25 => children_killed: U32,
    26 => women_killed: U32,
    27 => combatants_killed: U32,
    28 => flags: U8,
    29 => map_cells.of_row: U32,
}

/// Every column of `loaded`, by number, in the order written.
fn columns_of(loaded: &Loaded) -> Vec<(u16, Column<'_>)> {
    let records = &loaded.dataset.events;
    let (open, open_ends) = records.open_text();
    let (ids, id_ends) = records.id_text();
    let mut all = vec![
        (OPEN_TEXT, Column::U8(open)),
        (OPEN_ENDS, Column::Usize(open_ends)),
        (ID_TEXT, Column::U8(ids.as_bytes())),
        (ID_ENDS, Column::Usize(id_ends)),
    ];
    let Some(part) = &loaded.table else {
        return all;
    };
    let table = &part.table;
    all.extend(plain_columns(table));
    let index = table.text_index.parts();
    all.extend([
        (PRECISION, Column::Dates(&table.precision)),
        (
            LOCATION_PRECISION,
            Column::Places(&table.location_precision),
        ),
        (LOCATIONS, Column::Pairs(&table.locations)),
        (CELL_KEYS, Column::Cells(&table.map_cells.keys)),
        (WORDS, Column::U8(index.words.as_bytes())),
        (WORD_STARTS, Column::U32(index.word_starts)),
        (POSTINGS, Column::U8(index.postings)),
        (POSTING_STARTS, Column::U32(index.posting_starts)),
        (CHARS, Column::U128(index.chars)),
        (COLLECTION_IDS, Column::Strings(&table.collection_ids)),
        (SEARCH_TEXT, Column::Strings(&table.search_text)),
    ]);
    for (k, facet) in (0u16..).zip(&table.facets) {
        let base = FACETS + 10 * k;
        let (any_offsets, any_ids) = facet.any.parts();
        let (perpetrator_offsets, perpetrator_ids) = facet.perpetrator.parts();
        all.extend([
            (
                base + FACET_VALUES,
                Column::Strings(facet.dictionary.values()),
            ),
            (base + FACET_ANY_OFFSETS, Column::U32(any_offsets)),
            (base + FACET_ANY_IDS, Column::U32(any_ids)),
            (
                base + FACET_PERPETRATOR_OFFSETS,
                Column::U32(perpetrator_offsets),
            ),
            (base + FACET_PERPETRATOR_IDS, Column::U32(perpetrator_ids)),
            (base + FACET_GROUPS, Column::U32(&facet.groups)),
            (base + FACET_ARABIC, Column::Names(&facet.arabic)),
        ]);
    }
    all
}

/// One item still to write.
enum Piece {
    Head,
    /// Values `from..to` of the column `columns[at]`.
    Numbers {
        at: usize,
        from: usize,
        to: usize,
    },
    /// Records' blocks `from..to`.
    Blocks {
        from: usize,
        to: usize,
    },
    End,
}

/// Writes a loaded file's stored form an item at a time ([`StoredWriter::next_item`]), so a
/// page can write a large one between frames. [`write`] is all of it at once.
pub struct StoredWriter<'a> {
    loaded: &'a Loaded,
    columns: Vec<(u16, Column<'a>)>,
    pieces: VecDeque<Piece>,
    /// Whether the prefix is still to come (before the first item).
    prefix: bool,
    /// The payload bytes an item holds, about.
    item_bytes: usize,
}

impl<'a> StoredWriter<'a> {
    /// The writer of `loaded`, whose table (when it has one) took its Arabic names from
    /// `loaded.table`'s gazetteer.
    pub fn new(loaded: &'a Loaded) -> StoredWriter<'a> {
        StoredWriter::with_item_bytes(loaded, ITEM_BYTES)
    }

    /// The writer of `loaded` whose items hold some `item_bytes` each (tests write small
    /// ones, to read a column across many).
    pub fn with_item_bytes(loaded: &'a Loaded, item_bytes: usize) -> StoredWriter<'a> {
        let columns = columns_of(loaded);
        let mut pieces = VecDeque::from([Piece::Head]);
        // Blocks to an item until it holds `item_bytes` (a block packs 2 to 12 KB).
        let mut from = 0;
        let mut bytes = 0;
        for (at, (packed, _)) in loaded.dataset.events.packed_blocks().enumerate() {
            bytes += packed.len() + BLOCK_HEADER;
            if bytes >= item_bytes {
                pieces.push_back(Piece::Blocks { from, to: at + 1 });
                (from, bytes) = (at + 1, 0);
            }
        }
        let blocks = loaded.dataset.events.packed_blocks().len();
        if from < blocks {
            pieces.push_back(Piece::Blocks { from, to: blocks });
        }
        for (at, (_, column)) in columns.iter().enumerate() {
            let per_item = column.values_per(item_bytes);
            pieces.extend(
                (0..column.len())
                    .step_by(per_item)
                    .map(|from| Piece::Numbers {
                        at,
                        from,
                        to: (from + per_item).min(column.len()),
                    }),
            );
        }
        pieces.push_back(Piece::End);
        StoredWriter {
            loaded,
            columns,
            pieces,
            prefix: true,
            item_bytes,
        }
    }

    /// Items left to write.
    pub fn items_left(&self) -> usize {
        self.pieces.len()
    }

    /// The next item's bytes (the first with the form's prefix before it); `None` after the
    /// last.
    pub fn next_item(&mut self) -> Option<Vec<u8>> {
        let piece = self.pieces.pop_front()?;
        let mut out = Vec::with_capacity(self.item_bytes + self.item_bytes / 8);
        if std::mem::take(&mut self.prefix) {
            out.extend_from_slice(MAGIC);
            out.extend(FORM_VERSION.to_le_bytes());
        }
        let (tag, column) = match piece {
            Piece::Head => (HEAD, 0),
            Piece::Numbers { at, .. } => (NUMBERS, self.columns.get(at).map_or(0, |c| c.0)),
            Piece::Blocks { .. } => (BLOCKS, 0),
            Piece::End => (END, 0),
        };
        out.push(tag);
        out.extend(column.to_le_bytes());
        let length_at = out.len();
        out.extend(0u32.to_le_bytes());
        match piece {
            Piece::Head => self.write_head(&mut out),
            Piece::Numbers { at, from, to } => {
                if let Some((_, column)) = self.columns.get(at) {
                    column.write(from, to, &mut out);
                }
            }
            Piece::Blocks { from, to } => {
                let blocks = self.loaded.dataset.events.packed_blocks();
                for (packed, ends) in blocks.skip(from).take(to - from) {
                    for &end in ends {
                        out.extend((end as u64).to_le_bytes());
                    }
                    out.extend(
                        u32::try_from(packed.len())
                            .unwrap_or(u32::MAX)
                            .to_le_bytes(),
                    );
                    out.extend_from_slice(packed);
                }
            }
            Piece::End => {}
        }
        let length = u32::try_from(out.len() - length_at - 4).unwrap_or(u32::MAX);
        if let Some(slot) = out.get_mut(length_at..length_at + 4) {
            slot.copy_from_slice(&length.to_le_bytes());
        }
        Some(out)
    }

    fn write_head(&self, out: &mut Vec<u8>) {
        let loaded = self.loaded;
        let dataset = &loaded.dataset;
        let head = Head {
            file: loaded.file.clone(),
            dataset: Dataset {
                schema_version: dataset.schema_version,
                collection: dataset.collection.clone(),
                sources: dataset.sources.clone(),
                parties: dataset.parties.clone(),
                dyads: dataset.dyads.clone(),
                events: Records::default(),
                figures: dataset.figures.clone(),
            },
            problems: loaded.problems.clone(),
            skipped: loaded.skipped,
            events: dataset.events.len(),
            own_ids: dataset.events.own_ids(),
            id_rename: dataset
                .events
                .id_rename()
                .map(|(from, to)| (from.to_string(), to.to_string())),
            table: loaded.table.as_ref().map(|part| TableHead {
                version: TABLE_VERSION,
                place_names: part.place_names.fingerprint(),
                rows: part.table.len(),
            }),
        };
        // Plain data: serialising it cannot fail; were it to, the head would be empty and
        // the form would not read back, never read wrong.
        let _ = serde_json::to_writer(out, &head);
    }
}

/// The whole stored form of `loaded`, at once.
pub fn write(loaded: &Loaded) -> Vec<u8> {
    let mut writer = StoredWriter::new(loaded);
    let mut out = Vec::new();
    while let Some(item) = writer.next_item() {
        out.extend(item);
    }
    out
}

/// Checks the first [`PREFIX_LEN`] bytes of a stored form.
///
/// Errors: bytes that are not a stored form, or one of another version.
pub fn check_prefix(bytes: &[u8]) -> Result<(), StoredError> {
    if !is_stored(bytes) {
        return Err(StoredError::new("not a stored file"));
    }
    let version = bytes
        .get(4..8)
        .and_then(|b| b.try_into().ok())
        .map(u32::from_le_bytes);
    match version {
        Some(FORM_VERSION) => Ok(()),
        Some(other) => Err(StoredError(format!(
            "stored by another version of the explorer (form {other}, this one reads {FORM_VERSION})"
        ))),
        None => Err(StoredError::new("cut short")),
    }
}

/// Whether `bytes` begin as a stored form does (of any version).
pub fn is_stored(bytes: &[u8]) -> bool {
    bytes.get(..4) == Some(MAGIC.as_slice())
}

/// An item's header: its tag, column and payload length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemHeader {
    tag: u8,
    column: u16,
    /// Bytes of the payload after the header.
    pub length: usize,
}

impl ItemHeader {
    /// The header in the first [`ITEM_HEADER_LEN`] bytes of `bytes`.
    ///
    /// Errors: fewer bytes, or an unknown tag.
    pub fn read(bytes: &[u8]) -> Result<ItemHeader, StoredError> {
        let header = bytes
            .get(..ITEM_HEADER_LEN)
            .ok_or_else(|| StoredError::new("an item is cut short"))?;
        let tag = header[0];
        if !(HEAD..=END).contains(&tag) {
            return Err(StoredError(format!("an item of unknown kind {tag}")));
        }
        Ok(ItemHeader {
            tag,
            column: u16::from_le_bytes([header[1], header[2]]),
            length: u32::from_le_bytes([header[3], header[4], header[5], header[6]]) as usize,
        })
    }
}

/// A facet's parts as they are read.
#[derive(Default)]
struct FacetParts {
    values: Vec<String>,
    any_offsets: Vec<u32>,
    any_ids: Vec<u32>,
    perpetrator_offsets: Vec<u32>,
    perpetrator_ids: Vec<u32>,
    groups: Vec<u32>,
    arabic: Vec<Option<Box<str>>>,
}

/// Reads a stored form an item at a time ([`StoredReader::item`]), building the file as it
/// goes; [`read`] is all of it at once.
pub struct StoredReader {
    place_names: Arc<PlaceNames>,
    head: Option<Head>,
    /// Whether the stored table is read back (see the module docs).
    table_wanted: bool,
    records: RecordParts,
    table: EventTable,
    words: Vec<u8>,
    index: TextIndexParts,
    facets: Vec<FacetParts>,
    ended: bool,
}

impl StoredReader {
    /// A reader that keeps the stored table when it took its Arabic names from `place_names`
    /// (the gazetteer the catalogue will hold).
    pub fn new(place_names: Arc<PlaceNames>) -> StoredReader {
        StoredReader {
            place_names,
            head: None,
            table_wanted: false,
            records: RecordParts::default(),
            table: EventTable::default(),
            words: Vec::new(),
            index: TextIndexParts::default(),
            facets: (0..Facet::COUNT).map(|_| FacetParts::default()).collect(),
            ended: false,
        }
    }

    /// Reads the item of `header` from its `payload`.
    ///
    /// Errors: an item out of place (before the head, after the end), or one that does not
    /// read.
    pub fn item(&mut self, header: ItemHeader, payload: &[u8]) -> Result<(), StoredError> {
        if self.ended || (self.head.is_none() && header.tag != HEAD) {
            return Err(StoredError::new("an item out of place"));
        }
        match header.tag {
            HEAD => {
                let head: Head = serde_json::from_slice(payload)
                    .map_err(|error| StoredError(format!("the head does not read: {error}")))?;
                self.table_wanted = head.table.as_ref().is_some_and(|table| {
                    table.version == TABLE_VERSION
                        && table.place_names == self.place_names.fingerprint()
                });
                self.records.own_ids = head.own_ids;
                self.records.id_rename = head.id_rename.clone();
                self.head = Some(head);
                Ok(())
            }
            BLOCKS => self.blocks(payload),
            NUMBERS => self.numbers(header.column, payload),
            _ => {
                self.ended = true;
                Ok(())
            }
        }
    }

    fn blocks(&mut self, mut payload: &[u8]) -> Result<(), StoredError> {
        let cut = || StoredError::new("a block is cut short");
        while !payload.is_empty() {
            let mut ends = [0usize; BLOCK];
            for end in &mut ends {
                let (bytes, rest) = payload.split_first_chunk::<8>().ok_or_else(cut)?;
                *end = usize::try_from(u64::from_le_bytes(*bytes)).map_err(|_| cut())?;
                payload = rest;
            }
            let (length, rest) = payload.split_first_chunk::<4>().ok_or_else(cut)?;
            let length = u32::from_le_bytes(*length) as usize;
            let packed = rest.get(..length).ok_or_else(cut)?;
            self.records.blocks.push((packed.into(), ends));
            payload = rest.get(length..).unwrap_or_default();
        }
        Ok(())
    }

    fn numbers(&mut self, column: u16, payload: &[u8]) -> Result<(), StoredError> {
        if column >= TABLE_FROM && !self.table_wanted {
            return Ok(());
        }
        let onto = match column {
            OPEN_TEXT => Onto::U8(&mut self.records.open),
            OPEN_ENDS => Onto::Usize(&mut self.records.open_ends),
            ID_TEXT => {
                let text = std::str::from_utf8(payload)
                    .map_err(|_| StoredError::new("the ids are not UTF-8"))?;
                self.records.ids.push_str(text);
                return Ok(());
            }
            ID_ENDS => Onto::Usize(&mut self.records.id_ends),
            PRECISION => Onto::Dates(&mut self.table.precision),
            LOCATION_PRECISION => Onto::Places(&mut self.table.location_precision),
            LOCATIONS => Onto::Pairs(&mut self.table.locations),
            CELL_KEYS => Onto::Cells(&mut self.table.map_cells.keys),
            WORDS => Onto::U8(&mut self.words),
            WORD_STARTS => Onto::U32(&mut self.index.word_starts),
            POSTINGS => Onto::U8(&mut self.index.postings),
            POSTING_STARTS => Onto::U32(&mut self.index.posting_starts),
            CHARS => Onto::U128(&mut self.index.chars),
            COLLECTION_IDS => Onto::Strings(&mut self.table.collection_ids),
            SEARCH_TEXT => Onto::Strings(&mut self.table.search_text),
            FACETS..=u16::MAX => {
                let k = usize::from((column - FACETS) / 10);
                let facet = self
                    .facets
                    .get_mut(k)
                    .ok_or_else(|| StoredError(format!("no facet {k}")))?;
                match (column - FACETS) % 10 {
                    FACET_VALUES => Onto::Strings(&mut facet.values),
                    FACET_ANY_OFFSETS => Onto::U32(&mut facet.any_offsets),
                    FACET_ANY_IDS => Onto::U32(&mut facet.any_ids),
                    FACET_PERPETRATOR_OFFSETS => Onto::U32(&mut facet.perpetrator_offsets),
                    FACET_PERPETRATOR_IDS => Onto::U32(&mut facet.perpetrator_ids),
                    FACET_GROUPS => Onto::U32(&mut facet.groups),
                    FACET_ARABIC => Onto::Names(&mut facet.arabic),
                    _ => return Err(StoredError(format!("an unknown column {column}"))),
                }
            }
            _ => plain_column(&mut self.table, column)
                .ok_or_else(|| StoredError(format!("an unknown column {column}")))?,
        };
        onto.extend(payload)
    }

    /// The file, once every item was read.
    ///
    /// Errors: a form cut short (no end), records or a table whose parts do not fit together.
    pub fn finish(self) -> Result<Loaded, StoredError> {
        let StoredReader {
            place_names,
            head,
            table_wanted,
            records,
            table,
            words,
            mut index,
            facets,
            ended,
        } = self;
        let (Some(head), true) = (head, ended) else {
            return Err(StoredError::new("cut short"));
        };
        let events = Records::from_parts(records).map_err(StoredError)?;
        if events.len() != head.events {
            return Err(StoredError(format!(
                "{} events where the head says {}",
                events.len(),
                head.events
            )));
        }
        let part = match (table_wanted, &head.table) {
            (true, Some(shape)) => {
                index.words = String::from_utf8(words)
                    .map_err(|_| StoredError::new("the index's words are not UTF-8"))?;
                index.rows = shape.rows;
                Some(TablePart {
                    table: table_of(table, index, facets, shape.rows)?,
                    place_names,
                })
            }
            _ => None,
        };
        let Head {
            file,
            mut dataset,
            problems,
            skipped,
            ..
        } = head;
        dataset.events = events;
        Ok(Loaded {
            file,
            dataset,
            problems,
            skipped,
            table: part,
        })
    }
}

/// The table of `rows` rows from its columns read, its text index and facets.
///
/// Errors: columns of another length, or values out of their range.
fn table_of(
    mut table: EventTable,
    index: TextIndexParts,
    facets: Vec<FacetParts>,
    rows: usize,
) -> Result<EventTable, StoredError> {
    let wrong = |what: &str| StoredError(format!("the table's {what} do not fit its {rows} rows"));
    let lengths_fit = plain_columns(&table)
        .iter()
        .filter(|(number, _)| *number != CELL_OF_ROW)
        .all(|(_, column)| column.len() == rows)
        && [
            table.precision.len(),
            table.location_precision.len(),
            table.locations.len(),
        ]
        .iter()
        .all(|&len| len == rows)
        && (table.map_cells.of_row.is_empty() || table.map_cells.of_row.len() == rows);
    if !lengths_fit {
        return Err(wrong("columns"));
    }
    let in_range = table
        .kind
        .iter()
        .all(|&kind| usize::from(kind) < EventKind::ALL.len())
        && table
            .lead_actor
            .iter()
            .all(|&actor| actor == super::table::NO_ACTOR || usize::from(actor) < Actor::ALL.len())
        && table
            .collection
            .iter()
            .all(|&collection| usize::from(collection) < table.collection_ids.len())
        && table.map_cells.of_row.iter().all(|&cell| {
            cell == super::map_layers::MapCells::NONE
                || (cell as usize) < table.map_cells.keys.len()
        })
        && table
            .start
            .iter()
            .zip(&table.end)
            .all(|(start, end)| start <= end);
    if !in_range {
        return Err(wrong("values"));
    }
    table.text_index = TextIndex::from_parts(index).map_err(StoredError)?;
    for (slot, parts) in table.facets.iter_mut().zip(facets) {
        *slot = facet_of(parts, rows).map_err(|error| wrong(&error))?;
    }
    Ok(table)
}

/// A facet from its parts read, for a table of `rows` rows.
///
/// Errors: in words, for [`table_of`]'s message.
fn facet_of(parts: FacetParts, rows: usize) -> Result<FacetIndex, String> {
    let dictionary = Dictionary::from_values(parts.values)?;
    let column = |offsets: Vec<u32>, ids: Vec<u32>| {
        let column = match offsets.is_empty() {
            true => ValueColumn::default(),
            false => ValueColumn::from_parts(offsets, ids)?,
        };
        let fits = (column.rows() == 0 || column.rows() == rows)
            && column
                .parts()
                .1
                .iter()
                .all(|&id| (id as usize) < dictionary.len());
        match fits {
            true => Ok(column),
            false => Err("facets".to_string()),
        }
    };
    let any = column(parts.any_offsets, parts.any_ids)?;
    let perpetrator = column(parts.perpetrator_offsets, parts.perpetrator_ids)?;
    Ok(FacetIndex {
        dictionary,
        any,
        perpetrator,
        groups: parts.groups,
        arabic: parts.arabic,
    })
}

/// Reads a whole stored form, as [`StoredReader`] does an item at a time, keeping its table
/// when it was built with `place_names`.
///
/// Errors: bytes that are not a stored form of this version, or one that does not read.
pub fn read(bytes: &[u8], place_names: Arc<PlaceNames>) -> Result<Loaded, StoredError> {
    check_prefix(bytes)?;
    let mut reader = StoredReader::new(place_names);
    let mut rest = bytes.get(PREFIX_LEN..).unwrap_or_default();
    while !rest.is_empty() {
        let (header, payload) =
            whole_item(rest)?.ok_or_else(|| StoredError::new("an item is cut short"))?;
        reader.item(header, payload)?;
        rest = rest
            .get(ITEM_HEADER_LEN + header.length..)
            .unwrap_or_default();
    }
    reader.finish()
}

/// The item at the start of `bytes`, its header and payload, when they hold all of it;
/// `None` when they end before it does.
///
/// Errors: a header of an unknown kind.
fn whole_item(bytes: &[u8]) -> Result<Option<(ItemHeader, &[u8])>, StoredError> {
    if bytes.len() < ITEM_HEADER_LEN {
        return Ok(None);
    }
    let header = ItemHeader::read(bytes)?;
    let end = ITEM_HEADER_LEN.saturating_add(header.length);
    Ok(bytes
        .get(ITEM_HEADER_LEN..end)
        .map(|payload| (header, payload)))
}

/// A stored form read as its bytes come, in parts of any size (a kept file read a window at
/// a time, or the parts a checking worker posts as it writes them): the caller copies each
/// part in ([`StoredStream::room`]), reads the items it completes one at a time
/// ([`StoredStream::read_item`], a few milliseconds each), and takes the file at the end
/// ([`StoredStream::finish`]). Beside what it has built, it holds the bytes of at most one
/// item and one part.
pub struct StoredStream {
    /// Bytes come and not read yet, from `at`.
    bytes: Vec<u8>,
    at: usize,
    /// Whether [`MAGIC`] and [`FORM_VERSION`] were read (and checked).
    prefix_read: bool,
    reader: StoredReader,
}

impl StoredStream {
    /// A stream whose table is kept when it was built with `place_names` ([`StoredReader`]).
    pub fn new(place_names: Arc<PlaceNames>) -> StoredStream {
        StoredStream {
            bytes: Vec::new(),
            at: 0,
            prefix_read: false,
            reader: StoredReader::new(place_names),
        }
    }

    /// Room for the next `length` bytes of the form, after those come before, for the caller
    /// to fill (zeroed until it does). The bytes already read are let go first.
    pub fn room(&mut self, length: usize) -> &mut [u8] {
        if self.at > 0 {
            self.bytes.drain(..self.at);
            self.at = 0;
        }
        let kept = self.bytes.len();
        self.bytes.resize(kept + length, 0);
        self.bytes.get_mut(kept..).unwrap_or_default()
    }

    /// Reads the next item when every byte of it has come (the form's prefix first):
    /// `Ok(true)` when one was read, `Ok(false)` when more bytes are needed.
    ///
    /// Errors: bytes that are not a stored form of this version, or an item that does not
    /// read (as [`read`]).
    pub fn read_item(&mut self) -> Result<bool, StoredError> {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        if !self.prefix_read {
            let Some(prefix) = rest.get(..PREFIX_LEN) else {
                // Not a form whose first bytes say otherwise: a wrong start is said at once.
                return match is_stored(rest) || MAGIC.starts_with(rest) {
                    true => Ok(false),
                    false => Err(StoredError::new("not a stored file")),
                };
            };
            check_prefix(prefix)?;
            self.prefix_read = true;
            self.at += PREFIX_LEN;
            return self.read_item();
        }
        let Some((header, payload)) = whole_item(rest)? else {
            return Ok(false);
        };
        self.reader.item(header, payload)?;
        self.at += ITEM_HEADER_LEN + header.length;
        Ok(true)
    }

    /// The file, once every byte of the form has come and every item was read.
    ///
    /// Errors: a form cut short (bytes left that make no whole item, or no end), or one
    /// whose parts do not fit together (as [`StoredReader::finish`]).
    pub fn finish(self) -> Result<Loaded, StoredError> {
        if !self.prefix_read || self.at < self.bytes.len() {
            return Err(StoredError::new("cut short"));
        }
        self.reader.finish()
    }
}

#[cfg(test)]
mod tests;
