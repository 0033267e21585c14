/*
 * errors.c - Python exceptions: raising and taking the pending exception (the API at the end
 * of object.h), and the built-in exception types of vm.h's LS_EXCEPTIONS with CPython's
 * behaviour: .args, str() and repr(), KeyError's str, StopIteration.value, SystemExit.code,
 * the __traceback__/__cause__/__context__ attributes, and ExceptionGroup.
 *
 * Instances are ExcObj (object.h). The types are TF_BASETYPE so that user classes subclass
 * them; the per-type behaviour is in slots (inherited by type_ready) and mirrored as methods
 * (__init__, __str__, __repr__) so that `super().__str__()` works from a subclass.
 *
 * Not for: printing tracebacks (the VM's vm_print_exception) nor setting __context__ when an
 * exception is raised inside a handler (the VM knows which exception is being handled).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "library.h"

#define AS_EXC(v) ((ExcObj *)AS_OBJ(v))

/* ---------------------------------------------------------------- the pending exception */

/* Makes `exc` (stolen) the pending exception, dropping any previous one. */
static void set_pending_steal(VM *vm, Value exc) {
    Value old = vm->exc;
    vm->exc = exc;
    v_decref(vm, old);
}

Value vm_raise(VM *vm, TypeObj *type, const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *buf = small;
    if ((size_t)n >= sizeof small) {
        buf = ls_alloc(vm, (size_t)n + 1);
        if (buf) {
            va_start(ap, fmt);
            vsnprintf(buf, (size_t)n + 1, fmt, ap);
            va_end(ap);
        } else { /* no memory for the whole message: raise with its first part */
            buf = small;
            n = (int)sizeof small - 1;
        }
    }
    StrObj *msg = str_new(vm, buf, (size_t)n);
    if (buf != small)
        ls_free(vm, buf, (size_t)n + 1);
    if (!msg)
        return VNULL;
    Value arg = VOBJ(msg);
    Value exc = exc_new(vm, type, &arg, 1);
    obj_decref(vm, &msg->hdr);
    if (!IS_NULL(exc))
        set_pending_steal(vm, exc);
    return VNULL;
}

Value vm_raise_value(VM *vm, Value exc) {
    TypeObj *base = vm->exc_types.BaseException;
    if (IS_OBJ(exc) && val_isinstance(vm, exc, vm->types.type) &&
        type_is_subtype((TypeObj *)AS_OBJ(exc), base)) {
        /* `raise ValueError`: instantiate the class, running a user __init__ */
        Value inst = vm_call0(vm, exc);
        if (IS_NULL(inst))
            return VNULL;
        if (!val_isinstance(vm, inst, base)) {
            StrObj *cls = obj_repr(vm, exc);
            StrObj *got = cls ? obj_repr(vm, VOBJ(val_type(vm, inst))) : NULL;
            v_decref(vm, inst);
            if (got)
                vm_raise(vm, vm->exc_types.TypeError,
                         "calling %s should have returned an instance of BaseException, not %s",
                         cls->data, got->data);
            obj_xdecref(vm, (Obj *)cls);
            obj_xdecref(vm, (Obj *)got);
            return VNULL;
        }
        set_pending_steal(vm, inst);
        return VNULL;
    }
    if (!val_isinstance(vm, exc, base))
        return vm_raise(vm, vm->exc_types.TypeError, "exceptions must derive from BaseException");
    set_pending_steal(vm, v_incref(exc));
    return VNULL;
}

bool vm_exc_matches(VM *vm, TypeObj *type) {
    return !IS_NULL(vm->exc) && val_isinstance(vm, vm->exc, type);
}

Value vm_exc_take(VM *vm) {
    Value exc = vm->exc;
    vm->exc = VNULL;
    return exc;
}

void vm_exc_clear(VM *vm) {
    set_pending_steal(vm, VNULL);
}

Value exc_new(VM *vm, TypeObj *type, Value *args, int nargs) {
    return type->tp_new(vm, type, args, nargs, NULL);
}

