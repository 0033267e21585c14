/*
 * aio_module.c - the `asyncio` module object: its native functions (iscoroutine,
 * iscoroutinefunction, the loop getters ...), its exception classes, and the loader that
 * runs the embedded Python half (engine/aio_lib.py) in the module's namespace.
 *
 * Order on first import: the native core registers its types and functions, then the
 * library's Python code runs on top of them (sleep, gather, wait, locks, queues ...), so the
 * Python side sees every native name as a global.
 *
 * Not for: the loop itself (aio_loop.c), Future/Task (aio_future.c).
 */
#include <stdlib.h>
#include <string.h>

#include "aio.h"
#include "compiler.h"
#include "objimpl.h"

/* ---------------------------------------------------------------- helpers */

static bool add_function(VM *vm, Value module, const char *name, NativeFn fn) {
    Value f = builtin_new(vm, name, fn, VNULL);
    if (IS_NULL(f))
        return false;
    int r = dict_set_cstr(vm, ((ModuleObj *)AS_OBJ(module))->dict, name, f);
    v_decref(vm, f);
    return r == 0;
}

/* ---------------------------------------------------------------- coroutine checks */

/* Does type t (or a base) define `name` as something other than None? (abc's _check_methods) */
static bool has_method(VM *vm, TypeObj *t, const char *name) {
    StrObj *s = str_intern(vm, name);
    if (!s)
        return false;
    Value v = type_lookup(t, s);
    obj_decref(vm, &s->hdr);
    return !IS_NULL(v) && !IS_NONE(v);
}

/* asyncio.iscoroutine: a native coroutine, a generator, or a collections.abc.Coroutine
 * (a class with __await__, send, throw and close). */
bool aio_iscoroutine(VM *vm, Value v) {
    if (is_coro(vm, v) || is_gen(vm, v))
        return true;
    if (!IS_OBJ(v))
        return false;
    TypeObj *t = val_type(vm, v);
    return has_method(vm, t, "__await__") && has_method(vm, t, "send") &&
           has_method(vm, t, "throw") && has_method(vm, t, "close");
}

static Value m_iscoroutine(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "iscoroutine", nargs, kwnames, 1, 1))
        return VNULL;
    return VBOOL(aio_iscoroutine(vm, args[0]));
}

/* inspect.iscoroutinefunction: unwraps bound methods and functools.partial, then checks the
 * code's CO_COROUTINE flag; asyncio adds the legacy `_is_coroutine` marker (never set here). */
static Value m_iscoroutinefunction(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "iscoroutinefunction", nargs, kwnames, 1, 1))
        return VNULL;
    Value f = v_incref(args[0]);
    for (int guard = 0; guard < 100 && IS_OBJ(f); guard++) {
        Value inner = VNULL;
        if (AS_OBJ(f)->type == vm->types.method)
            inner = v_incref(((MethodObj *)AS_OBJ(f))->func);
        else if (val_isinstance(vm, f, vm->types.partial))
            inner = obj_getattr_cstr(vm, f, "func");
        else
            break;
        v_decref(vm, f);
        if (IS_NULL(inner))
            return VNULL;
        f = inner;
    }
    bool r = IS_OBJ(f) && AS_OBJ(f)->type == vm->types.function &&
             (((FunctionObj *)AS_OBJ(f))->code->flags & CO_COROUTINE);
    v_decref(vm, f);
    return VBOOL(r);
}

/* ---------------------------------------------------------------- sleep(0)'s bare yield */

/* The awaitable of CPython's `@types.coroutine def __sleep0(): yield`: awaiting it yields
 * None once (the task re-queues its step), then returns None. */
typedef struct {
    Obj hdr;
    bool yielded;
} Sleep0Obj;

static Value sleep0_new(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    if (!args_count(vm, "_sleep0", nargs, kwnames, 0, 0))
        return VNULL;
    Obj *o = obj_alloc(vm, vm->aio->sleep0_type, sizeof(Sleep0Obj));
    return o ? VOBJ(o) : VNULL;
}

