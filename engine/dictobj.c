/*
 * dictobj.c - the dict type: an insertion-ordered hash table like CPython's compact dict,
 * its iterator and its keys/values/items views.
 *
 * Layout: `entries` holds (hash, key, value) in insertion order (deleted entries keep their
 * place with key V_NULL until the next resize compacts them); `index` is an open-addressing
 * table of entry numbers probed like CPython's (i = i*5 + 1 + perturb). The table is at most
 * 2/3 full; it grows to the smallest power of two >= 3 * len.
 *
 * str keys are the hot path (globals, attributes, keyword arguments): interned names are
 * found by pointer on the first probe, and dict_get_str/dict_set_str never run Python code.
 * Other keys are compared with obj_eq, which may run __eq__; if that code changed the dict,
 * the lookup starts again, as in CPython.
 *
 * Not for: the object model's use of dicts as namespaces (typeobj.c) - it only calls the API.
 */
#include <stddef.h>
#include <string.h>

#include "containers.h"

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define DICT_MIN_SIZE 8
#define PERTURB_SHIFT 5

/* Lookup results besides an entry number. */
#define LOOKUP_MISSING (-1)
#define LOOKUP_ERROR (-2)

/* What a dict iterator or view yields. */
typedef enum { DK_KEYS, DK_VALUES, DK_ITEMS } DictKind;

typedef struct {
    Obj hdr;
    DictObj *dict; /* NULL when exhausted */
    size_t pos;    /* next entry to look at (counting down from here when reversed) */
    int64_t len;   /* d->len at creation; -1 once a size change was reported */
    DictKind kind;
    bool reversed;
    TupleObj *result; /* items(): the last (key, value) tuple, reused when dropped */
} DictIterObj;

typedef struct {
    Obj hdr;
    DictObj *dict;
} DictViewObj;

/* ---------------------------------------------------------------- hashing */

/* The hash of a key, with inline fast paths for str and int. */
static int key_hash(VM *vm, Value key, int64_t *h) {
    if (key.kind == V_OBJ && key.as.o->type == vm->types.str) {
        *h = str_hash(AS_STR(key));
        return 0;
    }
    if (key.kind == V_INT) {
        *h = hash_int(key.as.i);
        return 0;
    }
    return obj_hash(vm, key, h);
}

/* Equality without running Python code: 1 equal, 0 different, -1 undecided. */
static int quick_eq(Value a, Value b, TypeObj *str_type) {
    if (a.kind != b.kind)
        return -1;
    switch (a.kind) {
    case V_INT:
    case V_BOOL:
        return a.as.i == b.as.i;
    case V_NONE:
        return 1;
    case V_OBJ:
        if (a.as.o == b.as.o)
            return 1;
        if (a.as.o->type == str_type && b.as.o->type == str_type)
            return str_eq(AS_STR(a), AS_STR(b));
        return -1;
    default:
        return -1;
    }
}

/* ---------------------------------------------------------------- table */

static inline size_t first_slot(const DictObj *d, int64_t hash) {
    return (size_t)hash & (d->index_size - 1);
}

static inline size_t next_slot(const DictObj *d, size_t i, uint64_t *perturb) {
    *perturb >>= PERTURB_SHIFT;
    return (i * 5 + 1 + (size_t)*perturb) & (d->index_size - 1);
}

/* Compares a stored key with a probe through __eq__: 1, 0, -1 error, 2 = the dict changed
 * meanwhile (start over). */
static int slow_eq(VM *vm, DictObj *d, int64_t ix, Value key) {
    uint64_t version = d->version;
    DictEntry *entries = d->entries;
    Value stored = v_incref(d->entries[ix].key);
    int eq = obj_eq(vm, stored, key);
    v_decref(vm, stored);
    if (eq >= 0 && (d->version != version || d->entries != entries))
        return 2;
    return eq;
}

/* Finds `key` (with its hash): its entry number, LOOKUP_MISSING or LOOKUP_ERROR. */
static int64_t lookup(VM *vm, DictObj *d, Value key, int64_t hash) {
restart:
    if (d->index_size == 0)
        return LOOKUP_MISSING;
    uint64_t perturb = (uint64_t)hash;
    for (size_t i = first_slot(d, hash);; i = next_slot(d, i, &perturb)) {
        int64_t ix = d->index[i];
        if (ix == IX_EMPTY)
            return LOOKUP_MISSING;
        if (ix < 0 || d->entries[ix].hash != hash)
            continue;
        int eq = quick_eq(d->entries[ix].key, key, vm->types.str);
        if (eq < 0)
            eq = slow_eq(vm, d, ix, key);
        if (eq == 2)
            goto restart;
        if (eq != 0)
            return eq > 0 ? ix : LOOKUP_ERROR;
    }
}

/* The first free index slot for `hash` (the key is known to be absent). */
static size_t free_slot(DictObj *d, int64_t hash) {
    uint64_t perturb = (uint64_t)hash;
    size_t i = first_slot(d, hash);
    while (d->index[i] >= 0)
        i = next_slot(d, i, &perturb);
    return i;
}

/* Rebuilds the table with at least `min_size` index slots (a power of two, at least 8),
 * compacting deleted entries away. Room for new entries: 2/3 of the slots. */
