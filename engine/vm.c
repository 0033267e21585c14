/*
 * vm.c - the interpreter: frames, the calling convention and the dispatch loop.
 *
 * Frames live on the heap (a generator owns its suspended frame); a Python function called
 * from Python pushes a frame and continues the same loop (no C recursion); C code calling
 * Python (vm_call) runs a nested loop with that frame as its "entry" frame. Exceptions
 * unwind through each code object's exception table (CPython 3.11's zero-cost layout) and
 * collect a traceback entry per frame on the way out.
 *
 * Dispatch uses computed gotos with GCC/Clang and a switch otherwise. Ints and floats have
 * inline fast paths (overflow falls back to the object model, which raises OverflowError);
 * LOAD_GLOBAL keeps a per-instruction cache validated by the dicts' versions; LOAD_METHOD/CALL
 * avoid creating bound methods.
 *
 * The step budget counts instructions at backward jumps (by the loop's length), at calls and
 * at each item a native loop takes from an iterator (vm_count_step); past config.max_steps the run
 * stops without running except/finally handlers.
 *
 * Not for: generator objects (gen.c), the function/code/cell types (func.c), printing
 * tracebacks (traceback.c), the engine's public API (engine.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code.h"
#include "objimpl.h"
#include "trace.h"

#if defined(__GNUC__)
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#endif

const char *const opcode_names[OP_COUNT] = {
#define X(op) #op,
    LS_OPCODES(X)
#undef X
};

/* ================================================================ frames */

enum { FRAME_MIN_SLOTS = 16, FRAME_CLASSES = 8 };

/* The free-list class of a frame with `cap` slots (cap a power of two >= 16). */
static int frame_class(int cap) {
    int k = 0;
    while ((FRAME_MIN_SLOTS << k) < cap)
        k++;
    return k;
}

/* A blank frame for `code` (locals unset), from the free list when possible. */
static FrameObj *frame_alloc(VM *vm, CodeObj *code) {
    int cap = FRAME_MIN_SLOTS;
    while (cap < code->nslots)
        cap <<= 1;
    int k = frame_class(cap);
    FrameObj *f;
    if (k < FRAME_CLASSES && vm->frame_free[k]) {
        f = vm->frame_free[k];
        vm->frame_free[k] = f->back;
    } else {
        f = ls_alloc(vm, sizeof(FrameObj) + (size_t)cap * sizeof(Value));
        if (!f) {
            vm_raise_value(vm, VOBJ(vm->exc_types.MemoryError));
            return NULL;
        }
        f->capacity = cap;
    }
    int nfast = code->nlocals + code->ncells + code->nfrees;
    memset(f->slots, 0, (size_t)nfast * sizeof(Value));
    obj_incref(&code->hdr);
    f->code = code;
    f->func = NULL;
    f->globals = NULL;
    f->locals = NULL;
    f->back = NULL;
    f->gen = NULL;
    f->ip = code->code;
    f->sp = f->slots + nfast;
    f->is_entry = false;
    return f;
}

void frame_release(VM *vm, FrameObj *f) {
    for (Value *p = f->slots; p < f->sp; p++)
        v_decref(vm, *p);
    obj_decref(vm, &f->code->hdr);
    obj_xdecref(vm, (Obj *)f->func);
    obj_xdecref(vm, (Obj *)f->locals);
    int k = frame_class(f->capacity);
    if (k < FRAME_CLASSES) {
        f->back = vm->frame_free[k];
        vm->frame_free[k] = f;
    } else {
        ls_free(vm, f, sizeof(FrameObj) + (size_t)f->capacity * sizeof(Value));
    }
}

/* A frame left by an exception: its traceback entry keeps it (and so its variables) alive
 * until the exception dies, as CPython's tb_frame does; otherwise it is released. */
static void frame_exit_with_error(VM *vm, FrameObj *f) {
    Value exc = vm->exc;
    if (IS_OBJ(exc) && (AS_OBJ(exc)->type->flags & TF_EXCEPTION)) {
        TracebackObj *tb = (TracebackObj *)((ExcObj *)AS_OBJ(exc))->traceback;
        if (tb && tb->code == f->code && !tb->frame) {
            tb->frame = f;
            return;
        }
    }
    frame_release(vm, f);
}

/* Releases an entry frame after its run: kept by the traceback when it raised. */
static void frame_done(VM *vm, FrameObj *f, Value result) {
    if (IS_NULL(result) && !vm->step_limit_hit)
        frame_exit_with_error(vm, f);
    else
        frame_release(vm, f);
}

/* Frees the recycled frames (engine teardown). */
void vm_free_frames(VM *vm);
void vm_free_frames(VM *vm) {
    for (int k = 0; k < FRAME_CLASSES; k++)
        while (vm->frame_free[k]) {
            FrameObj *f = vm->frame_free[k];
            vm->frame_free[k] = f->back;
            ls_free(vm, f, sizeof(FrameObj) + (size_t)f->capacity * sizeof(Value));
        }
}

/* Creates the cells of a frame whose arguments are bound, and copies the closure. */
static bool frame_init_cells(VM *vm, FrameObj *f) {
    CodeObj *co = f->code;
    Value *cells = f->slots + co->nlocals;
    for (int i = 0; i < co->ncells; i++) {
        int arg = co->cell2arg ? co->cell2arg[i] : -1;
        CellObj *cell = cell_new(vm, arg >= 0 ? f->slots[arg] : VNULL);
        if (!cell)
            return false;
        cells[i] = VOBJ(cell);
    }
    TupleObj *closure = f->func ? f->func->closure : NULL;
    for (int i = 0; i < co->nfrees; i++)
        cells[co->ncells + i] = closure ? v_incref(closure->items[i]) : VNULL;
    return true;
}

/* ================================================================ tracebacks and context */

/* Snapshot of the names a NameError suggestion may offer (CPython reads the frame later). */
static void traceback_name_info(VM *vm, TracebackObj *tb, FrameObj *f) {
    tb->globals = f->globals;
    obj_incref(&f->globals->hdr);
    CodeObj *co = f->code;
    int n = 0;
    for (int i = 0; i < co->nlocals; i++)
        n += !IS_NULL(f->slots[i]);
    TupleObj *names = tuple_new(vm, (size_t)n);
    if (!names) {
        vm_exc_clear(vm);
        return;
    }
    n = 0;
    for (int i = 0; i < co->nlocals; i++)
        if (!IS_NULL(f->slots[i]))
            names->items[n++] = v_incref(VOBJ(co->localnames[i]));
    tb->local_names = names;
}

void vm_traceback_here(VM *vm, FrameObj *f) {
    if (IS_NULL(vm->exc)) /* a bug: some C code failed without raising (CPython's wording) */
        vm_raise(vm, vm->exc_types.SystemError, "error return without exception set");
    Value exc = vm->exc;
    if (!IS_OBJ(exc) || !(AS_OBJ(exc)->type->flags & TF_EXCEPTION))
        return;
    ExcObj *e = (ExcObj *)AS_OBJ(exc);
    Value pending = vm_exc_take(vm); /* the allocation below must not see it pending */
    TracebackObj *tb = traceback_new(vm, f->code, frame_lasti(f), (TracebackObj *)e->traceback);
    if (tb) {
        if (val_isinstance(vm, pending, vm->exc_types.NameError) &&
            !val_isinstance(vm, pending, vm->exc_types.UnboundLocalError))
            traceback_name_info(vm, tb, f);
        obj_xdecref(vm, e->traceback);
        e->traceback = &tb->hdr;
    } else {
        vm_exc_clear(vm);
    }
    vm->exc = pending;
}

/* The exception being handled, searching outward through suspended contexts. */
static Value topmost_handled(VM *vm) {
    for (ExcInfo *ei = vm->exc_info; ei; ei = ei->prev)
        if (!IS_NULL(ei->exc) && !IS_NONE(ei->exc))
            return ei->exc;
    return VNONE;
}

/* Implicit chaining: the new exception's __context__ is the one being handled (CPython's
 * _PyErr_SetObject, including its cycle breaking). */
static void set_context(VM *vm, Value exc) {
    Value handled = topmost_handled(vm);
    if (IS_NONE(handled) || !IS_OBJ(exc) || AS_OBJ(handled) == AS_OBJ(exc))
        return;
    if (!(AS_OBJ(exc)->type->flags & TF_EXCEPTION))
        return;
    ExcObj *value = (ExcObj *)AS_OBJ(exc);
    ExcObj *o = (ExcObj *)AS_OBJ(handled);
    for (int guard = 0; o->context && guard < 100000; guard++) {
        if (o->context == &value->hdr) {
            obj_decref(vm, o->context);
            o->context = NULL;
            break;
        }
        o = (ExcObj *)o->context;
    }
    Obj *old = value->context;
    obj_incref(AS_OBJ(handled));
    value->context = AS_OBJ(handled);
    obj_xdecref(vm, old);
}

bool vm_take_stop_iteration(VM *vm, Value *value) {
    if (!vm_exc_matches(vm, vm->exc_types.StopIteration))
        return false;
    Value exc = vm_exc_take(vm);
    Value v = obj_getattr(vm, exc, vm->names.value);
    v_decref(vm, exc);
    if (IS_NULL(v)) {
        vm_exc_clear(vm);
        v = VNONE;
    }
    *value = v;
    return true;
}

/* ================================================================ argument binding */

/* "'x', 'y', and 'z'" from the names of the unset parameters in [start, end). */
static void format_missing(VM *vm, FunctionObj *fn, FrameObj *f, int start, int end, int missing,
                           const char *kind) {
    CodeObj *co = fn->code;
    StrBuf sb;
    sb_init(&sb);
    int seen = 0;
    for (int i = start; i < end; i++) {
        if (!IS_NULL(f->slots[i]))
            continue;
        seen++;
        if (seen > 1)
            sb_adds(vm, &sb, missing == 2 ? " and " : seen == missing ? ", and " : ", ");
        sb_printf(vm, &sb, "'%s'", co->localnames[i]->data);
    }
    StrObj *names = sb_finish(vm, &sb);
    if (!names)
        return;
    vm_raise(vm, vm->exc_types.TypeError, "%s() missing %d required %s argument%s: %s",
             fn->qualname->data, missing, kind, missing == 1 ? "" : "s", names->data);
    obj_decref(vm, &names->hdr);
}

/* CPython's too_many_positional. */
static void too_many_positional(VM *vm, FunctionObj *fn, FrameObj *f, int given) {
    CodeObj *co = fn->code;
    int kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        kwonly_given += !IS_NULL(f->slots[i]);
    int defcount = fn->defaults ? (int)fn->defaults->len : 0;
    char sig[64], kwsig[96] = "";
    bool plural;
    if (defcount) {
        plural = true;
        snprintf(sig, sizeof sig, "from %d to %d", co->argcount - defcount, co->argcount);
    } else {
        plural = co->argcount != 1;
        snprintf(sig, sizeof sig, "%d", co->argcount);
    }
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %d keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    vm_raise(vm, vm->exc_types.TypeError, "%s() takes %s positional argument%s but %d%s %s given",
             fn->qualname->data, sig, plural ? "s" : "", given, kwsig,
             given == 1 && !kwonly_given ? "was" : "were");
}

