/*
 * aio_loop.c - the event loop (CPython 3.11's BaseEventLoop + _UnixSelectorEventLoop, as
 * ASYNCIO.md sections 1 and 6 describe it) on loopscope's virtual clock (section 1.7), and
 * asyncio.Handle / asyncio.TimerHandle.
 *
 * One iteration (run_once) has CPython's phases, each its own function: charge the
 * iteration cost, purge cancelled timers at the heap top, compute the poll timeout, "poll"
 * (advance the virtual clock, deliver a pending #| interrupt-at, or stop the program when
 * it would wait forever), move due timers to the ready queue, run exactly the snapshot
 * that was queued. Timers order by (when, sequence) so equal deadlines fire in scheduling
 * order.
 *
 * Not for: futures and tasks (aio_future.c) or the Python-level helpers (aio_lib.py: the
 * exception handlers, reprs, shutdown_asyncgens).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "aio.h"
#include "trace_aio.h"
#include "objimpl.h"

#define LOOP(v) ((LoopObj *)AS_OBJ(v))
#define HANDLE(v) ((HandleObj *)AS_OBJ(v))

enum {
    MAX_SELECT_TIMEOUT = 24 * 3600, /* CPython's MAXIMUM_SELECT_TIMEOUT */
    MIN_CANCELLED_TIMERS = 100,     /* _MIN_SCHEDULED_TIMER_HANDLES */
    STARVATION_ITERATIONS = 100000, /* busy iterations with due-later timers before a hint */
};
static const double CLOCK_RESOLUTION = 1e-9;

/* ---------------------------------------------------------------- the ready queue */

static bool queue_grow(VM *vm, AioQueue *q) {
    size_t cap = q->cap ? q->cap * 2 : 64;
    AioReady *n = ls_alloc(vm, cap * sizeof *n);
    if (!n)
        return false;
    for (size_t i = 0; i < q->len; i++)
        n[i] = q->items[(q->head + i) & (q->cap - 1)];
    ls_free(vm, q->items, q->cap * sizeof *n);
    q->items = n;
    q->cap = cap;
    q->head = 0;
    return true;
}

static AioReady queue_pop(AioQueue *q) {
    AioReady it = q->items[q->head];
    q->head = (q->head + 1) & (q->cap - 1);
    q->len--;
    return it;
}

static void ready_release(VM *vm, AioReady *it) {
    Value fn = it->fn, arg = it->arg;
    it->fn = it->arg = VNULL;
    v_decref(vm, fn);
    v_decref(vm, arg);
}

/* Empties the queue (loop.close(), teardown): dropping entries may free tasks, whose
 * finalizers may run code, so each entry is taken out before it is released. */
static void queue_clear(VM *vm, AioQueue *q) {
    while (q->len) {
        AioReady it = queue_pop(q);
        ready_release(vm, &it);
    }
}

static void queue_free(VM *vm, AioQueue *q) {
    queue_clear(vm, q);
    ls_free(vm, q->items, q->cap * sizeof *q->items);
    memset(q, 0, sizeof *q);
}

/* What a ready entry concerns, for the event record. */
static void describe(VM *vm, const AioReady *it, AioEvent *e) {
    e->detail = (uint8_t)it->kind;
    e->handle = it->id;
    if (it->kind == AIO_RUN_STEP || it->kind == AIO_RUN_WAKEUP)
        e->task = ((FutureObj *)AS_OBJ(it->fn))->id;
    if ((it->kind == AIO_RUN_WAKEUP || it->kind == AIO_RUN_DONE_CALLBACK) &&
        aio_is_future(vm, it->arg))
        e->future = ((FutureObj *)AS_OBJ(it->arg))->id;
    if (vm->tracer)
        e->str = trace_ready_str(vm, it); /* "callback('p1', fut)" for the trace */
}

bool aio_loop_push(VM *vm, LoopObj *loop, uint32_t kind, Value fn, Value arg) {
    AioQueue *q = &loop->ready;
    if (q->len == q->cap && !queue_grow(vm, q)) {
        v_decref(vm, fn);
        v_decref(vm, arg);
        vm_raise(vm, vm->exc_types.MemoryError, "out of memory");
        return false;
    }
    uint32_t id =
        kind == AIO_RUN_CALLBACK || kind == AIO_RUN_TIMER ? HANDLE(fn)->id : aio_new_id(vm->aio);
    AioReady *it = &q->items[(q->head + q->len) & (q->cap - 1)];
    *it = (AioReady){fn, arg, kind, id};
    q->len++;
    AioEvent *e = aio_event(vm, AIO_EV_READY_PUSH);
    if (e)
        describe(vm, it, e);
    return true;
}

/* ---------------------------------------------------------------- the timer heap */

static bool timer_before(const HandleObj *a, const HandleObj *b) {
    return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void sift_up(HandleObj **h, size_t i) {
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (!timer_before(h[i], h[p]))
            break;
        HandleObj *t = h[i];
        h[i] = h[p];
        h[p] = t;
        i = p;
    }
}

static void sift_down(HandleObj **h, size_t n, size_t i) {
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && timer_before(h[l], h[m]))
            m = l;
        if (r < n && timer_before(h[r], h[m]))
            m = r;
        if (m == i)
            return;
        HandleObj *t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

static bool heap_push(VM *vm, LoopObj *l, HandleObj *h) {
    if (l->nheap == l->cap_heap) {
        size_t cap = l->cap_heap ? l->cap_heap * 2 : 16;
        HandleObj **n = ls_realloc(vm, l->heap, l->cap_heap * sizeof *n, cap * sizeof *n);
        if (!n) {
            vm_raise(vm, vm->exc_types.MemoryError, "out of memory");
            return false;
        }
        l->heap = n;
        l->cap_heap = cap;
    }
    obj_incref(&h->hdr);
    l->heap[l->nheap++] = h;
    sift_up(l->heap, l->nheap - 1);
    h->in_heap = true;
    return true;
}

/* Removes the top timer; the caller owns the returned reference. */
static HandleObj *heap_pop(LoopObj *l) {
    HandleObj *top = l->heap[0];
    l->heap[0] = l->heap[--l->nheap];
    sift_down(l->heap, l->nheap, 0);
    top->in_heap = false;
    return top;
}

