/*
 * typeobj.c - the `type` and `object` types: building built-in types (type_new_builtin,
 * type_ready, type_add_method), class statements (type_new_class) with the slot wrappers
 * that make a class's __repr__, __eq__, __add__, __len__ ... work through the generic
 * protocol, instance creation (type call -> tp_new -> __init__), generic attribute access
 * with descriptors, and the defaults of `object` (repr, eq, hash, __init__ checks).
 *
 * Single inheritance only: a class has one base, its MRO is its base chain.
 * Not for: property/staticmethod/classmethod/super/bound methods/builtins/modules
 * (descrobj.c), nor the generic obj_* dispatch (abstract.c).
 */
#include <string.h>

#include "objimpl.h"

static bool is_type(VM *vm, Value v) {
    return v.kind == V_OBJ && type_is_subtype(v.as.o->type, vm->types.type);
}

/* ---------------------------------------------------------------- calling helpers */

Value call_prepend(VM *vm, Value callable, Value self, Value *args, int nargs, TupleObj *kwnames) {
    int total = nargs + (kwnames ? (int)kwnames->len : 0);
    Value small[9], *buf = small;
    if (total + 1 > 9) {
        buf = ls_alloc(vm, sizeof(Value) * (size_t)(total + 1));
        if (!buf)
            return vm_raise(vm, vm->exc_types.MemoryError, "");
    }
    buf[0] = self;
    if (total)
        memcpy(buf + 1, args, sizeof(Value) * (size_t)total);
    Value r = vm_call(vm, callable, buf, nargs + 1, kwnames);
    if (buf != small)
        ls_free(vm, buf, sizeof(Value) * (size_t)(total + 1));
    return r;
}

bool is_method_descr(VM *vm, Value d) {
    if (d.kind != V_OBJ)
        return false;
    TypeObj *t = d.as.o->type;
    if (t == vm->types.function)
        return true;
    return t == vm->types.builtin && ((BuiltinObj *)d.as.o)->is_method &&
           IS_NULL(((BuiltinObj *)d.as.o)->self);
}

Value call_method_found(VM *vm, Value f, Value self, Value *args, int nargs, TupleObj *kwnames) {
    if (is_method_descr(vm, f))
        return call_prepend(vm, f, self, args, nargs, kwnames);
    TypeObj *ft = val_type(vm, f);
    if (!ft->descr_get)
        return vm_call(vm, f, args, nargs, kwnames);
    Value bound = ft->descr_get(vm, f, self, val_type(vm, self));
    if (IS_NULL(bound))
        return bound;
    Value r = vm_call(vm, bound, args, nargs, kwnames);
    v_decref(vm, bound);
    return r;
}

/* ---------------------------------------------------------------- building types */

TypeObj *type_new_builtin(VM *vm, const char *name, TypeObj *base, size_t instance_size,
                          uint32_t flags) {
    TypeObj *t = ls_alloc(vm, sizeof(TypeObj)); /* not tracked: built-in types are immortal */
    if (!t)
        return NULL;
    if (!obj_register_type(vm, t)) {
        ls_free(vm, t, sizeof(TypeObj));
        return NULL;
    }
    t->hdr.refcnt = 1;
    t->hdr.type = vm->types.type;
    t->base = base ? base : vm->types.object;
    t->instance_size = instance_size;
    t->flags = flags;
    t->name = str_intern(vm, name);
    t->dict = dict_new(vm);
    t->module = str_intern(vm, "builtins");
    if (!t->name || !t->dict || !t->module)
        return NULL;
    obj_incref(&t->name->hdr);
    t->qualname = t->name;
    return t;
}

/* Copies the slots a type leaves NULL from its base (CPython's inherit_slots). */
static void inherit_slots(TypeObj *t, TypeObj *b) {
#define INHERIT(slot)                                                                              \
    if (!t->slot)                                                                                  \
        t->slot = b->slot;
    bool inherit_hash = !t->richcompare && !t->hash; /* __eq__ without __hash__: unhashable */
    INHERIT(richcompare)
    if (inherit_hash)
        t->hash = b->hash;
    INHERIT(dealloc)
    INHERIT(traverse)
    INHERIT(clear)
    INHERIT(repr)
    INHERIT(str)
    INHERIT(binop)
    INHERIT(inplace)
    INHERIT(unop)
    INHERIT(truthy)
    INHERIT(len)
    INHERIT(getattr)
    INHERIT(setattr)
    INHERIT(getitem)
    INHERIT(setitem)
    INHERIT(contains)
    INHERIT(iter)
    INHERIT(next)
    INHERIT(call)
    INHERIT(descr_get)
    INHERIT(descr_set)
#undef INHERIT
}

bool type_ready(VM *vm, TypeObj *t) {
    if (t->flags & TF_READY)
        return true;
    TypeObj *b = t->base;
    if (b) {
        if (!type_ready(vm, b))
            return false;
        inherit_slots(t, b);
        /* built-in types without a constructor of their own cannot be instantiated */
        if (!t->tp_new && (b != vm->types.object || (t->flags & TF_HEAPTYPE)))
            t->tp_new = b->tp_new;
        if (t->instance_size < b->instance_size)
            t->instance_size = b->instance_size;
        t->flags |= b->flags & (TF_EXCEPTION | TF_HAS_DICT);
    }
    /* (t,) + base's MRO, which may be hand-made (errors.c's ExceptionGroup) */
    size_t nb = b && b->mro ? b->mro->len : 0;
    TupleObj *mro = tuple_new(vm, nb + 1);
    if (!mro)
        return false;
    obj_incref(&t->hdr);
    mro->items[0] = VOBJ(t);
    for (size_t i = 0; i < nb; i++)
        mro->items[i + 1] = v_incref(b->mro->items[i]);
    obj_xdecref(vm, (Obj *)t->mro);
    t->mro = mro;
    t->flags |= TF_READY;
    return true;
}

static bool type_add(VM *vm, TypeObj *type, const char *name, NativeFn fn, bool method) {
    StrObj *key = str_intern(vm, name);
    Value b = builtin_new(vm, name, fn, VNULL);
    int rc = -1;
    if (key && !IS_NULL(b)) {
        ((BuiltinObj *)b.as.o)->is_method = method;
        rc = dict_set_str(vm, type->dict, key, b);
    }
    obj_xdecref(vm, (Obj *)key);
    v_decref(vm, b);
    return rc == 0;
}