/* Index of parameter `name` among [start, end) of the code's locals, or -1. */
static int find_param(CodeObj *co, StrObj *name, int start, int end) {
    for (int i = start; i < end; i++)
        if (co->localnames[i] == name)
            return i;
    for (int i = start; i < end; i++)
        if (str_eq(co->localnames[i], name))
            return i;
    return -1;
}

/* "got some positional-only arguments passed as keyword arguments: 'a, b'"; false if none. */
static bool posonly_as_keyword(VM *vm, FunctionObj *fn, TupleObj *kwnames) {
    CodeObj *co = fn->code;
    StrBuf sb;
    sb_init(&sb);
    int n = 0;
    for (size_t k = 0; k < kwnames->len; k++) {
        StrObj *name = (StrObj *)AS_OBJ(kwnames->items[k]);
        if (find_param(co, name, 0, co->posonlyargcount) < 0)
            continue;
        sb_printf(vm, &sb, "%s%s", n++ ? ", " : "", name->data);
    }
    if (n == 0) {
        sb_free(vm, &sb);
        return false;
    }
    StrObj *names = sb_finish(vm, &sb);
    if (names) {
        vm_raise(vm, vm->exc_types.TypeError,
                 "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                 fn->qualname->data, names->data);
        obj_decref(vm, &names->hdr);
    }
    return true;
}

/* Keyword arguments into parameters or **kwargs (CPython's initialize_locals, step 3). */
static bool bind_keywords(VM *vm, FunctionObj *fn, FrameObj *f, Value *kwvals, TupleObj *kwnames,
                          DictObj *kwdict) {
    CodeObj *co = fn->code;
    int total = co->argcount + co->kwonlyargcount;
    for (size_t k = 0; k < kwnames->len; k++) {
        StrObj *name = (StrObj *)AS_OBJ(kwnames->items[k]);
        int j = find_param(co, name, co->posonlyargcount, total);
        if (j < 0) {
            if (kwdict) {
                if (dict_set(vm, kwdict, VOBJ(name), kwvals[k]) < 0)
                    return false;
                continue;
            }
            if (co->posonlyargcount && posonly_as_keyword(vm, fn, kwnames))
                return false;
            vm_raise(vm, vm->exc_types.TypeError, "%s() got an unexpected keyword argument '%s'",
                     fn->qualname->data, name->data);
            return false;
        }
        if (!IS_NULL(f->slots[j])) {
            vm_raise(vm, vm->exc_types.TypeError, "%s() got multiple values for argument '%s'",
                     fn->qualname->data, name->data);
            return false;
        }
        f->slots[j] = v_incref(kwvals[k]);
    }
    return true;
}

/* Defaults for missing parameters, or CPython's "missing ... argument" errors. */
static bool bind_defaults(VM *vm, FunctionObj *fn, FrameObj *f, int nargs) {
    CodeObj *co = fn->code;
    if (nargs < co->argcount) {
        int defcount = fn->defaults ? (int)fn->defaults->len : 0;
        int m = co->argcount - defcount, missing = 0;
        for (int i = nargs; i < m; i++)
            missing += IS_NULL(f->slots[i]);
        if (missing) {
            format_missing(vm, fn, f, 0, m, missing, "positional");
            return false;
        }
        for (int i = nargs > m ? nargs - m : 0; i < defcount; i++)
            if (IS_NULL(f->slots[m + i]))
                f->slots[m + i] = v_incref(fn->defaults->items[i]);
    }
    int total = co->argcount + co->kwonlyargcount, missing = 0;
    for (int i = co->argcount; i < total; i++) {
        if (!IS_NULL(f->slots[i]))
            continue;
        Value d = fn->kwdefaults ? dict_get_str(fn->kwdefaults, co->localnames[i]) : VNULL;
        if (!IS_NULL(d))
            f->slots[i] = v_incref(d);
        else
            missing++;
    }
    if (missing) {
        format_missing(vm, fn, f, co->argcount, total, missing, "keyword-only");
        return false;
    }
    return true;
}

/* Binds a call's arguments (borrowed) to the parameters of fn in frame f. */
static bool bind_args(VM *vm, FunctionObj *fn, FrameObj *f, Value *args, int nargs,
                      TupleObj *kwnames) {
    CodeObj *co = fn->code;
    int total = co->argcount + co->kwonlyargcount;
    int n = nargs < co->argcount ? nargs : co->argcount;
    for (int i = 0; i < n; i++)
        f->slots[i] = v_incref(args[i]);
    int extra = total;
    if (co->flags & CO_VARARGS) {
        TupleObj *rest = tuple_from(vm, args + n, (size_t)(nargs - n));
        if (!rest)
            return false;
        f->slots[extra++] = VOBJ(rest);
    }
    DictObj *kwdict = NULL;
    if (co->flags & CO_VARKEYWORDS) {
        kwdict = dict_new(vm);
        if (!kwdict)
            return false;
        f->slots[extra] = VOBJ(kwdict);
    }
    if (kwnames && !bind_keywords(vm, fn, f, args + nargs, kwnames, kwdict))
        return false;
    if (nargs > co->argcount && !(co->flags & CO_VARARGS)) {
        too_many_positional(vm, fn, f, nargs);
        return false;
    }
    return bind_defaults(vm, fn, f, nargs);
}

/* A frame for calling fn with these (borrowed) arguments, cells ready; NULL on error. */
static FrameObj *frame_for_call(VM *vm, FunctionObj *fn, Value *args, int nargs,
                                TupleObj *kwnames) {
    CodeObj *co = fn->code;
    FrameObj *f = frame_alloc(vm, co);
    if (!f)
        return NULL;
    obj_incref(&fn->hdr);
    f->func = fn;
    f->globals = fn->globals;
    bool simple = !kwnames && nargs == co->argcount && co->kwonlyargcount == 0 &&
                  !(co->flags & (CO_VARARGS | CO_VARKEYWORDS));
    if (simple) {
        for (int i = 0; i < nargs; i++)
            f->slots[i] = v_incref(args[i]);
    } else if (!bind_args(vm, fn, f, args, nargs, kwnames)) {
        frame_release(vm, f);
        return NULL;
    }
    if ((co->ncells || co->nfrees) && !frame_init_cells(vm, f)) {
        frame_release(vm, f);
        return NULL;
    }
    return f;
}

static bool is_generator_code(CodeObj *co) {
    return (co->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) != 0;
}

/* Calls a Python function from C: a nested run of the loop (or a new generator). */
static Value call_function(VM *vm, FunctionObj *fn, Value *args, int nargs, TupleObj *kwnames) {
    FrameObj *f = frame_for_call(vm, fn, args, nargs, kwnames);
    if (!f)
        return VNULL;
    if (is_generator_code(fn->code))
        return gen_new(vm, f);
    bool yielded;
    Value r = vm_run_frame(vm, f, false, &yielded);
    frame_done(vm, f, r);
    return r;
}

/* ================================================================ calling anything */

/* Calls callable(self, *args) (or the native fn when given) without allocating when the
 * arguments are few. */
static Value call_with_self(VM *vm, Value callable, NativeFn fn, Value self, Value *args, int nargs,
                            TupleObj *kwnames) {
    int total = nargs + (kwnames ? (int)kwnames->len : 0);
    Value small[8];
    Value *buf = small;
    if (total + 1 > 8) {
        buf = ls_alloc(vm, (size_t)(total + 1) * sizeof(Value));
        if (!buf)
            return vm_raise_value(vm, VOBJ(vm->exc_types.MemoryError));
    }
    buf[0] = self;
    if (total)
        memcpy(buf + 1, args, (size_t)total * sizeof(Value));
    Value r = fn ? fn(vm, buf, nargs + 1, kwnames) : vm_call(vm, callable, buf, nargs + 1, kwnames);
    if (buf != small)
        ls_free(vm, buf, (size_t)(total + 1) * sizeof(Value));
    return r;
}

bool vm_c_stack_ok(VM *vm, const char *where) {
    if (!vm->c_stack_base)
        return true;
    uintptr_t here = vm_c_stack_address();
    uintptr_t used = vm->c_stack_base > here ? vm->c_stack_base - here : here - vm->c_stack_base;
    if (LIKELY(used <= LS_C_STACK_BUDGET))
        return true;
    vm_raise(vm, vm->exc_types.RecursionError, "maximum recursion depth exceeded%s", where);
    return false;
}

bool vm_enter_recursion(VM *vm, const char *where) {
    if (UNLIKELY(vm->depth >= vm->config.max_depth)) {
        vm_raise(vm, vm->exc_types.RecursionError, "maximum recursion depth exceeded%s", where);
        return false;
    }
    if (!vm_c_stack_ok(vm, where))
        return false;
    vm->depth++;
    return true;
}

void vm_leave_recursion(VM *vm) {
    vm->depth--;
}

Value vm_call(VM *vm, Value callable, Value *args, int nargs, TupleObj *kwnames) {
    TypeObj *t = val_type(vm, callable);
    if (t == vm->types.function)
        return call_function(vm, (FunctionObj *)AS_OBJ(callable), args, nargs, kwnames);
    if (t == vm->types.builtin) {
        /* CPython counts native calls in the recursion depth too (cfunction_enter_call) */
        if (UNLIKELY(vm->depth >= vm->config.max_depth))
            return vm_raise(vm, vm->exc_types.RecursionError,
                            "maximum recursion depth exceeded while calling a Python object");
        if (!vm_c_stack_ok(vm, " while calling a Python object"))
            return VNULL;
        BuiltinObj *b = (BuiltinObj *)AS_OBJ(callable);
        vm->depth++;
        Value r = IS_NULL(b->self)
                      ? b->fn(vm, args, nargs, kwnames)
                      : call_with_self(vm, VNULL, b->fn, b->self, args, nargs, kwnames);
        vm->depth--;
        return r;
    }
    if (t == vm->types.method) {
        MethodObj *m = (MethodObj *)AS_OBJ(callable);
        return call_with_self(vm, m->func, NULL, m->self, args, nargs, kwnames);
    }
    if (t->call)
        return t->call(vm, callable, args, nargs, kwnames);
    return vm_raise(vm, vm->exc_types.TypeError, "'%s' object is not callable", t->name->data);
}

Value vm_call0(VM *vm, Value callable) {
    return vm_call(vm, callable, NULL, 0, NULL);
}

Value vm_call1(VM *vm, Value callable, Value a) {
    return vm_call(vm, callable, &a, 1, NULL);
}

Value vm_call2(VM *vm, Value callable, Value a, Value b) {
    Value args[2] = {a, b};
    return vm_call(vm, callable, args, 2, NULL);
}

Value vm_call_method(VM *vm, Value o, const char *name, Value *args, int nargs) {
    StrObj *n = str_intern(vm, name);
    if (!n)
        return VNULL;
    Value f;
    int r = obj_load_method(vm, o, n, &f);
    obj_decref(vm, &n->hdr);
    if (r < 0)
        return VNULL;
    Value res =
        r ? call_with_self(vm, f, NULL, o, args, nargs, NULL) : vm_call(vm, f, args, nargs, NULL);
    v_decref(vm, f);
    return res;
}

Value vm_lookup_special(VM *vm, Value o, StrObj *name) {
    Value d = type_lookup(val_type(vm, o), name);
    if (IS_NULL(d))
        return VNULL;
    TypeObj *dt = val_type(vm, d);
    if (dt->descr_get)
        return dt->descr_get(vm, d, o, val_type(vm, o));
    return v_incref(d);
}

/* ================================================================ opcode helpers */

static Value unbound_local_name(VM *vm, StrObj *name) {
    return vm_raise(vm, vm->exc_types.UnboundLocalError,
                    "cannot access local variable '%s' where it is not associated with a value",
                    name->data);
}

static Value unbound_deref(VM *vm, CodeObj *co, int i) {
    if (i < co->ncells)
        return unbound_local_name(vm, co->cellnames[i]);
    return vm_raise(vm, vm->exc_types.NameError,
                    "cannot access free variable '%s' where it is not associated with a value "
                    "in enclosing scope",
                    co->freenames[i - co->ncells]->data);
}

/* Sets attribute `attr` of the pending exception (its dict), ignoring failures. */
static void exc_note_attr(VM *vm, const char *attr, Value v) {
    if (!IS_OBJ(vm->exc) || !(AS_OBJ(vm->exc)->type->flags & TF_EXCEPTION))
        return;
    ExcObj *e = (ExcObj *)AS_OBJ(vm->exc);
    if (!e->dict)
        return;
    Value pending = vm_exc_take(vm);
    if (dict_set_cstr(vm, e->dict, attr, v) < 0)
        vm_exc_clear(vm);
    vm->exc = pending;
}

/* NameError("name 'x' is not defined") with .name set, for "Did you mean" suggestions. */
static Value name_error(VM *vm, StrObj *name) {
    vm_raise(vm, vm->exc_types.NameError, "name '%s' is not defined", name->data);
    exc_note_attr(vm, "name", VOBJ(name));
    return VNULL;
}

/* A failed attribute lookup records the object and name (CPython 3.11 does this in
 * PyObject_GetAttr) so that the traceback can suggest a similar attribute. */
static void attribute_error_context(VM *vm, Value obj, StrObj *name) {
    if (!vm_exc_matches(vm, vm->exc_types.AttributeError))
        return;
    ExcObj *e = (ExcObj *)AS_OBJ(vm->exc);
    if (!e->dict || !IS_NULL(dict_get_str(e->dict, vm->names.self)))
        return;
    exc_note_attr(vm, "name", VOBJ(name));
    exc_note_attr(vm, "obj", obj);
}

/* LOAD_GLOBAL's slow path: globals then builtins, remembering the entry in the cache. */
static Value load_global_slow(VM *vm, FrameObj *f, GlobalCache *gc, StrObj *name) {
    DictObj *g = f->globals, *b = vm->builtins;
    DictObj *where = g;
    Value v = dict_get_str(g, name);
    if (IS_NULL(v)) {
        where = b;
        v = dict_get_str(b, name);
        if (IS_NULL(v))
            return name_error(vm, name);
    }
    for (size_t i = 0; i < where->nentries; i++) {
        Value k = where->entries[i].key;
        if (IS_OBJ(k) && AS_OBJ(k) == &name->hdr) {
            gc->globals = g;
            gc->gversion = g->version;
            gc->bversion = b->version;
            gc->in_builtins = where == b;
            gc->index = (uint32_t)i;
            break;
        }
    }
    return v_incref(v);
}

static Value load_name(VM *vm, FrameObj *f, StrObj *name) {
    Value v = f->locals ? dict_get_str(f->locals, name) : VNULL;
    if (IS_NULL(v))
        v = dict_get_str(f->globals, name);
    if (IS_NULL(v))
        v = dict_get_str(vm->builtins, name);
    if (IS_NULL(v))
        return name_error(vm, name);
    return v_incref(v);
}

static bool delete_from(VM *vm, DictObj *d, StrObj *name) {
    int r = dict_del(vm, d, VOBJ(name));
    if (r == 0)
        name_error(vm, name);
    return r > 0;
}

/* "cannot unpack non-iterable int object" when v has no iteration protocol at all. */
static Value unpack_iter(VM *vm, Value v) {
    TypeObj *t = val_type(vm, v);
    if (!t->iter && !t->getitem)
        return vm_raise(vm, vm->exc_types.TypeError, "cannot unpack non-iterable %s object",
                        t->name->data);
    return obj_iter(vm, v);
}

/* UNPACK_SEQUENCE: pushes the n items of seq in reverse order at out[0..n). */
static bool unpack_sequence(VM *vm, Value seq, int n, Value *out) {
    if (IS_TUPLE(vm, seq) || IS_LIST(vm, seq)) {
        size_t len = IS_TUPLE(vm, seq) ? AS_TUPLE(seq)->len : AS_LIST(seq)->len;
        Value *items = IS_TUPLE(vm, seq) ? AS_TUPLE(seq)->items : AS_LIST(seq)->items;
        if ((int64_t)len == n) {
            for (int i = 0; i < n; i++)
                out[n - 1 - i] = v_incref(items[i]);
            return true;
        }
        if ((int64_t)len < n)
            vm_raise(vm, vm->exc_types.ValueError,
                     "not enough values to unpack (expected %d, got %zu)", n, len);
        else
            vm_raise(vm, vm->exc_types.ValueError, "too many values to unpack (expected %d)", n);
        return false;
    }
    Value it = unpack_iter(vm, seq);
    if (IS_NULL(it))
        return false;
    int got = 0;
    for (; got < n; got++) {
        Value item;
        int r = obj_next(vm, it, &item);
        if (r <= 0) {
            if (r == 0)
                vm_raise(vm, vm->exc_types.ValueError,
                         "not enough values to unpack (expected %d, got %d)", n, got);
            goto fail;
        }
        out[n - 1 - got] = item;
    }
    Value extra;
    int r = obj_next(vm, it, &extra);
    if (r != 0) {
        if (r > 0) {
            v_decref(vm, extra);
            vm_raise(vm, vm->exc_types.ValueError, "too many values to unpack (expected %d)", n);
        }
        goto fail;
    }
    v_decref(vm, it);
    return true;
fail:
    for (int i = 0; i < got; i++)
        v_decref(vm, out[n - 1 - i]);
    v_decref(vm, it);
    return false;
}

/* UNPACK_EX: a, *b, c = seq. Writes before + 1 + after values in reverse at out. */
static bool unpack_ex(VM *vm, Value seq, int before, int after, Value *out) {
    Value it = unpack_iter(vm, seq);
    if (IS_NULL(it))
        return false;
    ListObj *all = list_from_iterable(vm, it);
    v_decref(vm, it);
    if (!all)
        return false;
    int64_t len = (int64_t)all->len;
    if (len < before + after) {
        vm_raise(vm, vm->exc_types.ValueError,
                 "not enough values to unpack (expected at least %d, got %lld)", before + after,
                 (long long)len);
        obj_decref(vm, &all->hdr);
        return false;
    }
    int total = before + 1 + after;
    for (int i = 0; i < before; i++)
        out[total - 1 - i] = v_incref(all->items[i]);
    ListObj *mid = list_new(vm, (size_t)(len - before - after));
    if (!mid) {
        for (int i = 0; i < before; i++)
            v_decref(vm, out[total - 1 - i]);
        obj_decref(vm, &all->hdr);
        return false;
    }
    for (int64_t i = before; i < len - after; i++)
        list_append(vm, mid, all->items[i]);
    out[after] = VOBJ(mid);
    for (int i = 0; i < after; i++)
        out[after - 1 - i] = v_incref(all->items[len - after + i]);
    obj_decref(vm, &all->hdr);
    return true;
}

/* "__main__.f()" / "print()": how CPython names a callable in argument errors. */
static StrObj *func_str(VM *vm, Value f) {
    TypeObj *t = val_type(vm, f);
    if (t == vm->types.function) {
        FunctionObj *fn = (FunctionObj *)AS_OBJ(f);
        if (IS_OBJ(fn->module) && AS_OBJ(fn->module)->type == vm->types.str &&
            !str_eq_cstr((StrObj *)AS_OBJ(fn->module), "builtins"))
            return str_printf(vm, "%s.%s()", ((StrObj *)AS_OBJ(fn->module))->data,
                              fn->qualname->data);
        return str_printf(vm, "%s()", fn->qualname->data);
    }
    if (t == vm->types.builtin)
        return str_printf(vm, "%s()", ((BuiltinObj *)AS_OBJ(f))->name);
    if (t == vm->types.method)
        return func_str(vm, ((MethodObj *)AS_OBJ(f))->func);
    return obj_str(vm, f);
}

static bool iterable_or_sequence(VM *vm, Value v) {
    TypeObj *t = val_type(vm, v);
    return t->iter || t->getitem;
}

/* LIST_EXTEND / the positional part of f(*args). */
static bool extend_args(VM *vm, ListObj *l, Value iterable, Value func) {
    if (!iterable_or_sequence(vm, iterable)) {
        TypeObj *t = val_type(vm, iterable);
        if (IS_NULL(func)) {
            vm_raise(vm, vm->exc_types.TypeError, "Value after * must be an iterable, not %s",
                     t->name->data);
        } else {
            StrObj *fs = func_str(vm, func);
            if (fs) {
                vm_raise(vm, vm->exc_types.TypeError,
                         "%s argument after * must be an iterable, not %s", fs->data,
                         t->name->data);
                obj_decref(vm, &fs->hdr);
            }
        }
        return false;
    }
    Value it = obj_iter(vm, iterable);
    if (IS_NULL(it))
        return false;
    for (;;) {
        Value item;
        int r = obj_next(vm, it, &item);
        if (r <= 0) {
            v_decref(vm, it);
            return r == 0;
        }
        bool ok = list_append(vm, l, item);
        v_decref(vm, item);
        if (!ok) {
            v_decref(vm, it);
            return false;
        }
    }
}

/* Copies mapping `src` into dict d. With `func`, duplicate keys and non-mappings raise the
 * call's messages (DICT_MERGE); otherwise the display's messages (DICT_UPDATE). */
static bool merge_kwargs(VM *vm, DictObj *d, Value src, Value func) {
    if (IS_DICT(vm, src)) {
        size_t pos = 0;
        Value k, v;
        while (dict_next(AS_DICT(src), &pos, &k, &v)) {
            if (!IS_NULL(func)) {
                int has = dict_get(vm, d, k, &(Value){0});
                if (has < 0)
                    return false;
                if (has) {
                    Value tmp;
                    if (dict_get(vm, d, k, &tmp) > 0)
                        v_decref(vm, tmp);
                    StrObj *fs = func_str(vm, func);
                    StrObj *ks = fs ? obj_str(vm, k) : NULL;
                    if (ks)
                        vm_raise(vm, vm->exc_types.TypeError,
                                 "%s got multiple values for keyword argument '%s'", fs->data,
                                 ks->data);
                    obj_xdecref(vm, (Obj *)fs);
                    obj_xdecref(vm, (Obj *)ks);
                    return false;
                }
            }
            if (dict_set(vm, d, k, v) < 0)
                return false;
        }
        return true;
    }
    Value keys_fn = obj_getattr_opt(vm, src, vm->names.keys);
    if (IS_NULL(keys_fn)) {
        if (!IS_NULL(vm->exc))
            return false;
        TypeObj *t = val_type(vm, src);
        if (IS_NULL(func)) {
            vm_raise(vm, vm->exc_types.TypeError, "'%s' object is not a mapping", t->name->data);
        } else {
            StrObj *fs = func_str(vm, func);
            if (fs) {
                vm_raise(vm, vm->exc_types.TypeError,
                         "%s argument after ** must be a mapping, not %s", fs->data, t->name->data);
                obj_decref(vm, &fs->hdr);
            }
        }
        return false;
    }
    Value keys = vm_call0(vm, keys_fn);
    v_decref(vm, keys_fn);
    if (IS_NULL(keys))
        return false;
    DictObj *tmp = dict_new(vm);
    Value it = tmp ? obj_iter(vm, keys) : VNULL;
    v_decref(vm, keys);
    bool ok = !IS_NULL(it);
    while (ok) {
        Value k;
        int r = obj_next(vm, it, &k);
        if (r <= 0) {
            ok = r == 0;
            break;
        }
        Value v = obj_getitem(vm, src, k);
        ok = !IS_NULL(v) && dict_set(vm, tmp, k, v) == 0;
        v_decref(vm, v);
        v_decref(vm, k);
    }
    v_decref(vm, it);
    if (ok)
        ok = merge_kwargs(vm, d, VOBJ(tmp), func);
    obj_xdecref(vm, (Obj *)tmp);
    return ok;
}

/* CALL_FUNCTION_EX: turns f(*args, **kwargs) into a vectorcall. *argv (allocated with
 * ls_alloc, *argc positional + len(kwnames) keyword values, new references). */
static bool flatten_call(VM *vm, Value func, Value args, Value kwargs, Value **argv, int *argc,
                         int *alloc, TupleObj **kwnames) {
    TupleObj *pos = NULL;
    if (IS_TUPLE(vm, args)) {
        pos = AS_TUPLE(args);
        obj_incref(&pos->hdr);
    } else {
        ListObj *l = list_new(vm, 0);
        if (!l || !extend_args(vm, l, args, func)) {
            obj_xdecref(vm, (Obj *)l);
            return false;
        }
        pos = tuple_from(vm, l->items, l->len);
        obj_decref(vm, &l->hdr);
        if (!pos)
            return false;
    }
    DictObj *kw = NULL;
    if (!IS_NULL(kwargs)) {
        kw = dict_new(vm);
        if (!kw || !merge_kwargs(vm, kw, kwargs, func)) {
            obj_xdecref(vm, (Obj *)kw);
            obj_decref(vm, &pos->hdr);
            return false;
        }
    }
    int nkw = kw ? (int)kw->len : 0;
    *alloc = (int)pos->len + nkw + 1;
    *argv = ls_alloc(vm, (size_t)*alloc * sizeof(Value));
    *kwnames = nkw ? tuple_new(vm, (size_t)nkw) : NULL;
    bool ok = *argv && (!nkw || *kwnames);
    if (ok) {
        for (size_t i = 0; i < pos->len; i++)
            (*argv)[i] = v_incref(pos->items[i]);
        *argc = (int)pos->len;
        size_t p = 0;
        int j = 0;
        Value k, v;
        while (ok && kw && dict_next(kw, &p, &k, &v)) {
            if (!IS_STR(vm, k)) {
                vm_raise(vm, vm->exc_types.TypeError, "keywords must be strings");
                ok = false;
                break;
            }
            (*kwnames)->items[j] = v_incref(k);
            (*argv)[*argc + j] = v_incref(v);
            j++;
        }
        if (!ok)
            for (int i = 0; i < *argc + j; i++)
                v_decref(vm, (*argv)[i]);
    } else {
        vm_raise_value(vm, VOBJ(vm->exc_types.MemoryError));
    }
    obj_xdecref(vm, (Obj *)kw);
    obj_decref(vm, &pos->hdr);
    if (!ok) {
        if (*argv)
            ls_free(vm, *argv, (size_t)*alloc * sizeof(Value));
        obj_xdecref(vm, (Obj *)*kwnames);
        *argv = NULL;
        *kwnames = NULL;
    }
    return ok;
}

/* raise exc [from cause] (CPython's do_raise). Always leaves an exception pending. */
static void do_raise(VM *vm, Value exc, Value cause) {
    TypeObj *base = vm->exc_types.BaseException;
    Value value;
    if (val_isinstance(vm, exc, vm->types.type) && type_is_subtype((TypeObj *)AS_OBJ(exc), base)) {
        vm_raise_value(vm, exc); /* instantiates the class */
        if (IS_NULL(vm->exc))
            return;
        value = vm_exc_take(vm);
    } else if (val_isinstance(vm, exc, base)) {
        value = v_incref(exc);
    } else {
        vm_raise(vm, vm->exc_types.TypeError, "exceptions must derive from BaseException");
        return;
    }
    if (!IS_NULL(cause)) {
        Value fixed = VNULL;
        if (val_isinstance(vm, cause, vm->types.type) &&
            type_is_subtype((TypeObj *)AS_OBJ(cause), base)) {
            vm_raise_value(vm, cause);
            if (IS_NULL(vm->exc)) {
                v_decref(vm, value);
                return;
            }
            fixed = vm_exc_take(vm);
        } else if (val_isinstance(vm, cause, base)) {
            fixed = v_incref(cause);
        } else if (!IS_NONE(cause)) {
            v_decref(vm, value);
            vm_raise(vm, vm->exc_types.TypeError,
                     "exception causes must derive from BaseException");
            return;
        }
        ExcObj *e = (ExcObj *)AS_OBJ(value);
        obj_xdecref(vm, e->cause);
        e->cause = IS_NULL(fixed) ? NULL : AS_OBJ(fixed);
        e->suppress_context = true;
    }
    set_context(vm, value);
    vm_exc_clear(vm);
    vm->exc = value;
}

/* Checks the classes of an except clause (CPython's check_except_type_valid). */
static bool valid_except_type(VM *vm, Value t) {
    if (IS_TUPLE(vm, t)) {
        TupleObj *tt = AS_TUPLE(t);
        for (size_t i = 0; i < tt->len; i++)
            if (!valid_except_type(vm, tt->items[i]))
                return false;
        return true;
    }
    if (val_isinstance(vm, t, vm->types.type) &&
        type_is_subtype((TypeObj *)AS_OBJ(t), vm->exc_types.BaseException))
        return true;
    vm_raise(vm, vm->exc_types.TypeError,
             "catching classes that do not inherit from BaseException is not allowed");
    return false;
}

static bool exc_matches(VM *vm, Value exc, Value t) {
    if (IS_TUPLE(vm, t)) {
        TupleObj *tt = AS_TUPLE(t);
        for (size_t i = 0; i < tt->len; i++)
            if (exc_matches(vm, exc, tt->items[i]))
                return true;
        return false;
    }
    return type_is_subtype(val_type(vm, exc), (TypeObj *)AS_OBJ(t));
}

/* f-string part: conversion, then format(value, spec) (a str with no spec is itself). */
static Value format_value_op(VM *vm, Value v, int flags, Value spec) {
    Value conv = VNULL;
    switch (flags & FV_MASK) {
    case FV_STR: {
        StrObj *s = obj_str(vm, v);
        conv = s ? VOBJ(s) : VNULL;
        break;
    }
    case FV_REPR: {
        StrObj *s = obj_repr(vm, v);
        conv = s ? VOBJ(s) : VNULL;
        break;
    }
    case FV_ASCII: {
        StrObj *s = obj_repr(vm, v); /* TODO: ascii() escapes non-ASCII */
        conv = s ? VOBJ(s) : VNULL;
        break;
    }
    default:
        conv = v_incref(v);
        break;
    }
    if (IS_NULL(conv))
        return VNULL;
    if (IS_NULL(spec) && IS_STR(vm, conv))
        return conv;
    StrObj *sp = IS_NULL(spec) ? NULL : (StrObj *)AS_OBJ(spec);
    Value r = format_value(vm, conv, sp);
    v_decref(vm, conv);
    return r;
}

static Value build_string(VM *vm, Value *items, int n) {
    StrBuf sb;
    sb_init(&sb);
    for (int i = 0; i < n; i++) {
        StrObj *s = (StrObj *)AS_OBJ(items[i]);
        if (!sb_add(vm, &sb, s->data, s->len)) {
            sb_free(vm, &sb);
            return VNULL;
        }
    }
    StrObj *r = sb_finish(vm, &sb);
    return r ? VOBJ(r) : VNULL;
}

static Value import_from(VM *vm, Value module, StrObj *name) {
    Value v = obj_getattr_opt(vm, module, name);
    if (!IS_NULL(v) || !IS_NULL(vm->exc))
        return v;
    StrObj *mname = NULL;
    if (val_type(vm, module) == vm->types.module)
        mname = ((ModuleObj *)AS_OBJ(module))->name;
    return vm_raise(vm, vm->exc_types.ImportError,
                    "cannot import name '%s' from '%s' (unknown location)", name->data,
                    mname ? mname->data : "?");
}

/* BUILD_CLASS: runs the body function in a fresh namespace, then creates the class. */
static Value build_class(VM *vm, Value body, Value name, Value *bases, int nbases) {
    FunctionObj *fn = (FunctionObj *)AS_OBJ(body);
    DictObj *ns = dict_new(vm);
    if (!ns)
        return VNULL;
    FrameObj *f = frame_alloc(vm, fn->code);
    if (!f) {
        obj_decref(vm, &ns->hdr);
        return VNULL;
    }
    obj_incref(&fn->hdr);
    f->func = fn;
    f->globals = fn->globals;
    obj_incref(&ns->hdr);
    f->locals = ns;
    Value cell = VNULL;
    if (frame_init_cells(vm, f)) {
        bool yielded;
        cell = vm_run_frame(vm, f, false, &yielded);
    }
    frame_done(vm, f, cell);
    Value cls = VNULL;
    if (!IS_NULL(cell)) {
        TupleObj *bt = tuple_from(vm, bases, (size_t)nbases);
        if (bt) {
            cls = type_new_class(vm, (StrObj *)AS_OBJ(name), bt, ns);
            obj_decref(vm, &bt->hdr);
        }
        if (!IS_NULL(cls) && IS_OBJ(cell) && AS_OBJ(cell)->type == vm->types.cell) {
            CellObj *c = (CellObj *)AS_OBJ(cell);
            v_decref(vm, c->ref);
            c->ref = v_incref(cls);
        }
        v_decref(vm, cell);
    }
    obj_decref(vm, &ns->hdr);
    return cls;
}

static Value make_function(VM *vm, CodeObj *co, DictObj *globals, int flags, Value *extra) {
    FunctionObj *fn = function_new(vm, co, globals);
    if (!fn)
        return VNULL;
    int k = 0;
    if (flags & MF_DEFAULTS)
        fn->defaults = (TupleObj *)AS_OBJ(v_incref(extra[k++]));
    if (flags & MF_KWDEFAULTS)
        fn->kwdefaults = (DictObj *)AS_OBJ(v_incref(extra[k++]));
    if (flags & MF_CLOSURE)
        fn->closure = (TupleObj *)AS_OBJ(v_incref(extra[k++]));
    return VOBJ(fn);
}

/* BEFORE_WITH / BEFORE_ASYNC_WITH: looks up the exit method, calls enter. */
static bool before_with(VM *vm, Value mgr, bool is_async, Value *exit, Value *res) {
    StrObj *enter_name = is_async ? vm->names.__aenter__ : vm->names.__enter__;
    StrObj *exit_name = is_async ? vm->names.__aexit__ : vm->names.__exit__;
    const char *what = is_async ? "asynchronous context manager" : "context manager";
    Value enter = vm_lookup_special(vm, mgr, enter_name);
    if (IS_NULL(enter)) {
        if (IS_NULL(vm->exc))
            vm_raise(vm, vm->exc_types.TypeError, "'%s' object does not support the %s protocol",
                     val_type_name(vm, mgr), what);
        return false;
    }
    *exit = vm_lookup_special(vm, mgr, exit_name);
    if (IS_NULL(*exit)) {
        if (IS_NULL(vm->exc))
            vm_raise(vm, vm->exc_types.TypeError,
                     "'%s' object does not support the %s protocol (missed %s method)",
                     val_type_name(vm, mgr), what, exit_name->data);
        v_decref(vm, enter);
        return false;
    }
    *res = vm_call0(vm, enter);
    v_decref(vm, enter);
    if (IS_NULL(*res)) {
        v_decref(vm, *exit);
        return false;
    }
    return true;
}

/* GET_AWAITABLE: the iterator `await o` drives, with the messages of async with. */
static Value get_awaitable(VM *vm, Value o, int where) {
    if (where && !is_coro(vm, o) && IS_NULL(type_lookup(val_type(vm, o), vm->names.__await__)))
        return vm_raise(vm, vm->exc_types.TypeError,
                        "'async with' received an object from %s that does not implement "
                        "__await__: %s",
                        where == 1 ? "__aenter__" : "__aexit__", val_type_name(vm, o));
    Value it = coro_get_awaitable_iter(vm, o);
    if (IS_NULL(it))
        return VNULL;
    if (is_coro(vm, it) && !IS_NULL(gen_yf((GenObj *)AS_OBJ(it)))) {
        v_decref(vm, it);
        return vm_raise(vm, vm->exc_types.RuntimeError, "coroutine is being awaited already");
    }
    return it;
}

static Value get_aiter(VM *vm, Value o) {
    Value getter = vm_lookup_special(vm, o, vm->names.__aiter__);
    if (IS_NULL(getter)) {
        if (IS_NULL(vm->exc))
            vm_raise(vm, vm->exc_types.TypeError,
                     "'async for' requires an object with __aiter__ method, got %s",
                     val_type_name(vm, o));
        return VNULL;
    }
    Value it = vm_call0(vm, getter);
    v_decref(vm, getter);
    if (IS_NULL(it))
        return VNULL;
    if (IS_NULL(type_lookup(val_type(vm, it), vm->names.__anext__))) {
        vm_raise(vm, vm->exc_types.TypeError,
                 "'async for' received an object from __aiter__ that does not implement "
                 "__anext__: %s",
                 val_type_name(vm, it));
        v_decref(vm, it);
        return VNULL;
    }
    return it;
}

static Value get_anext(VM *vm, Value aiter) {
    if (is_async_gen(vm, aiter))
        return async_gen_anext(vm, (GenObj *)AS_OBJ(aiter));
    Value getter = vm_lookup_special(vm, aiter, vm->names.__anext__);
    if (IS_NULL(getter)) {
        if (IS_NULL(vm->exc))
            vm_raise(vm, vm->exc_types.TypeError,
                     "'async for' requires an iterator with __anext__ method, got %s",
                     val_type_name(vm, aiter));
        return VNULL;
    }
    Value next = vm_call0(vm, getter);
    v_decref(vm, getter);
    if (IS_NULL(next))
        return VNULL;
    Value it = coro_get_awaitable_iter(vm, next);
    if (IS_NULL(it)) {
        vm_exc_clear(vm);
        vm_raise(vm, vm->exc_types.TypeError,
                 "'async for' received an invalid object from __anext__: %s",
                 val_type_name(vm, next));
    }
    v_decref(vm, next);
    return it;
}

static Value get_yield_from_iter(VM *vm, Value o, CodeObj *co) {
    if (is_coro(vm, o)) {
        if (!(co->flags & (CO_COROUTINE)))
            return vm_raise(vm, vm->exc_types.TypeError,
                            "cannot 'yield from' a coroutine object in a non-coroutine generator");
        return v_incref(o);
    }
    if (is_gen(vm, o))
        return v_incref(o);
    return obj_iter(vm, o);
}

/* The step budget ran out: remember where, and make every caller unwind. */
static void step_limit(VM *vm, FrameObj *f) {
    /* report the innermost frame of the program itself, not of the embedded library */
    for (FrameObj *p = f; p; p = p->back)
        if (vm->filename && str_eq_cstr(p->code->filename, vm->filename)) {
            f = p;
            break;
        }
    if (!vm->step_limit_hit) {
        int lasti = frame_lasti(f);
        vm->step_limit_line = lasti >= 0 ? f->code->pos[lasti].line : f->code->firstline;
    }
    vm->step_limit_hit = true;
    vm_raise(vm, vm->exc_types.BaseException, "step limit");
}

bool vm_count_step(VM *vm) {
    if (LIKELY(++vm->steps < vm->config.max_steps) || vm->step_limit_hit)
        return true;
    if (vm->frame) {
        step_limit(vm, vm->frame);
    } else {
        vm->step_limit_hit = true;
        vm_raise(vm, vm->exc_types.BaseException, "step limit");
    }
    return false;
}

static const ExcEntry *find_handler(CodeObj *co, int lasti) {
    for (int i = 0; i < co->nexc; i++) {
        const ExcEntry *e = &co->exc_table[i];
        if ((uint32_t)lasti >= e->start && (uint32_t)lasti < e->end)
            return e;
    }
    return NULL;
}

static bool recursion_check(VM *vm) {
    if (UNLIKELY(vm->depth >= vm->config.max_depth)) {
        vm_raise(vm, vm->exc_types.RecursionError, "maximum recursion depth exceeded");
        return false;
    }
    return true;
}

/* ================================================================ the loop */

#if defined(__GNUC__) && !defined(LS_NO_COMPUTED_GOTO)
#define USE_COMPUTED_GOTO 1
#endif

/* Frame registers: reloaded whenever the executing frame changes. */
#define LOAD_FRAME()                                                                               \
    do {                                                                                           \
        co = f->code;                                                                              \
        ip = f->ip;                                                                                \
        sp = f->sp;                                                                                \
        locals = f->slots;                                                                         \
        consts = co->consts;                                                                       \
        stack_base = f->slots + co->nlocals + co->ncells + co->nfrees;                             \
    } while (0)

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])

