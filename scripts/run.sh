#!/usr/bin/env bash
# The main job: start Ferropy.
#
# For now this builds the native `ferropy` command in release mode and starts its REPL (extra
# arguments are passed through, e.g. `bash scripts/run.sh file.py`).
# PLACEHOLDER: when the browser REPL lands in web/, its step replaces the body below with building
# the wasm package and serving the web REPL; keep the same name so the README stays right.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

cargo build --release -p ferropy
exec target/release/ferropy "$@"
