/*
 * model.c - folding trace events into the picture at step k (LsSnapshot), with keyframes
 * so that any step is reached from the nearest one without re-running Python code.
 *
 * A state (MState) is what the picture needs in compact form: per task its state and
 * await chain, per future its state and callbacks, the ready queue, the timers, the clock.
 * Tasks and futures are numbered in creation order, so the state at step k holds a prefix
 * of the trace's task and future tables, and the console at step k is a prefix of the
 * trace's output spans: neither is copied.
 *
 * Keyframes: while the trace grows, a recorder state folds every event and serializes
 * itself into a keyframe whenever enough events passed since the last one - "enough"
 * grows with the keyframe's size, so keyframes cost a bounded share of the trace's memory
 * however many tasks exist. seek(k) restores the last keyframe at or before k (or goes on
 * from where the previous seek stood, when that is closer) and folds forward.
 *
 * Await chains: frame events carry the VM's call depth. A task's chain holds frames by
 * depth: entering at depth d replaces what was at d and deeper; a statement at depth d drops
 * what is deeper (those frames finished or were suspended by hand); a suspension keeps the
 * frames, which is what a waiting task shows.
 *
 * Not for: recording (trace.c) or drawing (app/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace.h"

enum {
    KF_MIN_EVENTS = 256, /* at least this many events between keyframes */
    KF_RATIO = 4,        /* events between keyframes >= keyframe bytes / KF_RATIO */
};

/* ---------------------------------------------------------------- state */

typedef struct {
    uint32_t func, file; /* strings */
    int32_t line;
    uint32_t depth;
} MFrame;

typedef struct {
    uint8_t state;    /* LsTaskState */
    bool exc_escaped; /* an exception left its outermost frame */
    int32_t cancelling;
    uint32_t awaiting, result, last_exc, queued;
    MFrame *chain;
    uint32_t nchain, cap_chain;
} MTask;

typedef struct {
    uint32_t label, task; /* task: the task a wake-up wakes */
} MCallback;

typedef struct {
    uint32_t id;
    uint8_t state; /* LsFutureState */
    bool failed, is_task;
    uint32_t result;
    uint64_t done_iteration; /* the loop iteration in which it completed */
    MCallback *cbs;
    uint32_t ncbs, cap_cbs;
} MFuture;

typedef struct {
    uint32_t handle, task, future, label;
    uint8_t kind;
    bool cancelled;
} MReady;

typedef struct {
    double when;
    uint32_t handle, label, task, seq;
} MTimer;

/* The scalar part, copied as is into keyframes. */
typedef struct {
    size_t step;
    double clock;
    uint64_t iteration;
    uint8_t loop, running_kind;
    bool ended;
    int exit_status;
    uint32_t running_task, running_handle, running_label;
    uint32_t file; /* string */
    int32_t line;
    uint32_t nconsole, ntasks, nfuts, nready, ntimers, timer_seq;
} MHead;

typedef struct {
    MHead h;
    MTask main; /* the program outside any task */
    MTask *tasks;
    size_t cap_tasks;
    MFuture *futs; /* live futures by id: every task's, and plain ones until retired */
    size_t cap_futs;
    MReady *ready; /* ready[head .. head + h.nready) */
    size_t head, cap_ready;
    MTimer *timers; /* sorted by (when, seq) */
    size_t cap_timers;
} MState;

typedef struct {
    size_t step;
    unsigned char *blob;
    size_t size;
} Keyframe;

/* Views handed out by seek: rebuilt at each seek, reusing the buffers. */
typedef struct {
    LsTaskView *tasks;
    size_t cap_tasks;
    LsFrame *frames;
    size_t cap_frames;
    LsReadyView *ready;
    size_t cap_ready;
    LsTimerView *timers;
    size_t cap_timers;
    LsFutureView *futs;
    size_t cap_futs;
    const char **cbs;
    size_t cap_cbs;
    char *labels; /* label text; views hold offsets until the end */
    size_t nlabels, cap_labels;
    LsEvent last;
    LsSnapshot snap;
} Views;

struct Model {
    MState rec; /* folds every recorded event; makes keyframes */
    MState cur; /* where the last seek stood */
    Keyframe *kfs;
    size_t nkfs, cap_kfs;
    size_t kf_bytes;
    Views v;
};

static void *xrealloc(void *p, size_t size) {
    void *n = realloc(p, size ? size : 1);
    if (!n) {
        fprintf(stderr, "%s:%d: out of memory in the trace model\n", __FILE__, __LINE__);
        abort();
    }
    return n;
}

