/*
 * tupleobj.c - the tuple type and its iterator, plus the small helpers every container file
 * shares (containers.h): receiver and argument checks for native methods, sequence
 * comparison, item reprs and KeyError.
 *
 * A tuple is immutable and variable-sized: its items live inline after the header, so a
 * tuple is one allocation. Its hash is CPython's xxHash-based tuplehash, so that hash()
 * prints the same numbers and sets of tuples iterate in the same order.
 *
 * Not for: tuple unpacking (the VM) nor the generic protocol (abstract.c).
 */
#include <stdarg.h>
#include <string.h>

#include "containers.h"

/* Iterator over a tuple: the tuple is dropped once exhausted. */
typedef struct {
    Obj hdr;
    TupleObj *tuple; /* NULL when exhausted */
    size_t index;
} TupleIterObj;

/* ---------------------------------------------------------------- shared helpers */

bool cont_check_self(VM *vm, TypeObj *type, const char *name, Value *args, int nargs) {
    if (nargs >= 1 && args[0].kind == V_OBJ &&
        (args[0].as.o->type == type || type_is_subtype(args[0].as.o->type, type)))
        return true;
    if (nargs < 1) {
        vm_raise(vm, vm->exc_types.TypeError, "unbound method %s.%s() needs an argument",
                 type->name->data, name);
        return false;
    }
    vm_raise(vm, vm->exc_types.TypeError,
             "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name,
             type->name->data, val_type_name(vm, args[0]));
    return false;
}

static bool no_keywords(VM *vm, TypeObj *type, const char *name, TupleObj *kwnames) {
    if (!kwnames || kwnames->len == 0)
        return true;
    vm_raise(vm, vm->exc_types.TypeError, "%s.%s() takes no keyword arguments", type->name->data,
             name);
    return false;
}

bool cont_method_args(VM *vm, TypeObj *type, const char *name, Value *args, int nargs,
                      TupleObj *kwnames, int n) {
    if (!cont_check_self(vm, type, name, args, nargs) || !no_keywords(vm, type, name, kwnames))
        return false;
    int given = nargs - 1;
    if (given == n)
        return true;
    if (n == 0)
        vm_raise(vm, vm->exc_types.TypeError, "%s.%s() takes no arguments (%d given)",
                 type->name->data, name, given);
    else if (n == 1)
        vm_raise(vm, vm->exc_types.TypeError, "%s.%s() takes exactly one argument (%d given)",
                 type->name->data, name, given);
    else
        vm_raise(vm, vm->exc_types.TypeError, "%s.%s() takes exactly %d arguments (%d given)",
                 type->name->data, name, n, given);
    return false;
}

bool cont_method_range(VM *vm, TypeObj *type, const char *name, Value *args, int nargs,
                       TupleObj *kwnames, int min, int max) {
    if (!cont_check_self(vm, type, name, args, nargs) || !no_keywords(vm, type, name, kwnames))
        return false;
    int given = nargs - 1;
    if (given < min) {
        vm_raise(vm, vm->exc_types.TypeError, "%s expected at least %d argument%s, got %d", name,
                 min, min == 1 ? "" : "s", given);
        return false;
    }
    if (given > max) {
        vm_raise(vm, vm->exc_types.TypeError, "%s expected at most %d argument%s, got %d", name,
                 max, max == 1 ? "" : "s", given);
        return false;
    }
    return true;
}

bool cont_bound_arg(VM *vm, Value v, int64_t len, int64_t *out) {
    int r = cont_index(vm, v, out);
    if (r < 0)
        return false;
    if (r == 0) {
        vm_raise(vm, vm->exc_types.TypeError,
                 "slice indices must be integers or have an __index__ method");
        return false;
    }
    if (*out < 0) {
        *out += len;
        if (*out < 0)
            *out = 0;
    }
    return true;
}

/* The items and length of a list or tuple, read afresh (a list may change under us). */
static const Value *seq_items(VM *vm, Value v, size_t *n) {
    if (type_is_subtype(v.as.o->type, vm->types.tuple)) {
        *n = AS_TUPLE(v)->len;
        return AS_TUPLE(v)->items;
    }
    *n = AS_LIST(v)->len;
    return AS_LIST(v)->items;
}

