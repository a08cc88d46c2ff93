#!/usr/bin/env bash
# Everything one filter change recomputes in the explorer (engine, rows, cross counts, totals,
# timeline, bars, composition, map, list page), timed in WebAssembly under Node on synthetic
# tables made from the bundled collections, before (a fresh evaluation) and after (the app's
# engine and text index), with the median of each part. Prints figures; asserts no time.
#   scripts/bench-change.sh                        # BENCH_N=100000,1000000
#   BENCH_N=100000 BENCH_ROUNDS=3 scripts/bench-change.sh
# Needs scripts/setup.sh to have run (wasm32 target, wasm-bindgen-cli).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/change-bench

cargo build --profile app --target wasm32-unknown-unknown --bin change_bench
rm -rf "$OUT" && mkdir -p "$OUT"
wasm-bindgen --target nodejs --no-typescript --out-dir "$OUT" \
  target/wasm32-unknown-unknown/app/change_bench.wasm
exec node bench/change-bench.mjs "$OUT"
