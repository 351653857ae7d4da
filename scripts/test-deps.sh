#!/usr/bin/env bash
# Installs the Python tools the end-to-end tests drive against `ferropy board`: mpremote, rshell
# and ampy (the board tools MicroPython users bring). Idempotent and quiet: installs only what is
# not importable yet; never fails the build (a test whose tool is missing skips with a message).
set -uo pipefail

missing=()
for pair in mpremote:mpremote rshell:rshell ampy:adafruit-ampy; do
    module=${pair%%:*}
    package=${pair#*:}
    python3 -c "import $module" >/dev/null 2>&1 || missing+=("$package")
done
[ "${#missing[@]}" -eq 0 ] && exit 0
python3 -m pip install --quiet --disable-pip-version-check "${missing[@]}" >/dev/null 2>&1 ||
    python3 -m pip install --quiet --disable-pip-version-check --user "${missing[@]}" >/dev/null 2>&1 ||
    echo "test-deps: could not install ${missing[*]} (their tests will be skipped)" >&2
exit 0
