//! The stored form read back: the bundled collections, checked as a page checks a file, come
//! back equal (records, problems, table), in one item or many; a gazetteer of another version
//! gives the records without the table; a form cut short, or with any byte changed, is
//! refused or read without a panic.

use std::sync::Arc;

use super::*;
use crate::core::place_names::PlaceNames;
use crate::core::validate::LoadSteps;

fn gazetteer() -> Arc<PlaceNames> {
    let bytes = std::fs::read(crate::tools::place_names::OUTPUT).expect("the gazetteer file");
    Arc::new(PlaceNames::from_json(&bytes).expect("a gazetteer"))
}

/// `file` checked as the page checks an opened file: the table built as its records are.
fn checked(file: &str, place_names: &Arc<PlaceNames>) -> Loaded {
    let bytes = std::fs::read(file).expect("a bundled collection");
    let mut steps = LoadSteps::start(file, &bytes)
        .expect("it loads")
        .building_table(Arc::clone(place_names));
    while !steps.step(500).expect("it checks") {}
    steps.finish_words();
    steps.finish().expect("it finishes")
}

fn assert_same(read: &Loaded, loaded: &Loaded) {
    assert_eq!(read.file, loaded.file);
    assert_eq!(read.dataset, loaded.dataset);
    assert_eq!(
        read.dataset.events.own_ids(),
        loaded.dataset.events.own_ids()
    );
    assert_eq!(read.problems, loaded.problems);
    assert_eq!(read.skipped, loaded.skipped);
    let (read_table, table) = (read.table.as_ref(), loaded.table.as_ref());
    assert_eq!(read_table.is_some(), table.is_some());
    if let (Some(read), Some(table)) = (read_table, table) {
        assert!(same_table(&read.table, &table.table), "the tables differ");
    }
}

/// Whether two tables are equal, their points compared bit for bit (a point that is not
/// there is NaN, which equals nothing).
fn same_table(a: &EventTable, b: &EventTable) -> bool {
    let bits = |values: &[f32]| values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    let without_points = |table: &EventTable| EventTable {
        lat: Vec::new(),
        lon: Vec::new(),
        ..table.clone()
    };
    bits(&a.lat) == bits(&b.lat)
        && bits(&a.lon) == bits(&b.lon)
        && without_points(a) == without_points(b)
}

#[test]
fn the_bundled_collections_read_back_as_they_were_checked() {
    let names = gazetteer();
    for file in ["public/data/curated.json", "public/data/ucdp.json"] {
        let loaded = checked(file, &names);
        assert!(loaded.table.is_some() && !loaded.dataset.events.is_empty());
        let stored = write(&loaded);
        let read = read(&stored, Arc::clone(&names)).expect("it reads back");
        assert_same(&read, &loaded);
        // Every event's text and id, as the list and the detail read them.
        for i in (0..loaded.dataset.events.len()).step_by(997) {
            assert_eq!(read.dataset.events.get(i), loaded.dataset.events.get(i));
            assert_eq!(read.dataset.events.id(i), loaded.dataset.events.id(i));
        }
    }
}

#[test]
fn small_items_read_back_the_same_as_one() {
    let names = gazetteer();
    let loaded = checked("public/data/ucdp.json", &names);
    let mut writer = StoredWriter::with_item_bytes(&loaded, 1000);
    let total = writer.items_left();
    let mut items = Vec::new();
    while let Some(item) = writer.next_item() {
        items.push(item);
    }
    assert_eq!(items.len(), total);
    assert!(total > 1000, "{total} items");
    // Each item holds about what was asked, one block or value more at most; all but the
    // head, which is one piece of JSON.
    let largest = items.iter().skip(1).map(Vec::len).max().unwrap_or(0);
    assert!(largest < 1000 + 16 * 1024, "an item of {largest} bytes");
    let stored: Vec<u8> = items.concat();
    assert_same(
        &read(&stored, Arc::clone(&names)).expect("it reads back"),
        &loaded,
    );
}

#[test]
fn items_of_the_usual_size_stay_near_it() {
    let names = gazetteer();
    let loaded = checked("public/data/ucdp.json", &names);
    let item_bytes = 64 * 1024;
    let mut writer = StoredWriter::with_item_bytes(&loaded, item_bytes);
    let mut sizes = Vec::new();
    while let Some(item) = writer.next_item() {
        sizes.push(item.len());
    }
    let largest = sizes.iter().skip(1).copied().max().unwrap_or(0);
    assert!(largest <= item_bytes * 5 / 4, "an item of {largest} bytes");
    // Full items, not one per block: the form is read in few steps.
    let stored: usize = sizes.iter().sum();
    assert!(
        sizes.len() < 2 * stored / item_bytes + 200,
        "{} items",
        sizes.len()
    );
}

