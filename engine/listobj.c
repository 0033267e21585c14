/*
 * listobj.c - the list type, its iterator and list.sort.
 *
 * A list is a growable array of Values, over-allocated like CPython's (about 1/8 extra) so
 * that append is amortised O(1). Every operation that may run Python code while it holds
 * the array (comparisons, reprs, key functions) re-reads l->items afterwards, because that
 * code may have grown, shrunk or cleared the list.
 *
 * sort is a stable merge sort (binary insertion sort on short runs, then pairwise merges
 * that are skipped when the two runs are already in order), with CPython's key= and
 * reverse= semantics and fast comparisons when all keys are ints, floats, strs or tuples.
 *
 * Not for: list displays and comprehensions (the compiler emits list_append calls).
 */
#include <string.h>

#include "containers.h"

/* Iterator over a list; it reads the list's current length at each step, as CPython's.
 * The reverse iterator (reversed(list)) counts index down instead. */
typedef struct {
    Obj hdr;
    ListObj *list; /* NULL when exhausted */
    size_t index;  /* next item; for the reverse iterator, one past it */
} ListIterObj;

#define LIST_MIN_CAP 4

/* ---------------------------------------------------------------- storage */

/* Makes room for at least `need` items; CPython's over-allocation pattern. */
static bool list_reserve(VM *vm, ListObj *l, size_t need) {
    if (need <= l->cap)
        return true;
    size_t cap = (need + (need >> 3) + 6) & ~(size_t)3;
    if (cap > SIZE_MAX / sizeof(Value)) {
        cont_no_memory(vm);
        return false;
    }
    Value *items = ls_realloc(vm, l->items, l->cap * sizeof(Value), cap * sizeof(Value));
    if (!items) {
        cont_no_memory(vm);
        return false;
    }
    l->items = items;
    l->cap = cap;
    return true;
}

/* Shrinks the buffer when a list lost most of its items. */
static void list_maybe_shrink(VM *vm, ListObj *l) {
    if (l->cap <= 16 || l->len >= l->cap / 4)
        return;
    size_t cap = l->len + (l->len >> 3) + 6;
    Value *items = ls_realloc(vm, l->items, l->cap * sizeof(Value), cap * sizeof(Value));
    if (items) {
        l->items = items;
        l->cap = cap;
    }
}

static ListObj *list_alloc(VM *vm, TypeObj *type, size_t cap) {
    size_t size = type->instance_size > sizeof(ListObj) ? type->instance_size : sizeof(ListObj);
    ListObj *l = (ListObj *)obj_alloc(vm, type, size);
    if (!l)
        return NULL;
    if (cap > 0) {
        l->items = ls_alloc(vm, cap * sizeof(Value));
        if (!l->items) {
            obj_decref(vm, &l->hdr);
            cont_no_memory(vm);
            return NULL;
        }
        l->cap = cap;
    }
    return l;
}

ListObj *list_new(VM *vm, size_t cap) {
    return list_alloc(vm, vm->types.list, cap);
}

bool list_append(VM *vm, ListObj *l, Value v) {
    if (l->len == l->cap && !list_reserve(vm, l, l->len + 1))
        return false;
    l->items[l->len++] = v_incref(v);
    return true;
}

/* Appends items[0..n) (borrowed); `items` may point into l itself. */
static bool list_append_array(VM *vm, ListObj *l, const Value *items, size_t n) {
    if (n == 0)
        return true;
    bool self = items == l->items;
    if (!list_reserve(vm, l, l->len + n))
        return false;
    if (self)
        items = l->items;
    for (size_t i = 0; i < n; i++)
        l->items[l->len + i] = v_incref(items[i]);
    l->len += n;
    return true;
}

bool list_extend(VM *vm, ListObj *l, Value iterable) {
    if (IS_LIST(vm, iterable) || IS_TUPLE(vm, iterable)) {
        size_t n = IS_LIST(vm, iterable) ? AS_LIST(iterable)->len : AS_TUPLE(iterable)->len;
        const Value *src =
            IS_LIST(vm, iterable) ? AS_LIST(iterable)->items : AS_TUPLE(iterable)->items;
        return list_append_array(vm, l, src, n);
    }
    Value it = obj_iter(vm, iterable);
    if (IS_NULL(it))
        return false;
    Value item;
    int r;
    while ((r = obj_next(vm, it, &item)) > 0) {
        bool ok = list_append(vm, l, item);
        v_decref(vm, item);
        if (!ok) {
            r = -1;
            break;
        }
    }
    v_decref(vm, it);
    return r == 0;
}

ListObj *list_from_iterable(VM *vm, Value iterable) {
    ListObj *l = list_new(vm, 0);
    if (l && !list_extend(vm, l, iterable)) {
        obj_decref(vm, &l->hdr);
        return NULL;
    }
    return l;
}

/* Empties l, releasing its items after the list is already consistent (a dying item's
 * __del__ may look at the list). */
