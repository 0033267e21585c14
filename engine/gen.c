/*
 * gen.c - generators, coroutines and async generators (CPython's genobject.c): send, throw
 * and close with delegation to the iterator of a `yield from`/`await`, StopIteration values,
 * PEP 479, the coroutine rules of ASYNCIO.md section 8, the asend/athrow awaitables of async
 * generators, and the "coroutine ... was never awaited" RuntimeWarning.
 *
 * A generator owns its suspended frame; resuming runs it as the entry frame of a nested
 * vm_run_frame. The exception being handled inside a generator is its own (exc_state),
 * chained to its caller's while it runs.
 *
 * Not for: the interpreter loop (vm.c) or the asyncio event loop.
 */
#include <stdio.h>
#include <string.h>

#include "code.h"
#include "objimpl.h"

enum { ASEND = 0, ATHROW = 1, ACLOSE = 2 };
enum { AW_INIT = 0, AW_ITER = 1, AW_CLOSED = 2 };

/* The frame object behind gi_frame / cr_frame: a view of a suspended generator. */
typedef struct {
    Obj hdr;
    GenObj *gen;
} FrameRef;

bool is_gen(VM *vm, Value v) {
    return IS_OBJ(v) && AS_OBJ(v)->type == vm->types.generator;
}

bool is_coro(VM *vm, Value v) {
    return IS_OBJ(v) && AS_OBJ(v)->type == vm->types.coroutine;
}

bool is_async_gen(VM *vm, Value v) {
    return IS_OBJ(v) && AS_OBJ(v)->type == vm->types.async_generator;
}

static bool is_any_gen(VM *vm, Value v) {
    return is_gen(vm, v) || is_coro(vm, v) || is_async_gen(vm, v);
}

/* "generator", "coroutine" or "async generator": the word CPython's messages use. */
static const char *gen_kind(VM *vm, GenObj *g) {
    if (g->hdr.type == vm->types.coroutine)
        return "coroutine";
    if (g->hdr.type == vm->types.async_generator)
        return "async generator";
    return "generator";
}

/* ================================================================ creation */

Value gen_new(VM *vm, FrameObj *f) {
    CodeObj *co = f->code;
    TypeObj *t = (co->flags & CO_COROUTINE)         ? vm->types.coroutine
                 : (co->flags & CO_ASYNC_GENERATOR) ? vm->types.async_generator
                                                    : vm->types.generator;
    GenObj *g = (GenObj *)obj_alloc(vm, t, sizeof(GenObj));
    if (!g) {
        frame_release(vm, f);
        return VNULL;
    }
    g->frame = f;
    f->gen = g;
    obj_incref(&co->hdr);
    g->code = co;
    g->name = f->func ? f->func->name : co->name;
    g->qualname = f->func ? f->func->qualname : co->qualname;
    obj_incref(&g->name->hdr);
    obj_incref(&g->qualname->hdr);
    g->state = GEN_CREATED;
    g->exc_state.exc = VNONE;
    return VOBJ(g);
}

/* Finishes g: its frame is released (it will not run again). */
static void gen_finish(VM *vm, GenObj *g) {
    FrameObj *f = g->frame;
    g->state = GEN_CLOSED;
    g->frame = NULL;
    Value exc = g->exc_state.exc;
    g->exc_state.exc = VNONE;
    v_decref(vm, exc);
    if (f) {
        f->gen = NULL;
        frame_release(vm, f);
    }
}

/* ================================================================ send */

/* PEP 479: a StopIteration escaping the body becomes a RuntimeError caused by it. */
static void pep479(VM *vm, GenObj *g) {
    bool stop = vm_exc_matches(vm, vm->exc_types.StopIteration);
    bool astop = g->hdr.type == vm->types.async_generator &&
                 vm_exc_matches(vm, vm->exc_types.StopAsyncIteration);
    if (!stop && !astop)
        return;
    Value cause = vm_exc_take(vm);
    vm_raise(vm, vm->exc_types.RuntimeError, "%s raised %s", gen_kind(vm, g),
             stop ? "StopIteration" : "StopAsyncIteration");
    if (IS_OBJ(vm->exc)) {
        ExcObj *e = (ExcObj *)AS_OBJ(vm->exc);
        obj_incref(AS_OBJ(cause));
        e->cause = AS_OBJ(cause);
        obj_xdecref(vm, e->context);
        e->context = AS_OBJ(cause);
        obj_incref(AS_OBJ(cause));
        e->suppress_context = true;
    }
    v_decref(vm, cause);
}

static SendResult gen_run(VM *vm, GenObj *g, bool exc, Value *result);

SendResult gen_send_ex(VM *vm, GenObj *g, Value arg, bool exc, Value *result) {
    *result = VNULL;
    if (g->state == GEN_RUNNING) {
        vm_raise(vm, vm->exc_types.ValueError, "%s already executing", gen_kind(vm, g));
        return SEND_ERROR;
    }
    if (g->state == GEN_CLOSED || !g->frame) {
        if (g->hdr.type == vm->types.coroutine) {
            vm_raise(vm, vm->exc_types.RuntimeError, "cannot reuse already awaited coroutine");
            return SEND_ERROR;
        }
        if (exc)
            return SEND_ERROR; /* the thrown exception is pending */
        *result = VNONE;       /* an exhausted generator: next() ends, send() returns None */
        return SEND_RETURN;
    }
    FrameObj *f = g->frame;
    if (g->state == GEN_CREATED && !exc && !IS_NULL(arg) && !IS_NONE(arg)) {
        vm_raise(vm, vm->exc_types.TypeError, "can't send non-None value to a just-started %s",
                 gen_kind(vm, g));
        return SEND_ERROR;
    }
    if (g->state != GEN_CREATED && !exc)
        *f->sp++ = IS_NULL(arg) ? VNONE : v_incref(arg);
    return gen_run(vm, g, exc, result);
}

