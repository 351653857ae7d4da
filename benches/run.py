#!/usr/bin/env python3
"""Run the Ferropy benchmarks against python3 (and micropython, when on PATH).

Usage: python3 benches/run.py [-n RUNS] [--no-build] [--ferropy PATH] [--timeout S] [FILTER]

Each benches/*.py program is timed (wall clock, best of RUNS, process start included) under
python3 and ferropy; ferropy's output must equal python3's (else MISMATCH; ERROR if ferropy
fails or times out). The table shows seconds, the ratio ferropy/python3 (< 1 means ferropy is
faster), ferropy's peak RSS, and the geometric mean of the ratios of the benchmarks that ran
correctly. It also reports the peak RSS of `ferropy -c pass` (the bare VM).

Exit status: 0 if every selected benchmark ran and matched, 1 otherwise. Times are never
asserted: this is a measuring tool, not a test.
"""
import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)
DEFAULT_FERROPY = os.path.join(ROOT, "target", "release", "ferropy")


class Run:
    """One process run: wall time, exit code, output, peak RSS (KiB), timed out or not."""

    def __init__(self, seconds, code, stdout, stderr, maxrss_kb, timed_out):
        self.seconds = seconds
        self.code = code
        self.stdout = stdout
        self.stderr = stderr
        self.maxrss_kb = maxrss_kb
        self.timed_out = timed_out

    @property
    def ok(self):
        return self.code == 0 and not self.timed_out


