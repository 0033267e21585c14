#!/usr/bin/env python3
"""Golden traces of the seed scenarios.

    python3 tests/trace/run.py --loopscope PATH/TO/loopscope [--update] [-k SUBSTRING]

For every scenarios/NN_*.py this runs `loopscope --trace scenarios/NN_*.py` (cwd = the
repository root, the path relative to it) and compares stdout with
tests/trace/NN_*.trace.  A change in scheduling order, labels or line numbers shows up
as a diff.  --update rewrites the goldens (review the diff with git before keeping it).
The last line of output is "traces: N passed, N failed"; exit status 0 iff all passed.
"""

import argparse
import difflib
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MAX_DIFF_LINES = 40


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--loopscope", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("-k", default="")
    args = ap.parse_args()
    exe = os.path.abspath(args.loopscope)
    passed = failed = 0
    for path in sorted(glob.glob(os.path.join(ROOT, "scenarios", "*.py"))):
        rel = os.path.relpath(path, ROOT)
        if args.k not in rel:
            continue
        golden = os.path.join(HERE, os.path.basename(path)[:-3] + ".trace")
        run = subprocess.run([exe, "--trace", rel], cwd=ROOT, capture_output=True, timeout=60)
        got = run.stdout.decode("utf-8", "replace")
        if run.returncode != 0:
            print(f"FAIL {rel}: status {run.returncode}: {run.stderr.decode()[-300:]}")
            failed += 1
            continue
        if args.update:
            with open(golden, "w", encoding="utf-8") as f:
                f.write(got)
            print(f"wrote {os.path.relpath(golden, ROOT)}")
            passed += 1
            continue
        try:
            with open(golden, encoding="utf-8") as f:
                want = f.read()
        except FileNotFoundError:
            print(f"FAIL {rel}: no golden {os.path.relpath(golden, ROOT)} (run with --update)")
            failed += 1
            continue
        if got == want:
            passed += 1
            continue
        failed += 1
        print(f"FAIL {rel}: trace differs from {os.path.relpath(golden, ROOT)}")
        diff = list(difflib.unified_diff(want.splitlines(), got.splitlines(), "golden",
                                         "loopscope", lineterm="", n=2))
        for line in diff[:MAX_DIFF_LINES]:
            print("    " + line)
        if len(diff) > MAX_DIFF_LINES:
            print(f"    ... {len(diff) - MAX_DIFF_LINES} more diff lines")
    print(f"traces: {passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
