/*
 * trace.c - the trace of a scenario: runs the engine on its own thread, ahead of the viewer
 * in chunks, and records every observable step as an event (loopscope_trace.h).
 *
 * Recording: the interpreter calls the hooks of trace.h when vm->tracer is set (a statement
 * starts, a frame is entered or left, an exception surfaces, text is written) and the
 * asyncio runtime calls trace_aio_event before it appends to its own log. Each hook first
 * converts the runtime's log (complete events only) and then appends its own event, so the
 * two kinds interleave in the order they happened; converted runtime events are dropped from
 * the runtime's log, which stays short.
 *
 * Chunks: the engine thread parks inside a hook once the trace holds the events the viewer
 * asked for (ls_trace_extend) and resumes on the next request. The main thread only reads
 * the recorded data while the engine is parked, so nothing is shared while both run.
 *
 * Interrupts: ls_trace_interrupt_at re-runs the program (it is deterministic) and arms a
 * SIGINT once the new trace reaches step k: delivered at the next statement of the program
 * (to asyncio.run's handler when one is installed), or at the loop's next wait if the loop
 * gets there first (through the runtime's interrupt-at list, aio.h).
 *
 * Not for: snapshots, keyframes and stepping (model.c); printing (app/trace_cmd.c).
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objimpl.h"
#include "trace_aio.h"

enum {
    CHUNK_EVENTS = 4096,     /* how far a request for step k runs ahead */
    TEXT_CHUNK = 1 << 16,    /* output text chunk size (longer texts get their own) */
    STRING_CHUNK = 1 << 14,  /* interned string arena chunk size */
    CODE_CACHE = 256,        /* code object -> (file, function) cache entries */
    EVENT_RING = 64,         /* ls_trace_event results kept valid */
    ENGINE_STACK = 64 << 20, /* the engine thread's C stack (LS_C_STACK_BUDGET + slack) */
    SEARCH_LIMIT = 1 << 20,  /* next: events run ahead looking for a match */
};

/* What a code object shows in events: resolved once per code object. */
typedef struct {
    const CodeObj *code;
    const StrObj *qualname, *filename;
    uint32_t func; /* string index of the qualname */
    uint16_t file; /* file index */
    bool library;  /* an embedded library module ("<asyncio>"): no statement/frame events */
} CodeInfo;

struct LsTrace {
    TraceData d;
    Model *model;
    /* the program */
    LsConfig config;
    char *filename, *source;
    size_t source_len;
    const char *argv[1];
    /* the engine thread */
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool started, running, finished, aborting;
    size_t target; /* the engine parks once d.len >= target */
    /* recorder state (engine thread only) */
    VM *vm;
    double last_clock;
    uint32_t aio_task;   /* running task when the pending runtime event was appended */
    uint32_t cur_handle; /* ready entry running now (for HANDLE_DONE) */
    uint32_t cur_handle_task;
    uint8_t cur_handle_kind;
    uint32_t cur_handle_label;
    uint32_t *aio_str_map; /* runtime string index -> ours (0: not yet mapped) */
    size_t aio_str_cap;
    uint32_t *handle_label; /* timer handle id -> label string */
    size_t handle_label_cap;
    CodeInfo code_cache[CODE_CACHE];
    /* an injected SIGINT (ls_trace_interrupt_at) */
    bool int_wanted, int_armed, int_done, int_injected;
    size_t int_step;
    double int_time;
    /* results */
    char *error;
    size_t error_len;
    LsEvent ring[EVENT_RING];
    unsigned ring_next;
};

/* ================================================================ memory */

static void *xrealloc(void *p, size_t size) {
    void *n = realloc(p, size ? size : 1);
    if (!n) {
        fprintf(stderr, "%s:%d: out of memory recording the trace\n", __FILE__, __LINE__);
        abort();
    }
    return n;
}

/* Grows *v (of *cap elements of `size` bytes) to hold at least `need`; new ones zeroed. */
static void grow(void **v, size_t *cap, size_t need, size_t size) {
    if (need <= *cap)
        return;
    size_t c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    *v = xrealloc(*v, c * size);
    memset((char *)*v + *cap * size, 0, (c - *cap) * size);
    *cap = c;
}

static void u32_push(U32Vec *v, uint32_t x) {
    grow((void **)&v->v, &v->cap, v->len + 1, sizeof *v->v);
    v->v[v->len++] = x;
}

/* ================================================================ strings */

