/*
 * aio_future.c - asyncio's Future and Task, natively, with the semantics of CPython 3.11's
 * _asyncio accelerator (ASYNCIO.md sections 2-4 and 7): the one-way state machine, done
 * callbacks queued (never called) on completion in registration order, the Task's __step
 * and __wakeup, cancellation with _must_cancel and the cancel counter, Task-N names, and the
 * "exception was never retrieved" / "Task was destroyed but it is pending!" finalizers.
 *
 * A task's step and wake-up are ready-queue records (AioReady) that aio_loop.c hands back
 * to aio_task_run; a wake-up registered on a native future is an AioCallback flagged
 * `wakeup`, shown as Task.task_wakeup() in reprs.
 *
 * Reprs are built by the Python half (aio_lib.py: _future_repr, _task_repr), which needs
 * reprlib-style abbreviation; the attributes it reads (_state, _result, _callbacks ...)
 * are provided here.
 *
 * Not for: the loop (aio_loop.c) or module functions (aio_module.c).
 */
#include <stdio.h>
#include <string.h>

#include "aio.h"
#include "trace_aio.h"
#include "objimpl.h"

#define FUT(v) ((FutureObj *)AS_OBJ(v))
#define TASK(v) ((TaskObj *)AS_OBJ(v))

static const char *const state_names[] = {"PENDING", "CANCELLED", "FINISHED"};

/* ---------------------------------------------------------------- helpers */

static bool is_exact_future(VM *vm, Value v) {
    return IS_OBJ(v) &&
           (AS_OBJ(v)->type == vm->aio->future_type || AS_OBJ(v)->type == vm->aio->task_type);
}

bool aio_is_future(VM *vm, Value v) {
    return IS_OBJ(v) && type_is_subtype(AS_OBJ(v)->type, vm->aio->future_type);
}

bool aio_is_task(VM *vm, Value v) {
    return IS_OBJ(v) && type_is_subtype(AS_OBJ(v)->type, vm->aio->task_type);
}

/* Receiver check of a native method: "descriptor 'x' for '_asyncio.Future' objects doesn't
 * apply to a 'int' object". */
static bool check_self(VM *vm, TypeObj *t, const char *name, Value *args, int nargs) {
    if (nargs >= 1 && IS_OBJ(args[0]) && type_is_subtype(AS_OBJ(args[0])->type, t))
        return true;
    vm_raise(vm, vm->exc_types.TypeError,
             "descriptor '%s' for '_asyncio.%s' objects doesn't apply to a '%s' object", name,
             t->name->data, nargs ? val_type_name(vm, args[0]) : "NoneType");
    return false;
}

static bool fut_self(VM *vm, const char *name, Value *args, int nargs) {
    if (!check_self(vm, vm->aio->future_type, name, args, nargs))
        return false;
    if (!FUT(args[0])->loop) {
        vm_raise(vm, vm->exc_types.RuntimeError, "Future object is not initialized.");
        return false;
    }
    return true;
}

static bool task_self(VM *vm, const char *name, Value *args, int nargs) {
    return check_self(vm, vm->aio->task_type, name, args, nargs) && fut_self(vm, name, args, nargs);
}

/* Calls a function of the Python half (aio_lib.py) by name. */
static Value call_lib(VM *vm, const char *name, Value *args, int nargs) {
    DictObj *d = ((ModuleObj *)AS_OBJ(vm->aio->module))->dict;
    StrObj *key = str_intern(vm, name);
    if (!key)
        return VNULL;
    Value fn = dict_get_str(d, key);
    obj_decref(vm, &key->hdr);
    if (IS_NULL(fn))
        return vm_raise(vm, vm->exc_types.RuntimeError, "asyncio library lacks %s", name);
    return vm_call(vm, fn, args, nargs, NULL);
}

static Value raise_invalid_state(VM *vm, const char *msg) {
    return vm_raise(vm, vm->aio->InvalidStateError, "%s", msg);
}

static void record_state(VM *vm, FutureObj *f) {
    AioEvent *e = aio_event(vm, AIO_EV_FUTURE_STATE);
    if (e) {
        e->future = f->id;
        e->detail = f->state;
        if (f->is_task)
            e->task = f->id;
        if (vm->tracer)
            trace_future_state(vm, f, e); /* result/exception repr for the trace */
    }
}

/* ---------------------------------------------------------------- the state machine */

static bool future_set_result(VM *vm, FutureObj *f, Value v);

/* Queues every done callback (registration order) and empties the list. */
static bool schedule_callbacks(VM *vm, FutureObj *f) {
    size_t n = f->ncbs;
    if (n == 0)
        return true;
    AioCallback *cbs = f->cbs;
    size_t cap = f->cap_cbs;
    f->cbs = NULL;
    f->ncbs = f->cap_cbs = 0;
    bool ok = aio_loop_check_closed(vm, f->loop);
    for (size_t i = 0; i < n; i++) {
        if (ok) {
            uint32_t kind = cbs[i].wakeup ? AIO_RUN_WAKEUP : AIO_RUN_DONE_CALLBACK;
            obj_incref(&f->hdr);
            ok = aio_loop_push(vm, f->loop, kind, cbs[i].fn, VOBJ(f));
            AioEvent *e = ok ? aio_event(vm, AIO_EV_CALLBACK_SCHEDULED) : NULL;
            if (e) {
                e->future = f->id;
                e->handle = vm->aio->next_id;
            }
        } else {
            v_decref(vm, cbs[i].fn);
        }
        v_decref(vm, cbs[i].context);
    }
    ls_free(vm, cbs, cap * sizeof *cbs);
    return ok;
}

bool aio_future_set_result(VM *vm, FutureObj *f, Value v) {
    return future_set_result(vm, f, v);
}

static bool future_set_result(VM *vm, FutureObj *f, Value v) {
    if (f->state != AIO_PENDING) {
        raise_invalid_state(vm, "invalid state");
        return false;
    }
    f->result = v_incref(v);
    f->state = AIO_FINISHED;
    record_state(vm, f);
    return schedule_callbacks(vm, f);
}

/* Stores an exception instance (stolen) as the outcome. */
static bool future_set_exception_steal(VM *vm, FutureObj *f, Value exc) {
    if (f->state != AIO_PENDING) {
        v_decref(vm, exc);
        raise_invalid_state(vm, "invalid state");
        return false;
    }
    f->exception = exc;
    f->state = AIO_FINISHED;
    f->log_traceback = true;
    record_state(vm, f);
    return schedule_callbacks(vm, f);
}

/* set_exception(exc): a class is instantiated; StopIteration is refused. */
static bool future_set_exception(VM *vm, FutureObj *f, Value exc) {
    if (f->state != AIO_PENDING) {
        raise_invalid_state(vm, "invalid state");
        return false;
    }
    Value val;
    if (val_isinstance(vm, exc, vm->types.type) &&
        type_is_subtype((TypeObj *)AS_OBJ(exc), vm->exc_types.BaseException)) {
        val = vm_call0(vm, exc);
        if (IS_NULL(val))
            return false;
    } else {
        val = v_incref(exc);
    }
    if (!val_isinstance(vm, val, vm->exc_types.BaseException)) {
        v_decref(vm, val);
        vm_raise(vm, vm->exc_types.TypeError, "invalid exception object");
        return false;
    }
    if (AS_OBJ(val)->type == vm->exc_types.StopIteration) {
        v_decref(vm, val);
        vm_raise(vm, vm->exc_types.TypeError,
                 "StopIteration interacts badly with generators and cannot be raised into a "
                 "Future");
        return false;
    }
    return future_set_exception_steal(vm, f, val);
}

