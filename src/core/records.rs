//! The events of a collection, held compactly: every event as its compact JSON text, in blocks
//! of [`BLOCK`] events packed with LZ4, and decoded into an [`Event`] only when one is read (a
//! record opened, a list page shown, the table built, a file saved).
//!
//! An [`Event`] as Rust structs costs about 1.6 KB (a heap block for every text, list and
//! optional part, each with the allocator's overhead); its compact JSON nearly as much, as
//! field names and punctuation repeat in every record. Packed a block at a time those repeats
//! cost almost nothing, so a million events fit in the browser's memory beside their table.
//! The explorer reads its figures from the table's columns, never from the records.
//!
//! Reading event `i` unpacks its block once; the last block unpacked is kept (one per
//! collection), so reading events in order, as the table, the checks and the exports do,
//! unpacks each block once. Ids are kept apart, unpacked, so links and the checks for events
//! loaded twice never unpack a block.
//!
//! The text of each record is written by [`Records::push`] from an [`Event`] (serde's derived
//! serialisation), or is the compact text the event was just read from, when that text held
//! nothing else ([`Records::push_read`]): either way every record decodes to the event it was
//! made from.

use std::fmt;
use std::sync::{Mutex, PoisonError};

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use super::model::Event;

/// Events per packed block. Larger blocks pack a little better; smaller ones make reading
/// one event out of order (a list page sorted by deaths) cheaper. At 32 a block of the bundled
/// collections is some 40 KB of JSON, unpacked in tens of microseconds.
pub const BLOCK: usize = 32;

/// The events of one collection in the order they were pushed; index `i` is the `i`-th event.
///
/// Serialises as the JSON array of the events (as `Vec<Event>` would), and reads from one.
#[derive(Default)]
pub struct Records {
    /// The full blocks, [`BLOCK`] events each, packed.
    blocks: Vec<Block>,
    /// The events after the last full block, as text.
    open: Text,
    /// Every event's id, one after the other.
    ids: String,
    /// Where each id ends in `ids`; it starts where the one before ends.
    id_ends: Vec<usize>,
    /// Which own ids the events carry, as [`OwnIds`] bits: whether any has UCDP's, any has
    /// ACLED's, any has neither.
    own_ids: u8,
    /// The block unpacked last, and its number: the next read of the same block is free.
    unpacked: Mutex<Option<(usize, Text)>>,
    /// Whether every text stays in the open block, unpacked ([`Records::never_packed`]).
    never_pack: bool,
    /// A prefix of the ids that the packed texts still hold, and the one the events now
    /// have ([`Records::rename_id_prefix`]); both of one length.
    renamed: Option<IdRename>,
}

/// Event ids renamed without packing their blocks again: every id starting with `from` now
/// starts with `to` instead, which a block's texts are given as the block is unpacked. The
/// two have the same length in bytes, so no text's end moves.
#[derive(Debug, Clone, PartialEq, Eq)]
struct IdRename {
    from: Box<str>,
    to: Box<str>,
}

/// How an event's text begins when its id is its first field, as [`Records::push`] writes it.
const ID_FIRST: &[u8] = b"{\"id\":\"";

/// Gives the event text `text` the id prefix `to` where it has `from` (of the same length) as
/// its first field's prefix; any other text is left as it is.
fn rename_in_text(text: &mut [u8], from: &[u8], to: &[u8]) {
    let at = ID_FIRST.len();
    if text.starts_with(ID_FIRST) && text.get(at..at + from.len()) == Some(from) {
        if let Some(prefix) = text.get_mut(at..at + to.len()) {
            prefix.copy_from_slice(to);
        }
    }
}

/// Whether `text` gives `id` as its first field, written as it is (no escapes).
fn has_id_first(text: &[u8], id: &str) -> bool {
    let at = ID_FIRST.len();
    text.starts_with(ID_FIRST)
        && text.get(at..at + id.len()) == Some(id.as_bytes())
        && text.get(at + id.len()) == Some(&b'"')
}

/// Bits of [`Records::own_ids`]: the ids the source datasets give their events, which say
/// whether two collections can hold the same event (`core::validate`).
pub struct OwnIds;

impl OwnIds {
    /// Some event has its UCDP fields (`Event::ucdp`).
    pub const UCDP: u8 = 1;
    /// Some event has its ACLED fields (`Event::acled`).
    pub const ACLED: u8 = 2;
    /// Some event has neither.
    pub const NEITHER: u8 = 4;
}

