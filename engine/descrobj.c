/*
 * descrobj.c - the small built-in types around calling and attribute binding: native
 * functions (BuiltinObj), bound methods (MethodObj), modules, property, staticmethod,
 * classmethod, super, and the None/NotImplemented/Ellipsis singletons' types; plus the
 * argument checking every native function uses (args_bind, args_count) with CPython's
 * TypeError wording.
 *
 * Not for: Python functions and their binding (the function type's descr_get, vm.c), nor
 * `type`/`object` themselves (typeobj.c).
 */
#include <string.h>

#include "objimpl.h"

static Value attr_error(VM *vm, Value o, StrObj *name) {
    return vm_raise(vm, vm->exc_types.AttributeError, "'%s' object has no attribute '%s'",
                    val_type_name(vm, o), name->data);
}

static Value str_value(StrObj *s) {
    return s ? VOBJ(s) : VNULL;
}

/* ---------------------------------------------------------------- argument checking */

static const char *plural(int n) {
    return n == 1 ? "" : "s";
}

bool args_count(VM *vm, const char *fname, int nargs, TupleObj *kwnames, int min, int max) {
    if (kwnames && kwnames->len) {
        vm_raise(vm, vm->exc_types.TypeError, "%s() takes no keyword arguments", fname);
        return false;
    }
    if (nargs >= min && nargs <= max)
        return true;
    if (min == max && min == 0)
        vm_raise(vm, vm->exc_types.TypeError, "%s() takes no arguments (%d given)", fname, nargs);
    else if (min == max && min == 1)
        vm_raise(vm, vm->exc_types.TypeError, "%s() takes exactly one argument (%d given)", fname,
                 nargs);
    else if (min == max)
        vm_raise(vm, vm->exc_types.TypeError, "%s() takes exactly %d arguments (%d given)", fname,
                 min, nargs);
    else if (nargs < min)
        vm_raise(vm, vm->exc_types.TypeError, "%s() takes at least %d argument%s (%d given)", fname,
                 min, plural(min), nargs);
    else
        vm_raise(vm, vm->exc_types.TypeError, "%s() takes at most %d argument%s (%d given)", fname,
                 max, plural(max), nargs);
    return false;
}

static int param_index(const char *const *names, int n, StrObj *key) {
    for (int i = 0; i < n; i++)
        if (names[i][0] && str_eq_cstr(key, names[i]))
            return i;
    return -1;
}

bool args_bind(VM *vm, const char *fname, Value *args, int nargs, TupleObj *kwnames,
               const char *const *names, int n, int max_pos, int min_req, Value *out) {
    for (int i = 0; i < n; i++)
        out[i] = VNULL;
    if (nargs > max_pos) {
        vm_raise(vm, vm->exc_types.TypeError, "%s() takes at most %d argument%s (%d given)", fname,
                 max_pos, plural(max_pos), nargs);
        return false;
    }
    for (int i = 0; i < nargs; i++)
        out[i] = args[i];
    for (size_t j = 0; kwnames && j < kwnames->len; j++) {
        StrObj *key = (StrObj *)kwnames->items[j].as.o;
        int i = param_index(names, n, key);
        if (i < 0) {
            vm_raise(vm, vm->exc_types.TypeError, "%s() got an unexpected keyword argument '%s'",
                     fname, key->data);
            return false;
        }
        if (!IS_NULL(out[i])) {
            vm_raise(vm, vm->exc_types.TypeError,
                     "argument for %s() given by name ('%s') and position (%d)", fname, key->data,
                     i + 1);
            return false;
        }
        out[i] = args[nargs + (int)j];
    }
    for (int i = 0; i < min_req; i++) {
        if (IS_NULL(out[i])) {
            vm_raise(vm, vm->exc_types.TypeError, "%s() missing required argument '%s' (pos %d)",
                     fname, names[i], i + 1);
            return false;
        }
    }
    return true;
}

/* ---------------------------------------------------------------- native functions */

