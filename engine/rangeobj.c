/*
 * rangeobj.c - range, its iterator, and slice objects with CPython's index arithmetic
 * (PySlice_Unpack + PySlice_AdjustIndices) that every sequence's slicing goes through.
 *
 * A range stores start, step and its precomputed length; ints are 64-bit here, so the
 * length is computed in unsigned arithmetic and item arithmetic never leaves the range's
 * own bounds. Iterating a range yields inline ints: no allocation per step.
 *
 * Not for: the `for` loop's fast path over ranges, if the VM adds one (it may read
 * RangeObj-like fields only through the iterator protocol).
 */
#include <string.h>

#include "containers.h"

typedef struct {
    Obj hdr;
    int64_t start, stop, step;
    int64_t len;
} RangeObj;

typedef struct {
    Obj hdr;
    int64_t next, step;
    int64_t remaining;
} RangeIterObj;

#define AS_RANGE(v) ((RangeObj *)(v).as.o)

/* ---------------------------------------------------------------- slices */

Value slice_new(VM *vm, Value start, Value stop, Value step) {
    SliceObj *s = (SliceObj *)obj_alloc(vm, vm->types.slice, sizeof(SliceObj));
    if (!s)
        return VNULL;
    s->start = v_incref(start);
    s->stop = v_incref(stop);
    s->step = v_incref(step);
    return VOBJ(s);
}

/* One slice bound: None gives `dflt`; otherwise an integer (via __index__). */
static bool slice_bound(VM *vm, Value v, int64_t dflt, int64_t *out) {
    if (IS_NONE(v)) {
        *out = dflt;
        return true;
    }
    int r = cont_index(vm, v, out);
    if (r == 0)
        vm_raise(vm, vm->exc_types.TypeError,
                 "slice indices must be integers or None or have an __index__ method");
    return r > 0;
}

/* CPython's PySlice_Unpack: step first, then the bounds with step-dependent defaults. */
static bool slice_unpack(VM *vm, SliceObj *s, int64_t *start, int64_t *stop, int64_t *step) {
    if (!slice_bound(vm, s->step, 1, step))
        return false;
    if (*step == 0) {
        vm_raise(vm, vm->exc_types.ValueError, "slice step cannot be zero");
        return false;
    }
    if (*step < -INT64_MAX) /* so that -step cannot overflow */
        *step = -INT64_MAX;
    return slice_bound(vm, s->start, *step < 0 ? INT64_MAX : 0, start) &&
           slice_bound(vm, s->stop, *step < 0 ? INT64_MIN : INT64_MAX, stop);
}

/* Clamps one bound into the sequence (CPython's PySlice_AdjustIndices). */
static int64_t adjust_bound(int64_t i, int64_t len, int64_t step) {
    if (i < 0) {
        i += len;
        if (i < 0)
            i = step < 0 ? -1 : 0;
    } else if (i >= len) {
        i = step < 0 ? len - 1 : len;
    }
    return i;
}

bool slice_indices(VM *vm, SliceObj *s, int64_t len, int64_t *start, int64_t *stop, int64_t *step,
                   int64_t *count) {
    if (!slice_unpack(vm, s, start, stop, step))
        return false;
    *start = adjust_bound(*start, len, *step);
    *stop = adjust_bound(*stop, len, *step);
    if (*step < 0)
        *count = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
    else
        *count = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
    return true;
}

static void slice_dealloc(VM *vm, Obj *o) {
    SliceObj *s = (SliceObj *)o;
    Value a = s->start, b = s->stop, c = s->step;
    s->start = s->stop = s->step = VNONE;
    v_decref(vm, a);
    v_decref(vm, b);
    v_decref(vm, c);
}

static void slice_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    SliceObj *s = (SliceObj *)o;
    Value parts[3] = {s->start, s->stop, s->step};
    for (int i = 0; i < 3; i++)
        if (parts[i].kind == V_OBJ)
            visit(vm, parts[i], arg);
}

static StrObj *slice_repr(VM *vm, Value self) {
    SliceObj *s = (SliceObj *)self.as.o;
    StrBuf sb;
    sb_init(&sb);
    bool ok = sb_adds(vm, &sb, "slice(") && sb_add_repr(vm, &sb, s->start) &&
              sb_adds(vm, &sb, ", ") && sb_add_repr(vm, &sb, s->stop) && sb_adds(vm, &sb, ", ") &&
              sb_add_repr(vm, &sb, s->step) && sb_adds(vm, &sb, ")");
    if (!ok) {
        sb_free(vm, &sb);
        return NULL;
    }
    return sb_finish(vm, &sb);
}

