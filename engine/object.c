/*
 * object.c - memory and object lifetime: the byte-counting allocator, obj_alloc/obj_dealloc,
 * the list of traversable objects, type predicates, deterministic fake addresses, and the
 * creation (objects_init) and teardown (objects_free) of the built-in world.
 *
 * Memory management choice: reference counting, like CPython. Destruction must be
 * deterministic because CPython prints "coroutine ... was never awaited" and "Task was
 * destroyed but it is pending!" at the exact moment an object dies, and programs observe
 * that order. Reference cycles (a class and its methods' globals, a frame and its
 * exception's traceback) are NOT collected while the program runs: there is no cycle
 * collector yet. Every object whose type has a traverse slot is kept on vm->gc_objects, so
 * objects_free can break the remaining cycles with each type's `clear` slot and end with
 * zero bytes allocated; a trial-deletion collector can later walk the same list.
 *
 * Not for: the generic protocol (abstract.c), the type machinery (typeobj.c), numbers and
 * strings (numobj.c, strobj.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objimpl.h"

/* ---------------------------------------------------------------- allocator */

/* Default vm->bytes_limit: far more than any teaching scenario needs, far less than the
 * machine has. Past it, allocations fail and raise MemoryError. */
#define LS_MEMORY_BUDGET ((size_t)1 << 30)

/* Every block carries its size in a hidden header, so accounting stays exact even when a
 * caller cannot know an object's size (variable-length objects are freed by obj_dealloc). */
typedef union {
    size_t size;
    max_align_t align;
} BlockHeader;

/* Would `more` bytes pass the budget? Written so that no sum can wrap around. */
static bool over_budget(VM *vm, size_t more) {
    if (more > SIZE_MAX / 4) /* no budget check can be trusted with such a size */
        return true;
    return vm->bytes_limit &&
           (more > vm->bytes_limit || vm->bytes_allocated > vm->bytes_limit - more);
}

void *ls_alloc(VM *vm, size_t size) {
    if (over_budget(vm, size))
        return NULL;
    BlockHeader *h = calloc(1, sizeof(BlockHeader) + size);
    if (!h)
        return NULL;
    h->size = size;
    vm->bytes_allocated += size;
    return h + 1;
}

void *ls_realloc(VM *vm, void *p, size_t old_size, size_t new_size) {
    (void)old_size;
    if (!p)
        return ls_alloc(vm, new_size);
    BlockHeader *h = (BlockHeader *)p - 1;
    size_t old = h->size;
    if (new_size > old && over_budget(vm, new_size - old))
        return NULL;
    BlockHeader *n = realloc(h, sizeof(BlockHeader) + new_size);
    if (!n)
        return NULL;
    if (new_size > old)
        memset((char *)(n + 1) + old, 0, new_size - old);
    n->size = new_size;
    vm->bytes_allocated = vm->bytes_allocated - old + new_size;
    return n + 1;
}

void ls_free(VM *vm, void *p, size_t size) {
    (void)size;
    if (!p)
        return;
    BlockHeader *h = (BlockHeader *)p - 1;
    vm->bytes_allocated -= h->size;
    free(h);
}

/* ---------------------------------------------------------------- objects */

static void gc_link(VM *vm, Obj *o) {
    Obj *head = &vm->gc_objects;
    if (!head->gc_next) /* first use: an empty circular list */
        head->gc_next = head->gc_prev = head;
    if (++vm->gc_allocs > vm->gc_threshold)
        vm->gc_pending = true;
    o->gc_next = head;
    o->gc_prev = head->gc_prev;
    head->gc_prev->gc_next = o;
    head->gc_prev = o;
}

static void gc_unlink(Obj *o) {
    o->gc_prev->gc_next = o->gc_next;
    o->gc_next->gc_prev = o->gc_prev;
    o->gc_prev = o->gc_next = NULL;
}