#ifdef USE_COMPUTED_GOTO
#define TARGET(op) TARGET_##op:
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        word = *ip++;                                                                              \
        f->ip = ip; /* kept current: tracebacks and warnings read the line */                      \
        arg = (int)INSTR_ARG(word);                                                                \
        goto *table[INSTR_OP(word)]; /* dispatch_table, or trace_table in a traced run */          \
    } while (0)
#else
#define TARGET(op) case OP_##op:
#define DISPATCH() goto next_instr
#endif

/* The value on the stack is a bool already: skip obj_truthy. */
static inline int truthy(VM *vm, Value v) {
    switch (v.kind) {
    case V_BOOL:
    case V_INT:
        return v.as.i != 0;
    case V_NONE:
        return 0;
    default:
        return obj_truthy(vm, v);
    }
}

/* Inline int arithmetic; false when the slow path must decide (overflow, zero ...). */
static inline bool int_binop(int op, int64_t x, int64_t y, Value *out) {
    int64_t z;
    switch (op) {
    case BINOP_ADD:
        if (__builtin_add_overflow(x, y, &z))
            return false;
        break;
    case BINOP_SUB:
        if (__builtin_sub_overflow(x, y, &z))
            return false;
        break;
    case BINOP_MUL:
        if (__builtin_mul_overflow(x, y, &z))
            return false;
        break;
    case BINOP_FLOORDIV:
        if (y == 0 || (x == INT64_MIN && y == -1))
            return false;
        z = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0)))
            z--;
        break;
    case BINOP_MOD:
        if (y == 0 || y == -1)
            return false;
        z = x % y;
        if (z != 0 && ((z < 0) != (y < 0)))
            z += y;
        break;
    case BINOP_TRUEDIV: {
        const int64_t lim = (int64_t)1 << 53;
        if (y == 0 || x > lim || x < -lim || y > lim || y < -lim)
            return false;
        *out = VFLOAT((double)x / (double)y);
        return true;
    }
    case BINOP_AND:
        z = x & y;
        break;
    case BINOP_OR:
        z = x | y;
        break;
    case BINOP_XOR:
        z = x ^ y;
        break;
    default:
        return false;
    }
    *out = VINT(z);
    return true;
}

