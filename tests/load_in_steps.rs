//! A collection read in steps (as the page reads a file the reader opened, between frames) is
//! the collection read at once: the same events, problems and skipped records, the same table
//! and the same catalog, whatever the size of the steps and whether the file is one JSON
//! document or the collection in pieces that the import worker writes.

mod common;

use common::{json, BUNDLED};
use serde_json::Value;

use incident_explorer::core::catalog::{Catalog, CatalogBuild};
use incident_explorer::core::table::{EventTable, TableBuilder};
use incident_explorer::core::validate::{self, write_in_pieces, LoadSteps};

/// Loads `bytes` in steps of `limit` events, counting the steps.
fn load_stepped(
    bytes: &[u8],
    limit: usize,
) -> (Result<validate::Loaded, Vec<validate::Problem>>, usize) {
    let mut steps = match LoadSteps::start("file.json", bytes) {
        Ok(steps) => steps,
        Err(problems) => return (Err(problems), 0),
    };
    let mut count = 0;
    let mut last_share = 0.0;
    loop {
        count += 1;
        match steps.step(limit) {
            Ok(true) => break,
            Ok(false) => {
                let share = steps.share_read();
                assert!(
                    share >= last_share && share <= 1.0,
                    "{share} after {last_share}"
                );
                last_share = share;
            }
            Err(problems) => return (Err(problems), count),
        }
    }
    (steps.finish(), count)
}

/// A collection with problems of every kind a record can have: a bad date, a duplicate id, an
/// unknown field, a citation of a missing source.
fn collection_with_problems() -> Value {
    let mut file = json(BUNDLED[0]);
    let events = file["events"].as_array_mut().expect("events");
    let first = events[0].clone();
    let mut bad_date = events[1].clone();
    bad_date["date"]["start"] = "2019-02-30".into();
    events[1] = bad_date;
    events.push(first);
    events[2]["unknown_field"] = 1.into();
    events[3]["citations"][0]["source"] = "no-such-source".into();
    file
}

/// `value` (a collection as JSON) in pieces as the worker lays them out, written from the JSON
/// itself so that records the model would not read stay as they are.
fn pieces_of(value: &Value, per_piece: usize) -> Vec<u8> {
    let mut header = value.clone();
    header["events"] = Value::Array(Vec::new());
    let mut bytes = serde_json::to_vec(&header).expect("JSON");
    bytes.push(b'\n');
    for piece in value["events"]
        .as_array()
        .expect("events")
        .chunks(per_piece)
    {
        serde_json::to_writer(&mut bytes, piece).expect("JSON");
        bytes.push(b'\n');
    }
    bytes
}

/// The lines of `bytes`, each without its line break.
fn lines(bytes: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
    bytes
        .split(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .filter(|line| !line.is_empty())
}

/// Lines with a size hint of `left` lines to come, right or not.
struct Told {
    lines: std::vec::IntoIter<Vec<u8>>,
    left: usize,
}

impl Iterator for Told {
    type Item = Vec<u8>;

    fn next(&mut self) -> Option<Vec<u8>> {
        self.left = self.left.saturating_sub(1);
        self.lines.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, None)
    }
}