static Obj *raise_memory_error(VM *vm) {
    if (!vm->exc_types.MemoryError)
        return NULL; /* still building the built-in world: objects_init fails */
    /* Raising allocates: lift the budget for the exception object itself. */
    size_t limit = vm->bytes_limit;
    vm->bytes_limit = 0;
    vm_raise(vm, vm->exc_types.MemoryError, "");
    vm->bytes_limit = limit;
    return NULL;
}

Obj *obj_alloc(VM *vm, TypeObj *type, size_t size) {
    Obj *o = ls_alloc(vm, size);
    if (!o)
        return raise_memory_error(vm);
    o->refcnt = 1;
    o->type = type;
    if (type->flags & TF_HEAPTYPE)
        obj_incref(&type->hdr);
    if (type->traverse)
        gc_link(vm, o);
    return o;
}

static void fake_forget(VM *vm, Obj *o);

static void dealloc_now(VM *vm, Obj *o) {
    TypeObj *type = o->type;
    if (type->dealloc)
        type->dealloc(vm, o);
    if (o->gc_prev)
        gc_unlink(o);
    if (vm->memo && vm->memo->fake_len)
        fake_forget(vm, o);
    ls_free(vm, o, 0);
    if (type->flags & TF_HEAPTYPE)
        obj_decref(vm, &type->hdr);
}

/* Deeper than this, deallocations wait in a list (CPython's PyTrash_UNWIND_LEVEL). */
enum { TRASH_DEPTH = 50 };

/* The trashcan (CPython's Py_TRASHCAN_BEGIN): freeing a list nested 100000 deep, or a long
 * traceback chain, would recurse once per level and overflow the C stack. Past TRASH_DEPTH
 * nested deallocations an object is parked on memo->trash, linked through its gc_next (it
 * is unlinked from the gc list first), and the outermost obj_dealloc frees the parked ones
 * one by one. */
void obj_dealloc(VM *vm, Obj *o) {
    struct ObjMemo *m = vm->memo;
    if (!m) {
        dealloc_now(vm, o);
        return;
    }
    if (m->dealloc_depth >= TRASH_DEPTH) {
        if (o->gc_prev)
            gc_unlink(o);
        o->gc_next = m->trash;
        m->trash = o;
        return;
    }
    m->dealloc_depth++;
    dealloc_now(vm, o);
    if (m->dealloc_depth == 1) {
        while (m->trash) {
            Obj *t = m->trash;
            m->trash = t->gc_next;
            t->gc_next = NULL;
            dealloc_now(vm, t);
        }
    }
    m->dealloc_depth--;
}

/* ---------------------------------------------------------------- type predicates */

TypeObj *val_type(VM *vm, Value v) {
    switch (v.kind) {
    case V_OBJ:
        return v.as.o->type;
    case V_INT:
        return vm->types.int_;
    case V_FLOAT:
        return vm->types.float_;
    case V_BOOL:
        return vm->types.bool_;
    case V_NONE:
        return vm->types.none;
    default:
        fprintf(stderr, "%s:%d: val_type of V_NULL\n", __FILE__, __LINE__);
        abort();
    }
}

/* Walks the MRO (not just the base chain): errors.c gives ExceptionGroup a hand-made MRO
 * so that it is also an Exception, as in CPython. */
bool type_is_subtype(TypeObj *a, TypeObj *b) {
    if (a == b)
        return true;
    if (a->mro) {
        for (size_t i = 1; i < a->mro->len; i++)
            if (a->mro->items[i].as.o == &b->hdr)
                return true;
        return false;
    }
    for (a = a->base; a; a = a->base)
        if (a == b)
            return true;
    return false;
}

bool val_isinstance(VM *vm, Value v, TypeObj *t) {
    return type_is_subtype(val_type(vm, v), t);
}

const char *val_type_name(VM *vm, Value v) {
    return val_type(vm, v)->name->data;
}

/* ---------------------------------------------------------------- fake addresses */

#define FAKE_BASE 0x7f0000001000ull

