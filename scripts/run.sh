#!/usr/bin/env bash
# The main job: start Ferropy in the browser.
#
# Builds the browser engine when its sources changed (scripts/build-wasm.sh), installs the web
# page's dependencies (xterm.js, from npm, into web/node_modules), then serves web/ (the REPL
# page) and npm/ (the package) on 127.0.0.1 and prints the URL. Port: $PORT (default 8000).
# The native command is `cargo build --release -p ferropy && target/release/ferropy`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Rebuild the wasm only when a source it depends on is newer than the built package.
needs_build() {
    [ -f npm/ferropy.wasm ] && [ -f npm/ferropy_wasm.js ] || return 0
    [ -f web/remote/ferropy_remote.wasm ] || return 0
    [ -n "$(find crates Cargo.toml Cargo.lock scripts/build-wasm.sh -newer npm/ferropy.wasm \
        \( -name '*.rs' -o -name '*.py' -o -name '*.toml' -o -name '*.lock' -o -name '*.sh' \) \
        -print -quit 2>/dev/null)" ]
}
if needs_build; then
    bash scripts/build-wasm.sh
else
    echo "run: npm/ferropy.wasm is up to date"
fi

if [ ! -f web/node_modules/@xterm/xterm/lib/xterm.mjs ] || [ ! -f web/node_modules/@xterm/addon-fit/lib/addon-fit.mjs ] \
    || [ web/package.json -nt web/node_modules ]; then
    echo "run: installing the web page's dependencies (npm install in web/)"
    (cd web && npm install --no-audit --no-fund --silent)
    touch web/node_modules
fi

exec node web/serve.mjs
