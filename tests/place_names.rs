//! The Arabic names of places: the committed gazetteer file is what `dataset place-names`
//! writes today, its names agree with the curated gazetteer's Arabic spellings and the
//! governorates' OCHA names, and the bundled collections' places find Arabic names.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;

use incident_explorer::core::catalog::CatalogBuild;
use incident_explorer::core::facet::Facet;
use incident_explorer::core::model::{Dataset, LocationPrecision};
use incident_explorer::core::place_names::PlaceNames;
use incident_explorer::core::search::{normalise, terms};
use incident_explorer::core::validate;
use incident_explorer::tools::place_names as gazetteer;

fn names() -> PlaceNames {
    let bytes =
        fs::read(gazetteer::OUTPUT).unwrap_or_else(|e| panic!("{}: {e}", gazetteer::OUTPUT));
    PlaceNames::from_json(&bytes).unwrap_or_else(|e| panic!("{e}"))
}

fn bundled(file: &str) -> Dataset {
    let bytes = fs::read(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    validate::load(file, &bytes)
        .unwrap_or_else(|problems| panic!("{problems:?}"))
        .dataset
}

#[test]
fn the_committed_file_is_current() {
    let file = gazetteer::build(Path::new(".")).unwrap_or_else(|e| panic!("{e}"));
    let bytes = gazetteer::to_bytes(&file).unwrap_or_else(|e| panic!("{e}"));
    let committed = fs::read(gazetteer::OUTPUT).unwrap_or_default();
    assert!(
        committed == bytes,
        "{} is stale: run `cargo run --bin dataset -- place-names`",
        gazetteer::OUTPUT
    );
    assert!(file.places.len() > 1000, "{} places", file.places.len());
}

/// Each governorate, named as the polygons' English names give it, has the polygons' Arabic
/// name, wherever the point.
#[test]
fn governorates_have_their_ocha_arabic_names() {
    let names = names();
    let text = fs::read_to_string(gazetteer::GOVERNORATES).unwrap_or_default();
    let root: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let features = root["features"].as_array().cloned().unwrap_or_default();
    assert_eq!(features.len(), 14);
    for feature in features {
        let english = feature["properties"]["name"].as_str().unwrap_or_default();
        let arabic = feature["properties"]["name_ar"]
            .as_str()
            .unwrap_or_default();
        let found = names.arabic(
            &format!("{english} governorate"),
            LocationPrecision::Exact,
            Some((35.0, 38.0)),
        );
        assert_eq!(found.map(|f| f.name), Some(arabic), "{english}");
    }
}

/// The curated places (`data/geo/places.csv`) whose GeoNames alternate names hold Arabic: at
/// their coordinates, their name finds one of those Arabic spellings.
#[test]
fn curated_places_find_one_of_their_own_arabic_spellings() {
    let mut reader =
        csv::Reader::from_path("data/geo/places.csv").unwrap_or_else(|e| panic!("{e}"));
    let names = names();
    let mut checked = 0;
    let mut found = 0;
    let mut missed = Vec::new();
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{e}"));
        let (name, alternates) = (&record[0], &record[1]);
        let (Ok(lat), Ok(lon)) = (record[2].parse::<f64>(), record[3].parse::<f64>()) else {
            continue;
        };
        let arabic: Vec<String> = alternates
            .split(';')
            .map(str::trim)
            .filter(|a| a.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)))
            .map(normalise)
            .collect();
        if arabic.is_empty() || &record[9] != "exact" {
            continue;
        }
        checked += 1;
        if let Some(got) = names.arabic(name, LocationPrecision::Exact, Some((lat, lon))) {
            assert!(
                arabic.contains(&normalise(got.name)),
                "{name}: {} is not among {arabic:?}",
                got.name
            );
            found += 1;
        } else {
            missed.push(name.to_string());
        }
    }
    assert!(checked >= 10, "only {checked} curated places to check");
    assert!(
        found * 10 >= checked * 8,
        "{found} of {checked} found; missed {missed:?}"
    );
}

