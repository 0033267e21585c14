/*
 * main.c - the `loopscope` binary: parse the command line, then dispatch.
 *
 *   loopscope [FILE.py]          open the simulator window
 *   loopscope --run FILE.py      run without a window, printing what python3 prints
 *   loopscope --render DIR FILE.py   write each step's frame as PNG (no display needed)
 *   loopscope --trace FILE.py    print the trace (readable, or JSON Lines with --json)
 *   loopscope --help | --version
 *
 * Command-line errors: one line on stderr and status 2 (UI.md, "Command line").
 * Not for: parsing details (cli.c), running programs (run.c), finding scenarios (scenarios.c).
 */
#include <limits.h>
#include <stdio.h>

#include "cli.h"
#include "loopscope.h"
#include "render.h"
#include "run.h"
#include "scenarios.h"
#include "window.h"
#include "trace_cmd.h"

enum { STATUS_USAGE = 2, STATUS_INTERNAL = 70 };

/* `loopscope [FILE.py]`: the window, on the file or the library's first scenario. */
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
    return window_run(opts, file);
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
    case CLI_TRACE:
        return trace_print(opts.file, &opts);
    case CLI_WINDOW:
        return open_window(&opts);
    case CLI_RENDER:
        return render_frames(&opts);
    }
    return STATUS_INTERNAL;
}
