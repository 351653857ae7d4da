#!/usr/bin/env bash
# THE test command (what .ci/run calls): installs the toolchain, then format check, clippy,
# release build, the whole test suite (unit tests and the Python corpus, in release so the corpus
# is fast), MicroPython's own test suite (scripts/mptests.py, against tests/micropython-suite.txt)
# and the bare-metal no_std check. Every step runs even if an earlier one failed (one CI
# run shows every problem); the script exits non-zero if any step failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

total_start=$SECONDS

failed=()

step() {
    local name=$1
    shift
    local start=$SECONDS
    local status=0
    printf '\n==== %s ====\n' "$name"
    printf '$ %s\n' "$*"
    "$@" || status=$?
    if [ "$status" -eq 0 ]; then
        printf '==== %s: ok (%d s) ====\n' "$name" "$((SECONDS - start))"
    else
        printf '==== %s: FAILED with exit %d (%d s) ====\n' "$name" "$status" "$((SECONDS - start))"
        failed+=("$name")
    fi
}

step "toolchain" bash scripts/toolchain.sh
step "test deps (mpremote)" bash scripts/test-deps.sh
step "rustfmt" cargo fmt --all -- --check
step "clippy" cargo clippy --workspace --all-targets -- -D warnings
step "build (release)" cargo build --release -p ferropy
step "tests (release)" cargo test --workspace --release --no-fail-fast
step "MicroPython's test suite" python3 scripts/mptests.py
step "bare-metal no_std check" bash scripts/check-baremetal.sh
step "wasm build + node/browser tests" bash scripts/test-wasm.sh
step "web page + script tags (browser)" bash tests/web/run.sh

elapsed=$((SECONDS - total_start))
if [ "${#failed[@]}" -gt 0 ]; then
    printf '\n==== %d step(s) FAILED in %d s total:' "${#failed[@]}" "$elapsed"
    printf ' [%s]' "${failed[@]}"
    printf ' ====\n'
    exit 1
fi
printf '\n==== all steps passed in %d s total ====\n' "$elapsed"