static bool dict_resize(VM *vm, DictObj *d, size_t min_size) {
    size_t size = DICT_MIN_SIZE;
    while (size < min_size)
        size *= 2;
    size_t cap = size * 2 / 3;
    int64_t *index = ls_alloc(vm, size * sizeof(int64_t));
    DictEntry *entries = ls_alloc(vm, cap * sizeof(DictEntry));
    if (!index || !entries) {
        ls_free(vm, index, size * sizeof(int64_t));
        ls_free(vm, entries, cap * sizeof(DictEntry));
        cont_no_memory(vm);
        return false;
    }
    memset(index, 0xff, size * sizeof(int64_t)); /* all IX_EMPTY */
    size_t n = 0;
    for (size_t i = 0; i < d->nentries; i++)
        if (!IS_NULL(d->entries[i].key))
            entries[n++] = d->entries[i];
    ls_free(vm, d->index, d->index_size * sizeof(int64_t));
    ls_free(vm, d->entries, d->cap_entries * sizeof(DictEntry));
    d->index = index;
    d->index_size = size;
    d->entries = entries;
    d->cap_entries = cap;
    d->nentries = n;
    for (size_t i = 0; i < n; i++)
        d->index[free_slot(d, entries[i].hash)] = (int64_t)i;
    return true;
}

/* Appends a new entry (key absent); steals nothing: increfs key and value. */
static int insert_new(VM *vm, DictObj *d, Value key, int64_t hash, Value value) {
    /* full: grow to 3 * len slots (CPython's GROWTH_RATE), or just compact */
    if (d->nentries == d->cap_entries && !dict_resize(vm, d, d->len * 3))
        return -1;
    size_t slot = free_slot(d, hash);
    d->index[slot] = (int64_t)d->nentries;
    d->entries[d->nentries++] = (DictEntry){hash, v_incref(key), v_incref(value)};
    d->len++;
    d->version++;
    return 0;
}

static void replace_value(VM *vm, DictObj *d, int64_t ix, Value value) {
    Value old = d->entries[ix].value;
    d->entries[ix].value = v_incref(value);
    d->version++;
    v_decref(vm, old);
}

/* Removes entry ix (found through `slot` of the index or by search). */
static void delete_entry(VM *vm, DictObj *d, int64_t ix) {
    DictEntry *e = &d->entries[ix];
    uint64_t perturb = (uint64_t)e->hash;
    size_t i = first_slot(d, e->hash);
    while (d->index[i] != ix)
        i = next_slot(d, i, &perturb);
    d->index[i] = IX_DUMMY;
    Value k = e->key, v = e->value;
    e->key = e->value = VNULL;
    d->len--;
    d->version++;
    v_decref(vm, k);
    v_decref(vm, v);
}

/* ---------------------------------------------------------------- public API */

DictObj *dict_new(VM *vm) {
    return (DictObj *)obj_alloc(vm, vm->types.dict, sizeof(DictObj));
}

int dict_get(VM *vm, DictObj *d, Value key, Value *out) {
    int64_t hash;
    if (key_hash(vm, key, &hash) < 0)
        return -1;
    int64_t ix = lookup(vm, d, key, hash);
    if (ix < 0)
        return ix == LOOKUP_MISSING ? 0 : -1;
    *out = v_incref(d->entries[ix].value);
    return 1;
}

/* dict_set with a known hash. */
static int set_hashed(VM *vm, DictObj *d, Value key, int64_t hash, Value value) {
    int64_t ix = lookup(vm, d, key, hash);
    if (ix == LOOKUP_ERROR)
        return -1;
    if (ix >= 0) {
        replace_value(vm, d, ix, value);
        return 0;
    }
    return insert_new(vm, d, key, hash, value);
}

int dict_set(VM *vm, DictObj *d, Value key, Value value) {
    int64_t hash;
    if (key_hash(vm, key, &hash) < 0)
        return -1;
    return set_hashed(vm, d, key, hash, value);
}

int dict_del(VM *vm, DictObj *d, Value key) {
    int64_t hash;
    if (key_hash(vm, key, &hash) < 0)
        return -1;
    int64_t ix = lookup(vm, d, key, hash);
    if (ix < 0)
        return ix == LOOKUP_MISSING ? 0 : -1;
    delete_entry(vm, d, ix);
    return 1;
}

/* The entry of a str key, or -1; never runs Python code (non-str keys never match). */
static int64_t lookup_str(const DictObj *d, StrObj *key, int64_t hash) {
    if (d->index_size == 0)
        return -1;
    uint64_t perturb = (uint64_t)hash;
    for (size_t i = first_slot(d, hash);; i = next_slot(d, i, &perturb)) {
        int64_t ix = d->index[i];
        if (ix == IX_EMPTY)
            return -1;
        if (ix < 0)
            continue;
        const DictEntry *e = &d->entries[ix];
        if (e->key.as.o == &key->hdr)
            return ix;
        if (e->hash == hash && e->key.kind == V_OBJ && e->key.as.o->type == key->hdr.type &&
            str_eq(AS_STR(e->key), key))
            return ix;
    }
}

Value dict_get_str(DictObj *d, StrObj *key) {
    int64_t ix = lookup_str(d, key, key->hash != -1 ? key->hash : str_hash(key));
    return ix >= 0 ? d->entries[ix].value : VNULL;
}

int dict_set_str(VM *vm, DictObj *d, StrObj *key, Value value) {
    int64_t hash = key->hash != -1 ? key->hash : str_hash(key);
    int64_t ix = lookup_str(d, key, hash);
    if (ix >= 0) {
        replace_value(vm, d, ix, value);
        return 0;
    }
    return insert_new(vm, d, VOBJ(key), hash, value);
}

int dict_set_cstr(VM *vm, DictObj *d, const char *key, Value value) {
    StrObj *k = str_intern(vm, key);
    if (!k)
        return -1;
    int r = dict_set_str(vm, d, k, value);
    obj_decref(vm, &k->hdr);
    return r;
}