/* Ensures *v (capacity *cap elements) holds need elements; new ones are zeroed. */
static void ensure(void **v, size_t *cap, size_t need, size_t size) {
    if (need <= *cap)
        return;
    size_t c = *cap ? *cap : 8;
    while (c < need)
        c *= 2;
    *v = xrealloc(*v, c * size);
    memset((char *)*v + *cap * size, 0, (c - *cap) * size);
    *cap = c;
}

static void ensure32(void **v, uint32_t *cap, size_t need, size_t size) {
    size_t c = *cap;
    ensure(v, &c, need, size);
    *cap = (uint32_t)c;
}

static void state_free(MState *s) {
    free(s->main.chain);
    for (size_t i = 0; i < s->cap_tasks; i++)
        free(s->tasks[i].chain);
    for (size_t i = 0; i < s->cap_futs; i++)
        free(s->futs[i].cbs);
    free(s->tasks);
    free(s->futs);
    free(s->ready);
    free(s->timers);
    memset(s, 0, sizeof *s);
}

/* ---------------------------------------------------------------- lookups */

static MTask *task_of(MState *s, const TraceData *d, uint32_t id) {
    if (id == 0)
        return &s->main;
    uint32_t i = id < d->id_cap ? d->task_of_id[id] : 0;
    return i && i - 1 < s->h.ntasks ? &s->tasks[i - 1] : NULL;
}