bool type_add_method(VM *vm, TypeObj *type, const char *name, NativeFn fn) {
    return type_add(vm, type, name, fn, true);
}

bool type_add_static(VM *vm, TypeObj *type, const char *name, NativeFn fn) {
    return type_add(vm, type, name, fn, false);
}

/* ---------------------------------------------------------------- heap-type slots */

/* Finds `name` in the class part of the MRO (heap types). Stops at the first built-in type,
 * whose native slot then applies: it is returned in *native. Borrowed result. */
static Value heap_lookup(TypeObj *t, StrObj *name, TypeObj **native) {
    for (; t && (t->flags & TF_HEAPTYPE); t = t->base) {
        Value v = t->dict ? dict_get_str(t->dict, name) : VNULL;
        if (!IS_NULL(v))
            return v;
    }
    *native = t;
    return VNULL;
}

/* Calls self.<name>(args) for the dunder found on self's class; *found false if absent. */
static Value call_dunder(VM *vm, Value self, StrObj *name, Value *args, int nargs, bool *found,
                         TypeObj **native) {
    Value f = heap_lookup(val_type(vm, self), name, native);
    *found = !IS_NULL(f);
    if (!*found)
        return VNULL;
    return call_method_found(vm, f, self, args, nargs, NULL);
}

static StrObj *expect_str(VM *vm, Value r, const char *what) {
    if (IS_NULL(r))
        return NULL;
    if (!val_isinstance(vm, r, vm->types.str)) {
        vm_raise(vm, vm->exc_types.TypeError, "%s returned non-string (type %s)", what,
                 val_type_name(vm, r));
        v_decref(vm, r);
        return NULL;
    }
    return AS_STR(r);
}

static StrObj *slot_repr(VM *vm, Value self) {
    bool found;
    TypeObj *native;
    Value r = call_dunder(vm, self, vm->names.__repr__, NULL, 0, &found, &native);
    return found ? expect_str(vm, r, "__repr__") : native->repr(vm, self);
}

static StrObj *slot_str(VM *vm, Value self) {
    bool found;
    TypeObj *native;
    Value r = call_dunder(vm, self, vm->names.__str__, NULL, 0, &found, &native);
    if (found)
        return expect_str(vm, r, "__str__");
    return native->str ? native->str(vm, self) : obj_repr(vm, self);
}

static int slot_hash(VM *vm, Value self, int64_t *out) {
    TypeObj *native, *t = val_type(vm, self);
    Value f = heap_lookup(t, vm->names.__hash__, &native);
    if (IS_NULL(f) && native->hash)
        return native->hash(vm, self, out);
    if (IS_NULL(f) || IS_NONE(f)) {
        vm_raise(vm, vm->exc_types.TypeError, "unhashable type: '%s'", t->name->data);
        return -1;
    }
    Value r = call_method_found(vm, f, self, NULL, 0, NULL);
    if (IS_NULL(r))
        return -1;
    if (r.kind != V_INT && r.kind != V_BOOL) {
        v_decref(vm, r);
        vm_raise(vm, vm->exc_types.TypeError, "__hash__ method should return an integer");
        return -1;
    }
    *out = r.as.i == -1 ? -2 : r.as.i;
    return 0;
}

static StrObj *cmp_name(VM *vm, CmpOp op) {
    StrObj *names[] = {vm->names.__lt__, vm->names.__le__, vm->names.__eq__,
                       vm->names.__ne__, vm->names.__gt__, vm->names.__ge__};
    return names[op];
}

static Value slot_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    bool found;
    TypeObj *native;
    Value r = call_dunder(vm, a, cmp_name(vm, op), &b, 1, &found, &native);
    if (found)
        return r;
    return native->richcompare ? native->richcompare(vm, a, b, op) : v_incref(vm->not_implemented);
}

static Value slot_binop(VM *vm, BinOp op, Value a, Value b);

/* self.__op__(other), or self's native binop when the class does not define it. */
static Value binop_side(VM *vm, BinOp op, Value self, Value other, bool reflected) {
    bool found;
    TypeObj *native;
    StrObj *name = vm->memo->op_names[op][reflected ? 1 : 0];
    Value r = call_dunder(vm, self, name, &other, 1, &found, &native);
    if (found)
        return r;
    if (native->binop && native->binop != slot_binop)
        return reflected ? native->binop(vm, op, other, self) : native->binop(vm, op, self, other);
    return v_incref(vm->not_implemented);
}

/* CPython's SLOT1BINFULL: a.__op__(b), then b.__rop__(a); a subclass's __rop__ goes first. */
static Value slot_binop(VM *vm, BinOp op, Value a, Value b) {
    TypeObj *ta = val_type(vm, a), *tb = val_type(vm, b);
    bool do_other = ta != tb && tb->binop == slot_binop;
    if (ta->binop == slot_binop) {
        if (do_other && type_is_subtype(tb, ta)) {
            Value r = binop_side(vm, op, b, a, true);
            if (!is_not_implemented(vm, r))
                return r;
            v_decref(vm, r);
            do_other = false;
        }
        Value r = binop_side(vm, op, a, b, false);
        if (!is_not_implemented(vm, r) || ta == tb)
            return r;
        v_decref(vm, r);
    }
    if (do_other)
        return binop_side(vm, op, b, a, true);
    return v_incref(vm->not_implemented);
}

static Value slot_inplace(VM *vm, BinOp op, Value a, Value b) {
    bool found;
    TypeObj *native;
    Value r = call_dunder(vm, a, vm->memo->op_names[op][2], &b, 1, &found, &native);
    if (found)
        return r;
    return native->inplace ? native->inplace(vm, op, a, b) : v_incref(vm->not_implemented);
}

static Value slot_unop(VM *vm, UnOp op, Value a) {
    StrObj *names[] = {vm->names.__neg__, vm->names.__pos__, vm->names.__invert__};
    bool found;
    TypeObj *native;
    Value r = call_dunder(vm, a, names[op], NULL, 0, &found, &native);
    if (found)
        return r;
    return native->unop ? native->unop(vm, op, a) : v_incref(vm->not_implemented);
}

