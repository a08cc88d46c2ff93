//! What opening a reader's ACLED export costs, step by step, natively: the steps the browser
//! runs when a file is opened (in the import worker: reading the CSV into the model and writing
//! the collection in pieces as the rows are read; on the page: checking it and reading each event into the table's
//! rows, in steps between frames, merging it with the bundled collections, and appending its
//! rows to their table, a stage a step; and the stored form the device keeps, written and
//! read back). The page's steps are the ones that hold its main
//! thread. WebAssembly in the browser runs these some 2-3 times slower.
//!
//! Run: `cargo run --release --example open_file_steps [ACLED.csv]` (default:
//! `target/synth-acled-100000.csv`, written by `dataset synth 100000 --format acled --seed 1`).
//! Prints figures; asserts nothing.

use std::time::Instant;

use std::sync::Arc;

use incident_explorer::core::catalog::CatalogBuild;
use incident_explorer::core::date::Day;
use incident_explorer::core::import::{acled, FileInfo};
use incident_explorer::core::place_names::PlaceNames;
use incident_explorer::core::{stored, validate};
use incident_explorer::tools::place_names as gazetteer;

/// Events per step, as the page takes them between looks at the clock.
const PER_STEP: usize = 64;

/// Events per piece, as the import worker writes them.
const WORKER_PER_PIECE: usize = 200;

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
    let names = std::fs::read(gazetteer::OUTPUT)
        .map_err(|error| format!("{}: {error}", gazetteer::OUTPUT))
        .and_then(|bytes| PlaceNames::from_json(&bytes).map_err(|error| error.to_string()))?;
    let base = CatalogBuild::new(bundled)
        .with_place_names(Arc::new(names))
        .run();

    let mut steps: Vec<(&str, f64)> = Vec::new();
    let timed = |steps: &mut Vec<(&str, f64)>, name, since: Instant| {
        steps.push((name, since.elapsed().as_secs_f64() * 1e3))
    };

    let at = Instant::now();
    let source = FileInfo {
        collection_id: "file-0123456789ab".into(),
        file_name: path.clone(),
        today: Day::from_ymd(2026, 11, 30).map_err(|error| error.to_string())?,
    };
    // The worker writes the collection in pieces as it reads the rows (the page checks them
    // meanwhile, on the other core; here one after the other).
    let mut json = Vec::new();
    let mut put = |line: &[u8]| json.extend_from_slice(line);
    let mut pieces = validate::PieceWriter::new(WORKER_PER_PIECE, &mut put);
    let imported = acled::import_in_pieces(csv.as_slice(), &source, &mut |_| {}, &mut pieces)
        .map_err(|error| error.to_string())?;
    pieces.finish().map_err(|error| error.to_string())?;
    timed(&mut steps, "worker: CSV -> collection in pieces", at);
    let rows_read = imported.rows_read;
    let at = Instant::now();
    let mut load = validate::LoadSteps::start(&path, &json)
        .map_err(|p| format!("{p:?}"))?
        .building_table(Arc::clone(&base.place_names));
    timed(&mut steps, "page: header", at);
    let at = Instant::now();
    let mut longest = 0.0f64;
    loop {
        let step = Instant::now();
        let done = load.step(PER_STEP).map_err(|p| format!("{p:?}"))?;
        longest = longest.max(step.elapsed().as_secs_f64() * 1e3);
        if done {
            break;
        }
    }
    timed(
        &mut steps,
        "page: events checked and read into rows (all steps)",
        at,
    );
    steps.push(("page: longest step of checking", longest));
    let at = Instant::now();
    load.finish_words();
    timed(&mut steps, "page: the rows' text index finished", at);
    let at = Instant::now();
    let loaded = load.finish().map_err(|p| format!("{p:?}"))?;
    timed(
        &mut steps,
        "page: figures checked, the file's rows finished",
        at,
    );
    let at = Instant::now();
    let stored = stored::write(&loaded);
    timed(
        &mut steps,
        "page: the stored form written (kept on the device)",
        at,
    );
    let at = Instant::now();
    let reopened =
        stored::read(&stored, Arc::clone(&base.place_names)).map_err(|error| error.to_string())?;
    timed(&mut steps, "reopening: the stored form read back", at);
    let stored_bytes = stored.len();
    drop((stored, reopened));
    let at = Instant::now();
    let mut build = base
        .adding_in_steps(loaded)
        .map_err(|said| said.english())?;
    timed(&mut steps, "page: catalog merge (before the table)", at);
    let at = Instant::now();
    let mut each = Vec::new();
    loop {
        let step = Instant::now();
        let done = build.step(PER_STEP);
        each.push(step.elapsed().as_secs_f64() * 1e3);
        if done {
            break;
        }
    }
    timed(
        &mut steps,
        "page: rows left to build, and every piece appended (all steps)",
        at,
    );
    let longest = each.iter().copied().fold(0.0, f64::max);
    steps.push(("page: longest of those steps", longest));
    let at = Instant::now();
    let catalog = build.finish();
    timed(&mut steps, "page: finishing the catalog", at);

    println!(
        "{path}: {} rows, {:.1} MB of CSV, {:.1} MB of JSON, {:.1} MB stored; {} events in the \
         catalog",
        rows_read,
        csv.len() as f64 / 1e6,
        json.len() as f64 / 1e6,
        stored_bytes as f64 / 1e6,
        catalog.table.len()
    );
    println!("| step | ms |\n|---|---|");
    for (name, ms) in steps {
        println!("| {name} | {ms:.0} |");
    }
    let slow: Vec<String> = each
        .iter()
        .filter(|&&ms| ms >= 1.0)
        .map(|ms| format!("{ms:.0}"))
        .collect();
    println!(
        "Steps of the catalog build of 1 ms or more, in order (ms): {}",
        slow.join(", ")
    );
    Ok(())
}
