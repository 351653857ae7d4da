#!/usr/bin/env bash
# Builds the browser engine (crates/wasm) and assembles the npm package in npm/:
#   1. a wasm32 compiler: the rustup wasm32-unknown-unknown target when installed (or added
#      within a time limit), else Debian's rustc-web with -Zbuild-std (see TOOLCHAIN.md);
#   2. cargo build of ferropy-wasm for wasm32-unknown-unknown with the size-tuned `wasm` profile
#      of the root Cargo.toml (FERROPY_WASM_PROFILE=release picks the speed-tuned one);
#   3. wasm-bindgen (--target web) with wasm-bindgen-cli at the exact Cargo.lock version, installed
#      once into .tools/ (cached; ~8 minutes the first time);
#   4. wasm-opt -Oz (npm binaryen in .tools/, else Debian's binaryen with --enable flags, else
#      skipped with a notice);
#   5. npm/ferropy_wasm.js + npm/ferropy.wasm, and the raw and gzip sizes.
# Idempotent; safe on a fresh machine (installs what it needs). FERROPY_WASM_ROUTE=debian forces
# the Debian route; FERROPY_WASM_NO_OPT=1 skips wasm-opt.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
TARGET=wasm32-unknown-unknown
TOOLS=$ROOT/.tools
OUT=$ROOT/npm

log() { printf 'build-wasm: %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else
        log "need root for: $*"
        return 1
    fi
}

apt_install() {
    local missing=() p
    for p in "$@"; do
        dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get -o DPkg::Lock::Timeout=600 update -q
    as_root apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
}

# --- 1. toolchain route ---------------------------------------------------------------------------
rustup_has_target() {
    command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx "$TARGET"
}
route=""
if [ "${FERROPY_WASM_ROUTE:-}" != debian ]; then
    if rustup_has_target; then
        route=rustup
    elif command -v rustup >/dev/null 2>&1; then
        log "trying 'rustup target add $TARGET' (at most 120 s)"
        if timeout 120 rustup target add "$TARGET" && rustup_has_target; then route=rustup; fi
    fi
fi
if [ -z "$route" ]; then
    apt_install rustc-web cargo-web rust-web-src lld-19
    route=debian
fi
log "route: $route"

# --- 2. cargo build -------------------------------------------------------------------------------
PROFILE=${FERROPY_WASM_PROFILE:-wasm}
log "profile: $PROFILE"
if [ "$route" = rustup ]; then
    CARGO_PROFILE_RELEASE_PANIC=abort cargo build --profile "$PROFILE" --target "$TARGET" -p ferropy-wasm
    WASM_DIR=$ROOT/target/$TARGET/$PROFILE
else
    CARGO_HOME="${CARGO_HOME:-${HOME:-/root}/.cargo}" \
        RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_PROFILE_RELEASE_PANIC=abort \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-19/bin/wasm-ld \
        /usr/bin/cargo build --profile "$PROFILE" --target "$TARGET" -Zbuild-std=std,panic_abort \
        -p ferropy-wasm --target-dir target/wasm-debian
    WASM_DIR=$ROOT/target/wasm-debian/$TARGET/$PROFILE
fi
RAW=$WASM_DIR/ferropy_wasm.wasm

# --- 3. wasm-bindgen ------------------------------------------------------------------------------
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
WB_ROOT=$TOOLS/wasm-bindgen-$WB_VERSION
WB=$WB_ROOT/bin/wasm-bindgen
if [ ! -x "$WB" ]; then
    log "installing wasm-bindgen-cli $WB_VERSION into $WB_ROOT (one-time, several minutes)"
    cargo install wasm-bindgen-cli --version "=$WB_VERSION" --root "$WB_ROOT" --locked ||
        cargo install wasm-bindgen-cli --version "=$WB_VERSION" --root "$WB_ROOT"
fi
GEN=$ROOT/target/wasm-bindgen
rm -rf "$GEN"
"$WB" --target web --out-dir "$GEN" --out-name ferropy_wasm "$RAW"

# --- 4. wasm-opt ----------------------------------------------------------------------------------
OPT=""
if [ "${FERROPY_WASM_NO_OPT:-}" != 1 ]; then
    if [ ! -x "$TOOLS/binaryen/node_modules/.bin/wasm-opt" ]; then
        log "installing npm binaryen into $TOOLS/binaryen"
        mkdir -p "$TOOLS/binaryen"
        (cd "$TOOLS/binaryen" && [ -f package.json ] || echo '{"private":true}' >package.json) 
        (cd "$TOOLS/binaryen" && npm install --silent --no-audit --no-fund binaryen@latest) ||
            log "npm binaryen unavailable"
    fi
    if [ -x "$TOOLS/binaryen/node_modules/.bin/wasm-opt" ]; then
        OPT="$TOOLS/binaryen/node_modules/.bin/wasm-opt"
    elif apt_install binaryen 2>/dev/null && command -v wasm-opt >/dev/null 2>&1; then
        OPT="wasm-opt"
    fi