/// One full block: the LZ4 packing of its events' texts, one after the other.
struct Block {
    packed: Box<[u8]>,
    /// Where each event's text ends once unpacked (the last is the unpacked length).
    ends: [usize; BLOCK],
}

/// Events' compact JSON, one after the other, with where each ends.
#[derive(Clone, Default)]
struct Text {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Text {
    fn json(&self, k: usize) -> Option<&[u8]> {
        self.bytes.get(span(&self.ends, k)?)
    }

    fn clear(&mut self) {
        self.bytes.clear();
        self.ends.clear();
    }

    /// Gives each text whose id (its first field) starts with `from` the prefix `to`, of the
    /// same length, in its place.
    fn rename(&mut self, from: &[u8], to: &[u8]) {
        let mut start = 0;
        for &end in &self.ends {
            if let Some(text) = self.bytes.get_mut(start..end) {
                rename_in_text(text, from, to);
            }
            start = end;
        }
    }
}

/// The event text `json` written again with the id `id`: read as an [`Event`], given the id,
/// and written as [`Records::push`] writes it. A text that does not read as an event is given
/// as it is.
fn with_id(json: &[u8], id: &str) -> Vec<u8> {
    match serde_json::from_slice::<Event>(json) {
        Ok(mut event) => {
            event.id = id.to_string();
            serde_json::to_vec(&event).unwrap_or_else(|_| json.to_vec())
        }
        Err(_) => json.to_vec(),
    }
}

/// Where item `k` lies among items written one after the other, given where each ends: from
/// the end of the one before (0 for the first) to its own end. `None` past the last.
fn span(ends: &[usize], k: usize) -> Option<std::ops::Range<usize>> {
    let end = *ends.get(k)?;
    let start = match k {
        0 => 0,
        _ => *ends.get(k - 1)?,
    };
    Some(start..end)
}

impl Block {
    /// Packs `text`, which holds exactly [`BLOCK`] events.
    fn pack(text: &Text) -> Block {
        let mut ends = [0; BLOCK];
        for (end, &at) in ends.iter_mut().zip(&text.ends) {
            *end = at;
        }
        let packed = lz4_flex::block::compress(&text.bytes).into_boxed_slice();
        Block { packed, ends }
    }

    /// The block's text, unpacked into `into` (whose room is reused).
    fn unpack(&self, into: &mut Text) {
        into.clear();
        let len = self.ends[BLOCK - 1];
        into.bytes.resize(len, 0);
        // The block was packed from exactly `len` bytes in this process; should unpacking
        // ever fail, the block reads as no events rather than as wrong ones.
        match lz4_flex::block::decompress_into(&self.packed, &mut into.bytes) {
            Ok(written) if written == len => into.ends.extend_from_slice(&self.ends),
            _ => into.bytes.clear(),
        }
    }
}

impl Records {
    /// Records that keep every event's text as written, never packed: for a few hundred
    /// events on their way out, written once and dropped (an importer's events between two
    /// pieces of a collection it writes while it reads, [`crate::core::validate::PieceWriter`]),
    /// where packing them only to unpack them at once was a fifth of the import's time. Not
    /// for keeping: their stored form ([`Records::parts`]) is refused past [`BLOCK`] events.
    pub fn never_packed() -> Records {
        Records {
            never_pack: true,
            ..Records::default()
        }
    }

    /// Records with room for `events` events (their ids and the list of blocks).
    pub fn with_capacity(events: usize) -> Records {
        let mut records = Records::default();
        records.reserve_exact(events);
        records
    }

    /// Room for `events` more events, growing as a vector does (to twice the room when it
    /// must grow).
    pub fn reserve(&mut self, events: usize) {
        self.id_ends.reserve(events);
        self.blocks.reserve(events / BLOCK + 1);
    }

    /// Room for exactly `events` more events, and for their ids at the length of the ids so
    /// far (none before the first id): a million ids grown by doubling were copied whole a
    /// last time at some 20 MB, which held a page's task for tens of milliseconds. That room
    /// is a guess, made as [`super::room::guessed`] says.
    pub fn reserve_exact(&mut self, events: usize) {
        self.id_ends.reserve_exact(events);
        self.blocks.reserve_exact(events / BLOCK + 1);
        let id_length = self.ids.len().div_ceil(self.id_ends.len().max(1));
        let (len, free) = (self.ids.len(), self.ids.capacity() - self.ids.len());
        if let Some(room) = super::room::guessed(len, free, events.saturating_mul(id_length)) {
            self.ids.reserve_exact(room);
        }
    }

