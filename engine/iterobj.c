/*
 * iterobj.c - the lazy iterator types of the builtins: enumerate, zip, map, filter and
 * reversed. Each is a small object holding the underlying iterator(s); calling the type
 * builds it (tp_new) and the `next` slot produces one item at a time.
 *
 * Not for: the iterators of the containers themselves (list_iterator is in listobj.c,
 * dict iterators in dictobj.c, ...) nor the __getitem__ fallback iterator (abstract.c).
 */
#include <string.h>

#include "containers.h"

typedef struct {
    Obj hdr;
    Value it;         /* the underlying iterator */
    int64_t count;    /* the next index */
    TupleObj *result; /* the last (index, item), reused when the loop dropped it */
} EnumerateObj;

typedef struct {
    Obj hdr;
    size_t n;
    bool strict;
    bool done;
    TupleObj *result; /* the last tuple, reused when the loop dropped it */
    Value its[];      /* n iterators */
} ZipObj;

typedef struct {
    Obj hdr;
    Value func;
    size_t n;
    Value its[]; /* n iterators */
} MapObj;

typedef struct {
    Obj hdr;
    Value func; /* V_NONE: keep the truthy items */
    Value it;
} FilterObj;

typedef struct {
    Obj hdr;
    Value seq;     /* V_NULL once exhausted */
    int64_t index; /* next index to read, counting down */
} ReversedObj;

/* An instance of `type` (these types may be subclassed) at least `size` bytes large. */
static Obj *iter_alloc(VM *vm, TypeObj *type, size_t size) {
    return obj_alloc(vm, type, type->instance_size > size ? type->instance_size : size);
}

static void clear_value(VM *vm, Value *v) {
    Value old = *v;
    *v = VNULL;
    v_decref(vm, old);
}

static void visit_value(VM *vm, Value v, VisitFn visit, void *arg) {
    if (v.kind == V_OBJ)
        visit(vm, v, arg);
}

static bool no_keywords(VM *vm, const char *name, TupleObj *kwnames) {
    if (!kwnames || kwnames->len == 0)
        return true;
    vm_raise(vm, vm->exc_types.TypeError, "%s() takes no keyword arguments", name);
    return false;
}

/* ---------------------------------------------------------------- enumerate */

/* enumerate(iterable, start=0): binds positional and keyword arguments. */
static bool enumerate_args(VM *vm, Value *args, int nargs, TupleObj *kwnames, Value *bound) {
    int total = nargs + (int)(kwnames ? kwnames->len : 0);
    if (total > 2) {
        vm_raise(vm, vm->exc_types.TypeError, "enumerate() takes at most 2 arguments (%d given)",
                 total);
        return false;
    }
    bound[0] = nargs > 0 ? args[0] : VNULL;
    bound[1] = nargs > 1 ? args[1] : VNULL;
    for (size_t i = 0; kwnames && i < kwnames->len; i++) {
        StrObj *name = AS_STR(kwnames->items[i]);
        int slot = str_eq_cstr(name, "iterable") ? 0 : str_eq_cstr(name, "start") ? 1 : -1;
        if (slot < 0) {
            vm_raise(vm, vm->exc_types.TypeError,
                     "'%s' is an invalid keyword argument for enumerate()", name->data);
            return false;
        }
        if (!IS_NULL(bound[slot])) {
            vm_raise(vm, vm->exc_types.TypeError,
                     "argument for enumerate() given by name ('%s') and position (%d)", name->data,
                     slot + 1);
            return false;
        }
        bound[slot] = args[nargs + (int)i];
    }
    if (IS_NULL(bound[0])) {
        vm_raise(vm, vm->exc_types.TypeError, "enumerate() missing required argument 'iterable'");
        return false;
    }
    return true;
}

static Value enumerate_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    Value bound[2];
    int64_t start = 0;
    if (!enumerate_args(vm, args, nargs, kwnames, bound))
        return VNULL;
    if (!IS_NULL(bound[1])) {
        int r = cont_index(vm, bound[1], &start);
        if (r <= 0)
            return r < 0 ? VNULL
                         : vm_raise(vm, vm->exc_types.TypeError,
                                    "'%s' object cannot be interpreted as an integer",
                                    val_type_name(vm, bound[1]));
    }
    Value it = obj_iter(vm, bound[0]);
    if (IS_NULL(it))
        return VNULL;
    EnumerateObj *e = (EnumerateObj *)iter_alloc(vm, type, sizeof(EnumerateObj));
    if (!e) {
        v_decref(vm, it);
        return VNULL;
    }
    e->it = it;
    e->count = start;
    return VOBJ(e);
}