static inline bool float_binop(int op, double x, double y, Value *out) {
    switch (op) {
    case BINOP_ADD:
        *out = VFLOAT(x + y);
        return true;
    case BINOP_SUB:
        *out = VFLOAT(x - y);
        return true;
    case BINOP_MUL:
        *out = VFLOAT(x * y);
        return true;
    case BINOP_TRUEDIV:
        if (y == 0.0)
            return false;
        *out = VFLOAT(x / y);
        return true;
    default:
        return false;
    }
}

static inline bool cmp_result(int op, int c) {
    switch (op) {
    case CMP_LT:
        return c < 0;
    case CMP_LE:
        return c <= 0;
    case CMP_EQ:
        return c == 0;
    case CMP_NE:
        return c != 0;
    case CMP_GT:
        return c > 0;
    default:
        return c >= 0;
    }
}

/* Arithmetic of two stack values with the fast paths; a and b are consumed. */
static inline Value binary_op(VM *vm, int arg, Value a, Value b) {
    int op = arg & (BINOP_INPLACE - 1);
    Value r;
    if (a.kind == V_INT && b.kind == V_INT) {
        if (int_binop(op, a.as.i, b.as.i, &r))
            return r;
    } else if (a.kind == V_FLOAT && b.kind == V_FLOAT) {
        if (float_binop(op, a.as.f, b.as.f, &r))
            return r;
    } else if (a.kind == V_FLOAT && b.kind == V_INT) {
        if (float_binop(op, a.as.f, (double)b.as.i, &r))
            return r;
    } else if (a.kind == V_INT && b.kind == V_FLOAT) {
        if (float_binop(op, (double)a.as.i, b.as.f, &r))
            return r;
    }
    r = (arg & BINOP_INPLACE) ? obj_inplace_binop(vm, (BinOp)op, a, b)
                              : obj_binop(vm, (BinOp)op, a, b);
    v_decref(vm, a);
    v_decref(vm, b);
    return r;
}

