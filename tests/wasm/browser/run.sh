#!/usr/bin/env bash
# Headless-Chromium tests of the npm package: installs Debian's chromium (if missing) and the npm
# package playwright-core (cached in .tools/playwright), then runs browser.test.mjs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
TOOLS=$PWD/.tools/playwright
log() { printf 'browser-tests: %s\n' "$*"; }
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
FERROPY_PLAYWRIGHT="$TOOLS/package.json" node --test tests/wasm/browser/
