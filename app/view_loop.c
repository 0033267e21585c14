/*
 * view_loop.c - the event loop region: running slot, ready queue, waiting tasks with arrows
 * to their futures, futures, the timer ruler with the clock hand, finished tasks.
 *
 * Draws the blended scene's items; every item keeps its look wherever it moves, so a card
 * sliding from the queue into the running slot is visibly the same card.
 */
#include <math.h>
#include <stdio.h>

#include "views.h"

/* Sizes derived from the layout, shared by the item painters. */
typedef struct {
    float inner, mark, border;
} Ink;

static Ink ink(const View *v) {
    const Layout *l = v->layout;
    return (Ink){roundf(l->pad * 0.9f), roundf(l->px_body * 1.25f),
                 fmaxf(1, l->border * v->theme->line_scale)};
}

/* The colour of a future's state (and of a finished task's). */
static Rgba state_colour(const Theme *th, int fut_state, bool failed) {
    if (fut_state == LS_FUT_PENDING) {
        return th->pending;
    }
    if (fut_state == LS_FUT_CANCELLED) {
        return th->cancelled;
    }
    return failed ? th->error : th->ok;
}

/* Two text lines (small kind above, bold title below) right of a task mark. */
static void card_text(const View *v, const Item *it, Box b, const Ink *k, float top) {
    const Layout *l = v->layout;
    float x = b.x + k->inner + (it->colour >= 0 ? k->mark : 0);
    float small_h = roundf(l->px_small * 1.45f);
    if (it->sub != NULL) {
        gfx_text(v->gfx, FACE_UI, l->px_small, it->sub, x, top, ALIGN_LEFT, v->theme->dim);
    }
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_body, it->title, x, top + small_h * 0.92f, ALIGN_LEFT,
             v->theme->text);
    if (it->colour >= 0) {
        float cy = top + small_h * 0.92f + gfx_line_height(v->gfx, FACE_UI_BOLD, l->px_body) / 2;
        view_task_mark(v, it->colour, b.x + k->inner + k->mark * 0.4f, cy, l->px_body * 0.36f, 1);
    }
}

/* The await chain under the running card: innermost frame first, joined by a thin line. */
static void chain_lines(const View *v, const Item *it, Box b, const Ink *k, float y) {
    const Layout *l = v->layout;
    float line_h = roundf(l->px_small * 1.4f);
    float x = b.x + k->inner + k->mark;
    Rgba c = theme_task_colour(v->theme, it->colour);
    if (it->nlines > 1) {
        gfx_line(v->gfx, x - k->mark * 0.55f, y + line_h / 2, x - k->mark * 0.55f,
                 y + line_h * (it->nlines - 0.5f), fmaxf(1.5f, l->s * 1.5f), rgba_fade(c, 0.6f));
    }
    for (int i = 0; i < it->nlines; i++) {
        float cy = y + line_h * (i + 0.5f);
        gfx_disc(v->gfx, x - k->mark * 0.55f, cy, fmaxf(2.5f, l->s * 3.5f), c);
        gfx_text(v->gfx, FACE_CODE, l->px_small, it->lines[i], x, cy - line_h * 0.42f, ALIGN_LEFT,
                 i == 0 ? v->theme->text : v->theme->dim);
    }
}