/* CancelledError for a cancelled future: the saved one (once), else a new one. */
static Value make_cancelled_error(VM *vm, FutureObj *f) {
    if (!IS_NULL(f->cancelled_exc)) {
        Value exc = f->cancelled_exc;
        f->cancelled_exc = VNULL;
        return exc;
    }
    if (IS_NONE(f->cancel_message))
        return exc_new(vm, vm->aio->CancelledError, NULL, 0);
    return exc_new(vm, vm->aio->CancelledError, &f->cancel_message, 1);
}

static Value raise_cancelled(VM *vm, FutureObj *f) {
    Value exc = make_cancelled_error(vm, f);
    if (!IS_NULL(exc))
        vm_raise_value(vm, exc);
    v_decref(vm, exc);
    return VNULL;
}

/* CPython's future_get_result: 0 and *out = result, 1 and *out = the exception (not
 * raised), -1 with an exception raised (cancelled, or not done). */
static int future_get_result(VM *vm, FutureObj *f, Value *out) {
    if (f->state == AIO_CANCELLED) {
        raise_cancelled(vm, f);
        return -1;
    }
    if (f->state != AIO_FINISHED) {
        raise_invalid_state(vm, "Result is not set.");
        return -1;
    }
    f->log_traceback = false;
    if (!IS_NULL(f->exception)) {
        *out = v_incref(f->exception);
        return 1;
    }
    *out = v_incref(f->result);
    return 0;
}

Value aio_future_result(VM *vm, FutureObj *f) {
    Value out;
    int r = future_get_result(vm, f, &out);
    if (r == 1) {
        vm_raise_value(vm, out);
        v_decref(vm, out);
        return VNULL;
    }
    return r < 0 ? VNULL : out;
}

static int future_cancel(VM *vm, FutureObj *f, Value msg) {
    f->log_traceback = false;
    if (f->state != AIO_PENDING)
        return 0;
    f->state = AIO_CANCELLED;
    v_decref(vm, f->cancel_message);
    f->cancel_message = v_incref(msg);
    record_state(vm, f);
    return schedule_callbacks(vm, f) ? 1 : -1;
}

/* ---------------------------------------------------------------- callbacks */

static bool add_callback_entry(VM *vm, FutureObj *f, Value fn, Value context, bool wakeup) {
    if (f->ncbs == f->cap_cbs) {
        size_t cap = f->cap_cbs ? f->cap_cbs * 2 : 2;
        AioCallback *n = ls_realloc(vm, f->cbs, f->cap_cbs * sizeof *n, cap * sizeof *n);
        if (!n) {
            vm_raise(vm, vm->exc_types.MemoryError, "out of memory");
            return false;
        }
        f->cbs = n;
        f->cap_cbs = cap;
    }
    f->cbs[f->ncbs++] = (AioCallback){v_incref(fn), v_incref(context), wakeup};
    AioEvent *e = aio_event(vm, AIO_EV_CALLBACK_ADDED);
    if (e) {
        e->future = f->id;
        if (wakeup)
            e->task = TASK(fn)->fut.id;
        else if (vm->tracer)
            e->str = trace_callback_str(vm, fn); /* "cb(fut)" for the trace */
    }
    return true;
}

/* The builtin standing for a task's wake-up when it must be passed as a callable (to a
 * duck-typed or overriding future); native futures recognise it and store the task. */
static Value task_wakeup_fn(VM *vm, Value *args, int nargs, TupleObj *kwnames);

static bool is_wakeup_builtin(VM *vm, Value fn) {
    return is_exact(vm, fn, vm->types.builtin) && ((BuiltinObj *)AS_OBJ(fn))->fn == task_wakeup_fn;
}

/* add_done_callback on a native future: queued at once when already done. */
static bool future_add_done_callback(VM *vm, FutureObj *f, Value fn, Value context, bool wakeup) {
    if (f->state == AIO_PENDING)
        return add_callback_entry(vm, f, fn, context, wakeup);
    if (!aio_loop_check_closed(vm, f->loop))
        return false;
    obj_incref(&f->hdr);
    if (!aio_loop_push(vm, f->loop, wakeup ? AIO_RUN_WAKEUP : AIO_RUN_DONE_CALLBACK, v_incref(fn),
                       VOBJ(f)))
        return false;
    AioEvent *e = aio_event(vm, AIO_EV_CALLBACK_SCHEDULED);
    if (e) {
        e->future = f->id;
        e->handle = vm->aio->next_id;
    }
    return true;
}

/* Looks up method `name` on a Python subclass only when it overrides the native one. */
static bool overrides(VM *vm, Value fut, const char *name) {
    if (is_exact_future(vm, fut))
        return false;
    StrObj *s = str_intern(vm, name);
    if (!s)
        return true;
    TypeObj *base = aio_is_task(vm, fut) ? vm->aio->task_type : vm->aio->future_type;
    Value mine = type_lookup(base, s);
    Value theirs = type_lookup(AS_OBJ(fut)->type, s);
    obj_decref(vm, &s->hdr);
    return !val_is(mine, theirs);
}

/* o.name(*args, **{kwname: kwval}) through the method protocol. */
static Value call_method_kw(VM *vm, Value o, const char *name, Value *args, int nargs,
                            const char *kwname, Value kwval) {
    StrObj *n = str_intern(vm, name), *k = str_intern(vm, kwname);
    TupleObj *kwnames = k ? tuple_pack(vm, 1, VOBJ(k)) : NULL;
    Value m = VNULL, r = VNULL;
    int how = n && kwnames ? obj_load_method(vm, o, n, &m) : -1;
    if (how >= 0) {
        Value a[8];
        int i = 0;
        if (how)
            a[i++] = o;
        for (int j = 0; j < nargs && i < 7; j++)
            a[i++] = args[j];
        a[i] = kwval;
        r = vm_call(vm, m, a, i, kwnames);
    }
    v_decref(vm, m);
    obj_xdecref(vm, (Obj *)kwnames);
    obj_xdecref(vm, (Obj *)k);
    obj_xdecref(vm, (Obj *)n);
    return r;
}

bool aio_future_add_callback(VM *vm, Value fut, Value fn, Value context) {
    if (aio_is_future(vm, fut) && !overrides(vm, fut, "add_done_callback"))
        return future_add_done_callback(vm, FUT(fut), fn, context, false);
    Value r = call_method_kw(vm, fut, "add_done_callback", &fn, 1, "context", context);
    v_decref(vm, r);
    return !IS_NULL(r);
}

static int task_cancel(VM *vm, TaskObj *t, Value msg);

int aio_future_cancel(VM *vm, Value fut, Value msg) {
    if (aio_is_future(vm, fut) && !overrides(vm, fut, "cancel")) {
        if (FUT(fut)->is_task)
            return task_cancel(vm, TASK(fut), msg);
        return future_cancel(vm, FUT(fut), msg);
    }
    Value r = vm_call_method(vm, fut, "cancel", &msg, 1);
    if (IS_NULL(r))
        return -1;
    int t = obj_truthy(vm, r);
    v_decref(vm, r);
    return t;
}

/* ---------------------------------------------------------------- Future methods */

static Value m_result(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!fut_self(vm, "result", args, nargs) || !args_count(vm, "result", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return aio_future_result(vm, FUT(args[0]));
}

static Value m_exception(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!fut_self(vm, "exception", args, nargs) ||
        !args_count(vm, "exception", nargs - 1, kwnames, 0, 0))
        return VNULL;
    FutureObj *f = FUT(args[0]);
    if (f->state == AIO_CANCELLED)
        return raise_cancelled(vm, f);
    if (f->state != AIO_FINISHED)
        return raise_invalid_state(vm, "Exception is not set.");
    f->log_traceback = false;
    return IS_NULL(f->exception) ? VNONE : v_incref(f->exception);
}