static void list_clear_items(VM *vm, ListObj *l) {
    Value *items = l->items;
    size_t n = l->len, cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    /* last to first, like CPython's _list_clear: destruction order is observable (__del__-like
     * messages such as "Task was destroyed but it is pending!") */
    for (size_t i = n; i-- > 0;)
        v_decref(vm, items[i]);
    ls_free(vm, items, cap * sizeof(Value));
}

/* ---------------------------------------------------------------- slices */

/* Normalises a negative index against len; false when out of range. */
static bool list_norm_index(int64_t *i, size_t len) {
    if (*i < 0)
        *i += (int64_t)len;
    return *i >= 0 && *i < (int64_t)len;
}

static Value list_get_slice(VM *vm, ListObj *l, SliceObj *s) {
    int64_t start, stop, step, n;
    if (!slice_indices(vm, s, (int64_t)l->len, &start, &stop, &step, &n))
        return VNULL;
    ListObj *r = list_new(vm, (size_t)n);
    if (!r)
        return VNULL;
    if (step == 1) {
        list_append_array(vm, r, l->items + start, (size_t)n);
        return VOBJ(r);
    }
    for (int64_t i = 0, j = start; i < n; i++, j += step)
        r->items[i] = v_incref(l->items[j]);
    r->len = (size_t)n;
    return VOBJ(r);
}

/* The items of an assigned value as a new list (CPython's PySequence_Fast). */
static ListObj *assigned_items(VM *vm, Value v) {
    TypeObj *t = val_type(vm, v);
    if (!t->iter && IS_NULL(type_lookup(t, vm->names.__getitem__))) {
        vm_raise(vm, vm->exc_types.TypeError, "can only assign an iterable");
        return NULL;
    }
    return list_from_iterable(vm, v);
}

/* l[lo:hi] = items (or delete when items is NULL), CPython's list_ass_slice. */
static bool list_replace(VM *vm, ListObj *l, int64_t lo, int64_t hi, ListObj *items) {
    size_t n = items ? items->len : 0;
    if (lo < 0)
        lo = 0;
    else if (lo > (int64_t)l->len)
        lo = (int64_t)l->len;
    if (hi < lo)
        hi = lo;
    else if (hi > (int64_t)l->len)
        hi = (int64_t)l->len;
    size_t norig = (size_t)(hi - lo);
    Value *old = NULL;
    if (norig > 0) {
        old = ls_alloc(vm, norig * sizeof(Value));
        if (!old) {
            cont_no_memory(vm);
            return false;
        }
        memcpy(old, l->items + lo, norig * sizeof(Value));
    }
    if (n > norig && !list_reserve(vm, l, l->len + (n - norig))) {
        ls_free(vm, old, norig * sizeof(Value));
        return false;
    }
    memmove(l->items + lo + n, l->items + hi, (l->len - (size_t)hi) * sizeof(Value));
    l->len = l->len - norig + n;
    for (size_t i = 0; i < n; i++)
        l->items[lo + (int64_t)i] = v_incref(items->items[i]);
    for (size_t i = 0; i < norig; i++)
        v_decref(vm, old[i]);
    ls_free(vm, old, norig * sizeof(Value));
    list_maybe_shrink(vm, l);
    return true;
}

/* del l[start::step] for step != 1: compacts the survivors in one pass. */
static void list_del_extended(VM *vm, ListObj *l, int64_t start, int64_t step, int64_t n) {
    if (step < 0) { /* walk the same items upwards */
        start += (n - 1) * step;
        step = -step;
    }
    int64_t end = start + (n - 1) * step;
    Value *gone = ls_alloc(vm, (size_t)n * sizeof(Value));
    size_t w = (size_t)start, g = 0;
    for (size_t r = (size_t)start; r < l->len; r++) {
        int64_t ri = (int64_t)r;
        if (ri <= end && (ri - start) % step == 0) {
            if (gone)
                gone[g++] = l->items[r];
            else
                v_decref(vm, l->items[r]); /* no memory for deferral: release now */
        } else {
            l->items[w++] = l->items[r];
        }
    }
    l->len = w;
    for (size_t i = 0; i < g; i++)
        v_decref(vm, gone[i]);
    ls_free(vm, gone, (size_t)n * sizeof(Value));
    list_maybe_shrink(vm, l);
}

static bool list_set_extended(VM *vm, ListObj *l, int64_t start, int64_t step, int64_t n,
                              ListObj *items) {
    if ((int64_t)items->len != n) {
        vm_raise(vm, vm->exc_types.ValueError,
                 "attempt to assign sequence of size %zu to extended slice of size %lld",
                 items->len, (long long)n);
        return false;
    }
    for (int64_t i = 0, j = start; i < n; i++, j += step) {
        Value old = l->items[j];
        l->items[j] = v_incref(items->items[i]);
        v_decref(vm, old);
    }
    return true;
}