static void draw_card(const View *v, const Item *it, const Ink *k) {
    const Theme *th = v->theme;
    const Layout *l = v->layout;
    Box b = it->box;
    Rgba tint = it->colour >= 0 ? theme_task_colour(th, it->colour) : th->card_edge;
    Rgba edge = it->running ? th->accent : tint;
    float width = it->running ? k->border * 2.5f : k->border * 1.6f;
    if (it->flash && v->t < 1) { /* a callback that starts running flashes once */
        float grow = (1 - v->t) * l->pad;
        gfx_round(v->gfx, (Box){b.x - grow, b.y - grow, b.w + 2 * grow, b.h + 2 * grow},
                  l->radius + grow, rgba_fade(th->accent, 0.55f * (1 - v->t)));
    }
    gfx_round_border(v->gfx, b, l->radius, width, edge, rgba_mix(th->card, tint, 0.14f));
    if (!it->running) { /* in the queue: its kind above its label */
        card_text(v, it, b, k, b.y + k->inner * 0.55f);
    } else { /* running: its label, then the await chain (its kind is beside the slot's name) */
        float title_h = gfx_line_height(v->gfx, FACE_UI_BOLD, l->px_body);
        float lines_h = title_h * (it->title2 ? 2 : 1);
        float top = it->nlines ? b.y + k->inner * 0.5f : b.y + (b.h - lines_h) / 2;
        float x = b.x + k->inner + (it->colour >= 0 ? k->mark : 0);
        if (it->colour >= 0) {
            view_task_mark(v, it->colour, b.x + k->inner + k->mark * 0.4f, top + title_h / 2,
                           l->px_body * 0.36f, 1);
        }
        gfx_text(v->gfx, FACE_UI_BOLD, l->px_body, it->title, x, top, ALIGN_LEFT, th->text);
        if (it->title2 != NULL) {
            top += title_h;
            gfx_text(v->gfx, FACE_UI_BOLD, l->px_body, it->title2, x, top, ALIGN_LEFT, th->text);
        }
        if (it->nlines > 0) {
            chain_lines(v, it, b, k, top + title_h);
        }
    }
    if (it->failed) { /* a handle cancelled while queued: struck through */
        gfx_line(v->gfx, b.x + k->inner, b.y + b.h / 2, b.x + b.w - k->inner, b.y + b.h / 2,
                 fmaxf(2, l->s * 2), th->cancelled);
    }
}

static void draw_task(const View *v, const Item *it, const Ink *k) {
    const Theme *th = v->theme;
    const Layout *l = v->layout;
    Box b = it->box;
    Rgba c = theme_task_colour(th, it->colour);
    bool ready = it->state == LS_TASK_READY;
    Rgba edge = ready ? rgba_mix(th->card_edge, c, 0.5f) : c;
    gfx_round_border(v->gfx, b, l->radius, k->border * (ready ? 1.2f : 1.8f), edge,
                     rgba_mix(th->card, c, ready ? 0.06f : 0.13f));
    float x = b.x + k->inner + k->mark;
    float title_h = gfx_line_height(v->gfx, FACE_UI_BOLD, l->px_body);
    float top = it->compact || it->sub == NULL ? b.y + (b.h - title_h) / 2 : b.y + k->inner * 0.5f;
    view_task_mark(v, it->colour, b.x + k->inner + k->mark * 0.4f, top + title_h / 2,
                   l->px_body * 0.36f, 1);
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_body, it->title, x, top, ALIGN_LEFT, th->text);
    if (!it->compact && it->sub != NULL) {
        gfx_text(v->gfx, FACE_UI, l->px_small, it->sub, x, top + title_h * 0.98f, ALIGN_LEFT,
                 ready ? th->accent : th->dim);
    }
}

/* The state badge in a future's top-right corner: icon and word. */
static void future_badge(const View *v, const Item *it, const Ink *k, Rgba sc) {
    const Layout *l = v->layout;
    Box b = it->box;
    int w, h;
    gfx_text_size(v->gfx, FACE_UI_BOLD, l->px_small, it->badge, &w, &h);
    float icon = l->px_small * 0.5f;
    float bw = w + k->inner * 1.4f + icon * 2.4f, bh = h + 2 * l->s;
    float by = it->compact ? b.y + (b.h - bh) / 2 : b.y + k->inner * 0.5f;
    Box pill = {b.x + b.w - bw - k->inner * 0.6f, by, bw, bh};
    gfx_round(v->gfx, pill, bh / 2, rgba_mix(v->theme->card, sc, 0.22f));
    view_state_icon(v, it->state, it->failed, pill.x + k->inner * 0.6f + icon, pill.y + bh / 2,
                    icon);
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_small, it->badge, pill.x + bw - k->inner * 0.7f,
             pill.y + (bh - h) / 2, ALIGN_RIGHT, sc);
}