bool dict_next(DictObj *d, size_t *pos, Value *key, Value *value) {
    while (*pos < d->nentries) {
        DictEntry *e = &d->entries[(*pos)++];
        if (!IS_NULL(e->key)) {
            *key = e->key;
            if (value)
                *value = e->value;
            return true;
        }
    }
    return false;
}

/* Like dict_next, also giving the stored hash. */
static bool next_entry(DictObj *d, size_t *pos, DictEntry **out) {
    while (*pos < d->nentries) {
        DictEntry *e = &d->entries[(*pos)++];
        if (!IS_NULL(e->key)) {
            *out = e;
            return true;
        }
    }
    return false;
}

/* Copies every entry of `src` into d (keeping existing keys unless override). */
static int merge_dict(VM *vm, DictObj *d, DictObj *src, bool override) {
    if (d->len == 0 && src != d && d->cap_entries < src->len &&
        !dict_resize(vm, d, src->len * 3 / 2 + 1))
        return -1;
    size_t pos = 0;
    DictEntry *e;
    while (next_entry(src, &pos, &e)) {
        Value k = v_incref(e->key), v = v_incref(e->value);
        int64_t hash = e->hash; /* e may move if __eq__ changes src */
        int r = 0;
        if (override) {
            r = set_hashed(vm, d, k, hash, v);
        } else {
            int64_t ix = lookup(vm, d, k, hash);
            r = ix == LOOKUP_ERROR ? -1 : ix == LOOKUP_MISSING ? insert_new(vm, d, k, hash, v) : 0;
        }
        v_decref(vm, k);
        v_decref(vm, v);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* d[k] = other[k] for k in other.keys(). */
static int merge_mapping(VM *vm, DictObj *d, Value other, Value keys_fn, bool override) {
    Value keys = vm_call0(vm, keys_fn);
    Value it = IS_NULL(keys) ? VNULL : obj_iter(vm, keys);
    v_decref(vm, keys);
    if (IS_NULL(it))
        return -1;
    Value k;
    int r;
    while ((r = obj_next(vm, it, &k)) > 0) {
        Value old;
        int has = override ? 0 : dict_get(vm, d, k, &old);
        if (has > 0)
            v_decref(vm, old);
        Value v = has == 0 ? obj_getitem(vm, other, k) : VNONE;
        if (has < 0 || IS_NULL(v) || (has == 0 && dict_set(vm, d, k, v) < 0))
            r = -1;
        v_decref(vm, v);
        v_decref(vm, k);
        if (r < 0)
            break;
    }
    v_decref(vm, it);
    return r < 0 ? -1 : 0;
}

/* One (key, value) element of dict(pairs) / dict.update(pairs). */
static int merge_pair(VM *vm, DictObj *d, Value item, size_t n) {
    TypeObj *t = val_type(vm, item);
    if (!t->iter && IS_NULL(type_lookup(t, vm->names.__getitem__))) {
        vm_raise(vm, vm->exc_types.TypeError,
                 "cannot convert dictionary update sequence element #%zu to a sequence", n);
        return -1;
    }
    ListObj *pair = list_from_iterable(vm, item);
    if (!pair)
        return -1;
    int r = -1;
    if (pair->len != 2)
        vm_raise(vm, vm->exc_types.ValueError,
                 "dictionary update sequence element #%zu has length %zu; 2 is required", n,
                 pair->len);
    else
        r = dict_set(vm, d, pair->items[0], pair->items[1]);
    obj_decref(vm, &pair->hdr);
    return r;
}

static int merge_pairs(VM *vm, DictObj *d, Value iterable) {
    Value it = obj_iter(vm, iterable);
    if (IS_NULL(it))
        return -1;
    Value item;
    int r;
    size_t n = 0;
    while ((r = obj_next(vm, it, &item)) > 0) {
        r = merge_pair(vm, d, item, n++);
        v_decref(vm, item);
        if (r < 0)
            break;
    }
    v_decref(vm, it);
    return r < 0 ? -1 : 0;
}

/* dict.update(other) (pairs allowed) or {**other} (mapping required). */
static int update_from(VM *vm, DictObj *d, Value other, bool pairs_ok, bool override) {
    if (IS_DICT(vm, other))
        return merge_dict(vm, d, AS_DICT(other), override);
    Value keys_fn = obj_getattr_opt(vm, other, vm->names.keys);
    if (!IS_NULL(keys_fn)) {
        int r = merge_mapping(vm, d, other, keys_fn, override);
        v_decref(vm, keys_fn);
        return r;
    }
    if (vm->exc.kind != V_NULL)
        return -1;
    if (pairs_ok)
        return merge_pairs(vm, d, other);
    vm_raise(vm, vm->exc_types.TypeError, "'%s' object is not a mapping", val_type_name(vm, other));
    return -1;
}

int dict_update(VM *vm, DictObj *d, Value other) {
    return update_from(vm, d, other, true, true);
}

int dict_merge(VM *vm, DictObj *d, Value other, bool override) {
    return update_from(vm, d, other, false, override);
}

static DictObj *dict_copy(VM *vm, DictObj *src) {
    DictObj *d = dict_new(vm);
    if (d && merge_dict(vm, d, src, true) < 0) {
        obj_decref(vm, &d->hdr);
        return NULL;
    }
    return d;
}

/* ---------------------------------------------------------------- slots */

/* Drops every entry; the dict is empty and consistent before any value dies. */
static void dict_clear_all(VM *vm, DictObj *d) {
    DictEntry *entries = d->entries;
    size_t n = d->nentries, cap = d->cap_entries;
    ls_free(vm, d->index, d->index_size * sizeof(int64_t));
    d->entries = NULL;
    d->index = NULL;
    d->nentries = d->cap_entries = d->index_size = d->len = 0;
    d->version++;
    for (size_t i = 0; i < n; i++) {
        v_decref(vm, entries[i].key);
        v_decref(vm, entries[i].value);
    }
    ls_free(vm, entries, cap * sizeof(DictEntry));
}

static void dict_dealloc(VM *vm, Obj *o) {
    dict_clear_all(vm, (DictObj *)o);
}

static void dict_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    DictObj *d = (DictObj *)o;
    for (size_t i = 0; i < d->nentries; i++) {
        if (d->entries[i].key.kind == V_OBJ)
            visit(vm, d->entries[i].key, arg);
        if (d->entries[i].value.kind == V_OBJ)
            visit(vm, d->entries[i].value, arg);
    }
}

/* Appends "k: v" for entry i; reprs may run code that changes the dict. */
static bool repr_entry(VM *vm, StrBuf *sb, DictEntry *e) {
    Value k = v_incref(e->key), v = v_incref(e->value);
    bool ok = sb_add_repr(vm, sb, k) && sb_add(vm, sb, ": ", 2) && sb_add_repr(vm, sb, v);
    v_decref(vm, k);
    v_decref(vm, v);
    return ok;
}

static StrObj *dict_repr(VM *vm, Value self) {
    DictObj *d = AS_DICT(self);
    if (d->len == 0)
        return str_from_cstr(vm, "{}");
    int r = obj_repr_enter(vm, self.as.o);
    if (r != 0)
        return r > 0 ? str_from_cstr(vm, "{...}") : NULL;
    StrBuf sb;
    sb_init(&sb);
    bool ok = sb_add(vm, &sb, "{", 1);
    size_t pos = 0;
    DictEntry *e;
    for (bool first = true; ok && next_entry(d, &pos, &e); first = false)
        ok = (first || sb_add(vm, &sb, ", ", 2)) && repr_entry(vm, &sb, e);
    obj_repr_leave(vm, self.as.o);
    if (!ok || !sb_add(vm, &sb, "}", 1)) {
        sb_free(vm, &sb);
        return NULL;
    }
    return sb_finish(vm, &sb);
}

/* a == b for dicts: same length and every key of a maps to an equal value in b. */
static int dict_equal(VM *vm, DictObj *a, DictObj *b) {
    if (a->len != b->len)
        return 0;
    for (size_t i = 0; i < a->nentries; i++) {
        DictEntry *e = &a->entries[i];
        if (IS_NULL(e->key))
            continue;
        Value k = v_incref(e->key), av = v_incref(e->value);
        int64_t ix = lookup(vm, b, k, e->hash);
        int eq = ix == LOOKUP_ERROR ? -1 : 0;
        if (ix >= 0) {
            Value bv = v_incref(b->entries[ix].value);
            eq = obj_eq(vm, av, bv);
            v_decref(vm, bv);
        }
        v_decref(vm, k);
        v_decref(vm, av);
        if (eq <= 0)
            return eq;
    }
    return 1;
}

static Value dict_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if (!val_isinstance(vm, a, vm->types.dict) || !val_isinstance(vm, b, vm->types.dict) ||
        (op != CMP_EQ && op != CMP_NE))
        return v_incref(vm->not_implemented);
    int eq = dict_equal(vm, AS_DICT(a), AS_DICT(b));
    return eq < 0 ? VNULL : VBOOL((eq == 1) == (op == CMP_EQ));
}