static int sleep0_next(VM *vm, Value self, Value *out) {
    (void)vm;
    Sleep0Obj *s = (Sleep0Obj *)AS_OBJ(self);
    if (s->yielded)
        return 0;
    s->yielded = true;
    *out = VNONE;
    return 1;
}

static Value sleep0_await(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)vm;
    (void)nargs;
    (void)kwnames;
    return v_incref(args[0]);
}

static TypeObj *sleep0_type_new(VM *vm) {
    TypeObj *t = type_new_builtin(vm, "_Sleep0", NULL, sizeof(Sleep0Obj), 0);
    if (!t)
        return NULL;
    t->next = sleep0_next;
    if (!type_add_method(vm, t, "__await__", sleep0_await) || !type_ready(vm, t))
        return NULL;
    return t;
}

/* ---------------------------------------------------------------- the loop getters */

static Value no_running_loop(VM *vm) {
    return vm_raise(vm, vm->exc_types.RuntimeError, "no running event loop");
}

static Value m_get_running_loop(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    if (!args_count(vm, "get_running_loop", nargs, kwnames, 0, 0))
        return VNULL;
    LoopObj *l = vm->aio->running_loop;
    return l ? v_incref(VOBJ(l)) : no_running_loop(vm);
}

static Value m_get_running_loop_opt(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    if (!args_count(vm, "_get_running_loop", nargs, kwnames, 0, 0))
        return VNULL;
    LoopObj *l = vm->aio->running_loop;
    return l ? v_incref(VOBJ(l)) : VNONE;
}

/* The policy's get_event_loop (6.6): the current loop, made on first use unless
 * set_event_loop was called (asyncio.run calls set_event_loop(None) on exit). */
LoopObj *aio_get_event_loop(VM *vm) {
    AioState *aio = vm->aio;
    if (aio->running_loop) {
        obj_incref(&aio->running_loop->hdr);
        return aio->running_loop;
    }
    if (IS_NONE(aio->event_loop) && !aio->event_loop_set) {
        LoopObj *l = aio_loop_new(vm);
        if (!l)
            return NULL;
        aio->event_loop = VOBJ(l);
        aio->event_loop_set = true;
    }
    if (IS_NONE(aio->event_loop)) {
        vm_raise(vm, vm->exc_types.RuntimeError,
                 "There is no current event loop in thread 'MainThread'.");
        return NULL;
    }
    obj_incref(AS_OBJ(aio->event_loop));
    return (LoopObj *)AS_OBJ(aio->event_loop);
}

static Value m_get_event_loop(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    if (!args_count(vm, "get_event_loop", nargs, kwnames, 0, 0))
        return VNULL;
    LoopObj *l = aio_get_event_loop(vm);
    return l ? VOBJ(l) : VNULL;
}

static Value m_new_event_loop(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    if (!args_count(vm, "new_event_loop", nargs, kwnames, 0, 0))
        return VNULL;
    LoopObj *l = aio_loop_new(vm);
    return l ? VOBJ(l) : VNULL;
}

static Value m_set_event_loop(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "set_event_loop", nargs, kwnames, 1, 1))
        return VNULL;
    if (!IS_NONE(args[0]) && !aio_is_loop(vm, args[0]))
        return vm_raise(vm, vm->exc_types.TypeError,
                        "loop must be an instance of AbstractEventLoop or None, not '%s'",
                        val_type_name(vm, args[0]));
    AioState *aio = vm->aio;
    Value old = aio->event_loop;
    aio->event_loop = v_incref(args[0]);
    aio->event_loop_set = true;
    v_decref(vm, old);
    return VNONE;
}

/* ---------------------------------------------------------------- tasks */