/* The first live future with an id >= id (futures are kept sorted by id). */
static size_t fut_slot(const MState *s, uint32_t id) {
    size_t lo = 0, hi = s->h.nfuts;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->futs[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static MFuture *fut_of(MState *s, const TraceData *d, uint32_t id) {
    (void)d;
    size_t i = fut_slot(s, id);
    return i < s->h.nfuts && s->futs[i].id == id ? &s->futs[i] : NULL;
}

/* A plain future that completed before this iteration and has no callbacks left never
 * changes again: it leaves the picture (and the keyframes), which stay as small as what
 * is alive however many futures a long run creates. Tasks stay. */
static void retire_futures(MState *s) {
    size_t kept = 0;
    for (size_t i = 0; i < s->h.nfuts; i++) {
        MFuture *f = &s->futs[i];
        if (!f->is_task && f->state != LS_FUT_PENDING && f->ncbs == 0 &&
            f->done_iteration < s->h.iteration) {
            free(f->cbs);
            continue;
        }
        if (kept != i)
            s->futs[kept] = *f;
        kept++;
    }
    for (size_t i = kept; i < s->h.nfuts; i++)
        s->futs[i] = (MFuture){0};
    s->h.nfuts = (uint32_t)kept;
}

/* ---------------------------------------------------------------- await chains */

/* Drops the frames at depth >= depth. */
static void chain_cut(MTask *t, uint32_t depth) {
    while (t->nchain && t->chain[t->nchain - 1].depth >= depth)
        t->nchain--;
}

static void chain_push(MTask *t, MFrame f) {
    ensure32((void **)&t->chain, &t->cap_chain, t->nchain + 1, sizeof *t->chain);
    t->chain[t->nchain++] = f;
}

static MFrame *chain_at(MTask *t, uint32_t depth) {
    for (uint32_t i = t->nchain; i-- > 0;)
        if (t->chain[i].depth == depth)
            return &t->chain[i];
    return NULL;
}

static void on_statement(MState *s, const TraceData *d, const TEvent *e) {
    s->h.file = d->files[e->file];
    s->h.line = e->line;
    MTask *t = task_of(s, d, e->task);
    if (!t)
        return;
    uint32_t depth = (uint32_t)e->value;
    chain_cut(t, depth + 1);
    MFrame *top = t->nchain ? &t->chain[t->nchain - 1] : NULL;
    if (top && top->depth == depth) {
        top->line = e->line;
        top->file = d->files[e->file];
        top->func = e->str;
    } else {
        chain_push(t, (MFrame){e->str, d->files[e->file], e->line, depth});
    }
}

static void on_frame_enter(MState *s, const TraceData *d, const TEvent *e) {
    MTask *t = task_of(s, d, e->task);
    if (!t)
        return;
    uint32_t depth = (uint32_t)e->value;
    MFrame *same = e->detail ? chain_at(t, depth) : NULL;
    if (same && same->func == e->str) {
        same->line = e->line; /* resuming a frame of the chain: the deeper ones follow */
    } else {
        chain_cut(t, depth);
        chain_push(t, (MFrame){e->str, d->files[e->file], e->line, depth});
    }
    s->h.file = d->files[e->file];
    s->h.line = e->line;
}

static void on_frame_exit(MState *s, const TraceData *d, const TEvent *e) {
    MTask *t = task_of(s, d, e->task);
    if (!t)
        return;
    uint32_t depth = (uint32_t)e->value;
    if (e->detail == TRACE_EXIT_SUSPEND) {
        MFrame *f = chain_at(t, depth);
        if (f)
            f->line = e->line;
        return;
    }
    chain_cut(t, depth);
    if (t != &s->main && t->nchain == 0 && e->detail == TRACE_EXIT_RAISE)
        t->exc_escaped = true;
    if (t->nchain && t->chain[t->nchain - 1].depth == depth - 1) { /* back in the caller */
        s->h.file = t->chain[t->nchain - 1].file;
        s->h.line = t->chain[t->nchain - 1].line;
    }
}

/* ---------------------------------------------------------------- the loop */

static MReady *ready_at(MState *s, size_t i) {
    return &s->ready[s->head + i];
}

static void ready_push(MState *s, MReady r) {
    if (s->head + s->h.nready == s->cap_ready && s->head > 0) {
        memmove(s->ready, s->ready + s->head, s->h.nready * sizeof *s->ready);
        s->head = 0;
    }
    ensure((void **)&s->ready, &s->cap_ready, s->head + s->h.nready + 1, sizeof *s->ready);
    s->ready[s->head + s->h.nready++] = r;
}

/* Removes the entry for handle (the head, normally); false if absent. */
static bool ready_take(MState *s, uint32_t handle, MReady *out) {
    for (size_t i = 0; i < s->h.nready; i++) {
        if (ready_at(s, i)->handle != handle)
            continue;
        *out = *ready_at(s, i);
        if (i == 0) {
            s->head++;
        } else {
            memmove(ready_at(s, i), ready_at(s, i + 1), (s->h.nready - i - 1) * sizeof(MReady));
        }
        if (--s->h.nready == 0)
            s->head = 0;
        return true;
    }
    return false;
}

static bool is_task_run(uint8_t kind) {
    return kind == LS_RUN_STEP || kind == LS_RUN_WAKEUP;
}

static void on_ready_push(MState *s, const TraceData *d, const TEvent *e) {
    ready_push(s, (MReady){e->handle, e->task, e->future, e->str, e->detail, false});
    MTask *t = is_task_run(e->detail) && e->task ? task_of(s, d, e->task) : NULL;
    if (t) {
        t->queued++;
        if (t->state == LS_TASK_WAITING)
            t->state = LS_TASK_READY;
    }
}

static void on_ready_pop(MState *s, const TraceData *d, const TEvent *e) {
    MReady r = {0};
    ready_take(s, e->handle, &r);
    s->h.running_handle = e->handle;
    s->h.running_kind = e->detail;
    s->h.running_label = e->str;
    s->h.running_task = 0;
    MTask *t = is_task_run(e->detail) && e->task ? task_of(s, d, e->task) : NULL;
    if (t) {
        if (t->queued)
            t->queued--;
        t->state = LS_TASK_RUNNING;
        t->awaiting = 0;
        s->h.running_task = e->task;
    }
}

static void on_handle_done(MState *s, const TraceData *d) {
    MTask *t = s->h.running_task ? task_of(s, d, s->h.running_task) : NULL;
    if (t && t->state == LS_TASK_RUNNING)
        t->state = t->queued ? LS_TASK_READY : LS_TASK_WAITING;
    s->h.running_task = s->h.running_handle = s->h.running_label = 0;
}

static void timer_add(MState *s, const TEvent *e) {
    double when;
    memcpy(&when, &e->value, sizeof when);
    ensure((void **)&s->timers, &s->cap_timers, s->h.ntimers + 1, sizeof *s->timers);
    size_t i = s->h.ntimers; /* after every timer due no later (equal times: FIFO) */
    while (i > 0 && s->timers[i - 1].when > when)
        i--;
    memmove(s->timers + i + 1, s->timers + i, (s->h.ntimers - i) * sizeof *s->timers);
    s->timers[i] = (MTimer){when, e->handle, e->str, e->task, s->h.timer_seq++};
    s->h.ntimers++;
}

static void timer_remove(MState *s, uint32_t handle) {
    for (size_t i = 0; i < s->h.ntimers; i++) {
        if (s->timers[i].handle == handle) {
            memmove(s->timers + i, s->timers + i + 1, (--s->h.ntimers - i) * sizeof *s->timers);
            return;
        }
    }
}

/* ---------------------------------------------------------------- futures and tasks */

static void on_future_state(MState *s, const TraceData *d, const TEvent *e) {
    MFuture *f = fut_of(s, d, e->future);
    if (!f)
        return;
    MTask *t = e->future < d->id_cap && d->task_of_id[e->future] ? task_of(s, d, e->future) : NULL;
    f->state = e->detail;
    f->result = e->str;
    f->done_iteration = s->h.iteration;
    f->failed = e->detail == LS_FUT_FINISHED && ((e->value & 1) || (t && t->exc_escaped));
    if (f->failed && !f->result && t)
        f->result = t->last_exc;
    if (!t)
        return;
    t->state = e->detail == LS_FUT_CANCELLED ? LS_TASK_CANCELLED
               : f->failed                   ? LS_TASK_FAILED
                                             : LS_TASK_DONE;
    t->result = f->result;
    t->awaiting = 0;
}

static void cb_push(MFuture *f, MCallback c) {
    ensure32((void **)&f->cbs, &f->cap_cbs, f->ncbs + 1, sizeof *f->cbs);
    f->cbs[f->ncbs++] = c;
}

static void cb_remove_at(MFuture *f, uint32_t i) {
    memmove(f->cbs + i, f->cbs + i + 1, (f->ncbs - i - 1) * sizeof *f->cbs);
    f->ncbs--;
}

/* remove_done_callback(fn): every entry with fn's name (the first `count` plain ones when
 * the runtime gave no name). */
static void on_callback_remove(MState *s, const TraceData *d, const TEvent *e) {
    MFuture *f = fut_of(s, d, e->future);
    uint64_t left = e->value ? e->value : 1;
    for (uint32_t i = 0; f && i < f->ncbs && left;) {
        MCallback *c = &f->cbs[i];
        if (c->task == 0 && (e->str == 0 || c->label == e->str)) {
            cb_remove_at(f, i);
            left--;
        } else {
            i++;
        }
    }
}

/* The future's first callback went to the ready queue as entry e->handle. */
static void on_callback_schedule(MState *s, const TraceData *d, const TEvent *e) {
    MFuture *f = fut_of(s, d, e->future);
    if (!f || f->ncbs == 0)
        return;
    MCallback c = f->cbs[0];
    cb_remove_at(f, 0);
    for (size_t i = s->h.nready; i-- > 0;) {
        MReady *r = ready_at(s, i);
        if (r->handle == e->handle) {
            if (!r->label && c.task == 0)
                r->label = c.label;
            return;
        }
    }
}

static void on_created(MState *s, uint32_t id, bool task) {
    ensure((void **)&s->futs, &s->cap_futs, s->h.nfuts + 1, sizeof *s->futs);
    size_t i = fut_slot(s, id);
    MCallback *cbs = s->futs[s->h.nfuts].cbs; /* the spare slot's buffer moves to i */
    uint32_t cap = s->futs[s->h.nfuts].cap_cbs;
    memmove(s->futs + i + 1, s->futs + i, (s->h.nfuts - i) * sizeof *s->futs);
    s->h.nfuts++;
    s->futs[i] =
        (MFuture){.id = id, .state = LS_FUT_PENDING, .is_task = task, .cbs = cbs, .cap_cbs = cap};
    if (!task)
        return;
    ensure((void **)&s->tasks, &s->cap_tasks, s->h.ntasks + 1, sizeof *s->tasks);
    MTask *t = &s->tasks[s->h.ntasks++];
    MFrame *chain = t->chain;
    uint32_t cap_chain = t->cap_chain;
    *t = (MTask){.state = LS_TASK_READY, .chain = chain, .cap_chain = cap_chain};
}

static void on_task_suspend(MState *s, const TraceData *d, const TEvent *e) {
    MTask *t = task_of(s, d, e->task);
    if (!t || e->task == 0)
        return;
    t->state = t->queued ? LS_TASK_READY : LS_TASK_WAITING;
    t->awaiting = e->future;
}

/* ---------------------------------------------------------------- folding */

static void apply(MState *s, const TraceData *d, const TEvent *e) {
    MTask *t;
    switch ((LsEventKind)e->kind) {
    case LS_EV_STATEMENT:
        on_statement(s, d, e);
        break;
    case LS_EV_FRAME_ENTER:
        on_frame_enter(s, d, e);
        break;
    case LS_EV_FRAME_EXIT:
        on_frame_exit(s, d, e);
        break;
    case LS_EV_EXCEPTION:
        if ((t = task_of(s, d, e->task)) != NULL)
            t->last_exc = e->str;
        break;
    case LS_EV_OUTPUT:
        s->h.nconsole++;
        break;
    case LS_EV_LOOP_STATE:
        s->h.loop = e->detail;
        break;
    case LS_EV_ITERATION:
        s->h.iteration++;
        retire_futures(s);
        break;
    case LS_EV_CLOCK:
        memcpy(&s->h.clock, &e->value, sizeof(double));
        break;
    case LS_EV_TASK_CREATED:
        on_created(s, e->task, true);
        break;
    case LS_EV_FUTURE_CREATED:
        on_created(s, e->future, false);
        break;
    case LS_EV_READY_PUSH:
        on_ready_push(s, d, e);
        break;
    case LS_EV_READY_POP:
        on_ready_pop(s, d, e);
        break;
    case LS_EV_HANDLE_DONE:
        on_handle_done(s, d);
        break;
    case LS_EV_TIMER_ADD:
        timer_add(s, e);
        break;
    case LS_EV_TIMER_DUE:
    case LS_EV_TIMER_CANCEL:
        timer_remove(s, e->handle);
        break;
    case LS_EV_HANDLE_CANCEL:
        for (size_t i = 0; i < s->h.nready; i++)
            if (ready_at(s, i)->handle == e->handle)
                ready_at(s, i)->cancelled = true;
        break;
    case LS_EV_FUTURE_STATE:
        on_future_state(s, d, e);
        break;
    case LS_EV_CALLBACK_ADD: {
        MFuture *f = fut_of(s, d, e->future);
        if (f)
            cb_push(f, (MCallback){e->str, e->task});
        break;
    }
    case LS_EV_CALLBACK_REMOVE:
        on_callback_remove(s, d, e);
        break;
    case LS_EV_CALLBACK_SCHEDULE:
        on_callback_schedule(s, d, e);
        break;
    case LS_EV_TASK_SUSPEND:
        on_task_suspend(s, d, e);
        break;
    case LS_EV_TASK_RESUME:
        if ((t = task_of(s, d, e->task)) != NULL && e->task)
            t->state = LS_TASK_RUNNING;
        break;
    case LS_EV_TASK_CANCEL:
        if ((t = task_of(s, d, e->task)) != NULL)
            t->cancelling = (int32_t)e->value;
        break;
    case LS_EV_END:
        s->h.ended = true;
        s->h.exit_status = (int)(int32_t)(uint32_t)e->value;
        s->h.loop = s->h.loop == LS_LOOP_RUNNING ? LS_LOOP_IDLE : s->h.loop;
        break;
    default: /* WARNING, INTERRUPT: shown through the event itself */
        break;
    }
}

static void fold_to(MState *s, const TraceData *d, size_t step) {
    while (s->h.step < step) {
        apply(s, d, trace_ev(d, s->h.step));
        s->h.step++;
    }
}

/* ---------------------------------------------------------------- keyframes */

typedef struct {
    unsigned char *p;
    size_t len; /* bytes written (or counted when p is NULL) */
} Writer;

static void put(Writer *w, const void *src, size_t n) {
    if (w->p && n)
        memcpy(w->p + w->len, src, n);
    w->len += n;
}

static void serialize(const MState *s, Writer *w) {
    put(w, &s->h, sizeof s->h);
    put(w, &s->main, sizeof s->main);
    put(w, s->main.chain, s->main.nchain * sizeof(MFrame));
    put(w, s->tasks, s->h.ntasks * sizeof *s->tasks);
    for (size_t i = 0; i < s->h.ntasks; i++)
        put(w, s->tasks[i].chain, s->tasks[i].nchain * sizeof(MFrame));
    put(w, s->futs, s->h.nfuts * sizeof *s->futs);
    for (size_t i = 0; i < s->h.nfuts; i++)
        put(w, s->futs[i].cbs, s->futs[i].ncbs * sizeof(MCallback));
    put(w, s->ready + s->head, s->h.nready * sizeof *s->ready);
    put(w, s->timers, s->h.ntimers * sizeof *s->timers);
}

static const unsigned char *take(const unsigned char *p, void *dst, size_t n) {
    if (n)
        memcpy(dst, p, n);
    return p + n;
}

/* Restores a task's fixed part keeping its own chain buffer, then the frames. */
static const unsigned char *take_task(const unsigned char *p, MTask *t) {
    MFrame *chain = t->chain;
    uint32_t cap = t->cap_chain;
    p = take(p, t, sizeof *t);
    t->chain = chain;
    t->cap_chain = cap;
    return p;
}

static const unsigned char *take_chain(const unsigned char *p, MTask *t) {
    ensure32((void **)&t->chain, &t->cap_chain, t->nchain, sizeof(MFrame));
    return take(p, t->chain, t->nchain * sizeof(MFrame));
}

static void deserialize(MState *s, const unsigned char *p) {
    p = take(p, &s->h, sizeof s->h);
    p = take_chain(take_task(p, &s->main), &s->main);
    ensure((void **)&s->tasks, &s->cap_tasks, s->h.ntasks, sizeof *s->tasks);
    for (size_t i = 0; i < s->h.ntasks; i++)
        p = take_task(p, &s->tasks[i]);
    for (size_t i = 0; i < s->h.ntasks; i++)
        p = take_chain(p, &s->tasks[i]);
    ensure((void **)&s->futs, &s->cap_futs, s->h.nfuts, sizeof *s->futs);
    for (size_t i = 0; i < s->h.nfuts; i++) {
        MFuture *f = &s->futs[i];
        MCallback *cbs = f->cbs;
        uint32_t cap = f->cap_cbs;
        p = take(p, f, sizeof *f);
        f->cbs = cbs;
        f->cap_cbs = cap;
    }
    for (size_t i = 0; i < s->h.nfuts; i++) {
        MFuture *f = &s->futs[i];
        ensure32((void **)&f->cbs, &f->cap_cbs, f->ncbs, sizeof *f->cbs);
        p = take(p, f->cbs, f->ncbs * sizeof *f->cbs);
    }
    s->head = 0;
    ensure((void **)&s->ready, &s->cap_ready, s->h.nready, sizeof *s->ready);
    p = take(p, s->ready, s->h.nready * sizeof *s->ready);
    ensure((void **)&s->timers, &s->cap_timers, s->h.ntimers, sizeof *s->timers);
    take(p, s->timers, s->h.ntimers * sizeof *s->timers);
}

static void keyframe(Model *m) {
    Writer w = {0};
    serialize(&m->rec, &w);
    size_t size = w.len;
    w = (Writer){xrealloc(NULL, size), 0};
    serialize(&m->rec, &w);
    ensure((void **)&m->kfs, &m->cap_kfs, m->nkfs + 1, sizeof *m->kfs);
    m->kfs[m->nkfs++] = (Keyframe){m->rec.h.step, w.p, size};
    m->kf_bytes += size;
}

/* The last keyframe at or before step. */
static const Keyframe *keyframe_before(const Model *m, size_t step) {
    size_t lo = 0, hi = m->nkfs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->kfs[mid].step <= step)
            lo = mid + 1;
        else
            hi = mid;
    }
    return &m->kfs[lo - 1]; /* kfs[0] is step 0 */
}

