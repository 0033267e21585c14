/*
 * scene.c - builds and blends the positioned items of a step (see scene.h).
 *
 * Each region has one builder: running slot, ready queue, waiting tasks, futures, timer
 * ruler, finished tasks, and the source gutter's task markers. A region that cannot show
 * everything shows what fits and one "+N more" item, so 2,000 tasks cost no more to draw
 * than 50. Not for: drawing.
 */
#include "scene.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ items and lookup */

void scene_init(Scene *sc) {
    memset(sc, 0, sizeof *sc);
    sc->run_row = -1;
}

void scene_free(Scene *sc) {
    pool_free(&sc->pool);
    free(sc->items);
    free(sc->map_keys);
    free(sc->map_index);
    memset(sc, 0, sizeof *sc);
}

/* Empties the scene for a rebuild, keeping its memory. */
static void scene_clear(Scene *sc) {
    pool_reset(&sc->pool);
    sc->n = 0;
    sc->nconsole = sc->nnarration = sc->nsay = 0;
    sc->console = NULL;
    sc->ruler = false;
    sc->run_row = -1;
}

/* A new item, zeroed but for key and kind. */
static Item *add(Scene *sc, uint64_t key, ItemKind kind, Region region) {
    if (sc->n == sc->cap) {
        sc->cap = sc->cap ? sc->cap * 2 : 64;
        sc->items = realloc(sc->items, (size_t)sc->cap * sizeof *sc->items);
        if (sc->items == NULL) {
            fprintf(stderr, "%s:%d: out of memory\n", __FILE__, __LINE__);
            abort();
        }
    }
    Item *it = &sc->items[sc->n++];
    memset(it, 0, sizeof *it);
    it->key = key;
    it->kind = (uint8_t)kind;
    it->region = (uint8_t)region;
    it->alpha = 1;
    it->colour = -1;
    return it;
}

static size_t key_slot(uint64_t key, int cap) {
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 40) & (size_t)(cap - 1);
}

/* Indexes the items by key (the last item wins when a key repeats). */
static void index_items(Scene *sc) {
    int cap = 64;
    while (cap < sc->n * 2) {
        cap *= 2;
    }
    if (cap > sc->map_cap) {
        free(sc->map_keys);
        free(sc->map_index);
        sc->map_keys = malloc((size_t)cap * sizeof *sc->map_keys);
        sc->map_index = malloc((size_t)cap * sizeof *sc->map_index);
        sc->map_cap = cap;
    }
    memset(sc->map_keys, 0, (size_t)sc->map_cap * sizeof *sc->map_keys);
    for (int i = 0; i < sc->n; i++) {
        size_t j = key_slot(sc->items[i].key, sc->map_cap);
        while (sc->map_keys[j] != 0 && sc->map_keys[j] != sc->items[i].key) {
            j = (j + 1) & (size_t)(sc->map_cap - 1);
        }
        sc->map_keys[j] = sc->items[i].key;
        sc->map_index[j] = i;
    }
}

const Item *scene_find(const Scene *sc, uint64_t key) {
    if (sc->map_cap == 0 || key == 0) {
        return NULL;
    }
    for (size_t j = key_slot(key, sc->map_cap); sc->map_keys[j] != 0;
         j = (j + 1) & (size_t)(sc->map_cap - 1)) {
        if (sc->map_keys[j] == key) {
            return &sc->items[sc->map_index[j]];
        }
    }
    return NULL;
}

/* ------------------------------------------------------------------ text helpers */

/* `text` fitted to `width` pixels, copied into the scene. */
static const char *fit(Scene *sc, const SceneInput *in, Face face, int px, const char *text,
                       float width) {
    char buf[512];
    if (text == NULL) {
        return NULL;
    }
    gfx_fit(in->gfx, face, px, text, width, buf, sizeof buf);
    return pool_strdup(&sc->pool, buf);
}

static float measure(const SceneInput *in, Face face, int px, const char *text) {
    return (float)gfx_measure(in->gfx, face, px, text, strlen(text));
}

/* The area of a sub-box below its small label. */
static Box below_label(const Layout *l, Box b) {
    float head = roundf(l->px_small * 1.75f);
    return (Box){b.x, b.y + head, b.w, b.h - head};
}

const char *scene_state_name(Lang lang, LsTaskState state) {
    static const Msg NAMES[] = {MSG_TASK_READY, MSG_TASK_RUNNING, MSG_TASK_WAITING,
                                MSG_TASK_DONE,  MSG_TASK_FAILED,  MSG_TASK_CANCELLED};
    return tr(lang, NAMES[state <= LS_TASK_CANCELLED ? state : 0]);
}

static const char *kind_name(Lang lang, LsRunKind kind) {
    static const Msg NAMES[] = {MSG_KIND_STEP, MSG_KIND_WAKEUP, MSG_KIND_DONE_CB, MSG_KIND_CALLBACK,
                                MSG_KIND_TIMER};
    return tr(lang, NAMES[kind <= LS_RUN_TIMER ? kind : 0]);
}

/* The innermost frame of a task's await chain, or NULL. */
static const PicFrame *innermost(const PicTask *t) {
    return t != NULL && t->chain_len > 0 ? &t->chain[t->chain_len - 1] : NULL;
}

/* The innermost frame of a task that runs the scenario's own code (not asyncio's), or NULL:
   where the task waits, as far as the source region can show it. */
static const PicFrame *innermost_here(const SceneInput *in, const PicTask *t) {
    for (int f = t != NULL ? t->chain_len - 1 : -1; f >= 0; f--) {
        if (t->chain[f].file == NULL || picture_same_file(t->chain[f].file, in->file)) {
            return &t->chain[f];
        }
    }
    return NULL;
}

/* "Future #7 · PENDING" style name of a future, in the pool. */
static const char *future_name(Scene *sc, const Picture *pic, uint32_t id) {
    char buf[128];
    return pool_strdup(&sc->pool, picture_future_name(pic, id, buf, sizeof buf));
}

