#!/usr/bin/env bash
# Builds the browser engine and npm package (scripts/build-wasm.sh), then runs the node tests of
# the packaged API (tests/wasm/*.test.mjs) and, when a Chromium can be found or installed, the
# headless-browser tests (tests/wasm/browser/) and the PyScript end-to-end test (tests/pyscript/).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/build-wasm.sh
node --test tests/wasm/*.test.mjs
if [ -d tests/wasm/browser ]; then
    bash tests/wasm/browser/run.sh
fi
# PyScript (@pyscript/core from npm, served locally) running <script type="mpy"> on our engine.
bash tests/pyscript/run.sh