/* ---------------------------------------------------------------- the model */

Model *model_new(void) {
    Model *m = calloc(1, sizeof *m);
    if (m)
        keyframe(m); /* step 0: nothing happened */
    return m;
}

void model_free(Model *m) {
    if (!m)
        return;
    state_free(&m->rec);
    state_free(&m->cur);
    for (size_t i = 0; i < m->nkfs; i++)
        free(m->kfs[i].blob);
    free(m->kfs);
    Views *v = &m->v;
    free(v->tasks);
    free(v->frames);
    free(v->ready);
    free(v->timers);
    free(v->futs);
    free(v->cbs);
    free(v->labels);
    free(m);
}

size_t model_bytes(const Model *m) {
    return m->kf_bytes + m->cap_kfs * sizeof(Keyframe);
}

void model_record(Model *m, const TraceData *d) {
    const Keyframe *last = &m->kfs[m->nkfs - 1];
    size_t gap = last->size / KF_RATIO;
    if (gap < KF_MIN_EVENTS)
        gap = KF_MIN_EVENTS;
    while (m->rec.h.step < d->len) {
        apply(&m->rec, d, trace_ev(d, m->rec.h.step));
        m->rec.h.step++;
        if (m->rec.h.step - last->step >= gap) {
            keyframe(m);
            last = &m->kfs[m->nkfs - 1];
            gap = last->size / KF_RATIO < KF_MIN_EVENTS ? KF_MIN_EVENTS : last->size / KF_RATIO;
        }
    }
}