/* Slices compare like the tuples (start, stop, step). */
static Value slice_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if (!is_exact(vm, a, vm->types.slice) || !is_exact(vm, b, vm->types.slice))
        return v_incref(vm->not_implemented);
    SliceObj *x = (SliceObj *)a.as.o, *y = (SliceObj *)b.as.o;
    TupleObj *tx = tuple_pack(vm, 3, x->start, x->stop, x->step);
    TupleObj *ty = tx ? tuple_pack(vm, 3, y->start, y->stop, y->step) : NULL;
    Value r = ty ? obj_richcompare(vm, VOBJ(tx), VOBJ(ty), op) : VNULL;
    obj_xdecref(vm, tx ? &tx->hdr : NULL);
    obj_xdecref(vm, ty ? &ty->hdr : NULL);
    return r;
}

static Value slice_getattr(VM *vm, Value self, StrObj *name) {
    SliceObj *s = (SliceObj *)self.as.o;
    if (str_eq_cstr(name, "start"))
        return v_incref(s->start);
    if (str_eq_cstr(name, "stop"))
        return v_incref(s->stop);
    if (str_eq_cstr(name, "step"))
        return v_incref(s->step);
    return generic_getattr(vm, self, name);
}

static Value slice_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    (void)type;
    if (kwnames && kwnames->len > 0)
        return vm_raise(vm, vm->exc_types.TypeError, "slice() takes no keyword arguments");
    if (nargs < 1)
        return vm_raise(vm, vm->exc_types.TypeError, "slice expected at least 1 argument, got 0");
    if (nargs > 3)
        return vm_raise(vm, vm->exc_types.TypeError, "slice expected at most 3 arguments, got %d",
                        nargs);
    if (nargs == 1)
        return slice_new(vm, VNONE, args[0], VNONE);
    return slice_new(vm, args[0], args[1], nargs == 3 ? args[2] : VNONE);
}

/* slice.indices(length) -> (start, stop, step). */
static Value slice_indices_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, vm->types.slice, "indices", args, nargs, kwnames, 1))
        return VNULL;
    int64_t len, start, stop, step, n;
    int r = cont_index(vm, args[1], &len);
    if (r <= 0)
        return r < 0 ? VNULL
                     : vm_raise(vm, vm->exc_types.TypeError,
                                "'%s' object cannot be interpreted as an integer",
                                val_type_name(vm, args[1]));
    if (len < 0)
        return vm_raise(vm, vm->exc_types.ValueError, "length should not be negative");
    if (!slice_indices(vm, (SliceObj *)args[0].as.o, len, &start, &stop, &step, &n))
        return VNULL;
    TupleObj *t = tuple_pack(vm, 3, VINT(start), VINT(stop), VINT(step));
    return t ? VOBJ(t) : VNULL;
}

/* ---------------------------------------------------------------- range */

/* Number of items of range(start, stop, step), or -1 when it does not fit in int64. */
static int64_t range_length(int64_t start, int64_t stop, int64_t step) {
    uint64_t n;
    if (step > 0 && start < stop)
        n = ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1;
    else if (step < 0 && start > stop)
        n = ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1;
    else
        return 0;
    return n > (uint64_t)INT64_MAX ? -1 : (int64_t)n;
}

static Value range_make(VM *vm, int64_t start, int64_t stop, int64_t step) {
    int64_t len = range_length(start, stop, step);
    if (len < 0)
        return vm_raise(vm, vm->exc_types.OverflowError,
                        "Python int too large to convert to C ssize_t");
    RangeObj *r = (RangeObj *)obj_alloc(vm, vm->types.range, sizeof(RangeObj));
    if (!r)
        return VNULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = len;
    return VOBJ(r);
}

/* One argument of range(): an int or an object with __index__. */
static bool range_arg(VM *vm, Value v, int64_t *out) {
    int r = cont_index(vm, v, out);
    if (r == 0)
        vm_raise(vm, vm->exc_types.TypeError, "'%s' object cannot be interpreted as an integer",
                 val_type_name(vm, v));
    return r > 0;
}

static Value range_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    (void)type;
    if (kwnames && kwnames->len > 0)
        return vm_raise(vm, vm->exc_types.TypeError, "range() takes no keyword arguments");
    if (nargs < 1)
        return vm_raise(vm, vm->exc_types.TypeError, "range expected at least 1 argument, got 0");
    if (nargs > 3)
        return vm_raise(vm, vm->exc_types.TypeError, "range expected at most 3 arguments, got %d",
                        nargs);
    int64_t start = 0, stop, step = 1;
    if (nargs == 1) {
        if (!range_arg(vm, args[0], &stop))
            return VNULL;
    } else if (!range_arg(vm, args[0], &start) || !range_arg(vm, args[1], &stop) ||
               (nargs == 3 && !range_arg(vm, args[2], &step))) {
        return VNULL;
    }
    if (step == 0)
        return vm_raise(vm, vm->exc_types.ValueError, "range() arg 3 must not be zero");
    return range_make(vm, start, stop, step);
}