Value cont_seq_compare_obj(VM *vm, Value a, Value b, CmpOp op) {
    size_t na, nb, i;
    const Value *ia = seq_items(vm, a, &na), *ib = seq_items(vm, b, &nb);
    if (na != nb && (op == CMP_EQ || op == CMP_NE))
        return VBOOL(op == CMP_NE);
    for (i = 0;; i++) {
        ia = seq_items(vm, a, &na);
        ib = seq_items(vm, b, &nb);
        if (i >= na || i >= nb)
            break;
        Value x = v_incref(ia[i]), y = v_incref(ib[i]);
        int eq = obj_eq(vm, x, y);
        if (eq != 1) {
            Value r = eq < 0         ? VNULL
                      : op == CMP_EQ ? VBOOL(false)
                      : op == CMP_NE ? VBOOL(true)
                                     : obj_richcompare(vm, x, y, op);
            v_decref(vm, x);
            v_decref(vm, y);
            return r;
        }
        v_decref(vm, x);
        v_decref(vm, y);
    }
    int64_t d = (int64_t)na - (int64_t)nb;
    static const bool lt[] = {1, 1, 0, 0, 0, 0}, eq[] = {0, 1, 1, 0, 0, 1},
                      gt[] = {0, 0, 0, 1, 1, 1};
    return VBOOL(d < 0 ? lt[op] : d == 0 ? eq[op] : gt[op]);
}

StrObj *cont_items_repr(VM *vm, const Value *items, size_t n, const char *open, const char *close,
                        bool one_comma) {
    StrBuf sb;
    sb_init(&sb);
    bool ok = sb_adds(vm, &sb, open);
    for (size_t i = 0; ok && i < n; i++) {
        if (i > 0)
            ok = sb_add(vm, &sb, ", ", 2);
        ok = ok && sb_add_repr(vm, &sb, items[i]);
    }
    if (ok && one_comma && n == 1)
        ok = sb_add(vm, &sb, ",", 1);
    if (!ok || !sb_adds(vm, &sb, close)) {
        sb_free(vm, &sb);
        return NULL;
    }
    return sb_finish(vm, &sb);
}

void cont_key_error(VM *vm, Value key) {
    Value exc = exc_new(vm, vm->exc_types.KeyError, &key, 1);
    if (IS_NULL(exc))
        return;
    vm_raise_value(vm, exc);
    v_decref(vm, exc);
}

Value cont_no_memory(VM *vm) {
    size_t limit = vm->bytes_limit;
    vm->bytes_limit = 0;
    Value exc = exc_new(vm, vm->exc_types.MemoryError, NULL, 0);
    if (!IS_NULL(exc)) {
        vm_raise_value(vm, exc);
        v_decref(vm, exc);
    }
    vm->bytes_limit = limit;
    return VNULL;
}

int cont_unhashable(VM *vm, Value self, int64_t *out) {
    (void)out;
    vm_raise(vm, vm->exc_types.TypeError, "unhashable type: '%s'", val_type_name(vm, self));
    return -1;
}

Value cont_self_iter(VM *vm, Value self) {
    (void)vm;
    return v_incref(self);
}

/* ---------------------------------------------------------------- result tuples */

TupleObj *cont_result_tuple(VM *vm, TupleObj **cache, size_t n) {
    TupleObj *t = *cache;
    if (t && t->hdr.refcnt == 1 && t->len == n) { /* nobody kept the last result: reuse */
        for (size_t i = 0; i < n; i++) {
            Value old = t->items[i];
            t->items[i] = VNONE;
            v_decref(vm, old);
        }
        t->hash = -1;
        obj_incref(&t->hdr);
        return t;
    }
    TupleObj *fresh = tuple_new(vm, n);
    if (!fresh)
        return NULL;
    obj_incref(&fresh->hdr); /* one reference for the cache, one for the caller */
    *cache = fresh;
    obj_xdecref(vm, t ? &t->hdr : NULL);
    return fresh;
}

