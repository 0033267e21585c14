/*
 * test_list.c - engine/listobj.c: indexing and slicing with CPython's messages, slice
 * assignment and deletion, the methods, operators, repr with recursion, and list.sort's
 * stability, reverse= and key= semantics and error behaviour. Methods are called through
 * the type (as Python code would), so no interpreter is needed.
 */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "object_test.h"

TestSuite(list, .init = setup, .fini = teardown);

/* A new list of n ints. */
static Value ints(int n, ...) {
    ListObj *l = list_new(vm, 0);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        list_append(vm, l, VINT(va_arg(ap, int)));
    va_end(ap);
    return VOBJ(l);
}

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

static Value slice(Value start, Value stop, Value step) {
    return slice_new(vm, start, stop, step);
}

/* o[key] with a key made for the call (consumed). */
static Value get(Value o, Value key) {
    Value r = obj_getitem(vm, o, key);
    v_decref(vm, key);
    return r;
}

Test(list, append_keeps_order_across_growth) {
    ListObj *l = list_new(vm, 0);
    for (int i = 0; i < 1000; i++)
        cr_assert(list_append(vm, l, VINT(i)));
    cr_expect_eq(l->len, 1000);
    cr_expect(l->cap >= 1000);
    cr_expect_eq(l->items[999].as.i, 999);
    obj_decref(vm, &l->hdr);
}

Test(list, negative_index_counts_from_the_end) {
    Value l = ints(3, 1, 2, 3);
    cr_expect_str_eq(show(obj_getitem(vm, l, VINT(-1))), "3");
    cr_expect_str_eq(show(obj_getitem(vm, l, VINT(-4))), "IndexError: list index out of range");
    cr_expect_str_eq(show(obj_getitem(vm, l, VFLOAT(1.0))),
                     "TypeError: list indices must be integers or slices, not float");
    v_decref(vm, l);
}

Test(list, slices_follow_cpython_index_rules) {
    Value l = ints(5, 0, 1, 2, 3, 4);
    cr_expect_str_eq(show(get(l, slice(VNONE, VNONE, VINT(-1)))), "[4, 3, 2, 1, 0]");
    cr_expect_str_eq(show(get(l, slice(VINT(-2), VINT(100), VNONE))), "[3, 4]");
    cr_expect_str_eq(show(get(l, slice(VINT(4), VINT(0), VINT(-2)))), "[4, 2]");
    cr_expect_str_eq(show(get(l, slice(VINT(3), VINT(1), VNONE))), "[]");
    cr_expect_str_eq(show(get(l, slice(VNONE, VNONE, VINT(0)))),
                     "ValueError: slice step cannot be zero");
    v_decref(vm, l);
}

Test(list, slice_assignment_resizes_the_list) {
    Value l = ints(3, 1, 2, 3), s = slice(VINT(0), VINT(2), VNONE), abc = str("abc");
    cr_expect_eq(obj_setitem(vm, l, s, abc), 0);
    cr_expect_str_eq(show(v_incref(l)), "['a', 'b', 'c', 3]");
    cr_expect_eq(obj_setitem(vm, l, s, l), 0); /* assigning the list to a part of itself */
    cr_expect_str_eq(show(v_incref(l)), "['a', 'b', 'c', 3, 'c', 3]");
    cr_expect_eq(obj_setitem(vm, l, s, VINT(5)), -1);
    cr_expect_str_eq(show(VNULL), "TypeError: can only assign an iterable");
    v_decref(vm, s);
    v_decref(vm, abc);
    v_decref(vm, l);
}

Test(list, extended_slice_assignment_needs_the_same_size) {
    Value l = ints(5, 0, 1, 2, 3, 4), s = slice(VNONE, VNONE, VINT(2)), two = ints(2, 7, 8);
    cr_expect_eq(obj_setitem(vm, l, s, two), -1);
    cr_expect_str_eq(show(VNULL), "ValueError: attempt to assign sequence of size 2 to "
                                  "extended slice of size 3");
    v_decref(vm, s);
    s = slice(VNONE, VNONE, VINT(-2));
    cr_expect_eq(obj_setitem(vm, l, s, VNULL), 0);
    cr_expect_str_eq(show(v_incref(l)), "[1, 3]");
    v_decref(vm, s);
    v_decref(vm, two);
    v_decref(vm, l);
}

Test(list, item_assignment_and_deletion_check_bounds) {
    Value l = ints(2, 1, 2);
    cr_expect_eq(obj_setitem(vm, l, VINT(2), VINT(0)), -1);
    cr_expect_str_eq(show(VNULL), "IndexError: list assignment index out of range");
    cr_expect_eq(obj_setitem(vm, l, VINT(-2), VNULL), 0);
    cr_expect_str_eq(show(v_incref(l)), "[2]");
    v_decref(vm, l);
}