static size_t ptr_slot(Obj *o, size_t mask) {
    uint64_t x = (uint64_t)(uintptr_t)o;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (size_t)x & mask;
}

static bool fake_grow(VM *vm) {
    struct ObjMemo *m = vm->memo;
    size_t cap = m->fake_cap ? m->fake_cap * 2 : 64;
    FakeSlot *t = ls_alloc(vm, cap * sizeof(FakeSlot));
    if (!t)
        return false;
    for (size_t i = 0; i < m->fake_cap; i++) {
        if (!m->fake[i].obj)
            continue;
        size_t j = ptr_slot(m->fake[i].obj, cap - 1);
        while (t[j].obj)
            j = (j + 1) & (cap - 1);
        t[j] = m->fake[i];
    }
    ls_free(vm, m->fake, m->fake_cap * sizeof(FakeSlot));
    m->fake = t;
    m->fake_cap = cap;
    return true;
}

uint64_t obj_fake_address(VM *vm, Obj *o) {
    struct ObjMemo *m = vm->memo;
    if (m->fake_cap) {
        for (size_t j = ptr_slot(o, m->fake_cap - 1); m->fake[j].obj;
             j = (j + 1) & (m->fake_cap - 1))
            if (m->fake[j].obj == o)
                return m->fake[j].addr;
    }
    uint64_t addr = FAKE_BASE + 16 * vm->next_fake_id++;
    if ((m->fake_len + 1) * 2 > m->fake_cap && !fake_grow(vm))
        return addr; /* out of memory: still a plausible, if unstable, address */
    size_t j = ptr_slot(o, m->fake_cap - 1);
    while (m->fake[j].obj)
        j = (j + 1) & (m->fake_cap - 1);
    m->fake[j] = (FakeSlot){o, addr};
    m->fake_len++;
    return addr;
}

/* Removes o's entry (if any), shifting later entries of the probe run back into place. */
static void fake_forget(VM *vm, Obj *o) {
    struct ObjMemo *m = vm->memo;
    size_t mask = m->fake_cap - 1, j = ptr_slot(o, mask);
    while (m->fake[j].obj && m->fake[j].obj != o)
        j = (j + 1) & mask;
    if (!m->fake[j].obj)
        return;
    m->fake[j].obj = NULL;
    m->fake_len--;
    for (size_t k = (j + 1) & mask; m->fake[k].obj; k = (k + 1) & mask) {
        size_t home = ptr_slot(m->fake[k].obj, mask);
        /* move k back to j if its home is not cyclically within (j, k] */
        if ((k > j && (home <= j || home > k)) || (k < j && home <= j && home > k)) {
            m->fake[j] = m->fake[k];
            m->fake[k].obj = NULL;
            j = k;
        }
    }
}

int64_t obj_id(VM *vm, Value v) {
    switch (v.kind) {
    case V_OBJ:
        return (int64_t)obj_fake_address(vm, v.as.o);
    case V_NONE:
        return (int64_t)FAKE_BASE - 0x1000;
    case V_BOOL:
        return (int64_t)FAKE_BASE - 0x800 + 16 * v.as.i;
    default:
        /* ints and floats are values here, not objects: derive a stable id from the bits */
        return (int64_t)(0x7e0000000000ull + ((uint64_t)v.as.i & 0xffffffffffull) * 16);
    }
}

/* ---------------------------------------------------------------- repr guard */

int obj_repr_enter(VM *vm, Obj *o) {
    struct ObjMemo *m = vm->memo;
    for (size_t i = 0; i < m->repr_len; i++)
        if (m->repr_stack[i] == o)
            return 1;
    if (m->repr_len == m->repr_cap) {
        size_t cap = m->repr_cap ? m->repr_cap * 2 : 16;
        Obj **s = ls_realloc(vm, m->repr_stack, m->repr_cap * sizeof(Obj *), cap * sizeof(Obj *));
        if (!s) {
            raise_memory_error(vm);
            return -1;
        }
        m->repr_stack = s;
        m->repr_cap = cap;
    }
    m->repr_stack[m->repr_len++] = o;
    return 0;
}