static inline Value compare_op(VM *vm, int op, Value a, Value b) {
    if (a.kind == V_INT && b.kind == V_INT)
        return VBOOL(cmp_result(op, (a.as.i > b.as.i) - (a.as.i < b.as.i)));
    if (a.kind == V_FLOAT && b.kind == V_FLOAT && !isnan(a.as.f) && !isnan(b.as.f))
        return VBOOL(cmp_result(op, (a.as.f > b.as.f) - (a.as.f < b.as.f)));
    Value r = obj_richcompare(vm, a, b, (CmpOp)op);
    v_decref(vm, a);
    v_decref(vm, b);
    return r;
}

/* o[key] with list/tuple fast paths; consumes nothing. */
static inline Value subscript(VM *vm, Value o, Value key) {
    if (key.kind == V_INT && IS_OBJ(o)) {
        TypeObj *t = AS_OBJ(o)->type;
        if (t == vm->types.list || t == vm->types.tuple) {
            int64_t i = key.as.i;
            int64_t n = t == vm->types.list ? (int64_t)AS_LIST(o)->len : (int64_t)AS_TUPLE(o)->len;
            if (i < 0)
                i += n;
            if (i >= 0 && i < n)
                return v_incref(t == vm->types.list ? AS_LIST(o)->items[i] : AS_TUPLE(o)->items[i]);
        }
    }
    return obj_getitem(vm, o, key);
}