/* ---------------------------------------------------------------- construction */

/* The attributes derived from .args: StopIteration.value and SystemExit.code, kept in the
 * instance dict (as object.h documents) so user code may also assign them. */
static bool set_derived(VM *vm, ExcObj *e) {
    TypeObj *t = e->hdr.type;
    TupleObj *a = e->args;
    if (type_is_subtype(t, vm->exc_types.StopIteration)) {
        Value v = a->len > 0 ? a->items[0] : VNONE;
        return dict_set_str(vm, e->dict, vm->names.value, v) == 0;
    }
    if (type_is_subtype(t, vm->exc_types.SystemExit)) {
        Value v = a->len == 0 ? VNONE : a->len == 1 ? a->items[0] : VOBJ(a);
        return dict_set_str(vm, e->dict, vm->names.code, v) == 0;
    }
    return true;
}

/* Replaces e.args by the given positional arguments. */
static bool set_args(VM *vm, ExcObj *e, Value *args, int nargs) {
    TupleObj *t = tuple_from(vm, args, (size_t)nargs);
    if (!t)
        return false;
    obj_xdecref(vm, (Obj *)e->args);
    e->args = t;
    return set_derived(vm, e);
}

/* Allocates an instance of `type` with .args = args (no validation). */
static ExcObj *alloc_exc(VM *vm, TypeObj *type, Value *args, int nargs) {
    ExcObj *e = (ExcObj *)obj_alloc(vm, type, type->instance_size);
    if (!e)
        return NULL;
    e->dict = dict_new(vm);
    e->args = tuple_from(vm, args, (size_t)nargs);
    if (!e->dict || !e->args || !set_derived(vm, e)) {
        obj_decref(vm, &e->hdr);
        return NULL;
    }
    return e;
}

static Value group_new(VM *vm, TypeObj *type, Value *args, int nargs);

/* tp_new of every exception type: keyword arguments are left to __init__ (which rejects
 * them unless a subclass overrides it), as BaseException_new does. */
static Value exc_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    (void)kwnames;
    if (type_is_subtype(type, vm->exc_types.BaseExceptionGroup))
        return group_new(vm, type, args, nargs);
    ExcObj *e = alloc_exc(vm, type, args, nargs);
    return e ? VOBJ(e) : VNULL;
}

/* BaseException.__init__(self, *args): resets .args; keywords are a TypeError. */
static Value exc_init(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (nargs < 1 || !val_isinstance(vm, args[0], vm->exc_types.BaseException))
        return vm_raise(vm, vm->exc_types.TypeError,
                        "descriptor '__init__' requires a 'BaseException' object");
    if (kwnames && kwnames->len > 0)
        return vm_raise(vm, vm->exc_types.TypeError, "%s() takes no keyword arguments",
                        val_type_name(vm, args[0]));
    if (!set_args(vm, AS_EXC(args[0]), args + 1, nargs - 1))
        return VNULL;
    return VNONE;
}

static void exc_dealloc(VM *vm, Obj *o) {
    ExcObj *e = (ExcObj *)o;
    obj_xdecref(vm, (Obj *)e->dict);
    obj_xdecref(vm, (Obj *)e->args);
    obj_xdecref(vm, e->traceback);
    obj_xdecref(vm, e->cause);
    obj_xdecref(vm, e->context);
}

/* Breaks cycles (e.__traceback__ -> frame -> e): the references that can form them. */
static void exc_clear(VM *vm, Obj *o) {
    ExcObj *e = (ExcObj *)o;
    Obj *refs[] = {e->traceback, e->cause, e->context};
    e->traceback = e->cause = e->context = NULL;
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        obj_xdecref(vm, refs[i]);
    DictObj *d = e->dict;
    e->dict = NULL;
    obj_xdecref(vm, (Obj *)d);
}

