#!/usr/bin/env bash
# Builds the explorer's engine as a page of the shared filtering benchmark and runs it beside
# crossfilter2 in one run (100k and 1M synthetic incidents, 200 ops, checksums checked against
# the reference for every op). Prints the benchmark's table; asserts no time.
#   scripts/bench-engine.sh            # both engines, BENCH_N=100000,1000000
#   BENCH_N=100000 OPS_SEED=7 scripts/bench-engine.sh
# Needs scripts/setup.sh to have run (wasm32 target, wasm-bindgen-cli) and the benchmark at
# ../shared/bench (BENCH_DIR to point elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR="${BENCH_DIR:-../shared/bench}"
OUT=target/bench-engine

cargo build --profile app --target wasm32-unknown-unknown --bin bench_engine
rm -rf "$OUT" && mkdir -p "$OUT"
wasm-bindgen --target web --no-typescript --out-dir "$OUT/pkg" \
  target/wasm32-unknown-unknown/app/bench_engine.wasm
cp bench/engine/index.html bench/engine/bench.js "$OUT/"
exec "$BENCH_DIR/run" crossfilter2 "incident-explorer=$PWD/$OUT/index.html"