Value vm_run_frame(VM *vm, FrameObj *entry, bool throwing, bool *yielded) {
#ifdef USE_COMPUTED_GOTO
    static const void *const dispatch_table[OP_COUNT] = {
#define X(op) &&TARGET_##op,
        LS_OPCODES(X)
#undef X
    };
    /* A traced run (trace.h) first passes every instruction through TRACE_STATEMENT. */
    static const void *const trace_table[OP_COUNT] = {
#define X(op) &&TRACE_STATEMENT,
        LS_OPCODES(X)
#undef X
    };
    const void *const *table = vm->tracer ? trace_table : dispatch_table;
#endif
    *yielded = false;
    if (!recursion_check(vm) || !vm_c_stack_ok(vm, "")) /* entered from C: uses C stack */
        return VNULL;
    vm->depth++;
    entry->is_entry = true;
    entry->back = vm->frame;
    vm->frame = entry;
    if (UNLIKELY(vm->tracer != NULL))
        trace_frame_enter(vm, entry);

    FrameObj *f = entry;
    CodeObj *co;
    uint32_t *ip;
    Value *sp, *locals, *consts, *stack_base;
    uint32_t word;
    int arg;
    TupleObj *kwnames = NULL; /* set by KW_NAMES for the next CALL */
    LOAD_FRAME();
    if (throwing)
        goto error_thrown;
    /* a call from C counts as a step: list(endless_iterator) must meet the budget too */
    if (vm->step_limit_hit || UNLIKELY(++vm->steps >= vm->config.max_steps)) {
        step_limit(vm, f);
        goto exception_unwind;
    }

#ifdef USE_COMPUTED_GOTO
    DISPATCH();
#else
next_instr:
    word = *ip++;
    f->ip = ip;
    arg = (int)INSTR_ARG(word);
    if (UNLIKELY(vm->tracer != NULL) && co->stmt_start[ip - co->code - 1]) {
        f->sp = sp;
        if (!trace_statement(vm, f))
            goto error;
    }
    switch (INSTR_OP(word)) {
#endif

    TARGET(NOP) {
        DISPATCH();
    }
    TARGET(POP_TOP) {
        v_decref(vm, POP());
        DISPATCH();
    }
    TARGET(PUSH_NULL) {
        PUSH(VNULL);
        DISPATCH();
    }
    TARGET(COPY) {
        Value v = PEEK(arg);
        PUSH(v_incref(v));
        DISPATCH();
    }
    TARGET(SWAP) {
        Value t = TOP();
        TOP() = PEEK(arg);
        PEEK(arg) = t;
        DISPATCH();
    }
    TARGET(LOAD_CONST) {
        PUSH(v_incref(consts[arg]));
        DISPATCH();
    }
    TARGET(LOAD_FAST) {
        Value v = locals[arg];
        if (UNLIKELY(IS_NULL(v))) {
            unbound_local_name(vm, co->localnames[arg]);
            goto error;
        }
        PUSH(v_incref(v));
        DISPATCH();
    }
    TARGET(STORE_FAST) {
        Value old = locals[arg];
        locals[arg] = POP();
        v_decref(vm, old);
        DISPATCH();
    }
    TARGET(DELETE_FAST) {
        Value old = locals[arg];
        if (IS_NULL(old)) {
            unbound_local_name(vm, co->localnames[arg]);
            goto error;
        }
        locals[arg] = VNULL;
        v_decref(vm, old);
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        CellObj *cell = (CellObj *)AS_OBJ(locals[co->nlocals + arg]);
        if (IS_NULL(cell->ref)) {
            unbound_deref(vm, co, arg);
            goto error;
        }
        PUSH(v_incref(cell->ref));
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        CellObj *cell = (CellObj *)AS_OBJ(locals[co->nlocals + arg]);
        Value old = cell->ref;
        cell->ref = POP();
        v_decref(vm, old);
        DISPATCH();
    }
    TARGET(DELETE_DEREF) {
        CellObj *cell = (CellObj *)AS_OBJ(locals[co->nlocals + arg]);
        if (IS_NULL(cell->ref)) {
            unbound_deref(vm, co, arg);
            goto error;
        }
        Value old = cell->ref;
        cell->ref = VNULL;
        v_decref(vm, old);
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) {
        PUSH(v_incref(locals[co->nlocals + arg]));
        DISPATCH();
    }
    TARGET(LOAD_CLASSDEREF) {
        StrObj *name = arg < co->ncells ? co->cellnames[arg] : co->freenames[arg - co->ncells];
        Value v = f->locals ? dict_get_str(f->locals, name) : VNULL;
        if (IS_NULL(v)) {
            CellObj *cell = (CellObj *)AS_OBJ(locals[co->nlocals + arg]);
            v = cell->ref;
            if (IS_NULL(v)) {
                unbound_deref(vm, co, arg);
                goto error;
            }
        }
        PUSH(v_incref(v));
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        GlobalCache *gc = &co->gcache[arg];
        DictObj *g = f->globals;
        if (LIKELY(gc->globals == g && gc->gversion == g->version &&
                   (!gc->in_builtins || gc->bversion == vm->builtins->version))) {
            DictObj *d = gc->in_builtins ? vm->builtins : g;
            PUSH(v_incref(d->entries[gc->index].value));
            DISPATCH();
        }
        Value v = load_global_slow(vm, f, gc, co->names[gc->name]);
        if (IS_NULL(v))
            goto error;
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        Value v = POP();
        int r = dict_set_str(vm, f->globals, co->names[arg], v);
        v_decref(vm, v);
        if (r < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        if (!delete_from(vm, f->globals, co->names[arg]))
            goto error;
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        Value v = load_name(vm, f, co->names[arg]);
        if (IS_NULL(v))
            goto error;
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        Value v = POP();
        int r = dict_set_str(vm, f->locals, co->names[arg], v);
        v_decref(vm, v);
        if (r < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        if (!delete_from(vm, f->locals, co->names[arg]))
            goto error;
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        Value o = TOP();
        Value r = obj_getattr(vm, o, co->names[arg]);
        if (IS_NULL(r)) {
            attribute_error_context(vm, o, co->names[arg]);
            goto error;
        }
        TOP() = r;
        v_decref(vm, o);
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        Value o = POP();
        Value v = POP();
        int r = obj_setattr(vm, o, co->names[arg], v);
        v_decref(vm, o);
        v_decref(vm, v);
        if (r < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        Value o = POP();
        int r = obj_setattr(vm, o, co->names[arg], VNULL);
        v_decref(vm, o);
        if (r < 0)
            goto error;
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        Value o = TOP();
        Value fn;
        int r = obj_load_method(vm, o, co->names[arg], &fn);
        if (r < 0) {
            attribute_error_context(vm, o, co->names[arg]);
            goto error;
        }
        if (r) {
            TOP() = fn;
            PUSH(o);
        } else {
            TOP() = fn;
            v_decref(vm, o);
            PUSH(VNULL);
        }
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        Value key = POP();
        Value o = TOP();
        Value r = subscript(vm, o, key);
        v_decref(vm, key);
        if (IS_NULL(r))
            goto error;
        TOP() = r;
        v_decref(vm, o);
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        Value key = POP();
        Value o = POP();
        Value v = POP();
        int r = obj_setitem(vm, o, key, v);
        v_decref(vm, key);
        v_decref(vm, o);
        v_decref(vm, v);
        if (r < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        Value key = POP();
        Value o = POP();
        int r = obj_setitem(vm, o, key, VNULL);
        v_decref(vm, key);
        v_decref(vm, o);
        if (r < 0)
            goto error;
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        Value step = arg == 3 ? POP() : VNONE;
        Value stop = POP();
        Value start = TOP();
        Value r = slice_new(vm, start, stop, step);
        v_decref(vm, step);
        v_decref(vm, stop);
        v_decref(vm, start);
        TOP() = r;
        if (IS_NULL(r)) {
            sp--;
            goto error;
        }
        DISPATCH();
    }
    TARGET(BINARY_OP) {
        Value b = POP();
        Value a = TOP();
        Value r = binary_op(vm, arg, a, b);
        TOP() = r;
        if (IS_NULL(r)) {
            sp--;
            goto error;
        }
        DISPATCH();
    }
    TARGET(UNARY) {
        Value a = TOP();
        Value r;
        if (arg == UNOP_NOT) {
            int t = truthy(vm, a);
            if (t < 0)
                goto error;
            r = VBOOL(!t);
        } else if (a.kind == V_INT && arg == UNOP_NEG && a.as.i != INT64_MIN) {
            r = VINT(-a.as.i);
        } else if (a.kind == V_FLOAT && arg == UNOP_NEG) {
            r = VFLOAT(-a.as.f);
        } else {
            r = obj_unop(vm, (UnOp)arg, a);
            if (IS_NULL(r))
                goto error;
        }
        TOP() = r;
        v_decref(vm, a);
        DISPATCH();
    }
    TARGET(COMPARE_OP) {
        Value b = POP();
        Value a = TOP();
        Value r = compare_op(vm, arg, a, b);
        TOP() = r;
        if (IS_NULL(r)) {
            sp--;
            goto error;
        }
        DISPATCH();
    }
    TARGET(IS_OP) {
        Value b = POP();
        Value a = TOP();
        bool same = val_is(a, b);
        TOP() = VBOOL(same != (arg != 0));
        v_decref(vm, a);
        v_decref(vm, b);
        DISPATCH();
    }
    TARGET(CONTAINS_OP) {
        Value container = POP();
        Value item = TOP();
        int r = obj_contains(vm, container, item);
        v_decref(vm, container);
        if (r < 0)
            goto error;
        TOP() = VBOOL((r != 0) != (arg != 0));
        v_decref(vm, item);
        DISPATCH();
    }
    TARGET(JUMP) {
        ip = co->code + arg;
        DISPATCH();
    }
    TARGET(JUMP_BACKWARD) {
        uint32_t *target = co->code + arg;
        vm->steps += (uint64_t)(ip - target);
        ip = target;
        if (UNLIKELY(vm->steps >= vm->config.max_steps)) {
            step_limit(vm, f);
            goto exception_unwind;
        }
        f->sp = sp;
        gc_maybe_collect(vm); /* a safe point: no half-built values on the C stack */
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        Value v = POP();
        int t = truthy(vm, v);
        v_decref(vm, v);
        if (t < 0)
            goto error;
        if (!t)
            ip = co->code + arg;
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        Value v = POP();
        int t = truthy(vm, v);
        v_decref(vm, v);
        if (t < 0)
            goto error;
        if (t)
            ip = co->code + arg;
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        int t = truthy(vm, TOP());
        if (t < 0)
            goto error;
        if (!t)
            ip = co->code + arg;
        else
            v_decref(vm, POP());
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        int t = truthy(vm, TOP());
        if (t < 0)
            goto error;
        if (t)
            ip = co->code + arg;
        else
            v_decref(vm, POP());
        DISPATCH();
    }
    TARGET(GET_ITER) {
        Value o = TOP();
        Value it = obj_iter(vm, o);
        if (IS_NULL(it))
            goto error;
        TOP() = it;
        v_decref(vm, o);
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        Value it = TOP();
        Value item;
        TypeObj *t = val_type(vm, it);
        int r = t->next ? t->next(vm, it, &item) : obj_next(vm, it, &item);
        if (r > 0) {
            PUSH(item);
            DISPATCH();
        }
        if (r < 0) { /* a StopIteration (a generator's return value) also ends the loop */
            if (!vm_exc_matches(vm, vm->exc_types.StopIteration))
                goto error;
            vm_exc_clear(vm);
        }
        v_decref(vm, POP());
        ip = co->code + arg;
        DISPATCH();
    }
    TARGET(BUILD_TUPLE) {
        TupleObj *t = tuple_new(vm, (size_t)arg);
        if (!t)
            goto error;
        sp -= arg;
        memcpy(t->items, sp, (size_t)arg * sizeof(Value));
        PUSH(VOBJ(t));
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        ListObj *l = list_new(vm, (size_t)arg);
        if (!l)
            goto error;
        sp -= arg;
        for (int i = 0; i < arg; i++) {
            list_append(vm, l, sp[i]);
            v_decref(vm, sp[i]);
        }
        PUSH(VOBJ(l));
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        SetObj *s = set_new(vm, false);
        if (!s)
            goto error;
        sp -= arg;
        bool ok = true;
        for (int i = 0; i < arg; i++) {
            if (ok && set_add(vm, s, sp[i]) < 0)
                ok = false;
            v_decref(vm, sp[i]);
        }
        if (!ok) {
            obj_decref(vm, &s->hdr);
            goto error;
        }
        PUSH(VOBJ(s));
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        DictObj *d = dict_new(vm);
        if (!d)
            goto error;
        sp -= 2 * arg;
        bool ok = true;
        for (int i = 0; i < arg; i++) {
            if (ok && dict_set(vm, d, sp[2 * i], sp[2 * i + 1]) < 0)
                ok = false;
            v_decref(vm, sp[2 * i]);
            v_decref(vm, sp[2 * i + 1]);
        }
        if (!ok) {
            obj_decref(vm, &d->hdr);
            goto error;
        }
        PUSH(VOBJ(d));
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        Value r = build_string(vm, sp - arg, arg);
        for (int i = 0; i < arg; i++)
            v_decref(vm, POP());
        if (IS_NULL(r))
            goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        Value v = POP();
        bool ok = list_append(vm, AS_LIST(PEEK(arg)), v);
        v_decref(vm, v);
        if (!ok)
            goto error;
        DISPATCH();
    }
    TARGET(SET_ADD) {
        Value v = POP();
        int r = set_add(vm, (SetObj *)AS_OBJ(PEEK(arg)), v);
        v_decref(vm, v);
        if (r < 0)
            goto error;
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        Value v = POP();
        Value k = POP();
        int r = dict_set(vm, AS_DICT(PEEK(arg)), k, v);
        v_decref(vm, k);
        v_decref(vm, v);
        if (r < 0)
            goto error;
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        Value v = POP();
        bool ok = extend_args(vm, AS_LIST(PEEK(arg)), v, VNULL);
        v_decref(vm, v);
        if (!ok)
            goto error;
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        Value v = POP();
        int r = set_update(vm, (SetObj *)AS_OBJ(PEEK(arg)), v);
        v_decref(vm, v);
        if (r < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        Value v = POP();
        bool ok = merge_kwargs(vm, AS_DICT(PEEK(arg)), v, VNULL);
        v_decref(vm, v);
        if (!ok)
            goto error;
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        Value v = POP();
        bool ok = merge_kwargs(vm, AS_DICT(PEEK(arg)), v, PEEK(arg + 3));
        v_decref(vm, v);
        if (!ok)
            goto error;
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        ListObj *l = AS_LIST(TOP());
        TupleObj *t = tuple_from(vm, l->items, l->len);
        if (!t)
            goto error;
        v_decref(vm, TOP());
        TOP() = VOBJ(t);
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        Value seq = POP();
        bool ok = unpack_sequence(vm, seq, arg, sp);
        v_decref(vm, seq);
        if (!ok)
            goto error;
        sp += arg;
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        Value seq = POP();
        int before = arg & 0xff, after = arg >> 8;
        bool ok = unpack_ex(vm, seq, before, after, sp);
        v_decref(vm, seq);
        if (!ok)
            goto error;
        sp += before + 1 + after;
        DISPATCH();
    }
    TARGET(KW_NAMES) {
        kwnames = (TupleObj *)AS_OBJ(consts[arg]);
        DISPATCH();
    }
    TARGET(CALL) {
        int n = arg;
        Value *base = sp - arg - 2;
        Value callable = base[0];
        Value *args = sp - arg;
        TupleObj *kw = kwnames;
        kwnames = NULL;
        if (kw)
            n -= (int)kw->len; /* n counts the positional arguments from here on */
        if (!IS_NULL(base[1])) {
            args--;
            n++;
        } else if (IS_OBJ(callable) && AS_OBJ(callable)->type == vm->types.method) {
            MethodObj *m = (MethodObj *)AS_OBJ(callable);
            base[1] = v_incref(m->self);
            base[0] = v_incref(m->func);
            callable = base[0];
            obj_decref(vm, &m->hdr);
            args--;
            n++;
        }
        if (IS_OBJ(callable) && AS_OBJ(callable)->type == vm->types.function &&
            !is_generator_code(((FunctionObj *)AS_OBJ(callable))->code)) {
            FrameObj *nf = frame_for_call(vm, (FunctionObj *)AS_OBJ(callable), args, n, kw);
            while (sp > base)
                v_decref(vm, POP());
            if (!nf)
                goto error;
            if (!recursion_check(vm)) {
                frame_release(vm, nf);
                goto error;
            }
            vm->depth++;
            vm->steps++;
            f->sp = sp;
            nf->back = f;
            f = nf;
            vm->frame = f;
            LOAD_FRAME();
            gc_maybe_collect(vm); /* a safe point: the caller's stack is saved */
            if (UNLIKELY(vm->tracer != NULL))
                trace_frame_enter(vm, f);
            DISPATCH();
        }
        f->sp = sp;
        Value r = vm_call(vm, callable, args, n, kw);
        while (sp > base)
            v_decref(vm, POP());
        if (IS_NULL(r))
            goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(CALL_FUNCTION_EX) {
        Value kwargs = arg ? POP() : VNULL;
        Value args = POP();
        v_decref(vm, POP()); /* NULL */
        Value func = TOP();
        Value *argv;
        int argc, alloc;
        TupleObj *kwn;
        f->sp = sp;
        bool ok = flatten_call(vm, func, args, kwargs, &argv, &argc, &alloc, &kwn);
        v_decref(vm, args);
        v_decref(vm, kwargs);
        if (!ok)
            goto error;
        Value r = vm_call(vm, func, argv, argc, kwn);
        for (int i = 0; i < argc + (kwn ? (int)kwn->len : 0); i++)
            v_decref(vm, argv[i]);
        ls_free(vm, argv, (size_t)alloc * sizeof(Value));
        obj_xdecref(vm, (Obj *)kwn);
        if (IS_NULL(r))
            goto error;
        v_decref(vm, TOP());
        TOP() = r;
        DISPATCH();
    }
    TARGET(MAKE_FUNCTION) {
        Value code = POP();
        int nextra =
            ((arg & MF_DEFAULTS) != 0) + ((arg & MF_KWDEFAULTS) != 0) + ((arg & MF_CLOSURE) != 0);
        Value r = make_function(vm, (CodeObj *)AS_OBJ(code), f->globals, arg, sp - nextra);
        v_decref(vm, code);
        for (int i = 0; i < nextra; i++)
            v_decref(vm, POP());
        if (IS_NULL(r))
            goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(BUILD_CLASS) {
        Value *base = sp - arg - 2;
        f->sp = sp;
        Value r = build_class(vm, base[0], base[1], base + 2, arg);
        while (sp > base)
            v_decref(vm, POP());
        if (IS_NULL(r))
            goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(RETURN_VALUE) {
        Value r = POP();
        f->sp = sp;
        if (UNLIKELY(vm->tracer != NULL))
            trace_frame_exit(vm, f, TRACE_EXIT_RETURN);
        vm->depth--;
        if (f->is_entry) {
            vm->frame = f->back;
            return r;
        }
        FrameObj *caller = f->back;
        vm->frame = caller; /* objects dying with the frame see the caller running */
        frame_release(vm, f);
        f = caller;
        LOAD_FRAME();
        PUSH(r);
        DISPATCH();
    }
    TARGET(YIELD_VALUE) {
        Value r = POP();
        f->ip = ip;
        f->sp = sp;
        if (UNLIKELY(vm->tracer != NULL))
            trace_frame_exit(vm, f, TRACE_EXIT_SUSPEND);
        vm->depth--;
        vm->frame = f->back;
        *yielded = true;
        return r;
    }
    TARGET(GET_YIELD_FROM_ITER) {
        Value o = TOP();
        Value it = get_yield_from_iter(vm, o, co);
        if (IS_NULL(it))
            goto error;
        TOP() = it;
        v_decref(vm, o);
        DISPATCH();
    }
    TARGET(GET_AWAITABLE) {
        Value o = TOP();
        Value it = get_awaitable(vm, o, arg);
        if (IS_NULL(it))
            goto error;
        TOP() = it;
        v_decref(vm, o);
        DISPATCH();
    }
    TARGET(SEND) {
        Value v = POP();
        Value r;
        f->sp = sp;
        SendResult st = vm_send(vm, TOP(), v, &r);
        v_decref(vm, v);
        if (st == SEND_ERROR)
            goto error;
        if (st == SEND_RETURN) {
            v_decref(vm, TOP());
            TOP() = r;
            ip = co->code + arg;
            DISPATCH();
        }
        PUSH(r);
        DISPATCH();
    }
    TARGET(GET_AITER) {
        Value o = TOP();
        Value it = get_aiter(vm, o);
        if (IS_NULL(it))
            goto error;
        TOP() = it;
        v_decref(vm, o);
        DISPATCH();
    }
    TARGET(GET_ANEXT) {
        Value aw = get_anext(vm, TOP());
        if (IS_NULL(aw))
            goto error;
        PUSH(aw);
        DISPATCH();
    }
    TARGET(END_ASYNC_FOR) {
        Value exc = POP();
        if (val_isinstance(vm, exc, vm->exc_types.StopAsyncIteration)) {
            v_decref(vm, exc);
            v_decref(vm, POP());
            DISPATCH();
        }
        vm_exc_clear(vm);
        vm->exc = exc;
        goto exception_unwind;
    }
    TARGET(BEFORE_ASYNC_WITH)
    TARGET(BEFORE_WITH) {
        Value exit, res;
        f->sp = sp;
        if (!before_with(vm, TOP(), INSTR_OP(word) == OP_BEFORE_ASYNC_WITH, &exit, &res))
            goto error;
        v_decref(vm, TOP());
        TOP() = exit;
        PUSH(res);
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        Value exc = TOP();
        Value exit = PEEK(3);
        ExcObj *e = (ExcObj *)AS_OBJ(exc);
        Value args[3] = {VOBJ(val_type(vm, exc)), exc, e->traceback ? VOBJ(e->traceback) : VNONE};
        f->sp = sp;
        Value r = vm_call(vm, exit, args, 3, NULL);
        if (IS_NULL(r))
            goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(RAISE_VARARGS) {
        Value cause = arg == 2 ? POP() : VNULL;
        Value exc = arg >= 1 ? POP() : VNULL;
        if (arg == 0) {
            Value h = topmost_handled(vm);
            if (IS_NONE(h)) {
                vm_raise(vm, vm->exc_types.RuntimeError, "No active exception to reraise");
                goto error;
            }
            vm_exc_clear(vm);
            vm->exc = v_incref(h);
            goto exception_unwind;
        }
        do_raise(vm, exc, cause);
        v_decref(vm, exc);
        v_decref(vm, cause);
        goto traceback_here;
    }
    TARGET(RERAISE) {
        Value exc = POP();
        vm_exc_clear(vm);
        vm->exc = exc;
        goto exception_unwind;
    }
    TARGET(PUSH_EXC_INFO) {
        Value exc = POP();
        ExcInfo *ei = vm->exc_info;
        PUSH(IS_NULL(ei->exc) ? VNONE : ei->exc);
        ei->exc = v_incref(exc);
        PUSH(exc);
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        ExcInfo *ei = vm->exc_info;
        Value old = ei->exc;
        ei->exc = POP();
        v_decref(vm, old);
        DISPATCH();
    }
    TARGET(CHECK_EXC_MATCH) {
        Value t = POP();
        if (!valid_except_type(vm, t)) {
            v_decref(vm, t);
            goto error;
        }
        bool m = exc_matches(vm, TOP(), t);
        v_decref(vm, t);
        PUSH(VBOOL(m));
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        Value spec = (arg & FV_HAVE_SPEC) ? POP() : VNULL;
        Value v = TOP();
        Value r = format_value_op(vm, v, arg, spec);
        v_decref(vm, spec);
        if (IS_NULL(r))
            goto error;
        TOP() = r;
        v_decref(vm, v);
        DISPATCH();
    }
    TARGET(IMPORT_NAME) {
        f->sp = sp;
        Value m = vm_import(vm, co->names[arg]->data);
        if (IS_NULL(m))
            goto error;
        PUSH(m);
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        Value v = import_from(vm, TOP(), co->names[arg]);
        if (IS_NULL(v))
            goto error;
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(VOBJ(vm->exc_types.AssertionError));
        obj_incref(&vm->exc_types.AssertionError->hdr);
        DISPATCH();
    }
#ifndef USE_COMPUTED_GOTO
default:
    fprintf(stderr, "%s:%d: unknown opcode %d\n", __FILE__, __LINE__, (int)INSTR_OP(word));
    abort();
}
#else
    /* A traced run: record a statement starting at this instruction, then run it. */
    TRACE_STATEMENT:
        if (co->stmt_start[ip - co->code - 1]) {
            f->sp = sp;
            if (!trace_statement(vm, f))
                goto error;
        }
        goto *dispatch_table[INSTR_OP(word)];
#endif

/* ---------------------------------------------------------------- exceptions */
error :
    /* a fresh exception (no traceback yet) chains to the one being handled */
    if (IS_OBJ(vm->exc) && (AS_OBJ(vm->exc)->type->flags & TF_EXCEPTION) &&
        ((ExcObj *)AS_OBJ(vm->exc))->traceback == NULL) set_context(vm, vm->exc);
goto traceback_here;
error_thrown :
    traceback_here : f->ip = ip;
f->sp = sp;
if (UNLIKELY(vm->tracer != NULL))
    trace_exception(vm, f); /* a fresh exception (trace.h) */
if (!vm->step_limit_hit)
    vm_traceback_here(vm, f);
exception_unwind : for (;;) {
    const ExcEntry *h = vm->step_limit_hit ? NULL : find_handler(co, (int)(ip - co->code) - 1);
    if (h) {
        Value *target = stack_base + h->depth;
        while (sp > target)
            v_decref(vm, POP());
        PUSH(vm_exc_take(vm));
        ip = co->code + h->handler;
        DISPATCH();
    }
    while (sp > stack_base)
        v_decref(vm, POP());
    f->sp = sp;
    if (UNLIKELY(vm->tracer != NULL))
        trace_frame_exit(vm, f, TRACE_EXIT_RAISE);
    vm->depth--;
    if (f->is_entry) {
        vm->frame = f->back;
        return VNULL;
    }
    FrameObj *caller = f->back;
    vm->frame = caller;
    if (vm->step_limit_hit)
        frame_release(vm, f);
    else
        frame_exit_with_error(vm, f);
    f = caller;
    LOAD_FRAME();
    if (!vm->step_limit_hit)
        vm_traceback_here(vm, f);
}
}

Value vm_run_module(VM *vm, CodeObj *code, DictObj *globals) {
    FunctionObj *fn = function_new(vm, code, globals);
    if (!fn)
        return VNULL;
    FrameObj *f = frame_alloc(vm, code);
    if (!f) {
        obj_decref(vm, &fn->hdr);
        return VNULL;
    }
    f->func = fn;
    f->globals = globals;
    obj_incref(&globals->hdr);
    f->locals = globals;
    bool yielded;
    Value r = vm_run_frame(vm, f, false, &yielded);
    frame_done(vm, f, r);
    return r;
}

/* ================================================================ super() */

bool vm_super_args(VM *vm, TypeObj **type, Value *self) {
    FrameObj *f = vm->frame;
    if (!f || f->code->argcount == 0) {
        vm_raise(vm, vm->exc_types.RuntimeError, "super(): no arguments");
        return false;
    }
    CodeObj *co = f->code;
    Value first = f->slots[0];
    for (int i = 0; i < co->ncells; i++)
        if (co->cell2arg && co->cell2arg[i] == 0)
            first = ((CellObj *)AS_OBJ(f->slots[co->nlocals + i]))->ref;
    if (IS_NULL(first)) {
        vm_raise(vm, vm->exc_types.RuntimeError, "super(): arg[0] deleted");
        return false;
    }
    for (int i = 0; i < co->nfrees; i++) {
        if (!str_eq_cstr(co->freenames[i], "__class__"))
            continue;
        CellObj *cell = (CellObj *)AS_OBJ(f->slots[co->nlocals + co->ncells + i]);
        if (IS_NULL(cell->ref)) {
            vm_raise(vm, vm->exc_types.RuntimeError, "super(): empty __class__ cell");
            return false;
        }
        if (!val_isinstance(vm, cell->ref, vm->types.type)) {
            vm_raise(vm, vm->exc_types.RuntimeError, "super(): __class__ is not a type (%s)",
                     val_type_name(vm, cell->ref));
            return false;
        }
        *type = (TypeObj *)AS_OBJ(cell->ref);
        *self = first;
        return true;
    }
    vm_raise(vm, vm->exc_types.RuntimeError, "super(): __class__ cell not found");
    return false;
}
