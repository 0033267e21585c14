#!/usr/bin/env python3
"""CPU benchmark: loopscope's engine against CPython on pure-Python programs.

    python3 bench/run_cpu.py [--loopscope build/loopscope] [--python python3] [--runs 3]
                             [PROGRAM.py ...]

Runs every bench/cpu/*.py (or the programs given) with `python3 X.py` and with
`loopscope --run X.py`, each --runs times, from the repository root, and keeps the
best (smallest) wall time of each. Both must exit 0 and print the same stdout
(each program prints a checksum), else the row says MISMATCH. Prints a table:

    program  python3 s  loopscope s  ratio  within 2x

where ratio = loopscope / python3 and the target is ratio <= 2.0.
Exit status: 0 when every program gave the same output, 1 otherwise
(add --strict to also fail when a program misses the 2x target).
"""

import argparse
import glob
import os
import subprocess
import sys
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET_RATIO = 2.0
TIMEOUT = 120.0


def time_once(command):
    """Runs command once; returns (seconds, exit status, stdout bytes, stderr bytes)."""
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=REPO_ROOT, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=TIMEOUT)
    seconds = time.perf_counter() - start
    return seconds, proc.returncode, proc.stdout, proc.stderr


def best_of(command, runs):
    """Best time of `runs` runs, with the output of the last one."""
    best = None
    for _ in range(runs):
        seconds, status, out, err = time_once(command)
        best = seconds if best is None else min(best, seconds)
        if status != 0:
            break  # a failing run is not worth repeating
    return best, status, out, err


def last_line(data):
    lines = data.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else ""


def bench_one(program, args):
    """Returns one table row (a tuple) and whether both outputs agreed."""
    rel = os.path.relpath(os.path.abspath(program), REPO_ROOT)
    py_s, py_status, py_out, py_err = best_of([args.python, rel], args.runs)
    ls_s, ls_status, ls_out, ls_err = best_of([args.loopscope, "--run", rel], args.runs)
    name = os.path.basename(rel)
    if py_status != 0:
        return (name, py_s, ls_s, None, "python3 failed: " + last_line(py_err)), False
    if ls_status != 0 or ls_out != py_out:
        why = last_line(ls_err) if ls_status != 0 else "stdout differs"
        return (name, py_s, ls_s, None, "MISMATCH: %s (status %d)" % (why, ls_status)), False
    ratio = ls_s / py_s
    verdict = "yes" if ratio <= TARGET_RATIO else "NO"
    return (name, py_s, ls_s, ratio, verdict), True


def print_table(rows):
    print("%-18s %10s %12s %7s  %s" % ("program", "python3 s", "loopscope s", "ratio",
                                        "within %gx" % TARGET_RATIO))
    for name, py_s, ls_s, ratio, verdict in rows:
        ratio_text = "-" if ratio is None else "%.2f" % ratio
        print("%-18s %10.3f %12.3f %7s  %s" % (name, py_s, ls_s, ratio_text, verdict))


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--loopscope", default=os.path.join(REPO_ROOT, "build", "loopscope"),
                    help="the loopscope binary (default: build/loopscope)")
    ap.add_argument("--python", default="python3", help="the CPython to compare with")
    ap.add_argument("--runs", type=int, default=3, help="runs of each, best kept (default 3)")
    ap.add_argument("--strict", action="store_true", help="fail when a ratio exceeds 2x")
    ap.add_argument("programs", nargs="*", help="default: bench/cpu/*.py")
    args = ap.parse_args()
    args.loopscope = os.path.abspath(args.loopscope)
    if not os.access(args.loopscope, os.X_OK):
        ap.error("no loopscope binary at %s (build first: tools/test.sh)" % args.loopscope)
    return args


def main():
    args = parse_args()
    programs = args.programs or sorted(glob.glob(os.path.join(REPO_ROOT, "bench", "cpu", "*.py")))
    rows, agreed = [], True
    for program in programs:
        row, same = bench_one(program, args)
        rows.append(row)
        agreed = agreed and same
    print_table(rows)
    slow = [r for r in rows if r[3] is not None and r[3] > TARGET_RATIO]
    print("%d programs, %d with different output, %d beyond %gx"
          % (len(rows), sum(1 for r in rows if r[3] is None), len(slow), TARGET_RATIO))
    return 0 if agreed and not (args.strict and slow) else 1


if __name__ == "__main__":
    sys.exit(main())
