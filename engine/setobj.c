/*
 * setobj.c - set, frozenset and their iterator.
 *
 * The table is a port of CPython 3.11's setobject.c, because programs print sets and the
 * order of a set is the order of its hash table: open addressing that first inspects
 * LINEAR_PROBES neighbouring slots, then jumps with i = i*5 + 1 + (perturb >>= 5); the table
 * starts at 8 slots and, when fill*5 >= mask*3, is rebuilt for used*4 (used*2 past 50000)
 * entries; set-to-set updates presize and copy like set_merge; pop() walks a finger. Any
 * change here changes what `print({5, 1, 9})` shows, so keep it faithful.
 *
 * A slot is unused when its key is V_NULL and its hash 0, a dummy (deleted) when its key is
 * V_NULL and its hash -1 (no live key hashes to -1: hash(-1) is -2).
 *
 * Not for: dict views' set operations (dictobj.c calls the methods here).
 */
#include <string.h>

#include "containers.h"

#define SET_MIN_SIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct {
    Obj hdr;
    SetObj *set; /* NULL when exhausted */
    size_t pos;  /* next slot */
    size_t used; /* the set's size at creation, to detect changes */
    bool broken; /* a size change was reported: keep failing */
} SetIterObj;

#define IS_UNUSED(e) (IS_NULL((e)->key) && (e)->hash == 0)
#define IS_ACTIVE(e) (!IS_NULL((e)->key))

/* ---------------------------------------------------------------- table */

static SetEntry *table_alloc(VM *vm, size_t size) {
    SetEntry *t = ls_alloc(vm, size * sizeof(SetEntry)); /* zeroed: all unused */
    if (!t)
        cont_no_memory(vm);
    return t;
}

static int key_hash(VM *vm, Value key, int64_t *h) {
    if (key.kind == V_INT) {
        *h = hash_int(key.as.i);
        return 0;
    }
    if (key.kind == V_OBJ && key.as.o->type == vm->types.str) {
        *h = str_hash(AS_STR(key));
        return 0;
    }
    return obj_hash(vm, key, h);
}

/* Equality without Python code: 1, 0, or -1 when __eq__ must decide. */
static int quick_eq(VM *vm, Value a, Value b) {
    if (a.kind != b.kind)
        return -1;
    if (a.kind == V_INT || a.kind == V_BOOL)
        return a.as.i == b.as.i;
    if (a.kind == V_NONE)
        return 1;
    if (a.kind != V_OBJ)
        return -1;
    if (a.as.o == b.as.o)
        return 1;
    if (a.as.o->type == vm->types.str && b.as.o->type == vm->types.str)
        return str_eq(AS_STR(a), AS_STR(b));
    return -1;
}

/* Compares a stored key with `key` through __eq__: 1, 0, -1 error, 2 = the set changed. */
static int slow_eq(VM *vm, SetObj *so, SetEntry *entry, Value key) {
    SetEntry *table = so->table;
    Value start = v_incref(entry->key);
    int cmp = obj_eq(vm, start, key);
    bool changed =
        table != so->table || entry->key.kind != start.kind || entry->key.as.i != start.as.i;
    v_decref(vm, start);
    if (cmp >= 0 && changed)
        return 2;
    return cmp;
}