Value builtin_new(VM *vm, const char *name, NativeFn fn, Value self) {
    BuiltinObj *b = (BuiltinObj *)obj_alloc(vm, vm->types.builtin, sizeof(BuiltinObj));
    if (!b)
        return VNULL;
    b->name = name;
    b->fn = fn;
    b->self = v_incref(self);
    b->data = VNULL;
    return VOBJ(b);
}

static void builtin_dealloc(VM *vm, Obj *o) {
    BuiltinObj *b = (BuiltinObj *)o;
    v_decref(vm, b->self);
    v_decref(vm, b->data);
}

static void builtin_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    BuiltinObj *b = (BuiltinObj *)o;
    visit(vm, b->self, arg);
    visit(vm, b->data, arg);
}

static void builtin_clear(VM *vm, Obj *o) {
    BuiltinObj *b = (BuiltinObj *)o;
    Value s = b->self, d = b->data;
    b->self = b->data = VNULL;
    v_decref(vm, s);
    v_decref(vm, d);
}

static Value builtin_call(VM *vm, Value self, Value *args, int nargs, TupleObj *kwnames) {
    BuiltinObj *b = (BuiltinObj *)self.as.o;
    if (IS_NULL(b->self))
        return b->fn(vm, args, nargs, kwnames);
    /* bound: the receiver goes first */
    int total = nargs + (kwnames ? (int)kwnames->len : 0);
    Value small[9], *buf = small;
    if (total + 1 > 9 && !(buf = ls_alloc(vm, sizeof(Value) * (size_t)(total + 1))))
        return vm_raise(vm, vm->exc_types.MemoryError, "");
    buf[0] = b->self;
    if (total)
        memcpy(buf + 1, args, sizeof(Value) * (size_t)total);
    Value r = b->fn(vm, buf, nargs + 1, kwnames);
    if (buf != small)
        ls_free(vm, buf, sizeof(Value) * (size_t)(total + 1));
    return r;
}

static StrObj *builtin_repr(VM *vm, Value self) {
    BuiltinObj *b = (BuiltinObj *)self.as.o;
    if (IS_NULL(b->self) || is_exact(vm, b->self, vm->types.module))
        return str_printf(vm, "<built-in function %s>", b->name);
    const char *of = val_type(vm, b->self) == vm->types.type ? "type" : val_type_name(vm, b->self);
    return str_printf(vm, "<built-in method %s of %s object at 0x%llx>", b->name, of,
                      (unsigned long long)obj_id(vm, b->self));
}

/* An unbound native method found on an instance binds to it (like list.append). */
static Value builtin_descr_get(VM *vm, Value descr, Value obj, TypeObj *owner) {
    (void)owner;
    BuiltinObj *b = (BuiltinObj *)descr.as.o;
    if (!b->is_method || !IS_NULL(b->self) || IS_NULL(obj))
        return v_incref(descr);
    Value bound = builtin_new(vm, b->name, b->fn, obj);
    if (!IS_NULL(bound))
        ((BuiltinObj *)bound.as.o)->data = v_incref(b->data);
    return bound;
}

static Value builtin_getattr(VM *vm, Value self, StrObj *name) {
    BuiltinObj *b = (BuiltinObj *)self.as.o;
    if (name == vm->names.__name__ || name == vm->names.__qualname__)
        return str_value(str_from_cstr(vm, b->name));
    if (str_eq_cstr(name, "__self__"))
        return IS_NULL(b->self) ? VNONE : v_incref(b->self);
    if (name == vm->names.__doc__)
        return VNONE;
    if (name == vm->names.__module__)
        return IS_NULL(b->self) ? str_value(str_from_cstr(vm, "builtins")) : VNONE;
    return generic_getattr(vm, self, name);
}

/* Two natives are equal when they are the same function bound to the same object. */
static Value builtin_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || !is_exact(vm, b, vm->types.builtin))
        return v_incref(vm->not_implemented);
    BuiltinObj *x = (BuiltinObj *)a.as.o, *y = (BuiltinObj *)b.as.o;
    bool eq = x->fn == y->fn && val_is(x->self, y->self);
    return VBOOL(eq == (op == CMP_EQ));
}