/* Runs g's frame (its stack already holds what the resumed instruction expects). */
static SendResult gen_run(VM *vm, GenObj *g, bool exc, Value *result) {
    FrameObj *f = g->frame;
    g->exc_state.prev = vm->exc_info;
    vm->exc_info = &g->exc_state;
    g->state = GEN_RUNNING;
    obj_incref(&g->hdr); /* the generator may lose its last reference while running */
    bool yielded;
    Value r = vm_run_frame(vm, f, exc, &yielded);
    vm->exc_info = g->exc_state.prev;
    g->exc_state.prev = NULL;
    SendResult st;
    if (yielded) {
        g->state = GEN_SUSPENDED;
        st = SEND_NEXT;
    } else {
        gen_finish(vm, g);
        if (IS_NULL(r))
            pep479(vm, g);
        st = IS_NULL(r) ? SEND_ERROR : SEND_RETURN;
    }
    *result = r;
    obj_decref(vm, &g->hdr);
    return st;
}

/* Raises StopIteration(value) the way CPython's _PyGen_SetStopIterationValue does. */
static Value raise_stop_iteration(VM *vm, Value value) {
    if (IS_NONE(value))
        return vm_raise_value(vm, VOBJ(vm->exc_types.StopIteration));
    Value exc = exc_new(vm, vm->exc_types.StopIteration, &value, 1);
    if (!IS_NULL(exc)) {
        vm_raise_value(vm, exc);
        v_decref(vm, exc);
    }
    return VNULL;
}

/* The value of a generator method that sends: yielded value, or StopIteration. */
static Value send_result(VM *vm, SendResult st, Value r) {
    if (st == SEND_NEXT)
        return r;
    if (st == SEND_RETURN) {
        raise_stop_iteration(vm, r);
        v_decref(vm, r);
    }
    return VNULL;
}

Value gen_yf(GenObj *g) {
    FrameObj *f = g->frame;
    if (!f || g->state != GEN_SUSPENDED)
        return VNULL;
    uint32_t last = f->ip[-1];
    if (INSTR_OP(last) != OP_YIELD_VALUE || INSTR_ARG(last) != YV_DELEGATE)
        return VNULL;
    return f->sp[-1];
}

SendResult vm_send(VM *vm, Value iter, Value arg, Value *result) {
    if (IS_OBJ(iter) && AS_OBJ(iter)->type == vm->types.coroutine_wrapper)
        iter = VOBJ(((CoroWrapperObj *)AS_OBJ(iter))->coro);
    if (is_gen(vm, iter) || is_coro(vm, iter))
        return gen_send_ex(vm, (GenObj *)AS_OBJ(iter), arg, false, result);
    TypeObj *t = val_type(vm, iter);
    if (IS_NONE(arg) && t->next && !(t->flags & TF_HEAPTYPE)) {
        int r = t->next(vm, iter, result);
        if (r > 0)
            return SEND_NEXT;
        if (r == 0) {
            *result = VNONE;
            return SEND_RETURN;
        }
    } else {
        *result = IS_NONE(arg) ? vm_call_method(vm, iter, "__next__", NULL, 0)
                               : vm_call_method(vm, iter, "send", &arg, 1);
        if (!IS_NULL(*result))
            return SEND_NEXT;
    }
    *result = VNULL;
    return vm_take_stop_iteration(vm, result) ? SEND_RETURN : SEND_ERROR;
}

/* ================================================================ throw and close */

/* close() of a delegate: generators directly, other iterators by their close method. */
static bool close_iter(VM *vm, Value yf);

static Value gen_close(VM *vm, GenObj *g);

/* Normalizes throw(typ[, val[, tb]]) into a pending exception (CPython's _gen_throw). */
static bool set_thrown(VM *vm, Value typ, Value val) {
    TypeObj *base = vm->exc_types.BaseException;
    if (val_isinstance(vm, typ, vm->types.type) && type_is_subtype((TypeObj *)AS_OBJ(typ), base)) {
        if (!IS_NULL(val) && !IS_NONE(val) && val_isinstance(vm, val, (TypeObj *)AS_OBJ(typ))) {
            vm_raise_value(vm, val);
            return true;
        }
        Value inst = IS_NULL(val) || IS_NONE(val)
                         ? vm_call0(vm, typ)
                         : (IS_TUPLE(vm, val) ? vm_call(vm, typ, AS_TUPLE(val)->items,
                                                        (int)AS_TUPLE(val)->len, NULL)
                                              : vm_call1(vm, typ, val));
        if (IS_NULL(inst))
            return false;
        vm_raise_value(vm, inst);
        v_decref(vm, inst);
        return true;
    }
    if (val_isinstance(vm, typ, base)) {
        if (!IS_NULL(val) && !IS_NONE(val)) {
            vm_raise(vm, vm->exc_types.TypeError,
                     "instance exception may not have a separate value");
            return false;
        }
        vm_raise_value(vm, typ);
        return true;
    }
    vm_raise(vm, vm->exc_types.TypeError,
             "exceptions must be classes or instances deriving from BaseException, not %s",
             val_type_name(vm, typ));
    return false;
}

/* The delegate finished while a throw went through it: pop it and continue the frame after
 * its SEND loop with the value (or raise the delegate's exception in the frame). */
static SendResult after_delegate(VM *vm, GenObj *g, SendResult st, Value r, Value *result) {
    FrameObj *f = g->frame;
    v_decref(vm, *--f->sp); /* the delegate */
    if (st == SEND_ERROR) {
        Value v;
        if (!vm_take_stop_iteration(vm, &v))
            return gen_send_ex(vm, g, VNONE, true, result);
        r = v;
    }
    uint32_t jump = f->ip[0]; /* JUMP_BACKWARD to the SEND */
    uint32_t send = f->code->code[INSTR_ARG(jump)];
    f->ip = f->code->code + INSTR_ARG(send);
    *f->sp++ = r; /* the result of the SEND loop, where its exit expects it */
    return gen_run(vm, g, false, result);
}