/* Sizes shared by the builders. */
typedef struct {
    float card_h;  /* a two-line card */
    float chip_h;  /* a one-line chip */
    float small_h; /* a chip of small type (finished tasks) */
    float row_gap; /* between stacked boxes */
    float inner;   /* padding inside a card */
    float mark;    /* room for a task's shape before its name */
} Metrics;

static Metrics metrics(const Layout *l) {
    Metrics m;
    m.inner = roundf(l->pad * 0.9f);
    m.card_h = roundf(l->px_small * 1.45f + l->px_body * 1.45f + m.inner * 0.9f);
    m.chip_h = roundf(l->px_body * 1.95f);
    m.small_h = roundf(l->px_small * 2.0f);
    m.row_gap = roundf(6 * l->s);
    m.mark = roundf(l->px_body * 1.25f);
    return m;
}

/* ------------------------------------------------------------------ running slot */

/* The running card's label: on two lines when it is long (the eye is on this card). */
static void running_title(Scene *sc, const SceneInput *in, Item *it, const char *label, float w) {
    const Layout *l = in->layout;
    size_t starts[2];
    int n = gfx_wrap(in->gfx, FACE_UI_BOLD, l->px_body, label, w, starts, 2);
    if (n < 2) {
        it->title = fit(sc, in, FACE_UI_BOLD, l->px_body, label, w);
        return;
    }
    it->title = pool_strndup(&sc->pool, label, starts[1]);
    it->title2 = fit(sc, in, FACE_UI_BOLD, l->px_body, label + starts[1], w);
}

/* The running handle with the running task's await chain, innermost frame first. */
static void build_running(Scene *sc, const SceneInput *in) {
    const Picture *pic = in->pic;
    const Layout *l = in->layout;
    Metrics m = metrics(l);
    Box c = below_label(l, l->running);
    const PicTask *task = picture_task(pic, pic->running_task);
    bool main_runs = pic->running_handle == 0 && in->code_runs && pic->loop != LS_LOOP_RUNNING;
    uint64_t key = pic->running_handle ? SCENE_KEY(K_HANDLE, pic->running_handle)
                   : main_runs         ? SCENE_KEY(K_SLOT, 0)
                                       : SCENE_KEY(K_SLOT, 1);
    Item *it = add(sc, key, pic->running_handle || main_runs ? IT_CARD : IT_NOTE, REG_RUNNING);
    it->running = true;
    it->handle = pic->running_handle;
    it->task = pic->running_task;
    it->colour = task ? task->colour : -1;
    float w = c.w - m.mark - 2 * m.inner;
    if (pic->running_handle != 0) {
        LsRunKind kind = pic->running_kind;
        it->state = (int)kind;
        running_title(sc, in, it, pic->running_label ? pic->running_label : "?", w);
        it->sub = kind_name(in->lang, kind); /* shown beside the slot's label, not in the card */
        it->tip = pool_strdup(&sc->pool, pic->running_label);
        it->flash =
            (kind == LS_RUN_CALLBACK || kind == LS_RUN_DONE_CALLBACK || kind == LS_RUN_TIMER) &&
            (in->prev == NULL || in->prev->running_handle != pic->running_handle);
    } else if (main_runs) {
        it->title = pool_strdup(&sc->pool, tr(in->lang, MSG_MAIN_PROGRAM));
    } else if (pic->ended) {
        it->title = pool_printf(&sc->pool, tr(in->lang, MSG_ENDED), pic->exit_status);
    } else {
        it->title = pool_strdup(
            &sc->pool,
            tr(in->lang, pic->loop == LS_LOOP_RUNNING ? MSG_BETWEEN_HANDLES : MSG_NOTHING_RUNNING));
    }
    const PicFrame *chain = task ? task->chain : main_runs ? pic->main_chain : NULL;
    int len = task ? task->chain_len : main_runs ? pic->main_chain_len : 0;
    for (int f = len - 1; f >= 0 && it->nlines < ITEM_MAX_LINES; f--) {
        char buf[256];
        const char *fn = chain[f].function;
        snprintf(buf, sizeof buf, "%s%s  ·  %d", fn, fn[0] == '<' ? "" : "()", chain[f].line);
        it->lines[it->nlines++] = fit(sc, in, FACE_CODE, l->px_small, buf, w);
    }
    if (it->kind == IT_NOTE) {
        it->box = (Box){c.x, c.y, c.w, m.chip_h};
        return;
    }
    float line_h = roundf(l->px_small * 1.4f);
    float h =
        roundf(l->px_body * 1.45f) * (it->title2 ? 2 : 1) + it->nlines * line_h + m.inner * 1.3f;
    it->box = (Box){c.x, c.y, c.w, fminf(fmaxf(h, m.chip_h), c.h)};
}

/* ------------------------------------------------------------------ ready queue */

/* A "+N more" item. */
static void add_more(Scene *sc, const SceneInput *in, Region region, size_t count, Box box) {
    char buf[64];
    snprintf(buf, sizeof buf, tr(in->lang, MSG_MORE), count);
    Item *it = add(sc, SCENE_KEY(K_MORE, region), IT_MORE, region);
    it->title = pool_strdup(&sc->pool, buf);
    it->box = box;
    it->compact = region == REG_WAITING || region == REG_FUTURES; /* a line, not a chip */
}

/* The engine reports a due timer leaving the heap one event before it reaches the queue;
   in between, the timer is drawn already at the tail, so it never blinks out of sight. */
static bool due_timer(const SceneInput *in, PicReady *out) {
    const Picture *pic = in->pic;
    if (!pic->has_last || pic->last.kind != LS_EV_TIMER_DUE) {
        return false;
    }
    for (size_t i = 0; i < pic->nready; i++) {
        if (pic->ready[i].handle == pic->last.handle) {
            return false;
        }
    }
    const char *label = pic->last_str;
    for (size_t i = 0; in->prev != NULL && i < in->prev->ntimers; i++) {
        if (in->prev->timers[i].handle == pic->last.handle) {
            label = in->prev->timers[i].label;
        }
    }
    *out =
        (PicReady){pic->last.handle, LS_RUN_TIMER, 0, 0, (char *)(label ? label : "timer"), false};
    return true;
}