    /// How many events there are.
    pub fn len(&self) -> usize {
        self.id_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.id_ends.is_empty()
    }

    /// Bytes held: the packed blocks, the open block, the ids and the block unpacked last
    /// (for memory reports).
    pub fn heap_bytes(&self) -> usize {
        let text = |t: &Text| t.bytes.capacity() + t.ends.capacity() * size_of::<usize>();
        let unpacked = self
            .unpacked
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map_or(0, |(_, t)| text(t));
        self.blocks.capacity() * size_of::<Block>()
            + self.blocks.iter().map(|b| b.packed.len()).sum::<usize>()
            + text(&self.open)
            + self.ids.capacity()
            + self.id_ends.capacity() * size_of::<usize>()
            + unpacked
    }

    /// Adds `event` after the others.
    pub fn push(&mut self, event: &Event) {
        let start = self.open.bytes.len();
        // Writing an `Event` into memory cannot fail: every field serialises (texts, numbers,
        // lists, string-keyed maps). Should it ever, the record is kept as `null`, which
        // `get` reads as no event, rather than as half a text.
        if serde_json::to_writer(&mut self.open.bytes, event).is_err() {
            self.open.bytes.truncate(start);
            self.open.bytes.extend_from_slice(b"null");
        }
        self.push_written(event);
    }

    /// Adds `event` after the others, keeping `json` as its text: the compact JSON text it was
    /// just read from, which held nothing the event does not (no unknown field, no field
    /// twice), so that it decodes to `event` as [`Records::push`]'s own text would. A text
    /// with a line break (a pretty-printed record) is written again instead, so that records
    /// stay compact. Reading a collection this way spares writing every event again: at a
    /// million events, about a seventh of checking them.
    pub fn push_read(&mut self, event: &Event, json: &[u8]) {
        if json.contains(&b'\n') {
            self.push(event);
        } else {
            self.open.bytes.extend_from_slice(json);
            self.push_written(event);
        }
    }

    /// Records the text just appended to the open block as `event`'s.
    fn push_written(&mut self, event: &Event) {
        self.open.ends.push(self.open.bytes.len());
        self.ids.push_str(&event.id);
        self.id_ends.push(self.ids.len());
        self.own_ids |= match (&event.ucdp, &event.acled) {
            (Some(_), Some(_)) => OwnIds::UCDP | OwnIds::ACLED,
            (Some(_), None) => OwnIds::UCDP,
            (None, Some(_)) => OwnIds::ACLED,
            (None, None) => OwnIds::NEITHER,
        };
        if self.open.ends.len() == BLOCK && !self.never_pack {
            self.blocks.push(Block::pack(&self.open));
            self.open.clear();
        }
    }

    /// Calls `read` with the JSON text of event `i`, as [`Records::push`] wrote it; `None`
    /// past the end. The text of a packed block is unpacked first (or taken from the block
    /// unpacked last); `read` must not read these records again.
    pub fn with_json<R>(&self, i: usize, read: impl FnOnce(&[u8]) -> R) -> Option<R> {
        let Some(id) = self.renamed.as_ref().and_then(|_| self.id(i)) else {
            return self.stored_json(i, read);
        };
        // A renamed event's text gives its new id, given as its block was unpacked; a text
        // that does not name it first (one kept as it was read) is written again with it.
        let written_again = self.stored_json(i, |json| {
            (!has_id_first(json, id)).then(|| with_id(json, id))
        })?;
        match written_again {
            None => self.stored_json(i, read),
            Some(text) => Some(read(&text)),
        }
    }

    /// [`Records::with_json`] of the text as it is held: unpacked, and renamed as it was
    /// unpacked, but never written again.
    fn stored_json<R>(&self, i: usize, read: impl FnOnce(&[u8]) -> R) -> Option<R> {
        if i >= self.len() {
            return None;
        }
        let (b, k) = (i / BLOCK, i % BLOCK);
        let Some(block) = self.blocks.get(b) else {
            // The open block starts after the full ones.
            return self.open.json(i - self.blocks.len() * BLOCK).map(read);
        };
        let mut unpacked = self.unpacked.lock().unwrap_or_else(PoisonError::into_inner);
        match &mut *unpacked {
            Some((at, text)) if *at == b => text.json(k).map(read),
            slot => {
                let (at, text) = slot.get_or_insert_with(|| (b, Text::default()));
                *at = b;
                block.unpack(text);
                if let Some(rename) = &self.renamed {
                    text.rename(rename.from.as_bytes(), rename.to.as_bytes());
                }
                text.json(k).map(read)
            }
        }
    }

