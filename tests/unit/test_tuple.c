/*
 * test_tuple.c - engine/tupleobj.c: CPython's tuple hashes (values printed by python3),
 * reprs, indexing and slicing, operators with CPython's messages, count/index, and the
 * constructor.
 */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "object_test.h"

TestSuite(tuple, .init = setup, .fini = teardown);

static int64_t hash_of(Value v) {
    int64_t h = 0;
    cr_assert_eq(obj_hash(vm, v, &h), 0);
    v_decref(vm, v);
    return h;
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

Test(tuple, hash_matches_cpython) {
    cr_expect_eq(hash_of(VOBJ(tuple_new(vm, 0))), 5740354900026072187LL);
    cr_expect_eq(hash_of(VOBJ(tuple_pack(vm, 1, VINT(1)))), -6644214454873602895LL);
    cr_expect_eq(hash_of(VOBJ(tuple_pack(vm, 2, VINT(1), VINT(2)))), -3550055125485641917LL);
    TupleObj *inner = tuple_pack(vm, 2, VINT(2), VINT(3));
    cr_expect_eq(hash_of(VOBJ(tuple_pack(vm, 2, VINT(1), VOBJ(inner)))), 7267574591690527098LL);
    obj_decref(vm, &inner->hdr);
    cr_expect_eq(hash_of(VOBJ(tuple_pack(vm, 1, VINT(-1)))), 8078679518589016365LL);
}

Test(tuple, tuples_holding_lists_are_unhashable) {
    ListObj *l = list_new(vm, 0);
    TupleObj *t = tuple_pack(vm, 2, VINT(1), VOBJ(l));
    int64_t h;
    cr_expect_eq(obj_hash(vm, VOBJ(t), &h), -1);
    cr_expect_str_eq(show(VNULL), "TypeError: unhashable type: 'list'");
    obj_decref(vm, &t->hdr);
    obj_decref(vm, &l->hdr);
}

Test(tuple, one_item_repr_has_a_trailing_comma) {
    cr_expect_str_eq(show(VOBJ(tuple_new(vm, 0))), "()");
    cr_expect_str_eq(show(VOBJ(tuple_pack(vm, 1, VINT(1)))), "(1,)");
    cr_expect_str_eq(show(VOBJ(tuple_pack(vm, 3, VINT(1), VNONE, VFLOAT(0.5)))), "(1, None, 0.5)");
}

Test(tuple, indexing_and_slicing) {
    Value t = VOBJ(tuple_pack(vm, 3, VINT(1), VINT(2), VINT(3)));
    cr_expect_str_eq(show(obj_getitem(vm, t, VINT(-3))), "1");
    cr_expect_str_eq(show(obj_getitem(vm, t, VINT(3))), "IndexError: tuple index out of range");
    Value s = slice_new(vm, VNONE, VNONE, VINT(-2));
    cr_expect_str_eq(show(obj_getitem(vm, t, s)), "(3, 1)");
    v_decref(vm, s);
    s = slice_new(vm, VNONE, VNONE, VNONE);
    Value whole = obj_getitem(vm, t, s);
    cr_expect(whole.as.o == t.as.o); /* t[:] is t */
    v_decref(vm, whole);
    v_decref(vm, s);
    cr_expect_eq(obj_setitem(vm, t, VINT(0), VINT(5)), -1);
    cr_expect_str_eq(show(VNULL), "TypeError: 'tuple' object does not support item assignment");
    v_decref(vm, t);
}

Test(tuple, operators_and_messages) {
    Value a = VOBJ(tuple_pack(vm, 1, VINT(1))), l = VOBJ(list_new(vm, 0));
    cr_expect_str_eq(show(obj_binop(vm, BINOP_ADD, a, a)), "(1, 1)");
    cr_expect_str_eq(show(obj_binop(vm, BINOP_MUL, a, VINT(3))), "(1, 1, 1)");
    cr_expect_str_eq(show(obj_binop(vm, BINOP_ADD, a, l)),
                     "TypeError: can only concatenate tuple (not \"list\") to tuple");
    cr_expect_str_eq(show(obj_richcompare(vm, a, a, CMP_GE)), "True");
    v_decref(vm, a);
    v_decref(vm, l);
}

Test(tuple, count_and_index) {
    Value t = VOBJ(tuple_pack(vm, 3, VINT(1), VINT(2), VINT(1)));
    cr_expect_str_eq(show(meth(t, "count", 1, VINT(1))), "2");
    cr_expect_str_eq(show(meth(t, "index", 1, VINT(2))), "1");
    cr_expect_str_eq(show(meth(t, "index", 2, VINT(1), VINT(1))), "2");
    cr_expect_str_eq(show(meth(t, "index", 1, VINT(5))),
                     "ValueError: tuple.index(x): x not in tuple");
    v_decref(vm, t);
}

Test(tuple, constructor_returns_an_exact_tuple_unchanged) {
    Value t = VOBJ(tuple_pack(vm, 1, VINT(1)));
    Value r = vm_call(vm, VOBJ(vm->types.tuple), &t, 1, NULL);
    cr_expect(r.as.o == t.as.o);
    v_decref(vm, r);
    ListObj *l = list_new(vm, 0);
    list_append(vm, l, VINT(4));
    Value lv = VOBJ(l);
    cr_expect_str_eq(show(vm_call(vm, VOBJ(vm->types.tuple), &lv, 1, NULL)), "(4,)");
    v_decref(vm, lv);
    v_decref(vm, t);
}