/* The widest a card may be so that `n` cards of natural widths `w` share `room`: the
   widest ones give way first, none below `min_w`. */
static float share_cap(const float *w, size_t n, float room, float min_w) {
    float lo = min_w, hi = room;
    for (int iter = 0; iter < 24; iter++) {
        float cap = (lo + hi) / 2, sum = 0;
        for (size_t i = 0; i < n; i++) {
            sum += fminf(w[i], cap);
        }
        if (sum > room) {
            hi = cap;
        } else {
            lo = cap;
        }
    }
    return lo;
}

/* Handles as cards, head (left) to tail (right). Cards shrink to share the row before the
   tail is summarised as "+N more". */
static void build_ready_cards(Scene *sc, const SceneInput *in, Box c) {
    const Picture *pic = in->pic;
    const Layout *l = in->layout;
    Metrics m = metrics(l);
    float more_w = roundf(100 * l->s), gap = m.row_gap * 1.5f;
    float min_w = roundf(130 * l->s);
    PicReady due;
    size_t n = pic->nready + (due_timer(in, &due) ? 1 : 0);
    size_t fit_n = (size_t)((c.w + gap) / (min_w + gap));
    if (fit_n < n) { /* room for a "+N more" card too */
        fit_n = (size_t)((c.w - more_w + gap) / (min_w + gap));
    }
    size_t shown = n < fit_n ? n : fit_n;
    float *w = calloc(shown + 1, sizeof *w), sum = 0;
    for (size_t i = 0; i < shown; i++) {
        const PicReady *r = i < pic->nready ? &pic->ready[i] : &due;
        w[i] = fminf(
            fmaxf(measure(in, FACE_UI_BOLD, l->px_body, r->label) + 2 * m.inner + m.mark, min_w),
            c.w * 0.6f);
        sum += w[i];
    }
    float room = c.w - (shown > 0 ? (float)(shown - 1) * gap : 0) - (shown < n ? more_w + gap : 0);
    float cap = sum > room ? share_cap(w, shown, room, min_w) : c.w;
    float x = c.x;
    for (size_t i = 0; i < shown; i++) {
        const PicReady *r = i < pic->nready ? &pic->ready[i] : &due;
        const PicTask *task = picture_task(pic, r->task);
        float cw = fminf(w[i], cap);
        Item *it = add(sc, SCENE_KEY(K_HANDLE, r->handle), IT_CARD, REG_READY);
        it->handle = r->handle;
        it->task = r->task;
        it->future = r->future;
        it->state = (int)r->kind;
        it->failed = r->cancelled; /* drawn struck through */
        it->colour = task ? task->colour : -1;
        it->title = fit(sc, in, FACE_UI_BOLD, l->px_body, r->label, cw - 2 * m.inner - m.mark);
        it->sub = kind_name(in->lang, r->kind);
        it->tip = pool_strdup(&sc->pool, r->label);
        it->box = (Box){x, c.y, cw, m.card_h};
        x += cw + gap;
    }
    if (shown < n) {
        add_more(sc, in, REG_READY, n - shown,
                 (Box){x, c.y, fminf(more_w, c.x + c.w - x), m.card_h});
    }
    free(w);
}

/* The story's ready row: tasks whose turn is coming, in queue order. */
static void build_ready_tasks(Scene *sc, const SceneInput *in, Box c) {
    const Picture *pic = in->pic;
    const Layout *l = in->layout;
    Metrics m = metrics(l);
    float x = c.x, more_w = roundf(100 * l->s), gap = m.row_gap * 1.5f;
    for (size_t i = 0; i < pic->nready; i++) {
        const PicTask *t = picture_task(pic, pic->ready[i].task);
        if (t == NULL || scene_find(sc, SCENE_KEY(K_TASK, t->id)) != NULL) {
            continue;
        }
        float w = measure(in, FACE_UI_BOLD, l->px_body, t->name) + 2 * m.inner + m.mark;
        if (x + w > c.x + c.w - more_w) {
            add_more(sc, in, REG_READY, pic->nready - i, (Box){x, c.y, more_w, m.chip_h});
            return;
        }
        Item *it = add(sc, SCENE_KEY(K_TASK, t->id), IT_TASK, REG_READY);
        it->task = t->id;
        it->colour = t->colour;
        it->state = (int)t->state;
        it->compact = true;
        it->title = pool_strdup(&sc->pool, t->name);
        it->tip = it->title;
        it->box = (Box){x, c.y, w, m.chip_h};
        index_items(sc); /* so the duplicate check above sees it */
        x += w + gap;
    }
}

/* ------------------------------------------------------------------ waiting tasks */

/* Whether the task belongs in the waiting column: suspended on a future. (A ready task is
   shown by its handle in the ready queue, or in the story's ready row.) */
static bool in_waiting(const PicTask *t, Detail detail) {
    (void)detail;
    return t->state == LS_TASK_WAITING;
}

/* What the second line of a waiting task says. */
static const char *task_sub(Scene *sc, const SceneInput *in, const PicTask *t) {
    const PicFrame *f = innermost_here(in, t);
    char where[96] = "";
    if (f != NULL && f->line > 0) {
        snprintf(where, sizeof where, tr(in->lang, MSG_LINE_N), f->line);
    }
    if (t->state == LS_TASK_READY) {
        return pool_printf(&sc->pool, "%s%s%s", scene_state_name(in->lang, t->state),
                           *where ? "  ·  " : "", where);
    }
    for (size_t i = 0; i < in->pic->ntimers; i++) { /* a sleeping task: say until when */
        if (in->pic->timers[i].task == t->id) {
            char until[96];
            snprintf(until, sizeof until, tr(in->lang, MSG_SLEEPS_UNTIL), in->pic->timers[i].when);
            return pool_printf(&sc->pool, "%s%s%s", where, *where ? "  ·  " : "", until);
        }
    }
    if (t->awaiting != 0) {
        char name[96];
        picture_future_name(in->pic, t->awaiting, name, sizeof name);
        return pool_printf(&sc->pool, "%s%s%s %s", where, *where ? "  ·  " : "",
                           tr(in->lang, MSG_AWAITS), name);
    }
    return pool_strdup(&sc->pool, where);
}