/* The result of __len__ as a non-negative length, or -1 with an error. */
static int64_t len_result(VM *vm, Value r) {
    if (IS_NULL(r))
        return -1;
    int64_t n;
    int ok = val_index(vm, r, &n);
    if (ok == 0)
        vm_raise(vm, vm->exc_types.TypeError, "'%s' object cannot be interpreted as an integer",
                 val_type_name(vm, r));
    v_decref(vm, r);
    if (ok != 1)
        return -1;
    if (n < 0) {
        vm_raise(vm, vm->exc_types.ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static int slot_truthy(VM *vm, Value self) {
    bool found;
    TypeObj *native;
    Value r = call_dunder(vm, self, vm->names.__bool__, NULL, 0, &found, &native);
    if (found) {
        if (IS_NULL(r))
            return -1;
        if (r.kind != V_BOOL) {
            vm_raise(vm, vm->exc_types.TypeError, "__bool__ should return bool, returned %s",
                     val_type_name(vm, r));
            v_decref(vm, r);
            return -1;
        }
        return (int)r.as.i;
    }
    r = call_dunder(vm, self, vm->names.__len__, NULL, 0, &found, &native);
    if (found) {
        int64_t n = len_result(vm, r);
        return n < 0 ? -1 : n > 0;
    }
    if (native->truthy)
        return native->truthy(vm, self);
    return native->len ? native->len(vm, self) != 0 : 1;
}

static int64_t slot_len(VM *vm, Value self) {
    bool found;
    TypeObj *native;
    Value r = call_dunder(vm, self, vm->names.__len__, NULL, 0, &found, &native);
    if (found)
        return len_result(vm, r);
    if (native->len)
        return native->len(vm, self);
    vm_raise(vm, vm->exc_types.TypeError, "object of type '%s' has no len()",
             val_type_name(vm, self));
    return -1;
}

static Value slot_getitem(VM *vm, Value self, Value key) {
    bool found;
    TypeObj *native;
    Value r = call_dunder(vm, self, vm->names.__getitem__, &key, 1, &found, &native);
    if (found)
        return r;
    if (native->getitem)
        return native->getitem(vm, self, key);
    return vm_raise(vm, vm->exc_types.TypeError, "'%s' object is not subscriptable",
                    val_type_name(vm, self));
}

static int slot_setitem(VM *vm, Value self, Value key, Value v) {
    bool found;
    TypeObj *native;
    Value args[2] = {key, v};
    StrObj *name = IS_NULL(v) ? vm->names.__delitem__ : vm->names.__setitem__;
    Value r = call_dunder(vm, self, name, args, IS_NULL(v) ? 1 : 2, &found, &native);
    if (found) {
        v_decref(vm, r);
        return IS_NULL(r) ? -1 : 0;
    }
    if (native->setitem)
        return native->setitem(vm, self, key, v);
    vm_raise(vm, vm->exc_types.TypeError,
             IS_NULL(v) ? "'%s' object doesn't support item deletion"
                        : "'%s' object does not support item assignment",
             val_type_name(vm, self));
    return -1;
}

static int slot_contains(VM *vm, Value self, Value item) {
    bool found;
    TypeObj *native;
    Value r = call_dunder(vm, self, vm->names.__contains__, &item, 1, &found, &native);
    if (!found) {
        if (native->contains)
            return native->contains(vm, self, item);
        vm_raise(vm, vm->exc_types.TypeError, "argument of type '%s' is not iterable",
                 val_type_name(vm, self));
        return -1;
    }
    if (IS_NULL(r))
        return -1;
    int t = obj_truthy(vm, r);
    v_decref(vm, r);
    return t;
}

static Value slot_iter(VM *vm, Value self) {
    TypeObj *native;
    Value f = heap_lookup(val_type(vm, self), vm->names.__iter__, &native);
    if (IS_NULL(f) && native->iter)
        return native->iter(vm, self);
    if (IS_NULL(f) || IS_NONE(f))
        return vm_raise(vm, vm->exc_types.TypeError, "'%s' object is not iterable",
                        val_type_name(vm, self));
    return call_method_found(vm, f, self, NULL, 0, NULL);
}

static int slot_next(VM *vm, Value self, Value *out) {
    bool found;
    TypeObj *native;
    Value r = call_dunder(vm, self, vm->names.__next__, NULL, 0, &found, &native);
    if (!found) {
        if (native->next)
            return native->next(vm, self, out);
        vm_raise(vm, vm->exc_types.TypeError, "'%s' object is not an iterator",
                 val_type_name(vm, self));
        return -1;
    }
    if (IS_NULL(r)) {
        if (!vm_exc_matches(vm, vm->exc_types.StopIteration))
            return -1;
        vm_exc_clear(vm);
        return 0;
    }
    *out = r;
    return 1;
}

static Value slot_call(VM *vm, Value self, Value *args, int nargs, TupleObj *kwnames) {
    TypeObj *native;
    Value f = heap_lookup(val_type(vm, self), vm->names.__call__, &native);
    if (!IS_NULL(f))
        return call_method_found(vm, f, self, args, nargs, kwnames);
    if (native->call)
        return native->call(vm, self, args, nargs, kwnames);
    return vm_raise(vm, vm->exc_types.TypeError, "'%s' object is not callable",
                    val_type_name(vm, self));
}

/* Attribute lookup with the class's __getattr__ as the fallback for missing attributes. */
static Value slot_getattr(VM *vm, Value self, StrObj *name) {
    TypeObj *native;
    Value v = generic_getattr(vm, self, name);
    if (!IS_NULL(v) || !vm_exc_matches(vm, vm->exc_types.AttributeError))
        return v;
    Value f = heap_lookup(val_type(vm, self), vm->names.__getattr__, &native);
    if (IS_NULL(f))
        return v;
    vm_exc_clear(vm);
    Value arg = VOBJ(name);
    return call_method_found(vm, f, self, &arg, 1, NULL);
}

static int slot_setattr(VM *vm, Value self, StrObj *name, Value v) {
    TypeObj *native;
    StrObj *dunder = IS_NULL(v) ? vm->names.__delattr__ : vm->names.__setattr__;
    Value f = heap_lookup(val_type(vm, self), dunder, &native);
    if (IS_NULL(f))
        return native->setattr ? native->setattr(vm, self, name, v)
                               : generic_setattr(vm, self, name, v);
    Value args[2] = {VOBJ(name), v};
    Value r = call_method_found(vm, f, self, args, IS_NULL(v) ? 1 : 2, NULL);
    v_decref(vm, r);
    return IS_NULL(r) ? -1 : 0;
}

static Value slot_descr_get(VM *vm, Value descr, Value obj, TypeObj *owner) {
    TypeObj *native;
    Value f = heap_lookup(val_type(vm, descr), vm->names.__get__, &native);
    if (IS_NULL(f))
        return native->descr_get ? native->descr_get(vm, descr, obj, owner) : v_incref(descr);
    Value args[2] = {IS_NULL(obj) ? VNONE : obj, owner ? VOBJ(owner) : VNONE};
    return call_method_found(vm, f, descr, args, 2, NULL);
}

static int slot_descr_set(VM *vm, Value descr, Value obj, Value v) {
    TypeObj *native;
    StrObj *name = IS_NULL(v) ? vm->memo->name_delete : vm->names.__set__;
    Value f = heap_lookup(val_type(vm, descr), name, &native);
    if (IS_NULL(f)) {
        if (native->descr_set)
            return native->descr_set(vm, descr, obj, v);
        vm_raise(vm, vm->exc_types.AttributeError, IS_NULL(v) ? "__delete__" : "__set__");
        return -1;
    }
    Value args[2] = {obj, v};
    Value r = call_method_found(vm, f, descr, args, IS_NULL(v) ? 1 : 2, NULL);
    v_decref(vm, r);
    return IS_NULL(r) ? -1 : 0;
}

/* cls.__new__(cls, *args) for a class that defines __new__ (a staticmethod). */
static Value slot_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    TypeObj *native;
    Value f = heap_lookup(type, vm->names.__new__, &native);
    if (IS_NULL(f))
        return native->tp_new ? native->tp_new(vm, type, args, nargs, kwnames)
                              : object_new(vm, type, args, nargs, kwnames);
    Value fn = f;
    if (is_exact(vm, f, vm->types.staticmethod) || is_exact(vm, f, vm->types.classmethod))
        fn = ((FuncWrapperObj *)f.as.o)->func;
    return call_prepend(vm, fn, VOBJ(type), args, nargs, kwnames);
}

/* ---------------------------------------------------------------- choosing slots */

static bool defines(TypeObj *t, StrObj *name) {
    TypeObj *native;
    return !IS_NULL(heap_lookup(t, name, &native));
}

static bool defines_any(TypeObj *t, StrObj *const *names, int n) {
    for (int i = 0; i < n; i++)
        if (defines(t, names[i]))
            return true;
    return false;
}

static bool defines_binop(VM *vm, TypeObj *t, int which) {
    for (int i = 0; i < BINOP_COUNT; i++)
        if (defines(t, vm->memo->op_names[i][which]) ||
            (which == 0 && defines(t, vm->memo->op_names[i][1])))
            return true;
    return false;
}

/* Points each slot of a class at its wrapper when the class (or a class base) defines the
 * dunder, else back at the base's slot. Runs at class creation and on dunder assignment. */
static void update_slots(VM *vm, TypeObj *t) {
    Names *n = &vm->names;
    TypeObj *b = t->base;
#define PICK(slot, cond, wrapper) t->slot = (cond) ? wrapper : b->slot;
    StrObj *cmps[] = {n->__eq__, n->__ne__, n->__lt__, n->__le__, n->__gt__, n->__ge__};
    StrObj *unops[] = {n->__neg__, n->__pos__, n->__invert__};
    StrObj *truth[] = {n->__bool__, n->__len__};
    StrObj *sets[] = {n->__setattr__, n->__delattr__};
    StrObj *items[] = {n->__setitem__, n->__delitem__};
    StrObj *dsets[] = {n->__set__, vm->memo->name_delete};
    PICK(repr, defines(t, n->__repr__), slot_repr)
    PICK(str, defines(t, n->__str__), slot_str)
    PICK(richcompare, defines_any(t, cmps, 6), slot_richcompare)
    PICK(hash, defines(t, n->__hash__), slot_hash)
    PICK(binop, defines_binop(vm, t, 0), slot_binop)
    PICK(inplace, defines_binop(vm, t, 2), slot_inplace)
    PICK(unop, defines_any(t, unops, 3), slot_unop)
    PICK(truthy, defines_any(t, truth, 2), slot_truthy)
    PICK(len, defines(t, n->__len__), slot_len)
    PICK(getattr, defines(t, n->__getattr__), slot_getattr)
    PICK(setattr, defines_any(t, sets, 2), slot_setattr)
    PICK(getitem, defines(t, n->__getitem__), slot_getitem)
    PICK(setitem, defines_any(t, items, 2), slot_setitem)
    PICK(contains, defines(t, n->__contains__), slot_contains)
    PICK(iter, defines(t, n->__iter__), slot_iter)
    PICK(next, defines(t, n->__next__), slot_next)
    PICK(call, defines(t, n->__call__), slot_call)
    PICK(descr_get, defines(t, n->__get__), slot_descr_get)
    PICK(descr_set, defines_any(t, dsets, 2), slot_descr_set)
    PICK(tp_new, defines(t, n->__new__), slot_new)
#undef PICK
    if (t->getattr == b->getattr && b->getattr == slot_getattr)
        t->getattr = slot_getattr;
}

/* ---------------------------------------------------------------- instances */

static void instance_dealloc(VM *vm, Obj *o) {
    obj_xdecref(vm, (Obj *)((InstanceObj *)o)->dict);
}

static void instance_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    DictObj *d = ((InstanceObj *)o)->dict;
    if (d)
        visit(vm, VOBJ(d), arg);
}

static void instance_clear(VM *vm, Obj *o) {
    InstanceObj *inst = (InstanceObj *)o;
    DictObj *d = inst->dict;
    inst->dict = NULL;
    obj_xdecref(vm, (Obj *)d);
}

/* The instance dict, created on first use; NULL when the type has none (or MemoryError). */
static DictObj *instance_dict(VM *vm, Value o, bool create) {
    if (o.kind != V_OBJ || !(o.as.o->type->flags & TF_HAS_DICT))
        return NULL;
    InstanceObj *inst = (InstanceObj *)o.as.o;
    if (!inst->dict && create)
        inst->dict = dict_new(vm);
    return inst->dict;
}

static bool is_object_init(VM *vm, Value init) {
    return init.kind == V_OBJ && init.as.o == vm->memo->object_init.as.o;
}

Value object_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    (void)args;
    if (nargs || (kwnames && kwnames->len)) {
        if (type->tp_new != object_new)
            return vm_raise(vm, vm->exc_types.TypeError,
                            "object.__new__() takes exactly one argument (the type to "
                            "instantiate)");
        if (is_object_init(vm, type_lookup(type, vm->names.__init__)))
            return vm_raise(vm, vm->exc_types.TypeError, "%s() takes no arguments",
                            type->name->data);
    }
    size_t size = type->instance_size;
    if ((type->flags & TF_HAS_DICT) && size < sizeof(InstanceObj))
        size = sizeof(InstanceObj);
    Obj *o = obj_alloc(vm, type, size);
    return o ? VOBJ(o) : VNULL;
}