static void draw_future(const View *v, const Item *it, const Ink *k) {
    const Theme *th = v->theme;
    const Layout *l = v->layout;
    Box b = it->box;
    Rgba sc = state_colour(th, it->state, it->failed);
    gfx_round_border(v->gfx, b, l->radius * 0.7f,
                     k->border * (it->state == LS_FUT_PENDING ? 1.4f : 2.2f),
                     rgba_mix(th->card_edge, sc, 0.75f), th->card);
    future_badge(v, it, k, sc);
    float x = b.x + k->inner, title_h = gfx_line_height(v->gfx, FACE_UI_BOLD, l->px_body);
    float top = it->compact ? b.y + (b.h - title_h) / 2 : b.y + k->inner * 0.5f;
    if (it->colour >= 0) { /* a task's own future carries the task's mark */
        view_task_mark(v, it->colour, x + k->mark * 0.4f, top + title_h / 2, l->px_body * 0.33f, 1);
        x += k->mark;
    }
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_body, it->title, x, top, ALIGN_LEFT, th->text);
    if (it->compact) {
        return;
    }
    float y = top + title_h * 0.98f, line_h = roundf(l->px_small * 1.4f);
    if (it->sub != NULL) {
        Rgba c = it->failed ? th->error : it->badge_sub ? th->code[SYN_DEF] : th->dim;
        gfx_text(v->gfx, FACE_CODE, l->px_small, it->sub, b.x + k->inner, y, ALIGN_LEFT, c);
        y += line_h;
    }
    for (int i = 0; i < it->nlines; i++, y += line_h) {
        gfx_text(v->gfx, FACE_CODE, l->px_small, it->lines[i], b.x + k->inner * 1.6f, y, ALIGN_LEFT,
                 th->code[SYN_DEF]);
    }
}

static void draw_finished(const View *v, const Item *it, const Ink *k) {
    const Theme *th = v->theme;
    const Layout *l = v->layout;
    Box b = it->box;
    int fut_state = it->state == LS_TASK_CANCELLED ? LS_FUT_CANCELLED : LS_FUT_FINISHED;
    Rgba sc = state_colour(th, fut_state, it->failed);
    gfx_round_border(v->gfx, b, b.h / 2, k->border * 1.5f, sc, rgba_mix(th->card, sc, 0.10f));
    float cy = b.y + b.h / 2, r = b.h * 0.22f;
    view_state_icon(v, fut_state, it->failed, b.x + b.h * 0.5f, cy, r);
    view_task_mark(v, it->colour, b.x + b.h * 1.1f, cy, r * 0.9f, 1);
    float title_h = gfx_line_height(v->gfx, FACE_UI, l->px_small);
    gfx_text(v->gfx, FACE_UI, l->px_small, it->title, b.x + b.h * 1.55f, cy - title_h / 2,
             ALIGN_LEFT, it->failed ? th->error : th->text);
    (void)k;
}

/* A timer's stem and its diamond on the axis (drawn for all timers before any label, so
   labels cover stems rather than the other way round). */
static void draw_timer_mark(const View *v, const Item *it, float axis_y) {
    const Layout *l = v->layout;
    Rgba c = it->colour >= 0 ? theme_task_colour(v->theme, it->colour) : v->theme->dim;
    float r = l->px_small * 0.42f;
    if (it->title != NULL) {
        gfx_line(v->gfx, it->anchor, axis_y, it->anchor, it->box.y, fmaxf(1, l->s * 1.2f),
                 rgba_fade(c, 0.7f));
    }
    float diamond[6] = {it->anchor, axis_y - r * 1.3f,     it->anchor + r * 1.3f,
                        axis_y,     it->anchor - r * 1.3f, axis_y};
    float lower[6] = {it->anchor, axis_y + r * 1.3f,     it->anchor - r * 1.3f,
                      axis_y,     it->anchor + r * 1.3f, axis_y};
    gfx_triangle(v->gfx, diamond, c);
    gfx_triangle(v->gfx, lower, c);
}