#[test]
fn pieces_load_as_the_whole_document_does() {
    for value in [
        json(BUNDLED[0]),
        json(BUNDLED[1]),
        collection_with_problems(),
    ] {
        let whole = serde_json::to_vec(&value).expect("JSON");
        let at_once = validate::load("file.json", &whole).expect("loads");
        let events = value["events"].as_array().map_or(0, Vec::len);
        assert!(at_once.dataset.events.len() <= events);
        for per_piece in [1, 7, 1_000] {
            let pieces = pieces_of(&value, per_piece);
            for limit in [1, 250, usize::MAX] {
                let (stepped, steps) = load_stepped(&pieces, limit);
                let stepped = stepped.expect("loads");
                assert_eq!(stepped.dataset, at_once.dataset);
                assert_eq!(stepped.problems, at_once.problems);
                assert_eq!(stepped.skipped, at_once.skipped);
                if limit == 1 {
                    assert!(steps >= events, "{steps} steps for {events} events");
                }
            }
            // Line by line, as the page reads a copy it holds outside its memory.
            let by_line = validate::load_lines("file.json", lines(&pieces)).expect("loads");
            assert_eq!(by_line.dataset, at_once.dataset);
            assert_eq!(by_line.problems, at_once.problems);
            assert_eq!(by_line.skipped, at_once.skipped);
            // Told how many lines come (as the page is), rightly or wrongly: the same result.
            let counted: Vec<Vec<u8>> = lines(&pieces).collect();
            for told in [1, counted.len(), counted.len() * 3] {
                let told = Told {
                    lines: counted.clone().into_iter(),
                    left: told,
                };
                let by_line = validate::load_lines("file.json", told).expect("loads");
                assert_eq!(by_line.dataset, at_once.dataset);
                assert_eq!(by_line.problems, at_once.problems);
                assert_eq!(by_line.skipped, at_once.skipped);
            }
        }
        let by_line = validate::load_lines("file.json", lines(&whole)).expect("loads");
        assert_eq!(by_line.dataset, at_once.dataset);
        assert_eq!(by_line.problems, at_once.problems);
        // The whole document read in steps.
        let (stepped, _) = load_stepped(&whole, 100);
        let stepped = stepped.expect("loads");
        assert_eq!(stepped.dataset, at_once.dataset);
        assert_eq!(stepped.problems, at_once.problems);
    }
}

#[test]
fn a_collection_written_in_pieces_loads_as_itself() {
    let problems = collection_with_problems();
    let loaded =
        validate::load("file.json", &serde_json::to_vec(&problems).expect("JSON")).expect("loads");
    assert!(loaded.skipped > 0, "the records with errors are skipped");
    for dataset in [
        (*common::catalog(&BUNDLED[..1]).datasets.remove(0)).clone(),
        loaded.dataset,
    ] {
        let events = dataset.events.len();
        for per_piece in [1, 1_000] {
            let pieces = write_in_pieces(dataset.clone(), per_piece).expect("written");
            let lines = pieces.iter().filter(|&&b| b == b'\n').count();
            assert_eq!(lines, 1 + events.div_ceil(per_piece), "one line per piece");
            let (again, _) = load_stepped(&pieces, 10);
            let again = again.expect("loads");
            assert_eq!(again.dataset, dataset);
            assert_eq!(again.skipped, 0);
        }
    }
}

#[test]
fn a_pretty_printed_file_is_one_document() {
    let value = json(BUNDLED[0]);
    let pretty = serde_json::to_vec_pretty(&value).expect("JSON");
    let compact = serde_json::to_vec(&value).expect("JSON");
    let (pretty, _) = load_stepped(&pretty, 10);
    let compact = validate::load("file.json", &compact).expect("loads");
    assert_eq!(pretty.expect("loads").dataset, compact.dataset);
}

#[test]
fn a_broken_piece_rejects_the_file() {
    let value = json(BUNDLED[0]);
    let dataset = serde_json::from_value(value).expect("a dataset");
    let mut pieces = write_in_pieces(dataset, 5).expect("written");
    // Cut the last piece short, as a disk that filled up would.
    pieces.truncate(pieces.len() - 40);
    let (loaded, _) = load_stepped(&pieces, 3);
    let problems = loaded.expect_err("rejected");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].to_string().contains("file.json"),
        "{}",
        problems[0]
    );
    // The same bytes read at once give the same sentence.
    let at_once = validate::load("file.json", &pieces).expect_err("rejected");
    assert_eq!(at_once, problems);
    // Read line by line, the file is rejected too (the page then reads it whole for the
    // sentence).
    assert!(validate::load_lines("file.json", lines(&pieces)).is_err());
    // A pretty-printed document is no collection in pieces.
    let pretty = serde_json::to_vec_pretty(&json(BUNDLED[0])).expect("JSON");
    assert!(validate::load_lines("file.json", lines(&pretty)).is_err());
}

/// Tables compared through their debug text: an unlocated event's coordinates are NaN, which
/// equals nothing, itself included.
fn assert_same_table(a: &EventTable, b: &EventTable) {
    assert_eq!(a.len(), b.len());
    assert!(format!("{a:?}") == format!("{b:?}"), "the tables differ");
}

