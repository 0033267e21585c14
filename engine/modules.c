/*
 * modules.c - the native modules a scenario can import: time (on the virtual clock), sys
 * (stdout/stderr streams, argv, exit, version_info ...), functools (partial, wraps, reduce)
 * and collections (deque); the import machinery for them (vm_import) and vm_write, the one
 * way engine output reaches the host.
 *
 * A module is built on its first import by its init function in the table `native_modules`
 * and cached in vm->modules (sys.modules). sys itself is built at startup because print
 * needs sys.stdout before any import.
 *
 * Not for: asyncio (its own files add a row to native_modules) nor user modules (scenarios
 * are single files: any other name raises ModuleNotFoundError).
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "aio.h"
#include "compiler.h"
#include "library.h"
#include "objimpl.h"
#include "trace.h"

/* ---------------------------------------------------------------- output */

void vm_write(VM *vm, LsStream stream, const char *text, size_t len) {
    if (vm->tracer)
        trace_output(vm, (int)stream, text, len); /* a traced run records what it prints */
    if (vm->aio && len > 0)
        aio_event_output(vm, (int)stream, text, len); /* the asyncio record's OUTPUT event */
    if (vm->config.write && len > 0)
        vm->config.write(vm->config.user, stream, text, len);
}

/* ---------------------------------------------------------------- helpers */

/* Adds a native function to a module's dict. */
static bool add_function(VM *vm, Value module, const char *name, NativeFn fn) {
    Value f = builtin_new(vm, name, fn, VNULL);
    if (IS_NULL(f))
        return false;
    int r = dict_set_cstr(vm, ((ModuleObj *)AS_OBJ(module))->dict, name, f);
    v_decref(vm, f);
    return r == 0;
}

/* Adds a value to a module's dict; steals v (which may be V_NULL after a failed alloc). */
static bool add_value_steal(VM *vm, Value module, const char *name, Value v) {
    if (IS_NULL(v))
        return false;
    int r = dict_set_cstr(vm, ((ModuleObj *)AS_OBJ(module))->dict, name, v);
    v_decref(vm, v);
    return r == 0;
}

/* Sets the module shown in a type's repr ("<class 'collections.deque'>"). */
static bool set_type_module(VM *vm, TypeObj *t, const char *module) {
    StrObj *m = str_intern(vm, module);
    if (!m)
        return false;
    obj_xdecref(vm, (Obj *)t->module);
    t->module = m;
    return true;
}

/* "f() takes no arguments (1 given)" style check, CPython's METH_NOARGS/METH_O wording with
 * the qualified name ("time.time", "TextIOWrapper.write"). */
static bool count_args(VM *vm, const char *qualname, int nargs, TupleObj *kwnames, int n) {
    return args_count(vm, qualname, nargs, kwnames, n, n);
}

static Value float_arg_error(VM *vm, Value v) {
    return vm_raise(vm, vm->exc_types.TypeError, "'%s' object cannot be interpreted as an integer",
                    val_type_name(vm, v));
}

/* ---------------------------------------------------------------- time */

/* time.time(): the virtual wall clock, 1,700,000,000 + the virtual clock (ASYNCIO.md 1.7). */
static Value time_time(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    if (!count_args(vm, "time.time", nargs, kwnames, 0))
        return VNULL;
    return VFLOAT(1700000000.0 + vm->clock);
}

/* time.monotonic() and time.perf_counter(): the virtual clock itself. */
static Value time_monotonic(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    if (!count_args(vm, "time.monotonic", nargs, kwnames, 0))
        return VNULL;
    return VFLOAT(vm->clock);
}

static Value time_perf_counter(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    if (!count_args(vm, "time.perf_counter", nargs, kwnames, 0))
        return VNULL;
    return VFLOAT(vm->clock);
}

static Value time_monotonic_ns(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    if (!count_args(vm, "time.monotonic_ns", nargs, kwnames, 0))
        return VNULL;
    return VINT((int64_t)llround(vm->clock * 1e9));
}

static Value time_time_ns(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    if (!count_args(vm, "time.time_ns", nargs, kwnames, 0))
        return VNULL;
    return VINT(1700000000LL * 1000000000LL + (int64_t)llround(vm->clock * 1e9));
}

/* time.sleep(secs): advances the virtual clock; nothing else runs meanwhile, which is the
 * lesson (it blocks the event loop). */
static Value time_sleep(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!count_args(vm, "time.sleep", nargs, kwnames, 1))
        return VNULL;
    double secs;
    if (args[0].kind == V_FLOAT) {
        secs = args[0].as.f;
        if (isnan(secs))
            return vm_raise(vm, vm->exc_types.ValueError, "Invalid value NaN (not a number)");
    } else {
        int64_t n;
        int r = val_index(vm, args[0], &n);
        if (r <= 0)
            return r < 0 ? VNULL : float_arg_error(vm, args[0]);
        secs = (double)n;
    }
    if (secs < 0)
        return vm_raise(vm, vm->exc_types.ValueError, "sleep length must be non-negative");
    aio_set_clock(vm, vm->clock + secs); /* records the CLOCK event when asyncio is on */
    return VNONE;
}

static bool init_time(VM *vm, Value m) {
    return add_function(vm, m, "time", time_time) &&
           add_function(vm, m, "monotonic", time_monotonic) &&
           add_function(vm, m, "perf_counter", time_perf_counter) &&
           add_function(vm, m, "monotonic_ns", time_monotonic_ns) &&
           add_function(vm, m, "perf_counter_ns", time_monotonic_ns) &&
           add_function(vm, m, "time_ns", time_time_ns) && add_function(vm, m, "sleep", time_sleep);
}

/* ---------------------------------------------------------------- sys: text streams */

/* sys.stdout / sys.stderr: write() goes to the host through vm_write. */
typedef struct {
    Obj hdr;
    LsStream stream;
} TextIOObj;

bool is_textio(VM *vm, Value file) {
    return is_exact(vm, file, vm->types.textio);
}

void text_write(VM *vm, Value file, const char *s, size_t len) {
    vm_write(vm, ((TextIOObj *)AS_OBJ(file))->stream, s, len);
}

static bool check_textio(VM *vm, const char *name, Value *args, int nargs) {
    if (nargs >= 1 && is_textio(vm, args[0]))
        return true;
    vm_raise(vm, vm->exc_types.TypeError,
             "descriptor '%s' for '_io.TextIOWrapper' objects doesn't apply to a '%s' object", name,
             nargs >= 1 ? val_type_name(vm, args[0]) : "NoneType");
    return false;
}

/* write(s) -> number of characters written. */
static Value textio_write(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!check_textio(vm, "write", args, nargs) ||
        !count_args(vm, "TextIOWrapper.write", nargs - 1, kwnames, 1))
        return VNULL;
    if (!val_isinstance(vm, args[1], vm->types.str))
        return vm_raise(vm, vm->exc_types.TypeError, "write() argument must be str, not %s",
                        val_type_name(vm, args[1]));
    StrObj *s = AS_STR(args[1]);
    text_write(vm, args[0], s->data, s->len);
    return VINT((int64_t)s->nchars);
}