static int builtin_hash(VM *vm, Value self, int64_t *out) {
    BuiltinObj *b = (BuiltinObj *)self.as.o;
    *out = (int64_t)((uintptr_t)b->fn >> 4) ^ (IS_NULL(b->self) ? 0 : obj_id(vm, b->self) >> 4);
    if (*out == -1)
        *out = -2;
    return 0;
}

static void builtin_type_init(VM *vm) {
    TypeObj *t = vm->types.builtin;
    t->instance_size = sizeof(BuiltinObj);
    t->dealloc = builtin_dealloc;
    t->traverse = builtin_traverse;
    t->clear = builtin_clear;
    t->call = builtin_call;
    t->repr = builtin_repr;
    t->descr_get = builtin_descr_get;
    t->getattr = builtin_getattr;
    t->richcompare = builtin_richcompare;
    t->hash = builtin_hash;
}

/* ---------------------------------------------------------------- bound methods */

Value method_new(VM *vm, Value func, Value self) {
    MethodObj *m = (MethodObj *)obj_alloc(vm, vm->types.method, sizeof(MethodObj));
    if (!m)
        return VNULL;
    m->func = v_incref(func);
    m->self = v_incref(self);
    return VOBJ(m);
}

static void method_dealloc(VM *vm, Obj *o) {
    MethodObj *m = (MethodObj *)o;
    v_decref(vm, m->func);
    v_decref(vm, m->self);
}

static void method_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    MethodObj *m = (MethodObj *)o;
    visit(vm, m->func, arg);
    visit(vm, m->self, arg);
}

static void method_clear(VM *vm, Obj *o) {
    MethodObj *m = (MethodObj *)o;
    Value f = m->func, s = m->self;
    m->func = m->self = VNONE;
    v_decref(vm, f);
    v_decref(vm, s);
}

static Value method_call(VM *vm, Value self, Value *args, int nargs, TupleObj *kwnames) {
    MethodObj *m = (MethodObj *)self.as.o;
    return call_prepend(vm, m->func, m->self, args, nargs, kwnames);
}

/* The __qualname__ (else __name__) of a callable, as a new str; "?" when it has neither. */
static StrObj *callable_qualname(VM *vm, Value f) {
    Value q = obj_getattr_opt(vm, f, vm->names.__qualname__);
    if (IS_NULL(q) && IS_NULL(vm->exc))
        q = obj_getattr_opt(vm, f, vm->names.__name__);
    if (!IS_NULL(q) && IS_STR(vm, q))
        return AS_STR(q);
    v_decref(vm, q);
    if (!IS_NULL(vm->exc))
        return NULL;
    return str_from_cstr(vm, "?");
}

static StrObj *method_repr(VM *vm, Value self) {
    MethodObj *m = (MethodObj *)self.as.o;
    StrObj *q = callable_qualname(vm, m->func);
    if (!q)
        return NULL;
    StrBuf sb;
    sb_init(&sb);
    bool ok = sb_printf(vm, &sb, "<bound method %s of ", q->data) &&
              sb_add_repr(vm, &sb, m->self) && sb_adds(vm, &sb, ">");
    obj_decref(vm, &q->hdr);
    if (!ok) {
        sb_free(vm, &sb);
        return NULL;
    }
    return sb_finish(vm, &sb);
}

static Value method_getattr(VM *vm, Value self, StrObj *name) {
    MethodObj *m = (MethodObj *)self.as.o;
    if (str_eq_cstr(name, "__self__"))
        return v_incref(m->self);
    if (str_eq_cstr(name, "__func__"))
        return v_incref(m->func);
    if (name == vm->names.__class__)
        return v_incref(VOBJ(vm->types.method));
    return obj_getattr(vm, m->func, name);
}

