/*
 * test_gc.c - the cycle collector (engine/gc.c): unreachable cycles of data are freed,
 * anything reachable from outside survives intact, and programs that make cyclic garbage in
 * a loop run in bounded memory through the public API.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "loopscope.h"
#include "objimpl.h"

bool builtins_init(VM *vm);

static VM *vm;

static void setup(void) {
    vm = calloc(1, sizeof(VM));
    cr_assert(objects_init(vm));
    cr_assert(builtins_init(vm));
}

static void teardown(void) {
    objects_free(vm);
    cr_expect_eq(vm->bytes_allocated, 0, "leaked %zu bytes", vm->bytes_allocated);
    free(vm);
}

TestSuite(gc, .init = setup, .fini = teardown);

/* Two lists that contain each other; returns them with the caller owning one ref each. */
static void make_pair(ListObj **a, ListObj **b) {
    *a = list_new(vm, 0);
    *b = list_new(vm, 0);
    cr_assert(list_append(vm, *a, VOBJ(*b)));
    cr_assert(list_append(vm, *b, VOBJ(*a)));
}

Test(gc, unreachable_cycle_is_freed) {
    size_t before = vm->bytes_allocated;
    ListObj *a, *b;
    make_pair(&a, &b);
    obj_decref(vm, &a->hdr);
    obj_decref(vm, &b->hdr);
    cr_assert_gt(vm->bytes_allocated, before, "the cycle keeps itself alive");
    cr_assert_eq(gc_collect(vm), 2);
    cr_assert_eq(vm->bytes_allocated, before, "%zu bytes left", vm->bytes_allocated - before);
}

Test(gc, cycle_reachable_from_outside_survives) {
    ListObj *a, *b;
    make_pair(&a, &b);
    obj_decref(vm, &b->hdr); /* b is now only reachable through a, which we hold */
    cr_assert_eq(gc_collect(vm), 0);
    cr_assert_eq(a->len, 1);
    ListObj *inner = (ListObj *)AS_OBJ(a->items[0]);
    cr_assert_eq(inner->len, 1);
    cr_assert_eq(AS_OBJ(inner->items[0]), &a->hdr, "b still points back at a");
    obj_decref(vm, &a->hdr);
    cr_assert_eq(gc_collect(vm), 2);
}

Test(gc, self_referencing_dict_is_freed) {
    StrObj *key = str_intern(vm, "me"); /* interned first: the intern table may grow */
    obj_decref(vm, &key->hdr);
    size_t before = vm->bytes_allocated;
    DictObj *d = dict_new(vm);
    cr_assert_eq(dict_set_cstr(vm, d, "me", VOBJ(d)), 0);
    obj_decref(vm, &d->hdr);
    cr_assert_eq(gc_collect(vm), 1);
    cr_assert_eq(vm->bytes_allocated, before);
}

/* ---------------------------------------------------------------- whole programs */

static char out[4096];
static size_t nout;

static void capture(void *user, LsStream stream, const char *text, size_t len) {
    (void)user;
    if (stream == LS_STDOUT && nout + len < sizeof out) {
        memcpy(out + nout, text, len);
        nout += len;
        out[nout] = '\0';
    }
}

/* Runs src with the given collector threshold (0: default) and returns stdout. */
static const char *run(const char *src, size_t gc_threshold) {
    nout = 0;
    out[0] = '\0';
    LsConfig config;
    ls_config_init(&config);
    config.write = capture;
    if (gc_threshold)
        config.gc_threshold = gc_threshold;
    LsEngine *e = ls_engine_new(&config);
    cr_assert_not_null(e);
    cr_assert_eq(ls_run_source(e, "prog.py", src, strlen(src)), LS_OK, "%s", out);
    ls_engine_delete(e);
    return out;
}

/* 400,000 cyclic pairs of instances, about 200 MB without a collector: under a 64 MB budget
 * only a working collector lets the program finish (MemoryError otherwise). */
Test(gc_program, cyclic_garbage_in_a_loop_stays_bounded) {
    const char *src = "class Node:\n"
                      "    pass\n"
                      "def churn(n):\n"
                      "    for i in range(n):\n"
                      "        a = Node()\n"
                      "        b = Node()\n"
                      "        a.other = b\n"
                      "        b.other = a\n"
                      "    return n\n"
                      "print(churn(400000))\n";
    LsConfig config;
    ls_config_init(&config);
    nout = 0;
    config.write = capture;
    config.memory_limit = (size_t)64 << 20;
    LsEngine *e = ls_engine_new(&config);
    cr_assert_not_null(e);
    LsResult r = ls_run_source(e, "prog.py", src, strlen(src));
    cr_assert_eq(r, LS_OK);
    cr_assert_str_eq(out, "400000\n");
    ls_engine_delete(e);
}

/* Collecting at every safe point must not disturb generators, closures or exceptions. */
Test(gc_program, collecting_everywhere_changes_nothing) {
    const char *src = "def gen(n):\n"
                      "    seen = []\n"
                      "    for i in range(n):\n"
                      "        seen.append(seen)\n"
                      "        yield i * i\n"
                      "def outer():\n"
                      "    box = []\n"
                      "    def inner(x):\n"
                      "        box.append(inner)\n"
                      "        return x + len(box)\n"
                      "    return inner\n"
                      "f = outer()\n"
                      "total = 0\n"
                      "for v in gen(50):\n"
                      "    try:\n"
                      "        raise ValueError(v)\n"
                      "    except ValueError as e:\n"
                      "        total += f(e.args[0])\n"
                      "print(total)\n";
    const char *expected = strdup(run(src, 0));
    cr_assert_str_eq(run(src, 1), expected);
    cr_assert_str_eq(expected, "41700\n"); /* python3 prints 41700 */
    free((void *)expected);
}
