/*
 * view_console.c - what the program printed so far: each row tinted with the colour of the
 * task that printed it and marked with its shape; stderr (tracebacks) in red.
 */
#include <math.h>

#include "views.h"

static void draw_row(const View *v, const ConsoleRow *row, Box c, float y, float row_h) {
    const Layout *l = v->layout;
    const Theme *th = v->theme;
    float mark_w = roundf(l->px_code * 1.4f);
    bool err = row->stream == 2;
    if (row->colour >= 0 || err) {
        Rgba tint = err ? th->error : theme_task_colour(th, row->colour);
        gfx_fill(v->gfx, (Box){c.x, y, c.w, row_h}, rgba_fade(tint, 0.13f));
        gfx_fill(v->gfx, (Box){c.x, y, fmaxf(2, l->s * 3), row_h}, tint);
    }
    if (row->first && row->colour >= 0) {
        view_task_mark(v, row->colour, c.x + mark_w * 0.55f, y + row_h / 2, l->px_code * 0.27f, 1);
    }
    float text_y = y + (row_h - gfx_line_height(v->gfx, FACE_CODE, l->px_code)) / 2;
    gfx_text(v->gfx, FACE_CODE, l->px_code, row->text, c.x + mark_w, text_y, ALIGN_LEFT,
             err ? th->error : th->text);
}

void view_console(const View *v) {
    const Layout *l = v->layout;
    view_panel(v, l->console, tr(v->lang, MSG_CONSOLE), NULL);
    Box c = layout_content(l, l->console);
    const Scene *sc = v->target;
    if (sc->nconsole == 0) {
        gfx_text(v->gfx, FACE_UI, l->px_small, tr(v->lang, MSG_NO_OUTPUT), c.x, c.y, ALIGN_LEFT,
                 rgba_fade(v->theme->dim, 0.8f));
        return;
    }
    float row_h = roundf(gfx_line_height(v->gfx, FACE_CODE, l->px_code) * 1.08f);
    gfx_clip(v->gfx, &c);
    for (int i = 0; i < sc->nconsole; i++) {
        const ConsoleRow *row = &sc->console[i];
        float a = view_related(v, &(Item){.task = row->task}) ? 1 : 0.35f;
        float saved = v->gfx->alpha;
        v->gfx->alpha = a;
        draw_row(v, row, c, c.y + i * row_h, row_h);
        v->gfx->alpha = saved;
    }
    gfx_clip(v->gfx, NULL);
}
