#!/usr/bin/env bash
# Builds the browser engine and npm package (scripts/build-wasm.sh), then runs the node tests of
# the packaged API (tests/wasm/*.test.mjs: API, asyncio on JS promises, the proxy leak test), the
# Python corpus on the wasm build (tests/wasm/corpus.mjs), the wasm-bindgen-test unit tests of
# crates/wasm (crates/wasm/tests/engine.rs: conversions, proxies, FS, errors, runs) under node and
# in headless Chromium (Debian's chromium and chromium-driver, the same version, installed when
# missing), and in headless Chromium tests/wasm/browser/ and the PyScript end-to-end test
# (tests/pyscript/), then MicroPython's own webassembly-port tests (scripts/mptests.py --mjs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
log() { printf 'test-wasm: %s\n' "$*"; }
bash scripts/build-wasm.sh
node --test tests/wasm/*.test.mjs
# The Python differential corpus (tests/py) on the wasm build.
node tests/wasm/corpus.mjs

# --- wasm-bindgen-test unit tests ---------------------------------------------------------------
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
RUNNER=$ROOT/.tools/wasm-bindgen-$WB_VERSION/bin/wasm-bindgen-test-runner
wasm_unit_tests() {
    # Same compiler route as build-wasm.sh (rustup's wasm32 target, else Debian's rustc-web).
    if command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=$RUNNER \
            cargo test --profile wasm --target wasm32-unknown-unknown -p ferropy-wasm --test engine
    else
        CARGO_HOME="${CARGO_HOME:-${HOME:-/root}/.cargo}" \
            RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
            CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-19/bin/wasm-ld \
            CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=$RUNNER \
            /usr/bin/cargo test --profile wasm --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort \
            -p ferropy-wasm --test engine --target-dir target/wasm-debian
    fi
}
log "wasm-bindgen-test unit tests under node"
wasm_unit_tests
if [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's chromium and chromium-driver"
    if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo -n); fi
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends chromium chromium-driver
fi
log "wasm-bindgen-test unit tests in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver wasm_unit_tests

if [ -d tests/wasm/browser ]; then
    bash tests/wasm/browser/run.sh
fi
# PyScript (@pyscript/core from npm, served locally) running <script type="mpy"> on our engine.
bash tests/pyscript/run.sh
# MicroPython's own tests of its webassembly port (tests/ports/webassembly) against our package.
log "MicroPython's webassembly-port tests"
python3 scripts/mptests.py --mjs npm/ferropy.mjs --known tests/micropython-suite-wasm.txt -d ports/webassembly
