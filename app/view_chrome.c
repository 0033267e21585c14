/*
 * view_chrome.c - the frame around the picture: the title bar (title, step k/n, virtual
 * clock, step granularity, play state and speed), the narration band, and the timeline
 * scrubber with a tick per event coloured by task and marks for prints, awaits, errors.
 */
#include <math.h>
#include <stdio.h>

#include "views.h"

/* ------------------------------------------------------------------ title bar */

/* A rounded chip with text, right-aligned at `right`; returns its left edge. */
static float chip(const View *v, float right, float cy, const char *text, Rgba fg, Rgba bg) {
    const Layout *l = v->layout;
    int w, h;
    gfx_text_size(v->gfx, FACE_UI_BOLD, l->px_body, text, &w, &h);
    Box b = {right - w - 2 * l->pad, cy - h / 2.0f - l->s * 2, w + 2 * l->pad, h + l->s * 4};
    gfx_round(v->gfx, b, b.h / 2, bg);
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_body, text, b.x + l->pad, b.y + l->s * 2, ALIGN_LEFT, fg);
    return b.x;
}

/* The play/pause sign: a triangle, or two bars. */
static void play_sign(const View *v, float cx, float cy, float r, bool playing, Rgba c) {
    if (playing) {
        float t[6] = {cx - r * 0.7f, cy - r, cx + r, cy, cx - r * 0.7f, cy + r};
        gfx_triangle(v->gfx, t, c);
    } else {
        gfx_fill(v->gfx, (Box){cx - r * 0.8f, cy - r, r * 0.6f, 2 * r}, c);
        gfx_fill(v->gfx, (Box){cx + r * 0.2f, cy - r, r * 0.6f, 2 * r}, c);
    }
}

static const char *granularity_name(Lang lang, LsGranularity g) {
    static const Msg NAMES[] = {MSG_GRAN_EVENT, MSG_GRAN_LINE, MSG_GRAN_AWAIT, MSG_GRAN_ITERATION};
    return tr(lang, NAMES[g <= LS_STEP_ITERATION ? g : 0]);
}

void view_title(const View *v, const TitleInfo *info) {
    const Layout *l = v->layout;
    const Theme *th = v->theme;
    Box bar = l->title;
    gfx_fill(v->gfx, bar, th->bg);
    float cy = bar.y + bar.h / 2, right = bar.w - l->gap - l->pad * 0.5f;
    Rgba chip_bg = th->card, gap = {0, 0, 0, 0};
    (void)gap;
    char text[160];
    snprintf(text, sizeof text, "%g×", info->speed);
    float x = chip(v, right, cy, text, th->text, chip_bg);
    play_sign(v, x - l->pad * 1.6f, cy, l->px_body * 0.42f, info->playing,
              info->playing ? th->accent : th->dim);
    x -= l->pad * 3.4f;
    snprintf(text, sizeof text, "%s %s", tr(v->lang, MSG_BY),
             granularity_name(v->lang, info->granularity));
    x = chip(v, x, cy, text, th->text, chip_bg) - l->pad * 0.6f;
    snprintf(text, sizeof text, "t = %.3f s", v->pic->clock);
    x = chip(v, x, cy, text, th->accent, chip_bg) - l->pad * 0.6f;
    snprintf(text, sizeof text, "%s %zu / %zu%s", tr(v->lang, MSG_STEP), info->step, info->nsteps,
             info->nsteps_final ? "" : "+");
    x = chip(v, x, cy, text, th->text, chip_bg) - l->pad;
    if (info->predict) {
        x = chip(v, x, cy, "?", th->bg, th->accent) - l->pad;
    }
    char title[512];
    float left = l->gap + l->pad * 0.5f;
    gfx_fit(v->gfx, FACE_UI_BOLD, l->px_title, info->title ? info->title : info->file,
            x - left - l->pad, title, sizeof title);
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_title, title, left,
             cy - gfx_line_height(v->gfx, FACE_UI_BOLD, l->px_title) / 2.0f, ALIGN_LEFT, th->text);
}

/* ------------------------------------------------------------------ narration */

void view_narration(const View *v) {
    const Layout *l = v->layout;
    const Theme *th = v->theme;
    const Scene *sc = v->target;
    Box b = l->narration;
    gfx_round_border(v->gfx, b, l->radius, l->border * th->line_scale, th->panel_edge, th->panel);
    gfx_round(v->gfx, (Box){b.x, b.y, fmaxf(4, l->s * 5), b.h}, l->radius * 0.5f, th->accent);
    float heights[SCENE_MAX_NARRATION], total = 0;
    for (int i = 0; i < sc->nnarration; i++) {
        bool big = sc->nsay == 0 || i < sc->nsay;
        heights[i] = (float)gfx_line_height(v->gfx, FACE_UI, big ? l->px_narration : l->px_small);
        if (total + heights[i] > b.h - l->pad * 0.5f) {
            break;
        }
        total += heights[i];
    }
    float y = b.y + (b.h - total) / 2;
    gfx_clip(v->gfx, &b);
    for (int i = 0; i < sc->nnarration && y + heights[i] <= b.y + b.h; i++) {
        bool big = sc->nsay == 0 || i < sc->nsay;
        gfx_text(v->gfx, FACE_UI, big ? l->px_narration : l->px_small, sc->narration[i],
                 b.x + l->pad * 2, y, ALIGN_LEFT, big ? th->text : th->dim);
        y += heights[i];
    }
    gfx_clip(v->gfx, NULL);
}

