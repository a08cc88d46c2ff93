#!/usr/bin/env bash
# Installs what is missing, then builds and serves the app on http://127.0.0.1:8080 with reload.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
exec trunk serve --address 127.0.0.1 --port "${PORT:-8080}" "$@"