/* l[slice] = v, or del l[slice] when v is V_NULL. */
static int list_set_slice(VM *vm, ListObj *l, SliceObj *s, Value v) {
    int64_t start, stop, step, n;
    if (!slice_indices(vm, s, (int64_t)l->len, &start, &stop, &step, &n))
        return -1;
    ListObj *items = NULL;
    if (!IS_NULL(v) && !(items = assigned_items(vm, v)))
        return -1;
    bool ok = true;
    if (step == 1)
        ok = list_replace(vm, l, start, stop, items);
    else if (!items)
        list_del_extended(vm, l, start, step, n);
    else
        ok = list_set_extended(vm, l, start, step, n, items);
    if (items)
        obj_decref(vm, &items->hdr);
    return ok ? 0 : -1;
}

/* ---------------------------------------------------------------- slots */

static void list_dealloc(VM *vm, Obj *o) {
    list_clear_items(vm, (ListObj *)o);
}

static void list_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    ListObj *l = (ListObj *)o;
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i].kind == V_OBJ)
            visit(vm, l->items[i], arg);
}

static StrObj *list_repr(VM *vm, Value self) {
    ListObj *l = AS_LIST(self);
    if (l->len == 0)
        return str_from_cstr(vm, "[]");
    int r = obj_repr_enter(vm, self.as.o);
    if (r != 0)
        return r > 0 ? str_from_cstr(vm, "[...]") : NULL;
    StrBuf sb;
    sb_init(&sb);
    bool ok = sb_add(vm, &sb, "[", 1);
    for (size_t i = 0; ok && i < l->len; i++) { /* an item's repr may change the list */
        Value item = v_incref(l->items[i]);
        ok = (i == 0 || sb_add(vm, &sb, ", ", 2)) && sb_add_repr(vm, &sb, item);
        v_decref(vm, item);
    }
    obj_repr_leave(vm, self.as.o);
    if (!ok || !sb_add(vm, &sb, "]", 1)) {
        sb_free(vm, &sb);
        return NULL;
    }
    return sb_finish(vm, &sb);
}

static Value list_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if (!val_isinstance(vm, a, vm->types.list) || !val_isinstance(vm, b, vm->types.list))
        return v_incref(vm->not_implemented);
    return cont_seq_compare_obj(vm, a, b, op);
}

static Value list_repeat(VM *vm, ListObj *l, int64_t n) {
    if (n <= 0 || l->len == 0)
        return VOBJ(list_new(vm, 0));
    if ((uint64_t)n > (uint64_t)(SIZE_MAX / sizeof(Value)) / l->len)
        return cont_no_memory(vm);
    size_t total = l->len * (size_t)n;
    ListObj *r = list_new(vm, total);
    if (!r)
        return VNULL;
    for (size_t i = 0; i < total; i++)
        r->items[i] = v_incref(l->items[i % l->len]);
    r->len = total;
    return VOBJ(r);
}

static Value list_binop(VM *vm, BinOp op, Value a, Value b) {
    bool a_list = val_isinstance(vm, a, vm->types.list);
    if (op == BINOP_ADD && a_list) {
        if (!val_isinstance(vm, b, vm->types.list)) {
            if (cont_has_reflected(vm, b, "__radd__"))
                return v_incref(vm->not_implemented);
            return vm_raise(vm, vm->exc_types.TypeError,
                            "can only concatenate list (not \"%s\") to list", val_type_name(vm, b));
        }
        ListObj *r = list_new(vm, AS_LIST(a)->len + AS_LIST(b)->len);
        if (!r)
            return VNULL;
        list_append_array(vm, r, AS_LIST(a)->items, AS_LIST(a)->len);
        list_append_array(vm, r, AS_LIST(b)->items, AS_LIST(b)->len);
        return VOBJ(r);
    }
    if (op == BINOP_MUL) {
        Value seq = a_list ? a : b, other = a_list ? b : a;
        int64_t n;
        int r = cont_index(vm, other, &n);
        if (r <= 0)
            return r < 0 ? VNULL : cont_repeat_error(vm, other, a_list);
        return list_repeat(vm, AS_LIST(seq), n);
    }
    return v_incref(vm->not_implemented);
}

/* l *= n in place. */
static bool list_irepeat(VM *vm, ListObj *l, int64_t n) {
    if (n <= 0 || l->len == 0) {
        list_clear_items(vm, l);
        return true;
    }
    size_t len = l->len;
    if ((uint64_t)n > (uint64_t)(SIZE_MAX / sizeof(Value)) / len) {
        cont_no_memory(vm);
        return false;
    }
    if (!list_reserve(vm, l, len * (size_t)n))
        return false;
    for (size_t i = len; i < len * (size_t)n; i++)
        l->items[i] = v_incref(l->items[i % len]);
    l->len = len * (size_t)n;
    return true;
}

