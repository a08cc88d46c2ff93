//! Builds the curated collection from its authoring files, one per source report.
//!
//! Each `data/curated/<report>.json` holds the report's `source`, its `events` and its reported
//! `figures`, written by hand from the report text in `data/sources/`. The build merges them in
//! file-name order under one collection header, so the bundle the app loads is reproducible and a
//! test can tell when the committed copy is stale.

use std::fs;
use std::path::Path;

use serde::Deserialize;

use crate::core::model::{Collection, Dataset, Event, ReportedFigure, Source, SCHEMA_VERSION};
use crate::core::records::Records;

/// One authoring file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authoring {
    pub source: Source,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub figures: Vec<ReportedFigure>,
}

pub fn collection_header() -> Collection {
    Collection {
        id: "curated".into(),
        name: "Curated reports (SOHR, SNHR, Al Jazeera)".into(),
        description: "Every incident and every reported figure in five reports by the Syrian \
            Observatory for Human Rights, the Syrian Network for Human Rights and Al Jazeera, \
            each with a verbatim quote from its report. Figures are as reported; sources disagree."
            .into(),
        version: None,
        license: None,
        attribution: vec![
            "Place coordinates: GeoNames (www.geonames.org), CC BY 4.0, partly via Who's On First; airfields: airportsdata (MIT).".into(),
        ],
        citations: Vec::new(),
    }
}

/// Reads every `*.json` in `dir`, in file-name order, into one collection.
pub fn build(dir: &Path) -> Result<Dataset, String> {
    let mut paths: Vec<_> = fs::read_dir(dir)
        .map_err(|error| format!("{}: {error}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    let mut dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        collection: collection_header(),
        sources: Vec::new(),
        parties: Vec::new(),
        dyads: Vec::new(),
        events: Records::default(),
        figures: Vec::new(),
    };
    for path in paths {
        let text =
            fs::read_to_string(&path).map_err(|error| format!("{}: {error}", path.display()))?;
        let authoring: Authoring =
            serde_json::from_str(&text).map_err(|error| format!("{}: {error}", path.display()))?;
        dataset.sources.push(authoring.source);
        dataset.events.extend(authoring.events);
        dataset.figures.extend(authoring.figures);
    }
    Ok(dataset)
}

/// The bundled file's bytes: compact JSON and a trailing newline.
pub fn to_bundle(dataset: &Dataset) -> Result<Vec<u8>, String> {
    let mut bytes = serde_json::to_vec(dataset).map_err(|error| error.to_string())?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Collapses every run of whitespace (including no-break spaces) to one space, so a quote can
/// be matched against text whose line breaks differ.
pub fn normalise_whitespace(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