Test(list, pop_and_insert_use_cpython_positions) {
    Value l = ints(3, 1, 2, 3), e = ints(0);
    cr_expect_str_eq(show(meth(l, "pop", 0)), "3");
    cr_expect_str_eq(show(meth(l, "pop", 1, VINT(0))), "1");
    cr_expect_str_eq(show(meth(l, "pop", 1, VINT(5))), "IndexError: pop index out of range");
    cr_expect_str_eq(show(meth(e, "pop", 0)), "IndexError: pop from empty list");
    cr_expect_str_eq(show(meth(l, "insert", 2, VINT(-100), VINT(0))), "None");
    cr_expect_str_eq(show(meth(l, "insert", 2, VINT(100), VINT(9))), "None");
    cr_expect_str_eq(show(v_incref(l)), "[0, 2, 9]");
    v_decref(vm, l);
    v_decref(vm, e);
}

Test(list, remove_and_index_report_missing_items) {
    Value l = ints(3, 1, 2, 1), a = str("a");
    cr_expect_str_eq(show(meth(l, "remove", 1, VINT(7))),
                     "ValueError: list.remove(x): x not in list");
    cr_expect_str_eq(show(meth(l, "index", 1, a)), "ValueError: 'a' is not in list");
    cr_expect_str_eq(show(meth(l, "index", 2, VINT(1), VINT(1))), "2");
    cr_expect_str_eq(show(meth(l, "count", 1, VINT(1))), "2");
    cr_expect_str_eq(show(meth(l, "remove", 1, VINT(1))), "None");
    cr_expect_str_eq(show(v_incref(l)), "[2, 1]");
    v_decref(vm, a);
    v_decref(vm, l);
}

Test(list, method_arguments_are_checked_like_cpython) {
    Value l = ints(0);
    cr_expect_str_eq(show(meth(l, "append", 0)),
                     "TypeError: list.append() takes exactly one argument (0 given)");
    Value args[2] = {VINT(5), VINT(1)};
    StrObj *name = str_intern(vm, "append");
    Value f = type_lookup(vm->types.list, name);
    obj_decref(vm, &name->hdr);
    cr_expect_str_eq(show(vm_call(vm, f, args, 2, NULL)),
                     "TypeError: descriptor 'append' for 'list' objects doesn't apply to a "
                     "'int' object");
    v_decref(vm, l);
}

Test(list, operators_concatenate_repeat_and_extend) {
    Value a = ints(2, 1, 2), b = ints(1, 3), t = VOBJ(tuple_pack(vm, 1, VINT(4)));
    cr_expect_str_eq(show(obj_binop(vm, BINOP_ADD, a, b)), "[1, 2, 3]");
    cr_expect_str_eq(show(obj_binop(vm, BINOP_ADD, a, t)),
                     "TypeError: can only concatenate list (not \"tuple\") to list");
    cr_expect_str_eq(show(obj_binop(vm, BINOP_MUL, VINT(2), b)), "[3, 3]");
    cr_expect_str_eq(show(obj_binop(vm, BINOP_MUL, a, VFLOAT(2.0))),
                     "TypeError: can't multiply sequence by non-int of type 'float'");
    Value r = obj_inplace_binop(vm, BINOP_ADD, a, t); /* += takes any iterable */
    cr_expect(r.as.o == a.as.o);
    cr_expect_str_eq(show(r), "[1, 2, 4]");
    cr_expect_str_eq(show(obj_inplace_binop(vm, BINOP_MUL, b, VINT(3))), "[3, 3, 3]");
    v_decref(vm, a);
    v_decref(vm, b);
    v_decref(vm, t);
}

Test(list, comparison_is_lexicographic) {
    Value a = ints(2, 1, 2), b = ints(2, 1, 3), c = ints(1, 1), s = str("x");
    cr_expect_str_eq(show(obj_richcompare(vm, a, b, CMP_LT)), "True");
    cr_expect_str_eq(show(obj_richcompare(vm, a, c, CMP_LE)), "False");
    cr_expect_str_eq(show(obj_richcompare(vm, c, a, CMP_LT)), "True");
    cr_expect_str_eq(show(obj_richcompare(vm, a, s, CMP_LT)),
                     "TypeError: '<' not supported between instances of 'list' and 'str'");
    v_decref(vm, a);
    v_decref(vm, b);
    v_decref(vm, c);
    v_decref(vm, s);
}

Test(list, repr_of_a_self_containing_list_shows_ellipsis) {
    Value l = ints(1, 1);
    list_append(vm, AS_LIST(l), l);
    cr_expect_str_eq(show(v_incref(l)), "[1, [...]]");
    int64_t h;
    cr_expect_eq(obj_hash(vm, l, &h), -1);
    cr_expect_str_eq(show(VNULL), "TypeError: unhashable type: 'list'");
    AS_LIST(l)->len--; /* break the cycle by hand */
    v_decref(vm, l);
    v_decref(vm, l);
}

