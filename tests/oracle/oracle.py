#!/usr/bin/env python3
"""loopscope oracle: run Python files under real CPython 3.11 on loopscope's
virtual clock (ASYNCIO.md section 1.7) and record / check their goldens.

Usage (from anywhere; paths may be files or directories):

    python3 tests/oracle/oracle.py FILE.py...            # run, print a summary
    python3 tests/oracle/oracle.py -v FILE.py...         # ... with full stdout/stderr
    python3 tests/oracle/oracle.py --write FILE.py|DIR...  # write NAME.out/.status/.err
    python3 tests/oracle/oracle.py --check DIR           # every X.py's stdout == X.out
                                                         # (and X.status / X.err if present)

How a program is run
--------------------
The child is exactly `python3 PATH` with cwd = the repository root, where PATH is
the program's path relative to the repository root (absolute if the file lives
outside the repository).  The conformance runner uses the same convention
(`loopscope --run PATH`, cwd = repo root), so sys.argv[0], __file__ and
traceback paths agree.  The virtual clock is installed by
tests/oracle/boot/sitecustomize.py, which CPython's `site` module imports at
start-up because that directory is put first on PYTHONPATH (it is inert unless
LOOPSCOPE_ORACLE=1).  Nothing else about the program changes: it is a plain
`python3 PATH` run, so tracebacks, SyntaxError reports and exit codes are
CPython's own.

The `#| iteration-cost: D` and `#| interrupt-at: T` header comments are read
here and passed to the child in the environment.  A wait with nothing
scheduled ends the child with "loop idle forever" on stderr and status 3.
A child killed by signal N is recorded as status 128+N (SIGINT -> 130).
The child is killed after 20 s of real time.

Golden files for NAME.py (written next to it):
    NAME.out     stdout, bytes exactly
    NAME.status  exit status in decimal + "\n"
    NAME.err     last line of stderr without its newline, + "\n" ("\n" if stderr is empty)
"""

from normalize import normalize_err  # noqa: E402 (beside this file)
import argparse
import difflib
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
BOOT_DIR = os.path.join(HERE, "boot")
TIMEOUT = 20.0

HEADER_RE = re.compile(r"^#\|\s*(iteration-cost|interrupt-at)\s*:\s*(.*?)\s*$")


def program_path(path):
    """The path handed to the child: relative to the repo root if inside it."""
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, REPO_ROOT)
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return absolute
    return rel


def parse_directives(source_bytes):
    """Return (iteration_cost_str, interrupt_at_list_of_str) from `#|` lines."""
    cost = ""
    interrupts = []
    text = source_bytes.decode("utf-8", "replace")
    for line in text.splitlines():
        m = HEADER_RE.match(line)
        if not m:
            continue
        key, value = m.group(1), m.group(2)
        if key == "iteration-cost":
            float(value)  # validate
            cost = value
        else:
            for part in value.split(","):
                part = part.strip()
                if part:
                    float(part)  # validate
                    interrupts.append(part)
    return cost, interrupts


