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
mod read;

pub use read::{read, StoredReader, StoredStream};

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use columns::{Column, Onto};

use super::model::Dataset;
#[cfg(doc)]
use super::place_names::PlaceNames;
use super::records::{Records, BLOCK};
use super::table::EventTable;
use super::validate::{Loaded, Problem};

/// The first bytes of the stored form.
pub const MAGIC: &[u8; 4] = b"SIXF";
/// The version of the layout above, and of the records and head in it: a form of another
/// version is not read.
pub const FORM_VERSION: u32 = 1;
/// The version of how a table's rows are built from records (`core::table`, the text index,
/// the facets): raise it with any change to them, so that a table stored by an earlier
/// version is built again from its records instead of read back.
pub const TABLE_VERSION: u32 = 2;
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
/// Facet `k`'s columns are `FACETS + 10 * k` and on: its values, then each of `FacetParts`.
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

#[cfg(test)]
mod tests;