/* CPython's set_lookkey: the slot holding key, an unused slot (not found), or NULL. */
static SetEntry *lookkey(VM *vm, SetObj *so, Value key, int64_t hash) {
restart:;
    size_t mask = so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    while (1) {
        SetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (IS_UNUSED(entry))
                return entry;
            if (entry->hash == hash) {
                int eq = quick_eq(vm, entry->key, key);
                if (eq < 0)
                    eq = slow_eq(vm, so, entry, key);
                if (eq == 2)
                    goto restart;
                if (eq < 0)
                    return NULL;
                if (eq > 0)
                    return entry;
                mask = so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Puts a key known to be absent into a table without dummies (resizing, copying). */
static void insert_clean(SetEntry *table, size_t mask, Value key, int64_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    while (1) {
        SetEntry *entry = &table[i];
        if (IS_NULL(entry->key))
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (IS_NULL(entry->key))
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* Rebuilds the table with the smallest power-of-two size > minused (dummies dropped). */
static int table_resize(VM *vm, SetObj *so, size_t minused) {
    size_t newsize = SET_MIN_SIZE;
    while (newsize <= minused)
        newsize <<= 1;
    if (newsize == SET_MIN_SIZE && so->mask == SET_MIN_SIZE - 1 && so->fill == so->used)
        return 0; /* the small table has no dummies: nothing to do */
    SetEntry *newtable = table_alloc(vm, newsize), *old = so->table;
    if (!newtable)
        return -1;
    size_t oldmask = so->mask;
    so->table = newtable;
    so->mask = newsize - 1;
    so->fill = so->used;
    for (size_t i = 0; i <= oldmask; i++)
        if (IS_ACTIVE(&old[i]))
            insert_clean(newtable, so->mask, old[i].key, old[i].hash);
    ls_free(vm, old, (oldmask + 1) * sizeof(SetEntry));
    return 0;
}

static int grow_after_insert(VM *vm, SetObj *so) {
    return table_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

/* CPython's set_add_entry: adds key (borrowed) unless an equal key is present. */
static int add_entry(VM *vm, SetObj *so, Value key, int64_t hash) {
    key = v_incref(key); /* the comparisons below may run code that drops the caller's ref */
restart:;
    size_t mask = so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    SetEntry *freeslot = NULL, *entry;
    while (1) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (IS_UNUSED(entry))
                goto found_unused_or_dummy;
            if (entry->hash == hash) {
                int eq = quick_eq(vm, entry->key, key);
                if (eq < 0)
                    eq = slow_eq(vm, so, entry, key);
                if (eq == 1)
                    goto found_active;
                if (eq < 0) {
                    v_decref(vm, key);
                    return -1;
                }
                if (eq == 2)
                    goto restart;
                mask = so->mask;
            } else if (entry->hash == -1) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    return so->fill * 5 < mask * 3 ? 0 : grow_after_insert(vm, so);
found_active:
    v_decref(vm, key);
    return 0;
}

static int add_key(VM *vm, SetObj *so, Value key) {
    int64_t hash;
    if (key_hash(vm, key, &hash) < 0)
        return -1;
    return add_entry(vm, so, key, hash);
}

static int contains_entry(VM *vm, SetObj *so, Value key, int64_t hash) {
    SetEntry *e = lookkey(vm, so, key, hash);
    return e ? IS_ACTIVE(e) : -1;
}

static int contains_key(VM *vm, SetObj *so, Value key) {
    int64_t hash;
    if (key_hash(vm, key, &hash) < 0)
        return -1;
    return contains_entry(vm, so, key, hash);
}

/* 1 removed, 0 absent, -1 error. */
static int discard_entry(VM *vm, SetObj *so, Value key, int64_t hash) {
    SetEntry *e = lookkey(vm, so, key, hash);
    if (!e)
        return -1;
    if (!IS_ACTIVE(e))
        return 0;
    Value old = e->key;
    e->key = VNULL;
    e->hash = -1;
    so->used--;
    v_decref(vm, old);
    return 1;
}

static int discard_key(VM *vm, SetObj *so, Value key) {
    int64_t hash;
    if (key_hash(vm, key, &hash) < 0)
        return -1;
    return discard_entry(vm, so, key, hash);
}

/* Iterates the active entries: *pos starts at 0. */
static bool set_next(SetObj *so, size_t *pos, SetEntry **out) {
    while (*pos <= so->mask) {
        SetEntry *e = &so->table[(*pos)++];
        if (IS_ACTIVE(e)) {
            *out = e;
            return true;
        }
    }
    return false;
}

/* Empties the set back to a fresh 8-slot table. The set is consistent (empty) before any
 * key is released, since a dying key may run code that looks at the set. */
static void set_clear_all(VM *vm, SetObj *so) {
    SetEntry *table = so->table, *fresh = ls_alloc(vm, SET_MIN_SIZE * sizeof(SetEntry));
    size_t size = so->mask + 1;
    so->fill = so->used = 0;
    so->hash = -1;
    if (!fresh) { /* out of memory: empty the old table in place, slot by slot */
        for (size_t i = 0; i < size; i++) {
            Value key = table[i].key;
            table[i] = (SetEntry){0, VNULL};
            v_decref(vm, key);
        }
        return;
    }
    so->table = fresh;
    so->mask = SET_MIN_SIZE - 1;
    for (size_t i = 0; i < size; i++)
        v_decref(vm, table[i].key);
    ls_free(vm, table, size * sizeof(SetEntry));
}

/* ---------------------------------------------------------------- construction */

static bool is_set_type(VM *vm, Value v) {
    return v.kind == V_OBJ && type_is_subtype(v.as.o->type, vm->types.set);
}

static SetObj *set_alloc(VM *vm, TypeObj *type) {
    size_t size = type->instance_size > sizeof(SetObj) ? type->instance_size : sizeof(SetObj);
    SetObj *so = (SetObj *)obj_alloc(vm, type, size);
    if (!so)
        return NULL;
    so->hash = -1;
    so->mask = SET_MIN_SIZE - 1;
    so->table = table_alloc(vm, SET_MIN_SIZE);
    if (!so->table) {
        so->mask = 0;
        obj_decref(vm, &so->hdr);
        return NULL;
    }
    return so;
}

SetObj *set_new(VM *vm, bool frozen) {
    return set_alloc(vm, frozen ? vm->types.frozenset : vm->types.set);
}

int set_add(VM *vm, SetObj *s, Value key) {
    return add_key(vm, s, key);
}

int set_contains(VM *vm, SetObj *s, Value key) {
    return contains_key(vm, s, key);
}

/* CPython's set_merge: one presize, then a straight copy when possible. */
static int set_merge(VM *vm, SetObj *so, SetObj *other) {
    if (other == so || other->used == 0)
        return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3 &&
        table_resize(vm, so, (so->used + other->used) * 2) < 0)
        return -1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (size_t i = 0; i <= other->mask; i++)
            if (IS_ACTIVE(&other->table[i]))
                so->table[i] = (SetEntry){other->table[i].hash, v_incref(other->table[i].key)};
        so->fill = so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        for (size_t i = 0; i <= other->mask; i++)
            if (IS_ACTIVE(&other->table[i]))
                insert_clean(so->table, so->mask, v_incref(other->table[i].key),
                             other->table[i].hash);
        return 0;
    }
    for (size_t i = 0; i <= other->mask; i++) {
        SetEntry *e = &other->table[i];
        if (IS_ACTIVE(e) && add_entry(vm, so, e->key, e->hash) < 0)
            return -1;
    }
    return 0;
}

/* Adds a dict's keys with their stored hashes, presized like CPython. */
static int set_merge_dict(VM *vm, SetObj *so, DictObj *d) {
    if ((so->fill + d->len) * 5 >= so->mask * 3 &&
        table_resize(vm, so, (so->used + d->len) * 2) < 0)
        return -1;
    for (size_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (!IS_NULL(e->key) && add_entry(vm, so, e->key, e->hash) < 0)
            return -1;
    }
    return 0;
}

int set_update(VM *vm, SetObj *so, Value other) {
    if (cont_is_anyset(vm, other))
        return set_merge(vm, so, (SetObj *)other.as.o);
    if (IS_DICT(vm, other))
        return set_merge_dict(vm, so, AS_DICT(other));
    Value it = obj_iter(vm, other);
    if (IS_NULL(it))
        return -1;
    Value key;
    int r;
    while ((r = obj_next(vm, it, &key)) > 0) {
        r = add_key(vm, so, key);
        v_decref(vm, key);
        if (r < 0)
            break;
    }
    v_decref(vm, it);
    return r < 0 ? -1 : 0;
}

SetObj *set_display_const(VM *vm, const Value *items, size_t n) {
    SetObj *first = set_new(vm, true), *merged = NULL;
    for (size_t i = 0; first && i < n; i++)
        if (add_key(vm, first, items[i]) < 0) {
            obj_decref(vm, &first->hdr);
            return NULL;
        }
    if (first && (merged = set_new(vm, true))) { /* re-add in the first table's order */
        for (size_t i = 0; i <= first->mask; i++)
            if (IS_ACTIVE(&first->table[i]) &&
                add_entry(vm, merged, first->table[i].key, first->table[i].hash) < 0) {
                obj_decref(vm, &merged->hdr);
                merged = NULL;
                break;
            }
    }
    obj_xdecref(vm, first ? &first->hdr : NULL);
    return merged;
}

/* A new set or frozenset (the base type of `like`) holding the items of iterable (or
 * nothing when V_NULL): CPython's make_new_set_basetype. */
static SetObj *new_like(VM *vm, Value like, Value iterable) {
    TypeObj *t = is_set_type(vm, like) ? vm->types.set : vm->types.frozenset;
    SetObj *so = set_alloc(vm, t);
    if (so && !IS_NULL(iterable) && set_update(vm, so, iterable) < 0) {
        obj_decref(vm, &so->hdr);
        return NULL;
    }
    return so;
}

static Value set_result(SetObj *so) {
    return so ? VOBJ(so) : VNULL;
}

/* ---------------------------------------------------------------- algebra */

static Value set_copy(VM *vm, Value self) {
    return set_result(new_like(vm, self, self));
}

static Value set_intersection(VM *vm, SetObj *so, Value other) {
    if (other.kind == V_OBJ && other.as.o == &so->hdr)
        return set_copy(vm, VOBJ(so));
    SetObj *result = new_like(vm, VOBJ(so), VNULL);
    if (!result)
        return VNULL;
    if (cont_is_anyset(vm, other)) {
        SetObj *a = so, *b = (SetObj *)other.as.o;
        if (b->used > a->used) { /* iterate the smaller set */
            SetObj *t = a;
            a = b;
            b = t;
        }
        size_t pos = 0;
        SetEntry *e;
        while (set_next(b, &pos, &e)) {
            Value key = v_incref(e->key);
            int64_t hash = e->hash;
            int rv = contains_entry(vm, a, key, hash);
            if (rv > 0)
                rv = add_entry(vm, result, key, hash);
            v_decref(vm, key);
            if (rv < 0) {
                obj_decref(vm, &result->hdr);
                return VNULL;
            }
        }
        return VOBJ(result);
    }
    Value it = obj_iter(vm, other);
    Value key;
    int r = IS_NULL(it) ? -1 : 0;
    while (r == 0 && (r = obj_next(vm, it, &key)) > 0) {
        int64_t hash;
        r = key_hash(vm, key, &hash);
        int rv = r < 0 ? -1 : contains_entry(vm, so, key, hash);
        r = rv < 0 ? -1 : rv > 0 ? add_entry(vm, result, key, hash) : 0;
        v_decref(vm, key);
        if (r == 0 && result->used >= so->used)
            break;
    }
    v_decref(vm, it);
    if (r < 0) {
        obj_decref(vm, &result->hdr);
        return VNULL;
    }
    return VOBJ(result);
}

/* Exchanges the contents of two sets (intersection_update keeps the new body). */
static void swap_bodies(SetObj *a, SetObj *b) {
    SetObj t = *a;
    a->table = b->table, a->mask = b->mask, a->fill = b->fill, a->used = b->used;
    b->table = t.table, b->mask = t.mask, b->fill = t.fill, b->used = t.used;
    a->hash = b->hash = -1;
}

static int difference_update(VM *vm, SetObj *so, Value other) {
    if (other.kind == V_OBJ && other.as.o == &so->hdr) {
        set_clear_all(vm, so);
        return 0;
    }
    if (cont_is_anyset(vm, other)) {
        SetObj *o = (SetObj *)other.as.o;
        Value keep = (o->used >> 3) > so->used ? set_intersection(vm, so, other) : v_incref(other);
        if (IS_NULL(keep))
            return -1;
        size_t pos = 0;
        SetEntry *e;
        int r = 0;
        while (r >= 0 && set_next((SetObj *)keep.as.o, &pos, &e)) {
            Value key = v_incref(e->key);
            r = discard_entry(vm, so, key, e->hash);
            v_decref(vm, key);
        }
        v_decref(vm, keep);
        if (r < 0)
            return -1;
    } else {
        Value it = obj_iter(vm, other);
        Value key;
        int r = IS_NULL(it) ? -1 : 0;
        while (r >= 0 && (r = obj_next(vm, it, &key)) > 0) {
            r = discard_key(vm, so, key);
            v_decref(vm, key);
        }
        v_decref(vm, it);
        if (r < 0)
            return -1;
    }
    /* more than 1/4 dummies: resize them away */
    if (so->fill - so->used <= so->mask / 4)
        return 0;
    return grow_after_insert(vm, so);
}

static Value copy_and_difference(VM *vm, SetObj *so, Value other) {
    Value r = set_copy(vm, VOBJ(so));
    if (!IS_NULL(r) && difference_update(vm, (SetObj *)r.as.o, other) < 0) {
        v_decref(vm, r);
        return VNULL;
    }
    return r;
}

static Value set_difference(VM *vm, SetObj *so, Value other) {
    size_t other_size;
    if (cont_is_anyset(vm, other))
        other_size = ((SetObj *)other.as.o)->used;
    else if (IS_DICT(vm, other))
        other_size = AS_DICT(other)->len;
    else
        return copy_and_difference(vm, so, other);
    if ((so->used >> 2) > other_size)
        return copy_and_difference(vm, so, other);
    SetObj *result = new_like(vm, VOBJ(so), VNULL);
    if (!result)
        return VNULL;
    size_t pos = 0;
    SetEntry *e;
    int rv = 0;
    while (rv >= 0 && set_next(so, &pos, &e)) {
        Value key = v_incref(e->key);
        int64_t hash = e->hash;
        if (IS_DICT(vm, other))
            rv = obj_contains(vm, other, key);
        else
            rv = contains_entry(vm, (SetObj *)other.as.o, key, hash);
        if (rv == 0)
            rv = add_entry(vm, result, key, hash);
        v_decref(vm, key);
    }
    if (rv < 0) {
        obj_decref(vm, &result->hdr);
        return VNULL;
    }
    return VOBJ(result);
}

static int symmetric_difference_update(VM *vm, SetObj *so, Value other) {
    if (other.kind == V_OBJ && other.as.o == &so->hdr) {
        set_clear_all(vm, so);
        return 0;
    }
    Value o =
        cont_is_anyset(vm, other) ? v_incref(other) : set_result(new_like(vm, VOBJ(so), other));
    if (IS_NULL(o))
        return -1;
    size_t pos = 0;
    SetEntry *e;
    int rv = 0;
    while (rv >= 0 && set_next((SetObj *)o.as.o, &pos, &e)) {
        Value key = v_incref(e->key);
        int64_t hash = e->hash;
        rv = discard_entry(vm, so, key, hash);
        if (rv == 0)
            rv = add_entry(vm, so, key, hash);
        v_decref(vm, key);
    }
    v_decref(vm, o);
    return rv < 0 ? -1 : 0;
}

static Value set_symmetric_difference(VM *vm, SetObj *so, Value other) {
    SetObj *result = new_like(vm, VOBJ(so), other);
    if (result && symmetric_difference_update(vm, result, VOBJ(so)) < 0) {
        obj_decref(vm, &result->hdr);
        return VNULL;
    }
    return set_result(result);
}

/* 1 when every item of so is in other, 0 if not, -1 on error. */
static int is_subset(VM *vm, SetObj *so, Value other) {
    if (!cont_is_anyset(vm, other)) {
        Value tmp = set_intersection(vm, so, other);
        if (IS_NULL(tmp))
            return -1;
        int r = ((SetObj *)tmp.as.o)->used == so->used;
        v_decref(vm, tmp);
        return r;
    }
    SetObj *o = (SetObj *)other.as.o;
    if (so->used > o->used)
        return 0;
    size_t pos = 0;
    SetEntry *e;
    while (set_next(so, &pos, &e)) {
        Value key = v_incref(e->key);
        int rv = contains_entry(vm, o, key, e->hash);
        v_decref(vm, key);
        if (rv <= 0)
            return rv;
    }
    return 1;
}

static int is_superset(VM *vm, SetObj *so, Value other) {
    if (cont_is_anyset(vm, other))
        return is_subset(vm, (SetObj *)other.as.o, VOBJ(so));
    Value it = obj_iter(vm, other);
    if (IS_NULL(it))
        return -1;
    Value key;
    int r, in = 1;
    while (in == 1 && (r = obj_next(vm, it, &key)) > 0) {
        in = contains_key(vm, so, key);
        v_decref(vm, key);
    }
    v_decref(vm, it);
    return r < 0 ? -1 : in;
}

static int is_disjoint(VM *vm, SetObj *so, Value other) {
    if (other.kind == V_OBJ && other.as.o == &so->hdr)
        return so->used == 0;
    Value it = obj_iter(vm, other);
    if (IS_NULL(it))
        return -1;
    Value key;
    int r, in = 0;
    while (in == 0 && (r = obj_next(vm, it, &key)) > 0) {
        in = contains_key(vm, so, key);
        v_decref(vm, key);
    }
    v_decref(vm, it);
    return r < 0 || in < 0 ? -1 : !in;
}

/* ---------------------------------------------------------------- slots */

static void set_dealloc(VM *vm, Obj *o) {
    SetObj *so = (SetObj *)o;
    SetEntry *table = so->table;
    size_t size = so->mask + 1;
    so->table = NULL;
    so->used = so->fill = so->mask = 0;
    for (size_t i = 0; table && i < size; i++)
        if (IS_ACTIVE(&table[i]))
            v_decref(vm, table[i].key);
    ls_free(vm, table, size * sizeof(SetEntry));
}

/* Cycle breaking: drop the keys but keep a usable empty table. */
static void set_clear_slot(VM *vm, Obj *o) {
    set_clear_all(vm, (SetObj *)o);
}

static void set_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    SetObj *so = (SetObj *)o;
    for (size_t i = 0; so->table && i <= so->mask; i++)
        if (so->table[i].key.kind == V_OBJ)
            visit(vm, so->table[i].key, arg);
}

static StrObj *set_repr(VM *vm, Value self) {
    SetObj *so = (SetObj *)self.as.o;
    const char *tname = self.as.o->type->name->data;
    bool plain = self.as.o->type == vm->types.set;
    int r = obj_repr_enter(vm, self.as.o);
    if (r != 0)
        return r > 0 ? str_printf(vm, "%s(...)", tname) : NULL;
    StrObj *s = NULL;
    if (so->used == 0) {
        s = str_printf(vm, "%s()", tname);
    } else {
        ListObj *keys = list_from_iterable(vm, self);
        StrObj *lr = keys ? obj_repr(vm, VOBJ(keys)) : NULL;
        if (lr) /* "{" + repr(list)[1:-1] + "}" */
            s = plain ? str_printf(vm, "{%.*s}", (int)lr->len - 2, lr->data + 1)
                      : str_printf(vm, "%s({%.*s})", tname, (int)lr->len - 2, lr->data + 1);
        obj_xdecref(vm, lr ? &lr->hdr : NULL);
        obj_xdecref(vm, keys ? &keys->hdr : NULL);
    }
    obj_repr_leave(vm, self.as.o);
    return s;
}

static uint64_t shuffle_bits(uint64_t h) {
    return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull;
}

/* CPython's frozenset_hash: order-independent xor of shuffled entry hashes. */
static int frozenset_hash(VM *vm, Value self, int64_t *out) {
    (void)vm;
    SetObj *so = (SetObj *)self.as.o;
    if (so->hash != -1) {
        *out = so->hash;
        return 0;
    }
    uint64_t hash = 0;
    for (size_t i = 0; i <= so->mask; i++)
        hash ^= shuffle_bits((uint64_t)so->table[i].hash);
    if ((so->mask + 1 - so->fill) & 1) /* remove the effect of unused and dummy slots */
        hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237ull;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069u + 907133923ull;
    if (hash == (uint64_t)-1)
        hash = 590923713ull;
    so->hash = (int64_t)hash;
    *out = so->hash;
    return 0;
}

static Value set_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if (!cont_is_anyset(vm, a) || !cont_is_anyset(vm, b))
        return v_incref(vm->not_implemented);
    SetObj *v = (SetObj *)a.as.o, *w = (SetObj *)b.as.o;
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        if (v->used != w->used || (v->hash != -1 && w->hash != -1 && v->hash != w->hash))
            r = 0;
        else
            r = is_subset(vm, v, b);
        return r < 0 ? VNULL : VBOOL((r == 1) == (op == CMP_EQ));
    case CMP_LE:
        r = is_subset(vm, v, b);
        break;
    case CMP_GE:
        r = is_superset(vm, v, b);
        break;
    case CMP_LT:
        r = v->used < w->used ? is_subset(vm, v, b) : 0;
        break;
    default:
        r = v->used > w->used ? is_superset(vm, v, b) : 0;
        break;
    }
    return r < 0 ? VNULL : VBOOL(r == 1);
}

static Value set_binop(VM *vm, BinOp op, Value a, Value b) {
    if (!cont_is_anyset(vm, a) || !cont_is_anyset(vm, b))
        return v_incref(vm->not_implemented);
    SetObj *so = (SetObj *)a.as.o;
    switch (op) {
    case BINOP_OR: {
        Value r = set_copy(vm, a);
        if (!IS_NULL(r) && a.as.o != b.as.o && set_update(vm, (SetObj *)r.as.o, b) < 0) {
            v_decref(vm, r);
            return VNULL;
        }
        return r;
    }
    case BINOP_AND:
        return set_intersection(vm, so, b);
    case BINOP_SUB:
        return set_difference(vm, so, b);
    case BINOP_XOR:
        return set_symmetric_difference(vm, so, b);
    default:
        return v_incref(vm->not_implemented);
    }
}

static Value set_inplace(VM *vm, BinOp op, Value a, Value b) {
    if (!is_set_type(vm, a) || !cont_is_anyset(vm, b))
        return v_incref(vm->not_implemented);
    SetObj *so = (SetObj *)a.as.o;
    int r;
    if (op == BINOP_OR) {
        r = set_update(vm, so, b);
    } else if (op == BINOP_AND) {
        Value tmp = set_intersection(vm, so, b);
        r = IS_NULL(tmp) ? -1 : 0;
        if (r == 0) {
            swap_bodies(so, (SetObj *)tmp.as.o);
            v_decref(vm, tmp);
        }
    } else if (op == BINOP_SUB) {
        r = difference_update(vm, so, b);
    } else if (op == BINOP_XOR) {
        r = symmetric_difference_update(vm, so, b);
    } else {
        return v_incref(vm->not_implemented);
    }
    return r < 0 ? VNULL : v_incref(a);
}

static int set_truthy(VM *vm, Value self) {
    (void)vm;
    return ((SetObj *)self.as.o)->used > 0;
}

static int64_t set_len(VM *vm, Value self) {
    (void)vm;
    return (int64_t)((SetObj *)self.as.o)->used;
}

/* `x in s`, `s.remove(x)`, `s.discard(x)`: an unhashable set key is looked up as a
 * frozenset, as CPython does. */
static int with_frozen_key(VM *vm, SetObj *so, Value key, int (*op)(VM *, SetObj *, Value)) {
    int r = op(vm, so, key);
    if (r >= 0 || !is_set_type(vm, key) || !vm_exc_matches(vm, vm->exc_types.TypeError))
        return r;
    vm_exc_clear(vm);
    SetObj *tmp = set_alloc(vm, vm->types.frozenset);
    if (!tmp || set_update(vm, tmp, key) < 0) {
        obj_xdecref(vm, tmp ? &tmp->hdr : NULL);
        return -1;
    }
    r = op(vm, so, VOBJ(tmp));
    obj_decref(vm, &tmp->hdr);
    return r;
}

static int set_contains_slot(VM *vm, Value self, Value key) {
    return with_frozen_key(vm, (SetObj *)self.as.o, key, contains_key);
}

/* set() makes an empty set (set.__init__ fills it); frozenset(x) is built here. */
static Value set_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return set_result(set_alloc(vm, type));
}