static Value list_inplace(VM *vm, BinOp op, Value a, Value b) {
    if (!val_isinstance(vm, a, vm->types.list))
        return v_incref(vm->not_implemented);
    if (op == BINOP_ADD) {
        if (!list_extend(vm, AS_LIST(a), b))
            return VNULL;
        return v_incref(a);
    }
    if (op == BINOP_MUL) {
        int64_t n;
        int r = cont_index(vm, b, &n);
        if (r <= 0)
            return r < 0 ? VNULL : cont_repeat_error(vm, b, true);
        return list_irepeat(vm, AS_LIST(a), n) ? v_incref(a) : VNULL;
    }
    return v_incref(vm->not_implemented);
}

static int list_truthy(VM *vm, Value self) {
    (void)vm;
    return AS_LIST(self)->len > 0;
}

static int64_t list_len(VM *vm, Value self) {
    (void)vm;
    return (int64_t)AS_LIST(self)->len;
}

static Value list_getitem(VM *vm, Value self, Value key) {
    ListObj *l = AS_LIST(self);
    int64_t i;
    int r = cont_index(vm, key, &i);
    if (r > 0) {
        if (!list_norm_index(&i, l->len))
            return vm_raise(vm, vm->exc_types.IndexError, "list index out of range");
        return v_incref(l->items[i]);
    }
    if (r < 0)
        return VNULL;
    if (cont_is_slice(vm, key))
        return list_get_slice(vm, l, (SliceObj *)key.as.o);
    return vm_raise(vm, vm->exc_types.TypeError, "list indices must be integers or slices, not %s",
                    val_type_name(vm, key));
}

/* del l[i]: shifts the tail down. */
static void list_del_index(VM *vm, ListObj *l, int64_t i) {
    Value old = l->items[i];
    memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(Value));
    l->len--;
    v_decref(vm, old);
    list_maybe_shrink(vm, l);
}

static int list_setitem(VM *vm, Value self, Value key, Value v) {
    ListObj *l = AS_LIST(self);
    int64_t i;
    int r = cont_index(vm, key, &i);
    if (r > 0) {
        if (!list_norm_index(&i, l->len)) {
            vm_raise(vm, vm->exc_types.IndexError, "list assignment index out of range");
            return -1;
        }
        if (IS_NULL(v)) {
            list_del_index(vm, l, i);
            return 0;
        }
        Value old = l->items[i];
        l->items[i] = v_incref(v);
        v_decref(vm, old);
        return 0;
    }
    if (r < 0)
        return -1;
    if (cont_is_slice(vm, key))
        return list_set_slice(vm, l, (SliceObj *)key.as.o, v);
    vm_raise(vm, vm->exc_types.TypeError, "list indices must be integers or slices, not %s",
             val_type_name(vm, key));
    return -1;
}

/* Index of the first item equal to x in [start, stop), -1 when absent, -2 on error. */
static int64_t list_find(VM *vm, ListObj *l, Value x, int64_t start, int64_t stop) {
    for (int64_t i = start; i < stop && i < (int64_t)l->len; i++) {
        Value item = v_incref(l->items[i]);
        int eq = obj_eq(vm, item, x);
        v_decref(vm, item);
        if (eq != 0)
            return eq > 0 ? i : -2;
    }
    return -1;
}

static int list_contains(VM *vm, Value self, Value item) {
    int64_t i = list_find(vm, AS_LIST(self), item, 0, INT64_MAX);
    return i >= 0 ? 1 : i == -1 ? 0 : -1;
}

static Value list_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames; /* list.__init__ fills it */
    ListObj *l = list_alloc(vm, type, 0);
    return l ? VOBJ(l) : VNULL;
}

/* ---------------------------------------------------------------- methods */

#define LIST vm->types.list

static Value list_init_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_check_self(vm, LIST, "__init__", args, nargs))
        return VNULL;
    if (kwnames && kwnames->len > 0)
        return vm_raise(vm, vm->exc_types.TypeError, "list() takes no keyword arguments");
    if (nargs > 2)
        return vm_raise(vm, vm->exc_types.TypeError, "list expected at most 1 argument, got %d",
                        nargs - 1);
    ListObj *l = AS_LIST(args[0]);
    if (l->len)
        list_clear_items(vm, l);
    if (nargs == 2 && !list_extend(vm, l, args[1]))
        return VNULL;
    return VNONE;
}

static Value list_append_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, LIST, "append", args, nargs, kwnames, 1))
        return VNULL;
    return list_append(vm, AS_LIST(args[0]), args[1]) ? VNONE : VNULL;
}

static Value list_extend_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, LIST, "extend", args, nargs, kwnames, 1))
        return VNULL;
    return list_extend(vm, AS_LIST(args[0]), args[1]) ? VNONE : VNULL;
}