static int enumerate_next(VM *vm, Value self, Value *out) {
    EnumerateObj *e = (EnumerateObj *)self.as.o;
    Value item;
    if (IS_NULL(e->it)) /* cleared by the cycle collector */
        return 0;
    int r = obj_next(vm, e->it, &item);
    if (r <= 0)
        return r;
    if (e->count == INT64_MAX) {
        v_decref(vm, item);
        int_overflow(vm);
        return -1;
    }
    TupleObj *t = cont_result_tuple(vm, &e->result, 2);
    if (!t) {
        v_decref(vm, item);
        return -1;
    }
    t->items[0] = VINT(e->count++);
    t->items[1] = item; /* the tuple takes our reference */
    *out = VOBJ(t);
    return 1;
}

/* Drops a cached result tuple. */
static void clear_result(VM *vm, TupleObj **result) {
    TupleObj *t = *result;
    *result = NULL;
    obj_xdecref(vm, t ? &t->hdr : NULL);
}

static void enumerate_clear(VM *vm, Obj *o) {
    clear_value(vm, &((EnumerateObj *)o)->it);
    clear_result(vm, &((EnumerateObj *)o)->result);
}

static void enumerate_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    visit_value(vm, ((EnumerateObj *)o)->it, visit, arg);
    if (((EnumerateObj *)o)->result)
        visit(vm, VOBJ(((EnumerateObj *)o)->result), arg);
}

/* ---------------------------------------------------------------- zip */

/* zip(*iterables, strict=False). */
static bool zip_strict_arg(VM *vm, Value *args, int nargs, TupleObj *kwnames, bool *strict) {
    *strict = false;
    for (size_t i = 0; kwnames && i < kwnames->len; i++) {
        StrObj *name = AS_STR(kwnames->items[i]);
        if (!str_eq_cstr(name, "strict")) {
            vm_raise(vm, vm->exc_types.TypeError, "'%s' is an invalid keyword argument for zip()",
                     name->data);
            return false;
        }
        int t = obj_truthy(vm, args[nargs + (int)i]);
        if (t < 0)
            return false;
        *strict = t;
    }
    return true;
}

static Value zip_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    bool strict;
    if (!zip_strict_arg(vm, args, nargs, kwnames, &strict))
        return VNULL;
    size_t size = sizeof(ZipObj) + (size_t)nargs * sizeof(Value);
    ZipObj *z = (ZipObj *)iter_alloc(vm, type, size);
    if (!z)
        return VNULL;
    z->strict = strict;
    for (int i = 0; i < nargs; i++) {
        z->its[i] = obj_iter(vm, args[i]);
        if (IS_NULL(z->its[i])) {
            obj_decref(vm, &z->hdr);
            return VNULL;
        }
        z->n++;
    }
    return VOBJ(z);
}

/* strict=True and iterator i ran out: an error unless all ran out together. */
static int zip_strict_error(VM *vm, ZipObj *z, size_t i) {
    if (i > 0) {
        vm_raise(vm, vm->exc_types.ValueError, "zip() argument %zu is shorter than argument%s%zu",
                 i + 1, i == 1 ? " " : "s 1-", i);
        return -1;
    }
    for (i = 1; i < z->n; i++) { /* the first ran out: is any other longer? */
        Value extra;
        int r = obj_next(vm, z->its[i], &extra);
        if (r < 0)
            return -1;
        if (r > 0) {
            v_decref(vm, extra);
            vm_raise(vm, vm->exc_types.ValueError,
                     "zip() argument %zu is longer than argument%s%zu", i + 1,
                     i == 1 ? " " : "s 1-", i);
            return -1;
        }
    }
    return 0;
}

static int zip_next(VM *vm, Value self, Value *out) {
    ZipObj *z = (ZipObj *)self.as.o;
    if (z->n == 0 || z->done)
        return 0;
    TupleObj *t = cont_result_tuple(vm, &z->result, z->n);
    if (!t)
        return -1;
    for (size_t i = 0; i < z->n; i++) {
        Value item;
        int r = obj_next(vm, z->its[i], &item);
        if (r <= 0) {
            obj_decref(vm, &t->hdr);
            z->done = true;
            if (r == 0 && z->strict)
                return zip_strict_error(vm, z, i);
            return r;
        }
        Value old = t->items[i]; /* V_NONE, or an item if an earlier next() re-entered */
        t->items[i] = item;
        v_decref(vm, old);
    }
    *out = VOBJ(t);
    return 1;
}