/* flush(): output is never buffered inside the engine. */
static Value textio_flush(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!check_textio(vm, "flush", args, nargs) ||
        !count_args(vm, "TextIOWrapper.flush", nargs - 1, kwnames, 0))
        return VNULL;
    return VNONE;
}

static Value textio_isatty(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!check_textio(vm, "isatty", args, nargs) ||
        !count_args(vm, "TextIOWrapper.isatty", nargs - 1, kwnames, 0))
        return VNULL;
    return VBOOL(false);
}

static StrObj *textio_repr(VM *vm, Value self) {
    bool out = ((TextIOObj *)AS_OBJ(self))->stream == LS_STDOUT;
    return str_printf(vm, "<_io.TextIOWrapper name='<%s>' mode='w' encoding='utf-8'>",
                      out ? "stdout" : "stderr");
}

static bool textio_type_init(VM *vm) {
    TypeObj *t = type_new_builtin(vm, "TextIOWrapper", NULL, sizeof(TextIOObj), 0);
    if (!t)
        return false;
    vm->types.textio = t;
    t->repr = textio_repr;
    return set_type_module(vm, t, "_io") && type_add_method(vm, t, "write", textio_write) &&
           type_add_method(vm, t, "flush", textio_flush) &&
           type_add_method(vm, t, "isatty", textio_isatty) && type_ready(vm, t);
}

static Value textio_new(VM *vm, LsStream stream) {
    TextIOObj *f = (TextIOObj *)obj_alloc(vm, vm->types.textio, sizeof(TextIOObj));
    if (!f)
        return VNULL;
    f->stream = stream;
    return VOBJ(f);
}

/* ---------------------------------------------------------------- sys */

/* sys.exit([code]): raises SystemExit(code); the engine turns it into the exit status. */
static Value sys_exit(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (kwnames && kwnames->len > 0)
        return vm_raise(vm, vm->exc_types.TypeError, "exit() takes no keyword arguments");
    if (nargs > 1)
        return vm_raise(vm, vm->exc_types.TypeError, "exit expected at most 1 argument, got %d",
                        nargs);
    Value exc = exc_new(vm, vm->exc_types.SystemExit, args, nargs);
    if (!IS_NULL(exc))
        vm_raise_value(vm, exc);
    v_decref(vm, exc);
    return VNULL;
}

static Value sys_getrecursionlimit(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    if (!count_args(vm, "sys.getrecursionlimit", nargs, kwnames, 0))
        return VNULL;
    return VINT(vm->config.max_depth);
}

static Value sys_setrecursionlimit(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    int64_t n;
    if (!count_args(vm, "sys.setrecursionlimit", nargs, kwnames, 1))
        return VNULL;
    if (args[0].kind == V_FLOAT)
        return float_arg_error(vm, args[0]);
    int r = val_index(vm, args[0], &n);
    if (r <= 0)
        return r < 0 ? VNULL : float_arg_error(vm, args[0]);
    if (n < 1)
        return vm_raise(vm, vm->exc_types.ValueError,
                        "recursion limit must be greater or equal than 1");
    if (n <= vm->depth)
        return vm_raise(vm, vm->exc_types.RecursionError,
                        "cannot set the recursion limit to %" PRId64
                        " at the recursion depth %d: the limit is too low",
                        n, vm->depth);
    vm->config.max_depth = n > INT32_MAX ? INT32_MAX : (int)n;
    return VNONE;
}

/* sys.argv from config.argc/argv (argv[0] is the script name). */
static Value make_argv(VM *vm) {
    ListObj *l = list_new(vm, (size_t)(vm->config.argc > 0 ? vm->config.argc : 0));
    for (int i = 0; l && i < vm->config.argc; i++) {
        StrObj *s = str_from_cstr(vm, vm->config.argv[i] ? vm->config.argv[i] : "");
        bool ok = s && list_append(vm, l, VOBJ(s));
        obj_xdecref(vm, (Obj *)s);
        if (!ok) {
            obj_decref(vm, (Obj *)l);
            return VNULL;
        }
    }
    return l ? VOBJ(l) : VNULL;
}

/* sys.version_info: a tuple subclass (comparisons with tuples, slicing and unpacking come
 * from tuple) whose fields are also attributes, like CPython's struct sequence. */
static const char *const version_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};
enum { VERSION_NFIELDS = sizeof version_fields / sizeof version_fields[0] };

static Value version_info_getattr(VM *vm, Value self, StrObj *name) {
    TupleObj *t = AS_TUPLE(self);
    for (size_t i = 0; i < VERSION_NFIELDS && i < t->len; i++)
        if (str_eq_cstr(name, version_fields[i]))
            return v_incref(t->items[i]);
    return generic_getattr(vm, self, name);
}

static StrObj *version_info_repr(VM *vm, Value self) {
    TupleObj *t = AS_TUPLE(self);
    StrBuf sb;
    sb_init(&sb);
    bool ok = sb_adds(vm, &sb, "sys.version_info(");
    for (size_t i = 0; ok && i < VERSION_NFIELDS && i < t->len; i++)
        ok = sb_printf(vm, &sb, "%s%s=", i ? ", " : "", version_fields[i]) &&
             sb_add_repr(vm, &sb, t->items[i]);
    if (!ok || !sb_adds(vm, &sb, ")")) {
        sb_free(vm, &sb);
        return NULL;
    }
    return sb_finish(vm, &sb);
}

static Value make_version_info(VM *vm) {
    TypeObj *type = type_new_builtin(vm, "version_info", vm->types.tuple, sizeof(TupleObj), 0);
    if (!type || !set_type_module(vm, type, "sys"))
        return VNULL;
    type->getattr = version_info_getattr;
    type->repr = version_info_repr;
    if (!type_ready(vm, type))
        return VNULL;
    StrObj *level = str_from_cstr(vm, "final");
    TupleObj *t =
        level ? tuple_pack(vm, 5, VINT(3), VINT(11), VINT(7), VOBJ(level), VINT(0)) : NULL;
    obj_xdecref(vm, (Obj *)level);
    if (!t)
        return VNULL;
    Value arg = VOBJ(t);
    Value v = type->tp_new(vm, type, &arg, 1, NULL);
    obj_decref(vm, &t->hdr);
    return v;
}

static Value cstr_value(VM *vm, const char *s) {
    StrObj *o = str_from_cstr(vm, s);
    return o ? VOBJ(o) : VNULL;
}

static bool init_sys(VM *vm, Value m) {
    return add_value_steal(vm, m, "stdout", v_incref(vm->sys_stdout)) &&
           add_value_steal(vm, m, "stderr", v_incref(vm->sys_stderr)) &&
           add_value_steal(vm, m, "__stdout__", v_incref(vm->sys_stdout)) &&
           add_value_steal(vm, m, "__stderr__", v_incref(vm->sys_stderr)) &&
           add_value_steal(vm, m, "argv", make_argv(vm)) &&
           add_value_steal(vm, m, "version_info", make_version_info(vm)) &&
           add_value_steal(vm, m, "version", cstr_value(vm, "3.11.7 (loopscope)")) &&
           add_value_steal(vm, m, "platform", cstr_value(vm, "linux")) &&
           add_value_steal(vm, m, "maxsize", VINT(INT64_MAX)) &&
           add_value_steal(vm, m, "modules", v_incref(VOBJ(vm->modules))) &&
           add_function(vm, m, "exit", sys_exit) &&
           add_function(vm, m, "getrecursionlimit", sys_getrecursionlimit) &&
           add_function(vm, m, "setrecursionlimit", sys_setrecursionlimit);
}