/* throw into g (CPython's _gen_throw); close_on_genexit closes a delegate first. */
static SendResult gen_throw(VM *vm, GenObj *g, bool close_on_genexit, Value typ, Value val,
                            Value *result) {
    *result = VNULL;
    Value yf = gen_yf(g);
    if (!IS_NULL(yf)) {
        v_incref(yf);
        bool genexit = val_isinstance(vm, typ, vm->types.type) &&
                       type_is_subtype((TypeObj *)AS_OBJ(typ), vm->exc_types.GeneratorExit);
        if (genexit && close_on_genexit) {
            g->state = GEN_RUNNING;
            bool ok = close_iter(vm, yf);
            g->state = GEN_SUSPENDED;
            v_decref(vm, yf);
            if (!ok)
                return gen_send_ex(vm, g, VNONE, true, result);
            goto throw_here;
        }
        SendResult st;
        Value r = VNULL;
        if (is_gen(vm, yf) || is_coro(vm, yf)) {
            g->state = GEN_RUNNING;
            st = gen_throw(vm, (GenObj *)AS_OBJ(yf), close_on_genexit, typ, val, &r);
            g->state = GEN_SUSPENDED;
        } else {
            Value meth = obj_getattr_opt(vm, yf, vm->names.throw);
            if (IS_NULL(meth)) {
                v_decref(vm, yf);
                if (!IS_NULL(vm->exc))
                    return gen_send_ex(vm, g, VNONE, true, result);
                goto throw_here;
            }
            g->state = GEN_RUNNING;
            Value args[2] = {typ, IS_NULL(val) ? VNONE : val};
            r = vm_call(vm, meth, args, IS_NULL(val) ? 1 : 2, NULL);
            g->state = GEN_SUSPENDED;
            v_decref(vm, meth);
            st = IS_NULL(r) ? SEND_ERROR : SEND_NEXT;
        }
        v_decref(vm, yf);
        if (st == SEND_NEXT) {
            *result = r;
            return SEND_NEXT;
        }
        return after_delegate(vm, g, st, r, result);
    }
throw_here:
    if (!set_thrown(vm, typ, val))
        return SEND_ERROR;
    if (g->state == GEN_CREATED) {
        /* throw into a generator that never started: raised at once, nothing runs */
        gen_finish(vm, g);
        return SEND_ERROR;
    }
    return gen_send_ex(vm, g, VNONE, true, result);
}

static bool close_iter(VM *vm, Value yf) {
    if (is_gen(vm, yf) || is_coro(vm, yf)) {
        Value r = gen_close(vm, (GenObj *)AS_OBJ(yf));
        v_decref(vm, r);
        return !IS_NULL(r);
    }
    Value meth = obj_getattr_opt(vm, yf, vm->names.close);
    if (IS_NULL(meth))
        return IS_NULL(vm->exc);
    Value r = vm_call0(vm, meth);
    v_decref(vm, meth);
    v_decref(vm, r);
    return !IS_NULL(r);
}

static Value gen_close(VM *vm, GenObj *g) {
    if (g->state == GEN_CREATED) {
        gen_finish(vm, g);
        return VNONE;
    }
    if (g->state == GEN_CLOSED || !g->frame)
        return VNONE;
    Value yf = gen_yf(g);
    bool ok = true;
    if (!IS_NULL(yf)) {
        v_incref(yf);
        g->state = GEN_RUNNING;
        ok = close_iter(vm, yf);
        g->state = GEN_SUSPENDED;
        v_decref(vm, yf);
    }
    if (ok)
        vm_raise_value(vm, VOBJ(vm->exc_types.GeneratorExit));
    if (IS_NULL(vm->exc))
        return VNULL;
    Value r;
    SendResult st = gen_send_ex(vm, g, VNONE, true, &r);
    if (st == SEND_NEXT) {
        v_decref(vm, r);
        return vm_raise(vm, vm->exc_types.RuntimeError, "%s ignored GeneratorExit",
                        gen_kind(vm, g));
    }
    if (st == SEND_RETURN) {
        v_decref(vm, r);
        return VNONE;
    }
    if (vm_exc_matches(vm, vm->exc_types.StopIteration) ||
        vm_exc_matches(vm, vm->exc_types.GeneratorExit)) {
        vm_exc_clear(vm);
        return VNONE;
    }
    return VNULL;
}

/* ================================================================ methods */

static GenObj *self_gen(Value *args) {
    return (GenObj *)AS_OBJ(args[0]);
}

/* Checks the receiver of a generator method called through the class. */
static bool check_gen_self(VM *vm, const char *name, Value *args, int nargs) {
    if (nargs >= 1 && is_any_gen(vm, args[0]))
        return true;
    vm_raise(vm, vm->exc_types.TypeError, "descriptor '%s' requires a generator object", name);
    return false;
}

static Value m_send(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!check_gen_self(vm, "send", args, nargs) ||
        !args_count(vm, "send", nargs - 1, kwnames, 1, 1))
        return VNULL;
    Value r;
    SendResult st = gen_send_ex(vm, self_gen(args), args[1], false, &r);
    return send_result(vm, st, r);
}

static Value m_throw(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!check_gen_self(vm, "throw", args, nargs) ||
        !args_count(vm, "throw", nargs - 1, kwnames, 1, 3))
        return VNULL;
    Value r;
    SendResult st = gen_throw(vm, self_gen(args), true, args[1], nargs > 2 ? args[2] : VNULL, &r);
    return send_result(vm, st, r);
}