static Value dict_binop(VM *vm, BinOp op, Value a, Value b) {
    if (op != BINOP_OR || !val_isinstance(vm, a, vm->types.dict) ||
        !val_isinstance(vm, b, vm->types.dict))
        return v_incref(vm->not_implemented);
    DictObj *d = dict_copy(vm, AS_DICT(a));
    if (!d || dict_update(vm, d, b) < 0) {
        obj_xdecref(vm, d ? &d->hdr : NULL);
        return VNULL;
    }
    return VOBJ(d);
}

static Value dict_inplace(VM *vm, BinOp op, Value a, Value b) {
    if (op != BINOP_OR || !val_isinstance(vm, a, vm->types.dict))
        return v_incref(vm->not_implemented);
    return dict_update(vm, AS_DICT(a), b) < 0 ? VNULL : v_incref(a);
}

static int dict_truthy(VM *vm, Value self) {
    (void)vm;
    return AS_DICT(self)->len > 0;
}

static int64_t dict_len(VM *vm, Value self) {
    (void)vm;
    return (int64_t)AS_DICT(self)->len;
}

/* d[key] of a dict subclass with __missing__ (how defaultdict-like classes work). */
static Value dict_missing(VM *vm, Value self, Value key) {
    StrObj *name = str_intern(vm, "__missing__");
    if (!name)
        return VNULL;
    Value fn = type_lookup(val_type(vm, self), name);
    obj_decref(vm, &name->hdr);
    if (IS_NULL(fn)) {
        cont_key_error(vm, key);
        return VNULL;
    }
    return vm_call2(vm, fn, self, key);
}

static Value dict_getitem(VM *vm, Value self, Value key) {
    Value v;
    int r = dict_get(vm, AS_DICT(self), key, &v);
    if (r > 0)
        return v;
    if (r < 0)
        return VNULL;
    if (self.as.o->type != vm->types.dict)
        return dict_missing(vm, self, key);
    cont_key_error(vm, key);
    return VNULL;
}

