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

import sys

from benchlib import Score, main

TARGET_RATIO = 2.0
RATIO = Score("ratio", lambda py_s, ls_s: ls_s / py_s, lambda r: "%.2f" % r,
              lambda r: r <= TARGET_RATIO, "within %gx" % TARGET_RATIO,
              "beyond %gx" % TARGET_RATIO)

if __name__ == "__main__":
    sys.exit(main(__doc__.split("\n")[0], "cpu", RATIO, "fail when a ratio exceeds 2x"))