/* ---------------------------------------------------------------- labels */

static bool is_sleep_timer(const char *cb) {
    return strcmp(cb, "_set_result_unless_cancelled") == 0;
}

const char *model_run_label(const TraceData *d, int kind, uint32_t task, uint32_t str, char *buf,
                            size_t cap) {
    (void)task;
    const char *s = trace_str(d, str);
    switch (kind) {
    case LS_RUN_STEP:
        snprintf(buf, cap, "%s step", *s ? s : "task");
        break;
    case LS_RUN_WAKEUP:
        snprintf(buf, cap, "task_wakeup(%s)", *s ? s : "task");
        break;
    case LS_RUN_DONE_CALLBACK:
        snprintf(buf, cap, "%s", *s ? s : "done callback");
        break;
    default: /* the runtime's label: "print('hi')", "callback('p1', 'p2', fut)" */
        snprintf(buf, cap, "%s", *s ? s : "callback");
        break;
    }
    return buf;
}

/* Appends a label to the view's label text; returns its offset (fixed up later). */
static size_t label_add(Views *v, const char *s) {
    size_t n = strlen(s) + 1;
    ensure((void **)&v->labels, &v->cap_labels, v->nlabels + n, 1);
    memcpy(v->labels + v->nlabels, s, n);
    v->nlabels += n;
    return v->nlabels - n;
}

