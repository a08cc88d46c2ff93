//! A table appended to is the table built at once: a collection's rows built apart (as the page
//! builds them while it checks a file the reader opened) and appended to the catalog's table
//! give exactly the table built over every collection, with the same rows, columns, facet ids,
//! words and search results. So adding a file never decodes the loaded collections again, nor
//! the file's records a second time.

mod common;

use std::fs;
use std::sync::Arc;

use common::BUNDLED;

use incident_explorer::core::catalog::{Catalog, CatalogBuild};
use incident_explorer::core::facet::Facet;
use incident_explorer::core::place_names::PlaceNames;
use incident_explorer::core::search::terms;
use incident_explorer::core::table::{EventTable, TableBuilder};
use incident_explorer::core::validate::{self, write_in_pieces, LoadSteps, Loaded};
use incident_explorer::tools::place_names as gazetteer;

fn names() -> Arc<PlaceNames> {
    let bytes =
        fs::read(gazetteer::OUTPUT).unwrap_or_else(|e| panic!("{}: {e}", gazetteer::OUTPUT));
    Arc::new(PlaceNames::from_json(&bytes).unwrap_or_else(|e| panic!("{e}")))
}

/// Panics naming the first column in which `left` and `right` differ, and the first row;
/// then checks the whole tables (caches aside) are equal.
fn assert_same(left: &EventTable, right: &EventTable, what: &str) {
    // Every column named, none elided: a column added to the table does not compile here until
    // it is compared below. Sort orders are made when a list asks, not by building.
    let EventTable {
        start: _,
        end: _,
        precision: _,
        collection: _,
        publishers: _,
        kind: _,
        actors_any: _,
        actors_perpetrator: _,
        lead_actor: _,
        governorates: _,
        lat: _,
        lon: _,
        location_precision: _,
        deaths_low: _,
        deaths_best: _,
        deaths_high: _,
        civilians_killed: _,
        children_killed: _,
        women_killed: _,
        combatants_killed: _,
        flags: _,
        search_text: _,
        locations: _,
        collection_ids: _,
        text_index: _,
        facets: _,
        map_cells: _,
        sort_orders: _,
    } = left;
    macro_rules! columns {
        ($($column:ident),*) => {$(
            if left.$column != right.$column {
                let row = left.$column.iter().zip(&right.$column).position(|(a, b)| a != b);
                panic!(
                    "{what}: column {} differs ({} and {} long), first at {row:?}",
                    stringify!($column), left.$column.len(), right.$column.len()
                );
            }
        )*};
    }
    columns!(
        start,
        end,
        precision,
        collection,
        publishers,
        kind,
        actors_any,
        actors_perpetrator,
        lead_actor,
        governorates,
        location_precision,
        deaths_low,
        deaths_best,
        deaths_high,
        civilians_killed,
        children_killed,
        women_killed,
        combatants_killed,
        flags,
        search_text,
        locations,
        collection_ids
    );
    // NaN is no point: compared by bits.
    let bits = |column: &[f32]| column.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    assert!(bits(&left.lat) == bits(&right.lat), "{what}: lat differs");
    assert!(bits(&left.lon) == bits(&right.lon), "{what}: lon differs");
    for facet in Facet::ALL {
        let (a, b) = (&left.facets[facet.index()], &right.facets[facet.index()]);
        assert!(
            a.dictionary == b.dictionary,
            "{what}: {facet:?} dictionary differs"
        );
        assert!(a.any == b.any, "{what}: {facet:?} rows differ");
        assert!(
            a.perpetrator == b.perpetrator,
            "{what}: {facet:?} perpetrators differ"
        );
        assert!(a.groups == b.groups, "{what}: {facet:?} groups differ");
        assert!(
            a.arabic == b.arabic,
            "{what}: {facet:?} Arabic names differ"
        );
    }
    assert!(
        left.text_index == right.text_index,
        "{what}: text index differs"
    );
    assert!(
        left.map_cells == right.map_cells,
        "{what}: map cells differ"
    );
}

fn bytes(path: &str) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `bytes` loaded in steps, building its table as it is checked with `names`.
fn load_building(file: &str, bytes: &[u8], names: &Arc<PlaceNames>) -> Loaded {
    let mut steps = LoadSteps::start(file, bytes)
        .unwrap_or_else(|p| panic!("{p:?}"))
        .building_table(Arc::clone(names));
    while !steps.step(100).unwrap_or_else(|p| panic!("{p:?}")) {}
    steps.finish().unwrap_or_else(|p| panic!("{p:?}"))
}

fn loaded(path: &str) -> Loaded {
    validate::load(path, &bytes(path)).unwrap_or_else(|p| panic!("{p:?}"))
}

#[test]
fn the_bundled_tables_appended_are_the_table_built_at_once() {
    let names = names();
    let datasets = BUNDLED.map(|path| loaded(path).dataset);
    let whole = TableBuilder::new(&datasets)
        .with_place_names(Arc::clone(&names))
        .keeping_search_text()
        .build(&datasets);
    let mut appended = TableBuilder::new(&datasets[..1])
        .with_place_names(Arc::clone(&names))
        .keeping_search_text()
        .build(&datasets[..1]);
    let part = TableBuilder::new(&datasets[1..])
        .with_place_names(Arc::clone(&names))
        .keeping_search_text()
        .build(&datasets[1..]);
    assert!(part.len() > 10_000, "{} UCDP rows", part.len());
    appended.append(part, 1);
    assert_same(&appended, &whole, "bundled");
    // Searches read the appended index as they read the whole one.
    for query in ["a", "حلب", "idlib", "air strike", "ma", "zzzz"] {
        let found = |table: &EventTable| {
            table
                .rows_with_text(&terms(query))
                .map(|set| (0..table.len()).filter(|&r| set.contains(r)).count())
        };
        assert_eq!(found(&appended), found(&whole), "{query}");
    }
}