static Value frozenset_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    if (kwnames && kwnames->len > 0 && type == vm->types.frozenset)
        return vm_raise(vm, vm->exc_types.TypeError, "frozenset() takes no keyword arguments");
    if (nargs > 1)
        return vm_raise(vm, vm->exc_types.TypeError,
                        "frozenset expected at most 1 argument, got %d", nargs);
    if (nargs == 1 && type == vm->types.frozenset && is_exact(vm, args[0], type))
        return v_incref(args[0]); /* frozenset(f) is f */
    SetObj *so = set_alloc(vm, type);
    if (so && nargs == 1 && set_update(vm, so, args[0]) < 0) {
        obj_decref(vm, &so->hdr);
        return VNULL;
    }
    return set_result(so);
}

/* ---------------------------------------------------------------- iterator */

static Value set_iter(VM *vm, Value self) {
    SetIterObj *it = (SetIterObj *)obj_alloc(vm, vm->types.set_iter, sizeof(SetIterObj));
    if (!it)
        return VNULL;
    obj_incref(self.as.o);
    it->set = (SetObj *)self.as.o;
    it->used = it->set->used;
    return VOBJ(it);
}

static int set_iter_next(VM *vm, Value self, Value *out) {
    SetIterObj *it = (SetIterObj *)self.as.o;
    SetObj *so = it->set;
    if (!so)
        return 0;
    if (it->broken || it->used != so->used) {
        it->broken = true;
        vm_raise(vm, vm->exc_types.RuntimeError, "Set changed size during iteration");
        return -1;
    }
    SetEntry *e;
    if (set_next(so, &it->pos, &e)) {
        *out = v_incref(e->key);
        return 1;
    }
    it->set = NULL;
    obj_decref(vm, &so->hdr);
    return 0;
}