    /// Event `i`, decoded from its text; `None` past the end.
    pub fn get(&self, i: usize) -> Option<Event> {
        self.decode(i)
    }

    /// Some parts of event `i`: `T` reads the fields it names from the record and skips the
    /// rest without keeping it, which is quicker than decoding the whole event. `None` past
    /// the end, or when the record does not have them as `T` expects.
    pub fn decode<T: serde::de::DeserializeOwned>(&self, i: usize) -> Option<T> {
        // Read as text: the parser then takes each string as it is, where from bytes it checks
        // every one again for UTF-8.
        self.with_json(i, |json| {
            let text = std::str::from_utf8(json).ok()?;
            serde_json::from_str(text).ok()
        })
        .flatten()
    }

    /// Which own ids the events carry ([`OwnIds`] bits), without unpacking a record: 0 when
    /// there are no events.
    pub fn own_ids(&self) -> u8 {
        self.own_ids
    }

    /// The id of event `i`, without unpacking its record.
    pub fn id(&self, i: usize) -> Option<&str> {
        self.ids.get(span(&self.id_ends, i)?)
    }

    /// Gives each event the id `change` makes of its id, or leaves it when `change` gives
    /// `None`.
    pub fn change_ids(&mut self, mut change: impl FnMut(&str) -> Option<String>) {
        let mut changed = Records::with_capacity(self.len());
        for mut event in self.iter() {
            if let Some(id) = change(&event.id) {
                event.id = id;
            }
            changed.push(&event);
        }
        changed.shrink_to_fit();
        *self = changed;
    }

    /// Gives every event whose id starts with `from` that id with `to` in place of `from`,
    /// as [`Records::change_ids`] would. When the two are of one length (a collection's id
    /// replaced by another of its kind), the packed blocks are left as they are and their
    /// texts are given the new prefix as they are unpacked: at a million events a rename
    /// costs a pass over the ids, not over every record.
    pub fn rename_id_prefix(&mut self, from: &str, to: &str) {
        if from == to {
            return;
        }
        // The prefix the packed texts hold where the ids now hold `from`.
        let packed_from = match &self.renamed {
            None => Some(from),
            Some(rename) if *rename.to == *from => Some(&*rename.from),
            Some(_) => None,
        };
        let Some(packed_from) = packed_from
            .filter(|_| from.len() == to.len())
            .map(str::to_owned)
        else {
            self.change_ids(|id| id.strip_prefix(from).map(|rest| format!("{to}{rest}")));
            return;
        };
        let mut ids = std::mem::take(&mut self.ids).into_bytes();
        let mut start = 0;
        for &end in &self.id_ends {
            if let Some(prefix) = ids
                .get_mut(start..end)
                .and_then(|id| id.get_mut(..from.len()))
            {
                if prefix == from.as_bytes() {
                    prefix.copy_from_slice(to.as_bytes());
                }
            }
            start = end;
        }
        // Whole prefixes of whole texts replaced: still UTF-8.
        self.ids = String::from_utf8(ids)
            .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
        // The open block's texts are renamed now, each written again if it cannot be.
        let open = std::mem::take(&mut self.open);
        let first = self.blocks.len() * BLOCK;
        let mut start = 0;
        for (k, &end) in open.ends.iter().enumerate() {
            let mut text = open.bytes.get(start..end).unwrap_or_default().to_vec();
            start = end;
            rename_in_text(&mut text, from.as_bytes(), to.as_bytes());
            let id = self.id(first + k).unwrap_or_default();
            if !has_id_first(&text, id) {
                text = with_id(&text, id);
            }
            self.open.bytes.extend_from_slice(&text);
            self.open.ends.push(self.open.bytes.len());
        }
        self.renamed = (packed_from != to).then(|| IdRename {
            from: packed_from.into(),
            to: to.into(),
        });
        *self
            .unpacked
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// The id prefix the packed blocks' texts hold and the one their events have instead,
    /// after [`Records::rename_id_prefix`] left the blocks as they were; `None` when the
    /// texts give the events' ids.
    pub fn id_rename(&self) -> Option<(&str, &str)> {
        self.renamed
            .as_ref()
            .map(|rename| (&*rename.from, &*rename.to))
    }

    /// Every event in order, decoded one at a time. (Every record decodes: each was written
    /// by [`Records::push`] from an event.)
    pub fn iter(&self) -> impl Iterator<Item = Event> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// Every event in order, as a vector (for tests and tools that index events).
    pub fn to_vec(&self) -> Vec<Event> {
        self.iter().collect()
    }

    /// Keeps the events for which `keep(position, event)` is true, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(usize, &Event) -> bool) {
        let mut kept = Records::with_capacity(self.len());
        for (i, event) in self.iter().enumerate() {
            if keep(i, &event) {
                kept.push(&event);
            }
        }
        kept.shrink_to_fit();
        *self = kept;
    }

