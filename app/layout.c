/*
 * layout.c - the window's regions (see layout.h).
 *
 *   +--------------------------------------------------------------+
 *   | title: scenario - step k/n - t = 1.000 s - by event - 1x     |
 *   +--------------------+-----------------------------------------+
 *   | source             | event loop: running | ready queue       |
 *   |                    |             waiting ->  futures         |
 *   +--------------------+             timers (virtual time)       |
 *   | console            |             finished                    |
 *   +--------------------+-----------------------------------------+
 *   | narration                                                    |
 *   | timeline                                                     |
 *   +--------------------------------------------------------------+
 */
#include "layout.h"

#include <math.h>

static int px(float size, float s) {
    return (int)lroundf(size * s);
}

/* The event loop panel's inner boxes. */
static void layout_loop(Layout *l, Detail detail) {
    Box c = layout_content(l, l->loop);
    float g = l->gap * 1.2f;
    float h = c.h - (detail == DETAIL_LOOP ? 3 : 2) * g;
    float row_a = h * 0.23f;
    float timers = detail == DETAIL_LOOP ? h * 0.17f : 0;
    float finished = h * 0.135f;
    float row_b = h - row_a - timers - finished;
    float y = c.y;
    float run_w = c.w * 0.36f;
    l->running = (Box){c.x, y, run_w, row_a};
    l->ready = (Box){c.x + run_w + g, y, c.w - run_w - g, row_a};
    y += row_a + g;
    float wait_w = c.w * 0.40f, arrows = c.w * 0.13f;
    l->waiting = (Box){c.x, y, wait_w, row_b};
    l->futures = (Box){c.x + wait_w + arrows, y, c.w - wait_w - arrows, row_b};
    y += row_b + g;
    l->timers = (Box){c.x, y, c.w, timers};
    y += timers + (timers > 0 ? g : 0);
    l->finished = (Box){c.x, y, c.w, c.y + c.h - y};
}

void layout_compute(Layout *l, int w, int h, float zoom, Detail detail) {
    float s = fminf(w / 1280.0f, h / 720.0f) * zoom;
    *l = (Layout){.w = w, .h = h, .s = s};
    l->px_title = px(23, s);
    l->px_body = px(18, s);
    l->px_small = px(15, s);
    l->px_code = px(17, s);
    l->px_narration = px(21, s);
    l->pad = roundf(10 * s);
    l->gap = roundf(8 * s);
    l->radius = roundf(8 * s);
    l->border = fmaxf(1, roundf(1.2f * s));
    l->header = roundf(l->px_small * 1.9f);

    float g = l->gap, title_h = roundf(50 * s), timeline_h = roundf(44 * s);
    float narration_h = roundf(l->px_narration * 3.3f);
    l->title = (Box){0, 0, (float)w, title_h};
    l->timeline = (Box){g, h - timeline_h - g, w - 2 * g, timeline_h};
    l->narration = (Box){g, l->timeline.y - g - narration_h, w - 2 * g, narration_h};
    float top = title_h, bottom = l->narration.y - g;
    float left_w = roundf((w - 3 * g) * 0.41f);
    float source_h = roundf((bottom - top) * 0.63f);
    l->source = (Box){g, top, left_w, source_h};
    l->console = (Box){g, top + source_h + g, left_w, bottom - top - source_h - g};
    l->loop = (Box){2 * g + left_w, top, w - 3 * g - left_w, bottom - top};
    layout_loop(l, detail);
}

Box layout_content(const Layout *l, Box panel) {
    return (Box){panel.x + l->pad, panel.y + l->header, panel.w - 2 * l->pad,
                 panel.h - l->header - l->pad * 0.8f};
}

bool box_contains(Box b, float x, float y) {
    return x >= b.x && y >= b.y && x < b.x + b.w && y < b.y + b.h;
}