static uint64_t hash_bytes(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* Copies a string into the arena (chunks never move, so pointers stay valid). */
static char *arena_copy(TraceData *d, const char *s, size_t n) {
    if (d->arena_len + n + 1 > d->arena_cap) {
        size_t cap = n + 1 > STRING_CHUNK ? n + 1 : STRING_CHUNK;
        d->chunks = xrealloc(d->chunks, (d->nchunks + 1) * sizeof *d->chunks);
        d->arena = d->chunks[d->nchunks++] = xrealloc(NULL, cap);
        d->arena_len = 0;
        d->arena_cap = cap;
    }
    char *p = d->arena + d->arena_len;
    memcpy(p, s, n);
    p[n] = '\0';
    d->arena_len += n + 1;
    return p;
}

static void index_rebuild(TraceData *d, size_t cap) {
    free(d->str_index);
    d->str_index = xrealloc(NULL, cap * sizeof *d->str_index);
    memset(d->str_index, 0, cap * sizeof *d->str_index);
    d->index_cap = cap;
    for (size_t i = 1; i < d->nstrs; i++) {
        size_t j = hash_bytes(d->strs[i], strlen(d->strs[i])) & (cap - 1);
        while (d->str_index[j])
            j = (j + 1) & (cap - 1);
        d->str_index[j] = (uint32_t)i;
    }
}

/* The index of string s[0..n) (added on first use); 0 for the empty string. */
static uint32_t intern_n(TraceData *d, const char *s, size_t n) {
    if (d->nstrs == 0) {
        grow((void **)&d->strs, &d->cap_strs, 1, sizeof *d->strs);
        d->strs[d->nstrs++] = "";
    }
    if (n == 0)
        return 0;
    if ((d->nstrs + 1) * 2 >= d->index_cap)
        index_rebuild(d, d->index_cap ? d->index_cap * 2 : 256);
    size_t j = hash_bytes(s, n) & (d->index_cap - 1);
    for (; d->str_index[j]; j = (j + 1) & (d->index_cap - 1)) {
        const char *t = d->strs[d->str_index[j]];
        if (strncmp(t, s, n) == 0 && t[n] == '\0')
            return d->str_index[j];
    }
    grow((void **)&d->strs, &d->cap_strs, d->nstrs + 1, sizeof *d->strs);
    d->strs[d->nstrs] = arena_copy(d, s, n);
    d->str_index[j] = (uint32_t)d->nstrs;
    return (uint32_t)d->nstrs++;
}

static uint32_t intern(TraceData *d, const char *s) {
    return s ? intern_n(d, s, strlen(s)) : 0;
}

/* The file index of a file name string (few files: a linear search). */
static uint16_t file_index(TraceData *d, uint32_t str) {
    if (d->nfiles == 0) {
        d->files = xrealloc(NULL, sizeof *d->files);
        d->files[0] = 0;
        d->nfiles = 1;
    }
    if (str == 0)
        return 0;
    for (size_t i = 1; i < d->nfiles; i++)
        if (d->files[i] == str)
            return (uint16_t)i;
    if (d->nfiles >= UINT16_MAX)
        return 0;
    d->files = xrealloc(d->files, (d->nfiles + 1) * sizeof *d->files);
    d->files[d->nfiles] = str;
    return (uint16_t)d->nfiles++;
}

/* ================================================================ appending events */

static void data_free(TraceData *d) {
    for (size_t i = 0; i < d->nblocks; i++)
        free(d->blocks[i]);
    free(d->blocks);
    for (size_t i = 0; i < d->nchunks; i++)
        free(d->chunks[i]);
    free(d->chunks);
    free(d->strs);
    free(d->str_index);
    free(d->files);
    free(d->tasks);
    free(d->futs);
    free(d->task_of_id);
    free(d->fut_of_id);
    free(d->spans);
    for (size_t i = 0; i < d->ntext_chunks; i++)
        free(d->text_chunks[i]);
    free(d->text_chunks);
    free(d->clock_seq.v);
    free(d->clock_val);
    for (int g = 0; g < GRAN_COUNT; g++)
        free(d->gran[g].v);
    memset(d, 0, sizeof *d);
}

static uint32_t task_index(const TraceData *d, uint32_t id) {
    return id < d->id_cap ? d->task_of_id[id] : 0; /* index + 1 */
}

/* The granularity an event stops at, or -1 (frame events: decided by their hook). */
static int event_granularity(const TEvent *e) {
    switch (e->kind) {
    case LS_EV_STATEMENT:
        return GRAN_LINE;
    case LS_EV_TASK_SUSPEND:
    case LS_EV_TASK_RESUME:
        return GRAN_AWAIT;
    case LS_EV_ITERATION:
        return GRAN_ITERATION;
    default:
        return -1;
    }
}

static void maybe_arm(LsTrace *tr);

/* Appends a copy of *e, listed under granularity g (-1: none). */
static void emit_at(LsTrace *tr, const TEvent *e, int g) {
    TraceData *d = &tr->d;
    if (tr->aborting || d->ended)
        return;
    if ((d->len >> TRACE_BLOCK_BITS) == d->nblocks) {
        d->blocks = xrealloc(d->blocks, (d->nblocks + 1) * sizeof *d->blocks);
        d->blocks[d->nblocks++] = xrealloc(NULL, TRACE_BLOCK * sizeof(TEvent));
    }
    size_t seq = d->len++;
    d->blocks[seq >> TRACE_BLOCK_BITS][seq & (TRACE_BLOCK - 1)] = *e;
    if (g >= 0)
        u32_push(&d->gran[g], (uint32_t)seq);
    if (e->kind == LS_EV_CLOCK) {
        u32_push(&d->clock_seq, (uint32_t)seq);
        grow((void **)&d->clock_val, &d->clock_cap, d->clock_seq.len, sizeof(double));
        memcpy(&d->clock_val[d->clock_seq.len - 1], &e->value, sizeof(double));
    }
    maybe_arm(tr);
}

static void emit(LsTrace *tr, const TEvent *e) {
    emit_at(tr, e, event_granularity(e));
}

double trace_time_at(const TraceData *d, size_t seq) {
    size_t lo = 0, hi = d->clock_seq.len; /* first CLOCK after seq */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->clock_seq.v[mid] <= seq)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? d->clock_val[lo - 1] : 0.0;
}

static void emit_clock(LsTrace *tr, double t) {
    TEvent e = {.kind = LS_EV_CLOCK};
    memcpy(&e.value, &t, sizeof t);
    tr->last_clock = t;
    emit(tr, &e);
}

/* The runtime does not say when a ready entry finished: the next pop, iteration or stop
 * of the loop tells. */
static void emit_handle_done(LsTrace *tr) {
    if (!tr->cur_handle)
        return;
    TEvent e = {.kind = LS_EV_HANDLE_DONE,
                .detail = tr->cur_handle_kind,
                .handle = tr->cur_handle,
                .task = tr->cur_handle_task,
                .str = tr->cur_handle_label};
    tr->cur_handle = 0;
    emit(tr, &e);
}

/* Registers a task or future created with id (ids map to index + 1). */
static void register_obj(TraceData *d, bool task, uint32_t id, uint32_t name) {
    size_t cap = d->id_cap;
    grow((void **)&d->task_of_id, &cap, id + 1, sizeof(uint32_t));
    grow((void **)&d->fut_of_id, &d->id_cap, id + 1, sizeof(uint32_t));
    if (d->fut_of_id[id] == 0) {
        grow((void **)&d->futs, &d->cap_futs, d->nfuts + 1, sizeof *d->futs);
        d->futs[d->nfuts] = (TraceObjInfo){id, intern(d, task ? "Task" : "Future"), 0};
        d->fut_of_id[id] = (uint32_t)++d->nfuts;
    }
    if (task && d->task_of_id[id] == 0) {
        grow((void **)&d->tasks, &d->cap_tasks, d->ntasks + 1, sizeof *d->tasks);
        d->tasks[d->ntasks] = (TraceObjInfo){id, name, d->fut_of_id[id] - 1};
        d->task_of_id[id] = (uint32_t)++d->ntasks;
        d->futs[d->fut_of_id[id] - 1].other = (uint32_t)d->ntasks;
    }
}

/* ================================================================ the running VM */

/* The task whose step runs now, or 0. */
static uint32_t running_task(VM *vm) {
    AioState *a = vm->aio;
    if (!a || !a->running_loop || !a->running_loop->current_task)
        return 0;
    return a->running_loop->current_task->fut.id;
}

static const CodeInfo *code_info(LsTrace *tr, const CodeObj *co) {
    CodeInfo *c = &tr->code_cache[((uintptr_t)co >> 4) % CODE_CACHE];
    if (c->code == co && c->qualname == co->qualname && c->filename == co->filename &&
        strcmp(trace_str(&tr->d, c->func), co->qualname->data) == 0 &&
        strcmp(trace_str(&tr->d, tr->d.files[c->file]), co->filename->data) == 0)
        return c;
    c->code = co;
    c->qualname = co->qualname;
    c->filename = co->filename;
    c->func = intern(&tr->d, co->qualname->data);
    c->file = file_index(&tr->d, intern(&tr->d, co->filename->data));
    c->library = co->filename->data[0] == '<'; /* "<asyncio>", "<functools>": embedded */
    return c;
}

static int frame_line(const FrameObj *f) {
    int lasti = frame_lasti(f);
    return lasti >= 0 ? f->code->pos[lasti].line : f->code->firstline;
}

/* ================================================================ runtime events */

static uint32_t map_aio_str(LsTrace *tr, VM *vm, uint32_t s) {
    if (s == 0)
        return 0;
    grow((void **)&tr->aio_str_map, &tr->aio_str_cap, s + 1, sizeof(uint32_t));
    if (!tr->aio_str_map[s])
        tr->aio_str_map[s] = intern(&tr->d, aio_events_string(vm, s));
    return tr->aio_str_map[s];
}

static void set_handle_label(LsTrace *tr, uint32_t handle, uint32_t label) {
    grow((void **)&tr->handle_label, &tr->handle_label_cap, handle + 1, sizeof(uint32_t));
    tr->handle_label[handle] = label;
}

static uint32_t handle_label(LsTrace *tr, uint32_t handle) {
    return handle < tr->handle_label_cap ? tr->handle_label[handle] : 0;
}

/* The label string of a ready entry: the task's name for its step and wake-up, the
 * callback's name otherwise (from the timer when it came from one). */