/* ---------------------------------------------------------------- generic attributes */

Value generic_getattr(VM *vm, Value o, StrObj *name) {
    TypeObj *t = val_type(vm, o);
    if (name == vm->names.__class__)
        return v_incref(VOBJ(t));
    Value descr = type_lookup(t, name);
    TypeObj *dt = IS_NULL(descr) ? NULL : val_type(vm, descr);
    if (dt && dt->descr_get && dt->descr_set)
        return dt->descr_get(vm, descr, o, t);
    DictObj *d = instance_dict(vm, o, name == vm->names.__dict__);
    if (d) {
        if (name == vm->names.__dict__)
            return v_incref(VOBJ(d));
        Value v = dict_get_str(d, name);
        if (!IS_NULL(v))
            return v_incref(v);
    }
    if (dt)
        return dt->descr_get ? dt->descr_get(vm, descr, o, t) : v_incref(descr);
    return vm_raise(vm, vm->exc_types.AttributeError, "'%s' object has no attribute '%s'",
                    t->name->data, name->data);
}

int generic_setattr(VM *vm, Value o, StrObj *name, Value v) {
    TypeObj *t = val_type(vm, o);
    Value descr = type_lookup(t, name);
    TypeObj *dt = IS_NULL(descr) ? NULL : val_type(vm, descr);
    if (dt && dt->descr_set)
        return dt->descr_set(vm, descr, o, v);
    DictObj *d = instance_dict(vm, o, true);
    if (!d) {
        if (o.kind == V_OBJ && (t->flags & TF_HAS_DICT))
            return -1; /* MemoryError */
        if (dt)
            vm_raise(vm, vm->exc_types.AttributeError, "'%s' object attribute '%s' is read-only",
                     t->name->data, name->data);
        else
            vm_raise(vm, vm->exc_types.AttributeError, "'%s' object has no attribute '%s'",
                     t->name->data, name->data);
        return -1;
    }
    if (!IS_NULL(v))
        return dict_set_str(vm, d, name, v);
    int r = dict_del(vm, d, VOBJ(name));
    if (r == 0)
        vm_raise(vm, vm->exc_types.AttributeError, "'%s' object has no attribute '%s'",
                 t->name->data, name->data);
    return r == 1 ? 0 : -1;
}

