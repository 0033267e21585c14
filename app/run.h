/*
 * run.h - runs a scenario without a window (`loopscope --run FILE.py`).
 *
 * Prints exactly what `python3 FILE.py` would print and returns the same exit status.
 * Not for: the window, tracing or rendering.
 */
#ifndef LS_RUN_H
#define LS_RUN_H

#include "cli.h"

/*
 * Reads `path`, runs it in a fresh engine with the settings of `opts` (--max-steps) and
 * sys.argv == [path], and writes its stdout and stderr to ours. Returns the process exit
 * status: the program's (0, 1, sys.exit's code, ...), or 2 when the file cannot be used.
 * An uncaught KeyboardInterrupt ends the process by SIGINT, as CPython does (shell: 130).
 */
int run_headless(const char *path, const CliOptions *opts);

#endif
