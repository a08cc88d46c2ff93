//! Checks of the curated collection against the words of its reports: every quote is verbatim in
//! the cited report, every number appears in its own quote as the report writes it, coordinates
//! come from the gazetteer and fall inside Syria, and the committed bundle is current.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use incident_explorer::core::geo::Polygons;
use incident_explorer::core::model::{Citation, Dataset};
use incident_explorer::core::validate;
use incident_explorer::tools::curated::{self, normalise_whitespace};

fn curated() -> Dataset {
    curated::build(Path::new("data/curated")).unwrap_or_else(|error| panic!("{error}"))
}

fn source_texts(dataset: &Dataset) -> HashMap<String, String> {
    dataset
        .sources
        .iter()
        .map(|source| {
            let file = source
                .file
                .clone()
                .unwrap_or_else(|| panic!("source {} has no file", source.id));
            let text = fs::read_to_string(&file).unwrap_or_else(|error| panic!("{file}: {error}"));
            (source.id.clone(), normalise_whitespace(&text))
        })
        .collect()
}

fn all_citations(dataset: &Dataset) -> Vec<(String, Citation)> {
    let events = dataset.events.iter().flat_map(|event| {
        let id = event.id;
        event.citations.into_iter().map(move |c| (id.clone(), c))
    });
    let figures = dataset
        .figures
        .iter()
        .flat_map(|f| f.citations.iter().map(move |c| (f.id.clone(), c.clone())));
    events.chain(figures).collect()
}