static void heap_clear(VM *vm, LoopObj *l) {
    while (l->nheap) {
        HandleObj *h = l->heap[--l->nheap];
        h->in_heap = false;
        obj_decref(vm, &h->hdr);
    }
    l->timer_cancelled_count = 0;
}

/* ---------------------------------------------------------------- clock */

void aio_set_clock(VM *vm, double t) {
    if (t == vm->clock)
        return;
    vm->clock = t;
    AioEvent *e = aio_event(vm, AIO_EV_CLOCK);
    if (e)
        memcpy(&e->value, &t, sizeof t);
}

/* ---------------------------------------------------------------- scheduling */

bool aio_loop_check_closed(VM *vm, LoopObj *loop) {
    if (!loop->closed)
        return true;
    vm_raise(vm, vm->exc_types.RuntimeError, "Event loop is closed");
    return false;
}

static HandleObj *handle_new(VM *vm, LoopObj *l, bool timer, Value fn, Value *args, int nargs,
                             Value context) {
    AioState *aio = vm->aio;
    HandleObj *h =
        (HandleObj *)obj_alloc(vm, timer ? aio->timer_type : aio->handle_type, sizeof(HandleObj));
    if (!h)
        return NULL;
    h->args = tuple_from(vm, args, (size_t)nargs);
    if (!h->args) {
        obj_decref(vm, &h->hdr);
        return NULL;
    }
    h->callback = v_incref(fn);
    h->context = v_incref(context);
    h->loop = l;
    obj_incref(&l->hdr);
    h->is_timer = timer;
    h->id = aio_new_id(aio);
    return h;
}

HandleObj *aio_loop_call_soon(VM *vm, LoopObj *l, Value fn, Value *args, int nargs, Value context) {
    if (!aio_loop_check_closed(vm, l))
        return NULL;
    HandleObj *h = handle_new(vm, l, false, fn, args, nargs, context);
    if (!h)
        return NULL;
    obj_incref(&h->hdr);
    if (!aio_loop_push(vm, l, AIO_RUN_CALLBACK, VOBJ(h), VNULL)) {
        obj_decref(vm, &h->hdr);
        return NULL;
    }
    return h;
}

/* The name of a callable for the event record ("print", "main.<locals>.cb"). */
static uint32_t callback_name(VM *vm, Value fn) {
    if (!IS_OBJ(fn))
        return 0;
    if (AS_OBJ(fn)->type == vm->types.function)
        return aio_event_str(vm, ((FunctionObj *)AS_OBJ(fn))->qualname->data);
    if (AS_OBJ(fn)->type == vm->types.builtin)
        return aio_event_str(vm, ((BuiltinObj *)AS_OBJ(fn))->name);
    return aio_event_str(vm, AS_OBJ(fn)->type->name->data);
}

static HandleObj *call_at(VM *vm, LoopObj *l, double when, Value when_value, Value fn, Value *args,
                          int nargs, Value context) {
    if (!aio_loop_check_closed(vm, l))
        return NULL;
    HandleObj *h = handle_new(vm, l, true, fn, args, nargs, context);
    if (!h)
        return NULL;
    h->when = when;
    h->when_value = v_incref(when_value);
    h->seq = l->timer_seq++;
    if (!heap_push(vm, l, h)) {
        obj_decref(vm, &h->hdr);
        return NULL;
    }
    AioEvent *e = aio_event(vm, AIO_EV_TIMER_SCHEDULED);
    if (e) {
        e->handle = h->id;
        memcpy(&e->value, &when, sizeof when);
        e->str = callback_name(vm, fn);
    }
    return h;
}

/* handle.cancel(): a timer still in the heap is counted, to be purged later. */
static void handle_cancel(VM *vm, HandleObj *h) {
    if (h->cancelled)
        return;
    if (h->is_timer && h->in_heap && h->loop)
        h->loop->timer_cancelled_count++;
    h->cancelled = true;
    Value cb = h->callback;
    TupleObj *args = h->args;
    h->callback = VNULL;
    h->args = NULL;
    AioEvent *e = aio_event(vm, h->is_timer ? AIO_EV_TIMER_CANCELLED : AIO_EV_HANDLE_CANCELLED);
    if (e)
        e->handle = h->id;
    v_decref(vm, cb);
    obj_xdecref(vm, (Obj *)args);
}

/* ---------------------------------------------------------------- errors in callbacks */

void aio_loop_report(VM *vm, LoopObj *loop, const char *message, const char *key, Value obj,
                     Value exc) {
    if (vm->step_limit_hit || !vm->aio || IS_NULL(vm->aio->module))
        return;
    Value saved = vm_exc_take(vm);
    DictObj *ctx = dict_new(vm);
    StrObj *msg = str_from_cstr(vm, message);
    bool ok = ctx && msg && dict_set_cstr(vm, ctx, "message", VOBJ(msg)) == 0 &&
              (IS_NULL(exc) || dict_set_cstr(vm, ctx, "exception", exc) == 0) &&
              (!key || dict_set_cstr(vm, ctx, key, obj) == 0);
    if (ok) {
        Value arg = VOBJ(ctx);
        Value r = vm_call_method(vm, VOBJ(loop), "call_exception_handler", &arg, 1);
        v_decref(vm, r);
    }
    if (!IS_NULL(vm->exc)) /* an error while reporting: CPython writes it as unraisable */
        vm_exc_clear(vm);
    obj_xdecref(vm, (Obj *)msg);
    obj_xdecref(vm, (Obj *)ctx);
    if (!IS_NULL(saved))
        vm_raise_value(vm, saved);
    v_decref(vm, saved);
}

/* Calls a function of the Python half by name. */
static Value call_lib(VM *vm, const char *name, Value *args, int nargs) {
    StrObj *key = str_intern(vm, name);
    if (!key)
        return VNULL;
    Value fn = dict_get_str(((ModuleObj *)AS_OBJ(vm->aio->module))->dict, key);
    obj_decref(vm, &key->hdr);
    if (IS_NULL(fn))
        return vm_raise(vm, vm->exc_types.RuntimeError, "asyncio library lacks %s", name);
    return vm_call(vm, fn, args, nargs, NULL);
}

