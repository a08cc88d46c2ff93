//! Helpers shared by the integration tests that read the bundled collection files: the files
//! as plain JSON (for expected figures computed apart from the model) and as a loaded catalog.

use std::fs;

use serde_json::Value as Json;

use incident_explorer::core::catalog::Catalog;
use incident_explorer::core::validate;

/// The bundled collections, in the order the app loads them.
pub const BUNDLED: [&str; 2] = ["public/data/curated.json", "public/data/ucdp.json"];

/// A file read as plain JSON; panics with the path when it cannot be.
pub fn json(path: &str) -> Json {
    let text = fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The files loaded and validated as the app loads them; panics when one is refused.
pub fn catalog(paths: &[&str]) -> Catalog {
    let loaded = paths
        .iter()
        .map(|path| {
            let bytes = fs::read(path).unwrap_or_else(|error| panic!("{path}: {error}"));
            validate::load(path, &bytes).unwrap_or_else(|problems| panic!("{problems:?}"))
        })
        .collect();
    Catalog::new(loaded)
}