static Value list_insert_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, LIST, "insert", args, nargs, kwnames, 2))
        return VNULL;
    ListObj *l = AS_LIST(args[0]);
    int64_t i;
    int r = cont_index(vm, args[1], &i);
    if (r <= 0)
        return r < 0 ? VNULL
                     : vm_raise(vm, vm->exc_types.TypeError,
                                "'%s' object cannot be interpreted as an integer",
                                val_type_name(vm, args[1]));
    if (i < 0 && (i += (int64_t)l->len) < 0)
        i = 0;
    if (i > (int64_t)l->len)
        i = (int64_t)l->len;
    if (!list_reserve(vm, l, l->len + 1))
        return VNULL;
    memmove(l->items + i + 1, l->items + i, (l->len - (size_t)i) * sizeof(Value));
    l->items[i] = v_incref(args[2]);
    l->len++;
    return VNONE;
}

static Value list_pop_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_range(vm, LIST, "pop", args, nargs, kwnames, 0, 1))
        return VNULL;
    ListObj *l = AS_LIST(args[0]);
    int64_t i = -1;
    if (nargs == 2) {
        int r = cont_index(vm, args[1], &i);
        if (r <= 0)
            return r < 0 ? VNULL
                         : vm_raise(vm, vm->exc_types.TypeError,
                                    "'%s' object cannot be interpreted as an integer",
                                    val_type_name(vm, args[1]));
    }
    if (l->len == 0)
        return vm_raise(vm, vm->exc_types.IndexError, "pop from empty list");
    if (!list_norm_index(&i, l->len))
        return vm_raise(vm, vm->exc_types.IndexError, "pop index out of range");
    Value v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(Value));
    l->len--;
    list_maybe_shrink(vm, l);
    return v; /* the list's reference becomes the caller's */
}

static Value list_remove_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, LIST, "remove", args, nargs, kwnames, 1))
        return VNULL;
    ListObj *l = AS_LIST(args[0]);
    int64_t i = list_find(vm, l, args[1], 0, INT64_MAX);
    if (i == -2)
        return VNULL;
    if (i == -1)
        return vm_raise(vm, vm->exc_types.ValueError, "list.remove(x): x not in list");
    list_del_index(vm, l, i);
    return VNONE;
}

static Value list_index_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_range(vm, LIST, "index", args, nargs, kwnames, 1, 3))
        return VNULL;
    ListObj *l = AS_LIST(args[0]);
    int64_t start = 0, stop = INT64_MAX;
    if (nargs > 2 && !cont_bound_arg(vm, args[2], (int64_t)l->len, &start))
        return VNULL;
    if (nargs > 3 && !cont_bound_arg(vm, args[3], (int64_t)l->len, &stop))
        return VNULL;
    int64_t i = list_find(vm, l, args[1], start, stop);
    if (i >= 0)
        return VINT(i);
    if (i == -2)
        return VNULL;
    StrObj *r = obj_repr(vm, args[1]);
    if (!r)
        return VNULL;
    vm_raise(vm, vm->exc_types.ValueError, "%s is not in list", r->data);
    obj_decref(vm, &r->hdr);
    return VNULL;
}

static Value list_count_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, LIST, "count", args, nargs, kwnames, 1))
        return VNULL;
    ListObj *l = AS_LIST(args[0]);
    int64_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        Value item = v_incref(l->items[i]);
        int eq = obj_eq(vm, item, args[1]);
        v_decref(vm, item);
        if (eq < 0)
            return VNULL;
        n += eq;
    }
    return VINT(n);
}

static void reverse_values(Value *a, size_t n) {
    for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
        Value t = a[i];
        a[i] = a[j - 1];
        a[j - 1] = t;
    }
}

static Value list_reverse_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, LIST, "reverse", args, nargs, kwnames, 0))
        return VNULL;
    reverse_values(AS_LIST(args[0])->items, AS_LIST(args[0])->len);
    return VNONE;
}

static Value list_copy_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, LIST, "copy", args, nargs, kwnames, 0))
        return VNULL;
    ListObj *l = AS_LIST(args[0]);
    ListObj *r = list_new(vm, l->len);
    if (!r)
        return VNULL;
    list_append_array(vm, r, l->items, l->len);
    return VOBJ(r);
}

static Value list_clear_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, LIST, "clear", args, nargs, kwnames, 0))
        return VNULL;
    list_clear_items(vm, AS_LIST(args[0]));
    return VNONE;
}

/* ---------------------------------------------------------------- sort */

enum { SORT_GENERIC, SORT_INT, SORT_FLOAT, SORT_STR, SORT_TUPLE };

/* The state of one sort: keys[i] sorts vals[i] (vals NULL when the keys are the items). */
typedef struct {
    VM *vm;
    int kind;    /* SORT_*: all keys share an exact type that has a fast comparison */
    bool failed; /* a comparison raised: finish without comparing, then report */
    Value *keys, *vals;
    Value *tmp_keys, *tmp_vals; /* merge buffers for the left run */
} Sorter;