/* Handle._run's except clause: "Exception in callback cb(args)" with the handle. */
static void report_callback_error(VM *vm, LoopObj *l, HandleObj *h) {
    Value exc = vm_exc_take(vm);
    Value a[2] = {h->callback, h->args ? VOBJ(h->args) : VNONE};
    Value src = IS_NULL(h->callback) ? VNULL : call_lib(vm, "_format_callback_source", a, 2);
    if (IS_NULL(src))
        vm_exc_clear(vm);
    StrBuf sb;
    sb_init(&sb);
    sb_printf(vm, &sb, "Exception in callback %s",
              IS_STR(vm, src) ? ((StrObj *)AS_OBJ(src))->data : "?");
    StrObj *msg = sb_finish(vm, &sb);
    v_decref(vm, src);
    if (msg)
        aio_loop_report(vm, l, msg->data, "handle", VOBJ(h), exc);
    obj_xdecref(vm, (Obj *)msg);
    v_decref(vm, exc);
}

/* A ready entry failed: KeyboardInterrupt/SystemExit escape the loop (false), anything
 * else is reported and the loop goes on (true). Entries without a Handle get one made
 * for the report, as CPython had one all along. */
static bool entry_failed(VM *vm, LoopObj *l, AioReady *it) {
    if (vm->step_limit_hit || vm_exc_matches(vm, vm->exc_types.KeyboardInterrupt) ||
        vm_exc_matches(vm, vm->exc_types.SystemExit))
        return false;
    if (it->kind == AIO_RUN_CALLBACK || it->kind == AIO_RUN_TIMER) {
        report_callback_error(vm, l, HANDLE(it->fn));
        return true;
    }
    Value fn = it->kind == AIO_RUN_DONE_CALLBACK ? v_incref(it->fn)
                                                 : vm_call_method(vm, it->fn, "get_name", NULL, 0);
    if (IS_NULL(fn)) {
        vm_exc_clear(vm);
        return true;
    }
    Value arg = it->arg;
    HandleObj *h = handle_new(vm, l, false, fn, &arg, IS_NULL(arg) ? 0 : 1, VNONE);
    v_decref(vm, fn);
    if (h) {
        report_callback_error(vm, l, h);
        obj_decref(vm, &h->hdr);
    } else {
        vm_exc_clear(vm);
    }
    return true;
}

/* Runs one entry. False only when an exception must leave the loop. */
static bool run_entry(VM *vm, LoopObj *l, AioReady *it) {
    AioEvent *e = aio_event(vm, AIO_EV_READY_POP);
    if (e)
        describe(vm, it, e);
    Value r = VNONE;
    switch (it->kind) {
    case AIO_RUN_STEP:
    case AIO_RUN_WAKEUP:
        if (!aio_task_run(vm, it))
            r = VNULL;
        break;
    case AIO_RUN_DONE_CALLBACK:
        r = vm_call1(vm, it->fn, it->arg);
        break;
    default: {
        HandleObj *h = HANDLE(it->fn);
        if (h->cancelled)
            return true;
        Value cb = v_incref(h->callback); /* it may cancel itself while running */
        TupleObj *args = h->args;
        obj_incref(&args->hdr);
        r = vm_call(vm, cb, args->items, (int)args->len, NULL);
        v_decref(vm, cb);
        obj_decref(vm, &args->hdr);
    }
    }
    if (IS_NULL(r))
        return entry_failed(vm, l, it);
    v_decref(vm, r);
    return true;
}

/* ---------------------------------------------------------------- one iteration */

/* Phase 1: drop cancelled timers (rebuild when most of a big heap is cancelled). */
static void purge_cancelled(VM *vm, LoopObj *l) {
    if (l->nheap > MIN_CANCELLED_TIMERS && l->timer_cancelled_count * 2 > l->nheap) {
        size_t kept = 0;
        for (size_t i = 0; i < l->nheap; i++) {
            HandleObj *h = l->heap[i];
            if (h->cancelled) {
                h->in_heap = false;
                obj_decref(vm, &h->hdr);
            } else {
                l->heap[kept++] = h;
            }
        }
        l->nheap = kept;
        for (size_t i = kept / 2; i-- > 0;)
            sift_down(l->heap, l->nheap, i);
        l->timer_cancelled_count = 0;
        return;
    }
    while (l->nheap && l->heap[0]->cancelled) {
        l->timer_cancelled_count--;
        HandleObj *h = heap_pop(l);
        obj_decref(vm, &h->hdr);
    }
}

/* The program would wait forever (CPython hangs): stop it like the oracle does. Every
 * frame unwinds without running handlers (the step-limit mechanism). */
static bool idle_forever(VM *vm) {
    vm->aio->idle_forever = true;
    vm->step_limit_hit = true;
    vm_raise(vm, vm->exc_types.BaseException, "loop idle forever");
    return false;
}

/* SIGINT at an #| interrupt-at time: the installed handler (asyncio.run's), else
 * KeyboardInterrupt out of the loop's wait. */
static bool deliver_interrupt(VM *vm) {
    AioState *aio = vm->aio;
    bool handled = !IS_NONE(aio->sigint_handler);
    AioEvent *e = aio_event(vm, AIO_EV_INTERRUPT);
    if (e)
        e->detail = handled;
    if (!handled) {
        Value exc = exc_new(vm, vm->exc_types.KeyboardInterrupt, NULL, 0);
        if (!IS_NULL(exc))
            vm_raise_value(vm, exc);
        v_decref(vm, exc);
        return false;
    }
    Value h = v_incref(aio->sigint_handler);
    Value none = VNONE; /* a non-NULL argument array (functools.partial memcpy's it) */
    Value r = vm_call(vm, h, &none, 0, NULL);
    v_decref(vm, h);
    v_decref(vm, r);
    return !IS_NULL(r);
}

/* Phases 2 and 3: the poll timeout, and the virtual wait (the oracle's VirtualSelector). */
static bool poll(VM *vm, LoopObj *l) {
    AioState *aio = vm->aio;
    double now = vm->clock, target;
    if (l->ready.len || l->stopping) {
        target = now;
    } else if (l->nheap) {
        double timeout = fmin(fmax(0.0, l->heap[0]->when - now), MAX_SELECT_TIMEOUT);
        target = timeout <= 0 ? now : now + timeout;
        if (timeout > 0 && timeout < MAX_SELECT_TIMEOUT)
            target = fmax(now, l->heap[0]->when);
    } else {
        target = INFINITY;
    }
    if (aio->ninterrupts && target > aio->interrupts[0]) {
        double t = aio->interrupts[0];
        memmove(aio->interrupts, aio->interrupts + 1, --aio->ninterrupts * sizeof(double));
        aio_set_clock(vm, fmax(now, t));
        return deliver_interrupt(vm);
    }
    if (isinf(target))
        return idle_forever(vm);
    aio_set_clock(vm, target);
    return true;
}