/* ---------------------------------------------------------------- object */

static StrObj *object_repr(VM *vm, Value self) {
    TypeObj *t = val_type(vm, self);
    uint64_t addr = IS_OBJ(self) ? obj_fake_address(vm, self.as.o) : (uint64_t)obj_id(vm, self);
    if (t->module && !str_eq_cstr(t->module, "builtins"))
        return str_printf(vm, "<%s.%s object at 0x%llx>", t->module->data, t->qualname->data,
                          (unsigned long long)addr);
    return str_printf(vm, "<%s object at 0x%llx>", t->qualname->data, (unsigned long long)addr);
}

static int object_hash(VM *vm, Value self, int64_t *out) {
    *out = IS_OBJ(self) ? (int64_t)(obj_fake_address(vm, self.as.o) >> 4) : obj_id(vm, self) >> 4;
    return 0;
}

/* object's ==: identity; != inverts the type's own == unless that is NotImplemented. */
static Value object_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if (op == CMP_EQ)
        return val_is(a, b) ? VBOOL(true) : v_incref(vm->not_implemented);
    if (op != CMP_NE)
        return v_incref(vm->not_implemented);
    TypeObj *t = val_type(vm, a);
    Value r = t->richcompare ? t->richcompare(vm, a, b, CMP_EQ) : v_incref(vm->not_implemented);
    if (IS_NULL(r) || is_not_implemented(vm, r))
        return r;
    int truth = obj_truthy(vm, r);
    v_decref(vm, r);
    return truth < 0 ? VNULL : VBOOL(!truth);
}

static Value object_init_fn(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (nargs < 1)
        return vm_raise(vm, vm->exc_types.TypeError,
                        "descriptor '__init__' of 'object' object needs an argument");
    if (nargs > 1 || (kwnames && kwnames->len)) {
        TypeObj *t = val_type(vm, args[0]);
        if (!is_object_init(vm, type_lookup(t, vm->names.__init__)))
            return vm_raise(vm, vm->exc_types.TypeError,
                            "object.__init__() takes exactly one argument (the instance to "
                            "initialize)");
        if (t->tp_new == object_new)
            return vm_raise(vm, vm->exc_types.TypeError, "%s() takes no arguments", t->name->data);
    }
    return VNONE;
}

static Value object_new_fn(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (nargs < 1 || !is_type(vm, args[0]))
        return vm_raise(vm, vm->exc_types.TypeError, "object.__new__(X): X is not a type object");
    TypeObj *t = (TypeObj *)args[0].as.o;
    if (!(t->flags & TF_HEAPTYPE) && t != vm->types.object)
        return vm_raise(vm, vm->exc_types.TypeError,
                        "object.__new__(%s) is not safe, use %s.__new__()", t->name->data,
                        t->name->data);
    return object_new(vm, t, args + 1, nargs - 1, kwnames);
}

