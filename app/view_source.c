/*
 * view_source.c - the scenario's code: line numbers, syntax colours, the running statement's
 * band, a marker in each suspended task's colour and shape where it waits, and, when the
 * program cannot start, the diagnostic (CPython's message, line, caret) in place.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "views.h"

/* The line a diagnostic names ("line 3"), or 0. */
static int error_line(const char *error) {
    const char *p = error ? strstr(error, "line ") : NULL;
    return p != NULL ? atoi(p + 5) : 0;
}

static float row_y(const Scene *sc, float row) {
    return sc->code.y + (row - sc->scroll) * sc->line_h;
}

/* The band behind a row, with a bar in `bar` colour at its left. */
static void band(const View *v, float row, Rgba fill, Rgba bar) {
    const Scene *sc = v->scene;
    float y = row_y(sc, row);
    Box b = {sc->gutter_x - v->layout->pad * 0.4f, y, sc->code.x + sc->code.w - sc->gutter_x,
             sc->line_h};
    gfx_fill(v->gfx, b, fill);
    gfx_fill(v->gfx, (Box){b.x, y, fmaxf(3, v->layout->s * 4), sc->line_h}, bar);
}

static void draw_row(const View *v, const CodeRow *row, float y) {
    const Layout *l = v->layout;
    const Scene *sc = v->scene;
    float text_y = y + (sc->line_h - gfx_line_height(v->gfx, FACE_CODE, l->px_code)) / 2;
    char number[16];
    snprintf(number, sizeof number, "%d", row->line);
    gfx_text(v->gfx, FACE_CODE, l->px_small, number, sc->code.x - l->pad * 0.8f,
             text_y + (l->px_code - l->px_small) * 0.6f, ALIGN_RIGHT,
             rgba_fade(v->theme->dim, 0.8f));
    float x = sc->code.x;
    for (int i = 0; i < row->npieces && x < sc->code.x + sc->code.w; i++) {
        const CodePiece *p = &row->pieces[i];
        x += gfx_text(v->gfx, FACE_CODE, l->px_code, p->text, x, text_y, ALIGN_LEFT,
                      v->theme->code[p->cls]);
    }
}

/* Where the code of a line ends, in pixels (from the cached text textures). */
static float row_end(const View *v, int line) {
    const Scene *sc = v->scene;
    if (v->meta == NULL || v->code == NULL || line < 1 || line > v->meta->nlines) {
        return sc->code.x;
    }
    int r = v->meta->row_of_line[line];
    float x = sc->code.x;
    for (int i = 0; r < v->code->nrows && i < v->code->rows[r].npieces; i++) {
        int w, h;
        gfx_text_size(v->gfx, FACE_CODE, v->layout->px_code, v->code->rows[r].pieces[i].text, &w,
                      &h);
        x += (float)w;
    }
    return x;
}

/* A small tag at the right end of a row: "Task-2", or "Task-2 +5" for a crowd. It stays
   away when it would cover code: the marker in the gutter says enough then. */
static void marker_tag(const View *v, const Item *it) {
    const Layout *l = v->layout;
    const Scene *sc = v->scene;
    char text[96];
    if (it->count > 1) {
        snprintf(text, sizeof text, "%s +%d", it->title, it->count - 1);
    } else {
        snprintf(text, sizeof text, "%s", it->title);
    }
    int w, h;
    gfx_text_size(v->gfx, FACE_UI_BOLD, l->px_small, text, &w, &h);
    float cy = it->box.y + it->box.h / 2, x = sc->code.x + sc->code.w - w - l->pad;
    if (row_end(v, it->line) + l->pad * 2 > x) {
        return;
    }
    Rgba c = theme_task_colour(v->theme, it->colour);
    Box pill = {x - l->pad * 0.6f, cy - h / 2.0f, w + l->pad * 1.2f, (float)h};
    gfx_round_border(v->gfx, pill, pill.h / 2, fmaxf(1, l->s), c, v->theme->panel);
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_small, text, x, cy - h / 2.0f, ALIGN_LEFT, c);
}

static void draw_markers(const View *v) {
    const Scene *sc = v->scene;
    for (int i = 0; i < sc->n; i++) {
        const Item *it = &sc->items[i];
        if (it->kind != IT_MARKER) {
            continue;
        }
        float a = it->alpha * view_dim(v, it);
        if (it->key == v->hover) {
            gfx_disc(v->gfx, it->box.x + it->box.w / 2, it->box.y + it->box.h / 2,
                     it->box.w * 0.75f, rgba_fade(v->theme->accent, 0.5f));
        }
        view_task_mark(v, it->colour, it->box.x + it->box.w / 2, it->box.y + it->box.h / 2,
                       it->box.w / 2, a);
        if (it->stack == 0 && !it->running) {
            float saved = v->gfx->alpha;
            v->gfx->alpha = saved * a;
            marker_tag(v, it);
            v->gfx->alpha = saved;
        }
    }
}

/* The diagnostic's box at the bottom of the region, in code type, red. */
static void draw_error(const View *v, Box c) {
    const Layout *l = v->layout;
    const Theme *th = v->theme;
    int nlines = 1;
    for (const char *p = v->error; *p; p++) {
        nlines += *p == '\n' && p[1] != '\0';
    }
    float line_h = gfx_line_height(v->gfx, FACE_CODE, l->px_code);
    float h = (nlines + 1.6f) * line_h + l->pad;
    Box b = {c.x, c.y + c.h - h, c.w, h};
    gfx_round_border(v->gfx, b, l->radius, l->border * 2, th->error,
                     rgba_mix(th->panel, th->error, 0.10f));
    float y = b.y + l->pad * 0.6f;
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_body, tr(v->lang, MSG_CANNOT_START), b.x + l->pad, y,
             ALIGN_LEFT, th->error);
    y += line_h * 1.3f;
    const char *p = v->error;
    while (*p != '\0') {
        size_t n = strcspn(p, "\n");
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(n < 511 ? n : 511), p);
        gfx_text(v->gfx, FACE_CODE, l->px_code, line, b.x + l->pad, y, ALIGN_LEFT, th->text);
        y += line_h;
        p += n + (p[n] == '\n');
    }
}

void view_source(const View *v, const char *file) {
    const Layout *l = v->layout;
    const Scene *sc = v->scene;
    view_panel(v, l->source, tr(v->lang, MSG_SOURCE), file);
    Box c = layout_content(l, l->source);
    gfx_clip(v->gfx, &c);
    int err = error_line(v->error);
    if (err > 0 && v->meta != NULL && err <= v->meta->nlines) {
        band(v, (float)v->meta->row_of_line[err], rgba_fade(v->theme->error, 0.25f),
             v->theme->error);
    }
    if (sc->run_row >= 0) {
        const PicTask *t = picture_task(v->pic, v->pic->running_task);
        Rgba bar = t ? theme_task_colour(v->theme, t->colour) : v->theme->accent;
        band(v, sc->run_row, v->theme->run_line, bar);
    }
    int first = (int)floorf(sc->scroll), last = (int)ceilf(sc->scroll + c.h / sc->line_h);
    for (int r = first < 0 ? 0 : first; v->code != NULL && r < v->code->nrows && r <= last; r++) {
        draw_row(v, &v->code->rows[r], row_y(sc, (float)r));
    }
    draw_markers(v);
    if (v->error != NULL) {
        draw_error(v, c);
    }
    gfx_clip(v->gfx, NULL);
}
