/*
 * view_overlay.c - what floats above the regions: the hover tooltip, the inspector of the
 * clicked task or future, the predict-mode question, short notices, the help with every key,
 * and the lists of the event log and the scenario picker.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "views.h"

/* ------------------------------------------------------------------ tooltip */

void view_tooltip(const View *v, float x, float y, const char *text) {
    const Layout *l = v->layout;
    const Theme *th = v->theme;
    enum { MAX_LINES = 12 };
    char lines[MAX_LINES][256];
    int n = 0;
    float w = 0, line_h = (float)gfx_line_height(v->gfx, FACE_CODE, l->px_small);
    for (const char *p = text; *p != '\0' && n < MAX_LINES; n++) {
        size_t len = strcspn(p, "\n");
        snprintf(lines[n], sizeof lines[n], "%.*s", (int)(len < 255 ? len : 255), p);
        char fitted[256];
        gfx_fit(v->gfx, FACE_CODE, l->px_small, lines[n], l->w * 0.45f, fitted, sizeof fitted);
        memcpy(lines[n], fitted, sizeof fitted);
        w = fmaxf(w,
                  (float)gfx_measure(v->gfx, FACE_CODE, l->px_small, lines[n], strlen(lines[n])));
        p += len + (p[len] == '\n');
    }
    Box b = {x + l->pad * 1.5f, y + l->pad * 1.5f, w + 2 * l->pad, n * line_h + l->pad * 1.2f};
    b.x = fminf(b.x, l->w - b.w - l->gap);
    b.y = b.y + b.h > l->h - l->gap ? y - b.h - l->pad : b.y;
    gfx_round(v->gfx, (Box){b.x + 3 * l->s, b.y + 4 * l->s, b.w, b.h}, l->radius, th->shadow);
    gfx_round_border(v->gfx, b, l->radius * 0.7f, l->border, th->accent, th->card);
    for (int i = 0; i < n; i++) {
        gfx_text(v->gfx, FACE_CODE, l->px_small, lines[i], b.x + l->pad,
                 b.y + l->pad * 0.6f + i * line_h, ALIGN_LEFT, i == 0 ? th->text : th->dim);
    }
}

/* ------------------------------------------------------------------ inspector */

/* Appends a "label: value" row to the inspector's rows. */
static int row(char rows[][300], int n, int max, const char *label, const char *value) {
    if (n < max && value != NULL) {
        snprintf(rows[n], 300, "%s%s%s", label, *label ? ":  " : "", value);
        n++;
    }
    return n;
}

static int task_rows(const View *v, const PicTask *t, char rows[][300], int max) {
    int n = row(rows, 0, max, tr(v->lang, MSG_STATE), scene_state_name(v->lang, t->state));
    char buf[160];
    if (t->awaiting != 0 && t->state == LS_TASK_WAITING) {
        n = row(rows, n, max, tr(v->lang, MSG_AWAITS),
                picture_future_name(v->pic, t->awaiting, buf, sizeof buf));
    }
    n = row(rows, n, max, tr(v->lang, MSG_RESULT), t->result);
    if (t->chain_len > 0) {
        n = row(rows, n, max, tr(v->lang, MSG_CHAIN), "");
    }
    for (int f = t->chain_len - 1; f >= 0; f--) {
        snprintf(buf, sizeof buf, "    %s()  line %d", t->chain[f].function, t->chain[f].line);
        n = row(rows, n, max, "", buf);
    }
    for (size_t i = 0; i < v->pic->ntimers; i++) {
        if (v->pic->timers[i].task == t->id) {
            snprintf(buf, sizeof buf, tr(v->lang, MSG_DUE), v->pic->timers[i].when);
            n = row(rows, n, max, "when", buf);
        }
    }
    const PicFuture *own = picture_future(v->pic, t->id);
    for (int c = 0; own != NULL && c < own->ncallbacks; c++) {
        n = row(rows, n, max, c == 0 ? tr(v->lang, MSG_CALLBACKS) : "", own->callbacks[c]);
    }
    return n;
}

static int future_rows(const View *v, const PicFuture *f, char rows[][300], int max) {
    static const char *const STATES[] = {"PENDING", "CANCELLED", "FINISHED"};
    int n = row(rows, 0, max, "kind", f->kind);
    n = row(rows, n, max, tr(v->lang, MSG_STATE),
            STATES[f->state <= LS_FUT_FINISHED ? f->state : 0]);
    n = row(rows, n, max, f->failed ? "exception" : tr(v->lang, MSG_RESULT), f->result);
    for (int c = 0; c < f->ncallbacks; c++) {
        n = row(rows, n, max, c == 0 ? tr(v->lang, MSG_CALLBACKS) : "", f->callbacks[c]);
    }
    if (f->ncallbacks == 0) {
        n = row(rows, n, max, tr(v->lang, MSG_CALLBACKS), tr(v->lang, MSG_NO_CALLBACKS));
    }
    return n;
}

