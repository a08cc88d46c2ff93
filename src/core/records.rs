//! The events of a collection, held compactly: every event as its compact JSON text, all of
//! them in one byte arena with one end offset each, and decoded into an [`Event`] only when one
//! is read (a record opened, a list page shown, the table built, a file saved).
//!
//! An [`Event`] as Rust structs costs about 1.6 KB (a heap block for every text, list and
//! optional part, each with the allocator's overhead); its compact JSON about half of that, in
//! one block shared by the whole collection. A million events then fit in the browser's memory
//! beside their table. The explorer reads its figures from the table's columns, never from the
//! records, so decoding on demand costs a few microseconds per record opened.
//!
//! The text of each record is written by [`Records::push`] from an [`Event`] (serde's derived
//! serialisation, fields in declaration order): the only way in, so every record decodes to the
//! event it was made from, and the id is always its first field ([`Records::id`] reads just it).

use std::borrow::Cow;
use std::fmt;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use super::model::Event;

/// The events of one collection in the order they were pushed; index `i` is the `i`-th event.
///
/// Serialises as the JSON array of the events (as `Vec<Event>` would), and reads from one.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Records {
    /// The compact JSON of every event, one after the other.
    text: Vec<u8>,
    /// Where each event's text ends in `text`; it starts where the one before ends.
    ends: Vec<usize>,
}

impl Records {
    /// Records with room for `events` events of about `bytes_each` bytes of JSON each.
    pub fn with_capacity(events: usize, bytes_each: usize) -> Records {
        Records {
            text: Vec::with_capacity(events.saturating_mul(bytes_each)),
            ends: Vec::with_capacity(events),
        }
    }

    /// Room for `events` more events and `bytes` more bytes of their text, growing as a
    /// vector does (to twice the room when it must grow).
    pub fn reserve(&mut self, events: usize, bytes: usize) {
        self.text.reserve(bytes);
        self.ends.reserve(events);
    }

    /// Room for exactly `events` more events and `bytes` more bytes of their text.
    pub fn reserve_exact(&mut self, events: usize, bytes: usize) {
        self.text.reserve_exact(bytes);
        self.ends.reserve_exact(events);
    }