static void exc_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    ExcObj *e = (ExcObj *)o;
    Obj *refs[] = {(Obj *)e->dict, (Obj *)e->args, e->traceback, e->cause, e->context};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        if (refs[i])
            visit(vm, VOBJ(refs[i]), arg);
}

/* ---------------------------------------------------------------- str and repr */

/* str(e): '' without args, str(arg) with one, str(args) with several. */
static StrObj *base_str(VM *vm, Value self) {
    TupleObj *a = AS_EXC(self)->args;
    if (a->len == 0)
        return str_from_cstr(vm, "");
    return obj_str(vm, a->len == 1 ? a->items[0] : VOBJ(a));
}

/* KeyError shows the key's repr, so that KeyError('') is visible in a traceback. */
static StrObj *keyerror_str(VM *vm, Value self) {
    TupleObj *a = AS_EXC(self)->args;
    if (a->len == 1)
        return obj_repr(vm, a->items[0]);
    return base_str(vm, self);
}

/* `Name('x')` for one argument, `Name()` / `Name('x', 1)` otherwise. */
static StrObj *exc_repr(VM *vm, Value self) {
    TupleObj *a = AS_EXC(self)->args;
    StrBuf sb;
    sb_init(&sb);
    bool ok = sb_adds(vm, &sb, val_type_name(vm, self));
    if (ok && a->len == 1) {
        ok = sb_adds(vm, &sb, "(") && sb_add_repr(vm, &sb, a->items[0]) && sb_adds(vm, &sb, ")");
    } else if (ok) {
        ok = sb_add_repr(vm, &sb, VOBJ(a));
    }
    if (!ok) {
        sb_free(vm, &sb);
        return NULL;
    }
    return sb_finish(vm, &sb);
}

/* Borrowed d[key] for a C string key; V_NULL when missing (or out of memory). */
static Value dict_get_cstr(VM *vm, DictObj *d, const char *key) {
    StrObj *k = str_intern(vm, key);
    if (!k) {
        vm_exc_clear(vm);
        return VNULL;
    }
    Value v = dict_get_str(d, k);
    obj_decref(vm, (Obj *)k);
    return v;
}

/* `msg (2 sub-exceptions)` */
static StrObj *group_str(VM *vm, Value self) {
    DictObj *d = AS_EXC(self)->dict;
    Value msg = dict_get_cstr(vm, d, "message");
    Value excs = dict_get_cstr(vm, d, "exceptions");
    if (IS_NULL(msg) || !IS_OBJ(excs))
        return base_str(vm, self);
    size_t n = ((TupleObj *)AS_OBJ(excs))->len;
    StrBuf sb;
    sb_init(&sb);
    if (!sb_add_str(vm, &sb, msg) ||
        !sb_printf(vm, &sb, " (%zu sub-exception%s)", n, n == 1 ? "" : "s")) {
        sb_free(vm, &sb);
        return NULL;
    }
    return sb_finish(vm, &sb);
}

/* Checks the receiver of a method called through the class (ValueError.__str__(5)). */
static bool check_self(VM *vm, const char *meth, Value *args, int nargs) {
    if (nargs >= 1 && val_isinstance(vm, args[0], vm->exc_types.BaseException))
        return true;
    if (nargs < 1)
        vm_raise(vm, vm->exc_types.TypeError,
                 "descriptor '%s' of 'BaseException' object needs an argument", meth);
    else
        vm_raise(vm, vm->exc_types.TypeError,
                 "descriptor '%s' requires a 'BaseException' object but received a '%s'", meth,
                 val_type_name(vm, args[0]));
    return false;
}

/* Wraps a str/repr function as a method with no arguments besides self. */
static Value call_str_fn(VM *vm, const char *meth, StrObj *(*fn)(VM *, Value), Value *args,
                         int nargs, TupleObj *kwnames) {
    if (!check_self(vm, meth, args, nargs) || !args_count(vm, meth, nargs - 1, kwnames, 0, 0))
        return VNULL;
    StrObj *s = fn(vm, args[0]);
    return s ? VOBJ(s) : VNULL;
}