static Value method_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || !is_exact(vm, b, vm->types.method))
        return v_incref(vm->not_implemented);
    MethodObj *x = (MethodObj *)a.as.o, *y = (MethodObj *)b.as.o;
    int eq = obj_eq(vm, x->func, y->func);
    if (eq < 0)
        return VNULL;
    eq = eq && val_is(x->self, y->self);
    return VBOOL(eq == (op == CMP_EQ));
}

static int method_hash(VM *vm, Value self, int64_t *out) {
    MethodObj *m = (MethodObj *)self.as.o;
    int64_t hf;
    if (obj_hash(vm, m->func, &hf) < 0)
        return -1;
    *out = (obj_id(vm, m->self) >> 4) ^ hf;
    if (*out == -1)
        *out = -2;
    return 0;
}

static void method_type_init(VM *vm) {
    TypeObj *t = vm->types.method;
    t->instance_size = sizeof(MethodObj);
    t->dealloc = method_dealloc;
    t->traverse = method_traverse;
    t->clear = method_clear;
    t->call = method_call;
    t->repr = method_repr;
    t->getattr = method_getattr;
    t->richcompare = method_richcompare;
    t->hash = method_hash;
}

/* ---------------------------------------------------------------- modules */

Value module_new(VM *vm, const char *name) {
    ModuleObj *m = (ModuleObj *)obj_alloc(vm, vm->types.module, sizeof(ModuleObj));
    if (!m)
        return VNULL;
    m->name = str_intern(vm, name);
    m->dict = dict_new(vm);
    if (!m->name || !m->dict || dict_set_str(vm, m->dict, vm->names.__name__, VOBJ(m->name)) < 0) {
        obj_decref(vm, &m->hdr);
        return VNULL;
    }
    return VOBJ(m);
}

static void module_dealloc(VM *vm, Obj *o) {
    ModuleObj *m = (ModuleObj *)o;
    obj_xdecref(vm, (Obj *)m->name);
    obj_xdecref(vm, (Obj *)m->dict);
}

static void module_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    ModuleObj *m = (ModuleObj *)o;
    if (m->dict)
        visit(vm, VOBJ(m->dict), arg);
}

static void module_clear(VM *vm, Obj *o) {
    ModuleObj *m = (ModuleObj *)o;
    DictObj *d = m->dict;
    m->dict = NULL;
    obj_xdecref(vm, (Obj *)d);
}

static Value module_getattr(VM *vm, Value self, StrObj *name) {
    ModuleObj *m = (ModuleObj *)self.as.o;
    if (name == vm->names.__dict__ && m->dict)
        return v_incref(VOBJ(m->dict));
    Value v = m->dict ? dict_get_str(m->dict, name) : VNULL;
    if (!IS_NULL(v))
        return v_incref(v);
    if (name == vm->names.__class__)
        return v_incref(VOBJ(vm->types.module));
    return vm_raise(vm, vm->exc_types.AttributeError, "module '%s' has no attribute '%s'",
                    m->name ? m->name->data : "?", name->data);
}

static int module_setattr(VM *vm, Value self, StrObj *name, Value v) {
    ModuleObj *m = (ModuleObj *)self.as.o;
    if (!m->dict) {
        attr_error(vm, self, name);
        return -1;
    }
    if (!IS_NULL(v))
        return dict_set_str(vm, m->dict, name, v);
    int r = dict_del(vm, m->dict, VOBJ(name));
    if (r == 0)
        vm_raise(vm, vm->exc_types.AttributeError, "module '%s' has no attribute '%s'",
                 m->name->data, name->data);
    return r == 1 ? 0 : -1;
}

static StrObj *module_repr(VM *vm, Value self) {
    ModuleObj *m = (ModuleObj *)self.as.o;
    return str_printf(vm, "<module '%s' (built-in)>", m->name ? m->name->data : "?");
}

static void module_type_init(VM *vm) {
    TypeObj *t = vm->types.module;
    t->instance_size = sizeof(ModuleObj);
    t->dealloc = module_dealloc;
    t->traverse = module_traverse;
    t->clear = module_clear;
    t->getattr = module_getattr;
    t->setattr = module_setattr;
    t->repr = module_repr;
}