static uint32_t ready_label(LsTrace *tr, const TEvent *e, uint32_t aio_str) {
    if (e->detail == LS_RUN_STEP || e->detail == LS_RUN_WAKEUP) {
        uint32_t t = task_index(&tr->d, e->task);
        return t ? tr->d.tasks[t - 1].name : 0;
    }
    if (aio_str)
        return aio_str;
    return handle_label(tr, e->handle);
}

/* Loop, clock and ready-queue events. False when the kind is not one of them. */
static bool convert_loop(LsTrace *tr, const AioEvent *a, TEvent *e) {
    switch ((AioEventKind)a->kind) {
    case AIO_EV_LOOP_START:
    case AIO_EV_LOOP_STOP:
        if (a->kind == AIO_EV_LOOP_STOP)
            emit_handle_done(tr);
        e->kind = LS_EV_LOOP_STATE;
        e->detail = a->kind == AIO_EV_LOOP_START ? LS_LOOP_RUNNING : LS_LOOP_IDLE;
        return true;
    case AIO_EV_ITERATION:
        emit_handle_done(tr);
        e->kind = LS_EV_ITERATION;
        return true;
    case AIO_EV_CLOCK:
        memcpy(&tr->last_clock, &a->value, sizeof(double));
        e->kind = LS_EV_CLOCK;
        e->task = 0;
        return true;
    case AIO_EV_READY_PUSH:
    case AIO_EV_READY_POP:
        e->task = a->task;
        e->str = ready_label(tr, e, e->str);
        e->kind = a->kind == AIO_EV_READY_PUSH ? LS_EV_READY_PUSH : LS_EV_READY_POP;
        if (a->kind == AIO_EV_READY_POP) {
            emit_handle_done(tr);
            tr->cur_handle = a->handle;
            tr->cur_handle_kind = a->detail;
            tr->cur_handle_task = a->task;
            tr->cur_handle_label = e->str;
        }
        return true;
    case AIO_EV_TIMER_SCHEDULED:
        e->kind = LS_EV_TIMER_ADD;
        set_handle_label(tr, a->handle, e->str);
        return true;
    case AIO_EV_TIMER_DUE:
    case AIO_EV_TIMER_CANCELLED:
        e->kind = a->kind == AIO_EV_TIMER_DUE ? LS_EV_TIMER_DUE : LS_EV_TIMER_CANCEL;
        e->str = handle_label(tr, a->handle);
        return true;
    case AIO_EV_HANDLE_CANCELLED:
        e->kind = LS_EV_HANDLE_CANCEL;
        return true;
    default:
        return false;
    }
}

/* Task, future and callback events. False when the kind is not one of them. */
static bool convert_future(LsTrace *tr, const AioEvent *a, TEvent *e) {
    static const uint8_t kinds[AIO_EV_COUNT] = {
        [AIO_EV_FUTURE_STATE] = LS_EV_FUTURE_STATE,
        [AIO_EV_CALLBACK_ADDED] = LS_EV_CALLBACK_ADD,
        [AIO_EV_CALLBACK_REMOVED] = LS_EV_CALLBACK_REMOVE,
        [AIO_EV_CALLBACK_SCHEDULED] = LS_EV_CALLBACK_SCHEDULE,
        [AIO_EV_TASK_SUSPENDED] = LS_EV_TASK_SUSPEND,
        [AIO_EV_TASK_RESUMED] = LS_EV_TASK_RESUME,
        [AIO_EV_TASK_CANCEL] = LS_EV_TASK_CANCEL,
        [AIO_EV_INTERRUPT] = LS_EV_INTERRUPT,
    };
    TraceData *d = &tr->d;
    switch ((AioEventKind)a->kind) {
    case AIO_EV_TASK_CREATED:
        register_obj(d, true, a->task, e->str);
        e->kind = LS_EV_TASK_CREATED;
        e->future = a->task;
        return true;
    case AIO_EV_FUTURE_CREATED:
        register_obj(d, false, a->future, 0);
        e->kind = LS_EV_FUTURE_CREATED;
        if (!e->str)
            e->str = intern(d, "Future");
        return true;
    case AIO_EV_CALLBACK_ADDED:
        e->task = a->task; /* the waiting task of a wake-up, else 0 */
        break;
    case AIO_EV_INTERRUPT:
        if (tr->int_armed && !tr->int_done)
            tr->int_done = true; /* the loop's wait took our injected SIGINT */
        break;
    default:
        break;
    }
    if (a->kind >= AIO_EV_COUNT || !kinds[a->kind])
        return false;
    e->kind = kinds[a->kind];
    return true;
}

/* One runtime event into ours (most fields carry over unchanged). */
static void convert(LsTrace *tr, VM *vm, const AioEvent *a, uint32_t running) {
    TraceData *d = &tr->d;
    TEvent e = {.detail = a->detail,
                .file = file_index(d, map_aio_str(tr, vm, a->file)),
                .line = a->line,
                .task = a->task ? a->task : running,
                .handle = a->handle,
                .future = a->future,
                .str = map_aio_str(tr, vm, a->str),
                .value = a->value};
    if (convert_loop(tr, a, &e) || convert_future(tr, a, &e))
        emit(tr, &e); /* OUTPUT is not converted: trace_output records it */
}

/* Converts the runtime's complete events and empties its log. */
static void drain(LsTrace *tr, VM *vm) {
    AioState *aio = vm->aio;
    if (!aio || aio->events.len == 0)
        return;
    AioEvents *log = &aio->events;
    for (size_t i = 0; i < log->len; i++)
        convert(tr, vm, &log->ev[i], tr->aio_task);
    log->len = 0;
    log->text_len = 0;
}

/* ================================================================ labels for the runtime */

/* repr(v) for the picture, without running Python code: built-in values as Python shows
 * them, futures and tasks by name, anything else as <Type object>. */
static void safe_repr(VM *vm, StrBuf *sb, Value v, int depth) {
    TypeObj *t = val_type(vm, v);
    if (v.kind != V_OBJ || t == vm->types.str || t == vm->types.int_ || t == vm->types.float_) {
        StrObj *r = obj_repr(vm, v);
        if (r) {
            sb_adds(vm, sb, r->data);
            obj_decref(vm, &r->hdr);
        } else {
            vm_exc_clear(vm);
        }
    } else if ((t == vm->types.tuple || t == vm->types.list) && depth < 2) {
        bool tuple = t == vm->types.tuple;
        size_t n = tuple ? AS_TUPLE(v)->len : AS_LIST(v)->len;
        sb_adds(vm, sb, tuple ? "(" : "[");
        for (size_t i = 0; i < n && i < 6; i++) {
            sb_adds(vm, sb, i ? ", " : "");
            safe_repr(vm, sb, tuple ? AS_TUPLE(v)->items[i] : AS_LIST(v)->items[i], depth + 1);
        }
        sb_adds(vm, sb, n > 6 ? ", ..." : n == 1 && tuple ? "," : "");
        sb_adds(vm, sb, tuple ? ")" : "]");
    } else if (t->flags & TF_EXCEPTION) {
        TupleObj *args = ((ExcObj *)AS_OBJ(v))->args;
        sb_printf(vm, sb, "%s(", t->name->data);
        for (size_t i = 0; args && i < args->len && depth < 2; i++) {
            sb_adds(vm, sb, i ? ", " : "");
            safe_repr(vm, sb, args->items[i], depth + 1);
        }
        sb_adds(vm, sb, ")");
    } else if (vm->aio && aio_is_future(vm, v)) {
        FutureObj *f = (FutureObj *)AS_OBJ(v);
        const char *name = f->is_task ? ls_trace_task_name(vm->tracer, f->id) : NULL;
        if (name)
            sb_printf(vm, sb, "<Task %s>", name);
        else
            sb_printf(vm, sb, "<%s #%u>", t->name->data, f->id);
    } else {
        sb_printf(vm, sb, "<%s object>", t->name->data);
    }
}