static Value m_set_result(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!fut_self(vm, "set_result", args, nargs) ||
        !args_count(vm, "set_result", nargs - 1, kwnames, 1, 1))
        return VNULL;
    return future_set_result(vm, FUT(args[0]), args[1]) ? VNONE : VNULL;
}

static Value m_set_exception(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!fut_self(vm, "set_exception", args, nargs) ||
        !args_count(vm, "set_exception", nargs - 1, kwnames, 1, 1))
        return VNULL;
    return future_set_exception(vm, FUT(args[0]), args[1]) ? VNONE : VNULL;
}

static Value m_add_done_callback(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"fn", "context"};
    Value a[2];
    if (!fut_self(vm, "add_done_callback", args, nargs) ||
        !args_bind(vm, "add_done_callback", args + 1, nargs - 1, kwnames, names, 2, 1, 1, a))
        return VNULL;
    Value ctx = IS_NULL(a[1]) ? VNONE : a[1];
    bool ok;
    if (is_wakeup_builtin(vm, a[0]))
        ok = future_add_done_callback(vm, FUT(args[0]), ((BuiltinObj *)AS_OBJ(a[0]))->self, ctx,
                                      true);
    else
        ok = future_add_done_callback(vm, FUT(args[0]), a[0], ctx, false);
    return ok ? VNONE : VNULL;
}

/* Removes every callback equal to fn; a task's wake-up matches its wake-up builtin. */
static Value m_remove_done_callback(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!fut_self(vm, "remove_done_callback", args, nargs) ||
        !args_count(vm, "remove_done_callback", nargs - 1, kwnames, 1, 1))
        return VNULL;
    FutureObj *f = FUT(args[0]);
    Value fn = args[1];
    bool wake = is_wakeup_builtin(vm, fn);
    size_t kept = 0, removed = 0;
    for (size_t i = 0; i < f->ncbs; i++) {
        AioCallback cb = f->cbs[i];
        int eq = cb.wakeup ? (wake && val_is(cb.fn, ((BuiltinObj *)AS_OBJ(fn))->self))
                           : (!wake && obj_eq(vm, cb.fn, fn));
        if (eq < 0)
            return VNULL;
        if (eq) {
            removed++;
            v_decref(vm, cb.fn);
            v_decref(vm, cb.context);
        } else {
            f->cbs[kept++] = cb;
        }
        if (i >= f->ncbs) /* a __eq__ may have changed the list */
            break;
    }
    f->ncbs = kept;
    if (removed) {
        AioEvent *e = aio_event(vm, AIO_EV_CALLBACK_REMOVED);
        if (e) {
            e->future = f->id;
            e->value = removed;
            if (vm->tracer && !wake)
                e->str = trace_callback_str(vm, fn);
        }
    }
    return VINT((int64_t)removed);
}

static bool cancel_args(VM *vm, const char *who, Value *args, int nargs, TupleObj *kwnames,
                        Value *msg) {
    static const char *const names[] = {"msg"};
    Value a[1];
    if (!args_bind(vm, who, args + 1, nargs - 1, kwnames, names, 1, 1, 0, a))
        return false;
    *msg = IS_NULL(a[0]) ? VNONE : a[0];
    return true;
}

static Value m_cancel(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    Value msg;
    if (!fut_self(vm, "cancel", args, nargs) ||
        !cancel_args(vm, "cancel", args, nargs, kwnames, &msg))
        return VNULL;
    int r = future_cancel(vm, FUT(args[0]), msg);
    return r < 0 ? VNULL : VBOOL(r);
}

static Value m_cancelled(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!fut_self(vm, "cancelled", args, nargs) ||
        !args_count(vm, "cancelled", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return VBOOL(FUT(args[0])->state == AIO_CANCELLED);
}

static Value m_done(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!fut_self(vm, "done", args, nargs) || !args_count(vm, "done", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return VBOOL(FUT(args[0])->state != AIO_PENDING);
}

static Value m_get_loop(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!fut_self(vm, "get_loop", args, nargs) ||
        !args_count(vm, "get_loop", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return v_incref(VOBJ(FUT(args[0])->loop));
}

static Value m_make_cancelled_error(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!fut_self(vm, "_make_cancelled_error", args, nargs) ||
        !args_count(vm, "_make_cancelled_error", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return make_cancelled_error(vm, FUT(args[0]));
}

/* ---------------------------------------------------------------- await: FutureIter */

typedef struct {
    Obj hdr;
    FutureObj *fut; /* NULL once exhausted */
} FutureIterObj;

static Value m_await(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!fut_self(vm, "__await__", args, nargs) ||
        !args_count(vm, "__await__", nargs - 1, kwnames, 0, 0))
        return VNULL;
    FutureIterObj *it = (FutureIterObj *)obj_alloc(vm, vm->aio->future_iter_type, sizeof *it);
    if (!it)
        return VNULL;
    it->fut = FUT(args[0]);
    obj_incref(&it->fut->hdr);
    return VOBJ(it);
}

/* Future.__await__'s iterator: yields the future while it is pending (with the blocking
 * flag set for the task), then returns its result. */
static int future_iter_next(VM *vm, Value self, Value *out) {
    FutureIterObj *it = (FutureIterObj *)AS_OBJ(self);
    FutureObj *f = it->fut;
    if (!f)
        return 0;
    if (f->state == AIO_PENDING) {
        if (!f->blocking) {
            f->blocking = true;
            *out = v_incref(VOBJ(f));
            return 1;
        }
        vm_raise(vm, vm->exc_types.RuntimeError, "await wasn't used with future");
        return -1;
    }
    it->fut = NULL;
    Value r = aio_future_result(vm, f);
    obj_decref(vm, &f->hdr);
    if (IS_NULL(r))
        return -1;
    if (IS_NONE(r))
        return 0;
    Value exc = exc_new(vm, vm->exc_types.StopIteration, &r, 1);
    v_decref(vm, r);
    if (!IS_NULL(exc))
        vm_raise_value(vm, exc);
    v_decref(vm, exc);
    return -1;
}

static Value fi_next(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)nargs;
    (void)kwnames;
    Value out;
    int r = future_iter_next(vm, args[0], &out);
    if (r > 0)
        return out;
    if (r == 0) {
        Value exc = exc_new(vm, vm->exc_types.StopIteration, NULL, 0);
        if (!IS_NULL(exc))
            vm_raise_value(vm, exc);
        v_decref(vm, exc);
    }
    return VNULL;
}

static Value fi_send(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "send", nargs - 1, kwnames, 1, 1))
        return VNULL;
    return fi_next(vm, args, 1, NULL);
}

static Value fi_iter(VM *vm, Value self) {
    (void)vm;
    return v_incref(self);
}

static void fi_dealloc(VM *vm, Obj *o) {
    FutureIterObj *it = (FutureIterObj *)o;
    obj_xdecref(vm, (Obj *)it->fut);
}

static void fi_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    FutureIterObj *it = (FutureIterObj *)o;
    if (it->fut)
        visit(vm, VOBJ(it->fut), arg);
}

static void fi_clear(VM *vm, Obj *o) {
    FutureIterObj *it = (FutureIterObj *)o;
    FutureObj *f = it->fut;
    it->fut = NULL;
    obj_xdecref(vm, (Obj *)f);
}

/* ---------------------------------------------------------------- attributes */

/* The private attributes CPython's Python code reads (and a few it writes), as properties
 * whose getter/setter is one native bound to the attribute's number. */
