//! Tests of the compact records: every event read back as it was pushed, blocks read in any
//! order, ids and their renames, and the bundled collections.

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
        assert_eq!(records.id(i), Some(event.id.as_str()));
    }
    assert_eq!(records.to_vec(), events);
    assert_eq!(records.get(events.len()), None);
    assert_eq!(records.id(events.len()), None);
    assert_eq!(Records::default().get(0), None);
}

#[test]
fn records_never_packed_hold_and_write_what_packed_ones_do() {
    // Past several blocks, so that packed records hold full blocks and an open one.
    let events: Vec<Event> = (0..3 * BLOCK + 5)
        .map(|n| events()[n % 3].clone())
        .collect();
    let packed = Records::from(events.clone());
    let mut never = Records::never_packed();
    for event in &events {
        never.push(event);
    }
    assert!(!packed.blocks.is_empty());
    assert!(never.blocks.is_empty(), "nothing packed");
    assert_eq!(never.len(), events.len());
    for (i, event) in events.iter().enumerate() {
        assert_eq!(never.get(i).as_ref(), Some(event));
        assert_eq!(never.id(i), packed.id(i));
    }
    assert_eq!(never.get(events.len()), None);
    for (from, to) in [
        (0, 200),
        (BLOCK - 1, 2 * BLOCK + 3),
        (3 * BLOCK, 3 * BLOCK + 5),
    ] {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        packed.write_array(from, to, &mut a);
        never.write_array(from, to, &mut b);
        assert_eq!(a, b);
    }
}

#[test]
fn a_text_read_is_kept_as_it_was_and_a_pretty_one_is_written_again() {
    let events = events();
    let mut records = Records::default();
    let mut texts = Vec::new();
    for (n, event) in events.iter().enumerate() {
        // The first compact, the second pretty-printed (line breaks between fields), the
        // third compact with its fields in another order than serde writes them.
        let text = match n {
            0 => serde_json::to_vec(event),
            1 => serde_json::to_vec_pretty(event),
            _ => serde_json::to_value(event).and_then(|value| {
                let mut fields: Vec<_> = value.as_object().into_iter().flatten().collect();
                fields.reverse();
                let reversed: serde_json::Map<_, _> = fields
                    .into_iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                serde_json::to_vec(&reversed)
            }),
        };
        let text = text.expect("an event serialises");
        records.push_read(event, &text);
        texts.push(text);
    }
    for (i, event) in events.iter().enumerate() {
        assert_eq!(records.get(i).as_ref(), Some(event));
        assert_eq!(records.id(i), Some(event.id.as_str()));
    }
    let kept: Vec<Vec<u8>> = (0..events.len())
        .filter_map(|i| records.with_json(i, <[u8]>::to_vec))
        .collect();
    assert_eq!(kept[0], texts[0], "a compact text is kept");
    assert!(texts[1].contains(&b'\n'));
    assert_eq!(
        kept[1],
        serde_json::to_vec(&events[1]).expect("an event serialises"),
        "a pretty-printed text is written again, compact"
    );
    assert_eq!(kept[2], texts[2], "the order of the fields is kept");
    assert_ne!(
        kept[2],
        serde_json::to_vec(&events[2]).expect("an event serialises")
    );
    assert_eq!(
        records,
        Records::from(events.clone()),
        "records are equal when their texts read as the same events"
    );
    let mut other = events;
    other[2].summary.push('!');
    assert_ne!(records, Records::from(other));
}

/// More events than fit one block, each a little different.
fn many_events() -> Vec<Event> {
    (0..BLOCK * 3 + 5)
        .map(|n| {
            let mut event = ev(&format!("file:{n}"), "2020-01-02").0;
            event.summary = format!("event number {n} «{}»", "ح".repeat(n % 7));
            event
        })
        .collect()
}