static void draw_timer(const View *v, const Item *it, const Ink *k) {
    const Theme *th = v->theme;
    const Layout *l = v->layout;
    Box b = it->box;
    if (it->title == NULL) {
        return;
    }
    Rgba c = it->colour >= 0 ? theme_task_colour(th, it->colour) : th->dim;
    gfx_round_border(v->gfx, b, l->radius * 0.6f, k->border, rgba_mix(th->card_edge, c, 0.6f),
                     th->card);
    gfx_text(v->gfx, FACE_UI, l->px_small, it->title, b.x + l->pad / 2,
             b.y + (b.h - gfx_line_height(v->gfx, FACE_UI, l->px_small)) / 2, ALIGN_LEFT, th->text);
}

static void draw_note(const View *v, const Item *it) {
    const Layout *l = v->layout;
    Box b = it->box;
    float h = gfx_line_height(v->gfx, FACE_UI, l->px_body);
    gfx_text(v->gfx, FACE_UI, l->px_body, it->title, b.x + l->pad, b.y + (b.h - h) / 2, ALIGN_LEFT,
             v->theme->dim);
}

static void draw_more(const View *v, const Item *it, const Ink *k) {
    const Layout *l = v->layout;
    Box b = it->box;
    if (it->compact) { /* a line of small type under a column */
        float h = gfx_line_height(v->gfx, FACE_UI_BOLD, l->px_small);
        gfx_text(v->gfx, FACE_UI_BOLD, l->px_small, it->title, b.x + l->pad * 0.5f,
                 b.y + (b.h - h) / 2, ALIGN_LEFT, v->theme->dim);
        return;
    }
    gfx_round_border(v->gfx, b, l->radius, k->border, v->theme->card_edge, v->theme->panel);
    float h = gfx_line_height(v->gfx, FACE_UI_BOLD, l->px_small);
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_small, it->title, b.x + b.w / 2, b.y + (b.h - h) / 2,
             ALIGN_CENTER, v->theme->dim);
}

/* ------------------------------------------------------------------ ruler and arrows */