void view_inspector(const View *v) {
    const Layout *l = v->layout;
    const Theme *th = v->theme;
    enum { MAX_ROWS = 14 };
    char rows[MAX_ROWS][300], title[160];
    int n = 0;
    const PicTask *t = picture_task(v->pic, v->sel_task);
    const PicFuture *f = picture_future(v->pic, v->sel_future);
    if (t != NULL) {
        snprintf(title, sizeof title, "%s", t->name);
        n = task_rows(v, t, rows, MAX_ROWS);
    } else if (f != NULL) {
        picture_future_name(v->pic, f->id, title, sizeof title);
        n = future_rows(v, f, rows, MAX_ROWS);
    } else {
        return;
    }
    float line_h = (float)gfx_line_height(v->gfx, FACE_CODE, l->px_small);
    float w = roundf(430 * l->s), h = l->header + n * line_h + l->pad * 1.5f;
    Box b = {l->loop.x + l->loop.w - w - l->pad, l->narration.y - h - l->gap, w, h};
    gfx_round(v->gfx, (Box){b.x + 4 * l->s, b.y + 5 * l->s, b.w, b.h}, l->radius, th->shadow);
    gfx_round_border(v->gfx, b, l->radius, l->border * 2, th->accent, th->card);
    char head[256];
    snprintf(head, sizeof head, "%s  ·  %s", tr(v->lang, MSG_INSPECTOR), title);
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_small, head, b.x + l->pad, b.y + l->pad * 0.5f, ALIGN_LEFT,
             th->accent);
    if (t != NULL) {
        view_task_mark(v, t->colour, b.x + b.w - l->pad * 1.5f, b.y + l->header * 0.5f,
                       l->px_small * 0.45f, 1);
    }
    for (int i = 0; i < n; i++) {
        char fitted[300];
        gfx_fit(v->gfx, FACE_CODE, l->px_small, rows[i], b.w - 2 * l->pad, fitted, sizeof fitted);
        gfx_text(v->gfx, FACE_CODE, l->px_small, fitted, b.x + l->pad, b.y + l->header + i * line_h,
                 ALIGN_LEFT, th->text);
    }
}

/* ------------------------------------------------------------------ notices */

void view_predict(const View *v) {
    const Layout *l = v->layout;
    const Theme *th = v->theme;
    Box b = l->narration;
    gfx_round_border(v->gfx, b, l->radius, l->border * 2.5f, th->accent,
                     rgba_mix(th->panel, th->accent, 0.15f));
    const char *text = tr(v->lang, MSG_PREDICT);
    float h = (float)gfx_line_height(v->gfx, FACE_UI_BOLD, l->px_narration);
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_narration, text, b.x + b.w / 2, b.y + (b.h - h) / 2,
             ALIGN_CENTER, th->text);
}

void view_toast(const View *v, const char *text, float alpha) {
    const Layout *l = v->layout;
    const Theme *th = v->theme;
    int w, h;
    gfx_text_size(v->gfx, FACE_UI_BOLD, l->px_body, text, &w, &h);
    /* over the top edge of the narration: away from the regions' labels */
    Box b = {(l->w - w) / 2.0f - l->pad * 1.5f, l->narration.y - (h + l->pad) / 2,
             w + l->pad * 3.0f, h + l->pad};
    float saved = v->gfx->alpha;
    v->gfx->alpha = alpha;
    gfx_round_border(v->gfx, b, b.h / 2, l->border * 2, th->accent, th->card);
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_body, text, b.x + l->pad * 1.5f, b.y + l->pad / 2,
             ALIGN_LEFT, th->text);
    v->gfx->alpha = saved;
}

/* ------------------------------------------------------------------ help */

/* The keys of UI.md, in both languages. */
static const struct {
    const char *keys, *en, *zh;
} HELP[] = {
    {"Space", "play / pause", "播放 / 暂停"},
    {"→ ←  PgDn PgUp", "step forward / back", "前进 / 后退一步"},
    {"Shift+→ ←", "next / previous await point", "下一个 / 上一个 await 点"},
    {"Ctrl+→ ←", "next / previous loop iteration", "下一次 / 上一次循环迭代"},
    {"↓ ↑", "step by: event, line, await, iteration", "步长：事件、行、await、迭代"},
    {"Home  End", "first / last step", "第一步 / 最后一步"},
    {"+  −", "faster / slower", "加快 / 减慢"},
    {"]  [", "next / previous scenario", "下一个 / 上一个示例"},
    {"O", "open the scenario picker", "打开示例列表"},
    {"R", "reload from disk", "从磁盘重新加载"},
    {"Ctrl+C", "KeyboardInterrupt at this step", "在这一步发送 KeyboardInterrupt"},
    {"L", "中文 / English", "中文 / English"},
    {"T", "theme: dark, light, contrast", "主题：深色、浅色、高对比度"},
    {"D", "story (tasks) / machinery (loop)", "故事（任务）/ 机制（循环）"},
    {"F  F11", "fullscreen", "全屏"},
    {"Ctrl+=  Ctrl+−", "zoom text", "缩放文字"},
    {"S", "save a PNG screenshot", "保存 PNG 截图"},
    {"P", "predict mode", "预测模式"},
    {"E", "event log", "事件日志"},
    {"? F1", "this help", "帮助"},
    {"Esc", "close / leave fullscreen", "关闭 / 退出全屏"},
    {"click", "highlight and inspect", "高亮并查看详情"},
};