/* Phase 4: due timers join the ready queue, in (when, seq) order, after what is there. */
static bool move_due_timers(VM *vm, LoopObj *l) {
    double end_time = vm->clock + CLOCK_RESOLUTION;
    /* CPython's test is `if handle._when >= end_time: break`: a NaN deadline is due */
    while (l->nheap && !(l->heap[0]->when >= end_time)) {
        HandleObj *h = heap_pop(l);
        AioEvent *e = aio_event(vm, AIO_EV_TIMER_DUE);
        if (e)
            e->handle = h->id;
        if (!aio_loop_push(vm, l, AIO_RUN_TIMER, VOBJ(h), VNULL))
            return false;
    }
    return true;
}

/* A loop that stays busy while timers wait never lets virtual time pass: say why once. */
static void check_starvation(VM *vm, LoopObj *l) {
    AioState *aio = vm->aio;
    if (aio->iteration_cost > 0 || !l->ready.len || !l->nheap || aio->starvation_warned) {
        aio->starved_iterations = 0;
        return;
    }
    if (++aio->starved_iterations < STARVATION_ITERATIONS)
        return;
    aio->starvation_warned = true;
    char buf[400];
    int n = snprintf(buf, sizeof buf,
                     "loopscope: %d loop iterations ran with timers pending while the virtual "
                     "clock stayed at %g s: virtual time only moves when the loop is idle; add "
                     "`#| iteration-cost: D` to charge D seconds per iteration\n",
                     STARVATION_ITERATIONS, vm->clock);
    vm_write(vm, LS_STDERR, buf, (size_t)n);
}

static bool run_once(VM *vm, LoopObj *l) {
    AioState *aio = vm->aio;
    /* an iteration is a step, so --max-steps also ends a loop that only waits (sleep(1e308)
     * moves the clock by at most a day per iteration, as CPython's select timeout does) */
    if (!vm_count_step(vm))
        return false;
    gc_maybe_collect(vm); /* a safe point: between two handles */
    if (aio->iteration_cost > 0)
        aio_set_clock(vm, vm->clock + aio->iteration_cost);
    AioEvent *e = aio_event(vm, AIO_EV_ITERATION);
    if (e) {
        e->handle = l->id;
        e->value = ++l->iteration;
    }
    purge_cancelled(vm, l);
    if (!poll(vm, l) || !move_due_timers(vm, l))
        return false;
    check_starvation(vm, l);
    for (size_t ntodo = l->ready.len; ntodo > 0 && l->ready.len; ntodo--) {
        AioReady it = queue_pop(&l->ready);
        bool ok = run_entry(vm, l, &it);
        ready_release(vm, &it);
        if (!ok)
            return false;
    }
    return true;
}

/* ---------------------------------------------------------------- running */

static bool check_running(VM *vm, LoopObj *l) {
    if (l->running) {
        vm_raise(vm, vm->exc_types.RuntimeError, "This event loop is already running");
        return false;
    }
    if (vm->aio->running_loop) {
        vm_raise(vm, vm->exc_types.RuntimeError,
                 "Cannot run the event loop while another loop is running");
        return false;
    }
    return true;
}

static void record_loop(VM *vm, LoopObj *l, AioEventKind kind) {
    AioEvent *e = aio_event(vm, kind);
    if (e)
        e->handle = l->id;
}

static bool run_forever(VM *vm, LoopObj *l) {
    if (!aio_loop_check_closed(vm, l) || !check_running(vm, l))
        return false;
    obj_incref(&l->hdr);
    l->running = true;
    l->iteration = 0;
    vm->aio->running_loop = l;
    record_loop(vm, l, AIO_EV_LOOP_START);
    bool ok = true;
    for (;;) {
        if (!run_once(vm, l)) {
            ok = false;
            break;
        }
        if (l->stopping)
            break;
    }
    l->stopping = false;
    l->running = false;
    if (vm->aio && vm->aio->running_loop == l)
        vm->aio->running_loop = NULL;
    record_loop(vm, l, AIO_EV_LOOP_STOP);
    obj_decref(vm, &l->hdr);
    return ok;
}

/* ---------------------------------------------------------------- tasks and futures */

/* loop.create_task(coro, name=None, context=None) for C callers. */
static Value create_task(VM *vm, LoopObj *l, Value coro, Value name, Value context) {
    if (!aio_loop_check_closed(vm, l))
        return VNULL;
    if (IS_NONE(l->task_factory)) {
        TaskObj *t = aio_task_new(vm, l, coro, name, context);
        return t ? VOBJ(t) : VNULL;
    }
    Value args[2] = {VOBJ(l), coro};
    Value task = vm_call(vm, l->task_factory, args, 2, NULL);
    if (IS_NULL(task) || IS_NULL(name) || IS_NONE(name))
        return task;
    Value r = vm_call_method(vm, task, "set_name", &name, 1);
    if (IS_NULL(r)) {
        v_decref(vm, task);
        return VNULL;
    }
    v_decref(vm, r);
    return task;
}

/* inspect.isawaitable for what iscoroutine rejected: has __await__. */
static bool is_awaitable(VM *vm, Value v) {
    return IS_OBJ(v) && !IS_NULL(type_lookup(val_type(vm, v), vm->names.__await__));
}

/* The loop a future belongs to (futures._get_loop). New reference. */
static Value future_loop(VM *vm, Value fut) {
    if (aio_is_future(vm, fut) && ((FutureObj *)AS_OBJ(fut))->loop)
        return v_incref(VOBJ(((FutureObj *)AS_OBJ(fut))->loop));
    Value loop = vm_call_method(vm, fut, "get_loop", NULL, 0);
    if (IS_NULL(loop) && vm_exc_matches(vm, vm->exc_types.AttributeError)) {
        vm_exc_clear(vm);
        loop = obj_getattr_cstr(vm, fut, "_loop");
    }
    return loop;
}