Value sys_stream(VM *vm, LsStream which) {
    const char *name = which == LS_STDOUT ? "stdout" : "stderr";
    Value fallback = which == LS_STDOUT ? vm->sys_stdout : vm->sys_stderr;
    StrObj *key = str_intern(vm, "sys");
    Value sys = key && vm->modules ? dict_get_str(vm->modules, key) : VNULL;
    obj_xdecref(vm, (Obj *)key);
    if (IS_NULL(sys) || !is_exact(vm, sys, vm->types.module))
        return fallback;
    key = str_intern(vm, name);
    Value v = key ? dict_get_str(((ModuleObj *)AS_OBJ(sys))->dict, key) : VNULL;
    obj_xdecref(vm, (Obj *)key);
    return IS_NULL(v) ? fallback : v;
}

/* ---------------------------------------------------------------- functools.partial */

/* partial(func, *args, **keywords): a callable with some arguments fixed. */
typedef struct {
    Obj hdr;
    Value fn;
    TupleObj *args;
    DictObj *kw; /* str -> value */
} PartialObj;

#define AS_PARTIAL(v) ((PartialObj *)AS_OBJ(v))

static void partial_dealloc(VM *vm, Obj *o) {
    PartialObj *p = (PartialObj *)o;
    v_decref(vm, p->fn);
    obj_xdecref(vm, (Obj *)p->args);
    obj_xdecref(vm, (Obj *)p->kw);
}

static void partial_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    PartialObj *p = (PartialObj *)o;
    visit(vm, p->fn, arg);
    if (p->args)
        visit(vm, VOBJ(p->args), arg);
    if (p->kw)
        visit(vm, VOBJ(p->kw), arg);
}

static void partial_clear(VM *vm, Obj *o) {
    PartialObj *p = (PartialObj *)o;
    Value fn = p->fn;
    p->fn = VNONE;
    v_decref(vm, fn);
    if (p->kw) {
        DictObj *kw = p->kw;
        p->kw = NULL;
        obj_decref(vm, (Obj *)kw);
    }
}

/* Fills p from (func, *args, **kw), flattening a partial of a partial as CPython does. */
static bool partial_fill(VM *vm, PartialObj *p, Value *args, int nargs, TupleObj *kwnames) {
    Value fn = args[0];
    TupleObj *inner_args = NULL;
    DictObj *inner_kw = NULL;
    if (is_exact(vm, fn, vm->types.partial)) {
        inner_args = AS_PARTIAL(fn)->args;
        inner_kw = AS_PARTIAL(fn)->kw;
        fn = AS_PARTIAL(fn)->fn;
    }
    size_t ninner = inner_args ? inner_args->len : 0;
    p->fn = v_incref(fn);
    p->args = tuple_new(vm, ninner + (size_t)(nargs - 1));
    p->kw = dict_new(vm);
    if (!p->args || !p->kw)
        return false;
    for (size_t i = 0; i < ninner; i++)
        p->args->items[i] = v_incref(inner_args->items[i]);
    for (int i = 1; i < nargs; i++)
        p->args->items[ninner + (size_t)i - 1] = v_incref(args[i]);
    Value k, v;
    for (size_t pos = 0; inner_kw && dict_next(inner_kw, &pos, &k, &v);)
        if (dict_set(vm, p->kw, k, v) < 0)
            return false;
    for (size_t i = 0; kwnames && i < kwnames->len; i++)
        if (dict_set(vm, p->kw, kwnames->items[i], args[nargs + (int)i]) < 0)
            return false;
    return true;
}

static Value partial_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    if (nargs < 1)
        return vm_raise(vm, vm->exc_types.TypeError, "type 'partial' takes at least one argument");
    if (!val_type(vm, args[0])->call)
        return vm_raise(vm, vm->exc_types.TypeError, "the first argument must be callable");
    PartialObj *p = (PartialObj *)obj_alloc(vm, type, type->instance_size);
    if (!p)
        return VNULL;
    p->fn = VNONE;
    if (!partial_fill(vm, p, args, nargs, kwnames)) {
        obj_decref(vm, (Obj *)p);
        return VNULL;
    }
    return VOBJ(p);
}

/* Calls fn(*p.args, *args, **{**p.kw, **kwargs}). */
static Value partial_call(VM *vm, Value self, Value *args, int nargs, TupleObj *kwnames) {
    PartialObj *p = AS_PARTIAL(self);
    DictObj *kw = dict_new(vm);
    Value k, v;
    bool ok = kw != NULL;
    for (size_t pos = 0; ok && dict_next(p->kw, &pos, &k, &v);)
        ok = dict_set(vm, kw, k, v) == 0;
    for (size_t i = 0; ok && kwnames && i < kwnames->len; i++)
        ok = dict_set(vm, kw, kwnames->items[i], args[nargs + (int)i]) == 0;
    size_t npos = p->args->len + (size_t)nargs, total = npos + (kw ? kw->len : 0);
    Value *all = ok ? ls_alloc(vm, (total + 1) * sizeof(Value)) : NULL;
    if (ok && !all)
        vm_raise_value(vm, VOBJ(vm->exc_types.MemoryError));
    TupleObj *names = all && kw->len ? tuple_new(vm, kw->len) : NULL;
    Value r = VNULL;
    if (all && (names || kw->len == 0)) {
        memcpy(all, p->args->items, p->args->len * sizeof(Value));
        memcpy(all + p->args->len, args, (size_t)nargs * sizeof(Value));
        size_t j = 0;
        for (size_t pos = 0; dict_next(kw, &pos, &k, &v); j++) {
            names->items[j] = v_incref(k);
            all[npos + j] = v;
        }
        r = vm_call(vm, p->fn, all, (int)npos, names);
    }
    if (all)
        ls_free(vm, all, (total + 1) * sizeof(Value));
    obj_xdecref(vm, (Obj *)names);
    obj_xdecref(vm, (Obj *)kw);
    return r;
}

/* functools.partial(<function f at 0x...>, 'a', x=1) */
static StrObj *partial_repr(VM *vm, Value self) {
    PartialObj *p = AS_PARTIAL(self);
    TypeObj *t = val_type(vm, self);
    int r = obj_repr_enter(vm, AS_OBJ(self));
    if (r != 0)
        return r > 0 ? str_from_cstr(vm, "...") : NULL;
    StrBuf sb;
    sb_init(&sb);
    bool ok = sb_printf(vm, &sb, "%s.%s(", t->module->data, t->qualname->data) &&
              sb_add_repr(vm, &sb, p->fn);
    for (size_t i = 0; ok && i < p->args->len; i++)
        ok = sb_adds(vm, &sb, ", ") && sb_add_repr(vm, &sb, p->args->items[i]);
    Value k, v;
    for (size_t pos = 0; ok && dict_next(p->kw, &pos, &k, &v);)
        ok = sb_adds(vm, &sb, ", ") && sb_add_str(vm, &sb, k) && sb_adds(vm, &sb, "=") &&
             sb_add_repr(vm, &sb, v);
    obj_repr_leave(vm, AS_OBJ(self));
    if (!ok || !sb_adds(vm, &sb, ")")) {
        sb_free(vm, &sb);
        return NULL;
    }
    return sb_finish(vm, &sb);
}

