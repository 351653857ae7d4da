#!/usr/bin/env bash
# PyScript end-to-end test: installs @pyscript/core at the version pinned in package.json (once,
# into tests/pyscript/node_modules), Debian's chromium and playwright-core (cached in
# .tools/playwright) when missing, builds the wasm when missing, then runs pyscript.test.mjs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
TOOLS=$PWD/.tools/playwright
log() { printf 'pyscript-tests: %s\n' "$*"; }
[ -f npm/ferropy.wasm ] || bash scripts/build-wasm.sh
want=$(node -p "require('./tests/pyscript/package.json').dependencies['@pyscript/core']")
have=$(node -p "try { require('./tests/pyscript/node_modules/@pyscript/core/package.json').version } catch { '' }")
if [ "$want" != "$have" ]; then
    log "installing @pyscript/core $want"
    (cd tests/pyscript && npm install --no-audit --no-fund --silent)
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
FERROPY_PLAYWRIGHT="$TOOLS/package.json" node --test --test-concurrency=1 tests/pyscript/
log "screenshots in target/pyscript-screenshots/"