/* tasks.ensure_future(obj, loop=loop): loop V_NULL/None means the current loop. */
Value aio_ensure_future(VM *vm, Value obj, Value loop) {
    int isf = aio_isfuture(vm, obj);
    if (isf < 0)
        return VNULL;
    if (isf) {
        if (!IS_NULL(loop) && !IS_NONE(loop)) {
            Value own = future_loop(vm, obj);
            if (IS_NULL(own))
                return VNULL;
            bool same = val_is(own, loop);
            v_decref(vm, own);
            if (!same)
                return vm_raise(vm, vm->exc_types.ValueError,
                                "The future belongs to a different loop than the one specified "
                                "as the loop argument");
        }
        return v_incref(obj);
    }
    bool wrapped = false;
    Value coro = v_incref(obj);
    if (!aio_iscoroutine(vm, obj)) {
        v_decref(vm, coro);
        if (!is_awaitable(vm, obj))
            return vm_raise(vm, vm->exc_types.TypeError,
                            "An asyncio.Future, a coroutine or an awaitable is required");
        coro = call_lib(vm, "_wrap_awaitable", &obj, 1);
        if (IS_NULL(coro))
            return VNULL;
        wrapped = true;
    }
    Value l = IS_NULL(loop) || IS_NONE(loop) ? VNULL : v_incref(loop);
    if (IS_NULL(l)) {
        LoopObj *cur = aio_get_event_loop(vm);
        if (!cur) {
            v_decref(vm, coro);
            return VNULL;
        }
        l = VOBJ(cur);
    }
    Value task = aio_is_loop(vm, l) ? create_task(vm, LOOP(l), coro, VNULL, VNONE)
                                    : vm_call_method(vm, l, "create_task", &coro, 1);
    if (IS_NULL(task) && !wrapped && vm_exc_matches(vm, vm->exc_types.RuntimeError)) {
        Value exc = vm_exc_take(vm);
        Value r = vm_call_method(vm, coro, "close", NULL, 0);
        v_decref(vm, r);
        vm_exc_clear(vm);
        vm_raise_value(vm, exc);
        v_decref(vm, exc);
    }
    v_decref(vm, coro);
    v_decref(vm, l);
    return task;
}

/* _run_until_complete_cb(fut): stop the loop unless the future ended with SystemExit or
 * KeyboardInterrupt (then the loop is already unwinding). */
static Value run_until_complete_cb(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "_run_until_complete_cb", nargs, kwnames, 1, 1))
        return VNULL;
    Value fut = args[0];
    Value c = vm_call_method(vm, fut, "cancelled", NULL, 0);
    if (IS_NULL(c))
        return VNULL;
    int cancelled = obj_truthy(vm, c);
    v_decref(vm, c);
    if (!cancelled) {
        Value exc = vm_call_method(vm, fut, "exception", NULL, 0);
        if (IS_NULL(exc))
            return VNULL;
        bool fatal = val_isinstance(vm, exc, vm->exc_types.SystemExit) ||
                     val_isinstance(vm, exc, vm->exc_types.KeyboardInterrupt);
        v_decref(vm, exc);
        if (fatal)
            return VNONE;
    }
    Value loop = future_loop(vm, fut);
    if (IS_NULL(loop))
        return VNULL;
    Value r = aio_is_loop(vm, loop) ? (LOOP(loop)->stopping = true, VNONE)
                                    : vm_call_method(vm, loop, "stop", NULL, 0);
    v_decref(vm, loop);
    return r;
}

static bool call_simple(VM *vm, Value o, const char *name, Value *arg) {
    Value r = vm_call_method(vm, o, name, arg, arg ? 1 : 0);
    v_decref(vm, r);
    return !IS_NULL(r);
}

/* loop.run_until_complete(aw) (6.3). */
static Value run_until_complete(VM *vm, LoopObj *l, Value aw) {
    if (!aio_loop_check_closed(vm, l) || !check_running(vm, l))
        return VNULL;
    int isf = aio_isfuture(vm, aw);
    if (isf < 0)
        return VNULL;
    Value fut = aio_ensure_future(vm, aw, VOBJ(l));
    if (IS_NULL(fut))
        return VNULL;
    if (!isf && aio_is_task(vm, fut))
        ((TaskObj *)AS_OBJ(fut))->log_destroy_pending = false;
    Value cb = builtin_new(vm, "_run_until_complete_cb", run_until_complete_cb, VNULL);
    if (IS_NULL(cb) || !aio_future_add_callback(vm, fut, cb, VNONE)) {
        v_decref(vm, cb);
        v_decref(vm, fut);
        return VNULL;
    }
    bool ok = run_forever(vm, l);
    Value saved = vm_exc_take(vm);
    if (!ok && !isf && aio_is_future(vm, fut)) {
        FutureObj *f = (FutureObj *)AS_OBJ(fut);
        if (f->state == AIO_FINISHED)
            f->log_traceback = false; /* future.exception(): the caller cannot reach it */
    }
    bool removed = call_simple(vm, fut, "remove_done_callback", &cb);
    v_decref(vm, cb);
    if (!ok || !removed) {
        if (!IS_NULL(saved)) {
            vm_exc_clear(vm);
            vm_raise_value(vm, saved);
        }
        v_decref(vm, saved);
        v_decref(vm, fut);
        return VNULL;
    }
    Value r;
    Value done = vm_call_method(vm, fut, "done", NULL, 0);
    int d = IS_NULL(done) ? -1 : obj_truthy(vm, done);
    v_decref(vm, done);
    if (d < 0)
        r = VNULL;
    else if (!d)
        r = vm_raise(vm, vm->exc_types.RuntimeError, "Event loop stopped before Future completed.");
    else
        r = aio_is_future(vm, fut) ? aio_future_result(vm, (FutureObj *)AS_OBJ(fut))
                                   : vm_call_method(vm, fut, "result", NULL, 0);
    v_decref(vm, fut);
    return r;
}

/* loop.close() (6.4): queued handles and timers are dropped, nothing runs. */
static bool loop_close(VM *vm, LoopObj *l) {
    if (l->running) {
        vm_raise(vm, vm->exc_types.RuntimeError, "Cannot close a running event loop");
        return false;
    }
    if (l->closed)
        return true;
    l->closed = true;
    l->executor_shutdown_called = true;
    queue_clear(vm, &l->ready);
    heap_clear(vm, l);
    return true;
}

/* ---------------------------------------------------------------- loop methods */

