#!/usr/bin/env python3
"""loopscope conformance runner.

    python3 tests/conformance/run.py --loopscope PATH/TO/loopscope [-j N] [-k SUBSTRING] [-v] [DIR_OR_FILES...]

For every program X.py (default: all *.py under tests/conformance, recursively;
run.py and files starting with "_" are not tests) this runs

    PATH/TO/loopscope --run X.py

with cwd = the repository root and X.py given relative to the repository root
(absolute if outside it) -- the same convention tests/oracle/oracle.py used to
make the goldens -- and a 20 s timeout.  It compares

    stdout (bytes)                          with X.out
    exit status (death by signal N = 128+N) with X.status
    last line of stderr                     with X.err

Failures are printed with a short diff; the last line of output is exactly
"N passed, N failed".  Exit status 0 iff every selected test passed (and at
least one was selected).  Goldens are never written here: use
`python3 tests/oracle/oracle.py --write X.py`.
"""

import argparse
import difflib
import os
import shutil
import signal
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "oracle"))
from normalize import normalize_err  # noqa: E402 (tests/oracle/normalize.py)
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
SELF = os.path.abspath(__file__)
TIMEOUT = 20.0
MAX_DIFF_LINES = 30


def program_path(path):
    """Same convention as tests/oracle/oracle.py: relative to the repo root if inside it."""
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, REPO_ROOT)
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return absolute
    return rel


def last_stderr_line(stderr_bytes):
    text = stderr_bytes.decode("utf-8", "replace")
    if text.endswith("\n"):
        text = text[:-1]
    return text.rsplit("\n", 1)[-1]


def status_of(returncode):
    return 128 - returncode if returncode < 0 else returncode


def is_test(path):
    name = os.path.basename(path)
    return (name.endswith(".py") and not name.startswith("_")
            and os.path.abspath(path) != SELF)


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames
                                     if not d.startswith((".", "_")))
                for n in sorted(filenames):
                    full = os.path.join(dirpath, n)
                    if is_test(full):
                        files.append(full)
        elif os.path.isfile(p):
            files.append(p)
        else:
            files.append(p)  # reported as a failure (missing file)
    seen = set()
    unique = []
    for f in files:
        key = os.path.abspath(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def read_goldens(py):
    base = py[:-3] if py.endswith(".py") else py
    missing = []
    gold = {}
    for ext in ("out", "status", "err"):
        p = base + "." + ext
        try:
            with open(p, "rb") as f:
                gold[ext] = f.read()
        except OSError:
            missing.append(os.path.basename(p))
    return gold, missing


def short_diff(expected, got, label):
    a = expected.decode("utf-8", "replace").splitlines(keepends=True)
    b = got.decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(a, b, "expected " + label, "got " + label, n=2))
    if not lines:  # differ only in bytes that decode identically
        return "    (stdout bytes differ: expected %d bytes, got %d)\n" % (len(expected), len(got))
    if len(lines) > MAX_DIFF_LINES:
        lines = lines[:MAX_DIFF_LINES] + ["... (%d more diff lines)\n" % (len(lines) - MAX_DIFF_LINES)]
    out = []
    for l in lines:
        if not l.endswith("\n"):
            l += "\n\\ No newline at end of file\n"
        out.append("    " + l.replace("\n", "\n    ", l.count("\n") - 1))
    return "".join(out)


def run_one(loopscope, py):
    """Return (passed, report_text, stderr_bytes)."""
    rel = program_path(py)
    if not os.path.isfile(py):
        return False, "no such file: %s" % py, b""
    gold, missing = read_goldens(py)
    if missing:
        return False, "missing goldens (%s); make them with tests/oracle/oracle.py --write" % ", ".join(missing), b""
    try:
        proc = subprocess.Popen([loopscope, "--run", rel], cwd=REPO_ROOT,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
    except OSError as e:
        return False, "cannot start %s: %s" % (loopscope, e), b""
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            proc.kill()
        out, err = proc.communicate()
        return False, "timed out after %g s" % TIMEOUT, err
    status = status_of(proc.returncode)
    problems = []
    if out != gold["out"]:
        problems.append("stdout differs:\n" + short_diff(gold["out"], out, "stdout").rstrip("\n"))
    try:
        exp_status = int(gold["status"].decode().strip())
    except ValueError:
        exp_status = None
        problems.append("bad golden .status: %r" % gold["status"])
    if exp_status is not None and exp_status != status:
        note = ""
        if proc.returncode < 0:
            try:
                note = " (killed by %s)" % signal.Signals(-proc.returncode).name
            except ValueError:
                note = " (killed by signal %d)" % -proc.returncode
        problems.append("exit status: expected %d, got %d%s" % (exp_status, status, note))
    exp_err = gold["err"].decode("utf-8", "replace")
    if exp_err.endswith("\n"):
        exp_err = exp_err[:-1]
    got_err = normalize_err(last_stderr_line(err))
    if exp_err != got_err:
        problems.append("last stderr line:\n    expected: %r\n    got:      %r" % (exp_err, got_err))
    if problems:
        return False, "\n".join(problems), err
    return True, "", err


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Run the loopscope conformance corpus against CPython goldens.")
    ap.add_argument("--loopscope", required=True, help="path to the loopscope executable")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="parallel jobs (default: number of CPUs)")
    ap.add_argument("-k", dest="substring", action="append", default=[],
                    help="only tests whose path contains SUBSTRING (repeatable: any matches)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also list passing tests, and show stderr of failing ones")
    ap.add_argument("paths", nargs="*", help="test directories or files (default: tests/conformance)")
    args = ap.parse_args(argv)

    loopscope = args.loopscope
    if os.sep not in loopscope:
        found = shutil.which(loopscope)
        loopscope = found if found else os.path.abspath(loopscope)
    else:
        loopscope = os.path.abspath(loopscope)
    if not os.path.isfile(loopscope) or not os.access(loopscope, os.X_OK):
        print("run.py: %s is not an executable file" % args.loopscope, file=sys.stderr)
        print("0 passed, 0 failed")
        return 2

    tests = collect(args.paths or [HERE])
    if args.substring:
        tests = [t for t in tests if any(s in program_path(t) for s in args.substring)]
    if not tests:
        print("run.py: no tests selected", file=sys.stderr)
        print("0 passed, 0 failed")
        return 1

    passed = failed = 0
    jobs = max(1, args.jobs)
    with ThreadPoolExecutor(max_workers=jobs) as ex:
        for py, (ok, report, err) in zip(tests, ex.map(lambda t: run_one(loopscope, t), tests)):
            if ok:
                passed += 1
                if args.verbose:
                    print("ok   %s" % program_path(py))
            else:
                failed += 1
                print("FAIL %s" % program_path(py))
                for line in report.split("\n"):
                    print("  " + line)
                if args.verbose and err:
                    tail = err.decode("utf-8", "replace").rstrip("\n").split("\n")[-15:]
                    print("  stderr (last %d lines):" % len(tail))
                    for line in tail:
                        print("    " + line)
            sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