static Value m_close(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!check_gen_self(vm, "close", args, nargs) ||
        !args_count(vm, "close", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return gen_close(vm, self_gen(args));
}

static Value m_self(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)vm;
    (void)nargs;
    (void)kwnames;
    return v_incref(args[0]);
}

static Value m_next(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!check_gen_self(vm, "__next__", args, nargs) ||
        !args_count(vm, "__next__", nargs - 1, kwnames, 0, 0))
        return VNULL;
    Value r;
    SendResult st = gen_send_ex(vm, self_gen(args), VNULL, false, &r);
    return send_result(vm, st, r);
}

static Value gen_iter(VM *vm, Value self) {
    (void)vm;
    return v_incref(self);
}

static int gen_next(VM *vm, Value self, Value *out) {
    Value r;
    SendResult st = gen_send_ex(vm, (GenObj *)AS_OBJ(self), VNULL, false, &r);
    if (st == SEND_NEXT) {
        *out = r;
        return 1;
    }
    if (st == SEND_ERROR)
        return -1;
    if (IS_NONE(r))
        return 0;
    raise_stop_iteration(vm, r); /* next(g) must see the return value */
    v_decref(vm, r);
    return -1;
}

/* ================================================================ coroutines */

static Value m_await(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "__await__", nargs - 1, kwnames, 0, 0))
        return VNULL;
    CoroWrapperObj *w =
        (CoroWrapperObj *)obj_alloc(vm, vm->types.coroutine_wrapper, sizeof(CoroWrapperObj));
    if (!w)
        return VNULL;
    obj_incref(AS_OBJ(args[0]));
    w->coro = (GenObj *)AS_OBJ(args[0]);
    return VOBJ(w);
}

Value coro_get_awaitable_iter(VM *vm, Value o) {
    if (is_coro(vm, o))
        return v_incref(o);
    Value getter = vm_lookup_special(vm, o, vm->names.__await__);
    if (IS_NULL(getter)) {
        if (IS_NULL(vm->exc))
            vm_raise(vm, vm->exc_types.TypeError, "object %s can't be used in 'await' expression",
                     val_type_name(vm, o));
        return VNULL;
    }
    Value it = vm_call0(vm, getter);
    v_decref(vm, getter);
    if (IS_NULL(it))
        return VNULL;
    if (is_coro(vm, it)) {
        v_decref(vm, it);
        return vm_raise(vm, vm->exc_types.TypeError, "__await__() returned a coroutine");
    }
    if (!val_type(vm, it)->next) {
        vm_raise(vm, vm->exc_types.TypeError, "__await__() returned non-iterator of type '%s'",
                 val_type_name(vm, it));
        v_decref(vm, it);
        return VNULL;
    }
    return it;
}

static Value wrapper_coro(Value *args) {
    return VOBJ(((CoroWrapperObj *)AS_OBJ(args[0]))->coro);
}

static Value w_send(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "send", nargs - 1, kwnames, 1, 1))
        return VNULL;
    Value a[2] = {wrapper_coro(args), args[1]};
    return m_send(vm, a, 2, NULL);
}

static Value w_throw(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (nargs < 1)
        return VNULL;
    Value a[4];
    memcpy(a, args, (size_t)(nargs < 4 ? nargs : 4) * sizeof(Value));
    a[0] = wrapper_coro(args);
    return m_throw(vm, a, nargs, kwnames);
}

static Value w_close(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "close", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return gen_close(vm, (GenObj *)AS_OBJ(wrapper_coro(args)));
}

static int wrapper_next(VM *vm, Value self, Value *out) {
    return gen_next(vm, VOBJ(((CoroWrapperObj *)AS_OBJ(self))->coro), out);
}

static void wrapper_clear(VM *vm, Obj *o) {
    CoroWrapperObj *w = (CoroWrapperObj *)o;
    GenObj *c = w->coro;
    w->coro = NULL;
    obj_xdecref(vm, &c->hdr);
}

static void wrapper_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    CoroWrapperObj *w = (CoroWrapperObj *)o;
    if (w->coro)
        visit(vm, VOBJ(w->coro), arg);
}

/* ================================================================ async generators */

static AsendObj *asend_new(VM *vm, GenObj *g, Value value, int kind) {
    TypeObj *t = kind == ASEND ? vm->types.async_gen_asend : vm->types.async_gen_athrow;
    AsendObj *a = (AsendObj *)obj_alloc(vm, t, sizeof(AsendObj));
    if (!a)
        return NULL;
    obj_incref(&g->hdr);
    a->gen = g;
    a->value = v_incref(value);
    a->kind = kind;
    a->state = AW_INIT;
    return a;
}

Value async_gen_anext(VM *vm, GenObj *g) {
    AsendObj *a = asend_new(vm, g, VNONE, ASEND);
    return a ? VOBJ(a) : VNULL;
}

/* Did the async generator's last suspension come from its own `yield` (not an await)? */
static bool yielded_value(GenObj *g) {
    FrameObj *f = g->frame;
    return f && INSTR_OP(f->ip[-1]) == OP_YIELD_VALUE && INSTR_ARG(f->ip[-1]) == YV_ASYNC_GEN;
}

/* CPython's async_gen_unwrap_value: a `yield` becomes StopIteration(value); the end of the
 * generator becomes StopAsyncIteration; an await passes through. */
static Value unwrap(VM *vm, GenObj *g, SendResult st, Value r) {
    if (st == SEND_NEXT && !yielded_value(g))
        return r;
    g->running_async = false;
    if (st == SEND_NEXT) {
        raise_stop_iteration(vm, r);
        v_decref(vm, r);
        return VNULL;
    }
    if (st == SEND_RETURN) {
        v_decref(vm, r);
        vm_raise_value(vm, VOBJ(vm->exc_types.StopAsyncIteration));
    }
    if (vm_exc_matches(vm, vm->exc_types.StopAsyncIteration) ||
        vm_exc_matches(vm, vm->exc_types.GeneratorExit))
        g->closed_async = true;
    return VNULL;
}