static Value m_base_str(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return call_str_fn(vm, "__str__", base_str, args, nargs, kwnames);
}
static Value m_keyerror_str(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return call_str_fn(vm, "__str__", keyerror_str, args, nargs, kwnames);
}
static Value m_group_str(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return call_str_fn(vm, "__str__", group_str, args, nargs, kwnames);
}
static Value m_repr(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return call_str_fn(vm, "__repr__", exc_repr, args, nargs, kwnames);
}

/* ---------------------------------------------------------------- attributes */

static Value opt_obj(Obj *o) {
    if (!o)
        return VNONE;
    obj_incref(o);
    return VOBJ(o);
}

/* args, __traceback__, __cause__, __context__ and __suppress_context__ live in ExcObj
 * fields; every other attribute is looked up the generic way (type, then instance dict). */
static Value exc_getattr(VM *vm, Value self, StrObj *name) {
    ExcObj *e = AS_EXC(self);
    Names *n = &vm->names;
    if (str_eq(name, n->args))
        return opt_obj((Obj *)e->args);
    if (str_eq(name, n->__traceback__))
        return opt_obj(e->traceback);
    if (str_eq(name, n->__cause__))
        return opt_obj(e->cause);
    if (str_eq(name, n->__context__))
        return opt_obj(e->context);
    if (str_eq(name, n->__suppress_context__))
        return VBOOL(e->suppress_context);
    return vm->types.object->getattr(vm, self, name);
}

/* Stores an optional object field: None clears it; `ok` says whether v has the right type. */
static int set_field(VM *vm, Obj **field, Value v, bool ok, const char *what, const char *err) {
    if (IS_NULL(v)) {
        vm_raise(vm, vm->exc_types.TypeError, "%s may not be deleted", what);
        return -1;
    }
    if (!IS_NONE(v) && !ok) {
        vm_raise(vm, vm->exc_types.TypeError, "%s", err);
        return -1;
    }
    Obj *old = *field;
    *field = IS_NONE(v) ? NULL : AS_OBJ(v);
    if (*field)
        obj_incref(*field);
    obj_xdecref(vm, old);
    return 0;
}

static int set_args_attr(VM *vm, ExcObj *e, Value v) {
    if (IS_NULL(v)) {
        vm_raise(vm, vm->exc_types.TypeError, "args may not be deleted");
        return -1;
    }
    ListObj *l = list_from_iterable(vm, v);
    if (!l)
        return -1;
    TupleObj *t = tuple_from(vm, l->items, l->len);
    obj_decref(vm, (Obj *)l);
    if (!t)
        return -1;
    obj_decref(vm, (Obj *)e->args);
    e->args = t;
    return 0;
}

static int exc_setattr(VM *vm, Value self, StrObj *name, Value v) {
    ExcObj *e = AS_EXC(self);
    Names *n = &vm->names;
    bool is_exc = !IS_NULL(v) && val_isinstance(vm, v, vm->exc_types.BaseException);
    if (str_eq(name, n->args))
        return set_args_attr(vm, e, v);
    if (str_eq(name, n->__traceback__))
        return set_field(vm, &e->traceback, v,
                         !IS_NULL(v) && vm->types.traceback &&
                             val_isinstance(vm, v, vm->types.traceback),
                         "__traceback__", "__traceback__ must be a traceback or None");
    if (str_eq(name, n->__cause__)) {
        int r = set_field(vm, &e->cause, v, is_exc, "__cause__",
                          "exception cause must be None or derive from BaseException");
        if (r == 0)
            e->suppress_context = true; /* as `raise ... from ...` does */
        return r;
    }
    if (str_eq(name, n->__context__))
        return set_field(vm, &e->context, v, is_exc, "__context__",
                         "exception context must be None or derive from BaseException");
    if (str_eq(name, n->__suppress_context__)) {
        if (IS_NULL(v) || v.kind != V_BOOL) {
            vm_raise(vm, vm->exc_types.TypeError,
                     IS_NULL(v) ? "can't delete numeric/char attribute"
                                : "attribute value type must be bool");
            return -1;
        }
        e->suppress_context = v.as.i != 0;
        return 0;
    }
    return vm->types.object->setattr(vm, self, name, v);
}

