/*
 * abstract.c - the generic object protocol (object.h's obj_* functions): repr/str, hash,
 * truth, rich comparison and binary operators with CPython's reflected-operand and
 * NotImplemented rules, attribute and item access, containment, len, iteration, method
 * loading. Each function dispatches on the type's slots; number pairs take fast paths.
 *
 * Not for: what the slots of particular types do (typeobj.c, numobj.c, strobj.c and the
 * container files), nor calling (vm_call, vm.c).
 */
#include <string.h>

#include "objimpl.h"

static bool is_num(Value v) {
    return v.kind == V_INT || v.kind == V_FLOAT || v.kind == V_BOOL;
}

/* ---------------------------------------------------------------- repr, str, hash, truth */

/* Both count a level of native recursion like CPython's PyObject_Repr/PyObject_Str, so a
 * __repr__ that reprs itself, or a deeply nested list, raises RecursionError instead of
 * overflowing the C stack. */
StrObj *obj_repr(VM *vm, Value v) {
    TypeObj *t = val_type(vm, v);
    if (!t->repr)
        return str_printf(vm, "<%s object>", t->name->data);
    if (!vm_enter_recursion(vm, " while getting the repr of an object"))
        return NULL;
    StrObj *r = t->repr(vm, v);
    vm_leave_recursion(vm);
    return r;
}

StrObj *obj_str(VM *vm, Value v) {
    if (IS_STR(vm, v)) { /* CPython's PyObject_Str shortcut for an exact str */
        obj_incref(AS_OBJ(v));
        return AS_STR(v);
    }
    TypeObj *t = val_type(vm, v);
    if (!t->str)
        return obj_repr(vm, v);
    if (!vm_enter_recursion(vm, " while getting the str of an object"))
        return NULL;
    StrObj *r = t->str(vm, v);
    vm_leave_recursion(vm);
    return r;
}

int obj_hash(VM *vm, Value v, int64_t *out) {
    if (v.kind == V_INT || v.kind == V_BOOL) {
        *out = hash_int(v.as.i);
        return 0;
    }
    if (IS_STR(vm, v)) {
        *out = str_hash(AS_STR(v));
        return 0;
    }
    TypeObj *t = val_type(vm, v);
    if (!t->hash) {
        vm_raise(vm, vm->exc_types.TypeError, "unhashable type: '%s'", t->name->data);
        return -1;
    }
    /* CPython does not count hashing as recursion, but a tuple nested 10**6 deep must not
     * overflow the C stack: only the stack itself is checked */
    if (!vm_c_stack_ok(vm, " while hashing"))
        return -1;
    return t->hash(vm, v, out);
}