void view_help(const View *v) {
    const Layout *l = v->layout;
    const Theme *th = v->theme;
    int n = (int)(sizeof HELP / sizeof *HELP), half = (n + 1) / 2;
    gfx_fill(v->gfx, (Box){0, 0, (float)l->w, (float)l->h}, th->shadow);
    float line_h = roundf(gfx_line_height(v->gfx, FACE_UI, l->px_body) * 1.12f);
    float col_w = fminf(l->w * 0.45f, 560 * l->s);
    Box b = {(l->w - 2 * col_w) / 2 - l->pad * 2, 0, 2 * col_w + l->pad * 4,
             half * line_h + l->header * 2.4f};
    b.y = (l->h - b.h) / 2;
    gfx_round_border(v->gfx, b, l->radius * 1.5f, l->border * 2, th->accent, th->panel);
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_title, tr(v->lang, MSG_HELP_TITLE), b.x + l->pad * 2,
             b.y + l->pad, ALIGN_LEFT, th->text);
    gfx_text(v->gfx, FACE_UI, l->px_small, tr(v->lang, MSG_HELP_CLOSE), b.x + b.w - l->pad * 2,
             b.y + l->pad * 1.5f, ALIGN_RIGHT, th->dim);
    float key_w = col_w * 0.38f;
    for (int i = 0; i < n; i++) {
        float x = b.x + l->pad * 2 + (i >= half ? col_w : 0);
        float y = b.y + l->header * 1.8f + (i % half) * line_h;
        gfx_text(v->gfx, FACE_UI_BOLD, l->px_body, HELP[i].keys, x, y, ALIGN_LEFT, th->accent);
        gfx_text(v->gfx, FACE_UI, l->px_body, v->lang == LANG_ZH ? HELP[i].zh : HELP[i].en,
                 x + key_w, y, ALIGN_LEFT, th->text);
    }
}

/* ------------------------------------------------------------------ lists */

static Box list_box(const Layout *l) {
    float w = fminf(l->w * 0.8f, 1100 * l->s), h = l->h * 0.78f;
    return (Box){(l->w - w) / 2, (l->h - h) / 2, w, h};
}

static float list_row_h(const Layout *l) {
    return roundf(l->px_body * 1.6f);
}

int view_list_capacity(const Layout *l) {
    Box b = list_box(l);
    return (int)((b.h - l->header * 2) / list_row_h(l));
}

Box view_list_row(const Layout *l, int i) {
    Box b = list_box(l);
    return (Box){b.x + l->pad, b.y + l->header * 1.6f + i * list_row_h(l), b.w - 2 * l->pad,
                 list_row_h(l)};
}

void view_list(const View *v, const char *title, const ListInfo *list) {
    const Layout *l = v->layout;
    const Theme *th = v->theme;
    gfx_fill(v->gfx, (Box){0, 0, (float)l->w, (float)l->h}, th->shadow);
    Box b = list_box(l);
    gfx_round_border(v->gfx, b, l->radius * 1.5f, l->border * 2, th->accent, th->panel);
    gfx_text(v->gfx, FACE_UI_BOLD, l->px_body, title, b.x + l->pad * 1.5f, b.y + l->pad, ALIGN_LEFT,
             th->text);
    int cap = view_list_capacity(l);
    for (int i = 0; i < cap && list->first + i < list->nrows; i++) {
        Box r = view_list_row(l, i);
        int index = list->first + i;
        if (index == list->selected) {
            gfx_round(v->gfx, r, l->radius * 0.6f, rgba_fade(th->accent, 0.25f));
        }
        char fitted[400];
        gfx_fit(v->gfx, FACE_CODE, l->px_small, list->rows[index], r.w - 2 * l->pad, fitted,
                sizeof fitted);
        gfx_text(v->gfx, FACE_CODE, l->px_small, fitted, r.x + l->pad,
                 r.y + (r.h - gfx_line_height(v->gfx, FACE_CODE, l->px_small)) / 2, ALIGN_LEFT,
                 index == list->selected ? th->text : th->dim);
    }
}