/* ---------------------------------------------------------------- slot methods */

/* The built-in type whose slots serve `v` (an instance of a user subclass of list uses
 * list's), so that super().__getitem__(i) reaches the native slot, not the override. */
static TypeObj *native_type(VM *vm, Value v) {
    TypeObj *t = val_type(vm, v);
    while (t->base && (t->flags & TF_HEAPTYPE))
        t = t->base;
    return t;
}

/* Checks a slot method's arguments (self plus n) and that self's type has the slot. */
static bool slot_args(VM *vm, const char *name, Value *args, int nargs, TupleObj *kwnames, int n,
                      bool has_slot) {
    if (nargs < 1) {
        vm_raise(vm, vm->exc_types.TypeError, "descriptor '%s' needs an argument", name);
        return false;
    }
    if (!has_slot) {
        vm_raise(vm, vm->exc_types.TypeError, "descriptor '%s' doesn't apply to a '%s' object",
                 name, val_type_name(vm, args[0]));
        return false;
    }
    if ((kwnames && kwnames->len > 0) || nargs - 1 != n) {
        vm_raise(vm, vm->exc_types.TypeError, "expected %d argument%s, got %d", n,
                 n == 1 ? "" : "s", nargs - 1);
        return false;
    }
    return true;
}

static Value m_len(VM *vm, Value *args, int nargs, TupleObj *kw) {
    TypeObj *t = nargs ? native_type(vm, args[0]) : NULL;
    if (!slot_args(vm, "__len__", args, nargs, kw, 0, t && t->len))
        return VNULL;
    int64_t n = t->len(vm, args[0]);
    return n < 0 ? VNULL : VINT(n);
}

static Value m_getitem(VM *vm, Value *args, int nargs, TupleObj *kw) {
    TypeObj *t = nargs ? native_type(vm, args[0]) : NULL;
    if (!slot_args(vm, "__getitem__", args, nargs, kw, 1, t && t->getitem))
        return VNULL;
    return t->getitem(vm, args[0], args[1]);
}

static Value m_setitem(VM *vm, Value *args, int nargs, TupleObj *kw) {
    TypeObj *t = nargs ? native_type(vm, args[0]) : NULL;
    if (!slot_args(vm, "__setitem__", args, nargs, kw, 2, t && t->setitem))
        return VNULL;
    return t->setitem(vm, args[0], args[1], args[2]) < 0 ? VNULL : VNONE;
}

static Value m_delitem(VM *vm, Value *args, int nargs, TupleObj *kw) {
    TypeObj *t = nargs ? native_type(vm, args[0]) : NULL;
    if (!slot_args(vm, "__delitem__", args, nargs, kw, 1, t && t->setitem))
        return VNULL;
    return t->setitem(vm, args[0], args[1], VNULL) < 0 ? VNULL : VNONE;
}

static Value m_contains(VM *vm, Value *args, int nargs, TupleObj *kw) {
    TypeObj *t = nargs ? native_type(vm, args[0]) : NULL;
    if (!slot_args(vm, "__contains__", args, nargs, kw, 1, t && t->contains))
        return VNULL;
    int r = t->contains(vm, args[0], args[1]);
    return r < 0 ? VNULL : VBOOL(r);
}

static Value m_iter(VM *vm, Value *args, int nargs, TupleObj *kw) {
    TypeObj *t = nargs ? native_type(vm, args[0]) : NULL;
    if (!slot_args(vm, "__iter__", args, nargs, kw, 0, t && t->iter))
        return VNULL;
    return t->iter(vm, args[0]);
}

static Value m_next(VM *vm, Value *args, int nargs, TupleObj *kw) {
    TypeObj *t = nargs ? native_type(vm, args[0]) : NULL;
    if (!slot_args(vm, "__next__", args, nargs, kw, 0, t && t->next))
        return VNULL;
    Value out;
    int r = t->next(vm, args[0], &out);
    if (r > 0)
        return out;
    if (r == 0) { /* exhausted: StopIteration() */
        Value exc = exc_new(vm, vm->exc_types.StopIteration, NULL, 0);
        if (!IS_NULL(exc)) {
            vm_raise_value(vm, exc);
            v_decref(vm, exc);
        }
    }
    return VNULL;
}

