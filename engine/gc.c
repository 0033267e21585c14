/*
 * gc.c - the cycle collector: frees reference cycles that reference counting cannot, so a
 * long-running scenario does not grow without bound.
 *
 * The algorithm is CPython's trial deletion, on the list of every object whose type has a
 * traverse slot (vm->gc_objects, kept by object.c):
 *   1. gc_refs = refcnt for each tracked object;
 *   2. every tracked object subtracts the references it holds to tracked objects: what is
 *      left is the number of references from outside (C locals, running frames, the VM);
 *   3. objects with outside references, and everything reachable from them, are alive;
 *   4. the rest is garbage. Objects whose death runs code or prints something - generators,
 *      coroutines, futures and tasks ("never awaited", "Task was destroyed", finally blocks)
 *      - are kept with everything they reach, as CPython did before PEP 442: no Python code
 *      ever runs inside the collector. The remaining garbage is pure data (lists, dicts,
 *      instances, functions, classes, exceptions and tracebacks): each object's `clear` slot
 *      drops its references and the cycle falls apart through ordinary deallocation.
 * Running frames are not objects, so what they hold counts as an outside reference; a
 * running generator is never traversed (its frame's stack pointer may be stale).
 *
 * The collector runs at safe points between bytecodes (the VM calls gc_maybe_collect at
 * backward jumps, calls and loop iterations) once enough tracked objects were allocated
 * since the last run: the threshold grows with the references the last run visited, so the
 * total work stays linear in allocations.
 *
 * Not for: freeing everything at engine teardown (objects_free does that).
 */
#include "aio.h"
#include "objimpl.h"

/* gc_refs value of an object known to be alive during a collection. */
#define GC_ALIVE INT64_MIN

/* A growable stack of objects (worklist and garbage list). */
typedef struct {
    Obj **items;
    size_t len, cap;
} ObjStack;

static bool push(VM *vm, ObjStack *s, Obj *o) {
    if (s->len == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        Obj **items = ls_realloc(vm, s->items, s->cap * sizeof(Obj *), cap * sizeof(Obj *));
        if (!items)
            return false;
        s->items = items;
        s->cap = cap;
    }
    s->items[s->len++] = o;
    return true;
}

static void stack_free(VM *vm, ObjStack *s) {
    ls_free(vm, s->items, s->cap * sizeof(Obj *));
}

static bool tracked(Value v) {
    return v.kind == V_OBJ && v.as.o->gc_prev != NULL;
}

/* Does freeing an object of this type run code or print? (see 4. above) */
static bool has_finalizer(VM *vm, TypeObj *t) {
    /* any of these types may be missing (an engine built without them, as in unit tests) */
    TypeObj *kinds[] = {vm->types.generator, vm->types.coroutine, vm->types.async_generator,
                        vm->aio ? vm->aio->future_type : NULL};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (kinds[i] && type_is_subtype(t, kinds[i]))
            return true;
    return false;
}

/* A generator or coroutine executing now: its frame is in use by the VM. */
static bool running(VM *vm, Obj *o) {
    TypeObj *t = o->type;
    bool gen =
        t == vm->types.generator || t == vm->types.coroutine || t == vm->types.async_generator;
    return gen && ((GenObj *)o)->state == GEN_RUNNING;
}

static void traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    if (!running(vm, o))
        o->type->traverse(vm, o, visit, arg);
}

static void visit_subtract(VM *vm, Value v, void *arg) {
    (void)vm, (void)arg;
    if (tracked(v))
        v.as.o->gc_refs--;
}

/* Marks a referent alive and queues it; *arg is the worklist. Counts the references of
 * surviving objects (each is traversed once here): the live set's size for pacing. */
static void visit_mark(VM *vm, Value v, void *arg) {
    ObjStack *work = arg;
    vm->gc_live_visits++;
    if (!tracked(v) || v.as.o->gc_refs == GC_ALIVE)
        return;
    v.as.o->gc_refs = GC_ALIVE;
    if (!push(vm, work, v.as.o))
        vm->gc_failed = true;
}

/* Marks everything reachable from the queued objects. */
static void propagate(VM *vm, ObjStack *work) {
    while (work->len > 0)
        traverse(vm, work->items[--work->len], visit_mark, work);
}

/* Steps 1-3 (and the finalizer rule of step 4): afterwards gc_refs == GC_ALIVE for every
 * object that must stay. */
static void mark_alive(VM *vm, Obj *head, ObjStack *work) {
    for (Obj *o = head->gc_next; o != head; o = o->gc_next)
        o->gc_refs = o->refcnt;
    for (Obj *o = head->gc_next; o != head; o = o->gc_next)
        traverse(vm, o, visit_subtract, NULL);
    for (Obj *o = head->gc_next; o != head; o = o->gc_next)
        if (o->gc_refs > 0 || (o->gc_refs != GC_ALIVE && has_finalizer(vm, o->type))) {
            o->gc_refs = GC_ALIVE;
            if (!push(vm, work, o))
                vm->gc_failed = true;
            propagate(vm, work);
        }
}

/* Step 4: clears the garbage; returns how many objects were garbage. */
static size_t clear_garbage(VM *vm, Obj *head) {
    ObjStack garbage = {0};
    for (Obj *o = head->gc_next; o != head; o = o->gc_next)
        if (o->gc_refs != GC_ALIVE && !push(vm, &garbage, o))
            vm->gc_failed = true;
    if (vm->gc_failed) {
        stack_free(vm, &garbage);
        return 0;
    }
    for (size_t i = 0; i < garbage.len; i++) /* hold them while their links are cut */
        obj_incref(garbage.items[i]);
    for (size_t i = 0; i < garbage.len; i++)
        if (garbage.items[i]->type->clear)
            garbage.items[i]->type->clear(vm, garbage.items[i]);
    for (size_t i = 0; i < garbage.len; i++)
        obj_decref(vm, garbage.items[i]);
    size_t n = garbage.len;
    stack_free(vm, &garbage);
    return n;
}

size_t gc_collect(VM *vm) {
    Obj *head = &vm->gc_objects;
    vm->gc_pending = false;
    vm->gc_allocs = 0;
    if (!head->gc_next || vm->gc_running)
        return 0;
    vm->gc_running = true;
    vm->gc_failed = false;
    ObjStack work = {0};
    vm->gc_live_visits = 0;
    mark_alive(vm, head, &work);
    size_t visits = vm->gc_live_visits;
    stack_free(vm, &work);
    size_t freed = vm->gc_failed ? 0 : clear_garbage(vm, head);
    /* The next run comes after twice as many tracked allocations as the surviving objects
     * hold references (at least the configured threshold): a collection costs a few passes
     * over the live set, so its cost per allocation stays a small constant however large
     * the live set grows, while garbage waits at most for that many allocations. */
    size_t base = vm->config.gc_threshold ? vm->config.gc_threshold : LS_GC_THRESHOLD;
    vm->gc_threshold = base == 1 || 2 * visits <= base ? base : 2 * visits; /* 1: stress */
    vm->gc_running = false;
    return freed;
}