#[test]
fn every_quote_is_verbatim_in_its_source() {
    let dataset = curated();
    let texts = source_texts(&dataset);
    let mut failures = Vec::new();
    for (record, citation) in all_citations(&dataset) {
        let Some(text) = texts.get(&citation.source) else {
            failures.push(format!("{record}: unknown source {}", citation.source));
            continue;
        };
        if !text.contains(&normalise_whitespace(&citation.quote)) {
            failures.push(format!(
                "{record}: quote not in {}: {}",
                citation.source, citation.quote
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        dataset.events.len() >= 40,
        "the five reports document dozens of events"
    );
}

/// The ways a report may write `value`: "5,233", "5233", "2.3 million", "eight", "no".
fn written_forms(value: u64) -> Vec<String> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let mut forms = vec![value.to_string(), grouped(value)];
    if let Some(word) = WORDS.get(value as usize) {
        forms.push((*word).to_string());
    }
    match value {
        0 => forms.extend(["no".to_string(), "none".to_string()]),
        1 => forms.extend(["a".to_string(), "an".to_string()]),
        _ => {}
    }
    for (scale, name) in [(1_000_000, "million"), (1_000, "thousand")] {
        if value >= scale && value.is_multiple_of(scale / 10) {
            let whole = value / scale;
            let tenth = (value % scale) / (scale / 10);
            forms.push(if tenth == 0 {
                format!("{whole} {name}")
            } else {
                format!("{whole}.{tenth} {name}")
            });
        }
    }
    forms
}

fn grouped(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Whether `form` stands in `quote` as a whole word or number (so 15 is not found in 150).
fn contains_word(quote: &str, form: &str) -> bool {
    let quote = quote.to_lowercase();
    let form = form.to_lowercase();
    quote.match_indices(&form).any(|(start, _)| {
        let before = quote[..start].chars().next_back();
        let after = quote[start + form.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        // "5,233" must not match inside "15,233"; a trailing ",000" would change the number.
        let after_ok = boundary(after) && !quote[start + form.len()..].starts_with(",0");
        boundary(before) && after_ok
    })
}

#[test]
fn every_number_appears_in_its_own_quote() {
    let dataset = curated();
    let mut failures = Vec::new();
    let mut check = |record: &str, what: &str, value: u64, citations: &[Citation]| {
        let forms = written_forms(value);
        let found = citations.iter().any(|c| {
            forms
                .iter()
                .any(|form| contains_word(&normalise_whitespace(&c.quote), form))
        });
        if !found {
            failures.push(format!(
                "{record}: {what} {value} is not written in its quotes (looked for {forms:?})"
            ));
        }
    };
    let mut numbers = 0;
    for figure in &dataset.figures {
        if let Some(value) = figure.value.value {
            check(&figure.id, "value", value, &figure.citations);
            numbers += 1;
        }
    }
    for event in &dataset.events.to_vec() {
        if let Some(value) = event.count.as_ref().and_then(|count| count.value) {
            check(&event.id, "count", value, &event.citations);
            numbers += 1;
        }
        for casualty in &event.casualties {
            for value in [casualty.low, casualty.best, casualty.high]
                .into_iter()
                .flatten()
            {
                check(&event.id, casualty.group.id(), value, &event.citations);
                numbers += 1;
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        numbers > 80,
        "expected the reports' numbers to be recorded, found {numbers}"
    );
}

#[test]
fn wordings_are_the_reports_words() {
    // A wording is shown to users as the source's own words, so it must be in the quote.
    let dataset = curated();
    let texts = source_texts(&dataset);
    let mut failures = Vec::new();
    let in_sources = |wording: &str| {
        let wording = normalise_whitespace(wording).to_lowercase();
        texts
            .values()
            .any(|text| text.to_lowercase().contains(&wording))
    };
    for event in &dataset.events.to_vec() {
        let wordings = event
            .casualties
            .iter()
            .filter_map(|c| c.wording.as_deref())
            .chain(event.count.as_ref().and_then(|c| c.wording.as_deref()));
        for wording in wordings {
            if !in_sources(wording) {
                failures.push(format!(
                    "{}: wording “{wording}” is not in the reports",
                    event.id
                ));
            }
        }
    }
    for figure in &dataset.figures {
        if let Some(wording) = &figure.value.wording {
            if !in_sources(wording) {
                failures.push(format!(
                    "{}: wording “{wording}” is not in the reports",
                    figure.id
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn ids_are_unique_and_records_pass_validation() {
    let dataset = curated();
    let mut seen = HashSet::new();
    for id in dataset
        .events
        .to_vec()
        .iter()
        .map(|e| &e.id)
        .chain(dataset.figures.iter().map(|f| &f.id))
    {
        assert!(seen.insert(id.clone()), "duplicate id {id}");
        assert!(
            id.starts_with("curated:"),
            "{id} lacks the collection prefix"
        );
    }
    let bytes = curated::to_bundle(&dataset).unwrap_or_default();
    let loaded =
        validate::load("curated.json", &bytes).unwrap_or_else(|problems| panic!("{problems:?}"));
    let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(loaded.skipped, 0);
    for figure in &dataset.figures {
        if let Some(parent) = &figure.part_of {
            assert!(
                dataset.figures.iter().any(|f| &f.id == parent),
                "{}: part_of {parent} does not exist",
                figure.id
            );
        }
    }
}

/// Gazetteer rows by id: places.csv and the three extracts.
fn gazetteer() -> HashMap<String, (f64, f64)> {
    let mut rows = HashMap::new();
    let mut reader =
        csv::Reader::from_path("data/geo/places.csv").unwrap_or_else(|e| panic!("{e}"));
    for record in reader.records().flatten() {
        let (Some(lat), Some(lon), Some(ids)) = (record.get(2), record.get(3), record.get(7))
        else {
            continue;
        };
        let (Ok(lat), Ok(lon)) = (lat.parse::<f64>(), lon.parse::<f64>()) else {
            continue;
        };
        for id in ids.split(';') {
            rows.insert(id.trim().to_string(), (lat, lon));
        }
    }
    let tsv = |path: &str,
               id_col: usize,
               lat_col: usize,
               lon_col: usize,
               prefix: &str,
               rows: &mut HashMap<String, (f64, f64)>| {
        let text = fs::read_to_string(path).unwrap_or_default();
        for line in text.lines() {
            let cells: Vec<&str> = line.split('\t').collect();
            let (Some(id), Some(lat), Some(lon)) =
                (cells.get(id_col), cells.get(lat_col), cells.get(lon_col))
            else {
                continue;
            };
            if let (Ok(lat), Ok(lon)) = (lat.parse::<f64>(), lon.parse::<f64>()) {
                rows.entry(format!("{prefix}{id}")).or_insert((lat, lon));
            }
        }
    };
    tsv(
        "data/geo/gazetteer/geonames_cities500_sy.tsv",
        0,
        4,
        5,
        "geonames:",
        &mut rows,
    );
    tsv(
        "data/geo/gazetteer/whosonfirst_sy_places.tsv",
        0,
        5,
        6,
        "wof:",
        &mut rows,
    );
    let airports = fs::read_to_string("data/geo/gazetteer/airportsdata_sy.csv").unwrap_or_default();
    let mut reader = csv::Reader::from_reader(airports.as_bytes());
    let headers = reader.headers().cloned().unwrap_or_default();
    let column = |name: &str| headers.iter().position(|h| h == name);
    if let (Some(icao), Some(lat), Some(lon)) = (column("icao"), column("lat"), column("lon")) {
        for record in reader.records().flatten() {
            if let (Some(id), Some(Ok(lat)), Some(Ok(lon))) = (
                record.get(icao),
                record.get(lat).map(str::parse::<f64>),
                record.get(lon).map(str::parse::<f64>),
            ) {
                rows.insert(format!("icao:{id}"), (lat, lon));
            }
        }
    }
    rows
}

#[test]
fn coordinates_come_from_the_gazetteer_and_lie_in_syria() {
    let dataset = curated();
    let gazetteer = gazetteer();
    let outline = Polygons::from_geojson_file(Path::new("data/geo/syria_outline.geojson"))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut located = 0;
    for event in &dataset.events.to_vec() {
        for place in &event.places {
            match (place.lat, place.lon) {
                (Some(lat), Some(lon)) => {
                    located += 1;
                    let id = place.gazetteer.as_deref().unwrap_or_else(|| {
                        panic!(
                            "{}: {} has coordinates but no gazetteer id",
                            event.id, place.name
                        )
                    });
                    let (glat, glon) = gazetteer
                        .get(id)
                        .copied()
                        .unwrap_or_else(|| panic!("{}: gazetteer id {id} not found", event.id));
                    assert!(
                        (glat - lat).abs() < 1e-4 && (glon - lon).abs() < 1e-4,
                        "{}: {} is not at {id}'s coordinates",
                        event.id,
                        place.name
                    );
                    // Two gazetteer points sit a few hundred metres outside the simplified outline.
                    assert!(
                        outline.distance_outside(lon, lat) < 0.01,
                        "{}: {} lies outside Syria",
                        event.id,
                        place.name
                    );
                }
                (None, None) => {}
                _ => panic!("{}: {} has only one coordinate", event.id, place.name),
            }
        }
    }
    assert!(
        located >= 10,
        "expected gazetteer points for the named villages, found {located}"
    );
}

#[test]
fn the_committed_bundle_is_current() {
    let expected = curated::to_bundle(&curated()).unwrap_or_default();
    let committed = fs::read("public/data/curated.json").unwrap_or_default();
    assert!(
        committed == expected,
        "public/data/curated.json is stale: run `cargo run --bin dataset -- build`"
    );
}

#[test]
fn the_published_schema_is_current() {
    let schema = schemars::schema_for!(Dataset);
    let mut expected = serde_json::to_vec_pretty(&schema).unwrap_or_default();
    expected.push(b'\n');
    let committed = fs::read("docs/dataset.schema.json").unwrap_or_default();
    assert!(
        committed == expected,
        "docs/dataset.schema.json is stale: run `cargo run --bin dataset -- schema`"
    );
}
