#!/usr/bin/env bash
# THE test command (what .ci/run calls): installs the toolchain, then format check, clippy,
# release build, the whole test suite (unit tests and the Python corpus, in release so the corpus
# is fast) and the bare-metal no_std check. Stops at the first failing step.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

total_start=$SECONDS

step() {
    local name=$1
    shift
    local start=$SECONDS
    printf '\n==== %s ====\n' "$name"
    printf '$ %s\n' "$*"
    "$@"
    printf '==== %s: ok (%d s) ====\n' "$name" "$((SECONDS - start))"
}

on_exit() {
    local status=$?
    if [ "$status" -ne 0 ]; then
        printf '\n==== FAILED (exit %d) after %d s ====\n' "$status" "$((SECONDS - total_start))"
    fi
}
trap on_exit EXIT

step "toolchain" bash scripts/toolchain.sh
step "rustfmt" cargo fmt --all -- --check
step "clippy" cargo clippy --workspace --all-targets -- -D warnings
step "build (release)" cargo build --release -p ferropy
step "tests (release)" cargo test --workspace --release
step "bare-metal no_std check" bash scripts/check-baremetal.sh

printf '\n==== all steps passed in %d s ====\n' "$((SECONDS - total_start))"
