#!/usr/bin/env bash
# Installs what building and testing Ferropy needs on a fresh machine (Debian 12 with rustup).
# Idempotent and quick when everything is already there; safe without a TTY and with CI=true.
#
#   (a) the rustfmt and clippy rustup components;
#   (b) a compiler for the bare-metal check (scripts/check-baremetal.sh), by one of two routes:
#       - rustup: the thumbv7em-none-eabihf target of the rustup toolchain (installed, or added
#         with a time limit: the rustup download server is not always reachable);
#       - debian: Debian's rustc-web toolchain, whose standard-library source lets
#         `-Zbuild-std=core,alloc` build core and alloc for the target (see TOOLCHAIN.md).
#
# Environment: FERROPY_BAREMETAL_ROUTE=debian skips the rustup attempt (for testing the fallback).
set -euo pipefail

BAREMETAL_TARGET=thumbv7em-none-eabihf
DEBIAN_PACKAGES=(rustc-web cargo-web rust-web-src lld-19)
RUSTUP_TIMEOUT=${RUSTUP_TIMEOUT:-120}

log() { printf 'toolchain: %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        log "need root for: $*"
        return 1
    fi
}

# --- (a) rustfmt and clippy -------------------------------------------------------------------
if ! command -v cargo >/dev/null 2>&1; then
    log "cargo not found: install Rust with rustup first"
    exit 1
fi
for component in rustfmt clippy; do
    case $component in
        rustfmt) probe=(cargo fmt --version) ;;
        clippy) probe=(cargo clippy --version) ;;
    esac
    if "${probe[@]}" >/dev/null 2>&1; then
        log "$component: present"
    elif command -v rustup >/dev/null 2>&1 &&
        timeout "$RUSTUP_TIMEOUT" rustup component add "$component"; then
        log "$component: installed"
    else
        log "$component: NOT available (rustup component add failed or timed out)"
    fi
done

# --- (b) the bare-metal route -----------------------------------------------------------------
rustup_has_target() {
    command -v rustup >/dev/null 2>&1 &&
        rustup target list --installed 2>/dev/null | grep -qx "$BAREMETAL_TARGET"
}

missing_debian_packages() {
    local pkg
    for pkg in "${DEBIAN_PACKAGES[@]}"; do
        if ! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed'; then
            printf '%s\n' "$pkg"
        fi
    done
}

route=""
if [ "${FERROPY_BAREMETAL_ROUTE:-}" != debian ]; then
    if rustup_has_target; then
        route=rustup
        log "$BAREMETAL_TARGET: rustup target present"
    elif command -v rustup >/dev/null 2>&1; then
        log "$BAREMETAL_TARGET: trying 'rustup target add' (at most ${RUSTUP_TIMEOUT} s)"
        if timeout "$RUSTUP_TIMEOUT" rustup target add "$BAREMETAL_TARGET" && rustup_has_target; then
            route=rustup
        else
            log "rustup target add failed or timed out: falling back to Debian's rustc-web"
        fi
    fi
fi

if [ -z "$route" ]; then
    mapfile -t missing < <(missing_debian_packages)
    if [ "${#missing[@]}" -gt 0 ]; then
        log "installing Debian packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        # Another apt run (e.g. a background install) may hold the dpkg lock: wait for it.
        as_root apt-get -o DPkg::Lock::Timeout=600 update -q
        as_root apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends \
            "${missing[@]}"
    else
        log "Debian packages present: ${DEBIAN_PACKAGES[*]}"
    fi
    route=debian
fi

log "bare-metal route: $route"