enum {
    A_STATE,
    A_RESULT,
    A_EXCEPTION,
    A_LOOP,
    A_CALLBACKS,
    A_CANCEL_MESSAGE,
    A_LOG_TRACEBACK,
    A_BLOCKING,
    A_SOURCE_TB,
    A_CORO, /* tasks from here */
    A_FUT_WAITER,
    A_MUST_CANCEL,
    A_LOG_DESTROY,
    A_NUM_CANCELS,
};

static const struct {
    const char *name;
    bool settable;
} attrs[] = {
    [A_STATE] = {"_state", false},
    [A_RESULT] = {"_result", false},
    [A_EXCEPTION] = {"_exception", false},
    [A_LOOP] = {"_loop", false},
    [A_CALLBACKS] = {"_callbacks", false},
    [A_CANCEL_MESSAGE] = {"_cancel_message", true},
    [A_LOG_TRACEBACK] = {"_log_traceback", true},
    [A_BLOCKING] = {"_asyncio_future_blocking", true},
    [A_SOURCE_TB] = {"_source_traceback", false},
    [A_CORO] = {"_coro", false},
    [A_FUT_WAITER] = {"_fut_waiter", false},
    [A_MUST_CANCEL] = {"_must_cancel", false},
    [A_LOG_DESTROY] = {"_log_destroy_pending", true},
    [A_NUM_CANCELS] = {"_num_cancels_requested", false},
};

static Value or_none(Value v) {
    return IS_NULL(v) ? VNONE : v_incref(v);
}

/* The _callbacks list: (fn, context) pairs, a wake-up as its Task.task_wakeup builtin. */
static Value callbacks_list(VM *vm, FutureObj *f) {
    if (f->ncbs == 0)
        return VNONE;
    ListObj *l = list_new(vm, f->ncbs);
    for (size_t i = 0; l && i < f->ncbs; i++) {
        Value fn = f->cbs[i].wakeup
                       ? builtin_new(vm, "Task.task_wakeup", task_wakeup_fn, f->cbs[i].fn)
                       : v_incref(f->cbs[i].fn);
        TupleObj *t = IS_NULL(fn) ? NULL : tuple_pack(vm, 2, fn, f->cbs[i].context);
        v_decref(vm, fn);
        if (!t || !list_append(vm, l, VOBJ(t))) {
            obj_xdecref(vm, (Obj *)t);
            obj_decref(vm, &l->hdr);
            return VNULL;
        }
        obj_decref(vm, &t->hdr);
    }
    return l ? VOBJ(l) : VNULL;
}

static Value task_attr(TaskObj *t, int which) {
    switch (which) {
    case A_CORO:
        return v_incref(t->coro);
    case A_FUT_WAITER:
        return v_incref(t->fut_waiter);
    case A_MUST_CANCEL:
        return VBOOL(t->must_cancel);
    case A_LOG_DESTROY:
        return VBOOL(t->log_destroy_pending);
    default:
        return VINT(t->num_cancels_requested);
    }
}

static Value attr_get(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)kwnames;
    int which = (int)args[0].as.i;
    if (!check_self(vm, which >= A_CORO ? vm->aio->task_type : vm->aio->future_type,
                    attrs[which].name, args + 1, nargs - 1))
        return VNULL;
    FutureObj *f = FUT(args[1]);
    switch (which) {
    case A_STATE:
        return VOBJ(str_intern(vm, state_names[f->state]));
    case A_RESULT:
        return or_none(f->result);
    case A_EXCEPTION:
        return or_none(f->exception);
    case A_LOOP:
        return f->loop ? v_incref(VOBJ(f->loop)) : VNONE;
    case A_CALLBACKS:
        return callbacks_list(vm, f);
    case A_CANCEL_MESSAGE:
        return v_incref(f->cancel_message);
    case A_LOG_TRACEBACK:
        return VBOOL(f->log_traceback);
    case A_BLOCKING:
        return VBOOL(f->blocking);
    case A_SOURCE_TB:
        return VNONE;
    default:
        return task_attr((TaskObj *)f, which);
    }
}

static Value attr_set(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)kwnames;
    int which = (int)args[0].as.i;
    if (nargs != 3 || !check_self(vm, which >= A_CORO ? vm->aio->task_type : vm->aio->future_type,
                                  attrs[which].name, args + 1, nargs - 1))
        return VNULL;
    FutureObj *f = FUT(args[1]);
    Value v = args[2];
    if (which == A_CANCEL_MESSAGE) {
        v_decref(vm, f->cancel_message);
        f->cancel_message = v_incref(v);
        return VNONE;
    }
    int truth = obj_truthy(vm, v);
    if (truth < 0)
        return VNULL;
    if (which == A_LOG_TRACEBACK) {
        if (truth)
            return vm_raise(vm, vm->exc_types.ValueError,
                            "_log_traceback can only be set to False");
        f->log_traceback = false;
    } else if (which == A_BLOCKING) {
        f->blocking = truth;
    } else {
        ((TaskObj *)f)->log_destroy_pending = truth;
    }
    return VNONE;
}

static bool add_attr(VM *vm, TypeObj *t, int which) {
    Value get = builtin_new(vm, attrs[which].name, attr_get, VINT(which));
    Value set =
        attrs[which].settable ? builtin_new(vm, attrs[which].name, attr_set, VINT(which)) : VNONE;
    Value prop = VNULL;
    if (!IS_NULL(get) && !IS_NULL(set)) {
        Value pa[2] = {get, set};
        prop = vm_call(vm, VOBJ(vm->types.property), pa, 2, NULL);
    }
    v_decref(vm, get);
    v_decref(vm, set);
    bool ok = !IS_NULL(prop) && dict_set_cstr(vm, t->dict, attrs[which].name, prop) == 0;
    v_decref(vm, prop);
    return ok;
}

/* ---------------------------------------------------------------- creation */

static void init_fields(FutureObj *f) {
    f->result = f->exception = f->cancelled_exc = VNULL;
    f->cancel_message = VNONE;
}

static Value future_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    FutureObj *f = (FutureObj *)obj_alloc(vm, type, type->instance_size);
    if (!f)
        return VNULL;
    init_fields(f);
    if (type_is_subtype(type, vm->aio->task_type)) {
        TaskObj *t = (TaskObj *)f;
        t->coro = t->context = t->fut_waiter = VNONE;
        t->name = VNULL;
        f->is_task = true;
    }
    return VOBJ(f);
}

/* Binds a future to `loop` (None: the current loop, as Future() without loop= does). */
static bool future_init(VM *vm, FutureObj *f, Value loop) {
    LoopObj *l;
    if (IS_NULL(loop) || IS_NONE(loop)) {
        l = aio_get_event_loop(vm);
        if (!l)
            return false;
    } else if (aio_is_loop(vm, loop)) {
        l = (LoopObj *)AS_OBJ(loop);
        obj_incref(&l->hdr);
    } else {
        vm_raise(vm, vm->exc_types.TypeError, "loop must be an event loop, not '%s'",
                 val_type_name(vm, loop));
        return false;
    }
    obj_xdecref(vm, (Obj *)f->loop);
    f->loop = l;
    f->id = aio_new_id(vm->aio);
    if (!f->is_task) {
        AioEvent *e = aio_event(vm, AIO_EV_FUTURE_CREATED);
        if (e)
            e->future = f->id;
    }
    return true;
}

FutureObj *aio_future_new(VM *vm, LoopObj *loop) {
    FutureObj *f = (FutureObj *)obj_alloc(vm, vm->aio->future_type, sizeof(FutureObj));
    if (!f)
        return NULL;
    init_fields(f);
    if (!future_init(vm, f, VOBJ(loop))) {
        obj_decref(vm, &f->hdr);
        return NULL;
    }
    return f;
}