/* The loop argument of current_task/all_tasks: given, else the running one. */
static LoopObj *loop_arg(VM *vm, const char *fname, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"loop"};
    Value a[1];
    if (!args_bind(vm, fname, args, nargs, kwnames, names, 1, 1, 0, a))
        return NULL;
    if (IS_NULL(a[0]) || IS_NONE(a[0])) {
        if (!vm->aio->running_loop)
            no_running_loop(vm);
        return vm->aio->running_loop;
    }
    if (!aio_is_loop(vm, a[0])) {
        vm_raise(vm, vm->exc_types.TypeError, "loop must be an event loop, not '%s'",
                 val_type_name(vm, a[0]));
        return NULL;
    }
    return (LoopObj *)AS_OBJ(a[0]);
}

static Value m_current_task(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    LoopObj *l = loop_arg(vm, "current_task", args, nargs, kwnames);
    if (!l)
        return VNULL;
    return l->current_task ? v_incref(VOBJ(l->current_task)) : VNONE;
}

/* all_tasks(loop=None): a set of the loop's not-done tasks (added in creation order). */
static Value m_all_tasks(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    LoopObj *l = loop_arg(vm, "all_tasks", args, nargs, kwnames);
    if (!l)
        return VNULL;
    SetObj *s = set_new(vm, false);
    for (TaskObj *t = vm->aio->all_tasks; s && t; t = t->all_next) {
        if (t->fut.loop == l && t->fut.state == AIO_PENDING && set_add(vm, s, VOBJ(t)) < 0) {
            obj_decref(vm, &s->hdr);
            return VNULL;
        }
    }
    return s ? VOBJ(s) : VNULL;
}

static Value m_ensure_future(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"coro_or_future", "loop"};
    Value a[2];
    if (!args_bind(vm, "ensure_future", args, nargs, kwnames, names, 2, 1, 1, a))
        return VNULL;
    return aio_ensure_future(vm, a[0], a[1]);
}

/* asyncio.create_task: needs a running loop; a name is set afterwards (so the task still
 * consumes a Task-N number, 3.1). */
static Value m_create_task(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"coro", "name", "context"};
    Value a[3];
    if (!args_bind(vm, "create_task", args, nargs, kwnames, names, 3, 1, 1, a))
        return VNULL;
    LoopObj *l = vm->aio->running_loop;
    if (!l)
        return no_running_loop(vm);
    Value coro = a[0];
    Value task = vm_call_method(vm, VOBJ(l), "create_task", &coro, 1);
    if (IS_NULL(task) || IS_NULL(a[1]) || IS_NONE(a[1]))
        return task;
    Value r = vm_call_method(vm, task, "set_name", &a[1], 1);
    if (IS_NULL(r)) {
        v_decref(vm, task);
        return VNULL;
    }
    v_decref(vm, r);
    return task;
}

static Value m_isfuture(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "isfuture", nargs, kwnames, 1, 1))
        return VNULL;
    int r = aio_isfuture(vm, args[0]);
    return r < 0 ? VNULL : VBOOL(r);
}

/* _set_sigint_handler(fn or None): fn() is called when #| interrupt-at delivers SIGINT. */
static Value m_set_sigint_handler(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "_set_sigint_handler", nargs, kwnames, 1, 1))
        return VNULL;
    Value old = vm->aio->sigint_handler;
    vm->aio->sigint_handler = v_incref(args[0]);
    return old;
}

/* _add_method(cls, name, fn): lets the Python half add methods to the native types
 * (call_exception_handler, shutdown_asyncgens ...). */
static Value m_add_method(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "_add_method", nargs, kwnames, 3, 3))
        return VNULL;
    AioState *aio = vm->aio;
    Value cls = args[0];
    bool mine = IS_OBJ(cls) &&
                (AS_OBJ(cls) == &aio->loop_type->hdr || AS_OBJ(cls) == &aio->future_type->hdr ||
                 AS_OBJ(cls) == &aio->task_type->hdr || AS_OBJ(cls) == &aio->handle_type->hdr);
    if (!mine || !IS_STR(vm, args[1]))
        return vm_raise(vm, vm->exc_types.TypeError, "_add_method: not an asyncio core type");
    TypeObj *t = (TypeObj *)AS_OBJ(cls);
    return dict_set_str(vm, t->dict, (StrObj *)AS_OBJ(args[1]), args[2]) < 0 ? VNULL : VNONE;
}

