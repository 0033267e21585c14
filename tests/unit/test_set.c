/*
 * test_set.c - engine/setobj.c: iteration order of int sets identical to CPython 3.11's
 * (the expected strings were printed by python3), pop's finger, frozenset hashes, the
 * algebra with its result types, comparisons, KeyError and reprs.
 */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objimpl.h"

bool builtins_init(VM *vm);

static VM *vm;

static void setup(void) {
    vm = calloc(1, sizeof(VM));
    ls_config_init(&vm->config); /* call depth limit for vm_call */
    cr_assert(objects_init(vm));
    cr_assert(builtins_init(vm));
}

static void teardown(void) {
    objects_free(vm);
    cr_expect_eq(vm->bytes_allocated, 0, "leaked %zu bytes", vm->bytes_allocated);
    free(vm);
}

TestSuite(set, .init = setup, .fini = teardown);

/* repr(v), or "Type: message" when v is V_NULL; consumes v. */
static char *show(Value v) {
    static char buf[1024];
    if (IS_NULL(v)) {
        Value e = vm_exc_take(vm);
        StrObj *s = obj_str(vm, e);
        snprintf(buf, sizeof buf, "%s: %s", val_type_name(vm, e), s->data);
        obj_decref(vm, &s->hdr);
        v_decref(vm, e);
        return buf;
    }
    StrObj *r = obj_repr(vm, v);
    snprintf(buf, sizeof buf, "%s", r ? r->data : "<repr failed>");
    obj_xdecref(vm, r ? &r->hdr : NULL);
    v_decref(vm, v);
    return buf;
}

/* A set (or frozenset) with the given ints added in order. */
static Value ints(bool frozen, int n, ...) {
    SetObj *s = set_new(vm, frozen);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        set_add(vm, s, VINT(va_arg(ap, int)));
    va_end(ap);
    return VOBJ(s);
}

/* set(range(start, stop, step)) */
static Value range_set(int start, int stop, int step) {
    SetObj *s = set_new(vm, false);
    for (int i = start; step > 0 ? i < stop : i > stop; i += step)
        set_add(vm, s, VINT(i));
    return VOBJ(s);
}

/* o.name(args...) through the type's method (borrowed o and args). */
static Value meth(Value o, const char *name, int n, ...) {
    Value args[8] = {o};
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i + 1] = va_arg(ap, Value);
    va_end(ap);
    StrObj *key = str_intern(vm, name);
    Value f = type_lookup(val_type(vm, o), key);
    obj_decref(vm, &key->hdr);
    cr_assert(!IS_NULL(f), "no method %s", name);
    return vm_call(vm, f, args, n + 1, NULL);
}

Test(set, int_sets_iterate_in_cpython_order) {
    cr_expect_str_eq(show(ints(false, 5, 5, 1, 9, 33, 17)), "{1, 33, 5, 9, 17}"); /* set.add */
    cr_expect_str_eq(show(range_set(20, 0, -3)), "{2, 5, 8, 11, 14, 17, 20}");
    SetObj *big = set_new(vm, false);
    int64_t items[] = {-1, -2, 1099511627776, 7, 15, 23, 31};
    for (int i = 0; i < 7; i++)
        set_add(vm, big, VINT(items[i]));
    cr_expect_str_eq(show(VOBJ(big)), "{1099511627776, 7, 15, -2, 23, -1, 31}");
    cr_expect_str_eq(show(ints(false, 5, 100, 200, 300, 4, 1000)), "{100, 4, 200, 1000, 300}");
    cr_expect_str_eq(show(range_set(0, 300, 37)), "{0, 259, 37, 296, 74, 111, 148, 185, 222}");
}

/* A set display of constants, compiled as CPython does: set().update(constant). */
static char *display(int n, const int *items) {
    Value vals[8];
    for (int i = 0; i < n; i++)
        vals[i] = VINT(items[i]);
    SetObj *f = set_display_const(vm, vals, (size_t)n), *s = set_new(vm, false);
    cr_assert(f && s);
    cr_assert_eq(set_update(vm, s, VOBJ(f)), 0);
    obj_decref(vm, &f->hdr);
    return show(VOBJ(s));
}