/* A callable's name: qualname of a function (or a bound method's), name of a built-in. */
static void callable_name(VM *vm, StrBuf *sb, Value fn) {
    TypeObj *t = val_type(vm, fn);
    if (t == vm->types.method)
        fn = ((MethodObj *)AS_OBJ(fn))->func, t = val_type(vm, fn);
    if (t == vm->types.function)
        sb_adds(vm, sb, ((FunctionObj *)AS_OBJ(fn))->qualname->data);
    else if (t == vm->types.builtin)
        sb_adds(vm, sb, ((BuiltinObj *)AS_OBJ(fn))->name);
    else
        sb_adds(vm, sb, t->name->data);
}

/* "callback('param1', 'param2', fut)": the callable with its arguments, the fixed ones of
 * a functools.partial first, then `args`, then "fut" for a done callback. */
static uint32_t call_label(VM *vm, Value fn, TupleObj *args, bool fut) {
    StrBuf sb;
    sb_init(&sb);
    Value inner = VNULL, fixed = VNULL;
    if (val_type(vm, fn) == vm->types.partial) { /* a built-in type: no Python code runs */
        inner = obj_getattr_cstr(vm, fn, "func");
        fixed = IS_NULL(inner) ? VNULL : obj_getattr_cstr(vm, fn, "args");
        if (IS_NULL(fixed))
            vm_exc_clear(vm);
    }
    callable_name(vm, &sb, IS_NULL(inner) ? fn : inner);
    sb_adds(vm, &sb, "(");
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        TupleObj *a = args;
        if (pass == 0)
            a = IS_NULL(fixed) || val_type(vm, fixed) != vm->types.tuple ? NULL : AS_TUPLE(fixed);
        for (size_t i = 0; a && i < a->len; i++, n++) {
            sb_adds(vm, &sb, n ? ", " : "");
            safe_repr(vm, &sb, a->items[i], 1);
        }
    }
    sb_adds(vm, &sb, fut ? (n ? ", fut)" : "fut)") : ")");
    v_decref(vm, inner);
    v_decref(vm, fixed);
    char *text = sb.data ? sb.data : "";
    uint32_t s = aio_event_str(vm, text);
    sb_free(vm, &sb);
    return s;
}

uint32_t trace_ready_str(VM *vm, const AioReady *it) {
    switch (it->kind) {
    case AIO_RUN_DONE_CALLBACK:
        return call_label(vm, it->fn, NULL, true);
    case AIO_RUN_CALLBACK:
    case AIO_RUN_TIMER: {
        HandleObj *h = (HandleObj *)AS_OBJ(it->fn);
        return IS_NULL(h->callback) ? 0 : call_label(vm, h->callback, h->args, false);
    }
    default:
        return 0; /* a task's step or wake-up: labelled with the task's name */
    }
}

uint32_t trace_callback_str(VM *vm, Value fn) {
    return call_label(vm, fn, NULL, true);
}

void trace_future_state(VM *vm, const FutureObj *f, AioEvent *e) {
    if (f->state != AIO_FINISHED)
        return;
    bool failed = !IS_NULL(f->exception);
    StrBuf sb;
    sb_init(&sb);
    safe_repr(vm, &sb, failed ? f->exception : f->result, 0);
    e->str = aio_event_str(vm, sb.data ? sb.data : "");
    e->value = failed;
    sb_free(vm, &sb);
}

/* ================================================================ chunks: parking */

static LsTrace *tracer_of(VM *vm) {
    return vm->tracer;
}

/* Waits while the viewer has what it asked for. Engine thread only. */
static void park_if_done(LsTrace *tr) {
    if (tr->aborting || tr->d.len < tr->target)
        return;
    if (trace_ev(&tr->d, tr->d.len - 1)->kind == LS_EV_OUTPUT)
        return; /* it may still grow (join_output) */
    pthread_mutex_lock(&tr->mu);
    tr->running = false;
    pthread_cond_broadcast(&tr->cv);
    while (!tr->running && !tr->aborting)
        pthread_cond_wait(&tr->cv, &tr->mu);
    pthread_mutex_unlock(&tr->mu);
    if (tr->aborting && tr->vm)
        tr->vm->config.max_steps = 1; /* loops without statements stop at the next jump */
}

/* Common start of the language hooks: runtime events first, then the clock. */
static void hook_begin(LsTrace *tr, VM *vm) {
    drain(tr, vm);
    if (vm->clock != tr->last_clock)
        emit_clock(tr, vm->clock); /* time.sleep moved it, without the loop */
}

/* ================================================================ interrupts */

/* Step k reached: put SIGINT in the loop's interrupt-at list (it takes it at its next
 * wait) and watch for the next statement (which takes it if code runs first). */
static void maybe_arm_ahead(LsTrace *tr, size_t pending) {
    if (!tr->int_wanted || tr->int_armed || tr->d.len + pending < tr->int_step || !tr->vm)
        return;
    tr->int_armed = true;
    VM *vm = tr->vm;
    AioState *aio = vm->aio;
    if (!aio)
        return;
    size_t need = aio->ninterrupts + 1;
    if (need > aio->cap_interrupts) {
        double *n = ls_realloc(vm, aio->interrupts, aio->cap_interrupts * sizeof(double),
                               need * 2 * sizeof(double));
        if (!n)
            return;
        aio->interrupts = n;
        aio->cap_interrupts = need * 2;
    }
    memmove(aio->interrupts + 1, aio->interrupts, aio->ninterrupts * sizeof(double));
    aio->interrupts[0] = tr->int_time = vm->clock;
    aio->ninterrupts++;
    tr->int_injected = true;
}

static void maybe_arm(LsTrace *tr) {
    maybe_arm_ahead(tr, 0);
}

/* Takes our entry out of the loop's interrupt-at list (a statement took the SIGINT). */
static void uninject(LsTrace *tr, VM *vm) {
    AioState *aio = vm->aio;
    if (!tr->int_injected || !aio)
        return;
    for (size_t i = 0; i < aio->ninterrupts; i++) {
        if (aio->interrupts[i] == tr->int_time) {
            memmove(aio->interrupts + i, aio->interrupts + i + 1,
                    (aio->ninterrupts - i - 1) * sizeof(double));
            aio->ninterrupts--;
            break;
        }
    }
    tr->int_injected = false;
}

/* SIGINT between statements, as CPython's eval loop takes it: the installed handler runs
 * (asyncio.run's), else KeyboardInterrupt is raised here. False with it pending. */