/* _print_exception(exc): the traceback as logging's exc_info prints it (to stderr). */
static Value m_print_exception(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "_print_exception", nargs, kwnames, 1, 1))
        return VNULL;
    vm_print_exception(vm, args[0]);
    return VNONE;
}

/* ---------------------------------------------------------------- Queue fast paths */

/* The library's Queue hot paths, natively, for an exact asyncio.Queue (subclasses such as
 * PriorityQueue override _put/_get and take the Python path). They read the instance dict
 * directly: each attribute in Python costs a walk of the class's MRO first. */

/* The instance dict of `q` when q is exactly the library's Queue class, else NULL. */
static DictObj *plain_queue_dict(VM *vm, Value q) {
    AioState *aio = vm->aio;
    if (IS_NULL(aio->queue_class)) {
        StrObj *k = str_intern(vm, "Queue");
        Value cls = k ? dict_get_str(((ModuleObj *)AS_OBJ(aio->module))->dict, k) : VNULL;
        obj_xdecref(vm, (Obj *)k);
        if (IS_NULL(cls))
            return NULL;
        aio->queue_class = v_incref(cls);
    }
    if (!IS_OBJ(q) || &AS_OBJ(q)->type->hdr != AS_OBJ(aio->queue_class))
        return NULL;
    return ((InstanceObj *)AS_OBJ(q))->dict;
}

Value aio_call_method(VM *vm, Value o, StrObj *name, Value *args, int nargs) {
    Value f;
    int how = obj_load_method(vm, o, name, &f);
    if (how < 0)
        return VNULL;
    Value r;
    if (how) {
        Value a[4] = {o};
        for (int i = 0; i < nargs && i < 3; i++)
            a[i + 1] = args[i];
        r = vm_call(vm, f, a, nargs + 1, NULL);
    } else {
        r = vm_call(vm, f, args, nargs, NULL);
    }
    v_decref(vm, f);
    return r;
}

/* Queue._wakeup_next(waiters): resolve the first waiter that is not done. */
static bool wakeup_next(VM *vm, Value waiters) {
    AioNames *nm = &vm->aio->names;
    for (;;) {
        int64_t n = obj_len(vm, waiters);
        if (n <= 0)
            return n == 0;
        Value w = aio_call_method(vm, waiters, nm->popleft, NULL, 0);
        if (IS_NULL(w))
            return false;
        if (aio_is_future(vm, w) && AS_OBJ(w)->type == vm->aio->future_type) {
            FutureObj *f = (FutureObj *)AS_OBJ(w);
            bool pending = f->state == AIO_PENDING;
            bool ok = !pending || aio_future_set_result(vm, f, VNONE);
            v_decref(vm, w);
            if (!ok || pending)
                return ok;
            continue;
        }
        Value done = aio_call_method(vm, w, nm->done, NULL, 0);
        int d = IS_NULL(done) ? -1 : obj_truthy(vm, done);
        v_decref(vm, done);
        if (d == 0) {
            Value none = VNONE;
            Value r = aio_call_method(vm, w, nm->set_result, &none, 1);
            v_decref(vm, w);
            v_decref(vm, r);
            return !IS_NULL(r);
        }
        v_decref(vm, w);
        if (d < 0)
            return false;
    }
}

/* _queue_put_fast(q, item): put_nowait(item) if q is a plain Queue that is not full; True
 * when done, False when the caller must take the Python path (full, or a subclass). */