Test(set, constant_set_displays_match_cpython) {
    cr_expect_str_eq(display(3, (int[]){5, 13, 21}), "{21, 5, 13}");
    cr_expect_str_eq(display(5, (int[]){5, 1, 9, 33, 17}), "{1, 33, 17, 5, 9}");
    cr_expect_str_eq(display(3, (int[]){16, 3, 0}), "{16, 0, 3}");
    cr_expect_str_eq(display(4, (int[]){40, 30, 20, 10}), "{40, 10, 20, 30}");
}

Test(set, growth_and_removals_keep_cpython_order) {
    SetObj *sq = set_new(vm, false);
    for (int i = 0; i < 30; i++)
        set_add(vm, sq, VINT(i * i));
    cr_expect_str_eq(show(VOBJ(sq)),
                     "{0, 1, 256, 4, 9, 16, 144, 400, 529, 784, 25, 289, 36, 676, 169, 49, 441, "
                     "64, 576, 196, 324, 841, 81, 729, 225, 100, 484, 361, 625, 121}");
    Value s = ints(false, 3, 1, 2, 3);
    for (int i = 0; i < 3; i++)
        meth(s, "add", 1, VINT(100 >> (i * 2)));
    cr_expect_str_eq(show(s), "{1, 2, 3, 100, 6, 25}");
    Value r = range_set(0, 30, 1), mid = range_set(5, 25, 1);
    cr_expect_str_eq(show(obj_binop(vm, BINOP_SUB, r, mid)), "{0, 1, 2, 3, 4, 25, 26, 27, 28, 29}");
    v_decref(vm, r);
    v_decref(vm, mid);
}

Test(set, pop_walks_the_table_with_a_finger) {
    Value s = range_set(0, 10, 1);
    cr_expect_str_eq(show(meth(s, "pop", 0)), "0");
    cr_expect_str_eq(show(meth(s, "pop", 0)), "1");
    cr_expect_str_eq(show(v_incref(s)), "{2, 3, 4, 5, 6, 7, 8, 9}");
    Value e = ints(false, 0);
    cr_expect_str_eq(show(meth(e, "pop", 0)), "KeyError: 'pop from an empty set'");
    v_decref(vm, e);
    v_decref(vm, s);
}

Test(set, frozenset_hash_matches_cpython) {
    int64_t h;
    Value f = ints(true, 2, 1, 2), empty = ints(true, 0);
    cr_expect_eq(obj_hash(vm, f, &h), 0);
    cr_expect_eq(h, -1826646154956904602LL);
    cr_expect_eq(obj_hash(vm, empty, &h), 0);
    cr_expect_eq(h, 133146708735736LL);
    Value s = ints(false, 1, 1);
    cr_expect_eq(obj_hash(vm, s, &h), -1);
    cr_expect_str_eq(show(VNULL), "TypeError: unhashable type: 'set'");
    v_decref(vm, f);
    v_decref(vm, empty);
    v_decref(vm, s);
}

Test(set, operators_keep_the_left_operand_kind) {
    Value a = ints(false, 3, 1, 2, 3), b = ints(false, 3, 40, 8, 9), f = ints(true, 1, 1);
    cr_expect_str_eq(show(obj_binop(vm, BINOP_OR, a, b)), "{1, 2, 3, 40, 8, 9}");
    cr_expect_str_eq(show(obj_binop(vm, BINOP_OR, f, a)), "frozenset({1, 2, 3})");
    cr_expect_str_eq(show(obj_binop(vm, BINOP_AND, a, f)), "{1}");
    cr_expect_str_eq(show(obj_binop(vm, BINOP_XOR, a, f)), "{2, 3}");
    Value l = VOBJ(list_new(vm, 0));
    cr_expect_str_eq(show(obj_binop(vm, BINOP_OR, a, l)),
                     "TypeError: unsupported operand type(s) for |: 'set' and 'list'");
    cr_expect_str_eq(show(meth(a, "union", 2, l, b)), "{1, 2, 3, 40, 8, 9}");
    Value r = obj_inplace_binop(vm, BINOP_SUB, a, f);
    cr_expect(r.as.o == a.as.o);
    cr_expect_str_eq(show(r), "{2, 3}");
    Value vals[] = {a, b, f, l};
    for (int i = 0; i < 4; i++)
        v_decref(vm, vals[i]);
}