# GNU time reports the peak RSS of the measured program alone. Without it, os.wait4's figure
# also counts the memory of this Python process, which the child had before its exec.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(cmd, cwd, timeout):
    """Run cmd once with stdin closed; returns a Run with its time, output and peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r", suffix=".rss") as rss:
        full = cmd
        if GNU_TIME:
            full = [GNU_TIME, "-f", "%M", "-o", rss.name, "--"] + list(cmd)
        start = time.perf_counter()
        proc = subprocess.Popen(full, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                start_new_session=True)
        killed = []

        def kill():
            killed.append(True)
            try:
                os.killpg(proc.pid, 9)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code  # already reaped: keep Popen from waiting again
        maxrss = usage.ru_maxrss
        if GNU_TIME:
            lines = [l.strip() for l in rss.read().splitlines() if l.strip()]
            maxrss = int(lines[-1]) if lines and lines[-1].isdigit() else None
        out.seek(0)
        err.seek(0)
        return Run(seconds, code, out.read(), err.read(), maxrss, bool(killed))


def best_of(cmd, cwd, runs, timeout):
    """The fastest of `runs` runs; stops at the first failing run and returns it."""
    best = None
    for _ in range(runs):
        r = run_once(cmd, cwd, timeout)
        if not r.ok:
            return r
        if best is None or r.seconds < best.seconds:
            best = r
    return best


def last_line(data):
    lines = [l for l in data.decode("utf-8", "replace").splitlines() if l.strip()]
    return lines[-1] if lines else ""


def first_difference(expected, got):
    e = expected.decode("utf-8", "replace").splitlines()
    g = got.decode("utf-8", "replace").splitlines()
    for i in range(max(len(e), len(g))):
        a = e[i] if i < len(e) else "<end of output>"
        b = g[i] if i < len(g) else "<end of output>"
        if a != b:
            return "line %d: expected %.80r, got %.80r" % (i + 1, a, b)
    return "outputs differ"


def build():
    print("building: cargo build --release -p ferropy", flush=True)
    subprocess.run(["cargo", "build", "--release", "-p", "ferropy"], cwd=ROOT, check=True)


def fmt_time(r):
    if r is None:
        return "-"
    if r.timed_out:
        return "timeout"
    if not r.ok:
        return "error"
    return "%.3f" % r.seconds


def fmt_ratio(r, base):
    if r is None or not r.ok or base is None or not base.ok or base.seconds <= 0:
        return "-"
    return "%.2f" % (r.seconds / base.seconds)


def geomean(values):
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def peak_rss_kb(cmd):
    """Peak RSS of one run of cmd (KiB), or None if it failed to run."""
    try:
        r = run_once(cmd, ROOT, 30)
    except OSError:
        return None
    return r.maxrss_kb if r.ok else None


def fmt_kb(kb):
    if kb is None:
        return "-"
    return ("%.1f MiB" if GNU_TIME else "<=%.1f MiB") % (kb / 1024.0)


def main(argv):
    ap = argparse.ArgumentParser(description="Ferropy benchmarks vs python3")
    ap.add_argument("filter", nargs="?", default="", help="run benchmarks whose name contains this")
    ap.add_argument("-n", "--runs", type=int, default=3, help="runs per engine, best is kept")
    ap.add_argument("--no-build", action="store_true", help="do not run cargo build first")
    ap.add_argument("--ferropy", default=DEFAULT_FERROPY, help="the ferropy binary to measure")
    ap.add_argument("--python", default="python3", help="the reference python (default python3)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per run before a kill")
    args = ap.parse_args(argv)

    if not args.no_build and os.path.abspath(args.ferropy) == DEFAULT_FERROPY:
        build()
    ferropy = os.path.abspath(args.ferropy)
    if not os.access(ferropy, os.X_OK):
        print("no ferropy binary at %s (build it, or pass --ferropy)" % ferropy, file=sys.stderr)
        return 2
    micropython = shutil.which("micropython")

    names = sorted(
        f[:-3]
        for f in os.listdir(BENCH_DIR)
        if f.endswith(".py") and f != "run.py" and not f.startswith("_") and args.filter in f[:-3]
    )
    if not names:
        print("no benchmark matches %r" % args.filter, file=sys.stderr)
        return 2

    header = ["benchmark", "python3 s", "ferropy s", "ratio"]
    if micropython:
        header += ["micropython s", "mpy ratio"]
    header += ["ferropy rss", "status"]
    rows = []
    ratios = []
    mpy_ratios = []
    problems = []
    print("best of %d runs; ratio = engine time / python3 time (< 1: faster than python3)"
          % args.runs, flush=True)
    for name in names:
        script = name + ".py"
        print("  %s ..." % name, end="", flush=True)
        ref = best_of([args.python, script], BENCH_DIR, args.runs, args.timeout)
        fp = best_of([ferropy, script], BENCH_DIR, args.runs, args.timeout)
        mp = best_of([micropython, script], BENCH_DIR, args.runs, args.timeout) if micropython else None
        if ref.timed_out:
            status = "python3 timed out after %g s" % args.timeout
        elif not ref.ok:
            status = "python3 failed: " + last_line(ref.stderr)
        elif fp.timed_out:
            status = "ERROR: timeout after %g s" % args.timeout
        elif not fp.ok:
            status = "ERROR: exit %d: %s" % (fp.code, last_line(fp.stderr))
        elif fp.stdout != ref.stdout:
            status = "MISMATCH: " + first_difference(ref.stdout, fp.stdout)
        else:
            status = "ok"
            ratios.append(fp.seconds / ref.seconds)
        if mp is not None and ref.ok and mp.ok:
            mpy_ratios.append(mp.seconds / ref.seconds)
            if mp.stdout != ref.stdout:
                status += " (micropython output differs)"
        if not status.startswith("ok"):
            problems.append(name)
        print(" " + status.split(":")[0], flush=True)
        row = [name, fmt_time(ref), fmt_time(fp), fmt_ratio(fp, ref)]
        if micropython:
            row += [fmt_time(mp), fmt_ratio(mp, ref)]
        row += [fmt_kb(fp.maxrss_kb) if fp.ok else "-", status]
        rows.append(row)

    gm = geomean(ratios)
    foot = ["geomean", "", "", "-" if gm is None else "%.2f" % gm]
    if micropython:
        mgm = geomean(mpy_ratios)
        foot += ["", "-" if mgm is None else "%.2f" % mgm]
    foot += ["", "%d of %d ok" % (len(ratios), len(names))]

    table = [header] + rows + [foot]
    widths = [max(len(r[i]) for r in table[:-1] + [foot]) for i in range(len(header) - 1)]
    print()
    for k, r in enumerate(table):
        if k == len(table) - 1 or k == 1:
            print("-" * (sum(widths) + 2 * len(widths) + 6))
        cells = [r[i].ljust(widths[i]) if i == 0 else r[i].rjust(widths[i])
                 for i in range(len(widths))]
        print("  ".join(cells) + "  " + r[-1])

    print()
    print("peak RSS, ferropy -c pass: %s" % fmt_kb(peak_rss_kb([ferropy, "-c", "pass"])))
    print("peak RSS, python3 -c pass: %s" % fmt_kb(peak_rss_kb([args.python, "-c", "pass"])))
    if micropython:
        print("peak RSS, micropython -c pass: %s" % fmt_kb(peak_rss_kb([micropython, "-c", "pass"])))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