#define LABEL_OFFSET(o) ((const char *)(uintptr_t)((o) + 1))
#define LABEL_FIX(v, p) ((p) ? (v)->labels + ((uintptr_t)(p)-1) : NULL)

static const char *task_name(const TraceData *d, uint32_t id) {
    uint32_t i = id < d->id_cap ? d->task_of_id[id] : 0;
    return i ? trace_str(d, d->tasks[i - 1].name) : "";
}

static const char *timer_label(Views *v, const TraceData *d, const MTimer *t) {
    char buf[256];
    const char *cb = trace_str(d, t->label);
    if (is_sleep_timer(cb) && t->task)
        snprintf(buf, sizeof buf, "sleep wake-up of %s", task_name(d, t->task));
    else
        snprintf(buf, sizeof buf, "call_later: %s()", *cb ? cb : "callback");
    return LABEL_OFFSET(label_add(v, buf));
}

/* ---------------------------------------------------------------- views */

static const char *str_or_null(const TraceData *d, uint32_t s) {
    return s ? trace_str(d, s) : NULL;
}

static void view_frames(Views *v, const TraceData *d, const MTask *t, size_t *nf) {
    for (uint32_t j = 0; j < t->nchain; j++) {
        const MFrame *f = &t->chain[j];
        v->frames[(*nf)++] = (LsFrame){trace_str(d, f->func), f->line, trace_str(d, f->file)};
    }
}