static void set_iter_dealloc(VM *vm, Obj *o) {
    SetIterObj *it = (SetIterObj *)o;
    SetObj *so = it->set;
    it->set = NULL;
    if (so)
        obj_decref(vm, &so->hdr);
}

static void set_iter_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    SetIterObj *it = (SetIterObj *)o;
    if (it->set)
        visit(vm, VOBJ(it->set), arg);
}

/* ---------------------------------------------------------------- methods */

/* Receiver check for methods of both set and frozenset (mutating ones need a set). */
static bool set_self(VM *vm, Value *args, int nargs, const char *name, bool mutating) {
    if (nargs >= 1 && (mutating ? is_set_type(vm, args[0]) : cont_is_anyset(vm, args[0])))
        return true;
    return cont_check_self(vm, vm->types.set, name, args, nargs);
}

static bool set_args(VM *vm, Value *args, int nargs, TupleObj *kwnames, const char *name,
                     bool mutating, int n) {
    if (!set_self(vm, args, nargs, name, mutating))
        return false;
    TypeObj *t = args[0].as.o->type;
    return cont_method_args(vm,
                            type_is_subtype(t, vm->types.set) ? vm->types.set : vm->types.frozenset,
                            name, args, nargs, kwnames, n);
}

#define SELF_SET(args) ((SetObj *)(args)[0].as.o)