static void zip_clear(VM *vm, Obj *o) {
    ZipObj *z = (ZipObj *)o;
    size_t n = z->n;
    z->n = 0;
    for (size_t i = 0; i < n; i++)
        clear_value(vm, &z->its[i]);
    clear_result(vm, &z->result);
}

static void zip_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    ZipObj *z = (ZipObj *)o;
    for (size_t i = 0; i < z->n; i++)
        visit_value(vm, z->its[i], visit, arg);
    if (z->result)
        visit(vm, VOBJ(z->result), arg);
}

/* ---------------------------------------------------------------- map */

static Value map_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    if (!no_keywords(vm, "map", kwnames))
        return VNULL;
    if (nargs < 2)
        return vm_raise(vm, vm->exc_types.TypeError, "map() must have at least two arguments.");
    size_t size = sizeof(MapObj) + (size_t)(nargs - 1) * sizeof(Value);
    MapObj *m = (MapObj *)iter_alloc(vm, type, size);
    if (!m)
        return VNULL;
    m->func = v_incref(args[0]);
    for (int i = 1; i < nargs; i++) {
        m->its[i - 1] = obj_iter(vm, args[i]);
        if (IS_NULL(m->its[i - 1])) {
            obj_decref(vm, &m->hdr);
            return VNULL;
        }
        m->n++;
    }
    return VOBJ(m);
}

#define MAP_SMALL 8

static int map_next(VM *vm, Value self, Value *out) {
    MapObj *m = (MapObj *)self.as.o;
    Value small[MAP_SMALL], *items = small;
    if (IS_NULL(m->func)) /* cleared by the cycle collector */
        return 0;
    if (m->n > MAP_SMALL && !(items = ls_alloc(vm, m->n * sizeof(Value)))) {
        cont_no_memory(vm);
        return -1;
    }
    size_t got = 0;
    int r = 1;
    while (got < m->n && (r = obj_next(vm, m->its[got], &items[got])) > 0)
        got++;
    if (r > 0) {
        *out = vm_call(vm, m->func, items, (int)got, NULL);
        r = IS_NULL(*out) ? -1 : 1;
    }
    for (size_t i = 0; i < got; i++)
        v_decref(vm, items[i]);
    if (items != small)
        ls_free(vm, items, m->n * sizeof(Value));
    return r;
}

static void map_clear(VM *vm, Obj *o) {
    MapObj *m = (MapObj *)o;
    size_t n = m->n;
    m->n = 0;
    clear_value(vm, &m->func);
    for (size_t i = 0; i < n; i++)
        clear_value(vm, &m->its[i]);
}

static void map_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    MapObj *m = (MapObj *)o;
    visit_value(vm, m->func, visit, arg);
    for (size_t i = 0; i < m->n; i++)
        visit_value(vm, m->its[i], visit, arg);
}

/* ---------------------------------------------------------------- filter */

static Value filter_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    if (!no_keywords(vm, "filter", kwnames))
        return VNULL;
    if (nargs != 2)
        return vm_raise(vm, vm->exc_types.TypeError, "filter expected 2 arguments, got %d", nargs);
    Value it = obj_iter(vm, args[1]);
    if (IS_NULL(it))
        return VNULL;
    FilterObj *f = (FilterObj *)iter_alloc(vm, type, sizeof(FilterObj));
    if (!f) {
        v_decref(vm, it);
        return VNULL;
    }
    f->func = v_incref(args[0]);
    f->it = it;
    return VOBJ(f);
}

static int filter_next(VM *vm, Value self, Value *out) {
    FilterObj *f = (FilterObj *)self.as.o;
    Value item;
    int r;
    if (IS_NULL(f->it) || IS_NULL(f->func)) /* cleared by the cycle collector */
        return 0;
    while ((r = obj_next(vm, f->it, &item)) > 0) {
        int keep;
        if (IS_NONE(f->func)) {
            keep = obj_truthy(vm, item);
        } else {
            Value v = vm_call1(vm, f->func, item);
            keep = IS_NULL(v) ? -1 : obj_truthy(vm, v);
            v_decref(vm, v);
        }
        if (keep > 0) {
            *out = item;
            return 1;
        }
        v_decref(vm, item);
        if (keep < 0)
            return -1;
    }
    return r;
}

static void filter_clear(VM *vm, Obj *o) {
    FilterObj *f = (FilterObj *)o;
    clear_value(vm, &f->func);
    clear_value(vm, &f->it);
}

static void filter_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    FilterObj *f = (FilterObj *)o;
    visit_value(vm, f->func, visit, arg);
    visit_value(vm, f->it, visit, arg);
}