bool aio_is_loop(VM *vm, Value v) {
    return IS_OBJ(v) && vm->aio && type_is_subtype(AS_OBJ(v)->type, vm->aio->loop_type);
}

static bool loop_self(VM *vm, const char *name, Value *args, int nargs) {
    if (nargs >= 1 && aio_is_loop(vm, args[0]))
        return true;
    vm_raise(vm, vm->exc_types.TypeError,
             "descriptor '%s' for '_UnixSelectorEventLoop' objects doesn't apply to a '%s' "
             "object",
             name, nargs ? val_type_name(vm, args[0]) : "NoneType");
    return false;
}

/* Splits `f(callback, *args, context=None)`: positional args after self, keyword context. */
static bool callback_args(VM *vm, const char *name, Value *args, int nargs, TupleObj *kwnames,
                          int fixed, Value *context) {
    *context = VNONE;
    size_t nkw = kwnames ? kwnames->len : 0;
    for (size_t i = 0; i < nkw; i++) {
        StrObj *k = (StrObj *)AS_OBJ(kwnames->items[i]);
        if (!str_eq_cstr(k, "context")) {
            vm_raise(vm, vm->exc_types.TypeError, "%s() got an unexpected keyword argument '%s'",
                     name, k->data);
            return false;
        }
        *context = args[nargs + (int)i];
    }
    if (nargs - 1 < fixed) {
        vm_raise(vm, vm->exc_types.TypeError, "%s() missing %d required positional argument%s",
                 name, fixed - (nargs - 1), fixed - (nargs - 1) > 1 ? "s" : "");
        return false;
    }
    return true;
}

static Value l_call_soon(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    Value ctx;
    if (!loop_self(vm, "call_soon", args, nargs) ||
        !callback_args(vm, "call_soon", args, nargs, kwnames, 1, &ctx))
        return VNULL;
    HandleObj *h = aio_loop_call_soon(vm, LOOP(args[0]), args[1], args + 2, nargs - 2, ctx);
    return h ? VOBJ(h) : VNULL;
}

/* A number as a double for timer arithmetic (int, bool or float). */
static bool as_double(VM *vm, Value v, double *out) {
    if (v.kind == V_FLOAT) {
        *out = v.as.f;
        return true;
    }
    if (v.kind == V_INT || v.kind == V_BOOL) {
        *out = (double)v.as.i;
        return true;
    }
    vm_raise(vm, vm->exc_types.TypeError, "'%s' object cannot be interpreted as a number",
             val_type_name(vm, v));
    return false;
}

static Value l_call_at(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    Value ctx;
    double when;
    if (!loop_self(vm, "call_at", args, nargs) ||
        !callback_args(vm, "call_at", args, nargs, kwnames, 2, &ctx))
        return VNULL;
    if (IS_NONE(args[1]))
        return vm_raise(vm, vm->exc_types.TypeError, "when cannot be None");
    if (!as_double(vm, args[1], &when))
        return VNULL;
    HandleObj *h = call_at(vm, LOOP(args[0]), when, args[1], args[2], args + 3, nargs - 3, ctx);
    return h ? VOBJ(h) : VNULL;
}

static Value l_call_later(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    Value ctx;
    if (!loop_self(vm, "call_later", args, nargs) ||
        !callback_args(vm, "call_later", args, nargs, kwnames, 2, &ctx))
        return VNULL;
    if (IS_NONE(args[1]))
        return vm_raise(vm, vm->exc_types.TypeError, "delay must not be None");
    Value when_v = obj_binop(vm, BINOP_ADD, VFLOAT(vm->clock), args[1]);
    double when;
    bool ok = !IS_NULL(when_v) && as_double(vm, when_v, &when);
    HandleObj *h =
        ok ? call_at(vm, LOOP(args[0]), when, when_v, args[2], args + 3, nargs - 3, ctx) : NULL;
    v_decref(vm, when_v);
    return h ? VOBJ(h) : VNULL;
}

static Value l_time(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!loop_self(vm, "time", args, nargs) || !args_count(vm, "time", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return VFLOAT(vm->clock);
}

static Value l_create_future(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!loop_self(vm, "create_future", args, nargs) ||
        !args_count(vm, "create_future", nargs - 1, kwnames, 0, 0))
        return VNULL;
    FutureObj *f = aio_future_new(vm, LOOP(args[0]));
    return f ? VOBJ(f) : VNULL;
}

static Value l_create_task(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"coro", "name", "context"};
    Value a[3];
    if (!loop_self(vm, "create_task", args, nargs) ||
        !args_bind(vm, "create_task", args + 1, nargs - 1, kwnames, names, 3, 1, 1, a))
        return VNULL;
    return create_task(vm, LOOP(args[0]), a[0], a[1], IS_NULL(a[2]) ? VNONE : a[2]);
}

static Value l_run_forever(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!loop_self(vm, "run_forever", args, nargs) ||
        !args_count(vm, "run_forever", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return run_forever(vm, LOOP(args[0])) ? VNONE : VNULL;
}

static Value l_run_until_complete(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!loop_self(vm, "run_until_complete", args, nargs) ||
        !args_count(vm, "run_until_complete", nargs - 1, kwnames, 1, 1))
        return VNULL;
    return run_until_complete(vm, LOOP(args[0]), args[1]);
}

static Value l_stop(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!loop_self(vm, "stop", args, nargs) || !args_count(vm, "stop", nargs - 1, kwnames, 0, 0))
        return VNULL;
    LOOP(args[0])->stopping = true;
    return VNONE;
}