/* The i-th item (0 <= i < len): stays within [start, stop), so no overflow. */
static int64_t range_item(RangeObj *r, int64_t i) {
    return (int64_t)((uint64_t)r->start + (uint64_t)i * (uint64_t)r->step);
}

static StrObj *range_repr(VM *vm, Value self) {
    RangeObj *r = AS_RANGE(self);
    if (r->step == 1)
        return str_printf(vm, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    return str_printf(vm, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                      (long long)r->step);
}

/* CPython hashes a range as the tuple (len, start, step), with None for the parts that do
 * not matter (empty: both; one item: the step). */
static int range_hash(VM *vm, Value self, int64_t *out) {
    RangeObj *r = AS_RANGE(self);
    uint64_t acc = hash_tuple_init();
    int64_t none_hash;
    if (obj_hash(vm, VNONE, &none_hash) < 0)
        return -1;
    acc = hash_tuple_step(acc, hash_int(r->len));
    acc = hash_tuple_step(acc, r->len == 0 ? none_hash : hash_int(r->start));
    acc = hash_tuple_step(acc, r->len <= 1 ? none_hash : hash_int(r->step));
    *out = hash_tuple_finish(acc, 3);
    return 0;
}

/* Ranges are equal when they produce the same sequence. */
static Value range_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if (!is_exact(vm, a, vm->types.range) || !is_exact(vm, b, vm->types.range) ||
        (op != CMP_EQ && op != CMP_NE))
        return v_incref(vm->not_implemented);
    RangeObj *x = AS_RANGE(a), *y = AS_RANGE(b);
    bool eq = x->len == y->len &&
              (x->len == 0 || (x->start == y->start && (x->len == 1 || x->step == y->step)));
    return VBOOL(eq == (op == CMP_EQ));
}

static int range_truthy(VM *vm, Value self) {
    (void)vm;
    return AS_RANGE(self)->len > 0;
}

static int64_t range_len(VM *vm, Value self) {
    (void)vm;
    return AS_RANGE(self)->len;
}

/* range(...)[a:b:c] is a range: CPython's compute_slice. */
static Value range_slice(VM *vm, RangeObj *r, SliceObj *s) {
    int64_t start, stop, step, n;
    if (!slice_indices(vm, s, r->len, &start, &stop, &step, &n))
        return VNULL;
    int64_t nstep, nstart, nstop, off;
    if (__builtin_mul_overflow(r->step, step, &nstep) ||
        __builtin_mul_overflow(start, r->step, &off) ||
        __builtin_add_overflow(r->start, off, &nstart) ||
        __builtin_mul_overflow(stop, r->step, &off) ||
        __builtin_add_overflow(r->start, off, &nstop))
        return int_overflow(vm);
    return range_make(vm, nstart, nstop, nstep);
}

static Value range_getitem(VM *vm, Value self, Value key) {
    RangeObj *r = AS_RANGE(self);
    int64_t i;
    int ok = cont_index(vm, key, &i);
    if (ok > 0) {
        if (i < 0)
            i += r->len;
        if (i < 0 || i >= r->len)
            return vm_raise(vm, vm->exc_types.IndexError, "range object index out of range");
        return VINT(range_item(r, i));
    }
    if (ok < 0)
        return VNULL;
    if (cont_is_slice(vm, key))
        return range_slice(vm, r, (SliceObj *)key.as.o);
    return vm_raise(vm, vm->exc_types.TypeError, "range indices must be integers or slices, not %s",
                    val_type_name(vm, key));
}

/* Position of the int v in r, or -1. */
static int64_t range_find_int(RangeObj *r, int64_t v) {
    if (r->len == 0)
        return -1;
    int64_t last = range_item(r, r->len - 1);
    int64_t lo = r->step > 0 ? r->start : last, hi = r->step > 0 ? last : r->start;
    if (v < lo || v > hi)
        return -1;
    uint64_t off =
        r->step > 0 ? (uint64_t)v - (uint64_t)r->start : (uint64_t)r->start - (uint64_t)v;
    uint64_t astep = r->step > 0 ? (uint64_t)r->step : 0 - (uint64_t)r->step;
    return off % astep == 0 ? (int64_t)(off / astep) : -1;
}

/* Generic search (floats, objects with __eq__): compare with every item. */
static int64_t range_find_slow(VM *vm, RangeObj *r, Value v, int64_t *count) {
    int64_t found = -1;
    *count = 0;
    for (int64_t i = 0; i < r->len; i++) {
        int eq = obj_eq(vm, VINT(range_item(r, i)), v);
        if (eq < 0)
            return -2;
        if (eq && found < 0)
            found = i;
        *count += eq;
    }
    return found;
}

static bool is_int_like(Value v) {
    return v.kind == V_INT || v.kind == V_BOOL;
}

