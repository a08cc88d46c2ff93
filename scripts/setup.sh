#!/usr/bin/env bash
# Installs what the project needs and is missing, at pinned versions; a second run takes seconds.
# Needs: rustup, Node.js with npm, apt (Debian). Run as root or with sudo available for apt.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must equal the wasm-bindgen crate that Cargo.lock resolved.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Rust toolchain and the wasm target come from rust-toolchain.toml; rustup installs them on first use.
rustup show active-toolchain >/dev/null
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

version_of() { "$1" --version 2>/dev/null | awk '{ print $2 }' || true; }

if [ "$(version_of trunk)" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ -z "$WASM_BINDGEN_VERSION" ]; then
  say "no wasm-bindgen in Cargo.lock"; exit 1
fi
if [ "$(version_of wasm-bindgen)" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  # Not --locked: its lockfile pins a webpki-roots release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

missing_debs=()
command -v chromium >/dev/null || missing_debs+=(chromium)
command -v chromedriver >/dev/null || missing_debs+=(chromium-driver)
if [ "${#missing_debs[@]}" -gt 0 ]; then
  say "installing ${missing_debs[*]} from apt"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing_debs[@]}"
fi

# npm packages: Playwright (driving Debian's Chromium, no browser download) and binaryen's wasm-opt.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi

say "ready: trunk $(version_of trunk), wasm-bindgen $(version_of wasm-bindgen), $(chromium --version 2>/dev/null || echo chromium ?)"