/* The full description of a task, for its tooltip. */
static const char *task_tip(Scene *sc, const SceneInput *in, const PicTask *t) {
    char buf[1024];
    int n = snprintf(buf, sizeof buf, "%s  [%s]", t->name, scene_state_name(in->lang, t->state));
    for (int f = t->chain_len - 1; f >= 0 && n < (int)sizeof buf - 80; f--) {
        n += snprintf(buf + n, sizeof buf - (size_t)n, "\n  %s()  line %d", t->chain[f].function,
                      t->chain[f].line);
    }
    if (t->result != NULL && n < (int)sizeof buf - 8) {
        snprintf(buf + n, sizeof buf - (size_t)n, "\n  = %s", t->result);
    }
    return pool_strdup(&sc->pool, buf);
}

/* Height of the line of small type that counts what did not fit. */
static float more_line(const Layout *l) {
    return roundf(l->px_small * 1.5f);
}

/* Lays out `count` boxes in `c`: two-line rows, one-line rows, or a grid of chips. */
typedef struct {
    int shown;  /* boxes shown (the rest is summarised) */
    int cols;   /* columns */
    float w, h; /* size of one box */
    bool compact;
} Grid;

static Grid grid_for(const Layout *l, Box c, size_t count, float tall_h, float chip_h,
                     float min_chip_w) {
    Metrics m = metrics(l);
    Grid g = {.cols = 1, .w = c.w, .h = tall_h};
    if (count * (tall_h + m.row_gap) <= c.h + m.row_gap) {
        g.shown = (int)count;
        return g;
    }
    g.compact = true;
    g.h = chip_h;
    int rows = (int)((c.h + m.row_gap) / (chip_h + m.row_gap));
    if (count <= (size_t)(rows < 1 ? 1 : rows)) {
        g.shown = (int)count;
        return g;
    }
    /* too many: one column of chips when that shows most of them, else a grid; a line
       of small type under them counts the rest */
    rows = (int)((c.h - more_line(l) + m.row_gap) / (chip_h + m.row_gap));
    rows = rows < 1 ? 1 : rows;
    g.cols = count > (size_t)rows * 2 ? (int)(c.w / min_chip_w) : 1;
    g.cols = g.cols < 1 ? 1 : g.cols;
    g.w = (c.w - (g.cols - 1) * m.row_gap) / g.cols;
    size_t cells = (size_t)rows * (size_t)g.cols;
    g.shown = (int)(count <= cells ? count : cells);
    return g;
}

static Box grid_box(const Grid *g, Box c, float gap, int i) {
    int col = i % g->cols, row = i / g->cols;
    return (Box){c.x + col * (g->w + gap), c.y + row * (g->h + gap), g->w, g->h};
}

/* The "+N more" line under a grid. */
static Box more_box(const Layout *l, Box c) {
    return (Box){c.x, c.y + c.h - more_line(l), c.w, more_line(l)};
}

static void build_waiting(Scene *sc, const SceneInput *in) {
    const Picture *pic = in->pic;
    const Layout *l = in->layout;
    Metrics m = metrics(l);
    Box c = below_label(l, l->waiting);
    size_t count = 0;
    for (size_t i = 0; i < pic->ntasks; i++) {
        count += in_waiting(&pic->tasks[i], in->detail) &&
                 scene_find(sc, SCENE_KEY(K_TASK, pic->tasks[i].id)) == NULL;
    }
    Grid g = grid_for(l, c, count, m.card_h, m.chip_h, 150 * l->s);
    int shown = 0;
    for (size_t i = 0; i < pic->ntasks && shown < g.shown; i++) {
        const PicTask *t = &pic->tasks[i];
        if (!in_waiting(t, in->detail) || scene_find(sc, SCENE_KEY(K_TASK, t->id)) != NULL) {
            continue;
        }
        Item *it = add(sc, SCENE_KEY(K_TASK, t->id), IT_TASK, REG_WAITING);
        it->task = t->id;
        it->colour = t->colour;
        it->state = (int)t->state;
        it->compact = g.compact;
        it->arrow_to = t->state == LS_TASK_WAITING ? t->awaiting : 0;
        it->box = grid_box(&g, c, m.row_gap, shown++);
        float w = it->box.w - 2 * m.inner - m.mark;
        const PicFrame *f = innermost(t);
        const char *title = g.cols == 1 && f != NULL && f->function != NULL
                                ? pool_printf(&sc->pool, "%s  %s()", t->name, f->function)
                                : t->name;
        it->title = fit(sc, in, FACE_UI_BOLD, l->px_body, title, w);
        it->sub = g.compact ? NULL : fit(sc, in, FACE_UI, l->px_small, task_sub(sc, in, t), w);
        it->tip = task_tip(sc, in, t);
    }
    if ((size_t)shown < count) {
        add_more(sc, in, REG_WAITING, count - (size_t)shown, more_box(l, c));
    }
}

/* ------------------------------------------------------------------ futures */

/* Whether a future earns a box: something awaits it, or (showing the machinery) it holds
   callbacks. */
static bool future_shown(const Picture *pic, const PicFuture *f, const bool *awaited,
                         Detail detail) {
    if (awaited[f - pic->futures]) {
        return true;
    }
    if (detail != DETAIL_LOOP) {
        return false;
    }
    if (f->task != 0) {
        return f->ncallbacks > 0;
    }
    return f->state == LS_FUT_PENDING || f->ncallbacks > 0;
}

