#!/usr/bin/env python3
"""Regenerate the expected-output (.py.exp) files of the differential test corpus.

Usage: python3 tests/gen_expected.py [PATH ...]

Each PATH is a test program or a directory (searched recursively). With no
PATH, every test under tests/py/ is regenerated.

A test program is a ``*.py`` file whose name does not start with ``_`` and
that lives directly in a category directory ``tests/py/<category>/`` (files in
deeper subdirectories are helper modules/packages, not tests).

The expected output is produced by running ``python3 name.py`` (CPython 3.11)
with cwd set to the file's directory, PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8
and a 10 s timeout. The .exp content is the program's stdout; if the exit
status is non-zero, one line ``[exit N] <last non-empty stderr line>`` is
appended. A program exceeding the timeout is an error (exit status 1).

Programs whose first line is ``# expect: handwritten`` are skipped: their .exp
file is written by hand because MicroPython deliberately differs from CPython
there (the program says why in a comment), or because the module has no CPython
counterpart (``machine``, ``micropython``, ``time.ticks_ms`` ...).
"""
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "py")
TIMEOUT = 10
PYTHON = os.environ.get("FERROPY_CPYTHON", "python3")


def is_test(path):
    path = os.path.abspath(path)
    name = os.path.basename(path)
    if not name.endswith(".py") or name.startswith("_"):
        return False
    category_dir = os.path.dirname(path)
    return os.path.dirname(category_dir) == ROOT


def is_handwritten(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.readline().strip() == "# expect: handwritten"


def collect(paths):
    found = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                for f in sorted(filenames):
                    full = os.path.join(dirpath, f)
                    if is_test(full):
                        found.append(full)
        elif os.path.isfile(p):
            if is_test(p):
                found.append(p)
            else:
                print("not a test program (helper or outside tests/py/<category>/): %s" % p,
                      file=sys.stderr)
        else:
            print("no such file or directory: %s" % p, file=sys.stderr)
            sys.exit(2)
    return sorted(p for p in set(found) if not is_handwritten(p))


def expected_output(path):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    proc = subprocess.run(
        [PYTHON, os.path.basename(path)],
        cwd=os.path.dirname(path),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=TIMEOUT,
    )
    out = proc.stdout.decode("utf-8")
    if proc.returncode != 0:
        lines = [l for l in proc.stderr.decode("utf-8").splitlines() if l.strip()]
        last = lines[-1] if lines else ""
        if out and not out.endswith("\n"):
            out += "\n"
        out += "[exit %d] %s\n" % (proc.returncode, last)
    return out


def main(argv):
    tests = collect(argv or [ROOT])
    failed = False
    written = 0
    for path in tests:
        rel = os.path.relpath(path, ROOT)
        try:
            out = expected_output(path)
        except subprocess.TimeoutExpired:
            print("ERROR: %s took longer than %d s; refusing to write expected output"
                  % (rel, TIMEOUT), file=sys.stderr)
            failed = True
            continue
        exp = path + ".exp"
        with open(exp, "w", encoding="utf-8", newline="\n") as f:
            f.write(out)
        written += 1
    print("wrote %d expected-output files" % written)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
