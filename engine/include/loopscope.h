/*
 * loopscope.h - the engine's public API: the only engine header that app/ includes.
 *
 * An LsEngine runs one scenario (a Python 3.11 subset program) with CPython's semantics.
 * It does no I/O: everything the program prints goes through the write callback of its
 * LsConfig. All state lives in the engine struct, so many engines can exist in one process.
 *
 * Not for: windows, fonts or files. The host reads the file and hands over its bytes.
 */
#ifndef LOOPSCOPE_H
#define LOOPSCOPE_H

#include <stddef.h>
#include <stdint.h>

#define LS_VERSION "0.1.0"

/* Where a piece of output goes. */
typedef enum {
    LS_STDOUT = 1,
    LS_STDERR = 2,
} LsStream;

/* How a run ended. ls_exit_status() maps each to the process status CPython would give. */
typedef enum {
    LS_OK,           /* the program ran to its end (status 0) */
    LS_EXIT,         /* SystemExit: status from sys.exit() */
    LS_ERROR,        /* uncaught exception, traceback already written (status 1) */
    LS_SYNTAX_ERROR, /* SyntaxError / IndentationError, written as CPython does (status 1) */
    LS_UNSUPPORTED,  /* construct outside the subset: "FILE:LINE:COL: X is not supported" (2) */
    LS_INTERRUPTED,  /* uncaught KeyboardInterrupt (the shell sees 130) */
    LS_STEP_LIMIT,   /* ran past config.max_steps; a message was written (status 3) */
    LS_IDLE_FOREVER, /* event loop idle with nothing scheduled: "loop idle forever" (3) */
    LS_INTERNAL,     /* a bug in loopscope itself; a message was written (status 70) */
} LsResult;

/* Receives program output. `text` is UTF-8, not NUL-terminated, borrowed for the call. */
typedef void (*LsWriteFn)(void *user, LsStream stream, const char *text, size_t len);

/* Engine settings. Call ls_config_init() first; it sets every field to its default. */
typedef struct {
    LsWriteFn write;     /* output sink; default: discard */
    void *user;          /* passed to write */
    uint64_t max_steps;  /* bytecode instructions before LS_STEP_LIMIT; default 2,000,000,000 */
    int max_depth;       /* Python call depth before RecursionError; default 1000 (as CPython) */
    size_t memory_limit; /* bytes the program may allocate before MemoryError; 0: 1 GiB */
    size_t gc_threshold; /* tracked allocations between cycle collections; default 10,000
                            (1 collects at every safe point: a stress test of the collector) */
    int argc;            /* sys.argv for the program; argv[0] is the script name */
    const char *const *argv;
} LsConfig;

typedef struct LsEngine LsEngine;

/* Sets every field of `config` to its documented default. */
void ls_config_init(LsConfig *config);

/* Creates an engine; returns NULL only when memory is exhausted. */
LsEngine *ls_engine_new(const LsConfig *config);

/* Frees the engine and everything it allocated. */
void ls_engine_delete(LsEngine *engine);

/*
 * Compiles and runs a whole program. `filename` is the name shown in tracebacks
 * (as given on the command line, like CPython). `source` need not be NUL-terminated;
 * it must be valid UTF-8 (the host checks). Output goes to config.write.
 */
LsResult ls_run_source(LsEngine *engine, const char *filename, const char *source, size_t length);

/* The exit status CPython would have for the last run (0, 1, sys.exit's code, 130, ...). */
int ls_exit_status(const LsEngine *engine);

/* Bytes currently allocated by the engine (for tests and memory budgets). */
size_t ls_bytes_allocated(const LsEngine *engine);

/* A human-readable version string, e.g. "loopscope 0.1.0". */
const char *ls_version(void);

#endif