Test(set, comparisons_are_subset_tests) {
    Value a = ints(false, 2, 1, 2), b = ints(true, 3, 1, 2, 3), l = VOBJ(list_new(vm, 0));
    cr_expect_str_eq(show(obj_richcompare(vm, a, b, CMP_LT)), "True");
    cr_expect_str_eq(show(obj_richcompare(vm, a, a, CMP_LT)), "False");
    cr_expect_str_eq(show(obj_richcompare(vm, b, a, CMP_GE)), "True");
    cr_expect_str_eq(show(obj_richcompare(vm, a, b, CMP_EQ)), "False");
    cr_expect_str_eq(show(obj_richcompare(vm, a, l, CMP_EQ)), "False");
    cr_expect_str_eq(show(obj_richcompare(vm, a, l, CMP_LE)),
                     "TypeError: '<=' not supported between instances of 'set' and 'list'");
    cr_expect_str_eq(show(meth(a, "issubset", 1, b)), "True");
    cr_expect_str_eq(show(meth(a, "isdisjoint", 1, l)), "True");
    Value vals[] = {a, b, l};
    for (int i = 0; i < 3; i++)
        v_decref(vm, vals[i]);
}

Test(set, remove_raises_key_error_and_set_keys_become_frozensets) {
    Value s = ints(false, 2, 1, 2), inner = ints(false, 1, 7), frozen = ints(true, 1, 7);
    cr_expect_str_eq(show(meth(s, "remove", 1, VINT(3))), "KeyError: 3");
    cr_expect_str_eq(show(meth(s, "discard", 1, VINT(3))), "None");
    set_add(vm, (SetObj *)s.as.o, frozen);
    cr_expect_eq(obj_contains(vm, s, inner), 1); /* {7} is looked up as frozenset({7}) */
    cr_expect_str_eq(show(meth(s, "add", 1, inner)), "TypeError: unhashable type: 'set'");
    Value vals[] = {s, inner, frozen};
    for (int i = 0; i < 3; i++)
        v_decref(vm, vals[i]);
}

Test(set, reprs_name_the_type_when_needed) {
    cr_expect_str_eq(show(ints(false, 0)), "set()");
    cr_expect_str_eq(show(ints(true, 0)), "frozenset()");
    cr_expect_str_eq(show(ints(true, 2, 2, 1)), "frozenset({1, 2})");
}

Test(set, iteration_detects_a_size_change) {
    Value s = ints(false, 2, 1, 2), it = obj_iter(vm, s), x;
    cr_expect_eq(obj_next(vm, it, &x), 1);
    set_add(vm, (SetObj *)s.as.o, VINT(3));
    cr_expect_eq(obj_next(vm, it, &x), -1);
    cr_expect_str_eq(show(VNULL), "RuntimeError: Set changed size during iteration");
    v_decref(vm, it);
    v_decref(vm, s);
}

Test(set, many_adds_and_discards_stay_consistent) {
    SetObj *s = set_new(vm, false);
    for (int i = 0; i < 20000; i++)
        set_add(vm, s, VINT(i * 3));
    for (int i = 0; i < 20000; i += 2) {
        Value r = meth(VOBJ(s), "discard", 1, VINT(i * 3));
        cr_assert(IS_NONE(r));
    }
    cr_expect_eq(obj_len(vm, VOBJ(s)), 10000);
    for (int i = 0; i < 20000; i++)
        cr_assert_eq(set_contains(vm, s, VINT(i * 3)), i % 2, "at %d", i);
    obj_decref(vm, &s->hdr);
}