#[test]
fn a_table_built_in_steps_is_the_table_built_at_once() {
    let catalog = common::catalog(&BUNDLED);
    let at_once = EventTable::build(&catalog.datasets);
    for limit in [1, 999, usize::MAX] {
        let mut builder = TableBuilder::new(&catalog.datasets);
        let mut steps = 0;
        while !builder.step(&catalog.datasets, limit) {
            steps += 1;
            let (done, total) = builder.progress();
            assert!(done <= total);
        }
        assert_eq!(builder.progress().0, at_once.len());
        assert_same_table(&builder.finish(), &at_once);
        if limit == 999 {
            assert_eq!(steps, at_once.len() / 999);
        }
    }
}

#[test]
fn a_catalog_built_in_steps_is_the_catalog_built_at_once() {
    let loaded = || {
        BUNDLED
            .iter()
            .map(|path| {
                let bytes = std::fs::read(path).expect("bundled file");
                validate::load(path, &bytes).expect("loads")
            })
            .collect::<Vec<_>>()
    };
    let at_once = Catalog::new(loaded());
    let mut build = CatalogBuild::new(loaded());
    while !build.step(500) {}
    let stepped = build.finish();
    assert_same_table(&stepped.table, &at_once.table);
    assert_eq!(stepped.datasets, at_once.datasets);
    assert_eq!(stepped.problems, at_once.problems);
    // Adding a file in steps gives what adding it at once gives, and the same refusal.
    let base = Catalog::new(loaded().into_iter().take(1).collect());
    let second = loaded().pop().expect("two files");
    let added = base.adding(second.clone()).expect("added");
    let stepped = base.adding_in_steps(second).expect("added").run();
    assert_same_table(&stepped.table, &added.table);
    let again = loaded().pop().expect("two files");
    assert_eq!(
        added.adding(again.clone()).err(),
        added.adding_in_steps(again).err()
    );
}

#[test]
fn a_file_added_to_a_catalog_loses_what_loading_all_together_drops() {
    // The bundled UCDP collection under another id: every event is one the catalog has.
    let mut mine = json(BUNDLED[1]);
    mine["collection"]["id"] = "mine".into();
    let events = mine["events"].as_array_mut().expect("events");
    for event in events.iter_mut() {
        let local = event["id"]
            .as_str()
            .and_then(|id| id.split_once(':'))
            .map(|(_, l)| l.to_string());
        event["id"] = format!("mine:{}", local.unwrap_or_default()).into();
    }
    // One event keeps the id of a curated event: it is a duplicate id, not the same event.
    let curated_id = json(BUNDLED[0])["events"][0]["id"].clone();
    events[0]["id"] = curated_id;
    let total = events.len();
    let bytes = serde_json::to_vec(&mine).expect("JSON");
    let file = || validate::load("mine.json", &bytes).expect("loads");
    let bundled = || {
        BUNDLED
            .iter()
            .map(|path| {
                validate::load(path, &std::fs::read(path).expect("bundled")).expect("loads")
            })
            .collect::<Vec<_>>()
    };
    let mut all = bundled();
    all.push(file());
    let together = Catalog::new(all);
    let added = Catalog::new(bundled()).adding(file()).expect("added");
    assert_same_table(&added.table, &together.table);
    assert_eq!(added.problems, together.problems);
    assert_eq!(added.skipped_per_file, together.skipped_per_file);
    // Every event of the copy was dropped: one for its id, the rest as the same UCDP event.
    assert_eq!(added.datasets[2].events.len(), 0);
    assert_eq!(*added.skipped_per_file.last().expect("three files"), total);
    // Its own problems from loading, then one per event left out.
    let alone = file().problems.len();
    let mine_problems: Vec<_> = added
        .problems
        .iter()
        .filter(|p| p.file == "mine.json")
        .skip(alone)
        .collect();
    assert_eq!(mine_problems.len(), total);
    assert!(
        mine_problems[0]
            .message
            .contains("already used by a record of"),
        "{}",
        mine_problems[0]
    );
    assert!(
        mine_problems[1].message.contains("the same UCDP event"),
        "{}",
        mine_problems[1]
    );
    // Removing it again gives the bundled catalog back.
    let removed = added.without("mine");
    assert_same_table(&removed.table, &Catalog::new(bundled()).table);
}