static Value m_queue_put_fast(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "_queue_put_fast", nargs, kwnames, 2, 2))
        return VNULL;
    DictObj *d = plain_queue_dict(vm, args[0]);
    if (!d)
        return VBOOL(false);
    AioNames *nm = &vm->aio->names;
    Value maxsize = dict_get_str(d, nm->_maxsize), queue = dict_get_str(d, nm->_queue);
    Value unfinished = dict_get_str(d, nm->_unfinished_tasks);
    Value finished = dict_get_str(d, nm->_finished), getters = dict_get_str(d, nm->_getters);
    if (!IS_INT(maxsize) || !IS_INT(unfinished) || IS_NULL(queue) || IS_NULL(finished) ||
        IS_NULL(getters))
        return VBOOL(false);
    if (maxsize.as.i > 0) {
        int64_t n = obj_len(vm, queue);
        if (n < 0)
            return VNULL;
        if (n >= maxsize.as.i)
            return VBOOL(false);
    }
    v_incref(queue);
    Value r = aio_call_method(vm, queue, nm->append, &args[1], 1);
    v_decref(vm, queue);
    if (IS_NULL(r))
        return VNULL;
    v_decref(vm, r);
    v_incref(finished);
    v_incref(getters);
    bool ok = dict_set_str(vm, d, nm->_unfinished_tasks, VINT(unfinished.as.i + 1)) == 0 &&
              obj_setattr(vm, finished, nm->_value, VBOOL(false)) == 0 && wakeup_next(vm, getters);
    v_decref(vm, finished);
    v_decref(vm, getters);
    return ok ? VBOOL(true) : VNULL;
}

/* _queue_get_fast(q): get_nowait() if q is a plain Queue that is not empty, else the
 * marker _QUEUE_EMPTY (the caller takes the Python path). */
static Value m_queue_get_fast(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "_queue_get_fast", nargs, kwnames, 1, 1))
        return VNULL;
    AioState *aio = vm->aio;
    DictObj *d = plain_queue_dict(vm, args[0]);
    Value queue = d ? dict_get_str(d, aio->names._queue) : VNULL;
    Value putters = d ? dict_get_str(d, aio->names._putters) : VNULL;
    if (IS_NULL(queue) || IS_NULL(putters))
        return v_incref(aio->queue_empty);
    int64_t n = obj_len(vm, queue);
    if (n <= 0)
        return n < 0 ? VNULL : v_incref(aio->queue_empty);
    v_incref(queue);
    v_incref(putters);
    Value item = aio_call_method(vm, queue, aio->names.popleft, NULL, 0);
    if (!IS_NULL(item) && !wakeup_next(vm, putters)) {
        v_decref(vm, item);
        item = VNULL;
    }
    v_decref(vm, queue);
    v_decref(vm, putters);
    return item;
}