/* The badge: PENDING, DONE, CANCELLED, or the exception's type when it failed. */
static const char *future_badge(Scene *sc, const PicFuture *f) {
    if (f->state == LS_FUT_PENDING) {
        return "PENDING";
    }
    if (f->state == LS_FUT_CANCELLED) {
        return "CANCELLED";
    }
    if (f->failed && f->result != NULL) {
        size_t n = strcspn(f->result, "(:");
        return pool_strndup(&sc->pool, f->result, n);
    }
    return "DONE";
}

/* The second line (result, or the callbacks in brief) and, when there is room, one line
   per callback. */
static void future_lines(Scene *sc, const SceneInput *in, Item *it, const PicFuture *f, float w,
                         int max_lines) {
    const Layout *l = in->layout;
    if (f->state != LS_FUT_PENDING && f->result != NULL) {
        it->sub = fit(sc, in, FACE_CODE, l->px_small, pool_printf(&sc->pool, "= %s", f->result), w);
    }
    if (in->detail != DETAIL_LOOP) {
        return;
    }
    if (max_lines == 0 && it->sub == NULL && f->ncallbacks > 0) { /* callbacks in brief */
        const char *text = f->ncallbacks == 1 ? pool_printf(&sc->pool, "→ %s", f->callbacks[0])
                                              : pool_printf(&sc->pool, "→ %s  +%d", f->callbacks[0],
                                                            f->ncallbacks - 1);
        it->sub = fit(sc, in, FACE_CODE, l->px_small, text, w);
        it->badge_sub = true;
        return;
    }
    for (int c = 0; c < f->ncallbacks && it->nlines < max_lines; c++) {
        bool last = it->nlines == max_lines - 1 && c + 1 < f->ncallbacks;
        const char *text = last ? pool_printf(&sc->pool, "+%d", f->ncallbacks - c)
                                : pool_printf(&sc->pool, "→ %s", f->callbacks[c]);
        it->lines[it->nlines++] = fit(sc, in, FACE_CODE, l->px_small, text, w);
    }
    if (f->ncallbacks == 0 && it->sub == NULL) {
        it->sub = pool_strdup(&sc->pool, tr(in->lang, MSG_NO_CALLBACKS));
    }
}

static const char *future_tip(Scene *sc, const SceneInput *in, const PicFuture *f) {
    char buf[1200];
    char name[96];
    picture_future_name(in->pic, f->id, name, sizeof name);
    int n = snprintf(buf, sizeof buf, "%s  (%s)  %s", name, f->kind, future_badge(sc, f));
    if (f->result != NULL) {
        n += snprintf(buf + n, sizeof buf - (size_t)n, "\n  = %s", f->result);
    }
    for (int c = 0; c < f->ncallbacks && n < (int)sizeof buf - 100; c++) {
        n += snprintf(buf + n, sizeof buf - (size_t)n, "\n  → %s", f->callbacks[c]);
    }
    return pool_strdup(&sc->pool, buf);
}

/* Futures ordered by the first waiting task that awaits them, then the rest. */
static size_t future_order(const Scene *sc, const Picture *pic, const bool *awaited, Detail detail,
                           size_t *order) {
    size_t n = 0;
    bool *taken = calloc(pic->nfutures + 1, 1);
    for (int i = 0; i < sc->n; i++) {
        const PicFuture *f =
            sc->items[i].arrow_to ? picture_future(pic, sc->items[i].arrow_to) : NULL;
        if (f != NULL && !taken[f - pic->futures]) {
            taken[f - pic->futures] = true;
            order[n++] = (size_t)(f - pic->futures);
        }
    }
    for (size_t i = 0; i < pic->nfutures; i++) {
        if (!taken[i] && future_shown(pic, &pic->futures[i], awaited, detail)) {
            order[n++] = i;
        }
    }
    free(taken);
    return n;
}

static void build_futures(Scene *sc, const SceneInput *in) {
    const Picture *pic = in->pic;
    const Layout *l = in->layout;
    Metrics m = metrics(l);
    Box c = below_label(l, l->futures);
    bool *awaited = calloc(pic->nfutures + 1, 1);
    for (size_t i = 0; i < pic->ntasks; i++) {
        const PicFuture *f = pic->tasks[i].state == LS_TASK_WAITING
                                 ? picture_future(pic, pic->tasks[i].awaiting)
                                 : NULL;
        if (f != NULL) {
            awaited[f - pic->futures] = true;
        }
    }
    size_t *order = malloc((pic->nfutures + 1) * sizeof *order);
    size_t count = future_order(sc, pic, awaited, in->detail, order);
    float line_h = roundf(l->px_small * 1.4f);
    int max_lines = in->detail == DETAIL_LOOP ? 2 : 0;
    float tall = in->detail == DETAIL_LOOP ? m.card_h + max_lines * line_h : m.chip_h;
    if (count * (tall + m.row_gap) > c.h + m.row_gap && in->detail == DETAIL_LOOP) {
        max_lines = 0; /* no room for callback lists: titles and badges only */
        tall = m.card_h;
    }
    Grid g = grid_for(l, c, count, tall, m.chip_h, 190 * l->s);
    for (int i = 0; i < g.shown; i++) {
        const PicFuture *f = &pic->futures[order[i]];
        Item *it = add(sc, SCENE_KEY(K_FUTURE, f->id), IT_FUTURE, REG_FUTURES);
        it->future = f->id;
        it->task = f->task;
        it->state = (int)f->state;
        it->failed = f->failed;
        it->compact = g.compact;
        const PicTask *t = picture_task(pic, f->task);
        it->colour = t ? t->colour : -1;
        it->box = grid_box(&g, c, m.row_gap, i);
        float w = it->box.w - 2 * m.inner;
        it->badge = future_badge(sc, f);
        float badge_w = measure(in, FACE_UI_BOLD, l->px_small, it->badge) + 2 * m.inner;
        it->title = fit(sc, in, FACE_UI_BOLD, l->px_body, future_name(sc, pic, f->id),
                        w - badge_w - m.inner - (t ? m.mark : 0));
        if (!g.compact && in->detail == DETAIL_LOOP) {
            future_lines(sc, in, it, f, w, max_lines);
            it->box.h = m.card_h + it->nlines * line_h;
        } else if (in->detail != DETAIL_LOOP) {
            it->compact = true; /* the story: the future's name and state are enough */
            it->box.h = m.chip_h;
        }
        it->tip = future_tip(sc, in, f);
    }
    if ((size_t)g.shown < count) {
        add_more(sc, in, REG_FUTURES, count - (size_t)g.shown, more_box(l, c));
    }
    /* boxes of different heights: stack them again without gaps in between */
    float y = c.y;
    for (int i = 0; i < sc->n && g.cols == 1; i++) {
        Item *it = &sc->items[i];
        if (it->region == REG_FUTURES && it->kind == IT_FUTURE) {
            it->box.y = y;
            y += it->box.h + m.row_gap;
        }
    }
    free(order);
    free(awaited);
}