#[test]
fn a_table_built_while_checking_is_the_table_of_the_loaded_records() {
    let names = names();
    for path in BUNDLED {
        let whole_file = bytes(path);
        let in_pieces =
            write_in_pieces(loaded(path).dataset, 700).unwrap_or_else(|e| panic!("{e}"));
        for bytes in [&whole_file, &in_pieces] {
            let loaded = load_building(path, bytes, &names);
            let part = loaded.table.unwrap_or_else(|| panic!("{path}: no table"));
            assert!(Arc::ptr_eq(&part.place_names, &names));
            let built = TableBuilder::new(&[&loaded.dataset])
                .with_place_names(Arc::clone(&names))
                .build(&[&loaded.dataset]);
            assert_eq!(part.table.len(), loaded.dataset.events.len());
            assert_same(&part.table, &built, path);
        }
    }
}

/// The bundled catalog as the app builds it, with the gazetteer.
fn bundled_catalog(names: &Arc<PlaceNames>) -> Catalog {
    CatalogBuild::new(BUNDLED.iter().map(|path| loaded(path)).collect())
        .with_place_names(Arc::clone(names))
        .run()
}

/// The curated collection under another collection id, with its first `renamed` event ids
/// changed (`curated:` to `mine:`), as JSON bytes: those events are new to a catalog of the
/// bundled collections, the others it has already.
fn curated_renamed(renamed: usize) -> Vec<u8> {
    let mut file = common::json(BUNDLED[0]);
    file["collection"]["id"] = "file-0123456789ab".into();
    let events = file["events"]
        .as_array_mut()
        .unwrap_or_else(|| panic!("events"));
    for event in events.iter_mut().take(renamed) {
        let id = event["id"]
            .as_str()
            .unwrap_or_default()
            .replace("curated:", "mine:");
        event["id"] = id.into();
    }
    serde_json::to_vec(&file).unwrap_or_else(|e| panic!("{e}"))
}

/// The catalog of the bundled collections and `file`, every row built from the records.
fn built_at_once(names: &Arc<PlaceNames>, mut file: Loaded) -> Catalog {
    file.table = None;
    let files = BUNDLED.iter().map(|path| loaded(path)).chain([file]);
    CatalogBuild::new(files.collect())
        .with_place_names(Arc::clone(names))
        .run()
}

#[test]
fn a_file_added_with_its_table_gives_the_catalog_built_at_once() {
    let names = names();
    let base = bundled_catalog(&names);
    // The curated collection again, under another id and with its event ids changed, so
    // that every record joins: a file whose rows were built while it was checked.
    let events = common::json(BUNDLED[0])["events"]
        .as_array()
        .map_or(0, Vec::len);
    let file = curated_renamed(events);
    let opened = load_building("mine.json", &file, &names);
    assert!(opened.table.is_some());
    let added = base
        .adding(opened.clone())
        .unwrap_or_else(|e| panic!("{}", e.english()));
    let at_once = built_at_once(&names, opened.clone());
    assert_eq!(
        added.table.len(),
        base.table.len() + opened.dataset.events.len()
    );
    assert_same(&added.table, &at_once.table, "added with its table");

    // Loaded with the bundled collections (as the files kept on the device are reopened),
    // its rows are appended to theirs: the same table again.
    let reopened = CatalogBuild::new(
        BUNDLED
            .iter()
            .map(|path| loaded(path))
            .chain([opened.clone()])
            .collect(),
    )
    .with_place_names(Arc::clone(&names));
    assert_eq!(reopened.progress(), (0, at_once.table.len()));
    let reopened = reopened.run();
    assert_same(&reopened.table, &at_once.table, "loaded with its table");

    // Without its table (or with another gazetteer's), the file's rows are built from its
    // records: the same table again.
    let mut without = opened.clone();
    without.table = None;
    let other_names = load_building("mine.json", &file, &Arc::new(PlaceNames::default()));
    for opened in [without, other_names] {
        let added = base
            .adding(opened)
            .unwrap_or_else(|e| panic!("{}", e.english()));
        assert_same(&added.table, &at_once.table, "added without its table");
    }

    // A catalog without the gazetteer appends rows built without it.
    let plain = common::catalog(&BUNDLED);
    let opened = load_building("mine.json", &file, &plain.place_names);
    let added = plain
        .adding(opened.clone())
        .unwrap_or_else(|e| panic!("{}", e.english()));
    let mut without = opened;
    without.table = None;
    let files = BUNDLED.iter().map(|path| loaded(path)).chain([without]);
    assert_same(
        &added.table,
        &Catalog::new(files.collect()).table,
        "added without a gazetteer",
    );
}

#[test]
fn a_file_sharing_events_with_a_loaded_collection_gets_its_rows_built_again() {
    let names = names();
    let base = bundled_catalog(&names);
    // The curated collection under another id: every event id is loaded already, so every
    // record is left out, and the rows built while checking no longer fit.
    let kept = common::json(BUNDLED[0])["events"]
        .as_array()
        .map_or(0, Vec::len)
        / 2;
    let file = curated_renamed(kept);
    let opened = load_building("mine.json", &file, &names);
    assert!(opened.table.is_some());
    let added = base
        .adding(opened.clone())
        .unwrap_or_else(|e| panic!("{}", e.english()));
    let at_once = built_at_once(&names, opened);
    assert_eq!(added.table.len(), base.table.len() + kept);
    assert_same(&added.table, &at_once.table, "added with records left out");
}