static Value bool_result(int r) {
    return r < 0 ? VNULL : VBOOL(r);
}

static Value set_init_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_self(vm, args, nargs, "__init__", true))
        return VNULL;
    if (kwnames && kwnames->len > 0)
        return vm_raise(vm, vm->exc_types.TypeError, "set() takes no keyword arguments");
    if (nargs > 2)
        return vm_raise(vm, vm->exc_types.TypeError, "set expected at most 1 argument, got %d",
                        nargs - 1);
    if (SELF_SET(args)->fill)
        set_clear_all(vm, SELF_SET(args));
    if (nargs == 2 && set_update(vm, SELF_SET(args), args[1]) < 0)
        return VNULL;
    return VNONE;
}

static Value set_add_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_args(vm, args, nargs, kwnames, "add", true, 1))
        return VNULL;
    return add_key(vm, SELF_SET(args), args[1]) < 0 ? VNULL : VNONE;
}

static Value set_discard_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_args(vm, args, nargs, kwnames, "discard", true, 1))
        return VNULL;
    return with_frozen_key(vm, SELF_SET(args), args[1], discard_key) < 0 ? VNULL : VNONE;
}

static Value set_remove_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_args(vm, args, nargs, kwnames, "remove", true, 1))
        return VNULL;
    int r = with_frozen_key(vm, SELF_SET(args), args[1], discard_key);
    if (r == 0)
        cont_key_error(vm, args[1]);
    return r > 0 ? VNONE : VNULL;
}