/* e.with_traceback(tb): sets __traceback__ and returns e. */
static Value m_with_traceback(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!check_self(vm, "with_traceback", args, nargs) ||
        !args_count(vm, "with_traceback", nargs - 1, kwnames, 1, 1))
        return VNULL;
    if (exc_setattr(vm, args[0], vm->names.__traceback__, args[1]) < 0)
        return VNULL;
    return v_incref(args[0]);
}

static Value m_init(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return exc_init(vm, args, nargs, kwnames);
}

/* ---------------------------------------------------------------- exception groups */

/* Checks the exceptions of a group; returns 1 when all derive from Exception, 0 when some
 * are only BaseExceptions, -1 after raising for a non-exception item. */
static int group_check_items(VM *vm, ListObj *items) {
    int all_exc = 1;
    for (size_t i = 0; i < items->len; i++) {
        if (!val_isinstance(vm, items->items[i], vm->exc_types.BaseException)) {
            vm_raise(vm, vm->exc_types.ValueError,
                     "Item %zu of second argument (exceptions) is not an exception", i);
            return -1;
        }
        if (!val_isinstance(vm, items->items[i], vm->exc_types.Exception))
            all_exc = 0;
    }
    return all_exc;
}

/* The exceptions argument must be a non-empty sequence (not a set, dict or generator). */
static ListObj *group_items(VM *vm, Value seq) {
    TypeObj *t = val_type(vm, seq);
    if (!t->getitem || type_is_subtype(t, vm->types.dict)) {
        vm_raise(vm, vm->exc_types.TypeError, "second argument (exceptions) must be a sequence");
        return NULL;
    }
    ListObj *items = list_from_iterable(vm, seq);
    if (items && items->len == 0) {
        obj_decref(vm, (Obj *)items);
        vm_raise(vm, vm->exc_types.ValueError,
                 "second argument (exceptions) must be a non-empty sequence");
        return NULL;
    }
    return items;
}

/* Picks the class of a new group: a BaseExceptionGroup of Exceptions only is created as an
 * ExceptionGroup, and an Exception subclass may not hold BaseExceptions. NULL on error. */
