/*
 * timeline.c - per-pixel summary of the trace for the scrubber (see timeline.h).
 */
#include "timeline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void timeline_free(Timeline *tl) {
    free(tl->colour);
    free(tl->marks);
    memset(tl, 0, sizeof *tl);
}

/* The marks an event adds to its column. */
static uint8_t marks_of(const LsEvent *ev) {
    switch (ev->kind) {
    case LS_EV_OUTPUT:
        return ev->detail == 2 ? TL_ERROR : TL_PRINT;
    case LS_EV_TASK_SUSPEND:
    case LS_EV_TASK_RESUME:
        return TL_AWAIT;
    case LS_EV_EXCEPTION:
    case LS_EV_INTERRUPT:
        return TL_ERROR;
    case LS_EV_ITERATION:
        return TL_ITERATION;
    default:
        return 0;
    }
}

void timeline_build(Timeline *tl, LsTrace *trace, size_t nevents, int ncols, const Picture *tasks) {
    timeline_free(tl);
    tl->nevents = nevents;
    tl->ncols = ncols > 0 ? ncols : 1;
    tl->colour = malloc((size_t)tl->ncols * sizeof *tl->colour);
    tl->marks = calloc((size_t)tl->ncols, 1);
    for (int c = 0; c < tl->ncols; c++) {
        tl->colour[c] = -1;
    }
    uint32_t last_task = 0;
    int16_t last_colour = -1;
    for (size_t i = 0; i < nevents; i++) {
        const LsEvent *ev = ls_trace_event(trace, i);
        if (ev == NULL) {
            break;
        }
        int col = (int)((double)i * tl->ncols / (double)nevents);
        tl->marks[col] |= marks_of(ev);
        if (ev->task != 0 && ev->task != last_task) { /* one lookup per run of a task */
            const PicTask *t = tasks ? picture_task(tasks, ev->task) : NULL;
            last_task = ev->task;
            last_colour = t ? (int16_t)t->colour : -1;
        }
        if (ev->task != 0 && last_colour >= 0) {
            tl->colour[col] = last_colour;
        }
    }
}

size_t timeline_step_at(const Timeline *tl, float fraction) {
    fraction = fraction < 0 ? 0 : fraction > 1 ? 1 : fraction;
    return (size_t)lround(fraction * (double)tl->nevents);
}

float timeline_fraction(const Timeline *tl, size_t step) {
    return tl->nevents ? (float)((double)step / (double)tl->nevents) : 0;
}