/* ------------------------------------------------------------------ timers */

/* The ruler starts right of its label, which shares the row of the tick labels. */
static float ruler_left(const Layout *l) {
    return l->timers.x + roundf(200 * l->s);
}

float scene_ruler_axis(const Layout *l) {
    return l->timers.y + roundf(l->px_small * 2.1f);
}

float scene_ruler_x(const Scene *sc, const Layout *l, double t) {
    float left = ruler_left(l) + l->pad, width = l->timers.x + l->timers.w - l->pad - left;
    double span = sc->t1 - sc->t0;
    return left + (float)((t - sc->t0) / (span > 0 ? span : 1)) * width;
}

/* The visible range: from just before the clock to just after the last timer. */
static void ruler_range(Scene *sc, const Picture *pic) {
    double last = pic->clock + 1.0;
    for (size_t i = 0; i < pic->ntimers; i++) {
        last = fmax(last, pic->timers[i].when);
    }
    double span = last - pic->clock;
    sc->t0 = pic->clock - span * 0.05;
    sc->t1 = last + span * 0.08;
    sc->clock = pic->clock;
}

static void build_timers(Scene *sc, const SceneInput *in) {
    const Picture *pic = in->pic;
    const Layout *l = in->layout;
    Box c = {ruler_left(l), l->timers.y, l->timers.x + l->timers.w - ruler_left(l), l->timers.h};
    sc->ruler = true;
    ruler_range(sc, pic);
    enum { ROWS = 2 };
    float row_end[ROWS] = {-1e9f, -1e9f};
    float label_h = roundf(l->px_small * 1.5f), axis_y = scene_ruler_axis(l);
    float mark = roundf(12 * l->s);
    for (size_t i = 0; i < pic->ntimers; i++) {
        const PicTimer *t = &pic->timers[i];
        const PicTask *task = picture_task(pic, t->task);
        Item *it = add(sc, SCENE_KEY(K_HANDLE, t->handle), IT_TIMER, REG_TIMERS);
        it->handle = t->handle;
        it->task = t->task;
        it->colour = task ? task->colour : -1;
        float x = scene_ruler_x(sc, l, t->when);
        char text[300];
        snprintf(text, sizeof text, "t=%g  %s", t->when, t->label);
        it->tip = pool_strdup(&sc->pool, text);
        const char *label = fit(sc, in, FACE_UI, l->px_small, text, 220 * l->s);
        float w = measure(in, FACE_UI, l->px_small, label) + l->pad;
        float left = fmaxf(c.x, fminf(x - w / 2, c.x + c.w - w));
        it->box = (Box){x - mark / 2, axis_y + l->pad * 0.6f, mark, mark};
        for (int r = 0; r < ROWS; r++) {
            if (left > row_end[r] + l->pad * 0.5f) {
                it->title = label;
                it->box =
                    (Box){left, axis_y + l->pad * 0.9f + r * (label_h + l->s * 3), w, label_h};
                row_end[r] = left + w;
                break;
            }
        }
        it->anchor = x;
    }
}

/* ------------------------------------------------------------------ finished tasks */

static const char *finished_text(Scene *sc, const SceneInput *in, const PicTask *t) {
    if (t->state == LS_TASK_CANCELLED) {
        return pool_printf(&sc->pool, "%s  %s", t->name, tr(in->lang, MSG_TASK_CANCELLED));
    }
    return pool_printf(&sc->pool, "%s  %s", t->name, t->result ? t->result : "None");
}

static void build_finished(Scene *sc, const SceneInput *in) {
    const Picture *pic = in->pic;
    const Layout *l = in->layout;
    Metrics m = metrics(l);
    Box c = {ruler_left(l), l->finished.y, l->finished.x + l->finished.w - ruler_left(l),
             l->finished.h}; /* right of the label, like the ruler */
    float x = c.x, y = c.y, gap = m.row_gap * 1.5f, more_w = roundf(90 * l->s), h = m.small_h;
    size_t count = 0, shown = 0;
    for (size_t i = 0; i < pic->ntasks; i++) {
        count += pic->tasks[i].state >= LS_TASK_DONE;
    }
    for (size_t i = 0; i < pic->ntasks; i++) {
        const PicTask *t = &pic->tasks[i];
        if (t->state < LS_TASK_DONE) {
            continue;
        }
        const char *text = finished_text(sc, in, t);
        float w =
            fminf(measure(in, FACE_UI, l->px_small, text) + h * 1.55f + m.inner * 1.2f, c.w * 0.6f);
        if (x + w > c.x + c.w) {
            x = c.x;
            y += h + m.row_gap;
        }
        bool room = y + 2 * h + m.row_gap <= c.y + c.h || shown + 1 == count;
        if (y + h > c.y + c.h || (!room && x + w + more_w > c.x + c.w)) {
            add_more(sc, in, REG_FINISHED, count - shown, (Box){x, y, more_w, h});
            return;
        }
        Item *it = add(sc, SCENE_KEY(K_TASK, t->id), IT_FINISHED, REG_FINISHED);
        it->task = t->id;
        it->colour = t->colour;
        it->state = (int)t->state;
        it->failed = t->state == LS_TASK_FAILED;
        it->compact = true;
        it->title = fit(sc, in, FACE_UI, l->px_small, text, w - h * 1.55f - m.inner * 1.2f);
        it->tip = task_tip(sc, in, t);
        it->box = (Box){x, y, w, h};
        x += w + gap;
        shown++;
    }
}