fi
mkdir -p "$OUT"
if [ -n "$OPT" ]; then
    log "optimising with $OPT"
    "$OPT" -Oz --enable-bulk-memory --enable-reference-types --enable-sign-ext \
        --enable-nontrapping-float-to-int --enable-mutable-globals --enable-multivalue \
        "$GEN/ferropy_wasm_bg.wasm" -o "$OUT/ferropy.wasm"
else
    log "wasm-opt not available: shipping the unoptimised wasm"
    cp "$GEN/ferropy_wasm_bg.wasm" "$OUT/ferropy.wasm"
fi

# --- 5. package -----------------------------------------------------------------------------------
cp "$GEN/ferropy_wasm.js" "$OUT/ferropy_wasm.js"
cp "$GEN/ferropy_wasm.d.ts" "$OUT/ferropy_wasm.d.ts"
raw=$(stat -c %s "$OUT/ferropy.wasm")
gz=$(gzip -9 -c "$OUT/ferropy.wasm" | wc -c)
js=$(cat "$OUT/ferropy.mjs" "$OUT/ferropy_wasm.js" | wc -c)
jsgz=$(cat "$OUT/ferropy.mjs" "$OUT/ferropy_wasm.js" | gzip -9 | wc -c)
log "ferropy.wasm: $raw bytes raw, $gz bytes gzip; JS: $js bytes raw, $jsgz bytes gzip"
log "total gzip (wasm + JS): $((gz + jsgz)) bytes"

# --- 6. RemoteBoard: a module of its own ---------------------------------------------------------
# crates/remote-wasm (the REPL protocol client behind "Connect a board") is kept out of the engine:
# the page imports web/remote/ferropy_remote.js only when Connect is clicked, and the npm package
# (Python for pages and node) does not ship it. Same route, wasm-bindgen and wasm-opt as above.
# Built for size with the `wasm-remote` profile of the root Cargo.toml (opt-level z: about half
# the bytes of the speed-tuned profile; this code waits on a serial line, not on the CPU).
REMOTE_OUT=$ROOT/web/remote
if [ "$route" = rustup ]; then
    cargo build --profile wasm-remote --target "$TARGET" -p ferropy-remote-wasm
    REMOTE_DIR=$ROOT/target/$TARGET/wasm-remote
else
    CARGO_HOME="${CARGO_HOME:-${HOME:-/root}/.cargo}" \
        RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-19/bin/wasm-ld \
        /usr/bin/cargo build --profile wasm-remote --target "$TARGET" -Zbuild-std=std,panic_abort \
        -p ferropy-remote-wasm --target-dir target/wasm-debian
    REMOTE_DIR=$ROOT/target/wasm-debian/$TARGET/wasm-remote
fi
REMOTE_GEN=$ROOT/target/wasm-bindgen-remote
rm -rf "$REMOTE_GEN"
"$WB" --target web --out-dir "$REMOTE_GEN" --out-name ferropy_remote "$REMOTE_DIR/ferropy_remote_wasm.wasm"
mkdir -p "$REMOTE_OUT"
# Build output only: the directory ignores itself.
printf '# Built by scripts/build-wasm.sh.\n*\n' >"$REMOTE_OUT/.gitignore"
if [ -n "$OPT" ]; then
    "$OPT" -Oz --enable-bulk-memory --enable-reference-types --enable-sign-ext \
        --enable-nontrapping-float-to-int --enable-mutable-globals --enable-multivalue \
        "$REMOTE_GEN/ferropy_remote_bg.wasm" -o "$REMOTE_OUT/ferropy_remote.wasm"
else
    cp "$REMOTE_GEN/ferropy_remote_bg.wasm" "$REMOTE_OUT/ferropy_remote.wasm"
fi
cp "$REMOTE_GEN/ferropy_remote.js" "$REMOTE_GEN/ferropy_remote.d.ts" "$REMOTE_OUT/"
raw=$(stat -c %s "$REMOTE_OUT/ferropy_remote.wasm")
gz=$(gzip -9 -c "$REMOTE_OUT/ferropy_remote.wasm" | wc -c)
js=$(wc -c <"$REMOTE_OUT/ferropy_remote.js")
jsgz=$(gzip -9 -c "$REMOTE_OUT/ferropy_remote.js" | wc -c)
log "remote/ferropy_remote.wasm (loaded on Connect): $raw bytes raw, $gz bytes gzip; JS: $js bytes raw, $jsgz bytes gzip"