static Value set_pop_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_args(vm, args, nargs, kwnames, "pop", true, 0))
        return VNULL;
    SetObj *so = SELF_SET(args);
    if (so->used == 0)
        return vm_raise(vm, vm->exc_types.KeyError, "pop from an empty set");
    SetEntry *entry = so->table + (so->finger & so->mask), *limit = so->table + so->mask;
    while (!IS_ACTIVE(entry))
        if (++entry > limit)
            entry = so->table;
    Value key = entry->key;
    entry->key = VNULL;
    entry->hash = -1;
    so->used--;
    so->finger = (size_t)(entry - so->table) + 1;
    return key;
}

static Value set_clear_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_args(vm, args, nargs, kwnames, "clear", true, 0))
        return VNULL;
    set_clear_all(vm, SELF_SET(args));
    return VNONE;
}

static Value set_copy_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_args(vm, args, nargs, kwnames, "copy", false, 0))
        return VNULL;
    if (is_exact(vm, args[0], vm->types.frozenset))
        return v_incref(args[0]);
    return set_copy(vm, args[0]);
}

/* Methods taking *others: receiver check and no keywords. */
static bool set_varargs(VM *vm, Value *args, int nargs, TupleObj *kwnames, const char *name,
                        bool mutating) {
    if (!set_self(vm, args, nargs, name, mutating))
        return false;
    if (kwnames && kwnames->len > 0) {
        vm_raise(vm, vm->exc_types.TypeError, "%s.%s() takes no keyword arguments",
                 args[0].as.o->type->name->data, name);
        return false;
    }
    return true;
}