/* .func, .args and .keywords (a copy, as CPython hands out the dict itself but programs
 * only read it). */
static Value partial_getattr(VM *vm, Value self, StrObj *name) {
    PartialObj *p = AS_PARTIAL(self);
    if (str_eq_cstr(name, "func"))
        return v_incref(p->fn);
    if (str_eq_cstr(name, "args"))
        return v_incref(VOBJ(p->args));
    if (str_eq_cstr(name, "keywords"))
        return v_incref(VOBJ(p->kw));
    return vm->types.object->getattr(vm, self, name);
}

/* partial.__init__ accepts anything: __new__ did the work. */
static Value partial_init(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)vm, (void)args, (void)nargs, (void)kwnames;
    return VNONE;
}

static bool partial_type_init(VM *vm) {
    TypeObj *t = type_new_builtin(vm, "partial", NULL, sizeof(PartialObj), TF_BASETYPE);
    if (!t)
        return false;
    vm->types.partial = t;
    t->dealloc = partial_dealloc;
    t->traverse = partial_traverse;
    t->clear = partial_clear;
    t->tp_new = partial_tp_new;
    t->call = partial_call;
    t->repr = partial_repr;
    t->getattr = partial_getattr;
    return set_type_module(vm, t, "functools") &&
           type_add_method(vm, t, "__init__", partial_init) && type_ready(vm, t);
}

/* ---------------------------------------------------------------- functools */

/* Copies wrapped.X to wrapper.X for the WRAPPER_ASSIGNMENTS that exist. */
static bool copy_assignments(VM *vm, Value wrapper, Value wrapped) {
    static const char *const names[] = {"__module__", "__name__", "__qualname__", "__doc__",
                                        "__annotations__"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        StrObj *name = str_intern(vm, names[i]);
        Value v = name ? obj_getattr_opt(vm, wrapped, name) : VNULL;
        int r = IS_NULL(v) ? (IS_NULL(vm->exc) ? 0 : -1) : obj_setattr(vm, wrapper, name, v);
        v_decref(vm, v);
        obj_xdecref(vm, (Obj *)name);
        if (r < 0 || !name)
            return false;
    }
    return true;
}

/* wrapper.__dict__.update(wrapped.__dict__), when both have one. */
static bool update_dict(VM *vm, Value wrapper, Value wrapped) {
    Value src = obj_getattr_opt(vm, wrapped, vm->names.__dict__);
    if (IS_NULL(src))
        return IS_NULL(vm->exc);
    Value dst = obj_getattr_opt(vm, wrapper, vm->names.__dict__);
    Value r = IS_NULL(dst) ? VNONE : vm_call_method(vm, dst, "update", &src, 1);
    v_decref(vm, src);
    v_decref(vm, dst);
    v_decref(vm, r);
    return !IS_NULL(r) && IS_NULL(vm->exc);
}

/* functools.update_wrapper(wrapper, wrapped): what @wraps(wrapped) applies. */
static Value update_wrapper(VM *vm, Value wrapper, Value wrapped) {
    if (!copy_assignments(vm, wrapper, wrapped) || !update_dict(vm, wrapper, wrapped) ||
        obj_setattr(vm, wrapper, vm->names.__wrapped__, wrapped) < 0)
        return VNULL;
    return v_incref(wrapper);
}

static Value ft_update_wrapper(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"wrapper", "wrapped"};
    Value a[2];
    if (!args_bind(vm, "update_wrapper", args, nargs, kwnames, names, 2, 2, 2, a))
        return VNULL;
    return update_wrapper(vm, a[0], a[1]);
}

/* The Python half of functools: CPython's wraps is a Python function (programs print
 * type(wraps).__name__), returning partial(update_wrapper, wrapped=...) like CPython's.
 * assigned/updated are accepted and ignored, as by the native update_wrapper. */
static const char functools_source[] =
    "def wraps(wrapped, assigned=('__module__', '__name__', '__qualname__', '__doc__'),\n"
    "          updated=('__dict__',)):\n"
    "    return partial(update_wrapper, wrapped=wrapped)\n";

/* Compiles and runs `source` in `module`'s dict; a failure is a bug in the embedded text. */
static bool run_python(VM *vm, Value module, const char *filename, const char *source) {
    Ast ast;
    memset(&ast, 0, sizeof ast);
    size_t len = strlen(source);
    if (!ast_parse(&ast, source, len)) {
        ast_free(&ast);
        vm_raise(vm, vm->exc_types.RuntimeError, "%s: cannot parse", filename);
        return false;
    }
    Diag diag;
    CodeObj *code = compile_module(vm, ast.root, filename, source, len, &diag);
    ast_free(&ast);
    if (!code) {
        if (diag.kind != DIAG_NONE)
            vm_raise(vm, vm->exc_types.RuntimeError, "%s: %s", filename, diag.message);
        return false;
    }
    Value r = vm_run_module(vm, code, ((ModuleObj *)AS_OBJ(module))->dict);
    obj_decref(vm, &code->hdr);
    v_decref(vm, r);
    return !IS_NULL(r);
}

/* functools.reduce(function, iterable[, initial]) */
static Value ft_reduce(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "reduce", nargs, kwnames, 2, 3))
        return VNULL;
    Value it = obj_iter(vm, args[1]), item;
    if (IS_NULL(it))
        return VNULL;
    Value acc = nargs == 3 ? v_incref(args[2]) : VNULL;
    int r;
    while ((r = obj_next(vm, it, &item)) == 1) {
        Value next = IS_NULL(acc) ? v_incref(item) : vm_call2(vm, args[0], acc, item);
        v_decref(vm, item);
        v_decref(vm, acc);
        acc = next;
        if (IS_NULL(acc)) {
            r = -1;
            break;
        }
    }
    v_decref(vm, it);
    if (r < 0) {
        v_decref(vm, acc);
        return VNULL;
    }
    if (IS_NULL(acc))
        return vm_raise(vm, vm->exc_types.TypeError,
                        "reduce() of empty iterable with no initial value");
    return acc;
}

static bool init_functools(VM *vm, Value m) {
    return add_value_steal(vm, m, "partial", v_incref(VOBJ(vm->types.partial))) &&
           add_function(vm, m, "update_wrapper", ft_update_wrapper) &&
           add_function(vm, m, "reduce", ft_reduce) &&
           run_python(vm, m, "<functools>", functools_source);
}

/* ---------------------------------------------------------------- collections.deque */

/* A ring buffer: item i is items[(head + i) % cap]. */
typedef struct {
    Obj hdr;
    Value *items;
    size_t cap, head, len;
    int64_t maxlen; /* -1: unbounded */
    uint64_t state; /* bumped by every mutation: iterators detect changes */
} DequeObj;

