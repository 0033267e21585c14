/*
 * test_dict.c - engine/dictobj.c: insertion order through deletes and resizes, key
 * equality across int/float/bool and str, KeyError arguments, the str fast paths, the
 * methods, views (repr, membership, set operations), iteration guards and reprs.
 */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "object_test.h"

TestSuite(dict, .init = setup, .fini = teardown);

static Value str(const char *s) {
    return VOBJ(str_from_cstr(vm, s));
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

/* {'a': 1, 'b': 2, 'c': 3} */
static Value abc(void) {
    DictObj *d = dict_new(vm);
    dict_set_cstr(vm, d, "a", VINT(1));
    dict_set_cstr(vm, d, "b", VINT(2));
    dict_set_cstr(vm, d, "c", VINT(3));
    return VOBJ(d);
}

Test(dict, keeps_insertion_order_through_deletes_and_growth) {
    DictObj *d = dict_new(vm);
    for (int i = 0; i < 200; i++)
        cr_assert_eq(dict_set(vm, d, VINT(i * 7), VINT(i)), 0);
    for (int i = 0; i < 200; i += 2)
        cr_assert_eq(dict_del(vm, d, VINT(i * 7)), 1);
    cr_expect_eq(dict_set(vm, d, VINT(0), VINT(-1)), 0); /* re-added: goes last */
    size_t pos = 0, n = 0;
    Value k, v, last = VNULL;
    while (dict_next(d, &pos, &k, &v)) {
        if (n == 0)
            cr_expect_eq(k.as.i, 7);
        last = k;
        n++;
    }
    cr_expect_eq(n, 101);
    cr_expect_eq(last.as.i, 0);
    for (int i = 1; i < 200; i += 2) {
        Value out;
        cr_assert_eq(dict_get(vm, d, VINT(i * 7), &out), 1);
        cr_assert_eq(out.as.i, i);
    }
    obj_decref(vm, &d->hdr);
}

Test(dict, equal_numbers_share_a_key_and_keep_the_first) {
    DictObj *d = dict_new(vm);
    dict_set(vm, d, VINT(1), VNONE);
    dict_set(vm, d, VFLOAT(1.0), VNONE);
    dict_set(vm, d, VBOOL(true), VINT(7));
    cr_expect_eq(d->len, 1);
    cr_expect_str_eq(show(VOBJ(d)), "{1: 7}");
}

Test(dict, missing_key_raises_key_error_with_the_key_as_argument) {
    Value d = abc(), key = VOBJ(tuple_pack(vm, 2, VINT(1), VINT(2)));
    cr_expect(IS_NULL(obj_getitem(vm, d, key)));
    Value e = vm_exc_take(vm);
    cr_expect(val_isinstance(vm, e, vm->exc_types.KeyError));
    TupleObj *args = ((ExcObj *)e.as.o)->args;
    cr_expect_eq(args->len, 1);
    cr_expect(args->items[0].as.o == key.as.o);
    v_decref(vm, e);
    cr_expect_eq(obj_setitem(vm, d, key, VNULL), -1);
    cr_expect_str_eq(show(VNULL), "KeyError: (1, 2)");
    v_decref(vm, key);
    v_decref(vm, d);
}

Test(dict, unhashable_keys_are_rejected) {
    Value d = abc(), l = VOBJ(list_new(vm, 0));
    cr_expect_eq(obj_setitem(vm, d, l, VINT(1)), -1);
    cr_expect_str_eq(show(VNULL), "TypeError: unhashable type: 'list'");
    v_decref(vm, l);
    v_decref(vm, d);
}

Test(dict, str_fast_path_finds_equal_uninterned_keys) {
    DictObj *d = dict_new(vm);
    StrObj *k1 = str_from_cstr(vm, "name"), *k2 = str_from_cstr(vm, "name");
    cr_expect_eq(dict_set_str(vm, d, k1, VINT(1)), 0);
    cr_expect_eq(dict_get_str(d, k2).as.i, 1);
    cr_expect(IS_NULL(dict_get_str(d, vm->names.args)));
    dict_set(vm, d, VINT(5), VINT(5)); /* non-str keys do not disturb the fast path */
    cr_expect_eq(dict_get_str(d, k1).as.i, 1);
    obj_decref(vm, &k1->hdr);
    obj_decref(vm, &k2->hdr);
    obj_decref(vm, &d->hdr);
}

Test(dict, get_pop_setdefault_and_popitem) {
    Value d = abc(), a = str("a"), z = str("z");
    cr_expect_str_eq(show(meth(d, "get", 1, z)), "None");
    cr_expect_str_eq(show(meth(d, "get", 2, z, VINT(0))), "0");
    cr_expect_str_eq(show(meth(d, "get", 0)), "TypeError: get expected at least 1 argument, got 0");
    cr_expect_str_eq(show(meth(d, "pop", 1, a)), "1");
    cr_expect_str_eq(show(meth(d, "pop", 2, a, VINT(9))), "9");
    cr_expect_str_eq(show(meth(d, "pop", 1, a)), "KeyError: 'a'");
    cr_expect_str_eq(show(meth(d, "setdefault", 2, z, VINT(26))), "26");
    cr_expect_str_eq(show(meth(d, "popitem", 0)), "('z', 26)");
    cr_expect_str_eq(show(v_incref(d)), "{'b': 2, 'c': 3}");
    meth(d, "clear", 0);
    cr_expect_str_eq(show(meth(d, "popitem", 0)), "KeyError: 'popitem(): dictionary is empty'");
    v_decref(vm, a);
    v_decref(vm, z);
    v_decref(vm, d);
}

Test(dict, update_accepts_mappings_and_pairs) {
    Value d = abc(), other = abc(), one = VOBJ(list_new(vm, 0));
    TupleObj *pair = tuple_pack(vm, 2, VINT(1), VINT(2));
    list_append(vm, AS_LIST(one), VOBJ(pair));
    cr_expect_str_eq(show(meth(d, "update", 1, one)), "None");
    cr_expect_str_eq(show(meth(d, "update", 1, other)), "None");
    cr_expect_str_eq(show(v_incref(d)), "{'a': 1, 'b': 2, 'c': 3, 1: 2}");
    Value bad = VOBJ(list_new(vm, 0));
    list_append(vm, AS_LIST(bad), VINT(5));
    cr_expect_str_eq(show(meth(d, "update", 1, bad)),
                     "TypeError: cannot convert dictionary update sequence element #0 to a "
                     "sequence");
    AS_LIST(one)->items[0] = VOBJ(tuple_pack(vm, 1, VINT(1))); /* replaces the list's ref */
    obj_decref(vm, &pair->hdr);
    obj_decref(vm, &pair->hdr);
    cr_expect_str_eq(show(meth(d, "update", 1, one)),
                     "ValueError: dictionary update sequence element #0 has length 1; 2 is "
                     "required");
    v_decref(vm, bad);
    v_decref(vm, one);
    v_decref(vm, other);
    v_decref(vm, d);
}

Test(dict, or_operator_merges_into_a_copy) {
    Value a = abc(), b = VOBJ(dict_new(vm)), l = VOBJ(list_new(vm, 0));
    dict_set_cstr(vm, AS_DICT(b), "a", VINT(0));
    dict_set_cstr(vm, AS_DICT(b), "d", VINT(4));
    cr_expect_str_eq(show(obj_binop(vm, BINOP_OR, a, b)), "{'a': 0, 'b': 2, 'c': 3, 'd': 4}");
    cr_expect_str_eq(show(obj_binop(vm, BINOP_OR, a, l)),
                     "TypeError: unsupported operand type(s) for |: 'dict' and 'list'");
    cr_expect_str_eq(show(v_incref(a)), "{'a': 1, 'b': 2, 'c': 3}");
    v_decref(vm, a);
    v_decref(vm, b);
    v_decref(vm, l);
}

Test(dict, equality_ignores_order_but_not_values) {
    Value a = abc(), b = VOBJ(dict_new(vm));
    dict_set_cstr(vm, AS_DICT(b), "c", VFLOAT(3.0));
    dict_set_cstr(vm, AS_DICT(b), "b", VINT(2));
    dict_set_cstr(vm, AS_DICT(b), "a", VINT(1));
    cr_expect_str_eq(show(obj_richcompare(vm, a, b, CMP_EQ)), "True");
    dict_set_cstr(vm, AS_DICT(b), "a", VINT(0));
    cr_expect_str_eq(show(obj_richcompare(vm, a, b, CMP_NE)), "True");
    cr_expect_str_eq(show(obj_richcompare(vm, a, b, CMP_LT)),
                     "TypeError: '<' not supported between instances of 'dict' and 'dict'");
    v_decref(vm, a);
    v_decref(vm, b);
}

Test(dict, iteration_detects_a_size_change) {
    Value d = abc(), it = obj_iter(vm, d), x;
    cr_expect_eq(obj_next(vm, it, &x), 1);
    v_decref(vm, x);
    dict_set_cstr(vm, AS_DICT(d), "new", VNONE);
    cr_expect_eq(obj_next(vm, it, &x), -1);
    cr_expect_str_eq(show(VNULL), "RuntimeError: dictionary changed size during iteration");
    v_decref(vm, it);
    v_decref(vm, d);
}

Test(dict, views_have_reprs_lengths_and_membership) {
    Value d = abc(), b = str("b");
    Value keys = meth(d, "keys", 0), values = meth(d, "values", 0), items = meth(d, "items", 0);
    cr_expect_str_eq(show(v_incref(keys)), "dict_keys(['a', 'b', 'c'])");
    cr_expect_str_eq(show(v_incref(values)), "dict_values([1, 2, 3])");
    cr_expect_str_eq(show(v_incref(items)), "dict_items([('a', 1), ('b', 2), ('c', 3)])");
    cr_expect_eq(obj_len(vm, keys), 3);
    cr_expect_eq(obj_contains(vm, keys, b), 1);
    cr_expect_eq(obj_contains(vm, values, VINT(3)), 1);
    Value pair = VOBJ(tuple_pack(vm, 2, b, VINT(3)));
    cr_expect_eq(obj_contains(vm, items, pair), 0);
    dict_set_cstr(vm, AS_DICT(d), "d", VINT(4)); /* views are live */
    cr_expect_eq(obj_len(vm, values), 4);
    Value l = VOBJ(list_new(vm, 0));
    list_append(vm, AS_LIST(l), b);
    cr_expect_str_eq(show(obj_binop(vm, BINOP_AND, keys, l)), "{'b'}");
    Value diff = obj_binop(vm, BINOP_SUB, keys, l);
    cr_expect_eq(obj_len(vm, diff), 3);
    cr_expect_eq(obj_contains(vm, diff, b), 0);
    v_decref(vm, diff);
    Value vals[] = {keys, values, items, pair, l, b, d};
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
        v_decref(vm, vals[i]);
}

Test(dict, repr_of_a_self_containing_dict_shows_ellipsis) {
    Value d = abc();
    dict_set_cstr(vm, AS_DICT(d), "me", d);
    cr_expect_str_eq(show(v_incref(d)), "{'a': 1, 'b': 2, 'c': 3, 'me': {...}}");
    StrObj *me = str_intern(vm, "me");
    dict_del(vm, AS_DICT(d), VOBJ(me));
    obj_decref(vm, &me->hdr);
    v_decref(vm, d);
}

Test(dict, constructor_takes_pairs_and_keywords) {
    Value pairs = VOBJ(list_new(vm, 0));
    TupleObj *p = tuple_pack(vm, 2, VINT(1), VINT(2));
    list_append(vm, AS_LIST(pairs), VOBJ(p));
    obj_decref(vm, &p->hdr);
    StrObj *kw = str_intern(vm, "x");
    TupleObj *kwnames = tuple_pack(vm, 1, VOBJ(kw));
    Value args[2] = {pairs, VINT(3)};
    cr_expect_str_eq(show(vm_call(vm, VOBJ(vm->types.dict), args, 1, kwnames)), "{1: 2, 'x': 3}");
    cr_expect_str_eq(show(vm_call(vm, VOBJ(vm->types.dict), args, 2, NULL)),
                     "TypeError: dict expected at most 1 argument, got 2");
    obj_decref(vm, &kwnames->hdr);
    obj_decref(vm, &kw->hdr);
    v_decref(vm, pairs);
}

Test(dict, reversed_walks_keys_backwards) {
    Value d = abc();
    StrObj *name = str_intern(vm, "__reversed__");
    Value f = type_lookup(vm->types.dict, name);
    obj_decref(vm, &name->hdr);
    Value it = vm_call(vm, f, &d, 1, NULL);
    ListObj *l = list_from_iterable(vm, it);
    cr_expect_str_eq(show(VOBJ(l)), "['c', 'b', 'a']");
    v_decref(vm, it);
    v_decref(vm, d);
}

Test(dict, items_iteration_reuses_a_tuple_only_when_it_was_dropped) {
    Value d = abc();
    Value items = meth(d, "items", 0), it = obj_iter(vm, items), a, b, c;
    cr_assert_eq(obj_next(vm, it, &a), 1);
    cr_assert_eq(obj_next(vm, it, &b), 1); /* a is still held: a new tuple */
    cr_expect(a.as.o != b.as.o);
    cr_expect_str_eq(show(a), "('a', 1)");
    cr_expect_str_eq(show(b), "('b', 2)");
    cr_assert_eq(obj_next(vm, it, &c), 1); /* b was dropped: its tuple comes back */
    cr_expect(c.as.o == b.as.o);
    cr_expect_str_eq(show(c), "('c', 3)");
    v_decref(vm, it);
    v_decref(vm, items);
    v_decref(vm, d);
}