#[test]
fn another_gazetteer_gives_the_records_and_no_table() {
    let names = gazetteer();
    let loaded = checked("public/data/curated.json", &names);
    let stored = write(&loaded);
    let read = read(&stored, Arc::new(PlaceNames::default())).expect("it reads back");
    assert!(read.table.is_none());
    assert_eq!(read.dataset, loaded.dataset);
    assert_eq!(read.problems, loaded.problems);
}

#[test]
fn a_form_cut_short_or_of_another_version_is_refused_whole_or_streamed() {
    let names = gazetteer();
    let loaded = checked("public/data/curated.json", &names);
    let stored = write(&loaded);
    for cut in [
        0,
        3,
        PREFIX_LEN,
        PREFIX_LEN + 5,
        stored.len() / 2,
        stored.len() - 1,
    ] {
        let short = stored.get(..cut).expect("a cut inside");
        assert!(read(short, Arc::clone(&names)).is_err(), "cut at {cut}");
        // Streamed in parts, the same cut is refused at the end.
        assert!(
            streamed(short, 65_537, &names).0.is_err(),
            "streamed, cut at {cut}"
        );
    }
    let mut other = stored.clone();
    other[4] = 99;
    let error = read(&other, Arc::clone(&names)).expect_err("another version");
    assert!(error.0.contains("another version"), "{error}");
    let error = streamed(&other, 4099, &names)
        .0
        .expect_err("another version, streamed");
    assert!(error.0.contains("another version"), "{error}");
    // A wrong start is said with its first bytes, not after the rest has come.
    let mut stream = StoredStream::new(Arc::clone(&names));
    stream.room(2).copy_from_slice(b"[{");
    assert!(stream.read_item().is_err());
    assert!(read(b"[{\"events\": []}]", names).is_err());
}

#[test]
fn any_byte_changed_reads_or_is_refused_without_a_panic() {
    let names = gazetteer();
    let loaded = checked("public/data/curated.json", &names);
    let stored = write(&loaded);
    // A spread of places, the head's and each item's header among them.
    let step = (stored.len() / 3000).max(1);
    for at in (0..stored.len()).step_by(step).chain(0..64) {
        for value in [0u8, 0xFF, stored[at] ^ 0x10] {
            let mut changed = stored.clone();
            changed[at] = value;
            let _ = read(&changed, Arc::clone(&names));
        }
    }
}

#[test]
fn records_alone_read_back_from_a_file_without_a_table() {
    let names = gazetteer();
    let mut loaded = checked("public/data/curated.json", &names);
    loaded.table = None;
    let read = read(&write(&loaded), names).expect("it reads back");
    assert_same(&read, &loaded);
}

/// Feeds `stored` to a stream in parts of `part` bytes, reading every item each completes;
/// gives the file (or why not) and the items read.
fn streamed(
    stored: &[u8],
    part: usize,
    names: &Arc<PlaceNames>,
) -> (Result<Loaded, StoredError>, usize) {
    let mut stream = StoredStream::new(Arc::clone(names));
    let mut items = 0;
    for bytes in stored.chunks(part) {
        stream.room(bytes.len()).copy_from_slice(bytes);
        loop {
            match stream.read_item() {
                Ok(true) => items += 1,
                Ok(false) => break,
                Err(error) => return (Err(error), items),
            }
        }
    }
    (stream.finish(), items)
}

#[test]
fn a_form_streamed_in_parts_of_any_size_reads_back_as_a_whole() {
    let names = gazetteer();
    let loaded = checked("public/data/curated.json", &names);
    let mut writer = StoredWriter::new(&loaded);
    let mut stored = Vec::new();
    let mut written = 0;
    while let Some(item) = writer.next_item() {
        stored.extend(item);
        written += 1;
    }
    let whole = read(&stored, Arc::clone(&names)).expect("it reads whole");
    // Parts inside a header, inside a payload, across several items, and the whole form.
    for part in [5, 4099, 65_537, ITEM_BYTES * 3, stored.len()] {
        let (read, items) = streamed(&stored, part, &names);
        let read = read.unwrap_or_else(|error| panic!("parts of {part}: {error}"));
        assert_same(&read, &whole);
        // The first item written carries the prefix before its header.
        assert_eq!(items, written, "parts of {part}");
    }
}