static int range_contains(VM *vm, Value self, Value item) {
    RangeObj *r = AS_RANGE(self);
    if (is_int_like(item))
        return range_find_int(r, item.as.i) >= 0;
    int64_t count;
    int64_t i = range_find_slow(vm, r, item, &count);
    return i == -2 ? -1 : i >= 0;
}

static Value range_getattr(VM *vm, Value self, StrObj *name) {
    RangeObj *r = AS_RANGE(self);
    if (str_eq_cstr(name, "start"))
        return VINT(r->start);
    if (str_eq_cstr(name, "stop"))
        return VINT(r->stop);
    if (str_eq_cstr(name, "step"))
        return VINT(r->step);
    return generic_getattr(vm, self, name);
}

static Value range_index_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, vm->types.range, "index", args, nargs, kwnames, 1))
        return VNULL;
    RangeObj *r = AS_RANGE(args[0]);
    int64_t count, i;
    if (is_int_like(args[1]))
        i = range_find_int(r, args[1].as.i);
    else if ((i = range_find_slow(vm, r, args[1], &count)) == -2)
        return VNULL;
    if (i >= 0)
        return VINT(i);
    StrObj *s = obj_repr(vm, args[1]);
    if (!s)
        return VNULL;
    vm_raise(vm, vm->exc_types.ValueError, "%s is not in range", s->data);
    obj_decref(vm, &s->hdr);
    return VNULL;
}

static Value range_count_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, vm->types.range, "count", args, nargs, kwnames, 1))
        return VNULL;
    RangeObj *r = AS_RANGE(args[0]);
    if (is_int_like(args[1]))
        return VINT(range_find_int(r, args[1].as.i) >= 0);
    int64_t count;
    if (range_find_slow(vm, r, args[1], &count) == -2)
        return VNULL;
    return VINT(count);
}

/* ---------------------------------------------------------------- iterator */

static Value range_iter_make(VM *vm, int64_t first, int64_t step, int64_t len) {
    RangeIterObj *it = (RangeIterObj *)obj_alloc(vm, vm->types.range_iter, sizeof(RangeIterObj));
    if (!it)
        return VNULL;
    it->next = first;
    it->step = step;
    it->remaining = len;
    return VOBJ(it);
}

static Value range_iter(VM *vm, Value self) {
    RangeObj *r = AS_RANGE(self);
    return range_iter_make(vm, r->start, r->step, r->len);
}

static int range_iter_next(VM *vm, Value self, Value *out) {
    (void)vm;
    RangeIterObj *it = (RangeIterObj *)self.as.o;
    if (it->remaining <= 0)
        return 0;
    *out = VINT(it->next);
    if (--it->remaining > 0) /* the step past the last item could overflow */
        it->next = (int64_t)((uint64_t)it->next + (uint64_t)it->step);
    return 1;
}

/* reversed(range): the same items from the last one down. */
static Value range_reversed_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, vm->types.range, "__reversed__", args, nargs, kwnames, 0))
        return VNULL;
    RangeObj *r = AS_RANGE(args[0]);
    if (r->len == 0)
        return range_iter_make(vm, 0, 1, 0);
    return range_iter_make(vm, range_item(r, r->len - 1), (int64_t)(0 - (uint64_t)r->step), r->len);
}

/* ---------------------------------------------------------------- types */

bool range_types_init(VM *vm) {
    TypeObj *t = vm->types.range;
    t->instance_size = sizeof(RangeObj);
    t->repr = range_repr;
    t->hash = range_hash;
    t->richcompare = range_richcompare;
    t->truthy = range_truthy;
    t->len = range_len;
    t->getitem = range_getitem;
    t->contains = range_contains;
    t->getattr = range_getattr;
    t->iter = range_iter;
    t->tp_new = range_tp_new;
    if (!type_add_method(vm, t, "index", range_index_m) ||
        !type_add_method(vm, t, "count", range_count_m) ||
        !type_add_method(vm, t, "__reversed__", range_reversed_m))
        return false;

    TypeObj *it = vm->types.range_iter;
    it->instance_size = sizeof(RangeIterObj);
    it->iter = cont_self_iter;
    it->next = range_iter_next;

    TypeObj *s = vm->types.slice;
    s->instance_size = sizeof(SliceObj);
    s->dealloc = slice_dealloc;
    s->traverse = slice_traverse;
    s->clear = slice_dealloc;
    s->repr = slice_repr;
    s->hash = cont_unhashable;
    s->richcompare = slice_richcompare;
    s->getattr = slice_getattr;
    s->tp_new = slice_tp_new;
    return type_add_method(vm, s, "indices", slice_indices_m) && cont_add_slot_methods(vm, t) &&
           cont_add_slot_methods(vm, it) && cont_add_slot_methods(vm, s);
}
