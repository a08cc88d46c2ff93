//! What opening a reader's ACLED export costs, step by step, natively: the steps the browser
//! runs when a file is opened. The reading worker reads the CSV into the model and writes the
//! collection in pieces as the rows are read; the checking worker checks the lines in the
//! buffers the reader posts, reading each event into the table's rows as it goes, then writes
//! the stored form the device keeps; the page reads that form back, merges the file with the
//! bundled collections and appends its rows to their table, a stage a step between frames
//! (the steps that hold its main thread). Here they run one after the other; in the browser
//! the two workers run at once, one on each core, and WebAssembly runs them some 1.3-2 times
//! slower (the checker's first pass over fresh memory is the slow end).
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

/// Bytes of lines the reading worker posts at once, and of its first post
/// (`src/bin/import_worker/main.rs`).
const POSTED_BYTES: usize = 4 << 20;
const FIRST_POSTED_BYTES: usize = 1 << 20;

/// `json` cut after a line break into the buffers the reading worker posts.
fn posted_buffers(json: &[u8]) -> Vec<&[u8]> {
    let mut buffers = Vec::new();
    let mut rest = json;
    while !rest.is_empty() {
        let size = if buffers.is_empty() {
            FIRST_POSTED_BYTES
        } else {
            POSTED_BYTES
        };
        let end = rest
            .get(size..)
            .and_then(|after| after.iter().position(|&b| b == b'\n'))
            .map_or(rest.len(), |at| size + at + 1);
        let (buffer, after) = rest.split_at(end);
        buffers.push(buffer);
        rest = after;
    }
    buffers
}

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

    let mut steps_timed: Vec<(&str, f64)> = Vec::new();
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
    timed(
        &mut steps_timed,
        "reading worker: CSV -> collection in pieces",
        at,
    );
    let rows_read = imported.rows_read;
    // The checking worker takes the lines in buffers as the reading worker posts them (the
    // first small, so that checking starts at once), and checks each as it comes.
    let buffers = posted_buffers(&json);
    let at = Instant::now();
    let mut coming = validate::PiecesComing::default();
    let mut header = Vec::new();
    let shares = buffers.len() as f64;
    let first = buffers.first().copied().unwrap_or_default();
    let mut steps = coming
        .start(
            &path,
            first,
            1.0 / shares,
            Arc::clone(&base.place_names),
            &mut header,
        )
        .map_err(|p| format!("{p:?}"))?;
    let mut longest = 0.0f64;
    for (at_buffer, buffer) in buffers.iter().enumerate().skip(1) {
        let step = Instant::now();
        coming
            .check_lines(&mut steps, buffer, (at_buffer + 1) as f64 / shares)
            .map_err(|p| format!("{p:?}"))?;
        longest = longest.max(step.elapsed().as_secs_f64() * 1e3);
    }
    timed(
        &mut steps_timed,
        "checking worker: lines checked and read into rows (all buffers)",
        at,
    );
    steps_timed.push(("checking worker: longest buffer", longest));
    let at = Instant::now();
    let loaded = validate::PiecesComing::finish(steps).map_err(|p| format!("{p:?}"))?;
    timed(
        &mut steps_timed,
        "checking worker: text index finished, figures checked",
        at,
    );
    let at = Instant::now();
    let stored = stored::write(&loaded);
    timed(
        &mut steps_timed,
        "checking worker: the stored form written (kept on the device)",
        at,
    );
    let at = Instant::now();
    let reopened =
        stored::read(&stored, Arc::clone(&base.place_names)).map_err(|error| error.to_string())?;
    timed(&mut steps_timed, "reopening: the stored form read back", at);
    let stored_bytes = stored.len();
    drop((stored, reopened));
    let at = Instant::now();
    let mut build = base
        .adding_in_steps(loaded)
        .map_err(|said| said.english())?;
    timed(
        &mut steps_timed,
        "page: catalog merge (before the table)",
        at,
    );
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
        &mut steps_timed,
        "page: rows left to build, and every piece appended (all steps)",
        at,
    );
    let longest = each.iter().copied().fold(0.0, f64::max);
    steps_timed.push(("page: longest of those steps", longest));
    let at = Instant::now();
    let catalog = build.finish();
    timed(&mut steps_timed, "page: finishing the catalog", at);

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
    for (name, ms) in steps_timed {
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