static void view_tasks(Views *v, const MState *s, const TraceData *d) {
    size_t total = s->main.nchain;
    for (size_t i = 0; i < s->h.ntasks; i++)
        total += s->tasks[i].nchain;
    ensure((void **)&v->frames, &v->cap_frames, total, sizeof *v->frames);
    ensure((void **)&v->tasks, &v->cap_tasks, s->h.ntasks, sizeof *v->tasks);
    size_t nf = 0;
    view_frames(v, d, &s->main, &nf);
    v->snap.main_chain = v->frames;
    v->snap.main_chain_len = (int)s->main.nchain;
    for (size_t i = 0; i < s->h.ntasks; i++) {
        const MTask *t = &s->tasks[i];
        const TraceObjInfo *info = &d->tasks[i];
        v->tasks[i] = (LsTaskView){.id = info->id,
                                   .name = trace_str(d, info->name),
                                   .colour = (int)i + 1,
                                   .state = (LsTaskState)t->state,
                                   .chain = v->frames + nf,
                                   .chain_len = (int)t->nchain,
                                   .awaiting = t->awaiting,
                                   .result = str_or_null(d, t->result),
                                   .cancelling = t->cancelling};
        view_frames(v, d, t, &nf);
    }
    v->snap.tasks = v->tasks;
    v->snap.ntasks = s->h.ntasks;
}

static void view_ready(Views *v, const MState *s, const TraceData *d) {
    ensure((void **)&v->ready, &v->cap_ready, s->h.nready, sizeof *v->ready);
    char buf[256];
    for (size_t i = 0; i < s->h.nready; i++) {
        const MReady *r = &s->ready[s->head + i];
        model_run_label(d, r->kind, r->task, r->label, buf, sizeof buf);
        v->ready[i] = (LsReadyView){.handle = r->handle,
                                    .kind = (LsRunKind)r->kind,
                                    .task = r->task,
                                    .future = r->future,
                                    .label = LABEL_OFFSET(label_add(v, buf)),
                                    .cancelled = r->cancelled};
    }
    ensure((void **)&v->timers, &v->cap_timers, s->h.ntimers, sizeof *v->timers);
    for (size_t i = 0; i < s->h.ntimers; i++) {
        const MTimer *t = &s->timers[i];
        v->timers[i] = (LsTimerView){t->handle, t->when, timer_label(v, d, t), t->task};
    }
}