    /// Gives back the room reserved beyond what the events take, and the block unpacked last.
    pub fn shrink_to_fit(&mut self) {
        self.blocks.shrink_to_fit();
        self.open.bytes.shrink_to_fit();
        self.open.ends.shrink_to_fit();
        self.ids.shrink_to_fit();
        self.id_ends.shrink_to_fit();
        *self
            .unpacked
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// Writes events `from..to` as a JSON array (`[{..},{..}]`) to `out`, copying their texts.
    pub fn write_array(&self, from: usize, to: usize, out: &mut Vec<u8>) {
        out.push(b'[');
        for i in from..to.min(self.len()) {
            if i > from {
                out.push(b',');
            }
            if self
                .with_json(i, |json| out.extend_from_slice(json))
                .is_none()
            {
                out.extend_from_slice(b"null");
            }
        }
        out.push(b']');
    }
}

/// The parts of [`Records`] as the stored form of a file holds them
/// ([`crate::core::stored`]); [`Records::from_parts`] checks them.
#[derive(Debug, Default)]
pub struct RecordParts {
    /// The full blocks: each the LZ4 packing of [`BLOCK`] events' texts, and where each text
    /// ends once unpacked (bytes, ascending; the last is the unpacked length).
    pub blocks: Vec<(Box<[u8]>, [usize; BLOCK])>,
    /// The events after the last full block (fewer than [`BLOCK`]): their texts one after the
    /// other, and where each ends.
    pub open: Vec<u8>,
    pub open_ends: Vec<usize>,
    /// Every event's id, one after the other, and where each ends.
    pub ids: String,
    pub id_ends: Vec<usize>,
    /// [`OwnIds`] bits.
    pub own_ids: u8,
    /// [`Records::id_rename`].
    pub id_rename: Option<(String, String)>,
}

impl Records {
    /// The full blocks: (the LZ4 packing of [`BLOCK`] events' texts, where each text ends once
    /// unpacked), in order.
    pub fn packed_blocks(&self) -> impl ExactSizeIterator<Item = (&[u8], &[usize; BLOCK])> + '_ {
        self.blocks
            .iter()
            .map(|block| (&*block.packed, &block.ends))
    }

    /// The events after the last full block: their texts one after the other, and where each
    /// ends.
    pub fn open_text(&self) -> (&[u8], &[usize]) {
        (&self.open.bytes, &self.open.ends)
    }

    /// Every event's id, one after the other, and where each ends.
    pub fn id_text(&self) -> (&str, &[usize]) {
        (&self.ids, &self.id_ends)
    }