static Value m_repr(VM *vm, Value *args, int nargs, TupleObj *kw) {
    TypeObj *t = nargs ? native_type(vm, args[0]) : NULL;
    if (!slot_args(vm, "__repr__", args, nargs, kw, 0, t && t->repr))
        return VNULL;
    StrObj *s = t->repr(vm, args[0]);
    return s ? VOBJ(s) : VNULL;
}

/* X.__new__(cls, ...) for the built-in base of cls (super().__new__(cls, items) in a
 * subclass of tuple or frozenset). */
static Value m_new(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (nargs < 1 || !val_isinstance(vm, args[0], vm->types.type))
        return vm_raise(vm, vm->exc_types.TypeError, "__new__(X): X is not a type object");
    TypeObj *cls = (TypeObj *)args[0].as.o, *native = cls;
    while (native->base && (native->flags & TF_HEAPTYPE))
        native = native->base;
    if (!native->tp_new)
        return vm_raise(vm, vm->exc_types.TypeError, "cannot create '%s' instances",
                        cls->name->data);
    return native->tp_new(vm, cls, args + 1, nargs - 1, kwnames);
}

bool cont_add_new(VM *vm, TypeObj *t) {
    return type_add_static(vm, t, "__new__", m_new);
}

bool cont_add_slot_methods(VM *vm, TypeObj *t) {
    const struct {
        const char *name;
        NativeFn fn;
        bool present;
    } wrappers[] = {
        {"__len__", m_len, t->len != NULL},
        {"__getitem__", m_getitem, t->getitem != NULL},
        {"__setitem__", m_setitem, t->setitem != NULL},
        {"__delitem__", m_delitem, t->setitem != NULL},
        {"__contains__", m_contains, t->contains != NULL},
        {"__iter__", m_iter, t->iter != NULL},
        {"__next__", m_next, t->next != NULL},
        {"__repr__", m_repr, t->repr != NULL},
    };
    for (size_t i = 0; i < sizeof wrappers / sizeof wrappers[0]; i++) {
        if (!wrappers[i].present)
            continue;
        StrObj *name = str_intern(vm, wrappers[i].name);
        bool exists = name && !IS_NULL(dict_get_str(t->dict, name));
        obj_xdecref(vm, name ? &name->hdr : NULL);
        if (!name || (!exists && !type_add_method(vm, t, wrappers[i].name, wrappers[i].fn)))
            return false;
    }
    return true;
}

/* ---------------------------------------------------------------- construction */

TupleObj *tuple_new(VM *vm, size_t len) {
    TupleObj *t =
        (TupleObj *)obj_alloc(vm, vm->types.tuple, sizeof(TupleObj) + len * sizeof(Value));
    if (!t)
        return NULL;
    t->hash = -1;
    t->len = len;
    for (size_t i = 0; i < len; i++)
        t->items[i] = VNONE;
    return t;
}

TupleObj *tuple_from(VM *vm, const Value *items, size_t len) {
    TupleObj *t = tuple_new(vm, len);
    if (!t)
        return NULL;
    for (size_t i = 0; i < len; i++)
        t->items[i] = v_incref(items[i]);
    return t;
}

TupleObj *tuple_pack(VM *vm, int n, ...) {
    TupleObj *t = tuple_new(vm, (size_t)n);
    if (!t)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        t->items[i] = v_incref(va_arg(ap, Value));
    va_end(ap);
    return t;
}

/* tuple(iterable): a tuple or list is copied directly, anything else iterated. */
static TupleObj *tuple_from_iterable(VM *vm, Value it) {
    if (IS_TUPLE(vm, it)) {
        obj_incref(it.as.o);
        return AS_TUPLE(it);
    }
    if (IS_LIST(vm, it))
        return tuple_from(vm, AS_LIST(it)->items, AS_LIST(it)->len);
    ListObj *l = list_from_iterable(vm, it);
    if (!l)
        return NULL;
    TupleObj *t = tuple_from(vm, l->items, l->len);
    obj_decref(vm, &l->hdr);
    return t;
}