static Value set_union_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_varargs(vm, args, nargs, kwnames, "union", false))
        return VNULL;
    Value r = set_copy(vm, args[0]);
    for (int i = 1; i < nargs && !IS_NULL(r); i++) {
        if (args[i].kind == V_OBJ && args[i].as.o == args[0].as.o)
            continue;
        if (set_update(vm, (SetObj *)r.as.o, args[i]) < 0) {
            v_decref(vm, r);
            r = VNULL;
        }
    }
    return r;
}

static Value set_update_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_varargs(vm, args, nargs, kwnames, "update", true))
        return VNULL;
    for (int i = 1; i < nargs; i++)
        if (set_update(vm, SELF_SET(args), args[i]) < 0)
            return VNULL;
    return VNONE;
}

/* s.intersection(*others): s & o1 & o2 ... */
static Value intersection_multi(VM *vm, Value *args, int nargs) {
    if (nargs == 1)
        return set_copy(vm, args[0]);
    Value result = v_incref(args[0]);
    for (int i = 1; i < nargs && !IS_NULL(result); i++) {
        Value next = set_intersection(vm, (SetObj *)result.as.o, args[i]);
        v_decref(vm, result);
        result = next;
    }
    return result;
}

static Value set_intersection_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_varargs(vm, args, nargs, kwnames, "intersection", false))
        return VNULL;
    return intersection_multi(vm, args, nargs);
}