/* ------------------------------------------------------------------ source gutter */

/* Scroll so that the running statement stays in view,
   moving only when it would leave the middle of the region: the code stays still. */
static void source_scroll(Scene *sc, const SceneInput *in, int focus, int visible) {
    int rows = in->meta ? in->meta->nrows : 0;
    float scroll = in->prev_scroll;
    if (focus >= 0 && (focus < scroll + 1 || focus > scroll + visible - 3)) {
        scroll = (float)(focus - visible / 3);
    }
    float max = (float)(rows - visible);
    sc->scroll = fmaxf(0, fminf(scroll, max > 0 ? max : 0));
}

static int row_of(const Meta *meta, int line) {
    if (meta == NULL || line < 1 || line > meta->nlines) {
        return -1;
    }
    int row = meta->row_of_line[line];
    return row < meta->nrows ? row : meta->nrows - 1;
}

static void build_markers(Scene *sc, const SceneInput *in) {
    const Picture *pic = in->pic;
    const Layout *l = in->layout;
    Box c = layout_content(l, l->source);
    sc->line_h = roundf(gfx_line_height(in->gfx, FACE_CODE, l->px_code) * 1.12f);
    float size = roundf(l->px_code * 0.5f), step = roundf(size * 2.15f); /* marker radius */
    float digits = measure(in, FACE_CODE, l->px_small, "888");
    sc->gutter_x = c.x;
    sc->code = (Box){c.x + 2 * size + 2 * step + l->pad * 0.6f + digits + l->pad, c.y, 0, c.h};
    sc->code.w = c.x + c.w - sc->code.x;
    int visible = (int)(c.h / sc->line_h);
    sc->run_row = in->code_runs ? (float)row_of(in->meta, pic->line) : -1;
    int focus = (int)sc->run_row;
    int *stack = calloc((size_t)(in->meta ? in->meta->nrows : 0) + 1, sizeof(int));
    for (size_t i = 0; i < pic->ntasks; i++) {
        const PicTask *t = &pic->tasks[i];
        const PicFrame *f = innermost_here(in, t);
        int row = f != NULL && t->state <= LS_TASK_WAITING ? row_of(in->meta, f->line) : -1;
        if (row < 0 || stack == NULL) {
            continue;
        }
        if (stack[row] >= 3) { /* a crowd on one line: the first marker counts it */
            stack[row]++;
            continue;
        }
        Item *it = add(sc, SCENE_KEY(K_MARKER, t->id), IT_MARKER, REG_SOURCE);
        it->task = t->id;
        it->colour = t->colour;
        it->state = (int)t->state;
        it->running = t->id == pic->running_task;
        it->line = f->line;
        it->stack = stack[row]++;
        it->title = pool_strdup(&sc->pool, t->name);
        it->tip =
            pool_printf(&sc->pool, "%s  ·  %s", t->name, scene_state_name(in->lang, t->state));
    }
    for (int i = 0; i < sc->n; i++) {
        Item *it = &sc->items[i];
        if (it->kind == IT_MARKER && it->stack == 0) {
            it->count = stack[row_of(in->meta, it->line)];
        }
    }
    free(stack);
    source_scroll(sc, in, focus, visible);
    for (int i = 0; i < sc->n; i++) { /* positions depend on the scroll, known only now */
        Item *it = &sc->items[i];
        if (it->kind == IT_MARKER) {
            int row = row_of(in->meta, it->line);
            float y = sc->code.y + (row - sc->scroll) * sc->line_h + (sc->line_h - 2 * size) / 2;
            float x = sc->gutter_x + it->stack * step;
            it->box = (Box){x, y, 2 * size, 2 * size};
        }
    }
}

/* ------------------------------------------------------------------ console, narration */

/* Geometry shared with the console view. */
static float console_row_h(const SceneInput *in) {
    return roundf(gfx_line_height(in->gfx, FACE_CODE, in->layout->px_code) * 1.08f);
}

/* Wraps the console's last lines to the region; keeps the rows that fit, oldest first. */
static void build_console(Scene *sc, const SceneInput *in) {
    const Layout *l = in->layout;
    Box c = layout_content(l, l->console);
    float text_w = c.w - roundf(l->px_code * 1.4f);
    int room = (int)(c.h / console_row_h(in));
    room = room < 1 ? 1 : room;
    ConsoleRow *rows = pool_alloc(&sc->pool, (size_t)room * sizeof *rows);
    int n = room; /* filled from the end */
    for (size_t i = in->pic->nlines; i-- > 0 && n > 0;) {
        const PicLine *line = &in->pic->lines[i];
        size_t starts[32];
        int k = gfx_wrap(in->gfx, FACE_CODE, l->px_code, line->text, text_w, starts, 32);
        const PicTask *t = picture_task(in->pic, line->task);
        for (int r = k - 1; r >= 0 && n > 0; r--) {
            size_t end = r + 1 < k ? starts[r + 1] : strlen(line->text);
            rows[--n] =
                (ConsoleRow){pool_strndup(&sc->pool, line->text + starts[r], end - starts[r]),
                             line->task, t ? t->colour : -1, line->stream, r == 0};
        }
    }
    sc->console = rows + n;
    sc->nconsole = room - n;
}