def child_env(source_bytes, hashseed=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = BOOT_DIR
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # no __pycache__ in the repository
    env["LOOPSCOPE_ORACLE"] = "1"
    env.pop("LOOPSCOPE_ITERATION_COST", None)
    env.pop("LOOPSCOPE_INTERRUPT_AT", None)
    cost, interrupts = parse_directives(source_bytes)
    if cost:
        env["LOOPSCOPE_ITERATION_COST"] = cost
    if interrupts:
        env["LOOPSCOPE_INTERRUPT_AT"] = ",".join(interrupts)
    if hashseed is not None:
        env["PYTHONHASHSEED"] = str(hashseed)
    return env


def status_of(returncode):
    return 128 - returncode if returncode < 0 else returncode


def last_stderr_line(stderr_bytes):
    text = stderr_bytes.decode("utf-8", "replace")
    if text.endswith("\n"):
        text = text[:-1]
    return text.rsplit("\n", 1)[-1]


class Result:
    def __init__(self, path, stdout, stderr, status, timed_out=False):
        self.path = path
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
        self.timed_out = timed_out

    @property
    def err(self):
        return normalize_err(last_stderr_line(self.stderr))

    def same_as(self, other):
        return (self.stdout, self.status, self.err) == (other.stdout, other.status, other.err)


def run_program(path, python=sys.executable, hashseed=None):
    with open(path, "rb") as f:
        source = f.read()
    prog = program_path(path)
    env = child_env(source, hashseed)
    try:
        proc = subprocess.Popen([python, prog], cwd=REPO_ROOT, env=env,
                                stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
    except OSError as e:
        return Result(prog, b"", str(e).encode(), -1)
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, 9)
        except OSError:
            proc.kill()
        out, err = proc.communicate()
        return Result(prog, out, err + b"\noracle: killed after %gs\n" % TIMEOUT,
                      status_of(proc.returncode), timed_out=True)
    return Result(prog, out, err, status_of(proc.returncode))


def golden_paths(py_path):
    base = py_path[:-3] if py_path.endswith(".py") else py_path
    return base + ".out", base + ".status", base + ".err"


def write_goldens(py_path, res):
    out_p, status_p, err_p = golden_paths(py_path)
    with open(out_p, "wb") as f:
        f.write(res.stdout)
    with open(status_p, "w", encoding="utf-8", newline="\n") as f:
        f.write("%d\n" % res.status)
    with open(err_p, "wb") as f:
        f.write(res.err.encode("utf-8") + b"\n")


RUNNER = os.path.join(REPO_ROOT, "tests", "conformance", "run.py")


def is_program(path):
    """Same selection rule as tests/conformance/run.py: *.py, not _*.py, not the runner."""
    name = os.path.basename(path)
    return (name.endswith(".py") and not name.startswith("_")
            and os.path.abspath(path) != RUNNER)


def expand(paths):
    """Files as given; directories searched recursively (skipping . and _ dirs)."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
                files.extend(os.path.join(dirpath, n) for n in sorted(filenames)
                             if is_program(os.path.join(dirpath, n)))
        else:
            files.append(p)
    return files


def short_diff(expected, got, name):
    a = expected.decode("utf-8", "replace").splitlines(keepends=True)
    b = got.decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(a, b, "expected/" + name, "got/" + name, n=2))
    if len(lines) > 40:
        lines = lines[:40] + ["... (%d more diff lines)\n" % (len(lines) - 40)]
    return "".join(l if l.endswith("\n") else l + "\n\\ No newline at end of file\n"
                   for l in lines)


def summarize(res, verbose):
    lines = ["== %s: status %d, %d stdout bytes, last stderr line: %r%s"
             % (res.path, res.status, len(res.stdout), res.err,
                " (TIMED OUT)" if res.timed_out else "")]
    if verbose:
        lines.append("-- stdout --")
        lines.append(res.stdout.decode("utf-8", "replace").rstrip("\n"))
        lines.append("-- stderr --")
        lines.append(res.stderr.decode("utf-8", "replace").rstrip("\n"))
    else:
        out = res.stdout.decode("utf-8", "replace").splitlines()
        for l in out[:8]:
            lines.append("   | " + l)
        if len(out) > 8:
            lines.append("   | ... (%d more lines)" % (len(out) - 8))
    return "\n".join(lines)


def cmd_write(files, jobs, python):
    def work(path):
        first = run_program(path, python, hashseed=0)
        second = run_program(path, python, hashseed=12345)
        return path, first, second

    bad = 0
    with ThreadPoolExecutor(max_workers=jobs) as ex:
        for path, first, second in ex.map(work, files):
            if first.timed_out:
                print("NOT WRITTEN %s: timed out" % path)
                bad += 1
            elif not first.same_as(second):
                print("NOT WRITTEN %s: nondeterministic (two runs differ)" % path)
                sys.stdout.write(short_diff(first.stdout, second.stdout, path))
                if first.status != second.status or first.err != second.err:
                    print("   status %d/%d err %r/%r" % (first.status, second.status,
                                                       first.err, second.err))
                bad += 1
            else:
                write_goldens(path, first)
                print("wrote %s: status %d, err %r" % (path, first.status, first.err))
    print("%d written, %d not written" % (len(files) - bad, bad))
    return 1 if bad else 0


def cmd_check(dirs, jobs, python, verbose):
    files = expand(dirs)
    failures = 0
    with ThreadPoolExecutor(max_workers=jobs) as ex:
        for path, res in zip(files, ex.map(lambda p: run_program(p, python), files)):
            out_p, status_p, err_p = golden_paths(path)
            problems = []
            if not os.path.exists(out_p):
                problems.append("missing %s" % out_p)
            else:
                with open(out_p, "rb") as f:
                    exp = f.read()
                if exp != res.stdout:
                    problems.append("stdout differs:\n" + short_diff(exp, res.stdout, os.path.basename(out_p)))
            if os.path.exists(status_p):
                with open(status_p) as f:
                    exp_status = int(f.read().strip())
                if exp_status != res.status:
                    problems.append("status: expected %d, got %d" % (exp_status, res.status))
            if os.path.exists(err_p):
                with open(err_p, "rb") as f:
                    exp_err = f.read().decode("utf-8", "replace").rstrip("\n")
                if exp_err != res.err:
                    problems.append("last stderr line: expected %r, got %r" % (exp_err, res.err))
            if problems:
                failures += 1
                print("FAIL %s" % path)
                for p in problems:
                    print("  " + p.rstrip("\n").replace("\n", "\n  "))
                if verbose:
                    print(summarize(res, True))
            else:
                print("ok   %s" % path)
    print("%d/%d passed" % (len(files) - failures, len(files)))
    return 1 if failures else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="program files or directories")
    ap.add_argument("--write", action="store_true", help="write goldens next to each file")
    ap.add_argument("--check", metavar="DIR", action="append", default=[],
                    help="check every X.py in DIR against X.out (repeatable)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--python", default=sys.executable,
                    help="CPython 3.11 interpreter (default: the one running the oracle)")
    args = ap.parse_args(argv)

    ver = subprocess.run([args.python, "-c", "import sys; print(sys.version_info[:2] == (3, 11))"],
                         capture_output=True, text=True).stdout.strip()
    if ver != "True":
        print("oracle: %s is not CPython 3.11" % args.python, file=sys.stderr)
        return 2

    rc = 0
    if args.check:
        rc |= cmd_check(args.check, args.jobs, args.python, args.verbose)
    files = expand(args.paths)
    if files:
        if args.write:
            rc |= cmd_write(files, args.jobs, args.python)
        else:
            with ThreadPoolExecutor(max_workers=args.jobs) as ex:
                for res in ex.map(lambda p: run_program(p, args.python), files):
                    print(summarize(res, args.verbose))
    elif not args.check:
        ap.print_usage()
        return 2
    return rc


if __name__ == "__main__":
    sys.exit(main())