typedef struct {
    Obj hdr;
    DequeObj *dq;
    size_t index;
    uint64_t state;
    bool reverse;
} DequeIterObj;

#define AS_DEQUE(v) ((DequeObj *)AS_OBJ(v))

static Value *dq_at(DequeObj *d, size_t i) {
    return &d->items[(d->head + i) % d->cap];
}

static bool dq_grow(VM *vm, DequeObj *d) {
    size_t cap = d->cap ? d->cap * 2 : 8;
    Value *items = ls_alloc(vm, cap * sizeof(Value));
    if (!items) {
        vm_raise_value(vm, VOBJ(vm->exc_types.MemoryError));
        return false;
    }
    for (size_t i = 0; i < d->len; i++)
        items[i] = *dq_at(d, i);
    ls_free(vm, d->items, d->cap * sizeof(Value));
    d->items = items;
    d->cap = cap;
    d->head = 0;
    return true;
}

/* Removes and returns (owned) the first or last item; len > 0. */
static Value dq_take(DequeObj *d, bool left) {
    Value *slot = dq_at(d, left ? 0 : d->len - 1);
    Value v = *slot;
    *slot = VNULL;
    if (left)
        d->head = (d->head + 1) % d->cap;
    d->len--;
    d->state++;
    return v;
}

/* append / appendleft; a full bounded deque drops an item from the other end. */
static bool dq_push(VM *vm, DequeObj *d, Value v, bool left) {
    if (d->maxlen == 0)
        return true;
    if (d->maxlen > 0 && (int64_t)d->len == d->maxlen)
        v_decref(vm, dq_take(d, !left));
    if (d->len == d->cap && !dq_grow(vm, d))
        return false;
    if (left)
        d->head = (d->head + d->cap - 1) % d->cap;
    d->len++;
    *dq_at(d, left ? 0 : d->len - 1) = v_incref(v);
    d->state++;
    return true;
}

static void dq_clear(VM *vm, DequeObj *d) {
    while (d->len > 0)
        v_decref(vm, dq_take(d, false));
}

static void deque_dealloc(VM *vm, Obj *o) {
    DequeObj *d = (DequeObj *)o;
    dq_clear(vm, d);
    ls_free(vm, d->items, d->cap * sizeof(Value));
}

static void deque_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    DequeObj *d = (DequeObj *)o;
    for (size_t i = 0; i < d->len; i++)
        visit(vm, *dq_at(d, i), arg);
}

static void deque_clear_slot(VM *vm, Obj *o) {
    dq_clear(vm, (DequeObj *)o);
}

/* Appends every item of an iterable (a snapshot when it is the deque itself). */
static bool dq_extend(VM *vm, DequeObj *d, Value iterable, bool left) {
    ListObj *l = list_from_iterable(vm, iterable);
    if (!l)
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < l->len; i++)
        ok = dq_push(vm, d, l->items[i], left);
    obj_decref(vm, (Obj *)l);
    return ok;
}

static Value deque_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    DequeObj *d = (DequeObj *)obj_alloc(vm, type, type->instance_size);
    if (!d)
        return VNULL;
    d->maxlen = -1;
    return VOBJ(d);
}

static bool check_deque(VM *vm, const char *name, Value *args, int nargs) {
    if (nargs >= 1 && val_isinstance(vm, args[0], vm->types.deque))
        return true;
    vm_raise(vm, vm->exc_types.TypeError,
             "descriptor '%s' for 'collections.deque' objects doesn't apply to a '%s' object", name,
             nargs >= 1 ? val_type_name(vm, args[0]) : "NoneType");
    return false;
}

/* Receiver check and exactly n arguments after self ("deque.append() takes exactly one
 * argument (0 given)"). */
static bool dq_args(VM *vm, const char *name, Value *args, int nargs, TupleObj *kwnames, int min,
                    int max) {
    if (nargs - 1 >= min && nargs - 1 <= max && (!kwnames || kwnames->len == 0) && nargs >= 1 &&
        IS_OBJ(args[0]) && type_is_subtype(AS_OBJ(args[0])->type, vm->types.deque))
        return true; /* the common case, without formatting the name for a message */
    char q[48];
    snprintf(q, sizeof q, "deque.%s", name);
    return check_deque(vm, name, args, nargs) && args_count(vm, q, nargs - 1, kwnames, min, max);
}

/* deque(iterable=(), maxlen=None) */
static Value deque_init(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"iterable", "maxlen"};
    Value a[2];
    if (!check_deque(vm, "__init__", args, nargs) ||
        !args_bind(vm, "deque", args + 1, nargs - 1, kwnames, names, 2, 2, 0, a))
        return VNULL;
    DequeObj *d = AS_DEQUE(args[0]);
    int64_t maxlen = -1;
    if (!IS_NULL(a[1]) && !IS_NONE(a[1])) {
        if (a[1].kind != V_INT && a[1].kind != V_BOOL)
            return vm_raise(vm, vm->exc_types.TypeError, "an integer is required");
        maxlen = a[1].as.i;
        if (maxlen < 0)
            return vm_raise(vm, vm->exc_types.ValueError, "maxlen must be non-negative");
    }
    d->maxlen = maxlen;
    dq_clear(vm, d);
    if (!IS_NULL(a[0]) && !dq_extend(vm, d, a[0], false))
        return VNULL;
    return VNONE;
}

static Value dq_append_impl(VM *vm, const char *name, bool left, Value *args, int nargs,
                            TupleObj *kwnames) {
    if (!dq_args(vm, name, args, nargs, kwnames, 1, 1) ||
        !dq_push(vm, AS_DEQUE(args[0]), args[1], left))
        return VNULL;
    return VNONE;
}

static Value deque_append(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return dq_append_impl(vm, "append", false, args, nargs, kwnames);
}
static Value deque_appendleft(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return dq_append_impl(vm, "appendleft", true, args, nargs, kwnames);
}

static Value dq_pop_impl(VM *vm, const char *name, bool left, Value *args, int nargs,
                         TupleObj *kwnames) {
    if (!dq_args(vm, name, args, nargs, kwnames, 0, 0))
        return VNULL;
    DequeObj *d = AS_DEQUE(args[0]);
    if (d->len == 0)
        return vm_raise(vm, vm->exc_types.IndexError, "pop from an empty deque");
    return dq_take(d, left);
}

static Value deque_pop(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return dq_pop_impl(vm, "pop", false, args, nargs, kwnames);
}
static Value deque_popleft(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return dq_pop_impl(vm, "popleft", true, args, nargs, kwnames);
}

static Value dq_extend_impl(VM *vm, const char *name, bool left, Value *args, int nargs,
                            TupleObj *kwnames) {
    if (!dq_args(vm, name, args, nargs, kwnames, 1, 1) ||
        !dq_extend(vm, AS_DEQUE(args[0]), args[1], left))
        return VNULL;
    return VNONE;
}

static Value deque_extend(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return dq_extend_impl(vm, "extend", false, args, nargs, kwnames);
}
static Value deque_extendleft(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return dq_extend_impl(vm, "extendleft", true, args, nargs, kwnames);
}