int obj_truthy(VM *vm, Value v) {
    switch (v.kind) {
    case V_NONE:
        return 0;
    case V_BOOL:
    case V_INT:
        return v.as.i != 0;
    case V_FLOAT:
        return v.as.f != 0.0;
    default:
        break;
    }
    TypeObj *t = v.as.o->type;
    if (t->truthy)
        return t->truthy(vm, v);
    if (t->len) {
        int64_t n = t->len(vm, v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ---------------------------------------------------------------- comparison */

static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const CmpOp cmp_swapped[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

static Value richcompare(VM *vm, Value a, Value b, CmpOp op);

/* Counts a level of native recursion like CPython's PyObject_RichCompare: comparing lists
 * nested 100000 deep raises RecursionError instead of overflowing the C stack. */
Value obj_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if (is_num(a) && is_num(b))
        return num_richcompare(vm, a, b, op);
    if (!vm_enter_recursion(vm, " in comparison"))
        return VNULL;
    Value r = richcompare(vm, a, b, op);
    vm_leave_recursion(vm);
    return r;
}

static Value richcompare(VM *vm, Value a, Value b, CmpOp op) {
    TypeObj *ta = val_type(vm, a), *tb = val_type(vm, b);
    bool reversed = false;
    Value r;
    /* a subclass's reflected method goes first, so it can override its base */
    if (ta != tb && tb->richcompare && type_is_subtype(tb, ta)) {
        reversed = true;
        r = tb->richcompare(vm, b, a, cmp_swapped[op]);
        if (!is_not_implemented(vm, r))
            return r;
        v_decref(vm, r);
    }
    if (ta->richcompare) {
        r = ta->richcompare(vm, a, b, op);
        if (!is_not_implemented(vm, r))
            return r;
        v_decref(vm, r);
    }
    if (!reversed && tb->richcompare) {
        r = tb->richcompare(vm, b, a, cmp_swapped[op]);
        if (!is_not_implemented(vm, r))
            return r;
        v_decref(vm, r);
    }
    if (op == CMP_EQ || op == CMP_NE)
        return VBOOL(val_is(a, b) == (op == CMP_EQ));
    return vm_raise(vm, vm->exc_types.TypeError,
                    "'%s' not supported between instances of '%s' and '%s'", cmp_symbols[op],
                    ta->name->data, tb->name->data);
}

/* CPython's PyObject_RichCompareBool: identity first, so `[x] == [x]` holds even when x is
 * a NaN. Floats are inline Values here, not objects: two floats with the same bits count as
 * the same object. (So `nan in [float("nan")]` is True, where CPython, having two objects,
 * says False; the common case of one NaN variable stored and compared matches.) */
int obj_eq(VM *vm, Value a, Value b) {
    if (a.kind == V_FLOAT && b.kind == V_FLOAT && memcmp(&a.as.f, &b.as.f, sizeof(double)) == 0)
        return 1;
    if (a.kind == V_OBJ && b.kind == V_OBJ) {
        if (a.as.o == b.as.o)
            return 1;
        if (IS_STR(vm, a) && IS_STR(vm, b))
            return str_eq(AS_STR(a), AS_STR(b));
    } else if ((a.kind == V_INT || a.kind == V_BOOL) && (b.kind == V_INT || b.kind == V_BOOL)) {
        return a.as.i == b.as.i;
    }
    Value r = obj_richcompare(vm, a, b, CMP_EQ);
    if (IS_NULL(r))
        return -1;
    if (r.kind == V_BOOL)
        return (int)r.as.i;
    int t = obj_truthy(vm, r);
    v_decref(vm, r);
    return t;
}

/* ---------------------------------------------------------------- binary operators */

static const char *const binop_symbols[] = {
#define X(e, sym, d, rd, id) sym,
    LS_BINOPS(X)
#undef X
};

/* CPython's message for an operator neither operand supports. */
static Value binop_error(VM *vm, BinOp op, Value a, Value b, bool inplace) {
    TypeObj *ta = val_type(vm, a), *tb = val_type(vm, b);
    TypeObj *seqs[] = {vm->types.str, vm->types.list, vm->types.tuple};
    for (int i = 0; i < 3 && !inplace; i++) {
        if (op == BINOP_ADD && type_is_subtype(ta, seqs[i]))
            return vm_raise(vm, vm->exc_types.TypeError,
                            "can only concatenate %s (not \"%s\") to %s", seqs[i]->name->data,
                            tb->name->data, seqs[i]->name->data);
        if (op == BINOP_MUL && (type_is_subtype(ta, seqs[i]) || type_is_subtype(tb, seqs[i])))
            return vm_raise(vm, vm->exc_types.TypeError,
                            "can't multiply sequence by non-int of type '%s'",
                            (type_is_subtype(ta, seqs[i]) ? tb : ta)->name->data);
    }
    const char *sym = op == BINOP_POW && !inplace ? "** or pow()" : binop_symbols[op];
    return vm_raise(vm, vm->exc_types.TypeError,
                    "unsupported operand type(s) for %s%s: '%s' and '%s'", sym, inplace ? "=" : "",
                    ta->name->data, tb->name->data);
}

/* CPython's binary_op1: returns NotImplemented when neither side handles the operator. */
static Value binop1(VM *vm, BinOp op, Value a, Value b) {
    TypeObj *ta = val_type(vm, a), *tb = val_type(vm, b);
    Value (*slotv)(VM *, BinOp, Value, Value) = ta->binop;
    Value (*slotw)(VM *, BinOp, Value, Value) = tb != ta ? tb->binop : NULL;
    if (slotw == slotv)
        slotw = NULL;
    Value x;
    if (slotv) {
        if (slotw && type_is_subtype(tb, ta)) {
            x = slotw(vm, op, a, b);
            if (!is_not_implemented(vm, x))
                return x;
            v_decref(vm, x);
            slotw = NULL;
        }
        x = slotv(vm, op, a, b);
        if (!is_not_implemented(vm, x))
            return x;
        v_decref(vm, x);
    }
    if (slotw)
        return slotw(vm, op, a, b);
    return v_incref(vm->not_implemented);
}

Value obj_binop(VM *vm, BinOp op, Value a, Value b) {
    Value x = is_num(a) && is_num(b) ? num_binop(vm, op, a, b) : binop1(vm, op, a, b);
    if (!is_not_implemented(vm, x))
        return x;
    v_decref(vm, x);
    return binop_error(vm, op, a, b, false);
}

Value obj_inplace_binop(VM *vm, BinOp op, Value a, Value b) {
    if (is_num(a) && is_num(b)) {
        Value x = num_binop(vm, op, a, b);
        if (!is_not_implemented(vm, x))
            return x;
        v_decref(vm, x);
        return binop_error(vm, op, a, b, true);
    }
    TypeObj *ta = val_type(vm, a);
    if (ta->inplace) {
        Value x = ta->inplace(vm, op, a, b);
        if (!is_not_implemented(vm, x))
            return x;
        v_decref(vm, x);
    }
    Value x = binop1(vm, op, a, b);
    if (!is_not_implemented(vm, x))
        return x;
    v_decref(vm, x);
    return binop_error(vm, op, a, b, true);
}

Value obj_unop(VM *vm, UnOp op, Value a) {
    if (op == UNOP_NOT) {
        int t = obj_truthy(vm, a);
        return t < 0 ? VNULL : VBOOL(!t);
    }
    TypeObj *t = val_type(vm, a);
    if (t->unop) {
        Value x = t->unop(vm, op, a);
        if (!is_not_implemented(vm, x))
            return x;
        v_decref(vm, x);
    }
    static const char *const syms[] = {"-", "+", "~"};
    return vm_raise(vm, vm->exc_types.TypeError, "bad operand type for unary %s: '%s'", syms[op],
                    t->name->data);
}

/* ---------------------------------------------------------------- attributes */

Value type_lookup(TypeObj *type, StrObj *name) {
    if (type->mro) {
        for (size_t i = 0; i < type->mro->len; i++) {
            TypeObj *t = (TypeObj *)type->mro->items[i].as.o;
            Value v = t->dict ? dict_get_str(t->dict, name) : VNULL;
            if (!IS_NULL(v))
                return v;
        }
        return VNULL;
    }
    for (TypeObj *t = type; t; t = t->base) { /* not ready yet */
        Value v = t->dict ? dict_get_str(t->dict, name) : VNULL;
        if (!IS_NULL(v))
            return v;
    }
    return VNULL;
}

Value obj_getattr(VM *vm, Value o, StrObj *name) {
    TypeObj *t = val_type(vm, o);
    if (!t->getattr)
        return vm_raise(vm, vm->exc_types.AttributeError, "'%s' object has no attribute '%s'",
                        t->name->data, name->data);
    return t->getattr(vm, o, name);
}

Value obj_getattr_cstr(VM *vm, Value o, const char *name) {
    StrObj *n = str_intern(vm, name);
    if (!n)
        return VNULL;
    Value v = obj_getattr(vm, o, n);
    obj_decref(vm, &n->hdr);
    return v;
}

Value obj_getattr_opt(VM *vm, Value o, StrObj *name) {
    Value v = obj_getattr(vm, o, name);
    if (IS_NULL(v) && vm_exc_matches(vm, vm->exc_types.AttributeError))
        vm_exc_clear(vm);
    return v;
}

int obj_setattr(VM *vm, Value o, StrObj *name, Value v) {
    TypeObj *t = val_type(vm, o);
    if (!t->setattr) {
        vm_raise(vm, vm->exc_types.AttributeError, "'%s' object has no attribute '%s'",
                 t->name->data, name->data);
        return -1;
    }
    return t->setattr(vm, o, name, v);
}

/* The instance dict of an object, when its type gives it one. */
static DictObj *instance_dict(Value o) {
    if (o.kind != V_OBJ || !(o.as.o->type->flags & TF_HAS_DICT))
        return NULL;
    return ((InstanceObj *)o.as.o)->dict;
}

int obj_load_method(VM *vm, Value o, StrObj *name, Value *func) {
    TypeObj *t = val_type(vm, o);
    Value descr = t->getattr == vm->types.object->getattr || (t->flags & TF_HEAPTYPE)
                      ? type_lookup(t, name)
                      : VNULL;
    if (!IS_NULL(descr) && is_method_descr(vm, descr)) {
        DictObj *d = instance_dict(o);
        Value own = d ? dict_get_str(d, name) : VNULL;
        if (IS_NULL(own)) {
            *func = v_incref(descr);
            return 1;
        }
    }
    *func = obj_getattr(vm, o, name);
    return IS_NULL(*func) ? -1 : 0;
}

/* ---------------------------------------------------------------- items */

Value obj_getitem(VM *vm, Value o, Value key) {
    TypeObj *t = val_type(vm, o);
    if (t->getitem)
        return t->getitem(vm, o, key);
    if (t == vm->types.type)
        return vm_raise(vm, vm->exc_types.TypeError, "type '%s' is not subscriptable",
                        ((TypeObj *)o.as.o)->name->data);
    return vm_raise(vm, vm->exc_types.TypeError, "'%s' object is not subscriptable", t->name->data);
}

int obj_setitem(VM *vm, Value o, Value key, Value v) {
    TypeObj *t = val_type(vm, o);
    if (t->setitem)
        return t->setitem(vm, o, key, v);
    if (IS_NULL(v))
        vm_raise(vm, vm->exc_types.TypeError, "'%s' object doesn't support item deletion",
                 t->name->data);
    else
        vm_raise(vm, vm->exc_types.TypeError, "'%s' object does not support item assignment",
                 t->name->data);
    return -1;
}

int64_t obj_len(VM *vm, Value o) {
    TypeObj *t = val_type(vm, o);
    if (t->len)
        return t->len(vm, o);
    vm_raise(vm, vm->exc_types.TypeError, "object of type '%s' has no len()", t->name->data);
    return -1;
}

int obj_contains(VM *vm, Value container, Value item) {
    TypeObj *t = val_type(vm, container);
    if (t->contains)
        return t->contains(vm, container, item);
    if (!t->iter && !t->getitem) {
        vm_raise(vm, vm->exc_types.TypeError, "argument of type '%s' is not iterable",
                 t->name->data);
        return -1;
    }
    Value it = obj_iter(vm, container), x;
    if (IS_NULL(it))
        return -1;
    int r, found = 0;
    while (!found && (r = obj_next(vm, it, &x)) == 1) {
        found = obj_eq(vm, x, item);
        v_decref(vm, x);
    }
    v_decref(vm, it);
    return found ? found : r;
}

/* ---------------------------------------------------------------- iteration */

/* The iterator over an object that only has __getitem__: items 0, 1, ... until IndexError. */
typedef struct {
    Obj hdr;
    Value seq; /* V_NULL once exhausted */
    int64_t index;
} SeqIterObj;

static Value seq_iter_new(VM *vm, Value seq) {
    SeqIterObj *it = (SeqIterObj *)obj_alloc(vm, vm->types.seq_iter, sizeof(SeqIterObj));
    if (!it)
        return VNULL;
    it->seq = v_incref(seq);
    return VOBJ(it);
}

static int seq_iter_next(VM *vm, Value self, Value *out) {
    SeqIterObj *it = (SeqIterObj *)self.as.o;
    if (IS_NULL(it->seq))
        return 0;
    Value x = obj_getitem(vm, it->seq, VINT(it->index));
    if (IS_NULL(x)) {
        if (!vm_exc_matches(vm, vm->exc_types.IndexError) &&
            !vm_exc_matches(vm, vm->exc_types.StopIteration))
            return -1;
        vm_exc_clear(vm);
        v_decref(vm, it->seq);
        it->seq = VNULL;
        return 0;
    }
    it->index++;
    *out = x;
    return 1;
}

static void seq_iter_dealloc(VM *vm, Obj *o) {
    v_decref(vm, ((SeqIterObj *)o)->seq);
}

static void seq_iter_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    visit(vm, ((SeqIterObj *)o)->seq, arg);
}

static void seq_iter_clear(VM *vm, Obj *o) {
    SeqIterObj *it = (SeqIterObj *)o;
    Value seq = it->seq;
    it->seq = VNULL;
    v_decref(vm, seq);
}

static Value seq_iter_self(VM *vm, Value self) {
    (void)vm;
    return v_incref(self);
}

/* Fills in the seq_iter type (called from core_types_init). */
void seq_iter_type_init(VM *vm) {
    TypeObj *t = vm->types.seq_iter;
    t->instance_size = sizeof(SeqIterObj);
    t->dealloc = seq_iter_dealloc;
    t->traverse = seq_iter_traverse;
    t->clear = seq_iter_clear;
    t->iter = seq_iter_self;
    t->next = seq_iter_next;
}

Value obj_iter(VM *vm, Value o) {
    TypeObj *t = val_type(vm, o);
    if (t->iter) {
        Value it = t->iter(vm, o);
        if (IS_NULL(it) || val_type(vm, it)->next)
            return it;
        vm_raise(vm, vm->exc_types.TypeError, "iter() returned non-iterator of type '%s'",
                 val_type_name(vm, it));
        v_decref(vm, it);
        return VNULL;
    }
    if (t->getitem && t != vm->types.type)
        return seq_iter_new(vm, o);
    return vm_raise(vm, vm->exc_types.TypeError, "'%s' object is not iterable", t->name->data);
}

/* A next slot may end with -1 and StopIteration(value) pending (a generator returning a
 * value): for every caller that only iterates, that is plain exhaustion. next() calls the
 * slot itself to keep the value. Each item counts as a step of the budget. */
int obj_next(VM *vm, Value it, Value *out) {
    TypeObj *t = val_type(vm, it);
    if (!vm_count_step(vm))
        return -1;
    if (t->next) {
        int r = t->next(vm, it, out);
        if (r < 0 && vm_exc_matches(vm, vm->exc_types.StopIteration)) {
            vm_exc_clear(vm);
            return 0;
        }
        return r;
    }
    vm_raise(vm, vm->exc_types.TypeError, "'%s' object is not an iterator", t->name->data);
    return -1;
}
