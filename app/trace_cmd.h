/*
 * trace_cmd.h - `loopscope --trace FILE.py [--json]`: the trace of a run on stdout.
 *
 * Not for: the trace itself (engine/trace.c) or the window.
 */
#ifndef LS_TRACE_CMD_H
#define LS_TRACE_CMD_H

#include "cli.h"

/* Prints every event of the run of `path`, one per line; returns the process status
 * (0, or 2 when the file cannot be read). */
int trace_print(const char *path, const CliOptions *opts);

#endif