static Value tuple_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    if (kwnames && kwnames->len > 0 && type == vm->types.tuple)
        return vm_raise(vm, vm->exc_types.TypeError, "tuple() takes no keyword arguments");
    if (nargs > 1)
        return vm_raise(vm, vm->exc_types.TypeError, "tuple expected at most 1 argument, got %d",
                        nargs);
    TupleObj *t = nargs == 0 ? tuple_new(vm, 0) : tuple_from_iterable(vm, args[0]);
    if (!t || type == vm->types.tuple)
        return t ? VOBJ(t) : VNULL;
    /* a subclass: copy the items into an instance of the subclass */
    size_t extra =
        type->instance_size > sizeof(TupleObj) ? type->instance_size - sizeof(TupleObj) : 0;
    TupleObj *sub =
        (TupleObj *)obj_alloc(vm, type, sizeof(TupleObj) + t->len * sizeof(Value) + extra);
    if (sub) {
        sub->hash = -1;
        sub->len = t->len;
        for (size_t i = 0; i < t->len; i++)
            sub->items[i] = v_incref(t->items[i]);
    }
    obj_decref(vm, &t->hdr);
    return sub ? VOBJ(sub) : VNULL;
}

/* ---------------------------------------------------------------- slots */

static void tuple_dealloc(VM *vm, Obj *o) {
    TupleObj *t = (TupleObj *)o;
    for (size_t i = t->len; i-- > 0;) /* last to first, as CPython's tupledealloc */
        v_decref(vm, t->items[i]);
}

static void tuple_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    TupleObj *t = (TupleObj *)o;
    for (size_t i = 0; i < t->len; i++)
        if (t->items[i].kind == V_OBJ)
            visit(vm, t->items[i], arg);
}

/* Tuples are immutable, but breaking a cycle must still drop their references. */
static void tuple_clear(VM *vm, Obj *o) {
    TupleObj *t = (TupleObj *)o;
    for (size_t i = 0; i < t->len; i++) {
        Value v = t->items[i];
        t->items[i] = VNONE;
        v_decref(vm, v);
    }
}

static StrObj *tuple_repr(VM *vm, Value self) {
    TupleObj *t = AS_TUPLE(self);
    if (t->len == 0)
        return str_from_cstr(vm, "()");
    int r = obj_repr_enter(vm, self.as.o);
    if (r != 0)
        return r > 0 ? str_from_cstr(vm, "(...)") : NULL;
    StrObj *s = cont_items_repr(vm, t->items, t->len, "(", ")", true);
    obj_repr_leave(vm, self.as.o);
    return s;
}

static int tuple_hash(VM *vm, Value self, int64_t *out) {
    TupleObj *t = AS_TUPLE(self);
    if (t->hash != -1) {
        *out = t->hash;
        return 0;
    }
    uint64_t acc = hash_tuple_init();
    for (size_t i = 0; i < t->len; i++) {
        int64_t h;
        if (obj_hash(vm, t->items[i], &h) < 0)
            return -1;
        acc = hash_tuple_step(acc, h);
    }
    t->hash = hash_tuple_finish(acc, t->len);
    *out = t->hash;
    return 0;
}

static Value tuple_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if (!val_isinstance(vm, a, vm->types.tuple) || !val_isinstance(vm, b, vm->types.tuple))
        return v_incref(vm->not_implemented);
    return cont_seq_compare_obj(vm, a, b, op);
}

static int64_t tuple_len(VM *vm, Value self) {
    (void)vm;
    return (int64_t)AS_TUPLE(self)->len;
}

static Value tuple_slice(VM *vm, TupleObj *t, SliceObj *s) {
    int64_t start, stop, step, n;
    if (!slice_indices(vm, s, (int64_t)t->len, &start, &stop, &step, &n))
        return VNULL;
    if (n == (int64_t)t->len && step == 1 && t->hdr.type == vm->types.tuple) {
        obj_incref(&t->hdr);
        return VOBJ(t);
    }
    TupleObj *r = tuple_new(vm, (size_t)n);
    if (!r)
        return VNULL;
    for (int64_t i = 0, j = start; i < n; i++, j += step)
        r->items[i] = v_incref(t->items[j]);
    return VOBJ(r);
}