static Value asend_send(VM *vm, AsendObj *a, Value arg) {
    GenObj *g = a->gen;
    if (a->state == AW_CLOSED)
        return vm_raise(vm, vm->exc_types.RuntimeError,
                        "cannot reuse already awaited __anext__()/asend()");
    if (a->state == AW_INIT) {
        if (g->running_async) {
            a->state = AW_CLOSED;
            return vm_raise(vm, vm->exc_types.RuntimeError,
                            "anext(): asynchronous generator is already running");
        }
        if (IS_NULL(arg) || IS_NONE(arg))
            arg = a->value;
        a->state = AW_ITER;
    }
    g->running_async = true;
    Value r;
    SendResult st = gen_send_ex(vm, g, arg, false, &r);
    Value out = unwrap(vm, g, st, r);
    if (IS_NULL(out))
        a->state = AW_CLOSED;
    return out;
}

/* athrow()/aclose() awaitables: CPython's async_gen_athrow_send. */
static Value athrow_finish_error(VM *vm, AsendObj *a) {
    a->gen->running_async = false;
    a->state = AW_CLOSED;
    if (a->kind == ACLOSE && (vm_exc_matches(vm, vm->exc_types.StopAsyncIteration) ||
                              vm_exc_matches(vm, vm->exc_types.GeneratorExit))) {
        vm_exc_clear(vm);
        vm_raise_value(vm, VOBJ(vm->exc_types.StopIteration));
    }
    return VNULL;
}

static Value athrow_ignored_exit(VM *vm, AsendObj *a) {
    a->gen->running_async = false;
    a->state = AW_CLOSED;
    return vm_raise(vm, vm->exc_types.RuntimeError, "async generator ignored GeneratorExit");
}

static Value athrow_start(VM *vm, AsendObj *a) {
    GenObj *g = a->gen;
    a->state = AW_ITER;
    g->running_async = true;
    Value r;
    SendResult st;
    if (a->kind == ACLOSE) {
        g->closed_async = true;
        st = gen_throw(vm, g, false, VOBJ(vm->exc_types.GeneratorExit), VNULL, &r);
        if (st == SEND_NEXT && yielded_value(g)) {
            v_decref(vm, r);
            return athrow_ignored_exit(vm, a);
        }
        if (st == SEND_RETURN) {
            v_decref(vm, r);
            vm_raise_value(vm, VOBJ(vm->exc_types.StopAsyncIteration));
            st = SEND_ERROR;
        }
        return st == SEND_ERROR ? athrow_finish_error(vm, a) : r;
    }
    TupleObj *t = AS_TUPLE(a->value);
    st = gen_throw(vm, g, false, t->items[0], t->len > 1 ? t->items[1] : VNULL, &r);
    Value out = unwrap(vm, g, st, r);
    return IS_NULL(out) ? athrow_finish_error(vm, a) : out;
}

static Value athrow_send(VM *vm, AsendObj *a, Value arg) {
    GenObj *g = a->gen;
    if (a->state == AW_CLOSED)
        return vm_raise(vm, vm->exc_types.RuntimeError,
                        "cannot reuse already awaited aclose()/athrow()");
    if (g->state == GEN_CLOSED) {
        a->state = AW_CLOSED;
        return vm_raise_value(vm, VOBJ(vm->exc_types.StopIteration));
    }
    if (a->state == AW_INIT) {
        if (g->running_async) {
            a->state = AW_CLOSED;
            return vm_raise(vm, vm->exc_types.RuntimeError,
                            "%s(): asynchronous generator is already running",
                            a->kind == ACLOSE ? "aclose" : "athrow");
        }
        if (g->closed_async) {
            a->state = AW_CLOSED;
            return vm_raise_value(vm, VOBJ(vm->exc_types.StopAsyncIteration));
        }
        if (!IS_NULL(arg) && !IS_NONE(arg))
            return vm_raise(vm, vm->exc_types.RuntimeError,
                            "can't send non-None value to a just-started coroutine");
        return athrow_start(vm, a);
    }
    Value r;
    SendResult st = gen_send_ex(vm, g, arg, false, &r);
    if (a->kind == ATHROW) {
        Value out = unwrap(vm, g, st, r);
        return IS_NULL(out) ? athrow_finish_error(vm, a) : out;
    }
    if (st == SEND_NEXT) {
        if (yielded_value(g)) {
            v_decref(vm, r);
            return athrow_ignored_exit(vm, a);
        }
        return r;
    }
    if (st == SEND_RETURN) {
        v_decref(vm, r);
        vm_raise_value(vm, VOBJ(vm->exc_types.StopAsyncIteration));
    }
    return athrow_finish_error(vm, a);
}

static Value aw_send(VM *vm, AsendObj *a, Value arg) {
    return a->kind == ASEND ? asend_send(vm, a, arg) : athrow_send(vm, a, arg);
}

static Value aw_throw(VM *vm, AsendObj *a, Value typ, Value val) {
    if (a->state == AW_CLOSED)
        return vm_raise(vm, vm->exc_types.RuntimeError,
                        a->kind == ASEND ? "cannot reuse already awaited __anext__()/asend()"
                                         : "cannot reuse already awaited aclose()/athrow()");
    Value r;
    SendResult st = gen_throw(vm, a->gen, false, typ, val, &r);
    if (a->kind == ACLOSE) {
        if (st == SEND_NEXT && yielded_value(a->gen)) {
            v_decref(vm, r);
            return athrow_ignored_exit(vm, a);
        }
        if (st == SEND_NEXT)
            return r;
        if (st == SEND_RETURN) {
            v_decref(vm, r);
            vm_raise_value(vm, VOBJ(vm->exc_types.StopAsyncIteration));
        }
        return athrow_finish_error(vm, a);
    }
    Value out = unwrap(vm, a->gen, st, r);
    if (IS_NULL(out))
        a->state = AW_CLOSED;
    return out;
}