static bool names_init(VM *vm, AioState *aio) {
#define X(n)                                                                                       \
    if (!aio->names.n && !(aio->names.n = str_intern(vm, #n)))                                     \
        return false;
    AIO_NAMES(X)
#undef X
    return true;
}

static bool queue_fast_init(VM *vm, AioState *aio, Value m) {
    if (!names_init(vm, aio))
        return false;
    aio->queue_empty = vm_call0(vm, VOBJ(vm->types.object));
    return !IS_NULL(aio->queue_empty) &&
           dict_set_cstr(vm, ((ModuleObj *)AS_OBJ(m))->dict, "_QUEUE_EMPTY", aio->queue_empty) == 0;
}

/* ---------------------------------------------------------------- exceptions */

static TypeObj *exc_type(VM *vm, Value module, const char *name, TypeObj *base) {
    TypeObj *t =
        type_new_builtin(vm, name, base, sizeof(ExcObj), TF_EXCEPTION | TF_HAS_DICT | TF_BASETYPE);
    if (!t)
        return NULL;
    StrObj *m = str_intern(vm, "asyncio.exceptions");
    if (!m)
        return NULL;
    obj_xdecref(vm, (Obj *)t->module);
    t->module = m;
    if (!type_ready(vm, t) ||
        dict_set_cstr(vm, ((ModuleObj *)AS_OBJ(module))->dict, name, VOBJ(t)) < 0)
        return NULL;
    return t;
}

bool aio_exceptions_init(VM *vm, AioState *aio, Value module) {
    ExcTypes *x = &vm->exc_types;
    aio->CancelledError = exc_type(vm, module, "CancelledError", x->BaseException);
    aio->InvalidStateError = exc_type(vm, module, "InvalidStateError", x->Exception);
    return aio->CancelledError && aio->InvalidStateError &&
           exc_type(vm, module, "LimitOverrunError", x->Exception) &&
           exc_type(vm, module, "SendfileNotAvailableError", x->RuntimeError) &&
           exc_type(vm, module, "BrokenBarrierError", x->RuntimeError) &&
           dict_set_cstr(vm, ((ModuleObj *)AS_OBJ(module))->dict, "TimeoutError",
                         VOBJ(x->TimeoutError)) == 0;
}

/* ---------------------------------------------------------------- the Python half */

/* Compiles and runs engine/aio_lib.py in the module's dict. A failure here is a bug in the
 * embedded library: it surfaces as an exception from `import asyncio`. */
static bool run_library(VM *vm, Value module) {
    Ast ast;
    memset(&ast, 0, sizeof ast);
    if (!ast_parse(&ast, ls_aio_lib_source, ls_aio_lib_source_len)) {
        vm_raise(vm, vm->exc_types.RuntimeError, "asyncio library: line %d: %s", ast.diag.line,
                 ast.diag.message);
        ast_free(&ast);
        return false;
    }
    Diag diag;
    CodeObj *code = compile_module(vm, ast.root, AIO_LIB_FILENAME, ls_aio_lib_source,
                                   ls_aio_lib_source_len, &diag);
    ast_free(&ast);
    if (!code) {
        if (diag.kind != DIAG_NONE)
            vm_raise(vm, vm->exc_types.RuntimeError, "asyncio library: line %d: %s", diag.line,
                     diag.message);
        return false;
    }
    Value r = vm_run_module(vm, code, ((ModuleObj *)AS_OBJ(module))->dict);
    obj_decref(vm, &code->hdr);
    v_decref(vm, r);
    return !IS_NULL(r);
}

/* ---------------------------------------------------------------- state */

AioState *aio_state(VM *vm) {
    if (!vm->aio) {
        vm->aio = ls_alloc(vm, sizeof(AioState));
        if (!vm->aio)
            return NULL;
        vm->aio->module = VNULL;
        vm->aio->event_loop = VNONE;
        vm->aio->sigint_handler = VNONE;
        vm->aio->queue_class = vm->aio->queue_empty = VNULL;
    }
    return vm->aio;
}

void aio_free(VM *vm) {
    AioState *aio = vm->aio;
    if (!aio)
        return;
    v_decref(vm, aio->event_loop);
    v_decref(vm, aio->sigint_handler);
    v_decref(vm, aio->module);
    v_decref(vm, aio->queue_class);
    v_decref(vm, aio->queue_empty);
    aio->event_loop = aio->sigint_handler = aio->module = VNONE;
    aio->queue_class = aio->queue_empty = VNULL;
#define X(n) obj_xdecref(vm, (Obj *)aio->names.n);
    AIO_NAMES(X)
#undef X
    aio_events_free(vm, &aio->events);
    ls_free(vm, aio->interrupts, aio->cap_interrupts * sizeof(double));
    ls_free(vm, aio, sizeof *aio);
    vm->aio = NULL;
}

static bool add_functions(VM *vm, Value m) {
    static const struct {
        const char *name;
        NativeFn fn;
    } fns[] = {
        {"iscoroutine", m_iscoroutine},
        {"iscoroutinefunction", m_iscoroutinefunction},
        {"isfuture", m_isfuture},
        {"get_running_loop", m_get_running_loop},
        {"_get_running_loop", m_get_running_loop_opt},
        {"get_event_loop", m_get_event_loop},
        {"new_event_loop", m_new_event_loop},
        {"set_event_loop", m_set_event_loop},
        {"current_task", m_current_task},
        {"all_tasks", m_all_tasks},
        {"ensure_future", m_ensure_future},
        {"create_task", m_create_task},
        {"_sleep0", sleep0_new},
        {"_set_sigint_handler", m_set_sigint_handler},
        {"_add_method", m_add_method},
        {"_print_exception", m_print_exception},
        {"_queue_put_fast", m_queue_put_fast},
        {"_queue_get_fast", m_queue_get_fast},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        if (!add_function(vm, m, fns[i].name, fns[i].fn))
            return false;
    return true;
}

bool aio_module_init(VM *vm, Value m) {
    AioState *aio = aio_state(vm);
    if (!aio)
        return false;
    v_decref(vm, aio->module);
    aio->module = v_incref(m);
    DictObj *d = ((ModuleObj *)AS_OBJ(m))->dict;
    aio->sleep0_type = sleep0_type_new(vm);
    return names_init(vm, aio) && aio->sleep0_type &&
           dict_set_cstr(vm, d, "_Sleep0", VOBJ(aio->sleep0_type)) == 0 &&
           aio_exceptions_init(vm, aio, m) && aio_loop_types_init(vm, aio, m) &&
           aio_future_types_init(vm, aio, m) && add_functions(vm, m) &&
           queue_fast_init(vm, aio, m) && run_library(vm, m);
}

/* ---------------------------------------------------------------- #| directives */

/* The value of a `#| key: value` line if `line` is one (the oracle's HEADER_RE). */
static const char *directive(const char *line, const char *end, const char *key) {
    const char *p = line + 2;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    size_t n = strlen(key);
    if ((size_t)(end - p) < n || memcmp(p, key, n) != 0)
        return NULL;
    p += n;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p >= end || *p != ':')
        return NULL;
    p++;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

static bool add_interrupt(VM *vm, AioState *aio, double t) {
    if (aio->ninterrupts == aio->cap_interrupts) {
        size_t cap = aio->cap_interrupts ? aio->cap_interrupts * 2 : 4;
        double *n =
            ls_realloc(vm, aio->interrupts, aio->cap_interrupts * sizeof *n, cap * sizeof *n);
        if (!n)
            return false;
        aio->interrupts = n;
        aio->cap_interrupts = cap;
    }
    size_t i = aio->ninterrupts++;
    while (i > 0 && aio->interrupts[i - 1] > t) { /* kept sorted */
        aio->interrupts[i] = aio->interrupts[i - 1];
        i--;
    }
    aio->interrupts[i] = t;
    return true;
}

/* Comma-separated numbers of one directive line; `each` gets every value. */
static bool parse_numbers(VM *vm, AioState *aio, const char *p, const char *end, bool cost) {
    char buf[256];
    size_t n = (size_t)(end - p) < sizeof buf - 1 ? (size_t)(end - p) : sizeof buf - 1;
    memcpy(buf, p, n);
    buf[n] = '\0';
    for (char *s = buf; *s;) {
        char *stop;
        double v = strtod(s, &stop);
        if (stop == s)
            break;
        if (cost)
            aio->iteration_cost = v;
        else if (!add_interrupt(vm, aio, v))
            return false;
        s = stop;
        while (*s == ' ' || *s == '\t' || *s == ',')
            s++;
    }
    return true;
}

bool aio_parse_directives(VM *vm, const char *source, size_t len) {
    const char *end = source + len;
    for (const char *line = source; line < end;) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol)
            eol = end;
        const char *e = eol;
        while (e > line && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (e - line >= 2 && line[0] == '#' && line[1] == '|') {
            const char *cost = directive(line, e, "iteration-cost");
            const char *intr = cost ? NULL : directive(line, e, "interrupt-at");
            AioState *aio = (cost || intr) ? aio_state(vm) : NULL;
            if ((cost || intr) && (!aio || !parse_numbers(vm, aio, cost ? cost : intr, e, cost)))
                return false;
        }
        line = eol + 1;
    }
    return true;
}