/* ---------------------------------------------------------------- reversed */

/* reversed(seq): seq.__reversed__() when the type has it, else the sequence protocol. */
static Value reversed_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    if (!no_keywords(vm, "reversed", kwnames))
        return VNULL;
    if (nargs != 1)
        return vm_raise(vm, vm->exc_types.TypeError, "reversed expected 1 argument, got %d", nargs);
    Value seq = args[0];
    StrObj *name = str_intern(vm, "__reversed__");
    if (!name)
        return VNULL;
    TypeObj *st = val_type(vm, seq);
    Value fn = type_lookup(st, name);
    obj_decref(vm, &name->hdr);
    if (!IS_NULL(fn) && !IS_NONE(fn))
        return vm_call1(vm, fn, seq);
    if (!st->getitem || !st->len || IS_DICT(vm, seq) || cont_is_anyset(vm, seq))
        return vm_raise(vm, vm->exc_types.TypeError, "'%s' object is not reversible",
                        st->name->data);
    int64_t n = obj_len(vm, seq);
    if (n < 0)
        return VNULL;
    ReversedObj *r = (ReversedObj *)iter_alloc(vm, type, sizeof(ReversedObj));
    if (!r)
        return VNULL;
    r->seq = v_incref(seq);
    r->index = n - 1;
    return VOBJ(r);
}

static int reversed_next(VM *vm, Value self, Value *out) {
    ReversedObj *r = (ReversedObj *)self.as.o;
    if (IS_NULL(r->seq))
        return 0;
    if (r->index >= 0 && IS_LIST(vm, r->seq)) { /* fast path; the list may have shrunk */
        ListObj *l = AS_LIST(r->seq);
        if (r->index < (int64_t)l->len) {
            *out = v_incref(l->items[r->index--]);
            return 1;
        }
    } else if (r->index >= 0) {
        Value item = obj_getitem(vm, r->seq, VINT(r->index));
        if (!IS_NULL(item)) {
            r->index--;
            *out = item;
            return 1;
        }
        if (!vm_exc_matches(vm, vm->exc_types.IndexError) &&
            !vm_exc_matches(vm, vm->exc_types.StopIteration))
            return -1;
        vm_exc_clear(vm);
    }
    r->index = -1;
    clear_value(vm, &r->seq);
    return 0;
}

static void reversed_clear(VM *vm, Obj *o) {
    clear_value(vm, &((ReversedObj *)o)->seq);
}

static void reversed_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    visit_value(vm, ((ReversedObj *)o)->seq, visit, arg);
}

/* ---------------------------------------------------------------- types */

typedef struct {
    size_t size;
    void (*clear)(VM *vm, Obj *o); /* also the dealloc */
    void (*traverse)(VM *vm, Obj *o, VisitFn visit, void *arg);
    int (*next)(VM *vm, Value self, Value *out);
    Value (*tp_new)(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames);
} IterTypeDef;

static void iter_type_fill(TypeObj *t, const IterTypeDef *d) {
    t->instance_size = d->size;
    t->flags |= TF_BASETYPE;
    t->dealloc = d->clear;
    t->clear = d->clear;
    t->traverse = d->traverse;
    t->iter = cont_self_iter;
    t->next = d->next;
    t->tp_new = d->tp_new;
}

bool iter_types_init(VM *vm) {
    static const IterTypeDef enumerate_def = {sizeof(EnumerateObj), enumerate_clear,
                                              enumerate_traverse, enumerate_next, enumerate_new};
    static const IterTypeDef zip_def = {sizeof(ZipObj), zip_clear, zip_traverse, zip_next, zip_new};
    static const IterTypeDef map_def = {sizeof(MapObj), map_clear, map_traverse, map_next, map_new};
    static const IterTypeDef filter_def = {sizeof(FilterObj), filter_clear, filter_traverse,
                                           filter_next, filter_new};
    static const IterTypeDef reversed_def = {sizeof(ReversedObj), reversed_clear, reversed_traverse,
                                             reversed_next, reversed_new};
    iter_type_fill(vm->types.enumerate, &enumerate_def);
    iter_type_fill(vm->types.zip, &zip_def);
    iter_type_fill(vm->types.map, &map_def);
    iter_type_fill(vm->types.filter, &filter_def);
    iter_type_fill(vm->types.reversed, &reversed_def);
    TypeObj *types[] = {vm->types.enumerate, vm->types.zip, vm->types.map, vm->types.filter,
                        vm->types.reversed};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!cont_add_slot_methods(vm, types[i]))
            return false;
    return true;
}