static Value set_intersection_update_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_varargs(vm, args, nargs, kwnames, "intersection_update", true))
        return VNULL;
    Value tmp = intersection_multi(vm, args, nargs);
    if (IS_NULL(tmp))
        return VNULL;
    swap_bodies(SELF_SET(args), (SetObj *)tmp.as.o);
    v_decref(vm, tmp);
    return VNONE;
}

static Value set_difference_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_varargs(vm, args, nargs, kwnames, "difference", false))
        return VNULL;
    if (nargs == 1)
        return set_copy(vm, args[0]);
    Value r = set_difference(vm, SELF_SET(args), args[1]);
    for (int i = 2; i < nargs && !IS_NULL(r); i++)
        if (difference_update(vm, (SetObj *)r.as.o, args[i]) < 0) {
            v_decref(vm, r);
            r = VNULL;
        }
    return r;
}

static Value set_difference_update_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_varargs(vm, args, nargs, kwnames, "difference_update", true))
        return VNULL;
    for (int i = 1; i < nargs; i++)
        if (difference_update(vm, SELF_SET(args), args[i]) < 0)
            return VNULL;
    return VNONE;
}

static Value set_symdiff_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_args(vm, args, nargs, kwnames, "symmetric_difference", false, 1))
        return VNULL;
    return set_symmetric_difference(vm, SELF_SET(args), args[1]);
}

static Value set_symdiff_update_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_args(vm, args, nargs, kwnames, "symmetric_difference_update", true, 1))
        return VNULL;
    return symmetric_difference_update(vm, SELF_SET(args), args[1]) < 0 ? VNULL : VNONE;
}

static Value set_issubset_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_args(vm, args, nargs, kwnames, "issubset", false, 1))
        return VNULL;
    return bool_result(is_subset(vm, SELF_SET(args), args[1]));
}

static Value set_issuperset_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_args(vm, args, nargs, kwnames, "issuperset", false, 1))
        return VNULL;
    return bool_result(is_superset(vm, SELF_SET(args), args[1]));
}

static Value set_isdisjoint_m(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!set_args(vm, args, nargs, kwnames, "isdisjoint", false, 1))
        return VNULL;
    return bool_result(is_disjoint(vm, SELF_SET(args), args[1]));
}

/* ---------------------------------------------------------------- types */

typedef struct {
    const char *name;
    NativeFn fn;
    bool mutating; /* set only */
} SetMethod;

static const SetMethod set_methods[] = {
    {"__init__", set_init_m, true},
    {"add", set_add_m, true},
    {"discard", set_discard_m, true},
    {"remove", set_remove_m, true},
    {"pop", set_pop_m, true},
    {"clear", set_clear_m, true},
    {"update", set_update_m, true},
    {"intersection_update", set_intersection_update_m, true},
    {"difference_update", set_difference_update_m, true},
    {"symmetric_difference_update", set_symdiff_update_m, true},
    {"copy", set_copy_m, false},
    {"union", set_union_m, false},
    {"intersection", set_intersection_m, false},
    {"difference", set_difference_m, false},
    {"symmetric_difference", set_symdiff_m, false},
    {"issubset", set_issubset_m, false},
    {"issuperset", set_issuperset_m, false},
    {"isdisjoint", set_isdisjoint_m, false},
};

static bool set_common_init(VM *vm, TypeObj *t, bool frozen) {
    t->instance_size = sizeof(SetObj);
    t->flags |= TF_BASETYPE;
    t->dealloc = set_dealloc;
    t->traverse = set_traverse;
    t->clear = set_clear_slot;
    t->repr = set_repr;
    t->hash = frozen ? frozenset_hash : cont_unhashable;
    t->richcompare = set_richcompare;
    t->binop = set_binop;
    t->inplace = frozen ? NULL : set_inplace;
    t->truthy = set_truthy;
    t->len = set_len;
    t->contains = set_contains_slot;
    t->iter = set_iter;
    t->tp_new = frozen ? frozenset_tp_new : set_tp_new;
    for (size_t i = 0; i < sizeof set_methods / sizeof set_methods[0]; i++)
        if ((!frozen || !set_methods[i].mutating) &&
            !type_add_method(vm, t, set_methods[i].name, set_methods[i].fn))
            return false;
    return true;
}

bool set_types_init(VM *vm) {
    if (!set_common_init(vm, vm->types.set, false) ||
        !set_common_init(vm, vm->types.frozenset, true))
        return false;
    TypeObj *it = vm->types.set_iter;
    it->instance_size = sizeof(SetIterObj);
    it->dealloc = set_iter_dealloc;
    it->traverse = set_iter_traverse;
    it->clear = set_iter_dealloc;
    it->iter = cont_self_iter;
    it->next = set_iter_next;
    return cont_add_new(vm, vm->types.set) && cont_add_new(vm, vm->types.frozenset) &&
           cont_add_slot_methods(vm, vm->types.set) &&
           cont_add_slot_methods(vm, vm->types.frozenset) && cont_add_slot_methods(vm, it);
}