static int dict_setitem(VM *vm, Value self, Value key, Value v) {
    if (!IS_NULL(v))
        return dict_set(vm, AS_DICT(self), key, v);
    int r = dict_del(vm, AS_DICT(self), key);
    if (r == 0)
        cont_key_error(vm, key);
    return r > 0 ? 0 : -1;
}

static int dict_contains(VM *vm, Value self, Value key) {
    int64_t hash;
    if (key_hash(vm, key, &hash) < 0)
        return -1;
    int64_t ix = lookup(vm, AS_DICT(self), key, hash);
    return ix >= 0 ? 1 : ix == LOOKUP_MISSING ? 0 : -1;
}

static Value dict_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames; /* dict.__init__ fills it */
    size_t size = type->instance_size > sizeof(DictObj) ? type->instance_size : sizeof(DictObj);
    Obj *d = obj_alloc(vm, type, size);
    return d ? VOBJ(d) : VNULL;
}

/* ---------------------------------------------------------------- iterator */

/* The iterator type for a kind and direction (CPython names each: dict_valueiterator ...). */
static TypeObj *dict_iter_type(VM *vm, DictKind kind, bool reversed) {
    Types *t = &vm->types;
    if (reversed)
        return kind == DK_KEYS     ? t->dict_revkeyiter
               : kind == DK_VALUES ? t->dict_revvalueiter
                                   : t->dict_revitemiter;
    return kind == DK_KEYS     ? t->dict_iter
           : kind == DK_VALUES ? t->dict_valueiter
                               : t->dict_itemiter;
}

static Value dict_iter_new(VM *vm, DictObj *d, DictKind kind, bool reversed) {
    DictIterObj *it =
        (DictIterObj *)obj_alloc(vm, dict_iter_type(vm, kind, reversed), sizeof(DictIterObj));
    if (!it)
        return VNULL;
    obj_incref(&d->hdr);
    it->dict = d;
    it->len = (int64_t)d->len;
    it->kind = kind;
    it->reversed = reversed;
    it->pos = reversed ? d->nentries : 0;
    return VOBJ(it);
}

static Value dict_iter(VM *vm, Value self) {
    return dict_iter_new(vm, AS_DICT(self), DK_KEYS, false);
}

/* The next live entry of the iteration, or NULL at the end. */
static DictEntry *iter_advance(DictIterObj *it) {
    DictObj *d = it->dict;
    if (it->reversed) {
        if (it->pos > d->nentries)
            it->pos = d->nentries;
        while (it->pos > 0)
            if (!IS_NULL(d->entries[--it->pos].key))
                return &d->entries[it->pos];
        return NULL;
    }
    while (it->pos < d->nentries)
        if (!IS_NULL(d->entries[it->pos++].key))
            return &d->entries[it->pos - 1];
    return NULL;
}

static int dict_iter_next(VM *vm, Value self, Value *out) {
    DictIterObj *it = (DictIterObj *)self.as.o;
    DictObj *d = it->dict;
    if (!d)
        return 0;
    if (it->len != (int64_t)d->len) {
        it->len = -1; /* keep failing, as CPython does */
        vm_raise(vm, vm->exc_types.RuntimeError, "dictionary changed size during iteration");
        return -1;
    }
    DictEntry *e = iter_advance(it);
    if (!e) {
        it->dict = NULL;
        obj_decref(vm, &d->hdr);
        return 0;
    }
    if (it->kind == DK_ITEMS) {
        Value k = v_incref(e->key), v = v_incref(e->value);
        TupleObj *t = cont_result_tuple(vm, &it->result, 2);
        if (!t) {
            v_decref(vm, k);
            v_decref(vm, v);
            return -1;
        }
        t->items[0] = k;
        t->items[1] = v;
        *out = VOBJ(t);
    } else {
        *out = v_incref(it->kind == DK_KEYS ? e->key : e->value);
    }
    return 1;
}

static void dict_iter_dealloc(VM *vm, Obj *o) {
    DictIterObj *it = (DictIterObj *)o;
    DictObj *d = it->dict;
    TupleObj *t = it->result;
    it->dict = NULL;
    it->result = NULL;
    obj_xdecref(vm, d ? &d->hdr : NULL);
    obj_xdecref(vm, t ? &t->hdr : NULL);
}

static void dict_iter_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    DictIterObj *it = (DictIterObj *)o;
    if (it->dict)
        visit(vm, VOBJ(it->dict), arg);
    if (it->result)
        visit(vm, VOBJ(it->result), arg);
}

/* ---------------------------------------------------------------- views */

static DictKind view_kind(VM *vm, Value v) {
    TypeObj *t = v.as.o->type;
    return t == vm->types.dict_keys ? DK_KEYS : t == vm->types.dict_values ? DK_VALUES : DK_ITEMS;
}

static Value view_new(VM *vm, Value self, TypeObj *type) {
    DictViewObj *v = (DictViewObj *)obj_alloc(vm, type, sizeof(DictViewObj));
    if (!v)
        return VNULL;
    obj_incref(self.as.o);
    v->dict = AS_DICT(self);
    return VOBJ(v);
}

#define VIEW_DICT(v) (((DictViewObj *)(v).as.o)->dict)

static void view_dealloc(VM *vm, Obj *o) {
    DictViewObj *v = (DictViewObj *)o;
    DictObj *d = v->dict;
    v->dict = NULL;
    if (d)
        obj_decref(vm, &d->hdr);
}

static void view_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    DictViewObj *v = (DictViewObj *)o;
    if (v->dict)
        visit(vm, VOBJ(v->dict), arg);
}