/// Most UCDP events are at a place with an Arabic name; the shares are printed for the record
/// (`cargo test -- --nocapture`). The curated reports name many places by description
/// ("northern suburbs of Hama", "northwest Syria"), which no gazetteer holds.
#[test]
fn most_bundled_events_have_an_arabic_place_name() {
    let names = names();
    for file in ["public/data/curated.json", "public/data/ucdp.json"] {
        let dataset = bundled(file);
        let named = dataset
            .events
            .to_vec()
            .iter()
            .filter(|event| {
                event.places.first().is_some_and(|place| {
                    let at = place.lat.zip(place.lon);
                    names.arabic(&place.name, place.precision, at).is_some()
                })
            })
            .count();
        let all = dataset.events.len();
        println!("{file}: {named} of {all} events at a place with an Arabic name");
        if file.ends_with("ucdp.json") {
            assert!(named * 2 > all, "{file}: only {named} of {all}");
        }
    }
}

/// A place typed in Arabic finds the events at it: for the ten Arabic names most events are
/// at, searching the name finds every such event, and the events at Aleppo city are found by
/// "حلب" as by "Aleppo".
#[test]
fn search_finds_a_place_typed_in_either_script() {
    let loaded: Vec<validate::Loaded> = ["public/data/curated.json", "public/data/ucdp.json"]
        .iter()
        .map(|file| {
            let bytes = fs::read(file).unwrap_or_else(|e| panic!("{file}: {e}"));
            validate::load(file, &bytes).unwrap_or_else(|p| panic!("{p:?}"))
        })
        .collect();
    let catalog = CatalogBuild::new(loaded)
        .with_place_names(Arc::new(names()))
        .run();
    let mut at: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for row in 0..catalog.table.len() {
        let Some(event) = catalog.event(row) else {
            continue;
        };
        for place in &event.places {
            let found =
                catalog
                    .place_names
                    .arabic(&place.name, place.precision, place.lat.zip(place.lon));
            if let Some(found) = found {
                at.entry(found.name.to_string()).or_default().push(row);
            }
        }
    }
    let mut most: Vec<(&String, &Vec<usize>)> = at.iter().collect();
    most.sort_by_key(|(_, rows)| std::cmp::Reverse(rows.len()));
    assert!(most.len() >= 10);
    for (name, rows) in most.iter().take(10) {
        let found = catalog
            .table
            .rows_with_text(&terms(name))
            .unwrap_or_else(|| panic!("no text index"));
        for &row in rows.iter() {
            assert!(found.contains(row), "{name}: row {row} not found");
        }
    }
    let aleppo = at.get("حلب").cloned().unwrap_or_default();
    assert!(!aleppo.is_empty(), "no event at a place called حلب");
    let by_latin = catalog.table.rows_with_text(&terms("Aleppo"));
    let by_arabic = catalog.table.rows_with_text(&terms("حلب"));
    for row in aleppo {
        assert!(by_arabic.as_ref().is_some_and(|r| r.contains(row)));
        assert!(by_latin.as_ref().is_some_and(|r| r.contains(row)));
    }
}

/// The places filter lists each place by the Arabic name the gazetteer gives the first place of
/// that name in the data, and knows which have none (shown by the source's spelling).
#[test]
fn the_places_filter_knows_each_places_arabic_name() {
    let file = "public/data/curated.json";
    let bytes = fs::read(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let loaded = validate::load(file, &bytes).unwrap_or_else(|p| panic!("{p:?}"));
    let catalog = CatalogBuild::new(vec![loaded])
        .with_place_names(Arc::new(names()))
        .run();
    let facet = &catalog.table.facets[Facet::Place.index()];
    let mut expected: BTreeMap<String, Option<String>> = BTreeMap::new();
    for row in 0..catalog.table.len() {
        let Some(event) = catalog.event(row) else {
            continue;
        };
        for place in &event.places {
            let name = place.name.trim();
            if name.is_empty() || expected.contains_key(name) {
                continue;
            }
            let arabic = catalog
                .place_names
                .arabic(&place.name, place.precision, place.lat.zip(place.lon))
                .map(|found| found.name.to_string());
            expected.insert(name.to_string(), arabic);
        }
    }
    assert!(
        expected.values().any(Option::is_some),
        "no place with an Arabic name"
    );
    assert!(
        expected.values().any(Option::is_none),
        "every place has an Arabic name"
    );
    for (name, arabic) in &expected {
        let id = facet
            .dictionary
            .id(name)
            .unwrap_or_else(|| panic!("{name} is not an option"));
        let listed = facet.arabic.get(id as usize).cloned().flatten();
        assert_eq!(listed.as_deref(), arabic.as_deref(), "{name}");
    }
}
