/*
 * view_common.c - pieces several views share: panels, task marks, state icons, and which
 * items stand out when the presenter clicks a task or a future.
 */
#include <math.h>

#include "views.h"

void view_panel(const View *v, Box box, const char *title, const char *note) {
    const Layout *l = v->layout;
    float border = l->border * v->theme->line_scale;
    gfx_round_border(v->gfx, box, l->radius, border, v->theme->panel_edge, v->theme->panel);
    float y = box.y + (l->header - gfx_line_height(v->gfx, FACE_UI_BOLD, l->px_small)) / 2;
    float x = box.x + l->pad;
    if (title != NULL) {
        x += gfx_text(v->gfx, FACE_UI_BOLD, l->px_small, title, x, y, ALIGN_LEFT, v->theme->dim);
    }
    if (note != NULL) {
        gfx_text(v->gfx, FACE_UI, l->px_small, note, box.x + box.w - l->pad, y, ALIGN_RIGHT,
                 v->theme->dim);
    }
}

/* Whether `it` concerns the selected future. */
static bool related_future(const View *v, const Item *it, uint32_t f) {
    const PicFuture *fut = picture_future(v->pic, f);
    if (it->future == f || it->arrow_to == f) {
        return true;
    }
    if (fut != NULL && fut->task != 0 && it->task == fut->task) {
        return true;
    }
    const PicTask *t = it->task ? picture_task(v->pic, it->task) : NULL;
    return t != NULL && t->awaiting == f && t->state == LS_TASK_WAITING;
}

bool view_related(const View *v, const Item *it) {
    if (v->sel_task == 0 && v->sel_future == 0) {
        return true;
    }
    if (v->sel_future != 0) {
        return related_future(v, it, v->sel_future);
    }
    uint32_t task = v->sel_task;
    const PicTask *t = picture_task(v->pic, task);
    if (it->task == task || (it->kind == IT_FUTURE && it->future == task)) {
        return true;
    }
    if (it->kind == IT_CARD && it->future == task) {
        return true; /* a callback of the task's own future */
    }
    return t != NULL && t->awaiting != 0 && t->state == LS_TASK_WAITING &&
           it->future == t->awaiting;
}

float view_dim(const View *v, const Item *it) {
    return view_related(v, it) ? 1.0f : 0.28f;
}

void view_task_mark(const View *v, int colour, float cx, float cy, float r, float alpha) {
    float saved = v->gfx->alpha;
    v->gfx->alpha = saved * alpha;
    Shape shape = theme_task_shape(colour);
    gfx_shape(v->gfx, shape, cx, cy, r + fmaxf(1.5f, r * 0.22f), v->theme->panel);
    gfx_shape(v->gfx, shape, cx, cy, r, theme_task_colour(v->theme, colour));
    v->gfx->alpha = saved;
}

/* A check mark, drawn with two strokes. */
static void check(const View *v, float cx, float cy, float r, Rgba c) {
    float w = fmaxf(2, r * 0.32f);
    gfx_line(v->gfx, cx - r * 0.7f, cy, cx - r * 0.2f, cy + r * 0.55f, w, c);
    gfx_line(v->gfx, cx - r * 0.25f, cy + r * 0.55f, cx + r * 0.75f, cy - r * 0.6f, w, c);
}

static void cross(const View *v, float cx, float cy, float r, Rgba c) {
    float w = fmaxf(2, r * 0.32f), k = r * 0.6f;
    gfx_line(v->gfx, cx - k, cy - k, cx + k, cy + k, w, c);
    gfx_line(v->gfx, cx - k, cy + k, cx + k, cy - k, w, c);
}

/* States differ by icon as well as colour: ring (pending), check (done), cross (failed),
   slashed circle (cancelled). `state` is an LsFutureState. */
void view_state_icon(const View *v, int state, bool failed, float cx, float cy, float r) {
    const Theme *th = v->theme;
    if (state == LS_FUT_PENDING) {
        gfx_disc(v->gfx, cx, cy, r * 0.8f, th->pending);
        gfx_disc(v->gfx, cx, cy, r * 0.8f - fmaxf(2, r * 0.3f), th->card);
    } else if (state == LS_FUT_CANCELLED) {
        gfx_disc(v->gfx, cx, cy, r * 0.85f, th->cancelled);
        gfx_disc(v->gfx, cx, cy, r * 0.85f - fmaxf(2, r * 0.28f), th->card);
        gfx_line(v->gfx, cx - r * 0.6f, cy + r * 0.6f, cx + r * 0.6f, cy - r * 0.6f,
                 fmaxf(2, r * 0.28f), th->cancelled);
    } else if (failed) {
        cross(v, cx, cy, r, th->error);
    } else {
        check(v, cx, cy, r, th->ok);
    }
}