static int64_t view_len(VM *vm, Value self) {
    (void)vm;
    return (int64_t)VIEW_DICT(self)->len;
}

static Value view_iter(VM *vm, Value self) {
    return dict_iter_new(vm, VIEW_DICT(self), view_kind(vm, self), false);
}

/* dict_keys([1, 2]): the type name, then the items as a list's repr. */
static StrObj *view_repr(VM *vm, Value self) {
    int r = obj_repr_enter(vm, self.as.o);
    if (r != 0)
        return r > 0 ? str_from_cstr(vm, "...") : NULL;
    ListObj *items = list_from_iterable(vm, self);
    StrObj *inner = items ? obj_repr(vm, VOBJ(items)) : NULL;
    obj_repr_leave(vm, self.as.o);
    obj_xdecref(vm, items ? &items->hdr : NULL);
    if (!inner)
        return NULL;
    StrObj *s = str_printf(vm, "%s(%s)", self.as.o->type->name->data, inner->data);
    obj_decref(vm, &inner->hdr);
    return s;
}

static int view_contains(VM *vm, Value self, Value item) {
    DictObj *d = VIEW_DICT(self);
    DictKind kind = view_kind(vm, self);
    if (kind == DK_KEYS)
        return dict_contains(vm, VOBJ(d), item);
    if (kind == DK_ITEMS) {
        if (!IS_TUPLE(vm, item) || AS_TUPLE(item)->len != 2)
            return 0;
        Value v;
        int r = dict_get(vm, d, AS_TUPLE(item)->items[0], &v);
        if (r <= 0)
            return r;
        r = obj_eq(vm, v, AS_TUPLE(item)->items[1]);
        v_decref(vm, v);
        return r;
    }
    for (size_t i = 0; i < d->nentries; i++) { /* values: a linear search */
        if (IS_NULL(d->entries[i].key))
            continue;
        Value v = v_incref(d->entries[i].value);
        int r = obj_eq(vm, v, item);
        v_decref(vm, v);
        if (r != 0)
            return r;
    }
    return 0;
}

/* Is every item of `a` in `b`? */
static int all_contained_in(VM *vm, Value a, Value b) {
    Value it = obj_iter(vm, a);
    if (IS_NULL(it))
        return -1;
    Value item;
    int r, in = 1;
    while (in == 1 && (r = obj_next(vm, it, &item)) > 0) {
        in = obj_contains(vm, b, item);
        v_decref(vm, item);
    }
    v_decref(vm, it);
    return r < 0 ? -1 : in;
}

static bool is_setlike(VM *vm, Value v) {
    if (cont_is_anyset(vm, v))
        return true;
    return v.kind == V_OBJ &&
           (v.as.o->type == vm->types.dict_keys || v.as.o->type == vm->types.dict_items);
}

/* keys/items views compare like sets (CPython's dictview_richcompare). */
static Value view_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if (!is_setlike(vm, a) || !is_setlike(vm, b))
        return v_incref(vm->not_implemented);
    int64_t la = obj_len(vm, a), lb = obj_len(vm, b);
    if (la < 0 || lb < 0)
        return VNULL;
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        r = la == lb ? all_contained_in(vm, a, b) : 0;
        return r < 0 ? VNULL : VBOOL((r == 1) == (op == CMP_EQ));
    case CMP_LT:
    case CMP_LE:
        r = (op == CMP_LT ? la < lb : la <= lb) ? all_contained_in(vm, a, b) : 0;
        break;
    default:
        r = (op == CMP_GT ? la > lb : la >= lb) ? all_contained_in(vm, b, a) : 0;
        break;
    }
    return r < 0 ? VNULL : VBOOL(r == 1);
}

/* keys/items views with & | - ^: the result is a set, computed by set's own methods. */
static Value view_binop(VM *vm, BinOp op, Value a, Value b) {
    static const char *const names[] = {[BINOP_OR] = "union",
                                        [BINOP_AND] = "intersection",
                                        [BINOP_SUB] = "difference",
                                        [BINOP_XOR] = "symmetric_difference"};
    if (op != BINOP_OR && op != BINOP_AND && op != BINOP_SUB && op != BINOP_XOR)
        return v_incref(vm->not_implemented);
    SetObj *s = set_new(vm, false);
    if (!s || set_update(vm, s, a) < 0) {
        obj_xdecref(vm, s ? &s->hdr : NULL);
        return VNULL;
    }
    Value r = vm_call_method(vm, VOBJ(s), names[op], &b, 1);
    obj_decref(vm, &s->hdr);
    return r;
}

/* ---------------------------------------------------------------- methods */

#define DICT vm->types.dict

static Value dict_init_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_check_self(vm, DICT, "__init__", args, nargs))
        return VNULL;
    if (nargs > 2)
        return vm_raise(vm, vm->exc_types.TypeError, "dict expected at most 1 argument, got %d",
                        nargs - 1);
    DictObj *d = AS_DICT(args[0]);
    if (nargs == 2 && dict_update(vm, d, args[1]) < 0)
        return VNULL;
    for (size_t i = 0; kwnames && i < kwnames->len; i++)
        if (dict_set(vm, d, kwnames->items[i], args[nargs + (int)i]) < 0)
            return VNULL;
    return VNONE;
}

static Value dict_get_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_range(vm, DICT, "get", args, nargs, kwnames, 1, 2))
        return VNULL;
    Value v;
    int r = dict_get(vm, AS_DICT(args[0]), args[1], &v);
    if (r != 0)
        return r > 0 ? v : VNULL;
    return nargs > 2 ? v_incref(args[2]) : VNONE;
}

