/*
 * window.h - the simulator window: `loopscope [FILE.py]`.
 *
 * Not for: off-screen frames (render.h) or what is drawn (app.h, views.h).
 */
#ifndef LS_WINDOW_H
#define LS_WINDOW_H

#include "cli.h"

/* Opens the window on `file` and runs until it is closed; returns the process status. */
int window_run(const CliOptions *opts, const char *file);

#endif
