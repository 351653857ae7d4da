#!/usr/bin/env bash
# Builds the VM crate (ferropy-vm, lib only) for a Cortex-M4F target to prove it stays no_std.
#
# Uses the rustup thumbv7em-none-eabihf target when it is installed; otherwise Debian's rustc-web
# toolchain with -Zbuild-std (see ../shared/TOOLCHAIN.md; scripts/toolchain.sh installs either).
# The build goes to target/baremetal so it does not disturb the host build's cache.
#
# Environment: FERROPY_BAREMETAL_ROUTE=debian forces the Debian route.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

TARGET=thumbv7em-none-eabihf
TARGET_DIR=target/baremetal

log() { printf 'check-baremetal: %s\n' "$*"; }

if [ "${FERROPY_BAREMETAL_ROUTE:-}" != debian ] &&
    command -v rustup >/dev/null 2>&1 &&
    rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    log "route: rustup target $TARGET"
    cargo build --release --target "$TARGET" -p ferropy-vm --lib --target-dir "$TARGET_DIR"
    log "the minimal module set (--no-default-features)"
    cargo build --release --target "$TARGET" -p ferropy-vm --lib --target-dir "$TARGET_DIR" \
        --no-default-features
else
    for need in /usr/bin/rustc /usr/bin/cargo /usr/lib/rustlib/src/rust/library; do
        if [ ! -e "$need" ]; then
            log "missing $need: run scripts/toolchain.sh (Debian packages rustc-web cargo-web rust-web-src)"
            exit 1
        fi
    done
    log "route: Debian rustc-web ($(/usr/bin/rustc --version)) with -Zbuild-std=core,alloc"
    # Share rustup's cargo home so the Debian cargo reuses the registry cache.
    CARGO_HOME="${CARGO_HOME:-${HOME:-/root}/.cargo}" \
        RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
        /usr/bin/cargo build --release --target "$TARGET" -Zbuild-std=core,alloc \
        -p ferropy-vm --lib --target-dir "$TARGET_DIR"
    log "the minimal module set (--no-default-features)"
    CARGO_HOME="${CARGO_HOME:-${HOME:-/root}/.cargo}" \
        RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
        /usr/bin/cargo build --release --target "$TARGET" -Zbuild-std=core,alloc \
        -p ferropy-vm --lib --target-dir "$TARGET_DIR" --no-default-features
fi

lib=$(find "$TARGET_DIR/$TARGET/release" -maxdepth 1 -name 'libferropy_vm.rlib' -print -quit)
if [ -z "$lib" ]; then
    log "FAILED: no libferropy_vm.rlib under $TARGET_DIR/$TARGET/release"
    exit 1
fi
log "ok: ferropy-vm builds for $TARGET (no_std) -> $lib"
