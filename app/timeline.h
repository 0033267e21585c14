/*
 * timeline.h - the scrubber's summary of the whole trace: one column per pixel.
 *
 * Built once each time the trace grows or the width changes (not per frame): each column
 * holds the colour of the task most involved in its events and marks for prints, awaits and
 * errors, so a million events draw as fast as ten. Not for: drawing (view_chrome.c).
 */
#ifndef LS_TIMELINE_H
#define LS_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "loopscope_trace.h"
#include "picture.h"

enum { TL_PRINT = 1, TL_AWAIT = 2, TL_ERROR = 4, TL_ITERATION = 8 };

typedef struct {
    size_t nevents;  /* trace length it was built for */
    int ncols;       /* columns (pixels of the track) */
    int16_t *colour; /* per column: palette index of its task, -1 none */
    uint8_t *marks;  /* per column: TL_* bits */
} Timeline;

/*
 * Summarises the first `nevents` events of `trace` into `ncols` columns; task colours come
 * from `tasks` (a picture late enough to know every task of those events).
 */
void timeline_build(Timeline *tl, LsTrace *trace, size_t nevents, int ncols, const Picture *tasks);
void timeline_free(Timeline *tl);

/* The step a column (0..ncols) stands for, and back. */
size_t timeline_step_at(const Timeline *tl, float fraction);
float timeline_fraction(const Timeline *tl, size_t step);

#endif
