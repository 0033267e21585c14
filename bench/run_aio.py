#!/usr/bin/env python3
"""asyncio scheduling benchmark: loopscope's native event loop against CPython's asyncio.

    python3 bench/run_aio.py [--loopscope build/loopscope] [--python python3] [--runs 3]
                             [PROGRAM.py ...]

Runs every bench/aio/*.py (or the programs given) with `python3 X.py` and with
`loopscope --run X.py`, side by side, each --runs times, from the repository root, and
keeps the best wall time of each. Both must exit 0 and print the same stdout (each
program prints a checksum), else the row says MISMATCH. loopscope records every
scheduling event while it runs (it always does). Prints a table:

    program  python3 s  loopscope s  speedup  target met

where speedup = python3 time / loopscope time and the target is a speedup of at least
2 (loopscope at least twice as fast). Exit status: 0 when every program gave the same
output, 1 otherwise (add --strict to also fail when a program misses the target).

The programs: 10,000 tasks x 10 sleep(0); 10,000 coroutines in one gather; a
100,000-item producer/consumer Queue; 1,000 tasks with timers of different lengths.
"""

import argparse
import glob
import os
import subprocess
import sys
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET_SPEEDUP = 2.0
TIMEOUT = 120.0


def time_once(command):
    """Runs command once; returns (seconds, exit status, stdout bytes, stderr bytes)."""
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=REPO_ROOT, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=TIMEOUT)
    return time.perf_counter() - start, proc.returncode, proc.stdout, proc.stderr


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
    """Returns one table row and whether both outputs agreed."""
    rel = os.path.relpath(os.path.abspath(program), REPO_ROOT)
    py_s, py_status, py_out, py_err = best_of([args.python, rel], args.runs)
    ls_s, ls_status, ls_out, ls_err = best_of([args.loopscope, "--run", rel], args.runs)
    name = os.path.basename(rel)
    if py_status != 0:
        return (name, py_s, ls_s, None, "python3 failed: " + last_line(py_err)), False
    if ls_status != 0 or ls_out != py_out:
        why = last_line(ls_err) if ls_status != 0 else "stdout differs"
        return (name, py_s, ls_s, None, "MISMATCH: %s (status %d)" % (why, ls_status)), False
    speedup = py_s / ls_s
    verdict = "yes" if speedup >= TARGET_SPEEDUP else "NO"
    return (name, py_s, ls_s, speedup, verdict), True


def print_table(rows):
    print("%-18s %10s %12s %8s  %s" % ("program", "python3 s", "loopscope s", "speedup",
                                        ">= %gx" % TARGET_SPEEDUP))
    for name, py_s, ls_s, speedup, verdict in rows:
        text = "-" if speedup is None else "%.2fx" % speedup
        print("%-18s %10.3f %12.3f %8s  %s" % (name, py_s, ls_s, text, verdict))


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--loopscope", default=os.path.join(REPO_ROOT, "build", "loopscope"),
                    help="the loopscope binary (default: build/loopscope)")
    ap.add_argument("--python", default="python3", help="the CPython to compare with")
    ap.add_argument("--runs", type=int, default=3, help="runs of each, best kept (default 3)")
    ap.add_argument("--strict", action="store_true", help="fail when a speedup is below 2x")
    ap.add_argument("programs", nargs="*", help="default: bench/aio/*.py")
    args = ap.parse_args()
    args.loopscope = os.path.abspath(args.loopscope)
    if not os.access(args.loopscope, os.X_OK):
        ap.error("no loopscope binary at %s (build first: tools/test.sh)" % args.loopscope)
    return args


def main():
    args = parse_args()
    programs = args.programs or sorted(glob.glob(os.path.join(REPO_ROOT, "bench", "aio", "*.py")))
    rows, agreed = [], True
    for program in programs:
        row, same = bench_one(program, args)
        rows.append(row)
        agreed = agreed and same
    print_table(rows)
    slow = [r for r in rows if r[3] is not None and r[3] < TARGET_SPEEDUP]
    print("%d programs, %d with different output, %d below %gx"
          % (len(rows), sum(1 for r in rows if r[3] is None), len(slow), TARGET_SPEEDUP))
    return 0 if agreed and not (args.strict and slow) else 1


if __name__ == "__main__":
    sys.exit(main())
