/*
 * cli.h - the `loopscope` command line: what the user asked for, parsed from argv.
 *
 * Parsing only: nothing here opens files or runs programs (see main.c and run.c).
 */
#ifndef LS_CLI_H
#define LS_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* What the user asked the binary to do. */
typedef enum {
    CLI_WINDOW,  /* `loopscope [FILE.py]`: open the window */
    CLI_RUN,     /* `loopscope --run FILE.py`: run without a window, print like python3 */
    CLI_HELP,    /* `--help`: print usage, status 0 */
    CLI_VERSION, /* `--version`: print the version, status 0 */
    CLI_TRACE,   /* `loopscope --trace FILE.py [--json]`: print the trace, one event per line */
    CLI_RENDER,  /* `loopscope --render DIR FILE.py`: write each step's frame as PNG */
} CliMode;

/* The parsed command line. Strings are borrowed from argv. */
typedef struct {
    CliMode mode;
    const char *file;       /* the scenario file; NULL for `loopscope` alone (first scenario) */
    bool has_max_steps;     /* whether --max-steps was given */
    uint64_t max_steps;     /* --max-steps N: step budget for the engine (LsConfig.max_steps) */
    bool json;              /* --json: with --trace, JSON Lines instead of readable lines */
    bool has_max_events;    /* whether --max-events was given */
    uint64_t max_events;    /* --max-events N: with --trace, stop after N events */
    const char *render_dir; /* --render DIR */
    bool has_steps;         /* --steps A-B given */
    size_t first_step;      /* --steps A-B: the range of steps to render, inclusive */
    size_t last_step;       /* SIZE_MAX: to the end */
    int width, height;      /* --size WxH (0: the default 1280x720) */
    const char *lang;       /* --lang en|zh (NULL: English) */
    const char *theme;      /* --theme dark|light|contrast (NULL: dark) */
    const char *detail;     /* --detail loop|tasks (NULL: loop) */
    bool fullscreen;        /* --fullscreen */
} CliOptions;

/*
 * Parses argv into `opts`. On a bad command line returns false and writes a one-line
 * reason (no "loopscope:" prefix, no newline) into `error`.
 */
bool cli_parse(CliOptions *opts, int argc, char **argv, char *error, size_t error_size);

/* Writes the usage text listing every flag to `out`. */
void cli_print_usage(FILE *out);

#endif
