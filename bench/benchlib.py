"""Shared by bench/run_cpu.py and bench/run_aio.py: run programs under python3 and
`loopscope --run` side by side, keep the best of --runs wall times, check both printed the
same, and print a table with a score per program (each script says what the score is)."""

import argparse
import glob
import os
import subprocess
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT = 120.0


class Score:
    """What a script measures: a column title, how to compute and print the score, and
    whether it meets the target (e.g. ratio <= 2, or speedup >= 2)."""

    def __init__(self, column, compute, text, meets, target_label, miss_word):
        self.column, self.compute, self.text = column, compute, text
        self.meets, self.target_label, self.miss_word = meets, target_label, miss_word


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


def bench_one(program, args, score):
    """Returns one table row (name, python3 s, loopscope s, score or None, verdict) and
    whether both outputs agreed."""
    rel = os.path.relpath(os.path.abspath(program), REPO_ROOT)
    py_s, py_status, py_out, py_err = best_of([args.python, rel], args.runs)
    ls_s, ls_status, ls_out, ls_err = best_of([args.loopscope, "--run", rel], args.runs)
    name = os.path.basename(rel)
    if py_status != 0:
        return (name, py_s, ls_s, None, "python3 failed: " + last_line(py_err)), False
    if ls_status != 0 or ls_out != py_out:
        why = last_line(ls_err) if ls_status != 0 else "stdout differs"
        return (name, py_s, ls_s, None, "MISMATCH: %s (status %d)" % (why, ls_status)), False
    value = score.compute(py_s, ls_s)
    return (name, py_s, ls_s, value, "yes" if score.meets(value) else "NO"), True


def parse_args(description, subdir, strict_help):
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--loopscope", default=os.path.join(REPO_ROOT, "build", "loopscope"),
                    help="the loopscope binary (default: build/loopscope)")
    ap.add_argument("--python", default="python3", help="the CPython to compare with")
    ap.add_argument("--runs", type=int, default=3, help="runs of each, best kept (default 3)")
    ap.add_argument("--strict", action="store_true", help=strict_help)
    ap.add_argument("programs", nargs="*", help="default: bench/%s/*.py" % subdir)
    args = ap.parse_args()
    args.loopscope = os.path.abspath(args.loopscope)
    if not os.access(args.loopscope, os.X_OK):
        ap.error("no loopscope binary at %s (build first: tools/test.sh)" % args.loopscope)
    return args


def main(description, subdir, score, strict_help):
    """Runs the programs of bench/SUBDIR (or those given), prints the table and a summary;
    returns the exit status (1 on different output, or a missed target with --strict)."""
    args = parse_args(description, subdir, strict_help)
    programs = args.programs or sorted(glob.glob(os.path.join(REPO_ROOT, "bench", subdir, "*.py")))
    rows, agreed = [], True
    for program in programs:
        row, same = bench_one(program, args, score)
        rows.append(row)
        agreed = agreed and same
    print("%-18s %10s %12s %8s  %s" % ("program", "python3 s", "loopscope s", score.column,
                                        score.target_label))
    for name, py_s, ls_s, value, verdict in rows:
        text = "-" if value is None else score.text(value)
        print("%-18s %10.3f %12.3f %8s  %s" % (name, py_s, ls_s, text, verdict))
    missed = [r for r in rows if r[3] is not None and not score.meets(r[3])]
    print("%d programs, %d with different output, %d %s"
          % (len(rows), sum(1 for r in rows if r[3] is None), len(missed), score.miss_word))
    return 0 if agreed and not (args.strict and missed) else 1