static bool generic_lt(Sorter *s, Value a, Value b) {
    Value r = obj_richcompare(s->vm, a, b, CMP_LT);
    if (IS_NULL(r)) {
        s->failed = true;
        return false;
    }
    if (r.kind == V_BOOL)
        return r.as.i != 0;
    int t = obj_truthy(s->vm, r);
    v_decref(s->vm, r);
    if (t < 0)
        s->failed = true;
    return t > 0;
}

static bool str_lt(StrObj *a, StrObj *b) {
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->data, b->data, n); /* UTF-8 byte order is code point order */
    return c < 0 || (c == 0 && a->len < b->len);
}

/* Tuples: the first non-equal item decides; ints compared inline (CPython does the same
 * with its unsafe_tuple_compare). */
static bool tuple_lt(Sorter *s, TupleObj *a, TupleObj *b) {
    size_t n = a->len < b->len ? a->len : b->len;
    for (size_t i = 0; i < n; i++) {
        Value x = a->items[i], y = b->items[i];
        if (x.kind == V_INT && y.kind == V_INT) {
            if (x.as.i != y.as.i)
                return x.as.i < y.as.i;
            continue;
        }
        int eq = obj_eq(s->vm, x, y);
        if (eq < 0) {
            s->failed = true;
            return false;
        }
        if (!eq)
            return generic_lt(s, x, y);
    }
    return a->len < b->len;
}

static inline bool sort_lt(Sorter *s, Value a, Value b) {
    if (s->failed)
        return false;
    switch (s->kind) {
    case SORT_INT:
        return a.as.i < b.as.i;
    case SORT_FLOAT:
        return a.as.f < b.as.f;
    case SORT_STR:
        return str_lt(AS_STR(a), AS_STR(b));
    case SORT_TUPLE:
        return tuple_lt(s, AS_TUPLE(a), AS_TUPLE(b));
    default:
        return generic_lt(s, a, b);
    }
}

/* Chooses a fast comparison when every key has the same simple exact type. */
static int sort_kind(VM *vm, const Value *keys, size_t n) {
    if (n == 0)
        return SORT_GENERIC;
    Value k0 = keys[0];
    int kind = k0.kind == V_INT     ? SORT_INT
               : k0.kind == V_FLOAT ? SORT_FLOAT
               : IS_STR(vm, k0)     ? SORT_STR
               : IS_TUPLE(vm, k0)   ? SORT_TUPLE
                                    : SORT_GENERIC;
    for (size_t i = 1; i < n && kind != SORT_GENERIC; i++) {
        Value k = keys[i];
        if (k.kind != k0.kind || (k.kind == V_OBJ && k.as.o->type != k0.as.o->type))
            kind = SORT_GENERIC;
    }
    return kind;
}

static void sort_move(Sorter *s, size_t to, size_t from) {
    s->keys[to] = s->keys[from];
    if (s->vals)
        s->vals[to] = s->vals[from];
}

/* Binary insertion sort of [lo, hi), stable; checks the already-in-place case first. */
static void insertion_sort(Sorter *s, size_t lo, size_t hi) {
    for (size_t i = lo + 1; i < hi; i++) {
        Value key = s->keys[i];
        if (!sort_lt(s, key, s->keys[i - 1]))
            continue;
        size_t l = lo, r = i - 1; /* insert before the first item greater than key */
        while (l < r) {
            size_t m = l + (r - l) / 2;
            if (sort_lt(s, key, s->keys[m]))
                r = m;
            else
                l = m + 1;
        }
        Value val = s->vals ? s->vals[i] : VNULL;
        for (size_t j = i; j > l; j--)
            sort_move(s, j, j - 1);
        s->keys[l] = key;
        if (s->vals)
            s->vals[l] = val;
    }
}

/* Merges the sorted runs [lo, mid) and [mid, hi); the left run goes to the buffers. */
static void merge_runs(Sorter *s, size_t lo, size_t mid, size_t hi) {
    if (!sort_lt(s, s->keys[mid], s->keys[mid - 1]))
        return; /* already in order */
    size_t nl = mid - lo, i = 0, j = mid, k = lo;
    memcpy(s->tmp_keys, s->keys + lo, nl * sizeof(Value));
    if (s->vals)
        memcpy(s->tmp_vals, s->vals + lo, nl * sizeof(Value));
    while (i < nl && j < hi) {
        bool take_right = sort_lt(s, s->keys[j], s->tmp_keys[i]);
        if (take_right) {
            sort_move(s, k++, j++);
        } else {
            s->keys[k] = s->tmp_keys[i];
            if (s->vals)
                s->vals[k] = s->tmp_vals[i];
            k++, i++;
        }
    }
    memcpy(s->keys + k, s->tmp_keys + i, (nl - i) * sizeof(Value));
    if (s->vals)
        memcpy(s->vals + k, s->tmp_vals + i, (nl - i) * sizeof(Value));
}

