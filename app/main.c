/*
 * main.c - the `loopscope` binary: parse the command line, then dispatch.
 *
 *   loopscope [FILE.py]          open the simulator window (not built yet: runs headless)
 *   loopscope --run FILE.py      run without a window, printing what python3 prints
 *   loopscope --help | --version
 *
 * Command-line errors: one line on stderr and status 2 (UI.md, "Command line").
 * Not for: parsing details (cli.c), running programs (run.c), finding scenarios (scenarios.c).
 */
#include <limits.h>
#include <stdio.h>

#include "cli.h"
#include "loopscope.h"
#include "run.h"
#include "scenarios.h"

enum { STATUS_USAGE = 2, STATUS_INTERNAL = 70 };

/* `loopscope [FILE.py]`: the window does not exist yet, so say so and run headless. */
static int open_window(const CliOptions *opts) {
    char first[PATH_MAX + NAME_MAX + 2], error[PATH_MAX + 128];
    const char *file = opts->file;
    if (file == NULL) {
        if (!scenarios_first(first, sizeof first, error, sizeof error)) {
            fprintf(stderr, "loopscope: %s\n", error);
            return STATUS_USAGE;
        }
        file = first;
    }
    fprintf(stderr, "loopscope: no window yet; running '%s' as --run would\n", file);
    return run_headless(file, opts);
}

int main(int argc, char **argv) {
    CliOptions opts;
    char error[256];
    if (!cli_parse(&opts, argc, argv, error, sizeof error)) {
        fprintf(stderr, "loopscope: %s (try --help)\n", error);
        return STATUS_USAGE;
    }
    switch (opts.mode) {
    case CLI_HELP:
        cli_print_usage(stdout);
        return 0;
    case CLI_VERSION:
        puts(ls_version());
        return 0;
    case CLI_RUN:
        return run_headless(opts.file, &opts);
    case CLI_WINDOW:
        return open_window(&opts);
    }
    return STATUS_INTERNAL;
}