/* ------------------------------------------------------------------ timeline */

/* The track of the scrubber inside the timeline region (also used for clicks). */
Box view_timeline_track(const Layout *l) {
    Box b = l->timeline;
    float label_w = roundf(70 * l->s);
    return (Box){b.x + l->pad + label_w, b.y + b.h * 0.22f, b.w - 2 * l->pad - 2 * label_w,
                 b.h * 0.56f};
}

/* A tick's colour: its task's, or a quiet grey for the loop's own events. */
static Rgba tick_colour(const View *v, int colour) {
    return colour < 0 ? rgba_fade(v->theme->dim, 0.3f)
                      : rgba_fade(theme_task_colour(v->theme, colour), 0.9f);
}

/* Ticks: one batch of rectangles per colour, so a thousand columns cost a few calls. */
static void ticks(const View *v, const Timeline *tl, Box t) {
    enum { BATCH = 512 };
    SDL_Rect rects[BATCH];
    for (int colour = -1; colour < PALETTE_SIZE; colour++) {
        int n = 0;
        for (int c = 0; c < tl->ncols; c++) {
            if (tl->colour[c] % PALETTE_SIZE != colour && !(colour == -1 && tl->colour[c] < 0)) {
                continue;
            }
            float x = t.x + (float)c * t.w / (float)tl->ncols;
            float h = tl->marks[c] & TL_AWAIT ? t.h * 0.8f : t.h * 0.45f;
            rects[n++] =
                (SDL_Rect){(int)x, (int)(t.y + (t.h - h) / 2), (int)fmaxf(1, v->layout->s), (int)h};
            if (n == BATCH || c + 1 == tl->ncols) {
                gfx_fill_rects(v->gfx, rects, n, tick_colour(v, colour));
                n = 0;
            }
        }
        if (n > 0) {
            gfx_fill_rects(v->gfx, rects, n, tick_colour(v, colour));
        }
    }
}

/* Marks above the track: dots for prints, red for errors. */
static void marks(const View *v, const Timeline *tl, Box t) {
    float r = fmaxf(2, v->layout->s * 2.5f);
    int last_print = -100, last_error = -100;
    for (int c = 0; c < tl->ncols; c++) {
        float x = t.x + (float)c * t.w / (float)tl->ncols;
        if ((tl->marks[c] & TL_ERROR) && x - last_error > 3 * r) {
            gfx_disc(v->gfx, x, t.y + t.h + r * 1.6f, r * 1.2f, v->theme->error);
            last_error = (int)x;
        } else if ((tl->marks[c] & TL_PRINT) && x - last_print > 3 * r) {
            gfx_disc(v->gfx, x, t.y - r * 1.6f, r, v->theme->text);
            last_print = (int)x;
        }
    }
}

void view_timeline(const View *v, const Timeline *tl, size_t step, bool ended) {
    const Layout *l = v->layout;
    const Theme *th = v->theme;
    Box b = l->timeline;
    gfx_round_border(v->gfx, b, l->radius, l->border * th->line_scale, th->panel_edge, th->panel);
    Box t = view_timeline_track(l);
    float fraction = timeline_fraction(tl, step);
    float x = t.x + fraction * t.w;
    gfx_round(v->gfx, (Box){t.x, t.y, x - t.x, t.h}, l->radius * 0.4f,
              rgba_fade(th->accent, 0.14f));
    if (tl->ncols > 0) {
        ticks(v, tl, t);
        marks(v, tl, t);
    }
    float cy = b.y + (b.h - gfx_line_height(v->gfx, FACE_UI, l->px_small)) / 2;
    char text[48];
    snprintf(text, sizeof text, "%zu", step);
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_small, text, t.x - l->pad, cy, ALIGN_RIGHT, th->accent);
    snprintf(text, sizeof text, "%zu%s", tl->nevents, ended ? "" : "+");
    gfx_text(v->gfx, FACE_UI, l->px_small, text, t.x + t.w + l->pad, cy, ALIGN_LEFT, th->dim);
    float w = fmaxf(3, l->s * 4); /* the playhead */
    gfx_round(v->gfx, (Box){x - w / 2, b.y + l->s * 3, w, b.h - l->s * 6}, w / 2, th->accent);
}