#[test]
fn room_reserved_after_the_first_ids_holds_ids_as_long() {
    // Ids of one length, as a file's are: the room made from the first holds the rest.
    let events: Vec<Event> = (0..BLOCK * 4)
        .map(|n| ev(&format!("file:{n:05}"), "2020-01-02").0)
        .collect();
    let mut records = Records::default();
    records.reserve_exact(events.len());
    records.push(&events[0]);
    records.reserve_exact(events.len() - 1);
    let (ids, id_ends, blocks) = (
        records.ids.capacity(),
        records.id_ends.capacity(),
        records.blocks.capacity(),
    );
    assert!(ids >= events.len() * "file:00000".len(), "{ids}");
    for event in &events[1..] {
        records.push(event);
    }
    assert_eq!(
        (
            records.ids.capacity(),
            records.id_ends.capacity(),
            records.blocks.capacity()
        ),
        (ids, id_ends, blocks),
        "nothing grew"
    );
    assert_eq!(records.to_vec(), events);
}

#[test]
fn ids_that_lengthen_grow_their_room_about_as_often_as_doubling() {
    // Forty pieces of eight events, each piece's ids a character longer than the last's,
    // with room asked for the rest before each piece, as a collection's checks ask.
    let (pieces, per_piece) = (40, 8);
    let mut records = Records::default();
    let mut grown = 0;
    let mut capacity = 0;
    let mut count = |records: &Records| {
        grown += usize::from(records.ids.capacity() != capacity);
        capacity = records.ids.capacity();
    };
    for piece in 0..pieces {
        records.reserve_exact((pieces - piece) * per_piece);
        count(&records);
        for n in 0..per_piece {
            let id = format!("{}{n}", "x".repeat(piece + 1));
            records.push(&ev(&id, "2020-01-02").0);
            count(&records);
        }
    }
    assert_eq!(records.len(), pieces * per_piece);
    // Each time it grows, asked or pushed, it at least doubles what it holds: about once
    // for each bit of the final length (16 times for 13 bits here; growing each ask to
    // its need with an eighth to spare, and no more, took 26).
    let doublings = (usize::BITS - records.ids.len().leading_zeros()) as usize;
    assert!(
        grown <= doublings + doublings / 2,
        "grew {grown} times in {pieces} pieces"
    );
}

#[test]
fn events_read_back_across_blocks_in_any_order() {
    let events = many_events();
    let records = Records::from(events.clone());
    assert_eq!(records.len(), events.len());
    assert_eq!(records.blocks.len(), 3, "full blocks are packed");
    assert_eq!(records.open.ends.len(), 5, "the rest stays open");
    // Forwards, backwards and jumping between blocks: every read unpacks the right block.
    let order = (0..events.len())
        .chain((0..events.len()).rev())
        .chain((0..events.len()).map(|i| (i * 37) % events.len()));
    for i in order {
        assert_eq!(records.get(i).as_ref(), Some(&events[i]), "event {i}");
        assert_eq!(records.id(i), Some(events[i].id.as_str()));
    }
    assert_eq!(records.get(events.len()), None);
    assert_eq!(records.to_vec(), events);
    // Packing saves room: the summaries and field names repeat.
    let text: usize = events
        .iter()
        .map(|e| serde_json::to_vec(e).map_or(0, |json| json.len()))
        .sum();
    let packed: usize = records.blocks.iter().map(|b| b.packed.len()).sum();
    assert!(packed * 3 < text, "{packed} packed bytes of {text}");
    let mut array = Vec::new();
    records.write_array(BLOCK - 2, BLOCK * 2 + 3, &mut array);
    assert_eq!(
        array,
        serde_json::to_vec(&events[BLOCK - 2..BLOCK * 2 + 3]).expect("a slice writes")
    );
    let mut fewer = records.clone();
    fewer.retain(|i, _| i % 3 == 0);
    let kept: Vec<Event> = events.iter().step_by(3).cloned().collect();
    assert_eq!(fewer.to_vec(), kept);
    assert_eq!(fewer, Records::from(kept));
    assert_ne!(fewer, records);
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
    assert_eq!(records.id(1), Some("ucdp:7-b"));
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
    assert_eq!(records.id(1), Some(expected[1].id.as_str()));
    assert_eq!(records.id(0), Some("curated:1"));
}

/// Records as [`Records::from_parts`] makes them from `records`' parts, as the stored
/// form does.
fn through_parts(records: &Records) -> Records {
    let (open, open_ends) = records.open_text();
    let (ids, id_ends) = records.id_text();
    Records::from_parts(RecordParts {
        blocks: records
            .packed_blocks()
            .map(|(packed, ends)| (packed.into(), *ends))
            .collect(),
        open: open.to_vec(),
        open_ends: open_ends.to_vec(),
        ids: ids.to_string(),
        id_ends: id_ends.to_vec(),
        own_ids: records.own_ids(),
        id_rename: records
            .id_rename()
            .map(|(from, to)| (from.to_string(), to.to_string())),
    })
    .expect("parts that fit")
}