static Value l_close(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!loop_self(vm, "close", args, nargs) || !args_count(vm, "close", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return loop_close(vm, LOOP(args[0])) ? VNONE : VNULL;
}

static Value l_is_running(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!loop_self(vm, "is_running", args, nargs) ||
        !args_count(vm, "is_running", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return VBOOL(LOOP(args[0])->running);
}

static Value l_is_closed(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!loop_self(vm, "is_closed", args, nargs) ||
        !args_count(vm, "is_closed", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return VBOOL(LOOP(args[0])->closed);
}

static Value l_get_debug(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!loop_self(vm, "get_debug", args, nargs) ||
        !args_count(vm, "get_debug", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return VBOOL(LOOP(args[0])->debug);
}

static Value l_set_debug(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!loop_self(vm, "set_debug", args, nargs) ||
        !args_count(vm, "set_debug", nargs - 1, kwnames, 1, 1))
        return VNULL;
    int t = obj_truthy(vm, args[1]);
    if (t < 0)
        return VNULL;
    LOOP(args[0])->debug = t;
    return VNONE;
}

static Value l_get_task_factory(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!loop_self(vm, "get_task_factory", args, nargs) ||
        !args_count(vm, "get_task_factory", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return v_incref(LOOP(args[0])->task_factory);
}

static Value l_set_task_factory(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!loop_self(vm, "set_task_factory", args, nargs) ||
        !args_count(vm, "set_task_factory", nargs - 1, kwnames, 1, 1))
        return VNULL;
    Value f = args[1];
    if (!IS_NONE(f) && !val_type(vm, f)->call)
        return vm_raise(vm, vm->exc_types.TypeError, "task factory must be a callable or None");
    LoopObj *l = LOOP(args[0]);
    v_decref(vm, l->task_factory);
    l->task_factory = v_incref(f);
    return VNONE;
}

static StrObj *loop_repr(VM *vm, Value self) {
    LoopObj *l = LOOP(self);
    return str_printf(vm, "<%s running=%s closed=%s debug=%s>", AS_OBJ(self)->type->name->data,
                      l->running ? "True" : "False", l->closed ? "True" : "False",
                      l->debug ? "True" : "False");
}

/* ---------------------------------------------------------------- the loop object */

LoopObj *aio_loop_new(VM *vm) {
    LoopObj *l = (LoopObj *)obj_alloc(vm, vm->aio->loop_type, sizeof(LoopObj));
    if (!l)
        return NULL;
    l->exception_handler = VNONE;
    l->task_factory = VNONE;
    l->id = aio_new_id(vm->aio);
    return l;
}

static Value loop_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    (void)type;
    if (!args_count(vm, "_UnixSelectorEventLoop", nargs, kwnames, 0, 1))
        return VNULL;
    (void)args;
    LoopObj *l = aio_loop_new(vm);
    return l ? VOBJ(l) : VNULL;
}

static void loop_clear(VM *vm, Obj *o) {
    LoopObj *l = (LoopObj *)o;
    queue_clear(vm, &l->ready);
    heap_clear(vm, l);
    Value eh = l->exception_handler, tf = l->task_factory;
    l->exception_handler = l->task_factory = VNONE;
    v_decref(vm, eh);
    v_decref(vm, tf);
    DictObj *d = l->dict;
    l->dict = NULL;
    obj_xdecref(vm, (Obj *)d);
}

static void loop_dealloc(VM *vm, Obj *o) {
    LoopObj *l = (LoopObj *)o;
    loop_clear(vm, o);
    queue_free(vm, &l->ready);
    ls_free(vm, l->heap, l->cap_heap * sizeof *l->heap);
    l->heap = NULL;
    l->cap_heap = 0;
}

static void loop_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    LoopObj *l = (LoopObj *)o;
    if (l->dict)
        visit(vm, VOBJ(l->dict), arg);
    for (size_t i = 0; i < l->ready.len; i++) {
        AioReady *it = &l->ready.items[(l->ready.head + i) & (l->ready.cap - 1)];
        visit(vm, it->fn, arg);
        visit(vm, it->arg, arg);
    }
    for (size_t i = 0; i < l->nheap; i++)
        visit(vm, VOBJ(l->heap[i]), arg);
    visit(vm, l->exception_handler, arg);
    visit(vm, l->task_factory, arg);
}

/* ---------------------------------------------------------------- Handle, TimerHandle */

static bool handle_self(VM *vm, const char *name, Value *args, int nargs) {
    if (nargs >= 1 && IS_OBJ(args[0]) &&
        type_is_subtype(AS_OBJ(args[0])->type, vm->aio->handle_type))
        return true;
    vm_raise(vm, vm->exc_types.TypeError, "descriptor '%s' requires a 'Handle' object", name);
    return false;
}

static Value h_cancel(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!handle_self(vm, "cancel", args, nargs) ||
        !args_count(vm, "cancel", nargs - 1, kwnames, 0, 0))
        return VNULL;
    handle_cancel(vm, HANDLE(args[0]));
    return VNONE;
}

static Value h_cancelled(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!handle_self(vm, "cancelled", args, nargs) ||
        !args_count(vm, "cancelled", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return VBOOL(HANDLE(args[0])->cancelled);
}

static Value h_get_context(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!handle_self(vm, "get_context", args, nargs) ||
        !args_count(vm, "get_context", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return v_incref(HANDLE(args[0])->context);
}

static Value h_when(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!handle_self(vm, "when", args, nargs) || !args_count(vm, "when", nargs - 1, kwnames, 0, 0))
        return VNULL;
    HandleObj *h = HANDLE(args[0]);
    return IS_NULL(h->when_value) ? VFLOAT(h->when) : v_incref(h->when_value);
}

/* Handle attributes for the Python half's reprs: _callback, _args, _cancelled ... */
static Value h_attr(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)kwnames;
    if (!handle_self(vm, "attribute", args + 1, nargs - 1))
        return VNULL;
    HandleObj *h = HANDLE(args[1]);
    switch (args[0].as.i) {
    case 0:
        return IS_NULL(h->callback) ? VNONE : v_incref(h->callback);
    case 1:
        return h->args ? v_incref(VOBJ(h->args)) : VNONE;
    case 2:
        return VBOOL(h->cancelled);
    case 3:
        return h->loop ? v_incref(VOBJ(h->loop)) : VNONE;
    case 4:
        return IS_NULL(h->when_value) ? VFLOAT(h->when) : v_incref(h->when_value);
    case 5:
        return VBOOL(h->in_heap);
    default:
        return v_incref(h->context);
    }
}

static bool add_handle_attrs(VM *vm, TypeObj *t) {
    static const char *const names[] = {"_callback", "_args",      "_cancelled", "_loop",
                                        "_when",     "_scheduled", "_context"};
    for (int i = 0; i < 7; i++) {
        Value get = builtin_new(vm, names[i], h_attr, VINT(i));
        Value prop = IS_NULL(get) ? VNULL : vm_call1(vm, VOBJ(vm->types.property), get);
        v_decref(vm, get);
        bool ok = !IS_NULL(prop) && dict_set_cstr(vm, t->dict, names[i], prop) == 0;
        v_decref(vm, prop);
        if (!ok)
            return false;
    }
    return true;
}

