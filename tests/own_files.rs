//! A file the reader opens joins the collections already loaded, and leaves them again: the
//! counts of each collection are the same before and after, and a second copy of a collection
//! is refused with a sentence rather than merged.

mod common;

use common::{json, BUNDLED};

use incident_explorer::core::catalog::Catalog;
use incident_explorer::core::filter::Filter;
use incident_explorer::core::validate;

/// The curated collection under another id, as a reader's own file.
fn own_copy(id: &str) -> validate::Loaded {
    let mut file = json(BUNDLED[0]);
    file["collection"]["id"] = id.into();
    if let Some(events) = file["events"].as_array_mut() {
        for event in events {
            let local = event["id"]
                .as_str()
                .and_then(|id| id.split_once(':'))
                .map(|(_, local)| local.to_string())
                .unwrap_or_default();
            event["id"] = format!("{id}:{local}").into();
        }
    }
    if let Some(figures) = file["figures"].as_array_mut() {
        for figure in figures {
            let local = figure["id"]
                .as_str()
                .and_then(|id| id.split_once(':'))
                .map(|(_, local)| local.to_string())
                .unwrap_or_default();
            figure["id"] = format!("{id}:{local}").into();
        }
    }
    let bytes = serde_json::to_vec(&file).unwrap_or_else(|error| panic!("{error}"));
    validate::load("my-file.json", &bytes).unwrap_or_else(|problems| panic!("{problems:?}"))
}

fn events_of(catalog: &Catalog, collection: &str) -> usize {
    let Some(index) = catalog
        .table
        .collection_ids
        .iter()
        .position(|id| id == collection)
    else {
        return 0;
    };
    let filter = Filter {
        collections: 1 << index,
        ..Filter::default()
    };
    filter.rows(&catalog.table).len()
}

#[test]
fn an_opened_file_joins_and_leaves_the_loaded_collections() {
    let bundled = common::catalog(&BUNDLED);
    let curated = json(BUNDLED[0])["events"].as_array().map_or(0, Vec::len);
    let ucdp = events_of(&bundled, "ucdp");
    assert!(curated > 0 && ucdp > 0);

    let with_file = bundled
        .adding(own_copy("file-0123456789ab"))
        .unwrap_or_else(|message| panic!("{message}"));
    assert_eq!(events_of(&with_file, "file-0123456789ab"), curated);
    assert_eq!(events_of(&with_file, "curated"), curated);
    assert_eq!(events_of(&with_file, "ucdp"), ucdp);
    assert_eq!(
        Filter::default().rows(&with_file.table).len(),
        curated * 2 + ucdp
    );
    assert_eq!(
        with_file.files.last().map(String::as_str),
        Some("my-file.json")
    );

    let removed = with_file.without("file-0123456789ab");
    assert_eq!(events_of(&removed, "file-0123456789ab"), 0);
    assert_eq!(Filter::default().rows(&removed.table).len(), curated + ucdp);
    assert_eq!(removed.files, bundled.files);
    assert_eq!(removed.skipped, bundled.skipped);
}

#[test]
fn a_second_copy_of_an_open_collection_is_refused_with_a_sentence() {
    let bundled = common::catalog(&BUNDLED);
    let Err(said) = bundled.adding(own_copy("ucdp")) else {
        panic!("a second ucdp collection was added");
    };
    let message = said.english();
    assert!(message.contains("“ucdp” is open already"), "{message}");
    assert!(message.contains("my-file.json"), "{message}");
}

#[test]
fn a_link_to_a_file_opened_elsewhere_says_which_file_it_needs() {
    use incident_explorer::core::file_link::PendingLink;
    use incident_explorer::core::query::decode;

    let bundled = common::catalog(&BUNDLED);
    let link = "c=file-0123456789ab&file=file-0123456789ab:48211:48190:ACLED%20Syria%202023.csv\
                &type=Battles";
    let (mut state, _) = decode(link);
    let notices = state.reconcile(&bundled.table);
    let text: Vec<&str> = notices.iter().map(|n| n.message.as_str()).collect();
    assert!(
        text.iter()
            .any(|t| t.contains("“file-0123456789ab”")
                && t.contains("a file opened on another device")),
        "{text:?}"
    );
    // The view falls back to what is loaded, never to an empty list.
    assert!(state.collections.is_empty());
    // The link waits for its file: which file, with its rows and fingerprint.
    let Some(pending) = PendingLink::of(link, &bundled.collection_ids()) else {
        panic!("the link's file is not missing");
    };
    let [file] = pending.missing.as_slice() else {
        panic!("{:?}", pending.missing);
    };
    let label = file.label.as_ref().map(|l| (l.name(), l.rows, l.events));
    assert_eq!(label, Some(("ACLED Syria 2023.csv", 48_211, 48_190)));
    assert_eq!(file.fingerprint().as_deref(), Some("0123456789ab"));
}

/// A reader's own UCDP export that overlaps the bundled one: each UCDP event already loaded is
/// left out of the file, with a problem naming it, so no death is counted twice.
#[test]
fn the_same_ucdp_events_in_a_readers_file_are_not_counted_twice() {
    use incident_explorer::core::date::Day;
    use incident_explorer::core::import::{ucdp, FileInfo};

    let bundled = common::catalog(&BUNDLED);
    let deaths = |catalog: &Catalog| -> u64 {
        catalog
            .table
            .deaths_best
            .iter()
            .map(|&d| u64::from(d))
            .sum()
    };
    let csv = std::fs::read("data/raw/ucdp/ged_syria_2016-2019.csv")
        .unwrap_or_else(|error| panic!("{error}"));
    let shapes = ucdp::governorate_shapes().unwrap_or_else(|error| panic!("{error}"));
    let source = FileInfo {
        collection_id: "file-0123456789ab".into(),
        file_name: "ged.csv".into(),
        today: Day::from_ymd(2026, 11, 30).unwrap_or_else(|error| panic!("{error}")),
    };
    let imported = ucdp::import(csv.as_slice(), &source, &shapes, &mut |_| {})
        .unwrap_or_else(|error| panic!("{error}"));
    let events = imported.dataset.events.len();
    assert!(events > 0);
    let bytes = serde_json::to_vec(&imported.dataset).unwrap_or_else(|error| panic!("{error}"));
    let loaded =
        validate::load("ged.csv", &bytes).unwrap_or_else(|problems| panic!("{problems:?}"));
    let with_file = bundled
        .adding(loaded)
        .unwrap_or_else(|message| panic!("{message}"));
    assert_eq!(with_file.table.len(), bundled.table.len());
    assert_eq!(deaths(&with_file), deaths(&bundled));
    assert_eq!(with_file.skipped_per_file.last().copied(), Some(events));
    let named = with_file
        .problems
        .iter()
        .filter(|p| p.file == "ged.csv" && p.message.contains("is loaded already"))
        .count();
    assert_eq!(named, events);
}