static Value tuple_getitem(VM *vm, Value self, Value key) {
    TupleObj *t = AS_TUPLE(self);
    int64_t i;
    int r = cont_index(vm, key, &i);
    if (r > 0) {
        if (i < 0)
            i += (int64_t)t->len;
        if (i < 0 || i >= (int64_t)t->len)
            return vm_raise(vm, vm->exc_types.IndexError, "tuple index out of range");
        return v_incref(t->items[i]);
    }
    if (r < 0)
        return VNULL;
    if (cont_is_slice(vm, key))
        return tuple_slice(vm, t, (SliceObj *)key.as.o);
    return vm_raise(vm, vm->exc_types.TypeError, "tuple indices must be integers or slices, not %s",
                    val_type_name(vm, key));
}

static int tuple_contains(VM *vm, Value self, Value item) {
    TupleObj *t = AS_TUPLE(self);
    for (size_t i = 0; i < t->len; i++) {
        int eq = obj_eq(vm, t->items[i], item);
        if (eq != 0)
            return eq;
    }
    return 0;
}

static Value tuple_concat(VM *vm, TupleObj *a, TupleObj *b) {
    TupleObj *r = tuple_new(vm, a->len + b->len);
    if (!r)
        return VNULL;
    for (size_t i = 0; i < a->len; i++)
        r->items[i] = v_incref(a->items[i]);
    for (size_t i = 0; i < b->len; i++)
        r->items[a->len + i] = v_incref(b->items[i]);
    return VOBJ(r);
}

static Value tuple_repeat(VM *vm, TupleObj *t, int64_t n) {
    if (n <= 0 || t->len == 0)
        return VOBJ(tuple_new(vm, 0));
    if (n == 1 && t->hdr.type == vm->types.tuple) {
        obj_incref(&t->hdr);
        return VOBJ(t);
    }
    if ((uint64_t)n > (uint64_t)(INT64_MAX / 16) / t->len)
        return cont_no_memory(vm);
    TupleObj *r = tuple_new(vm, t->len * (size_t)n);
    if (!r)
        return VNULL;
    for (size_t i = 0; i < r->len; i++)
        r->items[i] = v_incref(t->items[i % t->len]);
    return VOBJ(r);
}

bool cont_has_reflected(VM *vm, Value other, const char *name) {
    TypeObj *ot = val_type(vm, other);
    if (!(ot->flags & TF_HEAPTYPE))
        return false;
    StrObj *rname = str_intern(vm, name);
    if (!rname) {
        vm_exc_clear(vm);
        return false;
    }
    bool has = !IS_NULL(type_lookup(ot, rname));
    obj_decref(vm, &rname->hdr);
    return has;
}

Value cont_repeat_error(VM *vm, Value other, bool other_right) {
    if (other_right && cont_has_reflected(vm, other, "__rmul__"))
        return v_incref(vm->not_implemented);
    return vm_raise(vm, vm->exc_types.TypeError, "can't multiply sequence by non-int of type '%s'",
                    val_type_name(vm, other));
}

static Value tuple_binop(VM *vm, BinOp op, Value a, Value b) {
    bool a_tup = val_isinstance(vm, a, vm->types.tuple);
    if (op == BINOP_ADD && a_tup) {
        if (val_isinstance(vm, b, vm->types.tuple))
            return tuple_concat(vm, AS_TUPLE(a), AS_TUPLE(b));
        if (cont_has_reflected(vm, b, "__radd__"))
            return v_incref(vm->not_implemented);
        return vm_raise(vm, vm->exc_types.TypeError,
                        "can only concatenate tuple (not \"%s\") to tuple", val_type_name(vm, b));
    }
    if (op == BINOP_MUL) {
        Value seq = a_tup ? a : b, other = a_tup ? b : a;
        int64_t n;
        int r = cont_index(vm, other, &n);
        if (r < 0)
            return VNULL;
        if (r == 0)
            return cont_repeat_error(vm, other, a_tup);
        return tuple_repeat(vm, AS_TUPLE(seq), n);
    }
    return v_incref(vm->not_implemented);
}