static StrObj *handle_repr(VM *vm, Value self) {
    Value r = call_lib(vm, "_handle_repr", &self, 1);
    if (IS_NULL(r))
        return NULL;
    if (!IS_STR(vm, r)) {
        v_decref(vm, r);
        vm_raise(vm, vm->exc_types.TypeError, "_handle_repr returned a non-string");
        return NULL;
    }
    return (StrObj *)AS_OBJ(r);
}

/* TimerHandle orders by `when` (<, <=, >, >=) like CPython; == compares the whole handle. */
static Value timer_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if (!IS_OBJ(b) || AS_OBJ(b)->type != vm->aio->timer_type)
        return v_incref(vm->not_implemented);
    HandleObj *x = HANDLE(a), *y = HANDLE(b);
    switch (op) {
    case CMP_LT:
        return VBOOL(x->when < y->when);
    case CMP_LE:
        return VBOOL(x->when <= y->when);
    case CMP_GT:
        return VBOOL(x->when > y->when);
    case CMP_GE:
        return VBOOL(x->when >= y->when);
    default: {
        bool eq = x == y || (x->when == y->when && x->cancelled == y->cancelled &&
                             val_is(x->callback, y->callback) && x->args == y->args);
        return VBOOL(eq == (op == CMP_EQ));
    }
    }
}

static int timer_hash(VM *vm, Value self, int64_t *out) {
    (void)vm;
    *out = hash_double(HANDLE(self)->when);
    return 0;
}

static void handle_clear(VM *vm, Obj *o) {
    HandleObj *h = (HandleObj *)o;
    Value cb = h->callback, ctx = h->context, wv = h->when_value;
    TupleObj *args = h->args;
    LoopObj *l = h->loop;
    h->when_value = VNULL;
    v_decref(vm, wv);
    h->callback = VNULL;
    h->context = VNONE;
    h->args = NULL;
    h->loop = NULL;
    v_decref(vm, cb);
    v_decref(vm, ctx);
    obj_xdecref(vm, (Obj *)args);
    obj_xdecref(vm, (Obj *)l);
}

static void handle_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    HandleObj *h = (HandleObj *)o;
    visit(vm, h->callback, arg);
    visit(vm, h->context, arg);
    if (h->args)
        visit(vm, VOBJ(h->args), arg);
    if (h->loop)
        visit(vm, VOBJ(h->loop), arg);
}

/* ---------------------------------------------------------------- types */

static bool set_module(VM *vm, TypeObj *t, const char *module) {
    StrObj *m = str_intern(vm, module);
    if (!m)
        return false;
    obj_xdecref(vm, (Obj *)t->module);
    t->module = m;
    return true;
}

static bool add_methods(VM *vm, TypeObj *t, const char *const *names, const NativeFn *fns,
                        size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!type_add_method(vm, t, names[i], fns[i]))
            return false;
    return true;
}

static bool handle_types_init(VM *vm, AioState *aio) {
    TypeObj *h = type_new_builtin(vm, "Handle", NULL, sizeof(HandleObj), 0);
    if (!h)
        return false;
    aio->handle_type = h;
    h->dealloc = handle_clear;
    h->traverse = handle_traverse;
    h->clear = handle_clear;
    h->repr = handle_repr;
    static const char *const names[] = {"cancel", "cancelled", "get_context"};
    static const NativeFn fns[] = {h_cancel, h_cancelled, h_get_context};
    if (!add_methods(vm, h, names, fns, 3) || !add_handle_attrs(vm, h) ||
        !set_module(vm, h, "asyncio.events") || !type_ready(vm, h))
        return false;
    TypeObj *t = type_new_builtin(vm, "TimerHandle", h, sizeof(HandleObj), 0);
    if (!t)
        return false;
    aio->timer_type = t;
    t->richcompare = timer_richcompare;
    t->hash = timer_hash;
    return type_add_method(vm, t, "when", h_when) && set_module(vm, t, "asyncio.events") &&
           type_ready(vm, t);
}

static bool loop_type_init(VM *vm, AioState *aio) {
    TypeObj *t = type_new_builtin(vm, "_UnixSelectorEventLoop", NULL, sizeof(LoopObj), TF_HAS_DICT);
    if (!t)
        return false;
    aio->loop_type = t;
    t->dealloc = loop_dealloc;
    t->traverse = loop_traverse;
    t->clear = loop_clear;
    t->repr = loop_repr;
    t->tp_new = loop_tp_new;
    static const char *const names[] = {"call_soon",
                                        "call_soon_threadsafe",
                                        "call_later",
                                        "call_at",
                                        "time",
                                        "create_future",
                                        "create_task",
                                        "run_forever",
                                        "run_until_complete",
                                        "stop",
                                        "close",
                                        "is_running",
                                        "is_closed",
                                        "get_debug",
                                        "set_debug",
                                        "get_task_factory",
                                        "set_task_factory"};
    static const NativeFn fns[] = {l_call_soon,
                                   l_call_soon,
                                   l_call_later,
                                   l_call_at,
                                   l_time,
                                   l_create_future,
                                   l_create_task,
                                   l_run_forever,
                                   l_run_until_complete,
                                   l_stop,
                                   l_close,
                                   l_is_running,
                                   l_is_closed,
                                   l_get_debug,
                                   l_set_debug,
                                   l_get_task_factory,
                                   l_set_task_factory};
    return add_methods(vm, t, names, fns, sizeof fns / sizeof fns[0]) &&
           set_module(vm, t, "asyncio.unix_events") && type_ready(vm, t);
}

bool aio_loop_types_init(VM *vm, AioState *aio, Value module) {
    DictObj *d = ((ModuleObj *)AS_OBJ(module))->dict;
    return handle_types_init(vm, aio) && loop_type_init(vm, aio) &&
           dict_set_cstr(vm, d, "Handle", VOBJ(aio->handle_type)) == 0 &&
           dict_set_cstr(vm, d, "TimerHandle", VOBJ(aio->timer_type)) == 0 &&
           dict_set_cstr(vm, d, "_UnixSelectorEventLoop", VOBJ(aio->loop_type)) == 0 &&
           dict_set_cstr(vm, d, "SelectorEventLoop", VOBJ(aio->loop_type)) == 0;
}
