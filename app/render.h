/*
 * render.h - `loopscope --render DIR FILE.py`: the frames of a scenario as PNG files,
 * drawn by the same code as the window into an off-screen surface. No display is needed.
 *
 * Not for: the window (window.h).
 */
#ifndef LS_RENDER_H
#define LS_RENDER_H

#include "cli.h"

/* Writes DIR/step-NNNNN.png for each step of the range; returns the process status. */
int render_frames(const CliOptions *opts);

#endif