static Value object_repr_fn(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "__repr__", nargs, kwnames, 1, 1))
        return VNULL;
    StrObj *s = object_repr(vm, args[0]);
    return s ? VOBJ(s) : VNULL;
}

static Value object_str_fn(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "__str__", nargs, kwnames, 1, 1))
        return VNULL;
    StrObj *s = obj_repr(vm, args[0]);
    return s ? VOBJ(s) : VNULL;
}

static Value object_cmp_fn(VM *vm, Value *args, int nargs, TupleObj *kwnames, CmpOp op) {
    if (!args_count(vm, op == CMP_EQ ? "__eq__" : "__ne__", nargs, kwnames, 2, 2))
        return VNULL;
    return object_richcompare(vm, args[0], args[1], op);
}

static Value object_eq_fn(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return object_cmp_fn(vm, args, nargs, kwnames, CMP_EQ);
}

static Value object_ne_fn(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return object_cmp_fn(vm, args, nargs, kwnames, CMP_NE);
}

static Value object_hash_fn(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    int64_t h;
    if (!args_count(vm, "__hash__", nargs, kwnames, 1, 1) || object_hash(vm, args[0], &h) < 0)
        return VNULL;
    return VINT(h);
}

static Value object_setattr_fn(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "__setattr__", nargs, kwnames, 3, 3))
        return VNULL;
    if (!IS_STR(vm, args[1]))
        return vm_raise(vm, vm->exc_types.TypeError, "attribute name must be string, not '%s'",
                        val_type_name(vm, args[1]));
    return generic_setattr(vm, args[0], AS_STR(args[1]), args[2]) < 0 ? VNULL : VNONE;
}

static Value object_delattr_fn(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "__delattr__", nargs, kwnames, 2, 2))
        return VNULL;
    if (!IS_STR(vm, args[1]))
        return vm_raise(vm, vm->exc_types.TypeError, "attribute name must be string, not '%s'",
                        val_type_name(vm, args[1]));
    return generic_setattr(vm, args[0], AS_STR(args[1]), VNULL) < 0 ? VNULL : VNONE;
}

static Value object_getattribute_fn(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "__getattribute__", nargs, kwnames, 2, 2))
        return VNULL;
    if (!IS_STR(vm, args[1]))
        return vm_raise(vm, vm->exc_types.TypeError, "attribute name must be string, not '%s'",
                        val_type_name(vm, args[1]));
    return generic_getattr(vm, args[0], AS_STR(args[1]));
}

static bool object_type_init(VM *vm) {
    TypeObj *t = vm->types.object;
    t->flags |= TF_BASETYPE;
    t->instance_size = sizeof(Obj);
    t->repr = object_repr;
    t->hash = object_hash;
    t->richcompare = object_richcompare;
    t->getattr = generic_getattr;
    t->setattr = generic_setattr;
    t->tp_new = object_new;
    if (!type_add_method(vm, t, "__init__", object_init_fn))
        return false;
    vm->memo->object_init = v_incref(dict_get_str(t->dict, vm->names.__init__));
    return type_add_static(vm, t, "__new__", object_new_fn) &&
           type_add_method(vm, t, "__repr__", object_repr_fn) &&
           type_add_method(vm, t, "__str__", object_str_fn) &&
           type_add_method(vm, t, "__eq__", object_eq_fn) &&
           type_add_method(vm, t, "__ne__", object_ne_fn) &&
           type_add_method(vm, t, "__hash__", object_hash_fn) &&
           type_add_method(vm, t, "__setattr__", object_setattr_fn) &&
           type_add_method(vm, t, "__delattr__", object_delattr_fn) &&
           type_add_method(vm, t, "__getattribute__", object_getattribute_fn);
}

/* ---------------------------------------------------------------- class statements */

static Value type_error_v(VM *vm, const char *msg, const char *arg) {
    return vm_raise(vm, vm->exc_types.TypeError, msg, arg);
}

/* The base class named in a class statement's bases, checked. */
static TypeObj *class_base(VM *vm, TupleObj *bases) {
    if (!bases || bases->len == 0)
        return vm->types.object;
    if (bases->len > 1) {
        vm_raise(vm, vm->exc_types.TypeError, "multiple inheritance is not supported by loopscope");
        return NULL;
    }
    if (!is_type(vm, bases->items[0])) {
        vm_raise(vm, vm->exc_types.TypeError, "bases must be types");
        return NULL;
    }
    TypeObj *b = (TypeObj *)bases->items[0].as.o;
    if (!(b->flags & TF_BASETYPE)) {
        type_error_v(vm, "type '%s' is not an acceptable base type", b->name->data);
        return NULL;
    }
    return b;
}

/* Copies the class namespace into the new type's dict, applying CPython's implicit rules:
 * __qualname__ moves to the type, __eq__ without __hash__ sets __hash__ = None, __new__
 * becomes a staticmethod. */
static bool fill_class_dict(VM *vm, TypeObj *t, DictObj *ns) {
    size_t pos = 0;
    Value k, v;
    while (dict_next(ns, &pos, &k, &v)) {
        if (IS_STR(vm, k) && str_eq(AS_STR(k), vm->names.__qualname__) && IS_STR(vm, v)) {
            obj_decref(vm, &t->qualname->hdr);
            t->qualname = (StrObj *)v_incref(v).as.o;
            continue;
        }
        if (IS_STR(vm, k) && str_eq(AS_STR(k), vm->names.__module__) && IS_STR(vm, v)) {
            obj_decref(vm, &t->module->hdr);
            t->module = (StrObj *)v_incref(v).as.o;
        }
        if (dict_set(vm, t->dict, k, v) < 0)
            return false;
    }
    if (IS_NULL(dict_get_str(t->dict, vm->names.__module__)) &&
        dict_set_str(vm, t->dict, vm->names.__module__, VOBJ(t->module)) < 0)
        return false;
    if (!IS_NULL(dict_get_str(t->dict, vm->names.__eq__)) &&
        IS_NULL(dict_get_str(t->dict, vm->names.__hash__)) &&
        dict_set_str(vm, t->dict, vm->names.__hash__, VNONE) < 0)
        return false;
    Value nw = dict_get_str(t->dict, vm->names.__new__);
    if (!IS_NULL(nw) && is_exact(vm, nw, vm->types.function)) {
        Value sm = vm_call1(vm, VOBJ(vm->types.staticmethod), nw);
        if (IS_NULL(sm) || dict_set_str(vm, t->dict, vm->names.__new__, sm) < 0)
            return false;
        v_decref(vm, sm);
    }
    return true;
}