static void view_futures(Views *v, const MState *s, const TraceData *d) {
    size_t ncbs = 0;
    for (size_t i = 0; i < s->h.nfuts; i++)
        ncbs += s->futs[i].ncbs;
    ensure((void **)&v->cbs, &v->cap_cbs, ncbs, sizeof *v->cbs);
    ensure((void **)&v->futs, &v->cap_futs, s->h.nfuts, sizeof *v->futs);
    size_t nc = 0;
    char buf[256];
    for (size_t i = 0; i < s->h.nfuts; i++) {
        const MFuture *f = &s->futs[i];
        const TraceObjInfo *info = &d->futs[d->fut_of_id[f->id] - 1];
        uint32_t task = info->other ? d->tasks[info->other - 1].id : 0;
        v->futs[i] = (LsFutureView){.id = info->id,
                                    .kind = trace_str(d, info->name),
                                    .state = (LsFutureState)f->state,
                                    .result = str_or_null(d, f->result),
                                    .failed = f->failed,
                                    .callbacks = (const char *const *)(uintptr_t)(nc + 1),
                                    .ncallbacks = (int)f->ncbs,
                                    .task = task};
        for (uint32_t j = 0; j < f->ncbs; j++) {
            const MCallback *c = &f->cbs[j];
            if (c->task)
                snprintf(buf, sizeof buf, "task_wakeup(%s)", task_name(d, c->task));
            else
                model_run_label(d, LS_RUN_CALLBACK, 0, c->label, buf, sizeof buf);
            v->cbs[nc++] = LABEL_OFFSET(label_add(v, buf));
        }
    }
}

/* Label offsets become pointers once the label text stopped growing. */
static void fix_labels(Views *v, const MState *s) {
    for (size_t i = 0; i < s->h.nready; i++)
        v->ready[i].label = LABEL_FIX(v, v->ready[i].label);
    for (size_t i = 0; i < s->h.ntimers; i++)
        v->timers[i].label = LABEL_FIX(v, v->timers[i].label);
    for (size_t i = 0; i < s->h.nfuts; i++) {
        size_t first = (uintptr_t)v->futs[i].callbacks - 1;
        v->futs[i].callbacks = v->cbs + first;
        for (int j = 0; j < v->futs[i].ncallbacks; j++)
            v->cbs[first + (size_t)j] = LABEL_FIX(v, v->cbs[first + (size_t)j]);
    }
    v->snap.running_label = LABEL_FIX(v, v->snap.running_label);
}

static void build_views(Model *m, const TraceData *d) {
    const MState *s = &m->cur;
    Views *v = &m->v;
    v->nlabels = 0;
    LsSnapshot *snap = &v->snap;
    *snap = (LsSnapshot){.step = s->h.step,
                         .clock = s->h.clock,
                         .loop = (LsLoopState)s->h.loop,
                         .iteration = s->h.iteration,
                         .running_task = s->h.running_task,
                         .running_handle = s->h.running_handle,
                         .running_kind = (LsRunKind)s->h.running_kind,
                         .file = str_or_null(d, s->h.file),
                         .line = s->h.line,
                         .console = d->spans,
                         .nconsole = s->h.nconsole,
                         .ended = s->h.ended,
                         .exit_status = s->h.exit_status};
    if (s->h.running_handle) {
        char buf[256];
        model_run_label(d, s->h.running_kind, s->h.running_task, s->h.running_label, buf,
                        sizeof buf);
        snap->running_label = LABEL_OFFSET(label_add(v, buf));
    }
    view_tasks(v, s, d);
    view_ready(v, s, d);
    view_futures(v, s, d);
    fix_labels(v, s);
    snap->ready = v->ready;
    snap->nready = s->h.nready;
    snap->timers = v->timers;
    snap->ntimers = s->h.ntimers;
    snap->futures = v->futs;
    snap->nfutures = s->h.nfuts;
    if (s->h.step > 0) {
        const TEvent *e = trace_ev(d, s->h.step - 1);
        v->last =
            (LsEvent){s->h.step - 1, s->h.clock,        e->kind, e->detail, e->task, e->handle,
                      e->future,     d->files[e->file], e->line, e->str,    e->value};
        snap->last = &v->last;
    }
}

const LsSnapshot *model_seek(Model *m, const TraceData *d, size_t step) {
    const Keyframe *k = keyframe_before(m, step);
    bool forward = m->cur.h.step <= step && k->step <= m->cur.h.step;
    if (!forward || m->nkfs == 0)
        deserialize(&m->cur, k->blob);
    fold_to(&m->cur, d, step);
    build_views(m, d);
    return &m->v.snap;
}
