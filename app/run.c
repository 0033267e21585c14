/*
 * run.c - `loopscope --run`: one scenario, no window, output like python3's.
 *
 * stdout is buffered as CPython buffers it (fully when piped or redirected, by line on a
 * terminal) and flushed at exit; stderr is unbuffered. So the bytes on each stream, and
 * their interleaving when both go to one pipe, match `python3 FILE.py`.
 */
#include "run.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <unistd.h>

#include "loopscope.h"
#include "source.h"

enum {
    STATUS_BAD_FILE = 2,      /* the file is missing, a directory, unreadable or not UTF-8 */
    STATUS_NO_MEMORY = 1,     /* the engine could not be created */
    STATUS_FLUSH_FAILED = 120 /* CPython's status when flushing stdout at exit fails */
};

/* LsWriteFn: the engine's output goes to our stdout and stderr. */
static void write_output(void *user, LsStream stream, const char *text, size_t len) {
    (void)user;
    fwrite(text, 1, len, stream == LS_STDERR ? stderr : stdout);
}

static void buffer_stdout_like_cpython(void) {
    setvbuf(stdout, NULL, isatty(fileno(stdout)) ? _IOLBF : _IOFBF, 1 << 16);
}

/* Flushes the program's output and turns the run's result into the process's end. */
static int finish(LsResult result, int status) {
    if (fflush(stdout) != 0) {
        fprintf(stderr, "loopscope: cannot write stdout: %s\n", strerror(errno));
        return STATUS_FLUSH_FAILED;
    }
    if (result == LS_INTERRUPTED) {
        /* Die of SIGINT like CPython, so a calling shell stops too and sees status 130. */
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
        return 128 + SIGINT; /* only if SIGINT could not end us */
    }
    return status;
}

int run_headless(const char *path, const CliOptions *opts) {
    char error[PATH_MAX + 128];
    Source source;
    if (!source_load(&source, path, error, sizeof error)) {
        fprintf(stderr, "loopscope: %s\n", error);
        return STATUS_BAD_FILE;
    }
    buffer_stdout_like_cpython();

    const char *argv[] = {path}; /* sys.argv; outlives the engine */
    LsConfig config;
    ls_config_init(&config);
    config.write = write_output;
    config.argc = 1;
    config.argv = argv;
    if (opts->has_max_steps) {
        config.max_steps = opts->max_steps;
    }
    /* A test hook: LOOPSCOPE_GC_THRESHOLD=1 runs the cycle collector at every safe point, so
     * the corpus doubles as a stress test of it (tools/gc-stress.sh). */
    const char *gc = getenv("LOOPSCOPE_GC_THRESHOLD");
    if (gc && atol(gc) > 0) {
        config.gc_threshold = (size_t)atol(gc);
    }
    LsEngine *engine = ls_engine_new(&config);
    if (engine == NULL) {
        fprintf(stderr, "loopscope: out of memory\n");
        source_free(&source);
        return STATUS_NO_MEMORY;
    }
    LsResult result = ls_run_source(engine, path, source.text, source.length);
    int status = ls_exit_status(engine);
    ls_engine_delete(engine);
    source_free(&source);
    return finish(result, status);
}