/* Calls value.__set_name__(owner, name) for each class attribute that has one. */
static bool set_names(VM *vm, TypeObj *t) {
    size_t pos = 0;
    Value k, v;
    while (dict_next(t->dict, &pos, &k, &v)) {
        if (!IS_OBJ(v))
            continue;
        Value f = type_lookup(v.as.o->type, vm->memo->name_set_name);
        if (IS_NULL(f))
            continue;
        Value args[2] = {VOBJ(t), k};
        Value r = call_method_found(vm, f, v, args, 2, NULL);
        if (IS_NULL(r))
            return false;
        v_decref(vm, r);
    }
    return true;
}

Value type_new_class(VM *vm, StrObj *name, TupleObj *bases, DictObj *ns) {
    TypeObj *base = class_base(vm, bases);
    if (!base)
        return VNULL;
    TypeObj *t = (TypeObj *)obj_alloc(vm, vm->types.type, sizeof(TypeObj));
    if (!t)
        return VNULL;
    t->flags = TF_HEAPTYPE | TF_BASETYPE;
    if (base == vm->types.object || (base->flags & TF_HAS_DICT))
        t->flags |= TF_HAS_DICT;
    t->base = base;
    obj_incref(&base->hdr);
    t->name = name;
    obj_incref(&name->hdr);
    t->qualname = name;
    obj_incref(&name->hdr);
    t->module = vm->names.__main__;
    obj_incref(&t->module->hdr);
    t->dict = dict_new(vm);
    if (!t->dict || !fill_class_dict(vm, t, ns)) {
        obj_decref(vm, &t->hdr);
        return VNULL;
    }
    if (base == vm->types.object) {
        t->instance_size = sizeof(InstanceObj);
        t->dealloc = instance_dealloc;
        t->traverse = instance_traverse;
        t->clear = instance_clear;
    }
    update_slots(vm, t);
    if (!type_ready(vm, t) || !set_names(vm, t)) {
        obj_decref(vm, &t->hdr);
        return VNULL;
    }
    return VOBJ(t);
}

/* ---------------------------------------------------------------- the type type */

static void type_dealloc(VM *vm, Obj *o) {
    TypeObj *t = (TypeObj *)o;
    obj_xdecref(vm, (Obj *)t->dict);
    obj_xdecref(vm, (Obj *)t->mro);
    obj_xdecref(vm, (Obj *)t->name);
    obj_xdecref(vm, (Obj *)t->qualname);
    obj_xdecref(vm, (Obj *)t->module);
    obj_xdecref(vm, (Obj *)t->base);
}

static void type_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    TypeObj *t = (TypeObj *)o;
    if (t->dict)
        visit(vm, VOBJ(t->dict), arg);
    if (t->mro)
        visit(vm, VOBJ(t->mro), arg);
    if (t->base)
        visit(vm, VOBJ(t->base), arg);
}

static void type_clear(VM *vm, Obj *o) {
    TypeObj *t = (TypeObj *)o;
    DictObj *d = t->dict;
    TupleObj *mro = t->mro;
    t->dict = NULL;
    t->mro = NULL;
    obj_xdecref(vm, (Obj *)d);
    obj_xdecref(vm, (Obj *)mro);
}

static StrObj *type_repr(VM *vm, Value self) {
    TypeObj *t = (TypeObj *)self.as.o;
    if (t->module && !str_eq_cstr(t->module, "builtins"))
        return str_printf(vm, "<class '%s.%s'>", t->module->data, t->qualname->data);
    return str_printf(vm, "<class '%s'>", t->qualname->data);
}

/* __name__, __mro__ ... of a type: true with *out set (V_NULL on error) when `name` is one. */
static bool type_special_attr(VM *vm, TypeObj *t, StrObj *name, Value *out) {
    Names *n = &vm->names;
    Obj *o = NULL;
    if (name == n->__name__)
        o = &t->name->hdr;
    else if (name == n->__qualname__)
        o = &t->qualname->hdr;
    else if (name == n->__module__ && !(t->flags & TF_HEAPTYPE))
        o = &t->module->hdr;
    else if (name == n->__dict__)
        o = &t->dict->hdr;
    else if (name == n->__class__)
        o = &t->hdr.type->hdr;
    else if (str_eq_cstr(name, "__mro__"))
        o = &t->mro->hdr;
    else if (str_eq_cstr(name, "__base__"))
        o = t->base ? &t->base->hdr : NULL;
    else if (str_eq_cstr(name, "__bases__")) {
        TupleObj *b = t->base ? tuple_pack(vm, 1, VOBJ(t->base)) : tuple_new(vm, 0);
        *out = b ? VOBJ(b) : VNULL;
        return true;
    } else
        return false;
    *out = o ? v_incref(VOBJ(o)) : VNONE;
    return true;
}

static Value type_getattr(VM *vm, Value self, StrObj *name) {
    TypeObj *t = (TypeObj *)self.as.o;
    Value v;
    if (type_special_attr(vm, t, name, &v))
        return v;
    Value attr = type_lookup(t, name);
    if (!IS_NULL(attr)) {
        TypeObj *at = val_type(vm, attr);
        return at->descr_get ? at->descr_get(vm, attr, VNULL, t) : v_incref(attr);
    }
    Value meta = type_lookup(vm->types.type, name);
    if (!IS_NULL(meta)) {
        TypeObj *mt = val_type(vm, meta);
        return mt->descr_get ? mt->descr_get(vm, meta, self, vm->types.type) : v_incref(meta);
    }
    if (name == vm->names.__doc__)
        return VNONE;
    /* CPython prints tp_name: "module.Name" for built-in types outside builtins */
    if (!(t->flags & TF_HEAPTYPE) && t->module && !str_eq_cstr(t->module, "builtins"))
        return vm_raise(vm, vm->exc_types.AttributeError,
                        "type object '%s.%s' has no attribute '%s'", t->module->data, t->name->data,
                        name->data);
    return vm_raise(vm, vm->exc_types.AttributeError, "type object '%s' has no attribute '%s'",
                    t->name->data, name->data);
}