    /// How many events there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Bytes held: the texts and their offsets (for memory reports).
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * std::mem::size_of::<usize>()
    }

    /// Adds `event` after the others.
    pub fn push(&mut self, event: &Event) {
        let start = self.text.len();
        // Writing an `Event` into memory cannot fail: every field serialises (texts, numbers,
        // lists, string-keyed maps). Should it ever, the record is kept as `null`, which
        // `get` reads as no event, rather than as half a text.
        if serde_json::to_writer(&mut self.text, event).is_err() {
            self.text.truncate(start);
            self.text.extend_from_slice(b"null");
        }
        self.ends.push(self.text.len());
    }

    /// The JSON text of event `i`, as [`Records::push`] wrote it.
    pub fn json(&self, i: usize) -> Option<&[u8]> {
        let end = *self.ends.get(i)?;
        let start = match i {
            0 => 0,
            _ => *self.ends.get(i - 1)?,
        };
        self.text.get(start..end)
    }

    /// Event `i`, decoded from its text; `None` past the end.
    pub fn get(&self, i: usize) -> Option<Event> {
        self.decode(i)
    }

    /// Some parts of event `i`: `T` reads the fields it names from the record and skips the
    /// rest without keeping it, which is quicker than decoding the whole event. `None` past
    /// the end, or when the record does not have them as `T` expects.
    pub fn decode<T: serde::de::DeserializeOwned>(&self, i: usize) -> Option<T> {
        serde_json::from_slice(self.json(i)?).ok()
    }

    /// The first event, decoded.
    pub fn first(&self) -> Option<Event> {
        self.get(0)
    }

    /// The last event, decoded.
    pub fn last(&self) -> Option<Event> {
        self.get(self.len().checked_sub(1)?)
    }

    /// The id of event `i`, read from the start of its text without decoding the rest.
    pub fn id(&self, i: usize) -> Option<Cow<'_, str>> {
        id_at_start(self.json(i)?).map(|(id, _)| id)
    }

    /// Gives each event the id `change` makes of its id, or leaves it when `change` gives
    /// `None`. Only the id's text is rewritten; the rest of each record is copied as it is.
    pub fn change_ids(&mut self, mut change: impl FnMut(&str) -> Option<String>) {
        let mut changed = Records::with_capacity(self.len(), 0);
        changed.text.reserve(self.text.len());
        for i in 0..self.len() {
            let json = self.json(i).unwrap_or(b"null");
            match id_at_start(json).and_then(|(id, end)| Some((change(&id)?, end))) {
                Some((id, end)) => {
                    changed.text.extend_from_slice(ID_FIELD);
                    // A string always writes.
                    let _ = serde_json::to_writer(&mut changed.text, &id);
                    changed
                        .text
                        .extend_from_slice(json.get(end..).unwrap_or_default());
                }
                None => changed.text.extend_from_slice(json),
            }
            changed.ends.push(changed.text.len());
        }
        changed.shrink_to_fit();
        *self = changed;
    }

    /// The position of the event with this id, if there is one. A scan of the ids: it runs
    /// once per record opened by a link, not per frame.
    pub fn position(&self, id: &str) -> Option<usize> {
        (0..self.len()).find(|&i| self.id(i).is_some_and(|own| own == id))
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
        let mut kept = Records::with_capacity(self.len(), 0);
        kept.text.reserve(self.text.len());
        for (i, event) in self.iter().enumerate() {
            if keep(i, &event) {
                kept.push(&event);
            }
        }
        kept.shrink_to_fit();
        *self = kept;
    }

    /// Gives back the room reserved beyond what the events take.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// Writes events `from..to` as a JSON array (`[{..},{..}]`) to `out`, copying their texts.
    pub fn write_array(&self, from: usize, to: usize, out: &mut Vec<u8>) {
        out.push(b'[');
        for i in from..to.min(self.len()) {
            if i > from {
                out.push(b',');
            }
            out.extend_from_slice(self.json(i).unwrap_or(b"null"));
        }
        out.push(b']');
    }
}

/// How every record's text starts: [`Event::id`] is its first field.
const ID_FIELD: &[u8] = br#"{"id":"#;

/// The id at the start of a record's text, and where its JSON string ends in `json`. An id
/// without escapes is borrowed from the text; only an escaped one is copied.
fn id_at_start(json: &[u8]) -> Option<(Cow<'_, str>, usize)> {
    let rest = json.strip_prefix(ID_FIELD)?;
    let mut borrowed = serde_json::Deserializer::from_slice(rest).into_iter::<&str>();
    if let Some(Ok(id)) = borrowed.next() {
        return Some((Cow::Borrowed(id), ID_FIELD.len() + borrowed.byte_offset()));
    }
    let mut owned = serde_json::Deserializer::from_slice(rest).into_iter::<String>();
    let id = owned.next()?.ok()?;
    Some((Cow::Owned(id), ID_FIELD.len() + owned.byte_offset()))
}

impl fmt::Debug for Records {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Records")
            .field("events", &self.len())
            .field("bytes", &self.text.len())
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
                .json(i)
                .and_then(|json| std::str::from_utf8(json).ok())
                .ok_or_else(|| S::Error::custom("a record is not text"))?;
            let raw = RawValue::from_string(text.to_string()).map_err(S::Error::custom)?;
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
                let mut records = Records::with_capacity(seq.size_hint().unwrap_or(0), 0);
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
    fn schema_name() -> Cow<'static, str> {
        <Vec<Event> as schemars::JsonSchema>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
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
mod tests {
    use super::*;
    use crate::core::table::test_data::ev;
    use crate::core::vocab::{Actor, Role};