static Value future_init_method(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"loop"};
    Value a[1];
    if (!check_self(vm, vm->aio->future_type, "__init__", args, nargs) ||
        !args_bind(vm, "Future", args + 1, nargs - 1, kwnames, names, 1, 0, 0, a))
        return VNULL;
    return future_init(vm, FUT(args[0]), a[0]) ? VNONE : VNULL;
}

/* ---------------------------------------------------------------- finalization */

/* CPython's FutureObj_finalize: "<Class> exception was never retrieved". */
static void future_finalize(VM *vm, FutureObj *f) {
    if (!f->log_traceback || !vm->aio || !f->loop)
        return;
    f->log_traceback = false;
    StrBuf sb;
    sb_init(&sb);
    sb_printf(vm, &sb, "%s exception was never retrieved", f->hdr.type->name->data);
    StrObj *msg = sb_finish(vm, &sb);
    if (msg) {
        aio_loop_report(vm, f->loop, msg->data, "future", VOBJ(f), f->exception);
        obj_decref(vm, &msg->hdr);
    }
}

static void task_finalize(VM *vm, TaskObj *t) {
    if (t->fut.state == AIO_PENDING && t->log_destroy_pending && vm->aio && t->fut.loop)
        aio_loop_report(vm, t->fut.loop, "Task was destroyed but it is pending!", "task", VOBJ(t),
                        VNULL);
}

static void release_callbacks(VM *vm, FutureObj *f) {
    AioCallback *cbs = f->cbs;
    size_t n = f->ncbs, cap = f->cap_cbs;
    f->cbs = NULL;
    f->ncbs = f->cap_cbs = 0;
    for (size_t i = 0; i < n; i++) {
        v_decref(vm, cbs[i].fn);
        v_decref(vm, cbs[i].context);
    }
    ls_free(vm, cbs, cap * sizeof *cbs);
}

static void unlink_task(VM *vm, TaskObj *t);

/* Drops every reference the future holds (dealloc and the cycle breaker). */
static void future_clear(VM *vm, Obj *o) {
    FutureObj *f = (FutureObj *)o;
    if (f->is_task) {
        TaskObj *t = (TaskObj *)f;
        Value c = t->coro, ctx = t->context, n = t->name, w = t->fut_waiter;
        t->coro = t->context = t->fut_waiter = VNONE;
        t->name = VNULL;
        v_decref(vm, c);
        v_decref(vm, ctx);
        v_decref(vm, n);
        v_decref(vm, w);
    }
    Value r = f->result, e = f->exception, m = f->cancel_message, ce = f->cancelled_exc;
    f->result = f->exception = f->cancelled_exc = VNULL;
    f->cancel_message = VNONE;
    v_decref(vm, r);
    v_decref(vm, e);
    v_decref(vm, m);
    v_decref(vm, ce);
    release_callbacks(vm, f);
    DictObj *d = f->dict;
    f->dict = NULL;
    obj_xdecref(vm, (Obj *)d);
    LoopObj *l = f->loop;
    f->loop = NULL;
    obj_xdecref(vm, (Obj *)l);
}

static void future_dealloc(VM *vm, Obj *o) {
    FutureObj *f = (FutureObj *)o;
    o->refcnt++; /* alive while the finalizers run (they pass it to the handler) */
    if (f->is_task && !f->finalized)
        task_finalize(vm, (TaskObj *)f);
    if (!f->finalized)
        future_finalize(vm, f);
    o->refcnt--;
    if (f->is_task)
        unlink_task(vm, (TaskObj *)f);
    future_clear(vm, o);
}

static void future_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    FutureObj *f = (FutureObj *)o;
    if (f->dict)
        visit(vm, VOBJ(f->dict), arg);
    if (f->loop)
        visit(vm, VOBJ(f->loop), arg);
    visit(vm, f->result, arg);
    visit(vm, f->exception, arg);
    visit(vm, f->cancel_message, arg);
    visit(vm, f->cancelled_exc, arg);
    for (size_t i = 0; i < f->ncbs; i++) {
        visit(vm, f->cbs[i].fn, arg);
        visit(vm, f->cbs[i].context, arg);
    }
    if (f->is_task) {
        TaskObj *t = (TaskObj *)f;
        visit(vm, t->coro, arg);
        visit(vm, t->context, arg);
        visit(vm, t->name, arg);
        visit(vm, t->fut_waiter, arg);
    }
}

/* ---------------------------------------------------------------- the live-task list */

static void link_task(VM *vm, TaskObj *t) {
    AioState *aio = vm->aio;
    t->all_prev = aio->all_tasks_tail;
    t->all_next = NULL;
    if (aio->all_tasks_tail)
        aio->all_tasks_tail->all_next = t;
    else
        aio->all_tasks = t;
    aio->all_tasks_tail = t;
}

static void unlink_task(VM *vm, TaskObj *t) {
    AioState *aio = vm->aio;
    if (!aio || (!t->all_prev && aio->all_tasks != t))
        return; /* never linked */
    if (t->all_prev)
        t->all_prev->all_next = t->all_next;
    else
        aio->all_tasks = t->all_next;
    if (t->all_next)
        t->all_next->all_prev = t->all_prev;
    else
        aio->all_tasks_tail = t->all_prev;
    t->all_prev = t->all_next = NULL;
}

/* ---------------------------------------------------------------- Task creation */

static bool call_step_soon(VM *vm, TaskObj *t, Value exc_steal) {
    obj_incref(&t->fut.hdr);
    return aio_loop_push(vm, t->fut.loop, AIO_RUN_STEP, VOBJ(t), exc_steal);
}

static bool task_init(VM *vm, TaskObj *t, Value coro, Value loop, Value name, Value context) {
    if (!future_init(vm, &t->fut, loop))
        return false;
    if (!aio_iscoroutine(vm, coro)) {
        t->log_destroy_pending = false;
        StrObj *r = obj_repr(vm, coro);
        if (r) {
            vm_raise(vm, vm->exc_types.TypeError, "a coroutine was expected, got %s", r->data);
            obj_decref(vm, &r->hdr);
        }
        return false;
    }
    v_decref(vm, t->context);
    t->context = v_incref(IS_NULL(context) ? VNONE : context);
    v_decref(vm, t->fut_waiter);
    t->fut_waiter = VNONE;
    t->must_cancel = false;
    t->log_destroy_pending = true;
    t->num_cancels_requested = 0;
    v_decref(vm, t->coro);
    t->coro = v_incref(coro);
    v_decref(vm, t->name);
    t->name = VNULL;
    if (IS_NULL(name) || IS_NONE(name)) {
        t->name_num = ++vm->aio->task_counter;
    } else {
        StrObj *s = obj_str(vm, name);
        if (!s)
            return false;
        t->name = VOBJ(s);
    }
    AioEvent *e = aio_event(vm, AIO_EV_TASK_CREATED);
    if (e) {
        e->task = e->future = t->fut.id;
        char buf[32];
        snprintf(buf, sizeof buf, "Task-%llu", (unsigned long long)t->name_num);
        e->str = aio_event_str(vm, IS_NULL(t->name) ? buf : ((StrObj *)AS_OBJ(t->name))->data);
    }
    if (!call_step_soon(vm, t, VNULL))
        return false;
    link_task(vm, t);
    return true;
}

TaskObj *aio_task_new(VM *vm, LoopObj *loop, Value coro, Value name, Value context) {
    Value v = future_tp_new(vm, vm->aio->task_type, NULL, 0, NULL);
    if (IS_NULL(v))
        return NULL;
    if (!task_init(vm, TASK(v), coro, VOBJ(loop), name, context)) {
        v_decref(vm, v);
        return NULL;
    }
    return TASK(v);
}

