#!/usr/bin/env python3
"""Run MicroPython's own test suite (its tests/run-tests.py) against ferropy.

Usage: python3 scripts/mptests.py [--ferropy PATH | --mjs PATH] [--known FILE] [--update]
                                  [run-tests.py args...]

MicroPython's tests are not part of this repository: the script downloads MicroPython's source
release from the Debian archive (the mirror is the one apt on this machine is configured with),
checks its SHA-256, and unpacks its tests/ and tools/ folders into .tools/. It then runs
run-tests.py with MICROPY_MICROPYTHON pointing at ferropy (default target/release/ferropy), with
the default test directories of MicroPython's unix port (and thread/) unless run-tests.py
arguments are given.
With --mjs it runs the webassembly target instead (`-t webassembly`: node runs the npm package's
module for Python tests, and the JS API tests of tests/ports/webassembly import it).

tests/micropython-suite.txt lists the tests that are known to fail, one per line with the
reason (a reason starting with "flaky" marks a test whose timing makes it fail only sometimes
on a loaded machine). The run fails if any other test fails (a regression) and reports the listed tests that
now pass, so the list only ever shrinks. --update rewrites the list's names from this run,
keeping the reasons of names already listed.
"""
import argparse
import glob
import hashlib
import json
import lzma
import os
import re
import shutil
import subprocess
import sys
import tarfile
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(ROOT, ".tools")
VERSION = "1.25.0"
TARBALL = "micropython_1.25.0+ds.orig.tar.xz"
SHA256 = "7b25be99a502f070b2de81dafc08da7051d992325d6e67daa9045a918fffdbea"
POOL = "pool/main/m/micropython/"
SRC = os.path.join(TOOLS, "micropython-" + VERSION)
KNOWN = os.path.join(ROOT, "tests", "micropython-suite.txt")


def apt_mirrors():
    """The Debian archive URIs apt is configured with (deb822 and one-line formats)."""
    uris = []
    files = glob.glob("/etc/apt/sources.list.d/*.sources")
    for path in files:
        with open(path) as f:
            for line in f:
                if line.startswith("URIs:"):
                    uris += line.split()[1:]
    for path in ["/etc/apt/sources.list"] + glob.glob("/etc/apt/sources.list.d/*.list"):
        if os.path.exists(path):
            with open(path) as f:
                for line in f:
                    m = re.match(r"\s*deb(?:-src)?\s+(?:\[[^\]]*\]\s+)?(\S+)", line)
                    if m:
                        uris.append(m.group(1))
    # The main archive first: security and update mirrors do not carry the pool we need.
    return sorted({u.rstrip("/") for u in uris}, key=lambda u: "security" in u)


def fetch(url):
    with urllib.request.urlopen(url, timeout=120) as r:
        return r.read()


def ensure_source():
    """Download and unpack MicroPython's tests once; later runs reuse them."""
    if os.path.exists(os.path.join(SRC, "tests", "run-tests.py")):
        return
    mirrors = apt_mirrors()
    if not mirrors:
        sys.exit("mptests: no Debian mirror in apt's configuration")
    data = None
    errors = []
    for mirror in mirrors:
        try:
            data = fetch(mirror + "/" + POOL + TARBALL)
            break
        except Exception as e:  # try the next mirror
            errors.append("%s: %s" % (mirror, e))
    if data is None:
        sys.exit("mptests: could not download %s:\n  %s" % (TARBALL, "\n  ".join(errors)))
    if hashlib.sha256(data).hexdigest() != SHA256:
        sys.exit("mptests: %s does not have the expected SHA-256" % TARBALL)
    os.makedirs(TOOLS, exist_ok=True)
    tmp = SRC + ".tmp"
    with tarfile.open(fileobj=lzma.LZMAFile(__import__("io").BytesIO(data))) as tar:
        members = [
            m
            for m in tar.getmembers()
            if re.match(r"[^/]+/(tests|tools)/", m.name) and (m.isfile() or m.isdir())
        ]
        for m in members:
            m.name = m.name.split("/", 1)[1]
        tar.extractall(tmp, members=members, filter="data")
    os.replace(tmp, SRC)