/* ---------------------------------------------------------------- property */

typedef struct {
    Obj hdr;
    Value fget, fset, fdel, doc; /* V_NONE when absent */
    StrObj *name;                /* from __set_name__, or NULL */
} PropertyObj;

static Value property_make(VM *vm, Value fget, Value fset, Value fdel, Value doc, StrObj *name) {
    PropertyObj *p = (PropertyObj *)obj_alloc(vm, vm->types.property, sizeof(PropertyObj));
    if (!p)
        return VNULL;
    p->fget = v_incref(IS_NULL(fget) ? VNONE : fget);
    p->fset = v_incref(IS_NULL(fset) ? VNONE : fset);
    p->fdel = v_incref(IS_NULL(fdel) ? VNONE : fdel);
    p->doc = v_incref(IS_NULL(doc) ? VNONE : doc);
    p->name = name;
    if (name)
        obj_incref(&name->hdr);
    return VOBJ(p);
}

static Value property_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    Value a[4];
    (void)type;
    if (!args_bind(vm, "property", args, nargs, kwnames, names, 4, 4, 0, a))
        return VNULL;
    return property_make(vm, a[0], a[1], a[2], a[3], NULL);
}

static void property_dealloc(VM *vm, Obj *o) {
    PropertyObj *p = (PropertyObj *)o;
    v_decref(vm, p->fget);
    v_decref(vm, p->fset);
    v_decref(vm, p->fdel);
    v_decref(vm, p->doc);
    obj_xdecref(vm, (Obj *)p->name);
}

static void property_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    PropertyObj *p = (PropertyObj *)o;
    visit(vm, p->fget, arg);
    visit(vm, p->fset, arg);
    visit(vm, p->fdel, arg);
    visit(vm, p->doc, arg);
}

static void property_clear(VM *vm, Obj *o) {
    PropertyObj *p = (PropertyObj *)o;
    Value vals[4] = {p->fget, p->fset, p->fdel, p->doc};
    p->fget = p->fset = p->fdel = p->doc = VNONE;
    for (int i = 0; i < 4; i++)
        v_decref(vm, vals[i]);
}

/* "property 'x' of 'Foo' object has no setter" */
static Value property_missing(VM *vm, PropertyObj *p, Value obj, const char *what) {
    if (p->name)
        return vm_raise(vm, vm->exc_types.AttributeError, "property '%s' of '%s' object has no %s",
                        p->name->data, val_type_name(vm, obj), what);
    return vm_raise(vm, vm->exc_types.AttributeError, "property of '%s' object has no %s",
                    val_type_name(vm, obj), what);
}

static Value property_get(VM *vm, Value descr, Value obj, TypeObj *owner) {
    (void)owner;
    PropertyObj *p = (PropertyObj *)descr.as.o;
    if (IS_NULL(obj))
        return v_incref(descr);
    if (IS_NONE(p->fget))
        return property_missing(vm, p, obj, "getter");
    return vm_call1(vm, p->fget, obj);
}

static int property_set(VM *vm, Value descr, Value obj, Value v) {
    PropertyObj *p = (PropertyObj *)descr.as.o;
    Value f = IS_NULL(v) ? p->fdel : p->fset;
    if (IS_NONE(f)) {
        property_missing(vm, p, obj, IS_NULL(v) ? "deleter" : "setter");
        return -1;
    }
    Value r = IS_NULL(v) ? vm_call1(vm, f, obj) : vm_call2(vm, f, obj, v);
    v_decref(vm, r);
    return IS_NULL(r) ? -1 : 0;
}