#define SORT_RUN 32

static bool merge_sort(Sorter *s, size_t n) {
    for (size_t lo = 0; lo < n; lo += SORT_RUN)
        insertion_sort(s, lo, lo + SORT_RUN < n ? lo + SORT_RUN : n);
    if (n <= SORT_RUN)
        return true;
    size_t half = n; /* the left run of the last merge may be most of the array */
    s->tmp_keys = ls_alloc(s->vm, half * sizeof(Value));
    s->tmp_vals = s->vals ? ls_alloc(s->vm, half * sizeof(Value)) : NULL;
    if (!s->tmp_keys || (s->vals && !s->tmp_vals)) {
        ls_free(s->vm, s->tmp_keys, half * sizeof(Value));
        ls_free(s->vm, s->tmp_vals, half * sizeof(Value));
        cont_no_memory(s->vm);
        return false;
    }
    for (size_t width = SORT_RUN; width < n; width *= 2)
        for (size_t lo = 0; lo + width < n; lo += 2 * width)
            merge_runs(s, lo, lo + width, lo + 2 * width < n ? lo + 2 * width : n);
    ls_free(s->vm, s->tmp_keys, half * sizeof(Value));
    ls_free(s->vm, s->tmp_vals, half * sizeof(Value));
    return true;
}

/* Calls key(item) for every item, in order; NULL (error raised) when one fails. */
static Value *sort_keys(VM *vm, Value key, const Value *items, size_t n) {
    Value *keys = ls_alloc(vm, (n ? n : 1) * sizeof(Value));
    if (!keys) {
        cont_no_memory(vm);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        keys[i] = vm_call1(vm, key, items[i]);
        if (IS_NULL(keys[i])) {
            for (size_t j = 0; j < i; j++)
                v_decref(vm, keys[j]);
            ls_free(vm, keys, n * sizeof(Value));
            return NULL;
        }
    }
    return keys;
}

/* Sorts the detached array items[0..n); false with an exception raised on error, in
 * which case items is still a permutation of its input. */
static bool sort_array(VM *vm, Value *items, size_t n, Value key, bool reverse) {
    Sorter s = {.vm = vm, .keys = items};
    bool keyed = !IS_NULL(key) && !IS_NONE(key);
    if (keyed) {
        if (!(s.keys = sort_keys(vm, key, items, n)))
            return false;
        s.vals = items;
    }
    /* reverse stability: reverse, sort stably, reverse back (equal keys keep their order) */
    if (reverse) {
        reverse_values(s.keys, n);
        if (keyed)
            reverse_values(items, n);
    }
    s.kind = sort_kind(vm, s.keys, n);
    bool ok = merge_sort(&s, n) && !s.failed;
    if (reverse) {
        reverse_values(s.keys, n);
        if (keyed)
            reverse_values(items, n);
    }
    if (keyed) {
        for (size_t i = 0; i < n; i++)
            v_decref(vm, s.keys[i]);
        ls_free(vm, s.keys, n * sizeof(Value));
    }
    return ok;
}

int list_sort(VM *vm, ListObj *l, Value key, bool reverse) {
    /* The list looks empty while sorting, as in CPython: Python code run by comparisons
     * or the key function cannot disturb the array being sorted. */
    Value *items = l->items;
    size_t n = l->len, cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    bool ok = sort_array(vm, items, n, key, reverse);
    bool modified = l->items != NULL || l->len != 0;
    if (modified)
        list_clear_items(vm, l);
    l->items = items;
    l->len = n;
    l->cap = cap;
    if (ok && modified)
        vm_raise(vm, vm->exc_types.ValueError, "list modified during sort");
    return ok && !modified ? 0 : -1;
}

/* Parses sort()'s keyword-only arguments key= and reverse=. */
static bool sort_args(VM *vm, Value *args, int nargs, TupleObj *kwnames, Value *key,
                      bool *reverse) {
    if (nargs > 1) {
        vm_raise(vm, vm->exc_types.TypeError, "sort() takes no positional arguments");
        return false;
    }
    *key = VNONE;
    *reverse = false;
    for (size_t i = 0; kwnames && i < kwnames->len; i++) {
        StrObj *name = AS_STR(kwnames->items[i]);
        Value v = args[nargs + (int)i];
        if (str_eq_cstr(name, "key")) {
            *key = v;
        } else if (str_eq_cstr(name, "reverse")) {
            int64_t r;
            int ok = cont_index(vm, v, &r);
            if (ok <= 0) {
                if (ok == 0)
                    vm_raise(vm, vm->exc_types.TypeError,
                             "'%s' object cannot be interpreted as an integer",
                             val_type_name(vm, v));
                return false;
            }
            *reverse = r != 0;
        } else {
            vm_raise(vm, vm->exc_types.TypeError, "'%s' is an invalid keyword argument for sort()",
                     name->data);
            return false;
        }
    }
    return true;
}

