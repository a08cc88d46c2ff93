//! Everything one filter change recomputes in the explorer, timed natively on synthetic tables
//! of 100k and 1M events made from the bundled collections, before (a fresh evaluation, text
//! search scanning every row) and after (the engine and the text index, as the app runs), in
//! one run; both must agree on every change. It prints figures; nothing asserts a time.
//!
//! `cargo run --release --example engine_bench [ROWS...]` (default: 100000 1000000). The same
//! scenes run in WebAssembly with `scripts/bench-change.sh`; see
//! `incident_explorer::change_bench`.

use std::fs;
use std::time::Instant;

use incident_explorer::change_bench;
use incident_explorer::core::validate;

const BUNDLED: [&str; 2] = ["public/data/curated.json", "public/data/ucdp.json"];

fn main() -> Result<(), String> {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().map_err(|e| format!("{a}: {e}")))
        .collect::<Result<_, _>>()?;
    let sizes = if sizes.is_empty() {
        vec![100_000, 1_000_000]
    } else {
        sizes
    };
    let mut loaded = Vec::new();
    for path in BUNDLED {
        let bytes = fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        loaded.push(validate::load(path, &bytes).map_err(|p| format!("{path}: {p:?}"))?);
    }
    let base = change_bench::base_table(loaded);
    let clock = Instant::now();
    let now = || clock.elapsed().as_secs_f64() * 1e3;
    change_bench::run(&base, &sizes, 5, &now, &mut |line| println!("{line}"))
}