static AsendObj *self_aw(Value *args) {
    return (AsendObj *)AS_OBJ(args[0]);
}

static Value aw_m_send(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "send", nargs - 1, kwnames, 1, 1))
        return VNULL;
    return aw_send(vm, self_aw(args), args[1]);
}

static Value aw_m_throw(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "throw", nargs - 1, kwnames, 1, 3))
        return VNULL;
    return aw_throw(vm, self_aw(args), args[1], nargs > 2 ? args[2] : VNULL);
}

static Value aw_m_close(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "close", nargs - 1, kwnames, 0, 0))
        return VNULL;
    self_aw(args)->state = AW_CLOSED;
    return VNONE;
}

static int aw_next(VM *vm, Value self, Value *out) {
    Value r = aw_send(vm, (AsendObj *)AS_OBJ(self), VNONE);
    if (IS_NULL(r))
        return -1;
    *out = r;
    return 1;
}

static Value aw_m_next(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "__next__", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return aw_send(vm, self_aw(args), VNONE);
}

static void aw_clear(VM *vm, Obj *o) {
    AsendObj *a = (AsendObj *)o;
    GenObj *g = a->gen;
    Value v = a->value;
    a->gen = NULL;
    a->value = VNONE;
    obj_xdecref(vm, (Obj *)g);
    v_decref(vm, v);
}

static void aw_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    AsendObj *a = (AsendObj *)o;
    if (a->gen)
        visit(vm, VOBJ(a->gen), arg);
    visit(vm, a->value, arg);
}

static bool check_agen(VM *vm, const char *name, Value *args, int nargs) {
    if (nargs >= 1 && is_async_gen(vm, args[0]))
        return true;
    vm_raise(vm, vm->exc_types.TypeError, "descriptor '%s' requires an async generator", name);
    return false;
}

static Value ag_anext(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!check_agen(vm, "__anext__", args, nargs) ||
        !args_count(vm, "__anext__", nargs - 1, kwnames, 0, 0))
        return VNULL;
    return async_gen_anext(vm, self_gen(args));
}

static Value ag_asend(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!check_agen(vm, "asend", args, nargs) || !args_count(vm, "asend", nargs - 1, kwnames, 1, 1))
        return VNULL;
    AsendObj *a = asend_new(vm, self_gen(args), args[1], ASEND);
    return a ? VOBJ(a) : VNULL;
}

static Value ag_athrow(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!check_agen(vm, "athrow", args, nargs) ||
        !args_count(vm, "athrow", nargs - 1, kwnames, 1, 3))
        return VNULL;
    TupleObj *t = tuple_from(vm, args + 1, (size_t)(nargs - 1));
    if (!t)
        return VNULL;
    AsendObj *a = asend_new(vm, self_gen(args), VOBJ(t), ATHROW);
    obj_decref(vm, &t->hdr);
    return a ? VOBJ(a) : VNULL;
}

static Value ag_aclose(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!check_agen(vm, "aclose", args, nargs) ||
        !args_count(vm, "aclose", nargs - 1, kwnames, 0, 0))
        return VNULL;
    AsendObj *a = asend_new(vm, self_gen(args), VNONE, ACLOSE);
    return a ? VOBJ(a) : VNULL;
}

/* ================================================================ lifetime */

/* The warnings module's "default" action: each (location, message) is shown once. */
static bool warn_once(VM *vm, const char *key) {
    if (!vm->warned && !(vm->warned = dict_new(vm)))
        return false;
    StrObj *k = str_from_cstr(vm, key);
    if (!k)
        return false;
    bool seen = !IS_NULL(dict_get_str(vm->warned, k));
    if (!seen && dict_set_str(vm, vm->warned, k, VNONE) < 0)
        seen = true;
    obj_decref(vm, &k->hdr);
    return !seen;
}

/* The stripped text of line `line` of the program, into buf. */
static void source_line(VM *vm, int line, char *buf, size_t cap) {
    buf[0] = '\0';
    const char *p = vm->source, *end = vm->source + vm->source_len;
    if (!p)
        return;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n')
            l++;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    const char *e = p;
    while (e < end && *e != '\n')
        e++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    size_t n = (size_t)(e - p) < cap - 1 ? (size_t)(e - p) : cap - 1;
    memcpy(buf, p, n);
    buf[n] = '\0';
}

/* CPython's "coroutine 'f' was never awaited" RuntimeWarning, at the running line. */
static void warn_never_awaited(VM *vm, GenObj *g) {
    FrameObj *f = vm->frame;
    const char *file = "sys";
    int line = 1;
    if (f) {
        file = f->code->filename->data;
        int lasti = frame_lasti(f);
        line = lasti >= 0 ? f->code->pos[lasti].line : f->code->firstline;
    }
    char head[1024];
    snprintf(head, sizeof head, "%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n", file,
             line, g->qualname->data);
    if (!warn_once(vm, head))
        return;
    vm_write(vm, LS_STDERR, head, strlen(head));
    if (!f)
        return; /* at exit CPython can no longer import tracemalloc: no hint line */
    char src[1024], buf[1100];
    source_line(vm, line, src, sizeof src);
    if (src[0]) {
        snprintf(buf, sizeof buf, "  %s\n", src);
        vm_write(vm, LS_STDERR, buf, strlen(buf));
    }
    const char *tail =
        "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
    vm_write(vm, LS_STDERR, tail, strlen(tail));
}

