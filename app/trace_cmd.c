/*
 * trace_cmd.c - `loopscope --trace FILE.py [--json] [--max-events N]`: runs the program
 * under the trace (engine/include/loopscope_trace.h) and prints each event as it comes,
 * readable ("[  12] t=1.000 Task-2   ready.push   task_wakeup(Task-2)") or as JSON Lines
 * (docs/TRACE.md). The program's own output is not printed: it is in the OUTPUT events.
 *
 * The trace is consumed in chunks and never seeked, so memory stays small and a program
 * that never ends prints until --max-events (or its step budget) stops it.
 *
 * Not for: the window, or running without a trace (run.c).
 */
#include "trace_cmd.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loopscope_trace.h"
#include "source.h"

enum { STATUS_BAD_FILE = 2, STATUS_NO_MEMORY = 1, STATUS_WRITE_FAILED = 120 };
enum { CHUNK = 4096, LINE_CAP = 1 << 16 };

/* Prints events [0, limit) of the trace; false when stdout fails. */
static bool print_events(LsTrace *trace, uint64_t limit, bool json) {
    char *line = malloc(LINE_CAP);
    if (line == NULL) {
        return false;
    }
    bool ok = true;
    for (size_t seq = 0; seq < limit && ok; seq++) {
        if (seq >= ls_trace_length(trace, NULL) && ls_trace_extend(trace, seq + CHUNK) <= seq) {
            break;
        }
        size_t n = ls_trace_format(trace, seq, json, line, LINE_CAP);
        if (n >= LINE_CAP) { /* a very long output event: print it whole */
            char *big = malloc(n + 1);
            ok = big != NULL;
            if (ok) {
                ls_trace_format(trace, seq, json, big, n + 1);
                ok = fwrite(big, 1, n, stdout) == n && putchar('\n') != EOF;
            }
            free(big);
        } else {
            ok = fwrite(line, 1, n, stdout) == n && putchar('\n') != EOF;
        }
    }
    free(line);
    return ok;
}

int trace_print(const char *path, const CliOptions *opts) {
    char error[PATH_MAX + 128];
    Source source;
    if (!source_load(&source, path, error, sizeof error)) {
        fprintf(stderr, "loopscope: %s\n", error);
        return STATUS_BAD_FILE;
    }
    LsConfig config;
    ls_config_init(&config);
    if (opts->has_max_steps) {
        config.max_steps = opts->max_steps;
    }
    LsTrace *trace = ls_trace_open(&config, path, source.text, source.length);
    if (trace == NULL) {
        fprintf(stderr, "loopscope: out of memory\n");
        source_free(&source);
        return STATUS_NO_MEMORY;
    }
    uint64_t limit = opts->has_max_events ? opts->max_events : UINT64_MAX;
    bool ok = print_events(trace, limit, opts->json) && fflush(stdout) == 0;
    ls_trace_delete(trace);
    source_free(&source);
    if (!ok) {
        fprintf(stderr, "loopscope: cannot write stdout: %s\n", strerror(errno));
        return STATUS_WRITE_FAILED;
    }
    return 0;
}