static TypeObj *group_class(VM *vm, TypeObj *type, int all_exc) {
    ExcTypes *x = &vm->exc_types;
    if (type == x->BaseExceptionGroup)
        return all_exc ? x->ExceptionGroup : type;
    if (all_exc || !type_is_subtype(type, x->Exception))
        return type;
    if (type == x->ExceptionGroup)
        vm_raise(vm, x->TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    else
        vm_raise(vm, x->TypeError, "Cannot nest BaseExceptions in '%s'", type->name->data);
    return NULL;
}

/* Stores .message and .exceptions (a tuple) in the group's dict. */
static bool group_store(VM *vm, ExcObj *e, Value msg, ListObj *items) {
    TupleObj *excs = tuple_from(vm, items->items, items->len);
    bool ok = excs && dict_set_cstr(vm, e->dict, "message", msg) == 0 &&
              dict_set_cstr(vm, e->dict, "exceptions", VOBJ(excs)) == 0;
    obj_xdecref(vm, (Obj *)excs);
    return ok;
}

/* BaseExceptionGroup.__new__(cls, message, exceptions), with CPython's validation. */
static Value group_new(VM *vm, TypeObj *type, Value *args, int nargs) {
    ExcTypes *x = &vm->exc_types;
    if (nargs != 2)
        return vm_raise(vm, x->TypeError,
                        "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", nargs);
    if (!val_isinstance(vm, args[0], vm->types.str))
        return vm_raise(vm, x->TypeError,
                        "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                        val_type_name(vm, args[0]));
    ListObj *items = group_items(vm, args[1]);
    if (!items)
        return VNULL;
    int all_exc = group_check_items(vm, items);
    TypeObj *cls = all_exc < 0 ? NULL : group_class(vm, type, all_exc);
    ExcObj *e = cls ? alloc_exc(vm, cls, args, nargs) : NULL;
    if (e && !group_store(vm, e, args[0], items)) {
        obj_decref(vm, (Obj *)e);
        e = NULL;
    }
    obj_decref(vm, (Obj *)items);
    return e ? VOBJ(e) : VNULL;
}

/* ---------------------------------------------------------------- the types */

/* Where each exception type lives in vm->exc_types, to find a base by its name. */
static const struct {
    const char *name;
    size_t offset;
} exc_slots[] = {
#define X(name, base) {#name, offsetof(ExcTypes, name)},
    LS_EXCEPTIONS(X)
#undef X
};

static TypeObj *exc_type_named(VM *vm, const char *name) {
    for (size_t i = 0; i < sizeof exc_slots / sizeof exc_slots[0]; i++)
        if (strcmp(exc_slots[i].name, name) == 0)
            return *(TypeObj **)((char *)&vm->exc_types + exc_slots[i].offset);
    return NULL; /* "object" */
}

/* Creates one exception type; BaseException gets the slots that the others inherit. */
static TypeObj *exc_type_new(VM *vm, const char *name, const char *base_name) {
    TypeObj *base = exc_type_named(vm, base_name);
    TypeObj *t =
        type_new_builtin(vm, name, base, sizeof(ExcObj), TF_EXCEPTION | TF_HAS_DICT | TF_BASETYPE);
    if (!t)
        return NULL;
    if (!base) {
        t->dealloc = exc_dealloc;
        t->traverse = exc_traverse;
        t->clear = exc_clear;
        t->repr = exc_repr;
        t->str = base_str;
        t->getattr = exc_getattr;
        t->setattr = exc_setattr;
        t->tp_new = exc_tp_new;
    }
    if (strcmp(name, "KeyError") == 0)
        t->str = keyerror_str;
    if (strcmp(name, "BaseExceptionGroup") == 0)
        t->str = group_str;
    return type_ready(vm, t) ? t : NULL;
}

/* The methods a subclass reaches through super() or the class. */
static bool add_methods(VM *vm) {
    ExcTypes *x = &vm->exc_types;
    return type_add_method(vm, x->BaseException, "__init__", m_init) &&
           type_add_method(vm, x->BaseException, "__str__", m_base_str) &&
           type_add_method(vm, x->BaseException, "__repr__", m_repr) &&
           type_add_method(vm, x->BaseException, "with_traceback", m_with_traceback) &&
           type_add_method(vm, x->KeyError, "__str__", m_keyerror_str) &&
           type_add_method(vm, x->BaseExceptionGroup, "__str__", m_group_str);
}

/* ExceptionGroup derives from both BaseExceptionGroup and Exception in CPython; our types
 * have one base, so its MRO is set by hand for `except Exception` to catch it. */
static bool fix_group_mro(VM *vm) {
    ExcTypes *x = &vm->exc_types;
    TypeObj *eg = x->ExceptionGroup;
    TupleObj *mro = tuple_pack(vm, 5, VOBJ(eg), VOBJ(x->BaseExceptionGroup), VOBJ(x->Exception),
                               VOBJ(x->BaseException), VOBJ(vm->types.object));
    if (!mro)
        return false;
    obj_xdecref(vm, (Obj *)eg->mro);
    eg->mro = mro;
    return true;
}

bool errors_init(VM *vm) {
#define X(name, base)                                                                              \
    if (!(vm->exc_types.name = exc_type_new(vm, #name, #base)))                                    \
        return false;
    LS_EXCEPTIONS(X)
#undef X
    return add_methods(vm) && fix_group_mro(vm);
}