    /// Records from their parts, as [`Records::packed_blocks`], [`Records::open_text`],
    /// [`Records::id_text`] and [`Records::own_ids`] gave them.
    ///
    /// Errors: parts that do not fit together (ends out of order or past their text, an id
    /// cut inside a character, as many ids as events), in English words. A block whose
    /// packing is damaged is found only when read, and reads as no events.
    pub fn from_parts(parts: RecordParts) -> Result<Records, String> {
        let RecordParts {
            blocks,
            open,
            open_ends,
            ids,
            id_ends,
            own_ids,
            id_rename,
        } = parts;
        let ascending = |ends: &[usize], len: usize| {
            ends.windows(2).all(|two| two[0] <= two[1]) && ends.last().is_none_or(|&end| end == len)
        };
        if !blocks
            .iter()
            .all(|(_, ends)| ascending(ends, ends[BLOCK - 1]))
        {
            return Err("a block's events end out of order".into());
        }
        if open_ends.len() >= BLOCK || !ascending(&open_ends, open.len()) {
            return Err("the last events' texts do not fit together".into());
        }
        let ids_fit =
            ascending(&id_ends, ids.len()) && id_ends.iter().all(|&end| ids.is_char_boundary(end));
        if !ids_fit {
            return Err("the events' ids do not fit together".into());
        }
        if id_rename
            .as_ref()
            .is_some_and(|(from, to)| from.len() != to.len() || from == to)
        {
            return Err("the ids' new prefix is not of the old one's length".into());
        }
        if id_ends.len() != blocks.len() * BLOCK + open_ends.len() {
            return Err(format!(
                "{} ids for {} events",
                id_ends.len(),
                blocks.len() * BLOCK + open_ends.len()
            ));
        }
        Ok(Records {
            blocks: blocks
                .into_iter()
                .map(|(packed, ends)| Block { packed, ends })
                .collect(),
            open: Text {
                bytes: open,
                ends: open_ends,
            },
            ids,
            id_ends,
            own_ids,
            unpacked: Mutex::new(None),
            never_pack: false,
            renamed: id_rename.map(|(from, to)| IdRename {
                from: from.into(),
                to: to.into(),
            }),
        })
    }
}

impl Clone for Records {
    /// The same events (the block unpacked last is not copied).
    fn clone(&self) -> Records {
        Records {
            blocks: self
                .blocks
                .iter()
                .map(|b| Block {
                    packed: b.packed.clone(),
                    ends: b.ends,
                })
                .collect(),
            open: self.open.clone(),
            ids: self.ids.clone(),
            id_ends: self.id_ends.clone(),
            own_ids: self.own_ids,
            unpacked: Mutex::new(None),
            never_pack: self.never_pack,
            renamed: self.renamed.clone(),
        }
    }
}

impl PartialEq for Records {
    /// The same events in the same order: the same texts, or texts that read as the same
    /// event (a text kept as it was read may order its fields otherwise,
    /// [`Records::push_read`]).
    fn eq(&self, other: &Records) -> bool {
        self.len() == other.len()
            && self.ids == other.ids
            && (0..self.len()).all(|i| {
                let mine = self.with_json(i, <[u8]>::to_vec);
                mine.is_some()
                    && (other.with_json(i, |theirs| Some(theirs) == mine.as_deref()) == Some(true)
                        || matches!((self.get(i), other.get(i)), (Some(a), Some(b)) if a == b))
            })
    }
}

impl Eq for Records {}

impl fmt::Debug for Records {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Records")
            .field("events", &self.len())
            .field("blocks", &self.blocks.len())
            .field(
                "packed_bytes",
                &self.blocks.iter().map(|b| b.packed.len()).sum::<usize>(),
            )
            .finish()
    }
}

impl From<Vec<Event>> for Records {
    fn from(events: Vec<Event>) -> Records {
        events.into_iter().collect()
    }
}

impl FromIterator<Event> for Records {
    fn from_iter<I: IntoIterator<Item = Event>>(events: I) -> Records {
        let mut records = Records::default();
        records.extend(events);
        records
    }
}

impl Extend<Event> for Records {
    fn extend<I: IntoIterator<Item = Event>>(&mut self, events: I) {
        for event in events {
            self.push(&event);
        }
    }
}

impl Serialize for Records {
    /// The JSON array of the events, each copied as its text.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for i in 0..self.len() {
            let text = self
                .with_json(i, |json| std::str::from_utf8(json).map(str::to_string).ok())
                .flatten()
                .ok_or_else(|| S::Error::custom("a record is not text"))?;
            let raw = RawValue::from_string(text).map_err(S::Error::custom)?;
            seq.serialize_element(&raw)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Records {
    /// Reads a JSON array of events, each as [`Event`] reads it.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Records, D::Error> {
        struct EventsVisitor;

        impl<'de> Visitor<'de> for EventsVisitor {
            type Value = Records;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of events")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Records, A::Error> {
                let mut records = Records::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(event) = seq.next_element::<Event>()? {
                    records.push(&event);
                }
                records.shrink_to_fit();
                Ok(records)
            }
        }

        deserializer.deserialize_seq(EventsVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Records {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Vec<Event> as schemars::JsonSchema>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <Vec<Event> as schemars::JsonSchema>::schema_id()
    }

    fn inline_schema() -> bool {
        <Vec<Event> as schemars::JsonSchema>::inline_schema()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<Event> as schemars::JsonSchema>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests;