static Value task_init_method(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"coro", "loop", "name", "context"};
    Value a[4];
    if (!check_self(vm, vm->aio->task_type, "__init__", args, nargs) ||
        !args_bind(vm, "Task", args + 1, nargs - 1, kwnames, names, 4, 1, 1, a))
        return VNULL;
    return task_init(vm, TASK(args[0]), a[0], a[1], a[2], a[3]) ? VNONE : VNULL;
}

/* ---------------------------------------------------------------- stepping */

static bool enter_task(VM *vm, TaskObj *t) {
    LoopObj *l = t->fut.loop;
    if (l->current_task) {
        StrObj *a = obj_repr(vm, VOBJ(t)), *b = a ? obj_repr(vm, VOBJ(l->current_task)) : NULL;
        if (b)
            vm_raise(vm, vm->exc_types.RuntimeError,
                     "Cannot enter into task %s while another task %s is being executed.", a->data,
                     b->data);
        obj_xdecref(vm, (Obj *)a);
        obj_xdecref(vm, (Obj *)b);
        return false;
    }
    l->current_task = t;
    return true;
}

static void leave_task(TaskObj *t) {
    if (t->fut.loop->current_task == t)
        t->fut.loop->current_task = NULL;
}

/* Queues __step(RuntimeError(message)) for a task that yielded something unusable. */
static bool set_error_soon(VM *vm, TaskObj *t, const char *fmt, Value a, Value b) {
    StrObj *ra = obj_repr(vm, a), *rb = ra && !IS_NULL(b) ? obj_repr(vm, b) : NULL;
    if (!ra || (!IS_NULL(b) && !rb)) {
        obj_xdecref(vm, (Obj *)ra);
        return false;
    }
    StrObj *msg = rb ? str_printf(vm, fmt, ra->data, rb->data) : str_printf(vm, fmt, ra->data);
    obj_decref(vm, &ra->hdr);
    obj_xdecref(vm, (Obj *)rb);
    if (!msg)
        return false;
    Value arg = VOBJ(msg);
    Value exc = exc_new(vm, vm->exc_types.RuntimeError, &arg, 1);
    obj_decref(vm, &msg->hdr);
    return !IS_NULL(exc) && call_step_soon(vm, t, exc);
}

static void record_suspend(VM *vm, TaskObj *t, uint32_t future) {
    AioEvent *e = aio_event(vm, AIO_EV_TASK_SUSPENDED);
    if (e) {
        e->task = t->fut.id;
        e->future = future;
        /* where the task's own coroutine stands, not the innermost frame */
        if (is_coro(vm, t->coro) && ((GenObj *)AS_OBJ(t->coro))->frame) {
            FrameObj *fr = ((GenObj *)AS_OBJ(t->coro))->frame;
            int lasti = frame_lasti(fr);
            e->line = lasti >= 0 ? fr->code->pos[lasti].line : fr->code->firstline;
            e->file = aio_event_str(vm, fr->code->filename->data);
        }
    }
}

/* After a future was yielded: if the task was cancelled meanwhile, cancel that future. */
static bool cancel_waiter_if_needed(VM *vm, TaskObj *t, Value fut) {
    if (!t->must_cancel)
        return true;
    int r = aio_future_cancel(vm, fut, t->fut.cancel_message);
    if (r < 0)
        return false;
    if (r)
        t->must_cancel = false;
    return true;
}

/* The loop a duck-typed future belongs to: get_loop() if it has one, else ._loop. */
static Value duck_future_loop(VM *vm, Value fut) {
    Value loop = vm_call_method(vm, fut, "get_loop", NULL, 0);
    if (IS_NULL(loop) && vm_exc_matches(vm, vm->exc_types.AttributeError)) {
        vm_exc_clear(vm);
        loop = obj_getattr_cstr(vm, fut, "_loop");
    }
    return loop;
}

/* A yielded object that has _asyncio_future_blocking: a subclass or duck-typed future. */
static bool handle_duck_future(VM *vm, TaskObj *t, Value r, Value blocking_v) {
    int blocking = obj_truthy(vm, blocking_v);
    if (blocking < 0)
        return false;
    Value loop = duck_future_loop(vm, r);
    if (IS_NULL(loop))
        return false;
    bool same = IS_OBJ(loop) && AS_OBJ(loop) == &t->fut.loop->hdr;
    v_decref(vm, loop);
    if (!same)
        return set_error_soon(vm, t, "Task %s got Future %s attached to a different loop", VOBJ(t),
                              r);
    if (!blocking)
        return set_error_soon(vm, t, "yield was used instead of yield from in task %s with %s",
                              VOBJ(t), r);
    if (obj_setattr(vm, r, vm->aio->names._asyncio_future_blocking, VBOOL(false)) < 0)
        return false;
    Value wake = builtin_new(vm, "Task.task_wakeup", task_wakeup_fn, VOBJ(t));
    if (IS_NULL(wake))
        return false;
    bool ok = aio_future_add_callback(vm, r, wake, t->context);
    v_decref(vm, wake);
    if (!ok)
        return false;
    v_decref(vm, t->fut_waiter);
    t->fut_waiter = v_incref(r);
    record_suspend(vm, t, aio_is_future(vm, r) ? FUT(r)->id : 0);
    return cancel_waiter_if_needed(vm, t, r);
}

/* The coroutine yielded `r` (borrowed): decide how the task continues (3.2 step 6). */
static bool task_yielded(VM *vm, TaskObj *t, Value r) {
    if (IS_OBJ(r) && AS_OBJ(r) == &t->fut.hdr)
        return set_error_soon(vm, t, "Task cannot await on itself: %s", VOBJ(t), VNULL);
    if (is_exact_future(vm, r)) {
        FutureObj *f = FUT(r);
        if (f->loop != t->fut.loop)
            return set_error_soon(vm, t, "Task %s got Future %s attached to a different loop",
                                  VOBJ(t), r);
        if (!f->blocking)
            return set_error_soon(vm, t, "yield was used instead of yield from in task %s with %s",
                                  VOBJ(t), r);
        f->blocking = false;
        if (!future_add_done_callback(vm, f, VOBJ(t), t->context, true))
            return false;
        v_decref(vm, t->fut_waiter);
        t->fut_waiter = v_incref(r);
        record_suspend(vm, t, f->id);
        return cancel_waiter_if_needed(vm, t, r);
    }
    if (IS_NONE(r)) {
        record_suspend(vm, t, 0);
        return call_step_soon(vm, t, VNULL);
    }
    Value o = obj_getattr_opt(vm, r, vm->aio->names._asyncio_future_blocking);
    if (IS_NULL(o) && !IS_NULL(vm->exc))
        return false;
    if (!IS_NULL(o) && !IS_NONE(o)) {
        bool ok = handle_duck_future(vm, t, r, o);
        v_decref(vm, o);
        return ok;
    }
    v_decref(vm, o);
    if (is_gen(vm, r))
        return set_error_soon(vm, t,
                              "yield was used instead of yield from for generator in task %s "
                              "with %s",
                              VOBJ(t), r);
    return set_error_soon(vm, t, "Task got bad yield: %s", r, VNULL);
}

/* The coroutine finished with the pending exception (or returned `value`). */
static bool task_finished(VM *vm, TaskObj *t, SendResult how, Value value) {
    if (how == SEND_RETURN) {
        bool ok;
        if (t->must_cancel) {
            t->must_cancel = false;
            ok = future_cancel(vm, &t->fut, t->fut.cancel_message) >= 0;
        } else {
            ok = future_set_result(vm, &t->fut, value);
        }
        v_decref(vm, value);
        return ok;
    }
    Value exc = vm_exc_take(vm);
    if (val_isinstance(vm, exc, vm->aio->CancelledError)) {
        v_decref(vm, t->fut.cancelled_exc);
        t->fut.cancelled_exc = exc;
        return future_cancel(vm, &t->fut, VNONE) >= 0;
    }
    bool fatal = val_isinstance(vm, exc, vm->exc_types.KeyboardInterrupt) ||
                 val_isinstance(vm, exc, vm->exc_types.SystemExit);
    if (!future_set_exception_steal(vm, &t->fut, v_incref(exc))) {
        v_decref(vm, exc);
        return false;
    }
    if (fatal)
        vm_raise_value(vm, exc); /* escapes the loop (ASYNCIO.md 7.4) */
    v_decref(vm, exc);
    return !fatal;
}

