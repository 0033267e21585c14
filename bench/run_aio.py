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

import sys

from benchlib import Score, main

TARGET_SPEEDUP = 2.0
SPEEDUP = Score("speedup", lambda py_s, ls_s: py_s / ls_s, lambda s: "%.2fx" % s,
                lambda s: s >= TARGET_SPEEDUP, ">= %gx" % TARGET_SPEEDUP,
                "below %gx" % TARGET_SPEEDUP)

if __name__ == "__main__":
    sys.exit(main(__doc__.split("\n")[0], "aio", SPEEDUP, "fail when a speedup is below 2x"))