static bool deliver_at_statement(LsTrace *tr, VM *vm, FrameObj *f, const CodeInfo *ci) {
    tr->int_done = true;
    uninject(tr, vm);
    Value handler = vm->aio ? vm->aio->sigint_handler : VNONE;
    bool handled = !IS_NONE(handler) && !IS_NULL(handler);
    TEvent e = {.kind = LS_EV_INTERRUPT,
                .detail = handled,
                .task = running_task(vm),
                .file = ci->file,
                .line = frame_line(f)};
    emit(tr, &e);
    if (handled) {
        Value h = v_incref(handler), none = VNONE; /* called as the loop's wait calls it */
        Value r = vm_call(vm, h, &none, 0, NULL);
        v_decref(vm, h);
        v_decref(vm, r);
        return !IS_NULL(r);
    }
    Value exc = exc_new(vm, vm->exc_types.KeyboardInterrupt, NULL, 0);
    if (!IS_NULL(exc))
        vm_raise_value(vm, exc);
    v_decref(vm, exc);
    return false;
}

/* ================================================================ the hooks */

/* Stops a run whose trace is being closed: unwinds every frame without handlers. */
static bool abort_run(VM *vm) {
    vm->step_limit_hit = true;
    vm_raise(vm, vm->exc_types.BaseException, "trace closed");
    return false;
}

bool trace_statement(VM *vm, FrameObj *f) {
    LsTrace *tr = tracer_of(vm);
    if (tr->aborting)
        return abort_run(vm);
    const CodeInfo *ci = code_info(tr, f->code);
    if (ci->library)
        return true;
    hook_begin(tr, vm);
    if (tr->int_armed && !tr->int_done && !deliver_at_statement(tr, vm, f, ci))
        return false;
    TEvent e = {.kind = LS_EV_STATEMENT,
                .file = ci->file,
                .line = frame_line(f),
                .task = running_task(vm),
                .str = ci->func,
                .value = (uint64_t)vm->depth};
    emit(tr, &e);
    park_if_done(tr);
    if (tr->aborting)
        return abort_run(vm);
    return true;
}

/* A coroutine of the program driven by hand (send(None), no task) suspending or resuming
 * is an await point too; tasks have theirs in TASK_SUSPEND/TASK_RESUME. */
static int hand_driven_await(const FrameObj *f, uint32_t task, bool suspend_or_resume) {
    bool coroutine = (f->code->flags & CO_COROUTINE) != 0;
    return task == 0 && coroutine && suspend_or_resume ? GRAN_AWAIT : -1;
}

void trace_frame_enter(VM *vm, FrameObj *f) {
    LsTrace *tr = tracer_of(vm);
    if (tr->aborting)
        return;
    const CodeInfo *ci = code_info(tr, f->code);
    if (ci->library)
        return; /* the library's frames are machinery: chains end at the program's await */
    hook_begin(tr, vm);
    bool resume = frame_lasti(f) >= 0;
    TEvent e = {.kind = LS_EV_FRAME_ENTER,
                .detail = resume,
                .file = ci->file,
                .line = frame_line(f),
                .task = running_task(vm),
                .str = ci->func,
                .value = (uint64_t)vm->depth};
    emit_at(tr, &e, hand_driven_await(f, e.task, resume));
    park_if_done(tr);
}

void trace_frame_exit(VM *vm, FrameObj *f, int how) {
    LsTrace *tr = tracer_of(vm);
    if (tr->aborting || vm->step_limit_hit)
        return;
    const CodeInfo *ci = code_info(tr, f->code);
    if (ci->library)
        return;
    hook_begin(tr, vm);
    TEvent e = {.kind = LS_EV_FRAME_EXIT,
                .detail = (uint8_t)how,
                .file = ci->file,
                .line = frame_line(f),
                .task = running_task(vm),
                .str = ci->func,
                .value = (uint64_t)vm->depth};
    emit_at(tr, &e, hand_driven_await(f, e.task, how == TRACE_EXIT_SUSPEND));
    park_if_done(tr);
}

/* "ValueError: x" without running Python code: the type's name and, for a message held
 * in args as a str, the message. */
static uint32_t exception_text(LsTrace *tr, VM *vm, Value exc) {
    char buf[256];
    const char *type = val_type_name(vm, exc);
    snprintf(buf, sizeof buf, "%s", type);
    if (IS_OBJ(exc) && (AS_OBJ(exc)->type->flags & TF_EXCEPTION)) {
        TupleObj *args = ((ExcObj *)AS_OBJ(exc))->args;
        if (args && args->len == 1 && IS_OBJ(args->items[0]) &&
            AS_OBJ(args->items[0])->type == vm->types.str)
            snprintf(buf, sizeof buf, "%s: %s", type, ((StrObj *)AS_OBJ(args->items[0]))->data);
    }
    return intern(&tr->d, buf);
}

void trace_exception(VM *vm, FrameObj *f) {
    LsTrace *tr = tracer_of(vm);
    Value exc = vm->exc;
    if (tr->aborting || vm->step_limit_hit || !IS_OBJ(exc) ||
        !(AS_OBJ(exc)->type->flags & TF_EXCEPTION) || ((ExcObj *)AS_OBJ(exc))->traceback)
        return;
    const CodeInfo *ci = code_info(tr, f->code);
    hook_begin(tr, vm);
    TEvent e = {.kind = LS_EV_EXCEPTION,
                .file = ci->file,
                .line = frame_line(f),
                .task = running_task(vm),
                .str = exception_text(tr, vm, exc),
                .value = (uint64_t)vm->depth};
    emit(tr, &e);
    park_if_done(tr);
}

/* Output text goes into chunks that never move, so console spans can point into them. */
static const char *store_text(TraceData *d, const char *text, size_t len) {
    if (d->text_len + len > d->text_cap) {
        size_t cap = len > TEXT_CHUNK ? len : TEXT_CHUNK;
        d->text_chunks = xrealloc(d->text_chunks, (d->ntext_chunks + 1) * sizeof(char *));
        d->text = d->text_chunks[d->ntext_chunks++] = xrealloc(NULL, cap);
        d->text_len = 0;
        d->text_cap = cap;
    }
    char *p = d->text + d->text_len;
    memcpy(p, text, len);
    d->text_len += len;
    return p;
}

/* print() writes its pieces one by one: a write that directly follows an output event of the
 * same task and stream joins it (that event is never the last one handed to the viewer:
 * park_if_done does not stop right after output), so "1\n" is one event. */
static bool join_output(LsTrace *tr, int stream, uint32_t task, const char *text, size_t len) {
    TraceData *d = &tr->d;
    if (d->len == 0 || d->nspans == 0)
        return false;
    TEvent *last = &d->blocks[(d->len - 1) >> TRACE_BLOCK_BITS][(d->len - 1) & (TRACE_BLOCK - 1)];
    LsConsoleSpan *span = &d->spans[d->nspans - 1];
    if (last->kind != LS_EV_OUTPUT || last->detail != stream || last->task != task ||
        last->value != d->nspans - 1 || span->text + span->len != d->text + d->text_len ||
        d->text_len + len > d->text_cap)
        return false;
    memcpy(d->text + d->text_len, text, len);
    d->text_len += len;
    span->len += len;
    return true;
}

void trace_output(VM *vm, int stream, const char *text, size_t len) {
    LsTrace *tr = tracer_of(vm);
    if (tr->aborting || tr->d.ended || len == 0)
        return;
    hook_begin(tr, vm);
    TraceData *d = &tr->d;
    uint32_t task = running_task(vm);
    if (join_output(tr, stream, task, text, len))
        return;
    grow((void **)&d->spans, &d->cap_spans, d->nspans + 1, sizeof *d->spans);
    d->spans[d->nspans] = (LsConsoleSpan){store_text(d, text, len), len, task, stream};
    FrameObj *f = vm->frame;
    TEvent e = {.kind = LS_EV_OUTPUT,
                .detail = (uint8_t)stream,
                .task = task,
                .file = f ? code_info(tr, f->code)->file : 0,
                .line = f ? frame_line(f) : 0,
                .value = d->nspans++};
    emit(tr, &e); /* no parking here: the next write may join this event */
}

