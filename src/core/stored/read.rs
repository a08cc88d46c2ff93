//! Reading the stored form back: an item at a time as the page's slices come
//! ([`StoredReader`], [`StoredStream`] over a buffer given in pieces), or all at once
//! ([`read`]). Each item is checked as it is read; a form cut short, of another version or
//! with a column that does not fit its table is refused with a [`StoredError`].

use std::sync::Arc;

use super::columns::Onto;
use super::{
    check_prefix, is_stored, plain_column, plain_columns, Head, ItemHeader, StoredError, BLOCKS,
    CELL_KEYS, CELL_OF_ROW, CHARS, COLLECTION_IDS, FACETS, FACET_ANY_IDS, FACET_ANY_OFFSETS,
    FACET_ARABIC, FACET_GROUPS, FACET_PERPETRATOR_IDS, FACET_PERPETRATOR_OFFSETS, FACET_VALUES,
    HEAD, ID_ENDS, ID_TEXT, ITEM_HEADER_LEN, LOCATIONS, LOCATION_PRECISION, MAGIC, NUMBERS,
    OPEN_ENDS, OPEN_TEXT, POSTINGS, POSTING_STARTS, PRECISION, PREFIX_LEN, SEARCH_TEXT, TABLE_FROM,
    TABLE_VERSION, WORDS, WORD_STARTS,
};
use crate::core::facet::{Dictionary, Facet, FacetIndex, ValueColumn};
use crate::core::map_layers::MapCells;
use crate::core::place_names::PlaceNames;
use crate::core::records::{RecordParts, Records, BLOCK};
use crate::core::table::{self, EventTable, TablePart};
use crate::core::text_index::{TextIndex, TextIndexParts};
use crate::core::validate::Loaded;
use crate::core::vocab::{Actor, EventKind};

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
    let in_range =
        table
            .kind
            .iter()
            .all(|&kind| usize::from(kind) < EventKind::ALL.len())
            && table
                .lead_actor
                .iter()
                .all(|&actor| actor == table::NO_ACTOR || usize::from(actor) < Actor::ALL.len())
            && table
                .collection
                .iter()
                .all(|&collection| usize::from(collection) < table.collection_ids.len())
            && table.map_cells.of_row.iter().all(|&cell| {
                cell == MapCells::NONE || (cell as usize) < table.map_cells.keys.len()
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
    /// Whether [`MAGIC`](super::MAGIC) and [`FORM_VERSION`](super::FORM_VERSION) were read (and checked).
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