static Value deque_clear(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!dq_args(vm, "clear", args, nargs, kwnames, 0, 0))
        return VNULL;
    dq_clear(vm, AS_DEQUE(args[0]));
    return VNONE;
}

/* Index of the first item equal to x in [start, stop), -1 when absent, -2 on error or when
 * the deque changed during the comparisons (RuntimeError raised). */
static int64_t dq_find(VM *vm, DequeObj *d, Value x, size_t start, size_t stop) {
    uint64_t state = d->state;
    for (size_t i = start; i < stop && i < d->len; i++) {
        Value item = v_incref(*dq_at(d, i));
        int eq = obj_eq(vm, item, x);
        v_decref(vm, item);
        if (eq < 0)
            return -2;
        if (d->state != state) {
            vm_raise(vm, vm->exc_types.RuntimeError, "deque mutated during iteration");
            return -2;
        }
        if (eq)
            return (int64_t)i;
    }
    return -1;
}

static Value not_in_deque(VM *vm, Value x) {
    StrObj *r = obj_repr(vm, x);
    if (r)
        vm_raise(vm, vm->exc_types.ValueError, "%s is not in deque", r->data);
    obj_xdecref(vm, (Obj *)r);
    return VNULL;
}

static Value deque_count(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!dq_args(vm, "count", args, nargs, kwnames, 1, 1))
        return VNULL;
    DequeObj *d = AS_DEQUE(args[0]);
    int64_t n = 0, i = -1;
    while ((i = dq_find(vm, d, args[1], (size_t)(i + 1), d->len)) >= 0)
        n++;
    return i == -2 ? VNULL : VINT(n);
}

/* Removes item i (0 <= i < len), keeping the order. */
static void dq_delete(VM *vm, DequeObj *d, size_t i) {
    Value v = *dq_at(d, i);
    for (; i + 1 < d->len; i++)
        *dq_at(d, i) = *dq_at(d, i + 1);
    *dq_at(d, d->len - 1) = VNULL;
    d->len--;
    d->state++;
    v_decref(vm, v);
}

static Value deque_remove(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!dq_args(vm, "remove", args, nargs, kwnames, 1, 1))
        return VNULL;
    DequeObj *d = AS_DEQUE(args[0]);
    int64_t i = dq_find(vm, d, args[1], 0, d->len);
    if (i < 0)
        return i == -2 ? VNULL : not_in_deque(vm, args[1]);
    dq_delete(vm, d, (size_t)i);
    return VNONE;
}

/* Clamps an index argument like list.index's start/stop. */
static bool dq_bound(VM *vm, Value v, size_t len, size_t *out) {
    int64_t i;
    int r = val_index(vm, v, &i);
    if (r <= 0) {
        if (r == 0)
            vm_raise(vm, vm->exc_types.TypeError,
                     "slice indices must be integers or have an __index__ method");
        return false;
    }
    if (i < 0)
        i = i + (int64_t)len < 0 ? 0 : i + (int64_t)len;
    *out = (size_t)i > len ? len : (size_t)i;
    return true;
}

static Value deque_index(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!dq_args(vm, "index", args, nargs, kwnames, 1, 3))
        return VNULL;
    DequeObj *d = AS_DEQUE(args[0]);
    size_t start = 0, stop = d->len;
    if ((nargs > 2 && !dq_bound(vm, args[2], d->len, &start)) ||
        (nargs > 3 && !dq_bound(vm, args[3], d->len, &stop)))
        return VNULL;
    int64_t i = dq_find(vm, d, args[1], start, stop);
    if (i < 0)
        return i == -2 ? VNULL : not_in_deque(vm, args[1]);
    return VINT(i);
}

static Value deque_insert(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    int64_t i;
    if (!dq_args(vm, "insert", args, nargs, kwnames, 2, 2))
        return VNULL;
    if (val_index(vm, args[1], &i) != 1)
        return IS_NULL(vm->exc) ? float_arg_error(vm, args[1]) : VNULL;
    DequeObj *d = AS_DEQUE(args[0]);
    if (d->maxlen >= 0 && (int64_t)d->len >= d->maxlen)
        return vm_raise(vm, vm->exc_types.IndexError, "deque already at its maximum size");
    int64_t n = (int64_t)d->len;
    i = i < 0 ? (i + n < 0 ? 0 : i + n) : (i > n ? n : i);
    if (!dq_push(vm, d, args[2], false))
        return VNULL;
    Value v = *dq_at(d, d->len - 1);
    for (size_t j = d->len - 1; j > (size_t)i; j--)
        *dq_at(d, j) = *dq_at(d, j - 1);
    *dq_at(d, (size_t)i) = v;
    return VNONE;
}

/* rotate(n=1): n steps to the right (negative: to the left). */
static Value deque_rotate(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    int64_t n = 1;
    if (!dq_args(vm, "rotate", args, nargs, kwnames, 0, 1))
        return VNULL;
    if (nargs > 1 && val_index(vm, args[1], &n) != 1)
        return IS_NULL(vm->exc) ? float_arg_error(vm, args[1]) : VNULL;
    DequeObj *d = AS_DEQUE(args[0]);
    if (d->len <= 1)
        return VNONE;
    int64_t len = (int64_t)d->len, k = ((n % len) + len) % len;
    for (int64_t s = 0; s < k; s++) { /* move the last item to the front, k times */
        Value v = dq_take(d, false);
        d->head = (d->head + d->cap - 1) % d->cap;
        d->len++;
        *dq_at(d, 0) = v;
    }
    d->state++;
    return VNONE;
}

static Value deque_reverse(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!dq_args(vm, "reverse", args, nargs, kwnames, 0, 0))
        return VNULL;
    DequeObj *d = AS_DEQUE(args[0]);
    for (size_t i = 0, j = d->len; i + 1 < j; i++, j--) {
        Value t = *dq_at(d, i);
        *dq_at(d, i) = *dq_at(d, j - 1);
        *dq_at(d, j - 1) = t;
    }
    d->state++;
    return VNONE;
}

/* A new deque of the same type and maxlen with the same items. */
static Value dq_copy(VM *vm, DequeObj *src) {
    Value r = deque_tp_new(vm, src->hdr.type, NULL, 0, NULL);
    if (IS_NULL(r))
        return VNULL;
    AS_DEQUE(r)->maxlen = src->maxlen;
    for (size_t i = 0; i < src->len; i++)
        if (!dq_push(vm, AS_DEQUE(r), *dq_at(src, i), false)) {
            v_decref(vm, r);
            return VNULL;
        }
    return r;
}

static Value deque_copy(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!dq_args(vm, "copy", args, nargs, kwnames, 0, 0))
        return VNULL;
    return dq_copy(vm, AS_DEQUE(args[0]));
}

/* ---------------------------------------------------------------- deque slots */

static int64_t deque_len(VM *vm, Value self) {
    (void)vm;
    return (int64_t)AS_DEQUE(self)->len;
}

static int deque_truthy(VM *vm, Value self) {
    (void)vm;
    return AS_DEQUE(self)->len > 0;
}