/* An exception in a finalizer cannot propagate: CPython prints it as "ignored". */
static void write_unraisable(VM *vm, Value obj) {
    Value exc = vm_exc_take(vm);
    StrObj *r = obj_repr(vm, obj);
    vm_exc_clear(vm);
    StrBuf sb;
    sb_init(&sb);
    sb_printf(vm, &sb, "Exception ignored in: %s\n", r ? r->data : "<object>");
    obj_xdecref(vm, (Obj *)r);
    vm_write(vm, LS_STDERR, sb.data ? sb.data : "", sb.len);
    sb_free(vm, &sb);
    vm_print_exception(vm, exc);
    v_decref(vm, exc);
}

/* CPython's _PyGen_Finalize: the warning for a never-started coroutine, close() for a
 * suspended generator. Runs before the fields are released. */
static void gen_finalize(VM *vm, GenObj *g) {
    if (!g->frame || g->state == GEN_CLOSED)
        return;
    if (g->state == GEN_CREATED) {
        if (g->hdr.type == vm->types.coroutine && !vm->step_limit_hit)
            warn_never_awaited(vm, g);
        return;
    }
    if (vm->step_limit_hit || g->state != GEN_SUSPENDED)
        return;
    Value saved = vm_exc_take(vm);
    g->hdr.refcnt++; /* alive while close() runs */
    Value r = gen_close(vm, g);
    if (IS_NULL(r))
        write_unraisable(vm, VOBJ(g));
    v_decref(vm, r);
    g->hdr.refcnt--;
    vm_exc_clear(vm);
    vm->exc = saved;
}

static void gen_clear(VM *vm, Obj *o) {
    GenObj *g = (GenObj *)o;
    gen_finish(vm, g);
}

static void gen_dealloc(VM *vm, Obj *o) {
    GenObj *g = (GenObj *)o;
    gen_finalize(vm, g);
    gen_finish(vm, g);
    obj_decref(vm, &g->code->hdr);
    obj_decref(vm, &g->name->hdr);
    obj_decref(vm, &g->qualname->hdr);
}

static void gen_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    GenObj *g = (GenObj *)o;
    FrameObj *f = g->frame;
    visit(vm, VOBJ(g->code), arg);
    visit(vm, g->exc_state.exc, arg);
    if (!f)
        return;
    if (f->func)
        visit(vm, VOBJ(f->func), arg);
    if (f->locals)
        visit(vm, VOBJ(f->locals), arg);
    for (Value *p = f->slots; p < f->sp; p++)
        if (!IS_NULL(*p))
            visit(vm, *p, arg);
}

/* ================================================================ attributes and reprs */

static StrObj *gen_repr(VM *vm, Value self) {
    GenObj *g = (GenObj *)AS_OBJ(self);
    const char *kind = g->hdr.type == vm->types.coroutine         ? "coroutine"
                       : g->hdr.type == vm->types.async_generator ? "async_generator"
                                                                  : "generator";
    return str_printf(vm, "<%s object %s at 0x%012llx>", kind, g->qualname->data,
                      (unsigned long long)obj_fake_address(vm, AS_OBJ(self)));
}

static Value frame_ref(VM *vm, GenObj *g) {
    if (!g->frame || g->state == GEN_CLOSED)
        return VNONE;
    FrameRef *fr = (FrameRef *)obj_alloc(vm, vm->types.frame, sizeof(FrameRef));
    if (!fr)
        return VNULL;
    obj_incref(&g->hdr);
    fr->gen = g;
    return VOBJ(fr);
}

/* gi_/cr_/ag_ attributes share their suffixes. */
static Value gen_attr(VM *vm, GenObj *g, const char *suffix) {
    if (strcmp(suffix, "frame") == 0)
        return frame_ref(vm, g);
    if (strcmp(suffix, "running") == 0)
        return VBOOL(g->state == GEN_RUNNING);
    if (strcmp(suffix, "suspended") == 0)
        return VBOOL(g->state == GEN_SUSPENDED);
    if (strcmp(suffix, "code") == 0)
        return v_incref(VOBJ(g->code));
    if (strcmp(suffix, "await") == 0 || strcmp(suffix, "yieldfrom") == 0) {
        Value yf = gen_yf(g);
        return IS_NULL(yf) ? VNONE : v_incref(yf);
    }
    if (strcmp(suffix, "origin") == 0)
        return VNONE;
    return VNULL;
}

static Value gen_getattr(VM *vm, Value self, StrObj *name) {
    GenObj *g = (GenObj *)AS_OBJ(self);
    const char *n = name->data;
    const char *prefix = g->hdr.type == vm->types.coroutine         ? "cr_"
                         : g->hdr.type == vm->types.async_generator ? "ag_"
                                                                    : "gi_";
    if (strncmp(n, prefix, 3) == 0) {
        Value v = gen_attr(vm, g, n + 3);
        if (!IS_NULL(v) || !IS_NULL(vm->exc))
            return v;
    }
    if (str_eq_cstr(name, "__name__"))
        return v_incref(VOBJ(g->name));
    if (str_eq_cstr(name, "__qualname__"))
        return v_incref(VOBJ(g->qualname));
    return generic_getattr(vm, self, name);
}

static StrObj *aw_repr(VM *vm, Value self) {
    const char *kind = AS_OBJ(self)->type == vm->types.async_gen_asend ? "async_generator_asend"
                                                                       : "async_generator_athrow";
    return str_printf(vm, "<%s object at 0x%012llx>", kind,
                      (unsigned long long)obj_fake_address(vm, AS_OBJ(self)));
}

static StrObj *wrapper_repr(VM *vm, Value self) {
    return str_printf(vm, "<coroutine_wrapper object at 0x%012llx>",
                      (unsigned long long)obj_fake_address(vm, AS_OBJ(self)));
}

static void frame_ref_clear(VM *vm, Obj *o) {
    FrameRef *fr = (FrameRef *)o;
    GenObj *g = fr->gen;
    fr->gen = NULL;
    obj_xdecref(vm, (Obj *)g);
}