static Value dict_setdefault_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_range(vm, DICT, "setdefault", args, nargs, kwnames, 1, 2))
        return VNULL;
    DictObj *d = AS_DICT(args[0]);
    int64_t hash;
    if (key_hash(vm, args[1], &hash) < 0)
        return VNULL;
    int64_t ix = lookup(vm, d, args[1], hash);
    if (ix >= 0)
        return v_incref(d->entries[ix].value);
    Value dflt = nargs > 2 ? args[2] : VNONE;
    if (ix == LOOKUP_ERROR || insert_new(vm, d, args[1], hash, dflt) < 0)
        return VNULL;
    return v_incref(dflt);
}

static Value dict_pop_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_range(vm, DICT, "pop", args, nargs, kwnames, 1, 2))
        return VNULL;
    DictObj *d = AS_DICT(args[0]);
    int64_t hash;
    if (key_hash(vm, args[1], &hash) < 0)
        return VNULL;
    int64_t ix = lookup(vm, d, args[1], hash);
    if (ix == LOOKUP_ERROR)
        return VNULL;
    if (ix == LOOKUP_MISSING) {
        if (nargs > 2)
            return v_incref(args[2]);
        cont_key_error(vm, args[1]);
        return VNULL;
    }
    Value v = v_incref(d->entries[ix].value);
    delete_entry(vm, d, ix);
    return v;
}

static Value dict_popitem_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, DICT, "popitem", args, nargs, kwnames, 0))
        return VNULL;
    DictObj *d = AS_DICT(args[0]);
    if (d->len == 0) {
        Value msg = VOBJ(str_from_cstr(vm, "popitem(): dictionary is empty"));
        if (msg.as.o) {
            cont_key_error(vm, msg);
            v_decref(vm, msg);
        }
        return VNULL;
    }
    size_t ix = d->nentries;
    while (IS_NULL(d->entries[ix - 1].key))
        ix--;
    DictEntry *e = &d->entries[ix - 1];
    TupleObj *t = tuple_pack(vm, 2, e->key, e->value);
    if (!t)
        return VNULL;
    delete_entry(vm, d, (int64_t)ix - 1);
    return VOBJ(t);
}

static Value dict_update_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_check_self(vm, DICT, "update", args, nargs))
        return VNULL;
    if (nargs > 2)
        return vm_raise(vm, vm->exc_types.TypeError, "update expected at most 1 argument, got %d",
                        nargs - 1);
    DictObj *d = AS_DICT(args[0]);
    if (nargs == 2 && dict_update(vm, d, args[1]) < 0)
        return VNULL;
    for (size_t i = 0; kwnames && i < kwnames->len; i++)
        if (dict_set(vm, d, kwnames->items[i], args[nargs + (int)i]) < 0)
            return VNULL;
    return VNONE;
}

static Value dict_copy_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, DICT, "copy", args, nargs, kwnames, 0))
        return VNULL;
    DictObj *d = dict_copy(vm, AS_DICT(args[0]));
    return d ? VOBJ(d) : VNULL;
}

static Value dict_clear_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, DICT, "clear", args, nargs, kwnames, 0))
        return VNULL;
    dict_clear_all(vm, AS_DICT(args[0]));
    return VNONE;
}

/* dict.fromkeys(iterable, value=None), a static method here (no subclass result). */
static Value dict_fromkeys_s(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (kwnames && kwnames->len > 0)
        return vm_raise(vm, vm->exc_types.TypeError, "dict.fromkeys() takes no keyword arguments");
    if (nargs < 1)
        return vm_raise(vm, vm->exc_types.TypeError,
                        "fromkeys expected at least 1 argument, got 0");
    if (nargs > 2)
        return vm_raise(vm, vm->exc_types.TypeError,
                        "fromkeys expected at most 2 arguments, got %d", nargs);
    DictObj *d = dict_new(vm);
    Value it = d ? obj_iter(vm, args[0]) : VNULL;
    Value k;
    int r = IS_NULL(it) ? -1 : 0;
    while (r == 0 && (r = obj_next(vm, it, &k)) > 0) {
        r = dict_set(vm, d, k, nargs > 1 ? args[1] : VNONE);
        v_decref(vm, k);
    }
    v_decref(vm, it);
    if (r < 0) {
        obj_xdecref(vm, d ? &d->hdr : NULL);
        return VNULL;
    }
    return VOBJ(d);
}

static Value dict_keys_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, DICT, "keys", args, nargs, kwnames, 0))
        return VNULL;
    return view_new(vm, args[0], vm->types.dict_keys);
}

static Value dict_values_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, DICT, "values", args, nargs, kwnames, 0))
        return VNULL;
    return view_new(vm, args[0], vm->types.dict_values);
}

static Value dict_items_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, DICT, "items", args, nargs, kwnames, 0))
        return VNULL;
    return view_new(vm, args[0], vm->types.dict_items);
}

static Value dict_reversed_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, DICT, "__reversed__", args, nargs, kwnames, 0))
        return VNULL;
    return dict_iter_new(vm, AS_DICT(args[0]), DK_KEYS, true);
}

/* __reversed__ of the three views. */
static Value view_reversed_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    (void)kwnames;
    if (nargs != 1 || args[0].kind != V_OBJ)
        return vm_raise(vm, vm->exc_types.TypeError, "__reversed__() takes no arguments");
    TypeObj *t = args[0].as.o->type;
    if (t != vm->types.dict_keys && t != vm->types.dict_values && t != vm->types.dict_items)
        return vm_raise(vm, vm->exc_types.TypeError, "__reversed__() needs a dict view");
    return dict_iter_new(vm, VIEW_DICT(args[0]), view_kind(vm, args[0]), true);
}