/* prop.getter(f) / .setter(f) / .deleter(f): a copy with one accessor replaced. */
static Value property_with(VM *vm, Value *args, int nargs, TupleObj *kwnames, int which) {
    static const char *const fnames[] = {"getter", "setter", "deleter"};
    if (!args_count(vm, fnames[which], nargs, kwnames, 2, 2))
        return VNULL;
    if (!is_exact(vm, args[0], vm->types.property))
        return vm_raise(vm, vm->exc_types.TypeError, "descriptor '%s' requires a 'property'",
                        fnames[which]);
    PropertyObj *p = (PropertyObj *)args[0].as.o;
    return property_make(vm, which == 0 ? args[1] : p->fget, which == 1 ? args[1] : p->fset,
                         which == 2 ? args[1] : p->fdel, p->doc, p->name);
}

static Value property_getter(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return property_with(vm, args, nargs, kwnames, 0);
}

static Value property_setter(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return property_with(vm, args, nargs, kwnames, 1);
}

static Value property_deleter(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return property_with(vm, args, nargs, kwnames, 2);
}

static Value property_set_name(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "__set_name__", nargs, kwnames, 3, 3))
        return VNULL;
    PropertyObj *p = (PropertyObj *)args[0].as.o;
    if (IS_STR(vm, args[2])) {
        obj_xdecref(vm, (Obj *)p->name);
        p->name = AS_STR(args[2]);
        obj_incref(&p->name->hdr);
    }
    return VNONE;
}

static Value property_getattr(VM *vm, Value self, StrObj *name) {
    PropertyObj *p = (PropertyObj *)self.as.o;
    if (str_eq_cstr(name, "fget"))
        return v_incref(p->fget);
    if (str_eq_cstr(name, "fset"))
        return v_incref(p->fset);
    if (str_eq_cstr(name, "fdel"))
        return v_incref(p->fdel);
    if (name == vm->names.__doc__)
        return v_incref(p->doc);
    return generic_getattr(vm, self, name);
}

static bool property_type_init(VM *vm) {
    TypeObj *t = vm->types.property;
    t->instance_size = sizeof(PropertyObj);
    t->flags |= TF_BASETYPE;
    t->dealloc = property_dealloc;
    t->traverse = property_traverse;
    t->clear = property_clear;
    t->descr_get = property_get;
    t->descr_set = property_set;
    t->getattr = property_getattr;
    t->tp_new = property_tp_new;
    return type_add_method(vm, t, "getter", property_getter) &&
           type_add_method(vm, t, "setter", property_setter) &&
           type_add_method(vm, t, "deleter", property_deleter) &&
           type_add_method(vm, t, "__set_name__", property_set_name);
}

/* ---------------------------------------------------------------- staticmethod, classmethod */

static Value wrapper_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    if (kwnames && kwnames->len)
        return vm_raise(vm, vm->exc_types.TypeError, "%s() takes no keyword arguments",
                        type->name->data);
    if (nargs != 1)
        return vm_raise(vm, vm->exc_types.TypeError, "%s expected 1 argument, got %d",
                        type->name->data, nargs);
    FuncWrapperObj *w = (FuncWrapperObj *)obj_alloc(vm, type, sizeof(FuncWrapperObj));
    if (!w)
        return VNULL;
    w->func = v_incref(args[0]);
    return VOBJ(w);
}

static void wrapper_dealloc(VM *vm, Obj *o) {
    v_decref(vm, ((FuncWrapperObj *)o)->func);
}

static void wrapper_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    visit(vm, ((FuncWrapperObj *)o)->func, arg);
}

static void wrapper_clear(VM *vm, Obj *o) {
    FuncWrapperObj *w = (FuncWrapperObj *)o;
    Value f = w->func;
    w->func = VNONE;
    v_decref(vm, f);
}

static StrObj *wrapper_repr(VM *vm, Value self) {
    StrBuf sb;
    sb_init(&sb);
    if (!sb_printf(vm, &sb, "<%s(", val_type_name(vm, self)) ||
        !sb_add_repr(vm, &sb, ((FuncWrapperObj *)self.as.o)->func) || !sb_adds(vm, &sb, ")>")) {
        sb_free(vm, &sb);
        return NULL;
    }
    return sb_finish(vm, &sb);
}