/* Wraps the narration: the say text first (large), then the generated sentence. */
static void build_narration(Scene *sc, const SceneInput *in) {
    const Layout *l = in->layout;
    Box c = layout_content(l, l->narration);
    c = (Box){l->narration.x + l->pad * 2, c.y, l->narration.w - l->pad * 4, c.h};
    const char *texts[2] = {in->say, in->generated};
    sc->nnarration = sc->nsay = 0;
    for (int k = 0; k < 2; k++) {
        if (texts[k] == NULL || *texts[k] == '\0') {
            continue;
        }
        int px = k == 0 || in->say == NULL ? l->px_narration : l->px_small;
        size_t starts[SCENE_MAX_NARRATION];
        int room = SCENE_MAX_NARRATION - sc->nnarration;
        int n = gfx_wrap(in->gfx, FACE_UI, px, texts[k], c.w, starts, room);
        for (int r = 0; r < n; r++) {
            size_t end = r + 1 < n ? starts[r + 1] : strlen(texts[k]);
            sc->narration[sc->nnarration++] =
                pool_strndup(&sc->pool, texts[k] + starts[r], end - starts[r]);
        }
        if (k == 0 && in->say != NULL) {
            sc->nsay = sc->nnarration;
        }
    }
}

/* ------------------------------------------------------------------ build and blend */

void scene_build(Scene *sc, const SceneInput *in) {
    scene_clear(sc);
    build_running(sc, in);
    index_items(sc);
    Box ready = below_label(in->layout, in->layout->ready);
    if (in->detail == DETAIL_LOOP) {
        build_ready_cards(sc, in, ready);
    } else {
        build_ready_tasks(sc, in, ready);
    }
    index_items(sc);
    build_waiting(sc, in);
    build_futures(sc, in);
    if (in->detail == DETAIL_LOOP) {
        build_timers(sc, in);
    } else {
        ruler_range(sc, in->pic);
    }
    build_finished(sc, in);
    build_markers(sc, in);
    build_console(sc, in);
    build_narration(sc, in);
    index_items(sc);
}

static float lerpf(float a, float b, float t) {
    return a + (b - a) * t;
}

static Box lerp_box(Box a, Box b, float t) {
    return (Box){lerpf(a.x, b.x, t), lerpf(a.y, b.y, t), lerpf(a.w, b.w, t), lerpf(a.h, b.h, t)};
}

/* An item of `a` that a new item of `b` grows out of, or NULL. */
static const Item *origin_of(const Scene *a, const Item *it) {
    const Item *found = NULL;
    if (it->kind == IT_CARD && it->future != 0) { /* a callback leaving its future */
        found = scene_find(a, SCENE_KEY(K_FUTURE, it->future));
    }
    for (int i = 0; found == NULL && i < a->n; i++) {
        const Item *o = &a->items[i];
        bool card_of_task = it->kind == IT_TASK && o->kind == IT_CARD && o->task == it->task;
        bool task_of_card = it->kind == IT_CARD && it->running && o->kind == IT_TASK &&
                            o->task == it->task && it->task != 0;
        if ((card_of_task || task_of_card) && o->region != REG_SOURCE) {
            found = o;
        }
    }
    return found;
}

/* Copies an item's strings into the scene's pool. */
static void own_strings(Scene *out, Item *it) {
    it->title = pool_strdup(&out->pool, it->title);
    it->title2 = pool_strdup(&out->pool, it->title2);
    it->sub = pool_strdup(&out->pool, it->sub);
    it->badge = pool_strdup(&out->pool, it->badge);
    it->tip = pool_strdup(&out->pool, it->tip);
    for (int i = 0; i < it->nlines; i++) {
        it->lines[i] = pool_strdup(&out->pool, it->lines[i]);
    }
}

void scene_lerp(Scene *out, const Scene *a, const Scene *b, float t) {
    scene_clear(out);
    for (int i = 0; i < b->n; i++) {
        Item *it = add(out, 0, IT_NOTE, REG_SOURCE);
        *it = b->items[i];
        const Item *from = scene_find(a, it->key);
        if (from == NULL) {
            from = origin_of(a, it);
            it->alpha = from != NULL ? lerpf(0.35f, 1, t) : t;
        }
        if (from != NULL) {
            Box to = it->box;
            it->moving = fabsf(from->box.x - to.x) + fabsf(from->box.y - to.y) > 1 && t < 1;
            it->morphing = (fabsf(from->box.w - to.w) + fabsf(from->box.h - to.h) > 1 ||
                            from->kind != it->kind) &&
                           t < 1;
            it->box = lerp_box(from->box, it->box, t);
            it->anchor = from->kind == it->kind ? lerpf(from->anchor, it->anchor, t) : it->anchor;
            it->alpha *= lerpf(from->alpha, 1, t);
        } else {
            it->box.y += (1 - t) * 8; /* a small rise while fading in */
        }
        own_strings(out, it);
    }
    for (int i = 0; i < a->n; i++) { /* leaving items fade where they were */
        if (scene_find(b, a->items[i].key) == NULL && a->items[i].alpha * (1 - t) > 0.02f) {
            Item *it = add(out, 0, IT_NOTE, REG_SOURCE);
            *it = a->items[i];
            it->alpha *= 1 - t;
            own_strings(out, it);
        }
    }
    out->ruler = b->ruler;
    out->t0 = a->t1 > a->t0 ? a->t0 + (b->t0 - a->t0) * t : b->t0;
    out->t1 = a->t1 > a->t0 ? a->t1 + (b->t1 - a->t1) * t : b->t1;
    out->clock = a->clock + (b->clock - a->clock) * t;
    out->scroll = lerpf(a->scroll, b->scroll, t);
    out->run_row = a->run_row < 0 || b->run_row < 0 ? b->run_row : lerpf(a->run_row, b->run_row, t);
    out->line_h = b->line_h;
    out->code = b->code;
    out->gutter_x = b->gutter_x;
    index_items(out);
}