static int deque_contains(VM *vm, Value self, Value item) {
    DequeObj *d = AS_DEQUE(self);
    int64_t i = dq_find(vm, d, item, 0, d->len);
    return i == -2 ? -1 : i >= 0;
}

static int deque_hash(VM *vm, Value self, int64_t *out) {
    (void)self, (void)out;
    vm_raise(vm, vm->exc_types.TypeError, "unhashable type: 'collections.deque'");
    return -1;
}

/* d[i] for an int i; deques do not take slices. */
static bool dq_index(VM *vm, DequeObj *d, Value key, size_t *out) {
    int64_t i;
    int r = val_index(vm, key, &i);
    if (r <= 0) {
        if (r == 0)
            vm_raise(vm, vm->exc_types.TypeError, "sequence index must be integer, not '%s'",
                     val_type_name(vm, key));
        return false;
    }
    if (i < 0)
        i += (int64_t)d->len;
    if (i < 0 || i >= (int64_t)d->len) {
        vm_raise(vm, vm->exc_types.IndexError, "deque index out of range");
        return false;
    }
    *out = (size_t)i;
    return true;
}

static Value deque_getitem(VM *vm, Value self, Value key) {
    size_t i;
    if (!dq_index(vm, AS_DEQUE(self), key, &i))
        return VNULL;
    return v_incref(*dq_at(AS_DEQUE(self), i));
}

static int deque_setitem(VM *vm, Value self, Value key, Value v) {
    DequeObj *d = AS_DEQUE(self);
    size_t i;
    if (!dq_index(vm, d, key, &i))
        return -1;
    if (IS_NULL(v)) {
        dq_delete(vm, d, i);
        return 0;
    }
    Value old = *dq_at(d, i);
    *dq_at(d, i) = v_incref(v);
    v_decref(vm, old);
    return 0;
}

/* deque([1, 2, 3]) / deque([1], maxlen=3); deque([...]) when it contains itself. */
static StrObj *deque_repr(VM *vm, Value self) {
    DequeObj *d = AS_DEQUE(self);
    const char *name = val_type_name(vm, self);
    int r = obj_repr_enter(vm, AS_OBJ(self));
    if (r != 0)
        return r > 0 ? str_printf(vm, "%s([...])", name) : NULL;
    StrBuf sb;
    sb_init(&sb);
    bool ok = sb_printf(vm, &sb, "%s([", name);
    for (size_t i = 0; ok && i < d->len; i++) {
        Value item = v_incref(*dq_at(d, i));
        ok = (i == 0 || sb_adds(vm, &sb, ", ")) && sb_add_repr(vm, &sb, item);
        v_decref(vm, item);
    }
    obj_repr_leave(vm, AS_OBJ(self));
    ok = ok && sb_adds(vm, &sb, "]") &&
         (d->maxlen < 0 || sb_printf(vm, &sb, ", maxlen=%" PRId64, d->maxlen)) &&
         sb_adds(vm, &sb, ")");
    if (!ok) {
        sb_free(vm, &sb);
        return NULL;
    }
    return sb_finish(vm, &sb);
}

/* Lexicographic comparison of two deques, like lists. */
static Value deque_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if (!val_isinstance(vm, b, vm->types.deque) || !val_isinstance(vm, a, vm->types.deque))
        return v_incref(vm->not_implemented);
    DequeObj *x = AS_DEQUE(a), *y = AS_DEQUE(b);
    if ((op == CMP_EQ || op == CMP_NE) && x->len != y->len)
        return VBOOL(op == CMP_NE);
    size_t i = 0;
    for (; i < x->len && i < y->len; i++) {
        Value p = v_incref(*dq_at(x, i)), q = v_incref(*dq_at(y, i));
        int eq = obj_eq(vm, p, q);
        if (eq != 1) {
            Value r = eq < 0         ? VNULL
                      : op == CMP_EQ ? VBOOL(false)
                      : op == CMP_NE ? VBOOL(true)
                                     : obj_richcompare(vm, p, q, op);
            v_decref(vm, p);
            v_decref(vm, q);
            return r;
        }
        v_decref(vm, p);
        v_decref(vm, q);
    }
    int64_t c = (int64_t)x->len - (int64_t)y->len;
    bool res = op == CMP_LT   ? c < 0
               : op == CMP_LE ? c <= 0
               : op == CMP_EQ ? c == 0
               : op == CMP_NE ? c != 0
               : op == CMP_GT ? c > 0
                              : c >= 0;
    return VBOOL(res);
}

/* deque + deque and deque * n. */
static Value deque_binop(VM *vm, BinOp op, Value a, Value b) {
    if (op == BINOP_ADD && val_isinstance(vm, a, vm->types.deque)) {
        if (!val_isinstance(vm, b, vm->types.deque))
            return vm_raise(vm, vm->exc_types.TypeError,
                            "can only concatenate deque (not \"%s\") to deque",
                            val_type_name(vm, b));
        Value r = dq_copy(vm, AS_DEQUE(a));
        if (!IS_NULL(r) && !dq_extend(vm, AS_DEQUE(r), b, false)) {
            v_decref(vm, r);
            return VNULL;
        }
        return r;
    }
    if (op == BINOP_MUL && val_isinstance(vm, a, vm->types.deque) &&
        (b.kind == V_INT || b.kind == V_BOOL)) {
        Value r = dq_copy(vm, AS_DEQUE(a));
        DequeObj *src = AS_DEQUE(a);
        size_t n = src->len;
        dq_clear(vm, AS_DEQUE(r));
        for (int64_t k = 0; !IS_NULL(r) && k < b.as.i; k++)
            for (size_t i = 0; i < n; i++)
                if (!dq_push(vm, AS_DEQUE(r), *dq_at(src, i), false)) {
                    v_decref(vm, r);
                    return VNULL;
                }
        return r;
    }
    return v_incref(vm->not_implemented);
}

/* d += iterable extends in place. */
static Value deque_inplace(VM *vm, BinOp op, Value a, Value b) {
    if (op != BINOP_ADD)
        return deque_binop(vm, op, a, b);
    if (!dq_extend(vm, AS_DEQUE(a), b, false))
        return VNULL;
    return v_incref(a);
}

/* deque.maxlen: a read-only property, so that method calls keep the generic getattr's fast
 * path (obj_load_method) instead of making a bound method per call. */
static Value deque_maxlen_get(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!check_deque(vm, "maxlen", args, nargs) || !args_count(vm, "maxlen", nargs, kwnames, 1, 1))
        return VNULL;
    int64_t m = AS_DEQUE(args[0])->maxlen;
    return m < 0 ? VNONE : VINT(m);
}

static bool deque_add_maxlen(VM *vm, TypeObj *t) {
    Value get = builtin_new(vm, "maxlen", deque_maxlen_get, VNULL);
    Value prop = IS_NULL(get) ? VNULL : vm_call1(vm, VOBJ(vm->types.property), get);
    v_decref(vm, get);
    bool ok = !IS_NULL(prop) && dict_set_cstr(vm, t->dict, "maxlen", prop) == 0;
    v_decref(vm, prop);
    return ok;
}