void obj_repr_leave(VM *vm, Obj *o) {
    struct ObjMemo *m = vm->memo;
    if (m->repr_len && m->repr_stack[m->repr_len - 1] == o)
        m->repr_len--;
}

/* ---------------------------------------------------------------- built-in world */

bool obj_register_type(VM *vm, TypeObj *type) {
    struct ObjMemo *m = vm->memo;
    if (m->ntypes == m->cap_types) {
        size_t cap = m->cap_types ? m->cap_types * 2 : 128;
        TypeObj **t =
            ls_realloc(vm, m->types, m->cap_types * sizeof(TypeObj *), cap * sizeof(TypeObj *));
        if (!t)
            return false;
        m->types = t;
        m->cap_types = cap;
    }
    m->types[m->ntypes++] = type;
    return true;
}

/* The types objects_init pre-makes (object model and containers), with their Python names. */
typedef struct {
    size_t offset; /* in Types */
    const char *name;
} BootType;

#define BT(field, pyname)                                                                          \
    { offsetof(Types, field), pyname }
static const BootType boot_types[] = {
    BT(object, "object"),
    BT(type, "type"),
    BT(str, "str"),
    BT(dict, "dict"),
    BT(tuple, "tuple"),
    BT(none, "NoneType"),
    BT(int_, "int"),
    BT(bool_, "bool"),
    BT(float_, "float"),
    BT(list, "list"),
    BT(set, "set"),
    BT(frozenset, "frozenset"),
    BT(range, "range"),
    BT(slice, "slice"),
    BT(builtin, "builtin_function_or_method"),
    BT(method, "method"),
    BT(module, "module"),
    BT(property, "property"),
    BT(staticmethod, "staticmethod"),
    BT(classmethod, "classmethod"),
    BT(super, "super"),
    BT(not_implemented_type, "NotImplementedType"),
    BT(ellipsis_type, "ellipsis"),
    BT(list_iter, "list_iterator"),
    BT(tuple_iter, "tuple_iterator"),
    BT(str_iter, "str_ascii_iterator"),
    BT(range_iter, "range_iterator"),
    BT(dict_iter, "dict_keyiterator"),
    BT(dict_keys, "dict_keys"),
    BT(dict_values, "dict_values"),
    BT(dict_items, "dict_items"),
    BT(set_iter, "set_iterator"),
    BT(enumerate, "enumerate"),
    BT(zip, "zip"),
    BT(map, "map"),
    BT(filter, "filter"),
    BT(reversed, "reversed"),
    BT(seq_iter, "iterator"),
};
#undef BT

static TypeObj **types_slot(VM *vm, const BootType *bt) {
    return (TypeObj **)((char *)&vm->types + bt->offset);
}

/* Phase 1a: bare TypeObj structs, so that every vm->types.X pointer exists. */
static bool alloc_boot_types(VM *vm) {
    size_t n = sizeof boot_types / sizeof boot_types[0];
    for (size_t i = 0; i < n; i++) {
        TypeObj *t = ls_alloc(vm, sizeof(TypeObj));
        if (!t || !obj_register_type(vm, t)) {
            ls_free(vm, t, sizeof(TypeObj));
            return false;
        }
        t->hdr.refcnt = 1;
        t->instance_size = sizeof(Obj);
        *types_slot(vm, &boot_types[i]) = t;
    }
    for (size_t i = 0; i < n; i++) {
        TypeObj *t = *types_slot(vm, &boot_types[i]);
        t->hdr.type = vm->types.type;
        t->base = t == vm->types.object ? NULL : vm->types.object;
    }
    return true;
}