/* Resumes the coroutine: send(None), or throw(exc). */
static SendResult resume(VM *vm, TaskObj *t, Value exc, Value *out) {
    AioEvent *e = aio_event(vm, AIO_EV_TASK_RESUMED);
    if (e) {
        e->task = t->fut.id;
        e->detail = !IS_NULL(exc);
    }
    if (IS_NULL(exc))
        return vm_send(vm, t->coro, VNONE, out);
    *out = vm_call_method(vm, t->coro, "throw", &exc, 1);
    if (!IS_NULL(*out))
        return SEND_NEXT;
    return vm_take_stop_iteration(vm, out) ? SEND_RETURN : SEND_ERROR;
}

/* CPython's task_step_impl. `exc` borrowed (V_NULL: send None). */
static bool task_step_impl(VM *vm, TaskObj *t, Value exc) {
    if (t->fut.state != AIO_PENDING) {
        StrObj *r = obj_repr(vm, VOBJ(t));
        if (r) {
            vm_raise(vm, vm->aio->InvalidStateError, "_step(): already done: %s", r->data);
            obj_decref(vm, &r->hdr);
        }
        return false;
    }
    Value made = VNULL;
    if (t->must_cancel) {
        if (IS_NULL(exc) || !val_isinstance(vm, exc, vm->aio->CancelledError)) {
            made = make_cancelled_error(vm, &t->fut);
            if (IS_NULL(made))
                return false;
            exc = made;
        }
        t->must_cancel = false;
    }
    v_decref(vm, t->fut_waiter);
    t->fut_waiter = VNONE;
    Value r;
    SendResult how = resume(vm, t, exc, &r);
    v_decref(vm, made);
    if (how != SEND_NEXT)
        return task_finished(vm, t, how, r);
    bool ok = task_yielded(vm, t, r);
    v_decref(vm, r);
    return ok;
}

static bool task_step(VM *vm, TaskObj *t, Value exc) {
    if (!enter_task(vm, t))
        return false;
    bool ok = task_step_impl(vm, t, exc);
    leave_task(t);
    return ok;
}

/* __wakeup(fut): the awaited future is done; step with its exception or with nothing. */
static bool task_wakeup(VM *vm, TaskObj *t, Value fut) {
    Value res;
    if (is_exact_future(vm, fut)) {
        int r = future_get_result(vm, FUT(fut), &res);
        if (r >= 0) {
            bool ok = task_step(vm, t, r == 1 ? res : VNULL);
            v_decref(vm, res);
            return ok;
        }
    } else {
        res = vm_call_method(vm, fut, "result", NULL, 0);
        if (!IS_NULL(res)) {
            v_decref(vm, res);
            return task_step(vm, t, VNULL);
        }
    }
    Value exc = vm_exc_take(vm);
    bool ok = task_step(vm, t, exc);
    v_decref(vm, exc);
    return ok;
}

static Value task_wakeup_fn(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)kwnames;
    if (nargs != 2 || !aio_is_task(vm, args[0]))
        return vm_raise(vm, vm->exc_types.TypeError, "task_wakeup() takes exactly 1 argument");
    obj_incref(AS_OBJ(args[0]));
    bool ok = task_wakeup(vm, TASK(args[0]), args[1]);
    v_decref(vm, args[0]);
    return ok ? VNONE : VNULL;
}

bool aio_task_run(VM *vm, AioReady *item) {
    TaskObj *t = TASK(item->fn);
    if (item->kind == AIO_RUN_WAKEUP)
        return task_wakeup(vm, t, item->arg);
    return task_step(vm, t, item->arg);
}

/* ---------------------------------------------------------------- Task methods */

/* Task.cancel (4.2): counts the request; cancels the awaited future, else _must_cancel. */
static int task_cancel(VM *vm, TaskObj *t, Value msg) {
    t->fut.log_traceback = false;
    if (t->fut.state != AIO_PENDING)
        return 0;
    t->num_cancels_requested++;
    AioEvent *e = aio_event(vm, AIO_EV_TASK_CANCEL);
    if (e) {
        e->task = t->fut.id;
        e->value = (uint64_t)t->num_cancels_requested;
    }
    if (!IS_NONE(t->fut_waiter)) {
        int r = aio_future_cancel(vm, t->fut_waiter, msg);
        if (r != 0)
            return r;
    }
    t->must_cancel = true;
    v_decref(vm, t->fut.cancel_message);
    t->fut.cancel_message = v_incref(msg);
    return 1;
}

static Value t_cancel(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    Value msg;
    if (!task_self(vm, "cancel", args, nargs) ||
        !cancel_args(vm, "cancel", args, nargs, kwnames, &msg))
        return VNULL;
    int r = task_cancel(vm, TASK(args[0]), msg);
    return r < 0 ? VNULL : VBOOL(r);
}

static Value t_cancelling(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!task_self(vm, "cancelling", args, nargs) ||
        !args_count(vm, "cancelling", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return VINT(TASK(args[0])->num_cancels_requested);
}

static Value t_uncancel(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!task_self(vm, "uncancel", args, nargs) ||
        !args_count(vm, "uncancel", nargs - 1, kwnames, 0, 0))
        return VNULL;
    TaskObj *t = TASK(args[0]);
    if (t->num_cancels_requested > 0)
        t->num_cancels_requested--;
    return VINT(t->num_cancels_requested);
}

static Value t_get_coro(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!task_self(vm, "get_coro", args, nargs) ||
        !args_count(vm, "get_coro", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return v_incref(TASK(args[0])->coro);
}

static Value t_get_context(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!task_self(vm, "get_context", args, nargs) ||
        !args_count(vm, "get_context", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return v_incref(TASK(args[0])->context);
}

/* The name, made on first request for default names ("Task-7"). */
static Value task_name(VM *vm, TaskObj *t) {
    if (IS_NULL(t->name)) {
        StrObj *s = str_printf(vm, "Task-%llu", (unsigned long long)t->name_num);
        if (!s)
            return VNULL;
        t->name = VOBJ(s);
    }
    return v_incref(t->name);
}

static Value t_get_name(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!task_self(vm, "get_name", args, nargs) ||
        !args_count(vm, "get_name", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return task_name(vm, TASK(args[0]));
}

static Value t_set_name(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!task_self(vm, "set_name", args, nargs) ||
        !args_count(vm, "set_name", nargs - 1, kwnames, 1, 1))
        return VNULL;
    StrObj *s = obj_str(vm, args[1]);
    if (!s)
        return VNULL;
    TaskObj *t = TASK(args[0]);
    v_decref(vm, t->name);
    t->name = VOBJ(s);
    return VNONE;
}

static Value t_set_result(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    return vm_raise(vm, vm->exc_types.RuntimeError, "Task does not support set_result operation");
}

static Value t_set_exception(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    return vm_raise(vm, vm->exc_types.RuntimeError,
                    "Task does not support set_exception operation");
}

static Value t_get_stack(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"limit"};
    Value a[1];
    if (!task_self(vm, "get_stack", args, nargs) ||
        !args_bind(vm, "get_stack", args + 1, nargs - 1, kwnames, names, 1, 0, 0, a))
        return VNULL;
    ListObj *l = list_new(vm, 0);
    return l ? VOBJ(l) : VNULL;
}

/* ---------------------------------------------------------------- reprs */

static StrObj *repr_via(VM *vm, const char *fn, Value self) {
    Value r = call_lib(vm, fn, &self, 1);
    if (IS_NULL(r))
        return NULL;
    if (!IS_STR(vm, r)) {
        v_decref(vm, r);
        vm_raise(vm, vm->exc_types.TypeError, "%s returned a non-string", fn);
        return NULL;
    }
    return (StrObj *)AS_OBJ(r);
}

StrObj *aio_future_repr(VM *vm, Value self) {
    return repr_via(vm, "_future_repr", self);
}

static StrObj *task_repr(VM *vm, Value self) {
    return repr_via(vm, "_task_repr", self);
}

/* ---------------------------------------------------------------- types */

static bool add_methods(VM *vm, TypeObj *t, const char *const *names, const NativeFn *fns,
                        size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!type_add_method(vm, t, names[i], fns[i]))
            return false;
    return true;
}

