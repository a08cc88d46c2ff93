#!/usr/bin/env bash
# Installs what is missing, then builds and serves the app on http://127.0.0.1:8080 with reload.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
# The first build runs before the watcher starts: a fresh clone compiles for minutes, and no file
# event of that compile can then reach the watcher (Trunk.toml also keeps target/ out of it).
trunk build
exec trunk serve --address 127.0.0.1 --port "${PORT:-8080}" "$@"
