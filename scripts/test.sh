#!/usr/bin/env bash
# Installs what is missing, then runs every check: format, lints, native tests, dataset checks,
# a release build of the app, and the browser tests in headless Chromium against that build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
# A checking run builds each thing once: incremental caches would only take disk.
export CARGO_INCREMENTAL=0

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

step "cargo test (native: core, dataset tool, data checks)"
cargo test --all-targets

step "dataset check (the bundled collection files)"
cargo run --quiet --bin dataset -- check public/data/*.json

step "trunk build --release"
trunk build --release

step "browser tests (Playwright + Debian Chromium, headless)"
npx playwright test