#[test]
fn a_prefix_renamed_reads_as_events_written_with_it() {
    // Several blocks and an open one; ids with the prefix and without, one with escapes,
    // and texts kept as read with their id last, in a packed block and in the open one.
    let count = BLOCK * 3 + 7;
    let events: Vec<Event> = (0..count)
        .map(|n| {
            let id = match n % 9 {
                4 => format!("other:{n}"),
                5 => format!("aaaa:{n}\"q\\"),
                _ => format!("aaaa:{n}"),
            };
            let mut event = ev(&id, "2020-01-02").0;
            event.summary = format!("aaaa: event {n} «{}»", "ح".repeat(n % 5));
            event
        })
        .collect();
    let id_last = |n: usize| n == 3 || n == count - 2;
    let mut records = Records::default();
    for (n, event) in events.iter().enumerate() {
        let mut text = serde_json::to_vec(event).expect("an event serialises");
        if id_last(n) {
            let value = serde_json::to_value(event).expect("an event serialises");
            let mut fields: Vec<_> = value.as_object().into_iter().flatten().collect();
            fields.reverse();
            let reversed: serde_json::Map<_, _> = fields
                .into_iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            text = serde_json::to_vec(&reversed).expect("a map serialises");
        }
        records.push_read(event, &text);
    }
    let renamed = |to: &str| -> Vec<Event> {
        events
            .iter()
            .cloned()
            .map(|mut event| {
                if let Some(rest) = event.id.strip_prefix("aaaa:") {
                    event.id = format!("{to}{rest}");
                }
                event
            })
            .collect()
    };
    let check = |records: &Records, expected: &[Event]| {
        assert_eq!(records.to_vec(), expected);
        for (i, event) in expected.iter().enumerate() {
            assert_eq!(records.id(i), Some(event.id.as_str()));
            let text = records.with_json(i, <[u8]>::to_vec).expect("a text");
            assert_eq!(
                serde_json::from_slice::<Event>(&text).ok().as_ref(),
                Some(event)
            );
        }
        assert_eq!(*records, Records::from(expected.to_vec()));
        assert_eq!(through_parts(records).to_vec(), expected);
        let mut array = Vec::new();
        records.write_array(0, records.len(), &mut array);
        assert_eq!(
            serde_json::from_slice::<Vec<Event>>(&array).ok().as_deref(),
            Some(expected)
        );
    };

    records.rename_id_prefix("aaaa:", "bbbb:");
    assert_eq!(
        records.id_rename(),
        Some(("aaaa:", "bbbb:")),
        "the blocks stay packed"
    );
    check(&records, &renamed("bbbb:"));
    // A second rename of the same length composes with the first.
    records.rename_id_prefix("bbbb:", "cccc:");
    assert_eq!(records.id_rename(), Some(("aaaa:", "cccc:")));
    check(&records, &renamed("cccc:"));
    // Back to the first: the texts give the ids again.
    records.rename_id_prefix("cccc:", "aaaa:");
    assert_eq!(records.id_rename(), None);
    check(&records, &events);
    // Another length writes every event again.
    records.rename_id_prefix("aaaa:", "longer:");
    assert_eq!(records.id_rename(), None);
    check(&records, &renamed("longer:"));
}

#[test]
fn parts_with_a_rename_of_two_lengths_are_refused() {
    let records = Records::from(many_events());
    let (ids, id_ends) = records.id_text();
    let parts = RecordParts {
        blocks: records
            .packed_blocks()
            .map(|(packed, ends)| (packed.into(), *ends))
            .collect(),
        open: records.open_text().0.to_vec(),
        open_ends: records.open_text().1.to_vec(),
        ids: ids.to_string(),
        id_ends: id_ends.to_vec(),
        own_ids: records.own_ids(),
        id_rename: Some(("file:".into(), "f:".into())),
    };
    assert!(Records::from_parts(parts).is_err());
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
            assert_eq!(records.id(i), Some(event.id.as_str()));
        }
    }
}
