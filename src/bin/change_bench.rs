//! Everything one filter change recomputes in the explorer, timed in WebAssembly: a thin
//! wasm-bindgen wrapper over [`incident_explorer::change_bench`], the same code the native
//! example `engine_bench` runs. `scripts/bench-change.sh` builds it for Node and runs
//! `bench/change-bench.mjs`, which hands it the bundled collections' bytes and prints each
//! line as it comes. On other targets this program does nothing.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    use incident_explorer::change_bench;
    use incident_explorer::core::validate;

    #[wasm_bindgen]
    extern "C" {
        /// The host's monotonic clock in milliseconds (`performance.now()`).
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        fn performance_now() -> f64;
    }

    /// Loads the bundled collections from their bytes, then times every scene `rounds` times
    /// at each size of `sizes` (comma-separated row counts), calling `say` with each line.
    ///
    /// # Errors
    /// A collection that does not load, a size that is not a number, or before and after
    /// disagreeing on a change.
    #[wasm_bindgen]
    pub fn run(
        curated: &[u8],
        ucdp: &[u8],
        sizes: &str,
        rounds: usize,
        say: &js_sys::Function,
    ) -> Result<(), JsError> {
        let mut loaded = Vec::new();
        for (name, bytes) in [("curated.json", curated), ("ucdp.json", ucdp)] {
            let dataset = validate::load(name, bytes).map_err(|problems| {
                JsError::new(&format!("{name}: {} problems", problems.len()))
            })?;
            loaded.push(dataset);
        }
        let base = change_bench::base_table(loaded);
        let sizes: Vec<usize> = sizes
            .split(',')
            .map(|size| size.trim().parse::<usize>())
            .collect::<Result<_, _>>()
            .map_err(|e| JsError::new(&format!("BENCH_N {sizes}: {e}")))?;
        let mut say_line = |line: String| {
            // A printing failure loses a line of output, not the measurement.
            let _ = say.call1(&JsValue::NULL, &JsValue::from_str(&line));
        };
        change_bench::run(&base, &sizes, rounds, &performance_now, &mut say_line)
            .map_err(|e| JsError::new(&e))
    }
}

fn main() {}