/* ---------------------------------------------------------------- sort */

static Value key_mod10(VM *vm, Value *args, int nargs, TupleObj *kw) {
    (void)vm, (void)nargs, (void)kw;
    return VINT(args[0].as.i % 10);
}

static Value key_fails_on_3(VM *vm, Value *args, int nargs, TupleObj *kw) {
    (void)nargs, (void)kw;
    if (args[0].as.i == 3)
        return vm_raise(vm, vm->exc_types.ValueError, "bad key");
    return v_incref(args[0]);
}

Test(list, sort_orders_ints_strs_and_tuples) {
    Value l = ints(6, 3, 1, 2, -5, 10, 1);
    cr_expect_eq(list_sort(vm, AS_LIST(l), VNONE, false), 0);
    cr_expect_str_eq(show(l), "[-5, 1, 1, 2, 3, 10]");
    ListObj *s = list_new(vm, 0);
    const char *words[] = {"b", "a", "ab", "", "\xc3\xa9", "z"};
    for (int i = 0; i < 6; i++) {
        Value w = str(words[i]);
        list_append(vm, s, w);
        v_decref(vm, w);
    }
    cr_expect_eq(list_sort(vm, s, VNONE, true), 0);
    cr_expect_str_eq(show(VOBJ(s)), "['\xc3\xa9', 'z', 'b', 'ab', 'a', '']");
}

Test(list, sort_is_stable_and_reverse_keeps_equal_items_in_order) {
    Value key = builtin_new(vm, "key", key_mod10, VNULL);
    Value l = ints(6, 21, 13, 11, 3, 31, 2);
    cr_expect_eq(list_sort(vm, AS_LIST(l), key, false), 0);
    cr_expect_str_eq(show(v_incref(l)), "[21, 11, 31, 2, 13, 3]");
    cr_expect_eq(list_sort(vm, AS_LIST(l), key, true), 0);
    cr_expect_str_eq(show(v_incref(l)), "[13, 3, 2, 21, 11, 31]");
    v_decref(vm, l);
    v_decref(vm, key);
}

Test(list, sort_of_a_long_list_is_ordered) {
    ListObj *l = list_new(vm, 0);
    uint64_t x = 42;
    for (int i = 0; i < 5000; i++) {
        x = (x * 1103515245 + 12345) % 2147483648u;
        list_append(vm, l, VINT((int64_t)(x % 1000)));
    }
    cr_assert_eq(list_sort(vm, l, VNONE, false), 0);
    for (size_t i = 1; i < l->len; i++)
        cr_assert_leq(l->items[i - 1].as.i, l->items[i].as.i, "at %zu", i);
    obj_decref(vm, &l->hdr);
}

Test(list, sort_errors_propagate_and_keep_every_item) {
    Value mixed = ints(2, 3, 1);
    Value a = str("a");
    list_append(vm, AS_LIST(mixed), a);
    v_decref(vm, a);
    cr_expect_eq(list_sort(vm, AS_LIST(mixed), VNONE, false), -1);
    cr_expect_str_eq(show(VNULL),
                     "TypeError: '<' not supported between instances of 'str' and 'int'");
    cr_expect_eq(AS_LIST(mixed)->len, 3);
    Value key = builtin_new(vm, "key", key_fails_on_3, VNULL);
    Value l = ints(3, 1, 3, 2);
    cr_expect_eq(list_sort(vm, AS_LIST(l), key, false), -1);
    cr_expect_str_eq(show(VNULL), "ValueError: bad key");
    cr_expect_str_eq(show(l), "[1, 3, 2]");
    v_decref(vm, key);
    v_decref(vm, mixed);
}

Test(list, sort_method_accepts_only_key_and_reverse) {
    Value l = ints(2, 2, 1);
    cr_expect_str_eq(show(meth(l, "sort", 1, VINT(1))),
                     "TypeError: sort() takes no positional arguments");
    v_decref(vm, l);
}

Test(list, constructor_copies_any_iterable) {
    Value s = str("ab");
    Value l = vm_call(vm, VOBJ(vm->types.list), &s, 1, NULL);
    cr_expect_str_eq(show(l), "['a', 'b']");
    Value one = VINT(1);
    cr_expect_str_eq(show(vm_call(vm, VOBJ(vm->types.list), &one, 1, NULL)),
                     "TypeError: 'int' object is not iterable");
    v_decref(vm, s);
}

Test(list, iterator_sees_appends_made_while_iterating) {
    Value l = ints(1, 1), it = obj_iter(vm, l), x;
    cr_expect_eq(obj_next(vm, it, &x), 1);
    list_append(vm, AS_LIST(l), VINT(2));
    cr_expect_eq(obj_next(vm, it, &x), 1);
    cr_expect_eq(x.as.i, 2);
    cr_expect_eq(obj_next(vm, it, &x), 0);
    v_decref(vm, it);
    v_decref(vm, l);
}
