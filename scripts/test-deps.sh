#!/usr/bin/env bash
# Installs the Python tools the end-to-end tests drive (mpremote, for the `ferropy board` tests).
# Idempotent and quiet: does nothing when mpremote is already importable; never fails the build
# (the tests that need mpremote skip with a message when it is missing).
set -uo pipefail

if python3 -c "import mpremote" >/dev/null 2>&1; then
    exit 0
fi
python3 -m pip install --quiet --disable-pip-version-check mpremote >/dev/null 2>&1 ||
    python3 -m pip install --quiet --disable-pip-version-check --user mpremote >/dev/null 2>&1 ||
    echo "test-deps: could not install mpremote (the mpremote tests will be skipped)" >&2
exit 0