/* ---------------------------------------------------------------- methods */

static Value tuple_index_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_range(vm, vm->types.tuple, "index", args, nargs, kwnames, 1, 3))
        return VNULL;
    TupleObj *t = AS_TUPLE(args[0]);
    int64_t start = 0, stop = (int64_t)t->len;
    if (nargs > 2 && !cont_bound_arg(vm, args[2], (int64_t)t->len, &start))
        return VNULL;
    if (nargs > 3 && !cont_bound_arg(vm, args[3], (int64_t)t->len, &stop))
        return VNULL;
    for (int64_t i = start; i < stop && i < (int64_t)t->len; i++) {
        int eq = obj_eq(vm, t->items[i], args[1]);
        if (eq < 0)
            return VNULL;
        if (eq)
            return VINT(i);
    }
    return vm_raise(vm, vm->exc_types.ValueError, "tuple.index(x): x not in tuple");
}

static Value tuple_count_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, vm->types.tuple, "count", args, nargs, kwnames, 1))
        return VNULL;
    TupleObj *t = AS_TUPLE(args[0]);
    int64_t n = 0;
    for (size_t i = 0; i < t->len; i++) {
        int eq = obj_eq(vm, t->items[i], args[1]);
        if (eq < 0)
            return VNULL;
        n += eq;
    }
    return VINT(n);
}

/* ---------------------------------------------------------------- iterator */

static Value tuple_iter(VM *vm, Value self) {
    TupleIterObj *it = (TupleIterObj *)obj_alloc(vm, vm->types.tuple_iter, sizeof(TupleIterObj));
    if (!it)
        return VNULL;
    obj_incref(self.as.o);
    it->tuple = AS_TUPLE(self);
    return VOBJ(it);
}

static int tuple_iter_next(VM *vm, Value self, Value *out) {
    TupleIterObj *it = (TupleIterObj *)self.as.o;
    if (!it->tuple)
        return 0;
    if (it->index < it->tuple->len) {
        *out = v_incref(it->tuple->items[it->index++]);
        return 1;
    }
    TupleObj *t = it->tuple;
    it->tuple = NULL;
    obj_decref(vm, &t->hdr);
    return 0;
}

static void tuple_iter_dealloc(VM *vm, Obj *o) {
    TupleIterObj *it = (TupleIterObj *)o;
    TupleObj *t = it->tuple;
    it->tuple = NULL;
    if (t)
        obj_decref(vm, &t->hdr);
}

static void tuple_iter_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    TupleIterObj *it = (TupleIterObj *)o;
    if (it->tuple)
        visit(vm, VOBJ(it->tuple), arg);
}

/* ---------------------------------------------------------------- types */

bool tuple_types_init(VM *vm) {
    TypeObj *t = vm->types.tuple;
    t->instance_size = sizeof(TupleObj);
    t->flags |= TF_BASETYPE;
    t->dealloc = tuple_dealloc;
    t->traverse = tuple_traverse;
    t->clear = tuple_clear;
    t->repr = tuple_repr;
    t->hash = tuple_hash;
    t->richcompare = tuple_richcompare;
    t->binop = tuple_binop;
    t->len = tuple_len;
    t->getitem = tuple_getitem;
    t->contains = tuple_contains;
    t->iter = tuple_iter;
    t->tp_new = tuple_tp_new;
    if (!type_add_method(vm, t, "index", tuple_index_m) ||
        !type_add_method(vm, t, "count", tuple_count_m))
        return false;

    TypeObj *it = vm->types.tuple_iter;
    it->instance_size = sizeof(TupleIterObj);
    it->dealloc = tuple_iter_dealloc;
    it->traverse = tuple_iter_traverse;
    it->clear = tuple_iter_dealloc;
    it->iter = cont_self_iter;
    it->next = tuple_iter_next;
    return cont_add_new(vm, t) && cont_add_slot_methods(vm, t) && cont_add_slot_methods(vm, it);
}