static void frame_ref_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    FrameRef *fr = (FrameRef *)o;
    if (fr->gen)
        visit(vm, VOBJ(fr->gen), arg);
}

static int frame_ref_line(GenObj *g) {
    if (!g || !g->frame)
        return 0;
    int lasti = frame_lasti(g->frame);
    return lasti >= 0 ? g->code->pos[lasti].line : g->code->firstline;
}

static StrObj *frame_ref_repr(VM *vm, Value self) {
    FrameRef *fr = (FrameRef *)AS_OBJ(self);
    GenObj *g = fr->gen;
    return str_printf(vm, "<frame at 0x%012llx, file '%s', line %d, code %s>",
                      (unsigned long long)obj_fake_address(vm, AS_OBJ(self)),
                      g ? g->code->filename->data : "?", frame_ref_line(g),
                      g ? g->code->name->data : "?");
}

static Value frame_ref_getattr(VM *vm, Value self, StrObj *name) {
    FrameRef *fr = (FrameRef *)AS_OBJ(self);
    if (fr->gen && str_eq_cstr(name, "f_lineno"))
        return VINT(frame_ref_line(fr->gen));
    if (fr->gen && str_eq_cstr(name, "f_code"))
        return v_incref(VOBJ(fr->gen->code));
    return generic_getattr(vm, self, name);
}

/* ================================================================ types */

static TypeObj *gen_type(VM *vm, const char *name) {
    TypeObj *t = type_new_builtin(vm, name, NULL, sizeof(GenObj), 0);
    if (!t)
        return NULL;
    t->dealloc = gen_dealloc;
    t->traverse = gen_traverse;
    t->clear = gen_clear;
    t->repr = gen_repr;
    t->getattr = gen_getattr;
    return t;
}

static bool add_methods(VM *vm, TypeObj *t, const char *const *names, const NativeFn *fns, int n) {
    for (int i = 0; i < n; i++)
        if (!type_add_method(vm, t, names[i], fns[i]))
            return false;
    return true;
}

static bool generator_types(VM *vm) {
    static const char *const gnames[] = {"send", "throw", "close", "__next__", "__iter__"};
    static const NativeFn gfns[] = {m_send, m_throw, m_close, m_next, m_self};
    TypeObj *t = vm->types.generator = gen_type(vm, "generator");
    if (!t || !add_methods(vm, t, gnames, gfns, 5))
        return false;
    t->iter = gen_iter;
    t->next = gen_next;
    static const char *const cnames[] = {"send", "throw", "close", "__await__"};
    static const NativeFn cfns[] = {m_send, m_throw, m_close, m_await};
    t = vm->types.coroutine = gen_type(vm, "coroutine");
    if (!t || !add_methods(vm, t, cnames, cfns, 4))
        return false;
    static const char *const anames[] = {"__aiter__", "__anext__", "asend", "athrow", "aclose"};
    static const NativeFn afns[] = {m_self, ag_anext, ag_asend, ag_athrow, ag_aclose};
    t = vm->types.async_generator = gen_type(vm, "async_generator");
    return t && add_methods(vm, t, anames, afns, 5);
}

static TypeObj *helper_type(VM *vm, const char *name, size_t size, void (*clear)(VM *, Obj *),
                            void (*traverse)(VM *, Obj *, VisitFn, void *)) {
    TypeObj *t = type_new_builtin(vm, name, NULL, size, 0);
    if (!t)
        return NULL;
    t->dealloc = clear;
    t->clear = clear;
    t->traverse = traverse;
    return t;
}

static bool awaitable_types(VM *vm) {
    static const char *const names[] = {"send",     "throw",    "close",
                                        "__next__", "__iter__", "__await__"};
    static const NativeFn fns[] = {aw_m_send, aw_m_throw, aw_m_close, aw_m_next, m_self, m_self};
    TypeObj *t = vm->types.async_gen_asend =
        helper_type(vm, "async_generator_asend", sizeof(AsendObj), aw_clear, aw_traverse);
    if (!t || !add_methods(vm, t, names, fns, 6))
        return false;
    t->repr = aw_repr;
    t->iter = gen_iter;
    t->next = aw_next;
    t = vm->types.async_gen_athrow =
        helper_type(vm, "async_generator_athrow", sizeof(AsendObj), aw_clear, aw_traverse);
    if (!t || !add_methods(vm, t, names, fns, 6))
        return false;
    t->repr = aw_repr;
    t->iter = gen_iter;
    t->next = aw_next;
    static const char *const wnames[] = {"send", "throw", "close", "__next__", "__iter__"};
    static const NativeFn wfns[] = {w_send, w_throw, w_close, m_next, m_self};
    t = vm->types.coroutine_wrapper = helper_type(vm, "coroutine_wrapper", sizeof(CoroWrapperObj),
                                                  wrapper_clear, wrapper_traverse);
    if (!t || !add_methods(vm, t, wnames, wfns, 5))
        return false;
    t->repr = wrapper_repr;
    t->iter = gen_iter;
    t->next = wrapper_next;
    t = vm->types.frame =
        helper_type(vm, "frame", sizeof(FrameRef), frame_ref_clear, frame_ref_traverse);
    if (!t)
        return false;
    t->repr = frame_ref_repr;
    t->getattr = frame_ref_getattr;
    return true;
}

bool gen_types_init(VM *vm) {
    if (!generator_types(vm) || !awaitable_types(vm))
        return false;
    TypeObj *types[] = {vm->types.generator,
                        vm->types.coroutine,
                        vm->types.async_generator,
                        vm->types.async_gen_asend,
                        vm->types.async_gen_athrow,
                        vm->types.coroutine_wrapper,
                        vm->types.frame};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!type_ready(vm, types[i]))
            return false;
    return true;
}