/* The dunders user subclasses call through super() (super().__setitem__(k, v)). */
static Value dict_getitem_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, DICT, "__getitem__", args, nargs, kwnames, 1))
        return VNULL;
    Value v;
    int r = dict_get(vm, AS_DICT(args[0]), args[1], &v);
    if (r == 0)
        cont_key_error(vm, args[1]);
    return r > 0 ? v : VNULL;
}

static Value dict_setitem_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, DICT, "__setitem__", args, nargs, kwnames, 2))
        return VNULL;
    return dict_set(vm, AS_DICT(args[0]), args[1], args[2]) < 0 ? VNULL : VNONE;
}

static Value dict_delitem_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, DICT, "__delitem__", args, nargs, kwnames, 1))
        return VNULL;
    return dict_setitem(vm, args[0], args[1], VNULL) < 0 ? VNULL : VNONE;
}

static Value dict_contains_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!cont_method_args(vm, DICT, "__contains__", args, nargs, kwnames, 1))
        return VNULL;
    int r = dict_contains(vm, args[0], args[1]);
    return r < 0 ? VNULL : VBOOL(r);
}

/* ---------------------------------------------------------------- types */

static bool dict_methods_init(VM *vm, TypeObj *t) {
    static const struct {
        const char *name;
        NativeFn fn;
    } methods[] = {
        {"__init__", dict_init_m},
        {"get", dict_get_m},
        {"setdefault", dict_setdefault_m},
        {"pop", dict_pop_m},
        {"popitem", dict_popitem_m},
        {"update", dict_update_m},
        {"copy", dict_copy_m},
        {"clear", dict_clear_m},
        {"keys", dict_keys_m},
        {"values", dict_values_m},
        {"items", dict_items_m},
        {"__reversed__", dict_reversed_m},
        {"__getitem__", dict_getitem_m},
        {"__setitem__", dict_setitem_m},
        {"__delitem__", dict_delitem_m},
        {"__contains__", dict_contains_m},
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (!type_add_method(vm, t, methods[i].name, methods[i].fn))
            return false;
    return type_add_static(vm, t, "fromkeys", dict_fromkeys_s);
}

static bool view_type_init(VM *vm, TypeObj *t, bool setlike) {
    t->instance_size = sizeof(DictViewObj);
    t->dealloc = view_dealloc; /* no clear slot: the dict breaks any cycle (as CPython) */
    t->traverse = view_traverse;
    t->repr = view_repr;
    t->len = view_len;
    t->iter = view_iter;
    t->contains = view_contains;
    if (setlike) {
        t->richcompare = view_richcompare;
        t->binop = view_binop;
        t->hash = cont_unhashable;
    }
    return type_add_method(vm, t, "__reversed__", view_reversed_m) && cont_add_slot_methods(vm, t);
}

static bool dict_iter_type_fill(VM *vm, TypeObj *it) {
    it->instance_size = sizeof(DictIterObj);
    it->dealloc = dict_iter_dealloc;
    it->traverse = dict_iter_traverse;
    it->clear = dict_iter_dealloc;
    it->iter = cont_self_iter;
    it->next = dict_iter_next;
    return cont_add_slot_methods(vm, it);
}

/* dict_keyiterator is pre-made (vm->types.dict_iter); the other five are made here. */
static bool dict_iter_types_init(VM *vm) {
    static const struct {
        size_t offset;
        const char *name;
    } extra[] = {
        {offsetof(Types, dict_valueiter), "dict_valueiterator"},
        {offsetof(Types, dict_itemiter), "dict_itemiterator"},
        {offsetof(Types, dict_revkeyiter), "dict_reversekeyiterator"},
        {offsetof(Types, dict_revvalueiter), "dict_reversevalueiterator"},
        {offsetof(Types, dict_revitemiter), "dict_reverseitemiterator"},
    };
    if (!dict_iter_type_fill(vm, vm->types.dict_iter))
        return false;
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) {
        TypeObj *t = type_new_builtin(vm, extra[i].name, NULL, sizeof(DictIterObj), 0);
        if (!t)
            return false;
        *(TypeObj **)((char *)&vm->types + extra[i].offset) = t;
        if (!dict_iter_type_fill(vm, t) || !type_ready(vm, t))
            return false;
    }
    return true;
}

bool dict_types_init(VM *vm) {
    TypeObj *t = vm->types.dict;
    t->instance_size = sizeof(DictObj);
    t->flags |= TF_BASETYPE;
    t->dealloc = dict_dealloc;
    t->traverse = dict_traverse;
    t->clear = dict_dealloc;
    t->repr = dict_repr;
    t->hash = cont_unhashable;
    t->richcompare = dict_richcompare;
    t->binop = dict_binop;
    t->inplace = dict_inplace;
    t->truthy = dict_truthy;
    t->len = dict_len;
    t->getitem = dict_getitem;
    t->setitem = dict_setitem;
    t->contains = dict_contains;
    t->iter = dict_iter;
    t->tp_new = dict_tp_new;
    if (!dict_methods_init(vm, t))
        return false;

    return dict_iter_types_init(vm) && view_type_init(vm, vm->types.dict_keys, true) &&
           view_type_init(vm, vm->types.dict_values, false) &&
           view_type_init(vm, vm->types.dict_items, true) && cont_add_new(vm, t) &&
           cont_add_slot_methods(vm, t);
}