void trace_aio_event(VM *vm, int kind) {
    LsTrace *tr = tracer_of(vm);
    if (tr->aborting)
        return;
    drain(tr, vm);
    tr->aio_task = running_task(vm);
    /* The event being appended becomes ours later (with a HANDLE_DONE before it when it
     * ends the running handle): if that makes step k, arm now, so that a wait right after
     * it (the loop's poll) already takes the SIGINT. */
    bool ends_handle =
        kind == AIO_EV_ITERATION || kind == AIO_EV_READY_POP || kind == AIO_EV_LOOP_STOP;
    size_t pending = kind == AIO_EV_OUTPUT ? 0 : 1 + (ends_handle && tr->cur_handle);
    maybe_arm_ahead(tr, pending);
    park_if_done(tr);
}

/* ================================================================ the engine thread */

/* Appends the diagnostic (stderr so far) of a program that did not compile. */
static void keep_error(LsTrace *tr) {
    for (size_t i = 0; i < tr->d.nspans; i++) {
        const LsConsoleSpan *s = &tr->d.spans[i];
        if (s->stream != LS_STDERR)
            continue;
        tr->error = xrealloc(tr->error, tr->error_len + s->len + 1);
        memcpy(tr->error + tr->error_len, s->text, s->len);
        tr->error_len += s->len;
        tr->error[tr->error_len] = '\0';
    }
}

static void finish_run(LsTrace *tr, VM *vm, LsResult r) {
    drain(tr, vm);
    emit_handle_done(tr);
    if (r == LS_SYNTAX_ERROR || r == LS_UNSUPPORTED)
        keep_error(tr);
    TEvent e = {.kind = LS_EV_END, .value = (uint64_t)(uint32_t)vm->exit_status};
    emit(tr, &e);
    tr->d.ended = true;
    tr->d.exit_status = vm->exit_status;
}

static void *engine_main(void *arg) {
    LsTrace *tr = arg;
    LsEngine *engine = ls_engine_new(&tr->config);
    if (engine) {
        VM *vm = (VM *)engine; /* engine.c: the VM is the engine's first member */
        tr->vm = vm;
        vm->tracer = tr;
        LsResult r = ls_run_source(engine, tr->filename, tr->source, tr->source_len);
        if (!tr->aborting)
            finish_run(tr, vm, r);
        vm->tracer = NULL;
        tr->vm = NULL;
        ls_engine_delete(engine);
    } else {
        TEvent e = {.kind = LS_EV_END, .value = 1};
        emit(tr, &e);
        tr->d.ended = true;
        tr->d.exit_status = 1;
    }
    pthread_mutex_lock(&tr->mu);
    tr->finished = true;
    tr->running = false;
    pthread_cond_broadcast(&tr->cv);
    pthread_mutex_unlock(&tr->mu);
    return NULL;
}

/* Lets the engine run until the trace holds `events` events or the program ended. */
static void run_until(LsTrace *tr, size_t events) {
    if (tr->finished || tr->d.len >= events)
        return;
    pthread_mutex_lock(&tr->mu);
    tr->target = events;
    tr->running = true;
    if (!tr->started) {
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, ENGINE_STACK);
        tr->started = pthread_create(&tr->thread, &attr, engine_main, tr) == 0;
        pthread_attr_destroy(&attr);
        if (!tr->started) { /* no thread: an empty trace that ended */
            tr->running = false;
            tr->finished = tr->d.ended = true;
            tr->d.exit_status = 70;
        }
    } else {
        pthread_cond_broadcast(&tr->cv);
    }
    while (tr->running)
        pthread_cond_wait(&tr->cv, &tr->mu);
    pthread_mutex_unlock(&tr->mu);
    model_record(tr->model, &tr->d);
}

/* ================================================================ public API */

