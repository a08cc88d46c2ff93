//! What opening a reader's ACLED export costs, step by step, natively: the steps the browser
//! runs when a file is opened (in the import worker: reading the CSV into the model and writing
//! the collection's JSON; on the page: validating that JSON and building the catalog beside the
//! bundled collections). The page's steps are the ones that hold its main thread. WebAssembly
//! in the browser runs these some 2-3 times slower.
//!
//! Run: `cargo run --release --example open_file_steps [ACLED.csv]` (default:
//! `target/synth-acled-100000.csv`, written by `dataset synth 100000 --format acled --seed 1`).
//! Prints figures; asserts nothing.

use std::time::Instant;

use incident_explorer::core::catalog::Catalog;
use incident_explorer::core::date::Day;
use incident_explorer::core::import::{acled, FileInfo};
use incident_explorer::core::validate;

const BUNDLED: [&str; 2] = ["public/data/curated.json", "public/data/ucdp.json"];

fn main() -> Result<(), String> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/synth-acled-100000.csv".to_string());
    let csv = std::fs::read(&path).map_err(|error| format!("{path}: {error}"))?;
    let bundled = BUNDLED
        .iter()
        .map(|file| {
            let bytes = std::fs::read(file).map_err(|error| format!("{file}: {error}"))?;
            validate::load(file, &bytes).map_err(|problems| format!("{problems:?}"))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let base = Catalog::new(bundled);

    let mut steps: Vec<(&str, f64)> = Vec::new();
    let mut timed = |name, since: Instant| steps.push((name, since.elapsed().as_secs_f64() * 1e3));

    let at = Instant::now();
    let source = FileInfo {
        collection_id: "file-0123456789ab".into(),
        file_name: path.clone(),
        today: Day::from_ymd(2026, 11, 30).map_err(|error| error.to_string())?,
    };
    let imported =
        acled::import(csv.as_slice(), &source, &mut |_| {}).map_err(|error| error.to_string())?;
    timed("worker: CSV -> model", at);
    let at = Instant::now();
    let json = serde_json::to_vec(&imported.dataset).map_err(|error| error.to_string())?;
    timed("worker: model -> JSON", at);
    let at = Instant::now();
    let loaded = validate::load(&path, &json).map_err(|problems| format!("{problems:?}"))?;
    timed("page: JSON -> validated model", at);
    let at = Instant::now();
    let catalog = base.adding(loaded)?;
    timed("page: catalog with the file", at);

    println!(
        "{path}: {} rows, {:.1} MB of CSV, {:.1} MB of JSON; {} events in the catalog",
        imported.rows_read,
        csv.len() as f64 / 1e6,
        json.len() as f64 / 1e6,
        catalog.table.len()
    );
    println!("| step | ms |\n|---|---|");
    for (name, ms) in steps {
        println!("| {name} | {ms:.0} |");
    }
    Ok(())
}