/* A step between ticks of about a sixth of the span: 1, 2 or 5 times a power of ten. */
static double nice_step(double span) {
    double raw = span / 6, p = pow(10, floor(log10(raw > 0 ? raw : 1)));
    double m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

static float ruler_axis(const View *v) {
    return scene_ruler_axis(v->layout);
}

static void draw_ruler(const View *v) {
    const Scene *sc = v->scene;
    const Layout *l = v->layout;
    const Theme *th = v->theme;
    float y = ruler_axis(v), left = scene_ruler_x(sc, l, sc->t0),
          right = scene_ruler_x(sc, l, sc->t1);
    gfx_line(v->gfx, left, y, right, y, fmaxf(1.5f, l->s * 2), th->card_edge);
    double step = nice_step(sc->t1 - sc->t0);
    for (double t = ceil(sc->t0 / step) * step; t <= sc->t1; t += step) {
        float x = scene_ruler_x(sc, l, t);
        char label[32];
        snprintf(label, sizeof label, "%g s", fabs(t) < step / 1000 ? 0.0 : t);
        gfx_line(v->gfx, x, y - l->s * 5, x, y + l->s * 5, fmaxf(1, l->s), th->dim);
        gfx_text(v->gfx, FACE_UI, l->px_small * 9 / 10, label, x, l->timers.y, ALIGN_CENTER,
                 th->dim);
    }
}

/* The clock hand: a bold line at the virtual time, with its value. */
static void draw_clock_hand(const View *v) {
    const Scene *sc = v->scene;
    const Layout *l = v->layout;
    float x = scene_ruler_x(sc, l, sc->clock), y = ruler_axis(v);
    float top = l->timers.y, bottom = y + l->s * 8; /* above the axis only: the timers'
                                                       labels hang below it */
    gfx_line(v->gfx, x, top, x, bottom, fmaxf(2, l->s * 3), v->theme->accent);
    gfx_disc(v->gfx, x, y, fmaxf(4, l->s * 6), v->theme->accent);
}

/* An arrow from each waiting task to the future it awaits. */
static void draw_arrows(const View *v, const Ink *k) {
    const Scene *sc = v->scene;
    for (int i = 0; i < sc->n; i++) {
        const Item *it = &sc->items[i];
        const Item *f = it->arrow_to ? scene_find(sc, SCENE_KEY(K_FUTURE, it->arrow_to)) : NULL;
        if (it->kind != IT_TASK || f == NULL) {
            continue;
        }
        float a = fminf(it->alpha, f->alpha) * fminf(view_dim(v, it), view_dim(v, f));
        Rgba c = rgba_fade(theme_task_colour(v->theme, it->colour), a * 0.9f);
        float fy = f->compact ? f->box.y + f->box.h / 2
                              : f->box.y + fminf(f->box.h / 2, v->layout->px_body * 1.2f);
        gfx_arrow(v->gfx, it->box.x + it->box.w, it->box.y + it->box.h / 2, f->box.x - 2, fy,
                  k->border * 2.2f, c);
    }
}

/* ------------------------------------------------------------------ the region */

static void sub_label(const View *v, Box b, Msg msg, const char *note) {
    const Layout *l = v->layout;
    float x = b.x + gfx_text(v->gfx, FACE_UI_BOLD, l->px_small, tr(v->lang, msg), b.x, b.y,
                             ALIGN_LEFT, v->theme->text);
    if (note != NULL) {
        gfx_text(v->gfx, FACE_UI, l->px_small, note, x + l->pad, b.y, ALIGN_LEFT, v->theme->dim);
    }
}

static void draw_labels(const View *v) {
    const Layout *l = v->layout;
    char note[96];
    snprintf(note, sizeof note, "%s → %s", tr(v->lang, MSG_HEAD), tr(v->lang, MSG_TAIL));
    const Item *run = NULL;
    for (int i = 0; i < v->target->n && run == NULL; i++) {
        run = v->target->items[i].region == REG_RUNNING ? &v->target->items[i] : NULL;
    }
    sub_label(v, l->running, MSG_RUNNING, run != NULL && run->kind == IT_CARD ? run->sub : NULL);
    sub_label(v, l->ready, v->detail == DETAIL_LOOP ? MSG_READY : MSG_READY_TASKS,
              v->detail == DETAIL_LOOP ? note : NULL);
    sub_label(v, l->waiting, MSG_WAITING, NULL);
    sub_label(v, l->futures, MSG_FUTURES, NULL);
    if (v->scene->ruler) {
        sub_label(v, l->timers, MSG_TIMERS, NULL);
    }
    sub_label(v, l->finished, MSG_FINISHED, NULL);
}

static void draw_item(const View *v, const Item *it, const Ink *k) {
    float saved = v->gfx->alpha;
    v->gfx->alpha = it->alpha * view_dim(v, it);
    if (it->morphing) { /* a timer becoming a card: its text must not spill while it grows */
        Box clip = {it->box.x - 2, it->box.y - 2, it->box.w + 4, it->box.h + 4};
        gfx_clip(v->gfx, &clip);
    }
    if (it->key == v->hover && it->kind != IT_NOTE) { /* a soft ring under the pointer */
        float g = v->layout->s * 3;
        gfx_round(v->gfx, (Box){it->box.x - g, it->box.y - g, it->box.w + 2 * g, it->box.h + 2 * g},
                  v->layout->radius + g, rgba_fade(v->theme->accent, 0.45f));
    }
    switch ((ItemKind)it->kind) {
    case IT_CARD:
        draw_card(v, it, k);
        break;
    case IT_TASK:
        draw_task(v, it, k);
        break;
    case IT_FUTURE:
        draw_future(v, it, k);
        break;
    case IT_TIMER:
        draw_timer(v, it, k);
        break;
    case IT_FINISHED:
        draw_finished(v, it, k);
        break;
    case IT_MORE:
        draw_more(v, it, k);
        break;
    case IT_NOTE:
        draw_note(v, it);
        break;
    case IT_MARKER:
        break; /* drawn by the source view */
    }
    if (it->morphing) {
        gfx_clip(v->gfx, NULL);
    }
    v->gfx->alpha = saved;
}

/* The panel's note: iteration, loop state. */
static void loop_note(const View *v, char *out, size_t cap) {
    static const Msg STATES[] = {MSG_LOOP_NONE, MSG_LOOP_IDLE, MSG_LOOP_RUNNING, MSG_LOOP_CLOSED};
    const Picture *pic = v->pic;
    Msg state = STATES[pic->loop <= LS_LOOP_CLOSED ? pic->loop : 0];
    if (pic->iteration > 0) {
        snprintf(out, cap, "%s %llu  ·  %s", tr(v->lang, MSG_ITERATION),
                 (unsigned long long)pic->iteration, tr(v->lang, state));
    } else {
        snprintf(out, cap, "%s", tr(v->lang, state));
    }
}

/* A quiet word in an empty sub-region, so nothing looks broken. */
static void empty_notes(const View *v) {
    const Layout *l = v->layout;
    const Scene *sc = v->scene;
    bool has[REG_FINISHED + 1] = {false};
    for (int i = 0; i < sc->n; i++) {
        has[sc->items[i].region] |= sc->items[i].alpha > 0.5f;
    }
    struct {
        Region region;
        Box box;
        Msg msg;
    } empties[] = {{REG_READY, l->ready, MSG_EMPTY},
                   {REG_WAITING, l->waiting, MSG_NONE_WAITING},
                   {REG_FUTURES, l->futures, MSG_NO_FUTURES},
                   {REG_TIMERS, l->timers, MSG_NO_TIMERS},
                   {REG_FINISHED, l->finished, MSG_NONE_FINISHED}};
    for (size_t i = 0; i < sizeof empties / sizeof *empties; i++) {
        if (!has[empties[i].region] && (empties[i].region != REG_TIMERS || sc->ruler)) {
            Box b = empties[i].box;
            bool inline_label =
                empties[i].region == REG_TIMERS || empties[i].region == REG_FINISHED;
            float y = empties[i].region == REG_TIMERS ? ruler_axis(v) + l->pad
                      : inline_label                  ? b.y
                                                      : b.y + l->px_small * 1.9f;
            float x = inline_label ? b.x + roundf(200 * l->s) + l->pad : b.x;
            gfx_text(v->gfx, FACE_UI, l->px_small, tr(v->lang, empties[i].msg), x, y, ALIGN_LEFT,
                     rgba_fade(v->theme->dim, 0.8f));
        }
    }
}

void view_loop(const View *v) {
    const Layout *l = v->layout;
    char note[128];
    loop_note(v, note, sizeof note);
    view_panel(v, l->loop, tr(v->lang, MSG_EVENT_LOOP), note);
    draw_labels(v);
    empty_notes(v);
    Ink k = ink(v);
    if (v->scene->ruler) {
        draw_ruler(v);
    }
    draw_arrows(v, &k);
    for (int i = 0; i < v->scene->n; i++) {
        const Item *it = &v->scene->items[i];
        if (it->kind == IT_TIMER) {
            float saved = v->gfx->alpha;
            v->gfx->alpha = it->alpha * view_dim(v, it);
            draw_timer_mark(v, it, ruler_axis(v));
            v->gfx->alpha = saved;
        }
    }
    for (int pass = 0; pass < 3; pass++) { /* the running slot, then what travels: on top */
        for (int i = 0; i < v->scene->n; i++) {
            const Item *it = &v->scene->items[i];
            int layer = it->moving ? 2 : it->region == REG_RUNNING ? 1 : 0;
            if (layer == pass && it->region != REG_SOURCE) {
                draw_item(v, it, &k);
            }
        }
    }
    if (v->scene->ruler) {
        draw_clock_hand(v);
    }
}