static Value future_iter_slot(VM *vm, Value self) {
    Value args[1] = {self};
    return m_await(vm, args, 1, NULL);
}

static bool future_type_init(VM *vm, AioState *aio) {
    TypeObj *t = type_new_builtin(vm, "Future", NULL, sizeof(FutureObj), TF_BASETYPE | TF_HAS_DICT);
    if (!t)
        return false;
    aio->future_type = t;
    t->dealloc = future_dealloc;
    t->traverse = future_traverse;
    t->clear = future_clear;
    t->tp_new = future_tp_new;
    t->repr = aio_future_repr;
    t->iter = future_iter_slot;
    static const char *const names[] = {"__init__",
                                        "result",
                                        "exception",
                                        "set_result",
                                        "set_exception",
                                        "add_done_callback",
                                        "remove_done_callback",
                                        "cancel",
                                        "cancelled",
                                        "done",
                                        "get_loop",
                                        "_make_cancelled_error",
                                        "__await__",
                                        "__iter__"};
    static const NativeFn fns[] = {future_init_method,
                                   m_result,
                                   m_exception,
                                   m_set_result,
                                   m_set_exception,
                                   m_add_done_callback,
                                   m_remove_done_callback,
                                   m_cancel,
                                   m_cancelled,
                                   m_done,
                                   m_get_loop,
                                   m_make_cancelled_error,
                                   m_await,
                                   m_await};
    if (!add_methods(vm, t, names, fns, sizeof fns / sizeof fns[0]))
        return false;
    for (int i = A_STATE; i < A_CORO; i++)
        if (!add_attr(vm, t, i))
            return false;
    return true;
}

static bool task_type_init(VM *vm, AioState *aio) {
    TypeObj *t =
        type_new_builtin(vm, "Task", aio->future_type, sizeof(TaskObj), TF_BASETYPE | TF_HAS_DICT);
    if (!t)
        return false;
    aio->task_type = t;
    t->repr = task_repr;
    static const char *const names[] = {"__init__",  "cancel",      "cancelling",   "uncancel",
                                        "get_coro",  "get_context", "get_name",     "set_name",
                                        "get_stack", "set_result",  "set_exception"};
    static const NativeFn fns[] = {task_init_method, t_cancel,      t_cancelling,   t_uncancel,
                                   t_get_coro,       t_get_context, t_get_name,     t_set_name,
                                   t_get_stack,      t_set_result,  t_set_exception};
    if (!add_methods(vm, t, names, fns, sizeof fns / sizeof fns[0]))
        return false;
    for (int i = A_CORO; i <= A_NUM_CANCELS; i++)
        if (!add_attr(vm, t, i))
            return false;
    return true;
}

static bool future_iter_type_init(VM *vm, AioState *aio) {
    TypeObj *t = type_new_builtin(vm, "FutureIter", NULL, sizeof(FutureIterObj), 0);
    if (!t)
        return false;
    aio->future_iter_type = t;
    t->dealloc = fi_dealloc;
    t->traverse = fi_traverse;
    t->clear = fi_clear;
    t->next = future_iter_next;
    t->iter = fi_iter;
    return type_add_method(vm, t, "__next__", fi_next) && type_add_method(vm, t, "send", fi_send);
}

static bool set_module(VM *vm, TypeObj *t, const char *module) {
    StrObj *m = str_intern(vm, module);
    if (!m)
        return false;
    obj_xdecref(vm, (Obj *)t->module);
    t->module = m;
    return true;
}

bool aio_future_types_init(VM *vm, AioState *aio, Value module) {
    DictObj *d = ((ModuleObj *)AS_OBJ(module))->dict;
    return future_type_init(vm, aio) && task_type_init(vm, aio) && future_iter_type_init(vm, aio) &&
           set_module(vm, aio->future_type, "_asyncio") &&
           set_module(vm, aio->task_type, "_asyncio") &&
           set_module(vm, aio->future_iter_type, "_asyncio") && type_ready(vm, aio->future_type) &&
           type_ready(vm, aio->task_type) && type_ready(vm, aio->future_iter_type) &&
           dict_set_cstr(vm, d, "Future", VOBJ(aio->future_type)) == 0 &&
           dict_set_cstr(vm, d, "Task", VOBJ(aio->task_type)) == 0;
}

/* asyncio.isfuture(obj). */
int aio_isfuture(VM *vm, Value v) {
    if (aio_is_future(vm, v))
        return 1;
    StrObj *name = vm->aio->names._asyncio_future_blocking;
    Value cls_attr = type_lookup(val_type(vm, v), name);
    int r = 0;
    if (!IS_NULL(cls_attr)) {
        Value o = obj_getattr_opt(vm, v, name);
        if (IS_NULL(o) && !IS_NULL(vm->exc))
            r = -1;
        else
            r = !IS_NULL(o) && !IS_NONE(o);
        v_decref(vm, o);
    }
    return r;
}

/* ---------------------------------------------------------------- exit */

/* Finalizes one task as the collector would, then closes its suspended coroutine. */
static void finalize_at_exit(VM *vm, TaskObj *t) {
    t->fut.finalized = true;
    task_finalize(vm, t);
    future_finalize(vm, &t->fut);
    if (t->fut.state == AIO_PENDING && is_coro(vm, t->coro) &&
        ((GenObj *)AS_OBJ(t->coro))->state == GEN_SUSPENDED) {
        Value r = vm_call_method(vm, t->coro, "close", NULL, 0);
        if (IS_NULL(r))
            vm_exc_clear(vm);
        v_decref(vm, r);
    }
}

void aio_at_exit(VM *vm) {
    AioState *aio = vm->aio;
    if (!aio || vm->step_limit_hit)
        return;
    /* the list may change while finalizers run: walk a snapshot of strong references */
    size_t n = 0;
    for (TaskObj *t = aio->all_tasks; t; t = t->all_next)
        n++;
    TaskObj **snap = n ? ls_alloc(vm, n * sizeof *snap) : NULL;
    if (!snap)
        return;
    size_t k = 0;
    for (TaskObj *t = aio->all_tasks; t && k < n; t = t->all_next) {
        obj_incref(&t->fut.hdr);
        snap[k++] = t;
    }
    for (size_t i = 0; i < k; i++)
        if (!snap[i]->fut.finalized &&
            (snap[i]->fut.state == AIO_PENDING ? snap[i]->log_destroy_pending
                                               : snap[i]->fut.log_traceback))
            finalize_at_exit(vm, snap[i]);
    for (size_t i = 0; i < k; i++)
        obj_decref(vm, &snap[i]->fut.hdr);
    ls_free(vm, snap, n * sizeof *snap);
}
