/*
 * layout.h - where each region of the window goes, for a drawable size and zoom.
 *
 * One pure function from (size, zoom, detail level) to rectangles and type sizes, so a test
 * can check that regions do not overlap and that text stays large at 1280x720. Everything
 * scales with s = min(w / 1280, h / 720) x zoom, so a high-DPI drawable (twice the window's
 * points) simply gets twice the pixels.
 *
 * Not for: what goes inside a region (scene.c builds the event loop's items).
 */
#ifndef LS_LAYOUT_H
#define LS_LAYOUT_H

#include <stdbool.h>

#include "geom.h"

/* How much of the loop's machinery is shown (the D key). */
typedef enum {
    DETAIL_LOOP,  /* everything: handles in the ready queue, callbacks, timers */
    DETAIL_TASKS, /* the story: tasks, what each awaits, output */
} Detail;

typedef struct {
    int w, h; /* drawable size in pixels */
    float s;  /* scale: 1.0 at 1280x720 and zoom 100% */
    int px_title, px_body, px_small, px_code, px_narration; /* type sizes in pixels */
    float pad;                                              /* inner margin of a panel */
    float gap;                                              /* space between panels */
    float radius;                                           /* corner radius of panels */
    float border;                                           /* line width of borders */
    float header;                                           /* height of a panel's header line */
    Box title, source, console, loop, narration, timeline;  /* the regions (panels) */
    /* inside the event loop panel */
    Box running, ready, waiting, futures, timers, finished;
} Layout;

/* Computes every rectangle for a drawable of w x h pixels. */
void layout_compute(Layout *layout, int w, int h, float zoom, Detail detail);

/* The area of a panel below its header line, inset by the padding. */
Box layout_content(const Layout *layout, Box panel);

/* Whether the point lies in the box. */
bool box_contains(Box box, float x, float y);

#endif
