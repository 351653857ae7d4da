#!/usr/bin/env bash
# Headless-Chromium tests of the web page (web/) and the script tags (npm/script-tags.mjs):
# builds the wasm when needed, installs the page's npm dependencies, Debian's chromium and
# playwright-core (cached in .tools/playwright) as tests/wasm/browser/run.sh does, then runs
# tests/web/*.test.mjs (serial.test.mjs: "Connect a board" against `ferropy board` behind
# serial-bridge.mjs; micropython.test.mjs: the remote protocols against real MicroPython, installed
# from npm into tests/web/micropython/). Screenshots go to target/web-screenshots/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
TOOLS=$PWD/.tools/playwright
log() { printf 'web-tests: %s\n' "$*"; }
if [ ! -f npm/ferropy.wasm ] || [ ! -f web/remote/ferropy_remote.wasm ] || [ -n "$(find crates -name '*.rs' -newer npm/ferropy.wasm -print -quit)" ]; then
    bash scripts/build-wasm.sh
fi
# The board behind tests/web/serial-bridge.mjs (serial.test.mjs, micropython.test.mjs).
cargo build --release -p ferropy
if [ ! -f web/node_modules/@xterm/xterm/lib/xterm.mjs ] || [ ! -f web/node_modules/@xterm/addon-fit/lib/addon-fit.mjs ]; then
    log "installing the page's dependencies"
    (cd web && npm install --no-audit --no-fund --silent)
fi
if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's chromium"
    if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo -n); fi
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends chromium
fi
if [ ! -d "$TOOLS/node_modules/playwright-core" ]; then
    log "installing playwright-core into $TOOLS"
    mkdir -p "$TOOLS"
    [ -f "$TOOLS/package.json" ] || echo '{"private":true}' >"$TOOLS/package.json"
    (cd "$TOOLS" && npm install --silent --no-audit --no-fund playwright-core)
fi
FERROPY_PLAYWRIGHT="$TOOLS/package.json" node --test --test-concurrency=1 tests/web/
log "screenshots in target/web-screenshots/"