/* Phase 1b: names, modules and dicts (needs str and dict to allocate, not to be ready). */
static bool name_boot_types(VM *vm) {
    StrObj *builtins = str_intern(vm, "builtins");
    if (!builtins)
        return false;
    for (size_t i = 0; i < sizeof boot_types / sizeof boot_types[0]; i++) {
        TypeObj *t = *types_slot(vm, &boot_types[i]);
        t->name = str_intern(vm, boot_types[i].name);
        t->dict = dict_new(vm);
        if (!t->name || !t->dict) {
            obj_decref(vm, &builtins->hdr);
            return false;
        }
        obj_incref(&t->name->hdr);
        t->qualname = t->name;
        obj_incref(&builtins->hdr);
        t->module = builtins;
    }
    obj_decref(vm, &builtins->hdr);
    return true;
}

static bool init_names(VM *vm) {
#define X(n)                                                                                       \
    vm->names.n = str_intern(vm, strcmp(#n, "lambda_") == 0 ? "<lambda>" : #n);                    \
    if (!vm->names.n)                                                                              \
        return false;
    LS_NAMES(X)
#undef X
    return true;
}

static bool init_op_names(VM *vm) {
    static const char *const names[BINOP_COUNT][3] = {
#define X(e, sym, d, rd, id) {d, rd, id},
        LS_BINOPS(X)
#undef X
    };
    for (int i = 0; i < BINOP_COUNT; i++)
        for (int j = 0; j < 3; j++)
            if (!(vm->memo->op_names[i][j] = str_intern(vm, names[i][j])))
                return false;
    vm->memo->name_delete = str_intern(vm, "__delete__");
    vm->memo->name_set_name = str_intern(vm, "__set_name__");
    return vm->memo->name_delete && vm->memo->name_set_name;
}

static bool init_singletons(VM *vm) {
    Obj *ni = obj_alloc(vm, vm->types.not_implemented_type, sizeof(Obj));
    Obj *el = obj_alloc(vm, vm->types.ellipsis_type, sizeof(Obj));
    if (ni)
        vm->not_implemented = VOBJ(ni);
    if (el)
        vm->ellipsis = VOBJ(el);
    return ni && el;
}

static bool ready_boot_types(VM *vm) {
    for (size_t i = 0; i < sizeof boot_types / sizeof boot_types[0]; i++)
        if (!type_ready(vm, *types_slot(vm, &boot_types[i])))
            return false;
    return true;
}

bool objects_init(VM *vm) {
    /* a VM zeroed by calloc (unit tests) gets ls_config_init's limits, not a depth of 0 */
    if (vm->config.max_depth <= 0)
        vm->config.max_depth = 1000;
    if (vm->config.max_steps == 0)
        vm->config.max_steps = 2000000000ULL;
    /* a budget, so that "ab" * 10**12 raises MemoryError instead of asking malloc for 2 TB */
    if (vm->bytes_limit == 0)
        vm->bytes_limit = LS_MEMORY_BUDGET;
    vm->memo = ls_alloc(vm, sizeof(struct ObjMemo));
    if (!vm->memo || !alloc_boot_types(vm))
        return false;
    vm->interned = dict_new(vm);
    if (!vm->interned || !name_boot_types(vm) || !init_names(vm) || !init_op_names(vm))
        return false;
    if (!core_types_init(vm) || !num_types_init(vm) || !str_types_init(vm) ||
        !tuple_types_init(vm) || !list_types_init(vm) || !dict_types_init(vm) ||
        !set_types_init(vm) || !range_types_init(vm) || !iter_types_init(vm))
        return false;
    /* the dicts made before dict's traverse slot existed must be tracked too */
    for (size_t i = 0; i < vm->memo->ntypes; i++)
        if (vm->memo->types[i]->dict && !vm->memo->types[i]->dict->hdr.gc_prev &&
            vm->types.dict->traverse)
            gc_link(vm, &vm->memo->types[i]->dict->hdr);
    if (vm->types.dict->traverse && !vm->interned->hdr.gc_prev)
        gc_link(vm, &vm->interned->hdr);
    return ready_boot_types(vm) && init_singletons(vm);
}

/* ---------------------------------------------------------------- teardown */

static void xclear(VM *vm, Value *v) {
    Value old = *v;
    *v = VNULL;
    v_decref(vm, old);
}

#define CLEAR_OBJ(vm, field)                                                                       \
    do {                                                                                           \
        Obj *old_ = (Obj *)(field);                                                                \
        (field) = NULL;                                                                            \
        obj_xdecref((vm), old_);                                                                   \
    } while (0)

/* Breaks every remaining cycle: clears each tracked object once, in list order. Objects
 * that die while being cleared unlink themselves from whichever list they are on. */
static void sweep_cycles(VM *vm) {
    Obj *head = &vm->gc_objects;
    if (!head->gc_next)
        return;
    Obj done = {0};
    done.gc_next = done.gc_prev = &done;
    while (head->gc_next != head) {
        Obj *o = head->gc_next;
        gc_unlink(o);
        o->gc_next = &done; /* move to `done` before clearing, so it is visited once */
        o->gc_prev = done.gc_prev;
        done.gc_prev->gc_next = o;
        done.gc_prev = o;
        obj_incref(o);
        if (o->type->clear)
            o->type->clear(vm, o);
        obj_decref(vm, o);
    }
    /* survivors (leaked references): put them back so dealloc can unlink them later */
    while (done.gc_next != &done) {
        Obj *o = done.gc_next;
        gc_unlink(o);
        gc_link(vm, o);
    }
}

static void free_types(VM *vm) {
    struct ObjMemo *m = vm->memo;
    for (size_t i = m->ntypes; i-- > 0;) {
        TypeObj *t = m->types[i];
        CLEAR_OBJ(vm, t->dict);
        CLEAR_OBJ(vm, t->mro);
    }
    for (size_t i = m->ntypes; i-- > 0;) {
        TypeObj *t = m->types[i];
        CLEAR_OBJ(vm, t->name);
        CLEAR_OBJ(vm, t->qualname);
        CLEAR_OBJ(vm, t->module);
    }
    for (size_t i = 0; i < m->ntypes; i++) {
        if (m->types[i]->hdr.gc_prev)
            gc_unlink(&m->types[i]->hdr);
        ls_free(vm, m->types[i], sizeof(TypeObj));
    }
    ls_free(vm, m->types, m->cap_types * sizeof(TypeObj *));
}

void objects_free(VM *vm) {
    if (!vm->memo)
        return;
    xclear(vm, &vm->exc);
    CLEAR_OBJ(vm, vm->builtins);
    CLEAR_OBJ(vm, vm->modules);
    xclear(vm, &vm->sys_stdout);
    xclear(vm, &vm->sys_stderr);
    sweep_cycles(vm);
#define X(n) CLEAR_OBJ(vm, vm->names.n);
    LS_NAMES(X)
#undef X
    CLEAR_OBJ(vm, vm->interned);
    for (int i = 0; i < 128; i++)
        CLEAR_OBJ(vm, vm->memo->chars[i]);
    CLEAR_OBJ(vm, vm->memo->empty);
    xclear(vm, &vm->memo->object_init);
    for (int i = 0; i < BINOP_COUNT; i++)
        for (int j = 0; j < 3; j++)
            CLEAR_OBJ(vm, vm->memo->op_names[i][j]);
    CLEAR_OBJ(vm, vm->memo->name_delete);
    CLEAR_OBJ(vm, vm->memo->name_set_name);
    xclear(vm, &vm->not_implemented);
    xclear(vm, &vm->ellipsis);
    free_types(vm);
    struct ObjMemo *m = vm->memo;
    ls_free(vm, m->fake, m->fake_cap * sizeof(FakeSlot));
    ls_free(vm, m->repr_stack, m->repr_cap * sizeof(Obj *));
    ls_free(vm, m, sizeof *m);
    vm->memo = NULL;
    memset(&vm->types, 0, sizeof vm->types);
}