static char *dup_bytes(const char *s, size_t n) {
    char *p = xrealloc(NULL, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static LsTrace *trace_new(const LsConfig *config, const char *filename, const char *source,
                          size_t length) {
    LsTrace *tr = calloc(1, sizeof *tr);
    if (!tr)
        return NULL;
    tr->model = model_new();
    if (!tr->model) {
        free(tr);
        return NULL;
    }
    if (config)
        tr->config = *config;
    else
        ls_config_init(&tr->config);
    tr->filename = dup_bytes(filename, strlen(filename));
    tr->source = dup_bytes(source, length);
    tr->source_len = length;
    tr->argv[0] = tr->filename;
    tr->config.argc = 1;
    tr->config.argv = tr->argv;
    tr->config.write = NULL; /* output is recorded (OUTPUT events), not written */
    pthread_mutex_init(&tr->mu, NULL);
    pthread_cond_init(&tr->cv, NULL);
    file_index(&tr->d, intern(&tr->d, filename)); /* file 1: the program */
    return tr;
}

LsTrace *ls_trace_open(const LsConfig *config, const char *filename, const char *source,
                       size_t length) {
    LsTrace *tr = trace_new(config, filename, source, length);
    if (tr)
        run_until(tr, 1); /* parse now: a syntax error is known at once */
    return tr;
}

void ls_trace_delete(LsTrace *tr) {
    if (!tr)
        return;
    if (tr->started) {
        pthread_mutex_lock(&tr->mu);
        tr->aborting = !tr->finished;
        tr->running = true;
        pthread_cond_broadcast(&tr->cv);
        pthread_mutex_unlock(&tr->mu);
        pthread_join(tr->thread, NULL);
    }
    pthread_mutex_destroy(&tr->mu);
    pthread_cond_destroy(&tr->cv);
    model_free(tr->model);
    data_free(&tr->d);
    free(tr->aio_str_map);
    free(tr->handle_label);
    free(tr->filename);
    free(tr->source);
    free(tr->error);
    free(tr);
}

size_t ls_trace_extend(LsTrace *tr, size_t events) {
    run_until(tr, events);
    return tr->d.len;
}

size_t ls_trace_length(LsTrace *tr, bool *ended) {
    if (ended)
        *ended = tr->d.ended;
    return tr->d.len;
}

bool ls_trace_get(LsTrace *tr, size_t seq, LsEvent *out) {
    if (seq >= tr->d.len)
        run_until(tr, seq + 1);
    if (seq >= tr->d.len)
        return false;
    const TEvent *e = trace_ev(&tr->d, seq);
    *out = (LsEvent){.seq = seq,
                     .time = trace_time_at(&tr->d, seq),
                     .kind = e->kind,
                     .detail = e->detail,
                     .task = e->task,
                     .handle = e->handle,
                     .future = e->future,
                     .file = e->file < tr->d.nfiles ? tr->d.files[e->file] : 0,
                     .line = e->line,
                     .str = e->str,
                     .value = e->value};
    return true;
}

const LsEvent *ls_trace_event(LsTrace *tr, size_t seq) {
    LsEvent *slot = &tr->ring[tr->ring_next];
    if (!ls_trace_get(tr, seq, slot))
        return NULL;
    tr->ring_next = (tr->ring_next + 1) % EVENT_RING;
    return slot;
}

const char *ls_trace_string(LsTrace *tr, uint32_t index) {
    return trace_str(&tr->d, index);
}

const char *ls_trace_text(LsTrace *tr, size_t seq, size_t *len) {
    LsEvent e;
    if (!ls_trace_get(tr, seq, &e) || e.kind != LS_EV_OUTPUT || e.value >= tr->d.nspans) {
        *len = 0;
        return NULL;
    }
    *len = tr->d.spans[e.value].len;
    return tr->d.spans[e.value].text;
}

const char *ls_trace_error(LsTrace *tr) {
    return tr->error;
}

const char *ls_trace_task_name(LsTrace *tr, uint32_t task) {
    uint32_t i = task_index(&tr->d, task);
    return i ? trace_str(&tr->d, tr->d.tasks[i - 1].name) : NULL;
}

size_t ls_trace_bytes(LsTrace *tr) {
    const TraceData *d = &tr->d;
    size_t b = d->nblocks * (TRACE_BLOCK * sizeof(TEvent) + sizeof(TEvent *));
    for (size_t i = 0; i < d->nchunks; i++)
        b += i + 1 == d->nchunks ? d->arena_cap : STRING_CHUNK;
    b += d->cap_strs * sizeof(char *) + d->index_cap * sizeof(uint32_t);
    b += (d->cap_tasks + d->cap_futs) * sizeof(TraceObjInfo) + 2 * d->id_cap * sizeof(uint32_t);
    b += d->cap_spans * sizeof(LsConsoleSpan) + d->ntext_chunks * TEXT_CHUNK;
    b += d->clock_seq.cap * sizeof(uint32_t) + d->clock_cap * sizeof(double);
    for (int g = 0; g < GRAN_COUNT; g++)
        b += d->gran[g].cap * sizeof(uint32_t);
    return b + model_bytes(tr->model);
}

const LsSnapshot *ls_trace_seek(LsTrace *tr, size_t step) {
    if (step > tr->d.len)
        run_until(tr, step > SIZE_MAX - CHUNK_EVENTS ? step : step + CHUNK_EVENTS);
    if (step > tr->d.len)
        step = tr->d.len;
    return model_seek(tr->model, &tr->d, step);
}

/* ---------------------------------------------------------------- stepping */

/* The first index in v whose value is >= x. */
static size_t lower_bound(const U32Vec *v, size_t x) {
    size_t lo = 0, hi = v->len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v->v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Step k is the picture after event k-1: the next step at g shows the first matching
 * event at or after k. The end of a finished trace is a stop at every granularity. */
size_t ls_trace_next(LsTrace *tr, size_t step, LsGranularity g) {
    if (step >= tr->d.len)
        run_until(tr, step + CHUNK_EVENTS);
    if (g == LS_STEP_EVENT)
        return step < tr->d.len ? step + 1 : tr->d.len;
    const U32Vec *v = &tr->d.gran[g - 1];
    size_t limit = tr->d.len + SEARCH_LIMIT;
    for (;;) {
        size_t i = lower_bound(v, step);
        if (i < v->len)
            return (size_t)v->v[i] + 1;
        if (tr->d.ended || tr->d.len >= limit)
            return tr->d.len > step ? tr->d.len : step;
        run_until(tr, tr->d.len + CHUNK_EVENTS);
    }
}

size_t ls_trace_prev(LsTrace *tr, size_t step, LsGranularity g) {
    if (step > tr->d.len)
        step = tr->d.len;
    if (step == 0)
        return 0;
    if (g == LS_STEP_EVENT)
        return step - 1;
    const U32Vec *v = &tr->d.gran[g - 1];
    size_t i = lower_bound(v, step - 1); /* matches before event step-1 */
    return i ? (size_t)v->v[i - 1] + 1 : 0;
}

LsTrace *ls_trace_interrupt_at(LsTrace *tr, size_t step) {
    LsTrace *n = trace_new(&tr->config, tr->filename, tr->source, tr->source_len);
    if (!n)
        return NULL;
    n->int_wanted = true;
    n->int_step = step;
    run_until(n, step + 1);
    return n;
}

/* ================================================================ formatting */

static const char *const kind_names[] = {
#define X(e, name) name,
    LS_EVENT_KINDS(X)
#undef X
};

static const char *const run_names[] = {"step", "wakeup", "done_callback", "callback", "timer"};
static const char *const fut_states[] = {"PENDING", "CANCELLED", "FINISHED"};
static const char *const loop_states[] = {"none", "idle", "running", "closed"};
static const char *const exit_hows[] = {"returns", "suspends", "raises"};

/* A bounded writer that still counts what did not fit (like snprintf). */
typedef struct {
    char *p;
    size_t cap, len;
} Out;

static void out_add(Out *o, const char *s, size_t n) {
    if (o->len < o->cap) {
        size_t room = o->cap - o->len - 1;
        memcpy(o->p + o->len, s, n < room ? n : room);
        o->p[o->len + (n < room ? n : room)] = '\0';
    }
    o->len += n;
}

static void out_printf(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out_printf(Out *o, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0)
        out_add(o, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* Text as a quoted string: JSON escapes (json) or Python-like ones. */
static void out_quoted(Out *o, const char *s, size_t n) {
    out_add(o, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            out_add(o, esc, 2);
        } else if (c == '\n') {
            out_add(o, "\\n", 2);
        } else if (c == '\t') {
            out_add(o, "\\t", 2);
        } else if (c == '\r') {
            out_add(o, "\\r", 2);
        } else if (c < 0x20) {
            out_printf(o, "\\u%04x", c);
        } else {
            out_add(o, (const char *)&s[i], 1);
        }
    }
    out_add(o, "\"", 1);
}

static const char *name_of_task(LsTrace *tr, uint32_t id) {
    const char *n = ls_trace_task_name(tr, id);
    return n ? n : "?";
}

/* "Task-2" for a task's own future, "Future #5" otherwise. */
static void out_future(Out *o, LsTrace *tr, uint32_t id) {
    const char *n = ls_trace_task_name(tr, id);
    if (n)
        out_printf(o, "%s", n);
    else
        out_printf(o, "Future #%u", id);
}

static double value_f(const TEvent *e) {
    double t;
    memcpy(&t, &e->value, sizeof t);
    return t;
}

static const char *run_label(LsTrace *tr, const TEvent *e, char *buf, size_t cap) {
    return model_run_label(&tr->d, e->detail, e->task, e->str, buf, cap);
}

/* The readable detail of an event (the last column of --trace). */
static void out_detail(Out *o, LsTrace *tr, size_t seq, const TEvent *e) {
    const char *s = trace_str(&tr->d, e->str);
    char buf[256];
    switch ((LsEventKind)e->kind) {
    case LS_EV_STATEMENT:
        out_printf(o, "line %d in %s", e->line, s);
        break;
    case LS_EV_FRAME_ENTER:
        out_printf(o, "%s %s (line %d)", e->detail ? "resume" : "call", s, e->line);
        break;
    case LS_EV_FRAME_EXIT:
        out_printf(o, "%s %s (line %d)", s, exit_hows[e->detail % 3], e->line);
        break;
    case LS_EV_EXCEPTION:
    case LS_EV_WARNING:
        out_printf(o, "%s", s);
        break;
    case LS_EV_OUTPUT: {
        size_t len;
        const char *text = ls_trace_text(tr, seq, &len);
        out_printf(o, "%s ", e->detail == LS_STDERR ? "stderr" : "stdout");
        out_quoted(o, text ? text : "", len);
        break;
    }
    case LS_EV_LOOP_STATE:
        out_printf(o, "%s", loop_states[e->detail & 3]);
        break;
    case LS_EV_ITERATION:
        out_printf(o, "#%llu", (unsigned long long)e->value);
        break;
    case LS_EV_CLOCK:
        out_printf(o, "-> %.3f", value_f(e));
        break;
    case LS_EV_TASK_CREATED:
        out_printf(o, "%s", s);
        break;
    case LS_EV_FUTURE_CREATED:
        out_printf(o, "Future #%u", e->future);
        break;
    case LS_EV_READY_PUSH:
    case LS_EV_READY_POP:
    case LS_EV_HANDLE_DONE:
        out_printf(o, "%s", run_label(tr, e, buf, sizeof buf));
        break;
    case LS_EV_TIMER_ADD:
        out_printf(o, "#%u %s() at %.3f", e->handle, *s ? s : "callback", value_f(e));
        break;
    case LS_EV_TIMER_DUE:
    case LS_EV_TIMER_CANCEL:
        out_printf(o, "#%u %s()", e->handle, *s ? s : "callback");
        break;
    case LS_EV_HANDLE_CANCEL:
        out_printf(o, "#%u", e->handle);
        break;
    case LS_EV_FUTURE_STATE:
        out_future(o, tr, e->future);
        out_printf(o, " %s%s%s", fut_states[e->detail % 3], *s ? " " : "", s);
        break;
    case LS_EV_CALLBACK_ADD:
    case LS_EV_CALLBACK_REMOVE:
        out_future(o, tr, e->future);
        if (e->task)
            out_printf(o, " += task_wakeup(%s)", name_of_task(tr, e->task));
        else
            out_printf(o, " %s %s", e->kind == LS_EV_CALLBACK_ADD ? "+=" : "-=",
                       model_run_label(&tr->d, LS_RUN_DONE_CALLBACK, 0, e->str, buf, sizeof buf));
        break;
    case LS_EV_CALLBACK_SCHEDULE:
        out_future(o, tr, e->future);
        out_printf(o, " -> ready #%u", e->handle);
        break;
    case LS_EV_TASK_SUSPEND:
        if (e->future) {
            out_printf(o, "%s awaits ", name_of_task(tr, e->task));
            out_future(o, tr, e->future);
        } else {
            out_printf(o, "%s yields", name_of_task(tr, e->task));
        }
        break;
    case LS_EV_TASK_RESUME:
        out_printf(o, "%s%s", name_of_task(tr, e->task),
                   e->detail ? " (an exception is thrown in)" : "");
        break;
    case LS_EV_TASK_CANCEL:
        out_printf(o, "%s cancelling=%llu", name_of_task(tr, e->task),
                   (unsigned long long)e->value);
        break;
    case LS_EV_INTERRUPT:
        out_printf(o, "SIGINT -> %s", e->detail ? "handler" : "KeyboardInterrupt");
        break;
    case LS_EV_END:
        out_printf(o, "exit status %d", (int)(int32_t)(uint32_t)e->value);
        break;
    default:
        break;
    }
}

/* Kind-specific JSON members decoded for readers (docs/TRACE.md). */
static void out_json_extra(Out *o, LsTrace *tr, size_t seq, const TEvent *e) {
    char buf[256];
    switch ((LsEventKind)e->kind) {
    case LS_EV_OUTPUT: {
        size_t len;
        const char *text = ls_trace_text(tr, seq, &len);
        out_printf(o, ",\"stream\":\"%s\",\"text\":", e->detail == LS_STDERR ? "stderr" : "stdout");
        out_quoted(o, text ? text : "", len);
        break;
    }
    case LS_EV_CLOCK:
        out_printf(o, ",\"time\":%.9g", value_f(e));
        break;
    case LS_EV_TIMER_ADD:
        out_printf(o, ",\"when\":%.9g", value_f(e));
        break;
    case LS_EV_LOOP_STATE:
        out_printf(o, ",\"state\":\"%s\"", loop_states[e->detail & 3]);
        break;
    case LS_EV_FUTURE_STATE:
        out_printf(o, ",\"state\":\"%s\",\"failed\":%s", fut_states[e->detail % 3],
                   (e->value & 1) ? "true" : "false");
        break;
    case LS_EV_READY_PUSH:
    case LS_EV_READY_POP:
    case LS_EV_HANDLE_DONE:
        out_printf(o, ",\"run\":\"%s\",\"label\":", run_names[e->detail % 5]);
        run_label(tr, e, buf, sizeof buf);
        out_quoted(o, buf, strlen(buf));
        break;
    case LS_EV_FRAME_EXIT:
        out_printf(o, ",\"how\":\"%s\"", exit_hows[e->detail % 3]);
        break;
    case LS_EV_END:
        out_printf(o, ",\"status\":%d", (int)(int32_t)(uint32_t)e->value);
        break;
    default:
        break;
    }
}

static void out_json(Out *o, LsTrace *tr, size_t seq, const TEvent *e) {
    TraceData *d = &tr->d;
    out_printf(o, "{\"seq\":%zu,\"t\":%.9g,\"kind\":\"%s\",\"task\":%u", seq, trace_time_at(d, seq),
               kind_names[e->kind], e->task);
    const char *tn = ls_trace_task_name(tr, e->task);
    if (tn) {
        out_add(o, ",\"task_name\":", 13);
        out_quoted(o, tn, strlen(tn));
    }
    if (e->handle)
        out_printf(o, ",\"handle\":%u", e->handle);
    if (e->future)
        out_printf(o, ",\"future\":%u", e->future);
    if (e->file) {
        const char *f = trace_str(d, d->files[e->file]);
        out_add(o, ",\"file\":", 8);
        out_quoted(o, f, strlen(f));
    }
    if (e->line)
        out_printf(o, ",\"line\":%d", e->line);
    if (e->detail)
        out_printf(o, ",\"detail\":%u", e->detail);
    if (e->str) {
        const char *s = trace_str(d, e->str);
        out_add(o, ",\"str\":", 7);
        out_quoted(o, s, strlen(s));
    }
    if (e->value && e->kind != LS_EV_CLOCK && e->kind != LS_EV_TIMER_ADD)
        out_printf(o, ",\"value\":%llu", (unsigned long long)e->value);
    out_json_extra(o, tr, seq, e);
    out_add(o, "}", 1);
}

size_t ls_trace_format(LsTrace *tr, size_t seq, bool json, char *out, size_t cap) {
    Out o = {out, cap, 0};
    if (cap)
        out[0] = '\0';
    if (seq >= tr->d.len)
        run_until(tr, seq + 1);
    if (seq >= tr->d.len)
        return 0;
    const TEvent *e = trace_ev(&tr->d, seq);
    if (json) {
        out_json(&o, tr, seq, e);
        return o.len;
    }
    const char *who = e->task ? name_of_task(tr, e->task) : "-";
    if (!e->task && (e->kind <= LS_EV_OUTPUT || e->kind == LS_EV_INTERRUPT))
        who = "main"; /* language events outside any task */
    out_printf(&o, "[%4zu] t=%.3f %-8s %-12s ", seq, trace_time_at(&tr->d, seq), who,
               kind_names[e->kind]);
    out_detail(&o, tr, seq, e);
    return o.len;
}