    /// Events with the awkward parts: escapes in the id and texts, Arabic, optional fields.
    fn events() -> Vec<Event> {
        let mut quoted = ev("file:x\"y\\z", "2020-01-02").0;
        quoted.summary = "line one\nline two «حلب» \u{1F600}".to_string();
        vec![
            ev("curated:1", "2019-03-04")
                .actor(Actor::Russia, Role::Perpetrator)
                .0,
            quoted,
            ev("ucdp:7", "2017-12-31").0,
        ]
    }

    #[test]
    fn every_event_reads_back_as_it_was_pushed() {
        let events = events();
        let records = Records::from(events.clone());
        assert_eq!(records.len(), events.len());
        for (i, event) in events.iter().enumerate() {
            assert_eq!(records.get(i).as_ref(), Some(event));
            assert_eq!(records.id(i).as_deref(), Some(event.id.as_str()));
            assert_eq!(records.position(&event.id), Some(i));
        }
        assert_eq!(records.to_vec(), events);
        assert_eq!(records.first().as_ref(), events.first());
        assert_eq!(records.last().as_ref(), events.last());
        assert_eq!(records.get(events.len()), None);
        assert_eq!(records.id(events.len()), None);
        assert_eq!(records.position("curated:2"), None);
        assert_eq!(Records::default().last(), None);
    }

    #[test]
    fn records_write_and_read_the_json_of_a_vector_of_events() {
        let events = events();
        let records = Records::from(events.clone());
        let written = serde_json::to_string(&records).expect("records write");
        assert_eq!(
            written,
            serde_json::to_string(&events).expect("events write")
        );
        let read: Records = serde_json::from_str(&written).expect("records read");
        assert_eq!(read, records);
        let mut array = Vec::new();
        records.write_array(1, 3, &mut array);
        assert_eq!(
            array,
            serde_json::to_vec(&events[1..3]).expect("a slice writes")
        );
        let mut empty = Vec::new();
        records.write_array(3, 9, &mut empty);
        assert_eq!(empty, b"[]");
        // Not an array of events: refused, as a vector would be.
        assert!(serde_json::from_str::<Records>(r#"[{"id": 1}]"#).is_err());
        assert!(serde_json::from_str::<Records>(r#"{"id": "a"}"#).is_err());
    }

    #[test]
    fn retain_and_changed_ids_keep_the_order() {
        let events = events();
        let mut records = Records::from(events.clone());
        records.retain(|position, _| position != 1);
        assert_eq!(records.to_vec(), vec![events[0].clone(), events[2].clone()]);
        records.change_ids(|id| Some(format!("{id}-b")));
        let ids: Vec<String> = records.iter().map(|event| event.id).collect();
        assert_eq!(ids, ["curated:1-b", "ucdp:7-b"]);
        assert_eq!(records.position("ucdp:7-b"), Some(1));
    }

    #[test]
    fn changing_ids_rewrites_only_the_ids() {
        let events = events();
        let mut records = Records::from(events.clone());
        records.change_ids(|id| {
            id.strip_prefix("file:")
                .map(|rest| format!("mine\\\"{rest}"))
        });
        let mut expected = events.clone();
        expected[1].id = "mine\\\"x\"y\\z".to_string();
        assert_eq!(records.to_vec(), expected);
        assert_eq!(records, Records::from(expected.clone()));
        assert_eq!(records.id(1).as_deref(), Some(expected[1].id.as_str()));
        assert_eq!(records.id(0).as_deref(), Some("curated:1"));
    }

    #[test]
    fn the_bundled_collections_read_back_from_their_records() {
        for file in ["public/data/curated.json", "public/data/ucdp.json"] {
            let bytes = std::fs::read(file).expect("the bundled collection");
            let loaded = crate::core::validate::load(file, &bytes).expect("it loads");
            let records = &loaded.dataset.events;
            assert!(!records.is_empty());
            let again: Records = records.iter().collect();
            // Decoding and writing again gives the same text: nothing is lost either way.
            assert_eq!(&again, records, "{file}");
            for i in 0..records.len() {
                let event = records.get(i).expect("a record decodes");
                assert_eq!(records.id(i).as_deref(), Some(event.id.as_str()));
            }
        }
    }
}