static int type_setattr(VM *vm, Value self, StrObj *name, Value v) {
    TypeObj *t = (TypeObj *)self.as.o;
    if (!(t->flags & TF_HEAPTYPE)) {
        vm_raise(vm, vm->exc_types.TypeError, "cannot set '%s' attribute of immutable type '%s'",
                 name->data, t->name->data);
        return -1;
    }
    int r;
    if (IS_NULL(v)) {
        r = dict_del(vm, t->dict, VOBJ(name));
        if (r == 0)
            vm_raise(vm, vm->exc_types.AttributeError, "type object '%s' has no attribute '%s'",
                     t->name->data, name->data);
        r = r == 1 ? 0 : -1;
    } else {
        r = dict_set_str(vm, t->dict, name, v);
    }
    if (r == 0 && name->len > 4 && name->data[0] == '_' && name->data[1] == '_')
        update_slots(vm, t); /* e.g. Foo.__repr__ = f after the class statement */
    return r;
}

static int type_hash(VM *vm, Value self, int64_t *out) {
    *out = (int64_t)(obj_fake_address(vm, self.as.o) >> 4);
    return 0;
}

/* type(x) or type(name, bases, dict). */
static Value type_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    (void)type;
    if (kwnames && kwnames->len)
        return vm_raise(vm, vm->exc_types.TypeError, "type() takes no keyword arguments");
    if (nargs == 1)
        return v_incref(VOBJ(val_type(vm, args[0])));
    if (nargs != 3)
        return vm_raise(vm, vm->exc_types.TypeError, "type() takes 1 or 3 arguments");
    if (!IS_STR(vm, args[0]))
        return type_error_v(vm, "type.__new__() argument 1 must be str, not %s",
                            val_type_name(vm, args[0]));
    if (!IS_TUPLE(vm, args[1]))
        return type_error_v(vm, "type.__new__() argument 2 must be tuple, not %s",
                            val_type_name(vm, args[1]));
    if (!IS_DICT(vm, args[2]))
        return type_error_v(vm, "type.__new__() argument 3 must be dict, not %s",
                            val_type_name(vm, args[2]));
    return type_new_class(vm, AS_STR(args[0]), AS_TUPLE(args[1]), AS_DICT(args[2]));
}

/* Calling a class: tp_new, then __init__ when the result is an instance of the class. */
static Value type_call(VM *vm, Value self, Value *args, int nargs, TupleObj *kwnames) {
    TypeObj *t = (TypeObj *)self.as.o;
    if (t == vm->types.type)
        return type_tp_new(vm, t, args, nargs, kwnames);
    if (!t->tp_new)
        return type_error_v(vm, "cannot create '%s' instances", t->name->data);
    Value obj = t->tp_new(vm, t, args, nargs, kwnames);
    if (IS_NULL(obj) || !val_isinstance(vm, obj, t))
        return obj;
    Value init = type_lookup(val_type(vm, obj), vm->names.__init__);
    if (IS_NULL(init) || is_object_init(vm, init))
        return obj;
    Value r = call_method_found(vm, init, obj, args, nargs, kwnames);
    if (IS_NULL(r)) {
        v_decref(vm, obj);
        return VNULL;
    }
    if (!IS_NONE(r)) {
        vm_raise(vm, vm->exc_types.TypeError, "__init__() should return None, not '%s'",
                 val_type_name(vm, r));
        v_decref(vm, r);
        v_decref(vm, obj);
        return VNULL;
    }
    return obj;
}

static Value type_mro_fn(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "mro", nargs, kwnames, 1, 1))
        return VNULL;
    if (!is_type(vm, args[0]))
        return type_error_v(vm, "descriptor 'mro' requires a 'type' object but received a '%s'",
                            val_type_name(vm, args[0]));
    return VOBJ(list_from_iterable(vm, VOBJ(((TypeObj *)args[0].as.o)->mro)));
}

static bool type_type_init(VM *vm) {
    TypeObj *t = vm->types.type;
    t->instance_size = sizeof(TypeObj);
    t->flags |= TF_BASETYPE;
    t->dealloc = type_dealloc;
    t->traverse = type_traverse;
    t->clear = type_clear;
    t->repr = type_repr;
    t->getattr = type_getattr;
    t->setattr = type_setattr;
    t->hash = type_hash;
    t->richcompare = object_richcompare;
    t->call = type_call;
    t->tp_new = type_tp_new;
    return type_add_method(vm, t, "mro", type_mro_fn);
}

/* ---------------------------------------------------------------- isinstance */

static int check_cls(VM *vm, Value cls, const char *fn, int argno, bool recurse_ok) {
    if (is_type(vm, cls))
        return 1;
    if (IS_TUPLE(vm, cls) && recurse_ok)
        return 2;
    vm_raise(vm, vm->exc_types.TypeError,
             "%s() arg %d must be a type, a tuple of types, or a union", fn, argno);
    return -1;
}

int obj_isinstance(VM *vm, Value v, Value cls) {
    int kind = check_cls(vm, cls, "isinstance", 2, true);
    if (kind == 1)
        return val_isinstance(vm, v, (TypeObj *)cls.as.o);
    if (kind < 0)
        return -1;
    TupleObj *t = AS_TUPLE(cls);
    for (size_t i = 0; i < t->len; i++) {
        int r = obj_isinstance(vm, v, t->items[i]);
        if (r != 0)
            return r;
    }
    return 0;
}

int obj_issubclass(VM *vm, Value derived, Value cls) {
    if (!is_type(vm, derived)) {
        vm_raise(vm, vm->exc_types.TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    int kind = check_cls(vm, cls, "issubclass", 2, true);
    if (kind == 1)
        return type_is_subtype((TypeObj *)derived.as.o, (TypeObj *)cls.as.o);
    if (kind < 0)
        return -1;
    TupleObj *t = AS_TUPLE(cls);
    for (size_t i = 0; i < t->len; i++) {
        int r = obj_issubclass(vm, derived, t->items[i]);
        if (r != 0)
            return r;
    }
    return 0;
}

/* ---------------------------------------------------------------- init */

bool core_types_init(VM *vm) {
    seq_iter_type_init(vm);
    return object_type_init(vm) && type_type_init(vm) && descr_types_init(vm);
}