static Value list_sort_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_check_self(vm, LIST, "sort", args, nargs))
        return VNULL;
    Value key;
    bool reverse;
    if (!sort_args(vm, args, nargs, kwnames, &key, &reverse))
        return VNULL;
    return list_sort(vm, AS_LIST(args[0]), key, reverse) == 0 ? VNONE : VNULL;
}

/* ---------------------------------------------------------------- iterator */

static Value list_iter_new(VM *vm, Value self, TypeObj *type, size_t index) {
    ListIterObj *it = (ListIterObj *)obj_alloc(vm, type, sizeof(ListIterObj));
    if (!it)
        return VNULL;
    obj_incref(self.as.o);
    it->list = AS_LIST(self);
    it->index = index;
    return VOBJ(it);
}

static Value list_iter(VM *vm, Value self) {
    return list_iter_new(vm, self, vm->types.list_iter, 0);
}

/* list.__reversed__(): what reversed(list) returns. */
static Value list_reversed_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, LIST, "__reversed__", args, nargs, kwnames, 0))
        return VNULL;
    return list_iter_new(vm, args[0], vm->types.list_reviter, AS_LIST(args[0])->len);
}

/* The list may have shrunk since the last step: then the iteration ends. */
static int list_reviter_next(VM *vm, Value self, Value *out) {
    ListIterObj *it = (ListIterObj *)self.as.o;
    ListObj *l = it->list;
    if (!l)
        return 0;
    if (it->index > 0 && it->index <= l->len) {
        *out = v_incref(l->items[--it->index]);
        return 1;
    }
    it->list = NULL;
    obj_decref(vm, &l->hdr);
    return 0;
}

static int list_iter_next(VM *vm, Value self, Value *out) {
    ListIterObj *it = (ListIterObj *)self.as.o;
    ListObj *l = it->list;
    if (!l)
        return 0;
    if (it->index < l->len) {
        *out = v_incref(l->items[it->index++]);
        return 1;
    }
    it->list = NULL;
    obj_decref(vm, &l->hdr);
    return 0;
}

static void list_iter_dealloc(VM *vm, Obj *o) {
    ListIterObj *it = (ListIterObj *)o;
    ListObj *l = it->list;
    it->list = NULL;
    if (l)
        obj_decref(vm, &l->hdr);
}

static void list_iter_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    ListIterObj *it = (ListIterObj *)o;
    if (it->list)
        visit(vm, VOBJ(it->list), arg);
}

/* ---------------------------------------------------------------- types */

static bool list_methods_init(VM *vm, TypeObj *t) {
    static const struct {
        const char *name;
        NativeFn fn;
    } methods[] = {
        {"__init__", list_init_m},         {"append", list_append_m}, {"extend", list_extend_m},
        {"insert", list_insert_m},         {"pop", list_pop_m},       {"remove", list_remove_m},
        {"index", list_index_m},           {"count", list_count_m},   {"sort", list_sort_m},
        {"reverse", list_reverse_m},       {"copy", list_copy_m},     {"clear", list_clear_m},
        {"__reversed__", list_reversed_m},
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (!type_add_method(vm, t, methods[i].name, methods[i].fn))
            return false;
    return true;
}

static void list_iter_type_fill(TypeObj *t, int (*next)(VM *, Value, Value *)) {
    t->instance_size = sizeof(ListIterObj);
    t->dealloc = list_iter_dealloc;
    t->traverse = list_iter_traverse;
    t->clear = list_iter_dealloc;
    t->iter = cont_self_iter;
    t->next = next;
}

bool list_types_init(VM *vm) {
    TypeObj *t = vm->types.list;
    t->instance_size = sizeof(ListObj);
    t->flags |= TF_BASETYPE;
    t->dealloc = list_dealloc;
    t->traverse = list_traverse;
    t->clear = list_dealloc;
    t->repr = list_repr;
    t->hash = cont_unhashable;
    t->richcompare = list_richcompare;
    t->binop = list_binop;
    t->inplace = list_inplace;
    t->truthy = list_truthy;
    t->len = list_len;
    t->getitem = list_getitem;
    t->setitem = list_setitem;
    t->contains = list_contains;
    t->iter = list_iter;
    t->tp_new = list_tp_new;
    if (!list_methods_init(vm, t))
        return false;

    TypeObj *it = vm->types.list_iter;
    list_iter_type_fill(it, list_iter_next);
    TypeObj *rev = type_new_builtin(vm, "list_reverseiterator", NULL, sizeof(ListIterObj), 0);
    if (!rev)
        return false;
    vm->types.list_reviter = rev;
    list_iter_type_fill(rev, list_reviter_next);
    return type_ready(vm, rev) && cont_add_new(vm, t) && cont_add_slot_methods(vm, t) &&
           cont_add_slot_methods(vm, it) && cont_add_slot_methods(vm, rev);
}