static Value wrapper_getattr(VM *vm, Value self, StrObj *name) {
    Value f = ((FuncWrapperObj *)self.as.o)->func;
    if (str_eq_cstr(name, "__func__") || name == vm->names.__wrapped__)
        return v_incref(f);
    if (name == vm->names.__name__ || name == vm->names.__qualname__ || name == vm->names.__doc__ ||
        name == vm->names.__module__)
        return obj_getattr(vm, f, name);
    if (str_eq_cstr(name, "__isabstractmethod__"))
        return VBOOL(false);
    return generic_getattr(vm, self, name);
}

static Value staticmethod_get(VM *vm, Value descr, Value obj, TypeObj *owner) {
    (void)vm, (void)obj, (void)owner;
    return v_incref(((FuncWrapperObj *)descr.as.o)->func);
}

static Value staticmethod_call(VM *vm, Value self, Value *args, int nargs, TupleObj *kwnames) {
    return vm_call(vm, ((FuncWrapperObj *)self.as.o)->func, args, nargs, kwnames);
}

static Value classmethod_get(VM *vm, Value descr, Value obj, TypeObj *owner) {
    TypeObj *cls = owner ? owner : val_type(vm, obj);
    return method_new(vm, ((FuncWrapperObj *)descr.as.o)->func, VOBJ(cls));
}

static void wrapper_type_init(TypeObj *t) {
    t->instance_size = sizeof(FuncWrapperObj);
    t->flags |= TF_BASETYPE;
    t->dealloc = wrapper_dealloc;
    t->traverse = wrapper_traverse;
    t->clear = wrapper_clear;
    t->repr = wrapper_repr;
    t->getattr = wrapper_getattr;
    t->tp_new = wrapper_tp_new;
}

/* ---------------------------------------------------------------- super */

typedef struct {
    Obj hdr;
    TypeObj *type;     /* search starts after this class */
    Value obj;         /* the instance (or class, for classmethods) */
    TypeObj *obj_type; /* whose MRO is searched */
} SuperObj;

/* The type whose MRO super(type, obj) searches, or NULL after raising TypeError. */
static TypeObj *super_check(VM *vm, TypeObj *type, Value obj) {
    if (IS_OBJ(obj) && type_is_subtype(obj.as.o->type, vm->types.type) &&
        type_is_subtype((TypeObj *)obj.as.o, type))
        return (TypeObj *)obj.as.o; /* super() in a classmethod: obj is the class */
    if (val_isinstance(vm, obj, type))
        return val_type(vm, obj);
    vm_raise(vm, vm->exc_types.TypeError,
             "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static Value super_tp_new(VM *vm, TypeObj *st, Value *args, int nargs, TupleObj *kwnames) {
    (void)st;
    TypeObj *type;
    Value obj;
    if (kwnames && kwnames->len)
        return vm_raise(vm, vm->exc_types.TypeError, "super() takes no keyword arguments");
    if (nargs == 0) {
        if (!vm_super_args(vm, &type, &obj))
            return VNULL;
    } else if (nargs == 2) {
        if (!IS_OBJ(args[0]) || !type_is_subtype(args[0].as.o->type, vm->types.type))
            return vm_raise(vm, vm->exc_types.TypeError,
                            "super() argument 1 must be a type, not %s",
                            val_type_name(vm, args[0]));
        type = (TypeObj *)args[0].as.o;
        obj = args[1];
    } else {
        return vm_raise(vm, vm->exc_types.TypeError,
                        "super() with %d argument%s is not supported by loopscope", nargs,
                        nargs == 1 ? "" : "s");
    }
    TypeObj *obj_type = super_check(vm, type, obj);
    if (!obj_type)
        return VNULL;
    SuperObj *s = (SuperObj *)obj_alloc(vm, vm->types.super, sizeof(SuperObj));
    if (!s)
        return VNULL;
    s->type = type;
    s->obj = v_incref(obj);
    s->obj_type = obj_type;
    obj_incref(&type->hdr);
    obj_incref(&obj_type->hdr);
    return VOBJ(s);
}

static void super_dealloc(VM *vm, Obj *o) {
    SuperObj *s = (SuperObj *)o;
    obj_xdecref(vm, (Obj *)s->type);
    v_decref(vm, s->obj);
    obj_xdecref(vm, (Obj *)s->obj_type);
}

static void super_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    SuperObj *s = (SuperObj *)o;
    visit(vm, s->obj, arg);
}