# What the Rust runtime or the wasm engine prints when ferropy dies instead of raising.
CRASH_SIGNS = ("panicked at", "fatal runtime error", "overflowed its stack", "RuntimeError: unreachable")


def crash_text(result_dir, test):
    """The line of a failed test's output that shows a crash, or None."""
    out = os.path.join(result_dir, test.replace("/", "_") + ".out")
    try:
        with open(out, errors="replace") as f:
            text = f.read()
    except OSError:
        return None
    for line in text.splitlines():
        if any(sign in line for sign in CRASH_SIGNS):
            return line.strip()
    return None


def read_known(path):
    """{test name: reason} from a known-failure list."""
    known = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, reason = line.partition(" ")
                known[name] = reason.strip()
    return known


def write_known(path, failed, old):
    with open(path) as f:
        header = [l for l in f.read().splitlines() if l.startswith("#")]
    lines = header + [
        ("%s %s" % (name, old.get(name, "# reason to be written"))).rstrip()
        for name in sorted(failed)
    ]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


# MicroPython's run-tests.py default directories for the unix port, and thread/.
UNIX_DIRS = [
    "basics", "micropython", "misc", "extmod", "float", "import", "io", "stress", "unicode",
    "cmdline", "ports/unix", "thread",
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ferropy", default=os.path.join(ROOT, "target", "release", "ferropy"))
    ap.add_argument("--mjs", help="the npm package's ESM entry: test the webassembly target")
    ap.add_argument("--known", default=KNOWN, help="the known-failure list")
    ap.add_argument("--update", action="store_true")
    args, rest = ap.parse_known_args()
    ensure_source()
    result_dir = os.path.join(ROOT, "target", "mptests")
    env = dict(os.environ, MICROPY_MICROPYTHON=os.path.abspath(args.ferropy))
    cmd = [sys.executable, "run-tests.py", "-r", result_dir]
    if args.mjs:
        env["MICROPY_MICROPYTHON_MJS"] = os.path.abspath(args.mjs)
        cmd += ["-t", "webassembly"]
    elif not rest:
        # The unix port's default directories, plus thread/ (which MicroPython's own CI runs for
        # the unix port too).
        cmd += ["-d"] + UNIX_DIRS
    cmd += rest
    # A test that fails half-way (extmod/vfs_posix.py: open() of a raw fd) leaves its scratch
    # directory behind, and the next run would skip the test instead of running it.
    for leftover in glob.glob(os.path.join(SRC, "tests", "**", "micropy_test_dir"), recursive=True):
        shutil.rmtree(leftover, ignore_errors=True)
    print("mptests:", " ".join(cmd[1:]), flush=True)
    proc = subprocess.run(
        cmd, cwd=os.path.join(SRC, "tests"), env=env, stdout=subprocess.PIPE, text=True
    )
    for line in proc.stdout.splitlines():
        if re.match(r"\d+ tests (performed|passed|skipped|failed)", line):
            print(line if len(line) < 100 else line[:97] + "...")
    with open(os.path.join(result_dir, "_results.json")) as f:
        failed = set(json.load(f)["failed_tests"])
    known = read_known(args.known)
    if args.update:
        write_known(args.known, failed, known)
        print("mptests: wrote %d names to %s" % (len(failed), args.known))
        return 0
    # Only the tests this run selected can be judged.
    ran = {
        m.group(1)
        for m in re.finditer(r"^(?:pass|FAIL|skip)\s+(\S+)", proc.stdout, re.M)
    }
    new = sorted(failed - set(known))
    crashed = sorted(t for t in failed if crash_text(result_dir, t))
    for t in crashed:
        print("mptests: CRASH in %s: %s" % (t, crash_text(result_dir, t)))
    fixed = sorted(
        t for t in known if t in ran and t not in failed and not known[t].startswith("flaky")
    )
    if fixed:
        print("mptests: now passing, remove from %s: %s" % (args.known, " ".join(fixed)))
    if crashed:
        print("mptests: a panic or abort is always a bug, known failure or not")
    if new:
        print("mptests: REGRESSIONS (fail, not in the known list): " + " ".join(new))
        print("mptests: outputs are in " + result_dir)
    if new or crashed:
        return 1
    print("mptests: no failures beyond the %d known" % len(known))
    return 0


if __name__ == "__main__":
    sys.exit(main())