/* ---------------------------------------------------------------- deque iterators */

static Value dq_iter_new(VM *vm, Value self, bool reverse) {
    DequeIterObj *it = (DequeIterObj *)obj_alloc(vm, vm->types.deque_iter, sizeof(DequeIterObj));
    if (!it)
        return VNULL;
    it->dq = AS_DEQUE(self);
    obj_incref(AS_OBJ(self));
    it->state = it->dq->state;
    it->reverse = reverse;
    return VOBJ(it);
}

static Value deque_iter(VM *vm, Value self) {
    return dq_iter_new(vm, self, false);
}

static Value deque_reversed(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!dq_args(vm, "__reversed__", args, nargs, kwnames, 0, 0))
        return VNULL;
    return dq_iter_new(vm, args[0], true);
}

static int deque_iter_next(VM *vm, Value self, Value *out) {
    DequeIterObj *it = (DequeIterObj *)AS_OBJ(self);
    if (!it->dq)
        return 0;
    if (it->dq->state != it->state) {
        vm_raise(vm, vm->exc_types.RuntimeError, "deque mutated during iteration");
        return -1;
    }
    if (it->index >= it->dq->len) {
        obj_decref(vm, (Obj *)it->dq);
        it->dq = NULL;
        return 0;
    }
    size_t i = it->reverse ? it->dq->len - 1 - it->index : it->index;
    it->index++;
    *out = v_incref(*dq_at(it->dq, i));
    return 1;
}

static void deque_iter_dealloc(VM *vm, Obj *o) {
    obj_xdecref(vm, (Obj *)((DequeIterObj *)o)->dq);
}

static void deque_iter_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    DequeIterObj *it = (DequeIterObj *)o;
    if (it->dq)
        visit(vm, VOBJ(it->dq), arg);
}

static Value iter_self(VM *vm, Value self) {
    (void)vm;
    return v_incref(self);
}

/* ---------------------------------------------------------------- deque types */

static const struct {
    const char *name;
    NativeFn fn;
} deque_methods[] = {
    {"__init__", deque_init},
    {"append", deque_append},
    {"appendleft", deque_appendleft},
    {"pop", deque_pop},
    {"popleft", deque_popleft},
    {"extend", deque_extend},
    {"extendleft", deque_extendleft},
    {"clear", deque_clear},
    {"count", deque_count},
    {"remove", deque_remove},
    {"index", deque_index},
    {"insert", deque_insert},
    {"rotate", deque_rotate},
    {"reverse", deque_reverse},
    {"copy", deque_copy},
    {"__copy__", deque_copy},
    {"__reversed__", deque_reversed},
};

static bool deque_types_init(VM *vm) {
    TypeObj *t = type_new_builtin(vm, "deque", NULL, sizeof(DequeObj), TF_BASETYPE);
    TypeObj *it = t ? type_new_builtin(vm, "_deque_iterator", NULL, sizeof(DequeIterObj), 0) : NULL;
    if (!it)
        return false;
    vm->types.deque = t;
    vm->types.deque_iter = it;
    t->dealloc = deque_dealloc, t->traverse = deque_traverse, t->clear = deque_clear_slot;
    t->tp_new = deque_tp_new, t->repr = deque_repr, t->hash = deque_hash;
    t->richcompare = deque_richcompare, t->binop = deque_binop, t->inplace = deque_inplace;
    t->truthy = deque_truthy, t->len = deque_len;
    t->getitem = deque_getitem, t->setitem = deque_setitem, t->contains = deque_contains;
    t->iter = deque_iter;
    it->dealloc = deque_iter_dealloc, it->traverse = deque_iter_traverse;
    it->iter = iter_self, it->next = deque_iter_next;
    for (size_t i = 0; i < sizeof deque_methods / sizeof deque_methods[0]; i++)
        if (!type_add_method(vm, t, deque_methods[i].name, deque_methods[i].fn))
            return false;
    return deque_add_maxlen(vm, t) && set_type_module(vm, t, "collections") &&
           set_type_module(vm, it, "_collections") && type_ready(vm, t) && type_ready(vm, it);
}

static bool init_collections(VM *vm, Value m) {
    return add_value_steal(vm, m, "deque", v_incref(VOBJ(vm->types.deque)));
}

/* ---------------------------------------------------------------- import */

/* The native modules: name and the function that fills a fresh module's dict. */
/* clang-format off */
static const struct {
    const char *name;
    bool (*init)(VM *vm, Value module);
} native_modules[] = {
    {"time", init_time},
    {"sys", init_sys},
    {"functools", init_functools},
    {"collections", init_collections},
    {"asyncio", aio_module_init},
};
/* clang-format on */

/* Creates native module `name` into vm->modules; V_NULL with no exception if unknown. */
static Value create_module(VM *vm, const char *name) {
    for (size_t i = 0; i < sizeof native_modules / sizeof native_modules[0]; i++) {
        if (strcmp(native_modules[i].name, name) != 0)
            continue;
        Value m = module_new(vm, name);
        if (IS_NULL(m))
            return VNULL;
        if (!native_modules[i].init(vm, m) || dict_set_cstr(vm, vm->modules, name, m) < 0) {
            v_decref(vm, m);
            return VNULL;
        }
        return m;
    }
    return VNULL;
}

Value vm_import(VM *vm, const char *name) {
    StrObj *key = str_from_cstr(vm, name);
    if (!key)
        return VNULL;
    Value m = dict_get_str(vm->modules, key);
    obj_decref(vm, (Obj *)key);
    if (!IS_NULL(m))
        return v_incref(m);
    if (strcmp(name, "builtins") == 0) {
        m = module_new(vm, name);
        if (IS_NULL(m))
            return VNULL;
        obj_decref(vm, (Obj *)((ModuleObj *)AS_OBJ(m))->dict);
        obj_incref((Obj *)vm->builtins);
        ((ModuleObj *)AS_OBJ(m))->dict = vm->builtins;
        return m;
    }
    m = create_module(vm, name);
    if (IS_NULL(m) && IS_NULL(vm->exc)) {
        Value exc = VNULL;
        StrObj *msg = str_printf(vm, "No module named '%s'", name);
        if (msg) {
            Value arg = VOBJ(msg);
            exc = exc_new(vm, vm->exc_types.ModuleNotFoundError, &arg, 1);
            obj_decref(vm, (Obj *)msg);
        }
        if (!IS_NULL(exc))
            vm_raise_value(vm, exc);
        v_decref(vm, exc);
    }
    return m;
}

bool modules_init(VM *vm) {
    if (!vm->modules && !(vm->modules = dict_new(vm)))
        return false;
    if (!textio_type_init(vm) || !partial_type_init(vm) || !deque_types_init(vm))
        return false;
    vm->sys_stdout = textio_new(vm, LS_STDOUT);
    vm->sys_stderr = textio_new(vm, LS_STDERR);
    if (IS_NULL(vm->sys_stdout) || IS_NULL(vm->sys_stderr))
        return false;
    Value sys = create_module(vm, "sys");
    v_decref(vm, sys);
    return !IS_NULL(sys) && builtins_bind_types(vm);
}