static Value super_getattr(VM *vm, Value self, StrObj *name) {
    SuperObj *s = (SuperObj *)self.as.o;
    if (name != vm->names.__class__) {
        TypeObj *t = s->obj_type;
        while (t && t != s->type)
            t = t->base;
        for (t = t ? t->base : NULL; t; t = t->base) {
            Value v = t->dict ? dict_get_str(t->dict, name) : VNULL;
            if (IS_NULL(v))
                continue;
            TypeObj *vt = val_type(vm, v);
            if (!vt->descr_get)
                return v_incref(v);
            bool is_cls = IS_OBJ(s->obj) && s->obj.as.o == &s->obj_type->hdr;
            return vt->descr_get(vm, v, is_cls ? VNULL : s->obj, s->obj_type);
        }
    }
    return generic_getattr(vm, self, name);
}

static StrObj *super_repr(VM *vm, Value self) {
    SuperObj *s = (SuperObj *)self.as.o;
    return str_printf(vm, "<super: <class '%s'>, <%s object>>", s->type->name->data,
                      s->obj_type->name->data);
}

static void super_type_init(VM *vm) {
    TypeObj *t = vm->types.super;
    t->instance_size = sizeof(SuperObj);
    t->flags |= TF_BASETYPE;
    t->dealloc = super_dealloc;
    t->traverse = super_traverse;
    t->getattr = super_getattr;
    t->repr = super_repr;
    t->tp_new = super_tp_new;
}

/* ---------------------------------------------------------------- singletons' types */

static StrObj *none_repr(VM *vm, Value self) {
    (void)self;
    return str_from_cstr(vm, "None");
}

static int none_truthy(VM *vm, Value self) {
    (void)vm, (void)self;
    return 0;
}

static int none_hash(VM *vm, Value self, int64_t *out) {
    (void)vm, (void)self;
    *out = 0x7f00000000ll >> 4; /* CPython hashes None by address; any constant will do */
    return 0;
}

static StrObj *notimpl_repr(VM *vm, Value self) {
    (void)self;
    return str_from_cstr(vm, "NotImplemented");
}

static StrObj *ellipsis_repr(VM *vm, Value self) {
    (void)self;
    return str_from_cstr(vm, "Ellipsis");
}

/* NoneType(), type(NotImplemented)(), type(...)(): the singleton itself. */
static Value singleton_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    if (nargs || (kwnames && kwnames->len))
        return vm_raise(vm, vm->exc_types.TypeError, "%s takes no arguments", type->name->data);
    if (type == vm->types.none)
        return VNONE;
    return v_incref(type == vm->types.ellipsis_type ? vm->ellipsis : vm->not_implemented);
}

static void singleton_types_init(VM *vm) {
    TypeObj *n = vm->types.none, *ni = vm->types.not_implemented_type,
            *el = vm->types.ellipsis_type;
    n->repr = none_repr;
    n->truthy = none_truthy;
    n->hash = none_hash;
    ni->repr = notimpl_repr;
    el->repr = ellipsis_repr;
    n->tp_new = ni->tp_new = el->tp_new = singleton_tp_new;
}

bool descr_types_init(VM *vm) {
    builtin_type_init(vm);
    method_type_init(vm);
    module_type_init(vm);
    wrapper_type_init(vm->types.staticmethod);
    wrapper_type_init(vm->types.classmethod);
    vm->types.staticmethod->descr_get = staticmethod_get;
    vm->types.staticmethod->call = staticmethod_call;
    vm->types.classmethod->descr_get = classmethod_get;
    super_type_init(vm);
    singleton_types_init(vm);
    return property_type_init(vm);
}
