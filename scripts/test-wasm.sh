#!/usr/bin/env bash
# Builds the browser engine and npm package (scripts/build-wasm.sh), then runs the node tests of
# the packaged API (tests/wasm/*.test.mjs: API, asyncio on JS promises, the proxy leak test), the
# Python corpus on the wasm build (tests/wasm/corpus.mjs) and, in headless Chromium (installed
# when missing), tests/wasm/browser/ and the PyScript end-to-end test (tests/pyscript/).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/build-wasm.sh
node --test tests/wasm/*.test.mjs
# The Python differential corpus (tests/py) on the wasm build.
node tests/wasm/corpus.mjs
if [ -d tests/wasm/browser ]; then
    bash tests/wasm/browser/run.sh
fi
# PyScript (@pyscript/core from npm, served locally) running <script type="mpy"> on our engine.
bash tests/pyscript/run.sh
